"""Homelab platform integrations: service discovery, code-server helpers, app credentials.

Seed 001's ``17_configure_discovery`` wrote a ConfigMap and copied scripts into a running
code-server pod; seed 000's Ansible run copied a credentials Secret into each application
namespace and patched every Deployment. Here each is an object Argo CD keeps in place.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class AppEnvironment:
    """What every application needs to reach MLflow (seed 000's variable names)."""

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


class KyvernoAppCredentials(Construct):
    """One ClusterPolicy: copies the Secrets behind seed 000's variables into every
    namespace labelled ``<opt_in_label>=true`` (kept in sync), and adds the variables to
    every container of every Deployment there. Kyverno does both in one controller,
    where External Secrets could only copy the Secrets."""

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
        from mlflow_gitops.imports.kyverno_clusterpolicy import (
            ClusterPolicy,
            ClusterPolicySpec,
            ClusterPolicySpecRules,
            ClusterPolicySpecRulesGenerate,
            ClusterPolicySpecRulesGenerateClone,
            ClusterPolicySpecRulesMatch,
            ClusterPolicySpecRulesMatchAny,
            ClusterPolicySpecRulesMatchAnyResources,
            ClusterPolicySpecRulesMatchAnyResourcesNamespaceSelector,
            ClusterPolicySpecRulesMatchAnyResourcesSelector,
            ClusterPolicySpecRulesMutate,
        )

        opted_in = {settings.opt_in_label: "true"}
        secrets = sorted({ref.name for ref in environment.secret().values()})
        rules = [
            ClusterPolicySpecRules(
                name=f"copy-{name}",
                match=ClusterPolicySpecRulesMatch(
                    any=[
                        ClusterPolicySpecRulesMatchAny(
                            resources=ClusterPolicySpecRulesMatchAnyResources(
                                kinds=["Namespace"],
                                selector=ClusterPolicySpecRulesMatchAnyResourcesSelector(
                                    match_labels=opted_in
                                ),
                            )
                        )
                    ]
                ),
                generate=ClusterPolicySpecRulesGenerate(
                    api_version="v1",
                    kind="Secret",
                    name=name,
                    namespace="{{request.object.metadata.name}}",
                    synchronize=True,
                    generate_existing=True,
                    clone=ClusterPolicySpecRulesGenerateClone(
                        namespace=identity.namespace, name=name
                    ),
                ),
            )
            for name in secrets
        ]
        env: list[dict[str, object]] = [
            {"name": name, "value": value} for name, value in environment.plain().items()
        ]
        env += [
            {"name": name, "valueFrom": {"secretKeyRef": {"name": ref.name, "key": ref.key}}}
            for name, ref in sorted(environment.secret().items())
        ]
        rules.append(
            ClusterPolicySpecRules(
                name="add-mlflow-environment",
                match=ClusterPolicySpecRulesMatch(
                    any=[
                        ClusterPolicySpecRulesMatchAny(
                            resources=ClusterPolicySpecRulesMatchAnyResources(
                                kinds=["Deployment"],
                                namespace_selector=(
                                    ClusterPolicySpecRulesMatchAnyResourcesNamespaceSelector(
                                        match_labels=opted_in
                                    )
                                ),
                            )
                        )
                    ]
                ),
                mutate=ClusterPolicySpecRulesMutate(
                    patch_strategic_merge={
                        "spec": {
                            "template": {"spec": {"containers": [{"(name)": "*", "env": env}]}}
                        }
                    }
                ),
            )
        )
        # Kyverno's background controller creates and syncs the copies; it may touch
        # Secrets only when a ClusterRole aggregated into its own grants it.
        k8s.KubeClusterRole(
            self,
            "kyverno-secrets",
            metadata=identity.metadata(
                f"{identity.app}-kyverno-secrets",
                COMPONENT,
                cluster_scoped=True,
                labels={"rbac.kyverno.io/aggregate-to-background-controller": "true"},
            ),
            rules=[
                k8s.PolicyRule(
                    api_groups=[""],
                    resources=["secrets"],
                    verbs=["get", "list", "watch", "create", "update", "patch", "delete"],
                )
            ],
        )
        ClusterPolicy(
            self,
            "policy",
            metadata=identity.crd_metadata(
                f"{identity.app}-app-credentials", COMPONENT, cluster_scoped=True
            ),
            spec=ClusterPolicySpec(background=True, rules=rules),
        )
