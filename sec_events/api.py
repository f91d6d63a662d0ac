"""The Python API: what `sec-events extract` does, for one document or many, in-process.

    import sec_events

    ex = sec_events.load()                     # the shipped model (models/sec_events_sm)
    records = ex.extract("On June 12, 2023, Acme Corp. entered into ...", company="Acme Corp.")
    records = ex.extract(Path("filing.txt"))   # an EDGAR file: one record per kept document
    for record in ex.iter_extract(["a.htm", {"id": "x", "text": "..."}, "Some text ..."]):
        ...
    doc = ex.doc("Some text ...")              # the processed spaCy Doc (filing context attached)
    doc.ents[0]._.value; doc._.event_objects

Every record is made by the batch code of `sec-events extract`
(`extractors.batch.extract`: `document_task`/`iter_tasks` -> `batched_tasks` ->
`process_batch`, which runs long texts in windows, gives every window its filing's
context and writes the records with `extractors.batch.records`), with the batch size
the command uses, so a document gets the record the command writes for it (`sha256`
included). Nothing here re-implements a step of it.

Inputs (`source`)
    * a `str` of text (or `id=`, `company=`, `items=`, `filed=`, `context_names=`...
      keyword arguments: `id` names the document, the rest is its `meta`, as in a
      documents JSONL line; default id ``text:<first 12 hex digits of the text's SHA-256>``);
    * a documents dict ``{"id", "text", "meta"}`` (keyword arguments are merged into it);
    * a path (`pathlib.Path`, or a one-line `str` naming an existing folder, ending in
      "/", or naming a file with a suffix the reader knows: .htm, .html, .txt, .nc,
      .jsonl, .parquet...; a missing path raises FileNotFoundError): read by
      `sec_events.read` as `corpus build` and `extract` read it; one record per document
      kept (`types=` chooses SGML document types as `--types` does). A file's id is the
      one the command gives it when that file alone is named on the command line.

A document that cannot be processed gets the error record the command writes
(`error` set, no spans or events); inputs the reader skips (binary files, document
types not kept) give no record, as in the command's output.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from extractors.batch import extract as _batch

Source = str | os.PathLike | Mapping[str, Any]

_PATH_MAX = 1024  # a longer str is text, never a path


def _is_path(source) -> bool:
    if isinstance(source, os.PathLike):
        return True
    if not isinstance(source, str) or "\n" in source or len(source) > _PATH_MAX or not source.strip():
        return False
    from sec_events.read.build import SUPPORTED_SUFFIXES

    return (Path(source).suffix.lower() in SUPPORTED_SUFFIXES or source.endswith(("/", os.sep))
            or os.path.isdir(source))


def _document(source: str | Mapping[str, Any], context: Mapping[str, Any]) -> dict:
    """A documents-format dict for a text or a document dict, with `context` (id, meta)."""
    context = dict(context)
    doc_id = context.pop("id", None)
    if isinstance(source, str):
        if doc_id is None:
            doc_id = f"text:{_batch.text_sha256(source)[:12]}"
        doc = {"id": doc_id, "text": source}
        if context:
            doc["meta"] = context
        return doc
    doc = dict(source)
    if doc_id is not None:
        doc["id"] = doc_id
    if context:
        meta = doc.get("meta")
        doc["meta"] = {**(meta if isinstance(meta, Mapping) else {}), **context}
    return doc


class Extractor:
    """A loaded model and the batch code of `sec-events extract` around it."""

    def __init__(self, nlp, model: Path, batch_size: int = 32):
        self.nlp = nlp
        self.model = model
        self.batch_size = batch_size

    def __repr__(self) -> str:
        return f"Extractor({str(self.model)!r}, pipeline={self.nlp.pipe_names})"

    # ------------------------------------------------------------------ tasks
    def _tasks(self, source: Source, /, context: Mapping[str, Any], on_error=None) -> Iterator:
        if _is_path(source):
            types = context.get("types")
            other = sorted(set(context) - {"types"})
            if other:
                raise TypeError(f"a file's documents take their metadata from the file; "
                                f"unexpected keyword arguments for a path: {', '.join(other)}")
            path = Path(source)
            if not path.exists() and not path.is_symlink():
                raise FileNotFoundError(f"input not found: {path}")
            yield from _batch.iter_tasks([path], types=types, on_error=on_error)
        elif isinstance(source, (str, Mapping)):  # `types` chooses a file's documents: not metadata
            yield _batch.document_task(_document(source, {k: v for k, v in context.items() if k != "types"}))
        else:
            raise TypeError(f"expected a text, a path or a document dict, not {type(source).__name__}")

    # ------------------------------------------------------------------ records
    def iter_extract(self, sources: Iterable[Source], /, on_error=None, **context) -> Iterator[dict]:
        """One record per document of each source, in order, streamed in the batches
        `sec-events extract` makes (`context` applies to every source; `on_error` sees
        the reader's `ErrorRecord`s, skipped inputs too)."""
        tasks = (task for source in sources for task in self._tasks(source, context, on_error))
        for batch in _batch.batched_tasks(tasks, self.batch_size):
            for record, _words in _batch.process_batch(self.nlp, batch, self.batch_size):
                yield record

    def extract(self, source: Source, /, **context) -> list[dict]:
        """The records of one source: one for a text or a document dict, one per kept
        document for a file or folder."""
        return list(self.iter_extract([source], **context))

    # ------------------------------------------------------------------ Docs
    def docs(self, source: Source, /, **context) -> Iterator[tuple[str, int, Any]]:
        """(document id, window offset, processed Doc) for every window of every document
        of `source`: the Docs `extract` makes its records from, each with its filing's
        context (company names, the year of a windowed filing). A document that cannot
        be processed raises ValueError."""
        for task in self._tasks(source, context):
            if task.error is not None:
                raise ValueError(f"{task.id}: {task.error}")
            windows = _batch.task_windows(self.nlp, task, _batch.WINDOW_CHARS)
            for (offset, _), doc in zip(windows, self.nlp.pipe([d for _, d in windows])):
                yield task.id, offset, doc

    def doc(self, source: str | Mapping[str, Any], /, **context):
        """The processed Doc of a text or document dict that runs as one window (at most
        `extractors.batch.windows.WINDOW_CHARS` characters; longer: use `docs`)."""
        if _is_path(source):
            raise TypeError("doc() takes a text or a document dict; for files use docs()")
        out = list(self.docs(source, **context))
        if len(out) != 1:
            raise ValueError(f"the text runs as {len(out)} windows of at most {_batch.WINDOW_CHARS:,} "
                             "characters; use docs() for its windows")
        return out[0][2]


def load(model: str | os.PathLike | None = None, batch_size: int = 32) -> Extractor:
    """An `Extractor` for the model folder `model` (default: the shipped model,
    models/sec_events_sm of this package, or $SEC_EVENTS_MODEL). The pipeline is loaded
    once per process and model folder and shared by every Extractor of it. Raises
    `extractors.batch.extract.ModelError` (a FileNotFoundError) for a missing or
    broken model folder."""
    path = _batch.resolve_model(model)
    return Extractor(_batch.get_model(str(path)), path, batch_size)


def extract(source: Source, /, model: str | os.PathLike | None = None, **context) -> list[dict]:
    """`load(model).extract(source, **context)`: the records `sec-events extract` writes."""
    return load(model).extract(source, **context)


def iter_extract(sources: Iterable[Source], /, model: str | os.PathLike | None = None,
                 **context) -> Iterator[dict]:
    """`load(model).iter_extract(sources, **context)`."""
    return load(model).iter_extract(sources, **context)
