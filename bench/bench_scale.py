"""Benchmark: watchwords.analyze on Dask: one worker against two on the same data in one run, the single-process
path against calling the verbs in memory, and a streamed run over a million synthetic reports.

Data: synthetic news reports (watchwords.synthetic, written for the project), generated into a temporary folder as
JSON lines. Memory: a sampler thread adds up the resident size of this process and all its children (the Dask
scheduler, nannies and workers) every 0.2 s; the table shows the peak of that sum and the peak of the largest single
worker. Run:

    python bench/bench_scale.py --documents 20000                 # 1 vs 2 workers, in memory vs workers=0
    python bench/bench_scale.py --documents 0 --million 1000000   # the streamed run only

The per-document analyses are all six (sentences, token counts, attributions, frames, passives, labels), with the
reduced tables by outlet type; the streamed run computes token counts and frame profiles, without per-document
tables, in partitions of 5,000 reports.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time
import warnings
from pathlib import Path

import psutil

import watchwords as ww


class Sampler:
    """Peak resident memory of this process and its children, sampled in a thread."""

    def __init__(self) -> None:
        self.total_peak = 0
        self.largest_child_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                children = me.children(recursive=True)
                sizes = [c.memory_info().rss for c in children if c.is_running()]
                total = me.memory_info().rss + sum(sizes)
            except psutil.Error:
                continue
            self.total_peak = max(self.total_peak, total)
            self.largest_child_peak = max(self.largest_child_peak, max(sizes, default=0))
            self._stop.wait(0.2)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def timed_run(source: Path, out: Path, **options: object) -> tuple[float, Sampler, object]:
    with Sampler() as sampler:
        started = time.perf_counter()
        summary = ww.analyze(source, out=out, progress=False, **options)  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
    return seconds, sampler, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--million", type=int, default=0, help="documents of the streamed run (0: skip it)")
    parser.add_argument("--partition", type=int, default=1000, help="documents per partition")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    print(f"machine: {os.cpu_count()} cores; dask workers are processes with one thread each")
    with tempfile.TemporaryDirectory(prefix="watchwords-scale-") as folder:
        root = Path(folder)
        if args.documents:
            source = root / "synthetic.jsonl"
            megabytes = ww.synthetic.write_synthetic(source, args.documents, seed=7)
            print(f"corpus: {args.documents:,} synthetic reports, {megabytes:.1f} MB of text")
            print(f"{'run':46} {'seconds':>8} {'MB/s':>6} {'peak MB, all':>13} {'peak MB, worker':>16}")
            results = {}
            for name, options in [("analyze, 1 worker (LocalCluster)", {"workers": 1}),
                                  ("analyze, 2 workers (LocalCluster)", {"workers": 2}),
                                  ("analyze, single process (workers=0)", {"workers": 0})]:
                seconds, sampler, _ = timed_run(source, root / name.split(",")[1].strip().split()[0], **options,
                                                documents_per_partition=args.partition)
                results[name] = seconds
                worker = f"{sampler.largest_child_peak / 2**20:16.0f}" if options["workers"] else f"{'':>16}"
                print(f"{name:46} {seconds:8.1f} {megabytes / seconds:6.2f} {sampler.total_peak / 2**20:13.0f} {worker}",
                      flush=True)
            import pandas as pd

            with Sampler() as sampler:
                started = time.perf_counter()
                corpus = pd.read_json(source, lines=True, dtype=False)
                corpus = corpus.astype({c: str for c in corpus.columns})
                corpus.attrs["kind"] = "corpus"
                ww.sentences(corpus)
                ww.frequencies(corpus, by="outlet_type")
                ww.attributions(corpus)
                ww.frames(corpus)
                ww.frame_profile(corpus, by="outlet_type")
                ww.passives(corpus)
                ww.actor_labels(corpus)
                seconds = time.perf_counter() - started
            print(f"{'the same verbs in memory, one process':46} {seconds:8.1f} {megabytes / seconds:6.2f} "
                  f"{sampler.total_peak / 2**20:13.0f}")
            one, two = results["analyze, 1 worker (LocalCluster)"], results["analyze, 2 workers (LocalCluster)"]
            print(f"speed-up of 2 workers over 1: {one / two:.2f}x")
        if args.million:
            source = root / "million.jsonl"
            started = time.perf_counter()
            megabytes = ww.synthetic.write_synthetic(source, args.million, seed=11)
            print(f"streamed run: {args.million:,} synthetic reports, {megabytes:.0f} MB of text "
                  f"(generated in {time.perf_counter() - started:.0f} s)")
            seconds, sampler, summary = timed_run(source, root / "million", workers=2, documents_per_partition=5000,
                                                  analyses=["token_counts", "frames"], keep_documents=False)
            print(f"token counts + frame profiles, 2 workers: {seconds:.0f} s, {megabytes / seconds:.2f} MB/s, "
                  f"{summary.attrs['documents']:,} documents, {summary.attrs['failures']} failed partitions; "
                  f"peak memory of all processes together {sampler.total_peak / 2**30:.2f} GB, largest worker "
                  f"{sampler.largest_child_peak / 2**30:.2f} GB")


if __name__ == "__main__":
    main()
