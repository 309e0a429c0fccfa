"""An upload over the request ceiling in a real browser: the progress script shows the
server's reason (413 JSON `detail`), and without JavaScript the 413 page says the same."""

import pytest

from brandkit.library.models import StagedUpload
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_an_upload_over_the_ceiling_says_why(
    live_server, browser, ska, topic_owner, tmp_path, settings, javascript
):
    settings.BRANDKIT_MAX_UPLOAD_REQUEST_BYTES = 20_000
    big = tmp_path / "suur.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40_000))
    context = browser.new_context(java_script_enabled=javascript, locale="et-EE")
    page = context.new_page()
    try:
        sign_in(page, live_server.url, topic_owner.username)
        page.goto(f"{live_server.url}/library/upload/")
        page.set_input_files("#id_files", [str(big)])
        page.locator("form.upload-form button[type=submit]").click()
        if javascript:
            status = page.locator("[data-upload-status]")
            status.filter(has_text="korraga saab saata kuni").wait_for()
            assert "See päring on kokku" in status.inner_text()
        else:
            page.wait_for_selector(".error-summary")
            assert page.locator("h1").inner_text() == "Päring on liiga suur"
            assert "korraga saab saata kuni" in page.locator(".error-summary").inner_text()
        assert StagedUpload.objects.count() == 0
    finally:
        context.close()
