"""WCAG 1.4.10 Reflow: every page at a 320 CSS px wide viewport, in Estonian and in Russian
(the longest labels), scrolls only vertically. Data tables may scroll inside their own box."""

import pytest

from brandkit.review import text_revisions
from tests.e2e.conftest import sign_in
from tests.library_helpers import FULL, make_asset, make_staged, png_bytes, red_png
from tests.test_procurement_helpers import make_order

pytestmark = pytest.mark.django_db(transaction=True)

OVERFLOW = """() => {
  const doc = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => !el.closest('.table-scroll'))
    .filter(el => el.getBoundingClientRect().right > doc.clientWidth + 1)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + '.' + String(el.className).split(' ').join('.'));
  return {scroll: doc.scrollWidth, client: doc.clientWidth, wide};
}"""


@pytest.mark.parametrize("lang", ["et", "ru"])
def test_no_page_scrolls_sideways_at_320_px(
    live_server, browser, ska, topic_owner, web_manager, lang
):
    asset, _version = make_asset(
        topic_owner,
        ska,
        state="approved",
        manager=web_manager,
        data=png_bytes(FULL),
        title_et="Vanaduspensionikindlustusseadusemuudatusteteavituskampaania",
    )
    _failing, submitted = make_asset(
        topic_owner, ska, state="submitted", data=red_png(FULL), title_et="Punane"
    )
    staged = make_staged(topic_owner, ska, red_png(FULL), "punane.png")
    order = make_order(topic_owner)
    texts = text_revisions.propose(
        asset, topic_owner, {"title_et": "Pensionikindlustusseadusemuudatusteteavitus"}
    )
    _own, own_version = make_asset(
        web_manager, ska, state="submitted", data=png_bytes(FULL, marker=3), title_et="Minu oma"
    )
    pages = {
        topic_owner: [
            "/",
            "/brand/",
            "/library/",
            f"/library/assets/{asset.public_id}/",
            f"/library/assets/{asset.public_id}/edit/",
            "/library/upload/",
            f"/library/staged/{staged.token}/",
            "/procurement/",
            "/procurement/orders/new/",
            f"/procurement/orders/{order.number}/",
            "/notifications/",
            "/library/topics/",
            f"/review/texts/{texts.pk}/",
        ],
        web_manager: [
            "/",
            f"/library/versions/{submitted.pk}/",
            f"/library/versions/{own_version.pk}/",
            f"/review/texts/{texts.pk}/",
            "/review/queue/",
            "/review/audit/",
            "/library/topics/",
        ],
    }
    for user, paths in pages.items():
        context = browser.new_context(viewport={"width": 320, "height": 640})
        context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
        page = context.new_page()
        sign_in(page, live_server.url, user.username)
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            assert page.locator("html").get_attribute("lang") == lang
            found = page.evaluate(OVERFLOW)
            assert found["scroll"] <= found["client"], f"{path} in {lang}: {found}"
        context.close()
