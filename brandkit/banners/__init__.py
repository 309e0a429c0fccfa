"""Brand templates rendered to channel-ready banners (pure: no Django models)."""

from brandkit.banners.render import (
    FORMATS,
    BannerError,
    Rendered,
    layout_class,
    pixel_size,
    render_banner,
    template_by_slug,
)

__all__ = [
    "FORMATS",
    "BannerError",
    "Rendered",
    "layout_class",
    "pixel_size",
    "render_banner",
    "template_by_slug",
]
