"""Reader reliability (issue 21): no line or file silently lost, no hang, ids unique
per run, error records with ids of the same scheme."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sec_events.read.build import ErrorRecord, build_corpus, iter_documents, list_input_files


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def read(inputs) -> tuple[list[dict], list[ErrorRecord]]:
    items = list(iter_documents(inputs))
    return ([i for i in items if not isinstance(i, ErrorRecord)],
            [i for i in items if isinstance(i, ErrorRecord)])


def test_deeply_nested_line_does_not_end_the_file(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "text": "First."}),
        '{"id": "deep", "text": "x", "meta": ' + nested(2000) + "}",
        json.dumps({"id": "b", "text": "After the deep line."}),
        '{"id": "c", "text": "x", "meta": {"a": ' + "{\"a\": " * 1500 + "1" + "}" * 1501,
        json.dumps({"id": "d", "text": "Last."}),
    ]) + "\n", encoding="utf-8")
    docs, errors = read([src])
    assert [d["id"] for d in docs] == ["a", "b", "d"]
    assert [(e.reason, e.id) for e in errors] == [("bad-json", "file:docs.jsonl#line2"),
                                                  ("bad-json", "file:docs.jsonl#line4")]
    assert "nested too deeply" in errors[0].detail


def test_bad_lines_keep_their_own_ids(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "ok", "text": "Fine."}),
        json.dumps({"id": "numeric-text", "text": 12}),
        json.dumps({"id": 7, "text": "an id that is no string"}),
        json.dumps(["a", "list"]),
        "{truncated",
    ]) + "\n", encoding="utf-8")
    docs, errors = read([src])
    assert [d["id"] for d in docs] == ["ok"]
    assert [(e.reason, e.id) for e in errors] == [
        ("bad-document", "numeric-text"), ("bad-document", "file:docs.jsonl#line3"),
        ("bad-document", "file:docs.jsonl#line4"), ("bad-json", "file:docs.jsonl#line5")]
    assert all(e.to_dict()["id"] == e.id for e in errors)


def test_unwritable_document_is_an_error_record_not_a_crash(tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "s", "text": "lone \ud800 surrogate"}) + "\n"
                   + json.dumps({"id": "ok", "text": "Fine."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = build_corpus([src], out)
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["ok"]
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [(e["id"], e["reason"]) for e in errors] == [("s", "unwritable-document")]
    assert summary.documents == 1


# ----------------------------------------------------------------- odd files
def _run(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sec_events.cli", *args], capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def folder_with_fifo(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("FORM 8-K\nAcme Corp. appointed Jane Doe as Chief Executive Officer.\n")
    os.mkfifo(folder / "pipe.txt")  # nobody ever writes to it: reading it blocks forever
    (folder / "z.htm").write_text("<html><body><p>Acme Corp. filed on March 5, 2004.</p></body></html>")
    os.symlink(tmp_path, folder / "loop")  # a link to a folder: listed, not followed
    return folder


def read_within(inputs, seconds: float = 30):
    """`read` in a thread: a reader that blocks fails the test instead of hanging it."""
    import threading

    box = []
    thread = threading.Thread(target=lambda: box.append(read(inputs)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"the reader did not finish within {seconds} s"
    return box[0]


def test_fifo_and_folder_link_are_reported_not_read(tmp_path, folder_with_fifo):
    docs, errors = read_within([folder_with_fifo])
    assert [d["id"] for d in docs] == ["file:a.txt", "file:z.htm"]
    assert sorted((e.id, e.reason, e.detail) for e in errors) == [
        ("file:loop", "not-a-regular-file", "a folder"),
        ("file:pipe.txt", "not-a-regular-file", "a FIFO")]


def test_fifo_does_not_hang_corpus_build_or_extract(tmp_path, folder_with_fifo):
    out = tmp_path / "docs.jsonl"
    result = _run(["corpus", "build", str(folder_with_fifo), "-o", str(out)])
    assert result.returncode == 0, result.stderr
    errors = [json.loads(line) for line in (tmp_path / "docs.errors.jsonl").read_text().splitlines()]
    assert {e["id"] for e in errors} == {"file:pipe.txt", "file:loop"}
    rules = Path(__file__).resolve().parents[2] / "models" / "rules_only"
    out = tmp_path / "ex.jsonl"
    result = _run(["extract", str(folder_with_fifo), "-o", str(out), "--model", str(rules), "--no-progress"])
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], (r["error"] or "").split(":")[0]) for r in records] == [
        ("file:a.txt", ""), ("file:loop", "not-a-regular-file"), ("file:pipe.txt", "not-a-regular-file"),
        ("file:z.htm", "")]
    assert result.returncode == 1  # some inputs failed


# ----------------------------------------------------------------- ids unique per run
def test_same_base_name_in_two_folders_gives_two_documents(tmp_path):
    for name, words in (("a", "Acme Corp. declared a dividend."), ("b", "Beta Inc. named a new CEO.")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "report.htm").write_text(f"<html><body><p>{words}</p></body></html>")
        (tmp_path / name / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    # two folders, and the two files given themselves: both kept, told apart by their folder
    for inputs in ([tmp_path / "a", tmp_path / "b"],
                   [tmp_path / "a" / "report.htm", tmp_path / "b" / "report.htm"]):
        docs, errors = read(inputs)
        assert [d["id"] for d in docs] == ["file:a/report.htm", "file:b/report.htm"]
        assert len({d["text"] for d in docs}) == 2
    # error records use the same ids
    docs, errors = read([tmp_path / "a", tmp_path / "b"])
    assert [(e.id, e.reason) for e in errors] == [("file:a/broken.txt", "binary-file"),
                                                  ("file:b/broken.txt", "binary-file")]
    # one folder: names relative to it, as before; the same file twice is one document
    docs, _ = read([tmp_path])
    assert [d["id"] for d in docs] == ["file:a/report.htm", "file:b/report.htm"]
    docs, errors = read([tmp_path / "a" / "report.htm", tmp_path / "a" / "report.htm"])
    assert [d["id"] for d in docs] == ["file:report.htm"]
    assert [e.reason for e in errors] == ["duplicate-id"]


def test_file_names_are_unique_and_short():
    from sec_events.read.build import file_names

    files = [(Path("/x/a/r.htm"), Path("/x/a")), (Path("/x/b/r.htm"), Path("/x/b")),
             (Path("/y/a/r.htm"), Path("/y/a/r.htm")), (Path("/x/a/q.htm"), Path("/x/a")),
             (Path("/x/a/q.htm"), Path("/x/a/q.htm"))]
    assert file_names(files) == ["x/a/r.htm", "b/r.htm", "y/a/r.htm", "q.htm", "q.htm"]
    names = file_names(list_input_files([Path(__file__).parent]))
    assert len(set(names)) == len(names)


def test_parquet_documents_keep_extra_keys_of_mixed_types(tmp_path):
    """Passed-through JSONL documents whose extra top-level keys differ in type (an Arrow
    error and a traceback before) go to Parquet and come back as they were."""
    import json

    from typer.testing import CliRunner

    from sec_events.cli import app
    from sec_events.documents import read_documents

    src = tmp_path / "in.jsonl"
    docs = [{"id": "a", "text": "Alpha text.", "meta": {"k": 1}, "extra": 1},
            {"id": "b", "text": "Beta text.", "meta": {}, "extra": "x", "more": [1, {"y": None}]}]
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    done = CliRunner().invoke(app, ["corpus", "build", str(src), "-o", str(tmp_path / "out.parquet")])
    assert done.exit_code == 0, done.output
    assert list(read_documents(tmp_path / "out.parquet")) == docs
