"""`main.py diff`: review a change by what it does to the rendered manifests, object by object.

    main.py diff [--base REV | --base-dir DIR] [--head REV | --head-dir DIR]
                 [--format markdown|text] [--color auto|always|never] [-U N]
                 [--output-prefix PATH [--max-chars N]] [--repo DIR] [--fail-on blocking]

Base defaults to `git merge-base HEAD main` (or `main` without a merge base); head defaults to
the work tree. dist/ is never touched. A side is taken from the render cache when that checkout
was rendered before (mlflow_gitops/render_cache.py: keyed by the checkout's files, so one render
serves synth, check and every later review). Otherwise a revision is rendered from a temporary
detached `git worktree` (removed again, even on failure): in this process when its code is this
code (only overlays or shipped files differ), else by its own `main.py synth --output TMP`
with this Python, in parallel with the other side.

Without --output-prefix the whole review goes to stdout. With it, the review is split into
PATH-1.md, PATH-2.md, ... (PATH-i.txt for --format text) of at most --max-chars characters,
ready to post as PR comments; stale higher-numbered parts of an earlier run are removed.

Each changed object carries the review's predictions of what Argo CD will do beyond the text
(mlflow_gitops/review_predictions.py): "cannot be applied in place", "drops data" (blocking),
"restarts pods", "runs database migrations", "re-runs bootstrap Jobs", ...; the summary counts
them, blocking first.

Exit: 0 identical, 1 something differs, 2 usage error or failed render (one-line message);
with --fail-on blocking, 3 when a blocking effect is predicted (after the review is written).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mlflow_gitops import render_cache
from mlflow_gitops.errors import BadInput
from mlflow_gitops.review_core import (
    Identity,
    Manifest,
    ParseCache,
    TreeError,
    compare,
    load_tree,
    parse_files,
    read_tree,
)
from mlflow_gitops.review_format import GITHUB_COMMENT_LIMIT, Formatter, Labels, SplitError
from mlflow_gitops.review_predictions import predict_review

EXIT_SAME, EXIT_DIFFERENT, EXIT_ERROR, EXIT_BLOCKING = 0, 1, 2, 3
DEFAULT_BRANCH = "main"
RENDER_TIMEOUT_S = 900
# Below this, a part cannot hold its header plus a useful piece of one object.
MIN_MAX_CHARS = 1000
# The code a render runs (this process's, or a checkout's): same files, same render.
CODE = ("main.py", "requirements.lock", "mlflow_gitops")
THIS_CHECKOUT = Path(__file__).resolve().parent.parent
# jsii talks to one node process over one pipe: in-process renders take turns.
_IN_PROCESS = threading.Lock()


class ReviewError(Exception):
    """Anything that ends the review with exit code 2; the message is one line."""


@dataclass(frozen=True)
class Side:
    label: str
    objects: Mapping[Identity, Manifest]


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ReviewError(f"git {' '.join(args)}: {_last_line(result.stderr)}")
    return result.stdout.strip()


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def repo_root(path: Path) -> Path:
    try:
        return Path(_git(path, "rev-parse", "--show-toplevel"))
    except ReviewError as error:
        raise ReviewError(
            f"{path} is not a git repository (use --base-dir/--head-dir to diff two folders)"
        ) from error


def resolve(repo: Path, rev: str) -> str:
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except ReviewError as error:
        raise ReviewError(f"unknown revision {rev!r} in {repo}") from error


def default_base(repo: Path) -> str:
    """The merge base of HEAD and main: what the branch started from, not main's newer work."""
    result = subprocess.run(
        ["git", "-C", str(repo), "merge-base", "HEAD", DEFAULT_BRANCH],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() if result.returncode == 0 else DEFAULT_BRANCH


def code_key(checkout: Path) -> str:
    """Fingerprint of the code files of a checkout (bytecode caches left out)."""
    digest = hashlib.sha256()
    for name in CODE:
        top = checkout / name
        paths = [top] if top.is_file() else sorted(top.rglob("*")) if top.is_dir() else []
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(checkout).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _runs_this_code(checkout: Path) -> bool:
    return checkout.resolve() == THIS_CHECKOUT or code_key(checkout) == code_key(THIS_CHECKOUT)


def _render_here(checkout: Path, what: str) -> dict[str, str]:
    from mlflow_gitops.cli import render

    try:
        with _IN_PROCESS:
            return render(checkout)
    except BadInput as error:
        raise ReviewError(f"render of {what} failed: {error}") from error


def _render_subprocess(checkout: Path, what: str) -> dict[str, str]:
    if not (checkout / "main.py").is_file():
        raise ReviewError(f"cannot render {what}: it has no main.py")
    # The checkout's own modules must win over anything on an inherited PYTHONPATH.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with tempfile.TemporaryDirectory(prefix="mlflow-gitops-render-") as out:
        output = Path(out) / "dist"
        try:
            result = subprocess.run(
                [sys.executable, "main.py", "synth", "--output", str(output)],
                cwd=checkout,
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=RENDER_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired as error:
            raise ReviewError(f"render of {what} took more than {RENDER_TIMEOUT_S} s") from error
        if result.returncode != 0:
            raise ReviewError(
                f"render of {what} failed (exit {result.returncode}): "
                f"{_last_line(result.stderr or result.stdout)}"
            )
        if not output.is_dir():
            raise ReviewError(f"render of {what} wrote nothing into {output}")
        return read_tree(output)


def _render(checkout: Path, what: str) -> dict[str, str]:
    """In this process when the checkout runs this code (no interpreter start, no second
    import of cdk8s and the generated classes), else by the checkout's own main.py."""
    if _runs_this_code(checkout):
        return _render_here(checkout, what)
    return _render_subprocess(checkout, what)


@contextmanager
def worktree(repo: Path, commit: str) -> Iterator[Path]:
    """A detached worktree of `commit`, removed (and pruned) afterwards whatever happens."""
    with tempfile.TemporaryDirectory(prefix="mlflow-gitops-diff-") as tmp:
        path = Path(tmp) / "checkout"
        _git(repo, "worktree", "add", "--detach", "--quiet", str(path), commit)
        try:
            yield path
        finally:
            subprocess.run(
                ["git", "-C", str(repo), "worktree", "remove", "--force", str(path)],
                capture_output=True,
                check=False,
            )
            subprocess.run(
                ["git", "-C", str(repo), "worktree", "prune"], capture_output=True, check=False
            )


@dataclass(frozen=True)
class Rendered:
    label: str
    files: Mapping[str, str]


def render_revision(repo: Path, rev: str) -> Rendered:
    commit = resolve(repo, rev)
    label = f"{rev} ({commit[:12]})" if not commit.startswith(rev) else commit[:12]
    key = render_cache.commit_key(repo, commit)
    entry = render_cache.load(key)
    if entry is not None:
        return Rendered(label, entry.files)
    with worktree(repo, commit) as checkout:
        files = _render(checkout, label)
    render_cache.store(key, files, None)
    return Rendered(label, files)


def render_work_tree(repo: Path) -> Rendered:
    if _runs_this_code(repo):
        from mlflow_gitops.cli import render_all

        try:
            with _IN_PROCESS:
                files, _ = render_all(repo)  # cached, and cached for `main.py check` too
        except BadInput as error:
            raise ReviewError(f"render of the work tree failed: {error}") from error
        return Rendered("work tree", files)
    return Rendered("work tree", _render_subprocess(repo, "the work tree"))


def load_revision(repo: Path, rev: str, cache: ParseCache) -> Side:
    rendered = render_revision(repo, rev)
    return Side(rendered.label, parse_files(rendered.files, cache))


def load_work_tree(repo: Path, cache: ParseCache) -> Side:
    rendered = render_work_tree(repo)
    return Side(rendered.label, parse_files(rendered.files, cache))


def load_dir(path: str, cache: ParseCache) -> Side:
    return Side(path, load_tree(Path(path), cache))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py diff",
        description="Rendered diff between two revisions (or two rendered folders).",
    )
    base = parser.add_mutually_exclusive_group()
    base.add_argument("--base", metavar="REV", help="default: git merge-base HEAD main")
    base.add_argument("--base-dir", metavar="DIR", help="an already rendered tree")
    head = parser.add_mutually_exclusive_group()
    head.add_argument("--head", metavar="REV", help="default: the work tree")
    head.add_argument("--head-dir", metavar="DIR", help="an already rendered tree")
    parser.add_argument("--repo", default=".", metavar="DIR", help="the git checkout (default: .)")
    parser.add_argument("--format", choices=("markdown", "text"), default="text")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="ANSI colours for --format text on stdout (auto: when a TTY)",
    )
    parser.add_argument(
        "-U",
        "--context",
        type=int,
        default=3,
        metavar="N",
        help="context lines around each change (default 3)",
    )
    parser.add_argument(
        "--output-prefix", metavar="PATH", help="write PATH-1.md, PATH-2.md, ... instead of stdout"
    )
    parser.add_argument(
        "--max-chars",
        type=int,
        default=GITHUB_COMMENT_LIMIT,
        metavar="N",
        help=f"size limit of each part (default {GITHUB_COMMENT_LIMIT})",
    )
    parser.add_argument(
        "--fail-on",
        choices=("never", "blocking"),
        default="never",
        help=f"blocking: exit {EXIT_BLOCKING} when the review predicts a blocking effect "
        "(cannot be applied in place, drops data)",
    )
    return parser


def _use_color(choice: str) -> bool:
    if choice == "auto":
        return sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return choice == "always"


def _write_parts(prefix: str, parts: list[str], suffix: str) -> None:
    for index, text in enumerate(parts, start=1):
        path = Path(f"{prefix}-{index}{suffix}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text)} characters)")
    # Parts left over from an earlier, longer review would be posted again: remove them.
    folder, stem = Path(prefix).parent, Path(prefix).name
    for stale in folder.glob(f"{stem}-*{suffix}"):
        number = stale.name[len(stem) + 1 : -len(suffix)]
        if number.isdigit() and int(number) > len(parts):
            stale.unlink()


def _head(args: argparse.Namespace, repo: Path, cache: ParseCache) -> Side:
    if args.head_dir:
        return load_dir(args.head_dir, cache)
    if args.head:
        return load_revision(repo, args.head, cache)
    return load_work_tree(repo, cache)


def run(args: argparse.Namespace) -> int:
    if args.max_chars < MIN_MAX_CHARS:
        raise ReviewError(f"--max-chars must be at least {MIN_MAX_CHARS}")
    if args.context < 0:
        raise ReviewError("--context must not be negative")
    needs_git = not (args.base_dir and args.head_dir)
    repo = repo_root(Path(args.repo)) if needs_git else Path(args.repo)
    cache: ParseCache = {}  # shared: files the same on both sides are parsed once
    if args.base_dir:
        base = load_dir(args.base_dir, cache)
        head = _head(args, repo, cache)
    else:
        # Two cores: a base rendered by its own main.py runs while this process renders the head.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(render_revision, repo, args.base or default_base(repo))
            head = _head(args, repo, cache)
            rendered = pending.result()
        base = Side(rendered.label, parse_files(rendered.files, cache))
    review = compare(base.objects, head.objects, context=args.context)
    predictions = predict_review(
        base.objects, head.objects, [change.identity for change in review.changes]
    )
    labels = Labels(base.label, head.label)
    markdown = args.format == "markdown"
    if args.output_prefix:
        formatter = Formatter(markdown=markdown, predictions=predictions)
        _write_parts(
            args.output_prefix,
            formatter.split(review, labels, args.max_chars),
            ".md" if markdown else ".txt",
        )
    else:
        color = not markdown and _use_color(args.color)
        formatter = Formatter(markdown=markdown, color=color, predictions=predictions)
        sys.stdout.write(formatter.render(review, labels))
    if args.fail_on == "blocking" and predictions.any_blocking:
        return EXIT_BLOCKING
    return EXIT_DIFFERENT if review.changes else EXIT_SAME


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse already printed usage and the reason
        return exit_.code if isinstance(exit_.code, int) else EXIT_ERROR
    try:
        return run(args)
    except (ReviewError, TreeError, SplitError, OSError) as error:
        print(f"main.py diff: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a crash must not read as exit 1, "the manifests differ"
        print(f"main.py diff: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
