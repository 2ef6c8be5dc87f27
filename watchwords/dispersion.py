"""Dispersion: how evenly a term is spread over the documents of a corpus.

**Gries' DP** (Gries 2008, "Dispersions and adjusted frequencies in corpora", International
Journal of Corpus Linguistics 13(4)), with the documents as the corpus parts: for n parts,

* sᵢ = size of part i / corpus size (the expected share),
* vᵢ = frequency of the term in part i / its total frequency (the observed share),
* DP = ½ · Σᵢ |vᵢ − sᵢ|,
* DP_norm = DP / (1 − min(sᵢ)) (Lijffijt & Gries 2012, "Correction to Gries (2008)", IJCL
  17(1)).

Direction: 0 = spread exactly as the part sizes predict; 1 = concentrated in one small part.
With a single document DP is undefined (NaN).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from .frequency import term_arrays
from .tables import as_corpus, returns

__all__ = ["dispersion", "dp"]


def dp(frequencies: Iterable[float], sizes: Iterable[float]) -> tuple[float, float]:
    """Gries' DP and DP_norm of one term from its frequency in each part and the part sizes.

    Example (the situation of Lijffijt & Gries 2012, Table 1: three equally large parts, one
    holding 2/3 of the occurrences and another the remaining 1/3):
        >>> tuple(round(x, 4) for x in dp([2, 1, 0], [100, 100, 100]))
        (0.3333, 0.5)
    """
    f = np.asarray(list(frequencies), dtype=float)
    s = np.asarray(list(sizes), dtype=float)
    if f.shape != s.shape or len(f) == 0:
        raise ValueError("dp: give one frequency and one size per part")
    if (s <= 0).any() or f.sum() <= 0 or len(f) < 2:
        return float("nan"), float("nan")
    expected = s / s.sum()
    observed = f / f.sum()
    value = 0.5 * float(np.abs(observed - expected).sum())
    return value, value / (1 - float(expected.min()))


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
    found = term_arrays(corpus, **token_options)
    sizes = found.sizes.astype(float)
    kept = np.flatnonzero(sizes > 0)  # documents without tokens are not parts
    column = np.full(len(sizes), -1)
    column[kept] = np.arange(len(kept))
    pair_doc, pair_term, counts = found.terms_per_doc()
    matrix = sparse.csr_matrix((counts.astype(float), (pair_term, column[pair_doc])),
                               shape=(len(found.strings), len(kept)))
    index = {term: k for k, term in enumerate(found.strings)}
    present = np.flatnonzero(np.diff(matrix.indptr) > 0)
    wanted = (list(dict.fromkeys(t.lower() for t in terms)) if terms is not None
              else sorted(found.strings[k] for k in present))
    part_sizes = sizes[kept]
    rows = []
    for term in wanted:
        k = index.get(term)
        row = matrix.getrow(k).toarray().ravel() if k is not None else np.zeros(len(kept))
        value, normalised = dp(row, part_sizes) if len(kept) else (float("nan"), float("nan"))
        rows.append({"term": term, "count": int(row.sum()), "doc_freq": int((row > 0).sum()),
                     "n_docs": int(len(kept)), "dp": value, "dp_norm": normalised})
    frame = pd.DataFrame(rows, columns=["term", "count", "doc_freq", "n_docs", "dp", "dp_norm"])
    frame = frame.sort_values(["count", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    frame.attrs.update(source="watchwords.dispersion", parts="documents", direction="0 = even, 1 = concentrated",
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame
