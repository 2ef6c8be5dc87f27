"""Benchmark: attribution extraction throughput (MB of text per second, one process = one core).

Builds the scaled corpus of bench_corpus.py (the shipped texts replicated under new ids to
--megabytes) and times ``watchwords.attributions`` over it. Run from the repository folder:

    python bench/bench_attribution.py --megabytes 20

The shipped corpus is one wire story in short paragraphs. ``--texts DIR`` replicates the ``*.txt``
files of another folder instead, e.g. the PolNeAR dev texts (longer US political news paragraphs),
read in place and never copied into the repository:

    python bench/bench_attribution.py --megabytes 20 --texts ../shared/eval/polnear-dev/text

``--hostile`` times the inputs that were quadratic before (issue 13, class J): one paragraph of 'He said: "'
repeated, one of short quoted sentences, one "sentence" of nested indirect speech, coordinated and participial
cues, nested "citing", appositions, and documents with many relations for the entity lookups, at doubling sizes.
Linear time shows as a constant time per KB:

    python bench/bench_attribution.py --hostile
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd  # noqa: E402
from bench_corpus import scaled_texts  # noqa: E402

import watchwords as ww  # noqa: E402


def replicated_texts(folder: Path, megabytes: float) -> tuple[int, list[tuple[str, str]]]:
    """The .txt files of folder, repeated in name order until they hold at least megabytes of UTF-8."""
    originals = [(f.stem, f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.txt"))]
    if not originals:
        raise SystemExit(f"{folder}: no .txt files to replicate")
    texts: list[tuple[str, str]] = []
    size = 0
    while size < megabytes * 1e6:
        name, text = originals[len(texts) % len(originals)]
        texts.append((f"{len(texts):06d}_{name}", text))
        size += len(text.encode("utf-8"))
    return size, texts


HOSTILE = {"an open quotation repeated": 'He said: "', "short quoted sentences": 'He said: "x". ',
           # one "sentence" of nested indirect speech: every content once ran to its end (output, and time, grew with
           # the square of the input before contents were bounded)
           "nested indirect speech": "He said that ",
           "questions without a comma": "the man said that when asked about it ",
           "coordinated cues": "Smith left the room and said ",
           "nested citing": "Smith reported that the man, citing Jones, ",
           "appositions after inverted cues": "said Smith, a man of the city, ",
           # this round's paths, each in one "sentence": nouns after a possessor, passive agents, dash asides, and
           # coordinated cues that cut the content of the cue before them
           "possessive noun cues": "after his claim that ",
           "passive cues with agents": "the plan, which was reported by Smith, ",
           "dash asides": "Smith — a man of the city — said ",
           "coordinated reporting cues": "Smith praised it and said ",
           # many relations in one document: entity lookups once scanned every earlier source
           "a role without a name, repeated": "The officer said that the cameras work. ",
           "pronouns with no agreeing antecedent": "The ministry said it. She said so. "}


def hostile(repeat: int) -> None:
    """Seconds and seconds per KB for each hostile pattern at 9,000 to 72,000 repetitions (a slice that copied
    the rest of a paragraph's quotations per sentence showed only from 36,000 on)."""
    for name, unit in HOSTILE.items():
        for times in (9_000, 18_000, 36_000, 72_000):
            text = unit * times
            best = min(_timed(text) for _ in range(repeat))
            kb = len(text.encode("utf-8")) / 1e3
            print(f"{name}: x {times:,} ({kb:,.0f} KB): {best:.2f} s, {1e3 * best / kb:.2f} ms per KB")


def _timed(text: str) -> float:
    start = time.perf_counter()
    ww.attributions(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (median and best are reported)")
    parser.add_argument("--texts", type=Path, help="a folder of .txt files to replicate instead of the corpus")
    parser.add_argument("--hostile", action="store_true", help="time the formerly quadratic inputs instead")
    args = parser.parse_args()
    if args.hostile:
        hostile(args.repeat)
        return
    if args.texts:
        size, texts = replicated_texts(args.texts, args.megabytes)
    else:
        size, texts = scaled_texts(args.megabytes)
    corpus = pd.DataFrame(texts, columns=["doc_id", "text"])
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        relations = ww.attributions(corpus)
        times.append(time.perf_counter() - start)
    mb = size / 1e6
    print(f"corpus: {len(corpus):,} documents, {mb:.1f} MB of text")
    print(f"attributions: {len(relations):,} relations; runs: {', '.join(f'{t:.1f} s' for t in times)}")
    print(f"throughput on one core: median {mb / statistics.median(times):.2f} MB/s, best {mb / min(times):.2f} MB/s")


if __name__ == "__main__":
    main()
