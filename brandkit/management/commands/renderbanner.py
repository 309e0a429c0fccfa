"""Render a banner from a brand template of the brandbook.

    renderbanner --list [--brandbook SLUG_OR_PATH]
    renderbanner SLUG --preset PRESET --lang et|en|ru --text headline=… [--text body=…]
                 [--image PATH] [--focal X,Y] [--colours N] --output OUT.png|.jpg|.webp|.pdf

Exit status: 0 written; 2 the command was used wrongly (unknown template, preset, slot or
language, text that cannot fit, an unreadable image). Nothing is left at OUT unless the whole
banner was written: the file appears by a rename of a finished temporary file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from brandkit.banners import BannerError, render_banner
from brandkit.management.commands.checkfile import USAGE_ERROR
from brandkit.management.commands.checkfile import Command as CheckfileCommand

SUFFIXES = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".webp": "webp", ".pdf": "pdf"}
MAX_IMAGE_BYTES = 50 * 1024 * 1024


class Command(BaseCommand):
    help = "Render a banner from a brand template (see --list)."

    def add_arguments(self, parser):
        parser.add_argument("template", nargs="?", metavar="SLUG", help="template slug")
        parser.add_argument("--list", action="store_true", help="list the templates")
        parser.add_argument("--preset", metavar="SLUG", help="channel preset")
        parser.add_argument("--lang", default="et", choices=["et", "en", "ru"])
        parser.add_argument(
            "--text", action="append", default=[], metavar="SLOT=TEXT", help="a slot's text"
        )
        parser.add_argument("--image", metavar="PATH", help="photo for the image slot")
        parser.add_argument(
            "--focal", default="0.5,0.5", metavar="X,Y", help="focal point as shares (0–1)"
        )
        parser.add_argument(
            "--colours", type=int, default=0, metavar="N", help="colour pair (0 = first)"
        )
        parser.add_argument("--brandbook", metavar="SLUG_OR_PATH")
        parser.add_argument("--output", metavar="OUT", help=".png, .jpg, .webp or .pdf")

    def fail(self, message: str):
        raise CommandError(message, returncode=USAGE_ERROR)

    def handle(self, *args, **options):
        data = CheckfileCommand().load_brandbook(options["brandbook"])
        templates = data.get("templates") or []
        if options["list"]:
            for template in templates:
                slots = ", ".join(
                    slot["name"] + ("" if slot.get("required", True) else "?")
                    for slot in template["slots"]
                    if slot["kind"] != "logo"
                )
                names = template["name"]
                self.stdout.write(
                    f"{template['slug']}\t{names.get('et', '')} / {names.get('en', '')} / "
                    f"{names.get('ru', '')}\tslots: {slots}"
                )
            return
        if not options["template"]:
            self.fail("Give a template slug (see --list).")
        if not templates:
            self.fail(
                f"The brandbook {data['slug']!r} (version {data['version']}) has no templates: "
                "load a brandbook file with a `templates:` section (manage.py loadbrandbook "
                "FILE), or give one with --brandbook FILE."
            )
        if not options["preset"]:
            self.fail("Give --preset.")
        out = options["output"]
        if not out:
            self.fail("Give --output OUT.png|.jpg|.webp|.pdf.")
        fmt = SUFFIXES.get(Path(out).suffix.lower())
        if fmt is None:
            self.fail(f"Unknown output type {Path(out).suffix!r}: use .png, .jpg, .webp or .pdf.")
        texts: dict[str, str] = {}
        for item in options["text"]:
            slot, sep, value = item.partition("=")
            if not sep or not slot.strip():
                self.fail(f"--text needs SLOT=TEXT, got {item!r}.")
            texts[slot.strip()] = value
        try:
            focal = tuple(float(v) for v in options["focal"].split(","))
            if len(focal) != 2:
                raise ValueError
        except ValueError:
            self.fail(f"--focal needs X,Y between 0 and 1, got {options['focal']!r}.")
        image = None
        if options["image"]:
            path = Path(options["image"])
            try:
                if path.stat().st_size > MAX_IMAGE_BYTES:
                    self.fail(f"The image {path} is larger than 50 MiB.")
                image = path.read_bytes()
            except OSError as exc:
                self.fail(f"Cannot read the image {path}: {exc.strerror or exc}.")
        try:
            rendered = render_banner(
                data,
                options["template"],
                options["preset"],
                options["lang"],
                texts,
                fmt=fmt,
                image=image,
                focal=focal,
                pair=options["colours"],
            )
        except BannerError as exc:
            self.fail(exc.messages["en"])
        target = Path(out)
        try:
            handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".renderbanner-")
        except OSError as exc:
            self.fail(f"Cannot write to {target.parent}: {exc.strerror or exc}.")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(rendered.data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            self.fail(f"Cannot write {target}: {exc.strerror or exc}.")
        self.stdout.write(
            f"{target}: {options['template']} {options['preset']} {options['lang']} "
            f"{rendered.width}×{rendered.height} {fmt.upper()}, {len(rendered.data)} bytes"
        )
