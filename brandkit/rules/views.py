"""The brand guide: every signed-in user reads the rules here."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from brandkit.media_response import file_response
from brandkit.rules.models import Brandbook, LogoVariant


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
        )
    return render(request, "rules/guide.html", context)


def logo_file(request, pk):
    variant = get_object_or_404(LogoVariant, pk=pk)
    return file_response(variant.file)
