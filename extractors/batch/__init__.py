"""Batch extraction: documents in, FORMATS.md records out (extract, windows, records, writers, Dask)."""
