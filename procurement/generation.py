"""Requesting documents for an order and rendering them in the background.

A request creates one `Document` row per file, status "pending", with the next version number
for its (order, kind, language) and a snapshot of the order data, then enqueues one task. The
task renders from that snapshot — so a change to the order after the request cannot leak into
a document that claims an older revision — stores the bytes with their SHA-256 and marks the
row "ready", or "failed" with the error. Rendering itself is the pure code in
procurement/documents/.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from brandkit.review import audit
from brandkit.review.models import AuditAction
from brandkit.rules.models import Brandbook
from procurement.models import (
    LOW_VALUE_TENDER_KINDS,
    TENDER_KINDS,
    Document,
    DocumentKind,
    DocumentStatus,
    VisualOrder,
)

logger = logging.getLogger(__name__)

BRIEF_LANGS = ("et", "en", "ru")
TENDER_LANGS = ("et", "en")
MAX_ERROR_CHARS = 2000

# Which tender document a file of the set is: by the documents module's table of file names
# (procurement.documents.tender.DOCUMENTS), else by words in the name.
TENDER_KEYS = {
    "invitation": DocumentKind.TENDER_INVITATION,
    "specification": DocumentKind.TENDER_SPEC,
    "criteria": DocumentKind.TENDER_CRITERIA,
    "offer_form": DocumentKind.TENDER_OFFER_FORM,
    "contract_terms": DocumentKind.TENDER_CONTRACT,
}
TENDER_FILE_WORDS = {
    DocumentKind.TENDER_INVITATION: ("request-for-offers", "pakkumuskutse"),
    DocumentKind.TENDER_SPEC: ("specification", "tehniline-kirjeldus"),
    DocumentKind.TENDER_CRITERIA: ("criteria", "qualification", "evaluation", "hindamine"),
    DocumentKind.TENDER_OFFER_FORM: ("offer", "pakkumus"),
    DocumentKind.TENDER_CONTRACT: ("contract", "leping"),
}


class GenerationRefused(Exception):
    """Nothing can be made: `reason` is "language", "brandbook" or "route"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def current_brandbook() -> Brandbook | None:
    return Brandbook.objects.current(settings.BRANDKIT_DEFAULT_BRANDBOOK)


def _document_languages(document: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """The languages the documents module has templates for (its DOCUMENT_LANGUAGES table);
    the default while the module is not there."""
    try:
        from procurement.documents.labels import DOCUMENT_LANGUAGES
    except ImportError:
        return default
    langs = DOCUMENT_LANGUAGES.get(document) or default
    return tuple(code for code in BRIEF_LANGS if code in langs)


def brief_languages() -> tuple[str, ...]:
    return _document_languages("brief", BRIEF_LANGS)


def tender_languages() -> tuple[str, ...]:
    return _document_languages("tender", TENDER_LANGS)


def latest_documents(order: VisualOrder) -> list[Document]:
    """The newest version of each (kind, language), in a stable order."""
    newest: dict[tuple[str, str], Document] = {}
    for doc in order.documents.order_by("kind", "lang", "-version"):
        newest.setdefault((doc.kind, doc.lang), doc)
    kinds = [k.value for k in DocumentKind]
    return sorted(newest.values(), key=lambda d: (kinds.index(d.kind), BRIEF_LANGS.index(d.lang)))


def _up_to_date(order: VisualOrder, kind: str, lang: str, brandbook) -> Document | None:
    return (
        order.documents.filter(
            kind=kind,
            lang=lang,
            order_revision=order.revision,
            brandbook=brandbook,
            status__in=[DocumentStatus.PENDING, DocumentStatus.READY],
        )
        .order_by("-version")
        .first()
    )


def request_documents(order: VisualOrder, kinds, lang: str, user) -> tuple[list[Document], bool]:
    """Create pending documents and enqueue their rendering after the transaction commits.

    Returns (documents, created): when every requested document already exists for the
    order's current revision and brandbook (pending or ready), nothing new is made and those
    are returned with created=False.
    """
    brandbook = current_brandbook()
    if brandbook is None:
        raise GenerationRefused("brandbook")
    with transaction.atomic():
        locked = VisualOrder.objects.select_for_update().get(pk=order.pk)
        existing = [_up_to_date(locked, kind, lang, brandbook) for kind in kinds]
        if all(existing):
            return existing, False
        data = locked.to_document_data(lang, brandbook.to_data())
        if data["procurement_route"] is None:
            raise GenerationRefused("route")
        created = []
        for kind in kinds:
            last = locked.documents.filter(kind=kind, lang=lang).aggregate(n=Max("version"))["n"]
            created.append(
                Document.objects.create(
                    order=locked,
                    kind=kind,
                    lang=lang,
                    version=(last or 0) + 1,
                    order_revision=locked.revision,
                    order_data=data,
                    brandbook=brandbook,
                    created_by=user,
                )
            )
        ids = [doc.pk for doc in created]

        def enqueue():
            from procurement.tasks import render_documents

            render_documents.enqueue(ids)

        transaction.on_commit(enqueue)
    return created, True


def request_brief(order: VisualOrder, lang: str, user):
    if lang not in brief_languages():
        raise GenerationRefused("language")
    return request_documents(order, [DocumentKind.BRIEF], lang, user)


def request_tender_set(order: VisualOrder, lang: str, user):
    if lang not in tender_languages():
        raise GenerationRefused("language")
    decision = order.route()
    if decision is None:
        raise GenerationRefused("route")
    kinds = LOW_VALUE_TENDER_KINDS if decision.is_low_value else TENDER_KINDS
    return request_documents(order, list(kinds), lang, user)


# ---------------------------------------------------------------------------------------------
# Rendering (runs in the task)


def render_documents(document_ids: list[int]) -> None:
    docs = list(
        Document.objects.filter(pk__in=document_ids, status=DocumentStatus.PENDING)
        .select_related("order", "brandbook", "created_by")
        .order_by("pk")
    )
    briefs = [d for d in docs if d.kind == DocumentKind.BRIEF]
    sets: dict[tuple, list[Document]] = defaultdict(list)
    for doc in docs:
        if doc.kind != DocumentKind.BRIEF:
            sets[(doc.order_id, doc.lang, doc.order_revision, doc.brandbook_id)].append(doc)
    for doc in briefs:
        try:
            from procurement.documents.brief import render_brief

            book = _brandbook(doc)
            with logo_files(book) as logo_dir:
                pdf = render_brief(doc.order_data, book.to_data(), doc.lang, logo_dir=logo_dir)
            _finish(doc, pdf)
        except Exception as exc:
            _fail(doc, exc)
    for group in sets.values():
        _render_tender_group(group)


def _brandbook(doc: Document) -> Brandbook:
    book = doc.brandbook or current_brandbook()
    if book is None:
        raise GenerationRefused("brandbook")
    return book


@contextmanager
def logo_files(book: Brandbook):
    """A temporary folder holding the brandbook's logo files under the names its data uses
    (the variant's "file"), copied from media storage, so rendering works the same with local
    files and object storage. A name that would leave the folder is skipped."""
    with tempfile.TemporaryDirectory(prefix="brandkit-logos-") as folder:
        base = Path(folder).resolve()
        for logo in book.logos.prefetch_related("variants"):
            for variant in logo.variants.all():
                name = variant.source_name or variant.file.name.rsplit("/", 1)[-1]
                target = (base / name).resolve()
                if not target.is_relative_to(base) or not variant.file:
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with variant.file.open("rb") as handle:
                    target.write_bytes(handle.read())
        yield base


def tender_kind_for(filename: str, lang: str) -> str | None:
    name = filename.lower()
    try:
        from procurement.documents.tender import ALL_DOCUMENTS
    except ImportError:
        ALL_DOCUMENTS = ()  # noqa: N806
    for key, _template, _title, names in ALL_DOCUMENTS:
        part = names.get(lang)
        if part and name.endswith(f"{part}.pdf") and key in TENDER_KEYS:
            return TENDER_KEYS[key]
    for kind, words in TENDER_FILE_WORDS.items():
        if any(word in name for word in words):
            return kind
    return None


def _render_tender_group(group: list[Document]) -> None:
    first = group[0]
    try:
        from procurement.documents.tender import render_tender_set, zip_set

        book = _brandbook(first)
        with logo_files(book) as logo_dir:
            files = render_tender_set(
                first.order_data, book.to_data(), first.lang, logo_dir=logo_dir
            )
        by_kind: dict[str, bytes] = {}
        for filename, data in files.items():
            kind = tender_kind_for(filename, first.lang)
            if kind is not None and kind not in by_kind:
                by_kind[kind] = data
        archive = zip_set(files)
    except Exception as exc:
        for doc in group:
            _fail(doc, exc)
        return
    for doc in group:
        data = archive if doc.kind == DocumentKind.TENDER_ZIP else by_kind.get(doc.kind)
        if data is None:
            _fail(doc, LookupError(f"the tender set has no {doc.kind} document"))
            continue
        try:
            _finish(doc, data)
        except Exception as exc:
            _fail(doc, exc)


def _finish(doc: Document, data: bytes) -> None:
    if not data:
        raise ValueError("the renderer returned no bytes")
    doc.sha256 = hashlib.sha256(data).hexdigest()
    doc.size_bytes = len(data)
    doc.status = DocumentStatus.READY
    doc.finished_at = timezone.now()
    doc.error = ""
    doc.file.save("document", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            doc.save()
            audit.record(
                doc.created_by,
                AuditAction.DOCUMENT,
                obj=doc,
                order=doc.order.number,
                kind=doc.kind,
                lang=doc.lang,
                document_version=doc.version,
                order_revision=doc.order_revision,
                sha256=doc.sha256,
            )
    except Exception:
        doc.file.delete(save=False)
        raise


def _fail(doc: Document, exc: Exception) -> None:
    logger.exception("Rendering %s failed", doc, exc_info=exc)
    message = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
    Document.objects.filter(pk=doc.pk, status=DocumentStatus.PENDING).update(
        status=DocumentStatus.FAILED, error=message, finished_at=timezone.now(), file=""
    )
    audit.record(
        doc.created_by,
        AuditAction.DOCUMENT,
        obj=doc,
        order=doc.order.number,
        kind=doc.kind,
        lang=doc.lang,
        document_version=doc.version,
        failed=message,
    )
