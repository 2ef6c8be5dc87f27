"""Tests of watchwords.collocations against hand counts, NLTK's measures and published formulas."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.metrics import BigramAssocMeasures

import watchwords as ww
from watchwords.keyness import g2_4term

# 3 sentences, 15 word tokens; node "cameras" occurs 3 times.
TEXT = "The city cameras watch men. Cameras watch streets and cameras record faces. Men avoid the city."


def test_counts_by_hand() -> None:
    table = ww.collocates(TEXT, "cameras", window=2, min_freq=1).set_index("collocate")
    # windows: [the city | watch men], [watch streets] (sentence start), [streets and | record faces]
    assert table.loc["watch", ["observed", "n_left", "n_right"]].tolist() == [2, 0, 2]
    # "streets" stands in the windows of both "cameras" of its sentence, but occurs once: counted once, on the
    # side of the first window that covers it
    assert table.loc["streets", ["observed", "n_left", "n_right"]].tolist() == [1, 0, 1]
    assert "avoid" not in table.index  # windows never cross a sentence boundary
    row = table.loc["watch"]
    assert (row.node_freq, row.collocate_freq, row.n_tokens, row.window_total) == (3, 2, 16, 12)
    assert row.expected == pytest.approx(12 * 2 / 16)
    assert row.mi == pytest.approx(math.log2(2 / (12 * 2 / 16)))
    assert row.t_score == pytest.approx((2 - 12 * 2 / 16) / math.sqrt(2), rel=1e-6)
    assert row.log_dice == pytest.approx(14 + math.log2(2 * 2 / (3 + 2)))
    assert row.log_likelihood == pytest.approx(float(g2_4term(2, 12 - 2, 2 - 2, 16 - 12 - 2 + 2)))


def test_actual_span_counts_covered_positions() -> None:
    table = ww.collocates(TEXT, "cameras", window=2, min_freq=1, span="actual")
    # covered positions: sentence 1: 4; sentence 2: {watch, streets} and {streets, and, record, faces}
    # merged = 5 (the windows overlap on "streets"); total 9
    assert table.window_total.iloc[0] == 9


def test_phrase_node_and_minimums() -> None:
    text = "Facial recognition cameras spot men. Facial recognition software flags men."
    table = ww.collocates(text, "facial recognition", window=3, min_freq=2)
    assert table[["collocate", "observed", "node_freq"]].values.tolist() == [["men", 2, 2]]
    assert table.attrs["cpn"] == "log_dice, L3-R3, C1-NC2; within sentences"


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 50), st.integers(0, 200), st.integers(0, 200), st.integers(0, 5_000))
def test_measures_match_nltk(o11: int, extra_w: int, extra_c: int, rest: int) -> None:
    """MI and t-score come from NLTK; G2 must equal NLTK's likelihood_ratio on the same marginals."""
    w, c1 = o11 + extra_w, o11 + extra_c
    n = w + c1 - o11 + rest + 1
    nltk_lr = BigramAssocMeasures.likelihood_ratio(o11, (w, c1), n)
    ours = float(g2_4term(o11, w - o11, c1 - o11, n - w - c1 + o11))
    assert ours == pytest.approx(nltk_lr, rel=1e-6, abs=1e-6)


def test_edge_cases() -> None:
    assert ww.collocates(TEXT, "absent", window=5).empty
    assert ww.collocates("", "cameras", window=5).empty
    with pytest.raises(ValueError, match="window=0: use 1 or more words on each side"):
        ww.collocates(TEXT, "cameras", window=0)
    with pytest.raises(ValueError, match="node is empty"):
        ww.collocates(TEXT, " ")
    with pytest.raises(ValueError, match="span='half'"):
        ww.collocates(TEXT, "cameras", span="half")
    # nominal window larger than the corpus: a negative cell gives NaN, not a math-domain error
    tiny = ww.collocates("Cameras see men.", "cameras", window=5, min_freq=1)
    assert tiny.log_likelihood.isna().all() and tiny.mi.notna().all()


def test_overlapping_windows_never_count_a_collocate_more_often_than_it_occurs() -> None:
    """The edge case of issue 11: two node occurrences three words apart used to count 'zork' twice per sentence
    (O11 = 4 with C1 = 2, logDice above its maximum of 14, G² NaN from a negative cell)."""
    text = "Camera zork camera. " * 2 + "Filler words go here now. " * 20
    table = ww.collocates(text, "camera", window=5, min_freq=1).set_index("collocate")
    zork = table.loc["zork"]
    # by hand: N = 2·3 + 20·5 = 106 tokens; R1 = 4; C1 = 2; each sentence's "zork" is covered once
    assert (zork.observed, zork.collocate_freq, zork.node_freq, zork.n_tokens) == (2, 2, 4, 106)
    assert (table.observed <= table.collocate_freq).all()
    assert (table.log_dice <= 14).all() and table.log_likelihood.notna().all()
    assert zork.log_dice == pytest.approx(14 + math.log2(2 * 2 / (4 + 2)))
    actual = ww.collocates(text, "camera", window=5, min_freq=1, span="actual")
    # merged windows cover 3 positions per sentence (camera, zork, camera): W = 6 = the sum of O11
    assert actual.window_total.iloc[0] == 6 == actual.observed.sum()
