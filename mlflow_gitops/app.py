"""One overlay -> one chart: picks the construct for each option and wires them together."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import cdk8s
from constructs import Construct

from mlflow_gitops.config import (
    ExternalPostgres,
    KeycloakOidc,
    NginxIngress,
    Overlay,
    S3Artifacts,
    VolumeArtifacts,
)
from mlflow_gitops.constructs.artifacts import S3ArtifactStore, VolumeArtifactStore
from mlflow_gitops.constructs.auth import KeycloakOidcAuth
from mlflow_gitops.constructs.database import ExternalPostgresDatabase
from mlflow_gitops.constructs.exposure import NginxIngressExposure
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.namespace import MlflowNamespace
from mlflow_gitops.constructs.server import MlflowServer
from mlflow_gitops.constructs.storage import ServerVolumes

# Each option of the overlay model is rendered by exactly one construct class.
# Adding an option is adding a model, a class and one line here.
DATABASES: Mapping[type, Any] = {ExternalPostgres: ExternalPostgresDatabase}
ARTIFACT_STORES: Mapping[type, Any] = {
    VolumeArtifacts: VolumeArtifactStore,
    S3Artifacts: S3ArtifactStore,
}
AUTHS: Mapping[type, Any] = {KeycloakOidc: KeycloakOidcAuth}
EXPOSURES: Mapping[type, Any] = {NginxIngress: NginxIngressExposure}

# Files of this repository that the rendered objects ship (plugin and Job sources),
# read once at the edge and handed in, so that constructs do no I/O.
ProjectFiles = Mapping[str, str]


class RenderError(Exception):
    """The repository, not the overlay, lacks something a chart needs."""


def shipped(files: ProjectFiles, path: str) -> str:
    if path not in files:
        raise RenderError(f"{path}: file not found; the chart ships it. Fix: restore the file")
    return files[path]


def public_hosts(settings: Overlay) -> tuple[str, ...]:
    return (settings.exposure.host,)


def in_cluster_hosts(identity: Identity, port: int) -> tuple[str, ...]:
    names = (
        identity.app,
        f"{identity.app}.{identity.namespace}",
        f"{identity.app}.{identity.namespace}.svc",
        f"{identity.app}.{identity.namespace}.svc.cluster.local",
    )
    return tuple(host for name in names for host in (name, f"{name}:{port}"))


class MlflowChart(cdk8s.Chart):
    """Every object of one overlay."""

    def __init__(
        self, scope: Construct, overlay: str, settings: Overlay, files: ProjectFiles
    ) -> None:
        super().__init__(scope, overlay, disable_resource_name_hashes=True)
        identity = Identity(app=settings.name, overlay=overlay, namespace=settings.namespace)
        hosts = public_hosts(settings)
        public_url = f"https://{hosts[0]}"

        MlflowNamespace(self, "namespace", identity=identity)
        volumes = ServerVolumes(self, "volumes", identity=identity, claims=settings.volumes)
        database = DATABASES[type(settings.database)](self, "database", settings=settings.database)
        artifacts = ARTIFACT_STORES[type(settings.artifacts)](
            self, "artifacts", settings=settings.artifacts
        )
        auth = AUTHS[type(settings.auth)](
            self,
            "auth",
            identity=identity,
            settings=settings.auth,
            database=database,
            public_url=public_url,
            plugin_source=shipped(files, f"plugins/{settings.auth.group_detection_plugin}.py"),
        )
        server = MlflowServer(
            self,
            "server",
            identity=identity,
            settings=settings.server,
            wiring=database.wiring + artifacts.wiring + auth.wiring + volumes.wiring,
            allowed_hosts=hosts + in_cluster_hosts(identity, settings.server.port),
            cors_origins=tuple(f"https://{host}" for host in hosts),
        )
        EXPOSURES[type(settings.exposure)](
            self,
            "exposure",
            identity=identity,
            settings=settings.exposure,
            service_name=server.service_name,
            service_port=server.port,
        )
