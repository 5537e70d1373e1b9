"""bitnami-legacy runs as rendered, on the MLflow its image carries (3.3.2): PostgreSQL as the
Bitnami StatefulSet initialises it, MinIO with the bucket from the rendered Job, the schema
migration Job, the rendered pod (wait-for-database, wait-for-s3, render-auth-conf, then MLflow
basic auth under gunicorn) under its limits; the workload as the generated admin and a READ-only
user, with the users' 3.3.2 client (docs/overlays/bitnami-legacy.md)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.runtime.harness import (
    CLIENT_BITNAMI_VENV,
    GENERATED,
    MLFLOW_POD_IP,
    ROOT,
    Outcome,
    Rendered,
    Workload,
    record,
    scenario,
    service_routes,
    statefulset_database,
    sync_jobs,
)
from tests.runtime.kubelet import Cluster
from tests.servers.postgres import running_postgres
from tests.servers.s3 import running_minio

pytestmark = pytest.mark.runtime

PG_IP, MINIO_IP, JOB_IP = "127.0.0.41", "127.0.0.42", "127.0.0.49"
MINIO_HOST = "minio.cloudnative.space"


@dataclass
class Bitnami:
    outcome: Outcome
    objects: list[str]


@pytest.fixture(scope="module")
def bitnami(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bitnami]:
    rendered = Rendered(ROOT / "dist" / "bitnami-legacy")
    admin_password = "Admin-" + secrets.token_urlsafe(18)
    with running_postgres(5432, host=PG_IP) as pg, running_minio(443, host=MINIO_IP) as minio:
        cluster = Cluster(
            secrets={
                ("mlflow-postgresql", "password"): "Pg-" + secrets.token_urlsafe(18),
                ("mlflow-postgresql", "postgres-password"): "Pg-" + secrets.token_urlsafe(18),
                ("mlflow-tracking", "admin-user"): "user",
                ("mlflow-tracking", "admin-password"): admin_password,
                ("mlflow-tracking", "flask-server-secret-key"): secrets.token_hex(32),
                ("mlflow-s3-creds", "AWS_ACCESS_KEY_ID"): minio.access_key,
                ("mlflow-s3-creds", "AWS_SECRET_ACCESS_KEY"): minio.secret_key,
            },
            hosts={"mlflow-postgresql": PG_IP, MINIO_HOST: MINIO_IP},
            plain_http=frozenset({MINIO_HOST}),
        )
        try:
            statefulset_database(rendered, pg, cluster)
            sync_jobs(rendered, cluster, JOB_IP, skip={"mlflow-generate-secrets": GENERATED})
            workload = Workload(
                tracking_uri="http://mlflow.mlflow.svc.cluster.local:5000",
                auth_env={
                    "MLFLOW_TRACKING_USERNAME": "user",
                    "MLFLOW_TRACKING_PASSWORD": admin_password,
                },
                services=service_routes(rendered, MLFLOW_POD_IP),
                # The server's own version: see tools/venvs/mlflow-client-bitnami.in.
                client=CLIENT_BITNAMI_VENV,
            )
            outcome = scenario(
                rendered,
                cluster,
                workload,
                tmp_path_factory.mktemp("bitnami"),
                check_unauthenticated=True,
                readonly_user=True,
            )
            record("bitnami-legacy", outcome.figures())
            client = minio.client()
            objects = client.list_objects_v2(Bucket="mlflow").get("Contents", [])
            yield Bitnami(outcome, [o["Key"] for o in objects])
        finally:
            cluster.close()


def test_within_its_memory_limit_after_the_workload(bitnami: Bitnami) -> None:
    bitnami.outcome.assert_within_memory_limit()


def test_init_containers_ran_in_order(bitnami: Bitnami) -> None:
    rendered = Rendered(ROOT / "dist" / "bitnami-legacy").get("Deployment", "mlflow")
    names = [c["name"] for c in rendered["spec"]["template"]["spec"]["initContainers"]]
    assert names[:2] == ["wait-for-database", "wait-for-s3"]
    assert list(bitnami.outcome.init_logs) == names


def test_unauthenticated_api_calls_are_refused(bitnami: Bitnami) -> None:
    assert bitnami.outcome.unauthenticated_status == 401


def test_the_workload_as_the_generated_admin(bitnami: Bitnami) -> None:
    Outcome.assert_steps_ok(bitnami.outcome.written)


def test_a_read_only_user_reads_but_cannot_write(bitnami: Bitnami) -> None:
    Outcome.assert_steps_ok(bitnami.outcome.readonly)


def test_everything_reads_back_after_a_restart(bitnami: Bitnami) -> None:
    Outcome.assert_steps_ok(bitnami.outcome.read_back)


def test_artifacts_land_in_the_bucket(bitnami: Bitnami) -> None:
    assert any(key.endswith("files/notes.txt") for key in bitnami.objects), bitnami.objects[:20]
    assert any(key.endswith("MLmodel") for key in bitnami.objects), bitnami.objects[:20]
