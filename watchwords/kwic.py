"""Keyword in context (concordance) lines, with exact offsets.

A pattern is a word, a phrase of several words, or (``regex=True``) a regular expression
matched against single tokens. In words and phrases ``*`` stands for any characters
("camera*" matches "camera" and "cameras"). Matching compares lower-cased tokens unless
``ignore_case=False``. Punctuation tokens are never matched and do not count towards the
window, which is measured in words and stays inside the paragraph of the match (a headline's
context never runs into the byline).
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
import pandas as pd

from .languages import language_options
from .store import corpus_chunks, vocabulary
from .tables import as_corpus, returns
from .text import normaliser, select_tokens, word_tokenizer
from .textformat import PART_KINDS

__all__ = ["kwic", "kwic_html", "Html"]

_KWIC_COLUMNS = ["doc_id", "para_id", "sent_id", "part", "left", "match", "right", "start", "end", "L1", "R1"]


class Html(str):
    """An HTML string that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


#: Seconds a user's regular expression may spend on one word before kwic gives up with an error.
REGEX_TIMEOUT = 0.5


class _Wildcard:
    """A word with ``*`` wildcards, matched without backtracking: the literal pieces between the stars are found
    in order with ``str.find`` (greedy leftmost is exact for ``*``-only patterns), so "a*a*a*a*b" on a long word
    takes linear time, where the equivalent regular expression ``a.*a.*a.*b`` backtracks for minutes."""

    def __init__(self, word: str, ignore_case: bool):
        self.ignore_case = ignore_case
        self.pieces = (word.casefold() if ignore_case else word).split("*")

    def fullmatch(self, word: str) -> bool:
        text = word.casefold() if self.ignore_case else word
        pieces = self.pieces
        if len(pieces) == 1:
            return text == pieces[0]
        first, last = pieces[0], pieces[-1]
        if not text.startswith(first) or len(text) < len(first) + len(last) or not text.endswith(last):
            return False
        position, stop = len(first), len(text) - len(last)
        for piece in pieces[1:-1]:
            found = text.find(piece, position, stop)
            if found < 0:
                return False
            position = found + len(piece)
        return True


class _TimedRegex:
    """A user's regular expression, run with the ``regex`` module's timeout on each word."""

    def __init__(self, pattern: str, ignore_case: bool):
        import regex as regex_module

        self.pattern = pattern
        try:
            self.compiled = regex_module.compile(pattern, regex_module.IGNORECASE if ignore_case else 0)
        except regex_module.error as exc:
            raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from None

    def fullmatch(self, word: str) -> bool:
        try:
            return self.compiled.fullmatch(word, timeout=REGEX_TIMEOUT) is not None
        except TimeoutError:
            raise ValueError(f"pattern {self.pattern!r} took more than {REGEX_TIMEOUT} s on the word {word[:40]!r}: "
                             "simplify it (nested quantifiers such as (a+)+ or a*a*a* backtrack)") from None


def _compile(pattern: str, *, regex: bool, ignore_case: bool) -> list[_Wildcard | _TimedRegex]:
    if regex:
        return [_TimedRegex(pattern, ignore_case)]
    words = [w for w in word_tokenizer().tokenize(pattern.replace("*", "STARPLACEHOLDER"))]
    if not words:
        raise ValueError("pattern is empty: give a word, a phrase or (regex=True) a regular expression")
    return [_Wildcard(word.replace("’", "'").replace("STARPLACEHOLDER", "*"), ignore_case) for word in words]


@returns("kwic")
def kwic(
    corpus: pd.DataFrame | str,
    pattern: str,
    *,
    window: int = 5,
    regex: bool = False,
    ignore_case: bool = True,
    sort: str | None = None,
    parts: Any = "all",
    **token_options: Any,
) -> pd.DataFrame:
    """Concordance lines of ``pattern``.

    Args:
        corpus: a corpus from ``load_corpus`` or a plain string.
        pattern: a word, a phrase ("facial recognition", "track * down") or, with ``regex``, a
            regular expression that must match a whole token ("camera(s)?").
        window: words of context on each side (within the paragraph).
        regex: treat ``pattern`` as a regular expression over single tokens.
        ignore_case: match regardless of case.
        sort: None (text order), ``"L1"`` or ``"R1"`` (by the first word to the left or right,
            then the other side), as in AntConc's KWIC sort.
        parts: part kinds to search (default all, captions included).
        **token_options: passed to :func:`watchwords.tokens` (e.g. ``voice="quoted"``).

    Returns:
        Columns doc_id, para_id, sent_id, part, left, match, right (the text as written, white
        space folded), start, end (offsets of the match in the document text), L1, R1 (the
        neighbouring words, lower-cased).
    """
    if window < 0:
        raise ValueError(f"window={window}: use 0 or more words")
    if sort not in (None, "L1", "R1"):
        raise ValueError(f"sort={sort!r}: use None, 'L1' or 'R1'")
    matchers = _compile(pattern, regex=regex, ignore_case=ignore_case)
    corpus = language_options(as_corpus(corpus, verb="kwic"), token_options, verb="kwic")
    rows: list[dict[str, Any]] = []
    for chunk in corpus_chunks(corpus):  # memory follows the chunk; rows come in text order either way
        rows.extend(_kwic_rows(chunk, matchers, window=window, parts=parts, token_options=token_options))
    frame = pd.DataFrame(rows, columns=_KWIC_COLUMNS)
    if sort == "L1":
        frame = frame.sort_values(["L1", "R1", "doc_id", "start"], kind="stable")
    elif sort == "R1":
        frame = frame.sort_values(["R1", "L1", "doc_id", "start"], kind="stable")
    frame = frame.reset_index(drop=True)
    for column in ("para_id", "sent_id", "start", "end"):
        frame[column] = frame[column].astype("int64")
    frame.attrs.update(source="watchwords.kwic", pattern=pattern, window=window, regex=regex, ignore_case=ignore_case,
                       sort=sort, corpus_hash=corpus.attrs.get("corpus_hash"))
    return frame


def _kwic_rows(corpus: pd.DataFrame, matchers: list[_Wildcard | _TimedRegex], *, window: int, parts: Any,
               token_options: dict[str, Any]) -> list[dict[str, Any]]:
    texts = list(corpus["text"])  # the store keeps the documents in corpus order
    view = select_tokens(corpus, **{**token_options, "parts": parts, "drop_punct": True}, verb="kwic")
    types = view.types
    # each matcher is tried once per distinct word, not once per token
    distinct, inverse = np.unique(types, return_inverse=True)
    strings = vocabulary().strings
    size = len(matchers)
    # Russian (lemmas on): a word fits when its form or its lemma does ("камера" finds камеры, камер, камерами)
    lemma = normaliser(True, None, True) if view.lemmas else None
    fits = [np.fromiter((m.fullmatch(strings[t].replace("’", "'")) or (lemma is not None and m.fullmatch(
        lemma(strings[t]))) for t in distinct.tolist()), dtype=bool, count=len(distinct))[inverse] for m in matchers]
    paragraph = view.store.paragraph_keys()[view.index]
    ok = np.ones(max(len(types) - size + 1, 0), dtype=bool)
    for k, fit in enumerate(fits):
        ok &= fit[k:len(fit) - size + 1 + k]
    ok &= paragraph[:len(ok)] == paragraph[size - 1:size - 1 + len(ok)]
    hits = np.flatnonzero(ok)
    # paragraph boundaries in the selected tokens: windows never leave the paragraph of the match
    breaks = np.flatnonzero(np.diff(paragraph)) + 1 if len(paragraph) else np.zeros(0, dtype=np.int64)
    para_first = np.concatenate([[0], breaks])
    para_last = np.concatenate([breaks, [len(paragraph)]]) - 1
    which = np.searchsorted(para_first, hits, side="right") - 1
    starts, ends = view.take("starts"), view.store.ends[view.index]
    docs, sent_ids, para_ids = view.take("doc"), view.take("sent_ids"), view.take("para_ids")
    part_codes = view.take("parts")
    rows: list[dict[str, Any]] = []
    for i, p_first, p_last in zip(hits.tolist(), para_first[which].tolist(), para_last[which].tolist()):
        j = i + size - 1
        lo, hi = max(p_first, i - window), min(p_last, j + window)
        doc = int(docs[i])
        text = texts[doc]
        left = text[starts[lo]:starts[i]] if i > lo else ""
        right = text[ends[j]:ends[hi]] if hi > j else ""
        rows.append({"doc_id": view.store.doc_ids[doc], "para_id": int(para_ids[i]), "sent_id": int(sent_ids[i]),
                     "part": PART_KINDS[part_codes[i]], "left": " ".join(left.split()),
                     "match": " ".join(text[starts[i]:ends[j]].split()), "right": " ".join(right.split()),
                     "start": int(starts[i]), "end": int(ends[j]),
                     "L1": strings[types[i - 1]].lower() if i > p_first else "",
                     "R1": strings[types[j + 1]].lower() if j < p_last else ""})
    return rows


def kwic_html(lines: pd.DataFrame, *, max_rows: int = 200) -> Html:
    """Render concordance lines as an HTML table with the node highlighted (for notebooks).

    Each row shows doc_id:sent_id, the left context right-aligned, the match in bold on a
    highlight, and the right context. All text is HTML-escaped.
    """
    cells = []
    for row in lines.head(max_rows).itertuples(index=False):
        cells.append(
            f'<tr><td style="color:#666;font-size:85%">{html.escape(str(row.doc_id))}:{row.sent_id}</td>'
            f'<td style="text-align:right;white-space:nowrap">{html.escape(row.left)}</td>'
            f'<td style="text-align:center;white-space:nowrap"><mark><b>{html.escape(row.match)}</b></mark></td>'
            f'<td style="text-align:left;white-space:nowrap">{html.escape(row.right)}</td></tr>')
    more = "" if len(lines) <= max_rows else f"<p>{len(lines) - max_rows} more line(s) not shown.</p>"
    return Html('<table class="watchwords-kwic" style="font-family:monospace">'
                '<tr><th>doc:sent</th><th>left</th><th>node</th><th>right</th></tr>' + "".join(cells) + "</table>" + more)
