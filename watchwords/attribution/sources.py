"""Source phrases: where a source noun phrase starts and ends around a cue, and what kind of source it is."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from .lexicon import CONTRACTED_AUXILIARIES, NOT_IN_SUBJECT, NOUN_HOMOGRAPHS, Lexicon, reporting_lexicon
from .tokens import LOW, QUOTED, TEXT, Tok, abbreviation, is_capital

PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "any", "we": "any", "i": "person"}


DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "another", "one",
                "some", "many", "several", "two", "three", "four", "both", "other", "most", "all"}


LEADING_CLAUSE = {"when", "while", "but", "and", "as", "if", "after", "because", "since", "though", "although",
                   "so", "then", "yet", "now", "here", "there"}


CONNECTORS = {"of", "for", "at"}


#: Time words between a source and its cue ("Trump Tuesday said", "Her campaign workers here said").
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
TIME_BEFORE_CUE = WEEKDAYS | {"here", "today", "yesterday", "tonight"}
SKIP_BEFORE_CUE = {"also", "later", "earlier", "previously", "has", "had", "have", "then", "again", "further",
                    "recently", "repeatedly", "once", "publicly", "separately", "would", "will", "did", "does",
                    "do", "only", "never", "first", "already", "had", "reportedly", "allegedly", "since", "not",
                    "n't", "can", "could", "may", "might", "should", "must", "long"}


CLAUSE_WORDS = {"that", "and", "but", "or", "which", "who", "while", "when", "because", "as", "if", "after",
                 "before", "since", "although", "though", "where", "so", "to"}


def went_on_to(toks: list[Tok], index: int) -> int:
    """Where "went on to" (goes, go, going) before the cue at toks[index] starts ("She went on to say"), else index:
    PolNeAR marks the phrase in the cue."""
    if index >= 3 and toks[index - 1][LOW] == "to" and toks[index - 2][LOW] == "on" and toks[index - 3][LOW] in (
            "went", "goes", "go", "going"):
        return index - 3
    return index


def source_left(toks: list[Tok], cue_index: int, lexicon: Lexicon, *, common: bool = True
                 ) -> tuple[int, int] | None:
    """Token range [i, j) of the source phrase ending before toks[cue_index] (skipping adverbs, and the
    auxiliary of "was quoted as saying"); with ``common``, a lower-case subject phrase too ("most voters believe",
    "the latest poll showed"; every cue but *find*, whose lower-case subject is mostly not a source: "City cameras
    find men")."""
    j = went_on_to(toks, cue_index)
    passive_cue = toks[cue_index][LOW] == "quoted" or toks[cue_index][LOW].endswith("ing")  # "is telling"
    while j > 0:
        low = toks[j - 1][LOW]
        if low in WEEKDAYS and j >= 2 and toks[j - 2][LOW] == "on":
            j -= 2  # "Two House committees on Monday asked"
        elif low in ("week", "month", "year", "weekend", "night") and j >= 2 and toks[j - 2][LOW] in ("last", "this"):
            j -= 2  # "Beck last week said"
        elif low in CONTRACTED_AUXILIARIES and j >= 2 and toks[j - 2][LOW] in PRONOUNS:
            j -= 1  # "he's said"
        elif low in SKIP_BEFORE_CUE or low in TIME_BEFORE_CUE or (passive_cue and low in ("was", "is", "were", "are", "been", "am")) or (
                low in ("often", "soon", "however", "just", "now", "still") or (
                    low.endswith("ly") and len(low) > 4 and not is_capital(toks[j - 1]) and j < cue_index + 1)):
            j -= 1
        else:
            break
    if j == 0:
        return None
    if j == cue_index and toks[j - 1][LOW] in ("when", "after", "once") and (
            j == 1 or not toks[j - 2][TEXT][:1].isalnum()):
        return None  # "When asked ...": a question whose asker is not named (rules.question_relations)
    if toks[j - 1][TEXT] == ")":  # "Sen. Bernie Sanders (I-Vt.) said": the name before the parenthesis
        opening = next((k for k in range(j - 2, max(j - 9, -1), -1) if toks[k][TEXT] == "("), None)
        if opening is not None and opening > 0:
            name = source_left(toks, opening, lexicon, common=common)
            return (name[0], j) if name else None
    if toks[j - 1][LOW] == "who" and j >= 2 and toks[j - 2][TEXT] in (",", "who") or (
            toks[j - 1][LOW] == "who" and j == cue_index):
        return (j - 1, j)  # "Podesta, who said ...": the relative pronoun, as PolNeAR marks it
    if toks[j - 1][LOW] in ("and", "but") and j >= 2:
        return coordinated_subject(toks, j - 1, lexicon)
    head = toks[j - 1]
    if head[QUOTED]:
        return None
    if head[LOW] in PRONOUNS:
        return (j - 1, j)
    if not (is_capital(head) or head[LOW] in lexicon.roles):
        return clause_subject(toks, j, lexicon) if common else None
    i = j - 1
    lowercase_run = 0
    while i > 0:
        tok = toks[i - 1]
        if tok[QUOTED]:
            break
        if tok[LOW] in ("'s", "'"):
            i -= 1
            continue
        if tok[TEXT] == "." and i - 2 >= 0 and abbreviation(toks[i - 2]):
            i -= 1
            continue
        if tok[LOW] == "and" and i - 2 >= 0 and (is_capital(toks[i - 2]) or toks[i - 2][LOW] in lexicon.roles) and (
                is_capital(toks[i]) or toks[i][LOW] in lexicon.roles or toks[i][TEXT][:1].islower()):
            i -= 1  # "Edwards and others", "teachers and union officials"
            continue
        if is_capital(tok) or tok[LOW] in lexicon.roles:
            lowercase_run = 0
            i -= 1
            continue
        if tok[LOW] in ARTICLES and i - 3 >= 0 and toks[i - 2][LOW] in CONNECTORS and (
                is_capital(toks[i - 3]) or toks[i - 3][LOW] in lexicon.roles) and not toks[i - 3][QUOTED]:
            i -= 1  # "Speaker of the House Paul Ryan", "a spokesman for the agency"
            continue
        if tok[LOW] in DETERMINERS:
            if not (tok[LOW] in ("that", "this") and (is_capital(toks[i]) or (
                    i + 1 == j and toks[i][LOW].endswith("s") and not toks[i][LOW].endswith("ss")))):
                # "that Comey said", "that officials said": a complementiser (a demonstrative takes no plural)
                i -= 1
            break
        if tok[LOW] in ("what", "until", "unless", "than"):
            break
        if tok[LOW] in CONNECTORS and i - 2 >= 0 and (is_capital(toks[i - 2]) or toks[i - 2][LOW] in lexicon.roles):
            i -= 1
            continue
        if (tok[TEXT][:1].isalnum() and tok[LOW] not in CLAUSE_WORDS and lowercase_run < 3
                and (tok[LOW] not in lexicon.verbs or (tok[LOW].endswith("ing") and toks[i][TEXT][:1].isalpha()))
                and not tok[LOW].endswith("ly")):  # a verb form inside a noun phrase: "policy planning director"
            lowercase_run += 1
            i -= 1
            continue
        break
    # the head before "of/for/to": "one of the former prosecutors", "a spokesman for the police", "aides to Clinton"
    while i >= 2 and toks[i - 1][LOW] in ("of", "for", "to", "at", "from") and (
            toks[i - 2][LOW] in lexicon.roles or toks[i - 2][LOW] in QUANTIFIERS) and not toks[i - 2][QUOTED]:
        i -= 2
        if i > 0 and toks[i - 1][LOW] in ARTICLES:
            i -= 1
    while i < j - 1 and (toks[i][LOW] in CONNECTORS or toks[i][LOW] in LEADING_CLAUSE or toks[i][TEXT] == "."):
        i += 1  # a phrase does not start with "of", a clause word ("When Clinton said") or a period
    # an apposition before the cue: "Scott Pruitt, the attorney general of Oklahoma, said"
    return (i, j)


#: Prepositions allowed inside a subject noun phrase ("Six in 10 voters", "the head of the agency").
SUBJECT_PREPOSITIONS = frozenset({"of", "in", "for", "from", "at", "with", "on"})


#: Quantifiers that head a source phrase before "of" ("one of the prosecutors", "most of the delegates").
QUANTIFIERS = frozenset({"one", "some", "many", "most", "all", "none", "each", "several", "few", "two", "three",
                          "four", "both", "any", "half", "members", "people", "aides", "allies", "friends"})


#: Closing quotation marks as tokens.
QUOTE_CLOSERS = frozenset({'"', "”", "''", "’", "'"})


#: Determiners that cannot end a noun phrase ("both", "many", "all" can: "both said").
ARTICLES = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "another"})


#: Tokens after which a clause, and so its subject, begins.
CLAUSE_OPENERS = frozenset({",", ";", ":", "—", "–", "(", "that", "but", "and", "while", "because", "although",
                             "though", "whereas", "if", "when", "as", "so", "what", "until", "unless", "than",
                             "whom", "whether"})


_AUXILIARIES = frozenset({"have", "has", "had", "is", "are", "was", "were", "will", "would", "can", "could"})


def _lowercase_subject(toks: list[Tok], start: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """A lower-case subject noun phrase from toks[start] up to an auxiliary ("other advisers to the government have
    been urging"): an article or a determiner first, then words that are no verb, at most ten."""
    if start >= end or toks[start][LOW] not in DETERMINERS:
        return None
    j = start
    while j < end and j - start < 10:
        tok = toks[j]
        if tok[LOW] in _AUXILIARIES:
            return (start, j) if j > start + 1 else None
        if tok[QUOTED] or not (tok[TEXT][:1].isalnum() or tok[LOW] in ("'s", "'")) or tok[LOW] in NOT_IN_SUBJECT or (
                tok[LOW] in lexicon.verbs) or (tok[LOW] in CLAUSE_WORDS and tok[LOW] != "to"):
            return None
        j += 1
    return None


def coordinated_subject(toks: list[Tok], conjunction: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The subject of a coordinated or participial cue ("Clinton celebrated in Florida ... and said", "The
    spokesman refused to answer but said", "In April, Twitter reported ... and said", "the ACLU has sued the city,
    saying"): the capitalised or role-headed noun phrase that opens the clause (the sentence, after an
    introductory phrase ending in a comma, or the last ", and" / ";" before the cue), if a verb follows it."""
    starts = []
    for k in range(conjunction - 1, max(conjunction - 60, 0), -1):  # a clause of at most sixty tokens: linear time
        if toks[k][TEXT] == ";" or (toks[k][LOW] in ("and", "but") and toks[k - 1][TEXT] == ","):
            starts.append(k + 1)
            break
    else:
        for k in range(0, min(8, conjunction)):
            if toks[k][TEXT] in (",", "—", "–"):  # an introductory phrase, or a dateline ("WASHINGTON —")
                starts.append(k + 1)
                break
        # or no introductory phrase: the comma closed a first verb phrase ("Clinton celebrated in Florida with
        # supporters, declaring it ... and said")
        starts.append(0)
    for start in starts:
        subject = _clause_opening_subject(toks, start, conjunction, lexicon)
        if subject is not None:
            return subject
    return None


def _clause_opening_subject(toks: list[Tok], start: int, conjunction: int, lexicon: Lexicon) -> tuple[int, int] | None:
    while start < conjunction - 1 and toks[start][LOW] in ("but", "and", "so", "yet", "still", "meanwhile"):
        start += 1  # "But other advisers ... have been urging ..., saying"
    if start < conjunction and toks[start][LOW] in PRONOUNS:
        return (start, start + 1) if start + 1 < conjunction and toks[start + 1][TEXT][:1].isalpha() else None
    lower = _lowercase_subject(toks, start, conjunction, lexicon)
    if lower is not None:
        return lower
    j = start
    while j < conjunction and j - start < 9 and not toks[j][QUOTED] and (
            is_capital(toks[j]) or toks[j][LOW] in lexicon.roles or toks[j][LOW] in ("'s", "’s", ".") or
            (j == start and toks[j][LOW] in ARTICLES)):
        j += 1
    if j > start and j < conjunction and toks[j][TEXT] == ",":  # "Republicans, who hold a majority, have blocked"
        closing = next((k for k in range(j + 1, min(j + 30, conjunction)) if toks[k][TEXT] == ","), None)
        if closing is not None and closing + 1 < conjunction and toks[closing + 1][TEXT][:1].islower() and (
                toks[closing + 1][TEXT].isalpha()) and toks[closing + 1][LOW] not in CLAUSE_WORDS and any(
                is_capital(t) or t[LOW] in lexicon.roles for t in toks[start:j]):
            return (start, closing)
    if j < conjunction and toks[j][TEXT] == "(":  # "Sen. Bernie Sanders (I-Vt.) defended"
        closing = next((k for k in range(j + 1, min(j + 8, conjunction)) if toks[k][TEXT] == ")"), None)
        if closing is not None:
            j = closing + 1
    if j == start or j >= conjunction or toks[j][TEXT][:1].isupper() or not toks[j][TEXT][:1].isalpha() or (
            j == start + 1 and toks[start][LOW] in ARTICLES):
        return None
    if not any(is_capital(t) or t[LOW] in lexicon.roles for t in toks[start:j]) or toks[start][LOW] in LEADING_CLAUSE:
        return None
    return (start, j)


#: Adverbs that may open a subject noun phrase ("nearly half said", "roughly 40 percent said").
_SUBJECT_ADVERBS = frozenset({"nearly", "roughly", "approximately", "only", "fully", "exactly", "slightly"})


def clause_subject(toks: list[Tok], j: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """A lower-case subject noun phrase ending before toks[j] and opening its clause: "Abortion opponents said",
    "61 percent said", "both candidates said", "a source close to him said", "three-quarters said". At most eight
    words, no verb or auxiliary, prepositions only inside; it must reach the start of the sentence or of a clause."""
    i = j
    while i > 0 and j - i < 8:
        tok = toks[i - 1]
        low = tok[LOW]
        if tok[QUOTED] or low in QUOTE_CLOSERS:
            break  # '"...," the RNC member said': a quotation ends the subject on its left
        noun = low in NOUN_HOMOGRAPHS and i >= 2 and (toks[i - 2][LOW] in ARTICLES or toks[i - 2][LOW] == "news" or (
            toks[i - 2][LOW].endswith("er")))  # "an earlier report in a ... paper said", "a news report said"
        if low in NOT_IN_SUBJECT or (low in lexicon.verbs and not is_capital(tok) and not noun) or (
                low.endswith("ly") and low not in _SUBJECT_ADVERBS):
            return None  # a capitalised form is a name's ("the latest Rasmussen Reports poll")
        if low in CLAUSE_OPENERS or low in CLAUSE_WORDS or low == "-":  # a lone "-" is a dash
            break
        if tok[TEXT] == "." and i >= 2 and abbreviation(toks[i - 2]):
            i -= 1  # "Mrs. Clinton's advisers said"
            continue
        if not (tok[TEXT][:1].isalnum() or low in ("%", "'s", "’s", "$", "/", "&")):  # "a new CNN/ORC poll"
            return None
        i -= 1
    else:
        if i > 0:
            return None  # too long to be a subject
    while i < j and (toks[i][LOW] in SUBJECT_PREPOSITIONS or toks[i][LOW] in LEADING_CLAUSE):
        i += 1
    if i >= j or toks[j - 1][LOW] in SUBJECT_PREPOSITIONS or toks[j - 1][LOW] in ARTICLES:
        return None
    return (i, j)


#: Words that open an aside between a source and its cue, not an apposition or a relative clause.
_ASIDES = frozenset({"in", "at", "on", "for", "with", "after", "despite", "like", "unlike", "citing", "according",
                     "himself", "herself", "themselves", "itself", "however", "though", "too", "also", "meanwhile"})
#: Dashes that set off an aside ("Murphy — after a pause — told").
DASHES = frozenset({"—", "–", "-", "--"})


def apposition_left(toks: list[Tok], comma: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """A source with appositions or a relative clause before a cue, as far back as its name: "Scott Pruitt, the
    attorney general of Oklahoma, said"; "Cecelia Purner, 67, a retired teacher, said"; "Steele, who was
    lieutenant governor, said". The source runs from the name to the last comma (PolNeAR's source spans)."""
    segments = 0
    for k in range(comma - 1, max(comma - 40, 0), -1):
        if toks[k][QUOTED] or toks[k][TEXT] in (";", ":", "?", "!") or (
                toks[k][TEXT] == "." and not (k > 0 and abbreviation(toks[k - 1]))):
            return None
        if toks[k][LOW] == ",":
            first = toks[k + 1] if k + 1 < comma else None
            segment = toks[k + 1:comma]
            plain_noun_phrase = 0 < len(segment) <= 12 and first is not None and first[TEXT][:1].isalpha() and not any(
                t[LOW] in NOT_IN_SUBJECT or t[LOW] in lexicon.verbs or t[LOW] in CLAUSE_WORDS for t in segment)
            if first is None or not (first[LOW] in DETERMINERS or first[LOW] in lexicon.roles or is_capital(first)
                                     or first[LOW] in ("who", "whose", "which") or first[TEXT][:1].isdigit()
                                     or plain_noun_phrase or first[LOW] in _ASIDES):
                # a plain noun phrase ("Scot Ross, executive director of X, said"), an aside ("The Journal, citing X, said")
                return None
            name = source_left(toks, k, lexicon)
            if name and any(is_capital(t) for t in toks[name[0]:name[1]]):
                # the source keeps appositions and relative clauses (as PolNeAR marks them) and ends before an aside
                # ("Judicial Watch, in releasing the email, noted" -> "Judicial Watch"; "Tester, himself up for ...")
                end = next((c for c in range(k, comma) if toks[c][TEXT] == "," and toks[c + 1][LOW] in _ASIDES), comma)
                return (name[0], end)
            if segments == 0 and all(is_capital(t) or t[TEXT] == "." for t in segment):
                described = _description_before(toks, k, lexicon)  # "Another Clinton ally, Tom Vilsack, told"
                if described is not None:
                    return (described, comma)
            segments += 1
            if segments >= 3:
                return None
    return None


def aside_left(toks: list[Tok], dash: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The source before an aside set off by dashes, ending at toks[dash] before a cue: "Murphy — after a
    knock-on-wood gesture — told"; "Many speakers at the service — including Muslims, Jews — said". The source is
    the phrase before the opening dash (at most thirty tokens back, within the clause)."""
    for k in range(dash - 1, max(dash - 30, 0), -1):
        if toks[k][QUOTED] or toks[k][TEXT] in (";", ":", "?", "!") or (
                toks[k][TEXT] == "." and not (k > 0 and abbreviation(toks[k - 1]))):
            return None
        if toks[k][TEXT] in DASHES and toks[k][TEXT] == toks[dash][TEXT]:
            return source_left(toks, k, lexicon) if k > 0 else None
    return None


def _description_before(toks: list[Tok], comma: int, lexicon: Lexicon) -> int | None:
    """Where a description of a name that follows ``comma`` starts, if it opens the sentence: at most twelve words
    without a verb ("One delegate not on the Cruz slate, Kelly Schmdit, told")."""
    if comma > 12 or comma == 0:
        return None
    words = toks[:comma]
    if any(t[QUOTED] or (t[LOW] in NOT_IN_SUBJECT and t[LOW] != "not") or t[LOW] in lexicon.verbs
           or t[TEXT] in (",", ";", ":") for t in words):
        return None
    return 1 if toks[0][LOW] in ("but", "and") else 0


#: Object pronouns after "according to" ("according to him").
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "it"})


def common_noun_start(tok: Tok, lexicon: Lexicon) -> bool:
    """Whether a lower-case word can open a noun phrase in apposition ("said Larry Sabato, director of ..."): not a
    clause word, an auxiliary, a reporting verb or a participle ("..., adding that")."""
    low = tok[LOW]
    return (tok[TEXT][:1].islower() and tok[TEXT].isalpha() and low not in CLAUSE_WORDS and low not in NOT_IN_SUBJECT
            and low not in lexicon.verbs and not low.endswith(("ing", "ly")) and low not in LEADING_CLAUSE)


def addressee_right(toks: list[Tok], after: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The addressee of "told" at toks[after], kept apart from the content that may follow without "that" ("Roe told
    the radio station the pipe had burst"; "Loktev told TASS the cameras work"): an object pronoun or "reporters";
    a run of capitalised words (with "of", "'s" and abbreviations); or an article with at most three more words,
    ending before the next article, pronoun or capitalised word."""
    if after >= len(toks) or toks[after][QUOTED]:
        return None
    first = toks[after]
    if first[LOW] in OBJECT_PRONOUNS or first[LOW] in ("reporters", "journalists", "me", "you", "supporters"):
        return (after, after + 1)
    if is_capital(first) and first[LOW] not in PRONOUNS:
        j = after
        while j < len(toks) and not toks[j][QUOTED] and (is_capital(toks[j]) or toks[j][LOW] in ("'s", "'", "&") or (
                toks[j][TEXT] == "." and abbreviation(toks[j - 1])) or (
                toks[j][LOW] in ("of", "for") and j + 1 < len(toks) and is_capital(toks[j + 1]))):
            j += 1
        return (after, j)
    if first[LOW] in ARTICLES:
        j = after + 1
        while j < len(toks) and j - after <= 3 and toks[j][TEXT][:1].isalnum() and not is_capital(toks[j]) and (
                toks[j][LOW] not in ARTICLES and toks[j][LOW] not in PRONOUNS and toks[j][LOW] not in CLAUSE_WORDS
                and toks[j][LOW] not in NOT_IN_SUBJECT):
            j += 1
        if j < len(toks) and toks[j - 1][LOW] in lexicon.roles:  # "the state agency TASS": the name in apposition
            while j < len(toks) and is_capital(toks[j]) and not toks[j][QUOTED]:
                j += 1
        return (after, j) if j > after + 1 else None
    return source_right(toks, after, lexicon)


def source_right(toks: list[Tok], after: int, lexicon: Lexicon, *, apposition: bool = False,
                  common: bool = False) -> tuple[int, int] | None:
    """Token range of a source phrase starting at toks[after] (inverted "said X", "according to X"). With
    ``common`` (after "according to" and "citing", whose object is always the source), a phrase of common nouns
    counts too: "according to a new poll", "according to recent data from comScore", "according to him"."""
    i = after
    if i >= len(toks) or toks[i][QUOTED]:
        return None
    if toks[i][LOW] in PRONOUNS or (common and toks[i][LOW] in OBJECT_PRONOUNS):
        return (i, i + 1)
    j = i
    while j < len(toks):
        tok = toks[j]
        if tok[TEXT] == "." and j > i and abbreviation(toks[j - 1]) and j + 1 < len(toks) and is_capital(toks[j + 1]):
            j += 1
            continue
        if tok[QUOTED] or (not tok[TEXT][:1].isalnum() and tok[LOW] not in ("'s", "'")):
            break
        if tok[LOW] in CLAUSE_WORDS or (tok[LOW] in lexicon.verbs and j > i and toks[j - 1][LOW] not in ARTICLES):
            break  # a verb ends the phrase, not a noun after an article ("a transcript of the show")
        if tok[LOW] in CONNECTORS and not (j + 1 < len(toks) and (is_capital(toks[j + 1]) or toks[j + 1][LOW] in DETERMINERS)):
            if not (common and j + 1 < len(toks) and toks[j + 1][TEXT][:1].isalnum() and toks[j + 1][LOW] not in
                    CLAUSE_WORDS):
                break
        if (common or j > i) and tok[LOW] in NOT_IN_SUBJECT:
            break
        if j > i and tok[LOW] in PRONOUNS and tok[LOW] != "it":
            break  # "told POLITICO she was leaning": the addressee ends, the content begins
        j += 1
        if j - i >= 14:
            break
    if j == i or not (common or any(is_capital(t) or t[LOW] in lexicon.roles for t in toks[i:j])):
        return None
    # an apposition after a name: "said Kenneth Baer, a former official who runs a firm."
    if apposition and j + 1 < len(toks) and toks[j][LOW] == "," and (
            toks[j + 1][LOW] in DETERMINERS or toks[j + 1][LOW] in lexicon.roles or
            toks[j + 1][LOW] in ("who", "whose", "which", "of") or toks[j + 1][TEXT][:1].isdigit() or (
                is_capital(toks[j + 1]) and any(t[LOW] in lexicon.roles for t in toks[j + 1:j + 8])) or
            common_noun_start(toks[j + 1], lexicon)):
        end = len(toks)
        while end > j and not toks[end - 1][TEXT][:1].isalnum():
            end -= 1
        if end - j <= 40 and not any(t[QUOTED] for t in toks[j:end]):  # at most forty tokens: linear time
            j = end
    return (i, j)


def inverted_subject(toks: list[Tok], after: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """A lower-case source right after the cue of an inverted quotation ('"...," said the boy', '"...," asked a
    woman in the crowd'): a determiner-led phrase of at most six words, up to punctuation or a clause word."""
    if after >= len(toks) or toks[after][LOW] not in DETERMINERS:
        return None
    j = after + 1
    while j < len(toks) and j - after < 6 and toks[j][TEXT][:1].isalnum() and toks[j][LOW] not in CLAUSE_WORDS \
            and toks[j][LOW] not in NOT_IN_SUBJECT and toks[j][LOW] not in lexicon.verbs and not toks[j][QUOTED]:
        j += 1
    return (after, j) if j > after + 1 else None


@lru_cache(maxsize=4096)
def type_source(source: str) -> tuple[str, str, str, str]:
    return type_source_in(source, reporting_lexicon())


#: Role nouns that name an institution, not a person: their sources are organisations ("the ministry said").
INSTITUTIONS = frozenset({"ministry", "department", "office", "government", "kremlin", "police", "court", "agency",
                          "authorities", "authority", "commissariat", "newspaper", "outlet", "channel", "website",
                          "group", "ngo", "company", "firm", "news agency", "state news agency", "news agencies",
                          "ministries", "departments", "agencies", "groups", "companies", "firms", "courts"})


def plain_word(word: str) -> str:
    """A word of a source phrase lower-cased, without the punctuation around it and without a possessive "'s"
    ("spokesperson," -> "spokesperson"; "agency's" -> "agency"; "senators'" -> "senators")."""
    word = word.lower().replace("’", "'").strip(",.;:!?()\"“”")
    if word.endswith("'s"):
        word = word[:-2]
    return word.strip("'")


def head_role_type(words: list[str], lexicon: Lexicon) -> str | None:
    """The source type of the last role noun of a source phrase, a role of two or three words first ("the news
    agency" -> wire agency, not the official "agency")."""
    plain = [plain_word(w) for w in words]
    for k in range(len(plain) - 1, -1, -1):
        for size in (3, 2, 1):
            phrase = " ".join(plain[max(0, k - size + 1):k + 1])
            if k - size + 1 >= 0 and phrase in lexicon.roles:
                return lexicon.roles[phrase]
    return None


#: Words that mark a source's gender (titles and gendered role nouns); anything else leaves it unknown.
MASCULINE = frozenset({"mr", "mr.", "he", "him", "his", "man", "men", "spokesman", "chairman", "congressman",
                       "businessman", "father", "son", "husband", "brother", "king", "sir", "lord"})
FEMININE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "she", "her", "woman", "women", "spokeswoman",
                      "chairwoman", "congresswoman", "businesswoman", "mother", "daughter", "wife", "sister",
                      "queen", "lady", "dame"})


def gender_and_number(source: str, kind: str, roles: dict[str, str] | None = None) -> tuple[str | None, str]:
    """(gender, number) of a source phrase, for pronoun agreement: gender "m" or "f" from a title or a gendered
    role noun ("Ms. Tanzer", "a spokeswoman"), else None (unknown, never guessed from a first name); number
    "plural" for a lower-case plural head or a plural role noun (``roles``: "officials", "Rights groups") or a
    coordination ("Smith and Jones"),
    else "singular". ``kind`` (person / organisation) is the animacy."""
    written = source.split(",")[0].split()
    words = [plain_word(w) for w in written]
    gender = "m" if MASCULINE.intersection(words) else "f" if FEMININE.intersection(words) else None
    head = written[-1] if written else ""
    plural = ("and" in words and kind == "person") or (
        (head[:1].islower() or plain_word(head) in (roles or {})) and head.endswith("s")
        and not head.endswith(("ss", "'s", "’s")) and len(head) > 3)
    return gender, "plural" if plural else "singular"


def type_source_in(source: str, lexicon: Lexicon) -> tuple[str, str, str, str]:
    """(canonical, role, type, kind) of a source phrase."""
    for pattern, canonical, source_type, kind in lexicon.aliases:
        if pattern.search(source):
            role = role_phrase(source, lexicon)
            return canonical, role, source_type, kind
    role = role_phrase(source, lexicon)
    words = source.replace("’", "'").split()
    head_role = head_role_type(words, lexicon)
    names = [w for w in words if w[:1].isupper() and w.lower() not in DETERMINERS]
    last_role = next((w for w in map(plain_word, reversed(words)) if w in lexicon.roles), "")
    kind = "organisation" if (head_role in ("state media", "wire agency", "independent media", "company")
                              or last_role in INSTITUTIONS) and not (
        names and not any(w.lower() in lexicon.roles for w in names)) else "person"
    head = source.replace("’", "'").split(",")[0].split()  # an apposition after a comma describes the name
    cut = next((k for k in range(1, len(head)) if (head[k] in ("of", "from") or head[k].startswith("("))
                and head[k - 1][:1].isupper() and not head[k - 1].endswith("'s")), None)
    if cut is not None and sum(w[:1].isupper() for w in head[:cut]) >= 2:
        head = head[:cut]  # "Senator Claire McCaskill of Missouri", "Sen. Bernie Sanders (I-Vt.)": the name, not the state
    if head and head[-1][:1].isupper():
        canonical = " ".join(name_tail(head)) or source
    else:  # a description without a name ("Rights groups", "the city's chief officer") stands for itself
        canonical = " ".join(w for w in head if w.lower() not in ("the", "a", "an")) or source
    return canonical, role, head_role or "unclassified", kind


def name_tail(words: list[str]) -> list[str]:
    tail: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() and not word.endswith(("'s", "’s")):
            tail.insert(0, word)
        elif tail:
            break
    return tail


def role_holder(text: str, role: str, lexicon: Lexicon) -> str | None:
    """A name written right after ``role`` anywhere in the document ("... officer Maxim Loktev")."""
    match = re.search(re.escape(role) + r"\s+((?:[A-Z][\w'’.-]+\s?){1,3})", text)
    if not match:
        return None
    name = match.group(1).strip()
    return known_name(name) or name


@lru_cache(maxsize=4096)
def known_name(name: str) -> str | None:
    """The canonical name of the first known source (longest alias first) named in ``name``."""
    return next((canonical for pattern, canonical, _, _ in reporting_lexicon().aliases if pattern.search(name)), None)


def role_phrase(source: str, lexicon: Lexicon) -> str:
    words = re.findall(r"[\w-]+", source)
    for i, word in enumerate(words):
        if word.lower() in lexicon.roles and not word[:1].isupper():
            j = i
            while j > 0 and not words[j - 1][:1].isupper() and words[j - 1].lower() not in DETERMINERS and words[j - 1] != "s":
                j -= 1
            return " ".join(words[j:i + 1])
    return ""


def same_person(name: str, named: list[tuple[str, str, str, str | None, str | None]]
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


#: Personal pronouns as sources: (animacy, gender, number) they agree with; None accepts any.
PRONOUN_AGREEMENT: dict[str, tuple[str | None, str | None, str | None]] = {
    "he": ("person", "m", "singular"), "she": ("person", "f", "singular"), "it": ("organisation", None, "singular"),
    "they": (None, None, None), "we": (None, None, None), "i": ("person", None, "singular")}


class Entities:
    """The sources named so far in one document, for resolving the next mention:

    * a pronoun (he, she, it, they) takes the most recent of the last 50 named sources it agrees with in animacy (person or
      organisation), gender (from a title or a gendered role noun; unknown agrees with both) and number (a plural
      head noun or a coordination is plural): "she" never resolves to "the ministry" or to "officials";
    * a lone surname ("Loktev") takes the entity of the earlier full name whose last word it is ("Maxim Loktev");
    * a role without a name ("the city's chief enlistment officer") takes the named source with that role, or the
      name written after that role elsewhere in the document;
    * an entity's source type is decided once, by its first mention that has one (:meth:`decided_type`)."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self.named: list[tuple[str, str, str, str, str | None, str]] = []  # canonical, role, type, kind, gender, number
        self.types: dict[str, str] = {}
        self.by_role: dict[str, str] = {}  # role -> the first canonical name with it
        self.holders: dict[str, str | None] = {}  # role -> the name written after it in the document
        self.by_surname: dict[str, tuple[str, str, str, str, str | None, str]] = {}  # last word -> latest full name

    def resolve(self, source: str) -> tuple[str, str, str]:
        """(canonical, role, source type) of a source phrase, remembered for the mentions after it."""
        low = source.lower()
        if low in PRONOUN_AGREEMENT:
            animacy, gender, number = PRONOUN_AGREEMENT[low]
            for canonical, role, source_type, kind, their_gender, their_number in reversed(self.named[-50:]):
                if (animacy is None or kind == animacy) and (number is None or their_number == number) and (
                        gender is None or their_gender in (None, gender)):
                    return canonical, role, source_type
            return "", "", "unclassified"
        canonical, role, source_type, kind = type_source(source)
        gender, number = gender_and_number(source, kind, self.lexicon.roles)
        if role and not name_tail(source.split()):
            # a role without a name: the named source with the same role ("the city's chief enlistment officer"
            # ... "chief enlistment officer Maxim Loktev")
            holder = self.by_role.get(role)
            if role not in self.holders:  # one search of the document per role
                self.holders[role] = role_holder(self.text, role, self.lexicon)
            canonical = (holder if holder != source else None) or self.holders[role] or canonical
        elif " " not in canonical and canonical[:1].isupper():
            earlier = self.by_surname.get(canonical)
            if earlier is not None:  # "Loktev" after "Maxim Loktev": one entity
                canonical, role = earlier[0], role or earlier[1]
                source_type = source_type if source_type != "unclassified" else earlier[2]
                gender = gender or earlier[4]
        if source_type != "unclassified":
            self.types.setdefault(canonical, source_type)
        entry = (canonical, role, source_type, kind, gender, number)
        self.named.append(entry)
        if role:
            self.by_role.setdefault(role, canonical)
        if len(canonical.split()) > 1 and kind == "person":
            self.by_surname[canonical.split()[-1]] = entry
        return canonical, role, source_type

    def decided_type(self, canonical: str, source_type: str) -> str:
        """The type of the entity ``canonical``: that of its first typed mention, else ``source_type``."""
        return self.types.get(canonical, source_type)
