"""The same analyses on corpora too large for one process: partitions mapped over Dask workers, Parquet out.

:func:`analyze` reads a corpus folder (manifest + texts), or JSONL, CSV or Parquet files with a ``text`` column
(glob patterns, many files), in partitions of ``documents_per_partition`` documents; each partition runs the
per-document verbs of the package (the very functions of the in-memory path) in a worker, writes the per-document
tables as Parquet (``out/<analysis>/part-NNNNN.parquet``) and small *partial* count tables
(``out/_partials/<name>/part-NNNNN.parquet``); the client then sums the partials, one partition at a time, into the
reduced tables (``out/<name>.parquet`` and ``.csv``, each with a JSON provenance sidecar like the figures'):

* ``frequencies_<by>``: the table of :func:`watchwords.frequencies` (``by`` a metadata column, n = 1);
* ``document_frequencies``: term, doc_freq, n_docs;
* ``frame_profile_<by>``: the table of :func:`watchwords.frame_profile` (sentences as units, no bootstrap);
* ``source_types_<by>``: relations of :func:`watchwords.attributions` per group and source type;
* ``keyness``: :func:`watchwords.keyness` of ``keyness=(target, reference)`` groups of the first ``by`` column;
* ``collocates_<node>``: :func:`watchwords.collocates` of each node.

Why the results are identical to the in-memory functions: every per-document verb reads one document at a time, so
running it on a partition gives that partition's rows; the reduced tables are sums of counts (integers, and frame
weights of 1 and 0.5, exact in floating point) finished by the same code as the in-memory verbs
(:func:`watchwords.frequency.frequency_table`, :func:`watchwords.framing.frame_profile_table`,
:func:`watchwords.keyness.keyness_table`, :func:`watchwords.collocations.collocate_table`). tests/test_scale.py
compares every reduced table and the per-document tables with the in-memory path, single process and on a
2-worker LocalCluster.

Resuming: a partition is done when its marker ``out/_done/part-NNNNN.json`` exists (written last, atomically, with
the partition's files and rows); a re-run skips done partitions and reduces from their partials, so a failed or
interrupted run redoes only what is missing. A partition that raises is reported with its files and rows in
``out/_failed/`` and the summary, and retried on the next run.

Memory: a worker holds one partition (its texts, the parse and token arrays of its documents) and the vocabulary;
the client holds the list of partitions and the running sums (proportional to the vocabulary times the groups).
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import time
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .store import object_array

__all__ = ["analyze", "ANALYSES", "Partition", "plan_partitions", "summary_text"]

#: The per-document analyses.
ANALYSES = ("sentences", "token_counts", "attributions", "frames", "passives", "labels")
_READERS = (".jsonl", ".json", ".ndjson", ".csv", ".parquet")


@dataclass(frozen=True)
class Partition:
    """A unit of work: some rows of one file, or some documents of a corpus folder."""

    number: int
    kind: str  # "folder", "jsonl", "csv" or "parquet"
    file: str  # the file (or the corpus folder)
    start: int = 0  # first row (line, row group row) of the file
    stop: int = -1  # one past the last row; -1 = to the end
    paths: tuple[str, ...] = field(default=())  # folder: the text files, relative to the folder
    rows: tuple[tuple[tuple[str, str], ...], ...] = field(default=())  # folder: the manifest rows

    @property
    def name(self) -> str:
        return f"part-{self.number:05d}"

    def describe(self) -> str:
        if self.kind == "folder":
            first, last = self.paths[0] if self.paths else "", self.paths[-1] if self.paths else ""
            return f"{self.file}: {len(self.paths)} texts ({first} .. {last})"
        return f"{self.file}: rows {self.start}..{'end' if self.stop < 0 else self.stop - 1}"

    def key(self) -> str:
        blob = json.dumps([self.kind, self.file, self.start, self.stop, list(self.paths)], sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def plan_partitions(corpus_source: str | Path | Sequence[str | Path], *,
                    documents_per_partition: int = 1000) -> list[Partition]:
    """The partitions of a corpus source: a corpus folder (its manifest's present and fetched texts), or files and
    glob patterns of .jsonl/.ndjson (one JSON object per line), .csv or .parquet with a ``text`` column.

    JSONL files are cut by lines and Parquet files by rows; a CSV file is one partition (a quoted field may hold
    line breaks, so it cannot be cut without parsing it: split large CSV files, or convert them to Parquet).
    """
    if documents_per_partition < 1:
        raise ValueError(f"documents_per_partition={documents_per_partition}: use 1 or more")
    sources = [corpus_source] if isinstance(corpus_source, (str, Path)) else list(corpus_source)
    partitions: list[Partition] = []
    step = documents_per_partition
    for source in sources:
        path = Path(source)
        if path.is_dir():
            from .corpus import load_manifest

            manifest = load_manifest(path)
            manifest = manifest[manifest["status"].isin(["present", "fetched"])]
            records = [tuple((str(k), str(v)) for k, v in row.items()) for row in manifest.to_dict("records")]
            paths = [str(p) for p in manifest["path"]]
            for a in range(0, len(paths), step):
                partitions.append(Partition(len(partitions), "folder", str(path), a, a + len(paths[a:a + step]),
                                            tuple(paths[a:a + step]), tuple(records[a:a + step])))
            continue
        matches = sorted(glob.glob(str(source))) if any(c in str(source) for c in "*?[") else [str(source)]
        if not matches:
            raise ValueError(f"corpus source {source}: no file matches; give a corpus folder or .jsonl, .csv or "
                             ".parquet files (glob patterns allowed)")
        for match in matches:
            file = Path(match)
            if not file.is_file():
                raise ValueError(f"corpus source {file}: no such file or folder")
            suffix = file.suffix.lower()
            if suffix not in _READERS:
                raise ValueError(f"corpus source {file}: unknown kind {suffix or '(no suffix)'}; use a corpus folder "
                                 "or .jsonl, .csv or .parquet files")
            if suffix == ".csv":
                partitions.append(Partition(len(partitions), "csv", str(file)))
                continue
            if suffix == ".parquet":
                import pyarrow.parquet as pq

                total = pq.ParquetFile(file).metadata.num_rows
            else:
                total = _count_lines(file)
            kind = "parquet" if suffix == ".parquet" else "jsonl"
            for a in range(0, max(total, 1), step):
                partitions.append(Partition(len(partitions), kind, str(file), a, min(a + step, total)))
    return partitions


@dataclass
class _Bad:
    file: str
    row: int | str
    problem: str


def _read_partition(partition: Partition, text_column: str, id_column: str) -> tuple[pd.DataFrame, list[_Bad]]:
    """The documents of a partition as a corpus DataFrame (doc_id, text, metadata), and the rows left out."""
    bad: list[_Bad] = []
    if partition.kind == "folder":
        root = Path(partition.file)
        records = []
        for relative, row in zip(partition.paths, partition.rows):
            values = dict(row)
            try:
                values["text"] = (root / relative).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as error:
                bad.append(_Bad(str(root / relative), values.get("doc_id", "?"), f"unreadable: {error}"))
                continue
            records.append(values)
        frame = pd.DataFrame(records)
    elif partition.kind == "jsonl":
        records = []
        with open(partition.file, encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if number < partition.start:
                    continue
                if 0 <= partition.stop <= number:
                    break
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as error:
                    bad.append(_Bad(partition.file, number + 1, f"not JSON: {error.msg}"))
                    continue
                if not isinstance(value, dict):
                    bad.append(_Bad(partition.file, number + 1, "not a JSON object"))
                    continue
                value.setdefault("_row", number + 1)
                records.append(value)
        frame = pd.DataFrame(records)
    elif partition.kind == "csv":
        frame = pd.read_csv(partition.file, dtype=str, keep_default_na=False, encoding="utf-8")
        frame["_row"] = np.arange(len(frame)) + 2
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(partition.file).slice(partition.start, partition.stop - partition.start)
        frame = table.to_pandas()
        frame["_row"] = np.arange(partition.start, partition.start + len(frame))
    if frame.empty:
        return pd.DataFrame(columns=["doc_id", "text"]), bad
    if text_column not in frame.columns:
        raise ValueError(f"{partition.file}: no column {text_column!r}; name the text column with text_column=")
    frame = frame.rename(columns={text_column: "text"}) if text_column != "text" else frame
    if "_row" not in frame.columns:
        frame["_row"] = np.arange(len(frame))
    if id_column in frame.columns:
        frame["doc_id"] = frame[id_column].astype(str)
    else:
        frame["doc_id"] = [f"{Path(partition.file).stem}:{row}" for row in frame["_row"]]
    texts = frame["text"]
    empty = texts.isna() | (texts.astype(str).str.strip() == "")
    for row in frame.loc[empty, "_row"]:
        bad.append(_Bad(partition.file, int(row) if str(row).isdigit() else str(row), "no text"))
    frame = frame[~empty].copy()
    frame["text"] = frame["text"].astype(str)
    columns = ["doc_id", "text"] + [c for c in frame.columns if c not in ("doc_id", "text", "_row")]
    frame = frame[columns].reset_index(drop=True)
    for column in frame.columns[2:]:
        frame[column] = frame[column].astype(str)
    frame.attrs["kind"] = "corpus"
    return frame, bad


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    """Write atomically: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    plain = frame.copy()
    plain.attrs = {}
    for column in plain.columns:
        if plain[column].dtype == object or str(plain[column].dtype).startswith(("str", "string", "category")):
            plain[column] = plain[column].astype(object).where(plain[column].notna(), None)
    plain.to_parquet(temporary, index=False)
    os.replace(temporary, path)


def _write_json(value: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(value, indent=1, default=str), encoding="utf-8")
    os.replace(temporary, path)


@dataclass(frozen=True)
class _Options:
    analyses: tuple[str, ...]
    by: tuple[str, ...]
    nodes: tuple[str, ...]
    window: int
    keep_documents: bool
    text_column: str
    id_column: str
    language: str = "en"


def _group_column(corpus: pd.DataFrame, by: str) -> pd.Series:
    if by == "all":
        return pd.Series("all", index=corpus.index)
    if by not in corpus.columns:
        return pd.Series("(missing)", index=corpus.index)
    return corpus[by].astype(str)


def _analyse(corpus: pd.DataFrame, options: _Options) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """One partition's per-document tables and its partial count tables (summed over partitions by
    :func:`_reduce`). Each verb runs once; the per-document tables and every grouping reuse its result."""
    from . import actor_labels, attributions, frames, passives, sentences
    from .collocations import collocate_counts
    from .framing import frame_profile_counts, frame_units
    from .frequency import frequency_counts, term_arrays
    from .languages import in_language

    tables: dict[str, pd.DataFrame] = {}
    partials: dict[str, pd.DataFrame] = {}
    if "sentences" in options.analyses:  # the structure of every document, whatever its language
        tables["sentences"] = sentences(corpus)
    # one language per run: every partition reads the same one, whatever its documents are
    corpus, _ = in_language(corpus, options.language, verb="analyze")
    doc_ids = corpus["doc_id"].astype(str)
    labels = {by: dict(zip(doc_ids, _group_column(corpus, by))) for by in options.by}
    if "token_counts" in options.analyses:
        found = term_arrays(corpus)
        pair_doc, pair_term, counts = found.terms_per_doc()
        tables["token_counts"] = pd.DataFrame({"doc_id": object_array(found.doc_ids)[pair_doc],
                                               "term": object_array(found.strings)[pair_term], "count": counts})
        for by in options.by:
            partials[f"frequency_terms_{by}"], partials[f"frequency_groups_{by}"] = frequency_counts(found, labels[by])
        for node in options.nodes:
            observed, totals = collocate_counts(corpus, node, window=options.window)
            partials[f"collocate_observed_{node}"], partials[f"collocate_totals_{node}"] = observed, totals.reset_index()
    if "attributions" in options.analyses:
        relations = tables["attributions"] = attributions(corpus)
        for by in options.by:
            table = relations.assign(group=relations["doc_id"].astype(str).map(labels[by]))
            table = table.groupby(["group", "source_type"], sort=True).size()
            partials[f"source_types_{by}"] = table.rename("relations").reset_index()
    if "frames" in options.analyses:
        tables["frames"] = frames(corpus)
        units, matches = frame_units(corpus, found=tables["frames"])
        for by in options.by:
            partials[f"frame_frames_{by}"], partials[f"frame_groups_{by}"] = frame_profile_counts(units, matches,
                                                                                                   labels[by])
    if "passives" in options.analyses:
        tables["passives"] = passives(corpus)
    if "labels" in options.analyses:
        tables["labels"] = actor_labels(corpus)
    return tables, partials


def run_partition(partition: Partition, out: str, options: _Options) -> dict[str, Any]:
    """Run one partition in a worker: read, analyse, write its tables and partials, then its done-marker.
    Returns its summary (documents, bad rows, seconds); raises after recording the failure in ``out/_failed``."""
    from .documents import clear_cache

    root = Path(out)
    started = time.perf_counter()
    failed = root / "_failed" / f"{partition.name}.json"
    try:
        with warnings.catch_warnings(record=True) as caught:  # kept in the summary, not printed by every worker
            warnings.simplefilter("always")
            corpus, bad = _read_partition(partition, options.text_column, options.id_column)
            tables, partials = _analyse(corpus, options)
            if options.keep_documents:
                for name, table in tables.items():
                    _write_parquet(table, root / name / f"{partition.name}.parquet")
            for name, table in partials.items():
                _write_parquet(table, root / "_partials" / name / f"{partition.name}.parquet")
        summary = {"partition": partition.name, "key": partition.key(), "source": partition.describe(),
                   "documents": int(len(corpus)), "characters": int(corpus["text"].str.len().sum()) if len(corpus)
                   else 0, "bad_rows": [asdict(b) for b in bad], "seconds": time.perf_counter() - started,
                   "warnings": sorted({str(w.message) for w in caught})}
        _write_json(summary, root / "_done" / f"{partition.name}.json")
        failed.unlink(missing_ok=True)
        return summary
    except Exception as error:  # every failure becomes a report with its files; the run goes on
        _write_json({"partition": partition.name, "source": partition.describe(),
                     "error": f"{type(error).__name__}: {error}"}, failed)
        raise
    finally:
        clear_cache()  # a worker's memory stays bounded by one partition


def _sum_partials(root: Path, name: str, keys: list[str], done: Iterable[str]) -> pd.DataFrame | None:
    """Sum a partial table over the done partitions, one partition at a time (memory: the running sum)."""
    total: pd.DataFrame | None = None
    for partition_name in done:
        path = root / "_partials" / name / f"{partition_name}.parquet"
        if not path.is_file():
            continue
        part = pd.read_parquet(path)
        if part.empty:
            continue
        part = part.groupby(keys, sort=False).sum(numeric_only=False)
        total = part if total is None else total.add(part, fill_value=0)
    if total is None:
        return None
    return total.reset_index()


def _reduce(root: Path, options: _Options, done: list[str], keyness: tuple[Any, Any] | None,
            provenance: dict[str, Any]) -> list[str]:
    from .collocations import collocate_table
    from .framing import frame_profile_table
    from .frequency import frequency_table
    from .keyness import keyness_table

    written: list[str] = []

    def save(table: pd.DataFrame, name: str) -> None:
        _write_parquet(table, root / f"{name}.parquet")
        temporary = root / f".{name}.csv.tmp"
        table.to_csv(temporary, index=False)
        os.replace(temporary, root / f"{name}.csv")
        _write_json({**provenance, "table": name, "rows": len(table)}, root / f"{name}.json")
        written.append(name)

    if "token_counts" in options.analyses:
        for k, by in enumerate(options.by):
            terms = _sum_partials(root, f"frequency_terms_{by}", ["group", "term"], done)
            groups = _sum_partials(root, f"frequency_groups_{by}", ["group"], done)
            if terms is None or groups is None:
                continue
            save(frequency_table(terms, groups, by=None if by == "all" else by), f"frequencies_{by}")
            if k == 0:
                overall = terms.groupby("term", sort=True)[["doc_freq"]].sum().reset_index()
                overall["n_docs"] = int(groups["n_docs"].sum())
                save(overall, "document_frequencies")
                if keyness is not None:
                    target, reference = (set(map(str, v if isinstance(v, (list, tuple, set)) else [v]))
                                         for v in keyness)
                    in_target, in_reference = terms["group"].isin(target), terms["group"].isin(reference)
                    t = terms[in_target].groupby("term")[["count", "doc_freq"]].sum()
                    r = terms[in_reference].groupby("term")["count"].sum()
                    size_t = int(groups.loc[groups["group"].isin(target), "n_tokens"].sum())
                    size_r = int(groups.loc[groups["group"].isin(reference), "n_tokens"].sum())
                    table = keyness_table(t["count"].astype("float64"), r.astype("float64"), target_size=size_t,
                                          reference_size=size_r)
                    table["docs_target"] = table["term"].map(t["doc_freq"]).fillna(0).astype(int)
                    save(table, "keyness")
        for node in options.nodes:
            observed = _sum_partials(root, f"collocate_observed_{node}", ["collocate"], done)
            totals = _sum_partials(root, f"collocate_totals_{node}", ["what"], done)
            if observed is not None and totals is not None:
                save(collocate_table(observed, totals.set_index("what")["value"], node, window=options.window),
                     f"collocates_{'_'.join(node.split())}")
    if "frames" in options.analyses:
        for by in options.by:
            frame_rows = _sum_partials(root, f"frame_frames_{by}", ["group", "frame"], done)
            unit_rows = _sum_partials(root, f"frame_groups_{by}", ["group"], done)
            if unit_rows is not None:
                save(frame_profile_table(frame_rows, unit_rows, by=None if by == "all" else by),
                     f"frame_profile_{by}")
    if "attributions" in options.analyses:
        for by in options.by:
            table = _sum_partials(root, f"source_types_{by}", ["group", "source_type"], done)
            if table is not None:
                table = table.sort_values(["group", "source_type"]).reset_index(drop=True)
                save(table.rename(columns={"group": by}), f"source_types_{by}")
    return written


def analyze(
    corpus_source: str | Path | Sequence[str | Path],
    *,
    out: str | Path,
    analyses: Sequence[str] = ANALYSES,
    by: Sequence[str] | str = ("outlet_type",),
    nodes: Sequence[str] = (),
    window: int = 5,
    keyness: tuple[Any, Any] | None = None,
    client: Any = None,
    workers: int | None = None,
    scheduler: str | None = None,
    documents_per_partition: int = 1000,
    keep_documents: bool = True,
    text_column: str = "text",
    id_column: str = "doc_id",
    language: str = "en",
    progress: bool = True,
) -> pd.DataFrame:
    """Run the per-document analyses over a corpus of any size in partitions, and reduce their counts.

    Args:
        corpus_source: a corpus folder, or .jsonl/.csv/.parquet files (a path, a glob pattern or a list).
        out: the output folder (created; done partitions in it are kept and skipped on a re-run).
        analyses: some of :data:`ANALYSES`.
        by: metadata columns to group the reduced tables by ("all" for the whole corpus).
        nodes: words or phrases whose collocates are counted (with ``token_counts``).
        window: collocate window.
        keyness: (target groups, reference groups) of the first ``by`` column, e.g.
            ``("state media", ["mainstream media", "aggregator"])``.
        client: a ``distributed.Client`` to run on (any Dask cluster); default: a LocalCluster of ``workers``
            processes (default: one per core), or ``scheduler`` (an address such as ``tcp://host:8786``).
            ``workers=0`` runs every partition in this process, without Dask.
        documents_per_partition: documents per partition (memory per worker grows with it).
        keep_documents: write the per-document tables (False: only the reduced tables).
        text_column, id_column: the columns of JSONL/CSV/Parquet rows holding the text and the document id.
        language: the language analysed (``"en"`` or ``"ru"``); documents in other languages are left out of every
            table, and each partition's summary lists them (:mod:`watchwords.languages`).
        progress: show a progress bar (tqdm).

    Returns:
        The run's summary: one row per partition (partition, source, status "done" / "skipped (done before)" /
        "failed", documents, bad_rows, seconds, error); ``df.attrs`` holds the totals (documents, failures, wall
        time, MB/s, the tables written).
    """
    unknown = set(analyses) - set(ANALYSES)
    if unknown:
        raise ValueError(f"analyses: unknown {sorted(unknown)}; use some of {list(ANALYSES)}")
    by = (by,) if isinstance(by, str) else tuple(by)
    from .languages import choose_language

    options = _Options(tuple(analyses), by, tuple(nodes), window, keep_documents, text_column, id_column,
                       choose_language([], language))
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    partitions = plan_partitions(corpus_source, documents_per_partition=documents_per_partition)
    rows: list[dict[str, Any]] = []
    pending = []
    for partition in partitions:
        marker = root / "_done" / f"{partition.name}.json"
        if marker.is_file() and json.loads(marker.read_text(encoding="utf-8")).get("key") == partition.key():
            summary = json.loads(marker.read_text(encoding="utf-8"))
            rows.append({**summary, "status": "skipped (done before)"})
        else:
            pending.append(partition)
    results = _run(pending, str(root), options, client=client, workers=workers, scheduler=scheduler,
                   progress=progress)
    rows.extend(results)
    done = sorted(r["partition"] for r in rows if r["status"] != "failed")
    provenance = {"source": "watchwords.analyze", "corpus_source": str(corpus_source), "analyses": list(analyses),
                  "by": list(by), "nodes": list(nodes), "window": window, "partitions": len(partitions),
                  "partitions_done": len(done)}
    written = _reduce(root, options, done, keyness, provenance)
    frame = pd.DataFrame(rows, columns=["partition", "source", "status", "documents", "characters", "bad_rows",
                                        "seconds", "error"]).sort_values("partition").reset_index(drop=True)
    frame["bad_rows"] = frame["bad_rows"].map(lambda v: len(v) if isinstance(v, list) else 0)
    seconds = time.perf_counter() - started
    computed = frame[frame["status"] == "done"]
    frame.attrs.update(source="watchwords.analyze", documents=int(frame["documents"].fillna(0).sum()),
                       warnings=[w for r in rows for w in r.get("warnings", [])],
                       failures=int((frame["status"] == "failed").sum()), seconds=seconds,
                       mb_per_second=float(computed["characters"].fillna(0).sum()) / 1e6 / seconds if seconds else 0.0,
                       tables=written, out=str(root))
    _write_json({k: v for k, v in frame.attrs.items()}, root / "summary.json")
    if progress:
        print(summary_text(frame))
    return frame


def summary_text(summary: pd.DataFrame) -> str:
    """The plain summary of a run of :func:`analyze`: documents, partitions, failures (each with its files), time,
    throughput and the tables written."""
    attrs = summary.attrs
    lines = [f"analyze: {attrs['documents']:,} documents in {len(summary)} partition(s), {attrs['failures']} failed, "
             f"{attrs['seconds']:.1f} s, {attrs['mb_per_second']:.2f} MB/s; tables in {attrs['out']}: "
             f"{', '.join(attrs['tables']) or 'none'}"]
    for row in summary[summary["status"] == "failed"].itertuples():
        lines.append(f"  failed {row.partition} ({row.source}): {row.error}; re-run to retry it")
    skipped = [w for w in attrs.get("warnings", []) if "left out" in w]
    if skipped:
        lines.append(f"  {len(skipped)} partition(s) held documents in other languages, left out of every table "
                     f"(listed per partition in {attrs['out']}/_done/; --language chooses the language analysed)")
    bad = int(summary["bad_rows"].sum())
    if bad:
        lines.append(f"  {bad} row(s) left out (no text, not JSON, unreadable file); listed in {attrs['out']}/_done/")
    return "\n".join(lines)


def _run(pending: list[Partition], out: str, options: _Options, *, client: Any, workers: int | None,
         scheduler: str | None, progress: bool) -> list[dict[str, Any]]:
    from tqdm.auto import tqdm

    rows: list[dict[str, Any]] = []
    if not pending:
        return rows
    if workers == 0 and client is None and scheduler is None:
        for partition in tqdm(pending, disable=not progress, desc="partitions"):
            rows.append(_outcome(partition, lambda p=partition: run_partition(p, out, options)))
        return rows
    from distributed import Client, LocalCluster, as_completed

    owned = []
    if client is None:
        if scheduler is not None:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
            owned.append(cluster)
        owned.insert(0, client)
    try:
        futures = {client.submit(run_partition, p, out, options, pure=False, retries=0): p for p in pending}
        for future in tqdm(as_completed(futures), total=len(futures), disable=not progress, desc="partitions"):
            partition = futures[future]
            rows.append(_outcome(partition, future.result))
    finally:
        for thing in owned:
            thing.close()
    return rows


def _outcome(partition: Partition, result: Any) -> dict[str, Any]:
    try:
        return {**result(), "status": "done"}
    except Exception as error:  # recorded by run_partition in out/_failed; reported in the summary
        return {"partition": partition.name, "source": partition.describe(), "status": "failed",
                "documents": 0, "characters": 0, "bad_rows": [], "seconds": 0.0,
                "error": f"{type(error).__name__}: {error}"}
