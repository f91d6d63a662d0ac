"""What counts as a ROLE: a title names an office or job (it holds an office word), and
one held by a person, not an office in general (GUIDELINES: `director` when it names
the office a person holds or takes). Shared by the rules (`sec_rules`) and the merge
of rules and classifier (`sec_merge`)."""
from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Span

# A ROLE names an office or job: it holds one of these words (every ROLE of the gold
# corpus does), so `YouTube` or `Acquire YouTube` is no ROLE whatever its score.
ROLE_HEAD = re.compile(
    r"\b(?:presidents?|chairman|chairwoman|chair|chairperson|directors?|secretary|treasurer|controller|comptroller|"
    r"(?:co-)?founders?|officers?|(?:ceo|cfo|coo|cto|cio|cao)s?|vp|svp|evp|manager|partner|principal|associate|counsel|"
    r"member|trustee|chief|head|executives?|vice|analyst|engineer|auditor|accountant|advis[eo]r|consultant|"
    r"administrator|lead|leader|owner|governor|dean|professor|attorney|ombudsman|agent|employee|trainee|"
    r"representative|superintendent|supervisor)\b", re.I)


def is_role_text(text: str) -> bool:
    return bool(ROLE_HEAD.search(text))


PERSONAL = frozenset({"he", "she", "his", "her", "him", "you", "your", "i", "my"})
GENERIC_DETERMINERS = frozenset({"such", "any", "each", "every", "no", "another"})


def generic_role(span: Span, entities: Iterable[Span], person_names: frozenset = frozenset()) -> bool:
    """A lower-case title in a sentence with no PERSON (among `entities`, or a word of
    `person_names`: the short names of the document's people) and no personal pronoun
    names an office in general (`If the resignation of a director is effective ...`),
    not one a person holds (GUIDELINES: `director` when it names the office a person
    holds or takes)."""
    if span.label_ != "ROLE" or not span.text[:1].islower():
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in GENERIC_DETERMINERS:
        return True  # `such director shall continue to serve until his or her successor ...`
    sent = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    if any(t.lower_ in PERSONAL or t.text in person_names for t in sent):
        return False
    return not any(e.label_ == "PERSON" and sent.start <= e.start and e.end <= sent.end for e in entities)
