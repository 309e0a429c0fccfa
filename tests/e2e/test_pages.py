"""Our own pages in a real browser: WCAG 2.1 AA by axe-core in every language, and the
language switch working without JavaScript."""

import pytest

from tests.e2e.conftest import axe_violations, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def choose_language(page, lang: str):
    page.select_option("#language-select", lang)
    page.locator("form.language-form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("lang", ["et", "en", "ru"])
def test_pages_have_no_axe_violations(live_server, page, ska, topic_owner, lang):
    page.goto(f"{live_server.url}/accounts/login/")
    choose_language(page, lang)
    assert axe_violations(page) == []
    screenshot(page, f"login-{lang}")
    sign_in(page, live_server.url, topic_owner.username)
    for path, name in (("/", "home"), ("/brand/", "guide")):
        page.goto(f"{live_server.url}{path}")
        assert page.locator("html").get_attribute("lang") == lang
        assert axe_violations(page) == [], f"{path} in {lang}"
        screenshot(page, f"{name}-{lang}")


def test_language_switch_and_sign_out_work_without_javascript(
    live_server, no_js_page, ska, procurement_user
):
    page = no_js_page
    sign_in(page, live_server.url, procurement_user.username)
    page.goto(f"{live_server.url}/brand/")
    assert page.locator("h1").inner_text().startswith("Brändijuhend")
    choose_language(page, "en")
    assert page.url.endswith("/brand/")
    assert page.locator("h1").inner_text().startswith("Brand guide")
    assert page.locator("text=#0033A0").first.is_visible()
    page.locator("form.logout-form button").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")


def test_keyboard_user_reaches_main_content_by_skip_link(live_server, page, ska, web_manager):
    sign_in(page, live_server.url, web_manager.username)
    page.goto(f"{live_server.url}/brand/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
