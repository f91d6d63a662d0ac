"""Inter-annotator agreement: the gold corpus against a second, independent annotation.

    python benchmarks/agreement.py                 # lee8k gold vs corpus/agreement/second.jsonl
    python benchmarks/agreement.py --wide          # wide set, round 3 (--round 1, 2: the earlier ones)
    python benchmarks/agreement.py --second FILE --first FILE

The second annotation (stand-off, like corpus/annotations.jsonl) covers a sample of
the gold documents. For the wide set, each round's first annotation is kept as it was
when the second was made (`corpus/agreement/wide-first-roundN.jsonl`): the gold was
reconciled with the second afterwards, so its agreement with the second is no longer
the figure before reconciliation. Both are both are joined with their source texts (hashes checked) and the
first is scored against the second with FORMATS.md's scoring. Prints entity,
trigger, argument and document-type P/R/F1, value accuracy and per-label F1.
"""
from __future__ import annotations

from pathlib import Path

import typer

from sec_events.documents import read_jsonl
from sec_events.paths import CORPUS_DIR
from training.corpus import ANNOTATIONS, join, sources_of
from training.scoring import score

SECOND = CORPUS_DIR / "agreement" / "second.jsonl"
AGREEMENT = CORPUS_DIR / "agreement"


def main(second: Path = typer.Option(None, help="Second annotation (stand-off JSONL)."),
         first: Path = typer.Option(None, help="First annotation (default: the gold corpus of --wide or not)."),
         wide: bool = typer.Option(False, "--wide", help="The wide set: first and second annotation of a round."),
         round_: int = typer.Option(3, "--round", min=1, max=3, help="With --wide: which double annotation."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED")) -> None:
    second = second or (AGREEMENT / f"wide-second-round{round_}.jsonl" if wide else SECOND)
    first = first or (AGREEMENT / f"wide-first-round{round_}.jsonl" if wide else ANNOTATIONS)
    seconds = list(read_jsonl(second))
    ids = {s["id"] for s in seconds}
    firsts = [s for s in read_jsonl(first) if s["id"] in ids]
    if len(firsts) != len(ids):
        raise SystemExit(f"{len(ids) - len(firsts)} documents of {second} are not in {first}")
    sources = sources_of(firsts + seconds, shared)
    key = lambda s: (s.get("source", "lee8k"), s["source_id"])
    a = [join(s, sources[key(s)]) for s in firsts]
    order = {f["id"]: k for k, f in enumerate(firsts)}
    b = [join(s, sources[key(s)]) for s in sorted(seconds, key=lambda s: order[s["id"]])]
    m = score(a, b)
    words = sum(len(r["text"].split()) for r in a)
    print(f"{len(a)} documents, {words:,} words annotated twice")
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
