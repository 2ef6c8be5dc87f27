"""Table contracts (watchwords.tables): every verb's table declares its kind, verbs refuse tables of the wrong kind
with one line, accept a plain string, and follow one signature grammar."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

import watchwords as ww
from watchwords.tables import KINDS, as_corpus


@pytest.fixture(scope="module")
def seed(seed_corpus):
    corpus = ww.load_corpus(seed_corpus)
    return corpus[corpus.doc_id == "a_jpost_reuters"]


KIND_OF_VERB = [
    ("paragraphs", lambda c: ww.paragraphs(c)), ("sentences", lambda c: ww.sentences(c)),
    ("tokens", lambda c: ww.tokens(c)), ("quoted_spans", lambda c: ww.quoted_spans(c)),
    ("document_lengths", lambda c: ww.document_lengths(c)), ("frequencies", lambda c: ww.frequencies(c)),
    ("term_occurrences", lambda c: ww.term_occurrences(c)), ("tfidf", lambda c: ww.tfidf(c)),
    ("keyness", lambda c: ww.keyness(c, target=["a_jpost_reuters"], reference="english", min_docs=1)),
    ("dispersion", lambda c: ww.dispersion(c, ["cameras"])), ("kwic", lambda c: ww.kwic(c, "cameras")),
    ("collocates", lambda c: ww.collocates(c, "cameras", min_freq=1)),
    ("attributions", lambda c: ww.attributions(c)), ("attribution_chains", lambda c: ww.attribution_chains(c)),
    ("attribution_hops", lambda c: ww.attribution_hops(c)), ("voice", lambda c: ww.voice(c)),
    ("frames", lambda c: ww.frames(c)), ("frame_profile", lambda c: ww.frame_profile(c)),
    ("frame_prominence", lambda c: ww.frame_prominence(c)), ("passives", lambda c: ww.passives(c)),
    ("nominalisations", lambda c: ww.nominalisations(c)), ("actor_labels", lambda c: ww.actor_labels(c)),
    ("hedges", lambda c: ww.hedges(c)), ("normalisation", lambda c: ww.normalisation(c)),
    ("coding_sheet", lambda c: ww.sample_for_coding(c, size=3)),
    ("reuse", lambda c: ww.reuse(ww.demo_pair(c))), ("alignment", lambda c: ww.align(ww.demo_pair(c), "seed", "rewrite")),
    ("reused_spans", lambda c: ww.reused_spans(ww.demo_pair(c))),
    ("quote_variants", lambda c: ww.quote_variants(ww.demo_pair(c))), ("corpus", lambda c: ww.demo_pair(c)),
]


@pytest.mark.parametrize(("kind", "verb"), KIND_OF_VERB, ids=[k for k, _ in KIND_OF_VERB])
def test_every_table_declares_its_kind(seed, kind, verb) -> None:
    table = verb(seed)
    assert table.attrs["kind"] == kind and kind in KINDS


def test_loaded_tables_declare_their_kind(seed_corpus) -> None:
    assert ww.load_corpus(seed_corpus).attrs["kind"] == "corpus"
    manifest = ww.load_manifest(seed_corpus)
    assert manifest.attrs["kind"] == "manifest"
    assert ww.attributed_sources(manifest).attrs["kind"] == "attributed_sources"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: ww.frames(ww.sentences(c)),
         "frames: expected a corpus (watchwords.load_corpus) or a plain string, got a table of kind 'sentences'; "
         "pass the corpus it was made from"),
        (lambda c: ww.attributions(ww.sentences(c)),
         "attributions: expected a corpus (watchwords.load_corpus) or a plain string, got a table of kind "
         "'sentences'; pass the corpus it was made from"),
        (lambda c: ww.voice(c, relations=ww.sentences(c)),
         "voice: relations= takes a table of kind 'attributions', got one of kind 'sentences'"),
        (lambda c: ww.frames(c, exclude_spans=ww.frames(c)),
         "frames: exclude_spans= takes a table of kind 'reused_spans' or 'voice', got one of kind 'frames'"),
        (lambda c: ww.frame_profile(c, by="nope"), "by='nope': the corpus has no such column"),
        (lambda c: ww.tokens(ww.frequencies(c)),
         "tokens: expected a corpus (watchwords.load_corpus) or a plain string, or a sentences table, got a table of "
         "kind 'frequencies'"),
        (lambda c: ww.frames(["not", "a", "corpus"]),
         "frames: expected a corpus DataFrame (watchwords.load_corpus) or a plain string, got list"),
        (lambda c: ww.frames(pd.DataFrame({"doc_id": ["a"]})),
         "frames: the corpus DataFrame lacks column(s) ['text']; load it with watchwords.load_corpus()"),
    ],
)
def test_wrong_tables_are_refused_with_one_line(seed, call, message) -> None:
    with pytest.raises(ValueError) as info:
        call(seed)
    assert str(info.value).startswith(message) and "\n" not in str(info.value)


def test_tables_made_by_hand_and_sentence_tables_where_documented(seed) -> None:
    by_hand = pd.DataFrame({"doc_id": ["mine"], "text": ["Police said the cameras work."]})
    assert as_corpus(by_hand, verb="frames") is by_hand
    assert ww.attributions(by_hand).source.tolist() == ["Police"]
    sents = ww.sentences(seed)
    assert ww.tokens(sents[sents.part == "headline"]).token.tolist()[:3] == ["Moscow", "uses", "facial"]


@pytest.mark.parametrize(
    "verb",
    [lambda t: ww.frequencies(t), lambda t: ww.keyness(t, target=["text"], reference="english", min_docs=1),
     lambda t: ww.dispersion(t, ["cameras"]), lambda t: ww.reuse(t), lambda t: ww.frames(t),
     lambda t: ww.attributions(t), lambda t: ww.kwic(t, "cameras"), lambda t: ww.collocates(t, "cameras")],
)
def test_verbs_accept_a_plain_string(verb) -> None:
    table = verb("Police said the cameras work. The cameras were installed.")
    assert isinstance(table, pd.DataFrame) and "kind" in table.attrs


#: Positional options that are the thing asked about, not options (the grammar's documented exceptions).
SUBJECTS = {"dispersion": {"terms"}, "split_sentences": {"start", "end"}, "dp": set(), "load_corpus": set()}


def test_one_signature_grammar() -> None:
    """The first argument (the data) and required arguments (a node, a pattern, terms) are positional; every option
    with a default is keyword-only (docs/conventions.md)."""
    offenders = []
    for name in ww.__all__:
        function = getattr(ww, name)
        if not inspect.isfunction(function):
            continue
        parameters = list(inspect.signature(function).parameters.values())[1:]
        for p in parameters:
            positional = p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            if positional and p.default is not p.empty and p.name not in SUBJECTS.get(name, set()):
                offenders.append(f"{name}({p.name}=...)")
    assert not offenders
