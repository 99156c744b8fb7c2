"""Load a YAML data file and check it against its JSON Schema.

Every problem becomes one DataError whose message is a single line naming the
file, the entry and the field, and saying what was expected. MkDocs prints a
PluginError as that one line and stops the build; `mkdocs serve` logs it and
keeps serving.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from mkdocs.exceptions import PluginError


class DataError(PluginError):
    """A data file is not what its schema and rules expect."""


class _StringDateLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader (libyaml's, when PyYAML has it: 5x faster) that keeps dates as typed.

    JSON Schema checks strings; a parsed date would fail a `string` type with a
    confusing message, and ISO form is checked separately.
    """


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path, shown: str | None = None) -> object:
    """Parse a YAML file; errors name it as `shown` (default: the path) and the line."""
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"{shown}: cannot be read ({error.strerror})") from error
    try:
        data = yaml.load(text, Loader=_StringDateLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        raise DataError(f"{shown}: YAML syntax error at {where}: {error.problem}") from error
    if data is None:
        raise DataError(f"{shown}: the file is empty; expected a mapping of data")
    return data


def describe(data: object, location: list[str | int]) -> tuple[str, str]:
    """Turn a JSON path into (entry, field); entries are named by their `id`.

    ['dimensions', 3, 'sources', 0, 'url'] -> ("dimensions 'routing'", "sources.0.url")
    The deepest list item with an id names the entry; a top-level item without
    a usable id is named by its position: "dimensions #4".
    """
    entry, rest = "(top level)", list(location)
    node = data
    for index, part in enumerate(location):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if not isinstance(part, int) or not index:
            continue
        name = node.get("id") if isinstance(node, dict) else None
        if isinstance(name, str) and name:
            entry = f"{location[index - 1]} '{name}'"
        elif entry == "(top level)":
            entry = f"{location[index - 1]} #{part + 1}"
        else:
            continue
        rest = list(location[index + 1 :])
    return entry, ".".join(str(part) for part in rest) or "(whole entry)"


def validate(data: object, schema_path: Path, shown: str) -> None:
    """Check data against the JSON Schema; the first (best) error is raised."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is None:
        return
    entry, field = describe(data, list(error.absolute_path))
    if error.validator in ("required", "additionalProperties") and isinstance(error.instance, dict):
        # The error sits on the entry; name the field that is missing or unknown.
        allowed = error.schema.get("properties", {})
        names = (
            [name for name in error.validator_value if name not in error.instance]
            if error.validator == "required"
            else [name for name in error.instance if name not in allowed]
        )
        if names:
            field = names[0] if field == "(whole entry)" else f"{field}.{names[0]}"
    raise DataError(f"{shown}: {entry}: field '{field}': {_expected(error)}")


def _expected(error: jsonschema.ValidationError) -> str:
    """Say what the schema expected, in the author's terms.

    Schemas may carry an `x-expected` annotation ("an https:// URL") on a
    property; it names the expectation better than a regular expression does.
    """
    got = _shorten(error.instance)
    if error.validator == "required":
        return "required field missing"
    if error.validator == "additionalProperties":
        allowed = ", ".join(error.schema.get("properties", {}))
        return f"expected only known fields ({allowed})"
    if error.validator == "type":
        return f"expected {error.validator_value}, got {got}"
    if error.validator in ("enum", "const"):
        allowed = error.validator_value
        allowed = allowed if isinstance(allowed, list) else [allowed]
        return f"expected one of {', '.join(map(repr, allowed))}, got {got}"
    if "x-expected" in error.schema:
        return f"expected {error.schema['x-expected']}, got {got}"
    if error.validator in ("minItems", "maxItems"):
        return f"{error.validator} is {error.validator_value}: {error.message}"
    return " ".join(error.message.split())


def _shorten(value: object, limit: int = 80) -> str:
    """repr() of a value, cut so that the error stays one readable line."""
    text = " ".join(repr(value).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
