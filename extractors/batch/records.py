"""Records: turn a processed spaCy Doc into FORMATS.md extraction output.

This is the last stage of the pipeline: entity spans get their normalised `value`
(SCHEMA section 3) and a `score`; event records come from the linker, which stores
them on ``doc._.events`` as FORMATS.md dicts (empty until a linker runs).

`finish_record` gives a document's output record its document-level fields, in this
order: ``id``, ``sha256``, ``meta`` (the input document's metadata, `record_meta`),
``spans``, ``events``, ``error``, ``component_errors`` when a component caught an
error on the document (`COMPONENT_ERRORS`) and, when the document declares 8-K items,
``unmatched_items``. Further document-level fields belong there too.
"""
from __future__ import annotations

import json

from spacy.tokens import Doc, Span

from extractors.contract import ERRORS_KEY, doc_text, span_score
from extractors.items import body_types, unmatched_items
from extractors.normalise import doc_units, doc_year, value_at
from extractors.sections import sections
from extractors.schema import VALUED

COMPONENT_ERRORS = "component_errors"
"""Record key: the errors components caught and survived on the document (`contract.ERRORS_KEY`,
"<component>: <error>"); present only when there were some. Such a record is partial: the
component that failed added none of its tags to the document (or to its window)."""


def span_record(span: Span, year: int | None, text: str) -> dict:
    """`text` is the document's text (read once per document: Doc.text rebuilds it)."""
    record = {"start": span.start_char, "end": span.end_char, "label": span.label_,
              "text": text[span.start_char:span.end_char]}
    if span.label_ in VALUED:
        record["value"] = value_at(span.label_, text, span.start_char, span.end_char, year,
                                   *doc_units(span.doc, text))
    record["score"] = span_score(span)
    return record


def add_unmatched_items(record: dict, items: tuple[str, ...] | list[str] = (), filed: str | None = None,
                        text: str | None = None, secs: list[dict] | None = None) -> dict:
    """When the document declares 8-K `items` (filed on `filed`), `unmatched_items`
    lists those with no event of a type the item maps to (extractors.items) in the
    8-K body (SCHEMA section 4: up to the signature block, `sections.body_end` of the
    document's `text` and its `secs` when given; the whole document when no text is given)."""
    if items:
        events = record["events"]
        types = body_types(text, events, secs) if text is not None else {e["type"] for e in events}
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
    if doc.user_data.get(ERRORS_KEY):
        record[COMPONENT_ERRORS] = list(doc.user_data[ERRORS_KEY])
    return add_unmatched_items(record, items, filed, text)


def error_record(doc_id: str, reason: str) -> dict:
    """The line a document that could not be processed still gets (FORMATS.md)."""
    return {"id": doc_id, "spans": [], "events": [], "error": reason}


def record_meta(meta) -> dict:
    """The input document's `meta` as an output record carries it: every key whose value
    can be written as UTF-8 JSON, as given (company, cik, form, filed, items, source,
    url... whatever the document has), less null values. Metadata that is not a dict,
    or a value nested too deeply, holding lone surrogates or non-finite numbers, is
    left out rather than failing the record."""
    if not isinstance(meta, dict):
        return {}
    out = {}
    for key, value in meta.items():
        if not isinstance(key, str) or value is None:
            continue
        try:
            json.dumps({key: value}, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (ValueError, TypeError, RecursionError):  # UnicodeEncodeError is a ValueError
            continue
        out[key] = value
    return out


def finish_record(record: dict, *, sha256: str | None = None, meta=None,
                  items: tuple[str, ...] | list[str] = (), filed: str | None = None,
                  text: str | None = None) -> dict:
    """A document's output record from its extraction (or error) record: ``id``,
    ``sha256`` of its text, ``meta`` (`record_meta` of the input document's meta),
    ``spans``, ``events``, ``error``, ``component_errors`` when the extraction record has
    them, and ``unmatched_items`` when it declares 8-K
    `items` (`add_unmatched_items`; not for an error record). `text` is the document's
    text (None for an error record)."""
    out = {"id": record["id"], "sha256": sha256, "meta": record_meta(meta),
           "spans": record["spans"], "events": record["events"], "error": record["error"]}
    if record.get(COMPONENT_ERRORS):
        out[COMPONENT_ERRORS] = record[COMPONENT_ERRORS]
    secs = sections(text) if text is not None else []  # 8-K items, signature, exhibits: read once
    if out["error"] is None:
        add_unmatched_items(out, items, filed, text, secs)
    out["sections"] = secs
    return out
