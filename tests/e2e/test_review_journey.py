"""Issue 13's review journey in Chromium: an SVG from upload to approval with a visible
preview at every step, the alt text completed on the review page with the typed override reason
kept through a refusal, the "approved over failing checks" badge and facet, and a search
without Estonian letters. axe-core checks every page on the way."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import axe_violations, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

# Off-palette red: a failing check, so approval needs a written reason.
RED_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628" viewBox="0 0 1200 628">'
    '<rect width="1200" height="628" fill="#E30613"/>'
    '<rect x="80" y="80" width="500" height="120" fill="#FFFFFF"/></svg>'
)
REASON = "Kampaania punane on kokku lepitud erand."


def image_shown(page, selector: str) -> bool:
    return page.evaluate(
        "sel => [...document.querySelectorAll(sel)].some(i => i.complete && i.naturalWidth > 0)",
        selector,
    )


def test_svg_upload_review_with_inline_alt_text_badge_facet_and_search(
    live_server, browser, ska, topic_owner, web_manager, procurement_user, tmp_path
):
    svg = tmp_path / "punane.svg"
    svg.write_text(RED_SVG)
    base = live_server.url
    owner = browser.new_context(viewport={"width": 1280, "height": 900}, locale="et-EE")
    page = owner.new_page()
    sign_in(page, base, topic_owner.username)
    page.goto(f"{base}/library/upload/")
    page.set_input_files("#id_files", str(svg))
    page.select_option("#id_preset", "facebook-link")
    page.locator("form.upload-form button[type=submit]").click()
    page.wait_for_url("**/library/staged/*/")
    assert image_shown(page, "main img"), "the staged SVG has a visible preview"
    assert axe_violations(page) == []
    form = page.locator("section[aria-labelledby=describe-heading] form")
    form.locator("#id_title_et").fill("Pensionide tõus")
    form.locator("#id_kind").select_option("banner")
    form.locator("input[name=languages][value=et]").check()
    form.locator("input[name=languages][value=ru]").check()
    form.locator("#id_alt_text_et").fill("Punane bänner pensionide tõusust")
    page.locator("section[aria-labelledby=describe-heading] button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/library/assets/[0-9a-f-]{36}/$"))
    asset_url = page.url
    page.locator("form.decision button[type=submit]").first.click()
    page.wait_for_load_state()
    owner.close()

    manager = browser.new_context(viewport={"width": 1280, "height": 900}, locale="et-EE")
    page = manager.new_page()
    sign_in(page, base, web_manager.username)
    page.goto(f"{base}/review/queue/")
    page.locator("table a[href*='/library/versions/']").first.click()
    page.wait_for_load_state()
    version_url = page.url
    assert image_shown(page, "main img"), "the web manager sees what they approve"
    assert page.locator(".note--warning").count() == 1  # what is missing, before pressing
    assert axe_violations(page) == []
    screenshot(page, "review-inline-alt-text")
    approve = page.locator("form.decision").filter(has=page.locator("[name=override_reason]"))
    approve.locator("[name=override_reason]").fill(REASON)
    approve.locator("[name=alt_text_ru]").fill("   ")  # blank: the server refuses
    approve.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".message--error").count() >= 1
    approve = page.locator("form.decision").filter(has=page.locator("[name=override_reason]"))
    assert approve.locator("[name=override_reason]").input_value() == REASON  # kept
    approve.locator("[name=alt_text_ru]").fill("Красный баннер о росте пенсий")
    approve.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".message--success").count() == 1
    page.goto(asset_url)
    assert page.locator(".status--override").count() == 1
    assert page.locator("text=Красный баннер о росте пенсий").count() >= 1
    manager.close()

    buyer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="et-EE")
    page = buyer.new_page()
    sign_in(page, base, procurement_user.username)
    page.goto(f"{base}/library/?q=tous")  # typed without õ
    titles = page.locator(".asset-card__title").all_inner_texts()
    assert titles == ["Pensionide tõus"]
    page.goto(f"{base}/library/?approval=override")
    assert page.locator(".asset-card__title").all_inner_texts() == ["Pensionide tõus"]
    assert page.locator(".status--override").count() == 1
    assert axe_violations(page) == []
    screenshot(page, "library-approval-facet")
    buyer.close()
    assert version_url
