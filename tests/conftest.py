"""Shared fixtures. Tests that need the big shared data (next to the repository as ../shared/data) skip
cleanly when it is absent; everything else runs from the repository alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = Path(__file__).resolve().parent / "data"


def shared_data_dir() -> Path | None:
    candidate = Path(os.environ.get("SORANI_SHARED_DATA", ROOT.parent / "shared" / "data"))
    return candidate if candidate.is_dir() else None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The shared data folder; skips the test when it is not there."""
    path = shared_data_dir()
    if path is None:
        pytest.skip("shared data not available (../shared/data)")
    return path


@pytest.fixture(scope="session")
def news_sample() -> str:
    """The bundled sample news article."""
    return (TEST_DATA / "news-sample.txt").read_text(encoding="utf-8")
