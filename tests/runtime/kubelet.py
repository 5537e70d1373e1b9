"""Run a rendered pod as the kubelet would, with local real servers standing in for the cluster.

What a test may change, and nothing else (each difference is a named field of `Cluster`):
- Secret values: the test supplies them under the names and keys the manifest references;
  a reference the test does not know fails (a new Secret must be looked at).
- Host names: a cluster name (`mlflow-postgresql`, `keycloak.example.com`) is replaced, where it
  stands as a host in an env value or argument, by the loopback address of the local server
  that stands in for it; servers listen on the rendered ports, so ports stay as rendered.
  Public endpoints behind TLS (`https://keycloak.example.com`) are served in plain HTTP on the
  same port (443): `https://host` becomes `http://host:443`, the one other change to a URL
  (no test CA is trusted by the clients).
- Paths: each volume's mount path is a temporary directory (emptyDir: fresh per pod; claim:
  kept across restarts, named after the claim; ConfigMap: its rendered files), and the pod
  address `0.0.0.0` is the pod's own loopback address.
- `extra_env`: only for what the cluster provides outside the manifest and a local process
  cannot reach otherwise, each with its reason (the GCS emulator endpoint).

The image's own environment (`ENV` of images/mlflow/Dockerfile, or the documented Bitnami one)
comes first, as a container runtime sets it. Containers run as the pod's `runAsUser` with
`fsGroup` as a supplementary group, in a cgroup holding `limits.memory` and `limits.cpu`
(cgroup v1 controllers, writable by root here): the kernel OOM-kills past the limit as it
would in the cluster. Probes are run as the kubelet runs them, with their delays, periods,
timeouts and thresholds.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import yaml

from tests.servers.mlflow_server import expand_k8s_vars

ROOT = Path(__file__).resolve().parents[2]
CGROUP_ROOT = Path("/sys/fs/cgroup")

_QUANTITY = re.compile(r"^([0-9.]+)([a-zA-Z]*)$")
_BINARY = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40}
_DECIMAL = {"": 1, "k": 10**3, "M": 10**6, "G": 10**9, "T": 10**12, "m": 10**-3}


def quantity(text: str) -> float:
    """A Kubernetes quantity (`1Gi`, `500m`, `2`) as a number."""
    match = _QUANTITY.match(str(text))
    if not match:
        raise ValueError(f"not a quantity: {text!r}")
    number, suffix = float(match.group(1)), match.group(2)
    return number * (_BINARY.get(suffix) or _DECIMAL[suffix])


def load_dir(folder: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Every object of a rendered folder, keyed by (kind, name)."""
    objects: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        doc = yaml.safe_load(path.read_text())
        objects[(doc["kind"], doc["metadata"]["name"])] = doc
    return objects


# --------------------------------------------------------------------------- the cluster


@dataclass(frozen=True)
class Image:
    """What a container runtime takes from an image: its environment and its binaries."""

    env: Mapping[str, str]
    # Where the image's PATH entries are on this machine (the venv that mirrors the image).
    bin_dirs: tuple[Path, ...]
    workdir: str = "/"


def dockerfile_env(path: Path) -> dict[str, str]:
    """The `ENV` of a Dockerfile (`ENV A=1 \\ B=2` form), as the image carries it."""
    text = path.read_text().replace("\\\n", " ")
    env: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("ENV "):
            for token in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\S+)", line[4:]):
                env[token[0]] = token[1].strip('"')
    return env


@dataclass
class Cluster:
    """How the test stands in for the cluster: the only differences from the manifests."""

    secrets: Mapping[tuple[str, str], str]
    # Cluster host name -> loopback address of the local server standing in for it.
    hosts: Mapping[str, str] = field(default_factory=dict)
    # Public endpoints served without TLS locally: `https://host` becomes `http://host`.
    plain_http: frozenset[str] = frozenset()
    # Variables the cluster provides outside the manifest: name -> (value, reason).
    extra_env: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # Claim name -> directory, kept across pod restarts (a PersistentVolume).
    claims: dict[str, Path] = field(default_factory=dict)
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="kubelet-")))

    def __post_init__(self) -> None:
        # Containers run as non-root uids: they must be able to enter their volumes' parents.
        os.chmod(self.workdir, 0o755)  # noqa: S103

    def claim_dir(self, name: str, owner: tuple[int, int]) -> Path:
        if name not in self.claims:
            path = self.workdir / "claims" / name
            path.mkdir(parents=True)
            os.chown(path, *owner)
            self.claims[name] = path
        return self.claims[name]

    def rehost(self, text: str) -> str:
        """Cluster host names -> local addresses, where they stand as a host."""
        for name, address in self.hosts.items():
            if name in self.plain_http:
                # Same port as rendered (443 when implicit), without TLS.
                text = re.sub(rf"https://{re.escape(name)}(?![\w.:-])", f"http://{name}:443", text)
                text = text.replace(f"https://{name}:", f"http://{name}:")
            # A host is delimited by start/end, `/`, `@`, `:`, `,`, `=` or whitespace.
            text = re.sub(rf"(?<![\w.-]){re.escape(name)}(?![\w-]|\.[\w-])", address, text)
        return text

    def close(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)


# --------------------------------------------------------------------------- cgroups


class Cgroup:
    """A cgroup v1 memory + cpu pair holding a container's `limits`."""

    def __init__(self, name: str, memory_bytes: int, cpu_millis: int) -> None:
        self.name = f"mlflow-runtime-{name}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        self.memory = CGROUP_ROOT / "memory" / self.name
        self.cpu = CGROUP_ROOT / "cpu" / self.name
        self.memory.mkdir()
        self.cpu.mkdir()
        (self.memory / "memory.limit_in_bytes").write_text(str(memory_bytes))
        (self.cpu / "cpu.cfs_period_us").write_text("100000")
        (self.cpu / "cpu.cfs_quota_us").write_text(str(cpu_millis * 100))
        self.memory_limit = memory_bytes
        self.cpu_millis = cpu_millis

    def pids(self) -> list[int]:
        text = (self.memory / "cgroup.procs").read_text()
        return [int(p) for p in text.split()]

    def oom_kills(self) -> int:
        for line in (self.memory / "memory.oom_control").read_text().splitlines():
            if line.startswith("oom_kill "):
                return int(line.split()[1])
        return 0

    def peak_bytes(self) -> int:
        return int((self.memory / "memory.max_usage_in_bytes").read_text())

    def pss_bytes(self) -> int:
        """Proportional set size of every process in the cgroup (shared pages counted once)."""
        total = 0
        for pid in self.pids():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
        return total

    def kill_all(self) -> None:
        for _ in range(50):
            pids = self.pids()
            if not pids:
                return
            for pid in pids:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.1)

    def remove(self) -> None:
        self.kill_all()
        for path in (self.memory, self.cpu):
            for _ in range(50):
                try:
                    path.rmdir()
                    break
                except OSError:
                    time.sleep(0.1)


# --------------------------------------------------------------------------- containers


@dataclass(frozen=True)
class PodSecurity:
    user: int
    group: int
    fs_group: int | None

    @classmethod
    def of(cls, pod_spec: Mapping[str, Any], container: Mapping[str, Any]) -> PodSecurity:
        pod = pod_spec.get("securityContext") or {}
        own = container.get("securityContext") or {}
        user = own.get("runAsUser", pod.get("runAsUser"))
        group = own.get("runAsGroup", pod.get("runAsGroup"))
        assert user and user > 0, "runAsNonRoot needs a numeric non-root runAsUser"
        return cls(int(user), int(group or user), pod.get("fsGroup"))


@dataclass
class Container:
    """One rendered container, resolved for this machine."""

    name: str
    argv: list[str]
    env: dict[str, str]
    security: PodSecurity
    memory_limit: int
    cpu_millis: int
    spec: Mapping[str, Any]
    cwd: Path


def _secret_value(cluster: Cluster, ref: Mapping[str, Any], var: str) -> str:
    key = (ref["name"], ref["key"])
    if key not in cluster.secrets:
        raise AssertionError(f"{var}: no test value for Secret {key}")
    return cluster.secrets[key]


def resolve_env(spec: Mapping[str, Any], image: Image, cluster: Cluster) -> dict[str, str]:
    """The container's environment: image ENV, then the manifest's env in order."""
    env = dict(image.env)
    for item in spec.get("env") or []:
        name = item["name"]
        if "value" in item:
            env[name] = cluster.rehost(expand_k8s_vars(str(item["value"]), env))
            continue
        source = item.get("valueFrom") or {}
        ref = source.get("secretKeyRef")
        assert ref is not None, f"{name}: unsupported valueFrom {source}"
        env[name] = _secret_value(cluster, ref, name)
    for name, (value, _reason) in cluster.extra_env.items():
        assert name not in env, f"{name} is set by the manifest; extra_env must not override it"
        env[name] = value
    return env


class Pod:
    """A rendered pod template (of a Deployment or Job) made runnable here."""

    def __init__(  # noqa: PLR0917
        self,
        name: str,
        template: Mapping[str, Any],
        configmaps: Mapping[str, Mapping[str, Any]],
        image_for: Callable[[str], Image],
        cluster: Cluster,
        pod_ip: str,
    ) -> None:
        self.name = name
        self.spec = template["spec"]
        self.cluster = cluster
        self.pod_ip = pod_ip
        self.image_for = image_for
        self.top = Path(tempfile.mkdtemp(prefix=f"pod-{name}-", dir=cluster.workdir))
        os.chmod(self.top, 0o755)  # noqa: S103
        self.paths = self._volumes(configmaps)

    def _volumes(self, configmaps: Mapping[str, Mapping[str, Any]]) -> dict[str, Path]:
        """Volume name -> a local directory holding what the volume would."""
        pod_security = self.spec.get("securityContext") or {}
        owner = (int(pod_security.get("runAsUser", 0)), int(pod_security.get("fsGroup") or 0))
        paths: dict[str, Path] = {}
        for volume in self.spec.get("volumes") or []:
            name = volume["name"]
            if "emptyDir" in volume:
                path = self.top / "volumes" / name
                path.mkdir(parents=True)
                os.chown(path, *owner)
                os.chmod(path, 0o2777 if name == "tmp" else 0o2770)
            elif "persistentVolumeClaim" in volume:
                path = self.cluster.claim_dir(volume["persistentVolumeClaim"]["claimName"], owner)
            elif "configMap" in volume:
                data = configmaps[volume["configMap"]["name"]]["data"]
                path = self.top / "volumes" / name
                path.mkdir(parents=True)
                for key, text in data.items():
                    (path / key).write_text(text)
                os.chmod(path, 0o755)  # noqa: S103
            else:
                raise AssertionError(f"volume {name}: kind not supported by the test kubelet")
            paths[name] = path
        return paths

    def mount_map(self, spec: Mapping[str, Any]) -> list[tuple[str, str]]:
        """(mount path, local path) of a container, longest mount path first."""
        mounts = [
            (m["mountPath"].rstrip("/") or "/", str(self.paths[m["name"]]))
            for m in spec.get("volumeMounts") or []
        ]
        return sorted(mounts, key=lambda pair: -len(pair[0]))

    def remap_paths(self, text: str, mounts: list[tuple[str, str]]) -> str:
        """A mount path at the start of a value or after `=` / `file://` points at its dir
        (one pass, longest mount path first, so a local path is never remapped again)."""
        if not mounts:
            return text
        local = dict(mounts)
        pattern = "|".join(re.escape(mount) for mount, _ in mounts)
        return re.sub(
            rf"(^|=|file://)({pattern})(?=/|$|:)",
            lambda m: m.group(1) + local[m.group(2)],
            text,
        )

    def container(self, spec: Mapping[str, Any]) -> Container:
        image = self.image_for(spec["image"])
        mounts = self.mount_map(spec)
        env = resolve_env(spec, image, self.cluster)
        env = {k: self.remap_paths(v, mounts) for k, v in env.items()}
        words = [*(spec.get("command") or []), *(spec.get("args") or [])]
        assert words, f"{spec['name']}: no command (the image's ENTRYPOINT is not modelled)"
        argv = [
            self.remap_paths(self.cluster.rehost(expand_k8s_vars(w, env)), mounts) for w in words
        ]
        # The pod's addresses ("all interfaces") are its own loopback address here.
        any_address = "0.0.0.0"  # noqa: S104
        argv = [w.replace(any_address, self.pod_ip) for w in argv]
        argv[0] = self._which(argv[0], image, env)
        limits = (spec.get("resources") or {}).get("limits") or {}
        assert "memory" in limits and "cpu" in limits, f"{spec['name']}: no limits"
        cwd = Path(spec.get("workingDir") or image.workdir)
        local_cwd = Path(self.remap_paths(str(cwd), mounts))
        if local_cwd == cwd:  # not a volume: the read-only root filesystem
            local_cwd = self.top / "rootfs"
            local_cwd.mkdir(exist_ok=True)
            os.chmod(local_cwd, 0o555)  # noqa: S103
        return Container(
            name=spec["name"],
            argv=argv,
            env=env,
            security=PodSecurity.of(self.spec, spec),
            memory_limit=int(quantity(limits["memory"])),
            cpu_millis=round(quantity(limits["cpu"]) * 1000),
            spec=spec,
            cwd=local_cwd,
        )

    @staticmethod
    def _which(command: str, image: Image, env: Mapping[str, str]) -> str:
        if "/" in command:
            return command
        for directory in (*image.bin_dirs, Path("/usr/bin"), Path("/bin")):
            candidate = directory / command
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
        raise AssertionError(f"{command}: not found in the image's PATH ({env.get('PATH')})")


# --------------------------------------------------------------------------- running


@dataclass
class Process:
    container: Container
    popen: subprocess.Popen[bytes]
    cgroup: Cgroup
    log: Path
    started: float

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def tail(self, chars: int = 4000) -> str:
        return self.output()[-chars:]


def start(container: Container, name: str, log_dir: Path) -> Process:
    """Start a container's process tree in its own cgroup, as its user."""
    cgroup = Cgroup(name, container.memory_limit, container.cpu_millis)
    security = container.security

    # Root enters the cgroups, then setpriv drops to the pod's user and execs the container's
    # command: every process of the tree starts inside the limits (no preexec_fn with threads).
    enter = (
        f'echo $$ > "{cgroup.memory}/cgroup.procs" && echo $$ > "{cgroup.cpu}/cgroup.procs" '
        '&& exec "$@"'
    )
    groups = str(security.fs_group) if security.fs_group else "-"
    wrapper = [
        "/bin/sh",
        "-c",
        enter,
        "sh",
        "/usr/bin/setpriv",
        f"--reuid={security.user}",
        f"--regid={security.group}",
        *([f"--groups={groups}"] if security.fs_group else ["--clear-groups"]),
        "--",
        *container.argv,
    ]
    log = log_dir / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(
            wrapper,
            env=container.env,
            cwd=container.cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Process(container, popen, cgroup, log, time.monotonic())


def stop(process: Process, grace: float = 30.0) -> None:
    """SIGTERM, then SIGKILL after the grace period (terminationGracePeriodSeconds)."""
    if process.popen.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.popen.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.popen.wait(timeout=grace)
    process.cgroup.remove()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.popen.wait(timeout=5)


def run_to_completion(container: Container, name: str, log_dir: Path, timeout: float) -> Process:
    """An init container or a Job's container: runs until it exits."""
    process = start(container, name, log_dir)
    try:
        process.popen.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        stop(process, grace=1)
        raise AssertionError(
            f"{name}: still running after {timeout:.0f} s:\n{process.tail()}"
        ) from None
    oom = process.cgroup.oom_kills()
    process.cgroup.remove()
    assert oom == 0, f"{name}: OOM-killed ({oom}) at {container.memory_limit} bytes"
    return process


# --------------------------------------------------------------------------- probes


@dataclass
class ProbeReport:
    ready_seconds: float | None = None
    started_seconds: float | None = None
    killed_by: str | None = None
    failures: list[str] = field(default_factory=list)


def _probe_ok(pod_ip: str, probe: Mapping[str, Any]) -> tuple[bool, str]:
    action = probe["httpGet"]
    url = f"http://{pod_ip}:{action['port']}{action.get('path', '/')}"
    try:
        response = requests.get(url, timeout=probe.get("timeoutSeconds", 1), allow_redirects=False)
    except requests.RequestException as error:
        return False, f"{type(error).__name__}"
    return 200 <= response.status_code < 400, f"HTTP {response.status_code}"


class Prober:
    """The kubelet's startup, liveness and readiness probes of one container, in a thread."""

    def __init__(self, process: Process, pod_ip: str) -> None:
        self.process = process
        self.pod_ip = pod_ip
        self.report = ProbeReport()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        spec = self.process.container.spec
        t0 = self.process.started
        probes = {
            k: spec[k] for k in ("startupProbe", "livenessProbe", "readinessProbe") if k in spec
        }
        due = {k: t0 + p.get("initialDelaySeconds", 0) for k, p in probes.items()}
        failures = dict.fromkeys(probes, 0)
        started = "startupProbe" not in probes
        while not self._stop.is_set() and self.process.popen.poll() is None:
            now = time.monotonic()
            for kind, probe in probes.items():
                if now < due[kind] or (kind != "startupProbe" and not started):
                    continue
                if kind == "startupProbe" and started:
                    continue
                due[kind] = now + probe.get("periodSeconds", 10)
                ok, detail = _probe_ok(self.pod_ip, probe)
                if ok:
                    failures[kind] = 0
                    if kind == "startupProbe":
                        started = True
                        self.report.started_seconds = now - t0
                    if kind == "readinessProbe" and self.report.ready_seconds is None:
                        self.report.ready_seconds = now - t0
                        self._ready.set()
                    continue
                failures[kind] += 1
                self.report.failures.append(f"{now - t0:6.1f}s {kind}: {detail}")
                if kind != "readinessProbe" and failures[kind] >= probe.get("failureThreshold", 3):
                    # The kubelet would kill and restart the container here.
                    self.report.killed_by = kind
                    self._ready.set()
                    return
            time.sleep(0.2)
        self._ready.set()

    def wait_ready(self, timeout: float) -> ProbeReport:
        self._ready.wait(timeout)
        return self.report

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=15)


def probe_budget(spec: Mapping[str, Any]) -> float:
    """Seconds the kubelet allows before it restarts a container that never became live:
    the startup probe's budget if there is one, else the liveness probe's."""
    probe = spec.get("startupProbe") or spec["livenessProbe"]
    return float(
        probe.get("initialDelaySeconds", 0)
        + probe.get("failureThreshold", 3) * probe.get("periodSeconds", 10)
    )


# --------------------------------------------------------------------------- a running pod


@dataclass
class RunningPod:
    pod: Pod
    main: Process
    prober: Prober
    init_logs: dict[str, str]
    ready_seconds: float
    samples: list[int] = field(default_factory=list)
    _sampler: threading.Thread | None = None
    _sampling: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        port = self.main.container.spec["ports"][0]["containerPort"]
        return f"http://{self.pod.pod_ip}:{port}"

    def _sample(self) -> None:
        while not self._sampling.wait(1.0):
            with contextlib.suppress(OSError):
                self.samples.append(self.main.cgroup.pss_bytes())

    def memory_report(self) -> dict[str, float]:
        return {
            "limit_mib": self.main.container.memory_limit / 2**20,
            "peak_pss_mib": max(self.samples, default=0) / 2**20,
            "cgroup_peak_mib": self.main.cgroup.peak_bytes() / 2**20,
            "oom_kills": float(self.main.cgroup.oom_kills()),
        }

    def assert_alive(self) -> None:
        oom = self.main.cgroup.oom_kills()
        assert oom == 0, f"{self.pod.name}: OOM-killed ({oom}):\n{self.main.tail()}"
        assert self.main.popen.poll() is None, (
            f"{self.pod.name}: exited with {self.main.popen.returncode}:\n{self.main.tail()}"
        )
        assert self.prober.report.killed_by is None, (
            f"{self.pod.name}: the kubelet would restart it ({self.prober.report.killed_by})"
        )


@contextlib.contextmanager
def run_pod(pod: Pod, *, init_timeout: float = 300.0) -> Iterator[RunningPod]:
    """Init containers in order, then the (single) main container with its probes."""
    logs = pod.top / "logs"
    logs.mkdir(exist_ok=True)
    init_logs: dict[str, str] = {}
    for spec in pod.spec.get("initContainers") or []:
        container = pod.container(spec)
        done = run_to_completion(container, f"{pod.name}-{spec['name']}", logs, init_timeout)
        init_logs[spec["name"]] = done.output()
        assert done.popen.returncode == 0, (
            f"init container {spec['name']} exited {done.popen.returncode}:\n{done.tail()}"
        )
    (spec,) = pod.spec["containers"]
    main = start(pod.container(spec), pod.name, logs)
    prober = Prober(main, pod.pod_ip)
    running: RunningPod | None = None
    try:
        budget = probe_budget(spec)
        report = prober.wait_ready(budget + 30)
        assert report.killed_by is None, (
            f"{pod.name}: {report.killed_by} failed {budget:.0f} s into start-up; the kubelet "
            f"restarts it. Probe log:\n" + "\n".join(report.failures[-8:]) + "\n" + main.tail()
        )
        assert main.cgroup.oom_kills() == 0, f"{pod.name}: OOM-killed:\n{main.tail()}"
        assert report.ready_seconds is not None, (
            f"{pod.name}: not ready {budget:.0f} s after start (probe budget); exit "
            f"{main.popen.poll()}. Probe log:\n"
            + "\n".join(report.failures[-8:])
            + "\n"
            + main.tail()
        )
        running = RunningPod(pod, main, prober, init_logs, report.ready_seconds)
        running._sampler = threading.Thread(target=running._sample, daemon=True)
        running._sampler.start()
        yield running
    finally:
        if running is not None:
            running._sampling.set()
        prober.close()
        stop(main)
