"""The Python API (sec_events.api, extractors.events, Span._.value): the records of
`sec-events extract`, spans with values and events as objects, on the shipped model."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import sec_events
from extractors.batch.windows import WINDOW_CHARS
from extractors.contract import MODEL_KEY, TRIGGERS_KEY
from extractors.events import Argument, Event, events
from extractors.normalise import span_value
from extractors.schema import VALUED
from sec_events.cli import app

EDGAR = ["0000887919-21-000012.html",   # single HTML document
         "0000943374-24-000509.txt",    # SGML submission: an 8-K with declared items
         "0001213900-25-032135.txt"]    # SGML submission: 8-K + EX-99.1
LEE8K_LINES = (0, 1, 24)                # line 24: 66k characters, runs in two windows

TEXT = ("On March 3, 2004, Acme Widgets Corp. announced that its Board of Directors declared a "
        "quarterly cash dividend of $0.25 per share, payable on April 1, 2004. The company also "
        "agreed to acquire Beta Tools, Inc. for $12.5 million in cash.\n")


@pytest.fixture(scope="module")
def extractor():
    return sec_events.load()


def _json(records) -> list[dict]:
    """Records as the CLI's JSONL holds them (one JSON round trip)."""
    return [json.loads(json.dumps(r, ensure_ascii=False)) for r in records]


def _cli(tmp_path: Path, inputs: list) -> list[dict]:
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(app, ["extract", *map(str, inputs), "-o", str(out), "--no-progress",
                                      "--no-resume", "--allow-errors"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.shared
def test_api_records_equal_the_cli_on_edgar_files(tmp_path, shared, extractor):
    paths = [shared / "corpus" / "edgar" / name for name in EDGAR]
    cli = _cli(tmp_path, paths)
    api = [rec for p in paths for rec in extractor.extract(p)]              # one file at a time, Path
    assert len(cli) == 4 and all(r["error"] is None for r in cli)
    assert _json(api) == cli
    assert any(r.get("unmatched_items") is not None for r in cli)          # declared items were read
    # a one-line str naming a file is a path; the module-level function gives the same
    assert _json(sec_events.extract(str(paths[0]))) == cli[:1]


@pytest.mark.shared
def test_api_records_equal_the_cli_on_lee8k_documents(tmp_path, shared, extractor):
    with open(shared / "corpus" / "lee8k.jsonl", encoding="utf-8") as fh:
        lines = [line for i, line in enumerate(fh) if i in LEE8K_LINES]
    docs = [json.loads(line) for line in lines]
    assert len(docs[2]["text"]) > WINDOW_CHARS                               # windows are exercised
    source = tmp_path / "three.jsonl"
    source.write_text("".join(lines), encoding="utf-8")
    cli = _cli(tmp_path, [source])
    assert [r["id"] for r in cli] == [d["id"] for d in docs]
    assert _json(extractor.iter_extract(docs)) == cli                        # document dicts, streamed
    assert _json(extractor.extract(docs[2])) == cli[2:]                      # one dict alone
    assert _json(extractor.extract(source)) == cli                           # the documents file
    # text and keyword context: the same document as its dict
    text_rec = extractor.extract(docs[0]["text"], id=docs[0]["id"], **docs[0]["meta"])
    assert _json(text_rec) == cli[:1]


def test_text_input_and_context(extractor):
    plain, = extractor.extract(TEXT)
    assert plain["id"].startswith("text:") and plain["error"] is None
    assert {s["label"] for s in plain["spans"]} >= {"DATE", "MONEY", "ORG"}
    assert "DIVIDEND" in {e["type"] for e in plain["events"]}
    named, = extractor.extract(TEXT, id="acme-1", company="Acme Widgets Corp.", items=["2.01", "5.02"],
                               filed="2004-03-04")
    assert named["id"] == "acme-1" and named["sha256"] == plain["sha256"]
    assert named["unmatched_items"] == ["5.02"]      # declared items: the acquisition is there, no officer change
    assert "unmatched_items" not in plain
    empty, = extractor.extract({"id": "no-text"})
    assert empty["error"] and empty["spans"] == [] and empty["events"] == []


def test_inputs_that_are_refused(extractor, tmp_path):
    with pytest.raises(FileNotFoundError):
        extractor.extract(tmp_path / "missing.htm")
    with pytest.raises(FileNotFoundError):
        extractor.extract("missing-filing.txt")                 # a one-line str with a reader suffix
    with pytest.raises(FileNotFoundError):
        extractor.extract("missing-folder/")
    page = tmp_path / "page.htm"
    page.write_text("<html><body><p>On May 1, 2005, Acme Corp. paid $5 million.</p></body></html>")
    with pytest.raises(TypeError):
        extractor.extract(page, company="Acme Corp.")           # a file's metadata comes from the file
    with pytest.raises(TypeError):
        extractor.extract(42)
    with pytest.raises(ValueError):
        extractor.doc("word " * (WINDOW_CHARS // 4))            # two windows: use docs()
    rec, = extractor.extract(page)
    assert rec["id"] == "file:page.htm" and any(s["label"] == "MONEY" for s in rec["spans"])


def test_docs_are_the_windows_the_records_come_from(extractor):
    text = (TEXT + "\n") * (WINDOW_CHARS // len(TEXT) + 5)
    rec, = extractor.extract(text, id="long")
    windows = list(extractor.docs(text, id="long"))
    assert len(windows) == 2 and windows[0][:2] == ("long", 0) and windows[1][1] > 0
    spans = [(off + e.start_char, off + e.end_char, e.label_, e._.value) for _, off, doc in windows for e in doc.ents]
    assert spans == [(s["start"], s["end"], s["label"], s.get("value")) for s in rec["spans"]]
    assert all(doc._.events is not None for _, _, doc in windows)


def test_span_value_on_the_shipped_pipeline(extractor):
    doc = extractor.doc(TEXT, id="acme")
    rec, = extractor.extract(TEXT, id="acme")
    assert [(e.start_char, e.label_, e._.value) for e in doc.ents] == \
        [(s["start"], s["label"], s.get("value")) for s in rec["spans"]]
    by_text = {e.text: e for e in doc.ents}
    assert by_text["March 3, 2004"]._.value == "2004-03-03"
    assert by_text["$12.5 million"]._.value == {"amount": 12_500_000.0, "currency": "USD"}
    assert by_text["$0.25"]._.value == {"amount": 0.25, "currency": "USD"}
    assert by_text["Acme Widgets Corp."]._.value is None                   # ORG: no value
    # the classifier's spans and the triggers have it too
    sc = [s for s in doc.spans[MODEL_KEY] if s.label_ in VALUED]
    assert sc and all(s._.value == span_value(s.label_, s.text, TEXT[s.start_char - 1:s.start_char],
                                              TEXT[s.end_char:s.end_char + 2], 2004) for s in sc)
    assert len(doc.spans[TRIGGERS_KEY]) and all(t._.value is None for t in doc.spans[TRIGGERS_KEY])


def test_a_yearless_date_takes_the_filing_year_of_its_context(extractor):
    from extractors.contract import FilingContext, attach_context

    doc = extractor.nlp.make_doc("The dividend is payable on April 1 to holders of record.")
    attach_context(doc, FilingContext(year=2007))
    doc = extractor.nlp(doc)
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    assert dates and dates[0]._.value == "2007-04-01"


def test_events_as_objects(extractor):
    doc = extractor.doc(TEXT, id="acme")
    objs = doc._.event_objects
    assert objs and all(isinstance(e, Event) for e in objs)
    assert [e.to_dict() for e in objs] == doc._.events                     # exactly today's dicts
    assert [json.dumps(e.to_dict()) for e in objs] == [json.dumps(d) for d in doc._.events]  # key order too
    ents = set(doc.ents)
    for ev in objs:
        assert ev.trigger.label_ == ev.type and ev.trigger.doc is doc
        assert ev.trigger.start_char <= ev.trigger_start < ev.trigger_end <= ev.trigger.end_char
        for arg in ev.arguments:
            assert arg.span is not None and arg.span.start_char <= arg.start < arg.end <= arg.span.end_char
            if arg.has_value:
                assert arg.span in ents and arg.span._.value == arg.value
    dividend = next(e for e in objs if e.type == "DIVIDEND")
    amounts = [a.value for a in dividend.arguments if a.has_value and isinstance(a.value, dict)]
    assert {"amount": 0.25, "currency": "USD"} in amounts
    # from a record: the same events, without Spans
    rec, = extractor.extract(TEXT, id="acme")
    from_rec = events(rec)
    assert from_rec == objs and all(e.trigger is None for e in from_rec)   # Spans are not compared
    assert [e.to_dict() for e in from_rec] == rec["events"]
    assert sec_events.events is events and sec_events.Event is Event


def test_event_dict_round_trip_keeps_absent_and_extra_keys():
    d = {"type": "ACQUISITION", "trigger": {"start": 10, "end": 18, "text": "acquired", "note": 1},
         "args": [{"role": "acquirer", "start": 0, "end": 4, "text": "Acme", "score": 0.9},
                  {"role": "value", "start": 30, "end": 33, "text": "$5", "value": None, "score": 0.5,
                   "source": "rule"}],
         "modality": "asserted", "score": 0.8, "document": "x"}
    ev = Event.from_dict(d)
    assert ev.to_dict() == d and list(ev.to_dict()) == list(d)
    assert [a.has_value for a in ev.arguments] == [False, True]
    assert ev.role("acquirer") == [Argument("acquirer", "Acme", 0, 4, score=0.9)]
    with pytest.raises(AttributeError):
        ev.type = "DISPOSITION"                                              # frozen


def test_import_sec_events_loads_no_heavy_module():
    code = ("import sys, sec_events, sec_events.cli; "
            "heavy = [m for m in ('spacy', 'sklearn', 'pandas', 'datasets', 'pyarrow', 'matplotlib') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
