"""Framing: dictionary matches for surveillance frames and critical-discourse features (draft, version 0.1).

Status: the frame dictionary (``watchwords/data/en/frames.csv``) is a first draft written from the
taxonomy in ``docs/frame_codebook.md`` (after ../shared/research/framing_methods.md §2.4); it has
**not** yet been validated against hand coding, so its matches are candidates, not measurements
(Grimmer & Stewart 2013; van Atteveldt, van der Velden & Boukes 2021).

* :func:`frames`: one row per indicator match, with negation ("no", "not", "never", "without",
  "n't" within six words before, not across a comma), false friends dropped (``data/en/frame_false_friends.csv``: "security
  camera" is not the security frame), the voice (reporter or quoted) and the part of the article
  (headline, standfirst, lede = first body paragraph, body, caption).
* :func:`passives`: be/get + past participle, with or without a by-agent (Biber 1988, features
  17-18), a stoplist of adjectival participles, and surveillance verbs flagged.

Both accept a corpus or a plain string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .indicators import Indicator, match_at, negated, parse_indicator
from .languages import by_language, in_language
from .resources import language_code, read_table, read_words
from .store import corpus_chunks, object_array, vocabulary
from .tables import as_corpus, require_kind, returns
from .text import TokenView, select_tokens

__all__ = ["frame_dictionary", "frames", "frame_profile", "frame_differences", "frame_prominence", "passives",
           "nominalisations", "actor_labels", "hedges", "sample_for_coding", "read_frame_gold", "validate_frames",
           "normalisation", "SURVEILLANCE_VERBS"]

_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "get", "gets", "got", "gotten", "getting"}
_BETWEEN = {"being", "not", "n't", "also", "still", "already", "reportedly", "allegedly", "now", "often", "never",
            "then", "all", "widely", "increasingly"}
_IRREGULAR = {"known", "seen", "made", "held", "taken", "sent", "found", "caught", "shown", "told", "done", "given",
              "brought", "kept", "put", "set", "built", "bought", "led", "left", "paid", "sold", "hit", "run",
              "beaten", "drawn", "driven", "forgotten", "hidden", "stolen", "thrown", "written", "spent", "struck"}
#: Participles after "be" that are usually adjectives, not passives ("was worried").
_ADJECTIVAL = {"worried", "concerned", "interested", "tired", "married", "pleased", "surprised", "scared",
               "excited", "supposed", "based", "located", "related", "involved", "determined",
               "prepared", "aged", "entitled", "engaged", "qualified", "experienced", "advanced", "limited",
               "tied", "allowed", "crowded", "armed", "unmanned", "closed", "packed", "designed"}
#: Verbs of surveillance and enforcement, flagged in passives.
SURVEILLANCE_VERBS = frozenset({"used", "tracked", "identified", "detained", "connected", "recorded", "monitored",
                                "watched", "filmed", "installed", "deployed", "stopped", "arrested", "located",
                                "recognised", "recognized", "scanned", "collected", "stored", "sent", "summoned",
                                "drafted", "mobilised", "mobilized", "called"})


#: Participles checked for reduced passive relatives, and the words that must follow them.
_RELATIVE_VERBS = SURVEILLANCE_VERBS | {"recruited", "drafted", "mobilized", "mobilised", "caught", "held", "taken",
                                        "questioned", "fined", "identified", "sought", "wanted"}
_RELATIVE_NEXT = {"in", "at", "by", "during", "on", "for", "under", "up", "from", "near", "after", "since", "with"}
_NOT_NOUN = _BE | {"has", "have", "had", "said", "also", "already", "just", "still", "then", "now", "once"}


#: first word form (or "*" + prefix for a wildcard first word) -> [(indicator, frame, weight)], longest first
_Index = dict[str, list[tuple[Indicator, str, float]]]
#: Frames whose claim is an absence (no consent, no legal basis, no court order, no oversight): a negator before
#: their indicator states the frame instead of denying it (codebook 1.0, "Denial").
ABSENCE_FRAMES = ("F2", "F5")
#: The label of topic matches: words that name the subject (conscription) without a perspective on it.
TOPIC = "topic"
_FRAME_RE = re.compile(r"F\d+ \S.*")
_WORD = r"=?[a-z0-9а-яё'’-]+\*?"  # Russian indicators are lemmas in Cyrillic
_INDICATOR_RE = re.compile(rf"{_WORD}(?: (?:~ )?{_WORD})*")
def load_frame_dictionary(dictionary: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """A frame dictionary, checked: the packaged one (None, ``"en"``, ``"english"``), a CSV file with the columns of
    ``watchwords/data/en/frames.csv``, or a DataFrame with them (frame, indicator, weight; notes, citation and
    version optional).

    Rules checked, each refused with one line naming the row: a frame is ``F<number> <name>`` and a codebook frame
    keeps the codebook's name (``F1 security``, not ``F1 safety``); an indicator is one or more lower-case words
    (letters, digits, ``-``, ``'``), each optionally ending in ``*`` for any ending; a weight is a number in (0, 1];
    no indicator is listed twice for the same frame; the dictionary is not empty.

    Raises:
        ValueError: for a missing file, a missing column, or a row that breaks a rule.
    """
    if dictionary is None or (isinstance(dictionary, str) and language_code(dictionary) in ("en", "ru")):
        return frame_dictionary(language="en" if dictionary is None else language_code(dictionary))
    if isinstance(dictionary, pd.DataFrame):
        table, where = dictionary.copy(), "the dictionary DataFrame"
        table = table.astype({c: str for c in table.columns})
    else:
        path = Path(str(dictionary))
        if not path.is_file():
            raise ValueError(f"dictionary {str(dictionary)!r}: no such file; pass a CSV path, a DataFrame, or None for "
                             "the packaged dictionary")
        table = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
        where = str(path)
    missing = {"frame", "indicator", "weight"} - set(table.columns)
    if missing:
        raise ValueError(f"{where}: missing column(s) {sorted(missing)}; the header needs frame,indicator,weight")
    if table.empty:
        raise ValueError(f"{where}: the dictionary is empty; give at least one indicator")
    codebook = {name.split()[0]: name for name in frame_dictionary(language="en")["frame"].unique()}
    seen: dict[tuple[str, str], int] = {}
    for number, row in enumerate(table.itertuples(index=False), start=1):
        frame, indicator, weight = str(row.frame).strip(), str(row.indicator).strip(), str(row.weight).strip()
        at = f"{where}: row {number}"
        if not _FRAME_RE.fullmatch(frame):
            raise ValueError(f"{at}: unknown frame {frame!r}; write a code and a name such as 'F2 privacy and rights'")
        code = frame.split()[0]
        if code in codebook and codebook[code] != frame:
            raise ValueError(f"{at}: unknown frame {frame!r}; the codebook calls {code} {codebook[code]!r}")
        if not _INDICATOR_RE.fullmatch(indicator):
            raise ValueError(f"{at}: bad indicator {indicator!r}; use lower-case words (letters, digits, - and '), "
                             "each may end in * for any ending or start with = for the exact form; ~ between two "
                             "words allows a gap of up to two words")
        try:
            value = float(weight)
        except ValueError:
            value = float("nan")
        if not 0 < value <= 1:
            raise ValueError(f"{at}: weight {weight!r} is not a number in (0, 1]")
        if (frame, indicator) in seen:
            raise ValueError(f"{at}: duplicate indicator {indicator!r} for {frame} (first on row {seen[(frame, indicator)]})")
        seen[(frame, indicator)] = number
    return table


def _compile(table: pd.DataFrame) -> _Index:
    index: _Index = {}
    for row in table.itertuples(index=False):
        indicator = parse_indicator(str(row.indicator).lower())
        first = indicator.words[0]
        keys = ["*" + first] if isinstance(first, str) else sorted(first)
        for key in keys:
            index.setdefault(key, []).append((indicator, str(row.frame), float(row.weight)))
    for entries in index.values():
        entries.sort(key=lambda e: len(e[0].words), reverse=True)
    return index


@lru_cache(maxsize=4)
def _packaged_index(language: str = "en") -> _Index:
    return _compile(pd.concat([frame_dictionary(language=language),
                               frame_topics(language=language).assign(frame=TOPIC, weight="1")], ignore_index=True))


def frame_topics(*, language: str = "en") -> pd.DataFrame:
    """Topic terms: words that name the subject of the coverage (conscription, the enlistment office, military
    service) without taking a perspective on it. :func:`frames` reports them with frame ``"topic"``; they are
    never counted as a frame (``watchwords/data/<language>/frame_topics.csv``; codebook 1.0, F6)."""
    return read_table("frame_topics", language=language)


def _dictionary(dictionary: str | Path | pd.DataFrame | None = None, language: str = "en"
                ) -> tuple[_Index, list[tuple[tuple[str, ...], str]], list[str]]:
    """(indicator index, false friends, every frame of the dictionary) for a dictionary argument; the packaged
    dictionary, topics and false friends of ``language`` when ``dictionary`` is None."""
    if dictionary is None or (isinstance(dictionary, str) and language_code(dictionary) in ("en", "ru")):
        language = language if dictionary is None else language_code(dictionary)
        table, index = frame_dictionary(language=language), _packaged_index(language)
    else:
        table = load_frame_dictionary(dictionary)
        index = _compile(table)
    false_friends = [(tuple(r.phrase.lower().split()), r.frame)
                     for r in frame_false_friends(language=language).itertuples(index=False)]
    return index, false_friends, sorted(table["frame"].unique())


def frame_false_friends(*, language: str = "en") -> pd.DataFrame:
    """The false friends: phrases in which a frame indicator does not signal its frame (frame, phrase, reason;
    ``watchwords/data/<language>/frame_false_friends.csv``)."""
    return read_table("frame_false_friends", language=language)


def frame_dictionary(*, language: str = "en") -> pd.DataFrame:
    """The frame dictionary of a language: frame, indicator, weight, notes, ... (``data/<language>/frames.csv``;
    the Russian one adds ``written``, the phrase as written, and ``gloss``, its English meaning)."""
    return read_table("frames", language=language)


@returns("frames")
def frames(corpus: pd.DataFrame | str, *, voice_spans: pd.DataFrame | None = None,
           exclude_spans: pd.DataFrame | None = None,
           dictionary: str | Path | pd.DataFrame | None = None, language: str | None = None) -> pd.DataFrame:
    """One row per frame-indicator match (rules in the module docstring).

    Args:
        corpus: a corpus from ``load_corpus`` or a plain string.
        language: the language whose documents are read, with its packaged dictionary (``"en"``; ``"ru"``: lemma
            indicators of ``data/ru/frames.csv`` matched on lemmatised tokens, Russian negators); default English
            when the corpus has an English document, else its most frequent analysable language; documents in
            other languages are left out with one warning (:mod:`watchwords.languages`).
        voice_spans: quoted spans for the voice column (default: text inside quotation marks;
            pass ``watchwords.voice(corpus)`` to use attributed content).
        exclude_spans: spans whose words are not matched, e.g. :func:`watchwords.reused_spans`
            so that syndicated wire copy is counted once.

    Returns:
        Columns doc_id, para_id, sent_id, frame, indicator, match (the text), start, end,
        weight, negated, voice, part (headline / standfirst / lede / body / caption / ...).
    """
    require_kind(voice_spans, ("voice",), verb="frames", name="voice_spans")
    require_kind(exclude_spans, ("reused_spans", "voice"), verb="frames", name="exclude_spans")
    corpus, code = in_language(as_corpus(corpus, verb="frames"), language, verb="frames", stacklevel=4)
    index, false_friends, _ = _dictionary(dictionary, code)
    rows: list[dict[str, Any]] = []
    for chunk in corpus_chunks(corpus):  # memory follows the chunk; rows come in text order either way
        rows.extend(_frame_rows(chunk, index, false_friends, voice_spans, exclude_spans, code))
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"]))
    frame_table = pd.DataFrame(rows, columns=["doc_id", "para_id", "sent_id", "frame", "indicator", "start", "end",
                                              "weight", "negated", "voice", "part"])
    frame_table = frame_table.astype({"para_id": "int64", "sent_id": "int64", "start": "int64", "end": "int64",
                                      "weight": "float64", "negated": bool})
    frame_table.insert(5, "match", [texts[d][s:e] for d, s, e in zip(frame_table["doc_id"], frame_table["start"],
                                                                      frame_table["end"])])
    frame_table.attrs.update(source="watchwords.frames", language=code,
                             dictionary=f"watchwords/data/{code}/frames.csv" if dictionary is None else "custom")
    return frame_table


def _frame_rows(corpus: pd.DataFrame, index: _Index, false_friends: list[tuple[tuple[str, ...], str]],
                voice_spans: pd.DataFrame | None, exclude_spans: pd.DataFrame | None,
                language: str = "en") -> list[dict[str, Any]]:
    """The matches of :func:`frames` in one chunk of whole documents (words are lemmas for Russian)."""
    wildcards = [(key[1:], entries) for key, entries in index.items() if key.startswith("*")]
    view = select_tokens(corpus, parts="all", drop_punct=False, voice_spans=voice_spans, exclude_spans=exclude_spans,
                         language=language, verb="frames")
    norm_ids, norms = view.norm_ids()
    # only a word that can start an indicator needs a look at its sentence: decided once per distinct word
    distinct = np.unique(norm_ids)
    opens = np.zeros(len(norms), dtype=bool)
    opens[distinct] = [norms[w] in index or any(norms[w].startswith(prefix) for prefix, _ in wildcards)
                       for w in distinct.tolist()]
    parts = view.parts_with_lede()
    ends = view.store.ends[view.index]
    ff_words = {w for ff, _ in false_friends for w in ff}  # a false friend can only cover a word it contains
    entries_of: dict[str, list[tuple[Indicator, str, float]]] = {}  # per distinct word: its indicators, longest first
    rows: list[dict[str, Any]] = []
    for lo, hi, candidates in sentences_containing(view, np.flatnonzero(opens[norm_ids])):
        words = [norms[w] for w in norm_ids[lo:hi].tolist()]
        covered: dict[str, int] = {}  # frame -> end of its last match: a word counts once per frame (longest first)
        for i in (c - lo for c in candidates):
            word = words[i]
            entries = entries_of.get(word)
            if entries is None:
                found = index.get(word, []) + [e for prefix, group in wildcards if word.startswith(prefix)
                                               for e in group]
                entries = entries_of[word] = sorted(found, key=lambda e: len(e[0].words), reverse=True)
            matched: set[str] = set()
            for indicator, frame, weight in entries:
                if frame in matched or covered.get(frame, 0) > i:
                    continue
                j = match_at(indicator, words, i)
                if j is None:
                    continue
                if word in ff_words and any(
                        tuple(words[k:k + len(ff)]) == ff and k <= i < k + len(ff) and fr == frame
                        for ff, fr in false_friends for k in range(max(0, i - len(ff) + 1), i + 1)):
                    continue
                matched.add(frame)
                covered[frame] = j
                rows.append({"doc_id": view.store.doc_ids[view.store.doc[view.index[lo]]],
                             "para_id": int(view.store.para_ids[view.index[lo]]),
                             "sent_id": int(view.store.sent_ids[view.index[lo]]),
                             "frame": frame, "indicator": indicator.text, "start": int(view.store.starts[view.index[lo + i]]),
                             "end": int(ends[lo + j - 1]), "weight": weight,
                             "negated": negated(words, i) and frame.split()[0] not in ABSENCE_FRAMES,
                             "voice": "quoted" if view.quoted[lo + i] else "reporter",
                             "part": parts[lo + i]})

    return rows


def sentences_containing(view: TokenView, positions: np.ndarray) -> Iterator[tuple[int, int, list[int]]]:
    """For each sentence of the selected tokens that holds one of ``positions`` (sorted indices into the view):
    (first index, end index, the positions in it)."""
    if len(positions) == 0:
        return
    sentence = view.store.sentence_keys()[view.index]
    breaks = np.flatnonzero(np.diff(sentence)) + 1
    firsts = np.concatenate([[0], breaks]).astype(np.int64)
    lasts = np.concatenate([breaks, [len(sentence)]]).astype(np.int64)
    which = np.searchsorted(firsts, positions, side="right") - 1
    cut = np.flatnonzero(np.diff(which)) + 1
    for group in np.split(np.arange(len(positions)), cut):
        k = int(which[group[0]])
        yield int(firsts[k]), int(lasts[k]), positions[group].tolist()


def _is_participle(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR or word.endswith("en") and len(word) > 4


@returns("passives")
def passives(corpus: pd.DataFrame | str, *, language: str | None = None) -> pd.DataFrame:
    """Passive constructions: a form of *be* or *get*, up to two adverbs or "being", a past participle.

    **Russian** (``language="ru"``): short passive participles (задержан, задержаны, установлены: kind "short
    participle") and reflexive passives of transitive imperfective verbs (используются, отслеживаются: kind
    "reflexive"; :func:`watchwords.languages.ru.is_passive`); an agent in the instrumental right after it
    ("задержан полицией") makes kind "by", the agent being that noun phrase.

    Rule (Biber 1988, features 17-18, without a parser): the participle ends in -ed or -en or is a
    listed irregular form, and is not a listed adjectival participle ("was worried"). With "by"
    within the next four words the passive is a *by*-passive and the words after "by" up to the
    next punctuation are its agent; otherwise it is *agentless* (the actor is deleted; Fowler 1991).
    **Reduced passive relatives** (Biber's past-participial WHIZ deletion: "reservists recruited
    during the mobilisation", "men detained in the metro") are found for a list of enforcement
    verbs after a plural noun and before a preposition; their agent is deleted too.

    Returns:
        Columns doc_id, sent_id, kind ("agentless", "by" or "reduced relative"), auxiliary, participle, agent, start,
        end (from the auxiliary to the participle), surveillance_verb (the participle is in
        :data:`SURVEILLANCE_VERBS`).
    """
    from .text import read_word_list

    chosen, code = in_language(as_corpus(corpus, verb="passives"), language, verb="passives", stacklevel=4)
    if code == "ru":
        return _russian_passives(chosen)
    stop = read_word_list("english", default="stopwords")
    rows = []
    for doc_id, sent_id, sent, words, starts, ends, text in _iter_sentences(chosen, "passives"):
        for i, word in enumerate(words):
            if word not in _BE or (word == "being" and i > 0 and words[i - 1] in _BE):
                continue  # "are being used" is one passive, found from "are"
            j = i + 1
            while j < len(words) and j - i <= 3 and words[j] in _BETWEEN:
                j += 1
            if j >= len(words) or not _is_participle(words[j]) or words[j] in _ADJECTIVAL or words[j] in _BE:
                continue
            agent = ""
            kind = "agentless"
            for k in range(j + 1, min(j + 5, len(words))):
                if words[k] == "by":
                    end = k + 1
                    while end < len(words) and words[end][:1].isalnum():
                        end += 1
                    if end > k + 1:
                        agent = text[starts[k + 1]:ends[end - 1]]
                        kind = "by"
                    break
            rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": kind, "auxiliary": sent[i],
                         "participle": sent[j], "agent": agent, "start": starts[i], "end": ends[j],
                         "surveillance_verb": words[j] in SURVEILLANCE_VERBS})
        # reduced passive relatives: "reservists recruited during ...", "men detained in the metro"
        for j in range(1, len(words) - 1):
            previous = words[j - 1]
            if (words[j] in _RELATIVE_VERBS and words[j + 1] in _RELATIVE_NEXT and previous[:1].isalpha()
                    and previous not in _NOT_NOUN and (previous not in stop or previous == "those")
                    and not previous.endswith("ly")):
                rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": "reduced relative", "auxiliary": "",
                             "participle": sent[j], "agent": "", "start": starts[j], "end": ends[j],
                             "surveillance_verb": words[j] in SURVEILLANCE_VERBS})
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "kind", "auxiliary", "participle", "agent", "start", "end",
                                        "surveillance_verb"])
    frame = frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    frame.attrs.update(source="watchwords.passives")
    return frame



def _iter_sentences(corpus: pd.DataFrame | str, verb: str, language: str | None = "en") -> Iterator[tuple[Any, ...]]:
    """Yield (doc_id, sent_id, tokens, norms, starts, ends, document text) for every sentence of the documents in
    ``language`` (lists read from the token store's arrays, every part, punctuation kept; norms are lemmas for
    Russian)."""
    chosen, code = in_language(as_corpus(corpus, verb=verb), language, verb=verb, stacklevel=5,
                               supported=("en", "ru") if verb == "passives" else ("en",))
    for chunk in corpus_chunks(chosen):  # memory follows the chunk
        yield from _chunk_sentences(chunk, verb, code)


def _chunk_sentences(corpus: pd.DataFrame, verb: str, language: str = "en") -> Iterator[tuple[Any, ...]]:
    view = select_tokens(corpus, parts="all", drop_punct=False, language=language, verb=verb)
    strings = vocabulary().strings
    norm_ids, norms = view.norm_ids()
    types, norm_list = view.types.tolist(), norm_ids.tolist()
    starts, ends = view.take("starts").tolist(), view.store.ends[view.index].tolist()
    docs, sent_ids = view.take("doc").tolist(), view.take("sent_ids").tolist()
    texts = list(corpus["text"])
    sentence = view.store.sentence_keys()[view.index]
    bounds = np.concatenate([[0], np.flatnonzero(np.diff(sentence)) + 1, [len(sentence)]]).tolist()
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        if hi > lo:
            yield (view.store.doc_ids[docs[lo]], sent_ids[lo], [strings[t] for t in types[lo:hi]],
                   [norms[w] for w in norm_list[lo:hi]], starts[lo:hi], ends[lo:hi], texts[docs[lo]])


#: Russian verbs of surveillance and enforcement (lemmas), flagged in passives.
RU_SURVEILLANCE_VERBS = frozenset({"использовать", "использоваться", "отслеживать", "отслеживаться", "задержать",
                                   "установить", "устанавливаться", "распознать", "распознаваться", "опознать",
                                   "выявить", "выявляться", "фиксировать", "фиксироваться", "записывать",
                                   "записываться", "проверять", "проверяться", "разыскивать", "разыскиваться",
                                   "вручить", "подключить", "применять", "применяться", "задерживаться",
                                   "доставить", "призвать", "мобилизовать", "собирать", "собираться", "хранить",
                                   "храниться", "передать", "передаваться", "обрабатывать", "обрабатываться"})


#: Instrumental nouns of time and manner, never the agent of a passive ("хранятся годами", "таким образом").
_RU_NOT_AGENTS = frozenset({"год", "месяц", "день", "неделя", "час", "время", "ночь", "утро", "вечер", "образ",
                            "путь", "помощь", "раз", "минута", "секунда", "часть", "число"})


def _russian_passives(corpus: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`passives` for Russian documents."""
    from .languages.ru import is_passive, parse

    rows = []
    for doc_id, sent_id, sent, words, starts, ends, text in _iter_sentences(corpus, "passives", "ru"):
        for i, token in enumerate(sent):
            if not token[:1].isalpha():
                continue
            kind = is_passive(token)
            if kind is None:
                continue
            agent, end = "", ends[i]
            k = i + 1
            while k < len(sent) and sent[k][:1].isalpha() and "ablt" in parse(sent[k].lower()).tag and \
                    parse(sent[k].lower()).tag.POS in ("NOUN", "ADJF", "NPRO"):
                k += 1
            if k > i + 1 and any(parse(w.lower()).tag.POS in ("NOUN", "NPRO") and
                                 parse(w.lower()).normal_form not in _RU_NOT_AGENTS for w in sent[i + 1:k]):
                agent = text[starts[i + 1]:ends[k - 1]]
            rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": "by" if agent else kind, "auxiliary": "",
                         "participle": token, "agent": agent, "start": starts[i], "end": end,
                         "surveillance_verb": words[i] in RU_SURVEILLANCE_VERBS})
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "kind", "auxiliary", "participle", "agent", "start", "end",
                                        "surveillance_verb"])
    frame.attrs.update(source="watchwords.passives", language="ru")
    return frame


@lru_cache(maxsize=1)
def _process_nouns() -> frozenset[str]:

    return read_words("process_nouns")


@returns("nominalisations")
def nominalisations(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Process nouns from the curated list (``watchwords/data/en/process_nouns.txt``) and whether an agent is attached.

    An agent is attached when the noun is followed by "by" + a phrase ("detention by police"), or preceded
    by a possessive ("the police's detention", "Moscow's surveillance"); otherwise the actor is hidden
    (Fairclough 2003, ch. 8; Fowler 1991). English only: documents in other languages are left out with one warning.

    Returns:
        Columns doc_id, sent_id, noun, start, end, agent ("" when none is attached), agent_attached.
    """
    from .text import read_word_list

    nouns = _process_nouns()
    stop = read_word_list("english", default="stopwords")
    rows = []
    for doc_id, sent_id, sent, words, starts, ends, text in _iter_sentences(corpus, "nominalisations"):
        for i, word in enumerate(words):
            singular = word[:-1] if word.endswith("s") and word[:-1] in nouns else word
            if singular not in nouns:
                continue
            agent = ""
            if i + 2 < len(words) and words[i + 1] == "by":
                end = i + 2
                while (end < len(words) and words[end][:1].isalnum() and end - i < 7
                       and (words[end] not in stop or words[end] in ("the", "a", "an", "of"))):
                    end += 1
                if end > i + 2:
                    agent = text[starts[i + 2]:ends[end - 1]]
            elif i >= 2 and words[i - 1] == "'s":
                first = i - 3 if i >= 3 and words[i - 3] in ("the", "a", "an") else i - 2
                agent = text[starts[first]:ends[i - 1]]
            rows.append({"doc_id": doc_id, "sent_id": sent_id, "noun": sent[i], "start": starts[i],
                         "end": ends[i], "agent": agent, "agent_attached": bool(agent)})
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "noun", "start", "end", "agent", "agent_attached"])
    frame.attrs.update(source="watchwords.nominalisations")
    return frame


def _russian_labels(corpus: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`actor_labels` for Russian documents: label lemmas matched on lemmatised tokens (longest
    match first, never across a paragraph)."""
    table = read_table("actor_labels", language="ru")
    index: dict[str, list[tuple[list[str], Any]]] = {}
    for row in table.itertuples(index=False):
        words = str(row.pattern).split()
        index.setdefault(words[0].rstrip("*"), []).append((words, row))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    rows = []
    view = select_tokens(corpus, parts="all", drop_punct=False, language="ru", verb="actor_labels")
    norm_ids, norms = view.norm_ids()
    words = [norms[w] for w in norm_ids.tolist()]
    starts, ends = view.take("starts").tolist(), view.store.ends[view.index].tolist()
    docs, paras = view.take("doc").tolist(), view.take("para_ids").tolist()
    texts = list(corpus["text"])
    i = 0
    while i < len(words):
        match = None
        for pattern, row in index.get(words[i], ()):
            n = len(pattern)
            if i + n <= len(words) and paras[i + n - 1] == paras[i] and docs[i + n - 1] == docs[i] and all(
                    words[i + k] == p or (p.endswith("*") and words[i + k].startswith(p[:-1]))
                    for k, p in enumerate(pattern)):
                match = (n, row)
                break
        if match is None:
            i += 1
            continue
        n, row = match
        text = texts[docs[i]]
        rows.append({"doc_id": view.store.doc_ids[docs[i]], "para_id": int(paras[i]), "group": row.group,
                     "label": row.label, "match": text[starts[i]:ends[i + n - 1]], "start": int(starts[i]),
                     "end": int(ends[i + n - 1]), "category": row.category, "stance": row.stance})
        i += n
    frame = pd.DataFrame(rows, columns=["doc_id", "para_id", "group", "label", "match", "start", "end", "category",
                                        "stance"])
    frame.attrs.update(source="watchwords.actor_labels", language="ru")
    return frame


@lru_cache(maxsize=1)
def _actor_patterns() -> list[tuple[re.Pattern[str], str, str, str, str]]:
    patterns = []
    for row in read_table("actor_labels").itertuples(index=False):
        if row.pattern.startswith("re:"):
            regex = row.pattern[3:]
        else:
            words = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in row.pattern.split()]
            regex = r"\b" + r"\s+".join(words) + r"\b"
        patterns.append((re.compile(regex, re.IGNORECASE), row.group, row.label, row.category, row.stance))
    return patterns


@returns("actor_labels")
def actor_labels(corpus: pd.DataFrame | str, *, language: str | None = None) -> pd.DataFrame:
    """How the surveilled men and the state actors are named (``watchwords/data/<language>/actor_labels.csv``;
    Russian labels such as уклонисты, призывники, военнообязанные are matched on lemmas, so every case form counts).

    Each label carries a van Leeuwen (2008) category (functionalisation, classification,
    individualisation, aggregation, appraisement) and a provisional stance. Overlapping matches keep
    the longest ("draft evaders" rather than "evaders"). Only paragraphs are searched (labels never
    cross a paragraph).

    Returns:
        Columns doc_id, para_id, group (targets / state), label, match, start, end, category, stance.
    """
    from .documents import paragraphs_of

    corpus, code = in_language(as_corpus(corpus, verb="actor_labels"), language, verb="actor_labels", stacklevel=4)
    if code == "ru":
        return _russian_labels(corpus)
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        for para_id, para in enumerate(paragraphs_of(text)):
            found = []
            for pattern, group, label, category, stance in _actor_patterns():
                for match in pattern.finditer(text, para.start, para.end):
                    found.append((match.start(), -match.end(), match.end(), group, label, category, stance))
            taken_until = -1
            for start, _, end, group, label, category, stance in sorted(found):
                if start < taken_until:
                    continue
                taken_until = end
                rows.append({"doc_id": doc_id, "para_id": para_id, "group": group, "label": label,
                             "match": text[start:end], "start": start, "end": end, "category": category, "stance": stance})
    frame = pd.DataFrame(rows, columns=["doc_id", "para_id", "group", "label", "match", "start", "end", "category",
                                        "stance"])
    frame.attrs.update(source="watchwords.actor_labels")
    return frame


@returns("hedges")
def hedges(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """Hedges, evidentials, scare quotes and evaluative intensifiers (``watchwords/data/en/hedges.csv``).

    "about"/"around" count only before a number ("about 3,000"). A *scare quote* is a quotation of
    one to three words in a sentence without a reporting verb, or a term after "so-called". English only: documents
    in other languages are left out with one warning.

    Returns:
        Columns doc_id, sent_id, kind (hedge / evidential / scare / intensifier), expression, start, end.
    """
    from .attribution import reporting_lexicon
    from .quotes import QUOTE_MARK_RE, quote_spans

    lexicon = read_table("hedges")
    kinds = dict(zip(lexicon["expression"], lexicon["kind"]))
    verbs = reporting_lexicon().verbs
    rows = []
    for doc_id, sent_id, sent, words, starts, ends, text in _iter_sentences(corpus, "hedges"):
        for i, word in enumerate(words):
            kind = kinds.get(word)
            if kind is None:
                continue
            if word in ("about", "around") and not (i + 1 < len(words) and words[i + 1][:1].isdigit()):
                continue
            rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": kind, "expression": sent[i],
                         "start": starts[i], "end": ends[i]})
        if not any(w in verbs for w in words):
            for _, inner_start, inner_end, _ in quote_spans(text, starts[0], ends[-1]):
                inner = text[inner_start:inner_end]
                if 1 <= len(inner.split()) <= 3 and not QUOTE_MARK_RE.search(inner):
                    rows.append({"doc_id": doc_id, "sent_id": sent_id, "kind": "scare", "expression": inner,
                                 "start": inner_start, "end": inner_end})
    frame = pd.DataFrame(rows, columns=["doc_id", "sent_id", "kind", "expression", "start", "end"])
    frame = frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    frame.attrs.update(source="watchwords.hedges")
    return frame


_UNITS = {"sentence": ["doc_id", "sent_id"], "paragraph": ["doc_id", "para_id"], "document": ["doc_id"]}


#: The parts of an article that frame shares count (captions on request; never byline, dateline or credit).
COUNTED_PARTS = ("headline", "standfirst", "body")


def repeated_paragraphs(corpus: pd.DataFrame | str) -> set[tuple[str, int]]:
    """(doc_id, para_id) of every paragraph whose words repeat an earlier paragraph of the same document (a
    standfirst that is also the first body paragraph, a caption printed twice). Words are compared lower-cased,
    punctuation and spacing ignored.

    Example:
        >>> sorted(repeated_paragraphs("STANDFIRST: Cameras find men.\\n\\nCameras find men!\\n\\nOther."))
        [('text', 1)]
    """
    from .text import WORD_RE, paragraphs

    seen: dict[tuple[str, tuple[str, ...]], int] = {}
    repeats: set[tuple[str, int]] = set()
    for doc_id, para_id, text in paragraphs(corpus)[["doc_id", "para_id", "text"]].itertuples(index=False):
        key = (str(doc_id), tuple(WORD_RE.findall(str(text).lower())))
        if key[1] and key in seen:
            repeats.add((str(doc_id), int(para_id)))
        else:
            seen.setdefault(key, int(para_id))
    return repeats


def _unit_frames(corpus: pd.DataFrame, unit: str, voice_spans: pd.DataFrame | None,
                 exclude_spans: pd.DataFrame | None = None,
                 dictionary: str | Path | pd.DataFrame | None = None, *, captions: bool = False,
                 repeats: bool = False, found: pd.DataFrame | None = None,
                 language: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(units with their tokens, matches) for frame_profile and frame_differences: counted parts only, repeated
    paragraphs once (unless ``repeats``), negated matches and topic terms left out. ``found``: the table of
    :func:`frames` for the same corpus and options, when the caller has it already."""
    if unit not in _UNITS:
        raise ValueError(f"unit={unit!r}: use 'sentence', 'paragraph' or 'document'")
    keys = _UNITS[unit]
    if language == "all":  # each language with its own dictionary; the units say which language they are in
        pieces = [_unit_frames(subset, unit, voice_spans, exclude_spans, None, captions=captions, repeats=repeats,
                               language=code) for code, subset in by_language(corpus, verb="frame_profile")]
        if not pieces:
            return _unit_frames(corpus.iloc[:0], unit, voice_spans, exclude_spans, None, language="en")
        return (pd.concat([p[0] for p in pieces], ignore_index=True),
                pd.concat([p[1] for p in pieces], ignore_index=True))
    corpus, language = in_language(corpus, language, verb="frame_profile", stacklevel=5)
    parts = COUNTED_PARTS + (("caption",) if captions else ())
    skip = set() if repeats else repeated_paragraphs(corpus)
    view = select_tokens(corpus, parts=parts, drop_punct=True, exclude_spans=exclude_spans, language=language,
                         verb="frame_profile")
    docs, paras = view.take("doc").astype(np.int64), view.take("para_ids").astype(np.int64)
    width = int(max(paras.max(initial=0), view.take("sent_ids").max(initial=0))) + 1
    if skip:
        position = {doc_id: k for k, doc_id in enumerate(view.store.doc_ids)}
        skipped = np.array([position[d] * width + p for d, p in skip if d in position], dtype=np.int64)
        keep = ~np.isin(docs * width + paras, skipped)
        docs, paras, sents = docs[keep], paras[keep], view.take("sent_ids")[keep].astype(np.int64)
    else:
        sents = view.take("sent_ids").astype(np.int64)
    second = {"sentence": sents, "paragraph": paras, "document": np.zeros_like(docs)}[unit]
    # tokens are in reading order, so sorted keys are the units in order of first appearance
    unit_keys, n_tokens = np.unique(docs * width + second, return_counts=True)
    names = object_array(view.store.doc_ids)
    columns: dict[str, Any] = {"doc_id": names[unit_keys // width]}
    if unit != "document":
        columns[keys[1]] = (unit_keys % width).astype("int64")
    columns["n_tokens"] = n_tokens.astype("int64")
    units = pd.DataFrame(columns)
    matches = (frames(corpus, voice_spans=voice_spans, exclude_spans=exclude_spans, dictionary=dictionary,
                      language=language) if found is None else found)
    keep = (~matches["negated"]) & (matches["frame"] != TOPIC) & matches["part"].replace("lede", "body").isin(parts)
    if skip:
        keep &= np.array([(str(d), int(p)) not in skip for d, p in zip(matches["doc_id"], matches["para_id"])],
                         dtype=bool)
    return units, matches[keep]


@returns("frame_profile")
def frame_profile(
    corpus: pd.DataFrame | str,
    *,
    by: str | None = None,
    unit: str = "sentence",
    voice_spans: pd.DataFrame | None = None,
    exclude_spans: pd.DataFrame | None = None,
    dictionary: str | Path | pd.DataFrame | None = None,
    captions: bool = False,
    repeats: bool = False,
    n_boot: int = 0,
    seed: int = 0,
    level: float = 0.95,
    language: str | None = None,
) -> pd.DataFrame:
    """How often each frame occurs: the share of units (sentences, paragraphs or documents) with the frame,
    and its weighted rate per 1,000 tokens, per group of a metadata column.

    Formulas, for frame f in group g: share = units of g with at least one (non-negated) match of f /
    units of g; rate = 1,000 · Σ weights of f's matches in g / tokens of g (punctuation not counted).

    Units (codebook 1.0): headline, standfirst and body sentences count; captions only with ``captions=True``;
    byline, dateline and credit never. A paragraph that repeats an earlier one of the same document (a standfirst
    printed again as the first body paragraph) counts once unless ``repeats=True``. Topic terms and negated
    matches are not counted.

    With ``n_boot`` > 0, each share gets a percentile bootstrap interval (``level``) from resampling whole documents
    within the group (sentences of one article are not independent; Efron & Tibshirani 1993, ch. 13); the
    stream is seeded by ``seed`` and the group's name, so adding a group leaves the others' intervals unchanged.

    ``language``: one language (default as :func:`frames`), or ``"all"`` for a side-by-side profile of the
    languages (``by="language"``, or any column): each document read in its own language with that language's
    packaged dictionary; the codebook's frames are shared, so the rows are comparable, and n_docs says how many
    documents stand behind each group.

    Returns:
        Columns [by], frame, n_docs (documents in the group), n_units, n_with, share, rate_per_1000 (every frame of
        the dictionary, zeros included); with ``n_boot``, also share_low and share_high.
    """
    require_kind(voice_spans, ("voice",), verb="frame_profile", name="voice_spans")
    require_kind(exclude_spans, ("reused_spans", "voice"), verb="frame_profile", name="exclude_spans")
    from .frequency import group_labels

    corpus = as_corpus(corpus, verb="frame_profile")
    if language == "all":  # explicit comparison of languages (group by="language"), each with its dictionary
        if dictionary is not None:
            raise ValueError("frame_profile: language='all' uses each language's packaged dictionary; "
                             "pass one language with dictionary=")
        code = "all"
    else:
        corpus, code = in_language(corpus, language, verb="frame_profile", stacklevel=4)
    labels = group_labels(corpus, by)  # checks `by` before any work
    units, matches = _unit_frames(corpus, unit, voice_spans, exclude_spans, dictionary, captions=captions,
                                  repeats=repeats, language=code)
    frames_all = _dictionary(dictionary, "en" if code == "all" else code)[2]
    units, matches, present = _grouped(units, matches, labels, unit)
    frame_rows, unit_rows = _profile_counts(units, matches, present)
    frame_table = frame_profile_table(frame_rows, unit_rows, by=None, frames=frames_all)
    if n_boot:
        import zlib

        lows, highs = [], []
        for group, group_units in units.groupby("group", sort=True):
            documents = sorted(group_units["doc_id"].unique())
            per_doc_units = group_units.groupby("doc_id").size().reindex(documents).to_numpy()
            rng = np.random.default_rng([seed, zlib.crc32(str(group).encode("utf-8"))])
            picks = rng.integers(0, len(documents), size=(n_boot, len(documents)))
            for frame in frames_all:
                mine = present[(present["group"] == group) & (present["frame"] == frame)]
                per_doc_with = mine.groupby("doc_id").size().reindex(documents, fill_value=0).to_numpy()
                shares = per_doc_with[picks].sum(axis=1) / per_doc_units[picks].sum(axis=1)
                lows.append(float(np.quantile(shares, (1 - level) / 2)))
                highs.append(float(np.quantile(shares, 1 - (1 - level) / 2)))
        frame_table["share_low"], frame_table["share_high"] = lows, highs
    frame_table = frame_table.rename(columns={"group": by}) if by else frame_table.drop(columns="group")
    frame_table.attrs.update(source="watchwords.frame_profile", unit=unit, by=by, n_boot=n_boot, seed=seed,
                             language=code)
    return frame_table


def _profile_counts(units: pd.DataFrame, matches: pd.DataFrame,
                    present: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame_rows = present.groupby(["group", "frame"], sort=True).size().rename("n_with").to_frame()
    frame_rows["weight"] = matches.groupby(["group", "frame"], sort=True)["weight"].sum()
    unit_rows = units.groupby("group", sort=True).agg(n_docs=("doc_id", "nunique"), n_units=("doc_id", "size"),
                                                      n_tokens=("n_tokens", "sum"))
    return frame_rows.reset_index(), unit_rows.reset_index()


def frame_profile_parts(corpus: pd.DataFrame | str, *, by: str | None = None, unit: str = "sentence",
                        dictionary: str | Path | pd.DataFrame | None = None,
                        language: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The counts behind :func:`frame_profile`, in a form that adds up over parts of a corpus (the scale-out path
    sums them over partitions): (frames: group, frame, n_with, weight; units: group, n_docs, n_units, n_tokens)."""
    from .frequency import group_labels

    corpus, code = in_language(as_corpus(corpus, verb="frame_profile"), language, verb="frame_profile")
    units, matches = _unit_frames(corpus, unit, None, None, dictionary, language=code)
    return frame_profile_counts(units, matches, group_labels(corpus, by), unit=unit)


def frame_units(corpus: pd.DataFrame | str, *, unit: str = "sentence", found: pd.DataFrame | None = None,
                language: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The units of :func:`frame_profile` with their token counts, and the matches it counts (counted parts only,
    repeated paragraphs once, negated matches and topic terms left out); ``found``: the :func:`frames` table of the
    same corpus when the caller has it already, so frames are not matched twice."""
    return _unit_frames(as_corpus(corpus, verb="frame_profile"), unit, None, None, found=found, language=language)


def frame_profile_counts(units: pd.DataFrame, matches: pd.DataFrame, labels: dict[str, str], *,
                         unit: str = "sentence") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(frames, units) of :func:`frame_profile_parts` from the units and counted matches of ``_unit_frames``, with
    ``labels`` doc_id → group."""
    return _profile_counts(*_grouped(units, matches, labels, unit))


def _grouped(units: pd.DataFrame, matches: pd.DataFrame, labels: dict[str, str],
             unit: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Units and matches with their group, and the matches once per unit and frame."""
    units = units.assign(doc_id=units["doc_id"].astype(str))
    units["group"] = units["doc_id"].map(labels)
    matches = matches.assign(doc_id=matches["doc_id"].astype(str))
    matches = matches.assign(group=matches["doc_id"].map(labels))
    return units, matches, matches.drop_duplicates(_UNITS[unit] + ["frame"])


def frame_profile_table(frame_rows: pd.DataFrame | None, unit_rows: pd.DataFrame, *, by: str | None,
                        frames: Iterable[str] | None = None) -> pd.DataFrame:
    """The table of :func:`frame_profile` (without bootstrap intervals) from the counts of
    :func:`frame_profile_parts`: share = n_with / n_units, rate_per_1000 = 1000 · weight / n_tokens, every frame
    of the dictionary (``frames``, default the packaged one) for every group."""
    frames = list(_dictionary(None)[2] if frames is None else frames)
    lookup = {} if frame_rows is None else {(g, f): (int(n), float(w)) for g, f, n, w in
                                            frame_rows[["group", "frame", "n_with", "weight"]].itertuples(index=False)}
    rows = []
    for group, n_docs, n_units, n_tokens in unit_rows.sort_values("group")[["group", "n_docs", "n_units",
                                                                           "n_tokens"]].itertuples(index=False):
        n_units, n_tokens = int(n_units), int(n_tokens)
        for frame in frames:
            n_with, weight = lookup.get((group, frame), (0, 0.0))
            rows.append({"group": group, "frame": frame, "n_docs": int(n_docs), "n_units": n_units, "n_with": n_with,
                         "share": n_with / n_units if n_units else float("nan"),
                         "rate_per_1000": 1000 * weight / n_tokens if n_tokens else float("nan")})
    table = pd.DataFrame(rows, columns=["group", "frame", "n_docs", "n_units", "n_with", "share", "rate_per_1000"])
    return table if by is None else table.rename(columns={"group": by})


@returns("frame_differences")
def frame_differences(
    corpus: pd.DataFrame | str,
    *,
    by: str,
    unit: str = "sentence",
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    dictionary: str | Path | pd.DataFrame | None = None,
    captions: bool = False,
    repeats: bool = False,
    language: str | None = None,
) -> pd.DataFrame:
    """Differences in frame share between groups, with percentile bootstrap confidence intervals.

    Documents are resampled with replacement within each group (a cluster bootstrap: sentences of one
    article are not independent; Efron & Tibshirani 1993, ch. 13), the share of units with the frame is
    recomputed, and the ``level`` interval of the differences is reported. Each pair of groups has its own
    random stream (seeded by ``seed`` and the two group names), so its interval does not change when
    another group is added to the corpus. Needs at least two groups
    with at least two documents each; otherwise a ValueError says so.

    ``language``: one language (default as :func:`frames`), or ``"all"`` to compare languages explicitly
    (``by="language"``): each document is read in its own language with that language's packaged dictionary
    (the codebook's frames are shared), documents in unsupported languages are left out with a warning.

    Returns:
        Columns group_a, group_b, frame, share_a, share_b, difference (a − b), ci_low, ci_high.
    """
    corpus = as_corpus(corpus, verb="frame_differences")
    import numpy as np

    if by not in corpus.columns:
        raise ValueError(f"by={by!r}: the corpus has no such column")
    if language != "all":
        corpus, language = in_language(corpus, language, verb="frame_differences", stacklevel=4)
    elif dictionary is not None:
        raise ValueError("frame_differences: language='all' uses each language's packaged dictionary; "
                         "pass one language with dictionary=")
    units, matches = _unit_frames(corpus, unit, None, None, dictionary, captions=captions, repeats=repeats,
                                  language=language)
    keys = _UNITS[unit]
    present = matches.drop_duplicates(keys + ["frame"])
    frames_all = _dictionary(dictionary, "en" if language == "all" else language)[2]
    per_doc = units.groupby("doc_id").size().rename("n_units").to_frame()
    for frame in frames_all:
        per_doc[frame] = present[present["frame"] == frame].groupby("doc_id").size()
    per_doc = per_doc.fillna(0)
    labels = dict(zip(corpus["doc_id"], corpus[by].astype(str)))
    per_doc["group"] = per_doc.index.map(labels)
    groups = {g: d for g, d in per_doc.groupby("group") if len(d) >= 2}
    if len(groups) < 2:
        raise ValueError(f"frame_differences needs two groups of '{by}' with at least two documents each; "
                         f"found {sorted(per_doc['group'].value_counts().to_dict().items())}")
    import zlib

    names = sorted(groups)
    rows = []
    alpha = (1 - level) / 2
    for a_index, a in enumerate(names):
        for b in names[a_index + 1:]:
            da, db = groups[a], groups[b]
            # one random stream per pair, seeded by the pair's names: adding a group never moves another pair's CI
            rng = np.random.default_rng([seed, zlib.crc32(a.encode("utf-8")), zlib.crc32(b.encode("utf-8"))])
            ia = rng.integers(0, len(da), size=(n_boot, len(da)))
            ib = rng.integers(0, len(db), size=(n_boot, len(db)))
            for frame in frames_all:
                wa, na = da[frame].to_numpy(), da["n_units"].to_numpy()
                wb, nb = db[frame].to_numpy(), db["n_units"].to_numpy()
                share_a, share_b = wa.sum() / na.sum(), wb.sum() / nb.sum()
                boot = wa[ia].sum(axis=1) / na[ia].sum(axis=1) - wb[ib].sum(axis=1) / nb[ib].sum(axis=1)
                rows.append({"group_a": a, "group_b": b, "frame": frame, "share_a": share_a, "share_b": share_b,
                             "difference": share_a - share_b, "ci_low": float(np.quantile(boot, alpha)),
                             "ci_high": float(np.quantile(boot, 1 - alpha))})
    result = pd.DataFrame(rows, columns=["group_a", "group_b", "frame", "share_a", "share_b", "difference", "ci_low",
                                         "ci_high"])
    result.attrs.update(source="watchwords.frame_differences", by=by, unit=unit, n_boot=n_boot, seed=seed, level=level)
    return result


@returns("frame_prominence")
def frame_prominence(corpus: pd.DataFrame | str, *,
                     dictionary: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """Whether each frame appears in the headline and in the lede (first body paragraph) of each document.

    Returns:
        Columns doc_id, frame, in_headline, in_lede, first_part (the earliest part it appears in),
        n_matches.
    """
    matches = frames(corpus, dictionary=dictionary)
    matches = matches[~matches["negated"] & (matches["frame"] != TOPIC)]
    order = {"headline": 0, "standfirst": 1, "lede": 2, "body": 3, "caption": 4, "credit": 5, "byline": 6, "dateline": 7}
    rows = []
    for (doc_id, frame), group in matches.groupby(["doc_id", "frame"], sort=True):
        parts = set(group["part"])
        rows.append({"doc_id": doc_id, "frame": frame, "in_headline": "headline" in parts, "in_lede": "lede" in parts,
                     "first_part": min(parts, key=lambda p: order.get(p, 9)), "n_matches": len(group)})
    frame_table = pd.DataFrame(rows, columns=["doc_id", "frame", "in_headline", "in_lede", "first_part", "n_matches"])
    frame_table.attrs.update(source="watchwords.frame_prominence")
    return frame_table


@returns("coding_sheet")
def sample_for_coding(corpus: pd.DataFrame | str, *, size: int = 50, by: str | None = None, seed: int = 0,
                      path: str | None = None) -> pd.DataFrame:
    """Draw a stratified random sample of sentences for hand-coding frames.

    Sentences (headline, standfirst, body and captions) are sampled in equal numbers from each group
    of ``by`` (all together when None), without replacement, reproducibly (``seed``). The table has
    one empty column per frame for the coder to fill with 0 or 1, and a ``split`` column to assign
    items to "dev" or "heldout" before looking at the dictionary's output. With ``path`` it is also
    written as CSV (atomically).

    Returns:
        Columns item_id, doc_id, sent_id, start, end, split, text, then one column per frame.
    """
    corpus = as_corpus(corpus, verb="sample_for_coding")
    from ._io import atomic_write_text
    from .text import sentences

    sents = sentences(corpus)
    sents = sents[sents["part"].isin(["headline", "standfirst", "body", "caption"])]
    labels = dict(zip(corpus["doc_id"], corpus[by].astype(str))) if by else {}
    sents = sents.assign(group=sents["doc_id"].map(labels) if by else "all")
    groups = list(sents.groupby("group", sort=True))
    per_group = max(1, size // max(1, len(groups)))
    picked = pd.concat([g.sample(n=min(per_group, len(g)), random_state=seed) for _, g in groups])
    picked = picked.sort_values(["doc_id", "sent_id"]).reset_index(drop=True)
    table = pd.DataFrame({"item_id": range(1, len(picked) + 1), "doc_id": picked["doc_id"], "sent_id": picked["sent_id"],
                          "start": picked["start"], "end": picked["end"], "split": "", "text": picked["text"]})
    for frame in sorted(frame_dictionary()["frame"].unique()):
        table[frame] = ""
    if path:
        atomic_write_text(path, table.to_csv(index=False))
    table.attrs.update(source="watchwords.sample_for_coding", size=size, by=by, seed=seed)
    return table


def read_frame_gold(path: str) -> pd.DataFrame:
    """Read a hand-coded frame file (the columns of :func:`sample_for_coding`, frames coded 0/1).

    Raises ValueError naming the line and column of a missing column or a value that is not 0 or 1.
    """
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    frames_all = sorted(frame_dictionary()["frame"].unique())
    missing = [c for c in ["item_id", "split", "text", *frames_all] if c not in gold.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {missing}; start from sample_for_coding()")
    for column in frames_all:
        bad = gold.index[~gold[column].isin(["0", "1"])]
        if len(bad):
            raise ValueError(f"{path}: line {int(bad[0]) + 2}: column {column!r}: {gold[column].iloc[bad[0]]!r} is not 0 or 1")
    return gold


#: The label of the row that pools every frame (micro average) in :func:`validate_frames`.
MICRO = "all frames (micro)"


def _scores(tp: np.ndarray, pp: np.ndarray, gp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(pp > 0, tp / pp, np.nan)
        recall = np.where(gp > 0, tp / gp, np.nan)
        f1 = np.where(pp + gp > 0, 2 * tp / (pp + gp), np.nan)
        f1 = np.where(tp > 0, f1, np.nan)
    return precision, recall, f1


def _validation_intervals(truth: np.ndarray, guess: np.ndarray, documents: np.ndarray, *, n_boot: int, seed: int,
                          level: float) -> pd.DataFrame:
    """Percentile bootstrap intervals of precision, recall and F1 per frame and pooled, resampling documents."""
    rng = np.random.default_rng(seed)
    names = np.unique(documents)
    members = [np.flatnonzero(documents == name) for name in names]
    samples = []
    for _ in range(n_boot):
        chosen = np.concatenate([members[k] for k in rng.integers(0, len(names), size=len(names))])
        t, g = truth[chosen], guess[chosen]
        tp = np.append((t & g).sum(axis=0), (t & g).sum())
        pp = np.append(g.sum(axis=0), g.sum())
        gp = np.append(t.sum(axis=0), t.sum())
        samples.append(np.stack(_scores(tp, pp, gp)))
    values = np.stack(samples)  # boot x (precision, recall, f1) x (frames + micro)
    low, high = (1 - level) / 2, 1 - (1 - level) / 2
    with np.errstate(all="ignore"):
        lows, highs = np.nanquantile(values, low, axis=0), np.nanquantile(values, high, axis=0)
    return pd.DataFrame({f"{m}_{side}": bound[k] for k, m in enumerate(("precision", "recall", "f1"))
                         for side, bound in (("low", lows), ("high", highs))})


@returns("frame_validation")
def validate_frames(gold_csv: str | Path | pd.DataFrame, *, split: str | None = "heldout",
                    dictionary: str | Path | pd.DataFrame | None = None, n_boot: int = 0, seed: int = 0,
                    level: float = 0.95, language: str | None = None) -> pd.DataFrame:
    """Compare the dictionary's frame coding with hand coding, sentence by sentence.

    Each gold item's text is coded by :func:`frames` (a frame is present when it has a non-negated
    match); per frame: precision, recall and F1 of the dictionary against the gold codes, and
    Krippendorff's alpha between the two "coders" (NLTK ``AnnotationTask``, nominal distance;
    Krippendorff 2004). Alpha is NaN when a frame never varies in the sample.

    Args:
        gold_csv: a file in the format of :func:`sample_for_coding`, frames coded 0/1, or such a table (e.g.
            :func:`watchwords.read_inline_gold_frames` of the Russian gold set).
        split: evaluate only items of this split ("dev", "heldout"), or all when None.
        language: the language of the items (default: from their script), which chooses the packaged dictionary.

    With ``n_boot`` > 0, percentile bootstrap intervals (``level``) are added for precision, recall and F1: whole
    documents of the gold set are resampled with replacement (``doc_id``; sentences of one article are not
    independent), as in :func:`frame_differences`.

    Returns:
        Columns frame, n_items, gold_positive, predicted_positive, tp, precision, recall, f1, alpha, one row per
        frame and a last row ``"all frames (micro)"`` pooling them (α is per frame only); with ``n_boot``, also
        precision_low, precision_high, recall_low, recall_high, f1_low, f1_high.
        ``df.attrs["errors"]`` is a DataFrame of false positives and negatives (item_id, frame,
        error, text, indicators) for reading as concordance lines.
    """
    from nltk.metrics.agreement import AnnotationTask

    gold = gold_csv.astype(str) if isinstance(gold_csv, pd.DataFrame) else read_frame_gold(str(gold_csv))
    if split is not None:
        gold = gold[gold["split"] == split]
        if gold.empty:
            raise ValueError(f"{gold_csv}: no item has split {split!r}")
    frames_all = sorted(frame_dictionary()["frame"].unique())
    predicted: dict[str, set[str]] = {}
    indicators: dict[str, str] = {}
    for item_id, text in zip(gold["item_id"], gold["text"]):
        found = frames(text, dictionary=dictionary, language=language)
        found = found[~found["negated"] & (found["frame"] != TOPIC)]
        predicted[item_id] = set(found["frame"])
        indicators[item_id] = "; ".join(f"{f}: {m}" for f, m in zip(found["frame"], found["match"]))
    rows, errors = [], []
    for frame in frames_all:
        truth = {i: v == "1" for i, v in zip(gold["item_id"], gold[frame])}
        guess = {i: frame in predicted[i] for i in truth}
        tp = sum(truth[i] and guess[i] for i in truth)
        gp, pp = sum(truth.values()), sum(guess.values())
        precision = tp / pp if pp else float("nan")
        recall = tp / gp if gp else float("nan")
        f1 = 2 * precision * recall / (precision + recall) if pp and gp and (precision + recall) else float("nan")
        data = [("gold", i, int(truth[i])) for i in truth] + [("dictionary", i, int(guess[i])) for i in truth]
        if len({value for _, _, value in data}) < 2:
            alpha = float("nan")  # the frame never varies: agreement is undefined, not perfect (Krippendorff 2011)
        else:
            alpha = AnnotationTask(data=data).alpha()
        rows.append({"frame": frame, "n_items": len(truth), "gold_positive": gp, "predicted_positive": pp, "tp": tp,
                     "precision": precision, "recall": recall, "f1": f1, "alpha": alpha})
        for item_id in truth:
            if truth[item_id] != guess[item_id]:
                text = gold.loc[gold["item_id"] == item_id, "text"].iloc[0]
                errors.append({"item_id": item_id, "frame": frame,
                               "error": "false positive" if guess[item_id] else "false negative", "text": text,
                               "indicators": indicators[item_id]})
    truth_matrix = np.array([[v == "1" for v in gold[f]] for f in frames_all]).T
    guess_matrix = np.array([[f in predicted[i] for f in frames_all] for i in gold["item_id"]])
    tp_all, pp_all, gp_all = (truth_matrix & guess_matrix).sum(), guess_matrix.sum(), truth_matrix.sum()
    rows.append({"frame": MICRO, "n_items": len(gold), "gold_positive": int(gp_all), "predicted_positive": int(pp_all),
                 "tp": int(tp_all), "precision": tp_all / pp_all if pp_all else float("nan"),
                 "recall": tp_all / gp_all if gp_all else float("nan"),
                 "f1": 2 * tp_all / (pp_all + gp_all) if pp_all + gp_all else float("nan"), "alpha": float("nan")})
    result = pd.DataFrame(rows)
    if n_boot:
        result = pd.concat([result, _validation_intervals(truth_matrix, guess_matrix, gold["doc_id"].to_numpy()
                                                          if "doc_id" in gold.columns else gold["item_id"].to_numpy(),
                                                          n_boot=n_boot, seed=seed, level=level)], axis=1)
    result.attrs.update(source="watchwords.validate_frames", split=split,
                        gold=gold_csv.attrs.get("path", "table") if isinstance(gold_csv, pd.DataFrame) else gold_csv,
                        errors=pd.DataFrame(errors, columns=["item_id", "frame", "error", "text", "indicators"]))
    return result


_TECH = re.compile(r"\b(?:camera|cameras|cctv|facial[- ]recognition|face[- ]recognition|video[- ]surveillance|"
                   r"surveillance (?:system|systems|cameras?)|algorithm|biometric)\b", re.IGNORECASE)
_CRITICAL = ("F2 privacy and rights", "F4 authoritarian control", "F8 error and bias")


@returns("normalisation")
def normalisation(corpus: pd.DataFrame | str) -> pd.DataFrame:
    """F9, normalisation, as a configuration per document (codebook; Wahl-Jorgensen, Bennett & Taylor 2017).

    A document presents surveillance as routine when all four hold: it names surveillance technology;
    it describes its use administratively (a passive of a surveillance verb such as "are being used",
    "had been connected"); it attributes information to an official or state-media source; and no
    critical frame (F2 privacy, F4 authoritarian control, F8 error) has a non-negated match.

    Returns:
        Columns doc_id, technology, administrative_use, official_source, critical_matches, normalised.
    """
    from .attribution import attributions

    corpus = as_corpus(corpus, verb="normalisation")
    found = frames(corpus)
    critical = found[(~found["negated"]) & found["frame"].isin(_CRITICAL)].groupby("doc_id").size()
    uses = passives(corpus)
    administrative = set(uses.loc[uses["surveillance_verb"], "doc_id"])
    relations = attributions(corpus)
    official = set(relations.loc[relations["source_type"].isin(["official", "state media"]), "doc_id"])
    rows = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        row = {"doc_id": doc_id, "technology": bool(_TECH.search(text)), "administrative_use": doc_id in administrative,
               "official_source": doc_id in official, "critical_matches": int(critical.get(doc_id, 0))}
        row["normalised"] = (row["technology"] and row["administrative_use"] and row["official_source"]
                             and row["critical_matches"] == 0)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["doc_id", "technology", "administrative_use", "official_source",
                                        "critical_matches", "normalised"])
    frame.attrs.update(source="watchwords.normalisation")
    return frame


def _coding_sheet(sheet: str | Path | pd.DataFrame, name: str) -> pd.DataFrame:
    table = sheet.astype(str) if isinstance(sheet, pd.DataFrame) else read_frame_gold(str(sheet))
    if "item_id" not in table.columns:
        raise ValueError(f"{name}: no item_id column; use a sheet written by sample_for_coding")
    return table.set_index(table["item_id"].astype(str))


def _two_sheets(sheet_a: str | Path | pd.DataFrame,
                sheet_b: str | Path | pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.Index, list[str]]:
    """Both coders' sheets indexed by item_id, the items they share and the frames, checked (0/1 codes)."""
    a, b = _coding_sheet(sheet_a, "sheet_a"), _coding_sheet(sheet_b, "sheet_b")
    items = a.index.intersection(b.index)
    if items.empty:
        raise ValueError("the two sheets share no item_id; code the same sample")
    frames_all = sorted(frame_dictionary()["frame"].unique())
    for frame in frames_all:
        for sheet, name in ((a, "sheet_a"), (b, "sheet_b")):
            if frame not in sheet.columns or not sheet.loc[items, frame].isin(["0", "1"]).all():
                raise ValueError(f"{name}: column {frame!r} is missing or holds values other than 0 and 1")
    return a, b, items, frames_all


@returns("coder_agreement")
def coder_agreement(sheet_a: str | Path | pd.DataFrame, sheet_b: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Agreement between two human coders' sheets (the blind sheets of :func:`sample_for_coding`, coded 0/1).

    Per frame, over the items both coded: percent agreement and Krippendorff's α (nominal; NLTK
    ``AnnotationTask``; Krippendorff 2004), NaN when the frame never varies (Krippendorff 2011). The items that
    differ are listed by :func:`coder_disagreements`.

    Returns:
        Columns frame, n_items, coder_a_positive, coder_b_positive, agreement, alpha.

    Raises:
        ValueError: when the sheets share no item, or a frame column is missing or holds other than 0/1.
    """
    from nltk.metrics.agreement import AnnotationTask

    a, b, items, frames_all = _two_sheets(sheet_a, sheet_b)
    rows = []
    for frame in frames_all:
        codes_a, codes_b = a.loc[items, frame].astype(int), b.loc[items, frame].astype(int)
        data = [("a", i, int(v)) for i, v in codes_a.items()] + [("b", i, int(v)) for i, v in codes_b.items()]
        alpha = float("nan") if len({v for _, _, v in data}) < 2 else AnnotationTask(data=data).alpha()
        rows.append({"frame": frame, "n_items": len(items), "coder_a_positive": int(codes_a.sum()),
                     "coder_b_positive": int(codes_b.sum()), "agreement": float((codes_a == codes_b).mean()),
                     "alpha": alpha})
    table = pd.DataFrame(rows)
    table.attrs.update(source="watchwords.coder_agreement")
    return table


@returns("coder_disagreements")
def coder_disagreements(sheet_a: str | Path | pd.DataFrame, sheet_b: str | Path | pd.DataFrame) -> pd.DataFrame:
    """The items two coders coded differently: item_id, frame, coder_a, coder_b, text (for discussing and
    sharpening the codebook's decision rules)."""
    a, b, items, frames_all = _two_sheets(sheet_a, sheet_b)
    rows = [{"item_id": i, "frame": f, "coder_a": int(a.loc[i, f]), "coder_b": int(b.loc[i, f]),
             "text": a.loc[i, "text"] if "text" in a.columns else ""}
            for f in frames_all for i in items if a.loc[i, f] != b.loc[i, f]]
    return pd.DataFrame(rows, columns=["item_id", "frame", "coder_a", "coder_b", "text"])
