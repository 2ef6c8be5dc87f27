"""Which language each document is in, and which languages the package can analyse.

The one home of the language rule used by every verb that reads words:

* a document's language is the manifest's ``language`` field; where it is missing or ``"unknown"``, a cheap
  **script check** decides (:func:`script_language`: Cyrillic letters against Latin ones in the first 4,000
  characters, and Ukrainian's own letters і ї є ґ to tell Ukrainian from Russian); where the manifest names a
  language whose script is not the text's (``en`` on a Cyrillic text), the manifest wins and the verb warns once,
  naming the documents;
* a verb analyses **one language per call** (``language=``; default: English when the corpus has an English
  document, else its most frequent analysable language), so no frequency list, keyness table or frame profile
  ever mixes languages; the documents left out are listed once per call, by language, with the reason
  (another analysable language: pass ``language=``; a language without lexicons: not supported);
* what differs for a language lives in its module (:mod:`watchwords.languages.ru` for Russian: sentence
  segmentation, lemmas, quotation conventions) and its data folder (``watchwords/data/<code>/``).
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from ..documents import CACHE_SIZE
from ..resources import language_code

__all__ = ["SUPPORTED", "script_language", "document_languages", "choose_language", "in_language", "language_options",
           "by_language", "languages_of",
           "LANGUAGE_NAMES"]

#: Languages with lexicons, dictionaries and rules.
SUPPORTED = ("en", "ru")
#: English names, for messages and tables.
LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "uk": "Ukrainian", "de": "German", "fr": "French",
                  "it": "Italian", "pt": "Portuguese", "es": "Spanish", "ja": "Japanese", "zh": "Chinese",
                  "be": "Belarusian", "kk": "Kazakh", "pl": "Polish", "ar": "Arabic", "hi": "Hindi", "bg": "Bulgarian",
                  "sk": "Slovak", "fi": "Finnish", "sv": "Swedish", "ko": "Korean", "nl": "Dutch", "cs": "Czech"}
#: The script each supported or commonly met language is written in.
_SCRIPT_OF = {"en": "latin", "de": "latin", "fr": "latin", "it": "latin", "pt": "latin", "es": "latin",
              "pl": "latin", "ru": "cyrillic", "uk": "cyrillic", "be": "cyrillic", "kk": "cyrillic",
              "bg": "cyrillic", "sr": "cyrillic"}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_SAMPLE = 4000


@lru_cache(maxsize=CACHE_SIZE)
def script_language(text: str) -> str:
    """The language a text's script suggests: ``"ru"`` for mostly Cyrillic text (``"uk"`` when it has two or more
    of Ukrainian's own letters і ї є ґ per thousand Cyrillic letters), ``"en"`` for mostly Latin text, ``"unknown"``
    for text with neither (the first 4,000 characters are read). Cached per text, beside the parse of
    :mod:`watchwords.documents`: every verb asks it of every document.

    Example:
        >>> script_language("Камеры используются"), script_language("Cameras are used"), script_language("123")
        ('ru', 'en', 'unknown')
    """
    sample = text[:_SAMPLE]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic == 0 and latin == 0:
        return "unknown"
    if cyrillic > latin:
        ukrainian = len(_UKRAINIAN.findall(sample))
        return "uk" if ukrainian >= 2 and ukrainian * 1000 >= 2 * cyrillic else "ru"
    return "en"


def _declared(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()
    return language_code(text) if text and text.lower() != "unknown" else "unknown"


def document_languages(corpus: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(the language of each document, the documents whose manifest language disagrees with their script).

    The manifest's language where given, else the script check; a disagreement is a manifest language written in
    another script than the text (each reported as ``"doc_id (manifest xx, script yy)"``).
    """
    declared = corpus["language"].tolist() if "language" in corpus.columns else [None] * len(corpus)
    result, disagreements = [], []
    for doc_id, value, text in zip(corpus["doc_id"], declared, corpus["text"]):
        language = _declared(value)
        guessed = script_language(text if isinstance(text, str) else "")
        if language == "unknown":
            result.append(guessed)
            continue
        result.append(language)
        if guessed != "unknown" and language in _SCRIPT_OF and _SCRIPT_OF[language] != _SCRIPT_OF.get(guessed):
            disagreements.append(f"{doc_id} (manifest {language}, script {guessed})")
    return result, disagreements


def choose_language(languages: Iterable[str], language: str | None) -> str:
    """The language a call analyses: ``language`` if given (checked), else English when any document is English,
    else the most frequent supported language of the documents (English for an empty corpus).

    Raises:
        ValueError: for a language the package cannot analyse.
    """
    if language is not None:
        code = language_code(language)
        if code not in SUPPORTED:
            raise ValueError(f"language={language!r} is not supported; use one of {', '.join(SUPPORTED)} "
                             "(a language needs a data folder watchwords/data/<code>/ and a module "
                             "watchwords/languages/<code>.py)")
        return code
    counts = Counter(code for code in languages if code in SUPPORTED)
    if not counts or counts.get("en"):
        return "en"
    return counts.most_common(1)[0][0]


def in_language(corpus: pd.DataFrame, language: str | None, *, verb: str, stacklevel: int = 3,
                supported: Iterable[str] = SUPPORTED) -> tuple[pd.DataFrame, str]:
    """(the documents of ``corpus`` in the language the call analyses, that language), warning once about the
    documents left out (by language, with the reason) and about manifest languages that disagree with the script.
    ``supported``: the languages this verb can read (hedges and nominalisations have English lexicons only).

    A corpus whose documents are all in the chosen language is returned as a shallow copy (its texts are not
    copied) that records the language checked, so the chunks of the same call are not checked again.
    """
    if "text" not in corpus.columns or corpus.empty:
        return corpus, choose_language([], language)
    checked = corpus.attrs.get("language_checked")
    if checked is not None and (language is None or language_code(language) == checked):
        return corpus, str(checked)  # chosen and warned about once already, by the verb
    codes, disagreements = document_languages(corpus)
    chosen = choose_language(codes, language)
    keep = [code in (chosen, "unknown") for code in codes]  # a text without letters mixes nothing
    if disagreements:
        warnings.warn(f"{verb}: the manifest's language disagrees with the script of {len(disagreements)} "
                      f"document(s): {', '.join(disagreements[:5])}{' …' if len(disagreements) > 5 else ''}; "
                      "the manifest is followed (correct its language field if it is wrong)", stacklevel=stacklevel)
    if all(keep):
        subset = corpus.copy(deep=False)
        subset.attrs = {**corpus.attrs, "language_checked": chosen}
        return subset, chosen
    left = Counter(code for code, kept in zip(codes, keep) if not kept)
    reasons = []
    for code, n in sorted(left.items()):
        name = LANGUAGE_NAMES.get(code, code)
        why = f"pass language={code!r} to analyse them" if code in supported else \
            f"{verb} has no lexicon for this language" if code in SUPPORTED else \
            "not supported: no lexicons for this language"
        reasons.append(f"{n} in {name} ({why})")
    warnings.warn(f"{verb}: analysed the {sum(keep)} document(s) in {LANGUAGE_NAMES.get(chosen, chosen)}; left out "
                  f"{'; '.join(reasons)}", stacklevel=stacklevel)
    subset = corpus[keep]
    subset.attrs = {**corpus.attrs, "language_checked": chosen}
    return subset, chosen


def language_options(corpus: pd.DataFrame, options: dict[str, object], *, verb: str) -> pd.DataFrame:
    """For a verb that walks its corpus in chunks: the documents in the language of the call (see
    :func:`in_language`), with ``options["language"]`` set to that language, so that every chunk reads the same
    language and the warning is given once, here."""
    language = options.get("language")
    if "sent_id" in corpus.columns:  # a sentence table: its sentences are read as they are
        options["language"] = choose_language([], None if language is None else str(language))
        return corpus
    subset, chosen = in_language(corpus, None if language is None else str(language), verb=verb, stacklevel=5)
    options["language"] = chosen
    return subset


def by_language(corpus: pd.DataFrame, *, verb: str, stacklevel: int = 4) -> list[tuple[str, pd.DataFrame]]:
    """The documents of each analysable language, in the order of :data:`SUPPORTED`, for a verb that compares
    languages explicitly (``language="all"``: each language read with its own lexicons, results labelled by
    language); documents in other languages are left out with one warning."""
    codes, _ = document_languages(corpus)
    result = []
    for code in SUPPORTED:
        keep = [c == code for c in codes]
        if any(keep):
            subset = corpus[keep]
            subset.attrs = {**corpus.attrs, "language_checked": code}
            result.append((code, subset))
    left = Counter(c for c in codes if c not in SUPPORTED and c != "unknown")
    if left:
        warnings.warn(f"{verb}: left out " + "; ".join(f"{n} in {LANGUAGE_NAMES.get(c, c)} (not supported: no "
                                                        "lexicons for this language)" for c, n in sorted(left.items())),
                      stacklevel=stacklevel)
    return result


def languages_of(corpus: pd.DataFrame | str) -> pd.Series:
    """The language each document of a corpus is analysed in (the manifest's, else the script check's), indexed
    like the corpus: the rule of this module as a column, e.g. to count the documents of each language.

    Example:
        >>> languages_of("Камеры работают.").tolist()
        ['ru']
    """
    from ..tables import as_corpus

    table = as_corpus(corpus, verb="languages_of")
    return pd.Series(document_languages(table)[0], index=table.index, name="language", dtype=object)
