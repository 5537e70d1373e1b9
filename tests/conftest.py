"""Shared fixtures: the repository root and one fresh render per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def rendered() -> dict[str, str]:
    """Every file a fresh render of all overlays writes, keyed by its path under dist/."""
    from mlflow_gitops.cli import render

    return render(ROOT)


@pytest.fixture(scope="session")
def objects(rendered: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The rendered Kubernetes objects, keyed by path under dist/ (kustomization excluded)."""
    return {
        path: yaml.safe_load(text)
        for path, text in rendered.items()
        if not path.endswith("/kustomization.yaml")
    }
