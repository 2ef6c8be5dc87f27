"""Tokens of a sentence for the attribution rules, and the speed shortcuts the rules rely on."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from ..text import token_regex
from .lexicon import abbreviations

WORDS = re.compile(r"[A-Za-z]+")  # cue forms are lower-case ASCII words; capitalised ones are lowered below


ENGLISH_MARKERS = {"the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "said"}


# A token is a plain tuple (text, low, start, end, quoted), indexed by these constants: tuples are
# built several times faster than objects, and a sentence with a cue has every token built.
Tok = tuple[str, str, int, int, bool]


TEXT: Final = 0


LOW: Final = 1


START: Final = 2


END: Final = 3


QUOTED: Final = 4


CLOSING = frozenset(",.;:?!)]\"”’'")


OPENING = frozenset("\"“‘([«„")  # not ' or ’: after a word character they may start a clitic


def sentence_tokens(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[Tok]:
    """The tokens of text[start:end] (:data:`watchwords.text.TOKEN_PATTERN`), flagged when inside a quote.

    Tokens never cross white space, so each white-space-delimited chunk is tokenized on its own; the
    common chunks (a word, a word with one closing or opening mark, a possessive, a hyphenated word)
    are split without the regex, which gives the same tokens (tests/test_attribution.py checks this
    on arbitrary text).
    """
    toks: list[Tok] = []
    append = toks.append
    regex = token_regex()
    segment = text[start:end]
    find = segment.find
    offset = 0
    for word in segment.split():  # str.split and the regex \s agree on what white space is
        a = find(word, offset)
        offset = a + len(word)
        a += start
        if word.isalpha():  # most tokens
            append((word, word.lower(), a, offset + start, False))
        elif word[-1] in CLOSING and word[:-1].isalpha():
            b = a + len(word) - 1
            append((word[:-1], word[:-1].lower(), a, b, False))
            append((word[-1], "'" if word[-1] == "’" else word[-1], b, b + 1, False))
        elif word[0] in OPENING and word[1:].isalpha():
            append((word[0], word[0], a, a + 1, False))
            append((word[1:], word[1:].lower(), a + 1, a + len(word), False))
        elif word[-2:] in ("'s", "’s") and word[:-2].isalpha():  # a possessive or "is": "city's" -> city 's
            b = a + len(word) - 2
            append((word[:-2], word[:-2].lower(), a, b, False))
            append((word[-2:], "'s", b, b + 2, False))
        elif "-" in word and all(part.isalpha() for part in word.split("-")):  # "state-owned": one token
            append((word, word.lower(), a, a + len(word), False))
        else:
            for match in regex.finditer(text, a, a + len(word)):
                piece = match.group()
                append((piece, piece.lower().replace("’", "'"), match.start(), match.end(), False))
    # the quotations of this span: quotes are in text order and never overlap, so bisect finds them (a paragraph
    # of thousands of short quoted sentences stays linear)
    first = bisect_left(quotes, (start,))
    if first > 0 and quotes[first - 1][1] > start:
        first -= 1
    inside = []
    for a, b in quotes[first:]:
        if a >= end:
            break
        if b > start:
            inside.append((a, b))
    if inside:  # one pass: tokens and quotations are both in text order, quotations never overlap
        flagged = []
        k = 0
        for tok in toks:
            while k < len(inside) and inside[k][1] <= tok[START]:
                k += 1
            flagged.append(tok[:4] + (True,) if k < len(inside) and inside[k][0] <= tok[START] else tok)
        toks = flagged
    return toks


def is_capital(tok: Tok) -> bool:
    return tok[TEXT][:1].isupper()


def abbreviation(tok: Tok) -> bool:
    """A title abbreviation or an initial that a period belongs to ("Mr", "Rep", "D")."""
    return (len(tok[TEXT]) == 1 and tok[TEXT].isupper()) or tok[LOW] in abbreviations()


def trim_span(text: str, start: int, end: int, *, final: str = ",;:—–-.") -> tuple[int, int]:
    """A content span without the white space and the punctuation at its edges: ``,;:`` and dashes at the start,
    those and ``final`` at the end (Russian content also drops a final ``!`` or ``?``: ``final=",;:—–-.!?"``)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in final):
        end -= 1
    return start, end


def looks_english(text: str) -> bool:
    """At least 4% of the first words (about 120) are frequent English function words (under 20 words pass)."""
    words = text[:800].lower().split()
    if len(words) < 20:
        return True
    if sum(map(ENGLISH_MARKERS.__contains__, words)) / len(words) >= 0.04:
        return True  # enough without stripping punctuation (stripping only adds matches)
    stripped = map(str.strip, words, [".,;:!?\"“”'()"] * len(words))
    return sum(map(ENGLISH_MARKERS.__contains__, stripped)) / len(words) >= 0.04


def ascii_words(text: str, lowered: str, start: int, end: int) -> list[str]:
    """The lower-cased ASCII letter runs of text[start:end] (from ``lowered``, the lower-cased text, when given)."""
    return WORDS.findall(lowered, start, end) if lowered else WORDS.findall(text[start:end].lower())
