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
import subprocess
from pathlib import Path

import typer

from sec_events.paths import shared_dir
from training.evaluate import split_scores
from training.meta import sec_events_meta, update_sec_events


def rescore(model: Path, shared: Path | None = None) -> dict:
    import spacy

    nlp = spacy.load(model)
    # at submission time: the dev splits and both test splits (training records only dev ones
    # of the wide set, so that wide-test is measured once per submitted change, here)
    scores = split_scores(nlp, shared or shared_dir(), splits=("dev", "test", "wide-dev", "wide-test"))
    own = sec_events_meta(model)
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                                cwd=Path(__file__).parent).stdout.strip() or None
    except OSError:
        commit = None
    update_sec_events(model, scores_at_training=own.get("scores_at_training", own.get("scores")), scores=scores,
                      scores_measured={"date": dt.date.today().isoformat(), "code_commit": commit})
    return scores


def main(model: Path = typer.Argument(..., help="Model directory whose meta to update."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED", help="Shared data folder.")):
    scores = rescore(model, shared)
    for split, s in scores.items():
        print(f"{split}: entities {s['entities']['f']:.3f} triggers {s['triggers']['f']:.3f} "
              f"arguments {s['arguments']['f']:.3f} records {s['records']['recall']:.3f}")


if __name__ == "__main__":
    typer.run(main)
