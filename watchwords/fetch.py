"""Fetch the comparable reports listed in the manifest onto the user's own machine.

``python -m watchwords fetch`` downloads each manifest row with status "to fetch" (or "failed",
on a second try), extracts the article with trafilatura (Barbaresi 2021, "Trafilatura: A Web
Scraping Library and Command-Line Tool for Text Discovery and Extraction", ACL demos; the best
F-score of the open extractors in its published evaluation) and writes it in the Watchwords
text format to ``corpus/fetched/`` (git ignores that folder: the texts are the user's own copies
and are not redistributed). The manifest row then records status, retrieved time and sha256.

Behaviour:

* only ``http`` and ``https`` URLs, also for redirects; at most :attr:`FetchConfig.max_redirects`;
* a timeout per request, retries with exponential backoff on timeouts, connection errors,
  HTTP 429 and 5xx (never on other 4xx);
* a size cap (``Content-Length`` and the bytes actually read);
* a polite delay between requests to the same host, and an honest user agent;
* HTML only (``text/html`` or ``application/xhtml+xml``); the charset comes from the HTTP
  header, then the page's ``<meta charset>``, then UTF-8, then detection;
* when the live page fails, the Internet Archive's Wayback Machine availability API is asked
  for the closest snapshot, which is fetched the same way;
* atomic writes; an existing text is never overwritten without ``force=True`` (``--force``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pandas as pd

from ._io import atomic_write_bytes, sha256_bytes
from ._version import __version__
from .corpus import read_manifest, write_manifest
from .textformat import format_document

__all__ = ["FetchConfig", "FetchError", "Page", "fetch_url", "extract_article", "fetch_corpus"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchConfig:
    """Settings of the fetcher; the defaults are polite for real sites.

    Attributes:
        timeout: seconds to wait for a response (connect and each read).
        retries: further attempts after a retryable failure.
        backoff: seconds before the first retry; doubled for each further one.
        max_bytes: size cap of a page.
        delay: minimum seconds between two requests to the same host.
        max_redirects: redirects followed before giving up.
        user_agent: the User-Agent header sent.
        archive_api: URL of the Wayback Machine availability API.
        use_archive: whether to fall back on the archive when the live page fails.
    """

    timeout: float = 20.0
    retries: int = 2
    backoff: float = 2.0
    max_bytes: int = 5_000_000
    delay: float = 2.0
    max_redirects: int = 5
    user_agent: str = f"Watchwords/{__version__} (research and teaching text fetcher; one request at a time)"
    archive_api: str = "https://archive.org/wayback/available"
    use_archive: bool = True


class FetchError(Exception):
    """A page could not be fetched; ``reason`` is a short human-readable explanation."""

    def __init__(self, reason: str, *, retryable: bool = False, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.status = status


@dataclass(frozen=True)
class Page:
    """A fetched HTML page: the URL finally read, the decoded HTML and how it was reached."""

    url: str
    html: str
    via: str  # "live" or "archive"
    charset: str


class _Redirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int):
        super().__init__()
        self.max_redirections = limit  # type: ignore[misc]  # urllib reads it from the instance

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"redirect to a non-http(s) URL refused ({scheme}:)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass
class _Clock:
    """Remembers when each host was last asked, for the polite delay."""

    delay: float
    sleep: Callable[[float], None] = time.sleep
    last: dict[str, float] = field(default_factory=dict)

    def wait(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc
        previous = self.last.get(host)
        if previous is not None:
            remaining = self.delay - (time.monotonic() - previous)
            if remaining > 0:
                self.sleep(remaining)
        self.last[host] = time.monotonic()


def _check_scheme(url: str) -> None:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {scheme or 'a URL without scheme'}:")


def _charset(headers: Message, body: bytes) -> str | None:
    charset = headers.get_content_charset()
    if charset:
        return charset
    sniff = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", body[:4096], re.I)
    return sniff.group(1).decode("ascii") if sniff else None


def _decode(body: bytes, charset: str | None) -> tuple[str, str]:
    if charset:
        try:
            return body.decode(charset), charset.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(body).best()
        if best is None:
            raise FetchError("the page's character encoding could not be determined") from None
        return str(best), best.encoding


def _get(url: str, config: FetchConfig, clock: _Clock, *, html: bool = True) -> tuple[str, bytes, Message]:
    """One GET with the size cap; returns (final URL, body, headers)."""
    _check_scheme(url)
    opener = urllib.request.build_opener(_Redirects(config.max_redirects))
    request = urllib.request.Request(url, headers={"User-Agent": config.user_agent,
                                                   "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
    clock.wait(url)
    try:
        with opener.open(request, timeout=config.timeout) as response:
            headers = response.headers
            content_type = headers.get_content_type()
            if html and content_type not in _HTML_TYPES:
                raise FetchError(f"not an HTML page (Content-Type {content_type})")
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > config.max_bytes:
                raise FetchError(f"page larger than the size cap ({int(length):,} > {config.max_bytes:,} bytes)")
            body = response.read(config.max_bytes + 1)
            if len(body) > config.max_bytes:
                raise FetchError(f"page larger than the size cap (more than {config.max_bytes:,} bytes)")
            return response.geturl(), body, headers
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise FetchError(f"too many redirects or a redirect loop (HTTP {exc.code})", status=exc.code) from None
        raise FetchError(f"HTTP {exc.code} {exc.reason}", retryable=exc.code in _RETRY_STATUS, status=exc.code) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"timed out after {config.timeout:g} s", retryable=True) from None
        raise FetchError(f"connection failed ({reason})", retryable=True) from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"timed out after {config.timeout:g} s", retryable=True) from None
    except (ConnectionError, OSError) as exc:
        raise FetchError(f"connection failed ({exc})", retryable=True) from None


def _with_retries(url: str, config: FetchConfig, clock: _Clock, *, html: bool = True) -> tuple[str, bytes, Message]:
    attempt = 0
    while True:
        try:
            return _get(url, config, clock, html=html)
        except FetchError as exc:
            if not exc.retryable or attempt >= config.retries:
                raise
            clock.sleep(config.backoff * (2**attempt))
            attempt += 1


def _archive_url(url: str, config: FetchConfig, clock: _Clock) -> str | None:
    query = config.archive_api + "?" + urllib.parse.urlencode({"url": url})
    _, body, _ = _with_retries(query, config, clock, html=False)
    try:
        data = json.loads(body.decode("utf-8"))
        closest = data["archived_snapshots"]["closest"]
    except (ValueError, KeyError, TypeError):
        return None
    if not closest.get("available", True) or not closest.get("url"):
        return None
    return str(closest["url"])


def fetch_url(url: str, *, config: FetchConfig = FetchConfig(), clock: _Clock | None = None) -> Page:
    """Fetch one HTML page, falling back on the Wayback Machine when the live page fails.

    Raises:
        FetchError: with a reason naming the live failure and, if tried, the archive's.
    """
    clock = clock or _Clock(config.delay)
    try:
        final, body, headers = _with_retries(url, config, clock)
        html, charset = _decode(body, _charset(headers, body))
        return Page(final, html, "live", charset)
    except FetchError as live:
        if not config.use_archive or live.reason.startswith("only http"):
            raise
        try:
            snapshot = _archive_url(url, config, clock)
        except FetchError as archive:
            raise FetchError(f"{live.reason}; archive lookup failed: {archive.reason}") from None
        if snapshot is None:
            raise FetchError(f"{live.reason}; no archived copy") from None
        try:
            final, body, headers = _with_retries(snapshot, config, clock)
        except FetchError as archive:
            raise FetchError(f"{live.reason}; archived copy failed: {archive.reason}") from None
        html, charset = _decode(body, _charset(headers, body))
        return Page(final, html, "archive", charset)


_CREDIT_RE = re.compile(r"\s*\(((?:photo\s*)?(?:credit|photo|foto|фото|image)\s*:[^()]*)\)\s*$", re.I)


def _captions(html: str) -> list[tuple[str, str]]:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError):
        return []
    pairs: list[tuple[str, str]] = []
    for node in tree.iter("figcaption"):
        text = " ".join(" ".join(node.itertext()).split())
        if not text:
            continue
        credit = ""
        match = _CREDIT_RE.search(text)
        if match:
            credit = re.sub(r"^(?:photo\s*)?(?:credit|photo|foto|фото|image)\s*:\s*", "", match.group(1), flags=re.I)
            text = text[: match.start()].strip()
        if (text, credit) not in pairs:
            pairs.append((text, credit))
    return pairs


def extract_article(html: str, *, url: str | None = None) -> str:
    """Extract an article from HTML and write it in the Watchwords text format.

    Main text and metadata come from ``trafilatura.extract`` (XML output: headline, author as
    byline, date as dateline, paragraphs, sub-headings and list items as body paragraphs); image
    captions come from the page's ``<figcaption>`` elements, with a trailing "(photo: ...)" or
    "(credit: ...)" split off as the credit. The meta description becomes the standfirst unless
    it merely repeats the start of the first paragraph.

    Raises:
        FetchError: if trafilatura finds no article text.
    """
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(html, url=url, output_format="xml", with_metadata=True, include_comments=False,
                              include_tables=False, include_images=False, include_formatting=False)
    if not xml:
        raise FetchError("no article text found in the page")
    doc = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    title = doc.get("title") or ""
    body: list[str] = []
    main = doc.find("main")
    for child in main if main is not None else []:
        items = child.findall(".//item") if child.tag == "list" else [child]
        for item in items:
            text = " ".join(" ".join(item.itertext()).split())
            if child.tag == "head" and not body and text == title:
                continue
            if text:
                body.append(text)
    if not body:
        raise FetchError("no article text found in the page")
    description = " ".join((doc.get("description") or "").split())
    first = body[0]
    standfirst = "" if not description or first.startswith(description.rstrip(".… ")) else description
    return format_document(headline=title, standfirst=standfirst, byline=doc.get("author") or "",
                           dateline=doc.get("date") or "", body=body, captions=_captions(html))


_SUMMARY_COLUMNS = ["doc_id", "outcome", "via", "reason", "url", "path", "n_chars"]


def fetch_corpus(
    path: str | Path = "corpus",
    *,
    only: Iterable[str] | None = None,
    force: bool = False,
    limit: int | None = None,
    config: FetchConfig = FetchConfig(),
    progress: bool = True,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc),
) -> pd.DataFrame:
    """Fetch every manifest row that still needs its text, and record the outcome.

    Rows fetched: status "to fetch" or "failed" (with ``only``, the named doc_ids whatever their
    status). A row whose text file exists is skipped unless ``force``. The manifest is rewritten
    atomically after each document (status "fetched" with retrieved and sha256, or "failed").

    Returns:
        Summary DataFrame with columns doc_id, outcome (fetched / failed / skipped), via
        (live / archive / ""), reason, url, path, n_chars.
    """
    root = Path(path)
    manifest = root / "manifest.csv"
    header, numbered = read_manifest(manifest)
    rows = [row for _, row in numbered]
    wanted = set(only) if only is not None else None
    if wanted is not None:
        unknown = wanted - {row.get("doc_id", "") for row in rows}
        if unknown:
            raise ValueError(f"{manifest}: no manifest row has doc_id {', '.join(sorted(unknown))}")
    todo = [row for row in rows if (row.get("doc_id") in wanted if wanted is not None
                                    else row.get("status") in ("to fetch", "failed"))]
    if limit is not None:
        todo = todo[:limit]
    clock = _Clock(config.delay)
    summary: list[dict[str, object]] = []
    iterator: Iterable[dict[str, str]] = todo
    if progress:
        from tqdm.auto import tqdm

        iterator = tqdm(todo, desc="fetching", unit="report", file=sys.stderr)
    resolved_root = root.resolve()
    for row in iterator:
        doc_id, url, rel = row.get("doc_id", ""), row.get("url", ""), row.get("path", "")
        record: dict[str, object] = {"doc_id": doc_id, "outcome": "skipped", "via": "", "reason": "", "url": url,
                                     "path": rel, "n_chars": 0}
        summary.append(record)
        target = (root / rel).resolve()
        if not rel or not target.is_relative_to(resolved_root):
            record["reason"] = "path is empty or outside the corpus folder"
            continue
        if target.exists() and not force:
            record["reason"] = "text already exists (use --force to fetch again)"
            continue
        if not url:
            record["reason"] = "no url in the manifest"
            continue
        try:
            page = fetch_url(url, config=config, clock=clock)
            text = extract_article(page.html, url=page.url)
        except FetchError as exc:
            record.update(outcome="failed", reason=exc.reason)
            row["status"] = "failed"
        else:
            data = text.encode("utf-8")
            atomic_write_bytes(target, data)
            record.update(outcome="fetched", via=page.via, n_chars=len(text),
                          reason="" if page.via == "live" else f"live page failed; archived copy {page.url}")
            row.update(status="fetched", sha256=sha256_bytes(data),
                       retrieved=now().replace(microsecond=0).isoformat())
        write_manifest(manifest, header, rows)
    frame = pd.DataFrame(summary, columns=_SUMMARY_COLUMNS)
    frame.attrs.update(corpus_path=str(root), force=force, config=config.__dict__.copy())
    return frame
