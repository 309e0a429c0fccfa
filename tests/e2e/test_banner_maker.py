"""A banner from a brand template in a real browser: texts in two languages, previews of two
sizes, saved as one draft asset; axe-core finds no WCAG 2.1 AA violation on the pages."""

import pytest

from brandkit.library.models import Asset
from tests.e2e.conftest import axe_violations, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_topic_owner_makes_banners_from_a_template(live_server, page, ska, topic_owner):
    sign_in(page, live_server.url, topic_owner.username)
    page.goto(f"{live_server.url}/library/upload/")
    page.get_by_role("link", name="Või tee bänner brändimallist").click()
    page.get_by_role("link", name="Sündmus").click()
    assert axe_violations(page) == []
    page.get_by_label("Instagrami ruutpilt").uncheck()
    page.locator("#id_headline_et").fill("Avatud uste päev Tallinnas")
    page.locator("#id_when_et").fill("12. märts kell 10")
    page.locator("#id_headline_ru").fill("День открытых дверей в Таллинне")
    page.locator("#id_when_ru").fill("12 марта в 10:00")
    page.get_by_role("button", name="Näita eelvaateid").click()
    page.wait_for_selector("#previews-heading")
    assert page.locator("#previews-heading + ul img").count() == 2
    screenshot(page, "banner-maker-previews")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Salvesta mustandina").click()
    page.wait_for_url("**/library/assets/**")
    screenshot(page, "banner-maker-saved")
    asset = Asset.objects.get()
    assert asset.versions.count() == 2 and asset.languages == "et ru"
