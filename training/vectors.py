"""Static floret vectors trained on the unlabelled filing text (training.unlabelled).

    python -m training.vectors runs/vectors            # -> runs/vectors/model (spaCy vectors)

The text is tokenized with the filing tokenizer (so a vector's key is what the
pipeline's tokens are) and kept in its case. floret (fastText with hashed subwords,
`floret` on PyPI) gives every token a vector, seen or not, from a table of `bucket` rows;
`spacy init vectors --mode floret` turns it into the vectors a spaCy config reads with
`[initialize] vectors` and `include_static_vectors = true`.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from training.unlabelled import unlabelled_documents


def write_text(path: Path, shared: Path | None = None) -> dict:
    """One line of space-separated filing tokens per paragraph of every unlabelled document."""
    from training.train import tokenizer_nlp

    tokenizer = tokenizer_nlp().tokenizer
    docs = words = 0
    with open(path, "w", encoding="utf-8") as out:
        for d in unlabelled_documents(shared):
            docs += 1
            for para in d["text"].split("\n\n"):
                tokens = [t.text for t in tokenizer(para[:200_000]) if not t.is_space]
                if tokens:
                    words += len(tokens)
                    out.write(" ".join(tokens) + "\n")
    return {"documents": docs, "tokens": words}


def train_vectors(out: Path, shared: Path | None = None, dim: int = 64, bucket: int = 20000,
                  epoch: int = 5, minn: int = 3, maxn: int = 5, threads: int = 2) -> dict:
    import floret
    import spacy
    from spacy.training.initialize import convert_vectors

    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    info = write_text(out / "text.txt", shared)
    model = floret.train_unsupervised(str(out / "text.txt"), model="cbow", mode="floret", hashCount=2,
                                      bucket=bucket, minn=minn, maxn=maxn, dim=dim, epoch=epoch,
                                      thread=threads, verbose=0)
    model.save_floret_vectors(str(out / "vectors.floret"))
    nlp = spacy.blank("en")  # as `spacy init vectors en vectors.floret OUT --mode floret`
    convert_vectors(nlp, out / "vectors.floret", truncate=0, prune=-1, name="sec_events_floret", mode="floret")
    nlp.to_disk(out / "model")
    (out / "text.txt").unlink()
    (out / "vectors.floret").unlink()
    info.update({"dim": dim, "bucket": bucket, "epoch": epoch, "minn": minn, "maxn": maxn,
                 "seconds": round(time.perf_counter() - start, 1)})
    (out / "vectors.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return info


def main(out: Path = typer.Argument(..., help="Folder to write (vectors in OUT/model)."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED"),
         dim: int = 64, bucket: int = 20000, epoch: int = 5) -> None:
    typer.echo(json.dumps(train_vectors(out, shared, dim=dim, bucket=bucket, epoch=epoch)))


if __name__ == "__main__":
    typer.run(main)
