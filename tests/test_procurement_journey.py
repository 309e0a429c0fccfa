"""The issue's "done when", without a browser: a topic owner orders visuals through the form,
briefs in Estonian and English are made in the background, and procurement staff download
them and a tender set ZIP. The PDFs are rendered for real and read back with pypdf."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from brandkit.review.models import AuditAction, AuditEvent
from procurement.models import Document, VisualOrder
from tests.test_procurement_helpers import order_post

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def _download(client: Client, url: str) -> tuple[bytes, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content), response["Content-Disposition"]


def _pdf_text(data: bytes) -> tuple[str, bytes]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    return text, xmp


def _document_links(html: str) -> list[str]:
    return re.findall(r'href="(/procurement/documents/\d+/download/)"', html)


def test_order_to_briefs_to_tender_set(
    topic_owner, procurement_user, ska, django_capture_on_commit_callbacks
):
    owner = Client()
    assert owner.login(username=topic_owner.username, password=PASSWORD)

    # The topic owner fills in the order form.
    assert owner.get(reverse("procurement:create")).status_code == 200
    response = owner.post(reverse("procurement:create"), order_post())
    assert response.status_code == 302
    order = VisualOrder.objects.get()
    assert response["Location"] == reverse("procurement:order", args=[order.number])
    page = owner.get(response["Location"]).content.decode()
    assert order.number in page and "Lihthange" in page  # 45 000 €: simple procurement

    # … and has the brief made in Estonian and in English.
    for lang in ("et", "en"):
        with django_capture_on_commit_callbacks(execute=True):
            response = owner.post(
                reverse("procurement:generate_brief", args=[order.number]), {"lang": lang}
            )
        assert response.status_code == 302
    briefs = {d.lang: d for d in Document.objects.filter(kind="brief")}
    assert set(briefs) == {"et", "en"}
    assert all(d.status == "ready" and d.version == 1 for d in briefs.values()), [
        d.error for d in briefs.values()
    ]

    # Procurement staff find the order and download both briefs.
    buyer = Client()
    assert buyer.login(username=procurement_user.username, password=PASSWORD)
    assert order.number in buyer.get(reverse("procurement:list")).content.decode()
    page = buyer.get(reverse("procurement:order", args=[order.number])).content.decode()
    links = _document_links(page)
    assert len(links) == 2
    for lang, title in (("et", order.title_et), ("en", order.title_en)):
        data, disposition = _download(
            buyer, reverse("procurement:document", args=[briefs[lang].pk])
        )
        assert f"{order.number}-brief-{lang}-v1.pdf" in disposition
        assert data.startswith(b"%PDF")
        text, xmp = _pdf_text(data)
        assert title in text
        assert "#0033A0" in text  # the state blue, from the brandbook's palette
        assert order.number in text
        assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="B"' in xmp

    # They have the tender set made in English and download its ZIP.
    with django_capture_on_commit_callbacks(execute=True):
        response = buyer.post(
            reverse("procurement:generate_tender", args=[order.number]), {"lang": "en"}
        )
    assert response.status_code == 302
    tender = {d.kind: d for d in Document.objects.filter(lang="en").exclude(kind="brief")}
    assert set(tender) == {
        "tender_spec", "tender_criteria", "tender_offer_form", "tender_contract", "tender_zip",
    }  # fmt: skip
    assert all(d.status == "ready" for d in tender.values()), [d.error for d in tender.values()]
    data, disposition = _download(
        buyer, reverse("procurement:document", args=[tender["tender_zip"].pk])
    )
    assert f"{order.number}-tender-zip-en-v1.zip" in disposition
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert len(names) == 4 and all(name.endswith(".pdf") for name in names)
        spec = next(n for n in names if "specification" in n)
        assert archive.read(spec) == tender["tender_spec"].file.open("rb").read()
    text, _xmp = _pdf_text(tender["tender_spec"].file.open("rb").read())
    assert order.title_en in text

    # Every generation and every download is in the audit trail.
    generated = AuditEvent.objects.filter(action=AuditAction.DOCUMENT)
    assert generated.count() == 2 + 5
    downloads = AuditEvent.objects.filter(action=AuditAction.DOWNLOAD, actor=procurement_user)
    assert downloads.count() == 3
    assert {e.details["kind"] for e in downloads} == {"brief", "tender_zip"}


def test_markup_and_file_links_typed_into_an_order_are_printed_not_followed(
    topic_owner, ska, django_capture_on_commit_callbacks
):
    """The order form takes any text; the brief shows it as text and fetches nothing."""
    from procurement.generation import request_brief
    from tests.test_procurement_helpers import make_order

    order = make_order(
        topic_owner,
        purpose='<script>alert(1)</script><img src="file:///etc/passwd"> Selgitada muudatusi.',
        background='<link rel="stylesheet" href="https://example.com/x.css">',
    )
    with django_capture_on_commit_callbacks(execute=True):
        (doc,), _created = request_brief(order, "et", topic_owner)
    doc.refresh_from_db()
    assert doc.status == "ready", doc.error
    text, _xmp = _pdf_text(doc.file.open("rb").read())
    assert "<script>alert(1)</script>" in text
    assert "root:" not in text
