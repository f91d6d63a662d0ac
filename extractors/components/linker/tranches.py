"""FINANCING in tranches: one event per security or facility a financing verb names.

A debt issue or a loan often comes in several tranches in one sentence:

    On May 17, 2023, the Company issued $750 million 4.25% Senior Notes due 2029 and
    $1.0 billion 4.50% Senior Notes due 2034.

Each tranche is one FINANCING event, all sharing the verb as their trigger (as the
nominees of an election share `elected`): `amount` the tranche's figure; what the
sentence states once (`borrower`, `date`, `lender`) every event shares, as the linker
linked it. Pure functions over the text and the entity spans (`(start, end, label)`,
sorted by start).
"""
from __future__ import annotations

import re

from extractors.offsets import within

# what a tranche's figure is the amount of, written after it (`$750 million principal amount
# of notes due March 2028`, `a $1.5 billion 364-day credit agreement`)
SECURITY = re.compile(r"\b(?:notes|debentures|bonds|credit\s+(?:agreement|facility)|term\s+loans?|"
                      r"loan\s+(?:agreement|facility))\b", re.I)
REACH = 90  # characters from a figure to its security, at most
# the tranches are listed: the next figure follows `and` or a comma, shortly after the last
# tranche's security (`due 2029 and`, `(the 364-Day Credit Agreement) and a`)
JOINED = re.compile(r"(?:,|\band)\s+(?:an?\s+)?$", re.I)
GAP = 60
# figures that are the parts of a total stated first (`New debt of $5.0 billion was borrowed,
# consisting of $3.5 billion in Senior Notes, ...`) are no tranches of the verb
PARTS = re.compile(r"\b(?:consist\w*|includ\w*|compris\w*)\b", re.I)


def tranches(text: str, ents: list[tuple], trigger: tuple[int, int], sentence: tuple[int, int]) -> list[dict]:
    """One dict role -> (start, end) per tranche the financing verb at `trigger` names in
    the rest of its `sentence`: each MONEY after the verb whose security follows it within
    REACH characters, before the next figure, each after the last one's security and `and`
    or a comma; empty when fewer than two tranches are listed or the figures are the parts of
    a total (the linker's own event stands)."""
    money = [x for x in within(ents, trigger[1], sentence[1]) if x[2] == "MONEY"]
    out, last_security = [], None
    for k, (s, e, _) in enumerate(money):
        stop = min(money[k + 1][0] if k + 1 < len(money) else sentence[1], e + REACH)
        security = SECURITY.search(text, e, stop)
        if security is None:
            continue
        if not out and PARTS.search(text, trigger[1], s):
            return []
        if out and (s - last_security > GAP or not JOINED.search(text[last_security:s])):
            break  # a figure of another statement in the sentence
        out.append({"amount": (s, e)})
        last_security = security.end()
    return out if len(out) > 1 else []
