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
from .exercises import check
from .plotting import plot_composition, plot_timeline
from .text import document_lengths, paragraphs, sentences, split_sentences
from .textformat import format_document, parse_document

__all__ = [
    "__version__",
    "CorpusError",
    "Problem",
    "attributed_sources",
    "check",
    "corpus_note",
    "document_lengths",
    "format_document",
    "load_corpus",
    "load_manifest",
    "outlet_types",
    "paragraphs",
    "parse_document",
    "plot_composition",
    "plot_timeline",
    "sentences",
    "split_sentences",
    "validate_corpus",
]
