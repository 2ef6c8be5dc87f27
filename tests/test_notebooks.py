"""Every notebook runs top to bottom offline (the README's test command includes this), is committed
without outputs, defines no functions, and the report links every notebook."""

from __future__ import annotations

import json

import pytest

from watchwords.report import build_report, execute_notebook, notebook_paths
from tests.conftest import REPO, WIRE_STORY, manifest_row

NOTEBOOKS = notebook_paths(REPO / "notebooks")
SOLUTIONS = sorted((REPO / "notebooks" / "solutions").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS][:2] == ["00-index.ipynb", "01-corpus.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS + SOLUTIONS, ids=lambda p: p.name)
def test_notebook_committed_clean(path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, "strip outputs before committing"
            source = "".join(cell["source"])
            assert "\ndef " not in "\n" + source and "lambda" not in source, "analysis functions belong in the library"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name != "00-index.ipynb"], ids=lambda p: p.name)
def test_teaching_notebooks_follow_the_arc(path) -> None:
    text = "\n".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                     if c["cell_type"] == "markdown")
    for landmark in ("you will learn how to", "A question from the seed", "The method in words", "Results",
                     "Exercise", "next steps"):
        assert landmark.lower() in text.lower(), landmark


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return out, build_report(notebooks=REPO / "notebooks", corpus=REPO / "corpus", out=out, timeout=300)


def test_report_runs_every_notebook_on_the_shipped_corpus(report) -> None:
    out, frame = report
    failed = frame[frame.status != "ok"]
    assert failed.empty, failed.to_dict("records")
    assert frame.notebook.tolist() == [p.name for p in NOTEBOOKS]
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in frame.html:
        assert f'href="{name}"' in index and (out / name).stat().st_size > 10_000
    assert "1 document(s) with text present of 69 listed" in index
    assert "Key figures" in index and 'href="figures/02-keyness.csv"' in index
    sidecars = sorted(p.name for p in (out / "figures").glob("*.json"))
    assert "01-timeline.json" in sidecars and len(sidecars) >= 8
    assert "Only the seed article is present" in (out / "01-corpus.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_solutions_pass_their_checks(path) -> None:
    executed, error = execute_notebook(path, corpus=REPO / "corpus", timeout=300)
    assert error is None
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert printed.count(": correct.") == sum('ww.check("' in c.source for c in executed.cells if c.cell_type == "code")


LATER = """HEADLINE: Northbridge cameras find men who skip the draft - NewsCo

Northbridge police said on Monday that the cameras had helped find 40 men who ignored their call-up papers.

"The system works," transport chief Dana Moor told NewsCo. Rights group Open Streets said the searches were unlawful.
"""

CRITICAL = """HEADLINE: Critics warn of a surveillance state

Human rights lawyers said the face-matching system was used to track down protesters and conscripts alike.

Open Streets said the software wrongly identified a student, who was detained for six hours.
"""


@pytest.fixture(scope="module")
def larger_corpus(tmp_path_factory):
    """Five documents in two outlet types (two or more each), as after a fetch; all texts written for the tests."""
    from tests.conftest import CorpusMaker

    seed = (REPO / "corpus" / "texts" / "a_jpost_reuters.txt").read_text(encoding="utf-8")
    rows = [manifest_row("a_jpost_reuters", cluster="A", attributes_to="Reuters; TASS; Maxim Loktev", source_agency="Reuters"),
            manifest_row("wire", cluster="A", attributes_to="Agency; Dana Moor", outlet_type="wire agency"),
            manifest_row("later", cluster="B", date="2024-06", attributes_to="NewsCo", outlet_type="wire agency"),
            manifest_row("critical", cluster="B", attributes_to="Open Streets", outlet_type="independent Russian media"),
            manifest_row("critical2", cluster="C", date="unknown", attributes_to="Open Streets",
                         outlet_type="independent Russian media")]
    texts = {"a_jpost_reuters": seed, "wire": WIRE_STORY, "later": LATER, "critical": CRITICAL,
             "critical2": CRITICAL.replace("Critics warn", "Lawyers warn")}
    return CorpusMaker(tmp_path_factory.mktemp("larger"))(texts, rows=rows)


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name != "00-index.ipynb"], ids=lambda p: p.name)
def test_notebooks_run_on_a_larger_corpus(larger_corpus, path) -> None:
    """With several documents present (as after a fetch) every notebook runs and no longer says 'only the seed'."""
    executed, error = execute_notebook(path, corpus=larger_corpus, timeout=300)
    assert error is None, error
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "Only the seed article is present" not in printed
    assert "5 of 5 documents listed in the manifest have their text on this machine." in printed
