"""Tests of watchwords.textformat: the plain-text document format."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watchwords.textformat import format_document, parse_document


def parts(text: str) -> list[tuple[str, str]]:
    return [(p.part, text[p.start:p.end]) for p in parse_document(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("\n\n  \n", []),
        ("Just a body.", [("body", "Just a body.")]),
        ("HEADLINE: A head\nBYLINE: By X\n\nBody one.\n\nBody two.\n",
         [("headline", "A head"), ("byline", "By X"), ("body", "Body one."), ("body", "Body two.")]),
        # a paragraph may run over several lines; offsets keep the line break
        ("Line one\nline two.\n", [("body", "Line one\nline two.")]),
        # a label alone on its line: the paragraph starts on the next line
        ("CAPTION:\nA camera.\nCREDIT: X/Agency\n", [("caption", "A camera."), ("credit", "X/Agency")]),
        # empty labelled line gives nothing
        ("CREDIT:   \n\nBody.", [("body", "Body.")]),
        # BODY: escapes a paragraph that begins with a label word
        ("BODY: CAPTION: is a word here.", [("body", "CAPTION: is a word here.")]),
        # lower-case or indented labels are ordinary text
        ("caption: not a label", [("body", "caption: not a label")]),
        ("  HEADLINE: indented", [("body", "HEADLINE: indented")]),
        # Windows line ends
        ("HEADLINE: H\r\n\r\nBody.\r\n", [("headline", "H"), ("body", "Body.")]),
        # surrounding white space is not part of a paragraph
        ("   padded body   \n", [("body", "padded body")]),
    ],
)
def test_parse_document_parts(text: str, expected: list[tuple[str, str]]) -> None:
    assert parts(text) == expected


def test_format_document_round_trip() -> None:
    text = format_document(headline="Cameras  on", byline="By A", body=["One.", "", "CREDIT: looks like a label"],
                           captions=[("A camera.", "X/Agency"), ("", "")])
    assert text == ("HEADLINE: Cameras on\nBYLINE: By A\n\nOne.\n\nBODY: CREDIT: looks like a label\n\n"
                    "CAPTION: A camera.\nCREDIT: X/Agency\n")
    assert parts(text) == [("headline", "Cameras on"), ("byline", "By A"), ("body", "One."),
                           ("body", "CREDIT: looks like a label"), ("caption", "A camera."), ("credit", "X/Agency")]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab .\n\r\t:é“") + ["HEADLINE:", "CAPTION: ", "BODY:"]), max_size=40).map("".join))
def test_parse_document_offsets_property(text: str) -> None:
    """For any text: spans are ordered, disjoint, non-empty and trimmed."""
    previous_end = 0
    for para in parse_document(text):
        assert previous_end <= para.start < para.end <= len(text)
        chunk = text[para.start:para.end]
        assert chunk == chunk.strip()
        assert "\n\n" not in chunk.replace("\r", "")
        previous_end = para.end


def _reference_parse(text: str) -> list[tuple[str, int, int]]:
    """The format's rules written plainly, line by line (the first implementation), as an oracle."""
    import re

    label_re = re.compile(r"(HEADLINE|STANDFIRST|BYLINE|DATELINE|BODY|CAPTION|CREDIT):[ \t]*")
    out: list[tuple[str, int, int]] = []
    kind, start, end = None, None, 0
    offset = 0
    for raw in re.findall(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if raw == "" and offset >= len(text):
            break
        line = raw.rstrip("\r\n")
        if not line.strip():
            if kind is not None and start is not None and end > start:
                out.append((kind, start, end))
            kind, start = None, None
        elif label := label_re.match(line):
            if kind is not None and start is not None and end > start:
                out.append((kind, start, end))
            kind = label.group(1).lower()
            start = offset + label.end() if line[label.end():].strip() else None
            end = offset + len(line.rstrip())
        else:
            kind = kind or "body"
            start = offset + len(line) - len(line.lstrip()) if start is None else start
            end = offset + len(line.rstrip())
        offset += len(raw)
    if kind is not None and start is not None and end > start:
        out.append((kind, start, end))
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("ab .\n\r\t:é“\u2028\x0c") + ["HEADLINE:", "CAPTION: ", "BODY:", "BYLINE:\n",
                                                                  "Headline:", " DATELINE: ", "STANDFIRST: ", "CREDIT:"]),
                max_size=40).map("".join))
def test_parse_document_matches_the_reference(text: str) -> None:
    assert [tuple(p) for p in parse_document(text)] == _reference_parse(text)
