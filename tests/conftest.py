import pytest

from sec_events.paths import shared_dir


@pytest.fixture(scope="session")
def shared():
    """The shared data folder (../shared, or $SEC_EVENTS_SHARED); required, never skipped."""
    return shared_dir()
