"""Re-measure the dev and test scores a model records in its meta, with the current code.

    python -m training.rescore models/sec_events_sm

Post-processing (merge policy, trigger rules, linker decoding) lives in this
repository's code, not in the model's weights, so a change there changes a model's
scores without retraining. This re-scores the model on the gold dev and test splits of
lee8k and of the wide set (wide-test only here: run it once per submitted change)
(as `sec-events eval --split` does) and rewrites `meta.json`'s `sec_events.scores`,
keeping the training-time figures under `scores_at_training` and recording when
and with which commit the figures were measured.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import typer

from sec_events.paths import shared_dir
from training.evaluate import split_scores


def rescore(model: Path, shared: Path | None = None) -> dict:
    import spacy

    nlp = spacy.load(model)
    # at submission time: the dev splits and both test splits (training records only dev ones
    # of the wide set, so that wide-test is measured once per submitted change, here)
    scores = split_scores(nlp, shared or shared_dir(), splits=("dev", "test", "wide-dev", "wide-test"))
    meta_path = Path(model) / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    own = meta["sec_events"]
    own.setdefault("scores_at_training", own.get("scores"))
    own["scores"] = scores
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                                cwd=Path(__file__).parent).stdout.strip() or None
    except OSError:
        commit = None
    own["scores_measured"] = {"date": dt.date.today().isoformat(), "code_commit": commit}
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return scores


def main(model: Path = typer.Argument(..., help="Model directory whose meta to update."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED", help="Shared data folder.")):
    scores = rescore(model, shared)
    for split, s in scores.items():
        print(f"{split}: entities {s['entities']['f']:.3f} triggers {s['triggers']['f']:.3f} "
              f"arguments {s['arguments']['f']:.3f} records {s['records']['recall']:.3f}")


if __name__ == "__main__":
    typer.run(main)
