"""Text fillers: roles filled by a phrase rather than an entity (SCHEMA section 2).

Small rules, one per role, each returning character offsets or None:

- FINANCIAL_RESULT.metric: the trigger itself (SCHEMA: the metric phrase is the trigger).
- EXECUTIVE_CHANGE.change: the trigger's verb (`appointed`, `resigned`); where the trigger is
  itself an office (an officer list's `2019 to present — Executive Vice President`), it is
  the event's `role` and no change is stated (`names_an_office`); its date is the first on
  its line (`line_start_date`: `2013 to 2019 — ...` began in 2013), or on an officer table's
  row the start written after it (`President since January 2024`: January 2024).
- SHAREHOLDER_VOTE.proposal: for a passive trigger (`were elected`, `was approved`)
  the clause before it; otherwise the object after it, to the end of the clause.
- AGREEMENT.agreement: the agreement the trigger names right after it (`entered into a
  voting and support agreement`), else the nearest capitalised name ending in `Agreement`
  (or `Plan`, `Indenture`, `Note`...), else the clause after the trigger.
- LATE_FILING.form: the form checked on a 12b-25 cover (`[X] Form 10-K`), else the
  first `Form 10-K/10-Q` mention; LATE_FILING.reason: the sentence giving the reason.
- COMPENSATION.plan: the plan the trigger's sentence names (`2019 Equity Incentive Plan`),
  else its pay words (`salary`, `bonuses`, `retention awards`, `options`), nearest the
  trigger, after it first.
- ACQUISITION.target / DISPOSITION.asset fall back to the object after the trigger
  when no ORG fills them.
"""
from __future__ import annotations

import re

from extractors.components.trigger_rules import HOLDING, OFFICE_ROW, PAY_WORDS, SAID_OF_IT, starts_term
from extractors.offsets import line_end, line_start

CLAUSE_END = re.compile(r"[.;:]\s|,\s+(?:and|which|with|pursuant|subject|for|by)\b|\n\s*\n")
AGREEMENT_NAME = re.compile(
    r"(?:[A-Z][\w&\-/']*\s+|(?:of|and|to|the|for)\s+){0,8}(?:Agreement|Indenture|Plan|Amendment|"
    r"Credit Facility|Facility|Contract|Letter|Memorandum of Understanding|Supplement)\b")
FORM_CHECKED = re.compile(r"(?:\[\s*[Xx]\s*\]|_+[Xx]_+|\bX\b|\u2612|\u2611)\s*(Form\s+10-K|Form\s+10-Q|Form\s+20-F|"
                          r"Form\s+11-K|Form\s+N-SAR|Form\s+10-KSB|Form\s+10-QSB)")
FORM_ANY = re.compile(r"Form\s+(?:10-K|10-Q|20-F|11-K|10-KSB|10-QSB|N-SAR)")
REASON_CUE = re.compile(r"(?:because|due to|as a result of|requires? additional time|unable to|"
                        r"could not be (?:completed|filed)|additional time)", re.I)
PASSIVE = re.compile(r"^(?:was|were|has been|have been|is|are)\s", re.I)


def _clause_after(text: str, pos: int, limit: int = 240) -> tuple[int, int] | None:
    seg = text[pos:pos + limit]
    m = CLAUSE_END.search(seg)
    end = pos + (m.start() if m else len(seg))
    start = pos + (len(seg) - len(seg.lstrip()))
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return (start, end) if end - start >= 3 else None


def _clause_before(text: str, pos: int, limit: int = 240) -> tuple[int, int] | None:
    lo = max(0, pos - limit)
    seg = text[lo:pos]
    cut = max((m.end() for m in re.finditer(r"[.;:]\s|\n\s*\n|,\s", seg)), default=0)
    start = lo + cut
    while start < pos and text[start].isspace():
        start += 1
    end = pos
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return (start, end) if end - start >= 3 else None


def proposal(text: str, trig: tuple[int, int]) -> tuple[int, int] | None:
    trigger = text[trig[0]:trig[1]]
    if PASSIVE.match(trigger) or re.match(r"\s*(?:was|were)\b", text[max(0, trig[0] - 6):trig[0]]):
        return _clause_before(text, trig[0])
    return _clause_after(text, trig[1])


# the agreement a verb enters into, right after it (`entered into a commitment letter`, `a
# voting and support agreement`, `a $1.5 billion 364-day credit agreement`): the words up to
# the first agreement noun, without the determiner
AGREEMENT_NOUN = (r"(?:agreements?|letters?|contracts?|facilit(?:y|ies)|amendments?|indentures?|plans?|"
                  r"memorandum\s+of\s+understanding|arrangements?|notes?)")
AGREEMENT_AFTER = re.compile(r"\s+(?:(?:a|an|the|certain|its|our|their|this|that|two|three)\s+)?"
                             r"((?:[\w$.,%&/'\u2019-]+\s+){0,7}?" + AGREEMENT_NOUN + r")\b", re.I)
PHRASE_BREAK = re.compile(r"[.;:](?:\s|$)|\n\s*\n")
# an agreement the trigger's clause names before it: its object in a relative clause (`the
# loan agreements (that) we entered into`) or its subject in the passive (`the revolving
# credit agreement was renewed`)
NOT_IN_A_NAME = r"(?!(?:the|a|an|its|our|their|in|with|under|of|to|for|by|on|and|at|from|as|that|which|we|it)\b)"
AGREEMENT_BEFORE = re.compile(r"(\b(?:" + NOT_IN_A_NAME + r"[\w$%&/'\u2019-]+\s+){0,5}?" + AGREEMENT_NOUN + r")\s+"
                              r"(?:(?:that|which)\s+)?(?:(?:we|it|they|the\s+company|the\s+corporation|[A-Z][\w&-]*)\s+)?"
                              r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)?$", re.I)


def agreement(text: str, trig: tuple[int, int], window: int = 400) -> tuple[int, int] | None:
    """The agreement phrase right after the trigger (AGREEMENT_AFTER), else the one its clause
    names right before it (AGREEMENT_BEFORE), else the nearest capitalised agreement name within
    `window` characters, else the clause after the trigger."""
    after = AGREEMENT_AFTER.match(text, trig[1], min(len(text), trig[1] + 120))
    if after and not PHRASE_BREAK.search(after.group(1)):
        return after.start(1), after.end(1)
    before = AGREEMENT_BEFORE.search(text, max(0, trig[0] - 120), trig[0])
    if before:
        return before.start(1), before.end(1)
    lo, hi = max(0, trig[0] - window), min(len(text), trig[1] + window)
    best = None
    for m in AGREEMENT_NAME.finditer(text, lo, hi):
        s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        while s < m.end() and text[s].islower():  # leading "of the" etc.
            nxt = text.find(" ", s, m.end())
            if nxt < 0:
                break
            s = nxt + 1
        if m.end() - s < 6:
            continue
        dist = abs(s - trig[1]) if s >= trig[1] else abs(trig[0] - m.end())
        if best is None or dist < best[0]:
            best = (dist, s, m.end())
    return (best[1], best[2]) if best else _clause_after(text, trig[1], 120)


# what a pay decision is about: its cue's pay words, and awards, options and plans
PLAN_WORDS = re.compile(PAY_WORDS.pattern + r"|\bawards?\b|\boptions?\b|\bplans?\b", re.I)
PLAN_NAME = re.compile(r"\b(?:[A-Z][\w&'-]*\s+|\d{4}\s+){1,6}Plan\b")
SENTENCE_BREAK = re.compile(r"[.;]\s|\n\s*\n")
NAME_WORD = re.compile(r"(?:[A-Z][\w&'-]*|\d{4})$")


def _sentence(text: str, trig: tuple[int, int], limit: int = 400) -> tuple[int, int]:
    lo = max(0, trig[0] - limit)
    start = max((m.end() for m in SENTENCE_BREAK.finditer(text, lo, trig[0])), default=lo)
    stop = SENTENCE_BREAK.search(text, trig[1], min(len(text), trig[1] + limit))
    return start, (stop.start() if stop else min(len(text), trig[1] + limit))


def _in_name(text: str, start: int, end: int) -> tuple[int, int]:
    """A match widened to its whole word (`compensat` -> `compensation`) and over the
    capitalised words and years around it (`Executive [Bonus] Plan`), when it is
    capitalised itself."""
    while end < len(text) and text[end].isalnum():
        end += 1
    if not text[start:start + 1].isupper():
        return start, end
    while (m := re.search(r"(\S+)\s+$", text[max(0, start - 40):start])) and NAME_WORD.match(m.group(1)):
        start -= len(text[max(0, start - 40):start]) - m.start(1)
    while (m := re.match(r"\s+(\S+)", text[end:end + 40])) and NAME_WORD.match(m.group(1).rstrip(",.;:")):
        end += m.start(1) + len(m.group(1).rstrip(",.;:"))
    return start, end


def pay_plan(text: str, trig: tuple[int, int]) -> tuple[int, int] | None:
    """A plan named in the trigger's sentence (`pursuant to the terms of the Equity Plan`),
    else its pay words; after the trigger first."""
    lo, hi = _sentence(text, trig)
    for words in (PLAN_NAME, PLAN_WORDS):
        after = words.search(text, trig[1], hi)
        if after:
            return _in_name(text, after.start(), after.end())
        before = [m for m in words.finditer(text, lo, trig[0])]
        if before:
            return _in_name(text, before[-1].start(), before[-1].end())
    return None


def late_filing_form(text: str) -> tuple[int, int] | None:
    m = FORM_CHECKED.search(text)
    if m:
        return m.start(1), m.end(1)
    m = FORM_ANY.search(text)
    return (m.start(), m.end()) if m else None


def late_filing_reason(text: str, trig: tuple[int, int]) -> tuple[int, int] | None:
    part = re.search(r"PART\s+III", text, re.I)
    lo = part.end() if part else trig[1]
    m = REASON_CUE.search(text, lo)
    if not m:
        return None
    sent_start = max(text.rfind(". ", lo, m.start()) + 2, text.rfind("\n\n", lo, m.start()) + 2, lo)
    end = text.find(".", m.end())
    end = end if end > 0 else min(len(text), m.end() + 200)
    start = sent_start
    while start < end and text[start].isspace():
        start += 1
    return start, end


def names_an_office(candidates, trig_start: int, trig_end: int) -> bool:
    """True where a ROLE among `candidates` (entity spans with `.start`, `.end`, `.label`)
    covers the trigger: the trigger names an office, not a change of it."""
    return any(c.label == "ROLE" and c.start <= trig_start and trig_end <= c.end for c in candidates)


def line_start_date(text: str, candidates, pos: int):
    """When the office named at `pos` on an officer list's line began: the first DATE among
    `candidates` on the line, before it (`2013 to 2019 — Divisional Vice President`); on an
    officer table's row (trigger_rules.OFFICE_ROW) the first after it that a term starts on
    (`President, Europe operating unit since January 2021`). None where the line has none."""
    line = line_start(text, pos)
    if OFFICE_ROW.match(text, line):
        end = line_end(text, pos)
        return next((c for c in candidates if c.label == "DATE" and pos <= c.start and c.end <= end
                     and starts_term(text, pos, c.start)), None)
    return next((c for c in candidates if c.label == "DATE" and line <= c.start and c.end <= pos), None)


def holding_before(text: str, trig: tuple[int, int], limit: int = 160) -> tuple[int, int] | None:
    """The holding a relative clause says was sold or bought (`its investment in DraftKings,
    Inc. (DraftKings), which was sold`), or None where the trigger opens no such clause."""
    clause = re.search(SAID_OF_IT + r"$", text[max(0, trig[0] - 30):trig[0]], re.I)
    if clause is None:
        return None
    comma = trig[0] - len(clause.group())
    lo = max(0, comma - limit)
    lo = max([lo] + [m.end() for m in re.finditer(r"[.;]\s+(?=[A-Z])", text[lo:comma])])
    held = re.search(HOLDING, text[lo:comma], re.I)  # the first: `its investment in X, Inc. (X)`
    return (lo + held.start(), comma) if held else None


def text_role(event_type: str, role: str, text: str, trig: tuple[int, int]) -> tuple[int, int] | None:
    """Offsets for a text role of an event, or None."""
    if (event_type, role) in {("FINANCIAL_RESULT", "metric"), ("EXECUTIVE_CHANGE", "change")}:
        return trig
    if (event_type, role) == ("SHAREHOLDER_VOTE", "proposal"):
        return proposal(text, trig)
    if (event_type, role) == ("AGREEMENT", "agreement"):
        return agreement(text, trig)
    if (event_type, role) == ("LATE_FILING", "form"):
        return late_filing_form(text)
    if (event_type, role) == ("LATE_FILING", "reason"):
        return late_filing_reason(text, trig)
    if (event_type, role) == ("COMPENSATION", "plan"):
        return pay_plan(text, trig)
    if (event_type, role) in {("ACQUISITION", "target"), ("DISPOSITION", "asset")}:
        return holding_before(text, trig) or _clause_after(text, trig[1], 120)
    return None


TEXT_ROLES = {
    "FINANCIAL_RESULT": ["metric"], "EXECUTIVE_CHANGE": ["change"], "SHAREHOLDER_VOTE": ["proposal"],
    "AGREEMENT": ["agreement"], "LATE_FILING": ["form", "reason"],
    "ACQUISITION": ["target"], "DISPOSITION": ["asset"], "COMPENSATION": ["plan"],
}
