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

    def own_secret_refs(self) -> tuple[tuple[str, str], ...]:
        """(Secret, key) pairs this model names other than through SecretKeyRef fields,
        which ``secret_refs`` finds by walking the fields."""
        return ()


def _not_latest(tag: str) -> str:
    if tag == "latest":
        raise ValueError("the tag 'latest' is not reproducible. Fix: pin a version or digest")
    return tag


ObjectName = Annotated[str, Field(pattern=rf"^{_DNS_LABEL}$", max_length=63)]
Hostname = Annotated[str, Field(pattern=rf"^{_DNS_SUBDOMAIN}$", max_length=253)]
Quantity = Annotated[str, Field(pattern=rf"^{_QUANTITY}$")]
ImageTag = Annotated[str, Field(pattern=r"^[\w][\w.-]{0,127}$"), AfterValidator(_not_latest)]
HttpUrl = Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
EnvName = Annotated[str, Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
# PostgreSQL database and role names as rendered unquoted-safe (the Bitnami chart's bn_mlflow).
PgName = Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]{0,62}$")]
SecretKey = Annotated[str, Field(pattern=r"^[-._a-zA-Z0-9]+$")]
# Label selectors as NetworkPolicies use them (namespaceSelector/podSelector matchLabels).
Labels = dict[Annotated[str, Field(pattern=r"^([a-z0-9.-]+/)?[A-Za-z0-9._-]{1,63}$")], str]
Cidr = Annotated[str, Field(pattern=r"^[0-9a-fA-F:.]+/\d{1,3}$")]


class SecretKeyRef(Strict):
    """A key of a Secret that exists in the namespace; its value never appears in dist/."""

    name: ObjectName
    key: Annotated[str, Field(pattern=r"^[-._a-zA-Z0-9]+$")]

    def own_secret_refs(self) -> tuple[tuple[str, str], ...]:
        return ((self.name, self.key),)


# --- the MLflow server -------------------------------------------------------------------


# The key of a pull Secret (type kubernetes.io/dockerconfigjson).
PULL_SECRET_KEY = ".dockerconfigjson"


class Image(Strict):
    repository: Annotated[str, Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9._/:-]*$")]
    tag: ImageTag
    pull_policy: Literal["Always", "IfNotPresent", "Never"] = "IfNotPresent"
    pull_secret: ObjectName | None = None

    @property
    def reference(self) -> str:
        return f"{self.repository}:{self.tag}"

    def own_secret_refs(self) -> tuple[tuple[str, str], ...]:
        return ((self.pull_secret, PULL_SECRET_KEY),) if self.pull_secret else ()


class Resources(Strict):
    # docs/overlays/homelab.md: requests 100m CPU / 256Mi, limits 500m CPU / 1Gi.
    requests_cpu: Quantity = "100m"
    requests_memory: Quantity = "256Mi"
    limits_cpu: Quantity = "500m"
    limits_memory: Quantity = "1Gi"


class HttpProbe(Strict):
    # None: the endpoint the server offers for this probe (the auth option knows: the OIDC
    # plugin serves /health/live and /health/ready, plain MLflow only /health).
    path: Annotated[str, Field(pattern=r"^/")] | None = None
    initial_delay_seconds: Annotated[int, Field(ge=0)] = 0
    timeout_seconds: Annotated[int, Field(ge=1)] = 5
    period_seconds: Annotated[int, Field(ge=1)] = 10
    failure_threshold: Annotated[int, Field(ge=1)] = 3


class Probes(Strict):
    # docs/overlays/homelab.md: liveness 60 s initial delay, readiness 30 s, both 5 s timeout.
    liveness: HttpProbe = HttpProbe(initial_delay_seconds=60)
    readiness: HttpProbe = HttpProbe(initial_delay_seconds=30)
    # Holds liveness back until the server answers: a cold start under the CPU limit (500m)
    # took 30-72 s here, close to the original setup's liveness budget (60 + 3 x 10 s) on a busy
    # node. 36 x 5 s = 180 s before the kubelet gives up; None renders no startup probe.
    startup: HttpProbe | None = HttpProbe(period_seconds=5, failure_threshold=36)


class RunAs(Strict):
    """The non-root identity every pod runs as (the image's numeric user)."""

    user: Annotated[int, Field(ge=1)] = 10001
    group: Annotated[int, Field(ge=1)] = 10001
    fs_group: Annotated[int, Field(ge=1)] = 10001


class Server(Strict):
    image: Image
    replicas: Annotated[int, Field(ge=1)] = 1
    port: Annotated[int, Field(ge=1, le=65535)] = 5000
    # Extra Service ports that forward to the server port (homelab's apps call port 80:
    # docs/overlays/homelab.md).
    extra_service_ports: tuple[Annotated[int, Field(ge=1, le=65535)], ...] = ()
    resources: Resources = Resources()
    probes: Probes = Probes()
    run_as: RunAs = RunAs()
    # The process model, chosen per MLflow version (README, "Process model and memory").
    # uvicorn is MLflow 3's default; gunicorn serves the WSGI app, which MLflow < 3.5 needs
    # for --app-name basic-auth (under uvicorn every request, /health included, answers 500).
    http_server: Literal["uvicorn", "gunicorn"] = "uvicorn"
    # Each worker imports MLflow: measured PSS of the whole process tree under 500m CPU:
    # 1 worker ~385 MiB, 2 ~570 MiB, 4 (MLflow's default) ~900 MiB idle, before any request.
    workers: Annotated[int, Field(ge=1)] = 2
    # The job runner of MLflow 3.16+ (huey, 7 consumer processes: +650 MiB at 4 workers) serves
    # server-side jobs (GenAI evaluation, prompt optimisation), not tracking or the registry.
    # None: render nothing, for images whose MLflow predates the setting (3.3.2 has none).
    job_execution: bool | None = False
    # MLflow >= 3.5 refuses unknown Host headers and needs the allow-list; older images
    # (Bitnami's 3.3.2) ignore it, so their overlays leave it out.
    host_check: bool = True


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


class PostgresAdmin(Strict):
    """An admin login of a PostgreSQL server the platform runs, from an operator's Secret.

    With it, the database bootstrap Job creates MLflow's own least-privilege login and its
    databases (the original homelab setup ran MLflow as the admin; we do not).
    """

    secret: ObjectName
    user_key: SecretKey = "username"
    password_key: SecretKey = "password"
    maintenance_database: PgName = "postgres"

    def own_secret_refs(self) -> tuple[tuple[str, str], ...]:
        return ((self.secret, self.user_key), (self.secret, self.password_key))


class ExternalPostgres(Strict):
    """A PostgreSQL server the platform already runs (docs/overlays/homelab.md: the shared
    postgres)."""

    kind: Literal["external-postgres"]
    host: Hostname
    port: Annotated[int, Field(ge=1, le=65535)] = 5432
    database: PgName = "mlflow"
    user: PgName = "mlflow"
    password: SecretKeyRef = SecretKeyRef(name="mlflow-db-secret", key="DB_PASSWORD")
    # Further databases owned by the same login (MLflow's auth user store).
    extra_databases: tuple[PgName, ...] = ()
    admin: PostgresAdmin | None = None

    @model_validator(mode="after")
    def _one_auth_database_with_admin(self) -> ExternalPostgres:
        if self.admin is not None and len(self.extra_databases) != 1:
            raise ValueError(
                "admin: the bootstrap Job creates the MLflow database and exactly one more "
                "(the auth user store). Fix: list exactly one in database.extra_databases"
            )
        return self

    def platform_admin(self) -> PostgresAdmin | None:
        return self.admin


class CnpgPostgres(Strict):
    """A CloudNativePG ``Cluster`` in the namespace (docs/overlays/authentik.md:
    ``mlflow-postgres``)."""

    kind: Literal["cnpg"]
    cluster_name: ObjectName = "mlflow-postgres"
    instances: Annotated[int, Field(ge=1)] = 1
    storage_class: ObjectName
    size: Quantity
    database: PgName = "mlflow"
    # initdb makes this role the owner; the Secret's ``username`` must equal it.
    owner: PgName = "mlflow"
    # CloudNativePG reads ``username`` and ``password`` from this Secret.
    credentials_secret: ObjectName
    # Further databases owned by the same role (e.g. MLflow's auth database).
    extra_databases: tuple[PgName, ...] = ()
    # Where the operator runs: it must reach every instance on 8000 (status) and 5432.
    operator_namespace: ObjectName = "cnpg-system"
    operator_labels: Labels = {"app.kubernetes.io/name": "cloudnative-pg"}

    def own_secret_refs(self) -> tuple[tuple[str, str], ...]:
        return ((self.credentials_secret, "username"), (self.credentials_secret, "password"))

    def platform_admin(self) -> PostgresAdmin | None:
        return None


class PostgresStatefulSet(Strict):
    """PostgreSQL as a StatefulSet in the namespace, as the Bitnami chart's subchart renders it."""

    kind: Literal["postgres-statefulset"]
    name: ObjectName = "mlflow-postgresql"
    image: Image
    # ``bitnami``: the Bitnami image's paths and user; ``official``: the postgres image's.
    flavor: Literal["bitnami", "official"] = "bitnami"
    storage_class: ObjectName
    size: Quantity = "8Gi"
    database: PgName = "mlflow"
    user: PgName = "mlflow"
    password: SecretKeyRef
    # The superuser's password (the Bitnami image's ``postgres`` role); None: none is set.
    admin_password: SecretKeyRef | None = None
    # Created once by an init script, owned by ``user`` (e.g. MLflow's auth database).
    extra_databases: tuple[PgName, ...] = ()
    run_as: RunAs = RunAs(user=1001, group=1001, fs_group=1001)
    resources: Resources = Resources(
        requests_cpu="100m", requests_memory="256Mi", limits_cpu="1", limits_memory="1Gi"
    )
    # The labels the StatefulSet and both Services select the pods by. The selector and the
    # claim template cannot change once the StatefulSet exists, so an overlay that adopts a
    # running release states that release's values. None: {"app": name}.
    selector_labels: dict[str, str] | None = None
    # The data claim template's labels; None: the pod's labels.
    claim_labels: dict[str, str] | None = None

    def platform_admin(self) -> PostgresAdmin | None:
        # The superuser is the StatefulSet's own, not a platform login (see admin_password).
        return None


Database = Annotated[
    ExternalPostgres | CnpgPostgres | PostgresStatefulSet, Field(discriminator="kind")
]


# --- artifact store (one of) -------------------------------------------------------------


class S3Connection(Strict):
    """An S3-compatible endpoint and the Secret holding its keys."""

    endpoint_url: HttpUrl
    bucket: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    credentials_secret: ObjectName
    access_key_id_key: str = "AWS_ACCESS_KEY_ID"
    secret_access_key_key: str = "AWS_SECRET_ACCESS_KEY"
    # In-cluster endpoints may have self-signed certificates (docs/overlays/homelab.md).
    ignore_tls: bool = False
    # The bucket bootstrap Job creates the bucket if it is missing (never touches one that exists).
    create_bucket: bool = True

    def own_secret_refs(self) -> tuple[tuple[str, str], ...]:
        return (
            (self.credentials_secret, self.access_key_id_key),
            (self.credentials_secret, self.secret_access_key_key),
        )


class VolumeArtifacts(Strict):
    """Artifacts on a mounted volume, served to clients through the tracking server."""

    kind: Literal["volume"]
    claim: ObjectName
    path: Annotated[str, Field(pattern=r"^/")]
    # Credentials for runs whose artifact location is in this bucket (docs/overlays/homelab.md keeps
    # them).
    s3: S3Connection | None = None

    def s3_connection(self) -> S3Connection | None:
        """The bucket apps may also reach directly, with the keys of its Secret."""
        return self.s3


class S3Artifacts(Strict):
    kind: Literal["s3"]
    s3: S3Connection
    prefix: str = ""

    def s3_connection(self) -> S3Connection | None:
        return self.s3


class WorkloadIdentity(Strict):
    """GKE Workload Identity: the server's ServiceAccount acts as a Google service account."""

    kind: Literal["workload-identity"]
    service_account: ObjectName = "mlflow"
    gcp_service_account: Annotated[
        str, Field(pattern=r"^[a-z][-a-z0-9]{4,28}[a-z0-9]@[-a-z0-9.]+\.iam\.gserviceaccount\.com$")
    ]


class GcsKeySecret(Strict):
    """A service-account key file from a Secret (docs/overlays/gke-gcs.md: ``gcs-creds`` key
    ``gcs.json``)."""

    kind: Literal["key-secret"]
    secret: SecretKeyRef = SecretKeyRef(name="gcs-creds", key="gcs.json")


GcsIdentity = Annotated[WorkloadIdentity | GcsKeySecret, Field(discriminator="kind")]


class GcsArtifacts(Strict):
    kind: Literal["gcs"]
    bucket: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$")]
    prefix: str = "artifacts"
    identity: GcsIdentity
    # With a project, the bucket bootstrap Job creates the bucket if it is missing (the original
    # gke-gcs setup ran `gsutil mb` by hand); None leaves the bucket to whoever manages the project.
    project: Annotated[str, Field(pattern=r"^[a-z][-a-z0-9]{4,28}[a-z0-9]$")] | None = None
    location: Annotated[str, Field(pattern=r"^[A-Za-z0-9-]+$")] = "US"

    def s3_connection(self) -> S3Connection | None:
        return None


ArtifactStore = Annotated[VolumeArtifacts | S3Artifacts | GcsArtifacts, Field(discriminator="kind")]


# --- authentication (one of) -------------------------------------------------------------


class KeycloakAppsIdentity(Strict):
    """The dedicated least-privilege identity every application uses (docs/overlays/homelab.md, done
    better: the original handed apps the admin's credentials)."""

    username: ObjectName = "mlflow-apps"
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] = "mlflow-apps@example.com"
    password: SecretKeyRef = SecretKeyRef(name="mlflow-app-credentials", key="MLFLOW_AUTH_PASSWORD")


class KeycloakBootstrap(Strict):
    """What the Keycloak bootstrap Job needs: the Keycloak setup of docs/overlays/homelab.md,
    declared."""

    # Where the Job reaches Keycloak (in-cluster); the public URL if None.
    admin_url: HttpUrl | None = None
    # An admin of the master realm, from an operator's bootstrap Secret.
    admin_secret: ObjectName = "keycloak-admin"
    admin_username_key: SecretKey = "username"
    admin_password_key: SecretKey = "password"
    # docs/overlays/homelab.md: auth_realm_username gets mlflow-admin.
    realm_admin_user: Annotated[str, Field(min_length=1)] = "tkadmin"
    access_token_lifespan_seconds: Annotated[int, Field(ge=60)] = 3600
    apps: KeycloakAppsIdentity = KeycloakAppsIdentity()

    def own_secret_refs(self) -> tuple[tuple[str, str], ...]:
        return (
            (self.admin_secret, self.admin_username_key),
            (self.admin_secret, self.admin_password_key),
        )


class KeycloakOidc(Strict):
    """mlflow-oidc-auth (``--app-name oidc-auth``) against a Keycloak realm
    (docs/overlays/homelab.md)."""

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
    users_database: PgName = "mlflow_auth"
    # API clients that never log in through a browser (docs/overlays/homelab.md) get their
    # permission record on first bearer request (needs audience and issuer, which are set).
    provision_on_bearer_auth: bool = True
    # With it, a bootstrap Job declares the realm roles, the client and its mappers.
    bootstrap: KeycloakBootstrap | None = None

    @property
    def issuer(self) -> str:
        return f"{self.keycloak_url.rstrip('/')}/realms/{self.realm}"

    def user_store(self) -> str | None:
        """The database the option keeps its users and permissions in, if it has one."""
        return self.users_database


Permission = Literal["READ", "USE", "EDIT", "MANAGE", "NO_PERMISSIONS"]


class Grant(Strict):
    name: Annotated[str, Field(min_length=1)]
    permission: Permission = "READ"


class MlflowUser(Strict):
    """A user the MLflow users Job declares (docs/overlays/gke-gcs.md), with what it may see."""

    username: Annotated[str, Field(min_length=1, pattern=r"^\S+$")]
    experiments: tuple[Grant, ...] = ()
    registered_models: tuple[Grant, ...] = ()


class BasicAuth(Strict):
    """MLflow's built-in auth (``--app-name basic-auth``), its user store on PostgreSQL."""

    kind: Literal["basic-auth"]
    admin_user: SecretKeyRef = SecretKeyRef(name="mlflow-tracking", key="admin-user")
    admin_password: SecretKeyRef = SecretKeyRef(name="mlflow-tracking", key="admin-password")
    secret_key: SecretKeyRef = SecretKeyRef(name="mlflow-tracking", key="flask-server-secret-key")
    default_permission: Literal["READ", "EDIT", "MANAGE", "NO_PERMISSIONS"] = "READ"
    # The user store, beside MLflow's database on the same server.
    users_database: PgName = "mlflow_auth"

    def user_store(self) -> str | None:
        return self.users_database


class OAuth2Proxy(Strict):
    """oauth2-proxy in front of the UI (docs/overlays/gke-gcs.md): GitHub login, MLflow basic auth
    behind it.

    The proxy sends the GitHub user's e-mail as the basic-auth user name and the shared
    bridge password, so an MLflow user of that name with that password sees the UI with
    its own permissions; the API host reaches MLflow directly with personal credentials.
    """

    kind: Literal["oauth2-proxy"]
    image: Image = Image(repository="quay.io/oauth2-proxy/oauth2-proxy", tag="v7.15.2")
    provider: Literal["github"] = "github"
    client_id: Annotated[str, Field(min_length=1)]
    client_secret: SecretKeyRef = SecretKeyRef(name="oauth2-creds", key="client-secret")
    cookie_secret: SecretKeyRef = SecretKeyRef(name="oauth2-creds", key="cookie-secret")
    bridge_password: SecretKeyRef = SecretKeyRef(name="oauth2-mlflow-creds", key="basic-password")
    email_domains: tuple[str, ...] = ("*",)
    github_org: str | None = None
    github_users: tuple[str, ...] = ()
    port: Annotated[int, Field(ge=1, le=65535)] = 4180
    # GitHub users (e-mail) the MLflow users Job creates with the bridge password
    # (docs/overlays/gke-gcs.md).
    users: tuple[MlflowUser, ...] = ()
    mlflow: BasicAuth = BasicAuth(
        kind="basic-auth",
        admin_user=SecretKeyRef(name="mlflow-creds", key="admin-user"),
        admin_password=SecretKeyRef(name="mlflow-creds", key="admin-password"),
        secret_key=SecretKeyRef(name="mlflow-creds", key="flask-server-secret-key"),
    )

    def user_store(self) -> str | None:
        return self.mlflow.users_database


class AuthentikProxy(Strict):
    """Authentik's proxy outpost in front of MLflow, set up by a blueprint
    (docs/overlays/authentik.md)."""

    kind: Literal["authentik-proxy"]
    # Where Authentik runs: its Helm chart mounts ConfigMaps of its own namespace only.
    authentik_namespace: ObjectName = "authentik"
    application_slug: ObjectName = "mlflow"
    application_name: str = "MLflow"
    outpost_name: ObjectName = "mlflow"
    # Authentik's Kubernetes integration (a service connection) deploys the outpost.
    service_connection: str = "Local Kubernetes Cluster"
    authorization_flow: ObjectName = "default-provider-authorization-implicit-consent"
    invalidation_flow: ObjectName = "default-provider-invalidation-flow"
    outpost_port: Annotated[int, Field(ge=1, le=65535)] = 9000

    def user_store(self) -> str | None:
        # Authentik keeps its users in its own database.
        return None


Auth = Annotated[
    KeycloakOidc | BasicAuth | OAuth2Proxy | AuthentikProxy, Field(discriminator="kind")
]


# --- TLS and exposure --------------------------------------------------------------------


class AcmeIssuer(Strict):
    """Render the Let's Encrypt ClusterIssuer itself (the original gke-gcs setup applied
    cluster-issuer.yaml by hand)."""

    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    server: HttpUrl = "https://acme-v02.api.letsencrypt.org/directory"
    # HTTP-01 answered through this ingress class.
    ingress_class: ObjectName = "nginx"
    account_key_secret: ObjectName = "letsencrypt-account-key"


class CertManagerCertificate(Strict):
    """A cert-manager Certificate object writes the TLS Secret the exposure serves."""

    kind: Literal["cert-manager"]
    issuer_name: ObjectName
    issuer_kind: Literal["ClusterIssuer", "Issuer"] = "ClusterIssuer"
    secret_name: ObjectName = "mlflow-tls-secret"
    acme: AcmeIssuer | None = None


class IssuerAnnotation(Strict):
    """cert-manager's ingress-shim issues the certificate from an Ingress annotation
    (docs/overlays/bitnami-legacy.md)."""

    kind: Literal["issuer-annotation"]
    issuer_name: ObjectName
    issuer_kind: Literal["ClusterIssuer", "Issuer"] = "ClusterIssuer"
    # A Secret name is a DNS subdomain (the Bitnami chart's is `<host>-tls`).
    secret_name: Hostname = "mlflow-tls-secret"
    acme: AcmeIssuer | None = None


class GatewayTls(Strict):
    """TLS is terminated at the Gateway, which owns its certificate: nothing to render here."""

    kind: Literal["gateway"]


Tls = Annotated[CertManagerCertificate | IssuerAnnotation | GatewayTls, Field(discriminator="kind")]


class NginxIngress(Strict):
    kind: Literal["ingress"]
    # The UI host; its backend is the auth option's UI entry (MLflow or a proxy).
    host: Hostname
    # A second host that goes straight to MLflow, for API clients (docs/overlays/gke-gcs.md).
    api_host: Hostname | None = None
    class_name: ObjectName = "nginx"
    # The Ingress's name; None: the app's. An adopted release keeps its Ingress's name, so
    # that no second Ingress claims the same host and path.
    name: ObjectName | None = None
    # The Ingress's sync wave; None: the server's. An adopted Ingress that moves to a new
    # server goes in a later wave, so Argo CD switches it once that server is healthy.
    sync_wave: int | None = None
    # docs/overlays/homelab.md: unlimited request bodies, so large model uploads pass through nginx.
    annotations: dict[str, str] = {"nginx.ingress.kubernetes.io/proxy-body-size": "0"}
    tls: Tls
    # The namespace of the controller's pods, the only ones the network policy lets call the
    # backends from outside: ingress-nginx's chart installs into `ingress-nginx`.
    controller_namespace_labels: Labels = {"kubernetes.io/metadata.name": "ingress-nginx"}

    @property
    def hosts(self) -> tuple[str, ...]:
        return (self.host, self.api_host) if self.api_host else (self.host,)


class HttpRoute(Strict):
    """A Gateway API HTTPRoute attached to a Gateway the platform runs
    (docs/overlays/authentik.md)."""

    kind: Literal["httproute"]
    host: Hostname
    gateway_name: ObjectName
    gateway_namespace: ObjectName
    section_name: ObjectName | None = None
    tls: Tls = GatewayTls(kind="gateway")
    # The namespace of the Gateway's proxy pods; None: gateway_namespace (Envoy Gateway and
    # Istio may run them elsewhere). Cilium's own Envoy is a reserved identity, not a pod:
    # network_policy kind cilium admits it as the `ingress` entity.
    proxy_namespace_labels: Labels | None = None

    @property
    def hosts(self) -> tuple[str, ...]:
        return (self.host,)


Exposure = Annotated[NginxIngress | HttpRoute, Field(discriminator="kind")]


# --- where each Secret comes from ----------------------------------------------------------


class OperatorSecret(Strict):
    """Created out of band by an operator (a person or another system); keys listed."""

    kind: Literal["operator"]
    keys: tuple[SecretKey, ...]
    type: str = "Opaque"


class GeneratedToken(Strict):
    kind: Literal["token"]
    bytes: Annotated[int, Field(ge=16, le=128)] = 32


class GeneratedPassword(Strict):
    kind: Literal["password"]
    length: Annotated[int, Field(ge=12, le=128)] = 32


class GeneratedLiteral(Strict):
    """A fixed, non-secret value stored beside generated ones (e.g. a user name)."""

    kind: Literal["literal"]
    value: str


GeneratedKey = Annotated[
    GeneratedToken | GeneratedPassword | GeneratedLiteral, Field(discriminator="kind")
]


class GeneratedSecret(Strict):
    """Created once in the cluster by the generated-secrets Job, never overwritten."""

    kind: Literal["generated"]
    keys: dict[SecretKey, GeneratedKey]


class OnePasswordSecret(Strict):
    """A 1Password item, synced by the 1Password operator (``OnePasswordItem``)."""

    kind: Literal["onepassword"]
    item: Annotated[str, Field(pattern=r"^vaults/[^/]+/items/[^/]+$")]
    keys: tuple[SecretKey, ...]


class ExternalSecretSource(Strict):
    """An ``ExternalSecret`` from a ClusterSecretStore (e.g. Google Secret Manager)."""

    kind: Literal["external-secrets"]
    store: ObjectName
    store_kind: Literal["ClusterSecretStore", "SecretStore"] = "ClusterSecretStore"
    refresh_interval: Annotated[str, Field(pattern=r"^\d+[smh]$")] = "1h"
    # Secret key -> name of the remote secret that holds its value.
    keys: dict[SecretKey, Annotated[str, Field(min_length=1)]]


SecretSource = Annotated[
    OperatorSecret | GeneratedSecret | OnePasswordSecret | ExternalSecretSource,
    Field(discriminator="kind"),
]


# --- network policy ------------------------------------------------------------------------


class CiliumPolicy(Strict):
    """CiliumNetworkPolicies beside the core set, for peers only Cilium can name
    (docs/overlays/authentik.md)."""

    kind: Literal["cilium"]
    # Traffic from Cilium's Gateway API / Ingress Envoy carries the reserved ``ingress`` identity.
    allow_gateway: bool = True


NetworkPolicy = Annotated[CiliumPolicy, Field(discriminator="kind")]

EgressRole = Literal["database", "object-store", "identity-provider", "kubernetes-api", "upstream"]


class Network(Strict):
    """What the derived NetworkPolicies (rendered for every overlay) cannot know themselves."""

    dns_namespace: ObjectName = "kube-system"
    dns_labels: Labels = {"k8s-app": "kube-dns"}
    # Address ranges of peers known only by address, by role (an external database, an S3
    # endpoint, the identity provider, the Kubernetes API, an auth proxy's upstream). A role
    # not listed is reachable at any address, on its port only.
    egress_cidrs: dict[EgressRole, tuple[Cidr, ...]] = {}
    # Namespaces whose pods may call the MLflow Service directly (label selectors; {} is
    # every namespace). None: every namespace when MLflow checks each request itself, none
    # when an auth proxy is the only gate (a direct call would bypass it).
    in_cluster_clients: tuple[Labels, ...] | None = None


# --- platform integrations (docs/overlays/homelab.md) ---------------------------------------


class ThinkubeDiscovery(Strict):
    """The ``thinkube-service-config`` ConfigMap the platform's control plane reads."""

    display_name: str = "MLflow"
    description: str = "ML experiment tracking and model registry"
    category: str = "ai"
    icon: str = "/icons/tk_ai.svg"
    dependencies: tuple[str, ...] = ("postgres", "seaweedfs", "keycloak")
    min_replicas: Annotated[int, Field(ge=0)] = 1
    can_disable: bool = True


class CodeServerHelpers(Strict):
    """``mlflow-auth.sh`` / ``.fish`` in a ConfigMap code-server mounts (the original: copied by
    hand)."""

    namespace: ObjectName = "code-server"
    configmap: ObjectName = "mlflow-auth-scripts"


class AppCredentials(Strict):
    """docs/overlays/homelab.md: every app namespace that opts in gets MLflow credentials as
    environment variables, through Kyverno (a GeneratingPolicy copies the Secrets, a MutatingPolicy
    sets the variables on Deployments)."""

    opt_in_label: Annotated[str, Field(pattern=r"^[a-z0-9.-/]+$")] = (
        "mlflow.thinkube.io/credentials"
    )
    # The original homelab setup handed every app ADMIN_PASSWORD; off unless an app still needs it.
    legacy_admin_password: bool = False


class Integrations(Strict):
    discovery: ThinkubeDiscovery | None = None
    code_server: CodeServerHelpers | None = None
    app_credentials: AppCredentials | None = None


# --- delivery by Argo CD -----------------------------------------------------------------


class Delivery(Strict):
    """Where Argo CD finds this overlay's dist/ folder and which cluster it syncs it to."""

    repo_url: Annotated[str, Field(pattern=r"^(https://|ssh://|git@)\S+$")] = (
        "https://git.example.com/platform/mlflow-gitops.git"
    )
    revision: Annotated[str, Field(min_length=1, pattern=r"^\S+$")] = "main"
    # An Argo CD cluster name; `in-cluster` is the cluster Argo CD runs in.
    cluster: Annotated[str, Field(min_length=1, pattern=r"^\S+$")] = "in-cluster"
    argocd_namespace: ObjectName = "argocd"
    project: ObjectName = "mlflow"
    # The field manager whose fields Argo CD moves to its own on the first server-side apply
    # (its client-side-apply migration): Argo CD's default, or `helm` for a release that
    # Argo CD adopts, so that fields the chart set and dist/ does not are removed.
    migrate_fields_from: Annotated[str, Field(pattern=r"^[\w.:-]{1,128}$")] = (
        "kubectl-client-side-apply"
    )
    # Labels (`<prefix>/aggregate-to-<role>`) that fold a rendered ClusterRole into a role the
    # cluster grants someone else (Kyverno's background controller, admin/edit/view): each
    # widens that role, so the overlay names the ones it means and the render refuses others.
    cluster_role_aggregation: tuple[
        Annotated[str, Field(pattern=r"^([a-z0-9.-]+/)?aggregate-to-[a-z0-9.-]+$")], ...
    ] = ()


# --- waiting for dependencies ------------------------------------------------------------


class DependencyWait(Strict):
    """Init containers that hold the server until its database and S3 endpoint answer
    (the Bitnami chart's ``wait-for-database`` / ``wait-for-s3``)."""

    image: Image
    retries: Annotated[int, Field(ge=1, le=1000)] = 60
    interval_seconds: Annotated[int, Field(ge=1, le=60)] = 5


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
    # How every Secret the pods reference comes to exist: name -> source.
    secrets: dict[ObjectName, SecretSource] = {}
    network_policy: NetworkPolicy | None = None
    network: Network = Network()
    wait_for_dependencies: DependencyWait | None = None
    integrations: Integrations = Integrations()
    argocd: Delivery = Delivery()

    @model_validator(mode="after")
    def _references_resolve(self) -> Overlay:
        claims = {volume.name for volume in self.volumes}
        if isinstance(self.artifacts, VolumeArtifacts) and self.artifacts.claim not in claims:
            raise ValueError(
                f"artifacts.claim: {self.artifacts.claim!r} names no entry of volumes "
                f"(known: {sorted(claims) or 'none'}). Fix: add it to volumes or fix the name"
            )
        single_attach = [v.name for v in self.volumes if "ReadWriteOnce" in v.access_modes]
        if self.server.replicas > 1 and single_attach:
            raise ValueError(
                f"server.replicas: {self.server.replicas} pods cannot share the ReadWriteOnce "
                f"claim(s) {', '.join(single_attach)} across nodes. Fix: one replica, or "
                "access_modes [ReadWriteMany]"
            )
        paths = [volume.mount_path for volume in self.volumes]
        if len(set(paths)) != len(paths):
            raise ValueError("volumes: two claims share a mount_path. Fix: give each its own")
        if isinstance(self.exposure.tls, GatewayTls) and not isinstance(self.exposure, HttpRoute):
            raise ValueError(
                "exposure.tls: kind 'gateway' needs exposure kind 'httproute'. "
                "Fix: an Ingress needs 'cert-manager' or 'issuer-annotation'"
            )
        return self

    @model_validator(mode="after")
    def _integrations_have_what_they_need(self) -> Overlay:
        wants = self.integrations.discovery or self.integrations.app_credentials
        auth = self.auth
        if wants and not (isinstance(auth, KeycloakOidc) and auth.bootstrap is not None):
            raise ValueError(
                "integrations: discovery and app_credentials hand out the Keycloak apps "
                "identity. Fix: use auth kind 'keycloak-oidc' with auth.bootstrap"
            )
        credentials = self.integrations.app_credentials
        admin = self.database.platform_admin()
        if credentials and credentials.legacy_admin_password and admin is None:
            raise ValueError(
                "integrations.app_credentials.legacy_admin_password: ADMIN_PASSWORD comes from "
                "the database admin Secret. Fix: set database.admin, or turn the switch off"
            )
        return self

    @model_validator(mode="after")
    def _auth_database_exists(self) -> Overlay:
        store = self.auth.user_store()
        known = (self.database.database, *self.database.extra_databases)
        if store is not None and store not in known:
            raise ValueError(
                f"auth: its user store {store!r} is not a database of database "
                f"(has: {', '.join(known)}). Fix: add it to database.extra_databases"
            )
        return self

    @model_validator(mode="after")
    def _secrets_declared(self) -> Overlay:
        for name, key in sorted(set(secret_refs(self))):
            source = self.secrets.get(name)
            if source is None:
                raise ValueError(
                    f"secrets: Secret {name!r} (key {key!r}) is referenced but not declared. "
                    f"Fix: add secrets.{name} with its source (operator, generated, "
                    "onepassword, external-secrets)"
                )
            if key not in source.keys:
                raise ValueError(
                    f"secrets.{name}.keys: Secret {name!r} is referenced with key {key!r}, "
                    f"which it lacks (has: {', '.join(source.keys) or 'none'}). Fix: add the key"
                )
        return self


def secret_refs(model: Strict) -> list[tuple[str, str]]:
    """Every (Secret, key) an overlay's settings make a pod read: what each model names
    itself (``own_secret_refs``) and what its fields name, found by walking the model."""
    found = list(model.own_secret_refs())
    for field in type(model).model_fields:
        if field != "secrets":
            found += _refs_in(getattr(model, field))
    return found


def _refs_in(value: object) -> list[tuple[str, str]]:
    if isinstance(value, Strict):
        return secret_refs(value)
    if isinstance(value, tuple | list):
        return [ref for item in value for ref in _refs_in(item)]
    if isinstance(value, dict):
        return [ref for item in value.values() for ref in _refs_in(item)]
    return []


def overlay_json_schema() -> dict[str, object]:
    """The schema editors use to validate overlay files (committed as overlays/schema.json)."""
    schema = Overlay.model_json_schema()
    schema["$id"] = "overlays/schema.json"
    schema["title"] = "mlflow-gitops overlay"
    return schema
