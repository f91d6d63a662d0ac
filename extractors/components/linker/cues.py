"""Cue rules for roles that sparse training data rarely teaches the classifier.

Applied after the classifier, only to roles it left empty, and only to candidates
in the trigger's window that no other role of the event took:

- SHAREHOLDER_VOTE: a vote count (SHARES) followed by `for`, `against`,
  `abstain(ed/ing/entions)`/`withheld`, or preceded by `For:` / `Against:` /
  `Abstain:` labels.
- DIVIDEND: a DATE after `record` (`of record on`, `record date`) is the
  record_date; after `payable`/`paid`/`payment` the payment_date.
"""
from __future__ import annotations

import re

from extractors.components.linker.candidates import DocView

AFTER = {
    ("SHAREHOLDER_VOTE", "votes_for"): re.compile(r"^\s*(?:(?:favorable\s+)?votes?\s+)?(?:were\s+)?(?:cast\s+)?(?:for|in favor)\b|^\s*favorable\s+votes\b", re.I),
    ("SHAREHOLDER_VOTE", "votes_against"): re.compile(r"^\s*(?:votes?\s+)?(?:were\s+)?(?:cast\s+)?against\b", re.I),
    ("SHAREHOLDER_VOTE", "abstentions"): re.compile(r"^\s*(?:votes?\s+)?(?:abstain\w*|abstention\w*|withheld)\b", re.I),
}
BEFORE = {
    ("SHAREHOLDER_VOTE", "votes_for"): re.compile(r"\b(?:for|in favor)\s*[:\-]?\s*$", re.I),
    ("SHAREHOLDER_VOTE", "votes_against"): re.compile(r"\bagainst\s*[:\-]?\s*$", re.I),
    ("SHAREHOLDER_VOTE", "abstentions"): re.compile(r"\b(?:abstain\w*|withheld)\s*[:\-]?\s*$", re.I),
    ("DIVIDEND", "record_date"): re.compile(r"\brecord(?:\s+date)?\s*(?:at the close of business\s*)?(?:on|as of|of)?\s*$", re.I),
    ("DIVIDEND", "payment_date"): re.compile(r"\b(?:payable|paid|payment date|distributed)\s*(?:on)?\s*$", re.I),
}
LABELS = {"votes_for": "SHARES", "votes_against": "SHARES", "abstentions": "SHARES",
          "record_date": "DATE", "payment_date": "DATE"}


def cue_args(view: DocView, event_type: str, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """Arguments found by cue rules for roles not already in `taken`."""
    filled = {a["role"] for a in taken}
    used = {(a["start"], a["end"]) for a in taken}
    out = []
    for cand in sorted(view.window(trig_start, trig_end, event_type),
                       key=lambda c: abs(c.start - trig_start)):
        if (cand.start, cand.end) in used:
            continue
        for (etype, role), label in ((k, LABELS[k[1]]) for k in {**AFTER, **BEFORE} if k[0] == event_type):
            if role in filled or cand.label != label:
                continue
            after = AFTER.get((etype, role))
            before = BEFORE.get((etype, role))
            # the unit noun may be inside the span (`651,575 abstentions`): read on from the number
            number_end = cand.start + len(re.match(r"[\d,.\s]*", view.text[cand.start:cand.end]).group(0))
            if (after and after.search(view.text[number_end:cand.end + 30])) or \
                    (before and before.search(view.text[max(0, cand.start - 40):cand.start])):
                out.append({"role": role, "start": cand.start, "end": cand.end, "label": cand.label, "score": 0.5})
                filled.add(role)
                used.add((cand.start, cand.end))
                break
    return out
