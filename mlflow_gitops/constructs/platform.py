"""Homelab platform integrations: service discovery, code-server helpers, app credentials.

The original homelab setup (docs/overlays/homelab.md) wrote a ConfigMap and copied scripts into a
running code-server pod; its Ansible run copied a credentials Secret into each application namespace
and patched every Deployment. Here each is an object Argo CD keeps in place.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml
from cdk8s_plus_35 import k8s
from constructs import Construct

from mlflow_gitops.config import (
    AppCredentials,
    CodeServerHelpers,
    SecretKeyRef,
    ThinkubeDiscovery,
)
from mlflow_gitops.constructs.meta import Identity

COMPONENT = "platform"
# The label Kyverno's Helm chart selects in the background controller's aggregated ClusterRole.
KYVERNO_BACKGROUND_AGGREGATION = "rbac.kyverno.io/aggregate-to-background-controller"


@dataclass(frozen=True)
class AppEnvironment:
    """What every application needs to reach MLflow (the variable names of
    docs/overlays/homelab.md)."""

    tracking_uri: str
    token_url: str
    client_id: str
    username: str
    password: SecretKeyRef
    client_secret: SecretKeyRef
    seaweedfs_password: SecretKeyRef | None
    admin_password: SecretKeyRef | None

    def plain(self) -> dict[str, str]:
        return {
            "MLFLOW_TRACKING_URI": self.tracking_uri,
            "MLFLOW_KEYCLOAK_TOKEN_URL": self.token_url,
            "MLFLOW_KEYCLOAK_CLIENT_ID": self.client_id,
            "MLFLOW_AUTH_USERNAME": self.username,
        }

    def secret(self) -> dict[str, SecretKeyRef]:
        refs = {"MLFLOW_CLIENT_SECRET": self.client_secret, "MLFLOW_AUTH_PASSWORD": self.password}
        if self.seaweedfs_password:
            refs["SEAWEEDFS_PASSWORD"] = self.seaweedfs_password
        if self.admin_password:
            refs["ADMIN_PASSWORD"] = self.admin_password
        return refs


class ThinkubeServiceDiscovery(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: ThinkubeDiscovery,
        public_url: str,
        environment: AppEnvironment,
    ) -> None:
        super().__init__(scope, id)
        service = {
            "name": identity.app,
            "display_name": settings.display_name,
            "description": settings.description,
            "category": settings.category,
            "icon": settings.icon,
            "endpoints": [
                {
                    "name": "web",
                    "type": "http",
                    "url": public_url,
                    "health_url": f"{public_url}/health",
                    "primary": True,
                }
            ],
            "dependencies": list(settings.dependencies),
            "scaling": {
                "resource_type": "Deployment",
                "resource_name": identity.app,
                "min_replicas": settings.min_replicas,
                "can_disable": settings.can_disable,
            },
            "environment_variables": environment.plain(),
            # Values never live in a ConfigMap: consumers read them from these Secrets.
            "secret_environment_variables": {
                name: {"secret": ref.name, "key": ref.key}
                for name, ref in sorted(environment.secret().items())
            },
        }
        k8s.KubeConfigMap(
            self,
            "discovery",
            metadata=identity.metadata(
                "thinkube-service-config",
                COMPONENT,
                labels={
                    "thinkube.io/managed": "true",
                    "thinkube.io/service-type": "core",
                    "thinkube.io/service-name": identity.app,
                },
            ),
            data={"service.yaml": yaml.safe_dump(service, sort_keys=True)},
        )


class CodeServerHelperScripts(Construct):
    """The scripts in code-server's namespace; its Deployment mounts the ConfigMap."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: CodeServerHelpers,
        scripts: dict[str, str],
    ) -> None:
        super().__init__(scope, id)
        metadata = identity.metadata(settings.configmap, COMPONENT)
        k8s.KubeConfigMap(
            self,
            "scripts",
            metadata=k8s.ObjectMeta(
                name=metadata.name, namespace=settings.namespace, labels=metadata.labels
            ),
            data=dict(sorted(scripts.items())),
        )


def _cel(text: str) -> str:
    """A CEL string literal (JSON's escapes are CEL's for these ASCII values)."""
    return json.dumps(text)


def copy_secrets_expression(source_namespace: str, names: list[str]) -> str:
    """CEL: each source Secret, reduced to what a copy needs (no owner, labels or
    annotations of the source), into the namespace that triggered the policy."""
    sources = ", ".join(
        f"resource.get({_cel('v1')}, {_cel('secrets')}, {_cel(source_namespace)}, {_cel(name)})"
        for name in names
    )
    return (
        f"generator.apply(object.metadata.name, [{sources}].map(s, "
        '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": s.metadata.name}, '
        '"type": s.type, "data": s.data}))'
    )


def add_environment_expression(environment: AppEnvironment) -> str:
    """CEL JSON patch: each container's env becomes its own variables but these, then these
    (a same-named variable of the app is replaced; nothing else of the Deployment changes).
    A JSON patch, not an apply configuration: Kubernetes refuses apply configurations that
    set an atomic struct, and ``secretKeyRef`` is one (the pinned engine says so). The
    values are ``dyn``: CEL map literals must otherwise hold values of one type."""
    items = [
        f'{{"name": dyn({_cel(name)}), "value": dyn({_cel(value)})}}'
        for name, value in environment.plain().items()
    ]
    items += [
        f'{{"name": dyn({_cel(name)}), "valueFrom": dyn({{"secretKeyRef": '
        f'{{"name": {_cel(ref.name)}, "key": {_cel(ref.key)}}}}})}}'
        for name, ref in sorted(environment.secret().items())
    ]
    names = ", ".join(_cel(name) for name in [*environment.plain(), *sorted(environment.secret())])
    joined = ",\n    ".join(items)
    containers = "object.spec.template.spec.containers"
    return (
        f"lists.range(size({containers})).map(i, JSONPatch{{\n"
        '  op: "add",\n'
        '  path: "/spec/template/spec/containers/" + string(i) + "/env",\n'
        f"  value: (has({containers}[i].env) ? {containers}[i].env : [])\n"
        f"    .filter(e, !(e.name in [{names}])) + [\n    {joined}\n  ]\n}})"
    )


class KyvernoAppCredentials(Construct):
    """docs/overlays/homelab.md's app credentials in Kyverno's stable (policies.kyverno.io/v1)
    kinds: a GeneratingPolicy copies the Secrets behind the variables into every namespace labelled
    ``<opt_in_label>=true``, and a MutatingPolicy adds the variables to every container of the
    Deployments there.

    The copies are not synchronized: Kyverno keeps generated objects in sync by watching
    their kind in every namespace, which would let its background controller read every
    Secret of the cluster. Without it the controller needs only: get and update of these
    Secrets by name, and create (which RBAC cannot limit by name). A changed source reaches
    the copies when the namespace is next updated (any label or annotation change)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: AppCredentials,
        environment: AppEnvironment,
    ) -> None:
        super().__init__(scope, id)
        # Generated classes load where they are used: only an overlay with one pays for them.
        from mlflow_gitops.imports.kyverno_generatingpolicy import (
            GeneratingPolicy,
            GeneratingPolicySpec,
            GeneratingPolicySpecEvaluation,
            GeneratingPolicySpecEvaluationGenerateExisting,
            GeneratingPolicySpecEvaluationSynchronize,
            GeneratingPolicySpecGenerate,
            GeneratingPolicySpecMatchConstraints,
            GeneratingPolicySpecMatchConstraintsObjectSelector,
            GeneratingPolicySpecMatchConstraintsResourceRules,
        )
        from mlflow_gitops.imports.kyverno_mutatingpolicy import (
            MutatingPolicy,
            MutatingPolicySpec,
            MutatingPolicySpecMatchConstraints,
            MutatingPolicySpecMatchConstraintsNamespaceSelector,
            MutatingPolicySpecMatchConstraintsResourceRules,
            MutatingPolicySpecMutations,
            MutatingPolicySpecMutationsJsonPatch,
        )

        opted_in = {settings.opt_in_label: "true"}
        secrets = sorted({ref.name for ref in environment.secret().values()})
        GeneratingPolicy(
            self,
            "copy-secrets",
            metadata=identity.crd_metadata(
                f"{identity.app}-app-credentials", COMPONENT, cluster_scoped=True
            ),
            spec=GeneratingPolicySpec(
                match_constraints=GeneratingPolicySpecMatchConstraints(
                    resource_rules=[
                        GeneratingPolicySpecMatchConstraintsResourceRules(
                            api_groups=[""],
                            api_versions=["v1"],
                            operations=["CREATE", "UPDATE"],
                            resources=["namespaces"],
                        )
                    ],
                    object_selector=GeneratingPolicySpecMatchConstraintsObjectSelector(
                        match_labels=opted_in
                    ),
                ),
                evaluation=GeneratingPolicySpecEvaluation(
                    # Namespaces labelled before the policy existed get their copies too.
                    generate_existing=GeneratingPolicySpecEvaluationGenerateExisting(enabled=True),
                    synchronize=GeneratingPolicySpecEvaluationSynchronize(enabled=False),
                ),
                generate=[
                    GeneratingPolicySpecGenerate(
                        expression=copy_secrets_expression(identity.namespace, secrets)
                    )
                ],
            ),
        )
        MutatingPolicy(
            self,
            "add-environment",
            metadata=identity.crd_metadata(
                f"{identity.app}-app-environment", COMPONENT, cluster_scoped=True
            ),
            spec=MutatingPolicySpec(
                match_constraints=MutatingPolicySpecMatchConstraints(
                    resource_rules=[
                        MutatingPolicySpecMatchConstraintsResourceRules(
                            api_groups=["apps"],
                            api_versions=["v1"],
                            operations=["CREATE", "UPDATE"],
                            resources=["deployments"],
                        )
                    ],
                    namespace_selector=MutatingPolicySpecMatchConstraintsNamespaceSelector(
                        match_labels=opted_in
                    ),
                ),
                mutations=[
                    MutatingPolicySpecMutations(
                        patch_type="JSONPatch",
                        json_patch=MutatingPolicySpecMutationsJsonPatch(
                            expression=add_environment_expression(environment)
                        ),
                    )
                ],
            ),
        )
        # Kyverno's background controller makes the copies with its own permissions plus
        # those of every ClusterRole labelled into it (its documented extension point; the
        # overlay declares the label in argocd.cluster_role_aggregation).
        k8s.KubeClusterRole(
            self,
            "kyverno-secrets",
            metadata=identity.metadata(
                f"{identity.app}-kyverno-secrets",
                COMPONENT,
                cluster_scoped=True,
                labels={KYVERNO_BACKGROUND_AGGREGATION: "true"},
            ),
            rules=[
                # Read the sources in the MLflow namespace, read and refresh the copies.
                k8s.PolicyRule(
                    api_groups=[""],
                    resources=["secrets"],
                    resource_names=secrets,
                    verbs=["get", "update"],
                ),
                # A new copy: RBAC cannot name an object that does not exist yet.
                k8s.PolicyRule(api_groups=[""], resources=["secrets"], verbs=["create"]),
            ],
        )
