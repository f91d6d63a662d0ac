"""`sec_linker`: turns event triggers and entities into FORMATS.md event records.

Reads triggers from `doc.spans["triggers"]` (labelled by event type, scores in the
group's attrs) and entities from `doc.ents`; writes `doc._.events`, a list of
FORMATS.md event dicts (type, trigger, args with text and value, modality, score).

Form-level structure:
- SIGNATURE: candidates are looked for in the block after the signature clause
  (`By:`, `/s/`, `Name:`, `Title:`, `Date:` lines carry line-prefix features).
- LATE_FILING: a 12b-25 notice's cover fields lie anywhere on the form, so its
  candidates span the whole document; `form` is the checked box's form.
- Generic filer phrases (`the Company`) are candidates for ORG roles (SCHEMA).

Without a trained linker (no `linker.skops` in the model) only text roles are filled.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.linker.candidates import DocView
from extractors.linker.model import ArgumentLinker
from extractors.linker.schema import ROLES
from extractors.normalise import VALUED, document_year, normalise

TRIGGERS_KEY = "triggers"
EXPECTED_CUE = re.compile(r"\b(expect\w*|anticipat\w*|outlook|guidance|forecast\w*|project(?:s|ed|ion)|"
                          r"will|estimate[sd]?|target\w*)\b", re.I)

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


def _trigger_scores(group) -> list[float]:
    scores = group.attrs.get("scores")
    out = []
    for i in range(len(group)):
        if scores is not None and len(scores) > i:
            row = scores[i]
            out.append(float(row.max()) if getattr(row, "ndim", 0) else float(row))
        else:
            out.append(1.0)
    return out


def modality(doc: Doc, trigger: Span) -> str:
    """`expected` when the trigger's sentence states an expectation (guidance)."""
    sent = trigger.sent if doc.has_annotation("SENT_START") else doc[max(0, trigger.start - 15):trigger.end + 15]
    return "expected" if EXPECTED_CUE.search(sent.text) else "asserted"


class EventLinker:
    def __init__(self, nlp: Language, name: str = "sec_linker", min_trigger_score: float = 0.0):
        self.name = name
        self.min_trigger_score = min_trigger_score
        self.linker: ArgumentLinker | None = None

    def __call__(self, doc: Doc) -> Doc:
        triggers = doc.spans[TRIGGERS_KEY] if TRIGGERS_KEY in doc.spans else []
        if not len(triggers):
            doc._.events = []
            return doc
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        view = DocView(doc, ents)
        ent_label = {(s, e): label for s, e, label in ents}
        year = document_year(doc.text)
        events = []
        for trig, score in zip(triggers, _trigger_scores(triggers)):
            if trig.label_ not in ROLES or score < self.min_trigger_score:
                continue
            args = self.link(view, trig)
            out_args = []
            for a in args:
                arg = {"role": a["role"], "start": a["start"], "end": a["end"],
                       "text": doc.text[a["start"]:a["end"]]}
                label = ent_label.get((a["start"], a["end"]))
                if label in VALUED:
                    arg["value"] = normalise(label, arg["text"], year)
                arg["score"] = a["score"]
                out_args.append(arg)
            events.append({"type": trig.label_,
                           "trigger": {"start": trig.start_char, "end": trig.end_char, "text": trig.text},
                           "args": out_args, "modality": modality(doc, trig), "score": round(score, 4)})
        doc._.events = events
        return doc

    def link(self, view: DocView, trig: Span) -> list[dict]:
        if self.linker is None:
            return ArgumentLinker.with_text_roles(view, trig.label_, trig.start_char, trig.end_char, [])
        return self.linker.link(view, trig.label_, trig.start_char, trig.end_char)

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


@Language.factory("sec_linker", default_config={"min_trigger_score": 0.0})
def make_linker(nlp: Language, name: str, min_trigger_score: float) -> EventLinker:
    return EventLinker(nlp, name, min_trigger_score)
