"""Vote results on the vote gold: SHAREHOLDER_VOTE argument F1, nominee F1, SHARES F1.

    python benchmarks/votes.py                       # dev side, the shipped pipeline config
    python benchmarks/votes.py --model /tmp/votes_model --side test
    python benchmarks/votes.py --model /tmp/votes_model --side dev --errors

The vote gold is every gold document holding a SHAREHOLDER_VOTE event (scored whole,
FORMATS.md scoring, `training.evaluate.evaluate`), from:

- `corpus/votes/` (lee8k vote filings annotated for issue 19): `votes-dev`, `votes-test`;
- the lee8k corpus (`train`, `dev`: dev side; `test`: test side);
- the wide set (`wide-train`, `wide-dev`: dev side; `wide-test`: test side).

The test side holds only companies that are in no training file (lee8k test: Google;
wide-test; votes-test: Google). Measure it once, after every choice was made on dev.

Targets (issue 19): vote argument F1 >= 0.95, nominee F1 >= 0.95, SHARES F1 >= 0.97.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from training.corpus import load_gold  # noqa: E402
from training.evaluate import evaluate  # noqa: E402
SIDES = {"dev": ("votes-dev", "train", "dev", "wide-train", "wide-dev"),
         "test": ("votes-test", "test", "wide-test")}
TARGETS = {"vote_arguments": 0.95, "nominee": 0.95, "shares": 0.97}


def vote_gold(side: str, shared: Path | None = None) -> list[dict]:
    """The gold documents of one side that hold a SHAREHOLDER_VOTE event."""
    out = []
    for split in SIDES[side]:
        out += [r for r in load_gold(split, shared) if any(e["type"] == "SHAREHOLDER_VOTE" for e in r["events"])]
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def vote_figures(metrics: dict) -> dict:
    """Vote argument F1 (every SHAREHOLDER_VOTE role), nominee F1, SHARES F1 from an
    `evaluate` metrics dict."""
    by = metrics["arguments"]["by"]
    vote = [v for k, v in by.items() if k.startswith("SHAREHOLDER_VOTE.")]
    nominee = by.get("SHAREHOLDER_VOTE.nominee", {"tp": 0, "fp": 0, "fn": 0})
    shares = metrics["entities"]["by"].get("SHARES", {"tp": 0, "fp": 0, "fn": 0})
    return {"vote_arguments": _prf(sum(v["tp"] for v in vote), sum(v["fp"] for v in vote),
                                   sum(v["fn"] for v in vote)),
            "nominee": _prf(nominee["tp"], nominee["fp"], nominee["fn"]),
            "shares": _prf(shares["tp"], shares["fp"], shares["fn"]),
            "by_role": {k.split(".", 1)[1]: v for k, v in by.items() if k.startswith("SHAREHOLDER_VOTE.")},
            "vote_triggers": metrics["triggers"]["by"].get("SHAREHOLDER_VOTE")}


def errors(gold: list[dict], predictions: list[dict]) -> list[str]:
    """Vote argument tuples and SHARES spans that differ, per document (for reading)."""
    from training.scoring import _filler, _span_index, fillers_equal

    lines = []
    pred_by_id = {p["id"]: p for p in predictions}
    for g in gold:
        p = {**pred_by_id.get(g["id"], {"spans": [], "events": []}), "text": g["text"]}
        gs, ps = _span_index(g), _span_index(p)
        gt = [(a["role"], _filler(g, a, gs)) for e in g["events"] if e["type"] == "SHAREHOLDER_VOTE" for a in e["args"]]
        pt = [(a["role"], _filler(p, a, ps)) for e in p.get("events", []) if e["type"] == "SHAREHOLDER_VOTE"
              for a in e["args"]]
        used = set()
        fps = []
        for role, f in pt:
            k = next((i for i, (r, gf) in enumerate(gt) if i not in used and r == role and fillers_equal(gf, f)), None)
            if k is None:
                fps.append((role, f["text"], f["value"]))
            else:
                used.add(k)
        fns = [(r, f["text"], f["value"]) for i, (r, f) in enumerate(gt) if i not in used]
        gsh = {(s["start"], s["end"]) for s in g["spans"] if s["label"] == "SHARES"}
        psh = {(s["start"], s["end"]) for s in p.get("spans", []) if s["label"] == "SHARES"}
        for role, t, v in fps:
            lines.append(f"{g['id']}\tFP arg\t{role}\t{t[:60]!r}\t{v}")
        for role, t, v in fns:
            lines.append(f"{g['id']}\tFN arg\t{role}\t{t[:60]!r}\t{v}")
        for s, e in sorted(psh - gsh):
            lines.append(f"{g['id']}\tFP SHARES\t{g['text'][s:e]!r}")
        for s, e in sorted(gsh - psh):
            lines.append(f"{g['id']}\tFN SHARES\t{g['text'][s:e]!r}")
    return lines


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=str(ROOT / "models" / "sec_events_sm"))
    ap.add_argument("--side", choices=sorted(SIDES), default="dev")
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--errors", action="store_true", help="list the differing vote arguments and SHARES spans")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = ap.parse_args(argv)
    nlp = spacy.load(args.model)
    gold = vote_gold(args.side, args.shared)
    metrics, predictions = evaluate(nlp, gold)
    figures = vote_figures(metrics)
    figures["documents"] = len(gold)
    figures["side"] = args.side
    figures["model"] = args.model
    figures["pipeline"] = nlp.pipe_names
    print(f"vote gold, {args.side} side: {len(gold)} documents ({', '.join(SIDES[args.side])}); model {args.model}")
    for key, label in (("vote_arguments", "vote argument F1 (SHAREHOLDER_VOTE args)"), ("nominee", "nominee F1"),
                       ("shares", "SHARES F1")):
        f = figures[key]
        mark = "met" if f["f"] >= TARGETS[key] else f"target {TARGETS[key]}"
        print(f"  {label:42s} {f['f']:.3f}  (P {f['p']:.3f} R {f['r']:.3f}; tp {f['tp']} fp {f['fp']} fn {f['fn']})"
              f"  [{mark}]")
    for role, v in sorted(figures["by_role"].items()):
        print(f"    {role:18s} F1 {v['f']:.3f}  tp {v['tp']} fp {v['fp']} fn {v['fn']}")
    if args.errors:
        for line in errors(gold, predictions):
            print(line)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
