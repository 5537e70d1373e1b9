"""A real GCS JSON-API server for tests: fake-gcs-server on a free loopback port, temp storage.

The Google client reaches it through STORAGE_EMULATOR_HOST (and then sends no credentials:
the emulator does not check them).
- `running_fake_gcs(port)`: context manager (choose `port` to start it late);
- `gcs_server`: session-scoped fixture.
Binary: tools/install/42_object_stores.sh (.cache/object-stores/bin/fake-gcs-server).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from tests.servers.processes import free_ports, stop_process_group
from tests.servers.s3 import CACHE, INSTALL_SCRIPT, STOP_TIMEOUT, wait_until

FAKE_GCS = CACHE / "bin" / "fake-gcs-server"


@dataclass(frozen=True)
class GcsServer:
    endpoint: str
    project: str = "mlflow-test-project"

    def client_env(self) -> dict[str, str]:
        return {"STORAGE_EMULATOR_HOST": self.endpoint}

    def job_env(self) -> dict[str, str]:
        return {"ARTIFACT_STORE": "gcs", "GCS_PROJECT": self.project, **self.client_env()}


@contextlib.contextmanager
def running_fake_gcs(port: int | None = None, host: str = "127.0.0.1") -> Iterator[GcsServer]:
    if not FAKE_GCS.is_file():
        pytest.fail(f"fake-gcs-server missing at {FAKE_GCS}: run {INSTALL_SCRIPT}")
    port = port or free_ports(1)[0]
    top = Path(tempfile.mkdtemp(prefix="fake-gcs-test-"))
    endpoint = f"http://{host}:{port}"
    log = top / "server.log"
    try:
        cmd = [
            str(FAKE_GCS),
            "-scheme",
            "http",
            "-host",
            host,
            "-port",
            str(port),
            "-backend",
            "filesystem",
            "-filesystem-root",
            str(top / "storage"),
            "-public-host",
            f"{host}:{port}",
            "-external-url",
            endpoint,
            "-log-level",
            "warn",
        ]
        with log.open("wb") as out:
            proc = subprocess.Popen(
                cmd, cwd=top, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        try:
            wait_until(
                lambda: (
                    requests.get(
                        f"{endpoint}/storage/v1/b", params={"project": "x"}, timeout=2
                    ).status_code
                    == 200
                ),
                proc,
                log,
                f"fake-gcs-server at {endpoint}",
            )
            yield GcsServer(endpoint)
        finally:
            stop_process_group(proc, STOP_TIMEOUT)
    finally:
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture(scope="session")
def gcs_server() -> Iterator[GcsServer]:
    with running_fake_gcs() as server:
        yield server
