"""The three journeys of issue 6 in Debian's Chromium, from login to downloaded file.

Everything a journey does goes through the pages, as a person would: clicks, form fills and
file inputs. Files are made with Pillow; downloads are captured and their bytes checked. On
every page a journey opens, axe-core checks WCAG 2.1 A and AA; the violations are collected per
page and asserted at the end of the journey, and each step leaves a screenshot in
test-artifacts/ (journey-<who>-<step>-<what>.png) with a summary of the pages checked
(journey-<who>-axe.json). The UI is Estonian (et-EE contexts), so elements are chosen by ids,
names, button types and href patterns, not by translated text.

- owner: upload a compliant banner, read the passing report, describe it (ET + RU), save and
  submit; upload a red banner, read the failing verdict and the off-palette numbers, submit.
- manager: review queue, approve the passing version; the failing one is refused without a
  reason (by the browser when empty, by the server when blank) and approved with one; the
  audit log shows both decisions.
- procurement: search the library by the Estonian and the Russian word, download the original
  (byte for byte) and a rendition; the topic owner orders visuals and has the ET and EN briefs
  made; procurement staff download a brief PDF and the tender set ZIP.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.e2e.conftest import ARTIFACTS, axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"  # noqa: S105 - the fixtures' test password
TIMEOUT_MS = 60_000  # a brief or a tender set is rendered by WeasyPrint inside the request

BLUE = (0x00, 0x33, 0xA0)  # #0033A0, the state blue
WHITE = (0xFF, 0xFF, 0xFF)
RED = (0xE3, 0x06, 0x13)  # #E30613, not in the SKA palette
SIZE = (1200, 628)  # the facebook-link preset
RED_BOX = (0, 0, 600, 314)  # a quarter of the banner

# Distinctive words that occur only in the passing banner's titles.
ET_WORD = "Tööõnnetushüvitis"
RU_WORD = "несчастном"
GOOD = {
    "title_et": f"{ET_WORD} ühe pilguga",
    "title_ru": f"Пособие при {RU_WORD} случае на работе",
    "alt_text_et": "Sinine ja valge bänner tööõnnetushüvitise kohta.",
    "alt_text_ru": "Синий и белый баннер о пособии при несчастном случае на работе.",
}
BAD = {
    "title_et": "Punane hoiatusbänner",
    "title_ru": "Красный предупреждающий баннер",
    "alt_text_et": "Punase alaga bänner.",
    "alt_text_ru": "Баннер с красной областью.",
}
OVERRIDE_REASON = "Punane ala on kampaania erandina kommunikatsiooniosakonnaga kokku lepitud."
ORDER = {
    "title_et": "Tööõnnetushüvitise kampaania visuaalid",
    "title_en": "Occupational accident benefit campaign visuals",
    "value": "45 000",  # above the simple procurement threshold: a tender set is offered
}


# ---------------------------------------------------------------------------------------------
# Files


def good_banner(path: Path) -> Path:
    """State blue on the left, white on the right: passes every check of facebook-link."""
    image = Image.new("RGB", SIZE, BLUE)
    image.paste(Image.new("RGB", (SIZE[0] // 2, SIZE[1]), WHITE), (SIZE[0] // 2, 0))
    image.save(path, "PNG")
    return path


def red_banner(path: Path) -> Path:
    """The good banner with a quarter of it in #E30613: far over the 2 % off-palette limit."""
    image = Image.open(good_banner(path)).convert("RGB")
    left, top, right, bottom = RED_BOX
    image.paste(Image.new("RGB", (right - left, bottom - top), RED), (left, top))
    image.save(path, "PNG")
    return path


@pytest.fixture
def banners(tmp_path):
    return good_banner(tmp_path / "tooonnetus.png"), red_banner(tmp_path / "punane.png")


# ---------------------------------------------------------------------------------------------
# A journey: one signed-in browser context that checks and photographs every page it opens


@dataclass
class Journey:
    page: object
    base: str
    name: str
    record: bool = True
    step: int = 0
    pages: list = field(default_factory=list)
    violations: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    def path(self) -> str:
        return self.page.url.removeprefix(self.base)

    def check(self, what: str) -> None:
        """axe-core on the page as it is now, and a screenshot of it."""
        if not self.record:
            return
        self.step += 1
        found = axe_violations(self.page)
        label = f"{self.step:02d}-{what}"
        self.pages.append({"step": label, "path": self.path(), "violations": found})
        if found:
            self.violations[f"{label} {self.path()}"] = found
        screenshot(self.page, f"journey-{self.name}-{label}")

    def click_and_wait(self, selector: str, url: str | None = None) -> None:
        """Click something that loads a page and wait until it has loaded."""
        if url is None:
            with self.page.expect_navigation():
                self.page.locator(selector).click()
        else:
            self.page.locator(selector).click()
            self.page.wait_for_url(url)
        self.page.wait_for_load_state()

    def nav(self, href: str) -> None:
        """Follow a link of the site's main navigation."""
        self.click_and_wait(f'header nav a[href="{href}"]')

    def message(self, kind: str) -> str:
        return self.page.locator(f".messages .message--{kind}").inner_text()

    def assert_accessible(self) -> None:
        if not self.record:
            return
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"journey-{self.name}-axe.json").write_text(
            json.dumps(self.pages, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        assert not self.errors, f"script errors in the pages: {self.errors}"
        assert not self.violations, "axe-core (WCAG 2.1 AA) violations:\n" + "\n".join(
            f"- {where}: "
            + "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in found)
            for where, found in self.violations.items()
        )


@contextmanager
def journey(browser, live_server, name: str, username: str, *, record: bool = True):
    """A fresh browser context signed in as `username` (the login and home pages are checked
    too)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="et-EE")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    j = Journey(page, live_server.url, name, record)
    page.on("pageerror", lambda error: j.errors.append(f"{j.path()}: {error}"))
    try:
        page.goto(f"{live_server.url}/accounts/login/")
        j.check("login")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        j.click_and_wait("form.form button[type=submit]", f"{live_server.url}/")
        j.check("home")
        yield j
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# Steps shared by the journeys (the later journeys replay the earlier ones as their setup)


def upload(j: Journey, file: Path) -> None:
    """Upload one file for the facebook-link preset; ends on its check report."""
    j.nav("/library/upload/")
    j.check("upload")
    j.page.set_input_files("#id_files", str(file))
    j.page.select_option("#id_preset", "facebook-link")
    j.page.locator("form.upload-form button[type=submit]").click()
    j.page.wait_for_url("**/library/staged/*/")
    j.page.wait_for_load_state()


def describe_save_submit(
    j: Journey, texts: dict, what: str, *, forget_kind: bool = False
) -> tuple[str, int]:
    """On a staged upload's page: describe the asset (ET + RU), save it, submit it. Returns
    the asset's public id and the version's id. With `forget_kind`, the first save leaves out
    the (required) kind and is refused with the form's error summary."""
    page = j.page
    form = page.locator("section[aria-labelledby=describe-heading] form")
    for name, value in texts.items():
        form.locator(f"#id_{name}").fill(value)
    if forget_kind:
        url = page.url
        j.click_and_wait("section[aria-labelledby=describe-heading] button[type=submit]")
        assert page.url == url
        assert form.locator(".error-summary").count() == 1
        assert form.locator("#id_kind").get_attribute("aria-invalid") == "true"
        assert form.locator("#id_title_ru").input_value() == texts["title_ru"]
        j.check(f"{what}-refused")
    form.locator("#id_kind").select_option("banner")
    form.locator("input[name=languages][value=et]").check()
    form.locator("input[name=languages][value=ru]").check()
    j.check(f"{what}-described")
    j.click_and_wait("section[aria-labelledby=describe-heading] button[type=submit]")
    assert re.search(r"/library/assets/[0-9a-f-]{36}/$", page.url), page.url
    public_id = page.url.rstrip("/").rsplit("/", 1)[1]
    assert page.locator(".messages .message--success").count() == 1
    assert page.locator(".page-head .status--draft").count() == 1
    assert page.locator("h1").inner_text() == texts["title_et"]
    for code in ("et", "ru"):
        title = page.locator(f'.lang-texts dd[lang="{code}"]').first.inner_text()
        assert title == texts[f"title_{code}"]
    submit = page.locator('form[action^="/review/versions/"][action$="/submit/"]')
    version_id = int(re.search(r"/versions/(\d+)/", submit.get_attribute("action")).group(1))
    j.check(f"{what}-saved")
    j.click_and_wait('form[action$="/submit/"] button[type=submit]')
    assert page.locator(".messages .message--success").count() == 1, j.message("error")
    assert page.locator(".page-head .status--submitted").count() == 1
    j.check(f"{what}-submitted")
    return public_id, version_id


def owner_uploads_both(j: Journey, banners, *, forget_kind: bool = False) -> dict:
    """The topic owner's part: both banners uploaded, their reports read, described, saved and
    submitted. Returns {"good"/"bad": (asset public id, version id)}."""
    page = j.page
    good, bad = banners
    report = page.locator("section.report")

    upload(j, good)
    assert report.locator(".verdict--pass").count() == 1
    assert report.locator("li.finding--error").count() == 0
    assert "1200 × 628" in report.locator(".note").first.inner_text()
    preview = page.locator("figure.preview img")
    assert preview.evaluate("img => img.complete && img.naturalWidth") == SIZE[0]
    j.check("report-pass")
    good_ids = describe_save_submit(j, GOOD, "good", forget_kind=forget_kind)

    upload(j, bad)
    assert report.locator(".verdict--fail").count() == 1
    off = report.locator("li.finding--error").filter(
        has=page.locator("code.finding__code", has_text=re.compile(r"^colour\.off_palette$"))
    )
    assert off.count() == 1
    # "Värv #E30613 katab 25,0% pildist; … kokku 25,0% …, lubatud kuni 2,0%."
    message = off.locator(".finding__message").inner_text()
    assert "#E30613" in message, message
    assert re.search(r"25,0\s?%", message) and re.search(r"2,0\s?%", message), message
    off.locator(".finding__details summary").click()
    details = dict(
        zip(
            off.locator(".finding__details dt").all_inner_texts(),
            off.locator(".finding__details dd").all_inner_texts(),
            strict=True,
        )
    )
    # readable details: Estonian labels, numbers with units, no raw keys
    assert details["Värv"].endswith("#E30613"), details
    assert re.fullmatch(r"2[45](,\d)?\s?%", details["Osakaal pildist"]), details
    assert details["Paletiväliste värvide lubatud osakaal"] == "2 %", details
    assert details["Kontrolli kood"] == "colour.off_palette"
    assert not [label for label in details if "_" in label], details
    j.check("report-fail")
    bad_ids = describe_save_submit(j, BAD, "red")
    return {"good": good_ids, "bad": bad_ids}


def approve(j: Journey, version_id: int) -> None:
    """From the review queue, open the version and approve it (it passes its checks)."""
    j.nav("/review/queue/")
    j.check("queue")
    j.click_and_wait(f'table a[href="/library/versions/{version_id}/"]')
    assert j.page.locator("section.report .verdict--pass").count() == 1
    j.check("version-pass")
    j.click_and_wait('form[action$="/approve/"] button[type=submit]')
    assert j.page.locator(".messages .message--success").count() == 1, j.message("error")
    assert j.page.locator(".page-head .status--approved").count() == 1
    j.check("version-pass-approved")


def download(j: Journey, selector: str):
    """Click a download link; returns (bytes, suggested file name, response headers).

    Chromium hands a download to its download manager without response events, so the
    headers are read from the same URL fetched once more with the browser context's session
    (which the server logs as a second download)."""
    link = j.page.locator(selector)
    assert link.count() == 1, f"{selector}: {link.count()} links"
    with j.page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.failure() is None, download.failure()
    data = Path(download.path()).read_bytes()
    response = j.page.request.get(download.url)
    assert response.ok, (download.url, response.status)
    assert response.body() == data
    return data, download.suggested_filename, response.headers


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# ---------------------------------------------------------------------------------------------
# The journeys


def test_topic_owner_journey(live_server, browser, ska, topic_owner, banners):
    with journey(browser, live_server, "owner", topic_owner.username) as j:
        owner_uploads_both(j, banners, forget_kind=True)
        # Both wait for review in the owner's view of the library.
        j.nav("/library/")
        assert j.page.locator(".asset-card .status--submitted").count() == 2
        j.check("library")
        j.assert_accessible()


def test_web_manager_journey(live_server, browser, ska, topic_owner, web_manager, banners):
    with journey(browser, live_server, "setup-owner", topic_owner.username, record=False) as o:
        ids = owner_uploads_both(o, banners)
    good_version, bad_version = ids["good"][1], ids["bad"][1]

    with journey(browser, live_server, "manager", web_manager.username) as j:
        page = j.page
        j.nav("/review/queue/")
        queue = page.locator("#queue-caption").locator("xpath=..")
        assert queue.locator('a[href^="/library/versions/"]').count() == 2
        assert queue.locator(".verdict--fail").count() == 1
        approve(j, good_version)
        assert page.locator(".file-list a[href^='/library/renditions/']").count() == 3

        # The failing one: no reason, no approval.
        j.nav("/review/queue/")
        assert page.locator('table a[href^="/library/versions/"]').count() == 1
        j.click_and_wait(f'table a[href="/library/versions/{bad_version}/"]')
        assert page.locator("section.report .verdict--fail").count() == 1
        reason = page.locator(f"#override-{bad_version}")
        approve_button = page.locator('form[action$="/approve/"] button[type=submit]')
        j.check("version-fail")

        url = page.url
        approve_button.click()  # an empty reason: the browser refuses to send the form
        assert page.url == url
        assert reason.evaluate("e => e.validity.valueMissing")
        assert reason.evaluate("e => e.validationMessage")
        assert page.locator(".page-head .status--submitted").count() == 1

        reason.fill("   ")  # a blank reason gets past the browser: the server refuses it
        j.click_and_wait('form[action$="/approve/"] button[type=submit]')
        refusal = j.message("error")
        assert "1" in refusal  # "This version has 1 error finding(s) …", in Estonian
        assert page.locator(".page-head .status--submitted").count() == 1
        j.check("version-fail-refused")

        page.locator(f"#override-{bad_version}").fill(OVERRIDE_REASON)
        j.click_and_wait('form[action$="/approve/"] button[type=submit]')
        assert page.locator(".messages .message--success").count() == 1, j.message("error")
        assert page.locator(".page-head .status--approved").count() == 1
        assert OVERRIDE_REASON in page.locator("dl.facts").first.inner_text()
        j.check("version-fail-approved-with-reason")

        j.nav("/review/queue/")
        assert page.locator('table a[href^="/library/versions/"]').count() == 0
        j.check("queue-empty")

        # The audit log: the approval and the override with its reason.
        j.nav("/review/audit/")
        events = page.locator("#audit-caption").locator("xpath=..")
        assert events.locator("tbody tr").filter(has_text=GOOD["title_et"]).count() >= 1
        assert events.locator("tbody tr").filter(has_text=OVERRIDE_REASON).count() == 1
        j.check("audit")
        for action, title in (("approve", GOOD["title_et"]), ("override", BAD["title_et"])):
            page.select_option("#id_action", action)
            j.click_and_wait("form.filter-form button[type=submit]")
            rows = page.locator("table.events tbody tr")
            assert rows.count() == 1, f"{action}: {rows.all_inner_texts()}"
            assert title in rows.inner_text()
            assert manager_name(web_manager) in rows.inner_text()
            if action == "override":
                details = rows.locator("td.event-details").inner_text()
                assert OVERRIDE_REASON in details
                assert "Ebaõnnestunud kontrollid: colour.off_palette" in details  # no list repr
            j.check(f"audit-{action}")
        j.assert_accessible()


def manager_name(user) -> str:
    return user.get_full_name() or user.username


def test_procurement_journey(
    live_server, browser, ska, topic_owner, web_manager, procurement_user, banners
):
    good, _bad = banners
    with journey(browser, live_server, "setup-owner", topic_owner.username, record=False) as o:
        upload(o, good)
        _public_id, version_id = describe_save_submit(o, GOOD, "good")
    with journey(browser, live_server, "setup-manager", web_manager.username, record=False) as m:
        approve(m, version_id)

    # Procurement staff find the banner by either language and download it.
    with journey(browser, live_server, "procurement", procurement_user.username) as j:
        page = j.page
        j.nav("/library/")
        j.check("library")
        for word, what in ((ET_WORD.lower(), "search-et"), (RU_WORD, "search-ru")):
            page.fill("#id_q", word)
            j.click_and_wait("form.search-form button[type=submit]")
            cards = page.locator(".asset-card")
            assert cards.count() == 1, f"{word}: {cards.all_inner_texts()}"
            assert cards.locator("h3").inner_text() == GOOD["title_et"]
            j.check(what)
        j.click_and_wait(".asset-card h3 a")
        j.check("asset")

        data, name, headers = download(j, "a[download][href^='/library/versions/']")
        assert data == good.read_bytes()
        assert name == "tooonnetus-v1.png"
        assert headers["content-type"] == "image/png"
        assert headers["content-disposition"].startswith("attachment;")
        assert headers["x-content-type-options"] == "nosniff"

        data, name, headers = download(
            j, "a[download][href^='/library/renditions/']:has-text('Veebi jaoks, JPEG')"
        )
        assert name == "tooonnetus-v1-web-jpeg.jpg"
        assert headers["content-type"] == "image/jpeg"
        with Image.open(io.BytesIO(data)) as rendition:
            assert (rendition.format, rendition.size) == ("JPEG", SIZE)
        j.assert_accessible()

    # The topic owner orders visuals and has the Estonian and English briefs made.
    with journey(browser, live_server, "order", topic_owner.username) as j:
        number = order_visuals(j)
        for lang in ("et", "en"):
            j.click_and_wait(f'form[action$="/brief/"] button[name=lang][value="{lang}"]')
            assert page_has_success(j), j.message("error")
            j.check(f"brief-{lang}")
        links = j.page.locator("a[download][href^='/procurement/documents/']")
        assert links.count() == 2
        j.assert_accessible()

    # Procurement staff download a brief and have the tender set made and download it.
    with journey(browser, live_server, "procurement-documents", procurement_user.username) as j:
        page = j.page
        j.nav("/procurement/")
        j.check("orders")
        j.click_and_wait(f'table a[href="/procurement/orders/{number}/"]')
        j.check("order")
        documents = "a[download][href^='/procurement/documents/']"
        for lang, title in (("et", ORDER["title_et"]), ("en", ORDER["title_en"])):
            data, name, headers = download(j, f"{documents}:has-text('{number}-brief-{lang}-v1')")
            assert name == f"{number}-brief-{lang}-v1.pdf"
            assert headers["content-type"] == "application/pdf"
            assert data.startswith(b"%PDF")
            text = " ".join(pdf_text(data).split())
            assert title in text and number in text

        assert page.locator('form[action$="/tender/"]').count() == 1  # 45 000 €: offered
        j.click_and_wait('form[action$="/tender/"] button[name=lang][value="et"]')
        assert page_has_success(j), j.message("error")
        j.check("tender-et")
        data, name, headers = download(j, f"{documents}:has-text('{number}-tender-zip-et-v1')")
        assert name == f"{number}-tender-zip-et-v1.zip"
        assert headers["content-type"] == "application/zip"
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            assert len(names) == 4 and all(n.endswith(".pdf") for n in names), names
            for member in names:
                pdf = archive.read(member)
                assert pdf.startswith(b"%PDF")
                assert number in " ".join(pdf_text(pdf).split())
            spec = next(n for n in names if "tehniline" in n or "specification" in n)
            assert ORDER["title_et"] in " ".join(pdf_text(archive.read(spec)).split())
        j.assert_accessible()


def page_has_success(j: Journey) -> bool:
    return j.page.locator(".messages .message--success").count() == 1


def order_visuals(j: Journey) -> str:
    """The topic owner fills in the order form with one deliverable; returns its number."""
    import datetime

    page = j.page
    j.nav("/procurement/")
    j.check("orders")
    j.click_and_wait('a[href="/procurement/orders/new/"]')
    j.check("order-form")
    # the form is in collapsible sections, the first one open: open the others as a person
    # would, by clicking each section's summary
    closed = page.locator("details.form-section:not([open]) > summary")
    while closed.count():
        closed.first.click()
    deadline = datetime.date.today() + datetime.timedelta(days=60)
    for name, value in (
        ("title_et", ORDER["title_et"]),
        ("title_en", ORDER["title_en"]),
        ("unit", "Kommunikatsiooniosakond"),
        ("purpose", "Selgitada tööõnnetushüvitise taotlemist."),
        ("audience", "Töötajad ja tööandjad"),
        ("message_et", "Tööõnnetuse korral taotle hüvitist e-teeninduses."),
        ("message_en", "After an accident at work, apply for the benefit online."),
        ("deadline", deadline.isoformat()),
        ("estimated_value_eur", "45 tuhat"),  # not a number: refused first
        ("contact_name", "Mari Maasikas"),
        ("contact_email", "mari.maasikas@example.ee"),
    ):
        page.fill(f"#id_{name}", value)
    page.select_option("#id_deliverables-0-kind", "social_post")
    page.select_option("#id_deliverables-0-preset_slug", "facebook-link")
    page.check('input[name="deliverables-0-formats"][value="png"]')
    page.check('input[name="deliverables-0-languages"][value="ru"]')
    page.fill("#id_deliverables-0-quantity", "2")
    j.click_and_wait("form.order-form button[type=submit]")
    assert page.url.endswith("/procurement/orders/new/")
    assert page.locator("form.order-form .error-summary").count() == 1
    assert page.get_attribute("#id_estimated_value_eur", "aria-invalid") == "true"
    assert page.input_value("#id_deliverables-0-preset_slug") == "facebook-link"
    j.check("order-form-refused")
    page.fill("#id_estimated_value_eur", ORDER["value"])
    j.click_and_wait("form.order-form button[type=submit]")
    match = re.search(r"/procurement/orders/([^/]+)/$", page.url)
    assert match, (page.url, page.locator(".error-summary").all_inner_texts())
    assert page_has_success(j)
    deliverables = page.locator("#deliverables-caption").locator("xpath=..")
    assert deliverables.locator("tbody tr").count() == 1
    j.check("order")
    return match.group(1)
