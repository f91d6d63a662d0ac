"""Declared 8-K items -> SCHEMA event types, in both numberings (the map itself is
SCHEMA section 4: `extractors.schema`).

Filers declare the items a current report covers (EDGAR header `ITEM INFORMATION`,
or lee8k's `meta.items`), as titles ("Results of Operations and Financial
Condition") or numbers ("2.02", "Item 5"). A bare number needs the filing date (the
numbering changed in August 2004); titles do not.

`item_types(item, filed)` gives the set of event types an item declares (empty for
items with no SCHEMA type, such as exhibits or Regulation FD); an item satisfied by
any of several types (2.01: ACQUISITION or DISPOSITION) returns them all and counts
as matched when any is extracted. `unmatched_items` is what the extraction output
flags: declared items with no extracted event of their types.
"""
from __future__ import annotations

import re

from extractors.schema import CURRENT, PRE_2004, REFORM_DATE, TITLES
from extractors.sections import body_end

_TITLES = [(re.compile(p, re.I), types) for p, types in TITLES]
_NUMBER = re.compile(r"^\s*(?:item\s*)?(\d{1,2}(?:\.\d{2})?)\b", re.I)


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


def body_types(text: str, events: list[dict], secs: list[dict] | None = None) -> set[str]:
    """Event types with at least one trigger in the 8-K body of `text`, the events
    SCHEMA section 4 matches declared items against: up to the signature block
    (`sections.body_end`: the signature block's first line, else the first exhibit
    after it; the cover page and the items count, the signature and exhibits do not)."""
    end = body_end(text, secs)  # `secs`: the text's sections, where the caller has them
    return {e["type"] for e in events if e["trigger"]["start"] < end}


def filed_date(meta: dict) -> str | None:
    """ISO filing date from document meta (`filed`, or lee8k's `accepted` stamp)."""
    if meta.get("filed"):
        return str(meta["filed"])[:10]
    acc = str(meta.get("accepted") or "")
    return f"{acc[:4]}-{acc[4:6]}-{acc[6:8]}" if len(acc) >= 8 and acc.isdigit() else None


def slot_items(slot: str) -> str:
    """The items (current numbering, old numbers in brackets) whose types are the
    `|`-joined `slot` of the items check ('1.01, 1.02' for AGREEMENT); '' for a type no
    item declares alone (a predicted type outside every declared item)."""
    types = set(slot.split("|"))
    old = {tuple(sorted(t)): n for n, t in PRE_2004.items()}
    out = []
    for number, t in CURRENT.items():
        if set(t) == types:
            before = old.get(tuple(sorted(t)))
            out.append(f"{number} ({before})" if before and not any(f"({before})" in o for o in out) else number)
    return ", ".join(out)
