"""STYLE.md "Contracts, not probes": the composition in app.py is checked by mypy, and a new
option is a model, a class and one registry line.

mypy runs on a copy of app.py (outside the package, importing the real package): unchanged
it passes; with a misspelt keyword, an attribute no contract offers, or a class of the
wrong family in a registry, mypy --strict fails with that error. Before the contracts the
registries were ``Mapping[type, Any]`` and all three copies passed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import cdk8s
import pytest
import yaml
from constructs import Construct

from mlflow_gitops import app
from mlflow_gitops.config import SecretKeyRef, Strict, secret_refs
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.peers import Need, reach_host
from mlflow_gitops.constructs.waits import WaitTarget
from mlflow_gitops.constructs.wiring import ServerWiring, from_secret
from mlflow_gitops.output import read_project_files
from mlflow_gitops.overlays import load_overlay

ROOT = Path(__file__).resolve().parents[2]
APP = (ROOT / "mlflow_gitops" / "app.py").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module's runs: only the copied file differs between them."""
    return tmp_path_factory.mktemp("mypy-cache")


def mypy(source: str, tmp_path: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    module = tmp_path / "composition.py"
    module.write_text(source, encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(cache),
            "--strict",
            str(module),
        ],
        cwd=ROOT,
        env={**os.environ, "MYPYPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def broken(old: str, new: str) -> str:
    assert APP.count(old) == 1, f"app.py no longer contains {old!r}: update this test"
    return APP.replace(old, new)


def test_the_composition_as_written_passes_mypy_strict(tmp_path: Path, mypy_cache: Path) -> None:
    result = mypy(APP, tmp_path, mypy_cache)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        pytest.param(
            'self, "database", identity=identity, settings=settings.database',
            'self, "database", identty=identity, settings=settings.database',
            'Unexpected keyword argument "identty"',
            id="misspelt-keyword",
        ),
        pytest.param(
            "auth_steps=auth.migrations,",
            "auth_steps=auth.migratoins,",
            '"AuthOption" has no attribute "migratoins"',
            id="attribute-no-contract-offers",
        ),
        pytest.param(
            "    CnpgPostgres: CnpgDatabase,\n",
            "    CnpgPostgres: GcsArtifactStore,\n",
            'Dict entry 1 has incompatible type "type[CnpgPostgres]": "type[GcsArtifactStore]"',
            id="class-of-the-wrong-family",
        ),
    ],
)
def test_mypy_strict_catches_a_broken_composition(
    tmp_path: Path, mypy_cache: Path, old: str, new: str, error: str
) -> None:
    result = mypy(broken(old, new), tmp_path, mypy_cache)
    assert result.returncode == 1, result.stdout
    assert error in result.stdout, result.stdout


REGISTRIES = {
    "DATABASES": app.DATABASES,
    "ARTIFACT_STORES": app.ARTIFACT_STORES,
    "AUTHS": app.AUTHS,
    "TLS": app.TLS,
    "EXPOSURES": app.EXPOSURES,
    "NETWORK_POLICIES": app.NETWORK_POLICIES,
}


@pytest.mark.parametrize("registry", sorted(REGISTRIES))
def test_each_class_takes_the_model_it_is_registered_for(registry: str) -> None:
    """The constructor Protocols type ``settings`` as Any; this closes that gap."""
    for model, construct in REGISTRIES[registry].items():
        hints = typing.get_type_hints(construct.__init__)  # type: ignore[misc]
        assert hints["settings"] is model, f"{registry}: {construct} takes {hints['settings']}"


# --- a sixth option, defined here and nowhere else ------------------------------------------


class SftpArtifacts(Strict):
    """A test-only artifact store: an SFTP server (MLflow's sftp:// artifact repository)."""

    kind: Literal["sftp"]
    host: str
    port: int = 22
    path: str
    password: SecretKeyRef


class SftpArtifactStore(Construct):
    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, settings: SftpArtifacts
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self._app = identity.app

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        return ServerWiring(
            args=("--serve-artifacts", f"--artifacts-destination=sftp://{s.host}{s.path}"),
            env=(from_secret("SFTP_PASSWORD", s.password.name, s.password.key),),
        )

    @property
    def wait_targets(self) -> tuple[WaitTarget, ...]:
        return (WaitTarget("sftp", self._settings.host, self._settings.port),)

    @property
    def access(self) -> tuple[Need, ...]:
        return (reach_host("object-store", self._settings.host, self._settings.port),)

    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        return (
            BootstrapStep(
                name=f"{self._app}-sftp-setup",
                script="bucket_bootstrap.py",
                wiring=ServerWiring(env=self.wiring.env),
                needs=self.access,
            ),
        )


def _render(settings: Any) -> dict[str, Mapping[str, Any]]:
    chart = app.MlflowChart(cdk8s.App(), "sixth", settings, read_project_files(ROOT))
    return {f"{o['kind']}/{o['metadata']['name']}": o for o in chart.to_json()}


def test_a_sixth_option_is_a_model_a_class_and_one_registry_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(app.ARTIFACT_STORES, SftpArtifacts, SftpArtifactStore)
    base = load_overlay(ROOT / "overlays", "bitnami-legacy").settings
    store = SftpArtifacts(
        kind="sftp",
        host="files.example.org",
        path="/srv/mlflow",
        password=SecretKeyRef(name="sftp-creds", key="password"),
    )
    # The overlay's union lists the shipped options; a copy with the new one stands in for
    # the one line a real option adds there.
    settings = base.model_copy(update={"artifacts": store})
    # The secret check walks the new model without being told about it.
    assert ("sftp-creds", "password") in secret_refs(settings)

    objects = _render(settings)
    pod = objects["Deployment/mlflow"]["spec"]["template"]["spec"]
    server = pod["containers"][0]
    assert "--artifacts-destination=sftp://files.example.org/srv/mlflow" in server["args"]
    assert {
        "name": "SFTP_PASSWORD",
        "valueFrom": {"secretKeyRef": {"key": "password", "name": "sftp-creds"}},
    } in server["env"]
    waits = [c for c in pod["initContainers"] if c["name"].startswith("wait-for-")]
    assert [c["name"] for c in waits] == ["wait-for-database", "wait-for-sftp"]
    assert waits[1]["args"][:2] == ["files.example.org", "22"]
    assert "Job/mlflow-sftp-setup" in objects
    # The S3 store it replaced leaves nothing behind: no bucket Job, no S3 endpoint.
    assert "Job/mlflow-bucket-setup" not in objects
    assert "MLFLOW_S3_ENDPOINT_URL" not in yaml.safe_dump(server)
    # The network policies follow: the server and the new Job reach the SFTP port, and the
    # S3 endpoint's port (443) is no longer among the server's egress ports.
    for policy in ("NetworkPolicy/allow-mlflow", "NetworkPolicy/allow-mlflow-sftp-setup"):
        ports = [p["port"] for rule in objects[policy]["spec"]["egress"] for p in rule["ports"]]
        assert 22 in ports, policy
    server_ports = [
        p["port"]
        for rule in objects["NetworkPolicy/allow-mlflow"]["spec"]["egress"]
        for p in rule["ports"]
    ]
    assert 443 not in server_ports
