"""WCAG 3.1.2 Language of parts: wherever an Estonian fallback text appears on an English or
Russian page (titles, descriptions, alt texts, brandbook notes), an enclosing element carries
lang="et" — checked on every page that shows user or brandbook texts."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.library_helpers import make_asset, reuse_check_reports

pytestmark = pytest.mark.django_db

TITLE = "Ainult eestikeelne pealkiri"
ALT = "Ainult eestikeelne alternatiivtekst"
DESCRIPTION = "Ainult eestikeelne kirjeldus"
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class LangTracker(HTMLParser):
    """Records, for each text and each alt attribute, the language in force there."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.found: list[tuple[str, str | None]] = []

    def current(self):
        for _tag, lang in reversed(self.stack):
            if lang:
                return lang
        return None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        if tag in VOID:
            if attrs.get("alt"):
                self.found.append((attrs["alt"], lang or self.current()))
            return
        self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "title":
            return  # the document title is one string: it cannot mark a part
        if data.strip():
            self.found.append((data.strip(), self.current()))


def languages_of(html: str, needle: str) -> set:
    parser = LangTracker()
    parser.feed(html)
    return {lang for text, lang in parser.found if needle in text}


@pytest.mark.parametrize("page_lang", ["en", "ru"])
def test_estonian_fallback_texts_are_marked_on_english_and_russian_pages(
    client, ska, topic_owner, web_manager, page_lang, monkeypatch
):
    reuse_check_reports(monkeypatch)
    asset, version = make_asset(
        topic_owner,
        ska,
        state="submitted",
        title_et=TITLE,
        title_en="",
        title_ru="",
        description_et=DESCRIPTION,
        alt_text_et=ALT,
    )
    client.force_login(web_manager)
    pages = [
        reverse("home"),
        reverse("library:list"),
        reverse("library:asset", args=[asset.public_id]),
        reverse("review:queue"),
        reverse("library:version", args=[version.pk]),
        reverse("library:asset_edit", args=[asset.public_id]),
    ]
    for url in pages:
        html = client.get(url, HTTP_ACCEPT_LANGUAGE=page_lang).content.decode()
        assert f'<html lang="{page_lang}">' in html
        for needle in (TITLE, ALT, DESCRIPTION):
            seen = languages_of(html, needle)
            assert seen <= {"et"}, (url, needle, seen)
    brand = client.get(reverse("rules:guide"), HTTP_ACCEPT_LANGUAGE=page_lang).content.decode()
    assert languages_of(brand, "Pantone 286") <= {"en", "ru", page_lang}
