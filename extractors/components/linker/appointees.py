"""EXECUTIVE_CHANGE for people listed together: one event per person (GUIDELINES wide reading 2).

    Marianne Lake, 56, and Doug Petno, 58, have been elected Co-Presidents of the Firm.
    The Board appointed Jane Roe and John Doe as Co-Chief Executive Officers.

Each person of the list is one EXECUTIVE_CHANGE, all sharing the verb as their trigger
(as the nominees of an election share `elected`) and the office, date and company the
linker linked. Pure functions over the text and the entity spans (`(start, end, label)`,
sorted by start).
"""
from __future__ import annotations

import re

# what stands between two listed people: a comma or `and`, with a person's age
# (`Marianne Lake, 56, and Doug Petno`, `Jane Roe, age 51, and`)
BETWEEN = re.compile(r"(?:\s*,\s*(?:age\s+)?\d{2})?\s*(?:,\s*(?:and\s+)?|\s+and\s+|,\s*)", re.I)


def appointees(text: str, ents: list[tuple], person: tuple[int, int]) -> list[tuple[int, int]]:
    """The people listed with `person` (a PERSON span of `ents`), in order, `person` among
    them; empty when nobody is listed with it."""
    people = [(s, e) for s, e, label in ents if label == "PERSON"]
    if person not in people:
        return []
    k = people.index(person)
    lo = hi = k
    while lo > 0 and BETWEEN.fullmatch(text, people[lo - 1][1], people[lo][0]):
        lo -= 1
    while hi + 1 < len(people) and BETWEEN.fullmatch(text, people[hi][1], people[hi + 1][0]):
        hi += 1
    return people[lo:hi + 1] if hi > lo else []
