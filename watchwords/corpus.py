"""The corpus: ``corpus/manifest.csv`` (one row per document) and UTF-8 texts beside it.

``load_corpus`` reads both into one pandas DataFrame; ``validate_corpus`` checks them and reports
every problem at once, one line each, naming the file, the line or field, what is wrong and how
to fix it. Neither ever writes to the corpus.

The manifest columns are documented in ``corpus/DATASHEET.md`` and in :data:`MANIFEST_COLUMNS`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ._io import sha256_bytes, write_csv_rows
from .documents import paragraphs_of
from .resources import read_table, read_words
from .tables import returns
from .textformat import LABELS, PART_KINDS, Paragraph

__all__ = [
    "MANIFEST_COLUMNS",
    "OPTIONAL_COLUMNS",
    "STATUSES",
    "CorpusError",
    "Problem",
    "outlet_types",
    "read_manifest",
    "write_manifest",
    "validate_corpus",
    "load_corpus",
    "load_manifest",
    "attributed_sources",
    "corpus_note",
    "check_date",
    "check_row",
    "edit_manifest",
    "parse_date",
    "CLUSTER_LABELS",
]

#: Required manifest columns, in the order Watchwords writes them.
MANIFEST_COLUMNS: tuple[str, ...] = (
    "doc_id", "title", "outlet", "outlet_type", "country", "language", "date", "url",
    "source_agency", "attributes_to", "cluster", "rights", "path", "retrieved", "sha256", "status",
)
#: Documented optional columns. Your own extra columns must start with ``x_``.
OPTIONAL_COLUMNS: tuple[str, ...] = ("date_basis", "notes")
#: Allowed values of ``status``.
STATUSES: tuple[str, ...] = ("present", "to fetch", "fetched", "failed")
#: Statuses whose text file must exist.
_WITH_TEXT = ("present", "fetched")
#: Columns that must not be empty.
_NON_EMPTY = ("doc_id", "outlet", "outlet_type", "language", "date", "path", "status", "rights")
#: Folders below corpus/ that hold source material, not documents.
_NOT_DOCUMENTS = ("raw", "gold")  # raw pages and gold annotations are not documents of the corpus

_DOC_ID_RE = re.compile(r"[a-z0-9_-]+")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_RETRIEVED_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?")
_SHA_RE = re.compile(r"[0-9a-f]{64}")
_URL_RE = re.compile(r"https?://[^\s]+", re.IGNORECASE)
#: The longest manifest value accepted (characters); longer ones are nearly always rows merged by a stray quote.
MAX_FIELD = 65_536
#: Files of the corpus folder that are not documents and may not be a row's path.
_RESERVED = ("manifest.csv", "DATASHEET.md", ".manifest.lock")


def _check_path(value: str) -> str | None:
    parts = Path(value).parts
    if not parts:
        return None
    if value in _RESERVED or parts[0] in ("gold", "raw") or any(p.startswith(".") and p not in (".", "..") for p in parts):
        return f"{value!r} is reserved (the manifest, the datasheet, gold annotations, raw copies or hidden files)"
    return None
_EXTRA = "\0extra"  # key under which read_manifest notes surplus values in a row

#: What the shipped manifest's cluster letters stand for (corpus/DATASHEET.md); a corpus of one's own may use others.
CLUSTER_LABELS: dict[str, str] = {
    "A": "the April 2023 Loktev/TASS story",
    "B": "draftee detentions in the Moscow metro, 2022-2025",
    "C": "other Moscow facial-recognition surveillance, 2019-2024",
}


@dataclass(frozen=True)
class Problem:
    """One problem found in the corpus.

    Attributes:
        file: the file, relative to the corpus folder's parent when possible.
        line: line number in that file (1-based), or None.
        field: the manifest column or text position concerned, or "".
        message: what is wrong.
        fix: how to fix it.
        severity: "error" (load and validate fail) or "warning".
    """

    file: str
    line: int | None
    field: str
    message: str
    fix: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        field = f" {self.field}:" if self.field else ""
        return f"{self.severity}: {where}:{field} {self.message}. Fix: {self.fix}."


class CorpusError(ValueError):
    """Raised by ``load_corpus`` when the corpus has errors; ``problems`` lists all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [str(p) for p in problems]
        super().__init__(f"the corpus has {len(problems)} error(s):\n" + "\n".join(lines))


def outlet_types() -> pd.DataFrame:
    """The controlled vocabulary of ``outlet_type`` with definitions and decision rules.

    Returns:
        DataFrame with columns outlet_type, definition, decision_rule, examples
        (from the versioned data file ``watchwords/data/outlet_types.csv``).
    """
    return read_table("outlet_types")


def check_date(value: str) -> str | None:
    """Return None if ``value`` is a valid manifest date, else a description of the problem.

    Valid: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a real calendar date) or ``unknown``.
    Partial dates are kept as given, never completed.
    """
    if value == "unknown":
        return None
    match = _DATE_RE.fullmatch(value)
    if not match:
        return f"{value!r} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)  # type: ignore[arg-type]
    except ValueError as exc:
        return f"{value!r} is not a calendar date ({exc})"
    return None


def parse_date(value: str) -> pd.Timestamp:
    """A complete ``YYYY-MM-DD`` date as a Timestamp; partial or unknown dates give ``NaT``."""
    if check_date(value) is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return pd.Timestamp(value)
    return pd.NaT


def read_manifest(path: str | Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Read a manifest CSV as text, keeping line numbers.

    Returns:
        (header, rows) where rows are (line number, row dict). Raises ``CorpusError`` if the
        file is missing, not UTF-8 or has no header.
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError([Problem(str(path), None, "", "the manifest file does not exist",
                                   "create it with the header line " + ",".join(MANIFEST_COLUMNS))])
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError([Problem(str(path), None, f"byte {exc.start}", "the manifest is not valid UTF-8",
                                   "save the manifest as UTF-8 (in a spreadsheet: CSV UTF-8)")]) from None
    csv.field_size_limit(2**31 - 1)  # long fields are reported by check_row, never a crash of the csv module
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CorpusError([Problem(str(path), 1, "", "the manifest is empty",
                                   "add the header line " + ",".join(MANIFEST_COLUMNS))]) from None
    header = [h.strip() for h in header]
    rows = []
    last = reader.line_num
    for values in reader:
        line, last = last + 1, reader.line_num  # the line a record starts on (a quoted value may span lines)
        if not any(v.strip() for v in values):
            continue
        row = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        if len(values) > len(header):
            row[_EXTRA] = str(len(values) - len(header))
        rows.append((line, row))
    return header, rows


def write_manifest(path: str | Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Write manifest rows atomically, keeping the column order of ``header``. Commands that change the manifest
    go through :func:`edit_manifest`, which also locks it and refuses to rewrite one that does not validate."""
    write_csv_rows(path, header, rows)


#: Seconds a command waits for another one that is writing the manifest.
LOCK_TIMEOUT = 60.0


@contextmanager
def edit_manifest(corpus: str | Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[tuple[list[str], list[dict[str, str]]]]:
    """Read, check and rewrite the manifest as one locked step: the writing commands' only way in.

    A file lock (``corpus/.manifest.lock``, the ``filelock`` package) is held from the read to the atomic write, so
    concurrent ``add``, ``fetch`` and ``rehash`` runs wait for each other instead of losing rows. The manifest is
    checked with the field checks of :func:`validate_corpus` (:func:`check_row`, duplicate doc_ids) before anything
    is changed: a manifest with an error (a row with surplus values, rows merged by an unbalanced quotation mark) is
    never rewritten, so its damage is not made permanent. The block receives (header, rows) to change in place; the
    rows are written back only when it ends without an exception.

    Raises:
        CorpusError: when the manifest has errors, or another command holds the lock for ``timeout`` seconds.
    """
    from filelock import FileLock, Timeout

    root = Path(corpus)
    path = root / "manifest.csv"
    lock = FileLock(str(root / ".manifest.lock"), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise CorpusError([Problem(str(path), None, "", f"another command has been writing the manifest for {timeout:g} s",
                                   "wait for it to finish and run the command again")]) from None
    try:
        header, numbered = read_manifest(path)
        shown = _display(path, root)
        problems = [p for line, row in numbered for p in check_row(row, file=shown, line=line, columns=header)
                    if p.severity == "error"]
        first: dict[str, int] = {}
        for line, row in numbered:
            doc_id = row.get("doc_id", "")
            if doc_id and doc_id in first:
                problems.append(Problem(shown, line, "doc_id", f"duplicate doc_id {doc_id!r} (first on line {first[doc_id]})",
                                        "give each document its own doc_id"))
            first.setdefault(doc_id, line)
        if problems:
            raise CorpusError(problems)
        rows = [row for _, row in numbered]
        yield header, rows
        write_manifest(path, header, rows)
    finally:
        lock.release()


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _text_problems(file: Path, shown: str, data: bytes) -> tuple[str | None, list[Paragraph], list[Problem]]:
    """Decode and parse a text once: (text, its paragraphs, problems)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [], [Problem(shown, None, f"byte {exc.start}", f"the text is not valid UTF-8 ({exc.reason})",
                                  "save the file as UTF-8 in your editor")]
    if "\0" in text:
        at = text.index("\0")
        return None, [], [Problem(shown, text.count("\n", 0, at) + 1, "", "the text contains a NUL byte (a binary "
                                  "file, or a file saved as UTF-16)", "save the report as plain UTF-8 text")]
    paragraphs = list(paragraphs_of(text))  # the parse every analysis of this text will reuse
    if not paragraphs:
        return text, [], [Problem(shown, None, "", "the text is empty", "write the report's text into the file, "
                                  "or set the manifest row's status to 'to fetch'")]
    warnings = []
    if len(data) > LARGE_TEXT:
        warnings.append(Problem(shown, None, "", f"the text is {len(data) / 1e6:.0f} MB: load_corpus keeps every text "
                                "in memory (several times its size)", "count such corpora with watchwords.count_terms, "
                                "which streams, or split the file into reports", "warning"))
    for number, label in _unknown_labels(text):
        warnings.append(Problem(shown, number, "", f"{label!r} looks like a label but is not one, so the line is read "
                                "as body text", f"use one of {', '.join(sorted(LABELS))} in capitals, or reword the "
                                "line", "warning"))
    return text, paragraphs, warnings


#: Texts larger than this (bytes) get a warning about memory.
LARGE_TEXT = 50_000_000
_LABEL_LIKE = re.compile(r"^([A-Za-z][A-Za-z ]{1,20}):", re.MULTILINE)


def _unknown_labels(text: str) -> list[tuple[int, str]]:
    """(line, label) of lines that start like a label of the text format but are not one (SUBHEAD:, Headline:)."""
    found = []
    for match in _LABEL_LIKE.finditer(text):
        word = match.group(1)
        known = word in LABELS
        looks_like = word.isupper() or word.upper() in LABELS
        if looks_like and not known:
            found.append((text.count("\n", 0, match.start()) + 1, word + ":"))
    return found[:5]


def check_row(row: dict[str, str], *, file: str, line: int | None, columns: list[str] | None = None) -> list[Problem]:
    """The field checks of one manifest row: the one set of rules that ``validate``, ``load_corpus``, ``add``,
    ``fetch`` and ``rehash`` all apply (checks across rows, such as duplicate ids and files, are in
    :func:`validate_corpus`).

    Checks: surplus values (an unquoted comma), required fields not empty, the doc_id's characters, and the
    formats of date, retrieved, outlet_type, language, status and sha256.

    Args:
        row: column -> value, as read by :func:`read_manifest` (or a new row about to be written).
        file, line: where the row is, for the messages.
        columns: the manifest's header (required fields not in it are reported by the header check instead);
            None checks every required field.
    """
    problems: list[Problem] = []
    header = list(MANIFEST_COLUMNS) if columns is None else columns
    for column, value in row.items():
        if column == _EXTRA:
            continue
        if "\0" in value:
            problems.append(Problem(file, line, column, "the value contains a NUL byte",
                                    "remove the control character (save the manifest as plain UTF-8 CSV)"))
        if len(value) > MAX_FIELD:
            problems.append(Problem(file, line, column, f"the value is {len(value):,} characters long (limit "
                                    f"{MAX_FIELD:,}); an unbalanced quotation mark may have merged rows",
                                    "close the quotation mark, or shorten the value"))
        elif "\n" in value and column not in ("notes", "title") and not column.startswith("x_"):
            problems.append(Problem(file, line, column, "the value spans several lines: a quotation mark opened here "
                                    "is not closed before the next row", "close the quotation mark on this line"))
    if _EXTRA in row:
        problems.append(Problem(file, line, "", f"the row has {row[_EXTRA]} more value(s) than the header",
                                "quote values that contain commas, or remove the extra values"))
    for column in _NON_EMPTY:
        if column in header and not row.get(column):
            problems.append(Problem(file, line, column, f"{column} is empty",
                                    "fill it in ('unknown' is allowed for date, language and outlet_type)"))
    doc_id = row.get("doc_id", "")
    if doc_id and not _DOC_ID_RE.fullmatch(doc_id):
        problems.append(Problem(file, line, "doc_id", f"{doc_id!r} has characters outside a-z, 0-9, '_' and '-'",
                                "use lower-case letters, digits, '_' and '-' only"))
    for field, check, fix in _field_checks():
        value = row.get(field, "")
        message = check(value) if value else None
        if message:
            problems.append(Problem(file, line, field, message, fix))
    return problems


@lru_cache(maxsize=1)
def _field_checks() -> list[tuple[str, Callable[[str], str | None], str]]:
    """(field, check returning a message for a bad non-empty value or None, how to fix it)."""
    vocabulary = frozenset(outlet_types()["outlet_type"])
    languages = read_words("iso639_1")
    return [
        ("date", check_date, "write YYYY, YYYY-MM, YYYY-MM-DD or 'unknown'; keep partial dates partial"),
        ("retrieved", lambda v: None if _RETRIEVED_RE.fullmatch(v) else f"{v!r} is not an ISO 8601 date or time",
         "write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+00:00, or leave it empty"),
        ("outlet_type", lambda v: None if v in vocabulary else f"unknown outlet_type {v!r}",
         f"use one of: {', '.join(sorted(vocabulary))} (see watchwords/data/outlet_types.csv)"),
        ("language", lambda v: None if v == "unknown" or v in languages else f"{v!r} is not an ISO 639-1 language code",
         "write the two-letter lower-case code such as 'en', 'ru' or 'uk' (ISO 639-1), or 'unknown'"),
        ("url", lambda v: None if v == "unknown" or _URL_RE.fullmatch(v) else f"{v[:80]!r} is not an http(s) URL",
         "write the report's address starting with http:// or https://, or leave it empty"),
        ("path", _check_path, "give a path inside the corpus folder such as texts/<doc_id>.txt or fetched/<doc_id>.txt"),
        ("status", lambda v: None if v in STATUSES else f"unknown status {v!r}", f"use one of: {', '.join(STATUSES)}"),
        ("sha256", lambda v: None if _SHA_RE.fullmatch(v) else "not a 64-character lower-case hex SHA-256",
         "leave it empty or record it with 'python -m watchwords rehash DOC_ID'"),
    ]


def _validate(root: Path) -> tuple[list[Problem], dict[str, tuple[str, list[Paragraph]]]]:
    """Validate the corpus at ``root``; returns problems and, by doc_id, the decoded text and its paragraphs."""
    manifest = root / "manifest.csv"
    mshown = _display(manifest, root)
    problems: list[Problem] = []
    texts: dict[str, tuple[str, list[Paragraph]]] = {}
    try:
        header, rows = read_manifest(manifest)
    except CorpusError as err:
        return err.problems, texts

    known = set(MANIFEST_COLUMNS) | set(OPTIONAL_COLUMNS)
    for column in MANIFEST_COLUMNS:
        if column not in header:
            problems.append(Problem(mshown, 1, column, f"required column {column!r} is missing",
                                    f"add a column named {column!r} to the header line"))
    seen_header: set[str] = set()
    for column in header:
        if column in seen_header:
            problems.append(Problem(mshown, 1, column, f"column {column!r} appears twice", "remove one of them"))
        seen_header.add(column)
        if column not in known and not column.startswith("x_"):
            problems.append(Problem(mshown, 1, column, f"unknown column {column!r}",
                                    f"rename it to 'x_{column}' (your own columns start with 'x_') "
                                    f"or correct its spelling; known columns: {', '.join(MANIFEST_COLUMNS + OPTIONAL_COLUMNS)}"))
    first_line: dict[str, int] = {}
    listed: set[Path] = set()
    path_line: dict[Path, int] = {}
    resolved_root = root.resolve()
    for line, row in rows:
        doc_id = row.get("doc_id", "")
        problems.extend(check_row(row, file=mshown, line=line, columns=header))
        if doc_id:
            if doc_id in first_line:
                problems.append(Problem(mshown, line, "doc_id", f"duplicate doc_id {doc_id!r} (first on line {first_line[doc_id]})",
                                        "give each document its own doc_id"))
            else:
                first_line[doc_id] = line
        status, sha = row.get("status", ""), row.get("sha256", "")
        rel = row.get("path", "")
        if not rel:
            continue
        candidate = Path(rel)
        file = (root / candidate).resolve()
        if candidate.is_absolute() or not file.is_relative_to(resolved_root):
            problems.append(Problem(mshown, line, "path", f"{rel!r} points outside the corpus folder (refused)",
                                    "give a path relative to corpus/, such as texts/<doc_id>.txt"))
            continue
        shown = _display(root / candidate, root)
        if file in listed:
            problems.append(Problem(mshown, line, "path", f"{rel!r} is also the path of another row (line "
                                    f"{path_line[file]})", "give each document its own text file"))
            continue
        listed.add(file)
        path_line[file] = line
        if file.is_dir():
            problems.append(Problem(mshown, line, "path", f"{shown} is a folder, not a text file",
                                    "point the path at the report's .txt file inside that folder"))
            continue
        if not file.is_file():
            if status in ("present",):
                problems.append(Problem(mshown, line, "path", f"the text file {shown} does not exist",
                                        "put the file there, correct the path, or set status to 'to fetch'"))
            elif status == "fetched":
                problems.append(Problem(mshown, line, "path", f"{shown} was fetched elsewhere but is not on this machine",
                                        f"run 'python -m watchwords fetch --only {doc_id}'", "warning"))
            continue
        if status not in _WITH_TEXT:
            if status not in STATUSES:
                continue
            problems.append(Problem(mshown, line, "status", f"status is {status!r} but {shown} exists",
                                    "set status to 'present' (or 'fetched') if the file is the report's text", "warning"))
            continue
        data = file.read_bytes()
        text, paragraphs, text_problems = _text_problems(file, shown, data)
        problems.extend(text_problems)
        if text is not None and not any(p.severity == "error" for p in text_problems) and doc_id:
            texts[doc_id] = (text, paragraphs)
        if sha and _SHA_RE.fullmatch(sha) and sha256_bytes(data) != sha:
            problems.append(Problem(mshown, line, "sha256", f"{shown} has changed since its sha256 was recorded",
                                    f"if the change is intended, record it with 'python -m watchwords rehash {doc_id}'"))
        elif not sha:
            problems.append(Problem(mshown, line, "sha256", "no sha256 recorded",
                                    f"record it with 'python -m watchwords rehash {doc_id}'", "warning"))
    for file in sorted(resolved_root.rglob("*.txt")):
        relative = file.relative_to(resolved_root)
        if relative.parts[0] in _NOT_DOCUMENTS or file in listed:
            continue
        problems.append(Problem(_display(root / relative, root), None, "", "the text file is not in the manifest",
                                f"add a manifest row with path {relative.as_posix()!r}, or move the file out of corpus/"))
    return problems, texts


def validate_corpus(path: str | Path = "corpus") -> list[Problem]:
    """Check a corpus folder and return every problem found (errors and warnings).

    Checks: manifest present and UTF-8; required columns present, unknown columns (your own
    start with ``x_``); doc_id unique and made of ``[a-z0-9_-]``; paths inside the corpus folder
    (others refused); dates ``YYYY[-MM[-DD]]`` or ``unknown``; outlet_type from the controlled
    vocabulary; status from :data:`STATUSES`; texts UTF-8 (the byte offset of the first bad
    byte is given) and not empty; sha256 matching the file; every ``*.txt`` below the corpus
    folder (but ``raw/``) listed in the manifest. Nothing is modified.
    """
    problems, _ = _validate(Path(path))
    return problems


def _corpus_hash(root: Path, texts: dict[str, tuple[str, list[Paragraph]]]) -> str:
    digest = hashlib.sha256((root / "manifest.csv").read_bytes())
    for doc_id in sorted(texts):
        digest.update(doc_id.encode())
        digest.update(texts[doc_id][0].encode("utf-8"))
    return digest.hexdigest()


@returns("corpus")
def load_corpus(path: str | Path = "corpus") -> pd.DataFrame:
    """Load the documents whose text is present into a DataFrame, one row per document.

    The corpus is validated first; any error raises :class:`CorpusError` listing every problem.

    Returns:
        DataFrame sorted by doc_id with the manifest columns (``outlet_type``, ``country``,
        ``language``, ``cluster`` and ``status`` as category dtype; ``date`` as given) plus:

        * ``published``: the date as a Timestamp where it is complete, else NaT;
        * ``text``: the full document text; all offsets in Watchwords index this string;
        * ``headline``, ``standfirst``, ``byline``, ``dateline``: those parts (paragraphs of a
          kind joined by a space; "" if absent);
        * ``body``: body paragraphs joined by a blank line (for reading; use
          ``watchwords.paragraphs`` for offsets);
        * ``n_paragraphs``, ``n_body_chars``.

        ``df.attrs`` holds ``corpus_path``, ``corpus_hash`` (SHA-256 over manifest and texts),
        ``n_manifest_rows``, ``not_present`` (doc_ids listed but without text here) and
        ``warnings`` (validation warnings as strings).
    """
    root = Path(path)
    problems, texts = _validate(root)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise CorpusError(errors)
    header, rows = read_manifest(root / "manifest.csv")
    records = []
    for _, row in rows:
        doc_id = row["doc_id"]
        if doc_id not in texts:
            continue
        text, paragraphs = texts[doc_id]
        parts: dict[str, list[str]] = {kind: [] for kind in PART_KINDS}
        for para in paragraphs:
            parts[para.part].append(text[para.start:para.end])
        record: dict[str, Any] = {column: row.get(column, "") for column in header if column in row}
        record.update(
            published=parse_date(row["date"]),
            text=text,
            headline=" ".join(parts["headline"]),
            standfirst=" ".join(parts["standfirst"]),
            byline=" ".join(parts["byline"]),
            dateline=" ".join(parts["dateline"]),
            body="\n\n".join(parts["body"]),
            n_paragraphs=len(paragraphs),
            n_body_chars=sum(len(p) for p in parts["body"]),
        )
        records.append(record)
    columns = list(header) + ["published", "text", "headline", "standfirst", "byline", "dateline", "body",
                              "n_paragraphs", "n_body_chars"]
    frame = pd.DataFrame.from_records(records, columns=columns)
    # the texts stay the very str objects the parse caches were keyed with (object dtype): every verb reads them
    # without a conversion from Arrow strings, and no cache holds a second copy of a text
    frame["text"] = pd.Series([record["text"] for record in records], dtype=object, index=frame.index)
    frame = frame.sort_values("doc_id", kind="stable").reset_index(drop=True)
    frame["published"] = pd.to_datetime(frame["published"])
    for column in ("outlet_type", "country", "language", "cluster", "status"):
        if column in frame:
            frame[column] = frame[column].astype("category")
    frame.attrs.update(
        corpus_path=str(root),
        corpus_hash=_corpus_hash(root, texts),
        n_manifest_rows=len(rows),
        not_present=sorted(row["doc_id"] for _, row in rows if row.get("doc_id") not in texts),
        warnings=[str(p) for p in problems if p.severity == "warning"],
    )
    return frame


@returns("manifest")
def load_manifest(path: str | Path = "corpus") -> pd.DataFrame:
    """Every manifest row, whether its text is present or not (for describing the whole corpus).

    Returns:
        DataFrame with the manifest columns as strings (categories for outlet_type, country,
        language, cluster, status), plus ``published`` (complete dates as Timestamps, else
        NaT), ``date_precision`` ("day", "month", "year" or "unknown") and ``line`` (the row's
        line in manifest.csv). ``df.attrs["path"]`` names the file.
    """
    root = Path(path)
    header, rows = read_manifest(root / "manifest.csv")
    frame = pd.DataFrame([{**{h: row.get(h, "") for h in header}, "line": line} for line, row in rows],
                         columns=list(header) + ["line"])
    frame["published"] = pd.to_datetime(pd.Series([parse_date(d) for d in frame["date"]], dtype="object"))
    frame["date_precision"] = [
        "unknown" if d == "unknown" or check_date(d) else ("day", "month", "year")[2 - d.count("-")] for d in frame["date"]
    ]
    for column in ("outlet_type", "country", "language", "cluster", "status"):
        if column in frame:
            frame[column] = frame[column].astype("category")
    frame.attrs.update(path=str(root / "manifest.csv"))
    return frame


@returns("attributed_sources")
def attributed_sources(manifest: pd.DataFrame) -> pd.DataFrame:
    """The manifest's ``attributes_to`` field as a long table, one row per credited source.

    The field lists, separated by ``;``, whom a report attributes its information to, in the
    order the bibliographic record gives. Bracketed remarks are kept in ``remark``.

    Returns:
        Columns doc_id, outlet, outlet_type, position (0-based), source, remark.
    """
    records = []
    for row in manifest.itertuples(index=False):
        for position, item in enumerate(part.strip() for part in str(row.attributes_to).split(";")):
            if not item:
                continue
            match = re.fullmatch(r"(.*?)\s*\((.*)\)", item)
            source, remark = (match.group(1), match.group(2)) if match else (item, "")
            records.append({"doc_id": row.doc_id, "outlet": row.outlet, "outlet_type": row.outlet_type,
                            "position": position, "source": source, "remark": remark})
    frame = pd.DataFrame(records, columns=["doc_id", "outlet", "outlet_type", "position", "source", "remark"])
    frame.attrs.update(source="watchwords.attributed_sources (manifest field attributes_to)")
    return frame


def corpus_note(corpus: pd.DataFrame) -> str:
    """One sentence saying what the loaded corpus holds, and what to do when only the seed is there."""
    listed = corpus.attrs.get("n_manifest_rows", len(corpus))
    present = len(corpus)
    if present <= 1:
        return (f"Only the seed article is present ({present} of {listed} documents listed). Results below describe "
                "one article; comparisons between outlets need the comparable reports: run "
                "'python -m watchwords fetch' on a machine with internet access, then run this notebook again.")
    return f"{present} of {listed} documents listed in the manifest have their text on this machine."
