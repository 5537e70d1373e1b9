"""What every bootstrap Job shares: its log lines, its environment, its files, its waits, its exit.

Shipped beside each script in the Job's ConfigMap (`/scripts/jobkit.py`); the container runs
`python /scripts/<script>.py`, so the script's own folder is on sys.path and `import jobkit`
finds this file. Standard library only: the Jobs run on the overlay's MLflow image, the frozen
bitnamilegacy/mlflow:3.3.2 included (README, "What a Job may import").

Each script has a pure loader, `load_config(environ, files)`, that reads every variable through
`Env` and every mounted file through `files`, and raises `JobError` naming what is wrong. The
render tests feed each rendered Job's own environment and ConfigMap files to that loader
(tests/render/test_job_contract.py); `Env` records which variables the loader required and
which it read, so a variable renamed on one side only fails there.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
S = TypeVar("S")

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


class JobError(Exception):
    """A failure reported as one line on stderr; `code` is the exit status."""

    def __init__(self, reason: str, code: int = 1) -> None:
        super().__init__(reason)
        self.code = code


class NotReady(Exception):
    """The server did not answer (yet): worth another attempt until the deadline."""


class Log:
    """One line per event on stdout, `<prog>: ` first unless the Job's lines stand alone."""

    def __init__(self, prog: str, *, prefixed: bool = True) -> None:
        self.prog = prog
        self.prefix = f"{prog}: " if prefixed else ""

    def __call__(self, message: str) -> None:
        print(f"{self.prefix}{message}", flush=True)

    def error(self, reason: str) -> None:
        print(f"{self.prog}: error: {reason}", file=sys.stderr, flush=True)


def first_line(error: BaseException, default: str = "") -> str:
    """The first line of an exception's text: library errors can run to many lines."""
    text = str(error).strip()
    return text.splitlines()[0] if text else default


# --- configuration ----------------------------------------------------------------------------


class Env(Mapping[str, str]):
    """The process environment as a loader sees it, recording what the loader asked for:
    `required` (the Job fails without it) and `read` (everything it looked at)."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ
        self.required: set[str] = set()
        self.read: set[str] = set()

    @classmethod
    def of(cls, environ: Mapping[str, str]) -> Env:
        return environ if isinstance(environ, Env) else cls(environ)

    def __getitem__(self, name: str) -> str:
        self.read.add(name)
        return self._environ[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._environ)

    def __len__(self) -> int:
        return len(self._environ)

    def optional(self, name: str, default: str = "") -> str:
        """The value, or `default` when the variable is unset or empty (Kubernetes renders an
        empty `value` for an unset one)."""
        self.read.add(name)
        return self._environ.get(name) or default

    def require(self, name: str, hint: str = "") -> str:
        self.required.add(name)
        value = self.optional(name)
        if not value:
            raise JobError(f"environment variable {name} is required{hint}")
        return value

    def number(self, name: str, default: float, *, low: float | None = None) -> float:
        raw = self.optional(name)
        try:
            value = float(raw) if raw else default
        except ValueError:
            raise JobError(f"{name} must be a number, got {raw!r}") from None
        if low is not None and value < low:
            raise JobError(f"{name} must be at least {low:g}, got {value:g}")
        return value

    def integer(self, name: str, default: int, *, low: int | None = None) -> int:
        raw = self.optional(name)
        try:
            value = int(raw) if raw else default
        except ValueError:
            raise JobError(f"{name} must be an integer, got {raw!r}") from None
        if low is not None and value < low:
            raise JobError(f"{name} must be at least {low}, got {value}")
        return value

    def flag(self, name: str, default: bool) -> bool:
        raw = self.optional(name).lower()
        if not raw:
            return default
        if raw in TRUE:
            return True
        if raw in FALSE:
            return False
        raise JobError(f"{name} must be true or false, got {raw!r}")


class MountedFiles(Mapping[str, str]):
    """Files of the pod's mounts, by absolute path, read when asked for (a missing or
    unreadable one is a KeyError); iterating lists the ones read so far."""

    def __init__(self) -> None:
        self._read: dict[str, str] = {}

    def __getitem__(self, path: str) -> str:
        if path not in self._read:
            try:
                self._read[path] = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise KeyError(path) from exc
        return self._read[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read)

    def __len__(self) -> int:
        return len(self._read)


def read_file(files: Mapping[str, str], path: str, what: str) -> str:
    try:
        return files[path]
    except KeyError:
        raise JobError(f"cannot read {what} {path}: no such file in the pod") from None


def read_json(env: Env, files: Mapping[str, str], variable: str) -> Any:
    """The JSON document at the path `variable` names (a file of the Job's ConfigMap)."""
    path = env.require(variable)
    text = read_file(files, path, f"{variable}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JobError(f"{variable} {path} is not JSON: {exc}") from None


# --- waiting ------------------------------------------------------------------------------


def delays(first: float, cap: float) -> Iterator[float]:
    """first, 2 x first, 4 x first, ... never more than cap: every Job's backoff."""
    delay = first
    while True:
        yield min(delay, cap)
        delay = min(delay * 2, cap)


def wait_for(
    what: str,
    attempt: Callable[[], T],
    *,
    timeout: float,
    log: Log,
    first: float = 1.0,
    cap: float = 15.0,
) -> T:
    """Call `attempt` until it stops raising NotReady, backing off, for at most `timeout` s."""
    deadline = time.monotonic() + timeout
    for number, delay in enumerate(delays(first, cap), start=1):
        try:
            result = attempt()
        except NotReady as exc:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise JobError(
                    f"{what} unreachable after {number} attempts in {timeout:g}s: {exc}"
                ) from None
            log(f"waiting for {what} (attempt {number}: {exc})")
            time.sleep(min(delay, remaining))
            continue
        if number > 1:
            log(f"{what} answered after {number} attempts")
        return result
    raise AssertionError("unreachable")


# --- entry point --------------------------------------------------------------------------


def main(
    log: Log,
    load: Callable[[Mapping[str, str], Mapping[str, str]], S],
    run: Callable[[S], None],
    *,
    config_exit: int = 1,
    describe: Callable[[Exception], str | None] = lambda _: None,
    done: str | None = None,
) -> int:
    """Load (a bad configuration exits `config_exit`), run, and turn every failure into one
    line on stderr. `describe` names a library's own errors (None: not one of them); `done`
    is the last line logged on success."""
    try:
        settings = load(os.environ, MountedFiles())
    except JobError as exc:
        log.error(str(exc))
        return config_exit
    try:
        run(settings)
    except JobError as exc:
        log.error(str(exc))
        return exc.code
    except Exception as exc:
        reason = describe(exc)
        if reason is None:
            raise
        log.error(reason)
        return 1
    if done is not None:
        log(done)
    return 0
