"""Company and person names: legal suffixes, the aliases a name is known by, and the
suffixed company names of a text. Read by the name rules' propagation (`sec_aliases`)
and by the batch driver, which gives each window of a filing the names of the whole.
"""
from __future__ import annotations

import re

SUFFIX = re.compile(r",?\s+(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|LLC|L\.L\.C\.|Ltd\.?|Limited|"
                    r"N\.V\.|B\.V\.|plc|PLC|L\.P\.|LP|S\.A\.|AG|GmbH|Holdings?)$", re.I)
COMMON = {
    "general", "american", "united", "national", "international", "first", "new", "global", "the", "north",
    "south", "east", "west", "western", "eastern", "central", "pacific", "atlantic", "southern", "northern",
    "bank", "trust", "capital", "financial", "group", "securities", "investors", "standard", "royal", "state",
    "federal", "union", "continental", "advanced", "applied", "digital", "energy", "power", "china", "japan",
    "european", "canadian", "texas", "california", "delaware", "york", "city", "commerce", "morgan",
}
_SUFFIX = (r"(?:Inc\.|Incorporated|Corp\.|Corporation|Co\.|L\.L\.C\.|LLC|Ltd\.|Limited|N\.V\.|plc|PLC|L\.P\.|"
           r"INC\.|CORP\.|CORPORATION|LTD\.)")
_WORD = rf"(?!{_SUFFIX}(?!\w))[A-Z][\w&'\u2019.-]*"
SUFFIXED_NAME = re.compile(rf"\b{_WORD}(?:[ \t]+(?:{_WORD}|&)){{0,5}},?[ \t]+{_SUFFIX}(?!\w)")
# capitalised words that open a sentence or heading before a name, not part of it
LEADING = {"the", "whereas", "on", "in", "pursuant", "exhibit", "about", "between", "and", "by", "with", "from",
           "for", "to", "of", "at", "if", "as", "among", "that", "this", "each", "its", "our", "a", "an",
           "dear", "re", "attention", "copy", "cc"}
# defined terms of agreements that take a suffix (`the Company, Inc.`): no names
DEFINED_TERMS = {"company", "registrant", "corporation", "parent", "purchaser", "buyer", "seller", "borrower",
                 "issuer", "guarantor", "merger sub", "sub", "holdings", "acquisition corp."}


def org_aliases(name: str) -> tuple[set[str], bool]:
    """Aliases of an ORG name, and whether it carried a legal suffix."""
    name = " ".join(name.split())
    out = {name}
    bare = SUFFIX.sub("", name).strip(" ,")
    suffixed = bare != name
    if suffixed and bare:
        out.add(bare)
        shorter = SUFFIX.sub("", bare).strip(" ,")  # `Motorola Mobility Holdings, Inc.` -> `Motorola Mobility`
        if shorter and shorter != bare:
            out.add(shorter)
            bare = shorter
        first = bare.split()[0]
        if len(bare.split()) > 1 and len(first) >= 4 and first[0].isupper() and first.lower() not in COMMON \
                and first.isalpha():
            out.add(first)
    return {a for a in out if len(a) >= 2}, suffixed


def person_aliases(name: str) -> set[str]:
    """A multi-word name and its surname; a one-word PERSON (`TAC`, `Schmidt`) is too
    weak evidence to propagate."""
    words = name.split()
    if len(words) < 2 or name.isupper():
        return set()
    out = {" ".join(words)}
    if len(words) >= 2:
        last = words[-1] if words[-1].rstrip(".") not in {"Jr", "Sr", "II", "III", "IV"} else words[-2].rstrip(",")
        if len(last) >= 3 and last[0].isupper() and last.lower() not in COMMON:
            out.add(last)
    return out


def suffixed_names(text: str, limit: int = 200) -> list[str]:
    """Company names with a legal suffix in `text` (`Google Inc.`, `AdMob, Inc.`),
    without the capitalised sentence openers before them, in order of first mention."""
    out: dict[str, None] = {}
    for m in SUFFIXED_NAME.finditer(text):
        words = m.group(0).split()
        while len(words) > 1 and words[0].lower() in LEADING:
            words = words[1:]
        # (past the loop, a name of two or more words no longer opens with a LEADING word)
        if len(words) > 1 and SUFFIX.sub("", " ".join(words)).strip(" ,").lower() not in DEFINED_TERMS:
            out.setdefault(" ".join(words), None)
        if len(out) >= limit:
            break
    return list(out)
