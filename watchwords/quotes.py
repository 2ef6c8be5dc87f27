"""Quotation marks and quoted spans: the one definition every module uses.

A quotation opens with one of ``“`` ``«`` ``„`` ``"`` and the typewriter pairs ``''`` and ````` `` `````, and
closes with its partner: ``“ ”``, ``« »``, ``„ “`` (German) or ``„ ”`` (Polish, Russian handwriting),
``" "``, ``'' ''``, ````` `` '' `````. A closing mark (``”``, ``»``) never opens a quotation; a quotation that is
not closed runs to the end of the span searched (a paragraph, usually: quotes in news reports do not cross
paragraphs without being reopened). Guillemets around a Russian **name** (система «Безопасный город»; rule in
:func:`is_name_quote`) are not a quotation. Quotations do not nest: marks inside an open quotation other than its
closer are part of the quoted text.

Single quotation marks (``‘ ’``) are not quotation marks here: in news text they are mostly apostrophes and
scare quotes, which :func:`watchwords.hedges` reads separately.

Used by :func:`watchwords.tokens` (``voice="quoted"``), :func:`watchwords.attributions` and
:func:`watchwords.voice`, the hedges' scare quotes and the attribution evaluation, so that all of them agree on
what is quoted.
"""

from __future__ import annotations

import re

__all__ = ["QUOTE_PAIRS", "QUOTE_MARKS", "QUOTE_MARK_RE", "quote_spans", "mark_positions", "is_name_quote"]

#: Opening mark -> its closing mark.
QUOTE_PAIRS: dict[str, str] = {"“": "”", "«": "»", "„": "“", '"': '"', "''": "''", "``": "''"}
#: Opening marks with a second accepted closer: „ ” (Polish), and the straight and curly double quotes, which
#: scraped and edited news text mixes ("... ” and “ ... ").
_ALTERNATIVE_CLOSERS: dict[str, str] = {"„": "”", '"': "”", "“": '"'}
#: Every quotation mark, opening or closing (for ``str.find`` and ``in``).
QUOTE_MARKS: tuple[str, ...] = ('"', "“", "”", "«", "»", "„", "''", "``")
#: A regular expression matching one quotation mark (two-character marks first).
QUOTE_MARK_RE = re.compile(r"''|``|[\"“”«»„]")


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int, int]]:
    """The quotations in ``text[start:end]``: (open mark start, content start, content end, close mark end).

    Offsets index ``text``. An empty quotation (two marks side by side) is skipped; an unclosed one runs to
    ``end`` (its content end and close end are both ``end``).

    Example:
        >>> quote_spans('He said "no" and «да».')
        [(8, 9, 11, 12), (17, 18, 20, 21)]
    """
    end = len(text) if end is None else end
    spans = []
    closer: str | None = None
    alternative: str | None = None
    opened = opened_end = 0
    for match in QUOTE_MARK_RE.finditer(text, start, end):
        mark = match.group()
        if closer is None:
            if mark in QUOTE_PAIRS and mark not in ("”", "»"):
                closer, opened, opened_end = QUOTE_PAIRS[mark], match.start(), match.end()
                alternative = _ALTERNATIVE_CLOSERS.get(mark)
        elif mark == closer or (alternative is not None and mark == alternative):
            if match.start() > opened_end and not (mark == "»" and is_name_quote(text[opened_end:match.start()])):
                spans.append((opened, opened_end, match.start(), match.end()))
            closer = None
    if closer is not None and end > opened_end:
        spans.append((opened, opened_end, end, end))
    return spans


_NAME_QUOTE = re.compile(r"[А-ЯЁA-Z0-9][^.,!?:;«»„“”\"]{0,60}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def is_name_quote(content: str) -> bool:
    """Whether quoted Russian text is a **name** rather than someone's words: Russian typography puts proper names
    of organisations, programmes, newspapers and products in guillemets (система «Безопасный город», газета
    «Коммерсантъ»). Rule: Cyrillic text of at most four words, starting with a capital letter or a digit, with no
    sentence punctuation inside and no verb or personal pronoun (pymorphy3's most probable parse; a quotation
    as short as «Мы их находим» has both). Names are not quoted voice (:func:`watchwords.tokens`) and not
    quotations (:func:`watchwords.attributions`).

    Example:
        >>> is_name_quote("Безопасный город"), is_name_quote("Мы их находим"), is_name_quote("Москва, 2023")
        (True, False, False)
    """
    if not _CYRILLIC.search(content) or len(content.split()) > 4 or _NAME_QUOTE.fullmatch(content.strip()) is None:
        return False
    from .languages.ru import speech_like

    return not speech_like(content)


def mark_positions(text: str) -> list[int]:
    """Sorted start offsets of the quotation marks in ``text`` (``str.find`` is many times faster than the
    regular expression on text with few quotations; a paragraph without any can skip :func:`quote_spans`).

    Example:
        >>> mark_positions("a “b” c")
        [2, 4]
    """
    positions = []
    for mark in QUOTE_MARKS:
        at = text.find(mark)
        while at >= 0:
            positions.append(at)
            at = text.find(mark, at + 1)
    positions.sort()
    return positions
