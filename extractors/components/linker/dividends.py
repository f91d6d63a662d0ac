"""DIVIDEND from a table's dividend row (GUIDELINES wide reading 14).

A 10-K states its dividends per share in a table row, one figure per period:

    Dividends per share   $0.01   $0.03   $0.06   $0.15

Each figure is one declared instalment with its own per-share amount: one event, all
sharing the row's label as their trigger (as a repurchase table's rows share its
header), `amount` the figure. A row of total dividends paid (`Dividends paid   $8,400`)
states no amount per share and gives none. A statement of equity's row names its amount per
share in its label (`Cash dividends ($1.51 per share)`): one event, the label's words the
trigger and the bracketed figure the amount.

Pure functions over the text and the entity spans (`(start, end, label)`, sorted): the
linker turns what `dividend_events` returns into event records.
"""
from __future__ import annotations

import re

from extractors.offsets import first_of
from extractors.tables import tables_of

DIVIDEND_ROW = re.compile(r"^(?:cash\s+)?dividends?,?\s+(?:declared\s+|paid\s+)?(?:and\s+paid\s+)?per\s+(?:common\s+)?share\b",
                          re.I)  # (`Cash dividend, per share` too)
# a statement of equity's dividend row, its amount per share in the label (`Cash dividends ($1.51
# per share)`, `Dividends declared and paid ($1.24 per share)`): one event, the label's words
# the trigger, the bracketed amount the amount (the row's figures are the totals paid)
DIVIDEND_LABEL = re.compile(r"^((?:cash\s+)?dividends?(?:\s+(?:declared|paid))?(?:\s+and\s+(?:declared|paid))?)"
                            r"(?:\s+on\s+common\s+stock)?\s*\(\s*(?:US)?\$\s*\d[\d.]*\s+per\s+(?:common\s+)?share\s*\)",
                            re.I)


def dividend_events(text: str, ents: list[tuple]) -> list[dict]:
    """Events of the dividend rows of the tables in `text`: each a dict with `trigger`
    (the row label's start, end) and `args` (`amount`: the MONEY entity of one figure)."""
    events = []
    for table in tables_of(text):
        for row in table.rows:
            if row.label is None:
                continue
            if m := DIVIDEND_LABEL.match(row.label.text):
                if money := first_of(ents, "MONEY", row.label.start, row.label.end):
                    start = row.label.start
                    events.append({"trigger": (start, start + m.end(1)), "args": {"amount": money}})
                continue
            if not DIVIDEND_ROW.match(row.label.text):
                continue
            for cell in row.values:
                money = first_of(ents, "MONEY", cell.start, cell.end)
                if cell.kind == "number" and money:
                    events.append({"trigger": (row.label.start, row.label.end), "args": {"amount": money}})
    return events
