"""Strict checking of an order that comes from outside the app (``manage.py renderdocument``).

`check_order` in context.py only checks what the templates need. An ORDER.json file written by
hand or by another system can hold anything, so `validate_order` checks every field against the
contract in README.md (type, allowed values, ranges, dates) and returns a normalised copy: the
documents then never see a value they cannot print. Every problem is reported with the field's
path ("deliverables[2].quantity: …"), all of them at once, in one `OrderDataError`.

Pure code: thresholds and brandbook come in as plain data.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from procurement.documents import formatting as fmt
from procurement.documents.context import DEFAULT_TERMS, ROUTES, OrderDataError
from procurement.documents.organisation import default_organisation

LANGS = ("et", "en", "ru")
FORMATS = ("png", "jpeg", "webp", "svg", "pdf")
UNITS = ("px", "mm")
# The kinds the order form offers (procurement.models.DeliverableKind) and older spellings
# that orders already carry.
KINDS = (
    "banner",
    "social_post",
    "infographic",
    "illustration",
    "icon",
    "print",
    "other",
    "social-post",
    "poster",
    "leaflet",
)
PARTIES = ("authority", "contractor")
CPV_RE = re.compile(r"^\d{8}-\d$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_TEXT = 10_000
MAX_SHORT = 300
MAX_VALUE = Decimal("1000000000")  # EUR; anything above is a typing error
MAX_SIZE = Decimal("100000")  # px or mm

TOP_LEVEL = {
    "number",
    "revision",
    "title",
    "purpose",
    "background",
    "audience",
    "messages",
    "deliverables",
    "reference_assets",
    "deadline",
    "milestones",
    "estimated_value_eur",
    "procurement_route",
    "cpv",
    "accessibility_needs",
    "contact",
    "owner",
    "organisation",
    "created",
    # optional (issue 11)
    "translation_by_contractor",
    "register",
    "brief",
    "procurement",
    "invited_firms",
    "terms",
}
REQUIRED = (
    "number",
    "title",
    "purpose",
    "audience",
    "messages",
    "deliverables",
    "deadline",
    "estimated_value_eur",
    "contact",
)


class _Checker:
    def __init__(self):
        self.errors: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.errors.append(f"{path}: {message}")

    # -- scalars --------------------------------------------------------------------------------
    def text(self, value, path, *, required=False, limit=MAX_TEXT) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(path, f"must be text, not {type(value).__name__}")
            return ""
        value = value.strip()
        if required and not value:
            self.fail(path, "must not be empty")
        if len(value) > limit:
            self.fail(path, f"is longer than {limit} characters")
        return value

    def per_language(self, value, path, *, required_et=False, limit=MAX_TEXT) -> dict:
        """Text typed per language: {"et": …, "en": …, "ru": …}. A plain string is Estonian."""
        if value is None:
            value = {}
        if isinstance(value, str):
            value = {"et": value}
        if not isinstance(value, dict):
            self.fail(path, "must be text or an object by language (et, en, ru)")
            return {}
        out = {}
        for key, text in value.items():
            if key not in LANGS:
                self.fail(f"{path}.{key}", f"unknown language; expected one of {', '.join(LANGS)}")
                continue
            out[key] = self.text(text, f"{path}.{key}", limit=limit)
        if required_et and not out.get("et"):
            self.fail(f"{path}.et", "the Estonian text is required")
        return {key: text for key, text in out.items() if text}

    def integer(self, value, path, *, low=None, high=None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value.strip())
            else:
                self.fail(path, f"must be a whole number, not {value!r}"[:200])
                return low or 0
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(path, f"must be between {low} and {high}, not {value}")
        return value

    def decimal(self, value, path, *, low=Decimal(0), high=MAX_VALUE, allow_none=False):
        if value is None and allow_none:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(path, f"must be a number or a decimal string, not {value!r}"[:200])
            return None
        try:
            number = fmt.to_decimal(value)
        except ValueError:
            self.fail(path, f"is not a number: {value!r}"[:200])
            return None
        if number < low or number > high:
            self.fail(path, f"must be between {low} and {high}, not {number}")
            return None
        return number

    def date(self, value, path, *, required=True) -> str | None:
        if value in (None, "") and not required:
            return None
        if not isinstance(value, str):
            self.fail(path, "must be a date as text, YYYY-MM-DD")
            return None
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            self.fail(path, f"is not a date YYYY-MM-DD: {value!r}"[:200])
            return None
        if not 2000 <= day.year <= 2100:
            self.fail(path, f"year {day.year} is out of range 2000–2100")
        return day.isoformat()

    def datetime(self, value, path) -> str | None:
        """A deadline with a time ("2026-12-10T12:00") or a date."""
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            self.fail(path, "must be text: YYYY-MM-DDTHH:MM or YYYY-MM-DD")
            return None
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            self.fail(path, f"is not a date and time YYYY-MM-DDTHH:MM: {value!r}"[:200])
            return None
        if moment.tzinfo is not None:
            moment = moment.replace(tzinfo=None)
        return moment.isoformat(timespec="minutes")

    def boolean(self, value, path) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(path, "must be true or false")
            return False
        return value

    def choice(self, value, path, choices, *, allow_none=False):
        if value is None and allow_none:
            return None
        if value not in choices:
            self.fail(path, f"{value!r} is not one of {', '.join(choices)}"[:300])
            return None
        return value

    def obj(self, value, path, keys: set[str], *, required=False) -> dict:
        if value is None:
            if required:
                self.fail(path, "is required")
            return {}
        if not isinstance(value, dict):
            self.fail(path, "must be an object")
            return {}
        for key in value:
            if key not in keys:
                self.fail(f"{path}.{key}", f"unknown field; expected {', '.join(sorted(keys))}")
        return value

    def items(self, value, path, *, limit=100) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(path, "must be a list")
            return []
        if len(value) > limit:
            self.fail(path, f"has more than {limit} items")
            return value[:limit]
        return value


def _deliverable(c: _Checker, item, path: str, presets: dict) -> dict:
    keys = {
        "kind",
        "preset",
        "width",
        "height",
        "unit",
        "formats",
        "languages",
        "quantity",
        "notes",
    }
    item = c.obj(item, path, keys, required=True)
    if not item:
        return {}
    kind = c.choice(item.get("kind"), f"{path}.kind", KINDS)
    slug = item.get("preset")
    preset = None
    if slug not in (None, ""):
        if not isinstance(slug, str) or slug not in presets:
            known = ", ".join(sorted(presets)) or "none"
            c.fail(f"{path}.preset", f"{slug!r} is not a preset of the brandbook ({known})"[:400])
        else:
            preset = presets[slug]
    sizes = {}
    for key in ("width", "height"):
        raw = item.get(key)
        if raw is None:
            if preset is None:
                c.fail(f"{path}.{key}", "is required when no preset is given")
            continue
        number = c.decimal(raw, f"{path}.{key}", low=Decimal("0.01"), high=MAX_SIZE)
        if number is not None:
            sizes[key] = int(number) if number == number.to_integral_value() else float(number)
    unit = item.get("unit") or (preset or {}).get("unit", "px")
    unit = c.choice(unit, f"{path}.unit", UNITS) or "px"
    formats = c.items(item.get("formats"), f"{path}.formats", limit=len(FORMATS))
    formats = [str(f).lower() if isinstance(f, str) else f for f in formats]
    for index, code in enumerate(formats):
        c.choice(code, f"{path}.formats[{index}]", FORMATS)
    if not formats and preset is None:
        c.fail(f"{path}.formats", "give at least one file format (or a preset)")
    languages = c.items(item.get("languages"), f"{path}.languages", limit=3)
    for index, code in enumerate(languages):
        c.choice(code, f"{path}.languages[{index}]", LANGS)
    if not languages:
        c.fail(f"{path}.languages", "give at least one language (et, en, ru)")
    if len(set(map(str, languages))) != len(languages):
        c.fail(f"{path}.languages", "a language is listed twice")
    quantity = c.integer(item.get("quantity", 1), f"{path}.quantity", low=1, high=1000)
    return {
        "kind": kind or "other",
        "preset": slug if preset is not None else None,
        "width": sizes.get("width", (preset or {}).get("width")),
        "height": sizes.get("height", (preset or {}).get("height")),
        "unit": unit,
        "formats": list(dict.fromkeys(formats)) or list((preset or {}).get("formats", [])),
        "languages": list(dict.fromkeys(languages)),
        "quantity": quantity,
        "notes": c.per_language(item.get("notes"), f"{path}.notes", limit=2000),
    }


def _route(c: _Checker, value, path: str) -> dict | None:
    if value is None:
        return None
    route = c.obj(value, path, {"slug", "name", "threshold_eur", "legal_source", "applies_from"})
    if not route:
        return None
    slug = c.choice(route.get("slug"), f"{path}.slug", ROUTES)
    threshold = c.decimal(route.get("threshold_eur"), f"{path}.threshold_eur", allow_none=True)
    return {
        "slug": slug or ROUTES[0],
        "name": c.per_language(route.get("name"), f"{path}.name", limit=MAX_SHORT),
        "threshold_eur": None if threshold is None else f"{threshold:.2f}",
        "legal_source": c.per_language(route.get("legal_source"), f"{path}.legal_source"),
        "applies_from": c.date(route.get("applies_from"), f"{path}.applies_from", required=False),
    }


def _person(c: _Checker, value, path: str, keys: set[str], *, email_required=False) -> dict:
    data = c.obj(value, path, keys, required=email_required)
    out = {key: c.text(data.get(key), f"{path}.{key}", limit=MAX_SHORT) for key in sorted(keys)}
    if "email" in keys:
        if email_required and not out["email"]:
            c.fail(f"{path}.email", "must not be empty")
        elif out["email"] and not EMAIL_RE.match(out["email"]):
            c.fail(f"{path}.email", f"is not an e-mail address: {out['email']!r}"[:200])
    return out


def validate_order(data, brandbook: dict) -> dict:
    """A normalised copy of `data`, or `OrderDataError` listing every problem.

    ``procurement_route`` may be absent (None in the result): the caller computes it from
    ``estimated_value_eur`` and the thresholds it has."""
    c = _Checker()
    if not isinstance(data, dict):
        raise OrderDataError("the order must be a JSON object")
    for key in data:
        if key not in TOP_LEVEL:
            c.fail(key, "unknown field (see the ORDER.json shape in README.md)")
    for key in REQUIRED:
        if key not in data:
            c.fail(key, "is required")
    presets = {p["slug"]: p for p in brandbook.get("presets", [])}
    today = dt.date.today().isoformat()

    deliverables = c.items(data.get("deliverables"), "deliverables")
    if "deliverables" in data and not deliverables:
        c.fail("deliverables", "needs at least one deliverable")
    order = {
        "number": c.text(data.get("number"), "number", required=True, limit=60),
        "revision": c.integer(data.get("revision", 1), "revision", low=1, high=100000),
        "title": c.per_language(data.get("title"), "title", required_et=True, limit=MAX_SHORT),
        "purpose": c.per_language(data.get("purpose"), "purpose", required_et=True),
        "background": c.per_language(data.get("background"), "background"),
        "audience": c.per_language(data.get("audience"), "audience", required_et=True),
        "messages": c.per_language(data.get("messages"), "messages", required_et=True, limit=2000),
        "deliverables": [
            _deliverable(c, item, f"deliverables[{i}]", presets)
            for i, item in enumerate(deliverables)
        ],
        "reference_assets": [],
        "deadline": c.date(data.get("deadline"), "deadline"),
        "milestones": [],
        "estimated_value_eur": None,
        "procurement_route": _route(c, data.get("procurement_route"), "procurement_route"),
        "cpv": [],
        "accessibility_needs": c.text(data.get("accessibility_needs"), "accessibility_needs"),
        "contact": _person(
            c, data.get("contact"), "contact", {"name", "email", "phone"}, email_required=True
        ),
        "owner": _person(c, data.get("owner"), "owner", {"name", "unit"}),
        "organisation": {},
        "created": c.date(data.get("created") or today, "created"),
        "translation_by_contractor": c.boolean(
            data.get("translation_by_contractor"), "translation_by_contractor"
        ),
    }
    if "contact" in data and not order["contact"]["name"]:
        c.fail("contact.name", "must not be empty")
    if not order["owner"]["name"]:
        order["owner"]["name"] = order["contact"]["name"]
    value = c.decimal(data.get("estimated_value_eur"), "estimated_value_eur")
    order["estimated_value_eur"] = f"{value:.2f}" if value is not None else "0.00"

    for i, asset in enumerate(c.items(data.get("reference_assets"), "reference_assets")):
        asset = c.obj(asset, f"reference_assets[{i}]", {"title", "url"}, required=True)
        order["reference_assets"].append(
            {
                "title": c.text(asset.get("title"), f"reference_assets[{i}].title", limit=300),
                "url": c.text(asset.get("url"), f"reference_assets[{i}].url", limit=2000) or None,
            }
        )
    for i, step in enumerate(c.items(data.get("milestones"), "milestones")):
        step = c.obj(step, f"milestones[{i}]", {"date", "what"}, required=True)
        order["milestones"].append(
            {
                "date": c.date(step.get("date"), f"milestones[{i}].date"),
                "what": c.per_language(step.get("what"), f"milestones[{i}].what", limit=300),
            }
        )
    for i, code in enumerate(c.items(data.get("cpv"), "cpv", limit=20)):
        code = c.obj(code, f"cpv[{i}]", {"code", "name"}, required=True)
        text = c.text(code.get("code"), f"cpv[{i}].code", required=True, limit=20)
        if text and not CPV_RE.match(text):
            c.fail(f"cpv[{i}].code", f"is not a CPV code like 79822500-7: {text!r}"[:200])
        order["cpv"].append(
            {"code": text, "name": c.per_language(code.get("name"), f"cpv[{i}].name", limit=300)}
        )
    organisation = c.obj(
        data.get("organisation"), "organisation", {"name", "address", "registry_code"}
    )
    defaults = default_organisation()
    order["organisation"] = {
        key: c.text(organisation.get(key), f"organisation.{key}", limit=MAX_SHORT) or defaults[key]
        for key in ("name", "address", "registry_code")
    }

    register = c.obj(
        data.get("register"), "register", {"reference_number", "offer_deadline", "lots_reason"}
    )
    order["register"] = {
        "reference_number": c.text(
            register.get("reference_number"), "register.reference_number", limit=40
        ),
        "offer_deadline": c.datetime(register.get("offer_deadline"), "register.offer_deadline"),
        "lots_reason": c.per_language(
            register.get("lots_reason"), "register.lots_reason", limit=2000
        ),
    }
    brief = c.obj(
        data.get("brief"),
        "brief",
        {
            "tone_of_voice",
            "call_to_action",
            "logo_use",
            "translation_by",
            "proofreading_by",
            "delivery_format",
        },
    )
    logo_use = []
    logos = {logo["slug"]: logo for logo in brandbook.get("logos", [])}
    for i, use in enumerate(c.items(brief.get("logo_use"), "brief.logo_use", limit=30)):
        path = f"brief.logo_use[{i}]"
        use = c.obj(use, path, {"channel", "logo", "variant"}, required=True)
        logo = c.choice(use.get("logo"), f"{path}.logo", tuple(logos) or ("-",))
        variant = use.get("variant")
        if logo and variant is not None:
            c.choice(variant, f"{path}.variant", tuple(v["slug"] for v in logos[logo]["variants"]))
        logo_use.append(
            {
                "channel": c.per_language(use.get("channel"), f"{path}.channel", limit=200),
                "logo": logo,
                "variant": variant,
            }
        )
    order["brief"] = {
        "tone_of_voice": c.per_language(
            brief.get("tone_of_voice"), "brief.tone_of_voice", limit=2000
        ),
        "call_to_action": c.per_language(
            brief.get("call_to_action"), "brief.call_to_action", limit=500
        ),
        "logo_use": logo_use,
        "translation_by": c.choice(
            brief.get("translation_by", "authority"), "brief.translation_by", PARTIES
        ),
        "proofreading_by": c.choice(
            brief.get("proofreading_by", "authority"), "brief.proofreading_by", PARTIES
        ),
        "delivery_format": c.per_language(
            brief.get("delivery_format"), "brief.delivery_format", limit=2000
        ),
    }
    proc = c.obj(data.get("procurement"), "procurement", {"rules_reference", "plan_entry"})
    order["procurement"] = {
        "rules_reference": c.text(proc.get("rules_reference"), "procurement.rules_reference"),
        "plan_entry": c.text(proc.get("plan_entry"), "procurement.plan_entry", limit=MAX_SHORT),
    }
    firms = []
    for i, firm in enumerate(c.items(data.get("invited_firms"), "invited_firms", limit=50)):
        firms.append(_person(c, firm, f"invited_firms[{i}]", {"name", "email", "registry_code"}))
        if not firms[-1]["name"]:
            c.fail(f"invited_firms[{i}].name", "must not be empty")
    if firms and len(firms) < 3:
        c.fail("invited_firms", "a request for offers goes to at least three firms")
    order["invited_firms"] = firms
    terms = c.obj(data.get("terms"), "terms", set(DEFAULT_TERMS))
    order["terms"] = {}
    for key, raw in terms.items():
        if key not in DEFAULT_TERMS:
            continue
        if isinstance(DEFAULT_TERMS[key], int):
            order["terms"][key] = c.integer(raw, f"terms.{key}", low=0, high=3650)
        else:
            number = c.decimal(raw, f"terms.{key}", high=Decimal(1000))
            order["terms"][key] = str(number) if number is not None else DEFAULT_TERMS[key]

    if order["deadline"] and order["created"] and order["deadline"] < order["created"]:
        c.fail("deadline", "is before the order was created")
    if c.errors:
        raise OrderDataError("invalid order:\n  " + "\n  ".join(c.errors))
    return order
