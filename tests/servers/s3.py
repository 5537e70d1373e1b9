"""Real S3 servers for tests: SeaweedFS (the homelab overlay's store) and MinIO (bitnami-legacy's).

Both enforce signature-v4 authentication with one access key; each runs on free loopback ports
in a temp dir and is stopped (SIGTERM, then SIGKILL after a timeout: weed takes >10 s to exit).
- `running_seaweedfs(port, ...)` / `running_minio(port, ...)`: context managers (choose `port`
  and the keys to start a server late, after a client is already waiting on it);
- `seaweedfs_server`, `minio_server`: session-scoped fixtures; `s3_server`: both, parametrized.
Binaries: tools/install/42_object_stores.sh, into .cache/object-stores/.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config

from tests.servers.processes import free_ports, stop_process_group

ROOT = Path(__file__).resolve().parents[2]
INSTALL_SCRIPT = "tools/install/42_object_stores.sh"
CACHE = ROOT / ".cache" / "object-stores"
WEED = CACHE / "venv" / "bin" / "weed"
MINIO = CACHE / "bin" / "minio"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 3.0
TENANT_BUCKET = "tenant-b"


@dataclass(frozen=True)
class S3Server:
    kind: str
    endpoint: str
    access_key: str
    secret_key: str
    region: str = "us-east-1"
    # A second tenant whose key may use only `tenant_bucket` (SeaweedFS only).
    tenant_key: tuple[str, str] | None = None
    tenant_bucket: str = TENANT_BUCKET

    def client(self, *, secret_key: str | None = None) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=self.region,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=secret_key or self.secret_key,
            config=Config(
                s3={"addressing_style": "path"},
                signature_version="s3v4",
                retries={"max_attempts": 2},
                connect_timeout=5,
                read_timeout=30,
            ),
        )

    def job_env(self) -> dict[str, str]:
        """What the bucket Job's Secret and ConfigMap hold in the cluster."""
        return {
            "ARTIFACT_STORE": "s3",
            "S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_REGION": self.region,
        }


def _binary(path: Path) -> Path:
    if not path.is_file():
        pytest.fail(f"{path.name} missing at {path}: run {INSTALL_SCRIPT}")
    return path


def wait_until(
    ready: Callable[[], bool],
    proc: subprocess.Popen[bytes],
    log: Path,
    what: str,
    timeout: float = START_TIMEOUT,
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{what} exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(Exception):
            if ready():
                return
        time.sleep(0.3)
    pytest.fail(f"{what} not ready after {timeout:g}s:\n{log.read_text()[-3000:]}")


def _s3_ready(server: S3Server) -> Callable[[], bool]:
    # A signed call that needs the whole stack (SeaweedFS: master, volume, filer) to answer.
    def ready() -> bool:
        server.client().list_buckets()
        return True

    return ready


@contextlib.contextmanager
def _serve(
    cmd: list[str],
    env: dict[str, str],
    workdir: Path,
    server: S3Server,
) -> Iterator[S3Server]:
    log = workdir / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until(_s3_ready(server), proc, log, f"{server.kind} at {server.endpoint}")
        yield server
    finally:
        stop_process_group(proc, STOP_TIMEOUT)


@contextlib.contextmanager
def running_seaweedfs(
    port: int | None = None, *, access_key: str | None = None, secret_key: str | None = None
) -> Iterator[S3Server]:
    """`weed server` (master, volume, filer, S3) with one identity in an -s3.config file."""
    weed = _binary(WEED)
    ports = free_ports(8)
    s3_port = port or ports[0]
    access = access_key or "weed" + secrets.token_hex(6)
    secret = secret_key or secrets.token_urlsafe(24)
    tenant = ("tenant" + secrets.token_hex(6), secrets.token_urlsafe(24))
    top = Path(tempfile.mkdtemp(prefix="seaweedfs-test-"))
    try:
        (top / "data").mkdir()
        config = top / "s3.json"
        config.write_text(
            json.dumps(
                {
                    "identities": [
                        {
                            "name": "mlflow",
                            "credentials": [{"accessKey": access, "secretKey": secret}],
                            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                        },
                        {
                            "name": "tenant",
                            "credentials": [{"accessKey": tenant[0], "secretKey": tenant[1]}],
                            "actions": [
                                f"{action}:{TENANT_BUCKET}"
                                for action in ("Admin", "Read", "Write", "List")
                            ],
                        },
                    ]
                }
            )
        )
        # Every port explicit: weed's defaults (gRPC = HTTP + 10000, 8181, 9101...) collide
        # or overflow on a shared machine.
        cmd = [
            str(weed),
            "server",
            f"-dir={top / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={ports[1]}",
            f"-master.port.grpc={ports[2]}",
            f"-volume.port={ports[3]}",
            f"-volume.port.grpc={ports[4]}",
            f"-filer.port={ports[5]}",
            f"-filer.port.grpc={ports[6]}",
            "-s3",
            f"-s3.port={s3_port}",
            f"-s3.port.grpc={ports[7]}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            f"-s3.config={config}",
            "-master.volumeSizeLimitMB=64",
            "-volume.max=0",
        ]
        server = S3Server(
            "seaweedfs", f"http://127.0.0.1:{s3_port}", access, secret, tenant_key=tenant
        )
        with _serve(cmd, {**os.environ}, top, server) as running:
            yield running
    finally:
        shutil.rmtree(top, ignore_errors=True)


@contextlib.contextmanager
def running_minio(
    port: int | None = None,
    *,
    access_key: str | None = None,
    secret_key: str | None = None,
    host: str = "127.0.0.1",
) -> Iterator[S3Server]:
    """`minio server` (single drive) with its root credentials as the only key."""
    minio = _binary(MINIO)
    ports = free_ports(2)
    s3_port = port or ports[0]
    access = access_key or "minio" + secrets.token_hex(6)
    secret = secret_key or secrets.token_urlsafe(24)
    top = Path(tempfile.mkdtemp(prefix="minio-test-"))
    try:
        (top / "data").mkdir()
        env = {
            **os.environ,
            "MINIO_ROOT_USER": access,
            "MINIO_ROOT_PASSWORD": secret,
            "MINIO_BROWSER": "off",
            "MINIO_UPDATE": "off",
            "MINIO_CONFIG_ENV_FILE": "",
            "HOME": str(top),  # minio writes ~/.minio (certs dir) otherwise
        }
        cmd = [
            str(minio),
            "server",
            "--quiet",
            "--address",
            f"{host}:{s3_port}",
            "--console-address",
            f"127.0.0.1:{ports[1]}",
            str(top / "data"),
        ]
        server = S3Server("minio", f"http://{host}:{s3_port}", access, secret)
        with _serve(cmd, env, top, server) as running:
            yield running
    finally:
        shutil.rmtree(top, ignore_errors=True)


RUNNERS: dict[str, Callable[..., contextlib.AbstractContextManager[S3Server]]] = {
    "seaweedfs": running_seaweedfs,
    "minio": running_minio,
}


@pytest.fixture(scope="session")
def seaweedfs_server() -> Iterator[S3Server]:
    with running_seaweedfs() as server:
        yield server


@pytest.fixture(scope="session")
def minio_server() -> Iterator[S3Server]:
    with running_minio() as server:
        yield server


@pytest.fixture(params=sorted(RUNNERS))
def s3_server(request: pytest.FixtureRequest) -> S3Server:
    """Each S3 implementation an overlay uses (one shared server per kind per session)."""
    server: S3Server = request.getfixturevalue(f"{request.param}_server")
    return server
