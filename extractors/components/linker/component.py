"""`sec_linker`: turns event triggers and entities into FORMATS.md event records.

Reads triggers from `doc.spans["triggers"]` (labelled by event type, scores in the
group's attrs) and entities from `doc.ents`; writes `doc._.events`, a list of
FORMATS.md event dicts (type, trigger, args with text and value, modality, score).

Form-level structure:
- SIGNATURE: candidates are looked for in the block after the signature clause
  (`By:`, `/s/`, `Name:`, `Title:`, `Date:` lines carry line-prefix features);
  roles left empty are read off the block's layout (forms.py). A filing signed for
  several registrants gives one SIGNATURE per registrant's block, sharing the trigger.
  A `signed` outside a signature clause (form instructions: "may be signed by") is
  no trigger.
- LATE_FILING: a 12b-25 notice's cover fields lie anywhere on the form, so its
  candidates span the whole document; `form` is the checked box's form; filer,
  period and expected date are read off the cover fields (forms.py).
- Generic filer phrases (`the Company`) are candidates for ORG roles (SCHEMA).

FINANCIAL_RESULT triggers are decoded per reported figure (`results`), so that
each figure is one event, as SCHEMA asks. A career verb stating several offices gives
one EXECUTIVE_CHANGE per office (`offices`), a pay decision naming several people one
COMPENSATION per person (`awards`), each sharing the trigger; a repurchase table gives one
SHARE_REPURCHASE per month row (`repurchases`), a table of debt issued one FINANCING per row
(`issuances`), a dividend row one DIVIDEND per figure
(`dividends`).

Without a trained linker (no `linker.skops` in the model) only text roles are filled.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.components.linker.appointees import appointees
from extractors.components.linker.awards import PER_PERSON, awards, paying_org, scope
from extractors.components.linker.candidates import DocView
from extractors.components.linker.dividends import dividend_events
from extractors.components.linker.forms import late_filing_roles, signature_blocks, signature_roles
from extractors.components.linker.issuances import issuance_events
from extractors.components.linker.listed import LISTED_AMOUNT, listed_events
from extractors.components.linker.model import ArgumentLinker
from extractors.components.linker.mentions import one_per_case
from extractors.components.linker.offices import listed_person, offices
from extractors.components.linker.repurchases import equity_repurchase_events, repurchase_events
from extractors.components.linker.results import decode_results, one_per_fact, with_values
from extractors.components.linker.tranches import tranches
from extractors.components.trigger_rules import stated
from extractors.contract import TRIGGERS_KEY, span_scores
from extractors.layout import in_signature_clause, is_safe_harbor, is_trading_plan
from extractors.normalise import doc_units, doc_year, value_at
from extractors.schema import ROLES, VALUED, has_core_roles, trigger_type, value_fits
from extractors.sections import section_at, sections

EXPECTED_CUE = re.compile(r"\b(expect\w*|anticipat\w*|outlook|guidance|forecast\w*|project(?:s|ed|ion)|"
                          r"will|estimate[sd]?|target\w*)\b", re.I)


def modality(doc: Doc, trigger: Span) -> str:
    """`expected` when the trigger's sentence states an expectation (guidance)."""
    sent = trigger.sent if doc.has_annotation("SENT_START") else doc[max(0, trigger.start - 15):trigger.end + 15]
    return "expected" if EXPECTED_CUE.search(sent.text) else "asserted"


# how much of the text after a trigger schema.trigger_type reads (FOLLOWED_BY: `purchased $487
# million (4 million shares) of its common stock` is a buy-back)
AFTER_TRIGGER = 80

# Types whose classifier triggers pass the rule triggers' check of what the cue states
# (trigger_rules.stated: a contingency or, for votes, an act of the board is no event).
CHECKED_STATEMENTS = frozenset({"SHAREHOLDER_VOTE", "COMPENSATION", "SHARE_REPURCHASE", "LEGAL_PROCEEDING"})


# Item 5.07 (Submission of Matters to a Vote of Security Holders) states votes: a vote
# verb there is a SHAREHOLDER_VOTE whatever type the classifier gave it (`elected` as
# EXECUTIVE_CHANGE, `approved` as COMPENSATION).
VOTE_WORDS = re.compile(r"elected|re-elected|approved|ratified|adopted|rejected|defeated|voted|not\s+approved", re.I)
VOTE_ITEM = "5.07"
# the holders' own approval (`our stockholders approved the 2020 Omnibus Incentive Plan`,
# `Abbott's shareholders authorized the 2017 Incentive Stock Program`): a vote
HOLDERS_APPROVE = re.compile(r"\b(?:stockholders|shareholders)\s+(?:have\s+|had\s+)?"
                             r"(?:approved|authorized|adopted|ratified)$", re.I)
# the types a classifier gives the holders' approval of a plan (`our shareholders approved the 2017
# Long-Term Incentive Plan` as a buy-back authorised too)
HOLDERS_VOTE_TYPES = frozenset({"COMPENSATION", "SHARE_REPURCHASE"})


def in_vote_item(secs: list[dict], offset: int) -> bool:
    """True where `offset` lies in the Item 5.07 section of the filing (`secs`: its
    sections, extractors.sections)."""
    section = section_at(secs, offset)
    return section is not None and VOTE_ITEM in section.get("items", [section["item"]])


def _states(text: str, trig: Span, sent: Span) -> bool:
    """Whether the trigger's cue states its event in its sentence (trigger_rules.stated)."""
    base = sent.start_char
    return stated(trig.label_, text[base:sent.end_char], trig.start_char - base, trig.end_char - base)


def event_record(doc: Doc, text: str, event_type: str, trigger: tuple[int, int], args, score: float,
                 ent_label: dict, year) -> dict:
    """An event as FORMATS.md writes it: `args` as (role, start, end, score), valued
    fillers with their value, the modality read at the trigger. Later stages that make
    events (sec_votes) build theirs with it too."""
    out_args = []
    for role, start, end, arg_score in sorted(args, key=lambda a: a[1]):
        arg = {"role": role, "start": start, "end": end, "text": text[start:end]}
        label = ent_label.get((start, end))
        if label in VALUED:
            arg["value"] = value_at(label, text, start, end, year, *doc_units(doc, text))
            if not value_fits(event_type, role, arg["value"]):
                continue  # a period is no dividend's record or payment date
        arg["score"] = arg_score
        out_args.append(arg)
    span = doc.char_span(*trigger, alignment_mode="expand")
    return {"type": event_type,
            "trigger": {"start": trigger[0], "end": trigger[1], "text": text[trigger[0]:trigger[1]]},
            "args": out_args, "modality": modality(doc, span) if span is not None else "asserted",
            "score": round(float(score), 4)}


class EventLinker:
    def __init__(self, nlp: Language, name: str = "sec_linker", min_trigger_score: float = 0.0,
                 results_decoding: str = "lexicon", require_core_roles: bool = True):
        self.name = name
        self.require_core_roles = require_core_roles
        self.min_trigger_score = min_trigger_score
        self.results_decoding = results_decoding
        self.linker: ArgumentLinker | None = None

    def __call__(self, doc: Doc) -> Doc:
        triggers = doc.spans[TRIGGERS_KEY] if TRIGGERS_KEY in doc.spans else []
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        view = DocView(doc, ents)
        text = view.text  # Doc.text rebuilds the string on every access: read it once
        ent_label = {(s, e): label for s, e, label in ents}
        year = doc_year(doc, text)
        events = []
        results = []
        secs = None  # the filing's item sections, read at the first vote word
        linked = set()  # (start, end, type) of the triggers linked so far
        has_sents = doc.has_annotation("SENT_START")
        for trig, score in zip(triggers, span_scores(triggers)):
            if trig.label_ not in ROLES or score < self.min_trigger_score:
                continue
            # `acquired` given as EXECUTIVE_CHANGE: ACQUISITION; `Repurchase Agreement`: none
            kind = trigger_type(trig.label_, text[trig.start_char:trig.end_char],
                                text[trig.end_char:trig.end_char + AFTER_TRIGGER])
            if kind is None:
                continue
            if kind != "SHAREHOLDER_VOTE" and VOTE_WORDS.fullmatch(text[trig.start_char:trig.end_char]):
                secs = sections(text) if secs is None else secs
                if in_vote_item(secs, trig.start_char):
                    if any(t.label_ == "SHAREHOLDER_VOTE" and t.start < trig.end and trig.start < t.end
                           for t in triggers):
                        continue  # Item 5.07 states votes: this word's vote is there already
                    kind = "SHAREHOLDER_VOTE"
            if kind in HOLDERS_VOTE_TYPES and HOLDERS_APPROVE.search(text, max(0, trig.start_char - 40), trig.end_char):
                kind = "SHAREHOLDER_VOTE"  # a plan the holders approved: their vote, not a pay decision or a buy-back
            if (trig.start, trig.end, kind) in linked:
                continue  # a rule's trigger on a classifier's retyped one: one event, not two alike
            linked.add((trig.start, trig.end, kind))
            if kind != trig.label_:
                trig = Span(doc, trig.start, trig.end, label=kind)
            sent = trig.sent if has_sents else None  # the trigger's sentence, read once
            if kind in CHECKED_STATEMENTS and not _states(text, trig, sent if sent is not None else doc[:]):
                continue  # the board approves; the holders vote (as for rule triggers)
            if sent is not None and (is_safe_harbor(said := text[sent.start_char:sent.end_char])
                                     or is_trading_plan(said, kind)):
                continue  # boilerplate holds no events (SCHEMA), nor do trading plans (GUIDELINES wide reading 4)
            if trig.label_ == "FINANCIAL_RESULT" and self.results_decoding != "off":
                results.append((trig.start_char, trig.end_char, score))
                continue
            if trig.label_ == "SIGNATURE":
                if not in_signature_clause(text, trig.start_char, trig.end_char):
                    continue
                blocks = signature_blocks(text, ents, (trig.start_char, trig.end_char))
                if blocks:  # several registrants: one event per signature block, one trigger
                    for block in blocks:
                        args = [(role, s, e, 0.5) for role, (s, e) in block.items()]
                        events.append(event_record(doc, text, "SIGNATURE", (trig.start_char, trig.end_char),
                                                   args, score, ent_label, year))
                    continue
            args = [(a["role"], a["start"], a["end"], a["score"]) for a in self.link(view, trig)]
            args += self._form_args(text, ents, trig, args)
            if trig.label_ == "EXECUTIVE_CHANGE" and not any(a[0] == "person" for a in args) \
                    and (person := listed_person(text, ents, (trig.start_char, trig.end_char))):
                args.append(("person", *person, 0.5))
            if trig.label_ == "COMPENSATION" and sent is not None and not any(a[0] == "org" for a in args) \
                    and (org := paying_org(text, ents, (trig.start_char, trig.end_char),
                                           (sent.start_char, sent.end_char))):
                args.append(("org", *org, 0.5))
            # several events on one trigger: offices of a career, people paid, debt tranches, people appointed,
            # amounts listed `respectively`
            each = None if sent is None else (
                self._career(text, ents, trig, sent, triggers, args) if trig.label_ == "EXECUTIVE_CHANGE"
                else self._awards(text, ents, trig, sent, triggers, args) if trig.label_ == "COMPENSATION"
                else self._tranches(text, ents, trig, sent, args) if trig.label_ == "FINANCING"
                else None)
            if not each and trig.label_ == "EXECUTIVE_CHANGE":
                each = self._appointees(text, ents, args)
            if not each and trig.label_ in LISTED_AMOUNT and sent is not None:
                each = listed_events(text, ents, trig.label_, (sent.start_char, sent.end_char), args)
            if each:
                events += [event_record(doc, text, trig.label_, (trig.start_char, trig.end_char), a, score,
                                        ent_label, year) for a in each]
                continue
            events.append(event_record(doc, text, trig.label_, (trig.start_char, trig.end_char), args, score,
                                       ent_label, year))
        if self.results_decoding != "off":
            for ev in decode_results(doc, results, self.results_decoding == "lexicon", year=year):
                args = [(role, s, e, 0.5) for role, (s, e) in ev["args"].items()]
                record = event_record(doc, text, "FINANCIAL_RESULT", ev["trigger"], args, ev["score"], ent_label, year)
                record["args"] = with_values(record["args"], ev.get("values"))  # a table's figures and periods
                events.append(record)
        # one SHARE_REPURCHASE per month row of a repurchase table (`Under Our Share Repurchase
        # Program` in it is none), one FINANCING per row of a table of debt issued (its
        # introducing verb is none of its own)
        events = self._table_events(doc, text, ent_label, year, events, "SHARE_REPURCHASE",
                                    repurchase_events(text, ents) + equity_repurchase_events(text, ents))
        events = self._table_events(doc, text, ent_label, year, events, "FINANCING", issuance_events(text, ents))
        events = self._dividend_tables(doc, text, ents, ent_label, year, events)
        if self.require_core_roles:
            events = [e for e in events if has_core_roles(e)]
        events.sort(key=lambda e: (e["trigger"]["start"], e["type"]))
        doc._.events = one_per_case(one_per_fact(events), text)
        return doc

    @staticmethod
    def _table_events(doc: Doc, text: str, ent_label: dict, year, events: list, event_type: str,
                      rows: list[dict]) -> list:
        """The events of a table's rows (`rows`: dicts with `trigger`, `args` role -> (start,
        end), and `table`, the span read) in place of the linker's own events of `event_type`
        whose trigger lies in a table read: its words give no other event of the type."""
        if not rows:
            return events
        tables = [ev["table"] for ev in rows]
        events = [e for e in events if e["type"] != event_type
                  or not any(a <= e["trigger"]["start"] < b for a, b in tables)]
        for ev in rows:
            args = [(role, s, e, 0.5) for role, (s, e) in ev["args"].items()]
            events.append(event_record(doc, text, event_type, ev["trigger"], args, 0.5, ent_label, year))
        return events

    @staticmethod
    def _dividend_tables(doc: Doc, text: str, ents: list, ent_label: dict, year, events: list) -> list:
        """`events` with one DIVIDEND per figure of a table's dividend row (dividends.py), where
        no event of the text already has the figure as its amount; a DIVIDEND triggered inside
        such a row's label (`declared` in `Dividends declared per share`) gives way to the row's."""
        rows = dividend_events(text, ents)
        if not rows:
            return events
        labels = {ev["trigger"] for ev in rows}
        events = [e for e in events if e["type"] != "DIVIDEND"
                  or not any(a <= e["trigger"]["start"] < b for a, b in labels)]
        amounts = {(a["start"], a["end"]) for e in events for a in e["args"] if a["role"] == "amount"}
        return events + [event_record(doc, text, "DIVIDEND", ev["trigger"], [("amount", *ev["args"]["amount"], 0.5)],
                                      0.5, ent_label, year)
                         for ev in rows if ev["args"]["amount"] not in amounts]

    @staticmethod
    def _career(text: str, ents: list, trig: Span, sent: Span, triggers, args: list) -> list[list]:
        """A career verb stating several offices (offices.py): the arguments of one event per
        office, each with the linked person and change; none where it states one. The
        sentence is read up to the next officer-change trigger (`and in 2021 she was
        promoted to ...` is that trigger's event)."""
        end = min([t.start_char for t in triggers if t.label_ == "EXECUTIVE_CHANGE" and t.start > trig.start]
                  + [sent.end_char])
        found = offices(text, ents, (trig.start_char, trig.end_char), (sent.start_char, end))
        keep = [a for a in args if a[0] in ("person", "change")]
        return [keep + [(role, s, e, 0.5) for role, (s, e) in office.items()] for office in found]

    @staticmethod
    def _awards(text: str, ents: list, trig: Span, sent: Span, triggers, args: list) -> list[list]:
        """A pay decision naming several people (awards.py): the arguments of one event per
        person, each with the decision's own date, plan and org; none where it names one."""
        others = [(t.start_char, t.end_char) for t in triggers if t.end <= trig.start or trig.end <= t.start]
        found = awards(text, ents, scope(text, (sent.start_char, sent.end_char), (trig.start_char, trig.end_char), others))
        keep = [a for a in args if a[0] not in PER_PERSON]
        return [keep + [(role, s, e, 0.5) for role, (s, e) in award.items()] for award in found]

    @staticmethod
    def _appointees(text: str, ents: list, args: list) -> list[list]:
        """People listed with the linked person (appointees.py): the arguments of one event per
        person, each with the change's role, date and org; none where the person stands alone."""
        person = next(((a[1], a[2]) for a in args if a[0] == "person"), None)
        listed = appointees(text, ents, person) if person else []
        keep = [a for a in args if a[0] != "person"]
        return [keep + [("person", s, e, 0.5)] for s, e in listed]

    @staticmethod
    def _tranches(text: str, ents: list, trig: Span, sent: Span, args: list) -> list[list]:
        """A financing verb naming several tranches (tranches.py): the arguments of one event per
        tranche, each with its own amount and the statement's borrower, lender and date; none
        where it names one."""
        found = tranches(text, ents, (trig.start_char, trig.end_char), (sent.start_char, sent.end_char))
        keep = [a for a in args if a[0] != "amount"]
        return [keep + [(role, s, e, 0.5) for role, (s, e) in tranche.items()] for tranche in found]

    @staticmethod
    def _form_args(text: str, ents: list, trig: Span, args: list) -> list:
        """Roles the form's layout states (forms.py), where the linker left them empty."""
        if trig.label_ == "SIGNATURE":
            found = signature_roles(text, ents, (trig.start_char, trig.end_char))
        elif trig.label_ == "LATE_FILING":
            found = late_filing_roles(text, ents)
        else:
            return []
        filled = {a[0] for a in args}
        used = {(a[1], a[2]) for a in args}
        return [(role, s, e, 0.5) for role, (s, e) in found.items() if role not in filled and (s, e) not in used]

    def link(self, view: DocView, trig: Span) -> list[dict]:
        if self.linker is None:
            return ArgumentLinker.with_text_roles(view, trig.label_, trig.start_char, trig.end_char, [])
        return self.linker.link(view, trig.label_, trig.start_char, trig.end_char)

    def initialize(self, get_examples=None, *, nlp=None, weights: str | None = None) -> None:
        """Read fitted weights (`linker.skops`) from `weights`: the linker's own folder or
        a model folder holding it (`sec_linker/`); none: text roles only."""
        if weights:
            folder = Path(weights)
            if not (folder / "linker.skops").exists():
                folder = folder / self.name
            if not (folder / "linker.skops").exists():
                raise FileNotFoundError(f"sec_linker: no linker.skops in {weights} or its {self.name}/ folder")
            self.linker = ArgumentLinker.load(folder)

    # serialisation: skops + JSON in the component's folder
    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.linker is not None:
            self.linker.save(path)

    def from_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        if (path / "linker.skops").exists():
            self.linker = ArgumentLinker.load(path)
        return self


@Language.factory("sec_linker", default_config={"min_trigger_score": 0.0, "results_decoding": "lexicon",
                                                "require_core_roles": True})
def make_linker(nlp: Language, name: str, min_trigger_score: float, results_decoding: str,
                require_core_roles: bool) -> EventLinker:
    """results_decoding: "lexicon" (classifier and lexicon metric phrases), "classifier"
    (lexicon phrases only beside a classifier trigger) or "off" (one event per trigger).
    require_core_roles: drop events of the types in schema.CORE_ROLES that fill none."""
    return EventLinker(nlp, name, min_trigger_score, results_decoding, require_core_roles)
