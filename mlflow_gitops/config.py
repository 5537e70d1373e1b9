"""Overlay models: the typed, frozen description of one environment.

The defaults of these models are the base; an overlay file states only what differs.
Options that differ between environments are discriminated unions on ``kind``; each
option maps to exactly one construct class (see ``mlflow_gitops.app``).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

# RFC 1123 DNS names, as Kubernetes checks them for hosts and object names.
_DNS_LABEL = r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"
_DNS_SUBDOMAIN = rf"{_DNS_LABEL}(\.{_DNS_LABEL})*"
# Kubernetes resource quantities (``500Gi``, ``100m``, ``1.5``), as the API server parses them.
_QUANTITY = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[munkMGTPE])?"


class Strict(BaseModel):
    """Every model rejects unknown keys and is immutable once validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _not_latest(tag: str) -> str:
    if tag == "latest":
        raise ValueError("the tag 'latest' is not reproducible: pin a version or digest")
    return tag


ObjectName = Annotated[str, Field(pattern=rf"^{_DNS_LABEL}$", max_length=63)]
Hostname = Annotated[str, Field(pattern=rf"^{_DNS_SUBDOMAIN}$", max_length=253)]
Quantity = Annotated[str, Field(pattern=rf"^{_QUANTITY}$")]
ImageTag = Annotated[str, Field(pattern=r"^[\w][\w.-]{0,127}$"), AfterValidator(_not_latest)]
HttpUrl = Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
EnvName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]


class SecretKeyRef(Strict):
    """A key of a Secret that exists in the namespace; its value never appears in dist/."""

    name: ObjectName
    key: Annotated[str, Field(pattern=r"^[-._a-zA-Z0-9]+$")]


# --- the MLflow server -------------------------------------------------------------------


class Image(Strict):
    repository: Annotated[str, Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9._/:-]*$")]
    tag: ImageTag
    pull_policy: Literal["Always", "IfNotPresent", "Never"] = "IfNotPresent"
    pull_secret: ObjectName | None = None

    @property
    def reference(self) -> str:
        return f"{self.repository}:{self.tag}"


class Resources(Strict):
    # Seed 001 11_deploy: requests 100m CPU / 256Mi, limits 500m CPU / 1Gi.
    requests_cpu: Quantity = "100m"
    requests_memory: Quantity = "256Mi"
    limits_cpu: Quantity = "500m"
    limits_memory: Quantity = "1Gi"


class HttpProbe(Strict):
    path: Annotated[str, Field(pattern=r"^/")] = "/health"
    initial_delay_seconds: Annotated[int, Field(ge=0)] = 0
    timeout_seconds: Annotated[int, Field(ge=1)] = 5
    period_seconds: Annotated[int, Field(ge=1)] = 10
    failure_threshold: Annotated[int, Field(ge=1)] = 3


class Probes(Strict):
    # Seed 001 11_deploy: liveness 60 s initial delay, readiness 30 s, both 5 s timeout.
    liveness: HttpProbe = HttpProbe(initial_delay_seconds=60)
    readiness: HttpProbe = HttpProbe(initial_delay_seconds=30)


class RunAs(Strict):
    """The non-root identity every pod runs as (the image's numeric user)."""

    user: Annotated[int, Field(ge=1)] = 10001
    group: Annotated[int, Field(ge=1)] = 10001
    fs_group: Annotated[int, Field(ge=1)] = 10001


class Server(Strict):
    image: Image
    replicas: Annotated[int, Field(ge=1)] = 1
    port: Annotated[int, Field(ge=1, le=65535)] = 5000
    # Extra Service ports that forward to the server port (seed 000 calls port 80).
    extra_service_ports: tuple[Annotated[int, Field(ge=1, le=65535)], ...] = ()
    resources: Resources = Resources()
    probes: Probes = Probes()
    run_as: RunAs = RunAs()
    # None keeps MLflow's own default (the seed sets none).
    workers: Annotated[int, Field(ge=1)] | None = None


# --- persistent volumes ------------------------------------------------------------------


class VolumeClaim(Strict):
    """A PersistentVolumeClaim mounted into the server."""

    name: ObjectName
    size: Quantity
    storage_class: ObjectName
    access_modes: tuple[Literal["ReadWriteOnce", "ReadWriteMany", "ReadOnlyMany"], ...] = (
        "ReadWriteOnce",
    )
    mount_path: Annotated[str, Field(pattern=r"^/")]
    labels: dict[str, str] = {}


# --- database (one of) -------------------------------------------------------------------


class ExternalPostgres(Strict):
    """A PostgreSQL server the platform already runs (seed 001: the shared postgres)."""

    kind: Literal["external-postgres"]
    host: Hostname
    port: Annotated[int, Field(ge=1, le=65535)] = 5432
    database: ObjectName = "mlflow"
    user: ObjectName = "mlflow"
    password: SecretKeyRef = SecretKeyRef(name="mlflow-db-secret", key="DB_PASSWORD")


Database = Annotated[ExternalPostgres, Field(discriminator="kind")]


# --- artifact store (one of) -------------------------------------------------------------


class S3Connection(Strict):
    """An S3-compatible endpoint and the Secret holding its keys."""

    endpoint_url: HttpUrl
    bucket: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    credentials_secret: ObjectName
    access_key_id_key: str = "AWS_ACCESS_KEY_ID"
    secret_access_key_key: str = "AWS_SECRET_ACCESS_KEY"
    # Seed 001 turns TLS verification off for in-cluster traffic.
    ignore_tls: bool = False


class VolumeArtifacts(Strict):
    """Artifacts on a mounted volume, served to clients through the tracking server."""

    kind: Literal["volume"]
    claim: ObjectName
    path: Annotated[str, Field(pattern=r"^/")]
    # Credentials for runs whose artifact location is in this bucket (seed 001 keeps them).
    s3: S3Connection | None = None


class S3Artifacts(Strict):
    kind: Literal["s3"]
    s3: S3Connection
    prefix: str = ""


ArtifactStore = Annotated[VolumeArtifacts | S3Artifacts, Field(discriminator="kind")]


# --- authentication (one of) -------------------------------------------------------------


class KeycloakOidc(Strict):
    """mlflow-oidc-auth (``--app-name oidc-auth``) against a Keycloak realm (seed 001)."""

    kind: Literal["keycloak-oidc"]
    keycloak_url: HttpUrl
    realm: ObjectName
    client_id: ObjectName = "mlflow"
    client_secret: SecretKeyRef = SecretKeyRef(name="oauth2-proxy-secret", key="client-secret")
    secret_key: SecretKeyRef = SecretKeyRef(name="mlflow-secret-key", key="SECRET_KEY")
    provider_display_name: str = "Login with Keycloak"
    scope: str = "openid profile email"
    group_name: str = "mlflow-user"
    admin_group_name: str = "mlflow-admin"
    groups_attribute: str = "realm_access.roles"
    group_detection_plugin: Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")] = (
        "mlflow_keycloak_groups"
    )
    automatic_login_redirect: bool = True
    default_landing_page_is_permissions: bool = False
    # The plugin's permission database, beside MLflow's on the same server.
    users_database: ObjectName = "mlflow_auth"

    @property
    def issuer(self) -> str:
        return f"{self.keycloak_url.rstrip('/')}/realms/{self.realm}"


Auth = Annotated[KeycloakOidc, Field(discriminator="kind")]


# --- TLS and exposure --------------------------------------------------------------------


class CertManagerCertificate(Strict):
    """A cert-manager Certificate object writes the TLS Secret the exposure serves."""

    kind: Literal["cert-manager"]
    issuer_name: ObjectName
    issuer_kind: Literal["ClusterIssuer", "Issuer"] = "ClusterIssuer"
    secret_name: ObjectName = "mlflow-tls-secret"


Tls = Annotated[CertManagerCertificate, Field(discriminator="kind")]


class NginxIngress(Strict):
    kind: Literal["ingress"]
    host: Hostname
    class_name: ObjectName = "nginx"
    # Seed 001: unlimited request bodies, so large model uploads pass through nginx.
    annotations: dict[str, str] = {"nginx.ingress.kubernetes.io/proxy-body-size": "0"}
    tls: Tls


Exposure = Annotated[NginxIngress, Field(discriminator="kind")]


# --- the overlay -------------------------------------------------------------------------


class Overlay(Strict):
    """One environment. Its name is the overlay file's stem."""

    namespace: ObjectName = "mlflow"
    name: ObjectName = "mlflow"
    server: Server
    database: Database
    artifacts: ArtifactStore
    auth: Auth
    exposure: Exposure
    volumes: tuple[VolumeClaim, ...] = ()

    @model_validator(mode="after")
    def _references_resolve(self) -> Overlay:
        claims = {volume.name for volume in self.volumes}
        if isinstance(self.artifacts, VolumeArtifacts) and self.artifacts.claim not in claims:
            raise ValueError(
                f"artifacts.claim {self.artifacts.claim!r} names no entry of volumes "
                f"(known: {sorted(claims) or 'none'}): add it to volumes or fix the name"
            )
        paths = [volume.mount_path for volume in self.volumes]
        if len(set(paths)) != len(paths):
            raise ValueError("volumes: two claims share a mount_path; give each its own")
        return self


def overlay_json_schema() -> dict[str, object]:
    """The schema editors use to validate overlay files (committed as overlays/schema.json)."""
    schema = Overlay.model_json_schema()
    schema["$id"] = "overlays/schema.json"
    schema["title"] = "mlflow-gitops overlay"
    return schema
