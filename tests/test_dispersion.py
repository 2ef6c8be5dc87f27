"""Tests of watchwords.dispersion: Gries' DP against the published example and an independent loop."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import watchwords as ww


def test_lijffijt_gries_table_1() -> None:
    """Lijffijt & Gries (2012), Table 1: three equal parts holding 2/3, 1/3 and 0 of the occurrences:
    DP = 1/2 (|2/3 - 1/3| + |1/3 - 1/3| + |0 - 1/3|) = 1/3; DP_norm = (1/3) / (1 - 1/3) = 1/2."""
    value, normalised = ww.dp([2, 1, 0], [1, 1, 1])
    assert value == pytest.approx(1 / 3) and normalised == pytest.approx(0.5)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 500)), min_size=2, max_size=12).filter(
    lambda parts: sum(f for f, _ in parts) > 0))
def test_dp_matches_a_plain_loop(parts) -> None:
    freqs = [f for f, _ in parts]
    sizes = [s for _, s in parts]
    total_f, total_s = sum(freqs), sum(sizes)
    by_loop = 0.0
    for f, s in zip(freqs, sizes):
        by_loop += abs(f / total_f - s / total_s)
    by_loop /= 2
    value, normalised = ww.dp(freqs, sizes)
    assert value == pytest.approx(by_loop)
    assert normalised == pytest.approx(by_loop / (1 - min(sizes) / total_s))
    assert 0 <= value <= 1 + 1e-12


def test_dp_edge_cases() -> None:
    assert all(math.isnan(x) for x in ww.dp([3], [10]))  # one part: undefined
    assert all(math.isnan(x) for x in ww.dp([0, 0], [5, 5]))  # term absent
    with pytest.raises(ValueError, match="one frequency and one size per part"):
        ww.dp([1, 2], [3])


def test_dispersion_over_documents(make_corpus) -> None:
    corpus = ww.load_corpus(make_corpus({"a": "cameras cameras men", "b": "men watch", "c": "men sleep now"}))
    table = ww.dispersion(corpus, ["cameras", "men", "absent"]).set_index("term")
    # sizes 3, 2, 3 (s = 3/8, 2/8, 3/8); cameras 2, 0, 0 (v = 1, 0, 0)
    assert table.loc["cameras", "dp"] == pytest.approx(0.5 * (abs(1 - 3 / 8) + 2 / 8 + 3 / 8))
    assert table.loc["cameras", "dp_norm"] == pytest.approx(table.loc["cameras", "dp"] / (1 - 2 / 8))
    assert table.loc["men", ["count", "doc_freq", "n_docs"]].tolist() == [3, 3, 3]
    assert table.loc["absent", "count"] == 0 and math.isnan(table.loc["absent", "dp"])
