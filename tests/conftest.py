"""Every test keeps the user's corrections in its own temporary folder, never in the real configuration folder."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def corrections_folder(tmp_path, monkeypatch):
    """The folder where this test's app keeps corrections (``NEXT_STEPS_SETTINGS_DIR``)."""
    folder = tmp_path / "next-steps-settings"
    monkeypatch.setenv("NEXT_STEPS_SETTINGS_DIR", str(folder))
    return folder
