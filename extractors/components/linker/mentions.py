"""A case's step named again is no new step (SCHEMA: a fact stated in several places is one event).

A filing tells of a settlement once and then goes on about it (`Alcoa entered into a
settlement agreement with Alba ... the settlement amount is within the range ... Alcoa
said the settlement with Alba represents ...`): the later mentions of the case noun with
a definite determiner (`the settlement`, `that verdict`, `such lawsuit`) point back at the
step already told, and are no LEGAL_PROCEEDING of their own. A step of another kind (`the
settlement of that lawsuit`, where only the lawsuit was told) is a new step and stays.
"""
from __future__ import annotations

import re

CASE_NOUN = re.compile(r"(lawsuit|suit|complaint|verdict|settlement|judgment|arbitration|investigation|subpoena|"
                       r"action|litigation)s?$", re.I)
BACK_REFERENCE = re.compile(r"\b(?:the|that|this|such|these|those)\s+(?:[\w-]+\s+){0,2}$", re.I)
# cases told before, whether or not their telling was found (`the ultimate outcomes of
# these lawsuits`, `such claims`)
DEMONSTRATIVE = re.compile(r"\b(?:these|those|such)\s+(?:[\w-]+\s+){0,2}$", re.I)
# a trigger that begins with its act (`filed a patent infringement lawsuit`, `brought suit`)
# tells a new step whatever stands before it (`The Company also filed ...`)
ACT_FIRST = re.compile(r"\s*(?:\w+ed|brought|began|won)\s", re.I)


def case_noun(trigger_text: str) -> str | None:
    """The case noun a LEGAL_PROCEEDING trigger ends with (`lawsuit verdict` -> `verdict`), else None."""
    m = CASE_NOUN.search(trigger_text.strip())
    return m.group(1).lower() if m else None


def one_per_case(events: list[dict], text: str) -> list[dict]:
    """The events without the LEGAL_PROCEEDING records whose trigger names again, with a
    definite determiner, the case noun of an earlier LEGAL_PROCEEDING trigger, or names cases
    with a demonstrative (`these lawsuits`): both point back at a step told already."""
    seen: set[str] = set()
    out = []
    for ev in sorted(events, key=lambda e: e["trigger"]["start"]):
        if ev["type"] == "LEGAL_PROCEEDING":
            noun = case_noun(ev["trigger"]["text"])
            start = ev["trigger"]["start"]
            named = not ACT_FIRST.match(ev["trigger"]["text"])
            if named and (DEMONSTRATIVE.search(text, max(0, start - 40), start)
                          or (noun in seen and BACK_REFERENCE.search(text, max(0, start - 40), start))):
                continue
            if noun:
                seen.add(noun)
        out.append(ev)
    return out
