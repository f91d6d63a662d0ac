"""ORG rules: company names by legal suffix (a bracketed place inside: `(USA) Inc.`; digits
the tokenizer split off: `3M Co.`), aliases of a suffixed name, context cues (`subsidiary
X`), and other mentions of cue-found names.

Each rule function takes a `RuleContext` (the doc, lexicons, the candidates found so
far) and returns new `Candidate` spans; `registry.py` names them and their order.
"""
from __future__ import annotations

import re

from extractors.names import HONORIFICS, court_names, government_parties, is_generic

from .context import GOVERNMENT_PARTY_SOURCE, Candidate, RuleContext, name_like

ORG_HEAD_STOP = {
    "The", "THE", "A", "An", "About", "ABOUT", "On", "In", "At", "By", "For", "From", "With",
    "To", "Of", "OF", "And", "AND", "Contact", "Contacts", "CONTACT", "Item", "ITEM",
    "Exhibit", "EXHIBIT", "Dated", "Date", "DATE", "Name", "Title", "Attention", "Our", "Its",
    "Their", "This", "That", "Both", "Each", "Pursuant", "Based", "As", "Also", "Under",
    "Signature", "Signatures", "SIGNATURES", "If", "When", "Where", "While", "Following",
    "After", "Before", "Subsidiary", "Subsidiaries", "Company", "COMPANY", "Registrant",
    "Issuer", "Form", "FORM", "Press", "Release", "LOGO", "Between", "Among", "Note", "All",
    "Any", "Such", "Mr.", "Ms.", "Dr.", "Mrs.", "Agreement", "Amendment", "Plan", "Merger",
    "Acquisition", "Sale", "Purchase", "Vote", "Stockholders", "Shareholders", "NYSE",
    "NASDAQ", "Nasdaq", "SEC", "Announces", "Reports", "Acquires", "Completes", "Names",
    "Appoints", "Signs", "Agrees", "Sells", "Buys", "Declares", "Elects", "Approve",
    "Approves", "Announce", "Report", "Completed", "Acquired", "Sold", "Entered", "Including",
    "Including", "Whereas", "Re", "Subject", "Because", "Although", "However", "Since",
    "Through", "Via", "Upon", "Neither", "Either", "Holders", "Former", "New", "See",
    "Exact", "Commission", "File", "Number", "Address", "Telephone", "Registrant's",
    "Investor", "Relations", "Media", "Source", "SOURCE", "Forward", "Statements",
    # capitalised contract terms that are roles of parties, not names
    "Issuing", "Restricted", "Surviving", "Administrative", "Collateral", "Applicable",
    "Acquiring", "Syndication", "Documentation", "Lead", "Parent", "Guarantor", "Lender",
    "Lenders", "Borrower", "Agent", "Analyst", "Successor", "Resulting", "Continuing",
    "Eligible", "Permitted", "Designated", "Participating", "Affiliated", "Related",
}
ORG_HEAD_STOP |= {w.upper() for w in ORG_HEAD_STOP}
ORG_CONNECTORS = {"&", "and", "of", "'s", "’s", "-", "de", "du", "des", "la", "et", "y", "+"}
TITLE_WORDS_ALSO_ORG_STOP = {"Chief", "President", "Chairman", "Officer", "Director", "Vice"}


def _suffix_sets(ctx: RuleContext):
    s = ctx.lex["org_suffixes"]
    return set(s["legal"]), set(s["descriptive"]), set(s["comma_before"]), set(s["not_before"]), set(s["generic"])


def _past_a_title(ctx: RuleContext, start: int, j: int) -> int:
    """The run starting at `start` without a title's last words before its first `of`, where a
    title precedes it (`Chief [Geologist of] Kestrel Range Resources Inc.`, `Director of
    [Exploration of] Tamarack Gold Mines Ltd.`); else `start`."""
    doc = ctx.toks
    p = ctx.prev_ns(start)
    if p is not None and doc[p].text == "of":
        p = ctx.prev_ns(p)
    if p is None or not (doc[p].text in TITLE_WORDS_ALSO_ORG_STOP or "ROLE" in ctx.labels_at(p)):
        return start
    of = next((k for k in range(start + 1, j) if doc[k].text == "of"), None)
    n = ctx.next_ns(of) if of is not None else None
    return n if n is not None and n < j and name_like(doc[n]) else start


def _org_run_start(ctx: RuleContext, j: int, legal, desc, comma_ok, generic,
                   known_firsts: frozenset = frozenset()):
    """Walk back from suffix token ``j``; return the first token of the name or None.

    The run stops at a connector (``and``, ``'s``) whose left neighbour begins another
    company name (``known_firsts``: ``Agilent and Hewlett-Packard Company``) and at a word
    already in the run (``About Agilent Technologies Agilent Technologies Inc.``).
    """
    doc = ctx.toks
    seen_words: set[str] = {doc[j].text}
    blocked = {"ROLE", "DATE", "MONEY", "PERCENT", "SHARES"}
    k = ctx.prev_ns(j)
    if k is not None and doc[k].text == "," and doc[j].text in comma_ok:
        k = ctx.prev_ns(k)
    start, names = None, 0
    i = k
    while i is not None:
        tok = doc[i]
        if ctx.labels_at(i) & blocked:
            break
        if tok.text in ORG_CONNECTORS and (start is not None or tok.text == "&"):  # `Merck & Co.`
            p = ctx.prev_ns(i)
            if p is None or not name_like(doc[p]) or doc[p].text in ORG_HEAD_STOP \
                    or ctx.labels_at(p) & blocked:
                break
            if tok.text == "of" and (doc[p].text in legal or doc[p].text in desc):
                break
            if tok.text in ("and", "&") and doc[p].text in legal:
                break  # two companies: `Osvald S.a.r.l. and Lund KGaA`
            if tok.text in ("'s", "’s") and names > 1:
                break
            if tok.text == "-" and (tok.whitespace_ or doc[p].whitespace_):
                break  # "Hewlett-Packard", not "Charter - Innovo"
            if tok.text in ("and", "&", "'s", "’s") and doc[p].text in known_firsts:
                break
            i = p
            continue
        if tok.text == "," and start is not None and _firm_comma(ctx, i, start, j, legal):
            i = ctx.prev_ns(i)  # `Merrill Lynch, Pierce, Fenner & Smith Incorporated`
            continue
        if tok.text == ")" and (opening := _bracketed_place(ctx, i)) is not None:
            i = ctx.prev_ns(opening)  # `Zydus Pharmaceuticals (USA) Inc.`, `Holdings (Belmont), Inc.`
            continue
        if name_like(tok) and tok.text not in ORG_HEAD_STOP and tok.text not in TITLE_WORDS_ALSO_ORG_STOP:
            if tok.text in seen_words:
                break
            seen_words.add(tok.text)
            start = i
            names += 1
            if names > 7:
                return None
            i = ctx.prev_ns(i)
            continue
        break
    if start is None:
        return None
    start = _past_a_title(ctx, start, j)
    p = ctx.prev_ns(start)
    if p is not None and doc[p].text in HONORIFICS:  # `Mr. [Fitzhugh-Obi and] Hewlett-Packard Company`
        joiner = next((k for k in range(start, j) if doc[k].text in ("and", ",")), None)
        if joiner is None or (start := ctx.next_ns(joiner)) is None or start >= j:
            return None
    heads = [t.text for t in doc[start:j] if not t.is_space and t.text not in ORG_CONNECTORS
             and t.text != ","]
    if not heads or all(h in generic for h in heads):
        return None
    return _glued_digits(ctx, start)


def _glued_digits(ctx: RuleContext, start: int) -> int:
    """A name's first word that the tokenizer split after its digits (`3M` -> `3` `M`): the
    name begins at the digits."""
    p = start - 1
    if p >= 0 and ctx.toks[p].text.isdigit() and not ctx.toks[p].whitespace_:
        return p
    return start


def _firm_comma(ctx: RuleContext, comma: int, start: int, suffix: int, legal) -> bool:
    """A comma between the partners' names of a firm written with `&` (`Skadden, Arps, Slate,
    Meagher & Flom LLP`): capitalised words on both sides, the `&` after it in the name, and
    no legal suffix before it (`Acme Corp., Brindle & Co.` lists two companies)."""
    doc = ctx.toks
    before = ctx.prev_ns(comma)
    return (before is not None and name_like(doc[before]) and doc[before].text not in legal
            and doc[before].text not in ORG_HEAD_STOP and name_like(doc[start])
            and any(t.text == "&" for t in doc[start:suffix]))


# country codes that stand bracketed inside a company's name (`Credit Suisse Securities (USA) LLC`)
COUNTRY_CODES = frozenset({"USA", "US", "U.S.", "UK", "U.K.", "GB", "HK", "PRC", "EU", "BVI", "NZ", "UAE", "SG"})


def _bracketed_place(ctx: RuleContext, close: int) -> int | None:
    """The `(` of a bracketed one- or two-word name part ending at `close` (`(USA)`, `(Hong
    Kong)`, `(Cayman)`; capitals only as a country code) that follows a name word: the part
    belongs to the company name."""
    doc = ctx.toks
    inner = []
    k = ctx.prev_ns(close)
    while k is not None and doc[k].text != "(" and len(inner) < 3:
        inner.append(doc[k])
        k = ctx.prev_ns(k)
    before = ctx.prev_ns(k) if k is not None else None
    if k is None or not 1 <= len(inner) <= 2 or before is None:
        return None
    if not all(name_like(t) and t.text not in ORG_HEAD_STOP for t in inner):
        return None
    if any(t.is_upper and t.text not in COUNTRY_CODES for t in inner):
        return None  # an acronym's definition: `Department of Justice (DOJ) Civil Division`
    return k if name_like(doc[before]) and doc[before].text not in ORG_HEAD_STOP else None


def _past_bracket(ctx: RuleContext, k: int) -> int | None:
    """The token after a bracketed part opening at `k` (`(Belmont)`, at most three words);
    `k` itself where no such part opens there."""
    if ctx.toks[k].text != "(":
        return k
    close = next((j for j in range(k + 1, min(k + 5, len(ctx.toks))) if ctx.toks[j].text == ")"), None)
    return k if close is None else ctx.next_ns(close)


def org_suffix(ctx: RuleContext) -> list[Candidate]:
    """A capitalised token run ending in a company suffix: ``Azteca Production International, Inc.``."""
    legal, desc, comma_ok, not_before, generic = _suffix_sets(ctx)
    doc = ctx.toks
    first = _org_suffix_pass(ctx, legal, desc, comma_ok, not_before, generic, {}, {})
    text_of = lambda c: " ".join(t.text for t in doc[c.start:c.end] if not t.is_space)
    firsts: dict[str, set[str]] = {}
    for c in first:
        if doc[c.end - 1].text in legal:
            firsts.setdefault(doc[c.start].text, set()).add(text_of(c))
    own = {c.end - 1: text_of(c) for c in first}
    return _org_suffix_pass(ctx, legal, desc, comma_ok, not_before, generic, firsts, own)


def _org_suffix_pass(ctx, legal, desc, comma_ok, not_before, generic, known_firsts, own):
    doc, out = ctx.toks, []
    for j, text in enumerate(ctx.texts):
        if text not in legal and text not in desc:
            continue
        tok = doc[j]
        n = ctx.next_ns(j)
        if n is not None and doc[n].text in not_before:
            continue
        end = j + 1
        # "Group Inc." / "Holdings, Inc.": a descriptive word continues into a legal suffix
        if (tok.text in desc or tok.text in legal) and n is not None:  # `Merck & Co., Inc.`: the longer
            m = _past_bracket(ctx, n)  # `Holdings (Belmont), Inc.`
            n2 = ctx.next_ns(m) if m is not None and doc[m].text == "," else m
            if n2 is not None and doc[n2].text in legal and (doc[m].text != "," or doc[n2].text in comma_ok):
                continue
        others = frozenset(w for w, texts in known_firsts.items() if texts - {own.get(j)})
        start = _org_run_start(ctx, j, legal, desc, comma_ok, generic, others)
        if start is None:
            continue
        out.append(Candidate(start, end, "ORG", "org_suffix"))
    return out


def _acronyms(full: list[str], legal) -> set[str]:
    """Acronyms a name's short form may take: the initials of its capitalised words, with or
    without its legal suffix (`KHF`, `KHFC` of `Kraft Heinz Foods Company`), of the name or of
    its last words (`ITW` of `Automotive OEM of Illinois Tool Works Inc.`); two letters or more."""
    out = set()
    for k in range(len(full)):
        words = [w for w in full[k:] if w[:1].isupper()]
        for keep_legal in (False, True):
            a = "".join(w[0] for w in words if keep_legal or w not in legal)
            if len(a) >= 2:
                out.add(a)
    return out


def _plain_alias(ctx: RuleContext, i: int, full: list[str], generic) -> tuple[int, int] | None:
    """A short name defined in brackets without quotes (`NXP Semiconductors, N.V. (NXP)`,
    `S&P Global Inc. (S&P)`, `Monsanto Company (Former Monsanto)`): 1-4 capitalised words or `&`
    up to the closing bracket, one of them a word of the full name and not all generic."""
    doc, words, j = ctx.toks, [], i
    while j is not None and doc[j].text != ")" and len(words) < 4:
        if not name_like(doc[j].text) and doc[j].text != "&":
            return None
        words.append(j)
        j = ctx.next_ns(j, same_line=True)
    if not words or j is None or doc[j].text != ")":
        return None
    texts = [doc[k].text for k in words]
    if not any(t in full for t in texts) or all(t in generic for t in texts):
        return None
    return words[0], words[-1] + 1


def org_defined_name(ctx: RuleContext) -> list[Candidate]:
    """A short name defined right after a suffixed company name:
    ``Azteca Production International, Inc. ("Azteca")`` or ``(AP)``. The short name must
    be part of the full name, its words run together (`JPMorganChase`) or its acronym
    (`_acronyms`), which rules out defined roles like ``("Buyer")``. (Its other mentions are tagged by `sec_aliases`, which propagates
    every name once the entities are decided.)
    """
    legal, desc, comma_ok, not_before, generic = _suffix_sets(ctx)
    doc, out = ctx.toks, []
    for cand in ctx.of_label("ORG"):
        if cand.source not in ("org_suffix",):
            continue
        i = ctx.next_ns(cand.end - 1)
        if i is None or doc[i].text != "(":
            continue
        i = ctx.next_ns(i)
        full = [t.text for t in doc[cand.start:cand.end] if not t.is_space]
        acronyms = _acronyms(full, legal)
        if i is not None and doc[i].text in acronyms:
            close = ctx.next_ns(i)
            if close is not None and doc[close].text == ")":
                out.append(Candidate(i, i + 1, "ORG", "org_defined_name"))
                continue
        if i is not None and doc[i].text not in {'"', "“", "'"} and (plain := _plain_alias(ctx, i, full, generic)):
            out.append(Candidate(*plain, "ORG", "org_defined_name"))
            continue
        if i is not None and doc[i].text.lower() == "the":
            i = ctx.next_ns(i)
        if i is None or doc[i].text not in {'"', "“", "'"}:
            continue
        j, alias = ctx.next_ns(i), []
        while j is not None and doc[j].text not in {'"', "”", "'", ")"} and len(alias) < 5:
            alias.append(j)
            j = ctx.next_ns(j)
        if not alias or j is None or doc[j].text not in {'"', "”", "'"}:
            continue
        alias_words = [doc[a].text for a in alias]
        inside = any(full[k:k + len(alias_words)] == alias_words for k in range(len(full)))
        glued = len(alias_words) == 1 and any("".join(full[a:b]) == alias_words[0]
                                              for a in range(len(full)) for b in range(a + 2, len(full) + 1))
        if (inside or glued or "".join(alias_words) in acronyms) and not all(w in generic for w in alias_words):
            out.append(Candidate(alias[0], alias[-1] + 1, "ORG", "org_defined_name"))
    return out


# A named business segment is ORG (GUIDELINES wide reading 8: `Digital Media segment` ->
# `Digital Media`): capitalised words between `the`/`its`/`our`/`their`/`'s` and
# `(operating|reportable|business) segment(s)`, and the names a sentence lists after
# `reportable segments:` (`three reportable segments: BCA, BDS, and BGS`). A singular
# `segment` names one (`Corporate and Other segment`); a plural one names a list
# (`the Electronic Measurement and Bio-Analytical Measurement segments`).
_SEGMENT_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w&\u2019'-]*(?<![\u2019']s))"
_SEGMENT_NAME = rf"{_SEGMENT_WORD}(?:[ \t]+(?:(?:and|&|of)[ \t]+)?{_SEGMENT_WORD}){{0,5}}"
SEGMENT_BEFORE = re.compile(rf"(?:\b(?:the|its|our|their)|[\u2019']s)\s+({_SEGMENT_NAME})\s+"
                            r"(?:(?:operating|reportable|business|reporting)\s+)?(segments?)\b")
SEGMENT_LIST = re.compile(r"\b(?:operating|reportable|business|reporting)\s+segments\s*(?::|are|include|consist\s+of)\s+"
                          rf"({_SEGMENT_NAME}(?:\s*,\s*{_SEGMENT_NAME}){{0,6}}(?:,?\s+and\s+{_SEGMENT_NAME})?)")
NOT_SEGMENTS = {"Total", "Other", "Segment", "Segments"}
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def segment_names(text: str) -> list[tuple[int, int]]:
    """Character offsets of the business segments `text` names (`SEGMENT_BEFORE`, `SEGMENT_LIST`)."""
    out = []
    for m in SEGMENT_BEFORE.finditer(text):
        out += _names_in(text, m.start(1), m.end(1), split=m.group(2).endswith("s"))
    for m in SEGMENT_LIST.finditer(text):
        out += _names_in(text, m.start(1), m.end(1), split=True)
    return out


def _names_in(text: str, start: int, end: int, split: bool) -> list[tuple[int, int]]:
    """The names in text[start:end], cut at commas and `and` when `split`; never generic words alone."""
    cuts = [(start, end)]
    if split:
        cuts, s = [], start
        for m in _LIST_SPLIT.finditer(text, start, end):
            cuts.append((s, m.start()))
            s = m.end()
        cuts.append((s, end))
    return [(a, b) for a, b in cuts if b > a and not is_generic(text[a:b])
            and text[a:b].split()[0] not in ORG_HEAD_STOP | NOT_SEGMENTS]


ORG_CUE_BEFORE = {"subsidiary", "subsidiaries", "affiliate", "affiliates", "division", "divisions"}
ORG_CUE_AFTER = {"division"}
LIST_SEPARATORS = {",", "and", "&", ";"}


def _cap_run(ctx: RuleContext, i: int, max_names: int = 5):
    """End (exclusive) of a run of name-like tokens from ``i`` ("Joe's Jeans Japan")."""
    doc, end, names, j = ctx.toks, None, 0, i
    blocked = {"ROLE", "DATE", "MONEY", "PERCENT", "SHARES", "PERSON"}
    while j is not None and names < max_names:
        tok = doc[j]
        if ctx.labels_at(j) & blocked:
            break
        if tok.text in ("'s", "’s", "&") and end is not None:
            j = ctx.next_ns(j)
            continue
        if name_like(tok) and tok.text not in ORG_HEAD_STOP and tok.text not in TITLE_WORDS_ALSO_ORG_STOP:
            names += 1
            end = j + 1
            j = ctx.next_ns(j)
            continue
        break
    return end


def org_cues(ctx: RuleContext) -> list[Candidate]:
    """Names the context marks as companies, with no legal suffix.

    * a list after ``subsidiary``/``subsidiaries``: ``its subsidiaries Innovo Inc., Innovo
      Azteca Apparel, Inc. and Joe's Jeans``; ``subsidiaries, X and Y``;
    * a capitalised run before a lowercase ``division``/``subsidiary``/``unit``:
      ``the Blue Concepts division``;
    * a court, a prosecutor's office or a federal district named in full
      (``names.court_names``: ``Regional Court of Mannheim``, ``Southern District of New York``);
    * a business segment (``segment_names``: ``the Sweet Baked Snacks segment``);
    * a state suing (``names.government_parties``: ``the State of Ohio filed``).
    """
    doc, out = ctx.toks, []
    # `Circuit Court of the 17th Judicial Circuit for ...`, `the Sweet Baked Snacks segment`
    for start, end in court_names(ctx.text) + segment_names(ctx.text):
        span = ctx.doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span):
            out.append(Candidate(span.start, span.end, "ORG", "org_cue"))
    # a state suing (`the State of New Hampshire filed`): outranks a classifier's PERSON `Hampshire`
    for start, end in government_parties(ctx.text):
        span = ctx.doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span):
            out.append(Candidate(span.start, span.end, "ORG", GOVERNMENT_PARTY_SOURCE))
    org_at = {c.start: c for c in ctx.of_label("ORG")}
    lowers = ctx.lowers
    for i, low in enumerate(lowers):
        if low not in ORG_CUE_BEFORE and low not in ORG_CUE_AFTER:
            continue
        tok = doc[i]
        if low in ORG_CUE_BEFORE and tok.text.islower():
            j = ctx.next_ns(i)
            if j is not None and doc[j].text in {",", ":"}:
                j = ctx.next_ns(j)
            found = 0
            while j is not None and found < 8:
                if j in org_at:
                    end = max(c.end for c in ctx.candidates if c.start == j and c.label == "ORG")
                    found += 1
                    more = _cap_run(ctx, ctx.next_ns(end - 1)) if ctx.next_ns(end - 1) is not None else None
                    last = doc[end - 1].text
                    if more is not None and last not in ctx.lex["org_suffixes"]["legal"]:
                        out.append(Candidate(j, more, "ORG", "org_cue"))
                        end = more
                else:
                    end = _cap_run(ctx, j)
                    if end is None:
                        break
                    words = [t.text for t in doc[j:end] if not t.is_space]
                    if len(words) >= 1 and not (len(words) == 1 and len(words[0]) < 3):
                        out.append(Candidate(j, end, "ORG", "org_cue"))
                        found += 1
                n = ctx.next_ns(end - 1)
                if n is None or doc[n].text not in LIST_SEPARATORS:
                    break
                j = ctx.next_ns(n)
                if j is not None and doc[j].text == "and":
                    j = ctx.next_ns(j)
        if low in ORG_CUE_AFTER and tok.text.islower():
            e = ctx.prev_ns(i)
            if e is None or not name_like(doc[e]) or ctx.labels_at(e):
                continue
            s = e
            while (p := ctx.prev_ns(s)) is not None and name_like(doc[p]) and not ctx.labels_at(p) \
                    and doc[p].text not in ORG_HEAD_STOP and e - p < 10:
                s = p
            if doc[s].text in ORG_HEAD_STOP:
                continue
            p = ctx.prev_ns(s)
            if p is not None and doc[p].lower_ in {"the", "its", "our", "'s", "’s", "their"}:
                out.append(Candidate(s, e + 1, "ORG", "org_cue"))
    return out
