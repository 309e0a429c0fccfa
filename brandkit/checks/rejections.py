"""The findings that reject a file: unsafe, unreadable or unsupported.

Every rejection is an error finding with ``rejects=True`` and messages in Estonian, English and
Russian that say what was found and where. Codes are stable (they are part of the report
contract in DESIGN.md):

- ``file.empty``               the file has no bytes
- ``file.too_large``           the file is over the byte ceiling (before anything is decoded)
- ``file.unreadable``          the file could not be read from disk (permissions, vanished)
- ``file.unsupported``         the content is not PNG, JPEG, WebP, SVG or PDF (says what it is)
- ``file.type_mismatch``       the name's extension says one type, the bytes another
- ``file.corrupt``             the content is truncated or damaged and cannot be decoded
- ``file.decompression_bomb``  the decoded image would be unreasonably large for its file
- ``svg.unsafe``               the SVG contains something active or external (one per problem)
- ``pdf.unsafe``               the PDF contains JavaScript, automatic actions (/OpenAction,
                               /AA), launch actions, embedded files …
- ``pdf.too_complex``          the safety scan could not finish within its bounds (objects,
                               annotations on a page, work, time) or pypdf hit one of its
                               structural limits: we cannot prove the file safe
- ``pdf.encrypted``            the PDF is password-protected, encrypted with a certificate or an
                               unknown method, or its encryption is damaged
- ``pdf.decoder_missing``      the PDF needs a decoder this server lacks (JBIG2: jbig2dec)
"""

from __future__ import annotations

from typing import Any

from brandkit.checks.report import Finding

LANGS = ("et", "en", "ru")
Text = dict[str, str]  # one sentence or phrase per language


def t(et: str, en: str, ru: str) -> Text:
    return {"et": et, "en": en, "ru": ru}


def number(value: float, lang: str, digits: int = 1) -> str:
    """A number the way the language writes it: 1 234,5 in et/ru, 1,234.5 in en."""
    text = f"{value:,.{digits}f}" if digits else f"{round(value):,}"
    if lang == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",")


def megabytes(size: int, lang: str) -> str:
    mb = size / (1024 * 1024)
    return f"{number(mb, lang, 1 if mb < 100 else 0)} MB"


def megapixels(pixels: int, lang: str) -> str:
    return f"{number(pixels / 1_000_000, lang, 1)} MP"


def rejection(code: str, messages: dict[str, str], **details: Any) -> Finding:
    return Finding(code=code, severity="error", messages=messages, details=details, rejects=True)


def empty() -> Finding:
    return rejection(
        "file.empty",
        {
            "et": "Fail on tühi (0 baiti).",
            "en": "The file is empty (0 bytes).",
            "ru": "Файл пустой (0 байт).",
        },
        size_bytes=0,
    )


def too_large(size: int, limit: int) -> Finding:
    return rejection(
        "file.too_large",
        {
            lang: template.format(size=megabytes(size, lang), limit=megabytes(limit, lang))
            for lang, template in {
                "et": "Fail on liiga suur: {size}, lubatud on kuni {limit}.",
                "en": "The file is too large: {size}; the limit is {limit}.",
                "ru": "Файл слишком большой: {size}, допускается не более {limit}.",
            }.items()
        },
        size_bytes=size,
        max_bytes=limit,
    )


def unreadable(error: str) -> Finding:
    return rejection(
        "file.unreadable",
        {
            "et": f"Faili ei saa lugeda ({error}).",
            "en": f"The file cannot be read ({error}).",
            "ru": f"Не удаётся прочитать файл ({error}).",
        },
        error=error,
    )


def unsupported(description: Text, extension: str | None) -> Finding:
    named = {
        "et": f" (nimi lõpeb „.{extension}“)" if extension else "",
        "en": f" (the name ends in “.{extension}”)" if extension else "",
        "ru": f" (имя заканчивается на «.{extension}»)" if extension else "",
    }
    return rejection(
        "file.unsupported",
        {
            "et": f"Toetamata failitüüp: sisu on {description['et']}{named['et']}. "
            "Lubatud on PNG, JPEG, WebP, SVG ja PDF.",
            "en": f"Unsupported file type: the content is {description['en']}{named['en']}. "
            "PNG, JPEG, WebP, SVG and PDF are accepted.",
            "ru": f"Неподдерживаемый тип файла: содержимое — {description['ru']}{named['ru']}. "
            "Принимаются PNG, JPEG, WebP, SVG и PDF.",
        },
        detected=description["en"],
        extension=extension,
    )


FORMAT_NAMES = {"png": "PNG", "jpeg": "JPEG", "webp": "WebP", "svg": "SVG", "pdf": "PDF"}


def type_mismatch(detected: str, extension: str) -> Finding:
    name = FORMAT_NAMES.get(detected, detected.upper())
    return rejection(
        "file.type_mismatch",
        {
            "et": f"Faili nimi lõpeb „.{extension}“, aga sisu on {name}. "
            f"Nimeta fail ümber (.{detected}) või salvesta see õiges vormingus.",
            "en": f"The file name ends in “.{extension}” but the content is {name}. "
            f"Rename the file (.{detected}) or save it in the right format.",
            "ru": f"Имя файла заканчивается на «.{extension}», но содержимое — {name}. "
            f"Переименуйте файл (.{detected}) или сохраните его в нужном формате.",
        },
        detected=detected,
        extension=extension,
    )


def corrupt(fmt: str, reason: Text, **details: Any) -> Finding:
    """`reason` says what is wrong, per language; library error texts go in `details`."""
    name = FORMAT_NAMES.get(fmt, fmt.upper())
    return rejection(
        "file.corrupt",
        {
            "et": f"{name}-fail on katki või poolik ja seda ei saa lugeda: {reason['et']}. "
            "Salvesta või ekspordi fail uuesti.",
            "en": f"The {name} file is damaged or incomplete and cannot be read: {reason['en']}. "
            "Save or export the file again.",
            "ru": f"Файл {name} повреждён или неполон и не может быть прочитан: {reason['ru']}. "
            "Сохраните или экспортируйте файл заново.",
        },
        format=fmt,
        reason=reason["en"],
        **details,
    )


def decompression_bomb(
    width: int | None, height: int | None, limit_pixels: int, reason: Text | None = None
) -> Finding:
    if width and height:
        pixels = width * height
        messages = {
            lang: template.format(
                w=width,
                h=height,
                mp=megapixels(pixels, lang),
                limit=megapixels(limit_pixels, lang),
            )
            for lang, template in {
                "et": "Pildi mõõdud on {w}×{h} px ({mp}), lubatud on kuni {limit}: "
                "lahtipakituna oleks pilt ohtlikult suur (dekompressioonipomm). "
                "Vähenda pildi mõõtmeid.",
                "en": "The image is {w}×{h} px ({mp}); the limit is {limit}: decoded it would be "
                "dangerously large (a decompression bomb). Reduce the image's dimensions.",
                "ru": "Размер изображения {w}×{h} px ({mp}), допускается не более {limit}: "
                "в распакованном виде оно было бы опасно большим (декомпрессионная бомба). "
                "Уменьшите размеры изображения.",
            }.items()
        }
    else:
        reason = reason or t("", "", "")
        messages = {
            "et": "Fail paisuks lahtipakkimisel ohtlikult suureks (dekompressioonipomm): "
            f"{reason['et']}.",
            "en": "The file would expand to a dangerous size when decoded (a decompression bomb): "
            f"{reason['en']}.",
            "ru": "При распаковке файл стал бы опасно большим (декомпрессионная бомба): "
            f"{reason['ru']}.",
        }
    return rejection(
        "file.decompression_bomb",
        messages,
        width=width,
        height=height,
        pixels=(width * height) if width and height else None,
        max_pixels=limit_pixels,
        reason=reason["en"] if reason else None,
    )


PROLOG = t("XML-i algus (prolog)", "the XML prolog", "пролог XML")


def svg_unsafe(problem: Text, where: str, **details: Any) -> Finding:
    """`problem` is a short description per language; `where` an element path like
    ``svg/g[1]/image[2]@href``, or "prolog" for the part before the root element."""
    place = PROLOG if where == "prolog" else t(where, where, where)
    return rejection(
        "svg.unsafe",
        {
            "et": f"Ohtlik SVG: {problem['et']} (kohas {place['et']}). "
            "Salvesta SVG uuesti lihtsa SVG-na, ilma skriptide, väliste viidete ja DTD-ta.",
            "en": f"Unsafe SVG: {problem['en']} (at {place['en']}). "
            "Save the SVG again as plain SVG, without scripts, external references or a DTD.",
            "ru": f"Небезопасный SVG: {problem['ru']} (в {place['ru']}). "
            "Сохраните SVG заново как простой SVG, без скриптов, внешних ссылок и DTD.",
        },
        where=where,
        problem=problem["en"],
        **details,
    )


def pdf_unsafe(problem: Text, where: str, **details: Any) -> Finding:
    return rejection(
        "pdf.unsafe",
        {
            "et": f"Ohtlik PDF: {problem['et']} (kohas {where}). "
            "Ekspordi PDF uuesti ilma skriptide, toimingute ja manusteta.",
            "en": f"Unsafe PDF: {problem['en']} (at {where}). "
            "Export the PDF again without scripts, actions or attachments.",
            "ru": f"Небезопасный PDF: {problem['ru']} (в {where}). "
            "Экспортируйте PDF заново без скриптов, действий и вложений.",
        },
        where=where,
        problem=problem["en"],
        **details,
    )


def pdf_encrypted(reason: Text, **details: Any) -> Finding:
    return rejection(
        "pdf.encrypted",
        {
            "et": f"PDF on krüpteeritud ja seda ei saa avada: {reason['et']}. "
            "Salvesta PDF ilma paroolita ja laadi uuesti üles.",
            "en": f"The PDF is encrypted and cannot be opened: {reason['en']}. "
            "Save the PDF without a password and upload it again.",
            "ru": f"PDF зашифрован и не может быть открыт: {reason['ru']}. "
            "Сохраните PDF без пароля и загрузите снова.",
        },
        reason=reason["en"],
        **details,
    )


def out_of_memory(max_pixels: int) -> Finding:
    """Decoding exhausted memory: treated as a decompression bomb, whatever the format."""
    return decompression_bomb(
        None,
        None,
        max_pixels,
        t("mälu sai otsa", "decoding ran out of memory", "не хватило памяти"),
    )
