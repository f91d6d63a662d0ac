"""Figures listed `respectively`, or each with its own period: one event per figure (GUIDELINES
wide reading 30).

A sentence may state several events of one type on one trigger, their figures and dates
listed in the same order:

    In December 2023 and 2022, our Board of Directors approved share repurchase programs
    of our Class A common stock authorizing us to repurchase up to $11.0 billion and
    $9.0 billion, respectively.

Each figure is one event on the shared trigger, with the DATE of the same place in a list
of as many DATEs (`December 2023` with `$11.0 billion`, `2022` with `$9.0 billion`).
Amounts that each carry their own period (`declared dividends of $2.08 per share in 2023 and
$1.92 per share in 2022`) are one event each too, dated by the DATE after each. Results
(results.py) pair figures and periods the same way. Pure functions over the text
and spans (`(start, end)`; entities as `(start, end, label)`, sorted by start).
"""
from __future__ import annotations

import re

from extractors.offsets import within

# between two listed items: `, `, `, and `, ` and `
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)
# between two listed amounts per share (`$1.84 per share and $1.76 per share`)
PER_SHARE_GAP = re.compile(r"\s+per\s+share" + LIST_GAP.pattern, re.I)
# between an amount and the next where each carries its own period (`$2.08 per share in 2023 and
# $1.92 per share in 2022`): the period and a list gap
PERIOD_AFTER = re.compile(r"\s+(?:per\s+(?:common\s+)?share\s+)?(?:in|for|during)\s+(?:fiscal\s+(?:year\s+)?)?", re.I)
PERIOD_GAP = re.compile(PERIOD_AFTER.pattern + r"\d{4}" + LIST_GAP.pattern, re.I)
# the types whose events are one per amount listed (the role the amount fills)
LISTED_AMOUNT = {"SHARE_REPURCHASE": "amount", "DIVIDEND": "amount", "FINANCING": "amount",
                 "LEGAL_PROCEEDING": "amount"}


def runs(text: str, spans: list[tuple[int, int]], gaps=(LIST_GAP,)) -> list[list[tuple[int, int]]]:
    """The spans in runs of two or more listed one after another (`$43.8, $61.6, and $62.7`)."""
    out, run = [], spans[:1]
    for a, b in zip(spans, spans[1:]):
        if any(gap.fullmatch(text, a[1], b[0]) for gap in gaps):
            run.append(b)
        else:
            out.append(run)
            run = [b]
    out.append(run)
    return [r for r in out if len(r) > 1]


def respectively(text: str, figs: list[tuple[int, int]], dates: list[tuple[int, int]], s0: int, s1: int,
                 gaps=(LIST_GAP,)) -> dict[tuple[int, int], tuple[int, int]]:
    """In a sentence (`s0`..`s1`) that says `respectively`, each figure of a listed run and the
    DATE of a listed run of as many DATEs, in order (`$43.8, $61.6, and $62.7 in 2024, 2023, and
    2022, respectively`; `During 2023 and 2022, ... was $14.7 billion and $8.5 billion,
    respectively`)."""
    if "respectively" not in text[s0:s1].lower():
        return {}
    out = {}
    date_runs = runs(text, dates)
    for run in runs(text, figs, gaps):
        same = [d for d in date_runs if len(d) == len(run)]
        if same:
            near = min(same, key=lambda d: min(abs(d[0][0] - run[-1][1]), abs(run[0][0] - d[-1][1])))
            out.update(zip(run, near))
    return out


def listed_events(text: str, ents: list[tuple], event_type: str, sentence: tuple[int, int],
                  args: list[tuple]) -> list[list[tuple]]:
    """For an event whose amount (`args`: `(role, start, end, score)`) is one of several MONEY
    figures listed in a `respectively` sentence: the arguments of one event per figure, each
    with its own amount and its paired DATE (as `date`, where the type has one), the rest shared;
    empty where the amount is listed with no other."""
    role = LISTED_AMOUNT.get(event_type)
    amount = next(((a[1], a[2]) for a in args if a[0] == role), None)
    s0, s1 = sentence
    if amount is None:
        return []
    inside = within(ents, s0, s1)
    money = [(s, e) for s, e, label in inside if label == "MONEY"]
    if "respectively" not in text[s0:s1].lower():
        return _each_with_its_period(text, inside, money, amount, role, event_type, args)
    run = next((r for r in runs(text, money, (LIST_GAP, PER_SHARE_GAP)) if amount in r), None)
    if run is None:
        return []
    dates = respectively(text, run, [(s, e) for s, e, label in inside if label == "DATE"], s0, s1,
                         (LIST_GAP, PER_SHARE_GAP)) if event_type != "DIVIDEND" else {}
    keep = [a for a in args if a[0] != role and not (dates and a[0] == "date")]
    return [keep + [(role, *fig, 0.5)] + ([("date", *dates[fig], 0.5)] if fig in dates else []) for fig in run]


def _each_with_its_period(text: str, inside: list[tuple], money: list[tuple[int, int]], amount: tuple[int, int],
                          role: str, event_type: str, args: list[tuple]) -> list[list[tuple]]:
    """Amounts listed each with its own period (`declared dividends of $2.08 per share in 2023
    and $1.92 per share in 2022`): one event per amount, with the DATE that follows it (as
    `date`, where the type has one); empty where the amount is not in such a list."""
    run = next((r for r in runs(text, money, (PERIOD_GAP,)) if amount in r), None)
    if run is None:
        return []
    dates = {}
    for fig in run:
        after = PERIOD_AFTER.match(text, fig[1])
        date = next(((s, e) for s, e, label in inside if label == "DATE" and after and s == after.end()), None)
        if date is not None:
            dates[fig] = date
    dated = event_type != "DIVIDEND" and bool(dates)
    keep = [a for a in args if a[0] != role and not (dated and a[0] == "date")]
    return [keep + [(role, *fig, 0.5)] + ([("date", *dates[fig], 0.5)] if dated and fig in dates else [])
            for fig in run]
