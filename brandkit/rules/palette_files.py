"""The brand palette as files that design tools import: Adobe Swatch Exchange (Illustrator,
InDesign, Photoshop), GIMP/Inkscape palettes (GPL) and CSS custom properties.

Pure: takes plain colour data and returns bytes or text, so that it is tested on its own.
ASE is a small, documented binary format (big-endian): "ASEF", version 1.0, a block count, then
one block per swatch — type 0x0001, length, the name as UTF-16BE with a terminating zero and its
length in characters, the colour model ("RGB " or "CMYK") with float32 components in 0..1, and
the colour type (0 global, 1 spot, 2 normal). A spot colour is what a Pantone ink is.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass


@dataclass(frozen=True)
class Swatch:
    slug: str
    name: str
    hex: str  # "#RRGGBB"
    cmyk: tuple[float, float, float, float] | None = None  # 0–100
    pantone: str = ""

    @property
    def rgb(self) -> tuple[int, int, int]:
        value = self.hex.lstrip("#")
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _ase_block(name: str, model: bytes, values: tuple[float, ...], colour_type: int) -> bytes:
    text = (name + "\0").encode("utf-16-be")
    body = struct.pack(">H", len(text) // 2) + text + model
    body += struct.pack(f">{len(values)}f", *values) + struct.pack(">H", colour_type)
    return struct.pack(">HI", 0x0001, len(body)) + body


def ase(swatches: list[Swatch]) -> bytes:
    """Each colour as an RGB global swatch, and — where the brandbook gives CMYK — also as a
    CMYK swatch (spot when it is a Pantone ink), named so that designers see which is which."""
    blocks = []
    for swatch in swatches:
        r, g, b = swatch.rgb
        blocks.append(_ase_block(f"{swatch.name} RGB", b"RGB ", (r / 255, g / 255, b / 255), 0))
        if swatch.cmyk is not None:
            label = f"{swatch.name} {swatch.pantone}".strip() if swatch.pantone else swatch.name
            values = tuple(max(0.0, min(100.0, float(v))) / 100 for v in swatch.cmyk)
            blocks.append(_ase_block(f"{label} CMYK", b"CMYK", values, 1 if swatch.pantone else 2))
    return b"ASEF" + struct.pack(">HHI", 1, 0, len(blocks)) + b"".join(blocks)


def read_ase(data: bytes) -> list[tuple[str, str, tuple[float, ...], int]]:
    """(name, model, values, colour type) of each swatch: the reader the tests check `ase` by."""
    if data[:4] != b"ASEF":
        raise ValueError("not an ASE file")
    _major, _minor, count = struct.unpack(">HHI", data[4:12])
    found, offset = [], 12
    for _ in range(count):
        kind, length = struct.unpack(">HI", data[offset : offset + 6])
        body = data[offset + 6 : offset + 6 + length]
        offset += 6 + length
        if kind != 0x0001:
            continue
        chars = struct.unpack(">H", body[:2])[0]
        name = body[2 : 2 + chars * 2].decode("utf-16-be").rstrip("\0")
        rest = body[2 + chars * 2 :]
        model = rest[:4].decode("ascii")
        n = {"RGB ": 3, "CMYK": 4, "LAB ": 3, "Gray": 1}[model]
        values = struct.unpack(f">{n}f", rest[4 : 4 + 4 * n])
        colour_type = struct.unpack(">H", rest[4 + 4 * n : 6 + 4 * n])[0]
        found.append((name, model.strip(), values, colour_type))
    return found


def gpl(swatches: list[Swatch], title: str) -> str:
    """A GIMP palette (also read by Inkscape and Krita)."""
    lines = ["GIMP Palette", f"Name: {_one_line(title)}", "Columns: 4", "#"]
    for swatch in swatches:
        r, g, b = swatch.rgb
        lines.append(f"{r:3d} {g:3d} {b:3d}\t{_one_line(swatch.name)} ({swatch.hex.upper()})")
    return "\n".join(lines) + "\n"


def css(swatches: list[Swatch], prefix: str) -> str:
    """CSS custom properties, e.g. `--ska-state-blue: #0033A0;`, for web developers."""
    safe = re.sub(r"[^a-z0-9-]", "-", prefix.lower())
    lines = [":root {"]
    for swatch in swatches:
        slug = re.sub(r"[^a-z0-9-]", "-", swatch.slug.lower())
        lines.append(f"  --{safe}-{slug}: {swatch.hex.upper()};  /* {_comment(swatch.name)} */")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _comment(text: str) -> str:
    return _one_line(text).replace("*/", "* /")
