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
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ._io import atomic_write_bytes, sha256_bytes
from ._version import __version__
from .corpus import edit_manifest, read_manifest
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
        use_archive: whether to fall back on the archive when the live page fails (the archive then learns
            which URL you asked for; ``--no-archive`` turns it off).
        min_words: an extraction with fewer words of article text is refused (navigation-only pages).
        deadline: seconds one URL may take in all, retries and slow servers included.
        allow_private: fetch from private, loopback and link-local addresses (off: such destinations, also
            reached by a redirect, are refused).
        allowed_hosts: host names or addresses exempt from that check (the tests' server on 127.0.0.1).
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
    min_words: int = 40
    deadline: float = 120.0
    allow_private: bool = False
    allowed_hosts: tuple[str, ...] = ()


class FetchError(Exception):
    """A page could not be fetched; ``reason`` is a short human-readable explanation."""

    def __init__(self, reason: str, *, retryable: bool = False, status: int | None = None):
        reason = " ".join(str(reason).split())  # one line, whatever the server sent
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
    try:
        scheme = urllib.parse.urlsplit(url).scheme.lower()
    except ValueError as exc:
        raise FetchError(f"malformed URL {url!r} ({exc})") from None
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {scheme or 'a URL without scheme'}:")


def _check_destination(url: str, config: FetchConfig) -> None:
    """Refuse private, loopback, link-local and other non-public destinations (unless ``allow_private``)."""
    import ipaddress

    _check_scheme(url)
    try:
        parts = urllib.parse.urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as exc:
        raise FetchError(f"malformed URL {url!r} ({exc})") from None
    if not host:
        raise FetchError(f"malformed URL {url!r} (no host)")
    if config.allow_private or host in config.allowed_hosts:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)}
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"the host {host!r} could not be resolved ({exc})", retryable=True) from None
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
                or ip.is_unspecified):
            raise FetchError(f"refused: {host} is a private, loopback or link-local address ({ip}); reports are "
                             "fetched from public sites only (allow_private=True to override)")


def _charset(headers: Any, body: bytes) -> str | None:
    """The page's declared charset: the HTML's <meta charset> when it disagrees with a single-byte header charset
    that would misread UTF-8 (a common server misconfiguration), else the header's, else the meta's."""
    content_type = headers.get("Content-Type", "") if headers is not None else ""
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    header = match.group(1) if match else None
    sniff = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", body[:4096], re.I)
    meta = sniff.group(1).decode("ascii") if sniff else None
    if header and meta and header.lower() != meta.lower():
        single_byte = header.lower().replace("_", "-") in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii",
                                                           "windows-1252", "cp1252")
        if single_byte:
            return meta
    return header or meta


def _decode(body: bytes, charset: str | None) -> tuple[str, str]:
    if charset:
        try:
            text = body.decode(charset)
            # a single-byte charset reads anything: when the bytes are valid UTF-8 with non-ASCII characters, the
            # declaration is wrong (mojibake such as "Ð¡Ñ" otherwise)
            if charset.lower().replace("_", "-") in ("iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252"):
                try:
                    utf8 = body.decode("utf-8")
                    if any(ord(c) > 127 for c in utf8):
                        return utf8, "utf-8"
                except UnicodeDecodeError:
                    pass
            return text, charset.lower()
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


def _inner(error: BaseException | None) -> str:
    """The innermost cause of an urllib3 error, in a few words ("BadStatusLine: 'HELLO'")."""
    seen = error
    while seen is not None and getattr(seen, "args", None) and isinstance(seen.args[-1], BaseException):
        seen = seen.args[-1]
    return f"{type(seen).__name__}: {seen}"[:200] if seen is not None else "unknown error"


@lru_cache(maxsize=8)
def _pool(user_agent: str) -> Any:
    import urllib3

    return urllib3.PoolManager(headers={"User-Agent": user_agent,
                                        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})


def _get(url: str, config: FetchConfig, clock: _Clock, *, html: bool = True,
         deadline: float | None = None) -> tuple[str, bytes, Any]:
    """One GET (urllib3, with its Retry for connection errors, timeouts, 429 and 5xx, and manual redirects so
    that each destination is checked), streaming the body under the size cap and the overall deadline; returns
    (final URL, body, headers)."""
    import http.client

    import urllib3
    from urllib3.exceptions import DecodeError, MaxRetryError, NewConnectionError, ProtocolError, ReadTimeoutError
    from urllib3.exceptions import HTTPError as Urllib3Error
    from urllib3.exceptions import TimeoutError as Urllib3Timeout

    deadline = deadline if deadline is not None else time.monotonic() + config.deadline
    retry = urllib3.Retry(total=config.retries, connect=config.retries, read=config.retries,
                          status=config.retries, redirect=0, backoff_factor=config.backoff / 2,
                          status_forcelist=sorted(_RETRY_STATUS), allowed_methods=["GET"], raise_on_status=False,
                          raise_on_redirect=False, respect_retry_after_header=False)
    current = url
    for _ in range(config.max_redirects + 1):
        _check_destination(current, config)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"gave up after the deadline of {config.deadline:g} s")
        clock.wait(current)
        timeout = urllib3.Timeout(connect=min(config.timeout, remaining), read=min(config.timeout, remaining))
        try:
            response = _pool(config.user_agent).request("GET", current, retries=retry, redirect=False,
                                                        timeout=timeout, preload_content=False)
        except MaxRetryError as exc:
            reason = exc.reason
            if isinstance(reason, NewConnectionError):  # a subclass of the connect timeout, but a refusal
                raise FetchError(f"connection failed ({_inner(reason)})", retryable=True) from None
            if isinstance(reason, (ReadTimeoutError, Urllib3Timeout, socket.timeout, TimeoutError)):
                raise FetchError(f"timed out after {config.timeout:g} s", retryable=True) from None
            if isinstance(reason, ProtocolError):
                raise FetchError(f"the server broke the HTTP protocol ({_inner(reason)})", retryable=True) from None
            raise FetchError(f"connection failed ({_inner(reason)})", retryable=True) from None
        except (ReadTimeoutError, Urllib3Timeout):
            raise FetchError(f"timed out after {config.timeout:g} s", retryable=True) from None
        except (ProtocolError, http.client.HTTPException) as exc:
            raise FetchError(f"the server broke the HTTP protocol ({exc})", retryable=True) from None
        except (ValueError, Urllib3Error) as exc:
            raise FetchError(f"request failed ({type(exc).__name__}: {exc})") from None
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {response.status} without a Location header", status=response.status)
                try:
                    current = urllib.parse.urljoin(current, location)
                    scheme = urllib.parse.urlsplit(current).scheme.lower()
                except ValueError:
                    raise FetchError(f"redirect to a malformed URL {location!r}") from None
                if scheme not in ("http", "https"):
                    raise FetchError(f"redirect to a non-http(s) URL refused ({scheme}:)")
                continue
            if response.status >= 400:
                phrase = http.client.responses.get(response.status, "error")
                raise FetchError(f"HTTP {response.status} {phrase}", retryable=response.status in _RETRY_STATUS,
                                 status=response.status)
            headers = response.headers
            content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if html and content_type not in _HTML_TYPES:
                raise FetchError(f"not an HTML page (Content-Type {content_type or 'missing'})")
            length = headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > config.max_bytes:
                raise FetchError(f"page larger than the size cap ({int(length):,} > {config.max_bytes:,} bytes)")
            chunks, size = [], 0
            while True:  # read1 returns what has arrived, so a server that drips bytes meets the deadline
                chunk = response.read1(65536, decode_content=True)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > config.max_bytes:
                    raise FetchError(f"page larger than the size cap (more than {config.max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"gave up after the deadline of {config.deadline:g} s (the server sends too "
                                     "slowly)")
            if not size:
                raise FetchError("the server sent an empty page")
            return current, b"".join(chunks), headers
        except FetchError:
            raise
        except (ReadTimeoutError, Urllib3Timeout, socket.timeout, TimeoutError):
            raise FetchError(f"timed out after {config.timeout:g} s", retryable=True) from None
        except (ProtocolError, DecodeError, http.client.HTTPException) as exc:
            raise FetchError(f"the page arrived incomplete or malformed ({exc})", retryable=True) from None
        except (Urllib3Error, OSError, ValueError) as exc:
            raise FetchError(f"reading the page failed ({type(exc).__name__}: {exc})") from None
        finally:
            response.release_conn()
    raise FetchError(f"too many redirects or a redirect loop (more than {config.max_redirects})")


def _archive_url(url: str, config: FetchConfig, clock: _Clock) -> str | None:
    query = config.archive_api + "?" + urllib.parse.urlencode({"url": url})
    _, body, _ = _get(query, config, clock, html=False)
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
        final, body, headers = _get(url, config, clock)
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
            final, body, headers = _get(snapshot, config, clock)
        except FetchError as archive:
            raise FetchError(f"{live.reason}; archived copy failed: {archive.reason}") from None
        html, charset = _decode(body, _charset(headers, body))
        return Page(final, html, "archive", charset)


_CREDIT_RE = re.compile(r"\s*\(((?:photo\s*)?(?:credit|photo|foto|фото|image)\s*:[^()]*)\)\s*$", re.I)


def _check_extracted(text: str, config: FetchConfig) -> None:
    """Refuse an extraction too short to be a report (a navigation bar, a cookie wall, a login page)."""
    from .text import WORD_RE

    words = [w for line in text.splitlines() if not line.startswith(("HEADLINE:", "BYLINE:", "DATELINE:", "CREDIT:"))
             for w in WORD_RE.findall(line)]
    if len(words) < config.min_words:
        raise FetchError(f"only {len(words)} words of article text extracted (minimum {config.min_words}): the page "
                         "may be navigation, a cookie wall or a login page; add the report by hand with "
                         "'python -m watchwords add'")


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
    if limit is not None and limit < 0:
        raise ValueError(f"limit={limit}: give 0 or more reports to fetch")
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
        had_text = target.is_file() and row.get("status") in ("present", "fetched")
        try:
            page = fetch_url(url, config=config, clock=clock)
            text = extract_article(page.html, url=page.url)
            _check_extracted(text, config)
        except FetchError as exc:
            record.update(outcome="failed", reason=exc.reason)
            changes = {} if had_text else {"status": "failed"}  # a failed re-fetch never demotes a present text
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the run; the row reports it
            record.update(outcome="failed", reason=f"unexpected error: {type(exc).__name__}: {exc}"[:300])
            changes = {} if had_text else {"status": "failed"}
        else:
            data = text.encode("utf-8")
            atomic_write_bytes(target, data)
            record.update(outcome="fetched", via=page.via, n_chars=len(text),
                          reason="" if page.via == "live" else f"live page failed; archived copy {page.url}")
            changes = {"status": "fetched", "sha256": sha256_bytes(data),
                       "retrieved": now().replace(microsecond=0).isoformat()}
        if changes:
            with edit_manifest(root) as (_, current):  # locked, re-read: other commands' rows are kept
                for other in current:
                    if other.get("doc_id") == doc_id:
                        other.update(changes)
    frame = pd.DataFrame(summary, columns=_SUMMARY_COLUMNS)
    frame.attrs.update(corpus_path=str(root), force=force, config=config.__dict__.copy())
    return frame
