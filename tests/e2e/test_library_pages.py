"""The library and review pages in a real browser: upload with the progress script and without
JavaScript, and WCAG 2.1 AA by axe-core on every page of the journey."""

import pytest

from brandkit.library.models import StagedUpload
from brandkit.review import text_revisions
from tests.e2e.conftest import axe_violations, screenshot, sign_in
from tests.library_helpers import FULL, make_asset, make_staged, png_bytes, red_png

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def files(tmp_path):
    good, bad = tmp_path / "sinine.png", tmp_path / "vale.png"
    good.write_bytes(png_bytes(FULL))
    bad.write_bytes(b"PK\x03\x04 not an image")
    return good, bad


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_upload_works_with_and_without_javascript(
    live_server, browser, ska, topic_owner, files, javascript
):
    context = browser.new_context(java_script_enabled=javascript, locale="et-EE")
    page = context.new_page()
    try:
        sign_in(page, live_server.url, topic_owner.username)
        page.goto(f"{live_server.url}/library/upload/")
        page.set_input_files("#id_files", [str(files[0])])
        page.select_option("#id_preset", "facebook-link")
        page.locator("form.upload-form button[type=submit]").click()
        page.wait_for_url("**/library/staged/**")
        assert page.locator(".verdict--pass").first.is_visible()
        page.goto(f"{live_server.url}/library/upload/")
        page.set_input_files("#id_files", [str(f) for f in files])
        page.locator("form.upload-form button[type=submit]").click()
        page.wait_for_selector("#rejected-heading")
        assert "vale.png" in page.locator(".error-summary").inner_text()
        assert StagedUpload.objects.count() == 2
    finally:
        context.close()


def test_library_pages_have_no_axe_violations(
    live_server, browser, page, ska, topic_owner, web_manager
):
    asset, version = make_asset(
        topic_owner, ska, state="approved", manager=web_manager, data=png_bytes(FULL)
    )
    failing, submitted = make_asset(
        topic_owner, ska, state="submitted", data=red_png(FULL), title_et="Punane"
    )
    staged = make_staged(topic_owner, ska, red_png(FULL), "punane.png")
    texts = text_revisions.propose(
        asset, topic_owner, {"title_et": "Uus pealkiri", "description_et": "Uus\nkirjeldus"}
    )
    own, own_version = make_asset(
        web_manager, ska, state="submitted", data=png_bytes(FULL, marker=3), title_et="Minu oma"
    )
    sign_in(page, live_server.url, topic_owner.username)
    for path, name in (
        ("/library/", "library-list"),
        (f"/library/assets/{asset.public_id}/", "library-asset"),
        (f"/library/assets/{asset.public_id}/edit/", "library-edit"),
        (f"/review/texts/{texts.pk}/", "review-texts-owner"),
        ("/library/upload/", "library-upload"),
        (f"/library/staged/{staged.token}/", "library-staged"),
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
        screenshot(page, name)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="et-EE")
    page = context.new_page()
    sign_in(page, live_server.url, web_manager.username)
    for path, name in (
        (f"/library/versions/{submitted.pk}/", "library-version-decision"),
        (f"/library/versions/{own_version.pk}/", "library-version-self-approval"),
        (f"/review/texts/{texts.pk}/", "review-texts-decision"),
        ("/review/queue/", "review-queue"),
        ("/review/audit/", "review-audit"),
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
        screenshot(page, name)
    context.close()
