"""SHARE_REPURCHASE from an issuer's repurchase table (GUIDELINES wide reading 15).

A 10-K or 10-Q reports its buy-backs of the quarter in a table whose header names a
`Total Number of Shares Purchased` column, one row per month:

    Period            Total Number of Shares Purchased  Average Price Paid per Share  ...
    7/1/24 - 7/31/24  1,160,452                         $68.56                        ...
    Total             5,365,468                         $69.04

Each month row with a purchase is one event, all sharing the header's phrase as their
trigger (as the nominees of an election share `elected`): `shares` the first figure
of the row, `amount` the average price after it, `date` the row's period. A row with
no purchase (`—`) and the total row are no events. Where the period stands on a line of
its own and the rows under it split the purchases (`Repurchase programs` and `Employee
transactions`), the program's row is the event, its label the trigger; shares withheld
from employees are no repurchase.

Pure functions over the text and the entity spans (`(start, end, label)`, sorted):
the linker turns what `repurchase_events` returns into event records.
"""
from __future__ import annotations

import re

from extractors.offsets import within

HEADER = re.compile(r"total\s+number\s+of\s+shares\s+(?:re)?purchased", re.I)
# a cell: a run of text ending where a tab or two or more spaces part it from the next
CELL = re.compile(r"\S(?:[^\t]*?\S)?(?=\t|\s{2,}|\s*$)")
FIGURE = re.compile(r"^\$?\s*\(?\d[\d,]*(?:\.\d+)?\)?$")
NO_FIGURE = re.compile(r"^\$?\s*(?:[-\u2013\u2014]+|n/?a)$", re.I)
TOTAL = re.compile(r"^\s*total\b", re.I)
PROGRAM = re.compile(r"^(?:share\s+)?repurchase\s+programs?|^publicly\s+announced", re.I)
MAX_LINES = 40  # lines read below a header
PROSE = 120  # a line this long with no cell gap is prose: the table has ended


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    return [(offset + m.start(), offset + m.end()) for m in CELL.finditer(line)]


def _entity(ents: list[tuple], cell: tuple[int, int], label: str) -> tuple[int, int] | None:
    for s, e, lab in within(ents, cell[0], cell[1]):
        if lab == label:
            return (s, e)
    return None


def repurchase_events(text: str, ents: list[tuple]) -> list[dict]:
    """Events of the repurchase tables in `text`: each a dict with `trigger` (start,
    end), `args` (role -> (start, end)) and `table` (the header line's start and the
    end of the last row read), for the linker."""
    events: list[dict] = []
    seen_lines: set[int] = set()
    dates = [x for x in ents if x[2] == "DATE"]
    for m in HEADER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if line_start in seen_lines:
            continue  # `Total Number of Shares Purchased as Part of ...` on the same header line
        seen_lines.add(line_start)
        made = _rows(text, ents, dates, (m.start(), m.end()), text.find("\n", m.end()))
        events += [dict(ev, table=(line_start, made[-1]["end"])) for ev in made]
    return events


def _rows(text: str, ents: list[tuple], dates: list[tuple], trigger: tuple[int, int], pos: int) -> list[dict]:
    out: list[dict] = []
    period = None  # a period standing on a line of its own
    for _ in range(MAX_LINES):
        if pos < 0 or pos >= len(text):
            break
        start = pos + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        pos = end
        line = text[start:end]
        if not line.strip():
            continue
        cells = _cells(line, start)
        if len(cells) == 1 and end - start > PROSE:
            break  # prose
        label = cells[0]
        label_text = text[label[0]:label[1]]
        if TOTAL.match(label_text):
            break
        figures = [c for c in cells[1:] if FIGURE.match(text[c[0]:c[1]]) or NO_FIGURE.match(text[c[0]:c[1]])]
        date = next(iter(within(dates, label[0], label[1])), None)  # the row's period, its label
        if not figures:
            if date is not None:
                period = (date[0], date[1])
            continue
        if date is not None:
            row_trigger, row_date = trigger, (date[0], date[1])
        elif period is not None and PROGRAM.match(label_text):
            row_trigger, row_date = (label[0], label[0] + PROGRAM.match(label_text).end()), period
        else:
            continue  # a row of no period (employee transactions) or a label we do not know
        shares_cell = figures[0]
        if NO_FIGURE.match(text[shares_cell[0]:shares_cell[1]]):
            continue  # no purchase that month
        args = {"shares": _entity(ents, shares_cell, "SHARES") or shares_cell, "date": row_date}
        if len(figures) > 1 and FIGURE.match(text[figures[1][0]:figures[1][1]]):
            args["amount"] = _entity(ents, figures[1], "MONEY") or figures[1]
        out.append({"trigger": row_trigger, "args": args, "end": end})
    return out
