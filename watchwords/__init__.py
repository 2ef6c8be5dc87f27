"""Watchwords: discourse analysis of how surveillance is framed in the news.

A flat public API: every analysis function is importable from ``watchwords``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .corpus import CorpusError, Problem, load_corpus, outlet_types, validate_corpus
from .text import paragraphs, sentences, split_sentences
from .textformat import format_document, parse_document

__all__ = [
    "__version__",
    "CorpusError",
    "Problem",
    "format_document",
    "load_corpus",
    "outlet_types",
    "paragraphs",
    "parse_document",
    "sentences",
    "split_sentences",
    "validate_corpus",
]
