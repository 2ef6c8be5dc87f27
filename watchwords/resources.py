"""Packaged data: the one place that reads files from ``watchwords/data/``.

Lexicons, dictionaries, stopword and reference lists are versioned, documented data files shipped
inside the package (each CSV opens with ``#`` comment lines naming its version and sources; the
folder's README lists them). Every module reads them through :func:`read_text` or
:func:`read_table`, so where packaged data live is decided here only.
"""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = ["read_text", "read_table", "read_words", "resource_path"]


def resource_path(name: str) -> Path:
    """The path of a packaged data file, e.g. ``resource_path("reference_en_wordfreq.csv")``.

    Raises:
        ValueError: when the package has no such file.
    """
    path = Path(str(resources.files("watchwords.data").joinpath(name)))
    if not path.is_file():
        raise ValueError(f"watchwords/data/{name}: no such packaged file")
    return path


def read_text(name: str) -> str:
    """The text of a packaged data file (UTF-8)."""
    return resource_path(name).read_text(encoding="utf-8")


def read_table(name: str) -> pd.DataFrame:
    """A packaged CSV as a DataFrame of strings (``#`` lines are comments; empty fields stay empty strings)."""
    return pd.read_csv(io.StringIO(read_text(name)), comment="#", dtype=str, keep_default_na=False)


def read_words(name: str) -> frozenset[str]:
    """A packaged word list: one entry per line, ``#`` lines and blank lines skipped, white space stripped."""
    return frozenset(line.strip() for line in read_text(name).splitlines() if line.strip() and not line.startswith("#"))
