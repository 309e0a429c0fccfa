"""A deterministic ZIP of a document set: same files in, same bytes out."""

from __future__ import annotations

import io
import re
import zipfile

FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date ZIP can store
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")


def zip_set(files: dict[str, bytes]) -> bytes:
    """ZIP `files` ({name: bytes}) sorted by name, with fixed dates and permissions.

    Names must be plain file names (no folders, no ``..``): the set is flat."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(files):
            if not SAFE_NAME.match(name) or ".." in name:
                raise ValueError(f"not a plain file name for the ZIP: {name!r}")
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            info.create_system = 3  # Unix, so the attributes above are read as such
            zf.writestr(info, files[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()
