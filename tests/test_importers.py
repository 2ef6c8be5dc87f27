"""Tests of watchwords.importers: adding reports from files, tables and URLs."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

import watchwords as ww
from tests.conftest import Route, manifest_row, news_page
from watchwords.fetch import FetchConfig
from watchwords.importers import add_reports, markdown_to_document, plain_to_document, slugify

WHEN = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.timezone.utc)


def manifest(root) -> list[dict[str, str]]:
    with open(root / "manifest.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("value", "slug"),
    [("The Moscow Times", "the-moscow-times"), ("Notícias ao Minuto", "noticias-ao-minuto"), ("Газета", ""),
     ("  --A//B--  ", "a-b")],
)
def test_slugify(value: str, slug: str) -> None:
    assert slugify(value) == slug


def test_plain_text_first_paragraph_is_headline() -> None:
    assert plain_to_document("Cameras on\n\nFirst para\nwraps.\n\nSecond.") == "HEADLINE: Cameras on\n\nFirst para wraps.\n\nSecond.\n"
    assert plain_to_document("One.\n\nTwo.", title="Given") == "HEADLINE: Given\n\nOne.\n\nTwo.\n"
    formatted = "HEADLINE: Kept\n\nAs is.\n"
    assert plain_to_document(formatted) == formatted


def test_markdown_conversion() -> None:
    text = ("# Cameras **watch** the city\n\nThe [council](https://x) said *so*.\n\n![A camera on a pole](cam.jpg)\n\n"
            "## Reaction\n\n> Critics objected.\n\n- first point\n- second point\n")
    assert markdown_to_document(text) == (
        "HEADLINE: Cameras watch the city\n\nThe council said so.\n\nReaction\n\nCritics objected.\n\n"
        "first point\n\nsecond point\n\nCAPTION: A camera on a pole\n")


def test_add_text_file(make_corpus, tmp_path) -> None:
    root = make_corpus({"a": "One."})
    source = tmp_path / "report.txt"
    source.write_text("Cameras watch the stations\n\nThe office said so.\n", encoding="utf-8")
    added = add_reports(str(source), corpus=root, outlet="Test Daily", date="2024-05", outlet_type="mainstream media")
    assert added[["doc_id", "path", "status", "title"]].values.tolist() == [
        ["test-daily-2024-05-cameras-watch-the-stations", "texts/test-daily-2024-05-cameras-watch-the-stations.txt",
         "present", "Cameras watch the stations"]]
    assert [p for p in ww.validate_corpus(root) if p.severity == "error"] == []
    assert len(ww.load_corpus(root)) == 2
    # the same file again gets a new id, never overwrites
    again = add_reports(str(source), corpus=root, outlet="Test Daily", date="2024-05", outlet_type="mainstream media")
    assert again.doc_id.tolist() == ["test-daily-2024-05-cameras-watch-the-stations-2"]


def test_add_refuses_invalid_rows_and_writes_nothing(make_corpus, tmp_path) -> None:
    root = make_corpus({"a": "One."})
    before = (root / "manifest.csv").read_bytes()
    source = tmp_path / "report.txt"
    source.write_text("Head\n\nBody.", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        add_reports(str(source), corpus=root, outlet="", date="18/04/2023", outlet_type="blog", doc_id="a")
    message = str(info.value)
    assert message.startswith("nothing was added:")
    for part in ("field 'outlet': missing", "field 'date': '18/04/2023' is not a date", "field 'outlet_type': unknown outlet_type 'blog'",
                 "doc_id 'a' is already in the manifest"):
        assert part in message
    assert (root / "manifest.csv").read_bytes() == before
    assert sorted(p.name for p in (root / "texts").iterdir()) == ["a.txt"]


def test_add_html_and_markdown(make_corpus, tmp_path) -> None:
    root = make_corpus({"a": "One."})
    page = tmp_path / "saved.html"
    page.write_text(news_page(), encoding="utf-8")
    added = add_reports(str(page), corpus=root, outlet="Test Daily", date="2024-05-02", doc_id="saved")
    assert added.title.tolist() == ["Cameras watch the stations"]
    text = (root / "texts" / "saved.txt").read_text(encoding="utf-8")
    assert text.startswith("HEADLINE: Cameras watch the stations\n") and "CAPTION: A camera over a platform." in text
    md = tmp_path / "note.md"
    md.write_text("# A heading\n\nA paragraph.\n", encoding="utf-8")
    assert add_reports(str(md), corpus=root, outlet="Blog", date="unknown").title.tolist() == ["A heading"]


def test_add_csv_and_jsonl_with_text(make_corpus, tmp_path) -> None:
    root = make_corpus({"a": "One."})
    table = tmp_path / "reports.csv"
    table.write_text("headline,text,publish_date,outlet\nCams on,\"First.\n\nSecond.\",2023-04-18 10:22:00,Daily A\n"
                     "Cams off,Only one.,2023-04,\n", encoding="utf-8")
    added = add_reports(str(table), corpus=root, outlet="Default Outlet", date="unknown")
    assert added[["outlet", "date", "title", "status"]].values.tolist() == [
        ["Daily A", "2023-04-18", "Cams on", "present"], ["Default Outlet", "2023-04", "Cams off", "present"]]
    first = ww.paragraphs((root / added.path[0]).read_text(encoding="utf-8"))
    assert first.text.tolist() == ["Cams on", "First.", "Second."]
    lines = tmp_path / "reports.jsonl"
    lines.write_text(json.dumps({"title": "J", "body": "Text j.", "date": "2024", "outlet": "Jay", "id": "J-1"}) + "\n",
                     encoding="utf-8")
    assert add_reports(str(lines), corpus=root).doc_id.tolist() == ["j_1"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "ok"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl line 2: expected a JSON object, got list"):
        add_reports(str(bad), corpus=root)


@pytest.mark.parametrize(
    "header",
    [
        "id,title,url,language,media_name,media_url,publish_date,indexed_date",  # current Search export
        "stories_id,publish_date,title,url,language,media_id,media_name",  # older API v2 names
    ],
)
def test_media_cloud_export_becomes_rows_to_fetch(make_corpus, tmp_path, header: str) -> None:
    root = make_corpus({"a": "One."})
    columns = header.split(",")
    values = {"id": "901", "stories_id": "901", "title": "Cams story", "url": "https://example.org/cams",
              "language": "en", "media_name": "Example News", "media_url": "example.org", "media_id": "7",
              "publish_date": "2023-04-18 09:00:00", "indexed_date": "2023-04-18T10:00:00"}
    table = tmp_path / "mediacloud.csv"
    table.write_text(header + "\n" + ",".join(values[c] for c in columns) + "\n", encoding="utf-8")
    added = add_reports(str(table), corpus=root)
    assert added[["doc_id", "outlet", "date", "status", "path", "url", "language"]].values.tolist() == [
        ["901", "Example News", "2023-04-18", "to fetch", "fetched/901.txt", "https://example.org/cams", "en"]]
    assert [p for p in ww.validate_corpus(root) if p.severity == "error"] == []


def test_add_url_fetches_now(make_corpus, http_server) -> None:
    server = http_server({"/story": Route(body=news_page().encode())})
    root = make_corpus({"a": "One."})
    config = FetchConfig(timeout=1, retries=0, delay=0, use_archive=False, allowed_hosts=("127.0.0.1",))
    added = add_reports(server.base + "/story", corpus=root, outlet="Test Daily", date="2024-05-02", config=config, now=WHEN)
    row = manifest(root)[-1]
    assert (row["status"], row["retrieved"], row["path"]) == ("fetched", "2026-11-29T12:00:00+00:00", added.path[0])
    assert (root / row["path"]).read_text(encoding="utf-8").startswith("HEADLINE: Cameras watch the stations")


def test_manifest_rows_keep_existing_rows(make_corpus, tmp_path) -> None:
    root = make_corpus({"a": "One."}, rows=[manifest_row("a", notes="hand note")],
                       columns=list(ww.corpus.MANIFEST_COLUMNS) + ["notes"])
    source = tmp_path / "r.txt"
    source.write_text("H\n\nB.", encoding="utf-8")
    add_reports(str(source), corpus=root, outlet="O", date="2024")
    rows = manifest(root)
    assert rows[0]["notes"] == "hand note" and len(rows) == 2


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"language": "English"}, "field 'language': 'English' is not an ISO 639-1 language code"),
        ({"doc_id": "Bad Id"}, "field 'doc_id': 'Bad Id' has characters outside a-z"),
    ],
)
def test_add_applies_the_same_field_checks_as_validate(make_corpus, tmp_path, options, message) -> None:
    """A row that validate would reject is never written: add runs corpus.check_row on it first."""
    root = make_corpus({"a": "One."})
    before = (root / "manifest.csv").read_bytes()
    source = tmp_path / "report.txt"
    source.write_text("Head\n\nBody.", encoding="utf-8")
    arguments = {"outlet": "Test Daily", "date": "2024-05", "outlet_type": "mainstream media", **options}
    with pytest.raises(ValueError, match="nothing was added") as info:
        add_reports(str(source), corpus=root, **arguments)
    assert message in str(info.value)
    assert (root / "manifest.csv").read_bytes() == before
