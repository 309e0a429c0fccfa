"""Find active content in a PDF: scripts, automatic actions, embedded files, rich media, XFA.

The whole object graph reachable from the trailer (catalog, names, pages, annotations,
AcroForm fields, outlines, actions and their /Next chains …) is walked once with pypdf,
following indirect references with a visited set; dictionary keys and names are read (pypdf
decodes `#xx` escapes in names), stream contents are never decoded.

What is rejected (`pdf.unsafe`, one finding per kind and place, at most `MAX_FINDINGS`):
- JavaScript: any `/JS` entry, an action with `/S /JavaScript`, the `/JavaScript` name tree;
- `/S /Launch` actions (start a program or open a file), anywhere;
- `/SubmitForm` and `/ImportData` actions, anywhere: they send the form's data to an address
  or read data from a file, which a published visual never needs;
- automatic actions: an action run without a click — the catalog's `/OpenAction`, an `/AA`
  (additional actions: on open/close of the document or a page, on entering a form field or
  an annotation …) and their `/Next` chains — of the kinds `/URI` (any address, including
  `javascript:`), `/GoToR` (opens another file, e.g. a `\\\\server\\share` path that makes
  Windows send the reader's credentials), `/SubmitForm`, `/ImportData`, `/Launch`,
  `/JavaScript`, `/GoToE`; the finding names the action and the trigger;
- clicked links that are not ordinary links: a `/URI` with a script or `file:`/`data:` scheme,
  a `/GoToR` to a network (UNC) path or URL;
- embedded files: the `/EmbeddedFiles` name tree, a file specification with `/EF`, and
  `/FileAttachment` annotations; `/GoToE` actions (jump into an embedded document);
- `/RichMedia` annotations (Flash, video with scripting);
- `/XFA` forms (XML forms that carry their own scripts).
Ordinary clicked links (`/URI` to http, https, mailto or tel, `/GoTo`, `/GoToR` to a local
file) are allowed; their targets are returned as `ScanResult.links` so that the report can list
them (an info finding).

Work is bounded, and each bound gives `pdf.too_complex` (a rejection: we could not prove the
file safe within the budget). Before the walk (`check_structure`): more objects listed in the
cross-reference than `max_objects`, or an object stream of more than `MAX_STREAM_OBJECTS`
objects (pypdf parses a whole object stream to read one object of it). During the walk:
- `max_objects` indirect objects resolved (each costs pypdf a parse),
- `max_annotations` entries in one page's `/Annots` array (read from the array's length before
  anything in it is resolved: 32,768 annotations on one page are refused at once),
- `max_work` containers and entries visited (direct objects too), and a monotonic `deadline`
  in seconds as a last resort. The deadline makes the verdict depend on the machine's speed,
  so the work limits are set to trip well before it on ordinary hardware; it only guards
  against a kind of cost we have not foreseen.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from brandkit.checks import rejections
from brandkit.checks.rejections import Text, number, t
from brandkit.checks.report import Finding

MAX_FINDINGS = 20
MAX_PATH = 120
MAX_LINKS = 50
MAX_OBJECTS = 50_000
MAX_ANNOTATIONS = 2_000
MAX_WORK = 500_000
DEADLINE_S = 1.5
MAX_STREAM_OBJECTS = 2_000  # objects in one object stream: pypdf parses them all at once

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
SUBMIT = t(
    "vormi andmete saatmine (/SubmitForm)",
    "a form submission (/SubmitForm) that sends data to an address",
    "отправка данных формы (/SubmitForm)",
)
IMPORT = t(
    "andmete import failist (/ImportData)",
    "a data import (/ImportData) that reads a file",
    "импорт данных из файла (/ImportData)",
)

# What each action kind does, for the message of an automatic action.
ACTION_NAMES = {
    "/URI": t("aadressi avamine (/URI)", "opening an address (/URI)", "открытие адреса (/URI)"),
    "/GoToR": t(
        "teise faili avamine (/GoToR)",
        "opening another file (/GoToR)",
        "открытие другого файла (/GoToR)",
    ),
    "/SubmitForm": SUBMIT,
    "/ImportData": IMPORT,
    "/Launch": LAUNCH,
    "/JavaScript": t(
        "JavaScripti käivitamine (/JavaScript)",
        "running JavaScript (/JavaScript)",
        "запуск JavaScript (/JavaScript)",
    ),
    "/GoToE": GOTOE,
}
AUTOMATIC_KINDS = frozenset(ACTION_NAMES)
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass
class ScanResult:
    findings: list[Finding] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # external targets of clicked links
    objects: int = 0  # indirect objects resolved
    work: int = 0  # containers and entries visited
    limit: str | None = None  # the bound that stopped the walk, if any


def too_complex(limit: str, maximum: int, where: str = "/", **details) -> Finding:
    """`limit` is "objects", "annotations", "work", "time", "object_stream" or "parser"
    (pypdf's own limits)."""
    what = {
        "objects": t(
            f"üle {number(maximum, 'et', 0)} objekti",
            f"more than {number(maximum, 'en', 0)} objects",
            f"более {number(maximum, 'ru', 0)} объектов",
        ),
        "annotations": t(
            f"ühel leheküljel üle {number(maximum, 'et', 0)} märkuse",
            f"more than {number(maximum, 'en', 0)} annotations on one page",
            f"более {number(maximum, 'ru', 0)} аннотаций на одной странице",
        ),
        "work": t(
            f"üle {number(maximum, 'et', 0)} struktuurielemendi",
            f"more than {number(maximum, 'en', 0)} structure entries",
            f"более {number(maximum, 'ru', 0)} элементов структуры",
        ),
        "object_stream": t(
            f"ühes objektivoos üle {number(maximum, 'et', 0)} objekti",
            f"more than {number(maximum, 'en', 0)} objects in one object stream",
            f"более {number(maximum, 'ru', 0)} объектов в одном потоке объектов",
        ),
        "parser": t(
            "struktuur ületab lugeja piirid, nt liiga palju elemente ühes massiivis",
            "its structure exceeds the reader's limits, e.g. too many entries in one array",
            "структура превышает пределы чтения, например слишком много элементов в массиве",
        ),
        "time": t(
            "kontroll ei mahtunud ajapiiri",
            "the check did not finish within its time limit",
            "проверка не уложилась в отведённое время",
        ),
    }[limit]
    return rejections.rejection(
        "pdf.too_complex",
        {
            "et": f"PDF on liiga keerukas, et seda ohutuse suhtes kontrollida ({what['et']}; "
            f"kohas {where}). Ekspordi PDF uuesti lihtsamana (nt ilma märkuste ja vormideta).",
            "en": f"The PDF is too complex to check for active content ({what['en']}; at "
            f"{where}). Export the PDF again in a simpler form (e.g. without annotations or "
            "forms).",
            "ru": f"PDF слишком сложен для проверки на активное содержимое ({what['ru']}; в "
            f"{where}). Экспортируйте PDF заново в более простом виде (например, без аннотаций "
            "и форм).",
        },
        limit=limit,
        maximum=maximum,
        where=where,
        **details,
    )


def check_structure(
    reader, max_objects: int = MAX_OBJECTS, max_stream_objects: int = MAX_STREAM_OBJECTS
) -> Finding | None:
    """Refuse, before any object is read, a file whose cross-reference lists more objects than
    the walk may visit, or an object stream holding more than `max_stream_objects` (pypdf
    parses a whole object stream to read one object from it: 32,768 annotations in one
    stream cost seconds before the first one is seen). Real writers put 100–200 objects in
    a stream."""
    xref = getattr(reader, "xref", {}) or {}
    in_streams = getattr(reader, "xref_objStm", {}) or {}
    listed = sum(len(table) for table in xref.values()) + len(in_streams)
    if listed > max_objects:
        return too_complex("objects", max_objects, "/ (xref)", count=listed)
    per_stream: dict[int, int] = {}
    for stream_number, _index in in_streams.values():
        per_stream[stream_number] = per_stream.get(stream_number, 0) + 1
    for stream_number, count in per_stream.items():
        declared = 0
        try:
            stream = reader.get_object(stream_number)
            declared = int(stream.get("/N", 0)) if hasattr(stream, "get") else 0
        except Exception:  # noqa: BLE001, S110 - a broken stream is pypdf's to report
            pass
        if max(count, declared) > max_stream_objects:
            return too_complex(
                "object_stream",
                max_stream_objects,
                f"{stream_number} 0 obj",
                count=max(count, declared),
            )
    return None


def parser_limit(error: str) -> Finding:
    """pypdf stopped at one of its structural limits (tokens, entries, cycles)."""
    return too_complex("parser", 0, "/", error=error)


def _name(value) -> str | None:
    return str(value) if isinstance(value, NameObject) else None


def _text(value, limit: int = 500) -> str:
    """A PDF string or name as text (file specifications may be dictionaries)."""
    if isinstance(value, IndirectObject):
        try:
            value = value.get_object()
        except Exception:  # noqa: BLE001 - a broken reference has no text
            return ""
    if isinstance(value, DictionaryObject):
        for key in ("/UF", "/F", "/Unix", "/DOS", "/Mac"):
            if key in value:
                return _text(value[key], limit)
        return ""
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return str(value or "")[:limit]


def _shown(target: str, limit: int = 120) -> str:
    """A target as a message may show it: control characters made visible, cut short."""
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", target)[:limit]


def _scheme(target: str) -> str | None:
    """The URL scheme as a browser would read it (controls and whitespace ignored)."""
    match = _SCHEME.match(_CONTROL.sub("", target).lower())
    return match.group(1) + ":" if match else None


def _remote_path(target: str) -> bool:
    """A UNC path (\\\\server\\share, //server/share) or a URL: opening it reaches a network
    (and, for UNC, makes Windows offer the reader's credentials)."""
    flat = target.strip().replace("\\", "/")
    if flat.startswith("//"):
        return True
    scheme = _scheme(flat)
    return scheme is not None and len(scheme) > 2  # "C:" is a drive letter, not a scheme


def scan(
    trailer: DictionaryObject,
    *,
    max_objects: int = MAX_OBJECTS,
    max_annotations: int = MAX_ANNOTATIONS,
    max_work: int = MAX_WORK,
    deadline_s: float = DEADLINE_S,
) -> ScanResult:
    """Every unsafe construct reachable from `trailer` (pdf.unsafe findings, or one
    pdf.too_complex when a bound stopped the walk) and the external links."""
    result = ScanResult()
    findings = result.findings
    seen_kinds: set[tuple[str, str]] = set()
    links: dict[str, None] = {}
    deadline = time.monotonic() + deadline_s

    def report(problem: Text, where: str, **details) -> None:
        key = (problem["en"], where)
        if key in seen_kinds or len(findings) >= MAX_FINDINGS:
            return
        seen_kinds.add(key)
        findings.append(rejections.pdf_unsafe(problem, where or "/", **details))

    def stop(limit: str, maximum: int, where: str = "/", **details) -> ScanResult:
        result.limit = limit
        findings[:] = [too_complex(limit, maximum, where or "/", **details)]
        result.links = list(links)
        return result

    # (object, path, trigger, role): `trigger` names what runs an action without a click
    # ("/OpenAction", "…/AA/O"); `role` is "aa" for an additional-actions dictionary, "action"
    # for an action (or a /Next chain) under a trigger, "" otherwise.
    visited: set[tuple[int, int, bool]] = set()
    stack: list[tuple[object, str, str | None, str]] = [(trailer, "", None, "")]
    steps = 0
    while stack:
        obj, path, trigger, role = stack.pop()
        steps += 1
        result.work += 1
        if result.work > max_work:
            return stop("work", max_work, path)
        if steps % 256 == 0 and time.monotonic() > deadline:
            return stop("time", 0, path, deadline_s=deadline_s)
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation, bool(role))
            if key in visited:
                continue
            visited.add(key)
            result.objects += 1
            if result.objects > max_objects:
                return stop("objects", max_objects, path)
            try:
                obj = obj.get_object()
            except Exception:  # noqa: S112 - a dangling or broken reference is skipped
                continue
        if isinstance(obj, DictionaryObject):
            result.work += len(obj)
            automatic = role == "action" and bool(trigger)
            if not (automatic and _check_automatic(obj, path, trigger, report)):
                _check_dict(obj, path, report, links)
            else:
                _check_containers(obj, path, report)
            for key, value in obj.items():
                if key == "/Parent" or key == "/P":
                    continue  # back-references: reached from the other side anyway
                if not isinstance(value, DictionaryObject | ArrayObject | IndirectObject):
                    continue
                child = f"{path}{key}"[-MAX_PATH:]
                if key == "/Annots":
                    annots = value
                    if isinstance(annots, IndirectObject):
                        try:
                            annots = annots.get_object()
                        except Exception:  # noqa: BLE001 - broken: nothing to count
                            annots = None
                    if isinstance(annots, ArrayObject) and len(annots) > max_annotations:
                        return stop("annotations", max_annotations, child, count=len(annots))
                if key == "/OpenAction":
                    stack.append((value, child, "/OpenAction", "action"))
                elif key == "/AA":
                    stack.append((value, child, child, "aa"))
                elif role == "aa":
                    stack.append((value, child, child, "action"))
                elif role == "action" and key == "/Next":
                    stack.append((value, child, trigger, "action"))
                else:
                    stack.append((value, child, None, ""))
        elif isinstance(obj, ArrayObject):
            result.work += len(obj)
            for index, value in enumerate(obj):
                if isinstance(value, DictionaryObject | ArrayObject | IndirectObject):
                    child = f"{path}[{index}]"[-MAX_PATH:]
                    stack.append((value, child, trigger if role else None, role))
    result.links = list(links)[:MAX_LINKS]
    return result


# When an additional action (/AA entry) runs, by its key; `/OpenAction` runs on opening.
EVENTS = {
    "/OpenAction": t("dokumendi avamisel", "when the document opens", "при открытии документа"),
    "/O": t("lehekülje avamisel", "when the page opens", "при открытии страницы"),
    "/C": t(
        "lehekülje sulgemisel või välja arvutamisel",
        "when the page closes or a field is calculated",
        "при закрытии страницы или вычислении поля",
    ),
    "/E": t("kui kursor liigub alale", "when the pointer enters", "при наведении указателя"),
    "/X": t("kui kursor lahkub alalt", "when the pointer leaves", "когда указатель уходит"),
    "/D": t("hiireklahvi vajutamisel", "on mouse down", "при нажатии кнопки мыши"),
    "/U": t("hiireklahvi vabastamisel", "on mouse up", "при отпускании кнопки мыши"),
    "/Fo": t("väljale sisenemisel", "when a field gets the focus", "при входе в поле"),
    "/Bl": t("väljalt lahkumisel", "when a field loses the focus", "при выходе из поля"),
    "/PO": t("lehekülje avamisel", "when the page opens", "при открытии страницы"),
    "/PC": t("lehekülje sulgemisel", "when the page closes", "при закрытии страницы"),
    "/PV": t("kui lehekülg saab nähtavaks", "when the page is shown", "когда страница видна"),
    "/PI": t("kui lehekülg kaob vaatest", "when the page is hidden", "когда страница скрыта"),
    "/K": t("klahvivajutusel väljal", "on a keystroke in a field", "при нажатии клавиши в поле"),
    "/F": t("välja vormindamisel", "when a field is formatted", "при форматировании поля"),
    "/V": t("välja kontrollimisel", "when a field is validated", "при проверке поля"),
    "/WC": t("dokumendi sulgemisel", "when the document closes", "при закрытии документа"),
    "/WS": t("enne salvestamist", "before saving", "перед сохранением"),
    "/DS": t("pärast salvestamist", "after saving", "после сохранения"),
    "/WP": t("enne printimist", "before printing", "перед печатью"),
    "/DP": t("pärast printimist", "after printing", "после печати"),
}


def _event(trigger: str) -> Text:
    key = "/" + trigger.rsplit("/", 1)[-1]
    return EVENTS.get(key) or t(f"sündmusel {key}", f"on the event {key}", f"при событии {key}")


def _check_automatic(obj: DictionaryObject, path: str, trigger: str, report) -> bool:
    """Report an action of a risky kind that runs without a click; True if reported."""
    action = _name(obj.get("/S"))
    if action not in AUTOMATIC_KINDS:
        return False
    name = ACTION_NAMES[action]
    event = _event(trigger)
    target = ""
    if action == "/URI":
        target = _text(obj.get("/URI"))
    elif action in ("/GoToR", "/Launch", "/ImportData", "/SubmitForm"):
        target = _text(obj.get("/F"))
    shown = f" → {_shown(target)}" if target else ""
    report(
        t(
            f"toiming, mis käivitub ise {event['et']}: {name['et']}{shown}",
            f"an action that runs by itself {event['en']}: {name['en']}{shown}",
            f"действие, выполняемое само {event['ru']}: {name['ru']}{shown}",
        ),
        path,
        action=action,
        trigger=trigger,
        target=target or None,
    )
    return True


def _check_dict(obj: DictionaryObject, path: str, report, links: dict[str, None]) -> None:
    keys = set(obj.keys())
    action = _name(obj.get("/S"))
    if "/JS" in keys or action == "/JavaScript":
        report(JAVASCRIPT, path, key="/JS")
    if "/JavaScript" in keys:
        report(JAVASCRIPT, f"{path}/JavaScript", key="/JavaScript")
    if action == "/Launch":
        report(LAUNCH, path, key="/Launch")
    if action == "/GoToE":
        report(GOTOE, path, key="/GoToE")
    if action == "/SubmitForm":
        report(SUBMIT, path, key="/SubmitForm", target=_text(obj.get("/F")) or None)
    if action == "/ImportData":
        report(IMPORT, path, key="/ImportData", target=_text(obj.get("/F")) or None)
    if action == "/URI":
        _link(_text(obj.get("/URI"), 2000).strip(), path, report, links)
    if action == "/GoToR":
        target = _text(obj.get("/F")).strip()
        if _remote_path(target):
            report(
                t(
                    f"link avab võrgus asuva faili „{_shown(target)}“ (/GoToR)",
                    f"a link opens a file on a network “{_shown(target)}” (/GoToR)",
                    f"ссылка открывает файл в сети «{_shown(target)}» (/GoToR)",
                ),
                path,
                key="/GoToR",
                target=target,
            )
        elif target and len(links) < MAX_LINKS:
            links[f"file:{target}" if not target.startswith("file:") else target] = None
    _check_containers(obj, path, report)


def _check_containers(obj: DictionaryObject, path: str, report) -> None:
    """What a dictionary carries whatever its action: files, rich media, XFA."""
    keys = set(obj.keys())
    subtype = _name(obj.get("/Subtype"))
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


def _link(uri: str, path: str, report, links: dict[str, None]) -> None:
    if not uri:
        return
    scheme = _scheme(uri)
    if scheme is not None and scheme not in SAFE_SCHEMES:
        report(
            t(
                f"link skeemiga „{scheme}“ ({_shown(uri)})",
                f"a link with the scheme “{scheme}” ({_shown(uri)})",
                f"ссылка со схемой «{scheme}» ({_shown(uri)})",
            ),
            path,
            key="/URI",
            target=uri[:500],
        )
        return
    if len(links) < MAX_LINKS:
        links[uri[:500]] = None
