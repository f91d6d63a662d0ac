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

from extractors.offsets import first_of, within
from extractors.tables import Cell, lines_below, repurchase_headers

TOTAL = re.compile(r"^\s*total\b", re.I)
PROGRAM = re.compile(r"^(?:share\s+)?repurchase\s+programs?|^publicly\s+announced", re.I)


def _entity(ents: list[tuple], cell: Cell, label: str) -> tuple[int, int]:
    """The span of the `label` entity inside the cell, else the cell itself."""
    return first_of(ents, label, cell.start, cell.end) or (cell.start, cell.end)


def repurchase_events(text: str, ents: list[tuple]) -> list[dict]:
    """Events of the repurchase tables in `text`: each a dict with `trigger` (start,
    end), `args` (role -> (start, end)) and `table` (the header line's start and the
    end of the last row read), for the linker."""
    events: list[dict] = []
    dates = [x for x in ents if x[2] == "DATE"]
    for m, line_start, _ in repurchase_headers(text):
        made = _rows(text, ents, dates, (m.start(), m.end()), m.end())
        events += [dict(ev, table=(line_start, made[-1]["end"])) for ev in made]
    return events


def _rows(text: str, ents: list[tuple], dates: list[tuple], trigger: tuple[int, int], pos: int) -> list[dict]:
    """The events of the rows under the header line holding `pos`."""
    out: list[dict] = []
    period = None  # a period standing on a line of its own
    for start, end, cells in lines_below(text, pos):
        label = cells[0]
        if TOTAL.match(label.text):
            break
        figures = [c for c in cells[1:] if c.kind in ("number", "dash")]
        date = next(iter(within(dates, label.start, label.end)), None)  # the row's period, its label
        if not figures:
            if date is not None:
                period = (date[0], date[1])
            continue
        if date is not None:
            row_trigger, row_date = trigger, (date[0], date[1])
        elif period is not None and PROGRAM.match(label.text):
            row_trigger, row_date = (label.start, label.start + PROGRAM.match(label.text).end()), period
        else:
            continue  # a row of no period (employee transactions) or a label we do not know
        if figures[0].kind == "dash":
            continue  # no purchase that month
        args = {"shares": _entity(ents, figures[0], "SHARES"), "date": row_date}
        if len(figures) > 1 and figures[1].kind == "number":
            args["amount"] = _entity(ents, figures[1], "MONEY")
        out.append({"trigger": row_trigger, "args": args, "end": end})
    return out
