"""What a Doc carries between the pipeline's components: the one place that names it.

Every component reads and writes a Doc only through the names below; the data flow
is read -> Doc -> rules -> span classifier -> merge -> aliases -> rule triggers ->
linker -> records.

Span groups (`doc.spans[...]`):

| key | written by | holds |
|---|---|---|
| `RULES_KEY` ("rules") | `sec_rules` | entity candidates of the rules (may overlap); `attrs["scores"]`, `attrs["sources"]` |
| `CANDIDATES_KEY` ("candidates") | `span_finder` | unlabelled entity candidates for the span classifier |
| `MODEL_KEY` ("sc") | `spancat` | the span classifier's entity spans; `attrs["scores"]` |
| `TRIGGERS_KEY` ("triggers") | `triggers`, `sec_trigger_rules` | event triggers labelled by type; `attrs["scores"]` |

`doc.ents` is set once, by `sec_merge` (and extended by `sec_aliases`).

Extensions: `Span._.score` (a span's confidence), `Span._.source` (the rule that
found it), `Doc._.events` (FORMATS.md event records, set by `sec_linker`). Read-only
views for users: `Span._.value` (the SCHEMA section 3 value of an entity span, as the
output records it; None for labels without values and for triggers) and
`Doc._.event_objects` (`doc._.events` as `extractors.events.Event` objects with Spans).

`doc.user_data`: `TEXT_KEY` (the Doc's text, read once: `doc_text`),
`CONTEXT_KEY` (the `FilingContext` of the filing a Doc is part of: `attach_context`,
`filing_context`), `ERRORS_KEY` (errors a component caught and survived, each
"<component>: <error>": a rule function that raised, odd text the sentencizer could
not split).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

RULES_KEY = "rules"
CANDIDATES_KEY = "candidates"
MODEL_KEY = "sc"
TRIGGERS_KEY = "triggers"

TEXT_KEY = "sec_events.text"
CONTEXT_KEY = "sec_events.context"
ERRORS_KEY = "sec_events.errors"

for _attr in ("score", "source"):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)
if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


@lru_cache(maxsize=8)
def _text_year(text: str) -> int | None:
    """`normalise.document_year`, read once per text (a Doc's text is one str object,
    its hash cached: a hit costs an identity check)."""
    from extractors.normalise import document_year

    return document_year(text)


def _span_value(span: Span):
    """`Span._.value`: what `records.span_record` writes as the span's `value` (same
    function, same context: the characters around the span, the filing's year and unit)."""
    from extractors.normalise import doc_units, value_at
    from extractors.schema import VALUED

    label = span.label_
    if label not in VALUED:
        return None
    doc = span.doc
    text = doc_text(doc)
    start, end = span.start_char, span.end_char
    year = filing_context(doc).year
    if year is None:
        year = _text_year(text)
    return value_at(label, text, start, end, year, *doc_units(doc, text))


def _event_objects(doc: Doc) -> list:
    from extractors.events import events

    return events(doc)


if not Span.has_extension("value"):
    Span.set_extension("value", getter=_span_value)
if not Doc.has_extension("event_objects"):
    Doc.set_extension("event_objects", getter=_event_objects)


@dataclass(frozen=True)
class FilingContext:
    """What a part of a filing (a window of a long filing, a gold excerpt) needs to
    know of the whole: the company names found in it or in its metadata (`names`:
    `meta.company`, a gold excerpt's `meta.context_names`, names with a legal suffix in
    the whole text), the acronyms it defines for things that are no company
    (`not_names`: `names.defined_non_names` of the whole filing, with a gold excerpt's
    `meta.context_not_names`; None where nobody read the filing for them, and `sec_aliases`
    reads the Doc itself), the year its dates without a year are read in (`year`, set
    only where the filing is cut into windows), and the unit the filing states for its
    amounts of money (`money_unit`: `normalise.money_unit_of` of the whole filing, with a
    gold excerpt's `meta.context_money_unit`; None: read the Doc itself) and the one its
    table captions state (`table_unit`: `normalise.table_unit_of`, `meta.context_table_unit`)."""

    names: tuple[str, ...] = ()
    year: int | None = None
    not_names: tuple[str, ...] | None = None
    money_unit: float | None = None
    table_unit: float | None = None


def attach_context(doc: Doc, context: FilingContext | None) -> Doc:
    """Give `doc` the context of its filing (nothing to attach: left as it is)."""
    if context is not None and (context.names or context.not_names is not None or context.year is not None
                                or context.money_unit is not None or context.table_unit is not None):
        doc.user_data[CONTEXT_KEY] = context
    return doc


def filing_context(doc: Doc) -> FilingContext:
    return doc.user_data.get(CONTEXT_KEY) or FilingContext()


def remember_text(doc: Doc, text: str) -> Doc:
    """Store `text` (which must be the Doc's own text) as its cached text.

    `Doc.text` joins the text of every token, creating a `Token` object for each: on a
    60k-character window that costs tens of milliseconds, and the record writer, the
    linker and the batch driver each need the text. Tokenisation and retokenisation
    never change a Doc's text, so the stored copy stays valid."""
    doc.user_data[TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _score(value) -> float:
    """A score as spancat stores it (a row of label probabilities: its maximum) or a number."""
    return float(value.max()) if getattr(value, "ndim", 0) else float(value)


def span_scores(group, default: float = 1.0) -> list[float]:
    """The confidence of each span of a span group (or list of spans), in order: the
    group's `attrs["scores"]` where it has one for the span, else the span's
    `_.score`, else `default` (rules)."""
    scores = group.attrs.get("scores") if hasattr(group, "attrs") else None
    out = []
    for i, span in enumerate(group):
        if scores is not None and len(scores) > i:
            out.append(_score(scores[i]))
        elif span._.score is not None:
            out.append(float(span._.score))
        else:
            out.append(default)
    return out


def span_score(span: Span) -> float:
    """An entity's confidence as the output records it: its `_.score`, else 1.0 (rules)."""
    return round(float(span._.score), 4) if span._.score is not None else 1.0
