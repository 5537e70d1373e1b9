"""One overlay -> one chart: picks the construct for each option and wires them together."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import cdk8s
from constructs import Construct

from mlflow_gitops.config import (
    AuthentikProxy,
    BasicAuth,
    CertManagerCertificate,
    CiliumPolicy,
    CnpgPostgres,
    ExternalPostgres,
    GatewayTls,
    GcsArtifacts,
    HttpRoute,
    IssuerAnnotation,
    KeycloakOidc,
    NginxIngress,
    OAuth2Proxy,
    Overlay,
    PostgresStatefulSet,
    S3Artifacts,
    SecretKeyRef,
    Strict,
    VolumeArtifacts,
)
from mlflow_gitops.constructs.argocd import ArgoCdDelivery, Target
from mlflow_gitops.constructs.artifacts import S3ArtifactStore, VolumeArtifactStore
from mlflow_gitops.constructs.auth import KeycloakOidcAuth
from mlflow_gitops.constructs.authentik import AuthentikProxyAuth
from mlflow_gitops.constructs.basic_auth import BuiltinBasicAuth
from mlflow_gitops.constructs.bootstrap import BootstrapJob, BootstrapStep
from mlflow_gitops.constructs.cilium import CiliumEntityPolicies
from mlflow_gitops.constructs.cnpg import CnpgDatabase
from mlflow_gitops.constructs.contracts import (
    ArtifactStoreClass,
    ArtifactStoreOption,
    AuthClass,
    AuthOption,
    DatabaseClass,
    DatabaseOption,
    ExposureClass,
    ExposureOption,
    HasBootstrapSteps,
    NetworkPolicyClass,
    TlsClass,
)
from mlflow_gitops.constructs.database import ExternalPostgresDatabase
from mlflow_gitops.constructs.gcs import GcsArtifactStore
from mlflow_gitops.constructs.handles import AuthHandles, Backend
from mlflow_gitops.constructs.httproute import HttpRouteExposure
from mlflow_gitops.constructs.ingress import IngressExposure
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.migrations import NAME_SUFFIX as MIGRATE_SUFFIX
from mlflow_gitops.constructs.migrations import SchemaMigrations
from mlflow_gitops.constructs.namespace import MlflowNamespace
from mlflow_gitops.constructs.network_policy import NamespaceNetworkPolicies, workload_policies
from mlflow_gitops.constructs.oauth2_proxy import OAuth2ProxyAuth
from mlflow_gitops.constructs.ordering import assign_sync_waves
from mlflow_gitops.constructs.peers import Flow, NamespacePods, flows_from, job_pods, tcp
from mlflow_gitops.constructs.platform import (
    AppEnvironment,
    CodeServerHelperScripts,
    KyvernoAppCredentials,
    ThinkubeServiceDiscovery,
)
from mlflow_gitops.constructs.postgres_statefulset import PostgresStatefulSetDatabase
from mlflow_gitops.constructs.secrets import SecretSources
from mlflow_gitops.constructs.server import MlflowServer, server_pods
from mlflow_gitops.constructs.storage import ServerVolumes
from mlflow_gitops.constructs.tls import CertificateTls, GatewayTerminatedTls, IssuerAnnotationTls
from mlflow_gitops.constructs.waits import DependencyWaits, WaitTarget
from mlflow_gitops.constructs.wiring import ServerWiring
from mlflow_gitops.errors import RenderError
from mlflow_gitops.output import shipped

# Each option of the overlay model is rendered by exactly one construct class, which
# offers its family's contract (constructs/contracts.py): mypy checks the constructor call
# and every question the chart asks. Adding an option is adding a model (to the union in
# config.py), a class and one line here; everything else the chart asks the option.
DATABASES: dict[type[Strict], DatabaseClass] = {
    ExternalPostgres: ExternalPostgresDatabase,
    CnpgPostgres: CnpgDatabase,
    PostgresStatefulSet: PostgresStatefulSetDatabase,
}
ARTIFACT_STORES: dict[type[Strict], ArtifactStoreClass] = {
    VolumeArtifacts: VolumeArtifactStore,
    S3Artifacts: S3ArtifactStore,
    GcsArtifacts: GcsArtifactStore,
}
AUTHS: dict[type[Strict], AuthClass] = {
    KeycloakOidc: KeycloakOidcAuth,
    BasicAuth: BuiltinBasicAuth,
    OAuth2Proxy: OAuth2ProxyAuth,
    AuthentikProxy: AuthentikProxyAuth,
}
TLS: dict[type[Strict], TlsClass] = {
    CertManagerCertificate: CertificateTls,
    IssuerAnnotation: IssuerAnnotationTls,
    GatewayTls: GatewayTerminatedTls,
}
EXPOSURES: dict[type[Strict], ExposureClass] = {
    NginxIngress: IngressExposure,
    HttpRoute: HttpRouteExposure,
}
NETWORK_POLICIES: dict[type[Strict], NetworkPolicyClass] = {CiliumPolicy: CiliumEntityPolicies}

# Files of this repository that the rendered objects ship (plugin and Job sources),
# read once at the edge and handed in, so that constructs do no I/O.
ProjectFiles = Mapping[str, str]


def public_hosts(settings: Overlay) -> tuple[str, ...]:
    return settings.exposure.hosts


def wait_targets(
    database: DatabaseOption, artifacts: ArtifactStoreOption
) -> tuple[WaitTarget, ...]:
    """What the server waits for: its database, then what the artifact store names."""
    endpoint = database.endpoint
    return (WaitTarget("database", endpoint.host, endpoint.port), *artifacts.wait_targets)


def public_host_patterns(hosts: tuple[str, ...]) -> tuple[str, ...]:
    """Each public host, bare and with any port (a proxy may keep `:443` in Host)."""
    return tuple(pattern for host in hosts for pattern in (host, f"{host}:*"))


def in_cluster_hosts(identity: Identity) -> tuple[str, ...]:
    """Host headers of in-cluster clients and of `kubectl port-forward` (docs/overlays/authentik.md
    uses it).

    Setting MLFLOW_SERVER_ALLOWED_HOSTS replaces MLflow's defaults (localhost, private
    addresses), so localhost is listed again; ``:*`` admits any port (fnmatch patterns).
    """
    names = (
        identity.app,
        f"{identity.app}.{identity.namespace}",
        f"{identity.app}.{identity.namespace}.svc",
        f"{identity.app}.{identity.namespace}.svc.cluster.local",
        "localhost",
        "127.0.0.1",
    )
    return tuple(host for name in names for host in (name, f"{name}:*"))


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
        secrets = SecretSources(self, "secrets", identity=identity, settings=settings.secrets)
        volumes = ServerVolumes(self, "volumes", identity=identity, claims=settings.volumes)
        database = DATABASES[type(settings.database)](
            self, "database", identity=identity, settings=settings.database
        )
        artifacts = ARTIFACT_STORES[type(settings.artifacts)](
            self, "artifacts", identity=identity, settings=settings.artifacts
        )
        # The Service MlflowServer renders: named after the app, on the server port.
        mlflow = Backend(identity.app, settings.server.port, server_pods(identity))
        auth = AUTHS[type(settings.auth)](
            self,
            "auth",
            identity=identity,
            settings=settings.auth,
            handles=AuthHandles(
                database=database,
                server=settings.server,
                mlflow=mlflow,
                public_url=public_url,
                files=files,
            ),
        )
        waits = (
            DependencyWaits(
                self,
                "waits",
                settings=settings.wait_for_dependencies,
                targets=wait_targets(database, artifacts),
            ).wiring
            if settings.wait_for_dependencies
            else ServerWiring()
        )
        server = MlflowServer(
            self,
            "server",
            identity=identity,
            settings=settings.server,
            wiring=waits + database.wiring + artifacts.wiring + auth.wiring + volumes.wiring,
            allowed_hosts=(
                public_host_patterns(hosts) + in_cluster_hosts(identity)
                if settings.server.host_check
                else ()
            ),
            cors_origins=tuple(f"https://{host}" for host in hosts),
            health=auth.health,
        )
        SchemaMigrations(
            self,
            "migrations",
            identity=identity,
            server=settings.server,
            database=database,
            auth_steps=auth.migrations,
        )
        tls = TLS[type(settings.exposure.tls)](
            self, "tls", identity=identity, settings=settings.exposure.tls, hosts=hosts
        )
        exposure = EXPOSURES[type(settings.exposure)](
            self,
            "exposure",
            identity=identity,
            settings=settings.exposure,
            tls=tls,
            ui=auth.ui_backend or mlflow,
            api=Backend(server.service_name, server.port, mlflow.pods),
        )
        integrate(self, identity, settings, public_url, files)
        # Bootstrap Jobs, in the order the options were composed; one image for all:
        # the server's, which the overlay already pulls (never one whose pull secret a Job makes).
        options: tuple[HasBootstrapSteps, ...] = (secrets, database, artifacts, auth)
        steps = tuple(step for option in options for step in option.bootstrap_steps)
        for step in steps:
            BootstrapJob(
                self,
                step.name,
                identity=identity,
                step=step,
                files=files,
                image=settings.server.image,
                run_as=settings.server.run_as,
            )
        flows = network_flows(
            settings,
            identity,
            database=database,
            artifacts=artifacts,
            auth=auth,
            exposure=exposure,
            steps=steps,
        )
        NamespaceNetworkPolicies(
            self, "network", identity=identity, network=settings.network, flows=flows
        )
        if settings.network_policy:
            NETWORK_POLICIES[type(settings.network_policy)](
                self,
                "network-policy",
                identity=identity,
                settings=settings.network_policy,
                policies=workload_policies(flows, settings.network),
            )
        assign_sync_waves(self)


def network_flows(
    settings: Overlay,
    identity: Identity,
    *,
    database: DatabaseOption,
    artifacts: ArtifactStoreOption,
    auth: AuthOption,
    exposure: ExposureOption,
    steps: tuple[BootstrapStep, ...],
) -> tuple[Flow, ...]:
    """Who talks to whom, from what each option declares (STYLE.md: policies derived)."""
    server = server_pods(identity)
    port = tcp(settings.server.port)
    flows = [
        # The server (its init containers included) reaches what the options provide.
        *flows_from(server, database.access + artifacts.access + auth.access),
        *database.own_flows,
        *auth.own_flows,
        # The migration Job (a Sync hook) reaches the database, as every bootstrap Job
        # reaches what its script talks to.
        *flows_from(job_pods(f"{identity.app}-{MIGRATE_SUFFIX}"), database.access),
        *(flow for step in steps for flow in flows_from(job_pods(step.name), step.needs)),
    ]
    for source in exposure.sources:
        for backend in exposure.backends:
            if backend.pods is None:
                raise RenderError(
                    f"overlays/{identity.overlay}.yaml: exposure: the route's backend "
                    f"{backend.service!r} names no pods, so no network policy can admit its "
                    "traffic. Fix: give the option's Backend its pods"
                )
            flows.append(Flow(source, backend.pods, tcp(backend.port)))
    clients = settings.network.in_cluster_clients
    if clients is None:
        clients = ({},) if auth.checks_every_request else ()
    elif clients and not auth.checks_every_request:
        raise RenderError(
            f"overlays/{identity.overlay}.yaml: network.in_cluster_clients: with auth kind "
            f"{settings.auth.kind!r} MLflow checks no request itself, so a direct call would "
            "bypass the auth proxy. Fix: remove "
            "network.in_cluster_clients (clients go through the exposure's host)"
        )
    flows += [Flow(NamespacePods(labels), server, port) for labels in clients]
    return tuple(flows)


def app_environment(settings: Overlay, public_url: str) -> AppEnvironment:
    """The variables of docs/overlays/homelab.md, for the Keycloak apps identity (validated at the
    edge)."""
    auth = settings.auth
    assert isinstance(auth, KeycloakOidc) and auth.bootstrap is not None
    s3 = settings.artifacts.s3_connection()
    admin = settings.database.platform_admin()
    credentials = settings.integrations.app_credentials
    legacy = bool(credentials and credentials.legacy_admin_password)
    return AppEnvironment(
        tracking_uri=public_url,
        token_url=f"{auth.issuer}/protocol/openid-connect/token",
        client_id=auth.client_id,
        username=auth.bootstrap.apps.username,
        password=auth.bootstrap.apps.password,
        client_secret=auth.client_secret,
        seaweedfs_password=(
            SecretKeyRef(name=s3.credentials_secret, key=s3.secret_access_key_key) if s3 else None
        ),
        admin_password=(
            SecretKeyRef(name=admin.secret, key=admin.password_key) if legacy and admin else None
        ),
    )


def integrate(
    scope: Construct, identity: Identity, settings: Overlay, public_url: str, files: ProjectFiles
) -> None:
    """The platform integrations an overlay asks for (docs/overlays/homelab.md)."""
    wanted = settings.integrations
    if wanted.code_server:
        scripts = {
            name: shipped(files, f"scripts/code-server/{name}")
            for name in ("mlflow-auth.sh", "mlflow-auth.fish")
        }
        CodeServerHelperScripts(
            scope, "code-server", identity=identity, settings=wanted.code_server, scripts=scripts
        )
    if not (wanted.discovery or wanted.app_credentials):
        return
    environment = app_environment(settings, public_url)
    if wanted.discovery:
        ThinkubeServiceDiscovery(
            scope,
            "discovery",
            identity=identity,
            settings=wanted.discovery,
            public_url=public_url,
            environment=environment,
        )
    if wanted.app_credentials:
        KyvernoAppCredentials(
            scope,
            "app-credentials",
            identity=identity,
            settings=wanted.app_credentials,
            environment=environment,
        )


ARGOCD = "argocd"


class DeliveryChart(cdk8s.Chart):
    """The Argo CD objects that deliver every overlay's committed folder (dist/argocd)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        overlays: list[tuple[str, Overlay]],
        manifests: Mapping[str, list[Any]],
    ) -> None:
        super().__init__(scope, id, disable_resource_name_hashes=True)
        if ARGOCD in dict(overlays):
            raise RenderError(
                f"overlays/{ARGOCD}.yaml: the name {ARGOCD!r} is taken by dist/{ARGOCD}"
            )
        for field in ("argocd_namespace", "project", "repo_url", "revision"):
            values = {getattr(settings.argocd, field) for _, settings in overlays}
            if len(values) > 1:
                raise RenderError(
                    f"overlays: argocd.{field} differs between overlays ({sorted(values)}); "
                    "the one ApplicationSet and root Application need one value. Fix: align them"
                )
        targets = [
            Target.of(name, settings.argocd, settings.namespace, manifests[name])
            for name, settings in overlays
        ]
        first = overlays[0][1].argocd
        ArgoCdDelivery(
            self,
            "delivery",
            targets=targets,
            argocd_namespace=first.argocd_namespace,
            project=first.project,
            repo_url=first.repo_url,
            revision=first.revision,
        )
