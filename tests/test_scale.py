"""watchwords.analyze (watchwords/scale.py): the reduced and per-document tables equal the in-memory verbs on the same
documents, in one process and on a 2-worker LocalCluster; re-runs resume; bad input is reported, not fatal."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import watchwords as ww
from watchwords.scale import plan_partitions

KEYNESS = ("state media", ["mainstream media", "aggregator"])
# The synthetic corpus has Russian reports; each in-memory verb says once that it left them out (test_languages.py
# checks that warning), here it would only repeat itself.
pytestmark = pytest.mark.filterwarnings("ignore:.*left out .* in (Russian|English):UserWarning")


@pytest.fixture(scope="module")
def documents() -> pd.DataFrame:
    frame = pd.DataFrame(list(ww.synthetic_documents(120, seed=5)))
    frame.attrs["kind"] = "corpus"
    return frame


@pytest.fixture(scope="module")
def source(documents: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scale")
    documents.iloc[:70].to_json(folder / "a.jsonl", orient="records", lines=True, force_ascii=False)
    documents.iloc[70:].to_parquet(folder / "b.parquet", index=False)
    return folder


def run(source: Path, out: Path, **options) -> pd.DataFrame:
    return ww.analyze([source / "a.jsonl", source / "b.parquet"], out=out, documents_per_partition=25,
                      nodes=["cameras", "facial recognition"], keyness=KEYNESS, by=["outlet_type", "all"],
                      progress=False, **options)


@pytest.fixture(scope="module")
def single(source: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    out = tmp_path_factory.mktemp("single")
    return out, run(source, out, workers=0)


def equal(expected: pd.DataFrame, found: pd.DataFrame) -> None:
    """Values equal exactly (Parquet may store strings with another dtype)."""
    assert len(expected) > 0
    pd.testing.assert_frame_equal(expected.reset_index(drop=True), found.reset_index(drop=True), check_dtype=False,
                                  check_exact=True, check_column_type=False, check_index_type=False)


def test_plan_cuts_files_into_partitions(source: Path) -> None:
    parts = plan_partitions([source / "a.jsonl", source / "b.parquet"], documents_per_partition=25)
    assert [(p.kind, p.start, p.stop) for p in parts] == [
        ("jsonl", 0, 25), ("jsonl", 25, 50), ("jsonl", 50, 70), ("parquet", 0, 25), ("parquet", 25, 50)]
    assert plan_partitions(str(source / "*.jsonl"), documents_per_partition=100)[0].describe().endswith("rows 0..69")


@pytest.mark.parametrize("source_name", ["nothing.jsonl", "notes.txt", "*.nothing"])
def test_unknown_sources_are_one_clear_error(source: Path, source_name: str) -> None:
    (source / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="corpus source"):
        plan_partitions(source / source_name)


def test_reduced_tables_equal_the_in_memory_verbs(documents: pd.DataFrame, single: tuple[Path, pd.DataFrame]) -> None:
    out, summary = single
    assert summary["status"].tolist() == ["done"] * 5 and summary.attrs["documents"] == 120
    read = lambda name: pd.read_parquet(out / f"{name}.parquet")  # noqa: E731
    equal(ww.frequencies(documents, by="outlet_type"), read("frequencies_outlet_type"))
    equal(ww.frequencies(documents), read("frequencies_all"))
    whole = ww.frequencies(documents)
    english = int((documents["language"] == "en").sum())  # the run reads English; its Russian reports are left out
    assert 0 < english < len(documents)
    equal(whole[["term", "doc_freq"]].sort_values("term").assign(n_docs=english), read("document_frequencies"))
    expected = ww.keyness(documents, target={"outlet_type": KEYNESS[0]}, reference={"outlet_type": KEYNESS[1]},
                          min_docs=1)
    equal(expected, read("keyness"))
    equal(ww.collocates(documents, "cameras"), read("collocates_cameras"))
    equal(ww.collocates(documents, "facial recognition"), read("collocates_facial_recognition"))
    equal(ww.frame_profile(documents, by="outlet_type"), read("frame_profile_outlet_type"))
    relations = ww.attributions(documents).merge(documents[["doc_id", "outlet_type"]], on="doc_id")
    expected = relations.groupby(["outlet_type", "source_type"]).size().rename("relations").reset_index()
    equal(expected, read("source_types_outlet_type"))
    provenance = json.loads((out / "keyness.json").read_text(encoding="utf-8"))
    assert provenance["source"] == "watchwords.analyze" and provenance["partitions_done"] == 5


@pytest.mark.parametrize(("analysis", "verb"), [("frames", ww.frames), ("attributions", ww.attributions),
                                                ("sentences", ww.sentences), ("passives", ww.passives),
                                                ("labels", ww.actor_labels)])
def test_per_document_tables_equal_the_in_memory_verbs(documents: pd.DataFrame, single: tuple[Path, pd.DataFrame],
                                                       analysis: str, verb) -> None:
    out, _ = single
    found = pd.concat([pd.read_parquet(p) for p in sorted((out / analysis).glob("*.parquet"))], ignore_index=True)
    expected = verb(documents)
    assert list(found.columns) == list(expected.columns)
    equal(plain(expected), plain(found))


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells as text, nested sequences (content_spans: a list of (start, end)) as nested lists of ints."""
    import numpy as np

    def cell(value: object) -> str:
        if isinstance(value, (list, tuple, np.ndarray)):
            return str([[int(x) for x in span] for span in value])
        return str(value)

    return frame.apply(lambda column: column.map(cell))


def test_two_workers_give_the_single_process_tables(source: Path, single: tuple[Path, pd.DataFrame],
                                                    tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    out, _ = single
    summary = run(source, tmp_path, workers=2)
    assert (summary["status"] == "done").all()
    for table in sorted(out.glob("*.parquet")):
        pd.testing.assert_frame_equal(pd.read_parquet(table), pd.read_parquet(tmp_path / table.name))
    for table in sorted((out / "frames").glob("*.parquet")):
        pd.testing.assert_frame_equal(pd.read_parquet(table), pd.read_parquet(tmp_path / "frames" / table.name))


def test_a_rerun_skips_done_partitions_and_redoes_the_missing_one(source: Path, single: tuple[Path, pd.DataFrame],
                                                                 tmp_path: Path) -> None:
    out, _ = single
    first = run(source, tmp_path, workers=0, analyses=["token_counts"])
    before = pd.read_parquet(tmp_path / "frequencies_outlet_type.parquet")
    (tmp_path / "_done" / "part-00003.json").unlink()  # as if the run had stopped there
    again = run(source, tmp_path, workers=0, analyses=["token_counts"])
    assert again["status"].tolist() == ["skipped (done before)"] * 3 + ["done"] + ["skipped (done before)"]
    assert again.attrs["documents"] == first.attrs["documents"] == 120
    pd.testing.assert_frame_equal(before, pd.read_parquet(tmp_path / "frequencies_outlet_type.parquet"))
    equal(pd.read_parquet(out / "frequencies_outlet_type.parquet"), before)


def test_bad_rows_and_failing_partitions_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    good = {"doc_id": "g1", "text": "Police said the cameras work.", "outlet_type": "state media"}
    lines = [json.dumps(good), "{not json", json.dumps({"doc_id": "e1", "text": "  "}), json.dumps([1, 2])]
    (tmp_path / "rows.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "latin1.jsonl").write_bytes('{"doc_id": "x", "text": "caf\xe9"}'.encode("latin-1"))  # not UTF-8
    pd.DataFrame({"doc_id": ["c1"], "body": ["No text column here."]}).to_csv(tmp_path / "no_text.csv", index=False)
    out = tmp_path / "out"
    summary = ww.analyze([tmp_path / "rows.jsonl", tmp_path / "latin1.jsonl", tmp_path / "no_text.csv"], out=out,
                         workers=0, analyses=["token_counts"], progress=False)
    by_source = dict(zip(summary["source"].str.split(":").str[0].map(lambda s: Path(s).name), summary["status"]))
    assert by_source == {"rows.jsonl": "done", "latin1.jsonl": "failed", "no_text.csv": "failed"}
    done = json.loads((out / "_done" / "part-00000.json").read_text(encoding="utf-8"))
    assert [(b["row"], b["problem"].split(":")[0]) for b in done["bad_rows"]] == [
        (2, "not JSON"), (4, "not a JSON object"), (3, "no text")]
    failures = {p.name: json.loads(p.read_text(encoding="utf-8"))["error"] for p in (out / "_failed").glob("*.json")}
    assert "UnicodeDecodeError" in failures["part-00001.json"]
    assert "no column 'text'" in failures["part-00002.json"]
    assert pd.read_parquet(out / "frequencies_outlet_type.parquet")["term"].tolist()[:2] == ["cameras", "police"]
    # fixed input: the re-run retries only the failed partitions
    (tmp_path / "latin1.jsonl").write_text(json.dumps({"doc_id": "x", "text": "Cafe cameras."}), encoding="utf-8")
    again = ww.analyze([tmp_path / "rows.jsonl", tmp_path / "latin1.jsonl", tmp_path / "no_text.csv"], out=out,
                       workers=0, analyses=["token_counts"], progress=False)
    assert again["status"].tolist() == ["skipped (done before)", "done", "failed"]


def test_corpus_folder_source(seed_corpus: Path, tmp_path: Path) -> None:
    summary = ww.analyze(seed_corpus, out=tmp_path, workers=0, analyses=["token_counts", "frames"], progress=False)
    assert summary.attrs["documents"] == len(ww.load_corpus(seed_corpus))
    corpus = ww.load_corpus(seed_corpus)
    equal(ww.frequencies(corpus, by="outlet_type"), pd.read_parquet(tmp_path / "frequencies_outlet_type.parquet"))


def test_unknown_analysis(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown \\['tokens'\\]"):
        ww.analyze(tmp_path, out=tmp_path / "o", analyses=["tokens"])


def test_synthetic_documents_are_reproducible_and_varied() -> None:
    first = list(ww.synthetic_documents(400, seed=2))
    assert list(ww.synthetic_documents(5, seed=2, start=100)) == first[100:105]
    assert first != list(ww.synthetic_documents(400, seed=3))
    assert {d["outlet_type"] for d in first} == set(ww.synthetic.OUTLET_TYPES)
    assert {d["language"] for d in first} == {"en", "ru"}
    english = pd.DataFrame([d for d in first if d["language"] == "en"])
    english.attrs["kind"] = "corpus"
    assert ww.frames(english)["frame"].nunique() >= 8  # every frame's wording occurs
    assert len(ww.attributions(english)) > len(english)  # quotations and reported speech in every report


def test_command_line_synthesize_and_analyze(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from watchwords.cli import main

    source = tmp_path / "s.jsonl"
    assert main(["synthesize", "--documents", "60", "--out", str(source)]) == 0
    assert main(["synthesize", "--documents", "5", "--out", str(source)]) == 1
    assert "exists; pass --force" in capsys.readouterr().err
    assert main(["analyze", "--corpus", str(source), "--out", str(tmp_path / "o"), "--workers", "0",
                 "--analyses", "token_counts", "--by", "month", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("analyze: 60 documents in 1 partition(s), 0 failed") and "frequencies_month" in out
    assert main(["analyze", "--corpus", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err.strip() == f"error: corpus source {tmp_path / 'none.jsonl'}: no such file or folder"


def test_a_russian_run_reads_only_the_russian_reports(documents: pd.DataFrame, source: Path, tmp_path: Path) -> None:
    """language="ru": every table holds the Russian reports alone, equal to the in-memory verbs with language="ru"."""
    summary = ww.analyze([source / "a.jsonl", source / "b.parquet"], out=tmp_path, documents_per_partition=25,
                         analyses=["token_counts", "frames", "attributions"], by=["all"], language="ru",
                         progress=False, workers=0)
    assert summary["status"].tolist() == ["done"] * 5
    read = lambda name: pd.read_parquet(tmp_path / f"{name}.parquet")  # noqa: E731
    equal(ww.frequencies(documents, language="ru"), read("frequencies_all"))
    profile = read("frame_profile_all")
    equal(ww.frame_profile(documents, language="ru"), profile.drop(columns="group"))  # by "all": one group
    russian = set(documents.loc[documents["language"] == "ru", "doc_id"])
    frames = pd.read_parquet(tmp_path / "frames")
    assert set(frames["doc_id"]) <= russian and len(frames)
    assert any("left out" in w and "in English" in w for w in summary.attrs["warnings"])
