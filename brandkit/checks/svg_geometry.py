"""Just enough SVG geometry to tell which shape lies under a point of text.

Lengths with units, `transform` lists as 2×3 affine matrices, and the fill area of rect,
circle, ellipse, polygon, polyline and path (curves and arcs flattened to a few points each,
winding rule honoured). All pure Python; the work per shape is bounded.
"""

from __future__ import annotations

import math
import re

Affine = tuple[float, float, float, float, float, float]  # a b c d e f (SVG matrix order)
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

UNITS = {
    "": 1.0,
    "px": 1.0,
    "pt": 96 / 72,
    "pc": 16.0,
    "mm": 96 / 25.4,
    "cm": 96 / 2.54,
    "q": 96 / 25.4 / 4,
    "in": 96.0,
}
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_LENGTH = re.compile(rf"^\s*({_NUMBER})\s*([a-zA-Z%]*)\s*$")
_NUMBERS = re.compile(_NUMBER)
_TRANSFORM = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)", re.I)
_PATH_TOKEN = re.compile(rf"[MmZzLlHhVvCcSsQqTtAa]|{_NUMBER}")

MAX_POLY_POINTS = 5_000


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def length(
    value: str | None,
    *,
    font_size: float = 16.0,
    percent_of: float | None = None,
) -> float | None:
    """An SVG/CSS length in px (user units); None if missing or unreadable."""
    if value is None:
        return None
    match = _LENGTH.match(value)
    if not match:
        return None
    number = float(match.group(1))
    unit = match.group(2).lower()
    if unit in UNITS:
        return _finite(number * UNITS[unit])
    if unit == "em":
        return _finite(number * font_size)
    if unit == "ex":
        return _finite(number * font_size / 2)
    if unit == "rem":
        return _finite(number * 16.0)
    if unit == "%" and percent_of is not None:
        return _finite(number * percent_of / 100)
    return None


def numbers(value: str | None, limit: int = 100_000) -> list[float]:
    if not value:
        return []
    out = []
    for match in _NUMBERS.finditer(value):
        number = float(match.group(0))
        if not math.isfinite(number):
            return []
        out.append(number)
        if len(out) >= limit:
            break
    return out


def multiply(m: Affine, n: Affine) -> Affine:
    """m × n: apply n first, then m."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (
        a * A + c * B,
        b * A + d * B,
        a * C + c * D,
        b * C + d * D,
        a * E + c * F + e,
        b * E + d * F + f,
    )


def parse_transform(value: str | None) -> Affine:
    matrix = IDENTITY
    if not value:
        return matrix
    for name, args in _TRANSFORM.findall(value)[:100]:
        nums = numbers(args, 6)
        name = name.lower()
        step: Affine | None = None
        if name == "matrix" and len(nums) == 6:
            step = tuple(nums)  # type: ignore[assignment]
        elif name == "translate" and nums:
            step = (1, 0, 0, 1, nums[0], nums[1] if len(nums) > 1 else 0)
        elif name == "scale" and nums:
            step = (nums[0], 0, 0, nums[1] if len(nums) > 1 else nums[0], 0, 0)
        elif name == "rotate" and nums:
            angle = math.radians(nums[0])
            cos, sin = math.cos(angle), math.sin(angle)
            step = (cos, sin, -sin, cos, 0, 0)
            if len(nums) >= 3:
                cx, cy = nums[1], nums[2]
                step = multiply(multiply((1, 0, 0, 1, cx, cy), step), (1, 0, 0, 1, -cx, -cy))
        elif name == "skewx" and nums:
            step = (1, 0, math.tan(math.radians(nums[0])), 1, 0, 0)
        elif name == "skewy" and nums:
            step = (1, math.tan(math.radians(nums[0])), 0, 1, 0, 0)
        if step is not None:
            matrix = multiply(matrix, step)
    if not all(math.isfinite(v) for v in matrix):
        return IDENTITY
    return matrix


def apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def invert(m: Affine) -> Affine | None:
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12 or not math.isfinite(det):
        return None
    return (
        d / det,
        -b / det,
        -c / det,
        a / det,
        (c * f - d * e) / det,
        (b * e - a * f) / det,
    )


def scale_of(m: Affine) -> float:
    """The linear scale factor of a matrix (square root of the area ratio)."""
    a, b, c, d, _e, _f = m
    return math.sqrt(abs(a * d - b * c))


# ---------------------------------------------------------------------------------------------
# shapes: each is ("rect", x, y, w, h) | ("ellipse", cx, cy, rx, ry) | ("poly", [subpaths], rule)


def _winding(subpaths: list[list[tuple[float, float]]], x: float, y: float) -> int:
    winding = 0
    for points in subpaths:
        n = len(points)
        for i in range(n):
            x1, y1 = points[i]
            x2, y2 = points[(i + 1) % n]
            if y1 <= y < y2 or y2 <= y < y1:
                cross = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1)
                if y2 > y1 and cross > 0:
                    winding += 1
                elif y2 < y1 and cross < 0:
                    winding -= 1
    return winding


def _crossings(subpaths: list[list[tuple[float, float]]], x: float, y: float) -> int:
    count = 0
    for points in subpaths:
        n = len(points)
        for i in range(n):
            x1, y1 = points[i]
            x2, y2 = points[(i + 1) % n]
            if (y1 <= y < y2 or y2 <= y < y1) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                count += 1
    return count


def contains(shape: tuple, x: float, y: float) -> bool:
    kind = shape[0]
    if kind == "rect":
        _, rx, ry, w, h = shape
        return rx <= x <= rx + w and ry <= y <= ry + h
    if kind == "ellipse":
        _, cx, cy, rx, ry = shape
        if rx <= 0 or ry <= 0:
            return False
        return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
    if kind == "poly":
        _, subpaths, rule = shape
        if rule == "evenodd":
            return _crossings(subpaths, x, y) % 2 == 1
        return _winding(subpaths, x, y) != 0
    return False


def polygon(points_attr: str | None) -> tuple | None:
    nums = numbers(points_attr, 2 * MAX_POLY_POINTS)
    points = list(zip(nums[0::2], nums[1::2], strict=False))
    if len(points) < 3:
        return None
    return ("poly", [points], "nonzero")


def _arc_points(x1, y1, rx, ry, phi, large, sweep, x2, y2, steps=8):
    """Points along an SVG elliptical arc (endpoint parametrisation, SVG 1.1 F.6.5)."""
    if rx == 0 or ry == 0 or (x1 == x2 and y1 == y2):
        return [(x2, y2)]
    rx, ry = abs(rx), abs(ry)
    cos, sin = math.cos(math.radians(phi)), math.sin(math.radians(phi))
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    xp, yp = cos * dx + sin * dy, -sin * dx + cos * dy
    lam = (xp / rx) ** 2 + (yp / ry) ** 2
    if lam > 1:
        rx, ry = rx * math.sqrt(lam), ry * math.sqrt(lam)
    num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp
    den = rx * rx * yp * yp + ry * ry * xp * xp
    coef = math.sqrt(max(0.0, num / den)) if den else 0.0
    if large == sweep:
        coef = -coef
    cxp, cyp = coef * rx * yp / ry, -coef * ry * xp / rx
    cx = cos * cxp - sin * cyp + (x1 + x2) / 2
    cy = sin * cxp + cos * cyp + (y1 + y2) / 2

    def angle(ux, uy, vx, vy):
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    theta = angle(1, 0, (xp - cxp) / rx, (yp - cyp) / ry)
    delta = angle((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry)
    if not sweep and delta > 0:
        delta -= 2 * math.pi
    elif sweep and delta < 0:
        delta += 2 * math.pi
    out = []
    for i in range(1, steps + 1):
        a = theta + delta * i / steps
        x = rx * math.cos(a)
        y = ry * math.sin(a)
        out.append((cos * x - sin * y + cx, sin * x + cos * y + cy))
    return out


def path(d: str | None, rule: str = "nonzero") -> tuple | None:
    """A path's fill area as flattened subpaths (Béziers sampled, arcs sampled)."""
    if not d:
        return None
    tokens = _PATH_TOKEN.findall(d[:500_000])
    subpaths: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    last_ctrl: tuple[float, float] | None = None
    command = ""
    i = 0
    total = 0

    def take(count):
        nonlocal i
        if i + count > len(tokens):
            raise ValueError("missing numbers")
        values = []
        for token in tokens[i : i + count]:
            if token.isalpha():
                raise ValueError("missing numbers")
            values.append(float(token))
        i += count
        return values

    try:
        while i < len(tokens) and total < MAX_POLY_POINTS:
            token = tokens[i]
            if token.isalpha():
                command = token
                i += 1
                if command in "Zz":
                    if current:
                        subpaths.append(current)
                    current = []
                    x, y = start_x, start_y
                    last_ctrl = None
                    continue
            elif not command or command in "Zz":
                break
            relative = command.islower()
            upper = command.upper()
            ox, oy = (x, y) if relative else (0.0, 0.0)
            points: list[tuple[float, float]] = []
            ctrl = None
            if upper == "M":
                nx, ny = take(2)
                if current:
                    subpaths.append(current)
                x, y = nx + ox, ny + oy
                start_x, start_y = x, y
                current = [(x, y)]
                command = "l" if relative else "L"
                continue
            if upper == "L":
                nx, ny = take(2)
                x, y = nx + ox, ny + oy
                points = [(x, y)]
            elif upper == "H":
                (nx,) = take(1)
                x = nx + ox
                points = [(x, y)]
            elif upper == "V":
                (ny,) = take(1)
                y = ny + oy
                points = [(x, y)]
            elif upper in "CS":
                if upper == "C":
                    x1, y1, x2, y2, nx, ny = take(6)
                    c1 = (x1 + ox, y1 + oy)
                else:
                    x2, y2, nx, ny = take(4)
                    c1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
                c2 = (x2 + ox, y2 + oy)
                end = (nx + ox, ny + oy)
                for step in (0.25, 0.5, 0.75, 1.0):
                    u = 1 - step
                    points.append(
                        (
                            u**3 * x
                            + 3 * u * u * step * c1[0]
                            + 3 * u * step**2 * c2[0]
                            + step**3 * end[0],
                            u**3 * y
                            + 3 * u * u * step * c1[1]
                            + 3 * u * step**2 * c2[1]
                            + step**3 * end[1],
                        )
                    )
                ctrl = c2
                x, y = end
            elif upper in "QT":
                if upper == "Q":
                    x1, y1, nx, ny = take(4)
                    c = (x1 + ox, y1 + oy)
                else:
                    nx, ny = take(2)
                    c = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
                end = (nx + ox, ny + oy)
                for step in (1 / 3, 2 / 3, 1.0):
                    u = 1 - step
                    points.append(
                        (
                            u * u * x + 2 * u * step * c[0] + step * step * end[0],
                            u * u * y + 2 * u * step * c[1] + step * step * end[1],
                        )
                    )
                ctrl = c
                x, y = end
            elif upper == "A":
                rx, ry, phi = take(3)
                # flags may be written without separators ("a1 1 0 00 1 1")
                flags = []
                while len(flags) < 2:
                    if i >= len(tokens) or tokens[i].isalpha():
                        raise ValueError("missing arc flags")
                    token = tokens[i]
                    digits = token.lstrip("+")
                    if digits[:1] in ("0", "1") and len(flags) < 2:
                        flags.append(int(digits[0]))
                        rest = digits[1:]
                        if rest:
                            tokens[i] = rest
                        else:
                            i += 1
                    else:
                        raise ValueError("bad arc flag")
                nx, ny = take(2)
                end = (nx + ox, ny + oy)
                points = _arc_points(x, y, rx, ry, phi, flags[0], flags[1], end[0], end[1])
                x, y = end
            else:
                break
            last_ctrl = ctrl
            if not current:
                current = [(start_x, start_y)]
            current.extend(points)
            total += len(points)
    except (ValueError, ZeroDivisionError, OverflowError, TypeError):
        pass  # SVG renders a path up to its first error; so do we
    if current:
        subpaths.append(current)
    subpaths = [s for s in subpaths if len(s) >= 3]
    if not subpaths:
        return None
    for points in subpaths:
        for px, py in points:
            if not (math.isfinite(px) and math.isfinite(py)):
                return None
    return ("poly", subpaths, rule)
