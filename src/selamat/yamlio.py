"""Reading YAML the way editors write it: dates stay text (the schema parses them), line numbers kept."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader without implicit timestamps: an impossible date must reach the schema as text."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


class YamlProblem(Exception):
    """Malformed YAML, with the 1-based line where the parser stopped."""

    def __init__(self, problem: str, line: int | None):
        super().__init__(problem)
        self.problem = problem
        self.line = line


@dataclass
class Parsed:
    data: Any
    lines: dict[str, int] = field(default_factory=dict)  # top-level key -> 1-based line
    paths: dict[tuple, int] = field(default_factory=dict)  # (key or index, ...) -> 1-based line

    def line_of(self, loc: tuple) -> int | None:
        """The line of the deepest node along `loc` that exists."""
        for end in range(len(loc), 0, -1):
            if tuple(loc[:end]) in self.paths:
                return self.paths[tuple(loc[:end])]
        return None


def _walk(node, path: tuple, first_line: int, out: dict) -> None:
    out[path] = node.start_mark.line + first_line
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            _walk(value, path + (str(key_node.value),), first_line, out)
            out[path + (str(key_node.value),)] = key_node.start_mark.line + first_line
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), first_line, out)


def parse(text: str, first_line: int = 1) -> Parsed:
    """Parse YAML text; `first_line` is the file line the text starts on."""
    try:
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as err:
        # the context mark is where the faulty construct began (an unclosed quote's line), which is
        # where an editor should look; the problem mark is often just the end of the front matter
        mark = err.context_mark or err.problem_mark
        line = mark.line + first_line if mark is not None else None
        said = ", ".join(str(part) for part in (err.context, err.problem) if part)
        raise YamlProblem(said or "not valid YAML", line) from None
    except yaml.YAMLError as err:
        raise YamlProblem(str(err), None) from None
    paths: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), first_line, paths)
    lines = {str(p[0]): n for p, n in paths.items() if len(p) == 1}
    return Parsed(data, lines, paths)


def load_file(path: Path) -> Any:
    return parse(path.read_text(encoding="utf-8")).data
