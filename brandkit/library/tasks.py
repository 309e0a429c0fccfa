"""Background work for the library, through the django.tasks API."""

from django_tasks import task


@task()
def make_renditions(version_id: int) -> None:
    from brandkit.library.renditions import build_renditions

    build_renditions(version_id)
