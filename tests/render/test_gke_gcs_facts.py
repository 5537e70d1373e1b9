"""Facts of the gke-gcs overlay, each named after the part of docs/overlays/gke-gcs.md it checks."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

Object = dict[str, Any]


@pytest.fixture(scope="module")
def gke(objects: dict[str, Object]) -> dict[str, Object]:
    return {p.removeprefix("gke-gcs/"): o for p, o in objects.items() if p.startswith("gke-gcs/")}


def _pod(obj: Object) -> Object:
    return dict(obj["spec"]["template"]["spec"])


def _env(container: Object) -> dict[str, Object]:
    return {item["name"]: item for item in container.get("env", [])}


@pytest.fixture(scope="module")
def mlflow(gke: dict[str, Object]) -> Object:
    [container] = _pod(gke["deployment-mlflow.yaml"])["containers"]
    return dict(container)


def test_seed_artifacts_in_gcs_bucket_under_artifacts(mlflow: Object) -> None:
    assert "--artifacts-destination=gs://example-mlflow-artifacts/artifacts" in mlflow["args"]
    assert "--serve-artifacts" in mlflow["args"]


def test_seed_gcs_access_without_a_key_file_through_workload_identity(
    gke: dict[str, Object], mlflow: Object
) -> None:
    account = gke["serviceaccount-mlflow.yaml"]
    email = account["metadata"]["annotations"]["iam.gke.io/gcp-service-account"]
    assert email.endswith(".iam.gserviceaccount.com") and email.startswith("mlflow-gcs-sa@")
    assert _pod(gke["deployment-mlflow.yaml"])["serviceAccountName"] == "mlflow"
    assert "GOOGLE_APPLICATION_CREDENTIALS" not in _env(mlflow)


def test_seed_postgresql_in_the_namespace_password_only_from_secret(
    gke: dict[str, Object], mlflow: Object
) -> None:
    env = _env(mlflow)
    assert env["DB_HOST"]["value"] == "mlflow-postgresql"
    assert env["PGPASSWORD"]["valueFrom"]["secretKeyRef"] == {
        "name": "postgres-creds",
        "key": "password",
    }
    assert "@" in env["MLFLOW_BACKEND_STORE_URI"]["value"]
    assert ":$(" not in env["MLFLOW_BACKEND_STORE_URI"]["value"].split("@")[0].split("//")[1]
    statefulset = gke["statefulset-mlflow-postgresql.yaml"]
    [claim] = statefulset["spec"]["volumeClaimTemplates"]
    assert claim["spec"]["storageClassName"] == "standard-rwo"


def test_seed_mlflow_runs_basic_auth_admin_from_mlflow_creds(
    gke: dict[str, Object], mlflow: Object
) -> None:
    assert "--app-name=basic-auth" in mlflow["args"]
    inits = {c["name"]: c for c in _pod(gke["deployment-mlflow.yaml"])["initContainers"]}
    render = _env(inits["render-auth-conf"])
    for var, key in (
        ("MLFLOW_AUTH_ADMIN_USERNAME", "admin-user"),
        ("MLFLOW_AUTH_ADMIN_PASSWORD", "admin-password"),
    ):
        assert render[var]["valueFrom"]["secretKeyRef"] == {"name": "mlflow-creds", "key": key}
    job = gke["job-mlflow-migrate.yaml"]["spec"]["template"]["spec"]
    [auth_schema] = job["containers"]
    assert auth_schema["command"][:4] == ["python", "-m", "mlflow.server.auth", "db"]


def test_seed_oauth2_proxy_github_upstream_mlflow_with_bridge_password(
    gke: dict[str, Object],
) -> None:
    config = yaml.safe_load(gke["configmap-oauth2-proxy.yaml"]["data"]["alpha-config.yaml"])
    [provider] = config["providers"]
    assert provider["provider"] == "github"
    assert "clientSecret" not in provider
    [upstream] = config["upstreamConfig"]["upstreams"]
    assert upstream["uri"] == "http://mlflow.mlflow.svc.cluster.local:5000"
    [header] = config["injectRequestHeaders"]
    assert header["name"] == "Authorization"
    [value] = header["values"]
    assert value["claim"] == "email"
    source = value["basicAuthPassword"]
    assert set(source) == {"fromEnv"}
    [proxy] = _pod(gke["deployment-oauth2-proxy.yaml"])["containers"]
    bridge = _env(proxy)[source["fromEnv"]]["valueFrom"]["secretKeyRef"]
    assert bridge == {"name": "oauth2-mlflow-creds", "key": "basic-password"}
    assert proxy["image"].startswith("quay.io/oauth2-proxy/oauth2-proxy:v7.")
    assert "--redirect-url=https://mlflow.example.com/oauth2/callback" in proxy["args"]


def test_seed_ingress_ui_host_to_oauth2_proxy_api_host_to_mlflow(gke: dict[str, Object]) -> None:
    ingress = gke["ingress-mlflow.yaml"]
    backends = {
        rule["host"]: rule["http"]["paths"][0]["backend"]["service"]
        for rule in ingress["spec"]["rules"]
    }
    assert backends["mlflow.example.com"] == {"name": "oauth2-proxy", "port": {"number": 4180}}
    assert backends["api.mlflow.example.com"] == {"name": "mlflow", "port": {"number": 5000}}
    assert ingress["spec"]["ingressClassName"] == "nginx"
    [tls] = ingress["spec"]["tls"]
    assert sorted(tls["hosts"]) == ["api.mlflow.example.com", "mlflow.example.com"]


def test_seed_cluster_issuer_lets_encrypt_http01_nginx_email_from_overlay(
    gke: dict[str, Object],
) -> None:
    issuer = gke["clusterissuer-letsencrypt-prod.yaml"]
    assert "namespace" not in issuer["metadata"]
    acme = issuer["spec"]["acme"]
    assert acme["email"] == "admin@example.com"
    assert "letsencrypt.org" in acme["server"]
    assert acme["solvers"] == [{"http01": {"ingress": {"ingressClassName": "nginx"}}}]
    annotations = gke["ingress-mlflow.yaml"]["metadata"]["annotations"]
    assert annotations["cert-manager.io/cluster-issuer"] == "letsencrypt-prod"


def test_seed_secrets_not_applied_by_hand_but_from_external_secrets(
    gke: dict[str, Object],
) -> None:
    made = {
        o["spec"]["target"]["name"]: {d["secretKey"] for d in o["spec"]["data"]}
        for o in gke.values()
        if o["kind"] == "ExternalSecret"
    }
    assert made == {
        "postgres-creds": {"password"},
        "oauth2-creds": {"client-secret", "cookie-secret"},
        "oauth2-mlflow-creds": {"basic-password"},
        "mlflow-creds": {"admin-user", "admin-password", "flask-server-secret-key"},
    }
    stores = {
        o["spec"]["secretStoreRef"]["kind"] for o in gke.values() if o["kind"] == "ExternalSecret"
    }
    assert stores == {"ClusterSecretStore"}
