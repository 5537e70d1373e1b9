"""MLflow's built-in auth (``--app-name basic-auth``), configured the way the Bitnami chart does.

An init container in the server pod, from the server image, writes the auth ini from
environment variables into a memory-backed emptyDir (MLflow up to 3.15 reads the admin
credentials only from that file). The user store is migrated by the migration Job before
the server rolls out (``python -m mlflow.server.auth db upgrade``, see migrations.py), not
by the chart's ``upgrade-db-auth`` init container: the Job runs the same command earlier,
once per sync instead of once per pod start. The user store is a PostgreSQL database beside
MLflow's; no password is in any argument or URI.
"""

from __future__ import annotations

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import BasicAuth, Resources
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.handles import AuthHandles, Backend
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.migrations import MigrationStep
from mlflow_gitops.constructs.peers import Flow, Need
from mlflow_gitops.constructs.pods import container_security, requirements
from mlflow_gitops.constructs.postgres import connection_env
from mlflow_gitops.constructs.server import HealthEndpoints
from mlflow_gitops.constructs.wiring import ServerWiring, from_secret, plain

CONFIG_DIR = "/mlflow/auth"
CONFIG_PATH = f"{CONFIG_DIR}/basic_auth.ini"
AUTH_URI = "MLFLOW_AUTH_DATABASE_URI"

# configparser interpolates "%", so a generated password holding one is doubled.
_RENDER = """\
import configparser, os
config = configparser.RawConfigParser()
config["mlflow"] = {
    key: os.environ[name].replace("%", "%%")
    for key, name in (
        ("default_permission", "MLFLOW_AUTH_DEFAULT_PERMISSION"),
        ("database_uri", "MLFLOW_AUTH_DATABASE_URI"),
        ("admin_username", "MLFLOW_AUTH_ADMIN_USERNAME"),
        ("admin_password", "MLFLOW_AUTH_ADMIN_PASSWORD"),
        ("authorization_function", "MLFLOW_AUTH_AUTHORIZATION_FUNCTION"),
    )
}
os.umask(0o077)
with open(os.environ["MLFLOW_AUTH_CONFIG_PATH"], "w") as handle:
    config.write(handle)
print("wrote", os.environ["MLFLOW_AUTH_CONFIG_PATH"])
"""

_INIT_RESOURCES = requirements(
    Resources(requests_cpu="50m", requests_memory="128Mi", limits_cpu="500m", limits_memory="512Mi")
)


class BuiltinBasicAuth(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: BasicAuth,
        handles: AuthHandles,
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self._handles = handles

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        database = self._handles.database
        image = self._handles.server.image
        # Database variables first: Kubernetes expands $(VAR) only from earlier ones.
        uri_env = (
            *connection_env(database.wiring),
            plain(AUTH_URI, database.uri_for(s.users_database)),
            plain("MLFLOW_AUTH_CONFIG_PATH", CONFIG_PATH),
            plain("HOME", "/tmp"),
        )
        mounts = [
            k8s.VolumeMount(name="tmp", mount_path="/tmp"),
            k8s.VolumeMount(name="auth-config", mount_path=CONFIG_DIR),
        ]

        def init(name: str, command: list[str], env: tuple[k8s.EnvVar, ...]) -> k8s.Container:
            return k8s.Container(
                name=name,
                image=image.reference,
                image_pull_policy=image.pull_policy,
                command=command,
                env=list(env),
                resources=_INIT_RESOURCES,
                security_context=container_security(),
                volume_mounts=mounts,
            )

        render = init(
            "render-auth-conf",
            ["python", "-c", _RENDER],
            (
                *uri_env,
                plain("MLFLOW_AUTH_DEFAULT_PERMISSION", s.default_permission),
                from_secret("MLFLOW_AUTH_ADMIN_USERNAME", s.admin_user.name, s.admin_user.key),
                from_secret(
                    "MLFLOW_AUTH_ADMIN_PASSWORD", s.admin_password.name, s.admin_password.key
                ),
                plain(
                    "MLFLOW_AUTH_AUTHORIZATION_FUNCTION",
                    "mlflow.server.auth:authenticate_request_basic_auth",
                ),
            ),
        )
        return ServerWiring(
            args=("--app-name=basic-auth",),
            env=(
                plain("MLFLOW_AUTH_CONFIG_PATH", CONFIG_PATH),
                # Sessions and CSRF tokens must survive restarts and agree across replicas.
                from_secret("MLFLOW_FLASK_SERVER_SECRET_KEY", s.secret_key.name, s.secret_key.key),
            ),
            # Memory-backed: the file holds the admin password.
            volumes=(
                k8s.Volume(name="auth-config", empty_dir=k8s.EmptyDirVolumeSource(medium="Memory")),
            ),
            mounts=(k8s.VolumeMount(name="auth-config", mount_path=CONFIG_DIR, read_only=True),),
            init_containers=(render,),
        )

    @property
    def ui_backend(self) -> Backend | None:
        return None

    @property
    def access(self) -> tuple[Need, ...]:
        # The user store is on the database the server reaches anyway.
        return ()

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        return ()

    @property
    def health(self) -> HealthEndpoints:
        # Plain MLflow serves /health only.
        return HealthEndpoints()

    @property
    def checks_every_request(self) -> bool:
        return True

    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        return ()

    @property
    def migrations(self) -> tuple[MigrationStep, ...]:
        """The user store's alembic upgrade, for the migration Job."""
        database = self._handles.database
        return (
            MigrationStep(
                name="auth-schema",
                command=(
                    "python",
                    "-m",
                    "mlflow.server.auth",
                    "db",
                    "upgrade",
                    f"--url=$({AUTH_URI})",
                ),
                env=(
                    *connection_env(database.wiring),
                    plain(AUTH_URI, database.uri_for(self._settings.users_database)),
                ),
            ),
        )
