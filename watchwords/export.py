"""Export a figure or a table with the data behind it and a provenance sidecar.

``export(obj, name, out=...)`` writes, atomically, into the folder ``out``:

* ``name.png`` (for a figure: the Axes' figure, 150 dpi),
* ``name.csv`` (the data drawn, which the plot functions attach to their Axes, or the table itself),
* ``name.json``: a provenance sidecar with the caption, the corpus hash (SHA-256 over manifest and texts), the Watchwords
  version, the function and its parameters, the versions of Python, pandas, NLTK, matplotlib and numpy, and the
  time of export.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import platform
from pathlib import Path
from typing import Any

import pandas as pd

from ._io import atomic_write_bytes, atomic_write_text
from ._version import __version__

__all__ = ["export", "provenance"]


def provenance(*, function: str, parameters: dict[str, Any] | None = None, corpus_hash: str | None = None) -> dict[str, Any]:
    """The provenance record written next to every exported table and figure."""
    import matplotlib
    import nltk
    import numpy

    return {
        "function": function, "parameters": parameters or {}, "corpus_hash": corpus_hash,
        "watchwords_version": __version__,
        "libraries": {"python": platform.python_version(), "pandas": pd.__version__, "nltk": nltk.__version__,
                      "matplotlib": matplotlib.__version__, "numpy": numpy.__version__},
        "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
    }


def export(obj: Any, name: str, *, out: str | Path, corpus: pd.DataFrame | None = None,
           function: str | None = None, parameters: dict[str, Any] | None = None,
           caption: str = "") -> dict[str, str]:
    """Save a figure (an Axes returned by a ``watchwords.plot_*`` function) or a DataFrame, with its data as
    CSV and a JSON provenance sidecar. Returns the paths written.

    Args:
        obj: an Axes from a Watchwords plot function, or a DataFrame.
        name: the file stem (letters, digits, "-" and "_"), e.g. "02-keyness".
        out: the folder (created if needed).
        corpus: the corpus analysed, for its hash (else the hash attached to the data, if any).
        function, parameters: override what is recorded (tables: the function that made them).
        caption: one or two sentences saying what the figure shows and how to read it; the report prints it
            under the figure. Say what is drawn, not what it shows on one corpus (no numbers).
    """
    import re

    if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
        raise ValueError(f"name={name!r}: use letters, digits, '-' and '_' only")
    out = Path(out)
    written: dict[str, str] = {}
    if isinstance(obj, pd.DataFrame):
        data = obj
        record_function = function or str(obj.attrs.get("source", "pandas.DataFrame"))
        record_parameters = parameters or {k: str(v) for k, v in obj.attrs.items()
                                           if k not in ("source", "corpus_hash", "errors")}
        corpus_hash = obj.attrs.get("corpus_hash")
    else:
        info = getattr(obj, "watchwords", None)
        if info is None:
            raise ValueError("export: pass an Axes returned by a watchwords.plot_* function, or a DataFrame")
        data = info["data"]
        record_function = function or info["function"]
        record_parameters = parameters or info["parameters"]
        corpus_hash = info.get("corpus_hash")
        buffer = io.BytesIO()
        obj.figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
        atomic_write_bytes(out / f"{name}.png", buffer.getvalue())
        written["png"] = str(out / f"{name}.png")
    if corpus is not None:
        corpus_hash = corpus.attrs.get("corpus_hash", corpus_hash)
    atomic_write_text(out / f"{name}.csv", data.to_csv(index=False))
    written["csv"] = str(out / f"{name}.csv")
    record = provenance(function=record_function, parameters=record_parameters, corpus_hash=corpus_hash)
    record.update(name=name, caption=caption, files={k: Path(v).name for k, v in written.items()}, rows=int(len(data)))
    atomic_write_text(out / f"{name}.json", json.dumps(record, indent=2, default=str) + "\n")
    written["json"] = str(out / f"{name}.json")
    return written
