"""`sec-events show` and `extract --pretty`: extraction output printed readably, one
block per document and per event (extractors/batch/show.py)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.batch.extract import run_extract
from extractors.batch.show import format_value, make_console, show_file, show_records
from extractors.batch.writers import read_records, write_records
from sec_events.cli import app
from sec_events.paths import PROJECT_ROOT

RULES = PROJECT_ROOT / "models" / "rules_only"
SAMPLES = PROJECT_ROOT / "examples" / "sample_filings.jsonl"


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("show") / "sample.jsonl"
    run_extract([SAMPLES], out, model=RULES, resume=False, progress=False)
    return out


def printed(records, **options) -> str:
    buf = io.StringIO()
    show_records(records, make_console(buf, width=120), **options)
    return buf.getvalue()


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_values_are_written_as_a_reader_would():
    assert format_value({"amount": 12500000.0, "currency": "USD"}) == "$12,500,000"
    assert format_value({"amount": 0.1, "currency": "USD"}) == "$0.1"
    assert format_value({"amount": 200000000.0, "currency": "EUR"}) == "200,000,000 EUR"
    assert format_value(65.0, "PERCENT") == "65%"
    assert format_value(3125000, "SHARES") == "3,125,000"
    assert format_value("2004-03-05", "DATE") == "2004-03-05"
    assert format_value(None, "MONEY") == "(no value)"


def test_each_event_is_a_block_with_its_roles_texts_and_values(output):
    records = list(read_records(output))
    text = printed(records, n=0)
    first = records[0]
    assert "example-0001/8-K" in text
    assert "NORTHWIND HARBOR SYSTEMS, INC. · 8-K · filed 2023-06-14" in text
    assert "PELICAN RIDGE MINERALS CORP. · NT 10-K · filed 2023-03-31" in text
    assert first["events"]
    for event in first["events"]:
        assert f"{event['type']}  “{' '.join(event['trigger']['text'].split())}”" in text
        for arg in event["args"]:
            line = next(x for x in text.splitlines() if f" {arg['role']} " in x
                        and " ".join(arg["text"].split())[:30] in " ".join(x.split()))
            if "value" in arg and arg["value"] is not None:
                label = next(s["label"] for s in first["spans"] if (s["start"], s["end"]) == (arg["start"], arg["end"]))
                assert format_value(arg["value"], label) in line
    # every record's valued arguments are printed in their form: money and dates among them
    values = []
    for record in records:
        for event in record["events"]:
            for arg in event["args"]:
                if arg.get("value") is None:
                    continue
                label = next(s["label"] for s in record["spans"] if (s["start"], s["end"]) == (arg["start"], arg["end"]))
                assert format_value(arg["value"], label) in text
                values.append(arg["value"])
    assert any(isinstance(v, dict) for v in values) and any(isinstance(v, str) for v in values)
    if first.get("unmatched_items"):
        assert "declared items with no event: " + "; ".join(first["unmatched_items"]) in text


def test_selection_by_id_pattern_and_count(output):
    records = list(read_records(output))
    one = printed(records, doc_id="example-0003/NT 10-K")
    assert "example-0003/NT 10-K" in one and "example-0001/8-K" not in one
    assert "example-0002" in printed(records, doc_id="example-000[2]*") and \
        "example-0001" not in printed(records, doc_id="example-000[2]*")
    two = printed(records, n=2)
    assert "example-0002/EX-99.1" in two and "example-0003" not in two


def test_filing_text_is_never_read_as_markup():
    record = {"id": "x[/]", "meta": {"company": "[bold red]ACME[/]"}, "error": None,
              "spans": [{"start": 0, "end": 9, "label": "ORG", "text": "[red]Acme"}],
              "events": [{"type": "AGREEMENT", "trigger": {"start": 10, "end": 16, "text": "[/i]sig"},
                          "args": [{"role": "party", "start": 0, "end": 9, "text": "[red]Acme"}]}]}
    text = printed([record], spans=True)
    assert "[bold red]ACME[/]" in text and "[red]Acme" in text and "“[/i]sig”" in text


def test_an_error_record_says_why(tmp_path):
    out = tmp_path / "e.jsonl"
    write_records([{"id": "bad", "sha256": None, "meta": {"form": "8-K"}, "spans": [], "events": [],
                    "error": "text-too-long: 3,000,000 > 2,000,000 characters"}], out)
    assert "error: text-too-long: 3,000,000 > 2,000,000 characters" in printed(read_records(out))


@pytest.mark.parametrize("suffix", [".parquet", ".sqlite"])
def test_show_reads_every_format_alike(output, tmp_path, suffix):
    other = tmp_path / f"sample{suffix}"
    write_records(read_records(output), other)
    buf_a, buf_b = io.StringIO(), io.StringIO()
    show_file(output, console=make_console(buf_a, width=100), n=0, spans=True)
    show_file(other, console=make_console(buf_b, width=100), n=0, spans=True)
    assert buf_a.getvalue() == buf_b.getvalue() and "SIGNATURE" in buf_a.getvalue()


def test_show_command(output, tmp_path):
    result = invoke("show", str(output), "--id", "example-0002/EX-99.1")
    assert result.exit_code == 0, result.output
    assert "example-0002/EX-99.1" in result.output and "FINANCIAL_RESULT" in result.output
    assert "example-0001/8-K" not in result.output
    result = invoke("show", str(output), "--n", "1", "--spans")
    assert result.exit_code == 0 and "example-0002" not in result.output and "offsets" in result.output
    missing = invoke("show", str(output), "--id", "nope")
    assert missing.exit_code == 1 and "no record with id 'nope'" in missing.output
    assert invoke("show", str(tmp_path / "absent.jsonl")).exit_code == 2
    documents = invoke("show", str(SAMPLES))   # a documents file, not extraction output
    assert documents.exit_code == 2 and "not extraction output" in documents.output
    not_json = tmp_path / "x.jsonl"
    not_json.write_text("hello\n")
    assert invoke("show", str(not_json)).exit_code == 2


def test_extract_pretty_prints_the_output_then_the_summary(tmp_path):
    out = tmp_path / "p.sqlite"
    result = invoke("extract", str(SAMPLES), "-o", str(out), "--model", str(RULES), "--no-progress", "--pretty")
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.index("example-0001/8-K") < text.index("example-0003/NT 10-K") < text.index("documents:  3 written")
    assert "NORTHWIND HARBOR SYSTEMS, INC. · 8-K · filed 2023-06-14" in text
    assert json.loads(SAMPLES.read_text().splitlines()[0])["id"] in text
