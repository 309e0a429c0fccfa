"""Background work for procurement, through the django.tasks API."""

from django_tasks import task


@task()
def render_documents(document_ids: list[int]) -> None:
    """Render the pending documents with these ids (see procurement.generation)."""
    from procurement.generation import render_documents as render

    render(document_ids)
