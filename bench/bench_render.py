"""Render time of every overlay: whole process (as `make synth` runs it) and in-process.

Prints figures; asserts nothing. Run: `make bench` or `.venv/bin/python bench/bench_render.py`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def whole_process() -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(RUNS):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "main.py", "synth", "--output", f"{scratch}/{run}"],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
    return times


def in_process() -> tuple[list[float], int]:
    sys.path.insert(0, str(ROOT))
    from mlflow_gitops.cli import render

    render(ROOT)  # warm: jsii runtime start and module loading
    times = []
    files = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        files = len(render(ROOT))
        times.append(time.perf_counter() - start)
    return times, files


def main() -> None:
    overlays = sorted(p.stem for p in (ROOT / "overlays").glob("*.yaml"))
    process = whole_process()
    warm, files = in_process()
    print(f"overlays: {len(overlays)} ({', '.join(overlays)}), files rendered: {files}")
    print(
        f"render, whole process (python main.py synth): median {statistics.median(process):.2f} s"
        f" over {RUNS} runs (min {min(process):.2f}, max {max(process):.2f})"
    )
    print(
        f"render, in process after warm-up: median {statistics.median(warm) * 1000:.0f} ms"
        f" over {RUNS} runs"
    )


if __name__ == "__main__":
    main()
