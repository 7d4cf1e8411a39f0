"""The read-only material beside the project (``../shared``): where it is, and what a test does
when it is absent — skip on a developer's machine, fail under CI (``CI=true``), so that a CI run
without it can never pass by skipping."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
REALDATA = SHARED / "realdata"
NORMS_MD = SHARED / "NORMS.md"
EVAL = SHARED / "eval"


def require(path: Path) -> Path:
    """``path`` when it exists; otherwise skip the test locally, or fail it under ``CI=true``."""
    if path.exists():
        return path
    message = f"{path} is absent (the project expects ../shared beside it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + "; under CI=true a test that needs it fails instead of skipping")
    pytest.skip(message)
