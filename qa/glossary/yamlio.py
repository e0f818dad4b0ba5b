"""YAML reading and writing for glossaries (ruamel.yaml round-trip mode).

Round-trip mode keeps comments, key order, flow/block style and quoting, and records the line
of every node, so validation errors can name file:line and edits rewrite only what changed.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from qa.errors import QaInputError


def round_trip_yaml():
    """A YAML instance that writes the house style of glossaries/ml-ja.yaml."""
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold long notes
    yaml.preserve_quotes = True
    return yaml


def read_text(path: str | Path) -> str:
    p = Path(path)
    if not p.exists():
        raise QaInputError(f"{path}: no such file")
    if p.is_dir():
        raise QaInputError(f"{path}: is a directory, expected a YAML file")
    try:
        return p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise QaInputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise QaInputError(f"{path}: cannot read ({exc.strerror})") from None


def parse_yaml(text: str, path: str | Path, lines: bool = True) -> Any:
    """The document: round-trip nodes that know their lines, or (lines=False, about twice as
    fast) plain data. Malformed YAML raises one line `path:LINE: ...`."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return (round_trip_yaml() if lines else YAML(typ="safe", pure=True)).load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(str(exc.problem or exc.context or "syntax error").split())
        raise QaInputError(f"{path}:{line}: malformed YAML: {problem}") from None
    except YAMLError as exc:  # reader errors (control characters) carry a character position
        line = text.count("\n", 0, getattr(exc, "position", 0) or 0) + 1
        raise QaInputError(f"{path}:{line}: malformed YAML: {' '.join(str(exc).split())}") from None


def read_yaml(path: str | Path) -> Any:
    return parse_yaml(read_text(path), path)


def dump_yaml(data: Any) -> str:
    out = io.StringIO()
    round_trip_yaml().dump(data, out)
    return out.getvalue()


def line_of(data: Any, loc: tuple) -> int:
    """1-based line of the deepest node on the path loc (keys and indexes) that exists."""
    line = 1
    node = data
    for key in loc:
        lc = getattr(node, "lc", None)
        if lc is None:
            break
        if isinstance(node, dict) and key in node:
            line = lc.key(key)[0] + 1
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            line = lc.item(key)[0] + 1
        else:
            break
        node = node[key]
    return line


def plain(node: Any) -> Any:
    """Round-trip nodes as plain dicts, lists and built-in scalars."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node
