"""Table contracts: every table a verb returns says what it is, and every verb checks what it is given.

Each public verb's result carries its *kind* in ``df.attrs["kind"]`` (the names below; the columns are documented
in each verb's docstring and in docs/conventions.md). A verb that reads documents accepts a corpus (kind
``"corpus"``, from :func:`watchwords.load_corpus`, or any DataFrame with ``doc_id`` and ``text`` columns and no
kind, such as a table you built), a plain string (one document, doc_id ``"text"``), or the kinds its docstring
names (``tokens`` also takes a sentence table); anything else is refused with one line that says what was given
and what to pass instead. Before this check, ``frames(sentences(corpus))`` returned garbled matches (the
sentence texts taken for documents) and ``attributions(sentences(corpus))`` silently missed relations across
sentences.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import pandas as pd

__all__ = ["KINDS", "returns", "as_corpus", "require_kind", "kind_of"]

#: Every kind of table, with the verb that makes it.
KINDS: dict[str, str] = {
    "corpus": "load_corpus: one row per document with its text and metadata",
    "manifest": "load_manifest: one row per listed document, text present or not",
    "paragraphs": "paragraphs", "sentences": "sentences", "tokens": "tokens", "quoted_spans": "quoted_spans",
    "document_lengths": "document_lengths", "tokenizer_comparison": "compare_tokenizers",
    "term_occurrences": "term_occurrences", "frequencies": "frequencies", "tfidf": "tfidf",
    "keyness": "keyness and keyness_table", "dispersion": "dispersion", "kwic": "kwic", "collocates": "collocates",
    "attributions": "attributions", "attribution_chains": "attribution_chains",
    "attribution_hops": "attribution_hops", "voice": "voice",
    "frames": "frames", "frame_profile": "frame_profile", "frame_differences": "frame_differences",
    "frame_prominence": "frame_prominence", "passives": "passives", "nominalisations": "nominalisations",
    "actor_labels": "actor_labels", "hedges": "hedges", "normalisation": "normalisation",
    "frame_validation": "validate_frames", "coding_sheet": "sample_for_coding",
    "coder_agreement": "coder_agreement", "coder_disagreements": "coder_disagreements",
    "classifier_comparison": "compare_classifier",
    "reuse": "reuse", "alignment": "align", "reused_spans": "reused_spans", "quote_variants": "quote_variants",
    "derivations": "derivations", "attributed_sources": "attributed_sources",
}

F = TypeVar("F", bound=Callable[..., Any])


def kind_of(table: pd.DataFrame) -> str | None:
    """The kind a table declares, or None for a table without one (made by hand, or by pandas from scratch)."""
    kind = table.attrs.get("kind")
    return str(kind) if kind is not None else None


def returns(kind: str) -> Callable[[F], F]:
    """Decorator: the verb's DataFrame result (or the first item of a tuple result) declares ``kind``.

    Inside a verb, pandas stores strings as Python objects (``mode.string_storage = "python"``), whatever the
    session's default: with pyarrow installed pandas would copy every text column into Arrow buffers, and Arrow's
    memory pool keeps what it frees, which doubled the memory of a 100 MB corpus; the verbs read their strings
    back as Python objects anyway. Tables the user builds keep the session's default."""
    if kind not in KINDS:
        raise ValueError(f"unknown table kind {kind!r}")

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with pd.option_context("mode.string_storage", "python"):
                result = function(*args, **kwargs)
            table = result[0] if isinstance(result, tuple) else result
            if isinstance(table, pd.DataFrame):
                table.attrs["kind"] = kind
            return result

        return wrapper  # type: ignore[return-value]

    return decorate


def as_corpus(corpus: pd.DataFrame | str, *, verb: str, accept: Iterable[str] = ()) -> pd.DataFrame:
    """A corpus for ``verb``: a corpus DataFrame as it is, a plain string as a one-document corpus (doc_id "text").

    Raises:
        ValueError: (one line) for a table of another kind than a corpus or those in ``accept``, for a DataFrame
            without doc_id and text, and for anything that is neither a DataFrame nor a string.
    """
    if isinstance(corpus, str):
        frame = pd.DataFrame({"doc_id": ["text"], "text": [corpus]})
        frame.attrs["kind"] = "corpus"
        return frame
    if not isinstance(corpus, pd.DataFrame):
        raise ValueError(f"{verb}: expected a corpus DataFrame (watchwords.load_corpus) or a plain string, "
                         f"got {type(corpus).__name__}")
    kind = kind_of(corpus)
    accept = tuple(accept)
    allowed = {"corpus", *accept}
    if kind is not None and kind not in allowed:
        also = f", or a {' or '.join(sorted(set(accept)))} table" if accept else ""
        raise ValueError(f"{verb}: expected a corpus (watchwords.load_corpus) or a plain string{also}, got a table "
                         f"of kind {kind!r}; pass the corpus it was made from")
    missing = {"doc_id", "text"} - set(corpus.columns)
    if missing and kind not in accept:
        raise ValueError(f"{verb}: the corpus DataFrame lacks column(s) {sorted(missing)}; "
                         "load it with watchwords.load_corpus()")
    return corpus


def require_kind(table: pd.DataFrame | None, kinds: Iterable[str], *, verb: str, name: str) -> None:
    """Check an optional table argument (``relations=``, ``voice_spans=``, ``exclude_spans=``) is of an expected kind.

    Tables without a kind (made by hand with the documented columns) are accepted.
    """
    if table is None:
        return
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"{verb}: {name}= takes a DataFrame, got {type(table).__name__}")
    kind = kind_of(table)
    wanted = sorted(set(kinds))
    if kind is not None and kind not in wanted:
        raise ValueError(f"{verb}: {name}= takes a table of kind {' or '.join(map(repr, wanted))}, "
                         f"got one of kind {kind!r}")
