"""Write the ``indicator`` column of the Russian dictionaries from their ``written`` column (a dev step).

    python tools/lemmatise_indicators.py          # rewrites watchwords/data/ru/{frames,frame_topics,...}.csv
    python tools/lemmatise_indicators.py --check  # exit 1 if a file is out of date (tests run this check)

Russian indicators are matched on lemmas (watchwords.languages.ru.lemma), so each is written as the phrase a
reader knows (``written``: "персональные данные") and stored as the lemmas the matcher compares
(``indicator``: "персональный дать" -- pymorphy3 takes "данные" for a form of "дать" out of context; the text's
tokens are lemmatised by the same function, so they agree). ``~`` (a gap) and ``word*`` (a prefix, matched on the
lemma) are kept as written.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FILES = ("frames.csv", "frame_topics.csv", "frame_false_friends.csv", "actor_labels.csv")  # ru/
_PIECE = re.compile(r"\w+(?:-\w+)*\*?|~")


def lemmatised(written: str) -> str:
    """The indicator of a written phrase: each word's lemma, ``~`` and ``word*`` as they are."""
    from watchwords.languages.ru import lemma

    return " ".join(p if p == "~" or p.endswith("*") else lemma(p) for p in _PIECE.findall(written))


def rewrite(path: Path) -> str:
    """The file's text with every ``indicator`` (or ``phrase``) column recomputed from ``written``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    if not rows:
        return path.read_text(encoding="utf-8")
    columns = list(rows[0].keys())
    target = "indicator" if "indicator" in columns else "phrase" if "phrase" in columns else "pattern"
    for row in rows:
        row[target] = lemmatised(row["written"])
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return "".join(header) + buffer.getvalue()


def main(argv: list[str]) -> int:
    stale = []
    for name in FILES:
        path = ROOT / "watchwords" / "data" / "ru" / name
        if not path.is_file():
            continue
        text = rewrite(path)
        if text != path.read_text(encoding="utf-8"):
            stale.append(name)
            if "--check" not in argv:
                path.write_text(text, encoding="utf-8")
    if stale and "--check" in argv:
        print(f"out of date: {', '.join(stale)}; run python tools/lemmatise_indicators.py")
        return 1
    print("rewrote " + ", ".join(stale) if stale else "up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
