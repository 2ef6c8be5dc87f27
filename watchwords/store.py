"""The compact token store: each document is tokenised once, and every count-based verb reads integer arrays.

Layout (a few bytes per token; Python objects only for the vocabulary):

* :class:`Vocabulary` -- one per process, append-only: token string <-> integer id, with per-type properties
  (length, punctuation, number, lower-cased form, normalised form under each ``lowercase``/``stem`` option)
  computed once per *type*, never per token;
* :class:`DocumentTokens` -- one per distinct document text (cached beside the paragraph and sentence parse of
  :mod:`watchwords.documents`): token ids (int32), start offsets (int32), sentence ids (int32) and the default
  voice flag (inside quotation marks, :mod:`watchwords.quotes`), plus per sentence its paragraph and part.
  A token's end is its start plus the length of its type, since ``text[start:end] == token``;
* :class:`TokenStore` -- the documents of one call concatenated (``numpy.concatenate``), with the filters of
  :func:`watchwords.tokens` (parts, punctuation, numbers, stopwords, voice, excluded spans) applied as boolean
  masks, per type where the rule is about the word and per token where it is about the position.

Tokens are found with :data:`watchwords.text.TOKEN_PATTERN` run by Python's ``re`` on each sentence (the same
tokens as NLTK's ``RegexpTokenizer``, which uses the ``regex`` engine; ``tests/test_text.py`` checks the two
engines agree). ``tests/test_store.py`` checks that every verb built on the store returns the same table as the
token-table implementation of version 0.2 (``bench/reference_v02.py``) on the seed, on written fixtures and on
arbitrary text; ``bench/bench_pipeline.py`` times both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .documents import CACHE_SIZE, paragraphs_of, sentences_of
from .quotes import quote_spans
from .textformat import PART_KINDS

__all__ = ["Vocabulary", "DocumentTokens", "TokenStore", "vocabulary", "document_tokens", "token_store",
           "span_mask", "PART_NAMES", "object_array", "corpus_chunks", "CHUNK_CHARACTERS"]

_PART_CODE = {kind: code for code, kind in enumerate(PART_KINDS)}
PART_NAMES = np.array(PART_KINDS, dtype=object)


def object_array(items: list[Any]) -> np.ndarray:
    """A 1-d object array of ``items`` (strings stay whole; numpy would otherwise make a fixed-width string array or,
    for sequences, a 2-d one); index it with id arrays to materialise a column.

    Example:
        >>> object_array(["a", "bc"])[[1, 1, 0]].tolist()
        ['bc', 'bc', 'a']
    """
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


class Vocabulary:
    """Token strings and their integer ids (process-wide, append-only), with per-type property arrays.

    A property is a function of the token string; :meth:`values` returns it for every type as a numpy array,
    computing it only for the types added since the last call.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.strings: list[str] = []
        self._values: dict[Any, np.ndarray] = {}
        self._interned: dict[Any, tuple[dict[str, int], list[str]]] = {}

    def __len__(self) -> int:
        return len(self.strings)

    def values(self, key: Any, function: Callable[[str], Any], dtype: Any) -> np.ndarray:
        """``function(type)`` for every type, as an array of ``dtype`` (cached under ``key``)."""
        known = self._values.get(key)
        done = 0 if known is None else len(known)
        if done == len(self.strings) and known is not None:
            return known
        fresh = np.fromiter((function(s) for s in self.strings[done:]), dtype=dtype,
                            count=len(self.strings) - done) if dtype is not object else \
            object_array([function(s) for s in self.strings[done:]])
        value = fresh if known is None else np.concatenate([known, fresh])
        self._values[key] = value
        return value

    def interned(self, key: Any, function: Callable[[str], str]) -> tuple[np.ndarray, list[str]]:
        """Map every type to the id of ``function(type)`` in a second, smaller vocabulary (e.g. lower-cased
        forms): (array type id -> form id, list of forms)."""
        ids, forms = self._interned.setdefault(key, ({}, []))

        def form_id(string: str) -> int:
            form = function(string)
            found = ids.get(form)
            if found is None:
                found = ids[form] = len(forms)
                forms.append(form)
            return found

        return self.values(("interned", key), form_id, np.int32), forms

    def objects(self) -> np.ndarray:
        """The type strings as an object array (index with token ids to materialise a column)."""
        return self.values("string", lambda s: s, object)

    def lengths(self) -> np.ndarray:
        return self.values("length", len, np.int32)


_VOCABULARY = Vocabulary()


def vocabulary() -> Vocabulary:
    """The process-wide vocabulary of the token store."""
    return _VOCABULARY


@dataclass(frozen=True)
class DocumentTokens:
    """The tokens of one document as arrays (see the module docstring)."""

    types: np.ndarray  # int32 token ids
    starts: np.ndarray  # int32 character offsets
    sent_ids: np.ndarray  # int32 sentence id of each token
    quoted: np.ndarray  # bool: inside quotation marks (the default voice)
    sent_paras: np.ndarray  # int32 paragraph id of each sentence
    sent_parts: np.ndarray  # int8 part code of each sentence (index into PART_KINDS)


def _tokenise(sentence_rows: Iterable[tuple[int, int, int, str, str]], units: frozenset[str],
              n_sentences: int) -> DocumentTokens:
    """Tokenise the sentences (sent_id, para_id, start, part, text) of one document into arrays.

    The default voice follows :func:`watchwords.tokens` of version 0.2: each paragraph is rebuilt from its
    sentences (gaps become spaces) and searched with :func:`watchwords.quotes.quote_spans`; a token is quoted
    when its start lies inside the last quotation that opens at or before it.
    """
    from .text import normaliser, token_engine, word_tokenizer

    vocab = _VOCABULARY
    ids, strings = vocab.ids, vocab.strings
    mw_index = _multiword_index(units) if units else None
    plain = normaliser(True, None)
    types: list[int] = []
    starts: list[int] = []
    sent_of: list[int] = []
    sent_paras = np.zeros(n_sentences, dtype=np.int32)
    sent_parts = np.zeros(n_sentences, dtype=np.int8)
    paragraphs: dict[int, list[tuple[int, str]]] = {}
    for sent_id, para_id, start, part, text in sentence_rows:
        sent_paras[sent_id] = para_id
        sent_parts[sent_id] = _PART_CODE[part]
        paragraphs.setdefault(para_id, []).append((start, text))
        before = len(types)
        if mw_index:
            spans = [(start + a, start + b) for a, b in word_tokenizer().span_tokenize(text)]
            found = [text[a - start:b - start] for a, b in spans]
            spans, found = _merge_multiword(spans, found, text, start, mw_index, plain)
            offsets, pieces = [a for a, _ in spans], found
        else:
            # map() over the match objects' own methods: no Python bytecode per token
            matches = list(token_engine(text).finditer(text))
            kind = type(matches[0]) if matches else None
            offsets = list(map(start.__add__, map(kind.start, matches))) if kind else []
            pieces = list(map(kind.group, matches)) if kind else []
        found_ids = list(map(ids.get, pieces))
        if None in found_ids:
            for k, (piece, token_id) in enumerate(zip(pieces, found_ids)):
                if token_id is None:
                    token_id = ids.get(piece)
                    if token_id is None:
                        token_id = ids[piece] = len(strings)
                        strings.append(piece)
                    found_ids[k] = token_id
        types.extend(found_ids)  # type: ignore[arg-type]  # every None was replaced above
        starts.extend(offsets)
        sent_of.extend([sent_id] * (len(types) - before))
    quote_starts: list[int] = []
    quote_ends: list[int] = []
    for pieces in paragraphs.values():
        first, cursor, chunks = pieces[0][0], pieces[0][0], []
        for at, text in pieces:
            chunks.append(" " * (at - cursor) + text)
            cursor = at + len(text)
        for _, content_start, content_end, _ in quote_spans("".join(chunks)):
            quote_starts.append(first + content_start)
            quote_ends.append(first + content_end)
    start_array = np.array(starts, dtype=np.int64)
    return DocumentTokens(
        types=np.array(types, dtype=np.int32), starts=start_array.astype(np.int32) if len(start_array) == 0 or
        start_array[-1] < 2**31 - 1 else start_array, sent_ids=np.array(sent_of, dtype=np.int32),
        quoted=span_mask(start_array, np.array(quote_starts, dtype=np.int64), np.array(quote_ends, dtype=np.int64)),
        sent_paras=sent_paras, sent_parts=sent_parts)


def _multiword_index(units: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    from .text import word_tokenizer

    tokenizer = word_tokenizer()
    for unit in units:
        words = tuple(w.lower().replace("’", "'") for w in tokenizer.tokenize(unit))
        if len(words) > 1:
            index.setdefault(words[0], []).append(words)
    for candidates in index.values():
        candidates.sort(key=len, reverse=True)
    return index


def _merge_multiword(spans: Any, texts: Any, s_text: str, s_start: int, index: Any, plain: Callable[[str], str]) -> Any:
    lowered = [plain(t) for t in texts]
    merged_spans, merged_texts = [], []
    i = 0
    while i < len(texts):
        match = None
        for words in index.get(lowered[i], ()):
            if tuple(lowered[i:i + len(words)]) == words:
                match = words
                break
        if match:
            start, end = spans[i][0], spans[i + len(match) - 1][1]
            merged_spans.append((start, end))
            merged_texts.append(s_text[start - s_start:end - s_start])
            i += len(match)
        else:
            merged_spans.append(spans[i])
            merged_texts.append(texts[i])
            i += 1
    return merged_spans, merged_texts



def span_mask(positions: np.ndarray, span_starts: np.ndarray, span_ends: np.ndarray) -> np.ndarray:
    """Which positions lie inside a span: the span is the last one (in order of start) starting at or before the
    position, and the position must be before its end (the rule of :func:`watchwords.tokens` for voice and
    excluded spans, vectorised with ``numpy.searchsorted``)."""
    if len(span_starts) == 0 or len(positions) == 0:
        return np.zeros(len(positions), dtype=bool)
    order = np.argsort(span_starts, kind="stable")
    span_starts, span_ends = span_starts[order], span_ends[order]
    k = np.searchsorted(span_starts, positions, side="right") - 1
    return (k >= 0) & (positions < span_ends[np.maximum(k, 0)])


@lru_cache(maxsize=CACHE_SIZE)
def document_tokens(text: str, units: frozenset[str] = frozenset()) -> DocumentTokens:
    """The token arrays of a document text (cached by text; ``units`` are multiword units to join)."""
    paragraphs = paragraphs_of(text)
    sentences = sentences_of(text)
    rows = ((sent_id, para_id, start, paragraphs[para_id].part, text[start:end])
            for sent_id, (para_id, start, end) in enumerate(sentences))
    return _tokenise(rows, units, len(sentences))


@dataclass
class TokenStore:
    """The tokens of several documents, concatenated: per-token arrays, and ``offsets`` where each document's
    tokens begin (``offsets[d]:offsets[d + 1]``)."""

    doc_ids: list[str]
    offsets: np.ndarray
    doc: np.ndarray  # int32 document index of each token
    types: np.ndarray
    starts: np.ndarray
    sent_ids: np.ndarray
    para_ids: np.ndarray
    parts: np.ndarray  # int8 part codes
    quoted: np.ndarray

    def __len__(self) -> int:
        return len(self.types)

    @property
    def ends(self) -> np.ndarray:
        return self.starts + _VOCABULARY.lengths()[self.types]

    def sentence_keys(self) -> np.ndarray:
        """A number per token that is equal exactly for tokens of the same sentence of the same document."""
        return self.doc.astype(np.int64) * (int(self.sent_ids.max(initial=0)) + 1) + self.sent_ids

    def paragraph_keys(self) -> np.ndarray:
        """A number per token that is equal exactly for tokens of the same paragraph of the same document."""
        return self.doc.astype(np.int64) * (int(self.para_ids.max(initial=0)) + 1) + self.para_ids


def _concatenate(doc_ids: list[str], documents: list[DocumentTokens]) -> TokenStore:
    sizes = np.array([len(d.types) for d in documents], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)

    def joined(name: str, dtype: Any) -> np.ndarray:
        if not documents:
            return np.zeros(0, dtype=dtype)
        return np.concatenate([getattr(d, name) for d in documents]).astype(dtype, copy=False)

    sent_ids = joined("sent_ids", np.int32)
    para_ids = (np.concatenate([d.sent_paras[d.sent_ids] for d in documents]) if documents
                else np.zeros(0, dtype=np.int32))
    parts = (np.concatenate([d.sent_parts[d.sent_ids] for d in documents]) if documents
             else np.zeros(0, dtype=np.int8))
    return TokenStore(doc_ids=doc_ids, offsets=offsets,
                      doc=np.repeat(np.arange(len(documents), dtype=np.int32), sizes),
                      types=joined("types", np.int32), starts=joined("starts", np.int64), sent_ids=sent_ids,
                      para_ids=para_ids.astype(np.int32, copy=False), parts=parts.astype(np.int8, copy=False),
                      quoted=joined("quoted", bool))


def token_store(corpus_or_sentences: pd.DataFrame, *, units: frozenset[str] = frozenset()) -> TokenStore:
    """The token store of a corpus (documents from the cache, tokenised on first use) or of a sentence table
    (tokenised from its rows, which may be a selection)."""
    frame = corpus_or_sentences
    if "sent_id" not in frame.columns:
        doc_ids = [str(d) for d in frame["doc_id"]]
        return _concatenate(doc_ids, [document_tokens(t, units) for t in frame["text"]])
    doc_ids, documents = [], []
    for doc_id, group in frame.groupby("doc_id", sort=False):
        sent_ids = group["sent_id"].astype(int).tolist()
        rows = zip(sent_ids, group["para_id"].astype(int), group["start"].astype(int), group["part"], group["text"])
        doc_ids.append(str(doc_id))
        documents.append(_tokenise(rows, units, max(sent_ids) + 1))
    return _concatenate(doc_ids, documents)





#: Characters of text per chunk when a verb walks a large corpus chunk by chunk (its memory then follows the
#: chunk, not the corpus).
CHUNK_CHARACTERS = 8_000_000


def corpus_chunks(corpus: pd.DataFrame, *, characters: int | None = None) -> list[pd.DataFrame]:
    """The corpus cut into consecutive runs of whole documents of about ``characters`` characters each (default
    :data:`CHUNK_CHARACTERS`): the count-based verbs add up their counts over the chunks, and the verbs that list
    rows concatenate them, which gives the result of the whole corpus exactly (every rule reads one document at a
    time; tests/test_store.py compares both). A sentence table, or a corpus smaller than a chunk, is one chunk.

    Example:
        >>> frame = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x" * 5, "y" * 5, "z" * 5]})
        >>> [chunk["doc_id"].tolist() for chunk in corpus_chunks(frame, characters=10)]
        [['a', 'b'], ['c']]
    """
    limit = CHUNK_CHARACTERS if characters is None else characters
    if "text" not in corpus.columns or "sent_id" in corpus.columns:
        return [corpus]
    lengths = corpus["text"].map(len).to_numpy(dtype=np.int64)
    if lengths.sum() <= limit:
        return [corpus]
    chunks, start, running = [], 0, 0
    for k, length in enumerate(lengths.tolist()):
        running += length
        if running >= limit:
            chunks.append(corpus.iloc[start:k + 1])
            start, running = k + 1, 0
    if start < len(corpus):
        chunks.append(corpus.iloc[start:])
    return chunks
