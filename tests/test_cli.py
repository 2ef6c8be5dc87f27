"""Tests of the command line (python -m watchwords ...)."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from tests.conftest import Route, manifest_row, news_page
from watchwords.cli import main


def test_validate_shipped_corpus_exits_zero(seed_corpus, capsys) -> None:
    assert main(["validate", str(seed_corpus)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{seed_corpus}: 0 error(s), 0 warning(s)"


def test_validate_exits_one_and_prints_each_problem(make_corpus, capsys) -> None:
    root = make_corpus({"a": "One.", "b": "Two."}, rows=[manifest_row("a", date="2023-13"), manifest_row("b", status="gone")])
    assert main(["validate", str(root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[-1].endswith(": 2 error(s), 0 warning(s)")
    assert lines[0].startswith("error: ") and "manifest.csv:2: date:" in lines[0]
    assert "manifest.csv:3: status: unknown status 'gone'" in lines[1]


def test_module_entry_point_runs(seed_corpus) -> None:
    done = subprocess.run([sys.executable, "-m", "watchwords", "validate", str(seed_corpus)], capture_output=True, text=True)
    assert done.returncode == 0 and "0 error(s)" in done.stdout


def test_usage_error_exits_two() -> None:
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


def test_add_error_exits_one(make_corpus, tmp_path, capsys) -> None:
    root = make_corpus({"a": "One."})
    assert main(["add", str(tmp_path / "missing.txt"), "--corpus", str(root)]) == 1
    assert "missing.txt: no such file" in capsys.readouterr().err


def test_rehash_records_intended_change(make_corpus, capsys) -> None:
    root = make_corpus({"a": "One."})
    (root / "texts" / "a.txt").write_text("One, corrected.", encoding="utf-8")
    assert main(["validate", str(root)]) == 1
    assert main(["rehash", "a", "--corpus", str(root)]) == 0
    assert main(["validate", str(root)]) == 0
    assert "1 sha256 value(s) updated" in capsys.readouterr().out


def test_fetch_command_prints_summary(make_corpus, http_server, capsys) -> None:
    server = http_server({"/ok": Route(body=news_page().encode())})
    rows = [manifest_row("x", url=server.base + "/ok", status="to fetch", path="fetched/x.txt"),
            manifest_row("y", url=server.base + "/missing", status="to fetch", path="fetched/y.txt")]
    root = make_corpus({}, rows=rows)
    code = main(["fetch", "--corpus", str(root), "--delay", "0", "--retries", "0", "--timeout", "2", "--no-archive", "--quiet",
                 "--allow-private"])
    out = capsys.readouterr().out
    assert code == 1  # a row failed: the exit status says so
    assert "fetched 1, failed 1, skipped 0" in out and "HTTP 404 Not Found" in out
    with open(root / "manifest.csv", encoding="utf-8") as handle:
        assert [r["status"] for r in csv.DictReader(handle)] == ["fetched", "failed"]


def _run(*arguments: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "watchwords", *arguments], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["validate", "no/such/corpus"], "the manifest file does not exist"),
        (["fetch", "--corpus", "no/such/corpus", "--quiet"], "the manifest file does not exist"),
        (["fetch", "--corpus", "{root}", "--only", "nope", "--quiet"], "no manifest row has doc_id nope"),
        (["fetch", "--corpus", "{root}", "--timeout", "-1"], "-1 seconds: give a positive number"),
        (["fetch", "--corpus", "{root}", "--limit", "-1"], "-1 is negative; give 0 or more"),
        (["add", "http://[::1", "--corpus", "{root}", "--outlet", "X", "--date", "2024"], "malformed URL"),
        (["add", "http://127.0.0.1:1/", "--corpus", "{root}", "--outlet", "X", "--date", "2024", "--no-archive"],
         "refused: 127.0.0.1 is a private, loopback or link-local address"),
        (["add", "{html}", "--corpus", "{root}", "--outlet", "X", "--date", "2024"], "no article text found"),
        (["add", "{text}", "--corpus", "{root}", "--outlet", "X", "--date", "2024", "--language", "English"],
         "field 'language': 'English' is not an ISO 639-1 language code"),
        (["add", "{text}", "--corpus", "{root}", "--outlet", "X", "--date", "2024", "--rights", ""],
         "field 'rights': rights is empty"),
        (["rehash", "nope", "--corpus", "{root}"], "no row with doc_id nope"),
        (["report", "--notebooks", "no/such/folder"], "no/such/folder: no notebooks named NN-name.ipynb here"),
        (["report", "--only", "99-nothing"], "--only 99-nothing: no such notebook"),
        (["report", "--corpus", "no/such/corpus"], "no/such/corpus: no manifest.csv here"),
    ],
)
def test_bad_input_gets_one_line_and_no_traceback(make_corpus, tmp_path, repo_root, arguments, message) -> None:
    """Each of these once printed a traceback (or exited 0, or 1 without a reason)."""
    root = make_corpus({"a": "One."})
    html = tmp_path / "empty.html"
    html.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    text = tmp_path / "report.txt"
    text.write_text("Head\n\nBody of a report.", encoding="utf-8")
    values = {"root": str(root), "html": str(html), "text": str(text)}
    done = _run(*[a.format(**values) for a in arguments], cwd=repo_root)
    output = done.stdout + done.stderr  # validate reports on standard output, the other commands on standard error
    assert done.returncode in (1, 2), output
    assert "Traceback" not in output and message in output, output


def test_a_manifest_with_errors_is_never_rewritten(make_corpus, tmp_path, capsys) -> None:
    """Surplus values in a row used to be dropped by the next add; now add refuses and the file stays as it was."""
    root = make_corpus({"a": "One."})
    manifest = root / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines[1] += ",surplus"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = manifest.read_bytes()
    source = tmp_path / "report.txt"
    source.write_text("Head\n\nBody of a report.", encoding="utf-8")
    assert main(["add", str(source), "--corpus", str(root), "--outlet", "X", "--date", "2024",
                 "--outlet-type", "mainstream media", "--language", "en"]) == 1
    assert "the row has 1 more value(s) than the header" in capsys.readouterr().err
    assert manifest.read_bytes() == before


@pytest.mark.slow
def test_concurrent_adds_lose_no_row(make_corpus, tmp_path) -> None:
    """Five add commands at once used to report success and lose rows; the manifest lock serialises them."""
    root = make_corpus({"a": "One."})
    sources = []
    for i in range(5):
        path = tmp_path / f"report{i}.txt"
        path.write_text(f"Report number {i}\n\nBody of report {i}.", encoding="utf-8")
        sources.append(path)
    processes = [subprocess.Popen([sys.executable, "-m", "watchwords", "add", str(p), "--corpus", str(root),
                                   "--outlet", "X", "--date", "2024", "--outlet-type", "mainstream media",
                                   "--language", "en", "--doc-id", f"r{i}"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for i, p in enumerate(sources)]
    codes = [p.wait(timeout=120) for p in processes]
    assert codes == [0] * 5
    with open(root / "manifest.csv", encoding="utf-8") as handle:
        ids = sorted(row["doc_id"] for row in csv.DictReader(handle))
    assert ids == ["a", "r0", "r1", "r2", "r3", "r4"]
    assert main(["validate", str(root)]) == 0


def test_rehash_reads_no_file_outside_the_corpus(make_corpus, tmp_path, capsys) -> None:
    root = make_corpus({"a": "One."}, rows=[manifest_row("a", path="../outside.txt")])
    (root.parent / "outside.txt").write_text("secret", encoding="utf-8")
    before = (root / "manifest.csv").read_bytes()
    assert main(["rehash", "a", "--corpus", str(root)]) == 1
    assert "is outside the corpus folder; rehash reads only texts inside it" in capsys.readouterr().err
    assert (root / "manifest.csv").read_bytes() == before
