"""The English attribution rules: cues, direct quotes, indirect speech, according to / citing, headlines, agentless and
question forms."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter

from ..documents import paragraphs_of, sentences_of
from ..quotes import mark_positions, quote_spans
from .lexicon import CONTRACTED_AUXILIARIES, NOT_IN_SUBJECT, NOUN_HOMOGRAPHS, REPORTER_CLAUSE, Lexicon
from .sources import (
    ARTICLES,
    CLAUSE_WORDS,
    DASHES,
    OBJECT_PRONOUNS,
    PRONOUNS,
    addressee_right,
    apposition_left,
    aside_left,
    coordinated_subject,
    inverted_subject,
    source_left,
    source_right,
    went_on_to,
)
from .tokens import (
    END,
    LOW,
    QUOTED,
    START,
    TEXT,
    ClauseIndex,
    Tok,
    ascii_words,
    is_capital,
    sentence_tokens,
    trim_span,
)

AGENTLESS = re.compile(  # (?=[ahirw]): every alternative starts with one of these; it lets re skip ahead fast
    r"(?=[ahirw])\b(?:it\s+(?:is|was|has\s+been|had\s+been)\s+(?:reported|said|claimed|alleged|announced)"
    r"|(?:is|was|are|were|has\s+been|have\s+been)\s+(?:reported|quoted|said|cited)\s+as\s+saying"
    r"|(?:is|was|are|were)\s+(?:reported|said|claimed|alleged)\s+to"
    r"|(?:is|was|are|were)\s+(?:widely\s+)?(?:expected|believed|thought|considered)(?=\s+to\b)"
    r"|reportedly|allegedly)\b", re.IGNORECASE)


AGENTLESS_WORDS = frozenset({"reported", "said", "claimed", "alleged", "announced", "quoted", "cited", "reportedly",
                               "allegedly", "expected", "believed", "thought", "considered"})
#: Agentless cues of belief, not of speech ("is expected to", "was widely believed to").
AGENTLESS_BELIEFS = ("expected", "believed", "thought", "considered")


NOUN_CONTEXT = {"united", "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
                 "your", "in", "of", "to", "new", "latest", "first", "final", "annual", "for", "with", "by", "no"}


CUE_RIGHT = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|then|earlier|later|today|yesterday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?"
    r"(?:\s+(?:in|during|at|on)\s+(?:a|an|his|her|their|the|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:interview|statement|email|e-mail|post|tweet|letter|speech|briefing|conference|call|release|hearing)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?)?")


CUE_LEFT = {"has", "have", "had", "also", "repeatedly", "often", "now", "later", "earlier", "previously", "again",
             "recently", "publicly", "separately", "further", "would", "will", "first", "then", "just", "once",
             "even", "never", "does", "did", "do", "since", "not", "n't", "can", "could", "may", "might", "should",
             "must", "still", "already", "only", "long"}


HEADLINE_SOURCE = re.compile(r"\s[-–—:]\s*([A-Z][\w.&'’/ -]{1,40}?)\s*$")


def cue_extent(text: str, toks: list[Tok], index: int, length: int) -> tuple[int, int]:
    """The cue with auxiliaries and adverbs before it ("has said", "also said", "angrily said"), an adverb after it
    and the preposition of its topic (:func:`cue_right_end`: "said recently", "asked about"), without a time or
    medium after it ("said Monday", "said in an interview": :func:`cue_tail` skips them before the content), as
    docs/attribution_guidelines.md (1.1) marks it. PolNeAR's annotators differ here: on its train split the cue
    keeps "in a statement" 91 times and leaves it out 92 times, keeps "on Monday" 5 times and leaves it out 38.
    """
    first = went_on_to(toks, index)
    # "was quoted as saying"; the progressive "is telling", "were saying"
    be_joins = toks[index][LOW] == "quoted" or toks[index][LOW].endswith("ing")
    while first > 0 and not toks[first - 1][QUOTED] and (
            toks[first - 1][LOW] in CUE_LEFT or (be_joins and toks[first - 1][LOW] in ("was", "is", "were", "are",
                                                                                         "been", "be", "am"))
            or (toks[first - 1][LOW].endswith("ly") and len(toks[first - 1][LOW]) > 4 and toks[first - 1][TEXT].islower())):
        first -= 1  # "has also said", "angrily said"
    if first >= 2 and toks[first - 1][LOW] in CONTRACTED_AUXILIARIES and (
            toks[first - 2][LOW] in PRONOUNS or toks[first - 2][LOW] in ("that", "who", "there")):
        first -= 1  # "he's said", "who've announced", "That's according to": a contracted auxiliary, not a possessive
    return toks[first][START], toks[cue_right_end(toks, index + length) - 1][END]


#: Words in -ly that are no adverbs ("reported early results").
NOT_ADVERBS = frozenset({"early", "family", "rally", "ally", "belly", "bully", "holly", "jelly", "supply", "apply",
                         "reply", "italy", "july", "weekly", "daily", "monthly", "yearly", "hourly", "quarterly"})
#: Adverbs after a verb that belong to its cue ("said recently", "has said repeatedly"); any other adverb in -ly
#: (and "only") does too before a full stop, a comma, "that" (cue_right_end).
CUE_ADVERBS = frozenset({"recently", "repeatedly", "earlier", "later", "then", "again", "publicly", "privately"})


def cue_right_end(toks: list[Tok], after: int) -> int:
    """The token index where a cue ending before toks[after] ends, with an adverb after it and the preposition of its
    topic ("asked about", "wrote about": PolNeAR marks them in the cue, 44 against 15 times on its train split)."""
    if after < len(toks) and not toks[after][QUOTED] and (toks[after][LOW] in CUE_ADVERBS or (
            (toks[after][LOW] == "only" or (toks[after][LOW].endswith("ly") and len(toks[after][LOW]) > 4
                                            and toks[after][TEXT].islower() and toks[after][LOW] not in NOT_ADVERBS))
            and after + 1 < len(toks) and toks[after + 1][LOW] in (".", ",", "that", ";", ":"))):
        after += 1  # "said recently", "said sarcastically.", "saying only that"
    if after + 1 < len(toks) and toks[after][LOW] == "about" and not toks[after][QUOTED] and toks[after + 1][TEXT][:1].isalnum():
        after += 1
    return after


def cue_tail(text: str, toks: list[Tok], index: int, length: int) -> int:
    """Where the words that belong with a cue end: past a time or medium after it ("said on Monday that", "said in
    a statement that"); the content starts after them."""
    end = toks[index + length - 1][END]
    match = CUE_RIGHT.match(text, end)
    return match.end() if match and match.end() > end else end


BE_FORMS = frozenset({"was", "were", "is", "are", "been", "be", "being"})


def question_relations(text: str, toks: list[Tok], s_end: int, taken: set[int], para_id: int, sent_id: int,
               part: str,
                       clauses: ClauseIndex) -> list[Relation]:
    """Questions whose asker is not named: "Clinton was asked about the border" (cue "was asked"), and a sentence
    that opens with "Asked if ..., X said" (cue "Asked", content up to the comma). Kind "no explicit source"."""
    found = []
    for i, tok in enumerate(toks):
        if tok[LOW] != "asked" or i in taken or tok[QUOTED]:
            continue
        if i > 0 and toks[i - 1][LOW] in BE_FORMS:
            first, end = i - 1, clauses.clause_end(i + 1, len(toks), s_end, verbs=False)
        elif (i == 0 and tok[TEXT] == "Asked") or (i >= 1 and toks[i - 1][LOW] in ("when", "after", "once")):
            # "Asked if ..., X said"; "When asked about ..."; "..., he said when asked about ..."
            first = i
            comma = next((k for k in range(i + 1, min(i + 60, len(toks))) if toks[k][TEXT] == ","), None)
            end = toks[comma][START] if comma is not None else (
                s_end if i + 60 >= len(toks) else toks[i + 60][START])  # bounded, as every content is
        else:
            continue
        after = cue_right_end(toks, i + 1)
        if after >= len(toks) or toks[after][START] >= end:
            continue
        content = trim_span(text, toks[after][START], end)
        if content[1] > content[0]:
            found.append(Relation(para_id, sent_id, part, "no explicit source", None,
                                  (toks[first][START], toks[after - 1][END]), [content],
                                  ("ask", "neutral", "speech")))
    return found


def passive_relations(text: str, toks: list[Tok], s_start: int, taken: set[int], lexicon: Lexicon, para_id: int,
                      sent_id: int, part: str, clauses: ClauseIndex) -> list[Relation]:
    """Passive cues with their agent: "The meeting was first reported by Politico" (cue "was first reported", source
    the phrase after "by", content the subject before the auxiliary); "the attacks in Paris, which were claimed by
    the Islamic State" (a relative "which" or "that" stands for the phrase before its comma)."""
    found = []
    for i in range(2, len(toks) - 2):
        if toks[i + 1][LOW] != "by" or i in taken or toks[i][QUOTED] or not toks[i][LOW].endswith("ed") or (
                toks[i][LOW] == "asked" or toks[i + 2][LOW] in ("now", "then", "far", "default")):
            continue  # "was asked by" is a question (question_relations); "by now" names no agent
        info = lexicon.verbs.get(toks[i][LOW])
        if info is None or info[2] != "speech" or info[0] == "maintain":  # "was backed by", "is maintained by"
            continue
        aux = i - 1
        if toks[aux][LOW] not in BE_FORMS and (toks[aux][LOW] == "first" or toks[aux][LOW].endswith("ly")):
            aux -= 1  # "was first reported by", "has been repeatedly criticized by"
        if toks[aux][LOW] not in BE_FORMS:
            continue
        if toks[aux][LOW] == "been" and aux > 0 and toks[aux - 1][LOW] in ("has", "have", "had"):
            aux -= 1
        span = source_right(toks, i + 2, lexicon, common=True)
        if span is None or aux == 0:
            continue
        start = clauses.break_before(aux - 1) + 1
        if toks[start][LOW] in ("which", "that", "who") and start == aux - 1 and start >= 2:
            start = clauses.break_before(start - 2) + 1  # the phrase a relative pronoun stands for
            end = toks[aux - 2][END] if toks[aux - 2][TEXT] == "," else toks[aux - 1][START]
        else:
            end = toks[aux][START]
        content = trim_span(text, toks[start][START] if start > 0 else s_start, end)
        if content[1] > content[0]:
            found.append(Relation(para_id, sent_id, part, "indirect", (toks[span[0]][START], toks[span[1] - 1][END]),
                                  (toks[aux][START], toks[i][END]), [content], info))
    return found


POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "my", "our", "your"})


def noun_relations(text: str, toks: list[Tok], s_end: int, taken: set[int], lexicon: Lexicon, para_id: int,
                   sent_id: int, part: str, clauses: ClauseIndex) -> list[Relation]:
    """Nominal cues (the lexicon's ``nouns``) after a possessor and before "that": "his claim that ...", "Comey's
    conclusion that ...", "her earlier statement that ..." (one modifier may stand between). The source is the
    possessor (with its "'s", as PolNeAR marks it), the cue the noun, the content the that-clause."""
    found = []
    for i in range(1, len(toks) - 2):
        info = lexicon.nouns.get(toks[i][LOW])
        if info is None or toks[i + 1][LOW] != "that" or toks[i][QUOTED] or i in taken:
            continue  # (a form that is also the verb's, "warning", may have been taken as a verb)
        p = i - 1
        if p > 0 and toks[p][TEXT].isalpha() and toks[p][TEXT].islower() and toks[p][LOW] not in POSSESSIVE_DETERMINERS \
                and toks[p][LOW] not in lexicon.verbs and toks[p][LOW] not in ARTICLES:
            p -= 1  # "his earlier claim that"
        if toks[p][LOW] in POSSESSIVE_DETERMINERS:
            source = (p, p + 1)
        elif toks[p][LOW] in ("'s", "’s", "'") and p > 0:
            k = p  # the possessor: a capitalised name ("Donald Trump's"), or "the" and a noun ("the campaign's")
            while k > 0 and not toks[k - 1][QUOTED] and (is_capital(toks[k - 1]) or (
                    toks[k - 1][TEXT] == "." and k > 1 and is_capital(toks[k - 2]))):
                k -= 1
            if k == p and p >= 2 and toks[p - 2][LOW] in ARTICLES and toks[p - 1][TEXT].isalpha():
                k = p - 2
            if k == p:
                continue
            source = (k, p + 1)
        else:
            continue
        end = clauses.clause_end(i + 1, len(toks), s_end)
        content = trim_span(text, toks[i + 1][START], end)
        if content[1] > content[0]:
            found.append(Relation(para_id, sent_id, part, "indirect", (toks[source[0]][START], toks[source[1] - 1][END]),
                                  (toks[i][START], toks[i][END]), [content], info))
    return found


def cue_at(toks: list[Tok], index: int, lexicon: Lexicon) -> tuple[int, tuple[str, str, str]] | None:
    """(length in tokens, (lemma, stance, category)) of a cue starting at toks[index], or None."""
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
    if tok[LOW] == "states" and not (index + 1 < len(toks) and toks[index + 1][LOW] in ("that", ":", '"', "“")):
        return None  # "30 states", "the United States": the verb opens its content ("the report states that")
    # a noun, not a verb: "the report", "a new tell", "this claim", "the AP report", "a pool report",
    # "Editor's note": a bare form after a possessive, or a base form after a singular noun phrase (a singular
    # subject would take "reports")
    if index > 0 and not tok[LOW].endswith(("ed", "ing")) and went_on_to(toks, index) == index:
        if toks[index - 1][LOW] in NOUN_CONTEXT or (toks[index - 1][LOW] in ("'s", "’s") and not (
                index >= 2 and toks[index - 2][LOW] in PRONOUNS)):  # "he's said" is no possessive
            return None
        if tok[LOW] == info[0] and info[0] in NOUN_HOMOGRAPHS:
            for k in range(index - 1, max(index - 6, -1), -1):
                low = toks[k][LOW]
                if low in ARTICLES or low in ("'s", "’s") or low in POSSESSIVE_DETERMINERS or low == "whose":
                    return None  # "the report", "her previous support for"
                if not toks[k][TEXT][:1].isalnum() or (low.endswith("s") and low != "news") or low in CLAUSE_WORDS or (
                        low in PRONOUNS):
                    break
    # "said" before a noun is an adjective ("the said cameras"); past participles after "be" are passives,
    # except the agentless pattern handled separately.
    if index > 0 and toks[index - 1][LOW] in ("is", "was", "are", "were", "be", "been", "being") and tok[LOW].endswith("ed"):
        return None
    if not noun_free(toks, index, info[0], lexicon):
        return None
    return 1, info


#: Auxiliaries and verbs of a singular subject: a base form before one is a noun ("the jobs report has").
SINGULAR_VERBS = frozenset({"is", "was", "has", "had", "says", "said", "shows", "showed", "found", "finds", "will",
                            "would"})


def noun_free(toks: list[Tok], index: int, lemma: str, lexicon: Lexicon) -> bool:
    """False where the form at toks[index] is a noun, an adjective or another verb than a reporting one: part of a
    name ("the Cook Political Report"), a participle after an article ("the reported bomber", "the added
    security"), a plural noun ("investigative reports", "FEC reports show"), a byline ("Lerer reported from Los
    Angeles"), "add" meaning sum ("added to the uncertainty", "added up to"), or "call up" (to conscript) and "call
    off"."""
    tok = toks[index]
    previous = toks[index - 1] if index > 0 else None
    following = toks[index + 1] if index + 1 < len(toks) else None
    if previous is not None and lemma in NOUN_HOMOGRAPHS and tok[TEXT][:1].isupper() and tok[LOW] in (
            lemma, lemma + "s") and previous[TEXT][:1].isupper() and previous[TEXT][:1].isalpha():
        return False
    if previous is not None and previous[LOW] in ARTICLES and tok[LOW].endswith("ed"):
        return False
    if following is not None and lemma == "report" and following[LOW] == "from":
        return False
    if following is not None and lemma in NOUN_HOMOGRAPHS and tok[LOW] == lemma and following[LOW] in SINGULAR_VERBS:
        return False  # "the jobs report has cleared the way", "the rules committee report was finalized"
    if following is not None and lemma == "add" and following[LOW] in ("to", "up"):
        return False
    if following is not None and lemma == "call" and following[LOW] in ("up", "off"):
        return False  # "men called up for military service", "called off the rally"
    if lemma in NOUN_HOMOGRAPHS and tok[LOW] == lemma + "s" and (  # a plural noun, not the third person singular
            (following is not None and (following[LOW] in NOT_IN_SUBJECT or following[LOW] in lexicon.verbs)) or (
                previous is not None and previous[TEXT][:1].islower() and previous[TEXT].isalpha()
                and previous[LOW] not in lexicon.roles and previous[LOW] not in PRONOUNS
                and previous[LOW] not in CLAUSE_WORDS and previous[LOW] not in CUE_LEFT
                and not previous[LOW].endswith("ly"))):
        return False
    return True


@dataclass
class Relation:
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


def english_relations(text: str, lexicon: Lexicon) -> list[Relation]:
    relations: list[Relation] = []
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
    first_body = True
    for para_id, para in enumerate(paragraphs_of(text)):
        speaker = speaker_line(text, para.start, para.end, para_id, sent_id, dateline_possible=first_body) if (
            para.part in ("body", "standfirst")) else None
        first_body = first_body and para.part != "body"
        if speaker is not None:
            relations.append(speaker)
            speaker_index = len(relations) - 1
        first_mark = bisect_left(marks, para.start)
        para_words = None
        if first_mark < len(marks) and marks[first_mark] < para.end:
            quotes = quote_spans(text, para.start, para.end)
        else:
            quotes = []
            if para.part != "headline":
                para_words = ascii_words(text, lowered, para.start, para.end)
                if lexicon.quick.isdisjoint(para_words):
                    # no quotation and no cue word: nothing to find here, only sentences to count
                    sent_id += len(sentences_by_para.get(para_id, ()))
                    continue
        quote_inner = [(q[1], q[2]) for q in quotes]
        sentences = sentences_by_para.get(para_id, [])
        headline = None
        if para.part == "headline":
            headline = headline_relation(text, para.start, para.end, para_id, sent_id)
            if headline is not None:
                relations.append(headline)
        used_quotes: set[int] = set()
        quote_bounds = ([q[0] for q in quotes], [q[2] for q in quotes])  # once per paragraph, for bisect
        previous_end = None
        for s_start, s_end in sentences:
            # '"What does that mean?" Mr. Trump asked.': Punkt ends a sentence after '?"' and '!"', so a short
            # sentence that opens with its source and cue may take the quotation that ends the sentence before
            after_question = previous_end is not None and (text[previous_end - 2:previous_end] in (
                '?"', '!"', "?”", "!”", "?'", "!’", "?“") or text[previous_end - 3:previous_end] in ("?''", "!''"))
            quote_from = previous_end - 1 if after_question and previous_end is not None else s_start
            previous_end = s_end
            # Only a sentence with a word that can start a cue, or with a quotation, can hold a relation
            # (the agentless patterns contain such words too); the others are counted and skipped.
            if para_words is not None and len(sentences) == 1:
                words = para_words  # the sentence is the paragraph
            else:
                words = ascii_words(text, lowered, s_start, s_end)
            if lexicon.quick.isdisjoint(words) and not (quotes and any(
                    q[1] < s_end and q[2] > s_start for q in quotes)):
                sent_id += 1
                continue
            toks = sentence_tokens(text, s_start, s_end, quote_inner)
            sentence_relations = relations_in_sentence(text, toks, s_start, s_end, quotes, used_quotes, lexicon,
                                                     para_id, sent_id, para.part, quote_from=quote_from,
                                                     quote_bounds=quote_bounds)
            if para.part == "headline":  # a headline's "X says"/"X finds" inside an attributed headline, or with
                # a capitalised headline word as its only source, is no relation of its own
                sentence_relations = [r for r in sentence_relations if r.cue_info[2] == "speech" and not (
                    headline is not None and headline.contents[0][0] <= r.cue[0] < headline.contents[0][1])]
            agentless = None
            if not any(r.source for r in sentence_relations) and not (plain and AGENTLESS_WORDS.isdisjoint(words)):
                agentless = AGENTLESS.search(text, s_start, s_end)
            if agentless and not any(a <= agentless.start() < b for a, b in quote_inner):
                content = trim_span(text, agentless.end(), s_end)
                if content[1] <= content[0]:
                    content = trim_span(text, s_start, agentless.start())
                belief = any(word in agentless.group().lower() for word in AGENTLESS_BELIEFS)
                sentence_relations.append(Relation(para_id, sent_id, para.part, "no explicit source", None,
                                                    agentless.span(), [content], ("agentless", "distancing", "belief")
                                                    if belief else ("agentless", "distancing", "speech")))
            base = len(relations)
            for relation in sentence_relations:
                if relation.parent is not None:
                    relation.parent += base
                elif speaker is not None and speaker.contents[0][0] <= relation.cue[0] < speaker.contents[0][1]:
                    relation.parent = speaker_index  # what a speaker line reports is nested in it
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


def is_participle(toks: list[Tok], index: int) -> bool:
    """Whether the cue at toks[index] is a participle after a clause ("X has sued the city, saying ...")."""
    return toks[index][LOW].endswith("ing") and index > 0 and toks[index - 1][LOW] in (",", "while", "—", "–", "-", "by")


#: Lower-case heads of a source that finds: "the survey found", "the IG review found" ("City cameras find men" is
#: no attribution, so *find* otherwise takes a capitalised or role-headed subject only).
EVIDENCE_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "review",
                            "analysis", "audit", "investigation", "inquiry", "probe", "research", "researchers",
                            "article", "data", "census", "tally", "count", "examination", "assessment"})


def subject_before_cue(toks: list[Tok], index: int, lexicon: Lexicon, info: tuple[str, str, str]
                       ) -> tuple[int, int] | None:
    """The source before a cue, for indirect speech and for a quotation after its cue alike: the subject of the clause
    a participle follows ("Rahm Emanuel urged a strong stand, saying"), else the phrase before the cue
    (:func:`source_left`; lower-case subjects for every cue but *find*), else a name with appositions ("Tad Devine,
    Sanders's chief strategist, said")."""
    if is_participle(toks, index):
        return coordinated_subject(toks, index - 1, lexicon)
    span = source_left(toks, index, lexicon, common=info[0] != "find")
    if span is None and info[0] == "find":  # "A new Latino Decisions poll released Friday found that ..."
        span = source_left(toks, index, lexicon, common=True)
        if span is not None and not any(t[LOW] in EVIDENCE_NOUNS for t in toks[span[0]:span[1]]):
            span = None
    if span is None and index > 0 and toks[index - 1][LOW] == ",":
        span = apposition_left(toks, index - 1, lexicon)
    if span is None and index > 1 and toks[index - 1][TEXT] in DASHES:
        span = aside_left(toks, index - 1, lexicon)
    return span


#: A headline that opens with its source: "Loktev: cameras find draft dodgers" (a name of one to four capitalised
#: words, a colon, the content).
HEADLINE_SOURCE_FIRST = re.compile(r"\s*((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*)\s*:\s+(\S.*?)\s*$")


#: A credit line: "Source: agencies Reuters, TASS, AFP", "Sources: Interfax and RIA Novosti", "With reporting by
#: Reuters" (a line of its own).
CREDIT_LINE = re.compile(r"^[ \t]*(?:(Sources?|Source\(s\))[ \t]*:|(With (?:input|reporting) (?:from|by))[ \t]*:?)[ \t]+"
                         r"(?:(?:the\s+)?(?:news\s+)?agenc(?:y|ies)\s+)?([^\n]{2,200}?)[ \t.]*$", re.MULTILINE)


def credit_lines(text: str) -> list[tuple[str, str]]:
    """(cue, name) for each source named on a credit line of ``text``: "Source: agencies Reuters, TASS, AFP" gives
    ("Source", "Reuters"), ("Source", "TASS"), ("Source", "AFP"). Names are split at commas, semicolons, slashes
    and "and"."""
    found = []
    for match in CREDIT_LINE.finditer(text):
        cue = match.group(1) or match.group(2)
        for name in re.split(r"\s*(?:[,;/]|\band\b)\s*", match.group(3)):
            if name.strip() and name.strip()[:1].isupper():
                found.append((cue, name.strip()))
    return found


#: A paragraph that opens with its speaker and a colon: "TAPPER: And obviously, ...", "Q: How did things go?",
#: "Rubio: I still believe ..." (one to four capitalised words; not the labels of :data:`NOT_SPEAKERS`).
SPEAKER_LINE = re.compile(r"[ \t]*([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}):[ \t]+(?=\S)")
#: First words of a "Word: ..." line that are labels, datelines or sentence openers, not speakers ("A:" is the
#: answer of a transcript).
NOT_SPEAKERS = frozenset({
    "the", "an", "here", "now", "follow", "editor", "editor's", "editor’s", "update", "updated", "watch",
    "video", "breaking", "exclusive", "related", "source", "sources", "photo", "photos", "note", "read", "see",
    "correction", "clarification", "this", "that", "what", "why", "how", "who", "when", "where", "in", "on", "at",
    "by", "for", "from", "and", "but", "so", "or", "if", "it", "we", "i", "you", "published", "posted", "date",
    "still", "more", "also", "listen", "subscribe", "contact", "email", "advertisement", "caption", "credit",
    "image", "warning", "disclaimer", "transcript", "part", "chapter", "step", "last", "next", "previous", "with",
    "headline", "byline", "dateline", "standfirst", "title", "lead", "text", "url", "tags", "topics", "share",
    "look", "wow", "bombshell", "just", "paid", "contributing", "analysis", "opinion", "editorial", "commentary",
    "live", "latest", "developing", "flashback", "shocking", "huge", "new", "reporting", "additional"})


def speaker_line(text: str, start: int, end: int, para_id: int, sent_id: int, *, dateline_possible: bool = False
                 ) -> Relation | None:
    """The relation of a paragraph that opens with its speaker and a colon (interview transcripts, "Name: words"
    titles): source the name, cue the colon, content the rest of the paragraph. A name in capitals that opens the
    first paragraph of the body is its dateline ("MOSCOW: Authorities are using ..."), not a speaker."""
    match = SPEAKER_LINE.match(text, start, end)
    if match is None or match.group(1).split()[0].lower() in NOT_SPEAKERS or (
            dateline_possible and match.group(1).isupper() and len(match.group(1)) > 2):  # ("Q:" is a question)
        return None
    content = trim_span(text, match.end(), end)
    if content[1] <= content[0] or not any(c.isalpha() for c in text[content[0]:content[0] + 40]):
        return None  # "Sanders: 1,547." is a tally, not words
    colon = match.end(1)
    return Relation(para_id, sent_id, "body", "indirect", match.span(1), (colon, colon + 1), [content],
                    ("speaker line", "neutral", "speech"))


def headline_relation(text: str, start: int, end: int, para_id: int, sent_id: int) -> Relation | None:
    """The attribution of a headline: "content - TASS", "content: TASS" (the source after a dash or colon at its
    end) or "Loktev: content" (the source before a colon at its start); cue the dash or colon."""
    match = HEADLINE_SOURCE.search(text, start, end)
    if match and any(w[:1].isupper() for w in match.group(1).split()):
        s, e = match.span(1)
        dash = text.index(match.group().strip()[0], match.start())
        return Relation(para_id, sent_id, "headline", "indirect", (s, e), (dash, dash + 1),
                        [trim_span(text, start, match.start())], ("headline attribution", "neutral", "speech"))
    match = HEADLINE_SOURCE_FIRST.match(text, start, end)
    if match and match.group(1).split()[0].lower() not in ("update", "watch", "video", "breaking", "exclusive"):
        colon = text.index(":", match.end(1))
        return Relation(para_id, sent_id, "headline", "indirect", match.span(1), (colon, colon + 1),
                        [trim_span(text, match.start(2), end)], ("headline attribution", "neutral", "speech"))
    return None


def relations_in_sentence(text: str, toks: list[Tok], s_start: int, s_end: int, quotes, used_quotes: set[int],
                        lexicon: Lexicon, para_id: int, sent_id: int, part: str, *,
                        quote_from: int | None = None,
                        quote_bounds: tuple[list[int], list[int]] | None = None) -> list[Relation]:
    found: list[Relation] = []
    cues = []
    free = 0  # a multi-word cue covers its tokens: the next cue starts after it
    quick = lexicon.quick
    # the indices of tokens that may start a cue
    for i in compress(count(), map(quick.__contains__, map(itemgetter(LOW), toks))):
        cue = cue_at(toks, i, lexicon) if i >= free else None
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
        cue_span = cue_extent(text, toks, index, length)
        if toks[index][START] >= q[3]:  # cue after the quote
            between = [t for t in toks[bisect_left(tok_starts, q[3]):index] if t[TEXT] not in ",."]
            span = (source_left(toks, index, lexicon) if between
                    else source_right(toks, index + length, lexicon, apposition=True)
                    or inverted_subject(toks, index + length, lexicon))
            if span is None and between and index > 0 and toks[index - 1][LOW] == ",":
                span = apposition_left(toks, index - 1, lexicon)  # '"...," X, a spokesman, said
            if span is None and between and index > 0 and toks[index - 1][LOW] == ",":
                span = source_right(toks, index + length, lexicon, apposition=True)  # '"A" for B, said X
        else:  # cue before the quote: "X said: "..."
            span = subject_before_cue(toks, index, lexicon, info)
        contents = [(q[1], q[2])]
        kind = "direct"
        if toks[index][START] >= q[3]:
            # words before the quote in the sentence: a partly quoted content ('The plan is "dead," X said')
            if has_words(s_start, q[0]):
                contents, kind = [trim_span(text, s_start, q[3])], "mixed"
        else:
            rest = index + length
            words_from = cue_tail(text, toks, index, length)
            while rest < len(toks) and toks[rest][START] < words_from and toks[rest][START] < q[0]:
                rest += 1  # past a time or medium ("said on Monday that")
            that = rest < len(toks) and toks[rest][LOW] == "that"
            start_words = has_words(toks[rest + that][START] if rest + that < len(toks) else q[0], q[0])
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
        relation = Relation(para_id, sent_id, part, kind, source, cue_span, contents, info)
        if info[0] == "tell" and index + length < len(toks):
            addressee = addressee_right(toks, index + length, lexicon)
            if addressee:
                relation.addressee = (toks[addressee[0]][START], toks[addressee[1] - 1][END])
        found.append(relation)
    # 2.-3. indirect speech, "according to", "citing"
    clauses = ClauseIndex(toks, lexicon.verbs)
    for index, length, info in cues:
        if index in taken_cues:
            continue
        cue_span = cue_extent(text, toks, index, length)
        after = index + length
        if info[0] == "according to":
            span = source_right(toks, after, lexicon, common=True)
            if not span:
                continue
            source = (toks[span[0]][START], toks[span[1] - 1][END])
            # "According to X, CONTENT." or "CONTENT, according to X."
            contents = [trim_span(text, source[1], s_end) if index == 0 else trim_span(text, s_start, toks[index][START])]
            if index > 0 and span[1] + 1 < len(toks) and toks[span[1]][TEXT] == "," and clauses.count_words(
                    span[1], len(toks)) >= 3 and not clauses.any_quoted(span[1], len(toks)):
                contents.append(trim_span(text, toks[span[1] + 1][START], s_end))  # "Since May, according to X, ..."
            found.append(Relation(para_id, sent_id, part, "indirect", source, cue_span, contents, info))
            taken_cues.add(index)
            continue
        if info[0] == "cite" and toks[index][LOW] == "citing":
            span = source_right(toks, after, lexicon, common=True)
            parent = found[-1] if found else None
            if not span or parent is None:
                continue
            source = (toks[span[0]][START], toks[span[1] - 1][END])
            cited = toks[span[0]:span[1]]
            if parent.source is not None and not any(is_capital(t) or t[LOW] in lexicon.roles or t[LOW] in PRONOUNS
                                                     or t[LOW] in OBJECT_PRONOUNS for t in cited):
                # "McCain said, citing low economic growth": what is cited is a reason, given by the parent's source
                end = clauses.clause_end(span[0], len(toks), s_end)
                found.append(Relation(para_id, sent_id, part, "indirect", parent.source, cue_span,
                                      [trim_span(text, source[0], end)], info))
            else:
                found.append(Relation(para_id, sent_id, part, parent.kind, source, cue_span, list(parent.contents),
                                      info, parent=len(found) - 1))
            taken_cues.add(index)
            continue
        participle = is_participle(toks, index)
        shared = coordinated_with(found, toks, tok_starts, cue_span, text)
        if shared is None and participle and toks[index - 1][LOW] == "," and found and found[-1].source is not None \
                and found[-1].cue[1] <= toks[index - 1][START] and not has_words(found[-1].cue[1], toks[index - 1][START]):
            shared = found[-1].source  # '"...," X said, adding that ...': the participle is X's
        if shared is not None:
            # "He endorsed Clinton, but told ...": the earlier relation's content ends before "but"; both cues
            # share its source
            span = (bisect_left(tok_starts, shared[0]), bisect_right(tok_starts, shared[1] - 1))
        else:
            span = subject_before_cue(toks, index, lexicon, info)
        if participle and span is None:
            continue
        inverted = False
        if span is None and index > 0 and toks[index - 1][LOW] == "," and info[0] not in ("tell", "ask", "inform"):
            span = source_right(toks, after, lexicon, apposition=True)  # not the addressee of "told X"
            inverted = span is not None
        if span is None:
            continue
        source = (toks[span[0]][START], toks[span[1] - 1][END])
        relation = Relation(para_id, sent_id, part, "indirect", source, cue_span, [], info)
        rest = after if not inverted else span[1]
        words_from = max(cue_span[1], cue_tail(text, toks, index, length))
        while rest < len(toks) and toks[rest][START] < words_from:
            rest += 1  # past the cue and a time or medium phrase after it ("said on Monday that")
        if info[0] == "tell" and not inverted and rest < len(toks):
            addressee = addressee_right(toks, rest, lexicon)
            if addressee:
                relation.addressee = (toks[addressee[0]][START], toks[addressee[1] - 1][END])
                rest = addressee[1]
        # skip a short adverbial before "that" ("said on Tuesday that"); the content starts with "that", as PolNeAR
        # marks it (docs/attribution_guidelines.md)
        for look in range(rest, min(rest + 5, len(toks))):
            if toks[look][LOW] in lexicon.nouns:
                break  # "repeated the city's claim that": the that-clause is the noun's
            if toks[look][LOW] == "that":
                rest = look
                break
            if toks[look][TEXT] in (",", ";", ":") and look + 1 < len(toks) and toks[look + 1][LOW] in REPORTER_CLAUSE \
                    and toks[look + 1][LOW] not in ("citing", "according"):
                break  # not the "that" of another cue ("praised her, adding that"; but "reported, citing X, that")
        # stop before a trailing ", citing X" / ", according to X"
        stop = clauses.citing_at(rest)
        clause_end = toks[stop][START] if stop < len(toks) else s_end
        tail = [k for k in range(rest, min(stop, rest + 8)) if toks[k][TEXT] not in (".", "!", "?")][:2]
        if tail and toks[tail[0]][LOW] != "," and not inverted and len(tail) >= 2:
            clause_end = clauses.clause_end(rest, stop, clause_end)
            early = next((k for k in range(rest + 1, min(rest + 3, stop - 1)) if toks[k][TEXT] == "," and (
                toks[k + 1][LOW] in REPORTER_CLAUSE and toks[k + 1][LOW].endswith("ing"))), None)
            if early is not None:  # a short content before a participle of the reporter: "attacked Clinton, saying"
                clause_end = min(clause_end, toks[early][START])
            relation.contents = [trim_span(text, toks[rest][START], clause_end)]
        else:
            # trailing attribution: the content is the clause before the source
            boundary = clauses.break_before(span[0] - 1 if not inverted else index - 1)
            if boundary <= 0 and not inverted and len(tail) == 2 and toks[tail[0]][LOW] == "," and (
                    clauses.count_words(rest, stop) >= 3):
                # nothing before the source, the content after it: "As The Hill reported, Trump was accused ...",
                # "Politico reported, according to sources in the meetings, Clinton tried ..."
                relation.contents = [trim_span(text, toks[tail[1]][START], clauses.clause_end(
                    rest + 1, stop, clause_end, verbs=False))]
                if relation.contents[0][1] > relation.contents[0][0]:
                    found.append(relation)
                    taken_cues.add(index)
                continue
            if boundary <= 0:
                continue
            relation.contents = [trim_span(text, s_start, toks[boundary][START])]
            if not inverted and tail and toks[tail[0]][LOW] == "," and len(tail) == 2 and clauses.count_words(
                    rest, stop) >= 3 and not clauses.any_quoted(rest, stop):
                # a parenthetical attribution: "He is leaning toward Kasich, he said, because he prizes electability"
                relation.contents.append(trim_span(text, toks[tail[1]][START], clauses.clause_end(
                    rest + 1, stop, clause_end, verbs=False)))
        if relation.contents and relation.contents[0][1] > relation.contents[0][0]:
            found.append(relation)
            taken_cues.add(index)
    found.extend(question_relations(text, toks, s_end, taken_cues, para_id, sent_id, part, clauses))
    found.extend(passive_relations(text, toks, s_start, taken_cues, lexicon, para_id, sent_id, part, clauses))
    if lexicon.nouns:
        found.extend(noun_relations(text, toks, s_end, taken_cues, lexicon, para_id, sent_id, part, clauses))
    poll = poll_relation(text, toks, s_end, para_id, sent_id, part)
    if poll is not None:
        found.append(poll)
    return nesting_resolved(found, text)


def poll_relation(text: str, toks: list[Tok], s_end: int, para_id: int, sent_id: int, part: str) -> Relation | None:
    """The relation of a sentence that opens with the poll its figures come from (:data:`POLL_OPENING`): "In a
    CNN/ORC poll released Sunday, 38 percent said ..." (source the poll, cue "In", content the rest, evidence)."""
    if not toks or toks[0][TEXT] != "In":
        return None
    poll = POLL_OPENING.match(text, toks[0][START], s_end)
    if poll is None:
        return None
    content = trim_span(text, poll.end(), s_end)
    if content[1] <= content[0]:
        return None
    return Relation(para_id, sent_id, part, "indirect", poll.span(1), (poll.start(), poll.start() + 2), [content],
                    ("in (poll)", "neutral", "evidence"))


def coordinated_with(found: list[Relation], toks: list[Tok], tok_starts: list[int], cue_span: tuple[int, int],
                     text: str) -> tuple[int, int] | None:
    """The source of a cue coordinated with an earlier cue of its sentence ("X praised Garland and said ...",
    "X endorsed Clinton, but told ..."): when "and"/"but" opens the cue and an earlier relation's last content span
    runs over it, that span is cut before the conjunction (and a comma before it) and the earlier source returned."""
    first = bisect_left(tok_starts, cue_span[0])
    if first == 0 or toks[first - 1][LOW] not in ("and", "but") or toks[first - 1][QUOTED]:
        return None
    conjunction = toks[first - 1][START]
    for relation in reversed(found):  # the latest relation with a source before the conjunction, only
        if relation.source is None or relation.cue[1] > conjunction or not relation.contents:
            continue
        a, b = relation.contents[-1]
        if not a < conjunction < b:
            return None
        cut = trim_span(text, a, conjunction)
        if cut[1] <= cut[0]:
            return None
        relation.contents[-1] = cut
        return relation.source
    return None


#: A sentence that opens with the poll or survey its figures come from: "In a New York Times/CBS News survey released
#: last Thursday, 79 percent of Democrats said ..." (PolNeAR's cue "In", its source the poll; at most ten words
#: before the poll word, none of them opening a clause, and sixty characters after it up to the comma).
POLL_OPENING = re.compile(
    r"In\s+((?:(?!(?:as|when|while|after|before|since|where|that|which|if)\b)[\w/.’'&-]+\s+){0,10}?"
    r"(?:[Pp]olls?|[Ss]urveys?|[Aa]verage)\b[^,.;:\n]{0,60}),\s*")


def nesting_resolved(found: list[Relation], text: str) -> list[Relation]:
    """The relations of a sentence, nested ones resolved as PolNeAR and PARC annotate them: a belief, intention or
    evidence whose cue lies inside the content of another relation is dropped ("Clinton says she wants to expand
    ...": what she wants is part of what she says; "a poll shows most residents oppose ..."); a relation inside what
    "according to X" attributes, or inside an indirect content opening with "that", is kept and nested in it
    (``parent``: '"...," Sanders said, according to CNN'; "TASS reported that Loktev said ..."), so that its chain
    runs through the outer source. PolNeAR marks each token in one relation only, so its evaluation scores the
    outer relation alone (:func:`watchwords.evaluation.relations_from_frame`, ``univocal``)."""
    if all(r.cue_info[2] == "speech" and not is_outer(r, text) for r in found):
        return found
    starts = sorted(a for r in found for a, _ in r.contents)
    ends = sorted(b for r in found for _, b in r.contents)

    def covering(point: int) -> int:  # how many content spans [a, b) contain the point (two bisections)
        return bisect_right(starts, point) - bisect_right(ends, point)

    kept = [r for r in found if r.cue_info[2] == "speech" or covering(r.cue[0]) == sum(
        a <= r.cue[0] < b for a, b in r.contents)]
    if len(kept) < len(found):  # parents are indices into this sentence's list
        index = {id(r): k for k, r in enumerate(kept)}
        for r in kept:
            if r.parent is not None:
                parent = found[r.parent]
                r.parent = index.get(id(parent))
    outer = sorted((a, b, k) for k, r in enumerate(kept) if is_outer(r, text) for a, b in r.contents)
    outer_starts = [a for a, _, _ in outer]
    for k, r in enumerate(kept):
        if r.parent is not None or not outer:
            continue
        at = bisect_right(outer_starts, r.cue[0]) - 1  # the outer span that starts last before the cue
        if at >= 0 and r.cue[0] < outer[at][1] and outer[at][2] != k and kept[outer[at][2]].parent != k:
            r.parent = outer[at][2]
    return kept


def is_outer(relation: Relation, text: str) -> bool:
    """Whether relations inside this one's content are nested in it: "according to X", or indirect speech whose
    content opens with "that"."""
    return relation.cue_info[0] in ("according to", "in (poll)") or (relation.kind == "indirect" and bool(relation.contents) and (
        text[relation.contents[0][0]:relation.contents[0][0] + 5].lower() == "that "))
