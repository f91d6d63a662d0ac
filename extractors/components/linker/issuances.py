"""FINANCING from a table of debt issued (GUIDELINES wide reading 36).

A 10-K or 10-Q lists the notes and loans it issued in a period in a table that a sentence
introduces:

    During 2023, we had the following issuances of long-term debt:
    Date               Description of Notes   Aggregate Principal Balance (in millions)
    November 8, 2023   5.750% notes due 2026  $1,250
    5.750% notes due 2029                     500

    In 2023, we issued the following senior notes:
    Interest Rate  Maturity Date  Principal Amount
    4.550 %        February 2026  $500

Each row with a principal is one FINANCING: `amount` the row's first MONEY, `borrower` the
filer as the introduction names it (`we`, `Prism Works Inc.`), `date` the row's issue date where the row opens
with one (and the rows under it that open with none: the date cell spans them), else the
introduction's date (a date later in the row is the maturity). The trigger is the security
the row names (`5.750% notes due 2026`, `18 Month term loan`), else the introduction's verb,
shared by the rows. A total row ends the table.

Pure functions over the text and the entity spans (`(start, end, label)`, sorted by
start): the linker turns what `issuance_events` returns into event records.
"""
from __future__ import annotations

import re

from extractors.names import FILER_WORD, GENERIC_FILER
from extractors.offsets import first_of, line_start, within
from extractors.tables import TOTAL_ROW, lines_below

# the sentence introducing the table, ending its line with a colon; group 1 or 2 the verb
INTRO = re.compile(r"\b(?:(issued)\b[^\n]{0,120}?\bthe\s+following\b|\bthe\s+following\s+(issuances?)\b)"
                   r"(?=[^\n]{0,200}?\b(?:notes|debt|bonds|debentures|loans?|borrowings)\b)[^\n]{0,200}?:[ \t]*$",
                   re.I | re.M)
SECURITY = re.compile(r"(?:\d[\d.]*\s?%\s+)?(?:[\w-]+\s+){0,3}?(?:notes|debentures|bonds|term\s+loan)\b"
                      r"(?:\s+due\s+\d{4})?", re.I)
BLANK_LINE = re.compile(r"\n[ \t]*\n")
INTRO_REACH = 300  # characters before the verb read for the introduction's date and borrower, at most


def issuance_events(text: str, ents: list[tuple]) -> list[dict]:
    """Events of the debt-issuance tables in `text`: each a dict with `trigger` (start,
    end), `args` (role -> (start, end)) and `table` (the verb's start and the end of the
    last row read), for the linker."""
    events: list[dict] = []
    for m in INTRO.finditer(text):
        group = 1 if m.group(1) else 2
        verb = (m.start(group), m.end(group))
        made = _rows(text, ents, verb, _intro_args(text, ents, verb), m.end())
        events += [dict(ev, table=(verb[0], made[-1]["end"])) for ev in made]
    return events


def _intro_args(text: str, ents: list[tuple], verb: tuple[int, int]) -> dict:
    """The borrower (`we`, `the Company`, a company named) and the date the introduction
    gives: the ones nearest the verb before it on its line."""
    start = max(verb[0] - INTRO_REACH, line_start(text, verb[0]))
    args = {}
    before = within(ents, start, verb[0])
    filers = [x.span() for rx in (FILER_WORD, GENERIC_FILER) for x in rx.finditer(text, start, verb[0])]
    filers += [(s, e) for s, e, label in before if label == "ORG"]
    if filers:
        args["borrower"] = max(filers)
    dates = [(s, e) for s, e, label in before if label == "DATE"]
    if dates:
        args["date"] = dates[-1]
    return args


def _rows(text: str, ents: list[tuple], verb: tuple[int, int], intro: dict, pos: int) -> list[dict]:
    """The events of the rows under the introduction ending at `pos`."""
    out: list[dict] = []
    issued = None  # the issue date a row opened with, for the rows under it
    for start, end, cells in lines_below(text, pos):
        if TOTAL_ROW.match(cells[0].text) or (out and BLANK_LINE.search(text, out[-1]["end"], start)):
            break  # the total, or a blank line after the rows: the table has ended
        money = first_of(ents, "MONEY", start, end)
        opening = first_of(ents, "DATE", start, end)
        opening = opening if opening is not None and opening[0] == cells[0].start else None
        if opening is not None:
            issued = opening
        if money is None:
            continue  # the header, a note
        after = opening[1] if opening is not None else start
        security = SECURITY.search(text, after, money[0])
        args = {**intro, "amount": money}
        if issued is not None:
            args["date"] = issued
        trigger = security.span() if security else verb
        out.append({"trigger": trigger, "args": args, "end": end})
    return out
