"""Without the shared data folder the tests that read it skip with a one-line reason;
with SEC_EVENTS_REQUIRE_SHARED=1 (CI) its absence stops the run (tests/conftest.py)."""
from __future__ import annotations

import os
import subprocess
import sys

from sec_events.paths import PROJECT_ROOT

# tests that read ../shared through the `shared` fixture, a marker, a `shared_dir()` call
# in their body; one that does not
TESTS = ["tests/read/test_read.py::test_documents_kept_per_submission",
         "tests/test_cli_errors.py::test_train_bad_inputs_fail_before_training",
         "tests/components/test_rules.py::test_seed_scores",
         "tests/read/test_read.py::test_decode_bytes_fallbacks"]


def pytest_run(shared: str, require: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SEC_EVENTS_SHARED": shared}
    env.pop("SEC_EVENTS_REQUIRE_SHARED", None)
    if require is not None:
        env["SEC_EVENTS_REQUIRE_SHARED"] = require
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *TESTS],
                          capture_output=True, text=True, env=env, cwd=PROJECT_ROOT, timeout=300)


def test_absent_shared_folder_skips(tmp_path):
    result = pytest_run(str(tmp_path), None)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed, 3 skipped" in result.stdout, result.stdout
    reason = f"needs ../shared (set SEC_EVENTS_SHARED): {tmp_path} not found"
    assert reason in result.stdout, result.stdout


def test_absent_shared_folder_is_an_error_when_required(tmp_path):
    result = pytest_run(str(tmp_path), "1")
    assert result.returncode == 4, result.stdout + result.stderr  # pytest's usage error
    assert "SEC_EVENTS_REQUIRE_SHARED=1: shared data folder not found" in result.stderr
    assert "passed" not in result.stdout
