"""Company-fold cross-validation over wide-train: what the pipeline does on companies its
span classifier has not seen, without reading wide-test.

    python -m training.crossval train --vectors runs/vectors/model   # one model per fold (about 10 min each)
    python -m training.crossval score                                 # score them with today's code
    python -m training.crossval linkers                               # refit their linkers (linker code changed)

wide-dev has 8 companies and 12 excerpts: too few to choose rule changes on. The 31
wide-train companies are split into `folds` groups (in SHA-256 order of the company
key); fold k's model is trained as the shipped one (lee8k train + the other folds'
wide-train excerpts + wide-dev, checkpoint chosen on lee8k dev + wide-dev: `sec-events
train --wide --with-wide-dev`) and predicts fold k.
`score` re-runs the fold models with the current code (rules, merge and linker live in
code, not in the weights) and prints the pooled figures of all wide-train excerpts, scored as
FORMATS.md says (`training.scoring.score`). The rules were written while reading
wide-train, so the figures are optimistic for the rules' part; the classifier's part
is measured on companies it never saw.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import typer

from training.corpus import company, load_gold

app = typer.Typer(add_completion=False, help=__doc__.split("\n\n")[0])
KEYS = ("entities", "triggers", "arguments")


def folds(records: list[dict], n: int) -> list[list[dict]]:
    """The records in `n` groups by company (companies in SHA-256 order, dealt round-robin)."""
    companies = sorted({company(r) for r in records}, key=lambda c: hashlib.sha256(c.encode("utf-8")).hexdigest())
    chosen = [set(companies[k::n]) for k in range(n)]
    return [[r for r in records if company(r) in group] for group in chosen]


def fold_training(wide: list[dict], held: list[dict], before: list[dict], after: list[dict] = ()) -> list[dict]:
    """A fold model's training records: `before`, the wide-train excerpts of the other folds'
    companies, `after`. `train` reads them in the order `sec-events train --wide --with-wide-dev`
    does (lee8k train, wide-train, wide-dev); `linkers` puts wide-dev before wide-train, the order
    the fold linkers of the reported figures were fitted in (the order moves arguments by 0.001)."""
    held_ids = {r["id"] for r in held}
    return [*before, *(r for r in wide if r["id"] not in held_ids), *after]


def fold_model(out: Path, k: int) -> Path:
    """The folder of fold `k`'s model, which `train` must have written."""
    path = out / f"fold{k}"
    if not path.exists():
        raise typer.BadParameter(f"no fold model {path}: run `python -m training.crossval train` first")
    return path


@app.command()
def train(out: Path = typer.Option(Path("runs/crossval"), "-o", help="Folder for the fold models."),
          n: int = typer.Option(4, "--folds", min=2, help="How many company folds."),
          only: list[int] = typer.Option(None, "--fold", help="Train only these folds (default: all)."),
          vectors: Path = typer.Option(None, help="Static vectors, as the shipped model's recipe uses."),
          synthetic: bool = typer.Option(False, "--synthetic", help="Train on the synthetic passages too."),
          config: Path = typer.Option(None, help="spaCy training config (default: the shipped recipe's)."),
          seed: int = 0) -> None:
    """Train one model per fold, as `sec-events train --wide --with-wide-dev` does, without the fold's companies."""
    import spacy

    from training.train import CONFIGS, DEFAULT_SUGGESTER, train_once

    train, wide, wide_dev = load_gold("train"), load_gold("wide-train"), load_gold("wide-dev")
    dev = load_gold("dev") + wide_dev
    if synthetic:
        from training.synthetic import load_synthetic

        train = train + load_synthetic()
    for k, held in enumerate(folds(wide, n)):
        if only and k not in only:
            continue
        spacy.util.fix_random_seed(seed)
        nlp, _ = train_once(out / f"work{k}", Path(config or CONFIGS[DEFAULT_SUGGESTER]),
                            fold_training(wide, held, train, wide_dev), dev, seed, None, vectors=vectors)
        nlp.to_disk(out / f"fold{k}")
        typer.echo(f"fold {k}: {len(held)} held-out excerpts of {len({company(r) for r in held})} companies -> "
                   f"{out / f'fold{k}'}")


@app.command()
def linkers(out: Path = typer.Option(Path("runs/crossval"), "-o", help="Folder of the fold models."),
            n: int = typer.Option(4, "--folds", min=2)) -> None:
    """Refit each fold model's linker on its own training data (after a change of the linker's code)."""
    from training.linker import refit

    wide, base = load_gold("wide-train"), load_gold("train") + load_gold("wide-dev")
    for k, held in enumerate(folds(wide, n)):
        info = refit(fold_model(out, k), fold_training(wide, held, base))
        typer.echo(f"fold {k}: linker refitted on {info['records']} records")


@app.command()
def score(out: Path = typer.Option(Path("runs/crossval"), "-o", help="Folder of the fold models."),
          n: int = typer.Option(4, "--folds", min=2),
          errors: Path = typer.Option(None, help="Also write each excerpt's predictions here (JSONL)."),
          as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON.")) -> dict:
    """Score the fold models on their held-out companies with the current code (pooled)."""
    import spacy

    from training.evaluate import component_errors, predict
    from training.scoring import score as score_records

    gold, preds = [], []
    for k, held in enumerate(folds(load_gold("wide-train"), n)):
        gold += held
        preds += predict(spacy.load(fold_model(out, k)), held)
    m = score_records(gold, preds)
    figures = {**{key: round(m[key]["f"], 3) for key in KEYS}, "values": round(m["values"]["accuracy"], 3),
               "records": round(m["records"]["recall"], 3),
               "labels": {k: round(v["f"], 3) for k, v in m["entities"]["by"].items()},
               "types": {k: round(v["f"], 3) for k, v in m["triggers"]["by"].items()},
               "partial_documents": component_errors(preds)["documents"]}
    if errors:
        errors.parent.mkdir(parents=True, exist_ok=True)
        with errors.open("w", encoding="utf-8") as f:
            for r, p in zip(gold, preds):
                f.write(json.dumps({"id": r["id"], "pred": p}) + "\n")
    if as_json:
        typer.echo(json.dumps(figures))
    else:
        typer.echo(f"{len(gold)} excerpts, {n} company folds: " + ", ".join(f"{k} {figures[k]}" for k in
                                                                            (*KEYS, "values", "records")))
        typer.echo("entities by label: " + ", ".join(f"{k} {v}" for k, v in figures["labels"].items()))
        typer.echo("triggers by type: " + ", ".join(f"{k} {v}" for k, v in figures["types"].items()))
        if figures["partial_documents"]:
            typer.echo(f"warning: a component caught an error on {figures['partial_documents']} excerpts "
                       "(their records lack its tags)", err=True)
    return figures


if __name__ == "__main__":
    app()
