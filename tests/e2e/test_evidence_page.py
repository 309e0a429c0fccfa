"""Evidence on the image in a real browser: the numbered boxes sit over the places of the
findings on the preview, link to the numbered findings, need no JavaScript, and the page stays
WCAG 2.1 AA (axe-core)."""

import io

import pytest
from PIL import Image, ImageDraw

from tests.corpus.build_content_corpus import BLUE, RED, WHITE, font
from tests.e2e.conftest import axe_violations, screenshot, sign_in
from tests.library_helpers import make_staged

pytestmark = pytest.mark.django_db(transaction=True)


def off_brand_banner() -> bytes:
    """Blue with a red block on the right and a line of red text at the bottom left."""
    img = Image.new("RGB", (1200, 628), BLUE)
    draw = ImageDraw.Draw(img)
    draw.rectangle((800, 60, 1139, 380), fill=RED)
    draw.text((60, 120), "Pension ja toetused", font=font(64, True), fill=WHITE)
    draw.text((60, 520), "Tähtis teade kõigile", font=font(48, True), fill=RED)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def box_geometry(page) -> dict:
    return page.evaluate(
        """() => {
            const img = document.querySelector('.evidence__frame img').getBoundingClientRect();
            const boxes = [...document.querySelectorAll('.evidence__box')].map(b => {
                const r = b.getBoundingClientRect();
                const label = b.querySelector('.evidence__label').textContent;
                return {href: b.getAttribute('href'), label,
                        x: (r.left - img.left) / img.width, y: (r.top - img.top) / img.height,
                        w: r.width / img.width, h: r.height / img.height};
            });
            return {boxes, imgWidth: img.width};
        }"""
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_numbered_boxes_sit_over_the_findings_and_link_to_them(
    live_server, browser, ska, topic_owner, javascript
):
    staged = make_staged(topic_owner, ska, off_brand_banner(), "punane.png")
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}, locale="et-EE"
    )
    page = context.new_page()
    try:
        sign_in(page, live_server.url, topic_owner.username)
        page.goto(f"{live_server.url}/library/staged/{staged.token}/")
        page.wait_for_function("document.querySelector('.evidence__frame img').complete")
        geometry = box_geometry(page)
        assert geometry["imgWidth"] > 200
        boxes = geometry["boxes"]
        assert boxes, "no evidence boxes"
        # the red block (800..1140 x 60..380 of 1200 x 628) is marked where it is
        block = [
            b for b in boxes if abs(b["x"] - 800 / 1200) < 0.02 and abs(b["y"] - 60 / 628) < 0.02
        ]
        assert block, boxes
        # (the outline sits a few px outside the region)
        assert abs(block[0]["w"] - 340 / 1200) < 0.05 and abs(block[0]["h"] - 320 / 628) < 0.05
        # every box names a number that the findings list has
        for box in boxes:
            target = page.locator(box["href"])
            assert target.count() == 1
            assert box["label"] in target.locator(".evidence-number").inner_text()
        page.locator(".evidence__box").first.click()
        assert page.url.endswith(boxes[0]["href"])
        if javascript:
            assert axe_violations(page) == []
            screenshot(page, "library-staged-evidence")
    finally:
        context.close()
