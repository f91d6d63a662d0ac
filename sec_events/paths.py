"""Where things live: the shared data folder, the project's corpus and models.

The shared folder (filings, spec, seeds) is read by path and never copied into the
repository. Its location is, in order: an explicit argument, the environment
variable ``SEC_EVENTS_SHARED``, or ``../shared`` beside the project checkout.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = PROJECT_ROOT / "corpus"
MODELS_DIR = PROJECT_ROOT / "models"
DEFAULT_MODEL_NAME = "sec_events_sm"
ENV_SHARED = "SEC_EVENTS_SHARED"
ENV_MODEL = "SEC_EVENTS_MODEL"
ENV_REQUIRE_SHARED = "SEC_EVENTS_REQUIRE_SHARED"  # "1": the tests fail, not skip, without the folder


class SharedDataMissing(FileNotFoundError):
    """The shared data folder is not where `shared_dir` looked (`looked`: the folders
    tried). The tests that need it skip on this error (tests/conftest.py), or fail when
    ``SEC_EVENTS_REQUIRE_SHARED=1``."""

    def __init__(self, looked: list[Path]):
        self.looked = list(looked)
        super().__init__(f"shared data folder not found (looked in {', '.join(map(str, self.looked))}); "
                         f"pass --shared or set {ENV_SHARED}")


def shared_dir(explicit: str | os.PathLike | None = None) -> Path:
    """Resolve the shared data folder; raise `SharedDataMissing` (a FileNotFoundError)
    with a hint if absent."""
    candidates = []
    if explicit:
        candidates.append(Path(explicit))
    elif os.environ.get(ENV_SHARED):
        candidates.append(Path(os.environ[ENV_SHARED]))
    else:
        candidates += [PROJECT_ROOT.parent / "shared", Path.cwd().parent / "shared"]
    for path in candidates:
        if (path / "spec").is_dir() or (path / "corpus").is_dir():
            return path.resolve()
    raise SharedDataMissing(candidates)


def default_model() -> Path:
    """The model `extract` and `eval` use when none is named."""
    if os.environ.get(ENV_MODEL):
        return Path(os.environ[ENV_MODEL])
    return MODELS_DIR / DEFAULT_MODEL_NAME
