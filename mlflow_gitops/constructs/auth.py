"""Who may use MLflow. Each auth option adds its server arguments, environment and files."""

from __future__ import annotations

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import KeycloakOidc
from mlflow_gitops.constructs.database import MetadataDatabase
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.wiring import ServerWiring, from_secret, plain

PLUGIN_CONFIGMAP = "mlflow-group-plugin"
PLUGIN_DIR = "/mlflow/plugins"


def _flag(value: bool) -> str:
    return "true" if value else "false"


class KeycloakOidcAuth(Construct):
    """mlflow-oidc-auth against Keycloak (seed 001), with the realm-role group plugin."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: KeycloakOidc,
        database: MetadataDatabase,
        public_url: str,
        plugin_source: str,
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self._database = database
        self._public_url = public_url
        module = settings.group_detection_plugin
        k8s.KubeConfigMap(
            self,
            "plugin",
            metadata=identity.metadata(PLUGIN_CONFIGMAP, "auth"),
            data={f"{module}.py": plugin_source},
        )

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        return ServerWiring(
            args=("--app-name=oidc-auth",),
            env=(
                plain("PYTHONPATH", PLUGIN_DIR),
                plain("OIDC_DISCOVERY_URL", f"{s.issuer}/.well-known/openid-configuration"),
                plain("OIDC_CLIENT_ID", s.client_id),
                from_secret("OIDC_CLIENT_SECRET", s.client_secret.name, s.client_secret.key),
                plain("OIDC_PROVIDER_DISPLAY_NAME", s.provider_display_name),
                plain("OIDC_SCOPE", s.scope),
                plain("OIDC_REDIRECT_URI", f"{self._public_url}/callback"),
                plain("OIDC_GROUP_NAME", s.group_name),
                plain("OIDC_ADMIN_GROUP_NAME", s.admin_group_name),
                plain("OIDC_GROUPS_ATTRIBUTE", s.groups_attribute),
                plain("OIDC_GROUP_DETECTION_PLUGIN", s.group_detection_plugin),
                plain("AUTOMATIC_LOGIN_REDIRECT", _flag(s.automatic_login_redirect)),
                plain(
                    "DEFAULT_LANDING_PAGE_IS_PERMISSIONS",
                    _flag(s.default_landing_page_is_permissions),
                ),
                # The seed generated a random key per deploy; replicas must share one.
                from_secret("SECRET_KEY", s.secret_key.name, s.secret_key.key),
                # The plugin's default is a SQLite file, unwritable on a read-only root.
                plain("OIDC_USERS_DB_URI", self._database.uri_for(s.users_database)),
            ),
            volumes=(
                k8s.Volume(
                    name="group-plugin",
                    config_map=k8s.ConfigMapVolumeSource(name=PLUGIN_CONFIGMAP),
                ),
            ),
            mounts=(k8s.VolumeMount(name="group-plugin", mount_path=PLUGIN_DIR, read_only=True),),
        )
