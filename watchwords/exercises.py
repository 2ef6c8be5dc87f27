"""Self-checks for the notebooks' exercises.

A notebook's exercise cell sets ``answer = None``; the check cell calls
``check("01.1", answer, corpus=..., manifest=...)``. While the answer is None the check only
prints the hint, so the notebook runs top to bottom; once answered, it computes the expected
value from the corpus present and asserts. Solutions live apart, in ``notebooks/solutions/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["check", "EXERCISES"]


@dataclass(frozen=True)
class Exercise:
    question: str
    hint: str
    expected: Callable[[pd.DataFrame | None, pd.DataFrame | None], Any]


def _tass_credits(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .corpus import attributed_sources

    assert manifest is not None, "pass manifest=... to check()"
    sources = attributed_sources(manifest)
    return int(sources.loc[sources["source"] == "TASS", "doc_id"].nunique())


def _quote_sentence(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> tuple[str, int]:
    from .text import sentences

    assert corpus is not None, "pass corpus=... to check()"
    sents = sentences(corpus[corpus["doc_id"] == "a_jpost_reuters"])
    row = sents[sents["text"].str.contains("To determine the place of residence", regex=False)].iloc[0]
    return (str(row["doc_id"]), int(row["sent_id"]))


def _dated_cluster_a(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    assert manifest is not None, "pass manifest=... to check()"
    return int(((manifest["cluster"].astype(str) == "A") & (manifest["date_precision"] == "day")).sum())


def _cameras_count(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .frequency import frequencies

    assert corpus is not None, "pass corpus=... to check()"
    table = frequencies(corpus[corpus["doc_id"] == "a_jpost_reuters"]).set_index("term")
    return int(table.loc["cameras", "count"])


def _facial_recognition_r1(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> str:
    from .kwic import kwic

    assert corpus is not None, "pass corpus=... to check()"
    lines = kwic(corpus[corpus["doc_id"] == "a_jpost_reuters"], "facial recognition")
    return str(lines["R1"].value_counts().index[0])


def _quoted_only(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> str:
    from .frequency import frequencies

    assert corpus is not None, "pass corpus=... to check()"
    seed = corpus[corpus["doc_id"] == "a_jpost_reuters"]
    quoted = set(frequencies(seed, voice="quoted")["term"])
    reporter = set(frequencies(seed, voice="reporter")["term"])
    (word,) = [w for w in ("conscript", "cameras", "evaders") if w in quoted and w not in reporter]
    return word


def _hops_to_loktev(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .attribution import attribution_hops

    assert corpus is not None, "pass corpus=... to check()"
    hops = attribution_hops(corpus[corpus["doc_id"] == "a_jpost_reuters"])
    return int(hops.loc[hops["source_canonical"] == "Maxim Loktev", "hops"].min())


def _tass_type(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> str:
    from .attribution import attributions

    assert corpus is not None, "pass corpus=... to check()"
    table = attributions(corpus[corpus["doc_id"] == "a_jpost_reuters"])
    return str(table.loc[table["source_canonical"] == "TASS", "source_type"].iloc[0])


def _quoted_share(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> float:
    from .attribution import voice

    assert corpus is not None, "pass corpus=... to check()"
    spans = voice(corpus[corpus["doc_id"] == "a_jpost_reuters"])
    length = spans["end"] - spans["start"]
    return round(float(length[spans["voice"] == "quoted"].sum() / length.sum()), 2)


def _gold_codes(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> list[set[str]]:
    from .framing import frame_dictionary, read_frame_gold

    assert corpus is not None, "pass corpus=... to check()"
    path = Path(corpus.attrs.get("corpus_path", "corpus")) / "gold" / "frames" / "frames_gold.csv"
    gold = read_frame_gold(str(path))
    items = gold[gold["item_id"].isin(["11", "12", "14", "15", "17"])]
    frames_all = sorted(frame_dictionary()["frame"].unique())
    return [{f.split()[0] for f in frames_all if row[f] == "1"} for _, row in items.iterrows()]


def _false_friend(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> str:
    from .attribution import _data_frame

    phrases = set(_data_frame("frame_false_friends.csv")["phrase"])
    sentence = "The city installed security cameras at every station entrance."
    found = {p.split()[0] for p in phrases if p in sentence.lower()}  # "security camera" and "security cameras"
    (word,) = found
    return word


def _agentless_in_seed(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .framing import passives

    assert corpus is not None, "pass corpus=... to check()"
    table = passives(corpus[corpus["doc_id"] == "a_jpost_reuters"])
    return int((table["kind"] == "agentless").sum())


def _lede_containment(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> float:
    from .reuse import demo_pair, reuse

    assert corpus is not None, "pass corpus=... to check()"
    table = reuse(demo_pair(corpus)).set_index(["doc_a", "doc_b", "part"])
    return round(float(table.loc[("rewrite", "seed", "lede"), "containment_a_in_b"]), 2)


def _swapped_noun(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> str:
    from .reuse import demo_pair, quote_variants

    assert corpus is not None, "pass corpus=... to check()"
    variants = quote_variants(demo_pair(corpus))
    swap = variants.loc[variants["doc_id"] == "rewrite", "swaps"].iloc[0]
    return swap.split(" → ")[1]


def _seed_shingles(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .reuse import demo_pair, reuse

    assert corpus is not None, "pass corpus=... to check()"
    table = reuse(demo_pair(corpus)).set_index(["doc_a", "doc_b", "part"])
    return int(table.loc[("rewrite", "seed", "all"), "shingles_b"])


EXERCISES: dict[str, Exercise] = {
    "01.1": Exercise("How many documents in the manifest credit TASS (exactly 'TASS') in attributes_to?",
                     "Use watchwords.attributed_sources(manifest) and count distinct doc_id where source == 'TASS'.",
                     _tass_credits),
    "01.2": Exercise("Which sentence of the seed holds Loktev's direct quote? Answer (doc_id, sent_id).",
                     "Filter watchwords.sentences(corpus) with .str.contains('To determine').",
                     _quote_sentence),
    "01.3": Exercise("How many cluster-A documents have a complete (day) date?",
                     "Use the manifest's cluster and date_precision columns.",
                     _dated_cluster_a),
    "02.1": Exercise("How many times does 'cameras' occur in the seed (headline, standfirst and body)?",
                     "Use watchwords.frequencies on the seed's row and look up the term.",
                     _cameras_count),
    "02.2": Exercise("Which word most often follows 'facial recognition' in the seed (its R1)?",
                     "Use watchwords.kwic(..., 'facial recognition') and the R1 column.",
                     _facial_recognition_r1),
    "02.3": Exercise("Which of 'conscript', 'cameras', 'evaders' occurs only in quoted speech in the seed?",
                     "Compare watchwords.frequencies(..., voice='quoted') with voice='reporter'.",
                     _quoted_only),
    "03.1": Exercise("How many hops separate The Jerusalem Post from Maxim Loktev in the seed?",
                     "Use watchwords.attribution_hops and the row whose source_canonical is 'Maxim Loktev'.",
                     _hops_to_loktev),
    "03.2": Exercise("Which source type does the extractor give TASS?",
                     "Look at source_type in watchwords.attributions for source_canonical 'TASS'.",
                     _tass_type),
    "03.3": Exercise("What share of the seed's paragraph characters is attributed content? Round to 2 decimals.",
                     "Sum end - start of watchwords.voice rows by voice, and divide.",
                     _quoted_share),
    "04.1": Exercise("Code the five sentences by hand: a list of five sets of frame codes such as {'F5', 'F6'}.",
                     "Apply the codebook (docs/frame_codebook.md): denied frames are not coded; naming a technology is not F3.",
                     _gold_codes),
    "04.2": Exercise("Which indicator word is a false friend in 'The city installed security cameras at every station entrance.'?",
                     "Look for a frame indicator that is part of a device's name.",
                     _false_friend),
    "04.3": Exercise("How many agentless passives does the seed contain (kind == 'agentless')?",
                     "Use watchwords.passives on the seed and count the kinds.",
                     _agentless_in_seed),
    "05.1": Exercise("What share of the retelling's lede 5-grams occur in the seed (containment, 2 decimals)?",
                     "ww.reuse(ww.demo_pair(corpus)): the row rewrite / seed / lede, column containment_a_in_b.",
                     _lede_containment),
    "05.2": Exercise("Which noun replaced 'conscript' in the retelling's version of Loktev's quote?",
                     "ww.quote_variants(ww.demo_pair(corpus)) lists the swaps.",
                     _swapped_noun),
    "05.3": Exercise("How many distinct 5-word shingles does the seed have (part 'all')?",
                     "Look at shingles_b of the rewrite / seed / all row (the seed is doc_b there).",
                     _seed_shingles),
}


def check(exercise: str, answer: Any, *, corpus: pd.DataFrame | None = None,
          manifest: pd.DataFrame | None = None) -> None:
    """Check an exercise answer and print the outcome (a hint while the answer is None).

    Raises:
        AssertionError: with the hint, when an answer is given and is wrong.
        KeyError: for an unknown exercise id.
    """
    item = EXERCISES[exercise]
    if answer is None:
        print(f"Exercise {exercise} not answered yet. {item.question}\nHint: {item.hint}")
        return
    expected = item.expected(corpus, manifest)
    if isinstance(expected, tuple) and isinstance(answer, list):
        answer = tuple(answer)
    assert answer == expected, f"Exercise {exercise}: {answer!r} is not right. Hint: {item.hint}"
    print(f"Exercise {exercise}: correct.")
