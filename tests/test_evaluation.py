"""Tests of watchwords.evaluation: brat parsing, alignment and the scores, on a fixture written for the tests."""

from __future__ import annotations

import json

import pytest

import watchwords as ww
from tests.conftest import BRAT_ANN, BRAT_TEXT
from watchwords.cli import main
from watchwords.evaluation import GoldRelation, read_brat, relations_from_frame, score


def test_read_brat_two_passes_and_kinds() -> None:
    gold = read_brat(BRAT_ANN, BRAT_TEXT)
    assert [(BRAT_TEXT[g.cue[0][0]:g.cue[0][1]], g.kind) for g in gold] == [("said", "direct"), ("believe", "indirect"),
                                                                           ("said", "indirect")]
    assert BRAT_TEXT[gold[0].source[0][0]:gold[0].source[0][1]] == "Dana Moor"


def test_read_brat_discontinuous_and_no_source() -> None:
    text = '"A b," he said, "c d."'
    ann = ("T1\tContent 0 6;16 22\tx\nT2\tCue 10 14\tsaid\nE1\tAttribution-no-source:T3 Cue:T2 Content:T1\n"
           "T3\tAttribution 0 22\tx\nbad line\n")
    (relation,) = read_brat(ann, text)
    assert relation.content == ((0, 6), (16, 22)) and relation.source == () and relation.kind == "direct"


def _rel(cue, source, content, kind="indirect"):
    return GoldRelation((cue,), (source,) if source else (), (content,), kind)


def test_score_by_hand() -> None:
    text = "Moor said the cameras work well. Officials said nothing else here today."
    gold = [_rel((5, 9), (0, 4), (10, 31)), _rel((43, 47), (33, 42), (48, 71))]
    predicted = [_rel((5, 9), (0, 4), (10, 26)),  # content "the cameras work": Jaccard 3/4, not exact
                 _rel((61, 65), (56, 60), (66, 71))]  # a false positive, no cue overlap
    result = score([(text, gold, predicted)])
    assert result["cue"]["exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "predicted": 2, "gold": 2}
    assert result["source"]["exact"]["f1"] == 0.5
    assert (result["content"]["exact"]["tp"], result["content"]["lenient"]["tp"]) == (0, 1)
    assert result["relation"]["lenient"]["tp"] == 1 and result["relation"]["exact"]["tp"] == 0
    assert result["by_kind"]["indirect"]["cue"]["lenient"]["gold"] == 2


def test_alignment_is_one_to_one() -> None:
    text = "Moor said it. Moor said it again."
    gold = [_rel((5, 9), (0, 4), (10, 12))]
    predicted = [_rel((5, 9), (0, 4), (10, 12)), _rel((5, 9), (0, 4), (10, 12))]
    result = score([(text, gold, predicted)])
    assert result["cue"]["lenient"]["tp"] == 1 and result["cue"]["lenient"]["precision"] == 0.5


def test_speech_subset_drops_belief_cues(polnear_dir) -> None:
    from watchwords.evaluation import evaluate_polnear

    speech = evaluate_polnear(polnear_dir, subset="speech")
    everything = evaluate_polnear(polnear_dir, subset="all")
    assert speech["cue"]["lenient"]["gold"] == 2 and everything["cue"]["lenient"]["gold"] == 3
    assert speech["articles"] == 1
    assert speech["source"]["exact"]["recall"] == 1.0
    with pytest.raises(ValueError, match="subset='some'"):
        score([], subset="some")


def test_cli_json_shape(polnear_dir, capsys) -> None:
    assert main(["evaluate-attribution", "--polnear", str(polnear_dir), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"subset", "articles", "cue", "source", "content", "relation", "by_kind"}
    assert set(result["cue"]) == {"exact", "lenient"} and set(result["source"]) == {"exact", "lenient", "head"}
    assert set(result["cue"]["exact"]) == {"precision", "recall", "f1"}
    assert set(result["by_kind"]) == {"direct", "mixed", "indirect"}


def test_cli_rejects_a_folder_that_is_not_polnear(tmp_path, capsys) -> None:
    assert main(["evaluate-attribution", "--polnear", str(tmp_path)]) == 1
    assert "not a PolNeAR split folder" in capsys.readouterr().err


def _spans(text: str, *parts: str) -> tuple[tuple[int, int], ...]:
    """The spans of each part (its first occurrence) in text."""
    return tuple((text.index(p), text.index(p) + len(p)) for p in parts)


@pytest.mark.parametrize(
    ("text", "cue", "source", "content", "kind", "expected"),
    [
        ('"It works," Moor said.', "said", "Moor", "It works,", "direct", ["direct quote"]),
        ('"It works," said Dana Moor.', "said", "Dana Moor", "It works,", "direct",
         ["direct quote", "source after the cue"]),
        ("He told TASS the cameras work.", "told", "He", "the cameras work", "indirect",
         ["indirect", "pronoun source", "told (addressee)"]),
        ("Moor, a lawyer, said the cameras work.", "said", "Moor, a lawyer,", "the cameras work", "indirect",
         ["indirect", "source with apposition or relative clause"]),
        ("The cameras work, according to Moor.", "according to", "Moor", "The cameras work", "indirect",
         ["indirect", "source after the cue", "according to"]),
        ("Moor left, saying the cameras work.", "saying", "Moor", "the cameras work", "indirect",
         ["indirect", "participle after a comma"]),
        ("Moor left and said the cameras work.", "said", "Moor", "the cameras work", "indirect",
         ["indirect", "coordinated cue (and/but)"]),
        ("It was asked whether the cameras work.", "asked", "", "whether the cameras work", "indirect",
         ["indirect", "no explicit source", "question (asked)"]),
    ],
)
def test_constructions_of_gold_relations(text, cue, source, content, kind, expected) -> None:
    from watchwords.evaluation import recall_breakdown

    relation = GoldRelation(_spans(text, cue), _spans(text, source) if source else (), _spans(text, content), kind)
    table = recall_breakdown([(text, [relation], [])], subset="all")
    assert sorted(table["group"]) == sorted(expected)
    assert table["found"].eq(0).all() and table["recall"].eq(0.0).all()


def test_recall_breakdown_by_verb_counts_found_and_exact() -> None:
    from watchwords.evaluation import recall_breakdown

    text = "Moor said the cameras work. Officials claimed the plan failed. Lind believes it."
    gold = [_rel((5, 9), (0, 4), (10, 26)), _rel((38, 45), (28, 37), (46, 61)), _rel((67, 75), (62, 66), (76, 78))]
    predicted = [_rel((5, 9), (0, 4), (10, 26)),  # exact
                 _rel((38, 45), (28, 37), (46, 55))]  # found, content not exact
    table = recall_breakdown([(text, gold, predicted)], subset="all", by="verb")
    assert table.values.tolist() == [["believe", 1, 0, 0.0, 0, 0.0], ["claim", 1, 1, 1.0, 0, 0.0],
                                     ["say", 1, 1, 1.0, 1, 1.0]]
    speech = recall_breakdown([(text, gold, predicted)], subset="speech", by="verb")
    assert set(speech["group"]) == {"say", "claim"}  # "believe" is no speech cue
    with pytest.raises(ValueError, match="by='lemma'"):
        recall_breakdown([], by="lemma")


def test_cli_breakdown(polnear_dir, capsys) -> None:
    assert main(["evaluate-attribution", "--polnear", str(polnear_dir), "--breakdown", "--min-gold", "1"]) == 0
    out = capsys.readouterr().out
    assert "recall per construction" in out and "recall per verb" in out and "say" in out


def test_univocal_scoring_leaves_out_relations_inside_their_parent() -> None:
    text = '"They find everyone," Moor said, according to Open Streets. TASS reported, citing Loktev, that it works.'
    table = ww.attributions(text)
    assert list(zip(table.cue, table.parent)) == [("said", 1), ("according to", -1), ("reported", -1),
                                                  ("citing", 2)]
    # the nested "said" lies inside its parent's content: PolNeAR would not mark it; "citing" lies outside
    assert [text[r.cue[0][0]:r.cue[0][1]] for r in relations_from_frame(table, univocal=True)] == [
        "according to", "reported", "citing"]
    assert len(relations_from_frame(table)) == 4
