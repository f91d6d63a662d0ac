"""Inter-annotator agreement: the gold corpus against a second, independent annotation.

    python benchmarks/agreement.py [--second corpus/agreement/second.jsonl]

The second annotation (stand-off, like corpus/annotations.jsonl) covers a sample of
the gold documents; both are joined with their lee8k texts (hashes checked) and the
first is scored against the second with FORMATS.md's scoring. Prints entity,
trigger, argument and document-type P/R/F1, value accuracy and per-label F1.
"""
from __future__ import annotations

from pathlib import Path

import typer

from sec_events.documents import read_jsonl
from sec_events.paths import CORPUS_DIR
from training.corpus import join, source_texts
from training.scoring import score

SECOND = CORPUS_DIR / "agreement" / "second.jsonl"


def main(second: Path = typer.Option(SECOND, help="Second annotation (stand-off JSONL)."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED")) -> None:
    seconds = list(read_jsonl(second))
    ids = {s["id"] for s in seconds}
    firsts = [s for s in read_jsonl(CORPUS_DIR / "annotations.jsonl") if s["id"] in ids]
    sources = source_texts(shared, {s["source_id"] for s in seconds})
    a = [join(s, sources[s["source_id"]]) for s in firsts]
    b = [join(s, sources[s["source_id"]]) for s in seconds]
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
