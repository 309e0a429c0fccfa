from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from brandkit.brandbooks import dump_yaml
from brandkit.rules.models import Brandbook
from brandkit.rules.serialise import data_for_file


class Command(BaseCommand):
    help = (
        "Write a loaded brandbook back to YAML (with any admin edits). Prints to standard "
        "output, or writes SLUG.yaml and the logo files into --output DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--book-version", dest="book_version", help="default: the current one")
        parser.add_argument("--output", help="folder for SLUG.yaml and its logo files")

    def handle(self, *args, slug, book_version=None, output=None, **options):
        books = Brandbook.objects.filter(slug=slug)
        book = (
            books.filter(version=book_version).first()
            if book_version
            else books.filter(is_current=True).first()
        )
        if book is None:
            known = ", ".join(books.values_list("version", flat=True)) or "none"
            raise CommandError(
                f"No brandbook {slug!r} version {book_version or '(current)'}; loaded: {known}",
                returncode=2,
            )
        text = dump_yaml(data_for_file(book.to_data()))
        if not output:
            self.stdout.write(text, ending="")
            return
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{book.slug}.yaml").write_text(text, encoding="utf-8")
        for logo in book.logos.all():
            for variant in logo.variants.all():
                target = folder / (variant.source_name or Path(variant.file.name).name)
                target.parent.mkdir(parents=True, exist_ok=True)
                with variant.file.open("rb") as source:
                    target.write_bytes(source.read())
        self.stdout.write(self.style.SUCCESS(f"Wrote {folder / (book.slug + '.yaml')}"))
