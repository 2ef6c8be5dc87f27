"""What differs for Russian: sentence segmentation, lemmas, negation and clause words, passives.

Libraries (offline, installed from PyPI, nothing downloaded at run time):

* **razdel** 0.5 (Natasha project, MIT): rule-based sentence segmentation for Russian news, with exact character
  offsets; it knows Russian abbreviations ("г.", "т.е.", "тыс.", initials "М. Локтев") and dialogue dashes.
  Sentences never cross a paragraph, as for English.
* **pymorphy3** 2.0 with **pymorphy3-dicts-ru** (the OpenCorpora dictionary in the wheel, MIT; Korobov 2015,
  "Morphological Analyzer and Generator for Russian and Ukrainian Languages", AIST 2015, CCIS 542): a token's
  lemma is the normal form of its most probable parse, lower-cased (``камеры`` → ``камера``, ``заявил`` →
  ``заявить``, ``используются`` → ``использоваться``); a word the dictionary does not know (most surnames: Локтев, Собянин) is
  kept as written, lower-cased, rather than given a guessed lemma ("локтеть"). Lemmas are computed once per word
  type; ``ё`` is written ``е``, as in most news text.

Tokens stay those of :data:`watchwords.text.TOKEN_PATTERN` (``\\w+`` with inner hyphens and apostrophes; the
guillemets « » and the dash — are tokens of their own), which agree with razdel's on words; tests compare them.
natasha 1.6 is not used: it still requires pymorphy2, which fails to load on Python 3.11 and later (it calls
``inspect.getargspec``, removed in 3.11).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["split_sentences", "lemma", "parse", "can_be_nominative", "ADJACENT_NEGATORS", "analyzer",
           "NEGATORS", "CLAUSE_BREAKS", "is_passive", "speech_like", "demo_corpus"]

#: Negators (lemmas): a frame indicator after one of these, in the same clause, is negated. "не" negates only the
#: word right after it (Russian negation stands before the word it negates: "не дать мужчинам сбежать" does not
#: negate сбежать); the others negate within the clause, as in English. Denial verbs (опровергнуть, отрицать,
#: исключать) negate what they deny ("опровергли сообщения о массовых облавах").
NEGATORS = frozenset({"не", "нет", "ни", "никогда", "нельзя", "без", "никакой", "нечего", "опровергнуть",
                      "опровергать", "отрицать", "исключать", "исключить"})
#: Negators whose scope is the next word only.
ADJACENT_NEGATORS = frozenset({"не"})
#: Words (lemmas) that open a new clause and end the scope of a negator.
CLAUSE_BREAKS = frozenset({"который", "потому", "поскольку", "хотя", "но", "однако", "если", "когда", "а", "что",
                           "чтобы"})


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The pymorphy3 morphological analyser for Russian (loaded once; about 15 MB of dictionary)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def parse(word: str) -> Any:
    """pymorphy3's most probable parse of a (lower-cased) Russian word form (cached per form)."""
    return analyzer().parse(word)[0]


#: Endings of Russian surnames in the nominative (masculine and feminine): Северов, Ветрова, Гринёв, Лапин, Белова.
_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ова", "ева", "ёва", "ина", "ына", "ская", "цкая")


@lru_cache(maxsize=200_000)
def can_be_nominative(word: str) -> bool:
    """Whether some parse of a word form is nominative, or the word is indeclinable or unknown to the dictionary
    (names, abbreviations): what the subject of a finite verb must be.

    Example:
        >>> can_be_nominative("власти"), can_be_nominative("разу"), can_be_nominative("Локтев")
        (True, False, True)
    """
    low = word.lower()
    if not any("\u0400" <= ch <= "\u04ff" for ch in low) or not analyzer().word_is_known(low):
        return True
    if word[:1].isupper() and low.endswith(_SURNAME_ENDINGS):  # Северов, Ветрова: a surname in the nominative
        return True
    return any("nomn" in p.tag or "Fixd" in p.tag for p in analyzer().parse(low))


def lemma(word: str) -> str:
    """The lemma of a Russian word form (lower-cased normal form of pymorphy3's most probable parse); a token
    without Cyrillic letters is returned lower-cased as it is.

    Example:
        >>> lemma("Камеры"), lemma("заявил"), lemma("ТАСС"), lemma("CCTV")
        ('камера', 'заявить', 'тасс', 'cctv')
    """
    low = word.lower()
    if not any("\u0400" <= ch <= "\u04ff" for ch in low):
        return low
    if "-" in low:  # "из-за", "кто-то", "военно-учётный": lemmatise the last part only
        head, _, tail = low.rpartition("-")
        return f"{head}-{lemma(tail)}" if tail else low
    if low in _LEMMA_OVERRIDES:
        return _LEMMA_OVERRIDES[low]
    if not _known(low):  # a word outside the dictionary (a surname, a new coinage) is kept as it is written
        return low.replace("ё", "е")
    return str(parse(low).normal_form).replace("ё", "е")


#: Forms whose most probable parse out of context is wrong in news text: "данные" (data) is taken for a participle of
#: "дать" while "данных", "данным" are "данные"; one lemma for all keeps "персональные данные" together.
_LEMMA_OVERRIDES = {"данные": "данные"}


@lru_cache(maxsize=200_000)
def _known(word: str) -> bool:
    return bool(analyzer().word_is_known(word))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (razdel), as offsets into ``text``.

    Example:
        >>> t = "Военком М. Локтев заявил об этом в г. Москве. «Мы их находим», — сказал он."
        >>> [t[a:b] for a, b in split_sentences(t)]
        ['Военком М. Локтев заявил об этом в г. Москве.', '«Мы их находим», — сказал он.']
    """
    from razdel import sentenize

    end = len(text) if end is None else end
    return [(start + s.start, start + s.stop) for s in sentenize(text[start:end])]


_SPEECH_TAGS = ("VERB", "INFN", "PRTS", "NPRO", "PRED")


def speech_like(text: str) -> bool:
    """Whether a short Russian text has a verb, a personal pronoun or a predicative word (what a quotation has and
    a name usually lacks; :func:`watchwords.quotes.is_name_quote`)."""
    return any(any(tag in parse(w.lower()).tag for tag in _SPEECH_TAGS) for w in re.findall(r"\w+", text))


def is_passive(word: str) -> str | None:
    """The kind of passive a Russian word form is, or None: ``"short participle"`` (задержан, задержаны: PRTS,
    passive) or ``"reflexive"`` (используются: a verb in -ся whose base verb is transitive; imperfective, the
    aspect of the reflexive passive, Timberlake 2004 §7.4).

    Example:
        >>> is_passive("задержаны"), is_passive("используются"), is_passive("находятся"), is_passive("камеры")
        ('short participle', 'reflexive', None, None)
    """
    low = word.lower()
    best = parse(low)
    tag = best.tag
    if "PRTS" in tag and "pssv" in tag:
        return "short participle"
    if "VERB" in tag and "impf" in tag and low.endswith(("ся", "сь")):
        base = str(best.normal_form)
        if base.endswith("ся"):
            base_parse = parse(base[:-2])
            if "INFN" in base_parse.tag and "tran" in base_parse.tag and base[:-2] not in _NOT_PASSIVE:
                return "reflexive"
    return None


#: Transitive verbs whose -ся form is not a passive (находиться "be located", являться "be").
_NOT_PASSIVE = frozenset({"находить", "являть", "оказать", "оставать", "стать", "считать", "казать", "собирать",
                          "пытать", "готовить", "получать", "учить", "добивать", "бояться", "надеять"})


def demo_corpus() -> Any:
    """Three short Russian reports written for the project (``data/ru/demo_reports.txt``: state media, independent
    Russian media, a Russian-language Ukrainian outlet) as a corpus table (doc_id, title, outlet, outlet_type,
    country, language "ru", date, text), so the Russian notebook runs when no Russian report has been fetched.
    They are demonstration texts, not evidence about real coverage."""
    import pandas as pd

    from ..resources import read_text

    rows = []
    for block in read_text("demo_reports", language="ru").split("\n=== ")[1:]:
        header, _, text = block.partition("\n")
        doc_id, outlet, outlet_type, date = (part.strip() for part in header.split(";"))
        rows.append({"doc_id": doc_id, "title": "", "outlet": outlet, "outlet_type": outlet_type, "country": "",
                     "language": "ru", "date": date, "text": text.strip() + "\n"})
    frame = pd.DataFrame(rows)
    frame.attrs.update(kind="corpus", source="watchwords.russian_demo_corpus", corpus_hash=None)
    return frame
