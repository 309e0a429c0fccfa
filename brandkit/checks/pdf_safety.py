"""Find active content in a PDF: JavaScript, launch actions, embedded files, rich media, XFA.

The whole object graph reachable from the trailer (catalog, names, pages, annotations,
AcroForm fields, outlines, actions and their /Next chains …) is walked once with pypdf,
following indirect references with a visited set; dictionary keys and names are read (pypdf
decodes `#xx` escapes in names), stream contents are never decoded. Work is bounded by
`max_objects`: a PDF with more objects than that is not checked further and is rejected as too
complex to verify.

What is rejected (`pdf.unsafe`, one finding per kind and place, at most `MAX_FINDINGS`):
- JavaScript: any `/JS` entry, an action with `/S /JavaScript`, the `/JavaScript` name tree
  (so also an `/OpenAction` or `/AA` additional action that runs JavaScript);
- `/S /Launch` actions (start a program or open a file);
- embedded files: the `/EmbeddedFiles` name tree, a file specification with `/EF`, and
  `/FileAttachment` annotations; `/GoToE` actions (jump into an embedded document);
- `/RichMedia` annotations (Flash, video with scripting);
- `/XFA` forms (XML forms that carry their own scripts).
Links (`/URI`), `/GoTo` and `/GoToR` are ordinary navigation and are allowed.
"""

from __future__ import annotations

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from brandkit.checks import rejections
from brandkit.checks.rejections import Text, number, t
from brandkit.checks.report import Finding

MAX_FINDINGS = 20
MAX_PATH = 120

JAVASCRIPT = t("JavaScript", "JavaScript", "JavaScript")
LAUNCH = t(
    "käivitustoiming (/Launch), mis avab programmi või faili",
    "a launch action (/Launch) that starts a program or opens a file",
    "действие запуска (/Launch), открывающее программу или файл",
)
EMBEDDED = t("manustatud fail", "an embedded file", "встроенный файл")
ATTACHMENT = t(
    "failimanusega märkus", "a file attachment annotation", "аннотация с вложенным файлом"
)
GOTOE = t(
    "hüpe manustatud dokumenti (/GoToE)",
    "a jump into an embedded document (/GoToE)",
    "переход во встроенный документ (/GoToE)",
)
RICHMEDIA = t(
    "multimeedia (/RichMedia, nt Flash)",
    "rich media (/RichMedia, e.g. Flash)",
    "мультимедиа (/RichMedia, например Flash)",
)
XFA = t(
    "XFA-vorm (võib sisaldada skripte)",
    "an XFA form (can contain scripts)",
    "форма XFA (может содержать скрипты)",
)


def too_complex(max_objects: int) -> Finding:
    return rejections.pdf_unsafe(
        t(
            "PDF on liiga keerukas, et seda ohutuse suhtes kontrollida "
            f"(üle {number(max_objects, 'et', 0)} objekti)",
            "the PDF is too complex to check for active content "
            f"(more than {number(max_objects, 'en', 0)} objects)",
            "PDF слишком сложен для проверки на активное содержимое "
            f"(более {number(max_objects, 'ru', 0)} объектов)",
        ),
        "/",
        max_objects=max_objects,
    )


def _name(value) -> str | None:
    return str(value) if isinstance(value, NameObject) else None


def scan(trailer: DictionaryObject, *, max_objects: int = 100_000) -> list[Finding]:
    """Every unsafe construct reachable from `trailer`, as pdf.unsafe findings."""
    findings: list[Finding] = []
    seen_kinds: set[tuple[str, str]] = set()

    def report(problem: Text, where: str, **details) -> None:
        key = (problem["en"], where)
        if key in seen_kinds or len(findings) >= MAX_FINDINGS:
            return
        seen_kinds.add(key)
        findings.append(rejections.pdf_unsafe(problem, where or "/", **details))

    visited: set[tuple[int, int]] = set()
    stack: list[tuple[object, str]] = [(trailer, "")]
    nodes = 0
    while stack:
        obj, path = stack.pop()
        nodes += 1
        if nodes > max_objects * 5 or len(visited) > max_objects:
            findings.append(too_complex(max_objects))
            break
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in visited:
                continue
            visited.add(key)
            try:
                obj = obj.get_object()
            except Exception:  # noqa: S112 - a dangling or broken reference is skipped
                continue
        if isinstance(obj, DictionaryObject):
            _check_dict(obj, path, report)
            for key, value in obj.items():
                if key == "/Parent" or key == "/P":
                    continue  # back-references: reached from the other side anyway
                if isinstance(value, DictionaryObject | ArrayObject | IndirectObject):
                    stack.append((value, f"{path}{key}"[-MAX_PATH:]))
        elif isinstance(obj, ArrayObject):
            for index, value in enumerate(obj):
                if isinstance(value, DictionaryObject | ArrayObject | IndirectObject):
                    stack.append((value, f"{path}[{index}]"[-MAX_PATH:]))
    return findings


def _check_dict(obj: DictionaryObject, path: str, report) -> None:
    keys = set(obj.keys())
    action = _name(obj.get("/S"))
    subtype = _name(obj.get("/Subtype"))
    if "/JS" in keys or action == "/JavaScript":
        report(JAVASCRIPT, path, key="/JS")
    if "/JavaScript" in keys:
        report(JAVASCRIPT, f"{path}/JavaScript", key="/JavaScript")
    if action == "/Launch":
        report(LAUNCH, path, key="/Launch")
    if action == "/GoToE":
        report(GOTOE, path, key="/GoToE")
    if "/EmbeddedFiles" in keys:
        report(EMBEDDED, f"{path}/EmbeddedFiles", key="/EmbeddedFiles")
    if "/EF" in keys:
        report(EMBEDDED, f"{path}/EF", key="/EF")
    if subtype == "/FileAttachment":
        report(ATTACHMENT, path, key="/FileAttachment")
    if subtype == "/RichMedia" or "/RichMediaContent" in keys:
        report(RICHMEDIA, path, key="/RichMedia")
    if "/XFA" in keys:
        report(XFA, f"{path}/XFA", key="/XFA")
