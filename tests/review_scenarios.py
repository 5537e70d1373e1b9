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


RERUNS = frozenset({Effect.RERUNS_EVERY_SYNC})

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        name="gke-gcs-database-size",
        overlay="gke-gcs",
        outcome="the StatefulSet update is refused; the sync fails at wave -3",
        edit_overlay=_database_size,
        objects={"StatefulSet mlflow/mlflow-postgresql": frozenset({Effect.CANNOT_APPLY})},
        # The sync stops at wave -3, before every hook Job of gke-gcs.
        application=frozenset(),
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
        application=frozenset({Effect.RERUNS_JOBS}),
    ),
    Scenario(
        name="homelab-service-port",
        overlay="homelab",
        outcome="the Service's ports change in place (port 80 becomes 8080); no pod restarts",
        edit_overlay=_service_port,
        objects={"Service mlflow/mlflow": frozenset()},
        application=frozenset({Effect.RERUNS_JOBS}),
    ),
    Scenario(
        name="homelab-configmap-label",
        overlay="homelab",
        outcome="the ConfigMap's labels change in place; nothing restarts",
        edit_render=_configmap_label,
        objects={"ConfigMap mlflow/thinkube-service-config": frozenset()},
        application=frozenset({Effect.RERUNS_JOBS}),
    ),
    Scenario(
        name="gke-gcs-database-image",
        overlay="gke-gcs",
        outcome="the StatefulSet's template changes in place and its pod restarts",
        edit_overlay=_database_image,
        objects={"StatefulSet mlflow/mlflow-postgresql": frozenset({Effect.RESTARTS_PODS})},
        application=frozenset({Effect.RERUNS_JOBS}),
    ),
    Scenario(
        name="homelab-claim-growth",
        overlay="homelab",
        outcome="the claim grows where its StorageClass allows expansion, else the API refuses it",
        edit_overlay=_claim_size,
        objects={
            "PersistentVolumeClaim mlflow/mlflow-storage": frozenset({Effect.NEEDS_EXPANSION})
        },
        application=frozenset({Effect.RERUNS_JOBS}),
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
        application=frozenset({Effect.RERUNS_JOBS}),
    ),
    Scenario(
        name="gke-gcs-proxy-client",
        overlay="gke-gcs",
        outcome="the oauth2-proxy ConfigMap changes; the running proxy keeps its old client id",
        edit_overlay=_proxy_client,
        objects={"ConfigMap mlflow/oauth2-proxy": frozenset({Effect.KEEPS_OLD_CONFIG})},
        application=frozenset({Effect.RERUNS_JOBS}),
    ),
)
