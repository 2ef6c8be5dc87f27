"""Russian: segmentation, lemmas, the count verbs on lemmas, frames, passives, labels and attribution
(watchwords/languages/ru.py, ru_attribution.py, data/ru/). Every Russian text here was written for these tests; the
gold set is tests/fixtures/corpus/gold/ru/gold_ru.txt (a frozen copy of corpus/gold/ru/)."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import watchwords as ww
from watchwords.evaluation import inline_gold_frames, read_inline_gold, russian_scores
from watchwords.languages import ru
from watchwords.languages.ru_attribution import reporting_verbs_ru
from watchwords.quotes import is_name_quote

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("word", "expected"), [
    ("камеры", "камера"), ("камерами", "камера"), ("Камер", "камера"), ("заявил", "заявить"),
    ("заявила", "заявить"), ("используются", "использоваться"), ("уклонистов", "уклонист"),
    ("призывников", "призывник"), ("задержаны", "задержать"), ("ещё", "еще"), ("данные", "данные"),
    ("данных", "данные"), ("Локтев", "локтев"), ("CCTV", "cctv"), ("из-за", "из-за"), ("2023", "2023"),
])
def test_lemmas(word: str, expected: str) -> None:
    assert ru.lemma(word) == expected


def test_sentences_follow_razdel_and_never_cross_a_paragraph() -> None:
    text = ("HEADLINE: Военком: камеры ищут призывников\n\nВоенком М. Локтев заявил об этом в г. Москве. «Мы их "
            "находим», — сказал он. Т.е. 3 тыс. чел. уже найдены.\n\nЕщё абзац")
    found = ww.sentences(text)
    assert found["text"].tolist() == ["Военком: камеры ищут призывников", "Военком М. Локтев заявил об этом в г. Москве.",
                                      "«Мы их находим», — сказал он.", "Т.е. 3 тыс. чел. уже найдены.", "Ещё абзац"]
    assert found["part"].tolist()[0] == "headline"
    assert all(text[a:b] == t for a, b, t in zip(found["start"], found["end"], found["text"]))


def test_store_tokens_agree_with_razdel_on_words_of_the_gold_set(seed_corpus: Path) -> None:
    from razdel import tokenize

    documents = read_inline_gold(seed_corpus / "gold" / "ru" / "gold_ru.txt")
    for document in documents:
        ours = ww.tokens(document.text, language="ru", parts="all", drop_punct=True)
        theirs = [(t.start, t.stop) for t in tokenize(document.text) if re.match(r"\w", t.text)]
        mine = list(zip(ours["start"], ours["end"]))
        # razdel keeps "HEADLINE:" apart from its label only by the text format; both read the same words
        assert set(theirs) - set(mine) <= {(0, 8)}, document.doc_id


def test_stopwords_by_form_and_lemma_and_lemma_counts() -> None:
    text = "Камеры следят за ним. Его камеры видят всё. Камерами управляет мэрия."
    table = ww.frequencies(text, stopwords="russian")
    assert table.set_index("term")["count"].to_dict() == {"камера": 3, "следить": 1, "видеть": 1, "управлять": 1,
                                                           "мэрия": 1}
    forms = ww.frequencies(text, stopwords="russian", lemmas=False)
    assert {"камеры", "камерами"} <= set(forms["term"])


def test_keyness_against_the_russian_lemma_reference_list() -> None:
    text = "Уклонисты боятся камер. Камеры ищут уклонистов. Уклонист прячется."
    table = ww.keyness(text, target="text", reference="russian", min_docs=1).set_index("term")
    reference = pd.read_csv(REPO / "watchwords" / "data" / "ru" / "reference_wordfreq.csv", comment="#")
    expected = int(reference.loc[reference["term"] == "камера", "count"].iloc[0])
    assert table.loc["камера", "n_target"] == 2 and table.loc["камера", "n_reference"] == expected
    assert table.loc["уклонист", "n_target"] == 3
    assert table.index[0] == "уклонист"  # the story's word, rare in general Russian, is the key one


def test_kwic_and_collocates_on_lemmas() -> None:
    text = "Камеры стоят у метро. Без камер город не живёт. Камерами управляет мэрия."
    lines = ww.kwic(text, "камера")
    assert lines["match"].tolist() == ["Камеры", "камер", "Камерами"]
    assert ww.kwic(text, "камер*", lemmas=False)["match"].tolist() == ["Камеры", "камер", "Камерами"]
    near = ww.collocates(text, "камеры", window=2, min_freq=1).set_index("collocate")
    assert near.loc["стоять", "observed"] == 1 and near.loc["управлять", "observed"] == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("Камеры выслеживают уклонистов.", [("F4 authoritarian control", "выслеживают", False),
                                        ("F6 civic duty", "уклонистов", False)]),
    ("Камеры не выслеживают людей.", [("F4 authoritarian control", "выслеживают", True)]),
    ("Камеры нужны, чтобы не дать мужчинам сбежать.", [("F7 human cost", "сбежать", False)]),  # не negates дать only
    ("Власти опровергли сообщения об облавах.", [("F4 authoritarian control", "облавах", True)]),
    ("Система работает в режиме реального времени.", [("F3 technological efficiency", "в режиме реального времени",
                                                        False)]),
    ("Данные собирают без согласия.", [("F2 privacy and rights", "согласия", False)]),  # absence is the frame
    ("Служба безопасности молчит.", []),
    ("Военкомат разослал повестки.", [("topic", "Военкомат", False), ("topic", "повестки", False)]),
    ("Персональные данные утекли.", [("F2 privacy and rights", "Персональные данные", False)]),
])
def test_frames_in_russian(text: str, expected: list[tuple[str, str, bool]]) -> None:
    found = ww.frames(text)
    assert list(zip(found["frame"], found["match"], found["negated"])) == expected
    assert found.attrs["language"] == "ru"


def test_frame_dictionary_indicators_are_the_lemmas_of_what_is_written() -> None:
    result = subprocess.run([sys.executable, "tools/lemmatise_indicators.py", "--check"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    table = ww.load_frame_dictionary("ru")
    assert len(table) > 150 and table["gloss"].str.len().gt(0).all()
    assert set(table["frame"]) == set(ww.load_frame_dictionary("en")["frame"])


@pytest.mark.parametrize(("content", "expected"), [
    ("Безопасный город", True), ("Коммерсантъ", True), ("Новая газета Европа", True),
    ("Мы их находим", False), ("Это работает", False), ("Москва, 2023", False), ("Face Pay", False),
    ("камеры везде", False), ("Нет", False),
])
def test_name_quotes(content: str, expected: bool) -> None:
    assert is_name_quote(content) is expected


def test_names_in_guillemets_are_not_quoted_voice() -> None:
    text = "Система «Безопасный город» работает. «Мы их находим», — сказал он."
    tokens = ww.tokens(text, drop_punct=True)
    assert tokens.loc[tokens["voice"] == "quoted", "token"].tolist() == ["Мы", "их", "находим"]


def test_passives_in_russian() -> None:
    text = "Камеры используются везде. Мужчина был задержан полицией. Данные хранятся годами. Он находится дома."
    found = ww.passives(text)
    assert list(zip(found["kind"], found["participle"], found["agent"], found["surveillance_verb"])) == [
        ("reflexive", "используются", "", True), ("by", "задержан", "полицией", True),
        ("reflexive", "хранятся", "", True)]


def test_labels_for_the_men_sought() -> None:
    found = ww.actor_labels("Уклонистов ищут. Военнообязанные и мужчины призывного возраста ждут. Полиция молчит.")
    assert list(zip(found["group"], found["label"], found["match"])) == [
        ("targets", "уклонисты", "Уклонистов"), ("targets", "военнообязанные", "Военнообязанные"),
        ("targets", "мужчины призывного возраста", "мужчины призывного возраста"), ("state", "полиция", "Полиция")]


ATTRIBUTION_CASES = [
    ("Военком Андрей Северов заявил, что камеры помогают.",
     [("Военком Андрей Северов", "заявил", "камеры помогают", "indirect")]),
    ("«Камеры помогают», — заявила она.", [("она", "заявила", "Камеры помогают", "direct")]),
    ("По словам Северова, камеры помогают.", [("Северова", "По словам", "камеры помогают", "indirect")]),
    ("По его словам, камеры помогают.", [("его", "По его словам", "камеры помогают", "indirect")]),
    ("Как сообщает ТАСС, камеры помогают.", [("ТАСС", "Как сообщает", "камеры помогают", "indirect")]),
    ("Камеры помогают, пишет «Медуза».", [("«Медуза»", "пишет", "Камеры помогают", "indirect")]),
    ("Камеры помогают, передаёт ТАСС со ссылкой на источник в мэрии.",
     [("ТАСС", "передаёт", "Камеры помогают", "indirect"),
      ("источник в мэрии", "со ссылкой на", "Камеры помогают", "indirect")]),
    ("Эксперт, который живёт в Москве, рассказал журналистам, что камеры ошибаются.",
     [("Эксперт", "рассказал", "камеры ошибаются", "indirect")]),
    ("Северов в интервью ТАСС заявил: «Камеры помогают».", [("Северов", "заявил", "Камеры помогают", "direct")]),
    ("В мэрии пояснили, что камеры законны.", [("мэрии", "пояснили", "камеры законны", "indirect")]),
    ("В Москве напомнили о правилах.", []),
    ("Сообщается, что камеры помогают.", [("", "Сообщается", "камеры помогают", "no explicit source")]),
    ("Он обязан сообщать о переезде.", []),  # an infinitive reports nothing
    ("«Никто не спрашивал нас», — говорит она.", [("она", "говорит", "Никто не спрашивал нас", "direct")]),
    ("Суды ни разу не признали работу системы незаконной.", []),  # no nominative subject: no source
    ("Система «Безопасный город» работает.", []),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION_CASES)
def test_russian_attribution_constructions(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    found = ww.attributions(text)
    assert list(zip(found["source"], found["cue"], found["content"], found["kind"])) == expected
    assert all(text[a:b] == s for a, b, s in zip(found["source_start"], found["source_end"], found["source"]) if a >= 0)


def test_chains_nest_and_pronouns_agree_in_gender() -> None:
    text = ("HEADLINE: Военком: камеры работают\n\n"
            "Юрист Анна Ветрова заявила, что закон нарушен. Военком Андрей Северов заявил, что всё законно. "
            "Она добавила, что подаст иск. Камеры помогают, передаёт ТАСС со ссылкой на Северова.")
    found = ww.attributions(text)
    rows = found.set_index("cue")
    assert found.loc[found["cue"] == ":", "source"].tolist() == ["Военком"]
    assert rows.loc["добавила", "source_canonical"] == "Юрист Анна Ветрова"  # she: the last feminine source
    chain = found[found["cue"] == "со ссылкой на"].iloc[0]
    parent = found[found["relation_id"] == chain["parent"]].iloc[0]
    assert (parent["source"], parent["source_type"]) == ("ТАСС", "state media")
    assert chain["content"] == parent["content"] == "Камеры помогают"
    assert rows.loc["заявила", "source_type"] == "rights group"


def test_every_form_of_each_reporting_verb_is_found() -> None:
    from watchwords.languages.ru_attribution import _tokens

    verbs = reporting_verbs_ru()
    missing = []
    for lemma in verbs:
        parse = next((p for p in ru.analyzer().parse(lemma) if p.tag.POS == "INFN"), None)
        assert parse is not None, lemma
        for form in {f.word for f in parse.lexeme if f.tag.POS in ("VERB",) and "impr" not in f.tag}:
            token = _tokens(form, 0, len(form))[0]
            if token.lemma not in verbs:
                missing.append(form)
    # homographs whose most probable reading is another word: "скажем" and "предположим" (parenthetical "let's say"),
    # "объясним" (adjective "explicable"), "настою" (the noun настой); taken for verbs they would be wrong more often
    assert sorted(missing) == ["настою", "объясним", "предположим", "скажем"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(["Камеры", " заявил", ", что ", "«", "»", " — ", "По словам ", "Локтева", "он",
                                 " сообщает ", "ТАСС", " со ссылкой на ", ".", ":", "\n\n", "HEADLINE: ", " как "]),
                max_size=40).map("".join))
def test_never_raises_and_offsets_are_valid(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = ww.attributions(text, language="ru")
    for row in found.itertuples():
        assert 0 <= row.cue_start < row.cue_end <= len(text)
        assert all(0 <= a < b <= len(text) for a, b in row.content_spans)
        assert row.source_start == -1 or text[row.source_start:row.source_end] == row.source


def test_gold_set_reader(seed_corpus: Path, tmp_path: Path) -> None:
    documents = read_inline_gold(seed_corpus / "gold" / "ru" / "gold_ru.txt")
    sentences = sum(len(d.sentences) for d in documents)
    assert sentences >= 150 and {d.split for d in documents} == {"dev", "heldout"}
    assert {d.outlet_type for d in documents} >= {"state media", "independent Russian media"}
    first = documents[0]
    relation = first.relations[1]
    assert (first.text[relation.cue[0][0]:relation.cue[0][1]], first.text[relation.source[0][0]:relation.source[0][1]]
            ) == ("заявил", "Военный комиссар Москвы Андрей Северов")
    frames = inline_gold_frames(seed_corpus / "gold" / "ru" / "gold_ru.txt")
    assert len(frames) == sentences and frames["text"].str.len().gt(0).all()
    bad = tmp_path / "bad.txt"
    bad.write_text("=== x; state media; dev\nЗаголовок || -\n\n[s1 Он] [c1 сказал] [q1 да. || -\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.txt: line 4: span \[q1 \.\.\. is not closed"):
        read_inline_gold(bad)
    bad.write_text("=== x; state media; dev\nЗаголовок || F9\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: frame codes 'F9'"):
        read_inline_gold(bad)


def test_held_out_scores_meet_the_targets_and_are_the_readme_numbers(seed_corpus: Path) -> None:
    """Issue 15's targets on the held-out documents (cue F1 >= 0.85, content lenient >= 0.80, frames micro F1 >=
    0.75), and the README states exactly these numbers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = russian_scores(seed_corpus / "gold" / "ru" / "gold_ru.txt")
    held = table[table["split"] == "heldout"].set_index("part")
    assert held.loc["cue exact", "f1"] >= 0.85
    assert held.loc["content lenient", "f1"] >= 0.80
    assert held.loc["all frames (micro)", "f1"] >= 0.75
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for part in ("cue exact", "source exact", "content lenient", "relation exact", "all frames (micro)"):
        row = held.loc[part]
        assert f"| {part} | {row['n_gold']} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} |" in readme


def test_demo_corpus_is_three_russian_reports_in_the_text_format() -> None:
    demo = ww.russian_demo_corpus()
    assert demo[["doc_id", "outlet_type", "language", "date"]].values.tolist() == [
        ["ru_demo_state", "state media", "ru", "2023-04-18"],
        ["ru_demo_independent", "independent Russian media", "ru", "2023-04-18"],
        ["ru_demo_ukrainian", "mainstream media", "ru", "2023-04-19"]]
    assert demo.attrs["kind"] == "corpus"
    headlines = ww.sentences(demo).query("part == 'headline'")["text"].tolist()
    assert headlines == ["Военком Москвы: камеры помогают установить адреса призывников",
                         "Камеры против призывников: Москва превращается в ловушку",
                         "В Москве следят за призывниками через камеры — СМИ"]
