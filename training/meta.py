"""The project's part of a model's `meta.json` (`sec_events`): read and updated in one place
by the steps that record into a trained model (the linker's refit, the rescoring of its
figures, the ablation table)."""
from __future__ import annotations

import json
from pathlib import Path


def sec_events_meta(model: Path) -> dict:
    """The `sec_events` entries of the model's meta (empty if it has none)."""
    meta = json.loads((Path(model) / "meta.json").read_text(encoding="utf-8"))
    return meta.get("sec_events", {})


def update_sec_events(model: Path, **entries) -> None:
    """Set `entries` in the `sec_events` part of the model's meta, keeping everything else."""
    path = Path(model) / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.setdefault("sec_events", {}).update(entries)
    path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
