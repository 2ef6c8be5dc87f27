"""Chains of sources: who passes on whose words, and the path of each relation from the outlet to its source."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..tables import as_corpus, require_kind, returns
from .rules import credit_lines
from .sources import PRONOUNS, type_source
from .tables import attributions

CHAIN_COLUMNS = ["doc_id", "citing", "cited", "cue", "sent_id", "relation_id", "basis"]


def reporting_party(row: Any) -> str:
    agency = str(getattr(row, "source_agency", "") or "")
    outlet = str(getattr(row, "outlet", "") or "")
    return agency or outlet or "reporter"


def relation_paths(doc: Any, relations: pd.DataFrame) -> dict[int, list[tuple[str, str]]]:
    """For each relation of one document (``doc``, a corpus row), its own path from the publishing outlet to its
    source, as (name, cue of the step that reaches it) pairs: the outlet; the wire service it republishes
    (manifest ``source_agency``, cue "republishes"); for a nested relation ("TASS reported, citing X") the path of
    the relation it is nested in (``parent``), else the reporting party; the addressee of "told" ("Loktev told
    TASS": the words reached the reporter through TASS); then the relation's source. Only the relation's own
    links are followed, never another sentence's: "Loktev told TASS" stays two steps from the wire service even
    where another sentence quotes Loktev directly."""
    outlet = str(getattr(doc, "outlet", "") or "")
    agency = str(getattr(doc, "source_agency", "") or "")
    base: list[tuple[str, str]] = [(outlet or reporting_party(doc), "")]
    if outlet and agency and agency != outlet:
        base.append((agency, "republishes"))
    rows = {int(r.relation_id): r for r in relations.itertuples(index=False)}
    paths: dict[int, list[tuple[str, str]]] = {}

    def path(relation_id: int, depth: int = 0) -> list[tuple[str, str]]:
        if relation_id in paths:
            return paths[relation_id]
        rel = rows[relation_id]
        parent = int(rel.parent)
        # a parent may come later in the document ('"...," X said, according to Y'); depth bounds a malformed
        # table's cycles
        steps = list(path(parent, depth + 1)) if 0 <= parent != relation_id and parent in rows and depth < 50 \
            else list(base)
        if rel.addressee:
            medium = type_source(rel.addressee)[0] if rel.addressee.lower() not in PRONOUNS else rel.addressee
            if medium != steps[-1][0]:
                steps.append((medium, rel.cue))
        cited = rel.source_canonical or rel.source
        if cited and cited != steps[-1][0]:
            steps.append((cited, rel.cue))
        paths[relation_id] = steps
        return steps

    for relation_id in rows:
        path(relation_id)
    return paths


def _documents(corpus: pd.DataFrame | str, relations: pd.DataFrame | None, verb: str
               ) -> tuple[pd.DataFrame, list[tuple[Any, pd.DataFrame]]]:
    """The corpus (checked) and, per document, its row and its relations (computed when ``relations`` is None)."""
    require_kind(relations, ("attributions",), verb=verb, name="relations")
    corpus = as_corpus(corpus, verb=verb)
    relations = attributions(corpus) if relations is None else relations
    by_doc = dict(tuple(relations.groupby("doc_id", sort=False))) if len(relations) else {}
    return corpus, [(doc, by_doc.get(doc.doc_id, relations.iloc[:0])) for doc in corpus.itertuples(index=False)]


@returns("attribution_chains")
def attribution_chains(corpus: pd.DataFrame | str, *, relations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Directed edges "citing → cited": who passes on whose words, in each document; the union of the relations'
    own paths (:func:`relation_paths`).

    * manifest: the outlet → the wire service whose copy it republishes (``source_agency``); cue "republishes",
      sent_id -1, relation_id -1, basis "manifest";
    * a credit line ("Source: agencies Reuters, TASS", :func:`watchwords.attribution.rules.credit_lines`): the
      outlet → each agency named; sent_id -1, relation_id -1, basis "credit";
    * a top-level relation: the reporting party (the wire service if any, else the outlet) → the relation's source;
    * a nested relation ("TASS reported, citing X"): the parent's source → its source;
    * an addressee ("Loktev told TASS"): the reporting party → the addressee → the source (the words reached the
      reporter through the addressee).

    Sources are named by ``source_canonical``. Repeated edges are kept once (the first); relations without a
    source give no edge.

    Returns:
        Columns doc_id, citing, cited, cue, sent_id, relation_id (-1 for manifest and credit edges), basis
        ("manifest", "credit" or "text").
    """
    corpus, documents = _documents(corpus, relations, "attribution_chains")
    rows = []
    for doc, mine in documents:
        sent_of = dict(zip(mine["relation_id"], mine["sent_id"]))
        seen: set[tuple[str, str]] = set()
        outlet = str(getattr(doc, "outlet", "") or "")
        agency = str(getattr(doc, "source_agency", "") or "")
        if outlet and agency and outlet != agency:
            seen.add((outlet, agency))
            rows.append({"doc_id": doc.doc_id, "citing": outlet, "cited": agency, "cue": "republishes",
                         "sent_id": -1, "relation_id": -1, "basis": "manifest"})
        for cue, name in credit_lines(str(doc.text)):  # "Source: agencies Reuters, TASS"
            cited = type_source(name)[0]
            if (outlet or reporting_party(doc), cited) not in seen:
                seen.add((outlet or reporting_party(doc), cited))
                rows.append({"doc_id": doc.doc_id, "citing": outlet or reporting_party(doc), "cited": cited,
                             "cue": cue, "sent_id": -1, "relation_id": -1, "basis": "credit"})
        for relation_id, steps in relation_paths(doc, mine).items():
            if len(steps) < 2 or (steps[-1][1] == "republishes"):
                continue  # a relation without a source adds no edge
            for (citing, _), (cited, cue) in zip(steps, steps[1:]):
                if cue == "republishes" or (citing, cited) in seen or citing == cited:
                    continue
                seen.add((citing, cited))
                rows.append({"doc_id": doc.doc_id, "citing": citing, "cited": cited, "cue": cue,
                             "sent_id": int(sent_of[relation_id]), "relation_id": relation_id, "basis": "text"})
    frame = pd.DataFrame(rows, columns=CHAIN_COLUMNS)
    frame.attrs.update(source="watchwords.attribution_chains", corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


@returns("attribution_hops")
def attribution_hops(corpus: pd.DataFrame | str, *, relations: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each relation, its own path from the publishing outlet to its source, and its length
    (:func:`relation_paths`: the relation's nesting and addressee, never a shortest path through the document's
    other relations). ``hops`` counts the edges: The Jerusalem Post → Reuters → TASS → Maxim Loktev is 3; a relation
    without a source has path "" and hops -1.

    Returns:
        Columns doc_id, relation_id, source_canonical, path (names joined by " → "), hops.
    """
    _, documents = _documents(corpus, relations, "attribution_hops")
    rows = []
    for doc, mine in documents:
        paths = relation_paths(doc, mine)
        for rel in mine.itertuples(index=False):
            steps = paths[int(rel.relation_id)] if (rel.source_canonical or rel.source) else []
            rows.append({"doc_id": doc.doc_id, "relation_id": rel.relation_id,
                         "source_canonical": rel.source_canonical or rel.source,
                         "path": " → ".join(name for name, _ in steps), "hops": len(steps) - 1 if steps else -1})
    frame = pd.DataFrame(rows, columns=["doc_id", "relation_id", "source_canonical", "path", "hops"])
    frame.attrs.update(source="watchwords.attribution_hops")
    return frame
