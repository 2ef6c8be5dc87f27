"""Tests of watchwords.text: sentence splitting and the paragraph/sentence tables."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
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



@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(list("Ab .?!\"“”'’»)]\n") + ["Mr.", "U.S.", "3.5", "?!", " -- ", "\t"]), max_size=30)
       .map("".join))
def test_one_sentence_shortcut_agrees_with_punkt(text: str) -> None:
    """split_sentences skips Punkt when only the end can close a sentence; the result must be Punkt's."""
    from watchwords.text import _plain_punkt

    assert split_sentences(text) == list(_plain_punkt().span_tokenize(text))


@pytest.mark.slow
@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["cameras", "Mr", "U.S", "No", "e.g", "Inc", "a", "B", "3", "iv", "wait", ".", "The",
                                 "He", "the", "Loktev", "Gov", "'s", "’s", "?", "!"]) |
                st.sampled_from(list(" .?!\"“”'’)(\n-,;:") + [". ", "... ", " . . ", ".\n\n"]), max_size=40).map("".join))
@example("The cameras. The law. Mr. Loktev said so. He left at 5 p.m. Friday. Inc. Next")
@example("The firm is Acme Inc. The cameras work. Ask the Gov. He knows. Mr. the")
def test_plain_word_shortcut_agrees_with_punkt(text: str) -> None:
    """The project's Punkt decides "word. Next" without re-tokenizing; every split must equal plain Punkt's."""
    from watchwords.text import _plain_punkt, sentence_splitter

    assert list(sentence_splitter().span_tokenize(text)) == list(_plain_punkt().span_tokenize(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("He said so.", [(0, 11)]), ('He said "so."', [(0, 13)]), ("Why?", [(0, 4)]), ("Who said 'no.')", [(0, 15)]),
    ("So", [(0, 2)]), ("No!?", [(0, 3), (3, 4)]), ("A. B", [(0, 4)]), ("It is. So", [(0, 6), (7, 9)]),
])
def test_one_sentence_shortcut_cases(text: str, expected: list[tuple[int, int]]) -> None:
    from watchwords.text import _plain_punkt

    assert split_sentences(text) == list(_plain_punkt().span_tokenize(text)) == expected


# ---------------------------------------------------------------- tokens

from watchwords.text import quoted_spans, tokens  # noqa: E402


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 3,000 cameras", ["more", "than", "3,000", "cameras"]),
        ("men aged 18-27", ["men", "aged", "18-27"]),
        ("in the U.S. today", ["in", "the", "U.S.", "today"]),
        ("the state-owned agency", ["the", "state-owned", "agency"]),
        ("Moscow's cameras", ["Moscow", "'s", "cameras"]),
        ("Moscow’s cameras", ["Moscow", "’s", "cameras"]),
        ('"Used," he said.', ['"', "Used", ",", '"', "he", "said", "."]),
        ("«Камеры» работают", ["«", "Камеры", "»", "работают"]),
        ("cameras — and more", ["cameras", "—", "and", "more"]),
        ("cameras--and", ["cameras", "--", "and"]),
        ("They don't know", ["They", "do", "n't", "know"]),
        ("O'Brien said", ["O'Brien", "said"]),
        ("a 19-year-old man", ["a", "19-year-old", "man"]),
        ("at 13:09 on 2.5 km", ["at", "13:09", "on", "2.5", "km"]),
        ("Wait...", ["Wait", "..."]),
        ("", []),
    ],
)
def test_token_definition(text: str, expected: list[str]) -> None:
    table = tokens(text, parts="all")
    assert table.token.tolist() == expected
    assert all(text[s:e] == t for s, e, t in zip(table.start, table.end, table.token))


def test_token_options() -> None:
    text = 'HEADLINE: Facial recognition used\n\nThe "facial recognition cameras" were used in 2017, officials said.\n\nCAPTION: A camera.'
    assert tokens(text).part.unique().tolist() == ["headline", "body"]
    assert "camera" in tokens(text, parts="all").norm.tolist()
    words = tokens(text, drop_punct=True, drop_numbers=True, stopwords="english")
    assert words.norm.tolist() == ["facial", "recognition", "used", "facial", "recognition", "cameras", "used",
                                   "officials", "said"]
    merged = tokens(text, multiword=True, drop_punct=True)
    assert merged.norm.tolist()[:2] == ["facial recognition", "used"]
    assert "facial recognition cameras" in merged.norm.tolist()
    row = merged[merged.norm == "facial recognition cameras"].iloc[0]
    assert text[row.start:row.end] == "facial recognition cameras" and row.voice == "quoted"
    assert tokens(text, stem="porter", drop_punct=True).norm.tolist()[:3] == ["facial", "recognit", "use"]
    assert tokens(text, stem="snowball", drop_punct=True).norm.tolist()[:3] == ["facial", "recognit", "use"]
    assert tokens(text, lowercase=False).norm.tolist()[0] == "Facial"
    assert tokens(text, voice="quoted", drop_punct=True).norm.tolist() == ["facial", "recognition", "cameras"]
    assert "officials" in tokens(text, voice="reporter").norm.tolist()
    assert tokens(text, multiword=["were used"], drop_punct=True).norm.tolist()[-5:] == [
        "were used", "in", "2017", "officials", "said"]


def test_token_options_errors(tmp_path) -> None:
    with pytest.raises(ValueError, match="voice='journalist': use 'all', 'reporter' or 'quoted'"):
        tokens("a", voice="journalist")
    with pytest.raises(ValueError, match="stem='lemma': use None, 'porter' or 'snowball'"):
        tokens("a", stem="lemma")
    with pytest.raises(ValueError, match=r"parts: unknown part\(s\) \['footer'\]"):
        tokens("a", parts=["footer"])
    with pytest.raises(ValueError, match="word list 'nowhere.txt': no such file"):
        tokens("a", stopwords="nowhere.txt")
    listed = tmp_path / "stop.txt"
    listed.write_text("# my list\nThe\n", encoding="utf-8")
    assert tokens("The cameras", stopwords=listed).token.tolist() == ["cameras"]


def test_tokens_from_sentence_table_keep_document_offsets(make_corpus) -> None:
    from tests.conftest import WIRE_STORY

    corpus = ww.load_corpus(make_corpus({"wire": WIRE_STORY}))
    table = tokens(ww.sentences(corpus))
    text = corpus.text[0]
    assert all(text[s:e] == t for s, e, t in zip(table.start, table.end, table.token))
    assert table.equals(tokens(corpus))
    assert table.attrs["corpus_hash"] == corpus.attrs["corpus_hash"]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("He said “yes”.", ["yes"]),
        ("Он сказал «да».", ["да"]),
        ("Er sagte „ja“ und „nein”.", ["ja", "nein"]),
        ('"Open quote runs on\n\n"and closes here," he said.', ["Open quote runs on", "and closes here,"]),
        ("No quotes at all.", []),
        ('Empty "" quotes.', []),
    ],
)
def test_quoted_spans(text: str, quoted: list[str]) -> None:
    spans = quoted_spans(text)
    assert [text[s:e] for s, e in zip(spans.start, spans.end)] == quoted


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("Ab .,'’\"“”-—\n") + ["U.S.", "3,000", "don't", "18-27", "«", "»"]), max_size=50).map("".join))
def test_token_offsets_property(text: str) -> None:
    table = tokens(text, parts="all")
    previous = 0
    for start, end, token in zip(table.start, table.end, table.token):
        assert text[start:end] == token and previous <= start < end
        assert not any(ch.isspace() for ch in token)
        previous = end


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("Ab n.,'’\"“”-‐—_\n9") + ["U.S.", "3,000", "don't", "can’t", "18-27", "«", "»", "...", "O'Br"]),
                max_size=60).map("".join))
def test_re_and_nltk_regex_engines_agree(text: str) -> None:
    """count_terms applies TOKEN_PATTERN with Python's re; tokens() with NLTK's RegexpTokenizer (regex engine)."""
    from watchwords.text import token_regex, word_tokenizer

    assert token_regex().findall(text) == word_tokenizer().tokenize(text)


def test_document_lengths_exact() -> None:
    from tests.conftest import WIRE_STORY

    table = ww.document_lengths(WIRE_STORY)
    assert table[["part", "n_paragraphs", "n_sentences", "n_words"]].values.tolist() == [
        # counted by hand: body 19 + 18 + 14 words ("1,200" is two words under this word pattern)
        ["headline", 1, 1, 8], ["standfirst", 1, 1, 12], ["byline", 1, 1, 3], ["caption", 1, 1, 10],
        ["credit", 1, 1, 4], ["body", 3, 3, 51]]
    assert table.set_index("part").loc["headline", "n_chars"] == len(
        "Northbridge turns on face-matching cameras at stations - Agency")


def test_compare_tokenizers_exact() -> None:
    table = ww.compare_tokenizers('"Moscow\'s 3,000 cameras."')
    rows = dict(zip(table.tokenizer, table.tokens))
    assert rows["watchwords (RegexpTokenizer)"] == '" | Moscow | \'s | 3,000 | cameras | . | "'
    assert rows["TreebankWordTokenizer"] == "`` | Moscow | 's | 3,000 | cameras | . | ''"  # quotes rewritten
    assert rows["WordPunctTokenizer"] == "\" | Moscow | ' | s | 3 | , | 000 | cameras | .\""
    assert rows["whitespace split"] == "\"Moscow's | 3,000 | cameras.\""
    assert table.n_tokens.tolist()[0] == 7
