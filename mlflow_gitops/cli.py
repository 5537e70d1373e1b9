"""Command line: synth (render dist/), check (is dist/ up to date?), diff (review a change)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mlflow_gitops import render_cache
from mlflow_gitops.errors import BadInput

ROOT = Path(__file__).resolve().parent.parent
EXIT_BAD_INPUT = 2


def render(root: Path, overlays: list[str] | None = None) -> dict[str, str]:
    """A fresh render (no cache) of the overlays of the checkout at ``root``."""
    from mlflow_gitops.output import read_project_files
    from mlflow_gitops.overlays import load_overlays

    loaded = load_overlays(root / "overlays", overlays)
    # cdk8s and the generated classes take seconds to import: only once the input is valid.
    from mlflow_gitops.render import synthesize

    return synthesize(loaded, read_project_files(root))


def render_all(root: Path) -> tuple[dict[str, str], str]:
    """Every overlay and the overlay schema, from the render cache when the checkout is known.

    The modules that render are imported only on a miss: a hit costs hashing the checkout.
    """
    key = render_cache.work_tree_key(root)
    entry = render_cache.load(key)
    if entry is not None and entry.schema is not None:
        return entry.files, entry.schema
    from mlflow_gitops.output import schema_text

    files = entry.files if entry is not None else render(root)  # a review's entry: no schema
    schema = schema_text()
    render_cache.store(key, files, schema)
    return files, schema


def _synth(args: argparse.Namespace) -> int:
    from mlflow_gitops.output import schema_text, write_file, write_tree

    output = Path(args.output) if args.output else ROOT / "dist"
    if args.overlay:  # a part only: the cache holds whole renders
        files, schema = render(ROOT, args.overlay), None
    else:
        files, schema = render_all(ROOT)
    write_tree(files, output)
    if not args.output:
        write_file(
            schema if schema is not None else schema_text(), ROOT / "overlays" / "schema.json"
        )
        # Under `cdk8s synth` the CLI lists (and with --stdout prints) its own output folder.
        scratch = os.environ.get("CDK8S_OUTDIR")
        if scratch:
            write_tree(files, ROOT / scratch)
    folders = sorted({name.split("/")[0] for name in files})
    print(f"rendered {len(files)} files into {output} ({', '.join(folders)})")
    return 0


def _check(args: argparse.Namespace) -> int:
    """Fail when the committed dist/ or overlay schema differs from a fresh render."""
    fresh, schema_text = render_all(ROOT)
    dist = ROOT / "dist"
    committed = (
        {
            path.relative_to(dist).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(dist.rglob("*"))
            if path.is_file()
        }
        if dist.is_dir()
        else {}
    )
    stale = sorted(
        name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name)
    )
    schema = ROOT / "overlays" / "schema.json"
    if not schema.is_file() or schema.read_text(encoding="utf-8") != schema_text:
        stale.append("overlays/schema.json")
    if stale:
        shown = ", ".join(stale[:5]) + (f" and {len(stale) - 5} more" if len(stale) > 5 else "")
        print(
            f"dist/ is out of date ({shown}): run `make synth` and commit the result",
            file=sys.stderr,
        )
        return 1
    print(f"dist/ is up to date ({len(fresh)} files)")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["diff"]:  # every option after `diff` belongs to the review's own parser
        from mlflow_gitops import review

        return review.main(argv[1:])
    parser = argparse.ArgumentParser(prog="main.py", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    synth = commands.add_parser("synth", help="render every overlay into dist/")
    synth.add_argument("--output", help="write here instead of dist/ (schema not written)")
    synth.add_argument("--overlay", action="append", help="only this overlay (repeatable)")
    synth.set_defaults(run=_synth)
    check = commands.add_parser("check", help="fail if dist/ differs from a fresh render")
    check.set_defaults(run=_check)
    commands.add_parser("diff", help="rendered diff between two revisions (see diff --help)")
    args = parser.parse_args(argv or ["synth"])
    try:
        return int(args.run(args))
    except BadInput as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
