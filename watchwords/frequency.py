"""Frequency lists, n-grams and TF-IDF, built on NLTK's ``FreqDist`` and ``ConditionalFreqDist``.

Terms are the ``norm`` column of :func:`watchwords.tokens` (lower-cased word forms by default;
punctuation dropped by default, as in AntConc's word list). n-grams are formed within a
sentence, never across a sentence boundary, from the tokens left after filtering.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
from nltk.probability import ConditionalFreqDist, FreqDist
from nltk.util import ngrams as nltk_ngrams

from .tables import as_corpus, returns
from .text import read_word_list, tokens

__all__ = ["frequencies", "tfidf", "term_occurrences", "occurrences_and_sizes", "group_labels", "count_terms"]


def group_labels(corpus: pd.DataFrame, by: str | None) -> dict[str, str]:
    """doc_id → group label for a metadata column (all documents in group "all" when by is None)."""
    if by is None:
        return {str(d): "all" for d in corpus["doc_id"]}
    if by not in corpus.columns:
        raise ValueError(f"by={by!r}: the corpus has no such column; choose one of {list(corpus.columns)}")
    return {str(d): str(g) for d, g in zip(corpus["doc_id"], corpus[by])}


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
    if not 1 <= n <= 4:
        raise ValueError(f"n={n}: n-grams of 1 to 4 words are supported")
    token_options.setdefault("drop_punct", True)
    stopwords = token_options.pop("stopwords", None)
    table = tokens(as_corpus(corpus, verb="term_occurrences", accept=("sentences",)), **token_options)
    sizes = table.groupby("doc_id", sort=False).size().astype("int64")
    sizes.index = sizes.index.astype(str)
    if stopwords is not None:
        stop = read_word_list(stopwords, default="stopwords")
        lowered = table["token"].str.replace("’", "'", regex=False).str.lower()
        table = table[~lowered.isin(stop)]
    if n == 1:
        frame = table[["doc_id", "sent_id", "norm", "start", "end", "voice"]].rename(columns={"norm": "term"})
    else:
        rows: dict[str, list[object]] = {k: [] for k in ("doc_id", "sent_id", "term", "start", "end", "voice")}
        for (doc_id, sent_id), group in table.groupby(["doc_id", "sent_id"], sort=False):
            items = list(zip(group["norm"], group["start"], group["end"], group["voice"]))
            for gram in nltk_ngrams(items, n):
                for key, value in zip(rows, (doc_id, sent_id, " ".join(g[0] for g in gram), gram[0][1], gram[-1][2],
                                             gram[0][3])):
                    rows[key].append(value)
        frame = pd.DataFrame(rows)
    frame = frame.reset_index(drop=True)
    frame.attrs.update(table.attrs, n=n,
                       stopwords=None if stopwords is None else
                       (str(stopwords) if isinstance(stopwords, (str, Path)) else "custom list"))
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

    Counting uses NLTK ``ConditionalFreqDist`` (condition = group) for term counts and one
    ``FreqDist`` of distinct terms per document for document frequency.

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
    corpus = as_corpus(corpus, verb="frequencies", accept=("sentences",))
    occurrences, sizes = occurrences_and_sizes(corpus, n=n, **token_options)
    labels = group_labels(corpus, by)
    counts = ConditionalFreqDist()
    doc_counts = ConditionalFreqDist()
    docs_per_group: FreqDist = FreqDist()
    for doc_id in labels:
        docs_per_group[labels[doc_id]] += 1
    tokens_per_group: FreqDist = FreqDist()
    for doc_id, n_doc_tokens in sizes.items():
        tokens_per_group[labels[doc_id]] += n_doc_tokens
    for doc_id, group in occurrences.groupby("doc_id", sort=False):
        label = labels[str(doc_id)]
        counts[label].update(group["term"])
        doc_counts[label].update(set(group["term"]))
    rows = []
    for label in sorted(counts.conditions()):
        total = tokens_per_group[label]
        for term, count in counts[label].items():
            if count < min_count:
                continue
            doc_freq = doc_counts[label][term]
            rows.append({"group": label, "term": term, "count": count, "per_10k": 10_000 * count / total,
                         "doc_freq": doc_freq, "range": doc_freq / docs_per_group[label]})
    result = pd.DataFrame(rows, columns=["group", "term", "count", "per_10k", "doc_freq", "range"])
    result = result.sort_values(["group", "count", "term"], ascending=[True, False, True], kind="stable")
    result = result.reset_index(drop=True)
    if by is None:
        result = result.drop(columns="group")
    else:
        result = result.rename(columns={"group": by})
    result.attrs.update(occurrences.attrs, source="watchwords.frequencies", by=by, min_count=min_count,
                        n_tokens=dict(tokens_per_group), n_terms={g: counts[g].N() for g in counts.conditions()},
                        n_docs=dict(docs_per_group))
    return result


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
    occurrences, sizes = occurrences_and_sizes(corpus, n=n, **token_options)
    n_docs = int(corpus["doc_id"].nunique()) if not isinstance(corpus, str) else 1
    per_doc: dict[str, FreqDist] = {}
    for doc_id, group in occurrences.groupby("doc_id", sort=False):
        per_doc[str(doc_id)] = FreqDist(group["term"])
    df: FreqDist = FreqDist()
    for dist in per_doc.values():
        df.update(dist.keys())
    rows = []
    for doc_id in sorted(per_doc):
        dist = per_doc[doc_id]
        total = int(sizes[doc_id])
        for term, count in dist.items():
            idf = math.log((1 + n_docs) / (1 + df[term])) + 1 if smooth else math.log(n_docs / df[term])
            rows.append({"doc_id": doc_id, "term": term, "count": count, "tf": count / total, "df": df[term],
                         "idf": idf, "tfidf": count / total * idf})
    result = pd.DataFrame(rows, columns=["doc_id", "term", "count", "tf", "df", "idf", "tfidf"])
    result = result.sort_values(["doc_id", "tfidf", "term"], ascending=[True, False, True], kind="stable")
    result = result.reset_index(drop=True)
    result.attrs.update(occurrences.attrs, source="watchwords.tfidf", smooth=smooth, n_docs=n_docs)
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
    the same fixed, linear pattern with Python's ``re`` engine, about twice as fast. Tests
    check that both engines give identical tokens on arbitrary text and that the counts equal
    ``frequencies(corpus)`` for the same options.

    Args:
        documents: a corpus folder (its manifest's present and fetched texts are read one at a
            time), or an iterable of document texts in the Watchwords format.
        lowercase: count lower-cased forms (curly apostrophes normalised to ``'``).
        drop_punct: leave punctuation and symbol tokens out.
        parts: part kinds to count; "all" for every part.

    Returns:
        A ``FreqDist`` term → count.
    """
    from .text import PUNCT_RE, resolve_parts, token_regex
    from .textformat import parse_document

    wanted = resolve_parts(parts)
    findall = token_regex().findall
    counts: Counter[str] = Counter()
    for text in _iter_texts(documents):
        # Tokens never cross white space, so the chosen paragraphs are joined by line breaks
        # and tokenised in one call per document.
        chunk = "\n".join(text[p.start:p.end] for p in parse_document(text) if wanted is None or p.part in wanted)
        if lowercase:
            chunk = chunk.lower()
        counts.update(findall(chunk.replace("’", "'").replace("‘", "'").replace("‐", "-")))
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
