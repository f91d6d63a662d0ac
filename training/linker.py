"""Training and judging the argument linker on gold annotation records.

The linker learns from gold triggers and gold entities (every (trigger, candidate)
pair in the trigger's window, labelled with its gold role or NONE). `link_gold`
scores it in isolation: gold triggers and entities in, FORMATS.md argument figures
out, which separates linking errors from tagging errors.

    python -m training.linker models/sec_events_sm   # refit a model's linker on the data it was trained on

The linker's candidates and features live in the code (`extractors/components/linker/`),
its weights in the model: a change of the candidates (`we` as the filer) needs the
weights refitted, which takes seconds and leaves the span classifier as it is. `refit`
fits them on the data `sec-events train --wide` fits them on and records it in the
model's meta (`sec_events.linker`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import typer
from spacy.language import Language

from extractors.components.linker.candidates import DocView
from extractors.components.linker.model import ArgumentLinker
from extractors.normalise import document_year, normalise
from extractors.schema import VALUED
from training.meta import sec_events_meta, update_sec_events
from training.scoring import score


def gold_view(nlp: Language, record: dict) -> DocView:
    """Tokens and sentences from the pipeline's tokenizer and sentencizer, candidates
    from the gold entity spans."""
    doc = nlp.make_doc(record["text"])
    for name in ("sec_sentencizer", "sentencizer"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
            break
    return DocView(doc, [(s["start"], s["end"], s["label"]) for s in record.get("spans", [])])


def fit_linker(nlp: Language, records: list[dict], **params) -> ArgumentLinker:
    X, y = [], []
    for record in records:
        xs, ys = ArgumentLinker.training_pairs(gold_view(nlp, record), record)
        X += xs
        y += ys
    return ArgumentLinker(**params).fit(X, y)


def link_gold(nlp: Language, linker: ArgumentLinker, records: list[dict]) -> dict:
    """FORMATS.md figures for the linker given gold triggers and gold entities."""
    preds = []
    for record in records:
        view = gold_view(nlp, record)
        year = document_year(record["text"])
        labels = {(s["start"], s["end"]): s["label"] for s in record.get("spans", [])}
        events = []
        for ev in record.get("events", []):
            t = ev["trigger"]
            args = []
            for a in linker.link(view, ev["type"], t["start"], t["end"]):
                arg = {"role": a["role"], "start": a["start"], "end": a["end"],
                       "text": record["text"][a["start"]:a["end"]]}
                if labels.get((a["start"], a["end"])) in VALUED:
                    arg["value"] = normalise(labels[(a["start"], a["end"])], arg["text"], year)
                args.append(arg)
            events.append({"type": ev["type"], "trigger": t, "args": args})
        preds.append({"id": record["id"], "spans": record.get("spans", []), "events": events})
    return score(records, preds)


def refit(model: Path, records: list[dict], **params) -> dict:
    """Fit a linker on `records` and write it into `model` (its `sec_linker` folder and the
    meta's `sec_events.linker`: when, on how many records, the SHA-256 of their ids, the
    parameters)."""
    from extractors.pipeline import rules_pipeline

    linker = fit_linker(rules_pipeline(), records, **params)
    folder = Path(model) / "sec_linker"
    work = folder.with_name("sec_linker.new")
    if work.exists():
        shutil.rmtree(work)
    linker.save(work)
    shutil.rmtree(folder)
    work.rename(folder)
    ids = "\n".join(sorted(r["id"] for r in records))
    info = {"refit": dt.date.today().isoformat(), "records": len(records),
            "record_ids_sha256": hashlib.sha256(ids.encode("utf-8")).hexdigest(),
            "params": {"C": linker.C, "threshold": linker.threshold, "min_count": linker.min_count}}
    update_sec_events(model, linker=info)
    return info


def trained_records(model: Path, shared: Path | None = None) -> list[dict]:
    """The gold records `sec-events train` fitted MODEL's linker on, in order: the documents
    its meta lists (`training.documents.train`, which records `--fraction`, `--wide`,
    `--wide-repeat` and `--with-wide-dev`; a `~k` suffix marks wide-train entered again),
    read from the gold splits. A model whose meta lists none: lee8k train, with --wide
    wide-train, with --with-wide-dev wide-dev too."""
    from training.corpus import load_gold

    trained = sec_events_meta(model).get("training", {})
    listed = trained.get("documents", {}).get("train")
    if not listed:
        splits = ["train"] + (["wide-train"] if trained.get("wide") else []) + (
            ["wide-dev"] if trained.get("with_wide_dev") else [])
        return [r for split in splits for r in load_gold(split, shared)]
    pool = {r["id"]: r for split in ("train", "wide-train", "wide-dev") for r in load_gold(split, shared)}
    out, missing = [], []
    for doc_id in listed:
        base, _, k = doc_id.rpartition("~")
        key = base if base and k.isdigit() and doc_id not in pool else doc_id
        if key in pool:
            out.append(pool[key] if key == doc_id else {**pool[key], "id": doc_id})
        else:
            missing.append(doc_id)
    if missing:
        raise ValueError(f"{model}: {len(missing)} training documents of its meta are in no gold split "
                         f"(first: {missing[0]}); the gold changed since it was trained: retrain it")
    return out


def main(model: Path = typer.Argument(..., exists=True, file_okay=False, help="Model folder whose linker to refit."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED", help="Shared data folder.")):
    """Refit MODEL's argument linker on the documents `sec-events train` fitted it on (read
    from the model's meta)."""
    if not (model / "sec_linker").is_dir():
        raise typer.BadParameter(f"{model} has no sec_linker component")
    try:
        records = trained_records(model, shared)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    info = refit(model, records)
    typer.echo(f"{model}: linker refitted on {info['records']} records ({info['params']})")


if __name__ == "__main__":
    typer.run(main)
