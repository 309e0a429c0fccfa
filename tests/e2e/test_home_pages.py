"""Each role's home page and the notification list in a real browser: what waits for the role
is on it, axe-core finds no WCAG 2.1 A/AA violation in et, en or ru, and a screenshot of each
home page is kept in test-artifacts/."""

import pytest

from brandkit.review import workflow
from tests.e2e.conftest import axe_violations, screenshot, sign_in
from tests.library_helpers import make_asset, png_bytes
from tests.test_procurement_helpers import make_order

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("lang", ["et", "en", "ru"])
def test_every_roles_home_page_is_accessible(
    live_server, page, ska, topic_owner, web_manager, procurement_user, lang
):
    _asset, version = make_asset(topic_owner, ska, state="submitted", data=png_bytes(marker=7))
    make_asset(topic_owner, ska, title_et="Mustand", data=png_bytes(marker=8))
    workflow.request_changes(version, web_manager, "Palun suurenda logo.")
    make_order(topic_owner)
    for user, role in (
        (topic_owner, "topic-owner"),
        (web_manager, "web-manager"),
        (procurement_user, "procurement"),
    ):
        page.context.clear_cookies()
        page.context.add_cookies(
            [{"name": "django_language", "value": lang, "url": live_server.url}]
        )
        sign_in(page, live_server.url, user.username)
        page.goto(f"{live_server.url}/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("section.work").count() >= 2, role
        assert axe_violations(page) == [], f"home of {role} in {lang}"
        screenshot(page, f"home-{role}-{lang}")
        for path in ("/notifications/", "/library/topics/"):
            page.goto(f"{live_server.url}{path}")
            assert axe_violations(page) == [], f"{path} of {role} in {lang}"
    # the topic owner was told in the app that changes were requested
    page.context.clear_cookies()
    sign_in(page, live_server.url, topic_owner.username)
    page.goto(f"{live_server.url}/notifications/")
    assert page.locator("text=Palun suurenda logo.").is_visible()
