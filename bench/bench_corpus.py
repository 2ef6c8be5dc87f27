"""Benchmark: loading a scaled corpus and building the sentence table.

Builds a corpus in a temporary folder by replicating the shipped texts (new doc_ids) until the
texts reach --megabytes, then times validate+load_corpus and sentences(), and reports sentences/s
and MB/s; peak memory comes from a second run under tracemalloc. Run:

    python bench/bench_corpus.py --megabytes 20
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import tempfile
import time
import tracemalloc
from pathlib import Path

import watchwords as ww
from watchwords.corpus import MANIFEST_COLUMNS

REPO = Path(__file__).resolve().parents[1]


def build(root: Path, megabytes: float) -> int:
    seed = (REPO / "corpus" / "texts" / "a_jpost_reuters.txt").read_bytes()
    (root / "texts").mkdir(parents=True)
    rows, total, n = [], 0, 0
    while total < megabytes * 1_000_000:
        doc_id = f"copy-{n:06d}"
        (root / "texts" / f"{doc_id}.txt").write_bytes(seed)
        rows.append({**{c: "" for c in MANIFEST_COLUMNS}, "doc_id": doc_id, "outlet": "Bench", "outlet_type": "unknown",
                     "language": "en", "date": "2023-04-18", "rights": "bench copy", "path": f"texts/{doc_id}.txt",
                     "status": "present", "sha256": hashlib.sha256(seed).hexdigest()})
        total += len(seed)
        n += 1
    with open(root / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(MANIFEST_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return total


def scaled_texts(megabytes: float) -> tuple[int, list[tuple[str, str]]]:
    """Build the scaled corpus in a temporary folder and return (size in bytes, [(doc_id, text), ...])."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        size = build(root, megabytes)
        return size, [(f.stem, f.read_text(encoding="utf-8")) for f in sorted((root / "texts").glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        size = build(root, args.megabytes)
        t0 = time.perf_counter()
        corpus = ww.load_corpus(root)
        t1 = time.perf_counter()
        sents = ww.sentences(corpus)
        t2 = time.perf_counter()
        del corpus, sents
        tracemalloc.start()  # a second, traced run: tracemalloc slows the code it watches
        corpus = ww.load_corpus(root)
        sents = ww.sentences(corpus)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    mb = size / 1e6
    print(f"corpus: {len(corpus):,} documents, {mb:.1f} MB of text, {len(sents):,} sentences")
    print(f"{'step':<28}{'seconds':>10}{'MB/s':>10}")
    print(f"{'validate + load_corpus':<28}{t1 - t0:>10.2f}{mb / (t1 - t0):>10.1f}")
    print(f"{'sentences (Punkt, offsets)':<28}{t2 - t1:>10.2f}{mb / (t2 - t1):>10.1f}")
    print(f"sentences/s: {len(sents) / (t2 - t1):,.0f}; peak traced memory: {peak / 1e6:,.0f} MB")


if __name__ == "__main__":
    main()
