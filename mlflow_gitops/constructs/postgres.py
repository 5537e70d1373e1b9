"""What every in-namespace PostgreSQL option hands the server: the same env as an external one."""

from __future__ import annotations

from cdk8s_plus_35 import k8s

from mlflow_gitops.constructs.wiring import ServerWiring, from_secret, plain

PORT = 5432


def postgres_wiring(
    *, host: str, port: int, database: str, user: str, password: tuple[str, str]
) -> ServerWiring:
    """libpq reads ``PGPASSWORD``, so no URI or argument ever carries the password."""
    return ServerWiring(
        env=(
            plain("DB_HOST", host),
            plain("DB_PORT", str(port)),
            plain("DB_NAME", database),
            plain("DB_USER", user),
            from_secret("PGPASSWORD", *password),
            plain("MLFLOW_BACKEND_STORE_URI", postgres_uri("$(DB_NAME)")),
        )
    )


def postgres_uri(database: str) -> str:
    # $(VAR) is expanded by Kubernetes from the variables postgres_wiring defines first.
    return f"postgresql://$(DB_USER)@$(DB_HOST):$(DB_PORT)/{database}"


def connection_env(wiring: ServerWiring) -> tuple[k8s.EnvVar, ...]:
    """The database part of a wiring, for init containers that talk to the same server."""
    return tuple(var for var in wiring.env if var.name != "MLFLOW_BACKEND_STORE_URI")
