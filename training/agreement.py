"""Inter-annotator agreement: a first annotation scored against a second, independent one.

The files are in `corpus/agreement/`: `second.jsonl` re-annotates 16 lee8k gold documents
(SCHEMA v1.1), `lee8k-first.jsonl` is their gold as it was then (before the v1.2 pass added
COMPENSATION events the second annotation could not have);
`wide-first-roundN.jsonl` / `wide-second-roundN.jsonl` are the wide set's double annotations,
the first kept as it was when the second was made (the gold was reconciled afterwards, so its
agreement with the second is no longer the figure before reconciliation). Scoring is
FORMATS.md's (`training.scoring.score`), the first taken as gold.
"""
from __future__ import annotations

from pathlib import Path

from sec_events.documents import read_jsonl
from sec_events.paths import CORPUS_DIR
from training.corpus import join, sources_of
from training.scoring import score

AGREEMENT = CORPUS_DIR / "agreement"
SECOND = AGREEMENT / "second.jsonl"
FIRST = AGREEMENT / "lee8k-first.jsonl"


def wide_rounds() -> list[int]:
    """The wide set's double annotations, by round number."""
    return sorted(int(p.stem.rsplit("round", 1)[1]) for p in AGREEMENT.glob("wide-second-round*.jsonl"))


def round_files(round_: int | None = None) -> tuple[Path, Path]:
    """(first, second) of a wide round (default: the latest)."""
    rounds = wide_rounds()
    round_ = round_ or rounds[-1]
    if round_ not in rounds:
        raise ValueError(f"no round {round_} (rounds: {rounds})")
    return AGREEMENT / f"wide-first-round{round_}.jsonl", AGREEMENT / f"wide-second-round{round_}.jsonl"


def agreement(first: Path = FIRST, second: Path = SECOND, shared: Path | None = None) -> tuple[dict, int, int]:
    """(metrics, documents, words) of `first` scored against `second` on the documents of `second`."""
    seconds = list(read_jsonl(second))
    ids = {s["id"] for s in seconds}
    firsts = [s for s in read_jsonl(first) if s["id"] in ids]
    if len(firsts) != len(ids):
        raise ValueError(f"{len(ids) - len(firsts)} documents of {second} are not in {first}")
    sources = sources_of(firsts + seconds, shared)
    key = lambda s: (s.get("source", "lee8k"), s["source_id"])
    a = [join(s, sources[key(s)]) for s in firsts]
    order = {f["id"]: k for k, f in enumerate(firsts)}
    b = [join(s, sources[key(s)]) for s in sorted(seconds, key=lambda s: order[s["id"]])]
    return score(a, b), len(a), sum(len(r["text"].split()) for r in a)
