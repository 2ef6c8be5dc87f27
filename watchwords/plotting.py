"""Plots. Each function takes ``ax=None`` (a new figure if None), returns the Axes and never calls
``show()``; the data drawn is the DataFrame passed in, so every mark can be traced to its rows."""

from __future__ import annotations

import pandas as pd

__all__ = ["plot_timeline", "plot_composition"]


def _axes(ax, figsize: tuple[float, float]):  # type: ignore[no-untyped-def]
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_timeline(manifest: pd.DataFrame, *, by: str = "cluster", ax=None):  # type: ignore[no-untyped-def]
    """One dot per document at its publication date, one row per value of ``by``.

    Only complete dates (``published`` not NaT, from ``load_manifest``) can be placed; the
    number of documents with partial or unknown dates is given in the title, never guessed.
    Filled dots have their text present, hollow dots are still to fetch.
    """
    ax = _axes(ax, (9, 3))
    dated = manifest[manifest["published"].notna()]
    groups = sorted(str(g) for g in manifest[by].dropna().unique())
    for row_number, group in enumerate(groups):
        part = dated[dated[by].astype(str) == group]
        present = part["status"].astype(str).isin(["present", "fetched"])
        ax.scatter(part.loc[present, "published"], [row_number] * int(present.sum()), s=40, color=f"C{row_number}",
                   label=f"{by} {group}")
        ax.scatter(part.loc[~present, "published"], [row_number] * int((~present).sum()), s=40, facecolors="none",
                   edgecolors=f"C{row_number}")
    ax.set_yticks(range(len(groups)), [f"{by} {g}" for g in groups])
    ax.set_ylim(-0.5, len(groups) - 0.5)
    undated = len(manifest) - len(dated)
    ax.set_title(f"Documents by date ({len(dated)} dated; {undated} with a partial or unknown date not shown)")
    ax.set_xlabel("publication date (filled: text present; hollow: to fetch)")
    return ax


def plot_composition(manifest: pd.DataFrame, *, by: str = "outlet_type", hue: str = "cluster", ax=None):  # type: ignore[no-untyped-def]
    """Horizontal stacked bars: number of documents per value of ``by``, split by ``hue``."""
    ax = _axes(ax, (8, 4))
    table = pd.crosstab(manifest[by].astype(str), manifest[hue].astype(str))
    table = table.loc[table.sum(axis=1).sort_values().index]
    table.plot.barh(stacked=True, ax=ax, width=0.7)
    ax.set_xlabel("documents")
    ax.set_ylabel(by.replace("_", " "))
    ax.set_title(f"Documents by {by.replace('_', ' ')} and {hue.replace('_', ' ')} (n = {len(manifest)})")
    ax.legend(title=hue.replace("_", " "), loc="lower right")
    return ax
