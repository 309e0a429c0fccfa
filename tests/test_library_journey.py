"""The three journeys of issue 4, through the web pages as people use them.

A topic owner uploads a compliant banner, reads the report, describes and saves it, submits
it; the web manager approves it, and approves a failing one only with a written reason;
renditions appear; a procurement user finds it by an Estonian and by a Russian word and
downloads it; the audit log holds every step.
"""

import pytest
from django.urls import reverse

from brandkit.library.models import Asset, AssetVersion, Rendition, StagedUpload
from brandkit.review.models import AuditAction, AuditEvent
from tests.library_helpers import FULL, png_bytes, red_png, uploaded

pytestmark = pytest.mark.django_db


def upload_and_describe(client, data, name, **fields):
    response = client.post(
        reverse("library:upload"),
        {"files": [uploaded(name, data)], "preset": "facebook-link"},
    )
    assert response.status_code == 302, response.content[:2000]
    staged_url = response["Location"]
    assert staged_url.startswith("/library/staged/")
    page = client.get(staged_url)
    assert page.status_code == 200
    form = {
        "title_et": "Pensionireform 2026",
        "title_en": "Pension reform 2026",
        "title_ru": "Пенсионная реформа 2026",
        "description_et": "Teavituskampaania pensionäridele",
        "kind": "banner",
        "languages": ["et", "ru"],
        "tags": "pension, sotsiaalkindlustus",
        "alt_text_et": "Sinine bänner pensionireformi kohta",
        "alt_text_ru": "Синий баннер о пенсионной реформе",
        "creator": "Agentuur OÜ",
        "licence": "Kasutusõigus riigiasutustele",
        **fields,
    }
    saved = client.post(staged_url, form)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    return page, saved


def test_upload_review_find_and_download(
    client, ska, topic_owner, web_manager, procurement_user, django_capture_on_commit_callbacks
):
    # 1. The topic owner uploads a compliant PNG and sees the report before saving.
    client.force_login(topic_owner)
    page, saved = upload_and_describe(client, png_bytes(FULL), "pensionireform.png")
    html = page.content.decode()
    assert "Kontrolli tulemus" in html or "Check report" in html
    assert 'class="verdict verdict--pass"' in html
    assert "Riigisinine" in html  # the palette finding's Estonian message
    asset = Asset.objects.get()
    assert saved["Location"] == reverse("library:asset", args=[asset.public_id])
    version = asset.versions.get()
    assert version.state == "draft" and version.verdict == "pass"
    assert not StagedUpload.objects.exists()
    assert "pension" in asset.search_text and "пенсионная" in asset.search_text

    asset_page = client.get(saved["Location"])
    assert asset_page.status_code == 200
    submit = client.post(
        reverse("review:submit", args=[version.pk]), {"revision": version.revision}
    )
    assert submit.status_code == 302
    version.refresh_from_db()
    assert version.state == "submitted"

    # 2. The web manager finds it in the queue and approves it; renditions are made.
    client.force_login(web_manager)
    queue = client.get(reverse("review:queue"))
    assert "Pensionireform 2026" in queue.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        approve = client.post(
            reverse("review:approve", args=[version.pk]),
            {"revision": version.revision},
            follow=True,
        )
    assert approve.status_code == 200
    version.refresh_from_db()
    asset.refresh_from_db()
    assert version.state == "approved" and asset.current_version == version
    renditions = Rendition.objects.filter(version=version)
    assert renditions.count() == 3
    assert all(r.status == "ready" for r in renditions)

    # 3. A failing banner: approval is refused without a reason and accepted with one.
    client.force_login(topic_owner)
    upload_and_describe(
        client,
        red_png(FULL),
        "punane.png",
        title_et="Punane bänner",
        title_ru="Красный баннер",
        title_en="Red banner",
        tags="",
        description_et="",
        alt_text_et="Punane bänner",
        alt_text_ru="Красный баннер",
    )
    failing = AssetVersion.objects.get(asset__title_et="Punane bänner")
    assert failing.verdict == "fail" and failing.error_findings
    client.post(reverse("review:submit", args=[failing.pk]), {"revision": failing.revision})
    failing.refresh_from_db()
    client.force_login(web_manager)
    page = client.get(reverse("library:version", args=[failing.pk]))
    assert 'name="override_reason"' in page.content.decode()
    refused = client.post(
        reverse("review:approve", args=[failing.pk]), {"revision": failing.revision}, follow=True
    )
    assert refused.status_code == 200
    (message,) = refused.context["messages"]
    assert message.level_tag == "error" and "kirjaliku erandi põhjendusega" in str(message)
    failing.refresh_from_db()
    assert failing.state == "submitted"
    client.post(
        reverse("review:approve", args=[failing.pk]),
        {"revision": failing.revision, "override_reason": "Kampaania punane on kokku lepitud."},
    )
    failing.refresh_from_db()
    assert failing.state == "approved"
    assert failing.override_reason == "Kampaania punane on kokku lepitud."

    # 4. Procurement finds the banner by an Estonian and by a Russian word and downloads it.
    client.force_login(procurement_user)
    for word in ("pensionireform", "ПЕНСИОННАЯ"):
        found = client.get(reverse("library:list"), {"q": word})
        assert found.status_code == 200
        assert [c["asset"] for c in found.context["cards"]] == [asset], word
    download = client.get(reverse("library:version_file", args=[version.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == png_bytes(FULL)
    assert download["Content-Disposition"].startswith("attachment")

    # 5. The audit log has each step.
    client.force_login(web_manager)
    log = client.get(reverse("review:audit"), {"asset": str(asset.public_id)})
    assert log.status_code == 200
    actions = list(AuditEvent.objects.filter(asset=asset).values_list("action", flat=True))
    for action in (
        AuditAction.UPLOAD,
        AuditAction.SUBMIT,
        AuditAction.APPROVE,
        AuditAction.DOWNLOAD,
    ):
        assert action in actions
    override = AuditEvent.objects.get(action=AuditAction.OVERRIDE)
    assert override.version == failing and override.details["reason"]
    assert override.actor == web_manager
    rows = log.context["page"].object_list
    assert {e.action for e in rows} >= {"upload", "submit", "approve", "download"}
