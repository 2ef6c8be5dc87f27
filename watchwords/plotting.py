"""Plots. Each function takes ``ax=None`` (a new figure if None), returns the Axes and never calls
``show()``; the data drawn is the DataFrame passed in, so every mark can be traced to its rows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_timeline", "plot_composition", "plot_keyness", "plot_dispersion", "plot_collocation_network",
           "plot_frame_shares", "plot_frame_trend",
           "plot_attribution_chains", "plot_heatmap"]


def _remember(ax: Axes, data: pd.DataFrame, function: str, **params: Any) -> Axes:
    """Attach the data drawn and the call to the Axes (``ax.watchwords``), for :func:`watchwords.export`."""
    record = {"data": data.reset_index(drop=True), "function": f"watchwords.{function}",
              "parameters": {k: (v if isinstance(v, (int, float, str, bool, type(None))) else str(v))
                             for k, v in params.items()},
              "corpus_hash": data.attrs.get("corpus_hash")}
    setattr(ax, "watchwords", record)  # read back by watchwords.export
    return ax


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_timeline(manifest: pd.DataFrame, *, by: str = "cluster", labels: dict[str, str] | None = None,
                  ax: Axes | None = None) -> Axes:
    """One dot per document at its publication date, one row per value of ``by``.

    Only complete dates (``published`` not NaT, from ``load_manifest``) can be placed; the
    number of documents with partial or unknown dates is given in the title, never guessed.
    Filled dots have their text present, hollow dots are still to fetch. Documents of one row
    and one date are stacked upwards (none hides another) and their number is written beside the
    stack. ``labels`` maps a value of ``by`` to a description for the row label (e.g. what a
    cluster letter stands for); values without a label are shown as they are.
    """
    labels = labels or {}
    dated = manifest[manifest["published"].notna()]
    groups = sorted(str(g) for g in manifest[by].dropna().unique())
    stacks = dated.groupby([dated[by].astype(str), "published"]).size()
    tallest = int(stacks.max()) if len(stacks) else 1
    step = 0.8 / max(tallest, 1)
    ax = _axes(ax, (9, 1.2 + 1.1 * max(1, len(groups))))
    for row_number, group in enumerate(groups):
        part = dated[dated[by].astype(str) == group].sort_values(["published", "doc_id"])
        level = part.groupby("published").cumcount()
        y = row_number - 0.4 + step / 2 + level * step
        present = part["status"].astype(str).isin(["present", "fetched"])
        ax.scatter(part.loc[present, "published"], y[present], s=30, color=f"C{row_number}")
        ax.scatter(part.loc[~present, "published"], y[~present], s=30, facecolors="none", edgecolors=f"C{row_number}")
        for date, count in part.groupby("published").size().items():
            if count > 1:
                ax.annotate(f"{count}", (date, row_number - 0.4 + count * step), xytext=(4, 0),
                            textcoords="offset points", fontsize=8, va="center")
    import textwrap

    ax.set_yticks(range(len(groups)), ["\n".join(textwrap.wrap(f"{by} {g}" + (f": {labels[g]}" if g in labels else ""), 26))
                                       for g in groups])
    ax.set_ylim(-0.5, len(groups) - 0.5)
    undated = len(manifest) - len(dated)
    ax.set_title(f"Documents by date ({len(dated)} dated; {undated} with a partial or unknown date not shown)")
    ax.set_xlabel("publication date (filled: text present; hollow: to fetch; number: documents on that day)")
    return _remember(ax, dated[["doc_id", by, "published", "status"]].astype({by: str, "status": str}), "plot_timeline", by=by)


def plot_composition(manifest: pd.DataFrame, *, by: str = "outlet_type", hue: str = "cluster", ax: Axes | None = None) -> Axes:
    """Horizontal stacked bars: number of documents per value of ``by``, split by ``hue``."""
    ax = _axes(ax, (8, 4))
    table = pd.crosstab(manifest[by].astype(str), manifest[hue].astype(str))
    table = table.loc[table.sum(axis=1).sort_values().index]
    table.plot.barh(stacked=True, ax=ax, width=0.7)
    ax.set_xlabel("documents")
    ax.set_ylabel(by.replace("_", " "))
    ax.set_title(f"Documents by {by.replace('_', ' ')} and {hue.replace('_', ' ')} (n = {len(manifest)})")
    ax.legend(title=hue.replace("_", " "), loc="lower right")
    return _remember(ax, table.reset_index(), "plot_composition", by=by, hue=hue)


def plot_keyness(table: pd.DataFrame, *, top: int = 10, measure: str = "g2", ax: Axes | None = None) -> Axes:
    """Diverging bar chart: the ``top`` most positive and ``top`` most negative key terms.

    Bars to the right are terms the target over-uses, to the left terms it under-uses; the
    bar length is ``measure`` (signed G² by default, or "log_ratio"). Uses the rows of a
    :func:`watchwords.keyness_table` / :func:`watchwords.keyness` result as given.
    """
    if measure not in table.columns:
        raise ValueError(f"measure={measure!r}: the table has no such column")
    ax = _axes(ax, (7, 0.35 * 2 * top + 1))
    above, below = table[table["g2"] > 0], table[table["g2"] < 0]
    positive = above.sort_values([measure, "term"], ascending=[False, True]).head(top)
    negative = below.sort_values([measure, "term"], ascending=[True, True]).head(top)
    # terms left out that have the same value as the last one shown: the cut falls inside a tie
    tied = sum(int(((rest[measure] == part[measure].iloc[-1]) & ~rest.index.isin(part.index)).sum())
               for rest, part in ((above, positive), (below, negative)) if len(part))
    shown = pd.concat([negative.iloc[::-1], positive.iloc[::-1]])
    colors = ["#b2182b" if v > 0 else "#2166ac" for v in shown[measure]]
    ax.barh(range(len(shown)), shown[measure], color=colors)
    ax.set_yticks(range(len(shown)), shown["term"])
    ax.axvline(0, color="black", linewidth=0.8)
    label = "signed log-likelihood G²" if measure == "g2" else measure.replace("_", " ")
    ax.set_xlabel(f"{label} (right: more in target; left: more in reference)")
    sides = [f"{len(positive)} most positive" if len(positive) else "no positive key term",
             f"{len(negative)} most negative" if len(negative) else "no negative key term"]
    tie_note = f"; {tied} more tied with the last shown, ordered alphabetically" if tied else ""
    ax.set_title(f"Key terms: {', '.join(sides)} (by {measure.replace('_', ' ')}{tie_note})", fontsize=10)
    return _remember(ax, shown, "plot_keyness", top=top, measure=measure)


def plot_dispersion(tokens_table: pd.DataFrame, terms: list[str], *, ax: Axes | None = None) -> Axes:
    """Dispersion plot (as AntConc's Plot tool): one row per document, a tick where a term occurs.

    The x position is the token's position in its document, from 0 (start) to 1 (end), taken
    from a :func:`watchwords.tokens` table (``norm`` is matched); each term has its colour.
    """
    ax = _axes(ax, (9, 0.45 * max(1, tokens_table["doc_id"].nunique()) + 1.2))
    docs = list(dict.fromkeys(tokens_table["doc_id"]))
    position = tokens_table.groupby("doc_id", sort=False).cumcount()
    length = tokens_table.groupby("doc_id", sort=False)["norm"].transform("size")
    relative = position / length.where(length > 1, 2).sub(1).clip(lower=1)
    for index, term in enumerate(terms):
        hits = tokens_table["norm"] == term.lower()
        rows = tokens_table.loc[hits, "doc_id"].map({d: i for i, d in enumerate(docs)})
        offset = (index - (len(terms) - 1) / 2) * 0.8 / max(1, len(terms))
        ax.scatter(relative[hits], rows + offset, marker="|", s=200, color=f"C{index}", label=f"{term} ({int(hits.sum())})")
    ax.set_yticks(range(len(docs)), docs)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the document (0 = start, 1 = end)")
    ax.set_title("Where the terms occur")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    drawn = tokens_table.assign(position=relative)[tokens_table["norm"].isin([t.lower() for t in terms])]
    return _remember(ax, drawn[["doc_id", "sent_id", "norm", "start", "end", "position"]], "plot_dispersion",
                     terms=", ".join(terms))


def plot_collocation_network(collocates_table: pd.DataFrame, *, measure: str = "log_dice", top: int = 12,
                             ax: Axes | None = None) -> Axes:
    """Collocation network (after Brezina, McEnery & Wattam's GraphColl): nodes in the middle,
    their ``top`` collocates around them, nearer the stronger the association.

    Accepts one or more :func:`watchwords.collocates` tables concatenated (column ``node``);
    a collocate shared by several nodes is drawn once, between them.
    """
    import math

    ax = _axes(ax, (8, 8))
    nodes = list(dict.fromkeys(collocates_table["node"]))
    centres = {node: (math.cos(2 * math.pi * i / len(nodes)) * (0.9 if len(nodes) > 1 else 0),
                      math.sin(2 * math.pi * i / len(nodes)) * (0.9 if len(nodes) > 1 else 0)) for i, node in enumerate(nodes)}
    strongest = pd.concat([g.nlargest(top, measure) for _, g in collocates_table.groupby("node", sort=False)])
    values = strongest[measure].astype(float)
    low, high = float(values.min()), float(values.max())
    placed: dict[str, tuple[float, float]] = {}
    for node, group in strongest.groupby("node", sort=False):
        cx, cy = centres[node]
        for k, row in enumerate(group.itertuples(index=False)):
            strength = 1.0 if high == low else (getattr(row, measure) - low) / (high - low)
            radius = 1.6 - 0.9 * strength
            angle = 2 * math.pi * k / max(1, len(group)) + 0.3
            point = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
            if row.collocate in placed:  # shared collocate: move it between its nodes
                old = placed[row.collocate]
                point = ((old[0] + cx) / 2, (old[1] + cy) / 2)
            placed[row.collocate] = point
    for row in strongest.itertuples(index=False):
        x, y = placed[row.collocate]
        cx, cy = centres[row.node]
        strength = 0 if high == low else (getattr(row, measure) - low) / (high - low)
        ax.plot([cx, x], [cy, y], color="#999999", linewidth=0.6 + 2.4 * strength, zorder=1)
    for collocate, (x, y) in placed.items():
        ax.text(x, y, collocate, ha="center", va="center", fontsize=9, zorder=3,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "#cccccc"})
    for node, (cx, cy) in centres.items():
        ax.text(cx, cy, node, ha="center", va="center", fontsize=11, fontweight="bold", zorder=4,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "#fde0dd", "edgecolor": "#c51b8a"})
    xs = [x for x, _ in placed.values()] + [x for x, _ in centres.values()]
    ys = [y for _, y in placed.values()] + [y for _, y in centres.values()]
    ax.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
    ax.set_ylim(min(ys) - 0.3, max(ys) + 0.3)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"Collocation network ({measure.replace('_', ' ')}; nearer and thicker = stronger)")
    return _remember(ax, strongest, "plot_collocation_network", measure=measure, top=top)


def plot_attribution_chains(chains: pd.DataFrame, *, title: str = "Who cites whom: the chain of sources",
                            ax: Axes | None = None) -> Axes:
    """The chain of sources as a left-to-right graph: who cites whom (from ``attribution_chains``).

    Each name is placed in the column of its distance from the first citing party (outlet →
    wire service → agency → official); arrows carry the cue ("republishes", "reported",
    "citing", "told"). Several documents are drawn together; shared names are drawn once. Any
    table with columns citing, cited, cue can be drawn, e.g. :func:`watchwords.derivations`.
    """
    ax = _axes(ax, (10, 4))
    depth: dict[str, int] = {}
    for citing, cited in zip(chains["citing"], chains["cited"]):
        depth.setdefault(citing, 0)
        depth[cited] = max(depth.get(cited, 0), depth[citing] + 1)
    for _ in range(len(depth)):  # settle depths along longer paths
        for citing, cited in zip(chains["citing"], chains["cited"]):
            if depth[cited] < depth[citing] + 1 <= len(depth):
                depth[cited] = depth[citing] + 1
    columns: dict[int, list[str]] = {}
    for name, level in depth.items():
        columns.setdefault(level, []).append(name)
    position = {}
    for level, names in columns.items():
        for k, name in enumerate(names):
            position[name] = (level, -(k - (len(names) - 1) / 2))
    for name, (x, y) in position.items():
        ax.text(x, y, name, ha="center", va="center", fontsize=9, zorder=3,
                bbox={"boxstyle": "round,pad=0.3", "facecolor": "#e0ecf4", "edgecolor": "#8c96c6"})
    for citing, cited, cue in zip(chains["citing"], chains["cited"], chains["cue"]):
        (x1, y1), (x2, y2) = position[citing], position[cited]
        # the line from box to box, with the arrow head placed mid-way so no label box hides it
        ax.plot([x1, x2], [y1, y2], color="#555555", linewidth=1.2, zorder=1)
        mx, my = x1 + 0.6 * (x2 - x1), y1 + 0.6 * (y2 - y1)
        ax.annotate("", xy=(mx, my), xytext=(x1 + 0.5 * (x2 - x1), y1 + 0.5 * (y2 - y1)), zorder=2,
                    arrowprops={"arrowstyle": "-|>", "color": "#555555", "linewidth": 1.2, "mutation_scale": 16})
        ax.text((x1 + x2) / 2, (y1 + y2) / 2 + 0.12, str(cue), ha="center", fontsize=8, color="#555555")
    ax.set_xlim(-0.6, max(depth.values(), default=0) + 0.6)
    ys = [y for _, y in position.values()] or [0]
    ax.set_ylim(min(ys) - 0.8, max(ys) + 0.8)
    ax.axis("off")
    ax.set_title(title)
    return _remember(ax, chains, "plot_attribution_chains", title=title)


def plot_heatmap(table: pd.DataFrame, *, title: str = "", fmt: str = "{:.2f}", cmap: str = "Blues", ax: Axes | None = None) -> Axes:
    """A table of numbers (rows × columns, e.g. a ``pd.crosstab`` or a pivot of ``frame_profile``) as a heatmap
    with each value written in its cell. Used for frame profiles per document or outlet type, frames by
    position in the article, frames by voice and label choice per outlet type."""
    ax = _axes(ax, (1.2 + 0.9 * max(1, table.shape[1]), 1.0 + 0.45 * max(1, table.shape[0])))
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=cmap, aspect="auto", vmin=0)
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=35, ha="right")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    top = values.max() if values.size else 0
    for r in range(table.shape[0]):
        for c in range(table.shape[1]):
            value = values[r, c]
            ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=8,
                    color="white" if top and value > 0.6 * top else "black")
    ax.figure.colorbar(image, ax=ax, shrink=0.8)
    ax.set_title(title)
    return _remember(ax, table.reset_index(), "plot_heatmap", title=title)


def plot_frame_shares(profile: pd.DataFrame, *, validation: pd.DataFrame | None = None, min_docs: int = 5,
                      ax: Axes | None = None) -> Axes:
    """Frame shares per group with their uncertainty: one bar per group and frame, with the bootstrap interval
    (``share_low``-``share_high`` of :func:`watchwords.frame_profile` with ``n_boot``) as an error bar.

    Every frame of the profile is drawn, zeros included. The legend gives each group's number of documents;
    a group with fewer than ``min_docs`` documents is hatched and named as descriptive only, and the title says
    so. With ``validation`` (a :func:`watchwords.validate_frames` table), each frame's label carries its
    held-out precision and recall, so a share is never read without the measure's error.
    """
    ax = _axes(ax, (9, 1.5 + 0.55 * profile["frame"].nunique()))
    group_column = next((c for c in profile.columns if c not in ("frame", "n_docs", "n_units", "n_with", "share",
                                                                  "rate_per_1000", "share_low", "share_high")), None)
    table = profile.assign(_group=profile[group_column].astype(str) if group_column else "all")
    frames = list(dict.fromkeys(table["frame"]))
    groups = list(dict.fromkeys(table["_group"]))
    height = 0.8 / max(1, len(groups))
    scores = validation.set_index("frame") if validation is not None else None
    small = []
    for k, group in enumerate(groups):
        part = table[table["_group"] == group].set_index("frame").reindex(frames)
        n_docs = int(part["n_docs"].iloc[0]) if "n_docs" in part else 0
        positions = [i + (k - (len(groups) - 1) / 2) * height for i in range(len(frames))]
        errors = None
        if "share_low" in part:
            errors = [(part["share"] - part["share_low"]).clip(lower=0).to_numpy(),
                      (part["share_high"] - part["share"]).clip(lower=0).to_numpy()]
        few = n_docs < min_docs
        if few:
            small.append(group)
        label = f"{group} (n = {n_docs} doc{'s' if n_docs != 1 else ''}{'; descriptive only' if few else ''})"
        ax.barh(positions, part["share"].fillna(0), height=height * 0.95, xerr=errors, color=f"C{k}",
                hatch="//" if few else None, alpha=0.6 if few else 1.0, label=label, capsize=2,
                error_kw={"elinewidth": 0.8})
    labels = []
    for frame in frames:
        if scores is not None and frame in scores.index:
            p, r = scores.loc[frame, "precision"], scores.loc[frame, "recall"]
            labels.append(f"{frame}\n(held-out P {p:.2f}, R {r:.2f})")
        else:
            labels.append(frame)
    ax.set_yticks(range(len(frames)), labels, fontsize=8)
    ax.set_ylim(len(frames) - 0.5, -0.5)
    ax.set_xlabel("share of sentences with the frame (bars: 95% bootstrap interval over documents)")
    title = "Frame shares by group"
    if small:
        title += f": {len(small)} group(s) with fewer than {min_docs} documents, read as description only"
    ax.set_title(title, fontsize=10)
    ax.legend(loc="lower right", fontsize=8)
    return _remember(ax, table.drop(columns="_group"), "plot_frame_shares", min_docs=min_docs)


def plot_frame_trend(profile: pd.DataFrame, *, by: str, min_docs: int = 5, ax: Axes | None = None) -> Axes:
    """Frame shares along an ordered group (months, weeks): one line per frame over the values of ``by``, sorted.

    ``profile`` is a :func:`watchwords.frame_profile` table grouped by ``by`` (also as written by
    :func:`watchwords.analyze`, ``frame_profile_<by>``). The x labels give each point's number of documents; a point
    with fewer than ``min_docs`` documents is drawn hollow, as description only.
    """
    ax = _axes(ax, (9, 4.5))
    table = profile.assign(_x=profile[by].astype(str)).sort_values(["_x", "frame"])
    order = list(dict.fromkeys(table["_x"]))
    documents = table.groupby("_x")["n_docs"].first().reindex(order)
    for k, (frame, part) in enumerate(table.groupby("frame", sort=True)):
        part = part.set_index("_x").reindex(order)
        positions = list(range(len(order)))
        few = (documents < min_docs).to_numpy()
        ax.plot(positions, part["share"], color=f"C{k % 10}", label=frame, linewidth=1.4)
        ax.scatter([p for p, f in zip(positions, few) if not f], part["share"][~few], color=f"C{k % 10}", s=14)
        ax.scatter([p for p, f in zip(positions, few) if f], part["share"][few], facecolors="none",
                   edgecolors=f"C{k % 10}", s=14)
    ax.set_xticks(range(len(order)), [f"{x}\n(n = {int(n)})" for x, n in zip(order, documents)], fontsize=8)
    ax.set_ylabel("share of sentences with the frame")
    ax.set_title(f"Frame shares by {by} (n = documents; hollow points: fewer than {min_docs})", fontsize=10)
    ax.legend(fontsize=7, ncol=2, loc="upper left", bbox_to_anchor=(1.01, 1))
    return _remember(ax, table.drop(columns="_x"), "plot_frame_trend", by=by, min_docs=min_docs)
