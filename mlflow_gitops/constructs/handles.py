"""Handles passed between constructs: where routes send traffic, what auth options get."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from mlflow_gitops.config import Server
from mlflow_gitops.constructs.database import MetadataDatabase
from mlflow_gitops.constructs.peers import Need, Pods, tcp


@dataclass(frozen=True)
class Backend:
    """A Service of the overlay's namespace and the port a route targets.

    ``pods`` are the pods behind it, for the network policies; their port is ``port`` (each
    of our Services forwards its port to a container port of the same number).
    """

    service: str
    port: int
    pods: Pods | None = None

    def url(self, namespace: str) -> str:
        return f"http://{self.service}.{namespace}.svc.cluster.local:{self.port}"

    @property
    def needs(self) -> tuple[Need, ...]:
        """What a client of the namespace needs to call it."""
        return (Need(self.pods, tcp(self.port)),) if self.pods else ()


@dataclass(frozen=True)
class AuthHandles:
    """What an auth option may use: the database, the server, its public URL and files."""

    database: MetadataDatabase
    server: Server
    mlflow: Backend  # the MLflow Service, for proxies in front of it
    public_url: str
    files: Mapping[str, str]


class TlsHandle(Protocol):
    """What every TLS option offers the exposure."""

    @property
    def secret_name(self) -> str | None:
        """The TLS Secret the route serves; None when the Gateway terminates TLS."""
        ...

    @property
    def annotations(self) -> Mapping[str, str]:
        """Annotations the route needs (e.g. cert-manager's issuer annotation)."""
        ...
