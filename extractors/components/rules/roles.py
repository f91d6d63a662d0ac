"""ROLE rules: titles extended by their area or unit (`Vice President of Marketing`, `Regional Vice President`).

Each rule function takes a `RuleContext` (the doc, lexicons, the candidates found so
far) and returns new `Candidate` spans; `registry.py` names them and their order.
"""
from __future__ import annotations

import re

from extractors.names import org_aliases

from .context import Candidate, RuleContext, name_like
from .orgs import ORG_HEAD_STOP
from .persons import AGE_RE

FUNCTION_AREAS = {
    "finance", "financial", "operations", "sales", "marketing", "human", "resources",
    "investor", "relations", "corporate", "development", "business", "strategy", "strategic",
    "planning", "engineering", "manufacturing", "research", "tax", "taxes", "treasury",
    "legal", "administration", "information", "technology", "technologies", "accounting",
    "communications", "public", "affairs", "global", "worldwide", "international", "north",
    "america", "american", "europe", "asia", "product", "products", "services", "supply",
    "chain", "quality", "compliance", "risk", "audit", "internal", "government", "regulatory",
    "customer", "support", "and", "&", "general", "counsel", "mergers", "acquisitions",
    "procurement", "purchasing", "logistics", "real", "estate", "facilities", "security",
    "investments", "investment", "controller", "the", "board", "merchandising", "management",
    "operational", "store", "stores", "franchise", "franchising", "field",
}


def role_extend(ctx: RuleContext) -> list[Candidate]:
    """``Vice President of Finance``, ``Director of Investor Relations``; a lower-case
    title takes a lower-case area (``vice president of marketing``)."""
    doc, out = ctx.toks, []
    for c in ctx.of_label("ROLE"):
        n = ctx.next_ns(c.end - 1, same_line=False)
        if n is None or doc[n].text != "of":
            continue
        if end := _board_tail(ctx, n):  # `Chairman of our Board of Directors`
            out.append(Candidate(c.start, end, "ROLE", "role_extend"))
            continue
        lower_title = doc[c.start].text[:1].islower()
        j, end, words = ctx.next_ns(n), None, 0
        while j is not None and doc[j].text.lower() in FUNCTION_AREAS and words < 5:
            t = doc[j].text
            if t in {"and", "&"}:
                pass  # a connector: the area goes on only if an area word follows
            elif t != "the" and (t[:1].isupper() or lower_title and t[:1].islower()):
                end = j + 1
            else:
                break
            words += 1
            j = ctx.next_ns(j)
        if end is not None and not doc[end - 1].text.lower() in {"and", "&", "the"}:
            out.append(Candidate(c.start, end, "ROLE", "role_extend"))
    return out + role_area(ctx) + role_prefix(ctx) + role_head_of(ctx)


def role_head_of(ctx: RuleContext) -> list[Candidate]:
    """A head of a function or unit, as officer tables list them: ``Head of Global Operations``,
    ``Head of U.S. Retail Sales`` (a capitalised `Head of` and the area's capitalised words; not a
    company: ``Head of Acme Corp.``, nor the end of a title: ``Business Unit Head of ...``)."""
    texts, out = ctx.texts, []
    suffixes = _company_suffixes(ctx)
    for i, t in enumerate(texts):
        if t != "Head" or ctx.labels_at(i):
            continue
        p = ctx.prev_ns(i, same_line=True)
        if p is not None and name_like(texts[p]):
            continue  # the end of a title: `Business Unit Head of Building Automation`
        n = ctx.next_ns(i, same_line=True)
        k = ctx.next_ns(n, same_line=True) if n is not None and texts[n] == "of" else None
        end = _area_segment(ctx, k, suffixes) if k is not None else None
        if end is not None:
            out.append(Candidate(i, end, "ROLE", "role_head_of"))
    return out


# a word before a title that is part of it (GUIDELINES: the title as written): its scope
# (`Global General Counsel`, `Deputy Chief Financial Officer`, `Co-CEOs`), its function
# (`Legal Director`, `Sales Senior Vice President`, `marketing vice president`); never a
# region (`North America President`: the region is the unit's name), a connector, or
# `interim` / `acting` (GUIDELINES wide reading 18: they stay outside)
PREFIXES = (FUNCTION_AREAS | {"deputy", "commercial", "divisional", "regional", "group", "co"}) - {
    "and", "&", "the", "board", "general", "counsel", "controller", "north", "america", "american", "europe", "asia",
    "international", "worldwide", "real", "estate", "public", "investor", "human", "customer", "supply", "internal",
    "information", "government"}
MAX_PREFIX = 2


def role_prefix(ctx: RuleContext) -> list[Candidate]:
    """A title with the words before it that scope it or name its function (PREFIXES, at
    most MAX_PREFIX, capitalised as the title is): ``Global Chief People Officer``, ``Deputy
    Chief Financial Officer``, ``Co-CEOs``, ``marketing vice president``."""
    texts, lowers, out = ctx.texts, ctx.lowers, []
    for c in ctx.of_label("ROLE"):
        lower_title = texts[c.start][:1].islower()
        start, k = c.start, 0
        while k < MAX_PREFIX:
            p = ctx.prev_ns(start, same_line=True)
            if p is not None and texts[p] == "-" and p == start - 1 and p > 0 and lowers[p - 1] == "co":
                p -= 1  # `Co-CEOs`
            elif p is None or p != start - 1 - int(ctx.spaces[start - 1]):
                break
            t = texts[p]
            if lowers[p] not in PREFIXES or ctx.labels_at(p) or (t[:1].islower() != lower_title):
                break
            start, k = p, k + 1
        if start < c.start:
            out.append(Candidate(start, c.end, "ROLE", "role_prefix"))
    return out


def _board_tail(ctx: RuleContext, n: int) -> int | None:
    """End of `of our|its|their Board (of Directors)` starting at the `of` at `n`, else None
    (`of the Board` is in the title lexicon)."""
    lowers = ctx.lowers
    k = ctx.next_ns(n)
    if k is None or lowers[k] not in ("our", "its", "their"):
        return None
    b = ctx.next_ns(k)
    if b is None or lowers[b] != "board":
        return None
    o = ctx.next_ns(b)
    d = ctx.next_ns(o) if o is not None and lowers[o] == "of" else None
    return d + 1 if d is not None and lowers[d] == "directors" else b + 1


AREA_HEADS = {"president", "vp", "svp", "evp", "v.p.", "officer", "controller", "treasurer"}
TITLE_WORDS = {"chief", "president", "vice", "director", "officer", "treasurer", "secretary",
               "controller", "comptroller", "chairman", "chairwoman", "chair", "counsel",
               "founder", "co-founder", "ceo", "cfo", "coo", "manager", "partner", "principal",
               "date", "title", "name"}
AREA_CONNECTORS = {"and", "&", "of"}
# a name written with a capital inside (`PepsiCo`, `ExxonMobil`): a company's, not an area's
BRAND_CASE = re.compile(r"^[A-Z][a-z]+[A-Z]")


def _company_suffixes(ctx: RuleContext) -> set[str]:
    """The words that end a company's name (legal and descriptive suffixes: `Inc.`, `Group`): an
    area segment ending in one names a company's unit, not an area."""
    sfx = ctx.lex["org_suffixes"]
    return set(sfx["legal"]) | set(sfx["descriptive"])


def _area_segment(ctx: RuleContext, k: int, suffixes, companies: frozenset = frozenset()) -> int | None:
    """End of an area segment starting at token ``k`` (``Finance and Administration``,
    ``Global Rolled Products``), or None where it is no area (a company, a title...).
    `companies`: one-word names of the companies found so far (``Alcoa``)."""
    texts, lowers = ctx.texts, ctx.lowers
    blocked = {"ROLE", "ORG", "PERSON", "DATE", "MONEY", "PERCENT", "SHARES"}
    end, words, j = None, 0, k
    while j is not None and words < 8:
        t = texts[j]
        if t == "-" and end == j and not ctx.toks[j - 1].whitespace_ and not ctx.toks[j].whitespace_ \
                and j + 1 < ctx.n and name_like(texts[j + 1]):
            j += 1  # one hyphenated word: `Sub-Saharan`, `Frito-Lay`
            continue
        if lowers[j] in AREA_CONNECTORS and end is not None:
            n = ctx.next_ns(j)
            if n is None or not name_like(texts[n]) or lowers[n] in TITLE_WORDS \
                    or ctx.labels_at(n) & blocked:
                break
            j = n
            continue
        if not name_like(t) or lowers[j] in TITLE_WORDS or ctx.labels_at(j) & blocked or t in companies \
                or t in ORG_HEAD_STOP and t not in {"Global", "Corporate"}:
            break
        if "'" in t or "’" in t or t in suffixes:
            return None  # "Aaron's Sales & Lease Ownership Division", "... Group"
        if j == k and (BRAND_CASE.search(t) or (j + 2 < ctx.n and texts[j + 1] == "-"
                                                  and not ctx.toks[j].whitespace_ and name_like(texts[j + 2]))):
            return None  # a company's unit by its name: "PepsiCo Europe", "Frito-Lay North America"
        end, words = j + 1, words + 1
        j = ctx.next_ns(j)
    if end is None:
        return None
    n = ctx.next_ns(end - 1)
    if n is not None and (texts[n] in (":", "'s", "’s") or lowers[n] == "of" or texts[n] in suffixes):
        return None  # "Electronic Measurements Group of Agilent", "Date:"
    if n is not None and n == end and "ROLE" in ctx.labels_at(n):
        return None  # the scope of the next title: "Executive Vice President, Global General Counsel"
    return end


def _introduces_a_person(ctx: RuleContext, end: int) -> bool:
    """What follows a segment ending at `end` introduces a person, not an area: an age or
    `who` between commas (`Chief Executive Officer, Chinwe Okonkwo, 52,`)."""
    n = ctx.next_ns(end - 1, same_line=True)
    if n is None or ctx.texts[n] != ",":
        return False
    k = ctx.next_ns(n, same_line=True)
    return k is not None and (ctx.lowers[k] == "who" or AGE_RE.fullmatch(ctx.texts[k]) is not None)


def role_area(ctx: RuleContext) -> list[Candidate]:
    """A president's, vice-president's, officer's, controller's or treasurer's title with its
    area, one span (GUIDELINES): ``Vice President, Finance``, ``Executive Vice President,
    People, Culture and ABS``, ``Senior Vice President Finance``, ``Executive Vice
    President-Alcoa``, ``Chief Executive Officer, Europe Sub-Saharan Africa``, ``Controller,
    Medical Devices``; not a company, a company's unit by its name or a title after the comma
    (``President, Aaron's Sales & Lease Ownership Division``, ``Chief Executive Officer,
    PepsiCo Europe``, ``Executive Vice President, Chief Financial Officer``)."""
    texts, lowers, out = ctx.texts, ctx.lowers, []
    suffixes = _company_suffixes(ctx)
    companies = None  # one-word names of the companies found so far, read when first needed
    for c in ctx.of_label("ROLE"):
        if lowers[c.end - 1] not in AREA_HEADS:
            continue
        n = ctx.next_ns(c.end - 1)
        if n is None:
            continue
        end = None
        if texts[n] == "-" and n == c.end and not ctx.toks[n].whitespace_ and n + 1 < ctx.n \
                and name_like(texts[n + 1]) and lowers[n + 1] not in TITLE_WORDS:
            end = n + 2  # "Executive Vice President-Alcoa"
        elif texts[n] == ",":
            if companies is None:
                companies = frozenset(alias for o in ctx.of_label("ORG")
                                      for alias in org_aliases(" ".join(texts[o.start:o.end]))[0] if " " not in alias)
            k = ctx.next_ns(n)
            while k is not None:
                e = _area_segment(ctx, k, suffixes, companies)
                if e is None or _introduces_a_person(ctx, e):
                    break
                end = e
                m = ctx.next_ns(e - 1)
                if m is None or texts[m] != ",":
                    break
                k = ctx.next_ns(m)
        elif texts[n][:1].isupper() and lowers[n] in FUNCTION_AREAS and lowers[n] not in {
                "and", "&", "the", "board", "controller", "counsel", "general"}:
            j = n
            while j is not None and texts[j][:1].isupper() and lowers[j] in FUNCTION_AREAS \
                    and not ctx.labels_at(j):
                end = j + 1
                j = ctx.next_ns(j)
        if end is not None:
            out.append(Candidate(c.start, end, "ROLE", "role_area"))
    return out
