"""Sample texts for previews of a template (the guide, the template picker): long enough to show
how a slot wraps, in each language."""

SAMPLES = {
    "et": {
        "headline": "Peretoetused makstakse välja kolmapäeval",
        "body": "Toetus laekub kontole hiljemalt järgmisel päeval.",
        "cta": "Loe lähemalt",
        "figure": "+12 %",
        "when": "12. märts kell 10, Tallinn",
    },
    "en": {
        "headline": "Family benefits are paid on Wednesday",
        "body": "The money reaches your account by the next day.",
        "cta": "Read more",
        "figure": "+12 %",
        "when": "12 March at 10:00, Tallinn",
    },
    "ru": {
        "headline": "Семейные пособия выплатят в среду",
        "body": "Деньги поступят на счёт не позднее следующего дня.",
        "cta": "Подробнее",
        "figure": "+12 %",
        "when": "12 марта в 10:00, Таллинн",
    },
}


def sample_texts(template: dict, lang: str) -> dict[str, str]:
    texts = SAMPLES.get(lang, SAMPLES["et"])
    return {
        slot["name"]: texts.get(slot["name"], slot["name"])
        for slot in template["slots"]
        if slot["kind"] == "text"
    }
