"""Paragraph and sentence tables with exact character offsets.

Sentences are found with NLTK's Punkt sentence tokenizer (Kiss & Strunk 2006, "Unsupervised
Multilingual Sentence Boundary Detection", Computational Linguistics 32(4)) run with
project-owned parameters instead of a downloaded model: the abbreviation list
``watchwords/data/en/abbreviations.txt`` (plus single letters, for initials) and the
sentence-starter list ``watchwords/data/en/sentence_starters.txt``. Nothing is downloaded.

Rules that follow from Punkt and these lists:

* a period after a listed abbreviation ("Mr.", "Gen.", "U.S.", "Feb.") or an initial ("J.")
  does not end a sentence, unless the next word is a listed sentence starter
  ("... in the U.S. The talks ..." splits before "The");
* numbers with separators ("3,000", "2.5") never end a sentence;
* a closing quotation mark or bracket after the final period stays with its sentence;
* sentences never cross paragraph boundaries (headline, caption and body are split apart
  first by :mod:`watchwords.textformat`).

For speed, a paragraph with no sentence-final mark before its end is returned whole, and the
commonest candidate breaks are decided without re-tokenizing them (see ``_Punkt``); both give
exactly Punkt's result, which the tests check on arbitrary text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nltk.tokenize import RegexpTokenizer

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .documents import paragraphs_of, sentences_of
from .languages import choose_language, in_language
from .quotes import quote_spans
from .resources import language_code, read_words
from .store import PART_NAMES, TokenStore, object_array, span_mask, token_store, vocabulary
from .tables import as_corpus, require_kind, returns
from .textformat import PART_KINDS

__all__ = [
    "PUNCT_RE",
    "resolve_parts",
    "parts_with_lede",
    "WORD_PATTERN",
    "WORD_RE",
    "DEFAULT_PARTS",
    "TOKEN_PATTERN",
    "as_corpus",
    "compare_tokenizers",
    "document_lengths",
    "paragraphs",
    "quoted_spans",
    "normaliser",
    "read_word_list",
    "select_tokens",
    "TokenView",
    "token_engine",
    "folded",
    "sentence_splitter",
    "sentences",
    "split_sentences",
    "tokens",
    "word_tokenizer",
]


class _Punkt(PunktSentenceTokenizer):
    """NLTK's Punkt with shortcuts for the commonest candidate breaks, decided without re-tokenizing
    their context (Punkt's own rules, specialised to the project's parameters: no collocations and no
    orthographic statistics):

    * after a plain word ("cameras. The", "said.\""): Punkt's first pass marks the word a sentence
      break unless it is a known abbreviation, and the second pass changes only abbreviations,
      ellipses, initials and numbers; the break stands because a token follows;
    * after a known abbreviation of two or more letters followed by a plain word, possibly with a
      comma or "'s" ("Mr. Loktev", "Mr. Loktev's"): with no orthographic statistics the orthographic
      heuristic is undecided, so Punkt breaks only when the word is capitalised and a listed
      sentence starter;
    * after a word and "?" or "!" followed by a token ("cameras? The").

    Every other context goes to Punkt itself. tests/test_text.py compares the result with plain
    Punkt on arbitrary text.
    """

    def text_contains_sentbreak(self, text: str) -> bool:
        if _QUESTION_BREAK_RE.fullmatch(text):
            return True  # "?" and "!" are always breaks in the first pass, and a token follows
        match = _PLAIN_BREAK_RE.fullmatch(text)
        if match is not None:
            if match.group(1).lower() not in self._params.abbrev_types:
                return True
            following = match.group(2)
            if following is not None:
                return following[0].isupper() and following.lower() in self._params.sent_starters
        return super().text_contains_sentbreak(text)


_PLAIN_BREAK_RE = re.compile(r"([A-Za-z]{2,})\.(?:\s+([A-Za-z]+)(?:,|['’]s)?|\s+\S+|[\"'”’)])")
_QUESTION_BREAK_RE = re.compile(r"[A-Za-z]+[?!](?:\s+\S+|[\"'”’)])")


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """The project's Punkt tokenizer, built from the versioned word lists (cached, read-only)."""
    params = PunktParameters()
    params.abbrev_types = set(read_words("abbreviations")) | set("abcdefghijklmnopqrstuvwxyz")
    params.sent_starters = set(read_words("sentence_starters"))
    return _Punkt(params)


def _plain_punkt() -> PunktSentenceTokenizer:
    """The same Punkt without the shortcuts (tests compare against it)."""
    splitter = sentence_splitter()
    return PunktSentenceTokenizer(splitter._params)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text``.

    Example:
        >>> t = 'Mr. Loktev spoke. "It works," he said.'
        >>> [t[a:b] for a, b in split_sentences(t)]
        ['Mr. Loktev spoke.', '"It works," he said.']
    """
    end = len(text) if end is None else end
    segment = text[start:end]
    if segment and not segment[0].isspace() and _ONE_SENTENCE_RE.fullmatch(segment):
        return [(start, end)]  # no sentence-final mark before the end: Punkt would return the whole segment
    return [(start + a, start + b) for a, b in sentence_splitter().span_tokenize(segment)]


# A segment whose only sentence-final marks are one at its very end (before closing quotes or brackets) is
# one sentence; this shortcut saves the Punkt call for most news paragraphs. tests/test_text.py checks it
# against Punkt on arbitrary text.
_ONE_SENTENCE_RE = re.compile(r"[^.?!]*[^.?!\s][.?!]?[\"'”’»)\]]*")


def _paragraph_rows(corpus: pd.DataFrame) -> Iterable[dict[str, object]]:
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        for para_id, para in enumerate(paragraphs_of(text)):
            yield {"doc_id": doc_id, "para_id": para_id, "part": para.part, "start": para.start,
                   "end": para.end, "text": text[para.start:para.end]}


_PARA_COLUMNS = ["doc_id", "para_id", "part", "start", "end", "text"]
_SENT_COLUMNS = ["doc_id", "para_id", "sent_id", "part", "start", "end", "text"]


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("para_id", "sent_id", "start", "end"):
        if column in frame:
            frame[column] = frame[column].astype("int64")
    return frame


@returns("paragraphs")
def paragraphs(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """One row per paragraph, in reading order.

    Args:
        corpus: a DataFrame from ``load_corpus`` (columns doc_id and text are used), or a plain
            string in the Watchwords text format (doc_id "text").

    Returns:
        Columns doc_id, para_id (0-based within the document), part (headline, standfirst,
        byline, dateline, body, caption, credit), start, end, text, where
        ``document_text[start:end] == text``.
    """
    corpus = as_corpus(corpus, verb="paragraphs")
    frame = pd.DataFrame(list(_paragraph_rows(corpus)), columns=_PARA_COLUMNS)
    frame.attrs.update(source="watchwords.paragraphs", corpus_hash=corpus.attrs.get("corpus_hash"))
    return _typed(frame)


@returns("sentences")
def sentences(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """One row per sentence, in reading order, never crossing a paragraph.

    Args:
        corpus: a DataFrame from ``load_corpus``, or a plain string (doc_id "text").

    Returns:
        Columns doc_id, para_id, sent_id (0-based, running through the document, so
        (doc_id, sent_id) is a key), part, start, end, text, where
        ``document_text[start:end] == text``.

    Example:
        >>> sentences("HEADLINE: Cameras used\\n\\nIt began. Mr. Ivanov spoke.")[["part", "text"]].values.tolist()
        [['headline', 'Cameras used'], ['body', 'It began.'], ['body', 'Mr. Ivanov spoke.']]
    """
    corpus = as_corpus(corpus, verb="sentences")
    columns: dict[str, list[Any]] = {name: [] for name in _SENT_COLUMNS}  # column lists, not a dict per row
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        parts = [para.part for para in paragraphs_of(text)]
        found = sentences_of(text)
        columns["doc_id"].extend([str(doc_id)] * len(found))
        columns["sent_id"].extend(range(len(found)))
        for para_id, start, end in found:
            columns["para_id"].append(para_id)
            columns["part"].append(parts[para_id])
            columns["start"].append(start)
            columns["end"].append(end)
            columns["text"].append(text[start:end])
    frame = pd.DataFrame(columns, columns=_SENT_COLUMNS)
    frame.attrs.update(source="watchwords.sentences", splitter="nltk Punkt with watchwords/data word lists",
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return _typed(frame)


def parts_with_lede(table: pd.DataFrame) -> list[str]:
    """The ``part`` of each row of a table with doc_id, para_id and part, with the *lede* told apart: the first
    body paragraph of each document (the news lead, which carries the story's main claim; Bell 1991) is
    ``"lede"``, the other body paragraphs stay ``"body"``. The one definition of the lede (framing's
    prominence and text reuse's parts use it).

    Example:
        >>> t = pd.DataFrame({"doc_id": ["d"] * 3, "para_id": [0, 1, 2], "part": ["headline", "body", "body"]})
        >>> parts_with_lede(t)
        ['headline', 'lede', 'body']
    """
    first_body = table[table["part"] == "body"].groupby("doc_id")["para_id"].min().to_dict()
    return ["lede" if part == "body" and first_body.get(doc) == para else part
            for doc, para, part in zip(table["doc_id"], table["para_id"], table["part"])]


#: A word for counting words (lengths, reuse of quotes, evaluation): letter or digit runs joined by hyphens or
#: apostrophes, so "state-owned" and "Moscow's" are one word. The token definition is :data:`TOKEN_PATTERN`.
WORD_PATTERN = r"\w+(?:[-'’]\w+)*"
WORD_RE = re.compile(WORD_PATTERN)


@returns("document_lengths")
def document_lengths(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Length of each document by part: paragraphs, sentences, characters and words.

    Words here are runs of letters or digits joined by hyphens or apostrophes (NLTK
    ``RegexpTokenizer`` with the pattern ``\\w+(?:[-'’]\\w+)*``): "state-owned" and "Moscow's"
    are one word each, "3,000" is two. The term-frequency functions offer the full token table.

    Returns:
        Columns doc_id, part, n_paragraphs, n_sentences, n_chars (characters inside paragraphs),
        n_words; one row per document and part present.
    """
    from nltk.tokenize import RegexpTokenizer

    tokenizer = RegexpTokenizer(WORD_PATTERN)
    sents = sentences(corpus)
    sents = sents.assign(n_words=[len(tokenizer.tokenize(t)) for t in sents["text"]], n_chars=sents["text"].str.len())
    paras = paragraphs(corpus)
    grouped = sents.groupby(["doc_id", "part"], sort=False).agg(
        n_sentences=("sent_id", "size"), n_chars=("n_chars", "sum"), n_words=("n_words", "sum"))
    counts = paras.groupby(["doc_id", "part"], sort=False).size().rename("n_paragraphs")
    frame = grouped.join(counts).reset_index()[["doc_id", "part", "n_paragraphs", "n_sentences", "n_chars", "n_words"]]
    frame.attrs.update(source="watchwords.document_lengths", word_pattern=WORD_PATTERN)
    return frame.astype({"n_paragraphs": "int64", "n_sentences": "int64", "n_chars": "int64", "n_words": "int64"})


# ------------------------------------------------------------------------------------ tokens

#: The default token definition (an NLTK ``RegexpTokenizer`` pattern), tried in this order:
#: abbreviations with inner periods ("U.S."), numbers with separators ("3,000", "2.5", "13:09"),
#: words with inner hyphens or apostrophes ("state-owned", "18-27", "19-year-old", "O'Brien"),
#: stopping before a final "n't" ("don't" gives "do"), then "n't", clitics after a word ("'s",
#: "'re", ...), ellipses and dash runs, and any other single punctuation mark or symbol ('"',
#: "“", "—", ...).
TOKEN_PATTERN = r"""
    (?:[^\W\d_]\.){2,}(?![^\W\d_])
  | \d+(?:[.,:]\d+)+
  | (?:(?!(?i:n['’]t)\b)\w)+(?:[-‐]\w+)*(?:['’](?!(?i:s|re|ve|ll|d|m|t)\b)\w+(?:[-‐]\w+)*)*
  | (?i:n['’]t)\b
  | (?<=\w)['’](?i:s|re|ve|ll|d|m)\b
  | \.\.\.|[-‐–—]{2,}
  | [^\w\s]
"""
#: A token that is punctuation or symbols only (no letter, digit or underscore).
PUNCT_RE = re.compile(r"[^\w]+")
_NUMBER_RE = re.compile(r"\d+(?:[.,:\-–]\d+)*")
DEFAULT_PARTS: tuple[str, ...] = ("headline", "standfirst", "body")
_TOKEN_COLUMNS = ["doc_id", "para_id", "sent_id", "part", "token", "norm", "start", "end", "is_punct", "is_number",
                  "voice"]


_TOKEN_FLAGS = re.UNICODE | re.MULTILINE | re.DOTALL | re.VERBOSE


@lru_cache(maxsize=1)
def token_regex() -> re.Pattern[str]:
    """:data:`TOKEN_PATTERN` compiled with Python's ``re`` (see :func:`token_finder`)."""
    return re.compile(TOKEN_PATTERN, _TOKEN_FLAGS)


@lru_cache(maxsize=1)
def _token_regex_unicode() -> Any:
    import regex

    return regex.compile(TOKEN_PATTERN, _TOKEN_FLAGS)


#: Characters on which Python's ``re`` and the ``regex`` engine (NLTK's) agree about ``\w``, ``\d`` and ``\s``:
#: ASCII without the separators U+001C-U+001F (white space for ``re`` only), Latin-1 and Latin Extended letters
#: and signs without the superscript digits and vulgar fractions (``\w`` for ``re`` only), Greek and Cyrillic
#: without combining marks (``\w`` for ``regex`` only), general punctuation without the joiners U+200C/U+200D and
#: connector punctuation, currency, letterlike symbols and arrows. tests/test_text.py checks every one.
SAME_IN_BOTH_ENGINES = ("\x00-\x1b\x20-\xb1\xb4-\xb8\xba\xbb\xbf-\u02ff\u0370-\u0482\u048a-\u052f"
                        "\u2000-\u200b\u200e-\u203e\u2041-\u2053\u2055-\u206f\u20a0-\u20bf\u2100-\u214f"
                        "\u2190-\u21ff")
_OTHER_CHARACTER = re.compile(f"[^{SAME_IN_BOTH_ENGINES}]")


def token_engine(text: str) -> Any:
    """:data:`TOKEN_PATTERN` compiled by the engine to use on ``text``: Python's ``re`` (about twice as fast) when
    every character of the text is one on which it agrees with the ``regex`` engine that NLTK's
    ``RegexpTokenizer`` uses (:data:`SAME_IN_BOTH_ENGINES`), else ``regex`` itself. The engines differ on
    combining marks (``regex`` keeps "é" written as e + U+0301 in one word, ``re`` splits the mark off), on
    superscript digits and fractions and on a few separators; this choice gives NLTK's tokens everywhere.

    Example:
        >>> word = "protege\u0301s"
        >>> len(token_engine(word).findall(word)), len(token_regex().findall(word))
        (1, 3)
    """
    return token_regex() if _OTHER_CHARACTER.search(text) is None else _token_regex_unicode()


@lru_cache(maxsize=1)
def word_tokenizer() -> RegexpTokenizer:
    """The project's NLTK ``RegexpTokenizer`` with :data:`TOKEN_PATTERN` (cached)."""
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN, flags=_TOKEN_FLAGS)


def read_word_list(source: str | Path | Iterable[str] | None, *, default: str) -> frozenset[str]:
    """A word list chosen per call: a language (``"english"`` or ``"en"``: the packaged list ``default`` of that
    language, see :func:`watchwords.list_resources`), a file path (one entry a line, ``#`` comments) or an
    iterable of words; entries are lower-cased."""
    if source is None:
        return frozenset()
    if isinstance(source, (str, Path)):
        name = str(source)
        code = "en" if name in ("watchwords", "default") else language_code(name)
        if not isinstance(source, Path) and len(code) <= 3 and code.isalpha():
            return frozenset(w.lower() for w in read_words(default, language=code))
        path = Path(name)
        if not path.is_file():
            raise ValueError(f"word list {name!r}: no such file; pass 'english' for the packaged list, a file path "
                             "(one entry per line) or a list of words")
        lines = path.read_text(encoding="utf-8").splitlines()
        return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))
    return frozenset(str(w).strip().lower() for w in source if str(w).strip())


@returns("quoted_spans")
def quoted_spans(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Spans inside quotation marks: the baseline "quoted voice" until attribution is analysed.

    Rule: within each paragraph, an opening mark (straight ``"``, ``“``, ``«`` or ``„``) opens a
    quotation that the matching closing mark (``"``, ``”``, ``»``, ``“``/``”`` after ``„``) closes;
    a quotation still open at the end of a paragraph runs to its end (the convention for quotes
    over several paragraphs). The span is the text between the marks. Single quotes are not
    used (they double as apostrophes). Scare quotes count as quoted here; the attribution
    analysis refines this.

    Returns:
        Columns doc_id, start, end, voice ("quoted"), rule ("quotation marks").
    """
    corpus = as_corpus(corpus, verb="quoted_spans")
    return _quoted_spans((p["doc_id"], p["start"], p["text"]) for p in _paragraph_rows(corpus))


def _quoted_spans(paragraph_texts: Iterable[tuple[object, object, object]]) -> pd.DataFrame:
    rows = []
    for doc_id, para_start, para_text in paragraph_texts:
        start, text = int(str(para_start)), str(para_text)
        for _, content_start, content_end, _ in quote_spans(text):
            rows.append({"doc_id": doc_id, "start": start + content_start, "end": start + content_end})
    frame = pd.DataFrame(rows, columns=["doc_id", "start", "end"])
    frame["voice"] = "quoted"
    frame["rule"] = "quotation marks"
    frame.attrs.update(source="watchwords.quoted_spans")
    return _typed(frame)


def normaliser(lowercase: bool, stem: str | None, lemmas: bool = False) -> Callable[[str], str]:
    """The function giving a token's ``norm`` (:func:`tokens`): curly apostrophes and the hyphen U+2010 made plain,
    lower-cased if asked, then stemmed word by word (Porter 1980, or Porter's English Snowball) if asked; with
    ``lemmas``, a word in Cyrillic script becomes its lemma (:func:`watchwords.languages.ru.lemma`, lower-cased
    whatever ``lowercase`` says), other tokens are normalised as without it."""
    if lemmas:
        from .languages.ru import lemma

        plain = normaliser(lowercase, stem)
        cyrillic = re.compile(r"[\u0400-\u04ff]")
        return lambda token: lemma(token) if cyrillic.search(token) else plain(token)
    stemmer = None
    if stem is not None:
        from nltk.stem import PorterStemmer, SnowballStemmer

        if stem == "porter":
            stemmer = PorterStemmer()
        elif stem == "snowball":
            stemmer = SnowballStemmer("english")
        else:
            raise ValueError(f"stem={stem!r}: use None, 'porter' or 'snowball'")
    table = str.maketrans({"’": "'", "‘": "'", "‐": "-"})

    def norm(token: str) -> str:
        value = token.translate(table)
        if lowercase:
            value = value.lower()
        if stemmer is not None and not PUNCT_RE.fullmatch(value):
            value = " ".join(stemmer.stem(part) for part in value.split(" "))
        return value

    return norm


def resolve_parts(parts: str | Iterable[str] | None) -> frozenset[str] | None:
    from .textformat import PART_KINDS

    if parts is None or parts == "all":
        return None
    chosen = frozenset([parts] if isinstance(parts, str) else parts)
    unknown = chosen - set(PART_KINDS)
    if unknown:
        raise ValueError(f"parts: unknown part(s) {sorted(unknown)}; use some of {list(PART_KINDS)} or 'all'")
    return chosen


def _span_table(spans: pd.DataFrame, name: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """doc_id -> (starts, ends) of a span table with columns doc_id, start, end."""
    missing = {"doc_id", "start", "end"} - set(spans.columns)
    if missing:
        raise ValueError(f"{name} lacks column(s) {sorted(missing)}; it needs doc_id, start, end")
    index: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    ordered = spans.sort_values(["doc_id", "start"])
    for doc_id, group in ordered.groupby("doc_id", sort=False):
        index[str(doc_id)] = (group["start"].to_numpy(dtype=np.int64), group["end"].to_numpy(dtype=np.int64))
    return index


def _in_spans(store: TokenStore, spans: dict[str, tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Per token of the store: whether it starts inside one of the spans of its document (see
    :func:`watchwords.store.span_mask`)."""
    inside = np.zeros(len(store), dtype=bool)
    for d, doc_id in enumerate(store.doc_ids):
        found = spans.get(doc_id)
        if found is not None:
            lo, hi = store.offsets[d], store.offsets[d + 1]
            inside[lo:hi] = span_mask(store.starts[lo:hi], found[0], found[1])
    return inside


@dataclass
class TokenView:
    """The tokens :func:`tokens` selects, without a DataFrame: positions in a :class:`watchwords.store.TokenStore`
    and their voice. :meth:`frame` materialises the token table; the count-based verbs read the arrays."""

    store: TokenStore
    index: np.ndarray  # positions of the selected tokens in the store
    quoted: np.ndarray  # voice of the selected tokens (True = quoted)
    lowercase: bool
    stem: str | None
    attrs: dict[str, Any]
    lemmas: bool = False

    def __len__(self) -> int:
        return len(self.index)

    @property
    def types(self) -> np.ndarray:
        return self.store.types[self.index]

    def take(self, name: str) -> np.ndarray:
        """A per-token array of the store (doc, starts, sent_ids, para_ids, parts) for the selected tokens."""
        return getattr(self.store, name)[self.index]

    def norm_ids(self) -> tuple[np.ndarray, list[str]]:
        """(id of each selected token's ``norm``, the list of norms)."""
        ids, forms = vocabulary().interned(("norm", self.lowercase, self.stem, self.lemmas),
                                           normaliser(self.lowercase, self.stem, self.lemmas))
        return ids[self.types], forms

    def plain_ids(self) -> tuple[np.ndarray, list[str]]:
        """(id of each selected token's lower-cased form with apostrophes normalised, the list of forms)."""
        ids, forms = vocabulary().interned(("norm", True, None), normaliser(True, None))
        return ids[self.types], forms

    def parts_with_lede(self) -> np.ndarray:
        """The part of each selected token, with the lede told apart: the rule of :func:`parts_with_lede` on the
        arrays (the first body paragraph of each document among the selected tokens)."""
        names = PART_NAMES[self.take("parts")]
        body = np.flatnonzero(names == "body")
        if len(body) == 0:
            return names
        docs, paras = self.take("doc"), self.take("para_ids")
        first_body = np.full(len(self.store.doc_ids), -1, dtype=np.int64)
        order = np.lexsort((paras[body], docs[body]))
        doc_of, para_of = docs[body][order], paras[body][order]
        first = np.concatenate([[True], doc_of[1:] != doc_of[:-1]])
        first_body[doc_of[first]] = para_of[first]
        names = names.copy()
        names[(names == "body") & (paras == first_body[docs])] = "lede"
        return names

    def frame(self) -> pd.DataFrame:
        """The token table (columns of :func:`tokens`)."""
        vocab, types = vocabulary(), self.types
        norm_ids, norms = self.norm_ids()
        starts = self.take("starts").astype("int64")
        columns = {
            "doc_id": object_array(self.store.doc_ids)[self.take("doc")],
            "para_id": self.take("para_ids").astype("int64"),
            "sent_id": self.take("sent_ids").astype("int64"),
            "part": PART_NAMES[self.take("parts")],
            "token": vocab.objects()[types],
            "norm": object_array(norms)[norm_ids],
            "start": starts,
            "end": starts + vocab.lengths()[types],
            "is_punct": _type_flags("punct")[types],
            "is_number": _type_flags("number")[types],
            "voice": np.where(self.quoted, "quoted", "reporter").astype(object),
        }
        frame = pd.DataFrame({name: pd.Series(values, dtype=object if values.dtype == object else values.dtype)
                              for name, values in columns.items()}, columns=_TOKEN_COLUMNS)
        frame.attrs.update(self.attrs)
        return frame


def folded(token: str) -> str:
    """A token lower-cased with its curly apostrophes straight (the form stopword lists and collocates compare).

    Example:
        >>> folded("Moscow’s")
        "moscow's"
    """
    return token.replace("’", "'").lower()


def _type_flags(name: str) -> np.ndarray:
    pattern = PUNCT_RE if name == "punct" else _NUMBER_RE
    return vocabulary().values(name, lambda s: bool(pattern.fullmatch(s)), bool)


def select_tokens(
    corpus_or_sentences: pd.DataFrame | str,
    *,
    lowercase: bool = True,
    drop_punct: bool = False,
    drop_numbers: bool = False,
    stopwords: str | Path | Iterable[str] | None = None,
    stem: str | None = None,
    multiword: bool | str | Path | Iterable[str] = False,
    voice: str = "all",
    voice_spans: pd.DataFrame | None = None,
    parts: str | Iterable[str] | None = DEFAULT_PARTS,
    exclude_spans: pd.DataFrame | None = None,
    language: str | None = None,
    lemmas: bool | None = None,
    verb: str = "tokens",
) -> TokenView:
    """The tokens :func:`tokens` would return, as a :class:`TokenView` on the token store (the one home of the
    token options; every count-based verb selects its tokens here). Only the documents of one language are read
    (:func:`watchwords.languages.in_language`)."""
    require_kind(voice_spans, ("voice",), verb=verb, name="voice_spans")
    require_kind(exclude_spans, ("reused_spans", "voice"), verb=verb, name="exclude_spans")
    if voice not in ("all", "reporter", "quoted"):
        raise ValueError(f"voice={voice!r}: use 'all', 'reporter' or 'quoted'")
    if stem not in (None, "porter", "snowball"):
        raise ValueError(f"stem={stem!r}: use None, 'porter' or 'snowball'")
    frame = corpus_or_sentences
    corpus = None
    if isinstance(frame, str) or "sent_id" not in frame.columns:
        corpus, code = in_language(as_corpus(frame, verb=verb, accept=("sentences",)), language, verb=verb,
                                   stacklevel=4)
        source: pd.DataFrame = corpus
    else:
        source, code = frame, choose_language([], language)
    lemmas = code == "ru" if lemmas is None else lemmas
    wanted_parts = resolve_parts(parts)
    stop = read_word_list(stopwords, default="stopwords")
    units = read_word_list("english" if multiword is True else (None if multiword is False else multiword),
                           default="multiword_units")
    store = token_store(source, units=units)
    keep = np.ones(len(store), dtype=bool)
    if wanted_parts is not None:
        keep &= np.isin(store.parts, [PART_KINDS.index(p) for p in wanted_parts])
    if drop_punct:
        keep &= ~_type_flags("punct")[store.types]
    if drop_numbers:
        keep &= ~_type_flags("number")[store.types]
    if stop:
        plain_ids, forms = vocabulary().interned(("norm", True, None), normaliser(True, None))
        stop_forms = np.fromiter((f in stop for f in forms), dtype=bool, count=len(forms))
        keep &= ~stop_forms[plain_ids[store.types]]
        if lemmas:  # an inflected form of a listed word is a stopword too ("его" of "он")
            lemma_ids, lemma_forms = vocabulary().interned(("norm", True, None, True), normaliser(True, None, True))
            stop_lemmas = np.fromiter((f in stop for f in lemma_forms), dtype=bool, count=len(lemma_forms))
            keep &= ~stop_lemmas[lemma_ids[store.types]]
    if exclude_spans is not None:
        keep &= ~_in_spans(store, _span_table(exclude_spans, "exclude_spans"))
    if voice_spans is None:
        quoted = store.quoted
    else:
        spans = voice_spans[voice_spans["voice"] == "quoted"] if "voice" in voice_spans.columns else voice_spans
        quoted = _in_spans(store, _span_table(spans, "voice_spans"))
    if voice != "all":
        keep &= quoted if voice == "quoted" else ~quoted
    index = np.flatnonzero(keep)
    attrs = dict(
        source="watchwords.tokens", tokenizer="nltk RegexpTokenizer(watchwords.text.TOKEN_PATTERN)",
        lowercase=lowercase, drop_punct=drop_punct, drop_numbers=drop_numbers,
        stopwords=None if stopwords is None else (str(stopwords) if isinstance(stopwords, (str, Path)) else "custom list"),
        stem=stem, lemmas=lemmas, language=code, multiword=bool(units), voice=voice, parts=sorted(wanted_parts) if wanted_parts else "all",
        excluded_spans=0 if exclude_spans is None else int(len(exclude_spans)),
        corpus_hash=(corpus.attrs.get("corpus_hash") if corpus is not None else source.attrs.get("corpus_hash")),
    )
    return TokenView(store, index, quoted[index], lowercase, stem, attrs, lemmas)


@returns("tokens")
def tokens(
    corpus_or_sentences: pd.DataFrame | str,
    *,
    lowercase: bool = True,
    drop_punct: bool = False,
    drop_numbers: bool = False,
    stopwords: str | Path | Iterable[str] | None = None,
    stem: str | None = None,
    multiword: bool | str | Path | Iterable[str] = False,
    voice: str = "all",
    voice_spans: pd.DataFrame | None = None,
    parts: str | Iterable[str] | None = DEFAULT_PARTS,
    exclude_spans: pd.DataFrame | None = None,
    language: str | None = None,
    lemmas: bool | None = None,
) -> pd.DataFrame:
    """One row per token, with character offsets into the document text.

    Tokens are those of NLTK's ``RegexpTokenizer`` with :data:`TOKEN_PATTERN` (no downloaded
    data), run sentence by sentence (:func:`token_engine` applies the pattern). Examples of the default token definition:

    ========================  ==========================================
    text                      tokens
    ========================  ==========================================
    ``more than 3,000``       ``more`` ``than`` ``3,000``
    ``aged 18-27``            ``aged`` ``18-27``
    ``the U.S. said``         ``the`` ``U.S.`` ``said``
    ``state-owned``           ``state-owned``
    ``Moscow's``              ``Moscow`` ``'s`` (possessive split off, as in the Penn Treebank)
    ``"used," he said``       ``"`` ``used`` ``,`` ``"`` ``he`` ``said``
    ``cameras — and``         ``cameras`` ``—`` ``and``
    ========================  ==========================================

    Args:
        corpus_or_sentences: a corpus (``load_corpus``), a sentence table (``sentences``) or a
            plain string (doc_id "text").
        lowercase: ``norm`` is lower-cased (curly apostrophes are always normalised to ``'``).
        drop_punct: leave out tokens made only of punctuation or symbols.
        drop_numbers: leave out numbers ("2017", "3,000", "18-27").
        stopwords: leave out tokens whose lower-cased form is listed: ``"english"`` (the packaged
            list ``watchwords/data/en/stopwords.txt``), a file path, or a list of words.
        stem: None, ``"porter"`` (Porter 1980) or ``"snowball"`` (Porter's English Snowball);
            applied to ``norm``.
        multiword: True for the packaged list ``watchwords/data/en/multiword_units.txt``, or a file
            path or list of phrases: consecutive tokens forming a listed phrase become one token
            (longest match first; ``norm`` joins the words with spaces).
        voice: ``"all"``, ``"reporter"`` (tokens outside quoted spans) or ``"quoted"``.
        voice_spans: quoted spans (doc_id, start, end); default :func:`quoted_spans`, which the
            attribution analysis will replace with attributed content spans.
        parts: part kinds to include (default headline, standfirst and body; ``"all"`` for
            every part, captions and credits included).
        exclude_spans: spans (doc_id, start, end) whose tokens are left out, e.g.
            :func:`watchwords.reused_spans` to count syndicated wire copy once.
        language: the language whose documents are read (``"en"``, ``"ru"``); default English when the corpus has
            an English document, else its most frequent analysable language. Documents in other languages are left
            out with one warning that lists them (:mod:`watchwords.languages`): no table mixes languages.
        lemmas: ``norm`` is the lemma of each Cyrillic word (pymorphy3, :mod:`watchwords.languages.ru`); default
            True for Russian, where inflection makes word forms a poor unit ("камера", "камеры", "камер" are one
            term), False for English.

    Returns:
        Columns doc_id, para_id, sent_id, part, token (the characters of the text), norm, start,
        end (``text[start:end] == token``), is_punct, is_number, voice ("reporter" or
        "quoted"). ``df.attrs`` records every option.

    Engine: every document is tokenised once into the compact token store (:mod:`watchwords.store`) and the
    options are applied as masks over its arrays; this table is materialised from them (see
    :func:`select_tokens` for the arrays themselves).
    """
    return select_tokens(corpus_or_sentences, lowercase=lowercase, drop_punct=drop_punct, drop_numbers=drop_numbers,
                         stopwords=stopwords, stem=stem, multiword=multiword, voice=voice, voice_spans=voice_spans,
                         parts=parts, exclude_spans=exclude_spans, language=language, lemmas=lemmas).frame()


@returns("tokenizer_comparison")
def compare_tokenizers(text: str) -> pd.DataFrame:
    """Tokenise ``text`` with several NLTK tokenizers that need no downloaded data, side by side.

    Compared: the Watchwords default (``RegexpTokenizer`` with :data:`TOKEN_PATTERN`), NLTK's
    ``TreebankWordTokenizer`` and ``NLTKWordTokenizer`` (what ``word_tokenize`` uses after
    sentence splitting), ``WordPunctTokenizer``, ``ToktokTokenizer``, and a plain whitespace
    split. The Treebank-style tokenizers expect one sentence at a time (they split off only a
    final period), so they are given the text sentence by sentence, as ``word_tokenize`` would.

    Returns:
        Columns tokenizer, n_tokens, tokens (joined by " | ").
    """
    from nltk.tokenize import (
        NLTKWordTokenizer,
        ToktokTokenizer,
        TreebankWordTokenizer,
        WordPunctTokenizer,
    )

    sentence_texts = [text[a:b] for a, b in split_sentences(text)]

    def per_sentence(tokenize: Callable[[str], list[str]]) -> list[str]:
        return [t for s in sentence_texts for t in tokenize(s)]

    candidates = {
        "watchwords (RegexpTokenizer)": word_tokenizer().tokenize(text),
        "TreebankWordTokenizer": per_sentence(TreebankWordTokenizer().tokenize),
        "NLTKWordTokenizer": per_sentence(NLTKWordTokenizer().tokenize),
        "WordPunctTokenizer": WordPunctTokenizer().tokenize(text),
        "ToktokTokenizer": per_sentence(ToktokTokenizer().tokenize),
        "whitespace split": text.split(),
    }
    frame = pd.DataFrame([{"tokenizer": name, "n_tokens": len(found), "tokens": " | ".join(found)}
                          for name, found in candidates.items()])
    frame.attrs.update(source="watchwords.compare_tokenizers", text=text)
    return frame
