"""The schema migration Job of every overlay: what it runs, on which image, and when.

The upgrade itself is proven against real PostgreSQL in tests/test_migrations.py; these are
the rendered facts that make it run before every rollout.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

Object = dict[str, Any]
WAVE = "argocd.argoproj.io/sync-wave"
HOOK = "argocd.argoproj.io/hook"
OVERLAYS = ("homelab", "gke-gcs", "authentik", "bitnami-legacy")
# What each overlay's auth option migrates after the tracking schema.
AUTH_STEPS = {
    "homelab": ["oidc-users-schema"],
    "gke-gcs": ["auth-schema"],
    "bitnami-legacy": ["auth-schema"],
    "authentik": [],
}


def _by_overlay(objects: dict[str, Object], overlay: str) -> dict[str, Object]:
    prefix = f"{overlay}/"
    return {p.removeprefix(prefix): o for p, o in objects.items() if p.startswith(prefix)}


def _steps(job: Object) -> list[Object]:
    spec = job["spec"]["template"]["spec"]
    return [*spec.get("initContainers", []), *spec["containers"]]


def _wave(obj: Object) -> int:
    return int(obj["metadata"]["annotations"][WAVE])


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_tracking_schema_first_then_the_auth_store(
    objects: dict[str, Object], overlay: str
) -> None:
    job = _by_overlay(objects, overlay)["job-mlflow-migrate.yaml"]
    steps = _steps(job)
    assert [s["name"] for s in steps] == ["tracking-schema", *AUTH_STEPS[overlay]]
    assert steps[0]["command"][:2] == ["python", "-c"]
    assert steps[0]["command"][3:] == ["$(MLFLOW_BACKEND_STORE_URI)"]
    assert 'commands(["upgrade", url])' in steps[0]["command"][2]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_runs_the_servers_image_user_and_database_env(
    objects: dict[str, Object], overlay: str
) -> None:
    files = _by_overlay(objects, overlay)
    job = files["job-mlflow-migrate.yaml"]
    pod = files["deployment-mlflow.yaml"]["spec"]["template"]["spec"]
    [server] = pod["containers"]
    spec = job["spec"]["template"]["spec"]
    assert spec["securityContext"] == pod["securityContext"]
    assert spec.get("imagePullSecrets") == pod.get("imagePullSecrets")
    server_env = {e["name"]: e for e in server["env"]}
    for step in _steps(job):
        assert step["image"] == server["image"]
        env = {e["name"]: e for e in step["env"]}
        # The server's own connection: same host, user, password source and URI.
        for name in ("DB_HOST", "DB_USER", "PGPASSWORD", "MLFLOW_BACKEND_STORE_URI"):
            if name in env:
                assert env[name] == server_env[name], (overlay, step["name"], name)
        assert "PGPASSWORD" in env and "valueFrom" in env["PGPASSWORD"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_var_in_a_command_is_defined_earlier_in_its_env(
    objects: dict[str, Object], overlay: str
) -> None:
    """The kubelet leaves an undefined $(VAR) as text: the upgrade would get a bogus URL."""
    job = _by_overlay(objects, overlay)["job-mlflow-migrate.yaml"]
    for step in _steps(job):
        defined: set[str] = set()
        for var in step["env"]:
            for ref in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", var.get("value", "")):
                assert ref in defined, (step["name"], var["name"], ref)
            defined.add(var["name"])
        for arg in step["command"] + step.get("args", []):
            for ref in re.findall(r"\$\(([A-Za-z_][A-Za-z0-9_]*)\)", arg):
                assert ref in defined, (step["name"], ref)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_sync_hook_after_databases_and_setup_jobs_before_the_server(
    objects: dict[str, Object], overlay: str
) -> None:
    """Not PreSync: PreSync hooks run before wave -3, when no database exists on a first sync."""
    files = _by_overlay(objects, overlay)
    job = files["job-mlflow-migrate.yaml"]
    annotations = job["metadata"]["annotations"]
    assert annotations[HOOK] == "Sync"
    assert annotations["argocd.argoproj.io/hook-delete-policy"] == "BeforeHookCreation"
    wave = _wave(job)
    assert wave < _wave(files["deployment-mlflow.yaml"])
    for obj in files.values():
        if obj["kind"] in {"StatefulSet", "Cluster"}:
            assert _wave(obj) < wave
        hook = (obj["metadata"].get("annotations") or {}).get(HOOK)
        if obj["kind"] == "Job" and hook == "Sync" and obj is not job:
            assert _wave(obj) < wave, obj["metadata"]["name"]


def test_bitnami_server_pod_no_longer_migrates_in_an_init_container(
    objects: dict[str, Object],
) -> None:
    pod = _by_overlay(objects, "bitnami-legacy")["deployment-mlflow.yaml"]["spec"]["template"]
    names = [c["name"] for c in pod["spec"]["initContainers"]]
    assert "upgrade-db-auth" not in names
