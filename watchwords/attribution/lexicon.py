"""The attribution lexicons: reporting verbs (lemmas, their generated forms, stance and category), role nouns and known
sources, loaded, checked and compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..resources import language_code, read_table


def reporting_verbs() -> pd.DataFrame:
    """The reporting-verb lexicon: lemma, forms, stance, speech (``watchwords/data/en/reporting_verbs.csv``)."""
    return read_table("reporting_verbs")


def role_nouns() -> pd.DataFrame:
    """Role nouns with the source type they signal (``watchwords/data/en/role_nouns.csv``)."""
    return read_table("role_nouns")


def known_sources() -> pd.DataFrame:
    """Known sources: canonical, aliases, source_type, kind (``watchwords/data/sources.csv``)."""
    return read_table("sources")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[str, str, str]]  # form -> (lemma, stance, speech)
    multi: dict[str, list[tuple[tuple[str, ...], tuple[str, str, str]]]]  # first word -> multiword cue forms
    roles: dict[str, str]
    aliases: list[tuple[re.Pattern[str], str, str, str]]  # (pattern, canonical, type, kind)
    quick: frozenset[str]  # words that can start a cue: sentences without one (and without quotes) are skipped


@lru_cache(maxsize=1)
def reporting_lexicon() -> Lexicon:
    """The compiled packaged lexicons (reporting-verb forms, multi-word cues, role nouns, source aliases), built once."""
    return compile_lexicon(reporting_verbs())


STANCES = ("neutral", "endorsing", "distancing", "oppositional", "tentative", "directive")


def load_reporting_verbs(lexicon: str | Path | pd.DataFrame | None = None) -> pd.DataFrame:
    """A reporting-verb lexicon, checked: the packaged one (None, ``"en"``, ``"english"``), a CSV file with the
    columns of ``watchwords/data/en/reporting_verbs.csv`` (lemma, forms, stance, speech), or such a DataFrame.

    Raises:
        ValueError: (one line, naming the row) for a missing file or column, an empty lexicon, a form list
            that is empty, a stance outside neutral / endorsing / distancing / oppositional / tentative /
            directive, or a speech value other than yes / no.
    """
    if lexicon is None or (isinstance(lexicon, str) and language_code(lexicon) == "en"):
        return reporting_verbs()
    if isinstance(lexicon, pd.DataFrame):
        table, where = lexicon.astype(str), "the lexicon DataFrame"
    else:
        path = Path(str(lexicon))
        if not path.is_file():
            raise ValueError(f"lexicon {str(lexicon)!r}: no such file; pass a CSV path, a DataFrame, or None for the "
                             "packaged lexicon")
        table, where = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False), str(path)
    missing = {"lemma", "forms", "stance", "speech"} - set(table.columns)
    if missing:
        raise ValueError(f"{where}: missing column(s) {sorted(missing)}; the header needs lemma,forms,stance,speech")
    if table.empty:
        raise ValueError(f"{where}: the lexicon is empty; give at least one reporting verb")
    for number, row in enumerate(table.itertuples(index=False), start=1):
        if not [f for f in str(row.forms).split("|") if f.strip()]:
            raise ValueError(f"{where}: row {number}: no forms for {row.lemma!r}; list them separated by |")
        if row.stance not in STANCES:
            raise ValueError(f"{where}: row {number}: stance {row.stance!r}; use one of {', '.join(STANCES)}")
        if row.speech not in ("yes", "no"):
            raise ValueError(f"{where}: row {number}: speech {row.speech!r}; use yes or no")
    return table


def compile_lexicon(verb_table: pd.DataFrame) -> Lexicon:
    verbs: dict[str, tuple[str, str, str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], tuple[str, str, str]]]] = {}
    for row in verb_table.itertuples(index=False):
        for form in str(row.forms).lower().split("|"):
            words = tuple(form.split())
            if not words:
                continue
            if len(words) == 1:
                verbs[form] = (row.lemma, row.stance, row.speech)
            else:
                multi.setdefault(words[0], []).append((words, (row.lemma, row.stance, row.speech)))
    quick = frozenset(verbs) | frozenset(multi) | {"reportedly", "allegedly"}
    roles = {r.role: r.source_type for r in role_nouns().itertuples(index=False)}
    for role, source_type in list(roles.items()):  # plurals: "groups", "ministries"
        plural = role[:-1] + "ies" if role.endswith("y") else role + "s"
        roles.setdefault(plural, source_type)
    aliases = []
    for row in known_sources().itertuples(index=False):
        for alias in sorted(row.aliases.split("|"), key=len, reverse=True):
            flags = 0 if alias.isupper() and len(alias) <= 4 else re.IGNORECASE
            aliases.append((re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)", flags), row.canonical, row.source_type,
                            row.kind))
    aliases.sort(key=lambda item: len(item[0].pattern), reverse=True)
    return Lexicon(verbs, multi, roles, aliases, quick)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    from ..resources import read_words

    return read_words("abbreviations")
