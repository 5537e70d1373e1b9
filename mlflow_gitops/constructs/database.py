"""Where MLflow keeps its metadata. Each database option offers the same small handle."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from constructs import Construct

from mlflow_gitops.config import ExternalPostgres
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.peers import Flow, Need, reach_host
from mlflow_gitops.constructs.wiring import ServerWiring, from_secret, plain


@dataclass(frozen=True)
class DatabaseEndpoint:
    """Where the server reaches its database; pod_labels when its pods run in the namespace."""

    host: str
    port: int
    pod_labels: Mapping[str, str] | None = None


class MetadataDatabase(Protocol):
    """What the server and the auth option need from a database option."""

    @property
    def wiring(self) -> ServerWiring: ...

    def uri_for(self, database: str) -> str:
        """A SQLAlchemy URI for another database on the same server, with no password in it."""
        ...


class ExternalPostgresDatabase(Construct):
    """A PostgreSQL server run by the platform (docs/overlays/homelab.md: the shared
    ``postgresql-official``).

    The password is never part of a URI or an argument: libpq reads ``PGPASSWORD``, so
    the backend store URI carries only user, host, port and database.
    """

    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, settings: ExternalPostgres
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self._app = identity.app

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        return ServerWiring(
            env=(
                # The original homelab mlflow-db-secret keys, kept as the container's variable
                # names.
                plain("DB_HOST", s.host),
                plain("DB_PORT", str(s.port)),
                plain("DB_NAME", s.database),
                plain("DB_USER", s.user),
                from_secret("DB_PASSWORD", s.password.name, s.password.key),
                from_secret("PGPASSWORD", s.password.name, s.password.key),
                plain("MLFLOW_BACKEND_STORE_URI", self.uri_for("$(DB_NAME)")),
            )
        )

    def uri_for(self, database: str) -> str:
        return f"postgresql://$(DB_USER)@$(DB_HOST):$(DB_PORT)/{database}"

    @property
    def endpoint(self) -> DatabaseEndpoint:
        # Outside the namespace: no pod labels a policy could name.
        return DatabaseEndpoint(self._settings.host, self._settings.port)

    @property
    def access(self) -> tuple[Need, ...]:
        return (reach_host("database", self._settings.host, self._settings.port),)

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        return ()

    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        """With an admin login: MLflow's own least-privilege login and its two databases."""
        s = self._settings
        if s.admin is None:
            return ()
        admin = s.admin
        return (
            BootstrapStep(
                name=f"{self._app}-db-setup",
                script="database_bootstrap.py",
                wiring=ServerWiring(
                    env=(
                        plain("PGHOST", s.host),
                        plain("PGPORT", str(s.port)),
                        plain("PGDATABASE", admin.maintenance_database),
                        from_secret("PGUSER", admin.secret, admin.user_key),
                        from_secret("PGPASSWORD", admin.secret, admin.password_key),
                        plain("MLFLOW_DB_USER", s.user),
                        from_secret("MLFLOW_DB_PASSWORD", s.password.name, s.password.key),
                        plain("MLFLOW_DB_NAME", s.database),
                        plain("MLFLOW_AUTH_DB_NAME", s.extra_databases[0]),
                    )
                ),
                needs=self.access,
            ),
        )
