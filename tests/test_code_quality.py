"""The code base keeps its own rules: ruff and mypy pass, each shared rule has one definition, no module reaches into
another's private names."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import REPO

PACKAGE = sorted((REPO / "watchwords").rglob("*.py"))


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], capture_output=True, text=True, cwd=REPO)


def test_ruff_on_package_tests_tools_and_notebooks() -> None:
    """ruff (settings in pyproject.toml) on the code, and on the notebooks' code cells at 120 characters."""
    for command in (("ruff", "check", "--no-cache", "watchwords", "tests", "tools", "bench"),
                    ("ruff", "check", "--no-cache", "--config", "lint.pycodestyle.max-line-length=120", "notebooks")):
        result = _run(*command)
        assert result.returncode == 0, result.stdout


@pytest.mark.slow
def test_package_type_checks() -> None:
    result = _run("mypy", "--no-incremental", "--cache-dir", "/dev/null")
    assert result.returncode == 0, result.stdout


def test_type_ignores_are_few_and_named() -> None:
    ignores = [line for path in PACKAGE for line in path.read_text(encoding="utf-8").splitlines() if "type: ignore" in line]
    assert len(ignores) <= 4, ignores  # 25 before the type check ran in CI
    assert all("type: ignore[" in line for line in ignores)


def test_no_private_names_imported_across_modules() -> None:
    offenders = []
    for path in PACKAGE:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"\s*from \.(\w*) import (.+)", line)
            if match and match.group(1) not in ("_version", "_io"):
                names = [n.strip().split(" as ")[0] for n in match.group(2).strip("()").split(",")]
                offenders += [f"{path.name}: {name}" for name in names if name.startswith("_")]
    assert not offenders


@pytest.mark.parametrize(
    ("rule", "pattern", "home"),
    [
        ("quotation marks", r"“”«»", "quotes.py"),
        ("the word pattern", r"\\w\+\(\?:\[-'’\]\\w\+\)\*", "text.py"),
        ("the lede", r"\"lede\" if", "text.py"),
        ("packaged data files", r"resources\.files\(", "resources.py"),
        ("the doc_id characters", r"\[a-z0-9_-\]\+", "corpus.py"),
    ],
)
def test_each_rule_has_one_home(rule, pattern, home) -> None:
    where = sorted(path.name for path in PACKAGE if re.search(pattern, path.read_text(encoding="utf-8")))
    assert where == [home], f"{rule} is defined in {where}, not only in {home}"
