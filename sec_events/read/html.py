"""HTML to plain text for EDGAR documents (inscriptis on a cleaned lxml tree), tables kept.

What comes out: paragraphs and line breaks as in the rendered page, entities
decoded, no scripts, styles or page heads, no inline-XBRL hidden header (the
`ix:header` block and any `display:none` element). Trailing spaces are trimmed and
runs of blank lines are collapsed to one, so paragraph breaks show as one empty line.

Tables (issue 19): a data table is written by this module, not by inscriptis, and
each of its rows is one line, its cells separated by a tab:

* empty cells (spacers, nbsp only) are dropped, and so are rows with no text;
* a cell holding only `$` (`€`, `£`, `¥`, `(`, `$(`) is joined to the cell after it,
  a cell holding only `)`, `%`, `)%`, `%)` to the cell before it:
  `$` `1,234` -> `$1,234`; `12.5` `%` -> `12.5%`; `(` `1,234` `)` -> `(1,234)`;
* inside a cell, whitespace (line breaks, paragraphs, nbsp) becomes one space, so a
  cell never spans lines; colspan and rowspan are ignored (a cell is written once,
  where it stands);
* a table nested in a cell is flattened into that cell (its cells' text, separated
  by spaces), so the outer row stays one line;
* text inside a table but outside its cells (malformed HTML) is kept: a row of its own
  or an extra cell of the row it stands in;
* a blank line separates a table from the prose (and the table) around it.

A table with at most one non-empty cell in every row is layout, not data (a page
wrapped in a one-cell table, a heading boxed in a table): it is rendered as blocks,
paragraphs kept, and is not listed. `html_document` also returns the tables it wrote:
`{"start", "end", "rows", "columns"}` (offsets into the returned text, the number of
lines, the most cells of any line). Everything is linear in the size of the document
(a 10,000-row table takes well under a second).

Why inscriptis for the prose: see /work/notes/issue2-html.md (compared with html2text,
BeautifulSoup get_text and edgartools on real filings).
"""
from __future__ import annotations

import re

import lxml.etree
import lxml.html
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.html_engine import Inscriptis
from inscriptis.model.config import ParserConfig

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_BLANK_RUNS = re.compile(r"\n{3,}")
_DROP_TAGS = {"script", "style", "head", "title", "noscript", "template"}
_SPACE_CHARS = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u200b": None,
                              "\ufeff": None, "\u00ad": None, "\t": " "})
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"  # private-use characters: a table's place in the prose
_MARKER = re.compile(f"{_MARK_OPEN}(\\d+){_MARK_CLOSE}")
_ROW_GROUPS = {"thead", "tbody", "tfoot"}
_CELLS = {"td", "th"}
_TABLE_TAGS = {"table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption"}
# elements whose start and end separate words inside a cell
_BREAKS = {"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "center",
           "blockquote", "pre", "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "hr"}
PREFIX_SYMBOLS = {"$", "(", "$(", "€", "£", "¥", "US$"}
SUFFIX_SYMBOLS = {")", "%", ")%", "%)"}


def _config() -> ParserConfig:
    # "strict" renders inline elements without padding; EDGAR HTML separates words
    # with real whitespace, so this avoids spurious spaces inside words split
    # across <font> runs.
    return ParserConfig(css=CSS_PROFILES["strict"].copy(), table_cell_separator="  ")


_CONFIG = _config()


def _tag(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.lower()


def clean_tree(root) -> None:
    """Remove what is never read (comments, scripts, styles, hidden elements), in place."""
    doomed = []
    for el in root.iter():
        tag = _tag(el)
        if not tag:  # comments, processing instructions
            doomed.append(el)
        elif tag in _DROP_TAGS or tag == "ix:header" or tag.endswith(":header") and tag.startswith("ix"):
            doomed.append(el)
        elif _HIDDEN.search(el.get("style") or ""):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text


# ------------------------------------------------------------------ tables
def _squeeze(text: str) -> str:
    return " ".join(text.translate(_SPACE_CHARS).split())


def cell_text(cell) -> str:
    """A cell's text on one line: words of its paragraphs, line breaks and nested
    tables separated by single spaces."""
    parts: list[str] = []
    for event, el in lxml.etree.iterwalk(cell, events=("start", "end")):
        tag = _tag(el)
        if event == "start":
            if tag in _BREAKS:
                parts.append(" ")
            if isinstance(el.tag, str) and el.text:
                parts.append(el.text)
        else:
            if tag in _BREAKS:
                parts.append(" ")
            if el is not cell and el.tail:
                parts.append(el.tail)
    return _squeeze("".join(parts))


def _raw_rows(table) -> list[list[str]]:
    """The table's own rows as lists of cell texts (empty cells included), in order;
    text outside cells kept as a cell; nested tables stay inside their cells."""
    rows: list[list[str]] = []
    open_row: list[str] | None = None  # cells written straight into a table or row group

    def stray(text: str | None) -> None:
        if text and text.strip():
            rows.append([_squeeze(text)])

    def walk(container) -> None:
        nonlocal open_row
        stray(container.text)
        for child in container:
            tag = _tag(child)
            if tag in _ROW_GROUPS:
                open_row = None
                walk(child)
            elif tag == "tr":
                open_row = None
                row = [_squeeze(child.text)] if child.text and child.text.strip() else []
                for cell in child:
                    if isinstance(cell.tag, str):
                        row.append(cell_text(cell))
                    if cell.tail and cell.tail.strip():
                        row.append(_squeeze(cell.tail))
                rows.append(row)
            elif tag in _CELLS:
                if open_row is None:
                    open_row = []
                    rows.append(open_row)
                open_row.append(cell_text(child))
            elif tag in ("col", "colgroup") or not tag:
                pass
            else:  # caption, or anything misplaced inside the table
                open_row = None
                stray(cell_text(child))
            if child.tail and child.tail.strip():
                open_row = None
                stray(child.tail)

    walk(table)
    return rows


def join_symbols(cells: list[str]) -> list[str]:
    """Non-empty cells with currency signs, parentheses and percent signs that stand
    in cells of their own joined to their number."""
    out: list[str] = []
    prefix = ""
    for text in cells:
        if not text:
            continue
        if text in PREFIX_SYMBOLS:
            prefix += text
        elif text in SUFFIX_SYMBOLS and out and not prefix:
            out[-1] += text
        else:
            out.append(prefix + text)
            prefix = ""
    if prefix:
        out.append(prefix)
    return out


def table_rows(table) -> list[str]:
    """The lines a data table is written as (one per non-empty row, cells tab-separated)."""
    return ["\t".join(cells) for cells in (join_symbols(r) for r in _raw_rows(table)) if cells]


def _is_layout(table) -> bool:
    """At most one non-empty cell in every row: a box around prose, not a table."""
    return all(sum(1 for c in row if c) <= 1 for row in _raw_rows(table))


def _unwrap(table) -> None:
    """Render a layout table as blocks: its table elements become divs."""
    stack = [table]
    while stack:
        el = stack.pop()
        if _tag(el) in _TABLE_TAGS:
            if el is table or _tag(el) != "table":
                el.tag = "div"
                for attr in ("colspan", "rowspan"):
                    el.attrib.pop(attr, None)
                stack.extend(el)  # nested tables are decided on their own


def mark_tables(root) -> list[str]:
    """Replace each outermost data table by a marker paragraph; return the tables' texts
    (index = the marker's number). Layout tables are unwrapped into blocks."""
    texts: list[str] = []
    done: set = set()
    for table in list(root.iter("table")):
        if table in done or table.getparent() is None:
            continue
        if _is_layout(table):
            _unwrap(table)
            continue
        done.update(table.iter("table"))
        lines = table_rows(table)
        parent, tail = table.getparent(), table.tail
        if not lines:
            table.drop_tree()
            continue
        marker = lxml.html.Element("div")
        marker.text = f"{_MARK_OPEN}{len(texts)}{_MARK_CLOSE}"
        marker.tail = tail
        parent.replace(table, marker)
        texts.append("\n".join(lines))
    return texts


def _place_tables(text: str, tables: list[str]) -> tuple[str, list[dict]]:
    """Put the tables' texts where their markers stand, a blank line either side;
    record their offsets."""
    pieces = _MARKER.split(text)
    out = pieces[0].rstrip()
    spans: list[dict] = []
    for k in range(1, len(pieces), 2):
        lines = tables[int(pieces[k])].split("\n")
        if out:
            out += "\n\n"
        start = len(out)
        out += "\n".join(lines)
        spans.append({"start": start, "end": len(out), "rows": len(lines),
                      "columns": max(line.count("\t") + 1 for line in lines)})
        prose = pieces[k + 1]
        prose = prose.lstrip("\n") if prose.startswith("\n") else prose.lstrip(" ")
        prose = prose.rstrip()
        if prose.strip():
            out += "\n\n" + prose
    return out, spans


def tidy_text(text: str) -> str:
    """Normalise spaces (nbsp, zero-width), trim line ends, collapse blank-line runs."""
    text = text.translate(_SPACE_CHARS)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def html_document(html: str) -> tuple[str, list[dict]]:
    """(text, tables) of an HTML (or inline XBRL) document: the text as `html_to_text`
    gives it and its data tables as {"start", "end", "rows", "columns"}; ('', [])
    if nothing is readable."""
    html = _XML_DECL.sub("", html, count=1)
    if _MARK_OPEN in html or _MARK_CLOSE in html:
        html = html.replace(_MARK_OPEN, "").replace(_MARK_CLOSE, "")
    if not html.strip():
        return "", []
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return "", []
    clean_tree(root)
    tables = mark_tables(root)
    text = tidy_text(Inscriptis(root, _CONFIG).get_text())
    if not tables:
        return text, []
    return _place_tables(text, tables)


def html_to_text(html: str) -> str:
    """Render an HTML (or inline XBRL) document as plain text; '' if nothing readable."""
    return html_document(html)[0]
