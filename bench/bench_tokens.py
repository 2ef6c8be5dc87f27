"""Benchmark: tokenize + count throughput, Watchwords against NLTK's idiomatic pipeline and spaCy.

Builds a corpus by replicating texts under new ids until it holds --megabytes of text (written to a temporary
folder): the seed by default, or the .txt files of --texts DIR read in place (e.g. the PolNeAR dev texts, realistic
news prose; never copied into the repository). Then, in one run, on the same texts:

* (a) NLTK idiomatic: Punkt sentence splitting (NLTK's ``PunktSentenceTokenizer`` with Watchwords'
  parameters and none of its shortcuts; the downloaded model is unavailable offline) + ``TreebankWordTokenizer`` per
  sentence + lower-casing + ``FreqDist``;
* (b) spaCy: ``spacy.blank("en")`` tokenizer (no model) + ``collections.Counter`` of
  ``token.lower_`` (bench-only dependency: ``pip install -r bench/requirements.txt``), and, for
  reference, the spaCy tokenizer alone without counting; both on whole documents, as a user calls it, and on one
  paragraph at a time, which sidesteps spaCy issue 13950 (explosion/spaCy#13950, open in 3.8.18: once a span
  with a special case, such as a line break or "can't", has been seen, no later span of the same document is
  cached, so long documents with line breaks tokenise many times slower);
* (c) Watchwords ``count_terms`` on the same in-memory texts;
* (d) Watchwords ``count_terms`` streaming the corpus folder from disk, with peak traced memory
  measured on a second pass (tracemalloc slows the code it watches), at the full size and at a
  quarter of it, to show memory does not grow with the corpus.

Throughput is each pipeline's own tokens per second (token definitions differ a little).
Run from the repository folder:

    python bench/bench_tokens.py --megabytes 20
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import build  # noqa: E402

import watchwords as ww  # noqa: E402


def nltk_idiomatic(texts: list[str]) -> int:
    from nltk.probability import FreqDist
    from nltk.tokenize import TreebankWordTokenizer

    from watchwords.text import _plain_punkt

    punkt = _plain_punkt()  # NLTK's own Punkt with the project's parameters, without Watchwords' shortcuts
    treebank = TreebankWordTokenizer()
    counts: FreqDist = FreqDist()
    for text in texts:
        for sentence in punkt.tokenize(text):
            counts.update(token.lower() for token in treebank.tokenize(sentence))
    return counts.N()


def spacy_blank(texts: list[str]) -> int:
    import spacy

    nlp = spacy.blank("en")
    counts: Counter[str] = Counter()
    for doc in nlp.tokenizer.pipe(texts, batch_size=256):
        counts.update(token.lower_ for token in doc)
    return sum(counts.values())


def spacy_per_paragraph(texts: list[str]) -> int:
    """spaCy's tokenizer + Counter, one paragraph (line) at a time: each call starts with its cache working."""
    return spacy_blank([line for text in texts for line in text.split("\n") if line.strip()])


def spacy_tokenizer_only(texts: list[str]) -> int:
    import spacy

    nlp = spacy.blank("en")
    return sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=256))


def watchwords_memory(texts: list[str]) -> int:
    return ww.count_terms(texts, drop_punct=False, parts="all").N()


def timed(function, argument) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    n_tokens = function(argument)
    return time.perf_counter() - start, n_tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--skip-spacy", action="store_true", help="leave spaCy out (if it is not installed)")
    parser.add_argument("--texts", type=Path, help="a folder of .txt files to replicate (default: the seed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        _, megabytes = build(root, args.megabytes, args.texts)
        size = megabytes * 1e6
        texts = [p.read_text(encoding="utf-8") for p in sorted((root / "texts").glob("*.txt"))]
        mb = size / 1e6
        results = {}
        results["NLTK idiomatic (Punkt + Treebank + FreqDist)"] = timed(nltk_idiomatic, texts)
        if not args.skip_spacy:
            results["spaCy blank('en') tokenizer + Counter"] = timed(spacy_blank, texts)
            results["spaCy blank('en') + Counter, per paragraph"] = timed(spacy_per_paragraph, texts)
            results["(spaCy blank('en') tokenizer alone, no counting)"] = timed(spacy_tokenizer_only, texts)
        results["watchwords count_terms (in memory)"] = timed(watchwords_memory, texts)
        streamed = timed(lambda folder: ww.count_terms(folder, drop_punct=False, parts="all").N(), root)
        results["watchwords count_terms (streamed from disk)"] = streamed
        tracemalloc.start()
        ww.count_terms(root, drop_punct=False, parts="all")
        _, peak_full = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        small_root = Path(tmp) / "small"
        build(small_root, args.megabytes / 4, args.texts)
        tracemalloc.start()
        ww.count_terms(small_root, drop_punct=False, parts="all")
        _, peak_small = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"corpus: {len(texts):,} documents, {mb:.1f} MB of text ({args.texts or 'the seed'})")
    print(f"{'pipeline':<48}{'seconds':>9}{'tokens':>13}{'tokens/s':>13}")
    for name, (seconds, n_tokens) in results.items():
        print(f"{name:<48}{seconds:>9.2f}{n_tokens:>13,}{n_tokens / seconds:>13,.0f}")
    ours = results["watchwords count_terms (in memory)"]
    ours_rate = ours[1] / ours[0]
    for name, (seconds, n_tokens) in results.items():
        if not name.startswith(("watchwords", "(")):
            print(f"ratio watchwords / {name.split(' (')[0]}: {ours_rate / (n_tokens / seconds):.1f}x")
    print(f"peak traced memory of count_terms streaming: {peak_small / 1e6:.2f} MB at {mb / 4:.1f} MB of text, "
          f"{peak_full / 1e6:.2f} MB at {mb:.1f} MB")


if __name__ == "__main__":
    main()
