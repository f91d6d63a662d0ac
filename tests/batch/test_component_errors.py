"""A component that catches an error on a document leaves a trace in its output record
(`component_errors`), in the extract summary (`partial`) and in `eval`'s metrics, so a
partial record is never taken for the model's best (real rules pipeline, real windows)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.batch.extract import ExtractSummary, extract_records
from extractors.batch.records import COMPONENT_ERRORS
from extractors.batch.windows import join_records
from extractors.pipeline import rules_pipeline
from training.evaluate import evaluate

BAD = "Boomco Holdings Inc. paid $5 million on May 3, 2006."
GOOD = "Zeta Corp. paid $7 million on June 1, 2007."


def _boom(ctx):
    if "Boomco" in ctx.text:
        raise ValueError("boom")
    return []


@pytest.fixture(scope="module")
def broken_nlp():
    """The rules pipeline with one rule function that raises on documents naming Boomco."""
    nlp = rules_pipeline()
    component = nlp.get_pipe("sec_rules")
    component.rule_functions = [("boom", _boom)] + list(component.rule_functions)
    return nlp


def test_record_and_summary_report_the_caught_error(broken_nlp):
    summary = ExtractSummary(output=Path("-"))
    bad, good = extract_records(broken_nlp, [{"id": "bad", "text": BAD}, {"id": "good", "text": GOOD}], summary)
    assert bad["error"] is None and COMPONENT_ERRORS not in good
    assert len(bad[COMPONENT_ERRORS]) == 1 and "sec_rules" in bad[COMPONENT_ERRORS][0]
    assert "boom" in bad[COMPONENT_ERRORS][0]
    assert {s["label"] for s in bad["spans"]} >= {"MONEY", "DATE"}   # the other rules still ran
    assert summary.partial == 1 and summary.errors == 0
    assert "partial:    1 " in summary.describe()


def test_clean_run_says_nothing(broken_nlp):
    summary = ExtractSummary(output=Path("-"))
    [good] = extract_records(broken_nlp, [{"id": "good", "text": GOOD}], summary)
    assert COMPONENT_ERRORS not in good and summary.partial == 0
    assert "partial" not in summary.describe()


def test_eval_counts_partial_documents(broken_nlp):
    gold = [{"id": i, "text": t, "spans": [], "events": []} for i, t in (("bad", BAD), ("good", GOOD))]
    metrics, _ = evaluate(broken_nlp, gold)
    assert metrics[COMPONENT_ERRORS]["documents"] == 1
    assert list(metrics[COMPONENT_ERRORS]["errors"]) == ["bad"]


def test_windows_keep_their_errors_with_offsets():
    part = {"id": "d", "spans": [], "events": [], "error": None, COMPONENT_ERRORS: ["sec_rules: boom: ValueError()"]}
    clean = {"id": "d", "spans": [], "events": [], "error": None}
    joined = join_records("d", [(0, part), (900, clean), (1800, part)])
    assert joined[COMPONENT_ERRORS] == ["sec_rules: boom: ValueError()",
                                        "sec_rules: boom: ValueError() (window at 1800)"]
    assert COMPONENT_ERRORS not in join_records("d", [(0, clean), (900, clean)])


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ".sqlite"])
def test_every_format_keeps_them(broken_nlp, tmp_path, suffix):
    pytest.importorskip("pyarrow")
    from extractors.batch.writers import read_records, write_records

    summary = ExtractSummary(output=Path("-"))
    records = list(extract_records(broken_nlp, [{"id": "bad", "text": BAD}, {"id": "good", "text": GOOD}], summary,
                                   with_hash=True))
    write_records(records, tmp_path / f"out{suffix}")
    back = list(read_records(tmp_path / f"out{suffix}"))
    assert [r.get(COMPONENT_ERRORS) for r in back] == [records[0][COMPONENT_ERRORS], None]
