"""A user's mistakes in `eval`, `train` and `corpus stats` (issue 21): a one-line error
and exit status 2 before any work starts, never a traceback; gold whose offsets do not
fit its text is refused with the record named."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sec_events.checks import InputError, check_gold
from sec_events.paths import PROJECT_ROOT

RULES = PROJECT_ROOT / "models" / "rules_only"


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command in a subprocess with a deadline: before these checks, some of these
    mistakes only failed after minutes of training."""
    return subprocess.run([sys.executable, "-m", "sec_events.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=PROJECT_ROOT)


def assert_usage_error(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def gold_line(**changes) -> str:
    record = {"id": "g1", "text": "Acme Corp. paid $5 million.", "spans": [
        {"start": 0, "end": 10, "label": "ORG"},
        {"start": 16, "end": 26, "label": "MONEY", "value": {"amount": 5e6, "currency": "USD"}}], "events": []}
    record.update(changes)
    return json.dumps(record)


@pytest.fixture
def not_a_model(tmp_path):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "readme.txt").write_text("not a pipeline")
    return folder


def test_eval_bad_model(tmp_path, not_a_model):
    out = str(tmp_path / "eval")
    assert_usage_error(run("eval", str(tmp_path / "missing"), "-o", out), "model not found")
    assert_usage_error(run("eval", str(not_a_model), "-o", out), "not a model folder")


def test_eval_bad_gold_files(tmp_path):
    out = str(tmp_path / "eval")
    bad = tmp_path / "gold.jsonl"
    bad.write_text(gold_line() + "\n{not json\n")
    assert_usage_error(run("eval", str(RULES), str(bad), "-o", out), "gold.jsonl:2", "not valid JSON")
    bad.write_text(gold_line() + "\n" + gold_line(id="g2", spans=[{"start": 20, "end": 400, "label": "ORG"}]) + "\n")
    assert_usage_error(run("eval", str(RULES), str(bad), "-o", out), "'g2'", "outside the text")
    compare = tmp_path / "metrics.json"
    compare.write_text("{oops")
    good = tmp_path / "good.jsonl"
    good.write_text(gold_line() + "\n")
    assert_usage_error(run("eval", str(RULES), str(good), "-o", out, "--compare", str(compare)), "not a JSON file")


def test_eval_bad_split_and_shared(tmp_path):
    out = str(tmp_path / "eval")
    assert_usage_error(run("eval", str(RULES), "--split", "nope", "-o", out), "unknown split")
    assert_usage_error(run("eval", str(RULES), "--split", "dev", "--shared", str(tmp_path / "none"), "-o", out),
                       "shared data folder not found")
    assert_usage_error(run("corpus", "stats", "--split", "nope"), "unknown split")


@pytest.mark.shared  # train looks for the shared folder before the checks below
def test_train_bad_inputs_fail_before_training(tmp_path, not_a_model):
    existing = tmp_path / "model.bin"
    existing.write_text("a file")
    assert_usage_error(run("train", "-o", str(existing)), "is a file")
    assert_usage_error(run("train", "-o", str(not_a_model)), "holds no model")
    assert_usage_error(run("train", "-o", str(tmp_path / "m"), "--suggester", "nope"), "unknown --suggester")
    assert_usage_error(run("train", "-o", str(tmp_path / "m"), "--shared", str(tmp_path / "none")),
                       "shared data folder not found")
    assert_usage_error(run("train", "-o", str(tmp_path / "m"), "--with-wide-dev"), "--with-wide-dev needs --wide")


@pytest.mark.parametrize("change, words", [
    ({"spans": [{"start": 30, "end": 35, "label": "ORG"}]}, "outside the text"),
    ({"spans": [{"start": 10, "end": 4, "label": "ORG"}]}, "ends before it starts"),
    ({"spans": [{"start": 4, "end": 4, "label": "ORG"}]}, "is empty"),
    ({"spans": [{"start": "0", "end": 4, "label": "ORG"}]}, "integer"),
    ({"events": [{"type": "DIVIDEND", "trigger": {"start": 11, "end": 60}, "args": []}]}, "trigger"),
    ({"events": [{"type": "DIVIDEND", "trigger": {"start": 11, "end": 15},
                  "args": [{"role": "amount", "start": 26, "end": 16}]}]}, "argument 0 (amount)"),
    ({"ignore": [{"start": -1, "end": 3}]}, "ignore region"),
    ({"text": None}, "no text"),
])
def test_gold_with_impossible_offsets_is_refused(tmp_path, change, words):
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line() + "\n" + gold_line(id="bad-one", **change) + "\n")
    with pytest.raises(InputError, match="gold.jsonl:2") as err:
        check_gold(path)
    assert words in str(err.value) and "'bad-one'" in str(err.value)


def test_project_gold_passes_the_check(shared):
    from training.corpus import SPLITS, load_gold
    from sec_events.checks import record_problem

    check_gold(shared / "spec" / "seeds-gold.jsonl")
    for split in SPLITS:
        problems = [(g["id"], record_problem(g)) for g in load_gold(split, shared) if record_problem(g)]
        assert not problems, problems[:5]
