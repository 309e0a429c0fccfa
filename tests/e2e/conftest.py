"""End-to-end fixtures: Debian's Chromium driven by Playwright, against pytest-django's live
server. `make test` installs Chromium and vendors axe-core before the suite runs."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("BRANDKIT_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in the test thread; the ORM calls the fixtures make
# there are not async code, so Django's guard would be a false alarm.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="et-EE")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False, locale="et-EE")
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, base_url: str, username: str, password: str = "a-long-test-password"):  # noqa: S107
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/")


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run `make test`, which vendors axe-core from npm")
    # Evaluated through the DevTools protocol, which our pages' Content-Security-Policy does
    # not govern (an inline <script> tag, as add_script_tag makes, is rightly blocked by it).
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


E2E_TIMEOUT = 900  # seconds: a journey drives Chromium through many pages on a busy machine


def pytest_collection_modifyitems(items):
    """The browser tests get a longer timeout than the suite's 300 s (pyproject.toml); a
    test's own timeout marker still wins."""
    for item in items:
        if "tests/e2e/" in item.nodeid and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(E2E_TIMEOUT))
