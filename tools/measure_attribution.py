"""Write watchwords/data/en/attribution_evaluation.csv: the attribution extractor's scores on PolNeAR's train and dev
splits, for both subsets, with the command that reproduces them (the numbers notebook 03 and the README show).

    python tools/measure_attribution.py --polnear ../shared/eval

PolNeAR is read in place and never copied into the repository (no licence to ship it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from watchwords.evaluation import polnear_triples, score

HEADER = """# Watchwords attribution extractor: measured scores, rules of version 0.5 (the numbers notebook 03 shows).
# Data: PolNeAR v1.0 (Newell, Margolin & Ruths 2018), train split (840 articles) and dev split (84 articles); both
# were used to develop the rules, so expect lower scores on unseen text (PolNeAR's test split is held back).
# subset speech: relations whose cue is a verb of saying (watchwords.evaluation.SPEECH_CUES); subset all: every
# annotated relation, beliefs, intentions and evidence included. Relations are aligned by overlapping cues;
# exact = same spans, lenient = token Jaccard >= 0.5, head = the gold source's head word inside the predicted one.
# PolNeAR marks each token in one relation at most, so a relation nested inside its parent's content ('"...," X
# said, according to Y') is not scored (watchwords.evaluation.relations_from_frame, univocal).
# Reproduce: python tools/measure_attribution.py --polnear ../shared/eval
# (one split: python -m watchwords evaluate-attribution --polnear ../shared/eval/polnear-train --subset all)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", required=True, help="the folder holding polnear-train and polnear-dev")
    parser.add_argument("--out", default="watchwords/data/en/attribution_evaluation.csv")
    args = parser.parse_args()
    rows = ["split,articles,subset,part,mode,precision,recall,f1,gold"]
    for split in ("train", "dev"):
        folder = Path(args.polnear) / f"polnear-{split}"
        if not folder.is_dir():
            print(f"error: {folder}: no such folder; pass the folder that holds polnear-train and polnear-dev",
                  file=sys.stderr)
            return 1
        triples = polnear_triples(folder)
        for subset in ("speech", "all"):
            result = score(triples, subset=subset)
            for part in ("cue", "source", "content", "relation"):
                for mode, value in result[part].items():
                    rows.append(f"{split},{result['articles']},{subset},{part},{mode},{value['precision']:.3f},"
                                f"{value['recall']:.3f},{value['f1']:.3f},{value['gold']}")
    Path(args.out).write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(rows) - 1} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
