"""Attribution in Russian: who is quoted, with which verb, saying what (the rules of :func:`watchwords.attributions`
for ``language="ru"``).

Words are compared by **lemma** (:func:`watchwords.languages.ru.lemma`), so one lexicon entry finds every form of a
verb (заявил, заявила, заявили, заявляет). Grammatical tags (case, part of speech, gender) come from pymorphy3's most
probable parse of each word. Sentences are those of :func:`watchwords.sentences` (razdel), with the same ids.

Cues:

* a **reporting verb** of ``data/ru/reporting_verbs.csv`` (finite forms and gerunds; not participles);
* a **phrase** of ``data/ru/attribution_phrases.csv`` whose source follows it: по словам / по данным / по мнению X
  (X in the genitive; "по его словам": the pronoun is the source), согласно X; и **со ссылкой на** / **ссылаясь
  на** Y, which cites a source inside the relation before it (its ``parent``; the chain outlet → agency → official);
* a **headline** "X: content" (X a speaker: a person, an organisation, a role such as военком or эксперты, or a name
  in guillemets) and "content — X".

Source and content, in the order the rules are tried for a verb cue:

1. **как + verb** ("Как сообщает ТАСС, ..."): the source is the noun phrase after the verb, the content the clause
   after the next comma (or, when the как-clause closes the sentence, the clause before it);
2. a **quotation before the cue** («...», — заявил он / «...», — он заявил): the content is the quotation;
3. **source first**: the noun phrase before the verb (adverbs, time expressions and a prepositional phrase such as
   "в интервью ТАСС" between them skipped; a relative clause "X, который ..., заявил" skipped back to X), and the
   content after the verb: after "что" / "о том, что" (an addressee such as "журналистам" or «Дождю» skipped), a
   colon, a quotation, or the rest of the clause ("призвал молодых людей явиться");
4. **inverted** ("Content, — заявил X." / "Content, пишет X"): the content is the clause before the cue, the
   source the noun phrase after it;
5. "**Об этом** заявил X": the content is the sentence before.

A noun phrase is a run of nouns, adjectives, names, numbers, abbreviations and names in guillemets, with genitive
chains and the prepositions по, из, при, в inside it ("комитета Госдумы по обороне", "источник в мэрии"), never a
verb, a conjunction or sentence punctuation. Pronoun sources (он, она, они) take the most recent named source of
the same gender and number (the gender of a named source comes from its cue's past-tense ending: заявил / заявила,
or from its name). Sources are typed as in English (``data/sources.csv`` aliases first, then the role nouns of
``data/ru/role_nouns.csv`` by lemma), else "unclassified".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..attribution import trim_span
from ..quotes import is_name_quote, quote_spans
from ..resources import read_table
from .ru import can_be_nominative, lemma, parse

__all__ = ["extract_document", "reporting_verbs_ru", "attribution_phrases_ru", "russian_role_nouns",
           "PERSONAL_PRONOUNS"]

_TOKEN = re.compile(r"\w+(?:[-‐'’]\w+)*|[^\w\s]")
_NP_POS = {"NOUN", "ADJF", "NUMR", "PRTF", "ADJS"}
_INSIDE_PREPOSITIONS = {"по", "из", "при", "в", "во", "на"}
_NOT_INSIDE_AFTER_PREP = {"интервью", "беседа", "эфир", "разговор", "комментарий", "блог", "понедельник", "вторник",
                          "среда", "четверг", "пятница", "суббота", "воскресенье", "день", "год", "время", "ответ",
                          "пресс-конференция", "брифинг", "telegram", "телеграм-канал", "соцсеть", "сеть", "мая",
                          "эфире", "это", "счет"}
_SKIP_BEFORE_CUE = {"также", "ранее", "уже", "вчера", "сегодня", "позже", "позднее", "неоднократно", "еще", "тоже",
                    "прямо", "открыто", "публично", "в", "во", "на", "тогда", "затем", "недавно", "прежде", "снова",
                    "вновь", "официально", "лично", "не", "об", "этом", "о", "это"}
#: Personal pronouns (lemmas) that can stand for a source, with the (gender, number) they require.
PERSONAL_PRONOUNS = {"он": ("masc", "sing"), "она": ("femn", "sing"), "они": (None, "plur"), "его": ("masc", "sing"),
             "ее": ("femn", "sing"), "их": (None, "plur")}
_CLAUSE_WORDS = {"что", "чтобы", "и", "а", "но", "который", "как", "если", "когда", "где", "потому", "поскольку",
                 "хотя", "ли"}
_DASHES = {"—", "–", "-"}


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    lemma: str
    tag: Any
    word: bool

    def pos(self) -> str:
        return str(self.tag.POS) if self.tag.POS else ""

    def has(self, grammeme: str) -> bool:
        return grammeme in self.tag


@lru_cache(maxsize=1)
def reporting_verbs_ru() -> dict[str, tuple[str, str]]:
    """lemma -> (stance, speech) of the Russian reporting verbs (``data/ru/reporting_verbs.csv``); both members of
    each aspect pair are listed, and ё is read as е, as the lemmas are."""
    table = read_table("reporting_verbs", language="ru")
    return {str(r.lemma).replace("ё", "е"): (str(r.stance), str(r.speech)) for r in table.itertuples(index=False)}


@lru_cache(maxsize=1)
def attribution_phrases_ru() -> list[tuple[tuple[str, ...], str, str, str, str]]:
    """(lemmas of the phrase, stance, speech, case of the source, role) of ``data/ru/attribution_phrases.csv``,
    longest first."""
    table = read_table("attribution_phrases", language="ru")
    rows = [(tuple(lemma(w) for w in str(r.phrase).split()), str(r.stance), str(r.speech), str(r.case), str(r.role))
            for r in table.itertuples(index=False)]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def russian_role_nouns() -> dict[str, str]:
    """lemma -> source type of the Russian role nouns (``data/ru/role_nouns.csv``)."""
    table = read_table("role_nouns", language="ru")
    return {lemma(str(r.role)): str(r.source_type) for r in table.itertuples(index=False)}


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        is_word = word[0].isalnum()
        low = word.lower()
        out.append(_Tok(word, match.start(), match.end(), lemma(word) if is_word else word,
                        parse(low).tag if is_word else parse(",").tag, is_word))
    return out


def _np_like(tok: _Tok) -> bool:
    """A word that can belong to a source noun phrase."""
    if not tok.word:
        return tok.text in "«»\"“”„"
    if tok.lemma in _CLAUSE_WORDS:
        return False
    pos = tok.pos()
    if pos in _NP_POS:
        return True
    if pos == "NPRO":
        return tok.lemma in PERSONAL_PRONOUNS or tok.lemma in ("один", "кто-то")
    return not pos  # unknown to the dictionary: names, Latin words, numbers


def _verb_lemma(tok: _Tok) -> str:
    """The lexicon lemma of a token: its own, or for an impersonal reflexive ("сообщается", "говорится") the verb
    without -ся."""
    verbs = reporting_verbs_ru()
    if tok.lemma in verbs:
        return tok.lemma
    if tok.lemma.endswith("ся") and tok.lemma[:-2] in verbs and tok.has("3per") and tok.has("sing"):
        return tok.lemma[:-2]
    return ""


def _is_cue_verb(tok: _Tok) -> bool:
    """A finite form or gerund of a reporting verb (an infinitive, "обязан сообщать", reports nothing)."""
    return tok.word and tok.pos() in ("VERB", "GRND") and bool(_verb_lemma(tok))


def _np_right(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """Token range [i, j) of the noun phrase starting at ``i`` (None if there is none)."""
    j = i
    if j + 1 < len(toks) and toks[j].word and toks[j].lemma in ("в", "во") and _np_like(toks[j + 1]) and \
            not _outside(toks, j):
        j = i = j + 1  # "заявили в мэрии": the institution is the source
    open_quote = False
    while j < len(toks):
        tok = toks[j]
        if tok.text == "«":
            open_quote = True
        elif tok.text == "»":
            open_quote = False
        elif open_quote:
            pass
        elif tok.word and tok.lemma in _INSIDE_PREPOSITIONS and j > i:
            if j + 1 < len(toks) and toks[j + 1].word and _np_like(toks[j + 1]) and not _outside(toks, j):
                j += 1
                continue
            break
        elif tok.text == "," and j > i and j + 1 < len(toks) and _apposition(toks, j + 1):
            pass
        elif tok.text == "," and j > i and j + 1 < len(toks) and toks[j + 1].pos() == "PRTF":
            # a participle phrase describing the source ("опроса, проведённого мэрией") runs to the next comma
            k = j + 1
            while k < len(toks) and toks[k].text not in (",", ".", "!", "?", ":", "—"):
                k += 1
            j = k
            continue
        elif not _np_like(tok):
            break
        j += 1
    while j > i and toks[j - 1].text in ("«", ","):
        j -= 1
    return (i, j) if j > i else None


def _outside(toks: list[_Tok], j: int) -> bool:
    """Whether the prepositional phrase at ``j`` says where or when something was said ("в интервью ТАСС", "в своём
    блоге", "в пятницу", "в Москве"), not who said it."""
    for tok in toks[j + 1:j + 4]:
        if not tok.word:
            return False
        if tok.lemma in ("свой", "мой", "наш", "этот") or tok.has("Geox"):
            return True
        if tok.pos() == "NOUN" or not tok.pos():
            return tok.lemma in _NOT_INSIDE_AFTER_PREP or tok.text.lower() in _NOT_INSIDE_AFTER_PREP
    return False


def _apposition(toks: list[_Tok], k: int) -> bool:
    """Whether the words from ``k`` are an apposition naming a person ("инженер Павел Громов") that ends before a
    comma or the end."""
    n = 0
    while k + n < len(toks) and toks[k + n].word and _np_like(toks[k + n]) and toks[k + n].pos() != "NPRO":
        n += 1
    return n >= 2 and any(toks[k + m].has("Name") or toks[k + m].has("Surn") for m in range(n))


def _np_left(toks: list[_Tok], cue: int, floor: int) -> tuple[int, int] | None:
    """Token range of the noun phrase that ends right before the cue at ``cue`` (words in ``_SKIP_BEFORE_CUE`` and
    a prepositional phrase between them skipped; a relative clause skipped back to its head)."""
    k = cue - 1
    # adverbs, time expressions and a prepositional phrase ("в интервью ТАСС", "в пятницу") before the cue
    while k >= floor:
        tok = toks[k]
        if tok.word and tok.lemma in _SKIP_BEFORE_CUE and not tok.text[:1].isupper():
            k -= 1
            continue
        prep = next((p for p in range(k, max(floor - 1, k - 4), -1)
                     if toks[p].word and toks[p].lemma in ("в", "во", "на", "с", "со") and
                     not toks[p].text[:1].isupper()), None)
        if prep is not None and prep > floor and all(_np_like(t) for t in toks[prep + 1:k + 1]) and \
                _np_like(toks[prep - 1]) and (toks[prep + 1].lemma in _NOT_INSIDE_AFTER_PREP or
                                              toks[prep + 1].text.lower() in _NOT_INSIDE_AFTER_PREP):
            k = prep - 1
            continue
        break
    if k >= floor and toks[k].text == ",":  # "X, который ..., заявил": back to X; "X, инженер Y, пояснил": Y
        which = next((p for p in range(k - 1, floor - 1, -1) if toks[p].lemma == "который"), None)
        if which is not None and which - 1 >= floor and toks[which - 1].text == ",":
            k = which - 2
        else:
            k -= 1
    end = k + 1
    open_quote = False
    while k >= floor:
        tok = toks[k]
        if tok.text == "»":
            open_quote = True
        elif tok.text == "«":
            open_quote = False
        elif open_quote:
            pass
        elif tok.word and tok.lemma in ("по", "из", "при") and k < end - 1 and k > floor and _np_like(toks[k - 1]):
            pass
        elif tok.text == "," and k > floor and _np_like(toks[k - 1]) and _apposition(toks, k + 1) and \
                not any(t.lemma == "который" for t in toks[floor:k]):
            pass
        elif not _np_like(tok):
            break
        k -= 1
    start = k + 1
    # "В военкомате опровергли": the institution, in the locative, speaks (an impersonal plural)
    locative = k >= floor and toks[k].word and toks[k].lemma in ("в", "во")
    if start < end and toks[start].word and toks[start].lemma in _INSIDE_PREPOSITIONS:
        start += 1
        locative = True
    if locative and start < end and toks[start].has("Geox"):  # "В Москве напомнили": a place, not a speaker
        return None
    if start < end and toks[start].text == ",":
        start += 1
    if start >= end or not locative and not any(can_be_nominative(t.text) for t in toks[start:end] if t.word):
        return None  # the subject of a finite verb is nominative ("ни разу не признали": no source)
    return (start, end)


@dataclass
class _Found:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    contents: list[tuple[int, int]]
    stance: str
    speech: str
    cue_lemma: str
    sent: int
    gender: str | None = None
    number: str | None = None
    parent: int | None = None
    addressee: tuple[int, int] | None = None


def _span(toks: list[_Tok], a: int, b: int) -> tuple[int, int]:
    return toks[a].start, toks[b - 1].end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    return trim_span(text, start, end, final=",;:—–-.!?")


def _quote_of(quotes: list[tuple[int, int, int, int]], position: int) -> tuple[int, int, int, int] | None:
    return next((q for q in quotes if q[0] <= position < q[3]), None)


def _after_cue(text: str, toks: list[_Tok], j: int, s_end: int,
               quotes: list[tuple[int, int, int, int]]
               ) -> tuple[list[tuple[int, int]], tuple[int, int] | None, bool] | None:
    """(content spans, addressee, strong) of a source-first cue ending before token ``j``, or None when nothing
    follows; ``strong`` when the content is introduced by что / чтобы, a colon or a quotation."""
    limit = min(len(toks), j + 7)
    for k in range(j, limit):
        tok = toks[k]
        if tok.text == ":":
            quote = _quote_of(quotes, toks[k + 1].start) if k + 1 < len(toks) else None
            if quote and quote[0] == toks[k + 1].start:
                return [(quote[1], quote[2])], _addressee(toks, j, k), True
            return [_trim(text, tok.end, s_end)], _addressee(toks, j, k), True
        if tok.word and tok.lemma in ("что", "чтобы") and (k == j or toks[k - 1].text == ","):
            return [_trim(text, tok.end, s_end)], _addressee(toks, j, k - 1 if k > j else k), True
        if tok.text == "«":
            quote = _quote_of(quotes, tok.start)
            if quote and k == j:
                return [(quote[1], quote[2])], None, True
        if tok.text in ".!?" or (tok.word and _is_cue_verb(tok)):
            break
    if j < len(toks) and toks[j].text == "," and j + 1 < len(toks) and toks[j + 1].word:
        return [_trim(text, toks[j].end, s_end)], None, False  # "Читатели спрашивают, можно ли ..."
    if j < len(toks) and toks[j].word and toks[j].lemma not in _CLAUSE_WORDS:
        return [_trim(text, toks[j].start, s_end)], None, False  # "призвал молодых людей явиться ..."
    return None


def _addressee(toks: list[_Tok], a: int, b: int) -> tuple[int, int] | None:
    words = [t for t in toks[a:b] if t.word]
    if words and any(t.has("datv") for t in words):
        return words[0].start, words[-1].end
    return None


def _np_gender(toks: list[_Tok]) -> tuple[str | None, str | None]:
    """(gender, number) of a source noun phrase: a first name's gender (Анна: femn), else its first noun's."""
    for tok in toks:
        if tok.word and tok.has("Name"):
            return _gender(tok)
    for tok in toks:
        if tok.word and tok.pos() == "NOUN":
            return _gender(tok)
    return None, None


def _gender(tok: _Tok) -> tuple[str | None, str | None]:
    """(gender, number) a past-tense cue verb shows (заявил: masc sing; заявила: femn sing; заявили: plur)."""
    if tok.has("plur"):
        return None, "plur"
    for g in ("masc", "femn", "neut"):
        if tok.has(g):
            return g, "sing"
    return None, None


def extract_document(text: str, sentences: tuple[tuple[int, int, int], ...],
                     headline_paragraphs: set[int]) -> list[_Found]:
    """The relations of one Russian document (rules in the module docstring). ``sentences``: (para_id, start, end)
    as :func:`watchwords.documents.sentences_of` gives them; ``headline_paragraphs``: paragraph ids of the headline."""
    found: list[_Found] = []
    verbs = reporting_verbs_ru()
    phrases = attribution_phrases_ru()
    for sent_id, (para_id, s_start, s_end) in enumerate(sentences):
        toks = _tokens(text, s_start, s_end)
        quotes = [q for q in quote_spans(text, s_start, s_end)]
        in_sentence: list[int] = []
        used: set[int] = set()
        i = 0
        while i < len(toks):
            tok = toks[i]
            # phrases: по словам X, по данным X, согласно X, со ссылкой на Y
            matched = None
            for words, stance, speech, case, role in phrases:
                n = len(words)
                pronoun = None
                if [t.lemma for t in toks[i:i + n]] == list(words):
                    end = i + n
                elif n == 2 and words[0] == "по" and i + 2 < len(toks) and toks[i].lemma == "по" and \
                        toks[i + 1].lemma in PERSONAL_PRONOUNS and toks[i + 2].lemma == words[1]:
                    end, pronoun = i + 3, i + 1
                else:
                    continue
                matched = (end, pronoun, stance, speech, role)
                break
            if matched and tok.word:
                end, pronoun, stance, speech, role = matched
                source = (pronoun, pronoun + 1) if pronoun is not None else _np_right(toks, end)
                relation = _Found(_span(toks, i, end), _span(toks, *source) if source else None, [], stance, speech,
                                  " ".join(t.lemma for t in toks[i:end] if t is not toks[pronoun or -1] or
                                           pronoun is None), sent_id)
                if pronoun is not None:
                    relation.gender, relation.number = PERSONAL_PRONOUNS[toks[pronoun].lemma]
                elif source is not None:
                    relation.gender, relation.number = _np_gender(toks[source[0]:source[1]])
                after = end if pronoun is not None else (source[1] if source else end)
                if role == "chain":
                    parent = next((r for r in reversed(in_sentence)), None)
                    if parent is not None:
                        relation.parent = parent
                        relation.contents = list(found[parent].contents)
                        found.append(relation)
                        in_sentence.append(len(found) - 1)
                    i = after
                    continue
                # content: after the comma that closes the phrase, or the clause before it
                if after < len(toks) and toks[after].text == ",":
                    relation.contents = [_trim(text, toks[after].end, s_end)]
                elif i > 0:
                    relation.contents = [_trim(text, s_start, toks[i].start)]
                else:
                    relation.contents = [_trim(text, toks[after - 1].end if after else s_start, s_end)]
                found.append(relation)
                in_sentence.append(len(found) - 1)
                i = after
                continue
            if not _is_cue_verb(tok) or i in used or any(q[1] <= tok.start < q[2] for q in quotes):
                i += 1  # a verb inside a quotation belongs to the quoted words
                continue
            stance, speech = verbs[_verb_lemma(tok)]
            cue_start = i - 1 if i > 0 and toks[i - 1].lemma == "как" else i
            relation = _Found(_span(toks, cue_start, i + 1), None, [], stance, speech, _verb_lemma(tok), sent_id)
            relation.gender, relation.number = _gender(tok)
            prev_quote = None
            k = cue_start - 1
            while k >= 0 and toks[k].text in (",", "—", "–", "-"):
                k -= 1
            if k >= 0 and toks[k].text in ("»", "”", '"', "“") or (k >= 0 and toks[k].text in "!?…" and k > 0
                                                                    and toks[k - 1].text == "»"):
                prev_quote = _quote_of(quotes, toks[k].start if toks[k].text != "»" else toks[k].start)
            if cue_start < i:  # как сообщает X, ...
                source = _np_right(toks, i + 1)
                relation.source = _span(toks, *source) if source else None
                after = source[1] if source else i + 1
                if cue_start > 0 and toks[cue_start - 1].text == ",":
                    relation.contents = [_trim(text, s_start, toks[cue_start - 1].start)]
                else:
                    while after < len(toks) and toks[after].text != ",":
                        after += 1
                    relation.contents = [_trim(text, toks[after].end if after < len(toks) else s_end, s_end)]
                j = source[1] if source else i + 1
            elif prev_quote is not None and cue_start > 0:  # «...», — заявил он
                relation.contents = [(prev_quote[1], prev_quote[2])]
                source = _np_right(toks, i + 1)
                if source is None:
                    between = [t for t in toks[:cue_start] if t.start >= prev_quote[3] and t.word]
                    if between:
                        source = (toks.index(between[0]), toks.index(between[-1]) + 1)
                relation.source = _span(toks, *source) if source else None
                j = source[1] if source and source[0] > i else i + 1
            else:
                left = _np_left(toks, cue_start, 0)
                result = _after_cue(text, toks, i + 1, s_end, quotes)
                this = any(t.lemma in ("это", "этом") for t in toks[max(0, cue_start - 3):cue_start])
                # "Content, — заявил X": unless a complement (что, a colon, a quotation) follows and a subject precedes
                inverted = cue_start > 0 and toks[cue_start - 1].text in (",", "—", "–") and not (
                    result is not None and result[2] and left is not None)
                if this and sent_id > 0 and (left is None or toks[left[0]].lemma in ("это", "этом", "об", "о")):
                    source = _np_right(toks, i + 1)
                    relation.source = _span(toks, *source) if source else None
                    previous = sentences[sent_id - 1]
                    relation.contents = [_trim(text, previous[1], previous[2])]
                    j = source[1] if source else i + 1
                elif inverted:
                    source = _np_right(toks, i + 1)
                    relation.source = _span(toks, *source) if source else None
                    dash = cue_start - 1
                    while dash > 0 and toks[dash - 1].text in (",", "—", "–"):
                        dash -= 1
                    relation.contents = [_trim(text, s_start, toks[dash].start)]
                    j = source[1] if source else i + 1
                else:
                    relation.source = _span(toks, *left) if left else None
                    if result is None:
                        i += 1
                        continue
                    relation.contents, relation.addressee = result[0], result[1]
                    j = i + 1
            if relation.number is None and relation.source is not None:  # a present-tense verb shows no gender
                inside = [t for t in toks if relation.source[0] <= t.start < relation.source[1]]
                relation.gender, relation.number = _np_gender(inside)
            impersonal = tok.text.lower().endswith(("ся", "сь"))  # "сообщается, что": no explicit source
            if not relation.contents or relation.contents[0][1] <= relation.contents[0][0] or (
                    relation.source is None and not impersonal):
                i += 1
                continue
            found.append(relation)
            in_sentence.append(len(found) - 1)
            i = max(j, i + 1)
        if para_id in headline_paragraphs and not in_sentence:
            headline = _headline(text, toks, s_start, s_end, sent_id)
            if headline is not None:
                found.append(headline)
    return found


def _speaker(toks: list[_Tok]) -> bool:
    """Whether a short phrase names a speaker (a person, an organisation, a role or a name in guillemets)."""
    words = [t for t in toks if t.word]
    if not words or len(words) > 5:
        return False
    if toks[0].text == "«" and toks[-1].text == "»":
        inner = "".join(t.text if not t.word else " " + t.text for t in toks[1:-1]).strip()
        return is_name_quote(inner)
    return any(t.has("anim") or t.has("Name") or t.has("Surn") or t.has("Orgn") or t.lemma in russian_role_nouns()
               for t in words) and all(_np_like(t) for t in toks)


def _headline(text: str, toks: list[_Tok], s_start: int, s_end: int, sent_id: int) -> _Found | None:
    """"X: content" or "content — X" in a headline."""
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is not None and colon > 0 and _speaker(toks[:colon]):
        relation = _Found((toks[colon].start, toks[colon].end), _span(toks, 0, colon),
                          [_trim(text, toks[colon].end, s_end)], "neutral", "yes", ":", sent_id)
        return relation
    dash = next((k for k in range(len(toks) - 1, 0, -1) if toks[k].text in ("—", "–")), None)
    if dash is not None and dash < len(toks) - 1 and _speaker(toks[dash + 1:]):
        return _Found((toks[dash].start, toks[dash].end), _span(toks, dash + 1, len(toks)),
                      [_trim(text, s_start, toks[dash].start)], "neutral", "yes", "—", sent_id)
    return None
