"""Tests of watchwords.frequency: frequency lists, n-grams and TF-IDF, with hand-computed values."""

from __future__ import annotations

import math

import pytest

import watchwords as ww
from tests.conftest import manifest_row

TEXTS = {
    "a": "Cameras watch the city. The cameras never sleep.",
    "b": "The city buys cameras.",
    "c": "Critics question the plan.",
}


@pytest.fixture
def corpus(make_corpus):
    rows = [manifest_row("a", outlet_type="state media"), manifest_row("b", outlet_type="state media"),
            manifest_row("c", outlet_type="NGO")]
    return ww.load_corpus(make_corpus(TEXTS, rows=rows))


def test_frequency_list_exact(corpus) -> None:
    table = ww.frequencies(corpus)
    top = table.head(3)
    # cameras: 3 of 16 word tokens (a: 8, b: 4, c: 4), in 2 of 3 documents
    assert top[["term", "count", "doc_freq"]].values.tolist() == [["the", 4, 3], ["cameras", 3, 2], ["city", 2, 2]]
    cameras = table.set_index("term").loc["cameras"]
    assert cameras.per_10k == pytest.approx(10_000 * 3 / 16)
    assert cameras.range == pytest.approx(2 / 3)
    assert table.attrs["n_tokens"] == {"all": 16} and table.attrs["n_docs"] == {"all": 3}


def test_frequency_by_group(corpus) -> None:
    table = ww.frequencies(corpus, by="outlet_type")
    assert list(table.columns) == ["outlet_type", "term", "count", "per_10k", "doc_freq", "range"]
    state = table[table.outlet_type == "state media"].set_index("term")
    assert (state.loc["cameras", "count"], state.loc["cameras", "doc_freq"], state.loc["cameras", "range"]) == (3, 2, 1.0)
    assert state.loc["cameras", "per_10k"] == pytest.approx(10_000 * 3 / 12)
    assert table.attrs["n_tokens"] == {"NGO": 4, "state media": 12}


def test_stopwords_do_not_change_rates(corpus) -> None:
    plain = ww.frequencies(corpus).set_index("term")
    filtered = ww.frequencies(corpus, stopwords="english").set_index("term")
    assert "the" not in filtered.index
    assert filtered.loc["cameras", "per_10k"] == plain.loc["cameras", "per_10k"]


def test_ngrams_stay_inside_sentences(corpus) -> None:
    bigrams = ww.frequencies(corpus, n=2).set_index("term")
    assert bigrams.loc["the city", "count"] == 2
    assert "city the" not in bigrams.index  # "...the city. The cameras" crosses a sentence boundary
    assert ww.frequencies("One two three four five.", n=4).term.tolist() == ["one two three four", "two three four five"]
    with pytest.raises(ValueError, match="n=5: n-grams of 1 to 4 words are supported"):
        ww.frequencies(corpus, n=5)


def test_frequency_errors(corpus) -> None:
    with pytest.raises(ValueError, match="by='colour': the corpus has no such column"):
        ww.frequencies(corpus, by="colour")
    with pytest.raises(ValueError, match="min_count=0: use 1 or more"):
        ww.frequencies(corpus, min_count=0)


def test_zero_tokens() -> None:
    table = ww.frequencies("... !!!")
    assert table.empty and list(table.columns) == ["term", "count", "per_10k", "doc_freq", "range"]


def test_tfidf_by_hand(corpus) -> None:
    table = ww.tfidf(corpus).set_index(["doc_id", "term"])
    # "cameras" in a: tf = 2/8, df = 2 of N = 3 documents, idf = ln(3/2)
    row = table.loc[("a", "cameras")]
    assert (row["count"], row.df) == (2, 2)
    assert row.tfidf == pytest.approx(2 / 8 * math.log(3 / 2))
    assert table.loc[("c", "the"), "tfidf"] == 0.0  # in every document
    smooth = ww.tfidf(corpus, smooth=True).set_index(["doc_id", "term"])
    # scikit-learn's smooth idf: ln((1 + N) / (1 + df)) + 1
    assert smooth.loc[("a", "cameras"), "idf"] == pytest.approx(math.log(4 / 3) + 1)


def test_count_terms_equals_frequencies(corpus, seed_corpus) -> None:
    for folder_or_corpus in (corpus, ww.load_corpus(seed_corpus)):
        expected = ww.frequencies(folder_or_corpus).set_index("term")["count"].to_dict()
        assert dict(ww.count_terms(list(folder_or_corpus.text))) == expected
    assert dict(ww.count_terms(seed_corpus)) == ww.frequencies(ww.load_corpus(seed_corpus)).set_index("term")["count"].to_dict()
    everything = ww.count_terms(list(corpus.text), drop_punct=False, parts="all", lowercase=False)
    assert everything["."] == 4 and everything["Cameras"] == 1


def test_count_terms_is_an_nltk_freqdist() -> None:
    from nltk.probability import FreqDist

    counts = ww.count_terms(["One cameras, two cameras."])
    assert isinstance(counts, FreqDist) and counts.N() == 4 and counts["cameras"] == 2


def test_provenance_stays_small(make_corpus) -> None:
    """No per-document dict rides on DataFrame.attrs (pandas deep-copies attrs into every derived table)."""
    texts = {f"d{i}": f"Cameras watch street {i}. The city said so." for i in range(30)}
    corpus = ww.load_corpus(make_corpus(texts))
    for table in (ww.frequencies(corpus), ww.term_occurrences(corpus), ww.keyness(corpus, target=["d0", "d1"]),
                  ww.dispersion(corpus, ["cameras"]), ww.tfidf(corpus)):
        for key, value in table.attrs.items():
            assert not hasattr(value, "__len__") or isinstance(value, str) or len(value) < 10, key
    occurrences, sizes = ww.occurrences_and_sizes(corpus)
    assert sizes.to_dict() == {f"d{i}": 8 for i in range(30)}  # 4 + 4 word tokens per document
