"""Tests of watchwords.corpus: the manifest, validation and load_corpus, and the shipped seed."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

import watchwords as ww
from tests.conftest import WIRE_STORY, manifest_row
from watchwords.corpus import MANIFEST_COLUMNS, check_date


def messages(root) -> list[str]:
    return [str(p) for p in ww.validate_corpus(root)]


# ---------------------------------------------------------------- the shipped corpus and seed

def test_shipped_corpus_is_valid(seed_corpus) -> None:
    errors = [p for p in ww.validate_corpus(seed_corpus) if p.severity == "error"]
    assert errors == []


def test_shipped_manifest_lists_seed_and_comparable_reports(seed_corpus) -> None:
    with open(seed_corpus / "manifest.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 69
    assert list(rows[0])[: len(MANIFEST_COLUMNS)] == list(MANIFEST_COLUMNS)
    by_status = pd.Series([r["status"] for r in rows]).value_counts().to_dict()
    assert by_status == {"to fetch": 68, "present": 1}
    assert {r["cluster"] for r in rows} == {"A", "B", "C"}
    to_fetch = [r for r in rows if r["status"] == "to fetch"]
    assert all(r["path"] == f"fetched/{r['doc_id']}.txt" and r["url"].startswith("https://") for r in to_fetch)


def test_seed_raw_copy_is_kept_byte_for_byte(seed_corpus) -> None:
    import hashlib

    raw = (seed_corpus / "raw" / "000_6f4fdb7a543cb8e5.txt").read_bytes()
    # The seed as given: 2,686 bytes starting with the page's navigation line.
    assert len(raw) == 2686
    assert raw.startswith(b" date 2023-04-18 The Jerusalem Post - Israel News")
    # SHA-256 of ../shared/seeds/000_6f4fdb7a543cb8e5.txt as given to the project
    assert hashlib.sha256(raw).hexdigest() == "6db3283f738063ec66026bd892635bfc56316ad853cdccb9e924f13e5596be24"


def test_every_seed_sentence_occurs_in_the_raw_file(seed_corpus) -> None:
    raw = (seed_corpus / "raw" / "000_6f4fdb7a543cb8e5.txt").read_text(encoding="utf-8")
    corpus = ww.load_corpus(seed_corpus)
    seed = corpus[corpus.doc_id == "a_jpost_reuters"]
    sents = ww.sentences(seed)
    body = sents[sents.part == "body"]
    assert len(body) == 6
    for text in sents.text:
        assert text in raw, text


def test_seed_cleaning_steps(seed_corpus) -> None:
    corpus = ww.load_corpus(seed_corpus)
    seed = corpus.set_index("doc_id").loc["a_jpost_reuters"]
    paras = ww.paragraphs(corpus)
    # navigation line dropped
    assert "Israel News" not in seed.text
    # each photo caption kept once, marked as caption, with its credit separate
    captions = paras[paras.part == "caption"].text.tolist()
    assert len(captions) == 2 and len(set(captions)) == 2
    assert all(seed.text.count(c) == 1 for c in captions)
    assert paras[paras.part == "credit"].text.tolist() == ["SERGEY PIVOVAROV/REUTERS", "REUTERS/ALEXEY PAVLISHAK"]
    assert seed.headline == "Moscow uses facial recognition cameras to track down draft evaders - TASS"
    assert seed.byline == "By REUTERS"
    assert "credit" not in seed.body.lower()


# ---------------------------------------------------------------- load_corpus

def test_load_corpus_columns_types_and_attrs(make_corpus) -> None:
    rows = [manifest_row("wire", date="2024-05"), manifest_row("late", date="2024-05-03", status="to fetch",
                                                                path="fetched/late.txt")]
    root = make_corpus({"wire": WIRE_STORY}, rows=rows)
    corpus = ww.load_corpus(root)
    assert corpus.doc_id.tolist() == ["wire"]
    assert corpus.attrs["not_present"] == ["late"]
    assert corpus.attrs["n_manifest_rows"] == 2
    assert re.fullmatch(r"[0-9a-f]{64}", corpus.attrs["corpus_hash"])
    row = corpus.iloc[0]
    assert row.date == "2024-05" and pd.isna(row.published)  # partial date kept, never completed
    assert isinstance(corpus.outlet_type.dtype, pd.CategoricalDtype)
    assert row.headline == "Northbridge turns on face-matching cameras at stations - Agency"
    assert row.body.startswith("Northbridge authorities") and row.n_paragraphs == 8


def test_load_corpus_parses_complete_dates(make_corpus) -> None:
    corpus = ww.load_corpus(make_corpus({"a": "Text."}))
    assert corpus.published.tolist() == [pd.Timestamp("2024-05-02")]


def test_load_corpus_raises_with_every_error(make_corpus) -> None:
    rows = [manifest_row("a", date="2024-13"), manifest_row("a", outlet_type="tabloid")]
    root = make_corpus({"a": "Text."}, rows=rows)
    with pytest.raises(ww.CorpusError) as info:
        ww.load_corpus(root)
    text = str(info.value)
    assert "4 error(s)" in text
    assert "'2024-13' is not a calendar date" in text and "duplicate doc_id 'a'" in text and "unknown outlet_type 'tabloid'" in text
    assert "'texts/a.txt' is also the path of another row (line 2)" in text


# ---------------------------------------------------------------- validation: one case per fault

def _corpus_with(make_corpus, *, texts=None, rows=None, columns=None, hashes=True):
    texts = {"a": "Body text."} if texts is None else texts
    return make_corpus(texts, rows=rows, columns=columns, hashes=hashes)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing column", "corpus1/manifest.csv:1: sha256: required column 'sha256' is missing. Fix: add a column named 'sha256'"),
        ("unknown column", "corpus1/manifest.csv:1: coder: unknown column 'coder'. Fix: rename it to 'x_coder'"),
        ("duplicate id", "corpus1/manifest.csv:3: doc_id: duplicate doc_id 'a' (first on line 2)"),
        ("bad id", "corpus1/manifest.csv:2: doc_id: 'Bad ID' has characters outside a-z, 0-9, '_' and '-'"),
        ("traversal", "corpus1/manifest.csv:2: path: '../outside.txt' points outside the corpus folder (refused)"),
        ("absolute", "corpus1/manifest.csv:2: path: '/etc/passwd' points outside the corpus folder (refused)"),
        ("bad date", "corpus1/manifest.csv:2: date: '18/04/2023' is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("bad outlet type", "corpus1/manifest.csv:2: outlet_type: unknown outlet_type 'tabloid'. Fix: use one of:"),
        ("not utf-8", "corpus1/texts/a.txt: byte 5: the text is not valid UTF-8"),
        ("empty", "corpus1/texts/a.txt: the text is empty"),
        ("sha mismatch", "corpus1/manifest.csv:2: sha256: corpus1/texts/a.txt has changed since its sha256 was recorded"),
        ("not in manifest", "corpus1/texts/stray.txt: the text file is not in the manifest"),
        ("missing file", "corpus1/manifest.csv:2: path: the text file corpus1/texts/a.txt does not exist"),
        ("bad status", "corpus1/manifest.csv:2: status: unknown status 'done'"),
        ("empty field", "corpus1/manifest.csv:2: outlet: outlet is empty"),
        ("bad language", "corpus1/manifest.csv:2: language: 'English' is not an ISO 639-1 language code"),
        ("extra values", "corpus1/manifest.csv:2: the row has 1 more value(s) than the header"),
    ],
)
def test_validate_names_file_line_field_and_fix(make_corpus, case: str, expected: str) -> None:
    row = manifest_row("a")
    texts: dict[str, str | bytes] = {"a": "Body text."}
    columns = None
    rows = [row]
    if case == "missing column":
        columns = [c for c in MANIFEST_COLUMNS if c != "sha256"]
    elif case == "unknown column":
        columns = list(MANIFEST_COLUMNS) + ["coder"]
    elif case == "duplicate id":
        rows = [row, manifest_row("a")]
    elif case == "bad id":
        row.update(doc_id="Bad ID", path="texts/a.txt")
    elif case == "traversal":
        row.update(path="../outside.txt")
    elif case == "absolute":
        row.update(path="/etc/passwd")
    elif case == "bad date":
        row.update(date="18/04/2023")
    elif case == "bad outlet type":
        row.update(outlet_type="tabloid")
    elif case == "not utf-8":
        texts = {"a": "Body \xe9".encode("latin-1")}
    elif case == "empty":
        texts = {"a": "\n  \n"}
    elif case == "sha mismatch":
        row.update(sha256="0" * 64)
    elif case == "missing file":
        texts = {}
    elif case == "bad status":
        row.update(status="done")
    elif case == "empty field":
        row.update(outlet="")
    elif case == "bad language":
        row.update(language="English")
    root = _corpus_with(make_corpus, texts=texts, rows=rows, columns=columns)
    if case == "not in manifest":
        (root / "texts" / "stray.txt").write_text("A stray text.", encoding="utf-8")
    if case == "missing file":
        (root / "texts").mkdir(exist_ok=True)
    if case == "extra values":
        lines = (root / "manifest.csv").read_text(encoding="utf-8").splitlines()
        lines[1] += ",surplus"
        (root / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = messages(root)
    assert any(m.startswith("error: " + expected) for m in found), found
    # each problem is one line with a fix
    assert all("\n" not in m and ". Fix: " in m for m in found)


def test_validate_reports_all_problems_at_once(make_corpus) -> None:
    rows = [manifest_row("a", date="2023-02-30"), manifest_row("b", outlet_type="blog"), manifest_row("c", path="../c.txt")]
    root = make_corpus({"a": "One.", "b": "Two."}, rows=rows)
    errors = [p for p in ww.validate_corpus(root) if p.severity == "error"]
    assert [(p.line, p.field) for p in errors] == [(2, "date"), (3, "outlet_type"), (4, "path")]


def test_validate_never_modifies(make_corpus) -> None:
    root = make_corpus({"a": "One."}, rows=[manifest_row("a", sha256="f" * 64)])
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    ww.validate_corpus(root)
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_validate_warnings_do_not_block_loading(make_corpus) -> None:
    rows = [manifest_row("a"), manifest_row("b", status="fetched", path="fetched/b.txt")]
    root = make_corpus({"a": "One."}, rows=rows, hashes=False)
    problems = ww.validate_corpus(root)
    assert {p.severity for p in problems} == {"warning"}
    assert [p.field for p in problems] == ["sha256", "path"]
    assert len(ww.load_corpus(root)) == 1


def test_missing_manifest(tmp_path) -> None:
    (found,) = ww.validate_corpus(tmp_path)
    assert found.message == "the manifest file does not exist"


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2023", True), ("2023-04", True), ("2023-04-18", True), ("unknown", True), ("2023-02-29", False),
     ("2024-02-29", True), ("2023-4-18", False), ("18 April 2023", False), ("", False), ("2023-00", False)],
)
def test_check_date(value: str, ok: bool) -> None:
    assert (check_date(value) is None) is ok


def test_outlet_types_vocabulary() -> None:
    vocab = ww.outlet_types()
    assert list(vocab.columns) == ["outlet_type", "definition", "decision_rule", "examples"]
    assert "state media" in set(vocab.outlet_type) and vocab.definition.str.len().min() > 10


def test_load_manifest_and_attributed_sources(seed_corpus) -> None:
    manifest = ww.load_manifest(seed_corpus)
    assert len(manifest) == 69 and manifest.line.iloc[0] == 2
    assert manifest.date_precision.value_counts().to_dict() == {"day": 35, "unknown": 29, "month": 5}
    sources = ww.attributed_sources(manifest)
    seed = sources[sources.doc_id == "a_jpost_reuters"]
    assert seed[["position", "source", "remark"]].values.tolist() == [
        [0, "Reuters", ""], [1, "TASS", ""], [2, "Maxim Loktev", ""],
        [3, "Moscow Department of Information Technologies", "2017"]]


def test_corpus_note_both_cases(make_corpus, seed_corpus) -> None:
    assert ww.corpus_note(ww.load_corpus(seed_corpus)).startswith("Only the seed article is present (1 of 69")
    two = ww.load_corpus(make_corpus({"a": "One.", "b": "Two."}))
    assert ww.corpus_note(two) == "2 of 2 documents listed in the manifest have their text on this machine."


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("javascript url", "error: corpus1/manifest.csv:2: url: 'javascript:alert(1)' is not an http(s) URL"),
        ("file url", "error: corpus1/manifest.csv:2: url: 'file:///etc/passwd' is not an http(s) URL"),
        ("unknown language", "error: corpus1/manifest.csv:2: language: 'xx' is not an ISO 639-1 language code"),
        ("path is the manifest", "error: corpus1/manifest.csv:2: path: 'manifest.csv' is reserved"),
        ("path in gold", "error: corpus1/manifest.csv:2: path: 'gold/a.txt' is reserved"),
        ("folder", "error: corpus1/manifest.csv:2: path: corpus1/texts/a.txt is a folder, not a text file"),
        ("NUL in manifest", "error: corpus1/manifest.csv:2: outlet: the value contains a NUL byte"),
        ("NUL in text", "error: corpus1/texts/a.txt:1: the text contains a NUL byte"),
        ("huge field", "error: corpus1/manifest.csv:2: title: the value is 200,000 characters long (limit 65,536)"),
        ("unbalanced quote", "error: corpus1/manifest.csv:2: outlet: the value spans several lines: a quotation mark"),
        ("unknown label", "warning: corpus1/texts/a.txt:3: 'SUBHEAD:' looks like a label but is not one"),
        ("lower-case label", "warning: corpus1/texts/a.txt:1: 'Headline:' looks like a label but is not one"),
    ],
)
def test_validation_gaps_are_closed(make_corpus, case: str, expected: str) -> None:
    """Cases that once passed silently or crashed validate: each is now one line with a fix, none a traceback."""
    row = manifest_row("a")
    texts: dict[str, str | bytes] = {"a": "Body text."}
    if case == "javascript url":
        row.update(url="javascript:alert(1)")
    elif case == "file url":
        row.update(url="file:///etc/passwd")
    elif case == "unknown language":
        row.update(language="xx")
    elif case == "path is the manifest":
        row.update(path="manifest.csv")
    elif case == "path in gold":
        row.update(path="gold/a.txt")
    elif case == "NUL in manifest":
        row.update(outlet="Daily\0Post")
    elif case == "NUL in text":
        texts = {"a": "Body\0text."}
    elif case == "huge field":
        row.update(title="x" * 200_000)
    elif case == "unknown label":
        texts = {"a": "HEADLINE: Cameras\n\nSUBHEAD: More cameras\n\nBody text."}
    elif case == "lower-case label":
        texts = {"a": "Headline: Cameras\n\nBody text."}
    root = make_corpus({} if case == "folder" else texts, rows=[row])
    if case == "folder":
        (root / "texts" / "a.txt").mkdir(parents=True)
    if case == "unbalanced quote":
        lines = (root / "manifest.csv").read_text(encoding="utf-8").splitlines()
        lines[1] = lines[1].replace("Test Daily", '"Test Daily', 1)
        (root / "manifest.csv").write_text("\n".join(lines + ["x,y"]) + "\n", encoding="utf-8")
    found = messages(root)
    assert any(m.startswith(expected) for m in found), found
    assert all("\n" not in m and ". Fix: " in m for m in found)


def test_large_texts_get_a_memory_warning(make_corpus, monkeypatch) -> None:
    import watchwords.corpus as corpus_module

    monkeypatch.setattr(corpus_module, "LARGE_TEXT", 5)
    root = make_corpus({"a": "A text longer than five bytes."}, rows=[manifest_row("a")])
    found = messages(root)
    assert any(m.startswith("warning: corpus1/texts/a.txt: the text is 0 MB: load_corpus keeps every text") for m in found)
    assert len(ww.load_corpus(root)) == 1  # a warning, not an error
