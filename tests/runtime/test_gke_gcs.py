"""gke-gcs runs as rendered: its PostgreSQL as the StatefulSet initialises it, a real GCS API
(fake-gcs-server) with the bucket made by the rendered Job, the rendered pod (init containers,
then MLflow basic auth) under its limits; the API users' workload with the admin's credentials,
and a READ-only user (docs/overlays/gke-gcs.md)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests

from tests.runtime.harness import (
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
from tests.servers.gcs import running_fake_gcs
from tests.servers.postgres import running_postgres

pytestmark = pytest.mark.runtime

PG_IP, GCS_IP, JOB_IP = "127.0.0.21", "127.0.0.22", "127.0.0.29"
BUCKET = "example-mlflow-artifacts"
# The GCS client's endpoint is compiled in (storage.googleapis.com, with Workload Identity's
# metadata server for credentials); STORAGE_EMULATOR_HOST is the client's own switch to another
# endpoint, with anonymous credentials. It is the one variable the cluster does not need.
EMULATOR_REASON = "the GCS endpoint is not a host name in the manifest"


@dataclass
class GkeGcs:
    outcome: Outcome
    objects: list[str]


@pytest.fixture(scope="module")
def gke(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GkeGcs]:
    rendered = Rendered(ROOT / "dist" / "gke-gcs")
    admin_password = "Admin-" + secrets.token_urlsafe(18)
    with running_postgres(5432, host=PG_IP) as pg, running_fake_gcs(4443, host=GCS_IP) as gcs:
        cluster = Cluster(
            secrets={
                ("postgres-creds", "password"): "Pg-" + secrets.token_urlsafe(18),
                ("mlflow-creds", "admin-user"): "admin",
                ("mlflow-creds", "admin-password"): admin_password,
                ("mlflow-creds", "flask-server-secret-key"): secrets.token_hex(32),
                ("oauth2-mlflow-creds", "basic-password"): "Bridge-" + secrets.token_urlsafe(18),
            },
            hosts={"mlflow-postgresql": PG_IP},
            extra_env={"STORAGE_EMULATOR_HOST": (gcs.endpoint, EMULATOR_REASON)},
        )
        try:
            statefulset_database(rendered, pg, cluster)
            sync_jobs(rendered, cluster, JOB_IP, skip={})
            workload = Workload(
                tracking_uri="http://mlflow.mlflow.svc.cluster.local:5000",
                auth_env={
                    "MLFLOW_TRACKING_USERNAME": "admin",
                    "MLFLOW_TRACKING_PASSWORD": admin_password,
                },
                services=service_routes(rendered, MLFLOW_POD_IP),
            )
            outcome = scenario(
                rendered,
                cluster,
                workload,
                tmp_path_factory.mktemp("gke"),
                check_unauthenticated=True,
                readonly_user=True,
            )
            record("gke-gcs", outcome.figures())
            listing = requests.get(f"{gcs.endpoint}/storage/v1/b/{BUCKET}/o", timeout=30).json()
            yield GkeGcs(outcome, [item["name"] for item in listing.get("items", [])])
        finally:
            cluster.close()


def test_within_its_memory_limit_after_the_workload(gke: GkeGcs) -> None:
    gke.outcome.assert_within_memory_limit()


def test_unauthenticated_api_calls_are_refused(gke: GkeGcs) -> None:
    assert gke.outcome.unauthenticated_status == 401


def test_the_api_users_workload_as_admin(gke: GkeGcs) -> None:
    Outcome.assert_steps_ok(gke.outcome.written)


def test_a_read_only_user_reads_but_cannot_write(gke: GkeGcs) -> None:
    Outcome.assert_steps_ok(gke.outcome.readonly)


def test_everything_reads_back_after_a_restart(gke: GkeGcs) -> None:
    Outcome.assert_steps_ok(gke.outcome.read_back)


def test_artifacts_land_in_the_bucket(gke: GkeGcs) -> None:
    assert any(name.endswith("files/notes.txt") for name in gke.objects), gke.objects[:20]
    assert any(name.endswith("MLmodel") for name in gke.objects), gke.objects[:20]
    assert all(name.startswith("artifacts/") for name in gke.objects), gke.objects[:5]
