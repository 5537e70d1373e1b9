"""oauth2-proxy with GitHub login in front of the MLflow UI (docs/overlays/gke-gcs.md).

MLflow runs its built-in basic auth. The proxy turns the GitHub user's e-mail into a
basic-auth user name with the shared bridge password (alpha config ``injectRequestHeaders``
with ``basicAuthPassword`` read from an environment variable, itself from a Secret), so
a browser sees MLflow as the MLflow user of that e-mail; API clients use the API host
with their own MLflow credentials.
"""

from __future__ import annotations

from typing import Any

import yaml
from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import OAuth2Proxy, Resources, RunAs
from mlflow_gitops.constructs.basic_auth import BuiltinBasicAuth
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.handles import AuthHandles, Backend
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.migrations import MigrationStep
from mlflow_gitops.constructs.peers import Addresses, Flow, Need, Pods, flows_from, tcp
from mlflow_gitops.constructs.pods import container_security, pod_security_for, requirements
from mlflow_gitops.constructs.server import HealthEndpoints
from mlflow_gitops.constructs.wiring import ServerWiring, from_secret, plain

COMPONENT = "auth-proxy"
NAME = "oauth2-proxy"
CONFIG_DIR = "/etc/oauth2-proxy"
CLIENT_SECRET_DIR = "/etc/oauth2-proxy-client"
BRIDGE_ENV = "MLFLOW_BRIDGE_PASSWORD"
# The image's distroless "nonroot" user.
RUN_AS = RunAs(user=65532, group=65532, fs_group=65532)


def alpha_config(settings: OAuth2Proxy, upstream: str) -> dict[str, Any]:
    provider: dict[str, Any] = {
        "id": settings.provider,
        "provider": settings.provider,
        "clientID": settings.client_id,
        "clientSecretFile": f"{CLIENT_SECRET_DIR}/{settings.client_secret.key}",
    }
    github = {
        key: value
        for key, value in (
            ("org", settings.github_org),
            ("users", list(settings.github_users)),
        )
        if value
    }
    if github:
        provider["githubConfig"] = github
    return {
        "server": {"BindAddress": f"0.0.0.0:{settings.port}"},
        "upstreamConfig": {"upstreams": [{"id": "mlflow", "path": "/", "uri": upstream}]},
        "injectRequestHeaders": [
            {
                "name": "Authorization",
                "values": [
                    {
                        "claim": "email",
                        "prefix": "Basic ",
                        "basicAuthPassword": {"fromEnv": BRIDGE_ENV},
                    }
                ],
            }
        ],
        "providers": [provider],
    }


class OAuth2ProxyAuth(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: OAuth2Proxy,
        handles: AuthHandles,
    ) -> None:
        super().__init__(scope, id)
        self._basic = BuiltinBasicAuth(
            self, "mlflow", identity=identity, settings=settings.mlflow, handles=handles
        )
        self._backend = Backend(NAME, settings.port, Pods(NAME, {"app": NAME}))
        self._settings = settings
        self._app = identity.app
        self._mlflow = handles.mlflow
        self._mlflow_url = handles.mlflow.url(identity.namespace)
        s = settings
        k8s.KubeConfigMap(
            self,
            "config",
            metadata=identity.metadata(NAME, COMPONENT),
            data={
                "alpha-config.yaml": yaml.safe_dump(
                    alpha_config(s, handles.mlflow.url(identity.namespace)), sort_keys=True
                )
            },
        )
        selector = {"app": NAME}
        probe_port = k8s.IntOrString.from_string("http")
        container = k8s.Container(
            name=NAME,
            image=s.image.reference,
            image_pull_policy=s.image.pull_policy,
            args=[
                f"--alpha-config={CONFIG_DIR}/alpha-config.yaml",
                f"--redirect-url={handles.public_url}/oauth2/callback",
                *(f"--email-domain={domain}" for domain in s.email_domains),
                "--cookie-secure=true",
                "--reverse-proxy=true",
            ],
            env=[
                from_secret(
                    "OAUTH2_PROXY_COOKIE_SECRET", s.cookie_secret.name, s.cookie_secret.key
                ),
                from_secret(BRIDGE_ENV, s.bridge_password.name, s.bridge_password.key),
            ],
            ports=[k8s.ContainerPort(name="http", container_port=s.port)],
            liveness_probe=k8s.Probe(
                http_get=k8s.HttpGetAction(path="/ping", port=probe_port),
                initial_delay_seconds=5,
                timeout_seconds=5,
            ),
            readiness_probe=k8s.Probe(
                http_get=k8s.HttpGetAction(path="/ready", port=probe_port),
                initial_delay_seconds=5,
                timeout_seconds=5,
            ),
            resources=requirements(
                Resources(
                    requests_cpu="10m",
                    requests_memory="32Mi",
                    limits_cpu="200m",
                    limits_memory="128Mi",
                )
            ),
            security_context=container_security(),
            volume_mounts=[
                k8s.VolumeMount(name="config", mount_path=CONFIG_DIR, read_only=True),
                k8s.VolumeMount(name="client", mount_path=CLIENT_SECRET_DIR, read_only=True),
            ],
        )
        k8s.KubeDeployment(
            self,
            "deployment",
            metadata=identity.metadata(NAME, COMPONENT),
            spec=k8s.DeploymentSpec(
                replicas=1,
                selector=k8s.LabelSelector(match_labels=selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels={**identity.labels(COMPONENT), **selector}),
                    spec=k8s.PodSpec(
                        automount_service_account_token=False,
                        security_context=pod_security_for(RUN_AS),
                        containers=[container],
                        volumes=[
                            k8s.Volume(
                                name="config", config_map=k8s.ConfigMapVolumeSource(name=NAME)
                            ),
                            k8s.Volume(
                                name="client",
                                secret=k8s.SecretVolumeSource(
                                    secret_name=s.client_secret.name,
                                    items=[
                                        k8s.KeyToPath(
                                            key=s.client_secret.key, path=s.client_secret.key
                                        )
                                    ],
                                ),
                            ),
                        ],
                    ),
                ),
            ),
        )
        k8s.KubeService(
            self,
            "service",
            metadata=identity.metadata(NAME, COMPONENT),
            spec=k8s.ServiceSpec(
                type="ClusterIP",
                selector=selector,
                ports=[
                    k8s.ServicePort(
                        name="http",
                        port=s.port,
                        target_port=k8s.IntOrString.from_string("http"),
                        protocol="TCP",
                    )
                ],
            ),
        )

    @property
    def ui_backend(self) -> Backend | None:
        return self._backend

    @property
    def wiring(self) -> ServerWiring:
        return self._basic.wiring

    @property
    def access(self) -> tuple[Need, ...]:
        return ()

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        """The proxy calls MLflow and GitHub (login, the user's e-mail and organisations)."""
        proxy = self._backend.pods
        assert proxy is not None
        github = Need(Addresses("identity-provider"), tcp(443))
        return flows_from(proxy, (*self._mlflow.needs, github))

    @property
    def health(self) -> HealthEndpoints:
        # Plain MLflow serves /health only.
        return HealthEndpoints()

    @property
    def checks_every_request(self) -> bool:
        # MLflow's basic auth checks the bridge credentials the proxy sends, and API callers'.
        return True

    @property
    def migrations(self) -> tuple[MigrationStep, ...]:
        return self._basic.migrations

    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        """docs/overlays/gke-gcs.md (Bootstrap Jobs), declared: each GitHub user exists in MLflow
        with the bridge password.

        A PostSync hook: MLflow's auth API must be up, which it is only after the sync.
        """
        s = self._settings
        if not s.users:
            return ()
        admin = s.mlflow
        return (
            BootstrapStep(
                name=f"{self._app}-users",
                script="mlflow_users.py",
                hook="PostSync",
                wiring=ServerWiring(
                    env=(
                        plain("MLFLOW_TRACKING_URI", self._mlflow_url),
                        from_secret(
                            "MLFLOW_TRACKING_USERNAME", admin.admin_user.name, admin.admin_user.key
                        ),
                        from_secret(
                            "MLFLOW_TRACKING_PASSWORD",
                            admin.admin_password.name,
                            admin.admin_password.key,
                        ),
                        from_secret(BRIDGE_ENV, s.bridge_password.name, s.bridge_password.key),
                    )
                ),
                config_env="MLFLOW_USERS_CONFIG",
                config={"users": [user.model_dump() for user in s.users]},
                needs=self._mlflow.needs,
            ),
        )
