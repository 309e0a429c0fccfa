"""Building assets and versions directly, for tests that are about what happens after upload."""

import hashlib
import io

from django.core.files.base import ContentFile
from PIL import Image

from brandkit.library.models import Asset, AssetKind, AssetVersion, VersionState

ERROR_REPORT = {
    "verdict": "fail",
    "findings": [
        {
            "code": "colour.off_palette",
            "severity": "error",
            "message": "off palette",
            "messages": {"et": "värv", "en": "off palette"},
            "details": {},
            "rejects": False,
        }
    ],
}
PASS_REPORT = {"verdict": "pass", "findings": []}


def png_bytes(size=(1200, 628), colour=(0, 51, 160)) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, colour)
    image.paste((255, 255, 255), (100, 100, 600, 300))
    image.save(out, format="PNG")
    return out.getvalue()


def make_asset(owner, **fields) -> Asset:
    defaults = {
        "title_et": "Pension kolmes sambas",
        "title_ru": "Пенсия в трёх столпах",
        "kind": AssetKind.BANNER,
        "languages": "et ru",
        "alt_text_et": "Sinine bänner pensionisammastest",
        "alt_text_ru": "Синий баннер о пенсионных столпах",
        "preset_slug": "facebook-link",
        "owner": owner,
    }
    defaults.update(fields)
    return Asset.objects.create(**defaults)


def make_version(
    asset, user=None, *, report=None, state=VersionState.DRAFT, data=None, brandbook=None
) -> AssetVersion:
    data = data or png_bytes()
    report = report if report is not None else PASS_REPORT
    number = asset.versions.count() + 1
    version = AssetVersion(
        asset=asset,
        number=number,
        original_name=f"banner-v{number}.png",
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        format="png",
        width=1200,
        height=628,
        report=report,
        verdict=report["verdict"],
        state=state,
        uploaded_by=user or asset.owner,
        brandbook=brandbook,
    )
    version.file.save("upload", ContentFile(data), save=False)
    version.save()
    return version
