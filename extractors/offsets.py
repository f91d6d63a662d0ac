"""Offsets: the spans of a list sorted by start that lie in a range (all, or the first of a
label), and where a line starts and ends."""
from __future__ import annotations

import bisect


def within(spans: list[tuple], start: int, end: int) -> list[tuple]:
    """The spans (tuples whose first two items are start and end; list sorted by start)
    that lie within [start, end), in order, found by bisection."""
    first = bisect.bisect_left(spans, (start,))
    last = bisect.bisect_left(spans, (end,), first)
    return [x for x in spans[first:last] if x[1] <= end]


def first_of(spans: list[tuple], label: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the first span labelled `label` (spans: (start, end, label), sorted by
    start) that lies within [start, end), else None."""
    return next(((s, e) for s, e, lab in within(spans, start, end) if lab == label), None)


def line_start(text: str, pos: int) -> int:
    """The offset of the start of the line `pos` stands on (after its newline, or 0)."""
    return text.rfind("\n", 0, pos) + 1


def line_end(text: str, pos: int) -> int:
    """The offset of the end of the line `pos` stands on (its newline, or the end of `text`)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
