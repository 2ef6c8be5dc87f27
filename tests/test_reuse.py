"""Tests of watchwords.reuse on a wire story and republications written for the tests (exact expected values)."""

from __future__ import annotations

import pytest

import watchwords as ww


def test_shingles() -> None:
    assert ww.shingles(["a", "b", "c", "d"], n=3) == {("a", "b", "c"), ("b", "c", "d")}
    assert ww.shingles(["a", "b"], n=3) == {("a", "b")}
    assert ww.shingles([], n=3) == set()
    with pytest.raises(ValueError, match="n=0"):
        ww.shingles(["a"], n=0)


def test_containment_and_jaccard_by_hand(reuse_corpus) -> None:
    table = ww.reuse(reuse_corpus, n=5).set_index(["doc_a", "doc_b", "part"])
    # verbatim copy: everything shared
    assert table.loc[("copy", "wire", "all"), ["jaccard", "near_duplicate"]].tolist() == [1.0, True]
    # lede kept word for word: 17 words, 13 shingles
    lede = table.loc[("edit", "wire", "lede")]
    assert (lede.shingles_a, lede.shared, lede.jaccard) == (13, 13, 1.0)
    # body: wire has 9 + 5 = 14 shingles, the edit 6 + 7 = 13; shared "officials said the system would" and
    # "said the system would help"
    body = table.loc[("edit", "wire", "body")]
    assert (body.shingles_a, body.shingles_b, body.shared) == (13, 14, 2)
    assert body.containment_a_in_b == pytest.approx(2 / 13) and body.containment_b_in_a == pytest.approx(2 / 14)
    assert body.jaccard == pytest.approx(2 / 25)
    assert table.loc[("edit", "wire", "headline"), "shared"] == 0
    assert not table.loc[("edit", "wire", "all"), "near_duplicate"]


def test_align_shows_kept_reworded_cut_and_added(reuse_corpus) -> None:
    ops = ww.align(reuse_corpus, "wire", "edit")
    assert ops[["op", "a_text", "b_text"]].values.tolist() == [
        ["replace", "City cameras find men who skip service", "City uses cameras to hunt draft dodgers"],
        ["equal", "The city has connected its station cameras to a face-matching system, the transport office said on "
                  "Monday", "The city has connected its station cameras to a face-matching system, the transport office "
                            "said on Monday"],
        ["equal", "Officials said the system would help", "Officials said the system would help"],
        ["replace", "find men who ignored their call-up papers", "track down draft dodgers"],
        ["delete", "Rights groups said the plan had no legal basis", ""],
        ["insert", "", "The office did not say how many men had been found"]]
    # codebook 1.0: "draft dodgers" casts the men as law-breakers (F6); "ignored their call-up papers" likewise
    # and connecting cameras to a matching system foregrounds integration (F3)
    assert ops.frames_b.tolist()[:4] == ["F4: hunt; F6: draft dodgers", "F3: connected its station cameras", "",
                                         "F4: track down; F6: draft dodgers"]
    assert ops.frames_a.tolist()[3] == "F6: ignored their call-up papers"
    assert ops.relations_a.tolist()[4] == "Rights groups said"
    texts = reuse_corpus.set_index("doc_id").text
    assert all(texts["edit"][s:e] == t for s, e, t in zip(ops.b_start, ops.b_end, ops.b_text) if s >= 0)
    assert all(texts["wire"][s:e] == t for s, e, t in zip(ops.a_start, ops.a_end, ops.a_text) if s >= 0)
    with pytest.raises(ValueError, match="no document with doc_id 'nope'"):
        ww.align(reuse_corpus, "wire", "nope")


def test_reused_spans_leave_wire_copy_out_of_counts(reuse_corpus) -> None:
    spans = ww.reused_spans(reuse_corpus, n=5)
    assert set(spans.doc_id) == {"copy", "edit"}
    assert set(spans.source_doc) == {"wire"}
    plain = ww.frequencies(reuse_corpus).set_index("term")
    once = ww.frequencies(reuse_corpus, exclude_spans=spans).set_index("term")
    assert plain.loc["cameras", "count"] == 6  # headline and lede of wire and copy, lede and headline of edit
    # left: the wire's headline and lede, and the edit's new headline
    assert once.loc["cameras", "count"] == 3
    assert once.loc["dodgers", "count"] == 2 and "legal" in once.index


def test_quote_variants_group_rewordings(reuse_corpus) -> None:
    table = ww.quote_variants(reuse_corpus, min_similarity=0.25)
    officials = table[table.source_canonical == "Officials"]
    assert sorted(officials.doc_id) == ["copy", "edit", "wire"]
    edit = officials.set_index("doc_id").loc["edit"]
    assert edit.swaps == "find men who ignored their call-up papers → track down draft dodgers"
    assert edit.similarity == pytest.approx(4 / 15)
    assert officials.set_index("doc_id").loc["copy", "swaps"] == ""
    strict = ww.quote_variants(reuse_corpus, min_similarity=0.3)
    assert strict.groupby("source_canonical").doc_id.apply(sorted).to_dict() == {
        "Officials": ["copy", "wire"], "Rights groups": ["copy", "wire"],
        "transport office": ["copy", "edit", "wire"]}


def test_derivations_point_from_the_later_report_to_the_one_it_reuses(reuse_corpus) -> None:
    edges = ww.derivations(reuse_corpus, ww.reuse(reuse_corpus), min_containment=0.5)
    # dates: wire 2024-05-02, copy 2024-05-03, edit 2024-05-04; 15 of the edit's 29 shingles are in the others.
    # The later report is the citing one (it passes the earlier one's words on), as in attribution_chains.
    assert edges[["citing", "cited", "cue"]].values.tolist() == [
        ["edit", "copy", "52%"], ["copy", "wire", "100%"], ["edit", "wire", "52%"]]
    assert ww.derivations(reuse_corpus, ww.reuse(reuse_corpus), min_containment=0.6).citing.tolist() == ["copy"]


def test_reused_wire_copy_left_out_of_frame_counts(reuse_corpus) -> None:
    spans = ww.reused_spans(reuse_corpus, n=5)
    plain = ww.frames(reuse_corpus)
    once = ww.frames(reuse_corpus, exclude_spans=spans)
    once = once[once.frame != "topic"]
    # the copy repeats the wire entirely: none of its matches remain; the edit keeps its new "hunt" and "track down"
    assert set(plain.doc_id) == {"wire", "copy", "edit"}
    assert "copy" not in set(once.doc_id)
    assert once[once.doc_id == "edit"].match.tolist() == ["hunt", "draft dodgers", "track down", "draft dodgers"]
    profile = ww.frame_profile(reuse_corpus, unit="document", exclude_spans=spans).set_index("frame")
    assert profile.loc["F4 authoritarian control", "n_with"] == 1


def test_demo_pair(seed_corpus, make_corpus) -> None:
    pair = ww.demo_pair(ww.load_corpus(seed_corpus))
    assert pair.doc_id.tolist() == ["seed", "rewrite"]
    assert pair.text[1].startswith("HEADLINE: Russia hunts young men dodging the draft")
    with pytest.raises(ValueError, match="needs the seed"):
        ww.demo_pair(ww.load_corpus(make_corpus({"a": "One."})))
