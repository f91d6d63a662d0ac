"""Candidate fillers for a trigger, and the features of a (trigger, candidate) pair.

Works on plain offsets so that the same code serves training (gold spans) and
prediction (the pipeline's entities): a document is described by `DocView`, built
from a spaCy Doc and a list of entity (start, end, label) character spans.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc

from extractors.contract import doc_text
from extractors.layout import PARAGRAPH_BREAK
from extractors.names import FILER_PRONOUN, GENERIC_FILER, org_kind

WINDOW_TOKENS = 80          # candidates this far from the trigger (tokens) at most ...
BLOCK_WINDOW_TOKENS = 160   # ... or this far within the same paragraph / block
SIGNATURE_WINDOW = 120      # signature blocks follow their clause
DIST_BINS = (0, 2, 4, 8, 16, 32, 64, 128)


@dataclass(frozen=True)
class Candidate:
    start: int          # character offsets
    end: int
    label: str          # entity label, or FILER for `the Company`
    tok_start: int
    tok_end: int


class DocView:
    """Token and paragraph geometry of a document, with its candidate fillers."""

    def __init__(self, doc: Doc, entities: list[tuple[int, int, str]]):
        self.doc = doc
        self.text = doc_text(doc)
        starts = doc.to_array(IDX).tolist() if len(doc) else []  # no Token objects
        self._starts = starts
        cands = []
        for start, end, label in entities:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                cands.append(Candidate(start, end, label, span.start, span.end))
        taken = [(c.start, c.end) for c in cands]
        for m in (*GENERIC_FILER.finditer(self.text), *FILER_PRONOUN.finditer(self.text)):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    cands.append(Candidate(m.start(), m.end(), "FILER", span.start, span.end))
        self.candidates = sorted(cands, key=lambda c: c.start)
        # paragraph ids: a blank line (or a line of only spaces) separates blocks
        self._block_breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(self.text)]
        self._sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def block(self, char: int) -> int:
        return bisect.bisect_right(self._block_breaks, char)

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self._sent_starts, char)

    def sentence_span(self, char: int) -> tuple[int, int]:
        """(start, end) characters of the sentence holding `char`."""
        k = self.sentence(char)
        return self._sent_starts[max(0, k - 1)], self._sent_starts[k] if k < len(self._sent_starts) else len(self.text)

    def line_prefix(self, char: int) -> str:
        line_start = self.text.rfind("\n", 0, char) + 1
        words = self.text[line_start:char].split()
        return words[0].lower() if words else "^"

    def window(self, trig_start: int, trig_end: int, event_type: str) -> list[Candidate]:
        t0, t1 = self.token_at(trig_start), self.token_at(max(trig_start, trig_end - 1)) + 1
        block = self.block(trig_start)
        out = []
        for c in self.candidates:
            if c.start < trig_end and trig_start < c.end:
                continue
            dist = c.tok_start - t1 if c.tok_start >= t1 else t0 - c.tok_end
            if event_type == "LATE_FILING":
                near = True  # cover-page fields are spread over the whole form
            elif event_type == "SIGNATURE":
                near = -20 <= (c.tok_start - t1) <= SIGNATURE_WINDOW
            else:
                near = dist <= WINDOW_TOKENS or (self.block(c.start) == block and dist <= BLOCK_WINDOW_TOKENS)
            if near:
                out.append(c)
        return out


def _bin(n: int) -> int:
    return max(i for i, b in enumerate(DIST_BINS) if n >= b)


def pair_features(view: DocView, event_type: str, trig_start: int, trig_end: int, cand: Candidate,
                  same_label_between: int) -> dict:
    doc = view.doc
    t0 = view.token_at(trig_start)
    t1 = view.token_at(max(trig_start, trig_end - 1)) + 1
    after = cand.tok_start >= t1
    dist = cand.tok_start - t1 if after else t0 - cand.tok_end
    tl = f"{event_type}|{cand.label}"
    side = "R" if after else "L"
    feats = {
        "bias": 1.0, f"type={event_type}": 1.0, f"label={cand.label}": 1.0, f"tl={tl}": 1.0,
        f"tl_dir={tl}|{side}": 1.0, f"tl_dist={tl}|{side}{_bin(dist)}": 1.0,
        f"tl_between={tl}|{min(same_label_between, 3)}": 1.0,
        f"tl_sent={tl}|{view.sentence(trig_start) == view.sentence(cand.start)}": 1.0,
        f"tl_block={tl}|{view.block(trig_start) == view.block(cand.start)}": 1.0,
        f"trig={view.text[trig_start:trig_end].lower()[:30]}|{cand.label}": 1.0,
        f"lineprefix={view.line_prefix(cand.start)}|{cand.label}": 1.0,
        "dist": min(dist, 200) / 200.0,
    }
    if cand.label == "ORG":
        feats[f"kind={org_kind(view.text[cand.start:cand.end])}|{event_type}"] = 1.0
    lo, hi = (t1, cand.tok_start) if after else (cand.tok_end, t0)
    between = [t.norm_ for t in doc[lo:hi] if not t.is_space][:12]
    for w in between:
        feats[f"btw={w}|{cand.label}"] = 1.0
    if len(between) <= 3:
        feats[f"btw_seq={'_'.join(between)}|{cand.label}"] = 1.0
    for k, tok in enumerate(t for t in doc[max(0, cand.tok_start - 3):cand.tok_start] if not t.is_space):
        feats[f"lw={tok.norm_}|{cand.label}"] = 1.0
    right = [t for t in doc[cand.tok_end:cand.tok_end + 4] if not t.is_space][:3]
    for tok in right:
        feats[f"rw={tok.norm_}|{cand.label}"] = 1.0
    if right:
        feats[f"rw1={right[0].norm_}|{tl}"] = 1.0
    left = [t for t in doc[max(0, cand.tok_start - 4):cand.tok_start] if not t.is_space]
    if left:
        feats[f"lw1={left[-1].norm_}|{tl}"] = 1.0
    return feats


def pairs(view: DocView, event_type: str, trig_start: int, trig_end: int):
    """(candidate, features) for every candidate in the trigger's window."""
    cands = view.window(trig_start, trig_end, event_type)
    t1 = view.token_at(max(trig_start, trig_end - 1)) + 1
    t0 = view.token_at(trig_start)
    out = []
    for c in cands:
        lo, hi = (t1, c.tok_start) if c.tok_start >= t1 else (c.tok_end, t0)
        between = sum(1 for o in cands if o.label == c.label and o is not c and lo <= o.tok_start < hi)
        out.append((c, pair_features(view, event_type, trig_start, trig_end, c, between)))
    return out
