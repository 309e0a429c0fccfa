"""Where the document machinery finds its files: the bundled static folder and the templates."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STATIC_DIR = ROOT / "static"
TEMPLATES_DIR = ROOT / "templates" / "documents"
FONTS_CSS = "css/fonts.css"  # relative to STATIC_DIR; the HTML links it through the fetcher


def static_base_url() -> str:
    """The base URL of every document: relative references resolve inside static/."""
    return STATIC_DIR.resolve().as_uri() + "/"
