"""Shared fixtures (the repository root, one fresh render per test session) and the tiers.

Every test belongs to exactly one tier, a marker `make test-<tier>` selects (`make test` runs
them all): `render` (the render, its snapshots, facts and bad input, the Job contract, the
validators: about a minute), `servers` (Job scripts, plugins and migrations against real
PostgreSQL, Keycloak, S3, GCS, MLflow, kube-apiserver), `runtime` (each overlay's rendered pod
under its limits). A folder of tests/ belongs to one tier (TIER_OF_FOLDER); a module directly
in tests/ is listed in TIER_OF_MODULE. A test in neither stops collection, so no test falls
outside every tier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
TIERS = ("render", "servers", "runtime")
TIER_OF_FOLDER = {
    "render": "render",
    "jobs": "servers",
    "runtime": "runtime",
    "lint": "linters",
    "controlplane": "controlplane",
}
TIER_OF_MODULE = {
    "test_yaml_output": "render",
    "test_review": "render",
    "test_render_cache": "render",
    "test_image_versions": "render",
    "test_validate": "render",
    "test_workflows": "render",
    "test_install_scripts": "render",
    "test_code_server_scripts": "servers",
    "test_keycloak_groups_plugin": "servers",
    "test_migrations": "servers",
    "test_pod_security": "servers",
    "test_adoption_bitnami": "servers",
    "test_runtime_homelab": "servers",
    "test_review_predictions": "render",
    "test_review_predictions_apiserver": "servers",
    "test_postgres_probes": "servers",
    "test_kyverno_policy": "servers",
}


def tier_of(path: Path) -> str:
    """The tier of a test module, from its folder or, directly in tests/, its name."""
    relative = path.resolve().relative_to(TESTS)
    if len(relative.parts) > 1:
        tier = TIER_OF_FOLDER.get(relative.parts[0])
        where = f"tests/{relative.parts[0]}/ is in no tier: add it to TIER_OF_FOLDER"
    else:
        tier = TIER_OF_MODULE.get(path.stem)
        where = f"tests/{path.name} is in no tier: add it to TIER_OF_MODULE"
    if tier is None:
        raise pytest.UsageError(f"{where} (tests/conftest.py)")
    return tier


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(tier_of(item.path))


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
