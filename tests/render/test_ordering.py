"""Every object has a deliberate place in an Argo CD sync (issue: ordering by waves and hooks)."""

from __future__ import annotations

import json
import re
from typing import Any

WAVE = "argocd.argoproj.io/sync-wave"
HOOK = "argocd.argoproj.io/hook"
SECRET_SOURCES = {"ExternalSecret", "OnePasswordItem", "Secret"}


def _overlays(objects: dict[str, dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for path, obj in sorted(objects.items()):
        grouped.setdefault(path.split("/")[0], []).append(obj)
    return grouped


def _wave(obj: dict[str, Any]) -> int:
    annotations = obj["metadata"].get("annotations") or {}
    assert WAVE in annotations, f"{obj['kind']} {obj['metadata']['name']} has no sync wave"
    return int(annotations[WAVE])


def test_every_object_has_a_sync_wave(objects: dict[str, dict[str, Any]]) -> None:
    for overlay, items in _overlays(objects).items():
        for obj in items:
            _wave(obj)
        assert items, overlay


def test_namespace_first_server_last_and_jobs_between(objects: dict[str, dict[str, Any]]) -> None:
    for overlay, items in _overlays(objects).items():
        if overlay == "argocd":
            continue
        waves = {(o["kind"], o["metadata"]["name"]): _wave(o) for o in items}
        namespace = [w for (kind, _), w in waves.items() if kind == "Namespace"]
        assert namespace and min(waves.values()) == namespace[0], overlay
        server = waves[("Deployment", "mlflow")]
        # Routes may follow the server (an adopted Ingress switches once it is healthy).
        later = {"Job", "Ingress", "HTTPRoute"}
        assert server == max(w for (kind, _), w in waves.items() if kind not in later), overlay
        routes = [w for (kind, _), w in waves.items() if kind in {"Ingress", "HTTPRoute"}]
        assert all(w >= server for w in routes), f"{overlay}: a route before the server"
        for (kind, name), wave in waves.items():
            if kind in SECRET_SOURCES | {"ConfigMap", "ServiceAccount", "Role", "RoleBinding"}:
                assert wave < server, f"{overlay}: {kind} {name} must come before the server"
            if kind in {"Cluster", "StatefulSet"}:
                assert wave < server, f"{overlay}: database {name} must come before the server"


def test_bootstrap_jobs_are_sync_hooks_after_their_inputs_before_the_server(
    objects: dict[str, dict[str, Any]],
) -> None:
    for overlay, items in _overlays(objects).items():
        jobs = [o for o in items if o["kind"] == "Job"]
        if not jobs:
            continue
        server = next(
            _wave(o)
            for o in items
            if (o["kind"], o["metadata"]["name"]) == ("Deployment", "mlflow")
        )
        inputs = max(_wave(o) for o in items if o["kind"] in SECRET_SOURCES | {"ConfigMap"})
        for job in jobs:
            annotations = job["metadata"]["annotations"]
            assert annotations[HOOK] in {"Sync", "PostSync"}, job["metadata"]["name"]
            assert annotations["argocd.argoproj.io/hook-delete-policy"] == "BeforeHookCreation"
            if annotations[HOOK] == "Sync":
                assert inputs < _wave(job) < server, f"{overlay}: {job['metadata']['name']}"


SECRET_READ = re.compile(r'resource\.get\("v1",\s*"secrets",\s*"([^"]+)",\s*"([^"]+)"\)')


def test_a_policy_that_copies_secrets_comes_after_the_job_that_creates_them(
    objects: dict[str, dict[str, Any]],
) -> None:
    """Kyverno generates for the namespaces already labelled once, when the policy is
    created: a source Secret the generate-secrets Job has not made yet fails that copy."""
    checked = 0
    for overlay, items in _overlays(objects).items():
        configs = {o["metadata"]["name"]: o for o in items if o["kind"] == "ConfigMap"}
        created_by: dict[str, tuple[str, int]] = {}
        for job in (o for o in items if o["kind"] == "Job"):
            for volume in job["spec"]["template"]["spec"].get("volumes") or []:
                config = configs.get(volume.get("configMap", {}).get("name"), {})
                for spec in json.loads(config.get("data", {}).get("config.json", "[]")):
                    if isinstance(spec, dict) and "name" in spec:
                        created_by[spec["name"]] = (job["metadata"]["name"], _wave(job))
        for policy in (o for o in items if o["kind"] == "GeneratingPolicy"):
            expressions = " ".join(g["expression"] for g in policy["spec"]["generate"])
            for _, name in SECRET_READ.findall(expressions):
                if name in created_by:
                    job, wave = created_by[name]
                    assert _wave(policy) > wave, (
                        f"{overlay}: GeneratingPolicy {policy['metadata']['name']} (wave "
                        f"{_wave(policy)}) reads Secret {name} before Job {job} (wave {wave}) "
                        "creates it"
                    )
                    checked += 1
    assert checked, "no GeneratingPolicy reads a generated Secret: the test checks nothing"
