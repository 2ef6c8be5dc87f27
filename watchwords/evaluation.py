"""Scoring attribution extraction against gold standoff annotations (PolNeAR brat files, our own gold).

Protocol (``../shared/research/attribution_benchmarks.md`` §3, after Citron's metrics and the
Gender Gap Tracker's evaluation):

1. **Alignment**: a predicted and a gold relation are aligned when their cue spans overlap;
   pairs are made one to one, greedily by the largest content overlap (unlike Citron, no
   many-to-one matches).
2. Per part, for aligned pairs: **exact** = the same character spans after trimming white space,
   outer punctuation and quotation marks; **lenient** = token Jaccard ≥ 0.5 (lower-cased words,
   punctuation ignored); for sources also **head** = the gold source's head (its last capitalised
   word, else its last word) lies inside the predicted source.
3. Precision = matches / predicted relations having that part; recall = matches / gold
   relations having it; F1 their harmonic mean. The cue's lenient match is the alignment itself.
4. **Relation**: exact = cue, source and content all exact; lenient = aligned, source head (or
   both without source) and content lenient.
5. **Kinds**: gold contents wholly inside quotation marks are direct, partly quoted mixed, else
   indirect; per kind, gold and predictions are restricted to that kind.
6. **Speech subset**: gold and predicted relations whose cue contains one of
   :data:`SPEECH_CUES` (a word match, case-insensitive).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .quotes import QUOTE_MARK_RE, QUOTE_MARKS
from .text import WORD_RE

__all__ = ["SPEECH_CUES", "GoldRelation", "read_brat", "score", "evaluate_polnear", "relations_from_frame",
           "read_gold_json", "GoldDocument", "read_inline_gold", "inline_gold_frames", "evaluate_inline_gold",
           "russian_scores", "polnear_triples", "recall_breakdown", "CONSTRUCTIONS"]

SPEECH_CUES = ("say", "said", "says", "saying", "tell", "told", "tells", "according to", "report", "reported",
               "reports", "add", "added", "ask", "asked", "note", "noted", "write", "wrote", "state", "stated",
               "announce", "announced", "explain", "explained", "claim", "claimed", "insist", "insisted", "argue",
               "argued", "deny", "denied", "confirm", "confirmed", "warn", "warned", "cite", "cited", "citing",
               "quote", "quoted")
_SPEECH_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in SPEECH_CUES) + r")\b", re.IGNORECASE)
# marks trimmed from span edges before exact matching: the quotation marks, and single quotes and apostrophes
_QUOTE_CHARS = frozenset("".join(QUOTE_MARKS)) | frozenset("‘’'")

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldRelation:
    """One relation: cue, source and content as tuples of character spans (source may be empty)."""

    cue: Spans
    source: Spans
    content: Spans
    kind: str = ""


def _kind(text: str, content: Spans) -> str:
    joined = " ".join(text[a:b] for a, b in content).strip()
    if not joined:
        return "indirect"
    stripped = joined.strip(" .,;:")
    marks = QUOTE_MARK_RE.findall(joined)
    if QUOTE_MARK_RE.match(stripped) and QUOTE_MARK_RE.search(stripped[-2:]):
        return "direct"
    return "mixed" if marks else "indirect"


def read_brat(ann: str, text: str) -> list[GoldRelation]:
    """Parse brat standoff (PolNeAR) into relations. Two passes: events may name later T ids.

    T lines: ``T<n>\\t<Label> <start> <end>[;<start> <end>]\\t<text>``; E lines:
    ``E<n>\\tAttribution:T.. Source:T.. Cue:T.. Content:T..`` (``Attribution-no-source`` events
    have no Source). Malformed lines are skipped.
    """
    spans: dict[str, Spans] = {}
    events: list[str] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            fields = parts[1].split(" ", 1)
            if len(fields) < 2:
                continue
            try:
                found = tuple((int(a), int(b)) for a, b in (piece.split() for piece in fields[1].split(";")))
            except ValueError:
                continue
            spans[parts[0]] = found
        elif line.startswith("E"):
            events.append(line)
    relations = []
    for line in events:
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        roles: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        label = parts[1].split(" ", 1)[0].split(":")[0]
        if label not in ("Attribution", "Attribution-no-source"):
            continue
        for argument in parts[1].split()[1:]:
            if ":" not in argument:
                continue
            role, ref = argument.split(":", 1)
            base = re.sub(r"\d+$", "", role)
            if base in roles and ref in spans:
                roles[base].extend(spans[ref])
        if not roles["Cue"] or not roles["Content"]:
            continue
        content = tuple(sorted(roles["Content"]))
        relations.append(GoldRelation(tuple(sorted(roles["Cue"])), tuple(sorted(roles["Source"])), content,
                                      _kind(text, content)))
    return relations


def relations_from_frame(frame: pd.DataFrame, *, univocal: bool = False) -> list[GoldRelation]:
    """Predicted relations of one document from an ``attributions`` DataFrame. With ``univocal``, as PolNeAR
    annotates (each token in one relation at most: no cue inside another relation's content), a relation whose cue
    lies inside the content of the relation it is nested in (``parent``: '"...," X said, according to Y') is left
    out; the outer relation is scored. A nested "citing" outside its parent's content is kept."""
    out = []
    spans = {int(r): s for r, s in zip(frame["relation_id"], frame["content_spans"])} if univocal else {}
    for row in frame.itertuples(index=False):
        if univocal and int(row.parent) >= 0 and any(
                a <= int(row.cue_start) < b for a, b in spans.get(int(row.parent), ())):
            continue
        source = ((int(row.source_start), int(row.source_end)),) if row.source_start >= 0 else ()
        out.append(GoldRelation(((int(row.cue_start), int(row.cue_end)),), source,
                                tuple((int(a), int(b)) for a, b in row.content_spans), str(row.kind)))
    return out


def read_gold_json(path: str | Path) -> tuple[str, list[GoldRelation]]:
    """Read a Watchwords gold file (see docs/attribution_guidelines.md): returns (doc_id, relations)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    relations = []
    for item in data["attributions"]:
        relations.append(GoldRelation(
            tuple((s["start"], s["end"]) for s in item["cue"]), tuple((s["start"], s["end"]) for s in item["source"]),
            tuple((s["start"], s["end"]) for s in item["content"]), item.get("kind", "")))
    return data["doc_id"], relations


@dataclass(frozen=True)
class GoldDocument:
    """A document of an inline-annotated gold set: its text, relations and coded sentences."""

    doc_id: str
    outlet_type: str
    split: str
    text: str
    relations: tuple[GoldRelation, ...]
    sentences: tuple[tuple[int, int, tuple[str, ...]], ...]  # (start, end, frame codes) per sentence line


_OPEN = re.compile(r"\[([scq])(\d+(?:,\d+)*) ")
_FRAME_CODE = re.compile(r"F[1-8]")


def _strip_markup(line: str, offset: int, where: str,
                  spans: dict[tuple[str, int], list[tuple[int, int]]]) -> str:
    """The plain text of one annotated line; its spans (by (tag, relation id)) are added to ``spans`` with offsets
    counted from ``offset``."""
    out: list[str] = []
    stack: list[tuple[str, list[int], int]] = []
    i = 0
    while i < len(line):
        match = _OPEN.match(line, i)
        if match:
            stack.append((match.group(1), [int(x) for x in match.group(2).split(",")], offset + len("".join(out))))
            i = match.end()
        elif line[i] == "]":
            if not stack:
                raise ValueError(f"{where}: ']' without an opening [s/c/q tag")
            tag, ids, start = stack.pop()
            end = offset + len("".join(out))
            for relation in ids:
                spans.setdefault((tag, relation), []).append((start, end))
            i += 1
        elif line[i] == "[":
            raise ValueError(f"{where}: '[' must open a span as [s1 ...], [c1 ...] or [q1 ...]")
        else:
            out.append(line[i])
            i += 1
    if stack:
        raise ValueError(f"{where}: span [{stack[-1][0]}{stack[-1][1][0]} ... is not closed")
    return "".join(out)


def _inline_kind(text: str, content: Spans) -> str:
    """direct: every content span stands between quotation marks (the marks are not part of the span in the inline
    format); mixed: the content holds a quotation; else indirect."""
    if content and all(a > 0 and b < len(text) and QUOTE_MARK_RE.match(text[a - 1]) and QUOTE_MARK_RE.match(text[b])
                       for a, b in content):
        return "direct"
    return "mixed" if any(QUOTE_MARK_RE.search(text[a:b]) for a, b in content) else "indirect"


def read_inline_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold set written in the inline format of ``corpus/gold/ru/gold_ru.txt`` (documents, one sentence a
    line with its frame codes after ``||``, attribution spans marked ``[sN ...]`` source, ``[cN ...]`` cue,
    ``[qN ...]`` content of relation N). Paragraph lines are joined by a space, paragraphs by a blank line.

    Raises:
        ValueError: one line naming the file and line of a markup error or a bad frame code.
    """
    path = Path(path)
    documents: list[GoldDocument] = []
    header: list[str] | None = None
    lines: list[tuple[int, str]] = []

    def finish() -> None:
        if header is None:
            return
        spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
        text, sentences, paragraph_open = "", [], False
        for number, raw in lines:
            where = f"{path}: line {number}"
            if not raw.strip():
                paragraph_open = False
                continue
            if "||" not in raw:
                raise ValueError(f"{where}: a sentence line needs its frame codes after '||' ('-' for none)")
            body, codes = raw.rsplit("||", 1)
            found = tuple(sorted(set(_FRAME_CODE.findall(codes))))
            if codes.strip() != "-" and " ".join(found) != " ".join(sorted(codes.split())):
                raise ValueError(f"{where}: frame codes {codes.strip()!r}: write codes F1-F8 separated by spaces, or -")
            if text:
                text += " " if paragraph_open else "\n\n"
            else:
                text = "HEADLINE: "  # the first paragraph is the headline (the labelled text format)
            plain = _strip_markup(body.strip(), len(text), where, spans)
            sentences.append((len(text), len(text) + len(plain), found))
            text += plain
            paragraph_open = True
        relations = []
        for relation in sorted({r for _, r in spans}):
            cue = tuple(spans.get(("c", relation), ()))
            if not cue:
                raise ValueError(f"{path}: document {header[0]}: relation {relation} has no cue [c{relation} ...]")
            content = tuple(spans.get(("q", relation), ()))
            relations.append(GoldRelation(cue, tuple(spans.get(("s", relation), ())), content,
                                          _inline_kind(text, content)))
        documents.append(GoldDocument(header[0], header[1], header[2], text, tuple(relations), tuple(sentences)))

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("#"):
            continue
        if raw.startswith("==="):
            finish()
            header = [part.strip() for part in raw[3:].split(";")]
            if len(header) != 3 or header[2] not in ("dev", "heldout"):
                raise ValueError(f"{path}: line {number}: write '=== doc_id; outlet_type; dev|heldout'")
            lines = []
        elif header is not None:
            lines.append((number, raw))
    finish()
    return documents


def inline_gold_frames(path: str | Path) -> pd.DataFrame:
    """The sentences of an inline gold set as a frame gold table (the columns :func:`watchwords.validate_frames`
    reads: item_id, doc_id, sent_id, outlet_type, split, text and one 0/1 column per codebook frame)."""
    from .framing import frame_dictionary

    frames_all = sorted(frame_dictionary()["frame"].unique())
    rows = []
    for document in read_inline_gold(path):
        for sent_id, (start, end, codes) in enumerate(document.sentences):
            row = {"item_id": f"{document.doc_id}-{sent_id}", "doc_id": document.doc_id, "sent_id": sent_id,
                   "outlet_type": document.outlet_type, "split": document.split, "text": document.text[start:end]}
            row.update({frame: "1" if frame.split()[0] in codes else "0" for frame in frames_all})
            rows.append(row)
    table = pd.DataFrame(rows)
    table.attrs["path"] = str(path)
    return table


def evaluate_inline_gold(path: str | Path, *, split: str | None = "heldout", language: str = "ru") -> dict[str, Any]:
    """Score :func:`watchwords.attributions` on the documents of an inline gold set (protocol of this module,
    subset "all": every relation of the gold set is a reported speech or belief the guidelines annotate)."""
    from .attribution import attributions

    triples = []
    for document in read_inline_gold(path):
        if split is not None and document.split != split:
            continue
        found = attributions(pd.DataFrame({"doc_id": [document.doc_id], "text": [document.text],
                                           "language": [language]}), language=language)
        triples.append((document.text, list(document.relations), relations_from_frame(found)))
    if not triples:
        raise ValueError(f"{path}: no document has split {split!r}")
    return score(triples, subset="all")


def russian_scores(path: str | Path = "corpus/gold/ru/gold_ru.txt", *, n_boot: int = 0, seed: int = 0) -> pd.DataFrame:
    """The Russian gold set's scores, one row per (split, task, part): attribution cue exact, source exact, content
    lenient and relation exact (:func:`evaluate_inline_gold`), and frames micro-averaged and per frame
    (:func:`watchwords.validate_frames` with ``language="ru"``). Columns split, task, part, n_gold, precision,
    recall, f1; with ``n_boot``, the frames' rows also get f1_low and f1_high, a 95% bootstrap interval over the
    gold set's documents (:func:`watchwords.validate_frames`). ``python -m watchwords evaluate-russian`` prints it."""
    from .framing import validate_frames

    rows = []
    gold_frames = inline_gold_frames(path)
    for split in ("dev", "heldout"):
        result = evaluate_inline_gold(path, split=split)
        for part, mode in (("cue", "exact"), ("source", "exact"), ("content", "lenient"), ("relation", "exact")):
            value = result[part][mode]
            rows.append({"split": split, "task": "attribution", "part": f"{part} {mode}", "n_gold": value["gold"],
                         "precision": value["precision"], "recall": value["recall"], "f1": value["f1"]})
        table = validate_frames(gold_frames, split=split, language="ru", n_boot=n_boot, seed=seed)
        for row in table.itertuples(index=False):
            rows.append({"split": split, "task": "frames", "part": row.frame, "n_gold": int(row.gold_positive),
                         "precision": float(row.precision), "recall": float(row.recall), "f1": float(row.f1),
                         **({"f1_low": float(row.f1_low), "f1_high": float(row.f1_high)} if n_boot else {})})
    columns = ["split", "task", "part", "n_gold", "precision", "recall", "f1"] + (["f1_low", "f1_high"] if n_boot else [])
    return pd.DataFrame(rows, columns=columns)


# ------------------------------------------------------------------------------------ matching

def _chars(spans: Spans) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def _overlap(a: Spans, b: Spans) -> int:
    return len(_chars(a) & _chars(b))


def _normal(text: str, spans: Spans) -> tuple[tuple[int, int], ...]:
    out = []
    for a, b in spans:
        while a < b and (text[a].isspace() or text[a] in _QUOTE_CHARS or text[a] in ".,;:"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in _QUOTE_CHARS or text[b - 1] in ".,;:"):
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(sorted(out))


def _words(text: str, spans: Spans) -> set[str]:
    return {w.lower() for a, b in spans for w in WORD_RE.findall(text[a:b])}


def _jaccard(text: str, a: Spans, b: Spans) -> float:
    wa, wb = _words(text, a), _words(text, b)
    if not wa and not wb:
        return 1.0
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _head(text: str, spans: Spans) -> tuple[int, int] | None:
    words = [(m.start() + a, m.end() + a, m.group()) for a, b in spans for m in WORD_RE.finditer(text[a:b])]
    if not words:
        return None
    capital = [w for w in words if w[2][:1].isupper()]
    chosen = (capital or words)[-1]
    return chosen[0], chosen[1]


def _align(gold: Sequence[GoldRelation], predicted: Sequence[GoldRelation]) -> list[tuple[int, int]]:
    candidates = []
    for g, gr in enumerate(gold):
        for p, pr in enumerate(predicted):
            if _overlap(gr.cue, pr.cue):
                candidates.append((_overlap(gr.content, pr.content), _overlap(gr.cue, pr.cue), g, p))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, g, p in candidates:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs


@dataclass
class _Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: "_Counts") -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def prf(self) -> dict[str, float]:
        precision = self.tp / self.predicted if self.predicted else 0.0
        recall = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


_KEYS = [("cue", "exact"), ("cue", "lenient"), ("source", "exact"), ("source", "lenient"), ("source", "head"),
         ("content", "exact"), ("content", "lenient"), ("relation", "exact"), ("relation", "lenient")]


def _score_document(text: str, gold: Sequence[GoldRelation], predicted: Sequence[GoldRelation]) -> dict[tuple[str, str], _Counts]:
    counts = {key: _Counts() for key in _KEYS}
    for part, _ in _KEYS:
        for key in [k for k in _KEYS if k[0] == part]:
            if part == "source":
                counts[key].predicted = sum(1 for r in predicted if r.source)
                counts[key].gold = sum(1 for r in gold if r.source)
            else:
                counts[key].predicted = len(predicted)
                counts[key].gold = len(gold)
    for g, p in _align(gold, predicted):
        gr, pr = gold[g], predicted[p]
        cue_exact = _normal(text, gr.cue) == _normal(text, pr.cue)
        counts[("cue", "exact")].tp += cue_exact
        counts[("cue", "lenient")].tp += 1
        source_exact = source_lenient = source_head = False
        if gr.source and pr.source:
            source_exact = _normal(text, gr.source) == _normal(text, pr.source)
            source_lenient = _jaccard(text, gr.source, pr.source) >= 0.5
            head = _head(text, gr.source)
            source_head = head is not None and any(a <= head[0] and head[1] <= b for a, b in pr.source)
            counts[("source", "exact")].tp += source_exact
            counts[("source", "lenient")].tp += source_lenient
            counts[("source", "head")].tp += source_head
        content_exact = _normal(text, gr.content) == _normal(text, pr.content)
        content_lenient = _jaccard(text, gr.content, pr.content) >= 0.5
        counts[("content", "exact")].tp += content_exact
        counts[("content", "lenient")].tp += content_lenient
        no_source = not gr.source and not pr.source
        counts[("relation", "exact")].tp += cue_exact and (source_exact or no_source) and content_exact
        counts[("relation", "lenient")].tp += (source_head or no_source) and content_lenient
    return counts


def score(documents: Iterable[tuple[str, Sequence[GoldRelation], Sequence[GoldRelation]]], *,
          subset: str = "all") -> dict[str, Any]:
    """Score (text, gold, predicted) triples; returns the nested dict printed by ``--json``."""
    if subset not in ("all", "speech"):
        raise ValueError(f"subset={subset!r}: use 'speech' or 'all'")
    totals = {key: _Counts() for key in _KEYS}
    by_kind = {kind: {key: _Counts() for key in _KEYS} for kind in ("direct", "mixed", "indirect")}
    n = 0
    for text, gold, predicted in documents:
        n += 1
        if subset == "speech":
            gold = [r for r in gold if _SPEECH_RE.search(" ".join(text[a:b] for a, b in r.cue))]
            predicted = [r for r in predicted if _SPEECH_RE.search(" ".join(text[a:b] for a, b in r.cue))]
        for key, value in _score_document(text, gold, predicted).items():
            totals[key].add(value)
        for kind in by_kind:
            gk = [r for r in gold if r.kind == kind]
            pk = [r for r in predicted if (r.kind if r.kind in by_kind else "indirect") == kind]
            for key, value in _score_document(text, gk, pk).items():
                by_kind[kind][key].add(value)

    def nest(counts: dict[tuple[str, str], _Counts]) -> dict[str, dict[str, dict[str, float]]]:
        out: dict[str, dict[str, dict[str, float]]] = {}
        for (part, mode), value in counts.items():
            out.setdefault(part, {})[mode] = value.prf()
        return out

    result: dict[str, Any] = {"subset": subset, "articles": n}
    result.update(nest(totals))
    result["by_kind"] = {kind: nest(value) for kind, value in by_kind.items()}
    return result


def polnear_triples(directory: str | Path) -> list[tuple[str, list[GoldRelation], list[GoldRelation]]]:
    """(text, gold, predicted) for each article of a PolNeAR split folder (``text/``, ``attributions/``,
    ``metadata.tsv``; one annotator file per article, the first listed in ``annotators``), predicted by
    :func:`watchwords.attributions`."""
    from .attribution import attributions

    root = Path(directory)
    if not (root / "text").is_dir() or not (root / "attributions").is_dir():
        raise ValueError(f"{root}: not a PolNeAR split folder (expected text/ and attributions/ inside)")
    annotators: dict[str, str] = {}
    metadata = root / "metadata.tsv"
    if metadata.is_file():
        with open(metadata, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                annotators[row["filename"]] = (row.get("annotators") or "").split(",")[0].strip()
    triples = []
    for text_file in sorted((root / "text").glob("*.txt")):
        name = text_file.stem
        annotator = annotators.get(name)
        candidates = sorted((root / "attributions").glob(f"{name}_*.ann"))
        chosen = next((c for c in candidates if annotator and c.stem.endswith("_" + annotator)), None) or \
            (candidates[0] if candidates else None)
        if chosen is None:
            continue
        text = text_file.read_text(encoding="utf-8")
        gold = read_brat(chosen.read_text(encoding="utf-8"), text)
        # The article text is analysed as it is: offsets of predictions and gold index the same string.
        predicted = relations_from_frame(attributions(pd.DataFrame({"doc_id": [name], "text": [text]})),
                                         univocal=True)
        triples.append((text, gold, predicted))
    return triples


def evaluate_polnear(directory: str | Path, *, subset: str = "speech") -> dict[str, Any]:
    """Score :func:`watchwords.attributions` on a PolNeAR split folder (:func:`polnear_triples`)."""
    return score(polnear_triples(directory), subset=subset)


#: The constructions :func:`recall_breakdown` reports, each a test on a gold relation (its text, cue, source).
CONSTRUCTIONS = ("direct quote", "mixed quote", "indirect", "no explicit source", "source after the cue",
                 "pronoun source", "source with apposition or relative clause", "according to", "citing",
                 "told (addressee)", "participle after a comma", "coordinated cue (and/but)", "question (asked)")
_PRONOUN_SOURCES = frozenset({"he", "she", "it", "they", "we", "i", "you"})


def _constructions(text: str, relation: GoldRelation) -> list[str]:
    cue = " ".join(text[a:b] for a, b in relation.cue).lower()
    source = " ".join(text[a:b] for a, b in relation.source)
    before = text[max(0, relation.cue[0][0] - 12):relation.cue[0][0]].lower().split()
    found = [{"direct": "direct quote", "mixed": "mixed quote"}.get(relation.kind, "indirect")]
    if not relation.source:
        found.append("no explicit source")
    else:
        if relation.source[0][0] > relation.cue[0][0]:
            found.append("source after the cue")
        if source.lower().strip() in _PRONOUN_SOURCES:
            found.append("pronoun source")
        if "," in source.strip(" ,"):
            found.append("source with apposition or relative clause")
    words = re.findall(r"[a-z]+", cue)
    if "according" in words:
        found.append("according to")
    if "citing" in words or "cited" in words:
        found.append("citing")
    if {"told", "tell", "tells", "telling"} & set(words):
        found.append("told (addressee)")
    start = relation.cue[0][0]
    if words and words[0].endswith("ing") and words[0] != "according" and text[max(0, start - 20):start].rstrip(
            ).endswith(","):
        found.append("participle after a comma")
    if before and before[-1] in ("and", "but"):
        found.append("coordinated cue (and/but)")
    if {"asked", "ask", "asks", "asking"} & set(words):
        found.append("question (asked)")
    return found


def _verb(text: str, relation: GoldRelation, forms: dict[str, str]) -> str:
    words = re.findall(r"[a-z]+", " ".join(text[a:b] for a, b in relation.cue).lower())
    for size in (3, 2):
        for k in range(len(words) - size + 1):
            if " ".join(words[k:k + size]) in forms:
                return forms[" ".join(words[k:k + size])]
    return next((forms[w] for w in reversed(words) if w in forms), "(not in the lexicon)")


def recall_breakdown(triples: Iterable[tuple[str, Sequence[GoldRelation], Sequence[GoldRelation]]], *,
                     subset: str = "speech", by: str = "construction") -> pd.DataFrame:
    """Recall per construction (``by="construction"``, :data:`CONSTRUCTIONS`; a gold relation may count under
    several) or per reporting verb (``by="verb"``: the lemma of the packaged lexicon whose form the gold cue holds,
    "(not in the lexicon)" otherwise), on (text, gold, predicted) triples (:func:`polnear_triples`), with the
    alignment of :func:`score` (cue overlap, one to one).

    Returns:
        Columns group, gold (gold relations), found (aligned to a prediction), recall (found / gold), exact
        (found with cue, source and content exact), exact_recall (exact / gold); sorted by gold, largest first.
    """
    if by not in ("construction", "verb"):
        raise ValueError(f"by={by!r}: use 'construction' or 'verb'")
    from .attribution import reporting_verbs

    forms = {form: row.lemma for row in reporting_verbs().itertuples() for form in str(row.forms).split("|")}
    counts: dict[str, list[int]] = {}
    for text, gold, predicted in triples:
        if subset == "speech":
            gold = [r for r in gold if _SPEECH_RE.search(" ".join(text[a:b] for a, b in r.cue))]
            predicted = [r for r in predicted if _SPEECH_RE.search(" ".join(text[a:b] for a, b in r.cue))]
        aligned = dict(_align(gold, predicted))
        for g, relation in enumerate(gold):
            groups = _constructions(text, relation) if by == "construction" else [_verb(text, relation, forms)]
            p = aligned.get(g)
            exact = p is not None and _normal(text, relation.cue) == _normal(text, predicted[p].cue) and (
                _normal(text, relation.source) == _normal(text, predicted[p].source)) and (
                _normal(text, relation.content) == _normal(text, predicted[p].content))
            for group in groups:
                entry = counts.setdefault(group, [0, 0, 0])
                entry[0] += 1
                entry[1] += p is not None
                entry[2] += exact
    frame = pd.DataFrame([(group, n, found, exact) for group, (n, found, exact) in counts.items()],
                         columns=["group", "gold", "found", "exact"])
    frame["recall"] = (frame["found"] / frame["gold"]).round(3)
    frame["exact_recall"] = (frame["exact"] / frame["gold"]).round(3)
    return frame.sort_values(["gold", "group"], ascending=[False, True], ignore_index=True)[
        ["group", "gold", "found", "recall", "exact", "exact_recall"]]
