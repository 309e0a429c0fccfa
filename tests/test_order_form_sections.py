"""The order form in collapsible sections with an index, an error summary that links to each
field, and the order page's history collapsed to its latest entries."""

import pytest
from django.urls import reverse

from procurement.models import VisualOrder
from tests.test_procurement_helpers import make_order, order_post

pytestmark = pytest.mark.django_db


def test_the_form_is_in_sections_with_an_index(client, ska, topic_owner):
    client.force_login(topic_owner)
    html = client.get(reverse("procurement:create"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert html.count('<details class="form-section"') >= 4
    assert 'href="#section-1"' in html and "Sections of the order" in html
    assert 'autocomplete="name"' in html and 'autocomplete="email"' in html


def test_errors_are_listed_with_links_and_their_sections_open(client, ska, topic_owner):
    client.force_login(topic_owner)
    before = VisualOrder.objects.count()
    response = client.post(
        reverse("procurement:create"),
        order_post(**{"title_et": "", "contact_email": "not an address"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    html = response.content.decode()
    assert response.status_code == 200 and VisualOrder.objects.count() == before
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#id_title_et"' in summary and 'href="#id_contact_email"' in summary
    assert '<details class="form-section" id="section-1" open>' in html
    assert "js/error-summary.js" in html


def test_order_history_shows_the_latest_entries_and_the_rest_on_request(client, ska, topic_owner):
    from brandkit.review import audit
    from brandkit.review.models import AuditAction

    order = make_order(topic_owner)
    for n in range(8):
        audit.record(
            topic_owner, AuditAction.COMMENT, obj=f"{order.number} note {n}", order=order.number
        )
    client.force_login(topic_owner)
    html = client.get(reverse("procurement:order", args=[order.number])).content.decode()
    latest = html.split('id="events-caption"', 1)[1].split("</table>", 1)[0]
    assert latest.count("<tr>") == 1 + 5  # the head row and the five newest
    assert 'class="history-all"' in html
    everything = html.split('id="events-all-caption"', 1)[1].split("</table>", 1)[0]
    assert everything.count("<tr>") == 1 + 8


def test_documents_are_named_in_words_in_records(topic_owner, ska):
    from django.utils import translation

    from procurement.models import Document, DocumentKind, DocumentStatus

    order = make_order(topic_owner)
    doc = Document.objects.create(
        order=order,
        kind=DocumentKind.TENDER_ZIP,
        lang="et",
        version=1,
        status=DocumentStatus.PENDING,
        order_revision=order.revision,
        created_by=topic_owner,
    )
    with translation.override("en"):
        assert str(doc) == f"{order.number}: tender set (ZIP), ET, version 1"
