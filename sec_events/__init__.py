"""sec-events: event records from SEC filings (see README "Python API").

    import sec_events
    records = sec_events.extract("On June 12, 2023, Acme Corp. entered into ...")
    ex = sec_events.load()          # an Extractor: .extract, .iter_extract, .doc, .docs

The names below are imported on first use, so that `import sec_events` (and the CLI,
which lives in `sec_events.cli`) does not load spaCy before it is needed.
"""
from __future__ import annotations

__all__ = ["load", "extract", "iter_extract", "Extractor", "Event", "Argument", "events"]

_LAZY = {
    "load": "sec_events.api", "extract": "sec_events.api", "iter_extract": "sec_events.api",
    "Extractor": "sec_events.api",
    "Event": "extractors.events", "Argument": "extractors.events", "events": "extractors.events",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sec_events' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
