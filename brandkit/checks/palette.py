"""Colour check: is the image's colour the brandbook's palette?

Codes
-----
- ``colour.off_palette`` (error, or warning while the total stays within ``max_off_palette``):
  one finding per off-palette colour (rasters: the 10 largest), with its hex, coverage, the
  nearest brand colour and the CIEDE2000 distance to it. SVG: one per distinct colour as
  written, naming the elements that use it (always an error).
- ``colour.palette_coverage`` (info): how much of the image is in palette, per brand colour.
- ``colour.photo_area`` (info): the part of a raster that is photographic or finely textured
  and therefore not checked against the palette.
- ``colour.no_opaque_pixels`` (info): the raster is fully transparent.
- ``colour.vector_colours`` (info): colours read from a PDF's content (the rendered pages give
  the verdict; this lists what the file asks for).

How a raster is judged
----------------------
The pixels are reduced to a histogram of 32 768 bins with mean colours (see ``_raster``). A
colour is *in palette* when its CIEDE2000 distance to a palette colour is within
``colour.tolerance_de2000``, or when it is a neutral (chroma C*ab below
``colour.neutral_chroma``) and the brandbook allows neutrals.

1. Significant colours. Only areas of one colour can make a colour significant: bins are merged
   within the tolerance around the bins with the most *flat* pixels (pixels equal, within 12
   levels, to their right and lower neighbours), and a merged colour whose flat pixels cover at
   least 0.5% of the opaque area is significant. Each significant colour takes the verdict of
   its mean colour (brand, neutral or off-palette); every pixel in its bins counts for it.
   Anti-aliased edges, JPEG ringing and photo texture have (almost) no flat pixels, so however
   much of them there is, they never become a colour of their own.
2. Anti-aliased edges. A bin left over (not in a significant colour, not itself in palette)
   whose colour lies within the tolerance of the straight line between two *anchor* colours —
   in gamma-encoded sRGB (how Pillow, browsers and most tools blend) or in linear light (how
   some renderers blend) — is a blend ``t*A + (1-t)*B`` and is attributed to A and B in the
   proportion t : 1-t. Anchors are the significant colours, then the palette colours (present
   or not: JPEG ringing darkens and lightens edges towards black and white). So the edges of
   text take the verdict of the text and its background: brand on brand passes, and an
   off-palette area's edges add to its coverage.
3. Thin features. What is left is merged once more by all its pixels (not only flat ones); a
   colour that covers at least 1% of the image this way — 1-px lines, small text that the
   reduction made thin — is significant too, unless it is itself a blend of the anchors (the
   light fringe of thin text in a JPEG); its own edges then count as its blends.
4. Photographic areas. What is still left — many distinct colours none of which forms an area
   or a thin feature (photographs, noise, JPEG ringing, tiny details) — is not checked against
   the palette, so a photo does not fail a banner by itself; from 5% of the image it is
   reported as ``colour.photo_area`` with its share (below that it is mostly compression
   noise). A large smooth photo region that forms a flat area of one colour is an area like
   any other and is judged.
5. Verdict. ``off-palette share = off-palette significant pixels / (opaque pixels - photo
   area)``. Above ``colour.max_off_palette`` every off-palette colour is an error; at or below
   it they are warnings. At most 10 colours are reported, the largest first.

A flat tint or shade of a brand colour (e.g. 40% blue on white, or a lighter "wrong blue")
big enough to be significant is a colour of its own and is judged by its own distance; the
report says which brand colours it is a mix of. Tints only pass as blends where they are thin
(edges) or do not form an area (a narrow gradient). A large gradient is a run of flat areas and
fails like one.

SVG: every declared colour (fill, stroke, stop-color, CSS) is checked as written; opacity is
not applied (a brand colour at 50% opacity is the brand colour). PDF: the rendered pages are
checked as rasters, page by page; vector colours, when the decoder read them, are listed as
information.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from brandkit.checks import _raster, regions
from brandkit.checks._messages import each_lang, finding, listing, name_of, num, pct
from brandkit.checks.report import Finding
from brandkit.checks.types import Decoded, RasterImage, SvgDocument
from brandkit.colour import contrast_ratio, delta_e_2000, nearest, srgb8_to_lab, to_hex
from brandkit.colour.transfer import srgb_decode, srgb_encode

MAX_REPORTED = 10
PHOTO_REPORT_SHARE = 0.05  # below 5% it is mostly JPEG ringing and tiny details
MAX_ANCHORS = 8
THIN_SHARE = 0.01  # a colour without flat pixels is significant from 1% of the image
BLEND_PREFILTER_SRGB = 30.0  # levels: farther than this from every blend line, skip ΔE00
BLEND_PREFILTER_LINEAR = 0.08  # the same in linear light (0..1)
BLEND_GATE_SRGB = 72.0  # farther than this from every sRGB segment: no linear-light test


@dataclass
class Palette:
    colours: list[dict]
    rgb: np.ndarray  # (M, 3) uint8
    lab: np.ndarray  # (M, 3)
    tolerance: float
    neutrals: bool
    neutral_chroma: float
    max_off_palette: float
    text_contrast: float = 4.5
    non_text_contrast: float = 3.0

    @classmethod
    def from_brandbook(cls, brandbook: dict) -> Palette:
        colour = brandbook.get("colour", {})
        access = brandbook.get("accessibility") or {}
        colours = list(colour.get("colours", []))
        rgb = np.array(
            [c.get("rgb") or _hex_rgb(c["hex"]) for c in colours], dtype=np.uint8
        ).reshape(-1, 3)
        return cls(
            colours=colours,
            rgb=rgb,
            lab=srgb8_to_lab(rgb) if len(colours) else np.zeros((0, 3)),
            tolerance=float(colour.get("tolerance_de2000", 3.0)),
            neutrals=bool(colour.get("neutrals", True)),
            neutral_chroma=float(colour.get("neutral_chroma", 5.0)),
            max_off_palette=float(colour.get("max_off_palette", 0.02)),
            text_contrast=float(access.get("text_contrast", 4.5)),
            non_text_contrast=float(access.get("non_text_contrast", 3.0)),
        )

    def nearest(self, lab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lab = np.asarray(lab, dtype=np.float64).reshape(-1, 3)
        if not len(self.colours):
            return np.zeros(len(lab), np.intp), np.full(len(lab), np.inf)
        return nearest(lab, self.lab)

    def is_neutral(self, lab: np.ndarray) -> np.ndarray:
        lab = np.asarray(lab, dtype=np.float64).reshape(-1, 3)
        if not self.neutrals:
            return np.zeros(len(lab), dtype=bool)
        return np.hypot(lab[:, 1], lab[:, 2]) < self.neutral_chroma

    def describe(self, index: int, lang: str) -> str:
        if index < 0:
            return {
                -1: {"et": "valge", "en": "white", "ru": "белый"},
                -2: {"et": "must", "en": "black", "ru": "чёрный"},
            }[index][lang] + (" #FFFFFF" if index == -1 else " #000000")
        item = self.colours[index]
        return f"{name_of(item, lang)} {item['hex'].upper()}"

    def slug(self, index: int) -> str:
        return {-1: "white", -2: "black"}.get(index) or self.colours[index]["slug"]

    def tint_anchors(self) -> tuple[np.ndarray, list[int]]:
        """The colours tints and shades are mixed from: the palette, plus white and black when
        neutrals are allowed (ids -1 and -2)."""
        rgb = [c.astype(np.float64) for c in self.rgb]
        ids = list(range(len(self.colours)))
        if self.neutrals:
            for extra, ident in (((255, 255, 255), -1), ((0, 0, 0), -2)):
                if not any((self.rgb == extra).all(axis=1)):
                    rgb.append(np.array(extra, dtype=np.float64))
                    ids.append(ident)
        return np.array(rgb, dtype=np.float64).reshape(-1, 3), ids


def _hex_rgb(code: str) -> list[int]:
    code = code.lstrip("#")
    return [int(code[i : i + 2], 16) for i in (0, 2, 4)]


@dataclass
class OffColour:
    rgb: tuple[int, int, int]
    pixels: float
    share: float  # of the opaque image
    nearest: int  # palette index
    delta_e: float
    mix: tuple[int, int, float] | None = None  # a tint/shade: (colour a, colour b, weight of a)
    lab: tuple[float, float, float] = (0.0, 0.0, 0.0)
    boxes: list[list[int]] = field(default_factory=list)  # [x, y, w, h] in original pixels
    role: str = "accent"  # how it is used: background | text | accent
    suggested: Suggestion | None = None
    # an aggregate of several colours (a photo/texture area or a run of shades): its kind and
    # its colours [(hex, share)], largest first
    kind: str = "colour"  # colour | shades | texture
    colours: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Suggestion:
    """The brand colour a designer would put in place of an off-palette colour, and why."""

    index: int  # palette index
    role_match: bool
    partner: tuple[int, int, int] | None = None  # the colour next to it that matters most
    before: float | None = None  # contrast with the partner now
    after: float | None = None  # … and with the suggestion


@dataclass
class Analysis:
    total: int  # opaque analysed pixels
    brand_pixels: np.ndarray  # (M,) per palette colour (blends included)
    neutral_pixels: float
    off: list[OffColour]  # largest first
    blend_pixels: float
    photo_pixels: float
    step: int

    @property
    def significant(self) -> float:
        return float(max(self.total - self.photo_pixels, 0.0))

    @property
    def off_pixels(self) -> float:
        return float(sum(o.pixels for o in self.off))

    @property
    def off_share(self) -> float:
        return float(self.off_pixels / self.significant) if self.significant else 0.0

    @property
    def photo_share(self) -> float:
        return float(self.photo_pixels / self.total) if self.total else 0.0


# --- raster analysis -------------------------------------------------------------------------


def analyse_raster(raster: RasterImage, palette: Palette) -> Analysis:
    hist, found = _raster.clusters(raster, palette.tolerance)
    m = len(palette.colours)
    total = hist.total
    brand = np.zeros(m, dtype=np.float64)
    if total == 0:
        return Analysis(0, brand, 0.0, [], 0.0, 0.0, hist.step)
    neutral = 0.0
    off_pixels: list[float] = []  # per entry of off_found
    off_found: list[_raster.Cluster] = []
    # where each colour is: every tallied colour (brand, neutral or off) in `tallied`, and
    # for each bin the index of the tallied colour it belongs to (-1: none)
    tallied: list[tuple[_raster.Cluster, str]] = []
    owner = np.full(hist.count.size, -1, dtype=np.int32)

    def tally(clusters: list[_raster.Cluster]) -> list[tuple[str, int]]:
        """Give each significant colour its verdict and count its pixels; returns the kinds."""
        nonlocal neutral
        kinds: list[tuple[str, int]] = []
        if not clusters:
            return kinds
        lab = np.array([c.lab for c in clusters])
        p_index, p_de = palette.nearest(lab)
        is_neutral = palette.is_neutral(lab)
        for i, cluster in enumerate(clusters):
            owner[cluster.members] = len(tallied)
            tallied.append(
                (cluster, "off" if not (p_de[i] <= palette.tolerance or is_neutral[i]) else "ok")
            )
            if p_de[i] <= palette.tolerance:
                kinds.append(("brand", int(p_index[i])))
                brand[int(p_index[i])] += cluster.pixels
            elif is_neutral[i]:
                kinds.append(("neutral", 0))
                neutral += cluster.pixels
            else:
                kinds.append(("off", len(off_found)))
                off_found.append(cluster)
                off_pixels.append(float(cluster.pixels))
        return kinds

    # 1. significant colours: areas of one colour
    kinds = tally(found.significant)

    # 2. the other bins, one by one: in palette, neutral, or left over
    free = np.flatnonzero(found.member_of < 0)
    free_lab = hist.lab[free]
    free_count = hist.count[free].astype(np.float64)
    in_brand = np.zeros(free.size, dtype=bool)
    brand_index = np.zeros(free.size, dtype=np.intp)
    if m and free.size:
        d2 = _sq_distances(free_lab, palette.lab).min(axis=1)
        close = np.flatnonzero(d2 <= (_raster.PREFILTER_FACTOR * palette.tolerance) ** 2)
        if close.size:
            idx, de = palette.nearest(free_lab[close])
            ok = de <= palette.tolerance
            in_brand[close[ok]] = True
            brand_index[close[ok]] = idx[ok]
    np.add.at(brand, brand_index[in_brand], free_count[in_brand])
    # brand-coloured bins outside the areas (thin text, JPEG-shaded text) are a place of that
    # brand colour too: they tell what an off-palette area carries
    for index in np.unique(brand_index[in_brand]):
        members = free[in_brand & (brand_index == index)]
        owner[members] = len(tallied)
        rgb = palette.rgb[index].astype(np.float64)
        tallied.append(
            (
                _raster.Cluster(
                    members=members,
                    rgb=rgb,
                    lab=palette.lab[index],
                    pixels=int(hist.count[members].sum()),
                    flat=int(hist.flat[members].sum()),
                ),
                "brand",
            )
        )
    in_neutral = ~in_brand & palette.is_neutral(free_lab)
    neutral += float(free_count[in_neutral].sum())
    rest = np.flatnonzero(~in_brand & ~in_neutral)

    # 3. blends of two anchor colours (anti-aliased edges), attributed to both
    blend_total = 0.0

    def blend(rest: np.ndarray, anchors: np.ndarray, anchor_kinds) -> np.ndarray:
        """Attribute the blends among `rest` to their anchors; returns what is not a blend."""
        nonlocal neutral, blend_total
        if not rest.size or len(anchors) < 2:
            return rest
        ok, a, b, t = _blends(hist.rgb[free[rest]], hist.lab[free[rest]], anchors, palette)
        counts = free_count[rest]
        attributed = np.zeros(len(anchors), dtype=np.float64)
        np.add.at(attributed, a[ok], counts[ok] * t[ok])
        np.add.at(attributed, b[ok], counts[ok] * (1.0 - t[ok]))
        blend_total += float(counts[ok].sum())
        for j, (kind, which) in enumerate(anchor_kinds):
            if kind == "brand":
                brand[which] += attributed[j]
            elif kind == "neutral":
                neutral += attributed[j]
            else:
                off_pixels[which] += attributed[j]
        return rest[~ok]

    anchors, anchor_kinds = _anchors(found, kinds, palette, hist, free, in_brand, brand_index)
    rest = blend(rest, anchors, anchor_kinds)

    # 4. thin features: what is left, merged by all its pixels; a colour covering 1% of the
    # image without forming an area (1-px lines, small text after reduction) still counts, and
    # the edges of such features are blends with it
    thin = _raster.find_clusters(
        hist,
        palette.tolerance,
        weights=hist.count,
        subset=free[rest],
        significant_share=THIN_SHARE,
    )
    if thin.significant:
        # in order of size: a thin colour that is itself a blend of the anchors so far (the
        # light fringe of thin text in a JPEG) is a blend; any other becomes an anchor too
        anchor_list = list(anchors)
        accepted: list[_raster.Cluster] = []
        for cluster in thin.significant:
            if len(anchor_list) >= 2:
                is_blend = _blends(
                    cluster.rgb[None, :], cluster.lab[None, :], np.array(anchor_list), palette
                )[0][0]
                if is_blend:
                    continue  # its bins stay in `rest` for the blend pass below
            accepted.append(cluster)
            if len(anchor_list) < 2 * MAX_ANCHORS:
                anchor_list.append(cluster.rgb)
        thin_kinds = tally(accepted)
        members = np.zeros(hist.count.size, dtype=bool)
        for cluster in accepted:
            members[cluster.members] = True
        rest = rest[~members[free[rest]]]
        extra = len(anchor_list) - len(anchors)
        rest = blend(rest, np.array(anchor_list), anchor_kinds + thin_kinds[:extra])
    photo = float(free_count[rest].sum())
    photo_bins = np.zeros(hist.count.size, dtype=bool)
    photo_bins[free[rest]] = True

    off: list[OffColour] = []
    if off_found:
        lab = np.array([c.lab for c in off_found])
        rgb = np.array([c.rgb for c in off_found])
        p_index, p_de = palette.nearest(lab)
        mix_anchors, mix_ids = palette.tint_anchors()
        if len(mix_anchors) >= 2:
            is_mix, m_a, m_b, m_t = _blends(rgb, lab, mix_anchors, palette)
        else:
            is_mix = np.zeros(len(off_found), dtype=bool)
        for n, cluster in enumerate(off_found):
            rounded = np.clip(np.rint(cluster.rgb), 0, 255).astype(int)
            off.append(
                OffColour(
                    rgb=(int(rounded[0]), int(rounded[1]), int(rounded[2])),
                    pixels=float(off_pixels[n]),
                    share=float(off_pixels[n]) / total,
                    nearest=int(p_index[n]),
                    delta_e=float(p_de[n]),
                    mix=((mix_ids[m_a[n]], mix_ids[m_b[n]], float(m_t[n])) if is_mix[n] else None),
                    lab=tuple(float(v) for v in lab[n]),
                )
            )
        off_ids = [
            next(i for i, (c, _) in enumerate(tallied) if c is cluster) for cluster in off_found
        ]
        off = _place(raster, hist, palette, off, off_ids, tallied, owner, photo_bins, total)
        off.sort(key=lambda o: -o.pixels)
    return Analysis(total, brand, neutral, off, blend_total, photo, hist.step)


# --- where, how used, and what instead ---------------------------------------------------------

JOIN_SHARE = 0.02  # parts of one colour closer than 2% of the short side are one region
TEXTURE_NEAR = 0.25  # photo pixels around a colour, per pixel of it: that colour is photo texture
SHADE_FACTOR = 4.0  # touching off-palette colours within 4 x the tolerance: shades of one area
BACKGROUND_SHARE = 0.10  # an off-palette colour over 10% of the image is a background
TEXT_DENSITY = 0.45  # a colour filling less than this of its regions' boxes is text or lines
ROLE_PENALTY = 20.0  # ΔE-like units: a brand colour meant for another role
NEUTRAL_PENALTY = 15.0  # a grey for a clearly chromatic colour
ROLES_FOR = {
    "background": {"background", "primary"},
    "text": {"text"},
    "accent": {"accent", "primary"},
}


def _place(raster, hist, palette, off, off_ids, tallied, owner, photo_bins, total):
    """Locate the off-palette colours on the image and turn them into what a designer reads.

    Each colour gets its boxes (the regions that carry it), its role (background, text or
    accent, from its share and shape), and a suggested brand colour. Colours that are photo
    texture (their surroundings are mostly photo pixels), or touching shades of one another
    (a gradient, JPEG shading of one area), are merged into one entry: one photo is one
    finding, not one per colour in it."""
    bins = _raster.bin_map(raster, hist)
    labels = np.append(owner, -1)[bins]
    photo = np.append(photo_bins, False)[bins]
    position = np.full(len(tallied) + 1, -1, dtype=np.int32)
    for j, ident in enumerate(off_ids):
        position[ident] = j
    off_img = position[labels]
    m = len(off)
    join = max(1, round(JOIN_SHARE * min(bins.shape)))
    count, comp = regions.label((off_img >= 0) | photo, join=1)
    sel = off_img >= 0
    per_comp = np.bincount(
        off_img[sel].astype(np.int64) * count + comp[sel], minlength=m * count
    ).reshape(m, count)
    main = per_comp.argmax(axis=1)
    # a colour is photo texture when there are many photo pixels around it, per pixel of its
    # own (a patch inside a picture); a flat area next to a photo has only a strip of photo
    # along one side. Each colour is dilated within its own bounding box only.
    textured = np.zeros(m, dtype=bool)
    if photo.any() and sel.any():
        import cv2

        kernel = np.ones((2 * join + 1, 2 * join + 1), np.uint8)
        ys, xs = np.nonzero(sel)
        owner_of = off_img[ys, xs]
        big = np.iinfo(np.int64).max
        y0, x0 = np.full(m, big), np.full(m, big)
        y1, x1 = np.full(m, -1), np.full(m, -1)
        np.minimum.at(y0, owner_of, ys)
        np.minimum.at(x0, owner_of, xs)
        np.maximum.at(y1, owner_of, ys)
        np.maximum.at(x1, owner_of, xs)
        own = np.bincount(owner_of, minlength=m)
        rows, cols = off_img.shape
        for j in np.flatnonzero(own):
            top, left = max(0, y0[j] - join), max(0, x0[j] - join)
            bottom, right = min(rows, y1[j] + join + 1), min(cols, x1[j] + join + 1)
            mine = (off_img[top:bottom, left:right] == j).astype(np.uint8)
            ring = cv2.dilate(mine, kernel).astype(bool)
            near = int((ring & photo[top:bottom, left:right]).sum())
            textured[j] = near >= TEXTURE_NEAR * own[j]

    parent = list(range(m))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    labs = np.array([o.lab for o in off], dtype=np.float64).reshape(-1, 3)
    close = delta_e_2000(labs[:, None, :], labs[None, :, :]) <= SHADE_FACTOR * palette.tolerance
    present = per_comp[np.arange(m), main] > 0
    for i in range(m):
        for j in range(i + 1, m):
            if main[i] != main[j] or not (present[i] and present[j]):
                continue
            if (textured[i] and textured[j]) or close[i, j]:
                parent[find(j)] = find(i)

    # a run of shades touching a photo texture is the smooth part of that photo (a sky above
    # trees): one finding with it; a single flat colour next to a photo stays its own
    draft: dict[int, list[int]] = {}
    for j in range(m):
        draft.setdefault(find(j), []).append(j)
    texture_root: dict[int, int] = {}
    for root, members in draft.items():
        if textured[members].any():
            texture_root.setdefault(int(main[members[0]]), root)
    for root, members in draft.items():
        target = texture_root.get(int(main[members[0]]))
        if target is not None and len(members) > 1:
            parent[find(root)] = find(target)
    groups: dict[int, list[int]] = {}
    for j in range(m):
        groups.setdefault(find(j), []).append(j)
    adj = regions.adjacency(labels, len(tallied))
    size = (raster.width, raster.height)
    out: list[OffColour] = []
    for members in groups.values():
        members.sort(key=lambda j: -off[j].pixels)
        head = off[members[0]]
        mask = np.isin(off_img, members)
        found = regions.regions(mask, join=join)
        min_pixels = max(1, int(0.0002 * mask.size))
        kept = [r for r in found if r.pixels >= min_pixels] or found[:1]
        boxes = regions.to_original(kept, analysed_shape=mask.shape, original_size=size)
        pixels = sum(off[j].pixels for j in members)
        share = pixels / total if total else 0.0
        filled = sum(r.pixels for r in kept)
        box_area = sum(r.w * r.h for r in kept) or 1
        if share >= BACKGROUND_SHARE:
            role = "background"
        elif filled / box_area < TEXT_DENSITY:
            role = "text"
        else:
            role = "accent"
        weights = np.array([off[j].pixels for j in members], dtype=np.float64)
        lab = (labs[members] * weights[:, None]).sum(axis=0) / max(weights.sum(), 1e-9)
        rgb = np.array([off[j].rgb for j in members], dtype=np.float64)
        rgb = (rgb * weights[:, None]).sum(axis=0) / max(weights.sum(), 1e-9)
        contacts = adj[[off_ids[j] for j in members]].sum(axis=0)
        partners = []
        total_contacts = float(contacts.sum())
        for ident in np.argsort(-contacts):
            if contacts[ident] <= 0:
                break
            if tallied[ident][1] == "off":
                continue
            weight = float(contacts[ident]) / total_contacts
            if weight < 0.1:
                break
            partner = tallied[ident][0]
            # two areas side by side need to differ, not to contrast like text
            side_by_side = role == "background" and partner.pixels >= BACKGROUND_SHARE * total
            partner_rgb = np.clip(np.rint(partner.rgb), 0, 255).astype(int)
            partners.append((tuple(int(v) for v in partner_rgb), weight, side_by_side))
        kind = "colour"
        if len(members) > 1:
            kind = "texture" if textured[members].any() else "shades"
        out.append(
            OffColour(
                rgb=head.rgb,
                pixels=pixels,
                share=share,
                nearest=head.nearest,
                delta_e=head.delta_e,
                mix=head.mix,
                lab=head.lab,
                boxes=boxes,
                role=role,
                suggested=_suggest(lab, rgb, role, partners, palette),
                kind=kind,
                colours=[(to_hex(off[j].rgb), off[j].share) for j in members],
            )
        )
    return out


def _suggest(lab, rgb, role: str, partners, palette: Palette) -> Suggestion | None:
    """The brand colour a designer would use instead: one meant for the same role, close in
    lightness and chroma (hue matters less: a palette rarely has the hue the designer strayed
    to), and keeping the contrast with the colours next to it, at least as far as the
    brandbook's contrast minimum. Not simply the smallest ΔE00 (that makes a red "gold")."""
    if not len(palette.colours):
        return None
    lab = np.asarray(lab, dtype=np.float64)
    chroma = float(np.hypot(lab[1], lab[2]))
    any_roles = any(c.get("roles") for c in palette.colours)
    need = palette.non_text_contrast if role == "accent" else palette.text_contrast
    wanted = ROLES_FOR.get(role, set())
    best: tuple[float, Suggestion] | None = None
    for index, colour in enumerate(palette.colours):
        cand = palette.lab[index]
        cand_chroma = float(np.hypot(cand[1], cand[2]))
        score = 0.5 * float(delta_e_2000(lab, cand))
        score += 0.5 * abs(float(lab[0] - cand[0])) + 0.3 * abs(chroma - cand_chroma)
        role_match = bool(set(colour.get("roles") or []) & wanted)
        if any_roles and not role_match:
            score += ROLE_PENALTY
        if chroma >= 3 * palette.neutral_chroma and cand_chroma < palette.neutral_chroma:
            score += NEUTRAL_PENALTY
        partner = before = after = None
        for partner_rgb, weight, side_by_side in partners:
            was = float(contrast_ratio(np.clip(np.rint(rgb), 0, 255), partner_rgb))
            now = float(contrast_ratio(palette.rgb[index], partner_rgb))
            if partner is None and not side_by_side:
                partner, before, after = partner_rgb, was, now
            if now < 1.5:
                score += 200.0 * weight  # it would vanish into its neighbour
            if side_by_side:
                continue
            target = min(was, need)
            if now < target:
                score += 40.0 * (target - now) * weight
        suggestion = Suggestion(index, role_match, partner, before, after)
        if best is None or score < best[0]:
            best = (score, suggestion)
    return best[1] if best else None


def _sq_distances(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Squared Euclidean distances (N, M) without an (N, M, 3) temporary."""
    d2 = (x * x).sum(axis=1)[:, None] - 2.0 * (x @ y.T) + (y * y).sum(axis=1)[None, :]
    return np.maximum(d2, 0.0)


def _anchors(found, kinds, palette, hist, free, in_brand, brand_index):
    """Colours that edges may be blends of: the significant colours, then the palette colours
    that no significant colour already stands for (most present first). Palette colours count
    even when absent: JPEG ringing darkens or lightens edges towards black and white."""
    anchors: list[np.ndarray] = []
    anchor_kinds: list[tuple[str, int]] = []
    for cluster, kind in zip(found.significant, kinds, strict=True):
        if len(anchors) >= MAX_ANCHORS:
            break
        anchors.append(cluster.rgb)
        anchor_kinds.append(kind)
    if palette.colours:
        present = np.zeros(len(palette.colours))
        np.add.at(present, brand_index[in_brand], hist.count[free[in_brand]])
        covered = {which for kind, which in anchor_kinds if kind == "brand"}
        for index in np.argsort(-present, kind="stable"):
            if len(anchors) >= MAX_ANCHORS:
                break
            if int(index) in covered:
                continue
            anchors.append(palette.rgb[index].astype(np.float64))
            anchor_kinds.append(("brand", int(index)))
    return (np.array(anchors, dtype=np.float64).reshape(-1, 3), anchor_kinds)


def _project(points: np.ndarray, anchors: np.ndarray, pairs: np.ndarray):
    """For each point, the closest point on any anchor-pair segment (Euclidean, in the space
    the inputs are in): (pair index, t, squared distance). Matrix products on a (pairs, N)
    layout, so every row is contiguous; no (N, pairs, 3) temporary."""
    a = anchors[pairs[:, 0]]
    b = anchors[pairs[:, 1]]
    d = a - b
    dd = np.maximum((d * d).sum(axis=1), 1e-12)[:, None]
    pt = np.ascontiguousarray(points.T)  # (3, N)
    u = d @ pt  # (P, N): (p - b).d once the next line has run
    u -= (b * d).sum(axis=1)[:, None]
    t = u / dd
    np.clip(t, 0.0, 1.0, out=t)
    # |p - (b + t d)|^2 = |p|^2 - 2 p.b + |b|^2 - 2 t u + t^2 dd
    dist2 = b @ pt
    dist2 *= -2.0
    dist2 += (pt * pt).sum(axis=0)[None, :]
    dist2 += (b * b).sum(axis=1)[:, None]
    u *= t
    u *= 2.0
    dist2 -= u
    np.multiply(t, t, out=u)
    u *= dd
    dist2 += u
    best = dist2.argmin(axis=0)
    cols = np.arange(points.shape[0])
    return best, t[best, cols], dist2[best, cols]


def _blends(rgb: np.ndarray, lab: np.ndarray, anchors: np.ndarray, palette: Palette):
    """Which colours are blends t*A + (1-t)*B of two anchors within the tolerance (ΔE00), in
    sRGB or in linear light. Returns (ok, index of A, index of B, t).

    The nearest segment is found by Euclidean distance (cheap, matrix products); CIEDE2000 is
    then computed only against that one projection, and only for colours near enough a
    segment to possibly pass. The linear-light blend curve between two colours lies within
    ~60 sRGB levels of the straight sRGB segment, so colours farther than
    `BLEND_GATE_SRGB` from every segment skip the linear-light test too."""
    n = rgb.shape[0]
    k = anchors.shape[0]
    pairs = np.array([(i, j) for i in range(k) for j in range(i + 1, k)], dtype=np.intp)
    ok = np.zeros(n, dtype=bool)
    a_idx = np.zeros(n, dtype=np.intp)
    b_idx = np.zeros(n, dtype=np.intp)
    t_out = np.zeros(n, dtype=np.float64)

    def attempt(todo, points, anchor_points, limit, to_srgb255):
        best, t, dist2 = _project(points, anchor_points, pairs)
        near = dist2 <= limit * limit
        todo, best, t = todo[near], best[near], t[near]
        if todo.size:
            pa = anchor_points[pairs[best, 0]]
            pb = anchor_points[pairs[best, 1]]
            q = pb + t[:, None] * (pa - pb)
            de = delta_e_2000(lab[todo], srgb8_to_lab(to_srgb255(q)))
            good = de <= palette.tolerance
            hit = todo[good]
            ok[hit] = True
            a_idx[hit] = pairs[best[good], 0]
            b_idx[hit] = pairs[best[good], 1]
            t_out[hit] = t[good]
        return dist2

    everything = np.arange(n)
    dist2 = attempt(everything, rgb, anchors, BLEND_PREFILTER_SRGB, lambda q: q)
    todo = np.flatnonzero(~ok & (dist2 <= BLEND_GATE_SRGB**2))
    if todo.size:
        attempt(
            todo,
            srgb_decode(rgb[todo] / 255.0),
            srgb_decode(anchors / 255.0),
            BLEND_PREFILTER_LINEAR,
            lambda q: srgb_encode(q) * 255.0,
        )
    return ok, a_idx, b_idx, t_out


# --- findings ---------------------------------------------------------------------------------


def _de(value: float, lang: str) -> str:
    return num(value, lang, 2 if value < 10 else 1)


def _page_prefix(page: int | None, lang: str) -> str:
    if page is None:
        return ""
    return {"et": f"Lk {page}: ", "en": f"Page {page}: ", "ru": f"Стр. {page}: "}[lang]


ROLE_WORDS = {
    "background": {"et": "taust", "en": "background", "ru": "фон"},
    "text": {"et": "tekst", "en": "text", "ru": "текст"},
    "accent": {"et": "aktsent", "en": "accent", "ru": "акцент"},
}


def _ratio(value: float, lang: str) -> str:
    return f"{num(value, lang, 1)}:1"


def _advice(off: OffColour, palette: Palette, lang: str) -> str:
    """ "Use State blue #0033A0 instead (role: background; contrast with #FFFFFF 12.6:1, now
    4.0:1)." """
    suggestion = off.suggested
    brand = palette.describe(suggestion.index, lang)
    reasons = []
    if suggestion.role_match:
        word = ROLE_WORDS[off.role][lang]
        reasons.append({"et": f"roll: {word}", "en": f"role: {word}", "ru": f"роль: {word}"}[lang])
    if suggestion.partner is not None and suggestion.after is not None:
        other = to_hex(suggestion.partner)
        after, before = _ratio(suggestion.after, lang), _ratio(suggestion.before or 1.0, lang)
        reasons.append(
            {
                "et": f"kontrast kõrvaloleva {other}-ga {after}, praegu {before}",
                "en": f"contrast with the adjacent {other} {after}, now {before}",
                "ru": f"контраст с соседним {other} {after}, сейчас {before}",
            }[lang]
        )
    why = f" ({'; '.join(reasons)})" if reasons else ""
    return {
        "et": f"Soovitatav brändivärv selle asemel: {brand}{why}.",
        "en": f"Use the brand colour {brand} instead{why}.",
        "ru": f"Рекомендуемый фирменный цвет вместо него: {brand}{why}.",
    }[lang]


OFF_PALETTE = "off-palette"


def dominant_colour(by_colour: list[tuple[int, float]], off_share: float, palette: Palette) -> str:
    """The colour a person would name the image by: the brand colour covering most of it, or
    "off-palette" when off-palette colours together cover more than any brand colour (a red
    banner with white text is red, not "white")."""
    best = max(by_colour, key=lambda item: item[1], default=None)
    if best is None or off_share > best[1]:
        return OFF_PALETTE if off_share > 0 else ""
    return palette.colours[best[0]]["slug"]


def raster_findings(analysis: Analysis, palette: Palette, page: int | None = None) -> list[Finding]:
    out: list[Finding] = []
    where = {"page": page} if page is not None else {}
    pre = lambda lang: _page_prefix(page, lang)  # noqa: E731
    if analysis.total == 0:
        out.append(
            finding(
                "colour.no_opaque_pixels",
                "info",
                each_lang(
                    lambda lang: (
                        pre(lang)
                        + {
                            "et": "Pilt on täiesti läbipaistev: värve ei saanud kontrollida.",
                            "en": "The image is fully transparent: there is no colour to check.",
                            "ru": "Изображение полностью прозрачное: проверять нечего.",
                        }[lang]
                    )
                ),
                **where,
            )
        )
        return out

    tol = palette.tolerance
    limit = palette.max_off_palette
    share = analysis.off_share
    failing = share > limit
    severity = "error" if failing else "warning"
    for off in analysis.off[:MAX_REPORTED]:
        hex_code = to_hex(off.rgb)
        near = palette.colours[off.nearest]

        def message(lang: str, off=off, hex_code=hex_code) -> str:
            cov = pct(off.share, lang)
            brand = palette.describe(off.nearest, lang)
            de = _de(off.delta_e, lang)
            t = num(tol, lang, 1)
            total = pct(share, lang)
            lim = pct(limit, lang)
            listed = listing([h for h, _ in off.colours], lang, limit=4)
            n = len(off.colours)
            first = {
                "colour": {
                    "et": f"Värv {hex_code} katab {cov} pildist.",
                    "en": f"Colour {hex_code} covers {cov} of the image.",
                    "ru": f"Цвет {hex_code} занимает {cov} изображения.",
                },
                "shades": {
                    "et": f"Ühe pinna paletivälised toonid ({n}: {listed}) katavad {cov} pildist.",
                    "en": f"Off-palette shades of one area ({n}: {listed}) cover {cov} of the "
                    "image.",
                    "ru": f"Оттенки одной области вне палитры ({n}: {listed}) занимают {cov} "
                    "изображения.",
                },
                "texture": {
                    "et": f"Foto või tekstuur paletiväliste värvidega ({n}: {listed}) katab "
                    f"{cov} pildist.",
                    "en": f"A photo or texture in off-palette colours ({n}: {listed}) covers "
                    f"{cov} of the image.",
                    "ru": f"Фото или текстура в цветах вне палитры ({n}: {listed}) занимает "
                    f"{cov} изображения.",
                },
            }[off.kind]
            text = pre(lang) + first[lang]
            if off.suggested is not None and off.kind != "texture":
                text += " " + _advice(off, palette, lang)
            text += {
                "et": f" Lähim brändivärv ΔE00 järgi on {brand}, ΔE00 = {de} (lubatud ≤ {t}).",
                "en": f" The nearest brand colour by ΔE00 is {brand}, ΔE00 = {de} (allowed ≤ {t}).",
                "ru": f" Ближайший фирменный цвет по ΔE00 — {brand}, ΔE00 = {de} "
                f"(допустимо ≤ {t}).",
            }[lang]
            if off.mix is not None:
                a, b, weight = off.mix
                ca, cb = palette.describe(a, lang), palette.describe(b, lang)
                wa, wb = pct(weight, lang, 0), pct(1 - weight, lang, 0)
                text += {
                    "et": f" See on toon: {ca} {wa} ja {cb} {wb}; toonid ei ole paletivärvid.",
                    "en": f" It is a tint: {ca} {wa} and {cb} {wb}; tints are not palette colours.",
                    "ru": f" Это оттенок: {ca} {wa} и {cb} {wb}; оттенки не входят в палитру.",
                }[lang]
            last = {
                "et": f" Paletiväliseid värve on kokku {total} pildi olulisest pinnast, "
                f"lubatud kuni {lim}.",
                "en": f" Off-palette colours cover {total} of the image's significant area "
                f"in total; at most {lim} is allowed.",
                "ru": f" Всего цвета вне палитры занимают {total} значимой площади "
                f"изображения; допускается не более {lim}.",
            }
            return text + last[lang]

        suggested = off.suggested
        advice = None
        if suggested is not None:
            pick = palette.colours[suggested.index]
            advice = {
                "slug": pick["slug"],
                "hex": pick["hex"].upper(),
                "role": off.role,
                "role_match": suggested.role_match,
                "next_to": to_hex(suggested.partner) if suggested.partner else None,
                "contrast_before": round(suggested.before, 2) if suggested.before else None,
                "contrast_after": round(suggested.after, 2) if suggested.after else None,
            }
        out.append(
            finding(
                "colour.off_palette",
                severity,
                each_lang(message),
                hex=hex_code,
                rgb=list(off.rgb),
                coverage=round(off.share, 4),
                coverage_percent=round(off.share * 100, 1),
                mix=(
                    {
                        "of": [palette.slug(off.mix[0]), palette.slug(off.mix[1])],
                        "weight": round(off.mix[2], 2),
                    }
                    if off.mix
                    else None
                ),
                nearest={"slug": near["slug"], "hex": near["hex"].upper()},
                delta_e2000=round(off.delta_e, 2),
                tolerance_de2000=tol,
                off_palette_share=round(share, 4),
                max_off_palette=limit,
                suggested=advice,
                kind=off.kind,
                colours=[{"hex": h, "coverage": round(c, 4)} for h, c in off.colours],
                boxes=off.boxes,
                **where,
            )
        )

    significant = analysis.significant
    by_colour = []
    for index, pixels in enumerate(analysis.brand_pixels):
        if significant and pixels / significant >= 0.0005:
            by_colour.append((index, float(pixels / significant)))
    by_colour.sort(key=lambda item: -item[1])
    neutral_share = float(analysis.neutral_pixels / significant) if significant else 0.0
    in_palette = float(1.0 - share) if significant else 0.0

    def coverage(lang: str) -> str:
        parts = [f"{name_of(palette.colours[i], lang)} {pct(s, lang)}" for i, s in by_colour]
        brands = listing(parts, lang, limit=8) or "—"
        if not significant:
            return (
                pre(lang)
                + {
                    "et": "Pildil ei ole ühtegi ühtlast värvipinda, mida paletiga võrrelda.",
                    "en": "The image has no area of one colour to compare with the palette.",
                    "ru": "На изображении нет однотонных областей для сравнения с палитрой.",
                }[lang]
            )
        return (
            pre(lang)
            + {
                "et": f"Paletikohane on {pct(in_palette, lang)} pildi olulisest pinnast "
                f"(brändivärvid: {brands}; neutraalsed toonid {pct(neutral_share, lang)}); "
                f"paletiväline {pct(share, lang)}, lubatud kuni {pct(limit, lang)}.",
                "en": f"{pct(in_palette, lang)} of the image's significant area is in palette "
                f"(brand colours: {brands}; neutrals {pct(neutral_share, lang)}); "
                f"off-palette {pct(share, lang)}, at most {pct(limit, lang)} allowed.",
                "ru": f"В палитре {pct(in_palette, lang)} значимой площади изображения "
                f"(фирменные цвета: {brands}; нейтральные тона {pct(neutral_share, lang)}); "
                f"вне палитры {pct(share, lang)}, допускается не более {pct(limit, lang)}.",
            }[lang]
        )

    out.append(
        finding(
            "colour.palette_coverage",
            "info",
            each_lang(coverage),
            in_palette=round(in_palette, 4),
            off_palette_share=round(share, 4),
            max_off_palette=limit,
            neutral_share=round(neutral_share, 4),
            colours={palette.colours[i]["slug"]: round(s, 4) for i, s in by_colour},
            dominant=dominant_colour(by_colour, share, palette) if significant else "",
            blend_share=round(float(analysis.blend_pixels) / analysis.total, 4),
            photo_share=round(float(analysis.photo_share), 4),
            off_palette_colours=len(analysis.off),
            analysed_pixels=analysis.total,
            subsample_step=analysis.step,
            **where,
        )
    )

    if analysis.photo_share >= PHOTO_REPORT_SHARE:
        photo = analysis.photo_share
        out.append(
            finding(
                "colour.photo_area",
                "info",
                each_lang(
                    lambda lang: (
                        pre(lang)
                        + {
                            "et": f"Umbes {pct(photo, lang, 0)} pildist on foto, üleminek või peen "
                            "tekstuur (palju eri värve, ükski ei kata ühtlase pinnana üle 0,5%): "
                            "seda osa paletiga ei võrreldud.",
                            "en": f"About {pct(photo, lang, 0)} of the image is photographic, a "
                            "gradient or fine texture (many distinct colours, none an area of one "
                            "colour over 0.5%): that part was not checked against the palette.",
                            "ru": f"Около {pct(photo, lang, 0)} изображения — фотография, градиент "
                            "или мелкая текстура (много разных цветов, ни один не образует "
                            "однотонной области больше 0,5 %): эта часть не сравнивалась с "
                            "палитрой.",
                        }[lang]
                    )
                ),
                share=round(photo, 4),
                **where,
            )
        )
    return out


# --- SVG --------------------------------------------------------------------------------------


def svg_findings(svg: SvgDocument, palette: Palette) -> list[Finding]:
    colours = [c for c in svg.colours if c.alpha > 0]
    if not colours:
        return []
    # group identical colours as written, so a colour used 300 times is one finding
    groups: dict[tuple[str, tuple[int, int, int]], list] = {}
    for colour in colours:
        key = (colour.source.strip().lower(), tuple(int(v) for v in colour.rgb))
        groups.setdefault(key, []).append(colour)
    keys = list(groups)
    rgb = np.array([k[1] for k in keys], dtype=np.uint8).reshape(-1, 3)
    lab = srgb8_to_lab(rgb)
    p_index, p_de = palette.nearest(lab)
    neutral = palette.is_neutral(lab)
    tol = palette.tolerance
    out: list[Finding] = []
    off_count = 0
    for n, key in enumerate(keys):
        if p_de[n] <= tol or neutral[n]:
            continue
        off_count += 1
        uses = groups[key]
        source = uses[0].source.strip()
        hex_code = to_hex(rgb[n])
        places = [f"{u.where}: {u.element_path}" for u in uses]
        near = palette.colours[int(p_index[n])] if palette.colours else None

        def message(
            lang: str, source=source, hex_code=hex_code, places=places, n=n, near=near
        ) -> str:
            written = source if source.upper() == hex_code else f"{source} ({hex_code})"
            where = listing(places, lang)
            t = num(tol, lang, 1)
            if near is None:
                tail = {"et": "", "en": "", "ru": ""}[lang]
            else:
                brand = palette.describe(int(p_index[n]), lang)
                de = _de(float(p_de[n]), lang)
                tail = {
                    "et": f" Lähim brändivärv on {brand}, ΔE00 = {de} (lubatud ≤ {t}).",
                    "en": f" The nearest brand colour is {brand}, ΔE00 = {de} (allowed ≤ {t}).",
                    "ru": f" Ближайший фирменный цвет — {brand}, ΔE00 = {de} (допустимо ≤ {t}).",
                }[lang]
            return {
                "et": f"Värv {written} ei ole brändipaletis ({where}).",
                "en": f"Colour {written} is not in the brand palette ({where}).",
                "ru": f"Цвет {written} не входит в фирменную палитру ({where}).",
            }[lang] + tail

        out.append(
            finding(
                "colour.off_palette",
                "error",
                each_lang(message),
                colour=source,
                hex=hex_code,
                rgb=[int(v) for v in rgb[n]],
                uses=len(uses),
                elements=[{"where": u.where, "element": u.element_path} for u in uses[:20]],
                nearest=(
                    {"slug": near["slug"], "hex": near["hex"].upper()} if near is not None else None
                ),
                delta_e2000=round(float(p_de[n]), 2) if near is not None else None,
                tolerance_de2000=tol,
            )
        )
    total = len(keys)
    ok = total - off_count
    out.append(
        finding(
            "colour.palette_coverage",
            "info",
            each_lang(
                lambda lang: {
                    "et": f"SVG-s on {total} eri värvi, neist {ok} on brändipaletis või "
                    "neutraalsed.",
                    "en": f"The SVG declares {total} distinct colours; {ok} of them are brand "
                    "colours or neutrals.",
                    "ru": f"В SVG объявлено различных цветов: {total}; из них в фирменной "
                    f"палитре или нейтральных: {ok}.",
                }[lang]
            ),
            declared_colours=total,
            in_palette=ok,
            off_palette=off_count,
        )
    )
    return out


def _place_declared(decoded: Decoded, findings: list[Finding], palette: Palette) -> None:
    """Give the SVG's declared off-palette colours a place and advice from the rendered image:
    the off-palette colour seen in the pixels that matches the declared one lends its boxes,
    role and suggested brand colour. A colour that is not visible keeps no boxes."""
    declared = [f for f in findings if f.code == "colour.off_palette"]
    if not declared:
        return
    try:
        from brandkit.checks.rasterise import rasterise
    except ImportError:
        return
    seen = rasterise(decoded)
    if seen is None:
        return
    analysis = analyse_raster(seen, palette)
    if not analysis.off:
        return
    candidates = []  # (lab, index into analysis.off)
    for n, off in enumerate(analysis.off):
        for hex_code, _share in off.colours or [(to_hex(off.rgb), off.share)]:
            candidates.append((_hex_rgb(hex_code), n))
    labs = srgb8_to_lab(np.array([c[0] for c in candidates], dtype=np.uint8))
    for item in declared:
        lab = srgb8_to_lab(np.array(item.details["rgb"], dtype=np.uint8))
        distances = delta_e_2000(labs, lab)
        best = int(np.argmin(distances))
        if float(distances[best]) > 2 * palette.tolerance:
            continue
        off = analysis.off[candidates[best][1]]
        item.details["boxes"] = off.boxes
        if off.suggested is not None:
            pick = palette.colours[off.suggested.index]
            item.details["suggested"] = {
                "slug": pick["slug"],
                "hex": pick["hex"].upper(),
                "role": off.role,
                "role_match": off.suggested.role_match,
            }
            for lang in list(item.messages):
                if lang in ROLE_WORDS["text"]:
                    item.messages[lang] += " " + _advice(off, palette, lang)


def _vector_findings(vector: list, palette: Palette) -> list[Finding]:
    unique = sorted({tuple(int(v) for v in c) for c in vector})
    if not unique:
        return []
    rgb = np.array(unique, dtype=np.uint8).reshape(-1, 3)
    lab = srgb8_to_lab(rgb)
    p_index, p_de = palette.nearest(lab)
    neutral = palette.is_neutral(lab)
    off = [
        (to_hex(rgb[i]), int(p_index[i]), float(p_de[i]))
        for i in range(len(unique))
        if not (p_de[i] <= palette.tolerance or neutral[i])
    ]
    off_hex = [h for h, _, _ in off]

    def message(lang: str) -> str:
        if not off:
            return {
                "et": f"PDF-i vektorvärvid ({len(unique)}) on kõik brändipaletis või neutraalsed.",
                "en": f"The PDF's vector colours ({len(unique)}) are all brand colours or "
                "neutrals.",
                "ru": f"Все векторные цвета PDF ({len(unique)}) — фирменные или нейтральные.",
            }[lang]
        listed = listing(off_hex, lang, limit=8)
        return {
            "et": f"PDF-i sisus on {len(off)} paletivälist vektorvärvi: {listed}. Otsuse teeb "
            "renderdatud lehtede kontroll.",
            "en": f"The PDF's content uses {len(off)} off-palette vector colours: {listed}. The "
            "rendered pages decide the verdict.",
            "ru": f"В содержимом PDF цветов вне палитры: {len(off)} ({listed}). Решение "
            "принимается по отрисованным страницам.",
        }[lang]

    return [
        finding(
            "colour.vector_colours",
            "info",
            each_lang(message),
            colours=len(unique),
            off_palette=[
                {
                    "hex": h,
                    "nearest": palette.colours[i]["slug"] if palette.colours else None,
                    "delta_e2000": round(de, 2),
                }
                for h, i, de in off[:20]
            ],
        )
    ]


# --- entry point ------------------------------------------------------------------------------


def check(decoded: Decoded, brandbook: dict, preset: dict | None) -> list[Finding]:
    palette = Palette.from_brandbook(brandbook)
    if not palette.colours:  # the schema requires at least one colour
        return []
    if decoded.svg is not None:
        out = svg_findings(decoded.svg, palette)
        _place_declared(decoded, out, palette)
        return out
    if decoded.raster is not None:
        return raster_findings(analyse_raster(decoded.raster, palette), palette)
    if decoded.pdf is not None:
        out: list[Finding] = []
        pages = decoded.pdf.pages
        for number, page in enumerate(pages, start=1):
            label = number if decoded.pdf.page_count > 1 else None
            out += raster_findings(analyse_raster(page, palette), palette, page=label)
        out += _vector_findings(decoded.pdf.vector_colours, palette)
        return out
    return []
