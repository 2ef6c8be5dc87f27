"""Benchmark: every stage a notebook user runs, on the same corpus, with the token store (Watchwords 0.2 after issue
#17) side by side with the token-table implementation it replaced (bench/reference_v02.py, kept verbatim), and
scikit-learn's CountVectorizer as the outside anchor for document-term counts. Wall time and peak RSS.

The corpus is a folder of texts replicated to --megabytes (new doc_ids, outlet types alternating so that grouped
verbs have groups, and a last line that makes every copy unique, so no cache keyed by the text can serve a copy from
its original): the seed article by default, or the .txt files of --texts DIR read in place (e.g. the PolNeAR dev
texts, which are never copied into the repository).

Each stage runs in a fresh Python process. The process loads the corpus and parses its sentences (untimed: loading
and sentences are stages of their own) and, for the store's verbs, builds the token store once (untimed: "token
store" is a stage of its own, as it is built once per corpus in a notebook); then it times the stage alone. Peak RSS
is the process's maximum resident size (resource.getrusage), which includes the loaded corpus. The last two rows run
the whole notebook pipeline (load, sentences, frequencies, keyness, kwic, collocates, attributions, frames) in one
process from a cold start, store build included, for each implementation. Run:

    python bench/bench_pipeline.py --megabytes 20 --texts ../shared/eval/polnear-dev/text
    python bench/bench_pipeline.py --megabytes 100 --texts ../shared/eval/polnear-dev/text --only pipeline

Reuse is timed on the first --reuse-documents documents (3,000 by default): the store's reuse listing the pairs
with a containment of at least 0.05, and listing every pair (the full table of version 0.2); the reference's
all-pairs reuse only with --reference-reuse (minutes and gigabytes at 3,000 documents).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PIPELINE = """corpus = ww.load_corpus(CORPUS_PATH)
impl.sentences(corpus)
impl.frequencies(corpus, by='outlet_type', stopwords='english')
impl.keyness(corpus, target={'outlet_type': 'state media'}, min_docs=1)
impl.kwic(corpus, 'campaign*', window=5)
impl.collocates(corpus, 'police', window=5)
ww.attributions(corpus)
impl.frames(corpus)"""

#: stage -> (code run with `impl` = the implementation, whether the reference has its own version of it)
STAGES: dict[str, tuple[str, bool]] = {
    "validate + load_corpus": ("ww.load_corpus(CORPUS_PATH)", False),
    "count_terms (streamed)": ("ww.count_terms(CORPUS_PATH)", False),
    "sentences": ("ww.sentences(corpus)", False),
    "token store (once per corpus)": ("token_store(corpus)", False),
    "tokens (materialised DataFrame)": ("impl.tokens(corpus)", True),
    "frequencies(by=outlet_type)": ("impl.frequencies(corpus, by='outlet_type', stopwords='english')", True),
    "frequencies, bigrams": ("impl.frequencies(corpus, n=2, min_count=2)", True),
    "keyness (one group vs the rest)": ("impl.keyness(corpus, target={'outlet_type': 'state media'}, min_docs=1)",
                                        True),
    "dispersion (5 terms)": ("impl.dispersion(corpus, ['police', 'campaign', 'said', 'the', 'trump'])", True),
    "kwic('campaign*')": ("impl.kwic(corpus, 'campaign*', window=5)", True),
    "collocates('police')": ("impl.collocates(corpus, 'police', window=5)", True),
    "frames": ("impl.frames(corpus)", True),
    "passives": ("impl.passives(corpus)", True),
    "hedges": ("impl.hedges(corpus)", True),
    "attributions": ("ww.attributions(corpus)", False),
    "reuse, pairs with containment >= 0.05": ("ww.reuse(corpus.head(REUSE_DOCS), min_containment=0.05)", False),
    "reuse, every pair": ("impl.reuse(corpus.head(REUSE_DOCS))", True),
    "sklearn CountVectorizer (anchor)": ("from sklearn.feature_extraction.text import CountVectorizer\n"
                                         "CountVectorizer(token_pattern=r'(?u)\\b\\w+\\b').fit_transform(corpus.text)",
                                         False),
    "pipeline (cold, in one process)": (PIPELINE, True),
}

RUNNER = """
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {bench!r})
import watchwords as ww
from watchwords.store import token_store
import reference_v02
impl = reference_v02 if sys.argv[3] == "reference" else ww
CORPUS_PATH, REUSE_DOCS = sys.argv[1], int(sys.argv[4])
corpus = None
if sys.argv[2] != "cold":
    corpus = ww.load_corpus(CORPUS_PATH)
    if sys.argv[2] != "load":
        ww.sentences(corpus)
    if sys.argv[2] == "store":
        token_store(corpus)
started = time.perf_counter()
{code}
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run_stage(code: str, root: Path, setup: str, implementation: str, reuse_docs: int) -> dict | str:
    runner = RUNNER.format(code=code, bench=str(Path(__file__).resolve().parent))
    done = subprocess.run([sys.executable, "-c", runner, str(root), setup, implementation, str(reuse_docs)],
                          capture_output=True, text=True)
    if done.returncode:
        lines = done.stderr.strip().splitlines()
        return f"failed: {lines[-1] if lines else done.returncode}"
    return json.loads(done.stdout.strip().splitlines()[-1])


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
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--texts", type=Path, help="a folder of .txt files to replicate (default: the seed)")
    parser.add_argument("--only", nargs="+", help="only the stages whose name starts with one of these")
    parser.add_argument("--reuse-documents", type=int, default=3000)
    parser.add_argument("--reference-reuse", action="store_true", help="also time version 0.2's all-pairs reuse")
    parser.add_argument("--no-reference", action="store_true", help="time the token store only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="watchwords-bench-") as folder:
        root = Path(folder) / "corpus"
        documents, megabytes = build(root, args.megabytes, args.texts)
        print(f"corpus: {documents:,} documents, {megabytes:.1f} MB "
              f"({'the seed' if args.texts is None else args.texts}); reuse on the first "
              f"{min(documents, args.reuse_documents):,} documents")
        print(f"{'stage':40} {'v0.2 s':>8} {'v0.2 MB':>8} {'store s':>8} {'MB/s':>7} {'store MB':>9} {'speed-up':>9}")
        for name, (code, has_reference) in STAGES.items():
            if args.only and not name.startswith(tuple(args.only)):
                continue
            cold = name.startswith(("validate", "count_terms", "pipeline"))
            setup = ("cold" if cold else "load" if name == "sentences" else "parsed" if name.startswith(("token store",
                     "attributions", "sklearn")) else "store")
            new = run_stage(code, root, setup, "watchwords", args.reuse_documents)
            old: dict | str | None = None
            if has_reference and not args.no_reference and (not name.startswith("reuse") or args.reference_reuse):
                old = run_stage(code, root, "cold" if cold else "parsed", "reference", args.reuse_documents)
            cells = []
            for result in (old, new):
                if result is None:
                    cells += [f"{'':>8}", f"{'':>8}"]
                elif isinstance(result, str):
                    cells += [f"{result[:17]:>17}"]
                else:
                    cells += [f"{result['seconds']:8.2f}", f"{result['peak_rss_mb']:8.0f}"]
            if isinstance(new, dict):
                speed = megabytes / new["seconds"] if new["seconds"] > 0 else float("inf")
                cells.insert(3, f"{speed:7.2f}")
                ratio = (f"{old['seconds'] / new['seconds']:8.1f}x" if isinstance(old, dict) and new["seconds"] > 0
                         else "")
            else:
                ratio = ""
            print(f"{name:40} {cells[0]} {cells[1]} {' '.join(cells[2:])} {ratio:>9}", flush=True)


if __name__ == "__main__":
    main()
