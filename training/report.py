"""Evaluation reports: `report.md` and a self-contained `report.html`.

The HTML report holds per-label P/R/F1 tables (entities, triggers, arguments,
document types), value accuracy, an entity confusion matrix picture (scikit-learn,
matplotlib; embedded as PNG), the worst errors in context, displaCy renderings of
sample documents (gold and predicted), optional deltas against another run's
`metrics.json`, the learning curve recorded in the model's meta, and the scores
with and without the rules.
"""
from __future__ import annotations

import base64
import html
import io
from collections import Counter

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


def displacy_html(gold: list[dict], preds: list[dict], n: int = 3, max_chars: int = 2500) -> str:
    from spacy import displacy

    by_id = {p["id"]: p for p in preds}
    parts = []
    for g in gold[:n]:
        text = g["text"][:max_chars]
        for title, spans in (("gold", g.get("spans", [])), ("predicted", by_id.get(g["id"], {}).get("spans", []))):
            ents = [{"start": s["start"], "end": s["end"], "label": s["label"]} for s in spans
                    if s["end"] <= len(text)]
            parts.append(f"<h4>{html.escape(g['id'])}: {title}</h4>")
            parts.append(displacy.render({"text": text, "ents": ents, "title": None}, style="ent",
                                         manual=True, page=False))
    return "\n".join(parts)


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


SECTIONS = [("Entities", "entities"), ("Triggers", "triggers"), ("Arguments", "arguments"),
            ("Document event types", "doc_types")]


def write_reports(out_dir, metrics: dict, gold: list[dict], preds: list[dict], title: str,
                  compare: dict | None = None, curve: list[dict] | None = None,
                  ablation: dict | None = None, items: dict | None = None) -> None:
    y_true, y_pred = entity_pairs(gold, preds)
    errors = worst_errors(gold, preds)
    md = [f"# {title}", "", f"{metrics['documents']} documents; FORMATS.md scoring.", ""]
    body = [f"<h1>{html.escape(title)}</h1><p>{metrics['documents']} documents; FORMATS.md scoring.</p>"]
    for name, key in SECTIONS:
        md += [f"## {name}", "", *md_table(metrics[key]), ""]
        body.append(f"<h2>{name}</h2>" + _html_table(metrics[key], (compare or {}).get(key)))
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
    body.append("<h2>Sample documents</h2>" + displacy_html(gold, preds))
    style = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
             "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
             "font-size:13px;text-align:right}td:first-child{text-align:left}")
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body>{''.join(body)}</body></html>")
    (out_dir / "report.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    (out_dir / "report.html").write_text(page, encoding="utf-8")
