"""PDF: safety scan, encryption, fonts, page sizes, rendering and bounded work."""

import io

import numpy as np
import pytest
from pypdf import PdfWriter

from brandkit.checks.decode import Limits, decode
from tests.corpus import build_corpus as corpus
from tests.corpus.build_corpus import A4, raw_pdf, stream

SAFETY = corpus.OUT


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
    assert finding.code == "pdf.unsafe"
    assert finding.details["max_objects"] == 2
    assert "too complex" in finding.message("en")


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
