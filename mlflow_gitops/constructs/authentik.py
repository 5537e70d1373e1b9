"""Authentik in front of MLflow (docs/overlays/authentik.md): a proxy provider, an application and
an outpost.

Authentik reads blueprints from files under ``/blueprints``. Its Helm chart mounts the
ConfigMaps listed in ``blueprints.configMaps`` there, and a pod can mount only ConfigMaps
of its own namespace, so this ConfigMap lives in Authentik's namespace and its name must
be added to that list once (Authentik does not discover blueprint ConfigMaps by label).
The blueprint is declarative: Authentik applies it at start and whenever the file changes.

The outpost is deployed by Authentik's Kubernetes integration into the MLflow namespace as
Deployment and Service ``ak-outpost-<outpost name>``; that Service is the UI backend, and
the outpost proxies to MLflow's in-cluster address. MLflow itself runs without auth.
"""

from __future__ import annotations

import json

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import AuthentikProxy
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.handles import AuthHandles, Backend
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.migrations import MigrationStep
from mlflow_gitops.constructs.peers import (
    Flow,
    NamespacePods,
    Need,
    Pods,
    flows_from,
    namespace,
    tcp,
)
from mlflow_gitops.constructs.server import HealthEndpoints
from mlflow_gitops.constructs.wiring import ServerWiring

COMPONENT = "auth-proxy"
# The label Authentik's Kubernetes integration puts on outpost pods.
OUTPOST_LABEL = "goauthentik.io/outpost-name"
AUTHENTIK_SERVER_PORTS = (9000, 9443)


def _q(value: str) -> str:
    # JSON strings are valid YAML scalars; Authentik's custom tags rule out a YAML dumper.
    return json.dumps(value)


def blueprint(settings: AuthentikProxy, *, external: str, internal: str, namespace: str) -> str:
    s = settings
    return f"""\
version: 1
metadata:
  name: {_q(f"mlflow-gitops {namespace}/{s.application_slug}")}
entries:
  - model: authentik_providers_proxy.proxyprovider
    id: provider
    identifiers:
      name: {_q(f"{s.application_slug}-proxy")}
    attrs:
      mode: proxy
      external_host: {_q(external)}
      internal_host: {_q(internal)}
      authorization_flow: !Find [authentik_flows.flow, [slug, {_q(s.authorization_flow)}]]
      invalidation_flow: !Find [authentik_flows.flow, [slug, {_q(s.invalidation_flow)}]]
  - model: authentik_core.application
    identifiers:
      slug: {_q(s.application_slug)}
    attrs:
      name: {_q(s.application_name)}
      provider: !KeyOf provider
      meta_launch_url: {_q(external)}
  - model: authentik_outposts.outpost
    identifiers:
      name: {_q(s.outpost_name)}
    attrs:
      type: proxy
      providers:
        - !KeyOf provider
      service_connection: !Find
        - authentik_outposts.kubernetesserviceconnection
        - [name, {_q(s.service_connection)}]
      config:
        kubernetes_namespace: {_q(namespace)}
        kubernetes_replicas: 1
        kubernetes_service_type: ClusterIP
        # The HTTPRoute of this repository routes to the outpost; it renders no Ingress.
        kubernetes_disabled_components:
          - ingress
          - traefik middleware
"""


class AuthentikProxyAuth(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: AuthentikProxy,
        handles: AuthHandles,
    ) -> None:
        super().__init__(scope, id)
        outpost = f"ak-outpost-{settings.outpost_name}"
        # Authentik's Kubernetes integration labels the outpost's pods with its name.
        pods = Pods(outpost, {OUTPOST_LABEL: settings.outpost_name})
        self._backend = Backend(outpost, settings.outpost_port, pods)
        self._mlflow = handles.mlflow
        self._authentik = NamespacePods(namespace(settings.authentik_namespace))
        name = f"{identity.app}-authentik-blueprint"
        k8s.KubeConfigMap(
            self,
            "blueprint",
            metadata=k8s.ObjectMeta(
                name=name,
                namespace=settings.authentik_namespace,
                labels=identity.labels(COMPONENT),
            ),
            data={
                f"{identity.app}.yaml": blueprint(
                    settings,
                    external=handles.public_url,
                    internal=handles.mlflow.url(identity.namespace),
                    namespace=identity.namespace,
                )
            },
        )

    @property
    def ui_backend(self) -> Backend | None:
        return self._backend

    @property
    def wiring(self) -> ServerWiring:
        return ServerWiring()

    @property
    def migrations(self) -> tuple[MigrationStep, ...]:
        # MLflow runs without auth; Authentik keeps its users in its own database.
        return ()

    @property
    def access(self) -> tuple[Need, ...]:
        return ()

    @property
    def own_flows(self) -> tuple[Flow, ...]:
        """The outpost proxies to MLflow and keeps a connection to Authentik's server, whose
        pods listen on 9000 (HTTP) and 9443 (HTTPS) in Authentik's namespace."""
        outpost = self._backend.pods
        assert outpost is not None
        core = Need(self._authentik, tcp(*AUTHENTIK_SERVER_PORTS))
        return flows_from(outpost, (*self._mlflow.needs, core))

    @property
    def health(self) -> HealthEndpoints:
        # Plain MLflow serves /health only.
        return HealthEndpoints()

    @property
    def checks_every_request(self) -> bool:
        # MLflow runs without auth: the outpost is the only gate.
        return False

    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        # The blueprint ConfigMap is the whole setup; Authentik applies it itself.
        return ()
