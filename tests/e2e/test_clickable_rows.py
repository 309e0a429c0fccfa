"""Whole cards and table rows are click targets, while the ZIP checkbox in a card still works."""

import pytest

from tests.e2e.conftest import sign_in
from tests.library_helpers import FULL, make_asset, png_bytes

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_click_anywhere_on_a_card_or_queue_row_opens_it(
    live_server, page, ska, topic_owner, web_manager
):
    asset, _v = make_asset(
        topic_owner, ska, state="approved", manager=web_manager, data=png_bytes(FULL)
    )
    _other, waiting = make_asset(
        topic_owner, ska, state="submitted", data=png_bytes(FULL, marker=3)
    )
    sign_in(page, live_server.url, web_manager.username)
    page.goto(f"{live_server.url}/library/")
    card = page.locator(".asset-card").filter(has=page.locator(f"a[href$='/{asset.public_id}/']"))
    checkbox = card.locator("input[type=checkbox]")
    checkbox.click()  # the checkbox is above the stretched link
    assert checkbox.is_checked() and page.url.endswith("/library/")
    box = card.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + 10)  # the thumbnail area
    page.wait_for_url(f"**/library/assets/{asset.public_id}/")
    page.goto(f"{live_server.url}/review/queue/")
    row = page.locator("table.row-links tbody tr").first
    cell = row.locator("td").last.bounding_box()  # the submission time, not the link
    page.mouse.click(cell["x"] + cell["width"] / 2, cell["y"] + cell["height"] / 2)
    page.wait_for_url(f"**/library/versions/{waiting.pk}/")


def test_an_error_summary_takes_the_focus_and_links_to_its_field(live_server, page, topic_owner):
    sign_in(page, live_server.url, topic_owner.username)
    page.goto(f"{live_server.url}/library/topics/")
    page.locator("form:has(input[value=campaign]) button[type=submit]").click()
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    page.locator(".error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_campaign-name"
