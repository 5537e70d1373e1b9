"""How MLflow is reached from outside the cluster, and where its TLS certificate comes from."""

from __future__ import annotations

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import CertManagerCertificate, NginxIngress
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.imports.io.cert_manager import (
    Certificate,
    CertificateSpec,
    CertificateSpecIssuerRef,
)

COMPONENT = "exposure"


class CertManagerTls(Construct):
    """A Certificate, so cert-manager writes the TLS Secret (seed 001 copied one by hand)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: CertManagerCertificate,
        hosts: tuple[str, ...],
    ) -> None:
        super().__init__(scope, id)
        self.secret_name = settings.secret_name
        Certificate(
            self,
            "certificate",
            metadata=identity.crd_metadata(identity.app, COMPONENT),
            spec=CertificateSpec(
                secret_name=settings.secret_name,
                dns_names=list(hosts),
                issuer_ref=CertificateSpecIssuerRef(
                    name=settings.issuer_name, kind=settings.issuer_kind, group="cert-manager.io"
                ),
            ),
        )


class NginxIngressExposure(Construct):
    """An Ingress for the nginx controller, serving the certificate's Secret."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: NginxIngress,
        service_name: str,
        service_port: int,
    ) -> None:
        super().__init__(scope, id)
        # Superseded by constructs/ingress.py (IngressExposure), which app.py now maps.
        if not isinstance(settings.tls, CertManagerCertificate):
            raise TypeError("NginxIngressExposure serves cert-manager Certificates only")
        tls = CertManagerTls(
            self, "tls", identity=identity, settings=settings.tls, hosts=(settings.host,)
        )
        k8s.KubeIngress(
            self,
            "ingress",
            metadata=identity.metadata(
                identity.app, COMPONENT, annotations=dict(sorted(settings.annotations.items()))
            ),
            spec=k8s.IngressSpec(
                ingress_class_name=settings.class_name,
                tls=[k8s.IngressTls(hosts=[settings.host], secret_name=tls.secret_name)],
                rules=[
                    k8s.IngressRule(
                        host=settings.host,
                        http=k8s.HttpIngressRuleValue(
                            paths=[
                                k8s.HttpIngressPath(
                                    path="/",
                                    path_type="Prefix",
                                    backend=k8s.IngressBackend(
                                        service=k8s.IngressServiceBackend(
                                            name=service_name,
                                            port=k8s.ServiceBackendPort(number=service_port),
                                        )
                                    ),
                                )
                            ]
                        ),
                    )
                ],
            ),
        )
