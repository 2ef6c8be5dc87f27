"""One way in from raw text: each document is parsed once into paragraphs and sentences, and every analysis reads
that parse.

:func:`paragraphs_of` (labelled parts, :func:`watchwords.parse_document`) and :func:`sentences_of` (Punkt with the
project's word lists, or razdel for a text in Cyrillic script, see :mod:`watchwords.languages.ru`; never crossing a
paragraph) are computed lazily, the first time any verb needs them, and kept
in a bounded cache keyed by the document's text, so ``sentences``, ``tokens``, ``attributions``, ``voice``,
``frames``, ``passives``, ``actor_labels`` and the rest share one parse instead of each splitting the text again
(``normalisation`` used to run the sentence splitter twice and the paragraph parser three times per document).
Quoted spans come from :mod:`watchwords.quotes` on these paragraphs.

The token store (:mod:`watchwords.store`) keeps each document's tokens as arrays in a cache of the same size
beside it. The cache holds the parse of the last :data:`CACHE_SIZE` distinct texts; the streaming counter
:func:`watchwords.count_terms` bypasses it on purpose, so streamed corpora never stay in memory.
"""

from __future__ import annotations

from functools import lru_cache

from .textformat import Paragraph, parse_document

__all__ = ["CACHE_SIZE", "paragraphs_of", "sentences_of", "clear_cache"]

#: How many distinct document texts keep their parse.
CACHE_SIZE = 8192


@lru_cache(maxsize=CACHE_SIZE)
def paragraphs_of(text: str) -> tuple[Paragraph, ...]:
    """The labelled paragraphs of a document (cached; see :func:`watchwords.parse_document`)."""
    return tuple(parse_document(text))


@lru_cache(maxsize=CACHE_SIZE)
def sentences_of(text: str) -> tuple[tuple[int, int, int], ...]:
    """(para_id, start, end) of every sentence of a document, in reading order; sentence ids are the positions in
    this tuple, the same in every table (cached)."""
    from .languages import script_language
    from .text import split_sentences

    split = split_sentences
    if script_language(text) == "ru":  # the text's script chooses the splitter: razdel for Russian
        from .languages.ru import split_sentences as split
    return tuple((para_id, start, end) for para_id, para in enumerate(paragraphs_of(text))
                 for start, end in split(text, para.start, para.end))


def clear_cache() -> None:
    """Forget every parse and the token arrays built on it (e.g. after editing the word lists in a running
    session)."""
    from .languages import script_language
    from .store import document_tokens

    paragraphs_of.cache_clear()
    sentences_of.cache_clear()
    document_tokens.cache_clear()
    script_language.cache_clear()
