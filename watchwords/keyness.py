"""Keyness: which terms a target corpus uses more (or less) than a reference.

Two layers, like quanteda's ``dfm`` / ``textstat_keyness`` split: :func:`keyness_table` works on
two term → count mappings; :func:`keyness` builds them from corpus groups or a reference
frequency list file and adds a dispersion requirement.

Notation (Rayson & Garside 2000): for a term, a = count in the target, b = count in the
reference, c and d = sizes (tokens) of target and reference, N = c + d,
E1 = c·(a+b)/N, E2 = d·(a+b)/N, NF1 = a/c, NF2 = b/d.

* **G² (log-likelihood), 4-term form** (Dunning 1993, "Accurate methods for the statistics of
  surprise and coincidence", Computational Linguistics 19(1); AntConc 4's "Log-Likelihood
  (4-term)"): G² = 2·Σ O·ln(O/E) over the four cells of the 2×2 table
  [[a, b], [c−a, d−b]], with 0·ln 0 = 0.
* **G², 2-term form** (the Lancaster/UCREL log-likelihood calculator; Rayson & Garside 2000):
  G² = 2·[a·ln(a/E1) + b·ln(b/E2)].
* **p**: P(χ²₁ ≥ G²) = erfc(√(G²/2)); with ``correction="bonferroni"`` multiplied by the number
  of terms tested (capped at 1).
* **Log Ratio** (Hardie 2014, CASS blog "Log Ratio – an informal introduction"):
  log₂(NF1/NF2), with a zero count replaced by ``zero`` (0.5 by default).
* **%DIFF** (Gabrielatos & Marchi 2012): 100·(NF1 − NF2)/NF2, with the same zero replacement.
* **BIC** (Wilson 2013, "Embracing Bayes factors for key item analysis"): G² − ln N (df = 1);
  above 2 is positive, above 6 strong, above 10 very strong evidence (Raftery 1995).

G² is signed: positive when NF1 > NF2 (the target over-uses the term), negative otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .languages import language_options
from .store import corpus_chunks, object_array
from .tables import as_corpus, returns

__all__ = ["g2_4term", "g2_2term", "chi2_sf_1df", "keyness_table", "keyness", "read_reference_list"]

_KEY_COLUMNS = ["term", "n_target", "n_reference", "per_10k_target", "per_10k_reference", "g2", "p", "log_ratio",
                "pct_diff", "bic", "significant"]


def _xlogy(o: np.ndarray, e: np.ndarray) -> np.ndarray:
    """o·ln(o/e) with 0·ln 0 = 0 (never a math-domain error)."""
    o = np.asarray(o, dtype=float)
    e = np.asarray(e, dtype=float)
    out = np.zeros(np.broadcast(o, e).shape)
    positive = o > 0
    np.divide(o, e, out=out, where=positive)
    np.log(out, out=out, where=positive)
    return np.where(positive, o * out, 0.0)


def g2_4term(o11: Any, o12: Any, o21: Any, o22: Any) -> np.ndarray:
    """Unsigned G² over a 2×2 table (vectorised): 2·Σ O·ln(O/E), 0·ln 0 = 0.

    Rows are [o11, o12] and [o21, o22]. Cells must be non-negative; tables with a negative cell
    (impossible counts) give NaN rather than a math-domain error.

    Computed without cancellation: in a 2×2 table every cell differs from its expectation by the
    same amount, O − E = ±δ with δ = (o11·o22 − o12·o21)/N (+ on the diagonal), so each term is
    O·ln(O/E) = −O·log1p(∓δ/O). The textbook form ln(O/E) of two nearly equal large numbers
    loses about 2e-4 absolute at N = 2·10¹² (a reference list per 10⁹ tokens and more); this form
    agrees with 50-digit decimal arithmetic there (tests).
    """
    cells = [np.asarray(x, dtype=np.longdouble) for x in (o11, o12, o21, o22)]
    o11, o12, o21, o22 = np.broadcast_arrays(*cells)
    n = o11 + o12 + o21 + o22
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (o11 * o22 - o12 * o21) / n

        def term(o: np.ndarray, shift: np.ndarray) -> np.ndarray:
            positive = o > 0
            ratio = np.divide(shift, o, out=np.zeros_like(o), where=positive)
            return np.where(positive, -o * np.log1p(-ratio), 0.0)

        total = term(o11, delta) + term(o12, -delta) + term(o21, -delta) + term(o22, delta)
    bad = (o11 < 0) | (o12 < 0) | (o21 < 0) | (o22 < 0) | (n <= 0)
    return np.where(bad, np.nan, np.maximum(2 * total, 0.0)).astype(float)


def g2_2term(a: Any, b: Any, c: Any, d: Any) -> np.ndarray:
    """Unsigned G² in the 2-term form of the Lancaster calculator: 2·[a·ln(a/E1) + b·ln(b/E2)]."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    with np.errstate(divide="ignore", invalid="ignore"):
        e1 = c * (a + b) / n
        e2 = d * (a + b) / n
        value = 2 * (_xlogy(a, e1) + _xlogy(b, e2))
    bad = (a < 0) | (b < 0) | (a > c) | (b > d) | (n <= 0)
    return np.where(bad, np.nan, np.maximum(value, 0.0))


def chi2_sf_1df(x: Any) -> np.ndarray:
    """P(χ² with 1 degree of freedom ≥ x) = erfc(√(x/2)); NaN stays NaN."""
    values = np.asarray(x, dtype=float)
    return np.vectorize(lambda v: math.erfc(math.sqrt(v / 2)) if v == v and v >= 0 else float("nan"),
                        otypes=[float])(values)


@returns("keyness")
def keyness_table(
    target_counts: Mapping[str, int] | pd.Series,
    reference_counts: Mapping[str, int] | pd.Series,
    *,
    target_size: int | None = None,
    reference_size: int | None = None,
    g2: str = "4-term",
    correction: str | None = None,
    alpha: float = 0.05,
    min_count: int = 1,
    zero: float = 0.5,
) -> pd.DataFrame:
    """Keyness of every term of the target against the reference.

    Args:
        target_counts, reference_counts: term → count (dicts, Counters, FreqDists or Series).
        target_size, reference_size: corpus sizes in tokens (c and d); default the sums of the
            counts. Give them when a list is truncated or excludes stopwords.
        g2: ``"4-term"`` (AntConc, Dunning) or ``"2-term"`` (Lancaster/UCREL calculator).
        correction: None or ``"bonferroni"`` (p multiplied by the number of terms tested).
        alpha: significance level for the ``significant`` column.
        min_count: test only terms with at least this count in the target.
        zero: pseudo-count replacing a zero count in Log Ratio (target or reference, Hardie 2014)
            and a zero *reference* count in %DIFF. A zero *target* count gives %DIFF = −100, as in
            Gabrielatos & Marchi (2012) and the Lancaster keyness spreadsheet (docs/conventions.md).

    Returns:
        Columns term, n_target, n_reference, per_10k_target, per_10k_reference, g2 (signed:
        positive = more frequent in the target), p, log_ratio, pct_diff, bic, significant;
        sorted by g2 descending (key terms first, negative key terms last). Terms found only in
        the reference are included (negative keywords) when ``min_count`` is 0.

    Example (the Lancaster calculator's worked example; see tests):
        >>> keyness_table({"word": 52}, {"word": 57}, target_size=50_000, reference_size=75_000,
        ...               g2="2-term").g2.round(2).tolist()
        [2.65]
    """
    if g2 not in ("4-term", "2-term"):
        raise ValueError(f"g2={g2!r}: use '4-term' (AntConc) or '2-term' (Lancaster calculator)")
    if correction not in (None, "bonferroni"):
        raise ValueError(f"correction={correction!r}: use None or 'bonferroni'")
    if zero <= 0:
        raise ValueError(f"zero={zero}: the pseudo-count for zero frequencies must be positive")
    target = (target_counts.astype("float64") if isinstance(target_counts, pd.Series)
              else pd.Series(dict(target_counts), dtype="float64"))
    reference = (reference_counts.astype("float64") if isinstance(reference_counts, pd.Series)
                 else pd.Series(dict(reference_counts), dtype="float64"))
    c = float(target.sum()) if target_size is None else float(target_size)
    d = float(reference.sum()) if reference_size is None else float(reference_size)
    if c <= 0 or d <= 0:
        side = "target" if c <= 0 else "reference"
        raise ValueError(f"the {side} has no tokens: keyness needs tokens on both sides")
    terms = target.index.union(reference.index)
    a = target.reindex(terms, fill_value=0.0)
    b = reference.reindex(terms, fill_value=0.0)
    if (a > c).any() or (b > d).any():
        raise ValueError("a count is larger than its corpus size: check target_size and reference_size")
    keep = a >= min_count
    a, b = a[keep], b[keep]
    a_values, b_values = a.to_numpy(), b.to_numpy()
    if g2 == "4-term":
        stat = g2_4term(a_values, b_values, c - a_values, d - b_values)
    else:
        stat = g2_2term(a_values, b_values, c, d)
    nf1, nf2 = a_values / c, b_values / d
    sign = np.where(nf1 >= nf2, 1.0, -1.0)
    p = chi2_sf_1df(stat)
    if correction == "bonferroni":
        p = np.minimum(p * len(a_values), 1.0)
    nf1z = np.where(a_values > 0, a_values, zero) / c
    nf2z = np.where(b_values > 0, b_values, zero) / d
    frame = pd.DataFrame({
        "term": a.index.astype(str), "n_target": a_values.astype(int), "n_reference": b_values.astype(int),
        "per_10k_target": 10_000 * nf1, "per_10k_reference": 10_000 * nf2, "g2": sign * stat, "p": p,
        "log_ratio": np.log2(nf1z / nf2z), "pct_diff": 100 * (nf1 - nf2z) / nf2z,
        "bic": stat - math.log(c + d), "significant": p < alpha,
    }, columns=_KEY_COLUMNS)
    frame = frame.sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    frame.attrs.update(source="watchwords.keyness_table", g2=g2, correction=correction, alpha=alpha,
                       min_count=min_count, zero=zero, target_size=int(c), reference_size=int(d),
                       n_tested=int(len(frame)))
    return frame


def read_reference_list(path: str | Path) -> tuple[pd.Series, int]:
    """Read a reference frequency list.

    Format: a UTF-8 CSV with a header ``term,count``, one term per row (lower-cased word forms,
    tokenised like :func:`watchwords.tokens`). An optional row with the term ``__total__`` gives
    the reference corpus size in tokens (needed when the list is truncated or leaves out
    stopwords); without it the size is the sum of the counts. Lines starting with ``#`` are
    comments. The name ``"english"`` reads the packaged general-English list
    (``watchwords/data/en/reference_wordfreq.csv``, counts per 10⁹ tokens from wordfreq), ``"russian"`` the
    general-Russian list of lemmas (``watchwords/data/ru/reference_wordfreq.csv``, wordfreq's forms lemmatised
    and summed; compare it with ``language="ru"``, whose terms are lemmas).

    Returns:
        (counts as a Series indexed by term, reference size).
    """
    if str(path).lower() in ("english", "en", "russian", "ru"):
        from .resources import language_code, resource_path

        path = resource_path("reference", language=language_code(str(path)))
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"reference list {path}: no such file")
    frame = pd.read_csv(path, comment="#", dtype={"term": str}, keep_default_na=False)
    missing = {"term", "count"} - set(frame.columns)
    if missing:
        raise ValueError(f"reference list {path}: missing column(s) {sorted(missing)}; the header must be 'term,count'")
    counts = pd.to_numeric(frame["count"], errors="coerce")
    bad = frame.index[counts.isna() | (counts < 0)]
    if len(bad):
        line = int(bad[0]) + 2
        raise ValueError(f"reference list {path}: line {line}: field 'count': {frame['count'].iloc[bad[0]]!r} is not a "
                         "non-negative number")
    series = pd.Series(counts.to_numpy(), index=frame["term"].str.lower())
    total = series.pop("__total__") if "__total__" in series.index else None
    series = series.groupby(level=0).sum()
    size = int(total) if total is not None else int(series.sum())
    return series, size


def _select(corpus: pd.DataFrame, spec: Any, name: str) -> pd.Series:
    if isinstance(spec, pd.Series) and spec.dtype == bool:
        return spec.reindex(corpus.index, fill_value=False)
    if isinstance(spec, Mapping):
        mask = pd.Series(True, index=corpus.index)
        for column, values in spec.items():
            if column not in corpus.columns:
                raise ValueError(f"{name}: the corpus has no column {column!r}")
            values = [values] if isinstance(values, str) or not isinstance(values, Iterable) else list(values)
            mask &= corpus[column].astype(str).isin([str(v) for v in values])
        return mask
    if isinstance(spec, str):
        spec = [spec]
    ids = [str(x) for x in spec]
    unknown = set(ids) - set(corpus["doc_id"].astype(str))
    if unknown:
        raise ValueError(f"{name}: no document with doc_id {', '.join(sorted(unknown))}")
    return corpus["doc_id"].astype(str).isin(ids)


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
    corpus = language_options(as_corpus(corpus, verb="keyness"), token_options, verb="keyness")
    from .frequency import term_arrays

    target_mask = _select(corpus, target, "target")
    if not target_mask.any():
        raise ValueError("target: no document selected; check the column, values or doc_ids")
    n_target_docs = int(target_mask.sum())
    if min_docs > n_target_docs:
        raise ValueError(f"min_docs={min_docs} but the target has {n_target_docs} document(s); "
                         f"pass min_docs={n_target_docs} or a larger target")
    is_group = reference is None or isinstance(reference, (Mapping, pd.Series, list, tuple, set)) or (
        isinstance(reference, str) and reference in set(corpus["doc_id"].astype(str)))
    reference_mask = None
    if not is_group:
        if str(reference).lower() not in ("english", "en", "russian", "ru") and not Path(str(reference)).is_file():
            raise ValueError(f"reference list {reference}: no such file; pass 'english', 'russian', a CSV file path, "
                             "or a group")
    else:
        reference_mask = ~target_mask if reference is None else _select(corpus, reference, "reference")
        if (reference_mask & target_mask).any():
            raise ValueError("target and reference share documents; choose disjoint groups")
        if not reference_mask.any():
            raise ValueError("reference: no document selected (the target is the whole corpus); "
                             "pass a reference list file or another group")
    # one pass over the token store for both sides, chunk by chunk; a document's terms do not depend on the others
    wanted = target_mask if reference_mask is None else target_mask | reference_mask
    target_ids = set(corpus.loc[target_mask.to_numpy(), "doc_id"].astype(str))
    target_parts: list[pd.Series] = []
    docs_parts: list[pd.Series] = []
    reference_parts: list[pd.Series] = []
    target_size = reference_size_counted = 0
    for chunk in corpus_chunks(corpus[wanted.to_numpy()]):
        found = term_arrays(chunk, n=n, **token_options)
        strings = object_array(found.strings)
        in_target = np.array([d in target_ids for d in found.doc_ids], dtype=bool)
        target_size += int(found.sizes[in_target].sum())
        reference_size_counted += int(found.sizes[~in_target].sum())
        pair_doc, pair_term, _ = found.terms_per_doc()
        for parts, values in ((docs_parts, np.bincount(pair_term[in_target[pair_doc]], minlength=len(strings))),
                              (target_parts, np.bincount(found.term[in_target[found.doc]], minlength=len(strings))),
                              (reference_parts, np.bincount(found.term[~in_target[found.doc]],
                                                            minlength=len(strings)))):
            parts.append(pd.Series(values[values > 0], index=strings[values > 0], dtype="int64"))
        del found

    def summed(parts: list[pd.Series]) -> pd.Series:
        frame = pd.concat(parts)
        return frame.groupby(level=0, sort=False).sum() if len(parts) > 1 else frame

    docs = summed(docs_parts)
    all_target = summed(target_parts)
    # the dispersion requirement comes first, so the Bonferroni factor counts only the terms tested
    target_counts = all_target[all_target.index.map(docs).fillna(0) >= min_docs].astype("float64")
    if reference_mask is None:
        reference_counts, reference_size = read_reference_list(str(reference))
        reference_name = str(reference)
    else:
        reference_counts = summed(reference_parts).astype("float64")
        reference_size = reference_size_counted
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
