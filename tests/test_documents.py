"""Tests of watchwords.documents: one parse per document, shared by every analysis, with the same sentence ids."""

from __future__ import annotations

import pytest

import watchwords as ww
import watchwords.documents as documents
from watchwords.documents import clear_cache, paragraphs_of, sentences_of

TEXT = """HEADLINE: Cameras find men - Agency

Police said on Monday that the cameras "work well". Mr. Ivanov, a lawyer, said the men were detained.

"We were never asked," one resident told the Agency. The city declined to comment.
"""


@pytest.fixture
def counted(monkeypatch):
    calls = {"parse": 0, "split": 0}
    parse, split = documents.parse_document, ww.text.split_sentences

    def counting_parse(text):
        calls["parse"] += 1
        return parse(text)

    def counting_split(*args, **kwargs):
        calls["split"] += 1
        return split(*args, **kwargs)

    monkeypatch.setattr(documents, "parse_document", counting_parse)
    monkeypatch.setattr(ww.text, "split_sentences", counting_split)
    clear_cache()
    yield calls
    clear_cache()


def test_every_analysis_shares_one_parse(counted) -> None:
    """Many verbs on one text: the paragraphs are parsed once and each paragraph is split into sentences once."""
    ww.normalisation(TEXT)
    ww.sentences(TEXT)
    ww.tokens(TEXT)
    ww.attributions(TEXT)
    ww.voice(TEXT)
    ww.frames(TEXT)
    ww.passives(TEXT)
    ww.actor_labels(TEXT)
    assert counted == {"parse": 1, "split": len(paragraphs_of(TEXT))}


def test_sentence_ids_agree_across_tables() -> None:
    sents = ww.sentences(TEXT)
    assert [(int(r.para_id), int(r.start), int(r.end)) for r in sents.itertuples()] == list(sentences_of(TEXT))
    relations = ww.attributions(TEXT)
    for relation in relations.itertuples():
        sentence = sents.set_index("sent_id").loc[relation.sent_id]
        assert sentence.start <= relation.cue_start < sentence.end  # the cue lies in the sentence of that id
    tokens = ww.tokens(TEXT)
    for token in tokens.itertuples():
        sentence = sents.set_index("sent_id").loc[token.sent_id]
        assert sentence.start <= token.start and token.end <= sentence.end


def test_the_cache_is_keyed_by_text() -> None:
    copy = "".join(list(TEXT))
    assert copy is not TEXT and paragraphs_of(TEXT) is paragraphs_of(copy)  # equal texts share the parse
    assert sentences_of("One. Two.") == ((0, 0, 4), (0, 5, 9))
