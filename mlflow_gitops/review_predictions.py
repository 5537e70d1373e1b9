"""What Argo CD will do with a rendered change, beyond its text: the review's predictions.

Pure over two parsed trees (no cluster, no cdk8s). Each rule is the API server's or Argo CD's,
read from their sources (Kubernetes 1.35 `ValidateStatefulSetUpdate`, `ValidateJobSpecUpdate`,
`ValidatePersistentVolumeClaimUpdate`, `ValidateServiceUpdate`; gitops-engine's sync context):

- Argo CD's dry run before a sync is client-side: it does not see an immutable field. The sync
  applies wave after wave and stops at the wave of the first object the API server refuses;
  later waves (and their hooks) do not run, and every automated retry fails the same way.
- Sync hooks are not managed resources: a change to a hook alone leaves the app Synced, so no
  automated sync runs; every sync deletes and re-creates a BeforeHookCreation hook.
- `Prune=false` makes Argo CD skip the prune of an object dropped from Git: it stays, unmanaged,
  and the app stays OutOfSync until someone deletes it.
- Pods see a changed ConfigMap or Secret only when they restart, unless the same change rolls
  them (a checksum annotation would): env values never change in a running container.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from mlflow_gitops.review_core import PATH_KIND, Identity, Manifest
from mlflow_gitops.review_immutable import (
    SERVICE_ALLOCATED,
    changed_paths,
    differs,
    get,
    immutable_paths,
    spec,
    storage,
)

# Argo CD's annotations (its API, not a rule of ours).
HOOK = "argocd.argoproj.io/hook"
HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy"
SYNC_WAVE = "argocd.argoproj.io/sync-wave"
SYNC_OPTIONS = "argocd.argoproj.io/sync-options"
COMPONENT_LABEL = "app.kubernetes.io/component"
# The component label of the schema-migration Job (mlflow_gitops/constructs/migrations.py;
# not imported: that module loads cdk8s, and a review must not. A test keeps them equal.)
MIGRATIONS_COMPONENT = "migrations"
# Changed paths named in a prediction's detail before "and N more".
SHOWN_PATHS = 3


class Effect(enum.Enum):
    """A predicted effect; the declaration order is the display order (blocking first)."""

    CANNOT_APPLY = "cannot be applied in place"
    DROPS_DATA = "drops data"
    HELD_BACK = "held back by a refused object"
    ORPHANS = "orphans the old object"
    NEEDS_EXPANSION = "needs volume expansion"
    KEEPS_LIVE_VALUE = "the API server keeps the live value"
    RESTARTS_PODS = "restarts pods"
    KEEPS_OLD_CONFIG = "pods keep old config until restarted"
    RUNS_MIGRATIONS = "runs database migrations"
    RERUNS_JOBS = "re-runs bootstrap Jobs"
    RERUNS_EVERY_SYNC = "re-runs on every sync"
    WAITS_FOR_SYNC = "waits for the next sync"

    @property
    def blocking(self) -> bool:
        return self in BLOCKING

    @property
    def rank(self) -> int:
        return list(Effect).index(self)


BLOCKING = frozenset({Effect.CANNOT_APPLY, Effect.DROPS_DATA})


@dataclass(frozen=True)
class Prediction:
    effect: Effect
    detail: str

    @property
    def blocking(self) -> bool:
        return self.effect.blocking


@dataclass(frozen=True)
class Predictions:
    """Per changed object, and per overlay (Argo CD application) for what a sync does once."""

    by_object: Mapping[Identity, tuple[Prediction, ...]] = field(default_factory=dict)
    by_overlay: Mapping[str, tuple[Prediction, ...]] = field(default_factory=dict)

    def all(self) -> Iterator[Prediction]:
        for group in (*self.by_object.values(), *self.by_overlay.values()):
            yield from group

    def counts(self) -> list[tuple[Effect, int]]:
        """(effect, how many objects or applications) for each effect predicted, blocking first."""
        tally: dict[Effect, int] = {}
        for group in (*self.by_object.values(), *self.by_overlay.values()):
            for effect in {p.effect for p in group}:
                tally[effect] = tally.get(effect, 0) + 1
        return sorted(tally.items(), key=lambda item: item[0].rank)

    def blocking(self) -> list[tuple[str, Prediction]]:
        """(`overlay: Kind namespace/name`, prediction) of every blocking prediction."""
        return [
            (f"{identity.overlay}: {identity.title()}", prediction)
            for identity, group in sorted(self.by_object.items())
            for prediction in group
            if prediction.blocking
        ]

    @property
    def any_blocking(self) -> bool:
        return any(p.blocking for p in self.all())


# -- reading manifests ---------------------------------------------------------------------------


def _doc(manifest: Manifest | None) -> dict[str, Any] | None:
    document = manifest.document if manifest is not None else None
    return document if isinstance(document, dict) else None


def _annotations(doc: Mapping[str, Any]) -> Mapping[str, Any]:
    found = get(doc, "metadata", "annotations")
    return found if isinstance(found, dict) else {}


def _sync_options(doc: Mapping[str, Any]) -> set[str]:
    return {o.strip() for o in str(_annotations(doc).get(SYNC_OPTIONS, "")).split(",") if o}


def _wave(doc: Mapping[str, Any]) -> int:
    try:
        return int(_annotations(doc).get(SYNC_WAVE, 0))
    except (TypeError, ValueError):
        return 0


def is_hook(doc: Mapping[str, Any]) -> bool:
    return HOOK in _annotations(doc)


def _recreated_hook(doc: Mapping[str, Any]) -> bool:
    """A hook Argo CD deletes before it creates it again: its immutable fields never clash."""
    policies = str(_annotations(doc).get(HOOK_DELETE_POLICY, "")).split(",")
    return is_hook(doc) and "BeforeHookCreation" in (p.strip() for p in policies)


def _shown(paths: list[str]) -> str:
    shown = ", ".join(f"`{p}`" for p in paths[:SHOWN_PATHS])
    return shown + (f" and {len(paths) - SHOWN_PATHS} more" if len(paths) > SHOWN_PATHS else "")


# -- fixes a reviewer can act on -----------------------------------------------------------------


def _fix(kind: str, paths: list[str], name: str) -> str:
    if kind == "StatefulSet" and any(p.startswith("spec.volumeClaimTemplates") for p in paths):
        return (
            f"grow each claim of {name} by hand (`kubectl patch pvc`), then "
            f"`kubectl delete statefulset {name} --cascade=orphan` so that Argo CD re-creates it "
            "(the pods and claims stay)"
        )
    if kind == "StatefulSet":
        return (
            f"`kubectl delete statefulset {name} --cascade=orphan` before the sync "
            "(the pods and claims stay)"
        )
    if kind == "PersistentVolumeClaim":
        return "a claim only grows: create a new claim and copy the data"
    if kind == "Job":
        return f"`kubectl delete job {name}` before the sync, or make it an Argo CD hook"
    if kind == "Deployment" and paths == ["spec.strategy.type"]:
        return (
            f"""`kubectl patch deployment {name} --type=json -p '[{{"op": "replace", "path": """
            f""""/spec/strategy", "value": {{"type": "Recreate"}}}}]'` before the sync """
            "(the pods are replaced once, as Recreate does)"
        )
    return f"delete {kind} {name} before the sync so that Argo CD creates it anew"


# -- the rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trees:
    """One overlay's objects on both sides, and which of its workloads' pod templates change."""

    base: Mapping[Identity, Manifest]
    head: Mapping[Identity, Manifest]

    def restarted(self) -> set[tuple[str, str, str]]:
        """(kind, namespace, name) of the workloads whose pod template this change rolls."""
        out = set()
        for identity, new in self.head.items():
            old = self.base.get(identity)
            a, b = _doc(old), _doc(new)
            if a and b and identity.kind in WORKLOADS and _template_changes(a, b):
                out.add((identity.kind, identity.namespace, identity.name))
        return out


WORKLOADS = frozenset({"Deployment", "StatefulSet", "DaemonSet"})


def _template_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    return changed_paths(spec(old).get("template"), spec(new).get("template"), "template")


def _pod_specs(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    pod = get(doc, "spec", "template", "spec")
    return [pod] if isinstance(pod, dict) else []


def _images(doc: Mapping[str, Any]) -> dict[str, str]:
    return {
        str(c.get("name")): str(c.get("image"))
        for pod in _pod_specs(doc)
        for key in ("initContainers", "containers")
        for c in pod.get(key) or []
        if isinstance(c, dict)
    }


def _references(pod: Mapping[str, Any], kind: str) -> Iterator[tuple[str, str]]:
    """(name, how) of each ConfigMap or Secret (`kind`) a pod spec reads."""
    volume_key, volume_name = (
        ("configMap", "name") if kind == "ConfigMap" else ("secret", "secretName")
    )
    key_ref, from_ref = (
        ("configMapKeyRef", "configMapRef")
        if kind == "ConfigMap"
        else (
            "secretKeyRef",
            "secretRef",
        )
    )
    projected_key = "configMap" if kind == "ConfigMap" else "secret"
    for volume in pod.get("volumes") or []:
        if name := get(volume, volume_key, volume_name):
            yield str(name), "volume"
        for source in get(volume, "projected", "sources") or []:
            if name := get(source, projected_key, "name"):
                yield str(name), "volume"
    for key in ("initContainers", "containers"):
        for container in pod.get(key) or []:
            for env in container.get("env") or []:
                if name := get(env, "valueFrom", key_ref, "name"):
                    yield str(name), "env"
            for source in container.get("envFrom") or []:
                if name := get(source, from_ref, "name"):
                    yield str(name), "env"


def _config_target(identity: Identity, doc: Mapping[str, Any]) -> tuple[str, str] | None:
    """(ConfigMap|Secret, name) whose content this object is or makes."""
    if identity.group == "" and identity.kind in ("ConfigMap", "Secret"):
        return identity.kind, identity.name
    if identity.kind == "ExternalSecret":
        return "Secret", str(get(doc, "spec", "target", "name") or identity.name)
    if identity.kind == "OnePasswordItem":
        return "Secret", identity.name
    return None


CONFIG_FIELDS = ("data", "binaryData", "stringData", "spec")


def _config(
    identity: Identity, old: Mapping[str, Any], new: Mapping[str, Any], trees: Trees
) -> list[Prediction]:
    target = _config_target(identity, new)
    if target is None or not any(differs(old.get(k), new.get(k)) for k in CONFIG_FIELDS):
        return []
    kind, name = target
    readers: dict[tuple[str, str], set[str]] = {}
    for other, manifest in trees.head.items():
        doc = _doc(manifest)
        if doc is None or other.kind not in WORKLOADS or other.namespace != identity.namespace:
            continue
        for pod in _pod_specs(doc):
            for ref, how in _references(pod, kind):
                if ref == name:
                    readers.setdefault((other.kind, other.name), set()).add(how)
    restarted = trees.restarted()
    stale = {
        reader: hows
        for reader, hows in readers.items()
        if (reader[0], identity.namespace, reader[1]) not in restarted
    }
    if not stale:
        return []
    hows = set().union(*stale.values())
    parts = [f"{k} {n} ({' and '.join(sorted(h))})" for (k, n), h in sorted(stale.items())]
    why = []
    if "env" in hows:
        why.append("environment variables keep the old values until a restart")
    if "volume" in hows:
        why.append(
            "mounted files change within about a minute, which a process that reads them "
            "only at start does not notice"
        )
    return [
        Prediction(
            Effect.KEEPS_OLD_CONFIG,
            f"{kind} {name} is read by {', '.join(parts)}, which this change does not roll: "
            f"{'; '.join(why)}. Restart after the sync (`kubectl rollout restart`), or give the "
            "pod template a checksum annotation of the config",
        )
    ]


def _rollout(
    identity: Identity, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[Prediction]:
    paths = _template_changes(old, new)
    if identity.kind not in WORKLOADS or not paths:
        return []
    settings = spec(new)
    replicas = settings.get("replicas", 1)
    if identity.kind == "Deployment":
        strategy = str(get(settings, "strategy", "type") or "RollingUpdate")
        how = (
            "Recreate: the old pods stop before the new one starts (downtime)"
            if strategy == "Recreate"
            else "rolling update"
        )
    elif identity.kind == "StatefulSet":
        if get(settings, "updateStrategy", "type") == "OnDelete":
            how = "OnDelete: only when each pod is deleted by hand"
        else:
            how = "one pod at a time, highest ordinal first" + (
                " (one replica: downtime while it restarts)" if replicas == 1 else ""
            )
    else:
        how = "rolling update"
    return [Prediction(Effect.RESTARTS_PODS, f"{_shown(paths)} changed; {how}")]


def _migrations(
    identity: Identity, old: Mapping[str, Any], new: Mapping[str, Any], trees: Trees
) -> list[Prediction]:
    if identity.kind not in WORKLOADS:
        return []
    before, after = _images(old), _images(new)
    changed = {after[n] for n in after if n in before and before[n] != after[n]}
    for job_identity, manifest in sorted(trees.head.items()):
        job = _doc(manifest)
        if job is None or job_identity.kind != "Job" or not is_hook(job):
            continue
        if get(job, "metadata", "labels", COMPONENT_LABEL) != MIGRATIONS_COMPONENT:
            continue
        images = set(_images(job).values())
        for name in sorted(n for n in after if after[n] in changed and after[n] in images):
            return [
                Prediction(
                    Effect.RUNS_MIGRATIONS,
                    f"image {before[name]} → {after[name]}: the hook Job {job_identity.name} "
                    f"(wave {_wave(job)}, before this {identity.kind}) upgrades the schemas to "
                    "the new image's revisions. It runs on every sync; what differs is the image. "
                    "MLflow refuses a schema newer than its own: going back to the old image "
                    "afterwards needs the database restored from a backup",
                )
            ]
    return []


def _kept_fields(identity: Identity, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Fields of `spec` Git stops setting that the API server fills in again from the live
    object (a Service's allocated IPs and ports)."""
    if (identity.group, identity.kind) != ("", "Service"):
        return []
    a, b = spec(old), spec(new)
    if "ExternalName" in (a.get("type"), b.get("type")):
        return []
    return [k for k in SERVICE_ALLOCATED if a.get(k) and not b.get(k)]


def _unchanged_live(identity: Identity, trees: Trees) -> bool:
    """Whether the change leaves the live object as it is: all it does is stop setting fields
    the API server keeps. Argo CD diffs server-side (a dry-run apply), so it sees no
    difference and does not sync."""
    old, new = _doc(trees.base.get(identity)), _doc(trees.head.get(identity))
    if old is None or new is None:
        return False
    kept = _kept_fields(identity, old, new)
    if not kept:
        return False
    without = {**old, "spec": {k: v for k, v in spec(old).items() if k not in kept}}
    return without == new


def _kept_live(
    identity: Identity, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[Prediction]:
    """Fields Git stops setting that the API server fills in again from the live object."""
    a = spec(old)
    kept = _kept_fields(identity, old, new)
    if not kept:
        return []
    values = ", ".join(f"`spec.{k}: {json.dumps(a[k])}`" for k in kept)
    return [
        Prediction(
            Effect.KEEPS_LIVE_VALUE,
            f"{values} is no longer set, but the API server keeps the live value on update: "
            "nothing changes on the cluster (delete and re-create the Service to change it)",
        )
    ]


def _immutable(
    identity: Identity, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[Prediction]:
    recreated = identity.kind == "Job" and _recreated_hook(old) and _recreated_hook(new)
    paths = [] if recreated else immutable_paths(identity.group, identity.kind, old, new)
    out = []
    if paths:
        out.append(
            Prediction(
                Effect.CANNOT_APPLY,
                f"{_shown(paths)} cannot change on a live {identity.kind} (the API server "
                f"refuses it). The sync stops at wave {_wave(new)}: later waves and their hooks "
                f"do not run, and every retry fails the same way. Fix: "
                f"{_fix(identity.kind, paths, identity.name)}",
            )
        )
    if identity.kind == "PersistentVolumeClaim" and identity.group == "":
        before, after = storage(spec(old)), storage(spec(new))
        if before is not None and after is not None and after > before:
            storage_class = spec(new).get("storageClassName") or "the default StorageClass"
            out.append(
                Prediction(
                    Effect.NEEDS_EXPANSION,
                    f"the claim grows from {get(spec(old), 'resources', 'requests', 'storage')} "
                    f"to {get(spec(new), 'resources', 'requests', 'storage')}: only if "
                    f"{storage_class} has `allowVolumeExpansion: true`, else the API server "
                    "refuses it; some drivers finish the resize only when the pod restarts",
                )
            )
    return out


def _data_holder(identity: Identity, doc: Mapping[str, Any]) -> str | None:
    """Why removing this object deletes data, or None when it does not."""
    if identity.group == "" and identity.kind == "PersistentVolumeClaim":
        return "the claim is deleted, and with a Delete reclaim policy its volume"
    if identity.group == "" and identity.kind == "Namespace":
        return "deleting the namespace deletes everything in it, claims included"
    if identity.kind == "StatefulSet" and spec(doc).get("volumeClaimTemplates"):
        retention = get(spec(doc), "persistentVolumeClaimRetentionPolicy", "whenDeleted")
        if retention == "Delete":
            return (
                "its claims go with it (persistentVolumeClaimRetentionPolicy whenDeleted: Delete)"
            )
        return None
    if identity.group == "postgresql.cnpg.io" and identity.kind == "Cluster":
        return "CloudNativePG deletes the cluster's claims with it"
    return None


def _removed(identity: Identity, old: Mapping[str, Any], trees: Trees) -> list[Prediction]:
    replacement = sorted(
        other.name
        for other in trees.head
        if other not in trees.base and (other.group, other.kind) == (identity.group, identity.kind)
    )
    instead = (
        f"; {identity.kind} {replacement[0]} replaces it and starts empty" if replacement else ""
    )
    kept_claims = identity.kind == "StatefulSet" and spec(old).get("volumeClaimTemplates")
    why = _data_holder(identity, old)
    if why is None and not kept_claims:
        return []
    if "Prune=false" in _sync_options(old):
        return [
            Prediction(
                Effect.ORPHANS,
                "Argo CD skips its prune (Prune=false): it stays in the cluster, unmanaged, and "
                f"the app stays OutOfSync until someone deletes it{instead}",
            )
        ]
    if why is None:
        return [
            Prediction(
                Effect.ORPHANS,
                "Argo CD prunes the StatefulSet; its claims stay (retention Retain) and nothing "
                f"uses them{instead}",
            )
        ]
    return [Prediction(Effect.DROPS_DATA, f"Argo CD prunes it (automated prune): {why}{instead}")]


def predict(
    identity: Identity, base: Manifest | None, head: Manifest | None, trees: Trees
) -> tuple[Prediction, ...]:
    """What a sync does with one changed object, beyond its text (its overlay's `trees`)."""
    old, new = _doc(base), _doc(head)
    out: list[Prediction] = []
    if old is not None and new is None:
        out += _removed(identity, old, trees)
    if old is not None and new is not None:
        if identity.kind == "Job" and _recreated_hook(new):
            out.append(
                Prediction(
                    Effect.RERUNS_EVERY_SYNC,
                    "a hook: every sync deletes and re-creates it (BeforeHookCreation), so its "
                    "immutable template is no error here; a plain `kubectl apply -k` would "
                    "refuse it",
                )
            )
        out += _immutable(identity, old, new)
        if any(p.effect is Effect.CANNOT_APPLY for p in out):
            return tuple(out)  # refused: no rollout, no migration happens
        out += _kept_live(identity, old, new)
        out += _rollout(identity, old, new)
        out += _migrations(identity, old, new, trees)
        out += _config(identity, old, new, trees)
    return tuple(sorted(out, key=lambda p: p.effect.rank))


# -- per application -----------------------------------------------------------------------------


def _hook_jobs(head: Mapping[Identity, Manifest]) -> list[tuple[str, int, str]]:
    """(phase, wave, name) of each hook Job, in the order a sync runs them."""
    phases = {"PreSync": 0, "Sync": 1, "PostSync": 2}
    jobs = []
    for identity, manifest in head.items():
        doc = _doc(manifest)
        if doc is not None and identity.kind == "Job" and is_hook(doc):
            jobs.append((str(_annotations(doc)[HOOK]), _wave(doc), identity.name))
    return sorted(jobs, key=lambda j: (phases.get(j[0], 3), j[1], j[2]))


def _managed(identity: Identity, manifest: Manifest | None) -> bool:
    doc = _doc(manifest)
    return identity.kind not in (PATH_KIND, "Kustomization") and not (doc and is_hook(doc))


def _stop(
    changed: Iterable[Identity], trees: Trees, by_object: Mapping[Identity, tuple[Prediction, ...]]
) -> tuple[int, Identity] | None:
    """(wave, object) where the sync stops: the first wave holding a refused object."""
    refused = [
        (_wave(_doc(trees.head[i]) or {}), i)
        for i in changed
        if i in trees.head and any(p.effect is Effect.CANNOT_APPLY for p in by_object.get(i, ()))
    ]
    return min(refused) if refused else None


def _runs_after(identity: Identity, trees: Trees, wave: int) -> bool:
    """Whether a sync that stops at `wave` never reaches this object's change."""
    doc = _doc(trees.head.get(identity))
    if doc is None:
        return True  # a prune: after every wave (PruneLast), and only when the sync succeeds
    if is_hook(doc) and _annotations(doc)[HOOK] == "PostSync":
        return True
    return _wave(doc) > wave


def predict_application(
    changed: Iterable[Identity], trees: Trees, by_object: Mapping[Identity, tuple[Prediction, ...]]
) -> tuple[Prediction, ...]:
    """What the sync of one overlay's application does once: which hook Jobs run, or why none."""
    changed = list(changed)
    jobs = _hook_jobs(trees.head)
    if not jobs or not changed:
        return ()
    managed = [i for i in changed if _managed(i, trees.head.get(i) or trees.base.get(i))]
    if not managed:
        return (
            Prediction(
                Effect.WAITS_FOR_SYNC,
                "only hooks changed, and hooks are not managed resources: the app stays Synced, "
                "no automated sync runs, and the new hooks run at the next sync (a later change "
                "or `argocd app sync`)",
            ),
        )
    if all(_unchanged_live(i, trees) for i in managed):
        return (
            Prediction(
                Effect.WAITS_FOR_SYNC,
                "the API server keeps every value this change stops setting, so Argo CD's "
                "server-side diff finds nothing to apply: the app stays Synced, no automated "
                "sync runs, and the hooks run at the next sync",
            ),
        )
    stopped = _stop(changed, trees, by_object)
    listed = ", ".join(f"{name} ({phase} {wave})" for phase, wave, name in jobs)
    if stopped is None:
        return (Prediction(Effect.RERUNS_JOBS, f"the sync re-runs every hook Job: {listed}"),)
    stop = stopped[0]
    ran = [name for phase, wave, name in jobs if phase in ("PreSync", "Sync") and wave <= stop]
    if not ran:
        return ()  # the blocking prediction already says that later waves do not run
    return (
        Prediction(
            Effect.RERUNS_JOBS,
            f"the sync stops at wave {stop}: only {', '.join(ran)} run (of {listed})",
        ),
    )


def predict_review(
    base: Mapping[Identity, Manifest],
    head: Mapping[Identity, Manifest],
    changed: Iterable[Identity],
) -> Predictions:
    """Predictions for every changed object of a review, and for each overlay's application."""
    changed_by_overlay: dict[str, list[Identity]] = {}
    for identity in changed:
        changed_by_overlay.setdefault(identity.overlay, []).append(identity)
    by_object: dict[Identity, tuple[Prediction, ...]] = {}
    by_overlay: dict[str, tuple[Prediction, ...]] = {}
    for overlay, identities in sorted(changed_by_overlay.items()):
        trees = Trees(
            {i: m for i, m in base.items() if i.overlay == overlay},
            {i: m for i, m in head.items() if i.overlay == overlay},
        )
        for identity in identities:
            found = predict(identity, base.get(identity), head.get(identity), trees)
            if found:
                by_object[identity] = found
        stopped = _stop(identities, trees, by_object)
        if stopped is not None:
            wave, refused = stopped
            held = Prediction(
                Effect.HELD_BACK,
                f"the sync stops at wave {wave} ({refused.title()} cannot be applied in place) "
                "before it reaches this change; what follows happens once that is fixed",
            )
            for identity in identities:
                if identity.kind not in (PATH_KIND, "Kustomization") and _runs_after(
                    identity, trees, wave
                ):
                    found = (held, *by_object.get(identity, ()))
                    by_object[identity] = tuple(sorted(found, key=lambda p: p.effect.rank))
        application = predict_application(identities, trees, by_object)
        if application:
            by_overlay[overlay] = application
    return Predictions(by_object, by_overlay)
