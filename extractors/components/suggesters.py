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
- mode `trigger`: an edge token is alphabetic;
- mode `trigger_words`: an edge token is alphabetic and not a stop word, except the
  few function words that begin or end event triggers in the gold corpus (`per
  share`, `will succeed`, `other income`, `entered into`, `spun off`): about half the
  candidates of `trigger`, each of which costs the classifier time.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, cast

from spacy.attrs import ORTH
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
TRIGGER_START = {"per", "will", "after", "other", "not", "non", "re", "became", "become", "third"}
TRIGGER_END = {"into", "off", "became", "become", "out", "down", "up"}
MODES = ("entity", "trigger", "trigger_words")
CACHE_LIMIT = 500_000


def _lexeme_edges(lex, mode: str) -> tuple[bool, bool, bool]:
    """May a token of this lexeme start a span, end one; is it a paragraph break."""
    text = lex.orth_
    brk = lex.is_space and text.count("\n") >= 2
    if mode == "trigger":
        return lex.is_alpha, lex.is_alpha, brk
    if mode == "trigger_words":
        ok, stop, lower = lex.is_alpha, lex.is_stop, lex.lower_
        return ok and (not stop or lower in TRIGGER_START), ok and (not stop or lower in TRIGGER_END), brk
    stop = lex.is_stop and lex.is_lower
    lower = lex.lower_
    can_start = not lex.is_space and (not stop or lower in ALLOW_START)
    can_end = not lex.is_space and (not stop or lower in ALLOW_END)
    return (can_start and (not lex.is_punct or text in ("$", "(")) and text not in (")", ",", "."),
            can_end and (not lex.is_punct or text in ("%", ".")) and text not in ("(", ",", "$"),
            brk)


def _edges(doc: Doc, mode: str, cache: dict | None = None) -> tuple[list[bool], list[bool], list[bool]]:
    """Per token: may start a span, may end a span, is a paragraph break. All three
    depend on the token's text only, so they are computed once per distinct text (in
    `cache`) and read through the Doc's ORTH array, without Token objects."""
    cache = {} if cache is None else cache
    vocab = doc.vocab
    rows = []
    for orth in (doc.to_array(ORTH).tolist() if len(doc) else []):
        row = cache.get(orth)
        if row is None:
            if len(cache) > CACHE_LIMIT:
                cache.clear()
            row = cache[orth] = _lexeme_edges(vocab[orth], mode)
        rows.append(row)
    if not rows:
        return [], [], []
    starts, ends, breaks = (list(col) for col in zip(*rows))
    return starts, ends, breaks


@registry.misc("sec_events.filtered_ngram_suggester.v1")
def build_filtered_ngram_suggester(sizes: List[int], mode: str = "entity") -> Suggester:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    max_size = max(sizes)
    size_set = set(sizes)
    cache: dict[int, tuple[bool, bool, bool]] = {}

    def suggest(docs: Iterable[Doc], *, ops: Optional[Ops] = None) -> Ragged:
        if ops is None:
            ops = get_current_ops()
        spans, lengths = [], []
        for doc in docs:
            starts, ends, breaks = _edges(doc, mode, cache)
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
