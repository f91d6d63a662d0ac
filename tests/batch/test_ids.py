"""One id scheme for a run: `extract` gives every document, error and skip the id
`corpus build` gives it (the same reader, `sec_events.read.build.file_names`), for
nested folders, two files of the same base name and a file given by itself."""
from __future__ import annotations

import json
from pathlib import Path

from extractors.batch.extract import run_extract
from extractors.batch.writers import read_records
from sec_events.paths import PROJECT_ROOT
from sec_events.read.build import build_corpus

RULES = PROJECT_ROOT / "models" / "rules_only"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_extract_and_corpus_build_give_the_same_ids(tmp_path):
    root = tmp_path / "filings"
    body = "<html><body><p>Brindle Systems Corp. appointed Maren Okafor as Chief Financial Officer " \
           "on March 5, 2004.</p></body></html>"
    write(root / "top.htm", body)
    write(root / "a" / "report.htm", body.replace("Maren", "Ada"))
    write(root / "b" / "report.htm", body.replace("Maren", "Ola"))          # same base name
    write(root / "a" / "deep" / "notes.txt", "FORM 8-K\n\nQuillfeather Robotics Inc. declared a dividend.\n")
    write(root / "a" / "deep" / "empty.txt", "   \n")                      # an error record
    write(root / "b" / "picture.bmp", "not a filing")                      # skipped
    alone = write(tmp_path / "elsewhere" / "report.htm", body.replace("Maren", "Ida"))  # given by itself
    inputs = [root, alone]

    docs, out = tmp_path / "docs.jsonl", tmp_path / "out.jsonl"
    build_corpus(inputs, docs, progress_every=1000)
    run_extract(inputs, out, model=RULES, resume=False, progress=False)
    built = [d["id"] for d in lines(docs)]
    extracted = [r["id"] for r in read_records(out) if r["error"] is None]
    # relative to the folder given (its own files first, then its folders, sorted), a
    # file given by itself by its name; names differ, so none is lengthened
    assert built == extracted == ["file:top.htm", "file:a/report.htm", "file:a/deep/notes.txt",
                                  "file:b/report.htm", "file:report.htm"]
    # error records and skips: the same ids and reasons in both errors files
    build_errors = [(e["id"], e["reason"], e["kind"]) for e in lines(tmp_path / "docs.errors.jsonl")]
    extract_errors = [(e["id"], e["reason"], e["kind"]) for e in lines(tmp_path / "out.errors.jsonl")]
    assert sorted(build_errors) == sorted(extract_errors) == sorted([
        ("file:a/deep/empty.txt", "empty", "error"), ("file:b/picture.bmp", "unsupported-file", "skipped")])
    # every record's id ends with its source file's path relative to what was given
    for rec in read_records(out):
        if rec["error"] is None:
            assert rec["meta"]["source"].endswith(rec["id"][len("file:"):])


def test_two_inputs_that_would_share_names_are_told_apart(tmp_path):
    """The same relative name under two folders given in one run: each id gets the
    folder that tells them apart, in both commands."""
    one = write(tmp_path / "q1" / "filings" / "report.htm", "<p>Acme Corp. paid $1.2 million.</p>")
    two = write(tmp_path / "q2" / "filings" / "report.htm", "<p>Brindle Corp. paid $3 million.</p>")
    inputs = [one.parent.parent, two.parent.parent]
    build_corpus(inputs, tmp_path / "docs.jsonl", progress_every=1000)
    run_extract(inputs, tmp_path / "out.jsonl", model=RULES, resume=False, progress=False)
    built = [d["id"] for d in lines(tmp_path / "docs.jsonl")]
    assert built == [r["id"] for r in read_records(tmp_path / "out.jsonl")] == [
        "file:q1/filings/report.htm", "file:q2/filings/report.htm"]
