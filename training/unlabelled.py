"""Unlabelled filing text for pretraining and static vectors, without the held-out filers.

The text is lee8k's 575 8-Ks and filings10x's 100 10-K/10-Q filings (`../shared/corpus/`),
less every filing of a company a test split or `wide-dev` holds (lee8k's test company,
Google; the companies of `wide-dev` and `wide-test`) and the filings of lee8k's dev
documents (a later period of the training companies), so that neither vectors nor a
pretrained tok2vec have read held-out text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from sec_events.documents import read_jsonl
from sec_events.paths import shared_dir
from training.corpus import ANNOTATIONS, MANIFEST, WIDE_ANNOTATIONS, WIDE_MANIFEST, company, read_manifest

HELD_OUT = ("dev", "test", "wide-dev", "wide-test")  # their documents are left out
HELD_OUT_COMPANIES = ("test", "wide-dev", "wide-test")  # and every filing of their companies
SOURCES = ("lee8k", "filings10x")


def _held_out(splits_of_interest, key) -> set[str]:
    """`key` of every gold record (lee8k and wide) in one of `splits_of_interest`."""
    out = set()
    for gold, manifest in ((ANNOTATIONS, MANIFEST), (WIDE_ANNOTATIONS, WIDE_MANIFEST)):
        splits = read_manifest(manifest)["splits"]
        for s in read_jsonl(gold):
            if any(s["id"] in splits.get(name, ()) for name in splits_of_interest):
                out.add(key(s))
    return out


def held_out_companies() -> set[str]:
    """Companies (ticker or normalised name, `training.corpus.company`) of the test splits and wide-dev."""
    return _held_out(HELD_OUT_COMPANIES, company)


def held_out_sources() -> set[str]:
    """Source document ids (`lee8k/...`, filings10x ids) of every dev and test gold record."""
    return _held_out(HELD_OUT, lambda s: s["source_id"])


def unlabelled_documents(shared: Path | None = None) -> Iterator[dict]:
    """Documents of lee8k and filings10x whose company is in no dev or test split."""
    companies, sources = held_out_companies(), held_out_sources()
    for source in SOURCES:
        for d in read_jsonl(shared_dir(shared) / "corpus" / f"{source}.jsonl"):
            ticker = d.get("meta", {}).get("ticker") or (d["id"].split("/")[1] if source == "lee8k" else None)
            if d["id"] in sources or company({"meta": {**d.get("meta", {}), "ticker": ticker}}) in companies:
                continue
            yield d
