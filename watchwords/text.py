"""Paragraph and sentence tables with exact character offsets.

Sentences are found with NLTK's Punkt sentence tokenizer (Kiss & Strunk 2006, "Unsupervised
Multilingual Sentence Boundary Detection", Computational Linguistics 32(4)) run with
project-owned parameters instead of a downloaded model: the abbreviation list
``watchwords/data/abbreviations.txt`` (plus single letters, for initials) and the
sentence-starter list ``watchwords/data/sentence_starters.txt``. Nothing is downloaded.

Rules that follow from Punkt and these lists:

* a period after a listed abbreviation ("Mr.", "Gen.", "U.S.", "Feb.") or an initial ("J.")
  does not end a sentence, unless the next word is a listed sentence starter
  ("... in the U.S. The talks ..." splits before "The");
* numbers with separators ("3,000", "2.5") never end a sentence;
* a closing quotation mark or bracket after the final period stays with its sentence;
* sentences never cross paragraph boundaries (headline, caption and body are split apart
  first by :mod:`watchwords.textformat`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from collections.abc import Iterable

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .textformat import parse_document

__all__ = ["sentence_splitter", "split_sentences", "paragraphs", "sentences", "as_corpus", "document_lengths"]


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("watchwords.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def sentence_splitter() -> PunktSentenceTokenizer:
    """The project's Punkt tokenizer, built from the versioned word lists (cached, read-only)."""
    params = PunktParameters()
    params.abbrev_types = set(_word_list("abbreviations.txt")) | set("abcdefghijklmnopqrstuvwxyz")
    params.sent_starters = set(_word_list("sentence_starters.txt"))
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text``.

    Example:
        >>> t = 'Mr. Loktev spoke. "It works," he said.'
        >>> [t[a:b] for a, b in split_sentences(t)]
        ['Mr. Loktev spoke.', '"It works," he said.']
    """
    end = len(text) if end is None else end
    segment = text[start:end]
    return [(start + a, start + b) for a, b in sentence_splitter().span_tokenize(segment)]


def as_corpus(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Accept a corpus DataFrame, or a plain string as a one-document corpus with doc_id "text"."""
    if isinstance(corpus, str):
        return pd.DataFrame({"doc_id": ["text"], "text": [corpus]})
    missing = {"doc_id", "text"} - set(corpus.columns)
    if missing:
        raise ValueError(f"the corpus DataFrame lacks column(s) {sorted(missing)}; load it with watchwords.load_corpus()")
    return corpus


def _paragraph_rows(corpus: pd.DataFrame) -> Iterable[dict[str, object]]:
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        for para_id, para in enumerate(parse_document(text)):
            yield {"doc_id": doc_id, "para_id": para_id, "part": para.part, "start": para.start,
                   "end": para.end, "text": text[para.start:para.end]}


_PARA_COLUMNS = ["doc_id", "para_id", "part", "start", "end", "text"]
_SENT_COLUMNS = ["doc_id", "para_id", "sent_id", "part", "start", "end", "text"]


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("para_id", "sent_id", "start", "end"):
        if column in frame:
            frame[column] = frame[column].astype("int64")
    return frame


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
    corpus = as_corpus(corpus)
    frame = pd.DataFrame(list(_paragraph_rows(corpus)), columns=_PARA_COLUMNS)
    frame.attrs.update(source="watchwords.paragraphs", corpus_hash=corpus.attrs.get("corpus_hash"))
    return _typed(frame)


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
    corpus = as_corpus(corpus)
    rows = []
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    sent_ids: dict[str, int] = {}
    for para in _paragraph_rows(corpus):
        doc_id = str(para["doc_id"])
        text = texts[doc_id]
        for start, end in split_sentences(text, int(para["start"]), int(para["end"])):  # type: ignore[call-overload]
            sent_id = sent_ids.get(doc_id, 0)
            sent_ids[doc_id] = sent_id + 1
            rows.append({"doc_id": doc_id, "para_id": para["para_id"], "sent_id": sent_id, "part": para["part"],
                         "start": start, "end": end, "text": text[start:end]})
    frame = pd.DataFrame(rows, columns=_SENT_COLUMNS)
    frame.attrs.update(source="watchwords.sentences", splitter="nltk Punkt with watchwords/data word lists",
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return _typed(frame)


_WORD_RE = r"\w+(?:[-'’]\w+)*"


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

    tokenizer = RegexpTokenizer(_WORD_RE)
    sents = sentences(corpus)
    sents = sents.assign(n_words=[len(tokenizer.tokenize(t)) for t in sents["text"]], n_chars=sents["text"].str.len())
    paras = paragraphs(corpus)
    grouped = sents.groupby(["doc_id", "part"], sort=False).agg(
        n_sentences=("sent_id", "size"), n_chars=("n_chars", "sum"), n_words=("n_words", "sum"))
    counts = paras.groupby(["doc_id", "part"], sort=False).size().rename("n_paragraphs")
    frame = grouped.join(counts).reset_index()[["doc_id", "part", "n_paragraphs", "n_sentences", "n_chars", "n_words"]]
    frame.attrs.update(source="watchwords.document_lengths", word_pattern=_WORD_RE)
    return frame.astype({"n_paragraphs": "int64", "n_sentences": "int64", "n_chars": "int64", "n_words": "int64"})
