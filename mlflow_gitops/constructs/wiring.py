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

    def __add__(self, other: ServerWiring) -> ServerWiring:
        return ServerWiring(
            args=self.args + other.args,
            env=self.env + other.env,
            volumes=self.volumes + other.volumes,
            mounts=self.mounts + other.mounts,
        )


def plain(name: str, value: str) -> k8s.EnvVar:
    return k8s.EnvVar(name=name, value=value)


def from_secret(name: str, secret: str, key: str) -> k8s.EnvVar:
    return k8s.EnvVar(
        name=name,
        value_from=k8s.EnvVarSource(secret_key_ref=k8s.SecretKeySelector(name=secret, key=key)),
    )
