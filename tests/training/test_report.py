"""The evaluation report: displaCy span renderings of gold beside predicted (entities,
triggers, arguments), the argument F1 bar chart, the precision-recall plot from the
predictions' scores, and the documents with most errors as examples."""
import json
import re
import xml.etree.ElementTree as ET

import pytest

from sec_events.paths import PROJECT_ROOT
from training.report import (doc_errors, error_marks, most_errors, record_spans, render_spans, span_doc,
                             threshold_curves)
from training.scoring import score

MODEL = PROJECT_ROOT / "models" / "sec_events_sm"
SVG = "{http://www.w3.org/2000/svg}svg"


def _span_labels(markup: str) -> list[str]:
    """The labels displaCy's span style wrote (the text of each label box)."""
    return [" ".join(x.split()) for x in re.findall(r"font-size: 0\.6em[^>]*>\s*([^<]+?)\s*</span>", markup)]


@pytest.fixture(scope="module")
def run(tmp_path_factory, shared):
    """`sec-events eval`'s run_eval with the shipped model on 8 lee8k dev documents."""
    from training.corpus import load_gold
    from training.evaluate import run_eval

    tmp = tmp_path_factory.mktemp("report")
    gold = load_gold("dev", shared)[:8]
    path = tmp / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    out = tmp / "out"
    metrics = run_eval(MODEL, path, out, shared=shared, with_ablation=False)
    preds = [json.loads(line) for line in (out / "predictions.jsonl").read_text(encoding="utf-8").splitlines()]
    return {"out": out, "gold": gold, "preds": preds, "metrics": metrics,
            "html": (out / "report.html").read_text(encoding="utf-8")}


def test_examples_are_the_documents_with_most_errors(run):
    by_id = {p["id"]: p for p in run["preds"]}
    counts = {}
    for g in run["gold"]:  # errors of each document by the official scoring, computed here independently
        m = score([g], [by_id[g["id"]]])
        counts[g["id"]] = sum(m[k]["fp"] + m[k]["fn"] for k in ("entities", "triggers", "arguments"))
    # documents without errors are never chosen
    expected = sorted((i for i in counts if counts[i]),
                      key=lambda i: (-counts[i], [g["id"] for g in run["gold"]].index(i)))[:5]
    assert expected
    written = json.loads((run["out"] / "doc_errors.json").read_text(encoding="utf-8"))
    assert written["chosen"] == expected
    assert {d["id"]: d["errors"] for d in written["documents"]} == counts
    headings = re.findall(r"<h3>([^<]+): (\d+) errors</h3>", run["html"])
    assert [(h, int(n)) for h, n in headings] == [(i, counts[i]) for i in expected]
    left_out = set(counts) - set(expected)
    assert left_out and max(counts[i] for i in left_out) <= min(counts[i] for i in expected)


def test_span_renderings_draw_triggers_and_arguments_gold_beside_predicted(run):
    html = run["html"]
    section = html[html.index("documents with most errors</h2>"):]
    chosen = json.loads((run["out"] / "doc_errors.json").read_text(encoding="utf-8"))["chosen"]
    assert section.count("<h4>gold</h4>") == section.count("<h4>predicted</h4>") == len(chosen) > 0
    labels = _span_labels(section)
    assert any(label.startswith("TRIGGER:") for label in labels)
    roles = {a["role"] for g in run["gold"] for e in g["events"] for a in e["args"]}
    assert any(label.split(" #")[0] in roles for label in labels if not label.startswith("TRIGGER:"))
    entity_labels = {s["label"] for g in run["gold"] for s in g["spans"]}
    assert any(label.removesuffix(" ✗") in entity_labels for label in labels)
    assert any(label.endswith("✗") for label in labels)  # errors are marked
    assert 'class="spans"' in section  # displaCy's span style, not its entity style


def test_plots_are_valid_svg_files_beside_the_report(run):
    out, html = run["out"], run["html"]
    for name in ("role_f1.svg", "pr_curves.svg"):
        path = out / name
        assert path.stat().st_size > 1000
        assert ET.parse(path).getroot().tag == SVG
        assert f'src="{name}"' in html
    chart = (out / "role_f1.svg").read_text(encoding="utf-8")
    for role in run["metrics"]["arguments"]["by"]:
        assert role in chart  # one bar per event type and role, named
    curves = json.loads((out / "pr_curves.json").read_text(encoding="utf-8"))
    for kind in ("entities", "triggers", "arguments"):
        c = curves[kind]
        assert len(c["thresholds"]) >= 2 and c["thresholds"] == sorted(c["thresholds"])
        assert c["micro"]["f"][0] == pytest.approx(run["metrics"][kind]["f"])  # lowest threshold: the run itself
        assert c["micro"]["r"] == sorted(c["micro"]["r"], reverse=True)  # a higher threshold never finds more
    # self-contained: every picture is inline or a file in the folder, nothing is fetched
    for src in re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r"(?:src|href)='([^']+)'", html):
        assert src.startswith("data:") or (out / src).is_file(), src


def test_error_marks_count_what_scoring_counts(run):
    by_id = {p["id"]: p for p in run["preds"]}
    for g, row in zip(run["gold"], doc_errors(run["gold"], run["preds"])):
        m = error_marks(g, by_id[g["id"]])
        assert (len(m["pred_spans"]), len(m["gold_spans"])) == (row["entities"]["fp"], row["entities"]["fn"])
        assert (len(m["pred_events"]), len(m["gold_events"])) == (row["triggers"]["fp"], row["triggers"]["fn"])
        assert (len(m["pred_args"]), len(m["gold_args"])) == (row["arguments"]["fp"], row["arguments"]["fn"])


TEXT = "On May 2, 2022, Quillfeather Robotics, Inc. appointed Ada Byron as\nChief Financial Officer."


def _gold():
    return {"id": "d1", "text": TEXT,
            "spans": [{"start": 3, "end": 14, "label": "DATE", "value": "2022-05-02"},
                      {"start": 16, "end": 43, "label": "ORG"}, {"start": 54, "end": 63, "label": "PERSON"},
                      {"start": 67, "end": 90, "label": "ROLE"}],
            "events": [{"type": "EXECUTIVE_CHANGE", "trigger": {"start": 44, "end": 53},
                        "args": [{"role": "person", "start": 54, "end": 63}, {"role": "role", "start": 67, "end": 90},
                                 {"role": "org", "start": 16, "end": 43}]}]}


def test_most_errors_ranks_by_errors_not_by_position():
    rows = [{"id": f"d{i}", "index": i, "errors": n} for i, n in enumerate([0, 1, 1, 7, 3, 7, 2])]
    assert [r["id"] for r in most_errors(rows, 3)] == ["d3", "d5", "d4"]
    assert [r["id"] for r in most_errors(rows, 10)][-1] == "d2"  # ties keep gold order; no error-free document
    assert len(most_errors(rows, 10)) == 6


def test_record_spans_label_triggers_arguments_and_errors():
    gold = _gold()
    pred = {"id": "d1", "spans": [{"start": 3, "end": 14, "label": "DATE"}, {"start": 16, "end": 37, "label": "ORG"}],
            "events": [{"type": "EXECUTIVE_CHANGE", "trigger": {"start": 44, "end": 53},
                        "args": [{"role": "person", "start": 54, "end": 63}, {"role": "org", "start": 3, "end": 14}]}]}
    marks = error_marks(gold, pred)
    assert marks["pred_spans"] == {1} and marks["gold_spans"] == {1, 2, 3}
    assert marks["pred_args"] == {(0, 1)} and marks["gold_args"] == {(0, 1), (0, 2)}
    got = set(record_spans(pred, marks, "pred"))
    assert {(44, 53, "TRIGGER:EXECUTIVE_CHANGE #1"), (54, 63, "person #1"), (3, 14, "org #1 ✗"),
            (16, 37, "ORG ✗"), (3, 14, "DATE")} == got
    m = score([gold], [pred])
    assert (m["arguments"]["fp"], m["arguments"]["fn"]) == (1, 2)


def test_span_doc_keeps_text_and_exact_offsets():
    spans = record_spans(_gold(), {k: set() for k in ("gold_spans", "gold_events", "gold_args")}, "gold")
    spans.append((17, 25, "PART"))  # inside a word: the tokens break there
    doc = span_doc(TEXT, spans)
    assert doc.text == TEXT
    assert sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]) == sorted(spans)
    # a window: offsets of the full document, text from `offset` on
    window = TEXT[40:]
    doc = span_doc(window, spans, offset=40)
    assert doc.text == window
    assert {(s.start_char + 40, s.end_char + 40, s.label_) for s in doc.spans["sc"]} == \
        {s for s in spans if s[0] >= 40}
    labels = _span_labels(render_spans(TEXT, spans))
    assert "TRIGGER:EXECUTIVE_CHANGE #1" in labels and "person #1" in labels and "ORG" in labels


def test_threshold_curves_rescore_at_each_score():
    gold = [{"id": "d", "text": TEXT, "spans": [{"start": 16, "end": 43, "label": "ORG"},
                                                {"start": 54, "end": 63, "label": "PERSON"}], "events": []}]
    preds = [{"id": "d", "spans": [{"start": 16, "end": 43, "label": "ORG", "score": 0.9},
                                   {"start": 67, "end": 90, "label": "ORG", "score": 0.6},
                                   {"start": 54, "end": 63, "label": "PERSON", "score": 0.3}], "events": []}]
    c = threshold_curves(gold, preds)["entities"]
    assert c["thresholds"] == [0.3, 0.6, 0.9]
    assert c["micro"]["p"] == pytest.approx([2 / 3, 1 / 2, 1.0], abs=1e-4)  # scoring rounds to 4 places
    assert c["micro"]["r"] == pytest.approx([1.0, 0.5, 0.5])
    assert c["by"]["PERSON"]["r"] == [1.0, 0.0, 0.0]
    assert c["by"]["PERSON"]["p"] == [1.0, None, None]  # nothing kept: precision undefined
    assert c["by"]["ORG"]["gold"] == 1
