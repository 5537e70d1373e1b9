"""Where the exposure's TLS certificate comes from. Each option offers the same handle:
the Secret the route serves and the annotations it adds to the route."""

from __future__ import annotations

from collections.abc import Mapping

from constructs import Construct

from mlflow_gitops.config import AcmeIssuer, CertManagerCertificate, GatewayTls, IssuerAnnotation
from mlflow_gitops.constructs.meta import Identity

COMPONENT = "tls"


class LetsEncryptIssuer(Construct):
    """The ACME ClusterIssuer itself (the original gke-gcs setup applied ``cluster-issuer.yaml`` by
    hand)."""

    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, name: str, settings: AcmeIssuer
    ) -> None:
        super().__init__(scope, id)
        # Generated classes load where they are used: only an overlay with one pays for them.
        from mlflow_gitops.imports.cert_manager_clusterissuer import (
            ClusterIssuer,
            ClusterIssuerSpec,
            ClusterIssuerSpecAcme,
            ClusterIssuerSpecAcmePrivateKeySecretRef,
            ClusterIssuerSpecAcmeSolvers,
            ClusterIssuerSpecAcmeSolversHttp01,
            ClusterIssuerSpecAcmeSolversHttp01Ingress,
        )

        ClusterIssuer(
            self,
            "issuer",
            metadata=identity.crd_metadata(name, COMPONENT, cluster_scoped=True),
            spec=ClusterIssuerSpec(
                acme=ClusterIssuerSpecAcme(
                    email=settings.email,
                    server=settings.server,
                    private_key_secret_ref=ClusterIssuerSpecAcmePrivateKeySecretRef(
                        name=settings.account_key_secret
                    ),
                    solvers=[
                        ClusterIssuerSpecAcmeSolvers(
                            http01=ClusterIssuerSpecAcmeSolversHttp01(
                                ingress=ClusterIssuerSpecAcmeSolversHttp01Ingress(
                                    ingress_class_name=settings.ingress_class
                                )
                            )
                        )
                    ],
                )
            ),
        )


class CertificateTls(Construct):
    """A cert-manager Certificate object for every host of the exposure."""

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
        from mlflow_gitops.imports.cert_manager_certificate import (
            Certificate,
            CertificateSpec,
            CertificateSpecIssuerRef,
        )

        self.secret_name: str | None = settings.secret_name
        self.annotations: Mapping[str, str] = {}
        # The original homelab setup copied a wildcard Secret by hand; cert-manager writes this one.
        Certificate(
            self,
            "certificate",
            metadata=identity.crd_metadata(identity.app, "exposure"),
            spec=CertificateSpec(
                secret_name=settings.secret_name,
                dns_names=list(hosts),
                issuer_ref=CertificateSpecIssuerRef(
                    name=settings.issuer_name, kind=settings.issuer_kind, group="cert-manager.io"
                ),
            ),
        )
        if settings.acme:
            LetsEncryptIssuer(
                self, "issuer", identity=identity, name=settings.issuer_name, settings=settings.acme
            )


class IssuerAnnotationTls(Construct):
    """cert-manager's ingress-shim makes the Certificate from the Ingress annotation
    (docs/overlays/bitnami-legacy.md)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: IssuerAnnotation,
        hosts: tuple[str, ...],
    ) -> None:
        super().__init__(scope, id)
        key = (
            "cert-manager.io/cluster-issuer"
            if settings.issuer_kind == "ClusterIssuer"
            else "cert-manager.io/issuer"
        )
        self.secret_name: str | None = settings.secret_name
        self.annotations: Mapping[str, str] = {key: settings.issuer_name}
        if settings.acme:
            LetsEncryptIssuer(
                self, "issuer", identity=identity, name=settings.issuer_name, settings=settings.acme
            )


class GatewayTerminatedTls(Construct):
    """The Gateway's listener holds the certificate; the route carries none
    (docs/overlays/authentik.md)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: GatewayTls,
        hosts: tuple[str, ...],
    ) -> None:
        super().__init__(scope, id)
        self.secret_name: str | None = None
        self.annotations: Mapping[str, str] = {}
