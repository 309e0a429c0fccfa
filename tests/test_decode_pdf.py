"""PDF: safety scan, encryption, fonts, page sizes, rendering and bounded work."""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import pdf_decode, pdf_safety
from brandkit.checks.decode import Limits, decode
from brandkit.checks.registry import run
from tests.corpus import build_corpus as corpus
from tests.corpus.build_corpus import A4, raw_pdf, stream

SAFETY = corpus.OUT
ROOT = Path(__file__).resolve().parent.parent


def document(data: bytes, **limits):
    result = decode(data, "pdf", Limits(**limits))
    assert not isinstance(result, list), [f.message("en") for f in result]
    return result.pdf


def rejected(data: bytes, **limits):
    result = decode(data, "pdf", Limits(**limits))
    assert isinstance(result, list) and result, "expected a rejection"
    assert all(f.rejects and f.severity == "error" for f in result)
    return result


def pages_pdf(page_dicts: list[bytes], catalog_extra: bytes = b"", extra: list[bytes] = ()):
    """Objects: 1 catalog, 2 pages, 3 shared content, 4… pages, then `extra`."""
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(len(page_dicts)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_dicts),
        stream(corpus.BRAND_CONTENT),
    ]
    for body in page_dicts:
        objects.append(b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R " + body + b">>")
    objects += list(extra)
    return raw_pdf(objects)


# -- good documents -----------------------------------------------------------------------------


def test_good_pdf_is_rendered_and_read():
    pdf = document(corpus.good_pdf())
    assert pdf.page_count == 1
    assert pdf.page_sizes_pt == [(595.28, 841.89)]
    assert pdf.fonts == []
    assert pdf.output_intent is None
    (page,) = pdf.pages
    assert page.pixels.dtype == np.uint8 and page.pixels.ndim == 3
    h, w, _ = page.pixels.shape
    assert 1_000_000 <= h * w <= 1_600_000
    assert (page.width, page.height) == (595, 842)
    assert page.scale == pytest.approx(w / 595)
    assert page.pixels[5, 5].tolist() == [0, 51, 160]
    assert set(pdf.vector_colours) == {(0, 51, 160), (255, 255, 255), (133, 113, 77)}


def test_fonts_are_listed_with_embedding_and_pages():
    fonts = (
        b"/Resources << /Font << "
        b"/F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> "
        b"/F2 << /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Roboto-Regular "
        b"/FontDescriptor << /Type /FontDescriptor /FontFile2 9 0 R >> >> "
        b"/F3 << /Type /Font /Subtype /Type0 /BaseFont /QWERTY+RobotoCondensed-Bold-Identity-H "
        b"/DescendantFonts [<< /Subtype /CIDFontType0 /BaseFont /RobotoCondensed-Bold "
        b"/FontDescriptor << /FontFile3 9 0 R >> >>] >> "
        b"/F4 << /Type /Font /Subtype /Type3 /Name /Logo >> "
        b"/F5 << /Type /Font /Subtype /TrueType /BaseFont /Arial "
        b"/FontDescriptor << /Type /FontDescriptor /Flags 32 >> >> "
        b">> /XObject << /X1 8 0 R >> >> "
    )
    data = pages_pdf(
        [
            b"/MediaBox " + A4 + b" " + fonts,
            b"/MediaBox "
            + A4
            + b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b">> >> >> ",
        ],
        extra=[
            b"",  # 6: unused
            b"",  # 7: unused
            stream(
                b"",
                b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /Font << /F6 "
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >> >> >> ",
            ),
            stream(b"not really a font"),
        ],
    )
    pdf = document(data)
    found = {(f.name, f.embedded, tuple(f.pages)) for f in pdf.fonts}
    assert found == {
        ("Helvetica", False, (1, 2)),
        ("Roboto-Regular", True, (1,)),
        ("RobotoCondensed-Bold", True, (1,)),
        ("Logo", True, (1,)),
        ("Arial", False, (1,)),
        ("Courier-Bold", False, (1,)),
    }


def test_page_sizes_use_trim_box_rotation_and_user_unit():
    pdf = document(
        pages_pdf(
            [
                b"/MediaBox [0 0 651.97 897.64] /TrimBox [28.35 28.35 623.62 869.29] ",
                b"/MediaBox " + A4 + b" /Rotate 90 ",
                b"/MediaBox [0 0 300 200] /UserUnit 2 ",
            ]
        )
    )
    assert pdf.page_sizes_pt == [(595.27, 840.94), (841.89, 595.28), (600.0, 400.0)]
    assert pdf.page_count == 3
    assert len(pdf.pages) == 3


def test_only_the_first_pages_are_examined_and_rendered():
    pdf = document(pages_pdf([b"/MediaBox [0 0 200 100] "] * 25))
    assert pdf.page_count == 25
    assert len(pdf.page_sizes_pt) == 20
    assert len(pdf.pages) == 3
    pdf = document(
        pages_pdf([b"/MediaBox [0 0 200 100] "] * 5), pdf_max_pages=2, pdf_render_pages=1
    )
    assert len(pdf.page_sizes_pt) == 2 and len(pdf.pages) == 1


def test_output_intent():
    pdf = document(
        pages_pdf(
            [b"/MediaBox " + A4 + b" "],
            catalog_extra=b"/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFX "
            b"/OutputConditionIdentifier (FOGRA39) >>] ",
        )
    )
    assert pdf.output_intent == "FOGRA39"


def test_restrictions_only_encryption_is_opened():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert document(buffer.getvalue()).page_count == 1


# -- rejections ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "where", "what"),
    [
        ("pdf-javascript-openaction.pdf", "/Root/OpenAction", "JavaScript"),
        ("pdf-javascript-names.pdf", "/Root/Names/JavaScript", "JavaScript"),
        ("pdf-javascript-hex-name.pdf", "/Root/Pages/Kids[0]/AA/O", "JavaScript"),
        ("pdf-acroform-js.pdf", "/Root/AcroForm/Fields[0]/AA/K", "JavaScript"),
        ("pdf-launch.pdf", "/Root/OpenAction", "launch action"),
        ("pdf-link-launch.pdf", "/Root/Pages/Kids[0]/Annots[0]/A", "launch action"),
        ("pdf-embedded-file.pdf", "/Root/Names/EmbeddedFiles", "embedded file"),
        ("pdf-file-attachment.pdf", "/Root/Pages/Kids[0]/Annots[0]", "file attachment"),
    ],
)
def test_unsafe_pdfs(name, where, what):
    findings = rejected((SAFETY / name).read_bytes())
    assert {f.code for f in findings} == {"pdf.unsafe"}
    places = {f.details["where"]: f for f in findings}
    assert where in places, list(places)
    assert what in places[where].message("en")
    assert where in places[where].message("et")


@pytest.mark.parametrize(
    ("extra", "what"),
    [
        (b"/AcroForm << /Fields [] /XFA 9 0 R >> ", "XFA"),
        (b"/OpenAction << /S /GoToE /T << /R /C /N (x) >> >> ", "embedded document"),
        (
            b"/OpenAction << /S /Named /N /Print /Next << /S /JavaScript /JS (x) >> >> ",
            "JavaScript",
        ),
    ],
)
def test_more_unsafe_catalog_entries(extra, what):
    findings = rejected(pages_pdf([b"/MediaBox " + A4 + b" "], catalog_extra=extra))
    assert any(what in f.message("en") for f in findings)


def test_rich_media_annotation():
    findings = rejected(
        pages_pdf([b"/MediaBox " + A4 + b" /Annots [<< /Subtype /RichMedia /Rect [0 0 1 1] >>] "])
    )
    assert "rich media" in findings[0].message("en")


def test_links_are_allowed():
    data = pages_pdf(
        [
            b"/MediaBox " + A4 + b" /Annots [<< /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI "
            b"(https://www.sotsiaalkindlustusamet.ee/) >> >>] "
        ]
    )
    assert document(data).page_count == 1


def test_password_protected_pdf():
    (finding,) = rejected((SAFETY / "pdf-encrypted.pdf").read_bytes())
    assert finding.code == "pdf.encrypted"
    assert "password" in finding.message("en")
    assert "parool" in finding.message("et")


def test_object_limit_bounds_the_scan():
    (finding,) = rejected(corpus.good_pdf(), pdf_max_objects=2)
    assert finding.code == "pdf.too_complex"
    assert (finding.details["limit"], finding.details["maximum"]) == ("objects", 2)
    assert "too complex" in finding.message("en")
    assert "keerukas" in finding.message("et")


def many_annotations_pdf(count: int) -> bytes:
    """One page with `count` square annotations, each its own object (as pypdf writes it)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    annots = ArrayObject()
    for _ in range(count):
        annot = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Square"),
                NameObject("/Rect"): ArrayObject([NumberObject(v) for v in (0, 0, 10, 10)]),
            }
        )
        annots.append(writer._add_object(annot))
    page[NameObject("/Annots")] = annots
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_page_with_32768_annotations_is_refused_before_they_are_read():
    """The outside test's file (65,564 objects) took 10 s and 560 MB in the walk: the length
    of the /Annots array alone now refuses it (bench/bench_checks.py times it)."""
    data = many_annotations_pdf(32_768)
    (finding,) = rejected(data)
    assert finding.code == "pdf.too_complex"
    assert finding.details["limit"] == "annotations"
    assert finding.details["count"] == 32_768
    assert finding.details["where"].endswith("/Annots")
    reader = PdfReader(io.BytesIO(data))
    result = pdf_safety.scan(reader.trailer)
    assert result.limit == "annotations"
    assert result.objects < 10  # the annotations themselves were never resolved


def test_many_annotations_under_the_limit_are_walked():
    data = many_annotations_pdf(300)
    reader = PdfReader(io.BytesIO(data))
    result = pdf_safety.scan(reader.trailer, max_annotations=300)
    assert result.limit is None and result.findings == []
    assert result.objects >= 300
    (finding,) = pdf_safety.scan(reader.trailer, max_annotations=299).findings
    assert finding.details["limit"] == "annotations"


def test_work_limit_bounds_direct_objects_too():
    """Direct (inline) dictionaries cost no object lookups but still count as work."""
    inline = b" ".join(b"<< /K%d [1 2 3] >>" % i for i in range(500))
    data = pages_pdf([b"/MediaBox " + A4 + b" /Junk [" + inline + b"] "])
    reader = PdfReader(io.BytesIO(data))
    assert pdf_safety.scan(reader.trailer).limit is None
    result = pdf_safety.scan(reader.trailer, max_work=400)
    assert result.limit == "work" and result.work > 400
    assert result.findings[0].code == "pdf.too_complex"


def test_deadline_bounds_the_walk():
    """A deadline already passed stops the walk at its first check (every 256 steps)."""
    data = many_annotations_pdf(600)
    reader = PdfReader(io.BytesIO(data))
    result = pdf_safety.scan(reader.trailer, deadline_s=-1.0)
    assert result.limit == "time"
    assert result.findings[0].details["limit"] == "time"


def test_parser_limits_are_not_called_bombs():
    """pypdf's structural limits (here: more than 100,000 entries in one array) used to be
    reported as file.decompression_bomb."""
    big = b"[" + b"0 " * 100_001 + b"]"
    (finding,) = rejected(corpus.pdf_page(page_extra=b"/Junk " + big + b" "))
    assert finding.code == "pdf.too_complex"
    assert finding.details["limit"] == "parser"
    assert finding.details["error"]


def test_flate_bomb_stream():
    (finding,) = rejected((SAFETY / "bomb-stream.pdf").read_bytes())
    assert finding.code == "file.decompression_bomb"


def test_oversized_image_xobject():
    (finding,) = rejected((SAFETY / "bomb-image.pdf").read_bytes())
    assert finding.code == "file.decompression_bomb"
    assert (finding.details["width"], finding.details["height"]) == (100_000, 100_000)
    assert finding.details["page"] == 1


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.9])
def test_truncated_pdf_is_corrupt(fraction):
    good = corpus.good_pdf()
    (finding,) = rejected(good[: int(len(good) * fraction)])
    assert finding.code == "file.corrupt"


def test_garbage_and_pageless_pdfs_are_corrupt():
    (finding,) = rejected((SAFETY / "corrupt.pdf").read_bytes())
    assert finding.code == "file.corrupt"
    empty = raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    (finding,) = rejected(empty)
    assert finding.code == "file.corrupt"
    assert "no pages" in finding.message("en")


def test_empty_page_box_is_corrupt():
    (finding,) = rejected(pages_pdf([b"/MediaBox [0 0 0 0] "]))
    assert finding.code == "file.corrupt"
    assert finding.details["page"] == 1


def test_cyclic_page_tree_is_corrupt():
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox " + A4 + b" >>",
        ]
    )
    (finding,) = rejected(data)
    assert finding.code == "file.corrupt"


# -- actions that run without a click (issue 12, item 2) ----------------------------------------


@pytest.mark.parametrize(
    ("name", "where", "action", "event"),
    [
        ("pdf-openaction-uri.pdf", "/Root/OpenAction", "/URI", "when the document opens"),
        ("pdf-openaction-javascript-uri.pdf", "/Root/OpenAction", "/URI", "document opens"),
        ("pdf-openaction-importdata.pdf", "/Root/OpenAction", "/ImportData", "document opens"),
        ("pdf-openaction-next-uri.pdf", "/Root/OpenAction/Next[1]", "/URI", "document opens"),
        ("pdf-catalog-aa-submitform.pdf", "/Root/AA/WC", "/SubmitForm", "document closes"),
        ("pdf-page-aa-gotor-unc.pdf", "/Root/Pages/Kids[0]/AA/O", "/GoToR", "page opens"),
        (
            "pdf-annotation-aa-uri.pdf",
            "/Root/Pages/Kids[0]/Annots[0]/AA/E",
            "/URI",
            "pointer enters",
        ),
        ("pdf-field-aa-gotor.pdf", "/Root/AcroForm/Fields[0]/AA/Fo", "/GoToR", "focus"),
        ("pdf-javascript-openaction.pdf", "/Root/OpenAction", "/JavaScript", "document opens"),
    ],
)
def test_automatic_actions_are_rejected_naming_the_action_and_trigger(name, where, action, event):
    (finding,) = rejected((SAFETY / name).read_bytes())
    assert finding.code == "pdf.unsafe"
    assert finding.details["where"] == where
    assert finding.details["action"] == action
    message = finding.message("en")
    assert action in message and event in message and "runs by itself" in message
    assert action in finding.message("et") and action in finding.message("ru")


def test_automatic_action_names_its_target():
    (finding,) = rejected((SAFETY / "pdf-page-aa-gotor-unc.pdf").read_bytes())
    assert finding.details["target"] == "\\\\attacker.example\\share\\brochure.pdf"
    assert "\\\\attacker.example\\share\\brochure.pdf" in finding.message("en")


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("pdf-link-javascript-uri.pdf", "javascript:"),
        ("pdf-link-gotor-unc.pdf", "a file on a network"),
        ("pdf-link-submitform.pdf", "/SubmitForm"),
    ],
)
def test_clicked_links_that_are_not_ordinary_links_are_rejected(name, what):
    (finding,) = rejected((SAFETY / name).read_bytes())
    assert finding.code == "pdf.unsafe"
    assert finding.details["where"] == "/Root/Pages/Kids[0]/Annots[0]/A"
    assert what in finding.message("en")


def test_an_open_action_that_only_shows_the_first_page_is_allowed():
    """InDesign and Acrobat write /OpenAction [page /Fit]: a destination, not an action."""
    assert document((SAFETY / "good-a4-open-fit.pdf").read_bytes()).page_count == 1


def test_ordinary_links_are_listed_in_the_report():
    pdf = document((SAFETY / "good-a4-links.pdf").read_bytes())
    assert set(pdf.external_links) == {
        "https://www.sotsiaalkindlustusamet.ee/",
        "mailto:info@sotsiaalkindlustusamet.ee",
        "file:hinnakiri.pdf",
    }
    report = run(
        (SAFETY / "good-a4-links.pdf").read_bytes(),
        filename="links.pdf",
        brandbook=parse_file(SKA_BRANDBOOK),
    )
    (links,) = [f for f in report.findings if f.code == "pdf.external_links"]
    assert links.severity == "info"
    assert "https://www.sotsiaalkindlustusamet.ee/" in links.message("en")
    assert "lingid" in links.message("et") and "ссылки" in links.message("ru")
    assert len(links.details["links"]) == 3


def test_a_link_shared_with_an_open_action_is_judged_as_automatic():
    """One action object used by a link (clicked) and by /OpenAction (automatic): the visited
    set must not let the clicked route hide the automatic one."""
    data = corpus.pdf_page(
        catalog_extra=b"/OpenAction 5 0 R ",
        page_extra=b"/Annots [<< /Subtype /Link /Rect [0 0 9 9] /A 5 0 R >>] ",
        extra_objects=(b"<< /S /URI /URI (https://example.com/) >>",),
    )
    findings = rejected(data)
    assert [f.details["where"] for f in findings] == ["/Root/OpenAction"]


# -- encryption and parser limits are reported as what they are (issue 12, item 17) -----------


def test_certificate_encryption_is_reported_as_encrypted():
    (finding,) = rejected((SAFETY / "pdf-certificate-encrypted.pdf").read_bytes())
    assert finding.code == "pdf.encrypted"
    assert "certificate" in finding.message("en")


def test_a_damaged_encryption_dictionary_is_reported_as_encrypted():
    data = corpus.pdf_page(
        extra_objects=(b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 >>",),
        trailer=b"/Encrypt 5 0 R /ID [<00112233445566778899aabbccddeeff> "
        b"<00112233445566778899aabbccddeeff>] ",
    )
    (finding,) = rejected(data)
    assert finding.code == "pdf.encrypted"
    assert "encryption dictionary is damaged" in finding.message("en")


# -- JBIG2 (issue 12, item 15) -------------------------------------------------------------------


def test_a_jbig2_image_is_rendered():
    """pdfium decodes JBIG2 images itself: the black block of the scan is where it belongs."""
    pdf = document((SAFETY / "good-a4-jbig2.pdf").read_bytes())
    (page,) = pdf.pages
    h, w, _ = page.pixels.shape
    assert page.pixels[h * 14 // 32, w * 24 // 64].tolist() == [0, 0, 0]
    assert page.pixels[h * 28 // 32, w * 56 // 64].tolist() == [255, 255, 255]


def test_the_jbig2_fixture_is_real_jbig2():
    """The hand-made stream decodes with jbig2dec (through pypdf) to the image it came from."""
    assert shutil.which("jbig2dec"), "jbig2dec is installed by `make system-deps`"
    reader = PdfReader(SAFETY / "good-a4-jbig2.pdf")
    image = reader.pages[0].images[0].image.convert("L")
    assert image.tobytes() == corpus.jbig2_logo().tobytes()


def test_a_jbig2_content_stream_is_decoded_with_jbig2dec():
    assert shutil.which("jbig2dec"), "jbig2dec is installed by `make system-deps`"
    pdf = document((SAFETY / "good-a4-jbig2-content.pdf").read_bytes())
    assert (0, 51, 160) in pdf.vector_colours


def test_without_jbig2dec_a_jbig2_stream_is_a_clear_finding():
    """pdf.js's bomb_giant.pdf gave internal.decode_failed (pypdf's DependencyError). Run the
    command where jbig2dec is not on the PATH."""
    path = SAFETY / "good-a4-jbig2-content.pdf"
    result = subprocess.run(
        [sys.executable, "manage.py", "checkfile", str(path), "--json", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={
            **os.environ,
            "PATH": str(ROOT / "no-such-dir"),
            "DJANGO_SETTINGS_MODULE": "tests.settings",
        },
        check=False,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    codes = [f["code"] for f in report["findings"]]
    assert codes == ["pdf.decoder_missing"], result.stderr[-2000:]
    assert report["verdict"] == "rejected" and result.returncode == 2
    assert "jbig2dec" in report["findings"][0]["message"]


def test_a_huge_object_stream_is_refused_before_it_is_parsed():
    """The same 32,768 annotations packed in one object stream (PDF 1.5): pypdf would parse
    the whole stream to read the page's /Annots array (seconds of work), so the stream's size
    refuses the file first."""
    data = (SAFETY / "pdf-many-annotations.pdf").read_bytes()
    (finding,) = rejected(data)
    assert finding.code == "pdf.too_complex"
    assert (finding.details["limit"], finding.details["count"]) == ("object_stream", 32_769)
    assert finding.details["where"] == "5 0 obj"
    reader = PdfReader(io.BytesIO(data))
    assert pdf_safety.check_structure(reader, max_stream_objects=40_000) is None
    assert pdf_safety.check_structure(reader, max_objects=32_000).details["limit"] == "objects"


def test_small_object_streams_are_read():
    data = corpus.many_annotations_pdf(50)
    assert document(data).page_count == 1


def test_colour_operators_are_read_with_their_operands():
    """Operators are found first and their operands read back (the one-pattern regex tried
    every number of a stream as a start: 8.6 s on pdf.js's issue12295.pdf, 2.6 MB of paths)."""
    out: dict = {}
    pdf_decode._vector_colours(
        b"0 0.2 0.627 rg 1 1 1 RG 0.5 g .1 .2 .3 .4 k /CS0 cs 1 0 0 sc 0 0 0 1 scn\n"
        b"12 0 0 12 0 0 cm 3 4 5 re f /Rg gs (1 0 0 rg) Tj 7 rgb",
        out,
    )
    assert list(out) == [
        (0, 51, 160),
        (255, 255, 255),
        (128, 128, 128),
        (138, 122, 107),
        (255, 0, 0),
        (0, 0, 0),
    ]
    assert pdf_decode._operands(b"/P <</MCID 0>> BDC 0.1 2 -3 .5 rg", 31) == [0.1, 2.0, -3.0, 0.5]
