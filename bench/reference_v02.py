"""The token-table implementations of Watchwords 0.2 (before the compact token store of issue #17), kept verbatim
as the reference that the fast paths are compared with: tests/test_store.py checks that the new verbs give identical
tables, and bench/bench_pipeline.py times both side by side. Not part of the package; not for analysis.
"""
# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from nltk.metrics import BigramAssocMeasures
from nltk.probability import ConditionalFreqDist, FreqDist
from nltk.util import ngrams as nltk_ngrams

from watchwords.dispersion import dp
from watchwords.framing import (ABSENCE_FRAMES, SURVEILLANCE_VERBS, _ADJECTIVAL, _BE, _BETWEEN, _NOT_NOUN,
                                 _RELATIVE_NEXT, _RELATIVE_VERBS, _dictionary, _is_participle, _process_nouns)
from watchwords.resources import read_table
from watchwords.frequency import group_labels
from watchwords.indicators import match_at, negated
from watchwords.keyness import _select, g2_4term, keyness_table, read_reference_list
from watchwords.kwic import _KWIC_COLUMNS, _compile
from watchwords.collocations import _COLUMNS
import difflib
from itertools import combinations
from watchwords.reuse import _PARTS, _publication_order, shingles
from watchwords.text import WORD_RE
from watchwords.store import _merge_multiword, _multiword_index
from watchwords.tables import as_corpus, require_kind, returns
from watchwords.text import (PUNCT_RE, _NUMBER_RE, _TOKEN_COLUMNS, normaliser as _normaliser,
                             _quoted_spans, DEFAULT_PARTS, parts_with_lede, read_word_list, resolve_parts, sentences, word_tokenizer)

def _paragraphs_from_sentences(sents: pd.DataFrame) -> Iterable[tuple[object, int, str]]:
    """Rebuild paragraph texts from a sentence table (gaps between sentences become spaces)."""
    for (doc_id, _), group in sents.groupby(["doc_id", "para_id"], sort=False):
        start = int(group["start"].iloc[0])
        pieces, cursor = [], start
        for s_start, s_text in zip(group["start"], group["text"]):
            pieces.append(" " * (int(s_start) - cursor) + s_text)
            cursor = int(s_start) + len(s_text)
        yield doc_id, start, "".join(pieces)


def _span_index(spans: pd.DataFrame, name: str) -> dict[str, tuple[list[int], list[int]]]:
    """doc_id -> (sorted starts, ends) of a span table with columns doc_id, start, end."""
    missing = {"doc_id", "start", "end"} - set(spans.columns)
    if missing:
        raise ValueError(f"{name} lacks column(s) {sorted(missing)}; it needs doc_id, start, end")
    index: dict[str, tuple[list[int], list[int]]] = {}
    ordered = spans.sort_values(["doc_id", "start"])
    for doc_id, group in ordered.groupby("doc_id", sort=False):
        index[str(doc_id)] = (group["start"].astype(int).tolist(), group["end"].astype(int).tolist())
    return index


def _inside(index: dict[str, tuple[list[int], list[int]]], doc_id: str, position: int) -> bool:
    starts, ends = index.get(doc_id, ((), ()))
    k = bisect.bisect_right(starts, position) - 1
    return k >= 0 and position < ends[k]


def _voice_index(sents: pd.DataFrame, voice_spans: pd.DataFrame | None) -> dict[str, tuple[list[int], list[int]]]:
    spans = _quoted_spans(_paragraphs_from_sentences(sents)) if voice_spans is None else voice_spans
    if "voice" in spans.columns:
        spans = spans[spans["voice"] == "quoted"]  # a full voice() table: keep its attributed spans
    return _span_index(spans, "voice_spans")


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
) -> pd.DataFrame:
    """One row per token, with character offsets into the document text.

    Tokens come from NLTK's ``RegexpTokenizer`` with :data:`TOKEN_PATTERN` (no downloaded
    data), run sentence by sentence. Examples of the default token definition:

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

    Returns:
        Columns doc_id, para_id, sent_id, part, token (the characters of the text), norm, start,
        end (``text[start:end] == token``), is_punct, is_number, voice ("reporter" or
        "quoted"). ``df.attrs`` records every option.
    """
    require_kind(voice_spans, ("voice",), verb="tokens", name="voice_spans")
    require_kind(exclude_spans, ("reused_spans", "voice"), verb="tokens", name="exclude_spans")
    if voice not in ("all", "reporter", "quoted"):
        raise ValueError(f"voice={voice!r}: use 'all', 'reporter' or 'quoted'")
    frame = corpus_or_sentences
    if isinstance(frame, str) or "sent_id" not in frame.columns:
        corpus = as_corpus(frame, verb="tokens", accept=("sentences",))
        sents = sentences(corpus)
    else:
        sents = frame
        corpus = None
    wanted_parts = resolve_parts(parts)
    if wanted_parts is not None and "part" in sents.columns:
        sents = sents[sents["part"].isin(wanted_parts)]
    stop = read_word_list(stopwords, default="stopwords")
    units = read_word_list("english" if multiword is True else (None if multiword is False else multiword),
                           default="multiword_units")
    mw_index = _multiword_index(units)
    norm = _normaliser(lowercase, stem)
    plain = _normaliser(True, None)
    voices = _voice_index(sents, voice_spans)
    excluded = _span_index(exclude_spans, "exclude_spans") if exclude_spans is not None else {}
    tokenizer = word_tokenizer()
    columns: dict[str, list[object]] = {name: [] for name in _TOKEN_COLUMNS}
    for doc_id, para_id, sent_id, part, s_start, s_text in zip(
            sents["doc_id"], sents["para_id"], sents["sent_id"], sents["part"], sents["start"], sents["text"]):
        spans = [(s_start + a, s_start + b) for a, b in tokenizer.span_tokenize(s_text)]
        texts = [s_text[a - s_start:b - s_start] for a, b in spans]
        if mw_index:
            spans, texts = _merge_multiword(spans, texts, s_text, s_start, mw_index, plain)
        doc_key = str(doc_id)
        for (start, end), token in zip(spans, texts):
            is_punct = bool(PUNCT_RE.fullmatch(token))
            is_number = bool(_NUMBER_RE.fullmatch(token))
            if (drop_punct and is_punct) or (drop_numbers and is_number) or (stop and plain(token) in stop):
                continue
            if excluded and _inside(excluded, doc_key, start):
                continue
            token_voice = "quoted" if _inside(voices, doc_key, start) else "reporter"
            if voice != "all" and token_voice != voice:
                continue
            for name, value in zip(_TOKEN_COLUMNS, (doc_id, para_id, sent_id, part, token, norm(token), start, end,
                                                    is_punct, is_number, token_voice)):
                columns[name].append(value)
    dtypes = {"doc_id": object, "para_id": "int64", "sent_id": "int64", "part": object, "token": object, "norm": object,
              "start": "int64", "end": "int64", "is_punct": bool, "is_number": bool, "voice": object}
    result = pd.DataFrame({name: pd.Series(values, dtype=dtypes[name]) for name, values in columns.items()},
                          columns=_TOKEN_COLUMNS)
    result.attrs.update(
        source="watchwords.tokens", tokenizer="nltk RegexpTokenizer(watchwords.text.TOKEN_PATTERN)",
        lowercase=lowercase, drop_punct=drop_punct, drop_numbers=drop_numbers,
        stopwords=None if stopwords is None else (str(stopwords) if isinstance(stopwords, (str, Path)) else "custom list"),
        stem=stem, multiword=bool(units), voice=voice, parts=sorted(wanted_parts) if wanted_parts else "all",
        excluded_spans=0 if exclude_spans is None else int(len(exclude_spans)),
        corpus_hash=(corpus.attrs.get("corpus_hash") if corpus is not None else sents.attrs.get("corpus_hash")),
    )
    return result




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



@returns("keyness")
def keyness(
    corpus: pd.DataFrame | str,
    *,
    target: Any,
    reference: Any = None,
    min_docs: int = 2,
    min_count: int = 1,
    g2: str = "4-term",
    correction: str | None = None,
    alpha: float = 0.05,
    zero: float = 0.5,
    n: int = 1,
    **token_options: Any,
) -> pd.DataFrame:
    """Keyness of a target group of documents against a reference group or a reference list.

    Args:
        corpus: a corpus from ``load_corpus``.
        target: the target documents: a dict of metadata column → value(s)
            (``{"outlet_type": "state media"}``), a doc_id or list of doc_ids, or a boolean Series.
        reference: the same forms; None for all other documents of the corpus; a path to a
            reference frequency list (see :func:`read_reference_list`); or ``"english"`` for
            the packaged general-English list (``watchwords/data/en/reference_wordfreq.csv``,
            derived from wordfreq 3.1.1, CC BY-SA 4.0: expected counts per 10⁹ tokens of the
            20,000 most frequent words; words it lacks count 0, numbers and clitics such as
            "'s" are absent, so use ``drop_numbers=True, stopwords="english"`` with it).
        min_docs: dispersion requirement: a term must occur in at least this many target
            documents (news corpora are small; one long article should not make a keyword).
        min_count, g2, correction, alpha, zero: as in :func:`keyness_table`.
        n: 1 for words, 2-4 for n-grams.
        **token_options: passed to :func:`watchwords.tokens` (``drop_punct`` defaults to True).

    Returns:
        The :func:`keyness_table` columns plus ``docs_target`` (documents of the target with the
        term); ``df.attrs`` names target and reference.
    """
    corpus = as_corpus(corpus, verb="keyness")
    from nltk.probability import FreqDist


    target_mask = _select(corpus, target, "target")
    if not target_mask.any():
        raise ValueError("target: no document selected; check the column, values or doc_ids")
    n_target_docs = int(target_mask.sum())
    if min_docs > n_target_docs:
        raise ValueError(f"min_docs={min_docs} but the target has {n_target_docs} document(s); "
                         f"pass min_docs={n_target_docs} or a larger target")
    occurrences, target_sizes = occurrences_and_sizes(corpus[target_mask], n=n, **token_options)
    target_size = int(target_sizes.sum())
    docs = occurrences.groupby("term")["doc_id"].nunique()
    # the dispersion requirement comes first, so the Bonferroni factor counts only the terms tested
    dispersed = occurrences[occurrences["term"].map(docs) >= min_docs]
    target_counts = FreqDist(dispersed["term"])
    is_group = reference is None or isinstance(reference, (Mapping, pd.Series, list, tuple, set)) or (
        isinstance(reference, str) and reference in set(corpus["doc_id"].astype(str)))
    if not is_group:
        if reference != "english" and not Path(str(reference)).is_file():
            raise ValueError(f"reference list {reference}: no such file; pass 'english', a CSV file path, or a group")
        reference_counts, reference_size = read_reference_list(str(reference))
        reference_name = str(reference)
    else:
        reference_mask = ~target_mask if reference is None else _select(corpus, reference, "reference")
        if (reference_mask & target_mask).any():
            raise ValueError("target and reference share documents; choose disjoint groups")
        if not reference_mask.any():
            raise ValueError("reference: no document selected (the target is the whole corpus); "
                             "pass a reference list file or another group")
        ref_occurrences, reference_sizes = occurrences_and_sizes(corpus[reference_mask], n=n, **token_options)
        reference_counts = pd.Series(FreqDist(ref_occurrences["term"]), dtype="float64")
        reference_size = int(reference_sizes.sum())
        reference_name = f"{int(reference_mask.sum())} document(s)"
    table = keyness_table(target_counts, reference_counts, target_size=target_size, reference_size=reference_size,
                          g2=g2, correction=correction, alpha=alpha, min_count=max(min_count, 1), zero=zero)
    table["docs_target"] = table["term"].map(docs).fillna(0).astype(int)
    table = table[table["docs_target"] >= min_docs].reset_index(drop=True)
    table.attrs.update(source="watchwords.keyness", target=repr(target), reference=reference_name,
                       n_target_docs=n_target_docs, min_docs=min_docs, g2=g2, correction=correction,
                       alpha=alpha, zero=zero, target_size=int(target_size), reference_size=int(reference_size),
                       token_options={k: str(v) for k, v in token_options.items()},
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return table


@returns("kwic")
def kwic(
    corpus: pd.DataFrame | str,
    pattern: str,
    *,
    window: int = 5,
    regex: bool = False,
    ignore_case: bool = True,
    sort: str | None = None,
    parts: Any = "all",
    **token_options: Any,
) -> pd.DataFrame:
    """Concordance lines of ``pattern``.

    Args:
        corpus: a corpus from ``load_corpus`` or a plain string.
        pattern: a word, a phrase ("facial recognition", "track * down") or, with ``regex``, a
            regular expression that must match a whole token ("camera(s)?").
        window: words of context on each side (within the paragraph).
        regex: treat ``pattern`` as a regular expression over single tokens.
        ignore_case: match regardless of case.
        sort: None (text order), ``"L1"`` or ``"R1"`` (by the first word to the left or right,
            then the other side), as in AntConc's KWIC sort.
        parts: part kinds to search (default all, captions included).
        **token_options: passed to :func:`watchwords.tokens` (e.g. ``voice="quoted"``).

    Returns:
        Columns doc_id, para_id, sent_id, part, left, match, right (the text as written, white
        space folded), start, end (offsets of the match in the document text), L1, R1 (the
        neighbouring words, lower-cased).
    """
    if window < 0:
        raise ValueError(f"window={window}: use 0 or more words")
    if sort not in (None, "L1", "R1"):
        raise ValueError(f"sort={sort!r}: use None, 'L1' or 'R1'")
    matchers = _compile(pattern, regex=regex, ignore_case=ignore_case)
    corpus = as_corpus(corpus, verb="kwic")
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    table = tokens(corpus, **{**token_options, "parts": parts, "drop_punct": True})
    rows = []
    for (doc_id, para_id), group in table.groupby(["doc_id", "para_id"], sort=False):
        words = group["token"].tolist()
        starts, ends = group["start"].tolist(), group["end"].tolist()
        sent_ids, part = group["sent_id"].tolist(), group["part"].iloc[0]
        text = texts[doc_id]
        size = len(matchers)
        for i in range(len(words) - size + 1):
            if all(m.fullmatch(words[i + k].replace("’", "'")) for k, m in enumerate(matchers)):
                j = i + size - 1
                lo, hi = max(0, i - window), min(len(words) - 1, j + window)
                left = text[starts[lo]:starts[i]] if i > lo else ""
                right = text[ends[j]:ends[hi]] if hi > j else ""
                rows.append({"doc_id": doc_id, "para_id": para_id, "sent_id": sent_ids[i], "part": part,
                             "left": " ".join(left.split()), "match": " ".join(text[starts[i]:ends[j]].split()),
                             "right": " ".join(right.split()), "start": starts[i], "end": ends[j],
                             "L1": words[i - 1].lower() if i > 0 else "", "R1": words[j + 1].lower() if j + 1 < len(words) else ""})
    frame = pd.DataFrame(rows, columns=_KWIC_COLUMNS)
    if sort == "L1":
        frame = frame.sort_values(["L1", "R1", "doc_id", "start"], kind="stable")
    elif sort == "R1":
        frame = frame.sort_values(["R1", "L1", "doc_id", "start"], kind="stable")
    frame = frame.reset_index(drop=True)
    for column in ("para_id", "sent_id", "start", "end"):
        frame[column] = frame[column].astype("int64")
    frame.attrs.update(source="watchwords.kwic", pattern=pattern, window=window, regex=regex, ignore_case=ignore_case,
                       sort=sort, corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


@returns("collocates")
def collocates(
    corpus: pd.DataFrame | str,
    node: str,
    *,
    window: int = 5,
    min_freq: int = 3,
    min_collocate_freq: int = 1,
    span: str = "nominal",
    sort: str = "log_dice",
    **token_options: Any,
) -> pd.DataFrame:
    """Collocates of ``node`` (a word or phrase) within ±``window`` words in the same sentence.

    Args:
        corpus: a corpus, sentence table or plain string.
        node: a word or a phrase ("facial recognition"), matched on lower-cased words.
        window: words on each side (1 or more).
        min_freq: minimum co-occurrence frequency O11 (LancsBox's NC).
        min_collocate_freq: minimum corpus frequency of the collocate (LancsBox's C).
        span: ``"nominal"`` or ``"actual"`` window size in E11 (see the module docstring).
        sort: the column to sort by, descending.
        **token_options: passed to :func:`watchwords.tokens` (e.g. ``stopwords="english"``,
            ``voice="reporter"``); punctuation is always dropped.

    Returns:
        Columns node, collocate, observed (O11), expected (E11), node_freq (R1), collocate_freq
        (C1), window_total (W), n_tokens (N), n_left, n_right (co-occurrences on each side),
        mi, t_score, log_likelihood, log_dice. ``df.attrs["cpn"]`` gives the Collocation
        Parameters Notation (Brezina et al. 2015), e.g. "logDice, L5-R5, C1-NC3".
    """
    if window < 1:
        raise ValueError(f"window={window}: use 1 or more words on each side")
    if span not in ("nominal", "actual"):
        raise ValueError(f"span={span!r}: use 'nominal' (LancsBox) or 'actual'")
    if sort not in _COLUMNS:
        raise ValueError(f"sort={sort!r}: use one of {_COLUMNS}")
    node_words = tuple(w.lower().replace("’", "'") for w in word_tokenizer().tokenize(node))
    if not node_words:
        raise ValueError("node is empty: give a word or a phrase")
    options = {**token_options, "drop_punct": True}
    table = tokens(as_corpus(corpus, verb="collocates", accept=("sentences",)), **options)
    norms = table["token"].str.replace("’", "'", regex=False).str.lower()
    n_tokens = len(table)
    frequency = Counter(norms)
    size = len(node_words)
    observed: Counter[str] = Counter()
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    node_freq = 0
    actual_total = 0
    for _, group in table.assign(_norm=norms).groupby(["doc_id", "sent_id"], sort=False):
        words = group["_norm"].tolist()
        starts = [i for i in range(len(words) - size + 1) if tuple(words[i:i + size]) == node_words]
        node_freq += len(starts)
        side: dict[int, str] = {}  # position -> the side of the first node window that covers it
        for i in starts:
            for k in range(max(0, i - window), i):
                side.setdefault(k, "left")
            for k in range(i + size, min(len(words), i + size + window)):
                side.setdefault(k, "right")
        for k, where in side.items():
            observed[words[k]] += 1
            (left if where == "left" else right)[words[k]] += 1
        actual_total += len(side)
    window_total = node_freq * 2 * window if span == "nominal" else actual_total
    rows = []
    for collocate, o11 in observed.items():
        c1 = frequency[collocate]
        if o11 < min_freq or c1 < min_collocate_freq:
            continue
        e11 = window_total * c1 / n_tokens
        cells = (o11, window_total - o11, c1 - o11, n_tokens - window_total - c1 + o11)
        rows.append({
            "node": " ".join(node_words), "collocate": collocate, "observed": o11, "expected": e11,
            "node_freq": node_freq, "collocate_freq": c1, "window_total": window_total, "n_tokens": n_tokens,
            "n_left": left[collocate], "n_right": right[collocate],
            "mi": BigramAssocMeasures.pmi(o11, (window_total, c1), n_tokens),
            "t_score": BigramAssocMeasures.student_t(o11, (window_total, c1), n_tokens),
            "log_likelihood": float(g2_4term(*cells)),
            "log_dice": 14 + math.log2(2 * o11 / (node_freq + c1)),
        })
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    frame = frame.sort_values([sort, "collocate"], ascending=[False, True], kind="stable").reset_index(drop=True)
    frame.attrs.update(source="watchwords.collocates", node=node, window=window, min_freq=min_freq,
                       min_collocate_freq=min_collocate_freq, span=span,
                       cpn=f"{sort}, L{window}-R{window}, C{min_collocate_freq}-NC{min_freq}; within sentences",
                       token_options={k: str(v) for k, v in token_options.items()})
    return frame


@returns("dispersion")
def dispersion(corpus: pd.DataFrame | str, terms: Iterable[str] | None = None, **token_options: Any) -> pd.DataFrame:
    """DP, DP_norm and range of terms over the documents of a corpus.

    Args:
        corpus: a corpus from ``load_corpus``.
        terms: the terms to measure (lower-cased words or, with ``multiword=True``, phrases);
            None for every term.
        **token_options: passed to :func:`watchwords.tokens` (``drop_punct`` defaults to True).

    Returns:
        Columns term, count, doc_freq (documents containing it), n_docs, dp, dp_norm; sorted by
        count descending. Part sizes are the documents' token counts.
    """
    corpus = as_corpus(corpus, verb="dispersion")
    occurrences, sizes = occurrences_and_sizes(corpus, **token_options)
    sizes = sizes.astype(float)
    sizes = sizes.reindex(corpus["doc_id"].astype(str), fill_value=0.0)
    sizes = sizes[sizes > 0]
    table = pd.crosstab(occurrences["term"], occurrences["doc_id"].astype(str)).reindex(columns=sizes.index, fill_value=0)
    wanted = list(dict.fromkeys(t.lower() for t in terms)) if terms is not None else list(table.index)
    rows = []
    for term in wanted:
        counts = table.loc[term].to_numpy(dtype=float) if term in table.index else np.zeros(len(sizes))
        value, normalised = dp(counts, sizes.to_numpy()) if len(sizes) else (float("nan"), float("nan"))
        rows.append({"term": term, "count": int(counts.sum()), "doc_freq": int((counts > 0).sum()),
                     "n_docs": int(len(sizes)), "dp": value, "dp_norm": normalised})
    frame = pd.DataFrame(rows, columns=["term", "count", "doc_freq", "n_docs", "dp", "dp_norm"])
    frame = frame.sort_values(["count", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    frame.attrs.update(source="watchwords.dispersion", parts="documents", direction="0 = even, 1 = concentrated",
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


@returns("frames")
def frames(corpus: pd.DataFrame | str, *, voice_spans: pd.DataFrame | None = None,
           exclude_spans: pd.DataFrame | None = None,
           dictionary: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per frame-indicator match (rules in the module docstring).

    Args:
        corpus: a corpus from ``load_corpus`` or a plain string.
        voice_spans: quoted spans for the voice column (default: text inside quotation marks;
            pass ``watchwords.voice(corpus)`` to use attributed content).
        exclude_spans: spans whose words are not matched, e.g. :func:`watchwords.reused_spans`
            so that syndicated wire copy is counted once.

    Returns:
        Columns doc_id, para_id, sent_id, frame, indicator, match (the text), start, end,
        weight, negated, voice, part (headline / standfirst / lede / body / caption / ...).
    """
    require_kind(voice_spans, ("voice",), verb="frames", name="voice_spans")
    require_kind(exclude_spans, ("reused_spans", "voice"), verb="frames", name="exclude_spans")
    corpus = as_corpus(corpus, verb="frames")
    index, false_friends, _ = _dictionary(dictionary)
    wildcards = [(key[1:], entries) for key, entries in index.items() if key.startswith("*")]
    table = tokens(corpus, parts="all", drop_punct=False, voice_spans=voice_spans, exclude_spans=exclude_spans)
    table = table.assign(part=parts_with_lede(table))
    rows = []
    for (_, _), sent in table.groupby(["doc_id", "sent_id"], sort=False):
        words = sent["norm"].tolist()
        starts, ends = sent["start"].tolist(), sent["end"].tolist()
        first = sent.iloc[0]
        covered: dict[str, int] = {}  # frame -> end of its last match: a word counts once per frame (longest first)
        for i, word in enumerate(words):
            candidates = index.get(word, []) + [e for prefix, entries in wildcards if word.startswith(prefix)
                                                for e in entries]
            matched: set[str] = set()
            for indicator, frame, weight in sorted(candidates, key=lambda e: len(e[0].words), reverse=True):
                if frame in matched or covered.get(frame, 0) > i:
                    continue
                j = match_at(indicator, words, i)
                if j is None:
                    continue
                if any(tuple(words[k:k + len(ff)]) == ff and k <= i < k + len(ff) and fr == frame
                       for ff, fr in false_friends for k in range(max(0, i - len(ff) + 1), i + 1)):
                    continue
                matched.add(frame)
                covered[frame] = j
                rows.append({"doc_id": first.doc_id, "para_id": int(first.para_id), "sent_id": int(first.sent_id),
                             "frame": frame, "indicator": indicator.text, "start": starts[i], "end": ends[j - 1],
                             "weight": weight,
                             "negated": negated(words, i) and frame.split()[0] not in ABSENCE_FRAMES,
                             "voice": sent["voice"].iloc[i],
                             "part": sent["part"].iloc[i]})

    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    frame_table = pd.DataFrame(rows, columns=["doc_id", "para_id", "sent_id", "frame", "indicator", "start", "end",
                                              "weight", "negated", "voice", "part"])
    frame_table = frame_table.astype({"para_id": "int64", "sent_id": "int64", "start": "int64", "end": "int64",
                                      "weight": "float64", "negated": bool})
    frame_table.insert(5, "match", [texts[d][s:e] for d, s, e in zip(frame_table["doc_id"], frame_table["start"],
                                                                      frame_table["end"])])
    frame_table.attrs.update(source="watchwords.frames", dictionary="watchwords/data/en/frames.csv (version 0.1, "
                             "not yet validated)")
    return frame_table




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


def _word_table(corpus: pd.DataFrame) -> pd.DataFrame:
    table = tokens(corpus, parts=("headline", "standfirst", "body"), drop_punct=True)
    return table.assign(part=parts_with_lede(table), word=table["token"].str.replace("’", "'", regex=False).str.lower())

@returns("reuse")
def reuse(corpus: pd.DataFrame | str, *, n: int = 5, near_duplicate: float = 0.8) -> pd.DataFrame:
    """Pairwise text reuse between the documents of a corpus, per part and for the whole report.

    Parts: headline, lede (first body paragraph), body (the other body paragraphs, standfirst
    included in "all"), and "all" (every word of headline, standfirst and body).

    Returns:
        One row per pair of documents and part: doc_a, doc_b, part, shingles_a, shingles_b,
        shared, containment_a_in_b, containment_b_in_a, jaccard, near_duplicate. Pairs are
        ordered by doc_id; containments are NaN when a side has no words in that part.
    """
    corpus = as_corpus(corpus, verb="reuse")
    words = _word_table(corpus)
    sets: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for doc_id, group in words.groupby("doc_id", sort=False):
        sets[(str(doc_id), "all")] = set()
        for part_name in _PARTS:
            part_words = group.loc[group["part"] == part_name]
            found: set[tuple[str, ...]] = set()
            for _, para in part_words.groupby("para_id", sort=False):
                found |= shingles(para["word"].tolist(), n=n)
            sets[(str(doc_id), part_name)] = found
        for _, para in group.groupby("para_id", sort=False):
            sets[(str(doc_id), "all")] |= shingles(para["word"].tolist(), n=n)
    rows = []
    ids = sorted(str(d) for d in corpus["doc_id"])
    for a, b in combinations(ids, 2):
        for part_name in (*_PARTS, "all"):
            sa, sb = sets.get((a, part_name), set()), sets.get((b, part_name), set())
            shared = len(sa & sb)
            union = len(sa | sb)
            jaccard = shared / union if union else float("nan")
            rows.append({"doc_a": a, "doc_b": b, "part": part_name, "shingles_a": len(sa), "shingles_b": len(sb),
                         "shared": shared, "containment_a_in_b": shared / len(sa) if sa else float("nan"),
                         "containment_b_in_a": shared / len(sb) if sb else float("nan"), "jaccard": jaccard,
                         "near_duplicate": bool(union) and jaccard >= near_duplicate})
    frame = pd.DataFrame(rows, columns=["doc_a", "doc_b", "part", "shingles_a", "shingles_b", "shared",
                                        "containment_a_in_b", "containment_b_in_a", "jaccard", "near_duplicate"])
    frame.attrs.update(source="watchwords.reuse", n=n, near_duplicate=near_duplicate,
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame

@returns("reused_spans")
def reused_spans(corpus: pd.DataFrame | str, *, n: int = 5, order_by: str = "date") -> pd.DataFrame:
    """Spans of later reports that repeat an earlier report's word n-grams (for leaving wire copy out).

    Documents are taken in the order of ``order_by`` (then doc_id); a later document's word is
    *reused* when it lies in an n-gram that an earlier document already contains. Pass the result
    as ``exclude_spans`` to :func:`watchwords.tokens` (and so to ``frequencies``, ``keyness``,
    ``collocates``) so syndicated copy is counted once.

    Returns:
        Columns doc_id, start, end, source_doc (the first earlier document with the n-gram).
    """
    corpus = as_corpus(corpus, verb="reused_spans")
    order = corpus.sort_values([order_by, "doc_id"] if order_by in corpus.columns else ["doc_id"], kind="stable")
    words = _word_table(corpus)
    seen: dict[tuple[str, ...], str] = {}
    rows: list[dict[str, Any]] = []
    for doc_id in order["doc_id"].astype(str):
        group = words[words["doc_id"].astype(str) == doc_id]
        mine: dict[tuple[str, ...], None] = {}
        for _, para in group.groupby("para_id", sort=False):
            w, st, en = para["word"].tolist(), para["start"].tolist(), para["end"].tolist()
            covered: list[tuple[int, int, str]] = []
            for i in range(len(w) - n + 1):
                gram = tuple(w[i:i + n])
                mine[gram] = None
                if gram in seen:
                    covered.append((st[i], en[i + n - 1], seen[gram]))
            for start, end, source in covered:  # merge overlapping n-gram spans
                if rows and rows[-1]["doc_id"] == doc_id and start <= rows[-1]["end"] and rows[-1]["source_doc"] == source:
                    rows[-1]["end"] = max(rows[-1]["end"], end)
                else:
                    rows.append({"doc_id": doc_id, "start": start, "end": end, "source_doc": source})
        for gram in mine:
            seen.setdefault(gram, doc_id)
    frame = pd.DataFrame(rows, columns=["doc_id", "start", "end", "source_doc"])
    frame.attrs.update(source="watchwords.reused_spans", n=n, order_by=order_by)
    return frame

@returns("quote_variants")
def quote_variants(corpus: pd.DataFrame | str, *, relations: pd.DataFrame | None = None,
                   min_similarity: float = 0.3) -> pd.DataFrame:
    """Group the attributed contents that render the same statement in different reports.

    Contents of :func:`watchwords.attributions` from different documents are linked when the Jaccard
    similarity of their word sets reaches ``min_similarity``; linked contents form a group (single
    linkage). Within a group the reference is the content of the earliest document (by ``date``,
    then doc_id); each variant lists the words it swapped relative to the reference (difflib
    replacements, "conscript → reservist"), so that rewordings across outlets are visible.

    Returns:
        Columns group_id, doc_id, relation_id, source_canonical, kind, content, similarity (to the
        reference), swaps; only groups spanning at least two documents.
    """
    require_kind(relations, ("attributions",), verb="quote_variants", name="relations")
    from watchwords.attribution import attributions

    corpus = as_corpus(corpus, verb="quote_variants")
    relations = attributions(corpus) if relations is None else relations
    if relations.empty:
        return pd.DataFrame(columns=["group_id", "doc_id", "relation_id", "source_canonical", "kind", "content",
                                     "similarity", "swaps"])

    words = [WORD_RE.findall(c.lower()) for c in relations["content"]]
    sets = [set(w) for w in words]
    parent = list(range(len(relations)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    docs = relations["doc_id"].astype(str).tolist()
    for i in range(len(relations)):
        for j in range(i + 1, len(relations)):
            if docs[i] == docs[j] or not sets[i] or not sets[j]:
                continue
            if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= min_similarity:
                parent[find(i)] = find(j)
    order = _publication_order(corpus)
    groups: dict[int, list[int]] = {}
    for i in range(len(relations)):
        groups.setdefault(find(i), []).append(i)
    rows = []
    group_id = 0
    for members in groups.values():
        if len({docs[i] for i in members}) < 2:
            continue
        members.sort(key=lambda i: (order.get(docs[i], 0), i))
        reference = members[0]
        for i in members:
            matcher = difflib.SequenceMatcher(a=words[reference], b=words[i], autojunk=False)
            swaps = [f"{' '.join(words[reference][a1:a2])} → {' '.join(words[i][b1:b2])}"
                     for op, a1, a2, b1, b2 in matcher.get_opcodes() if op == "replace"]
            union = sets[reference] | sets[i]
            row = relations.iloc[i]
            rows.append({"group_id": group_id, "doc_id": docs[i], "relation_id": int(row["relation_id"]),
                         "source_canonical": row["source_canonical"], "kind": row["kind"], "content": row["content"],
                         "similarity": len(sets[reference] & sets[i]) / len(union) if union else 1.0,
                         "swaps": "; ".join(swaps)})
        group_id += 1
    frame = pd.DataFrame(rows, columns=["group_id", "doc_id", "relation_id", "source_canonical", "kind", "content",
                                        "similarity", "swaps"])
    frame.attrs.update(source="watchwords.quote_variants", min_similarity=min_similarity)
    return frame


@returns("passives")
def passives(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Passive constructions: a form of *be* or *get*, up to two adverbs or "being", a past participle.

    Rule (Biber 1988, features 17-18, without a parser): the participle ends in -ed or -en or is a
    listed irregular form, and is not a listed adjectival participle ("was worried"). With "by"
    within the next four words the passive is a *by*-passive and the words after "by" up to the
    next punctuation are its agent; otherwise it is *agentless* (the actor is deleted; Fowler 1991).
    **Reduced passive relatives** (Biber's past-participial WHIZ deletion: "reservists recruited
    during the mobilisation", "men detained in the metro") are found for a list of enforcement
    verbs after a plural noun and before a preposition; their agent is deleted too.

    Returns:
        Columns doc_id, sent_id, kind ("agentless", "by" or "reduced relative"), auxiliary, participle, agent, start,
        end (from the auxiliary to the participle), surveillance_verb (the participle is in
        :data:`SURVEILLANCE_VERBS`).
    """

    stop = read_word_list("english", default="stopwords")
    rows = []
    for doc_id, sent_id, sent, words, starts, ends, text in _iter_sentences(corpus, "passives"):
        for i, word in enumerate(words):
            if word not in _BE or (word == "being" and i > 0 and words[i - 1] in _BE):
                continue  # "are being used" is one passive, found from "are"
            j = i + 1
            while j < len(words) and j - i <= 3 and words[j] in _BETWEEN:
                j += 1
            if j >= len(words) or not _is_participle(words[j]) or words[j] in _ADJECTIVAL or words[j] in _BE:
                continue
            agent = ""
            kind = "agentless"
            for k in range(j + 1, min(j + 5, len(words))):
                if words[k] == "by":
                    end = k + 1
                    while end < len(words) and words[end][:1].isalnum():
                        end += 1
                    if end > k + 1:
                        agent = text[starts[k + 1]:ends[end - 1]]
                        kind = "by"
                    break
            rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": kind, "auxiliary": sent["token"].iloc[i],
                         "participle": sent["token"].iloc[j], "agent": agent, "start": starts[i], "end": ends[j],
                         "surveillance_verb": words[j] in SURVEILLANCE_VERBS})
        # reduced passive relatives: "reservists recruited during ...", "men detained in the metro"
        for j in range(1, len(words) - 1):
            previous = words[j - 1]
            if (words[j] in _RELATIVE_VERBS and words[j + 1] in _RELATIVE_NEXT and previous[:1].isalpha()
                    and previous not in _NOT_NOUN and (previous not in stop or previous == "those")
                    and not previous.endswith("ly")):
                rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": "reduced relative", "auxiliary": "",
                             "participle": sent["token"].iloc[j], "agent": "", "start": starts[j], "end": ends[j],
                             "surveillance_verb": words[j] in SURVEILLANCE_VERBS})
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "kind", "auxiliary", "participle", "agent", "start", "end",
                                        "surveillance_verb"])
    frame = frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    frame.attrs.update(source="watchwords.passives")
    return frame



def _iter_sentences(corpus: pd.DataFrame | str, verb: str) -> Iterator[tuple[Any, ...]]:
    """Yield (doc_id, sent_id, sentence tokens, norms, starts, ends, document text) for every sentence."""
    table = tokens(corpus, parts="all", drop_punct=False)
    corpus = as_corpus(corpus, verb=verb)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    for (doc_id, sent_id), sent in table.groupby(["doc_id", "sent_id"], sort=False):
        yield (doc_id, int(sent_id), sent, sent["norm"].tolist(), sent["start"].tolist(), sent["end"].tolist(),
               texts[doc_id])

@returns("nominalisations")
def nominalisations(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Process nouns from the curated list (``watchwords/data/en/process_nouns.txt``) and whether an agent is attached.

    An agent is attached when the noun is followed by "by" + a phrase ("detention by police"), or preceded
    by a possessive ("the police's detention", "Moscow's surveillance"); otherwise the actor is hidden
    (Fairclough 2003, ch. 8; Fowler 1991).

    Returns:
        Columns doc_id, sent_id, noun, start, end, agent ("" when none is attached), agent_attached.
    """

    nouns = _process_nouns()
    stop = read_word_list("english", default="stopwords")
    rows = []
    for doc_id, sent_id, sent, words, starts, ends, text in _iter_sentences(corpus, "nominalisations"):
        for i, word in enumerate(words):
            singular = word[:-1] if word.endswith("s") and word[:-1] in nouns else word
            if singular not in nouns:
                continue
            agent = ""
            if i + 2 < len(words) and words[i + 1] == "by":
                end = i + 2
                while (end < len(words) and words[end][:1].isalnum() and end - i < 7
                       and (words[end] not in stop or words[end] in ("the", "a", "an", "of"))):
                    end += 1
                if end > i + 2:
                    agent = text[starts[i + 2]:ends[end - 1]]
            elif i >= 2 and words[i - 1] == "'s":
                first = i - 3 if i >= 3 and words[i - 3] in ("the", "a", "an") else i - 2
                agent = text[starts[first]:ends[i - 1]]
            rows.append({"doc_id": doc_id, "sent_id": sent_id, "noun": sent["token"].iloc[i], "start": starts[i],
                         "end": ends[i], "agent": agent, "agent_attached": bool(agent)})
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "noun", "start", "end", "agent", "agent_attached"])
    frame.attrs.update(source="watchwords.nominalisations")
    return frame

@returns("hedges")
def hedges(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Hedges, evidentials, scare quotes and evaluative intensifiers (``watchwords/data/en/hedges.csv``).

    "about"/"around" count only before a number ("about 3,000"). A *scare quote* is a quotation of
    one to three words in a sentence without a reporting verb, or a term after "so-called".

    Returns:
        Columns doc_id, sent_id, kind (hedge / evidential / scare / intensifier), expression, start, end.
    """
    from watchwords.attribution import reporting_lexicon
    from watchwords.quotes import QUOTE_MARK_RE, quote_spans

    lexicon = read_table("hedges")
    kinds = dict(zip(lexicon["expression"], lexicon["kind"]))
    verbs = reporting_lexicon().verbs
    rows = []
    for doc_id, sent_id, sent, words, starts, ends, text in _iter_sentences(corpus, "hedges"):
        for i, word in enumerate(words):
            kind = kinds.get(word)
            if kind is None:
                continue
            if word in ("about", "around") and not (i + 1 < len(words) and words[i + 1][:1].isdigit()):
                continue
            rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": kind, "expression": sent["token"].iloc[i],
                         "start": starts[i], "end": ends[i]})
        if not any(w in verbs for w in words):
            for _, inner_start, inner_end, _ in quote_spans(text, starts[0], ends[-1]):
                inner = text[inner_start:inner_end]
                if 1 <= len(inner.split()) <= 3 and not QUOTE_MARK_RE.search(inner):
                    rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": "scare", "expression": inner,
                                 "start": inner_start, "end": inner_end})
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "kind", "expression", "start", "end"])
    frame = frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    frame.attrs.update(source="watchwords.hedges")
    return frame


_UNITS = {"sentence": ["doc_id", "sent_id"], "paragraph": ["doc_id", "para_id"], "document": ["doc_id"]}


#: The parts of an article that frame shares count (captions on request; never byline, dateline or credit).
COUNTED_PARTS = ("headline", "standfirst", "body")
