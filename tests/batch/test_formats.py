"""Extraction output in each format (JSONL, Parquet, SQLite) from a real extraction,
read back with pandas and duckdb: document metadata in every record and table, typed
values, arguments linked to their span rows (issue 20, part 3).

Input: the project's example filings (examples/sample_filings.jsonl), two raw EDGAR
filings from ../shared read by path (an SGML 8-K with a full header, an HTML 8-K),
an SGML submission with no kept document (a skip) and two documents written here
(an error record; metadata of odd types). The rules-only pipeline keeps this fast.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from extractors.batch.extract import run_extract
from extractors.batch.writers import ResumeError, open_writer, read_records, write_records
from extractors.schema import VALUED
from sec_events.paths import PROJECT_ROOT, shared_dir

RULES = PROJECT_ROOT / "models" / "rules_only"
SAMPLES = PROJECT_ROOT / "examples" / "sample_filings.jsonl"
SGML_8K = "0001011438-98-000429.txt"     # AAMES CAPITAL CORP 8-K, header with CIK and dates
HTML_8K = "0001104659-03-004925.html"
NOT_KEPT = "0001562180-25-000280.nc"     # a Form 4 only: skipped as no-kept-documents

duckdb = pytest.importorskip("duckdb")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> dict:
    """One extraction per format over the same inputs; the JSONL records."""
    base = tmp_path_factory.mktemp("formats")
    edgar = shared_dir() / "corpus" / "edgar"
    own = base / "own.jsonl"
    own.write_text(json.dumps({"id": "own/bad", "text": "Lone \ud800 surrogate.", "meta": {"company": "X"}}) + "\n"
                   + json.dumps({"id": "own/odd-meta", "text": "Acme Corp. paid $1.2 million on March 5, 2004.",
                                 "meta": {"company": "ACME CORP", "cik": 12345, "url": "https://example.com/a",
                                          "tags": ["a", 1]}}) + "\n", encoding="utf-8")
    inputs = [SAMPLES, edgar / SGML_8K, edgar / HTML_8K, edgar / NOT_KEPT, own]
    outputs = {}
    for suffix in (".jsonl", ".parquet", ".sqlite"):
        out = base / f"out{suffix}"
        summary = run_extract(inputs, out, model=RULES, resume=False, progress=False)
        assert summary.documents == 7 and summary.errors == 1 and summary.skipped == {"no-kept-documents": 1}
        outputs[suffix] = out
    records = list(read_records(outputs[".jsonl"]))
    return {"paths": outputs, "records": records, "edgar": edgar, "base": base}


def by_id(records) -> dict:
    return {r["id"]: r for r in records}


def test_every_format_reads_back_the_same_records(run):
    records = run["records"]
    assert [r["id"] for r in records] == ["example-0001/8-K", "example-0002/EX-99.1", "example-0003/NT 10-K",
                                          "0001011438-98-000429/8-K", f"file:{HTML_8K}", "own/bad", "own/odd-meta"]
    for suffix in (".parquet", ".sqlite"):
        assert list(read_records(run["paths"][suffix])) == records, suffix
    # something to check: spans with values of every kind, events with linked arguments
    labels = {s["label"] for r in records for s in r["spans"]}
    assert {"MONEY", "DATE", "SHARES", "PERCENT"} <= labels
    assert sum(1 for r in records for e in r["events"] for a in e["args"] if "value" in a) > 5


def test_records_carry_document_metadata(run):
    recs = by_id(run["records"])
    samples = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    for doc in samples:
        assert recs[doc["id"]]["meta"] == doc["meta"]
    aames = recs["0001011438-98-000429/8-K"]["meta"]
    assert {k: aames[k] for k in ("company", "cik", "form", "filed", "accession", "type")} == {
        "company": "AAMES CAPITAL CORP", "cik": "913951", "form": "8-K", "filed": "1998-12-31",
        "accession": "0001011438-98-000429", "type": "8-K"}
    assert aames["source"] == str(run["edgar"] / SGML_8K)
    assert recs[f"file:{HTML_8K}"]["meta"]["form"] == "8-K"
    # an error record keeps the metadata of its document
    assert recs["own/bad"]["error"].startswith("undecodable-text") and recs["own/bad"]["meta"] == {"company": "X"}
    assert recs["own/odd-meta"]["meta"]["cik"] == 12345
    # declared items: flagged against the events (example-0001 declares five)
    assert set(recs["example-0001/8-K"]["unmatched_items"]) <= {"1.01", "2.01", "5.02", "5.07", "8.01"}
    assert "unmatched_items" not in recs["example-0003/NT 10-K"]


def expected_fields(value) -> dict:
    """The typed fields a value must be stored as."""
    if isinstance(value, dict):
        return {"amount": value["amount"], "currency": value["currency"]}
    if isinstance(value, (int, float)):
        return {"number": float(value)}
    if isinstance(value, str):
        return {"date": value}
    return {}


def test_parquet_with_pandas_typed_values_and_argument_links(run):
    df = pd.read_parquet(run["paths"][".parquet"])
    assert list(df.columns) == ["id", "sha256", "meta", "spans", "events", "error", "unmatched_items",
                                "sections", "extra"]
    recs = by_id(run["records"])
    # the 8-K's sections (extractors.sections) as typed rows
    first = df.set_index("id").loc["example-0001/8-K", "sections"]
    assert [(x["item"], int(x["start"]), int(x["end"])) for x in first] == [
        (x["item"], x["start"], x["end"]) for x in recs["example-0001/8-K"]["sections"]]
    assert any(x["item"] == "5.07" for x in first)
    n_links = 0
    for row in df.itertuples():
        rec = recs[row.id]
        assert row.meta["company"] == rec["meta"].get("company")
        assert row.meta["form"] == rec["meta"].get("form")
        spans = list(row.spans)
        assert [(s["start"], s["end"], s["label"], s["text"]) for s in spans] == \
               [(s["start"], s["end"], s["label"], s["text"]) for s in rec["spans"]]
        for stored, span in zip(spans, rec["spans"]):
            want = expected_fields(span.get("value"))
            got = {k: stored[k] for k in ("amount", "currency", "number", "date") if stored[k] is not None}
            assert got == want, span
            assert stored["value_json"] is None
        for stored_event, event in zip(row.events, rec["events"]):
            assert stored_event["type"] == event["type"]
            assert stored_event["trigger"]["text"] == event["trigger"]["text"]
            for stored_arg, arg in zip(stored_event["args"], event["args"]):
                assert stored_arg["role"] == arg["role"] and stored_arg["score"] == arg["score"]
                # pandas' default (numpy) conversion gives a nullable int inside a nested
                # list as a float (NaN for null); dtype_backend="pyarrow" would keep int32
                index = stored_arg["span"]
                if index is None or pd.isna(index):  # a text filler: no entity span has its offsets
                    assert all((s["start"], s["end"]) != (arg["start"], arg["end"]) for s in rec["spans"])
                    continue
                span = spans[int(index)]
                assert (span["start"], span["end"], span["text"]) == (arg["start"], arg["end"], arg["text"])
                n_links += 1
                if "value" in arg:
                    assert span["label"] in VALUED and arg["value"] == rec["spans"][int(index)]["value"]
    assert n_links > 10
    meta = df.set_index("id").loc["own/odd-meta", "meta"]
    assert meta["cik"] is None and json.loads(meta["other"]) == {"cik": 12345, "tags": ["a", 1]}


def test_parquet_with_duckdb_without_a_hand_written_type(run):
    path = str(run["paths"][".parquet"])
    con = duckdb.connect()
    types = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT unnest(spans, recursive := true) FROM '{path}'").fetchall()}
    assert (types["amount"], types["number"], types["date"], types["currency"]) == ("DOUBLE", "DOUBLE", "VARCHAR",
                                                                                   "VARCHAR")
    total = sum(len(r["spans"]) for r in run["records"])
    assert con.execute(f"SELECT count(*) FROM (SELECT unnest(spans) FROM '{path}')").fetchone()[0] == total
    money = con.execute(f"SELECT s.text, s.amount, s.currency FROM (SELECT unnest(spans) s FROM '{path}') "
                        f"WHERE s.label = 'MONEY' AND s.amount IS NOT NULL").fetchall()
    want = [(s["text"], s["value"]["amount"], s["value"]["currency"]) for r in run["records"]
            for s in r["spans"] if s["label"] == "MONEY" and s["value"]]
    assert money == want and money
    # each linked argument is its span: duckdb lists are 1-based
    rows = con.execute(f"""
        SELECT id, meta.company, e.type, a.role, a.text, spans[a.span + 1].text, spans[a.span + 1].label,
               a.amount, spans[a.span + 1].amount, a.date, spans[a.span + 1].date
        FROM (SELECT id, meta, spans, unnest(events) e FROM '{path}'), unnest(e.args) t(a)
        WHERE a.span IS NOT NULL""").fetchall()
    assert len(rows) > 10
    for _, _, _, _, text, span_text, label, amount, span_amount, date, span_date in rows:
        assert text == span_text and amount == span_amount and date == span_date
    assert {(r[0], r[1]) for r in rows} >= {("0001011438-98-000429/8-K", "AAMES CAPITAL CORP")} or \
        {r[1] for r in rows} >= {"NORTHWIND HARBOR SYSTEMS, INC."}
    forms = dict(con.execute(f"SELECT id, meta.form FROM '{path}'").fetchall())
    assert forms["example-0003/NT 10-K"] == "NT 10-K" and forms["0001011438-98-000429/8-K"] == "8-K"


def test_sqlite_typed_columns_and_argument_rows_with_pandas(run):
    path = run["paths"][".sqlite"]
    con = sqlite3.connect(path)
    try:
        docs = pd.read_sql("SELECT * FROM documents ORDER BY seq", con)
        assert list(docs["id"]) == [r["id"] for r in run["records"]]
        aames = docs.set_index("id").loc["0001011438-98-000429/8-K"]
        assert (aames["company"], aames["cik"], aames["form"], aames["filed"]) == (
            "AAMES CAPITAL CORP", "913951", "8-K", "1998-12-31")
        assert json.loads(docs.set_index("id").loc["example-0001/8-K", "items"]) == [
            "1.01", "2.01", "5.02", "5.07", "8.01"]
        # values are typed, never JSON text with its quotes
        kinds = dict(con.execute("SELECT label, group_concat(DISTINCT typeof(amount) || '/' || typeof(number) "
                                 "|| '/' || typeof(date)) FROM spans WHERE label IN ('MONEY', 'SHARES', "
                                 "'PERCENT', 'DATE') GROUP BY label").fetchall())
        assert set(kinds["MONEY"].split(",")) <= {"real/null/null", "null/null/null"}
        assert kinds["DATE"] == "null/null/text" and kinds["SHARES"] == "null/real/null"
        assert con.execute("SELECT count(*) FROM spans WHERE date LIKE '\"%'").fetchone()[0] == 0
        spans = pd.read_sql("SELECT s.*, d.id AS doc_id FROM spans s JOIN documents d ON d.seq = s.doc_seq", con)
        recs = by_id(run["records"])
        for row in spans.itertuples():
            span = recs[row.doc_id]["spans"][row.idx]
            assert (row.start_char, row.end_char, row.label, row.text) == (
                span["start"], span["end"], span["label"], span["text"])
            want = expected_fields(span.get("value"))
            got = {k: getattr(row, k) for k in ("amount", "currency", "number", "date")
                   if getattr(row, k) is not None and not (isinstance(getattr(row, k), float)
                                                           and pd.isna(getattr(row, k)))}
            assert got == want
        # argument rows: their own table, score a column, span_id a foreign key to the span row
        args = pd.read_sql("""
            SELECT d.id AS doc_id, e.type, e.idx AS event_idx, a.idx, a.role, a.text, a.score, a.span_id,
                   s.text AS span_text, s.start_char AS span_start, a.start_char
            FROM arguments a JOIN events e ON e.event_id = a.event_id JOIN documents d ON d.seq = a.doc_seq
            LEFT JOIN spans s ON s.span_id = a.span_id ORDER BY a.argument_id""", con)
        n_args = sum(len(e["args"]) for r in run["records"] for e in r["events"])
        assert len(args) == n_args and args["score"].notna().all()
        linked = args[args["span_id"].notna()]
        assert len(linked) > 10
        assert (linked["span_text"] == linked["text"]).all() and (linked["span_start"] == linked["start_char"]).all()
        for row in args.itertuples():
            arg = recs[row.doc_id]["events"][row.event_idx]["args"][row.idx]
            assert (row.role, row.text, row.score) == (arg["role"], arg["text"], arg["score"])
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        sections = con.execute("SELECT x.item, x.start_char, x.end_char FROM sections x JOIN documents d "
                               "ON d.seq = x.doc_seq WHERE d.id = 'example-0001/8-K' ORDER BY x.idx").fetchall()
        assert sections == [(x["item"], x["start"], x["end"]) for x in recs["example-0001/8-K"]["sections"]]
    finally:
        con.close()


def test_sqlite_tables_queried_with_duckdb(run):
    """duckdb reads SQLite only through its sqlite extension, which it would download at
    run time (the project never does): the tables pandas reads (typed columns, no JSON
    text) join in duckdb as they are, arguments to their span rows by span_id."""
    con = sqlite3.connect(run["paths"][".sqlite"])
    try:
        spans = pd.read_sql("SELECT span_id, label, text, amount, currency, number, date FROM spans", con)
        args = pd.read_sql("SELECT argument_id, role, text, span_id, score FROM arguments", con)
    finally:
        con.close()
    db = duckdb.connect()
    db.register("spans", spans)
    db.register("arguments", args)
    types = dict(db.sql("SELECT column_name, column_type FROM (DESCRIBE spans)").fetchall())
    assert types["amount"] == "DOUBLE" and types["number"] == "DOUBLE" and types["date"] == "VARCHAR"
    rows = db.sql("SELECT a.role, a.text, s.text, s.label, s.amount FROM arguments a JOIN spans s "
                  "USING (span_id) WHERE s.label = 'MONEY'").fetchall()
    assert rows and all(arg_text == span_text and amount is not None for _, arg_text, span_text, _, amount in rows)


def test_jsonl_with_pandas_and_duckdb(run):
    path = run["paths"][".jsonl"]
    df = pd.read_json(path, lines=True, dtype=False)
    assert list(df["id"]) == [r["id"] for r in run["records"]]
    assert df.set_index("id").loc["example-0002/EX-99.1", "meta"]["filed"] == "2023-07-27"
    rows = duckdb.sql(f"SELECT id, meta.company, len(spans), len(events) FROM read_json('{path}')").fetchall()
    assert rows == [(r["id"], r["meta"].get("company"), len(r["spans"]), len(r["events"])) for r in run["records"]]


def test_errors_file_lists_the_skip_and_the_error_record(run):
    lines = [json.loads(x) for x in (run["base"] / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["id"], e["reason"], e["kind"]) for e in lines] == [
        (f"file:{NOT_KEPT}", "no-kept-documents", "skipped"), ("own/bad", "undecodable-text", "error")]
    assert lines[0]["path"] == str(run["edgar"] / NOT_KEPT)


def test_output_of_an_earlier_layout_is_not_resumed(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    old = tmp_path / "old.parquet"   # spans and events as JSON text (layout v1)
    pq.write_table(pa.table({"id": ["a"], "sha256": ["1" * 64], "spans": ["[]"], "events": ["[]"],
                             "error": [None], "unmatched_items": [None]}), old)
    with pytest.raises(ResumeError, match="another layout"):
        open_writer(old)
    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE documents (seq INTEGER PRIMARY KEY, id TEXT)")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()
    with pytest.raises(ResumeError, match="earlier schema"):
        open_writer(db)
    # --no-resume overwrites both
    for path in (old, db):
        write_records([{"id": "b", "sha256": None, "meta": {}, "spans": [], "events": [], "error": None}], path)
        assert [r["id"] for r in read_records(path)] == ["b"]


def test_sqlite_output_open_in_a_reader_still_closes(tmp_path, run):
    """A user watching the database while the run ends (a reader connection open) does not
    fail the run: every batch is committed, the file merely stays in WAL mode."""
    out = tmp_path / "watched.sqlite"
    reader = None
    try:
        with open_writer(out, resume=False) as writer:
            writer.write_batch(run["records"][:2])
            reader = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
            assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
            writer.write_batch(run["records"][2:])
        assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == len(run["records"])
    finally:
        if reader is not None:
            reader.close()
    assert list(read_records(out)) == run["records"]


def test_parquet_is_written_in_row_groups(tmp_path, run):
    """Streaming: rows are committed in parts of `rows_per_part` and merged batch by batch."""
    import pyarrow.parquet as pq

    out = tmp_path / "many.parquet"
    records = run["records"] * 5
    with open_writer(out, resume=False, rows_per_part=4) as writer:
        for i in range(0, len(records), 3):
            writer.write_batch(records[i:i + 3])
    meta = pq.ParquetFile(out).metadata
    assert meta.num_rows == len(records) and meta.num_row_groups == -(-len(records) // 4)
    assert list(read_records(out)) == records
    assert not Path(f"{out}.parts").exists()
