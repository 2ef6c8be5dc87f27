"""The notebooks: authored as MyST text sources and in step with the committed .ipynb, committed without outputs,
linted, built to one teaching arc with a header, exercises with model answers; every notebook runs top to bottom
offline, on the shipped corpus and on a larger one."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import FROZEN_CORPUS, REPO, WIRE_STORY, manifest_row
from watchwords.report import execute_notebook, notebook_paths, solution_paths

NOTEBOOKS = notebook_paths(REPO / "notebooks")
SOLUTIONS = solution_paths(REPO / "notebooks")
TEACHING = [p for p in NOTEBOOKS if p.name != "00-index.ipynb"]
SOURCES = sorted((REPO / "notebooks" / "src").rglob("*.md"))


def _cells(path, kind: str) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == kind]


def test_there_are_notebooks_and_sources() -> None:
    assert [p.name for p in NOTEBOOKS][:2] == ["00-index.ipynb", "01-corpus.ipynb"]
    assert len(SOURCES) == len(NOTEBOOKS) + len(SOLUTIONS)
    assert not (REPO / "tools" / "build_notebooks.py").exists()


def test_committed_notebooks_equal_their_sources() -> None:
    result = subprocess.run([sys.executable, str(REPO / "tools" / "sync_notebooks.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", NOTEBOOKS + SOLUTIONS, ids=lambda p: p.name)
def test_notebook_committed_clean(path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, "strip outputs before committing"
            source = "".join(cell["source"])
            assert "\ndef " not in "\n" + source and "lambda" not in source, "analysis functions belong in the library"


@pytest.mark.parametrize("path", TEACHING, ids=lambda p: p.name)
def test_teaching_notebooks_follow_the_arc(path) -> None:
    text = "\n".join(_cells(path, "markdown")).lower()
    for landmark in ("you will learn how to", "a question from the seed", "the method in words", "by hand first",
                     "results", "exercise", "next steps"):
        assert landmark in text, landmark
    assert text.index("by hand first") < text.index("results at scale")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_header_cell(path) -> None:
    header = _cells(path, "markdown")[0]
    for row in ("What", "Use case", "Difficulty", "Time", "Prerequisites", "Data", "Libraries"):
        assert f"| **{row}** |" in header, row
    assert "../docs/glossary.md" in header


@pytest.mark.parametrize("path", sorted((REPO / "notebooks" / "src").glob("0[1-5]-*.md")), ids=lambda p: p.name)
def test_maths_has_no_template_braces(path) -> None:
    """The old builder's f-strings doubled LaTeX braces (\\begin{{pmatrix}}); sources are plain text now."""
    maths = re.findall(r"\$\$.+?\$\$|\$[^$\n]+\$", path.read_text(encoding="utf-8"), flags=re.S)
    assert maths and not [m for m in maths if re.search(r"(\\[a-z]+|[_^])\{\{", m)]


def test_nltk_and_pandas_are_used_by_hand() -> None:
    code = {p.stem: "\n".join(_cells(p, "code")) for p in TEACHING}
    assert "nltk.FreqDist(" in code["02-term-frequency"] and "nltk.Text(" in code["02-term-frequency"]
    assert "np.log(" in code["02-term-frequency"]          # G² by hand
    assert "PunktSentenceTokenizer(" in code["01-corpus"] and "pd.read_csv(" in code["01-corpus"]
    assert "nltk.bigrams(" in code["03-attribution"]
    assert "SnowballStemmer(" in code["04-framing"]
    assert "nltk.ngrams(" in code["05-comparison"]


@pytest.mark.parametrize("path", TEACHING, ids=lambda p: p.name)
def test_written_questions_have_model_answers_and_rubrics(path) -> None:
    written = sum(cell.count("✍️ **Exercise") for cell in _cells(path, "markdown"))
    solution = REPO / "notebooks" / "solutions" / f"{path.stem}-solutions.ipynb"
    answers = "\n".join(_cells(solution, "markdown"))
    assert written >= 1
    assert answers.count("Model answer.") == written and answers.count("*Rubric") == written


@pytest.mark.parametrize("path", TEACHING, ids=lambda p: p.name)
def test_every_plot_is_exported_with_a_caption(path) -> None:
    for source in _cells(path, "code"):
        if "ww.plot_" in source:
            assert "ww.export(ax, " in source and "caption=" in source, source


def test_launch_links_come_from_one_address() -> None:
    """The repository address is kept in CITATION.cff; the README and every notebook use that one."""
    (address,) = re.findall(r'^repository-code: "([^"]+)"', (REPO / "CITATION.cff").read_text(encoding="utf-8"),
                            flags=re.M)
    slug = address.removeprefix("https://github.com/")
    texts = {p.name: p.read_text(encoding="utf-8") for p in [REPO / "README.md", *SOURCES]}
    for name, text in texts.items():
        for found in re.findall(r"github\.com/([\w.-]+/[\w.-]+)", text):
            assert found == slug, (name, found)
        for found in re.findall(r"/v2/gh/([\w.-]+/[\w.-]+)/", text):
            assert found == slug, (name, found)
    assert f"mybinder.org/v2/gh/{slug}/" in texts["README.md"] and f"colab.research.google.com/github/{slug}/" in texts[
        "README.md"]
    assert f"mybinder.org/v2/gh/{slug}/" in texts["00-index.md"]


@pytest.mark.notebooks
@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_solutions_pass_their_checks(path) -> None:
    executed, error = execute_notebook(path, corpus=FROZEN_CORPUS, timeout=300)
    assert error is None
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    checks = sum(c.source.count('ww.check("') for c in executed.cells if c.cell_type == "code")
    assert checks >= 2 and printed.count(": correct.") == checks


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

    seed = (FROZEN_CORPUS / "texts" / "a_jpost_reuters.txt").read_text(encoding="utf-8")
    rows = [manifest_row("a_jpost_reuters", cluster="A", attributes_to="Reuters; TASS; Maxim Loktev", source_agency="Reuters"),
            manifest_row("wire", cluster="A", attributes_to="Agency; Dana Moor", outlet_type="wire agency"),
            manifest_row("later", cluster="B", date="2024-06", attributes_to="NewsCo", outlet_type="wire agency"),
            manifest_row("critical", cluster="B", attributes_to="Open Streets", outlet_type="independent Russian media"),
            manifest_row("critical2", cluster="C", date="unknown", attributes_to="Open Streets",
                         outlet_type="independent Russian media")]
    texts = {"a_jpost_reuters": seed, "wire": WIRE_STORY, "later": LATER, "critical": CRITICAL,
             "critical2": CRITICAL.replace("Critics warn", "Lawyers warn")}
    return CorpusMaker(tmp_path_factory.mktemp("larger"))(texts, rows=rows)


@pytest.mark.notebooks
@pytest.mark.parametrize("path", TEACHING, ids=lambda p: p.name)
def test_notebooks_run_on_a_larger_corpus(larger_corpus, path) -> None:
    """With several documents present (as after a fetch) every notebook runs and no longer says 'only the seed'."""
    executed, error = execute_notebook(path, corpus=larger_corpus, timeout=300)
    assert error is None, error
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "Only the seed article is present" not in printed
    assert "5 of 5 documents listed in the manifest have their text on this machine." in printed
