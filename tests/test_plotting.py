"""Smoke tests of watchwords.plotting: Axes returned, labels and marks as documented, no show()."""

from __future__ import annotations

import matplotlib
import pandas as pd

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import watchwords as ww  # noqa: E402
from tests.conftest import manifest_row  # noqa: E402


@pytest.fixture(scope="module")
def manifest(seed_corpus):
    return ww.load_manifest(seed_corpus)


def test_plot_timeline(manifest, monkeypatch) -> None:
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("show() called"))
    ax = ww.plot_timeline(manifest)
    assert isinstance(ax, matplotlib.axes.Axes)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["cluster A", "cluster B", "cluster C"]
    assert ax.get_title() == "Documents by date (35 dated; 34 with a partial or unknown date not shown)"
    placed = sum(len(c.get_offsets()) for c in ax.collections)
    assert placed == 35
    plt.close(ax.figure)


def test_plot_composition_uses_given_axes(manifest) -> None:
    fig, given = plt.subplots()
    ax = ww.plot_composition(manifest, by="outlet_type", hue="cluster", ax=given)
    assert ax is given
    assert ax.get_title() == "Documents by outlet type and cluster (n = 69)"
    widths = sum(p.get_width() for p in ax.patches)
    assert widths == 69
    plt.close(fig)


@pytest.fixture(scope="module")
def seed(seed_corpus):
    return ww.load_corpus(seed_corpus)


def test_plot_keyness_diverging() -> None:
    table = ww.keyness_table({"up1": 30, "up2": 20, "down": 1}, {"up1": 5, "up2": 5, "down": 50},
                             target_size=1_000, reference_size=1_000)
    ax = ww.plot_keyness(table, top=5)
    widths = [p.get_width() for p in ax.patches]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["down", "up2", "up1"]
    assert widths[0] < 0 < widths[1] < widths[2]
    assert ax.get_title() == "Key terms: 2 most positive, 1 most negative (by g2)"
    with pytest.raises(ValueError, match="measure='z'"):
        ww.plot_keyness(table, measure="z")
    plt.close("all")


@pytest.mark.parametrize(
    ("target", "n", "labels", "title"),
    [
        # a tie at the cut: b and c have the same counts, only one fits, the title says so
        ({"a": 30, "b": 20, "c": 20}, 2, ["b", "a"],
         "Key terms: 2 most positive, no negative key term (by g2; 1 more tied with the last shown, ordered "
         "alphabetically)"),
        # nothing under-used: no "top 0 negative"
        ({"a": 30}, 5, ["a"], "Key terms: 1 most positive, no negative key term (by g2)"),
    ],
)
def test_plot_keyness_titles_ties_and_empty_sides(target, n, labels, title) -> None:
    table = ww.keyness_table(target, {k: 1 for k in target}, target_size=1_000, reference_size=1_000)
    ax = ww.plot_keyness(table, top=n)
    assert [t.get_text() for t in ax.get_yticklabels()] == labels
    assert ax.get_title() == title
    plt.close("all")


def test_plot_timeline_stacks_same_day_documents() -> None:
    manifest = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "cluster": ["A", "A", "A", "B"],
                             "published": pd.to_datetime(["2023-04-18", "2023-04-18", "2023-04-19", "2023-04-18"]),
                             "status": ["present", "to fetch", "present", "present"]})
    ax = ww.plot_timeline(manifest, labels={"A": "the story"})
    points = [tuple(xy) for c in ax.collections for xy in c.get_offsets()]
    assert len(points) == 4 and len(set(points)) == 4  # no dot hides another
    assert [t.get_text() for t in ax.texts] == ["2"]  # the one stack of two is counted
    assert [t.get_text() for t in ax.get_yticklabels()] == ["cluster A: the story", "cluster B"]
    plt.close("all")


def test_plot_dispersion_marks_every_occurrence(seed) -> None:
    table = ww.tokens(seed, drop_punct=True)
    ax = ww.plot_dispersion(table, ["cameras", "moscow"])
    counts = [len(c.get_offsets()) for c in ax.collections]
    assert counts == [3, 5]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["cameras (3)", "moscow (5)"]
    xs = ax.collections[0].get_offsets()[:, 0]
    assert 0 <= xs.min() and xs.max() <= 1
    plt.close("all")


def test_plot_collocation_network_draws_nodes_and_collocates(seed) -> None:
    table = ww.collocates(seed, "cameras", window=5, min_freq=1, stopwords="english")
    ax = ww.plot_collocation_network(table, top=4)
    labels = [t.get_text() for t in ax.texts]
    assert labels[-1] == "cameras" and len(labels) == 5
    assert set(labels[:-1]) == set(table.nlargest(4, "log_dice").collocate)
    plt.close("all")


def test_plot_attribution_chains(seed) -> None:
    chains = ww.attribution_chains(seed)
    ax = ww.plot_attribution_chains(chains)
    boxes = [t.get_text() for t in ax.texts if t.get_bbox_patch() is not None]
    assert sorted(boxes) == sorted(["The Jerusalem Post", "Reuters", "TASS", "Maxim Loktev",
                                    "Moscow Department of Information Technologies"])
    cues = [t.get_text() for t in ax.texts if t.get_bbox_patch() is None and t.get_text()]
    assert cues == chains.cue.tolist()
    assert len(ax.lines) == len(chains)
    plt.close("all")


def test_plot_heatmap_writes_every_value() -> None:
    import pandas as pd

    table = pd.DataFrame({"F1": [0.5, 0.0], "F2": [0.25, 1.0]}, index=["state media", "NGO"])
    ax = ww.plot_heatmap(table, title="Shares", fmt="{:.2f}")
    assert [t.get_text() for t in ax.texts] == ["0.50", "0.25", "0.00", "1.00"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["state media", "NGO"]
    assert ax.get_title() == "Shares" and ax.watchwords["data"].columns.tolist() == ["index", "F1", "F2"]
    plt.close("all")


def test_plot_frame_shares_carries_its_uncertainty(make_corpus) -> None:
    texts = {"a": "The law is clear. A court ruled.", "b": "Privacy matters.", "c": "The court met. Rain fell."}
    rows = [manifest_row("a", outlet_type="state media"), manifest_row("b", outlet_type="NGO"),
            manifest_row("c", outlet_type="state media")]
    corpus = ww.load_corpus(make_corpus(texts, rows=rows))
    profile = ww.frame_profile(corpus, by="outlet_type", n_boot=200, seed=0)
    validation = pd.DataFrame({"frame": ["F5 legality"], "precision": [0.71], "recall": [1.0]})
    ax = ww.plot_frame_shares(profile, validation=validation)
    bars = [p for p in ax.patches]
    assert len(bars) == 2 * 8  # two groups, every frame drawn (zeros included)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "F5 legality\n(held-out P 0.71, R 1.00)" in labels and "F1 security" in labels
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["NGO (n = 1 doc; descriptive only)", "state media (n = 2 docs; descriptive only)"]
    assert ax.get_title().startswith("Frame shares by group: 2 group(s) with fewer than 5 documents")
    state = profile[(profile.outlet_type == "state media") & (profile.frame == "F5 legality")].iloc[0]
    assert (state.n_docs, state.n_units, state.n_with) == (2, 4, 3)
    assert state.share_low <= state.share <= state.share_high
    plt.close("all")


def test_plot_frame_trend_draws_a_line_per_frame_in_order_of_the_group(monkeypatch) -> None:
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("show() called"))
    profile = pd.DataFrame({"month": ["2023-05", "2023-04", "2023-05", "2023-04"],
                            "frame": ["F1 security", "F1 security", "F2 privacy and rights", "F2 privacy and rights"],
                            "n_docs": [7, 3, 7, 3], "n_units": [70, 30, 70, 30], "n_with": [7, 6, 14, 0],
                            "share": [0.1, 0.2, 0.2, 0.0], "rate_per_1000": [1.0, 2.0, 2.0, 0.0]})
    ax = ww.plot_frame_trend(profile, by="month")
    assert [line.get_label() for line in ax.get_lines()] == ["F1 security", "F2 privacy and rights"]
    assert [line.get_ydata().tolist() for line in ax.get_lines()] == [[0.2, 0.1], [0.0, 0.2]]  # April first
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023-04\n(n = 3)", "2023-05\n(n = 7)"]
    hollow = [c for c in ax.collections if len(c.get_offsets()) and not c.get_facecolor().any()]
    assert sorted(tuple(c.get_offsets()[0]) for c in hollow) == [(0.0, 0.0), (0.0, 0.2)]  # April: 3 < 5 documents
    assert ax.get_title() == "Frame shares by month (n = documents; hollow points: fewer than 5)"
    assert ax.watchwords["function"] == "watchwords.plot_frame_trend"
    plt.close(ax.figure)
