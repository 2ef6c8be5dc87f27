"""Attribution analysis: who is given voice, how, and through which chain of sources.

:func:`attributions` finds attribution relations (source, cue, content) with rules over NLTK
tokens (:data:`watchwords.text.TOKEN_PATTERN`) and lexicons written for the project
(``watchwords/data/en/reporting_verbs.csv``, ``en/role_nouns.csv``, ``sources.csv``); no parser and no
downloaded model. It follows the relation scheme of PARC (Pareti 2016) and PolNeAR (Newell,
Margolin & Ruths 2018): a *cue* (the reporting verb or phrase) links a *source* (who) to a
*content* (what), which may be split into several spans.

Rules, in the order they are applied within each paragraph:

1. **Direct quotes**: text between paired quotation marks (straight, curly, « », „ “; a quote
   still open at the end of a paragraph runs to its end). Its cue is the nearest reporting verb
   outside quotes in the same sentence (or, for a quote filling its sentence, the neighbouring
   sentence of the paragraph); the source is the phrase between the quote and the cue
   (``"...," Moscow's chief enlistment officer Maxim Loktev told TASS``), or after an inverted
   cue (``"...," said Loktev``), or before a colon (``Loktev said: "..."``). Two quotes around one
   cue (``"A," he said, "B."``) are one relation with two content spans.
2. **Indirect speech** with a reporting verb: the source is the phrase ending just before the
   verb (capitalised words, role nouns, possessives, determiners, "of"/"for"), the content is
   what follows (from "that", and after the addressee of "told"); when nothing follows, the
   attribution trails its content (``..., the state-owned news agency TASS reported``) and the
   content is the clause before the source. Inverted ``..., said X`` likewise.
3. **"according to X"** before or after its content; **"citing X"** gives a relation nested in
   the preceding one (its ``parent``), sharing that relation's content.
4. **Headline attribution**: a headline ending in `` - TASS`` or ``: TASS``.
5. **Agentless attribution**: "it was reported", "is reported as saying", "was quoted as
   saying", "reportedly", "allegedly": kind "no explicit source".

Pronoun sources (he, she, it, they) are resolved to the most recent compatible named source in
the document. Sources are typed by the known-source lexicon first, then by their role noun;
otherwise "unclassified" (never guessed).

Kinds: ``direct`` (content wholly inside quotation marks), ``mixed`` (content partly quoted),
``indirect``, ``no explicit source``. Texts not in English (by the manifest's language, or a
text with almost no English function words) are skipped with a warning.
"""

from __future__ import annotations

import os
import re
import warnings
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter
from pathlib import Path
from typing import Any, Final

import pandas as pd

from .documents import paragraphs_of, sentences_of
from .languages import in_language
from .quotes import QUOTE_MARKS, mark_positions, quote_spans
from .resources import language_code, read_table
from .tables import as_corpus, require_kind, returns
from .text import token_regex

__all__ = ["attributions", "attribution_chains", "attribution_hops", "voice", "reporting_verbs", "known_sources",
           "role_nouns", "ATTRIBUTION_COLUMNS", "trim_span"]

ATTRIBUTION_COLUMNS = [
    "doc_id", "relation_id", "para_id", "sent_id", "part", "kind",
    "source", "source_start", "source_end", "cue", "cue_start", "cue_end",
    "content", "content_start", "content_end", "content_spans",
    "cue_lemma", "stance", "speech", "source_canonical", "source_role", "source_type", "addressee", "parent",
]

_PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "any", "we": "any", "i": "person"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "another", "one",
                "some", "many", "several", "two", "three", "four", "both", "other", "most", "all"}
_LEADING_CLAUSE = {"when", "while", "but", "and", "as", "if", "after", "because", "since", "though", "although",
                   "so", "then", "yet", "now", "here", "there"}
_CONNECTORS = {"of", "for", "at"}
_SKIP_BEFORE_CUE = {"also", "later", "earlier", "previously", "has", "had", "have", "then", "again", "further",
                    "recently", "repeatedly", "once", "publicly", "separately", "would", "will", "did", "does",
                    "do", "only", "never", "first", "already", "had", "reportedly", "allegedly"}
_CLAUSE_WORDS = {"that", "and", "but", "or", "which", "who", "while", "when", "because", "as", "if", "after",
                 "before", "since", "although", "though", "where", "so", "to"}
_AGENTLESS = re.compile(  # (?=[ahirw]): every alternative starts with one of these; it lets re skip ahead fast
    r"(?=[ahirw])\b(?:it\s+(?:is|was|has\s+been|had\s+been)\s+(?:reported|said|claimed|alleged|announced)"
    r"|(?:is|was|are|were|has\s+been|have\s+been)\s+(?:reported|quoted|said|cited)\s+as\s+saying"
    r"|(?:is|was|are|were)\s+(?:reported|said|claimed|alleged)\s+to"
    r"|reportedly|allegedly)\b", re.IGNORECASE)
_AGENTLESS_WORDS = frozenset({"reported", "said", "claimed", "alleged", "announced", "quoted", "cited", "reportedly",
                               "allegedly"})
_WORDS = re.compile(r"[A-Za-z]+")  # cue forms are lower-case ASCII words; capitalised ones are lowered below
_NOUN_CONTEXT = {"united", "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
                 "your", "in", "of", "to", "new", "latest", "first", "final", "annual", "for", "with", "by", "no"}
_CUE_RIGHT = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|then|earlier|later|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?"
    r"(?:\s+(?:in|during|at|on)\s+(?:a|an|his|her|their|the|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:interview|statement|email|e-mail|post|tweet|letter|speech|briefing|conference|call|release|hearing)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?)?")
_CUE_LEFT = {"has", "have", "had", "also", "repeatedly", "often", "now", "later", "earlier", "previously", "again",
             "recently", "publicly", "separately", "further", "would", "will", "first", "then", "just", "once",
             "even", "never", "does", "did", "do"}

_HEADLINE_SOURCE = re.compile(r"\s[-–—:]\s*([A-Z][\w.&'’/ -]{1,40}?)\s*$")
_ENGLISH_MARKERS = {"the", "and", "of", "to", "in", "is", "was", "that", "for", "on", "with", "said"}


# ------------------------------------------------------------------------------------ lexicons

def reporting_verbs() -> pd.DataFrame:
    """The reporting-verb lexicon: lemma, forms, stance, speech (``watchwords/data/en/reporting_verbs.csv``)."""
    return read_table("reporting_verbs")


def role_nouns() -> pd.DataFrame:
    """Role nouns with the source type they signal (``watchwords/data/en/role_nouns.csv``)."""
    return read_table("role_nouns")


def known_sources() -> pd.DataFrame:
    """Known sources: canonical, aliases, source_type, kind (``watchwords/data/sources.csv``)."""
    return read_table("sources")


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, tuple[str, str, str]]  # form -> (lemma, stance, speech)
    multi: dict[str, list[tuple[tuple[str, ...], tuple[str, str, str]]]]  # first word -> multiword cue forms
    roles: dict[str, str]
    aliases: list[tuple[re.Pattern[str], str, str, str]]  # (pattern, canonical, type, kind)
    quick: frozenset[str]  # words that can start a cue: sentences without one (and without quotes) are skipped


@lru_cache(maxsize=1)
def reporting_lexicon() -> _Lexicon:
    """The compiled packaged lexicons (reporting-verb forms, multi-word cues, role nouns, source aliases), built once."""
    return _compile_lexicon(reporting_verbs())


_STANCES = ("neutral", "endorsing", "distancing", "oppositional", "tentative", "directive")


def load_reporting_verbs(lexicon: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """A reporting-verb lexicon, checked: the packaged one (None, ``"en"``, ``"english"``), a CSV file with the
    columns of ``watchwords/data/en/reporting_verbs.csv`` (lemma, forms, stance, speech), or such a DataFrame.

    Raises:
        ValueError: (one line, naming the row) for a missing file or column, an empty lexicon, a form list
            that is empty, a stance outside neutral / endorsing / distancing / oppositional / tentative /
            directive, or a speech value other than yes / no.
    """
    if lexicon is None or (isinstance(lexicon, str) and language_code(lexicon) == "en"):
        return reporting_verbs()
    if isinstance(lexicon, pd.DataFrame):
        table, where = lexicon.astype(str), "the lexicon DataFrame"
    else:
        path = Path(str(lexicon))
        if not path.is_file():
            raise ValueError(f"lexicon {str(lexicon)!r}: no such file; pass a CSV path, a DataFrame, or None for the "
                             "packaged lexicon")
        table, where = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False), str(path)
    missing = {"lemma", "forms", "stance", "speech"} - set(table.columns)
    if missing:
        raise ValueError(f"{where}: missing column(s) {sorted(missing)}; the header needs lemma,forms,stance,speech")
    if table.empty:
        raise ValueError(f"{where}: the lexicon is empty; give at least one reporting verb")
    for number, row in enumerate(table.itertuples(index=False), start=1):
        if not [f for f in str(row.forms).split("|") if f.strip()]:
            raise ValueError(f"{where}: row {number}: no forms for {row.lemma!r}; list them separated by |")
        if row.stance not in _STANCES:
            raise ValueError(f"{where}: row {number}: stance {row.stance!r}; use one of {', '.join(_STANCES)}")
        if row.speech not in ("yes", "no"):
            raise ValueError(f"{where}: row {number}: speech {row.speech!r}; use yes or no")
    return table


def _compile_lexicon(verb_table: pd.DataFrame) -> _Lexicon:
    verbs: dict[str, tuple[str, str, str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], tuple[str, str, str]]]] = {}
    for row in verb_table.itertuples(index=False):
        for form in str(row.forms).lower().split("|"):
            words = tuple(form.split())
            if not words:
                continue
            if len(words) == 1:
                verbs[form] = (row.lemma, row.stance, row.speech)
            else:
                multi.setdefault(words[0], []).append((words, (row.lemma, row.stance, row.speech)))
    quick = frozenset(verbs) | frozenset(multi) | {"reportedly", "allegedly"}
    roles = {r.role: r.source_type for r in role_nouns().itertuples(index=False)}
    for role, source_type in list(roles.items()):  # plurals: "groups", "ministries"
        plural = role[:-1] + "ies" if role.endswith("y") else role + "s"
        roles.setdefault(plural, source_type)
    aliases = []
    for row in known_sources().itertuples(index=False):
        for alias in sorted(row.aliases.split("|"), key=len, reverse=True):
            flags = 0 if alias.isupper() and len(alias) <= 4 else re.IGNORECASE
            aliases.append((re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)", flags), row.canonical, row.source_type,
                            row.kind))
    aliases.sort(key=lambda item: len(item[0].pattern), reverse=True)
    return _Lexicon(verbs, multi, roles, aliases, quick)


# ------------------------------------------------------------------------------------ tokens

# A token is a plain tuple (text, low, start, end, quoted), indexed by these constants: tuples are
# built several times faster than objects, and a sentence with a cue has every token built.
_Tok = tuple[str, str, int, int, bool]
TEXT: Final = 0
LOW: Final = 1
START: Final = 2
END: Final = 3
QUOTED: Final = 4


_CLOSING = frozenset(",.;:?!)]\"”’'")
_OPENING = frozenset("\"“‘([«„")  # not ' or ’: after a word character they may start a clitic




def _tokens(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[_Tok]:
    """The tokens of text[start:end] (:data:`watchwords.text.TOKEN_PATTERN`), flagged when inside a quote.

    Tokens never cross white space, so each white-space-delimited chunk is tokenized on its own; the
    common chunks (a word, a word with one closing or opening mark, a possessive, a hyphenated word)
    are split without the regex, which gives the same tokens (tests/test_attribution.py checks this
    on arbitrary text).
    """
    toks: list[_Tok] = []
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
        elif word[-1] in _CLOSING and word[:-1].isalpha():
            b = a + len(word) - 1
            append((word[:-1], word[:-1].lower(), a, b, False))
            append((word[-1], "'" if word[-1] == "’" else word[-1], b, b + 1, False))
        elif word[0] in _OPENING and word[1:].isalpha():
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




def _is_capital(tok: _Tok) -> bool:
    return tok[TEXT][:1].isupper()


def _source_left(toks: list[_Tok], cue_index: int, lexicon: _Lexicon, *, common: bool = True
                 ) -> tuple[int, int] | None:
    """Token range [i, j) of the source phrase ending before toks[cue_index] (skipping adverbs, and the
    auxiliary of "was quoted as saying"); with ``common``, a lower-case subject phrase too (for verbs of saying;
    a lower-case subject of *find* or *show* is mostly not a source: "City cameras find men")."""
    j = cue_index
    passive_cue = toks[cue_index][LOW] == "quoted"
    while j > 0 and (toks[j - 1][LOW] in _SKIP_BEFORE_CUE or (passive_cue and toks[j - 1][LOW] in ("was", "is", "were", "are"))):
        j -= 1
    if j == 0:
        return None
    if toks[j - 1][TEXT] == ")":  # "Sen. Bernie Sanders (I-Vt.) said": the name before the parenthesis
        opening = next((k for k in range(j - 2, max(j - 9, -1), -1) if toks[k][TEXT] == "("), None)
        if opening is not None and opening > 0:
            name = _source_left(toks, opening, lexicon, common=common)
            return (name[0], j) if name else None
    if toks[j - 1][LOW] == "who" and j >= 2 and toks[j - 2][TEXT] in (",", "who") or (
            toks[j - 1][LOW] == "who" and j == cue_index):
        return (j - 1, j)  # "Podesta, who said ...": the relative pronoun, as PolNeAR marks it
    if toks[j - 1][LOW] in ("and", "but") and j >= 2:
        return _coordinated_subject(toks, j - 1, lexicon)
    head = toks[j - 1]
    if head[QUOTED]:
        return None
    if head[LOW] in _PRONOUNS:
        return (j - 1, j)
    if not (_is_capital(head) or head[LOW] in lexicon.roles):
        return _clause_subject(toks, j, lexicon) if common else None
    i = j - 1
    lowercase_run = 0
    while i > 0:
        tok = toks[i - 1]
        if tok[QUOTED]:
            break
        if tok[LOW] in ("'s", "'"):
            i -= 1
            continue
        if tok[TEXT] == "." and i - 2 >= 0 and _abbreviation(toks[i - 2]):
            i -= 1
            continue
        if tok[LOW] == "and" and i - 2 >= 0 and _is_capital(toks[i - 2]) and _is_capital(toks[i]):
            i -= 1
            continue
        if _is_capital(tok) or tok[LOW] in lexicon.roles:
            lowercase_run = 0
            i -= 1
            continue
        if tok[LOW] in _DETERMINERS:
            if not (tok[LOW] in ("that", "this") and _is_capital(toks[i])):  # "that Comey said": a complementiser
                i -= 1
            break
        if tok[LOW] in ("what", "until", "unless", "than"):
            break
        if tok[LOW] in _CONNECTORS and i - 2 >= 0 and (_is_capital(toks[i - 2]) or toks[i - 2][LOW] in lexicon.roles):
            i -= 1
            continue
        if (tok[TEXT][:1].isalpha() and tok[LOW] not in _CLAUSE_WORDS and tok[LOW] not in lexicon.verbs
                and lowercase_run < 3 and not tok[LOW].endswith("ly")):
            lowercase_run += 1
            i -= 1
            continue
        break
    # the head before "of/for/to": "one of the former prosecutors", "a spokesman for the police", "aides to Clinton"
    while i >= 2 and toks[i - 1][LOW] in ("of", "for", "to", "at", "from") and (
            toks[i - 2][LOW] in lexicon.roles or toks[i - 2][LOW] in _QUANTIFIERS) and not toks[i - 2][QUOTED]:
        i -= 2
        if i > 0 and toks[i - 1][LOW] in _ARTICLES:
            i -= 1
    while i < j - 1 and (toks[i][LOW] in _CONNECTORS or toks[i][LOW] in _LEADING_CLAUSE or toks[i][TEXT] == "."):
        i += 1  # a phrase does not start with "of", a clause word ("When Clinton said") or a period
    # an apposition before the cue: "Scott Pruitt, the attorney general of Oklahoma, said"
    return (i, j)


#: Words that are never part of a subject noun phrase: auxiliaries, modals and common finite verbs.
_NOT_IN_SUBJECT = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
                             "can", "could", "should", "may", "might", "must", "do", "does", "did", "not", "n't",
                             "am", "'re", "'ve", "'d", "'ll", "get", "got", "gets", "made", "make", "took",
                             "take", "went", "go", "came", "come", "became", "become", "seemed", "seems", "seem"})
#: Prepositions allowed inside a subject noun phrase ("Six in 10 voters", "the head of the agency").
_SUBJECT_PREPOSITIONS = frozenset({"of", "in", "for", "from", "at", "with", "on"})
#: Quantifiers that head a source phrase before "of" ("one of the prosecutors", "most of the delegates").
_QUANTIFIERS = frozenset({"one", "some", "many", "most", "all", "none", "each", "several", "few", "two", "three",
                          "four", "both", "any", "half", "members", "people", "aides", "allies", "friends"})
#: Closing quotation marks as tokens.
_QUOTE_CLOSERS = frozenset({'"', "”", "''", "’", "'"})
#: Determiners that cannot end a noun phrase ("both", "many", "all" can: "both said").
_ARTICLES = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "another"})
#: Tokens after which a clause, and so its subject, begins.
_CLAUSE_OPENERS = frozenset({",", ";", ":", "—", "–", "(", "that", "but", "and", "while", "because", "although",
                             "though", "whereas", "if", "when", "as", "so", "what", "until", "unless", "than",
                             "whom", "whether"})


def _coordinated_subject(toks: list[_Tok], conjunction: int, lexicon: _Lexicon) -> tuple[int, int] | None:
    """The subject of a coordinated or participial cue ("Clinton celebrated in Florida ... and said", "The
    spokesman refused to answer but said", "In April, Twitter reported ... and said", "the ACLU has sued the city,
    saying"): the capitalised or role-headed noun phrase that opens the clause (the sentence, after an
    introductory phrase ending in a comma, or the last ", and" / ";" before the cue), if a verb follows it."""
    start = 0
    for k in range(conjunction - 1, 0, -1):
        if toks[k][TEXT] == ";" or (toks[k][LOW] in ("and", "but") and toks[k - 1][TEXT] == ","):
            start = k + 1
            break
    else:
        for k in range(0, min(8, conjunction)):
            if toks[k][TEXT] in (",", "—", "–"):  # an introductory phrase, or a dateline ("WASHINGTON —")
                start = k + 1
                break
    if start < conjunction and toks[start][LOW] in _PRONOUNS:
        return (start, start + 1) if start + 1 < conjunction and toks[start + 1][TEXT][:1].isalpha() else None
    j = start
    while j < conjunction and j - start < 9 and not toks[j][QUOTED] and (
            _is_capital(toks[j]) or toks[j][LOW] in lexicon.roles or toks[j][LOW] in ("'s", "’s", ".") or
            (j == start and toks[j][LOW] in _ARTICLES)):
        j += 1
    if j < conjunction and toks[j][TEXT] == "(":  # "Sen. Bernie Sanders (I-Vt.) defended"
        closing = next((k for k in range(j + 1, min(j + 8, conjunction)) if toks[k][TEXT] == ")"), None)
        if closing is not None:
            j = closing + 1
    if j == start or j >= conjunction or toks[j][TEXT][:1].isupper() or not toks[j][TEXT][:1].isalpha():
        return None
    if not any(_is_capital(t) or t[LOW] in lexicon.roles for t in toks[start:j]) or toks[start][LOW] in _LEADING_CLAUSE:
        return None
    return (start, j)


def _clause_subject(toks: list[_Tok], j: int, lexicon: _Lexicon) -> tuple[int, int] | None:
    """A lower-case subject noun phrase ending before toks[j] and opening its clause: "Abortion opponents said",
    "61 percent said", "both candidates said", "a source close to him said", "three-quarters said". At most eight
    words, no verb or auxiliary, prepositions only inside; it must reach the start of the sentence or of a clause."""
    i = j
    while i > 0 and j - i < 8:
        tok = toks[i - 1]
        low = tok[LOW]
        if tok[QUOTED] or low in _QUOTE_CLOSERS:
            break  # '"...," the RNC member said': a quotation ends the subject on its left
        if low in _NOT_IN_SUBJECT or low in lexicon.verbs or low.endswith("ly"):
            return None
        if low in _CLAUSE_OPENERS or low in _CLAUSE_WORDS:
            break
        if not (tok[TEXT][:1].isalnum() or low in ("%", "-", "'s", "’s", "$")):
            return None
        i -= 1
    else:
        if i > 0:
            return None  # too long to be a subject
    while i < j and (toks[i][LOW] in _SUBJECT_PREPOSITIONS or toks[i][LOW] in _LEADING_CLAUSE):
        i += 1
    if i >= j or toks[j - 1][LOW] in _SUBJECT_PREPOSITIONS or toks[j - 1][LOW] in _ARTICLES:
        return None
    return (i, j)


def _cue_span(text: str, toks: list[_Tok], index: int, length: int) -> tuple[int, int]:
    """The cue with auxiliaries and adverbs before it ("has said", "also said", "first reported"), without a time
    or medium after it ("said Monday", "said in an interview": :func:`_cue_tail` skips them before the content), as
    docs/attribution_guidelines.md (1.1) and PolNeAR's train split mark it. (PolNeAR's dev split more often keeps
    the time or medium in the cue: with it the two splits scored 0.841 and 0.877 cue exact F1, without it 0.849 and
    0.874, on the rules of the day.)"""
    first = index
    passive_cue = toks[index][LOW] == "quoted"
    while first > 0 and not toks[first - 1][QUOTED] and (
            toks[first - 1][LOW] in _CUE_LEFT or (passive_cue and toks[first - 1][LOW] in ("was", "is", "were", "are"))):
        first -= 1
    return toks[first][START], toks[index + length - 1][END]


#: Words that, after a comma, open a clause of the reporter's, not of the source: a participle, a non-restrictive
#: relative clause, a coordinated clause, a comparison ("..., telling X", "..., which is spread by mosquitoes",
#: "..., but would not offer details", "..., compared with 64 percent").
_REPORTER_CLAUSE = frozenset({"which", "but", "compared", "including", "while", "whereas", "although", "though",
                              "even", "according", "citing", "adding", "saying", "noting", "telling", "claiming",
                              "arguing", "calling", "insisting", "warning", "explaining", "describing"})


def _reported_clause_end(toks: list[_Tok], rest: int, stop: int, end: int) -> int:
    """Where an indirect content that starts at toks[rest] ends: at a comma (or a dash) that opens a clause of the
    reporter's (:data:`_REPORTER_CLAUSE`, or "and"/"but" followed by a verb without a subject), never inside
    a quotation, never before the third word."""
    for k in range(rest + 3, min(stop, len(toks) - 1)):
        tok, following = toks[k], toks[k + 1]
        if tok[QUOTED] or following[QUOTED]:
            continue
        if tok[TEXT] in ("—", "–") and following[TEXT][:1].isalpha():
            return tok[START]
        if tok[TEXT] == "," and (following[LOW] in _REPORTER_CLAUSE or (
                following[LOW] == "and" and k + 2 < len(toks) and toks[k + 2][LOW] in _NOT_IN_SUBJECT)):
            return tok[START]
        if tok[LOW] == "but" and following[LOW] in _NOT_IN_SUBJECT:
            return tok[START]
    return end


def _cue_tail(text: str, toks: list[_Tok], index: int, length: int) -> int:
    """Where the words that belong with a cue end: past a time or medium after it ("said on Monday that", "said in
    a statement that"); the content starts after them."""
    end = toks[index + length - 1][END]
    match = _CUE_RIGHT.match(text, end)
    return match.end() if match and match.end() > end else end


def _apposition_left(toks: list[_Tok], comma: int, lexicon: _Lexicon) -> tuple[int, int] | None:
    """A source with appositions or a relative clause before a cue, as far back as its name: "Scott Pruitt, the
    attorney general of Oklahoma, said"; "Cecelia Purner, 67, a retired teacher, said"; "Steele, who was
    lieutenant governor, said". The source runs from the name to the last comma (PolNeAR's source spans)."""
    segments = 0
    for k in range(comma - 1, max(comma - 40, 0), -1):
        if toks[k][QUOTED] or toks[k][TEXT] in (";", ":", "?", "!") or (
                toks[k][TEXT] == "." and not (k > 0 and _abbreviation(toks[k - 1]))):
            return None
        if toks[k][LOW] == ",":
            first = toks[k + 1] if k + 1 < comma else None
            segment = toks[k + 1:comma]
            plain_noun_phrase = 0 < len(segment) <= 12 and first is not None and first[TEXT][:1].isalpha() and not any(
                t[LOW] in _NOT_IN_SUBJECT or t[LOW] in lexicon.verbs or t[LOW] in _CLAUSE_WORDS for t in segment)
            if first is None or not (first[LOW] in _DETERMINERS or first[LOW] in lexicon.roles or _is_capital(first)
                                     or first[LOW] in ("who", "whose", "which") or first[TEXT][:1].isdigit()
                                     or plain_noun_phrase):  # "Scot Ross, executive director of X, said"
                return None
            name = _source_left(toks, k, lexicon)
            if name and any(_is_capital(t) for t in toks[name[0]:name[1]]):
                return (name[0], comma)
            segments += 1
            if segments >= 3:
                return None
    return None


def _abbreviation(tok: _Tok) -> bool:
    """A title abbreviation or an initial that a period belongs to ("Mr", "Rep", "D")."""
    return (len(tok[TEXT]) == 1 and tok[TEXT].isupper()) or tok[LOW] in _abbreviations()


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from .resources import read_words

    return read_words("abbreviations")


#: Object pronouns after "according to" ("according to him").
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "it"})


def _source_right(toks: list[_Tok], after: int, lexicon: _Lexicon, *, apposition: bool = False,
                  common: bool = False) -> tuple[int, int] | None:
    """Token range of a source phrase starting at toks[after] (inverted "said X", "according to X"). With
    ``common`` (after "according to" and "citing", whose object is always the source), a phrase of common nouns
    counts too: "according to a new poll", "according to recent data from comScore", "according to him"."""
    i = after
    if i >= len(toks) or toks[i][QUOTED]:
        return None
    if toks[i][LOW] in _PRONOUNS or (common and toks[i][LOW] in _OBJECT_PRONOUNS):
        return (i, i + 1)
    j = i
    while j < len(toks):
        tok = toks[j]
        if tok[TEXT] == "." and j > i and _abbreviation(toks[j - 1]) and j + 1 < len(toks) and _is_capital(toks[j + 1]):
            j += 1
            continue
        if tok[QUOTED] or (not tok[TEXT][:1].isalnum() and tok[LOW] not in ("'s", "'")):
            break
        if tok[LOW] in _CLAUSE_WORDS or (tok[LOW] in lexicon.verbs and j > i):
            break
        if tok[LOW] in _CONNECTORS and not (j + 1 < len(toks) and (_is_capital(toks[j + 1]) or toks[j + 1][LOW] in _DETERMINERS)):
            if not (common and j + 1 < len(toks) and toks[j + 1][TEXT][:1].isalnum() and toks[j + 1][LOW] not in
                    _CLAUSE_WORDS):
                break
        if common and tok[LOW] in _NOT_IN_SUBJECT:
            break
        j += 1
        if j - i >= 14:
            break
    if j == i or not (common or any(_is_capital(t) or t[LOW] in lexicon.roles for t in toks[i:j])):
        return None
    # an apposition after a name: "said Kenneth Baer, a former official who runs a firm."
    if apposition and j + 1 < len(toks) and toks[j][LOW] == "," and (
            toks[j + 1][LOW] in _DETERMINERS or toks[j + 1][LOW] in lexicon.roles or
            toks[j + 1][LOW] in ("who", "whose", "which", "of") or toks[j + 1][TEXT][:1].isdigit()):
        end = len(toks)
        while end > j and not toks[end - 1][TEXT][:1].isalnum():
            end -= 1
        if not any(t[QUOTED] for t in toks[j:end]):
            j = end
    return (i, j)


_BE_FORMS = frozenset({"was", "were", "is", "are", "been", "be", "being"})


def _questions(text: str, toks: list[_Tok], s_end: int, taken: set[int], para_id: int, sent_id: int,
               part: str) -> list[_Relation]:
    """Questions whose asker is not named: "Clinton was asked about the border" (cue "was asked"), and a sentence
    that opens with "Asked if ..., X said" (cue "Asked", content up to the comma). Kind "no explicit source"."""
    found = []
    for i, tok in enumerate(toks):
        if tok[LOW] != "asked" or i in taken or tok[QUOTED]:
            continue
        if i > 0 and toks[i - 1][LOW] in _BE_FORMS:
            first, end = i - 1, _reported_clause_end(toks, i + 1, len(toks), s_end)
        elif i == 0 and tok[TEXT] == "Asked":
            first = 0
            comma = next((k for k in range(i + 1, len(toks)) if toks[k][TEXT] == ","), None)
            end = toks[comma][START] if comma is not None else s_end
        else:
            continue
        if i + 1 >= len(toks) or toks[i + 1][START] >= end:
            continue
        content = trim_span(text, toks[i + 1][START], end)
        if content[1] > content[0]:
            found.append(_Relation(para_id, sent_id, part, "no explicit source", None, (toks[first][START], tok[END]),
                                   [content], ("ask", "neutral", "yes")))
    return found


def _inverted_subject(toks: list[_Tok], after: int, lexicon: _Lexicon) -> tuple[int, int] | None:
    """A lower-case source right after the cue of an inverted quotation ('"...," said the boy', '"...," asked a
    woman in the crowd'): a determiner-led phrase of at most six words, up to punctuation or a clause word."""
    if after >= len(toks) or toks[after][LOW] not in _DETERMINERS:
        return None
    j = after + 1
    while j < len(toks) and j - after < 6 and toks[j][TEXT][:1].isalnum() and toks[j][LOW] not in _CLAUSE_WORDS \
            and toks[j][LOW] not in _NOT_IN_SUBJECT and toks[j][LOW] not in lexicon.verbs and not toks[j][QUOTED]:
        j += 1
    return (after, j) if j > after + 1 else None


def _cue_at(toks: list[_Tok], index: int, lexicon: _Lexicon) -> tuple[int, tuple[str, str, str]] | None:
    """(length in tokens, (lemma, stance, speech)) of a cue starting at toks[index], or None."""
    tok = toks[index]
    if tok[QUOTED]:
        return None
    for words, info in lexicon.multi.get(tok[LOW], ()):
        if tuple(t[LOW] for t in toks[index:index + len(words)]) == words:
            return len(words), info
    verb = lexicon.verbs.get(tok[LOW])
    if verb is None:
        return None
    info = verb
    if tok[LOW] == "saying" and index >= 2 and toks[index - 1][LOW] == "as" and toks[index - 2][LOW] == "quoted":
        return None  # part of "quoted as saying", found from "quoted"
    if index + 1 < len(toks) and toks[index + 1][LOW] == "than":
        return None  # "easier said than done"
    # a noun, not a verb: "the report", "a new tell", "this claim", "the AP report", "a pool report",
    # "Editor's note": a bare form after a possessive, or a base form after a singular noun phrase (a singular
    # subject would take "reports")
    if index > 0 and not tok[LOW].endswith(("ed", "ing")):
        if toks[index - 1][LOW] in _NOUN_CONTEXT or toks[index - 1][LOW] in ("'s", "’s"):
            return None
        if tok[LOW] == info[0]:
            for k in range(index - 1, max(index - 4, -1), -1):
                low = toks[k][LOW]
                if low in _ARTICLES or low in ("'s", "’s"):
                    return None
                if not toks[k][TEXT][:1].isalnum() or low.endswith("s") or low in _CLAUSE_WORDS or low in _PRONOUNS:
                    break
    # "said" before a noun is an adjective ("the said cameras"); past participles after "be" are passives,
    # except the agentless pattern handled separately.
    if index > 0 and toks[index - 1][LOW] in ("is", "was", "are", "were", "be", "been", "being") and tok[LOW].endswith("ed"):
        return None
    return 1, info


# ------------------------------------------------------------------------------------ extraction

@dataclass
class _Relation:
    para_id: int
    sent_id: int
    part: str
    kind: str
    source: tuple[int, int] | None
    cue: tuple[int, int]
    contents: list[tuple[int, int]]
    cue_info: tuple[str, str, str]
    addressee: tuple[int, int] | None = None
    parent: int | None = None


def trim_span(text: str, start: int, end: int, *, final: str = ",;:—–-.") -> tuple[int, int]:
    """A content span without the white space and the punctuation at its edges: ``,;:`` and dashes at the start,
    those and ``final`` at the end (Russian content also drops a final ``!`` or ``?``: ``final=",;:—–-.!?"``)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in final):
        end -= 1
    return start, end


def _looks_english(text: str) -> bool:
    """At least 4% of the first words (about 120) are frequent English function words (under 20 words pass)."""
    words = text[:800].lower().split()
    if len(words) < 20:
        return True
    if sum(map(_ENGLISH_MARKERS.__contains__, words)) / len(words) >= 0.04:
        return True  # enough without stripping punctuation (stripping only adds matches)
    stripped = map(str.strip, words, [".,;:!?\"“”'()"] * len(words))
    return sum(map(_ENGLISH_MARKERS.__contains__, stripped)) / len(words) >= 0.04


def _ascii_words(text: str, lowered: str, start: int, end: int) -> list[str]:
    """The lower-cased ASCII letter runs of text[start:end] (from ``lowered``, the lower-cased text, when given)."""
    return _WORDS.findall(lowered, start, end) if lowered else _WORDS.findall(text[start:end].lower())


def _extract_document(text: str, lexicon: _Lexicon) -> list[_Relation]:
    relations: list[_Relation] = []
    sent_id = 0
    marks = mark_positions(text)  # paragraphs without a quotation mark skip _quote_spans
    lowered = text.lower()
    if len(lowered) != len(text):  # lower-casing changed the length ("İ"): lower each sentence instead
        lowered = ""
    # Without the letters that match ASCII ones case-insensitively, an agentless cue needs one of its words.
    plain = not any(letter in text for letter in "\u017f\u0131\u0130")  # ſ ı İ match s/i under re.IGNORECASE
    sentences_by_para: dict[int, list[tuple[int, int]]] = {}
    for para_number, start, end in sentences_of(text):  # the one parse, shared with sentences()
        sentences_by_para.setdefault(para_number, []).append((start, end))
    for para_id, para in enumerate(paragraphs_of(text)):
        first_mark = bisect_left(marks, para.start)
        para_words = None
        if first_mark < len(marks) and marks[first_mark] < para.end:
            quotes = quote_spans(text, para.start, para.end)
        else:
            quotes = []
            if para.part != "headline":
                para_words = _ascii_words(text, lowered, para.start, para.end)
                if lexicon.quick.isdisjoint(para_words):
                    # no quotation and no cue word: nothing to find here, only sentences to count
                    sent_id += len(sentences_by_para.get(para_id, ()))
                    continue
        quote_inner = [(q[1], q[2]) for q in quotes]
        sentences = sentences_by_para.get(para_id, [])
        if para.part == "headline":
            match = _HEADLINE_SOURCE.search(text, para.start, para.end)
            if match and any(w[:1].isupper() for w in match.group(1).split()):
                s, e = match.span(1)
                dash = text.index(match.group().strip()[0], match.start())
                content = trim_span(text, para.start, match.start())
                relations.append(_Relation(para_id, sent_id, para.part, "indirect", (s, e), (dash, dash + 1), [content],
                                           ("headline attribution", "neutral", "yes")))
        used_quotes: set[int] = set()
        quote_bounds = ([q[0] for q in quotes], [q[2] for q in quotes])  # once per paragraph, for bisect
        previous_end = None
        for s_start, s_end in sentences:
            # '"What does that mean?" Mr. Trump asked.': Punkt ends a sentence after '?"' and '!"', so a short
            # sentence that opens with its source and cue may take the quotation that ends the sentence before
            after_question = previous_end is not None and text[previous_end - 2:previous_end] in (
                '?"', '!"', "?”", "!”", "?'", "!’")
            quote_from = previous_end - 1 if after_question and previous_end is not None else s_start
            previous_end = s_end
            # Only a sentence with a word that can start a cue, or with a quotation, can hold a relation
            # (the agentless patterns contain such words too); the others are counted and skipped.
            if para_words is not None and len(sentences) == 1:
                words = para_words  # the sentence is the paragraph
            else:
                words = _ascii_words(text, lowered, s_start, s_end)
            if lexicon.quick.isdisjoint(words) and not (quotes and any(
                    q[1] < s_end and q[2] > s_start for q in quotes)):
                sent_id += 1
                continue
            toks = _tokens(text, s_start, s_end, quote_inner)
            sentence_relations = _sentence_relations(text, toks, s_start, s_end, quotes, used_quotes, lexicon,
                                                     para_id, sent_id, para.part, quote_from=quote_from,
                                                     quote_bounds=quote_bounds)
            agentless = None
            if not any(r.source for r in sentence_relations) and not (plain and _AGENTLESS_WORDS.isdisjoint(words)):
                agentless = _AGENTLESS.search(text, s_start, s_end)
            if agentless and not any(a <= agentless.start() < b for a, b in quote_inner):
                content = trim_span(text, agentless.end(), s_end)
                if content[1] <= content[0]:
                    content = trim_span(text, s_start, agentless.start())
                sentence_relations.append(_Relation(para_id, sent_id, para.part, "no explicit source", None,
                                                    agentless.span(), [content], ("agentless", "distancing", "yes")))
            base = len(relations)
            for relation in sentence_relations:
                if relation.parent is not None:
                    relation.parent += base
            relations.extend(sentence_relations)
            sent_id += 1
        # A quote left without a cue of its own continues the latest direct quote of this or the previous
        # paragraph ("A," he said. "B." -- and quotes running over several paragraphs): one relation, more spans.
        starts = [a for a, _ in sentences] if quotes else []
        for index, q in enumerate(quotes):
            if index in used_quotes or q[2] - q[1] < 3 or not relations:
                continue
            # only a quote that opens its sentence continues a previous one (not 'chanting "U-S-A!"')
            at = bisect_right(starts, q[0])
            opening = starts[at - 1] if at else para.start
            if text[opening:q[0]].strip():
                continue
            previous = relations[-1]
            if previous.kind == "direct" and previous.para_id >= para_id - 1 and q[1] > previous.contents[-1][1]:
                previous.contents.append((q[1], q[2]))
                used_quotes.add(index)
    return relations


def _sentence_relations(text: str, toks: list[_Tok], s_start: int, s_end: int, quotes, used_quotes: set[int],
                        lexicon: _Lexicon, para_id: int, sent_id: int, part: str, *,
                        quote_from: int | None = None,
                        quote_bounds: tuple[list[int], list[int]] | None = None) -> list[_Relation]:
    found: list[_Relation] = []
    cues = []
    free = 0  # a multi-word cue covers its tokens: the next cue starts after it
    quick = lexicon.quick
    # the indices of tokens that may start a cue
    for i in compress(count(), map(quick.__contains__, map(itemgetter(LOW), toks))):
        cue = _cue_at(toks, i, lexicon) if i >= free else None
        if cue:
            cues.append((i, cue[0], cue[1]))
            free = i + cue[0]
    # quotes are in text order and do not overlap: bisect finds those of this sentence (linear time overall)
    quote_starts, quote_ends = quote_bounds if quote_bounds is not None else ([q[0] for q in quotes],
                                                                              [q[2] for q in quotes])
    first_quote = bisect_left(quote_ends, s_start + 1) if quotes else 0
    sentence_quotes = []
    for k in range(first_quote, len(quotes)):
        if quotes[k][1] >= s_end:
            break
        if k not in used_quotes:
            sentence_quotes.append((k, quotes[k]))
    if quote_from is not None and quote_from < s_start and cues and cues[0][0] <= 4 and not any(
            t[LOW] in (",", ";", ":") for t in toks[:cues[0][0]]):
        # the quotation that closes the previous sentence, for a cue at the head of this one
        before = [(k, quotes[k]) for k in range(max(0, first_quote - 2), min(first_quote + 1, len(quotes)))
                  if quote_from <= quotes[k][3] <= s_start and k not in used_quotes]
        sentence_quotes = before[-1:] + sentence_quotes
    taken_cues: set[int] = set()
    # 1. direct quotes: each takes the nearest free cue after its end or before its start (bisect over the cue
    # positions, and "next free" links that skip taken cues, keep this linear in the number of cues)
    cue_starts = [toks[c[0]][START] for c in cues]
    cue_ends = [toks[c[0] + c[1] - 1][END] for c in cues]
    free_right = list(range(len(cues) + 1))
    free_left = list(range(-1, len(cues)))  # free_left[n + 1]: the nearest free cue at or before n

    def find(links: list[int], n: int, offset: int) -> int:
        root = n
        while links[root + offset] != root:
            root = links[root + offset]
        while links[n + offset] != root:  # path compression
            links[n + offset], n = root, links[n + offset]
        return root

    tok_starts = [t[START] for t in toks]
    word_prefix = [0]
    for t in toks:
        word_prefix.append(word_prefix[-1] + (1 if t[TEXT][:1].isalnum() and not t[QUOTED] else 0))

    def has_words(a: int, b: int) -> bool:
        """Whether an unquoted word token lies wholly within [a, b)."""
        lo, hi = bisect_left(tok_starts, a), bisect_left(tok_starts, b)
        while hi > lo and toks[hi - 1][END] > b:
            hi -= 1
        return word_prefix[hi] - word_prefix[lo] > 0

    for k, q in sentence_quotes:
        if k in used_quotes:
            continue
        right = find(free_right, bisect_left(cue_starts, q[3]), 0)
        left = find(free_left, bisect_right(cue_ends, q[0]) - 1, 1)
        options = []
        if right < len(cues):
            options.append((abs(cue_starts[right] - q[3]), right))
        if left >= 0:
            options.append((abs(q[0] - cue_ends[left]), left))
        if not options:
            continue
        _, chosen = min(options)
        index, length, info = cues[chosen]
        cue_span = _cue_span(text, toks, index, length)
        if toks[index][START] >= q[3]:  # cue after the quote
            between = [t for t in toks[bisect_left(tok_starts, q[3]):index] if t[TEXT] not in ",."]
            span = (_source_left(toks, index, lexicon) if between
                    else _source_right(toks, index + length, lexicon, apposition=True)
                    or _inverted_subject(toks, index + length, lexicon))
            if span is None and between and index > 0 and toks[index - 1][LOW] == ",":
                span = _apposition_left(toks, index - 1, lexicon)  # '"...," X, a spokesman, said
        else:  # cue before the quote: "X said: "..."
            span = _source_left(toks, index, lexicon)
        contents = [(q[1], q[2])]
        kind = "direct"
        if toks[index][START] >= q[3]:
            # words before the quote in the sentence: a partly quoted content ('The plan is "dead," X said')
            if has_words(s_start, q[0]):
                contents, kind = [trim_span(text, s_start, q[3])], "mixed"
        else:
            rest = index + length
            if rest < len(toks) and toks[rest][LOW] == "that":
                rest += 1
            start_words = has_words(toks[rest][START] if rest < len(toks) else q[0], q[0])
            after_words = has_words(q[3], s_end)
            if start_words or after_words:
                # the mixed content runs on after the quotation up to the next free cue of the sentence (or its
                # end): a chain of 'He said: "' stays linear
                after_cue = find(free_right, bisect_left(cue_starts, q[3]), 0)
                end = min(s_end, cue_starts[after_cue] if after_cue < len(cues) else s_end)
                contents, kind = [trim_span(text, toks[rest][START] if rest < len(toks) else q[0], end)], "mixed"
        used_quotes.add(k)
        # a second quote on the other side of the same cue: "A," he said, "B."
        if kind == "direct" and q[2] < toks[index][START]:
            for k2 in range(bisect_right(quote_starts, toks[index][END]), len(quotes)):
                if quotes[k2][1] >= s_end:
                    break
                if k2 not in used_quotes:
                    contents.append((quotes[k2][1], quotes[k2][2]))
                    used_quotes.add(k2)
        source = (toks[span[0]][START], toks[span[1] - 1][END]) if span else None
        taken_cues.add(index)
        free_right[chosen] = chosen + 1
        free_left[chosen + 1] = chosen - 1
        relation = _Relation(para_id, sent_id, part, kind, source, cue_span, contents, info)
        if info[0] == "tell" and index + length < len(toks):
            addressee = _source_right(toks, index + length, lexicon)
            if addressee:
                relation.addressee = (toks[addressee[0]][START], toks[addressee[1] - 1][END])
        found.append(relation)
    # 2.-3. indirect speech, "according to", "citing"
    for index, length, info in cues:
        if index in taken_cues:
            continue
        cue_span = _cue_span(text, toks, index, length)
        after = index + length
        if info[0] == "according to":
            span = _source_right(toks, after, lexicon, common=True)
            if not span:
                continue
            source = (toks[span[0]][START], toks[span[1] - 1][END])
            # "According to X, CONTENT." or "CONTENT, according to X."
            content = trim_span(text, source[1], s_end) if index == 0 else trim_span(text, s_start, toks[index][START])
            found.append(_Relation(para_id, sent_id, part, "indirect", source, cue_span, [content], info))
            taken_cues.add(index)
            continue
        if info[0] == "cite" and toks[index][LOW] == "citing":
            span = _source_right(toks, after, lexicon, common=True)
            parent = found[-1] if found else None
            if not span or parent is None:
                continue
            source = (toks[span[0]][START], toks[span[1] - 1][END])
            found.append(_Relation(para_id, sent_id, part, parent.kind, source, cue_span, list(parent.contents), info,
                                   parent=len(found) - 1))
            taken_cues.add(index)
            continue
        participle = toks[index][LOW].endswith("ing") and index > 0 and toks[index - 1][LOW] in (",", "while", "—")
        span = (_coordinated_subject(toks, index - 1, lexicon) if participle   # "X has sued the city, saying ..."
                else _source_left(toks, index, lexicon, common=info[2] == "yes"))
        if participle and span is None:
            continue
        inverted = False
        if span is None and index > 0 and toks[index - 1][LOW] == ",":
            span = _apposition_left(toks, index - 1, lexicon)
        if span is None and index > 0 and toks[index - 1][LOW] == ",":
            span = _source_right(toks, after, lexicon, apposition=True)
            inverted = span is not None
        if span is None:
            continue
        source = (toks[span[0]][START], toks[span[1] - 1][END])
        relation = _Relation(para_id, sent_id, part, "indirect", source, cue_span, [], info)
        rest = after if not inverted else span[1]
        words_from = max(cue_span[1], _cue_tail(text, toks, index, length))
        while rest < len(toks) and toks[rest][START] < words_from:
            rest += 1  # past the cue and a time or medium phrase after it ("said on Monday that")
        if info[0] == "tell" and not inverted and rest < len(toks):
            listener = toks[rest][LOW] in _PRONOUNS or toks[rest][LOW] in ("reporters", "journalists")
            addressee = _source_right(toks, rest, lexicon) or ((rest, rest + 1) if listener else None)
            if addressee:
                relation.addressee = (toks[addressee[0]][START], toks[addressee[1] - 1][END])
                rest = addressee[1]
        # skip a short adverbial before "that" ("said on Tuesday that"); the content starts with "that", as PolNeAR
        # marks it (docs/attribution_guidelines.md)
        for look in range(rest, min(rest + 5, len(toks))):
            if toks[look][LOW] == "that":
                rest = look
                break
        clause_end = s_end
        # stop before a trailing ", citing X" / ", according to X"
        stop = len(toks)
        for t_index in range(rest, len(toks) - 1):
            if toks[t_index][LOW] == "," and toks[t_index + 1][LOW] in ("citing", "according"):
                clause_end, stop = toks[t_index][START], t_index
                break
        tail = [t for t in toks[rest:stop] if t[TEXT] not in (".", "!", "?")]
        if tail and tail[0][LOW] not in (",",) and not inverted and len(tail) >= 2:
            clause_end = _reported_clause_end(toks, rest, stop, clause_end)
            relation.contents = [trim_span(text, toks[rest][START], clause_end)]
        else:
            # trailing attribution: the content is the clause before the source
            boundary = span[0] - 1 if not inverted else index - 1
            while boundary >= 0 and toks[boundary][LOW] not in (",", "—", "–", ":"):
                boundary -= 1
            if boundary <= 0:
                continue
            relation.contents = [trim_span(text, s_start, toks[boundary][START])]
        if relation.contents and relation.contents[0][1] > relation.contents[0][0]:
            found.append(relation)
            taken_cues.add(index)
    found.extend(_questions(text, toks, s_end, taken_cues, para_id, sent_id, part))
    return found


# ------------------------------------------------------------------------------------ public API

@lru_cache(maxsize=4096)
def _type_source_cached(source: str) -> tuple[str, str, str, str]:
    return _type_source(source, reporting_lexicon())


def _type_source(source: str, lexicon: _Lexicon) -> tuple[str, str, str, str]:
    """(canonical, role, type, kind) of a source phrase."""
    for pattern, canonical, source_type, kind in lexicon.aliases:
        if pattern.search(source):
            role = _role_phrase(source, lexicon)
            return canonical, role, source_type, kind
    role = _role_phrase(source, lexicon)
    words = source.replace("’", "'").split()
    head_role = next((lexicon.roles[w.lower().strip(",.'s")] for w in reversed(words)
                      if w.lower().strip(",.'s") in lexicon.roles), None)
    names = [w for w in words if w[:1].isupper() and w.lower() not in _DETERMINERS]
    kind = "organisation" if head_role in ("official", "state media", "wire agency", "independent media", "rights group",
                                           "company") and not (names and not any(w.lower() in lexicon.roles for w in names)) else "person"
    head = source.replace("’", "'").split(",")[0].split()  # an apposition after a comma describes the name
    if head and head[-1][:1].isupper():
        canonical = " ".join(_name_tail(head)) or source
    else:  # a description without a name ("Rights groups", "the city's chief officer") stands for itself
        canonical = " ".join(w for w in head if w.lower() not in ("the", "a", "an")) or source
    return canonical, role, head_role or "unclassified", kind


def _name_tail(words: list[str]) -> list[str]:
    tail: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() and not word.endswith(("'s", "’s")):
            tail.insert(0, word)
        elif tail:
            break
    return tail


def _role_holder(text: str, role: str, lexicon: _Lexicon) -> str | None:
    """A name written right after ``role`` anywhere in the document ("... officer Maxim Loktev")."""
    match = re.search(re.escape(role) + r"\s+((?:[A-Z][\w'’.-]+\s?){1,3})", text)
    if not match:
        return None
    name = match.group(1).strip()
    return _known_name(name) or name


@lru_cache(maxsize=4096)
def _known_name(name: str) -> str | None:
    """The canonical name of the first known source (longest alias first) named in ``name``."""
    return next((canonical for pattern, canonical, _, _ in reporting_lexicon().aliases if pattern.search(name)), None)


def _role_phrase(source: str, lexicon: _Lexicon) -> str:
    words = re.findall(r"[\w-]+", source)
    for i, word in enumerate(words):
        if word.lower() in lexicon.roles and not word[:1].isupper():
            j = i
            while j > 0 and not words[j - 1][:1].isupper() and words[j - 1].lower() not in _DETERMINERS and words[j - 1] != "s":
                j -= 1
            return " ".join(words[j:i + 1])
    return ""


@returns("attributions")
def attributions(corpus: pd.DataFrame | str, *, language: str | None = None,
                 lexicon: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per attribution relation (rules in the module docstring).

    Args:
        corpus: a corpus from ``load_corpus``, or a plain string (one document, doc_id "text").
        language: ``"en"`` or ``"ru"`` (the Russian rules of :mod:`watchwords.languages.ru_attribution`); default
            English when the corpus has an English document, else its most frequent analysable language
            (:mod:`watchwords.languages`); documents in other languages are left out with one warning, as are
            "English" texts that do not look English.
        lexicon: the reporting verbs, per call (see :func:`load_reporting_verbs`): None for the packaged
            English lexicon, a CSV file or a DataFrame with columns lemma, forms, stance, speech. Role nouns and
            known sources stay the packaged ones.

    Returns:
        Columns doc_id, relation_id (0-based within the document), para_id, sent_id, part,
        kind (direct / mixed / indirect / no explicit source), source, source_start, source_end,
        cue, cue_start, cue_end, content (its spans joined by " … "), content_start, content_end
        (the extent), content_spans (list of (start, end)), cue_lemma, stance, speech,
        source_canonical, source_role, source_type, addressee, parent (relation_id of the
        relation this one is nested in, e.g. the TASS report a "citing" belongs to; -1 if none).
        All offsets index the document text.

    Example:
        >>> attributions('"It works," Loktev told TASS.')[["source", "cue", "content", "kind"]].values.tolist()
        [['Loktev', 'told', 'It works,', 'direct']]
    """
    corpus, code = in_language(as_corpus(corpus, verb="attributions"), language, verb="attributions", stacklevel=4)
    if code == "ru":
        if lexicon is not None:
            raise ValueError("attributions: lexicon= is English; the Russian lexicon is watchwords/data/ru/"
                             "reporting_verbs.csv (edit it, or pass language='en')")
        frame = pd.DataFrame(russian_rows(corpus), columns=ATTRIBUTION_COLUMNS)
        frame.attrs.update(source="watchwords.attributions", language="ru", skipped=[],
                           corpus_hash=corpus.attrs.get("corpus_hash"))
        return frame
    compiled = reporting_lexicon() if lexicon is None else _compile_lexicon(load_reporting_verbs(lexicon))
    rows = []
    skipped = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        if not _looks_english(text):
            skipped.append(f"{doc_id} (en)")
            continue
        relations = _extract_document(text, compiled)
        named: list[tuple[str, str, str, str]] = []
        kept: dict[int, int] = {}  # index in relations -> relation_id of the rows kept
        for index, relation in enumerate(relations):
            contents = [c for c in relation.contents if c[1] > c[0]]
            if not contents:
                continue
            source_text = text[relation.source[0]:relation.source[1]] if relation.source else ""
            canonical = role = addressee = ""
            source_type = "none" if relation.source is None else "unclassified"
            if relation.source is not None:
                low = source_text.lower()
                if low in _PRONOUNS:
                    wanted = _PRONOUNS[low]
                    match = next((n for n in reversed(named) if wanted == "any" or n[3] == wanted), None)
                    if match:
                        canonical, role, source_type, _ = match
                else:
                    canonical, role, source_type, kind = _type_source_cached(source_text)
                    if role and not _name_tail(source_text.split()):
                        # a role without a name: the named source with the same role ("the city's chief
                        # enlistment officer" ... "chief enlistment officer Maxim Loktev")
                        holder = next((c for c, r, _, _ in named if r == role and c != source_text), None)
                        canonical = holder or _role_holder(text, role, compiled) or canonical
                    named.append((canonical, role, source_type, kind))
            if relation.addressee:
                addressee = text[relation.addressee[0]:relation.addressee[1]]
            kind = relation.kind
            if kind == "indirect" and any(mark in text[a:b] for a, b in contents for mark in QUOTE_MARKS):
                kind = "mixed"
            kept[index] = len(kept)
            rows.append(_row(text, doc_id, kept[index], (relation.para_id, relation.sent_id, relation.part), kind,
                             relation.source, relation.cue, contents, relation.cue_info,
                             (canonical, role, source_type), addressee,
                             kept.get(relation.parent, -1) if relation.parent is not None else -1))
    if skipped:
        warnings.warn(f"attributions: skipped {len(skipped)} document(s) that do not look English: "
                      f"{', '.join(skipped[:10])}{' …' if len(skipped) > 10 else ''} (the lexicons are English; check "
                      "their language field)", stacklevel=3)
    frame = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    frame.attrs.update(source="watchwords.attributions", language="en", skipped=skipped,
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


def _row(text: str, doc_id: Any, relation_id: int, place: tuple[int, int, str], kind: str,
         source: tuple[int, int] | None, cue: tuple[int, int], contents: list[tuple[int, int]],
         cue_info: tuple[str, str, str], typed: tuple[str, str, str], addressee: str, parent: int) -> dict[str, Any]:
    """One row of :func:`attributions` (the columns of :data:`ATTRIBUTION_COLUMNS`), whatever the language:
    ``place`` is (para_id, sent_id, part), ``cue_info`` (lemma, stance, speech "yes"/"no"), ``typed`` (canonical
    name, role, source type)."""
    para_id, sent_id, part = place
    canonical, role, source_type = typed
    return {
        "doc_id": doc_id, "relation_id": relation_id, "para_id": para_id, "sent_id": sent_id, "part": part,
        "kind": kind, "source": text[source[0]:source[1]] if source else "",
        "source_start": source[0] if source else -1, "source_end": source[1] if source else -1,
        "cue": text[cue[0]:cue[1]], "cue_start": cue[0], "cue_end": cue[1],
        "content": " … ".join(text[a:b] for a, b in contents), "content_start": contents[0][0],
        "content_end": contents[-1][1], "content_spans": contents, "cue_lemma": cue_info[0], "stance": cue_info[1],
        "speech": cue_info[2] == "yes", "source_canonical": canonical, "source_role": role, "source_type": source_type,
        "addressee": addressee, "parent": parent,
    }


def _same_person(name: str, named: list[tuple[str, str, str, str | None, str | None]]
                 ) -> tuple[str, str, str, str | None, str | None] | None:
    """The earlier named source a lone surname refers to: one capitalised word whose stem is the last word of that
    source's name (Russian surnames inflect: Северов, Северова, Северову; at most two letters of ending differ)."""
    if " " in name.strip() or not name[:1].isupper():
        return None
    for entry in reversed(named):
        last = entry[0].split()[-1] if entry[0].split() else ""
        if len(entry[0].split()) > 1 and len(last) >= 4 and last[:1].isupper():
            stem = len(os.path.commonprefix([name.lower(), last.lower()]))
            if stem >= len(last) - 1 and stem >= len(name) - 2:
                return entry
    return None


def russian_rows(corpus: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of :func:`attributions` for Russian documents: relations from
    :func:`watchwords.languages.ru_attribution.extract_document`, pronouns resolved by gender and number to the
    last named source, sources typed by the known-source aliases and the Russian role nouns (by lemma)."""
    from .languages.ru import lemma
    from .languages.ru_attribution import PERSONAL_PRONOUNS, extract_document, russian_role_nouns

    roles = russian_role_nouns()
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        sentences = sentences_of(text)
        paragraphs = paragraphs_of(text)
        headline = {k for k, p in enumerate(paragraphs) if p.part == "headline"}
        found = extract_document(text, sentences, headline)
        named: list[tuple[str, str, str, str | None, str | None]] = []  # canonical, role, type, gender, number
        kept: dict[int, int] = {}
        for index, relation in enumerate(found):
            contents = [c for c in relation.contents if c[1] > c[0]]
            if not contents:
                continue
            source_text = text[relation.source[0]:relation.source[1]] if relation.source else ""
            canonical = role = ""
            source_type = "none" if relation.source is None else "unclassified"
            if relation.source is not None:
                low = lemma(source_text) if " " not in source_text else ""
                if low in PERSONAL_PRONOUNS:
                    gender, number = PERSONAL_PRONOUNS[low]
                    match = next((n for n in reversed(named) if (n[4] == number or n[4] is None) and
                                  (gender is None or n[3] in (gender, None))), None)
                    if match:
                        canonical, role, source_type = match[0], match[1], match[2]
                else:
                    canonical = _known_name(source_text) or source_text.strip("«»\"")
                    known = next((t for pattern, c, t, _ in reporting_lexicon().aliases if c == canonical), None)
                    words = [lemma(w) for w in re.findall(r"[\w-]+", source_text)]
                    role = next((w for w in words if w in roles), "")
                    source_type = known or (roles[role] if role else "unclassified")
                    earlier = _same_person(source_text, named) if not known and not role else None
                    if earlier is not None:  # "Северов", "Северова" after "военком Андрей Северов": one entity
                        canonical, role, source_type = earlier[0], earlier[1], earlier[2]
                    named.append((canonical, role, source_type, relation.gender, relation.number))
            para_id = sentences[relation.sent][0]
            quoted = any(text[a - 1:a] in ("«", "„", '"', "“") for a, _ in contents if a > 0)
            kind = "no explicit source" if relation.source is None else ("direct" if quoted else (
                "mixed" if any(m in text[a:b] for a, b in contents for m in ("«", "»", "„", "“")) else "indirect"))
            kept[index] = len(kept)
            rows.append(_row(text, doc_id, kept[index], (para_id, relation.sent, paragraphs[para_id].part), kind,
                             relation.source, relation.cue, contents,
                             (relation.cue_lemma, relation.stance, relation.speech), (canonical, role, source_type),
                             text[relation.addressee[0]:relation.addressee[1]] if relation.addressee else "",
                             kept.get(relation.parent, -1) if relation.parent is not None else -1))
    return rows


_CHAIN_COLUMNS = ["doc_id", "citing", "cited", "cue", "sent_id", "relation_id", "basis"]


def _reporter(row: Any) -> str:
    agency = str(getattr(row, "source_agency", "") or "")
    outlet = str(getattr(row, "outlet", "") or "")
    return agency or outlet or "reporter"


@returns("attribution_chains")
def attribution_chains(corpus: pd.DataFrame | str, *, relations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Directed edges "citing → cited": who passes on whose words, in each document.

    Edges come from the manifest and from the text:

    * manifest: the outlet → the wire service whose copy it republishes (``source_agency``);
      cue "republishes", sent_id -1;
    * a top-level relation: the reporting party (the wire service if any, else the outlet) →
      the relation's source;
    * a nested relation ("TASS reported, citing X"): the parent's source → its source;
    * an addressee ("Loktev told TASS"): the reporting party → the addressee, and the addressee →
      the source (the words reached the reporter through the addressee).

    Sources are named by ``source_canonical``. Repeated edges are kept once (the first).

    Returns:
        Columns doc_id, citing, cited, cue, sent_id, relation_id (-1 for manifest edges),
        basis ("manifest" or "text").
    """
    require_kind(relations, ("attributions",), verb="attribution_chains", name="relations")
    corpus = as_corpus(corpus, verb="attribution_chains")
    relations = attributions(corpus) if relations is None else relations
    rows = []
    for doc in corpus.itertuples(index=False):
        reporter = _reporter(doc)
        outlet = str(getattr(doc, "outlet", "") or "")
        agency = str(getattr(doc, "source_agency", "") or "")
        edges: list[dict[str, Any]] = []
        if outlet and agency and outlet != agency:
            edges.append({"citing": outlet, "cited": agency, "cue": "republishes", "sent_id": -1, "relation_id": -1,
                          "basis": "manifest"})
        mine = relations[relations["doc_id"] == doc.doc_id]
        names = dict(zip(mine["relation_id"], mine["source_canonical"]))
        for rel in mine.itertuples(index=False):
            cited = rel.source_canonical or rel.source
            if not cited:
                continue
            citing = names.get(rel.parent, reporter) if rel.parent >= 0 else reporter
            if rel.addressee:
                medium = _type_source_cached(rel.addressee)[0] if rel.addressee.lower() not in _PRONOUNS else rel.addressee
                edges.append({"citing": citing, "cited": medium, "cue": rel.cue, "sent_id": rel.sent_id,
                              "relation_id": rel.relation_id, "basis": "text"})
                citing = medium
            edges.append({"citing": citing, "cited": cited, "cue": rel.cue, "sent_id": rel.sent_id,
                          "relation_id": rel.relation_id, "basis": "text"})
        seen: set[tuple[str, str]] = set()
        for edge in edges:
            key = (edge["citing"], edge["cited"])
            if key in seen or edge["citing"] == edge["cited"]:
                continue
            seen.add(key)
            rows.append({"doc_id": doc.doc_id, **edge})
    frame = pd.DataFrame(rows, columns=_CHAIN_COLUMNS)
    frame.attrs.update(source="watchwords.attribution_chains", corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


@returns("attribution_hops")
def attribution_hops(corpus: pd.DataFrame | str, *, relations: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each relation, the path from the publishing outlet to the relation's source, and its length.

    The path follows :func:`attribution_chains` backwards from the source to the outlet (shortest
    path). ``hops`` counts the edges: The Jerusalem Post → Reuters → TASS → Maxim Loktev is 3.

    Returns:
        Columns doc_id, relation_id, source_canonical, path (names joined by " → "), hops.
    """
    require_kind(relations, ("attributions",), verb="attribution_hops", name="relations")
    corpus = as_corpus(corpus, verb="attribution_hops")
    relations = attributions(corpus) if relations is None else relations
    chains = attribution_chains(corpus, relations=relations)
    rows = []
    for doc in corpus.itertuples(index=False):
        start = str(getattr(doc, "outlet", "") or "") or _reporter(doc)
        edges = chains[chains["doc_id"] == doc.doc_id]
        graph: dict[str, list[str]] = {}
        for citing, cited in zip(edges["citing"], edges["cited"]):
            graph.setdefault(citing, []).append(cited)
        paths = {start: [start]}
        queue = [start]
        while queue:
            node = queue.pop(0)
            for nxt in graph.get(node, []):
                if nxt not in paths:
                    paths[nxt] = paths[node] + [nxt]
                    queue.append(nxt)
        if _reporter(doc) not in paths:
            paths[_reporter(doc)] = [_reporter(doc)]
        for rel in relations[relations["doc_id"] == doc.doc_id].itertuples(index=False):
            target = rel.source_canonical or rel.source
            path = paths.get(target)
            rows.append({"doc_id": doc.doc_id, "relation_id": rel.relation_id, "source_canonical": target,
                         "path": " → ".join(path) if path else "", "hops": len(path) - 1 if path else -1})
    frame = pd.DataFrame(rows, columns=["doc_id", "relation_id", "source_canonical", "path", "hops"])
    frame.attrs.update(source="watchwords.attribution_hops")
    return frame


@returns("voice")
def voice(corpus: pd.DataFrame | str, *, relations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every paragraph's characters labelled as reporter's voice or attributed content.

    Attributed content is the union of the content spans of :func:`attributions` (direct,
    mixed and indirect speech); everything else inside paragraphs is the reporter's voice.
    Pass the result to ``tokens(..., voice_spans=voice(corpus))`` (and so to ``frequencies``,
    ``keyness``, ``collocates``) to count the journalist's words and the sources' words apart.

    Returns:
        Columns doc_id, para_id, start, end, voice ("reporter" or "quoted"), relation_id (-1 for
        the reporter's spans); the spans of a document tile its paragraphs without overlap.
    """
    require_kind(relations, ("attributions",), verb="voice", name="relations")
    corpus = as_corpus(corpus, verb="voice")
    relations = attributions(corpus) if relations is None else relations
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        mine = relations[relations["doc_id"] == doc_id]
        quoted: list[tuple[int, int, int]] = sorted(
            (a, b, rid) for spans, rid in zip(mine["content_spans"], mine["relation_id"]) for a, b in spans)
        for para_id, para in enumerate(paragraphs_of(text)):
            cursor = para.start
            for a, b, rid in quoted:
                a, b = max(a, para.start), min(b, para.end)
                if b <= cursor or a >= para.end:
                    continue
                if a > cursor:
                    rows.append({"doc_id": doc_id, "para_id": para_id, "start": cursor, "end": a, "voice": "reporter",
                                 "relation_id": -1})
                start = max(a, cursor)
                rows.append({"doc_id": doc_id, "para_id": para_id, "start": start, "end": b, "voice": "quoted",
                             "relation_id": rid})
                cursor = b
            if cursor < para.end:
                rows.append({"doc_id": doc_id, "para_id": para_id, "start": cursor, "end": para.end, "voice": "reporter",
                             "relation_id": -1})
    frame = pd.DataFrame(rows, columns=["doc_id", "para_id", "start", "end", "voice", "relation_id"])
    frame.attrs.update(source="watchwords.voice")
    return frame
