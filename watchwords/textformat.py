"""The Watchwords text format: a news report as a plain UTF-8 file anyone can write in an editor.

Rules (documented for users in ``corpus/DATASHEET.md``):

* Paragraphs are separated by blank lines.
* A line that starts with one of the labels ``HEADLINE:``, ``STANDFIRST:``, ``BYLINE:``,
  ``DATELINE:``, ``CAPTION:``, ``CREDIT:`` or ``BODY:`` (upper case, at the very start of the
  line) starts a new paragraph of that kind; the label and the spaces after it are not part of
  the paragraph.
* Any other non-blank line continues the open paragraph, or starts a ``body`` paragraph.
* ``BODY:`` is only needed when a body paragraph itself begins with one of the label words.

Example::

    HEADLINE: Moscow uses facial recognition cameras to track down draft evaders - TASS
    BYLINE: By REUTERS

    CAPTION: Russian reservists ... line up ...
    CREDIT: SERGEY PIVOVAROV/REUTERS

    Moscow authorities are using ...

Offsets: every span indexes the decoded file text exactly (``text[start:end]``), so a number in
a notebook can be traced back to the characters of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = ["PART_KINDS", "LABELS", "Paragraph", "parse_document", "format_document"]

#: Part kinds in the order a report usually shows them.
PART_KINDS: tuple[str, ...] = ("headline", "standfirst", "byline", "dateline", "body", "caption", "credit")
#: The labels of the text format, mapped to part kinds.
LABELS: dict[str, str] = {kind.upper(): kind for kind in PART_KINDS}

_LABEL_RE = re.compile(r"(HEADLINE|STANDFIRST|BYLINE|DATELINE|BODY|CAPTION|CREDIT):[ \t]*")
_LABEL_INITIALS = frozenset(label[0] for label in LABELS)
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


class Paragraph(NamedTuple):
    """One paragraph of a document: its part kind and its span in the document text (immutable)."""

    part: str
    start: int
    end: int


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """Yield (offset, line without its line break) for each line of ``text``.

    Line breaks are ``\n``, ``\r\n`` and ``\r``; other Unicode separators are ordinary text.
    """
    if "\r" not in text:  # the common case, without a regular expression
        offset = 0
        for line in text.split("\n"):
            yield offset, line
            offset += len(line) + 1
        return
    for match in _LINE_RE.finditer(text):
        if match.start() == match.end():
            break
        yield match.start(), match.group().rstrip("\r\n")


def parse_document(text: str) -> list[Paragraph]:
    """Split a document written in the Watchwords text format into paragraphs.

    Args:
        text: the decoded file content.

    Returns:
        Paragraphs in reading order. ``text[p.start:p.end]`` is the paragraph without its label
        and without leading or trailing white space; empty labelled lines give no paragraph.
    """
    paragraphs: list[Paragraph] = []
    kind: str | None = None
    start: int | None = None
    end = 0

    def close() -> None:
        if kind is not None and start is not None and end > start:
            paragraphs.append(Paragraph(kind, start, end))

    for offset, line in _lines(text):
        content = line.rstrip()
        if not content:  # a blank line closes the open paragraph
            close()
            kind, start = None, None
            continue
        label = _LABEL_RE.match(line) if line[0] in _LABEL_INITIALS else None
        if label:
            close()
            kind = LABELS[label.group(1)]
            # A label alone on its line: the paragraph starts on the next line.
            start = offset + label.end() if line[label.end():].strip() else None
            end = offset + len(content)
            continue
        if kind is None:
            kind = "body"
        if start is None:
            start = offset + (len(line) - len(line.lstrip()))
        end = offset + len(content)
    close()
    return paragraphs


def format_document(
    *,
    headline: str = "",
    standfirst: str = "",
    byline: str = "",
    dateline: str = "",
    body: Sequence[str] = (),
    captions: Sequence[tuple[str, str]] = (),
) -> str:
    """Write a report in the Watchwords text format.

    Args:
        headline, standfirst, byline, dateline: single-line parts (line breaks are folded to
            spaces); empty ones are left out.
        body: body paragraphs in order; a paragraph that would begin with a label word gets an
            explicit ``BODY:`` label so that it is read back as body text.
        captions: (caption, credit) pairs, written after the body.

    Returns:
        The document text; ``parse_document`` reads back the same parts.
    """

    def one_line(value: str) -> str:
        return " ".join(value.split())

    lines: list[str] = []
    for label, value in (("HEADLINE", headline), ("STANDFIRST", standfirst), ("BYLINE", byline), ("DATELINE", dateline)):
        if one_line(value):
            lines.append(f"{label}: {one_line(value)}")
    for paragraph in body:
        paragraph = one_line(paragraph)
        if not paragraph:
            continue
        if lines:
            lines.append("")
        lines.append(f"BODY: {paragraph}" if _LABEL_RE.match(paragraph) else paragraph)
    for caption, credit in captions:
        if not one_line(caption) and not one_line(credit):
            continue
        lines.append("")
        if one_line(caption):
            lines.append(f"CAPTION: {one_line(caption)}")
        if one_line(credit):
            lines.append(f"CREDIT: {one_line(credit)}")
    return "\n".join(lines) + "\n"
