"""Tests of watchwords.text: sentence splitting and the paragraph/sentence tables."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import watchwords as ww
from watchwords.text import split_sentences


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# Hard cases written for the project; expected splits decided by hand.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Gen. Ivanov in Moscow. It was cold.", ["Mr. Smith met Gen. Ivanov in Moscow.", "It was cold."]),
        ("Col. Petrov arrived on Feb. 3 at noon. He left.", ["Col. Petrov arrived on Feb. 3 at noon.", "He left."]),
        ("They flew to the U.S. on Monday. Talks began.", ["They flew to the U.S. on Monday.", "Talks began."]),
        ("They met in the U.S. The talks failed.", ["They met in the U.S.", "The talks failed."]),
        ("More than 3,000 cameras were connected. Officials agreed.", ["More than 3,000 cameras were connected.", "Officials agreed."]),
        ("Spending rose 2.5 percent. Good.", ["Spending rose 2.5 percent.", "Good."]),
        ("J. R. Smith agreed. She did not.", ["J. R. Smith agreed.", "She did not."]),
        ('"Cameras are used," he said. "We find them."', ['"Cameras are used," he said.', '"We find them."']),
        ('He said: "It works." Then he left.', ['He said: "It works."', "Then he left."]),
        ("He said “It works.” Then he left.", ["He said “It works.”", "Then he left."]),
        ('He asked "why?" She said no.', ['He asked "why?"', "She said no."]),
        ("He left (quietly). Then more.", ["He left (quietly).", "Then more."]),
        ("Men aged 18-27 must serve. Some do not.", ["Men aged 18-27 must serve.", "Some do not."]),
        ("Moscow uses cameras - TASS", ["Moscow uses cameras - TASS"]),
        ("", []),
    ],
)
def test_split_sentences_hard_cases(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_sentences_never_cross_paragraphs() -> None:
    text = "HEADLINE: No period here\n\nFirst body sentence\n\nSecond. Third."
    table = ww.sentences(text)
    assert table[["para_id", "sent_id", "part", "text"]].values.tolist() == [
        [0, 0, "headline", "No period here"],
        [1, 1, "body", "First body sentence"],
        [2, 2, "body", "Second."],
        [2, 3, "body", "Third."],
    ]


def test_tables_on_corpus_have_exact_offsets(make_corpus) -> None:
    from tests.conftest import WIRE_STORY

    corpus = ww.load_corpus(make_corpus({"wire": WIRE_STORY, "other": "Second doc. It is short."}))
    for table in (ww.paragraphs(corpus), ww.sentences(corpus)):
        texts = dict(zip(corpus.doc_id, corpus.text))
        assert all(texts[d][s:e] == t for d, s, e, t in zip(table.doc_id, table.start, table.end, table.text))
    sents = ww.sentences(corpus)
    assert sents.groupby("doc_id").sent_id.apply(list).to_dict() == {"other": [0, 1], "wire": list(range(8))}
    assert list(sents.columns) == ["doc_id", "para_id", "sent_id", "part", "start", "end", "text"]
    assert ww.paragraphs(corpus).query("doc_id == 'wire'").part.tolist() == [
        "headline", "standfirst", "byline", "caption", "credit", "body", "body", "body"]


def test_as_corpus_rejects_frames_without_text() -> None:
    import pandas as pd

    with pytest.raises(ValueError, match=r"lacks column\(s\) \['text'\]"):
        ww.sentences(pd.DataFrame({"doc_id": ["a"]}))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("Ab .,!?\"“”'\n:") + ["Mr.", "U.S.", "3,000", "CAPTION: "]), max_size=60).map("".join))
def test_sentence_offsets_property(text: str) -> None:
    """Any text: sentences are ordered, disjoint, inside their paragraph, sliced exactly."""
    table = ww.sentences(text)
    paras = ww.paragraphs(text).set_index("para_id")
    previous = 0
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
        assert previous <= row.start < row.end
        assert paras.loc[row.para_id, "start"] <= row.start and row.end <= paras.loc[row.para_id, "end"]
        previous = row.end
