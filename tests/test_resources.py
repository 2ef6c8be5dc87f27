"""Tests of watchwords.resources and of resources chosen per call: registry, languages, user dictionaries and
lexicons with one-line errors."""

from __future__ import annotations

import pandas as pd
import pytest

import watchwords as ww
from watchwords.resources import list_resources, read_words, resource_path


def test_every_registered_resource_exists_and_every_data_file_is_registered() -> None:
    table = list_resources()
    assert set(table.columns) == {"language", "resource", "file", "version", "used_by", "description"}
    root = resource_path("outlet_types").parent
    registered = {root / f for f in table.file}
    assert all(path.is_file() for path in registered)
    on_disk = {p for p in root.rglob("*") if p.suffix in (".csv", ".txt") and p.name != "registry.csv"}
    assert on_disk == registered
    assert not table.duplicated(["language", "resource"]).any()


@pytest.mark.parametrize(
    ("resource", "language", "message"),
    [
        ("stopwords", "de", "no packaged resource 'stopwords' for language 'de'; it exists for: en, ru"),
        ("nonsense", "en", "no packaged resource 'nonsense' for language 'en'; known resources: "),
    ],
)
def test_unknown_resources_say_what_exists(resource, language, message) -> None:
    with pytest.raises(ValueError) as info:
        resource_path(resource, language=language)
    assert str(info.value).startswith(message)


def test_languages_by_name_and_code_and_neutral_resources() -> None:
    assert read_words("stopwords", language="english") == read_words("stopwords", language="en")
    assert resource_path("outlet_types", language="ru").name == "outlet_types.csv"  # language-independent
    with pytest.raises(ValueError, match="'stopwords' for language 'de'"):
        ww.frequencies("The cameras work.", stopwords="de")


TEXT = "The police tracked the men. Officials stated that the cameras work. Critics said the scheme is a privacy threat."


def _dictionary(**overrides: str) -> pd.DataFrame:
    row = {"frame": "F2 privacy and rights", "indicator": "privacy threat", "weight": "1"}
    row.update(overrides)
    return pd.DataFrame([row])


def test_frames_with_a_dictionary_of_ones_own(tmp_path) -> None:
    mine = pd.DataFrame({"frame": ["F4 authoritarian control", "F9 my own frame"], "indicator": ["tracked", "scheme"],
                         "weight": ["1", "0.5"]})
    found = ww.frames(TEXT, dictionary=mine)
    assert found[["frame", "match"]].values.tolist() == [["F4 authoritarian control", "tracked"],
                                                         ["F9 my own frame", "scheme"]]
    path = tmp_path / "mine.csv"
    mine.to_csv(path, index=False)
    assert ww.frames(TEXT, dictionary=str(path))[["frame", "match"]].equals(found[["frame", "match"]])
    profile = ww.frame_profile(TEXT, dictionary=mine)
    assert profile.frame.tolist() == ["F4 authoritarian control", "F9 my own frame"]  # its frames, zeros kept
    assert profile.n_with.tolist() == [1, 1]


@pytest.mark.parametrize(
    ("dictionary", "message"),
    [
        (_dictionary(indicator="privacy (threat"), "row 1: bad indicator 'privacy (threat'"),
        (_dictionary(frame="privacy"), "row 1: unknown frame 'privacy'; write a code and a name"),
        (_dictionary(frame="F2 secrecy"), "row 1: unknown frame 'F2 secrecy'; the codebook calls F2 'F2 privacy and rights'"),
        (_dictionary(weight="2"), "row 1: weight '2' is not a number in (0, 1]"),
        (pd.concat([_dictionary(), _dictionary()]), "row 2: duplicate indicator 'privacy threat' for F2 privacy and rights"),
        (_dictionary().iloc[0:0], "the dictionary is empty"),
        (_dictionary().drop(columns="weight"), "missing column(s) ['weight']"),
        ("no/such/file.csv", "dictionary 'no/such/file.csv': no such file"),
    ],
)
def test_bad_dictionaries_are_refused_with_one_line(dictionary, message) -> None:
    with pytest.raises(ValueError) as info:
        ww.frames(TEXT, dictionary=dictionary)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_attributions_with_a_lexicon_of_ones_own() -> None:
    packaged = ww.attributions(TEXT)
    assert packaged.cue.tolist() == ["stated", "said"]
    mine = pd.DataFrame({"lemma": ["state"], "stance": ["neutral"], "category": ["speech"]})
    assert ww.attributions(TEXT, lexicon=mine).cue.tolist() == ["stated"]  # "said" is not in this lexicon
    with pytest.raises(ValueError, match=r"row 1: stance 'loud'; use one of neutral, endorsing"):
        ww.attributions(TEXT, lexicon=mine.assign(stance="loud"))
    with pytest.raises(ValueError, match=r"missing column\(s\) \['category'\]"):
        ww.attributions(TEXT, lexicon=mine.drop(columns="category"))


def test_registry_versions_agree_with_the_files() -> None:
    """Where a file's header states its version ("version 2.1"), the registry gives the same one."""
    import re

    table = list_resources()
    root = resource_path("outlet_types").parent
    stated = {}
    for row in table.itertuples():
        match = re.search(r"\bversion\s+(\d+(?:\.\d+)*)", (root / row.file).read_text(encoding="utf-8")[:300])
        if match:
            stated[row.file] = (match.group(1), row.version)
    assert len(stated) >= 20
    assert {f: v for f, v in stated.items() if v[0] != v[1]} == {}
