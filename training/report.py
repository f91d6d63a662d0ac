"""Evaluation reports: `report.md` and a self-contained `report.html` with its assets
in the same folder (no network).

The HTML report holds per-label P/R/F1 tables (entities, triggers, arguments,
document types), value accuracy, a bar chart of argument F1 per event type and role
(`role_f1.svg`), precision-recall curves per label from the predictions' scores with
P/R/F1 against the score threshold (`pr_curves.svg`, figures in `pr_curves.json`),
an entity confusion matrix picture (scikit-learn, matplotlib; embedded as PNG), the
worst errors in context, the documents with most errors (false positives + false
negatives of entities, triggers and arguments; every document's counts in
`doc_errors.json`) in displaCy's span style, gold beside predicted, with entities,
triggers and arguments drawn and errors marked, optional deltas against another
run's `metrics.json`, the learning curve recorded in the model's meta, and the
scores with and without the rules. Plots are matplotlib's (a dependency already).
"""
from __future__ import annotations

import base64
import html
import io
import json
import re
from collections import Counter
from pathlib import Path

NONE = "(none)"


def prf_rows(table: dict) -> list[tuple[str, dict]]:
    return [*table["by"].items(), ("micro", table)]


def md_table(table: dict) -> list[str]:
    rows = ["| | P | R | F1 | gold | predicted |", "|---|---:|---:|---:|---:|---:|"]
    for key, v in prf_rows(table):
        rows.append(f"| {key} | {v['p']:.3f} | {v['r']:.3f} | {v['f']:.3f} | {v['tp'] + v['fn']} | "
                    f"{v['tp'] + v['fp']} |")
    return rows


def entity_pairs(gold: list[dict], preds: list[dict]) -> tuple[list[str], list[str]]:
    """Aligned (gold label, predicted label) pairs: exact offsets first, then any
    overlap; unmatched spans pair with (none)."""
    y_true, y_pred = [], []
    by_id = {p["id"]: p for p in preds}
    for g in gold:
        ignore = g.get("ignore", []) or []
        pspans = [s for s in by_id.get(g["id"], {}).get("spans", [])
                  if not any(s["start"] < r["end"] and r["start"] < s["end"] for r in ignore)]
        used = set()
        for gs in g.get("spans", []):
            match = next((i for i, ps in enumerate(pspans) if i not in used and
                          (ps["start"], ps["end"]) == (gs["start"], gs["end"])), None)
            if match is None:
                match = next((i for i, ps in enumerate(pspans) if i not in used and
                              ps["start"] < gs["end"] and gs["start"] < ps["end"]), None)
            y_true.append(gs["label"])
            if match is None:
                y_pred.append(NONE)
            else:
                used.add(match)
                y_pred.append(pspans[match]["label"])
        for i, ps in enumerate(pspans):
            if i not in used:
                y_true.append(NONE)
                y_pred.append(ps["label"])
    return y_true, y_pred


def confusion_png(y_true: list[str], y_pred: list[str]) -> str:
    """Base64 PNG of the entity confusion matrix."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    labels = sorted(set(y_true) | set(y_pred) - {NONE}) + [NONE]
    labels = list(dict.fromkeys(labels))
    fig, ax = plt.subplots(figsize=(7, 6))
    ConfusionMatrixDisplay.from_predictions(y_true, y_pred, labels=labels, ax=ax, cmap="Blues",
                                            colorbar=False, xticks_rotation=45)
    ax.set_title("Entities: gold (rows) vs predicted (columns)")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def worst_errors(gold: list[dict], preds: list[dict], limit: int = 40, context: int = 60) -> list[dict]:
    """Entity errors in context: confident false positives first, then misses."""
    by_id = {p["id"]: p for p in preds}
    errors = []
    for g in gold:
        text = g["text"]
        ignore = g.get("ignore", []) or []
        gset = {(s["start"], s["end"], s["label"]) for s in g.get("spans", [])}
        pspans = [s for s in by_id.get(g["id"], {}).get("spans", [])
                  if not any(s["start"] < r["end"] and r["start"] < s["end"] for r in ignore)]
        pset = {(s["start"], s["end"], s["label"]) for s in pspans}
        for s in pspans:
            if (s["start"], s["end"], s["label"]) not in gset:
                gold_here = [x for x in gset if x[0] < s["end"] and s["start"] < x[1]]
                kind = "wrong label/boundary" if gold_here else "false positive"
                errors.append({"doc": g["id"], "kind": kind, "label": s["label"], "score": s.get("score", 1.0),
                               "text": text[s["start"]:s["end"]],
                               "gold": ", ".join(f"{text[a:b]!r} {l}" for a, b, l in gold_here),
                               "context": _context(text, s["start"], s["end"], context)})
        for a, b, label in gset - pset:
            if not any(x[0] < b and a < x[1] for x in pset):
                errors.append({"doc": g["id"], "kind": "missed", "label": label, "score": 0.0,
                               "text": text[a:b], "gold": label, "context": _context(text, a, b, context)})
    order = {"false positive": 0, "wrong label/boundary": 1, "missed": 2}
    errors.sort(key=lambda e: (order[e["kind"]], -float(e["score"] or 0)))
    return errors[:limit]


def _context(text: str, a: int, b: int, n: int) -> str:
    left = " ".join(text[max(0, a - n):a].split())
    right = " ".join(text[b:b + n].split())
    return f"…{left} [[{' '.join(text[a:b].split())}]] {right}…"


# ------------------------------------------------------- errors per document
EMPTY = {"spans": [], "events": []}
ERROR_KINDS = ("entities", "triggers", "arguments")


def doc_errors(gold: list[dict], preds: list[dict]) -> list[dict]:
    """Per gold document, in gold order: false positives and false negatives of
    entities, triggers and arguments, as `training.scoring.score` counts them on that
    document alone, and their sum (`errors`)."""
    from training.scoring import score

    by_id = {p["id"]: p for p in preds}
    out = []
    for i, g in enumerate(gold):
        m = score([g], [by_id[g["id"]]] if g["id"] in by_id else [])
        row = {"id": g["id"], "index": i}
        for kind in ERROR_KINDS:
            row[kind] = {"fp": m[kind]["fp"], "fn": m[kind]["fn"]}
        row["errors"] = sum(row[k]["fp"] + row[k]["fn"] for k in ERROR_KINDS)
        out.append(row)
    return out


def most_errors(errors: list[dict], n: int = 5) -> list[dict]:
    """The `n` documents with most errors (false positives + false negatives of
    entities, triggers and arguments); ties in gold order; documents without errors
    are never chosen."""
    return sorted((e for e in errors if e["errors"]), key=lambda e: (-e["errors"], e["index"]))[:n]


def error_marks(gold: dict, pred: dict) -> dict:
    """Which items of one document are errors, by the matching of training.scoring
    (repeated here item by item; tests check the counts equal `score`'s):
    `gold_spans`/`pred_spans` (indices into `spans`), `gold_events`/`pred_events`
    (indices into `events`: missed and false triggers), `gold_args`/`pred_args`
    ((event index, argument index)). Predictions inside `ignore` are never errors."""
    from training.scoring import _in_ignore, match_arguments, match_triggers

    ignore = gold.get("ignore", []) or []
    pred = {**pred, "text": pred.get("text", gold.get("text", ""))}
    marks = {k: set() for k in ("gold_spans", "pred_spans", "gold_events", "pred_events", "gold_args", "pred_args")}
    if "spans" in gold:
        gkeys = {(s["start"], s["end"], s["label"]) for s in gold["spans"]}
        pkeys = {(s["start"], s["end"], s["label"]) for s in pred.get("spans", []) or []
                 if not _in_ignore(s["start"], s["end"], ignore)}
        marks["gold_spans"] = {i for i, s in enumerate(gold["spans"]) if (s["start"], s["end"], s["label"]) not in pkeys}
        marks["pred_spans"] = {i for i, s in enumerate(pred.get("spans", []) or [])
                               if not _in_ignore(s["start"], s["end"], ignore)
                               and (s["start"], s["end"], s["label"]) not in gkeys}
    if "events" not in gold:
        return marks
    gold_events = gold["events"]
    pred_events = [(i, e) for i, e in enumerate(pred.get("events", []) or [])
                   if not _in_ignore(e["trigger"]["start"], e["trigger"]["end"], ignore)]
    matched = match_triggers(gold, pred, gold_events, [e for _, e in pred_events])
    hit = set(matched.values())
    marks["pred_events"] = {pi for k, (pi, _) in enumerate(pred_events) if k not in hit}
    marks["gold_events"] = set(range(len(gold_events))) - set(matched)
    wrong, missed = match_arguments(gold, pred, gold_events, [e for _, e in pred_events])
    marks["pred_args"] = {(pred_events[k][0], ai) for k, ai in wrong}
    marks["gold_args"] = set(missed)
    return marks


# ------------------------------------------------------ displaCy span renderings
WRONG = " ✗"
TRIGGER_COLOR, ARG_COLOR, WRONG_COLOR = "#ffb347", "#c7e9b4", "#ff6b6b"
ENTITY_COLORS = {"SHARES": "#f5d0a9", "ROLE": "#d6c4f0"}


def _label(text: str) -> str:
    """displaCy writes span labels into its markup unescaped: keep them to plain characters."""
    return re.sub(r"[^\w:.#\- ✗]", "_", text)


def record_spans(record: dict, marks: dict, side: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of a record's entities (their label), triggers
    (`TRIGGER:<TYPE> #k`, k numbering the record's events) and arguments
    (`<role> #k`); an error on this side (a miss in gold, a false prediction)
    ends with ✗."""
    out = []
    for i, s in enumerate(record.get("spans", []) or []):
        out.append((s["start"], s["end"], s["label"] + (WRONG if i in marks[f"{side}_spans"] else "")))
    for k, e in enumerate(record.get("events", []) or []):
        t = e["trigger"]
        out.append((t["start"], t["end"], f"TRIGGER:{e['type']} #{k + 1}"
                    + (WRONG if k in marks[f"{side}_events"] else "")))
        for ai, a in enumerate(e.get("args", [])):
            out.append((a["start"], a["end"], f"{a['role']} #{k + 1}" + (WRONG if (k, ai) in marks[f"{side}_args"] else "")))
    return [(a, b, _label(label)) for a, b, label in out]


def span_doc(text: str, spans: list[tuple[int, int, str]], offset: int = 0):
    """A Doc of `text` whose tokens break at whitespace and at every span boundary (so
    each span covers exactly its characters), with the spans under the key `sc`.
    `spans` are offsets into the full document; `offset` is where `text` begins."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    n = len(text)
    cuts = {0, n}
    for a, b, _ in spans:
        cuts.update((a - offset, b - offset))
    cuts.update(m.start() for m in re.finditer(r"\s+", text))
    cuts.update(m.end() for m in re.finditer(r"\s+", text))
    edges = sorted(c for c in cuts if 0 <= c <= n)
    pieces = [(a, b) for a, b in zip(edges, edges[1:]) if b > a]
    words, spaces, starts = [], [], []
    i = 0
    while i < len(pieces):
        a, b = pieces[i]
        piece = text[a:b]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if not piece.isspace() and nxt is not None and text[nxt[0]:nxt[1]] == " " and nxt[1] < n:
            words.append(piece)
            spaces.append(True)
            starts.append(a)
            i += 2
            continue
        words.append(piece)
        spaces.append(False)
        starts.append(a)
        i += 1
    doc = Doc(Vocab(), words=words or [""], spaces=spaces or [False])
    by_start = {a: k for k, a in enumerate(starts)}
    by_end = {a + len(w): k + 1 for k, (a, w) in enumerate(zip(starts, words))}
    group = []
    for a, b, label in spans:
        a, b = a - offset, b - offset
        if 0 <= a < b <= n and a in by_start and b in by_end:
            group.append(doc[by_start[a]:by_end[b]])
            group[-1].label_ = label
    doc.spans["sc"] = group
    return doc


def render_spans(text: str, spans: list[tuple[int, int, str]], offset: int = 0) -> str:
    """displaCy's span style (`displacy.render(doc, style="span")`) of `text`."""
    import warnings

    from spacy import displacy

    doc = span_doc(text, spans, offset)
    colors = {}
    for _, _, label in spans:
        if label.endswith(WRONG):
            colors[label] = WRONG_COLOR
        elif label.startswith("TRIGGER:"):
            colors[label] = TRIGGER_COLOR
        elif " #" in label:
            colors[label] = ARG_COLOR
        elif label in ENTITY_COLORS:
            colors[label] = ENTITY_COLORS[label]  # the others: displaCy's own entity colours
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # W117: a window without spans
        return displacy.render(doc, style="span", page=False, jupyter=False,
                               options={"spans_key": "sc", "colors": colors})


def error_window(text: str, positions: list[int], max_chars: int) -> tuple[int, int]:
    """The stretch of at most `max_chars` characters that holds most error positions,
    starting at a line start where one is near."""
    if len(text) <= max_chars:
        return 0, len(text)
    best, start = -1, 0
    for p in sorted(positions) or [0]:
        a = max(0, min(p - 200, len(text) - max_chars))
        held = sum(a <= q < a + max_chars for q in positions)
        if held > best:
            best, start = held, a
    line = text.rfind("\n", max(0, start - 300), start + 1)
    if line >= 0 and start > 0:
        start = line + 1
    return start, min(len(text), start + max_chars)


def aligned_cuts(text: str, a: int, b: int, spans: list[tuple[int, int, str]], size: int = 600) -> list[int]:
    """Cut points in text[a:b] for rows of about `size` characters: line starts that no
    span crosses, so gold and predicted stay side by side row by row."""
    cuts, last = [a], a
    for m in re.finditer(r"\n", text[a:b]):
        c = a + m.end()
        if c - last >= size and b - c >= size // 3 and not any(s < c < e for s, e, _ in spans):
            cuts.append(c)
            last = c
    return cuts + [b]


def examples_html(gold: list[dict], preds: list[dict], chosen: list[dict], max_chars: int = 4000) -> str:
    """Gold beside predicted, in displaCy's span style, for the chosen documents: the
    stretch of each document that holds most of its errors, in rows that begin on
    the same line for both sides."""
    by_gid = {g["id"]: g for g in gold}
    by_id = {p["id"]: p for p in preds}
    parts = []
    for row in chosen:
        g = by_gid[row["id"]]
        text = g["text"]
        p = by_id.get(g["id"], {"id": g["id"], **EMPTY})
        marks = error_marks(g, p)
        gspans, pspans = record_spans(g, marks, "gold"), record_spans(p, marks, "pred")
        wrong = [a for a, _, label in gspans + pspans if label.endswith(WRONG)]
        a, b = error_window(text, wrong, max_chars)
        counts = ", ".join(f"{k} {row[k]['fp']} FP / {row[k]['fn']} FN" for k in ERROR_KINDS)
        cut = "" if (a, b) == (0, len(text)) else f"; characters {a:,}-{b:,} of {len(text):,}"
        cells = ["<div><h4>gold</h4></div><div><h4>predicted</h4></div>"]
        cuts = aligned_cuts(text, a, b, gspans + pspans)
        for x, y in zip(cuts, cuts[1:]):
            cells.append(f"<div>{render_spans(text[x:y], gspans, x)}</div><div>{render_spans(text[x:y], pspans, x)}</div>")
        parts.append(f"<h3>{html.escape(g['id'])}: {row['errors']} errors</h3><p class='note'>{counts}{cut}</p>"
                     f"<div class='pair'>{''.join(cells)}</div>")
    return "\n".join(parts)


# ----------------------------------------------------------------------- plots
def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"  # text stays text in the SVG files
    plt.rcParams["svg.hashsalt"] = "sec-events"  # the same run writes the same file
    return plt


def role_f1_svg(arguments: dict, path) -> bool:
    """A horizontal bar chart of argument F1 per event type and role
    (`metrics["arguments"]["by"]`), bars coloured by event type, each with its gold
    and predicted counts. False when there is no argument to draw."""
    rows = [(k, v) for k, v in sorted(arguments.get("by", {}).items()) if v["tp"] + v["fp"] + v["fn"]]
    if not rows:
        return False
    plt = _pyplot()
    types = sorted({k.split(".")[0] for k, _ in rows})
    cmap = plt.get_cmap("tab20")
    color = {t: cmap(i % 20) for i, t in enumerate(types)}
    fig, ax = plt.subplots(figsize=(8, 0.8 + 0.24 * len(rows)))
    ys = list(range(len(rows)))[::-1]
    ax.barh(ys, [v["f"] for _, v in rows], color=[color[k.split(".")[0]] for k, _ in rows])
    for y, (k, v) in zip(ys, rows):
        ax.text(min(v["f"], 1) + 0.01, y, f"{v['f']:.2f}  (gold {v['tp'] + v['fn']}, pred {v['tp'] + v['fp']})",
                va="center", fontsize=7)
    ax.set_yticks(ys, [k for k, _ in rows], fontsize=7)
    ax.set_xlim(0, 1.35)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.set_xlabel("argument F1")
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_title(f"Arguments by event type and role (micro F1 {arguments['f']:.3f})")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, format="svg")
    plt.close(fig)
    return True


def _filtered(preds: list[dict], kind: str, t: float) -> list[dict]:
    """Predictions keeping only the entities, events or arguments scored at least `t`
    (an item without a score is kept)."""
    keep = lambda x: float(x.get("score", 1.0) if x.get("score") is not None else 1.0) >= t
    out = []
    for p in preds:
        if kind == "entities":
            p = {**p, "spans": [s for s in p.get("spans", []) or [] if keep(s)]}
        elif kind == "triggers":
            p = {**p, "events": [e for e in p.get("events", []) or [] if keep(e)]}
        else:
            p = {**p, "events": [{**e, "args": [a for a in e.get("args", []) if keep(a)]}
                                 for e in p.get("events", []) or []]}
        out.append(p)
    return out


def _scores(preds: list[dict], kind: str) -> list[float]:
    if kind == "entities":
        items = [s for p in preds for s in p.get("spans", []) or []]
    elif kind == "triggers":
        items = [e for p in preds for e in p.get("events", []) or []]
    else:
        items = [a for p in preds for e in p.get("events", []) or [] for a in e.get("args", [])]
    return [float(x["score"]) for x in items if x.get("score") is not None]


def threshold_curves(gold: list[dict], preds: list[dict], points: int = 40) -> dict:
    """Precision, recall and F1 per label at score thresholds, for entities (span
    `score`), triggers (event `score`) and arguments (argument `score`): the
    predictions scored below a threshold are dropped and the rest scored again with
    `training.scoring.score`, so each point is a figure the official scoring would give
    (the lowest threshold gives the run's own figures). Thresholds are the distinct
    scores, or `points` quantiles of them."""
    import numpy as np

    from training.scoring import score

    curves = {}
    for kind in ERROR_KINDS:
        values = sorted(set(_scores(preds, kind)))
        if not values:
            continue
        if len(values) > points:
            values = sorted(set(float(x) for x in np.quantile(values, np.linspace(0, 1, points))) | {values[0]})
        rows = []
        for t in values:
            m = score(gold, _filtered(preds, kind, t))[kind]
            rows.append(m)
        labels = sorted({k for m in rows for k in m["by"]})
        zero = {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 0, "fn": 0}
        # precision is undefined (None) where the threshold keeps no prediction
        get = lambda m, key: None if key == "p" and not m["tp"] + m["fp"] else m[key]
        curves[kind] = {
            "thresholds": [round(t, 4) for t in values],
            "micro": {key: [get(m, key) for m in rows] for key in ("p", "r", "f")},
            "by": {label: {**{key: [get(m["by"].get(label) or zero, key) for m in rows] for key in ("p", "r", "f")},
                           "gold": rows[0]["by"][label]["tp"] + rows[0]["by"][label]["fn"]
                           if label in rows[0]["by"] else 0}
                   for label in labels},
        }
    return curves


def _defined(xs: list, ys: list) -> tuple[list, list]:
    pairs = [(x, y) for x, y in zip(xs, ys) if x is not None and y is not None]
    return [x for x, _ in pairs], [y for _, y in pairs]


def pr_svg(curves: dict, path, top: int = 8) -> bool:
    """Precision-recall curves per label (top row; the `top` labels with most gold
    items, the micro total in black, the run's own point marked) and micro
    precision, recall and F1 against the score threshold (bottom row), for entities,
    triggers and arguments. False when no prediction carries a score."""
    kinds = [k for k in ERROR_KINDS if k in curves]
    if not kinds:
        return False
    plt = _pyplot()
    fig, axes = plt.subplots(2, len(kinds), figsize=(4.6 * len(kinds), 8.2), squeeze=False)
    for j, kind in enumerate(kinds):
        c = curves[kind]
        ax = axes[0][j]
        labels = sorted(c["by"], key=lambda k: -c["by"][k]["gold"])[:top]
        for label in labels:
            row = c["by"][label]
            r, p = _defined(row["r"], row["p"])
            line, = ax.plot(r, p, lw=1.2, marker=".", ms=3, label=f"{label} ({row['gold']})")
            ax.plot(r[:1], p[:1], "o", ms=5, color=line.get_color())
        r, p = _defined(c["micro"]["r"], c["micro"]["p"])
        ax.plot(r, p, color="black", lw=2, label="micro")
        ax.plot(r[:1], p[:1], "o", color="black", ms=6)
        ax.set_xlim(0, 1.02)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("recall")
        ax.set_ylabel("precision")
        ax.set_title(f"{kind}: precision-recall by score")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=6, loc="lower left")
        ax = axes[1][j]
        for key, name in (("p", "precision"), ("r", "recall"), ("f", "F1")):
            ax.plot(*_defined(c["thresholds"], c["micro"][key]), drawstyle="steps-post", label=name)
        ax.set_xlabel(f"{kind}: keep score >= threshold")
        ax.set_ylim(0, 1.02)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, format="svg")
    plt.close(fig)
    return True


def _html_table(table: dict, compare: dict | None = None) -> str:
    head = "<tr><th></th><th>P</th><th>R</th><th>F1</th><th>gold</th><th>pred</th>" + \
           ("<th>ΔF1</th>" if compare else "") + "</tr>"
    rows = [head]
    for key, v in prf_rows(table):
        delta = ""
        if compare is not None:
            other = compare if key == "micro" else compare.get("by", {}).get(key)
            delta = f"<td>{v['f'] - other['f']:+.3f}</td>" if other else "<td>new</td>"
        rows.append(f"<tr><td>{html.escape(key)}</td><td>{v['p']:.3f}</td><td>{v['r']:.3f}</td>"
                    f"<td><b>{v['f']:.3f}</b></td><td>{v['tp'] + v['fn']}</td><td>{v['tp'] + v['fp']}</td>"
                    f"{delta}</tr>")
    return "<table>" + "".join(rows) + "</table>"


def learning_curve_png(curve: list[dict]) -> str | None:
    if not curve:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 3.5))
    xs = [c["fraction"] * 100 for c in curve]
    for key, name in (("entities_f", "entity F1"), ("triggers_f", "trigger F1"), ("arguments_f", "argument F1")):
        if all(key in c for c in curve):
            ax.plot(xs, [c[key] for c in curve], marker="o", label=name)
    ax.set_xlabel("% of train split")
    ax.set_ylabel("dev score")
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


ROLE_F1, PR_PLOT, PR_JSON = "role_f1.svg", "pr_curves.svg", "pr_curves.json"
SECTIONS = [("Entities", "entities"), ("Triggers", "triggers"), ("Arguments", "arguments"),
            ("Document event types", "doc_types")]


def write_reports(out_dir, metrics: dict, gold: list[dict], preds: list[dict], title: str,
                  compare: dict | None = None, curve: list[dict] | None = None,
                  ablation: dict | None = None, items: dict | None = None, examples: int = 5) -> None:
    out_dir = Path(out_dir)
    y_true, y_pred = entity_pairs(gold, preds)
    errors = worst_errors(gold, preds)
    md = [f"# {title}", "", f"{metrics['documents']} documents; FORMATS.md scoring.", ""]
    body = [f"<h1>{html.escape(title)}</h1><p>{metrics['documents']} documents; FORMATS.md scoring.</p>"]
    for name, key in SECTIONS:
        md += [f"## {name}", "", *md_table(metrics[key]), ""]
        body.append(f"<h2>{name}</h2>" + _html_table(metrics[key], (compare or {}).get(key)))
        if key == "arguments" and role_f1_svg(metrics[key], out_dir / ROLE_F1):
            md += [f"![argument F1 by role]({ROLE_F1})", ""]
            body.append(f'<h3>Argument F1 by event type and role</h3><img src="{ROLE_F1}" alt="argument F1 by role">')
    curves = threshold_curves(gold, preds)
    (out_dir / PR_JSON).write_text(json.dumps(curves, indent=1) + "\n", encoding="utf-8")
    if pr_svg(curves, out_dir / PR_PLOT):
        md += ["## Scores and thresholds", "", f"![precision-recall by score]({PR_PLOT}) (figures: `{PR_JSON}`)", ""]
        body.append("<h2>Scores and thresholds</h2><p class='note'>Each point drops the predictions scored below a "
                    "threshold and scores the rest again (FORMATS.md scoring); the dot is the run as it is. Entities "
                    "by span score, triggers by event score, arguments by argument score; labels with most gold "
                    f"items (figures for every label: <a href='{PR_JSON}'>{PR_JSON}</a>).</p>"
                    f'<img src="{PR_PLOT}" alt="precision-recall by score threshold">')
    v = metrics["values"]
    md += ["## Values", "", "| label | accuracy | correct | scored |", "|---|---:|---:|---:|"]
    vrows = []
    for key, row in [*v["by"].items(), ("all", v)]:
        acc = "n/a" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
        md.append(f"| {key} | {acc} | {row['correct']} | {row['scored']} |")
        vrows.append(f"<tr><td>{key}</td><td>{acc}</td><td>{row['correct']}</td><td>{row['scored']}</td></tr>")
    body.append("<h2>Values</h2><table><tr><th></th><th>accuracy</th><th>correct</th><th>scored</th></tr>"
                + "".join(vrows) + "</table>")
    r = metrics["records"]
    rec = "n/a" if r["recall"] is None else f"{r['recall']:.3f}"
    md += ["## Complete records", "", f"Recall {rec} ({r['complete']} of {r['gold']} gold events).", ""]
    body.append(f"<h2>Complete records</h2><p>Recall {rec} ({r['complete']} of {r['gold']} gold events).</p>")
    if items:
        md += ["## Declared 8-K items vs extracted event types", "", *md_table(items), ""]
        body.append("<h2>Declared 8-K items vs extracted event types</h2>" + _html_table(items))
    if ablation:
        md += ["## With and without the rules (entities)", "", "| pipeline | P | R | F1 |", "|---|---:|---:|---:|"]
        arows = []
        for name, m in ablation.items():
            md.append(f"| {name} | {m['p']:.3f} | {m['r']:.3f} | {m['f']:.3f} |")
            arows.append(f"<tr><td>{name}</td><td>{m['p']:.3f}</td><td>{m['r']:.3f}</td><td><b>{m['f']:.3f}</b></td></tr>")
        md.append("")
        body.append("<h2>With and without the rules (entities)</h2><table><tr><th>pipeline</th><th>P</th>"
                    "<th>R</th><th>F1</th></tr>" + "".join(arows) + "</table>")
    if curve:
        md += ["## Learning curve (dev)", "", "| train share | entity F1 | trigger F1 | argument F1 |",
               "|---:|---:|---:|---:|"]
        for c in curve:
            md.append(f"| {c['fraction']:.0%} | {c.get('entities_f', 0):.3f} | {c.get('triggers_f', 0):.3f} | "
                      f"{c.get('arguments_f', 0):.3f} |")
        md.append("")
        png = learning_curve_png(curve)
        body.append("<h2>Learning curve (dev)</h2>" + (f'<img src="data:image/png;base64,{png}">' if png else ""))
    if y_true:
        body.append(f'<h2>Entity confusion matrix</h2><img src="data:image/png;base64,{confusion_png(y_true, y_pred)}">')
        pairs = Counter((t, p) for t, p in zip(y_true, y_pred) if t != p)
        md += ["## Most frequent entity confusions", "", "| gold | predicted | count |", "|---|---|---:|"]
        md += [f"| {t} | {p} | {n} |" for (t, p), n in pairs.most_common(10)] + [""]
    md += ["## Worst errors", "", "| kind | label | score | text | gold | context |", "|---|---|---:|---|---|---|"]
    erows = []
    for e in errors:
        md.append(f"| {e['kind']} | {e['label']} | {float(e['score'] or 0):.2f} | {e['text'][:40]!r} | "
                  f"{e['gold'][:40]} | {e['context'].replace('|', '/')[:160]} |")
        erows.append("<tr>" + "".join(f"<td>{html.escape(str(x))}</td>" for x in
                                      (e["kind"], e["label"], f"{float(e['score'] or 0):.2f}", e["text"], e["gold"],
                                       e["context"])) + "</tr>")
    body.append("<h2>Worst errors</h2><table><tr><th>kind</th><th>label</th><th>score</th><th>text</th>"
                "<th>gold</th><th>context</th></tr>" + "".join(erows) + "</table>")
    # documents with most errors, gold beside predicted
    per_doc = doc_errors(gold, preds)
    chosen = most_errors(per_doc, examples)
    (out_dir / "doc_errors.json").write_text(json.dumps({"chosen": [c["id"] for c in chosen], "documents": per_doc},
                                                        indent=1) + "\n", encoding="utf-8")
    md += [f"## The {len(chosen)} documents with most errors", "",
           "| document | errors | entities FP/FN | triggers FP/FN | arguments FP/FN |", "|---|---:|---:|---:|---:|"]
    md += [f"| {c['id']} | {c['errors']} | " + " | ".join(f"{c[k]['fp']}/{c[k]['fn']}" for k in ERROR_KINDS) + " |"
           for c in chosen] + ["", "All documents' counts: `doc_errors.json`.", ""]
    body.append(f"<h2>The {len(chosen)} documents with most errors</h2>"
                "<p class='note'>False positives + false negatives of entities, triggers and arguments, each document "
                "scored alone (all documents: <a href='doc_errors.json'>doc_errors.json</a>). displaCy span style: "
                "entities by label, triggers <code>TRIGGER:&lt;TYPE&gt; #k</code>, arguments <code>&lt;role&gt; #k</code> "
                "of event k of the column; <b>✗</b> (red) marks an error of that side: a gold item the prediction "
                "missed, a predicted item gold does not hold.</p>"
                + (examples_html(gold, preds, chosen) or "<p>No document has an error.</p>"))
    style = ("body{font-family:sans-serif;max-width:1400px;margin:2em auto;color:#222}"
             "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
             "font-size:13px;text-align:right}td:first-child{text-align:left}"
             ".pair{display:grid;grid-template-columns:1fr 1fr;gap:1.5em;font-size:13px}"
             ".pair>div{min-width:0;overflow-wrap:anywhere;border-top:1px solid #eee}.pair span span{white-space:nowrap}.note{color:#555;font-size:13px}"
             "img{max-width:100%}")
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body>{''.join(body)}</body></html>")
    (out_dir / "report.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    (out_dir / "report.html").write_text(page, encoding="utf-8")
