"""Frequency lists, n-grams and TF-IDF, counted on the arrays of the token store (:mod:`watchwords.store`); the
counts equal NLTK's ``FreqDist`` and ``ConditionalFreqDist`` over the token table (tests).

Terms are the ``norm`` column of :func:`watchwords.tokens` (lower-cased word forms by default;
punctuation dropped by default, as in AntConc's word list). n-grams are formed within a
sentence, never across a sentence boundary, from the tokens left after filtering.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from nltk.probability import FreqDist

from .languages import language_options
from .store import corpus_chunks, object_array, vocabulary
from .tables import as_corpus, returns
from .text import TokenView, folded, read_word_list, select_tokens

__all__ = ["frequencies", "tfidf", "term_occurrences", "occurrences_and_sizes", "term_arrays", "Terms",
           "frequency_parts", "frequency_counts", "frequency_table", "group_labels", "count_terms"]


def group_labels(corpus: pd.DataFrame, by: str | None) -> dict[str, str]:
    """doc_id → group label for a metadata column (all documents in group "all" when by is None)."""
    if by is None:
        return {str(d): "all" for d in corpus["doc_id"]}
    if by not in corpus.columns:
        raise ValueError(f"by={by!r}: the corpus has no such column; choose one of {list(corpus.columns)}")
    return {str(d): str(g) for d, g in zip(corpus["doc_id"], corpus[by])}


@dataclass
class Terms:
    """Every occurrence of every term as arrays (the count-based verbs read these; :func:`term_occurrences` makes
    them a table): ``term[i]`` indexes ``strings``, ``doc[i]`` the store's documents, ``first[i]``/``last[i]``
    the first and last token of the occurrence in ``view``; ``sizes[d]`` is document d's size in tokens before
    stopwords were removed (the base of rates, so that a stopword list does not change them)."""

    view: TokenView
    strings: list[str]
    term: np.ndarray
    doc: np.ndarray
    first: np.ndarray
    last: np.ndarray
    sizes: np.ndarray
    attrs: dict[str, Any]

    @property
    def doc_ids(self) -> list[str]:
        return self.view.store.doc_ids

    def terms_per_doc(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(doc, term, count) of every document-term pair with a count, ordered by document then term id."""
        width = max(len(self.strings), 1)
        keys, counts = np.unique(self.doc.astype(np.int64) * width + self.term, return_counts=True)
        return keys // width, keys % width, counts


def term_arrays(corpus: pd.DataFrame | str, *, n: int = 1, **token_options: Any) -> Terms:
    """The occurrences of :func:`term_occurrences` as :class:`Terms` (one pass over the token store).

    Rules: tokens are selected by :func:`watchwords.select_tokens` (``drop_punct`` defaults to True); document
    sizes are counted; then tokens whose lower-cased form (curly apostrophe as ``'``) is a stopword are removed,
    and n-grams are formed from the tokens left, within a sentence.
    """
    if not 1 <= n <= 4:
        raise ValueError(f"n={n}: n-grams of 1 to 4 words are supported")
    token_options.setdefault("drop_punct", True)
    stopwords = token_options.pop("stopwords", None)
    view = select_tokens(as_corpus(corpus, verb="term_occurrences", accept=("sentences",)), **token_options)
    docs = view.take("doc")
    sizes = np.bincount(docs, minlength=len(view.store.doc_ids)).astype(np.int64)
    positions = np.arange(len(view), dtype=np.int64)
    if stopwords is not None:
        stop = read_word_list(stopwords, default="stopwords")
        forms, strings = vocabulary().interned("folded", folded)
        is_stop = np.fromiter((s in stop for s in strings), dtype=bool, count=len(strings))
        positions = positions[~is_stop[forms[view.types]]]
    norm_ids, norms = view.norm_ids()
    words = norm_ids[positions]
    if n == 1:
        term, first, last, names = words, positions, positions, norms
    else:
        sentence = view.store.sentence_keys()[view.index[positions]]
        starts = np.flatnonzero(sentence[:len(sentence) - n + 1] == sentence[n - 1:]) if len(sentence) >= n else \
            np.zeros(0, dtype=np.int64)
        grams = np.stack([words[starts + k] for k in range(n)], axis=1) if len(starts) else np.zeros((0, n), np.int64)
        base = max(len(norms), 1)
        if base ** n < 2 ** 62:  # one int64 key per n-gram: a 1-d unique, much faster than unique rows
            key = np.zeros(len(grams), dtype=np.int64)
            for k in range(n):
                key = key * base + grams[:, k]
            unique_keys, term = np.unique(key, return_inverse=True)
            unique = np.stack([(unique_keys // base ** (n - 1 - k)) % base for k in range(n)], axis=1)
        else:
            unique, term = np.unique(grams, axis=0, return_inverse=True)
        term = term.reshape(-1)
        names = [" ".join(norms[w] for w in row) for row in unique.tolist()]
        first, last = positions[starts], positions[starts + n - 1]
    attrs = dict(view.attrs, n=n, stopwords=None if stopwords is None else
                 (str(stopwords) if isinstance(stopwords, (str, Path)) else "custom list"))
    return Terms(view, names, term.astype(np.int64), docs[first], first, last, sizes, attrs)


@returns("term_occurrences")
def term_occurrences(corpus: pd.DataFrame | str, *, n: int = 1, **token_options: Any) -> pd.DataFrame:
    """Every occurrence of every term (word or n-gram), with its position.

    Args:
        corpus: a corpus, sentence table or plain string.
        n: 1 for words, 2-4 for n-grams (joined by single spaces, within one sentence).
        **token_options: passed to :func:`watchwords.tokens`; ``drop_punct`` defaults to True.

    Returns:
        Columns doc_id, sent_id, term, start, end (offsets of the whole n-gram), voice (of its
        first token). The documents' sizes come with :func:`occurrences_and_sizes`.
    """
    return occurrences_and_sizes(corpus, n=n, **token_options)[0]


@returns("term_occurrences")
def occurrences_and_sizes(corpus: pd.DataFrame | str, *, n: int = 1,
                          **token_options: Any) -> tuple[pd.DataFrame, pd.Series]:
    """:func:`term_occurrences` and, beside it, each document's size: a Series doc_id -> number of tokens before
    stopwords were removed (the base of rates, so that a stopword list does not change them).

    The sizes are returned, not kept in ``DataFrame.attrs``: pandas copies attrs into every derived table,
    so a dict with an entry per document there makes each filter and groupby slower as the corpus grows.
    """
    found = term_arrays(corpus, n=n, **token_options)
    view = found.view
    starts = view.take("starts")[found.first].astype("int64")
    ends = (view.store.ends[view.index[found.last]]).astype("int64")
    doc_ids = object_array(found.doc_ids)
    frame = pd.DataFrame({
        "doc_id": pd.Series(doc_ids[found.doc], dtype=object),
        "sent_id": view.take("sent_ids")[found.first].astype("int64"),
        "term": pd.Series(object_array(found.strings)[found.term], dtype=object),
        "start": starts, "end": ends,
        "voice": pd.Series(np.where(view.quoted[found.first], "quoted", "reporter"), dtype=object)})
    if n > 1:  # n-gram tables were built from records, where pandas infers its string dtype
        frame = frame.astype({"doc_id": "str", "term": "str", "voice": "str"})
    frame.attrs.update(found.attrs)
    present = found.sizes > 0
    sizes = pd.Series(found.sizes[present], index=pd.Index(doc_ids[present].astype(str), dtype="str", name="doc_id"),
                      dtype="int64")
    return frame, sizes


@returns("frequencies")
def frequencies(
    corpus: pd.DataFrame | str,
    *,
    by: str | None = None,
    n: int = 1,
    min_count: int = 1,
    **token_options: Any,
) -> pd.DataFrame:
    """Frequency list: counts, rates per 10,000 tokens, document frequency and range.

    Counting is done on the token store's arrays (:func:`term_arrays`): ``numpy.bincount`` over
    (group, term) for term counts, and over the distinct (document, term) pairs for document
    frequency; the results equal NLTK's ``ConditionalFreqDist`` over the token table (condition
    = group), which ``tests/test_frequency.py`` checks.

    Formulas, for a term t in group g with T_g tokens and D_g documents (T_g counts the tokens
    left after dropping punctuation and numbers as asked, before removing stopwords):

    * ``count`` = occurrences of t in g;
    * ``per_10k`` = 10,000 · count / T_g;
    * ``doc_freq`` = number of documents of g containing t (AntConc's "Range");
    * ``range`` = doc_freq / D_g (the share of documents, 0-1).

    Args:
        corpus: a corpus from ``load_corpus`` (``by`` needs its metadata), or a plain string.
        by: a metadata column to group by (e.g. "outlet_type"); None for the whole corpus.
        n: 1 for words, 2-4 for n-grams.
        min_count: keep terms with at least this count in a group.
        **token_options: passed to :func:`watchwords.tokens` (``drop_punct`` defaults to True).

    Returns:
        Columns [by], term, count, per_10k, doc_freq, range; sorted by group, then count
        (descending), then term. ``df.attrs`` holds n_tokens and n_docs per group and the options.

    Example:
        >>> frequencies("The cameras. The cameras watch.").head(2)[["term", "count"]].values.tolist()
        [['cameras', 2], ['the', 2]]
    """
    if min_count < 1:
        raise ValueError(f"min_count={min_count}: use 1 or more")
    corpus = language_options(as_corpus(corpus, verb="frequencies", accept=("sentences",)), token_options,
                              verb="frequencies")
    labels = group_labels(corpus, by)
    term_parts, group_parts = [], []
    tokens_per_group: dict[str, int] = {}
    n_terms: dict[str, int] = {}
    for chunk in corpus_chunks(corpus):  # memory follows the chunk; the counts add up exactly
        terms, groups, found = frequency_parts(chunk, by=by, n=n, **token_options)
        term_parts.append(terms)
        group_parts.append(groups)
        per_doc = np.bincount(found.doc, minlength=len(found.doc_ids))
        for doc_id, size, occurrences in zip(found.doc_ids, found.sizes.tolist(), per_doc.tolist()):
            label = labels[doc_id]
            if size:
                tokens_per_group[label] = tokens_per_group.get(label, 0) + size
            if occurrences:
                n_terms[label] = n_terms.get(label, 0) + occurrences
        attrs = found.attrs
        del found
    if len(term_parts) > 1:
        terms = pd.concat(term_parts).groupby(["group", "term"], sort=False)[["count", "doc_freq"]].sum().reset_index()
        groups = pd.concat(group_parts).groupby("group", sort=True)[["n_tokens", "n_docs"]].sum().reset_index()
    result = frequency_table(terms, groups, by=by, min_count=min_count)
    docs_per_group: dict[str, int] = {}
    for label in labels.values():
        docs_per_group[label] = docs_per_group.get(label, 0) + 1
    result.attrs.update(attrs, source="watchwords.frequencies", by=by, min_count=min_count,
                        n_tokens=tokens_per_group, n_terms=n_terms, n_docs=docs_per_group)
    return result


def frequency_parts(corpus: pd.DataFrame | str, *, by: str | None = None, n: int = 1,
                    **token_options: Any) -> tuple[pd.DataFrame, pd.DataFrame, Terms]:
    """The counts behind :func:`frequencies`, in a form that adds up over parts of a corpus (the scale-out path
    sums them over partitions): (terms: group, term, count, doc_freq; groups: group, n_tokens, n_docs; the
    :class:`Terms` they were counted from)."""
    corpus = language_options(as_corpus(corpus, verb="frequencies", accept=("sentences",)), token_options,
                              verb="frequencies")
    found = term_arrays(corpus, n=n, **token_options)
    return (*frequency_counts(found, group_labels(corpus, by)), found)


def frequency_counts(found: Terms, labels: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(terms, groups) of :func:`frequency_parts` from occurrences already counted, with ``labels`` doc_id → group
    for every document of the corpus (documents without tokens count in n_docs too)."""
    names = sorted(set(labels.values()))
    code = {name: k for k, name in enumerate(names)}
    doc_group = np.array([code[labels[d]] for d in found.doc_ids], dtype=np.int64)
    width = max(len(found.strings), 1)
    keys, counts = np.unique(doc_group[found.doc] * width + found.term, return_counts=True)
    pair_doc, pair_term, _ = found.terms_per_doc()
    _, doc_freqs = np.unique(doc_group[pair_doc] * width + pair_term, return_counts=True)  # the same keys
    group_names = object_array(names)
    terms = pd.DataFrame({"group": group_names[keys // width], "term": object_array(found.strings)[keys % width],
                          "count": counts.astype("int64"), "doc_freq": doc_freqs.astype("int64")})
    n_docs = pd.Series(list(labels.values()), dtype=object).value_counts().reindex(names, fill_value=0)
    n_tokens = np.bincount(doc_group, weights=found.sizes, minlength=len(names)).astype("int64")
    groups = pd.DataFrame({"group": group_names, "n_tokens": n_tokens, "n_docs": n_docs.to_numpy(dtype="int64")})
    return terms, groups


def frequency_table(terms: pd.DataFrame, groups: pd.DataFrame, *, by: str | None,
                    min_count: int = 1) -> pd.DataFrame:
    """The table of :func:`frequencies` from the counts of :func:`frequency_parts` (summed over parts if need be):
    per_10k = 10,000 · count / n_tokens of the group, range = doc_freq / n_docs of the group."""
    terms = terms[terms["count"] >= min_count]
    sizes = groups.set_index("group")
    counts = terms["count"].to_numpy(dtype="int64")
    doc_freqs = terms["doc_freq"].to_numpy(dtype="int64")
    result = pd.DataFrame({
        "group": terms["group"].to_numpy(dtype=object), "term": terms["term"].to_numpy(dtype=object),
        "count": counts, "per_10k": 10_000 * counts / terms["group"].map(sizes["n_tokens"]).to_numpy(dtype="int64"),
        "doc_freq": doc_freqs, "range": doc_freqs / terms["group"].map(sizes["n_docs"]).to_numpy(dtype="int64")},
        columns=["group", "term", "count", "per_10k", "doc_freq", "range"])
    result = result.sort_values(["group", "count", "term"], ascending=[True, False, True], kind="stable")
    result = result.reset_index(drop=True)
    return result.drop(columns="group") if by is None else result.rename(columns={"group": by})


@returns("tfidf")
def tfidf(corpus: pd.DataFrame | str, *, smooth: bool = False, n: int = 1, **token_options: Any) -> pd.DataFrame:
    """TF-IDF of each term in each document.

    Formulas, for term t in document d, with N documents and df(t) documents containing t:

    * ``tf`` = count(t, d) / number of tokens in d (relative frequency; tokens counted before
      stopwords are removed, as in :func:`frequencies`);
    * ``idf`` = ln(N / df(t)) (Spärck Jones 1972, "A statistical interpretation of term
      specificity", Journal of Documentation 28(1)); with ``smooth=True``,
      ln((1 + N) / (1 + df(t))) + 1, the default of scikit-learn's ``TfidfTransformer``;
    * ``tfidf`` = tf · idf.

    With the plain idf, a term found in every document scores 0. On a one-document corpus every
    idf is 0: TF-IDF needs several documents.

    Returns:
        Columns doc_id, term, count, tf, df, idf, tfidf; sorted by doc_id, then tfidf descending.
    """
    corpus = language_options(as_corpus(corpus, verb="tfidf"), token_options, verb="tfidf")
    found = term_arrays(corpus, n=n, **token_options)
    n_docs = int(corpus["doc_id"].nunique())
    pair_doc, pair_term, counts = found.terms_per_doc()
    df = np.bincount(pair_term, minlength=len(found.strings))[pair_term]
    idf_of = {int(k): (math.log((1 + n_docs) / (1 + k)) + 1 if smooth else math.log(n_docs / k)) for k in np.unique(df)}
    idf = np.array([idf_of[k] for k in df.tolist()], dtype="float64")
    tf = counts / found.sizes[pair_doc]
    result = pd.DataFrame({
        "doc_id": object_array(found.doc_ids)[pair_doc],
        "term": object_array(found.strings)[pair_term],
        "count": counts.astype("int64"), "tf": tf, "df": df.astype("int64"), "idf": idf, "tfidf": tf * idf},
        columns=["doc_id", "term", "count", "tf", "df", "idf", "tfidf"])
    result = result.sort_values(["doc_id", "tfidf", "term"], ascending=[True, False, True], kind="stable")
    result = result.reset_index(drop=True)
    result.attrs.update(found.attrs, source="watchwords.tfidf", smooth=smooth, n_docs=n_docs)
    return result


def count_terms(
    documents: str | Path | Iterable[str],
    *,
    lowercase: bool = True,
    drop_punct: bool = True,
    parts: Any = ("headline", "standfirst", "body"),
) -> FreqDist:
    """Stream texts and count their tokens, holding only the vocabulary in memory.

    The fast path behind large corpora: each text is split into parts (:mod:`textformat`), the
    selected parts are tokenised with the same pattern as :func:`watchwords.tokens`
    (:data:`watchwords.text.TOKEN_PATTERN`, applied to the lower-cased text, which yields the
    same tokens lower-cased), counted, and dropped; the result is an NLTK ``FreqDist``.
    Punctuation is removed from the vocabulary at the end, not token by token.

    Engine: NLTK 3.10 runs ``RegexpTokenizer`` patterns through the third-party ``regex``
    engine under a timeout (its guard against hostile user patterns); this function applies
    the same fixed, linear pattern with Python's ``re`` engine, about twice as fast, on every
    text whose characters both engines read alike (:func:`watchwords.text.token_engine`), and
    with ``regex`` on the others. Tests check that the tokens are NLTK's on arbitrary text and
    that the counts equal ``frequencies(corpus)`` for the same options.

    Args:
        documents: a corpus folder (its manifest's present and fetched texts are read one at a
            time), or an iterable of document texts in the Watchwords format.
        lowercase: count lower-cased forms (curly apostrophes normalised to ``'``).
        drop_punct: leave punctuation and symbol tokens out.
        parts: part kinds to count; "all" for every part.

    Returns:
        A ``FreqDist`` term → count.
    """
    from .text import PUNCT_RE, resolve_parts, token_engine
    from .textformat import parse_document

    wanted = resolve_parts(parts)
    counts: Counter[str] = Counter()
    for text in _iter_texts(documents):
        # Tokens never cross white space, so the chosen paragraphs are joined by line breaks
        # and tokenised in one call per document.
        chunk = "\n".join(text[p.start:p.end] for p in parse_document(text) if wanted is None or p.part in wanted)
        if lowercase:
            chunk = chunk.lower()
        chunk = chunk.replace("’", "'").replace("‘", "'").replace("‐", "-")
        counts.update(token_engine(chunk).findall(chunk))
    if drop_punct:
        for term in [t for t in counts if PUNCT_RE.fullmatch(t)]:
            del counts[term]
    return FreqDist(counts)


def _iter_texts(documents: str | Path | Iterable[str]) -> Iterable[str]:
    if isinstance(documents, (str, Path)) and Path(documents).is_dir():
        root = Path(documents)
        with open(root / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):  # one row at a time: memory stays flat
                file = root / (row.get("path") or "")
                if row.get("status") in ("present", "fetched") and file.is_file():
                    yield file.read_text(encoding="utf-8-sig")
    elif isinstance(documents, (str, Path)):
        yield str(documents)
    else:
        yield from documents
