"""The generalisation ablation: each training measure alone and combined, scored on dev and wide-dev.

    python -m training.ablation run wide vectors --vectors runs/vectors/model   # train the named variants
    python -m training.ablation table runs/ablation/*                            # their scores as a table

Each variant is `sec-events train` with the options in `VARIANTS` (seed 0, the shipped
config), written to `runs/ablation/<name>`; its scores are the ones `train` records in
the model's meta (lee8k dev and wide-dev, the splits settings are chosen on; never
wide-test). `table` prints a Markdown table and writes `ablation.json` beside the runs.
"""
from __future__ import annotations

import json
from pathlib import Path

import typer

from training.meta import sec_events_meta, update_sec_events
from training.train import run_train

# name -> run_train options (vectors and init_tok2vec are filled from the command line)
VARIANTS: dict[str, dict] = {
    "lee8k": {},
    "wide": {"wide": True},
    "wide+steps": {"wide": True, "max_steps": 2500},
    "wide+vectors": {"wide": True, "vectors": True},
    "wide+pretrain": {"wide": True, "init_tok2vec": True},
    "wide+augment": {"wide": True, "augment": ["names", "upper", "lines"]},
    "wide+x2": {"wide": True, "wide_repeat": 2},
    "wide+wikigold": {"wide": True, "wikigold": True},
}
SPLITS = ("dev", "wide-dev")
KEYS = ("entities", "triggers", "arguments")

app = typer.Typer(add_completion=False, help=__doc__.split("\n\n")[0])


def options(name: str, vectors: Path | None, init_tok2vec: Path | None, extra: dict | None = None) -> dict:
    """run_train options of a variant (`+`-joined names combine: `wide+steps+vectors`)."""
    if name in VARIANTS:
        opts = dict(VARIANTS[name])
    else:
        opts = {}
        for part in name.split("+"):
            key = part if part in VARIANTS else f"wide+{part}"
            if key not in VARIANTS:
                raise ValueError(f"unknown variant {part!r} (known: {', '.join(VARIANTS)})")
            opts.update(VARIANTS[key])
    if opts.get("vectors"):
        if vectors is None:
            raise ValueError(f"{name}: needs --vectors")
        opts["vectors"] = vectors
    if opts.get("init_tok2vec"):
        if init_tok2vec is None:
            raise ValueError(f"{name}: needs --init-tok2vec")
        opts["init_tok2vec"] = init_tok2vec
    return {**opts, **(extra or {})}


@app.command()
def run(names: list[str] = typer.Argument(..., help="Variants (see VARIANTS; `+` combines)."),
        out: Path = typer.Option(Path("runs/ablation"), "-o"),
        vectors: Path = typer.Option(None, help="Vectors folder (python -m training.vectors)."),
        init_tok2vec: Path = typer.Option(None, help="Pretrained weights (python -m training.pretrain)."),
        shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED")) -> None:
    for name in names:
        opts = options(name, vectors, init_tok2vec)
        run_train(output=out / name, shared=shared, workdir=out / f"{name}.work", **opts)


def row(model: Path, rescore: bool = False) -> dict:
    """A variant's settings and scores: those its meta records, or (`rescore`) measured
    now with the current post-processing code, so that runs trained at different times
    compare on the same rules."""
    meta = sec_events_meta(model)
    training = meta["training"]
    scores = meta["scores"]
    if rescore:
        import spacy

        from training.evaluate import split_scores

        scores = split_scores(spacy.load(model), splits=SPLITS)
    return {"model": model.name, "seconds": training.get("seconds"),
            "settings": {k: training.get(k) for k in ("wide", "wide_repeat", "max_steps", "augment", "vectors",
                                                      "init_tok2vec", "wikigold")},
            **{s: {k: scores[s][k]["f"] for k in KEYS} for s in SPLITS if s in scores}}


def markdown(rows: list[dict]) -> str:
    head = "| variant | " + " | ".join(f"{s} {k[:4]}." for s in SPLITS for k in KEYS) + " | train s |"
    lines = [head, "|" + "---|" * (2 + len(SPLITS) * len(KEYS))]
    for r in rows:
        cells = [f"{r[s][k]:.3f}" if s in r else "-" for s in SPLITS for k in KEYS]
        lines.append(f"| {r['model']} | " + " | ".join(cells) + f" | {r['seconds']:.0f} |")
    return "\n".join(lines)


@app.command()
def table(models: list[Path] = typer.Argument(..., help="Model folders written by `run`."),
          out: Path = typer.Option(None, "-o", help="Where to write the rows as JSON."),
          rescore: bool = typer.Option(False, help="Score every model now, with the current code."),
          into: Path = typer.Option(None, help="A model whose meta records the table (sec_events.ablation).")) -> None:
    rows = [row(m, rescore) for m in models if (m / "meta.json").is_file()]
    typer.echo(markdown(rows))
    if out:
        out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if into:
        update_sec_events(into, ablation=rows)


if __name__ == "__main__":
    app()
