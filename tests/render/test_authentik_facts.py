"""Facts of the authentik overlay, each named after the part of docs/overlays/authentik.md it
checks."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

Object = dict[str, Any]


class _BlueprintLoader(yaml.SafeLoader):
    """Authentik's !Find / !KeyOf tags, read as [tag name, *arguments]."""


_BlueprintLoader.add_multi_constructor(
    "!",
    lambda loader, tag, node: (
        [tag, *loader.construct_sequence(node)]
        if isinstance(node, yaml.SequenceNode)
        else [tag, loader.construct_scalar(node)]
    ),
)


@pytest.fixture(scope="module")
def ak(objects: dict[str, Object]) -> dict[str, Object]:
    return {
        p.removeprefix("authentik/"): o for p, o in objects.items() if p.startswith("authentik/")
    }


@pytest.fixture(scope="module")
def blueprint(ak: dict[str, Object]) -> dict[str, Object]:
    configmap = ak["configmap-mlflow-authentik-blueprint.yaml"]
    assert configmap["metadata"]["namespace"] == "authentik"
    [text] = configmap["data"].values()
    entries = yaml.load(text, Loader=_BlueprintLoader)["entries"]  # noqa: S506
    return {entry["model"]: entry for entry in entries}


def test_seed_postgresql_cluster_mlflow_postgres_on_longhorn(ak: dict[str, Object]) -> None:
    cluster = ak["cluster-mlflow-postgres.yaml"]
    assert cluster["apiVersion"].startswith("postgresql.cnpg.io/")
    spec = cluster["spec"]
    assert spec["instances"] == 2
    assert spec["storage"] == {"storageClass": "longhorn", "size": "10Gi"}
    initdb = spec["bootstrap"]["initdb"]
    assert (initdb["database"], initdb["owner"]) == ("mlflow", "mlflow")
    assert initdb["secret"] == {"name": "mlflow-secrets"}


def test_seed_1password_item_vaults_secrets_items_mlflow_secrets(ak: dict[str, Object]) -> None:
    item = ak["onepassworditem-mlflow-secrets.yaml"]
    assert item["spec"] == {"itemPath": "vaults/Secrets/items/mlflow-secrets"}
    [mlflow] = ak["deployment-mlflow.yaml"]["spec"]["template"]["spec"]["containers"]
    env = {e["name"]: e for e in mlflow["env"]}
    assert env["PGPASSWORD"]["valueFrom"]["secretKeyRef"] == {
        "name": "mlflow-secrets",
        "key": "password",
    }
    assert env["DB_HOST"]["value"] == "mlflow-postgres-rw"


def test_seed_artifacts_on_a_longhorn_volume_at_mlflow_artifacts(ak: dict[str, Object]) -> None:
    claim = ak["persistentvolumeclaim-mlflow-artifacts.yaml"]
    assert claim["spec"]["storageClassName"] == "longhorn"
    pod = ak["deployment-mlflow.yaml"]["spec"]["template"]["spec"]
    [mlflow] = pod["containers"]
    mounts = {m["mountPath"]: m["name"] for m in mlflow["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert volumes[mounts["/mlflow/artifacts"]]["persistentVolumeClaim"] == {
        "claimName": "mlflow-artifacts"
    }
    assert "--artifacts-destination=/mlflow/artifacts" in mlflow["args"]


def test_seed_external_url_is_an_httproute_to_the_outpost(ak: dict[str, Object]) -> None:
    route = ak["httproute-mlflow.yaml"]
    assert route["apiVersion"].startswith("gateway.networking.k8s.io/")
    assert route["spec"]["hostnames"] == ["mlflow.gateway.services.apocrathia.com"]
    [rule] = route["spec"]["rules"]
    assert rule["backendRefs"] == [{"name": "ak-outpost-mlflow", "port": 9000}]
    assert "ingress-mlflow.yaml" not in ak


def test_seed_blueprint_creates_proxy_provider_with_external_and_internal_hosts(
    blueprint: dict[str, Object],
) -> None:
    attrs = blueprint["authentik_providers_proxy.proxyprovider"]["attrs"]
    assert attrs["mode"] == "proxy"
    assert attrs["external_host"] == "https://mlflow.gateway.services.apocrathia.com"
    assert attrs["internal_host"] == "http://mlflow.mlflow.svc.cluster.local:5000"


def test_seed_blueprint_creates_application_and_outpost_in_mlflow_namespace(
    blueprint: dict[str, Object],
) -> None:
    application = blueprint["authentik_core.application"]
    assert application["attrs"]["provider"] == ["KeyOf", "provider"]
    outpost = blueprint["authentik_outposts.outpost"]
    assert outpost["identifiers"] == {"name": "mlflow"}
    assert outpost["attrs"]["type"] == "proxy"
    assert outpost["attrs"]["config"]["kubernetes_namespace"] == "mlflow"


def test_seed_no_mlflow_side_auth(ak: dict[str, Object]) -> None:
    [mlflow] = ak["deployment-mlflow.yaml"]["spec"]["template"]["spec"]["containers"]
    assert not any(arg.startswith("--app-name") for arg in mlflow["args"])


def test_seed_internal_service_port_5000_and_port_forward_port_80(ak: dict[str, Object]) -> None:
    service = ak["service-mlflow.yaml"]
    assert service["metadata"]["name"] == "mlflow"
    assert {p["port"] for p in service["spec"]["ports"]} == {5000, 80}
    labels = ak["deployment-mlflow.yaml"]["spec"]["template"]["metadata"]["labels"]
    assert labels["app.kubernetes.io/name"] == "mlflow"


def test_seed_cilium_policy_admits_the_gateway_to_the_outpost_and_only_the_outpost_to_mlflow(
    ak: dict[str, Object],
) -> None:
    """The Cilium policy of docs/overlays/authentik.md, derived: Cilium's Envoy (the `ingress`
    entity) reaches the outpost the HTTPRoute targets; MLflow, which checks no request, admits only
    the outpost and calls only DNS and its database."""
    outpost = ak["ciliumnetworkpolicy-allow-ak-outpost-mlflow.yaml"]["spec"]
    assert outpost["endpointSelector"]["matchLabels"] == {"goauthentik.io/outpost-name": "mlflow"}
    assert [rule["fromEntities"] for rule in outpost["ingress"]] == [["ingress"]]
    assert outpost["ingress"][0]["toPorts"][0]["ports"] == [{"port": "9000", "protocol": "TCP"}]
    server = ak["networkpolicy-allow-mlflow.yaml"]["spec"]
    assert server["podSelector"]["matchLabels"] == {"app": "mlflow"}
    assert [rule["from"] for rule in server["ingress"]] == [
        [{"podSelector": {"matchLabels": {"goauthentik.io/outpost-name": "mlflow"}}}]
    ]
    targets = [rule["to"][0] for rule in server["egress"]]
    assert targets == [
        {
            "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}},
            "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}},
        },
        {"podSelector": {"matchLabels": {"cnpg.io/cluster": "mlflow-postgres"}}},
    ]
