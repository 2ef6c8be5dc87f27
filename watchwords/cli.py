"""The command line: ``python -m watchwords {validate,fetch,add,rehash,evaluate-attribution,report}``.

Each command prints what it did and exits 0 on success, 1 when it found errors (``validate``),
could not do its work (``add``), or when a notebook failed (``report``), and 2 on wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ._version import __version__

__all__ = ["main"]


def _validate(args: argparse.Namespace) -> int:
    from .corpus import validate_corpus

    problems = validate_corpus(args.path)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{args.path}: {errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


def _fetch(args: argparse.Namespace) -> int:
    import pandas as pd

    from .fetch import FetchConfig, fetch_corpus

    config = FetchConfig(timeout=args.timeout, retries=args.retries, delay=args.delay, max_bytes=args.max_bytes,
                         use_archive=not args.no_archive, allow_private=args.allow_private,
                         deadline=args.deadline)
    summary = fetch_corpus(args.corpus, only=args.only or None, force=args.force, limit=args.limit, config=config,
                           progress=not args.quiet)
    with pd.option_context("display.max_colwidth", 70, "display.width", 160):
        if len(summary):
            print(summary[["doc_id", "outcome", "via", "reason"]].to_string(index=False))
    counts = summary.outcome.value_counts().to_dict()
    print(f"fetched {counts.get('fetched', 0)}, failed {counts.get('failed', 0)}, skipped {counts.get('skipped', 0)}"
          f" (texts in {Path(args.corpus) / 'fetched'}; your own copies, not for redistribution)")
    return 1 if counts.get("failed", 0) else 0


def _add(args: argparse.Namespace) -> int:
    from .fetch import FetchConfig
    from .importers import add_reports

    config = FetchConfig(timeout=args.timeout, use_archive=not args.no_archive, allow_private=args.allow_private)
    added = add_reports(args.source, corpus=args.corpus, outlet=args.outlet, date=args.date, title=args.title,
                        doc_id=args.doc_id, outlet_type=args.outlet_type, country=args.country,
                        language=args.language, url=args.url, source_agency=args.source_agency,
                        attributes_to=args.attributes_to, cluster=args.cluster, rights=args.rights,
                        force=args.force, config=config)
    for row in added.itertuples():
        print(f"added {row.doc_id} ({row.status}) -> {row.path}")
    print(f"{len(added)} document(s) added to {Path(args.corpus) / 'manifest.csv'}; check them with 'python -m watchwords validate'")
    return 0


def _rehash(args: argparse.Namespace) -> int:
    from ._io import sha256_file
    from .corpus import edit_manifest

    root = Path(args.corpus).resolve()
    changed = 0
    with edit_manifest(args.corpus) as (_, rows):  # locked; refuses a manifest with errors
        wanted = set(args.doc_ids)
        unknown = wanted - {row.get("doc_id") for row in rows}
        if unknown:
            raise ValueError(f"{Path(args.corpus) / 'manifest.csv'}: no row with doc_id {', '.join(sorted(unknown))}")
        for row in rows:
            if wanted and row.get("doc_id") not in wanted:
                continue
            file = (root / row.get("path", "")).resolve()
            if not file.is_relative_to(root) or file == root:
                raise ValueError(f"{row.get('doc_id')}: path {row.get('path')!r} is outside the corpus folder; "
                                 "rehash reads only texts inside it")
            if row.get("status") in ("present", "fetched") and file.is_file():
                digest = sha256_file(file)
                if digest != row.get("sha256"):
                    print(f"{row['doc_id']}: sha256 {row.get('sha256') or '(none)'} -> {digest}")
                    row["sha256"] = digest
                    changed += 1
    print(f"{changed} sha256 value(s) updated")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .report import build_report

    def say(record: dict) -> None:
        error = f"  {record['error']}" if record["error"] else ""
        print(f"{record['status']:6} {record['seconds']:6.1f}s  {record['notebook']}{error}", flush=True)

    from .report import notebook_paths

    found = [p.stem for p in notebook_paths(args.notebooks)]
    if not found:
        raise ValueError(f"{args.notebooks}: no notebooks named NN-name.ipynb here; pass --notebooks FOLDER")
    unknown = sorted(set(args.only or []) - set(found) - {f + ".ipynb" for f in found})
    if unknown:
        raise ValueError(f"--only {' '.join(unknown)}: no such notebook; choose from {', '.join(found)}")
    if not (Path(args.corpus) / "manifest.csv").is_file():
        raise ValueError(f"{args.corpus}: no manifest.csv here; pass --corpus FOLDER (the folder with manifest.csv)")
    frame = build_report(notebooks=args.notebooks, corpus=args.corpus, out=args.out, timeout=args.timeout,
                         only=args.only or None, solutions=not args.no_solutions, on_done=say)
    print(f"report: {Path(args.out) / 'index.html'}")
    return 1 if (frame.status != "ok").any() or frame.empty else 0


def _evaluate_attribution(args: argparse.Namespace) -> int:
    import json

    from .evaluation import polnear_triples, recall_breakdown, score

    try:
        triples = polnear_triples(args.polnear)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    result = score(triples, subset=args.subset)
    if args.breakdown:
        for by in ("construction", "verb"):
            table = recall_breakdown(triples, subset=args.subset, by=by)
            table = table if by == "construction" else table[table["gold"] >= args.min_gold]
            print(f"PolNeAR {args.polnear}: recall per {by}, subset {args.subset}"
                  + ("" if by == "construction" else f" (lemmas with at least {args.min_gold} gold relations)"))
            print(table.to_string(index=False))
            print()
        return 0
    if args.json:
        print(json.dumps(_plain(result), indent=2))
        return 0
    print(f"PolNeAR {args.polnear}: {result['articles']} articles, subset {result['subset']}")
    print(f"{'part':<10}{'mode':<9}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for part in ("cue", "source", "content", "relation"):
        for mode, value in result[part].items():
            print(f"{part:<10}{mode:<9}{value['precision']:>7.3f}{value['recall']:>7.3f}{value['f1']:>7.3f}{value['gold']:>7}")
    for kind, parts in result["by_kind"].items():
        value = parts["content"]["lenient"]
        print(f"{kind:<10}content lenient F1 {value['f1']:.3f} (gold {value['gold']})")
    return 0


def _evaluate_russian(args: argparse.Namespace) -> int:
    import warnings

    from .evaluation import russian_scores

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = russian_scores(args.gold, n_boot=1000, seed=0)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Russian gold set {args.gold}: precision, recall, F1 per split (held-out: never used to develop the rules); "
          "frames with a 95% bootstrap interval of F1 over documents")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0


def _plain(result: dict[str, Any]) -> dict[str, Any]:
    """The --json shape: P/R/F1 only."""
    def strip(value: Any) -> Any:
        if isinstance(value, dict) and "f1" in value:
            return {k: value[k] for k in ("precision", "recall", "f1")}
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items()}
        return value

    stripped: dict[str, Any] = strip(result)
    return stripped


def _parse(value: str, convert: Callable[[str], float], what: str) -> float:
    try:
        number = convert(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not {what}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"{value!r} is not {what}")
    return number


def _count(value: str) -> int:
    """argparse type: a whole number of 0 or more."""
    number = int(_parse(value, int, "a whole number"))
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; give 0 or more")
    return number


def _seconds(value: str, *, zero: bool = False) -> float:
    """argparse type: a positive number of seconds (0 too with ``zero``)."""
    number = _parse(value, float, "a number of seconds")
    if number < 0 or (number == 0 and not zero):
        raise argparse.ArgumentTypeError(f"{value} seconds: give a positive number")
    return number


def _count_seconds(value: str) -> float:
    """argparse type: 0 or more seconds."""
    return _seconds(value, zero=True)


def _network_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--no-archive", action="store_true",
                         help="do not ask the Internet Archive for a copy when a page fails (the archive learns the "
                              "URL you asked for)")
    command.add_argument("--allow-private", action="store_true",
                         help="allow private, loopback and link-local addresses (refused by default, redirects too)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m watchwords``."""
    parser = argparse.ArgumentParser(prog="python -m watchwords", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"watchwords {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check the corpus; exit 1 on any error; never modifies it")
    validate.add_argument("path", nargs="?", default="corpus", help="corpus folder (default: corpus)")
    validate.set_defaults(run=_validate)

    fetch = commands.add_parser("fetch", help="download the reports the manifest lists 'to fetch' (needs internet)")
    fetch.add_argument("--corpus", default="corpus")
    fetch.add_argument("--only", nargs="+", metavar="DOC_ID", help="fetch only these documents")
    fetch.add_argument("--force", action="store_true", help="fetch again and overwrite existing texts")
    fetch.add_argument("--limit", type=_count, help="fetch at most N documents")
    fetch.add_argument("--timeout", type=_seconds, default=20.0, help="seconds per request (default 20)")
    fetch.add_argument("--deadline", type=_seconds, default=120.0, help="seconds per URL in all (default 120)")
    fetch.add_argument("--retries", type=_count, default=2, help="retries after timeouts and 5xx (default 2)")
    fetch.add_argument("--delay", type=_count_seconds, default=2.0, help="seconds between requests to one host (default 2)")
    fetch.add_argument("--max-bytes", type=_count, default=5_000_000, help="size cap of a page (default 5,000,000)")
    _network_options(fetch)
    fetch.add_argument("--quiet", action="store_true", help="no progress bar")
    fetch.set_defaults(run=_fetch)

    add = commands.add_parser("add", help="add a report: .txt, .md, .html, .csv, .jsonl (Media Cloud too) or a URL")
    add.add_argument("source", help="a file or an http(s) URL")
    add.add_argument("--corpus", default="corpus")
    add.add_argument("--outlet", help="outlet name (default for table rows without one)")
    add.add_argument("--date", help="YYYY, YYYY-MM, YYYY-MM-DD or unknown")
    add.add_argument("--title")
    add.add_argument("--doc-id")
    add.add_argument("--outlet-type", default="unknown", help="see watchwords/data/outlet_types.csv")
    add.add_argument("--country", default="unknown")
    add.add_argument("--language", default="unknown", help="ISO 639 code such as en or ru")
    add.add_argument("--url", default="")
    add.add_argument("--source-agency", default="")
    add.add_argument("--attributes-to", default="")
    add.add_argument("--cluster", default="")
    add.add_argument("--rights", default="unknown")
    add.add_argument("--force", action="store_true", help="replace a document with the same doc_id")
    add.add_argument("--timeout", type=_seconds, default=20.0, help="seconds per request for a URL (default 20)")
    _network_options(add)
    add.set_defaults(run=_add)

    rehash = commands.add_parser("rehash", help="record the sha256 of texts you changed on purpose")
    rehash.add_argument("doc_ids", nargs="*", metavar="DOC_ID", help="default: every present text")
    rehash.add_argument("--corpus", default="corpus")
    rehash.set_defaults(run=_rehash)

    evaluate = commands.add_parser("evaluate-attribution", help="score attribution extraction on a PolNeAR split")
    evaluate.add_argument("--polnear", required=True, metavar="DIR", help="a PolNeAR split folder (text/, attributions/)")
    evaluate.add_argument("--subset", choices=("speech", "all"), default="speech")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--breakdown", action="store_true",
                          help="print recall per construction and per reporting verb instead")
    evaluate.add_argument("--min-gold", type=int, default=20, metavar="N",
                          help="with --breakdown, list the verbs with at least N gold relations (default 20)")
    evaluate.set_defaults(run=_evaluate_attribution)

    russian = commands.add_parser("evaluate-russian", help="score the Russian attribution rules and frame dictionary on "
                                                           "the Russian gold set (dev and held-out)")
    russian.add_argument("--gold", default="corpus/gold/ru/gold_ru.txt", metavar="FILE")
    russian.set_defaults(run=_evaluate_russian)

    report = commands.add_parser("report", help="execute every notebook and write reports/index.html (offline)")
    report.add_argument("--corpus", default="corpus")
    report.add_argument("--notebooks", default="notebooks")
    report.add_argument("--out", default="reports")
    report.add_argument("--timeout", type=_count, default=600, help="seconds per cell (default 600)")
    report.add_argument("--only", nargs="+", metavar="NOTEBOOK", help="only these notebooks (e.g. 01-corpus)")
    report.add_argument("--no-solutions", action="store_true", help="do not run and render the worked solutions")
    report.set_defaults(run=_report)

    analyze = commands.add_parser("analyze", help="run the per-document analyses over a corpus of any size on Dask "
                                  "and write Parquet/CSV tables")
    analyze.add_argument("--corpus", required=True, nargs="+", metavar="PATH",
                         help="a corpus folder, or .jsonl/.csv/.parquet files (glob patterns allowed)")
    analyze.add_argument("--out", required=True, metavar="DIR", help="output folder (a re-run resumes in it)")
    analyze.add_argument("--workers", type=_count, help="local worker processes (default: one per core; 0: no Dask)")
    analyze.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://host:8786")
    analyze.add_argument("--analyses", nargs="+", metavar="NAME", help="some of: " + ", ".join(_analyses()))
    analyze.add_argument("--by", nargs="+", default=["outlet_type"], metavar="COLUMN",
                         help="metadata columns of the reduced tables ('all' for the whole corpus)")
    analyze.add_argument("--nodes", nargs="+", default=[], metavar="WORD", help="count the collocates of these")
    analyze.add_argument("--language", default="en", choices=["en", "ru"], help="the language analysed (default en)")
    analyze.add_argument("--keyness", nargs=2, metavar=("TARGET", "REFERENCE"),
                         help="keyness of one group of the first --by column against another (comma-separated)")
    analyze.add_argument("--documents-per-partition", type=_count, default=1000)
    analyze.add_argument("--no-documents", action="store_true", help="write only the reduced tables")
    analyze.add_argument("--text-column", default="text")
    analyze.add_argument("--id-column", default="doc_id")
    analyze.add_argument("--quiet", action="store_true", help="no progress bar")
    analyze.set_defaults(run=_analyze)

    synthesize = commands.add_parser("synthesize", help="write a synthetic news corpus (JSONL) for benchmarks")
    synthesize.add_argument("--documents", type=_count, required=True)
    synthesize.add_argument("--out", required=True, metavar="FILE", help="a .jsonl file (refused if it exists)")
    synthesize.add_argument("--seed", type=_count, default=0)
    synthesize.add_argument("--force", action="store_true", help="overwrite an existing file")
    synthesize.set_defaults(run=_synthesize)
    return parser


def _analyses() -> tuple[str, ...]:
    from .scale import ANALYSES

    return ANALYSES


def _analyze(args: argparse.Namespace) -> int:
    from .scale import ANALYSES, analyze, summary_text

    keyness = tuple(value.split(",") for value in args.keyness) if args.keyness else None
    summary = analyze(args.corpus if len(args.corpus) > 1 else args.corpus[0], out=args.out,
                      analyses=args.analyses or ANALYSES, by=args.by, nodes=args.nodes, keyness=keyness,
                      workers=args.workers, scheduler=args.scheduler,
                      documents_per_partition=args.documents_per_partition, keep_documents=not args.no_documents,
                      text_column=args.text_column, id_column=args.id_column, language=args.language,
                      progress=not args.quiet)
    if args.quiet:
        print(summary_text(summary))
    return 1 if summary.attrs["failures"] else 0


def _synthesize(args: argparse.Namespace) -> int:
    from .synthetic import write_synthetic

    out = Path(args.out)
    if out.suffix.lower() != ".jsonl":
        raise ValueError(f"{out}: the synthetic corpus is written as JSON lines; give a .jsonl file")
    if out.exists() and not args.force:
        raise ValueError(f"{out} exists; pass --force to overwrite it")
    write_synthetic(out, args.documents, seed=args.seed)
    print(f"wrote {args.documents:,} synthetic documents to {out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    One error path for every command: a problem with the input (a corpus, a file, a URL, an option) is printed as
    one line per problem on standard error ("error: " + file, line or field, what is wrong, how to fix it) and the
    exit code is 1; wrong usage is argparse's one line and exit code 2. No traceback is shown for bad input.
    """
    from .corpus import CorpusError
    from .fetch import FetchError

    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except FetchError as exc:
        print(f"error: {exc.reason}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        for line in str(exc).splitlines() or [type(exc).__name__]:
            print(f"error: {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; the corpus is unchanged except for the reports already finished", file=sys.stderr)
        return 130
