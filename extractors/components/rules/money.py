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
from functools import lru_cache

from extractors.normalise import money_table_at
from extractors.tables import MONTHS, TABLES_CACHED, TOTAL_ROW, core, tables_of

from .context import Candidate, RuleContext

# rows (and tables) that count or measure something other than money
# (a debt's coupon names no rate of the row: `3.35% notes due 2023`, `floating rate notes`)
DEBT = r"(?!\s+(?:[\w-]+\s+){0,3}?(?:notes|debentures|bonds|loans?|debt|due)\b)"
NOT_MONEY = re.compile(r"\bshares?\b|\bnumber\s+of\b|\bpercent" + DEBT + r"|%" + DEBT + r"|\bratio\b|\bmargins?\b|"
                       r"\brates?\b" + DEBT + r"|\bemployees\b|"
                       r"\bheadcount\b|\bunits?\b|\bstores\b|\bdays\b|\byears?\b|\bbasis\s+points\b|\bholders\b|"
                       r"\bvotes?\b|\bweighted[-\s]average\b|\boutstanding\b|\bper\s+(?:\w+\s+){0,2}share\b", re.I)

# words of a row label that name shares but not a count: a dealing in shares, whose figures are
# its cost (`Purchases of treasury shares`, `Issuances of common stock`), and a dividend's
# amount per share in brackets (`Cash dividends ($1.42 per share)`: its figures are totals paid)
AMOUNT_WORDS = re.compile(r"\b(?:purchases?|repurchases?|issuances?|reissuances?|sales?|retirements?)\s+of\s+"
                          r"(?:treasury\s+|common\s+|ordinary\s+)?(?:shares|stock)\b|"
                          r"\(\s*(?:US)?\$\s*\d[\d.]*\s+per\s+(?:common\s+)?share\s*\)", re.I)
# a row of a month (a repurchase table's `October 1 - October 31`, `7/01/2023 - 7/31/2023`) counts shares
MONTH_ROW = re.compile(rf"(?:{MONTHS}\.?\s+\d{{1,2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)"
                       r"\s*(?:[-\u2013\u2014]|to|through)\s*", re.I)
SHARE_COLUMNS = re.compile(r"\bnumber\s+of\s+shares\b|\bshares\s+(?:purchased|repurchased|granted|issued|voted)\b|"
                           r"\bshares\s+that\s+may\b", re.I)


@lru_cache(maxsize=TABLES_CACHED)
def money_cells(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the bare amounts (`1,234`, `(500)` -> `500`) of the money rows of
    the money tables of `text`, in order."""
    out = []
    for table in tables_of(text):
        if money_table_at(text, table.start) is None:  # not a table of money (normalise's test)
            continue
        # a table counting shares (repurchases by month: its columns mix shares and prices), or
        # its rows below a line saying so (`(Number of Shares)` under a statement of equity's money)
        counts = [line.start for line in table.lines if id(line) not in table.row_ids
                  and SHARE_COLUMNS.search(" ".join(c.text for c in line.cells))]
        if SHARE_COLUMNS.search(table.caption) or (counts and counts[0] < table.rows[0].start):
            continue
        money_rows = 0
        for row in table.rows:
            if counts and row.start > counts[0]:
                break
            if row.label is None or NOT_MONEY.search(AMOUNT_WORDS.sub(" ", row.label.text)) \
                    or MONTH_ROW.match(row.label.text):
                continue
            if TOTAL_ROW.match(row.label.text) and not money_rows:
                continue  # a total of rows that are no amounts (months of a repurchase table)
            money_rows += 1
            out += [core(cell) for cell in row.values if cell.kind == "number"]
    return tuple(out)


def money_table_cells(ctx: RuleContext) -> list[Candidate]:
    """The bare amounts of the money rows of money tables (`money_cells`) that no
    candidate before covers."""
    doc, out = ctx.doc, []
    for a, b in money_cells(ctx.text):
        span = doc.char_span(a, b, alignment_mode="contract")
        if span is None or any(ctx.labels_at(i) for i in range(span.start, span.end)):
            continue
        out.append(Candidate(span.start, span.end, "MONEY", "table_cell"))
    return out
