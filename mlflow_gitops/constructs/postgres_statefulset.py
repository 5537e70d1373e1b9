"""PostgreSQL as a StatefulSet in the namespace, shaped like the Bitnami chart's subchart.

Objects: a ClusterIP Service (the host MLflow uses), a headless Service (the StatefulSet's
governing Service), the StatefulSet with its ``data`` claim template, and, when extra
databases are wanted, a ConfigMap of init SQL that the image runs once on an empty volume.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import PostgresStatefulSet, SecretKeyRef
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.database import DatabaseEndpoint
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import DATABASE_WAVE, KEEP, SYNC_WAVE
from mlflow_gitops.constructs.peers import Flow, Need, Pods, tcp
from mlflow_gitops.constructs.pods import container_security, pod_security_for, requirements
from mlflow_gitops.constructs.postgres import PORT, postgres_uri, postgres_wiring
from mlflow_gitops.constructs.wiring import ServerWiring, plain

COMPONENT = "database"
INIT_DIR = "/docker-entrypoint-initdb.d"


@dataclass(frozen=True)
class _Layout:
    """Where an image keeps its data and which paths it writes besides (read-only root)."""

    data_dir: str
    pgdata: str
    scratch: tuple[str, ...]
    user_env: str
    password_env: str
    database_env: str
    admin_password_env: str | None
    # Where the Secret's files are mounted: the entrypoint reads <password_env>_FILE there, so
    # no password sits in the container's environment (and in every process it starts).
    secrets_dir: str


# Names of environment variables, not values (S106 would flag the *_PASSWORD ones).
_LAYOUTS = {
    # The Bitnami image's own variable names and paths (bitnami/postgresql README).
    "bitnami": _Layout(
        data_dir="/bitnami/postgresql",
        pgdata="/bitnami/postgresql/data",
        scratch=("/tmp", "/opt/bitnami/postgresql/conf", "/opt/bitnami/postgresql/tmp"),
        user_env="POSTGRESQL_USERNAME",
        password_env="POSTGRESQL_PASSWORD",  # noqa: S106
        database_env="POSTGRESQL_DATABASE",
        admin_password_env="POSTGRESQL_POSTGRES_PASSWORD",  # noqa: S106
        secrets_dir="/opt/bitnami/postgresql/secrets",  # the Bitnami chart's own mount
    ),
    # The official image: the app user is the superuser; PGDATA in a subdirectory of the
    # mount, because initdb refuses a mount point that holds lost+found.
    "official": _Layout(
        data_dir="/var/lib/postgresql/data",
        pgdata="/var/lib/postgresql/data/pgdata",
        scratch=("/tmp", "/var/run/postgresql"),
        user_env="POSTGRES_USER",
        password_env="POSTGRES_PASSWORD",  # noqa: S106
        database_env="POSTGRES_DB",
        admin_password_env=None,
        secrets_dir="/run/secrets/postgresql",
    ),
}


PASSWORD_FILE = "password"  # file names in the mounted Secret
ADMIN_PASSWORD_FILE = "postgres-password"


def _secret_files(files: Mapping[str, SecretKeyRef]) -> k8s.ProjectedVolumeSource:
    """One projected volume: each file from its Secret's key (the Secrets may differ)."""
    by_secret: dict[str, list[k8s.KeyToPath]] = {}
    for path, ref in files.items():
        by_secret.setdefault(ref.name, []).append(k8s.KeyToPath(key=ref.key, path=path))
    return k8s.ProjectedVolumeSource(
        sources=[
            k8s.VolumeProjection(secret=k8s.SecretProjection(name=name, items=items))
            for name, items in by_secret.items()
        ]
    )


class PostgresStatefulSetDatabase(Construct):
    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, settings: PostgresStatefulSet
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        s = settings
        layout = _LAYOUTS[s.flavor]
        selector = dict(self.pod_labels)
        # The selector wins where its keys are the project's own (an adopted release's).
        labels = {**identity.labels(COMPONENT), **selector}
        # Services come up with the database, before the bootstrap Jobs that connect to it.
        wave = {SYNC_WAVE: str(DATABASE_WAVE)}
        headless = f"{s.name}-hl"
        for name, is_headless in ((s.name, False), (headless, True)):
            k8s.KubeService(
                self,
                name,
                metadata=identity.metadata(name, COMPONENT, annotations=wave),
                spec=k8s.ServiceSpec(
                    type="ClusterIP",
                    cluster_ip="None" if is_headless else None,
                    selector=selector,
                    publish_not_ready_addresses=True if is_headless else None,
                    ports=[
                        k8s.ServicePort(
                            name="tcp-postgresql",
                            port=PORT,
                            target_port=k8s.IntOrString.from_string("tcp-postgresql"),
                            protocol="TCP",
                        )
                    ],
                ),
            )
        init_sql = "".join(
            f'CREATE DATABASE "{name}" OWNER "{s.user}";\n' for name in s.extra_databases
        )
        if init_sql:
            k8s.KubeConfigMap(
                self,
                "init",
                metadata=identity.metadata(f"{s.name}-init", COMPONENT),
                data={"extra-databases.sql": init_sql},
            )
        # Each password is a file of the `secrets` volume, named after what it is.
        files = {PASSWORD_FILE: s.password}
        env = [
            plain(layout.user_env, s.user),
            plain(f"{layout.password_env}_FILE", f"{layout.secrets_dir}/{PASSWORD_FILE}"),
            plain(layout.database_env, s.database),
            plain("PGDATA", layout.pgdata),
        ]
        if layout.admin_password_env and s.admin_password:
            files[ADMIN_PASSWORD_FILE] = s.admin_password
            env.append(
                plain(
                    f"{layout.admin_password_env}_FILE",
                    f"{layout.secrets_dir}/{ADMIN_PASSWORD_FILE}",
                )
            )
        scratch = [(f"scratch-{i}", path) for i, path in enumerate(layout.scratch)]
        # Liveness: the postmaster listens (see the probe below). Readiness: the app's login
        # runs a query on the app's database, so a pod whose database or role is missing, or
        # whose password no longer matches the Secret, takes no traffic (pg_isready answers
        # yes to all three).
        ready = k8s.ExecAction(
            command=[
                "sh",
                "-c",
                f'PGPASSWORD="$(cat {layout.secrets_dir}/{PASSWORD_FILE})" PGCONNECT_TIMEOUT=3 '
                "exec psql -X -w -q "
                f"-h 127.0.0.1 -p {PORT} -U {s.user} -d {s.database} -tAc 'SELECT 1' -o /dev/null",
            ]
        )
        container = k8s.Container(
            name="postgresql",
            image=s.image.reference,
            image_pull_policy=s.image.pull_policy,
            env=env,
            ports=[k8s.ContainerPort(name="tcp-postgresql", container_port=PORT)],
            readiness_probe=k8s.Probe(
                exec=ready, initial_delay_seconds=5, period_seconds=10, timeout_seconds=5
            ),
            # Alive is "the postmaster listens", not "it accepts logins": during crash recovery
            # pg_isready says no for as long as WAL replay takes, and a liveness probe on it would
            # restart the replay over and over (kube-score: pod-probes-identical).
            liveness_probe=k8s.Probe(
                tcp_socket=k8s.TcpSocketAction(port=k8s.IntOrString.from_number(PORT)),
                initial_delay_seconds=30,
                period_seconds=10,
                timeout_seconds=5,
                failure_threshold=6,
            ),
            resources=requirements(s.resources),
            security_context=container_security(),
            volume_mounts=[
                k8s.VolumeMount(name="data", mount_path=layout.data_dir),
                k8s.VolumeMount(name="dshm", mount_path="/dev/shm"),
                k8s.VolumeMount(name="secrets", mount_path=layout.secrets_dir, read_only=True),
                *(k8s.VolumeMount(name=name, mount_path=path) for name, path in scratch),
                *(
                    [k8s.VolumeMount(name="init", mount_path=INIT_DIR, read_only=True)]
                    if init_sql
                    else []
                ),
            ],
        )
        volumes = [
            k8s.Volume(name="dshm", empty_dir=k8s.EmptyDirVolumeSource(medium="Memory")),
            k8s.Volume(name="secrets", projected=_secret_files(files)),
            *(k8s.Volume(name=name, empty_dir=k8s.EmptyDirVolumeSource()) for name, _ in scratch),
            *(
                [
                    k8s.Volume(
                        name="init", config_map=k8s.ConfigMapVolumeSource(name=f"{s.name}-init")
                    )
                ]
                if init_sql
                else []
            ),
        ]
        k8s.KubeStatefulSet(
            self,
            "statefulset",
            metadata=identity.metadata(s.name, COMPONENT, annotations=KEEP),
            spec=k8s.StatefulSetSpec(
                service_name=headless,
                replicas=1,
                selector=k8s.LabelSelector(match_labels=selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=labels),
                    spec=k8s.PodSpec(
                        automount_service_account_token=False,
                        security_context=pod_security_for(s.run_as),
                        image_pull_secrets=(
                            [k8s.LocalObjectReference(name=s.image.pull_secret)]
                            if s.image.pull_secret
                            else None
                        ),
                        containers=[container],
                        volumes=volumes,
                    ),
                ),
                volume_claim_templates=[
                    k8s.KubePersistentVolumeClaimProps(
                        metadata=k8s.ObjectMeta(
                            name="data",
                            labels=labels if s.claim_labels is None else s.claim_labels or None,
                        ),
                        spec=k8s.PersistentVolumeClaimSpec(
                            access_modes=["ReadWriteOnce"],
                            storage_class_name=s.storage_class,
                            resources=k8s.VolumeResourceRequirements(
                                requests={"storage": k8s.Quantity.from_string(s.size)}
                            ),
                        ),
                    )
                ],
            ),
        )

    @property
    def host(self) -> str:
        return self._settings.name

    @property
    def port(self) -> int:
        return PORT

    @property
    def pod_labels(self) -> Mapping[str, str]:
        s = self._settings
        return s.selector_labels if s.selector_labels is not None else {"app": s.name}

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        return postgres_wiring(
            host=s.name,
            port=PORT,
            database=s.database,
            user=s.user,
            password=(s.password.name, s.password.key),
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
    def access(self) -> tuple[Need, ...]:
        return (Need(Pods(self._settings.name, self.pod_labels), tcp(PORT)),)

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        # Only its clients: a single instance neither replicates nor reports to anyone.
        return ()
