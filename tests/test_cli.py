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
