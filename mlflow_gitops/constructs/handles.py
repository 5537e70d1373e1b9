"""Handles passed between constructs: where routes send traffic, what auth options get."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from mlflow_gitops.config import Server
from mlflow_gitops.constructs.database import MetadataDatabase


@dataclass(frozen=True)
class Backend:
    """A Service of the overlay's namespace and the port a route targets."""

    service: str
    port: int

    def url(self, namespace: str) -> str:
        return f"http://{self.service}.{namespace}.svc.cluster.local:{self.port}"


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
