"""Attribution analysis: who is given voice, how, and through which chain of sources.

:func:`attributions` finds attribution relations (source, cue, content) with rules over NLTK
tokens (:data:`watchwords.text.TOKEN_PATTERN`) and lexicons written for the project
(``watchwords/data/en/reporting_verbs.csv``, ``en/role_nouns.csv``, ``sources.csv``); no parser and no
downloaded model. It follows the relation scheme of PARC (Pareti 2016) and PolNeAR (Newell,
Margolin & Ruths 2018): a *cue* (the reporting verb or phrase) links a *source* (who) to a
*content* (what), which may be split into several spans.

Rules, in the order they are applied within each paragraph:

1. **Direct quotes**: text between paired quotation marks (straight, curly, « », „ “; a quote
   still open at the end of a paragraph runs to its end). Its cue is the nearest reporting verb
   outside quotes in the same sentence (or, for a quote filling its sentence, the neighbouring
   sentence of the paragraph); the source is the phrase between the quote and the cue
   (``"...," Moscow's chief enlistment officer Maxim Loktev told TASS``), or after an inverted
   cue (``"...," said Loktev``), or before a colon (``Loktev said: "..."``). Two quotes around one
   cue (``"A," he said, "B."``) are one relation with two content spans.
2. **Indirect speech** with a reporting verb: the source is the noun phrase ending just before the
   verb (:func:`.sources.source_left`: names, role nouns, possessives, determiners, lower-case subjects,
   appositions and relative clauses; adverbs, negation, modals and time words between source and cue
   skipped), the subject of the clause a participle or a coordinated cue follows ("..., saying",
   "... but told"), or an inverted source (``..., said X``); the content is what follows (from "that",
   after the addressee of "told", which is kept apart: "Roe told the radio station the pipe had burst")
   up to a clause of the reporter's (:class:`.tokens.ClauseIndex`); when nothing follows, the attribution
   trails its content (``..., the state-owned news agency TASS reported``), and a parenthetical one
   (``X, he said, Y``) gets both spans. A cue coordinated with an earlier one ("X praised Garland and said
   ...") shares its source, and the earlier content ends before the conjunction. A belief, intention or
   evidence cue inside another relation's content is part of it (PARC and PolNeAR annotate the outer
   relation); a relation inside what "according to X", "X reported that" or a poll opening attributes is
   kept and nested in it (its ``parent``), so that its chain runs through the outer source.
3. **"according to X"** before, after or inside its content; **"citing X"** gives a relation nested in
   the preceding one (its ``parent``), sharing that relation's content ("citing legal risks" instead is
   what the preceding source cites: its content).
4. **Headline attribution**: a headline ending in `` - TASS`` or ``: TASS``, or opening with ``Loktev:``.
5. **Agentless attribution**: "it was reported", "is reported as saying", "was quoted as
   saying", "is expected to", "reportedly", "allegedly", questions whose asker is not named ("When asked
   about ...", "X was asked ..."): kind "no explicit source".
6. **Passive cues with their agent** ("The meeting was first reported by Politico"), **nouns of the verb
   lexicon** after a possessor and before "that" ("Trump's claim that ..."), and the **poll** a sentence
   opens with ("In a CNN/ORC poll released Sunday, 38 percent said ...": cue "In", category evidence).
7. **Speaker lines**: a paragraph that opens with a speaker and a colon ("TAPPER: ...", "Q: ...", "Rubio: I
   still believe ..."); what it reports is nested in it.

Every cue has a category from the lexicon (``category``: speech, belief, intention, evidence). Sources are
resolved per document (:class:`.sources.Entities`): pronouns agree in animacy, gender and number with the
source they refer to, a lone surname joins its full name, and an entity has one source type, from the
known-source lexicon first, then its role noun; otherwise "unclassified" (never guessed).

Kinds: ``direct`` (content wholly inside quotation marks), ``mixed`` (content partly quoted),
``indirect``, ``no explicit source``. Texts not in English (by the manifest's language, or a
text with almost no English function words) are skipped with a warning.

The package's modules, each one job: :mod:`.lexicon` (reporting verbs, role nouns, known sources),
:mod:`.tokens` (sentence tokens and the speed shortcuts), :mod:`.rules` (cues and the constructions),
:mod:`.sources` (source phrases and their types), :mod:`.chains` (chains and hops), :mod:`.tables`
(:func:`attributions`, :func:`voice`).
"""

from .chains import attribution_chains, attribution_hops
from .lexicon import known_sources, load_reporting_verbs, reporting_lexicon, reporting_verbs, role_nouns
from .tables import ATTRIBUTION_COLUMNS, attributions, russian_rows, voice
from .tokens import trim_span

__all__ = ["attributions", "attribution_chains", "attribution_hops", "voice", "reporting_verbs", "known_sources",
           "role_nouns", "load_reporting_verbs", "reporting_lexicon", "ATTRIBUTION_COLUMNS", "trim_span", "russian_rows"]
