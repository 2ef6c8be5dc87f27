"""Benchmark: attribution extraction throughput (MB of text per second, one process = one core).

Builds the scaled corpus of bench_corpus.py (the shipped texts replicated under new ids to
--megabytes) and times ``watchwords.attributions`` over it. Run from the repository folder:

    python bench/bench_attribution.py --megabytes 20
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import scaled_texts  # noqa: E402

import pandas as pd  # noqa: E402

import watchwords as ww  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    args = parser.parse_args()
    size, texts = scaled_texts(args.megabytes)
    corpus = pd.DataFrame(texts, columns=["doc_id", "text"])
    start = time.perf_counter()
    relations = ww.attributions(corpus)
    seconds = time.perf_counter() - start
    mb = size / 1e6
    print(f"corpus: {len(corpus):,} documents, {mb:.1f} MB of text")
    print(f"attributions: {len(relations):,} relations in {seconds:.1f} s = {mb / seconds:.2f} MB/s on one core")


if __name__ == "__main__":
    main()
