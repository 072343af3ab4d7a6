"""Which offline language identifier to use (#16): each on VADER's 4,200 rated tweets (all but about
eight in English), the 10,290 turns of ../shared/data/service-dialogues (all English) and thirty short
support messages in six other languages written here, for speed and for how often it calls English
text another language. pycld2 is the project's choice (a requirement); the others are only for this
comparison:

    .venv/bin/pip install py3langid langdetect six lingua-language-detector
    .venv/bin/python bench/compare_language_id.py
"""

import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import langdetect  # noqa: E402
import py3langid  # noqa: E402
import pycld2  # noqa: E402
from bench_language import tweets  # noqa: E402
from lingua import LanguageDetectorBuilder  # noqa: E402

SHORT_MESSAGES = {
    "es": ["La factura está mal otra vez y nadie responde nuestras llamadas", "No funciona nada desde ayer",
           "Quiero cancelar mi suscripción", "Gracias, todo bien ahora", "El paquete nunca llegó a mi casa"],
    "de": ["Die Rechnung ist schon wieder falsch", "Es funktioniert leider immer noch nicht",
           "Ich möchte mein Abo kündigen", "Danke, alles gut", "Das Paket ist nie angekommen"],
    "fr": ["La facture est encore fausse", "Rien ne marche depuis hier", "Je veux annuler mon abonnement",
           "Merci beaucoup, tout va bien", "Le colis n'est jamais arrivé"],
    "pt": ["A fatura está errada de novo", "Nada funciona desde ontem", "Quero cancelar minha assinatura",
           "Obrigado, está tudo bem", "O pacote nunca chegou"],
    "it": ["La fattura è di nuovo sbagliata", "Non funziona niente da ieri", "Voglio annullare il mio abbonamento",
           "Grazie, va tutto bene", "Il pacco non è mai arrivato"],
    "nl": ["De factuur klopt weer niet", "Niets werkt sinds gisteren", "Ik wil mijn abonnement opzeggen",
           "Bedankt, alles is goed", "Het pakket is nooit aangekomen"],
}


def cld2(text: str, **hint) -> str:
    try:
        reliable, _, found = pycld2.detect(text, **hint)
    except pycld2.error:
        return "un"
    return found[0][1] if reliable else "un"


def main() -> None:
    langdetect.DetectorFactory.seed = 0
    lingua = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
    def by_langdetect(text: str) -> str:
        try:
            return langdetect.detect(text)
        except langdetect.LangDetectException:
            return "un"
    def by_lingua(text: str) -> str:
        found = lingua.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "un"
    tweet_texts = [text for _, text in tweets()]
    turns = [row["text"] for row in csv.DictReader(open(ROOT.parent / "shared" / "data" / "service-dialogues"
                                                        / "turn_labels_sgd.csv", encoding="utf-8"))]
    messages = [(language, text) for language, texts in SHORT_MESSAGES.items() for text in texts]
    print("| identifier | µs a tweet | tweets called another language | dialogue turns called another "
          "language | short messages right |\n|---|---|---|---|---|")
    for name, identify in (("pycld2, hinted English, reliable only (chosen)", lambda t: cld2(t, hintLanguage="en")),
                           ("pycld2, reliable only", cld2), ("py3langid", lambda t: py3langid.classify(t)[0]),
                           ("langdetect", by_langdetect), ("lingua", by_lingua)):
        identify("warm up")
        start = time.perf_counter()
        found = [identify(text) for text in tweet_texts]
        each = 1e6 * (time.perf_counter() - start) / len(tweet_texts)
        other = lambda codes: sum(1 for code in codes if code not in ("en", "un"))  # noqa: E731
        right = sum(1 for language, text in messages if identify(text) == language)
        print(f"| {name} | {each:.0f} | {other(found)} of {len(found):,} | "
              f"{other(identify(t) for t in turns)} of {len(turns):,} | {right} of {len(messages)} |")


if __name__ == "__main__":
    main()
