"""Who may use MLflow. Each auth option adds its server arguments, environment and files."""

from __future__ import annotations

from typing import Any

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import KeycloakBootstrap, KeycloakOidc
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.handles import AuthHandles, Backend
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.migrations import MigrationStep
from mlflow_gitops.constructs.peers import Flow, Need, reach_url
from mlflow_gitops.constructs.postgres import connection_env
from mlflow_gitops.constructs.server import HealthEndpoints
from mlflow_gitops.constructs.wiring import ServerWiring, from_secret, plain
from mlflow_gitops.output import shipped

PLUGIN_CONFIGMAP = "mlflow-group-plugin"
PLUGIN_DIR = "/mlflow/plugins"
# mlflow-oidc-auth's user-store upgrade (its click group `mlflow_oidc_auth.db.cli:commands`,
# which the package installs no script for): the alembic upgrade the plugin otherwise runs on
# the first request that touches its store, in every worker at once.
OIDC_DB_CLI = "from mlflow_oidc_auth.db.cli import commands; commands()"


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _mapper(name: str, mapper: str, config: dict[str, str]) -> dict[str, Any]:
    return {"name": name, "protocol": "openid-connect", "protocolMapper": mapper, "config": config}


def keycloak_config(settings: KeycloakOidc, boot: KeycloakBootstrap, host: str) -> dict[str, Any]:
    """The desired Keycloak state of docs/overlays/homelab.md (Bootstrap Jobs), for
    jobs/keycloak_bootstrap.py."""
    url = f"https://{host}"
    tokens = {"id.token.claim": "true", "access.token.claim": "true"}
    roles = {"jsonType.label": "String", "multivalued": "true", "userinfo.token.claim": "true"}
    return {
        "client": {
            "clientId": settings.client_id,
            "protocol": "openid-connect",
            "enabled": True,
            "publicClient": False,
            "standardFlowEnabled": True,
            "implicitFlowEnabled": False,
            "directAccessGrantsEnabled": True,
            "redirectUris": [f"{url}/*", f"{url}/oauth2/callback", f"{url}/callback"],
            "webOrigins": [url, "+"],
            "attributes": {
                "access.token.lifespan": str(boot.access_token_lifespan_seconds),
                "post.logout.redirect.uris": "+",
            },
            "defaultClientScopes": ["email", "profile", "roles", "openid", "offline_access"],
            "optionalClientScopes": ["address", "phone"],
            "protocolMappers": [
                _mapper(
                    f"{settings.client_id}-realm-role-mapper",
                    "oidc-usermodel-realm-role-mapper",
                    {"claim.name": "realm_access.roles", **roles, **tokens},
                ),
                _mapper(
                    f"{settings.client_id}-audience-mapper",
                    "oidc-audience-mapper",
                    {
                        "included.client.audience": settings.client_id,
                        "included.custom.audience": settings.client_id,
                        "id.token.claim": "false",
                        "access.token.claim": "true",
                    },
                ),
                _mapper(
                    f"{settings.client_id}-client-role-mapper",
                    "oidc-usermodel-client-role-mapper",
                    {
                        "claim.name": "resource_access.${client_id}.roles",
                        "usermodel.clientRoleMapping.clientId": settings.client_id,
                        **roles,
                        **tokens,
                    },
                ),
            ],
        },
        "realmRoles": [
            {"name": settings.admin_group_name, "description": "MLflow administrator"},
            {"name": settings.group_name, "description": "MLflow standard user"},
        ],
        "roleAssignments": [
            {"username": boot.realm_admin_user, "realmRoles": [settings.admin_group_name]}
        ],
        "appsIdentity": {
            "username": boot.apps.username,
            "email": boot.apps.email,
            "firstName": "MLflow",
            "lastName": "Apps",
            "realmRoles": [settings.group_name],
        },
    }


class KeycloakOidcAuth(Construct):
    """mlflow-oidc-auth against Keycloak (docs/overlays/homelab.md), with the realm-role group
    plugin."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: KeycloakOidc,
        handles: AuthHandles,
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self._database = handles.database
        self._public_url = handles.public_url
        self._app = identity.app
        plugin_source = shipped(handles.files, f"plugins/{settings.group_detection_plugin}.py")
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
                # Bearer tokens (homelab's apps) are checked against these, and only tokens
                # scoped to them may create the apps identity's permission record on first use.
                plain("OIDC_AUDIENCE", s.client_id),
                plain("OIDC_ISSUER", s.issuer),
                plain("OIDC_PROVISION_ON_BEARER_AUTH", _flag(s.provision_on_bearer_auth)),
                # The original setup generated a random key per deploy; replicas must share one.
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

    @property
    def ui_backend(self) -> Backend | None:
        return None

    @property
    def access(self) -> tuple[Need, ...]:
        # The plugin fetches the provider's discovery document and keys, and exchanges codes.
        return (reach_url("identity-provider", self._settings.keycloak_url),)

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        return ()

    @property
    def checks_every_request(self) -> bool:
        return True

    @property
    def health(self) -> HealthEndpoints:
        # The plugin's readiness checks its user database; plain /health stays 200 while that
        # is unreachable (seen in tests/test_runtime_homelab.py).
        return HealthEndpoints(live="/health/live", ready="/health/ready")

    @property
    def migrations(self) -> tuple[MigrationStep, ...]:
        """The plugin's user database, upgraded to the image's alembic head."""
        return (
            MigrationStep(
                name="oidc-users-schema",
                command=("python", "-c", OIDC_DB_CLI, "upgrade", "--url=$(OIDC_USERS_DB_URI)"),
                env=(
                    *connection_env(self._database.wiring),
                    plain(
                        "OIDC_USERS_DB_URI",
                        self._database.uri_for(self._settings.users_database),
                    ),
                ),
            ),
        )

    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        """Realm roles, the confidential client with its mappers, role assignments and the
        apps identity, converged on every sync; the client secret is the generated one."""
        s = self._settings
        boot = s.bootstrap
        if boot is None:
            return ()
        host = self._public_url.removeprefix("https://")
        return (
            BootstrapStep(
                name=f"{self._app}-keycloak-setup",
                script="keycloak_bootstrap.py",
                wiring=ServerWiring(
                    env=(
                        plain("KEYCLOAK_URL", boot.admin_url or s.keycloak_url),
                        plain("KEYCLOAK_REALM", s.realm),
                        from_secret(
                            "KEYCLOAK_ADMIN_USERNAME", boot.admin_secret, boot.admin_username_key
                        ),
                        from_secret(
                            "KEYCLOAK_ADMIN_PASSWORD", boot.admin_secret, boot.admin_password_key
                        ),
                        from_secret(
                            "MLFLOW_CLIENT_SECRET", s.client_secret.name, s.client_secret.key
                        ),
                        from_secret(
                            "MLFLOW_APPS_PASSWORD", boot.apps.password.name, boot.apps.password.key
                        ),
                    )
                ),
                config_env="KEYCLOAK_BOOTSTRAP_CONFIG",
                config=keycloak_config(s, boot, host),
                needs=(reach_url("identity-provider", boot.admin_url or s.keycloak_url),),
            ),
        )
