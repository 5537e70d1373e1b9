"""authentik runs as rendered: its database as CloudNativePG's initdb creates it, the rendered
pod under its limits, artifacts on the claim; no MLflow auth inside the cluster (Authentik's
outpost authenticates at the gateway), so the workload carries none (docs/overlays/authentik.md).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.runtime.harness import (
    MLFLOW_POD_IP,
    ROOT,
    Outcome,
    Rendered,
    Workload,
    provision_database,
    record,
    scenario,
    service_routes,
    sync_jobs,
)
from tests.runtime.kubelet import Cluster
from tests.servers.postgres import running_postgres

pytestmark = pytest.mark.runtime

PG_IP = "127.0.0.31"


@dataclass
class Authentik:
    outcome: Outcome
    artifacts_dir: Path


@pytest.fixture(scope="module")
def authentik(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Authentik]:
    rendered = Rendered(ROOT / "dist" / "authentik")
    initdb = rendered.get("Cluster", "mlflow-postgres")["spec"]["bootstrap"]["initdb"]
    password = "Pg-" + secrets.token_urlsafe(18)
    with running_postgres(5432, host=PG_IP) as pg:
        provision_database(
            pg, owner=initdb["owner"], password=password, database=initdb["database"]
        )
        cluster = Cluster(
            secrets={
                (initdb["secret"]["name"], "username"): initdb["owner"],
                (initdb["secret"]["name"], "password"): password,
            },
            # CloudNativePG's read-write Service of the cluster.
            hosts={"mlflow-postgres-rw": PG_IP},
        )
        try:
            sync_jobs(rendered, cluster, "127.0.0.39", skip={})
            workload = Workload(
                # docs/overlays/authentik.md: people reach the server through `kubectl port-forward
                # svc/mlflow 5000:80`; in-cluster clients call the Service.
                tracking_uri="http://mlflow.mlflow.svc.cluster.local:5000",
                auth_env={},
                services=service_routes(rendered, MLFLOW_POD_IP),
            )
            outcome = scenario(
                rendered,
                cluster,
                workload,
                tmp_path_factory.mktemp("authentik"),
                check_unauthenticated=False,
            )
            record("authentik", outcome.figures())
            yield Authentik(outcome, cluster.claims["mlflow-artifacts"])
        finally:
            cluster.close()


def test_within_its_memory_limit_after_the_workload(authentik: Authentik) -> None:
    authentik.outcome.assert_within_memory_limit()


def test_the_users_workload(authentik: Authentik) -> None:
    Outcome.assert_steps_ok(authentik.outcome.written)


def test_everything_reads_back_after_a_restart(authentik: Authentik) -> None:
    Outcome.assert_steps_ok(authentik.outcome.read_back)


def test_artifacts_land_on_the_claim(authentik: Authentik) -> None:
    assert list(authentik.artifacts_dir.rglob("notes.txt")), "artifact not on the claim"
    assert list(authentik.artifacts_dir.rglob("MLmodel")), "model not on the claim"
