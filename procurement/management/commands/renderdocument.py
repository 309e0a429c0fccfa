"""Render a design brief (PDF) or a tender set (ZIP of PDFs) from an ORDER.json, without the web
app.

    manage.py renderdocument ORDER.json --document brief|tender --lang et|en|ru --output PATH

ORDER.json has the shape of `procurement.documents.sample.sample_order()` (README: "ORDER.json").
Every field is checked first (procurement.documents.validation); when ``procurement_route`` is
absent, the route is the one the thresholds in the database give for ``estimated_value_eur``
today. The brandbook is the current one in the database (with its logo files), or the shipped
SKA brandbook file when none is loaded, or ``--brandbook-file``.

Exit status 2, with one clear message, for a file that is not JSON, an invalid order, an unknown
document kind or language, or an output path that cannot be written. The output is written to
a temporary file next to PATH and renamed into place, so PATH is either the whole document or
untouched.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

DOCUMENTS = ("brief", "tender")
LANGS = ("et", "en", "ru")
MAX_ORDER_BYTES = 2 * 1024 * 1024


def _fail(message: str) -> CommandError:
    return CommandError(message, returncode=2)


class Command(BaseCommand):
    help = "Render a design brief (PDF) or tender set (ZIP) from an ORDER.json file."

    def add_arguments(self, parser):
        parser.add_argument("order", help="ORDER.json (the shape of sample_order()); - for stdin")
        parser.add_argument("--document", required=True, help="brief or tender")
        parser.add_argument("--lang", required=True, help="et, en or ru")
        parser.add_argument("--output", required=True, help="where to write the PDF or ZIP")
        parser.add_argument(
            "--brandbook-file",
            default=None,
            help="a brandbook YAML file to use instead of the one in the database",
        )

    def handle(self, *args, **options):
        document, lang = options["document"], options["lang"]
        if document not in DOCUMENTS:
            raise _fail(f"--document must be one of {', '.join(DOCUMENTS)}, not {document!r}")
        if lang not in LANGS:
            raise _fail(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
        if document == "tender":
            from procurement.documents.labels import DOCUMENT_LANGUAGES

            if lang not in DOCUMENT_LANGUAGES["tender"]:
                raise _fail(
                    f"the tender set is made in {', '.join(DOCUMENT_LANGUAGES['tender'])}, "
                    f"not {lang!r}"
                )
        output = self._output_path(options["output"])
        data = self._read_json(options["order"])
        with self._brandbook(options["brandbook_file"]) as (brandbook, logo_dir):
            order = self._order(data, brandbook, lang)
            content = self._render(document, order, brandbook, lang, logo_dir)
        self._write(output, content)
        self.stdout.write(f"{output} ({len(content)} bytes)")

    # -- input ------------------------------------------------------------------------------------
    def _read_json(self, name: str):
        try:
            if name == "-":
                import sys

                raw = sys.stdin.buffer.read(MAX_ORDER_BYTES + 1)
            else:
                path = Path(name)
                if not path.is_file():
                    raise _fail(f"{name}: no such file")
                if path.stat().st_size > MAX_ORDER_BYTES:
                    raise _fail(f"{name}: larger than {MAX_ORDER_BYTES} bytes")
                raw = path.read_bytes()
        except OSError as exc:
            raise _fail(f"{name}: cannot read: {exc.strerror or exc}") from exc
        if len(raw) > MAX_ORDER_BYTES:
            raise _fail(f"{name}: larger than {MAX_ORDER_BYTES} bytes")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _fail(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc

        def no_constants(value):
            raise ValueError(f"{value} is not allowed in JSON")

        try:
            return json.loads(text, parse_constant=no_constants)
        except json.JSONDecodeError as exc:
            raise _fail(
                f"{name}: invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            ) from None
        except (ValueError, RecursionError) as exc:
            raise _fail(f"{name}: invalid JSON: {exc}") from exc

    @contextlib.contextmanager
    def _brandbook(self, brandbook_file: str | None):
        from brandkit.brandbooks import SKA_BRANDBOOK, parse_file

        if brandbook_file:
            path = Path(brandbook_file)
            try:
                data = parse_file(path)
            except Exception as exc:  # the parser's own errors name the problem
                raise _fail(f"{brandbook_file}: not a valid brandbook: {exc}") from exc
            yield data, path.resolve().parent
            return
        from django.db import DatabaseError

        from procurement.generation import current_brandbook, logo_files

        try:
            book = current_brandbook()
        except DatabaseError:  # no database yet: the shipped brandbook file
            book = None
        if book is None:
            yield parse_file(SKA_BRANDBOOK), SKA_BRANDBOOK.parent
            return
        with logo_files(book) as logo_dir:
            yield book.to_data(), logo_dir

    def _order(self, data, brandbook: dict, lang: str) -> dict:
        from procurement.documents import OrderDataError
        from procurement.documents.validation import validate_order

        try:
            order = validate_order(data, brandbook)
        except OrderDataError as exc:
            raise _fail(str(exc)) from exc
        if order["procurement_route"] is None:
            order["procurement_route"] = self._route(order["estimated_value_eur"], lang)
        return order

    def _route(self, value: str, lang: str) -> dict:
        from django.db import DatabaseError
        from django.utils import timezone

        from procurement.thresholds import route_data, route_for, thresholds_on

        today = timezone.localdate()
        try:
            decision = route_for(value, today, rows=thresholds_on(today))
        except DatabaseError as exc:
            raise _fail(
                f"cannot read the procurement thresholds from the database ({exc}); run "
                "`manage.py migrate`, or give procurement_route in the order"
            ) from exc
        if decision is None:
            raise _fail(
                f"no procurement threshold in the database applies on {today.isoformat()} to "
                f"{value} EUR; add thresholds in the admin or give procurement_route"
            )
        return route_data(decision.threshold, lang)

    # -- output -----------------------------------------------------------------------------------
    def _render(self, document, order, brandbook, lang, logo_dir) -> bytes:
        from procurement.documents import (
            ForbiddenResource,
            OrderDataError,
            RenderError,
            UnsupportedLanguage,
        )

        try:
            if document == "brief":
                from procurement.documents.brief import render_brief

                return render_brief(order, brandbook, lang, logo_dir=logo_dir)
            from procurement.documents.tender import tender_zip

            return tender_zip(order, brandbook, lang, logo_dir=logo_dir)[1]
        except (OrderDataError, UnsupportedLanguage, ValueError) as exc:
            raise _fail(str(exc)) from exc
        except (ForbiddenResource, RenderError) as exc:
            raise CommandError(f"rendering failed: {exc}", returncode=1) from exc

    def _output_path(self, name: str) -> Path:
        path = Path(name)
        if not name or path.is_dir():
            raise _fail(f"--output {name!r} is a folder; give a file name")
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise _fail(f"--output: the folder {str(parent)!r} does not exist")
        if not os.access(parent, os.W_OK):
            raise _fail(f"--output: cannot write into {str(parent)!r}")
        return path

    def _write(self, path: Path, content: bytes) -> None:
        """Whole file or nothing: a temporary file in the same folder, renamed over PATH."""
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
            dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False
        )
        try:
            with handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(handle.name, 0o644)
            os.replace(handle.name, path)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(handle.name)
            if isinstance(exc, OSError):
                raise _fail(f"--output: cannot write {str(path)!r}: {exc.strerror}") from exc
            raise
