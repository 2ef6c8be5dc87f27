"""Tests of watchwords.exercises: the notebooks' self-checks can fail, and pass on right answers."""

from __future__ import annotations

import pytest

import watchwords as ww


@pytest.fixture(scope="module")
def seed(seed_corpus):
    return ww.load_corpus(seed_corpus), ww.load_manifest(seed_corpus)


def test_unanswered_prints_hint(seed, capsys) -> None:
    corpus, manifest = seed
    ww.check("01.1", None, corpus=corpus, manifest=manifest)
    assert capsys.readouterr().out.startswith("Exercise 01.1 not answered yet.")


@pytest.mark.parametrize(
    ("exercise", "right", "wrong"),
    [
        # expected values read off the shipped manifest and seed by hand
        ("01.1", 24, 23),
        ("01.2", ("a_jpost_reuters", 9), ("a_jpost_reuters", 8)),
        ("01.3", 16, 37),
    ],
)
def test_checks_pass_and_fail(seed, exercise, right, wrong, capsys) -> None:
    corpus, manifest = seed
    ww.check(exercise, right, corpus=corpus, manifest=manifest)
    assert capsys.readouterr().out == f"Exercise {exercise}: correct.\n"
    with pytest.raises(AssertionError, match=f"Exercise {exercise}: .* is not right. Hint: "):
        ww.check(exercise, wrong, corpus=corpus, manifest=manifest)


def test_unknown_exercise() -> None:
    with pytest.raises(KeyError):
        ww.check("99.9", 1)
