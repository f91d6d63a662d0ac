"""Long documents in windows (extractors.batch.windows): the cuts, and the joined records of
the real pipeline against the same document run whole."""
from __future__ import annotations

import json

import pytest
import spacy

from extractors.batch.extract import document_task, process_batch
from extractors.batch.windows import join_records, window_bounds
from sec_events.paths import shared_dir

PARAGRAPH = ("On March 3, 2009, Quillfeather Robotics, Inc. reported revenues of $12.5 million for the "
             "quarter ended February 28, 2009, an increase of 14% over the prior year.\n\n")
NO_YEAR = "The board met again on June 4 and approved a dividend of $0.10 per share.\n\n"
SIGNATURE = ("Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly "
             "caused this report to be signed on its behalf by the undersigned hereunto duly authorized.\n\n"
             "Quillfeather Robotics, Inc.\n\nBy: /s/ Maren Ostrander\nMaren Ostrander\nChief Financial Officer\n\n")


def test_windows_cover_the_text_and_cut_at_paragraph_breaks():
    text = PARAGRAPH * 60
    bounds = window_bounds(text, 2000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))  # no gap, no overlap
    assert all(0 < end - start <= 2000 for start, end in bounds)
    assert all(text[:end].endswith("\n\n") for _, end in bounds[:-1])
    assert window_bounds("short text", 2000) == [(0, 10)]
    with pytest.raises(ValueError):
        window_bounds(text, 0)


def test_a_cut_never_separates_a_signature_clause_from_its_block():
    text = PARAGRAPH * 8 + SIGNATURE + PARAGRAPH * 8
    clause_end = text.index("authorized.") + len("authorized.")
    block_end = text.index("Chief Financial Officer") + len("Chief Financial Officer")
    for size in range(len(PARAGRAPH) * 6, len(PARAGRAPH) * 12, 37):
        for start, end in window_bounds(text, size):
            assert not (clause_end <= end < block_end) or not (start < clause_end), size


def test_text_without_breaks_is_cut_at_white_space():
    text = " ".join(["word"] * 3000)
    bounds = window_bounds(text, 1000)
    assert all(text[end - 1] == " " for _, end in bounds[:-1])


def test_join_records_shifts_every_offset():
    first = {"id": "d", "spans": [{"start": 0, "end": 4, "label": "ORG"}], "events": [], "error": None}
    second = {"id": "d", "spans": [{"start": 2, "end": 5, "label": "DATE"}],
              "events": [{"type": "DIVIDEND", "trigger": {"start": 10, "end": 18, "text": "declared"},
                          "args": [{"role": "payment_date", "start": 2, "end": 5}]}], "error": None}
    joined = join_records("d", [(0, first), (100, second)])
    assert [(s["start"], s["end"]) for s in joined["spans"]] == [(0, 4), (102, 105)]
    event = joined["events"][0]
    assert (event["trigger"]["start"], event["trigger"]["end"]) == (110, 118)
    assert (event["args"][0]["start"], event["args"][0]["end"]) == (102, 105)


@pytest.fixture(scope="module")
def nlp(shipped_nlp):
    return shipped_nlp


def test_windowed_record_matches_the_whole_document(nlp):
    """Own text, run whole and in windows of ~600 characters: the same amounts,
    percentages and dates at the same offsets, and the yearless date of a later window
    read in the document's year."""
    text = PARAGRAPH * 12 + NO_YEAR + PARAGRAPH * 6 + SIGNATURE
    task = document_task({"id": "own", "text": text})
    whole = process_batch(nlp, [task], window_chars=10 ** 6)[0][0]
    windowed = process_batch(nlp, [task], window_chars=600)[0][0]
    assert len(window_bounds(text, 600)) > 5
    for rec in (whole, windowed):
        assert rec["error"] is None
        for span in rec["spans"]:
            assert text[span["start"]:span["end"]] == span["text"]
        for ev in rec["events"]:
            assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
            assert all(text[a["start"]:a["end"]] == a["text"] for a in ev["args"])

    def valued(rec):
        return [(s["start"], s["end"], s["label"], json.dumps(s["value"], sort_keys=True))
                for s in rec["spans"] if s["label"] in ("MONEY", "PERCENT", "DATE")]

    assert valued(windowed) == valued(whole)
    june = text.index("June 4")
    [date] = [s for s in windowed["spans"] if s["start"] == june]
    assert date["value"] == "2009-06-04"
    signatures = [e for e in windowed["events"] if e["type"] == "SIGNATURE"]
    assert signatures and {a["role"] for a in signatures[0]["args"]} >= {"signer"}


@pytest.mark.slow
def test_longest_lee8k_filing_in_windows(nlp):
    """The longest lee8k filing (580k characters) in 60k-character windows against
    the same filing run whole: offsets point into the document's own text, events
    keep their order, and the amounts, dates and events agree."""
    with open(shared_dir() / "corpus" / "lee8k.jsonl", encoding="utf-8") as fh:
        doc = max((json.loads(line) for line in fh), key=lambda d: len(d["text"]))
    record = process_batch(nlp, [document_task(doc)])[0][0]
    whole = process_batch(nlp, [document_task(doc)], window_chars=10 ** 7)[0][0]
    text = doc["text"]
    assert record["error"] is None and len(record["spans"]) > 300
    assert all(text[s["start"]:s["end"]] == s["text"] for s in record["spans"])
    starts = [e["trigger"]["start"] for e in record["events"]]
    assert starts == sorted(starts)

    def keys(rec, labels):
        return {(s["start"], s["end"], s["label"]) for s in rec["spans"] if s["label"] in labels}

    values = ("MONEY", "PERCENT", "DATE", "SHARES")
    assert len(keys(record, values) ^ keys(whole, values)) <= 0.02 * len(keys(whole, values))
    events = {(e["type"], e["trigger"]["start"]) for e in record["events"]}
    whole_events = {(e["type"], e["trigger"]["start"]) for e in whole["events"]}
    assert len(events & whole_events) >= 0.9 * len(whole_events)


def test_window_docs_carry_their_own_text():
    """The batch driver stores each window's text with its Doc (read by the linker and
    the record writer without rebuilding it from tokens): it must be the Doc's text."""
    from extractors.contract import doc_text
    from extractors.batch.extract import task_windows

    nlp = spacy.blank("en")
    text = "\n\n".join(f"Paragraph {i}: revenue rose to ${i}.5 million  in 2011." for i in range(300))
    units = task_windows(nlp, document_task({"id": "t", "text": text}), 2_000)
    assert len(units) > 5
    for offset, doc in units:
        assert doc_text(doc) == doc.text == text[offset:offset + len(doc.text)]
