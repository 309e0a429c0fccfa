"""The brand guide: every signed-in user reads the rules here."""

import io
import zipfile

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from brandkit.media_response import MEDIA_CSP, file_response
from brandkit.rules import palette_files
from brandkit.rules.models import Brandbook, LogoVariant

PALETTE_FORMATS = {
    "ase": ("application/octet-stream", "ase"),
    "gpl": ("text/plain; charset=utf-8", "gpl"),
    "css": ("text/css; charset=utf-8", "css"),
}


def guide(request, slug=None, version=None):
    if slug is None:
        book = Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)
        if book is None:
            book = Brandbook.objects.filter(is_current=True).first()
    else:
        book = Brandbook.objects.filter(slug=slug, version=version).first()
        if book is None:
            raise Http404(_("No such brandbook version"))
    context = {"book": book}
    if book is not None:
        context.update(
            colours=book.colours.all(),
            typefaces=book.typefaces.all(),
            logos=book.logos.prefetch_related("variants"),
            presets=book.presets.select_related("logo"),
            matrix=book.contrast_matrix(),
            versions=Brandbook.objects.filter(slug=book.slug).order_by("-loaded_at"),
            templates=template_cards(book),
        )
    return render(request, "rules/guide.html", context)


def logo_file(request, pk):
    variant = get_object_or_404(LogoVariant, pk=pk)
    return file_response(variant.file)


def _current_book() -> Brandbook:
    book = Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)
    if book is None:
        raise Http404(_("No brandbook is loaded."))
    return book


def _download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cache-Control"] = "private, max-age=3600"
    return response


def palette(request, fmt):
    """The current brandbook's colours as ASE, GPL or CSS variables."""
    if fmt not in PALETTE_FORMATS:
        raise Http404(_("No such file."))
    book = _current_book()
    swatches = [
        palette_files.Swatch(
            slug=c.slug,
            name=c.name,
            hex=c.hex,
            cmyk=tuple(c.cmyk) if c.cmyk else None,
            pantone=c.pantone,
        )
        for c in book.colours.all()
    ]
    title = f"{book.name} {book.version}"
    if fmt == "ase":
        data = palette_files.ase(swatches)
    elif fmt == "gpl":
        data = palette_files.gpl(swatches, title).encode("utf-8")
    else:
        data = palette_files.css(swatches, book.slug).encode("utf-8")
    content_type, suffix = PALETTE_FORMATS[fmt]
    return _download(data, content_type, f"{book.slug}-{book.version}-palette.{suffix}")


def logo_pack(request):
    """Every logo variant of the current brandbook in one ZIP, with a note of the rules that
    go with them (clear space, minimum width, whether the artwork is confirmed)."""
    book = _current_book()
    buffer = io.BytesIO()
    notes = [f"{book.name} {book.version}", ""]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for logo in book.logos.prefetch_related("variants"):
            notes.append(f"{logo.name} ({logo.slug})")
            notes.append(
                _("Clear space: %(space)s × the logo's height on every side.")
                % {"space": logo.clear_space}
            )
            if logo.min_width_px:
                notes.append(_("Smallest width: %(width)s px.") % {"width": logo.min_width_px})
            if not logo.confirmed:
                notes.append(_("Placeholder artwork: to be replaced by the official files."))
            for variant in logo.variants.all():
                if not variant.file:
                    continue
                with variant.file.open("rb") as handle:
                    name = f"{logo.slug}/{logo.slug}-{variant.slug}.svg"
                    archive.writestr(name, handle.read())
                    notes.append(f"  {name}")
            notes.append("")
        archive.writestr("README.txt", "\n".join(notes) + "\n")
    return _download(buffer.getvalue(), "application/zip", f"{book.slug}-{book.version}-logos.zip")


# -- brand templates ----------------------------------------------------------------------------

PREVIEW_PRESETS = ("facebook-link", "instagram-square", "web-hero")


def template_cards(book: Brandbook) -> list[dict]:
    """What the guide shows of each template: its names, slots and colour pairs in the reader's
    language, and the presets it is previewed on."""
    lang = (get_language() or "et")[:2]
    colours = {c.slug: c for c in book.colours.all()}
    presets = [p.slug for p in book.presets.all()]
    shown = [slug for slug in PREVIEW_PRESETS if slug in presets] or presets[:1]
    cards = []
    for template in book.templates or []:
        cards.append(
            {
                "slug": template["slug"],
                "name": template["name"].get(lang) or template["name"]["et"],
                "description": (template.get("description") or {}).get(lang)
                or (template.get("description") or {}).get("et", ""),
                "slots": [
                    {"name": slot["name"], "kind": slot["kind"], "required": slot["required"]}
                    for slot in template["slots"]
                ],
                "pairs": [
                    {
                        "background": colours.get(pair["background"]),
                        "text": colours.get(pair["text"]),
                        "accent": colours.get(pair.get("accent") or ""),
                    }
                    for pair in template["colour_pairs"]
                ],
                "previews": shown,
            }
        )
    return cards


def template_preview(request, pk, template, preset):
    """A template rendered with sample texts in the reader's language: the guide's picture of
    it, made by the same renderer as every banner."""
    from brandkit.banners import BannerError, render_banner
    from brandkit.banners.samples import sample_texts

    book = get_object_or_404(Brandbook, pk=pk)
    data = book.to_data()
    lang = (get_language() or "et")[:2]
    chosen = next((t for t in data.get("templates") or [] if t["slug"] == template), None)
    if chosen is None:
        raise Http404(_("No such template"))
    try:
        out = render_banner(data, template, preset, lang, sample_texts(chosen, lang))
    except BannerError as exc:
        raise Http404(exc.messages.get(lang, exc.messages["en"])) from exc
    response = HttpResponse(out.data, content_type=out.media_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = MEDIA_CSP
    return response
