"""What each option family offers the composition, and how its construct is built.

One Protocol per family (database, artifact store, auth, TLS, exposure, network policy):
the chart asks an option for what it needs (the server's wiring, bootstrap steps,
migrations, wait targets, the UI backend it fronts) and mypy checks every question. A
second Protocol per family is its constructor, so the registries in ``mlflow_gitops.app``
carry classes whose keyword arguments and offers mypy checks at the call.
"""

from __future__ import annotations

from typing import Any, Protocol

from constructs import Construct

from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.database import DatabaseEndpoint, MetadataDatabase
from mlflow_gitops.constructs.handles import AuthHandles, Backend, TlsHandle
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.migrations import MigrationStep
from mlflow_gitops.constructs.network_policy import WorkloadPolicy
from mlflow_gitops.constructs.peers import Flow, NamespacePods, Need
from mlflow_gitops.constructs.server import HealthEndpoints
from mlflow_gitops.constructs.waits import WaitTarget
from mlflow_gitops.constructs.wiring import ServerWiring


class HasBootstrapSteps(Protocol):
    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        """Argo CD hook Jobs this option needs (none: an empty tuple)."""
        ...


class HasPeers(Protocol):
    @property
    def access(self) -> tuple[Need, ...]:
        """What a client (the server, a Job) needs to reach what this option provides."""
        ...


class DatabaseOption(MetadataDatabase, HasBootstrapSteps, HasPeers, Protocol):
    @property
    def endpoint(self) -> DatabaseEndpoint: ...

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        """Traffic of the option's own pods besides its clients' (an operator, replication)."""
        ...


class ArtifactStoreOption(HasBootstrapSteps, HasPeers, Protocol):
    @property
    def wiring(self) -> ServerWiring: ...

    @property
    def wait_targets(self) -> tuple[WaitTarget, ...]:
        """Endpoints the server waits for before it starts (an S3 endpoint)."""
        ...


class AuthOption(HasBootstrapSteps, HasPeers, Protocol):
    @property
    def wiring(self) -> ServerWiring: ...

    @property
    def migrations(self) -> tuple[MigrationStep, ...]:
        """Schema upgrades of the option's own user store, after the tracking schema."""
        ...

    @property
    def ui_backend(self) -> Backend | None:
        """The proxy browsers reach instead of MLflow; None: MLflow serves the UI itself."""
        ...

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        """Traffic of the proxy's pods (to MLflow, to its identity provider)."""
        ...

    @property
    def checks_every_request(self) -> bool:
        """Whether MLflow itself authenticates each request (then a direct call is safe)."""
        ...

    @property
    def health(self) -> HealthEndpoints:
        """The server's probe endpoints under this option's ``--app-name``."""
        ...


class ExposureOption(Protocol):
    """A route from outside the cluster to the UI and API backends."""

    @property
    def sources(self) -> tuple[NamespacePods, ...]:
        """The pods the routed traffic comes from (an ingress controller, a gateway)."""
        ...

    @property
    def backends(self) -> tuple[Backend, ...]:
        """The Services the route sends traffic to."""
        ...


class NetworkPolicyOption(Protocol):
    """Policies around the overlay's pods."""


# --- constructors: what the registries hold ------------------------------------------------
# ``settings`` is the option's own model; the registry's key says which (a test checks that
# each class's ``settings`` annotation is its key).


class DatabaseClass(Protocol):
    def __call__(
        self, scope: Construct, id: str, *, identity: Identity, settings: Any
    ) -> DatabaseOption: ...


class ArtifactStoreClass(Protocol):
    def __call__(
        self, scope: Construct, id: str, *, identity: Identity, settings: Any
    ) -> ArtifactStoreOption: ...


class AuthClass(Protocol):
    def __call__(
        self, scope: Construct, id: str, *, identity: Identity, settings: Any, handles: AuthHandles
    ) -> AuthOption: ...


class TlsClass(Protocol):
    def __call__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: Any,
        hosts: tuple[str, ...],
    ) -> TlsHandle: ...


class ExposureClass(Protocol):
    def __call__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: Any,
        tls: TlsHandle,
        ui: Backend,
        api: Backend,
    ) -> ExposureOption: ...


class NetworkPolicyClass(Protocol):
    def __call__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: Any,
        policies: tuple[WorkloadPolicy, ...],
    ) -> NetworkPolicyOption: ...
