"""PersistentVolumeClaims the server mounts."""

from __future__ import annotations

from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import VolumeClaim
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import KEEP
from mlflow_gitops.constructs.wiring import ServerWiring


class ServerVolumes(Construct):
    """One claim and one mount per entry of the overlay's ``volumes``."""

    def __init__(
        self, scope: Construct, id: str, *, identity: Identity, claims: tuple[VolumeClaim, ...]
    ) -> None:
        super().__init__(scope, id)
        self._claims = claims
        for claim in claims:
            k8s.KubePersistentVolumeClaim(
                self,
                claim.name,
                metadata=identity.metadata(
                    claim.name, "storage", labels=claim.labels, annotations=KEEP
                ),
                spec=k8s.PersistentVolumeClaimSpec(
                    access_modes=list(claim.access_modes),
                    storage_class_name=claim.storage_class,
                    resources=k8s.VolumeResourceRequirements(
                        requests={"storage": k8s.Quantity.from_string(claim.size)}
                    ),
                ),
            )

    @property
    def wiring(self) -> ServerWiring:
        return ServerWiring(
            volumes=tuple(
                k8s.Volume(
                    name=claim.name,
                    persistent_volume_claim=k8s.PersistentVolumeClaimVolumeSource(
                        claim_name=claim.name
                    ),
                )
                for claim in self._claims
            ),
            mounts=tuple(
                k8s.VolumeMount(name=claim.name, mount_path=claim.mount_path)
                for claim in self._claims
            ),
            single_attach_claims=tuple(
                claim.name for claim in self._claims if "ReadWriteOnce" in claim.access_modes
            ),
        )
