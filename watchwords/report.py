"""The main job: execute every notebook top to bottom and write an HTML report.

``python -m watchwords report`` runs each ``notebooks/NN-slug.ipynb`` in order with nbclient
(kernel working directory: the notebooks folder; the corpus folder passed to the kernel in the
environment variable ``WATCHWORDS_CORPUS``), renders each executed notebook to HTML with
nbconvert and writes ``reports/index.html`` linking them, with the corpus summary. The
notebooks in the repository are never written to: executed copies exist only in the report.
A notebook that fails is still rendered up to the failing cell and marked as failed.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import platform
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from . import __version__
from ._io import atomic_write_text

__all__ = ["notebook_paths", "execute_notebook", "build_report"]


def notebook_paths(folder: str | Path = "notebooks") -> list[Path]:
    """The numbered notebooks ``NN-slug.ipynb`` of a folder, in order (solutions excluded)."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb") if p.is_file())


def execute_notebook(path: str | Path, *, corpus: str | Path = "corpus", timeout: int = 600,
                     export: str | Path | None = None):  # type: ignore[no-untyped-def]
    """Execute a notebook in memory and return (executed notebook, error message or None).

    The kernel starts in the notebook's folder with ``WATCHWORDS_CORPUS`` set to the absolute
    corpus path, ``WATCHWORDS_EXPORT`` to the folder for exported figures and tables (a new
    temporary folder when ``export`` is None) and ``MPLBACKEND=Agg``; the file on disk is not
    modified.
    """
    import tempfile

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    export_dir = Path(export) if export is not None else Path(tempfile.mkdtemp(prefix="watchwords-export-"))
    env = dict(os.environ, WATCHWORDS_CORPUS=str(Path(corpus).resolve()), WATCHWORDS_EXPORT=str(export_dir.resolve()),
               MPLBACKEND="Agg")
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    try:
        client.execute(env=env)
    except CellExecutionError as exc:
        return notebook, str(exc).strip().splitlines()[-1] if str(exc).strip() else "cell failed"
    return notebook, None


def _title(notebook) -> str:  # type: ignore[no-untyped-def]
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Watchwords report</title>
<style>body{{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse}}td,th{{border-bottom:1px solid #ddd;padding:.3rem .8rem;text-align:left}}
.failed{{color:#b00020;font-weight:bold}}.ok{{color:#1b5e20}}small{{color:#555}}
figure{{display:inline-block;width:15rem;margin:.5rem;vertical-align:top}}figure img{{width:100%;border:1px solid #ddd}}
figcaption{{font-size:85%}}</style></head>
<body><h1>Watchwords report</h1>
<p>How the news framed Moscow's use of facial-recognition cameras to find conscripts (April 2023) and
related stories: every notebook executed top to bottom on the corpus present.</p>
<h2>Corpus</h2><p>{corpus_line}</p>
<h2>Notebooks</h2>
<table><tr><th>#</th><th>Notebook</th><th>Status</th><th>Seconds</th></tr>
{rows}
</table>
<h2>Key figures</h2>
<p>Every figure the notebooks draw, with the data behind it (CSV) and its provenance (JSON: corpus hash, function
and parameters, library versions, time).</p>
{figures}
<p><small>Generated {when} by Watchwords {version} (Python {python}). Corpus hash {corpus_hash}.</small></p>
</body></html>
"""


def build_report(
    *,
    notebooks: str | Path = "notebooks",
    corpus: str | Path = "corpus",
    out: str | Path = "reports",
    timeout: int = 600,
    only: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Execute the notebooks and write ``out/index.html`` plus one HTML page per notebook.

    Returns:
        DataFrame with columns notebook, title, html (file name), status ("ok" or "failed"),
        error, seconds.
    """
    from nbconvert import HTMLExporter

    from .corpus import CorpusError, load_corpus

    out = Path(out)
    exporter = HTMLExporter()
    records = []
    for path in notebook_paths(notebooks):
        if only and path.stem not in only and path.name not in only:
            continue
        started = dt.datetime.now()
        executed, error = execute_notebook(path, corpus=corpus, timeout=timeout, export=out / "figures")
        seconds = (dt.datetime.now() - started).total_seconds()
        body, _ = exporter.from_notebook_node(executed)
        name = path.stem + ".html"
        atomic_write_text(out / name, body)
        records.append({"notebook": path.name, "title": _title(executed), "html": name,
                        "status": "failed" if error else "ok", "error": error or "", "seconds": round(seconds, 1)})
    frame = pd.DataFrame(records, columns=["notebook", "title", "html", "status", "error", "seconds"])
    try:
        loaded = load_corpus(corpus)
        corpus_line = (f"{len(loaded)} document(s) with text present of {loaded.attrs['n_manifest_rows']} listed in "
                       f"the manifest ({loaded.attrs['n_manifest_rows'] - len(loaded)} still to fetch).")
        corpus_hash = loaded.attrs["corpus_hash"][:12]
    except (CorpusError, OSError) as exc:  # the report must still say what went wrong
        corpus_line, corpus_hash = f"The corpus could not be loaded: {html.escape(str(exc))}", "n/a"
    rows = "\n".join(
        f'<tr><td>{i + 1}</td><td><a href="{html.escape(r.html)}">{html.escape(r.title or r.notebook)}</a></td>'
        f'<td class="{r.status}">{r.status}{": " + html.escape(r.error) if r.error else ""}</td><td>{r.seconds}</td></tr>'
        for i, r in enumerate(frame.itertuples()))
    figures = []
    for sidecar in sorted((out / "figures").glob("*.json")):
        record = json.loads(sidecar.read_text(encoding="utf-8"))
        files = record.get("files", {})
        if "png" not in files:
            continue
        stem = html.escape(sidecar.stem)
        title = html.escape(str(record.get("parameters", {}).get("title") or ""))
        label = f"{stem}: {title}" if title else stem
        figures.append(f'<figure><a href="figures/{stem}.png"><img src="figures/{stem}.png" alt="{label}"></a>'
                       f'<figcaption>{label}. <a href="figures/{stem}.csv">data (CSV)</a> · '
                       f'<a href="figures/{stem}.json">provenance</a></figcaption></figure>')
    atomic_write_text(out / "index.html", _PAGE.format(
        corpus_line=corpus_line, rows=rows, figures="\n".join(figures) or "<p>No figure was exported.</p>",
        when=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__, python=platform.python_version(), corpus_hash=corpus_hash))
    frame.attrs.update(out=str(out), corpus=str(corpus))
    return frame
