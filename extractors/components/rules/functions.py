"""Rule functions: the rules token patterns cannot express.

Each function takes a :class:`RuleContext` (doc, lexicons, the candidates found so far)
and returns new :class:`Candidate` spans. They run in the order of
``DEFAULT_RULE_FUNCTIONS``; later functions see earlier candidates (an ORG run stops at
a ROLE, a person name stops at an ORG...). Each is registered in
``spacy.registry.misc`` under ``sec_events.rules.<name>.v1`` so a config can swap one.
"""
from __future__ import annotations

import re

import spacy

from .context import INITIAL_RE, NAME_SUFFIXES, Candidate, RuleContext

# ----------------------------------------------------------------------------- ORG
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
COMMON_SINGLE = {"American", "General", "United", "International", "National", "First",
                 "Global", "Western", "Eastern", "Northern", "Southern", "Central", "Pacific",
                 "Atlantic", "Standard", "Continental", "Federal", "Capital", "Investment",
                 "Financial", "Home", "Security", "Union", "Royal", "Delaware", "Nevada"}


def _name_like(tok) -> bool:
    """A capitalised word or a digit-letter mix ("3M"); takes a Token or its text."""
    t = tok if isinstance(tok, str) else tok.text
    # a token that starts with a letter or digit is never punctuation
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isalpha() for c in t)))


def _suffix_sets(ctx: RuleContext):
    s = ctx.lex["org_suffixes"]
    return set(s["legal"]), set(s["descriptive"]), set(s["comma_before"]), set(s["not_before"]), set(s["generic"])


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
    start, names, after_poss = None, 0, 0
    i = k
    while i is not None:
        tok = doc[i]
        if ctx.labels_at(i) & blocked:
            break
        if tok.text in ORG_CONNECTORS and start is not None:
            p = ctx.prev_ns(i)
            if p is None or not _name_like(doc[p]) or doc[p].text in ORG_HEAD_STOP \
                    or ctx.labels_at(p) & blocked:
                break
            if tok.text == "of" and (doc[p].text in legal or doc[p].text in desc):
                break
            if tok.text in ("'s", "’s") and names > 1:
                break
            if tok.text == "-" and (tok.whitespace_ or doc[p].whitespace_):
                break  # "Hewlett-Packard", not "Charter - Innovo"
            if tok.text in ("and", "&", "'s", "’s") and doc[p].text in known_firsts:
                break
            i = p
            continue
        if _name_like(tok) and tok.text not in ORG_HEAD_STOP and tok.text not in TITLE_WORDS_ALSO_ORG_STOP:
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
    heads = [t.text for t in doc[start:j] if not t.is_space and t.text not in ORG_CONNECTORS
             and t.text != ","]
    if not heads or all(h in generic for h in heads):
        return None
    return start


@spacy.registry.misc("sec_events.rules.org_suffix.v1")
def make_org_suffix():
    return org_suffix


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
        if tok.text in desc and n is not None:
            n2 = n
            if doc[n].text == "," :
                n2 = ctx.next_ns(n)
            if n2 is not None and doc[n2].text in legal and (doc[n].text != "," or doc[n2].text in comma_ok):
                continue
        others = frozenset(w for w, texts in known_firsts.items() if texts - {own.get(j)})
        start = _org_run_start(ctx, j, legal, desc, comma_ok, generic, others)
        if start is None:
            continue
        out.append(Candidate(start, end, "ORG", "org_suffix"))
    return out


def _org_base(ctx: RuleContext, cand: Candidate, legal, comma_ok):
    """Token texts of an ORG candidate without its legal suffix (None if nothing left)."""
    toks = [t for t in ctx.toks[cand.start:cand.end] if not t.is_space]
    while toks and (toks[-1].text in legal or toks[-1].text == ","):
        toks = toks[:-1]
    return [t.text for t in toks] or None


def _find_sequence(ctx: RuleContext, words: list[str]) -> list[tuple[int, int]]:
    """All occurrences of a token sequence (whitespace tokens between are allowed)."""
    texts, hits = ctx.texts, []
    first = words[0]
    i = -1
    while True:
        try:
            i = texts.index(first, i + 1)
        except ValueError:
            break
        j, ok, end = i, True, i + 1
        for w in words[1:]:
            j = ctx.next_ns(j)
            if j is None or texts[j] != w:
                ok = False
                break
            end = j + 1
        if ok:
            hits.append((i, end))
    return hits


@spacy.registry.misc("sec_events.rules.org_alias.v1")
def make_org_alias():
    return org_alias


def org_alias(ctx: RuleContext) -> list[Candidate]:
    """Other mentions of a found company: its name without the suffix, defined short names.

    ``Innovo Group Inc.`` -> ``Innovo Group`` elsewhere; ``Azteca Production International,
    Inc. ("Azteca")`` -> ``Azteca`` (the short name must be part of the full name or its
    acronym, which rules out defined roles like ``("Buyer")``).
    """
    legal, desc, comma_ok, not_before, generic = _suffix_sets(ctx)
    doc, out, bases = ctx.toks, [], set()
    lower_words = {t for t in ctx.texts if t.islower()}
    for cand in ctx.of_label("ORG"):
        if cand.source not in ("org_suffix",):
            continue
        words = _org_base(ctx, cand, legal, comma_ok)
        if words and words != [t.text for t in doc[cand.start:cand.end] if not t.is_space]:
            bases.add(tuple(words))
            if all(w.isupper() for w in words if w.isalpha()) and any(len(w) > 3 for w in words):
                bases.add(tuple(w.capitalize() if w.isalpha() else w for w in words))
        # the first word alone, when it looks like a coined name ("Agilent", "Innovo")
        if words and doc[cand.end - 1].text in legal:
            w = words[0]
            if w.isupper() and len(w) > 3:
                w = w.capitalize()
            if len(w) >= 4 and w.isalpha() and w not in COMMON_SINGLE and w not in generic \
                    and w not in ORG_HEAD_STOP and w not in ctx.lex["first_names"] \
                    and w not in ctx.lex["person_stop"] and w.lower() not in lower_words:
                bases.add((w,))
        # defined short name in parentheses right after the name
        i = ctx.next_ns(cand.end - 1)
        if i is None or doc[i].text != "(":
            continue
        i = ctx.next_ns(i)
        full = [t.text for t in doc[cand.start:cand.end] if not t.is_space]
        acronym = "".join(w[0] for w in full if w[:1].isupper() and w not in legal)
        if i is not None and doc[i].text == acronym and len(acronym) >= 2:
            close = ctx.next_ns(i)
            if close is not None and doc[close].text == ")":
                out.append(Candidate(i, i + 1, "ORG", "org_alias"))
                bases.add((acronym,))
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
        full = [t.text for t in doc[cand.start:cand.end] if not t.is_space]
        acronym = "".join(w[0] for w in full if w[:1].isupper() and w not in legal)
        inside = any(full[k:k + len(alias_words)] == alias_words for k in range(len(full)))
        if (inside or "".join(alias_words) == acronym) and not all(w in generic for w in alias_words):
            out.append(Candidate(alias[0], alias[-1] + 1, "ORG", "org_alias"))
            bases.add(tuple(alias_words))
    for words in bases:
        if len(words) == 1 and (words[0] in COMMON_SINGLE or words[0] in generic
                                or len(words[0]) < 3 or words[0] in ORG_HEAD_STOP):
            continue
        if all(w in generic or w in ORG_HEAD_STOP for w in words):
            continue
        for s, e in _find_sequence(ctx, list(words)):
            n = ctx.next_ns(e - 1)
            if n is not None and doc[n].text in not_before:
                continue
            out.append(Candidate(s, e, "ORG", "org_alias"))
    return out


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
        if _name_like(tok) and tok.text not in ORG_HEAD_STOP and tok.text not in TITLE_WORDS_ALSO_ORG_STOP:
            names += 1
            end = j + 1
            j = ctx.next_ns(j)
            continue
        break
    return end


@spacy.registry.misc("sec_events.rules.org_cues.v1")
def make_org_cues():
    return org_cues


def org_cues(ctx: RuleContext) -> list[Candidate]:
    """Names the context marks as companies, with no legal suffix.

    * a list after ``subsidiary``/``subsidiaries``: ``its subsidiaries Innovo Inc., Innovo
      Azteca Apparel, Inc. and Joe's Jeans``; ``subsidiaries, X and Y``;
    * a capitalised run before a lowercase ``division``/``subsidiary``/``unit``:
      ``the Blue Concepts division``.
    """
    doc, out = ctx.toks, []
    org_at = {c.start: c for c in ctx.of_label("ORG")}
    lowers, texts = ctx.lowers, ctx.texts
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
            if e is None or not _name_like(doc[e]) or ctx.labels_at(e):
                continue
            s = e
            while (p := ctx.prev_ns(s)) is not None and _name_like(doc[p]) and not ctx.labels_at(p) \
                    and doc[p].text not in ORG_HEAD_STOP and e - p < 10:
                s = p
            if doc[s].text in ORG_HEAD_STOP:
                continue
            p = ctx.prev_ns(s)
            if p is not None and doc[p].lower_ in {"the", "its", "our", "'s", "’s", "their"}:
                out.append(Candidate(s, e + 1, "ORG", "org_cue"))
    return out


@spacy.registry.misc("sec_events.rules.org_propagate.v1")
def make_org_propagate():
    return org_propagate


def org_propagate(ctx: RuleContext) -> list[Candidate]:
    """Other mentions, by exact text, of names found by context cues (``Blue Concepts``)."""
    doc, out, seen = ctx.toks, [], set()
    for c in ctx.of_label("ORG"):
        if c.source != "org_cue":
            continue
        words = tuple(t.text for t in doc[c.start:c.end] if not t.is_space)
        if words in seen or (len(words) == 1 and words[0] in COMMON_SINGLE):
            continue
        seen.add(words)
        for s, e in _find_sequence(ctx, list(words)):
            if (s, e) != (c.start, c.end):
                out.append(Candidate(s, e, "ORG", "org_alias"))
    return out


# -------------------------------------------------------------------------- PERSON
HONORIFICS = {"Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr", "Miss", "Prof.", "Messrs.", "Sir"}
PHONE_RE = re.compile(r"^(?:\+?\d{1,3}[-.]?)?(?:\d{3}[-.]\d{3}[-.]\d{4}|\d{3}[-.]\d{4})$")


@spacy.registry.misc("sec_events.rules.person_signature.v1")
def make_person_signature():
    return person_signature


def person_signature(ctx: RuleContext) -> list[Candidate]:
    """``/s/ Name``, ``By: Name``, ``Name: Name`` and a name line above a title line."""
    doc, out = ctx.toks, []
    for i, low in enumerate(ctx.lowers):
        if low not in ("/s/", "by", "name"):
            continue
        tok = doc[i]
        start = None
        if low == "/s/":
            start = ctx.next_ns(i, same_line=True)
        elif tok.text in ("By", "BY", "Name", "NAME") and (n := ctx.next_ns(i, same_line=True)) is not None \
                and doc[n].text == ":":
            start = ctx.next_ns(n, same_line=True)
            if start is not None and doc[start].text.lower() == "/s/":
                continue  # the /s/ branch takes it
        if start is None:
            continue
        end = ctx.read_name(start, same_line=True)
        if end is not None:
            out.append(Candidate(start, end, "PERSON", "signature"))
    # a line that is only a name, directly above a line that starts with a title
    role_starts = {c.start for c in ctx.of_label("ROLE")}
    text = ctx.text
    for c in list(ctx.of_label("ROLE")):
        if c.start not in role_starts:
            continue
        p = ctx.prev_ns(c.start)
        if p is None or "\n" not in text[doc[p].idx + len(doc[p]):doc[c.start].idx]:
            continue
        # is the line holding p a bare name?
        line_start = ctx.line_start_token(p)
        first = line_start if not doc[line_start].is_space else ctx.next_ns(line_start)
        if first is None:
            continue
        end = ctx.read_name(first, same_line=True)
        if end is not None and end == p + 1 and len(ctx.name_words(first, end)) >= 2:
            out.append(Candidate(first, end, "PERSON", "signature"))
    return out


@spacy.registry.misc("sec_events.rules.person_honorific.v1")
def make_person_honorific():
    return person_honorific


def person_honorific(ctx: RuleContext) -> list[Candidate]:
    """``Mr. John A. Smith`` -> ``John A. Smith``."""
    out = []
    for i, text in enumerate(ctx.texts):
        if text in HONORIFICS:
            s = ctx.next_ns(i, same_line=False)
            end = ctx.read_name(s, same_line=False, max_tokens=4)
            if end is not None:
                out.append(Candidate(s, end, "PERSON", "honorific"))
    return out


@spacy.registry.misc("sec_events.rules.person_role_adjacent.v1")
def make_person_role_adjacent():
    return person_role_adjacent


def person_role_adjacent(ctx: RuleContext) -> list[Candidate]:
    """``CEO Ned Barnholt`` and ``Jay Furrow, Innovo Group CEO`` / ``John Doe, our Chief ...``."""
    doc, out = ctx.toks, []
    for c in ctx.of_label("ROLE"):
        # title directly before a full name, same line
        n = ctx.next_ns(c.end - 1, same_line=True)
        if n is not None:
            end = ctx.read_name(n, same_line=True, max_tokens=4)
            # the name must look like one: a known given name or a middle initial
            if end is not None and len(ctx.name_words(n, end)) >= 2 and (
                    doc[n].text in ctx.lex["first_names"]
                    or any(INITIAL_RE.match(t.text) for t in doc[n:end])):
                out.append(Candidate(n, end, "PERSON", "role_adjacent"))
        # name, [our|the Company's|ORG words] title
        k, steps = ctx.prev_ns(c.start), 0
        while k is not None and steps < 6 and doc[k].text != ",":
            t = doc[k].text
            if t.lower() in {"our", "its", "the", "their", "'s", "’s", "and", "as", "company"} \
                    or "ORG" in ctx.labels_at(k) or "ROLE" in ctx.labels_at(k) or _name_like(doc[k]):
                k, steps = ctx.prev_ns(k), steps + 1
                continue
            k = None
        if k is None or doc[k].text != ",":
            continue
        # read a name backwards from the comma
        e = ctx.prev_ns(k, same_line=True)
        s = e
        while s is not None:
            p = ctx.prev_ns(s, same_line=True)
            if p is None or not (ctx.is_name_word(doc[p]) or doc[p].text in (",",) and False):
                break
            if ctx.labels_at(p) & {"ROLE", "ORG", "DATE"}:
                break
            s = p
        if e is None or s is None:
            continue
        # allow ", Jr." style suffix before the comma
        if doc[e].text in NAME_SUFFIXES:
            p = ctx.prev_ns(e)
            if p is not None and doc[p].text == ",":
                p = ctx.prev_ns(p)
            s2 = p
            while s2 is not None and (q := ctx.prev_ns(s2, same_line=True)) is not None and ctx.is_name_word(doc[q]):
                s2 = q
            s = s2
        if s is None:
            continue
        end = ctx.read_name(s, same_line=True, max_tokens=5)
        if end is not None and end == e + 1 and len(ctx.name_words(s, end)) >= 2:
            out.append(Candidate(s, end, "PERSON", "role_adjacent"))
    return out


@spacy.registry.misc("sec_events.rules.person_contact.v1")
def make_person_contact():
    return person_contact


def person_contact(ctx: RuleContext) -> list[Candidate]:
    """Contact lines: ``Marc Crossman, 323-725-5572``, ``Jay Furrow, (323) 725-5516``, name + e-mail."""
    doc, out = ctx.toks, []
    for i, text in enumerate(ctx.texts):
        if not (text[:1] in "(+" or text[:1].isdigit() or "@" in text):
            continue  # cheap filter: the tests below need one of these
        tok = doc[i]
        is_phone = bool(PHONE_RE.match(tok.text)) or tok.like_email or tok.text in ("+1",)
        if tok.text == "(":
            n = ctx.next_ns(i, same_line=True)
            is_phone = n is not None and re.fullmatch(r"\d{3}", doc[n].text) is not None
        if not is_phone:
            continue
        e = ctx.prev_ns(i, same_line=True)
        if e is not None and doc[e].text == ",":
            e = ctx.prev_ns(e, same_line=True)
        if name := _name_ending_at(ctx, e, reach=8):
            out.append(Candidate(*name, "PERSON", "contact"))
    return out


def _name_ending_at(ctx: RuleContext, e: int | None, reach: int) -> tuple[int, int] | None:
    """The person name of 2-4 words whose last token is `e`, read backwards over
    untagged name words on the same line (at most `reach` tokens back), as (start,
    end); None if there is none."""
    doc = ctx.toks
    if e is None or not ctx.is_name_word(doc[e]) or ctx.labels_at(e):
        return None
    s = e
    while (p := ctx.prev_ns(s, same_line=True)) is not None and ctx.is_name_word(doc[p]) \
            and not ctx.labels_at(p) and e - p < reach:
        s = p
    end = ctx.read_name(s, same_line=True, max_tokens=4)
    return (s, end) if end == e + 1 and 2 <= len(ctx.name_words(s, end)) <= 4 else None


@spacy.registry.misc("sec_events.rules.person_age.v1")
def make_person_age():
    return person_age


AGE_RE = re.compile(r"[2-9]\d")


def person_age(ctx: RuleContext) -> list[Candidate]:
    """A name followed by an age between commas, as appointment filings introduce
    people: ``appointed Solange Glaize, 47, to serve as ...``."""
    doc, out = ctx.toks, []
    for i, text in enumerate(ctx.texts):
        if not AGE_RE.fullmatch(text):
            continue
        comma, after = ctx.prev_ns(i, same_line=True), ctx.next_ns(i, same_line=True)
        if comma is None or after is None or doc[comma].text != "," or doc[after].text != ",":
            continue
        if name := _name_ending_at(ctx, ctx.prev_ns(comma, same_line=True), reach=5):
            out.append(Candidate(*name, "PERSON", "age"))
    return out


@spacy.registry.misc("sec_events.rules.person_first_name.v1")
def make_person_first_name():
    return person_first_name


def person_first_name(ctx: RuleContext) -> list[Candidate]:
    """A known given name followed by capitalised name words: ``Hubert Guez``."""
    doc, out, first_names = ctx.toks, [], ctx.lex["first_names"]
    for i, text in enumerate(ctx.texts):
        if text not in first_names:
            continue
        p = ctx.prev_ns(i, same_line=True)
        if p is not None and ctx.is_name_word(doc[p]) and not INITIAL_RE.match(doc[p].text):
            continue  # inside a longer capitalised run: "Saint Paul Travelers"
        start = i
        while p is not None and INITIAL_RE.match(doc[p].text):  # "R. Charles Loudermilk"
            start, p = p, ctx.prev_ns(p, same_line=True)
        if p is not None and ctx.is_name_word(doc[p]):
            continue
        end = ctx.read_name(i, same_line=False, max_tokens=4)
        if end is None:
            continue
        words = ctx.name_words(i, end)
        if len(words) < 2 or words[-1].text in first_names and len(words) == 2 and words[-1].text == words[0].text:
            continue
        if any(w.text.isupper() and len(w.text) > 1 for w in words) and not all(
                w.text.isupper() for w in words):
            continue
        out.append(Candidate(start, end, "PERSON", "first_name"))
    return out


@spacy.registry.misc("sec_events.rules.person_list.v1")
def make_person_list():
    return person_list


def person_list(ctx: RuleContext) -> list[Candidate]:
    """Unknown names listed with known ones: ``A, B, Koh Boon Hwee and Tadataka Yamada``."""
    doc, out = ctx.toks, []
    persons = sorted(ctx.of_label("PERSON"), key=lambda c: c.start)
    by_start = {c.start: c for c in persons}
    for c in persons:
        j, found, new = c.end - 1, 1, []
        while True:
            n = ctx.next_ns(j, same_line=True)
            if n is None or doc[n].text not in {",", "and"}:
                break
            k = ctx.next_ns(n, same_line=True)
            if k is not None and doc[k].text == "and":
                k = ctx.next_ns(k, same_line=True)
            if k is None:
                break
            if k in by_start:
                j, found = by_start[k].end - 1, found + 1
                continue
            end = ctx.read_name(k, same_line=True, max_tokens=4)
            if end is None or len(ctx.name_words(k, end)) < 2:
                break
            nxt = ctx.next_ns(end - 1, same_line=True)
            if nxt is not None and doc[nxt].text not in {",", "and", ".", ";", ")"} \
                    and not doc[nxt].text.islower():
                break
            new.append(Candidate(k, end, "PERSON", "person_list"))
            j, found = end - 1, found + 1
        if found >= 3 or (found >= 2 and len(new) < found):
            out.extend(new)
    return out


@spacy.registry.misc("sec_events.rules.person_propagate.v1")
def make_person_propagate():
    return person_propagate


def person_propagate(ctx: RuleContext) -> list[Candidate]:
    """Later mentions of a found person by surname (or given name): ``Sullivan will ...``."""
    doc, out = ctx.toks, []
    names: set[str] = set()
    for c in ctx.of_label("PERSON"):
        words = ctx.name_words(c.start, c.end)
        if len(words) >= 2:
            names.add(words[-1].text)
            names.add(words[0].text)
    names = {n for n in names if len(n) > 2 and n not in ctx.lex["person_stop"]}
    covered = set()
    for c in ctx.candidates:
        covered.update(range(c.start, c.end))
    # a word that is part of a company name is not propagated ("Aaron" of "Aaron's")
    names -= {t.text for c in ctx.of_label("ORG") for t in doc[c.start:c.end]}
    for i, text in enumerate(ctx.texts):
        if text not in names or i in covered:
            continue
        p, n = ctx.prev_ns(i, same_line=True), ctx.next_ns(i, same_line=True)
        if p is not None and (ctx.is_name_word(doc[p]) or doc[p].text in HONORIFICS and False):
            continue
        if n is not None and ctx.is_name_word(doc[n]):
            continue
        out.append(Candidate(i, i + 1, "PERSON", "person_alias"))
    return out


# ---------------------------------------------------------------------------- ROLE
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


@spacy.registry.misc("sec_events.rules.role_extend.v1")
def make_role_extend():
    return role_extend


def role_extend(ctx: RuleContext) -> list[Candidate]:
    """``Vice President of Finance``, ``Director of Investor Relations``; a lower-case
    title takes a lower-case area (``vice president of marketing``)."""
    doc, out = ctx.toks, []
    for c in ctx.of_label("ROLE"):
        n = ctx.next_ns(c.end - 1, same_line=False)
        if n is None or doc[n].text != "of":
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
    return out + role_area(ctx)


AREA_HEADS = {"president", "vp", "svp", "evp", "v.p."}
TITLE_WORDS = {"chief", "president", "vice", "director", "officer", "treasurer", "secretary",
               "controller", "comptroller", "chairman", "chairwoman", "chair", "counsel",
               "founder", "co-founder", "ceo", "cfo", "coo", "manager", "partner", "principal",
               "date", "title", "name"}
AREA_CONNECTORS = {"and", "&", "of"}


def _area_segment(ctx: RuleContext, k: int, suffixes) -> int | None:
    """End of an area segment starting at token ``k`` (``Finance and Administration``,
    ``Global Rolled Products``), or None where it is no area (a company, a title...)."""
    texts, lowers = ctx.texts, ctx.lowers
    blocked = {"ROLE", "ORG", "PERSON", "DATE", "MONEY", "PERCENT", "SHARES"}
    end, words, j = None, 0, k
    while j is not None and words < 8:
        t = texts[j]
        if lowers[j] in AREA_CONNECTORS and end is not None:
            n = ctx.next_ns(j)
            if n is None or not _name_like(texts[n]) or lowers[n] in TITLE_WORDS \
                    or ctx.labels_at(n) & blocked:
                break
            j = n
            continue
        if not _name_like(t) or lowers[j] in TITLE_WORDS or ctx.labels_at(j) & blocked \
                or t in ORG_HEAD_STOP and t not in {"Global", "Corporate"}:
            break
        if "'" in t or "’" in t or t in suffixes:
            return None  # "Aaron's Sales & Lease Ownership Division", "... Group"
        end, words = j + 1, words + 1
        j = ctx.next_ns(j)
    if end is None:
        return None
    n = ctx.next_ns(end - 1)
    if n is not None and (texts[n] in (":", "'s", "’s") or lowers[n] == "of" or texts[n] in suffixes):
        return None  # "Electronic Measurements Group of Agilent", "Date:"
    return end


def role_area(ctx: RuleContext) -> list[Candidate]:
    """A vice-president title with its area, one span (GUIDELINES): ``Vice President,
    Finance``, ``Executive Vice President, People, Culture and ABS``, ``Senior Vice
    President Finance``, ``Executive Vice President-Alcoa``; not a company or a title
    after the comma (``President, Aaron's Sales & Lease Ownership Division``,
    ``Executive Vice President, Chief Financial Officer``)."""
    texts, lowers, out = ctx.texts, ctx.lowers, []
    sfx = ctx.lex["org_suffixes"]
    suffixes = set(sfx["legal"]) | set(sfx["descriptive"])
    for c in ctx.of_label("ROLE"):
        if lowers[c.end - 1] not in AREA_HEADS:
            continue
        n = ctx.next_ns(c.end - 1)
        if n is None:
            continue
        end = None
        if texts[n] == "-" and n == c.end and not ctx.toks[n].whitespace_ and n + 1 < ctx.n \
                and _name_like(texts[n + 1]) and lowers[n + 1] not in TITLE_WORDS:
            end = n + 2  # "Executive Vice President-Alcoa"
        elif texts[n] == ",":
            k = ctx.next_ns(n)
            while k is not None:
                e = _area_segment(ctx, k, suffixes)
                if e is None:
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


# -------------------------------------------------------------------------- SHARES
VOTE_CUES = {"votes", "voted", "vote", "voting", "abstain", "abstained", "abstentions",
             "abstention", "withheld", "withhold", "non-votes", "represented", "quorum",
             "against", "shares", "outstanding", "proxy", "proxies"}
BARE_NEXT_OK = {"represented", "as", "were", "was", "for", "against", "in", "or", "and",
                "cast", "voted", "present", "abstained", "abstain", "abstentions", "withheld",
                "outstanding", "entitled", "votes", "broker", "with", "voting", "being",
                "which", "by", "at", "on"}
COUNT_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$")


@spacy.registry.misc("sec_events.rules.shares_vote_counts.v1")
def make_shares_vote_counts():
    return shares_vote_counts


def shares_vote_counts(ctx: RuleContext) -> list[Candidate]:
    """Bare counts in a sentence about shares or votes: ``16,698,574 represented``."""
    doc, out = ctx.toks, []
    texts, lowers = ctx.texts, ctx.lowers
    counts = [i for i, t in enumerate(texts) if t[:1].isdigit() and COUNT_RE.match(t)]
    if not counts:
        return out
    for sent in ctx.sent_bounds():
        s0, s1 = sent
        here = [i for i in counts if s0 <= i < s1]
        if not here or VOTE_CUES.isdisjoint(lowers[s0:s1]):
            continue
        for i in here:
            tok = doc[i]
            if ctx.labels_at(tok.i):
                continue
            p = ctx.prev_ns(tok.i)
            if p is not None and (doc[p].text in {"$", "US$", "€", "£", "(", "-"} or doc[p].is_currency):
                continue
            n = ctx.next_ns(tok.i)
            if n is not None:
                nt = doc[n]
                if nt.text in {"%", ")"} or nt.lower_ in {"percent", "million", "billion", "thousand"}:
                    continue
                if nt.is_alpha and nt.text.islower() and nt.lower_ not in BARE_NEXT_OK:
                    continue
            out.append(Candidate(tok.i, tok.i + 1, "SHARES", "vote_count"))
    return out


# ---------------------------------------------------------------------------- DATE
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
                 "annual", "plan", "plans", "notes", "debentures", "stock", "equity", "omnibus"}


@spacy.registry.misc("sec_events.rules.date_years.v1")
def make_date_years():
    return date_years


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


DEFAULT_RULE_FUNCTIONS = [
    "org_suffix", "org_alias", "person_signature", "person_honorific",
    "person_role_adjacent", "person_contact", "person_age", "person_first_name", "person_list",
    "person_propagate", "org_cues", "org_propagate", "role_extend", "shares_vote_counts", "date_years",
]
RULE_FUNCTIONS = {name: globals()[name] for name in DEFAULT_RULE_FUNCTIONS}


@spacy.registry.misc("sec_events.rule_functions.v1")
def make_rule_functions(names: list[str] = DEFAULT_RULE_FUNCTIONS):
    """The rule functions to run, in order, by name."""
    unknown = [n for n in names if n not in RULE_FUNCTIONS]
    if unknown:
        raise ValueError(f"unknown rule functions {unknown}; known: {sorted(RULE_FUNCTIONS)}")
    return [(n, RULE_FUNCTIONS[n]) for n in names]
