"""Tests of watchwords.framing (dictionary 1.0, codebook 1.0): matches, inflection, gaps, clause-scoped negation,
false friends, topics, profiles, CDA measures and the validation workflow. Sentences are written for the tests; the
gold set is corpus/gold/frames/frames_gold.csv."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import watchwords as ww
from tests.conftest import manifest_row


def found(text: str) -> list[tuple[str, str, bool]]:
    table = ww.frames(text)
    table = table[table.frame != "topic"]
    return [(row.frame.split()[0], row.match, row.negated) for row in table.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said the cameras helped catch wanted criminals.", [("F1", "wanted", False), ("F1", "criminals", False)]),
        ("The city installed security cameras at every entrance.", []),  # false friend
        ("The UN Security Council met.", []),
        # F1 denied; "no evidence" is itself the error frame
        ("There is no evidence that the cameras prevent crime.", [("F8", "no evidence", False),
                                                                   ("F1", "prevent crime", True)]),
        ("Rights groups say it violates privacy.", [("F2", "privacy", False)]),  # the rights group only speaks
        ("Cameras tracked the men down.", [("F4", "tracked the men down", False)]),  # inflection and a gap
        ("Police are cracking down on draft dodgers.", [("F4", "cracking down", False), ("F6", "draft dodgers", False)]),
        ("The software wrongly identified a student.", [("F8", "wrongly", False)]),
        ("The weather was fine.", []),  # "fine" is not "fines"
        # negation stays in its clause; an absence of consent or of a legal basis is the frame, not its denial
        ("Data were collected without consent, which violates the law.", [("F2", "without consent", False),
                                                                          ("F5", "law", False)]),
        # a negated infinitive negates its verb only: no frame is denied here
        ("The ministry decided not to send conscripts abroad.", []),
        ("The cameras are not a tool of repression.", [("F4", "tool of", True), ("F4", "repression", True)]),
    ],
)
def test_frame_matches(text, expected) -> None:
    assert found(text) == expected


def test_frame_columns_voice_and_part() -> None:
    text = ('HEADLINE: Cameras track down men\n\nThe first paragraph names no frame.\n\n'
            '"It is lawful," an official said of the court ruling.')
    table = ww.frames(text)
    assert list(table.columns) == ["doc_id", "para_id", "sent_id", "frame", "indicator", "match", "start", "end", "weight",
                                   "negated", "voice", "part"]
    assert table[table.frame == "topic"].match.tolist() == ["Cameras"]  # the technology named: a topic, not F3
    table = table[table.frame != "topic"]
    assert table[["match", "voice", "part"]].values.tolist() == [["track down", "reporter", "headline"],
                                                                 ["court", "reporter", "body"]]
    assert all(text[s:e] == m for s, e, m in zip(table.start, table.end, table.match))
    lede = ww.frames("HEADLINE: x\n\nThe law changed.\n\nThe court agreed.")
    assert lede.part.tolist() == ["lede", "body"]


def test_frame_profile_by_hand(make_corpus) -> None:
    rows = [manifest_row("a", outlet_type="state media"), manifest_row("b", outlet_type="NGO")]
    corpus = ww.load_corpus(make_corpus({"a": "The law is clear. Courts agree. Nothing else.", "b": "Privacy matters."},
                                        rows=rows))
    profile = ww.frame_profile(corpus, by="outlet_type").set_index(["outlet_type", "frame"])
    legal = profile.loc[("state media", "F5 legality")]
    # 2 of 3 sentences carry F5; weights 1 + 1 over 8 word tokens
    assert (legal.n_units, legal.n_with) == (3, 2)
    assert legal.share == pytest.approx(2 / 3) and legal.rate_per_1000 == pytest.approx(1000 * 2 / 8)
    assert profile.loc[("NGO", "F2 privacy and rights"), "share"] == 1.0
    assert len(profile) == 2 * 8
    by_document = ww.frame_profile(corpus, unit="document").set_index("frame")
    assert by_document.loc["F5 legality", "share"] == 0.5
    with pytest.raises(ValueError, match="unit='clause'"):
        ww.frame_profile(corpus, unit="clause")


def test_frame_differences_bootstrap(make_corpus) -> None:
    texts = {"s1": "The law is clear.", "s2": "The court ruled. Fine day.", "n1": "Privacy matters.", "n2": "A quiet day."}
    rows = [manifest_row(d, outlet_type="state media" if d.startswith("s") else "NGO") for d in texts]
    corpus = ww.load_corpus(make_corpus(texts, rows=rows))
    diff = ww.frame_differences(corpus, by="outlet_type", n_boot=500, seed=1).set_index("frame")
    legal = diff.loc["F5 legality"]
    # NGO: 0 of 2 sentences; state media: 2 of 3 sentences
    assert (legal.group_a, legal.group_b) == ("NGO", "state media")
    assert legal.difference == pytest.approx(0 - 2 / 3)
    assert legal.ci_low <= legal.difference <= legal.ci_high
    again = ww.frame_differences(corpus, by="outlet_type", n_boot=500, seed=1).set_index("frame")
    assert again.loc["F5 legality", "ci_low"] == legal.ci_low  # reproducible with the seed
    with pytest.raises(ValueError, match="needs two groups of 'outlet_type' with at least two documents each"):
        ww.frame_differences(corpus[corpus.doc_id != "n2"], by="outlet_type")


def test_prominence_on_the_seed(seed_corpus) -> None:
    table = ww.frame_prominence(ww.load_corpus(seed_corpus)).set_index("frame")
    assert bool(table.loc["F4 authoritarian control", "in_headline"]) and bool(table.loc["F4 authoritarian control", "in_lede"])
    assert table.loc["F5 legality", "first_part"] == "body"


# Passive detection, validated on sentences written for the test (hand labels: kind or None).
PASSIVE_GOLD = [
    ("Video surveillance systems are being used.", "agentless"),
    ("The men were detained by police officers.", "by"),
    ("Three cameras had been connected to the system.", "agentless"),
    ("He got caught at the station.", "agentless"),
    ("The data was stored for a year.", "agentless"),
    ("The summons was delivered electronically by the office.", "by"),
    ("Men detained in the metro were released.", "agentless"),  # the reduced relative is extra, counted below
    ("She was worried about the cameras.", None),
    ("The station was crowded and noisy.", None),
    ("The police detained two men.", None),
    ("They are interested in the data.", None),
    ("The cameras were everywhere.", None),
]


def test_passive_precision_and_recall() -> None:
    tp = fp = fn = 0
    for text, kind in PASSIVE_GOLD:
        table = ww.passives(text)
        finite = table[table.kind != "reduced relative"]
        predicted = finite.kind.iloc[0] if len(finite) else None
        if kind and predicted == kind:
            tp += 1
        elif kind and predicted != kind:
            fn += 1
            fp += predicted is not None
        elif predicted is not None:
            fp += 1
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert (tp, fp, fn) == (7, 0, 0)
    assert precision == 1.0 and recall == 1.0


def test_passive_details() -> None:
    table = ww.passives("The men were detained by police officers. Men detained in the metro were released.")
    assert table[["kind", "participle", "agent", "surveillance_verb"]].values.tolist() == [
        ["by", "detained", "police officers", True], ["reduced relative", "detained", "", True],
        ["agentless", "released", "", False]]


def test_nominalisations_and_agents() -> None:
    table = ww.nominalisations("The detention by police was brief. The city's surveillance grew. Recognition failed.")
    assert table[["noun", "agent", "agent_attached"]].values.tolist() == [
        ["detention", "police", True], ["surveillance", "The city's", True], ["Recognition", "", False]]


def test_actor_labels_categories() -> None:
    text = "Draft evaders and men aged 18-27 avoid the enlistment officer. A 19-year-old fled. 300,000 reservists left."
    table = ww.actor_labels(text)
    assert table[["label", "match", "category", "stance"]].values.tolist() == [
        ["draft evaders", "Draft evaders", "functionalisation", "negative"],
        ["men aged N", "men aged 18-27", "classification+aggregation", "humanising"],
        ["enlistment officer", "enlistment officer", "functionalisation", "neutral"],
        ["an N-year-old", "A 19-year-old", "individualisation", "humanising"],
        ["N reservists", "300,000 reservists", "aggregation", "neutral"]]


def test_hedges_scare_quotes_and_intensifiers() -> None:
    table = ww.hedges('The so-called "evaders" were reportedly caught. About 3,000 cameras watch a vast city. '
                      '"It works," he said. About them.')
    assert table[["kind", "expression"]].values.tolist() == [
        ["scare", "so-called"], ["scare", "evaders"], ["evidential", "reportedly"], ["hedge", "About"],
        ["intensifier", "vast"]]


def test_sample_for_coding(seed_corpus, tmp_path) -> None:
    corpus = ww.load_corpus(seed_corpus)
    path = tmp_path / "sample.csv"
    table = ww.sample_for_coding(corpus, size=5, seed=3, path=str(path))
    assert len(table) == 5 and table.item_id.tolist() == [1, 2, 3, 4, 5]
    assert list(table.columns)[:7] == ["item_id", "doc_id", "sent_id", "start", "end", "split", "text"]
    assert table.equals(ww.sample_for_coding(corpus, size=5, seed=3))
    assert path.read_text(encoding="utf-8").startswith("item_id,doc_id,sent_id")
    text = corpus.text.iloc[0]
    assert all(text[s:e] == t for s, e, t in zip(table.start, table.end, table.text))


def _alpha_two_coders(a: list[int], b: list[int]) -> float:
    """Krippendorff's alpha for two coders and nominal data, from the coincidence matrix (Krippendorff 2004, ch. 11)."""
    from collections import Counter

    coincidences = Counter()
    for x, y in zip(a, b):
        coincidences[(x, y)] += 1
        coincidences[(y, x)] += 1
    n = 2 * len(a)
    totals = Counter()
    for (x, _), count in coincidences.items():
        totals[x] += count
    observed = sum(c for (x, y), c in coincidences.items() if x != y) / n
    expected = sum(totals[x] * totals[y] for x in totals for y in totals if x != y) / (n * (n - 1))
    return 1 - observed / expected


def test_held_out_scores_of_dictionary_1_0(seed_corpus) -> None:
    """The held-out scores reported in the README, notebook 04 and docs/frame_codebook.md, with their intervals."""
    path = str(seed_corpus / "gold" / "frames" / "frames_gold.csv")
    held = ww.validate_frames(path, split="heldout", n_boot=1000, seed=0).set_index("frame")
    assert held.n_items.iloc[0] == 121
    expected = {  # frame: (gold positive, predicted positive, true positives)
        "F1 security": (9, 10, 8), "F2 privacy and rights": (11, 9, 8), "F3 technological efficiency": (13, 13, 12),
        "F4 authoritarian control": (15, 17, 15), "F5 legality": (12, 17, 12), "F6 civic duty": (12, 12, 12),
        "F7 human cost": (15, 17, 14), "F8 error and bias": (9, 8, 8), "all frames (micro)": (96, 103, 89)}
    assert {f: (r.gold_positive, r.predicted_positive, r.tp) for f, r in held.iterrows()} == expected
    micro = held.loc["all frames (micro)"]
    assert micro.f1 == pytest.approx(2 * 89 / (96 + 103)) and round(micro.f1, 2) == 0.89
    assert (held.f1.round(2) >= 0.80).all()  # every frame; the targets are micro >= 0.80, each frame >= 0.70
    assert (held.f1_low <= held.f1).all() and (held.f1 <= held.f1_high).all()
    assert (round(micro.f1_low, 2), round(micro.f1_high, 2)) == (0.86, 0.93)
    gold = ww.framing.read_frame_gold(path)
    gold = gold[gold.split == "heldout"]
    truth = [int(v) for v in gold["F5 legality"]]
    found = [ww.frames(t) for t in gold.text]
    guess = [int("F5 legality" in set(f.loc[~f.negated, "frame"])) for f in found]
    assert held.loc["F5 legality", "alpha"] == pytest.approx(_alpha_two_coders(truth, guess))
    errors = held.attrs["errors"]
    assert set(errors.error) == {"false positive", "false negative"}


def test_dev_and_held_out_are_split_by_document(seed_corpus) -> None:
    gold = ww.framing.read_frame_gold(str(seed_corpus / "gold" / "frames" / "frames_gold.csv"))
    assert len(gold) >= 300 and (gold.note.str.strip() != "").all()
    assert gold.groupby("doc_id").split.nunique().max() == 1
    assert gold.outlet_type.nunique() >= 5


def test_the_codebook_examples_are_coded_as_the_codebook_says() -> None:
    from watchwords.resources import read_table

    examples = read_table("frame_codebook_examples")
    assert len(examples) >= 30 and set(examples.coded) == {"0", "1"}
    for row in examples.itertuples():
        found = ww.frames(row.sentence)
        present = row.frame in set(found.loc[~found.negated & (found.frame != "topic"), "frame"])
        assert present == (row.coded == "1"), (row.frame, row.sentence, row.rule)


def test_profiles_count_the_codebook_units(make_corpus) -> None:
    """Headline, standfirst and body count; byline, dateline, credit never; captions on request; a repeated
    paragraph once."""
    text = ("HEADLINE: Courts back the cameras\nSTANDFIRST: A court ruled on Monday.\nBYLINE: By A. Lawyer\n"
            "CAPTION: A court building.\n\nA court ruled on Monday.\n\nNothing else happened.")
    profile = ww.frame_profile(text).set_index("frame").loc["F5 legality"]
    # headline (court), standfirst (court), the repeated body paragraph once, "Nothing else": 3 units, 2 with F5
    assert (profile.n_units, profile.n_with) == (3, 2)
    both = ww.frame_profile(text, captions=True, repeats=True).set_index("frame").loc["F5 legality"]
    assert (both.n_units, both.n_with) == (5, 4)
    assert ww.framing.repeated_paragraphs(text) == {("text", 4)}


def test_coder_agreement_and_disagreements(tmp_path) -> None:
    frames_all = sorted(ww.frame_dictionary().frame.unique())
    base = {"item_id": ["1", "2", "3", "4"], "split": [""] * 4, "text": ["a", "b", "c", "d"]}
    coder_a = pd.DataFrame({**base, **{f: ["0"] * 4 for f in frames_all}})
    coder_b = coder_a.copy()
    coder_a["F1 security"] = ["1", "1", "0", "0"]
    coder_b["F1 security"] = ["1", "0", "0", "0"]
    table = ww.coder_agreement(coder_a, coder_b).set_index("frame")
    f1 = table.loc["F1 security"]
    assert (f1.n_items, f1.coder_a_positive, f1.coder_b_positive, f1.agreement) == (4, 2, 1, 0.75)
    assert f1.alpha == pytest.approx(_alpha_two_coders([1, 1, 0, 0], [1, 0, 0, 0]))
    assert math.isnan(table.loc["F2 privacy and rights", "alpha"])  # never varies
    assert ww.coder_disagreements(coder_a, coder_b).values.tolist() == [["2", "F1 security", 1, 0, "b"]]
    with pytest.raises(ValueError, match="share no item_id"):
        ww.coder_agreement(coder_a, coder_b.assign(item_id=["7", "8", "9", "10"]))


def test_blind_coding_sheet_has_no_dictionary_codes(seed_corpus) -> None:
    sheet = ww.sample_for_coding(ww.load_corpus(seed_corpus), size=5, seed=1)
    frames_all = sorted(ww.frame_dictionary().frame.unique())
    assert (sheet[frames_all] == "").all().all() and "indicator" not in " ".join(sheet.columns)


def test_classifier_comparison(seed_corpus) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    path = seed_corpus / "gold" / "frames" / "frames_gold.csv"
    table = ww.compare_classifier(path).set_index("frame")
    gold = ww.framing.read_frame_gold(str(path))
    truth = (gold["F4 authoritarian control"] == "1").to_numpy()
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                          LogisticRegression(class_weight="balanced", max_iter=1000, random_state=0))
    guess = cross_val_predict(model, gold.text.tolist(), truth, groups=gold.doc_id, cv=GroupKFold(n_splits=5))
    tp = int((truth & guess).sum())
    assert table.loc["F4 authoritarian control", "classifier_f1"] == pytest.approx(2 * tp / (truth.sum() + guess.sum()))
    held = ww.validate_frames(str(path), split=None).set_index("frame")
    assert table.dictionary_f1.to_dict() == pytest.approx(held.f1.drop("all frames (micro)").to_dict())



def test_read_frame_gold_errors(tmp_path) -> None:
    bad = tmp_path / "gold.csv"
    frames_all = sorted(ww.frame_dictionary().frame.unique())
    bad.write_text("item_id,split,text," + ",".join(frames_all) + "\n1,dev,A text.," + ",".join(["0"] * 7 + ["yes"]) + "\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: column 'F8 error and bias': 'yes' is not 0 or 1"):
        ww.validate_frames(str(bad))
    with pytest.raises(ValueError, match="no item has split 'heldout'"):
        bad.write_text("item_id,split,text," + ",".join(frames_all) + "\n1,dev,A text.," + ",".join(["0"] * 8) + "\n",
                       encoding="utf-8")
        ww.validate_frames(str(bad))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Video surveillance systems are being used to find the conscript," the enlistment officer Ivan Petrov told NewsCo.',
         [True, True, True, 0, True]),
        ('"Video surveillance systems are being used," officer Ivan Petrov said. Critics called it a crackdown.',
         [True, True, True, 1, False]),
        ("The cameras are being used to find the conscript.", [True, True, False, 0, False]),
        ("The weather was fine, the mayor said.", [False, False, True, 0, False]),
    ],
)
def test_normalisation_configuration(text, expected) -> None:
    row = ww.normalisation(text).iloc[0]
    assert [row.technology, row.administrative_use, row.official_source, row.critical_matches, row.normalised] == expected


def test_seed_is_not_normalising(seed_corpus) -> None:
    row = ww.normalisation(ww.load_corpus(seed_corpus)).iloc[0]
    # official source, technology and administrative use are there, but the headline's "track down" is F4
    assert (row.technology, row.administrative_use, row.official_source) == (True, True, True)
    assert row.critical_matches >= 1 and not row.normalised


def test_frame_differences_of_a_pair_do_not_move_when_a_group_is_added(make_corpus) -> None:
    """Each pair has its own random stream: the interval for NGO vs state media is the same with a third group."""
    texts = {"s1": "The law is clear.", "s2": "The court ruled. Fine day.", "n1": "Privacy matters.", "n2": "A quiet day.",
             "w1": "The court met.", "w2": "Cameras were installed."}
    types = {"s": "state media", "n": "NGO", "w": "wire agency"}
    rows = [manifest_row(d, outlet_type=types[d[0]]) for d in texts]
    corpus = ww.load_corpus(make_corpus(texts, rows=rows))
    two = ww.frame_differences(corpus[corpus.doc_id.str[0] != "w"], by="outlet_type", n_boot=300, seed=3)
    three = ww.frame_differences(corpus, by="outlet_type", n_boot=300, seed=3)
    pair = three[(three.group_a == "NGO") & (three.group_b == "state media")].reset_index(drop=True)
    assert pair[["frame", "ci_low", "ci_high"]].equals(two[["frame", "ci_low", "ci_high"]].reset_index(drop=True))
    assert len(three) == 3 * len(two)


def test_alpha_is_nan_when_a_frame_never_varies(tmp_path) -> None:
    """Krippendorff (2011): with no variation α is undefined (0/0); NLTK's AnnotationTask says 1.0."""
    frames = sorted(ww.frame_dictionary().frame.unique())
    header = "item_id,doc_id,sent_id,split,text," + ",".join(frames)
    lines = [header,
             "1,d,0,heldout,The weather was fine.," + ",".join("0" for _ in frames),
             "2,d,1,heldout,Lunch was served.," + ",".join("0" for _ in frames)]
    path = tmp_path / "gold.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = ww.validate_frames(str(path), split="heldout")
    assert table.alpha.isna().all()
    assert (table.tp == 0).all() and (table.predicted_positive == 0).all()
