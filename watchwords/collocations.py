"""Collocates of a node word or phrase within a window, with standard association measures.

Counting (node-centred, "surface" co-occurrence; Evert 2008, "Corpora and collocations", in
Lüdeling & Kytö (eds.), Corpus Linguistics: An International Handbook, §5.2):

* tokens are the lower-cased words of :func:`watchwords.tokens` (punctuation dropped);
* for each occurrence of the node, every word within ``window`` words to its left and right
  *in the same sentence* is a co-occurrence (windows never cross a sentence boundary);
* O11 = co-occurrences of the collocate with the node: each word position is counted once,
  however many node windows cover it (windows of nearby node occurrences are merged, as
  AntConc and #LancsBox count a collocate token once), so O11 ≤ C1 always holds; the side
  (n_left / n_right) is that of the first node window covering the position;
  R1 = node frequency; C1 = collocate frequency; N = corpus size in tokens;
* W = the size of all windows together: ``span="nominal"`` uses W = R1 · 2 · window, as
  #LancsBox and WordSmith do (Brezina, McEnery & Wattam 2015); ``span="actual"`` counts the
  word positions the windows really cover after truncation at sentence boundaries and merging
  (so the O11 of all collocates sum to W);
* E11 = W · C1 / N, and the 2×2 table is [[O11, W − O11], [C1 − O11, N − W − C1 + O11]].

Measures:

* ``mi`` = log₂(O11/E11) (Church & Hanks 1990), computed by NLTK's ``BigramAssocMeasures.pmi``
  on the marginals (O11, (W, C1), N);
* ``t_score`` = (O11 − E11)/√O11, by NLTK's ``BigramAssocMeasures.student_t`` (Manning &
  Schütze 1999, §5.3.1);
* ``log_likelihood`` = 2·Σ O·ln(O/E) over the table (Dunning 1993), computed with 0·ln 0 = 0
  (NLTK's ``likelihood_ratio`` gives the same value on valid tables; a table with a negative
  cell, possible with the nominal span in a tiny corpus, gives NaN instead of a math-domain
  error);
* ``log_dice`` = 14 + log₂(2·O11/(R1 + C1)) (Rychlý 2008, "A lexicographer-friendly
  association score", RASLAN 2008).

How NLTK's own windowed finder differs: ``BigramCollocationFinder.from_words(words,
window_size=w)`` counts *ordered* pairs (the collocate to the right of the first word only),
divides co-occurrence counts by ``window_size − 1`` (following Church & Hanks), takes marginals
from the first position of each window, and crosses sentence boundaries when given a flat word
list. Its scores therefore do not match #LancsBox or AntConc; this function does the
node-centred L/R counting those tools do.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
from nltk.metrics import BigramAssocMeasures

from .keyness import g2_4term
from .languages import language_options
from .store import corpus_chunks, object_array, vocabulary
from .tables import as_corpus, returns
from .text import folded, normaliser, select_tokens, word_tokenizer

__all__ = ["collocates", "collocate_counts", "collocate_table"]

_COLUMNS = ["node", "collocate", "observed", "expected", "node_freq", "collocate_freq", "window_total", "n_tokens",
            "n_left", "n_right", "mi", "t_score", "log_likelihood", "log_dice"]


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
    corpus = language_options(as_corpus(corpus, verb="collocates", accept=("sentences",)), token_options,
                              verb="collocates")
    parts = [collocate_counts(chunk, node, window=window, **token_options) for chunk in corpus_chunks(corpus)]
    observed, totals = parts[0]
    if len(parts) > 1:  # counts add up over chunks of whole documents
        observed = pd.concat([p[0] for p in parts]).groupby("collocate", sort=False).sum().reset_index()
        totals = sum((p[1] for p in parts[1:]), parts[0][1])
    frame = collocate_table(observed, totals, node, window=window, min_freq=min_freq,
                            min_collocate_freq=min_collocate_freq, span=span, sort=sort)
    frame.attrs.update(source="watchwords.collocates", node=node, window=window, min_freq=min_freq,
                       min_collocate_freq=min_collocate_freq, span=span,
                       cpn=f"{sort}, L{window}-R{window}, C{min_collocate_freq}-NC{min_freq}; within sentences",
                       token_options={k: str(v) for k, v in token_options.items()})
    return frame


def _node_words(node: str) -> tuple[str, ...]:
    words = tuple(folded(w) for w in word_tokenizer().tokenize(node))
    if not words:
        raise ValueError("node is empty: give a word or a phrase")
    return words


def collocate_counts(corpus: pd.DataFrame | str, node: str, *, window: int = 5,
                     **token_options: Any) -> tuple[pd.DataFrame, pd.Series]:
    """The counts behind :func:`collocates`, in a form that adds up over parts of a corpus: (one row per word of
    the corpus: collocate, collocate_freq, observed, n_left, n_right; totals: node_freq, n_tokens, actual_total).
    Counting rules in the module docstring."""
    node_words = _node_words(node)
    options = {**token_options, "drop_punct": True}
    view = select_tokens(as_corpus(corpus, verb="collocates", accept=("sentences",)), **options, verb="collocates")
    if view.lemmas:  # Russian: words and node compared by lemma ("камеры" and "камер" are one collocate)
        norm = normaliser(True, None, True)
        form_of, forms = vocabulary().interned(("norm", True, None, True), norm)
        node_words = tuple(norm(w) for w in node_words)
    else:
        form_of, forms = vocabulary().interned("folded", folded)
    words = form_of[view.types]
    n_tokens = len(words)
    size = len(node_words)
    index = {form: k for k, form in enumerate(forms)}
    wanted = [index.get(w, -1) for w in node_words]
    sentence = view.store.sentence_keys()[view.index]
    ok = np.ones(max(n_tokens - size + 1, 0), dtype=bool)
    for k, word in enumerate(wanted):
        ok &= words[k:n_tokens - size + 1 + k] == word
    ok &= sentence[:len(ok)] == sentence[size - 1:size - 1 + len(ok)]
    hits = np.flatnonzero(ok).tolist()
    breaks = np.flatnonzero(np.diff(sentence)) + 1
    first_of = np.concatenate([[0], breaks]).astype(np.int64)
    last_of = np.concatenate([breaks, [n_tokens]]).astype(np.int64) - 1
    which = np.searchsorted(first_of, hits, side="right") - 1
    side: dict[int, int] = {}  # position -> the side (0 left, 1 right) of the first node window that covers it
    for i, lo_limit, hi_limit in zip(hits, first_of[which].tolist(), last_of[which].tolist()):
        for k in range(max(lo_limit, i - window), i):
            side.setdefault(k, 0)
        for k in range(i + size, min(hi_limit + 1, i + size + window)):
            side.setdefault(k, 1)
    positions = np.fromiter(side.keys(), dtype=np.int64, count=len(side))
    sides = np.fromiter(side.values(), dtype=np.int64, count=len(side))
    covered = words[positions]
    frequency = np.bincount(words, minlength=len(forms))
    left = np.bincount(covered[sides == 0], minlength=len(forms))
    right = np.bincount(covered[sides == 1], minlength=len(forms))
    present = np.flatnonzero(frequency)
    observed = pd.DataFrame({"collocate": object_array(forms)[present],
                             "collocate_freq": frequency[present].astype("int64"),
                             "observed": (left + right)[present].astype("int64"),
                             "n_left": left[present].astype("int64"), "n_right": right[present].astype("int64")})
    totals = pd.Series({"node_freq": len(hits), "n_tokens": n_tokens, "actual_total": len(side)}, dtype="int64")
    return observed, totals.rename_axis("what").rename("value")


def collocate_table(observed: pd.DataFrame, totals: pd.Series, node: str, *, window: int = 5, min_freq: int = 3,
                    min_collocate_freq: int = 1, span: str = "nominal", sort: str = "log_dice") -> pd.DataFrame:
    """The table of :func:`collocates` from the counts of :func:`collocate_counts` (summed over parts if need be)."""
    node_freq, n_tokens = int(totals["node_freq"]), int(totals["n_tokens"])
    node_text = " ".join(_node_words(node))
    window_total = node_freq * 2 * window if span == "nominal" else int(totals["actual_total"])
    rows = []
    for collocate, c1, o11, n_left, n_right in observed[["collocate", "collocate_freq", "observed", "n_left",
                                                          "n_right"]].itertuples(index=False):
        o11, c1 = int(o11), int(c1)
        if o11 == 0 or o11 < min_freq or c1 < min_collocate_freq:
            continue
        e11 = window_total * c1 / n_tokens
        cells = (o11, window_total - o11, c1 - o11, n_tokens - window_total - c1 + o11)
        rows.append({
            "node": node_text, "collocate": collocate, "observed": o11, "expected": e11,
            "node_freq": node_freq, "collocate_freq": c1, "window_total": window_total, "n_tokens": n_tokens,
            "n_left": int(n_left), "n_right": int(n_right),
            "mi": BigramAssocMeasures.pmi(o11, (window_total, c1), n_tokens),
            "t_score": BigramAssocMeasures.student_t(o11, (window_total, c1), n_tokens),
            "log_likelihood": float(g2_4term(*cells)),
            "log_dice": 14 + math.log2(2 * o11 / (node_freq + c1)),
        })
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    return frame.sort_values([sort, "collocate"], ascending=[False, True], kind="stable").reset_index(drop=True)
