"""Tests of watchwords.kwic: exact concordance lines, edge and negative cases."""

from __future__ import annotations

import re

import pytest

import watchwords as ww

TEXT = ("HEADLINE: Cameras track evaders\n\n"
        "City cameras were used. Officials said the surveillance cameras, 3,000 of them, work.\n\n"
        "Critics said facial recognition cameras are facial recognition tools.")


def lines(table):
    return [(r.left, r.match, r.right) for r in table.itertuples()]


@pytest.mark.parametrize(
    ("pattern", "kwargs", "expected"),
    [
        ("cameras", {"window": 2}, [("", "Cameras", "track evaders"), ("City", "cameras", "were used"),
                                    ("the surveillance", "cameras", ", 3,000 of"),
                                    ("facial recognition", "cameras", "are facial")]),
        ("facial recognition", {"window": 1}, [("said", "facial recognition", "cameras"), ("are", "facial recognition", "tools")]),
        ("camera*", {"window": 0}, [("", "Cameras", ""), ("", "cameras", ""), ("", "cameras", ""), ("", "cameras", "")]),
        ("track * ", {"window": 1}, [("Cameras", "track evaders", "")]),
        (r"3,\d+", {"window": 1, "regex": True}, [("cameras,", "3,000", "of")]),
        ("nothing", {}, []),
    ],
)
def test_kwic_lines(pattern, kwargs, expected) -> None:
    assert lines(ww.kwic(TEXT, pattern, **kwargs)) == expected


def test_kwic_offsets_and_columns() -> None:
    table = ww.kwic(TEXT, "cameras")
    assert list(table.columns) == ["doc_id", "para_id", "sent_id", "part", "left", "match", "right", "start", "end", "L1", "R1"]
    assert all(TEXT[s:e] == m for s, e, m in zip(table.start, table.end, table.match))
    assert table.part.tolist() == ["headline", "body", "body", "body"]
    assert table.sent_id.tolist() == [0, 1, 2, 3]


def test_kwic_context_stays_in_the_paragraph() -> None:
    first = ww.kwic(TEXT, "evaders", window=10).iloc[0]
    assert (first.left, first.right) == ("Cameras track", "")


def test_kwic_sorting() -> None:
    assert ww.kwic(TEXT, "cameras", sort="L1").L1.tolist() == ["", "city", "recognition", "surveillance"]
    assert ww.kwic(TEXT, "cameras", sort="R1").R1.tolist() == ["3,000", "are", "track", "were"]


def test_kwic_case_and_errors() -> None:
    assert len(ww.kwic(TEXT, "CAMERAS", ignore_case=False)) == 0
    with pytest.raises(ValueError, match="window=-1: use 0 or more words"):
        ww.kwic(TEXT, "cameras", window=-1)
    with pytest.raises(ValueError, match="sort='L2': use None, 'L1' or 'R1'"):
        ww.kwic(TEXT, "cameras", sort="L2")
    with pytest.raises(ValueError, match="is not a valid regular expression"):
        ww.kwic(TEXT, "(", regex=True)
    with pytest.raises(ValueError, match="pattern is empty"):
        ww.kwic(TEXT, "  ")


def test_kwic_html_escapes_and_highlights() -> None:
    html = ww.kwic_html(ww.kwic('A "<b>" cameras & more', "cameras"))
    assert "<mark><b>cameras</b></mark>" in html and "&amp; more" in html and "&lt;b&gt;" in html
    assert html._repr_html_() == str(html)


@pytest.mark.parametrize(
    ("pattern", "word", "expected"),
    [
        ("camera*", "cameras", True), ("cam*ra*", "camera", True), ("*ras", "cameras", True),
        ("c*a*s", "cameras", True), ("c*z*s", "cameras", False), ("camera", "cameras", False),
        ("a*a", "a", False),  # the two pieces may not overlap
        ("a*a*a*a*a*a*a*a*a*b", "a" * 139, False),
    ],
)
def test_wildcards_match_without_backtracking(pattern, word, expected) -> None:
    from watchwords.kwic import _Wildcard

    assert _Wildcard(pattern, True).fullmatch(word) is expected
    if len(word) < 20:  # the same meaning as the backtracking regular expression, where that is quick
        assert (re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), word) is not None) is expected


def test_catastrophic_patterns_end_quickly() -> None:
    """a*a*a*... was compiled to a.*a.*a.* and ran for minutes on 139 characters; a user regex now has a time limit."""
    import time

    started = time.monotonic()
    assert ww.kwic("a" * 139 + " cameras", "a*a*a*a*a*a*a*a*a*b").empty
    with pytest.raises(ValueError, match=r"pattern '\(a\|aa\)\+b' took more than 0.5 s on the word 'aaaa"):
        ww.kwic("a" * 3000, "(a|aa)+b", regex=True)
    assert time.monotonic() - started < 5
