"""EXECUTIVE_CHANGE in a biography: one event per office with its start (GUIDELINES wide reading 13).

A 10-K's list of executive officers tells each career in one sentence per verb:

    Mr. Krishnan served as Chief Executive Officer, International Beverages of PepsiCo
    from 2022 to February 2024, as Executive Vice President, PepsiCo, from 2019 to 2021,
    and as President of PepsiCo's Asia Pacific Region from 2017 to 2019.

Each office with a stated start is one event, all sharing the verb as their trigger
(reading 2, as the nominees of an election share `elected`): `role` the office, `org`
the company named with it, `date` its start. The start dates split the words after
the verb into one stretch per office: a DATE after `from`, `in`, `since` or at the
stretch's end, not one after `to`, `until` or `through` (the end of the term before
it). A stretch holding neither a ROLE nor an ORG names no office.

Pure functions over the text and the entity spans (`(start, end, label)`, sorted): the
linker turns what `offices` returns into events beside the one it linked itself.
"""
from __future__ import annotations

import re

from extractors.components.trigger_rules import BIOGRAPHY_LINE, OFFICE_ROW
from extractors.offsets import line_end, line_start, within

# the verbs of a career: one office each, or several offices on a shared verb
CAREER_VERBS = re.compile(r"^(?:served|serving|held|has\s+served|assumed|was|joined)$", re.I)
END_BEFORE = re.compile(r"(?:\bto|\buntil|\bthrough|\bthru|[-\u2013\u2014])\s*(?:early\s+|late\s+|mid-?)?$", re.I)
START_BEFORE = re.compile(r"(?:\bfrom|\bin|\bsince|\bbeginning|\bstarting)\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def _starts(text: str, dates: list[tuple]) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in dates if START_BEFORE.search(text, max(0, s - 16), s)
            and not END_BEFORE.search(text, max(0, s - 12), s)]


def offices(text: str, ents: list[tuple], trigger: tuple[int, int], sentence: tuple[int, int]) -> list[dict]:
    """The offices a career verb at `trigger` states in its `sentence` (start, end), each
    a dict role -> (start, end) with `date` (its start) and, where named, `role` and
    `org`; empty when the sentence states fewer than two offices (the linker's own event
    stands). A start before the verb (`From 2002 to 2006, he was General Manager ...`)
    dates the first office."""
    if not CAREER_VERBS.match(text[trigger[0]:trigger[1]]):
        return []
    after = within(ents, trigger[1], sentence[1])
    starts = _starts(text, [x for x in after if x[2] == "DATE"])
    lead = _starts(text, [x for x in within(ents, sentence[0], trigger[0]) if x[2] == "DATE"])
    if lead:  # the date before its office (`From 2002 to 2006, he was X, and from 1999, Y`)
        dates = lead[:1] + starts
        stretches = [((trigger[1] if k == 0 else d[1]), (dates[k + 1][0] if k + 1 < len(dates) else sentence[1]))
                     for k, d in enumerate(dates)]
    else:  # the office before its date (`served as X from 2022 to 2024, as Y from 2019`)
        dates = starts
        stretches = [((trigger[1] if k == 0 else dates[k - 1][1]), d[0]) for k, d in enumerate(dates)]
    if len(dates) < 2:
        return []
    out = []
    for date, (lo, hi) in zip(dates, stretches):
        stretch = [x for x in after if lo <= x[0] and x[1] <= hi]
        roles = [x for x in stretch if x[2] == "ROLE"]
        orgs = [x for x in stretch if x[2] == "ORG"]
        if not roles and not orgs:
            continue
        office = {"date": date}
        if roles:
            office["role"] = roles[0][:2]
        if orgs:
            office["org"] = orgs[0][:2]
        out.append(office)
    return out if len(out) >= 2 else []


LIST_REACH = 1200  # characters back from a biography list's line to the person it is about


def listed_person(text: str, ents: list[tuple], trigger: tuple[int, int]) -> tuple[int, int] | None:
    """The person a line of a biography written as a list is about (`Mary K. Moreland, 57`
    above `2019 to present — Executive Vice President, Human Resources.`): the nearest
    PERSON before the trigger's line, where the trigger stands on such a line; on an officer
    table's row (`Lisa Chang   55   Executive Vice President since January 2024 ...`), the
    person whose name opens the row."""
    start = line_start(text, trigger[0])
    if (row := OFFICE_ROW.match(text, start)) is not None:  # `Henrique Braun   55   President ...`
        people = [(s, e) for s, e, label in within(ents, start, row.end()) if label == "PERSON"]
        return people[0] if people else None
    if not BIOGRAPHY_LINE.match(text, start, line_end(text, trigger[1])):
        return None
    people = [(s, e) for s, e, label in within(ents, max(0, start - LIST_REACH), start) if label == "PERSON"]
    return people[-1] if people else None
