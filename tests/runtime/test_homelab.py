"""homelab runs as rendered: real PostgreSQL and Keycloak, the rendered Jobs, the rendered pod
under its limits, and the apps' workload with a password-grant token (docs/overlays/homelab.md).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.runtime.harness import (
    GENERATED,
    MLFLOW_POD_IP,
    ROOT,
    Outcome,
    Rendered,
    Workload,
    password_grant,
    record,
    scenario,
    service_routes,
    sync_jobs,
)
from tests.runtime.kubelet import Cluster
from tests.servers.keycloak import create_platform_realm, running_keycloak
from tests.servers.postgres import running_postgres

pytestmark = pytest.mark.runtime

PG_HOST = "postgresql-official.postgres.svc.cluster.local"
KEYCLOAK_HOST = "keycloak.example.com"
SEAWEEDFS_HOST = "seaweedfs-filer.seaweedfs.svc.cluster.local"
PG_IP, KEYCLOAK_IP, JOB_IP = "127.0.0.11", "127.0.0.12", "127.0.0.19"


@dataclass
class Homelab:
    outcome: Outcome
    cluster: Cluster
    artifacts_dir: Path


@pytest.fixture(scope="module")
def homelab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homelab]:
    rendered = Rendered(ROOT / "dist" / "homelab")
    apps_password = "Apps-" + secrets.token_urlsafe(18)
    with (
        running_postgres(5432, host=PG_IP) as pg,
        running_keycloak(host=KEYCLOAK_IP, port=443) as keycloak,
    ):
        create_platform_realm(keycloak, "thinkube", "tkadmin", "Tk-" + secrets.token_urlsafe(12))
        cluster = Cluster(
            secrets={
                ("postgres-admin", "username"): pg.superuser,
                ("postgres-admin", "password"): pg.password,
                ("keycloak-admin", "username"): keycloak.admin_username,
                ("keycloak-admin", "password"): keycloak.admin_password,
                ("mlflow-db-secret", "DB_PASSWORD"): "Db-" + secrets.token_urlsafe(18),
                ("mlflow-s3-secret", "AWS_ACCESS_KEY_ID"): "weed" + secrets.token_hex(6),
                ("mlflow-s3-secret", "AWS_SECRET_ACCESS_KEY"): secrets.token_urlsafe(24),
                ("oauth2-proxy-secret", "client-secret"): secrets.token_urlsafe(32),
                ("mlflow-secret-key", "SECRET_KEY"): secrets.token_hex(32),
                ("mlflow-app-credentials", "MLFLOW_AUTH_PASSWORD"): apps_password,
            },
            hosts={PG_HOST: PG_IP, KEYCLOAK_HOST: KEYCLOAK_IP, SEAWEEDFS_HOST: "127.0.0.13"},
            plain_http=frozenset({KEYCLOAK_HOST}),
        )
        try:
            sync_jobs(
                rendered,
                cluster,
                JOB_IP,
                skip={
                    "mlflow-generate-secrets": GENERATED,
                    # The bucket Job runs against SeaweedFS in tests/jobs/test_bucket_bootstrap.py.
                    "mlflow-bucket-setup": "homelab's artifacts are on the claim, not in S3",
                },
            )
            token = password_grant(
                cluster,
                f"https://{KEYCLOAK_HOST}/realms/thinkube/protocol/openid-connect/token",
                client_secret=cluster.secrets[("oauth2-proxy-secret", "client-secret")],
                password=apps_password,
            )
            workload = Workload(
                # The platform's apps (docs/overlays/homelab.md) call the Service on port 80.
                tracking_uri="http://mlflow.mlflow.svc.cluster.local",
                auth_env={"MLFLOW_TRACKING_TOKEN": token},
                services=service_routes(rendered, MLFLOW_POD_IP),
            )
            outcome = scenario(
                rendered,
                cluster,
                workload,
                tmp_path_factory.mktemp("homelab"),
                check_unauthenticated=True,
            )
            record("homelab", outcome.figures())
            yield Homelab(outcome, cluster, cluster.claims["thinkube-models"] / "mlflow-artifacts")
        finally:
            cluster.close()


def test_ready_within_the_probe_budget_under_its_cpu_limit(homelab: Homelab) -> None:
    # run_pod fails when the kubelet would restart the container; this records how long it took.
    assert len(homelab.outcome.ready_seconds) == 2


def test_within_its_memory_limit_after_the_workload(homelab: Homelab) -> None:
    homelab.outcome.assert_within_memory_limit()


def test_unauthenticated_api_calls_are_refused(homelab: Homelab) -> None:
    assert homelab.outcome.unauthenticated_status == 401


def test_the_apps_workload_with_a_keycloak_token(homelab: Homelab) -> None:
    steps = homelab.outcome.written
    for name in (
        "create_experiment",
        "log_run",
        "register_model",
        "set_alias",
        "search_model_versions",
        "load_and_predict",
    ):
        assert steps[name]["ok"], steps[name]


def test_everything_reads_back_after_a_restart(homelab: Homelab) -> None:
    Outcome.assert_steps_ok(homelab.outcome.read_back)


def test_artifacts_land_on_the_models_claim(homelab: Homelab) -> None:
    state = homelab.outcome.written["state"]
    assert state["artifact_uri"].startswith("mlflow-artifacts:/"), state["artifact_uri"]
    files = [p for p in homelab.artifacts_dir.rglob("notes.txt")]
    assert len(files) == 1, sorted(str(p) for p in homelab.artifacts_dir.rglob("*"))[:20]
    assert list(homelab.artifacts_dir.rglob("MLmodel")), "the model is not on the claim"
