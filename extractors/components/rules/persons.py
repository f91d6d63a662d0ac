"""PERSON rules: names in signature blocks, after honorifics, beside titles, in contact lines, with an age, with a known first name, in lists, and later mentions by surname.

Each rule function takes a `RuleContext` (the doc, lexicons, the candidates found so
far) and returns new `Candidate` spans; `registry.py` names them and their order.
"""
from __future__ import annotations

import re

from extractors.contract import filing_context
from extractors.names import CAPTION_OFFICES, CASE_STANDING, COMPANY_WORDS, HONORIFICS, is_generic, is_headline_verb

from .context import INITIAL_RE, NAME_SUFFIXES, Candidate, RuleContext, name_like

PHONE_RE = re.compile(r"^(?:\+?\d{1,3}[-.]?)?(?:\d{3}[-.]\d{3}[-.]\d{4}|\d{3}[-.]\d{4})$")


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
        first = ctx.first_on_line(p)
        if first is None:
            continue
        end = ctx.read_name(first, same_line=True)
        if end is not None and end == p + 1 and len(ctx.name_words(first, end)) >= 2:
            out.append(Candidate(first, end, "PERSON", "signature"))
    return out


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


APPOINTED = frozenset({"appointed", "named", "elected", "promoted"})
BEEN = frozenset({"was", "been", "be", "is"})


def _appointed_before(ctx: RuleContext, start: int) -> tuple[int, int] | None:
    """``Ram Krishnan was appointed [Chief Executive Officer]``: the name before the
    appointment verb that precedes the title at `start` (`as`, `the` between them)."""
    doc, k = ctx.toks, ctx.prev_ns(start, same_line=True)
    while k is not None and doc[k].lower_ in ("as", "the", "its", "our"):
        k = ctx.prev_ns(k, same_line=True)
    if k is None or doc[k].lower_ not in APPOINTED:
        return None
    aux = ctx.prev_ns(k, same_line=True)
    if aux is None or doc[aux].lower_ not in BEEN:
        return None
    if doc[aux].lower_ in ("been", "be"):  # `has been`, `will be`
        aux = ctx.prev_ns(aux, same_line=True)
        if aux is None or doc[aux].lower_ not in ("has", "have", "had", "will"):
            return None
    name = _name_ending_at(ctx, ctx.prev_ns(aux, same_line=True), reach=5)
    if name and not any(t.text.strip(",.") in COMPANY_WORDS or is_generic(t.text.strip(",."))
                        for t in doc[name[0]:name[1]]):
        return name
    return None


def person_role_adjacent(ctx: RuleContext) -> list[Candidate]:
    """``CEO Ned Barnholt``, ``Jay Furrow, Innovo Group CEO`` / ``John Doe, our Chief ...``
    and ``Ram Krishnan was appointed Chief Executive Officer``."""
    doc, out = ctx.toks, []
    for c in ctx.of_label("ROLE"):
        if name := _appointed_before(ctx, c.start):
            out.append(Candidate(*name, "PERSON", "role_adjacent"))
        # title directly before a full name, same line
        n = ctx.next_ns(c.end - 1, same_line=True)
        if n is not None:
            end = ctx.read_name(n, same_line=True, max_tokens=4)
            # the name must look like one: a known given name or a middle initial
            if end is not None and len(ctx.name_words(n, end)) >= 2 and (
                    ctx.is_first_name(doc[n].text)
                    or any(INITIAL_RE.match(t.text) for t in doc[n:end])):
                out.append(Candidate(n, end, "PERSON", "role_adjacent"))
        # name, [our|the Company's|ORG words] title
        k, steps = ctx.prev_ns(c.start), 0
        while k is not None and steps < 6 and doc[k].text != ",":
            t = doc[k].text
            if t.lower() in {"our", "its", "the", "their", "'s", "’s", "and", "as", "company"} \
                    or "ORG" in ctx.labels_at(k) or "ROLE" in ctx.labels_at(k) or name_like(doc[k]):
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
            if p is None or not ctx.is_name_word(doc[p]):
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
    while (p := ctx.prev_ns(s, same_line=True)) is not None and e - p < reach:
        if ctx.glued_hyphen(p):  # a double name: `Mei-Ling`
            p -= 1
        if not ctx.is_name_word(doc[p]) or ctx.labels_at(p):
            break
        s = p
    end = ctx.read_name(s, same_line=True, max_tokens=4)
    return (s, end) if end == e + 1 and 2 <= len(ctx.name_words(s, end)) <= 4 else None


def person_known_surname(ctx: RuleContext) -> list[Candidate]:
    """A full name whose surname the filing writes after an honorific elsewhere (`Mei-Ling Zhao`,
    and `Ms. Zhao` before or after it): 2-4 name words, none a company's word, not followed by a
    company's suffix or `&`."""
    doc, texts = ctx.toks, ctx.texts
    surnames = {texts[c.end - 1] for c in ctx.of_label("PERSON") if c.source == "honorific"} - NAME_SUFFIXES
    if not surnames:
        return []
    suffixes = set(ctx.lex["org_suffixes"]["legal"]) | {"&"}
    out = []
    for i, text in enumerate(texts):
        if text not in surnames or ctx.labels_at(i):
            continue
        name = _name_ending_at(ctx, i, reach=6)
        if name is None or any(t.text in COMPANY_WORDS for t in doc[name[0]:name[1]]):
            continue
        after = ctx.next_ns(name[1] - 1, same_line=True)
        if after is not None and (texts[after] in suffixes or texts[after] == "," and (
                (k := ctx.next_ns(after, same_line=True)) is not None and texts[k] in suffixes)):
            continue
        out.append(Candidate(*name, "PERSON", "known_surname"))
    return out


AGE_RE = re.compile(r"[2-9]\d")
TABLE_GAP = re.compile(r"[ \t]{2,}")  # the space between two cells of a table's row


def person_age(ctx: RuleContext) -> list[Candidate]:
    """A name followed by an age between commas, as appointment filings introduce
    people: ``appointed Solange Glaize, 47, to serve as ...``; or a line that is a name
    and an age, as a list of executive officers heads each biography (``Mary K. Moreland, 57``);
    or the name and age that open a row of an officer table, set apart by runs of spaces
    (``Mary K. Moreland     57    Executive Vice President since March 2021``)."""
    doc, out = ctx.toks, []
    starts, text_of = ctx.token_starts, ctx.text
    for i, text in enumerate(ctx.texts):
        if not AGE_RE.fullmatch(text):
            continue
        prev, after = ctx.prev_ns(i, same_line=True), ctx.next_ns(i, same_line=True)
        if prev is not None and after is not None and doc[prev].text != "," and ctx.texts[after][:1].isupper() \
                and TABLE_GAP.fullmatch(text_of[starts[prev] + len(ctx.texts[prev]):starts[i]]) \
                and TABLE_GAP.fullmatch(text_of[starts[i] + len(text):starts[after]]):
            name = _name_ending_at(ctx, prev, reach=5)
            if name and name[0] == ctx.first_on_line(prev):
                out.append(Candidate(*name, "PERSON", "age"))
            continue
        if prev is None or doc[prev].text != ",":
            continue
        if after is None:  # the line ends with the age: it must be the name's line alone
            name = _name_ending_at(ctx, ctx.prev_ns(prev, same_line=True), reach=5)
            if name and name[0] == ctx.first_on_line(prev):
                out.append(Candidate(*name, "PERSON", "age"))
            continue
        if doc[after].text != ",":
            continue
        if name := _name_ending_at(ctx, ctx.prev_ns(prev, same_line=True), reach=5):
            out.append(Candidate(*name, "PERSON", "age"))
    return out


def person_first_name(ctx: RuleContext) -> list[Candidate]:
    """A known given name followed by capitalised name words: ``Hubert Guez``."""
    doc, out = ctx.toks, []
    for i, text in enumerate(ctx.texts):
        if not ctx.is_first_name(text):
            continue
        p = ctx.prev_ns(i, same_line=True)
        if p is not None and (is_headline_verb(doc[p].text) or doc[p].text in CASE_STANDING):
            p = None  # a headline's verb or a party's standing before the name: "Names Dave Buck COO"
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
        if len(words) < 2 or len(words) == 2 and ctx.is_first_name(words[-1].text) and words[-1].text == words[0].text:
            continue
        if any(w.text.isupper() and len(w.text) > 1 for w in words) and not all(
                w.text.isupper() for w in words):
            continue
        out.append(Candidate(start, end, "PERSON", "first_name"))
    return out


LIST_SEPARATORS = frozenset({",", ";", "and"})


def person_list(ctx: RuleContext) -> list[Candidate]:
    """Unknown names listed with known ones: ``A, B, Koh Boon Hwee and Tadataka Yamada``,
    ``A; B; Safra A. Catz; and Derica W. Rice``."""
    doc, out = ctx.toks, []
    persons = sorted(ctx.of_label("PERSON"), key=lambda c: c.start)
    by_start = {c.start: c for c in persons}
    for c in persons:
        j, found, new = c.end - 1, 1, []
        while True:
            n = ctx.next_ns(j, same_line=True)
            if n is None or doc[n].text not in LIST_SEPARATORS:
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


CAPTION_SEPARATORS = frozenset({"v.", "vs.", "v"})
# a word that joins a caption side to a company before it (`3M Co. & Subs. v.`)
CAPTION_JOINERS = frozenset({"&", "of", "de"})


def _caption_side(ctx: RuleContext, start: int, end: int, company_words: set[str]) -> bool:
    """Whether tokens start..end of a case caption name a person: one surname (`Gumm`) or a
    known given name and a surname, with no company's word, no candidate over it, no
    acronym, and no first word of a company the filing names (`Ho v. [Marathon]`)."""
    words = ctx.name_words(start, end)
    if not words or len(words) > 3 or (len(words) > 1 and not ctx.is_first_name(words[0].text)):
        return False
    if any(w.text in COMPANY_WORDS or w.text in CAPTION_OFFICES or w.text.isupper() or w.text in company_words
           for w in words):
        return False
    return not any(ctx.labels_at(k) for k in range(start, end)) and not is_generic(" ".join(w.text for w in words))


def person_caption(ctx: RuleContext) -> list[Candidate]:
    """The people a case caption names: ``Gumm v. Molinaroli, et al.``, ``Datnoff, et al. v.
    Behring``, ``Cupat v. [Palantir Technologies Inc.]`` (companies are left to the ORG rules)."""
    seps = [i for i, t in enumerate(ctx.texts) if t in CAPTION_SEPARATORS]
    if not seps:
        return []
    names = [*filing_context(ctx.doc).names, *(ctx.text[slice(*ctx.char_bounds(c.start, c.end))]
                                                 for c in ctx.of_label("ORG"))]
    company_words = {n.split()[0] for n in names if n.split()}
    doc, texts, out = ctx.toks, ctx.texts, []
    for i in seps:
        # the plaintiff: the name ending before `v.` (`, et al.` skipped)
        e = ctx.prev_ns(i, same_line=True)
        for words in ({"."}, {"al", "al."}, {"et"}, {","}):  # `, et al.`, in its tokens
            if e is not None and texts[e] in words:
                e = ctx.prev_ns(e, same_line=True)
        s = e
        while s is not None and ctx.is_name_word(doc[s]) and (p := ctx.prev_ns(s, same_line=True)) is not None \
                and ctx.is_name_word(doc[p]) and e - p < 6:
            s = p
        before = ctx.prev_ns(s, same_line=True) if s is not None else None
        joined = before is not None and texts[before] in CAPTION_JOINERS
        if s is not None and ctx.is_name_word(doc[s]) and not joined and _caption_side(ctx, s, e + 1, company_words):
            out.append(Candidate(s, e + 1, "PERSON", "caption"))
        # the defendant: the name after it
        n = ctx.next_ns(i, same_line=True)
        end = ctx.read_name(n, same_line=True, max_tokens=3) if n is not None else None
        if end is not None:
            after = ctx.next_ns(end - 1, same_line=True)
            if (after is None or texts[after] in {",", ".", ";", ")"}) and _caption_side(ctx, n, end, company_words):
                out.append(Candidate(n, end, "PERSON", "caption"))
    return out
