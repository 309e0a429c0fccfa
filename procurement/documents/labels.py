"""Document wording: the English source texts, translated through the gettext catalogues.

The texts of the briefs and tender documents live in the same catalogues as the interface
(locale/{et,en,ru}/LC_MESSAGES/django.po) with the message context ``document``: msgid the
English text below, msgstr the Estonian or Russian one — one toolchain (msgfmt, any PO
editor) and one glossary (docs/glossary.md). Templates and context.py name a text by its key
("brief.background"); `label` looks the key's English text up in `EN` and translates it with
``pgettext("document", …)`` from the catalogue of the document's language.

The catalogue is read with Python's own gettext from the compiled .mo files, not through
Django's active language: rendering runs in the worker and in ``manage.py renderdocument``, and
a document's language is its argument, never a thread-local. The Jinja environment installs
the same translations for its i18n extension (environment.py).

To add or change a text: edit `EN` here, then add the entry (msgctxt "document") at the end of
the three .po files (scripts/document_labels_to_po.py does that from a labels file that still
has ET/RU dicts) and compile with msgfmt. A text that a document language lacks raises
`MissingLabel` instead of printing English in an Estonian or Russian document. Texts with
``{name}`` fields are filled by `label` with values the caller has already formatted for the
language (python-brace-format). Output is escaped by the Jinja environment: texts are plain
text, no markup.
"""

from __future__ import annotations

import gettext
from functools import cache

from procurement.documents.paths import ROOT

CONTEXT = "document"
LOCALE_DIR = ROOT / "locale"
DOCUMENT_LANGUAGES = {"brief": ("et", "en", "ru"), "tender": ("et", "en")}


def pgettext(context: str, message: str) -> str:
    """A marker, not a translation: `EN` holds the msgids, and ``makemessages`` (xgettext's
    ``pgettext:1c,2`` keyword) finds them through this name, so the catalogue entries are kept
    and updated like every other string. `label` translates at render time."""
    return message


class MissingLabel(KeyError):
    """A template asked for a text that the language does not have."""


EN: dict[str, str] = {
    "footer.version": pgettext("document", "version"),
    "footer.page": pgettext("document", "page"),
    "meta.caption": pgettext("document", "Document details"),
    "meta.number": pgettext("document", "Document number"),
    "meta.version": pgettext("document", "Version (order revision)"),
    "meta.created": pgettext("document", "Prepared"),
    "meta.client": pgettext("document", "Contracting authority"),
    "meta.owner": pgettext("document", "Ordered by"),
    "meta.deadline": pgettext("document", "Deadline"),
    "meta.brandbook": pgettext("document", "Brandbook"),
    "meta.value": pgettext("document", "Estimated value (without VAT)"),
    "meta.route": pgettext("document", "Procurement route"),
    "doc.brief": pgettext("document", "Design brief"),
    "doc.spec": pgettext("document", "Technical specification"),
    "doc.criteria": pgettext("document", "Qualification and evaluation criteria"),
    "doc.offer": pgettext("document", "Offer form"),
    "doc.contract": pgettext("document", "Special contract terms"),
    "common.not_given": pgettext("document", "Not given."),
    "common.confirmed": pgettext("document", "confirmed"),
    "common.to_confirm": pgettext("document", "to be confirmed"),
    "common.language": pgettext("document", "Language"),
    "common.no": pgettext("document", "No."),
    "common.none": pgettext("document", "None."),
    "common.status": pgettext("document", "Status"),
    "brief.background": pgettext("document", "Background"),
    "brief.objective": pgettext("document", "Objective"),
    "brief.audience": pgettext("document", "Target audience"),
    "brief.messages": pgettext("document", "Key messages"),
    "brief.deliverables": pgettext("document", "Deliverables"),
    "brief.references": pgettext("document", "Reference material"),
    "brief.brand": pgettext("document", "Brand rules"),
    "brief.brand_intro": pgettext(
        "document",
        "The rules come from the brandbook {brandbook}: the same data that the authority checks "
        "the delivered files against.",
    ),
    "brief.palette": pgettext("document", "Colours"),
    "brief.typefaces": pgettext("document", "Typefaces"),
    "brief.logos": pgettext("document", "Logos"),
    "brief.presets": pgettext("document", "Presets and sizes"),
    "brief.accessibility": pgettext("document", "Accessibility"),
    "brief.acceptance": pgettext("document", "Acceptance criteria"),
    "brief.files": pgettext("document", "Files and source files to deliver"),
    "brief.rights": pgettext("document", "Copyright and licences"),
    "brief.timeline": pgettext("document", "Timeline"),
    "brief.review_period": pgettext(
        "document",
        "The authority reviews the delivered files within {days} working days; the contractor "
        "corrects any shortcomings and delivers the files again.",
    ),
    "brief.contacts": pgettext("document", "Contacts"),
    "messages.caption": pgettext("document", "Key message by language"),
    "messages.message": pgettext("document", "Message"),
    "deliverables.caption": pgettext("document", "Deliverables"),
    "deliverables.kind": pgettext("document", "Item"),
    "deliverables.size": pgettext("document", "Size"),
    "deliverables.formats": pgettext("document", "Formats"),
    "deliverables.languages": pgettext("document", "Languages"),
    "deliverables.quantity": pgettext("document", "Quantity"),
    "deliverables.files": pgettext("document", "Files"),
    "deliverables.total_files": pgettext("document", "Files in total"),
    "deliverables.quantity_note": pgettext(
        "document",
        "Quantity is the number of different designs; each design is delivered in every language "
        "listed. Files = quantity × number of languages.",
    ),
    "palette.caption": pgettext("document", "Brand colours"),
    "palette.swatch": pgettext("document", "Swatch"),
    "palette.name": pgettext("document", "Name"),
    "palette.roles": pgettext("document", "Use"),
    "palette.tolerance": pgettext(
        "document",
        "Tolerance: CIEDE2000 (ΔE00) up to {tolerance}; off-palette colours up to {share} of the "
        "area.",
    ),
    "palette.neutrals": pgettext(
        "document", "White, black and greys (chroma C*ab below {chroma}) are allowed."
    ),
    "palette.unconfirmed_note": pgettext(
        "document",
        "Values marked “to be confirmed” are approximate conversions; the authority confirms "
        "them before print. Pantone shades refer to a colour system: an equivalent colour system "
        "is also accepted.",
    ),
    "typefaces.caption": pgettext("document", "Brand typefaces"),
    "typefaces.family": pgettext("document", "Typeface"),
    "typefaces.roles": pgettext("document", "Use"),
    "typefaces.weights": pgettext("document", "Weights"),
    "typefaces.fallbacks": pgettext("document", "Fallbacks"),
    "typefaces.licence": pgettext("document", "Licence"),
    "typefaces.min_size": pgettext("document", "Smallest text: {px} px."),
    "logos.usage": pgettext("document", "Use"),
    "logos.clear_space": pgettext(
        "document", "Clear space: {share} of the logo's height on every side."
    ),
    "logos.min_width": pgettext("document", "Minimum width on screen: {px} px."),
    "logos.min_height": pgettext("document", "Minimum height in print: {mm} mm."),
    "logos.variants": pgettext("document", "Variants"),
    "logos.to_confirm": pgettext("document", "The logo files and sizes are to be confirmed."),
    "logos.rules": pgettext(
        "document",
        "Use the logo only from the brandbook's files and unchanged: do not stretch, recolour or "
        "add effects; keep the clear space empty.",
    ),
    "logos.alt": pgettext("document", "{name} ({variant})"),
    "presets.caption": pgettext("document", "Presets of the ordered items"),
    "presets.name": pgettext("document", "Preset"),
    "presets.size": pgettext("document", "Size"),
    "presets.match": pgettext("document", "Size rule"),
    "presets.formats": pgettext("document", "Formats"),
    "presets.max_bytes": pgettext("document", "Largest file"),
    "presets.print": pgettext("document", "Print and colour space"),
    "presets.custom": pgettext(
        "document",
        "An item with a size outside the presets must be delivered in exactly the size and "
        "format given in the order.",
    ),
    "presets.match_exact": pgettext("document", "exactly {size}"),
    "presets.match_aspect": pgettext("document", "aspect ratio {ratio}:1 (±{tolerance})"),
    "presets.min_dpi": pgettext("document", "at least {dpi} dpi"),
    "presets.bleed": pgettext("document", "PDF: trim size ±{tolerance} mm, bleed up to {bleed} mm"),
    "presets.colour_space.srgb": pgettext("document", "colour space sRGB"),
    "presets.colour_space.cmyk": pgettext("document", "colour space CMYK"),
    "presets.colour_space.any": pgettext("document", "colour space sRGB or CMYK"),
    "access.wcag": pgettext(
        "document",
        "The work meets WCAG 2.1 level AA (EN 301 549) or an equivalent requirement, required of "
        "Estonian public-sector websites.",
    ),
    "access.text_contrast": pgettext(
        "document",
        "Text has a contrast ratio of at least {ratio} with its background (WCAG 1.4.3).",
    ),
    "access.large_contrast": pgettext(
        "document",
        "Large text (at least {px} px, or bold at least {bold_px} px) has a contrast ratio of at "
        "least {ratio}.",
    ),
    "access.non_text_contrast": pgettext(
        "document",
        "Meaningful non-text elements (icons, chart lines, buttons) have a contrast ratio of at "
        "least {ratio} (WCAG 1.4.11).",
    ),
    "access.alt_text": pgettext(
        "document",
        "Every item has a short text alternative (alt text) in each of its languages: {languages}.",
    ),
    "access.long_description": pgettext(
        "document",
        "Infographics also have a long text alternative that gives all the information (figures, "
        "relations) as text.",
    ),
    "access.long_description_ordered": pgettext(
        "document",
        "The order includes an infographic: its long text alternative is a required deliverable.",
    ),
    "access.not_colour_only": pgettext(
        "document", "Information is never conveyed by colour alone."
    ),
    "access.order_needs": pgettext(
        "document", "The authority's further accessibility requirements:"
    ),
    "accept.intro": pgettext(
        "document",
        "The authority checks every delivered file automatically against the brandbook "
        "{brandbook} and the preset of its item. Each row ends with the check's identifier in "
        "small print, as it appears in the check report.",
    ),
    "accept.caption": pgettext("document", "Checks of the delivered files"),
    "accept.code": pgettext("document", "Check identifier"),
    "accept.rule": pgettext("document", "Requirement"),
    "accept.severity": pgettext("document", "Severity"),
    "accept.verdict": pgettext(
        "document",
        "A file is accepted when it has no finding of severity error. A rejected file (a corrupt "
        "or unsafe file) must be replaced. Warnings must be fixed or explained in writing at "
        "delivery.",
    ),
    "accept.order_match": pgettext(
        "document",
        "The delivered files are also matched against the ordered items: sizes, formats, "
        "languages and quantities (see the deliverables table).",
    ),
    "accept.file": pgettext(
        "document",
        "The file opens and is intact: not empty or corrupt, its content matches its extension, "
        "its format is PNG, JPEG, WebP, SVG or PDF, at most {max_bytes}, a raster image at most "
        "{megapixels} megapixels.",
    ),
    "accept.svg_unsafe": pgettext(
        "document",
        "The SVG has no scripts, event handlers, external references or elements outside the "
        "allow-list (such a file is rejected, never “cleaned”).",
    ),
    "accept.pdf_unsafe": pgettext(
        "document",
        "The PDF has no JavaScript, automatic actions, embedded files or external references and "
        "is not encrypted.",
    ),
    "accept.size_mismatch": pgettext(
        "document",
        "Exact-size presets (see the presets table): the pixel size is exactly the preset's. "
        "Print presets: the PDF page is the trim size ±{tolerance} mm, or the trim size with a "
        "bleed of up to {bleed} mm on each side.",
    ),
    "accept.aspect_mismatch": pgettext(
        "document",
        "Aspect-ratio presets, print rasters and SVG: the aspect ratio differs from the preset's "
        "by no more than its tolerance (see the presets table).",
    ),
    "accept.format_not_allowed": pgettext(
        "document", "The file format is one of the preset's formats (see the presets table)."
    ),
    "accept.file_too_large": pgettext(
        "document", "The file is no larger than the preset's largest file (see the presets table)."
    ),
    "accept.low_resolution": pgettext(
        "document",
        "A raster for a print preset has at least the preset's dpi at the preset's size (see the "
        "presets table).",
    ),
    "accept.off_palette": pgettext(
        "document",
        "Colours are the brand palette's: a pixel counts as a palette colour when its CIEDE2000 "
        "distance (ΔE00) to one is at most {tolerance}; {neutrals} Off-palette colours may cover "
        "at most {share} of the area (more is an error, less a warning). In SVG every "
        "off-palette colour is an error.",
    ),
    "accept.neutrals_allowed": pgettext(
        "document", "white, black and greys (chroma C*ab below {chroma}) are allowed."
    ),
    "accept.neutrals_not_allowed": pgettext(
        "document", "white, black and greys must be in the palette too."
    ),
    "accept.disallowed_font": pgettext(
        "document",
        "Only the brand typefaces ({families}) or their fallbacks ({fallbacks}) are used.",
    ),
    "accept.not_embedded": pgettext(
        "document", "Every font in a PDF is embedded (or the text is converted to outlines)."
    ),
    "accept.too_small": pgettext("document", "Text in SVG is at least {px} px."),
    "accept.contrast": pgettext(
        "document",
        "Text has a contrast ratio of at least {text} with its background; large text (at least "
        "{px} px, or bold at least {bold_px} px) at least {large}.",
    ),
    "accept.location": pgettext("document", "The file has no location data (GPS in EXIF or XMP)."),
    "accept.personal_data": pgettext(
        "document", "The file has no personal data (author's name, contacts in EXIF or XMP)."
    ),
    "accept.colour_space": pgettext(
        "document",
        "Web and social presets are in sRGB (not CMYK or another ICC profile); print presets as "
        "in the presets table.",
    ),
    "severity.rejected": pgettext("document", "rejected"),
    "severity.error": pgettext("document", "error"),
    "severity.warning": pgettext("document", "warning"),
    "files.exports": pgettext(
        "document",
        "Each item is exported as a separate file for each language, in the ordered preset's "
        "size and format (see the presets table).",
    ),
    "files.naming": pgettext(
        "document",
        "A file name is made of the order number, the item number, the language and the preset, "
        "e.g. {example}.",
    ),
    "files.sources": pgettext(
        "document",
        "Source files are delivered with their layers in the design application's native format "
        "(e.g. AI, INDD, PSD, FIG, AFDESIGN or SVG, or an equivalent layered format) with the "
        "linked images.",
    ),
    "files.fonts": pgettext(
        "document",
        "Fonts: print PDFs embed their fonts; source files use the brand's free-licence "
        "typefaces; for any other typeface the text is converted to outlines or the authority "
        "already holds the font licence.",
    ),
    "files.images": pgettext(
        "document", "Photos and illustrations are delivered with their licence and source."
    ),
    "files.alt_texts": pgettext(
        "document",
        "Each item's alt text and an infographic's long text alternative are delivered as a text "
        "file (UTF-8) in each of the item's languages.",
    ),
    "files.metadata": pgettext(
        "document", "Location and personal data are removed from the files (EXIF/XMP)."
    ),
    "rights.legal_note": pgettext(
        "document",
        "Standard text under the Estonian Copyright Act (AutÕS); the legal department reviews it "
        "before use.",
    ),
    "rights.transfer": pgettext(
        "document",
        "The author's economic rights in the works created under the contract (including drafts, "
        "interim results, final files and source files) pass to the authority when the "
        "acceptance certificate is signed.",
    ),
    "rights.scope": pgettext(
        "document",
        "The economic rights are transferred without limits in time or territory and for every "
        "manner of use, including the right to reproduce, distribute, display publicly, make "
        "available to the public, translate, alter, adapt and combine the works with others.",
    ),
    "rights.moral": pgettext(
        "document",
        "The author's moral (personal) rights, including the rights of authorship and to the "
        "author's name, stay with the author and are not transferable. The contractor ensures "
        "that the author does not exercise them so as to prevent the authority's normal use and "
        "alteration of the work, and agrees to the work being used without the author's name.",
    ),
    "rights.sources": pgettext(
        "document",
        "The layered source files are delivered too; the authority may alter them and create new "
        "works from them.",
    ),
    "rights.third_party": pgettext(
        "document",
        "For third-party material (stock photos, illustrations, icons, typefaces) a "
        "non-exclusive licence is enough if it covers the authority's own uses in all ordered "
        "channels, including editing and adapting; no right to sublicense is required. The "
        "contractor lists that material with its licence terms, and the licence fees are "
        "included in the price.",
    ),
    "rights.price": pgettext(
        "document",
        "The fee for the transfer of economic rights and for the licences is included in the "
        "contract price; no separate fee is paid.",
    ),
    "rights.warranty": pgettext(
        "document",
        "The contractor confirms that the works are original and do not infringe third parties' "
        "rights, and is liable for claims of such infringement.",
    ),
    "timeline.caption": pgettext("document", "Timeline"),
    "timeline.date": pgettext("document", "Date"),
    "timeline.what": pgettext("document", "Milestone"),
    "timeline.deadline": pgettext("document", "Deadline for the final files"),
    "contacts.caption": pgettext("document", "Contact details"),
    "contacts.person": pgettext("document", "Contact person"),
    "contacts.email": pgettext("document", "Email"),
    "contacts.phone": pgettext("document", "Phone"),
    "contacts.owner": pgettext("document", "Ordered by"),
    "contacts.organisation": pgettext("document", "Organisation"),
    "contacts.registry_code": pgettext("document", "registry code"),
    "contacts.address": pgettext("document", "Address"),
    "route.route": pgettext("document", "Procurement route"),
    "route.threshold": pgettext("document", "Threshold: {threshold} (without VAT)."),
    "route.source": pgettext("document", "Legal basis: {source} (applies from {date})."),
    "route.splitting": pgettext(
        "document",
        "The route is chosen on the total value of all parts of one purchase; a purchase is "
        "never split to stay under a threshold.",
    ),
    "route.explain.low_value": pgettext(
        "document",
        "The estimated value is below the simple procurement threshold: the procedures of the "
        "Public Procurement Act do not apply, but the general principles of RHS § 3 and the "
        "authority's procurement rules do. The authority asks at least three firms for offers "
        "(request for offers).",
    ),
    "route.explain.simple": pgettext(
        "document",
        "Simple procurement (RHS § 125). These procurement documents set the procedure rules (§ "
        "125 (2)). The time limit for offers is at least 5 working days from the publication of "
        "the notice (§ 125 (4)). Before the contract the authority checks that none of the "
        "exclusion grounds of § 95 (1) applies to the successful tenderer (§ 125 (7)). The "
        "contract may be concluded 5 working days after the award decision is notified "
        "(standstill, § 125 (9)).",
    ),
    "route.explain.national": pgettext(
        "document",
        "National procurement as an open procedure. The time limit for offers is at least 15 "
        "days from the submission of the notice to the register, as all communication is "
        "electronic through the public procurement register (RHS § 93 (1) 1; otherwise 20 days, "
        "point 2).",
    ),
    "route.explain.international": pgettext(
        "document",
        "The EU threshold is reached: the notice is also published in the Official Journal of "
        "the EU (TED). In the open procedure the time limit for offers is at least 30 days from "
        "the submission of the notice to the register with electronic communication (RHS § 93 "
        "(1) 4; otherwise 35 days, point 5).",
    ),
    "spec.authority": pgettext("document", "Contracting authority"),
    "spec.subject": pgettext("document", "Subject of the procurement"),
    "spec.subject_text": pgettext(
        "document", "The subject of the procurement is design work: “{title}”."
    ),
    "spec.cpv": pgettext("document", "CPV codes"),
    "spec.route": pgettext("document", "Procurement route and estimated value"),
    "spec.value": pgettext(
        "document", "Estimated value of the procurement: {value} (without VAT)."
    ),
    "spec.rights": pgettext(
        "document",
        "The author's economic rights in the works created under the contract pass to the "
        "authority without limits in time or territory; for third-party material a non-exclusive "
        "licence covering the authority's own uses (including editing) is enough. The contract "
        "terms give the details.",
    ),
    "criteria.template_note": pgettext(
        "document",
        "The criteria and weights are the authority's standard template: the procurement "
        "specialist adapts them before publication.",
    ),
    "criteria.qualification": pgettext("document", "Qualification of the tenderer"),
    "criteria.q_exclusion": pgettext(
        "document",
        "None of the exclusion grounds of RHS § 95 (1) applies to the tenderer; the authority "
        "checks this before the contract is concluded.",
    ),
    "criteria.q_experience": pgettext(
        "document",
        "In the last {months} months the tenderer has completed at least {works} similar design "
        "works (banners, social media or print design).",
    ),
    "criteria.q_team": pgettext(
        "document",
        "The designer responsible for the work has at least {years} years' experience in graphic "
        "design.",
    ),
    "criteria.q_evidence": pgettext(
        "document",
        "Evidence: a list of works (client, date, short description) with samples or links, and "
        "the responsible designer's CV.",
    ),
    "criteria.evaluation": pgettext("document", "Evaluation of offers"),
    "criteria.method": pgettext(
        "document",
        "The most economically advantageous offer on the best price-quality ratio wins. The "
        "maximum score is 100 points.",
    ),
    "criteria.table_caption": pgettext("document", "Evaluation criteria and weights"),
    "criteria.criterion": pgettext("document", "Criterion"),
    "criteria.weight": pgettext("document", "Points (max)"),
    "criteria.price": pgettext("document", "Price of the offer (without VAT)"),
    "criteria.quality": pgettext("document", "Quality"),
    "criteria.total": pgettext("document", "Total"),
    "criteria.price_heading": pgettext("document", "Scoring the price"),
    "criteria.price_formula": pgettext(
        "document",
        "The lowest-priced offer scores {weight} points; the others score lowest price / offer "
        "price × {weight}. Points are rounded to two decimals.",
    ),
    "criteria.quality_heading": pgettext("document", "Scoring the quality"),
    "criteria.quality_scale": pgettext(
        "document",
        "The evaluation committee scores each quality criterion on a scale of {scale} of the "
        "criterion's maximum points, with written reasons.",
    ),
    "criteria.tie_break": pgettext(
        "document", "On equal scores, the offer with more quality points is preferred."
    ),
    "quality.concept": pgettext("document", "Concept and test design"),
    "quality.concept_desc": pgettext(
        "document",
        "The concept description and test design (one ordered item as a draft) submitted with "
        "the offer: how it meets the objective, speaks to the audience and conveys the key "
        "messages.",
    ),
    "quality.compliance": pgettext("document", "Meeting the brand and accessibility requirements"),
    "quality.compliance_desc": pgettext(
        "document",
        "The tenderer describes how it ensures the brandbook's rules and accessibility (WCAG 2.1 "
        "AA or equivalent), including contrast and text alternatives; the description is scored "
        "for being concrete and checkable.",
    ),
    "offer.bidder": pgettext("document", "Tenderer"),
    "offer.bidder_caption": pgettext("document", "Tenderer's details"),
    "offer.field.name": pgettext("document", "Name of the tenderer"),
    "offer.field.registry_code": pgettext("document", "Registry code"),
    "offer.field.address": pgettext("document", "Address"),
    "offer.field.representative": pgettext("document", "Representative"),
    "offer.field.email": pgettext("document", "Email"),
    "offer.field.phone": pgettext("document", "Phone"),
    "offer.field.position": pgettext("document", "Position"),
    "offer.field.date": pgettext("document", "Date"),
    "offer.price": pgettext("document", "Price"),
    "offer.price_intro": pgettext(
        "document",
        "Prices in euros without VAT. The price covers every cost of the work, the source files "
        "and the transfer of economic rights.",
    ),
    "offer.price_caption": pgettext("document", "Price table"),
    "offer.item": pgettext("document", "Item"),
    "offer.unit_price": pgettext("document", "Unit price, €"),
    "offer.line_total": pgettext("document", "Total, €"),
    "offer.sources_and_rights": pgettext(
        "document",
        "Source files, text alternatives and transfer of economic rights (unless included in the "
        "lines above)",
    ),
    "offer.total_without_vat": pgettext("document", "Total without VAT"),
    "offer.vat": pgettext("document", "VAT"),
    "offer.total_with_vat": pgettext("document", "Total with VAT"),
    "offer.declarations": pgettext("document", "Declarations of the tenderer"),
    "offer.d_documents": pgettext(
        "document",
        "We have read the procurement documents (order {number}, version {version}) and accept "
        "their terms.",
    ),
    "offer.d_price": pgettext("document", "The price of the offer is final and covers all costs."),
    "offer.d_rights": pgettext(
        "document",
        "We agree to transfer the economic rights in the works and to provide the third-party "
        "licences as the contract terms set out.",
    ),
    "offer.d_deadline": pgettext("document", "We deliver the final files by {deadline}."),
    "offer.d_exclusion": pgettext(
        "document", "None of the exclusion grounds of RHS § 95 (1) applies to us."
    ),
    "offer.d_validity": pgettext(
        "document", "The offer is valid for {days} days from the deadline for offers."
    ),
    "offer.signature": pgettext("document", "Signature"),
    "offer.signature_caption": pgettext("document", "Representative of the tenderer"),
    "offer.digital_signature": pgettext("document", "The offer is signed digitally."),
    "contract.draft_note": pgettext(
        "document",
        "Special terms of the contract on rights, acceptance, liability and changes; the general "
        "terms are part of the authority's contract template. The legal department reviews the "
        "text before publication.",
    ),
    "contract.subject": pgettext("document", "Subject of the contract"),
    "contract.subject_text": pgettext(
        "document",
        "The contractor designs and delivers to the authority the items described in the order "
        "“{title}” ({number}, version {version}) as set out in the technical specification.",
    ),
    "contract.acceptance": pgettext("document", "Delivery and acceptance"),
    "contract.a_delivery": pgettext(
        "document",
        "The contractor delivers the files as the authority specifies, with the source files and "
        "text alternatives.",
    ),
    "contract.a_checks": pgettext(
        "document",
        "Each file is checked against the brandbook {brandbook} and the acceptance criteria of "
        "the technical specification. A file with a finding of severity error or rejection does "
        "not conform to the contract.",
    ),
    "contract.a_review": pgettext(
        "document",
        "The authority reports shortcomings or accepts the work within {days} working days of "
        "delivery.",
    ),
    "contract.a_fix": pgettext(
        "document",
        "The contractor remedies shortcomings within {days} working days at no extra cost and "
        "delivers the files again; the checks are run again.",
    ),
    "contract.a_act": pgettext(
        "document",
        "Acceptance is recorded in a delivery and acceptance certificate listing the accepted "
        "files (name and SHA-256 checksum).",
    ),
    "contract.a_rights_pass": pgettext(
        "document",
        "The economic rights pass to the authority, and the obligation to pay arises, on "
        "signature of the certificate.",
    ),
    "contract.deadlines": pgettext("document", "Deadlines"),
    "contract.delay": pgettext(
        "document",
        "For a missed deadline the contractor pays a contractual penalty of {per_day} of the "
        "price of the late work for each day of delay, in total up to {cap} of the contract "
        "price. The penalty is set off against the fee.",
    ),
    "contract.payment": pgettext("document", "Payment"),
    "contract.payment_text": pgettext(
        "document",
        "The authority pays for the accepted work by e-invoice within {days} days after the "
        "acceptance certificate is signed and the e-invoice is received. Invoices to "
        "public-sector authorities must be e-invoices (mandatory since 1 July 2019).",
    ),
    "role.primary": pgettext("document", "primary"),
    "role.background": pgettext("document", "background"),
    "role.text": pgettext("document", "text"),
    "role.accent": pgettext("document", "accent"),
    "role.document": pgettext("document", "documents"),
    "role.body": pgettext("document", "body text"),
    "role.headline": pgettext("document", "headlines"),
    "role.agency-name": pgettext("document", "agency name"),
    "role.certificate": pgettext("document", "certificates"),
    "role.web": pgettext("document", "web"),
    "kind.banner": pgettext("document", "Banner"),
    "kind.infographic": pgettext("document", "Infographic"),
    "kind.social-post": pgettext("document", "Social media post"),
    "kind.poster": pgettext("document", "Poster"),
    "kind.leaflet": pgettext("document", "Leaflet"),
    "kind.illustration": pgettext("document", "Illustration"),
    "kind.icon": pgettext("document", "Icon"),
    "quality.designer": pgettext("document", "Experience of the designer assigned to the contract"),
    "quality.designer_desc": pgettext(
        "document",
        "Up to three earlier similar works of the lead designer named in the offer who will do "
        "the work: their relevance and quality (Directive 2014/24/EU Art 67(2)(b); the "
        "tenderer's own past work is a matter of qualification, not of award).",
    ),
    "access.offer_approach": pgettext(
        "document",
        "The tenderer describes in its offer how it ensures accessibility; the description is "
        "scored under a quality criterion.",
    ),
    "typefaces.identity": pgettext(
        "document",
        "The Roboto typefaces are required by the state's unified visual identity guide "
        "(Government Office); they are under a free licence (SIL Open Font License) and "
        "available at no cost.",
    ),
    "contract.a_rounds": pgettext(
        "document",
        "The price includes {rounds} revision rounds for the drafts and final files; each round "
        "is done within {days} working days.",
    ),
    "contract.liability": pgettext("document", "Liability"),
    "contract.liability_text": pgettext(
        "document",
        "A party's liability for damage caused by a breach of contract is limited to {cap} of "
        "the contract price; the limit does not apply to damage caused intentionally or by gross "
        "negligence, nor to claims for infringement of third parties' rights.",
    ),
    "contract.changes": pgettext("document", "Changes to the contract"),
    "contract.changes_text": pgettext(
        "document",
        "The contract is changed in writing and only in the cases and to the extent allowed by § "
        "123 of the Public Procurement Act.",
    ),
    "contract.termination": pgettext("document", "Termination"),
    "contract.termination_text": pgettext(
        "document",
        "A party may terminate the contract if the other party commits a material breach and "
        "does not remedy it within {days} working days of written notice. The authority pays for "
        "the work accepted by the termination.",
    ),
    "contract.contacts": pgettext("document", "Contact persons"),
    "contract.contact_authority": pgettext("document", "Authority's contact person"),
    "contract.contact_contractor": pgettext("document", "Contractor's contact person"),
    "deliverables.references_note": pgettext(
        "document", "The reference material is sent with the procurement documents."
    ),
    "logos.variant.positive": pgettext("document", "positive"),
    "logos.variant.negative": pgettext("document", "negative"),
    "logos.no_min_height": pgettext("document", "Minimum height in print: to be confirmed."),
    "kind.social_post": pgettext("document", "Social media image"),
    "kind.print": pgettext("document", "Printed matter"),
    "kind.other": pgettext("document", "Other item"),
    "content.by_contractor": pgettext(
        "document", "Translation to be provided by the contractor from the Estonian brief."
    ),
    "content.in_estonian": pgettext("document", "This part is given in the Estonian brief only."),
    "doc.invitation": pgettext("document", "Request for offers"),
    "rfo.offer_deadline": pgettext("document", "Deadline for offers"),
    "rfo.deadline_to_set": pgettext(
        "document",
        "Set by the authority before sending (at least {days} working days after the request is "
        "sent).",
    ),
    "rfo.invitation": pgettext("document", "Invitation"),
    "rfo.intro": pgettext(
        "document", "{organisation} invites you to submit an offer for the design work “{title}”."
    ),
    "rfo.rules": pgettext(
        "document", "The purchase follows the authority's procurement rules: {rules}."
    ),
    "rfo.recipients": pgettext("document", "Recipients of the request"),
    "rfo.recipients_text": pgettext(
        "document",
        "The request for offers is sent at the same time and on the same terms to at least three "
        "firms, so that the offers can be compared.",
    ),
    "rfo.spec_reference": pgettext(
        "document",
        "The requirements (sizes, formats, languages, brand rules, accessibility and acceptance "
        "criteria) are in the attached technical specification.",
    ),
    "rfo.offer": pgettext("document", "Submitting an offer"),
    "rfo.deadline": pgettext("document", "Offers must be submitted by {deadline}."),
    "rfo.submit": pgettext(
        "document",
        "The offer is signed digitally and sent by e-mail to {email} (contact person {name}).",
    ),
    "rfo.contents": pgettext(
        "document",
        "The offer consists of the completed offer form, which prices each design and each "
        "language version separately, and up to three similar earlier works.",
    ),
    "rfo.questions": pgettext(
        "document",
        "Questions are sent by e-mail to the contact person; the answers go to all recipients of "
        "the request at the same time.",
    ),
    "rfo.evaluation": pgettext("document", "Evaluation of offers"),
    "rfo.evaluation_text": pgettext(
        "document",
        "The authority checks that each offer meets the technical specification and chooses, "
        "among the conforming offers, the one with the lowest total price (without VAT). All "
        "tenderers are told the result by e-mail.",
    ),
    "rfo.no_obligation": pgettext(
        "document",
        "The authority may decide not to conclude a contract if no offer meets the terms or all "
        "exceed the authority's budget.",
    ),
    "rfo.annexes": pgettext("document", "Annexes"),
    "offer.design": pgettext("document", "design ({language})"),
    "offer.adaptation": pgettext("document", "language version: {languages}"),
    "offer.price_lines_note": pgettext(
        "document",
        "Each design and each language version has its own line, so that the offers are "
        "comparable.",
    ),
    "offer.d_rounds": pgettext("document", "The price includes {rounds} revision rounds."),
    "rfo.firm": pgettext("document", "Firm"),
    "draft.intro": pgettext(
        "document",
        "This document is built on brandbook values that are not yet confirmed. Before the "
        "document is final and published, confirm:",
    ),
    "draft.colour": pgettext("document", "colour {name}: its HEX, CMYK and Pantone values"),
    "draft.typeface": pgettext("document", "typeface {name} and its use"),
    "draft.logo": pgettext(
        "document", "logo “{name}”: the official files, clear space and minimum sizes"
    ),
    "draft.preset": pgettext("document", "preset “{name}”: size and formats"),
    "brief.tone": pgettext("document", "Tone of voice"),
    "brief.cta": pgettext("document", "Call to action (what the reader should do)"),
    "brief.texts": pgettext("document", "Texts, translation and proofreading"),
    "brief.revision_rounds": pgettext(
        "document",
        "The price includes {rounds} revision rounds; each round is done within {days} working "
        "days.",
    ),
    "logo_use.caption": pgettext("document", "Logo and variant per item"),
    "logo_use.logo": pgettext("document", "Logo"),
    "logo_use.variant": pgettext("document", "Variant"),
    "logo_use.open": pgettext(
        "document",
        "The brandbook requires no logo; the authority specifies it at the kick-off meeting.",
    ),
    "logo_use.note": pgettext(
        "document",
        "The negative variant is used on dark backgrounds; the variant is chosen so that the "
        "logo has enough contrast with its background.",
    ),
    "texts.copy_from_authority": pgettext(
        "document",
        "The authority provides the texts of the items (headlines, key messages, call to "
        "action); the designer does not change their content.",
    ),
    "texts.translation.authority": pgettext(
        "document", "The authority provides the translations ({languages})."
    ),
    "texts.translation.contractor": pgettext(
        "document",
        "The contractor translates ({languages}); the price of translation is in the offer's "
        "language-version lines.",
    ),
    "texts.proofreading.authority": pgettext(
        "document",
        "The authority proofreads the translations ({languages}) before the drafts are approved.",
    ),
    "texts.proofreading.contractor": pgettext(
        "document",
        "The contractor proofreads the translations ({languages}); this is included in the price.",
    ),
    "texts.approval": pgettext(
        "document",
        "The authority approves the text of each language version in writing before the final "
        "files are made.",
    ),
    "files.delivery_format": pgettext("document", "Delivery format"),
    "register.caption": pgettext("document", "Procurement details"),
    "register.reference": pgettext(
        "document", "Reference number in the public procurement register"
    ),
    "register.reference_pending": pgettext(
        "document", "Given by the register when the procurement is published."
    ),
    "register.deadline_pending": pgettext(
        "document",
        "Set by the authority in the register (at least the time the law requires, see above).",
    ),
    "register.rules": pgettext("document", "The authority's procurement rules"),
    "register.rules_default": pgettext(
        "document", "Procurement rules of the Social Insurance Board (current version)"
    ),
    "register.plan": pgettext("document", "Procurement plan entry"),
    "register.lots": pgettext("document", "Reason for not dividing into lots (RHS § 36 (4))"),
    "register.lots_default": pgettext(
        "document",
        "The procurement is not divided into lots because the ordered items form one campaign's "
        "single visual solution: parts made by different tenderers would not ensure a consistent "
        "design, and coordinating the performance of the contract would become unreasonably "
        "complex.",
    ),
    "register.communication": pgettext("document", "Communication"),
    "register.communication_text": pgettext(
        "document",
        "All communication, including requests for clarification and the submission of offers, "
        "takes place through the public procurement register (riigihanked.riik.ee); offers "
        "submitted otherwise are not considered.",
    ),
    "criteria.register_evidence": pgettext(
        "document", "Evidence of exclusion grounds and qualification"
    ),
    "criteria.evidence_national": pgettext(
        "document",
        "Below the EU threshold the tenderer confirms in the public procurement register that no "
        "exclusion ground applies and that it meets the qualification conditions; the authority "
        "checks the data in public databases (commercial register, tax arrears) and asks for "
        "further evidence only from the tenderer to be awarded the contract.",
    ),
    "criteria.evidence_eu": pgettext(
        "document",
        "At or above the EU threshold the tenderer submits the European Single Procurement "
        "Document (ESPD) in the public procurement register; the authority checks the exclusion "
        "grounds and the evidence of qualification before the award, using public databases "
        "where it can.",
    ),
    "language.et": pgettext("document", "Estonian"),
    "language.en": pgettext("document", "English"),
    "language.ru": pgettext("document", "Russian"),
}

MSGIDS = EN  # the English source texts are the msgids
_NO_DEFAULT = object()


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of `lang` (the interface's django.mo)."""
    return gettext.translation("django", localedir=LOCALE_DIR, languages=[lang], fallback=True)


def translated(lang: str, msgid: str) -> str | None:
    """The `lang` translation of a document text; None when the catalogue lacks it. English is
    the msgid itself."""
    if lang == "en":
        return msgid
    found = getattr(catalogue(lang), "_catalog", {}).get(f"{CONTEXT}\x04{msgid}")
    return found or None


def label(lang: str, key: str, default=_NO_DEFAULT, **values) -> str:
    """The `lang` text for `key`, with ``{name}`` fields filled from `values`.

    A missing text raises `MissingLabel` unless a `default` is given (used for open lists
    such as deliverable kinds, where an unknown slug prints as given)."""
    msgid = EN.get(key)
    text = translated(lang, msgid) if msgid is not None else None
    if text is None:
        if default is not _NO_DEFAULT:
            return default
        raise MissingLabel(f"no {lang!r} text for {key!r}")
    return text.format_map(values)


def language_name(lang: str, code: str) -> str:
    return label(lang, f"language.{code}", default=code)
