"""Fault injection: the fetcher against a loopback server (127.0.0.1 only) that breaks HTTP in every way we could
think of. Each fault must end in a FetchError with a one-line reason (never a traceback, never a hang, never a page
stored as complete when it is not), and a run over all of them must try every row and print its summary."""

from __future__ import annotations

import gzip
import json
import time

import pytest

from tests.conftest import Fault, manifest_row, news_page
from watchwords.fetch import FetchConfig, FetchError, fetch_corpus, fetch_url

CONFIG = FetchConfig(timeout=1.0, retries=0, backoff=0.0, max_bytes=50_000, delay=0.0, use_archive=False,
                     deadline=3.0, allowed_hosts=("127.0.0.1",))
PAGE = news_page().encode()
NAVIGATION = b"<html><body><nav>Home | World | Sport</nav><p>Home</p></body></html>"


def response(body: bytes = PAGE, *, status: str = "200 OK", content_type: str = "text/html; charset=utf-8",
             extra: str = "", length: int | None = None) -> bytes:
    size = len(body) if length is None else length
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {size}\r\n{extra}"
            "Connection: close\r\n\r\n")
    return head.encode("latin-1") + body


def chunked(pieces: list[bytes], *, end: bool = True) -> bytes:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    body = b"".join(f"{len(p):x}\r\n".encode() + p + b"\r\n" for p in pieces)
    return head + body + (b"0\r\n\r\n" if end else b"")


def redirect(location: str, status: str = "302 Found") -> bytes:
    return f"HTTP/1.1 {status}\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode()


#: path -> (fault, the start of the reason the fetch must give)
FAULTS: dict[str, tuple[Fault, str]] = {
    "/garbage-status": (Fault([(b"HELLO THERE\r\n\r\n", 0)]), "the server broke the HTTP protocol"),
    "/http09": (Fault([(b"<html>no status line at all</html>", 0)]), "the server broke the HTTP protocol"),
    "/no-response": (Fault([]), "the server broke the HTTP protocol"),
    "/reset": (Fault([], reset=True), "the server broke the HTTP protocol"),
    "/headers-never-end": (Fault([(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 0)]),
                           "the server sent an empty page"),
    "/empty-body": (Fault([(response(b""), 0)]), "the server sent an empty page"),
    "/too-many-headers": (Fault([(b"HTTP/1.1 200 OK\r\n" + b"".join(f"X-H{i}: v\r\n".encode() for i in range(150))
                                  + b"Content-Length: 2\r\n\r\nok", 0)]), "the server broke the HTTP protocol"),
    "/long-header": (Fault([(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n", 0)]),
                     "the server broke the HTTP protocol"),
    "/short-body": (Fault([(response(PAGE[:300], length=len(PAGE)), 0)]), "the page arrived incomplete or malformed"),
    "/cut-chunked": (Fault([(chunked([PAGE[:200], PAGE[200:400]], end=False), 0)]),
                     "the page arrived incomplete or malformed"),
    "/bad-chunk-size": (Fault([(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                                b"zz\r\nhello\r\n0\r\n\r\n", 0)]), "the page arrived incomplete or malformed"),
    "/drip": (Fault([(response(PAGE)[:200], 0)] + [(bytes([b]), 0.2) for b in response(PAGE)[200:260]]),
              "gave up after the deadline"),
    "/stall": (Fault([(response(PAGE)[:100], 10)]), "timed out after 1 s"),
    "/404": (Fault([(response(b"gone", status="404 Not Found", content_type="text/plain"), 0)]), "HTTP 404 Not Found"),
    "/500": (Fault([(response(b"oops", status="500 Internal Server Error", content_type="text/plain"), 0)]),
             "HTTP 500 Internal Server Error"),
    "/429": (Fault([(response(b"slow down", status="429 Too Many Requests", content_type="text/plain"), 0)]),
             "HTTP 429 Too Many Requests"),
    "/503": (Fault([(response(b"busy", status="503 Service Unavailable", content_type="text/plain",
                              extra="Retry-After: 1\r\n"), 0)]), "HTTP 503 Service Unavailable"),
    "/loop": (Fault([(redirect("/loop"), 0)]), "too many redirects or a redirect loop"),
    "/to-ftp": (Fault([(redirect("ftp://127.0.0.1/x"), 0)]), "redirect to a non-http(s) URL refused (ftp:)"),
    "/to-javascript": (Fault([(redirect("javascript:alert(1)"), 0)]), "redirect to a non-http(s) URL refused"),
    "/to-private": (Fault([(redirect("http://10.0.0.7/admin"), 0)]), "refused: 10.0.0.7 is a private"),
    "/to-metadata": (Fault([(redirect("http://169.254.169.254/latest/meta-data/"), 0)]),
                     "refused: 169.254.169.254 is a private"),
    "/to-localhost-name": (Fault([(redirect("http://localhost:1/"), 0)]), "refused: localhost is a private"),
    "/no-location": (Fault([(b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 0)]),
                     "HTTP 302 without a Location header"),
    "/to-malformed": (Fault([(redirect("http://[::1"), 0)]), "redirect to a malformed URL"),
    "/pdf": (Fault([(response(b"%PDF-1.4", content_type="application/pdf"), 0)]),
             "not an HTML page (Content-Type application/pdf)"),
    "/no-type": (Fault([(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok", 0)]),
                 "not an HTML page (Content-Type missing)"),
    "/huge-length": (Fault([(response(b"x", length=10_000_000), 0)]), "page larger than the size cap (10,000,000"),
    "/huge-chunked": (Fault([(chunked([b"x" * 20_000] * 4), 0)]), "page larger than the size cap (more than"),
    "/bad-gzip": (Fault([(response(b"not gzip at all", extra="Content-Encoding: gzip\r\n"), 0)]),
                  "the page arrived incomplete or malformed"),
    "/navigation-only": (Fault([(response(NAVIGATION), 0)]), "only 4 words of article text extracted (minimum 40)"),
}


def test_there_are_at_least_thirty_faults() -> None:
    assert len(FAULTS) >= 30


@pytest.mark.parametrize("path", sorted(FAULTS), ids=str)
def test_each_fault_ends_in_one_clear_reason(fault_server, path) -> None:
    fault, reason = FAULTS[path]
    base = fault_server({path: fault})
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        from watchwords.fetch import _check_extracted, extract_article

        page = fetch_url(base + path, config=CONFIG)
        _check_extracted(extract_article(page.html, url=page.url), CONFIG)
    assert info.value.reason.startswith(reason), info.value.reason
    assert "\n" not in info.value.reason and "Traceback" not in info.value.reason
    assert time.monotonic() - started < CONFIG.deadline + 3  # nothing hangs


def test_a_closed_port_and_a_malformed_url(fault_server) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="^connection failed"):
        fetch_url(f"http://127.0.0.1:{port}/", config=CONFIG)
    with pytest.raises(FetchError, match=r"^malformed URL 'http://\[::1'"):
        fetch_url("http://[::1", config=CONFIG)


def test_gzip_and_a_wrong_charset_header_are_read_correctly(fault_server) -> None:
    russian = "<html><body><article><p>" + "Камеры в метро работают круглосуточно. " * 20 + "</p></article></body></html>"
    base = fault_server({
        "/gzip": Fault([(response(gzip.compress(PAGE), extra="Content-Encoding: gzip\r\n"), 0)]),
        "/mislabelled": Fault([(response(russian.encode("utf-8"), content_type="text/html; charset=iso-8859-1"), 0)]),
    })
    assert "Cameras watch the stations" in fetch_url(base + "/gzip", config=CONFIG).html
    page = fetch_url(base + "/mislabelled", config=CONFIG)
    assert page.charset == "utf-8" and "Камеры в метро" in page.html  # not mojibake such as "ÐšÐ°Ð¼"


@pytest.mark.parametrize(
    ("archive", "reason"),
    [
        (b"[]", "HTTP 404 Not Found; no archived copy"),
        (b"not json", "HTTP 404 Not Found; no archived copy"),
        (json.dumps({"archived_snapshots": {"closest": {"available": True, "url": "http://10.1.2.3/x"}}}).encode(),
         "HTTP 404 Not Found; archived copy failed: refused: 10.1.2.3 is a private"),
    ],
)
def test_archive_answers_that_are_empty_malformed_or_private(fault_server, archive, reason) -> None:
    base = fault_server({"/gone": Fault([(response(b"gone", status="404 Not Found", content_type="text/plain"), 0)]),
                         "/available": Fault([(response(archive, content_type="application/json"), 0)])})
    config = FetchConfig(**{**CONFIG.__dict__, "use_archive": True, "archive_api": base + "/available"})
    with pytest.raises(FetchError) as info:
        fetch_url(base + "/gone", config=config)
    assert info.value.reason.startswith(reason)


def test_a_run_over_every_fault_tries_every_row_and_summarises(fault_server, make_corpus) -> None:
    """Protocol errors used to escape and end the run; now each row reports its reason and the good one is fetched."""
    paths = ["/garbage-status", "/cut-chunked", "/too-many-headers", "/to-metadata", "/navigation-only", "/ok"]
    base = fault_server({**{p: FAULTS[p][0] for p in paths[:-1]}, "/ok": Fault([(response(PAGE), 0)])})
    rows = [manifest_row(f"d{i}", url=base + p, status="to fetch", path=f"fetched/d{i}.txt")
            for i, p in enumerate(paths)]
    root = make_corpus({}, rows=rows)
    summary = fetch_corpus(root, config=CONFIG, progress=False)
    assert summary.outcome.tolist() == ["failed"] * 5 + ["fetched"]
    assert all(reason for reason in summary.reason[:5])
    text = (root / "fetched" / "d5.txt").read_text(encoding="utf-8")
    assert text.startswith("HEADLINE: Cameras watch the stations")
    assert not (root / "fetched" / "d4.txt").exists()  # a navigation-only page is never stored as the report


def test_a_failed_refetch_never_demotes_a_present_text(fault_server, make_corpus) -> None:
    import csv

    base = fault_server({"/gone": FAULTS["/404"][0]})
    root = make_corpus({"a": "HEADLINE: Kept\n\nThe text we already have."},
                       rows=[manifest_row("a", url=base + "/gone", status="present")])
    before = (root / "texts" / "a.txt").read_bytes()
    summary = fetch_corpus(root, only=["a"], force=True, config=CONFIG, progress=False)
    assert summary.outcome.tolist() == ["failed"]
    with open(root / "manifest.csv", encoding="utf-8") as handle:
        assert [row["status"] for row in csv.DictReader(handle)] == ["present"]
    assert (root / "texts" / "a.txt").read_bytes() == before
