"""Every combination of database x artifact store x auth x exposure, built from the four
overlays as templates, renders policies whose meaning (evaluated by Cyclonus) is what the
combination needs: the route's traffic reaches the UI backend, a proxy reaches MLflow,
MLflow reaches its database and artifact store, nothing else reaches the database, and
direct calls reach MLflow only when MLflow itself checks every request. With an HTTPRoute
the Cilium variant admits Cilium's Envoy (the `ingress` entity) to whatever the route
targets, whichever auth option fronts the UI.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import cdk8s
import pytest
import yaml

from mlflow_gitops.app import MlflowChart
from mlflow_gitops.config import Overlay
from mlflow_gitops.errors import RenderError
from mlflow_gitops.output import read_project_files
from tests.render.connectivity import Address, Packet, Pod, allowed
from tests.render.test_network_policies import INTERNET, INTRUDER, NGINX, STRANGER

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = {
    name: yaml.safe_load((ROOT / "overlays" / f"{name}.yaml").read_text(encoding="utf-8"))
    for name in ("homelab", "gke-gcs", "authentik", "bitnami-legacy")
}
DATABASES = {"external": "homelab", "statefulset": "gke-gcs", "cnpg": "authentik"}
ARTIFACTS = {"volume+s3": "homelab", "gcs": "gke-gcs", "s3": "bitnami-legacy"}
AUTHS = {
    "keycloak-oidc": "homelab",
    "oauth2-proxy": "gke-gcs",
    "authentik": "authentik",
    "basic-auth": "bitnami-legacy",
}
EXPOSURES = {"ingress": "gke-gcs", "httproute": "authentik"}
GATEWAY = Pod("gateway", {"app": "envoy"})
# Where each template's artifact store answers (docs/overlays: SeaweedFS in-cluster, GCS and
# MinIO by public address).
STORE = {
    "volume+s3": (Pod("seaweedfs", {"app": "seaweedfs-filer"}), 8333),
    "gcs": (INTERNET, 443),
    "s3": (Address("198.51.100.7"), 443),
}


def overlay(database: str, artifacts: str, auth: str, exposure: str) -> dict[str, Any]:
    t = TEMPLATES
    data: dict[str, Any] = {
        "server": t["gke-gcs"]["server"],
        "database": dict(t[DATABASES[database]]["database"]),
        "artifacts": t[ARTIFACTS[artifacts]]["artifacts"],
        "auth": dict(t[AUTHS[auth]]["auth"]),
        "exposure": t[EXPOSURES[exposure]]["exposure"],
        "volumes": t[ARTIFACTS[artifacts]].get("volumes", []),
        "secrets": {k: v for template in t.values() for k, v in template["secrets"].items()},
    }
    if exposure == "httproute":
        data["network_policy"] = {"kind": "cilium"}
    if auth == "basic-auth":
        data["auth"]["users_database"] = "mlflow_auth"
    # The auth option's user store lives beside MLflow's database (the admin Job needs one).
    data["database"]["extra_databases"] = ["mlflow_auth"]
    # The API server's addresses (its Service and an endpoint): without them, pods that call
    # the API (CloudNativePG's instances) may reach any address on 443 and 6443.
    data["network"] = {"egress_cidrs": {"kubernetes-api": ["10.96.0.1/32", "192.0.2.10/32"]}}
    return data


COMBINATIONS = list(itertools.product(DATABASES, ARTIFACTS, AUTHS, EXPOSURES))


def _pods(objects: Mapping[str, Any]) -> dict[str, Pod]:
    pods = {}
    for name, obj in objects.items():
        kind = name.split("/")[0]
        if kind in ("Deployment", "StatefulSet"):
            labels = obj["spec"]["template"]["metadata"]["labels"]
        elif kind == "Job":
            labels = {
                **obj["spec"]["template"]["metadata"]["labels"],
                "job-name": obj["metadata"]["name"],
                "batch.kubernetes.io/job-name": obj["metadata"]["name"],
            }
        else:
            continue
        pods[obj["metadata"]["name"]] = Pod(obj["metadata"]["namespace"], labels)
    return pods


@pytest.mark.parametrize(("database", "artifacts", "auth", "exposure"), COMBINATIONS)
def test_combination_renders_policies_with_the_right_peers(
    database: str, artifacts: str, auth: str, exposure: str, tmp_path: Path
) -> None:
    settings = Overlay.model_validate(overlay(database, artifacts, auth, exposure))
    chart = MlflowChart(cdk8s.App(), "combo", settings, read_project_files(ROOT))
    objects = {f"{o['kind']}/{o['metadata']['name']}": o for o in chart.to_json()}
    pods = _pods(objects)
    mlflow = pods["mlflow"]
    db = {
        "external": Pod("postgres", {"app": "postgresql-official"}),
        "statefulset": pods.get("mlflow-postgresql"),
        "cnpg": Pod("mlflow", {"cnpg.io/cluster": "mlflow-postgres"}),
    }[database]
    assert db is not None
    ui = {
        "oauth2-proxy": (pods.get("oauth2-proxy"), 4180),
        "authentik": (Pod("mlflow", {"goauthentik.io/outpost-name": "mlflow"}), 9000),
    }.get(auth, (mlflow, 5000))
    ui_pod, ui_port = ui
    assert ui_pod is not None
    router = NGINX if exposure == "ingress" else GATEWAY
    store, store_port = STORE[artifacts]
    mlflow_checks = auth != "authentik"
    cases = [
        ("route -> UI backend", Packet(router, ui_pod, ui_port), True),
        ("mlflow -> database", Packet(mlflow, db, 5432), True),
        ("migrate Job -> database", Packet(pods["mlflow-migrate"], db, 5432), True),
        ("mlflow -> artifact store", Packet(mlflow, store, store_port), True),
        ("mlflow -> outside:22", Packet(mlflow, INTERNET, 22), False),
        ("other namespace -> mlflow", Packet(STRANGER, mlflow, 5000), mlflow_checks),
        ("undeclared pod of mlflow -> mlflow", Packet(INTRUDER, mlflow, 5000), False),
    ]
    if ui_pod is not mlflow:
        cases.append(("auth proxy -> mlflow", Packet(ui_pod, mlflow, 5000), True))
    if exposure == "ingress":  # the API host goes straight to MLflow
        cases.append(("route -> mlflow (API host)", Packet(router, mlflow, 5000), True))
    if database != "external":
        cases += [
            ("other namespace -> database", Packet(STRANGER, db, 5432), False),
            ("route -> database", Packet(router, db, 5432), False),
            ("database -> outside:443", Packet(db, INTERNET, 443), False),
        ]
    if database == "cnpg":
        api = Address("192.0.2.10")
        cases.append(("database -> Kubernetes API:6443", Packet(db, api, 6443), True))
    policies = [o for name, o in objects.items() if name.startswith("NetworkPolicy/")]
    verdicts = allowed(policies, [packet for _, packet, _ in cases], tmp_path)
    wrong = [
        what
        for (what, _, expected), verdict in zip(cases, verdicts, strict=True)
        if verdict != expected
    ]
    assert wrong == []
    cilium = [o for name, o in objects.items() if name.startswith("CiliumNetworkPolicy/")]
    if exposure == "httproute":
        admits_envoy = [
            p["spec"]["endpointSelector"]["matchLabels"]
            for p in cilium
            if any(r.get("fromEntities") == ["ingress"] for r in p["spec"].get("ingress", []))
        ]
        assert admits_envoy == [dict(sorted(ui_pod.labels.items()))] or (
            # a Deployment's template labels include more than its selector
            len(admits_envoy) == 1 and admits_envoy[0].items() <= ui_pod.labels.items()
        )
    else:
        assert cilium == []


def _render(data: dict[str, Any]) -> None:
    MlflowChart(cdk8s.App(), "combo", Overlay.model_validate(data), read_project_files(ROOT))


def test_direct_clients_behind_a_proxy_that_is_the_only_gate_are_refused() -> None:
    data = overlay("cnpg", "volume+s3", "authentik", "httproute")
    data["network"]["in_cluster_clients"] = [{"kubernetes.io/metadata.name": "team-a"}]
    with pytest.raises(RenderError) as refused:
        _render(data)
    message = str(refused.value)
    assert message.startswith("overlays/combo.yaml: network.in_cluster_clients:")
    assert "'authentik-proxy'" in message and "Fix: remove network.in_cluster_clients" in message


def test_cidrs_for_a_role_no_peer_has_are_refused() -> None:
    data = overlay("statefulset", "volume+s3", "basic-auth", "ingress")
    data["network"]["egress_cidrs"]["identity-provider"] = ["192.0.2.0/24"]
    with pytest.raises(RenderError) as refused:
        _render(data)
    message = str(refused.value)
    assert message.startswith("overlays/combo.yaml: network.egress_cidrs.identity-provider:")
    assert "Fix: remove the entry" in message
