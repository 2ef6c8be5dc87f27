"""Tests of watchwords.export: figures and tables saved with their data and a provenance sidecar."""

from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import watchwords as ww  # noqa: E402


def test_export_figure_with_data_and_provenance(seed_corpus, tmp_path) -> None:
    corpus = ww.load_corpus(seed_corpus)
    ax = ww.plot_keyness(ww.keyness_table({"a": 30, "b": 1}, {"a": 5, "b": 20}, target_size=100, reference_size=100))
    written = ww.export(ax, "keyness", out=tmp_path, corpus=corpus)
    assert sorted(written) == ["csv", "json", "png"]
    assert (tmp_path / "keyness.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = pd.read_csv(tmp_path / "keyness.csv")
    assert data.term.tolist() == ["b", "a"]  # the bars drawn, bottom to top
    record = json.loads((tmp_path / "keyness.json").read_text(encoding="utf-8"))
    assert record["function"] == "watchwords.plot_keyness"
    assert record["parameters"] == {"top": 10, "measure": "g2"}
    assert record["corpus_hash"] == corpus.attrs["corpus_hash"]
    assert record["watchwords_version"] == ww.__version__
    assert set(record["libraries"]) == {"python", "pandas", "nltk", "matplotlib", "numpy"}
    assert record["files"] == {"png": "keyness.png", "csv": "keyness.csv"} and record["rows"] == 2
    plt.close("all")


def test_export_table(tmp_path) -> None:
    table = ww.frequencies("The cameras. The cameras watch.")
    written = ww.export(table, "freq", out=tmp_path)
    assert sorted(written) == ["csv", "json"]
    record = json.loads((tmp_path / "freq.json").read_text(encoding="utf-8"))
    assert record["function"] == "watchwords.frequencies" and record["rows"] == 3


def test_export_refuses_bad_input(tmp_path) -> None:
    with pytest.raises(ValueError, match="name='../x'"):
        ww.export(pd.DataFrame(), "../x", out=tmp_path)
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match="pass an Axes returned by a watchwords.plot_"):
        ww.export(ax, "plain", out=tmp_path)
    plt.close(fig)
