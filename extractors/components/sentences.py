"""Sentence boundaries for EDGAR text: the ``sec_sentencizer`` component.

Hard-wrapped filing text breaks lines inside sentences, so a single newline is not a
boundary by itself. Boundaries are:

* sentence-final punctuation (``.``, ``!``, ``?``; closing quotes/brackets stay with
  the sentence) before a token that can start a sentence (not lower case);
* a company abbreviation (``Inc.``) ending a sentence before ``The``, ``We``...;
* a blank line (a whitespace token with two or more newlines);
* ``<PAGE>`` markers and page-number lines (``<2>``, ``- 2 -``, ``2``, ``Page 2``),
  which are sentences of their own;
* a line that starts with an enumeration or bullet (``(a)``, ``(iv)``, ``1.``, ``*``);
* after a line ending in ``:`` and after an all-capitals heading line;
* in line-laid-out text (signature blocks, cover pages), after a short line that does
  not end in a joining word or punctuation when the next line starts with a capital.

Whitespace tokens never start a sentence: a boundary falls on the next real token.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from extractors.contract import ERRORS_KEY

FINAL = {".", "!", "?", "...", "。"}
CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
ABBREV_END = {"inc.", "corp.", "co.", "ltd.", "n.a.", "l.p.", "l.l.c.", "s.a.", "n.v.",
              "plc.", "u.s.", "jr.", "sr.", "a.m.", "p.m.", "etc."}
STARTERS = {"The", "This", "These", "That", "Those", "We", "Our", "It", "Its", "In", "On",
            "As", "For", "At", "Under", "Pursuant", "Such", "Each", "All", "Any", "If",
            "There", "He", "She", "They", "His", "Her", "Their", "A", "An", "No", "Upon",
            "After", "Before", "During", "Following", "Item", "ITEM", "Mr.", "Ms."}
ENUM_RE = re.compile(r"^\s*(?:\(\s*(?:[a-zA-Z]|[ivxIVX]{1,4}|\d{1,2})\s*\)|(?:\d{1,2}|[a-zA-Z])\.\s|[*•·\-–]\s|Item\s+\d|ITEM\s+\d)")
PAGE_LINE_RE = re.compile(r"^\s*(?:<\s*\d{1,4}\s*>|-\s*\d{1,4}\s*-|\d{1,4}|[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?|</?PAGE>|</?page>)\s*$")
PAGE_MARK_RE = re.compile(r"<\d{1,4}>")
# words that end no sentence: the next line goes on (`... for the fiscal quarter ended` /
# `January 31, 2013.`)
JOINERS = {"and", "or", "of", "the", "a", "an", "to", "in", "for", "by", "with", "on", "at",
           "its", "our", "their", "as", "from", "that", "which", "&", "ended", "ending", "dated",
           "through", "until"}


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def line_break_boundaries(text: str, short_line: int = 45) -> set[int]:
    """Character offsets where a line-level rule starts a new sentence."""
    starts: set[int] = set()
    lines = _line_spans(text)
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            continue
        first = s + len(line) - len(line.lstrip())
        if PAGE_LINE_RE.match(stripped):
            starts.add(first)
            # the next non-empty line starts a sentence too
            for s2, e2 in lines[i + 1:]:
                if text[s2:e2].strip():
                    starts.add(s2 + len(text[s2:e2]) - len(text[s2:e2].lstrip()))
                    break
            continue
        if ENUM_RE.match(line):
            starts.add(first)
        if i + 1 >= len(lines):
            continue
        ns, ne = lines[i + 1]
        nxt = text[ns:ne]
        nstripped = nxt.strip()
        if not nstripped:
            continue  # blank lines are handled on tokens
        nfirst = ns + len(nxt) - len(nxt.lstrip())
        last_word = stripped.split()[-1]
        if stripped.endswith(":"):
            starts.add(nfirst)
        elif re.search(r"[A-Za-z]", stripped) and not re.search(r"[a-z]", stripped) \
                and not stripped.endswith((",", "-", "&")):
            starts.add(nfirst)  # all-caps heading line
        elif len(stripped) < short_line and (nstripped[0].isupper() or nstripped[0] in "(/[<"):
            if not stripped.endswith((",", "-", ";", "&")) and last_word.lower() not in JOINERS:
                starts.add(nfirst)
    return starts


def doc_arrays(doc: Doc) -> tuple[list[str], list[int], str]:
    """Token texts, character offsets and the text of ``doc``, read without building a
    ``Token`` object per token (which is what iterating a Doc, or ``doc.text``, does).

    One attribute per ``to_array`` call: asking for several at once is much slower.
    """
    if not len(doc):
        return [], [], ""
    strings = doc.vocab.strings
    texts = [strings[o] for o in doc.to_array(ORTH).tolist()]
    idx = doc.to_array(IDX).tolist()
    ws = doc.to_array(SPACY).tolist()
    text = "".join([t + " " if w else t for t, w in zip(texts, ws)])
    return texts, idx, text


def set_sentence_starts(doc: Doc, short_line: int = 45) -> Doc:
    """Set ``is_sent_start`` on every token of ``doc``."""
    n = len(doc)
    if n == 0:
        return doc
    texts, idx, doc_text = doc_arrays(doc)
    is_space = [t.isspace() for t in texts]
    starts = [False] * n
    starts[0] = True
    by_char = dict(zip(idx, range(n)))
    for off in line_break_boundaries(doc_text, short_line):
        if off in by_char:
            starts[by_char[off]] = True
    for i, text in enumerate(texts):
        if is_space[i]:
            if i + 1 < n and text.count("\n") >= 2:
                starts[i + 1] = True
            continue
        if text[:1] == "<" and (text in ("<PAGE>", "</PAGE>", "<page>") or PAGE_MARK_RE.fullmatch(text)):
            starts[i] = True
            if i + 1 < n:
                starts[i + 1] = True
            continue
        if text not in FINAL and text.lower() not in ABBREV_END:
            continue
        j = i + 1
        while j < n and (texts[j] in CLOSERS or is_space[j]):
            j += 1
        if j >= n:
            break
        nxt = texts[j]
        if text in FINAL:
            if not nxt[:1].islower() and nxt not in {",", ";", ":", ")", "%"}:
                k = i + 1
                while k < j and texts[k] in CLOSERS:
                    k += 1
                starts[k if k < j and not is_space[k] else j] = True
        else:  # abbreviation that may end a sentence
            gap = doc_text[idx[i] + len(text):idx[j]]
            if nxt in STARTERS or gap.count("\n") >= 2:
                starts[j] = True
    # whitespace tokens never start a sentence: push the start to the next token
    for i in range(1, n):
        if starts[i] and is_space[i]:
            starts[i] = False
            if i + 1 < n:
                starts[i + 1] = True
    # one bulk write: setting token.is_sent_start one by one is quadratic in spaCy
    values = numpy.fromiter((1 if s else -1 for s in starts), dtype="int32", count=n)
    doc.from_array([SENT_START], values.astype("uint64").reshape(n, 1))
    return doc


class FilingSentencizer:
    """Rule-based sentence segmentation that survives hard-wrapped lines."""

    def __init__(self, nlp: Language, name: str = "sec_sentencizer", short_line: int = 45,
                 overwrite: bool = True):
        self.name = name
        self.short_line = short_line
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        if not self.overwrite and doc.has_annotation("SENT_START"):
            return doc
        try:
            return set_sentence_starts(doc, self.short_line)
        except Exception as err:  # never crash a pipeline on odd text
            doc.user_data.setdefault(ERRORS_KEY, []).append(f"{self.name}: {err!r}")
            return doc

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    # stateless: nothing to save
    def to_disk(self, path, *, exclude=tuple()):
        return None

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, data, *, exclude=tuple()):
        return self


@Language.factory(
    "sec_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"short_line": 45, "overwrite": True},
)
def make_sentencizer(nlp: Language, name: str, short_line: int, overwrite: bool):
    return FilingSentencizer(nlp, name, short_line=short_line, overwrite=overwrite)
