"""The admin pages the web manager uses to edit the brand kit and the library: branded, in the
interface language, and without WCAG 2.1 A/AA violations (axe-core)."""

import pytest

from tests.e2e.conftest import axe_violations, sign_in
from tests.library_helpers import make_asset

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("lang", ["et", "en", "ru"])
def test_admin_pages_of_the_web_manager_are_accessible(
    live_server, page, ska, topic_owner, web_manager, lang
):
    asset, _version = make_asset(topic_owner, ska, state="approved", manager=web_manager)
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": live_server.url}])
    sign_in(page, live_server.url, web_manager.username)
    colour = ska.colours.first()
    for path in (
        "/admin/",
        "/admin/rules/brandbook/",
        f"/admin/rules/brandbook/{ska.pk}/change/",
        f"/admin/rules/colour/{colour.pk}/change/",
        "/admin/library/asset/",
        f"/admin/library/asset/{asset.pk}/change/",
        "/admin/library/topicarea/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.locator("html").get_attribute("lang") == lang
        assert "brandkit" in page.title()
        assert axe_violations(page) == [], f"{path} in {lang}"
