"""Move the document wording from Python dicts into the gettext catalogues (issue 11).

The procurement documents used to keep their text in procurement/documents/labels.py as three
dicts (ET, EN, RU) keyed like "brief.background". This script writes every text as a PO entry
with the message context ``document`` — msgid the English text, msgstr the Estonian or Russian
one (English: empty, gettext falls back to the msgid; a text a language lacks gets no entry,
so the catalogue checks of locale/README.md stay clean) — appended to the END of
locale/{et,en,ru}/LC_MESSAGES/django.po, so the documents share the interface's catalogues,
tools and glossary. It does not run makemessages (other branches append to the same files) and
skips entries that are already there, so it can be run again.

    python scripts/document_labels_to_po.py [LABELS_FILE]   # default: the current labels.py
    for l in et en ru; do msgfmt -c -o locale/$l/LC_MESSAGES/django.mo \
        locale/$l/LC_MESSAGES/django.po; done

LABELS_FILE may be an older labels.py (``git show REV:procurement/documents/labels.py``); it
must define the dicts ET and EN (RU optional). The script stops, changing nothing, when one
English text has two different translations for different keys: gettext has one msgstr per
(context, msgid), so such keys need distinct English texts first.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "document"
BRACES = re.compile(r"\{[a-z_]+\}")


def load_dicts(path: Path) -> dict[str, dict[str, str]]:
    """The literal dicts ET, EN, RU of a labels file, read without importing it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        target = getattr(node, "target", None) or (getattr(node, "targets", None) or [None])[0]
        name = getattr(target, "id", None)
        if name in ("ET", "EN", "RU"):
            found[name.lower()] = ast.literal_eval(node.value)
    if "et" not in found or "en" not in found:
        raise SystemExit(f"{path}: no ET and EN dicts found")
    found.setdefault("ru", {})
    return found


def quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def entries(dicts: dict[str, dict[str, str]]) -> dict[str, list[tuple[str, str, str]]]:
    """Per language: (key, msgid, msgstr) in the English dict's order, one per msgid."""
    out: dict[str, list[tuple[str, str, str]]] = {"et": [], "en": [], "ru": []}
    seen: dict[str, dict[str, str]] = {"et": {}, "en": {}, "ru": {}}
    clashes = []
    for key, msgid in dicts["en"].items():
        for lang in ("et", "en", "ru"):
            msgstr = "" if lang == "en" else dicts[lang].get(key, "")
            previous = seen[lang].get(msgid)
            if previous is not None:
                if msgstr and previous and msgstr != previous:
                    clashes.append(f"{lang}: {msgid!r} is {previous!r} and {msgstr!r} ({key})")
                continue
            seen[lang][msgid] = msgstr
            out[lang].append((key, msgid, msgstr))
    if clashes:
        raise SystemExit("one English text, two translations:\n  " + "\n  ".join(clashes))
    return out


def existing(po_text: str) -> set[str]:
    """The msgids that already have the document context in a catalogue."""
    pattern = re.compile(r'^msgctxt "document"\nmsgid (".*")$', re.MULTILINE)
    return {match.group(1) for match in pattern.finditer(po_text)}


def append(lang: str, items: list[tuple[str, str, str]]) -> int:
    path = ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"
    text = path.read_text(encoding="utf-8")
    have = existing(text)
    blocks = []
    for key, msgid, msgstr in items:
        if quote(msgid) in have:
            continue
        if lang != "en" and not msgstr:
            continue  # not in that language (e.g. the tender set has no Russian): no entry
        flags = "#, python-brace-format\n" if BRACES.search(msgid) else ""
        blocks.append(
            f"#. {key}\n{flags}msgctxt {quote(CONTEXT)}\nmsgid {quote(msgid)}\n"
            f"msgstr {quote(msgstr)}\n"
        )
    if blocks:
        if not text.endswith("\n"):
            text += "\n"
        path.write_text(text + "\n" + "\n".join(blocks), encoding="utf-8")
    return len(blocks)


def main(argv: list[str]) -> None:
    source = Path(argv[1]) if len(argv) > 1 else ROOT / "procurement/documents/labels.py"
    per_language = entries(load_dicts(source))
    for lang, items in per_language.items():
        print(f"{lang}: {append(lang, items)} entries appended")


if __name__ == "__main__":
    main(sys.argv)
