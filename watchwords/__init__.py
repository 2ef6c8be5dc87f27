"""Watchwords: discourse analysis of how surveillance is framed in the news.

A flat public API: every analysis function is importable from ``watchwords``.
"""

from __future__ import annotations

from ._version import __version__
from .attribution import attribution_chains, attribution_hops, attributions, load_reporting_verbs, voice
from .classifier import compare_classifier
from .collocations import collocates
from .corpus import (
    CLUSTER_LABELS,
    CorpusError,
    Problem,
    attributed_sources,
    corpus_note,
    load_corpus,
    load_manifest,
    outlet_types,
    validate_corpus,
)
from .dispersion import dispersion, dp
from .evaluation import inline_gold_frames, read_inline_gold, russian_scores
from .exercises import EXERCISE_TEXTS, check
from .export import export
from .framing import (
    actor_labels,
    coder_agreement,
    coder_disagreements,
    frame_dictionary,
    frame_differences,
    frame_false_friends,
    frame_profile,
    frame_prominence,
    frame_topics,
    frames,
    hedges,
    load_frame_dictionary,
    nominalisations,
    normalisation,
    passives,
    sample_for_coding,
    validate_frames,
)
from .frequency import count_terms, frequencies, occurrences_and_sizes, term_occurrences, tfidf
from .keyness import keyness, keyness_table, read_reference_list
from .kwic import kwic, kwic_html
from .languages import SUPPORTED as LANGUAGES
from .languages import languages_of, script_language
from .languages.ru import demo_corpus as russian_demo_corpus
from .languages.ru import lemma as russian_lemma
from .plotting import (
    plot_attribution_chains,
    plot_collocation_network,
    plot_composition,
    plot_dispersion,
    plot_frame_shares,
    plot_frame_trend,
    plot_heatmap,
    plot_keyness,
    plot_timeline,
)
from .resources import list_resources
from .reuse import (
    align,
    demo_pair,
    derivations,
    quote_variants,
    reuse,
    reused_spans,
    shingles,
    similar_pairs,
    text_pair,
)
from .scale import analyze
from .store import token_store
from .synthetic import synthetic_documents
from .text import (
    compare_tokenizers,
    document_lengths,
    paragraphs,
    quoted_spans,
    select_tokens,
    sentences,
    split_sentences,
    tokens,
)
from .textformat import format_document, parse_document

__all__ = [
    "LANGUAGES",
    "script_language",
    "languages_of",
    "russian_demo_corpus",
    "russian_lemma",
    "inline_gold_frames",
    "read_inline_gold",
    "russian_scores",
    "plot_frame_shares",
    "plot_frame_trend",
    "compare_classifier",
    "coder_agreement",
    "coder_disagreements",
    "frame_topics",
    "list_resources",
    "load_frame_dictionary",
    "load_reporting_verbs",
    "__version__",
    "actor_labels",
    "align",
    "CorpusError",
    "Problem",
    "attributed_sources",
    "attribution_chains",
    "attribution_hops",
    "attributions",
    "check",
    "CLUSTER_LABELS",
    "EXERCISE_TEXTS",
    "collocates",
    "compare_tokenizers",
    "corpus_note",
    "count_terms",
    "demo_pair",
    "derivations",
    "dispersion",
    "document_lengths",
    "dp",
    "export",
    "format_document",
    "frame_dictionary",
    "frame_false_friends",
    "frame_differences",
    "frame_profile",
    "frame_prominence",
    "frames",
    "frequencies",
    "hedges",
    "keyness",
    "keyness_table",
    "kwic",
    "kwic_html",
    "load_corpus",
    "load_manifest",
    "nominalisations",
    "normalisation",
    "outlet_types",
    "paragraphs",
    "parse_document",
    "passives",
    "plot_attribution_chains",
    "plot_collocation_network",
    "plot_composition",
    "plot_dispersion",
    "plot_heatmap",
    "plot_keyness",
    "plot_timeline",
    "quote_variants",
    "quoted_spans",
    "read_reference_list",
    "reuse",
    "reused_spans",
    "sample_for_coding",
    "sentences",
    "shingles",
    "text_pair",
    "split_sentences",
    "term_occurrences",
    "occurrences_and_sizes",
    "tfidf",
    "tokens",
    "select_tokens",
    "analyze",
    "synthetic_documents",
    "token_store",
    "similar_pairs",
    "validate_corpus",
    "validate_frames",
    "voice",
]
