"""Tests of watchwords.keyness against independent implementations and published values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.metrics import BigramAssocMeasures
from scipy.stats import chi2, chi2_contingency

import watchwords as ww
from tests.conftest import manifest_row
from watchwords.keyness import chi2_sf_1df, g2_2term, g2_4term, keyness_table


def test_dunning_published_likelihood_ratio() -> None:
    """Dunning (1993) as in NLTK's collocations doctest: likelihood_ratio(110, (2552, 221), 31777) = 270.72."""
    n_ii, n_ix, n_xi, n_xx = 110, 2552, 221, 31777
    value = float(g2_4term(n_ii, n_ix - n_ii, n_xi - n_ii, n_xx - n_ix - n_xi + n_ii))
    assert round(value, 2) == 270.72


def test_lancaster_calculator_worked_example() -> None:
    """The UCREL/Lancaster log-likelihood wizard's own instructions (Hardie): a word occurring 52 times
    in corpus 1 (50,000 tokens) and 57 times in corpus 2 (75,000 tokens) gives LL = +2.65 (2-term form)."""
    table = keyness_table({"word": 52}, {"word": 57}, target_size=50_000, reference_size=75_000, g2="2-term")
    row = table.iloc[0]
    assert round(row.g2, 2) == 2.65
    assert round(100 * 52 / 50_000, 2) == 0.10 and round(100 * 57 / 75_000, 2) == 0.08  # the wizard's %1 and %2
    assert not row.significant  # the wizard: "not statistically significant" (below 3.84)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5_000), min_size=4, max_size=4).filter(
    lambda cells: (cells[0] + cells[1]) > 0 and (cells[2] + cells[3]) > 0 and (cells[0] + cells[2]) > 0 and (cells[1] + cells[3]) > 0))
def test_g2_4term_matches_scipy_g_test(cells: list[int]) -> None:
    """scipy's G-test (chi2_contingency with lambda_="log-likelihood", no Yates correction) on random tables."""
    o11, o12, o21, o22 = cells
    expected = chi2_contingency([[o11, o12], [o21, o22]], lambda_="log-likelihood", correction=False)[0]
    assert float(g2_4term(o11, o12, o21, o22)) == pytest.approx(expected, rel=1e-9, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 500), st.integers(1, 500), st.integers(1, 5_000), st.integers(1, 5_000))
def test_g2_4term_matches_nltk_likelihood_ratio(a: int, b: int, extra_c: int, extra_d: int) -> None:
    """NLTK's ContingencyMeasures likelihood_ratio on the keyness table [[a, b], [c-a, d-b]]."""
    from nltk.metrics.association import ContingencyMeasures

    c, d = a + extra_c, b + extra_d
    nltk_value = ContingencyMeasures(BigramAssocMeasures()).likelihood_ratio(a, b, c - a, d - b)
    assert float(g2_4term(a, b, c - a, d - b)) == pytest.approx(nltk_value, rel=1e-6)


def test_two_forms_differ_as_documented() -> None:
    """a=30 of c=20,000 vs b=10 of d=100,000: 2-term 66.17, 4-term 66.20 (both by hand below)."""
    a, b, c, d = 30, 10, 20_000, 100_000
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    by_hand_2 = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
    assert float(g2_2term(a, b, c, d)) == pytest.approx(by_hand_2)
    assert round(by_hand_2, 2) == 66.17
    assert round(float(g2_4term(a, b, c - a, d - b)), 2) == 66.20


def test_effect_sizes_by_hand() -> None:
    table = keyness_table({"w": 30, "x": 0}, {"w": 10, "x": 4}, target_size=20_000, reference_size=100_000, min_count=0)
    w = table.set_index("term").loc["w"]
    assert w.log_ratio == pytest.approx(math.log2((30 / 20_000) / (10 / 100_000)))  # log2(15) = 3.91
    assert round(w.log_ratio, 2) == 3.91
    assert w.pct_diff == pytest.approx(1400.0)
    assert w.bic == pytest.approx(float(g2_4term(30, 10, 19_970, 99_990)) - math.log(120_000))
    assert round(w.bic, 1) == 54.5
    x = table.set_index("term").loc["x"]
    assert x.g2 < 0  # under-used in the target: negative sign
    assert x.log_ratio == pytest.approx(math.log2((0.5 / 20_000) / (4 / 100_000)))  # zero replaced by 0.5
    assert list(table.columns) == ["term", "n_target", "n_reference", "per_10k_target", "per_10k_reference", "g2", "p",
                                   "log_ratio", "pct_diff", "bic", "significant"]


def test_p_values_and_bonferroni() -> None:
    values = np.array([0.0, 1.0, 3.841458820694124, 10.83, 100.0])
    assert chi2_sf_1df(values) == pytest.approx(chi2.sf(values, 1))
    counts_t = {f"t{i}": 10 + i for i in range(5)}
    counts_r = {f"t{i}": 10 for i in range(5)}
    plain = keyness_table(counts_t, counts_r, target_size=1_000, reference_size=1_000)
    corrected = keyness_table(counts_t, counts_r, target_size=1_000, reference_size=1_000, correction="bonferroni")
    assert corrected.p.tolist() == pytest.approx(np.minimum(plain.p * 5, 1).tolist())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"g2": "5-term"}, "g2='5-term': use '4-term'"),
        ({"correction": "holm"}, "correction='holm': use None or 'bonferroni'"),
        ({"zero": 0}, "zero=0: the pseudo-count"),
        ({"target_size": 0}, "the target has no tokens"),
        ({"target_size": 5}, "a count is larger than its corpus size"),
    ],
)
def test_keyness_table_errors(kwargs, message) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        keyness_table({"a": 10}, {"a": 3}, **kwargs)


def test_term_absent_from_one_side_is_defined() -> None:
    table = keyness_table({"only_target": 5}, {"only_reference": 5}, min_count=0)
    assert table.term.tolist() == ["only_target", "only_reference"]
    assert np.isfinite(table[["g2", "p", "log_ratio", "pct_diff", "bic"]].to_numpy()).all()


def test_negative_cell_gives_nan_not_error() -> None:
    assert math.isnan(float(g2_4term(5, -1, 3, 10)))


def _group_corpus(make_corpus):
    rows = [manifest_row("s1", outlet_type="state media"), manifest_row("s2", outlet_type="state media"),
            manifest_row("i1", outlet_type="independent Russian media"), manifest_row("i2", outlet_type="independent Russian media")]
    texts = {"s1": "Cameras help find conscripts. Cameras work.", "s2": "Cameras find conscripts quickly.",
             "i1": "Cameras track draft evaders. Critics warn.", "i2": "Critics warn about surveillance of evaders."}
    return ww.load_corpus(make_corpus(texts, rows=rows))


def test_keyness_on_corpus_groups(make_corpus) -> None:
    corpus = _group_corpus(make_corpus)
    table = ww.keyness(corpus, target={"outlet_type": "state media"}, min_docs=2)
    # terms in both state-media documents only: cameras (3), find (2), conscripts (2)
    assert table[["term", "n_target", "n_reference", "docs_target"]].values.tolist() == [
        ["conscripts", 2, 0, 2], ["find", 2, 0, 2], ["cameras", 3, 1, 2]]
    expected = keyness_table({"cameras": 3, "find": 2, "conscripts": 2}, {"cameras": 1}, target_size=10, reference_size=12,
                             min_count=1).set_index("term")
    assert table.set_index("term").g2.to_dict() == pytest.approx(expected.g2.reindex(["conscripts", "find", "cameras"]).to_dict())
    assert table.attrs["target_size"] == 10 and table.attrs["reference_size"] == 12


def test_keyness_against_reference_list(make_corpus, tmp_path) -> None:
    corpus = _group_corpus(make_corpus)
    reference = tmp_path / "ref.csv"
    reference.write_text("# a reference list written for the test\nterm,count\ncameras,10\nwork,50\n__total__,10000\n",
                         encoding="utf-8")
    table = ww.keyness(corpus, target=["s1"], reference=reference, min_docs=1)
    row = table.set_index("term").loc["cameras"]
    assert (row.n_target, row.n_reference) == (2, 10)
    assert table.attrs["reference_size"] == 10_000
    assert row.g2 == pytest.approx(float(g2_4term(2, 10, 6 - 2, 10_000 - 10)))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target": {"outlet_type": "tabloid"}}, "target: no document selected"),
        ({"target": {"colour": "red"}}, "target: the corpus has no column 'colour'"),
        ({"target": ["nope"]}, "target: no document with doc_id nope"),
        ({"target": ["s1"], "min_docs": 2}, "min_docs=2 but the target has 1 document"),
        ({"target": ["s1"], "reference": ["s1", "s2"], "min_docs": 1}, "target and reference share documents"),
        ({"target": ["s1", "s2", "i1", "i2"]}, "reference: no document selected"),
    ],
)
def test_keyness_errors(make_corpus, kwargs, message) -> None:
    corpus = _group_corpus(make_corpus)
    with pytest.raises(ValueError, match=message):
        ww.keyness(corpus, **kwargs)


def test_reference_list_errors(tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("word,n\na,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"missing column\(s\) \['count', 'term'\]"):
        ww.read_reference_list(bad)
    bad.write_text("term,count\na,1\nb,many\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3: field 'count': 'many' is not a non-negative number"):
        ww.read_reference_list(bad)


def test_empty_group_and_zero_tokens(make_corpus) -> None:
    corpus = ww.load_corpus(make_corpus({"a": "... !!!", "b": "Words here."}))
    with pytest.raises(ValueError, match="the target has no tokens"):
        ww.keyness(corpus, target=["a"], min_docs=1)


def test_pct_diff_of_a_zero_target_count_is_minus_100() -> None:
    """Gabrielatos & Marchi (2012) define %DIFF = (NF_target − NF_ref)·100 / NF_ref: a word absent from the target
    is −100 % (the Lancaster spreadsheet gives the same); only a zero *reference* count needs the pseudo-count."""
    table = keyness_table({"w": 0, "v": 5}, {"w": 4, "v": 0}, target_size=1_000, reference_size=1_000,
                          min_count=0).set_index("term")
    assert table.loc["w", "pct_diff"] == -100.0
    assert table.loc["v", "pct_diff"] == pytest.approx(100 * (5 / 1_000 - 0.5 / 1_000) / (0.5 / 1_000))  # 900 %
    assert table.loc["w", "log_ratio"] == pytest.approx(math.log2((0.5 / 1_000) / (4 / 1_000)))  # Hardie: both sides


def test_bonferroni_counts_only_the_terms_min_docs_keeps(make_corpus) -> None:
    corpus = _group_corpus(make_corpus)
    table = ww.keyness(corpus, target={"outlet_type": "state media"}, min_docs=2, correction="bonferroni")
    plain = ww.keyness(corpus, target={"outlet_type": "state media"}, min_docs=2)
    # three terms occur in both target documents (cameras, find, conscripts); the one-document terms (help, work,
    # quickly) are not tested, so the factor is 3, not 6
    assert table.attrs["n_tested"] == 3
    assert table.p.tolist() == pytest.approx(np.minimum(plain.p * 3, 1).tolist())


@pytest.mark.parametrize(
    "cells",
    [
        (52, 57_000, 49_948, 2_000_000_000_000 - 57_000),   # a reference list of 2·10¹² tokens
        (3, 21_900, 256, 999_978_100),                      # 'cameras' in the seed against the packaged list
        (1, 0, 999_999, 1_000_000_000_000),
        (10, 10, 10, 10),                                     # independence: G² = 0
    ],
)
def test_g2_4term_is_exact_at_large_n(cells) -> None:
    """An independent computation with 50-digit decimals of 2·Σ O·ln(O/E) in the textbook form."""
    from decimal import Decimal, getcontext

    getcontext().prec = 50
    o = [Decimal(x) for x in cells]
    n = sum(o)
    rows, cols = (o[0] + o[1], o[2] + o[3]), (o[0] + o[2], o[1] + o[3])
    expected = [rows[0] * cols[0] / n, rows[0] * cols[1] / n, rows[1] * cols[0] / n, rows[1] * cols[1] / n]
    exact = 2 * sum((x * (x / e).ln() if x else Decimal(0)) for x, e in zip(o, expected))
    assert float(g2_4term(*cells)) == pytest.approx(float(exact), rel=1e-9, abs=1e-9)
