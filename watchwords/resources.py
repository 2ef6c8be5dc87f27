"""Packaged data: the one place that reads files from ``watchwords/data/``, by language.

Lexicons, dictionaries, stopword and reference lists are versioned, documented data files shipped inside the
package (each opens with ``#`` comment lines naming its version and sources). They are organised by language:
``data/en/`` holds the English resources, ``data/`` itself the few that do not depend on the language of the
text, and ``data/registry.csv`` says what exists (language, resource, file, version, what uses it). The code asks
for a resource by name and language, never by path, so a second language is a folder and rows in the registry,
not a code change. :func:`list_resources` shows the table.

Every verb that uses a word list or a dictionary also takes it per call (``stopwords=``, ``dictionary=``,
``lexicon=``): a registered name (``"en"``, or ``"english"`` for English), a file path, or a list / DataFrame.
"""

from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = ["list_resources", "resource_path", "read_text", "read_table", "read_words", "language_code"]

#: Names accepted for a language besides its ISO 639-1 code.
_LANGUAGE_NAMES = {"english": "en", "russian": "ru"}


def _data_root() -> Path:
    return Path(str(resources.files("watchwords.data")))


@lru_cache(maxsize=1)
def list_resources() -> pd.DataFrame:
    """Every packaged resource: language, resource, file, version, used_by, description (``data/registry.csv``)."""
    text = (_data_root() / "registry.csv").read_text(encoding="utf-8")
    return pd.read_csv(io.StringIO(text), comment="#", dtype=str, keep_default_na=False)


def language_code(language: str) -> str:
    """ "en" for "en", "EN" or "english"; other names and codes are lower-cased as they are."""
    value = language.strip().lower()
    return _LANGUAGE_NAMES.get(value, value)


def resource_path(resource: str, *, language: str = "en") -> Path:
    """The file of a registered resource, e.g. ``resource_path("stopwords", language="en")``.

    Language-independent resources (registry language ``*``) are found whatever ``language`` is.

    Raises:
        ValueError: when no such resource is registered for the language (the message lists what exists).
    """
    code = language_code(language)
    table = list_resources()
    rows = table[(table["resource"] == resource) & table["language"].isin([code, "*"])]
    if rows.empty:
        known = table.loc[table["resource"] == resource, "language"].tolist()
        where = f"it exists for: {', '.join(known)}" if known else \
            f"known resources: {', '.join(sorted(set(table['resource'])))}"
        raise ValueError(f"no packaged resource {resource!r} for language {language!r}; {where}")
    path = _data_root() / rows["file"].iloc[0]
    if not path.is_file():
        raise ValueError(f"watchwords/data/{rows['file'].iloc[0]}: registered but missing from the package")
    return path


def read_text(resource: str, *, language: str = "en") -> str:
    """The text of a registered resource (UTF-8)."""
    return resource_path(resource, language=language).read_text(encoding="utf-8")


def read_table(resource: str, *, language: str = "en") -> pd.DataFrame:
    """A registered CSV resource as a DataFrame of strings (``#`` lines are comments; empty fields stay "")."""
    return pd.read_csv(io.StringIO(read_text(resource, language=language)), comment="#", dtype=str,
                       keep_default_na=False)


def read_words(resource: str, *, language: str = "en") -> frozenset[str]:
    """A registered word list: one entry per line, ``#`` lines and blank lines skipped, white space stripped."""
    return frozenset(line.strip() for line in read_text(resource, language=language).splitlines()
                     if line.strip() and not line.startswith("#"))
