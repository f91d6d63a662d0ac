"""Pretraining the span classifier's tok2vec on the unlabelled filing text (`spacy pretrain`).

    python -m training.pretrain runs/pretrain --epochs 1      # -> runs/pretrain/model-last.bin

The objective is spaCy's character objective (predict the first and last characters of
each word from its context: `spacy.PretrainCharacters.v1`), which suits a CNN tok2vec
with hashed features and no static vectors. The tok2vec is the training config's, so
`sec-events train --init-tok2vec runs/pretrain/model-last.bin` starts from these weights.
The text is training.unlabelled's (no held-out filer), in pieces of about 200 words.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import srsly
import typer

from training.unlabelled import unlabelled_documents


def chunks(text: str, size: int = 200) -> list[str]:
    """The text in pieces of whole lines of about `size` words (spaCy's pretraining corpus
    skips documents over its max_length)."""
    out, piece, n = [], [], 0
    for line in text.split("\n"):
        piece.append(line)
        n += len(line.split())
        if n >= size:
            out.append("\n".join(piece))
            piece, n = [], 0
    if n:
        out.append("\n".join(piece))
    return out


def write_text(path: Path, shared: Path | None = None, min_words: int = 5, max_words: int | None = None) -> dict:
    docs = paras = words = 0
    rows = []
    for d in unlabelled_documents(shared):
        if max_words and words >= max_words:
            break
        docs += 1
        for para in chunks(d["text"]):
            n = len(para.split())
            if n >= min_words:
                paras += 1
                words += n
                rows.append({"text": para})
    srsly.write_jsonl(path, rows)
    return {"documents": docs, "paragraphs": paras, "words": words}


def pretrain(out: Path, shared: Path | None = None, epochs: int = 1, config: Path | None = None,
             seed: int = 0, max_words: int | None = None) -> dict:
    from spacy import util
    from spacy.cli.init_config import fill_config
    from spacy.training.pretrain import pretrain as spacy_pretrain

    from training.train import CONFIG

    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    info = write_text(out / "text.jsonl", shared, max_words=max_words)
    filled = out / "pretrain.cfg"
    fill_config(filled, Path(config or CONFIG), pretraining=True, silent=True)
    cfg = util.load_config(filled, overrides={
        "paths.raw_text": str(out / "text.jsonl"), "pretraining.max_epochs": epochs,
        "pretraining.n_save_epoch": 1, "system.seed": seed,
        "corpora.pretrain.max_length": 2000}, interpolate=True)
    spacy_pretrain(cfg, out, silent=True)
    (out / "text.jsonl").unlink()
    info.update({"epochs": epochs, "objective": cfg["pretraining"]["objective"].get("@architectures"),
                 "seconds": round(time.perf_counter() - start, 1)})
    (out / "pretrain.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info


def main(out: Path = typer.Argument(..., help="Folder to write (weights in OUT/model-last.bin)."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED"),
         epochs: int = typer.Option(1, help="Passes over the unlabelled text."),
         max_words: int = typer.Option(None, help="Use only the first N words of the text.")) -> None:
    typer.echo(json.dumps(pretrain(out, shared, epochs, max_words=max_words)))


if __name__ == "__main__":
    typer.run(main)
