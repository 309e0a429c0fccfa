"""Response and query shapes of API v1; django-ninja turns them into the OpenAPI document."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from brandkit.library.models import LANGS, AssetKind
from brandkit.plain_text import SINGLE_LINE_PATTERN

Kind = Literal[tuple(AssetKind.values)]  # type: ignore[valid-type]
Language = Literal[LANGS]  # type: ignore[valid-type]

MAX_LIMIT = 200


class Error(Schema):
    detail: str


class LocalisedText(Schema):
    et: str
    en: str
    ru: str


class Topic(Schema):
    slug: str
    names: LocalisedText


class Rights(Schema):
    licence: str
    rights_holder: str
    usable_until: date | None


class Version(Schema):
    number: int
    format: str
    width: int | None
    height: int | None
    sha256: str
    size_bytes: int
    approved_at: datetime | None
    self_approved: bool = Field(
        description="Approved by the web manager who uploaded it or owns the asset "
        "(allowed only when no other web manager could decide, with a written reason)."
    )
    self_approval_reason: str | None = Field(
        description="The approver's written reason when self_approved, else null."
    )
    approved_over_failing_checks: bool = Field(
        description="The web manager approved it although the brand checks found errors "
        "(with a written reason, see override_reason)."
    )
    override_reason: str | None = Field(
        description="The written reason for approving over failing checks, else null."
    )
    url: str = Field(description="Absolute URL of the original file (needs the token).")


class Rendition(Schema):
    name: str
    format: str
    width: int | None
    height: int | None
    size_bytes: int | None
    status: Literal["pending", "ready", "failed"]
    url: str | None = Field(
        description="Absolute URL of the file (needs the token); null until status is ready."
    )


class Asset(Schema):
    id: uuid.UUID = Field(description="The asset's public id.")
    url: str = Field(description="Absolute URL of this asset in the API.")
    titles: LocalisedText
    descriptions: LocalisedText
    alt_texts: LocalisedText
    long_descriptions: LocalisedText = Field(
        description="Long text alternatives (required for infographics)."
    )
    kind: Kind
    topic: Topic | None
    languages: list[Language] = Field(description="Languages of the text in the visual.")
    preset: str | None = Field(description="Slug of the channel preset.")
    campaign: str | None
    tags: list[str]
    rights: Rights
    current_version: Version
    renditions: list[Rendition]
    updated_at: datetime


class AssetList(Schema):
    count: int = Field(description="Number of assets matching the filters, over all pages.")
    limit: int
    offset: int
    items: list[Asset]


class AssetFilters(Schema):
    q: str | None = Field(
        None,
        max_length=200,
        pattern=SINGLE_LINE_PATTERN,
        description="Words to find in titles, descriptions, alt texts and tags (any language); "
        "every word must occur, also as part of a longer word; `or` between words gives "
        "alternatives and a leading `-` excludes a word.",
    )
    kind: Kind | None = None
    topic: str | None = Field(
        None, pattern=SINGLE_LINE_PATTERN, max_length=50, description="Topic area slug."
    )
    language: Language | None = Field(None, description="Language of the text in the visual.")
    preset: str | None = Field(
        None, pattern=SINGLE_LINE_PATTERN, max_length=50, description="Channel preset slug."
    )
    campaign: str | None = Field(
        None, pattern=SINGLE_LINE_PATTERN, max_length=200, description="Campaign name (exact)."
    )
    updated_since: datetime | None = Field(
        None,
        description="Only assets changed at or after this ISO 8601 time; without an offset "
        "it is read as UTC.",
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class Finding(Schema):
    code: str = Field(description="Stable dotted code, e.g. colour.off_palette.")
    severity: Literal["error", "warning", "info"]
    message: str = Field(description="What was found, in the language asked for.")
    details: dict = Field(description="The numbers behind the message.")


class CheckReport(Schema):
    file: str
    verdict: Literal["pass", "fail", "rejected"] = Field(
        description="rejected: unsafe, unreadable or unsupported; fail: an error finding."
    )
    format: str | None
    width: int | None
    height: int | None
    findings: list[Finding]


class BannerTemplate(Schema):
    slug: str
    name: dict[str, str]
    description: dict[str, str] = {}
    text_slots: list[str]
    required_slots: list[str]
    image_slot: bool


class BannerRequest(Schema):
    preset: str = Field(max_length=50)
    lang: Language = "et"
    texts: dict[str, str] = Field(description='Text per slot, e.g. {"headline": "…"}')
    format: Literal["png", "jpeg", "webp", "pdf"] = "png"
    colours: int = Field(0, ge=0, le=20, description="Colour pair of the template (0 = first)")
    image_base64: str | None = Field(
        None,
        max_length=7_000_000,
        description=(
            "A photo for the template's image slot (PNG, JPEG or WebP, base64; the JSON body "
            "may be at most 5 MiB)"
        ),
    )
    focal: tuple[float, float] = Field(
        (0.5, 0.5), description="The photo's focal point as shares of its width and height"
    )
