"""What `main.py diff` predicts for a change is what the real Argo CD does with it.

Each scenario of tests/review_scenarios.py is a real overlay change (or a construct change,
as an edit of rendered objects) with the effects the review predicts. Here the change is
rendered in the served checkout, pushed, and synced by Argo CD; then every predicted effect is
looked for on the cluster, and so is the absence of the ones not predicted (no restart, no
refusal). One scenario per effect runs here (the list below says which covers what); every
scenario's refusals are also checked on a bare API server by
tests/test_review_predictions_apiserver.py.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mlflow_gitops.review_predictions import Effect
from tests.controlplane.argocd import ArgoCd, wait_settled, wait_synced_healthy
from tests.controlplane.cluster import Api, wait_for
from tests.controlplane.conftest import SYNC_TIMEOUT, Delivery, synth
from tests.controlplane.test_delivery import api_path, hook_jobs, hook_uids
from tests.review_scenarios import SCENARIOS, Scenario, apply_overlay_edit, apply_render_edit

pytestmark = pytest.mark.controlplane

# One scenario per effect (and the "nothing happens" negative), in an order where a refused
# sync (which leaves the live objects as they were) needs no way back.
CHECKED = (
    "homelab-configmap-label",  # nothing beyond the hooks: no restart
    "homelab-server-image",  # restarts pods, runs migrations, re-runs bootstrap Jobs
    "homelab-hook-only",  # waits for the next sync
    "homelab-claim-removed",  # orphans the claim; the server rolls without it (and back)
    "gke-gcs-proxy-client",  # pods keep old config until restarted
    "gke-gcs-headless-cluster-ip",  # the API server keeps the live value: no sync at all
    "gke-gcs-service-made-headless",  # cannot be applied in place (Service)
    "gke-gcs-database-size-and-server-image",  # cannot be applied in place; held back
    # Last: its way back shrinks the claim, which the API server refuses (as predicted).
    "homelab-claim-growth",  # needs volume expansion (the class allows it here)
)
BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}


def effects_of(scenario: Scenario) -> set[Effect]:
    return {e for es in scenario.objects.values() for e in es} | set(scenario.application)


def test_every_reachable_effect_is_checked_on_argocd() -> None:
    covered = {effect for name in CHECKED for effect in effects_of(BY_NAME[name])}
    # Dropping data needs an object without Prune=false: the render gives none (the review's
    # unit tests cover it with a hand-made object).
    assert covered == set(Effect) - {Effect.DROPS_DATA}


def _parse(key: str) -> tuple[str, str, str]:
    kind, _, rest = key.partition(" ")
    namespace, _, name = rest.rpartition("/")
    return kind, namespace, name


def _render(source: Path, scenario: Scenario) -> None:
    apply_overlay_edit(scenario, source / "overlays")
    synth(source)
    if scenario.edit_render is not None:
        dist = source / "dist"
        files = {
            str(p.relative_to(dist)): p.read_text()
            for p in (dist / scenario.overlay).glob("*.yaml")
        }
        before = dict(files)
        apply_render_edit(scenario, files)
        for path, text in files.items():
            if text != before[path]:
                (dist / path).write_text(text)


def _live(api: Api, key: str) -> dict[str, Any] | None:
    kind, namespace, name = _parse(key)
    version = {
        "Deployment": "apps/v1",
        "StatefulSet": "apps/v1",
        "Job": "batch/v1",
    }.get(kind, "v1")
    return api.get(
        api_path({"apiVersion": version, "kind": kind, "metadata": {"name": name}}, namespace)
    )


def _pods(api: Api, workload: dict[str, Any]) -> set[str]:
    selector = ",".join(f"{k}={v}" for k, v in workload["spec"]["selector"]["matchLabels"].items())
    return {
        pod["metadata"]["uid"]
        for pod in api.items(f"/api/v1/namespaces/mlflow/pods?labelSelector={selector}")
        if not pod["metadata"].get("deletionTimestamp")
    }


def _workload_pods(api: Api) -> dict[str, set[str]]:
    """Pods of every Deployment and StatefulSet, by the scenario key of the workload."""
    return {
        f"{workload['kind']} mlflow/{workload['metadata']['name']}": _pods(api, workload)
        for plural in ("deployments", "statefulsets")
        for workload in (
            {**w, "kind": "Deployment" if plural == "deployments" else "StatefulSet"}
            for w in api.items(f"/apis/apps/v1/namespaces/mlflow/{plural}")
        )
    }


def _operation_on(argocd: ArgoCd, app: str, revision: str) -> dict[str, Any]:
    state = (argocd.application(app) or {}).get("status", {}).get("operationState", {})
    sync = state.get("operation", {}).get("sync", {})
    return state if sync.get("revision") == revision else {}


def _failed_on(state: dict[str, Any], kind: str, name: str) -> str | None:
    for result in state.get("syncResult", {}).get("resources", []):
        if result["kind"] == kind and result["name"] == name and result["status"] == "SyncFailed":
            return str(result.get("message", ""))
    return None


@pytest.fixture(scope="module")
def baseline(synced: Delivery) -> Delivery:
    """Every overlay back at the baseline (earlier tests change the served repository)."""
    restored = synced.restore()
    for overlay in ("homelab", "gke-gcs"):
        synced.argocd.refresh(f"mlflow-{overlay}")
    for overlay in ("homelab", "gke-gcs"):
        app = f"mlflow-{overlay}"
        wait_settled(synced.argocd, app, restored, synced.processes, SYNC_TIMEOUT)
    return synced


@dataclass(frozen=True)
class Before:
    """What the cluster looked like before the change was pushed."""

    live: dict[str, dict[str, Any] | None]
    pods: dict[str, set[str]]
    hooks: dict[str, str]


def _waits_for_next_sync(
    delivery: Delivery, scenario: Scenario, revision: str, before: Before
) -> None:
    """Argo CD sees the new revision, finds no difference in what it manages (hooks are not
    managed; a value the API server keeps is no difference to a server-side diff), and does
    not sync."""
    app = f"mlflow-{scenario.overlay}"
    api = delivery.clusters[scenario.overlay]

    def refreshed() -> bool:
        status = (delivery.argocd.application(app) or {}).get("status", {})
        return bool(status.get("sync", {}).get("revision") == revision)

    wait_for(f"{app}: refreshed at {revision[:8]}", refreshed, delivery.processes, 120)
    time.sleep(10)  # an automated sync would have started within one reconciliation
    assert _operation_on(delivery.argocd, app, revision) == {}
    status = (delivery.argocd.application(app) or {})["status"]
    assert status["sync"]["status"] == "Synced", status["sync"]
    assert hook_uids(api) == before.hooks
    for key, predicted in scenario.objects.items():
        _check_object(api, status, key, predicted, before.live[key])


def _refused(delivery: Delivery, scenario: Scenario, revision: str, before: Before) -> None:
    """The predicted object is refused; nothing behind it (later waves, hooks) happens."""
    app = f"mlflow-{scenario.overlay}"
    api = delivery.clusters[scenario.overlay]
    refused = next(k for k, es in scenario.objects.items() if Effect.CANNOT_APPLY in es)
    kind, _, obj = _parse(refused)

    def refusal() -> str | None:
        # Either the sync's apply fails on the object, or Argo CD's server-side diff (a dry-run
        # apply) already does, and the app stays Unknown: in both the change is not applied.
        failed = _failed_on(_operation_on(delivery.argocd, app, revision), kind, obj)
        status = (delivery.argocd.application(app) or {}).get("status", {})
        compared = [
            c["message"]
            for c in status.get("conditions") or []
            if c.get("type") == "ComparisonError" and f"{kind}/{obj}" in c.get("message", "")
        ]
        return failed or (compared[0] if compared else None)

    message = wait_for(f"{app}: {refused} refused", refusal, delivery.processes, 300)
    print(f"{scenario.name}: {refused}: {message}")
    delivery.argocd.cli("app", "terminate-op", app, check=False)
    for key, obj_before in before.live.items():
        live = _live(api, key)
        assert obj_before is None or live is None or live.get("spec") == obj_before["spec"], (
            f"{scenario.name}: {key} changed although the sync stopped"
        )
    assert _workload_pods(api) == before.pods, f"{scenario.name}: pods restarted"
    held = {_parse(k)[2] for k, es in scenario.objects.items() if Effect.HELD_BACK in es}
    now = hook_uids(api)
    assert all(now.get(job) == before.hooks.get(job) for job in held if job in now)


def _synced(delivery: Delivery, scenario: Scenario, revision: str, before: Before) -> None:
    """The sync succeeds and does exactly what was predicted: restarts, re-runs, orphans."""
    app = f"mlflow-{scenario.overlay}"
    api = delivery.clusters[scenario.overlay]
    wait_for(
        f"{app}: synced at {revision[:8]}",
        lambda: _operation_on(delivery.argocd, app, revision).get("phase") == "Succeeded",
        delivery.processes,
        SYNC_TIMEOUT,
    )
    if any(Effect.ORPHANS in es for es in scenario.objects.values()):
        # An object kept from a prune leaves the app OutOfSync by design; it must be Healthy.
        wait_for(
            f"{app}: Healthy",
            lambda: (
                (delivery.argocd.application(app) or {})["status"]["health"]["status"] == "Healthy"
            ),
            delivery.processes,
            SYNC_TIMEOUT,
        )
    else:
        wait_synced_healthy(delivery.argocd, app, delivery.processes, SYNC_TIMEOUT)
    restarts = {k for k, es in scenario.objects.items() if Effect.RESTARTS_PODS in es}
    for key, now in _workload_pods(api).items():
        if key in restarts:
            assert now and not now & before.pods[key], f"{scenario.name}: {key} kept its pods"
        else:
            assert now == before.pods[key], f"{scenario.name}: {key} restarted unpredicted"
    status = (delivery.argocd.application(app) or {})["status"]
    for key, predicted in scenario.objects.items():
        _check_object(api, status, key, predicted, before.live[key])
    if Effect.RERUNS_JOBS in effects_of(scenario):
        after = hook_uids(api)
        assert {n for n in after if after[n] != before.hooks.get(n)} == set(before.hooks)


def _check_object(
    api: Api,
    status: dict[str, Any],
    key: str,
    predicted: frozenset[Effect],
    before: dict[str, Any] | None,
) -> None:
    live = _live(api, key)
    kind, _, name = _parse(key)
    if Effect.ORPHANS in predicted:
        assert live is not None, f"{key} was deleted"
        kept = [r for r in status["resources"] if (r["kind"], r["name"]) == (kind, name)]
        assert kept and kept[0].get("requiresPruning"), f"{key}: Argo CD does not say it kept it"
        return
    assert live is not None, key
    if Effect.NEEDS_EXPANSION in predicted:
        assert before is not None
        grown = live["spec"]["resources"]["requests"]["storage"]
        assert grown != before["spec"]["resources"]["requests"]["storage"], key
    if Effect.KEEPS_LIVE_VALUE in predicted:
        assert live["spec"]["clusterIP"] == "None", key
    if Effect.KEEPS_OLD_CONFIG in predicted:
        # The new data is live; the pods that read it were not restarted (checked above).
        assert live.get("data") != (before or {}).get("data"), key
    if Effect.RUNS_MIGRATIONS in predicted:
        image = live["spec"]["template"]["spec"]["containers"][0]["image"]
        migrate = hook_jobs(api)["mlflow-migrate"]
        assert migrate["spec"]["template"]["spec"]["containers"][0]["image"] == image


@pytest.mark.parametrize("name", CHECKED)
def test_prediction_holds_on_argocd(baseline: Delivery, name: str) -> None:
    scenario = BY_NAME[name]
    api, app = baseline.clusters[scenario.overlay], f"mlflow-{scenario.overlay}"
    before = Before(
        live={key: _live(api, key) for key in scenario.objects},
        pods=_workload_pods(api),
        hooks=hook_uids(api),
    )
    _render(baseline.source, scenario)
    revision = baseline.push(f"scenario {name}")
    baseline.argocd.refresh(app)
    if Effect.WAITS_FOR_SYNC in effects_of(scenario):
        _waits_for_next_sync(baseline, scenario, revision, before)
    elif scenario.blocking:
        _refused(baseline, scenario, revision, before)
    else:
        _synced(baseline, scenario, revision, before)
    # Back to the baseline for the next scenario.
    restored = baseline.restore()
    baseline.argocd.refresh(app)
    if name == "homelab-claim-growth":
        # The way back shrinks the claim: refused, as the review predicts for a shrink
        # (scenario homelab-claim-shrink). It runs last, so nothing needs the baseline back.
        _refused_way_back(baseline, app, ("requests.storage", "Forbidden"))
        return
    if name == "homelab-claim-removed":
        # The server goes back to Recreate: refused, as the review predicts
        # (tests/test_review_predictions.py::test_switch_back_to_recreate_...); its fix works.
        _refused_way_back(baseline, app, ("rollingUpdate", "Recreate"))
        api.call(
            "PATCH",
            "/apis/apps/v1/namespaces/mlflow/deployments/mlflow",
            [{"op": "replace", "path": "/spec/strategy", "value": {"type": "Recreate"}}],
            content_type="application/json-patch+json",
        )
        baseline.argocd.refresh(app)
    wait_settled(baseline.argocd, app, restored, baseline.processes, SYNC_TIMEOUT)


def _refused_way_back(delivery: Delivery, app: str, words: tuple[str, ...]) -> None:
    """Argo CD cannot apply the way back: its server-side diff (a dry-run apply) fails."""

    last_refresh = [time.monotonic()]

    def refused() -> str | None:
        status = (delivery.argocd.application(app) or {}).get("status", {})
        texts = [c.get("message", "") for c in status.get("conditions") or []]
        texts.append(status.get("operationState", {}).get("message", ""))
        found = [t for t in texts if all(word in t for word in words)]
        if not found and time.monotonic() - last_refresh[0] > 10:
            delivery.argocd.refresh(app)  # the diff of a cached comparison runs again
            last_refresh[0] = time.monotonic()
        return found[0] if found else None

    message = wait_for(f"{app}: the way back refused", refused, delivery.processes, 300)
    print(f"{app}: the way back is refused: {message[:300]}")
