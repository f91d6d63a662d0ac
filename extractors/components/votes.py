"""`sec_votes`: shareholder vote results from results tables and vote statements.

SCHEMA v1.2 SHAREHOLDER_VOTE: one event per proposal and per director nominee, with
`nominee` (PERSON), `votes_for`, `votes_against` (Against or Withheld), `abstentions`,
`broker_non_votes`, `shares_present` (SHARES), `date` (the meeting) and `proposal` (text).

Runs after `sec_linker` (pipeline.cfg), on what it left in `doc._.events` and `doc.ents`:

1. Results tables. The reader writes a table row as one line with tab-separated cells
   (plain-text filings: cells apart by runs of 2+ spaces). A header row names vote
   columns (`For`, `Against`/`Withheld`, `Abstain(ed)`/`Abstentions`, `Broker Non-Votes`;
   a header split over two lines is joined cell by cell; `1 Year`/`2 Years`/`3 Years` of a
   frequency vote). The rows under it that hold counts are results: a row whose label
   is a person's name is a nominee (one event each, all sharing the election's
   trigger), a row with another label is a proposal (the label is its text), a row with
   no label is the proposal the prose before the table states. Counts are matched to
   the header's columns left to right (a row with fewer cells than the header lost its
   trailing empty cells; `-` is an empty cell). A frequency vote's `votes_for` is the
   count of the option that won (the largest).
2. Vote statements in prose: a count with a vote cue after it (`16,513,716 votes for`,
   `25,000 against`, `1,806,791,973 shares in favor`, `7,129,921 shares abstaining`,
   `250,464,124 broker non-votes`, `16,513,716 favorable votes`) or before it
   (`For: 1,234,567`). The statement belongs to the vote verb of its own sentence, else
   of the sentences after it in its paragraph (`... 435,047 votes against. The appointment
   was ratified.`), else before it.
3. Meeting facts, for every vote event of the document: `date`, the date of the sentence
   that says the meeting was held; `shares_present`, the count stated as present or
   represented at the meeting.

Counts become SHARES entities where the entity stage missed them (a table cell: the bare
number; prose: the numeral through its unit noun, SCHEMA section 1), replacing an
overlapping entity of another label; a nominee's name becomes a PERSON where no PERSON
covers it.

Linker events: the linker's SHAREHOLDER_VOTE events whose trigger is a trigger this
component gives an event (or lies inside a vote table) are replaced by this component's
events, which keep the linker's `proposal`, `date` and `percent` where they found none of
their own. Other linker vote events are kept and receive the meeting's `date` and
`shares_present` where they have none. All else in `doc._.events` is left as it is.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.components.linker.component import event_record
from extractors.components.trigger_rules import HOLDERS, chose_to
from extractors.contract import doc_text
from extractors.normalise import doc_year
from extractors.tables import split_cells

VOTE = "SHAREHOLDER_VOTE"
COUNT_ROLES = ("votes_for", "votes_against", "abstentions", "broker_non_votes")

# ------------------------------------------------------------------ table layout
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
COUNT_CELL = re.compile(rf"^\(?(?:{NUMBER})\)?(?:\s*\(\d\))?$")
EMPTY_CELL = re.compile(r"^(?:-+|—|–|\*|n/?a|none|0)$", re.I)
PERCENT_CELL = re.compile(rf"^(?:{NUMBER})\s*%$")

HEADER_ROLES = [
    (re.compile(r"^(?:votes?\s+|shares\s+)?(?:cast\s+)?(?:for|in\s+favou?r|yes|affirmative)(?:\s+votes?)?$", re.I),
     "votes_for"),
    (re.compile(r"^(?:votes?\s+|shares\s+)?(?:against|withh[oe]ld(?:ing)?|no|opposed)(?:\s+votes?)?"
                r"(?:\s*/\s*(?:against|withh[oe]ld))?$", re.I), "votes_against"),
    (re.compile(r"^(?:votes?\s+|shares\s+)?(?:abstain(?:ed|ing|s)?|abstentions?)(?:\s+votes?)?$", re.I),
     "abstentions"),
    (re.compile(r"^(?:broker\s*)?non[\s-]*votes?$|^broker\s+non[\s-]*votes?$", re.I), "broker_non_votes"),
    (re.compile(r"^(?:one|1|two|2|three|3)[\s-]*years?$|^every\s+(?:one|two|three)\s+years?$|^annual(?:ly)?$",
                re.I), "frequency"),
    (re.compile(r"^(?:%|percent(?:age)?|%\s*(?:of\s+)?\w.*|.*\s%)$", re.I), "percent_column"),
]
LABEL_HEADER = re.compile(r"^(?:director\s+)?(?:nominees?|name|directors?|proposals?|matters?|items?)"
                          r"(?:\s+(?:nominee|name))?$", re.I)

# ----------------------------------------------------------------- names, proposals
NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.(?:\s?[A-Z]\.)*|Mc[A-Z][a-z]+|de|van|von|der|la|di)"
NAME_RE = re.compile(rf"^{NAME_WORD}(?:\s+{NAME_WORD}){{1,5}}(?:,?\s+(?:Jr|Sr|II|III|IV|M\.D|Ph\.D)\.?)?$")
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sir)\.?\s+")
NOT_NAME_WORDS = re.compile(r"\b(?:Proposal|Ratif\w*|Approv\w*|Election|Elect|Plan|Amendment|Compensation|Company|"
                            r"Inc|Corp\w*|LLP|LLC|Stock|Auditors?|Accounting|Frequency|Advisory|Shareholder|"
                            r"Stockholder|Total|Votes?|Board|Directors?|Report|Resolution|Class|Item|Matter|"
                            r"Incentive|Firm|Year|Years|Say|Pay|Bylaws?|Charter|Certificate)\b")
LEAD_NUMBERING = re.compile(r"^\s*(?:(?:Proposal|Item)\s*(?:No\.?\s*)?\d+[A-Za-z]?\s*[:.\-–—]?\s*|"
                            r"\(?[0-9a-zA-Z]{1,2}[.)]\s+)", re.I)

# a vote verb states the event (trigger); the passive auxiliaries before it belong to it
VOTE_VERB = re.compile(r"\b(?:(?:was|were|has\s+been|have\s+been)\s+(?:duly\s+)?)?"
                       r"((?:not\s+)?(?:re-?)?elected|(?:not\s+)?approved|approving|ratified|adopted|rejected|"
                       r"defeated|did\s+not\s+(?:approve|pass|receive)|determined|voted|selected|"
                       r"re-?elect(?:ed)?|received(?=\s+the\s+following\s+votes))\b", re.I)
VOTE_NOUN = re.compile(r"\b(Election|Ratification|Approval|Advisory\s+Vote|Frequency|Proposal)\b")
PROPOSAL_END = re.compile(r"\s*(?:,\s*(?:with|by|as|each|based)\b|\s(?:to\s+serve|to\s+hold\s+office|for\s+a\s+"
                          r"(?:one|two|three|[1-3])[\s-]+year|until|as\s+follows|based\s+(?:up)?on|by\s+the\s+"
                          r"following|with\s+\d|at\s+the\s+(?:annual|special)\s+meeting)\b|\s*:\s*$|\s*[.;]\s*$)",
                          re.I)
PASSIVE_AUX = re.compile(r"\s+(?:was|were|has\s+been|have\s+been)(?:\s+(?:duly|not))*\s*$", re.I)
ACTIVE_SUBJECT = re.compile(r"^(?:the\s+)?(?:company'?s\s+)?(?:stockholders|shareholders|holders)\b.*$", re.I)

# ------------------------------------------------------------------ prose counts
UNIT_CUE = re.compile(r"^\s*(?P<unit>(?:favou?rable|affirmative)\s+votes?|(?:broker\s+)?non-?votes?|abstentions?)\b",
                      re.I)
AFTER_CUE = re.compile(
    r"^\s*(?:(?P<unit>votes?|shares)\s+)?(?:of\s+(?:class\s+\w\s+)?common\s+stock\s+)?(?:(?:were|was|are)\s+)?"
    r"(?:(?:cast|voted|voting|represented)\s+)?"
    r"(?P<cue>in\s+favou?r|for\s+every\s+(?:one|two|three|1|2|3)\s+years?|for\b|against\b|"
    r"abstain(?:ed|ing)?\b|abstentions?\b|withh[eo]ld(?:ing)?\b|(?:broker\s+)?non-?votes?\b)", re.I)
BEFORE_CUE = re.compile(r"(?P<cue>\b(?:votes?\s+)?(?:for|against|abstain(?:ed|ing)?|abstentions?|withh[eo]ld|"
                        r"broker\s+non-?votes?|non-?votes?))\s*[:=\-–—]\s*$", re.I)
COUNT = re.compile(rf"(?<![\d,.$])(?:{NUMBER})(?![\d,]*%)(?!\s*%)")
MEETING = re.compile(r"\b(?:annual|special)?\s*(?:general\s+)?meeting\b", re.I)
HELD = re.compile(r"\b(?:held|convened|took\s+place|at\s+the)\b", re.I)
PRESENT = re.compile(r"\b(?:represented|present)\b", re.I)


def cue_role(cue: str) -> str | None:
    """The role a vote cue names (`in favor` -> votes_for, `withheld` -> votes_against)."""
    c = cue.lower()
    if "non" in c and "vote" in c:
        return "broker_non_votes"
    if c.startswith("for every"):
        return "frequency"
    if "favor" in c or "favour" in c or c in ("for", "votes for", "vote for") or "favorable" in c \
            or "affirmative" in c:
        return "votes_for"
    if "against" in c or "withh" in c:
        return "votes_against"
    if "abst" in c:
        return "abstentions"
    return None


def header_role(cell: str) -> str | None:
    cell = re.sub(r"\s+", " ", cell.strip().strip(":*")).strip()
    cell = re.sub(r"\s*\(\d\)$", "", cell)
    for pattern, role in HEADER_ROLES:
        if pattern.match(cell):
            return role
    return None


# --------------------------------------------------------------------- lines, cells
@dataclass
class Line:
    start: int
    end: int
    cells: list[tuple[int, int]]  # (start, end) of each non-empty cell, whole-text offsets


def lines_of(text: str) -> list[Line]:
    """The text's lines with their cells (`extractors.tables.split_cells`: at tabs and runs
    of two or more spaces)."""
    out, pos = [], 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        out.append(Line(pos, end, [(c.start, c.end) for c in split_cells(text, pos, end)]))
        pos = end + 1
    return out


def header_of(text: str, lines: list[Line], i: int) -> tuple[list[str | None], int] | None:
    """The vote columns of line i (and i+1 when a header is split over two lines): the
    role of each cell, and the number of lines the header takes; None if no vote header."""
    def roles(cells: list[str]) -> list[str | None]:
        return [header_role(c) for c in cells]

    def is_header(rs: list[str | None], cells: list[str]) -> bool:
        named = [r for r in rs if r not in (None, "percent_column")]
        unnamed = [c for c, r in zip(cells, rs) if r is None]
        return (len(named) >= 2 and ("votes_for" in named or named.count("frequency") >= 2)
                and all(LABEL_HEADER.match(c.strip()) for c in unnamed[:1]) and len(unnamed) <= 1)

    line = lines[i]
    if len(line.cells) < 2:
        return None
    cells = [text[s:e] for s, e in line.cells]
    rs = roles(cells)
    if is_header(rs, cells):
        return rs, 1
    if i + 1 < len(lines) and len(lines[i + 1].cells) == len(cells):
        nxt = [text[s:e] for s, e in lines[i + 1].cells]
        if not any(COUNT_CELL.match(c) for c in nxt):
            joined = [f"{a} {b}" for a, b in zip(cells, nxt)]
            rs = roles(joined)
            if is_header(rs, joined):
                return rs, 2
    return None


@dataclass
class Row:
    label: tuple[int, int] | None  # the row's label cells, as one range
    values: list[tuple[str, int, int]]  # (role, start, end) of each count cell
    line: Line


@dataclass
class Table:
    start: int
    end: int
    header: Line
    rows: list[Row] = field(default_factory=list)


def parse_row(text: str, line: Line, columns: list[str | None]) -> Row | None:
    """A results row: label cells then count cells (matched to the vote columns left to
    right); None when the line holds no count."""
    cells = line.cells
    k = 0
    while k < len(cells) and not _value_cell(text[cells[k][0]:cells[k][1]]):
        k += 1
    values = cells[k:]
    if not values or any(not _value_cell(text[s:e]) for s, e in values):
        return None
    if not any(COUNT_CELL.match(text[s:e]) for s, e in values):
        return None
    label = (cells[0][0], cells[k - 1][1]) if k else None
    vote_columns = [c for c in columns if c is not None]
    out = []
    for (s, e), role in zip(values, vote_columns):
        if role != "percent_column" and COUNT_CELL.match(text[s:e]):
            out.append((role, s, e))
    return Row(label, out, line)


def _value_cell(cell: str) -> bool:
    return bool(COUNT_CELL.match(cell) or EMPTY_CELL.match(cell) or PERCENT_CELL.match(cell))


def find_tables(text: str, lines: list[Line] | None = None) -> list[Table]:
    """Vote-results tables: a vote header and the results rows right under it (blank
    lines between rows allowed; a line of any other kind ends the table)."""
    lines = lines if lines is not None else lines_of(text)
    tables, i = [], 0
    while i < len(lines):
        found = header_of(text, lines, i) if "\t" in text[lines[i].start:lines[i].end] or \
            "  " in text[lines[i].start:lines[i].end] else None
        if found is None:
            i += 1
            continue
        columns, n = found
        table = Table(lines[i].start, lines[i + n - 1].end, lines[i])
        j = i + n
        while j < len(lines):
            line = lines[j]
            if not line.cells:
                if j + 1 < len(lines) and lines[j + 1].cells and parse_row(text, lines[j + 1], columns):
                    j += 1
                    continue
                break
            row = parse_row(text, line, columns)
            if row is None:
                break
            table.rows.append(row)
            table.end = line.end
            j += 1
        if table.rows:
            tables.append(table)
        i = max(j, i + 1)
    return tables


def is_name(cell: str) -> bool:
    cell = HONORIFIC.sub("", LEAD_NUMBERING.sub("", cell.strip()))
    return bool(NAME_RE.match(cell)) and not NOT_NAME_WORDS.search(cell)


def name_range(text: str, start: int, end: int) -> tuple[int, int]:
    """A nominee cell without its numbering, honorific and footnote marks."""
    cell = text[start:end]
    m = LEAD_NUMBERING.match(cell)
    if m:
        start += m.end()
    m = HONORIFIC.match(text[start:end])
    if m:
        start += m.end()
    while end > start and text[end - 1] in " *†‡(0123456789)":
        end -= 1
    return start, end


# ----------------------------------------------------------------- prose statements
@dataclass
class Statement:
    """Counts stated in prose for one vote, with the range of the sentence holding them."""
    start: int
    end: int
    counts: list[tuple[str, int, int]]  # (role, start, end of the SHARES span)


SENTENCE_END = re.compile(r"(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bNo)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bJr)"
                          r"(?<!\bSr)(?<!\ba\.m)(?<!\bp\.m)(?<!\bU\.S)(?<!\b[A-Z])[.;:](?=\s+[A-Z\"“(]|\s*$)")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges of a paragraph (full stops before a space and a capital or the end)."""
    out, s = [], start
    for m in SENTENCE_END.finditer(text[start:end]):
        e = start + m.end()
        if text[s:e].strip():
            out.append((s, e))
        s = e
    if text[s:end].strip():
        out.append((s, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in out]


def prose_counts(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(role, start, end) of each vote count in text[start:end]: the span is the numeral
    through its unit noun (`1,806,791,973 shares`, `651,575 abstentions`, `250,464,124
    broker non-votes`), or the bare number where no unit follows (`25,000 against`)."""
    out = []
    for m in COUNT.finditer(text, start, end):
        after = text[m.end():min(end, m.end() + 80)]
        u = UNIT_CUE.match(after)
        a = AFTER_CUE.match(after) if u is None else None
        if u is not None:
            role, span_end = cue_role(u.group("unit")), m.end() + u.end("unit")
        elif a is not None:
            role = cue_role(a.group("cue"))
            span_end = m.end() + (a.end("unit") if a.group("unit") else 0)
        else:
            b = BEFORE_CUE.search(text[max(start, m.start() - 40):m.start()])
            if not b:
                continue
            role, span_end = cue_role(b.group("cue")), m.end()
        if role is not None:
            out.append((role, m.start(), span_end))
    return out


def statements(text: str, start: int, end: int) -> list[Statement]:
    """Vote statements: sentences that give two or more vote counts, or one count with
    an explicit cue (`25,000 against`)."""
    out = []
    for s, e in sentences(text, start, end):
        counts = prose_counts(text, s, e)
        if counts:
            out.append(Statement(s, e, counts))
    return out


# ----------------------------------------------------------------- triggers, proposals
def vote_verbs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Vote verbs in text[start:end]; a passive one with its auxiliary (`were elected`)."""
    out = []
    for m in VOTE_VERB.finditer(text, start, end):
        s = m.start() if text[m.start():m.start(1)].strip() else m.start(1)
        out.append((s, m.end(1)))
    return out


def proposal_of(text: str, sent: tuple[int, int], trigger: tuple[int, int]) -> tuple[int, int] | None:
    """The proposal a vote sentence states: the subject of a passive verb (`The proposal
    to ratify ... was approved`), else the object after an active one (`The stockholders
    ratified the appointment of ...`), cut before the counts and term clauses."""
    s, e = sent
    before = text[s:trigger[0]]
    before_stripped = LEAD_NUMBERING.sub("", before)
    lead = len(before) - len(before_stripped)
    subject = PASSIVE_AUX.sub("", before_stripped).rstrip(" ,")
    active = (ACTIVE_SUBJECT.match(subject) or re.search(r"\b(?:stockholders|shareholders|holders)(?:\s+(?:also|further))?$",
                                                         subject, re.I) or re.search(r"\bto$", subject))
    if subject and not active:
        return _trim(text, s + lead, s + lead + len(subject))
    after_start = trigger[1]
    m = re.match(r"\s*(?:,\s*(?:on|as)\s+(?:an?\s+)?(?:non-binding\s+)?advisory\s+(?:basis|vote)\s*,?\s*)?"
                 r"(?:(?:in\s+favou?r\s+of|on|upon|to\s+approve|to)\s+)?", text[after_start:e], re.I)
    a = after_start + m.end()
    rest = text[a:e]
    cut = PROPOSAL_END.search(rest)
    b = a + (cut.start() if cut else len(rest))
    return _trim(text, a, b)


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a] in " ,;:\"“”'(\n\t":
        a += 1
    while b > a and text[b - 1] in " ,;:\"“”'\n\t":
        b -= 1
    return (a, b) if b - a >= 3 else None


def paragraph_before(text: str, lines: list[Line], index: int, limit: int = 3) -> tuple[int, int] | None:
    """The prose just before line `index` (up to `limit` non-blank lines, not table rows)."""
    j, taken, end = index - 1, 0, None
    start = None
    while j >= 0 and taken < limit:
        line = lines[j]
        if not line.cells:
            if taken:
                break
            j -= 1
            continue
        if len(line.cells) > 1 and "\t" in text[line.start:line.end]:
            break
        end = end if end is not None else line.end
        start = line.start
        taken += 1
        j -= 1
    return (start, end) if start is not None else None


# ------------------------------------------------------------------ the component
class VoteResults:
    def __init__(self, nlp: Language, name: str = "sec_votes", replace_linker: bool = True,
                 add_entities: bool = True):
        self.name = name
        self.replace_linker = replace_linker
        self.add_entities = add_entities

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if not re.search(r"vot|withh|abst|elect|ballot", text, re.I):
            return doc
        events = list(doc._.events or [])
        linker_votes = [e for e in events if e["type"] == VOTE]
        others = [e for e in events if e["type"] != VOTE]
        new_ents: list[tuple[int, int, str]] = []
        lines = lines_of(text)
        tables = find_tables(text, lines)
        line_index = {line.start: k for k, line in enumerate(lines)}
        table_ranges = [(t.start, t.end) for t in tables]
        made: list[dict] = []  # {"trigger": (s, e), "roles": {role: (s, e)}, "sent": (s, e) or None}
        for table in tables:
            made += self._table_events(doc, text, lines, line_index[table.header.start], table, new_ents,
                                       linker_votes)
        paragraphs = _paragraphs(text, lines, table_ranges)
        for para in paragraphs:
            made += self._prose_events(text, para, new_ents, linker_votes)
        sections = vote_sections(text)
        for ev in linker_votes:  # the linker's vote events, restated (or dropped inside a vote table)
            t = (ev["trigger"]["start"], ev["trigger"]["end"])
            if any(_overlaps(t, m["trigger"]) for m in made):
                continue
            if self.replace_linker and any(_overlaps(t, r) for r in table_ranges):
                continue
            sent = _sentence_at(text, paragraphs, t[0])
            if sent is not None and any(_overlaps(t, v) for v in vote_verbs(text, *sent)) and \
                    not any(_overlaps(t, v) for v in statement_verbs(text, sent)):
                continue  # `voted on the following three proposals`, `until their successors are elected`
            roles = {a["role"]: (a["start"], a["end"]) for a in ev["args"]}
            made.append({"trigger": t, "roles": roles, "score": ev.get("score", 0.5), "linker": ev})
        trigger_starts = sorted(m["trigger"][0] for m in made)
        for para in paragraphs:  # vote verbs of the meeting's section that no event has
            if not any(_overlaps(para, sec) for sec in sections):
                continue
            sents = sentences(text, *para)
            for k, sent in enumerate(sents):
                if not any(a <= sent[0] < b for a, b in sections):
                    continue
                if _has_between(trigger_starts, *sent):
                    continue
                verbs = statement_verbs(text, sent)
                if verbs and PURPOSE_VOTE.search(text, *sent) and k + 1 < len(sents) and \
                        not PURPOSE_VOTE.search(text, *sents[k + 1]) and (
                        statement_verbs(text, sents[k + 1])
                        or _has_between(trigger_starts, *sents[k + 1])):
                    continue  # `The purpose ... was to re-elect X. The shareholders re-elected ...`
                if verbs:
                    made.append({"trigger": verbs[0], "roles": {}, "score": 0.5})
        if not made:
            return doc
        sents = _all_sentences(text, paragraphs)
        meeting_date = meeting_date_of(doc, text, sents)
        present = shares_present_of(text, doc, new_ents, sents)
        if self.add_entities:
            self._set_ents(doc, new_ents)
        ent_label = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
        year = doc_year(doc, text)
        records = []
        for m in made:
            roles = m["roles"]
            if "proposal" not in m.get("own", ()) and "nominee" not in roles or m.get("linker") is not None:
                sent = _sentence_at(text, paragraphs, m["trigger"][0])
                proposal = proposal_in(text, paragraphs, sent, m["trigger"]) if sent else None
                if proposal is not None and not any(_overlaps(proposal, r) for k, r in roles.items()
                                                    if k != "proposal"):
                    roles["proposal"] = proposal
            if meeting_date:
                roles["date"] = meeting_date
            if present and "shares_present" not in roles:
                roles["shares_present"] = present
            args = [(role, s, e, 0.9) for role, (s, e) in roles.items()]
            rec = event_record(doc, text, VOTE, m["trigger"], args, m.get("score", 0.9), ent_label, year)
            if m.get("linker") is not None:
                rec["modality"] = m["linker"].get("modality", rec["modality"])
            records.append(rec)
        out = others + records
        out.sort(key=lambda e: (e["trigger"]["start"], e["type"]))
        doc._.events = out
        return doc

    # -- tables
    def _table_events(self, doc: Doc, text: str, lines: list[Line], header_index: int, table: Table,
                      new_ents: list, linker_votes: list) -> list[dict]:
        para = paragraph_before(text, lines, header_index)
        trigger, proposal = _trigger_and_proposal(text, para, linker_votes, table.header)
        out = []
        for row in table.rows:
            roles: dict[str, tuple[int, int]] = {}
            freq = [(s, e) for role, s, e in row.values if role == "frequency"]
            for role, s, e in row.values:
                if role in COUNT_ROLES:
                    roles.setdefault(role, (s, e))
                    new_ents.append((s, e, "SHARES"))
            if freq:
                for s, e in freq:
                    new_ents.append((s, e, "SHARES"))
                best = max(freq, key=lambda se: _number(text[se[0]:se[1]]))
                roles.setdefault("votes_for", best)
            if not roles:
                continue
            row_trigger, row_proposal = trigger, proposal
            if row.label is not None:
                label = text[row.label[0]:row.label[1]]
                if is_name(label):
                    s, e = name_range(text, *row.label)
                    roles["nominee"] = (s, e)
                    new_ents.append((s, e, "PERSON"))
                else:
                    row_proposal = _trim(text, *row.label) or proposal
                    if row_trigger is None:
                        row_trigger = row_proposal
            if row_trigger is None:
                row_trigger = table.header.cells[0]
            if row_proposal is not None:
                roles["proposal"] = row_proposal
            out.append({"trigger": row_trigger, "roles": roles, "own": ("proposal",) if row.label else ()})
        return out

    # -- prose
    def _prose_events(self, text: str, para: tuple[int, int], new_ents: list, linker_votes: list) -> list[dict]:
        sents = sentences(text, *para)
        stmts = [(k, prose_counts(text, s, e)) for k, (s, e) in enumerate(sents)]
        stmts = [(k, c) for k, c in stmts if len({r for r, _, _ in c}) >= 2 or
                 (c and re.search(r"\bvot|\bfavou?r|abstain|withh", text[sents[k][0]:sents[k][1]], re.I))]
        out = []
        linker_triggers = [(e["trigger"]["start"], e["trigger"]["end"]) for e in linker_votes]
        claimed: set = set()
        for n, (k, counts) in enumerate(stmts):
            prev_k = stmts[n - 1][0] if n else -1
            next_k = stmts[n + 1][0] if n + 1 < len(stmts) else len(sents)
            order = [k] + list(range(k + 1, next_k)) + list(range(k - 1, prev_k, -1))
            trigger = None
            for j in order:
                s, e = sents[j]
                found = [t for t in linker_triggers if s <= t[0] < e] or vote_verbs(text, s, e)
                found = [t for t in found if t not in claimed]
                if found:
                    trigger = found[0]
                    break
            if trigger is None:
                m = re.search(r"\b(?:voting|votes?|results)\b", text[sents[k][0]:sents[k][1]], re.I)
                if not m:
                    continue
                trigger = (sents[k][0] + m.start(), sents[k][0] + m.end())
            claimed.add(trigger)
            roles: dict[str, tuple[int, int]] = {}
            freq = []
            for role, s, e in counts:
                new_ents.append((s, e, "SHARES"))
                if role == "frequency":
                    freq.append((s, e))
                elif role in COUNT_ROLES:
                    roles.setdefault(role, (s, e))
            if freq:
                roles.setdefault("votes_for", max(freq, key=lambda se: _number(text[se[0]:se[1]])))
            out.append({"trigger": trigger, "roles": roles})
        return out

    # -- entities
    @staticmethod
    def _set_ents(doc: Doc, new_ents: list) -> None:
        """Add the new spans to doc.ents (linear: a token -> entity map): a SHARES count
        replaces any overlapping entity of another label and is skipped inside a SHARES
        entity; a nominee's PERSON is added only where no entity overlaps it."""
        if not new_ents:
            return
        owner = [-1] * len(doc)
        ents = list(doc.ents)
        for k, x in enumerate(ents):
            for i in range(x.start, x.end):
                owner[i] = k
        dropped: set[int] = set()
        add = []
        for s, e, label in sorted(set(new_ents)):
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is None:
                continue
            hit = {owner[i] for i in range(span.start, span.end) if owner[i] >= 0}
            hit_ents = [ents[k] for k in hit if k < len(ents) and k not in dropped]
            if label == "SHARES" and any(x.label_ == "SHARES" and x.start_char <= s and e <= x.end_char
                                         for x in hit_ents):
                continue
            if label == "PERSON" and hit:
                continue
            if any(k >= len(ents) for k in hit):  # overlaps a span added here
                continue
            dropped |= hit
            span._.score = 0.9
            span._.source = "sec_votes"
            for i in range(span.start, span.end):
                owner[i] = len(ents) + len(add)
            add.append(span)
        doc.ents = sorted([x for k, x in enumerate(ents) if k not in dropped] + add, key=lambda x: x.start)


SECTION_START = re.compile(r"Item\s+5\.07|Submission\s+of\s+Matters\s+to\s+a\s+Vote|voting\s+results|"
                           r"(?:annual|special)\s+meeting\s+of\s+(?:stock|share)holders|"
                           r"(?:annual|special)\s+meeting\b[^.\n]{0,80}\bheld\b", re.I)
SECTION_END = re.compile(r"Pursuant\s+to\s+the\s+requirements|^\s*SIGNATURES?\b|^\s*Item\s+(?!5\.07)\d+\.\d+|"
                         r"^\s*Exhibit\s+\d", re.I | re.M)
NOT_A_VOTE = re.compile(r"(?:successors?\s+(?:is|are|has\s+been|have\s+been)\s+(?:duly\s+)?|until\s+[^.]{0,60}|"
                        r"shall\s+be\s+|to\s+be\s+|may\s+be\s+|will\s+be\s+|board\s+(?:of\s+directors\s+)?(?:has\s+)?|"
                        r"previously\s+|committee\s+(?:has\s+)?)$", re.I)
# `approved by the board`, `approved in principle by Alcoa shareholders` (a form described
# by a past approval): no vote is reported
NOT_A_VOTE_AFTER = re.compile(r"\s+(?:(?:in\s+principle\s+)?by|at\s+the\s+direction)\b")
# an active vote verb whose subject is the board or a committee (no holders or nominees
# between them): `the Compensation Committee of the Board of Directors approved a bonus`
BOARD_ACTS = re.compile(r"\b(?:board|committee)\b(?:(?!\b(?:stockholders?|shareholders?|holders|nominees?|"
                        r"meeting)\b)[^.;]){0,60}$", re.I)
PASSIVE = re.compile(r"(?:was|were|has\s+been|have\s+been)\s", re.I)
PURPOSE_VOTE = re.compile(r"\b(?:was|were)\s+(?:also\s+)?to\s+(vote|re-?elect|elect|approve|ratify)\b", re.I)


def vote_sections(text: str) -> list[tuple[int, int]]:
    """Where a meeting's results are told: from `Item 5.07`, `voting results` or an
    annual meeting that was held, to the signature clause or the next item."""
    out = []
    for m in SECTION_START.finditer(text):
        if out and out[-1][0] <= m.start() < out[-1][1]:
            continue
        end = SECTION_END.search(text, m.end())
        out.append((m.start(), end.start() if end else len(text)))
    return out


def statement_verbs(text: str, sent: tuple[int, int]) -> list[tuple[int, int]]:
    """Vote verbs of a sentence that state a vote's outcome (not `until their successors
    are elected`, `shall be elected`, a board's approval)."""
    if re.search(r"\bnot\s+(?:submitted|presented|brought)\b|\bwithdrawn\b", text[sent[0]:sent[1]], re.I):
        return []
    if not re.search(r"\b(?:proposal|nominees?|directors?|stockholders|shareholders|resolution|amendments?|plan|"
                     r"appointment|selection|compensation|frequency|meeting)\b", text[sent[0]:sent[1]], re.I):
        return []
    out = []
    m = PURPOSE_VOTE.search(text, *sent)
    if m:
        out.append((m.start(1), m.end(1)))
    for s, e in vote_verbs(text, *sent):
        if NOT_A_VOTE.search(text[sent[0]:s]) or NOT_A_VOTE_AFTER.match(text[e:e + 40]) or chose_to(text, s, e):
            continue
        board = None if PASSIVE.match(text[s:e]) else BOARD_ACTS.search(text, max(sent[0], s - 90), s)
        if board and not HOLDERS.search(text, sent[0], board.start()):
            continue  # the board or a committee acts: `the Committee of the Board ... approved`
        if re.match(r"\s+(?:(?:on|upon)\s+(?:the\s+)?(?:following|each|all)\b|upon\b)", text[e:e + 30], re.I):
            continue  # `voted on the following three proposals`: the list's introduction
        out.append((s, e))
    return sorted(out)


def _sentence_at(text: str, paragraphs: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for para in paragraphs:
        if para[0] <= pos < para[1]:
            for sent in sentences(text, *para):
                if sent[0] <= pos < sent[1]:
                    return sent
    return None


PROPOSAL_NP = re.compile(r"^(?:(?:Proposal|Item)\s*(?:No\.?\s*)?\d+[.:]?\s+)?(The\s+(?:proposal|election|non-binding|"
                         r"advisory|approval|ratification|amendment)\b[^.]*)\.?$", re.I)


def proposal_in(text: str, paragraphs: list[tuple[int, int]], sent: tuple[int, int],
                trigger: tuple[int, int]) -> tuple[int, int] | None:
    """A vote's proposal: a verbless `The proposal to ...` sentence just before the
    trigger's sentence (`Proposal No. 1  The proposal to elect three directors.`), else
    what the trigger's own sentence says (`proposal_of`)."""
    prev = None
    for para in paragraphs:
        if para[1] <= sent[0] and sent[0] - para[1] < 40 or para[0] <= sent[0] < para[1]:
            for s in sentences(text, *para):
                if s[1] <= sent[0]:
                    prev = s
    if prev is not None and sent[0] - prev[1] < 40:
        purpose = PURPOSE_VOTE.search(text, *prev)
        if purpose and not PURPOSE_VOTE.search(text, *sent):
            return proposal_of(text, prev, (purpose.start(1), purpose.end(1)))
        m = PROPOSAL_NP.match(text[prev[0]:prev[1]].strip())
        if m and not vote_verbs(text, *prev):
            a = prev[0] + (len(text[prev[0]:prev[1]]) - len(text[prev[0]:prev[1]].lstrip())) + m.start(1)
            return _trim(text, a, a + len(m.group(1)))
    return proposal_of(text, sent, trigger)


def _has_between(starts: list[int], a: int, b: int) -> bool:
    k = bisect.bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _number(cell: str) -> float:
    digits = re.sub(r"[^\d.]", "", cell)
    try:
        return float(digits)
    except ValueError:
        return 0.0


def _paragraphs(text: str, lines: list[Line], tables: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines outside vote tables, grouped into paragraphs (a blank line ends one)."""
    out, start, end = [], None, None
    for line in lines:
        inside = any(a <= line.start < b for a, b in tables)
        if not text[line.start:line.end].strip() or inside:
            if start is not None:
                out.append((start, end))
            start = None
            continue
        if start is None:
            start = line.start
        end = line.end
    if start is not None:
        out.append((start, end))
    return out


def _trigger_and_proposal(text: str, para: tuple[int, int] | None, linker_votes: list,
                          header: Line) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """A table's trigger and proposal, from the prose before it: the linker's vote
    trigger there, else the first vote verb, else a vote noun (`Election`)."""
    if para is None:
        return None, None
    for s, e in reversed(sentences(text, *para)):  # the sentence nearest the table first
        verbs = statement_verbs(text, (s, e))
        found = [(ev["trigger"]["start"], ev["trigger"]["end"]) for ev in linker_votes
                 if s <= ev["trigger"]["start"] < e and any(_overlaps((ev["trigger"]["start"], ev["trigger"]["end"]), v)
                                                            for v in verbs)] or verbs
        if found:
            return found[0], proposal_of(text, (s, e), found[0])
    m = VOTE_NOUN.search(text, *para)
    if m:
        return (m.start(1), m.end(1)), _trim(text, m.start(1), _line_end(text, m.start(1), para[1]))
    return None, _trim(text, *para)


def _line_end(text: str, pos: int, limit: int) -> int:
    k = text.find("\n", pos, limit)
    return limit if k < 0 else k


def _all_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [sent for para in paragraphs for sent in sentences(text, *para)]


def meeting_date_of(doc: Doc, text: str, sents: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The date of the sentence saying the meeting was held (`held its Annual Meeting of
    Stockholders on December 14, 2023`)."""
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    for s, e in sents:
        sent = text[s:e]
        m = MEETING.search(sent)
        if not m or not HELD.search(sent) or re.search(r"\b(?:record\s+date|next|until|expir\w+)\b", sent, re.I):
            continue
        inside = [d for d in dates if s <= d.start_char and d.end_char <= e and re.search(r"\d{1,2},?\s+\d{4}", d.text)]
        if inside:
            d = min(inside, key=lambda d: abs(d.start_char - (s + m.start())))
            return d.start_char, d.end_char
    return None


def shares_present_of(text: str, doc: Doc, new_ents: list, sents: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The count stated as present or represented at the meeting; its SHARES span (made
    when missing: the numeral through `shares`)."""
    for sent_start, sent_end in sents:
        sent = text[sent_start:sent_end]
        if not PRESENT.search(sent) or not re.search(r"\bmeeting\b|\bquorum\b", sent, re.I) \
                or re.search(r"\bvoting\s+power\b", sent, re.I):
            continue
        for c in COUNT.finditer(text, sent_start, sent_end):
            after = text[c.end():c.end() + 60]
            if not re.search(r"\d,\d{3}", c.group()) or not re.match(r"\s*(?:shares|votes|,|were\b|represented)",
                                                                   after, re.I):
                continue
            if re.match(r"\s*(?:shares\s+)?(?:of\s+[\w\s]{0,30}?)?(?:outstanding|entitled)", after, re.I):
                continue
            unit = re.match(r"\s*shares", after, re.I)
            end = c.end() + (unit.end() if unit else 0)
            for e in doc.ents:
                if e.label_ == "SHARES" and e.start_char <= c.start() < e.end_char:
                    return e.start_char, e.end_char
            new_ents.append((c.start(), end, "SHARES"))
            return c.start(), end
    return None


@Language.factory("sec_votes", default_config={"replace_linker": True, "add_entities": True})
def make_votes(nlp: Language, name: str, replace_linker: bool, add_entities: bool) -> VoteResults:
    """replace_linker: drop the linker's SHAREHOLDER_VOTE events that this component
    restates (same trigger) or whose trigger lies in a vote table. add_entities: make
    SHARES (and nominee PERSON) entities for the counts the entity stage missed."""
    return VoteResults(nlp, name, replace_linker, add_entities)


__all__ = ["VoteResults", "make_votes", "find_tables", "prose_counts", "statements", "header_role",
           "is_name", "proposal_of", "Span"]
