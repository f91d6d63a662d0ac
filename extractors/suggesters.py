"""Span suggesters for the span classifier, registered in `spacy.registry.misc`.

spaCy's `ngram_suggester` proposes every n-gram, including the many that start or
end on white space, punctuation or a function word, or that run across a blank
line: in EDGAR text (runs of spaces, hard-wrapped lines) that is most of them, and
every candidate costs the classifier time. `sec_events.filtered_ngram_suggester.v1`
proposes the n-grams of `sizes` whose edge tokens can start or end a mention and
that do not cross a paragraph break:

- mode `entity`: an edge token is not white space, not punctuation (except `$`
  at the start and `%` at the end), and not a lower-case stop word (except `the`
  and number words at the start, number words and `'s` at the end);
- mode `trigger`: an edge token is alphabetic.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, cast

from spacy.pipeline.spancat import Suggester
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Ops, get_current_ops
from thinc.types import Ints1d, Ragged


NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "first", "second", "third",
                "fourth", "fifth", "sixth", "twelfth"}
ALLOW_START = NUMBER_WORDS | {"the", "mid", "early", "late"}
ALLOW_END = NUMBER_WORDS | {"'s", "\u2019s"}


def _edges(doc: Doc, mode: str) -> tuple[list[bool], list[bool], list[bool]]:
    """Per token: may start a span, may end a span, is a paragraph break."""
    starts, ends, breaks = [], [], []
    for tok in doc:
        text = tok.text
        brk = tok.is_space and text.count("\n") >= 2
        breaks.append(brk)
        if mode == "trigger":
            ok = tok.is_alpha
            starts.append(ok)
            ends.append(ok)
            continue
        stop = tok.is_stop and tok.is_lower
        lower = tok.lower_
        can_start = not tok.is_space and (not stop or lower in ALLOW_START)
        can_end = not tok.is_space and (not stop or lower in ALLOW_END)
        starts.append(can_start and (not tok.is_punct or text in ("$", "(")) and text not in (")", ",", "."))
        ends.append(can_end and (not tok.is_punct or text in ("%", ".")) and text not in ("(", ",", "$"))
    return starts, ends, breaks


@registry.misc("sec_events.filtered_ngram_suggester.v1")
def build_filtered_ngram_suggester(sizes: List[int], mode: str = "entity") -> Suggester:
    if mode not in ("entity", "trigger"):
        raise ValueError(f"mode must be 'entity' or 'trigger', not {mode!r}")
    max_size = max(sizes)
    size_set = set(sizes)

    def suggest(docs: Iterable[Doc], *, ops: Optional[Ops] = None) -> Ragged:
        if ops is None:
            ops = get_current_ops()
        spans, lengths = [], []
        for doc in docs:
            starts, ends, breaks = _edges(doc, mode)
            n = len(doc)
            count = 0
            for i in range(n):
                if not starts[i]:
                    continue
                for j in range(i, min(n, i + max_size)):
                    if breaks[j]:
                        break
                    if ends[j] and (j - i + 1) in size_set:
                        spans.append((i, j + 1))
                        count += 1
            lengths.append(count)
        lengths_array = cast(Ints1d, ops.asarray(lengths, dtype="i"))
        if spans:
            return Ragged(ops.asarray(spans, dtype="i"), lengths_array)
        return Ragged(ops.xp.zeros((0, 0), dtype="i"), lengths_array)

    return suggest
