"""The render's YAML writer: its faster literal-block writer emits exactly what PyYAML's does."""

from __future__ import annotations

import itertools
from typing import Any

import yaml
import yaml.emitter

from mlflow_gitops import output


class _Reference(output._Dumper):
    """The same dumper with PyYAML's own character-by-character literal writer."""

    write_literal = yaml.emitter.Emitter.write_literal


def _reference_yaml(document: Any) -> str:
    return yaml.dump(
        document,
        Dumper=_Reference,
        sort_keys=True,
        default_flow_style=False,
        width=100,
        allow_unicode=True,
    )


PIECES = ["a", "  indented", " ", "\n", "\n\n", "x\ty", "\x85", "\u2028", "\u2029", "é", "# c"]
# Every string of up to three pieces that the representer writes as a literal block.
TEXTS = sorted(
    {
        "".join(combo)
        for size in (1, 2, 3)
        for combo in itertools.product(PIECES, repeat=size)
        if "\n" in "".join(combo)
    }
)


def test_literal_blocks_match_pyyaml_byte_for_byte() -> None:
    assert len(TEXTS) > 500
    for text in TEXTS:
        for document in ({"data": {"script.sh": text}}, {"args": [text, "b"]}, [text]):
            assert output.to_yaml(document) == _reference_yaml(document), repr(text)


def test_rendered_files_match_pyyaml_byte_for_byte(objects: dict[str, dict[str, Any]]) -> None:
    for path, obj in objects.items():
        assert output.to_yaml(obj) == _reference_yaml(obj), path
