"""Training and judging the argument linker on gold annotation records.

The linker learns from gold triggers and gold entities (every (trigger, candidate)
pair in the trigger's window, labelled with its gold role or NONE). `link_gold`
scores it in isolation: gold triggers and entities in, FORMATS.md argument figures
out, which separates linking errors from tagging errors.
"""
from __future__ import annotations

from spacy.language import Language

from extractors.components.linker.candidates import DocView
from extractors.components.linker.model import ArgumentLinker
from extractors.normalise import document_year, normalise
from extractors.schema import VALUED
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
