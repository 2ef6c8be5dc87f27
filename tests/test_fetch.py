"""Tests of watchwords.fetch against a local HTTP server on 127.0.0.1 serving pages written here."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import urllib.parse

import pytest

import watchwords as ww
from tests.conftest import Route, manifest_row, news_page
from watchwords.fetch import FetchConfig, FetchError, extract_article, fetch_corpus, fetch_url

RU_PAGE = """<html><head><title>Камеры на станциях</title></head><body><article><h1>Камеры на станциях</h1>
<p>Городские камеры будут включены в следующем месяце на всех станциях, сообщило транспортное управление.</p>
<p>Критики заявили, что план зашёл слишком далеко и что жителей районов никто не спросил об их мнении.</p>
<p>В управлении не ответили на вопросы о том, как долго будут храниться записи и кто сможет их увидеть.</p>
</article></body></html>"""

DE_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Kameras überall</title></head><body><article><h1>Kameras überall</h1>
<p>Die Stadtverwaltung hat am Montag mitgeteilt, dass die neuen Kameras im nächsten Monat in allen Bezirken eingeschaltet werden.</p>
<p>Kritiker sagten, der Plan gehe zu weit, und niemand habe die Bewohner der Bezirke nach ihrer Meinung gefragt.</p>
<p>Die Behörde beantwortete keine Fragen dazu, wie lange die Aufnahmen gespeichert würden und wer sie sehen dürfe.</p>
</article></body></html>"""

FAST = FetchConfig(timeout=0.5, retries=2, backoff=0.01, max_bytes=20_000, delay=0.0, allowed_hosts=("127.0.0.1",))


@pytest.fixture
def site(http_server):
    routes = {
        "/ok": Route(body=news_page().encode()),
        "/404": Route(404, b"no such page", "text/plain"),
        "/500": Route(500, b"server error", "text/plain"),
        "/slow": Route(body=news_page().encode(), delay=1.5),
        "/big": Route(body=news_page(p1="word " * 10_000).encode()),
        "/loop": Route(302, b"", headers={"Location": "/loop"}),
        "/to-ftp": Route(302, b"", headers={"Location": "ftp://127.0.0.1/file"}),
        "/pdf": Route(body=b"%PDF-1.4 not html", content_type="application/pdf"),
        "/cp1251": Route(body=RU_PAGE.encode("windows-1251"), content_type="text/html; charset=windows-1251"),
        "/latin1-meta": Route(body=DE_PAGE.encode("iso-8859-1"), content_type="text/html"),
        "/gone": Route(404, b"gone", "text/plain"),
        "/archive/gone": Route(body=news_page(title="Archived cameras story").encode()),
        "/wayback/available": Route(body=json.dumps({"archived_snapshots": {}}).encode(), content_type="application/json"),
    }
    server = http_server(routes)
    query = "/wayback/available?" + urllib.parse.urlencode({"url": server.base + "/gone"})
    routes[query] = Route(body=json.dumps({"archived_snapshots": {"closest": {
        "available": True, "status": "200", "url": server.base + "/archive/gone"}}}).encode(), content_type="application/json")
    return server


def config(server, **changes) -> FetchConfig:
    values = dict(FAST.__dict__, archive_api=server.base + "/wayback/available")
    values.update(changes)
    return FetchConfig(**values)


def test_fetch_ok_page(site) -> None:
    page = fetch_url(site.base + "/ok", config=config(site))
    assert (page.via, page.charset, page.url) == ("live", "utf-8", site.base + "/ok")
    text = extract_article(page.html, url=page.url)
    paras = ww.paragraphs(text)
    assert paras.part.tolist()[:3] == ["headline", "byline", "dateline"]
    assert paras.text.tolist()[:3] == ["Cameras watch the stations", "Test Writer", "2024-05-02"]
    assert paras[paras.part == "body"].text.str[:20].tolist() == [
        "The transport office", "Critics said the pla", "The office did not a"]
    assert paras[paras.part.isin(["caption", "credit"])].text.tolist() == ["A camera over a platform.", "B. Snapper"]
    assert "Home | World" not in text and "Copyright" not in text


@pytest.mark.parametrize(
    ("path", "reason", "hits"),
    [
        ("/404", "HTTP 404 Not Found; no archived copy", 1),
        ("/500", "HTTP 500 Internal Server Error; no archived copy", 3),  # retried twice
        ("/slow", "timed out after 0.5 s; no archived copy", 3),
        ("/big", "page larger than the size cap (", 1),
        ("/loop", "too many redirects or a redirect loop (more than 5)", None),
        ("/to-ftp", "redirect to a non-http(s) URL refused (ftp:)", 1),
        ("/pdf", "not an HTML page (Content-Type application/pdf)", 1),
    ],
)
def test_fetch_failures_have_reasons(site, path: str, reason: str, hits: int | None) -> None:
    with pytest.raises(FetchError) as info:
        fetch_url(site.base + path, config=config(site))
    assert info.value.reason.startswith(reason)
    if hits is not None:
        assert site.hits[path] == hits


def test_only_http_and_https() -> None:
    with pytest.raises(FetchError, match=r"only http and https URLs are fetched, not file:"):
        fetch_url("file:///etc/passwd", config=FAST)


def test_non_utf8_charsets_are_decoded(site) -> None:
    ru = fetch_url(site.base + "/cp1251", config=config(site))
    assert ru.charset == "windows-1251"
    assert "Городские камеры будут включены" in extract_article(ru.html)
    de = fetch_url(site.base + "/latin1-meta", config=config(site))
    assert de.charset == "iso-8859-1"
    assert "Die Stadtverwaltung hat am Montag mitgeteilt" in extract_article(de.html)


def test_archive_fallback(site) -> None:
    page = fetch_url(site.base + "/gone", config=config(site))
    assert (page.via, page.url) == ("archive", site.base + "/archive/gone")
    assert extract_article(page.html).startswith("HEADLINE: Archived cameras story")


def test_archive_not_asked_when_disabled(site) -> None:
    with pytest.raises(FetchError, match=r"^HTTP 404 Not Found$"):
        fetch_url(site.base + "/gone", config=config(site, use_archive=False))


def test_polite_delay_between_requests_to_one_host(site) -> None:
    from watchwords.fetch import _Clock

    slept: list[float] = []
    clock = _Clock(delay=5.0, sleep=slept.append)
    fetch_url(site.base + "/ok", config=config(site), clock=clock)
    fetch_url(site.base + "/ok", config=config(site), clock=clock)
    assert len(slept) == 1 and 4.0 < slept[0] <= 5.0


def test_user_agent_is_sent(site) -> None:
    fetch_url(site.base + "/ok", config=config(site))
    assert site.agents == [FAST.user_agent]
    assert re.match(r"Watchwords/\d+\.\d+\.\d+\S* \(research", FAST.user_agent)


def test_extract_article_without_text_fails() -> None:
    with pytest.raises(FetchError, match="no article text found"):
        extract_article("<html><body><nav>Home</nav></body></html>")


def _manifest(root) -> dict[str, dict[str, str]]:
    with open(root / "manifest.csv", encoding="utf-8") as handle:
        return {row["doc_id"]: row for row in csv.DictReader(handle)}


def test_fetch_corpus_records_outcomes_and_never_overwrites(site, make_corpus) -> None:
    rows = [manifest_row("seed"),
            manifest_row("good", url=site.base + "/ok", status="to fetch", path="fetched/good.txt"),
            manifest_row("missing", url=site.base + "/404", status="to fetch", path="fetched/missing.txt"),
            manifest_row("archived", url=site.base + "/gone", status="to fetch", path="fetched/archived.txt")]
    root = make_corpus({"seed": "Seed text."}, rows=rows)
    when = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.timezone.utc)
    summary = fetch_corpus(root, config=config(site), progress=False, now=lambda: when)
    assert summary[["doc_id", "outcome", "via"]].values.tolist() == [
        ["good", "fetched", "live"], ["missing", "failed", ""], ["archived", "fetched", "archive"]]
    assert summary.set_index("doc_id").loc["missing", "reason"] == "HTTP 404 Not Found; no archived copy"
    manifest = _manifest(root)
    good = manifest["good"]
    data = (root / "fetched" / "good.txt").read_bytes()
    assert (good["status"], good["retrieved"], good["sha256"]) == (
        "fetched", "2026-11-29T12:00:00+00:00", hashlib.sha256(data).hexdigest())
    assert manifest["missing"]["status"] == "failed" and not (root / "fetched" / "missing.txt").exists()
    assert manifest["seed"] == rows[0] | {"sha256": manifest["seed"]["sha256"]}
    # the fetched corpus validates and loads
    assert [p for p in ww.validate_corpus(root) if p.severity == "error"] == []
    assert ww.load_corpus(root).doc_id.tolist() == ["archived", "good", "seed"]

    # a second run: the existing text is skipped, not overwritten
    (root / "fetched" / "good.txt").write_text("HEADLINE: edited by hand\n", encoding="utf-8")
    again = fetch_corpus(root, only=["good"], config=config(site), progress=False)
    assert again[["outcome", "reason"]].values.tolist() == [["skipped", "text already exists (use --force to fetch again)"]]
    assert (root / "fetched" / "good.txt").read_text(encoding="utf-8") == "HEADLINE: edited by hand\n"
    forced = fetch_corpus(root, only=["good"], force=True, config=config(site), progress=False)
    assert forced.outcome.tolist() == ["fetched"]
    assert (root / "fetched" / "good.txt").read_bytes() == data
    assert not list((root / "fetched").glob(".*.tmp"))


def test_fetch_corpus_unknown_id(make_corpus) -> None:
    root = make_corpus({"a": "Text."})
    with pytest.raises(ValueError, match="no manifest row has doc_id nope"):
        fetch_corpus(root, only=["nope"], progress=False)
