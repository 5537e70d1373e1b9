"""A fifth overlay, composed of existing options only (CloudNativePG, S3 on SeaweedFS, the
Keycloak OIDC plugin with its bootstrap, an HTTPRoute), runs as rendered: what the options
promise holds for a combination no committed overlay has."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from tests.render.project import copy_project
from tests.render.test_fifth_overlay import FIFTH
from tests.runtime.harness import (
    GENERATED,
    MLFLOW_POD_IP,
    Outcome,
    Rendered,
    Workload,
    password_grant,
    provision_database,
    record,
    scenario,
    service_routes,
    sync_jobs,
)
from tests.runtime.kubelet import Cluster
from tests.servers.keycloak import create_platform_realm, running_keycloak
from tests.servers.postgres import running_postgres
from tests.servers.s3 import running_seaweedfs

pytestmark = pytest.mark.runtime

# The same fifth overlay as tests/render/test_fifth_overlay.py, with the Keycloak bootstrap
# Job (realm roles, the client, the apps identity) so that its users get a token.
RUNTIME_FIFTH = FIFTH.replace("  realm: lab\n", "  realm: lab\n  bootstrap: {}\n") + (
    "  keycloak-admin: {kind: operator, keys: [username, password]}\n"
    "  mlflow-app-credentials:\n"
    "    kind: generated\n"
    "    keys: {MLFLOW_AUTH_PASSWORD: {kind: password}}\n"
)
PG_IP, KEYCLOAK_IP, JOB_IP = "127.0.0.51", "127.0.0.52", "127.0.0.59"
KEYCLOAK_HOST = "sso.example.org"
S3_HOST = "s3.storage.svc.cluster.local"


@dataclass
class Fifth:
    outcome: Outcome
    objects: list[str]


@pytest.fixture(scope="module")
def fifth(
    tmp_path_factory: pytest.TempPathFactory, render_in_process: Callable[..., dict[str, str]]
) -> Iterator[Fifth]:
    top = tmp_path_factory.mktemp("fifth")
    project = copy_project(top / "project")
    (project / "overlays" / "fifth.yaml").write_text(RUNTIME_FIFTH)
    for path, text in render_in_process(project, ["fifth"]).items():
        if path.startswith("fifth/"):
            (top / path).parent.mkdir(parents=True, exist_ok=True)
            (top / path).write_text(text)
    rendered = Rendered(top / "fifth")
    initdb = rendered.get("Cluster", "mlflow-postgres")["spec"]["bootstrap"]["initdb"]
    db_password = "Pg-" + secrets.token_urlsafe(18)
    apps_password = "Apps-" + secrets.token_urlsafe(18)
    client_secret = secrets.token_urlsafe(32)
    with (
        running_postgres(5432, host=PG_IP) as pg,
        running_seaweedfs(8333) as s3,
        running_keycloak(host=KEYCLOAK_IP, port=443) as keycloak,
    ):
        # CloudNativePG's initdb: the owner, its database and the postInitSQL.
        provision_database(
            pg,
            owner=initdb["owner"],
            password=db_password,
            database=initdb["database"],
            init_sql=";".join(initdb.get("postInitSQL", [])),
        )
        create_platform_realm(keycloak, "lab", "tkadmin", "Tk-" + secrets.token_urlsafe(12))
        cluster = Cluster(
            secrets={
                ("pg-app", "username"): initdb["owner"],
                ("pg-app", "password"): db_password,
                ("s3-keys", "AWS_ACCESS_KEY_ID"): s3.access_key,
                ("s3-keys", "AWS_SECRET_ACCESS_KEY"): s3.secret_key,
                ("oauth2-proxy-secret", "client-secret"): client_secret,
                ("mlflow-secret-key", "SECRET_KEY"): secrets.token_hex(32),
                ("keycloak-admin", "username"): keycloak.admin_username,
                ("keycloak-admin", "password"): keycloak.admin_password,
                ("mlflow-app-credentials", "MLFLOW_AUTH_PASSWORD"): apps_password,
            },
            # SeaweedFS serves the rendered port 8333 on 127.0.0.1.
            hosts={"mlflow-postgres-rw": PG_IP, KEYCLOAK_HOST: KEYCLOAK_IP, S3_HOST: "127.0.0.1"},
            plain_http=frozenset({KEYCLOAK_HOST}),
        )
        try:
            sync_jobs(rendered, cluster, JOB_IP, skip={"mlflow-generate-secrets": GENERATED})
            token = password_grant(
                cluster,
                f"https://{KEYCLOAK_HOST}/realms/lab/protocol/openid-connect/token",
                client_secret=client_secret,
                password=apps_password,
            )
            workload = Workload(
                tracking_uri="http://mlflow.mlflow.svc.cluster.local:5000",
                auth_env={"MLFLOW_TRACKING_TOKEN": token},
                services=service_routes(rendered, MLFLOW_POD_IP),
            )
            (top / "state").mkdir()
            outcome = scenario(
                rendered, cluster, workload, top / "state", check_unauthenticated=True
            )
            record("fifth", outcome.figures())
            listing = s3.client().list_objects_v2(Bucket="fifth").get("Contents", [])
            yield Fifth(outcome, [item["Key"] for item in listing])
        finally:
            cluster.close()


def test_within_its_memory_limit_after_the_workload(fifth: Fifth) -> None:
    fifth.outcome.assert_within_memory_limit()


def test_unauthenticated_api_calls_are_refused(fifth: Fifth) -> None:
    assert fifth.outcome.unauthenticated_status == 401


def test_the_apps_workload_with_a_keycloak_token(fifth: Fifth) -> None:
    Outcome.assert_steps_ok(fifth.outcome.written)


def test_everything_reads_back_after_a_restart(fifth: Fifth) -> None:
    Outcome.assert_steps_ok(fifth.outcome.read_back)


def test_artifacts_land_in_the_bucket(fifth: Fifth) -> None:
    assert any(key.endswith("files/notes.txt") for key in fifth.objects), fifth.objects[:20]
    assert any(key.endswith("MLmodel") for key in fifth.objects), fifth.objects[:20]
