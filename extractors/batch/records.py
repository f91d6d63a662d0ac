"""Records: turn a processed spaCy Doc into FORMATS.md extraction output.

This is the last stage of the pipeline: entity spans get their normalised `value`
(SCHEMA section 3) and a `score`; event records come from the linker, which stores
them on ``doc._.events`` as FORMATS.md dicts (empty until a linker runs).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.contract import doc_text, span_score
from extractors.items import body_types, unmatched_items
from extractors.normalise import doc_year, span_value
from extractors.schema import VALUED


def span_record(span: Span, year: int | None, text: str) -> dict:
    """`text` is the document's text (read once per document: Doc.text rebuilds it)."""
    record = {"start": span.start_char, "end": span.end_char, "label": span.label_,
              "text": text[span.start_char:span.end_char]}
    if span.label_ in VALUED:
        record["value"] = span_value(span.label_, span.text, text[max(0, span.start_char - 1):span.start_char],
                                     text[span.end_char:span.end_char + 2], year)
    record["score"] = span_score(span)
    return record


def add_unmatched_items(record: dict, items: tuple[str, ...] | list[str] = (), filed: str | None = None,
                        text: str | None = None) -> dict:
    """When the document declares 8-K `items` (filed on `filed`), `unmatched_items`
    lists those with no event of a type the item maps to (extractors.items) in the
    8-K body (SCHEMA section 4: up to the signature block, `layout.body_end` of the
    document's `text`; the whole document when no text is given)."""
    if items:
        events = record["events"]
        types = body_types(text, events) if text is not None else {e["type"] for e in events}
        record["unmatched_items"] = unmatched_items(list(items), types, filed)
    return record


def doc_to_record(doc: Doc, doc_id: str, items: tuple[str, ...] | list[str] = (),
                  filed: str | None = None) -> dict:
    """FORMATS.md extraction output for one document (see `add_unmatched_items` for
    what declared `items` add)."""
    text = doc_text(doc)
    year = doc_year(doc, text)
    record = {
        "id": doc_id,
        "spans": [span_record(ent, year, text) for ent in doc.ents],
        "events": list(doc._.events or []),
        "error": None,
    }
    return add_unmatched_items(record, items, filed, text)


def error_record(doc_id: str, reason: str) -> dict:
    """The line a document that could not be processed still gets (FORMATS.md)."""
    return {"id": doc_id, "spans": [], "events": [], "error": reason}
