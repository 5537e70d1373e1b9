"""Argo CD delivery of the committed dist/: one AppProject, one ApplicationSet, one root app.

Why an ApplicationSet with a list generator: Argo CD recommends ApplicationSets for fleets,
and a list generator keeps each overlay's repository, revision and destination cluster as
data of that overlay (one element each), with no cluster labels or repository scans to
keep in sync. The root Application (app of apps) points at dist/argocd itself, so a single
`kubectl apply -f dist/argocd/application-mlflow-bootstrap.yaml` bootstraps everything
and Argo CD then manages its own objects from Git.

No ignoreDifferences: no controller owns a field of an object rendered here (generated
Secrets are not rendered, no HorizontalPodAutoscaler scales the server). Server-side apply
keeps fields that controllers add (CNPG, cert-manager) out of the comparison.

Least privilege: one AppProject per overlay, admitting only that overlay's cluster, its
namespaces, the namespaced kinds it renders and, by name, the cluster-scoped objects it
renders. A rendered ClusterRole that aggregates into another role (an ``aggregate-to-*``
label, or an ``aggregationRule``) widens permissions no whitelist can see, so it renders
only when the overlay declares that label in ``argocd.cluster_role_aggregation``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import cdk8s
from constructs import Construct

from mlflow_gitops.config import Delivery
from mlflow_gitops.constructs.meta import MANAGED_BY
from mlflow_gitops.constructs.namespace import POD_SECURITY_LABELS
from mlflow_gitops.constructs.ordering import SYNC_WAVE
from mlflow_gitops.errors import RenderError
from mlflow_gitops.imports.argocd_application import (
    Application,
    ApplicationSpec,
    ApplicationSpecDestination,
    ApplicationSpecSource,
    ApplicationSpecSyncPolicy,
    ApplicationSpecSyncPolicyAutomated,
    ApplicationSpecSyncPolicyRetry,
    ApplicationSpecSyncPolicyRetryBackoff,
)
from mlflow_gitops.imports.argocd_applicationset import (
    ApplicationSet,
    ApplicationSetSpec,
    ApplicationSetSpecGenerators,
    ApplicationSetSpecGeneratorsList,
    ApplicationSetSpecSyncPolicy,
    ApplicationSetSpecTemplate,
    ApplicationSetSpecTemplateMetadata,
    ApplicationSetSpecTemplateSpec,
    ApplicationSetSpecTemplateSpecDestination,
    ApplicationSetSpecTemplateSpecSource,
    ApplicationSetSpecTemplateSpecSyncPolicy,
    ApplicationSetSpecTemplateSpecSyncPolicyAutomated,
    ApplicationSetSpecTemplateSpecSyncPolicyManagedNamespaceMetadata,
    ApplicationSetSpecTemplateSpecSyncPolicyRetry,
    ApplicationSetSpecTemplateSpecSyncPolicyRetryBackoff,
)
from mlflow_gitops.imports.argocd_appproject import (
    AppProject,
    AppProjectSpec,
    AppProjectSpecClusterResourceWhitelist,
    AppProjectSpecDestinations,
    AppProjectSpecNamespaceResourceWhitelist,
)

APP = "mlflow"
DIST = "dist"
IN_CLUSTER = "https://kubernetes.default.svc"
MIGRATION_MANAGER = "argocd.argoproj.io/client-side-apply-migration-manager"
SYNC_OPTIONS = ["CreateNamespace=true", "ServerSideApply=true", "PruneLast=true"]
RETRY_LIMIT = 5
BACKOFF = ("10s", 2, "5m")


@dataclass(frozen=True)
class Target:
    """One overlay as Argo CD sees it: where its folder is and where it goes."""

    overlay: str
    repo_url: str
    revision: str
    cluster: str
    migrate_fields_from: str  # Argo CD's client-side-apply migration manager
    namespaces: tuple[str, ...]  # every namespace its objects live in
    cluster_objects: tuple[tuple[str, str, str], ...]  # (group, kind, name), cluster-scoped
    namespaced_kinds: tuple[tuple[str, str], ...]

    @classmethod
    def of(
        cls,
        overlay: str,
        settings: Delivery,
        namespace: str,
        objects: Sequence[Mapping[str, Any]],
    ) -> Target:
        """The target of one overlay's rendered objects; refuses undeclared role aggregation."""
        namespaced = [o for o in objects if o["metadata"].get("namespace")]
        cluster = [o for o in objects if not o["metadata"].get("namespace")]
        for obj in cluster:
            if obj["kind"] == "ClusterRole":
                refuse_undeclared_aggregation(overlay, obj, settings.cluster_role_aggregation)
        others = {o["metadata"]["namespace"] for o in namespaced} - {namespace}
        # CreateNamespace=true makes the destination namespace even when it is not rendered.
        created = ("", "Namespace", namespace)
        return cls(
            overlay=overlay,
            repo_url=settings.repo_url,
            revision=settings.revision,
            cluster=settings.cluster,
            migrate_fields_from=settings.migrate_fields_from,
            namespaces=(namespace, *sorted(others)),
            cluster_objects=tuple(
                sorted({created, *((_group(o), o["kind"], o["metadata"]["name"]) for o in cluster)})
            ),
            namespaced_kinds=tuple(sorted({(_group(o), o["kind"]) for o in namespaced})),
        )


def _group(obj: Mapping[str, Any]) -> str:
    return str(obj["apiVersion"]).rpartition("/")[0]


def is_aggregation_label(key: str) -> bool:
    """Kubernetes' `rbac.authorization.k8s.io/aggregate-to-edit` and the same convention
    elsewhere (Kyverno's `rbac.kyverno.io/aggregate-to-background-controller`)."""
    return key.rpartition("/")[2].startswith("aggregate-to-")


def refuse_undeclared_aggregation(
    overlay: str, role: Mapping[str, Any], declared: Sequence[str]
) -> None:
    """A ClusterRole may join another role (label) or collect others (aggregationRule) only
    through labels the overlay lists in argocd.cluster_role_aggregation."""
    where = f"dist/{overlay}/clusterrole-{role['metadata']['name']}.yaml"
    fix = (
        f"Fix: list it in argocd.cluster_role_aggregation of overlays/{overlay}.yaml if this "
        "overlay means to widen that role, or render the ClusterRole without it"
    )
    for key in sorted(role["metadata"].get("labels") or {}):
        if is_aggregation_label(key) and key not in declared:
            raise RenderError(
                f"{where}: metadata.labels[{key!r}] aggregates this ClusterRole into another "
                f"role, which overlays/{overlay}.yaml does not declare. {fix}"
            )
    rule = role.get("aggregationRule")
    if rule is None:
        return
    for index, selector in enumerate(rule.get("clusterRoleSelectors") or []):
        field = f"aggregationRule.clusterRoleSelectors[{index}]"
        if selector.get("matchExpressions"):
            raise RenderError(
                f"{where}: {field}.matchExpressions collects ClusterRoles by expression, "
                f"which no overlay can declare. {fix}"
            )
        for key in sorted(selector.get("matchLabels") or {}):
            if key not in declared:
                raise RenderError(
                    f"{where}: {field}.matchLabels[{key!r}] collects every ClusterRole so "
                    f"labelled into this one, which overlays/{overlay}.yaml does not declare. {fix}"
                )
    if not rule.get("clusterRoleSelectors"):
        raise RenderError(f"{where}: aggregationRule without selectors. {fix}")


def project_name(project: str, overlay: str) -> str:
    return f"{project}-{overlay}"


def _labels(component: str) -> dict[str, str]:
    return {
        "app.kubernetes.io/name": APP,
        "app.kubernetes.io/instance": f"{APP}-argocd",
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": APP,
        "app.kubernetes.io/managed-by": MANAGED_BY,
    }


def _metadata(name: str, namespace: str, component: str, wave: int) -> cdk8s.ApiObjectMetadata:
    return cdk8s.ApiObjectMetadata(
        name=name,
        namespace=namespace,
        labels=_labels(component),
        annotations={SYNC_WAVE: str(wave)},
    )


class ArgoCdDelivery(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        targets: Sequence[Target],
        argocd_namespace: str,
        project: str,
        repo_url: str,
        revision: str,
    ) -> None:
        super().__init__(scope, id)
        for t in targets:
            AppProject(
                self,
                f"project-{t.overlay}",
                metadata=_metadata(
                    project_name(project, t.overlay), argocd_namespace, "delivery", -1
                ),
                spec=AppProjectSpec(
                    description=f"MLflow tracking server and model registry: overlay {t.overlay}",
                    source_repos=[t.repo_url],
                    destinations=[
                        AppProjectSpecDestinations(name=t.cluster, namespace=namespace)
                        for namespace in sorted(t.namespaces)
                    ],
                    # By name: the repository may create these objects and no other of their kind.
                    cluster_resource_whitelist=[
                        AppProjectSpecClusterResourceWhitelist(group=group, kind=kind, name=name)
                        for group, kind, name in t.cluster_objects
                    ],
                    namespace_resource_whitelist=[
                        AppProjectSpecNamespaceResourceWhitelist(group=group, kind=kind)
                        for group, kind in t.namespaced_kinds
                    ],
                ),
            )
        ApplicationSet(
            self,
            "applicationset",
            metadata=_metadata(APP, argocd_namespace, "delivery", 0),
            spec=ApplicationSetSpec(
                go_template=True,
                go_template_options=["missingkey=error"],
                # Deleting the ApplicationSet must not cascade into MLflow's data.
                sync_policy=ApplicationSetSpecSyncPolicy(preserve_resources_on_deletion=True),
                generators=[
                    ApplicationSetSpecGenerators(
                        list=ApplicationSetSpecGeneratorsList(
                            elements=[
                                {
                                    "overlay": t.overlay,
                                    "repoURL": t.repo_url,
                                    "revision": t.revision,
                                    "cluster": t.cluster,
                                    "namespace": t.namespaces[0],
                                    "migrateFieldsFrom": t.migrate_fields_from,
                                    "project": project_name(project, t.overlay),
                                }
                                for t in targets
                            ]
                        )
                    )
                ],
                template=ApplicationSetSpecTemplate(
                    metadata=ApplicationSetSpecTemplateMetadata(
                        name=f"{APP}-{{{{.overlay}}}}",
                        labels=_labels("application"),
                        # Read by Argo CD from the Application (not from the objects).
                        annotations={MIGRATION_MANAGER: "{{.migrateFieldsFrom}}"},
                    ),
                    spec=ApplicationSetSpecTemplateSpec(
                        project="{{.project}}",
                        source=ApplicationSetSpecTemplateSpecSource(
                            repo_url="{{.repoURL}}",
                            target_revision="{{.revision}}",
                            path=f"{DIST}/{{{{.overlay}}}}",
                        ),
                        destination=ApplicationSetSpecTemplateSpecDestination(
                            name="{{.cluster}}", namespace="{{.namespace}}"
                        ),
                        sync_policy=ApplicationSetSpecTemplateSpecSyncPolicy(
                            automated=ApplicationSetSpecTemplateSpecSyncPolicyAutomated(
                                prune=True, self_heal=True
                            ),
                            sync_options=SYNC_OPTIONS,
                            # The namespace CreateNamespace makes enforces what ours does.
                            managed_namespace_metadata=(
                                ApplicationSetSpecTemplateSpecSyncPolicyManagedNamespaceMetadata(
                                    labels=POD_SECURITY_LABELS
                                )
                            ),
                            retry=ApplicationSetSpecTemplateSpecSyncPolicyRetry(
                                limit=RETRY_LIMIT,
                                backoff=ApplicationSetSpecTemplateSpecSyncPolicyRetryBackoff(
                                    duration=BACKOFF[0], factor=BACKOFF[1], max_duration=BACKOFF[2]
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        )
        Application(
            self,
            "bootstrap",
            metadata=_metadata(f"{APP}-bootstrap", argocd_namespace, "bootstrap", 0),
            spec=ApplicationSpec(
                # `default` exists in every Argo CD; the overlays' projects are created by this app.
                project="default",
                source=ApplicationSpecSource(
                    repo_url=repo_url, target_revision=revision, path=f"{DIST}/argocd"
                ),
                destination=ApplicationSpecDestination(
                    server=IN_CLUSTER, namespace=argocd_namespace
                ),
                sync_policy=ApplicationSpecSyncPolicy(
                    automated=ApplicationSpecSyncPolicyAutomated(prune=True, self_heal=True),
                    sync_options=["ServerSideApply=true"],
                    retry=ApplicationSpecSyncPolicyRetry(
                        limit=RETRY_LIMIT,
                        backoff=ApplicationSpecSyncPolicyRetryBackoff(
                            duration=BACKOFF[0], factor=BACKOFF[1], max_duration=BACKOFF[2]
                        ),
                    ),
                ),
            ),
        )
