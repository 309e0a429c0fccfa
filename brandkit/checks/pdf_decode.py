"""Open a PDF safely and collect what the checks need: pages, fonts, renders, colours.

Steps, each bounded:
1. pypdf reads the file (``strict=False``: real-world PDFs are often slightly broken). Anything
   it cannot make sense of is ``file.corrupt``.
2. Encryption: a PDF that opens with an empty user password (restrictions only) is read on;
   one that needs a password, or whose encryption we cannot decrypt (AES needs the optional
   ``cryptography`` package), is ``pdf.encrypted``.
3. `pdf_safety.scan` walks the object graph for JavaScript, launch actions, embedded files …
   (``pdf.unsafe``).
4. The first `max_pages` pages are examined: trim size in points (TrimBox, else CropBox, else
   MediaBox; /Rotate and /UserUnit applied), fonts in their resources and in nested form
   XObjects, and image XObjects whose pixel count is over the limit
   (``file.decompression_bomb``: pdfium would have to decode them to render the page).
   Fonts: /BaseFont with the subset prefix (``ABCDEF+``) stripped; embedded when the font
   descriptor (for Type0 fonts, the descendant font's) has /FontFile, /FontFile2 or
   /FontFile3; Type3 fonts are drawn by the PDF itself and count as embedded; the standard 14
   fonts without a font file are not embedded.
5. The first `render_pages` pages are rendered with pdfium (on a white background, forms
   drawn) at a scale giving about `analysis_pixels` each, into `RasterImage`s whose
   width/height are the page size in points. Their content streams are decoded through
   pypdf, whose filters stop at 75 MB (a flate bomb becomes ``file.decompression_bomb``), and
   the fill/stroke colours set with rg/RG, k/K, g/G and three- or four-component sc/scn are
   listed as `vector_colours` (CMYK converted naively; a regex reading, not a full parser).
6. The output intent's name (e.g. "FOGRA39" or "sRGB IEC61966-2.1") if the catalog has one.

pdfium is not thread-safe, so every use of it holds one lock.
"""

from __future__ import annotations

import io
import logging
import math
import re
import struct
import threading
import warnings
import zlib
from collections import OrderedDict

import numpy as np
import pypdfium2 as pdfium
from pypdf import PdfReader
from pypdf.errors import DependencyError, LimitReachedError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from brandkit.checks import pdf_safety, rejections
from brandkit.checks.rejections import t
from brandkit.checks.report import Finding
from brandkit.checks.types import PdfDocument, PdfFont, RasterImage

log = logging.getLogger(__name__)

PDFIUM_LOCK = threading.Lock()
STANDARD_14 = frozenset(
    {
        "Courier",
        "Courier-Bold",
        "Courier-BoldOblique",
        "Courier-Oblique",
        "Helvetica",
        "Helvetica-Bold",
        "Helvetica-BoldOblique",
        "Helvetica-Oblique",
        "Times-Roman",
        "Times-Bold",
        "Times-BoldItalic",
        "Times-Italic",
        "Symbol",
        "ZapfDingbats",
    }
)
_SUBSET = re.compile(r"^[A-Z]{6}\+")
# Colour operators, found first (they are rare); their operands are read back from the text
# before them. A regex that matched operands and operator in one pattern tried every number
# of a content stream as a start (2.6 MB of path coordinates in pdf.js's issue12295.pdf: 8.6 s).
_COLOUR_OPS = re.compile(rb"(?<=\s)(rg|RG|k|K|g|G|scn|SCN|sc|SC)(?![\w])")
_OPERAND = re.compile(rb"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$")
MAX_CONTENT_BYTES = 20_000_000
MAX_VECTOR_COLOURS = 1_000
MAX_FORM_DEPTH = 6

# What pypdf raises on damaged input. Errors outside this list are bugs and escape.
PYPDF_ERRORS = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    RecursionError,
    AssertionError,
    UnicodeError,
    OSError,
    EOFError,
    struct.error,
    zlib.error,
    ZeroDivisionError,
    OverflowError,
)


class PdfRejected(Exception):
    def __init__(self, findings: list[Finding]):
        super().__init__(findings[0].code)
        self.findings = findings


def _resolve(obj, depth: int = 0):
    while isinstance(obj, IndirectObject) and depth < 20:
        obj = obj.get_object()
        depth += 1
    return obj


def _get(obj, key):
    if not isinstance(obj, DictionaryObject):
        return None
    try:
        return _resolve(obj.get(key))
    except PYPDF_ERRORS:
        return None


def font_name(font: DictionaryObject) -> str:
    base = _get(font, "/BaseFont")
    if isinstance(base, NameObject | str) and str(base).strip("/"):
        name = str(base)
        name = name[1:] if name.startswith("/") else name
    elif _get(font, "/Subtype") == "/Type3":
        name = str(_get(font, "/Name") or "Type3").lstrip("/") or "Type3"
    else:
        name = "(unnamed font)"
    name = _SUBSET.sub("", name)
    # a Type0 font's name may carry its CMap ("Roboto-Regular-Identity-H")
    name = re.sub(r"-Identity-[HV]$", "", name)
    return name[:200]


def font_embedded(font: DictionaryObject) -> bool:
    subtype = _get(font, "/Subtype")
    if subtype == "/Type3":
        return True
    descriptor_owner = font
    if subtype == "/Type0":
        descendants = _get(font, "/DescendantFonts")
        if isinstance(descendants, ArrayObject) and len(descendants) > 0:
            descriptor_owner = _resolve(descendants[0])
    descriptor = _get(descriptor_owner, "/FontDescriptor")
    if not isinstance(descriptor, DictionaryObject):
        return False
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


class _PageScan:
    """Fonts and oversized images in a page's resources, following form XObjects."""

    def __init__(self, max_pixels: int):
        self.max_pixels = max_pixels
        self.fonts: OrderedDict[tuple[str, bool], set[int]] = OrderedDict()
        self.seen_forms: set[tuple[int, int]] = set()

    def resources(self, resources, page_number: int, depth: int = 0) -> None:
        resources = _resolve(resources)
        if not isinstance(resources, DictionaryObject) or depth > MAX_FORM_DEPTH:
            return
        fonts = _get(resources, "/Font")
        if isinstance(fonts, DictionaryObject):
            for _key, ref in list(fonts.items())[:500]:
                try:
                    font = _resolve(ref)
                except PYPDF_ERRORS:
                    continue
                if isinstance(font, DictionaryObject):
                    key = (font_name(font), font_embedded(font))
                    self.fonts.setdefault(key, set()).add(page_number)
        xobjects = _get(resources, "/XObject")
        if not isinstance(xobjects, DictionaryObject):
            return
        for _key, ref in list(xobjects.items())[:1000]:
            if isinstance(ref, IndirectObject):
                ident = (ref.idnum, ref.generation)
                if ident in self.seen_forms:
                    continue
                self.seen_forms.add(ident)
            try:
                xobject = _resolve(ref)
            except PYPDF_ERRORS:
                continue
            if not isinstance(xobject, DictionaryObject):
                continue
            subtype = _get(xobject, "/Subtype")
            if subtype == "/Image":
                self._image(xobject, page_number)
            elif subtype == "/Form":
                self.resources(_get(xobject, "/Resources"), page_number, depth + 1)

    def _image(self, image: DictionaryObject, page_number: int) -> None:
        width, height = _get(image, "/Width"), _get(image, "/Height")
        try:
            width, height = int(width), int(height)
        except (TypeError, ValueError, OverflowError):
            return
        if width > 0 and height > 0 and width * height > self.max_pixels:
            finding = rejections.decompression_bomb(width, height, self.max_pixels)
            finding.details["page"] = page_number
            raise PdfRejected([finding])


def _page_size(page) -> tuple[float, float]:
    box = page.trimbox
    width, height = abs(float(box.width)), abs(float(box.height))
    unit = _get(page, "/UserUnit")
    try:
        unit = float(unit) if unit is not None else 1.0
    except (TypeError, ValueError):
        unit = 1.0
    rotate = _get(page, "/Rotate")
    try:
        rotate = int(rotate or 0)
    except (TypeError, ValueError):
        rotate = 0
    if rotate % 180 == 90:
        width, height = height, width
    if not (math.isfinite(width) and math.isfinite(height) and math.isfinite(unit)):
        return (0.0, 0.0)
    return (round(width * unit, 2), round(height * unit, 2))


def output_intent(catalog) -> str | None:
    intents = _get(catalog, "/OutputIntents")
    if not isinstance(intents, ArrayObject) or len(intents) == 0:
        return None
    intent = _resolve(intents[0])
    for key in ("/OutputConditionIdentifier", "/OutputCondition", "/Info"):
        value = _get(intent, key)
        if value is not None and str(value).strip():
            return str(value).strip().lstrip("/")[:200]
    return None


def _operands(content: bytes, end: int) -> list[float]:
    """Up to four numbers written just before `end` (the start of an operator)."""
    values: list[float] = []
    for token in reversed(content[max(0, end - 120) : end].split()[-5:]):
        if len(values) == 4 or not _OPERAND.match(token):
            break
        values.append(float(token))
    return values[::-1]


def _vector_colours(content: bytes, out: dict[tuple[int, int, int], None]) -> None:
    content = content[:MAX_CONTENT_BYTES]
    for match in _COLOUR_OPS.finditer(content):
        if len(out) >= MAX_VECTOR_COLOURS:
            return
        values = _operands(content, match.start())
        if not values:
            continue
        op = match.group(1).lower()
        if op in (b"sc", b"scn"):
            if len(values) not in (3, 4):
                continue
            op = b"rg" if len(values) == 3 else b"k"
        values = [min(1.0, max(0.0, v)) for v in values]
        if op == b"rg" and len(values) >= 3:
            rgb = values[-3:]
        elif op == b"k" and len(values) >= 4:
            c, m, y, k = values[-4:]
            rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
        elif op == b"g" and values:
            rgb = [values[-1]] * 3
        else:
            continue
        out[tuple(round(v * 255) for v in rgb)] = None  # type: ignore[index]


def render_pages(data: bytes, count: int, analysis_pixels: int) -> list[RasterImage]:
    """Render the first `count` pages with pdfium. Raises pdfium.PdfiumError on failure."""
    pages: list[RasterImage] = []
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            for index in range(min(count, len(document))):
                page = document[index]
                try:
                    width, height = page.get_size()
                    if not (width > 0 and height > 0):
                        continue
                    scale = math.sqrt(analysis_pixels / (width * height))
                    scale = max(0.01, min(scale, 8.0))
                    bitmap = page.render(scale=scale, may_draw_forms=True)
                    try:
                        image = bitmap.to_pil().convert("RGB")
                    finally:
                        bitmap.close()
                finally:
                    page.close()
                pixels = np.ascontiguousarray(np.asarray(image, dtype=np.uint8))
                width_pt = max(1, round(width))
                pages.append(
                    RasterImage(
                        width=width_pt,
                        height=max(1, round(height)),
                        pixels=pixels,
                        scale=pixels.shape[1] / width_pt,
                        mode="RGB",
                    )
                )
        finally:
            document.close()
    return pages


def decode_pdf(
    data: bytes,
    *,
    max_pixels: int,
    analysis_pixels: int,
    max_pages: int = 20,
    render_count: int = 3,
    max_objects: int = pdf_safety.MAX_OBJECTS,
    max_annotations: int = pdf_safety.MAX_ANNOTATIONS,
) -> tuple[PdfDocument | None, list[Finding]]:
    limits = {"max_objects": max_objects, "max_annotations": max_annotations}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # pypdf's PdfReadWarning on damage
            return (
                _decode(data, max_pixels, analysis_pixels, max_pages, render_count, limits),
                [],
            )
    except PdfRejected as rejected:
        return None, rejected.findings
    except LimitReachedError as exc:
        return None, [_limit_reached(exc, max_pixels)]
    except DependencyError as exc:
        return None, [decoder_missing(exc)]
    except MemoryError:
        return None, [rejections.out_of_memory(max_pixels)]
    except pdfium.PdfiumError as exc:
        return None, [
            rejections.corrupt(
                "pdf",
                t(
                    "lehekülgi ei saa kuvada",
                    "the pages cannot be rendered",
                    "страницы не удаётся отобразить",
                ),
                error=str(exc)[:300],
            )
        ]
    except _Encrypted as exc:
        return None, [
            rejections.pdf_encrypted(
                t(
                    "selle sisu ei saa dekrüpteerida",
                    "its content cannot be decrypted",
                    "его содержимое не удаётся расшифровать",
                ),
                error=exc.error,
            )
        ]
    except PYPDF_ERRORS as exc:
        return None, [
            rejections.corrupt(
                "pdf",
                t(
                    "PDF-i struktuur on vigane",
                    "the PDF structure is damaged",
                    "структура PDF повреждена",
                ),
                error=f"{type(exc).__name__}: {str(exc)[:300]}",
            )
        ]


class _Encrypted(Exception):
    """An encrypted PDF whose objects failed to read after decryption (a wrong or damaged
    key): the encryption, not the structure, is what we could not get past."""

    def __init__(self, error: str):
        super().__init__(error)
        self.error = error


# Where pypdf raises LimitReachedError for data that expands (streams, images, JBIG2): a
# decompression bomb. Anywhere else it is a structure over the parser's limits (too many
# tokens, array or dictionary entries, xref entries, cycles): too complex, not a bomb.
_EXPANSION_MODULES = ("pypdf.filters", "pypdf.generic._image_xobject", "pypdf._xobj_image_helpers")


def _limit_reached(exc: LimitReachedError, max_pixels: int) -> Finding:
    module = ""
    trace = exc.__traceback__
    while trace is not None:
        module = trace.tb_frame.f_globals.get("__name__", "")
        trace = trace.tb_next
    error = str(exc)[:300]
    if module.startswith(_EXPANSION_MODULES):
        finding = rejections.decompression_bomb(
            None,
            None,
            max_pixels,
            t(
                "PDF-i andmevoog paisub lahtipakkimisel üle lubatud piiri",
                "a PDF stream decompresses beyond the allowed limit",
                "поток PDF при распаковке превышает допустимый предел",
            ),
        )
        finding.details["error"] = error
        return finding
    return pdf_safety.parser_limit(error)


def _open_encrypted(reader: PdfReader) -> None:
    """Open a PDF that needs no password to read; else pdf.encrypted, saying why."""
    try:
        opened = reader.decrypt("")
    except NotImplementedError as exc:  # public-key (certificate) or unknown security handler
        raise PdfRejected(
            [
                rejections.pdf_encrypted(
                    t(
                        "see on krüpteeritud sertifikaadi või tundmatu turvameetodiga",
                        "it is encrypted with a certificate or an unknown security handler",
                        "он зашифрован сертификатом или неизвестным методом защиты",
                    ),
                    error=str(exc)[:200],
                )
            ]
        ) from exc
    except DependencyError as exc:
        raise PdfRejected(
            [
                rejections.pdf_encrypted(
                    t(
                        "krüpteeringut (AES) ei saa siin avada",
                        "its encryption (AES) cannot be opened here",
                        "его шифрование (AES) здесь не открыть",
                    ),
                    error=str(exc)[:200],
                )
            ]
        ) from exc
    except PYPDF_ERRORS as exc:
        raise PdfRejected(
            [
                rejections.pdf_encrypted(
                    t(
                        "krüpteerimise kirjeldus on vigane",
                        "its encryption dictionary is damaged",
                        "его словарь шифрования повреждён",
                    ),
                    error=f"{type(exc).__name__}: {str(exc)[:200]}",
                )
            ]
        ) from exc
    if not opened:
        raise PdfRejected(
            [
                rejections.pdf_encrypted(
                    t(
                        "avamiseks on vaja parooli",
                        "a password is needed to open it",
                        "для открытия нужен пароль",
                    )
                )
            ]
        )


def decoder_missing(exc: DependencyError) -> Finding:
    """pypdf needs an external decoder we lack: today only jbig2dec, for a JBIG2 stream that
    pypdf itself must read (pdfium decodes JBIG2 images on its own). Debian's ``jbig2dec``
    package is installed by ``make system-deps``."""
    error = str(exc)[:300]
    jbig2 = "jbig2" in error.lower()
    what = "JBIG2 (jbig2dec)" if jbig2 else error
    return rejections.rejection(
        "pdf.decoder_missing",
        {
            "et": f"PDF-i ei saa kontrollida: selles on {what} pakitud andmed ja selle dekooder "
            "puudub serverist. Ekspordi PDF JPEG- või ZIP-pakkimisega või palu haldajal "
            "paigaldada jbig2dec.",
            "en": f"The PDF cannot be checked: it has data compressed with {what} and that "
            "decoder is not installed on the server. Export the PDF with JPEG or ZIP "
            "compression, or ask the administrator to install jbig2dec.",
            "ru": f"PDF невозможно проверить: в нём есть данные, сжатые {what}, а этого "
            "декодера на сервере нет. Экспортируйте PDF со сжатием JPEG или ZIP или попросите "
            "администратора установить jbig2dec.",
        },
        decoder="jbig2dec" if jbig2 else None,
        error=error,
    )


def _in_encryption(exc: BaseException) -> bool:
    """Whether pypdf raised `exc` while setting up decryption (PdfReader does that itself)."""
    trace = exc.__traceback__
    while trace is not None:
        code = trace.tb_frame.f_code
        if code.co_name == "_handle_encryption" or code.co_filename.endswith("_encryption.py"):
            return True
        trace = trace.tb_next
    return False


def _reader(data: bytes) -> PdfReader:
    try:
        return PdfReader(io.BytesIO(data), strict=False)
    except (NotImplementedError, *PYPDF_ERRORS) as exc:
        if not _in_encryption(exc) or isinstance(exc, LimitReachedError):
            raise
        unsupported = isinstance(exc, NotImplementedError)
        raise PdfRejected(
            [
                rejections.pdf_encrypted(
                    t(
                        "see on krüpteeritud sertifikaadi või tundmatu turvameetodiga",
                        "it is encrypted with a certificate or an unknown security handler",
                        "он зашифрован сертификатом или неизвестным методом защиты",
                    )
                    if unsupported
                    else t(
                        "krüpteerimise kirjeldus on vigane",
                        "its encryption dictionary is damaged",
                        "его словарь шифрования повреждён",
                    ),
                    error=f"{type(exc).__name__}: {str(exc)[:200]}",
                )
            ]
        ) from exc


def _decode(data, max_pixels, analysis_pixels, max_pages, render_count, limits):
    reader = _reader(data)
    try:
        encrypted = reader.is_encrypted
    except PYPDF_ERRORS:
        encrypted = False
    if not encrypted:
        return _read(reader, data, max_pixels, analysis_pixels, max_pages, render_count, limits)
    _open_encrypted(reader)
    try:
        return _read(reader, data, max_pixels, analysis_pixels, max_pages, render_count, limits)
    except (PdfRejected, LimitReachedError, MemoryError, pdfium.PdfiumError):
        raise
    except PYPDF_ERRORS as exc:
        raise _Encrypted(f"{type(exc).__name__}: {str(exc)[:300]}") from exc


def _read(reader, data, max_pixels, analysis_pixels, max_pages, render_count, limits):
    structure = pdf_safety.check_structure(reader, limits["max_objects"])
    if structure is not None:
        raise PdfRejected([structure])
    scan_result = pdf_safety.scan(reader.trailer, **limits)
    if scan_result.findings:
        raise PdfRejected(scan_result.findings)

    catalog = _get(reader.trailer, "/Root")
    if not isinstance(catalog, DictionaryObject):
        raise PdfRejected(
            [
                rejections.corrupt(
                    "pdf",
                    t(
                        "kataloog (/Root) puudub",
                        "the catalog (/Root) is missing",
                        "нет каталога (/Root)",
                    ),
                )
            ]
        )
    page_count = len(reader.pages)
    if page_count == 0:
        raise PdfRejected(
            [
                rejections.corrupt(
                    "pdf", t("PDF-is pole lehekülgi", "the PDF has no pages", "в PDF нет страниц")
                )
            ]
        )
    scan = _PageScan(max_pixels)
    sizes: list[tuple[float, float]] = []
    colours: dict[tuple[int, int, int], None] = {}
    for index in range(min(page_count, max_pages)):
        page = reader.pages[index]
        size = _page_size(page)
        if not (size[0] > 0 and size[1] > 0):
            finding = rejections.corrupt(
                "pdf",
                t(
                    f"lehekülje {index + 1} mõõdud on null",
                    f"page {index + 1} has no size (an empty page box)",
                    f"у страницы {index + 1} нулевой размер",
                ),
            )
            finding.details["page"] = index + 1
            raise PdfRejected([finding])
        sizes.append(size)
        scan.resources(_get(page, "/Resources"), index + 1)
        if index < render_count:
            contents = page.get_contents()
            if contents is not None:
                _vector_colours(contents.get_data(), colours)
    fonts = [
        PdfFont(name=name, embedded=embedded, pages=sorted(pages))
        for (name, embedded), pages in scan.fonts.items()
    ]
    intent = output_intent(catalog)
    rendered = render_pages(data, render_count, analysis_pixels)
    if not rendered:
        raise PdfRejected(
            [
                rejections.corrupt(
                    "pdf",
                    t(
                        "lehekülgi ei saa kuvada",
                        "the pages cannot be rendered",
                        "страницы не удаётся отобразить",
                    ),
                )
            ]
        )
    return PdfDocument(
        page_count=page_count,
        page_sizes_pt=sizes,
        fonts=fonts,
        pages=rendered,
        vector_colours=list(colours),
        output_intent=intent,
        external_links=scan_result.links,
    )
