"""What an option contributes to the MLflow server container: the handle between constructs."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_35 import k8s


@dataclass(frozen=True)
class ServerWiring:
    """Arguments, environment and volumes one option adds to the server.

    Order is kept: Kubernetes expands ``$(VAR)`` only from variables defined earlier.
    """

    args: tuple[str, ...] = ()
    env: tuple[k8s.EnvVar, ...] = ()
    volumes: tuple[k8s.Volume, ...] = ()
    mounts: tuple[k8s.VolumeMount, ...] = ()
    # Run in order before the server starts (wait for a dependency, write a config file).
    init_containers: tuple[k8s.Container, ...] = ()
    # The pod's ServiceAccount when an option needs an identity (GKE Workload Identity).
    service_account: str | None = None
    # Mounted claims that attach to one node at a time (ReadWriteOnce): a rolling update's
    # new pod on another node would wait on Multi-Attach forever, so the server recreates.
    single_attach_claims: tuple[str, ...] = ()

    def __add__(self, other: ServerWiring) -> ServerWiring:
        if self.service_account and other.service_account:
            raise ValueError("two options each set the server's ServiceAccount; keep one")
        return ServerWiring(
            args=self.args + other.args,
            env=self.env + other.env,
            volumes=self.volumes + other.volumes,
            mounts=self.mounts + other.mounts,
            init_containers=self.init_containers + other.init_containers,
            service_account=self.service_account or other.service_account,
            single_attach_claims=self.single_attach_claims + other.single_attach_claims,
        )


def plain(name: str, value: str) -> k8s.EnvVar:
    return k8s.EnvVar(name=name, value=value)


def from_secret(name: str, secret: str, key: str) -> k8s.EnvVar:
    return k8s.EnvVar(
        name=name,
        value_from=k8s.EnvVarSource(secret_key_ref=k8s.SecretKeySelector(name=secret, key=key)),
    )
