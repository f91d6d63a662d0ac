"""Cue rules for roles that sparse training data rarely teaches the classifier.

Applied after the classifier, only to roles it left empty, and only to candidates
in the trigger's window that no other role of the event took:

- SHAREHOLDER_VOTE: a vote count (SHARES) followed by `for`, `against`,
  `abstain(ed/ing/entions)`/`withheld`, or preceded by `For:` / `Against:` /
  `Abstain:` labels.
- DIVIDEND: a DATE after `record` (`of record on`, `record date`) is the
  record_date; after `payable`/`paid`/`payment` the payment_date.
- LEGAL_PROCEEDING: every company or person named after the `against` that follows the
  trigger in its sentence, up to what the suit alleges or seeks (`filed against Disney, its
  Chief Executive Officer Robert Iger, ... and ten directors (Susan E. Arnold; ...),
  alleging ...`), is a party (a repeatable role), never a court, nor a name in the possessive
  (`the members of Tesla's board`), nor one already a party.
- DISPOSITION.seller: the filer's `our` in what is sold (`the sale of our bottling operations
  in Vietnam`, `the refranchising of our ... operations`), where the linker found no seller
  (`own_sale_seller`).
- FINANCING.borrower: the filer as `we` or `our` nearest the trigger in its sentence
  (`proceeds from long-term borrowings, which included $6.6 billion of proceeds from our
  asset-backed debt transactions`), where the linker found no borrower (`own_borrower`).
- LEGAL_PROCEEDING.court: a later step of a case whose sentence names no court (`the court
  granted the defendants' motion`, `plaintiffs filed a consolidated complaint`) takes the
  court its paragraph named last before it (`case_court`).
- BANKRUPTCY, AUDITOR_CHANGE, DELISTING (few or no training events): the court, filer, auditor
  or exchange and the date their trigger's sentence names (`bankruptcy_parties`, `auditor`,
  `exchange`, `stated_date`).
"""
from __future__ import annotations

import re

from extractors.components.linker.candidates import DocView
from extractors.names import FILER_WORD, org_kind

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


AGAINST = re.compile(r"\bagainst\b", re.I)
CLAIM_STARTS = re.compile(r"\b(?:alleg\w*|claim(?:s|ing)|seek(?:s|ing)|assert\w*|regarding|relating|related|concerning|"
                          r"arising|in\s+which|which|who|in\s+(?:connection|relation)\s+(?:with|to)|"
                          r"for\s+(?:alleged\s+)?(?:violations?|breach\w*|infringement))\b|\n\s*\n", re.I)
POSSESSIVE = re.compile(r"^['\u2019]s?\b")
AGAINST_REACH = 200  # characters after the trigger that its `against` may stand in
PARTY_LABELS = frozenset({"ORG", "PERSON", "FILER"})


def suit_parties(view: DocView, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """The parties a suit is brought against, named after its `against` (LEGAL_PROCEEDING)."""
    text = view.text
    m = AGAINST.search(text, trig_end, min(len(text), trig_end + AGAINST_REACH))
    if m is None or view.sentence(m.start()) != view.sentence(trig_start):
        return []
    stop = CLAIM_STARTS.search(text, m.end())
    end = stop.start() if stop else len(text)
    used = {(a["start"], a["end"]) for a in taken}
    named = {text[a["start"]:a["end"]] for a in taken if a["role"] == "party"}
    out = []
    for c in view.candidates:
        name = text[c.start:c.end]
        if m.end() <= c.start and c.end <= end and c.label in PARTY_LABELS and (c.start, c.end) not in used \
                and name not in named and view.sentence(c.start) == view.sentence(trig_start) \
                and not POSSESSIVE.match(text[c.end:c.end + 3]) and not (c.label == "ORG" and org_kind(name) == "court"):
            out.append({"role": "party", "start": c.start, "end": c.end, "label": c.label, "score": 0.5})
            named.add(name)  # (one party named twice is one party: `Tesla ... Tesla's board`)
    return out


def _filler(role: str, start: int, end: int, label: str) -> list[dict]:
    """One argument found by a cue, as the linker writes its arguments."""
    return [{"role": role, "start": start, "end": end, "label": label, "score": 0.5}]


def _has(taken: list[dict], role: str) -> bool:
    return any(a["role"] == role for a in taken)


COURT_REFERENCE = re.compile(r"\b(?:court|jury|judge|tribunal|trial|complaint|motion|appeal\w*|judgment|verdict|"
                             r"plaintiffs?|defendants?|lawsuits?|suit|action|case|petition|claims?)\b", re.I)


def case_court(view: DocView, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """The court of a case step that names none: the last court named before the trigger in
    its paragraph, where the trigger's sentence speaks of the case (COURT_REFERENCE)."""
    if _has(taken, "court"):
        return []
    text, block = view.text, view.block(trig_start)
    start, end = view.sentence_span(trig_start)
    if not COURT_REFERENCE.search(text, start, end):
        return []
    courts = [c for c in view.candidates
              if c.start < end and c.label == "ORG" and org_kind(text[c.start:c.end]) == "court"]
    if any(c.start >= start for c in courts):
        return []  # the sentence names its court
    before = [c for c in courts if c.end <= start and view.block(c.start) == block]
    return _filler("court", before[-1].start, before[-1].end, "ORG") if before else []


OUR_ASSET = re.compile(r"\s+of\s+(?:(?:certain|all|some|a\s+portion|part|substantially\s+all)\s+of\s+)?(our)\b")


def own_sale_seller(view: DocView, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """The filer's `our` naming what a sale sells, as the sale's seller (DISPOSITION)."""
    m = None if _has(taken, "seller") else OUR_ASSET.match(view.text, trig_end)
    return _filler("seller", m.start(1), m.end(1), "FILER") if m else []


def own_borrower(view: DocView, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """The filer's `we`/`our` nearest a financing's trigger in its sentence, as its borrower."""
    if _has(taken, "borrower"):
        return []
    found = list(FILER_WORD.finditer(view.text, *view.sentence_span(trig_start)))
    if not found:
        return []
    m = min(found, key=lambda m: abs(m.start() - trig_start))
    return _filler("borrower", m.start(), m.end(), "FILER")


def _in_sentence(view: DocView, trig_start: int, trig_end: int, taken: list[dict], labels) -> list:
    """The candidates of `labels` in the trigger's sentence that are not the trigger and no
    argument of the event took."""
    start, end = view.sentence_span(trig_start)
    used = {(a["start"], a["end"]) for a in taken}
    return [c for c in view.candidates if start <= c.start and c.end <= end and c.label in labels
            and (c.start, c.end) not in used and not (c.start < trig_end and trig_start < c.end)]


def _nearest(cands: list, trig_start: int):
    return min(cands, key=lambda c: abs(c.start - trig_start)) if cands else None


def _nearest_filler(view: DocView, trig_start: int, trig_end: int, taken: list[dict], role: str, labels,
                    keep=lambda c: True) -> list[dict]:
    """The candidate of `labels` that `keep` accepts nearest the trigger in its sentence, as the
    event's `role`, where the event has no `role` yet."""
    if _has(taken, role):
        return []
    c = _nearest([c for c in _in_sentence(view, trig_start, trig_end, taken, labels) if keep(c)], trig_start)
    return _filler(role, c.start, c.end, c.label) if c else []


def stated_date(view: DocView, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """The DATE nearest the trigger in its sentence, as the event's date (`filed for bankruptcy in
    January 2002`, `On August 4, 2023, the Audit Committee dismissed`)."""
    return _nearest_filler(view, trig_start, trig_end, taken, "date", {"DATE"})


def bankruptcy_parties(view: DocView, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """A bankruptcy's court (the court its sentence names nearest the trigger) and filer (the first
    company or filer word of the sentence before the trigger: `Compute North Holdings, Inc. (along
    with its affiliated debtors, ...) filed for chapter 11`, `NARCO ... filed for bankruptcy`)."""
    text = view.text

    def court(c) -> bool:
        return c.label == "ORG" and org_kind(text[c.start:c.end]) == "court"
    out = _nearest_filler(view, trig_start, trig_end, taken, "court", {"ORG"}, court)
    before = [c for c in _in_sentence(view, trig_start, trig_end, taken, {"ORG", "FILER"})
              if c.end <= trig_start and not court(c)]
    if not _has(taken, "filer") and before:
        out += _filler("filer", before[0].start, before[0].end, before[0].label)
    return out


AUDITOR_LEAVES = re.compile(r"dismiss|resign|declin|terminat", re.I)


def auditor(view: DocView, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """The firm an auditor change names nearest its trigger: the former auditor where the trigger
    says it leaves (`dismissed`, `resigned`, `declined to stand`), else the new one (`engaged`)."""
    role = "former_auditor" if AUDITOR_LEAVES.search(view.text, trig_start, trig_end) else "new_auditor"
    return _nearest_filler(view, trig_start, trig_end, taken, role, {"ORG"})


EXCHANGE = re.compile(r"\b(?:Nasdaq|NYSE|Exchange|Stock\s+Market|OTC)\b", re.I)


def exchange(view: DocView, trig_start: int, trig_end: int, taken: list[dict]) -> list[dict]:
    """The exchange a delisting notice names nearest its trigger (`received a letter from Nasdaq`)."""
    return _nearest_filler(view, trig_start, trig_end, taken, "exchange", {"ORG"},
                           lambda c: EXCHANGE.search(view.text, c.start, c.end) is not None)


# the cues each event type's roles are completed with, in order, after the classifier (for the
# types its training data holds few of or none, each role from the trigger's sentence)
FILLER_CUES = {
    "FINANCING": (own_borrower,),
    "DISPOSITION": (own_sale_seller,),
    "LEGAL_PROCEEDING": (suit_parties, case_court),
    "BANKRUPTCY": (bankruptcy_parties, stated_date),
    "AUDITOR_CHANGE": (auditor, stated_date),
    "DELISTING": (exchange, stated_date),
}
