"""Formats of the rendered-diff review (Markdown for PR comments, text for terminals) and the
splitting of a Markdown review into comments that each fit GitHub's size limit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mlflow_gitops.review_core import Change, OverlayStats, Review
from mlflow_gitops.review_predictions import Prediction, Predictions

# GitHub refuses issue comments longer than this many characters.
GITHUB_COMMENT_LIMIT = 65536
# The CI workflow finds its previous comments by this marker (the part number follows it).
MARKER = "<!-- mlflow-gitops-diff part {index} -->"
TITLE = "Rendered diff"
# Part headers are sized for up to this many parts while packing, so that the real header,
# written once the number of parts is known, is never longer than the one accounted for.
MAX_PARTS = 9999

_ANSI = {
    "bold": "\033[1m",
    "red": "\033[31m",
    "green": "\033[32m",
    "cyan": "\033[36m",
    "yellow": "\033[33m",
}
# How a blocking prediction is marked: Markdown (PR comments) and text (terminals).
BLOCKING_MARK = "⛔"
TEXT_MARK = {True: "!", False: ">"}
PREDICTIONS_TITLE = "Predicted sync effects"
_RESET = "\033[0m"


class SplitError(Exception):
    """The size limit is too small to hold even one truncated object."""


@dataclass(frozen=True)
class Labels:
    base: str
    head: str


def truncation_marker(hidden: int) -> str:
    return f"… (diff truncated: {hidden} more lines, run main.py diff locally)"


def _lines_label(stats: OverlayStats) -> str:
    return f"+{stats.plus} -{stats.minus}"


def _headline(review: Review) -> str:
    total = review.total
    if not review.changes:
        return f"no changes: {review.compared} objects in {len(review.overlays)} overlays compared"
    touched = sum(1 for s in review.stats.values() if s.changed)
    noun = "object" if total.changed == 1 else "objects"
    return (
        f"{total.changed} {noun} changed in {touched} of {len(review.overlays)} overlays "
        f"({total.added} added, {total.removed} removed, {total.modified} modified; "
        f"lines {_lines_label(total)})"
    )


@dataclass(frozen=True)
class Formatter:
    markdown: bool
    color: bool = False
    predictions: Predictions = field(default_factory=Predictions)

    # -- pieces ---------------------------------------------------------------------------------
    def header(self, part: tuple[int, int] | None) -> str:
        numbering = f" (part {part[0]}/{part[1]})" if part else ""
        if self.markdown:
            marker = MARKER.format(index=part[0] if part else 1) + "\n"
            return f"{marker}### {TITLE}{numbering}\n\n"
        return self._paint("bold", f"{TITLE}{numbering}") + "\n"

    def summary(self, review: Review, labels: Labels) -> str:
        headline = _headline(review)
        rows = [(o, review.stats[o]) for o in review.overlays]
        total = review.total
        if self.markdown:
            out = [
                f"**{headline[0].upper()}{headline[1:]}**.",
                f"Base `{labels.base}`, head `{labels.head}`.",
                "",
            ]
            if review.changes:
                out += [
                    "| overlay | added | removed | modified | lines |",
                    "| --- | ---: | ---: | ---: | ---: |",
                    *(
                        f"| {o} | {s.added} | {s.removed} | {s.modified} | {_lines_label(s)} |"
                        for o, s in rows
                    ),
                    f"| **total** | **{total.added}** | **{total.removed}** | "
                    f"**{total.modified}** | **{_lines_label(total)}** |",
                    "",
                ]
            return "\n".join([*out, *self._predicted_summary()]) + "\n"
        out = [f"{headline[0].upper()}{headline[1:]}", f"base: {labels.base}  head: {labels.head}"]
        if review.changes:
            width = max(len("overlay"), *(len(o) for o in review.overlays))
            out.append(f"  {'overlay':<{width}}  added  removed  modified  lines")
            for name, s in [*rows, ("total", review.total)]:
                out.append(
                    f"  {name:<{width}}  {s.added:>5}  {s.removed:>7}  {s.modified:>8}  "
                    f"{_lines_label(s)}"
                )
        return "\n".join([*out, *self._predicted_summary()]) + "\n\n"

    def section_open(self, overlay: str, stats: OverlayStats, continued: bool) -> str:
        label = f"{overlay} (continued)" if continued else f"{overlay} ({stats.changed} changed)"
        application = () if continued else self.predictions.by_overlay.get(overlay, ())
        if self.markdown:
            lines = "".join(self._prediction_line(p) + "\n" for p in application)
            return f"<details><summary>{label}</summary>\n\n" + (f"{lines}\n" if lines else "")
        return (
            self._paint("bold", f"=== {label} ===")
            + "\n"
            + "".join(self._prediction_line(p) + "\n" for p in application)
        )

    def section_close(self) -> str:
        return "</details>\n\n" if self.markdown else "\n"

    def object_block(self, change: Change, keep: int | None = None) -> str:
        lines = list(change.lines if keep is None else change.lines[:keep])
        if keep is not None and keep < len(change.lines):
            lines.append(truncation_marker(len(change.lines) - keep))
        title = f"{change.identity.title()} ({change.status})"
        predicted = "".join(
            self._prediction_line(p) + "\n"
            for p in self.predictions.by_object.get(change.identity, ())
        )
        if self.markdown:
            runs = re.findall(r"`{3,}", "\n".join(lines))
            fence = "`" * max([3, *(len(run) + 1 for run in runs)])
            body = "\n".join(lines)
            predicted = f"{predicted}\n" if predicted else ""
            return f"#### {title}\n\n{predicted}{fence}diff\n{body}\n{fence}\n\n"
        return (
            self._paint("bold", f"* {title}")
            + "\n"
            + predicted
            + "".join(self._diff_line(line) + "\n" for line in lines)
        )

    # -- whole outputs --------------------------------------------------------------------------
    def render(self, review: Review, labels: Labels) -> str:
        """The whole review in one piece (stdout): nothing split, nothing truncated."""
        out = [self.header(None), self.summary(review, labels)]
        for overlay in review.overlays:
            changes = [c for c in review.changes if c.identity.overlay == overlay]
            if changes:
                out.append(self.section_open(overlay, review.stats[overlay], continued=False))
                out += [self.object_block(c) for c in changes]
                out.append(self.section_close())
        return "".join(out)

    def split(self, review: Review, labels: Labels, max_chars: int) -> list[str]:
        """Parts of at most `max_chars` characters each, cut between objects only.

        Part 1 holds the summary. An overlay's section is closed at the end of a part and
        reopened as "(continued)" in the next. An object too large for an otherwise empty part
        is truncated with a marker.
        """
        header_room = len(self.header((MAX_PARTS, MAX_PARTS)))
        summary = self.summary(review, labels)
        # Each part: the overlays it shows, in order, with the blocks of each.
        parts: list[list[tuple[str, list[str]]]] = [[]]
        size = header_room + len(summary)
        seen: set[str] = set()
        for change in review.changes:
            overlay = change.identity.overlay
            block = self.object_block(change)
            opening = self._opening(parts[-1], overlay, review.stats[overlay], overlay in seen)
            if size + opening + len(block) > max_chars and size > header_room:
                parts.append([])
                size = header_room
                opening = self._opening(parts[-1], overlay, review.stats[overlay], True)
            if size + opening + len(block) > max_chars:
                block = self._truncated(change, max_chars - size - opening)
            size += opening + len(block)
            current = parts[-1]
            if current and current[-1][0] == overlay:
                current[-1][1].append(block)
            else:
                current.append((overlay, [block]))
            seen.add(overlay)
        if len(parts) > MAX_PARTS:
            raise SplitError(f"the diff needs {len(parts)} parts, more than {MAX_PARTS}")
        texts: list[str] = []
        opened: set[str] = set()
        for index, part in enumerate(parts, start=1):
            out = [self.header((index, len(parts)))]
            if index == 1:
                out.append(summary)
            for overlay, blocks in part:
                out.append(self.section_open(overlay, review.stats[overlay], overlay in opened))
                out += blocks
                out.append(self.section_close())
                opened.add(overlay)
            texts.append("".join(out))
        if any(len(text) > max_chars for text in texts):  # the packing above guarantees it
            raise SplitError("internal error: a part exceeds --max-chars")
        return texts

    # -- helpers --------------------------------------------------------------------------------
    def _opening(
        self, part: list[tuple[str, list[str]]], overlay: str, stats: OverlayStats, seen: bool
    ) -> int:
        """Characters an object of `overlay` costs beyond its block: a section, unless the
        part's last section is already that overlay's."""
        if part and part[-1][0] == overlay:
            return 0
        return len(self.section_open(overlay, stats, seen)) + len(self.section_close())

    def _truncated(self, change: Change, budget: int) -> str:
        # The block's length never decreases with the number of lines kept: binary search.
        low, high = 0, len(change.lines)
        if len(self.object_block(change, keep=0)) > budget:
            raise SplitError(
                f"--max-chars is too small to show even the heading of {change.identity.title()}"
            )
        while low < high:
            middle = (low + high + 1) // 2
            if len(self.object_block(change, keep=middle)) <= budget:
                low = middle
            else:
                high = middle - 1
        return self.object_block(change, keep=low)

    def _prediction_line(self, prediction: Prediction) -> str:
        effect, detail = prediction.effect.value, prediction.detail
        if self.markdown:
            if prediction.blocking:
                return f"- {BLOCKING_MARK} **{effect}**: {detail}"
            return f"- {effect}: {detail}"
        line = f"  {TEXT_MARK[prediction.blocking]} {effect}: {detail}"
        return self._paint("red" if prediction.blocking else "yellow", line)

    def _predicted_summary(self) -> list[str]:
        """Counts per predicted effect, blocking first, then every blocking object by name."""
        counts = self.predictions.counts()
        if not counts:
            return []
        blocking = self.predictions.blocking()
        if self.markdown:
            noun = f"{BLOCKING_MARK} {len(blocking)} blocking" if blocking else "none blocking"
            return [
                f"**{PREDICTIONS_TITLE}** (what Argo CD will do beyond the text; {noun}):",
                "",
                "| effect | objects or applications |",
                "| --- | ---: |",
                *(
                    f"| {BLOCKING_MARK + ' ' if e.blocking else ''}{e.value} | {n} |"
                    for e, n in counts
                ),
                "",
                *(f"- {BLOCKING_MARK} {where}: {p.effect.value}" for where, p in blocking),
                *([""] if blocking else []),
            ]
        width = max(len(e.value) for e, _ in counts)
        return [
            "",
            f"{PREDICTIONS_TITLE} (what Argo CD will do beyond the text):",
            *(
                self._paint(
                    "red" if e.blocking else "yellow",
                    f"  {TEXT_MARK[e.blocking]} {e.value:<{width}}  {n}",
                )
                for e, n in counts
            ),
            *(
                self._paint("red", f"  {TEXT_MARK[True]} {where}: {p.effect.value}")
                for where, p in blocking
            ),
        ]

    def _paint(self, color: str, text: str) -> str:
        return f"{_ANSI[color]}{text}{_RESET}" if self.color else text

    def _diff_line(self, line: str) -> str:
        if line.startswith(("+++ ", "--- ")):
            return self._paint("bold", line)
        if line.startswith("+"):
            return self._paint("green", line)
        if line.startswith("-"):
            return self._paint("red", line)
        if line.startswith("@@"):
            return self._paint("cyan", line)
        return line
