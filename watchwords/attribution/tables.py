"""The public verbs that return tables: attributions and voice."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from ..documents import paragraphs_of, sentences_of
from ..languages import in_language
from ..quotes import QUOTE_MARKS
from ..tables import as_corpus, require_kind, returns
from .lexicon import compile_lexicon, load_reporting_verbs, reporting_lexicon
from .rules import english_relations
from .sources import Entities, known_name, same_person
from .tokens import looks_english

ATTRIBUTION_COLUMNS = [
    "doc_id", "relation_id", "para_id", "sent_id", "part", "kind",
    "source", "source_start", "source_end", "cue", "cue_start", "cue_end",
    "content", "content_start", "content_end", "content_spans",
    "cue_lemma", "stance", "category", "speech", "source_canonical", "source_role", "source_type", "addressee", "parent",
]


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
            English lexicon, a CSV file or a DataFrame with columns lemma, stance, category (irregular, exclude optional). Role nouns and
            known sources stay the packaged ones.

    Returns:
        Columns doc_id, relation_id (0-based within the document), para_id, sent_id, part,
        kind (direct / mixed / indirect / no explicit source), source, source_start, source_end,
        cue, cue_start, cue_end, content (its spans joined by " … "), content_start, content_end
        (the extent), content_spans (list of (start, end)), cue_lemma, stance, category (speech / belief / intention /
        evidence, the cue's category in the lexicon), speech (category is speech),
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
    compiled = reporting_lexicon() if lexicon is None else compile_lexicon(load_reporting_verbs(lexicon))
    rows = []
    skipped = []
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        if not looks_english(text):
            skipped.append(f"{doc_id} (en)")
            continue
        relations = english_relations(text, compiled)
        entities = Entities(text, compiled)
        doc_rows: list[dict[str, Any]] = []
        kept: dict[int, int] = {}  # index in relations -> relation_id of the rows kept
        for index, relation in enumerate(relations):
            contents = [c for c in relation.contents if c[1] > c[0]]
            if not contents:
                continue
            typed = entities.resolve(text[relation.source[0]:relation.source[1]]) if relation.source else (
                "", "", "none")
            addressee = text[relation.addressee[0]:relation.addressee[1]] if relation.addressee else ""
            kind = relation.kind
            if kind == "indirect" and any(mark in text[a:b] for a, b in contents for mark in QUOTE_MARKS):
                kind = "mixed"
            kept[index] = len(kept)
            doc_rows.append(attribution_row(
                text, doc_id, kept[index], (relation.para_id, relation.sent_id, relation.part), kind, relation.source,
                relation.cue, contents, relation.cue_info, typed, addressee,
                relation.parent if relation.parent is not None else -1))
        for row in doc_rows:
            # the parent, an index into relations (it may come later: '"...," X said, according to Y'), as a relation_id
            row["parent"] = kept.get(row["parent"], -1)
            # one source type per entity: the first mention that has one
            row["source_type"] = entities.decided_type(row["source_canonical"], row["source_type"])
        rows.extend(doc_rows)
    if skipped:
        warnings.warn(f"attributions: skipped {len(skipped)} document(s) that do not look English: "
                      f"{', '.join(skipped[:10])}{' …' if len(skipped) > 10 else ''} (the lexicons are English; check "
                      "their language field)", stacklevel=3)
    frame = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    frame.attrs.update(source="watchwords.attributions", language="en", skipped=skipped,
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


def attribution_row(text: str, doc_id: Any, relation_id: int, place: tuple[int, int, str], kind: str,
         source: tuple[int, int] | None, cue: tuple[int, int], contents: list[tuple[int, int]],
         cue_info: tuple[str, str, str], typed: tuple[str, str, str], addressee: str, parent: int) -> dict[str, Any]:
    """One row of :func:`attributions` (the columns of :data:`ATTRIBUTION_COLUMNS`), whatever the language:
    ``place`` is (para_id, sent_id, part), ``cue_info`` (lemma, stance, category), ``typed`` (canonical
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
        "category": cue_info[2], "speech": cue_info[2] == "speech", "source_canonical": canonical, "source_role": role,
        "source_type": source_type,
        "addressee": addressee, "parent": parent,
    }


def russian_rows(corpus: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of :func:`attributions` for Russian documents: relations from
    :func:`watchwords.languages.ru_attribution.extract_document`, pronouns resolved by gender and number to the
    last named source, sources typed by the known-source aliases and the Russian role nouns (by lemma)."""
    from ..languages.ru import lemma
    from ..languages.ru_attribution import PERSONAL_PRONOUNS, extract_document, russian_role_nouns

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
                    canonical = known_name(source_text) or source_text.strip("«»\"")
                    known = next((t for pattern, c, t, _ in reporting_lexicon().aliases if c == canonical), None)
                    words = [lemma(w) for w in re.findall(r"[\w-]+", source_text)]
                    role = next((w for w in words if w in roles), "")
                    source_type = known or (roles[role] if role else "unclassified")
                    earlier = same_person(source_text, named) if not known and not role else None
                    if earlier is not None:  # "Северов", "Северова" after "военком Андрей Северов": one entity
                        canonical, role, source_type = earlier[0], earlier[1], earlier[2]
                    named.append((canonical, role, source_type, relation.gender, relation.number))
            para_id = sentences[relation.sent][0]
            quoted = any(text[a - 1:a] in ("«", "„", '"', "“") for a, _ in contents if a > 0)
            kind = "no explicit source" if relation.source is None else ("direct" if quoted else (
                "mixed" if any(m in text[a:b] for a, b in contents for m in ("«", "»", "„", "“")) else "indirect"))
            kept[index] = len(kept)
            category = "speech" if relation.speech == "yes" else "belief"  # the Russian lexicon's speech yes / no
            rows.append(attribution_row(
                text, doc_id, kept[index], (para_id, relation.sent, paragraphs[para_id].part), kind, relation.source,
                relation.cue, contents, (relation.cue_lemma, relation.stance, category), (canonical, role, source_type),
                text[relation.addressee[0]:relation.addressee[1]] if relation.addressee else "",
                kept.get(relation.parent, -1) if relation.parent is not None else -1))
    return rows


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
