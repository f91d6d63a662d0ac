"""`sec-events train`: train the span classifier and assemble the shipped model.

    gold corpus (train/dev) -> DocBin -> spaCy training of the span classifier
      (training/configs/spancat_span_finder.cfg) -> linker fitted on the gold
      -> the shipped pipeline assembled from extractors/pipeline.cfg (span classifier
         sourced, linker weights read at initialisation)
      -> model directory with meta: configs, data hashes, dev/test scores, time

Regions marked `ignore` are cut out of the training documents (they are not
annotated, so keeping them would teach the classifier that their entities are
negatives). Training is seeded and runs on the CPU.
"""
from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from pathlib import Path

import spacy

from sec_events.paths import PROJECT_ROOT
from training.corpus import ANNOTATIONS, MANIFEST, WIDE_ANNOTATIONS, WIDE_MANIFEST, load_gold
from training.synthetic import SYNTHETIC_ANNOTATIONS, load_synthetic

CONFIGS = {
    "ngram": PROJECT_ROOT / "training" / "configs" / "spancat.cfg",
    "span_finder": PROJECT_ROOT / "training" / "configs" / "spancat_span_finder.cfg",
}
DEFAULT_SUGGESTER = "span_finder"  # chosen on dev scores and speed (README, "Training")
CONFIG = CONFIGS[DEFAULT_SUGGESTER]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def segments(record: dict) -> list[dict]:
    """The record split around its `ignore` regions into annotated pieces (offsets
    shifted), so that unannotated text never becomes training negatives."""
    ignore = sorted(record.get("ignore", []) or [], key=lambda r: r["start"])
    if not ignore:
        return [record]
    cuts, pos = [], 0
    for region in ignore:
        if region["start"] > pos:
            cuts.append((pos, region["start"]))
        pos = max(pos, region["end"])
    if pos < len(record["text"]):
        cuts.append((pos, len(record["text"])))
    pieces = []
    for k, (a, b) in enumerate(cuts):
        if not record["text"][a:b].strip():
            continue
        inside = lambda s: a <= s["start"] and s["end"] <= b
        shift = lambda s: {**s, "start": s["start"] - a, "end": s["end"] - a}
        pieces.append({
            "id": f"{record['id']}#{k}", "text": record["text"][a:b],
            "spans": [shift(s) for s in record.get("spans", []) if inside(s)],
            "events": [{**e, "trigger": shift(e["trigger"])} for e in record.get("events", [])
                       if inside(e["trigger"])],
        })
    return pieces


def tokenizer_nlp(config_path: Path = CONFIG):
    """A blank pipeline with the tokenizer the config names (for DocBin conversion)."""
    config = spacy.util.load_config(config_path)
    return spacy.util.load_model_from_config(
        {"nlp": {**config["nlp"], "pipeline": []}, "components": {}}, auto_fill=True, validate=False)


def _describe(path: Path | None) -> dict | None:
    """What a pretrained input was: its path and the JSON its maker wrote beside it
    (`vectors.json` of training.vectors, `pretrain.json` of training.pretrain)."""
    if path is None:
        return None
    for folder in (Path(path), Path(path).parent):
        for name in ("vectors.json", "pretrain.json"):
            if (folder / name).is_file():
                return {"path": str(path), **json.loads((folder / name).read_text(encoding="utf-8"))}
    return {"path": str(path)}


def subset(records: list[dict], fraction: float, seed: int) -> list[dict]:
    if fraction >= 1.0:
        return records
    ordered = sorted(records, key=lambda r: r["id"])
    random.Random(seed).shuffle(ordered)
    return ordered[:max(1, round(len(ordered) * fraction))]


def write_data(workdir: Path, nlp, train: list[dict], dev: list[dict]) -> dict:
    from spacy.tokens import DocBin

    from extractors.contract import CANDIDATES_KEY, MODEL_KEY
    from training.corpus import to_docs

    report: dict = {}
    paths = {}
    for name, records in (("train", train), ("dev", dev)):
        pieces = [p for r in records for p in segments(r)]
        paths[name] = workdir / f"{name}.spacy"
        db = DocBin(store_user_data=False)
        for doc in to_docs(pieces, nlp, report):
            doc.spans[CANDIDATES_KEY] = list(doc.spans[MODEL_KEY])
            db.add(doc)
        db.to_disk(paths[name])
    return {"paths": paths, "spans": report.get("spans", 0), "misaligned": report.get("misaligned", [])}


def train_spancat(workdir: Path, config_path: Path, data: dict, seed: int, max_steps: int | None,
                  vectors: Path | None = None, init_tok2vec: Path | None = None) -> Path:
    from spacy.cli.train import train as spacy_train

    overrides = {"paths.train": str(data["paths"]["train"]), "paths.dev": str(data["paths"]["dev"]),
                 "system.seed": seed}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    if vectors:  # static vectors (training.vectors) read by the tok2vec's embedding
        overrides["paths.vectors"] = str(vectors)
        overrides["components.tok2vec.model.embed.include_static_vectors"] = True
    if init_tok2vec:  # tok2vec weights from `spacy pretrain` (training.pretrain)
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    out = workdir / "spancat"
    spacy_train(config_path, out, overrides=overrides)
    return out / "model-best"


def train_once(workdir: Path, config: Path, train: list[dict], dev: list[dict], seed: int,
               max_steps: int | None, linker_train: list[dict] | None = None,
               vectors: Path | None = None, init_tok2vec: Path | None = None):
    """Span classifier (on `train`) and linker (on `linker_train`, default `train`);
    returns (nlp, data info)."""
    from training.linker import fit_linker

    workdir.mkdir(parents=True, exist_ok=True)
    tok_nlp = tokenizer_nlp(config)
    data = write_data(workdir, tok_nlp, train, dev)
    print(f"train: {len(train)} documents, dev: {len(dev)}; {data['spans']} spans, "
          f"{len(data['misaligned'])} expanded to token boundaries")
    best = train_spancat(workdir, config, data, seed, max_steps, vectors, init_tok2vec)
    print("training the argument linker ...")
    from extractors.pipeline import assemble, rules_pipeline

    linker = fit_linker(rules_pipeline(), train if linker_train is None else linker_train)
    linker.save(workdir / "linker")
    return assemble(best, workdir / "linker", meta={}), data


def run_train(output: Path, shared: Path | None = None, config: Path | None = None, seed: int = 0,
              fraction: float = 1.0, max_steps: int | None = None, suggester: str = DEFAULT_SUGGESTER,
              workdir: Path | None = None, curve: bool = False, fin5: bool = False, wide: bool = False,
              wikigold: bool = False,
              vectors: Path | None = None, init_tok2vec: Path | None = None,
              augment: list[str] | None = None, wide_repeat: int = 1, with_wide_dev: bool = False,
              synthetic: bool = False) -> dict:
    from extractors.pipeline import forget_paths
    from training.evaluate import evaluate, split_scores

    if suggester not in CONFIGS:
        raise ValueError(f"unknown suggester {suggester!r} (one of {', '.join(CONFIGS)})")
    config = Path(config or CONFIGS[suggester])
    start = time.perf_counter()
    spacy.util.fix_random_seed(seed)
    workdir = Path(workdir or Path("runs") / f"train-{suggester}")
    train_all, dev = load_gold("train", shared), load_gold("dev", shared)
    if wide:  # the wide set's training companies (`wide_repeat` times); wide-dev joins dev for the checkpoint
        wide_train = load_gold("wide-train", shared)
        train_all = train_all + [{**r, "id": f"{r['id']}" + (f"~{k}" if k else "")}
                                 for k in range(wide_repeat) for r in wide_train]
        wide_dev = load_gold("wide-dev", shared)
        dev = dev + wide_dev
        if with_wide_dev:  # the final model: wide-dev trains too (its figures are then no held-out ones)
            train_all = train_all + wide_dev
    if synthetic:  # passages written for the project (training only: corpus/synthetic/)
        train_all = train_all + load_synthetic()
    train = subset(train_all, fraction, seed)
    extra = []
    if augment:
        from training.augment import augment as make_variants

        extra += make_variants(train, augment, seed)
        print(f"adding {len(extra)} augmented variants ({', '.join(augment)})")
    external = [name for name, chosen in (("fin5", fin5), ("wikigold", wikigold)) if chosen]
    if external:
        from extractors.pipeline import rules_pipeline
        from training.external import EXTERNAL_SETS

        silver = rules_pipeline()  # built once for every set
        for name in external:
            title, records = EXTERNAL_SETS[name]
            docs = records(shared, silver=silver)
            extra += docs
            print(f"adding {len(docs)} {title} documents ({sum(len(r['spans']) for r in docs)} spans, "
                  f"PERSON/ORG gold, other labels rule-made silver)")
    nlp, data = train_once(workdir / f"{fraction:g}", config, train + extra, dev, seed, max_steps,
                           linker_train=train, vectors=vectors, init_tok2vec=init_tok2vec)
    train_seconds = time.perf_counter() - start
    # the dev splits only: the test splits are measured by `training.rescore`, once per submission,
    # never beside a training run whose settings are still being chosen
    scores = split_scores(nlp, shared, splits=("dev", "wide-dev"))
    learning_curve = []
    if curve:
        for share in (0.25, 0.5):
            part, _ = train_once(workdir / f"{share:g}", config, subset(train_all, share, seed), dev, seed,
                                 max_steps)
            m, _ = evaluate(part, dev)
            learning_curve.append({"fraction": share, "entities_f": m["entities"]["f"],
                                   "triggers_f": m["triggers"]["f"], "arguments_f": m["arguments"]["f"]})
        learning_curve.append({"fraction": fraction, "entities_f": scores["dev"]["entities"]["f"],
                               "triggers_f": scores["dev"]["triggers"]["f"],
                               "arguments_f": scores["dev"]["arguments"]["f"]})
    nlp.meta.update({
        "name": "sec_events_sm", "version": "0.1.0", "lang": "en",
        "description": "sec-events: filing tokenizer, entity rules, span classifier (entities and "
                       "event triggers), rules/classifier merge, event linker",
        "license": "MIT",
    })
    nlp.meta["sec_events"] = {  # beside the pipeline config that assemble recorded
        **nlp.meta.get("sec_events", {}),
        "training": {
            "config": config.read_text(encoding="utf-8"), "suggester": suggester, "seed": seed,
            "fraction": fraction, "max_steps": max_steps, "seconds": round(train_seconds, 1),
            "fin5": fin5, "wikigold": wikigold, "wide": wide, "wide_repeat": wide_repeat if wide else 0,
            "with_wide_dev": bool(wide and with_wide_dev),
            "augment": augment or [], "synthetic": synthetic,
            "vectors": _describe(vectors), "init_tok2vec": _describe(init_tok2vec),
            "documents": {"train": [r["id"] for r in train], "dev": [r["id"] for r in dev]},
            "data_sha256": {"annotations": file_sha256(ANNOTATIONS), "manifest": file_sha256(MANIFEST),
                            **({"wide_annotations": file_sha256(WIDE_ANNOTATIONS),
                                "wide_manifest": file_sha256(WIDE_MANIFEST)} if wide else {}),
                            **({"synthetic_annotations": file_sha256(SYNTHETIC_ANNOTATIONS)} if synthetic else {}),
                            "train.spacy": file_sha256(data["paths"]["train"]),
                            "dev.spacy": file_sha256(data["paths"]["dev"])},
            "misaligned_spans": len(data["misaligned"]),
        },
        "scores": scores,
        "learning_curve": learning_curve,
    }
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)  # `-o runs/models/new`: its folders too
    nlp.to_disk(output)
    forget_paths(output)  # the training workdir's paths are not the model's
    summary = {s: {k: v[k]["f"] for k in ("entities", "triggers", "arguments")} for s, v in scores.items()}
    print(json.dumps(summary))
    print(f"model written to {output}; training {train_seconds:.0f}s, total {time.perf_counter() - start:.0f}s")
    return nlp.meta["sec_events"]
