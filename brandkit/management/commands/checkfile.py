"""`manage.py checkfile`: check files against the brand rules from the command line.

The contract is in DESIGN.md ("Check report contract"):

    checkfile PATH [PATH …] [--preset SLUG] [--brandbook SLUG_OR_PATH] [--json] [--lang et|en|ru]
              [--evidence DIR] [--languages et,ru]

`--evidence DIR` writes ``NAME.evidence.png`` for every file that was not rejected: the image at
its original size with the findings that have a place drawn as numbered boxes (the numbers of
the report page; see ``brandkit.checks.evidence``).

`--languages` declares the languages of the text in the files (`text.language` warns about
text in any other).

Exit status: 0 every file passes (warnings allowed), 1 at least one file fails, 2 at least one
file was rejected or the command was used wrongly (unknown preset or brandbook, a bad brandbook
file, a missing file). Rejection outranks failure.

The brandbook: `--brandbook` names an existing file (parsed and validated like any brandbook
file) or the slug of a brandbook loaded in the database. Without it, the brandbook named by
``settings.BRANDKIT_DEFAULT_BRANDBOOK`` is read from the database, and if none is loaded, the
shipped ``brandkit/brandbooks/ska.yaml``.
"""

from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from brandkit.brandbooks import SKA_BRANDBOOK, BrandbookInvalid, parse_file
from brandkit.checks.decode import DEFAULT_MAX_BYTES
from brandkit.checks.registry import report_json_default, run
from brandkit.checks.report import Report

LANGS = ("et", "en", "ru")
EXIT = {"pass": 0, "fail": 1, "rejected": 2}
USAGE_ERROR = 2

VERDICT_WORDS = {
    "et": {"pass": "SOBIB", "fail": "EI SOBI", "rejected": "TAGASI LÜKATUD"},
    "en": {"pass": "PASS", "fail": "FAIL", "rejected": "REJECTED"},
    "ru": {"pass": "СООТВЕТСТВУЕТ", "fail": "НЕ СООТВЕТСТВУЕТ", "rejected": "ОТКЛОНЁН"},
}
SEVERITY_WORDS = {
    "et": {"error": "viga", "warning": "hoiatus", "info": "teave"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
    "ru": {"error": "ошибка", "warning": "предупреждение", "info": "сведения"},
}
SUMMARY = {
    "et": "{n} faili: {passed} sobib, {failed} ei sobi, {rejected} tagasi lükatud",
    "en": "{n} files: {passed} pass, {failed} fail, {rejected} rejected",
    "ru": "Файлов: {n}; соответствуют: {passed}, не соответствуют: {failed}, отклонены: {rejected}",
}
NO_FINDINGS = {"et": "märkusi pole", "en": "no findings", "ru": "замечаний нет"}


@contextmanager
def quiet_loggers(names: tuple[str, ...], level: int):
    """Raise the level of noisy library loggers (pypdf warns about every broken xref)."""
    saved = []
    for name in names:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level))
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old in saved:
            logger.setLevel(old)


class Command(BaseCommand):
    help = (
        "Check image, SVG and PDF files against the brand rules. Exit status 0: every file "
        "passes; 1: a file fails; 2: a file was rejected (unsafe, unreadable, unsupported) or "
        "the command was used wrongly."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files to check")
        parser.add_argument(
            "--preset", metavar="SLUG", help="check against this preset of the brandbook"
        )
        parser.add_argument(
            "--brandbook",
            metavar="SLUG_OR_PATH",
            help="a brandbook YAML file, or the slug of a loaded brandbook "
            f"(default: {settings.BRANDKIT_DEFAULT_BRANDBOOK}, else the shipped ska.yaml)",
        )
        parser.add_argument(
            "--json", action="store_true", help="print one JSON object per file, one per line"
        )
        parser.add_argument(
            "--lang", choices=LANGS, help="language of the messages (default: LANGUAGE_CODE)"
        )
        parser.add_argument(
            "--evidence",
            metavar="DIR",
            help="write NAME.evidence.png into DIR: the image with numbered boxes where the "
            "findings are",
        )
        parser.add_argument(
            "--languages",
            metavar="CODES",
            help="comma-separated ISO 639-1 codes of the text's languages, e.g. et,ru",
        )

    def handle(self, *args, **options):
        lang = options["lang"] or (
            settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in LANGS else "et"
        )
        as_json = options["json"]
        data = self.load_brandbook(options["brandbook"])
        chosen = self.find_preset(data, options["preset"]) if options["preset"] else None
        files = self.existing_files(options["paths"])
        languages = parse_languages(options.get("languages"))
        evidence_dir = Path(options["evidence"]) if options.get("evidence") else None
        if evidence_dir is not None:
            try:
                evidence_dir.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CommandError(
                    f"Cannot create the evidence directory {evidence_dir}: {exc.strerror}",
                    returncode=USAGE_ERROR,
                ) from exc

        level = logging.WARNING if options.get("verbosity", 1) >= 2 else logging.CRITICAL
        reports: list[Report] = []
        with quiet_loggers(("pypdf", "PIL"), level):
            for path in files:
                report = run(
                    path,
                    filename=str(path),
                    brandbook=data,
                    preset=chosen,
                    max_bytes=getattr(settings, "BRANDKIT_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES),
                    languages=languages,
                )
                reports.append(report)
                if evidence_dir is not None and report.verdict != "rejected":
                    self.write_evidence(path, report, evidence_dir / evidence_name(path, files))
                if as_json:
                    self.write_json(report, lang)
                else:
                    self.write_human(report, lang)
        if not as_json and len(reports) > 1:
            counts = {v: sum(r.verdict == v for r in reports) for v in EXIT}
            self.stdout.write(
                SUMMARY[lang].format(
                    n=len(reports),
                    passed=counts["pass"],
                    failed=counts["fail"],
                    rejected=counts["rejected"],
                )
            )
        status = max((EXIT[r.verdict] for r in reports), default=0)
        if status:
            self.stdout.flush()
            sys.exit(status)

    # -- arguments -----------------------------------------------------------------------------

    def load_brandbook(self, value: str | None) -> dict:
        if value is None:
            slug = settings.BRANDKIT_DEFAULT_BRANDBOOK
            data = self.brandbook_from_db(slug, required=False)
            return data if data is not None else self.brandbook_from_file(SKA_BRANDBOOK)
        path = Path(value)
        if path.is_file():
            return self.brandbook_from_file(path)
        if path.suffix.lower() in (".yaml", ".yml", ".json") or "/" in value or "\\" in value:
            raise CommandError(f"Brandbook file not found: {value}", returncode=USAGE_ERROR)
        return self.brandbook_from_db(value, required=True)

    def brandbook_from_file(self, path: Path) -> dict:
        try:
            return parse_file(path)
        except BrandbookInvalid as exc:
            lines = [f"Invalid brandbook file {path} ({len(exc.errors)} error(s)):"]
            lines += [f"  {error.path or '(file)'}: {error.message}" for error in exc.errors]
            raise CommandError("\n".join(lines), returncode=USAGE_ERROR) from exc

    def brandbook_from_db(self, slug: str, *, required: bool) -> dict | None:
        try:
            from brandkit.rules.models import Brandbook

            book = Brandbook.objects.current(slug)
            if book is None:
                if not required:
                    return None
                available = sorted(
                    set(Brandbook.objects.filter(is_current=True).values_list("slug", flat=True))
                )
                known = ", ".join(available) if available else "none is loaded"
                raise CommandError(
                    f"No brandbook with the slug {slug!r} is loaded (loaded: {known}). Give a "
                    "brandbook file path, or load one with `manage.py loadbrandbook FILE`.",
                    returncode=USAGE_ERROR,
                )
            return book.to_data()
        except (ImportError, DatabaseError) as exc:
            if not required:
                return None
            raise CommandError(
                f"Cannot read the brandbook {slug!r} from the database ({exc}). Give a brandbook "
                "file path instead, or run `manage.py migrate` and `manage.py loadbrandbook`.",
                returncode=USAGE_ERROR,
            ) from exc

    def find_preset(self, data: dict, slug: str) -> dict:
        for preset in data.get("presets", []):
            if preset.get("slug") == slug:
                return preset
        available = ", ".join(p.get("slug", "?") for p in data.get("presets", [])) or "none"
        raise CommandError(
            f"Unknown preset {slug!r} in brandbook {data.get('slug', '?')!r} "
            f"(available: {available}).",
            returncode=USAGE_ERROR,
        )

    def existing_files(self, paths: list[str]) -> list[Path]:
        problems = []
        for value in paths:
            path = Path(value)
            if not path.exists():
                problems.append(f"{value}: no such file")
            elif not path.is_file():
                problems.append(f"{value}: not a regular file")
        if problems:
            raise CommandError(
                "Cannot check:\n" + "\n".join(f"  {problem}" for problem in problems),
                returncode=USAGE_ERROR,
            )
        return [Path(value) for value in paths]

    # -- output --------------------------------------------------------------------------------

    def write_evidence(self, path: Path, report: Report, target: Path) -> None:
        """NAME.evidence.png: the file decoded again (the report keeps no pixels) and drawn
        with the report's numbered boxes. A file with nothing to draw on is said, not failed."""
        from brandkit.checks import evidence
        from brandkit.checks.decode import Limits, decode

        limits = Limits(max_bytes=getattr(settings, "BRANDKIT_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))
        raster = None
        try:
            decoded = decode(path.read_bytes(), report.format or "", limits)
            if not isinstance(decoded, list):
                raster = evidence_raster(decoded)
        except Exception as exc:  # the check already read the file; this is only a picture
            self.stderr.write(f"{path}: no evidence image ({type(exc).__name__}: {exc})")
            return
        if raster is None:
            self.stderr.write(f"{path}: no evidence image (this format cannot be drawn)")
            return
        findings = [f.as_dict() for f in report.findings]
        image = evidence.evidence_image(raster, findings, report.width, report.height)
        image.save(target, "PNG", optimize=False)

    def write_json(self, report: Report, lang: str) -> None:
        line = json.dumps(report.as_dict(lang), ensure_ascii=False, default=report_json_default)
        self.stdout.write(line)

    def write_human(self, report: Report, lang: str) -> None:
        data = report.as_dict(lang)
        verdict = data["verdict"]
        style = {
            "pass": self.style.SUCCESS,
            "fail": self.style.ERROR,
            "rejected": self.style.ERROR,
        }[verdict]
        self.stdout.write(style(f"{data['file']}: {VERDICT_WORDS[lang][verdict]}"))
        facts = []
        if data["format"]:
            facts.append(data["format"].upper())
        if data["width"] and data["height"]:
            unit = "pt" if data["format"] == "pdf" else "px"
            facts.append(f"{data['width']} × {data['height']} {unit}")
        if facts:
            self.stdout.write("  " + ", ".join(facts))
        if not data["findings"]:
            self.stdout.write(f"  ({NO_FINDINGS[lang]})")
        for finding in data["findings"]:
            severity = SEVERITY_WORDS[lang][finding["severity"]]
            marker = {"error": "✗", "warning": "!", "info": "·"}[finding["severity"]]
            line = f"  {marker} {severity} {finding['code']}: {finding['message']}"
            if finding["severity"] == "error":
                line = self.style.ERROR(line)
            elif finding["severity"] == "warning":
                line = self.style.WARNING(line)
            self.stdout.write(line)
        self.stdout.write("")


def evidence_raster(decoded):
    """The pixels to draw evidence on: what rasterise sees (any format, full resolution), or
    the decoder's own raster / first PDF page when rasterise cannot."""
    try:
        from brandkit.checks.rasterise import rasterise
    except ImportError:
        rasterise = None
    if rasterise is not None:
        found = rasterise(decoded)
        if found is not None:
            return found
    if decoded.raster is not None:
        return decoded.raster
    if decoded.pdf is not None and decoded.pdf.pages:
        return decoded.pdf.pages[0]
    return None


def evidence_name(path: Path, files: list[Path]) -> str:
    """NAME.evidence.png with NAME the file's name without its extension, or with it when
    another file of the run has the same stem (banner.png and banner.jpg)."""
    same = sum(other.stem == path.stem for other in files)
    return f"{path.name if same > 1 else path.stem}.evidence.png"


def parse_languages(value: str | None) -> list[str] | None:
    """ "et, RU" -> ["et", "ru"]; a code that is not two or three letters is a usage error."""
    if not value:
        return None
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    bad = [
        code for code in codes if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3)
    ]
    if bad:
        raise CommandError(
            f"--languages: not a language code: {', '.join(bad)} (e.g. et,ru)",
            returncode=USAGE_ERROR,
        )
    return codes or None
