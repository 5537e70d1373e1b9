"""Prediction scenarios: real overlay changes and what the review predicts Argo CD will do.

Data for two tiers: tests/test_review_predictions.py renders each scenario and checks the
review's predictions; the control-plane tier (tests/controlplane/) applies the same scenarios
on a real Argo CD and checks that the sync does what was predicted.

A scenario edits one overlay's settings (the parsed YAML of overlays/<overlay>.yaml) and, for
a change no overlay setting makes (a construct's change), the rendered objects of that overlay.
`objects` names every object the change touches ("Kind namespace/name", or "Kind name" when
cluster-scoped) with the exact set of effects predicted for it (empty: none); `application` is
what the overlay's Argo CD application does once per sync.

    from tests.review_scenarios import SCENARIOS, apply_overlay_edit, apply_render_edit
    apply_overlay_edit(scenario, project / "overlays")   # then render that project
    apply_render_edit(scenario, rendered_files)          # {path under dist/: text}, in place
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mlflow_gitops.output import to_yaml
from mlflow_gitops.review_predictions import Effect

Settings = dict[str, Any]
RenderedObjects = dict[str, Any]  # {path under dist/: parsed object}


def _nothing(_: Settings) -> None:
    return None


@dataclass(frozen=True)
class Scenario:
    name: str
    overlay: str
    # What happens on a real cluster, in one sentence (for the control-plane tier's messages).
    outcome: str
    objects: Mapping[str, frozenset[Effect]]
    application: frozenset[Effect]
    edit_overlay: Callable[[Settings], None] = _nothing
    edit_render: Callable[[RenderedObjects], None] | None = None
    blocking: bool = field(init=False)

    def __post_init__(self) -> None:
        effects = {e for es in self.objects.values() for e in es} | set(self.application)
        object.__setattr__(self, "blocking", any(e.blocking for e in effects))


def apply_overlay_edit(scenario: Scenario, overlays: Path) -> None:
    """Edit overlays/<overlay>.yaml of a copy of the project (comments are not kept)."""
    path = overlays / f"{scenario.overlay}.yaml"
    settings = yaml.safe_load(path.read_text(encoding="utf-8"))
    scenario.edit_overlay(settings)
    header = "# yaml-language-server: $schema=./schema.json\n"
    path.write_text(header + yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")


def apply_render_edit(scenario: Scenario, files: MutableMapping[str, str]) -> None:
    """Apply the scenario's edit of rendered objects to a render ({path under dist/: text})."""
    if scenario.edit_render is None:
        return
    prefix = f"{scenario.overlay}/"
    objects = {
        path: yaml.safe_load(text)
        for path, text in files.items()
        if path.startswith(prefix) and not path.endswith("/kustomization.yaml")
    }
    before = {path: to_yaml(doc) for path, doc in objects.items()}
    scenario.edit_render(objects)
    for path, doc in objects.items():
        if to_yaml(doc) != before[path]:
            files[path] = to_yaml(doc)


# -- the edits -----------------------------------------------------------------------------------


def _database_size(settings: Settings) -> None:
    settings["database"]["size"] = "16Gi"


def _server_tag(settings: Settings) -> None:
    settings["server"]["image"]["tag"] = "3.17.3-oidc11.0.2-1"


def _service_port(settings: Settings) -> None:
    settings["server"]["extra_service_ports"] = [8080]


def _database_image(settings: Settings) -> None:
    settings["database"]["image"]["tag"] = "17.7-bookworm"


def _claim_size(settings: Settings) -> None:
    settings["volumes"][0]["size"] = "2Gi"


def _claim_removed(settings: Settings) -> None:
    settings["volumes"] = [v for v in settings["volumes"] if v["name"] != "mlflow-storage"]


def _proxy_client(settings: Settings) -> None:
    settings["auth"]["client_id"] = "another-github-oauth-client-id"


def _configmap_label(objects: RenderedObjects) -> None:
    config = objects["homelab/configmap-thinkube-service-config.yaml"]
    config["metadata"]["labels"]["example.com/team"] = "ml-platform"


def _statefulset_service_name(objects: RenderedObjects) -> None:
    objects["gke-gcs/statefulset-mlflow-postgresql.yaml"]["spec"]["serviceName"] = "postgresql"


def _statefulset_selector(objects: RenderedObjects) -> None:
    spec = objects["gke-gcs/statefulset-mlflow-postgresql.yaml"]["spec"]
    spec["selector"]["matchLabels"]["tier"] = "database"
    spec["template"]["metadata"]["labels"]["tier"] = "database"


def _statefulset_replicas(objects: RenderedObjects) -> None:
    objects["gke-gcs/statefulset-mlflow-postgresql.yaml"]["spec"]["replicas"] = 0


def _headless_cluster_ip(objects: RenderedObjects) -> None:
    del objects["gke-gcs/service-mlflow-postgresql-hl.yaml"]["spec"]["clusterIP"]


def _service_made_headless(objects: RenderedObjects) -> None:
    objects["gke-gcs/service-mlflow.yaml"]["spec"]["clusterIP"] = "None"


def _claim_shrink(objects: RenderedObjects) -> None:
    claim = objects["homelab/persistentvolumeclaim-thinkube-models.yaml"]
    claim["spec"]["resources"]["requests"]["storage"] = "100Gi"


def _claim_access_mode(objects: RenderedObjects) -> None:
    claim = objects["homelab/persistentvolumeclaim-thinkube-models.yaml"]
    claim["spec"]["accessModes"] = ["ReadWriteOnce"]


def _pod_annotation(objects: RenderedObjects) -> None:
    template = objects["homelab/deployment-mlflow.yaml"]["spec"]["template"]
    template["metadata"].setdefault("annotations", {})["example.com/restarted-at"] = "2026-12-02"


def _hook_only(objects: RenderedObjects) -> None:
    job = objects["homelab/job-mlflow-db-setup.yaml"]
    container = job["spec"]["template"]["spec"]["containers"][0]
    container.setdefault("env", []).append({"name": "EXAMPLE_LOG_LEVEL", "value": "debug"})


def _database_size_and_server_tag(settings: Settings) -> None:
    _database_size(settings)
    _server_tag(settings)


RERUNS = frozenset({Effect.RERUNS_EVERY_SYNC})
HELD_RERUNS = frozenset({Effect.HELD_BACK, Effect.RERUNS_EVERY_SYNC})
APP = frozenset({Effect.RERUNS_JOBS})
NOTHING: frozenset[Effect] = frozenset()

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        name="gke-gcs-database-size",
        overlay="gke-gcs",
        outcome="the StatefulSet update is refused; the sync fails at wave -3",
        edit_overlay=_database_size,
        objects={"StatefulSet mlflow/mlflow-postgresql": frozenset({Effect.CANNOT_APPLY})},
        # The sync stops at wave -3, before every hook Job of gke-gcs.
        application=NOTHING,
    ),
    Scenario(
        name="homelab-server-image",
        overlay="homelab",
        outcome="the hooks re-run on the new image, mlflow-migrate first, then the server rolls",
        edit_overlay=_server_tag,
        objects={
            "Deployment mlflow/mlflow": frozenset({Effect.RESTARTS_PODS, Effect.RUNS_MIGRATIONS}),
            "Job mlflow/mlflow-bucket-setup": RERUNS,
            "Job mlflow/mlflow-db-setup": RERUNS,
            "Job mlflow/mlflow-generate-secrets": RERUNS,
            "Job mlflow/mlflow-keycloak-setup": RERUNS,
            "Job mlflow/mlflow-migrate": RERUNS,
        },
        application=APP,
    ),
    Scenario(
        name="homelab-service-port",
        overlay="homelab",
        outcome="the Service's ports change in place (port 80 becomes 8080); no pod restarts",
        edit_overlay=_service_port,
        objects={"Service mlflow/mlflow": frozenset()},
        application=APP,
    ),
    Scenario(
        name="homelab-configmap-label",
        overlay="homelab",
        outcome="the ConfigMap's labels change in place; nothing restarts",
        edit_render=_configmap_label,
        objects={"ConfigMap mlflow/thinkube-service-config": frozenset()},
        application=APP,
    ),
    Scenario(
        name="gke-gcs-database-image",
        overlay="gke-gcs",
        outcome="the StatefulSet's template changes in place and its pod restarts",
        edit_overlay=_database_image,
        objects={"StatefulSet mlflow/mlflow-postgresql": frozenset({Effect.RESTARTS_PODS})},
        application=APP,
    ),
    Scenario(
        name="homelab-claim-growth",
        overlay="homelab",
        outcome="the claim grows where its StorageClass allows expansion, else the API refuses it",
        edit_overlay=_claim_size,
        objects={
            "PersistentVolumeClaim mlflow/mlflow-storage": frozenset({Effect.NEEDS_EXPANSION})
        },
        application=APP,
    ),
    Scenario(
        name="homelab-claim-removed",
        overlay="homelab",
        outcome="Argo CD skips the prune of the claim (Prune=false); the server rolls without it",
        edit_overlay=_claim_removed,
        objects={
            "PersistentVolumeClaim mlflow/mlflow-storage": frozenset({Effect.ORPHANS}),
            "Deployment mlflow/mlflow": frozenset({Effect.RESTARTS_PODS}),
        },
        application=APP,
    ),
    Scenario(
        name="gke-gcs-proxy-client",
        overlay="gke-gcs",
        outcome="the oauth2-proxy ConfigMap changes; the running proxy keeps its old client id",
        edit_overlay=_proxy_client,
        objects={"ConfigMap mlflow/oauth2-proxy": frozenset({Effect.KEEPS_OLD_CONFIG})},
        application=APP,
    ),
    # Changes no overlay setting makes today (a construct's change would), on rendered objects.
    Scenario(
        name="gke-gcs-statefulset-service-name",
        overlay="gke-gcs",
        outcome="the StatefulSet update is refused (serviceName); the sync fails at wave -3",
        edit_render=_statefulset_service_name,
        objects={"StatefulSet mlflow/mlflow-postgresql": frozenset({Effect.CANNOT_APPLY})},
        application=NOTHING,
    ),
    Scenario(
        name="gke-gcs-statefulset-selector",
        overlay="gke-gcs",
        outcome="the StatefulSet update is refused (selector); the sync fails at wave -3",
        edit_render=_statefulset_selector,
        # Refused, so its pod template change rolls nothing.
        objects={"StatefulSet mlflow/mlflow-postgresql": frozenset({Effect.CANNOT_APPLY})},
        application=NOTHING,
    ),
    Scenario(
        name="gke-gcs-statefulset-replicas",
        overlay="gke-gcs",
        outcome="the StatefulSet scales in place; no template change",
        edit_render=_statefulset_replicas,
        objects={"StatefulSet mlflow/mlflow-postgresql": NOTHING},
        application=APP,
    ),
    Scenario(
        name="gke-gcs-headless-cluster-ip",
        overlay="gke-gcs",
        # Measured on kube-apiserver 1.35: left out, the cluster IP keeps its live value.
        outcome="the apply succeeds and the Service stays headless (the API keeps clusterIP None)",
        edit_render=_headless_cluster_ip,
        objects={"Service mlflow/mlflow-postgresql-hl": frozenset({Effect.KEEPS_LIVE_VALUE})},
        # Argo CD diffs server-side: the dry-run apply keeps clusterIP None, so there is no
        # difference and no sync (measured on Argo CD 3.6.1, tests/controlplane).
        application=frozenset({Effect.WAITS_FOR_SYNC}),
    ),
    Scenario(
        name="gke-gcs-service-made-headless",
        overlay="gke-gcs",
        outcome="the server's Service cannot drop its cluster IP; the sync fails at wave 10",
        edit_render=_service_made_headless,
        objects={"Service mlflow/mlflow": frozenset({Effect.CANNOT_APPLY})},
        # Wave 10: the Sync hooks of waves 0 and 5 have run; the PostSync users Job does not.
        application=APP,
    ),
    Scenario(
        name="homelab-claim-shrink",
        overlay="homelab",
        outcome="the API server refuses a smaller claim; the sync fails at wave -5",
        edit_render=_claim_shrink,
        objects={"PersistentVolumeClaim mlflow/thinkube-models": frozenset({Effect.CANNOT_APPLY})},
        application=NOTHING,
    ),
    Scenario(
        name="homelab-claim-access-mode",
        overlay="homelab",
        outcome="the API server refuses another access mode on a claim; the sync fails at wave -5",
        edit_render=_claim_access_mode,
        objects={"PersistentVolumeClaim mlflow/thinkube-models": frozenset({Effect.CANNOT_APPLY})},
        application=NOTHING,
    ),
    Scenario(
        name="homelab-pod-annotation",
        overlay="homelab",
        outcome="a pod template annotation rolls the server's pods",
        edit_render=_pod_annotation,
        objects={"Deployment mlflow/mlflow": frozenset({Effect.RESTARTS_PODS})},
        application=APP,
    ),
    Scenario(
        name="homelab-hook-only",
        overlay="homelab",
        outcome="the app stays Synced (hooks are not managed): no automated sync runs",
        edit_render=_hook_only,
        objects={"Job mlflow/mlflow-db-setup": RERUNS},
        application=frozenset({Effect.WAITS_FOR_SYNC}),
    ),
    Scenario(
        name="gke-gcs-database-size-and-server-image",
        overlay="gke-gcs",
        outcome="the sync fails at wave -3: no hook runs, the server keeps its old image",
        edit_overlay=_database_size_and_server_tag,
        objects={
            "StatefulSet mlflow/mlflow-postgresql": frozenset({Effect.CANNOT_APPLY}),
            "Deployment mlflow/mlflow": frozenset(
                {Effect.HELD_BACK, Effect.RESTARTS_PODS, Effect.RUNS_MIGRATIONS}
            ),
            "Job mlflow/mlflow-bucket-setup": HELD_RERUNS,
            "Job mlflow/mlflow-migrate": HELD_RERUNS,
            "Job mlflow/mlflow-users": HELD_RERUNS,
        },
        application=NOTHING,
    ),
)
