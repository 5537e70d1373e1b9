"""Shared fixtures: the repository root and one fresh render per test session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _private_render_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The suite (and every main.py it starts) uses a render cache of its own, empty at start:
    no test passes on an entry a developer's earlier render left."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MLFLOW_GITOPS_RENDER_CACHE", str(tmp_path_factory.mktemp("render-cache")))
        yield


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def render_in_process() -> Callable[..., dict[str, str]]:
    """Render a checkout (ROOT or a copy) in this process: the code imported once per session
    serves every render. Tests of the command line itself run main.py as a subprocess."""
    from mlflow_gitops.cli import render

    return render


@pytest.fixture(scope="session")
def rendered(render_in_process: Callable[..., dict[str, str]]) -> dict[str, str]:
    """Every file a fresh render of all overlays writes, keyed by its path under dist/."""
    return render_in_process(ROOT)


@pytest.fixture(scope="session")
def objects(rendered: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The rendered Kubernetes objects, keyed by path under dist/ (kustomization excluded)."""
    return {
        path: yaml.safe_load(text)
        for path, text in rendered.items()
        if not path.endswith("/kustomization.yaml")
    }
