"""A property-based soak test: 10,000 generated documents through sentences, tokens, frames, attributions and kwic.
Every offset must index the document exactly and no input may raise. Marked slow (about two minutes)."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import watchwords as ww

PIECES = ["HEADLINE: ", "STANDFIRST: ", "BYLINE: By ", "CAPTION: ", "CREDIT: ", "SUBHEAD: ", "\n\n", "\n", " ", ". ",
          ", ", "; ", "?", "!", '"', "“", "”", "«", "»", "„", "''", "``", "‘", "’", "'s ", "—", "-", "(", ")", "Mr.",
          "U.S.", "3,000", "18-27", "said", "told", "according to", "citing", "reported", "TASS", "Loktev", "police",
          "cameras", "track down", "privacy", "court", "no", "not", "without", "conscripts", "evaders", "were",
          "detained", "by", "the", "a", "Moscow", "İ", "ſ", "ß", "é", "\t", "\u00a0", "\u200b", "😀", "\r\n", "~", "*"]
documents = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(documents)
def test_every_verb_keeps_valid_offsets_on_arbitrary_text(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "does not look English" warnings are expected on noise
        sentences = ww.sentences(text)
        for start, end, sentence in zip(sentences.start, sentences.end, sentences.text):
            assert 0 <= start < end <= len(text) and text[start:end] == sentence
        tokens = ww.tokens(text)
        for start, end, token in zip(tokens.start, tokens.end, tokens.token):
            assert 0 <= start < end <= len(text) and text[start:end] == token
        found = ww.frames(text)
        for start, end, match in zip(found.start, found.end, found.match):
            assert 0 <= start < end <= len(text) and text[start:end] == match
        relations = ww.attributions(text)
        for row in relations.itertuples():
            for start, end in [(row.cue_start, row.cue_end), *row.content_spans]:
                assert 0 <= start <= end <= len(text)
            if row.source_start >= 0:
                assert text[row.source_start:row.source_end] == row.source
        lines = ww.kwic(text, "camera*", window=3)
        for start, end in zip(lines.start, lines.end):
            assert 0 <= start < end <= len(text)
