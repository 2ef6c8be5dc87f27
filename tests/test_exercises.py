"""Tests of watchwords.exercises: every self-check passes a right answer and rejects a wrong one, tolerates the
forms a student may type, prints feedback instead of raising, and works under ``python -O``."""

from __future__ import annotations

import subprocess
import sys

import pytest

import watchwords as ww
from watchwords.exercises import EXERCISES, Accept, is_correct, matches


@pytest.fixture(scope="module")
def seed(seed_corpus):
    return ww.load_corpus(seed_corpus), ww.load_manifest(seed_corpus)


# Right answers worked out by hand from the shipped manifest, the seed and the exercise texts (see the solutions
# notebooks for the reasoning); wrong answers are plausible mistakes.
RIGHT_AND_WRONG = [
    ("01.1", 3, 16),                      # cluster C and ru: 3 rows; 16 is every ru row
    ("01.2", 3, 5),                       # "Col." and "1.5" do not end a sentence; "U.S. The" does
    ("01.3", 5, 29),                      # month-only dates; 29 are unknown
    ("02.1", 347.49, 193.05),             # 9 of 259 tokens; 193.05 is 'moscow'
    ("02.2", "draft", "evaders"),         # "draft evaders" twice
    ("02.3", -2.08, 2.08),                # the sign matters
    ("03.1", ("indirect", "direct"), ("direct", "direct")),
    ("03.3", 0.40, 0.60),                 # attributed share (its "that" included), not the reporter's
    ("04.1", [{"F1"}, {"F2"}, {"F5"}, {"F3"}, {"F8"}], [{"F1"}, {"F2"}, {"F5"}, {"F3"}, {"F3"}]),
    ("04.2", "social security", "security camera"),
    ("04.3", 3, 4),                       # "had been matched by the system" names its agent
    ("05.1", 1.0, 0.54),                  # containment of the second in the first, not the reverse
    ("05.3", 7, 8),                       # one shingle occurs twice
    ("06.1", 3, 5),                       # "г." and "М." do not end a sentence; "Т.е." opens the second
    ("06.2", 3, 9),                       # камера, призывник, уклонист: nine forms, three lemmas
    ("06.3", "правозащитницы Елены Смирновой", "Елены Смирновой"),  # the whole noun phrase
]


def test_every_exercise_is_in_the_table() -> None:
    assert sorted(e for e, _, _ in RIGHT_AND_WRONG) == sorted(EXERCISES)


@pytest.mark.parametrize(("exercise", "right", "wrong"), RIGHT_AND_WRONG, ids=[r[0] for r in RIGHT_AND_WRONG])
def test_checks_pass_right_and_reject_wrong(seed, exercise, right, wrong, capsys) -> None:
    corpus, manifest = seed
    assert is_correct(exercise, right, corpus=corpus, manifest=manifest) is True
    assert capsys.readouterr().out == f"Exercise {exercise}: correct.\n"
    assert is_correct(exercise, wrong, corpus=corpus, manifest=manifest) is False
    printed = capsys.readouterr().out
    assert printed.startswith(f"Exercise {exercise}: not yet: ") and "Hint: " in printed


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [
        ("02.2", "  Draft "),                                   # case and white space
        ("02.2", "'draft'"),                                    # quoted
        ("01.1", "3"),                                          # a number typed as text
        ("02.1", 347.5),                                        # within the stated tolerance
        ("03.1", ["Indirect", "DIRECT"]),                      # a list for a tuple, any case
        ("04.1", [{"f1"}, "F2 F5", ["F5"], ("F3",), {"F7", "F8"}]),  # the codebook allows F2+F5 and F7+F8
    ],
)
def test_checks_are_tolerant(seed, exercise, answer, capsys) -> None:
    corpus, manifest = seed
    assert is_correct(exercise, answer, corpus=corpus, manifest=manifest) is True


@pytest.mark.parametrize(
    ("exercise", "answer", "feedback"),
    [
        ("01.1", "three", "expected a number, got str"),
        ("02.2", 5, "expected a word or phrase (a string), got int"),
        ("03.1", ("indirect",), "expected 2 items, got 1"),
        ("04.1", [{"F1"}, {"F2"}, {"F5"}, {"F3"}, {"F6"}], "item(s) 5 differ"),
        ("02.1", 347.6, "347.6 is not what the data give"),  # outside the tolerance of 0.05
    ],
)
def test_wrong_answers_get_feedback_not_exceptions(seed, exercise, answer, feedback, capsys) -> None:
    corpus, manifest = seed
    assert is_correct(exercise, answer, corpus=corpus, manifest=manifest) is False
    assert f": not yet: {feedback}. Hint: " in capsys.readouterr().out


def test_unanswered_prints_question_and_hint(capsys) -> None:
    assert is_correct("01.2", None) is False
    out = capsys.readouterr().out
    assert out.startswith("Exercise 01.2 not answered yet. Predict first") and "\nHint: " in out


def test_missing_data_is_reported_not_raised(capsys) -> None:
    assert is_correct("01.1", 3) is False  # no manifest given
    assert capsys.readouterr().out == "Exercise 01.1: cannot be checked on this corpus (pass manifest=... to check()).\n"


def test_check_prints_and_returns_nothing(capsys) -> None:
    assert ww.check("05.3", 7) is None
    assert capsys.readouterr().out == "Exercise 05.3: correct.\n"


def test_unknown_exercise_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no exercise '99.9'"):
        ww.check("99.9", 1)


@pytest.mark.slow
def test_checks_work_under_python_optimise() -> None:
    """Under -O a bare assert would pass every answer; the checks must still reject a wrong one."""
    code = "from watchwords.exercises import is_correct as c\nprint(c('05.3', 8), c('05.3', 7))\n"
    result = subprocess.run([sys.executable, "-O", "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "False True"


@pytest.mark.parametrize(
    ("answer", "expected", "tolerance", "result"),
    [
        (0.37, 0.3691, 0.005, True),
        (0.36, 0.3691, 0.005, False),
        (True, 1, 0.0, False),               # a boolean is not a number here
        (float("nan"), 1.0, 0.0, False),
        ("F2, F5", Accept(({"F2"}, {"F2", "F5"})), 0.0, True),
        ({"F5"}, Accept(({"F2"}, {"F2", "F5"})), 0.0, False),
        (["a", "b"], ("a", "b", "c"), 0.0, False),
    ],
)
def test_matches(answer, expected, tolerance, result) -> None:
    assert matches(answer, expected, tolerance) is result
