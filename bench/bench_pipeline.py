"""Benchmark: every stage a notebook user runs, on the same corpus, each in its own process (wall time and peak RSS),
with scikit-learn's CountVectorizer as the outside anchor for document-term counts.

The corpus is a folder of texts replicated to --megabytes (new doc_ids, outlet types alternating so that grouped
verbs have groups): the seed article by default, or the .txt files of --texts DIR read in place (e.g. the PolNeAR dev
texts, which are never copied into the repository). Each stage runs in a fresh Python process that loads the corpus
(untimed; loading is its own stage, and count_terms streams from the folder without loading) and then times the
stage alone, so one stage's caches and memory do not flatter the next; peak RSS is the process's maximum resident
size (resource.getrusage), which includes the loaded corpus. Note that loading parses every text's paragraphs once
(watchwords.documents), so the later stages start from that parse, as they do in a notebook. Run:

    python bench/bench_pipeline.py --megabytes 5 --texts ../shared/eval/polnear-dev/text

This is the measurement of issue #17 ("every verb as fast as its fastest part"): the table it prints is the
baseline the compact token store is to be compared with, stage by stage.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: stage name -> the code that runs it, with `corpus` loaded
STAGES = {
    "validate + load_corpus": "ww.load_corpus(CORPUS_PATH)",
    "count_terms (streamed)": "ww.count_terms(CORPUS_PATH)",
    "sentences": "ww.sentences(corpus)",
    "tokens": "ww.tokens(corpus)",
    "frequencies(by=outlet_type)": "ww.frequencies(corpus, by='outlet_type', stopwords='english')",
    "keyness (one group vs the rest)": "ww.keyness(corpus, target={'outlet_type': 'state media'}, min_docs=1)",
    "kwic('campaign*')": "ww.kwic(corpus, 'campaign*', window=5)",
    "collocates('police')": "ww.collocates(corpus, 'police', window=5)",
    "attributions": "ww.attributions(corpus)",
    "frames": "ww.frames(corpus)",
    "sklearn CountVectorizer (anchor)": ("from sklearn.feature_extraction.text import CountVectorizer\n"
                                         "CountVectorizer(token_pattern=r'(?u)\\b\\w+\\b').fit_transform(corpus.text)"),
}

RUNNER = """
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
import watchwords as ww
CORPUS_PATH = sys.argv[1]
corpus = ww.load_corpus(CORPUS_PATH) if sys.argv[2] == "load" else None
started = time.perf_counter()
{code}
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def build(root: Path, megabytes: float, texts: Path | None) -> tuple[int, float]:
    """Write a corpus of about ``megabytes`` into ``root``; returns (documents, MB)."""
    sources = sorted(texts.glob("*.txt")) if texts else [REPO / "corpus" / "texts" / "a_jpost_reuters.txt"]
    bodies = [p.read_text(encoding="utf-8") for p in sources]
    (root / "texts").mkdir(parents=True)
    types = ("state media", "mainstream media", "independent Russian media")
    lines = ["doc_id,title,outlet,outlet_type,country,language,date,url,source_agency,attributes_to,cluster,rights,"
             "path,retrieved,sha256,status"]
    total, n = 0, 0
    while total < megabytes * 1_000_000:
        doc_id = f"b{n:06d}"
        # every copy differs (a last line), so no cache keyed by the text can serve a copy from its original
        body = bodies[n % len(bodies)].rstrip("\n") + f"\n\nBench copy {doc_id}.\n"
        (root / "texts" / f"{doc_id}.txt").write_text(body, encoding="utf-8")
        lines.append(f"{doc_id},t,Bench,{types[n % 3]},x,en,2024-01-01,,,,,bench copy,texts/{doc_id}.txt,,,present")
        total += len(body.encode("utf-8"))
        n += 1
    (root / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n, total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--texts", type=Path, help="a folder of .txt files to replicate (default: the seed)")
    parser.add_argument("--only", nargs="+", help="only these stages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="watchwords-bench-") as folder:
        root = Path(folder) / "corpus"
        documents, megabytes = build(root, args.megabytes, args.texts)
        print(f"corpus: {documents:,} documents, {megabytes:.1f} MB "
              f"({'the seed' if args.texts is None else args.texts})")
        print(f"{'stage':36} {'seconds':>8} {'MB/s':>7} {'peak RSS MB':>12}")
        for name, code in STAGES.items():
            if args.only and name not in args.only:
                continue
            started = time.perf_counter()
            load = "no" if name.startswith(("validate", "count_terms")) else "load"
            done = subprocess.run([sys.executable, "-c", RUNNER.format(code=code), str(root), load],
                                  capture_output=True, text=True)
            if done.returncode:
                print(f"{name:36} failed: {done.stderr.strip().splitlines()[-1]}")
                continue
            result = json.loads(done.stdout.strip().splitlines()[-1])
            seconds = result["seconds"]
            speed = megabytes / seconds if seconds > 0 else float("inf")
            print(f"{name:36} {seconds:8.2f} {speed:7.2f} {result['peak_rss_mb']:12.0f}"
                  f"   (process {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
