"""Long documents run through the pipeline in windows, and their records are joined.

A filing with its exhibits can hold half a million characters. Run as one spaCy Doc,
the tok2vec layer of such a document alone needs about 1.5 GB (every token's
embedding and hidden layers in one array), and the rule and trigger stages slow down
more than linearly. So a text longer than `WINDOW_CHARS` is cut into consecutive
windows, each ending at a paragraph break (a blank line) where there is one in its
second half, else at a line break, else at white space. The windows cover the text
exactly, in order, without overlap; each window is processed as its own Doc, and the
window records are joined into one document record with offsets shifted back to the
document's text.

What this leaves out, by design: an event whose trigger and fillers lie in different
windows loses the fillers across the cut (cuts fall between paragraphs, and the
linker rarely links across paragraphs); a cut never separates a signature clause
(`... caused this report to be signed ...`) from the signature block below it. The
year that dates without a year are read in (`document_year`) is taken from the
whole document, not from each window, so values do not depend on where a cut falls.
A name the rules propagate through a document (an alias, a name seen once with a
company suffix) is not carried into other windows: on eight lee8k filings of 70-200k
characters, 246 of the 3,632 spans found in the whole documents were missing from
the windowed run, all ORG and nearly all defined terms wrongly propagated as names
(`Registration Statement`, `Confirmation`, `Buyer`), a few real (`Merrill Lynch`);
151 of the 156 events were identical.
"""
from __future__ import annotations

from extractors.batch.records import COMPONENT_ERRORS
from extractors.layout import PARAGRAPH_BREAK, SIGNED_FOR

WINDOW_CHARS = 60_000       # about 9,000 words: a few hundred MB of working memory
_SIGNATURE_REACH = 600  # characters after a signature clause that hold its block


def _cut(text: str, start: int, limit: int) -> int:
    """Where the window starting at `start` ends (`limit` = start + max length)."""
    floor = start + (limit - start) // 2
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text, floor, limit)]
    for end in reversed(breaks):
        before = text[max(start, end - _SIGNATURE_REACH):end]
        if not SIGNED_FOR.search(before):
            return end
    newline = text.rfind("\n", floor, limit)
    if newline >= 0:
        return newline + 1
    space = max(text.rfind(" ", floor, limit), text.rfind("\t", floor, limit))
    return space + 1 if space >= 0 else limit


def window_bounds(text: str, max_chars: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) offsets of consecutive windows covering `text`, each at most
    `max_chars` long; one window for a text that fits."""
    if max_chars <= 0:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    bounds, start = [], 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _shift(item: dict, offset: int) -> dict:
    return {**item, "start": item["start"] + offset, "end": item["end"] + offset}


def shift_record(record: dict, offset: int) -> dict:
    """A window's extraction record with every offset moved by `offset`."""
    if not offset:
        return record
    events = [{**ev, "trigger": _shift(ev["trigger"], offset), "args": [_shift(a, offset) for a in ev["args"]]}
              for ev in record["events"]]
    return {**record, "spans": [_shift(s, offset) for s in record["spans"]], "events": events}


def join_records(doc_id: str, parts: list[tuple[int, dict]]) -> dict:
    """One document record from its windows' records, given as (offset, record) in
    text order. The windows' `COMPONENT_ERRORS` are kept, each with the offset of its window."""
    spans, events, caught = [], [], []
    for offset, record in parts:
        shifted = shift_record(record, offset)
        spans.extend(shifted["spans"])
        events.extend(shifted["events"])
        caught.extend(f"{e} (window at {offset})" if offset else e for e in record.get(COMPONENT_ERRORS, ()))
    joined = {"id": doc_id, "spans": spans, "events": events, "error": None}
    if caught:
        joined[COMPONENT_ERRORS] = caught
    return joined
