"""Combining rule spans and span-classifier spans into `doc.ents`.

Policy (component `sec_merge`, settings in its config):

1. Candidates are the rule spans (`doc.spans["rules"]`, score 1.0 unless the rule
   set one) and the span classifier's spans (`doc.spans["sc"]`, scores in the
   group's `attrs["scores"]`) at or above `threshold`.
2. For the labels in `rule_labels` a rule span outranks any overlapping classifier
   span. By default these are the valued ones (MONEY, SHARES, PERCENT, DATE: their
   rules follow SCHEMA's boundaries exactly and are what normalisation reads) and
   ROLE, whose title lexicon and area rules beat the classifier on dev (ROLE F1 0.841
   -> 0.879) and test (0.800 -> 0.851). A classifier span of such a label survives
   only where no rule span overlaps it and its score is at least
   `model_only_threshold`.
3. For the other labels (PERSON, ORG) the classifier outranks the rules: a rule
   span survives only where no classifier span overlaps it, unless its source is in
   STRONG_SOURCES (a state suing, `State of New Hampshire v.`, over a classifier's PERSON
   `Hampshire`).
   Where a rule ORG span contains a classifier ORG span, ends on the same token and
   adds only capitalised name words (`Quillfeather Robotics, Inc.` around a classifier's `Robotics, Inc.`),
   the classifier span is widened to the shortest such rule span
   (`extend_to_rules`) with the best score of the classifier's spans inside it (`Brindle
   Holdings` and `Belmont), Inc.` inside `Brindle Holdings (Belmont), Inc.`): the
   classifier found the entity, the rule its boundary.
   A classifier ORG that a person rule found as a PERSON with the same boundaries, and
   that has no company word, becomes a PERSON. A PERSON or ORG loses the punctuation at
   its edges, and an ORG the head words of a body, defined term, plan or index named after
   the company (`the [Reata] Board`, `the [Roche] Territory`: `names.json` `term_heads`)
   and a press-release headline from its verb on (`[Alnylam] Announces Partnership`).
   An ORG candidate is cut into the names it holds (`org_pieces`: `[Abbott] sued
   [DexCom]`, `[NARCO] and [Honeywell]`, no `co-commercialize`, `10-K of` or `Table of
   Contents` before a name) and takes a `The` that stands inside a sentence; a PERSON is
   cut at semicolons (and an ORG at `v.` or `d/b/a`, and at an `and` before a company named
   with its suffix). An ORG of generic words only (`the Corporation`, `PSU`), a currency
   (`INR`, `Indian Rupee`), a stock index or an amended document's title (`S&P 500
   Financials`, `Fourth Amended`: `names.names_no_company`), and a PERSON that names a law
   (`Clayton Antitrust` Act) or a term, are dropped.
   PERSON and ORG candidates whose whole text is a form name (`N-SAR`, `10-K`) or
   in `not_names` (`EPS`, `GAAP`, `LOGO`, ...) are dropped, and so are places and names
   in street addresses (`extractors.places`: `Georgia`, `Chicago` in `Chicago, Illinois`,
   `Apple` in `One Apple Park Way`), and so are PERSON
   candidates that hold a number or are one coined word (`DoubleClick`), and ROLE
   candidates with no office word (`titles.ROLE_HEAD`: president, officer, director, ...).
   With `generic_roles`, a chosen lower-case ROLE after `such`/`any`/`each`, or in a
   sentence with no PERSON (nor a short name of one) and no personal pronoun, is dropped: it names an office in
   general (bylaws' `a director`), not one a person holds.
   A candidate of a valued label (MONEY, SHARES, PERCENT, DATE) whose value cannot be
   read (`extractors.normalise`: `Ba2` as a DATE, a `$` with no amount) is dropped:
   no span is emitted with a label whose value SCHEMA requires and it lacks (a yearless
   date in a document that gives no year at all included).
   The figures of repurchase and award tables take the label their column names
   (`tables.column_figures`: `149` under `Total Number of Shares Purchased` is SHARES,
   `82.20` under `Average Price Paid per Share` MONEY, `(22,190)` under `Options (in
   thousands)` SHARES) over any other valued candidate.
4. What remains is made non-overlapping greedily: rank first, then score, then
   length, then position. Each entity keeps its score in `span._.score`.

With `use_rules = false` the classifier spans alone are used (for measuring what
the rules add); with no classifier in the pipeline the rules alone are used.
"""
from __future__ import annotations

import re
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.components.rules.context import GOVERNMENT_PARTY_SOURCE, NAME_PARTICLES
from extractors.contract import MODEL_KEY, RULES_KEY, doc_text, span_scores
from extractors.names import (COMPANY_WORDS, COURT_TAIL, DEGREES, GENERATIONS, LEGAL_SUFFIXES, NOT_BEFORE, SENTENCE_END, SUFFIX,
                              TERM_HEADS, after_honorific, is_generic, is_headline_verb, names_a_trading_plan,
                              names_no_company, org_kind, person_aliases)
from extractors.normalise import doc_year, is_currency, value_at
from extractors.places import REGIONS, is_not_a_name
from extractors.schema import LABELS, VALUED
from extractors.tables import column_figures
from extractors.titles import generic_role, is_role_text

# labels whose rule spans outrank the classifier's: the valued ones and ROLE
RULE_LABELS = tuple(label for label in LABELS if label in VALUED) + ("ROLE",)


# Rule spans below the classifier even for valued labels: a money table's bare figures
# (rules.money) are MONEY where the classifier says nothing (it reads a share count's
# column better than the rule).
FALLBACK_SOURCES = frozenset({"table_cell"})
# rule spans of the classifier's labels that outrank it all the same (`State of New Hampshire` over
# its PERSON `Hampshire`)
STRONG_SOURCES = frozenset({GOVERNMENT_PARTY_SOURCE})


def _scored(group) -> list[tuple[Span, float]]:
    return list(zip(group, span_scores(group)))


def resolve(candidates: Iterable[tuple[Span, float, int]]) -> list[tuple[Span, float]]:
    """Greedy non-overlapping selection by (rank, score, length, -start)."""
    ordered = sorted(candidates, key=lambda c: (-c[2], -c[1], -(c[0].end - c[0].start), c[0].start))
    taken: list[tuple[Span, float]] = []
    used = set()
    for span, score, _ in ordered:
        if any(i in used for i in range(span.start, span.end)):
            continue
        used.update(range(span.start, span.end))
        taken.append((span, score))
    return sorted(taken, key=lambda t: t[0].start)


def _name_words(tokens) -> bool:
    return all(t.is_title or t.is_upper or t.is_space or t.text in {"&", "-", "(", ")", ","} for t in tokens)


# Texts that are never PERSON/ORG names however capitalised: form names and the
# acronyms of financial measures or page furniture that classifiers take for names.
NOT_NAMES = ("EPS", "GAAP", "EBITDA", "EBIT", "FFO", "AFFO", "LOGO", "CUSIP", "FORM", "ITEM", "EXHIBIT")
FORM_NAME = re.compile(r"^(?:Form\s+)?(?:N-SAR|N-CSR|N-Q|\d{1,2}-[A-Z]{1,2}(?:/A)?|\d{2}[a-z]-\d{1,2})$")


def is_name_text(text: str, not_names=NOT_NAMES) -> bool:
    return text not in not_names and not FORM_NAME.match(text)


# one word with a capital inside after four or more lower-case letters: a company's
# coined name (`DoubleClick`), not a surname (`McDonald`, `DeLuca`, `MacArthur`)
COINED = re.compile(r"^[A-Z][a-z]{4,}[A-Z][a-z]+$")


# the ends of legal suffixes the tokenizer splits (`S.r.l` as `S.` `r.l`)
CUT_SUFFIXES = frozenset({"r.l", "r.l.", "a.r.l", "a.r.l.", "p.a", "p.a."})


def is_person_shape(span: Span) -> bool:
    """A PERSON candidate holds no number (`Ms. Tilghman 6,000 Google Stock Units`) nor a
    slash (`/PRNewswire/`), ends in no company's suffix cut by the tokenizer (`Delphi S.
    r.l`), and is not one coined word."""
    if any(t.like_num or any(c.isdigit() or c == "/" for c in t.text) for t in span):
        return False
    if span[-1].text.lower() in CUT_SUFFIXES:
        return False
    return not (len(span) == 1 and COINED.match(span.text))


# the heads of a law's name, which may be a person's (`the Clayton Act`, `Dodd-Frank Act`);
# a plan named after a person keeps the person (`Nathan Manning Rule 10b5-1 Plan`)
LAW_HEADS = frozenset(w for w in NOT_BEFORE if w.rstrip("s") in ("Act", "Law", "Code"))


def names_a_term(span: Span) -> bool:
    """A PERSON candidate that names a law, a term or a trading plan (`Clayton Antitrust` before
    `Act`, `Publicly Announced Program`, `Manning` before `10b5-1 Plan`): followed by a law's
    head or a trading plan's rule, or ending on a term's head."""
    doc = span.doc
    return span[-1].text in TERM_HEADS or (span.end < len(doc) and (
        doc[span.end].text in LAW_HEADS or names_a_trading_plan(doc_text(doc), span.end_char)))


def person_after_honorific(span: Span) -> Span:
    """An ORG candidate right after `Mr.`/`Ms.` with no company word is that person (`Mr.
    [Tata]`, whatever company bears the name)."""
    if span.label_ == "ORG" and after_honorific(span.doc, span.start) and not any(
            t.text.strip(",.") in COMPANY_WORDS for t in span):
        return Span(span.doc, span.start, span.end, label="PERSON")
    return span


def role_before_company(span: Span, rule_companies: set[tuple[int, int]]) -> Span:
    """A classifier ROLE that runs on over `of` into a company a rule found with its suffix
    (`Chief Geologist of [Kestrel Range Resources Inc.]`) ends before the `of`: the title is
    the ROLE, the company an ORG."""
    if span.label_ != "ROLE":
        return span
    cut = min((s for s, e in rule_companies if span.start + 1 < s and e == span.end
               and span.doc[s - 1].lower_ in ("of", "at")), default=None)
    return span if cut is None else Span(span.doc, span.start, cut - 1, label="ROLE")


def person_over_org(span: Span, rule_people: set[tuple[int, int]]) -> Span:
    """A classifier ORG that a person rule (first name, honorific, age, signature, ...) found
    as a PERSON with the same boundaries, or that lies inside such a PERSON (`[Christopher]
    van [Ingen]`: the classifier split the name at its particle), and that has no company
    word, is that PERSON (`elected [Thomas J. Ridge] to serve`)."""
    if span.label_ != "ORG" or any(t.text.strip(",.") in COMPANY_WORDS or t.text in COMPANY_WORDS for t in span):
        return span
    if (span.start, span.end) in rule_people:
        return Span(span.doc, span.start, span.end, label="PERSON")
    # only a name the classifier split at a lower-case particle (`van`, `de`): the rule
    # spans around other ORGs are often headlines (`Alcoa Appoints James Owens`)
    around = [(s, e) for s, e in rule_people if s <= span.start and span.end <= e
              and any(t.is_lower and t.text in NAME_PARTICLES for t in span.doc[s:e])]
    if around:
        s, e = max(around, key=lambda b: b[1] - b[0])
        if not any(t.text.strip(",.") in COMPANY_WORDS for t in span.doc[s:e]):
            return Span(span.doc, s, e, label="PERSON")
    return span


def _no_word(token) -> bool:
    """A space, or a token of punctuation or symbols only (`,`, `”`, `•`), but not `&`."""
    return token.text != "&" and not any(c.isalnum() for c in token.text)


def name_core(span: Span) -> Span | None:
    """A PERSON or ORG candidate without what is never part of a name: punctuation and
    spaces at its edges (`Genentech,` before a closing quote, `•NIKE`), a page or house number
    before it (`47 Honeywell International Inc.` at a page's foot), a bracket it opens
    and does not close (`Engines AG (IAE` -> `Engines AG`), a press-release
    headline from its verb on (`Alnylam Announces Partnership`, `Ken Butler Retires`); for a
    PERSON, degrees after the name (`Yvonne Greenstreet MBChB`); for an ORG, the head
    words of a defined term, plan or body named after the company (`Roche Territory`,
    `Reata Board`, `AFCG Stock Incentive Plan` -> the company). None when no name word
    is left."""
    if span.label_ not in ("PERSON", "ORG"):
        return span
    start, end = span.start, span.end
    doc = span.doc
    verbs = [t.i for t in span if is_headline_verb(t.text)]
    if verbs:
        end = verbs[0]
        while end > start and not doc[end - 1].whitespace_:  # the whole word: `Co-Commercialize`
            end -= 1
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
        end = opened[-1]  # a bracket left open: `International Aero Engines AG (IAE` -> the name before it
    while start < end and (_no_word(doc[start]) or (doc[start].text.isdigit() and doc[start].whitespace_)):
        # (a page or house number, a word apart: not the `3` of `3M`)
        start += 1
    while start < end and (_no_word(doc[end - 1])
                           or (span.label_ == "ORG" and end - start > 1 and doc[end - 1].text in TERM_HEADS)
                           or (span.label_ == "PERSON" and end - start > 1 and doc[end - 1].text in DEGREES)):
        end -= 1
    if start >= end or not any(any(ch.isupper() for ch in t.text) for t in doc[start:end]):
        return None  # no capital letter: no name (`S&P` and `3M` have one)
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def with_court_tail(span: Span, text: str) -> Span:
    """An ORG ending in `Court` (or `Court of Appeals`) widened over the district or circuit that follows it."""
    if span.label_ != "ORG" or span[-1].text not in ("Court", "Appeals"):
        return span
    m = COURT_TAIL.match(text, span.end_char)
    if not m:
        return span
    end = m.end()
    stop = SENTENCE_END.search(text, span.end_char, end)  # `... of Illinois. In addition`
    if stop:
        end = stop.start()
    wide = span.doc.char_span(span.start_char, end, label="ORG", alignment_mode="contract")
    return wide if wide is not None and len(wide) > len(span) else span


def court_without_state(span: Span) -> Span:
    """A court named with its county keeps the state after it out (`[Court of Common Pleas of
    Allegheny County], Pennsylvania`), as a city's state is no part of a name."""
    if span.label_ != "ORG" or org_kind(span.text) != "court":
        return span
    comma = next((t.i for t in reversed(span) if t.text == ","), None)
    if comma is None or comma - span.start < 3 or span.doc[comma + 1:span.end].text not in REGIONS:
        return span
    return Span(span.doc, span.start, comma, label="ORG")


# what stands between the parties of a case or a trade name, never inside one name
# (`[The Marcus Corporation] v. [American Express Co.]`, `[B&R Supermarket, Inc.] d/b/a [Milam's Market]`)
PARTY_SEPARATORS = frozenset({"v.", "vs.", "v", "vs", "d/b/a"})
# Lower-case words a company's name holds (`Bank of New York`, `Louisville Gas and Electric
# Company`, `Agence France-Presse et Cie`); any other lower-case word inside an ORG candidate
# joins two names (`Abbott sued DexCom`, `Abbott that DexCom`) or opens none (`co-commercialize`).
ORG_JOINERS = frozenset({"of", "and", "for", "the", "on", "in", "at", "et", "y", "e", "&"}) | NAME_PARTICLES
PAGE_FURNITURE = re.compile(r"^\s*(?:\d+\s+)?(?:table\s+of\s+)?contents\s*$", re.I)
EXCHANGE_WORDS = frozenset({"Exchange", "Nasdaq", "NASDAQ", "Market"})
# generic words that name one body in a filing (`the Commission`: the SEC; `the Court`):
# an ORG of generic words only (`the Corporation`, `the Trust`) is no name unless it holds one
AGENCY_WORDS = frozenset({"Commission", "Court", "Exchange"})
# the titles of a 10-K's or 10-Q's items hold no company (`Item 4. Controls and Procedures`)
FORM_HEADINGS = re.compile(r"\b(?:controls\s+and\s+procedures|legal\s+proceedings|risk\s+factors|"
                           r"mine\s+safety\s+disclosures|unregistered\s+sales\s+of\s+equity\s+securities)\b", re.I)


def in_form_heading(span: Span, text: str) -> bool:
    """Whether `span` lies inside the title of a form's item (FORM_HEADINGS)."""
    return any(m.start() <= span.start_char and span.end_char <= m.end()
               for m in FORM_HEADINGS.finditer(text, max(0, span.start_char - 40), span.end_char + 40))


def _mentioned_apart(doc: Doc, piece: Span, whole: Span) -> bool:
    """The piece's text stands in the document outside every mention of `whole` (`Abbott` of
    `Abbott and DexCom`)."""
    text = doc_text(doc)
    return text.count(piece.text) > text.count(whole.text) * whole.text.count(piece.text)


# a bank's legal form written out after a comma, as a suffix is (`..., National Association`)
DESIGNATION = re.compile(r"^(?:National\s+Association|N\.\s*A\.)$")


def _listed_apart(doc: Doc, piece: Span, whole: Span, known: frozenset[str]) -> list[Span]:
    """The names of a list in one ORG candidate, split at its commas and `and` (not a comma
    before a legal suffix), where every one of them is an ORG candidate elsewhere in the
    document (`known`), an acronym, a name with its legal suffix, or one of a family of names
    that open with the same word (`[Mastercard] and [Mastercard International]`, `[TWDC],
    [Legacy Disney]` where Legacy Disney is named elsewhere; not `[Alcoa Packaging, Consumer,
    Construction and Distribution Group]`); else none."""
    seps = [t.i for t in piece[1:-1] if t.text == "and" or (
        t.text == "," and doc[t.i + 1].text not in LEGAL_SUFFIXES and doc[t.i + 1].text != "and")]
    if not seps:
        return []
    bounds = zip([piece.start] + [i + 1 for i in seps], seps + [piece.end])
    parts = [Span(doc, a, b, label="ORG") for a, b in bounds if a < b and doc[a:b].text != "and"]
    parts = [Span(doc, p.start + 1, p.end, label="ORG") if p[0].text == "and" and len(p) > 1 else p for p in parts]
    if len(parts) < 2 or not all(p[0].is_title or p[0].is_upper for p in parts):
        return []
    if any(DESIGNATION.match(p.text) for p in parts):
        return []  # `Chase Manhattan Trust Company, National Association` is one name
    firsts = [p[0].text for p in parts]
    return parts if all(
        (p.text in known and _mentioned_apart(doc, p, whole)) or _acronym(p) or SUFFIX.search(p.text)
        or firsts.count(p[0].text) > 1  # a family: `Visa, Visa U.S.A., Visa International`
        for p in parts) else []


def _acronym(span: Span) -> bool:
    return len(span) == 1 and len(span.text) >= 2 and span.text.isupper() and span.text.isalpha()


def org_pieces(span: Span, known: frozenset[str] = frozenset()) -> list[Span]:
    """An ORG candidate as the names it holds: without lower-case words before the name
    (`co-commercialize [Bavencio]`), a form name (`10-K of`) or page furniture (`Table of
    Contents` on the line before); split at a lower-case word no name holds (`[Abbott] sued
    [DexCom]`) and at `and the` before a capitalised word, at the commas and `and` of a list
    whose names are each named apart in the document (`_listed_apart`), and at `and` where
    each side is named apart (`[NARCO] and [Honeywell]`, one word each) or the right is a
    company with its suffix; with a leading `The` that stands inside a sentence (`guaranteed
    by [The Kraft Heinz Company]`: GUIDELINES reading 17; not an exchange's `The`), or at a
    sentence's start before a name with its legal suffix (`[The Procter & Gamble Company]`)."""
    if span.label_ == "PERSON":  # a list of people (`Amy L. Chang; Francis A. deSouza`, `Messrs. Petno and Rohrbaugh`)
        cuts = [t.i for t in span if t.text in (";", "and")]
        bounds = zip([span.start] + [i + 1 for i in cuts], cuts + [span.end])
        return [p for s, e in bounds if s < e and (p := name_core(Span(span.doc, s, e, label="PERSON")))]
    if span.label_ != "ORG":
        return [span]
    doc, start, end = span.doc, span.start, span.end
    lines = [t.i for t in span if t.is_space and "\n" in t.text or "\n" in t.whitespace_]
    if lines and PAGE_FURNITURE.match(doc[start:lines[0] + 1].text):
        start = lines[0] + 1
    if end - start > 2 and FORM_NAME.match(doc[start].text) and doc[start + 1].text == "of":
        start += 2
    while start < end and (doc[start].is_lower or _no_word(doc[start]) or doc[start].text == "-") \
            and doc[start].text not in LEGAL_SUFFIXES:
        start += 1
    cuts = [t.i for t in doc[start:end] if (t.is_alpha and t.is_lower and t.text not in ORG_JOINERS
            and t.text not in LEGAL_SUFFIXES and doc[t.i - 1].whitespace_) or t.text in PARTY_SEPARATORS]
    # `and the` between two names (`the [Department of Justice] and the [Securities and Exchange Commission]`)
    cuts = sorted(set(cuts) | {i for t in doc[start + 1:end - 2] if t.text == "and" and doc[t.i + 1].text == "the"
                               and doc[t.i + 2].is_title for i in (t.i, t.i + 1)})
    pieces, lo = [], start
    for i in [*cuts, end]:
        while lo < i and lo > start and doc[lo].is_lower:  # a piece after a cut: no joiner first
            lo += 1  # (`OTC Pink tier [of] OTC Markets Group Inc.`)
        if lo < i:
            pieces.append(Span(doc, lo, i, label="ORG"))
        lo = i + 1
    out = []
    whole = Span(doc, start, end, label="ORG") if start < end else span
    for piece in pieces:
        listed = _listed_apart(doc, piece, whole, known)
        if listed:
            out += listed
            continue
        ands = [t.i for t in piece if t.text == "and"]
        if len(ands) == 1 and piece.start < ands[0] < piece.end - 1:
            left, right = Span(doc, piece.start, ands[0], "ORG"), Span(doc, ands[0] + 1, piece.end, "ORG")
            if piece.start + 1 == ands[0] == piece.end - 2:  # one word each side
                apart = _mentioned_apart(doc, left, whole) and _mentioned_apart(doc, right, whole)
            else:  # a name and a company named with its suffix (`[Mawarid] and [American Express ... Inc.]`)
                apart = len(right) >= 2 and bool(SUFFIX.search(right.text)) and right[0].is_title and (
                    bool(SUFFIX.search(left.text)) or _mentioned_apart(doc, left, whole))
            if apart:
                out += [left, right]
                continue
        out.append(piece)
    out = [p for p in (name_core(p) for p in out) if p is not None]
    legal = bool(out) and out[0][-1].text in LEGAL_SUFFIXES
    if out and out[0].start == span.start and _the_of_a_name(doc, span.start - 1, legal) \
            and not any(t.text in EXCHANGE_WORDS for t in out[0]):
        out[0] = Span(doc, span.start - 1, out[0].end, label="ORG")
    return out


def _the_of_a_name(doc: Doc, i: int, legal: bool = False) -> bool:
    """`The` at doc[i] opens the name after it: written `The` inside a sentence (`by The Kraft
    Heinz Company`), or `THE` where no capitals run before it (`FILED WITH THE SEC` is a
    sentence in capitals); a name with a legal suffix (`legal`) takes its `The` at a
    sentence's start too (`The Procter & Gamble Company` heading a page)."""
    if i < 0 or doc[i].text not in ("The", "THE") or ((i < 1 or doc[i].is_sent_start) and not legal):
        return False
    return doc[i].text == "The" or i == 0 or not (doc[i - 1].is_alpha and doc[i - 1].is_upper)


def widen(span: Span, rules: list[tuple[Span, float]], labels=("ORG",)) -> Span:
    """The shortest rule span of `span`'s label that contains it, ends where it does and
    adds only capitalised name words (never `Board of Directors of ...`, never `Mr.`); else a
    rule span ending in a legal suffix that contains it and adds only name words."""
    if span.label_ not in labels:
        return span
    best = span
    doc = span.doc
    for rule, _ in rules:
        if (rule.label == span.label and rule.end == span.end and rule.start < span.start
                and (best is span or rule.start > best.start)
                and _name_words(doc[rule.start:span.start])):
            best = rule
    if best is span:  # a classifier name inside a rule's suffixed firm name (`[Merrill Lynch], Pierce,
        # Fenner & Smith Incorporated`): the rule's boundary, where it adds name words only
        for rule, _ in rules:
            if (rule.label == span.label and rule.start <= span.start and span.end < rule.end
                    and doc[rule.end - 1].text in LEGAL_SUFFIXES
                    and _name_words(doc[rule.start:span.start]) and _name_words(doc[span.end:rule.end - 1])):
                return rule
    return best


# GUIDELINES (dates): a due date or year in a security's name (`Notes due March 2028`)
# and a year naming a plan, program or security (`the 2022 EUR Notes`, `the 2019
# authorization`) are no DATE.
# (a part of the due date too: `notes due March [2028]`)
DUE_BEFORE = re.compile(r"\b(?:due|maturing)\s+(?:on\s+|in\s+)?(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?$", re.I)
YEAR_NAMES = re.compile(r"\s+(?:(?:[A-Z][\w&-]*|and)\s+){0,4}(?:Notes|Debentures|Bonds|Plan|Program|Term\s+Loan|Credit|"
                        r"Facility|Agreement|Trust|GRAT|Incentive|Stock|Equity|Omnibus|program|plan|"
                        r"authorization|notes|Proxy|proxy)\b")


def date_in_a_name(span: Span, text: str) -> bool:
    """True for a DATE that is part of a name: after `due`, or a bare year before a name word."""
    if span.label_ != "DATE":
        return False
    if DUE_BEFORE.search(text, max(0, span.start_char - 20), span.start_char):
        return True
    return bool(re.fullmatch(r"(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d", span.text) and YEAR_NAMES.match(text, span.end_char))


def has_value(span: Span, year: int | None, text: str) -> bool:
    """A span of a valued label has a value SCHEMA section 3 can read in its document
    `text` (spans of other labels always pass). A date that needs the document's year
    (`the second quarter`) in a document that implies none has no value, and is no DATE;
    a bare figure is MONEY only in a table of money."""
    if span.label_ not in VALUED:
        return True
    return value_at(span.label_, text, span.start_char, span.end_char, year) is not None  # a unit changes no presence


def with_generation(span: Span) -> Span:
    """A PERSON with the generation written after it (`Butler` -> `Butler, Jr.`)."""
    doc, i = span.doc, span.end
    if span.label_ != "PERSON":
        return span
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].text in GENERATIONS:
        return Span(doc, span.start, i + 1, label="PERSON")
    return span


def table_figures(doc: Doc, text: str, candidates: list) -> list:
    """The candidates with the figures of tables whose columns or rows say what they count
    labelled so (`tables.column_figures`: `149` under `Total Number of Shares Purchased` is
    SHARES, `82.20` under `Average Price Paid per Share` MONEY, `(22,190)` under `Options (in
    thousands)` SHARES), outranking every other candidate of a valued label over them; a
    cell that is no figure (a note mark, a term in years) takes no valued candidate."""
    figures, cells = [], []
    for f in column_figures(text):
        span = doc.char_span(f.start, f.end, label=f.label or "", alignment_mode="strict" if f.label else "expand")
        if span is None:
            continue
        cells.append((span.start, span.end))
        if f.label:
            figures.append((span, 1.0, 3))
    if not cells:
        return candidates
    return figures + [c for c in candidates if c[0].label_ not in VALUED
                      or not any(c[0].start < e and s < c[0].end for s, e in cells)]


def merge_spans(doc: Doc, rule_labels=RULE_LABELS, threshold: float = 0.5,
                model_only_threshold: float = 0.7, use_rules: bool = True,
                extend_to_rules: bool = True, not_names=NOT_NAMES, generic_roles: bool = True) -> Doc:
    rules = _scored(doc.spans[RULES_KEY]) if use_rules and RULES_KEY in doc.spans else []
    model = [(s, sc) for s, sc in _scored(doc.spans[MODEL_KEY])
             if sc >= threshold] if MODEL_KEY in doc.spans else []
    has_model = MODEL_KEY in doc.spans
    candidates = []
    for span, score in rules:
        rank = 2 if (span.label_ in rule_labels and span._.source not in FALLBACK_SOURCES) or not has_model \
            or span._.source in STRONG_SOURCES else 0
        candidates.append((span, score, rank))
    rule_people = {(s.start, s.end) for s, _ in rules if s.label_ == "PERSON"}
    rule_companies = {(s.start, s.end) for s, _ in rules if s.label_ == "ORG" and s._.source == "org_suffix"}
    for span, score in model:
        if span.label_ in rule_labels and rules and score < model_only_threshold:
            continue
        if extend_to_rules and span.label_ not in rule_labels and (wide := widen(span, rules)) is not span:
            # the rule's boundary holds the classifier's pieces of the name: it takes their best score
            score = max([score] + [sc for s, sc in model if s.label == span.label
                                   and wide.start <= s.start and s.end <= wide.end])
            span = wide
        span = role_before_company(person_after_honorific(person_over_org(span, rule_people)), rule_companies)
        candidates.append((with_generation(span), score, 1))
    text = doc_text(doc)
    candidates = table_figures(doc, text, candidates)
    known = frozenset(c[0].text for c in candidates if c[0].label_ == "ORG")
    candidates = [(court_without_state(with_court_tail(piece, text)), *c[1:]) for c in candidates
                  if (core := name_core(c[0])) is not None for piece in org_pieces(core, known)]
    candidates = [c for c in candidates
                  if c[0].label_ not in ("PERSON", "ORG") or (is_name_text(c[0].text, not_names)
                                                            and not is_not_a_name(c[0]))]
    candidates = [c for c in candidates if c[0].label_ != "ORG" or not (
        (is_generic(c[0].text) and not any(t.text in AGENCY_WORDS for t in c[0])) or is_currency(c[0].text)
        or names_no_company(c[0].text) or in_form_heading(c[0], text))]
    candidates = [c for c in candidates if c[0].label_ != "PERSON" or (is_person_shape(c[0])
                                                                      and not names_a_term(c[0]))]
    candidates = [c for c in candidates if c[0].label_ != "ROLE" or is_role_text(c[0].text)]
    candidates = [c for c in candidates if not date_in_a_name(c[0], text)]
    if any(c[0].label_ in VALUED for c in candidates):
        year = doc_year(doc, text)
        candidates = [c for c in candidates if has_value(c[0], year, text)]
    chosen = resolve(candidates)
    if generic_roles:
        spans = [span for span, _ in chosen]
        people = frozenset(a for s in spans if s.label_ == "PERSON" for a in person_aliases(s.text) if " " not in a)
        chosen = [c for c in chosen if not generic_role(c[0], spans, people)]
    ents = []
    for span, score in chosen:
        ent = Span(doc, span.start, span.end, label=span.label_)
        ent._.score = round(score, 4)
        ents.append(ent)
    doc.ents = ents
    return doc


@Language.factory("sec_merge", default_config={
    "rule_labels": list(RULE_LABELS), "threshold": 0.5, "model_only_threshold": 0.7, "use_rules": True,
    "extend_to_rules": True, "not_names": list(NOT_NAMES), "generic_roles": True})
def make_merge(nlp: Language, name: str, rule_labels: list[str], threshold: float,
               model_only_threshold: float, use_rules: bool, extend_to_rules: bool = True,
               not_names: list[str] = list(NOT_NAMES), generic_roles: bool = True):
    stop = frozenset(not_names)

    def merge(doc: Doc) -> Doc:
        return merge_spans(doc, tuple(rule_labels), threshold, model_only_threshold, use_rules,
                           extend_to_rules, stop, generic_roles)
    return merge
