"""Document text per language: headings, table headers and the standard clauses.

Estonian and English cover every document; Russian covers the brief (the tender set is
Estonian and English only). Texts with ``{name}`` fields are filled by `label` with values the
caller has already formatted for the language. Output is escaped by the Jinja environment, so
texts are plain text: no markup.
"""

from __future__ import annotations

DOCUMENT_LANGUAGES = {"brief": ("et", "en", "ru"), "tender": ("et", "en")}

LANGUAGE_NAMES = {
    "et": {"et": "eesti", "en": "inglise", "ru": "vene"},
    "en": {"et": "Estonian", "en": "English", "ru": "Russian"},
    "ru": {"et": "эстонский", "en": "английский", "ru": "русский"},
}


class MissingLabel(KeyError):
    """A template asked for a text that the language does not have."""


ET: dict[str, str] = {
    # Shared: footer, title block, common words
    "footer.version": "versioon",
    "footer.page": "lk",
    "meta.caption": "Dokumendi andmed",
    "meta.number": "Dokumendi number",
    "meta.version": "Versioon (tellimuse redaktsioon)",
    "meta.created": "Koostatud",
    "meta.client": "Hankija",
    "meta.owner": "Tellimuse koostaja",
    "meta.deadline": "Tähtaeg",
    "meta.brandbook": "Brändiraamat",
    "meta.value": "Eeldatav maksumus (käibemaksuta)",
    "meta.route": "Hanke liik",
    "doc.brief": "Lähteülesanne",
    "doc.spec": "Tehniline kirjeldus",
    "doc.criteria": "Kvalifitseerimise ja hindamise kriteeriumid",
    "doc.offer": "Pakkumuse vorm",
    "doc.contract": "Lepingu eritingimused",
    "common.not_given": "Ei ole määratud.",
    "common.confirmed": "kinnitatud",
    "common.to_confirm": "vajab kinnitamist",
    "common.language": "Keel",
    "common.no": "Nr",
    "common.none": "Puuduvad.",
    "common.status": "Olek",
    # Brief sections
    "brief.background": "Taust",
    "brief.objective": "Eesmärk",
    "brief.audience": "Sihtrühm",
    "brief.messages": "Põhisõnumid",
    "brief.deliverables": "Tellitavad tööd",
    "brief.references": "Viitematerjalid",
    "brief.brand": "Brändireeglid",
    "brief.brand_intro": (
        "Reeglid pärinevad brändiraamatust {brandbook}: samadest andmetest, mille järgi "
        "hankija üleantud faile kontrollib."
    ),
    "brief.palette": "Värvid",
    "brief.typefaces": "Kirjatüübid",
    "brief.logos": "Logod",
    "brief.presets": "Mallid ja mõõdud",
    "brief.accessibility": "Ligipääsetavus",
    "brief.acceptance": "Vastuvõtukriteeriumid",
    "brief.files": "Üleantavad failid ja lähtefailid",
    "brief.rights": "Autoriõigused ja litsentsid",
    "brief.timeline": "Ajakava",
    "brief.review_period": (
        "Hankija vaatab üleantud failid läbi {days} tööpäeva jooksul; puuduste korral parandab "
        "töövõtja need ja annab failid uuesti üle."
    ),
    "brief.contacts": "Kontaktid",
    # Messages and deliverables
    "messages.caption": "Põhisõnum keelte kaupa",
    "messages.message": "Sõnum",
    "deliverables.caption": "Tellitavad tööd",
    "deliverables.kind": "Töö",
    "deliverables.size": "Mõõdud",
    "deliverables.formats": "Vormingud",
    "deliverables.languages": "Keeled",
    "deliverables.quantity": "Kogus",
    "deliverables.files": "Faile",
    "deliverables.total_files": "Faile kokku",
    "deliverables.quantity_note": (
        "Kogus on erinevate kujunduste arv; iga kujundus antakse üle igas loetletud keeles. "
        "Failide arv = kogus × keelte arv."
    ),
    # Brand rules
    "palette.caption": "Brändi värvid",
    "palette.swatch": "Näidis",
    "palette.name": "Nimi",
    "palette.roles": "Kasutus",
    "palette.tolerance": (
        "Lubatud hälve: CIEDE2000 (ΔE00) kuni {tolerance}; paletiväliseid värve kuni {share} "
        "pinnast."
    ),
    "palette.neutrals": "Valge, must ja hallid (kroomasus C*ab alla {chroma}) on lubatud.",
    "palette.unconfirmed_note": (
        "Märkega „vajab kinnitamist“ väärtused on ligikaudsed teisendused; hankija kinnitab "
        "need enne trükki. Pantone'i toonid on viide värvisüsteemile: lubatud on ka sellega "
        "samaväärne värvisüsteem."
    ),
    "typefaces.caption": "Brändi kirjatüübid",
    "typefaces.family": "Kirjatüüp",
    "typefaces.roles": "Kasutus",
    "typefaces.weights": "Paksused",
    "typefaces.fallbacks": "Asenduskirjad",
    "typefaces.licence": "Litsents",
    "typefaces.min_size": "Väikseim tekst: {px} px.",
    "logos.usage": "Kasutus",
    "logos.clear_space": "Turvaala: {share} logo kõrgusest igast küljest.",
    "logos.min_width": "Väikseim laius ekraanil: {px} px.",
    "logos.min_height": "Väikseim kõrgus trükis: {mm} mm.",
    "logos.variants": "Variandid",
    "logos.to_confirm": "Logo failid ja mõõdud vajavad kinnitamist.",
    "logos.rules": (
        "Logo kasutatakse ainult brändiraamatu failidest ja muutmata kujul: seda ei venitata, "
        "ei värvita ümber ega lisata efekte; turvaala jääb tühjaks."
    ),
    "logos.alt": "{name} ({variant})",
    "presets.caption": "Tellitud tööde mallid",
    "presets.name": "Mall",
    "presets.size": "Mõõdud",
    "presets.match": "Mõõdu nõue",
    "presets.formats": "Vormingud",
    "presets.max_bytes": "Suurim maht",
    "presets.print": "Trükk ja värviruum",
    "presets.custom": (
        "Mallivälise mõõduga töö fail peab olema täpselt tellimuses antud mõõdus ja vormingus."
    ),
    "presets.match_exact": "täpselt {size}",
    "presets.match_aspect": "külgede suhe {ratio}:1 (±{tolerance})",
    "presets.min_dpi": "vähemalt {dpi} dpi",
    "presets.bleed": "PDF: lõikemõõt ±{tolerance} mm, lõikevaru kuni {bleed} mm",
    "presets.colour_space.srgb": "värviruum sRGB",
    "presets.colour_space.cmyk": "värviruum CMYK",
    "presets.colour_space.any": "värviruum sRGB või CMYK",
    # Accessibility
    "access.wcag": (
        "Tööd vastavad WCAG 2.1 AA tasemele (EN 301 549) või sellega samaväärsele nõudele, mis "
        "on Eesti avaliku sektori veebilehtedele kohustuslik."
    ),
    "access.text_contrast": "Teksti kontrastsus taustaga on vähemalt {ratio} (WCAG 1.4.3).",
    "access.large_contrast": (
        "Suure teksti (vähemalt {px} px või paks kiri vähemalt {bold_px} px) kontrastsus on "
        "vähemalt {ratio}."
    ),
    "access.non_text_contrast": (
        "Oluliste mittetekstiliste elementide (ikoonid, graafikute jooned, nupud) kontrastsus "
        "on vähemalt {ratio} (WCAG 1.4.11)."
    ),
    "access.alt_text": (
        "Igal tööl on lühike tekstialternatiiv (alt-tekst) iga töö keele kohta: {languages}."
    ),
    "access.long_description": (
        "Infograafikal on lisaks pikk tekstialternatiiv, mis edastab kogu info (arvud, seosed) "
        "tekstina."
    ),
    "access.long_description_ordered": (
        "Tellimuses on infograafika: pikk tekstialternatiiv on kohustuslik üleantav."
    ),
    "access.not_colour_only": "Infot ei edastata ainult värvi abil.",
    "access.order_needs": "Hankija lisanõuded ligipääsetavusele:",
    # Acceptance criteria: brandkit's check codes
    "accept.intro": (
        "Hankija kontrollib iga üleantud faili automaatselt brändiraamatu {brandbook} ja "
        "tellitud töö malli järgi. Iga rea järel on väikeses kirjas kontrolli tunnus, mis on "
        "ka kontrolliaruandes."
    ),
    "accept.caption": "Üleantud failide kontrollid",
    "accept.code": "Kontrolli tunnus",
    "accept.rule": "Nõue",
    "accept.severity": "Tase",
    "accept.verdict": (
        "Fail võetakse vastu, kui ühtki vea taseme leidu ei ole. Tagasi lükatud fail (vigane "
        "või ohtlik fail) tuleb asendada. Hoiatused tuleb parandada või üleandmisel "
        "kirjalikult põhjendada."
    ),
    "accept.order_match": (
        "Lisaks kontrollitakse, et üleantud failid vastavad tellitud töödele: mõõdud, vormingud, "
        "keeled ja kogused (vt tellitavate tööde tabel)."
    ),
    "accept.file": (
        "Fail avaneb ja on terve: ei ole tühi ega vigane, sisu vastab faililaiendile, vorming "
        "on PNG, JPEG, WebP, SVG või PDF, maht kuni {max_bytes}, rasterpilt kuni {megapixels} "
        "megapikslit."
    ),
    "accept.svg_unsafe": (
        "SVG ei sisalda skripte, sündmusekäsitlejaid, välisviiteid ega lubatute loendist "
        "väljas olevaid elemente (selline fail lükatakse tagasi, seda ei „puhastata“)."
    ),
    "accept.pdf_unsafe": (
        "PDF ei sisalda JavaScripti, automaatseid toiminguid, manustatud faile ega "
        "välisviiteid ja ei ole krüpteeritud."
    ),
    "accept.size_mismatch": (
        "Täpse mõõduga mallid (vt mallide tabel): pikslimõõt on täpselt malli mõõt. Trükimallid: "
        "PDF-i lehe mõõt on lõikemõõt ±{tolerance} mm või lõikemõõt koos kuni {bleed} mm "
        "lõikevaruga igast servast."
    ),
    "accept.aspect_mismatch": (
        "Külgede suhtega mallid, trüki rasterfailid ja SVG: külgede suhe erineb malli omast "
        "kuni lubatud hälbe võrra (vt mallide tabel)."
    ),
    "accept.format_not_allowed": (
        "Faili vorming on üks malli lubatud vormingutest (vt mallide tabel)."
    ),
    "accept.file_too_large": "Faili maht ei ületa malli suurimat mahtu (vt mallide tabel).",
    "accept.low_resolution": (
        "Trükimalli rasterfaili lahutus malli mõõdus on vähemalt malli nõutud dpi (vt mallide "
        "tabel)."
    ),
    "accept.off_palette": (
        "Värvid on brändi paletist: piksel loetakse paletivärviks, kui selle CIEDE2000 kaugus "
        "(ΔE00) paletivärvist on kuni {tolerance}; {neutrals} Paletiväliste värvide osakaal "
        "tohib olla kuni {share} pinnast (suurem osakaal on viga, väiksem hoiatus). SVG-s on iga "
        "paletiväline värv viga."
    ),
    "accept.neutrals_allowed": "valge, must ja hallid (kroomasus C*ab alla {chroma}) on lubatud.",
    "accept.neutrals_not_allowed": "ka valge, must ja hallid peavad olema paletis.",
    "accept.disallowed_font": (
        "Kasutatud on ainult brändi kirjatüüpe ({families}) või nende asenduskirju ({fallbacks})."
    ),
    "accept.not_embedded": (
        "PDF-i kõik kirjatüübid on manustatud (või tekst on teisendatud kõverateks)."
    ),
    "accept.too_small": "SVG tekst on vähemalt {px} px.",
    "accept.contrast": (
        "Teksti kontrastsus taustaga on vähemalt {text}, suurel tekstil (vähemalt {px} px või "
        "paks kiri vähemalt {bold_px} px) vähemalt {large}."
    ),
    "accept.location": "Failis ei ole asukohaandmeid (GPS EXIF-is või XMP-s).",
    "accept.personal_data": (
        "Failis ei ole isikuandmeid (autori nimi, kontaktid EXIF-is või XMP-s)."
    ),
    "accept.colour_space": (
        "Veebi ja sotsiaalmeedia mallide värviruum on sRGB (mitte CMYK ega muu ICC-profiil); "
        "trükimallidel vastavalt mallide tabelile."
    ),
    "severity.rejected": "tagasilükkamine",
    "severity.error": "viga",
    "severity.warning": "hoiatus",
    # Files
    "files.exports": (
        "Iga töö eksporditakse iga keele jaoks eraldi failina tellitud malli mõõdus ja "
        "vormingus (vt mallide tabel)."
    ),
    "files.naming": (
        "Failinimi koosneb tellimuse numbrist, töö numbrist, keelest ja mallist, nt {example}."
    ),
    "files.sources": (
        "Lähtefailid antakse üle kihilistena kujundusprogrammi algvormingus (nt AI, INDD, PSD, "
        "FIG, AFDESIGN või SVG või muu sellega samaväärne kihiline vorming) koos lingitud "
        "piltidega."
    ),
    "files.fonts": (
        "Kirjad: trüki-PDF-ides on kirjatüübid manustatud; lähtefailides kasutatakse brändi "
        "vaba litsentsiga kirjatüüpe; muu kirjatüübi korral teisendatakse tekst kõverateks või "
        "on kirjatüübi litsents hankijale olemas."
    ),
    "files.images": "Fotod ja illustratsioonid antakse üle koos litsentsi ja allika andmetega.",
    "files.alt_texts": (
        "Iga töö alt-tekst ja infograafika pikk tekstialternatiiv antakse üle tekstifailina "
        "(UTF-8) iga töö keele kohta."
    ),
    "files.metadata": "Failidest eemaldatakse asukoha- ja isikuandmed (EXIF/XMP).",
    # Copyright (standard text for the legal team to confirm)
    "rights.legal_note": (
        "Standardtekst autoriõiguse seaduse (AutÕS) alusel; õigusosakond vaatab selle enne "
        "kasutamist üle."
    ),
    "rights.transfer": (
        "Lepingu alusel loodud teoste (sh kavandid, vahetulemused, lõplikud failid ja "
        "lähtefailid) autori varalised õigused lähevad hankijale üle üleandmise-vastuvõtmise "
        "akti allkirjastamisel."
    ),
    "rights.scope": (
        "Varalised õigused antakse üle ajaliselt ja territoriaalselt piiramatult ning kõigiks "
        "kasutusviisideks, sealhulgas õigusega teoseid reprodutseerida, levitada, avalikult "
        "näidata ja üldsusele kättesaadavaks teha, tõlkida, muuta, töödelda ja teiste teostega "
        "ühendada."
    ),
    "rights.moral": (
        "Autori isiklikud õigused (sh õigus autorsusele ja autorinimele) jäävad autorile ega ole "
        "üleantavad. Töövõtja tagab, et autor ei teosta neid viisil, mis takistab hankijal "
        "teose tavapärast kasutamist ja muutmist, ning nõustub teose kasutamisega autori nime "
        "märkimata."
    ),
    "rights.sources": (
        "Üle antakse ka kihilised lähtefailid; hankijal on õigus neid muuta ja nende põhjal "
        "uusi teoseid luua."
    ),
    "rights.third_party": (
        "Kolmandate isikute materjalide (fotopangapildid, illustratsioonid, ikoonid, "
        "kirjatüübid) kohta piisab lihtlitsentsist, mis lubab hankijal neid kasutada oma "
        "tegevuses kõigis tellitud kanalites, sh teost muuta ja töödelda; all-litsentsi "
        "andmise õigust ei nõuta. Töövõtja loetleb need materjalid koos litsentsi tingimustega "
        "ja litsentsitasud sisalduvad hinnas."
    ),
    "rights.price": (
        "Varaliste õiguste üleandmise ja litsentside tasu sisaldub lepingu hinnas; eraldi tasu "
        "ei maksta."
    ),
    "rights.warranty": (
        "Töövõtja kinnitab, et teosed on originaalsed ega riku kolmandate isikute õigusi, ja "
        "vastutab sellise rikkumise nõuete eest."
    ),
    # Timeline, contacts
    "timeline.caption": "Ajakava",
    "timeline.date": "Kuupäev",
    "timeline.what": "Etapp",
    "timeline.deadline": "Lõplike failide üleandmise tähtaeg",
    "contacts.caption": "Kontaktandmed",
    "contacts.person": "Kontaktisik",
    "contacts.email": "E-post",
    "contacts.phone": "Telefon",
    "contacts.owner": "Tellimuse koostaja",
    "contacts.organisation": "Asutus",
    "contacts.registry_code": "registrikood",
    "contacts.address": "Aadress",
    # Procurement route (the thresholds themselves come with the order, as data)
    "route.route": "Hanke liik",
    "route.threshold": "Piirmäär: {threshold} (käibemaksuta).",
    "route.source": "Alus: {source} (kehtib alates {date}).",
    "route.splitting": (
        "Hanke liigi valikul arvestatakse ühe ostu kõigi osade kogumaksumust; ostu ei jagata "
        "osadeks piirmäära vältimiseks."
    ),
    "route.explain.low_value": (
        "Eeldatav maksumus jääb alla lihthanke piirmäära: riigihangete seaduse menetlusi ei "
        "kohaldata, kuid järgitakse RHS § 3 üldpõhimõtteid ja hankija hankekorda. Hankija "
        "küsib pakkumusi vähemalt kolmelt ettevõtjalt (pakkumuskutse)."
    ),
    "route.explain.simple": (
        "Lihthange (RHS § 125). Menetluse reeglid on need hankedokumendid (§ 125 lg 2). "
        "Pakkumuste esitamise tähtaeg on vähemalt 5 tööpäeva hanketeate avaldamisest (§ 125 lg "
        "4). Enne lepingu sõlmimist kontrollib hankija, et edukal pakkujal ei esine § 95 lg 1 "
        "kõrvaldamise aluseid (§ 125 lg 7). Lepingu võib sõlmida 5 tööpäeva möödumisel "
        "pakkumuse edukaks tunnistamise otsuse teatamisest (ooteaeg, § 125 lg 9)."
    ),
    "route.explain.national": (
        "Riigihange avatud hankemenetlusena. Pakkumuste esitamise tähtaeg on vähemalt 15 päeva "
        "hanketeate registrile esitamisest, kuna kogu teabevahetus toimub elektrooniliselt "
        "riigihangete registris (RHS § 93 lg 1 p 1; muidu 20 päeva, p 2)."
    ),
    "route.explain.international": (
        "Rahvusvaheline piirmäär on ületatud: hanketeade avaldatakse ka Euroopa Liidu Teatajas "
        "(TED). Avatud hankemenetluses on pakkumuste esitamise tähtaeg vähemalt 30 päeva "
        "hanketeate registrile esitamisest elektroonilise teabevahetuse korral (RHS § 93 lg 1 "
        "p 4; muidu 35 päeva, p 5)."
    ),
    # Tender: technical specification
    "spec.authority": "Hankija",
    "spec.subject": "Hanke ese",
    "spec.subject_text": "Hanke ese on kujundustööd: „{title}“.",
    "spec.cpv": "CPV koodid",
    "spec.route": "Hanke liik ja eeldatav maksumus",
    "spec.value": "Hanke eeldatav maksumus: {value} (käibemaksuta).",
    "spec.rights": (
        "Lepingu alusel loodud teoste autori varalised õigused lähevad hankijale üle ajaliselt "
        "ja territoriaalselt piiramatult; kolmandate isikute materjalidele piisab hankija oma "
        "kasutust (sh muutmist) hõlmavast lihtlitsentsist. Täpsed tingimused on lepingu "
        "tingimustes."
    ),
    # Tender: qualification and evaluation
    "criteria.template_note": (
        "Kriteeriumid ja kaalud on hankija standardmall: hankespetsialist kohandab need enne "
        "avaldamist."
    ),
    "criteria.qualification": "Pakkuja kvalifitseerimise tingimused",
    "criteria.q_exclusion": (
        "Pakkujal ei esine RHS § 95 lõikes 1 nimetatud kõrvaldamise aluseid; hankija "
        "kontrollib seda enne lepingu sõlmimist."
    ),
    "criteria.q_experience": (
        "Pakkuja on viimase {months} kuu jooksul teinud vähemalt {works} sarnast kujundustööd "
        "(bännerid, sotsiaalmeedia või trükikujundus)."
    ),
    "criteria.q_team": (
        "Töö eest vastutaval kujundajal on vähemalt {years}-aastane graafilise disaini kogemus."
    ),
    "criteria.q_evidence": (
        "Tõendid: tööde loetelu (tellija, aeg, lühikirjeldus) koos näidiste või linkidega ja "
        "vastutava kujundaja CV."
    ),
    "criteria.evaluation": "Pakkumuste hindamine",
    "criteria.method": (
        "Edukaks tunnistatakse majanduslikult soodsaim pakkumus hinna ja kvaliteedi parima "
        "suhte alusel. Suurim võimalik punktisumma on 100."
    ),
    "criteria.table_caption": "Hindamiskriteeriumid ja kaalud",
    "criteria.criterion": "Kriteerium",
    "criteria.weight": "Punkte (max)",
    "criteria.price": "Pakkumuse maksumus (käibemaksuta)",
    "criteria.quality": "Kvaliteet",
    "criteria.total": "Kokku",
    "criteria.price_heading": "Maksumuse hindamine",
    "criteria.price_formula": (
        "Madalaima maksumusega pakkumus saab {weight} punkti; teised saavad punkte valemiga "
        "madalaim maksumus / pakkumuse maksumus × {weight}. Punktid ümardatakse kahe "
        "komakohani."
    ),
    "criteria.quality_heading": "Kvaliteedi hindamine",
    "criteria.quality_scale": (
        "Hindamiskomisjon hindab iga kvaliteedikriteeriumi skaalal {scale} kriteeriumi "
        "maksimumpunktidest ja põhjendab hinnangut kirjalikult."
    ),
    "criteria.tie_break": (
        "Võrdse punktisumma korral eelistatakse suurema kvaliteedipunktide summaga pakkumust."
    ),
    "quality.concept": "Kontseptsioon ja testkujundus",
    "quality.concept_desc": (
        "Pakkumusega esitatud kontseptsiooni kirjeldus ja testkujundus (üks tellitud töödest "
        "kavandina): kuidas see täidab eesmärki, kõnetab sihtrühma ja edastab põhisõnumid."
    ),
    "quality.compliance": "Brändi ja ligipääsetavuse nõuete täitmine",
    "quality.compliance_desc": (
        "Pakkuja kirjeldab, kuidas ta tagab brändiraamatu reeglite ja ligipääsetavusnõuete "
        "(WCAG 2.1 AA või sellega samaväärne) täitmise, sh kontrastsuse ja "
        "tekstialternatiivid; hinnatakse kirjelduse konkreetsust ja kontrollitavust."
    ),
    # Tender: offer form
    "offer.bidder": "Pakkuja andmed",
    "offer.bidder_caption": "Pakkuja",
    "offer.field.name": "Pakkuja nimi",
    "offer.field.registry_code": "Registrikood",
    "offer.field.address": "Aadress",
    "offer.field.representative": "Esindaja nimi",
    "offer.field.email": "E-post",
    "offer.field.phone": "Telefon",
    "offer.field.position": "Ametikoht",
    "offer.field.date": "Kuupäev",
    "offer.price": "Maksumus",
    "offer.price_intro": (
        "Hinnad eurodes käibemaksuta. Hind sisaldab kõiki töö tegemiseks vajalikke kulusid, "
        "lähtefaile ja varaliste õiguste üleandmist."
    ),
    "offer.price_caption": "Maksumuse tabel",
    "offer.item": "Töö",
    "offer.unit_price": "Ühiku hind, €",
    "offer.line_total": "Kokku, €",
    "offer.sources_and_rights": (
        "Lähtefailid, tekstialternatiivid ja varaliste õiguste üleandmine (kui need ei sisaldu "
        "eespool toodud ridades)"
    ),
    "offer.total_without_vat": "Kokku käibemaksuta",
    "offer.vat": "Käibemaks",
    "offer.total_with_vat": "Kokku koos käibemaksuga",
    "offer.declarations": "Pakkuja kinnitused",
    "offer.d_documents": (
        "Oleme tutvunud hankedokumentidega (tellimus {number}, versioon {version}) ja nõustume "
        "nende tingimustega."
    ),
    "offer.d_price": "Pakkumuse hind on lõplik ja sisaldab kõiki kulusid.",
    "offer.d_rights": (
        "Nõustume andma üle teoste autori varalised õigused ja kolmandate isikute materjalide "
        "litsentsid lepingu tingimuste kohaselt."
    ),
    "offer.d_deadline": "Anname lõplikud failid üle hiljemalt {deadline}.",
    "offer.d_exclusion": "Meil ei esine RHS § 95 lõikes 1 nimetatud kõrvaldamise aluseid.",
    "offer.d_validity": "Pakkumus kehtib {days} päeva pakkumuste esitamise tähtpäevast.",
    "offer.signature": "Allkiri",
    "offer.signature_caption": "Pakkuja esindaja",
    "offer.digital_signature": "Pakkumus allkirjastatakse digitaalselt.",
    # Tender: draft contract terms
    "contract.draft_note": (
        "Lepingu eritingimused õiguste, vastuvõtmise, vastutuse ja muutmise kohta; lepingu "
        "üldtingimused on hankija lepingu põhja osa. Õigusosakond vaatab teksti enne "
        "avaldamist üle."
    ),
    "contract.subject": "Lepingu ese",
    "contract.subject_text": (
        "Töövõtja kujundab ja annab hankijale üle tellimuses „{title}“ ({number}, versioon "
        "{version}) kirjeldatud tööd tehnilise kirjelduse kohaselt."
    ),
    "contract.acceptance": "Üleandmine ja vastuvõtmine",
    "contract.a_delivery": (
        "Töövõtja annab failid üle hankija määratud viisil koos lähtefailide ja "
        "tekstialternatiividega."
    ),
    "contract.a_checks": (
        "Iga faili kontrollitakse brändiraamatu {brandbook} ja tehnilise kirjelduse "
        "vastuvõtukriteeriumide järgi. Fail, mille kontrollis on vea või tagasilükkamise "
        "taseme leid, ei vasta lepingule."
    ),
    "contract.a_review": (
        "Hankija teatab puudustest või võtab töö vastu {days} tööpäeva jooksul failide "
        "üleandmisest."
    ),
    "contract.a_fix": (
        "Töövõtja kõrvaldab puudused {days} tööpäeva jooksul lisatasuta ja annab failid uuesti "
        "üle; kontroll tehakse uuesti."
    ),
    "contract.a_act": (
        "Vastuvõtmine vormistatakse üleandmise-vastuvõtmise aktiga, mis loetleb vastuvõetud "
        "failid (nimi ja SHA-256 kontrollsumma)."
    ),
    "contract.a_rights_pass": (
        "Varalised õigused lähevad hankijale üle ja tasumise kohustus tekib akti allkirjastamisel."
    ),
    "contract.deadlines": "Tähtajad",
    "contract.delay": (
        "Tähtaja ületamisel maksab töövõtja leppetrahvi {per_day} hilinenud töö maksumusest "
        "iga hilinetud päeva eest, kokku kuni {cap} lepingu hinnast. Leppetrahv "
        "tasaarvestatakse tasuga."
    ),
    "contract.payment": "Tasumine",
    "contract.payment_text": (
        "Hankija tasub vastuvõetud tööde eest e-arve alusel {days} päeva jooksul pärast "
        "üleandmise-vastuvõtmise akti allkirjastamist ja e-arve saamist. Avaliku sektori "
        "hankijale esitatakse arve e-arvena (kohustuslik alates 01.07.2019)."
    ),
    # Roles in the brandbook and kinds of deliverable (unknown ones print as given)
    "role.primary": "põhivärv",
    "role.background": "taust",
    "role.text": "tekst",
    "role.accent": "aktsent",
    "role.document": "dokumendid",
    "role.body": "põhitekst",
    "role.headline": "pealkirjad",
    "role.agency-name": "asutuse nimi",
    "role.certificate": "tänukirjad",
    "role.web": "veeb",
    "kind.banner": "Bänner",
    "kind.infographic": "Infograafika",
    "kind.social-post": "Sotsiaalmeedia postitus",
    "kind.poster": "Plakat",
    "kind.leaflet": "Voldik",
    "kind.illustration": "Illustratsioon",
    "kind.icon": "Ikoon",
    "quality.designer": "Lepingut täitma määratud kujundaja kogemus",
    "quality.designer_desc": (
        "Pakkumuses nimetatud vastutava kujundaja, kes teeb lepingu töö, kuni kolm varasemat "
        "sarnast tööd: nende asjakohasus ja kvaliteet (direktiivi 2014/24/EL art 67 lg 2 p b; "
        "pakkuja enda varasemad tööd on kvalifitseerimise, mitte hindamise küsimus)."
    ),
    "access.offer_approach": (
        "Pakkuja kirjeldab pakkumuses, kuidas ta ligipääsetavuse tagab; kirjeldust hinnatakse "
        "kvaliteedikriteeriumi all."
    ),
    "typefaces.identity": (
        "Roboto kirjatüübid on nõutud riigi ühtse visuaalse identiteedi stiilijuhisega "
        "(Riigikantselei); need on vaba litsentsiga (SIL Open Font License) ja tasuta "
        "kättesaadavad."
    ),
    "contract.a_rounds": (
        "Hinnas sisaldub {rounds} parandusringi kavandite ja lõplike failide kohta; iga "
        "parandusring tehakse {days} tööpäeva jooksul."
    ),
    "contract.liability": "Vastutus",
    "contract.liability_text": (
        "Poole vastutus lepingu rikkumisest tekkinud kahju eest on piiratud {cap} lepingu "
        "hinnast; piirang ei kehti tahtliku või raske hooletusega tekitatud kahju ega "
        "kolmandate isikute õiguste rikkumise nõuete kohta."
    ),
    "contract.changes": "Lepingu muutmine",
    "contract.changes_text": (
        "Lepingut muudetakse kirjalikult ja üksnes riigihangete seaduse § 123 lubatud juhtudel "
        "ja ulatuses."
    ),
    "contract.termination": "Lepingu lõpetamine",
    "contract.termination_text": (
        "Pool võib lepingu üles öelda, kui teine pool rikub lepingut oluliselt ega kõrvalda "
        "rikkumist {days} tööpäeva jooksul kirjaliku teate saamisest. Hankija tasub üles "
        "ütlemise ajaks vastu võetud tööde eest."
    ),
    "contract.contacts": "Kontaktisikud",
    "contract.contact_authority": "Hankija kontaktisik",
    "contract.contact_contractor": "Töövõtja kontaktisik",
    "deliverables.references_note": "Viitematerjalid saadetakse koos hankedokumentidega.",
    "logos.variant.positive": "positiivne",
    "logos.variant.negative": "negatiivne",
    "logos.no_min_height": "Väikseim kõrgus trükis: vajab kinnitamist.",
    "kind.social_post": "Sotsiaalmeedia pilt",
    "kind.print": "Trükis",
    "kind.other": "Muu töö",
    "content.by_contractor": ("Tõlke teeb töövõtja eestikeelse lähteülesande põhjal."),
    "content.in_estonian": "See osa on antud eestikeelses lähteülesandes.",
    "doc.invitation": "Pakkumuskutse",
    "rfo.offer_deadline": "Pakkumuste esitamise tähtaeg",
    "rfo.deadline_to_set": (
        "Hankija määrab enne saatmist (vähemalt {days} tööpäeva pakkumuskutse saatmisest)."
    ),
    "rfo.invitation": "Kutse",
    "rfo.intro": ("{organisation} kutsub Teid esitama pakkumust kujundustöödele „{title}“."),
    "rfo.rules": "Ost tehakse hankija hankekorra järgi: {rules}.",
    "rfo.recipients": "Pakkumuskutse saajad",
    "rfo.recipients_text": (
        "Pakkumuskutse saadetakse samal ajal ja samadel tingimustel vähemalt kolmele "
        "ettevõtjale, et pakkumusi saaks võrrelda."
    ),
    "rfo.spec_reference": (
        "Tööde nõuded (mõõdud, vormingud, keeled, brändireeglid, ligipääsetavus ja "
        "vastuvõtukriteeriumid) on lisatud tehnilises kirjelduses."
    ),
    "rfo.offer": "Pakkumuse esitamine",
    "rfo.deadline": "Pakkumus tuleb esitada hiljemalt {deadline}.",
    "rfo.submit": (
        "Pakkumus esitatakse digitaalselt allkirjastatuna e-posti teel aadressile {email} "
        "(kontaktisik {name})."
    ),
    "rfo.contents": (
        "Pakkumus koosneb täidetud pakkumuse vormist, kus on hinnatud iga kujundus ja iga "
        "keeleversioon eraldi, ning kuni kolmest sarnasest varasemast tööst."
    ),
    "rfo.questions": (
        "Küsimused esitatakse e-posti teel kontaktisikule; vastused saadetakse samal ajal "
        "kõigile pakkumuskutse saajatele."
    ),
    "rfo.evaluation": "Pakkumuste hindamine",
    "rfo.evaluation_text": (
        "Hankija kontrollib, et pakkumus vastab tehnilisele kirjeldusele, ning valib "
        "vastavatest pakkumustest madalaima kogumaksumusega (käibemaksuta) pakkumuse. Kõigile "
        "pakkujatele teatatakse tulemus e-posti teel."
    ),
    "rfo.no_obligation": (
        "Hankija võib jätta lepingu sõlmimata, kui ükski pakkumus ei vasta tingimustele või "
        "kõik ületavad hankija eelarve."
    ),
    "rfo.annexes": "Lisad",
    "offer.design": "kujundus ({language})",
    "offer.adaptation": "keeleversioon: {languages}",
    "offer.price_lines_note": (
        "Iga kujundus ja iga keeleversioon on eraldi real, et pakkumused oleksid võrreldavad."
    ),
    "offer.d_rounds": "Hind sisaldab {rounds} parandusringi.",
    "rfo.firm": "Ettevõtja",
    "draft.intro": (
        "See dokument põhineb brändiraamatu väärtustel, mis ei ole veel kinnitatud. Enne kui "
        "dokument on lõplik ja avaldatakse, tuleb kinnitada:"
    ),
    "draft.colour": ("värv {name}: HEX-, CMYK- ja Pantone'i väärtused"),
    "draft.typeface": "kirjatüüp {name} ja selle kasutus",
    "draft.logo": ("logo „{name}“: ametlikud failid, turvaala ja väikseimad mõõdud"),
    "draft.preset": "mall „{name}“: mõõdud ja vormingud",
    "brief.tone": "Sõnastuse toon",
    "brief.cta": "Üleskutse (mida lugeja peab tegema)",
    "brief.texts": "Tekstid, tõlge ja keeletoimetus",
    "brief.revision_rounds": (
        "Hinnas sisaldub {rounds} parandusringi; iga parandusring tehakse {days} tööpäeva jooksul."
    ),
    "logo_use.caption": "Logo ja variant tööde kaupa",
    "logo_use.logo": "Logo",
    "logo_use.variant": "Variant",
    "logo_use.open": ("Brändiraamat ei nõua logo; hankija täpsustab avakoosolekul."),
    "logo_use.note": (
        "Negatiivset varianti kasutatakse tumedal taustal; variant valitakse nii, et logo "
        "kontrastsus taustaga on piisav."
    ),
    "texts.copy_from_authority": (
        "Tööde tekstid (pealkirjad, põhisõnumid, üleskutse) annab hankija; kujundaja ei muuda "
        "nende sisu."
    ),
    "texts.translation.authority": "Tõlked ({languages}) annab hankija.",
    "texts.translation.contractor": (
        "Tõlked ({languages}) teeb töövõtja; tõlke hind on pakkumuse keeleversioonide ridades."
    ),
    "texts.proofreading.authority": (
        "Tõlgete keeletoimetuse ({languages}) teeb hankija enne kavandite kinnitamist."
    ),
    "texts.proofreading.contractor": (
        "Tõlgete keeletoimetuse ({languages}) teeb töövõtja ja see sisaldub hinnas."
    ),
    "texts.approval": (
        "Hankija kinnitab iga keeleversiooni teksti kirjalikult enne lõplike failide tegemist."
    ),
    "files.delivery_format": "Üleandmise vorm",
    "register.caption": "Hanke andmed",
    "register.reference": "Viitenumber riigihangete registris",
    "register.reference_pending": "Antakse registris hanke avaldamisel.",
    "register.deadline_pending": (
        "Hankija määrab registris (vähemalt seaduses nõutud aeg, vt eespool)."
    ),
    "register.rules": "Hankija hankekord",
    "register.rules_default": ("Sotsiaalkindlustusameti hankekord (kehtiv redaktsioon)"),
    "register.plan": "Hankeplaani kanne",
    "register.lots": ("Osadeks jaotamata jätmise põhjus (RHS § 36 lg 4)"),
    "register.lots_default": (
        "Hange ei ole jaotatud osadeks, sest tellitavad tööd on ühe kampaania ühtne visuaalne "
        "lahendus: eri pakkujate tehtud osad ei tagaks ühtset kujundust ja lepingu täitmise "
        "koordineerimine muutuks ebamõistlikult keeruliseks."
    ),
    "register.communication": "Teabevahetus",
    "register.communication_text": (
        "Teabevahetus, sealhulgas selgitustaotlused ja pakkumuste esitamine, toimub "
        "riigihangete registri kaudu (riigihanked.riik.ee); muul viisil esitatud pakkumusi ei "
        "arvestata."
    ),
    "criteria.register_evidence": ("Kõrvaldamise aluste ja kvalifikatsiooni tõendamine"),
    "criteria.evidence_national": (
        "Alla rahvusvahelise piirmäära kinnitab pakkuja kõrvaldamise aluste puudumist ja "
        "kvalifitseerimistingimustele vastavust riigihangete registris; hankija kontrollib "
        "andmeid avalikest andmekogudest (äriregister, maksuvõla andmed) ja küsib muid "
        "tõendeid ainult edukaks tunnistatavalt pakkujalt."
    ),
    "criteria.evidence_eu": (
        "Rahvusvahelise piirmäära korral esitab pakkuja riigihangete registris Euroopa ühtse "
        "hankedokumendi (ESPD); hankija kontrollib kõrvaldamise aluseid ja kvalifikatsiooni "
        "tõendeid enne edukaks tunnistamist, kasutades võimaluse korral avalikke andmekogusid."
    ),
}

EN: dict[str, str] = {
    "footer.version": "version",
    "footer.page": "page",
    "meta.caption": "Document details",
    "meta.number": "Document number",
    "meta.version": "Version (order revision)",
    "meta.created": "Prepared",
    "meta.client": "Contracting authority",
    "meta.owner": "Ordered by",
    "meta.deadline": "Deadline",
    "meta.brandbook": "Brandbook",
    "meta.value": "Estimated value (without VAT)",
    "meta.route": "Procurement route",
    "doc.brief": "Design brief",
    "doc.spec": "Technical specification",
    "doc.criteria": "Qualification and evaluation criteria",
    "doc.offer": "Offer form",
    "doc.contract": "Special contract terms",
    "common.not_given": "Not given.",
    "common.confirmed": "confirmed",
    "common.to_confirm": "to be confirmed",
    "common.language": "Language",
    "common.no": "No.",
    "common.none": "None.",
    "common.status": "Status",
    "brief.background": "Background",
    "brief.objective": "Objective",
    "brief.audience": "Target audience",
    "brief.messages": "Key messages",
    "brief.deliverables": "Deliverables",
    "brief.references": "Reference material",
    "brief.brand": "Brand rules",
    "brief.brand_intro": (
        "The rules come from the brandbook {brandbook}: the same data that the authority "
        "checks the delivered files against."
    ),
    "brief.palette": "Colours",
    "brief.typefaces": "Typefaces",
    "brief.logos": "Logos",
    "brief.presets": "Presets and sizes",
    "brief.accessibility": "Accessibility",
    "brief.acceptance": "Acceptance criteria",
    "brief.files": "Files and source files to deliver",
    "brief.rights": "Copyright and licences",
    "brief.timeline": "Timeline",
    "brief.review_period": (
        "The authority reviews the delivered files within {days} working days; the contractor "
        "corrects any shortcomings and delivers the files again."
    ),
    "brief.contacts": "Contacts",
    "messages.caption": "Key message by language",
    "messages.message": "Message",
    "deliverables.caption": "Deliverables",
    "deliverables.kind": "Item",
    "deliverables.size": "Size",
    "deliverables.formats": "Formats",
    "deliverables.languages": "Languages",
    "deliverables.quantity": "Quantity",
    "deliverables.files": "Files",
    "deliverables.total_files": "Files in total",
    "deliverables.quantity_note": (
        "Quantity is the number of different designs; each design is delivered in every "
        "language listed. Files = quantity × number of languages."
    ),
    "palette.caption": "Brand colours",
    "palette.swatch": "Swatch",
    "palette.name": "Name",
    "palette.roles": "Use",
    "palette.tolerance": (
        "Tolerance: CIEDE2000 (ΔE00) up to {tolerance}; off-palette colours up to {share} of "
        "the area."
    ),
    "palette.neutrals": "White, black and greys (chroma C*ab below {chroma}) are allowed.",
    "palette.unconfirmed_note": (
        "Values marked “to be confirmed” are approximate conversions; the authority confirms "
        "them before print. Pantone shades refer to a colour system: an equivalent colour "
        "system is also accepted."
    ),
    "typefaces.caption": "Brand typefaces",
    "typefaces.family": "Typeface",
    "typefaces.roles": "Use",
    "typefaces.weights": "Weights",
    "typefaces.fallbacks": "Fallbacks",
    "typefaces.licence": "Licence",
    "typefaces.min_size": "Smallest text: {px} px.",
    "logos.usage": "Use",
    "logos.clear_space": "Clear space: {share} of the logo's height on every side.",
    "logos.min_width": "Minimum width on screen: {px} px.",
    "logos.min_height": "Minimum height in print: {mm} mm.",
    "logos.variants": "Variants",
    "logos.to_confirm": "The logo files and sizes are to be confirmed.",
    "logos.rules": (
        "Use the logo only from the brandbook's files and unchanged: do not stretch, recolour "
        "or add effects; keep the clear space empty."
    ),
    "logos.alt": "{name} ({variant})",
    "presets.caption": "Presets of the ordered items",
    "presets.name": "Preset",
    "presets.size": "Size",
    "presets.match": "Size rule",
    "presets.formats": "Formats",
    "presets.max_bytes": "Largest file",
    "presets.print": "Print and colour space",
    "presets.custom": (
        "An item with a size outside the presets must be delivered in exactly the size and "
        "format given in the order."
    ),
    "presets.match_exact": "exactly {size}",
    "presets.match_aspect": "aspect ratio {ratio}:1 (±{tolerance})",
    "presets.min_dpi": "at least {dpi} dpi",
    "presets.bleed": "PDF: trim size ±{tolerance} mm, bleed up to {bleed} mm",
    "presets.colour_space.srgb": "colour space sRGB",
    "presets.colour_space.cmyk": "colour space CMYK",
    "presets.colour_space.any": "colour space sRGB or CMYK",
    "access.wcag": (
        "The work meets WCAG 2.1 level AA (EN 301 549) or an equivalent requirement, required "
        "of Estonian public-sector websites."
    ),
    "access.text_contrast": (
        "Text has a contrast ratio of at least {ratio} with its background (WCAG 1.4.3)."
    ),
    "access.large_contrast": (
        "Large text (at least {px} px, or bold at least {bold_px} px) has a contrast ratio of "
        "at least {ratio}."
    ),
    "access.non_text_contrast": (
        "Meaningful non-text elements (icons, chart lines, buttons) have a contrast ratio of at "
        "least {ratio} (WCAG 1.4.11)."
    ),
    "access.alt_text": (
        "Every item has a short text alternative (alt text) in each of its languages: {languages}."
    ),
    "access.long_description": (
        "Infographics also have a long text alternative that gives all the information "
        "(figures, relations) as text."
    ),
    "access.long_description_ordered": (
        "The order includes an infographic: its long text alternative is a required deliverable."
    ),
    "access.not_colour_only": "Information is never conveyed by colour alone.",
    "access.order_needs": "The authority's further accessibility requirements:",
    "accept.intro": (
        "The authority checks every delivered file automatically against the brandbook "
        "{brandbook} and the preset of its item. Each row ends with the check's identifier in "
        "small print, as it appears in the check report."
    ),
    "accept.caption": "Checks of the delivered files",
    "accept.code": "Check identifier",
    "accept.rule": "Requirement",
    "accept.severity": "Severity",
    "accept.verdict": (
        "A file is accepted when it has no finding of severity error. A rejected file (a "
        "corrupt or unsafe file) must be replaced. Warnings must be fixed or explained in "
        "writing at delivery."
    ),
    "accept.order_match": (
        "The delivered files are also matched against the ordered items: sizes, formats, "
        "languages and quantities (see the deliverables table)."
    ),
    "accept.file": (
        "The file opens and is intact: not empty or corrupt, its content matches its "
        "extension, its format is PNG, JPEG, WebP, SVG or PDF, at most {max_bytes}, a raster "
        "image at most {megapixels} megapixels."
    ),
    "accept.svg_unsafe": (
        "The SVG has no scripts, event handlers, external references or elements outside the "
        "allow-list (such a file is rejected, never “cleaned”)."
    ),
    "accept.pdf_unsafe": (
        "The PDF has no JavaScript, automatic actions, embedded files or external references "
        "and is not encrypted."
    ),
    "accept.size_mismatch": (
        "Exact-size presets (see the presets table): the pixel size is exactly the preset's. "
        "Print presets: the PDF page is the trim size ±{tolerance} mm, or the trim size with a "
        "bleed of up to {bleed} mm on each side."
    ),
    "accept.aspect_mismatch": (
        "Aspect-ratio presets, print rasters and SVG: the aspect ratio differs from the "
        "preset's by no more than its tolerance (see the presets table)."
    ),
    "accept.format_not_allowed": (
        "The file format is one of the preset's formats (see the presets table)."
    ),
    "accept.file_too_large": (
        "The file is no larger than the preset's largest file (see the presets table)."
    ),
    "accept.low_resolution": (
        "A raster for a print preset has at least the preset's dpi at the preset's size (see "
        "the presets table)."
    ),
    "accept.off_palette": (
        "Colours are the brand palette's: a pixel counts as a palette colour when its CIEDE2000 "
        "distance (ΔE00) to one is at most {tolerance}; {neutrals} Off-palette colours may cover "
        "at most {share} of the area (more is an error, less a warning). In SVG every "
        "off-palette colour is an error."
    ),
    "accept.neutrals_allowed": "white, black and greys (chroma C*ab below {chroma}) are allowed.",
    "accept.neutrals_not_allowed": "white, black and greys must be in the palette too.",
    "accept.disallowed_font": (
        "Only the brand typefaces ({families}) or their fallbacks ({fallbacks}) are used."
    ),
    "accept.not_embedded": (
        "Every font in a PDF is embedded (or the text is converted to outlines)."
    ),
    "accept.too_small": "Text in SVG is at least {px} px.",
    "accept.contrast": (
        "Text has a contrast ratio of at least {text} with its background; large text (at least "
        "{px} px, or bold at least {bold_px} px) at least {large}."
    ),
    "accept.location": "The file has no location data (GPS in EXIF or XMP).",
    "accept.personal_data": (
        "The file has no personal data (author's name, contacts in EXIF or XMP)."
    ),
    "accept.colour_space": (
        "Web and social presets are in sRGB (not CMYK or another ICC profile); print presets as "
        "in the presets table."
    ),
    "severity.rejected": "rejected",
    "severity.error": "error",
    "severity.warning": "warning",
    "files.exports": (
        "Each item is exported as a separate file for each language, in the ordered preset's "
        "size and format (see the presets table)."
    ),
    "files.naming": (
        "A file name is made of the order number, the item number, the language and the "
        "preset, e.g. {example}."
    ),
    "files.sources": (
        "Source files are delivered with their layers in the design application's native "
        "format (e.g. AI, INDD, PSD, FIG, AFDESIGN or SVG, or an equivalent layered format) "
        "with the linked images."
    ),
    "files.fonts": (
        "Fonts: print PDFs embed their fonts; source files use the brand's free-licence "
        "typefaces; for any other typeface the text is converted to outlines or the authority "
        "already holds the font licence."
    ),
    "files.images": "Photos and illustrations are delivered with their licence and source.",
    "files.alt_texts": (
        "Each item's alt text and an infographic's long text alternative are delivered as a "
        "text file (UTF-8) in each of the item's languages."
    ),
    "files.metadata": "Location and personal data are removed from the files (EXIF/XMP).",
    "rights.legal_note": (
        "Standard text under the Estonian Copyright Act (AutÕS); the legal department reviews "
        "it before use."
    ),
    "rights.transfer": (
        "The author's economic rights in the works created under the contract (including "
        "drafts, interim results, final files and source files) pass to the authority when the "
        "acceptance certificate is signed."
    ),
    "rights.scope": (
        "The economic rights are transferred without limits in time or territory and for every "
        "manner of use, including the right to reproduce, distribute, display publicly, make "
        "available to the public, translate, alter, adapt and combine the works with others."
    ),
    "rights.moral": (
        "The author's moral (personal) rights, including the rights of authorship and to the "
        "author's name, stay with the author and are not transferable. The contractor ensures "
        "that the author does not exercise them so as to prevent the authority's normal use and "
        "alteration of the work, and agrees to the work being used without the author's name."
    ),
    "rights.sources": (
        "The layered source files are delivered too; the authority may alter them and create "
        "new works from them."
    ),
    "rights.third_party": (
        "For third-party material (stock photos, illustrations, icons, typefaces) a "
        "non-exclusive licence is enough if it covers the authority's own uses in all ordered "
        "channels, including editing and adapting; no right to sublicense is required. The "
        "contractor lists that material with its licence terms, and the licence fees are "
        "included in the price."
    ),
    "rights.price": (
        "The fee for the transfer of economic rights and for the licences is included in the "
        "contract price; no separate fee is paid."
    ),
    "rights.warranty": (
        "The contractor confirms that the works are original and do not infringe third parties' "
        "rights, and is liable for claims of such infringement."
    ),
    "timeline.caption": "Timeline",
    "timeline.date": "Date",
    "timeline.what": "Milestone",
    "timeline.deadline": "Deadline for the final files",
    "contacts.caption": "Contact details",
    "contacts.person": "Contact person",
    "contacts.email": "Email",
    "contacts.phone": "Phone",
    "contacts.owner": "Ordered by",
    "contacts.organisation": "Organisation",
    "contacts.registry_code": "registry code",
    "contacts.address": "Address",
    "route.route": "Procurement route",
    "route.threshold": "Threshold: {threshold} (without VAT).",
    "route.source": "Legal basis: {source} (applies from {date}).",
    "route.splitting": (
        "The route is chosen on the total value of all parts of one purchase; a purchase is "
        "never split to stay under a threshold."
    ),
    "route.explain.low_value": (
        "The estimated value is below the simple procurement threshold: the procedures of the "
        "Public Procurement Act do not apply, but the general principles of RHS § 3 and the "
        "authority's procurement rules do. The authority asks at least three firms for offers "
        "(request for offers)."
    ),
    "route.explain.simple": (
        "Simple procurement (RHS § 125). These procurement documents set the procedure rules "
        "(§ 125 (2)). The time limit for offers is at least 5 working days from the "
        "publication of the notice (§ 125 (4)). Before the contract the authority checks that "
        "none of the exclusion grounds of § 95 (1) applies to the successful tenderer (§ 125 "
        "(7)). The contract may be concluded 5 working days after the award decision is "
        "notified (standstill, § 125 (9))."
    ),
    "route.explain.national": (
        "National procurement as an open procedure. The time limit for offers is at least 15 "
        "days from the submission of the notice to the register, as all communication is "
        "electronic through the public procurement register (RHS § 93 (1) 1; otherwise 20 "
        "days, point 2)."
    ),
    "route.explain.international": (
        "The EU threshold is reached: the notice is also published in the Official Journal of "
        "the EU (TED). In the open procedure the time limit for offers is at least 30 days "
        "from the submission of the notice to the register with electronic communication (RHS "
        "§ 93 (1) 4; otherwise 35 days, point 5)."
    ),
    "spec.authority": "Contracting authority",
    "spec.subject": "Subject of the procurement",
    "spec.subject_text": "The subject of the procurement is design work: “{title}”.",
    "spec.cpv": "CPV codes",
    "spec.route": "Procurement route and estimated value",
    "spec.value": "Estimated value of the procurement: {value} (without VAT).",
    "spec.rights": (
        "The author's economic rights in the works created under the contract pass to the "
        "authority without limits in time or territory; for third-party material a "
        "non-exclusive licence covering the authority's own uses (including editing) is "
        "enough. The contract terms give the details."
    ),
    "criteria.template_note": (
        "The criteria and weights are the authority's standard template: the procurement "
        "specialist adapts them before publication."
    ),
    "criteria.qualification": "Qualification of the bidder",
    "criteria.q_exclusion": (
        "None of the exclusion grounds of RHS § 95 (1) applies to the tenderer; the authority "
        "checks this before the contract is concluded."
    ),
    "criteria.q_experience": (
        "In the last {months} months the tenderer has completed at least {works} similar "
        "design works (banners, social media or print design)."
    ),
    "criteria.q_team": (
        "The designer responsible for the work has at least {years} years' experience in "
        "graphic design."
    ),
    "criteria.q_evidence": (
        "Evidence: a list of works (client, date, short description) with samples or links, and "
        "the responsible designer's CV."
    ),
    "criteria.evaluation": "Evaluation of offers",
    "criteria.method": (
        "The most economically advantageous offer on the best price-quality ratio wins. The "
        "maximum score is 100 points."
    ),
    "criteria.table_caption": "Evaluation criteria and weights",
    "criteria.criterion": "Criterion",
    "criteria.weight": "Points (max)",
    "criteria.price": "Price of the offer (without VAT)",
    "criteria.quality": "Quality",
    "criteria.total": "Total",
    "criteria.price_heading": "Scoring the price",
    "criteria.price_formula": (
        "The lowest-priced offer scores {weight} points; the others score lowest price / offer "
        "price × {weight}. Points are rounded to two decimals."
    ),
    "criteria.quality_heading": "Scoring the quality",
    "criteria.quality_scale": (
        "The evaluation committee scores each quality criterion on a scale of {scale} of the "
        "criterion's maximum points, with written reasons."
    ),
    "criteria.tie_break": "On equal scores, the offer with more quality points is preferred.",
    "quality.concept": "Concept and test design",
    "quality.concept_desc": (
        "The concept description and test design (one ordered item as a draft) submitted with "
        "the offer: how it meets the objective, speaks to the audience and conveys the key "
        "messages."
    ),
    "quality.compliance": "Meeting the brand and accessibility requirements",
    "quality.compliance_desc": (
        "The tenderer describes how it ensures the brandbook's rules and accessibility (WCAG "
        "2.1 AA or equivalent), including contrast and text alternatives; the description is "
        "scored for being concrete and checkable."
    ),
    "offer.bidder": "Bidder",
    "offer.bidder_caption": "Bidder's details",
    "offer.field.name": "Name of the bidder",
    "offer.field.registry_code": "Registry code",
    "offer.field.address": "Address",
    "offer.field.representative": "Representative",
    "offer.field.email": "Email",
    "offer.field.phone": "Phone",
    "offer.field.position": "Position",
    "offer.field.date": "Date",
    "offer.price": "Price",
    "offer.price_intro": (
        "Prices in euros without VAT. The price covers every cost of the work, the source files "
        "and the transfer of economic rights."
    ),
    "offer.price_caption": "Price table",
    "offer.item": "Item",
    "offer.unit_price": "Unit price, €",
    "offer.line_total": "Total, €",
    "offer.sources_and_rights": (
        "Source files, text alternatives and transfer of economic rights (unless included in the "
        "lines above)"
    ),
    "offer.total_without_vat": "Total without VAT",
    "offer.vat": "VAT",
    "offer.total_with_vat": "Total with VAT",
    "offer.declarations": "Declarations of the bidder",
    "offer.d_documents": (
        "We have read the procurement documents (order {number}, version {version}) and accept "
        "their terms."
    ),
    "offer.d_price": "The price of the offer is final and covers all costs.",
    "offer.d_rights": (
        "We agree to transfer the economic rights in the works and to provide the third-party "
        "licences as the contract terms set out."
    ),
    "offer.d_deadline": "We deliver the final files by {deadline}.",
    "offer.d_exclusion": "None of the exclusion grounds of RHS § 95 (1) applies to us.",
    "offer.d_validity": "The offer is valid for {days} days from the deadline for offers.",
    "offer.signature": "Signature",
    "offer.signature_caption": "Representative of the bidder",
    "offer.digital_signature": "The offer is signed digitally.",
    "contract.draft_note": (
        "Special terms of the contract on rights, acceptance, liability and changes; the "
        "general terms are part of the authority's contract template. The legal department "
        "reviews the text before publication."
    ),
    "contract.subject": "Subject of the contract",
    "contract.subject_text": (
        "The contractor designs and delivers to the authority the items described in the order "
        "“{title}” ({number}, version {version}) as set out in the technical specification."
    ),
    "contract.acceptance": "Delivery and acceptance",
    "contract.a_delivery": (
        "The contractor delivers the files as the authority specifies, with the source files "
        "and text alternatives."
    ),
    "contract.a_checks": (
        "Each file is checked against the brandbook {brandbook} and the acceptance criteria of "
        "the technical specification. A file with a finding of severity error or rejection "
        "does not conform to the contract."
    ),
    "contract.a_review": (
        "The authority reports shortcomings or accepts the work within {days} working days of "
        "delivery."
    ),
    "contract.a_fix": (
        "The contractor remedies shortcomings within {days} working days at no extra cost and "
        "delivers the files again; the checks are run again."
    ),
    "contract.a_act": (
        "Acceptance is recorded in a delivery and acceptance certificate listing the accepted "
        "files (name and SHA-256 checksum)."
    ),
    "contract.a_rights_pass": (
        "The economic rights pass to the authority, and the obligation to pay arises, on signature "
        "of the certificate."
    ),
    "contract.deadlines": "Deadlines",
    "contract.delay": (
        "For a missed deadline the contractor pays a contractual penalty of {per_day} of the "
        "price of the late work for each day of delay, in total up to {cap} of the contract "
        "price. The penalty is set off against the fee."
    ),
    "contract.payment": "Payment",
    "contract.payment_text": (
        "The authority pays for the accepted work by e-invoice within {days} days after the "
        "acceptance certificate is signed and the e-invoice is received. Invoices to "
        "public-sector authorities must be e-invoices (mandatory since 1 July 2019)."
    ),
    "role.primary": "primary",
    "role.background": "background",
    "role.text": "text",
    "role.accent": "accent",
    "role.document": "documents",
    "role.body": "body text",
    "role.headline": "headlines",
    "role.agency-name": "agency name",
    "role.certificate": "certificates",
    "role.web": "web",
    "kind.banner": "Banner",
    "kind.infographic": "Infographic",
    "kind.social-post": "Social media post",
    "kind.poster": "Poster",
    "kind.leaflet": "Leaflet",
    "kind.illustration": "Illustration",
    "kind.icon": "Icon",
    "quality.designer": "Experience of the designer assigned to the contract",
    "quality.designer_desc": (
        "Up to three earlier similar works of the lead designer named in the offer who will do "
        "the work: their relevance and quality (Directive 2014/24/EU Art 67(2)(b); the "
        "tenderer's own past work is a matter of qualification, not of award)."
    ),
    "access.offer_approach": (
        "The tenderer describes in its offer how it ensures accessibility; the description is "
        "scored under a quality criterion."
    ),
    "typefaces.identity": (
        "The Roboto typefaces are required by the state's unified visual identity guide "
        "(Government Office); they are under a free licence (SIL Open Font License) and "
        "available at no cost."
    ),
    "contract.a_rounds": (
        "The price includes {rounds} revision rounds for the drafts and final files; each "
        "round is done within {days} working days."
    ),
    "contract.liability": "Liability",
    "contract.liability_text": (
        "A party's liability for damage caused by a breach of contract is limited to {cap} of "
        "the contract price; the limit does not apply to damage caused intentionally or by "
        "gross negligence, nor to claims for infringement of third parties' rights."
    ),
    "contract.changes": "Changes to the contract",
    "contract.changes_text": (
        "The contract is changed in writing and only in the cases and to the extent allowed by "
        "§ 123 of the Public Procurement Act."
    ),
    "contract.termination": "Termination",
    "contract.termination_text": (
        "A party may terminate the contract if the other party commits a material breach and "
        "does not remedy it within {days} working days of written notice. The authority pays "
        "for the work accepted by the termination."
    ),
    "contract.contacts": "Contact persons",
    "contract.contact_authority": "Authority's contact person",
    "contract.contact_contractor": "Contractor's contact person",
    "deliverables.references_note": (
        "The reference material is sent with the procurement documents."
    ),
    "logos.variant.positive": "positive",
    "logos.variant.negative": "negative",
    "logos.no_min_height": "Minimum height in print: to be confirmed.",
    "kind.social_post": "Social media image",
    "kind.print": "Printed matter",
    "kind.other": "Other item",
    "content.by_contractor": (
        "Translation to be provided by the contractor from the Estonian brief."
    ),
    "content.in_estonian": "This part is given in the Estonian brief only.",
    "doc.invitation": "Request for offers",
    "rfo.offer_deadline": "Deadline for offers",
    "rfo.deadline_to_set": (
        "Set by the authority before sending (at least {days} working days after the request "
        "is sent)."
    ),
    "rfo.invitation": "Invitation",
    "rfo.intro": ("{organisation} invites you to submit an offer for the design work “{title}”."),
    "rfo.rules": ("The purchase follows the authority's procurement rules: {rules}."),
    "rfo.recipients": "Recipients of the request",
    "rfo.recipients_text": (
        "The request for offers is sent at the same time and on the same terms to at least "
        "three firms, so that the offers can be compared."
    ),
    "rfo.spec_reference": (
        "The requirements (sizes, formats, languages, brand rules, accessibility and "
        "acceptance criteria) are in the attached technical specification."
    ),
    "rfo.offer": "Submitting an offer",
    "rfo.deadline": "Offers must be submitted by {deadline}.",
    "rfo.submit": (
        "The offer is signed digitally and sent by e-mail to {email} (contact person {name})."
    ),
    "rfo.contents": (
        "The offer consists of the completed offer form, which prices each design and each "
        "language version separately, and up to three similar earlier works."
    ),
    "rfo.questions": (
        "Questions are sent by e-mail to the contact person; the answers go to all recipients "
        "of the request at the same time."
    ),
    "rfo.evaluation": "Evaluation of offers",
    "rfo.evaluation_text": (
        "The authority checks that each offer meets the technical specification and chooses, "
        "among the conforming offers, the one with the lowest total price (without VAT). All "
        "tenderers are told the result by e-mail."
    ),
    "rfo.no_obligation": (
        "The authority may decide not to conclude a contract if no offer meets the terms or "
        "all exceed the authority's budget."
    ),
    "rfo.annexes": "Annexes",
    "offer.design": "design ({language})",
    "offer.adaptation": "language version: {languages}",
    "offer.price_lines_note": (
        "Each design and each language version has its own line, so that the offers are comparable."
    ),
    "offer.d_rounds": "The price includes {rounds} revision rounds.",
    "rfo.firm": "Firm",
    "draft.intro": (
        "This document is built on brandbook values that are not yet confirmed. Before the "
        "document is final and published, confirm:"
    ),
    "draft.colour": ("colour {name}: its HEX, CMYK and Pantone values"),
    "draft.typeface": "typeface {name} and its use",
    "draft.logo": ("logo “{name}”: the official files, clear space and minimum sizes"),
    "draft.preset": "preset “{name}”: size and formats",
    "brief.tone": "Tone of voice",
    "brief.cta": "Call to action (what the reader should do)",
    "brief.texts": "Texts, translation and proofreading",
    "brief.revision_rounds": (
        "The price includes {rounds} revision rounds; each round is done within {days} working "
        "days."
    ),
    "logo_use.caption": "Logo and variant per item",
    "logo_use.logo": "Logo",
    "logo_use.variant": "Variant",
    "logo_use.open": (
        "The brandbook requires no logo; the authority specifies it at the kick-off meeting."
    ),
    "logo_use.note": (
        "The negative variant is used on dark backgrounds; the variant is chosen so that the "
        "logo has enough contrast with its background."
    ),
    "texts.copy_from_authority": (
        "The authority provides the texts of the items (headlines, key messages, call to "
        "action); the designer does not change their content."
    ),
    "texts.translation.authority": ("The authority provides the translations ({languages})."),
    "texts.translation.contractor": (
        "The contractor translates ({languages}); the price of translation is in the offer's "
        "language-version lines."
    ),
    "texts.proofreading.authority": (
        "The authority proofreads the translations ({languages}) before the drafts are approved."
    ),
    "texts.proofreading.contractor": (
        "The contractor proofreads the translations ({languages}); this is included in the price."
    ),
    "texts.approval": (
        "The authority approves the text of each language version in writing before the final "
        "files are made."
    ),
    "files.delivery_format": "Delivery format",
    "register.caption": "Procurement details",
    "register.reference": ("Reference number in the public procurement register"),
    "register.reference_pending": ("Given by the register when the procurement is published."),
    "register.deadline_pending": (
        "Set by the authority in the register (at least the time the law requires, see above)."
    ),
    "register.rules": "The authority's procurement rules",
    "register.rules_default": ("Procurement rules of the Social Insurance Board (current version)"),
    "register.plan": "Procurement plan entry",
    "register.lots": ("Reason for not dividing into lots (RHS § 36 (4))"),
    "register.lots_default": (
        "The procurement is not divided into lots because the ordered items form one "
        "campaign's single visual solution: parts made by different tenderers would not ensure "
        "a consistent design, and coordinating the performance of the contract would become "
        "unreasonably complex."
    ),
    "register.communication": "Communication",
    "register.communication_text": (
        "All communication, including requests for clarification and the submission of offers, "
        "takes place through the public procurement register (riigihanked.riik.ee); offers "
        "submitted otherwise are not considered."
    ),
    "criteria.register_evidence": ("Evidence of exclusion grounds and qualification"),
    "criteria.evidence_national": (
        "Below the EU threshold the tenderer confirms in the public procurement register that "
        "no exclusion ground applies and that it meets the qualification conditions; the "
        "authority checks the data in public databases (commercial register, tax arrears) and "
        "asks for further evidence only from the tenderer to be awarded the contract."
    ),
    "criteria.evidence_eu": (
        "At or above the EU threshold the tenderer submits the European Single Procurement "
        "Document (ESPD) in the public procurement register; the authority checks the "
        "exclusion grounds and the evidence of qualification before the award, using public "
        "databases where it can."
    ),
}

RU: dict[str, str] = {
    "footer.version": "версия",
    "footer.page": "стр.",
    "meta.caption": "Сведения о документе",
    "meta.number": "Номер документа",
    "meta.version": "Версия (редакция заказа)",
    "meta.created": "Дата составления",
    "meta.client": "Заказчик",
    "meta.owner": "Автор заказа",
    "meta.deadline": "Срок сдачи",
    "meta.brandbook": "Брендбук",
    "meta.value": "Ориентировочная стоимость (без НДС)",
    "meta.route": "Вид закупки",
    "doc.brief": "Бриф на дизайн",
    "common.not_given": "Не указано.",
    "common.confirmed": "подтверждено",
    "common.to_confirm": "требует подтверждения",
    "common.language": "Язык",
    "common.no": "№",
    "common.none": "Нет.",
    "common.status": "Статус",
    "brief.background": "Предыстория",
    "brief.objective": "Цель",
    "brief.audience": "Целевая аудитория",
    "brief.messages": "Ключевые сообщения",
    "brief.deliverables": "Заказываемые работы",
    "brief.references": "Справочные материалы",
    "brief.brand": "Правила бренда",
    "brief.brand_intro": (
        "Правила взяты из брендбука {brandbook} — тех же данных, по которым заказчик проверяет "
        "сданные файлы."
    ),
    "brief.palette": "Цвета",
    "brief.typefaces": "Шрифты",
    "brief.logos": "Логотипы",
    "brief.presets": "Шаблоны и размеры",
    "brief.accessibility": "Доступность",
    "brief.acceptance": "Критерии приёмки",
    "brief.files": "Сдаваемые файлы и исходники",
    "brief.rights": "Авторские права и лицензии",
    "brief.timeline": "График",
    "brief.review_period": (
        "Заказчик проверяет сданные файлы в течение {days} рабочих дней; при недостатках "
        "исполнитель исправляет их и сдаёт файлы повторно."
    ),
    "brief.contacts": "Контакты",
    "messages.caption": "Ключевое сообщение по языкам",
    "messages.message": "Сообщение",
    "deliverables.caption": "Заказываемые работы",
    "deliverables.kind": "Работа",
    "deliverables.size": "Размер",
    "deliverables.formats": "Форматы",
    "deliverables.languages": "Языки",
    "deliverables.quantity": "Кол-во",
    "deliverables.files": "Файлов",
    "deliverables.total_files": "Всего файлов",
    "deliverables.quantity_note": (
        "Количество — это число разных макетов; каждый макет сдаётся на каждом из указанных "
        "языков. Число файлов = количество × число языков."
    ),
    "palette.caption": "Цвета бренда",
    "palette.swatch": "Образец",
    "palette.name": "Название",
    "palette.roles": "Назначение",
    "palette.tolerance": (
        "Допуск: CIEDE2000 (ΔE00) не более {tolerance}; цвета вне палитры — не более {share} "
        "площади."
    ),
    "palette.neutrals": "Белый, чёрный и серые (хроматичность C*ab меньше {chroma}) разрешены.",
    "palette.unconfirmed_note": (
        "Значения с пометкой «требует подтверждения» — приблизительные пересчёты; заказчик "
        "подтверждает их до печати. Оттенки Pantone — ссылка на систему цветов: допускается и "
        "равноценная система."
    ),
    "typefaces.caption": "Шрифты бренда",
    "typefaces.family": "Шрифт",
    "typefaces.roles": "Назначение",
    "typefaces.weights": "Начертания",
    "typefaces.fallbacks": "Запасные шрифты",
    "typefaces.licence": "Лицензия",
    "typefaces.min_size": "Минимальный размер текста: {px} px.",
    "logos.usage": "Применение",
    "logos.clear_space": "Охранное поле: {share} высоты логотипа с каждой стороны.",
    "logos.min_width": "Минимальная ширина на экране: {px} px.",
    "logos.min_height": "Минимальная высота в печати: {mm} мм.",
    "logos.variants": "Варианты",
    "logos.to_confirm": "Файлы и размеры логотипа требуют подтверждения.",
    "logos.rules": (
        "Логотип используется только из файлов брендбука и без изменений: его не растягивают, "
        "не перекрашивают и не добавляют эффектов; охранное поле остаётся свободным."
    ),
    "logos.alt": "{name} ({variant})",
    "presets.caption": "Шаблоны заказанных работ",
    "presets.name": "Шаблон",
    "presets.size": "Размер",
    "presets.match": "Требование к размеру",
    "presets.formats": "Форматы",
    "presets.max_bytes": "Макс. объём",
    "presets.print": "Печать и цветовое пространство",
    "presets.custom": (
        "Файл работы с размером вне шаблонов должен точно соответствовать размеру и формату, "
        "указанным в заказе."
    ),
    "presets.match_exact": "ровно {size}",
    "presets.match_aspect": "соотношение сторон {ratio}:1 (±{tolerance})",
    "presets.min_dpi": "не менее {dpi} dpi",
    "presets.bleed": "PDF: обрезной формат ±{tolerance} мм, вылеты до {bleed} мм",
    "presets.colour_space.srgb": "цветовое пространство sRGB",
    "presets.colour_space.cmyk": "цветовое пространство CMYK",
    "presets.colour_space.any": "цветовое пространство sRGB или CMYK",
    "access.wcag": (
        "Работы соответствуют уровню AA WCAG 2.1 (EN 301 549) или равноценному требованию, "
        "обязательному для сайтов публичного сектора Эстонии."
    ),
    "access.text_contrast": "Контраст текста с фоном — не менее {ratio} (WCAG 1.4.3).",
    "access.large_contrast": (
        "Контраст крупного текста (не менее {px} px или полужирный не менее {bold_px} px) — "
        "не менее {ratio}."
    ),
    "access.non_text_contrast": (
        "Контраст значимых нетекстовых элементов (значки, линии графиков, кнопки) — не менее "
        "{ratio} (WCAG 1.4.11)."
    ),
    "access.alt_text": (
        "У каждой работы есть краткая текстовая альтернатива (alt-текст) на каждом её языке: "
        "{languages}."
    ),
    "access.long_description": (
        "У инфографики есть также развёрнутая текстовая альтернатива, передающая всю информацию "
        "(числа, связи) текстом."
    ),
    "access.long_description_ordered": (
        "В заказе есть инфографика: развёрнутая текстовая альтернатива обязательна к сдаче."
    ),
    "access.not_colour_only": "Информация никогда не передаётся только цветом.",
    "access.order_needs": "Дополнительные требования заказчика к доступности:",
    "accept.intro": (
        "Заказчик автоматически проверяет каждый сданный файл по брендбуку {brandbook} и "
        "шаблону заказанной работы. В конце каждой строки мелким шрифтом указан идентификатор "
        "проверки, как в отчёте о проверке."
    ),
    "accept.caption": "Проверки сданных файлов",
    "accept.code": "Идентификатор проверки",
    "accept.rule": "Требование",
    "accept.severity": "Уровень",
    "accept.verdict": (
        "Файл принимается, если нет ни одного замечания уровня «ошибка». Отклонённый файл "
        "(повреждённый или небезопасный) нужно заменить. Предупреждения нужно исправить или "
        "письменно обосновать при сдаче."
    ),
    "accept.order_match": (
        "Кроме того, сданные файлы сверяются с заказанными работами: размеры, форматы, языки и "
        "количество (см. таблицу заказываемых работ)."
    ),
    "accept.file": (
        "Файл открывается и цел: не пустой и не повреждён, содержимое соответствует "
        "расширению, формат PNG, JPEG, WebP, SVG или PDF, объём до {max_bytes}, растровое "
        "изображение до {megapixels} мегапикселей."
    ),
    "accept.svg_unsafe": (
        "SVG не содержит скриптов, обработчиков событий, внешних ссылок и элементов вне "
        "разрешённого списка (такой файл отклоняется, а не «очищается»)."
    ),
    "accept.pdf_unsafe": (
        "PDF не содержит JavaScript, автоматических действий, вложенных файлов и внешних "
        "ссылок и не зашифрован."
    ),
    "accept.size_mismatch": (
        "Шаблоны с точным размером (см. таблицу шаблонов): размер в пикселях точно равен размеру "
        "шаблона. Шаблоны для печати: страница PDF имеет обрезной формат ±{tolerance} мм или "
        "обрезной формат с вылетами до {bleed} мм с каждой стороны."
    ),
    "accept.aspect_mismatch": (
        "Шаблоны с соотношением сторон, растровые файлы для печати и SVG: соотношение сторон "
        "отличается от шаблона не более чем на допуск (см. таблицу шаблонов)."
    ),
    "accept.format_not_allowed": "Формат файла — один из форматов шаблона (см. таблицу шаблонов).",
    "accept.file_too_large": (
        "Объём файла не превышает максимальный объём шаблона (см. таблицу шаблонов)."
    ),
    "accept.low_resolution": (
        "Растровый файл для печати в размере шаблона имеет разрешение не ниже dpi шаблона (см. "
        "таблицу шаблонов)."
    ),
    "accept.off_palette": (
        "Цвета — из палитры бренда: пиксель считается цветом палитры, если расстояние CIEDE2000 "
        "(ΔE00) до него не более {tolerance}; {neutrals} Цвета вне палитры могут занимать не "
        "более {share} площади (больше — ошибка, меньше — предупреждение). В SVG каждый цвет вне "
        "палитры — ошибка."
    ),
    "accept.neutrals_allowed": (
        "белый, чёрный и серые (хроматичность C*ab меньше {chroma}) разрешены."
    ),
    "accept.neutrals_not_allowed": "белый, чёрный и серые тоже должны быть в палитре.",
    "accept.disallowed_font": (
        "Используются только шрифты бренда ({families}) или их запасные шрифты ({fallbacks})."
    ),
    "accept.not_embedded": "Все шрифты в PDF внедрены (или текст переведён в кривые).",
    "accept.too_small": "Текст в SVG — не менее {px} px.",
    "accept.contrast": (
        "Контраст текста с фоном — не менее {text}; для крупного текста (не менее {px} px или "
        "полужирный не менее {bold_px} px) — не менее {large}."
    ),
    "accept.location": "В файле нет данных о местоположении (GPS в EXIF или XMP).",
    "accept.personal_data": (
        "В файле нет персональных данных (имя автора, контакты в EXIF или XMP)."
    ),
    "accept.colour_space": (
        "Для веб-шаблонов и шаблонов соцсетей цветовое пространство — sRGB (не CMYK и не другой "
        "ICC-профиль); для печати — по таблице шаблонов."
    ),
    "severity.rejected": "отклонение",
    "severity.error": "ошибка",
    "severity.warning": "предупреждение",
    "files.exports": (
        "Каждая работа экспортируется для каждого языка отдельным файлом в размере и формате "
        "заказанного шаблона (см. таблицу шаблонов)."
    ),
    "files.naming": (
        "Имя файла состоит из номера заказа, номера работы, языка и шаблона, например {example}."
    ),
    "files.sources": (
        "Исходные файлы сдаются со слоями в собственном формате программы (например, AI, INDD, "
        "PSD, FIG, AFDESIGN или SVG, или в равноценном многослойном формате) вместе со "
        "связанными изображениями."
    ),
    "files.fonts": (
        "Шрифты: в PDF для печати шрифты внедрены; в исходниках используются шрифты бренда со "
        "свободной лицензией; для других шрифтов текст переводится в кривые или у заказчика "
        "уже есть лицензия на шрифт."
    ),
    "files.images": "Фотографии и иллюстрации сдаются со сведениями о лицензии и источнике.",
    "files.alt_texts": (
        "Alt-текст каждой работы и развёрнутая текстовая альтернатива инфографики сдаются "
        "текстовым файлом (UTF-8) на каждом языке работы."
    ),
    "files.metadata": (
        "Из файлов удаляются данные о местоположении и персональные данные (EXIF/XMP)."
    ),
    "rights.legal_note": (
        "Типовой текст на основе Закона об авторском праве Эстонии (Autoriõiguse seadus); "
        "юридический отдел проверяет его до использования."
    ),
    "rights.transfer": (
        "Имущественные права автора на произведения, созданные по договору (в том числе "
        "эскизы, промежуточные результаты, итоговые и исходные файлы), переходят к заказчику "
        "при подписании акта приёма-передачи."
    ),
    "rights.scope": (
        "Имущественные права передаются без ограничения срока и территории и для всех способов "
        "использования, в том числе с правом воспроизводить, распространять, публично "
        "показывать и делать общедоступными, переводить, изменять, перерабатывать и объединять "
        "с другими произведениями."
    ),
    "rights.moral": (
        "Личные неимущественные права автора (в том числе право авторства и право на имя) "
        "остаются за автором и не передаются. Исполнитель обеспечивает, что автор не "
        "осуществляет их так, чтобы препятствовать обычному использованию и изменению "
        "произведения Заказчиком, и согласен на использование произведения без указания имени "
        "автора."
    ),
    "rights.sources": (
        "Передаются также многослойные исходные файлы; заказчик вправе изменять их и создавать "
        "на их основе новые произведения."
    ),
    "rights.third_party": (
        "Для материалов третьих лиц (фотографии из фотобанков, иллюстрации, значки, шрифты) "
        "достаточно простой (неисключительной) лицензии, которая позволяет заказчику "
        "использовать их в своей деятельности во всех заказанных каналах, в том числе изменять "
        "и перерабатывать; право сублицензирования не требуется. Исполнитель перечисляет эти "
        "материалы с условиями лицензий, лицензионные платежи включены в цену."
    ),
    "rights.price": (
        "Вознаграждение за передачу имущественных прав и лицензии включено в цену договора; "
        "отдельно ничего не оплачивается."
    ),
    "rights.warranty": (
        "Исполнитель подтверждает, что произведения оригинальны и не нарушают прав третьих лиц, "
        "и отвечает по требованиям о таком нарушении."
    ),
    "timeline.caption": "График",
    "timeline.date": "Дата",
    "timeline.what": "Этап",
    "timeline.deadline": "Срок сдачи итоговых файлов",
    "contacts.caption": "Контактные данные",
    "contacts.person": "Контактное лицо",
    "contacts.email": "Эл. почта",
    "contacts.phone": "Телефон",
    "contacts.owner": "Автор заказа",
    "contacts.organisation": "Учреждение",
    "contacts.registry_code": "регистрационный код",
    "contacts.address": "Адрес",
    "role.primary": "основной",
    "role.background": "фон",
    "role.text": "текст",
    "role.accent": "акцент",
    "role.document": "документы",
    "role.body": "основной текст",
    "role.headline": "заголовки",
    "role.agency-name": "название учреждения",
    "role.certificate": "грамоты",
    "role.web": "веб",
    "kind.banner": "Баннер",
    "kind.infographic": "Инфографика",
    "kind.social-post": "Публикация в соцсетях",
    "kind.poster": "Плакат",
    "kind.leaflet": "Листовка",
    "kind.illustration": "Иллюстрация",
    "kind.icon": "Значок",
    "typefaces.identity": (
        "Шрифты Roboto требуются руководством по единому визуальному стилю государственных "
        "учреждений (Государственная канцелярия); они распространяются по свободной лицензии "
        "(SIL Open Font License) бесплатно."
    ),
    "route.source": "Основание: {source} (действует с {date}).",
    "deliverables.references_note": "Справочные материалы передаются вместе с документами закупки.",
    "logos.variant.positive": "позитивный",
    "logos.variant.negative": "негативный",
    "logos.no_min_height": ("Минимальная высота в печати: требует подтверждения."),
    "kind.social_post": "Изображение для соцсетей",
    "kind.print": "Печатная продукция",
    "kind.other": "Другая работа",
    "content.by_contractor": ("Перевод выполняет исполнитель на основе эстонской версии задания."),
    "content.in_estonian": ("Этот раздел дан только в эстонской версии задания."),
    "offer.design": "дизайн ({language})",
    "offer.adaptation": "языковая версия: {languages}",
    "draft.intro": (
        "Этот документ основан на ещё не подтверждённых значениях брендбука. Прежде чем "
        "документ станет окончательным и будет опубликован, нужно подтвердить:"
    ),
    "draft.colour": "цвет {name}: значения HEX, CMYK и Pantone",
    "draft.typeface": "шрифт {name} и его применение",
    "draft.logo": ("логотип «{name}»: официальные файлы, охранное поле и минимальные размеры"),
    "draft.preset": "шаблон «{name}»: размер и форматы",
    "brief.tone": "Тон текста",
    "brief.cta": ("Призыв к действию (что должен сделать читатель)"),
    "brief.texts": "Тексты, перевод и корректура",
    "brief.revision_rounds": (
        "В цену включено {rounds} кругов правок; каждый круг выполняется за {days} рабочих дней."
    ),
    "logo_use.caption": "Логотип и вариант по работам",
    "logo_use.logo": "Логотип",
    "logo_use.variant": "Вариант",
    "logo_use.open": ("Брендбук не требует логотипа; заказчик уточнит это на стартовой встрече."),
    "logo_use.note": (
        "Негативный вариант используется на тёмном фоне; вариант выбирается так, чтобы "
        "контраст логотипа с фоном был достаточным."
    ),
    "texts.copy_from_authority": (
        "Тексты работ (заголовки, ключевые сообщения, призыв к действию) предоставляет "
        "заказчик; дизайнер не меняет их содержание."
    ),
    "texts.translation.authority": "Переводы ({languages}) предоставляет заказчик.",
    "texts.translation.contractor": (
        "Переводы ({languages}) выполняет исполнитель; цена перевода указана в строках "
        "языковых версий предложения."
    ),
    "texts.proofreading.authority": (
        "Корректуру переводов ({languages}) выполняет заказчик до утверждения эскизов."
    ),
    "texts.proofreading.contractor": (
        "Корректуру переводов ({languages}) выполняет исполнитель; она включена в цену."
    ),
    "texts.approval": (
        "Заказчик письменно утверждает текст каждой языковой версии до изготовления итоговых "
        "файлов."
    ),
    "files.delivery_format": "Форма сдачи",
}

LABELS: dict[str, dict[str, str]] = {"et": ET, "en": EN, "ru": RU}

_NO_DEFAULT = object()


def label(lang: str, key: str, default=_NO_DEFAULT, **values) -> str:
    """The `lang` text for `key`, with ``{name}`` fields filled from `values`.

    A missing text raises `MissingLabel` unless a `default` is given (used for open lists
    such as deliverable kinds, where an unknown slug prints as given)."""
    try:
        text = LABELS[lang][key]
    except KeyError:
        if default is not _NO_DEFAULT:
            return default
        raise MissingLabel(f"no {lang!r} text for {key!r}") from None
    return text.format_map(values)


def language_name(lang: str, code: str) -> str:
    return LANGUAGE_NAMES[lang].get(code, code)
