"""The `sec-events` command line (typer).

Each command is a thin wrapper: it parses options and hands over to the module that
owns the stage (reading, extraction, training, evaluation).
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(help="Extract linked event records from SEC filings.", no_args_is_help=True,
                  add_completion=False)
corpus_app = typer.Typer(help="Build document collections and inspect the gold corpus.",
                         no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")

SharedOpt = typer.Option(None, "--shared", envvar="SEC_EVENTS_SHARED",
                         help="Shared data folder (default ../shared).")


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


@corpus_app.command("build")
def corpus_build(
    inputs: List[Path] = typer.Argument(..., help="EDGAR .txt/.nc submissions, HTML, plain text, "
                                        "documents JSONL, or folders of these."),
    output: Path = typer.Option(..., "-o", "--output", help="Documents file (.jsonl or .parquet)."),
    types: Optional[str] = typer.Option(None, "--types", help="Comma-separated SGML document types "
                                        "to keep (default: 8-K, NT 10-K, NT 10-Q, amendments, EX-99*)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Error records file "
                                          "(default: OUTPUT with .errors.jsonl)."),
) -> None:
    """Read raw filings into documents JSONL/Parquet (FORMATS.md)."""
    from sec_events.read.build import build_corpus

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        _fail(f"input not found: {', '.join(missing)}")
    type_list = [t.strip() for t in types.split(",") if t.strip()] if types else None
    summary = build_corpus(inputs, output, types=type_list, errors_path=errors)
    typer.echo(summary.describe())


@corpus_app.command("stats")
def corpus_stats(
    shared: Optional[Path] = SharedOpt,
    split: Optional[str] = typer.Option(None, help="Only this split (train, dev, test, wide-train, wide-dev, wide-test)."),
) -> None:
    """Documents, words, spans per label and events per type for each split of the gold corpus."""
    from training.corpus import print_stats

    print_stats(shared=shared, split=split)


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Documents JSONL/Parquet, or raw EDGAR files/folders."),
    output: Path = typer.Option(..., "-o", "--output", help="Output file (.jsonl, .parquet or .sqlite)."),
    model: Optional[Path] = typer.Option(None, "--model", "-m", help="Model directory "
                                         "(default: the shipped model in models/)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="jsonl, parquet or sqlite (default: by extension)."),
    processes: int = typer.Option(1, "--processes", "-n", min=1, help="Worker processes."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per nlp.pipe batch "
                                   "(and per write/commit)."),
    resume: bool = typer.Option(True, "--resume/--no-resume", help="Skip documents already in OUTPUT "
                                "(same id and text SHA-256) and append the rest; --no-resume overwrites."),
    types: Optional[str] = typer.Option(None, "--types", help="Raw EDGAR input: comma-separated SGML "
                                        "document types to keep (as in corpus build)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress on stderr."),
) -> None:
    """Run the pipeline over documents and write spans and event records (FORMATS.md)."""
    from extractors.batch.extract import run_extract
    from extractors.batch.writers import ResumeError

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        _fail(f"input not found: {', '.join(missing)}")
    if fmt and fmt.lower() not in ("jsonl", "parquet", "sqlite"):
        _fail(f"unknown --format {fmt!r} (jsonl, parquet or sqlite)")
    type_list = [t.strip() for t in types.split(",") if t.strip()] if types else None
    try:
        summary = run_extract(inputs, output, model=model, fmt=fmt, processes=processes,
                              batch_size=batch_size, resume=resume, types=type_list, progress=progress)
    except (FileNotFoundError, ResumeError) as exc:
        _fail(str(exc))
    typer.echo(summary.describe())


@app.command()
def train(
    output: Path = typer.Option(Path("models/sec_events_sm"), "-o", "--output", help="Model directory to write."),
    shared: Optional[Path] = SharedOpt,
    seed: int = typer.Option(0, help="Random seed (training is reproducible for a seed)."),
    fraction: float = typer.Option(1.0, min=0.01, max=1.0, help="Share of the train split to use."),
    max_steps: Optional[int] = typer.Option(None, help="Override the config's training.max_steps."),
    suggester: str = typer.Option("span_finder", help="Entity candidates: span_finder (default) or ngram "
                                  "(filtered n-grams of 1-8 tokens)."),
    curve: bool = typer.Option(False, "--curve", help="Also train on 25% and 50% of train and record "
                               "the learning curve in the model's meta."),
    workdir: Optional[Path] = typer.Option(None, help="Folder for DocBins and checkpoints (default runs/)."),
    fin5: bool = typer.Option(False, "--fin5", help="Add FIN5 PERSON/ORG (filtered) with rule-made "
                              "silver spans to the span classifier's training data."),
    config: Optional[Path] = typer.Option(None, "--config", help="spaCy training config (default: the "
                                          "suggester's config in training/configs/)."),
) -> None:
    """Train the span classifier and linker on the gold train split; write a model directory."""
    from training.train import run_train

    if config is not None and not config.is_file():
        _fail(f"not found: {config}")
    run_train(output=output, shared=shared, config=config, seed=seed, fraction=fraction, max_steps=max_steps,
              suggester=suggester, workdir=workdir, curve=curve, fin5=fin5)


@app.command("eval")
def evaluate(
    model: Optional[Path] = typer.Argument(None, help="Model directory (default: shipped model)."),
    annotations: Optional[Path] = typer.Argument(None, help="Gold annotations JSONL (FORMATS.md); "
                                                 "default: the seed gold, or --split."),
    output: Path = typer.Option(Path("runs/eval"), "-o", "--output", help="Report folder."),
    split: Optional[str] = typer.Option(None, help="Score a split of the project's gold corpus (train, dev, test, wide-train, wide-dev, wide-test)."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="Another run's metrics.json: report deltas."),
    items: Optional[Path] = typer.Option(None, "--items", help="Documents JSONL with meta.items: measure "
                                         "extracted event types against the declared 8-K items instead."),
    ablation: bool = typer.Option(True, "--ablation/--no-ablation", help="Also score classifier-only and rules-only."),
    filing_context: bool = typer.Option(True, "--filing-context/--no-filing-context",
                                        help="Give an excerpt the company names of its whole filing, as a "
                                             "run over the filing knows them (gold-corpus excerpts)."),
    shared: Optional[Path] = SharedOpt,
) -> None:
    """Score a model with FORMATS.md's figures; write metrics.json, report.md and report.html."""
    from training.evaluate import run_eval

    for path in (annotations, compare, items):
        if path is not None and not path.exists():
            _fail(f"not found: {path}")
    run_eval(model=model, annotations=annotations, output=output, split=split, shared=shared,
             compare=compare, items=items, with_ablation=ablation, filing_context=filing_context)


if __name__ == "__main__":  # pragma: no cover
    app()
