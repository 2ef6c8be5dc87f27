"""The main job as a user meets it: ``python -m watchwords report`` prints one clean line per notebook and writes a
report whose pages show their figures, typeset maths from a local MathJax, and links that lead somewhere."""

from __future__ import annotations

import hashlib
import json
import re
import stat
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.conftest import FROZEN_CORPUS, REPO
from watchwords._io import atomic_write_text
from watchwords.report import exported_figures, notebook_paths, rewrite_links, solution_paths

NOTEBOOKS = notebook_paths(REPO / "notebooks")
SOLUTIONS = solution_paths(REPO / "notebooks")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report of the shipped corpus, made by the command line as the README says (umask 022, as on most systems)."""
    out = tmp_path_factory.mktemp("report") / "reports"
    command = (f"umask 022; exec {sys.executable} -m watchwords report --notebooks {REPO / 'notebooks'} "
               f"--corpus {FROZEN_CORPUS} --out {out} --timeout 300")
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True, cwd=REPO)
    return out, result


@pytest.mark.notebooks
def test_console_has_one_clean_line_per_notebook(report) -> None:
    out, result = report
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""  # no kernel warnings, no tracebacks
    lines = result.stdout.splitlines()
    expected = [p.name for p in NOTEBOOKS] + [f"solutions/{p.name}" for p in SOLUTIONS]
    assert [re.fullmatch(r"ok +\d+\.\ds  (\S+)", line).group(1) for line in lines[:-1]] == expected
    assert lines[-1] == f"report: {out / 'index.html'}"
    assert "Kernel is running" in (out / "kernel.log").read_text(encoding="utf-8")  # where the warnings went


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_drawn_figure_is_inline_and_exported(report, path) -> None:
    out, _ = report
    drawn = exported_figures(nbformat.read(path, as_version=4))
    page = (out / f"{path.stem}.html").read_text(encoding="utf-8")
    assert page.count('src="data:image/png') == len(drawn)
    for name in drawn:
        assert (out / "figures" / f"{name}.png").is_file()
    if path.name != "00-index.ipynb":
        assert drawn, "a teaching notebook draws at least one figure"


@pytest.mark.notebooks
def test_figures_are_named_by_content_captioned_and_distinct(report) -> None:
    out, _ = report
    names = [name for path in NOTEBOOKS for name in exported_figures(nbformat.read(path, as_version=4))]
    assert len(names) == len(set(names))
    assert {"05-reuse-containment", "05-derivations", "04-frames-by-voice"} <= set(names)
    for name in names:
        assert re.fullmatch(r"0\d-[a-z]+(-[a-z]+)*", name), name  # no "heatmap-3": named by what it shows
        assert json.loads((out / "figures" / f"{name}.json").read_text(encoding="utf-8"))["caption"]
    digests = [hashlib.sha256((out / "figures" / f"{n}.png").read_bytes()).hexdigest() for n in names]
    assert len(set(digests)) == len(digests), "two figures are byte-identical"
    index = (out / "index.html").read_text(encoding="utf-8")
    positions = [index.index(f'src="figures/{n}.png"') for n in names]
    assert positions == sorted(positions), "figures are listed in notebook order"


@pytest.mark.notebooks
def test_maths_is_served_locally(report) -> None:
    out, _ = report
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"https?://[^\"']*(mathjax|cdnjs|jsdelivr|unpkg)", html, flags=re.I), page.name
        for script in re.findall(r'<script src="([^"?]+)', html):
            assert (page.parent / script).is_file(), (page.name, script)
    assert "MathJax.js" in (out / "02-term-frequency.html").read_text(encoding="utf-8")
    assert (out / "mathjax" / "config" / "TeX-AMS-MML_HTMLorMML-full.js").is_file()


@pytest.mark.notebooks
def test_every_relative_link_resolves(report) -> None:
    out, _ = report
    broken = []
    for page in out.rglob("*.html"):
        if "mathjax" in page.parts:
            continue
        for target in re.findall(r'(?:href|src)="([^"#]+)', page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):  # http:, https:, data:, mailto:
                continue
            if not (page.parent / target.split("?")[0]).exists():
                broken.append(f"{page.relative_to(out)} -> {target}")
    assert not broken
    index = (out / "01-corpus.html").read_text(encoding="utf-8")
    assert 'href="00-index.html"' in index and 'href="docs/glossary.html"' in index
    assert 'href="solutions/01-corpus-solutions.html"' in index


@pytest.mark.notebooks
def test_report_files_are_readable_by_others(report) -> None:
    out, _ = report
    for path in [out / "index.html", out / "02-term-frequency.html", out / "figures" / "02-key-terms-vs-english.png"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ('<a href="02-term-frequency.ipynb">Next</a>', '<a href="02-term-frequency.html">Next</a>'),
        ('<a href="solutions/01-x-solutions.ipynb#ex">s</a>', '<a href="solutions/01-x-solutions.html#ex">s</a>'),
        ('<a href="../docs/glossary.md">g</a>', '<a href="docs/glossary.html">g</a>'),
        ('<a href="https://example.org/a.ipynb">x</a>', '<a href="https://example.org/a.ipynb">x</a>'),
        ('<a href="missing.ipynb">m</a>', '<a href="missing.ipynb">m</a>'),  # left for the link test to find
        ('<a href="#section">s</a>', '<a href="#section">s</a>'),
    ],
)
def test_rewrite_links(tmp_path: Path, page: str, expected: str) -> None:
    notebooks, out = tmp_path / "notebooks", tmp_path / "reports"
    for path in [notebooks / "02-term-frequency.ipynb", notebooks / "solutions" / "01-x-solutions.ipynb",
                 tmp_path / "docs" / "glossary.md"]:
        atomic_write_text(path, "{}")
    rendered = {(notebooks / "02-term-frequency.ipynb").resolve(): (out / "02-term-frequency.html").resolve(),
                (notebooks / "solutions" / "01-x-solutions.ipynb").resolve():
                    (out / "solutions" / "01-x-solutions.html").resolve(),
                (tmp_path / "docs" / "glossary.md").resolve(): (out / "docs" / "glossary.html").resolve()}
    assert rewrite_links(page, source_dir=notebooks.resolve(), page_dir=out.resolve(), rendered=rendered) == expected


@pytest.mark.notebooks
def test_index_names_the_corpus_and_the_reference_pages(report) -> None:
    out, _ = report
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "1 document(s) with text present of 69 listed" in index
    assert 'href="docs/teaching.html"' in index and 'href="docs/DATASHEET.html"' in index
    assert "Only the seed article is present" in (out / "01-corpus.html").read_text(encoding="utf-8")
