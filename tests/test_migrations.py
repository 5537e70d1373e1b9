"""The schema migration Job, run for real: old data in, the rendered Job, the new server serves it.

(i) A previous MLflow minor (.cache/mlflow-previous-venv, 3.16.1) writes an experiment, a run
    with params and metrics, a registered model with a version and an alias, and basic-auth
    users with permissions into PostgreSQL. Without the Job, the image's MLflow started with
    gke-gcs's rendered server pod is Ready on the old schema and then migrates (or refuses)
    inside its first API request; with the RENDERED migration Job
    (dist/gke-gcs/job-mlflow-migrate.yaml) first, it serves the same data to the same users,
    and a second run of the Job changes nothing.
(ii) The way off the frozen Bitnami images: MLflow 3.3.2 as the Bitnami image carries it
    (.cache/mlflow-bitnami-venv) writes the same kind of data with bitnami-legacy's database
    names and users; then bitnami-legacy with ``server`` switched to the project's image (a
    value change, rendered in-process) runs its migration Job and its server, and the same
    users log in with the same passwords and read the same data.
(iii) On empty databases (homelab's OIDC plugin store, authentik's tracking store) the
    rendered Job creates the schemas, and a second run is a no-op.

Every container runs as the kubelet would: the rendered command/args and env, Secret values
supplied by the test under the names and keys the manifest references, ``$(VAR)`` expanded
from earlier variables, and only remapping (DB_HOST/DB_PORT to the local PostgreSQL, mount
paths to temporary directories). The writer of the old data (tests/servers/mlflow_old_data.py)
is test scaffolding: it uses the old release's own stores, so tables and alembic revision are
exactly what that release writes.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import yaml

from tests.servers.mlflow_server import expand_k8s_vars, start_mlflow
from tests.servers.postgres import PostgresServer, running_postgres

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache"
IMAGE_VENV = CACHE / "mlflow-venv"
PREVIOUS_VENV = CACHE / "mlflow-previous-venv"
BITNAMI_VENV = CACHE / "mlflow-bitnami-venv"
WRITER = ROOT / "tests" / "servers" / "mlflow_old_data.py"
# A cold `mlflow server` on two busy cores: 20-150 s to /health measured here.
HEALTH_TIMEOUT = 600.0
STEP_TIMEOUT = 600.0
SCHEMA_REFUSAL = "out-of-date database schema"

Object = dict[str, Any]


def _venv(path: Path, script: str) -> Path:
    if not (path / "bin" / "python").is_file():
        pytest.fail(f"{path} missing: run tools/install/{script}")
    return path


# --------------------------------------------------------------------------- rendered objects


def committed(overlay: str) -> dict[str, Object]:
    """dist/<overlay>/*.yaml as committed, keyed by file name."""
    return {
        path.name: yaml.safe_load(path.read_text())
        for path in sorted((ROOT / "dist" / overlay).glob("*.yaml"))
    }


def bitnami_on_the_projects_image() -> dict[str, Object]:
    """overlays/bitnami-legacy.yaml with ``server`` moved to the project's image, rendered
    in-process: the README's "Leaving the frozen Bitnami images" steps as a value change."""
    from mlflow_gitops.config import Overlay
    from mlflow_gitops.output import read_project_files
    from mlflow_gitops.overlays import LoadedOverlay
    from mlflow_gitops.render import synthesize

    data = yaml.safe_load((ROOT / "overlays" / "bitnami-legacy.yaml").read_text())
    maintained = yaml.safe_load((ROOT / "overlays" / "gke-gcs.yaml").read_text())["server"]
    server = data["server"]
    server["image"] = maintained["image"]
    # The chart's uid 1001 and the host check off were for the Bitnami image / MLflow 3.3.2.
    server.pop("run_as")
    server.pop("host_check")
    name = "bitnami-maintained"
    loaded = LoadedOverlay(
        name=name, path=ROOT / "overlays" / f"{name}.yaml", settings=Overlay.model_validate(data)
    )
    files = synthesize([loaded], read_project_files(ROOT))
    prefix = f"{name}/"
    return {
        path.removeprefix(prefix): yaml.safe_load(text)
        for path, text in files.items()
        if path.startswith(prefix)
    }


def job_containers(job: Object) -> list[Object]:
    spec = job["spec"]["template"]["spec"]
    return [*spec.get("initContainers", []), *spec["containers"]]


def server_pod(files: dict[str, Object]) -> Object:
    return dict(files["deployment-mlflow.yaml"]["spec"]["template"]["spec"])


# --------------------------------------------------------------------------- the "kubelet"


@dataclass
class Node:
    """What a node gives a pod here: Secret values, the database, emptyDirs as directories."""

    pg: PostgresServer
    secret_values: dict[tuple[str, str], str]
    top: Path
    mounts: dict[str, Path] = field(default_factory=dict)

    def path(self, mount: str) -> Path:
        if mount not in self.mounts:
            self.mounts[mount] = Path(tempfile.mkdtemp(dir=self.top))
        return self.mounts[mount]

    def remap(self, name: str, value: str) -> str:
        """Only remapping: the database host and port, and mount paths."""
        if name == "DB_HOST":
            return self.pg.host
        if name == "DB_PORT":
            return str(self.pg.port)
        for mount in sorted(self.mounts, key=len, reverse=True):
            if value == mount or value.startswith(f"{mount}/"):
                return str(self.mounts[mount]) + value[len(mount) :]
        return value

    def env(self, container: Object) -> dict[str, str]:
        for mount in container.get("volumeMounts", []):
            self.path(mount["mountPath"])
        resolved: dict[str, str] = {}
        for var in container.get("env", []):
            name = var["name"]
            if "value" in var:
                resolved[name] = expand_k8s_vars(self.remap(name, var["value"]), resolved)
            else:
                ref = var["valueFrom"]["secretKeyRef"]
                key = (ref["name"], ref["key"])
                assert key in self.secret_values, f"{name}: the test supplies no Secret {key}"
                resolved[name] = self.secret_values[key]
        return resolved

    def run(self, container: Object, venv: Path) -> subprocess.CompletedProcess[str]:
        """One container to completion: its argv[0] from the venv (the image's PATH)."""
        env = self.env(container)
        argv = [expand_k8s_vars(a, env) for a in container["command"] + container.get("args", [])]
        exe = venv / "bin" / argv[0]
        assert exe.is_file(), f"{argv[0]} is not in {venv}/bin"
        return subprocess.run(
            [str(exe), *argv[1:]],
            env={"PATH": f"{venv / 'bin'}:/usr/bin:/bin", **env},
            cwd=self.path("/tmp"),
            capture_output=True,
            text=True,
            timeout=STEP_TIMEOUT,
            check=False,
        )

    def run_job(self, job: Object, venv: Path) -> list[tuple[str, float]]:
        """Init containers in order, then the container; a failure fails the test with its log."""
        took: list[tuple[str, float]] = []
        for container in job_containers(job):
            started = time.monotonic()
            done = self.run(container, venv)
            if done.returncode != 0:
                pytest.fail(
                    f"{job['metadata']['name']}/{container['name']} exited {done.returncode}:\n"
                    f"{(done.stdout + done.stderr)[-3000:]}"
                )
            took.append((container["name"], round(time.monotonic() - started, 1)))
        return took

    @contextlib.contextmanager
    def server(self, files: dict[str, Object], venv: Path) -> Iterator[Any]:
        """The server pod: its init containers on the server's image, then `mlflow server`."""
        pod = server_pod(files)
        [main] = pod["containers"]
        for init in pod.get("initContainers", []):
            # The wait-for-* containers (another image) only poll TCP; the database is up.
            if init["image"] != main["image"]:
                continue
            done = self.run(init, venv)
            assert done.returncode == 0, (init["name"], done.stdout + done.stderr)
        assert venv == IMAGE_VENV, "start_mlflow runs the image's venv"
        env = self.env(main)
        with start_mlflow(
            main["command"] + main.get("args", []),
            env,
            health_timeout=HEALTH_TIMEOUT,
            quiet_jobs=False,
        ) as server:
            yield server


@pytest.fixture
def node() -> Iterator[Node]:
    """A PostgreSQL of its own per test: the rendered database names, unchanged."""
    top = Path(tempfile.mkdtemp(prefix="migrations-"))
    try:
        with running_postgres() as pg:
            yield Node(pg=pg, secret_values={}, top=top)
    finally:
        shutil.rmtree(top, ignore_errors=True)


def create_databases(pg: PostgresServer, user: str, password: str, *names: str) -> None:
    """What the overlay's database option and db-setup Job leave: a login owning its databases."""
    with contextlib.closing(pg.connect()) as conn:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f"CREATE ROLE \"{user}\" LOGIN PASSWORD '{password}'")
            for name in names:
                cur.execute(f'CREATE DATABASE "{name}" OWNER "{user}"')


def query(pg: PostgresServer, database: str, sql: str) -> list[tuple[Any, ...]]:
    with contextlib.closing(pg.connect(dbname=database)) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return list(cur.fetchall())


def head(pg: PostgresServer, database: str) -> str:
    [(revision,)] = query(pg, database, "SELECT version_num FROM alembic_version")
    return str(revision)


def clone_database(
    pg: PostgresServer, source: str, target: str, *, owner: str, replace: bool = False
) -> None:
    """A byte copy (CREATE DATABASE ... TEMPLATE): to try something and put the data back."""
    with contextlib.closing(pg.connect()) as conn:
        conn.autocommit = True
        with conn.cursor() as cur:
            if replace:
                cur.execute(f'DROP DATABASE "{target}"')
            cur.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}" OWNER "{owner}"')


def tracking_counts(pg: PostgresServer, database: str) -> dict[str, int]:
    tables = ("experiments", "runs", "params", "metrics", "registered_models", "model_versions")
    # Table names from the constant above, never from input.
    return {t: query(pg, database, f"SELECT count(*) FROM {t}")[0][0] for t in tables}  # noqa: S608


# --------------------------------------------------------------------------- old data


@dataclass(frozen=True)
class OldData:
    experiment: str
    model: str
    admin: str
    users: dict[str, str]  # username -> password
    ids: dict[str, str]


def write_old_data(
    venv: Path,
    pg: PostgresServer,
    *,
    user: str,
    password: str,
    db: str,
    auth_db: str,
    top: Path,
    admin: str = "admin",
) -> OldData:
    base = f"postgresql://{user}:{password}@{pg.host}:{pg.port}"
    users = {
        admin: secrets.token_urlsafe(16),
        "alice": secrets.token_urlsafe(16),
        "reader": secrets.token_urlsafe(16),
    }
    spec = {
        "tracking_uri": f"{base}/{db}",
        "auth_uri": f"{base}/{auth_db}",
        "artifact_root": str(top / "old-artifacts"),
        "experiment": "written-before-the-upgrade",
        "model": "churn-classifier",
        "users": [
            {"username": name, "password": secret, "is_admin": name == admin}
            for name, secret in users.items()
        ],
        "experiment_permissions": {"alice": "EDIT", "reader": "READ"},
        "model_permissions": {"alice": "EDIT", "reader": "READ"},
    }
    done = subprocess.run(
        [str(venv / "bin" / "python"), str(WRITER), json.dumps(spec)],
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
        cwd=top,
        env={"PATH": "/usr/bin:/bin", "HOME": str(top)},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    ids = json.loads(done.stdout.strip().splitlines()[-1])
    return OldData(spec["experiment"], spec["model"], admin, users, ids)


# --------------------------------------------------------------------------- reading it back


def api(base_url: str, user: str, password: str, method: str, path: str, **kw: Any) -> Any:
    return requests.request(
        method, f"{base_url}/api/2.0/mlflow/{path}", auth=(user, password), timeout=60, **kw
    )


def assert_serves_old_data(base_url: str, old: OldData) -> None:
    admin = (old.admin, old.users[old.admin])
    got = api(base_url, *admin, "GET", "runs/get", params={"run_id": old.ids["run_id"]})
    assert got.status_code == 200, got.text
    run = got.json()["run"]
    assert {p["key"]: p["value"] for p in run["data"]["params"]} == {
        "alpha": "0.5",
        "l1_ratio": "0.1",
    }
    assert {m["key"]: m["value"] for m in run["data"]["metrics"]} == {"rmse": 0.125}
    assert run["info"]["experiment_id"] == old.ids["experiment_id"]
    history = api(
        base_url,
        *admin,
        "GET",
        "metrics/get-history",
        params={"run_id": old.ids["run_id"], "metric_key": "rmse"},
    ).json()["metrics"]
    assert sorted(m["value"] for m in history) == [0.125, 0.25]
    experiment = api(
        base_url,
        *admin,
        "GET",
        "experiments/get-by-name",
        params={"experiment_name": old.experiment},
    )
    assert experiment.json()["experiment"]["experiment_id"] == old.ids["experiment_id"]
    alias = api(
        base_url,
        *admin,
        "GET",
        "registered-models/alias",
        params={"name": old.model, "alias": "champion"},
    )
    assert alias.status_code == 200, alias.text
    assert alias.json()["model_version"]["version"] == old.ids["version"]
    assert alias.json()["model_version"]["run_id"] == old.ids["run_id"]

    # The same users, the same passwords, the same permissions.
    for name in ("alice", "reader"):
        mine = api(
            base_url, name, old.users[name], "GET", "runs/get", params={"run_id": old.ids["run_id"]}
        )
        assert mine.status_code == 200, (name, mine.status_code, mine.text)
    wrong = api(base_url, "alice", "not-her-password", "GET", "experiments/search?max_results=1")
    assert wrong.status_code == 401
    tag = {"run_id": old.ids["run_id"], "key": "checked_after_upgrade", "value": "yes"}
    assert api(base_url, "alice", old.users["alice"], "POST", "runs/set-tag", json=tag).ok
    refused = api(base_url, "reader", old.users["reader"], "POST", "runs/set-tag", json=tag)
    assert refused.status_code == 403, refused.text
    model_tag = {"name": old.model, "key": "checked", "value": "yes"}
    assert api(
        base_url, "alice", old.users["alice"], "POST", "registered-models/set-tag", json=model_tag
    ).ok
    refused = api(
        base_url, "reader", old.users["reader"], "POST", "registered-models/set-tag", json=model_tag
    )
    assert refused.status_code == 403, refused.text


# --------------------------------------------------------------------------- (i) previous minor


def test_previous_minor_data_served_after_the_rendered_job(
    node: Node,
) -> None:
    image = _venv(IMAGE_VENV, "50_mlflow_runtime.sh")
    previous = _venv(PREVIOUS_VENV, "53_mlflow_previous.sh")
    files = committed("gke-gcs")
    job = files["job-mlflow-migrate.yaml"]
    pg = node.pg
    db_password = secrets.token_urlsafe(16)
    # gke-gcs's login and databases (its StatefulSet and users_database).
    user, db, auth_db = "mlflow", "mlflow", "mlflow_auth"
    create_databases(pg, user, db_password, db, auth_db)
    old = write_old_data(
        previous, pg, user=user, password=db_password, db=db, auth_db=auth_db, top=node.top
    )
    assert old.ids["mlflow"] == "3.16.1"
    before = tracking_counts(pg, db)
    old_head = head(pg, db)

    node.secret_values = {
        ("postgres-creds", "password"): db_password,
        ("mlflow-creds", "admin-user"): "admin",
        ("mlflow-creds", "admin-password"): old.users["admin"],
        ("mlflow-creds", "flask-server-secret-key"): secrets.token_hex(16),
    }

    # Without the Job, on a copy of the old data (restored afterwards). The image's MLflow
    # either refuses the old schema ("out-of-date database schema", when the new revisions add
    # no table) or, when they add tables (3.16.1 -> 3.17.2), migrates it itself from inside
    # the serving pod: `_all_tables_exist` is false -> `_initialize_tables`, in a worker. Which,
    # and when (before /health answers, or in the first API request), is printed.
    clone_database(pg, db, "pristine", owner=user)
    with node.server(files, image) as server:
        at_health = head(pg, db)
        first = api(
            server.base_url,
            old.admin,
            old.users[old.admin],
            "GET",
            "runs/get",
            params={"run_id": old.ids["run_id"]},
        )
        refused = SCHEMA_REFUSAL in server.log() + first.text
        migrated_by_server = head(pg, db) != old_head
        assert refused != migrated_by_server, (first.status_code, server.log()[-2000:])
        when = "before /health answered" if at_health != old_head else "in the first request"
        print(
            f"\nwithout the Job: first request {first.status_code}; "
            + ("refused" if refused else f"the server migrated {old_head} itself, {when}")
        )
    clone_database(pg, "pristine", db, owner=user, replace=True)
    assert head(pg, db) == old_head

    took = node.run_job(job, image)
    after = tracking_counts(pg, db)
    assert after == before, "the migration lost or added rows"
    new_head = head(pg, db)
    assert new_head != old_head
    again = node.run_job(job, image)
    assert head(pg, db) == new_head
    assert tracking_counts(pg, db) == before

    with node.server(files, image) as server:
        assert_serves_old_data(server.base_url, old)
    print(f"\nmigration Job steps: {took}; second run (no-op): {again}")


# --------------------------------------------------------------------------- (ii) off Bitnami


def test_bitnami_332_data_served_by_the_projects_image_after_the_rendered_job(
    node: Node,
) -> None:
    image = _venv(IMAGE_VENV, "50_mlflow_runtime.sh")
    bitnami = _venv(BITNAMI_VENV, "52_mlflow_bitnami.sh")
    files = bitnami_on_the_projects_image()
    pod = server_pod(files)
    [main] = pod["containers"]
    assert main["image"].endswith(":3.17.2-oidc11.0.2-1")
    assert pod["securityContext"]["runAsUser"] == 10001
    assert "MLFLOW_SERVER_ALLOWED_HOSTS" in {e["name"] for e in main["env"]}
    job = files["job-mlflow-migrate.yaml"]
    assert {c["image"] for c in job_containers(job)} == {main["image"]}

    pg = node.pg
    db_password = secrets.token_urlsafe(16)
    # The chart's subchart login and databases (overlays/bitnami-legacy.yaml).
    user, db, auth_db = "bn_mlflow", "bitnami_mlflow", "bitnami_mlflow_auth"
    create_databases(pg, user, db_password, db, auth_db)
    # The chart's admin: mlflow-tracking's admin-user, "user".
    old = write_old_data(
        bitnami,
        pg,
        user=user,
        password=db_password,
        db=db,
        auth_db=auth_db,
        top=node.top,
        admin="user",
    )
    assert old.ids["mlflow"] == "3.3.2"
    before = tracking_counts(pg, db)
    node.secret_values = {
        ("mlflow-postgresql", "password"): db_password,
        ("mlflow-tracking", "admin-user"): "user",
        ("mlflow-tracking", "admin-password"): old.users["user"],
        ("mlflow-tracking", "flask-server-secret-key"): secrets.token_hex(16),
        ("mlflow-s3-creds", "AWS_ACCESS_KEY_ID"): "unused-by-these-reads",
        ("mlflow-s3-creds", "AWS_SECRET_ACCESS_KEY"): secrets.token_hex(16),
    }
    took = node.run_job(job, image)
    assert tracking_counts(pg, db) == before, "the migration lost or added rows"
    with node.server(files, image) as server:
        assert_serves_old_data(server.base_url, old)
    print(f"\nmigration Job steps (3.3.2 -> image): {took}")


# --------------------------------------------------------------------------- (iii) first sync


EMPTY_DATABASES = {
    # overlay: (login, databases the database option or db-setup Job creates)
    "homelab": ("mlflow", ("mlflow", "mlflow_auth")),
    "authentik": ("mlflow", ("mlflow",)),
    "bitnami-legacy": ("bn_mlflow", ("bitnami_mlflow", "bitnami_mlflow_auth")),
}


@pytest.mark.parametrize("overlay", sorted(EMPTY_DATABASES))
def test_first_sync_job_creates_the_schemas_and_a_rerun_is_a_no_op(
    node: Node, overlay: str
) -> None:
    """On the overlay's own image: bitnami-legacy's is MLflow 3.3.2, whose `mlflow db upgrade`
    alone fails on an empty database."""
    venv = (
        _venv(BITNAMI_VENV, "52_mlflow_bitnami.sh")
        if overlay == "bitnami-legacy"
        else _venv(IMAGE_VENV, "50_mlflow_runtime.sh")
    )
    job = committed(overlay)["job-mlflow-migrate.yaml"]
    user, databases = EMPTY_DATABASES[overlay]
    password = secrets.token_urlsafe(16)
    create_databases(node.pg, user, password, *databases)
    # Every Secret these Jobs read is the database password.
    for container in job_containers(job):
        for var in container["env"]:
            if "valueFrom" in var:
                ref = var["valueFrom"]["secretKeyRef"]
                node.secret_values[(ref["name"], ref["key"])] = password
    node.run_job(job, venv)
    heads = {db: query(node.pg, db, "SELECT version_num FROM alembic_version") for db in databases}
    assert all(len(rows) == 1 for rows in heads.values()), heads
    assert query(node.pg, databases[0], "SELECT name FROM experiments") == [("Default",)]
    node.run_job(job, venv)
    assert {
        db: query(node.pg, db, "SELECT version_num FROM alembic_version") for db in databases
    } == heads
