"""Write the teaching notebooks (.ipynb) from their text sources (jupytext MyST Markdown).

The sources are the notebooks: ``notebooks/src/NN-slug.md`` gives ``notebooks/NN-slug.ipynb`` and
``notebooks/src/solutions/X.md`` gives ``notebooks/solutions/X.ipynb``. Edit a source (in any editor,
or in Jupyter, where ``jupytext.toml`` pairs the two), then run

    python tools/sync_notebooks.py            # write every .ipynb from its source
    python tools/sync_notebooks.py --check    # exit 1 and name the notebooks that differ (the tests run this)

The .ipynb files are written without outputs, with cell ids numbered in order, so a diff shows only
what a source changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "notebooks" / "src"
METADATA = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"}}


def pairs(root: Path = ROOT) -> list[tuple[Path, Path]]:
    """(source .md, notebook .ipynb) for every source under notebooks/src."""
    sources = root / "notebooks" / "src"
    return [(md, root / "notebooks" / md.relative_to(sources).with_suffix(".ipynb"))
            for md in sorted(sources.rglob("*.md"))]


def render(source: Path) -> str:
    """The .ipynb text a source gives: no outputs, execution counts or jupytext metadata; ids c00, c01, ..."""
    notebook = jupytext.read(source, fmt="md:myst")
    notebook.metadata = dict(METADATA)
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"c{number:02d}"
        cell.metadata.pop("lines_to_next_cell", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report notebooks that differ from their source")
    args = parser.parse_args(argv)
    stale = []
    for source, notebook in pairs():
        text = render(source)
        if notebook.exists() and notebook.read_text(encoding="utf-8") == text:
            continue
        stale.append(notebook)
        if not args.check:
            notebook.parent.mkdir(parents=True, exist_ok=True)
            notebook.write_text(text, encoding="utf-8")
    sources = {n.resolve() for _, n in pairs()}
    orphans = [p for p in (ROOT / "notebooks").rglob("*.ipynb")
               if ".ipynb_checkpoints" not in p.parts and p.resolve() not in sources]
    for path in stale:
        print(f"{path.relative_to(ROOT)}: {'differs from its source' if args.check else 'written'}")
    for path in orphans:
        print(f"{path.relative_to(ROOT)}: has no source in notebooks/src; write one or delete the notebook")
    return 1 if orphans or (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
