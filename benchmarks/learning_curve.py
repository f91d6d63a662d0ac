"""Learning curve: dev scores of models trained on 25%, 50% and 100% of the train split.

    sec-events train -o runs/curve/25 --fraction 0.25
    sec-events train -o runs/curve/50 --fraction 0.5
    python benchmarks/learning_curve.py runs/curve/25 runs/curve/50 models/sec_events_sm [--write]

Reads the dev scores each model recorded in its meta (same config, seed and dev
split; only the share of train differs) and prints the curve; `--write` stores it
in the last model's meta (`sec_events.learning_curve`), where `sec-events eval`
puts it into its report. (`sec-events train --curve` does the same in one run.)
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

import typer


def main(models: List[Path], write: bool = typer.Option(False, help="Store the curve in the last model's meta.")):
    curve = []
    for model in models:
        meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))["sec_events"]
        dev = meta["scores"]["dev"]
        curve.append({"fraction": meta["training"]["fraction"], "model": str(model),
                      "train_documents": len(meta["training"]["documents"]["train"]),
                      "entities_f": dev["entities"]["f"], "triggers_f": dev["triggers"]["f"],
                      "arguments_f": dev["arguments"]["f"]})
    curve.sort(key=lambda c: c["fraction"])
    print(f"{'train share':>11} {'docs':>5} {'entity F1':>9} {'trigger F1':>10} {'argument F1':>11}")
    for c in curve:
        print(f"{c['fraction']:>11.0%} {c['train_documents']:>5} {c['entities_f']:>9.3f} {c['triggers_f']:>10.3f} "
              f"{c['arguments_f']:>11.3f}")
    if write:
        path = models[-1] / "meta.json"
        meta = json.loads(path.read_text(encoding="utf-8"))
        meta["sec_events"]["learning_curve"] = curve
        path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        print(f"written to {path}")


if __name__ == "__main__":
    typer.run(main)
