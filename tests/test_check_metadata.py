"""The metadata check: location and personal data, and colour space against the preset."""

from __future__ import annotations

import numpy as np

from brandkit.brandbooks import SKA_BRANDBOOK, parse_file
from brandkit.checks import metadata
from brandkit.checks.types import Decoded, PdfDocument, RasterImage
from tests.corpus.build_content_corpus import XMP_WITH_CREATOR

BRANDBOOK = parse_file(SKA_BRANDBOOK)
PRESETS = {p["slug"]: p for p in BRANDBOOK["presets"]}

GPS = {
    "GPSLatitudeRef": "N",
    "GPSLatitude": [59.0, 26.0, 12.34],
    "GPSLongitudeRef": "E",
    "GPSLongitude": [24.0, 45.0, 3.21],
}


def raster(mode="RGB", profile=None, exif=None, xmp=None) -> Decoded:
    return Decoded(
        format="jpeg",
        size_bytes=1,
        raster=RasterImage(
            width=10,
            height=10,
            pixels=np.zeros((10, 10, 3), np.uint8),
            mode=mode,
            icc_profile_name=profile,
            exif=exif or {},
            xmp=xmp,
        ),
    )


def run(decoded, slug=None):
    return metadata.check(decoded, BRANDBOOK, PRESETS[slug] if slug else None)


def by_code(findings):
    return {f.code: f for f in findings}


def test_clean_srgb_image_has_no_findings():
    assert run(raster(), "web-hero") == []
    assert run(raster(profile="sRGB IEC61966-2.1"), "web-hero") == []


def test_gps_in_exif_is_a_location_warning_without_the_coordinates():
    [found] = run(raster(exif={"GPSInfo": GPS, "Make": "Camera"}))
    assert found.code == "metadata.location"
    assert found.severity == "warning"
    assert "EXIF GPSLatitude" in found.details["fields"]
    assert "59" not in found.messages["en"]  # the report does not repeat the position
    assert "eemaldada" in found.messages["et"] and "stripped" in found.messages["en"]


def test_empty_gps_block_is_not_location():
    assert run(raster(exif={"GPSInfo": {}})) == []


def test_artist_and_xmp_creator_are_personal_data_without_the_names():
    findings = by_code(run(raster(exif={"Artist": "Mari Maasikas"}, xmp=XMP_WITH_CREATOR)))
    found = findings["metadata.personal_data"]
    assert found.severity == "warning"
    assert found.details["fields"] == [
        "EXIF Artist",
        "XMP dc:creator",
        "XMP photoshop:AuthorsPosition",
    ]
    for message in found.messages.values():
        assert "Maasikas" not in message and "Tamm" not in message


def test_xmp_gps_is_location():
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="59,26.2N" '
        'exif:GPSLongitude="24,45.1E"/></rdf:RDF></x:xmpmeta>'
    )
    [found] = run(raster(xmp=xmp))
    assert found.code == "metadata.location"
    assert found.details["fields"] == ["XMP exif:GPSLatitude", "XMP exif:GPSLongitude"]


def test_broken_xmp_falls_back_to_looking_for_the_names():
    xmp = "<x:xmpmeta><rdf:RDF><dc:creator>Jaan Tamm</dc:creator><unclosed></x:xmpmeta>"
    [found] = run(raster(xmp=xmp))
    assert found.details["fields"] == ["XMP dc:creator"]


def test_xmp_with_a_dtd_is_not_expanded():
    xmp = '<!DOCTYPE x [<!ENTITY a "Jaan Tamm">]><x><dc:creator>&a;</dc:creator></x>'
    findings = run(raster(xmp=xmp))  # must not raise; the fallback still sees the field
    assert [f.details["fields"] for f in findings] == [["XMP dc:creator"]]


def test_cmyk_for_a_web_or_social_preset_is_a_warning():
    for slug in ("web-hero", "instagram-square"):
        [found] = run(raster(mode="CMYK"), slug)
        assert found.code == "metadata.colour_space"
        assert found.severity == "warning"
        assert found.details["problem"] == "cmyk"
        assert "sRGB" in found.messages["et"]


def test_non_srgb_profile_for_a_web_preset_is_a_warning():
    [found] = run(raster(profile="Adobe RGB (1998)"), "web-hero")
    assert found.details == {
        "problem": "profile",
        "colour_space": "Adobe RGB (1998)",
        "expected": "sRGB",
        "preset": "web-hero",
    }
    assert "Adobe RGB (1998)" in found.messages["en"]


def test_print_preset_with_any_colour_space_accepts_cmyk():
    assert run(raster(mode="CMYK"), "print-a4") == []


def test_cmyk_preset_warns_about_rgb():
    preset = {**PRESETS["print-a4"], "colour_space": "cmyk"}
    [found] = metadata.check(raster(), BRANDBOOK, preset)
    assert found.details["problem"] == "not_cmyk"
    assert found.severity == "warning"


def test_without_a_preset_colour_space_is_information():
    [found] = run(raster(mode="CMYK"))
    assert found.severity == "info"


def test_greyscale_with_a_grey_profile_is_fine():
    assert run(raster(mode="L", profile="Dot Gain 20%"), "web-hero") == []


def test_pdf_output_intent():
    pdf = Decoded(
        format="pdf",
        size_bytes=1,
        pdf=PdfDocument(1, [(595, 842)], [], [], output_intent="Coated FOGRA39"),
    )
    [found] = metadata.check(pdf, BRANDBOOK, {**PRESETS["web-hero"], "formats": ["pdf"]})
    assert found.details["problem"] == "intent"
    assert metadata.check(pdf, BRANDBOOK, PRESETS["print-a4"]) == []
