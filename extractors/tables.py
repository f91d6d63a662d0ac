"""Tables in a document's text: rows, cells and column headers (issue 19).

Pure functions over the text alone (no spaCy), so that any component can read the
tables it needs (results tables for the linker, vote tables). Three written forms
are read:

- `tab`: one line per row, cells separated by tabs, as the HTML reader writes a
  table (`sec_events.read.html`: `Net revenues<TAB>$1,234<TAB>$1,100`); `meta.tables`
  of a document lists those tables (`tables_from_regions`).
- `spaced`: a plain-text table aligned with spaces, cells separated by two or more
  spaces (`Net revenues      $1,234    $1,100`), rows on consecutive lines or with a
  blank line between them; a currency sign standing apart (`$  4,373`) belongs to
  the number after it.
- `stacked`: a table flattened one cell per line: a row label on its line, then its
  figures each on a line of their own (blank lines between them allowed).

A table is a run of rows that hold a label and figures (`Row.values`), with the
lines between them that are short (a section label `Revenue:`, a header of years);
its header lines are the short lines just above its first row. `periods` gives the
column header cell over each figure of a row: the nearest header line above the row
that has as many period cells as the row has figures (`2023  2022` under
`Three Months Ended December 31,`; a `% Change` column beside them), or none where
no header line has as many cells as the row (a ragged row: empty cells dropped
leave no way to tell which column a figure stands in).

Everything is linear in the text's length: a 10,000-row table takes milliseconds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from extractors import offsets  # called as offsets.line_start/line_end: locals here bear those names

CURRENCY_SIGNS = "$€£¥"
_NUMBER = r"[-\u2212\u2013]?\d[\d,]*(?:\.\d+)?|[-\u2212\u2013]?\.\d+"
# a figure: `$1,234`, `(1,234)`, `$(7)`, `1.5`, `12.5%`, `36.6 %`, `US$ 3.2 billion`
NUMBER_CELL = re.compile(rf"^(?:US|C|A|HK|NZ)?[{CURRENCY_SIGNS}]?\s*\(?\s*(?:[{CURRENCY_SIGNS}]\s*)?(?:{_NUMBER})\s*\)?"
                         r"(?:\s*(?:thousand|million|billion|trillion)s?\b)?\s*\)?\s*%?\s*(?:\(\d\)|\*+)?$", re.I)
# no figure, but a place for one: `—`, `$ —`, `-`, `n/a`, `NM`
DASH_CELL = re.compile(rf"^(?:[{CURRENCY_SIGNS}]\s*)?(?:[-\u2013\u2014\u2012]+|n/?a|nm|\*+)$", re.I)
YEAR_CELL = re.compile(r"^(?:(?:fiscal|FY|calendar)\s*)?'?(?:19|20)\d\d(?:\s*\(\w+\))?$", re.I)
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
# a column header naming a period: `Dec 30, 2023`, `Q4 2023`, `Three Months Ended June 30, 2024`,
# `FY2024`, `Fiscal 2023`: a year, and otherwise only words of periods, months and days
_YEAR_TOKEN = re.compile(r"(?<![\d,.$])(?:(?:FY|Q[1-4]\s*|[1-4]Q\s*)'?\d\d|'?(?:19|20)\d\d)(?![\d,.%])", re.I)
_PERIOD_WORDS = re.compile(
    rf"\b(?:three|six|nine|twelve|thirteen|months?|weeks?|quarters?|years?|fiscal|calendar|ended|ending|period|full|"
    rf"first|second|third|fourth|half|ytd|q[1-4]|[1-4]q|fy|h[12]|and|to|through|the|as|of|at|for|"
    rf"unaudited|restated|actual|reported|"
    rf"{MONTHS}|\d{{1,2}}(?:st|nd|rd|th)?)\b|[,.\-\u2013\u2014/()'\s]", re.I)


def _is_period(t: str) -> bool:
    return bool(_YEAR_TOKEN.search(t)) and not _PERIOD_WORDS.sub("", _YEAR_TOKEN.sub("", t))


CHANGE_HEADER = re.compile(r"^(?:%|percent(?:age)?)?\s*(?:change|chg\.?|increase|decrease|growth|var(?:iance)?\.?)"
                           r"(?:\s*\(?%\)?)?$|^%$|^%\s*(?:change|chg\.?|inc\.?|var\.?)|^(?:y/y|yoy|q/q)(?:\s*%)?$",
                           re.I)
SCALE = re.compile(r"\b(?:in|dollars\s+in|amounts\s+in|\$\s*in|€\s*in|us\$\s*in|(?:\$|dollars|us\$)\s+)"
                   r"\s*(thousands|millions|billions)\b|"
                   r"\(\s*(?:\$|€|£|us\$)?\s*(000s?|000,000s?|mm|mils?|thousands|millions|billions)"
                   r"(?:\s+of\s+(?:u\.?s\.?\s+)?dollars)?\s*[),]", re.I)  # `(MILLIONS)`, `(Millions of dollars)`
SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "000": 1e3, "000s": 1e3, "000,000": 1e6,
          "000,000s": 1e6, "mm": 1e6, "mil": 1e6, "mils": 1e6}
_CELL_SPLIT = {"tab": re.compile(r"\t+"), "spaced": re.compile(r"\t+|[ \u00a0]{2,}")}
_LINE = re.compile(r"[^\n]*")
MAX_LABEL = 160  # a row label is a phrase, not a paragraph
MAX_GAP = 4  # short lines (section labels, a repeated header) allowed between two rows of one table
MAX_HEADER = 6  # short lines above the first row read as its header and caption


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str

    @cached_property
    def kind(self) -> str:
        """`year`, `date` (a period header), `number` (a figure), `percent`, `dash`
        (an empty figure: `—`) or `text`."""
        return cell_kind(self.text)


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    cells: tuple[Cell, ...]

    @cached_property
    def label(self) -> Cell | None:
        """The row's label: its first cell when that is text."""
        return self.cells[0] if self.cells and self.cells[0].kind == "text" else None

    @cached_property
    def values(self) -> tuple[Cell, ...]:
        """The figure cells after the label (numbers, percentages, dashes), in order."""
        return tuple(c for c in self.cells[1 if self.label else 0:] if c.kind in VALUE_KINDS)


@dataclass
class Table:
    start: int
    end: int
    form: str  # tab, spaced or stacked
    rows: list[Row] = field(default_factory=list)  # data rows: label and figures
    headers: list[Row] = field(default_factory=list)  # period header lines (years, dates), in order
    lines: list[Row] = field(default_factory=list)  # every line of the table and its header, in order
    caption: str = ""  # the short lines above the table (title, `(In millions, except per share data)`)
    scale: float = 1.0  # the caption's scale (`(In millions)`: 1e6), or that of the table just above it
    next_to: bool = False  # the table below follows it with only short lines between

    @cached_property
    def row_ids(self) -> frozenset[int]:
        """`id` of each row: `id(line) in table.row_ids` tells a row among the lines in constant
        time (a list's `in` compares every row, quadratic over a long table). Read once built."""
        return frozenset(map(id, self.rows))


VALUE_KINDS = ("number", "percent", "dash")


def cell_kind(text: str) -> str:
    t = text.strip()
    if not t:
        return "text"
    if YEAR_CELL.match(t):
        return "year"
    if NUMBER_CELL.match(t):
        return "percent" if t.rstrip("*)( 0123456789").endswith("%") else "number"
    if DASH_CELL.match(t):
        return "dash"
    if len(t) <= 60 and _is_period(t):
        return "date"
    return "text"


def split_cells(text: str, start: int, end: int, form: str = "spaced") -> list[Cell]:
    """The cells of the line text[start:end] (offsets into `text`, stripped): split at
    tabs (`tab`) or at tabs and runs of two or more spaces (`spaced`); a currency sign
    or an opening parenthesis standing alone joins the figure after it, a `%` or `)`
    the one before."""
    line = text[start:end]
    cells: list[Cell] = []
    pos = 0
    for m in _CELL_SPLIT["tab" if form == "tab" else "spaced"].finditer(line):
        _add(cells, text, start + pos, start + m.start())
        pos = m.end()
    _add(cells, text, start + pos, end)
    return _join_signs(cells, text)


def _add(cells: list[Cell], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        cells.append(Cell(a, b, text[a:b]))


def _join_signs(cells: list[Cell], text: str) -> list[Cell]:
    out: list[Cell] = []
    pending: Cell | None = None
    for c in cells:
        if c.text in CURRENCY_SIGNS or c.text in ("(", "US$", "$(", "($"):
            pending = Cell(pending.start, c.end, text[pending.start:c.end]) if pending else c
            continue
        if pending is not None:
            joined = Cell(pending.start, c.end, text[pending.start:c.end])
            if joined.kind in VALUE_KINDS:
                c = joined
            else:
                out.append(pending)
            pending = None
        if c.text in ("%", ")") and out and out[-1].kind in VALUE_KINDS:
            prev = out.pop()
            c = Cell(prev.start, c.end, text[prev.start:c.end])
        out.append(c)
    if pending is not None:
        out.append(pending)
    return out


def _lines(text: str):
    """(start, end) of every line of `text`."""
    pos, n = 0, len(text)
    while pos <= n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        yield pos, end
        pos = end + 1


def _is_header(cells: list[Cell]) -> bool:
    """A line of period headers: its cells after an optional caption are years or dates
    (`Dec 30, 2023  Dec 31, 2022`, `2023  2022  % Change`), at least one of them."""
    kinds = [c.kind for c in cells]
    if kinds and kinds[0] == "text":
        kinds = kinds[1:]
    dated = sum(k in ("year", "date") for k in kinds)
    return dated > 0 and all(k in ("year", "date") or (k == "text" and CHANGE_HEADER.match(c.text))
                             for k, c in zip(kinds, cells[len(cells) - len(kinds):]))


def _short(text: str, a: int, b: int) -> bool:
    """A line that may stand inside or above a table: a label, a caption, a header."""
    return b - a <= MAX_LABEL and not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", text[a:b])


def _classify(text: str, a: int, b: int) -> tuple[str, list[Cell]]:
    """What a line is: `row` (a label and figures), `values` (figures only), `header`
    (period headers), `short` (a label, caption or title), `prose`, or `blank`."""
    if b - a > 4000:
        return "prose", []
    cells = split_cells(text, a, b, "tab" if "\t" in text[a:b] else "spaced")
    if not cells:
        return "blank", cells
    kinds = [c.kind for c in cells]
    if (len(cells) >= 2 and kinds[0] == "text" and len(cells[0].text) <= MAX_LABEL and kinds[-1] in VALUE_KINDS
            and all(k in VALUE_KINDS or k == "text" for k in kinds[1:])):
        return "row", cells
    if len(cells) >= 2 and kinds[0] in ("year", "date") and "number" in kinds[1:] \
            and all(k in VALUE_KINDS for k in kinds[1:]):
        return "row", cells  # a period's row (`2024   $1,338` of maturities, `October 2024   149   $81.13`)
    if _is_header(cells):
        return "header", cells
    if all(k in VALUE_KINDS for k in kinds):
        return "values", cells
    if _short(text, a, b) and len(cells) <= 12:
        return "short", cells
    return "prose", cells


FOOTNOTE = re.compile(r"^\(\d\)$|^\d$")


def _figure_like(cells: list[Cell]) -> bool:
    """Figures that are not a lone page number or footnote mark (`4`, `(1)`): a sign, a
    separator, decimals, brackets, or more than one figure."""
    one = cells[0].text
    return len(cells) > 1 or (not FOOTNOTE.match(one) and bool(re.search(r"[$€£¥,.()%—–-]", one)))


def _stack_label(cell: Cell) -> bool:
    """A line that may be the label of figures stacked under it: a phrase with no figure of its own."""
    return cell.kind == "text" and len(cell.text) <= 80 and not re.search(r"[$€£¥%]|\d,\d|[.;:]\s", cell.text)


#: how many documents' tables `tables_of` keeps: a pipeline batch runs each component
#: over all its documents (the money rule, then values in the merge, then the results
#: decoding), so the cache holds a batch's worth
TABLES_CACHED = 256


@lru_cache(maxsize=TABLES_CACHED)
def tables_of(text: str) -> tuple[Table, ...]:
    """`find_tables(text)`, read once per text: the rules, the values and the results
    decoding all read a document's tables (callers never change them)."""
    return tuple(find_tables(text))


def find_tables(text: str, regions: list[dict] | None = None) -> list[Table]:
    """The tables of `text`, in order. With `regions` (a document's `meta.tables`:
    dicts with `start` and `end`), only those spans are read, as tab-separated rows;
    without, tables are found in all three forms."""
    if regions is not None:
        return tables_from_regions(text, regions)
    tables: list[Table] = []
    current: Table | None = None
    gap = 0  # short lines since the current table's last row
    pending: list[Row] = []  # lines above the next row (caption, header, section labels)
    stack_label: Cell | None = None  # `stacked`: a label line that figures may follow
    stack_cells: list[Cell] = []
    last_kind = "blank"

    def take(row: Row, form: str) -> None:
        nonlocal current, gap, pending
        if current is None:
            head = [r for r in pending if r.end <= row.start]
            prev = tables[-1] if tables else None
            current = Table(head[0].start if head else row.start, row.end, form)
            current.lines.extend(head)
            current.headers.extend(r for r in head if _is_header(list(r.cells)))
            current.caption = "\n".join(" ".join(c.text for c in r.cells if c.kind == "text") for r in head)
            current.scale = scale_of(current.caption) if SCALE.search(current.caption) else \
                (prev.scale if prev is not None and prev.next_to and row.start - prev.end < 2000 else 1.0)
            tables.append(current)
        else:
            current.lines.extend(r for r in pending if r.end <= row.start)
            current.headers.extend(r for r in pending if r.end <= row.start and _is_header(list(r.cells)))
        pending = []
        current.rows.append(row)
        current.lines.append(row)
        current.end = row.end
        gap = 0

    def close_stack() -> None:
        nonlocal stack_label, stack_cells
        if stack_label is not None and stack_cells and _figure_like(stack_cells):
            take(Row(stack_label.start, stack_cells[-1].end, (stack_label, *stack_cells)), "stacked")
        stack_label, stack_cells = None, []

    def end_table(split: bool = False) -> None:
        nonlocal current, gap
        if current is not None:
            current.next_to = split
        current, gap = None, 0

    for a, b in _lines(text):
        kind, cells = _classify(text, a, b)
        if kind == "blank":
            continue
        if kind == "values" and stack_label is not None:
            stack_cells.extend(cells)
            last_kind = kind
            continue
        close_stack()
        if kind == "row":
            take(Row(a, b, tuple(cells)), "tab" if "\t" in text[a:b] else "spaced")
        elif kind == "values":
            if current is not None and len(cells) > 1 and "\t" in text[a:b]:
                take(Row(a, b, tuple(cells)), "tab")  # a row whose label cell is empty
        elif kind == "header":
            if current is not None:  # a new header under rows: the next table begins
                end_table(split=True)
                pending = pending[-(MAX_HEADER - 1):]
            row = Row(a, b, tuple(cells))
            if last_kind == "header" and pending and len(cells) == 1 and all(
                    c.kind in ("year", "date") for c in pending[-1].cells):  # stacked header cells
                prev = pending.pop()
                row = Row(prev.start, b, prev.cells + tuple(cells))
            pending.append(row)
        elif kind == "short":
            if len(cells) == 1 and _stack_label(cells[0]):
                stack_label = cells[0]
            if current is not None:
                gap += 1
                if gap > MAX_GAP:
                    end_table(split=True)
                    pending = pending[-(MAX_HEADER - 1):]
            pending.append(Row(a, b, tuple(cells)))
            if current is None:
                pending = pending[-MAX_HEADER:]
        else:  # prose ends a table
            end_table()
            pending = []
        last_kind = kind
    close_stack()
    return tables


def tables_from_regions(text: str, regions: list[dict]) -> list[Table]:
    """Tables from a document's `meta.tables` (the HTML reader's tab-separated rows):
    every line of a region is a line of the table; rows are those with figures."""
    out = []
    for reg in regions or []:
        try:
            s, e = int(reg["start"]), int(reg["end"])
        except (KeyError, TypeError, ValueError):
            continue
        s, e = max(0, s), min(len(text), e)
        if s >= e:
            continue
        table = Table(s, e, "tab")
        table.caption = text[max(0, s - 300):s].strip()
        table.scale = scale_of(table.caption)
        for a, b in _lines(text[s:e]):
            cells = split_cells(text, s + a, s + b, "tab")
            if not cells:
                continue
            row = Row(s + a, s + b, tuple(cells))
            table.lines.append(row)
            if _is_header(cells):
                table.headers.append(row)
            elif row.label is not None and row.values:
                table.rows.append(row)
        out.append(table)
    return out


def scale_of(text: str) -> float:
    """The scale a caption states for a table's figures: `(In millions, except per share
    data)` -> 1e6, `$ in thousands` -> 1e3, `($000)` -> 1e3; none: 1."""
    m = SCALE.search(text)
    if not m:
        return 1.0
    word = (m.group(1) or m.group(2) or "").lower()
    return SCALES.get(word, 1.0)


def periods(table: Table, row: Row) -> list[tuple[Cell, Cell | None]]:
    """Each figure of `row` with the column header cell over it (a period: a year or a
    date, or a `% Change` header), or None where no header line fits: the nearest
    header line above the row with as many period cells as the row has number cells
    (matched in order), else one with as many header cells as the row has figures."""
    values = list(row.values)
    numbers = [c for c in values if c.kind in ("number", "dash")]
    above = [h for h in table.headers if h.end <= row.start]
    for h in reversed(above[-8:]):
        dated = [c for c in h.cells if c.kind in ("year", "date")]
        if len(dated) == len(numbers):
            out, k = [], 0
            changes = [c for c in h.cells if CHANGE_HEADER.match(c.text)]
            for c in values:
                if c.kind in ("number", "dash"):
                    out.append((c, dated[k]))
                    k += 1
                else:
                    out.append((c, changes[0] if len(changes) == 1 else None))
            return out
    for h in reversed(above[-8:]):
        cells = [c for c in h.cells if c.kind in ("year", "date") or CHANGE_HEADER.match(c.text)]
        if len(cells) == len(values):
            return list(zip(values, cells))
    return [(c, None) for c in values]  # ragged: no header fits


def number(text: str) -> float | None:
    """The figure of a cell: `$1,234` -> 1234.0, `(79)` and `-79` -> -79.0, `$ —` ->
    None (no figure), `1.5 billion` -> 1500000000.0."""
    t = text.strip()
    m = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", t)
    if not m:
        return None
    try:
        value = float(m.group().replace(",", ""))
    except ValueError:
        return None
    rest = t[m.end():].lower()
    for word, k in (("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)):
        if rest.lstrip().startswith(word):
            value *= k
            break
    if "(" in t[:m.start()] or re.search(r"[-\u2212\u2013]\s*$", t[:m.start()]):
        value = -value
    return value


SCALE_WORD = re.compile(r"\b(?:thousand|million|billion|trillion)s?\b", re.I)
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s*(?:thousand|million|billion|trillion)s?\b)?|\.\d+", re.I)


def core(cell: Cell) -> tuple[int, int]:
    """The offsets of a figure in its cell: the whole cell (`$1,234`, `12.5%`) but for
    parentheses and footnote marks, which stay outside (GUIDELINES: `(79)` -> `79`,
    `$(7)` -> `7`, `1,234(1)` -> `1,234`)."""
    t = cell.text
    m = _FIGURE.search(t)
    if not m:
        return cell.start, cell.end
    a = 0 if "(" not in t[:m.start()] else m.start()
    b = m.end()
    rest = t[b:].lstrip()
    if rest.startswith("%"):
        b = t.index("%", b) + 1
    return cell.start + a, cell.start + b


@dataclass(frozen=True)
class ColumnFigure:
    """A figure whose column (or row) says what it counts: `label` SHARES or MONEY;
    `price` for a price per share, which no scale multiplies; `scale` the one its column
    or caption states (`Options (in thousands)`: 1e3), None where none is stated. A cell
    that is no figure of ours (a note mark `(1)`, a term in years) has `label` None."""
    start: int
    end: int
    label: str | None
    price: bool
    scale: float | None = None


# An issuer's repurchase table (Item 5 of a 10-K, Item 2 of a 10-Q; GUIDELINES wide reading
# 15) names what each figure column counts on one header line: shares (`Total Number of
# Shares Purchased`, `Maximum Number of Shares that May Yet Be Purchased`) or dollars
# (`Average Price Paid per Share`, `Approximate Dollar Value of Shares that May Yet Be
# Purchased`). A figure is counted by its column, whatever its form: `149` under the
# shares column is SHARES, `82.20` under the price MONEY.
REPURCHASE_HEADER = re.compile(r"total\s+number\s+of\s+shares\s+(?:re)?purchased", re.I)
# a column of dollars (a price, a value, a cost) and one of prices per share or unit,
# in repurchase and award tables alike
DOLLAR_COLUMN = re.compile(r"\bprice\b|\bdollars?\b|\$|\bvalues?\b|\bcost\b", re.I)
PRICE_COLUMN = re.compile(r"\bprice\b|\bper\s+(?:share|unit)\b", re.I)
SHARES_COLUMN = re.compile(r"\bnumber\s+of\s+shares\b|\bshares\b", re.I)
REPURCHASE_LINES = 40  # lines read below a header
CAPTION_LINES = 3  # lines above a header read for the scale of its counts
TOTAL_ROW = re.compile(r"^\s*total\b", re.I)  # a table's total row (`Total`, `Total debt`)
NOTE_MARK = re.compile(r"^\(\d\)$")  # a footnote's mark standing in a figure's place
PROSE_LINE = 120  # a line this long with no cell gap is prose: the table has ended


def column_label(header: str) -> str | None:
    """`MONEY` for a column of dollars, `SHARES` for one of shares, else None."""
    if DOLLAR_COLUMN.search(header):
        return "MONEY"
    return "SHARES" if SHARES_COLUMN.search(header) else None


def repurchase_headers(text: str):
    """(match, line start, line end) of each header line of a repurchase table in `text`,
    once per line (`Total Number of Shares Purchased  ...  Total Number of Shares Purchased
    as Part of ...` is one header): its first REPURCHASE_HEADER match."""
    seen: set[int] = set()
    for m in REPURCHASE_HEADER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if line_start in seen:
            continue
        seen.add(line_start)
        line_end = text.find("\n", m.end())
        yield m, line_start, len(text) if line_end < 0 else line_end


def lines_below(text: str, pos: int, limit: int = REPURCHASE_LINES):
    """(start, end, cells) of the non-blank lines after the line holding `pos`, at most
    `limit`, until a line of prose."""
    end = text.find("\n", pos)
    for _ in range(limit):
        if end < 0 or end >= len(text):
            return
        start, end = end + 1, text.find("\n", end + 1)
        stop = len(text) if end < 0 else end
        if not text[start:stop].strip():
            continue
        cells = split_cells(text, start, stop)
        if len(cells) == 1 and stop - start > PROSE_LINE:
            return
        yield start, stop, cells


@lru_cache(maxsize=TABLES_CACHED)
def repurchase_figures(text: str) -> tuple[ColumnFigure, ...]:
    """The figures of the repurchase tables in `text` whose columns the header line names
    (`price`: the column is a price per share, whose figures no caption's scale
    multiplies; a count column takes the scale its caption states for counts): the figure
    cells of a row (numbers and dashes, the label left out) are matched to the named header
    columns from the right, where their counts agree (a row of other cells is left alone);
    dashes and note marks (`(3)`) hold a column's place but are no figures, and a note
    mark after a figure (`2,772,057  (1)`) is the figure's note where it holds no place."""
    out = []
    for m, header_start, header_end in repurchase_headers(text):
        header = split_cells(text, header_start, header_end)
        labels = [(column_label(c.text), bool(PRICE_COLUMN.search(c.text))) for c in header]
        labels = [x for x in labels if x[0] is not None]
        if len(labels) < 2:
            continue
        caption = text[_line_back(text, header_start, CAPTION_LINES):header_start]
        count_scale = stated_scale(caption, money=False)
        for _, _, cells in lines_below(text, m.end()):
            values = [c for c in cells if c.kind in ("number", "dash")]
            if cells and cells[0] in values and len(values) > len(labels):
                values = values[1:]  # a figure-like label (`2023`) is no figure
            notes = [c for k, c in enumerate(values) if k and NOTE_MARK.match(c.text)]
            if len(values) - len(notes) == len(labels):
                out += [ColumnFigure(c.start, c.end, None, False) for c in notes]
                values = [c for c in values if c not in notes]
            if len(values) != len(labels):
                continue
            for c, (label, price) in zip(values, labels):
                if c.kind == "number":
                    figure = NOTE_MARK.match(c.text) is None
                    out.append(ColumnFigure(c.start, c.end, label if figure else None, price,
                                            count_scale if label == "SHARES" else None))
    return tuple(sorted(set(out), key=lambda f: (f.start, f.end)))


# An award table (stock options, restricted stock units, performance shares; GUIDELINES wide
# reading 1) names on one header line what each column holds: a count of awards (`Options (in
# thousands)`, `Number of Stock Options`, `Shares (In millions)`, `Number Granted`), a price or
# value (`Weighted Average Exercise Price`, `Weighted Average Grant Date Fair Value`, `Aggregate
# Intrinsic Value (In millions)`) or a term (`Weighted Average Remaining Contractual Life
# (years)`). A count column's figures are SHARES whatever their form (`(22,190)` under `Options
# (in thousands)` is -22,190,000), a per-share column's MONEY that no scale multiplies.
AWARD_HEADER = re.compile(r"exercise\s+price|fair\s+value|intrinsic\s+value", re.I)
COUNT_COLUMN = re.compile(r"\b(?:shares|options|units|awards|rsus|psus|sars|number)\b", re.I)
TERM_COLUMN = re.compile(r"\blife\b|\bterm\b|\byears?\b", re.I)
# a weighted average of a value is one per unit (`Weighted Average Grant Date Fair Value`)
PER_UNIT_COLUMN = re.compile(PRICE_COLUMN.pattern + r"|\bweighted[- ]average\b", re.I)
AWARD_LINES = 30  # lines read below an award table's header
# a row of awards going out of the count (its figures in brackets are negative counts)
AWARDS_OUT = re.compile(r"exercised|forfeited|vested|cancel+ed|expired|released|converted|settled|surrendered", re.I)


def award_column(header: str) -> tuple[str | None, bool]:
    """(label, per share) of an award table's column from its header cell: a term is no
    figure of ours, a price or value is MONEY, a count of awards SHARES."""
    if TERM_COLUMN.search(header):
        return None, False
    if DOLLAR_COLUMN.search(header):
        return "MONEY", bool(PER_UNIT_COLUMN.search(header))
    if COUNT_COLUMN.search(header):
        return "SHARES", False
    return None, False


def counts_only(text: str, start: int, end: int) -> bool:
    """Whether the scale statement text[start:end] scales counts only: awards or shares
    named just before it and no dollars (`Options (in thousands)`, `Units (in thousands)`,
    `Shares in millions`)."""
    near = text[max(0, start - 30):end]
    return bool(COUNT_COLUMN.search(near)) and not DOLLAR_COLUMN.search(near)


def stated_scale(text: str, money: bool) -> float | None:
    """The scale `text` (a header cell or a caption) states for counts (`money` False:
    not one stated for values only, `(intrinsic values in millions)`) or for amounts: the
    first that holds for them."""
    for m in SCALE.finditer(text):
        before = text[max(0, m.start() - 30):max(m.end(), m.start() + 12)]  # and the statement: `(millions of dollars)`
        for_values = bool(DOLLAR_COLUMN.search(before))
        # `(dollars and shares in millions)`, `(dollars in millions; shares in thousands)`
        for_counts = not for_values or bool(SHARES_COLUMN.search(before))
        if (for_values or "$" in text) if money else for_counts:
            return SCALES.get((m.group(1) or m.group(2) or "").lower())
    return None


def _award_rows(text: str, line_end: int):
    """(label cell or None, figure cells) of the rows under an award table's header, until
    a blank line or a line of prose after the first row."""
    rows: list[tuple[Cell | None, list[Cell]]] = []
    pos = line_end
    for _ in range(AWARD_LINES):
        if pos >= len(text):
            break
        start = pos + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        pos = end
        cells = split_cells(text, start, end)
        if not cells:
            if rows:
                break
            continue
        label = cells[0] if cells[0].kind == "text" else None
        rest = cells[1:] if label else cells
        if not rest or not any(c.kind == "number" for c in rest) or \
                any(c.kind == "text" and len(c.text) > 20 for c in rest):
            if rows:
                break
            continue
        rows.append((label, rest))
    return rows


def _column_of(cell: Cell, anchors: list[tuple[int, int]], line_start: int) -> int:
    """The column whose horizontal extent (`anchors`: from the line start) the cell
    overlaps most, else the nearest one."""
    a, b = cell.start - line_start, cell.end - line_start
    overlaps = [min(b, e) - max(a, s) for s, e in anchors]
    best = max(range(len(anchors)), key=lambda k: overlaps[k])
    if overlaps[best] > 0:
        return best
    return min(range(len(anchors)), key=lambda k: min(abs(a - anchors[k][0]), abs(b - anchors[k][1])))


def award_figures(text: str) -> list[ColumnFigure]:
    """The figures of the award tables of `text` that their header's columns name. The
    header line has a count column and a price or value column; its cells match the
    rows' figure cells one to one, or with one more cell over the rows' labels. A row
    with all columns is read in order; a row with fewer (empty cells dropped) by where
    its cells stand under the full rows' cells."""
    out: list[ColumnFigure] = []
    seen: set[int] = set()
    for m in AWARD_HEADER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if line_start in seen:
            continue  # the line's second match: it was read with the first
        seen.add(line_start)
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        header = split_cells(text, line_start, line_end)
        if any(c.kind in VALUE_KINDS for c in header):
            continue
        rows = _award_rows(text, line_end)
        if not rows:
            continue
        width = max(len(rest) for _, rest in rows)
        if len(header) == width + 1:
            header = header[1:]
        if len(header) != width:
            continue
        columns = [award_column(c.text) for c in header]
        if not any(lab == "SHARES" for lab, _ in columns) or not any(lab == "MONEY" for lab, _ in columns):
            continue
        caption = text[_line_back(text, line_start, CAPTION_LINES):line_start]
        scales = [(stated_scale(c.text, lab == "MONEY") or stated_scale(caption, lab == "MONEY"))
                  if lab else None for c, (lab, _) in zip(header, columns)]
        full = [rest for _, rest in rows if len(rest) == width]
        anchors = []
        for k, c in enumerate(header):
            if full:
                starts = [r[k].start - text.rfind("\n", 0, r[k].start) - 1 for r in full]
                ends = [r[k].end - text.rfind("\n", 0, r[k].end) - 1 for r in full]
                anchors.append((min(starts), max(ends)))
            else:
                anchors.append((c.start - line_start, c.end - line_start))
        for lab_cell, rest in rows:
            row_start = text.rfind("\n", 0, rest[0].start) + 1
            for k, cell in enumerate(rest):
                col = k if len(rest) == width else _column_of(cell, anchors, row_start)
                label, price = columns[col]
                if cell.kind == "number":
                    a, b = core(cell)
                    # a bracketed digit in the count column of a full row of awards going out is a
                    # figure (`Stock options exercised  (3)`: thousands or millions), not a note's mark
                    going = lab_cell is not None and AWARDS_OUT.search(lab_cell.text) is not None
                    if label is None or (NOTE_MARK.match(cell.text)
                                         and (len(rest) != width or label != "SHARES" or not going)):
                        out.append(ColumnFigure(a, b, None, False))
                    else:
                        out.append(ColumnFigure(a, b, label, price, None if price else scales[col]))
    return out


# A row that counts shares in a table of money (an earnings-per-share reconciliation
# `(in millions)`: `Basic weighted average shares outstanding  673.8`): its bare figures are
# SHARES with the table's scale. Stock options and awards count shares only in a table
# that has such a row (`Stock options, unvested restricted stock ...` among the dilutive
# securities; not `Stock options  12` of an expense table).
SHARE_COUNT_ROW = re.compile(r"\bshares\s+outstanding\b|\bweighted[- ]average\b.*\bshares\b|"
                             r"\bnumber\s+of\s+(?:common\s+|ordinary\s+)?shares\b", re.I)
AWARD_ROW = re.compile(r"\bstock\s+options\b|\brestricted\s+stock\b|\bshare\s+awards\b|\bdilutive\s+securities\b",
                       re.I)
NOT_A_COUNT_ROW = re.compile(r"\bper\s+(?:\w+\s+)?share\b|\bprice\b|\bvalue\b|\bcost\b|\bexpense\b|\bincome\b|"
                             r"\bearnings\b|\bdividends?\b|\bproceeds\b|\bamount\b|\bcompensation\b|\bpaid\b|"
                             r"\$", re.I)


def share_row_figures(text: str) -> list[ColumnFigure]:
    """The bare figures of the rows of `text`'s tables that count shares (SHARE_COUNT_ROW,
    and AWARD_ROW in a table that has one), with the table's scale."""
    out: list[ColumnFigure] = []
    for t in tables_of(text):
        labels = [(r, r.label.text) for r in t.rows if r.label is not None and not NOT_A_COUNT_ROW.search(r.label.text)]
        if not any(SHARE_COUNT_ROW.search(lab) for _, lab in labels):
            continue
        for row, lab in labels:
            if SHARE_COUNT_ROW.search(lab) or AWARD_ROW.search(lab):
                out += [ColumnFigure(*core(c), "SHARES", False, t.scale if t.scale != 1.0 else None)
                        for c in row.values if c.kind == "number" and not any(ch in CURRENCY_SIGNS for ch in c.text)]
    return out


# A table, or the part of one below a line, whose caption says its figures count shares
# (`(Number of Shares)` over a statement of equity's share counts, `(shares in thousands)` over
# award activity): its bare figures are SHARES, with the scale the caption states. A caption
# that names dollars as well (`(dollars and shares in millions)`) is not one.
SHARE_CAPTION = re.compile(r"\(\s*(?:number\s+of\s+shares|shares\s+in\s+(?:thousands|millions)|"
                           r"(?:in\s+)?(?:thousands|millions)\s+of\s+shares)\s*\)|"
                           # the first cell of a header line (`Shares in thousands  2024    2023`)
                           r"^[ \t]*shares\s+in\s+(?:thousands|millions)(?=[ \t]{2,}|[ \t]*$)", re.I | re.M)


def share_table_figures(text: str) -> list[ColumnFigure]:
    """The bare figures of the tables of `text` (or of their rows below a line) that a
    SHARE_CAPTION says count shares, until a row holding a currency sign; rows about money
    (NOT_A_COUNT_ROW) are left alone."""
    out: list[ColumnFigure] = []
    for t in tables_of(text):
        m = SHARE_CAPTION.search(t.caption)
        begin = t.start
        if m is None:
            line = next((r for r in t.lines if id(r) not in t.row_ids
                         and (m := SHARE_CAPTION.search(text, r.start, r.end))), None)
            if line is None:
                continue
            begin = line.end
        scale = stated_scale(m.group(), money=False)
        for row in t.rows:
            if row.start < begin:
                continue
            if any(ch in CURRENCY_SIGNS for c in row.values for ch in c.text):
                break
            if row.label is not None and NOT_A_COUNT_ROW.search(row.label.text):
                continue
            out += [ColumnFigure(*core(c), "SHARES", False, scale) for c in row.values if c.kind == "number"]
    return out


# A statement of equity that gives each period a column of shares and one of dollars
# (`Shares  $  Shares  $`): under that header, a row with a figure in every column holds
# shares and dollars in turn (`Beginning balance  (291.9)  (35,072)  (276.9)  (31,420)`).
# The header is a line of those words only (group 1: the words).
SHARES_DOLLARS_HEADER = re.compile(r"^[ \t]*((?:(?:shares|\$|amounts?|dollars)\s*){4,})[ \t]*$", re.I | re.M)
_SHARES_OR_DOLLARS = re.compile(r"shares|\$|amounts?|dollars", re.I)
EQUITY_LINES = 60  # lines read below such a header


@dataclass(frozen=True)
class SharesDollarsTable:
    """A statement of equity's columns of shares and dollars in turn: `header` the header
    line's (start, end), `columns` SHARES or MONEY for each, `scale` the caption's for the
    counts, `rows` (label cell or None, figure and dash cells) of the rows filling every
    column, `end` the end of the last line read."""
    header: tuple[int, int]
    columns: tuple[str, ...]
    scale: float | None
    rows: tuple[tuple[Cell | None, tuple[Cell, ...]], ...]
    end: int


@lru_cache(maxsize=TABLES_CACHED)
def shares_dollars_tables(text: str) -> tuple[SharesDollarsTable, ...]:
    """The tables of `text` under a header of shares and dollars columns in turn
    (SHARES_DOLLARS_HEADER, at least two of each), each read to the next such header. A
    header under which a row has more figures than it names columns is left alone (it
    names some of the columns only)."""
    out = []
    headers = list(SHARES_DOLLARS_HEADER.finditer(text))
    for m, after in zip(headers, headers[1:] + [None]):
        columns = tuple("SHARES" if w.lower() == "shares" else "MONEY" for w in _SHARES_OR_DOLLARS.findall(m.group(1)))
        if any(a == b for a, b in zip(columns, columns[1:])) or columns.count("SHARES") < 2:
            continue
        start, end = offsets.line_start(text, m.start(1)), offsets.line_end(text, m.end(1))
        scale = stated_scale(text[_line_back(text, start, MAX_HEADER):start] + text[end:end + PROSE_LINE],
                              money=False)  # the caption, above or below the header, not the header's `$`
        lines = [x for x in lines_below(text, end, EQUITY_LINES) if after is None or x[1] <= after.start()]
        rows = [(cells[0] if cells[0].kind == "text" else None, tuple(c for c in cells if c.kind in ("number", "dash")))
                for _, _, cells in lines]
        if not lines or any(len(values) > len(columns) for _, values in rows):
            continue
        out.append(SharesDollarsTable((start, end), columns, scale,
                                      tuple(r for r in rows if len(r[1]) == len(columns)), lines[-1][1]))
    return tuple(out)


def shares_dollars_figures(text: str) -> list[ColumnFigure]:
    """The figures of the rows of `shares_dollars_tables` that fill every column: SHARES
    with the scale the caption states for counts, and MONEY."""
    return [ColumnFigure(*core(c), label, False, t.scale if label == "SHARES" else None)
            for t in shares_dollars_tables(text) for _, values in t.rows
            for c, label in zip(values, t.columns) if c.kind == "number"]


@lru_cache(maxsize=TABLES_CACHED)
def column_figures(text: str) -> tuple[ColumnFigure, ...]:
    """The figures of `text` whose table column or row says what they count: those of
    repurchase tables (`repurchase_figures`), award tables (`award_figures`), rows
    counting shares (`share_row_figures`), tables captioned as counting shares
    (`share_table_figures`) and statements of equity with columns of shares and dollars
    in turn (`shares_dollars_figures`)."""
    figures = list(repurchase_figures(text))
    taken = {(f.start, f.end) for f in figures}
    for more in (award_figures(text), share_row_figures(text), share_table_figures(text),
                 shares_dollars_figures(text)):
        figures += [f for f in more if (f.start, f.end) not in taken]
        taken |= {(f.start, f.end) for f in more}
    return tuple(sorted(set(figures), key=lambda f: (f.start, f.end)))


def _line_back(text: str, pos: int, lines: int) -> int:
    """The start of the line `lines` lines above the one starting at `pos`."""
    for _ in range(lines):
        if pos <= 0:
            return 0
        pos = text.rfind("\n", 0, pos - 1) + 1
    return pos
