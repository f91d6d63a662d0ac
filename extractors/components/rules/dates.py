"""DATE rules: bare years and month names where the context makes them dates.

Each rule function takes a `RuleContext` (the doc, lexicons, the candidates found so
far) and returns new `Candidate` spans; `registry.py` names them and their order.
"""
from __future__ import annotations

import re

from .context import Candidate, RuleContext

YEAR_RE = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
OLD_YEAR_RE = re.compile(r"^19[0-4]\d$")  # a year only after a cue: "founded in 1939"
OLD_YEAR_CUES = {"in", "since", "until", "from", "during", "year"}
MONTHS_ABBR = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
               "nov", "dec", "january", "february", "march", "april", "june", "july",
               "august", "september", "october", "november", "december"}
YEAR_PREV_BAD = {"due", "Due", "DUE", "No.", "No", "Nos.", "Rule", "Section", "Item", "Suite",
                 "Box", "Form", "#", "Exhibit", "Release", "Room", "Floor", "Route", "Highway",
                 "Page", "Note", "Schedule", "Case", "Docket", "File", "approximately", "about",
                 "over", "nearly", "some", "than", "Unit", "Building", "Street", "Code", "CFR",
                 "Series", "Class", "$", "US$", "Number", "number", "Act", "Plan", "ISO", "top",
                 "Fortune", "Russell", "S&P", "Windows", "Office"}
YEAR_NEXT_BAD = {"%", "percent", "shares", "units", "employees", "people", "million", "billion",
                 "thousand", "square", "feet", "acres", "miles", "tons", "hours", "days",
                 "customers", "stores", "locations", "s", "'s",
                 # a year inside a name: "the 2013 annual meeting", "the 2007 plan rules",
                 # "its 2004 stock plan", "the 2012 notes"
                 "annual", "plan", "plans", "notes", "debentures", "stock", "equity", "omnibus",
                 # "under the 2023 program", "the 2014 share repurchase program", "2023 proxy
                 # statements", "the 2006 ESPP", "the 2023 USD Notes" (wide readings 7, 20)
                 "program", "programs", "proxy", "espp", "grat", "usd", "euro", "senior", "share",
                 "repurchase"}


def date_years(ctx: RuleContext) -> list[Candidate]:
    """A bare four-digit year where it is a year, not part of a name or a number; then
    the months named alone (:func:`date_months`)."""
    doc, out = ctx.toks, []
    for i, text in enumerate(ctx.texts):
        if len(text) != 4 or ctx.labels_at(i):
            continue
        if not YEAR_RE.match(text):
            p = ctx.prev_ns(i) if OLD_YEAR_RE.match(text) else None
            if p is None or ctx.lowers[p] not in OLD_YEAR_CUES:
                continue
        tok = doc[i]
        # glued to neighbours ("2004-05", "(2004)" is fine); a range of two years
        # ("(2001-2002)") is two years
        texts = ctx.texts
        if i > 0 and not doc[i - 1].whitespace_ and texts[i - 1] in {"-", "/", ".", ":"} and not (
                texts[i - 1] == "-" and i > 1 and YEAR_RE.match(texts[i - 2])
                and not doc[i - 2].whitespace_):
            continue
        if not tok.whitespace_ and i + 1 < ctx.n and texts[i + 1] in {"-", "/", ":"} \
                and i + 2 < ctx.n and texts[i + 2][:1].isdigit() and not (
                    texts[i + 1] == "-" and YEAR_RE.match(texts[i + 2])):
            continue
        p = ctx.prev_ns(i)
        n = ctx.next_ns(i)
        if p is not None and texts[p] == ",":
            # the year of a full date a validator turned down ("Notes due July 27, 2012")
            d = ctx.prev_ns(p)
            m = ctx.prev_ns(d) if d is not None else None
            if m is not None and texts[d].isdigit() and ctx.lowers[m].rstrip(".") in MONTHS_ABBR:
                continue
        if p is not None:
            pt = doc[p].text
            if pt in YEAR_PREV_BAD or pt[:1].isdigit() or pt in {"'", "’"}:
                continue
            if pt == "of":
                pp = ctx.prev_ns(p)
                if pp is not None and doc[pp].text[:1].isupper() and "DATE" not in ctx.labels_at(pp) \
                        and not doc[pp].text.lower() in {"end", "beginning", "start", "half", "quarter", "spring", "summer", "fall", "winter"}:
                    continue  # "Act of 1934", "Class of 2004"
        if n is not None:
            nt = doc[n].text
            if nt in YEAR_NEXT_BAD or nt.lower() in YEAR_NEXT_BAD:
                continue
            if nt[:1].isupper() and nt.isalpha() and not nt.isupper() and nt not in {
                    "Annual", "Form", "The", "We", "In", "On", "As", "Compared", "Versus", "Vs"}:
                # "2004 Stock Plan", "2004 Annual Meeting" is handled below
                continue
            if nt in {"Annual", "Form"}:
                continue
        out.append(Candidate(i, i + 1, "DATE", "year"))
    return out + date_months(ctx)


MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"}
MONTH_CUES = {"in", "during", "since", "until", "through", "by", "of", "early", "late", "mid",
              "mid-", "before", "after", "from", "last", "this", "next", "since", "till"}
MONTH_NAME_CUES = {"in", "during", "since", "until", "through", "early", "late", "mid", "before",
                   "after"}


def _followed_by(ctx: RuleContext, i: int, words) -> bool:
    k = i
    for w in words:
        k = ctx.next_ns(k)
        if k is None or ctx.lowers[k] != w:
            return False
    return True


def date_months(ctx: RuleContext) -> list[Candidate]:
    """A month named alone where it dates something: ``in October``, ``at the end of
    September``, ``January of this year`` (the year is the document's)."""
    texts, lowers, out = ctx.texts, ctx.lowers, []
    for i, text in enumerate(texts):
        if text not in MONTH_NAMES or ctx.labels_at(i):
            continue
        p = ctx.prev_ns(i)
        if p is None:
            continue
        cue = lowers[p]
        if text == "May" and cue not in MONTH_NAME_CUES:
            continue  # "may" is mostly the verb
        if cue not in MONTH_CUES:
            continue
        if cue == "of":  # "the end of September", not "the Bank of March"
            pp = ctx.prev_ns(p)
            if pp is None or lowers[pp] not in {"end", "beginning", "start", "middle", "month",
                                                 "months"}:
                continue
        n = ctx.next_ns(i)
        if n is not None and (texts[n][:1].isdigit() or texts[n][:1].isupper()):
            continue  # "in June 2004" is a pattern's; "in June Smith" is no date
        if _followed_by(ctx, i, ("a", "year", "ago")):
            continue  # the year-ago month: relative
        end = i + 1
        # "January of this year"
        if n is not None and lowers[n] == "of":
            k = ctx.next_ns(n)
            k2 = ctx.next_ns(k) if k is not None else None
            if k2 is not None and lowers[k] == "this" and lowers[k2] == "year":
                end = k2 + 1
        out.append(Candidate(i, end, "DATE", "month"))
    return out
