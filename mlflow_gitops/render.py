"""Render overlays to files: one chart per overlay, one file per object, plus Argo CD."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import cdk8s

from mlflow_gitops.app import ARGOCD, DeliveryChart, MlflowChart, ProjectFiles
from mlflow_gitops.errors import RenderError
from mlflow_gitops.output import to_yaml
from mlflow_gitops.overlays import LoadedOverlay


def file_name(manifest: Mapping[str, Any]) -> str:
    return f"{manifest['kind'].lower()}-{manifest['metadata']['name']}.yaml"


def synthesize(overlays: Iterable[LoadedOverlay], files: ProjectFiles) -> dict[str, str]:
    """Relative path under dist/ -> file content, for every overlay and for Argo CD."""
    loaded = list(overlays)
    app = cdk8s.App()
    manifests = {
        overlay.name: MlflowChart(app, overlay.name, overlay.settings, files).to_json()
        for overlay in loaded
    }
    delivery = DeliveryChart(app, ARGOCD, [(o.name, o.settings) for o in loaded], manifests)
    manifests[ARGOCD] = delivery.to_json()
    rendered: dict[str, str] = {}
    for folder, objects in manifests.items():
        names: list[str] = []
        for manifest in objects:
            name = file_name(manifest)
            if name in names:
                raise RenderError(f"{folder}: two objects render to {name}")
            names.append(name)
            rendered[f"{folder}/{name}"] = to_yaml(manifest)
        kustomization = {
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "resources": sorted(names),
        }
        rendered[f"{folder}/kustomization.yaml"] = to_yaml(kustomization)
    return dict(sorted(rendered.items()))
