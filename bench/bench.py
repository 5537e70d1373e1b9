"""The render against kustomize building the same output: whole processes, medians of one run.

Prints, side by side and as ratios (this project / kustomize):
  1. every overlay rendered (`python main.py synth --output TMP`) against `kustomize build` of
     the same dist/ folders: CPU seconds (the process tree's, jsii's node runtime included),
     wall seconds, peak memory (the tree's summed RSS, sampled: python and node run at once);
  2. `main.py check` (the pre-commit gate), cold (renders) and warm (after a synth);
  3. `main.py diff` between two revisions (default HEAD~1 and HEAD), cold (empty render cache)
     and warm (the second review of the same revisions);
  4. 1, 10, 50 and 100 generated overlays (copies of overlays/*.yaml under new names, rendered
     in a copy of the project) against as many `kustomize build`s of what they render, with the
     cost per overlay, to show the growth is linear.

Every render runs with MLFLOW_GITOPS_RENDER_CACHE=off unless the line says warm.
Run: `make bench`, or `.venv/bin/python bench/bench.py [--runs N] [--sizes 1,10] [--only all]`.
A checkout of another revision (a worktree) can be measured the same way: copy this file into it.
Needs kustomize in .cache/bin (tools/install/20_go_tools.sh, `make setup`). Asserts nothing.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KUSTOMIZE = ROOT / ".cache" / "bin" / "kustomize"
PR_SET_CHILD_SUBREAPER = 36
# What a render reads: the project copy of a generated-overlays run holds these.
PROJECT = ("main.py", "mlflow_gitops", "overlays", "plugins", "jobs", "scripts")


@dataclass(frozen=True)
class Sample:
    cpu: float  # user + system seconds of every process of the tree
    wall: float
    rss_mb: float  # peak of the tree's summed RSS (python and jsii's node run at the same time)


def _become_subreaper() -> None:
    """Orphans of a measured process (jsii's node runtime) are reparented to us, so their CPU
    and memory are counted too."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


# A render, not a render-cache hit, unless a figure says "warm". Python as it runs by default:
# writing and reusing bytecode (some sandboxes export PYTHONDONTWRITEBYTECODE=1, which makes
# every run compile the generated modules again; --no-bytecode measures that).
BASE_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "MLFLOW_GITOPS_RENDER_CACHE": "off",
}


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                total += next(
                    (int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0
                )
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                pending += [int(child) for child in children.read().split()]
        except (OSError, ValueError):
            continue  # exited meanwhile
    return total


class _PeakSampler(threading.Thread):
    """Samples the tree's summed RSS every 10 ms: ru_maxrss gives the largest single process,
    not what python and node hold together."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(self.pid))
            self.done.wait(0.01)


def run_once(argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """One whole process: CPU of it and of every descendant (wait4), peak RSS of the tree."""
    env = BASE_ENV if env is None else env
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(
            list(argv), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        sampler = _PeakSampler(child.pid)
        sampler.start()
        cpu, largest, wall, code = 0.0, 0.0, 0.0, None
        while True:
            try:
                pid, status, usage = os.wait4(-1, 0)
            except ChildProcessError:
                break
            cpu += usage.ru_utime + usage.ru_stime
            largest = max(largest, usage.ru_maxrss / 1024)
            if pid == child.pid:
                wall = time.perf_counter() - start
                code = os.waitstatus_to_exitcode(status)
                sampler.done.set()
        sampler.join()
        child.returncode = code  # reaped above; keeps Popen from waiting again
        if code not in (0, 1) or (code == 1 and "diff" not in argv):
            errors.seek(0)
            tail = errors.read().decode(errors="replace").strip().splitlines()[-3:]
            raise RuntimeError(f"{' '.join(argv)} exited {code}: {' | '.join(tail)}")
    # A process shorter than one sample (kustomize) has no sampled figure: its own peak stands.
    return Sample(cpu, wall, max(sampler.peak_kb / 1024, largest))


def run_sequence(commands: Sequence[Sequence[str]], cwd: Path) -> Sample:
    """Several processes one after another: CPU and wall add up, memory is the largest peak."""
    samples = [run_once(command, cwd) for command in commands]
    return Sample(
        sum(s.cpu for s in samples), sum(s.wall for s in samples), max(s.rss_mb for s in samples)
    )


def median(runs: int, measure: Callable[[], Sample]) -> Sample:
    samples = [measure() for _ in range(runs)]
    return Sample(
        statistics.median(s.cpu for s in samples),
        statistics.median(s.wall for s in samples),
        statistics.median(s.rss_mb for s in samples),
    )


def kustomize_builds(folders: Sequence[Path]) -> list[list[str]]:
    return [[str(KUSTOMIZE), "build", str(folder)] for folder in folders]


def synth(output: Path) -> list[str]:
    return [sys.executable, "main.py", "synth", "--output", str(output)]


def rendered_folders(output: Path) -> list[Path]:
    return sorted(path for path in output.iterdir() if (path / "kustomization.yaml").is_file())


def line(label: str, ours: Sample, theirs: Sample | None = None) -> str:
    text = f"{label:<44} {ours.cpu:6.2f} CPU-s {ours.wall:6.2f} s {ours.rss_mb:6.0f} MB"
    if theirs is not None:
        text += (
            f" | kustomize {theirs.cpu:5.2f} CPU-s {theirs.wall:5.2f} s {theirs.rss_mb:4.0f} MB"
            f" | ratio CPU {ours.cpu / theirs.cpu:5.1f}x wall {ours.wall / theirs.wall:5.1f}x"
        )
    return text


def copy_project(target: Path, overlays: int) -> Path:
    """A copy of the project whose overlays/ holds `overlays` generated overlays."""
    target.mkdir(parents=True)
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.yaml" if name == "overlays" else "")
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)
    sources = sorted((ROOT / "overlays").glob("*.yaml"))
    for index in range(overlays):
        source = sources[index % len(sources)]
        (target / "overlays" / f"gen-{index + 1:03d}-{source.stem}.yaml").write_text(
            source.read_text(encoding="utf-8"), encoding="utf-8"
        )
    return target


def bench_all_overlays(runs: int, scratch: Path) -> None:
    output = scratch / "all"
    ours = median(runs, lambda: run_once(synth(output), ROOT))
    folders = rendered_folders(output)
    theirs = median(runs, lambda: run_sequence(kustomize_builds(folders), ROOT))
    files = sum(1 for _ in output.rglob("*.yaml"))
    print(line(f"all overlays ({len(folders)} folders, {files} files)", ours, theirs))


def bench_check(runs: int, scratch: Path) -> None:
    argv = [sys.executable, "main.py", "check"]
    print(line("main.py check, cold (renders)", median(runs, lambda: run_once(argv, ROOT))))
    warm = {**BASE_ENV, "MLFLOW_GITOPS_RENDER_CACHE": str(scratch / "check")}
    run_once(argv, ROOT, warm)  # as `make synth` leaves it
    print(
        line(
            "main.py check, warm (after a synth)", median(runs, lambda: run_once(argv, ROOT, warm))
        )
    )


def bench_diff(runs: int, base: str, head: str, scratch: Path) -> None:
    argv = [sys.executable, "main.py", "diff", "--base", base, "--head", head]
    argv += ["--format", "markdown"]
    counter = iter(range(1_000_000))

    def cold() -> Sample:  # a render cache of its own each time: nothing to reuse
        env = {**BASE_ENV, "MLFLOW_GITOPS_RENDER_CACHE": str(scratch / f"cold-{next(counter)}")}
        return run_once(argv, ROOT, env)

    warm_env = {**BASE_ENV, "MLFLOW_GITOPS_RENDER_CACHE": str(scratch / "warm")}
    run_once(argv, ROOT, warm_env)
    print(line(f"main.py diff {base}..{head}, cold", median(runs, cold)))
    print(
        line(
            f"main.py diff {base}..{head}, warm",
            median(runs, lambda: run_once(argv, ROOT, warm_env)),
        )
    )


def bench_generated(size: int, runs: int, scratch: Path) -> None:
    project = copy_project(scratch / f"project-{size}", size)
    output = scratch / f"out-{size}"
    ours = median(runs, lambda: run_once(synth(output), project))
    folders = rendered_folders(output)
    theirs = median(runs, lambda: run_sequence(kustomize_builds(folders), ROOT))
    label = f"{size:>3} generated overlays (+argocd), median of {runs}"
    print(line(label, ours, theirs) + f" | per overlay {ours.cpu / size:5.2f} CPU-s")
    shutil.rmtree(project)


def _head(root: Path) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--sizes", default="1,10,50,100", help="generated overlay counts")
    parser.add_argument("--base", default="HEAD~1", help="base revision of the diff")
    parser.add_argument("--head", default="HEAD", help="head revision of the diff")
    parser.add_argument("--skip-diff", action="store_true")
    parser.add_argument("--only", choices=("all", "check", "diff", "generated"))
    parser.add_argument(
        "--no-bytecode", action="store_true", help="measure with PYTHONDONTWRITEBYTECODE=1"
    )
    args = parser.parse_args()
    if args.no_bytecode:
        BASE_ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    if not KUSTOMIZE.is_file():
        print(f"bench: {KUSTOMIZE} is missing: run `make setup`", file=sys.stderr)
        return 1
    _become_subreaper()
    sizes = [int(size) for size in args.sizes.split(",") if size]
    load = os.getloadavg()[0]
    bytecode = "off (PYTHONDONTWRITEBYTECODE=1)" if args.no_bytecode else "on"
    print(
        f"medians of {args.runs} runs unless noted; {os.cpu_count()} CPUs; load {load:.2f}; "
        f"python bytecode cache {bytecode}; {ROOT} at {_head(ROOT)}"
    )
    with tempfile.TemporaryDirectory(prefix="mlflow-gitops-bench-") as tmp:
        scratch = Path(tmp)
        if args.no_bytecode:  # nor any bytecode written before: an empty cache prefix
            BASE_ENV["PYTHONPYCACHEPREFIX"] = str(scratch / "no-pyc")
        if args.only in (None, "all"):
            bench_all_overlays(args.runs, scratch)
        if args.only in (None, "check"):
            bench_check(args.runs, scratch)
        if args.only in (None, "diff") and not args.skip_diff:
            bench_diff(args.runs, args.base, args.head, scratch)
        for size in sizes if args.only in (None, "generated") else []:
            # The largest sizes take minutes each: at most 3 runs.
            bench_generated(size, args.runs if size <= 10 else min(args.runs, 3), scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
