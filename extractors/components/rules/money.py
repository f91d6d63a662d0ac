"""MONEY rules: the bare amounts of money tables.

A financial table writes its amounts without a sign after the first row (`Net revenues
$ 1,234`, then `Cost of revenues 500`); GUIDELINES (tables) annotate each amount. A
table is about money when its caption states a scale of money (`(In millions)`,
`$ in thousands`) or one of its rows writes a currency sign (`normalise.money_table_at`,
which also values the amounts); its amounts are then the
number cells of rows whose label names no count, share, rate or percentage. The
figure's offsets and the table come from `extractors.tables` (the one table reader);
the value takes the caption's scale in `normalise.value_at`.

Each rule function takes a `RuleContext` (the doc, lexicons, the candidates found so
far) and returns new `Candidate` spans; `registry.py` names them and their order.
"""
from __future__ import annotations

import re

from extractors.normalise import money_table_at
from extractors.tables import core, tables_of

from .context import Candidate, RuleContext

# rows (and tables) that count or measure something other than money
# (a debt's coupon names no rate of the row: `3.35% notes due 2023`, `floating rate notes`)
DEBT = r"(?!\s+(?:[\w-]+\s+){0,3}?(?:notes|debentures|bonds|loans?|debt|due)\b)"
NOT_MONEY = re.compile(r"\bshares?\b|\bnumber\s+of\b|\bpercent" + DEBT + r"|%" + DEBT + r"|\bratio\b|\bmargins?\b|"
                       r"\brates?\b" + DEBT + r"|\bemployees\b|"
                       r"\bheadcount\b|\bunits?\b|\bstores\b|\bdays\b|\byears?\b|\bbasis\s+points\b|\bholders\b|"
                       r"\bvotes?\b|\bweighted[-\s]average\b|\boutstanding\b|\bper\s+(?:\w+\s+){0,2}share\b", re.I)

SHARE_COLUMNS = re.compile(r"\bnumber\s+of\s+shares\b|\bshares\s+(?:purchased|repurchased|granted|issued|voted)\b|"
                           r"\bshares\s+that\s+may\b", re.I)


def money_table_cells(ctx: RuleContext) -> list[Candidate]:
    """The bare amounts (`1,234`, `(500)` -> `500`) of the money rows of money tables."""
    text = ctx.text
    doc, out = ctx.doc, []
    for table in tables_of(text):
        if money_table_at(text, table.start) is None:  # not a table of money (normalise's test)
            continue
        rows = [r for r in table.rows if r.label is not None]
        if SHARE_COLUMNS.search(table.caption + " " + " ".join(
                    c.text for line in table.lines if line not in table.rows for c in line.cells)):
            continue  # a table counting shares (repurchases by month: its columns mix shares and prices)
        for row in rows:
            if NOT_MONEY.search(row.label.text):
                continue
            for cell in row.values:
                if cell.kind != "number":
                    continue
                a, b = core(cell)
                span = doc.char_span(a, b, alignment_mode="contract")
                if span is None or any(ctx.labels_at(i) for i in range(span.start, span.end)):
                    continue
                out.append(Candidate(span.start, span.end, "MONEY", "table_cell"))
    return out
