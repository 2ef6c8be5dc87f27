"""Regenerate watchwords/data/<language>/reference_wordfreq.csv from the wordfreq package (a dev-only step).

    pip install wordfreq==3.1.1 && python tools/make_reference_list.py          # English
    pip install wordfreq==3.1.1 pymorphy3 pymorphy3-dicts-ru && python tools/make_reference_list.py ru

Russian is counted by **lemma**, as the Russian verbs count (watchwords.languages.ru.lemma): the 60,000 most
frequent word forms are lemmatised and their frequencies summed, and the 20,000 most frequent lemmas are kept.

The list gives, for the 20,000 most frequent English words in wordfreq's "large" list, the
expected count in a notional corpus of 1,000,000,000 tokens (word_frequency × 10⁹, rounded),
with the row __total__ = 1,000,000,000. wordfreq's data are CC BY-SA 4.0 (Robyn Speer, wordfreq
3.1.1, https://doi.org/10.5281/zenodo.7199437); the derived list carries the same licence.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from pathlib import Path

from wordfreq import top_n_list, word_frequency

TOTAL = 1_000_000_000
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "watchwords" / "data" / "en" / "reference_wordfreq.csv"


def russian() -> None:
    sys.path.insert(0, str(ROOT))
    from watchwords.languages.ru import lemma

    counts: Counter[str] = Counter()
    for word in top_n_list("ru", 60_000, wordlist="large"):
        counts[lemma(word)] += word_frequency(word, "ru", wordlist="large") * TOTAL
    buffer = io.StringIO(newline="")
    buffer.write("# Reference frequency list: general Russian by LEMMA, derived from wordfreq 3.1.1 (Robyn Speer;\n"
                 "# https://doi.org/10.5281/zenodo.7199437), data licence CC BY-SA 4.0; this derived list is\n"
                 "# CC BY-SA 4.0 too. The 60,000 most frequent word forms were lemmatised with pymorphy3\n"
                 "# (watchwords.languages.ru.lemma) and summed. count = expected occurrences per 1,000,000,000\n"
                 "# tokens; top 20,000 lemmas. Regenerate with tools/make_reference_list.py ru.\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["term", "count"])
    for term, count in counts.most_common(20_000):
        if round(count) > 0:
            writer.writerow([term, round(count)])
    writer.writerow(["__total__", TOTAL])
    out = ROOT / "watchwords" / "data" / "ru" / "reference_wordfreq.csv"
    out.write_text(buffer.getvalue(), encoding="utf-8")
    print(f"wrote {out}")


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
    russian() if sys.argv[1:] == ["ru"] else main()
