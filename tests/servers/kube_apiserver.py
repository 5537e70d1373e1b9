"""A real Kubernetes API for tests: etcd + kube-apiserver on loopback ports, RBAC on.

Two ways in:
- `running_etcd()` / `running_kube_apiserver()`: context managers (pick the port yourself to
  start an API server late, e.g. after a client is already waiting for it);
- `kube_apiserver`: a session-scoped fixture sharing one etcd + API server across the session.

The fixture makes its own CA, serving certificate (SAN 127.0.0.1) and service-account signing
key, so clients verify TLS as in a pod. The admin authenticates with a static token (group
system:masters); clients under test get real ServiceAccount tokens from the TokenRequest API and
only the Role a test grants them, so RBAC denials are the API server's own. No controller
manager runs: nothing here needs one (namespaces are created, never deleted).
Binaries: tools/install/45_kube_apiserver.sh.
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.servers.processes import free_port

INSTALL_SCRIPT = "tools/install/45_kube_apiserver.sh"
ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".cache" / "bin"
ISSUER = "https://kubernetes.default.svc"
START_TIMEOUT = 120.0  # kube-apiserver needs 5-30 s on a busy 2-core machine
STOP_TIMEOUT = 15.0


def binary(name: str) -> Path:
    path = BIN / name
    if not path.is_file():
        pytest.fail(f"{path} missing: run {INSTALL_SCRIPT}")
    return path


# --- PKI -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pki:
    ca_file: Path
    cert_file: Path
    key_file: Path
    sa_public: Path
    sa_private: Path


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def make_pki(directory: Path) -> Pki:
    """A throw-away CA, a serving certificate for 127.0.0.1/localhost and an SA signing key."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test-kubernetes-ca")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kube-apiserver")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                    x509.DNSName("localhost"),
                    x509.DNSName("kubernetes.default.svc"),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    sa_key = ec.generate_private_key(ec.SECP256R1())
    pki = Pki(
        ca_file=directory / "ca.crt",
        cert_file=directory / "apiserver.crt",
        key_file=directory / "apiserver.key",
        sa_public=directory / "sa.pub",
        sa_private=directory / "sa.key",
    )
    pki.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    pki.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    pki.key_file.write_bytes(_pem_key(key))
    pki.sa_private.write_bytes(_pem_key(sa_key))
    pki.sa_public.write_bytes(
        sa_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    for private in (pki.key_file, pki.sa_private):
        private.chmod(0o600)
    return pki


# --- processes -----------------------------------------------------------------------------


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else "(no log)"


@contextlib.contextmanager
def running_etcd(workdir: Path) -> Iterator[str]:
    """etcd on two free loopback ports; yields the client URL."""
    client, peer = free_port(), free_port()
    client_url, peer_url = f"http://127.0.0.1:{client}", f"http://127.0.0.1:{peer}"
    log = workdir / "etcd.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(binary("etcd")),
                "--name=test",
                f"--data-dir={workdir / 'etcd-data'}",
                f"--listen-client-urls={client_url}",
                f"--advertise-client-urls={client_url}",
                f"--listen-peer-urls={peer_url}",
                f"--initial-advertise-peer-urls={peer_url}",
                f"--initial-cluster=test={peer_url}",
                "--log-level=warn",
                "--unsafe-no-fsync",  # throw-away data: skip fsync, the disk is shared
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=workdir,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"etcd exited with {process.returncode}:\n{_tail(log)}")
            with contextlib.suppress(requests.RequestException, ValueError):
                if requests.get(f"{client_url}/health", timeout=2).json()["health"] == "true":
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"etcd not healthy after {START_TIMEOUT:.0f}s:\n{_tail(log)}")
            time.sleep(0.2)
        yield client_url
    finally:
        _stop(process)


@dataclass(frozen=True)
class KubeApiServer:
    url: str
    ca_file: Path
    admin_token: str
    workdir: Path

    def request(
        self, method: str, path: str, body: object = None, *, token: str | None = None
    ) -> requests.Response:
        return requests.request(
            method,
            self.url + path,
            json=body,
            headers={"Authorization": f"Bearer {token or self.admin_token}"},
            verify=str(self.ca_file),
            timeout=30,
        )

    def admin(self, method: str, path: str, body: object = None) -> dict[str, Any]:
        """An admin call that must succeed; returns the decoded object."""
        reply = self.request(method, path, body)
        if reply.status_code >= 300:
            pytest.fail(f"{method} {path} as admin: HTTP {reply.status_code}: {reply.text}")
        result: dict[str, Any] = reply.json()
        return result

    def create_namespace(self, prefix: str = "t") -> str:
        name = f"{prefix}-{secrets.token_hex(4)}"
        self.admin("POST", "/api/v1/namespaces", {"metadata": {"name": name}})
        return name

    def service_account(self, namespace: str, name: str, rules: list[dict[str, Any]]) -> str:
        """A ServiceAccount bound to a Role with exactly `rules`; returns a fresh token for it."""
        ns = f"/api/v1/namespaces/{namespace}"
        rbac = f"/apis/rbac.authorization.k8s.io/v1/namespaces/{namespace}"
        self.admin("POST", f"{ns}/serviceaccounts", {"metadata": {"name": name}})
        self.admin("POST", f"{rbac}/roles", {"metadata": {"name": name}, "rules": rules})
        self.admin(
            "POST",
            f"{rbac}/rolebindings",
            {
                "metadata": {"name": name},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": name},
                "subjects": [{"kind": "ServiceAccount", "name": name, "namespace": namespace}],
            },
        )
        request = {
            "apiVersion": "authentication.k8s.io/v1",
            "kind": "TokenRequest",
            "spec": {"expirationSeconds": 3600},
        }
        token = self.admin("POST", f"{ns}/serviceaccounts/{name}/token", request)
        return str(token["status"]["token"])


def write_token_file(workdir: Path, admin_token: str) -> Path:
    path = workdir / "tokens.csv"
    path.write_text(f'{admin_token},test-admin,test-admin,"system:masters"\n')
    path.chmod(0o600)
    return path


@contextlib.contextmanager
def running_kube_apiserver(
    workdir: Path,
    etcd_url: str,
    pki: Pki,
    admin_token: str,
    *,
    port: int | None = None,
    wait: bool = True,
) -> Iterator[KubeApiServer]:
    """kube-apiserver on 127.0.0.1:`port` (a free one if None) with RBAC and token auth.

    Several may share one etcd and PKI (like an HA control plane); `wait=False` returns at
    once so a client can be seen waiting for a server that is still starting.
    """
    port = port or free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    tokens = write_token_file(workdir, admin_token)
    log = workdir / "kube-apiserver.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                str(binary("kube-apiserver")),
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                f"--secure-port={port}",
                f"--etcd-servers={etcd_url}",
                f"--tls-cert-file={pki.cert_file}",
                f"--tls-private-key-file={pki.key_file}",
                f"--client-ca-file={pki.ca_file}",
                f"--token-auth-file={tokens}",
                "--authorization-mode=RBAC",
                f"--service-account-issuer={ISSUER}",
                f"--service-account-key-file={pki.sa_public}",
                f"--service-account-signing-key-file={pki.sa_private}",
                f"--api-audiences={ISSUER}",
                "--service-cluster-ip-range=10.96.0.0/24",
                # Loopback test server: no kubernetes Service endpoints, no flow control.
                "--endpoint-reconciler-type=none",
                "--enable-priority-and-fairness=false",
                "--profiling=false",
                f"--cert-dir={workdir / 'certs'}",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=workdir,
        )
    server = KubeApiServer(f"https://127.0.0.1:{port}", pki.ca_file, admin_token, workdir)
    try:
        if wait:
            _wait_ready(server, process, log)
        yield server
    finally:
        _stop(process)


def _wait_ready(server: KubeApiServer, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    last = "no answer"
    while True:
        if process.poll() is not None:
            pytest.fail(f"kube-apiserver exited with {process.returncode}:\n{_tail(log)}")
        try:
            reply = server.request("GET", "/readyz")
            if reply.status_code == 200:
                return
            last = f"HTTP {reply.status_code}: {reply.text[-500:]}"
        except requests.RequestException as exc:
            last = type(exc).__name__
        if time.monotonic() > deadline:
            pytest.fail(
                f"kube-apiserver not ready after {START_TIMEOUT:.0f}s ({last}):\n{_tail(log)}"
            )
        time.sleep(0.3)


@dataclass(frozen=True)
class KubeCluster:
    """The session's API server plus what a test needs to start a second one on the same etcd."""

    api: KubeApiServer
    etcd_url: str
    pki: Pki
    workdir: Path

    @contextlib.contextmanager
    def another_apiserver(self, port: int, *, wait: bool) -> Iterator[KubeApiServer]:
        workdir = Path(tempfile.mkdtemp(prefix="apiserver-", dir=self.workdir))
        with running_kube_apiserver(
            workdir, self.etcd_url, self.pki, self.api.admin_token, port=port, wait=wait
        ) as server:
            yield server


@pytest.fixture(scope="session")
def kube_apiserver() -> Iterator[KubeCluster]:
    """One etcd + kube-apiserver for the session; tests isolate themselves by namespace."""
    binary("etcd")
    binary("kube-apiserver")
    workdir = Path(tempfile.mkdtemp(prefix="kube-test-"))
    try:
        pki = make_pki(workdir)
        admin_token = secrets.token_urlsafe(24)
        with (
            running_etcd(workdir) as etcd_url,
            running_kube_apiserver(workdir / "apiserver", etcd_url, pki, admin_token) as api,
        ):
            yield KubeCluster(api, etcd_url, pki, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
