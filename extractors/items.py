"""8-K items -> SCHEMA event types, in both numberings.

Filers declare the items a current report covers (EDGAR header `ITEM INFORMATION`,
or lee8k's `meta.items`), as titles ("Results of Operations and Financial
Condition") or numbers ("2.02", "Item 5"). Items numbered before the August 2004
reform use a different scheme (old Item 5 "Other events", old Item 12 "Results of
operations"), so a bare number needs the filing date; titles do not.

`item_types(item, filed)` gives the set of event types an item declares (empty for
items with no SCHEMA type, such as exhibits or Regulation FD); an item satisfied by
any of several types (2.01: ACQUISITION or DISPOSITION) returns them all and counts
as matched when any is extracted.
"""
from __future__ import annotations

import re

REFORM_DATE = "2004-08-23"  # the current 8-K item numbering applies to filings from this date

CURRENT = {
    "1.01": {"AGREEMENT"}, "1.02": {"AGREEMENT"}, "1.03": {"BANKRUPTCY"},
    "2.01": {"ACQUISITION", "DISPOSITION"}, "2.02": {"FINANCIAL_RESULT"}, "2.03": {"FINANCING"},
    "3.01": {"DELISTING"}, "3.02": {"FINANCING", "CONVERSION"}, "3.03": {"CONVERSION"},
    "4.01": {"AUDITOR_CHANGE"}, "5.02": {"EXECUTIVE_CHANGE"}, "5.07": {"SHAREHOLDER_VOTE"},
}
PRE_2004 = {
    "2": {"ACQUISITION", "DISPOSITION"}, "3": {"BANKRUPTCY"}, "4": {"AUDITOR_CHANGE"},
    "6": {"EXECUTIVE_CHANGE"}, "12": {"FINANCIAL_RESULT"},
}
TITLES = [  # title patterns (either numbering) -> types
    (r"entry into a material definitive agreement|termination of a material definitive agreement",
     {"AGREEMENT"}),
    (r"bankruptcy|receivership", {"BANKRUPTCY"}),
    (r"completion of acquisition or disposition|acquisition or disposition of assets",
     {"ACQUISITION", "DISPOSITION"}),
    (r"results of operations", {"FINANCIAL_RESULT"}),
    (r"creation of a direct financial obligation", {"FINANCING"}),
    (r"notice of delisting|transfer of listing", {"DELISTING"}),
    (r"unregistered sales? of equity", {"FINANCING", "CONVERSION"}),
    (r"material modifications? to rights of security holders", {"CONVERSION"}),
    (r"changes? in (?:registrant'?s )?certifying accountant", {"AUDITOR_CHANGE"}),
    (r"departure of directors|resignations? of (?:registrant'?s )?directors", {"EXECUTIVE_CHANGE"}),
    (r"submission of matters to a vote", {"SHAREHOLDER_VOTE"}),
]
_TITLES = [(re.compile(p, re.I), types) for p, types in TITLES]
_NUMBER = re.compile(r"^\s*(?:item\s*)?(\d{1,2}(?:\.\d{2})?)\b", re.I)
MAPPED_TYPES = frozenset(t for _, types in TITLES for t in types)


def item_types(item: str, filed: str | None = None) -> set[str]:
    """Event types declared by one item (title or number); empty if none maps."""
    for pattern, types in _TITLES:
        if pattern.search(item):
            return set(types)
    m = _NUMBER.match(item)
    if not m:
        return set()
    number = m.group(1)
    if "." in number:
        return set(CURRENT.get(number, ()))
    if filed is not None and filed >= REFORM_DATE:
        return set()
    return set(PRE_2004.get(number, ()))


def declared_types(items: list[str], filed: str | None = None) -> list[set[str]]:
    """One set of acceptable types per declared item that maps to SCHEMA."""
    return [types for types in (item_types(i, filed) for i in items or []) if types]


def unmatched_items(items: list[str], event_types: set[str], filed: str | None = None) -> list[str]:
    """Declared items with no extracted event of a matching type."""
    return [i for i in items or [] if (t := item_types(i, filed)) and not t & event_types]


def _exhibit_heading(number: str) -> re.Pattern:
    """A line that opens exhibit `number` (a regex), not one that refers to it."""
    return re.compile(r"\n[ \t]*(?:EXHIBIT|Exhibit)\s+" + number +
                      r"(?:\.\d+)?\b(?![^\n]{0,80}\b(?:hereto|attached|incorporated|furnished|filed)\b)")


EXHIBIT_START = _exhibit_heading("99")
ANY_EXHIBIT_START = _exhibit_heading(r"\d+")  # EX-10 agreements as well as EX-99 releases
# the 8-K signature clause: "... has duly caused this report to be signed on its behalf ..."
SIGNATURE_CLAUSE = re.compile(r"caused\s+this\s+(?:current\s+)?(?:report|amendment)\b[^.]{0,80}?\bsigned", re.I)
# a line of prose: signature blocks hold short lines (Date:, By: /s/ ..., names, titles)
PROSE_LINE = re.compile(r"\n[ \t]*[^\n]{100,}")


def body_end(text: str, min_offset: int = 200) -> int:
    """Where the 8-K body ends and its exhibits begin (the text's end if nothing
    follows the body). Items describe the body; exhibits (press releases,
    transcripts, credit agreements) mention many other events.

    The body ends at the first EX-99 heading after `min_offset` characters or, once
    the signature clause (`... caused this report to be signed ...`) has closed the
    body, at the first exhibit heading of any number or the first line of prose
    after it (an exhibit pasted without a heading), whichever comes first."""
    ends = [len(text)]
    if m := EXHIBIT_START.search(text, min_offset):
        ends.append(m.start())
    if clause := SIGNATURE_CLAUSE.search(text, min_offset):
        for pattern in (ANY_EXHIBIT_START, PROSE_LINE):
            if m := pattern.search(text, clause.end()):
                ends.append(m.start())
    return min(ends)


def body_types(text: str, events: list[dict]) -> set[str]:
    """Event types with at least one trigger in the 8-K body."""
    end = body_end(text)
    return {e["type"] for e in events if e["trigger"]["start"] < end}


def filed_date(meta: dict) -> str | None:
    """ISO filing date from document meta (`filed`, or lee8k's `accepted` stamp)."""
    if meta.get("filed"):
        return str(meta["filed"])[:10]
    acc = str(meta.get("accepted") or "")
    return f"{acc[:4]}-{acc[4:6]}-{acc[6:8]}" if len(acc) >= 8 and acc.isdigit() else None


def agreement(docs: list[dict], predictions: dict[str, set[str]]) -> dict:
    """Document-level P/R/F1 of extracted event types against declared items.

    Per document, each declared item is a gold "slot" satisfied by any of its types;
    predicted types count only among MAPPED_TYPES (types some item declares).
    Micro-averaged over (document, slot) pairs; breakdown by type.
    """
    from training.scoring import Table

    table = Table()
    for doc in docs:
        filed = filed_date(doc.get("meta", {}))
        slots = declared_types(doc.get("meta", {}).get("items", []), filed)
        predicted = predictions.get(doc["id"], set()) & MAPPED_TYPES
        used: set[str] = set()
        for slot in {frozenset(s) for s in slots}:
            hit = slot & predicted
            key = "|".join(sorted(slot))
            if hit:
                table.add(key, tp=1)
                used |= hit
            else:
                table.add(key, fn=1)
        for t in predicted - used - {t for s in slots for t in s}:
            table.add(t, fp=1)
    return table.as_dict()
