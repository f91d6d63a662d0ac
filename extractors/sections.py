"""The sections of an 8-K: its items, its signature block and its exhibits.

`sections(text)` returns, in text order, ``{"item", "title", "start", "end"}`` dicts:

* one per item heading of the 8-K body, in either numbering: ``Item 5.07`` (from
  August 2004) and the old ``Item 5``; ``item`` is the number as written without
  its leading zero or punctuation (``"5.07"``, ``"5"``), ``title`` the heading's
  title as the filer wrote it (``"Submission of Matters to a Vote of Security
  Holders"``; ``""`` when the heading gives none). Variants read: any case
  (``ITEM 5.07.``), punctuation or a dash or tab after the number (``Item 5.07 -``,
  ``Item 5.07:``, a heading laid out as a table row), the title on the heading's
  line or on the next line, a title run on into the first sentence of the item
  (``ITEM 2.02. RESULTS OF OPERATIONS AND FINANCIAL CONDITION On November ...``: the
  title is the part that matches the item's SEC title). A heading naming several
  items (``Items 5.02 and 9.01``) is one section: ``item`` is the first number and
  ``items`` lists them all.
  A decimal number is an item only if Form 8-K has it (1.01 ... 9.01); an old
  number (1-12) only with its SEC title (or a title starting like it), so that the
  numbered proposals of a vote (``Item 2. The proposal to ratify ...``) and the
  tables of contents of annual reports quoted in exhibits (``Item 8. Financial
  Statements and Supplementary Data``) are no sections. A line that refers to an
  item (``Item 2.01 of this report``: a lowercase word after the number) is none.
* ``{"item": "signature"}``: the signature block, from its ``SIGNATURE(S)`` heading
  (or the line of the signing clause ``... caused this report to be signed ...``)
  to the first exhibit;
* one per exhibit after the signature block: ``item`` ``"EX-99.1"`` from the
  exhibit's heading (``EXHIBIT 99.1``), ``"EX"`` for an exhibit pasted without one
  (the first long line of prose after the signature block), ``title`` the rest of
  the heading's line (shortened to 120 characters).

Each section ends where the next begins; the last ends at the end of the text. The
text before the first section (cover page, lee8k's ``ITEM:`` lines) belongs to no
section. `body_end(text)` is where the 8-K body ends (the signature block, else the
first exhibit, else the end of the text): SCHEMA v1.2 section 4's "8-K body, up to
its signature block", which the items check and `unmatched_items` read.

`section_at(sections, offset)` is the section holding an offset (None before the
first), and `item_at(sections, offset)` its item number (None outside the items):
``item_at(secs, trigger_start) == "5.07"`` tells a later stage that a vote count
stands in the item for votes, so that, say, an ambiguous `approved` there is typed
SHAREHOLDER_VOTE. Linear in the length of the text.
"""
from __future__ import annotations

import bisect
import re

from extractors.layout import ANY_EXHIBIT_HEADING, EXHIBIT_99_HEADING, PROSE_LINE, REPORT_SIGNED
from extractors.offsets import line_start

# Form 8-K's item titles (the SEC's own wording: the current form and, for old
# numbers, the form before August 2004); matched case-insensitively, words apart by
# anything that is not a letter or digit.
CURRENT_TITLES = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet "
            "Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an "
            "Obligation under an Off-Balance Sheet Arrangement",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or "
            "Completed Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
            "Officers; Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "6.06": "Static Pool",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}
OLD_TITLES = {
    "1": "Changes in Control of Registrant",
    "2": "Acquisition or Disposition of Assets",
    "3": "Bankruptcy or Receivership",
    "4": "Changes in Registrant's Certifying Accountant",
    "5": "Other Events",
    "6": "Resignations of Registrant's Directors",
    "7": "Financial Statements and Exhibits",
    "8": "Change in Fiscal Year",
    "9": "Regulation FD Disclosure",
    "10": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "11": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "12": "Results of Operations and Financial Condition",
}
# how an old item's title may begin (filers wrote "Resignation of Directors",
# "Financial Statements, Pro Forma Financial Information and Exhibits", "Change(s) in Control")
_OLD_STARTS = {
    "1": r"changes?\W+in\W+control", "2": r"acquisition\W+or\W+disposition", "3": r"bankruptcy",
    "4": r"changes?\W+in\W+(?:the\W+)?registrant", "5": r"other\W+events", "6": r"resignations?\W+of",
    "7": r"financial\W+statements?\W+(?:and|,|pro)", "8": r"change\W+in\W+fiscal", "9": r"regulation\W+fd",
    "10": r"amendments?\W+to\W+(?:the\W+)?registrant", "11": r"temporary\W+suspension",
    "12": r"(?:disclosure\W+of\W+)?results\W+of\W+operations",
}
_OLD_STARTS = {k: re.compile(v, re.I) for k, v in _OLD_STARTS.items()}

_NUM = r"\d{1,2}(?:\.\d{2})?(?![\d.]*\d)"
HEADING = re.compile(
    r"^[ \t\xa0]*(?:ITEMS?|Items?|items?)[ \t\xa0]*(?P<num>" + _NUM + r")(?![A-Za-z])(?:\([a-z]\))?"
    r"(?P<more>(?:[ \t]*(?:,|and|&)[ \t]*(?:" + _NUM + r"))*)"
    r"[ \t]*[.:\-\u2013\u2014]*[ \t]*(?P<rest>[^\n]*)", re.M)
_MORE_NUM = re.compile(_NUM)
_SIGNATURE_HEADING = re.compile(r"^[ \t]*SIGNATURES?[ \t]*:?[ \t]*$", re.M | re.I)
_SENTENCE = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z(\"\u201c])|\s{3,}(?=\S)")
_SIGNING_LINE = re.compile(REPORT_SIGNED.pattern + r"|^\s*Pursuant\s+to\s+the\s+requirements", re.I)
_GOES_ON = re.compile(r"\s*(?:[;,&]|and\b)", re.I)  # a title naming more than the item's SEC title
TITLE_CHARS = 120


def _title_pattern(title: str) -> re.Pattern:
    words = re.findall(r"[A-Za-z0-9]+", title)
    return re.compile(r"\W*".join(re.escape(w) for w in words) + r"\b", re.I)


_CURRENT_RX = {k: _title_pattern(v) for k, v in CURRENT_TITLES.items()}
_OLD_RX = {k: _title_pattern(v) for k, v in OLD_TITLES.items()}


def _number(raw: str) -> str:
    """'05.07' -> '5.07', '07' -> '7'."""
    head, _, tail = raw.partition(".")
    head = str(int(head))
    return f"{head}.{tail}" if tail else head


def _title(item: str, rest: str, next_line: str) -> tuple[str, bool]:
    """(title, whether it is the item's SEC title or starts like it): the rest of the
    heading's line, or the next line when the heading's holds only the number."""
    candidate = rest.strip()
    on_next = not candidate
    if on_next:
        candidate = next_line.strip()
    canonical = (_CURRENT_RX if "." in item else _OLD_RX).get(item)
    if canonical and (m := canonical.match(candidate)) and not _GOES_ON.match(candidate, m.end()):
        return candidate[:m.end()].rstrip(" .:;-"), True
    start = None if "." in item else _OLD_STARTS.get(item)
    known = bool(start and start.match(candidate))
    if on_next and not known:
        return "", False
    # a title runs to the line's end, unless a sentence follows it on the same line
    m = _SENTENCE.search(candidate)
    title = candidate[:m.start()] if m else candidate
    return title[:TITLE_CHARS].rstrip(" .:;-\u2013\u2014"), known


def _next_line(text: str, pos: int, lines: int = 3) -> str:
    """The first line with text among the `lines` lines after offset `pos` (a line end)."""
    for _ in range(lines):
        if pos >= len(text):
            break
        nl = text.find("\n", pos + 1)
        nl = len(text) if nl < 0 else nl
        if text[pos + 1:nl].strip():
            return text[pos + 1:nl]
        pos = nl
    return ""


def _headings(text: str, end: int) -> list[dict]:
    out = []
    for m in HEADING.finditer(text, 0, end):
        rest = m.group("rest")
        if rest[:1].islower():
            continue  # "Item 2.01 of this report": a reference, not a heading
        item = _number(m.group("num"))
        if "." in item:
            if item not in CURRENT_TITLES:
                continue
        elif item not in OLD_TITLES:
            continue
        next_line = _next_line(text, m.end()) if not rest.strip() else ""
        title, known = _title(item, rest, next_line)
        if "." not in item and not known:
            continue  # an old number without its title: a numbered proposal, a 10-K's contents
        section = {"item": item, "title": title, "start": m.start() + len(m.group()) - len(m.group().lstrip()),
                   "end": None}
        more = [_number(n) for n in _MORE_NUM.findall(m.group("more"))]
        if more:
            section["items"] = [item, *more]
        out.append(section)
    return out


def _signature_start(text: str, clause: re.Match, floor: int) -> int:
    """The signature block's first line: its SIGNATURE(S) heading when one stands within
    a few lines before the signing clause, else the clause's line."""
    start = line_start(text, clause.start())
    window = max(floor, start - 300)
    heads = [h.start() for h in _SIGNATURE_HEADING.finditer(text, window, start)]
    start = heads[-1] if heads else start
    return start + len(text[start:clause.start()]) - len(text[start:clause.start()].lstrip(" \t"))


def _exhibit_sections(text: str, start: int) -> list[dict]:
    """Exhibit sections from `start` (the first exhibit) to the end of the text."""
    out = []
    heads = [m.start() + 1 for m in ANY_EXHIBIT_HEADING.finditer(text, max(0, start - 1))]
    if not heads or heads[0] > start:
        out.append({"item": "EX", "title": "", "start": start, "end": None})
    for h in heads:
        h += len(text[h:]) - len(text[h:].lstrip(" \t"))
        nl = text.find("\n", h)
        line = text[h:nl if nl >= 0 else len(text)]
        m = re.match(r"(?:EXHIBIT|Exhibit)\s+([0-9][0-9.()A-Za-z]*)", line)
        number = m.group(1).rstrip(".") if m else ""
        title = line[m.end():].strip(" \t.:-\u2013\u2014") if m else ""
        title = title if len(title) <= 80 and not _SENTENCE.search(title) else ""  # a heading, not prose
        out.append({"item": f"EX-{number}" if number else "EX", "title": title.strip(), "start": h, "end": None})
    return out


def sections(text: str) -> list[dict]:
    """The sections of an 8-K's text (module docstring), in order, none overlapping."""
    first_item = HEADING.search(text)
    floor = first_item.start() if first_item else min(200, len(text))
    clause = REPORT_SIGNED.search(text, floor)
    if clause:
        signature = _signature_start(text, clause, floor)
        exhibits = len(text)
        if m := ANY_EXHIBIT_HEADING.search(text, clause.end()):
            exhibits = m.start() + 1
        for m in PROSE_LINE.finditer(text, clause.end(), exhibits):
            if not _SIGNING_LINE.search(m.group()):  # a second registrant's signing clause is no exhibit
                exhibits = m.start() + 1
                break
    else:  # no signing clause: the body runs to the first EX-99 heading
        m = EXHIBIT_99_HEADING.search(text, min(200, len(text)))
        signature = exhibits = m.start() + 1 if m else len(text)
    exhibits = max(exhibits, signature)
    items = _headings(text, signature)
    out = list(items)
    if clause:
        out.append({"item": "signature", "title": "", "start": signature, "end": None})
    if exhibits < len(text) and text[exhibits:].strip():
        out.extend(_exhibit_sections(text, exhibits))
    out.sort(key=lambda s: s["start"])
    for a, b in zip(out, out[1:]):
        a["end"] = b["start"]
    if out:
        out[-1]["end"] = len(text)
    return [s for s in out if s["end"] > s["start"]]


def body_end(text: str, secs: list[dict] | None = None) -> int:
    """Where the 8-K body ends: its signature block, else its first exhibit, else the text's end."""
    for s in secs if secs is not None else sections(text):
        if s["item"] == "signature" or s["item"].startswith("EX"):
            return s["start"]
    return len(text)


def section_at(secs: list[dict], offset: int) -> dict | None:
    """The section holding `offset` (None before the first section or past the text)."""
    k = bisect.bisect_right([s["start"] for s in secs], offset) - 1
    return secs[k] if k >= 0 and offset < secs[k]["end"] else None


def item_at(secs: list[dict], offset: int) -> str | None:
    """The 8-K item number of the section holding `offset` ("5.07", "5"), None outside the items."""
    s = section_at(secs, offset)
    return s["item"] if s and s["item"][0].isdigit() else None
