"""Tests of watchwords.attribution: relations, sources, chains and voice, on sentences written for the tests
and on the seed with its hand-made gold annotation (corpus/gold/attribution/a_jpost_reuters.json)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import watchwords as ww
from watchwords.attribution.rules import credit_lines
from watchwords.evaluation import read_gold_json, relations_from_frame, score


def triples(text: str) -> list[tuple[str, str, str, str]]:
    table = ww.attributions(text)
    return [(r.source, r.cue, r.content, r.kind) for r in table.itertuples()]


def source_cue_content(text: str) -> list[tuple[str, str, str]]:
    table = ww.attributions(text)
    return list(zip(table.source, table.cue, table.content))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The cameras find them," Dana Moor told the Agency.',
         [("Dana Moor", "told", "The cameras find them,", "direct")]),
        ('"The cameras find them," said transport chief Dana Moor.',
         [("transport chief Dana Moor", "said", "The cameras find them,", "direct")]),
        ('Dana Moor said: "The cameras find them."',
         [("Dana Moor", "said", "The cameras find them.", "direct")]),
        ('"The cameras find them," Moor said, "and the courts decide."',
         [("Moor", "said", "The cameras find them, … and the courts decide.", "direct")]),
        ("Officials said the cameras were switched on in May.",
         [("Officials", "said", "the cameras were switched on in May", "indirect")]),
        ("The city's transport office said on Monday that 1,200 cameras were connected.",
         [("The city's transport office", "said", "that 1,200 cameras were connected", "indirect")]),
        ("The cameras were connected last year, the state agency NewsCo reported.",
         [("the state agency NewsCo", "reported", "The cameras were connected last year", "indirect")]),
        ("According to Open Streets, the system has no legal basis.",
         [("Open Streets", "According to", "the system has no legal basis", "indirect")]),
        ("The system has no legal basis, according to Open Streets.",
         [("Open Streets", "according to", "The system has no legal basis", "indirect")]),
        ('Moor said the plan was "working well" for the city.',
         [("Moor", "said", 'the plan was "working well" for the city', "mixed")]),
        # a multi-word cue with no one-word cue in its sentence (such sentences used to be skipped)
        ("The ministry pointed out that the cameras were legal.",
         [("The ministry", "pointed out", "that the cameras were legal", "indirect")]),
        ("It was reported that the cameras failed twice.",
         [("", "It was reported", "that the cameras failed twice", "no explicit source")]),
        ("Он сказал «да».", [("Он", "сказал", "да", "direct")]),  # Russian by its script: the Russian rules
        ("The state of the cameras is poor. The report is long.", []),
        ('The so-called "smart" cameras are everywhere.', []),
        ("", []),
    ],
)
def test_relations(text: str, expected) -> None:
    assert triples(text) == expected


def test_offsets_index_the_text() -> None:
    text = 'HEADLINE: Cameras on - NewsCo\n\n"They work," Moor told NewsCo. Critics said the plan went too far.'
    table = ww.attributions(text)
    for row in table.itertuples():
        assert text[row.cue_start:row.cue_end] == row.cue
        if row.source_start >= 0:
            assert text[row.source_start:row.source_end] == row.source
        assert " … ".join(text[a:b] for a, b in row.content_spans) == row.content
    assert table.part.tolist() == ["headline", "body", "body"]
    assert list(table.columns) == ww.attribution.ATTRIBUTION_COLUMNS


def test_nested_citing_and_addressee() -> None:
    text = ("The cameras track evaders, the state agency NewsCo reported, citing the city's chief officer. "
            '"We find them," chief officer Dana Moor told NewsCo.')
    table = ww.attributions(text)
    assert table[["source", "cue", "parent"]].values.tolist() == [
        ["the state agency NewsCo", "reported", -1], ["the city's chief officer", "citing", 0],
        ["chief officer Dana Moor", "told", -1]]
    assert table.content[1] == table.content[0]
    assert table.addressee.tolist() == ["", "", "NewsCo"]
    assert table.source_canonical.tolist()[1:] == ["Dana Moor", "Dana Moor"]  # the role is resolved to its holder


def test_pronoun_resolution_and_source_types() -> None:
    text = ('Human Rights Watch said the cameras were misused. "It is unlawful," it said. '
            'Dana Moor, a lawyer, said the courts would decide. "We will appeal," she said.')
    table = ww.attributions(text)
    assert table[["source", "source_canonical", "source_type"]].values.tolist() == [
        ["Human Rights Watch", "Human Rights Watch", "rights group"],
        ["it", "Human Rights Watch", "rights group"],
        ["Dana Moor, a lawyer", "Dana Moor", "legal"],
        ["she", "Dana Moor", "legal"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun agrees in animacy, gender and number: "she" is not the ministry, "he" is not the officials
        ('Ms. Dana Moor said the plan fails. The ministry said the cameras work. "We disagree," she said.',
         [("Ms. Dana Moor", "Ms. Dana Moor", "unclassified"), ("The ministry", "ministry", "official"),
          ("she", "Ms. Dana Moor", "unclassified")]),
        ('Mr. Ivo Lind said the plan fails. Officials said the cameras work. "They do not," he said.',
         [("Mr. Ivo Lind", "Mr. Ivo Lind", "unclassified"), ("Officials", "Officials", "official"),
          ("he", "Mr. Ivo Lind", "unclassified")]),
        # a lone surname is the earlier full name; the entity keeps the type of its first typed mention
        ("Commissar Maxim Loktev said the cameras work. Loktev said more would come.",
         [("Commissar Maxim Loktev", "Maxim Loktev", "official"), ("Loktev", "Maxim Loktev", "official")]),
        # typing: "news agency" is a wire agency, not an official body; the BBC is not its Russian Service; a
        # senator's canonical name is her name, not her state; "spokesperson" keeps its first letter
        ("The news agency said the cameras work.", [("The news agency", "news agency", "wire agency")]),
        ("The BBC reported that the cameras work.", [("The BBC", "BBC", "international broadcaster")]),
        ("Senator Claire Dunn of Missouri said the cameras work.",
         [("Senator Claire Dunn of Missouri", "Senator Claire Dunn", "politician")]),
        ("A spokesperson said the cameras work.", [("A spokesperson", "spokesperson", "official")]),
    ],
)
def test_entities_and_types(text: str, expected) -> None:
    table = ww.attributions(text)
    assert list(zip(table.source, table.source_canonical, table.source_type)) == expected


def test_unknown_source_stays_unclassified() -> None:
    table = ww.attributions("Zorblat Quux said the cameras were new.")
    assert table.source_type.tolist() == ["unclassified"]


def test_stance_classes() -> None:
    table = ww.attributions("Moor claimed the cameras work. Officials confirmed the data was kept. Moor denied the report.")
    assert table[["cue_lemma", "stance"]].values.tolist() == [
        ["claim", "distancing"], ["confirm", "endorsing"], ["deny", "oppositional"]]


def test_multi_paragraph_quote_continues() -> None:
    text = '"The first part," Moor said.\n\n"The second part runs on."\n\nCritics said nothing new.'
    table = ww.attributions(text)
    assert table.content.tolist()[0] == "The first part, … The second part runs on."
    assert len(table) == 2


def test_non_english_documents_are_skipped_with_a_warning(make_corpus) -> None:
    from tests.conftest import manifest_row

    russian = "Власти Москвы используют камеры, сообщило агентство. " * 5
    corpus = ww.load_corpus(make_corpus({"ru": russian, "en": "Moor said the cameras work."},
                                        rows=[manifest_row("ru", language="ru"), manifest_row("en")]))
    with pytest.warns(UserWarning, match=r"analysed the 1 document\(s\) in English; left out 1 in Russian "
                                         r"\(pass language='ru' to analyse them\)"):
        table = ww.attributions(corpus)
    assert table.doc_id.tolist() == ["en"]
    with pytest.warns(UserWarning, match=r"analysed the 1 document\(s\) in Russian; left out 1 in English"):
        russian_table = ww.attributions(corpus, language="ru")
    assert set(russian_table.doc_id) == {"ru"} and russian_table.attrs["language"] == "ru"
    assert russian_table[["source", "cue"]].drop_duplicates().values.tolist() == [["агентство", "сообщило"]]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("Ab .,:;\n") + ['"', "“", "”", "«", "»", "„", "''", " said ", " told ", "Moor",
                                                     " according to ", " citing ", " he ", "HEADLINE: ", " - X"]),
                max_size=60).map("".join))
def test_never_raises_and_offsets_are_valid(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = ww.attributions(text)
    for row in table.itertuples():
        assert 0 <= row.cue_start < row.cue_end <= len(text)
        assert row.source_start == -1 or 0 <= row.source_start < row.source_end <= len(text)
        assert all(0 <= a < b <= len(text) for a, b in row.content_spans)


_TOKEN_ATOMS = list("Ab n.,;:?!)]([\"“”‘’'«„_9- \n\t") + [
    "don't", "can’t", "U.S.", "3,000", "O'Br", "'s", "’re", "\xa0", "\u2009", "\x1c", "\u3000",
    "city's", "CITY’S", "state-owned", "x-", "-y", "a--b"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_ATOMS), max_size=40).map("".join), st.integers(0, 12), st.integers(0, 5))
@example("Ab's x", 2, 0)  # a clitic at the cut: the character before the range still counts
@example("“Nobody,” he said; (they) didn't.", 0, 0)
def test_chunked_tokens_equal_the_token_pattern(text: str, cut_start: int, cut_end: int) -> None:
    """The attribution tokenizer's shortcuts give exactly the tokens of TOKEN_PATTERN, offsets included."""
    from watchwords.attribution.tokens import sentence_tokens as _tokens
    from watchwords.text import token_regex

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    expected = [(m.group(), m.group().lower().replace("’", "'"), m.start(), m.end(), False)
                for m in token_regex().finditer(text, start, end)]
    assert _tokens(text, start, end, []) == expected
    # quotations over the second and the fourth fifth flag exactly the tokens that start inside them
    quotes = [(len(text) // 5, 2 * len(text) // 5), (3 * len(text) // 5, 4 * len(text) // 5)]
    flagged = [(*tok[:4], any(a <= tok[2] < b and a < end and b > start for a, b in quotes)) for tok in expected]
    assert _tokens(text, start, end, quotes) == flagged


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["it", "is", "was", "has", "been", "are", "reported", "REPORTED", "said", "claimed",
                                 "alleged", "announced", "quoted", "cited", "as", "saying", "to", "reportedly",
                                 "Allegedly", "report", "x", " ", "  ", "\n", ",", "ſaid", "ıt"]), max_size=12).map("".join))
@example("It was said that")
@example("He is quoted as saying")
@example("they were cited as saying")
@example("it has been announced")
@example("is claimed to")
@example("were alleged to")
@example("Reportedly, x")
def test_agentless_matches_contain_an_agentless_word(text: str) -> None:
    """The agentless search is skipped in sentences without one of _AGENTLESS_WORDS: sound only if every
    match contains one (or the text has a letter that case-folds to ASCII, which disables the skip)."""
    from watchwords.attribution.rules import AGENTLESS as _AGENTLESS
    from watchwords.attribution.rules import AGENTLESS_WORDS as _AGENTLESS_WORDS
    from watchwords.attribution.tokens import WORDS as _WORDS

    if _AGENTLESS.search(text) and not any(letter in text for letter in "\u017f\u0131\u0130"):
        assert not _AGENTLESS_WORDS.isdisjoint(_WORDS.findall(text.lower()))
    if text.startswith(("It was", "is claimed", "Reportedly")):  # the examples above must match
        assert _AGENTLESS.search(text)


def test_long_sentence_does_not_raise() -> None:
    text = "Moor said " + "the cameras and the courts and " * 2000 + "the city."
    assert len(ww.attributions(text)) == 1


# ---------------------------------------------------------------- the seed against its gold annotation

def test_seed_against_gold(seed_corpus) -> None:
    corpus = ww.load_corpus(seed_corpus)
    doc_id, gold = read_gold_json(seed_corpus / "gold" / "attribution" / "a_jpost_reuters.json")
    seed = corpus[corpus.doc_id == doc_id]
    predicted = relations_from_frame(ww.attributions(seed))
    result = score([(seed.text.iloc[0], gold, predicted)])
    f1 = {(part, mode): result[part][mode]["f1"] for part in ("cue", "source", "content") for mode in ("exact", "lenient")}
    assert f1 == {("cue", "exact"): 1.0, ("cue", "lenient"): 1.0, ("source", "exact"): 1.0, ("source", "lenient"): 1.0,
                  ("content", "exact"): 1.0, ("content", "lenient"): 1.0}
    assert result["relation"]["exact"]["tp"] == 5


def test_seed_gold_matches_the_text(seed_corpus) -> None:
    import hashlib
    import json

    gold = json.loads((seed_corpus / "gold" / "attribution" / "a_jpost_reuters.json").read_text(encoding="utf-8"))
    text_bytes = (seed_corpus / gold["text_path"]).read_bytes()
    assert hashlib.sha256(text_bytes).hexdigest() == gold["text_sha256"]
    text = text_bytes.decode("utf-8")
    for item in gold["attributions"]:
        for part in ("cue", "source", "content"):
            assert all(text[s["start"]:s["end"]] == s["text"] for s in item[part])


def test_seed_chain(seed_corpus) -> None:
    corpus = ww.load_corpus(seed_corpus)
    chains = ww.attribution_chains(corpus)
    assert chains[["citing", "cited", "cue", "basis"]].values.tolist() == [
        ["The Jerusalem Post", "Reuters", "republishes", "manifest"],
        ["Reuters", "TASS", "-", "text"],
        ["TASS", "Maxim Loktev", "citing", "text"],
        ["Reuters", "Moscow Department of Information Technologies", "said", "text"]]
    hops = ww.attribution_hops(corpus)
    loktev = hops[hops.relation_id == 3].iloc[0]
    assert (loktev.path, loktev.hops) == ("The Jerusalem Post → Reuters → TASS → Maxim Loktev", 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each relation follows its own path: Loktev's words reach the wire through TASS, even where another
        # sentence quotes him directly
        ('Loktev told TASS the cameras work. "They find everyone," Loktev said.',
         [("Wire → TASS → Maxim Loktev", 2), ("Wire → Maxim Loktev", 1)]),
        # according to a report citing a friend: two relations, the second nested in the first
        ("The man was detained, according to the newspaper Novaya Gazeta, citing a friend of the man.",
         [("Wire → Novaya Gazeta", 1), ("Wire → Novaya Gazeta → friend of man", 2)]),
        # no source: no path
        ("It was reported that the cameras work.", [("", -1)]),
        # a quote inside what "according to" attributes is nested in it, though it comes first
        ('"They find everyone," Moor said, according to Open Streets.',
         [("Wire → Open Streets → Moor", 2), ("Wire → Open Streets", 1)]),
        # and speech inside a "that" content: the agency's report of what Loktev said
        ("The agency TASS reported that Loktev said the cameras work.",
         [("Wire → TASS", 1), ("Wire → TASS → Maxim Loktev", 2)]),
    ],
)
def test_hops_follow_each_relation(text: str, expected) -> None:
    corpus = pd.DataFrame({"doc_id": ["d"], "text": [text], "outlet": ["Daily"], "source_agency": ["Wire"]})
    hops = ww.attribution_hops(corpus)
    assert [(path.removeprefix("Daily → "), n - 1 if n > 0 else n) for path, n in zip(hops.path, hops.hops)] == \
        expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Source: agencies Reuters, TASS, AFP", [("Source", "Reuters"), ("Source", "TASS"), ("Source", "AFP")]),
        ("Sources: Interfax and RIA Novosti.", [("Sources", "Interfax"), ("Sources", "RIA Novosti")]),
        ("With reporting by Reuters", [("With reporting by", "Reuters")]),
        ("The source said the cameras work.", []),  # not a credit line
    ],
)
def test_credit_lines(text: str, expected) -> None:
    assert credit_lines(text) == expected


def test_credit_line_gives_chain_edges() -> None:
    corpus = pd.DataFrame({"doc_id": ["d"], "text": ["Officials said the cameras work.\n\nSource: agencies TASS, AFP"],
                           "outlet": ["Daily"]})
    chains = ww.attribution_chains(corpus)
    assert chains[["citing", "cited", "basis"]].values.tolist() == [
        ["Daily", "TASS", "credit"], ["Daily", "AFP", "credit"], ["Daily", "Officials", "text"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HEADLINE: Loktev: cameras find draft dodgers\n\nBODY: Moscow uses cameras.",
         [("Loktev", ":", "cameras find draft dodgers")]),
        ("HEADLINE: Cameras find draft dodgers - TASS\n\nBODY: Moscow uses cameras.",
         [("TASS", "-", "Cameras find draft dodgers")]),  # no "Cameras find" relation inside it
    ],
)
def test_headline_attribution(text: str, expected) -> None:
    assert source_cue_content(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forms that are names, adjectives or nouns here are no cues (rules.noun_free)
        ("The Cook Political Report said the race is close.",
         [("The Cook Political Report", "said", "the race is close")]),
        ("The reported bomber was arrested, police said.", [("police", "said", "The reported bomber was arrested")]),
        ("Lerer reported from Los Angeles.", []),
        ("The fee added to the uncertainty, officials said.",
         [("officials", "said", "The fee added to the uncertainty")]),
        # the cue's own words (rules.cue_extent, sources.went_on_to, rules.cue_right_end)
        ("Trump went on to say that the wall would be built.",
         [("Trump", "went on to say", "that the wall would be built")]),
        ("Fiorina has since said that she regrets it.", [("Fiorina", "has since said", "that she regrets it")]),
        ("Cruz was asked about the border on Monday.", [("", "was asked about", "the border on Monday")]),
        # contents around or after a source with nothing before it
        ("As The Hill reported, the cameras were switched off.",
         [("The Hill", "reported", "the cameras were switched off")]),
        ("He is leaning toward Kasich, he said, because he prizes electability.",
         [("he", "said", "He is leaning toward Kasich … because he prizes electability")]),
        ("Since May, according to Human Rights Watch, the police have detained 40 men.",
         [("Human Rights Watch", "according to", "Since May … the police have detained 40 men")]),
        # a cue coordinated with an earlier one shares its source, and the earlier content ends before "and"/"but"
        # (rules.coordinated_with)
        ("Moor praised the system and said the cameras were switched on in May.",
         [("Moor", "praised", "the system"), ("Moor", "said", "the cameras were switched on in May")]),
        ("Moor praised the system, but told the Agency that the cameras fail.",
         [("Moor", "praised", "the system"), ("Moor", "told", "that the cameras fail")]),
        # after a first verb phrase that is no cue, the subject opens the sentence (sources.coordinated_subject)
        ("Moor met the families, but told the Agency on Monday that the cameras work.",
         [("Moor", "told", "that the cameras work")]),
        # a passive cue with its agent (rules.passive_relations); "was asked by" stays a question
        ("The meeting was first reported by Politico.", [("Politico", "was first reported", "The meeting")]),
        # a noun of the lexicon after a possessor, before "that" (rules.noun_relations)
        ("Moor repeated the city's claim that the cameras work.",
         [("Moor", "repeated", "the city's claim that the cameras work"),
          ("the city's", "claim", "that the cameras work")]),
        ("He doubted her earlier statement that the cameras work.",
         [("He", "doubted", "her earlier statement that the cameras work"),
          ("her", "statement", "that the cameras work")]),
        # the poll a sentence opens with is the source of its figures, and the figures' "said" is nested in it
        ("In a Levada Center poll released Monday, 40 percent of Muscovites said the cameras made them safer.",
         [("40 percent of Muscovites", "said", "the cameras made them safer"),
          ("a Levada Center poll released Monday", "In",
           "40 percent of Muscovites said the cameras made them safer")]),
        # asides between a source and its cue (sources.aside_left, sources.apposition_left)
        ("Murphy — after a pause — told reporters the cameras work.", [("Murphy", "told", "the cameras work")]),
        ("The Journal, citing internal documents, reported that the cameras work.",
         [("The Journal", "reported", "that the cameras work")]),
        # a reporting verb's noun inside a subject, or before an auxiliary, is no cue
        ("An earlier report in a Moscow paper said that the cameras work.",
         [("An earlier report in a Moscow paper", "said", "that the cameras work")]),
        ("The transport report was published on Monday.", []),
        ("The mayor said that officials reminded men of their duty.",
         [("The mayor", "said", "that officials reminded men of their duty"),
          ("officials", "reminded", "men of their duty")]),
        ("Cameras find men called up for military service, the office said.",
         [("the office", "said", "Cameras find men called up for military service")]),
        # an abbreviation with periods keeps its sentence (abbreviations.txt 1.1)
        ("The F.B.I. has said the cameras work.", [("The F.B.I.", "has said", "the cameras work")]),
        # a contracted auxiliary after a pronoun is in the cue, as "has" is; an adverb in -ly before a full stop,
        # a comma or "that" too (rules.cue_extent, rules.cue_right_end); "early" is no adverb
        ("He’s said the cameras work.", [("He", "’s said", "the cameras work")]),
        ('"No," Moor said simply.', [("Moor", "said simply", "No,")]),
        ("The mayor said only that the cameras work.", [("The mayor", "said only", "that the cameras work")]),
        ("The agency reported early results.", [("The agency", "reported", "early results")]),
        # the progressive, "still" and "already" before the verb are in the cue; prepositional verbs keep their
        # preposition (reporting_verbs.csv 2.1: call on, respond to, comment on, warn of, ...)
        ("Moor is telling voters that the cameras work.", [("Moor", "is telling", "that the cameras work")]),
        ("Moor still believes the cameras work.", [("Moor", "still believes", "the cameras work")]),
        ("Moor called on the city to switch the cameras off.",
         [("Moor", "called on", "the city to switch the cameras off")]),
        ("Moor warned of more cameras.", [("Moor", "warned of", "more cameras")]),
        # a participle after a quotation's cue is that source's; a lower-case subject finds when it is a poll,
        # survey or report
        ('"It works," Moor said, adding that the station had cameras.',
         [("Moor", "said", "It works,"), ("Moor", "adding", "that the station had cameras")]),
        ("A new Levada survey found that most Muscovites back the cameras.",
         [("A new Levada survey", "found", "that most Muscovites back the cameras")]),
        ("City cameras find men who skip service.", []),
        ("The states, the cities and the Agency's support for the cameras grew.", []),
        # the content before a participle of the reporter ends at its comma; "that" is not looked for past it
        ("Weld praised her, adding that the cameras work.",
         [("Weld", "praised", "her"), ("Weld", "adding", "that the cameras work")]),
    ],
)
def test_constructions_of_this_round(text: str, expected) -> None:
    assert source_cue_content(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph that opens with its speaker and a colon (rules.speaker_line); what it reports is nested in it
        ("Q: How did the cameras find you?\n\nA: They said the station had them.",
         [("Q", ":", "How did the cameras find you?", -1), ("A", ":", "They said the station had them", -1),
          ("They", "said", "the station had them", 1)]),
        ("Moor: The cameras work.", [("Moor", ":", "The cameras work", -1)]),
        # labels and datelines are no speakers
        ("Published: April 18, 2023\n\nEditor's note: the cameras work.\n\nUPDATE: it works.", []),
        ("MOSCOW: Moscow uses cameras to find conscripts.\n\nMOORE: Do they work?",
         [("MOORE", ":", "Do they work?", -1)]),
    ],
)
def test_speaker_lines(text: str, expected) -> None:
    table = ww.attributions(text)
    assert list(zip(table.source, table.cue, table.content, table.parent)) == expected


def test_poll_relation_is_evidence_and_parent_of_its_figures() -> None:
    table = ww.attributions("In a Levada Center poll released Monday, 40 percent of Muscovites said the cameras "
                            "made them safer.")
    assert list(zip(table.cue_lemma, table.category, table.parent)) == [("say", "speech", 1),
                                                                       ("in (poll)", "evidence", -1)]


@pytest.mark.xfail(strict=True, reason="a pronoun subject after a time phrase, before a list of verb phrases, is "
                   "not found: the clause opening is read as the subject or as nothing")
def test_coordinated_cue_after_time_phrase() -> None:
    table = ww.attributions("A week later they closed the station and said the cameras work.")
    assert list(zip(table.source, table.cue)) == [("they", "said")]


def test_voice_tiles_paragraphs_and_feeds_tokens(seed_corpus) -> None:
    corpus = ww.load_corpus(seed_corpus)
    spans = ww.voice(corpus)
    paras = ww.paragraphs(corpus)
    assert spans.groupby("para_id").apply(lambda g: int((g.end - g.start).sum())).to_dict() == \
        dict(zip(paras.para_id, paras.end - paras.start))
    quoted = ww.tokens(corpus, voice="quoted", voice_spans=spans, drop_punct=True)
    assert "conscript" in set(quoted.norm) and "evaders" in set(quoted.norm)  # the headline is attributed to TASS
    reporter = ww.tokens(corpus, voice="reporter", voice_spans=spans, drop_punct=True)
    assert "putin" in set(reporter.norm) and "conscript" not in set(reporter.norm)
    assert isinstance(spans, pd.DataFrame)
