"""Where artifacts live. Clients always upload and download through the tracking server
(``--serve-artifacts``), so no client needs the bucket's keys or the volume's mount."""

from __future__ import annotations

from constructs import Construct

from mlflow_gitops.config import S3Artifacts, S3Connection, VolumeArtifacts
from mlflow_gitops.constructs.bootstrap import BootstrapStep
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.peers import Need, reach_url
from mlflow_gitops.constructs.waits import WaitTarget
from mlflow_gitops.constructs.wiring import ServerWiring, from_secret, plain


def _s3_env(s3: S3Connection) -> ServerWiring:
    env = [
        from_secret("AWS_ACCESS_KEY_ID", s3.credentials_secret, s3.access_key_id_key),
        from_secret("AWS_SECRET_ACCESS_KEY", s3.credentials_secret, s3.secret_access_key_key),
        plain("MLFLOW_S3_ENDPOINT_URL", s3.endpoint_url),
    ]
    if s3.ignore_tls:
        env.append(plain("MLFLOW_S3_IGNORE_TLS", "true"))
    return ServerWiring(env=tuple(env))


def bucket_step(identity: Identity, s3: S3Connection | None) -> tuple[BootstrapStep, ...]:
    """Create the bucket if it is missing (the original homelab setup ran s3cmd mb by hand); never
    touch one."""
    if s3 is None or not s3.create_bucket:
        return ()
    env = [
        plain("ARTIFACT_STORE", "s3"),
        plain("BUCKET", s3.bucket),
        plain("S3_ENDPOINT_URL", s3.endpoint_url),
        from_secret("AWS_ACCESS_KEY_ID", s3.credentials_secret, s3.access_key_id_key),
        from_secret("AWS_SECRET_ACCESS_KEY", s3.credentials_secret, s3.secret_access_key_key),
    ]
    if s3.ignore_tls:
        env.append(plain("S3_VERIFY_TLS", "false"))
    return (
        BootstrapStep(
            name=f"{identity.app}-bucket-setup",
            script="bucket_bootstrap.py",
            wiring=ServerWiring(env=tuple(env)),
            needs=(reach_url("object-store", s3.endpoint_url),),
        ),
    )


class VolumeArtifactStore(Construct):
    """Artifacts on a mounted claim (docs/overlays/homelab.md: ``/models/mlflow-artifacts`` on
    JuiceFS).

    The original setup handed clients ``file:///models/...`` as the artifact root, which only pods
    with the mount can write; serving through the server makes it work for every client.
    """

    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, settings: VolumeArtifacts
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self.bootstrap_steps = bucket_step(identity, settings.s3)

    @property
    def wait_targets(self) -> tuple[WaitTarget, ...]:
        s3 = self._settings.s3
        return (WaitTarget.from_url("s3", s3.endpoint_url),) if s3 else ()

    @property
    def access(self) -> tuple[Need, ...]:
        # The server holds the bucket's keys for runs whose artifacts live there.
        s3 = self._settings.s3
        return (reach_url("object-store", s3.endpoint_url),) if s3 else ()

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        served = ServerWiring(args=("--serve-artifacts", f"--artifacts-destination={s.path}"))
        return served + (_s3_env(s.s3) if s.s3 else ServerWiring())


class S3ArtifactStore(Construct):
    """Artifacts in an S3-compatible bucket (SeaweedFS, MinIO, AWS)."""

    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, settings: S3Artifacts
    ) -> None:
        super().__init__(scope, id)
        self._settings = settings
        self.bootstrap_steps = bucket_step(identity, settings.s3)

    @property
    def wait_targets(self) -> tuple[WaitTarget, ...]:
        return (WaitTarget.from_url("s3", self._settings.s3.endpoint_url),)

    @property
    def access(self) -> tuple[Need, ...]:
        return (reach_url("object-store", self._settings.s3.endpoint_url),)

    @property
    def wiring(self) -> ServerWiring:
        s = self._settings
        destination = f"s3://{s.s3.bucket}/{s.prefix}".rstrip("/")
        served = ServerWiring(args=("--serve-artifacts", f"--artifacts-destination={destination}"))
        return served + _s3_env(s.s3)
