"""Self-checks for the notebooks' exercises: tolerant, explanatory, and never stopping Run All.

A notebook's exercise cell sets ``answer_1 = None``; the check cell calls
``check("01.1", answer_1, corpus=..., manifest=...)``. While the answer is None the check prints
the question and a hint. Once answered, it computes the expected value *from the data or the text
named in the question* with the library (so it stays right on any corpus) and prints one of:

* ``Exercise 01.1: correct.``
* ``Exercise 01.1: not yet. <what was expected in kind, not the value>. Hint: ...``

It returns True or False and never raises for a wrong answer, so "Run All" goes on and the check
works the same under ``python -O`` (no ``assert``). Answers are compared tolerantly:

* text: case, surrounding white space and a surrounding pair of quotation marks are ignored;
* numbers: equal within the exercise's tolerance (absolute), strings of digits accepted;
* tuples and lists: element by element, with the same rules;
* frame codes: each sentence's set of codes compared as a set ("f5" = "F5"), and a sentence may have
  several acceptable codings where the codebook allows them (:class:`Accept`).

Written questions (interpretation, judgement) have no check: their model answers and rubrics are
in ``notebooks/solutions/``. Exercises are transfer tasks: they apply a method to a new word,
sentence, text or subset, or ask for a prediction before running, so the answer is not printed in an
earlier cell.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = ["check", "is_correct", "EXERCISES", "Accept", "Exercise", "EXERCISE_TEXTS"]


@dataclass(frozen=True)
class Accept:
    """Several acceptable answers (e.g. codings the codebook allows); any one of them is right."""

    options: tuple[Any, ...]


@dataclass(frozen=True)
class Exercise:
    question: str
    hint: str
    expected: Callable[[pd.DataFrame | None, pd.DataFrame | None], Any]
    tolerance: float = 0.0
    needs: str = ""  # "corpus" or "manifest": what check() must be given


#: Texts written for the exercises (no third-party text). The notebooks print them from here.
EXERCISE_TEXTS: dict[str, Any] = {  # a text, or a tuple of texts
    "01.2": ("Col. Loktev spoke to TASS on Tuesday. He said 1.5 million men were registered in the U.S. "
             "The figure was not checked."),
    "03.1": ("Roskomsvoboda, a digital rights group, said on Wednesday that the searches were unlawful. "
             '"Nobody asked for our consent," one student told Mediazona.'),
    "04.1": ("Police said the cameras helped catch more than 200 wanted criminals last year.",
             "Rights groups say the system violates privacy and the right to freedom of movement.",
             "A court rejected the lawyer's appeal against the detention.",
             "The algorithm matches faces in real time across 200,000 cameras.",
             "The software wrongly identified a student, who was detained for six hours."),
    "04.2": "The social security office in Tver now asks visitors to look into a camera.",
    "04.3": ("The men were detained at the station. Their faces had been matched by the system, police said. "
             "Their lawyers were not told. The cameras were installed last year."),
    "05.1": ("Moscow police use cameras to find men who ignored their call-up papers, the city said on Tuesday.",
             "Police use cameras to find men who ignored their call-up papers."),
    "05.3": "The cameras found the men and the cameras found the men again.",
    "06.1": "Военком г. Москвы М. Северов выступил в пятницу. Т.е. камеры уже работают. «Мы их находим», — сказал он.",
    "06.2": "камеры камер камерам камерами камеру призывник призывники призывников уклонистами",
    "06.3": "По словам правозащитницы Елены Смирновой, камеры нарушают право на частную жизнь.",
}

# How each of EXERCISE_TEXTS["04.1"] may be coded under docs/frame_codebook.md (several where it allows).
_CODINGS_04_1: tuple[Accept, ...] = (
    Accept(({"F1"},)),
    Accept(({"F2"}, {"F2", "F5"})),
    Accept(({"F5"},)),
    Accept(({"F3"},)),
    Accept(({"F8"}, {"F7", "F8"})),
)


def _need(table: pd.DataFrame | None, name: str) -> pd.DataFrame:
    if table is None:
        raise ValueError(f"pass {name}=... to check()")
    return table


def _cluster_c_russian(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    table = _need(manifest, "manifest")
    return int(((table["cluster"].astype(str) == "C") & (table["language"].astype(str) == "ru")).sum())


def _punkt_sentences(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .text import sentences

    return int(len(sentences(EXERCISE_TEXTS["01.2"])))


def _month_dates(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    table = _need(manifest, "manifest")
    return int((table["date_precision"] == "month").sum())


def _seed(corpus: pd.DataFrame | None) -> pd.DataFrame:
    table = _need(corpus, "corpus")
    seed = table[table["doc_id"] == "a_jpost_reuters"]
    if seed.empty:
        raise ValueError("this exercise needs the seed article (doc_id a_jpost_reuters) in the corpus")
    return seed


def _rate_of_the(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> float:
    from .frequency import frequencies

    table = frequencies(_seed(corpus)).set_index("term")
    return float(table.loc["the", "per_10k"])


def _evaders_l1(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> str:
    from .kwic import kwic

    lines = kwic(_seed(corpus), "evaders")
    return str(lines["L1"].str.lower().value_counts().index[0])


def _g2_of_the(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> float:
    from .keyness import keyness

    table = keyness(_seed(corpus), target=["a_jpost_reuters"], reference="english", min_docs=1)
    return float(table.set_index("term").loc["the", "g2"])


def _relations_03_1(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> tuple[str, ...]:
    from .attribution import attributions

    return tuple(attributions(EXERCISE_TEXTS["03.1"])["kind"].astype(str))


def _quoted_share_03_3(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> float:
    from .attribution import voice

    spans = voice(EXERCISE_TEXTS["03.1"])
    length = spans["end"] - spans["start"]
    return float(length[spans["voice"] == "quoted"].sum() / length.sum())


def _codings_04_1(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> tuple[Accept, ...]:
    return _CODINGS_04_1


def _false_friend_04_2(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> str:
    from .framing import frame_false_friends

    sentence = EXERCISE_TEXTS["04.2"].lower()
    hits = sorted({phrase for phrase in frame_false_friends()["phrase"] if phrase in sentence})
    (phrase,) = hits
    return phrase


def _agentless_04_3(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .framing import passives

    return int((passives(EXERCISE_TEXTS["04.3"])["kind"] == "agentless").sum())


def _razdel_sentences_06_1(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .text import sentences

    return int(len(sentences(EXERCISE_TEXTS["06.1"])))


def _lemmas_06_2(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .languages.ru import lemma

    return len({lemma(word) for word in EXERCISE_TEXTS["06.2"].split()})


def _source_06_3(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> str:
    from .attribution import attributions

    (source,) = attributions(EXERCISE_TEXTS["06.3"], language="ru")["source"]
    return str(source)


def _pair(texts: tuple[str, str]) -> pd.DataFrame:
    from .reuse import text_pair

    return text_pair(*texts)


def words(text: str) -> list[str]:
    """The lower-cased words of a text as text reuse counts them (tokens without punctuation)."""
    from .text import tokens

    return tokens(text, drop_punct=True)["token"].str.replace("’", "'", regex=False).str.lower().tolist()


def _containment_05_1(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> float:
    from .reuse import reuse

    table = reuse(_pair(EXERCISE_TEXTS["05.1"])).set_index(["doc_a", "doc_b", "part"])
    return float(table.loc[("a", "b", "all"), "containment_b_in_a"])


def _shingles_05_3(corpus: pd.DataFrame | None, manifest: pd.DataFrame | None) -> int:
    from .reuse import shingles

    return len(shingles(words(EXERCISE_TEXTS["05.3"])))


EXERCISES: dict[str, Exercise] = {
    "01.1": Exercise("How many cluster-C documents in the manifest are in Russian (language 'ru')?",
                     "Combine two conditions on the manifest's cluster and language columns, then sum.",
                     _cluster_c_russian, needs="manifest"),
    "01.2": Exercise("Predict first, then check: into how many sentences does ww.sentences split "
                     "EXERCISE_TEXTS['01.2']? Mind 'Col.' and 'U.S.'.",
                     "Abbreviations do not end a sentence; a period after an abbreviation followed by a "
                     "sentence starter such as 'The' does. Then run ww.sentences on the text.",
                     _punkt_sentences),
    "01.3": Exercise("How many documents in the manifest have a date known only to the month?",
                     "date_precision says how precise each date is.", _month_dates, needs="manifest"),
    "02.1": Exercise("With no stopword list, what is the rate per 10,000 tokens of 'the' in the seed? "
                     "(1 decimal is enough)",
                     "ww.frequencies(seed) without stopwords, then the per_10k column of the row 'the'.",
                     _rate_of_the, tolerance=0.05, needs="corpus"),
    "02.2": Exercise("Which word stands most often immediately left of 'evaders' (its L1) in the seed? "
                     "Answer in lower case.",
                     "ww.kwic(seed, 'evaders') and the L1 column; or nltk.Text(...).concordance('evaders').",
                     _evaders_l1, needs="corpus"),
    "02.3": Exercise("Predict the sign first: is 'the' a positive or a negative key word of the seed against "
                     "general English? Then compute its signed G² (4-term, no stopword list, 2 decimals).",
                     "Fill the 2×2 table as in section 4 with a = count of 'the', c = the seed's tokens "
                     "without punctuation, b and d from the reference list; the sign is negative when a/c < b/d.",
                     _g2_of_the, tolerance=0.01, needs="corpus"),
    "03.1": Exercise("Predict first, then check with ww.attributions: what kind of speech (direct, mixed, indirect) "
                     "is each relation of EXERCISE_TEXTS['03.1']? Answer with a tuple of kinds, in order.",
                     "Content inside quotation marks is direct; a reported clause without them is indirect; "
                     "a reported clause with a quoted fragment is mixed. One relation per sentence here.",
                     _relations_03_1),
    "03.3": Exercise("What share of the characters of EXERCISE_TEXTS['03.1'] is attributed content? "
                     "(2 decimals)",
                     "ww.voice(text): sum end - start where voice == 'quoted', divided by the sum over all rows.",
                     _quoted_share_03_3, tolerance=0.005),
    "04.1": Exercise("Code the five sentences of EXERCISE_TEXTS['04.1'] with the codebook: a list of five sets "
                     "of frame codes such as {'F5', 'F6'}.",
                     "Apply docs/frame_codebook.md: a denied frame is not coded; naming a technology is not F3, "
                     "saying what it can do is; a rights group's claim about rights is F2.",
                     _codings_04_1),
    "04.2": Exercise("Which false-friend phrase in EXERCISE_TEXTS['04.2'] keeps its frame indicator from counting? "
                     "Answer with the phrase.",
                     "Look for an indicator word that is part of the name of an institution or a device; "
                     "the list is watchwords/data/en/frame_false_friends.csv.",
                     _false_friend_04_2),
    "04.3": Exercise("Predict first, then check with ww.passives: how many agentless passives does "
                     "EXERCISE_TEXTS['04.3'] contain?",
                     "A passive is be/get + past participle; it is agentless when no 'by' phrase names the actor.",
                     _agentless_04_3),
    "05.1": Exercise("What share of the 5-word shingles of the second text of EXERCISE_TEXTS['05.1'] occurs in "
                     "the first (containment, 2 decimals)?",
                     "ww.reuse(ww.text_pair(first, second)): the row with part 'all', column containment_b_in_a "
                     "(doc_b is the second text). Containment is asymmetric: compare containment_a_in_b.",
                     _containment_05_1, tolerance=0.005),
    "05.3": Exercise("Predict first, then check: how many distinct 5-word shingles does EXERCISE_TEXTS['05.3'] have?",
                     "A text of n words has n - 4 five-word sequences; count a repeated one once.",
                     _shingles_05_3),
    "06.1": Exercise("Predict first, then check: into how many sentences does ww.sentences split "
                     "EXERCISE_TEXTS['06.1']? Mind 'г.', 'М.' and 'Т.е.'.",
                     "razdel knows Russian abbreviations and initials; a period after 'Т.е.' at the start of a "
                     "sentence still ends the sentence before it. Then run ww.sentences on the text.",
                     _razdel_sentences_06_1),
    "06.2": Exercise("How many distinct lemmas are there among the words of EXERCISE_TEXTS['06.2']?",
                     "Split the text on spaces and take ww.russian_lemma of each word; count the distinct results.",
                     _lemmas_06_2),
    "06.3": Exercise("Who is the source of the attribution in EXERCISE_TEXTS['06.3']? Answer with the source as "
                     "written in the text.",
                     "'По словам X' puts the source X in the genitive right after the cue; the source runs to the "
                     "comma.", _source_06_3),
}


def _normal_text(value: str) -> str:
    text = value.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    return " ".join(text.casefold().split())


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", ""))
        except ValueError:
            return None
    try:
        return float(value)  # numpy scalars
    except (TypeError, ValueError):
        return None


def _codes(value: Any) -> frozenset[str] | None:
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, (set, frozenset, list, tuple)):
        return None
    return frozenset(str(code).strip().upper().split()[0] for code in value if str(code).strip())


def matches(answer: Any, expected: Any, tolerance: float = 0.0) -> bool:
    """True when ``answer`` is an acceptable form of ``expected`` (the rules in the module docstring)."""
    if isinstance(expected, Accept):
        return any(matches(answer, option, tolerance) for option in expected.options)
    if isinstance(expected, (set, frozenset)):
        return _codes(answer) == frozenset(expected)
    if isinstance(expected, (tuple, list)):
        if isinstance(answer, (tuple, list)) and len(answer) == len(expected):
            return all(matches(a, e, tolerance) for a, e in zip(answer, expected))
        return False
    if isinstance(expected, str):
        return isinstance(answer, str) and _normal_text(answer) == _normal_text(expected)
    number, target = _as_number(answer), _as_number(expected)
    if number is None or target is None or math.isnan(number):
        return False
    return abs(number - target) <= tolerance + 1e-9


def _shape(expected: Any) -> str:
    if isinstance(expected, Accept):
        return _shape(expected.options[0])
    if isinstance(expected, (tuple, list)):
        return f"a list or tuple of {len(expected)} items"
    if isinstance(expected, (set, frozenset)):
        return "a set of frame codes"
    if isinstance(expected, str):
        return "a word or phrase"
    return "a number"


def _feedback(answer: Any, expected: Any) -> str:
    """What is wrong, without giving the value away."""
    if isinstance(expected, (tuple, list)) and isinstance(answer, (tuple, list)):
        if len(answer) != len(expected):
            return f"expected {len(expected)} items, got {len(answer)}"
        wrong = [str(i + 1) for i, (a, e) in enumerate(zip(answer, expected)) if not matches(a, e)]
        return f"item(s) {', '.join(wrong)} differ"
    shape = _shape(expected)
    if shape == "a number" and _as_number(answer) is None:
        return f"expected a number, got {type(answer).__name__}"
    if shape == "a word or phrase" and not isinstance(answer, str):
        return f"expected a word or phrase (a string), got {type(answer).__name__}"
    return f"{answer!r} is not what the data give"


def check(exercise: str, answer: Any, *, corpus: pd.DataFrame | None = None,
          manifest: pd.DataFrame | None = None) -> None:
    """Check an exercise answer and print the outcome (nothing is returned, so a notebook cell shows only the
    printed line); :func:`is_correct` says the same as a bool.

    Never raises for a wrong or malformed answer (it prints feedback instead), so a notebook runs
    on; works under ``python -O``.

    Raises:
        KeyError: for an exercise id that does not exist (a typo in the notebook, not a wrong answer).
    """
    is_correct(exercise, answer, corpus=corpus, manifest=manifest)


def is_correct(exercise: str, answer: Any, *, corpus: pd.DataFrame | None = None,
               manifest: pd.DataFrame | None = None) -> bool:
    """Check an exercise answer, print the outcome as :func:`check` does, and return whether it is right."""
    if exercise not in EXERCISES:
        raise KeyError(f"no exercise {exercise!r}; known: {', '.join(EXERCISES)}")
    item = EXERCISES[exercise]
    if answer is None:
        print(f"Exercise {exercise} not answered yet. {item.question}\nHint: {item.hint}")
        return False
    try:
        expected = item.expected(corpus, manifest)
    except (ValueError, KeyError, IndexError) as exc:
        print(f"Exercise {exercise}: cannot be checked on this corpus ({exc}).")
        return False
    if matches(answer, expected, item.tolerance):
        print(f"Exercise {exercise}: correct.")
        return True
    print(f"Exercise {exercise}: not yet: {_feedback(answer, expected)}. Hint: {item.hint}")
    return False
