"""Add reports to a corpus: plain text, Markdown, saved HTML, CSV/JSONL tables, Media Cloud exports, URLs.

``python -m watchwords add PATH_OR_URL --outlet ... --date ...`` calls :func:`add_reports`.
Every new document gets a manifest row; texts are written in the Watchwords text format
(:mod:`watchwords.textformat`). Nothing is written if any new row would be invalid, and an
existing text is never overwritten without ``force``.

Source kinds (chosen by the URL scheme or the file suffix):

* ``http(s)://...``: fetched now with :func:`watchwords.fetch.fetch_url` and extracted with
  trafilatura; status "fetched", text in ``fetched/``.
* ``.txt``: a file already in the Watchwords format (it has labels) is copied as it is;
  otherwise paragraphs are separated by blank lines and the first paragraph is the headline
  unless ``title`` is given.
* ``.md`` / ``.markdown``: the first ``#`` heading is the headline, ``![alt](...)`` images become
  captions, other headings, list items and block quotes become body paragraphs; emphasis and
  link markup are removed (link text kept).
* ``.html`` / ``.htm`` (a page saved from a browser): extracted with trafilatura.
* ``.csv`` / ``.jsonl``: one report per row. Recognised columns (first match wins):
  text: text, body, content, article; title: title, headline; outlet: outlet, media_name,
  source, publisher; date: date, publish_date, published, publication_date; url: url, link;
  language: language, lang; doc_id: doc_id, id, stories_id. A table without a text column but
  with urls (a Media Cloud export, current or older column names) becomes rows to fetch.
  Date-times such as ``2023-04-18 10:22:00`` keep their date part.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ._io import atomic_write_bytes, sha256_bytes
from .corpus import MANIFEST_COLUMNS, check_row, edit_manifest
from .fetch import FetchConfig, extract_article, fetch_url
from .textformat import format_document, parse_document

__all__ = ["add_reports", "read_table", "markdown_to_document", "plain_to_document", "slugify"]

_FIELDS = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "media_name", "source", "publisher"),
    "date": ("date", "publish_date", "published", "publication_date"),
    "url": ("url", "link"),
    "language": ("language", "lang"),
    "doc_id": ("doc_id", "id", "stories_id"),
}
_DATETIME_RE = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")


@dataclass
class _NewDoc:
    row: dict[str, str]
    text: str | None  # None: to fetch
    origin: str  # for messages: "file.csv line 3"


def slugify(value: str, *, max_length: int = 60) -> str:
    """Lower-case ASCII slug of ``value`` made of ``[a-z0-9-]`` (accents dropped)."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def plain_to_document(text: str, *, title: str | None = None) -> str:
    """Plain text to the Watchwords format (first paragraph as headline unless ``title``)."""
    if any(p.part != "body" for p in parse_document(text)):
        return text  # already in the Watchwords format
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]
    if title is None and blocks:
        title, blocks = blocks[0], blocks[1:]
    return format_document(headline=title or "", body=blocks)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_document(text: str, *, title: str | None = None) -> str:
    """Markdown to the Watchwords format (rules in the module docstring)."""
    headline = title or ""
    body: list[str] = []
    captions: list[tuple[str, str]] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.strip().splitlines()]
        if not lines or not lines[0]:
            continue
        images = _MD_IMAGE.findall(block)
        remainder = _MD_IMAGE.sub("", block).strip()
        captions.extend((alt.strip(), "") for alt in images if alt.strip())
        if not remainder:
            continue
        lines = [line.strip() for line in remainder.splitlines()]
        heading = re.match(r"(#{1,6})\s+(.*)", lines[0])
        if heading and len(lines) == 1:
            content = _clean_markdown(heading.group(2))
            if heading.group(1) == "#" and not headline:
                headline = content
            else:
                body.append(content)
            continue
        if all(re.match(r"([-*+]|\d+\.)\s+", line) for line in lines):
            body.extend(_clean_markdown(re.sub(r"^([-*+]|\d+\.)\s+", "", line)) for line in lines)
            continue
        lines = [re.sub(r"^>\s?", "", line) for line in lines]
        body.append(_clean_markdown(" ".join(lines)))
    return format_document(headline=headline, body=body, captions=captions)


def _clean_markdown(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())


def _pick(record: dict[str, str], field: str) -> str:
    lowered = {key.strip().lower(): value for key, value in record.items() if key is not None}
    for name in _FIELDS[field]:
        value = lowered.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return ""


def _normal_date(value: str) -> str:
    match = _DATETIME_RE.fullmatch(value)
    return match.group(1) if match else value


def read_table(path: str | Path) -> tuple[list[dict[str, str]], bool]:
    """Read a CSV or JSONL report table.

    Returns:
        (records, has_text): one dict per row (values as strings), and whether any recognised
        text column exists (False for Media Cloud exports, which carry no text).
    """
    path = Path(path)
    raw = path.read_text(encoding="utf-8-sig")
    records: list[dict[str, str]] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path} line {number}: not valid JSON ({exc.msg}); write one JSON object per line") from None
            if not isinstance(value, dict):
                raise ValueError(f"{path} line {number}: expected a JSON object, got {type(value).__name__}")
            records.append({str(k): "" if v is None else str(v) for k, v in value.items()})
    else:
        records = [dict(row) for row in csv.DictReader(io.StringIO(raw, newline=""))]
    keys = {key.strip().lower() for record in records for key in record if key is not None}
    return records, bool(keys & set(_FIELDS["text"]))


def add_reports(
    source: str,
    *,
    corpus: str | Path = "corpus",
    outlet: str | None = None,
    date: str | None = None,
    title: str | None = None,
    doc_id: str | None = None,
    outlet_type: str = "unknown",
    country: str = "unknown",
    language: str = "unknown",
    url: str = "",
    source_agency: str = "",
    attributes_to: str = "",
    cluster: str = "",
    rights: str = "unknown",
    force: bool = False,
    config: FetchConfig = FetchConfig(),
    now: dt.datetime | None = None,
) -> pd.DataFrame:
    """Add one or more reports to the corpus and return the manifest rows added.

    Keyword options fill the manifest fields; for tables they are defaults for rows that lack
    the field. Raises ``ValueError`` naming the file, line and field of every problem, and
    writes nothing, if any new row would be invalid or would overwrite a text.
    """
    root = Path(corpus)
    with edit_manifest(root) as (header, rows):  # locked; a manifest with errors is never rewritten
        taken = {row.get("doc_id", "") for row in rows}
        moment = now or dt.datetime.now(dt.timezone.utc)
        defaults = dict(outlet=outlet or "", date=date or "", outlet_type=outlet_type, country=country, language=language,
                        url=url, source_agency=source_agency, attributes_to=attributes_to, cluster=cluster, rights=rights)
        docs: list[_NewDoc] = []
        if re.match(r"https?://", source, re.I):
            page = fetch_url(source, config=config)
            text = extract_article(page.html, url=page.url)
            docs.append(_NewDoc(dict(defaults, url=source, title=title or _headline(text), status="fetched",
                                     retrieved=moment.replace(microsecond=0).isoformat(), doc_id=doc_id or ""), text, source))
        else:
            path = Path(source)
            if not path.is_file():
                raise ValueError(f"{source}: no such file; give a path to a .txt, .md, .html, .csv or .jsonl file, or a URL")
            suffix = path.suffix.lower()
            if suffix in (".csv", ".jsonl"):
                records, has_text = read_table(path)
                for number, record in enumerate(records, start=2 if suffix == ".csv" else 1):
                    body = _pick(record, "text")
                    row = dict(defaults, title=_pick(record, "title"), url=_pick(record, "url") or "",
                               doc_id=slugify(_pick(record, "doc_id"), max_length=80).replace("-", "_") if _pick(record, "doc_id") else "")
                    for field in ("outlet", "language"):
                        row[field] = _pick(record, field) or defaults[field]
                    row["date"] = _normal_date(_pick(record, "date")) or defaults["date"]
                    if has_text:
                        if not body.strip():
                            raise ValueError(f"{path} line {number}: field 'text': empty; give the report's text or remove the row")
                        paragraphs = [p for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
                        text = format_document(headline=row["title"], body=paragraphs)
                        docs.append(_NewDoc(dict(row, status="present"), text, f"{path} line {number}"))
                    else:
                        docs.append(_NewDoc(dict(row, status="to fetch"), None, f"{path} line {number}"))
            else:
                content = path.read_bytes()
                if suffix in (".html", ".htm"):
                    html = content.decode("utf-8", errors="replace")
                    text = extract_article(html, url=url or None)
                else:
                    try:
                        decoded = content.decode("utf-8-sig")
                    except UnicodeDecodeError as exc:
                        raise ValueError(f"{path}: byte {exc.start}: not valid UTF-8; save the file as UTF-8") from None
                    if suffix in (".md", ".markdown"):
                        text = markdown_to_document(decoded, title=title)
                    elif suffix == ".txt":
                        text = plain_to_document(decoded, title=title)
                    else:
                        raise ValueError(f"{path}: unknown file type {suffix!r}; use .txt, .md, .html, .csv or .jsonl")
                docs.append(_NewDoc(dict(defaults, title=title or _headline(text), status="present", doc_id=doc_id or ""),
                                    text, str(path)))
        problems: list[str] = []
        for doc in docs:
            row = doc.row
            if not row["outlet"]:
                problems.append(f"{doc.origin}: field 'outlet': missing; pass --outlet or add an outlet column")
            if not row["date"]:
                problems.append(f"{doc.origin}: field 'date': missing; pass --date (YYYY, YYYY-MM, YYYY-MM-DD or unknown)")
            if doc.text is not None and not parse_document(doc.text):
                problems.append(f"{doc.origin}: the report has no text")
            if doc.text is None and not row["url"]:
                problems.append(f"{doc.origin}: field 'url': missing; a row without text needs a url to fetch")
            explicit = row["doc_id"]
            if explicit:
                if explicit in taken and not force:
                    problems.append(f"{doc.origin}: doc_id {explicit!r} is already in the manifest; "
                                    "choose another --doc-id, or pass --force to replace that document")
                new_id = explicit
            else:
                base = new_id = _auto_id(row, doc.text)
                counter = 2
                while new_id in taken:
                    new_id, counter = f"{base}-{counter}", counter + 1
            taken.add(new_id)
            row["doc_id"] = new_id
            folder = "fetched" if row["status"] in ("fetched", "to fetch") else "texts"
            row["path"] = f"{folder}/{new_id}.txt"
            # the same field checks as validate: a row that validate would reject is never written
            problems.extend(f"{doc.origin}: field {p.field!r}: {p.message}; {p.fix}" for p in
                            check_row({**row, "outlet": row["outlet"] or "-", "date": row["date"] or "unknown"},
                                      file=doc.origin, line=None) if p.severity == "error")
            if doc.text is not None and (root / row["path"]).exists() and not force:
                problems.append(f"{doc.origin}: {root / row['path']} exists; pass --force to overwrite it")
        if problems:
            raise ValueError("nothing was added:\n" + "\n".join(problems))
        replaced = {doc.row["doc_id"] for doc in docs}
        if force:
            rows[:] = [row for row in rows if row.get("doc_id") not in replaced]
        for doc in docs:
            if doc.text is not None:
                data = doc.text.encode("utf-8")
                atomic_write_bytes(root / doc.row["path"], data)
                doc.row["sha256"] = sha256_bytes(data)
            rows.append({column: doc.row.get(column, "") for column in header})
    added = pd.DataFrame([{column: doc.row.get(column, "") for column in MANIFEST_COLUMNS} for doc in docs],
                         columns=list(MANIFEST_COLUMNS))
    added.attrs.update(source=source, corpus_path=str(root))
    return added


def _headline(text: str) -> str:
    for para in parse_document(text):
        if para.part == "headline":
            return text[para.start:para.end]
    return ""


def _auto_id(row: dict[str, str], text: str | None) -> str:
    parts = [slugify(row["outlet"], max_length=24), row["date"].replace("unknown", ""), slugify(row["title"], max_length=30)]
    slug = "-".join(p for p in parts if p)
    if not slugify(row["outlet"]) or not slugify(row["title"]):
        seed = (row.get("url") or "") + (text or "") + row["title"]
        slug = "-".join(p for p in (slug, hashlib.sha256(seed.encode()).hexdigest()[:8]) if p)
    return slug or "doc"

