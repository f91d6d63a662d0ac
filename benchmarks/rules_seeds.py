"""Per-label P/R/F1 of the rule pipeline on the gold seeds (FORMATS.md entity scoring).

    /work/venv/bin/python benchmarks/rules_seeds.py [--model PATH] [--errors] [--gold FILE]

Without --model the rules pipeline is built from extractors/pipeline.cfg. --errors lists every
false positive and false negative with its text.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sec_events.paths import shared_dir  # noqa: E402
from training.scoring import score  # noqa: E402


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict(nlp, records: list[dict]) -> list[dict]:
    out = []
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        out.append({"id": rec["id"], "events": [],
                    "spans": [{"start": e.start_char, "end": e.end_char, "label": e.label_,
                               "text": e.text} for e in doc.ents]})
    return out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="saved pipeline (default: build from config)")
    ap.add_argument("--gold", default=None, help="gold JSONL (default: shared spec/seeds-gold.jsonl)")
    ap.add_argument("--errors", action="store_true", help="print false positives/negatives")
    args = ap.parse_args(argv)
    gold = load_gold(Path(args.gold) if args.gold else shared_dir() / "spec" / "seeds-gold.jsonl")
    if args.model:
        import spacy
        nlp = spacy.load(args.model)
    else:
        from extractors.pipeline import rules_pipeline
        nlp = rules_pipeline()
    pred = predict(nlp, gold)
    result = score(gold, pred)["entities"]
    print(f"{'label':8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for label, r in sorted(result["by"].items()):
        print(f"{label:8} {r['p']:6.3f} {r['r']:6.3f} {r['f']:6.3f} {r['tp']:4d} {r['fp']:4d} {r['fn']:4d}")
    print(f"{'ALL':8} {result['p']:6.3f} {result['r']:6.3f} {result['f']:6.3f} "
          f"{result['tp']:4d} {result['fp']:4d} {result['fn']:4d}")
    if args.errors:
        for g, p in zip(gold, pred):
            gs = {(s["start"], s["end"], s["label"]) for s in g["spans"]}
            ps = {(s["start"], s["end"], s["label"]) for s in p["spans"]}
            for kind, keys in (("FP", ps - gs), ("FN", gs - ps)):
                for s, e, lab in sorted(keys):
                    print(f"{g['id'][:12]} {kind} {lab:7} {s:5d} {g['text'][s:e]!r}")
    return result


if __name__ == "__main__":
    main()
