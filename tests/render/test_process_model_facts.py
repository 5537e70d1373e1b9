"""The server's process model and rollout, as the runtime tier measured them (docs/runtime.md):
each overlay runs within its limits only with these values, so the render must keep them."""

from __future__ import annotations

from typing import Any

import pytest

OVERLAYS = ("homelab", "gke-gcs", "authentik", "bitnami-legacy")


def server(objects: dict[str, dict[str, Any]], overlay: str) -> dict[str, Any]:
    return objects[f"{overlay}/deployment-mlflow.yaml"]


def container(objects: dict[str, dict[str, Any]], overlay: str) -> dict[str, Any]:
    spec = server(objects, overlay)["spec"]["template"]["spec"]
    return dict(spec["containers"][0])


def env(objects: dict[str, dict[str, Any]], overlay: str) -> dict[str, Any]:
    return {e["name"]: e.get("value") for e in container(objects, overlay)["env"]}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_two_workers_fit_the_1gi_limit(objects: dict[str, dict[str, Any]], overlay: str) -> None:
    # MLflow's default of 4 workers (plus its job runner) was OOM-killed at 1Gi.
    assert "--workers=2" in container(objects, overlay)["args"]
    assert container(objects, overlay)["resources"]["limits"]["memory"] == "1Gi"


@pytest.mark.parametrize("overlay", ("homelab", "gke-gcs", "authentik"))
def test_the_job_runner_is_off(objects: dict[str, dict[str, Any]], overlay: str) -> None:
    assert env(objects, overlay)["MLFLOW_SERVER_ENABLE_JOB_EXECUTION"] == "false"


def test_bitnami_legacy_serves_basic_auth_with_gunicorn(objects: dict[str, dict[str, Any]]) -> None:
    # MLflow 3.3.2's basic-auth app is WSGI: under uvicorn every request answers 500.
    args = container(objects, "bitnami-legacy")["args"]
    assert "--gunicorn-opts=--timeout=120" in args and "--app-name=basic-auth" in args
    # 3.3.2 has no job runner: nothing is rendered for it.
    assert "MLFLOW_SERVER_ENABLE_JOB_EXECUTION" not in env(objects, "bitnami-legacy")


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_server_writes_only_to_its_scratch_directory(
    objects: dict[str, dict[str, Any]], overlay: str
) -> None:
    # MLflow's stores create ./mlruns in the working directory; the root is read-only.
    assert container(objects, overlay)["workingDir"] == "/tmp"
    assert env(objects, overlay)["MLFLOW_TRACKING_URI"] == "$(MLFLOW_BACKEND_STORE_URI)"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_a_startup_probe_guards_a_slow_start(
    objects: dict[str, dict[str, Any]], overlay: str
) -> None:
    probe = container(objects, overlay)["startupProbe"]
    assert probe["periodSeconds"] * probe["failureThreshold"] >= 180


@pytest.mark.parametrize(
    ("overlay", "strategy"),
    [
        ("homelab", "Recreate"),
        ("authentik", "Recreate"),
        ("gke-gcs", None),
        ("bitnami-legacy", None),
    ],
)
def test_a_single_attach_claim_means_recreate(
    objects: dict[str, dict[str, Any]], overlay: str, strategy: str | None
) -> None:
    # A ReadWriteOnce claim attaches to one node: a rolling update's new pod on another node
    # would wait on Multi-Attach forever.
    assert server(objects, overlay)["spec"].get("strategy", {}).get("type") == strategy
