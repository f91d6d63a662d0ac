"""`sec-events eval`: run a model over gold annotations and score it (FORMATS.md).

Writes `metrics.json` (every figure of training.scoring.score) and `report.md`
(per-label tables) into the output folder, and prints the headline table.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from extractors.extract import extract_records, load_model, ExtractSummary
from sec_events.documents import read_jsonl
from sec_events.paths import default_model, shared_dir
from training.scoring import score


def gold_records(annotations: Path | None, split: str | None, shared: Path | None) -> tuple[list[dict], str]:
    """Gold from a file, a split of the project's corpus, or (default) the seeds."""
    if annotations is not None:
        return list(read_jsonl(annotations)), str(annotations)
    if split is not None:
        from training.corpus import load_gold

        return load_gold(split, shared), f"gold corpus, {split} split"
    seeds = shared_dir(shared) / "spec" / "seeds-gold.jsonl"
    return list(read_jsonl(seeds)), str(seeds)


def predict(nlp, gold: list[dict]) -> list[dict]:
    docs = ({"id": g["id"], "text": g["text"]} for g in gold)
    return list(extract_records(nlp, docs, ExtractSummary(output=Path("-"))))


def evaluate(nlp, gold: list[dict]) -> tuple[dict, list[dict]]:
    start = time.perf_counter()
    preds = predict(nlp, gold)
    metrics = score(gold, preds)
    metrics["seconds"] = round(time.perf_counter() - start, 2)
    return metrics, preds


def _prf_rows(table: dict) -> list[str]:
    rows = ["| | P | R | F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
    for key, v in [*table["by"].items(), ("**micro**", table)]:
        rows.append(f"| {key} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} | {v['tp'] + v['fn']} | {v['tp'] + v['fp']} |")
    return rows


def markdown_report(metrics: dict, model: str, gold_name: str) -> str:
    lines = [f"# Evaluation: {model}", "", f"Gold: {gold_name} ({metrics['documents']} documents). "
             f"Scoring: FORMATS.md.", ""]
    for title, key in [("Entities", "entities"), ("Triggers", "triggers"), ("Arguments", "arguments"),
                       ("Document event types", "doc_types")]:
        lines += [f"## {title}", "", *_prf_rows(metrics[key]), ""]
    v = metrics["values"]
    lines += ["## Values", "", "| label | accuracy | correct | scored |", "|---|---:|---:|---:|"]
    for key, row in [*v["by"].items(), ("**all**", v)]:
        acc = "n/a" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
        lines.append(f"| {key} | {acc} | {row['correct']} | {row['scored']} |")
    r = metrics["records"]
    rec = "n/a" if r["recall"] is None else f"{r['recall']:.3f}"
    lines += ["", "## Complete records", "", f"Recall {rec} ({r['complete']} of {r['gold']} gold events).", ""]
    return "\n".join(lines)


def run_eval(model: Path | None, annotations: Path | None, output: Path, split: str | None = None,
             shared: Path | None = None) -> dict:
    from rich.console import Console
    from rich.table import Table

    model_path = Path(model) if model else default_model()
    nlp = load_model(model_path)
    gold, gold_name = gold_records(annotations, split, shared)
    metrics, preds = evaluate(nlp, gold)
    metrics["model"] = str(model_path)
    metrics["gold"] = gold_name
    output.mkdir(parents=True, exist_ok=True)
    (output / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    (output / "predictions.jsonl").write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    (output / "report.md").write_text(markdown_report(metrics, str(model_path), gold_name), encoding="utf-8")
    table = Table(title=f"{model_path.name} on {gold_name}")
    for col in ("entities", "P", "R", "F1", "value acc."):
        table.add_column(col, justify="right" if col != "entities" else "left")
    ents, vals = metrics["entities"], metrics["values"]["by"]
    for label, row in [*ents["by"].items(), ("micro", ents)]:
        acc = vals.get(label, {}).get("accuracy") if label != "micro" else metrics["values"]["accuracy"]
        table.add_row(label, f"{row['p']:.3f}", f"{row['r']:.3f}", f"{row['f']:.3f}",
                      "" if acc is None else f"{acc:.3f}")
    console = Console()
    console.print(table)
    for key in ("triggers", "arguments", "doc_types"):
        m = metrics[key]
        console.print(f"{key}: P {m['p']:.3f} R {m['r']:.3f} F1 {m['f']:.3f}")
    console.print(f"report: {output / 'report.md'}")
    return metrics
