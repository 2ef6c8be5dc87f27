"""Watchwords: discourse analysis of how surveillance is framed in the news.

A flat public API: every analysis function is importable from ``watchwords``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .corpus import (
    CorpusError,
    Problem,
    attributed_sources,
    corpus_note,
    load_corpus,
    load_manifest,
    outlet_types,
    validate_corpus,
)
from .attribution import attribution_chains, attribution_hops, attributions, voice
from .collocations import collocates
from .dispersion import dispersion, dp
from .exercises import check
from .frequency import count_terms, frequencies, term_occurrences, tfidf
from .keyness import keyness, keyness_table, read_reference_list
from .kwic import kwic, kwic_html
from .plotting import (
    plot_attribution_chains,
    plot_collocation_network,
    plot_composition,
    plot_dispersion,
    plot_keyness,
    plot_timeline,
)
from .text import (
    compare_tokenizers,
    document_lengths,
    paragraphs,
    quoted_spans,
    sentences,
    split_sentences,
    tokens,
)
from .textformat import format_document, parse_document

__all__ = [
    "__version__",
    "CorpusError",
    "Problem",
    "attributed_sources",
    "attribution_chains",
    "attribution_hops",
    "attributions",
    "check",
    "collocates",
    "compare_tokenizers",
    "corpus_note",
    "count_terms",
    "dispersion",
    "document_lengths",
    "dp",
    "format_document",
    "frequencies",
    "keyness",
    "keyness_table",
    "kwic",
    "kwic_html",
    "load_corpus",
    "load_manifest",
    "outlet_types",
    "paragraphs",
    "parse_document",
    "plot_attribution_chains",
    "plot_collocation_network",
    "plot_composition",
    "plot_dispersion",
    "plot_keyness",
    "plot_timeline",
    "quoted_spans",
    "read_reference_list",
    "sentences",
    "split_sentences",
    "term_occurrences",
    "tfidf",
    "tokens",
    "validate_corpus",
    "voice",
]
