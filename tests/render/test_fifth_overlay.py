"""Options compose without code changes: a fifth overlay renders from data alone; and every
Secret any rendered pod reads is declared, with that key, in its overlay's ``secrets``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.render.project import copy_project

FIFTH = """\
# yaml-language-server: $schema=./schema.json
server:
  image: {repository: registry.example.com/mlflow/mlflow, tag: 3.17.2-oidc11.0.2-1}
database:
  kind: cnpg
  storage_class: fast
  size: 5Gi
  credentials_secret: pg-app
  # The Keycloak plugin keeps its users in a database of its own on the same cluster.
  extra_databases: [mlflow_auth]
artifacts:
  kind: s3
  s3:
    endpoint_url: http://s3.storage.svc.cluster.local:8333
    bucket: fifth
    credentials_secret: s3-keys
auth:
  kind: keycloak-oidc
  keycloak_url: https://sso.example.org
  realm: lab
exposure:
  kind: httproute
  host: mlflow.fifth.example.org
  gateway_name: public
  gateway_namespace: gateways
secrets:
  pg-app:
    kind: generated
    keys: {username: {kind: literal, value: mlflow}, password: {kind: password}}
  s3-keys: {kind: operator, keys: [AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY]}
  oauth2-proxy-secret: {kind: operator, keys: [client-secret]}
  mlflow-secret-key: {kind: generated, keys: {SECRET_KEY: {kind: token}}}
"""


# In-process renders of a copy of the project: the files are data, the code is this session's.
# (The command line and its exit codes are tested in test_bad_input.py and test_determinism.py.)


def test_a_fifth_overlay_of_existing_options_renders_with_no_code_change(
    tmp_path: Path, render_in_process: Callable[..., dict[str, str]]
) -> None:
    project = copy_project(tmp_path / "project")
    (project / "plugins").mkdir(exist_ok=True)
    plugin = project / "plugins" / "mlflow_keycloak_groups.py"
    if not plugin.exists():
        plugin.write_text("def get_user_groups(access_token):\n    return []\n")
    (project / "overlays" / "fifth.yaml").write_text(FIFTH)
    files = render_in_process(project, ["fifth"])
    out = {path.removeprefix("fifth/"): yaml.safe_load(text) for path, text in files.items()}
    assert all(path.startswith("fifth/") or path.startswith("argocd/") for path in files)
    kinds = {obj["kind"] for obj in out.values()}
    assert {"Cluster", "HTTPRoute", "Deployment", "Service"} <= kinds
    [mlflow] = out["deployment-mlflow.yaml"]["spec"]["template"]["spec"]["containers"]
    assert "--app-name=oidc-auth" in mlflow["args"]
    assert "--artifacts-destination=s3://fifth" in mlflow["args"]
    # Issue 13, item 3: the auth option names the server's probe endpoints; the OIDC plugin
    # has a readiness check of its own, which the overlay need not spell out.
    assert mlflow["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert mlflow["livenessProbe"]["httpGet"]["path"] == "/health/live"
    route = out["httproute-mlflow.yaml"]
    assert route["spec"]["rules"][0]["backendRefs"] == [{"name": "mlflow", "port": 5000}]


def test_an_undeclared_secret_is_refused_at_the_edge(
    tmp_path: Path, render_in_process: Callable[..., dict[str, str]]
) -> None:
    from mlflow_gitops.errors import BadInput

    project = copy_project(tmp_path / "project")
    (project / "overlays" / "fifth.yaml").write_text(
        FIFTH.replace(
            "  s3-keys: {kind: operator, keys: [AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY]}\n", ""
        )
    )
    with pytest.raises(BadInput) as refused:
        render_in_process(project, ["fifth"])
    message = str(refused.value)
    assert "overlays/fifth.yaml" in message
    assert "'s3-keys'" in message and "not declared" in message


def _secret_reads(pod: dict[str, Any]) -> list[tuple[str, str | None]]:
    reads: list[tuple[str, str | None]] = []
    for container in pod["containers"] + pod.get("initContainers", []):
        for env in container.get("env", []):
            ref = env.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                reads.append((ref["name"], ref["key"]))
        for source in container.get("envFrom", []):
            if "secretRef" in source:
                reads.append((source["secretRef"]["name"], None))
    for volume in pod.get("volumes", []):
        secret = volume.get("secret")
        if secret:
            items = secret.get("items") or [{"key": None}]
            reads += [(secret["secretName"], item["key"]) for item in items]
    reads += [(ref["name"], ".dockerconfigjson") for ref in pod.get("imagePullSecrets", [])]
    return reads


def test_every_secret_a_rendered_pod_reads_is_declared_with_that_key(
    objects: dict[str, dict[str, Any]], root: Path
) -> None:
    from mlflow_gitops.overlays import load_overlay

    checked = 0
    for path, obj in sorted(objects.items()):
        if obj["kind"] not in {"Deployment", "StatefulSet", "Job", "DaemonSet"}:
            continue
        overlay = path.split("/")[0]
        declared = load_overlay(root / "overlays", overlay).settings.secrets
        for name, key in _secret_reads(obj["spec"]["template"]["spec"]):
            assert name in declared, f"{path}: Secret {name} is not in {overlay}'s secrets"
            if key is not None:
                assert key in declared[name].keys, f"{path}: {name} has no key {key}"
            checked += 1
    assert checked > 10
