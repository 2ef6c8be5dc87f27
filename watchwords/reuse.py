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
import heapq
import math
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from .store import object_array, vocabulary
from .tables import as_corpus, require_kind, returns
from .text import WORD_RE, folded, select_tokens

__all__ = ["shingles", "similar_pairs", "reuse", "align", "reused_spans", "quote_variants", "derivations", "demo_pair", "text_pair"]

_PARTS = ("headline", "lede", "body")
#: A paragraph for alignment: its words, their start and end offsets, its part.
Paragraph = tuple[list[str], list[int], list[int], str]


def _paragraph_words(corpus: pd.DataFrame) -> Iterator[tuple[str, str, list[int], np.ndarray, np.ndarray]]:
    """(doc_id, part, word ids, starts, ends) of every paragraph of headline, standfirst and body, in order: the
    lower-cased words of :func:`watchwords.tokens` (punctuation dropped, curly apostrophes straight) as ids of the
    token store's folded forms, parts with the lede told apart."""
    view = select_tokens(corpus, parts=("headline", "standfirst", "body"), drop_punct=True, verb="reuse")
    form_of, _ = vocabulary().interned("folded", folded)
    words = form_of[view.types]
    parts = view.parts_with_lede()
    paragraph = view.store.paragraph_keys()[view.index]
    starts, ends = view.take("starts"), view.store.ends[view.index]
    docs = view.take("doc")
    breaks = np.flatnonzero(np.diff(paragraph)) + 1
    bounds: list[int] = np.concatenate([[0], breaks, [len(paragraph)]]).astype(np.int64).tolist()
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        if hi == lo:
            continue
        yield (view.store.doc_ids[int(docs[lo])], str(parts[lo]), words[lo:hi].tolist(), starts[lo:hi],
               ends[lo:hi])


def _shingle_ids(words: list[int], n: int) -> set[tuple[int, ...]]:
    if len(words) < n:
        return {tuple(words)} if words else set()
    return set(zip(*(words[k:] for k in range(n))))


def similar_pairs(sets: list[set[Any]], threshold: float) -> set[tuple[int, int]]:
    """The candidate pairs (i, j), i < j, for an overlap of at least ``threshold`` of either set: every pair with
    |S_i ∩ S_j| ≥ threshold · |S_i| or ≥ threshold · |S_j| is among them (so is every pair whose containment in
    either direction, or whose Jaccard resemblance, reaches ``threshold``); found without comparing all pairs.

    Method: prefix filtering (Chaudhuri, Ganti & Kaushik 2006, "A primitive operator for similarity joins in data
    cleaning", ICDE; Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search", WWW). If
    |S_i ∩ S_j| ≥ ⌈t·|S_i|⌉, at least one of any |S_i| − ⌈t·|S_i|⌉ + 1 elements of S_i is in S_j; taking
    each set's rarest elements as that prefix, the candidates are the sets holding an element of a prefix
    (an inverted index), and the caller computes the exact measures for the candidates only. ``threshold``
    must be above 0.

    Example:
        >>> sorted(similar_pairs([{1, 2, 3, 4}, {1, 2, 3, 9}, {7, 8}], 0.5))
        [(0, 1)]
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold={threshold}: use a share in (0, 1]")
    postings: dict[Any, list[int]] = {}
    for i, members in enumerate(sets):
        for element in members:
            postings.setdefault(element, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, members in enumerate(sets):
        if not members:
            continue
        length = len(members) - math.ceil(threshold * len(members) - 1e-9) + 1
        for element in heapq.nsmallest(length, members, key=lambda e: len(postings[e])):
            for j in postings[element]:
                if j != i:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


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
def reuse(corpus: pd.DataFrame | str, *, n: int = 5, near_duplicate: float = 0.8,
          min_containment: float = 0.0) -> pd.DataFrame:
    """Pairwise text reuse between the documents of a corpus, per part and for the whole report.

    Parts: headline, lede (first body paragraph), body (the other body paragraphs, standfirst
    included in "all"), and "all" (every word of headline, standfirst and body).

    Args:
        n: words per shingle.
        near_duplicate: the Jaccard resemblance from which a pair is a near-duplicate.
        min_containment: 0 (default) lists every pair of documents; above 0, only the pairs in which one
            document's shingles ("all") reappear in the other at least to this share, found by prefix filtering
            (:func:`similar_pairs`) instead of comparing every pair: near-linear on large corpora (pass e.g.
            0.05 from a few hundred documents on). The rows of the listed pairs are exactly those of the full
            table (tests/test_reuse.py).

    Returns:
        One row per pair of documents and part: doc_a, doc_b, part, shingles_a, shingles_b,
        shared, containment_a_in_b, containment_b_in_a, jaccard, near_duplicate. Pairs are
        ordered by doc_id; containments are NaN when a side has no words in that part.
    """
    corpus = as_corpus(corpus, verb="reuse")
    if not 0 <= min_containment <= 1:
        raise ValueError(f"min_containment={min_containment}: use a share from 0 to 1")
    ids = sorted(str(d) for d in corpus["doc_id"])
    matrices = _shingle_matrices(corpus, ids, n)
    shared = {part: (m @ m.T).tocsr() for part, m in matrices.items()}  # shared shingles of every pair
    sizes = {part: np.diff(m.indptr) for part, m in matrices.items()}
    count = len(ids)
    if min_containment == 0:
        first, second = np.triu_indices(count, k=1)
    else:
        upper = sparse.triu(shared["all"], k=1).tocoo()
        both = upper.data.astype(np.int64)
        reached = ((both >= min_containment * sizes["all"][upper.row])
                   | (both >= min_containment * sizes["all"][upper.col]))
        order = np.lexsort((upper.col[reached], upper.row[reached]))
        first, second = upper.row[reached][order], upper.col[reached][order]
    parts = (*_PARTS, "all")
    columns: dict[str, list[np.ndarray]] = {name: [] for name in ("shingles_a", "shingles_b", "shared")}
    for part_name in parts:
        columns["shingles_a"].append(sizes[part_name][first])
        columns["shingles_b"].append(sizes[part_name][second])
        columns["shared"].append(np.asarray(shared[part_name][first, second]).ravel() if len(first)
                                 else np.zeros(0, dtype=np.int64))
    # rows in the order pair by pair, then part
    size_a, size_b, common = (np.stack(columns[k], axis=1).ravel().astype(np.int64)
                              for k in ("shingles_a", "shingles_b", "shared"))
    union = size_a + size_b - common
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, common / np.maximum(union, 1), np.nan)
        in_b = np.where(size_a > 0, common / np.maximum(size_a, 1), np.nan)
        in_a = np.where(size_b > 0, common / np.maximum(size_b, 1), np.nan)
    names = object_array(ids)
    frame = pd.DataFrame({
        "doc_a": np.repeat(names[first], len(parts)), "doc_b": np.repeat(names[second], len(parts)),
        "part": np.tile(np.array(parts, dtype=object), len(first)), "shingles_a": size_a, "shingles_b": size_b,
        "shared": common, "containment_a_in_b": in_b, "containment_b_in_a": in_a, "jaccard": jaccard,
        "near_duplicate": (union > 0) & (np.nan_to_num(jaccard) >= near_duplicate)})
    frame = frame.astype({"doc_a": "str", "doc_b": "str", "part": "str"})
    frame.attrs.update(source="watchwords.reuse", n=n, near_duplicate=near_duplicate, min_containment=min_containment,
                       corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


def _shingle_matrices(corpus: pd.DataFrame, ids: list[str], n: int) -> dict[str, sparse.csr_matrix]:
    """Per part (headline, lede, body, all): a documents x shingles 0/1 matrix (rows in the order of ``ids``).
    Shingles are formed per paragraph (:func:`shingles`: a paragraph shorter than n words is one shingle)."""
    row_of = {doc_id: k for k, doc_id in enumerate(ids)}
    grams: list[tuple[int, ...]] = []
    rows: list[int] = []
    kinds: list[str] = []
    for doc_id, part_name, words, _, _ in _paragraph_words(corpus):
        found = _shingle_ids(words, n)
        grams.extend(found)
        rows.extend([row_of[doc_id]] * len(found))
        kinds.extend([part_name] * len(found))
    shingle_id: dict[tuple[int, ...], int] = {}
    columns = np.fromiter((shingle_id.setdefault(g, len(shingle_id)) for g in grams), dtype=np.int64,
                          count=len(grams))
    row_array, kind_array = np.array(rows, dtype=np.int64), np.array(kinds + [""], dtype=object)[:-1]
    matrices = {}
    for part_name in (*_PARTS, "all"):
        chosen = np.ones(len(grams), dtype=bool) if part_name == "all" else kind_array == part_name
        matrix = sparse.csr_matrix((np.ones(int(chosen.sum()), dtype=np.int32),
                                    (row_array[chosen], columns[chosen])), shape=(len(ids), len(shingle_id)))
        matrix.sum_duplicates()
        matrix.data[:] = 1  # a set: a shingle counts once per document
        matrices[part_name] = matrix
    return matrices


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
    _, forms = vocabulary().interned("folded", folded)
    by_doc: dict[str, list[Paragraph]] = {a: [], b: []}
    for doc_id, part_name, word_ids, starts, ends in _paragraph_words(pair):
        by_doc[doc_id].append(([forms[w] for w in word_ids], starts.tolist(), ends.tolist(), part_name))
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

    paras_a, paras_b = by_doc[a], by_doc[b]
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
    paragraphs: dict[str, list[tuple[list[int], np.ndarray, np.ndarray]]] = {}
    for doc_id, _, words, starts, ends in _paragraph_words(corpus):
        paragraphs.setdefault(doc_id, []).append((words, starts, ends))
    seen: dict[tuple[int, ...], str] = {}
    rows: list[dict[str, Any]] = []
    for doc_id in order["doc_id"].astype(str):
        mine: dict[tuple[int, ...], None] = {}
        for w, st, en in paragraphs.get(doc_id, []):
            covered: list[tuple[int, int, str]] = []
            for i, gram in enumerate(zip(*(w[k:] for k in range(n)))):
                mine[gram] = None
                if gram in seen:
                    covered.append((int(st[i]), int(en[i + n - 1]), seen[gram]))
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
    candidates = (combinations(range(len(relations)), 2) if min_similarity <= 0
                  else sorted(similar_pairs(sets, min(min_similarity, 1.0))))
    for i, j in candidates:  # a Jaccard resemblance of t needs an overlap of t of either set: prefix filtering
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
