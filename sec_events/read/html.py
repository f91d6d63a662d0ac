"""HTML to plain text for EDGAR documents (inscriptis on a cleaned lxml tree).

What comes out: paragraphs and line breaks as in the rendered page, entities
decoded, no scripts, styles or page heads, no inline-XBRL hidden header (the
`ix:header` block and any `display:none` element), and each table row on one line
(cells separated by spaces, line breaks inside a cell turned into spaces, empty
spacer cells dropped). Trailing spaces are trimmed and runs of blank lines are
collapsed to one, so paragraph breaks show as one empty line.

Why inscriptis: see /work/notes/issue2-html.md (compared with html2text,
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
_CELL_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                "center", "blockquote", "pre", "dl", "dt", "dd"}
_SPACE_CHARS = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u200b": None,
                              "\ufeff": None, "\u00ad": None, "\t": " "})


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
    """Remove what is never read and flatten table cells, in place."""
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
    for cell in [el for el in root.iter() if _tag(el) in ("td", "th")]:
        if not cell.text_content().strip():
            if cell.getparent() is not None:
                cell.drop_tree()
            continue
        for el in list(cell.iter()):
            if el is cell:
                continue
            tag = _tag(el)
            if tag == "br":
                el.tail = " " + (el.tail or "")
                el.drop_tree()
            elif tag in _CELL_BLOCKS:
                el.tail = " " + (el.tail or "")
                el.drop_tag()
    for row in [el for el in root.iter() if _tag(el) == "tr"]:
        if not row.text_content().strip():
            # a row made only of spacer cells would render as a blank line
            if row.getparent() is not None:
                row.drop_tree()
            continue
        _join_symbol_cells(row)


_PREFIX_SYMBOLS = {"$", "(", "$(", "€", "£", "¥"}
_SUFFIX_SYMBOLS = {")", "%", ")%", "%)"}


def _join_symbol_cells(row) -> None:
    """EDGAR tables put '$' and ')' / '%' in cells of their own: glue them to the
    number next to them, so '$ 293,618' reads '$293,618' on the row's line."""
    cells = [c for c in row if _tag(c) in ("td", "th")]
    for i, cell in enumerate(cells):
        sym = cell.text_content().strip()
        if sym in _PREFIX_SYMBOLS and i + 1 < len(cells):
            nxt = cells[i + 1]
            nxt.text = sym + (nxt.text or "").lstrip()
            cell.drop_tree()
        elif sym in _SUFFIX_SYMBOLS and i > 0 and cells[i - 1].getparent() is not None:
            prev = cells[i - 1]
            tail = lxml.html.Element("span")
            tail.text = sym
            prev.append(tail)
            cell.drop_tree()


def tidy_text(text: str) -> str:
    """Normalise spaces (nbsp, zero-width), trim line ends, collapse blank-line runs."""
    text = text.translate(_SPACE_CHARS)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


def html_to_text(html: str) -> str:
    """Render an HTML (or inline XBRL) document as plain text; '' if nothing readable."""
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    clean_tree(root)
    text = Inscriptis(root, _CONFIG).get_text()
    return tidy_text(text)
