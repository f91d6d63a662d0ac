import pytest

from sec_events.paths import shared_dir


@pytest.fixture(scope="session")
def shared():
    """The shared data folder (../shared, or $SEC_EVENTS_SHARED); required, never skipped."""
    return shared_dir()


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
