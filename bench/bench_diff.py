"""Benchmark of `main.py diff`: prints medians, in seconds.

1. Two rendered trees of realistic size (4 overlays x 30 objects, one value changed), diffed
   with --base-dir/--head-dir: the diff alone (median of 5).
2. The rendering diff (median of 3): HEAD rendered from a temporary worktree against the work
   tree, or, without a commit yet, a fresh render of the work tree against dist/. Skipped with
   a note when main.py cannot render yet.

Run from anywhere: `.venv/bin/python bench/bench_diff.py`.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mlflow_gitops import review  # noqa: E402
from mlflow_gitops.review_core import normalize  # noqa: E402

OVERLAYS = ("homelab", "gke-gcs", "authentik", "bitnami-legacy")
OBJECTS_PER_OVERLAY = 30


def objects(overlay: str, replicas: int) -> list[Any]:
    """30 objects shaped like the render's: deployments with env, services, config maps."""
    made: list[Any] = []
    for index in range(OBJECTS_PER_OVERLAY // 3):
        name = f"{overlay}-component-{index}"
        made.append(
            {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "metadata": {"name": name, "namespace": "mlflow", "labels": {"app": name}},
                "spec": {
                    "replicas": replicas if index == 0 else 1,
                    "selector": {"matchLabels": {"app": name}},
                    "template": {
                        "metadata": {"labels": {"app": name}},
                        "spec": {
                            "securityContext": {"runAsNonRoot": True, "runAsUser": 1000},
                            "containers": [
                                {
                                    "name": "main",
                                    "image": "ghcr.io/example/mlflow:3.1.0",
                                    "args": ["server", "--workers", "2", "--port", "5000"],
                                    "env": [
                                        {"name": f"VAR_{i}", "value": f"value-{i}"}
                                        for i in range(15)
                                    ],
                                    "resources": {
                                        "limits": {"memory": "1Gi"},
                                        "requests": {"cpu": "100m", "memory": "512Mi"},
                                    },
                                    "livenessProbe": {
                                        "httpGet": {"path": "/health", "port": 5000},
                                        "initialDelaySeconds": 60,
                                    },
                                }
                            ],
                        },
                    },
                },
            }
        )
        made.append(
            {
                "apiVersion": "v1",
                "kind": "Service",
                "metadata": {"name": name, "namespace": "mlflow"},
                "spec": {"ports": [{"name": "http", "port": 5000}], "selector": {"app": name}},
            }
        )
        made.append(
            {
                "apiVersion": "v1",
                "kind": "ConfigMap",
                "metadata": {"name": f"{name}-config", "namespace": "mlflow"},
                "data": {"script.sh": "".join(f"echo step {i}\n" for i in range(40))},
            }
        )
    return made


def write_tree(root: Path, changed: bool) -> None:
    for overlay in OVERLAYS:
        folder = root / overlay
        folder.mkdir(parents=True)
        replicas = 2 if changed and overlay == "homelab" else 1
        for obj in objects(overlay, replicas):
            name = f"{obj['kind'].lower()}-{obj['metadata']['name']}.yaml"
            (folder / name).write_text(normalize(obj), encoding="utf-8")


def median(runs: int, action: Callable[[], int], expected: set[int]) -> float:
    times = []
    for _ in range(runs):
        sink = io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            code = action()
        times.append(time.perf_counter() - start)
        if code not in expected:
            raise RuntimeError(f"diff exited {code}: {sink.getvalue().strip()[-300:]}")
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        base, head = Path(tmp) / "base", Path(tmp) / "head"
        write_tree(base, changed=False)
        write_tree(head, changed=True)
        argv = ["--base-dir", str(base), "--head-dir", str(head), "--format", "markdown"]
        seconds = median(5, lambda: review.main(argv), {1})
        count = len(OVERLAYS) * OBJECTS_PER_OVERLAY
        print(
            f"diff of two rendered trees ({count} objects each, 1 changed): "
            f"{seconds:.3f} s (median of 5)"
        )

    has_head = (
        subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--verify", "-q", "HEAD"],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    with tempfile.TemporaryDirectory() as tmp:
        probe = subprocess.run(
            [sys.executable, "main.py", "synth", "--output", tmp],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode != 0:
            last = (probe.stderr or probe.stdout).strip().splitlines()[-1:] or ["?"]
            print(f"rendering diff: skipped, main.py synth does not render yet ({last[0]})")
            return 0
        if has_head:
            what = "HEAD (worktree render) vs the work tree (render)"
            argv = ["--repo", str(ROOT), "--base", "HEAD", "--format", "markdown"]
        else:
            what = "dist/ vs the work tree (one render; no commit yet)"
            argv = ["--repo", str(ROOT), "--base-dir", str(ROOT / "dist"), "--format", "markdown"]
        seconds = median(3, lambda: review.main(argv), {0, 1})
        print(f"rendering diff, {what}: {seconds:.3f} s (median of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
