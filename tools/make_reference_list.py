"""Regenerate watchwords/data/en/reference_wordfreq.csv from the wordfreq package (a dev-only step).

    pip install wordfreq==3.1.1 && python tools/make_reference_list.py

The list gives, for the 20,000 most frequent English words in wordfreq's "large" list, the
expected count in a notional corpus of 1,000,000,000 tokens (word_frequency × 10⁹, rounded),
with the row __total__ = 1,000,000,000. wordfreq's data are CC BY-SA 4.0 (Robyn Speer, wordfreq
3.1.1, https://doi.org/10.5281/zenodo.7199437); the derived list carries the same licence.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from wordfreq import top_n_list, word_frequency

TOTAL = 1_000_000_000
OUT = Path(__file__).resolve().parents[1] / "watchwords" / "data" / "en" / "reference_wordfreq.csv"


def main() -> None:
    buffer = io.StringIO(newline="")
    buffer.write("# Reference frequency list: general English, derived from wordfreq 3.1.1 (Robyn Speer;\n"
                 "# https://doi.org/10.5281/zenodo.7199437), data licence CC BY-SA 4.0; this derived list is\n"
                 "# CC BY-SA 4.0 too. count = expected occurrences per 1,000,000,000 tokens; top 20,000 words.\n"
                 "# Regenerate with tools/make_reference_list.py.\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["term", "count"])
    for word in top_n_list("en", 20_000, wordlist="large"):
        count = round(word_frequency(word, "en", wordlist="large") * TOTAL)
        if count > 0:
            writer.writerow([word, count])
    writer.writerow(["__total__", TOTAL])
    OUT.write_text(buffer.getvalue(), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
