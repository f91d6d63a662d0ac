"""`sec-events extract` exit statuses and signals (issue 21): 0 when every document
was extracted, 1 when some failed (0 with --allow-errors), 2 for a usage error with a
one-line message; SIGTERM on a multi-process run stops it cleanly."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sec_events.cli import app
from sec_events.paths import PROJECT_ROOT, shared_dir

RULES = PROJECT_ROOT / "models" / "rules_only"


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args))
    # a user's mistake is an exit status and a message, never an exception
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def error_lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error:")]


@pytest.fixture
def docs(tmp_path) -> Path:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Acme Corp. paid $1.2 million on March 5, 2004."}) + "\n"
                    + json.dumps({"id": "b", "text": "Jane Doe was named Chief Executive Officer."}) + "\n")
    return path


def test_all_extracted_exits_0(tmp_path, docs):
    result = invoke("extract", str(docs), "-o", str(tmp_path / "out.jsonl"), "--model", str(RULES), "--no-progress")
    assert result.exit_code == 0, result.output


def test_failed_documents_exit_1_unless_allowed(tmp_path, docs):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": 5}\n{not json\n')
    for inputs, code in (([bad], 1), ([docs, bad], 1)):
        out = tmp_path / "out.jsonl"
        result = invoke("extract", *map(str, inputs), "-o", str(out), "--model", str(RULES),
                        "--no-progress", "--no-resume")
        assert result.exit_code == code, result.output
        assert error_lines(result) and "2 of" in error_lines(result)[0]
        result = invoke("extract", *map(str, inputs), "-o", str(out), "--model", str(RULES),
                        "--no-progress", "--no-resume", "--allow-errors")
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("case", ["missing", "not-a-model", "a-file"])
def test_bad_model_is_a_usage_error(tmp_path, docs, case):
    model = tmp_path / "model"
    if case == "not-a-model":
        model.mkdir()
        (model / "notes.txt").write_text("no pipeline here")
    elif case == "a-file":
        model.write_text("not a folder")
    result = invoke("extract", str(docs), "-o", str(tmp_path / "out.jsonl"), "--model", str(model))
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1 and str(model) in error_lines(result)[0]
    assert "Traceback" not in result.output


def test_broken_model_is_a_usage_error(tmp_path, docs):
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.cfg").write_text("[nlp]\nlang = \"xx-none\"\npipeline = [\"nothing\"]\n")
    result = invoke("extract", str(docs), "-o", str(tmp_path / "out.jsonl"), "--model", str(model))
    assert result.exit_code == 2 and "cannot load the model" in error_lines(result)[0]


def test_sigterm_on_two_processes_stops_cleanly(tmp_path):
    """A kill -TERM of `extract -n 2` ends the run without a traceback or a leaked-semaphore
    warning, and a resumed run completes it."""
    src = tmp_path / "docs.jsonl"
    with open(shared_dir() / "corpus" / "lee8k.jsonl", encoding="utf-8") as fh, open(src, "w") as out:
        for _, line in zip(range(60), fh):
            out.write(line)
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "sec_events.cli", "extract", str(src), "-o", str(out), "--model", str(RULES),
            "-n", "2", "--batch-size", "2", "--no-progress"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (out.exists() and out.stat().st_size):
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "no output after 120 s"
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert "leaked" not in stderr and "Traceback" not in stderr, stderr
    rerun = subprocess.run(args[:-5] + ["--no-progress"], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == \
        [json.loads(line)["id"] for line in src.read_text().splitlines()]
