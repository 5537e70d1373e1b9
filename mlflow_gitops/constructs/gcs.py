"""Artifacts in a Google Cloud Storage bucket (docs/overlays/gke-gcs.md: ``gs://<bucket>/artifacts``)."""

from __future__ import annotations

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import GcsArtifacts, GcsKeySecret
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.peers import Addresses, Need, tcp
from mlflow_gitops.constructs.waits import WaitTarget
from mlflow_gitops.constructs.wiring import ServerWiring, plain

COMPONENT = "artifacts"
KEY_DIR = "/var/secrets/google"
WORKLOAD_IDENTITY = "iam.gke.io/gcp-service-account"
# GKE's metadata server: 169.254.169.254:80, and 169.254.169.252:988 on clusters without
# GKE Dataplane V2, where NetworkPolicy sees the redirected address.
METADATA_CIDR = "169.254.169.254/32"
METADATA_DATAPLANE_V1_CIDR = "169.254.169.252/32"


class GcsArtifactStore(Construct):
    """Served through the tracking server, so clients need no Google credentials.

    The server authenticates as a Google service account: through GKE Workload Identity
    (its own ServiceAccount, annotated; no key exists anywhere) or, where that is not
    available, a key file from a Secret, which the original setup created by hand.
    """

    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, settings: GcsArtifacts
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self._app = identity.app
        who = settings.identity
        if not isinstance(who, GcsKeySecret):
            k8s.KubeServiceAccount(
                self,
                "account",
                metadata=identity.metadata(
                    who.service_account,
                    COMPONENT,
                    annotations={WORKLOAD_IDENTITY: who.gcp_service_account},
                ),
                # GKE's metadata server answers by the pod's ServiceAccount; no token needed.
                automount_service_account_token=False,
            )

    @property
    def wait_targets(self) -> tuple[WaitTarget, ...]:
        # Google's endpoint is no dependency a pod can wait out.
        return ()

    @property
    def access(self) -> tuple[Need, ...]:
        """Google's APIs (storage, token exchange) on 443; with Workload Identity also GKE's
        metadata server, which hands out the tokens (GKE's network policy page)."""
        google = Need(Addresses("object-store"), tcp(443))
        if isinstance(self._settings.identity, GcsKeySecret):
            return (google,)
        metadata = (
            Need(Addresses("object-store", fixed=(METADATA_CIDR,)), tcp(80)),
            Need(Addresses("object-store", fixed=(METADATA_DATAPLANE_V1_CIDR,)), tcp(988)),
        )
        return (google, *metadata)

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        destination = f"gs://{s.bucket}/{s.prefix}".rstrip("/")
        served = ServerWiring(args=("--serve-artifacts", f"--artifacts-destination={destination}"))
        who = s.identity
        if not isinstance(who, GcsKeySecret):
            return served + ServerWiring(service_account=who.service_account)
        key = who.secret
        return served + ServerWiring(
            env=(plain("GOOGLE_APPLICATION_CREDENTIALS", f"{KEY_DIR}/{key.key}"),),
            volumes=(
                k8s.Volume(
                    name="gcs-key",
                    secret=k8s.SecretVolumeSource(
                        secret_name=key.name,
                        items=[k8s.KeyToPath(key=key.key, path=key.key)],
                    ),
                ),
            ),
            mounts=(k8s.VolumeMount(name="gcs-key", mount_path=KEY_DIR, read_only=True),),
        )

    @property
    def bootstrap_steps(self) -> tuple[BootstrapStep, ...]:
        """Create the bucket if missing (docs/overlays/gke-gcs.md: `gsutil mb`), as the server's
        identity."""
        s = self._settings
        if s.project is None:
            return ()
        credentials = self.wiring
        return (
            BootstrapStep(
                name=f"{self._app}-bucket-setup",
                script="bucket_bootstrap.py",
                wiring=ServerWiring(
                    env=(
                        plain("ARTIFACT_STORE", "gcs"),
                        plain("BUCKET", s.bucket),
                        plain("GCS_PROJECT", s.project),
                        plain("GCS_LOCATION", s.location),
                        *credentials.env,
                    ),
                    volumes=credentials.volumes,
                    mounts=credentials.mounts,
                    service_account=credentials.service_account,
                ),
                needs=self.access,
            ),
        )
