"""The pod toolkit: secure defaults every pod and container of the overlay is built with.

Written once, here, so that a Job, a database or an auth proxy does not depend on the MLflow
server's module for them (cdk8s-plus keeps its container and pod defaults apart likewise).
"""

from __future__ import annotations

from cdk8s_plus_35 import k8s

from mlflow_gitops.config import Resources, RunAs


def pod_security_for(run_as: RunAs) -> k8s.PodSecurityContext:
    return k8s.PodSecurityContext(
        run_as_non_root=True,
        run_as_user=run_as.user,
        run_as_group=run_as.group,
        fs_group=run_as.fs_group,
        seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
    )


def container_security() -> k8s.SecurityContext:
    return k8s.SecurityContext(
        run_as_non_root=True,
        allow_privilege_escalation=False,
        privileged=False,
        read_only_root_filesystem=True,
        capabilities=k8s.Capabilities(drop=["ALL"]),
        seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
    )


def requirements(resources: Resources) -> k8s.ResourceRequirements:
    """Requests and limits of one container, from the overlay's (or a built-in) sizes."""
    return k8s.ResourceRequirements(
        requests={
            "cpu": k8s.Quantity.from_string(resources.requests_cpu),
            "memory": k8s.Quantity.from_string(resources.requests_memory),
        },
        limits={
            "cpu": k8s.Quantity.from_string(resources.limits_cpu),
            "memory": k8s.Quantity.from_string(resources.limits_memory),
        },
    )
