"""An nginx Ingress: the UI host to the auth option's UI backend, an API host to MLflow."""

from __future__ import annotations

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import NginxIngress
from mlflow_gitops.constructs.handles import Backend, TlsHandle
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import SYNC_WAVE
from mlflow_gitops.constructs.peers import NamespacePods

COMPONENT = "exposure"


def _rule(host: str, backend: Backend) -> k8s.IngressRule:
    return k8s.IngressRule(
        host=host,
        http=k8s.HttpIngressRuleValue(
            paths=[
                k8s.HttpIngressPath(
                    path="/",
                    path_type="Prefix",
                    backend=k8s.IngressBackend(
                        service=k8s.IngressServiceBackend(
                            name=backend.service,
                            port=k8s.ServiceBackendPort(number=backend.port),
                        )
                    ),
                )
            ]
        ),
    )


class IngressExposure(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: NginxIngress,
        tls: TlsHandle,
        ui: Backend,
        api: Backend,
    ) -> None:
        super().__init__(scope, id)
        rules = [_rule(settings.host, ui)]
        self.backends: tuple[Backend, ...] = (ui,)
        if settings.api_host:
            # API clients authenticate to MLflow itself (docs/overlays/gke-gcs.md: the api.* host).
            rules.append(_rule(settings.api_host, api))
            self.backends += (api,)
        # nginx proxies from its controller's pods.
        self.sources = (NamespacePods(settings.controller_namespace_labels),)
        annotations = {**settings.annotations, **tls.annotations}
        if settings.sync_wave is not None:
            annotations[SYNC_WAVE] = str(settings.sync_wave)
        k8s.KubeIngress(
            self,
            "ingress",
            metadata=identity.metadata(
                settings.name or identity.app,
                COMPONENT,
                annotations=dict(sorted(annotations.items())),
            ),
            spec=k8s.IngressSpec(
                ingress_class_name=settings.class_name,
                tls=(
                    [k8s.IngressTls(hosts=list(settings.hosts), secret_name=tls.secret_name)]
                    if tls.secret_name
                    else None
                ),
                rules=rules,
            ),
        )
