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

A statement of equity that gives each period a column of shares and one of dollars
(`tables.shares_dollars_tables`) states the period's buy-backs in a row of its own:

    2023                                 2022
    Shares   $          Shares   $
    Reacquired stock or repurchases of common stock   (2.5)   (477)   (7.5)   (1,419)

Each period with a purchase is one event, all sharing the row's label as their trigger:
`shares` and `amount` the period's two figures, `date` the period's header (the nearest
line above the header with a DATE for each period).

Pure functions over the text and the entity spans (`(start, end, label)`, sorted):
the linker turns what `repurchase_events` returns into event records.
"""
from __future__ import annotations

import re

from extractors.components.linker.results import row_trigger
from extractors.offsets import first_of, line_start, within
from extractors.tables import MAX_HEADER, TOTAL_ROW, Cell, lines_below, repurchase_headers, shares_dollars_tables

PROGRAM = re.compile(r"^(?:share\s+)?repurchase\s+programs?|^publicly\s+announced", re.I)
# a statement of equity's row of buy-backs: `Reacquired stock or repurchases of common stock`,
# `Purchases of treasury shares`, `Shares of common stock repurchased`, `Stock repurchases`
REPURCHASE_ROW = re.compile(r"\b(?:re)?purchases?\s+of\s+(?:treasury|common|ordinary|our)\b|"
                            r"\b(?:stock|share)\s+(?:re)?purchases?\b|\breacquired\s+(?:stock|shares)\b|"
                            r"\b(?:stock|shares)\s+(?:re)?purchased\b|^(?:re)?purchases?\b", re.I)


def _entity(ents: list[tuple], cell: Cell, label: str) -> tuple[int, int]:
    """The span of the `label` entity inside the cell, else the cell itself."""
    return first_of(ents, label, cell.start, cell.end) or (cell.start, cell.end)


def repurchase_events(text: str, ents: list[tuple]) -> list[dict]:
    """Events of the repurchase tables in `text`: each a dict with `trigger` (start,
    end), `args` (role -> (start, end)) and `table` (the header line's start and the
    end of the last row read), for the linker."""
    events: list[dict] = []
    dates = [x for x in ents if x[2] == "DATE"]
    for m, header_start, _ in repurchase_headers(text):
        made = _rows(text, ents, dates, (m.start(), m.end()), m.end())
        events += [dict(ev, table=(header_start, made[-1]["end"])) for ev in made]
    return events


def equity_repurchase_events(text: str, ents: list[tuple]) -> list[dict]:
    """Events of the buy-back rows (REPURCHASE_ROW) of the statements of equity in `text`
    with shares and dollars columns in turn, as `repurchase_events` gives them: one per
    period with a purchase."""
    events: list[dict] = []
    dates = [x for x in ents if x[2] == "DATE"]
    for table in shares_dollars_tables(text):
        pairs = len(table.columns) // 2
        periods = _period_dates(text, dates, table.header[0], pairs)
        for label, values in table.rows:
            if label is None or not REPURCHASE_ROW.search(label.text):
                continue
            for k in range(pairs):
                cells = dict(zip(table.columns[2 * k:2 * k + 2], values[2 * k:2 * k + 2]))
                if cells["SHARES"].kind != "number":
                    continue  # no purchase in the period
                args = {"shares": _entity(ents, cells["SHARES"], "SHARES")}
                if cells["MONEY"].kind == "number":
                    args["amount"] = _entity(ents, cells["MONEY"], "MONEY")
                if periods:
                    args["date"] = periods[k]
                events.append({"trigger": row_trigger(text, label), "args": args,
                               "table": (table.header[0], table.end)})
    return events


def _period_dates(text: str, dates: list[tuple], header: int, count: int) -> list[tuple[int, int]]:
    """The DATE spans of the nearest line above `header` (a line start) holding `count`
    of them, one per period, else none."""
    end = header
    for _ in range(MAX_HEADER):
        if end <= 0:
            break
        start = line_start(text, end - 1)
        found = within(dates, start, end)
        if len(found) == count:
            return [(d[0], d[1]) for d in found]
        end = start
    return []


def _rows(text: str, ents: list[tuple], dates: list[tuple], trigger: tuple[int, int], pos: int) -> list[dict]:
    """The events of the rows under the header line holding `pos`."""
    out: list[dict] = []
    period = None  # a period standing on a line of its own
    for start, end, cells in lines_below(text, pos):
        label = cells[0]
        if TOTAL_ROW.match(label.text):
            break
        figures = [c for c in cells[1:] if c.kind in ("number", "dash")]
        date = next(iter(within(dates, label.start, label.end)), None)  # the row's period, its label
        if not figures:
            if date is not None:
                period = (date[0], date[1])
            continue
        if date is not None:
            trig, row_date = trigger, (date[0], date[1])
        elif period is not None and PROGRAM.match(label.text):
            trig, row_date = (label.start, label.start + PROGRAM.match(label.text).end()), period
        else:
            continue  # a row of no period (employee transactions) or a label we do not know
        if figures[0].kind == "dash":
            continue  # no purchase that month
        args = {"shares": _entity(ents, figures[0], "SHARES"), "date": row_date}
        if len(figures) > 1 and figures[1].kind == "number":
            args["amount"] = _entity(ents, figures[1], "MONEY")
        out.append({"trigger": trig, "args": args, "end": end})
    return out
