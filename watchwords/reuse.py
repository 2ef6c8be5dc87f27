"""Text reuse between reports: shared word n-grams, and what a later report added, cut or reworded.

Shingling (Broder 1997, "On the resemblance and containment of documents", Compression and
Complexity of Sequences): the shingles S(A) of a text are its distinct word n-grams (lower-cased
words of :func:`watchwords.tokens`, punctuation dropped, n = 5 by default), formed within each part.

* containment of A in B: c(A, B) = |S(A) ∩ S(B)| / |S(A)| (how much of A reappears in B);
* resemblance (Jaccard): r(A, B) = |S(A) ∩ S(B)| / |S(A) ∪ S(B)|;
* near-duplicates: r ≥ 0.8 (the threshold is a parameter).

News-reuse studies use the same measures to detect churnalism and wire-copy republication
(Clough et al. 2002, METER; Nicholls 2019). :func:`align` shows the reused passages of two reports
and the edits between them with ``difflib.SequenceMatcher`` (Ratcliff/Obershelp matching) over
words, with offsets in both documents.
"""

from __future__ import annotations

import difflib
from itertools import combinations
from typing import Any

import pandas as pd

from .tables import as_corpus, require_kind, returns
from .text import WORD_RE, parts_with_lede, tokens

__all__ = ["shingles", "reuse", "align", "reused_spans", "quote_variants", "derivations", "demo_pair", "text_pair"]

_PARTS = ("headline", "lede", "body")
#: A paragraph for alignment: its words, their start and end offsets, its part.
Paragraph = tuple[list[str], list[int], list[int], str]


def _word_table(corpus: pd.DataFrame) -> pd.DataFrame:
    table = tokens(corpus, parts=("headline", "standfirst", "body"), drop_punct=True)
    return table.assign(part=parts_with_lede(table), word=table["token"].str.replace("’", "'", regex=False).str.lower())


def _publication_order(corpus: pd.DataFrame) -> dict[str, int]:
    """doc_id -> rank by date as written ("unknown" after every date), then doc_id."""
    keys = ["date", "doc_id"] if "date" in corpus.columns else ["doc_id"]
    return {d: k for k, d in enumerate(corpus.sort_values(keys)["doc_id"].astype(str))}


def shingles(words: list[str], *, n: int = 5) -> set[tuple[str, ...]]:
    """The distinct word n-grams of a word list (a text shorter than n gives one shingle of all its words).

    Example:
        >>> sorted(shingles(["a", "b", "c", "d"], n=3))
        [('a', 'b', 'c'), ('b', 'c', 'd')]
    """
    if n < 1:
        raise ValueError(f"n={n}: shingles need 1 or more words")
    if not words:
        return set()
    if len(words) < n:
        return {tuple(words)}
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


@returns("reuse")
def reuse(corpus: pd.DataFrame | str, *, n: int = 5, near_duplicate: float = 0.8) -> pd.DataFrame:
    """Pairwise text reuse between the documents of a corpus, per part and for the whole report.

    Parts: headline, lede (first body paragraph), body (the other body paragraphs, standfirst
    included in "all"), and "all" (every word of headline, standfirst and body).

    Returns:
        One row per pair of documents and part: doc_a, doc_b, part, shingles_a, shingles_b,
        shared, containment_a_in_b, containment_b_in_a, jaccard, near_duplicate. Pairs are
        ordered by doc_id; containments are NaN when a side has no words in that part.
    """
    corpus = as_corpus(corpus, verb="reuse")
    words = _word_table(corpus)
    sets: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for doc_id, group in words.groupby("doc_id", sort=False):
        sets[(str(doc_id), "all")] = set()
        for part_name in _PARTS:
            part_words = group.loc[group["part"] == part_name]
            found: set[tuple[str, ...]] = set()
            for _, para in part_words.groupby("para_id", sort=False):
                found |= shingles(para["word"].tolist(), n=n)
            sets[(str(doc_id), part_name)] = found
        for _, para in group.groupby("para_id", sort=False):
            sets[(str(doc_id), "all")] |= shingles(para["word"].tolist(), n=n)
    rows = []
    ids = sorted(str(d) for d in corpus["doc_id"])
    for a, b in combinations(ids, 2):
        for part_name in (*_PARTS, "all"):
            sa, sb = sets.get((a, part_name), set()), sets.get((b, part_name), set())
            shared = len(sa & sb)
            union = len(sa | sb)
            jaccard = shared / union if union else float("nan")
            rows.append({"doc_a": a, "doc_b": b, "part": part_name, "shingles_a": len(sa), "shingles_b": len(sb),
                         "shared": shared, "containment_a_in_b": shared / len(sa) if sa else float("nan"),
                         "containment_b_in_a": shared / len(sb) if sb else float("nan"), "jaccard": jaccard,
                         "near_duplicate": bool(union) and jaccard >= near_duplicate})
    frame = pd.DataFrame(rows, columns=["doc_a", "doc_b", "part", "shingles_a", "shingles_b", "shared",
                                        "containment_a_in_b", "containment_b_in_a", "jaccard", "near_duplicate"])
    frame.attrs.update(source="watchwords.reuse", n=n, near_duplicate=near_duplicate,
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


@returns("alignment")
def align(corpus: pd.DataFrame | None, a: str, b: str, *, min_words: int = 3) -> pd.DataFrame:
    """Align two reports word by word and list what the second kept, added, cut or reworded.

    Args:
        corpus: the corpus holding both documents (``None`` is not allowed; pass ``as_corpus``
            of a two-row frame for ad-hoc texts).
        a, b: doc_ids of the earlier (source) and the later report.
        min_words: equal runs shorter than this many words are not counted as reuse but merged into the
            edits around them (default 3).

    Returns:
        One row per operation in reading order: op ("equal" = reused, "replace" = reworded,
        "delete" = cut from a, "insert" = added in b), a_text, b_text, a_start, a_end, b_start,
        b_end (offsets into each document's text; -1 when the side is empty), n_words_a,
        n_words_b, and frames_a / frames_b, relations_a / relations_b: the frame indicators and
        attribution cues of each document that overlap the operation's span.
    """
    if corpus is None:
        raise ValueError("align needs a corpus holding both documents")
    corpus = as_corpus(corpus, verb="align")
    texts = dict(zip(corpus["doc_id"].astype(str), corpus["text"]))
    for doc_id in (a, b):
        if doc_id not in texts:
            raise ValueError(f"align: no document with doc_id {doc_id!r}")
    pair = corpus[corpus["doc_id"].astype(str).isin([a, b])]
    words = _word_table(pair)
    wa, wb = words[words["doc_id"].astype(str) == a], words[words["doc_id"].astype(str) == b]
    from .attribution import attributions
    from .framing import frames

    found_frames = frames(pair)
    found_frames = found_frames[found_frames["frame"] != "topic"]  # topic terms are not frames
    found_relations = attributions(pair)

    def touching(doc_id: str, start: int, end: int) -> tuple[str, str]:
        if start < 0:
            return "", ""
        f = found_frames[(found_frames["doc_id"].astype(str) == doc_id) & (found_frames["start"] < end)
                         & (found_frames["end"] > start)]
        r = found_relations[(found_relations["doc_id"].astype(str) == doc_id) & (found_relations["cue_start"] < end)
                            & (found_relations["cue_end"] > start)]
        return ("; ".join(f"{x.split()[0]}: {m}" for x, m in zip(f["frame"], f["match"])),
                "; ".join(f"{s or '(none)'} {c}" for s, c in zip(r["source"], r["cue"])))

    def paragraphs_of(table: pd.DataFrame) -> list[Paragraph]:
        return [(g["word"].tolist(), g["start"].tolist(), g["end"].tolist(), str(g["part"].iloc[0]))
                for _, g in table.groupby("para_id", sort=True)]

    paras_a, paras_b = paragraphs_of(wa), paragraphs_of(wb)
    # 1. pair paragraphs in order: the headlines with each other, the others greedily by word Jaccard >= 0.2;
    #    unpaired paragraphs are cut or added whole
    pairs: list[tuple[int | None, int | None]] = []
    next_b = 0
    if paras_a and paras_b and paras_a[0][3] == paras_b[0][3] == "headline":
        pairs.append((0, 0))
        next_b = 1
    for i, (words_a, _, _, _) in enumerate(paras_a):
        if pairs and pairs[0] == (0, 0) and i == 0:
            continue
        best, best_j = 0.0, None
        for j in range(next_b, len(paras_b)):
            sa, sb = set(words_a), set(paras_b[j][0])
            score = len(sa & sb) / len(sa | sb) if sa | sb else 0.0
            if score > best:
                best, best_j = score, j
        if best_j is not None and best >= 0.2:
            pairs.extend((None, j) for j in range(next_b, best_j))
            pairs.append((i, best_j))
            next_b = best_j + 1
        else:
            pairs.append((i, None))
    pairs.extend((None, j) for j in range(next_b, len(paras_b)))

    rows: list[dict[str, Any]] = []

    def emit(op: str, pa: Paragraph | None, i1: int, i2: int, pb: Paragraph | None, j1: int, j2: int) -> None:
        a_span = (pa[1][i1], pa[2][i2 - 1]) if pa is not None and i2 > i1 else (-1, -1)
        b_span = (pb[1][j1], pb[2][j2 - 1]) if pb is not None and j2 > j1 else (-1, -1)
        frames_a, relations_a = touching(a, *a_span)
        frames_b, relations_b = touching(b, *b_span)
        rows.append({"op": op, "a_text": texts[a][a_span[0]:a_span[1]] if a_span[0] >= 0 else "",
                     "b_text": texts[b][b_span[0]:b_span[1]] if b_span[0] >= 0 else "",
                     "a_start": a_span[0], "a_end": a_span[1], "b_start": b_span[0], "b_end": b_span[1],
                     "n_words_a": i2 - i1, "n_words_b": j2 - j1, "frames_a": frames_a, "frames_b": frames_b,
                     "relations_a": relations_a, "relations_b": relations_b})

    # 2. align the words of each paired paragraph; equal runs shorter than min_words become part of the edits
    for index_a, index_b in pairs:
        pa = paras_a[index_a] if index_a is not None else None
        pb = paras_b[index_b] if index_b is not None else None
        if pa is None:
            if pb is not None:
                emit("insert", None, 0, 0, pb, 0, len(pb[0]))
            continue
        if pb is None:
            emit("delete", pa, 0, len(pa[0]), None, 0, 0)
            continue
        matcher = difflib.SequenceMatcher(a=pa[0], b=pb[0], autojunk=False)
        merged: list[list[Any]] = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" and (i2 - i1) < min_words:
                op = "replace"
            if op != "equal" and merged and merged[-1][0] != "equal":
                merged[-1][2], merged[-1][4] = i2, j2
            else:
                merged.append([op, i1, i2, j1, j2])
        for op, i1, i2, j1, j2 in merged:
            if op != "equal":
                op = "insert" if i2 == i1 else "delete" if j2 == j1 else "replace"
            emit(op, pa, i1, i2, pb, j1, j2)
    frame = pd.DataFrame(rows, columns=["op", "a_text", "b_text", "a_start", "a_end", "b_start", "b_end", "n_words_a",
                                        "n_words_b", "frames_a", "frames_b", "relations_a", "relations_b"])
    frame.attrs.update(source="watchwords.align", a=a, b=b, min_words=min_words)
    return frame


@returns("reused_spans")
def reused_spans(corpus: pd.DataFrame | str, *, n: int = 5, order_by: str = "date") -> pd.DataFrame:
    """Spans of later reports that repeat an earlier report's word n-grams (for leaving wire copy out).

    Documents are taken in the order of ``order_by`` (then doc_id); a later document's word is
    *reused* when it lies in an n-gram that an earlier document already contains. Pass the result
    as ``exclude_spans`` to :func:`watchwords.tokens` (and so to ``frequencies``, ``keyness``,
    ``collocates``) so syndicated copy is counted once.

    Returns:
        Columns doc_id, start, end, source_doc (the first earlier document with the n-gram).
    """
    corpus = as_corpus(corpus, verb="reused_spans")
    order = corpus.sort_values([order_by, "doc_id"] if order_by in corpus.columns else ["doc_id"], kind="stable")
    words = _word_table(corpus)
    seen: dict[tuple[str, ...], str] = {}
    rows: list[dict[str, Any]] = []
    for doc_id in order["doc_id"].astype(str):
        group = words[words["doc_id"].astype(str) == doc_id]
        mine: dict[tuple[str, ...], None] = {}
        for _, para in group.groupby("para_id", sort=False):
            w, st, en = para["word"].tolist(), para["start"].tolist(), para["end"].tolist()
            covered: list[tuple[int, int, str]] = []
            for i in range(len(w) - n + 1):
                gram = tuple(w[i:i + n])
                mine[gram] = None
                if gram in seen:
                    covered.append((st[i], en[i + n - 1], seen[gram]))
            for start, end, source in covered:  # merge overlapping n-gram spans
                if rows and rows[-1]["doc_id"] == doc_id and start <= rows[-1]["end"] and rows[-1]["source_doc"] == source:
                    rows[-1]["end"] = max(rows[-1]["end"], end)
                else:
                    rows.append({"doc_id": doc_id, "start": start, "end": end, "source_doc": source})
        for gram in mine:
            seen.setdefault(gram, doc_id)
    frame = pd.DataFrame(rows, columns=["doc_id", "start", "end", "source_doc"])
    frame.attrs.update(source="watchwords.reused_spans", n=n, order_by=order_by)
    return frame


@returns("quote_variants")
def quote_variants(corpus: pd.DataFrame | str, *, relations: pd.DataFrame | None = None,
                   min_similarity: float = 0.3) -> pd.DataFrame:
    """Group the attributed contents that render the same statement in different reports.

    Contents of :func:`watchwords.attributions` from different documents are linked when the Jaccard
    similarity of their word sets reaches ``min_similarity``; linked contents form a group (single
    linkage). Within a group the reference is the content of the earliest document (by ``date``,
    then doc_id); each variant lists the words it swapped relative to the reference (difflib
    replacements, "conscript → reservist"), so that rewordings across outlets are visible.

    Returns:
        Columns group_id, doc_id, relation_id, source_canonical, kind, content, similarity (to the
        reference), swaps; only groups spanning at least two documents.
    """
    require_kind(relations, ("attributions",), verb="quote_variants", name="relations")
    from .attribution import attributions

    corpus = as_corpus(corpus, verb="quote_variants")
    relations = attributions(corpus) if relations is None else relations
    if relations.empty:
        return pd.DataFrame(columns=["group_id", "doc_id", "relation_id", "source_canonical", "kind", "content",
                                     "similarity", "swaps"])

    words = [WORD_RE.findall(c.lower()) for c in relations["content"]]
    sets = [set(w) for w in words]
    parent = list(range(len(relations)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    docs = relations["doc_id"].astype(str).tolist()
    for i in range(len(relations)):
        for j in range(i + 1, len(relations)):
            if docs[i] == docs[j] or not sets[i] or not sets[j]:
                continue
            if len(sets[i] & sets[j]) / len(sets[i] | sets[j]) >= min_similarity:
                parent[find(i)] = find(j)
    order = _publication_order(corpus)
    groups: dict[int, list[int]] = {}
    for i in range(len(relations)):
        groups.setdefault(find(i), []).append(i)
    rows = []
    group_id = 0
    for members in groups.values():
        if len({docs[i] for i in members}) < 2:
            continue
        members.sort(key=lambda i: (order.get(docs[i], 0), i))
        reference = members[0]
        for i in members:
            matcher = difflib.SequenceMatcher(a=words[reference], b=words[i], autojunk=False)
            swaps = [f"{' '.join(words[reference][a1:a2])} → {' '.join(words[i][b1:b2])}"
                     for op, a1, a2, b1, b2 in matcher.get_opcodes() if op == "replace"]
            union = sets[reference] | sets[i]
            row = relations.iloc[i]
            rows.append({"group_id": group_id, "doc_id": docs[i], "relation_id": int(row["relation_id"]),
                         "source_canonical": row["source_canonical"], "kind": row["kind"], "content": row["content"],
                         "similarity": len(sets[reference] & sets[i]) / len(union) if union else 1.0,
                         "swaps": "; ".join(swaps)})
        group_id += 1
    frame = pd.DataFrame(rows, columns=["group_id", "doc_id", "relation_id", "source_canonical", "kind", "content",
                                        "similarity", "swaps"])
    frame.attrs.update(source="watchwords.quote_variants", min_similarity=min_similarity)
    return frame


@returns("derivations")
def derivations(corpus: pd.DataFrame | str, reuse_table: pd.DataFrame, *, part: str = "all",
                min_containment: float = 0.5) -> pd.DataFrame:
    """Which report derives from which: an edge later → earlier when at least ``min_containment`` of
    the later report's shingles are contained in the earlier one (documents ordered by date, then doc_id).

    The later report is the one that re-uses (``citing``, as in :func:`attribution_chains`, where the citing party
    is the one that passes words on); the earlier is the one re-used (``cited``). The edge says that the later text
    contains much of the earlier, not that its outlet copied that outlet: both may copy a third text.

    Returns:
        Columns citing (the later document, which re-uses), cited (the earlier one), cue (the containment as a
        percentage), containment; drawable with ``plot_attribution_chains(..., title=...)``.
    """
    corpus = as_corpus(corpus, verb="derivations")
    order = _publication_order(corpus)
    rows = []
    for row in reuse_table[reuse_table["part"] == part].itertuples(index=False):
        earlier, later = (row.doc_a, row.doc_b) if order.get(row.doc_a, 0) <= order.get(row.doc_b, 0) else (row.doc_b, row.doc_a)
        contained = row.containment_b_in_a if later == row.doc_b else row.containment_a_in_b
        if contained == contained and contained >= min_containment:
            rows.append({"citing": later, "cited": earlier, "cue": f"{contained:.0%}", "containment": contained})
    frame = pd.DataFrame(rows, columns=["citing", "cited", "cue", "containment"])
    frame.attrs.update(source="watchwords.derivations", part=part, min_containment=min_containment)
    return frame


@returns("corpus")
def demo_pair(corpus: pd.DataFrame) -> pd.DataFrame:
    """The seed and a retelling of it written for teaching (``watchwords/data/en/rewrite_demo.txt``), as a
    two-document corpus (doc_ids "seed" and "rewrite"), so reuse can be shown when only the seed is present.

    The retelling is the project's own text, modelled on the kinds of change seen in the coverage: a
    hunting headline, "facial recognition" replaced by "video surveillance", attribution to "Russian
    state media", and the quote back-translated with "conscript" turned into "reservist".
    """
    from .resources import read_text

    seed = corpus.loc[corpus["doc_id"] == "a_jpost_reuters", "text"]
    if seed.empty:
        raise ValueError("demo_pair needs the seed (doc_id a_jpost_reuters) in the corpus")
    rewrite = read_text("rewrite_demo")
    return pd.DataFrame({"doc_id": ["seed", "rewrite"], "text": [seed.iloc[0], rewrite],
                         "date": ["2023-04-18", "2023-04-19"], "outlet": ["The Jerusalem Post", "Demo Retelling"]})


@returns("corpus")
def text_pair(first: str, second: str) -> pd.DataFrame:
    """Two texts as a two-document corpus (doc_ids "a" and "b", "a" dated first), for trying the reuse
    measures on sentences of one's own.

    Example:
        >>> text_pair("One text.", "Another text.")[["doc_id", "date"]].to_dict("list")
        {'doc_id': ['a', 'b'], 'date': ['2000-01-01', '2000-01-02']}
    """
    return pd.DataFrame({"doc_id": ["a", "b"], "text": [first, second], "date": ["2000-01-01", "2000-01-02"],
                         "outlet": ["first text", "second text"]})
