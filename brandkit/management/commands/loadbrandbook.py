from django.core.management.base import BaseCommand, CommandError

from brandkit.brandbooks import BrandbookInvalid
from brandkit.rules.loading import load_brandbook_file


class Command(BaseCommand):
    help = (
        "Load a brandbook YAML file. Loading the same version again changes nothing; a new "
        "version becomes current and older versions are kept. An invalid file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="brandbook YAML file, e.g. brandkit/brandbooks/ska.yaml")

    def handle(self, *args, path, **options):
        try:
            result = load_brandbook_file(path)
        except BrandbookInvalid as exc:
            raise CommandError(str(exc), returncode=2) from exc
        book = result.brandbook
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded {book.slug} {book.version}: {book.colours.count()} colours, "
                    f"{book.typefaces.count()} typefaces, {book.logos.count()} logos, "
                    f"{book.presets.count()} presets (now current)."
                )
            )
        else:
            self.stdout.write(f"{book.slug} {book.version} is already loaded; nothing changed.")
