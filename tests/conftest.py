"""Shared fixtures, and how the tests treat the shared data folder.

Tests that read `../shared` (filings, seeds, the lee8k texts the gold points into)
skip with a one-line reason when it is absent: through the `shared` fixture, the
`shared` marker, or any `sec_events.paths.SharedDataMissing` a test or fixture
raises (`shared_dir()` called inside a test or by the code under test). With
``SEC_EVENTS_REQUIRE_SHARED=1`` (CI, `.ci/run`) its absence is an error instead:
the run stops before collecting anything, so nothing is skipped silently.
"""
import os

import pytest

from sec_events.paths import ENV_REQUIRE_SHARED, ENV_SHARED, SharedDataMissing, shared_dir


def _required() -> bool:
    return os.environ.get(ENV_REQUIRE_SHARED, "").strip() not in ("", "0")


def _missing(exc: SharedDataMissing):
    """Skip the current test for want of the shared folder (fail when it is required)."""
    reason = f"needs ../shared (set {ENV_SHARED}): {' or '.join(map(str, exc.looked))} not found"
    if _required():
        pytest.fail(f"{ENV_REQUIRE_SHARED}=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_configure(config):
    config.addinivalue_line("markers", "shared: reads the shared data folder (skipped when it is absent)")
    if _required():
        try:
            shared_dir()
        except SharedDataMissing as exc:
            raise pytest.UsageError(f"{ENV_REQUIRE_SHARED}=1: {exc}") from None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    """A test marked `shared`, or one of whose fixtures reaches `shared_dir()`, is
    skipped without the folder."""
    try:
        if item.get_closest_marker("shared") is not None:
            shared_dir()
        return (yield)
    except SharedDataMissing as exc:
        _missing(exc)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A test that reaches `shared_dir()` without the folder is skipped, not failed."""
    try:
        return (yield)
    except SharedDataMissing as exc:
        _missing(exc)


@pytest.fixture(scope="session")
def shared():
    """The shared data folder (../shared, or $SEC_EVENTS_SHARED); a test using it skips
    when the folder is absent (fails with SEC_EVENTS_REQUIRE_SHARED=1)."""
    try:
        return shared_dir()
    except SharedDataMissing as exc:
        _missing(exc)


@pytest.fixture(scope="session")
def rules_nlp():
    """The pipeline without trained parts (extractors/pipeline.cfg without the span
    classifier and the linker's weights)."""
    from extractors.pipeline import rules_pipeline

    return rules_pipeline()


@pytest.fixture(scope="session")
def entities(rules_nlp):
    """A text through `rules_nlp` up to its entities (no triggers yet)."""
    def run(text: str):
        with rules_nlp.select_pipes(disable=["sec_trigger_rules", "sec_linker"]):
            return rules_nlp(text)
    return run


@pytest.fixture(scope="session")
def shipped_nlp():
    """The shipped default model (`models/sec_events_sm`), loaded once per session."""
    import spacy

    from sec_events.paths import default_model

    return spacy.load(default_model())
