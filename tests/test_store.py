"""The token store (watchwords/store.py) and every verb built on it give the tables of the token-table
implementation of version 0.2, kept verbatim in bench/reference_v02.py: on the frozen seed corpus, on a written
multi-document corpus and on arbitrary text."""

from __future__ import annotations

import re
import sys
import unicodedata
from itertools import combinations

import pandas as pd
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import watchwords as ww
from tests.conftest import REPO, WIRE_STORY, manifest_row
from watchwords.reuse import similar_pairs
from watchwords.store import document_tokens, span_mask, vocabulary
from watchwords.text import SAME_IN_BOTH_ENGINES, token_engine, word_tokenizer

sys.path.insert(0, str(REPO / "bench"))
import reference_v02 as ref  # noqa: E402

# Texts written for these tests: a wire story, a retelling that reuses part of it, a report with quotations,
# curly apostrophes, a hyphen U+2010, a decomposed accent and a phrase from the multiword list.
RETELLING = """HEADLINE: Face-matching cameras switched on at Northbridge stations

Northbridge authorities have connected 1,200 station cameras to a face-matching system, the city's transport office said on Monday.

The office’s plan was criticised. “We were never asked,” said one commuter, who called the cameras ‘a net’.

Officials said the facial recognition system is not used to track protesters down.
"""
QUOTES = """HEADLINE: «Cameras» and the protege\u0301s of the mayor

STANDFIRST: A state‐owned firm built the system, officials said.

The mayor told reporters: "Nobody is watched without a court order. Nobody."

Critics said the men were tracked down by police using facial recognition, and that 3,000 were detained.

"It is 'legal'," an official said. 'Not so,' said a lawyer.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    from tests.conftest import CorpusMaker

    texts = {"a": WIRE_STORY, "b": RETELLING, "c": QUOTES, "d": WIRE_STORY.replace("Monday", "Tuesday")}
    types = {"a": "mainstream media", "b": "state media", "c": "state media", "d": "independent Russian media"}
    rows = [manifest_row(d, outlet_type=types[d], date=f"2024-05-0{k + 1}") for k, d in enumerate(texts)]
    root = CorpusMaker(tmp_path_factory.mktemp("store"))(texts, rows=rows)
    return ww.load_corpus(root)


def same(expected: pd.DataFrame | tuple, found: pd.DataFrame | tuple) -> None:
    if isinstance(expected, tuple):
        same(expected[0], found[0])
        assert expected[1].to_dict() == found[1].to_dict()
    elif expected.empty:  # an empty table's column dtypes are whatever pandas infers from no rows
        assert found.empty and list(found.columns) == list(expected.columns)
    else:
        pd.testing.assert_frame_equal(expected, found)
        # new options may add keys; frames names its dictionary by language since 0.3 (v0.2 said "not yet validated")
        attrs = {k: found.attrs.get(k) for k in expected.attrs if k != "dictionary"}
        expected_attrs = {k: v for k, v in expected.attrs.items() if k != "dictionary"}
        if isinstance(attrs.get("token_options"), dict):  # the language a call read is recorded since 0.3
            attrs["token_options"] = {k: v for k, v in attrs["token_options"].items() if k != "language"}
        assert attrs == expected_attrs


TOKEN_OPTIONS = [
    {}, {"drop_punct": True}, {"parts": "all", "stopwords": "english"}, {"voice": "quoted", "stem": "porter"},
    {"voice": "reporter", "lowercase": False, "drop_numbers": True}, {"multiword": True}, {"stem": "snowball"},
    {"multiword": ["face-matching system", "transport office"], "parts": ["headline", "body"]},
]


@pytest.mark.parametrize("options", TOKEN_OPTIONS)
def test_tokens_equal_the_token_table_of_version_02(corpus: pd.DataFrame, options: dict) -> None:
    same(ref.tokens(corpus, **options), ww.tokens(corpus, **options))


def test_tokens_with_span_tables(corpus: pd.DataFrame) -> None:
    voice = ww.voice(corpus)
    reused = ww.reused_spans(corpus)
    same(ref.tokens(corpus, voice_spans=voice, voice="quoted"), ww.tokens(corpus, voice_spans=voice, voice="quoted"))
    same(ref.tokens(corpus, exclude_spans=reused), ww.tokens(corpus, exclude_spans=reused))
    sentences = ww.sentences(corpus).iloc[::2]  # a selection of sentences is tokenised from its rows
    same(ref.tokens(sentences), ww.tokens(sentences))


def test_seed_corpus_verbs_equal_version_02(seed_corpus) -> None:
    seed = ww.load_corpus(seed_corpus)
    same(ref.tokens(seed, parts="all"), ww.tokens(seed, parts="all"))
    same(ref.frequencies(seed, stopwords="english"), ww.frequencies(seed, stopwords="english"))
    same(ref.kwic(seed, "camera*"), ww.kwic(seed, "camera*"))
    same(ref.collocates(seed, "cameras", min_freq=1), ww.collocates(seed, "cameras", min_freq=1))
    same(ref.frames(seed), ww.frames(seed))
    same(ref.passives(seed), ww.passives(seed))


COUNT_CASES = [
    ("occurrences_and_sizes", (), {}),
    ("occurrences_and_sizes", (), {"n": 2, "stopwords": "english"}),
    ("occurrences_and_sizes", (), {"n": 3, "voice": "quoted"}),
    ("frequencies", (), {"by": "outlet_type", "stopwords": "english"}),
    ("frequencies", (), {"n": 2, "min_count": 2}),
    ("frequencies", (), {"n": 4, "parts": "all", "multiword": True}),
    ("tfidf", (), {}),
    ("tfidf", (), {"smooth": True, "n": 2}),
    ("keyness", (), {"target": {"outlet_type": "state media"}, "min_docs": 1}),
    ("keyness", (), {"target": ["b"], "reference": ["a", "d"], "min_docs": 1, "g2": "2-term", "n": 2}),
    ("keyness", (), {"target": ["c"], "reference": "english", "min_docs": 1, "stopwords": "english",
                     "drop_numbers": True, "correction": "bonferroni"}),
    ("dispersion", (["cameras", "The", "nothing-here", "said"],), {}),
    ("dispersion", (), {"stopwords": "english"}),
    ("kwic", ("camera*",), {}),
    ("kwic", ("said",), {"window": 2, "sort": "L1", "voice": "reporter"}),
    ("kwic", ("the * office",), {"window": 3, "sort": "R1"}),
    ("kwic", ("(never|nobody)",), {"regex": True, "parts": "body"}),
    ("kwic", ("Northbridge",), {"ignore_case": False, "window": 0}),
    ("collocates", ("cameras",), {"min_freq": 1}),
    ("collocates", ("said",), {"window": 3, "min_freq": 1, "span": "actual", "sort": "mi"}),
    ("collocates", ("transport office",), {"min_freq": 1, "stopwords": "english"}),
    ("frames", (), {}),
    ("passives", (), {}),
    ("nominalisations", (), {}),
    ("hedges", (), {}),
    ("reuse", (), {}),
    ("reuse", (), {"n": 3, "near_duplicate": 0.5}),
    ("reused_spans", (), {}),
    ("quote_variants", (), {"min_similarity": 0.2}),
]


@pytest.mark.parametrize(("verb", "args", "options"), COUNT_CASES, ids=[f"{c[0]}-{k}" for k, c in enumerate(COUNT_CASES)])
def test_verbs_equal_version_02(corpus: pd.DataFrame, verb: str, args: tuple, options: dict) -> None:
    same(getattr(ref, verb)(corpus, *args, **options), getattr(ww, verb)(corpus, *args, **options))


def test_frames_with_span_tables_equal_version_02(corpus: pd.DataFrame) -> None:
    voice, reused = ww.voice(corpus), ww.reused_spans(corpus)
    same(ref.frames(corpus, voice_spans=voice, exclude_spans=reused),
         ww.frames(corpus, voice_spans=voice, exclude_spans=reused))


@pytest.mark.parametrize("threshold", [0.05, 0.2, 0.5, 1.0])
def test_reuse_threshold_lists_exactly_the_pairs_of_the_full_table(corpus: pd.DataFrame, threshold: float) -> None:
    full = ww.reuse(corpus, n=3)
    whole = full[full["part"] == "all"]
    reached = whole[(whole["containment_a_in_b"] >= threshold) | (whole["containment_b_in_a"] >= threshold)]
    expected = full.merge(reached[["doc_a", "doc_b"]], on=["doc_a", "doc_b"]).reset_index(drop=True)
    found = ww.reuse(corpus, n=3, min_containment=threshold)
    assert len(found) == len(expected)
    assert len(found) > 0 or threshold == 1.0  # no pair of the fixture is a full copy
    pd.testing.assert_frame_equal(expected, found.reset_index(drop=True), check_index_type=False)


def test_reuse_threshold_out_of_range(corpus: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="min_containment=1.5"):
        ww.reuse(corpus, min_containment=1.5)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.frozensets(st.integers(0, 12), max_size=8), max_size=9), st.sampled_from([0.1, 0.3, 0.5, 0.75, 1.0]))
def test_similar_pairs_finds_every_pair_brute_force_finds(sets: list[frozenset], threshold: float) -> None:
    found = similar_pairs([set(s) for s in sets], threshold)
    for i, j in combinations(range(len(sets)), 2):
        common = len(sets[i] & sets[j])
        if sets[i] and sets[j] and (common >= threshold * len(sets[i]) or common >= threshold * len(sets[j])):
            assert (i, j) in found


WORDS = st.lists(st.sampled_from(
    list("Ab n.,'’\"“”«»-‐—_\n9 ") + ["U.S.", "3,000", "don't", "said", "HEADLINE: ", "\n\n", "e\u0301", "²", "½",
                                      "\u200d", "Mr. ", "camera", "facial recognition", "it's", "(", ")", "...", "I."]),
    max_size=50).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS)
def test_tokens_equal_version_02_on_arbitrary_text(text: str) -> None:
    same(ref.tokens(text, parts="all"), ww.tokens(text, parts="all"))
    same(ref.occurrences_and_sizes(text, n=2), ww.occurrences_and_sizes(text, n=2))
    same(ref.frames(text), ww.frames(text))


@settings(max_examples=200, deadline=None)
@given(WORDS)
def test_token_engine_gives_nltk_tokens(text: str) -> None:
    assert [m.group() for m in token_engine(text).finditer(text)] == word_tokenizer().tokenize(text)


def test_engines_agree_on_every_character_listed_as_safe() -> None:
    """Python's re and the regex module read \\w, \\d and \\s alike on every character of SAME_IN_BOTH_ENGINES
    (and differ on the ones left out, so the list is not wider than it must be)."""
    listed = re.compile(f"[{SAME_IN_BOTH_ENGINES}]")
    checks = [(re.compile(p), regex.compile(p)) for p in (r"\w", r"\d", r"\s")]
    agree_outside = 0
    for code in range(0x2200):
        char = chr(code)
        agree = all((a.match(char) is None) == (b.match(char) is None) for a, b in checks)
        if listed.match(char):
            assert agree, f"U+{code:04X} {unicodedata.name(char, '?')} is listed but the engines differ"
        agree_outside += agree and not listed.match(char)
    for char in "\u0301\u00b2\u00bd\u200c\u200d\u203f\x1c":
        assert not listed.match(char)
    assert agree_outside < 0x2200  # characters outside the list exist on which they agree (list kept short)


def test_document_tokens_arrays() -> None:
    text = 'HEADLINE: Cams on\n\nHe said: "It works." Moscow’s men.'
    found = document_tokens(text)
    strings = [vocabulary().strings[t] for t in found.types]
    assert strings == ["Cams", "on", "He", "said", ":", '"', "It", "works", ".", '"', "Moscow", "’s", "men", "."]
    assert [text[s:s + len(t)] for s, t in zip(found.starts, strings)] == strings
    assert found.sent_ids.tolist() == [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]
    assert found.quoted.tolist() == [False] * 6 + [True] * 3 + [False] * 5  # the content, not the marks
    assert found.sent_paras.tolist() == [0, 1, 1] and found.sent_parts.tolist() == [0, 4, 4]
    assert document_tokens(text) is found  # cached by text


@pytest.mark.parametrize(("positions", "starts", "ends", "expected"), [
    ([0, 5, 9, 10, 20], [5, 12], [10, 25], [False, True, True, False, True]),
    ([3], [], [], [False]),
    ([4, 6], [6, 2], [7, 5], [True, True]),  # spans are sorted by start first
    ([4], [2, 3], [9, 4], [False]),  # the last span opening at or before the position decides (version 0.2's rule)
])
def test_span_mask(positions: list, starts: list, ends: list, expected: list) -> None:
    import numpy as np

    found = span_mask(np.array(positions), np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64))
    assert found.tolist() == expected


def test_vocabulary_values_grow_with_new_types() -> None:
    vocab = vocabulary()
    before = vocab.lengths()
    document_tokens("A wholly-unseen-token-for-the-vocabulary test.")
    after = vocab.lengths()
    assert len(after) > len(before) and after[: len(before)].tolist() == before.tolist()
    assert after[vocab.ids["wholly-unseen-token-for-the-vocabulary"]] == len("wholly-unseen-token-for-the-vocabulary")


CHUNKED = [("frequencies", (), {"by": "outlet_type", "stopwords": "english"}), ("frequencies", (), {"n": 3}),
           ("keyness", (), {"target": {"outlet_type": "state media"}, "min_docs": 2}),
           ("keyness", (), {"target": ["a"], "reference": "english", "min_docs": 1}),
           ("collocates", ("cameras",), {"min_freq": 1}), ("kwic", ("the",), {"sort": "R1"}), ("frames", (), {}),
           ("passives", (), {}), ("hedges", (), {}), ("nominalisations", (), {})]


@pytest.mark.parametrize(("verb", "args", "options"), CHUNKED, ids=[f"{c[0]}-{k}" for k, c in enumerate(CHUNKED)])
def test_verbs_walking_a_corpus_in_chunks_equal_version_02(corpus: pd.DataFrame, monkeypatch: pytest.MonkeyPatch,
                                                           verb: str, args: tuple, options: dict) -> None:
    import watchwords.store

    monkeypatch.setattr(watchwords.store, "CHUNK_CHARACTERS", 300)  # every document its own chunk
    assert len(watchwords.store.corpus_chunks(corpus)) == len(corpus)
    same(getattr(ref, verb)(corpus, *args, **options), getattr(ww, verb)(corpus, *args, **options))
