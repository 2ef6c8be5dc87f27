"""Chains of sources: who passes on whose words, and the path of each relation from the outlet to its source."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..tables import as_corpus, require_kind, returns
from .sources import PRONOUNS, type_source
from .tables import attributions

CHAIN_COLUMNS = ["doc_id", "citing", "cited", "cue", "sent_id", "relation_id", "basis"]


def reporting_party(row: Any) -> str:
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
        reporter = reporting_party(doc)
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
                medium = type_source(rel.addressee)[0] if rel.addressee.lower() not in PRONOUNS else rel.addressee
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
    frame = pd.DataFrame(rows, columns=CHAIN_COLUMNS)
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
        start = str(getattr(doc, "outlet", "") or "") or reporting_party(doc)
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
        if reporting_party(doc) not in paths:
            paths[reporting_party(doc)] = [reporting_party(doc)]
        for rel in relations[relations["doc_id"] == doc.doc_id].itertuples(index=False):
            target = rel.source_canonical or rel.source
            path = paths.get(target)
            rows.append({"doc_id": doc.doc_id, "relation_id": rel.relation_id, "source_canonical": target,
                         "path": " → ".join(path) if path else "", "hops": len(path) - 1 if path else -1})
    frame = pd.DataFrame(rows, columns=["doc_id", "relation_id", "source_canonical", "path", "hops"])
    frame.attrs.update(source="watchwords.attribution_hops")
    return frame
