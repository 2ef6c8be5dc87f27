"""Tests of watchwords.attribution.lexicon: forms generated from lemmas, each found as a cue; the checks of a
lexicon passed per call; the categories (speech, belief, intention, evidence)."""

from __future__ import annotations

import pandas as pd
import pytest

import watchwords as ww
from watchwords.attribution.lexicon import CATEGORIES, reporting_verbs, verb_forms


@pytest.mark.parametrize(
    ("lemma", "irregular", "exclude", "expected"),
    [
        ("say", "said", "", ["said", "say", "saying", "says"]),
        ("admit", "admitted|admitting", "", ["admit", "admits", "admitted", "admitting"]),
        ("write", "wrote|written", "", ["write", "writes", "writing", "written", "wrote"]),
        ("deny", "", "", ["denied", "denies", "deny", "denying"]),
        ("stress", "", "", ["stress", "stressed", "stresses", "stressing"]),
        ("state", "", "state", ["stated", "states", "stating"]),
        ("quote", "quoted as saying", "", ["quote", "quoted", "quoted as saying", "quotes", "quoting"]),
        ("refer to", "referred|referring", "", ["refer to", "referred to", "referring to", "refers to"]),
        ("according to", "=", "", ["according to"]),
        ("plan", "planned|planning", "plan|plans", ["planned", "planning"]),
    ],
)
def test_verb_forms(lemma, irregular, exclude, expected) -> None:
    assert verb_forms(lemma, irregular, exclude) == expected


#: Forms whose construction is their own: the sentence that shows each.
_OWN = {"citing": "The agency reported that the plan works, citing the minister.",
        "according to": "According to the minister, the plan works.",
        "quoted as saying": "The minister was quoted as saying that the plan works."}


def _sentence(form: str, lemma: str) -> str:
    """A sentence in which ``form`` is a reporting verb with a source and a content: a participle after a clause,
    the base form with a plural subject, the others with a singular one."""
    if form in _OWN:
        return _OWN[form]
    if form.split()[0].endswith("ing"):
        return f"The minister spoke on Monday, {form} that the plan works."
    subject = "The ministers" if form.split()[0] == lemma.split()[0] else "The minister"
    return f"{subject} {form} that the plan works."


def _cases() -> list[tuple[str, str]]:
    return [(row.lemma, form) for row in reporting_verbs().itertuples() for form in row.forms.split("|")]


@pytest.mark.parametrize(("lemma", "form"), _cases())
def test_every_form_of_every_lemma_is_found(lemma: str, form: str) -> None:
    found = ww.attributions(_sentence(form, lemma))
    assert lemma in found["cue_lemma"].tolist(), (form, found[["source", "cue", "content"]].values.tolist())


def test_excluded_forms_are_not_cues() -> None:
    table = reporting_verbs()
    excluded = [(row.lemma, f) for row in table.itertuples() for f in str(row.exclude).split("|") if f]
    assert len(excluded) >= 10
    for lemma, form in excluded:
        found = ww.attributions(f"The minister {form} that the plan works.")
        assert lemma not in found["cue_lemma"].tolist(), form


def test_categories_and_stances_are_declared() -> None:
    table = reporting_verbs()
    assert set(table["category"]) == set(CATEGORIES)
    assert table["lemma"].is_unique
    assert {"want", "believe", "show", "say"} <= set(table["lemma"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the cameras work.", [("said", "speech", True)]),
        ("Officials believe the cameras work.", [("believe", "belief", False)]),
        ("The mayor wants to add more cameras.", [("wants", "intention", False)]),
        # a belief inside what is said or shown belongs to the outer relation (PARC, PolNeAR): one relation
        ("A new poll shows that most residents oppose the cameras.", [("shows", "evidence", False)]),
        ("The mayor said she wants to add more cameras.", [("said", "speech", True)]),
    ],
)
def test_categories_of_relations(text, expected) -> None:
    found = ww.attributions(text)
    assert list(zip(found["cue"], found["category"], found["speech"])) == expected


def test_a_lexicon_of_ones_own_is_checked() -> None:
    mine = pd.DataFrame({"lemma": ["state"], "exclude": ["state"], "stance": ["neutral"], "category": ["speech"]})
    text = "The agency stated that the cameras work. Officials said so too."
    assert ww.attributions(text, lexicon=mine).cue.tolist() == ["stated"]
    with pytest.raises(ValueError, match=r"row 1: category 'talk'; use one of speech, belief"):
        ww.attributions(text, lexicon=mine.assign(category="talk"))
    with pytest.raises(ValueError, match=r"missing column\(s\) \['category'\]"):
        ww.attributions(text, lexicon=mine.drop(columns="category"))


def _noun_cases() -> list[tuple[str, str]]:
    return [(row.lemma, noun) for row in reporting_verbs().itertuples() for noun in row.nouns.split("|") if noun]


@pytest.mark.parametrize(("lemma", "noun"), _noun_cases())
def test_every_noun_of_the_lexicon_is_found_after_a_possessor(lemma: str, noun: str) -> None:
    found = ww.attributions(f"It came after the minister's {noun} that the plan works.")
    rows = found[found.cue == noun]
    assert rows[["source", "cue_lemma", "content"]].values.tolist() == [["the minister's", lemma, "that the plan works"]]


def test_nouns_of_a_lexicon_passed_per_call() -> None:
    lexicon = pd.DataFrame({"lemma": ["say", "hint"], "stance": ["neutral", "tentative"],
                            "category": ["speech", "speech"], "nouns": ["", "hint|hints"]})
    found = ww.attributions("It came after the minister's hint that the plan works.", lexicon=lexicon)
    assert found[["source", "cue", "cue_lemma"]].values.tolist() == [["the minister's", "hint", "hint"]]
    assert len(_noun_cases()) >= 30
