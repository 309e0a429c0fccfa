"""Background work end to end with the database task backend and its worker.

Production enqueues renditions and document rendering into the database
(django_tasks_db.DatabaseBackend); `manage.py db_worker`, a process of its own, runs them.
Here the transactions really commit (transactional database), so the work is enqueued by the
same on-commit hooks as in production, waits in the queue, and is done only when the worker
runs (`--batch`: process what is queued, then exit).
"""

import hashlib
import io
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from PIL import Image
from pypdf import PdfReader

from brandkit.api.models import ApiToken
from brandkit.library.models import RenditionStatus
from brandkit.review import workflow
from tests.library_helpers import make_asset, png_bytes

pytestmark = pytest.mark.django_db(transaction=True)

RENDITIONS_TASK = "brandkit.library.tasks.make_renditions"
DOCUMENTS_TASK = "procurement.tasks.render_documents"


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """The production task backend (TASKS changes reset django_tasks' backend cache)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker installs SIGINT/SIGTERM handlers for a graceful shutdown; keep pytest's own.
    monkeypatch.setattr(Worker, "configure_signals", lambda self: None)


def run_worker() -> None:
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--interval",
        "0",
        "--worker-id",
        "test-worker",
        stdout=StringIO(),
    )


def queued(task_path: str):
    return DBTaskResult.objects.filter(task_path=task_path)


def test_renditions_of_an_approved_version_wait_for_the_worker(
    database_tasks, ska, topic_owner, web_manager, procurement_user, client, caplog
):
    asset, version = make_asset(
        topic_owner, ska, state="submitted", data=png_bytes(size=(1200, 628))
    )
    # every version gets its thumbnail in the background, from the upload on
    [preview] = queued(RENDITIONS_TASK)
    assert preview.args_kwargs["args"] == [version.pk]
    assert set(version.renditions.values_list("name", flat=True)) == {"thumbnail"}
    workflow.approve(version, web_manager)

    task = queued(RENDITIONS_TASK).exclude(pk=preview.pk).get()
    assert task.status == "READY"  # queued, not run
    assert task.args_kwargs["args"] == [version.pk]
    assert not version.renditions.filter(status=RenditionStatus.READY).exists()
    _row, token = ApiToken.objects.issue("cms", procurement_user)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    before = client.get(f"/api/v1/assets/{asset.public_id}", **auth).json()
    assert not [r for r in before["renditions"] if r["url"]]

    with caplog.at_level("INFO", logger="django_tasks_db"):
        run_worker()

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL", task.traceback
    assert task.worker_ids == ["test-worker"]
    assert "No more tasks to run" in caplog.text  # --batch: done, then it exits
    renditions = list(version.renditions.all())
    assert renditions and {r.status for r in renditions} == {RenditionStatus.READY}
    for rendition in renditions:
        with rendition.file.open("rb") as handle:
            assert len(handle.read()) == rendition.size_bytes > 0
    after = client.get(f"/api/v1/assets/{asset.public_id}", **auth).json()
    assert {r["name"] for r in after["renditions"] if r["url"]} == {r.name for r in renditions}
    client.force_login(procurement_user)
    thumbnail = version.renditions.get(name="thumbnail")
    response = client.get(reverse("library:rendition_file", args=[thumbnail.pk]) + "?inline=1")
    assert response.status_code == 200

    # a second run finds nothing to do and exits at once
    run_worker()
    assert queued(RENDITIONS_TASK).count() == 2
    assert version.renditions.count() == len(renditions)


def test_a_requested_brief_is_rendered_by_the_worker(
    database_tasks, ska, topic_owner, procurement_user, client
):
    from procurement.generation import request_brief
    from procurement.models import DocumentStatus
    from tests.test_procurement_helpers import make_order

    order = make_order(topic_owner)
    (document,), created = request_brief(order, "et", topic_owner)
    assert created

    [task] = queued(DOCUMENTS_TASK)
    assert task.status == "READY"
    document.refresh_from_db()
    assert document.status == DocumentStatus.PENDING and not document.file
    client.force_login(procurement_user)
    page = client.get(reverse("procurement:order", args=[order.number]))
    assert page.status_code == 200

    run_worker()

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL", task.traceback
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.error
    response = client.get(reverse("procurement:document", args=[document.pk]))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF") and hashlib.sha256(body).hexdigest() == document.sha256
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(body)).pages)
    assert order.number in text


def test_a_failing_task_is_recorded_and_the_worker_goes_on(
    database_tasks, ska, topic_owner, web_manager, monkeypatch
):
    from brandkit.library import renditions as module

    _asset, first = make_asset(topic_owner, ska, state="submitted")
    _asset2, second = make_asset(topic_owner, ska, state="submitted", data=png_bytes(marker=4))
    real = module.build_renditions

    def flaky(version_id):
        if version_id == first.pk:
            raise RuntimeError("disk on fire")
        real(version_id)

    monkeypatch.setattr(module, "build_renditions", flaky)
    workflow.approve(first, web_manager)
    workflow.approve(second, web_manager)

    run_worker()

    statuses = {t.args_kwargs["args"][0]: t for t in queued(RENDITIONS_TASK)}
    assert statuses[first.pk].status == "FAILED"
    assert "disk on fire" in statuses[first.pk].traceback
    assert statuses[second.pk].status == "SUCCESSFUL"
    assert second.renditions.filter(status=RenditionStatus.READY).exists()


def test_an_svg_gets_a_thumbnail_before_and_web_files_after_approval(
    database_tasks, ska, topic_owner, web_manager, client
):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="628">'
        b'<rect width="1200" height="628" fill="#0033A0"/>'
        b'<rect x="100" y="100" width="400" height="200" fill="#FFFFFF"/></svg>'
    )
    _asset, version = make_asset(topic_owner, ska, state="submitted", data=svg, name="b.svg")
    run_worker()
    thumbnail = version.renditions.get(name="thumbnail")
    assert thumbnail.status == RenditionStatus.READY and thumbnail.width == 480
    client.force_login(web_manager)  # the reviewer sees what they approve
    response = client.get(reverse("library:rendition_file", args=[thumbnail.pk]) + "?inline=1")
    assert response.status_code == 200
    picture = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    corner = picture.convert("RGB").getpixel((5, 5))
    assert all(abs(a - b) <= 4 for a, b in zip(corner, (0, 51, 160), strict=True))  # lossy WebP
    workflow.approve(version, web_manager, override_reason="Proovifail: vorm on lihtne.")
    run_worker()
    names = {r.name: r for r in version.renditions.all()}
    assert set(names) == {"thumbnail", "web-png", "web-webp"}
    assert {r.status for r in names.values()} == {RenditionStatus.READY}
    assert (names["web-png"].width, names["web-png"].height) == (1200, 628)


def test_a_rendition_that_makes_no_file_fails_visibly(database_tasks, ska, topic_owner):
    _asset, version = make_asset(topic_owner, ska, state="submitted")
    with version.file.open("wb") as handle:  # the stored file is damaged after the checks
        handle.write(b"\x89PNG\r\n\x1a\n broken")
    run_worker()
    [task] = queued(RENDITIONS_TASK)
    assert task.status == "FAILED"
    assert "RenditionsFailed" in task.traceback or "not made" in task.traceback
    thumbnail = version.renditions.get(name="thumbnail")
    assert thumbnail.status == RenditionStatus.FAILED and thumbnail.error
