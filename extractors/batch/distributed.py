"""Extraction beyond one machine: the same batch function on a Dask cluster.

    extract_distributed(inputs, output, model, n_workers=4, partition_size=64)

The client reads the input (documents JSONL/Parquet or raw EDGAR, as
`sec-events extract` does), cuts it into partitions of `partition_size` documents
and submits `extractors.batch.extract.run_partition(model, partition)` for each with
``dask.distributed`` futures, keeping at most two partitions per worker thread in
flight. Every worker process loads the model once (cached per process) and runs
``nlp.pipe`` over its partition. The client collects results in submission order
and writes them with the same resumable writers as the single-machine run, so the
output (JSONL, Parquet or SQLite) is identical to `run_extract`'s, in input order,
and a killed run resumes the same way.

Requirements on the cluster: this project (and spaCy) installed on every worker,
and `model` a path every worker can read (shared file system, or the same path
baked into the worker image). Pass `address` to use a running scheduler
(``tcp://host:8786``); without it a ``LocalCluster(n_workers, threads_per_worker=1,
processes=True)`` is started and closed.
"""
from __future__ import annotations

import os
from pathlib import Path

from extractors.batch.extract import ExtractSummary, drive, resolve_model, run_partition


def extract_distributed(inputs: list[str | os.PathLike], output: str | os.PathLike,
                        model: str | os.PathLike | None = None, n_workers: int = 2,
                        partition_size: int = 64, *, address: str | None = None, client=None,
                        fmt: str | None = None, resume: bool = True, batch_size: int = 32,
                        types: list[str] | None = None, progress: bool = False,
                        partition_chars: int | None = 1_000_000) -> ExtractSummary:
    """Map `run_partition` over partitions of the input on Dask; write `output` in order.

    `client` (a ``distributed.Client``) or `address` selects an existing cluster;
    otherwise a local one with `n_workers` single-threaded worker processes is used.
    A partition holds `partition_size` documents or about `partition_chars`
    characters of text, whichever comes first. `batch_size` is the ``nlp.pipe`` batch
    inside a partition."""
    from dask.distributed import Client, LocalCluster

    model_path = str(resolve_model(model))
    cluster = None
    own_client = client is None
    if client is None:
        if address:
            client = Client(address)
        else:
            cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or n_workers

        def submit(partition):
            return client.submit(run_partition, model_path, partition, batch_size, pure=False)

        summary = drive([Path(p) for p in inputs], Path(output), submit, window=2 * threads, fmt=fmt,
                        resume=resume, batch_size=partition_size, types=types, progress=progress,
                        processes=threads, max_chars=partition_chars)
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
    return summary
