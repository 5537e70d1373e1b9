"""Facts of the bitnami-legacy overlay, each named after the part of docs/overlays/bitnami-legacy.md
it checks."""

from __future__ import annotations

from typing import Any

import pytest

Object = dict[str, Any]


@pytest.fixture(scope="module")
def bn(objects: dict[str, Object]) -> dict[str, Object]:
    return {
        p.removeprefix("bitnami-legacy/"): o
        for p, o in objects.items()
        if p.startswith("bitnami-legacy/")
    }


@pytest.fixture(scope="module")
def pod(bn: dict[str, Object]) -> Object:
    return dict(bn["deployment-mlflow.yaml"]["spec"]["template"]["spec"])


def _env(container: Object) -> dict[str, Object]:
    return {item["name"]: item for item in container.get("env", [])}


def test_seed_every_image_moved_to_bitnamilegacy_at_the_chart_tags(
    bn: dict[str, Object], pod: Object
) -> None:
    images = {c["image"] for c in pod["containers"] + pod["initContainers"]}
    postgres = bn["statefulset-mlflow-postgresql.yaml"]["spec"]["template"]["spec"]
    images |= {c["image"] for c in postgres["containers"]}
    assert images == {
        "bitnamilegacy/mlflow:3.3.2-debian-12-r0",
        "bitnamilegacy/os-shell:12-debian-12-r51",
        "bitnamilegacy/postgresql:17.6.0-debian-12-r4",
    }


def test_seed_postgresql_subchart_statefulset_service_and_pvc_on_freenas(
    bn: dict[str, Object],
) -> None:
    statefulset = bn["statefulset-mlflow-postgresql.yaml"]
    assert statefulset["spec"]["serviceName"] == "mlflow-postgresql-hl"
    [claim] = statefulset["spec"]["volumeClaimTemplates"]
    assert claim["metadata"]["name"] == "data"
    assert claim["spec"]["storageClassName"] == "freenas-nfs-csi"
    assert bn["service-mlflow-postgresql-hl.yaml"]["spec"]["clusterIP"] == "None"
    assert bn["service-mlflow-postgresql.yaml"]["spec"]["ports"][0]["port"] == 5432
    [container] = statefulset["spec"]["template"]["spec"]["containers"]
    # The chart runs pg_isready for both probes; ours: readiness queries the app database as
    # the app's login, liveness only asks that the postmaster listens (issue 13, item 3).
    assert container["livenessProbe"]["tcpSocket"]["port"] == 5432
    assert "SELECT 1" in container["readinessProbe"]["exec"]["command"][-1]


def test_seed_wait_containers_hold_mlflow_until_postgres_and_s3_answer(pod: Object) -> None:
    waits = {c["name"]: c for c in pod["initContainers"] if c["name"].startswith("wait-for-")}
    assert waits["wait-for-database"]["args"][:2] == ["mlflow-postgresql", "5432"]
    assert waits["wait-for-s3"]["args"][:2] == ["minio.cloudnative.space", "443"]
    names = [c["name"] for c in pod["initContainers"]]
    assert names.index("wait-for-database") < names.index("render-auth-conf")
    # The chart's upgrade-db-auth runs in the migration Job, before the rollout.
    assert "upgrade-db-auth" not in names


def test_seed_artifacts_in_external_minio_with_keys_from_mlflow_s3_creds(pod: Object) -> None:
    [mlflow] = pod["containers"]
    env = _env(mlflow)
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        assert env[key]["valueFrom"]["secretKeyRef"] == {"name": "mlflow-s3-creds", "key": key}
    assert env["MLFLOW_S3_ENDPOINT_URL"]["value"] == "https://minio.cloudnative.space"
    assert "--artifacts-destination=s3://mlflow" in mlflow["args"]


def test_seed_tracking_auth_enabled_credentials_in_mlflow_tracking(pod: Object) -> None:
    [mlflow] = pod["containers"]
    assert "--app-name=basic-auth" in mlflow["args"]
    render = _env(next(c for c in pod["initContainers"] if c["name"] == "render-auth-conf"))
    assert render["MLFLOW_AUTH_ADMIN_USERNAME"]["valueFrom"]["secretKeyRef"] == {
        "name": "mlflow-tracking",
        "key": "admin-user",
    }
    assert render["MLFLOW_AUTH_ADMIN_PASSWORD"]["valueFrom"]["secretKeyRef"] == {
        "name": "mlflow-tracking",
        "key": "admin-password",
    }
    assert (
        _env(mlflow)["MLFLOW_AUTH_CONFIG_PATH"]["value"]
        == (render["MLFLOW_AUTH_CONFIG_PATH"]["value"])
    )


def test_seed_credentials_generated_on_first_install_not_written_to_dist(
    root: Any, bn: dict[str, Object]
) -> None:
    from mlflow_gitops.config import GeneratedSecret
    from mlflow_gitops.overlays import load_overlay

    settings = load_overlay(root / "overlays", "bitnami-legacy").settings
    source = settings.secrets["mlflow-tracking"]
    assert isinstance(source, GeneratedSecret)
    assert {"admin-user", "admin-password"} <= set(source.keys)
    assert not any(o["kind"] == "Secret" for o in bn.values())


def test_seed_ingress_mlflow_cloudnative_space_tls_from_letsencrypt(bn: dict[str, Object]) -> None:
    ingress = bn["ingress-mlflow-tracking.yaml"]
    assert ingress["metadata"]["annotations"]["cert-manager.io/cluster-issuer"] == "letsencrypt"
    [tls] = ingress["spec"]["tls"]
    assert tls["hosts"] == ["mlflow.cloudnative.space"]
    assert [r["host"] for r in ingress["spec"]["rules"]] == ["mlflow.cloudnative.space"]


CHART_POSTGRES_SELECTOR = {
    "app.kubernetes.io/instance": "mlflow",
    "app.kubernetes.io/name": "postgresql",
    "app.kubernetes.io/component": "primary",
}


def test_chart_release_adopted_selector_claim_template_ingress_and_certificate(
    bn: dict[str, Object],
) -> None:
    """What the running release fixes (README, "Moving a Helm release to Argo CD"); the
    adoption itself runs in tests/test_adoption_bitnami.py."""
    statefulset = bn["statefulset-mlflow-postgresql.yaml"]["spec"]
    assert statefulset["selector"]["matchLabels"] == CHART_POSTGRES_SELECTOR
    labels = statefulset["template"]["metadata"]["labels"]
    assert CHART_POSTGRES_SELECTOR.items() <= labels.items()
    assert labels["app.kubernetes.io/managed-by"] == "mlflow-gitops"
    [claim] = statefulset["volumeClaimTemplates"]
    assert claim["metadata"] == {"name": "data"}
    for name in ("service-mlflow-postgresql.yaml", "service-mlflow-postgresql-hl.yaml"):
        assert bn[name]["spec"]["selector"] == CHART_POSTGRES_SELECTOR
    ingress = bn["ingress-mlflow-tracking.yaml"]
    assert ingress["metadata"]["name"] == "mlflow-tracking"
    assert ingress["spec"]["tls"][0]["secretName"] == "mlflow.cloudnative.space-tls"


def test_chart_security_context_uid_1001_and_no_host_check_env_for_3_3_2(pod: Object) -> None:
    assert pod["securityContext"]["runAsUser"] == 1001
    [mlflow] = pod["containers"]
    assert "MLFLOW_SERVER_ALLOWED_HOSTS" not in _env(mlflow)


def test_chart_idle_run_deployment_and_loadbalancer_are_left_out(bn: dict[str, Object]) -> None:
    assert [o["metadata"]["name"] for o in bn.values() if o["kind"] == "Deployment"] == ["mlflow"]
    assert all(
        o["spec"].get("type") != "LoadBalancer" for o in bn.values() if o["kind"] == "Service"
    )
