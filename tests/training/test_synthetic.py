"""The synthetic passages: the sheets in corpus/synthetic/sheets are the source, and the
records training reads are exactly their compilation, every value and role valid."""
import json

import pytest

from training.synthetic import BadSheet, compile_all, load_synthetic


def test_the_records_are_the_sheets_compiled(shared):
    records = load_synthetic()
    assert compile_all(shared=shared) == records
    assert len(records) >= 20 and all(r["events"] for r in records)


def _sheet(tmp_path, **fields):
    sheet = {"id": "synth/t-01", "text": "Kestrel Holdings, Inc. appointed Ana Ruiz as Chief Financial Officer on "
             "May 4, 2017.", "ents": [["ORG", "Kestrel Holdings, Inc.", 1], ["PERSON", "Ana Ruiz", 1],
                                     ["ROLE", "Chief Financial Officer", 1], ["DATE", "May 4, 2017", 1, "2017-05-04"]],
             "events": [{"type": "EXECUTIVE_CHANGE", "trigger": ["appointed", 1],
                         "args": [["person", "Ana Ruiz", 1], ["date", "May 4, 2017", 1]]}], **fields}
    (tmp_path / "t.json").write_text(json.dumps(sheet), encoding="utf-8")
    return tmp_path


def test_a_sheet_compiles_with_offsets_and_hash(tmp_path, shared):
    (record,) = compile_all(_sheet(tmp_path), shared)
    text = record["text"]
    assert [text[s["start"]:s["end"]] for s in record["spans"]][:1] == ["Kestrel Holdings, Inc."]
    assert record["meta"]["synthetic"] is True and len(record["sha256"]) == 64


@pytest.mark.parametrize("fields, message", [
    ({"events": [{"type": "EXECUTIVE_CHANGE", "trigger": ["appointed", 1], "args": [["buyer", "Ana Ruiz", 1]]}]},
     "unknown role buyer"),
    ({"events": [{"type": "HIRING", "trigger": ["appointed", 1], "args": []}]}, "unknown event type HIRING"),
    ({"ents": [["PERSON", "Ana Ruis", 1]]}, "not found"),
])
def test_a_bad_sheet_is_refused_with_its_reason(tmp_path, shared, fields, message):
    with pytest.raises(BadSheet, match=message):
        compile_all(_sheet(tmp_path, **fields), shared)
