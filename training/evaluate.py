"""`sec-events eval`: run a model over gold annotations and score it (FORMATS.md).

Writes `metrics.json` (every figure of training.scoring.score) and `report.md`
(per-label tables) into the output folder, and prints the headline table.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from extractors.batch.extract import CONTEXT_KEYS, ExtractSummary, extract_records, load_model
from extractors.batch.records import COMPONENT_ERRORS
from sec_events.documents import read_documents, read_jsonl
from sec_events.paths import default_model, shared_dir
from training.scoring import score


def gold_records(annotations: Path | None, split: str | None, shared: Path | None) -> tuple[list[dict], str]:
    """Gold from a file, a split of the project's corpus, or (default) the seeds."""
    if annotations is not None:
        return list(read_jsonl(annotations)), str(annotations)
    if split is not None:
        from training.corpus import load_gold

        return load_gold(split, shared), f"gold corpus, {split} split"
    seeds = shared_dir(shared) / "spec" / "seeds-gold.jsonl"
    return list(read_jsonl(seeds)), str(seeds)


def predict(nlp, gold: list[dict], filing_context: bool = True) -> list[dict]:
    """Extraction records for the gold texts. With `filing_context`, an excerpt carries
    the company names of its whole filing, the acronyms it defines for things that are
    no company and the units it states for its amounts of money and its tables
    (`meta.context_names`, `meta.context_not_names`, `meta.context_money_unit`,
    `meta.context_table_unit`: `extract.CONTEXT_KEYS`, written by training.corpus), as a run
    over the whole filing would know them."""
    keys = CONTEXT_KEYS if filing_context else ()

    def doc(g):
        given = g.get("meta") or {}
        meta = {k: given[k] for k in keys if given.get(k)}
        return {"id": g["id"], "text": g["text"], **({"meta": meta} if meta else {})}
    docs = (doc(g) for g in gold)
    return list(extract_records(nlp, docs, ExtractSummary(output=Path("-"))))


def evaluate(nlp, gold: list[dict], filing_context: bool = True) -> tuple[dict, list[dict]]:
    start = time.perf_counter()
    preds = predict(nlp, gold, filing_context)
    metrics = score(gold, preds)
    metrics["seconds"] = round(time.perf_counter() - start, 2)
    metrics[COMPONENT_ERRORS] = component_errors(preds)
    return metrics, preds


def component_errors(preds: list[dict]) -> dict:
    """The documents on which a component caught an error (their records are partial, and
    score lower than the model would): how many, and each one's errors."""
    caught = {p["id"]: p[COMPONENT_ERRORS] for p in preds if p.get(COMPONENT_ERRORS)}
    return {"documents": len(caught), "errors": caught}


def ablation(nlp, gold: list[dict], filing_context: bool = True) -> dict:
    """Entity scores of the full pipeline, the classifier alone and the rules alone."""
    out = {"rules + classifier": score(gold, predict(nlp, gold, filing_context))["entities"]}
    if "spancat" in nlp.pipe_names and "sec_merge" in nlp.pipe_names:
        cfg = dict(nlp.get_pipe_config("sec_merge"))
        cfg.pop("factory", None)
        nlp.replace_pipe("sec_merge", "sec_merge", config={**cfg, "use_rules": False})
        try:
            out["classifier only"] = score(gold, predict(nlp, gold, filing_context))["entities"]
        finally:
            nlp.replace_pipe("sec_merge", "sec_merge", config=cfg)
        with nlp.select_pipes(disable=["spancat"]):
            out["rules only"] = score(gold, predict(nlp, gold, filing_context))["entities"]
    return {k: {x: v[x] for x in ("p", "r", "f")} for k, v in out.items()}


SCORE_KEYS = ("entities", "values", "triggers", "arguments", "records", "doc_types", "seconds")


def split_scores(nlp, shared: Path | None = None, splits=("dev",)) -> dict:
    """The figures a model's meta records (`sec_events.scores`), per gold split."""
    from training.corpus import load_gold

    return {split: {k: v for k, v in evaluate(nlp, load_gold(split, shared))[0].items() if k in SCORE_KEYS}
            for split in splits}


def items_agreement(nlp, docs_path: Path, limit: int | None = None) -> dict:
    """Document event types extracted vs the 8-K items each filer declared: the types
    of the events in the 8-K body (up to its signature block: `extractors.sections.body_end`)
    and, for comparison, of all events in the document."""
    from itertools import islice

    from extractors.items import body_types
    from training.scoring import items_scores

    docs = [{"id": d["id"], "text": d["text"], "meta": d.get("meta", {})}
            for d in islice(read_documents(docs_path), limit)]
    records = predict(nlp, docs)
    texts = {d["id"]: d["text"] for d in docs}
    body = {r["id"]: body_types(texts[r["id"]], r["events"]) for r in records}
    everywhere = {r["id"]: {e["type"] for e in r["events"]} for r in records}
    result = items_scores(docs, body)
    result["whole_document"] = {k: v for k, v in items_scores(docs, everywhere).items() if k != "by"}
    result["documents"] = {d["id"]: {"declared": d["meta"].get("items", []), "body": sorted(body[d["id"]]),
                                     "whole": sorted(everywhere[d["id"]])} for d in docs}
    return result


def run_eval(model: Path | None, annotations: Path | None, output: Path, split: str | None = None,
             shared: Path | None = None, compare: Path | None = None, items: Path | None = None,
             with_ablation: bool = True, filing_context: bool = True) -> dict:
    from rich.console import Console
    from rich.table import Table

    from training.report import write_reports

    console = Console()
    model_path = Path(model) if model else default_model()
    nlp = load_model(model_path)
    output.mkdir(parents=True, exist_ok=True)
    if items is not None:
        result = items_agreement(nlp, items)
        (output / "items.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        (output / "items.md").write_text(items_report(result, items), encoding="utf-8")
        _print_prf(console, "declared items vs extracted event types", result, items=True)
        whole = result["whole_document"]
        console.print(f"items agreement (event types in the 8-K body): P {result['p']:.3f} R {result['r']:.3f} "
                      f"F1 {result['f']:.3f}; whole documents: P {whole['p']:.3f} R {whole['r']:.3f} "
                      f"F1 {whole['f']:.3f} -> {output / 'items.json'}")
        return result
    gold, gold_name = gold_records(annotations, split, shared)
    metrics, preds = evaluate(nlp, gold, filing_context)
    metrics["filing_context"] = filing_context
    metrics["model"] = str(model_path)
    metrics["gold"] = gold_name
    abl = ablation(nlp, gold, filing_context) if with_ablation else None
    if abl:
        metrics["ablation"] = abl
    other = json.loads(compare.read_text(encoding="utf-8")) if compare else None
    curve = nlp.meta.get("sec_events", {}).get("learning_curve")
    (output / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    (output / "predictions.jsonl").write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    write_reports(output, metrics, gold, preds, f"{model_path.name} on {gold_name}", compare=other,
                  curve=curve, ablation=abl)
    table = Table(title=f"{model_path.name} on {gold_name}")
    for col in ("entities", "P", "R", "F1", "value acc."):
        table.add_column(col, justify="right" if col != "entities" else "left")
    ents, vals = metrics["entities"], metrics["values"]["by"]
    for label, row in [*ents["by"].items(), ("micro", ents)]:
        acc = vals.get(label, {}).get("accuracy") if label != "micro" else metrics["values"]["accuracy"]
        table.add_row(label, f"{row['p']:.3f}", f"{row['r']:.3f}", f"{row['f']:.3f}",
                      "" if acc is None else f"{acc:.3f}")
    console.print(table)
    for key in ("triggers", "arguments", "doc_types"):
        m = metrics[key]
        delta = f"  (ΔF1 {m['f'] - other[key]['f']:+.3f})" if other else ""
        console.print(f"{key}: P {m['p']:.3f} R {m['r']:.3f} F1 {m['f']:.3f}{delta}")
    rec = metrics["records"]
    console.print(f"complete-record recall: {rec['recall']} ({rec['complete']}/{rec['gold']})")
    caught = metrics[COMPONENT_ERRORS]
    if caught["documents"]:
        first, errors = next(iter(caught["errors"].items()))
        console.print(f"[bold red]warning:[/] a component caught an error on {caught['documents']} of {len(gold)} "
                      f"documents, whose records lack its tags (these figures are lower than the model's): "
                      f"{first}: {errors[0]} ... (all in metrics.json `{COMPONENT_ERRORS}`)")
    if abl:
        console.print("entities F1 " + ", ".join(f"{k}: {v['f']:.3f}" for k, v in abl.items()))
    console.print(f"report: {output / 'report.md'}, {output / 'report.html'}")
    return metrics


def _print_prf(console, title: str, table: dict, items: bool = False) -> None:
    from rich.table import Table

    from extractors.items import slot_items

    t = Table(title=title)
    for col in ("items", "", "P", "R", "F1", "gold", "predicted")[0 if items else 1:]:
        t.add_column(col, justify="left" if col in ("", "items") else "right")
    for key, v in [*table["by"].items(), ("micro", table)]:
        row = [key, f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f']:.3f}", str(v["tp"] + v["fn"]), str(v["tp"] + v["fp"])]
        t.add_row(*([slot_items(key) if key != "micro" else ""] if items else []), *row)
    console.print(t)


def items_report(result: dict, docs_path: Path) -> str:
    """items.md: the items check's per-item table (SCHEMA v1.2 section 4)."""
    from extractors.items import slot_items

    whole = result["whole_document"]
    lines = [f"# Declared 8-K items vs event types in the 8-K body ({docs_path})", "",
             "The body runs up to the signature block (`extractors.sections.body_end`); an item "
             "counts when it maps to a type (SCHEMA v1.2 section 4). A row with no item is a type "
             "found in a body whose filer declared no item of it (a false positive).", "",
             "| items | types | P | R | F1 | gold | predicted |", "|---|---|---:|---:|---:|---:|---:|"]
    for key, v in [*result["by"].items(), ("micro", result)]:
        types = key.replace("|", "\\|")  # a slot's types, joined by | in items.json
        lines.append(f"| {slot_items(key) if key != 'micro' else ''} | {types} | {v['p']:.3f} | {v['r']:.3f} | "
                     f"{v['f']:.3f} | {v['tp'] + v['fn']} | {v['tp'] + v['fp']} |")
    lines += ["", f"Whole documents (exhibits included): P {whole['p']:.3f} R {whole['r']:.3f} F1 {whole['f']:.3f}; "
              f"{len(result['documents'])} documents read.", ""]
    return "\n".join(lines)
