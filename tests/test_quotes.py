"""Tests of watchwords.quotes: the one definition of quotation marks, and every module agreeing with it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import watchwords as ww
from watchwords.quotes import QUOTE_MARK_RE, mark_positions, quote_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no".', [(8, 9, 11, 12)]),
        ("He said “no” and «да».", [(8, 9, 11, 12), (17, 18, 20, 21)]),
        ("„Nein“ und „nie”.", [(0, 1, 5, 6), (11, 12, 15, 16)]),        # German and Polish closers
        ("He said ''no'' and ``yes''.", [(8, 10, 12, 14), (19, 21, 24, 26)]),  # typewriter pairs
        ('He said "open to the end', [(8, 9, 24, 24)]),                   # unclosed: runs to the end
        ('Empty "" quote', []),                                            # nothing between the marks
        ("A ” closer » never opens", []),
        ('"Outer «inner» still outer"', [(0, 1, 26, 27)]),                # no nesting
        ("It’s a ‘scare’ quote", []),                                     # single marks are not quotation marks
    ],
)
def test_quote_spans(text, expected) -> None:
    assert quote_spans(text) == expected


def test_quote_spans_within_a_range() -> None:
    text = 'A "b" C "d'
    assert quote_spans(text, 5, len(text)) == [(8, 9, 10, 10)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["'", "''", "`", "``", '"', "“", "”", "«", "»", "„", "a", " "]), max_size=30).map("".join))
def test_mark_positions_cover_the_quote_marks(text: str) -> None:
    """The quick scan finds every mark the regular expression finds (so no paragraph with a quote is skipped)."""
    assert {m.start() for m in QUOTE_MARK_RE.finditer(text)} <= set(mark_positions(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "«", "»", "„", "''", "``", "word", " ", ". "]), max_size=25).map("".join))
def test_spans_are_ordered_and_inside_the_text(text: str) -> None:
    spans = quote_spans(text)
    for opened, start, end, closed in spans:
        assert 0 <= opened < start < end <= closed <= len(text) or (start < end == closed == len(text))
    assert all(a[3] <= b[0] for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize(
    "text",
    [
        "HEADLINE: Cameras on\n\nThe mayor said ''the cameras work'' on Monday.",
        "HEADLINE: Cameras on\n\nThe mayor said ``the cameras work'' on Monday.",
        "HEADLINE: Cameras on\n\nThe mayor said «the cameras work» on Monday.",
        "HEADLINE: Cameras on\n\nThe mayor said „the cameras work” on Monday.",
    ],
)
def test_tokens_and_voice_agree_on_what_is_quoted(text) -> None:
    """tokens(voice=...) and voice() once recognised different marks; both now read watchwords.quotes."""
    quoted = ww.tokens(text, voice="quoted", drop_punct=True)
    assert quoted.token.tolist() == ["the", "cameras", "work"]
    relation = ww.attributions(text).iloc[0]
    assert relation.kind in ("direct", "mixed")  # the extractor sees the same quotation
    attributed = ww.voice(text).query("voice == 'quoted'")
    assert all(((attributed.start <= a) & (b <= attributed.end)).any() for a, b in zip(quoted.start, quoted.end))
