"""Event records as objects: `Event` and `Argument`, read from the FORMATS.md dicts.

The linker stores its events on ``doc._.events`` as FORMATS.md dicts (that stays the
contract between components and the form the output writes). For Python users the
same events are available as small frozen dataclasses:

    events(doc)             # or doc._.event_objects: Events whose trigger and arguments are Spans of doc
    events(record)          # an extraction record (sec_events.extract): Events without Spans
    event.to_dict()         # exactly the dict it was read from (keys in the same order)

An `Event` has its `type`, its `trigger` (a `Span` labelled with the event type, or None
when read from a record), the trigger's character offsets and text, `arguments`,
`modality` and `score`. An `Argument` has its `role`, `text`, offsets, `value` (the
normalised value of an entity of a valued label; `has_value` says whether the record
holds one, since a value that cannot be read is None but still written), `score` and
`span`: the entity of ``doc.ents`` it fills (with `label_`, `_.score`, `_.value`),
else the tokens it covers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from spacy.tokens import Doc, Span

_ARG_KEYS = ("role", "start", "end", "text", "value", "score")
_EVENT_KEYS = ("type", "trigger", "args", "modality", "score")


@dataclass(frozen=True)
class Argument:
    role: str
    text: str
    start: int
    end: int
    value: Any = None
    score: float | None = None
    span: Span | None = field(default=None, compare=False, repr=False)
    has_value: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, arg: Mapping[str, Any], span: Span | None = None) -> "Argument":
        return cls(role=arg["role"], text=arg["text"], start=arg["start"], end=arg["end"],
                   value=arg.get("value"), score=arg.get("score"), span=span,
                   has_value="value" in arg,
                   extra={k: v for k, v in arg.items() if k not in _ARG_KEYS})

    def to_dict(self) -> dict:
        """The FORMATS.md argument dict (`value` only where the record has one)."""
        out = {"role": self.role, "start": self.start, "end": self.end, "text": self.text}
        if self.has_value:
            out["value"] = self.value
        if self.score is not None:
            out["score"] = self.score
        out.update(self.extra)
        return out


@dataclass(frozen=True)
class Event:
    type: str
    trigger_start: int
    trigger_end: int
    trigger_text: str
    trigger: Span | None = field(default=None, compare=False)
    arguments: tuple[Argument, ...] = ()
    modality: str | None = None
    score: float | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self):  # a list given for arguments is kept as a tuple (the Event is frozen)
        object.__setattr__(self, "arguments", tuple(self.arguments))

    def role(self, name: str) -> list[Argument]:
        """The arguments filling role `name` (a role may be filled more than once)."""
        return [a for a in self.arguments if a.role == name]

    @classmethod
    def from_dict(cls, event: Mapping[str, Any], doc: Doc | None = None,
                  _ents: dict | None = None) -> "Event":
        """An Event from a FORMATS.md event dict; with the `doc` it was found in, the
        trigger and arguments are Spans of it (an argument's Span is the entity of
        `doc.ents` it fills, else the tokens its offsets cover)."""
        trig = event["trigger"]
        trigger = None
        if doc is not None:
            trigger = doc.char_span(trig["start"], trig["end"], label=event["type"], alignment_mode="expand")
            if _ents is None:
                _ents = {(e.start_char, e.end_char): e for e in doc.ents}

        def span_of(arg) -> Span | None:
            if doc is None:
                return None
            return _ents.get((arg["start"], arg["end"])) or \
                doc.char_span(arg["start"], arg["end"], alignment_mode="expand")

        args = [Argument.from_dict(a, span_of(a)) for a in event.get("args", ())]
        trig_extra = {k: v for k, v in trig.items() if k not in ("start", "end", "text")}
        extra = {k: v for k, v in event.items() if k not in _EVENT_KEYS}
        if trig_extra:
            extra["trigger"] = trig_extra
        return cls(type=event["type"], trigger=trigger, trigger_start=trig["start"], trigger_end=trig["end"],
                   trigger_text=trig.get("text", ""), arguments=args, modality=event.get("modality"),
                   score=event.get("score"), extra=extra)

    def to_dict(self) -> dict:
        """The FORMATS.md event dict, as `doc._.events` and the output records hold it."""
        extra = dict(self.extra)
        trigger = {"start": self.trigger_start, "end": self.trigger_end, "text": self.trigger_text,
                   **extra.pop("trigger", {})}
        out = {"type": self.type, "trigger": trigger, "args": [a.to_dict() for a in self.arguments]}
        if self.modality is not None:
            out["modality"] = self.modality
        if self.score is not None:
            out["score"] = self.score
        out.update(extra)
        return out


def events(source: Doc | Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> list[Event]:
    """The events of a processed Doc (`doc._.events`, with Spans of the Doc), of an
    extraction record (its `events`), or of a list of event dicts, as `Event`s."""
    if isinstance(source, Doc):
        ents = {(e.start_char, e.end_char): e for e in source.ents}
        return [Event.from_dict(e, source, ents) for e in source._.events or []]
    if isinstance(source, Mapping):
        source = source.get("events") or []
    return [Event.from_dict(e) for e in source]
