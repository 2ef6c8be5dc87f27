"""Dictionary indicators: how a word or phrase of a dictionary matches the tokens of a sentence.

The one matcher behind the frame dictionary (and any dictionary of the same form). An indicator is written in
lower case, words separated by single spaces:

* a plain word matches its **inflected forms**: the word itself and the forms English regular inflection gives
  (``track`` → track, tracks, tracked, tracking; ``crackdown`` → crackdowns; ``detain`` → detained; ``identify``
  → identifies, identified; ``evader`` → evaders). Irregular forms are listed as indicators of their own
  (``caught``). Forms are generated, not stemmed: a stemmer would also join *police* and *policy*;
* ``=word`` matches the word exactly (no inflection), for words whose inflected forms mean something else;
* ``word*`` matches any word starting with ``word`` (``repress*``: repression, repressive, repressed);
* ``~`` between two words allows a **bounded gap** of up to two words, never across punctuation
  (``track ~ down``: "tracked down", "track them down", "tracking the men down").

Negation (:func:`negated`): an indicator is negated when a negator (*no, not, never, without, n't, nor, neither,
none*) stands within six words before it **in the same clause**: the scope ends at punctuation (``, ; : ( ) —``)
and at a word that opens a new clause (*which, who, whom, whose, because, while, although, though, whereas, but,
if, when, unless*), so "collected without consent, which violates the law" does not negate *violates the law*.
A negated infinitive ("a decision *not to send* conscripts abroad") negates only its verb, not what follows it.
(After the negation-scope rules of NegEx, Chapman et al. 2001, J. Biomedical Informatics 34(5), adapted to news
clauses.) Russian text is matched on lemmas, with the negators and clause words of
:mod:`watchwords.languages.ru` (не, нет, ни, без, никогда; который, потому, но, если, когда, что).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .languages.ru import ADJACENT_NEGATORS
from .languages.ru import CLAUSE_BREAKS as RU_CLAUSE_BREAKS
from .languages.ru import NEGATORS as RU_NEGATORS

__all__ = ["Indicator", "parse_indicator", "word_forms", "match_at", "negated", "NEGATORS", "CLAUSE_BREAKS"]

NEGATORS = frozenset({"no", "not", "never", "without", "n't", "nor", "neither", "none", "cannot"}) | RU_NEGATORS
#: Tokens that end a clause for negation scope.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "which", "who", "whom", "whose", "because", "while",
                           "although", "though", "whereas", "but", "if", "when", "unless"}) | RU_CLAUSE_BREAKS
_VOWELS = set("aeiou")
GAP = "~"
MAX_GAP = 2


def word_forms(word: str) -> frozenset[str]:
    """The regular inflected forms of an English word (and the word itself).

    Example:
        >>> sorted(word_forms("track"))
        ['track', 'tracked', 'tracking', 'tracks']
        >>> sorted(word_forms("identify"))
        ['identified', 'identifies', 'identify', 'identifying']
    """
    forms = {word}
    if not word.isascii() or not word.isalpha() or len(word) < 3:  # other languages are matched on lemmas
        return frozenset(forms)
    last, before = word[-1], word[-2]
    if last == "y" and before not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif last == "e":
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        # a short word ending consonant-vowel-consonant doubles its last letter: ban -> banned, stop -> stopping
        if (len(word) <= 4 and last not in _VOWELS | {"w", "x", "y"} and before in _VOWELS
                and word[-3] not in _VOWELS):
            forms |= {word + last + "ed", word + last + "ing"}
    return frozenset(forms)


@dataclass(frozen=True)
class Indicator:
    """A parsed indicator: one entry per word (a set of forms, or a prefix), with gaps allowed before some words."""

    text: str
    words: tuple[frozenset[str] | str, ...]  # forms, or a prefix string for a wildcard word
    gap_before: tuple[bool, ...]


def parse_indicator(text: str) -> Indicator:
    """Parse an indicator written in the syntax of the module docstring.

    Raises:
        ValueError: for an empty indicator, a gap at either end, or two gaps in a row.
    """
    parts = text.split()
    if not parts or parts[0] == GAP or parts[-1] == GAP:
        raise ValueError(f"indicator {text!r}: a gap (~) must stand between two words")
    words: list[frozenset[str] | str] = []
    gaps: list[bool] = []
    pending_gap = False
    for part in parts:
        if part == GAP:
            if pending_gap:
                raise ValueError(f"indicator {text!r}: two gaps in a row")
            pending_gap = True
            continue
        if part.endswith("*"):
            words.append(part[:-1])
        elif part.startswith("="):
            words.append(frozenset({part[1:]}))
        else:
            words.append(word_forms(part))
        gaps.append(pending_gap)
        pending_gap = False
    return Indicator(text, tuple(words), tuple(gaps))


def _word_matches(spec: frozenset[str] | str, word: str) -> bool:
    return word.startswith(spec) if isinstance(spec, str) else word in spec


def match_at(indicator: Indicator, words: Sequence[str], i: int) -> int | None:
    """The end position (exclusive) of a match of ``indicator`` starting at ``words[i]``, or None.

    ``words`` are lower-cased tokens, punctuation included (a gap never crosses a punctuation token).

    Example:
        >>> match_at(parse_indicator("track ~ down"), ["they", "tracked", "the", "men", "down"], 1)
        5
        >>> match_at(parse_indicator("track ~ down"), ["tracked", ",", "then", "down"], 0) is None
        True
    """
    if not _word_matches(indicator.words[0], words[i]):
        return None
    position = i + 1
    for spec, gap in zip(indicator.words[1:], indicator.gap_before[1:]):
        limit = position + (MAX_GAP if gap else 0)
        while position <= limit and position < len(words):
            if _word_matches(spec, words[position]):
                break
            if not words[position][:1].isalnum():  # punctuation ends a gap
                return None
            position += 1
        else:
            return None
        if position > limit or position >= len(words):
            return None
        position += 1
    return position


def negated(words: Sequence[str], i: int, *, window: int = 6) -> bool:
    """Whether the match starting at ``words[i]`` is negated (clause-scoped; rules in the module docstring).

    Example:
        >>> words = "collected without consent , which violates the law".split()
        >>> negated(words, 5), negated("a decision not to send conscripts abroad".split(), 5)
        (False, False)
        >>> negated("the cameras do not track anyone".split(), 4)
        True
    """
    start = max(0, i - window)
    for k in range(i - 1, start - 1, -1):
        word = words[k]
        if word in CLAUSE_BREAKS:
            return False
        if word in NEGATORS:
            if word in ADJACENT_NEGATORS and k != i - 1:
                continue  # Russian "не" negates the word right after it only
            # "not to send X": the negation covers the infinitive only
            if k + 2 < len(words) and words[k + 1] == "to" and i > k + 2:
                return False
            return True
    return False
