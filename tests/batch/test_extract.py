"""Batch extraction (`sec-events extract`): formats, resume after SIGKILL (resumed with
2 worker processes), per-document failures and Dask, on real lee8k filings and the
real pipeline.

Short filings (< 4,000 characters: the first 122 of lee8k) are used to keep the default run fast.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extractors.batch.extract import (ExtractSummary, document_task, extract_records,
                                process_batch, run_extract)
from extractors.batch.writers import ResumeError, open_writer, parts_dir, read_records
from sec_events.paths import default_model, shared_dir

MAX_TEST_CHARS = 4000


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The shipped model."""
    return default_model().resolve()


@pytest.fixture(scope="session")
def small_docs() -> list[dict]:
    """The lee8k filings shorter than MAX_TEST_CHARS (122 of them), in corpus order."""
    out = []
    with open(shared_dir() / "corpus" / "lee8k.jsonl", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if len(doc["text"]) < MAX_TEST_CHARS:
                out.append(doc)
                if len(out) == 150:
                    break
    return out


def write_jsonl(path: Path, docs) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def docs_all(tmp_path_factory, small_docs) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("in") / "docs_all.jsonl", small_docs)


@pytest.fixture(scope="session")
def docs40(tmp_path_factory, small_docs) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("in") / "docs40.jsonl", small_docs[:40])


@pytest.fixture(scope="session")
def reference(tmp_path_factory, docs_all, model_path) -> list[dict]:
    """A clean single-process run over all small docs (in this process)."""
    out = tmp_path_factory.mktemp("ref") / "reference.jsonl"
    run_extract([docs_all], out, model=model_path, resume=False, progress=False)
    return list(read_records(out))


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "sec_events.cli", "extract", *args]


# --------------------------------------------------------------------------- writers
def sample_records() -> list[dict]:
    """Records as `extract` writes them, with what the typed formats must keep: meta of
    listed keys and others (a cik of the wrong type, nested values), a valued span
    whose value could not be read, a text filler, keys no column holds."""
    return [
        {"id": "a", "sha256": "1" * 64,
         "meta": {"company": "AGILENT TECHNOLOGIES INC", "cik": "1090872", "form": "8-K", "filed": "2002-05-17",
                  "items": ["Item 5. Other events"], "truncated": True, "ticker": 7,
                  "tags": {"nested": [1, 2]}},
         "spans": [
            {"start": 0, "end": 12, "label": "DATE", "text": "May 16, 2002", "value": "2002-05-16", "score": 1.0},
            {"start": 20, "end": 27, "label": "MONEY", "text": "$1.5 mm", "value": None, "score": 0.5},
            {"start": 30, "end": 37, "label": "ORG", "text": "Agilent", "score": 0.9},
            {"start": 50, "end": 66, "label": "SHARES", "text": "3,125,000 shares", "value": 3125000,
             "score": 0.8, "source": "rule"},
            {"start": 70, "end": 73, "label": "PERCENT", "text": "65%", "value": 65.0, "score": 0.7}],
         "events": [{"type": "DIVIDEND", "trigger": {"start": 40, "end": 48, "text": "declared"},
                     "args": [{"role": "amount", "start": 20, "end": 27, "text": "$1.5 mm",
                               "value": {"amount": 1500000.0, "currency": "USD"}, "score": 0.6},
                              {"role": "payer", "start": 30, "end": 37, "text": "Agilent", "score": 0.5}],
                     "modality": "expected", "score": 0.87},
                    {"type": "SHAREHOLDER_VOTE", "trigger": {"start": 80, "end": 88, "text": "approved"},
                     "args": [{"role": "proposal", "start": 89, "end": 120, "text": "the 2002 stock plan",
                               "score": 0.4},
                              {"role": "count", "start": 50, "end": 66, "text": "3,125,000 shares",
                               "value": 3125000, "score": 0.3}],
                     "modality": "asserted", "score": 0.5, "note": "kept"}],
         "error": None, "unmatched_items": [], "sections": [{"start": 0, "end": 120, "item": "5"}]},
        {"id": "b", "sha256": None, "meta": {}, "spans": [], "events": [], "error": "unreadable: boom"},
        {"id": "c", "sha256": "2" * 64, "meta": {"source": "/data/c.htm", "encoding": "utf-8"},
         "spans": [], "events": [], "error": None, "unmatched_items": ["Item 2.02"]},
    ]


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".sqlite"])
def test_writer_roundtrip_and_resume(tmp_path, suffix):
    recs = sample_records()
    out = tmp_path / f"out{suffix}"
    with open_writer(out) as w:
        w.write_batch(recs[:2])
    with open_writer(out) as w:
        assert w.existing == 2
        assert w.done[("a", "1" * 64)] == 1 and w.done[("b", None)] == 1
        w.write_batch(recs[2:])
    assert list(read_records(out)) == recs
    with open_writer(out, resume=False) as w:  # --no-resume starts over
        assert w.existing == 0
        w.write_batch(recs[:1])
    assert list(read_records(out)) == recs[:1]


def test_jsonl_torn_last_line_is_truncated(tmp_path):
    out = tmp_path / "out.jsonl"
    good = "".join(json.dumps(r) + "\n" for r in sample_records()[:2])
    out.write_text(good + '{"id": "c", "sha256": "22', encoding="utf-8")
    with open_writer(out) as w:
        assert w.existing == 2 and w.truncated_bytes > 0
        assert out.read_text(encoding="utf-8") == good
        w.write_batch(sample_records()[2:])
    assert list(read_records(out)) == sample_records()


def test_resume_refuses_foreign_output(tmp_path, docs40):
    documents = tmp_path / "docs.jsonl"           # -o pointing at a documents file
    documents.write_bytes(docs40.read_bytes())
    with pytest.raises(ResumeError):
        open_writer(documents)
    assert documents.read_bytes() == docs40.read_bytes()
    (tmp_path / "x.sqlite").write_bytes(b"not a database at all" * 10)
    with pytest.raises(ResumeError):
        open_writer(tmp_path / "x.sqlite")


def test_parquet_parts_survive_a_crash(tmp_path):
    recs = sample_records()
    out = tmp_path / "out.parquet"
    w = open_writer(out, rows_per_part=1)
    w.write_batch(recs[:1])
    w.write_batch(recs[1:2])         # two committed parts, never merged (crash)
    parts = parts_dir(out)
    assert len(list(parts.glob("part-*.parquet"))) == 2 and not out.exists()
    (parts / ".part-00002.parquet.tmp").write_bytes(b"torn")   # an uncommitted part
    with open_writer(out, rows_per_part=1) as w2:
        assert w2.existing == 2
        w2.write_batch(recs[2:])
    assert not parts.exists()
    assert list(read_records(out)) == recs
    with open_writer(out) as w3:    # resuming a finished file appends after it
        assert w3.existing == 3
        w3.write_batch([{**recs[2], "id": "d"}])
    assert [r["id"] for r in read_records(out)] == ["a", "b", "c", "d"]


# --------------------------------------------------------------------------- extraction
def test_formats_agree_and_resume_is_a_no_op(tmp_path, docs40, small_docs, reference, model_path):
    ids = [d["id"] for d in small_docs[:40]]
    outputs = {".jsonl": reference[:40]}
    for suffix in (".parquet", ".sqlite"):
        out = tmp_path / f"out{suffix}"
        summary = run_extract([docs40], out, model=model_path, progress=False)
        assert summary.documents == 40 and summary.errors == 0
        outputs[suffix] = list(read_records(out))
        again = run_extract([docs40], out, model=model_path, progress=False)
        assert again.documents == 0 and again.resumed == 40
        assert list(read_records(out)) == outputs[suffix]
    assert [r["id"] for r in outputs[".jsonl"]] == ids
    assert outputs[".parquet"] == outputs[".sqlite"] == reference[:40]
    assert sum(len(r["spans"]) for r in outputs[".jsonl"]) > 0
    first = outputs[".jsonl"][0]
    assert list(first)[:7] == ["id", "sha256", "meta", "spans", "events", "error", "unmatched_items"]
    # every record carries its document's metadata, in every format
    assert [r["meta"] for r in outputs[".parquet"]] == [d["meta"] for d in small_docs[:40]]
    # lee8k documents declare their 8-K items: the ones with no matching event are flagged
    from extractors.items import filed_date, item_types
    from extractors.sections import body_end
    for rec, doc in zip(outputs[".jsonl"], small_docs):
        declared = doc["meta"]["items"]
        assert set(rec["unmatched_items"]) <= set(declared)
        end = body_end(doc["text"])
        types = {e["type"] for e in rec["events"] if e["trigger"]["start"] < end}
        for item in rec["unmatched_items"]:
            assert not (item_types(item, filed_date(doc["meta"])) & types)
    assert first["sha256"] == document_task(small_docs[0])[1]


def test_sqlite_schema_is_queryable(tmp_path, docs40, model_path):
    import sqlite3

    out = tmp_path / "out.db"
    run_extract([docs40], out, model=model_path, progress=False)
    con = sqlite3.connect(out)
    n_docs, = con.execute("SELECT count(*) FROM documents").fetchone()
    n_spans, = con.execute("SELECT count(*) FROM spans").fetchone()
    total, = con.execute("SELECT sum(n_spans) FROM documents").fetchone()
    dates = con.execute("SELECT d.id, d.form, s.text, s.date FROM spans s "
                        "JOIN documents d ON d.seq = s.doc_seq WHERE s.label = 'DATE' LIMIT 3").fetchall()
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    con.close()
    assert n_docs == 40 and n_spans == total > 0 and dates
    assert all(form == "8-K" and date[:1].isdigit() for _, form, _, date in dates)
    assert {"documents_id", "documents_company", "documents_form", "spans_label", "events_type",
            "arguments_role", "arguments_span"} <= indexes
    assert not Path(f"{out}-wal").exists()


@pytest.mark.parametrize("suffix", [".jsonl",
                                    pytest.param(".parquet", marks=pytest.mark.slow),
                                    pytest.param(".sqlite", marks=pytest.mark.slow)])
def test_sigkill_mid_run_then_resume_equals_clean_run(tmp_path, docs_all, reference, model_path, suffix):
    out = tmp_path / f"out{suffix}"
    args = cli(str(docs_all), "-o", str(out), "--model", str(model_path), "--batch-size", "4",
               "--no-progress")
    env = {**os.environ, "SEC_EVENTS_PARQUET_PART_ROWS": "8"}  # commit parts often
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)

    def progress_made() -> bool:
        if suffix == ".jsonl":
            return out.exists() and out.read_bytes().count(b"\n") >= 24
        if suffix == ".sqlite":
            import sqlite3
            from contextlib import closing

            try:  # closed at once, also when the table is not there yet
                with closing(sqlite3.connect(f"file:{out}?mode=ro", uri=True, timeout=0.1)) as con:
                    return con.execute("SELECT count(*) FROM documents").fetchone()[0] >= 24
            except sqlite3.Error:
                return False
        return len(list(parts_dir(out).glob("part-*.parquet"))) >= 3

    deadline = time.monotonic() + 60
    while not progress_made():
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "no output after 60 s"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    if suffix == ".jsonl":   # complete lines only: the last one may be torn
        done = sum(1 for line in out.read_bytes().split(b"\n")[:-1] if line.strip())
    elif suffix == ".sqlite":
        import sqlite3

        con = sqlite3.connect(out)
        done = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        con.close()
    else:
        assert not out.exists()
        done = sum(1 for _ in read_records(sorted(parts_dir(out).glob("part-*.parquet"))[0]))
    assert 0 < done < len(reference), "the run must be killed mid-way"

    # the resumed run uses 2 worker processes: order must still be the input order
    rerun = subprocess.run(args + ["--processes", "2"], capture_output=True, text=True,
                           timeout=300, env=env)
    assert rerun.returncode == 0, rerun.stderr
    resumed = int(rerun.stdout.split("resumed:")[1].split()[0])
    assert resumed == done if suffix != ".parquet" else resumed >= done
    records = list(read_records(out))
    assert [r["id"] for r in records] == [r["id"] for r in reference]
    assert records == reference


def test_per_document_failures_never_stop_the_run(tmp_path, small_docs, model_path):
    good = small_docs[:3]
    bad_json = "{not json\n"
    lines = [json.dumps(good[0]),
             json.dumps({"id": "surrogate", "text": "Lone \ud800 surrogate in an 8-K."}),
             bad_json.strip(),
             json.dumps(good[1]),
             json.dumps(good[1]),                      # duplicate id: skipped, not output
             json.dumps({"id": "empty", "text": ""}),
             json.dumps(good[2])]
    src = tmp_path / "mixed.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_extract([src], out, model=model_path, progress=False)
    recs = list(read_records(out))
    # a bad line keeps an id of its own: its file's id (as documents read from files
    # have) and its line number
    assert [r["id"] for r in recs] == [good[0]["id"], "surrogate", "file:mixed.jsonl#line3", good[1]["id"],
                                      "empty", good[2]["id"]]
    errors = {r["id"]: r["error"] for r in recs if r["error"]}
    assert errors["surrogate"].startswith("undecodable-text")
    assert errors["file:mixed.jsonl#line3"].startswith("bad-json")
    # every input not extracted is in the errors file, in input order, with its id and
    # reason: what the output leaves out (the duplicate) and every error record
    listed = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["reason"], e["kind"]) for e in listed] == [
        ("surrogate", "undecodable-text", "error"), ("file:mixed.jsonl#line3", "bad-json", "error"),
        (good[1]["id"], "duplicate-id", "skipped")]
    assert all(e["path"] == str(src) for e in listed)
    assert listed[0]["detail"].startswith("surrogates not allowed")
    assert all(r["spans"] == [] and r["events"] == [] for r in recs if r["error"])
    assert summary.skipped == {"duplicate-id": 1}
    assert summary.reasons == {"undecodable-text": 1, "bad-json": 1}
    assert "errors:     2" in summary.describe()


def test_component_exception_and_overlong_text_are_per_document(model_path, small_docs):
    nlp = spacy.load(model_path)

    @Language.component("explode_on_marker")
    def explode(doc):
        if "EXPLODE" in doc.text:
            raise RuntimeError("component failed on this document")
        return doc

    nlp.add_pipe("explode_on_marker", last=True)
    nlp.max_length = 3000
    docs = [small_docs[0], {"id": "boom", "text": "Agilent EXPLODE on March 5, 2004."},
            small_docs[1], {"id": "long", "text": "word " * 1000}]
    summary = ExtractSummary(output=Path("-"))
    recs = list(extract_records(nlp, docs, summary, batch_size=8))
    assert [r["id"] for r in recs] == [small_docs[0]["id"], "boom", small_docs[1]["id"], "long"]
    assert recs[1]["error"].startswith("component-error: RuntimeError: component failed")
    assert recs[3]["error"].startswith("text-too-long")
    assert recs[0]["error"] is None and recs[0]["spans"]
    assert summary.reasons == {"component-error": 1, "text-too-long": 1}
    # the good documents are extracted exactly as in a batch without failures
    ok = process_batch(nlp, [document_task(d) for d in small_docs[:2]])
    assert [r for r, _ in ok] == [{**recs[0], "sha256": ok[0][0]["sha256"]},
                                  {**recs[2], "sha256": ok[1][0]["sha256"]}]


def test_raw_edgar_input(tmp_path, model_path):
    edgar = shared_dir() / "corpus" / "edgar"
    header_only = edgar / "header_with_double_newlines.txt"
    filing = edgar / "0001104659-03-004925.html"
    out = tmp_path / "out.jsonl"
    summary = run_extract([filing, header_only], out, model=model_path, progress=False)
    recs = list(read_records(out))
    assert recs[0]["id"] == f"file:{filing.name}" and recs[0]["error"] is None and recs[0]["spans"]
    assert recs[1]["id"] == f"file:{header_only.name}" and recs[1]["error"].startswith("no-documents")
    assert summary.documents == 2 and summary.reasons == {"no-documents": 1}


def test_dask_local_cluster_equals_single_process(tmp_path, docs40, reference, model_path):
    from extractors.batch.distributed import extract_distributed

    out = tmp_path / "out.jsonl"
    summary = extract_distributed([docs40], out, model_path, n_workers=2, partition_size=5)
    assert summary.documents == 40 and summary.errors == 0
    assert list(read_records(out)) == reference[:40]


def test_plain_progress_lines(tmp_path, docs40, model_path, monkeypatch):
    import io

    from extractors.batch import extract as ex

    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)   # not a terminal: plain lines
    monkeypatch.setattr(ex, "PROGRESS_EVERY", 0.0)
    run_extract([docs40], tmp_path / "out.jsonl", model=model_path, batch_size=20)
    lines = stream.getvalue().splitlines()
    assert lines and "/40 (" in lines[-1] and "words/s" in lines[-1] and "ETA" in lines[-1]


def test_unmatched_items_look_at_the_8k_body_only():
    """SCHEMA v1.2 section 4: a declared item is matched by an event of its types in the
    8-K body; the same event in an exhibit after the signature block does not count."""
    from extractors.batch.records import add_unmatched_items

    body = ("Item 2.02 Results of Operations and Financial Condition.\n" + "See the release attached.\n" * 10 +
            "The registrant has duly caused this report to be signed on its behalf by the undersigned.\n"
            "By: /s/ Maren Okafor\n")
    text = body + "\nEXHIBIT 99.1\nBrindle Systems Corp. reported revenues of $4.1 million for the quarter.\n"
    event = {"type": "FINANCIAL_RESULT", "trigger": {"start": len(body) + 40, "end": len(body) + 48}}
    items = ["Results of Operations and Financial Condition"]
    assert add_unmatched_items({"events": [event]}, items, "2010-01-05", text)["unmatched_items"] == items
    event["trigger"] = {"start": 60, "end": 70}  # the body states it
    assert add_unmatched_items({"events": [event]}, items, "2010-01-05", text)["unmatched_items"] == []
