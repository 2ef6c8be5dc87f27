"""Smoke tests of watchwords.plotting: Axes returned, labels and marks as documented, no show()."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import watchwords as ww  # noqa: E402


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
