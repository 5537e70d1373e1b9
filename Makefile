# Every target installs what it needs first, idempotently, from pinned versions.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := synth

VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup python node tools synth test test-render test-servers test-runtime test-control-plane check lint lint-manifests diff imports bench snapshot-update clean

## setup: Python environment, cdk8s CLI, validators, CRDs and schemas, test servers
setup: python node tools

python: $(VENV)/.installed
$(VENV)/.installed: requirements.lock
	tools/bootstrap_python.sh "$(PYTHON)" "$(VENV)"
	touch $@

node: node_modules/.installed
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

tools: python
	for script in tools/install/*.sh; do bash "$$script"; done

## synth: render every overlay into dist/ (atomically) and overlays/schema.json
synth: python
	$(PY) main.py synth

## test: the whole suite (installs everything first)
test: setup
	$(PY) -m pytest

# The tiers of `make test`, one marker each (tests/conftest.py assigns them by folder).
## test-render: the render, snapshots (dist/), facts, the Job contract, validators (~1 min)
test-render: setup
	$(PY) -m pytest -m render

## test-servers: Job scripts, plugin and migrations against real servers
test-servers: setup
	$(PY) -m pytest -m servers

## test-runtime: each overlay's rendered MLflow pod under its limits, with the users' workload
test-runtime: setup
	$(PY) -m pytest -m runtime

## test-control-plane: a real Argo CD syncs every overlay's dist/ into local control planes
test-control-plane: setup
	$(PY) -m pytest -m controlplane

## check: fail when dist/ or overlays/schema.json differ from a fresh render
check: python
	$(PY) main.py check

lint: python
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy --explicit-package-bases mlflow_gitops main.py jobs plugins tools/crds.py tools/lint_manifests.py

## lint-manifests: checkov and kube-score over every overlay, gitleaks over dist/; exit 1 on a
## finding lint/suppressions.yaml does not accept (with its reason) or on a stale suppression
lint-manifests: python
	bash tools/install/26_manifest_linters.sh
	bash tools/install/57_checkov.sh
	$(PY) tools/lint_manifests.py

## diff: rendered diff of the work tree against the merge base with main
diff: python
	$(PY) main.py diff

## imports: regenerate mlflow_gitops/imports from the pinned CRDs (never edit by hand)
imports: node tools
	tools/import_crds.sh

## snapshot-update: accept a fresh render into dist/ (the snapshots); read `git diff dist/`
snapshot-update: python
	$(PY) -m pytest tests/render/test_snapshots.py --snapshot-update

bench: python
	for bench in bench/*.py; do $(PY) "$$bench"; done

clean:
	rm -rf .cache .cdk8s.out
