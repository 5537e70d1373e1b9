"""PostgreSQL run by the CloudNativePG operator in the namespace (docs/overlays/authentik.md)."""

from __future__ import annotations

from collections.abc import Mapping

from constructs import Construct

from mlflow_gitops.config import CnpgPostgres
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.database import DatabaseEndpoint
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import KEEP
from mlflow_gitops.constructs.peers import (
    KUBERNETES_API,
    Flow,
    NamespacePods,
    Need,
    Pods,
    flows_from,
    namespace,
    tcp,
)
from mlflow_gitops.constructs.postgres import PORT, postgres_uri, postgres_wiring
from mlflow_gitops.constructs.wiring import ServerWiring

COMPONENT = "database"
STATUS_PORT = 8000  # the instance manager's status endpoint


class CnpgDatabase(Construct):
    """A ``Cluster``; initdb creates the database owned by the app user from the Secret."""

    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, settings: CnpgPostgres
    ) -> None:
        super().__init__(scope, id)
        # Generated classes load where they are used: only an overlay with one pays for them.
        from mlflow_gitops.imports.cnpg_cluster import (
            Cluster,
            ClusterSpec,
            ClusterSpecBootstrap,
            ClusterSpecBootstrapInitdb,
            ClusterSpecBootstrapInitdbSecret,
            ClusterSpecStorage,
        )

        self._settings = settings
        s = settings
        Cluster(
            self,
            "cluster",
            metadata=identity.crd_metadata(s.cluster_name, COMPONENT, annotations=KEEP),
            spec=ClusterSpec(
                instances=s.instances,
                storage=ClusterSpecStorage(storage_class=s.storage_class, size=s.size),
                bootstrap=ClusterSpecBootstrap(
                    initdb=ClusterSpecBootstrapInitdb(
                        database=s.database,
                        owner=s.owner,
                        secret=ClusterSpecBootstrapInitdbSecret(name=s.credentials_secret),
                        # Runs once, as superuser, in the postgres database.
                        post_init_sql=[
                            f'CREATE DATABASE "{name}" OWNER "{s.owner}"'
                            for name in s.extra_databases
                        ]
                        or None,
                    )
                ),
            ),
        )

    @property
    def host(self) -> str:
        # The operator's read-write Service, which follows the primary.
        return f"{self._settings.cluster_name}-rw"

    @property
    def port(self) -> int:
        return PORT

    @property
    def pod_labels(self) -> Mapping[str, str]:
        return {"cnpg.io/cluster": self._settings.cluster_name}

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        return postgres_wiring(
            host=self.host,
            port=PORT,
            database=s.database,
            user=s.owner,
            password=(s.credentials_secret, "password"),
        )

    def uri_for(self, database: str) -> str:
        return postgres_uri(database)

    @property
    def endpoint(self) -> DatabaseEndpoint:
        return DatabaseEndpoint(self.host, self.port, self.pod_labels)

    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        return ()

    @property
    def _pods(self) -> Pods:
        return Pods(self._settings.cluster_name, self.pod_labels)

    @property
    def access(self) -> tuple[Need, ...]:
        return (Need(self._pods, tcp(PORT)),)

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        """CloudNativePG's networking page: the operator reaches every instance on 8000
        (the instance manager) and 5432, instances reach each other (replication, status),
        and each instance manager reports to the Kubernetes API."""
        s = self._settings
        operator = NamespacePods(namespace(s.operator_namespace), s.operator_labels)
        return (
            Flow(operator, self._pods, tcp(STATUS_PORT, PORT)),
            Flow(self._pods, self._pods, tcp(STATUS_PORT, PORT)),
            *flows_from(self._pods, (KUBERNETES_API,)),
        )
