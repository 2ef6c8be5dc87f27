"""Tokens of a sentence for the attribution rules, and the speed shortcuts the rules rely on, all in this module:

* :func:`sentence_tokens`: tokens as plain tuples, split chunk by chunk without the regex for the common chunks
  (a test checks they equal :data:`watchwords.text.TOKEN_PATTERN`'s on arbitrary text);
* :func:`ascii_words`: the words that decide whether a sentence can hold a cue at all (the rules skip the others
  without tokenising them);
* :class:`ClauseIndex`: one pass per sentence that answers where a content ends in constant time, and
  :data:`MAX_CONTENT_TOKENS`, the bound that keeps the output linear in the input
  (``python bench/bench_attribution.py --hostile`` times them).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Final

from ..text import token_regex
from .lexicon import NOT_IN_SUBJECT, REPORTER_CLAUSE, abbreviations

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
    for k in range(first, len(quotes)):  # by index: a slice would copy the paragraph's later quotations each time
        a, b = quotes[k]
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


#: The longest indirect content, in tokens: longer runs are text the sentence splitter could not cut (a list, a
#: table, a hostile input), and the bound keeps the output, and so the time, linear in the input.
MAX_CONTENT_TOKENS = 200


class ClauseIndex:
    """One pass over a sentence's tokens that answers, in constant time, where a reported clause ends
    (:meth:`clause_end`), where a trailing ", citing X" / ", according to X" starts (:meth:`citing_at`), the nearest
    clause break on the left (:meth:`break_before`) and how many unquoted words and quoted tokens a range holds:
    the speed shortcut that keeps a sentence of thousands of cues ('He said that ' repeated) linear."""

    def __init__(self, toks: list[Tok], verbs: dict[str, Any] | None) -> None:
        n = len(toks)
        self.toks = toks
        self.next_local = [n] * (n + 1)  # first k' >= k ending a clause by the token pair at k', k' + 1
        self.next_comma_verb = [n] * (n + 1)  # first comma or semicolon k' >= k with a cue verb within 2..9 after
        self.verb_after = [n] * (n + 1)  # for such a comma, the index of that verb
        self.next_citing = [n] * (n + 1)
        self.previous_break = [-1] * (n + 1)  # last k' <= k that is a comma, a dash or a colon
        self.words = [0] * (n + 1)  # prefix counts of unquoted word tokens
        self.quoted = [0] * (n + 1)  # prefix counts of quoted tokens
        next_verb = n
        verb_from = [n] * (n + 1)  # first unquoted cue verb at or after k
        for k in range(n - 1, -1, -1):
            if verbs is not None and toks[k][LOW] in verbs and not toks[k][QUOTED]:
                next_verb = k
            verb_from[k] = next_verb
        for k in range(n - 1, -1, -1):
            self.next_local[k] = k if k < n - 1 and self._local(k) else self.next_local[k + 1]
            tok = toks[k]
            verb = verb_from[k + 2] if k + 2 <= n else n
            if verbs is not None and k < n - 1 and tok[TEXT] in (",", ";") and verb < k + 10 and not (
                    tok[QUOTED] or toks[k + 1][QUOTED]):
                self.next_comma_verb[k], self.verb_after[k] = k, verb
            else:
                self.next_comma_verb[k] = self.next_comma_verb[k + 1]
            self.next_citing[k] = k if k < n - 1 and tok[LOW] == "," and toks[k + 1][LOW] in (
                "citing", "according") else self.next_citing[k + 1]
        last = -1
        for k, tok in enumerate(toks):
            if tok[LOW] in (",", "—", "–", ":"):
                last = k
            self.previous_break[k] = last
            self.words[k + 1] = self.words[k] + (1 if tok[TEXT][:1].isalnum() and not tok[QUOTED] else 0)
            self.quoted[k + 1] = self.quoted[k] + (1 if tok[QUOTED] else 0)

    def _local(self, k: int) -> bool:
        toks = self.toks
        tok, following = toks[k], toks[k + 1]
        if tok[QUOTED] or following[QUOTED]:
            return False
        if tok[TEXT] in ("—", "–") and following[TEXT][:1].isalpha():
            return True
        if tok[TEXT] == "," and (following[LOW] in REPORTER_CLAUSE or following[LOW] in ("who", "whose") or (
                following[LOW] == "and" and k + 2 < len(toks) and toks[k + 2][LOW] in NOT_IN_SUBJECT)):
            return True
        return tok[LOW] == "but" and following[LOW] in NOT_IN_SUBJECT

    def clause_end(self, rest: int, stop: int, end: int, *, verbs: bool = True) -> int:
        """Where an indirect content that starts at toks[rest] ends: at a comma (or a dash) that opens a clause of
        the reporter's (:data:`REPORTER_CLAUSE`, a relative clause on "who", or "and"/"but" followed by a verb
        without a subject), or, with ``verbs``, at a comma after which another cue follows within eight words
        ("..., and more than 4 in 10 said", "..., Hackett said": another relation begins); never inside a
        quotation, never before the third word; ``end`` (a character offset) when none comes before toks[stop]."""
        first = rest + 3
        if stop > rest + MAX_CONTENT_TOKENS:  # a "sentence" this long is no sentence: the content ends by length
            stop, end = rest + MAX_CONTENT_TOKENS, self.toks[rest + MAX_CONTENT_TOKENS][START]
        limit = min(stop, len(self.toks) - 1)
        if first >= limit:
            return end
        best = self.next_local[first]
        if verbs:
            k = self.next_comma_verb[first]
            while k < min(best, limit) and self.verb_after[k] >= stop:
                k = self.next_comma_verb[k + 1]  # the verb lies past the stop: at most ten such commas
            best = min(best, k)
        return self.toks[best][START] if best < limit else end

    def citing_at(self, rest: int) -> int:
        """The index of the first ", citing" / ", according" comma at or after toks[rest] (len(toks) if none)."""
        return self.next_citing[rest] if rest < len(self.toks) else len(self.toks)

    def break_before(self, k: int) -> int:
        """The index of the last comma, dash or colon at or before toks[k] (-1 if none)."""
        return self.previous_break[k] if k >= 0 else -1

    def count_words(self, a: int, b: int) -> int:
        return self.words[b] - self.words[a]

    def any_quoted(self, a: int, b: int) -> bool:
        return self.quoted[b] > self.quoted[a]
