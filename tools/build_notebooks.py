"""Build the teaching notebooks (notebooks/*.ipynb and notebooks/solutions/*.ipynb) from this script.

The notebooks are committed without outputs and generated here, so that their text, code and the figure-export
lines stay consistent: edit this file, then run `python tools/build_notebooks.py` and commit the notebooks.
Every plotting cell (`ax = ww.plot_...`) gets an `ww.export(...)` line automatically (see save()).
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
import nbformat as nbf
from nbformat.v4 import new_notebook, new_markdown_cell as md, new_code_cell as code

META = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"}}

import re as _re


def save(cells, path):
    prefix = path.rsplit("/", 1)[-1][:2]
    seen = {}
    if "/solutions/" not in path:
        for cell in cells:
            if cell.cell_type != "code" or "ww.export(" in cell.source:
                continue
            lines = cell.source.split("\n")
            for k, line in enumerate(lines):
                match = _re.match(r"ax = ww\.plot_(\w+)", line)
                if match:
                    name = match.group(1).replace("_", "-")
                    seen[name] = seen.get(name, 0) + 1
                    stem = f"{prefix}-{name}" + (f"-{seen[name]}" if seen[name] > 1 else "")
                    lines.insert(k + 1, f'ww.export(ax, "{stem}", out=EXPORT, corpus=corpus);')
                    cell.source = "\n".join(lines)
                    break
    nb = new_notebook(cells=cells, metadata=META)
    for i, c in enumerate(nb.cells):
        c["id"] = f"c{i:02d}"
    nbf.validate(nb)
    nbf.write(nb, path)

NAV01 = "[← 00 · Index](00-index.ipynb) · [Contents](00-index.ipynb)"

setup = code('import os\n\nimport watchwords as ww\n\n# CHANGE THIS to analyse another corpus folder (the report sets WATCHWORDS_CORPUS).\nCORPUS = os.environ.get("WATCHWORDS_CORPUS", "../corpus")\n# Figures are also saved there with their data (CSV) and provenance (JSON).\nEXPORT = os.environ.get("WATCHWORDS_EXPORT", "../reports/figures")')
setup.metadata["tags"] = ["parameters"]

index = [
md("""# 00 · Watchwords: how surveillance is framed in the news

On 18 April 2023 Reuters reported that the Russian state news agency TASS reported, citing Moscow's chief
enlistment officer Maxim Loktev, that the city's video-surveillance (facial-recognition) cameras are used to find
conscripts. Dozens of outlets re-told the story with other words, other sources and other frames. These notebooks
teach corpus-assisted discourse analysis on that story: they load the seed article and comparable reports into
pandas, count and compare words, follow who is quoted through which chain of sources, and measure how surveillance
is framed. Every number can be traced back to the sentence behind it (document id and character offsets).

The logic lives in the tested `watchwords` library; the notebooks import it, call it and explain the results."""),
md("""## The notebooks, in order

| # | Notebook | What it teaches | Status |
|---|---|---|---|
| 01 | [The corpus](01-corpus.ipynb) | the manifest and the text format; metadata, timeline and lengths; paragraph and sentence tables with exact offsets; how the seed's wire copy travelled | ready |
| 02 | [Term frequency](02-term-frequency.ipynb) | tokens and tokenizers, frequencies, reporter vs quoted words, keyness, concordances, collocates, dispersion | ready |
| 03 | [Attribution](03-attribution.ipynb) | who is given voice, how, through which chain of sources; stance of reporting verbs; source types; the reporter's voice; evaluation | ready |
| 04 | [Framing](04-framing.ipynb) | frames with a draft dictionary (negation, false friends, voice, position); passives, nominalisations, actor labels, hedges; validation against hand coding | draft |
| 05 | [Comparison](05-comparison.ipynb) | wire-copy reuse, alignment of retellings, quote variants, counting wire copy once, synthesis across outlet types | ready |

Each teaching notebook follows one arc: **learning objectives → a question from the seed → the method in words,
with its formula and citation → results with interpretation → exercises with self-checks → next steps**.
Exercise cells start as `answer = None`; the check cell below prints a hint until you answer, then tells you whether
you are right. Worked solutions are kept apart in `notebooks/solutions/`."""),
md("""## How to run them

* **Everything at once** (from the repository folder): `python -m watchwords report` executes every notebook top to
  bottom and writes `reports/index.html`. It needs no network.
* **One at a time**: `jupyter lab notebooks/00-index.ipynb` (or `jupyter notebook`), then *Run ▸ Run All Cells*.
* **Another corpus**: change `CORPUS` in the first code cell of a notebook, or set the environment variable
  `WATCHWORDS_CORPUS` before starting Jupyter.
* **More reports**: the repository ships the seed article only; the comparable reports are copyrighted, so you fetch
  your own copies with `python -m watchwords fetch` (needs internet) or add your own with `python -m watchwords add`."""),
setup,
md("What is on this machine now:"),
code('from watchwords.report import notebook_paths\n\ncorpus = ww.load_corpus(CORPUS)\nprint(ww.corpus_note(corpus))\nprint("Notebooks here:", ", ".join(p.name for p in notebook_paths(".")))'),
md("""## Next steps

Start with [01 · The corpus](01-corpus.ipynb). The repository's README explains setup, adding reports, licences
and how to cite."""),
]

nb01 = [
md(f"""# 01 · The corpus: one story, many retellings

{NAV01}

**In this notebook you will learn how to:**

1. load the corpus (a manifest of metadata plus plain-text files) into pandas and read its metadata;
2. say what each manifest column records, and why partial dates stay partial;
3. split documents into paragraphs and sentences whose character offsets lead back to the exact characters of the file;
4. describe how the seed's wire copy travelled, from the `source_agency` and `attributes_to` fields."""),
md("## 1. Setting things up\n\nThe first code cell is the only one you need to change."),
setup,
code("corpus = ww.load_corpus(CORPUS)      # documents whose text is present\nmanifest = ww.load_manifest(CORPUS)  # every document listed, fetched or not\nprint(ww.corpus_note(corpus))"),
md("""## 2. A question from the seed

The seed is The Jerusalem Post's copy of a Reuters report. Its headline ends in a dash and a name:

> Moscow uses facial recognition cameras to track down draft evaders **- TASS**

The Post republishes Reuters; Reuters reports what TASS reported; TASS cites Maxim Loktev. **Before counting a
single word: what do we know about who told this story, where and when, and what does our corpus of retellings
actually hold?**"""),
code('corpus.loc[corpus.doc_id == "a_jpost_reuters", ["doc_id", "outlet", "source_agency", "date", "byline", "headline"]]'),
md("""## 3. The method in words

**A corpus is a table.** Each document is one row of `corpus/manifest.csv`, the single source of metadata: outlet,
outlet type (a controlled vocabulary with decision rules, see `corpus/DATASHEET.md`), country, language, date,
URL, wire agency, whom the report credits, cluster, rights, path, and a SHA-256 checksum of the text. This is the
idea of a *datasheet for a dataset* (Gebru et al. 2021, "Datasheets for Datasets", *Communications of the ACM*
64(12)): record how the data came to be, so others can judge what it can show. Unknown facts are written
`unknown`; a partial date such as `2023-04` is kept partial (`date_precision` says how precise a date is), never
completed by guessing.

**Documents are plain text with labels** (`HEADLINE:`, `STANDFIRST:`, `BYLINE:`, `DATELINE:`, `CAPTION:`,
`CREDIT:`; unlabelled paragraphs are body text). Captions frame too, but they are kept apart so they are never
counted twice.

**Offsets.** Every paragraph and sentence is a span of the document text: for a row with `start` and `end`,
`text[start:end]` is exactly that sentence. Every table in Watchwords keeps `doc_id` and these offsets, so every
number can be traced to its sentences.

**Sentences** are found by NLTK's Punkt tokenizer (Kiss & Strunk 2006, "Unsupervised Multilingual Sentence
Boundary Detection", *Computational Linguistics* 32(4)), run with the project's own word lists instead of a
downloaded model. For a word *w* followed by a period and the next word *v*:

$$\\text{boundary}(w.\\,v) \\iff \\neg\\,\\text{abbrev}(w)\\;\\lor\\;\\text{starter}(v)$$

where *abbrev* is the list in `watchwords/data/abbreviations.txt` (plus single letters, for initials) and
*starter* the list in `watchwords/data/sentence_starters.txt`. So "Gen. Ivanov" stays together, while "in the U.S.
The talks" splits before "The"."""),
md("## 4. Results\n\n### 4.1 What the corpus holds"),
code('manifest[["doc_id", "outlet", "outlet_type", "country", "language", "date", "cluster", "status"]].head(10)'),
code('manifest.groupby(["cluster", "status"], observed=True).size().unstack(fill_value=0)'),
md("""Three clusters: **A** is the April 2023 Loktev/TASS story itself, **B** detentions of draftees in the Moscow metro
(2022–2025), **C** other facial-recognition surveillance in Moscow (2019–2024). The repository ships only the seed's
text (`present`); the others are `to fetch` until you fetch your own copies."""),
code("ax = ww.plot_composition(manifest, by=\"outlet_type\", hue=\"cluster\")"),
md("""Mainstream media with a newsroom are the largest group, but aggregators (reposts, rewrites, content farms) come
second: much of the story's spread is re-publication, which the comparison notebook measures. The outlet types were
reviewed from a first-pass coding; `x_outlet_type_v0` keeps the first pass and the datasheet explains each change."""),
code("manifest.language.value_counts()"),
md("""The story travelled across many languages. The word-level methods in these notebooks use English resources
(stopwords, reporting verbs, frame dictionaries), so non-English texts are listed and counted as documents but
are not analysed word by word: a known limit, stated rather than hidden.

### 4.2 When the retellings appeared"""),
code("ax = ww.plot_timeline(manifest, by=\"cluster\")\nmanifest.date_precision.value_counts()"),
md("""Only documents with a complete date can be placed on the time axis; the title counts those left out. In the
manifest as shipped, 14 of the 16 dated cluster-A documents appeared on 18 April 2023, the day of the TASS report:
the speed of wire-driven news.

### 4.3 How long the documents are, part by part"""),
code("lengths = ww.document_lengths(corpus)\nlengths"),
md("""Words here are letter or digit runs joined by hyphens or apostrophes (so *state-owned* and *Moscow's* are one
word). The seed's captions are long: two photo captions about Russian reservists frame the story visually, yet
they are separate rows, so a word count of the body never includes them.

### 4.4 Paragraphs and sentences, traced back to the characters"""),
code('sents = ww.sentences(corpus)\nsents[sents.doc_id == "a_jpost_reuters"][["para_id", "sent_id", "part", "start", "end", "text"]]'),
code('row = sents[sents.text.str.contains("video surveillance systems")].iloc[0]\ntext = corpus.set_index("doc_id").loc[row.doc_id, "text"]\nprint(f"{row.doc_id}, sentence {row.sent_id}, characters {row.start}-{row.end}:")\nprint(text[row.start:row.end])'),
md("""The quoted sentence is the official wording: *"To determine the place of residence of the conscript, video
surveillance systems in the city of Moscow are being used"*. The headline says *facial recognition cameras* and
*track down draft evaders*. The difference between the source's words and the retelling's is what the later
notebooks measure.

### 4.5 How the wire copy travelled"""),
code('manifest.loc[manifest.source_agency != "", ["doc_id", "outlet", "outlet_type", "source_agency", "attributes_to"]]'),
code('sources = ww.attributed_sources(manifest)\nsources[sources.doc_id == "a_jpost_reuters"][["position", "source", "remark"]]'),
code('sources.source.value_counts().head(12)'),
md("""Read in order, the seed's credits give the chain **The Jerusalem Post → Reuters → TASS → Maxim Loktev**, with the
2017 figure on cameras credited to Moscow's Department of Information Technologies. Across the manifest TASS is the
most credited source. Note the spellings: *Maxim Loktev*, *Col. Maxim Loktev*, *Maxim Loktew* and *Maksim Loktev* are
the same man, so counting sources needs canonical names (the attribution notebook).

## 5. Exercises

❓ **Exercise 01.1.** How many documents in the manifest credit TASS (exactly the string `TASS`) in `attributes_to`?"""),
code("answer_1 = None  # replace None with your code"),
code('ww.check("01.1", answer_1, corpus=corpus, manifest=manifest)'),
md("❓ **Exercise 01.2.** Which sentence of the seed holds Loktev's direct quote? Answer with a tuple `(doc_id, sent_id)`."),
code("answer_2 = None  # replace None with your code"),
code('ww.check("01.2", answer_2, corpus=corpus, manifest=manifest)'),
md("❓ **Exercise 01.3.** How many cluster-A documents have a complete date (precision `day`)? Why might the others lack one?"),
code("answer_3 = None  # replace None with your code"),
code('ww.check("01.3", answer_3, corpus=corpus, manifest=manifest)'),
md("Worked solutions: `notebooks/solutions/01-corpus-solutions.ipynb`."),
md(f"""## 6. What this cannot show, and next steps

* The manifest comes from a search of stored web pages, not from a sample of all coverage: counts of documents by
  outlet type describe this collection, not the media landscape, and say nothing about audience reach.
* Metadata are as good as their coding: review `outlet_type` against the decision rules before comparing groups.
* With only the seed present, text results describe one article; fetch the comparable reports
  (`python -m watchwords fetch`) or add your own (`python -m watchwords add`) and run this notebook again.

**Next:** [02 · Term frequency](02-term-frequency.ipynb). **Further reading:** Gebru et al. (2021) on datasheets;
Kiss & Strunk (2006) on Punkt; Baker et al. (2008), "A useful methodological synergy? Combining critical discourse
analysis and corpus linguistics", *Discourse & Society* 19(3).

{NAV01}"""),
]

sol_setup = code('import os\n\nimport watchwords as ww\n\nCORPUS = os.environ.get("WATCHWORDS_CORPUS", "../../corpus")')
sol_setup.metadata["tags"] = ["parameters"]
sol01 = [
md("# Solutions · 01 · The corpus\n\nWorked answers to the exercises of [01-corpus](../01-corpus.ipynb). Try them yourself first."),
sol_setup,
code('corpus = ww.load_corpus(CORPUS)\nmanifest = ww.load_manifest(CORPUS)'),
md("**01.1** Count distinct documents whose credited sources include exactly `TASS`."),
code('sources = ww.attributed_sources(manifest)\nanswer_1 = sources.loc[sources.source == "TASS", "doc_id"].nunique()\nww.check("01.1", answer_1, corpus=corpus, manifest=manifest)'),
md("**01.2** Find the sentence by a phrase from the quote, then read its key."),
code('sents = ww.sentences(corpus)\nrow = sents[sents.text.str.contains("To determine the place")].iloc[0]\nanswer_2 = (row.doc_id, int(row.sent_id))\nww.check("01.2", answer_2, corpus=corpus, manifest=manifest)'),
md("**01.3** Combine two conditions; the others have a month only or no date the search could read."),
code('answer_3 = int(((manifest.cluster == "A") & (manifest.date_precision == "day")).sum())\nww.check("01.3", answer_3, corpus=corpus, manifest=manifest)'),
]

save(index, ROOT + "/notebooks/00-index.ipynb")
save(nb01, ROOT + "/notebooks/01-corpus.ipynb")
save(sol01, ROOT + "/notebooks/solutions/01-corpus-solutions.ipynb")
print("ok")

NAV02 = "[← 01 · The corpus](01-corpus.ipynb) · [Contents](00-index.ipynb)"
nb02 = [
md(f"""# 02 · Term frequency: which words carry the story, and whose words are they?

{NAV02}

**In this notebook you will learn how to:**

1. turn texts into tokens with offsets, and say why the token definition matters (NLTK tokenizers compared);
2. build frequency lists with rates per 10,000 tokens, document frequency and range, by group and for n-grams;
3. separate the reporter's words from quoted words;
4. find key words with log-likelihood (G²) and Log Ratio, against other documents or a reference list;
5. read concordances, collocates and dispersion plots, and know what each can and cannot show."""),
md("## 1. Setting things up"),
setup,
code("import pandas as pd\n\ncorpus = ww.load_corpus(CORPUS)\nseed = corpus[corpus.doc_id == \"a_jpost_reuters\"]\nprint(ww.corpus_note(corpus))"),
md("""## 2. A question from the seed

The headline says Moscow uses **facial recognition cameras** to **track down draft evaders**. The only words the
seed quotes from the official, Maxim Loktev, say something else: *"To determine the place of residence of the
**conscript**, **video surveillance systems** in the city of Moscow are being used."* **Which words carry the story,
and are they the source's words or the reporter's?**"""),
md("""## 3. The method in words

**Tokens.** A token is a run of characters the tokenizer treats as a word or a punctuation mark. Watchwords uses
NLTK's `RegexpTokenizer` with a documented pattern (`watchwords.text.TOKEN_PATTERN`): *3,000*, *18-27*, *U.S.* and
*state-owned* stay whole; *Moscow's* becomes *Moscow* + *'s*; quotation marks and dashes are tokens of their own.
Every token keeps its character offsets, so each count leads back to its sentences.

**Frequency.** For a term *t* in a group with *T* tokens and *D* documents: count *f*, rate per 10,000 tokens
$10\\,000 \\cdot f / T$, document frequency *df* (AntConc's "Range") and range $df / D$.

**Keyness** compares a target with a reference (Dunning 1993; Rayson & Garside 2000). With *a*, *b* the term's
counts and *c*, *d* the sizes of target and reference, the log-likelihood over the 2×2 table (AntConc's 4-term
form) is

$$G^2 = 2\\sum_{{ij}} O_{{ij}} \\ln \\frac{{O_{{ij}}}}{{E_{{ij}}}}, \\qquad \\begin{{pmatrix}} a & b \\\\ c-a & d-b \\end{{pmatrix}}$$

signed + when the target uses the term more. G² measures *evidence* (3.84 ≈ p < .05), not size; the effect size is
**Log Ratio** (Hardie 2014): $\\log_2\\frac{{a/c}}{{b/d}}$, where each +1 doubles the relative frequency (a zero count
is replaced by 0.5).

**Collocates** are words near a node word (±5 words, inside the sentence). With *O* co-occurrences, node frequency
*R*, collocate frequency *C*, window total *W* and corpus size *N*: $E = W C / N$, MI $= \\log_2(O/E)$ (Church &
Hanks 1990), logDice $= 14 + \\log_2\\frac{{2O}}{{R + C}}$ (Rychlý 2008).

**Dispersion**: Gries' DP $= \\tfrac12 \\sum_i |v_i - s_i|$ over documents, with $s_i$ the share of tokens in
document *i* and $v_i$ the share of the term's occurrences there (Gries 2008); 0 = even, 1 = concentrated."""),
md("## 4. Results\n\n### 4.1 Tokens: why the default was chosen"),
code('ww.compare_tokenizers("In 2017, Moscow’s \\"state-owned\\" cameras — 3,000 of them — watched men aged 18-27. They don\'t hide.")'),
md("""NLTK's Treebank-style tokenizers rewrite straight quotes as `` and '', so their tokens are no longer the
characters of the text and offsets break; `WordPunctTokenizer` cuts *3,000*, *18-27* and *state-owned* apart; a
whitespace split glues punctuation to words (*2017,*). The Watchwords pattern keeps numbers, ranges and hyphenated
words whole, splits the possessive like the Treebank convention, and never changes a character.

### 4.2 Which words carry the story"""),
code('tokens = ww.tokens(seed)\ntokens[["sent_id", "part", "token", "norm", "start", "end", "voice"]].head(12)'),
code('freq = ww.frequencies(seed, stopwords="english")\nfreq.head(15)'),
code('story_words = ["cameras", "facial", "recognition", "surveillance", "track", "evaders", "conscript", "service"]\nfreq.set_index("term").reindex(story_words)[["count", "per_10k"]]'),
md("""*Moscow*, *service* and *military* lead; *cameras* and *facial recognition* occur three times each, *conscript*
once. Counted as phrases, the story's terms become visible as units:"""),
code('ww.frequencies(seed, multiword=True, stopwords="english").head(12)'),
md("### 4.3 The reporter's words and the source's words"),
code('by_voice = pd.concat({\n    "reporter": ww.frequencies(seed, voice="reporter").set_index("term")["count"],\n    "quoted": ww.frequencies(seed, voice="quoted").set_index("term")["count"],\n}, axis=1).fillna(0).astype(int)\nby_voice.reindex(story_words).fillna(0).astype(int)'),
md("""The quote is the only place where *conscript* and *video surveillance* appear; *facial recognition cameras*,
*track down* and *evaders* are the reporter's words (and the headline's). The framing of the story as a hunt
for evaders is Reuters', not Loktev's. (Quoted speech here means text inside quotation marks; the attribution
notebook will add indirect speech.)

### 4.4 How wording differs between outlet types"""),
code('by_type = ww.frequencies(corpus, by="outlet_type", stopwords="english", min_count=2)\nby_type.groupby("outlet_type", observed=True).head(5)'),
md("""With only the seed present there is one outlet type, so this table cannot compare anything yet; with the
comparable reports fetched, it shows each type's most frequent words and their rates per 10,000 tokens, which
are comparable across groups of different size.

### 4.5 Key words"""),
code('if corpus.doc_id.nunique() > 1:\n    key_vs_rest = ww.keyness(corpus, target=["a_jpost_reuters"], min_docs=1, stopwords="english")\nelse:\n    key_vs_rest = None\n    print("Only the seed is present: there is no rest of the corpus to compare it with.")\nkey_vs_rest.head(10) if key_vs_rest is not None else None'),
code('key_vs_english = ww.keyness(seed, target=["a_jpost_reuters"], reference="english", min_docs=1,\n                             stopwords="english", drop_numbers=True)\nkey_vs_english[["term", "n_target", "n_reference", "g2", "log_ratio", "docs_target"]].head(12)'),
code('ax = ww.plot_keyness(key_vs_english, n=10)'),
md("""Against general English (a reference list of 20,000 words derived from wordfreq, expected counts per 10⁹
tokens), the seed's key words are its topic words: *enlistment*, *TASS*, *evaders*, *Moscow*, *facial*, *cameras*.
Words the list lacks (*TASS*, *evaders*) get a count of 0 there, so their Log Ratio rests on the 0.5 replacement
and is not meaningful: read G² for evidence and Log Ratio only where both counts are real. No negative key words
appear: in a 259-token article any word that occurs at all is more frequent than in general English, except the
most common function words, which the stopword list removed. Negative keywords need a larger target, such as a
whole outlet type once the comparable reports are fetched.

### 4.6 What a concordance shows that counts hide"""),
code('ww.kwic_html(ww.kwic(corpus, "camera*", window=6))'),
code('ww.kwic_html(ww.kwic(corpus, "surveillance", window=6))'),
md("""The counts said *cameras* three times; the concordance says how: *facial recognition cameras* twice in the
reporter's voice, *surveillance cameras* in the 2017 background figure, and, inside the quote, *video surveillance
systems*. The same objects are named three ways, and the naming tracks who is speaking.

### 4.7 Collocates"""),
code('cams = ww.collocates(corpus, "cameras", 5, min_freq=1, stopwords="english")\nprint(cams.attrs["cpn"])\ncams.head(10)'),
code('ax = ww.plot_collocation_network(pd.concat([cams, ww.collocates(corpus, "military", 5, min_freq=1, stopwords="english")]), n=8)'),
md("""On one article every co-occurrence is rare, so MI rewards single co-occurrences (MI's known low-frequency
bias); logDice is steadier. Report the parameters (the CPN string above, after Brezina et al. 2015) and require a
minimum co-occurrence frequency (the default `min_freq=3`) once more reports are present.

### 4.8 Dispersion"""),
code('ax = ww.plot_dispersion(ww.tokens(corpus, drop_punct=True), ["cameras", "surveillance", "moscow", "service"])'),
code('ww.dispersion(corpus, ["cameras", "surveillance", "moscow", "service"])'),
md("""The plot shows where in each document the words fall: *cameras* in the headline and the first paragraph, then
once more in the background paragraph. DP needs at least two documents; with the seed alone it is undefined
(NaN), which the table says rather than inventing a value.

## 5. Exercises

❓ **Exercise 02.1.** How many times does *cameras* occur in the seed (headline, standfirst and body)?"""),
code("answer_1 = None  # replace None with your code"),
code('ww.check("02.1", answer_1, corpus=corpus)'),
md("❓ **Exercise 02.2.** Which word most often follows *facial recognition* in the seed (its R1)?"),
code("answer_2 = None  # replace None with your code"),
code('ww.check("02.2", answer_2, corpus=corpus)'),
md("❓ **Exercise 02.3.** Which of *conscript*, *cameras*, *evaders* occurs only in quoted speech in the seed?"),
code("answer_3 = None  # replace None with your code"),
code('ww.check("02.3", answer_3, corpus=corpus)'),
md("Worked solutions: `notebooks/solutions/02-term-frequency-solutions.ipynb`."),
md(f"""## 6. What this cannot show, and next steps

* Counts treat every token as independent; words are bursty, so G² overstates evidence in small corpora
  (Kilgarriff 2005). Require a term in several documents (`min_docs`) before calling it key.
* Frequency says nothing about stance: *cameras* in "cameras found him" and "no cameras were used" count alike.
  Always read the concordance.
* Quotation marks are only the start of attribution: indirect speech ("TASS reported that ...") is reporter's voice
  here until the attribution notebook labels it.

**Next:** [03 · Attribution](03-attribution.ipynb): who is given voice, how, and through which chain of sources.
**Further reading:** Baker (2006), *Using Corpora in Discourse Analysis*; Gabrielatos (2018) on keyness;
Brezina (2018), *Statistics in Corpus Linguistics*.

{NAV02}"""),
]

sol02 = [
md("# Solutions · 02 · Term frequency\n\nWorked answers to the exercises of [02-term-frequency](../02-term-frequency.ipynb)."),
sol_setup,
code('corpus = ww.load_corpus(CORPUS)\nseed = corpus[corpus.doc_id == "a_jpost_reuters"]'),
md("**02.1** Look the term up in the frequency list."),
code('answer_1 = int(ww.frequencies(seed).set_index("term").loc["cameras", "count"])\nww.check("02.1", answer_1, corpus=corpus)'),
md("**02.2** The R1 column of the concordance holds the word to the right of the node."),
code('answer_2 = ww.kwic(seed, "facial recognition").R1.value_counts().index[0]\nww.check("02.2", answer_2, corpus=corpus)'),
md("**02.3** Compare the vocabularies of the two voices."),
code('quoted = set(ww.frequencies(seed, voice="quoted").term)\nreporter = set(ww.frequencies(seed, voice="reporter").term)\nanswer_3 = [w for w in ["conscript", "cameras", "evaders"] if w in quoted and w not in reporter][0]\nww.check("02.3", answer_3, corpus=corpus)'),
]
save(nb02, ROOT + "/notebooks/02-term-frequency.ipynb")
save(sol02, ROOT + "/notebooks/solutions/02-term-frequency-solutions.ipynb")
print("ok02")

NAV03 = "[← 02 · Term frequency](02-term-frequency.ipynb) · [Contents](00-index.ipynb)"
nb03 = [
md(f"""# 03 · Attribution: who is given voice, how, and through which chain of sources

{NAV03}

**In this notebook you will learn how to:**

1. extract attribution relations (source, cue, content) and tell direct, mixed and indirect speech apart;
2. read reporting verbs for their stance (neutral *said*, distancing *claimed*, endorsing *confirmed*);
3. type sources (official, state media, wire agency, rights group, ...) and compare them across outlet types;
4. follow the chain of sources from the outlet to the origin of a claim, and count its hops;
5. measure how much of a report is the reporter's voice, and judge the extractor by its evaluation."""),
md("## 1. Setting things up"),
setup,
code('import pandas as pd\n\ncorpus = ww.load_corpus(CORPUS)\nprint(ww.corpus_note(corpus))'),
md("""## 2. A question from the seed

The seed is a story told through layers of sources. The Jerusalem Post republishes Reuters; Reuters reports that
*"the state-owned news agency TASS reported on Tuesday, citing the city's chief enlistment officer"*; and one
sentence quotes the officer, Maxim Loktev, directly. **Who actually speaks in this article, in whose words, and how
far have the words travelled from their origin?**"""),
md("""## 3. The method in words

An **attribution relation** links a *source* (who), a *cue* (the reporting verb or phrase) and a *content* (what
is attributed), as annotated in PARC 3.0 (Pareti 2016) and PolNeAR (Newell, Margolin & Ruths 2018). Watchwords
finds relations with written rules over NLTK tokens and project lexicons, no parser and no downloaded model
(rules and lexicons: `watchwords/attribution.py`, `watchwords/data/reporting_verbs.csv`, `sources.csv`,
`role_nouns.csv`; annotation guidelines: `docs/attribution_guidelines.md`):

* **direct**: the content is inside quotation marks; the nearest reporting verb outside the quote is the cue;
* **indirect**: a reporting verb with a source phrase before it and a reported clause after it, or trailing its
  content (*..., TASS reported*); *according to X*; *citing X* nests a relation in the previous one;
* **mixed**: indirect speech with a quoted fragment; **no explicit source**: *it was reported*, *reportedly*.

Each cue's **stance** is a prior from the literature (Thompson & Ye 1991; Caldas-Coulthard 1994): *neutral*
(say, tell, report), *endorsing* (confirm, acknowledge: the reporter presents the content as true), *distancing*
(claim, allege), *oppositional* (deny), *tentative* (suggest), *directive* (urge, warn).

The **chain** is a directed graph *citing → cited*: outlet → wire service (from the manifest), reporter → source,
source → nested source (*citing*), addressee → speaker (*told TASS*). The **hops** of a claim are the edges on the
path from the outlet to its source. The **reporter's voice** is every character of the paragraphs outside
attributed content; its share is $\\sum(\\text{{reporter spans}}) / \\sum(\\text{{paragraph spans}})$.

The extractor is scored by precision $P$, recall $R$ and $F_1 = 2PR/(P+R)$ per part, with relations aligned by
overlapping cues, *exact* span matches and *lenient* ones (token Jaccard ≥ 0.5)."""),
md("## 4. Results\n\n### 4.1 Who speaks in the seed"),
code('relations = ww.attributions(corpus)\nrelations[["doc_id", "sent_id", "kind", "source", "cue", "content", "source_canonical", "source_type", "parent"]]'),
md("""Five relations. The headline's dash attributes the whole headline to TASS; the lead sentence attributes the
core claim to TASS, which in turn cites *the city's chief enlistment officer* (a nested relation, resolved to Maxim
Loktev because the report names him later); one sentence quotes Loktev directly; the 2017 camera figure comes from
Moscow's Department of Information Technologies. The reporter's own sentences (Putin's law, the measures, the
pool of conscripts) attribute nothing.

### 4.2 Direct and indirect speech, reporting verbs and their stance"""),
code('relations.kind.value_counts()'),
code('relations.groupby(["cue_lemma", "stance"]).size().rename("relations").reset_index()'),
md("""Every verb here is neutral: Reuters reports, it does not evaluate (no *claimed*, no *admitted*). Distance is
made in another way, by layering sources: the claim is TASS's, not Reuters'. Only one relation is a direct quote,
and it is the only place where the official's own words (*conscript*, *video surveillance systems*) appear.

### 4.3 Source types by outlet type"""),
code('by_type = relations.merge(corpus[["doc_id", "outlet_type"]], on="doc_id")\npd.crosstab(by_type.outlet_type, by_type.source_type)'),
md("""With only the seed present this is one row: officials and state media are the only voices; no rights group,
expert or affected person is quoted. With the comparable reports fetched, the same table compares whom each kind
of outlet lets speak.

### 4.4 The chain of sources"""),
code('chains = ww.attribution_chains(corpus, relations)\nchains'),
code('ax = ww.plot_attribution_chains(chains[chains.doc_id == "a_jpost_reuters"])'),
code('ww.attribution_hops(corpus, relations)'),
md("""The chain **The Jerusalem Post → Reuters → TASS → Maxim Loktev** comes out of the text and the manifest: Loktev's
words reach the reader three hops from their origin, each hop a chance to reword them (the comparison notebook
measures how). The 2017 figure is two hops away.

### 4.5 The reporter's voice and the sources' voice"""),
code('spans = ww.voice(corpus, relations)\nlengths = spans.assign(chars=spans.end - spans.start).groupby(["doc_id", "voice"]).chars.sum().unstack(fill_value=0)\nlengths.assign(quoted_share=(lengths.quoted / lengths.sum(axis=1)).round(2))'),
code('by_voice = pd.concat({\n    "reporter": ww.frequencies(corpus, voice="reporter", voice_spans=spans, stopwords="english").set_index("term")["count"],\n    "attributed": ww.frequencies(corpus, voice="quoted", voice_spans=spans, stopwords="english").set_index("term")["count"],\n}, axis=1).fillna(0).astype(int)\nby_voice.reindex(["cameras", "facial", "surveillance", "evaders", "conscript", "putin", "law", "service"]).fillna(0).astype(int)'),
md("""About a fifth of the seed's characters are attributed content; the rest is the reporter's voice. Compared with
notebook 02, where only quotation marks counted, the headline and the lead's claim now count as attributed (to
TASS): *facial recognition cameras* and *track down* are words Reuters attributes to TASS, while the background
(Putin's law, compulsory service) is Reuters' own voice.

### 4.6 How good is the extractor?"""),
code('from watchwords.evaluation import read_gold_json, relations_from_frame, score\n\ngold_file = os.path.join(CORPUS, "gold", "attribution", "a_jpost_reuters.json")\nif os.path.exists(gold_file) and "a_jpost_reuters" in set(corpus.doc_id):\n    doc_id, gold = read_gold_json(gold_file)\n    seed = corpus[corpus.doc_id == doc_id]\n    result = score([(seed.text.iloc[0], gold, relations_from_frame(ww.attributions(seed)))])\n    scores = pd.DataFrame({(part, mode): result[part][mode] for part in ("cue", "source", "content", "relation") for mode in result[part]}).T[["precision", "recall", "f1"]]\nelse:\n    scores = None\n    print("This corpus folder has no gold annotation of the seed (gold/attribution/a_jpost_reuters.json).")\nscores'),
md("""On the seed, every relation of the hand annotation (guidelines in `docs/attribution_guidelines.md`) is found
exactly. One article proves little, so the extractor was also measured on the development split of PolNeAR (84 US
political news articles, 2016; Newell et al. 2018), which cannot be shipped. Command and figures (speech subset,
relations aligned by cue):

`python -m watchwords evaluate-attribution --polnear ../shared/eval/polnear-dev`

| part | mode | precision | recall | F1 |
|---|---|---|---|---|
| cue | exact | 0.898 | 0.802 | **0.847** |
| cue | lenient | 0.943 | 0.842 | 0.889 |
| source | exact | 0.857 | 0.693 | **0.766** |
| source | head | 0.894 | 0.723 | 0.799 |
| content | exact | 0.604 | 0.539 | 0.570 |
| content | lenient | 0.824 | 0.736 | **0.778** |
| relation | lenient | 0.711 | 0.635 | 0.671 |
| direct quotes: content | lenient | | | **0.914** |

Cues and sources are found reliably; content boundaries of indirect speech are the hard part (as for trained
systems: Citron reports 59 exact content F1 on PARC 3.0). Treat every extracted relation as a candidate and read
its sentence: the `sent_id` and offsets point to it.

## 5. Exercises

❓ **Exercise 03.1.** How many hops separate The Jerusalem Post from Maxim Loktev in the seed?"""),
code("answer_1 = None  # replace None with your code"),
code('ww.check("03.1", answer_1, corpus=corpus)'),
md("❓ **Exercise 03.2.** Which source type does the extractor give TASS? Is that coding defensible, given that TASS is also a news agency?"),
code("answer_2 = None  # replace None with your code"),
code('ww.check("03.2", answer_2, corpus=corpus)'),
md("❓ **Exercise 03.3.** What share of the seed's paragraph characters is attributed content (round to 2 decimals)?"),
code("answer_3 = None  # replace None with your code"),
code('ww.check("03.3", answer_3, corpus=corpus)'),
md("Worked solutions: `notebooks/solutions/03-attribution-solutions.ipynb`."),
md(f"""## 6. What this cannot show, and next steps

* Rules find attribution by form; they miss attributions without a reporting verb (*Loktev's statement that ...*)
  and can mistake a subject for a source. The PolNeAR scores above say how often.
* A source's type comes from a lexicon and role nouns: an unknown name stays *unclassified*; the coding of TASS as
  *state media* rather than *wire agency* is a decision (ownership over function), stated in the lexicon.
* Chains show how words travelled as the text says; they cannot show what a journalist did not say (e.g. that
  Reuters could not verify the claim).

**Next:** [04 · Framing](04-framing.ipynb). **Further reading:** Bell (1991), *The Language of News Media*;
Caldas-Coulthard (1994), "On reporting reporting"; Pareti (2016) on PARC 3.0; Newell, Margolin & Ruths (2018) on
PolNeAR.

{NAV03}"""),
]
sol03 = [
md("# Solutions · 03 · Attribution\n\nWorked answers to the exercises of [03-attribution](../03-attribution.ipynb)."),
sol_setup,
code('corpus = ww.load_corpus(CORPUS)\nseed = corpus[corpus.doc_id == "a_jpost_reuters"]'),
md("**03.1** Read the hops of the relation whose source is Loktev."),
code('hops = ww.attribution_hops(seed)\nanswer_1 = int(hops.loc[hops.source_canonical == "Maxim Loktev", "hops"].min())\nww.check("03.1", answer_1, corpus=corpus)'),
md("**03.2** TASS is typed *state media* (ownership beats function: it is also a wire agency)."),
code('relations = ww.attributions(seed)\nanswer_2 = relations.loc[relations.source_canonical == "TASS", "source_type"].iloc[0]\nww.check("03.2", answer_2, corpus=corpus)'),
md("**03.3** Sum the span lengths by voice."),
code('spans = ww.voice(seed)\nlength = spans.end - spans.start\nanswer_3 = round(float(length[spans.voice == "quoted"].sum() / length.sum()), 2)\nww.check("03.3", answer_3, corpus=corpus)'),
]
save(nb03, ROOT + "/notebooks/03-attribution.ipynb")
save(sol03, ROOT + "/notebooks/solutions/03-attribution-solutions.ipynb")
print("ok03")

NAV04 = "[← 03 · Attribution](03-attribution.ipynb) · [Contents](00-index.ipynb)"
nb04 = [
md(f"""# 04 · Framing: how is surveillance framed, and can a dictionary tell?

{NAV04}

**In this notebook you will learn how to:**

1. define frames as evaluative perspectives and code them with a codebook (security, privacy, technology,
   authoritarian control, legality, civic duty, human cost, error);
2. measure frames with a dictionary that handles negation, false friends and the speaker's voice, and say where
   in the article a frame appears;
3. find critical-discourse features: agentless passives, nominalisations, the labels given to the men sought, hedges;
4. validate a dictionary against hand coding (precision, recall, Krippendorff's α) before trusting its counts.

*Status: the frame dictionary is a draft (version 0.1), validated on a small held-out set only; read its counts
as candidates.*"""),
md("## 1. Setting things up"),
setup,
code('import pandas as pd\n\ncorpus = ww.load_corpus(CORPUS)\nseed = corpus[corpus.doc_id == "a_jpost_reuters"]\nprint(ww.corpus_note(corpus))'),
md("""## 2. A question from the seed

The official's words and the headline describe the same practice:

> *"To determine the place of residence of the **conscript**, video surveillance systems in the city of Moscow
> **are being used**,"* Moscow's chief enlistment officer Maxim Loktev told TASS.

> Moscow **uses** facial recognition cameras to **track down draft evaders** - TASS

The first is an agentless passive about an administrative purpose and a *conscript*; the second is an active
sentence in which a city hunts *evaders*. **Which frame does each wording make salient, and how would we measure
that across dozens of retellings?**"""),
md("""## 3. The method in words

**Frames.** To frame is to "select some aspects of a perceived reality and make them more salient" so as to
promote a problem definition, a causal interpretation, a moral evaluation or a remedy (Entman 1993, *Journal of
Communication* 43(4)). The codebook (`docs/frame_codebook.md`) defines eight frames with decision rules, examples
and counter-examples; a ninth, *normalisation*, is a configuration (planned).

**Dictionary.** Each frame has indicator words and phrases (`watchwords/data/frames_en.csv`). A match counts
unless a negator (*no, not, never, without*) stands within six words before it in the same clause, or it is part of
a false friend (*security camera* is a device, not the security frame). Each match records its voice (reporter or
quoted) and part (headline, standfirst, lede = first body paragraph, body, caption). Dictionaries are only trusted
when validated against human coding (Grimmer & Stewart 2013, *Political Analysis* 21(3); van Atteveldt et al.
2021, *Communication Methods and Measures* 15(2)).

**Profile.** For frame *f* in a group: share $=$ units with *f* / units; rate $= 1000 \\cdot \\sum w / T$ with
weights *w* of the matches and *T* tokens. Differences between groups get percentile bootstrap intervals from
resampling whole documents (Efron & Tibshirani 1993).

**Agency.** A passive *be/get* + participle without *by* deletes the actor (Fowler 1991; Biber 1988 features
17–18); nominalisations (*detention, surveillance*) hide who acts (Fairclough 2003); labels for the men sought
follow van Leeuwen's (2008) categories: *functionalisation* (conscripts, evaders), *classification* (men aged
18–27), *individualisation* (a 19-year-old), *aggregation* (thousands of men).

**Agreement.** Precision $= TP/(TP+FP)$, recall $= TP/(TP+FN)$; Krippendorff's
$\\alpha = 1 - D_o/D_e$ (observed over expected disagreement; Krippendorff 2004) between dictionary and coder."""),
md("## 4. Results\n\n### 4.1 The official's wording and the headline's"),
code('ww.passives(seed)[["sent_id", "kind", "auxiliary", "participle", "agent", "surveillance_verb"]]'),
code('ww.actor_labels(seed)[["para_id", "group", "label", "match", "category", "stance"]]'),
md("""Four agentless passives: *to be delivered*, *are being used*, *had been connected*, *can be encouraged*: in
each the actor who delivers, uses, connects or encourages is not named. The quote's *are being used* keeps the
state out of the clause; the headline makes *Moscow* the grammatical subject of *uses*. The men are *draft evaders*
(functionalised by a deviant act) in the headline and the report's own voice, *the conscript* (a neutral,
bureaucratic function) only in the quote, and *young men* and *thousands of men* aged between 18 and 27 (classified
and aggregated) in the reporter's background.

### 4.2 Frames in the seed"""),
code('found = ww.frames(seed, voice_spans=ww.voice(seed))\nfound[["sent_id", "frame", "match", "negated", "voice", "part"]]'),
code('ww.frame_prominence(seed)'),
code('ww.normalisation(seed)'),
md("""Civic duty (F6) is the densest frame: *military service*, *evaders*, *call-up papers*, *enlistment officer*.
Authoritarian control (F4: *track down*, *force them*, *pressured*) and technological capability (F3: *vast
system*, *facial recognition*) are in the headline and the lede, the most prominent places. No security (F1),
privacy (F2) or error (F8) frame appears at all: the report never says what the cameras protect against, nor that
they could intrude or fail. The seed is not *normalising* (F9) by the codebook's rule: it names the technology,
describes its use administratively and relies on official sources, but its own *track down* is a critical frame.

### 4.3 Reporter's voice and sources, position in the article"""),
code('ax = ww.plot_heatmap(pd.crosstab(found.frame, found.voice), title="Frame matches by voice (attributed = quoted)", fmt="{:.0f}")'),
code('ax = ww.plot_heatmap(pd.crosstab(found.frame, found.part).reindex(columns=[p for p in ["headline", "standfirst", "lede", "body", "caption"] if p in set(found.part)]), title="Frame matches by part of the article", fmt="{:.0f}")'),
md("""Because the headline and lede claims are attributed to TASS (notebook 03), their F3, F4 and F6 matches count as
attributed; the quote itself carries only F6 (*conscript*). The reporter's own voice adds F5 (Putin's law), F7
(*make life harder for thousands of men*) and more F6.

### 4.4 Frame profiles per document and outlet type"""),
code('by_document = ww.frame_profile(corpus, by="doc_id", unit="sentence")\nax = ww.plot_heatmap(by_document.pivot(index="doc_id", columns="frame", values="share"), title="Share of sentences with each frame, per document")'),
code('profile = ww.frame_profile(corpus, by="outlet_type", unit="sentence")\nax = ww.plot_heatmap(profile.pivot(index="outlet_type", columns="frame", values="share"), title="Share of sentences with each frame")'),
code('if corpus.groupby("outlet_type", observed=True).size().ge(2).sum() >= 2:\n    differences = ww.frame_differences(corpus, by="outlet_type", n_boot=1000, seed=0)\nelse:\n    differences = None\n    print("Differences between outlet types need two types with two documents each: fetch the comparable reports.")\ndifferences'),
md("""With the seed alone there is one outlet type and no difference to estimate; the bootstrap refuses rather than
invent an interval. With the reports fetched, the table gives each pair of outlet types the difference in share and
its 95% interval; an interval that includes 0 is no evidence of a difference.

### 4.5 Label choice, hedges and nominalisations"""),
code('labels = ww.actor_labels(corpus).merge(corpus[["doc_id", "outlet_type"]], on="doc_id")\nax = ww.plot_heatmap(pd.crosstab(labels.label, labels.outlet_type), title="Labels per outlet type", fmt="{:.0f}")'),
code('ww.hedges(seed)'),
code('ww.nominalisations(seed)[["sent_id", "noun", "agent", "agent_attached"]]'),
md("""The seed hedges nothing (*reportedly*, *allegedly* are absent: distance is made by attribution instead) and
intensifies once (*vast* system). Every nominalisation comes without an agent: *recognition*, *mobilisation*,
*surveillance*, *recruitment*.

### 4.6 Can the dictionary be trusted?"""),
code('gold_path = os.path.join(CORPUS, "gold", "frames", "frames_gold.csv")\nif os.path.exists(gold_path):\n    held_out = ww.validate_frames(gold_path, split="heldout")\n    errors = held_out.attrs["errors"]\nelse:\n    held_out = errors = None\n    print("This corpus folder has no frame gold set (gold/frames/frames_gold.csv): code a sample with ww.sample_for_coding.")\nheld_out.round(2) if held_out is not None else None'),
code('errors[["item_id", "frame", "error", "text", "indicators"]] if errors is not None else None'),
md("""On 14 held-out sentences coded by hand before the dictionary was run on them (see the codebook for one
disclosed exception), civic duty, human cost and error agree fully; legality misses *prosecutors* (recall 0.75);
security and privacy are confused by a *criminal case* and a *rights group* that only speaks; technological
efficiency fails completely (capability is written in too many ways for a word list). Counts of F3, and to a
lesser degree F1 and F2, are not to be trusted yet. Fourteen sentences are far too few: draw a larger sample from
the fetched reports with `ww.sample_for_coding(corpus, n=200, by="outlet_type")`, code it, and validate again.

## 5. Exercises

❓ **Exercise 04.1.** Code these five sentences by hand with the codebook; answer with a list of five sets such as
`{"F5", "F6"}`:

1. Police said the cameras helped catch more than 200 wanted criminals last year.
2. Rights groups say the system violates privacy and the right to freedom of movement.
3. A court rejected the lawyer's appeal against the detention.
4. The algorithm matches faces in real time across 200,000 cameras.
5. The software wrongly identified a student, who was detained for six hours."""),
code("answer_1 = None  # e.g. [{\"F1\"}, ...]"),
code('ww.check("04.1", answer_1, corpus=corpus)'),
md("Compare your codes with the dictionary: `ww.frames(sentence)`. Where do you disagree, and who is right?\n\n❓ **Exercise 04.2.** Which indicator word is a false friend in *The city installed security cameras at every station entrance.*?"),
code("answer_2 = None  # a single word"),
code('ww.check("04.2", answer_2, corpus=corpus)'),
md("❓ **Exercise 04.3.** How many agentless passives does the seed contain?"),
code("answer_3 = None  # replace None with your code"),
code('ww.check("04.3", answer_3, corpus=corpus)'),
md("Worked solutions: `notebooks/solutions/04-framing-solutions.ipynb`."),
md(f"""## 6. What this cannot show, and next steps

* A dictionary finds words, not meanings: irony, quotation for critique and implicit frames escape it. Validate on
  the corpus you study, and report the agreement next to every frame count.
* English only: Russian and Ukrainian reports need their own lexicons and validation.
* Normalisation (F9), the frame of routine administration, is defined by what is absent; `ww.normalisation` is a
  rule, not yet validated against hand coding.

**Next:** [05 · Comparison](05-comparison.ipynb). **Further reading:** Entman (1993); Grimmer & Stewart
(2013); van Leeuwen (2008), *Discourse and Practice*; Fowler (1991), *Language in the News*.

{NAV04}"""),
]
sol04 = [
md("# Solutions · 04 · Framing\n\nWorked answers to the exercises of [04-framing](../04-framing.ipynb)."),
sol_setup,
code('corpus = ww.load_corpus(CORPUS)\nseed = corpus[corpus.doc_id == "a_jpost_reuters"]'),
md("**04.1** Security (catching criminals); privacy and rights; legality (court, appeal); technological capability (real time, 200,000 cameras); error and human cost (wrongly identified, detained for six hours)."),
code('answer_1 = [{"F1"}, {"F2"}, {"F5"}, {"F3"}, {"F8", "F7"}]\nww.check("04.1", answer_1, corpus=corpus)'),
md("**04.2** *security* in *security cameras* names a device; the false-friend list drops it."),
code('answer_2 = "security"\nww.check("04.2", answer_2, corpus=corpus)'),
md("**04.3** Count the kinds."),
code('answer_3 = int((ww.passives(seed).kind == "agentless").sum())\nww.check("04.3", answer_3, corpus=corpus)'),
]
save(nb04, ROOT + "/notebooks/04-framing.ipynb")
save(sol04, ROOT + "/notebooks/solutions/04-framing-solutions.ipynb")
print("ok04")

NAV05 = "[← 04 · Framing](04-framing.ipynb) · [Contents](00-index.ipynb)"
nb05 = [
md(f"""# 05 · Comparison: how the story travelled, and what the coverage shows

{NAV05}

**In this notebook you will learn how to:**

1. measure text reuse between reports with word n-gram shingles (containment and resemblance);
2. align two reports to see what a later one kept, cut, added or reworded, and which frames and sources the edits
   touch;
3. follow one statement through its retellings (quote variants) and count syndicated wire copy only once;
4. bring the earlier notebooks together across outlet types, and say what this method cannot show."""),
md("## 1. Setting things up"),
setup,
code('import pandas as pd\n\ncorpus = ww.load_corpus(CORPUS)\nprint(ww.corpus_note(corpus))\nmulti = len(corpus) > 1'),
md("""## 2. A question from the seed

The Reuters text was republished nearly verbatim by some outlets, rewritten by others, translated and translated
back. One version came back into English with *conscript* turned into *reservist*; Russian outlets quote Loktev on
*video surveillance systems* where Reuters writes *facial recognition cameras*. **Which parts of the story were
kept, which were changed, and does the change of words change the frame?**"""),
md("""## 3. The method in words

**Shingles** (Broder 1997): the distinct word 5-grams of a text, $S(A)$. **Containment** of A in B,
$c(A,B) = |S(A) \\cap S(B)| / |S(A)|$, says how much of A reappears in B (asymmetric: a short copy is fully contained
in its longer source). **Resemblance** $r(A,B) = |S(A) \\cap S(B)| / |S(A) \\cup S(B)|$ (Jaccard); $r \\geq 0.8$ marks
near-duplicates. Reuse studies of news use the same measures to find churnalism and wire copy (Clough et al. 2002,
METER; Nicholls 2019; Boumans et al. 2018). **Alignment** pairs the paragraphs of two reports in order, then the
words of each pair (`difflib`'s Ratcliff/Obershelp matching); a run of fewer than three shared words is not counted
as reuse. **Quote variants** group attributed contents of different reports whose word sets overlap (Jaccard
≥ 0.3) and list the words swapped. **Counting wire copy once**: words of a later report inside an n-gram an earlier
report already has are left out of the counts (`ww.reused_spans` → `exclude_spans`)."""),
md("## 4. Results\n\n### 4.1 Reuse across the corpus"),
code('pairs = ww.reuse(corpus)\nif pairs.empty:\n    print("Only one report is present: there is nothing to compare yet. Below, the seed is compared with a retelling written for teaching.")\npairs[pairs.part == "all"].sort_values("jaccard", ascending=False).head(10)'),
code('if multi:\n    matrix = pairs[pairs.part == "all"].pivot(index="doc_a", columns="doc_b", values="containment_a_in_b").fillna(0)\n    ax = ww.plot_heatmap(matrix, title="Containment of the row report in the column report (5-grams)")'),
code('if multi:\n    edges = ww.derivations(corpus, pairs, min_containment=0.5)\n    ax = ww.plot_attribution_chains(edges, title="Which report derives from which (containment of the later one)") if len(edges) else None'),
md("""With the comparable reports fetched, the heatmap shows blocks of near-copies (the Reuters copies) and the graph
which later reports contain most of an earlier one. With the seed alone, the rest of this notebook uses a
*retelling written for teaching* (`watchwords/data/rewrite_demo.txt`): it is not a real report, but it changes the
story in the ways the real coverage does.

### 4.2 What a retelling kept, cut and reworded"""),
code('demo = ww.demo_pair(corpus)\nww.reuse(demo)[["part", "shingles_a", "shingles_b", "shared", "containment_a_in_b", "containment_b_in_a", "jaccard"]]'),
code('edits = ww.align(demo, "seed", "rewrite")\nedits[["op", "a_text", "b_text", "frames_a", "frames_b"]]'),
md("""Read the operations in order: the hunting headline replaces the Reuters headline (F4 *hunts* for F4 *track
down*: the frame stays); *vast system of facial recognition* becomes *system of video surveillance* (the capability
frame F3 weakens); *the state-owned news agency TASS* becomes *Russian state media* (the source loses its name);
the context on Putin's law and compulsory service is cut; inside the quote *conscript* becomes *reservist*; a
critic's sentence is added, the only privacy-like voice in either text.

### 4.3 One statement, several versions"""),
code('variants = ww.quote_variants(demo)\nvariants[["group_id", "doc_id", "source_canonical", "content", "similarity", "swaps"]]'),
code('if multi:\n    corpus_variants = ww.quote_variants(corpus)\n    display_variants = corpus_variants[["group_id", "doc_id", "source_canonical", "content", "swaps"]]\nelse:\n    display_variants = None\n    print("Quote variants across the corpus need more than one report.")\ndisplay_variants'),
md("""Loktev's sentence survives word for word except one noun: *conscript* (a man called up in peacetime) becomes
*reservist* (a man mobilised for war). One word moves the statement from routine conscription to the war, which is
what a frame analysis of the two texts would then count differently.

### 4.4 Counting wire copy once"""),
code('reused = ww.reused_spans(demo)\ncounts = pd.concat({\n    "all words": ww.frequencies(demo).set_index("term")["count"],\n    "wire copy once": ww.frequencies(demo, exclude_spans=reused).set_index("term")["count"],\n}, axis=1).fillna(0).astype(int)\ncounts.reindex(["cameras", "surveillance", "video", "facial", "reservist", "conscript", "critics"]).fillna(0).astype(int)'),
md("""Words the retelling repeats from the seed count once; only what it adds (*reservist*, *critics*) counts in its
own right. In a corpus of republished wire copy this keeps Reuters' wording from dominating every frequency and
keyness list.

### 4.5 Across outlet types: who is quoted, which frames, which labels"""),
code('relations = ww.attributions(corpus).merge(corpus[["doc_id", "outlet_type"]], on="doc_id")\nwho = pd.crosstab(relations.outlet_type, relations.source_type)\nax = ww.plot_heatmap(who, title="Attributed sources by type, per outlet type", fmt="{:.0f}")'),
code('profile = ww.frame_profile(corpus, by="outlet_type")\nax = ww.plot_heatmap(profile.pivot(index="outlet_type", columns="frame", values="share"), title="Share of sentences with each frame")'),
code('labels = ww.actor_labels(corpus).merge(corpus[["doc_id", "outlet_type"]], on="doc_id")\npd.crosstab(labels.label, labels.outlet_type)'),
code('corpus.groupby("language", observed=True).size().rename("documents with text")'),
md("""Languages present: the word-level measures above apply to English texts; reports in other languages are
counted here and skipped (with a warning) by the attribution analysis. With wire copy left out
(`ww.frames(corpus, exclude_spans=ww.reused_spans(corpus))`, likewise `frame_profile`, `frequencies`, `keyness`),
each syndicated sentence counts once, for the outlet that published it first.

## 5. What the coverage shows, and what this method cannot show

**What it shows** (on the seed; run again after fetching to compare outlet types): the story reaches readers
through three hops (Reuters → TASS → Loktev) and through officials only; it is framed by civic duty and by a
hunting metaphor in the headline and lede, with no security justification, no privacy or rights frame and no
error frame; the official's own words are administrative and agentless, the reporter's are active and
personalising; retellings keep the core claim and change the names of the technology, the sources and the men.

**What it cannot show**:

* *Why* an outlet chose its words: reuse and framing measures describe texts, not newsroom decisions.
* Audience and reach: counts of documents are counts of a convenience collection (see the datasheet).
* Languages other than English: the lexicons are English; Russian and Ukrainian originals need their own.
* Meaning beyond words: irony, images, layout and what is left unsaid (except as absence of a frame).
* Certainty: dictionaries and rules make errors at measured rates (notebooks 03 and 04); small corpora give wide
  intervals. Every number here can be traced to its sentences: read them.

## 6. Exercises

❓ **Exercise 05.1.** What share of the retelling's lede 5-grams occur in the seed (containment, 2 decimals)?"""),
code("answer_1 = None  # replace None with your code"),
code('ww.check("05.1", answer_1, corpus=corpus)'),
md("❓ **Exercise 05.2.** Which noun replaced *conscript* in the retelling's version of Loktev's quote?"),
code("answer_2 = None  # replace None with your code"),
code('ww.check("05.2", answer_2, corpus=corpus)'),
md("❓ **Exercise 05.3.** How many distinct 5-word shingles does the seed have (headline, standfirst and body)?"),
code("answer_3 = None  # replace None with your code"),
code('ww.check("05.3", answer_3, corpus=corpus)'),
md("Worked solutions: `notebooks/solutions/05-comparison-solutions.ipynb`."),
md(f"""## 7. Next steps

Fetch the comparable reports (`python -m watchwords fetch`), run the report (`python -m watchwords report`) and
compare outlet types with the tables above; validate the frame dictionary on a sample of the fetched reports
(`ww.sample_for_coding`). **Further reading:** Broder (1997) on resemblance and containment; Clough et al. (2002) on
the METER corpus; Boumans, Trilling, Vliegenthart & Boomgaarden (2018), "The agency makes the (online) news world
go round", *Digital Journalism* 6(9).

{NAV05}"""),
]
sol05 = [
md("# Solutions · 05 · Comparison\n\nWorked answers to the exercises of [05-comparison](../05-comparison.ipynb)."),
sol_setup,
code('corpus = ww.load_corpus(CORPUS)\ndemo = ww.demo_pair(corpus)\npairs = ww.reuse(demo).set_index(["doc_a", "doc_b", "part"])'),
md("**05.1** The rewrite is doc_a of the pair (doc_ids are sorted), so its containment in the seed is `containment_a_in_b`."),
code('answer_1 = round(float(pairs.loc[("rewrite", "seed", "lede"), "containment_a_in_b"]), 2)\nww.check("05.1", answer_1, corpus=corpus)'),
md("**05.2** The swaps column of the quote variants."),
code('variants = ww.quote_variants(demo)\nanswer_2 = variants.loc[variants.doc_id == "rewrite", "swaps"].iloc[0].split(" → ")[1]\nww.check("05.2", answer_2, corpus=corpus)'),
md("**05.3** The seed is doc_b of the pair."),
code('answer_3 = int(pairs.loc[("rewrite", "seed", "all"), "shingles_b"])\nww.check("05.3", answer_3, corpus=corpus)'),
]
save(nb05, ROOT + "/notebooks/05-comparison.ipynb")
save(sol05, ROOT + "/notebooks/solutions/05-comparison-solutions.ipynb")
print("ok05")
