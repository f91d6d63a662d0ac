"""Inter-annotator agreement: the gold corpus against a second, independent annotation.

    python benchmarks/agreement.py                 # lee8k: corpus/agreement/lee8k-first.jsonl vs second.jsonl
    python benchmarks/agreement.py --wide          # wide set, the latest round (--round N: an earlier one)
    python benchmarks/agreement.py --second FILE --first FILE

The files and why each first annotation is kept as it was: `training/agreement.py`.
Both annotations are joined with their source texts (hashes checked) and the first is
scored against the second with FORMATS.md's scoring. Prints entity, trigger, argument and
document-type P/R/F1, value accuracy and per-label F1.
"""
from __future__ import annotations

from pathlib import Path

import typer

from training.agreement import FIRST, SECOND, agreement, round_files


def main(second: Path = typer.Option(None, help="Second annotation (stand-off JSONL)."),
         first: Path = typer.Option(None, help="First annotation (default: the first of the lee8k or --wide double annotation)."),
         wide: bool = typer.Option(False, "--wide", help="The wide set: first and second annotation of a round."),
         round_: int = typer.Option(None, "--round", min=1, help="With --wide: which double annotation (default: the latest)."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED")) -> None:
    if wide:
        try:
            first_round, second_round = round_files(round_)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--round")
    else:
        first_round, second_round = FIRST, SECOND
    try:
        m, n, words = agreement(first or first_round, second or second_round, shared)
    except ValueError as e:
        raise SystemExit(str(e))
    print(f"{n} documents, {words:,} words annotated twice")
    print(f"{'':22} {'P':>6} {'R':>6} {'F1':>6}")
    for key in ("entities", "triggers", "arguments", "doc_types"):
        print(f"{key:22} {m[key]['p']:6.3f} {m[key]['r']:6.3f} {m[key]['f']:6.3f}")
    print(f"{'values (accuracy)':22} {m['values']['accuracy']:6.3f}")
    print(f"{'records (recall)':22} {m['records']['recall']:6.3f}")
    for section in ("entities", "triggers"):
        print(f"\n{section} F1 by label")
        for label, v in m[section]["by"].items():
            print(f"  {label:20} {v['f']:6.3f}  (first {v['tp'] + v['fn']}, second {v['tp'] + v['fp']})")


if __name__ == "__main__":
    typer.run(main)
