"""The main job: execute every notebook top to bottom and write an HTML report that works offline.

``python -m watchwords report`` runs each ``notebooks/NN-slug.ipynb`` in order, then each worked
solution in ``notebooks/solutions/``, with nbclient (kernel working directory: the notebook's
folder; the corpus folder passed to the kernel in the environment variable ``WATCHWORDS_CORPUS``,
the figure folder in ``WATCHWORDS_EXPORT``). Each executed notebook is rendered to HTML with
nbconvert, and ``reports/index.html`` links them, with the corpus summary and every exported
figure under its caption, in notebook order.

What a reader gets, and how it is made:

* Figures inline: the kernel draws with matplotlib's inline backend, so each plot is an image in
  the page (and also a PNG, CSV and JSON sidecar in ``reports/figures/`` through ``ww.export``).
* Maths offline: MathJax 2 is copied from the ``jupyter-server-mathjax`` package into
  ``reports/mathjax/`` and the pages load it from there, never from a CDN.
* Links that work: a link to ``NN-slug.ipynb`` becomes a link to the rendered ``NN-slug.html``;
  a link to a Markdown file of the repository (the glossary, the codebook) becomes a link to its
  rendering in ``reports/docs/``; any other relative link is rewritten to reach the same file from
  the report's folder.
* A quiet console: the kernel's own log lines (such as its warning about TCP transport) go to
  ``reports/kernel.log``, not the terminal.

The notebooks in the repository are never written to: executed copies exist only in the report.
A notebook that fails is still rendered up to the failing cell and marked as failed.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import platform
import re
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ._io import atomic_write_text
from ._version import __version__

__all__ = ["notebook_paths", "solution_paths", "execute_notebook", "exported_figures", "rewrite_links",
           "build_report"]

#: The MathJax configuration shipped by jupyter-server-mathjax (TeX input, HTML-CSS output with STIX fonts).
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full,Safe"
_MATHJAX_FONTS = ('<script type="text/x-mathjax-config">MathJax.Hub.Config({"HTML-CSS": {availableFonts: [], '
                  'preferredFont: null, webFont: "STIX-Web", imageFont: null}, '
                  'tex2jax: {inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]], processEscapes: true}});</script>\n')
#: A call that exports a figure in a notebook cell: ``ww.export(ax, "NN-name", ...)``.
_EXPORT_CALL = re.compile(r"""\bexport\(\s*\w+\s*,\s*["']([A-Za-z0-9_-]+)["']""")
_HREF = re.compile(r'(href|src)="([^"#?:]+?)(#[^"]*)?"')


def notebook_paths(folder: str | Path = "notebooks") -> list[Path]:
    """The numbered notebooks ``NN-slug.ipynb`` of a folder, in order (solutions excluded)."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb") if p.is_file())


def solution_paths(folder: str | Path = "notebooks") -> list[Path]:
    """The worked solutions ``solutions/NN-slug-solutions.ipynb`` of a notebook folder, in order."""
    return sorted(p for p in (Path(folder) / "solutions").glob("[0-9][0-9]-*.ipynb") if p.is_file())


def execute_notebook(path: str | Path, *, corpus: str | Path = "corpus", timeout: int = 600,
                     export: str | Path | None = None, log: str | Path | None = None) -> tuple[Any, str | None]:
    """Execute a notebook in memory and return (executed notebook, error message or None).

    The kernel starts in the notebook's folder with ``WATCHWORDS_CORPUS`` set to the absolute
    corpus path, ``WATCHWORDS_EXPORT`` to the folder for exported figures and tables (a new
    temporary folder when ``export`` is None) and matplotlib's inline backend, so figures become
    image outputs of their cells. The kernel's own standard error (log lines, not cell output) is
    appended to ``log``, or discarded when ``log`` is None. The file on disk is not modified.
    """
    import subprocess
    import tempfile

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    export_dir = Path(export) if export is not None else Path(tempfile.mkdtemp(prefix="watchwords-export-"))
    env = dict(os.environ, WATCHWORDS_CORPUS=str(Path(corpus).resolve()), WATCHWORDS_EXPORT=str(export_dir.resolve()),
               MPLBACKEND="module://matplotlib_inline.backend_inline")
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    if log is not None:
        Path(log).parent.mkdir(parents=True, exist_ok=True)
    with (open(log, "ab") if log is not None else open(os.devnull, "wb")) as stderr:
        try:
            client.execute(env=env, stderr=stderr, stdout=subprocess.DEVNULL)
        except CellExecutionError as exc:
            message = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()  # no terminal colour codes in the report
            return notebook, message.splitlines()[-1] if message else "cell failed"
    return notebook, None


def exported_figures(notebook: Any) -> list[str]:
    """The names passed to ``export(ax, "NAME", ...)`` in a notebook's code cells, in cell order."""
    return [name for cell in notebook.cells if cell.cell_type == "code"
            for name in _EXPORT_CALL.findall(cell.source)]


def _title(notebook: Any) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def rewrite_links(page: str, *, source_dir: Path, page_dir: Path, rendered: dict[Path, Path]) -> str:
    """Rewrite the relative links of a rendered page so they work from where the page is written.

    ``rendered`` maps source files (notebooks, Markdown documents; resolved paths) to the HTML
    files rendered from them. A link to one of those goes to its rendering; a link to another
    existing file is rewritten relative to ``page_dir``; any other link is left as it is (the
    report's test finds those).
    """
    def replace(match: re.Match[str]) -> str:
        attribute, target, fragment = match.group(1), match.group(2), match.group(3) or ""
        if target.startswith(("/", "data")):
            return match.group(0)
        resolved = (source_dir / target).resolve()
        goal = rendered.get(resolved)
        if goal is None and not resolved.exists():
            return match.group(0)
        goal = goal or resolved
        return f'{attribute}="{Path(os.path.relpath(goal, page_dir)).as_posix()}{fragment}"'

    return _HREF.sub(replace, page)


def _copy_mathjax(out: Path) -> Path:
    """Copy MathJax from the jupyter-server-mathjax package into ``out/mathjax`` (once per version)."""
    import jupyter_server_mathjax

    source = Path(jupyter_server_mathjax.__file__).parent / "static"
    target = out / "mathjax"
    stamp = target / ".version"
    version = getattr(jupyter_server_mathjax, "__version__", "unknown")
    if not (stamp.exists() and stamp.read_text(encoding="utf-8") == version):
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target)
        for folder, _, files in os.walk(target):  # the package's files may be read-only for others
            os.chmod(folder, 0o755)
            for name in files:
                os.chmod(Path(folder) / name, 0o644)
        atomic_write_text(stamp, version)
    return target / "MathJax.js"


def _render_markdown(source: Path, target: Path, mathjax: Path) -> None:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    body = markdown2html_mistune(source.read_text(encoding="utf-8"))
    title = html.escape(source.stem.replace("_", " "))
    mathjax_url = Path(os.path.relpath(mathjax, target.parent)).as_posix()
    atomic_write_text(target, f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
{_MATHJAX_FONTS}<script src="{mathjax_url}?config={MATHJAX_CONFIG}"></script>
<style>{_STYLE}</style></head><body>
<p><small>Rendered from <code>{html.escape(source.name)}</code> for the Watchwords report.</small></p>
{body}</body></html>
""")


_STYLE = """body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3rem .8rem;text-align:left;vertical-align:top}
.failed{color:#b00020;font-weight:bold}.ok{color:#1b5e20}small{color:#555}
figure{display:inline-block;width:25rem;margin:.5rem;vertical-align:top}figure img{width:100%;border:1px solid #ddd}
figcaption{font-size:85%}"""

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Watchwords report</title>
<style>{style}</style></head>
<body><h1>Watchwords report</h1>
<p>How the news framed Moscow's use of facial-recognition cameras to find conscripts (April 2023) and
related stories: every notebook executed top to bottom on the corpus present.</p>
<h2>Corpus</h2><p>{corpus_line}</p>
<h2>Notebooks</h2>
<table><tr><th>#</th><th>Notebook</th><th>Status</th><th>Seconds</th><th>Worked solutions</th></tr>
{rows}
</table>
<p>Reference: {docs}</p>
<h2>Figures</h2>
<p>Every figure the notebooks draw, in notebook order, with the data behind it (CSV) and its provenance (JSON:
corpus hash, function and parameters, library versions, time).</p>
{figures}
<p><small>Generated {when} by Watchwords {version} (Python {python}). Corpus hash {corpus_hash}.</small></p>
</body></html>
"""


def _figure_html(out: Path, name: str) -> str:
    sidecar = out / "figures" / f"{name}.json"
    if not sidecar.exists():
        return ""
    record = json.loads(sidecar.read_text(encoding="utf-8"))
    if "png" not in record.get("files", {}):
        return ""
    stem = html.escape(name)
    caption = html.escape(str(record.get("caption") or record.get("parameters", {}).get("title") or ""))
    return (f'<figure><a href="figures/{stem}.png"><img src="figures/{stem}.png" alt="{caption or stem}"></a>'
            f'<figcaption><b>{stem}</b>. {caption} <a href="figures/{stem}.csv">data (CSV)</a> · '
            f'<a href="figures/{stem}.json">provenance</a></figcaption></figure>')


def build_report(
    *,
    notebooks: str | Path = "notebooks",
    corpus: str | Path = "corpus",
    out: str | Path = "reports",
    timeout: int = 600,
    only: Sequence[str] | None = None,
    solutions: bool = True,
    on_done: Callable[[dict[str, Any]], None] | None = None,
) -> pd.DataFrame:
    """Execute the notebooks (and their worked solutions) and write ``out/index.html`` plus one page each.

    Args:
        notebooks: the folder of ``NN-slug.ipynb`` files (solutions in its ``solutions/`` folder).
        corpus: the corpus folder the notebooks analyse.
        out: the report folder (created; the notebooks and the corpus are never written to).
        timeout: seconds allowed per cell.
        only: notebook names or stems to run (their solutions too); None runs all.
        solutions: also execute and render the worked solutions.
        on_done: called with each notebook's record as soon as it is rendered (the CLI prints it).

    Returns:
        DataFrame with columns notebook, title, html (path relative to ``out``), status ("ok" or
        "failed"), error, seconds, figures (how many it exported).
    """
    from nbconvert import HTMLExporter

    from .corpus import CorpusError, load_corpus

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    notebooks = Path(notebooks)
    mathjax = _copy_mathjax(out)
    chosen = [p for p in notebook_paths(notebooks) if not only or p.stem in only or p.name in only]
    stems = {p.stem for p in chosen}
    answers = [p for p in solution_paths(notebooks) if solutions and p.stem.removesuffix("-solutions") in stems]
    pages = {p.resolve(): out / p.relative_to(notebooks).with_suffix(".html") for p in chosen + answers}
    repo = notebooks.resolve().parent
    documents = sorted((repo / "docs").glob("*.md")) + sorted((repo / "corpus").glob("*.md"))
    pages.update({d.resolve(): out / "docs" / f"{d.stem}.html" for d in documents})
    for document in documents:
        _render_markdown(document, pages[document.resolve()], mathjax)

    records: list[dict[str, Any]] = []
    order: dict[str, list[str]] = {}
    for path in chosen + answers:
        page = pages[path.resolve()]
        exporter = HTMLExporter(extra_template_basedirs=[str(Path(__file__).parent / "templates")],
                                template_name="watchwords_html",
                                mathjax_url=f"{Path(os.path.relpath(mathjax, page.parent)).as_posix()}"
                                            f"?config={MATHJAX_CONFIG}")
        started = dt.datetime.now()
        executed, error = execute_notebook(path, corpus=corpus, timeout=timeout, export=out / "figures",
                                           log=out / "kernel.log")
        seconds = (dt.datetime.now() - started).total_seconds()
        body, _ = exporter.from_notebook_node(executed)
        body = body.replace("<script src=", _MATHJAX_FONTS + "<script src=", 1)
        body = rewrite_links(body, source_dir=path.parent.resolve(), page_dir=page.parent.resolve(),
                             rendered={k: v.resolve() for k, v in pages.items()})
        atomic_write_text(page, body)
        order[path.stem] = exported_figures(executed)
        record = {"notebook": path.relative_to(notebooks).as_posix(), "title": _title(executed),
                  "html": page.relative_to(out).as_posix(), "status": "failed" if error else "ok",
                  "error": error or "", "seconds": round(seconds, 1), "figures": len(order[path.stem])}
        records.append(record)
        if on_done is not None:
            on_done(record)
    frame = pd.DataFrame(records, columns=["notebook", "title", "html", "status", "error", "seconds", "figures"])
    try:
        loaded = load_corpus(corpus)
        corpus_line = (f"{len(loaded)} document(s) with text present of {loaded.attrs['n_manifest_rows']} listed in "
                       f"the manifest ({loaded.attrs['n_manifest_rows'] - len(loaded)} still to fetch).")
        corpus_hash = loaded.attrs["corpus_hash"][:12]
    except (CorpusError, OSError) as exc:  # the report must still say what went wrong
        corpus_line, corpus_hash = f"The corpus could not be loaded: {html.escape(str(exc))}", "n/a"
    by_name = {r["notebook"]: r for r in records}
    rows = []
    for i, path in enumerate(chosen):
        r = by_name[path.name]
        answer = by_name.get(f"solutions/{path.stem}-solutions.ipynb")
        answer_cell = (f'<a href="{html.escape(answer["html"])}">solutions</a> '
                       f'<span class="{answer["status"]}">({answer["status"]})</span>' if answer else "")
        rows.append(f'<tr><td>{i}</td><td><a href="{html.escape(r["html"])}">{html.escape(r["title"] or r["notebook"])}'
                    f'</a></td><td class="{r["status"]}">{r["status"]}'
                    f'{": " + html.escape(r["error"]) if r["error"] else ""}</td><td>{r["seconds"]}</td>'
                    f'<td>{answer_cell}</td></tr>')
    figures = []
    for path in chosen:
        drawn = [snippet for snippet in (_figure_html(out, name) for name in order.get(path.stem, [])) if snippet]
        if drawn:
            figures.append(f"<h3>{html.escape(by_name[path.name]['title'] or path.stem)}</h3>\n" + "\n".join(drawn))
    docs = " · ".join(f'<a href="docs/{d.stem}.html">{html.escape(d.name)}</a>' for d in documents) or "none"
    atomic_write_text(out / "index.html", _PAGE.format(
        style=_STYLE, corpus_line=corpus_line, rows="\n".join(rows), docs=docs,
        figures="\n".join(figures) or "<p>No figure was exported.</p>",
        when=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__, python=platform.python_version(), corpus_hash=corpus_hash))
    frame.attrs.update(out=str(out), corpus=str(corpus))
    return frame
