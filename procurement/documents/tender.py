"""The tender document set for design services, each its own PDF, and their ZIP.

From the simple procurement threshold up (simple, national, international routes):
1. technical specification (tehniline kirjeldus)
2. qualification and evaluation criteria (price/quality weighting)
3. offer form (pakkumuse vorm)
4. special contract terms

For a low-value purchase (below the simple procurement threshold, RHS § 3 and the authority's
procurement rules) the set is a request for offers (pakkumuskutse) to at least three firms
with the same specification, offer form and contract terms: 1. request for offers,
2. technical specification, 3. offer form, 4. contract terms.

Estonian and English. Weights and working terms are data (`DEFAULT_EVALUATION`,
`context.DEFAULT_TERMS`), which procurement staff can override per purchase; the thresholds
of the procurement route come with the order (``order["procurement_route"]``).
"""

from __future__ import annotations

import re
from pathlib import Path

from procurement.documents.archive import zip_set
from procurement.documents.context import build_context, pick
from procurement.documents.environment import environment
from procurement.documents.formatting import percent
from procurement.documents.labels import label
from procurement.documents.languages import require
from procurement.documents.render import render_pdf

__all__ = [
    "ALL_DOCUMENTS",
    "DEFAULT_EVALUATION",
    "DOCUMENTS",
    "build_tender_set",
    "documents_for",
    "render_tender_set",
    "zip_set",
]

# (key, template, title label, file name part per language)
DOCUMENTS = (
    (
        "specification",
        "tender_specification.html.j2",
        "doc.spec",
        {"et": "tehniline-kirjeldus", "en": "technical-specification"},
    ),
    (
        "criteria",
        "tender_criteria.html.j2",
        "doc.criteria",
        {"et": "kvalifitseerimine-ja-hindamine", "en": "qualification-and-evaluation"},
    ),
    (
        "offer_form",
        "tender_offer_form.html.j2",
        "doc.offer",
        {"et": "pakkumuse-vorm", "en": "offer-form"},
    ),
    (
        "contract_terms",
        "tender_contract_terms.html.j2",
        "doc.contract",
        {"et": "lepingu-tingimused", "en": "contract-terms"},
    ),
)

INVITATION = (
    "invitation",
    "tender_invitation.html.j2",
    "doc.invitation",
    {"et": "pakkumuskutse", "en": "request-for-offers"},
)
# Every document a set can hold (the web app maps file names to document kinds with it).
ALL_DOCUMENTS = (INVITATION, *DOCUMENTS)


def documents_for(route_slug: str) -> tuple:
    """The documents of the set for a procurement route, in order."""
    if route_slug == "low_value":
        by_key = {doc[0]: doc for doc in DOCUMENTS}
        return (INVITATION, by_key["specification"], by_key["offer_form"], by_key["contract_terms"])
    return DOCUMENTS


DEFAULT_EVALUATION = {
    "price_weight": 60,
    "quality_weight": 40,
    "quality": [
        {"key": "concept", "weight": 20},
        {"key": "compliance", "weight": 10},
        {"key": "designer", "weight": 10},
    ],
    "scale": [0, 25, 50, 75, 100],  # % of a quality criterion's points
}


def _evaluation(evaluation: dict | None, lang: str) -> dict:
    data = {**DEFAULT_EVALUATION, **(evaluation or {})}
    price, quality = int(data["price_weight"]), int(data["quality_weight"])
    items = []
    for item in data["quality"]:
        if "key" in item:
            name = label(lang, f"quality.{item['key']}")
            description = label(lang, f"quality.{item['key']}_desc")
        else:
            name, description = pick(item["name"], lang), pick(item.get("description", ""), lang)
        items.append({"name": name, "description": description, "weight": int(item["weight"])})
    if sum(item["weight"] for item in items) != quality:
        raise ValueError("the quality sub-criteria weights must add up to quality_weight")
    if price + quality != 100:
        raise ValueError("price_weight + quality_weight must be 100")
    return {
        "price_weight": price,
        "quality_weight": quality,
        "quality": items,
        "total": price + quality,
        "scale": ", ".join(percent(step / 100, lang) for step in data["scale"]),
    }


def _file_stem(order: dict, lang: str) -> str:
    number = re.sub(r"[^A-Za-z0-9._-]+", "-", str(order["number"])).strip("-.") or "order"
    return f"{number}_v{int(order['revision'])}_{lang}"


def build_tender_set(
    order: dict,
    brandbook: dict,
    lang: str,
    *,
    evaluation: dict | None = None,
    terms: dict | None = None,
    logo_dir: str | Path | None = None,
) -> dict[str, str]:
    """{PDF file name: HTML} for the documents of the order's route, in document order."""
    require("tender", lang)
    env = environment()
    stem = _file_stem(order, lang)
    evaluation_data = _evaluation(evaluation, lang)
    out: dict[str, str] = {}
    route_slug = (order.get("procurement_route") or {}).get("slug", "")
    for index, (_key, template, title_key, names) in enumerate(documents_for(route_slug), start=1):
        context = build_context(
            order,
            brandbook,
            lang,
            doc_title=label(lang, title_key),
            terms=terms,
            logo_dir=logo_dir,
        )
        context["evaluation"] = evaluation_data
        out[f"{stem}_{index}_{names[lang]}.pdf"] = env.get_template(template).render(context)
    return out


def render_tender_set(
    order: dict,
    brandbook: dict,
    lang: str,
    *,
    evaluation: dict | None = None,
    terms: dict | None = None,
    logo_dir: str | Path | None = None,
) -> dict[str, bytes]:
    """{file name: PDF/A-3b bytes} for the four tender documents. ZIP them with `zip_set`."""
    htmls = build_tender_set(
        order, brandbook, lang, evaluation=evaluation, terms=terms, logo_dir=logo_dir
    )
    return {
        name: render_pdf(html, base_dir_for_assets=logo_dir, lang=lang)
        for name, html in htmls.items()
    }


def tender_zip(order: dict, brandbook: dict, lang: str, **options) -> tuple[str, bytes]:
    """(ZIP file name, ZIP bytes) of the rendered tender set."""
    files = render_tender_set(order, brandbook, lang, **options)
    return f"{_file_stem(order, lang)}_tender.zip", zip_set(files)
