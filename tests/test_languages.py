"""The language rule (watchwords/languages/__init__.py): a document's language, one language per call, the warning
that lists what was left out. Every text here was written for these tests."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import watchwords as ww
from watchwords.languages import by_language, choose_language, document_languages, in_language, script_language

RU = "Военный комиссар заявил, что камеры используются для поиска призывников."
EN = "The enlistment officer said the cameras are used to find conscripts."
UK = "Військовий комісар заявив, що камери використовують для пошуку призовників і їхніх родин."


@pytest.mark.parametrize(("text", "expected"), [
    (RU, "ru"), (EN, "en"), (UK, "uk"), ("12345 — 678", "unknown"), ("", "unknown"),
    ("Камеры (CCTV) работают.", "ru"), ("Cameras («камеры») work everywhere in the city.", "en"),
])
def test_script_language(text: str, expected: str) -> None:
    assert script_language(text) == expected


def corpus(*rows: tuple[str, str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["doc_id", "language", "text"])
    frame.attrs["kind"] = "corpus"
    return frame


def test_manifest_language_wins_and_a_disagreement_is_named() -> None:
    table = corpus(("a", "en", EN), ("b", "ru", RU), ("c", "unknown", RU), ("d", "en", RU), ("e", "", EN))
    codes, disagreements = document_languages(table)
    assert codes == ["en", "ru", "ru", "en", "en"]
    assert disagreements == ["d (manifest en, script ru)"]


@pytest.mark.parametrize(("codes", "language", "expected"), [
    (["en", "ru", "ru"], None, "en"), (["ru", "ru", "uk"], None, "ru"), (["uk", "de"], None, "en"), ([], None, "en"),
    (["en"], "ru", "ru"), (["en"], "Russian", "ru"), (["ru"], "EN", "en"),
])
def test_choose_language(codes: list[str], language: str | None, expected: str) -> None:
    assert choose_language(codes, language) == expected


def test_unsupported_language_is_refused_in_one_line() -> None:
    with pytest.raises(ValueError, match=r"^language='uk' is not supported; use one of en, ru"):
        ww.frequencies(UK, language="uk")


def test_one_warning_lists_every_language_left_out() -> None:
    table = corpus(("a", "en", EN), ("b", "ru", RU), ("c", "uk", UK), ("d", "unknown", "2023 — 18:00"))
    with pytest.warns(UserWarning) as caught:
        kept, code = in_language(table, None, verb="frequencies")
    assert code == "en" and kept["doc_id"].tolist() == ["a", "d"]  # a text without letters mixes nothing
    assert [str(w.message) for w in caught] == [
        "frequencies: analysed the 2 document(s) in English; left out 1 in Russian (pass language='ru' to analyse "
        "them); 1 in Ukrainian (not supported: no lexicons for this language)"]


def test_a_corpus_in_one_language_passes_without_a_warning_or_a_copy_of_its_texts() -> None:
    table = corpus(("a", "ru", RU), ("b", "ru", RU))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kept, code = in_language(table, None, verb="frames")
    assert code == "ru" and kept["text"].tolist() == table["text"].tolist()


def test_by_language_splits_and_leaves_out_the_unsupported() -> None:
    table = corpus(("a", "en", EN), ("b", "ru", RU), ("c", "uk", UK))
    with pytest.warns(UserWarning, match=r"left out 1 in Ukrainian"):
        parts = by_language(table, verb="frame_profile")
    assert [(code, part["doc_id"].tolist()) for code, part in parts] == [("en", ["a"]), ("ru", ["b"])]


@pytest.mark.parametrize("verb", [ww.tfidf, ww.frames, ww.attributions, ww.passives, ww.actor_labels])
@pytest.mark.parametrize(("language", "kept"), [("en", "a"), ("ru", "b")])
def test_per_document_tables_hold_one_language(verb, language: str, kept: str) -> None:
    table = corpus(("a", "en", EN + " Police detained a man."), ("b", "ru", RU + " Полиция задержала призывника."))
    with pytest.warns(UserWarning, match="left out 1"):
        result = verb(table, language=language)
    assert set(result["doc_id"]) == {kept}


def test_frequency_list_of_a_mixed_corpus_reads_one_language() -> None:
    table = corpus(("a", "en", EN), ("b", "ru", RU))
    with pytest.warns(UserWarning, match="left out 1 in Russian"):
        english = ww.frequencies(table)
    with pytest.warns(UserWarning, match="left out 1 in English"):
        russian = ww.frequencies(table, language="ru")
    assert english.attrs["n_docs"] == {"all": 1} and russian.attrs["n_docs"] == {"all": 1}
    assert set(english["term"]) >= {"cameras", "conscripts"} and "камера" not in set(english["term"])
    assert set(russian["term"]) >= {"камера", "призывник", "заявить"} and "cameras" not in set(russian["term"])


def test_frame_profile_side_by_side_by_language_with_intervals() -> None:
    table = corpus(("a", "en", "Cameras track down draft dodgers. Privacy is at risk."),
                   ("b", "en", "The cameras keep the city safe."),
                   ("c", "ru", "Камеры выслеживают уклонистов. Под угрозой частная жизнь."),
                   ("d", "ru", "Камеры делают город безопасным."))
    profile = ww.frame_profile(table, by="language", language="all", n_boot=200).set_index(["language", "frame"])
    with pytest.warns(UserWarning, match="left out 2 in English"):
        russian = ww.frame_profile(table, language="ru").set_index("frame")
    assert profile.loc["ru", "share"].to_dict() == russian["share"].to_dict()  # each language by its own dictionary
    assert profile.loc[("ru", "F4 authoritarian control"), "share"] == pytest.approx(1 / 3)
    assert profile.loc[("ru", "F2 privacy and rights"), "share"] == pytest.approx(1 / 3)
    assert profile.loc[("en", "F1 security"), "share"] == pytest.approx(1 / 3)
    assert profile.loc[("en", "F1 security"), "n_docs"] == 2 and profile.loc[("ru", "F1 security"), "n_docs"] == 2
    assert (profile["share_low"] <= profile["share"]).all() and (profile["share"] <= profile["share_high"]).all()
