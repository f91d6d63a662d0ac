"""Form-level structure: signature blocks and Form 12b-25 cover fields.

The gold training filings (lee8k) mostly lost their signature blocks and hold no
12b-25 notices, so the classifier cannot learn these roles; the forms' layout
states them plainly instead. These rules fill the roles the classifier left empty.

SIGNATURE (trigger: `signed` in the signature clause). In the block after the
clause (up to `SIGNATURE_CHARS` characters): `signer` is the first PERSON (a
`/s/ Name` line or a `Name:` line), `role` the first ROLE after the signer (a
`Title:` line or the line under the name), `org` the first ORG in the block or,
failing that, the last ORG before the clause on a line of its own (the registrant's
name above `By:`), `date` the DATE on a `Date:`/`Dated:` line, else the nearest DATE
in the block.

A filing signed for several registrants (SCHEMA v1.1) has one SIGNATURE per
signature block, all sharing the trigger: `signature_blocks` splits the region after
the clause at its `By:` lines (else its `/s/` lines); when two or more blocks each
name a different registrant (the ORG line above `By:`), each block becomes an event
with its own org, signer and role, and the date line they share. Two officers
signing for one registrant stay one block.

LATE_FILING (trigger: the form's title `NOTIFICATION OF LATE FILING`, or the
statement that the report could not be filed in time). `filer`: the ORG on the
`Full Name of Registrant` line; `form`: the checked form (`[X] Form 10-K`);
`period`: the DATE after `Period Ended`; `expected_date`: a DATE after `on or
before`, `no later than`, `will be filed`, `expects to file`; `reason`: the
sentence of Part III that gives the reason (textroles).
"""
from __future__ import annotations

from extractors.layout import (BY_LINE, DATE_LINE, EXPECTED_DATE_CUE, PERIOD_LINE, REGISTRANT_LINE,
                               SLASH_S_LINE)
from extractors.offsets import first_of

SIGNATURE_CHARS = 900


def _signer(ents, lo: int, hi: int, out: dict) -> int | None:
    """Put the block's first PERSON and the ROLE after it into `out`; return where they end."""
    signer = first_of(ents, "PERSON", lo, hi)
    if not signer:
        return None
    out["signer"] = signer
    role = first_of(ents, "ROLE", signer[1], min(hi, signer[1] + 200))
    if role:
        out["role"] = role
    return (role or signer)[1]


def signature_roles(text: str, ents: list[tuple[int, int, str]], trig: tuple[int, int]) -> dict:
    lo, hi = trig[1], min(len(text), trig[1] + SIGNATURE_CHARS)
    out = {}
    _signer(ents, lo, hi, out)
    org = first_of(ents, "ORG", lo, hi)
    if org is None:
        before = [(s, e) for s, e, l in ents if l == "ORG" and max(0, trig[0] - 600) <= s and e <= trig[0]]
        org = before[-1] if before else None
    if org:
        out["org"] = org
    date = _signature_date(text, ents, lo, hi)
    if date:
        out["date"] = date
    return out


def _signature_date(text: str, ents, lo: int, hi: int):
    """The DATE on a `Date:`/`Dated:` line of the block, else its first DATE."""
    dates = [(s, e) for s, e, l in ents if l == "DATE" and lo <= s and e <= hi]
    labelled = [d for d in dates if DATE_LINE.search(text[max(0, d[0] - 12):d[0]])]
    return (labelled or dates or [None])[0]


MULTI_SIGNATURE_CHARS = 3000


def signature_blocks(text: str, ents: list[tuple[int, int, str]], trig: tuple[int, int]) -> list[dict]:
    """Role dicts, one per registrant's signature block; [] when the clause is signed
    for one registrant (then `signature_roles` reads the single block)."""
    lo, hi = trig[1], min(len(text), trig[1] + MULTI_SIGNATURE_CHARS)
    region = text[lo:hi]
    starts = [lo + m.start() for m in BY_LINE.finditer(region)] or \
             [lo + m.start() for m in SLASH_S_LINE.finditer(region)]
    if len(starts) < 2:
        return []
    blocks = []
    shared_date = _signature_date(text, ents, trig[1], min(len(text), trig[1] + SIGNATURE_CHARS))
    prev_end = lo
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else min(hi, start + SIGNATURE_CHARS)
        # the registrant's name: the last ORG between the previous block's lines and `By:`
        orgs = [(s, e) for s, e, l in ents if l == "ORG" and prev_end <= s and e <= start]
        roles: dict = {}
        if orgs:
            roles["org"] = orgs[-1]
        prev_end = _signer(ents, start, end, roles) or start
        if shared_date:
            roles["date"] = shared_date
        blocks.append(roles)
    names = {text[o[0]:o[1]].strip().rstrip(".").lower() for o in (b.get("org") for b in blocks) if o}
    if len(names) < 2 or any("org" not in b for b in blocks):
        return []
    return blocks


def late_filing_roles(text: str, ents: list[tuple[int, int, str]]) -> dict:
    out = {}
    for s, e, label in ents:
        before = text[max(0, s - 60):s]
        if label == "ORG" and "filer" not in out and REGISTRANT_LINE.search(before):
            out["filer"] = (s, e)
        elif label == "DATE" and "period" not in out and PERIOD_LINE.search(before):
            out["period"] = (s, e)
        elif label == "DATE" and "expected_date" not in out and EXPECTED_DATE_CUE.search(before):
            out["expected_date"] = (s, e)
    return out
