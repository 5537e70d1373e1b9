"""Fetch the pinned CRDs and build the offline schemas the validators read.

Everything comes from pinned, checksummed sources listed in tools/crds.yaml:

  fetch        CRD files out of Go module zips (`go mod download`, h1: sum checked twice)
               -> .cache/crds/<file>.yaml                       (kubectl-validate --local-crds)
  crd-schemas  strict JSON schemas converted from those CRDs
               -> .cache/schemas/kubeconform/crds/{group}/{kind}_{version}.json
  k8s-schemas  strict standalone JSON schemas from the kubernetes-validate wheel, refs made local
               -> .cache/schemas/kubeconform/k8s/v{X.Y.Z}-standalone-strict/{kind}-{group}-{v}.json
  openapi      OpenAPI v3 documents from the k8s.io/kubernetes module
               -> .cache/schemas/kubectl-validate/v{X.Y.Z}/api/v1.json, apis/{group}/{v}.json
  all          the four steps above, in order

Stdlib plus PyYAML only, so it runs from any Python that has PyYAML (the project venv).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PINS = ROOT / "tools" / "crds.yaml"
CACHE = ROOT / ".cache"
CRD_DIR = CACHE / "crds"
KUBECONFORM_DIR = CACHE / "schemas" / "kubeconform"
KUBECTL_VALIDATE_DIR = CACHE / "schemas" / "kubectl-validate"

# kubeconform -schema-location templates matching the layouts written here (first hit wins).
K8S_SCHEMA_TEMPLATE = (
    "{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/"
    "{{ .ResourceKind }}{{ .KindSuffix }}.json"
)
CRD_SCHEMA_TEMPLATE = "{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"

Json = dict[str, Any]


class PinError(Exception):
    """A source does not match its pin, or a pinned file or kind is missing."""


def log(message: str) -> None:
    print(f"crds: {message}", file=sys.stderr)


def load_pins() -> Json:
    with PINS.open() as f:
        pins: Json = yaml.safe_load(f)
    return pins


# --- Go modules -------------------------------------------------------------------------------


def h1_of_zip(zip_path: Path) -> str:
    """Go's dirhash Hash1 of a module zip: sha256 over sorted 'sha256hex  name' lines."""
    lines = []
    with zipfile.ZipFile(zip_path) as z:
        for name in sorted(z.namelist()):
            digest = hashlib.sha256(z.read(name)).hexdigest()
            lines.append(f"{digest}  {name}\n")
    summary = hashlib.sha256("".join(lines).encode()).digest()
    return "h1:" + base64.b64encode(summary).decode()


def module_zip(module: str, version: str, want_sum: str) -> Path:
    """Download MODULE@VERSION into the Go module cache and return its verified zip."""
    result = subprocess.run(
        ["go", "mod", "download", "-json", f"{module}@{version}"],
        capture_output=True,
        text=True,
        check=False,
        # Outside any go.mod: a plain module-cache download, whatever the caller's directory.
        env={**os.environ, "GO111MODULE": "on"},
        cwd=tempfile.gettempdir(),
    )
    try:
        info: Json = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise PinError(
            f"{module}@{version}: go mod download failed: {result.stderr.strip()}"
        ) from None
    if info.get("Error") or result.returncode != 0:
        raise PinError(f"{module}@{version}: {info.get('Error') or result.stderr.strip()}")
    if info.get("Sum") != want_sum:
        raise PinError(
            f"{module}@{version}: checksum mismatch: pinned {want_sum}, go says {info.get('Sum')}"
        )
    zip_path = Path(info["Zip"])
    # Recomputed here too, so a tampered module cache cannot slip through.
    if (got := h1_of_zip(zip_path)) != want_sum:
        raise PinError(f"{module}@{version}: zip {zip_path} hashes to {got}, pinned {want_sum}")
    return zip_path


# --- fetch --------------------------------------------------------------------------------------


def yaml_documents(text: str) -> Iterator[Json]:
    # libyaml's loader: the pinned CRDs add up to 8 MB (~20 s of CPU for the pure-Python one).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for doc in yaml.load_all(text, Loader=loader):
        if isinstance(doc, dict):
            yield doc


def fetch(pins: Json) -> None:
    """Copy each pinned CRD file, byte for byte, into one flat folder (kubectl-validate's
    --local-crds does not recurse); check that every listed kind is defined."""
    staging = Path(tempfile.mkdtemp(prefix="crds.", dir=CACHE))
    try:
        for project in pins["crds"]:
            module, version = project["module"], project["version"]
            zip_path = module_zip(module, version, project["sum"])
            with zipfile.ZipFile(zip_path) as z:
                for rel_path, kinds in project["files"].items():
                    member = f"{module}@{version}/{rel_path}"
                    try:
                        data = z.read(member)
                    except KeyError:
                        raise PinError(f"{module}@{version}: no file {rel_path}") from None
                    defined = {
                        doc["spec"]["names"]["kind"]
                        for doc in yaml_documents(data.decode())
                        if doc.get("kind") == "CustomResourceDefinition"
                    }
                    if missing := set(kinds) - defined:
                        raise PinError(
                            f"{module}@{version}/{rel_path}: no CRD for {sorted(missing)}"
                        )
                    target = staging / Path(rel_path).name
                    if target.exists():
                        raise PinError(f"two pinned CRD files are named {target.name}")
                    target.write_bytes(data)
                    log(f"fetched {project['project']} {version} {rel_path} ({', '.join(kinds)})")
        swap_dir(staging, CRD_DIR)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_dir(new: Path, target: Path) -> None:
    """Replace target with new in two renames, so readers never see a half-written folder."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


# --- CRD -> strict JSON schema -------------------------------------------------------------------

# Validation keywords that mean the same in OpenAPI v3.0 and JSON Schema draft 4 (kubeconform's
# default draft, which also shares draft 4's boolean exclusiveMinimum/exclusiveMaximum).
# `format` is left out: Kubernetes formats (int32, byte, ...) are not JSON Schema formats.
PLAIN_KEYWORDS = (
    "type",
    "enum",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "required",
)
COMBINATORS = ("allOf", "anyOf", "oneOf")


def to_strict(node: Json, strict: bool = True) -> Json:
    """One OpenAPI v3 (structural) schema node -> a strict JSON schema node.

    `properties` is walked as a map of field names, never as keywords, so a field literally
    named `properties` (or `type`, `required`...) stays a field. Inside allOf/anyOf/oneOf/not
    (strict=False) nothing is closed: structural schemas use them only to add constraints to
    fields the enclosing schema declares, so a branch must not forbid the others.
    """
    out: Json = {k: node[k] for k in PLAIN_KEYWORDS if k in node}
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out["anyOf"] = [{"type": "integer"}, {"type": "string"}]
    if "properties" in node:
        out["properties"] = {
            name: to_strict(sub, strict) for name, sub in node["properties"].items()
        }
    if "items" in node and isinstance(node["items"], dict):
        out["items"] = to_strict(node["items"], strict)
    if "not" in node:
        out["not"] = to_strict(node["not"], strict=False)
    for key in COMBINATORS:
        if key in node:
            branches = [to_strict(sub, strict=False) for sub in node[key]]
            if key == "anyOf" and "anyOf" in out:  # int-or-string plus its own anyOf
                out["allOf"] = [*out.get("allOf", []), {"anyOf": branches}]
            else:
                out[key] = branches
    additional = node.get("additionalProperties")
    if isinstance(additional, dict):
        out["additionalProperties"] = to_strict(additional, strict)
    elif isinstance(additional, bool):
        out["additionalProperties"] = additional
    elif strict and "properties" in node and not node.get("x-kubernetes-preserve-unknown-fields"):
        # Strict: an object whose fields are listed accepts no others (what the API server's
        # pruning would silently drop is a mistake in a committed manifest).
        out["additionalProperties"] = False
    return allow_null(out) if node.get("nullable") else out


def allow_null(out: Json) -> Json:
    """`nullable: true` in OpenAPI v3.0 is `null` among the accepted types in JSON Schema."""
    if isinstance(out.get("type"), str):
        out["type"] = [out["type"], "null"]
    if "enum" in out and None not in out["enum"]:
        out["enum"] = [*out["enum"], None]
    if "anyOf" in out:
        out["anyOf"] = [*out["anyOf"], {"type": "null"}]
    return out


def crd_version_schemas(crd: Json) -> Iterator[tuple[str, str, str, Json]]:
    """(group, kind, version, strict schema) for every served version of a CRD."""
    group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
    for version in crd["spec"]["versions"]:
        if not version.get("served", True):
            continue
        source = version.get("schema", {}).get("openAPIV3Schema")
        if source is None:
            raise PinError(f"{kind}.{group}/{version['name']}: no openAPIV3Schema")
        schema = to_strict(source)
        # The API server accepts these on every object whether the CRD lists them or not.
        props = schema.setdefault("properties", {})
        props.setdefault("apiVersion", {"type": "string"})
        props.setdefault("kind", {"type": "string"})
        props.setdefault("metadata", {"type": "object"})
        props["apiVersion"] = {**props["apiVersion"], "enum": [f"{group}/{version['name']}"]}
        props["kind"] = {**props["kind"], "enum": [kind]}
        schema["required"] = sorted({*schema.get("required", []), "apiVersion", "kind"})
        schema = {"$schema": "http://json-schema.org/draft-04/schema#", **schema}
        yield group, kind, version["name"], schema


def crd_schemas() -> None:
    staging = Path(tempfile.mkdtemp(prefix="crd-schemas.", dir=CACHE))
    try:
        count = 0
        for crd_file in sorted(CRD_DIR.glob("*.yaml")):
            for doc in yaml_documents(crd_file.read_text()):
                if doc.get("kind") != "CustomResourceDefinition":
                    continue
                for group, kind, version, schema in crd_version_schemas(doc):
                    target = staging / group / f"{kind.lower()}_{version}.json"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")
                    count += 1
        KUBECONFORM_DIR.mkdir(parents=True, exist_ok=True)
        swap_dir(staging, KUBECONFORM_DIR / "crds")
        log(f"wrote {count} CRD schemas to {KUBECONFORM_DIR / 'crds'}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# --- Kubernetes JSON schemas for kubeconform -----------------------------------------------------

WHEEL_FOLDER = "kubernetes_validate/kubernetes-json-schema/"


def localise(value: Any) -> Any:
    """Drop `$id` and point `/api/_definitions.json#...` refs at the sibling file, so the
    schema compiler never resolves a web address. Only string values count: JSONSchemaProps
    (the CRD type) has fields literally named `$ref` and `$id`, whose schemas are objects."""
    if isinstance(value, dict):
        return {
            k: (
                v.replace("/api/_definitions.json#", "_definitions.json#")
                if k == "$ref" and isinstance(v, str)
                else localise(v)
            )
            for k, v in value.items()
            if not (k == "$id" and isinstance(v, str))
        }
    if isinstance(value, list):
        return [localise(v) for v in value]
    return value


def k8s_schemas(pins: Json) -> None:
    spec = pins["kubernetes"]["kubeconform_schemas"]
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--disable-pip-version-check",
                "--no-deps",
                "--only-binary=:all:",
                "--dest",
                tmp,
                spec["requirement"],
            ],
            check=True,
        )
        wheel = Path(tmp) / spec["wheel"]
        if (got := hashlib.sha256(wheel.read_bytes()).hexdigest()) != spec["sha256"]:
            raise PinError(f"{wheel.name}: sha256 {got}, pinned {spec['sha256']}")
        staging = Path(tempfile.mkdtemp(prefix="k8s-schemas.", dir=CACHE))
        try:
            with zipfile.ZipFile(wheel) as z:
                for entry in pins["kubernetes"]["versions"]:
                    prefix = f"{WHEEL_FOLDER}v{entry['version']}-local-strict/"
                    members = [
                        n for n in z.namelist() if n.startswith(prefix) and n.endswith(".json")
                    ]
                    if not members:
                        raise PinError(f"{wheel.name} has no {prefix}")
                    out_dir = staging / f"v{entry['version']}-standalone-strict"
                    out_dir.mkdir()
                    for name in members:
                        schema = localise(json.loads(z.read(name)))
                        (out_dir / Path(name).name).write_text(json.dumps(schema))
                    log(f"wrote {len(members)} Kubernetes {entry['version']} schemas")
            KUBECONFORM_DIR.mkdir(parents=True, exist_ok=True)
            swap_dir(staging, KUBECONFORM_DIR / "k8s")
        finally:
            shutil.rmtree(staging, ignore_errors=True)


# --- OpenAPI v3 documents for kubectl-validate ---------------------------------------------------

OPENAPI_NAME = re.compile(
    r"^(?:api__(?P<core>[^_]+)|apis__(?P<group>.+)__(?P<version>[^_]+))_openapi\.json$"
)


def openapi(pins: Json) -> None:
    staging = Path(tempfile.mkdtemp(prefix="openapi.", dir=CACHE))
    try:
        for entry in pins["kubernetes"]["versions"]:
            module, version = entry["openapi_module"], entry["openapi_version"]
            zip_path = module_zip(module, version, entry["openapi_sum"])
            prefix = f"{module}@{version}/api/openapi-spec/v3/"
            out_dir = staging / f"v{entry['version']}"
            count = 0
            with zipfile.ZipFile(zip_path) as z:
                for name in z.namelist():
                    if not name.startswith(prefix):
                        continue
                    match = OPENAPI_NAME.match(name[len(prefix) :])
                    if match is None:  # group discovery documents, /version, /logs...
                        continue
                    if match["core"]:
                        target = out_dir / "api" / f"{match['core']}.json"
                    else:
                        target = out_dir / "apis" / match["group"] / f"{match['version']}.json"
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(z.read(name))
                    count += 1
            if count == 0:
                raise PinError(f"{module}@{version}: no OpenAPI v3 documents under {prefix}")
            log(f"wrote {count} OpenAPI v3 documents for Kubernetes {entry['version']} ({version})")
        swap_dir(staging, KUBECTL_VALIDATE_DIR)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("step", choices=["fetch", "crd-schemas", "k8s-schemas", "openapi", "all"])
    args = parser.parse_args(argv)
    pins = load_pins()
    CACHE.mkdir(exist_ok=True)
    try:
        if args.step in ("fetch", "all"):
            fetch(pins)
        if args.step in ("crd-schemas", "all"):
            crd_schemas()
        if args.step in ("k8s-schemas", "all"):
            k8s_schemas(pins)
        if args.step in ("openapi", "all"):
            openapi(pins)
    except PinError as error:
        print(f"crds: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
