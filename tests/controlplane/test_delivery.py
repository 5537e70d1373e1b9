"""Argo CD syncs the committed dist/ of every overlay, in the designed order, and keeps it so.

Bootstrap as the README says (`kubectl apply -f dist/argocd/application-mlflow-bootstrap.yaml`);
the root Application syncs dist/argocd (AppProject, ApplicationSet), the ApplicationSet makes one
Application per overlay, and each syncs its folder into the cluster its overlay names. Tests run
in file order on one delivery: the ones that change the served repository come last.
"""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

import pytest
import yaml

from tests.controlplane.argocd import wait_synced_healthy
from tests.controlplane.cluster import ARGOCD_USER, Api, wait_for
from tests.controlplane.conftest import OVERLAYS, SYNC_TIMEOUT, Delivery
from tests.controlplane.platform import dist_objects
from tests.servers.kube_apiserver import ROOT

pytestmark = pytest.mark.controlplane

HOOK = "argocd.argoproj.io/hook"
WAVE = "argocd.argoproj.io/sync-wave"
PHASES = {"PreSync": 0, "Sync": 1, "PostSync": 2}
DEFAULT_URL = "https://git.example.com/platform/mlflow-gitops.git"


def plural(kind: str) -> str:
    lower = kind.lower()
    if lower.endswith("y"):
        return lower[:-1] + "ies"
    return lower + ("es" if lower.endswith("s") else "s")


def api_path(obj: dict[str, Any], namespace: str) -> str:
    group, _, version = obj["apiVersion"].rpartition("/")
    base = f"/apis/{group}/{version}" if group else f"/api/{version}"
    if obj["kind"] in CLUSTER_SCOPED:
        return f"{base}/{plural(obj['kind'])}/{obj['metadata']['name']}"
    ns = obj["metadata"].get("namespace", namespace)
    return f"{base}/namespaces/{ns}/{plural(obj['kind'])}/{obj['metadata']['name']}"


CLUSTER_SCOPED = {
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "ClusterIssuer",
    "ClusterPolicy",
    "GeneratingPolicy",
    "MutatingPolicy",
    "ValidatingPolicy",
}


def designed_place(obj: dict[str, Any]) -> tuple[int, int]:
    annotations = obj["metadata"].get("annotations") or {}
    return PHASES[annotations.get(HOOK, "Sync")], int(annotations.get(WAVE, "0"))


def creations(api: Api) -> list[tuple[str, str, str, str]]:
    """(time, resource, namespace, name) of every object Argo CD created, in order."""
    created = []
    for event in api.audit():
        if event["user"]["username"] != ARGOCD_USER or event.get("stage") != "ResponseComplete":
            continue
        if event["verb"] not in ("create", "patch", "update"):
            continue
        if event.get("responseStatus", {}).get("code") != 201:
            continue
        ref = event["objectRef"]
        if ref.get("subresource"):
            continue
        created.append(
            (event["stageTimestamp"], ref["resource"], ref.get("namespace", ""), ref["name"])
        )
    return sorted(created)


def test_served_dist_is_the_committed_dist(delivery: Delivery) -> None:
    for overlay in OVERLAYS:
        ours = {p.name: p.read_bytes() for p in (ROOT / "dist" / overlay).iterdir()}
        served = {p.name: p.read_bytes() for p in (delivery.source / "dist" / overlay).iterdir()}
        assert served == ours, f"dist/{overlay} differs in the served checkout"
    for path in sorted((ROOT / "dist" / "argocd").iterdir()):
        text = (delivery.source / "dist" / "argocd" / path.name).read_text()
        assert text.replace(delivery.repo_url, DEFAULT_URL) == path.read_text(), path.name


def test_every_overlay_synced_and_healthy(synced: Delivery) -> None:
    apps = {app["metadata"]["name"]: app for app in synced.argocd.applications()}
    assert set(apps) == {"mlflow-bootstrap", *(f"mlflow-{o}" for o in OVERLAYS)}
    for overlay in OVERLAYS:
        status = apps[f"mlflow-{overlay}"]["status"]
        assert status["sync"]["status"] == "Synced", overlay
        assert status["health"]["status"] == "Healthy", overlay
        # Every object of the folder, hooks included, is one Argo CD tracks for this app.
        managed = {(r["kind"], r["name"]) for r in status["resources"]}
        expected = {
            (o["kind"], o["metadata"]["name"]) for o in dist_objects(ROOT / "dist" / overlay)
        }
        assert managed == expected, overlay
        assert (
            apps[f"mlflow-{overlay}"]["spec"]["destination"]["name"]
            == synced.clusters[overlay].name
        )
    for operators in synced.operators.values():
        assert operators.errors == []


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_sync_order_follows_waves_and_hooks(synced: Delivery, overlay: str) -> None:
    objects = dist_objects(ROOT / "dist" / overlay)
    place = {(plural(o["kind"]), o["metadata"]["name"]): designed_place(o) for o in objects}
    order = [
        (resource, name, place[(resource, name)])
        for _, resource, _, name in creations(synced.clusters[overlay])
        if (resource, name) in place
    ]
    print(f"{overlay} creation order:", json.dumps([f"{r}/{n} {p}" for r, n, p in order]))
    created = {(resource, name) for resource, name, _ in order}
    # Every object was created by Argo CD (the Namespace by CreateNamespace, before all).
    missing = set(place) - created
    assert not missing, f"{overlay}: never created by Argo CD: {sorted(missing)}"
    places = [p for _, _, p in order]
    for earlier, later in itertools.pairwise(order):
        assert earlier[2] <= later[2], (
            f"{overlay}: {later[0]}/{later[1]} (phase, wave {later[2]}) created after "
            f"{earlier[0]}/{earlier[1]} ({earlier[2]})"
        )
    assert places == sorted(places)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_pods_admitted_under_restricted(synced: Delivery, overlay: str) -> None:
    api = synced.clusters[overlay]
    namespace = api.call("GET", "/api/v1/namespaces/mlflow")
    labels = namespace["metadata"]["labels"]
    for mode in ("enforce", "warn", "audit"):
        assert labels[f"pod-security.kubernetes.io/{mode}"] == "restricted"
    # Each workload's controller created its pods: none refused by Pod Security.
    failed = [
        e["message"]
        for e in api.items("/api/v1/namespaces/mlflow/events")
        if e["reason"] in ("FailedCreate", "FailedCreatePodSandBox")
    ]
    assert failed == []
    pods = api.items("/api/v1/namespaces/mlflow/pods")
    assert pods, overlay
    # The namespace refuses what restricted forbids (the enforcement is real): a container
    # with no security context (root allowed, privilege escalation, all capabilities).
    refused = api.request(
        "POST",
        "/api/v1/namespaces/mlflow/pods",
        {
            "apiVersion": "v1",
            "kind": "Pod",
            "metadata": {"name": "unconfined"},
            "spec": {"containers": [{"name": "c", "image": "example.net/any:1"}]},
        },
    )
    assert refused.status_code == 403, refused.text
    assert "violates PodSecurity" in refused.text


def test_argocd_cli_shows_the_same_state(synced: Delivery) -> None:
    for overlay in OVERLAYS:
        app = f"mlflow-{overlay}"
        shown = json.loads(synced.argocd.cli("app", "get", app, "-o", "json").stdout)
        assert shown["status"]["sync"]["status"] == "Synced"
        assert shown["status"]["health"]["status"] == "Healthy"
        diff = synced.argocd.cli(
            "app", "diff", app, "--local", str(ROOT / "dist" / overlay), check=False
        )
        assert diff.returncode == 0, f"{app}: local diff of dist/{overlay}:\n{diff.stdout}"


def _state(api: Api, objects: list[dict[str, Any]]) -> dict[str, tuple[str, Any]]:
    state = {}
    for obj in objects:
        if HOOK in (obj["metadata"].get("annotations") or {}):
            continue
        live = api.call("GET", api_path(obj, "mlflow"))
        meta = live["metadata"]
        content = {k: v for k, v in live.items() if k not in ("metadata", "status")}
        state[f"{obj['kind']}/{obj['metadata']['name']}"] = (
            meta["uid"],
            (meta.get("generation"), meta.get("labels"), meta.get("annotations"), content),
        )
    return state


def differences(a: object, b: object, path: str = "") -> list[str]:
    """The paths at which two decoded objects differ, with both values."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [
            d
            for k in sorted(set(a) | set(b))
            for d in differences(a.get(k), b.get(k), f"{path}.{k}")
        ]
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b):
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in differences(x, y, f"{path}[{i}]")
        ]
    return [] if a == b else [f"{path}: {a!r} -> {b!r}"]


def hook_jobs(api: Api) -> dict[str, dict[str, Any]]:
    """The live hook Jobs of the overlay's namespace, by name."""
    return {
        job["metadata"]["name"]: job
        for job in api.items("/apis/batch/v1/namespaces/mlflow/jobs")
        if HOOK in (job["metadata"].get("annotations") or {})
    }


def hook_uids(api: Api) -> dict[str, str]:
    return {name: job["metadata"]["uid"] for name, job in hook_jobs(api).items()}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_second_sync_reruns_hooks_and_changes_nothing_else(synced: Delivery, overlay: str) -> None:
    api, name = synced.clusters[overlay], f"mlflow-{overlay}"
    objects = dist_objects(ROOT / "dist" / overlay)
    before, hooks_before = _state(api, objects), hook_uids(api)
    first = synced.argocd.application(name)
    assert first is not None
    started = first["status"]["operationState"]["startedAt"]
    synced.argocd.sync(name)
    wait_for(
        f"{name}: a second sync",
        lambda: (
            (synced.argocd.application(name) or {})
            .get("status", {})
            .get("operationState", {})
            .get("startedAt")
            != started
        ),
        synced.processes,
        120,
    )
    wait_synced_healthy(synced.argocd, name, synced.processes, SYNC_TIMEOUT)
    after, hooks_after = _state(api, objects), hook_uids(api)
    changed = {
        key: differences(before[key], after.get(key))
        for key in before
        if after.get(key) != before[key]
    }
    assert not changed, f"{overlay}: a second sync changed {json.dumps(changed, indent=1)[:4000]}"
    assert set(hooks_after) == set(hooks_before) and hooks_before
    rerun = {job for job in hooks_before if hooks_after[job] != hooks_before[job]}
    assert rerun == set(hooks_before), f"{overlay}: hooks not re-run: {set(hooks_before) - rerun}"


def test_hand_edit_is_healed(synced: Delivery) -> None:
    api = synced.clusters["homelab"]
    path = "/api/v1/namespaces/mlflow/services/mlflow"
    original = api.call("GET", path)["metadata"]["labels"]["app.kubernetes.io/component"]
    api.call("PATCH", path, {"metadata": {"labels": {"app.kubernetes.io/component": "edited"}}})
    wait_for(
        "self-heal of the edited Service label",
        lambda: (
            api.call("GET", path)["metadata"]["labels"]["app.kubernetes.io/component"] == original
        ),
        synced.processes,
        180,
    )


def test_removed_object_is_pruned_but_claims_and_namespace_stay(synced: Delivery) -> None:
    folder = synced.source / "dist" / "homelab"
    kustomization = folder / "kustomization.yaml"
    ns = "/api/v1/namespaces/mlflow"
    removed = {
        "configmap-thinkube-service-config.yaml": f"{ns}/configmaps/thinkube-service-config",
        "persistentvolumeclaim-thinkube-models.yaml": f"{ns}/persistentvolumeclaims/thinkube-"
        "models",
        "namespace-mlflow.yaml": ns,
    }
    data = yaml.safe_load(kustomization.read_text())
    data["resources"] = [r for r in data["resources"] if r not in removed]
    kustomization.write_text(yaml.safe_dump(data))
    for file in removed:
        (folder / file).unlink()
    synced.push("drop a ConfigMap, a claim and the Namespace from dist/homelab")
    api = synced.clusters["homelab"]
    synced.argocd.refresh("mlflow-homelab")
    configmap, claim, namespace = removed.values()
    wait_for("the ConfigMap pruned", lambda: api.get(configmap) is None, synced.processes, 300)
    assert api.get(claim) is not None, "a claim left dist/ and was deleted with its data"
    assert api.get(namespace) is not None
    # Argo CD keeps them and says so: the app shows them as waiting for a prune it won't do.
    # (The Namespace is Argo CD's through CreateNamespace: it is not listed once out of dist/.)
    expected = {("PersistentVolumeClaim", "thinkube-models")}

    def kept() -> set[tuple[str, str]]:
        app = synced.argocd.application("mlflow-homelab") or {}
        return {
            (r["kind"], r["name"])
            for r in app["status"]["resources"]
            if r.get("requiresPruning") and r["kind"] != "Job"
        }

    # The app's status lags the prune by a reconciliation: the pruned ConfigMap can still be
    # listed right after it is gone from the cluster.
    deadline = time.monotonic() + 120
    while kept() != expected and time.monotonic() < deadline:
        time.sleep(2)
    assert kept() == expected
