"""The brandbook's logo, read from media storage, is on page 1 of every generated document
(the real renderer; the same on object storage in test_s3_storage.py)."""

import io
import zipfile

import pytest

from procurement.generation import request_brief, request_tender_set
from tests.document_logos import MIN_PIXELS, marker_pixels, use_marker_logos
from tests.test_procurement_helpers import make_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def marker_logos(ska):
    assert use_marker_logos(ska) >= 2
    return ska


def test_a_brief_shows_the_stored_logo_on_its_first_page(
    topic_owner, marker_logos, django_capture_on_commit_callbacks
):
    order = make_order(topic_owner)
    with django_capture_on_commit_callbacks(execute=True):
        (document,), _created = request_brief(order, "et", topic_owner)
    document.refresh_from_db()
    assert document.status == "ready", document.error

    assert marker_pixels(document.file.read()) >= MIN_PIXELS


def test_every_tender_document_shows_the_stored_logo_on_its_first_page(
    topic_owner, marker_logos, django_capture_on_commit_callbacks
):
    order = make_order(topic_owner, value="65000")
    with django_capture_on_commit_callbacks(execute=True):
        documents, _created = request_tender_set(order, "en", topic_owner)
    pdfs = {}
    for document in documents:
        document.refresh_from_db()
        assert document.status == "ready", document.error
        if document.kind == "tender_zip":
            with zipfile.ZipFile(io.BytesIO(document.file.read())) as archive:
                pdfs.update({name: archive.read(name) for name in archive.namelist()})
    assert len(pdfs) >= 4
    for name, pdf in pdfs.items():
        assert marker_pixels(pdf) >= MIN_PIXELS, name


def test_without_a_stored_logo_file_the_page_has_no_marker(
    topic_owner, ska, django_capture_on_commit_callbacks
):
    """The measure itself: the SKA logos (no marker colour) give none of its pixels."""
    order = make_order(topic_owner)
    with django_capture_on_commit_callbacks(execute=True):
        (document,), _created = request_brief(order, "et", topic_owner)
    document.refresh_from_db()
    assert document.status == "ready", document.error

    assert marker_pixels(document.file.read()) < 50
