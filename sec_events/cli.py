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

    _check_split(split, shared)
    print_stats(shared=shared, split=split)


@corpus_app.command("snapshot")
def corpus_snapshot(
    output: Path = typer.Argument(..., help="Where to write the texts (outside the repository)."),
    shared: Optional[Path] = SharedOpt,
) -> None:
    """Save the texts the gold points into, before a reader change (see `corpus reanchor`)."""
    from training.reanchor import snapshot

    try:
        n = snapshot(output, shared=shared)
    except (ValueError, KeyError, OSError) as e:
        _fail(str(e))
    typer.echo(f"{n} source documents -> {output}")


@corpus_app.command("reanchor")
def corpus_reanchor(
    snapshot_file: Path = typer.Argument(..., exists=True, dir_okay=False, help="The snapshot taken before the change."),
    shared: Optional[Path] = SharedOpt,
    allow_loss: bool = typer.Option(False, "--allow-loss", help="Write the gold even when mentions are lost."),
) -> None:
    """Move every gold offset to the texts the reader gives now; exit 1, writing nothing, if a mention is lost."""
    from sec_events.paths import PROJECT_ROOT
    from training.reanchor import reanchor

    outcomes = reanchor(snapshot_file, shared=shared, allow_loss=allow_loss)
    for path, o in outcomes.items():
        typer.echo(f"{path.relative_to(PROJECT_ROOT)}: {o.kept} unchanged, {o.moved} moved, "
                   f"{o.searched} found by text, {len(o.lost)} lost, {len(o.renamed)} excerpt ids renamed")
        for line in o.lost:
            typer.echo(f"  lost: {line}", err=True)
    lost = sum(len(o.lost) for o in outcomes.values())
    if lost and not allow_loss:
        _fail(f"{lost} mentions lost: nothing written (fix the reader or the gold, or pass --allow-loss)", 1)


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
    errors: Optional[Path] = typer.Option(None, "--errors", help="The reader's error records, skipped "
                                          "inputs included (default: OUTPUT with .errors.jsonl)."),
    allow_errors: bool = typer.Option(False, "--allow-errors", help="Exit 0 even when some documents "
                                      "failed (default: exit 1)."),
    pretty: bool = typer.Option(False, "--pretty", help="Then print the output readably, as "
                                "`sec-events show OUTPUT --n 0` does."),
) -> None:
    """Run the pipeline over documents and write spans and event records (FORMATS.md).

    Exit status: 0 when every document of the run was extracted, 1 when some failed
    (error records in the output; 0 with --allow-errors), 2 for a usage error."""
    from extractors.batch.extract import ModelError, resolve_model, run_extract
    from extractors.batch.writers import ResumeError

    missing = [str(p) for p in inputs if not p.exists() and not p.is_symlink()]
    if missing:
        _fail(f"input not found: {', '.join(missing)}")
    if fmt and fmt.lower() not in ("jsonl", "parquet", "sqlite"):
        _fail(f"unknown --format {fmt!r} (jsonl, parquet or sqlite)")
    if output.is_dir():
        _fail(f"output is a folder: {output}")
    type_list = [t.strip() for t in types.split(",") if t.strip()] if types else None
    try:
        resolve_model(model)
        summary = run_extract(inputs, output, model=model, fmt=fmt, processes=processes,
                              batch_size=batch_size, resume=resume, types=type_list, progress=progress,
                              errors_path=errors)
    except (ModelError, ResumeError) as exc:
        _fail(str(exc))
    if pretty:
        from extractors.batch.show import show_file

        show_file(output, fmt, n=0)
    typer.echo(summary.describe())
    if summary.errors and not allow_errors:
        _fail(f"{summary.errors} of {summary.documents} documents failed (see the error records; "
              "--allow-errors exits 0)", 1)


@app.command()
def show(
    file: Path = typer.Argument(..., help="Extraction output (.jsonl, .parquet or .sqlite)."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="Only the record with this id (or ids "
                                         "matching it as a shell pattern: 'lee8k/A/*')."),
    n: int = typer.Option(10, "--n", "-n", min=0, help="At most this many records (0: all)."),
    fmt: Optional[str] = typer.Option(None, "--format", help="jsonl, parquet or sqlite (default: by extension)."),
    spans: bool = typer.Option(False, "--spans", help="Also list each record's entity spans."),
) -> None:
    """Print extraction output readably: per document its filer (company, form, filing
    date), then each event with its trigger and each argument's text and normalised value."""
    from extractors.batch.show import show_file

    if not file.is_file():
        _fail(f"not found: {file}" if not file.exists() else f"not a file: {file}")
    if fmt and fmt.lower() not in ("jsonl", "parquet", "sqlite"):
        _fail(f"unknown --format {fmt!r} (jsonl, parquet or sqlite)")
    try:
        shown = show_file(file, fmt, doc_id=doc_id, n=n, spans=spans)
    except (ValueError, KeyError, TypeError, OSError) as exc:
        _fail(f"{file}: not extraction output ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")
    except Exception as exc:  # pyarrow / sqlite3 errors on a file of another kind
        _fail(f"{file}: cannot read it as extraction output ({type(exc).__name__}: "
              f"{' '.join(str(exc).split())[:200]})")
    if doc_id is not None and not shown:
        _fail(f"no record with id {doc_id!r} in {file}", 1)


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
    wikigold: bool = typer.Option(False, "--wikigold", help="Add WikiGold PERSON/ORG (general prose) with "
                                  "rule-made silver spans to the span classifier's training data."),
    config: Optional[Path] = typer.Option(None, "--config", help="spaCy training config (default: the "
                                          "suggester's config in training/configs/)."),
    wide: bool = typer.Option(False, "--wide", help="Also train on the wide set's wide-train split "
                              "(wide-dev joins dev for choosing the checkpoint)."),
    wide_repeat: int = typer.Option(1, "--wide-repeat", min=1, max=10, help="With --wide: how many times "
                                    "the wide-train documents enter the training data."),
    with_wide_dev: bool = typer.Option(False, "--with-wide-dev", help="With --wide: wide-dev trains too "
                                       "(the final model, once settings are chosen; it still picks the "
                                       "checkpoint, and its figures are no longer held out)."),
    vectors: Optional[Path] = typer.Option(None, "--vectors", help="Static vectors for the tok2vec "
                                           "(a spaCy vectors model, e.g. from `python -m training.vectors`)."),
    init_tok2vec: Optional[Path] = typer.Option(None, "--init-tok2vec", help="Pretrained tok2vec weights "
                                                "(`python -m training.pretrain`)."),
    augment: Optional[str] = typer.Option(None, "--augment", help="Comma-separated augmenters: names, "
                                          "upper, lines (training/augment.py)."),
    synthetic: bool = typer.Option(False, "--synthetic", help="Also train on the passages written for the "
                                   "project (corpus/synthetic/)."),
) -> None:
    """Train the span classifier and linker on the gold train split; write a model directory."""
    from training.train import run_train

    for path in (config, init_tok2vec):
        if path is not None and not path.is_file():
            _fail(f"not found: {path}")
    if vectors is not None and not vectors.is_dir():
        _fail(f"not a vectors folder: {vectors}")
    if with_wide_dev and not wide:
        _fail("--with-wide-dev needs --wide")
    augmenters = [a.strip() for a in augment.split(",") if a.strip()] if augment else None
    from training.augment import AUGMENTERS

    unknown = [a for a in augmenters or [] if a not in AUGMENTERS]
    if unknown:
        _fail(f"unknown augmenters {unknown} (known: {', '.join(AUGMENTERS)})")
    _check_train_inputs(output, suggester, shared)
    run_train(output=output, shared=shared, config=config, seed=seed, fraction=fraction, max_steps=max_steps,
              suggester=suggester, workdir=workdir, curve=curve, fin5=fin5, wikigold=wikigold, wide=wide,
              vectors=vectors, init_tok2vec=init_tok2vec, augment=augmenters, wide_repeat=wide_repeat,
              with_wide_dev=with_wide_dev, synthetic=synthetic)


def _check_train_inputs(output: Path, suggester: str, shared: Optional[Path]) -> None:
    """What `train` needs, checked before it starts: a known suggester, the shared
    folder, and an output that is a new path or a model folder (it is replaced)."""
    from training.train import CONFIGS

    if suggester not in CONFIGS:
        _fail(f"unknown --suggester {suggester!r} (one of {', '.join(CONFIGS)})")
    _shared(shared)
    if output.exists() and not output.is_dir():
        _fail(f"--output is a file, not a model folder: {output}")
    if output.is_dir() and any(output.iterdir()) and not (output / "config.cfg").is_file():
        _fail(f"--output is a folder that holds no model (it would be replaced): {output}")


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
    from extractors.batch.extract import ModelError, resolve_model
    from sec_events.checks import InputError, check_documents, check_gold, check_json
    from training.evaluate import run_eval

    for path in (annotations, compare, items):
        if path is not None and not path.is_file():
            _fail(f"not found: {path}" if not path.exists() else f"not a file: {path}")
    if output.exists() and not output.is_dir():
        _fail(f"--output is a file, not a folder: {output}")
    try:
        resolve_model(model)
        if items is not None:
            check_documents(items)
        elif annotations is not None:
            check_gold(annotations)
        else:
            _check_split(split, shared)
            if split is None:
                check_gold(_shared(shared) / "spec" / "seeds-gold.jsonl")
        if compare is not None:
            check_json(compare)
        run_eval(model=model, annotations=annotations, output=output, split=split, shared=shared,
                 compare=compare, items=items, with_ablation=ablation, filing_context=filing_context)
    except (ModelError, InputError) as exc:
        _fail(str(exc))


def _shared(shared: Optional[Path]) -> Path:
    """The shared data folder, or a one-line error."""
    from sec_events.paths import shared_dir

    try:
        return shared_dir(shared)
    except FileNotFoundError as exc:
        _fail(str(exc))


def _check_split(split: Optional[str], shared: Optional[Path]) -> None:
    """A known split name, and a shared folder to read its texts from."""
    from training.corpus import SPLITS

    if split is not None and split not in SPLITS:
        _fail(f"unknown split {split!r} (one of {', '.join(SPLITS)})")
    _shared(shared)


if __name__ == "__main__":  # pragma: no cover
    app()
