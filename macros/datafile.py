"""Load a YAML data file and check it against its JSON Schema.

Every problem becomes one DataError whose message is a single line naming the
file, then the line (for a file that cannot be read as data) or the entry and
the field (for data that breaks the schema), and saying what was expected.
MkDocs prints a PluginError as that one line and stops the build; `mkdocs
serve` logs it and keeps serving.

Data files are written by hand and reviewed as diffs, so the loader refuses
what no data file needs and what a reviewer cannot see: YAML anchors and
aliases (a few hundred bytes of aliases expand to gigabytes), duplicate keys
(the last one would silently win), deep nesting, huge files, control and
bidi characters. It refuses them before any value is built or printed.
"""

from __future__ import annotations

import json
import re
import reprlib
import unicodedata
from pathlib import Path

import jsonschema
import yaml
from mkdocs.exceptions import PluginError

# The largest data file is under 100 KB; a file over this is a mistake or an attack.
MAX_FILE_BYTES = 1024 * 1024
# The data is at most five levels deep (file > frameworks > framework > releases > release).
MAX_DEPTH = 12
# What YAML itself forbids (C0/C1 controls, DEL, surrogates, U+FFFE/U+FFFF), plus the
# invisible bidi controls that can make a line read differently from what it holds.
FORBIDDEN_CHARACTER = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    "|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
# Error messages show values, which may be huge: a bounded repr, built only when shown.
_REPR = reprlib.Repr()  # keyword arguments need Python 3.12
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlist, _REPR.maxdict = 2, 60, 60, 4, 4


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
    """Parse a YAML data file; anything unreadable is one DataError naming it as `shown`
    (default: the path) and the line."""
    shown = shown or str(path)
    text = _read_text(path, shown)
    _check_structure(text, shown)
    try:
        data = yaml.load(text, Loader=_StringDateLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise DataError(f"{shown}: {_syntax_error(error, text)}") from None
    if data is None:
        raise DataError(f"{shown}: the file is empty; expected a mapping of data")
    return data


def _read_text(path: Path, shown: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(
                f"{shown}: the file is {size:,} bytes; a data file is at most "
                f"{MAX_FILE_BYTES:,} bytes (shorten its values or split it)"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(f"{shown}: cannot be read ({error.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8")
        line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
        raise DataError(
            f"{shown}: line {line}, column {column}: byte 0x{raw[error.start]:02x} is not "
            "UTF-8; save the file as UTF-8"
        ) from None
    if found := FORBIDDEN_CHARACTER.search(text):
        line, column = _line_column(text, found.start())
        char = found.group()
        name = unicodedata.name(char, "a control character")
        raise DataError(
            f"{shown}: line {line}, column {column}: invisible character U+{ord(char):04X} "
            f"({name}) is not allowed; delete it"
        )
    return text


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _check_structure(text: str, shown: str) -> None:
    """Walk the parser's events (no value is built): no anchors, aliases, duplicate
    keys, non-text keys or deep nesting."""
    # One frame per open collection: for a mapping, the keys seen (key -> line) and
    # whether the next node is a key; for a sequence, None.
    frames: list[list | None] = []
    last_scalar = None
    try:
        for event in yaml.parse(text, Loader=_StringDateLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.ScalarEvent):
                last_scalar = event
            if isinstance(event, yaml.AliasEvent):
                raise DataError(
                    f"{shown}: line {line}: YAML alias *{event.anchor[:40]} is not allowed; "
                    "write the value out in full"
                )
            if isinstance(event, yaml.CollectionEndEvent):
                frames.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            if event.anchor is not None:
                raise DataError(
                    f"{shown}: line {line}: YAML anchor &{event.anchor[:40]} is not "
                    "allowed; write each value out in full"
                )
            mapping = frames[-1] if frames else None
            if mapping is not None:
                seen, expecting_key = mapping
                if expecting_key:
                    _check_key(event, seen, shown, line)
                mapping[1] = not expecting_key
            if isinstance(event, yaml.MappingStartEvent):
                frames.append([{}, True])
            elif isinstance(event, yaml.SequenceStartEvent):
                frames.append(None)
            if len(frames) > MAX_DEPTH:
                raise DataError(
                    f"{shown}: line {line}: nested more than {MAX_DEPTH} levels deep; "
                    "data entries are never that deep"
                )
    except yaml.YAMLError as error:
        open_quote = None
        if last_scalar is not None and last_scalar.style in ('"', "'"):
            start, end = last_scalar.start_mark.line, last_scalar.end_mark.line
            open_quote = start + 1 if end > start else None
        raise DataError(f"{shown}: {_syntax_error(error, text, open_quote)}") from None


def _check_key(event: yaml.Event, seen: dict[str, int], shown: str, line: int) -> None:
    if not isinstance(event, yaml.ScalarEvent):
        raise DataError(f"{shown}: line {line}: a mapping key must be a plain name")
    if event.value in seen:
        raise DataError(
            f"{shown}: line {line}: key {_short(event.value)} appears twice in the same "
            f"entry (first on line {seen[event.value]}); keep one"
        )
    seen[event.value] = line


def _syntax_error(error: yaml.YAMLError, text: str, open_quote: int | None = None) -> str:
    """'YAML syntax error at line L, column C: <problem>', with where the broken part starts.

    An unclosed quote or bracket is found lines later, on an innocent line: the
    message also names the line where the quoted value (`open_quote`) or the
    enclosing part began.
    """
    mark = getattr(error, "problem_mark", None)
    if mark is None and isinstance(getattr(error, "position", None), int):
        line, column = _line_column(text, error.position)  # a ReaderError
    elif mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:
        return f"YAML syntax error: {' '.join(str(error).split())}"
    problem = getattr(error, "problem", None) or getattr(error, "reason", None) or str(error)
    message = f"YAML syntax error at line {line}, column {column}: {problem}"
    context_mark = getattr(error, "context_mark", None)
    if open_quote is not None:
        message += f" (is the quote opened at line {open_quote} closed?)"
    elif getattr(error, "context", None) and context_mark and context_mark.line + 1 != line:
        message += f" ({error.context} that starts at line {context_mark.line + 1})"
    return message


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
            entry = f"{location[index - 1]} '{name[:80]}'"
        elif entry == "(top level)":
            entry = f"{location[index - 1]} #{part + 1}"
        else:
            continue
        rest = list(location[index + 1 :])
    return entry, ".".join(str(part) for part in rest) or "(whole entry)"


def load_schema(schema_path: Path, shown: str) -> dict:
    """A JSON Schema file; broken JSON is one DataError naming it as `shown` and the line."""
    try:
        return json.loads(schema_path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DataError(f"{shown}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise DataError(f"{shown}: not UTF-8; save the file as UTF-8") from None
    except json.JSONDecodeError as error:
        raise DataError(
            f"{shown}: JSON syntax error at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None


def validate(data: object, schema_path: Path, shown: str) -> None:
    """Check data against the JSON Schema; the first (best) error is raised.

    `shown` names the data file as authors know it; the schema is named beside it.
    """
    schema = load_schema(schema_path, str(Path(shown).with_name(schema_path.name)))
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
            name = str(names[0])[:80]
            field = name if field == "(whole entry)" else f"{field}.{name}"
    raise DataError(f"{shown}: {entry}: field '{field}': {_expected(error)}")


def _expected(error: jsonschema.ValidationError) -> str:
    """Say what the schema expected, in the author's terms.

    Schemas may carry an `x-expected` annotation ("an https:// URL") on a
    property; it names the expectation better than a regular expression does.
    The offending value is shown cut short: it may be megabytes long.
    """
    rule, limit, value = error.validator, error.validator_value, error.instance
    if rule == "required":
        return "required field missing"
    if rule == "additionalProperties":
        allowed = ", ".join(error.schema.get("properties", {}))
        return f"expected only known fields ({allowed})"
    if rule == "type":
        return f"expected {limit}, got {_short(value)}"
    if rule in ("enum", "const"):
        allowed = limit if isinstance(limit, list) else [limit]
        return f"expected one of {', '.join(map(repr, allowed))}, got {_short(value)}"
    if rule == "maxLength":
        return f"expected at most {limit} characters, got {len(value):,}"
    if rule in ("minItems", "maxItems"):
        bound = "at least" if rule == "minItems" else "at most"
        return f"expected {bound} {limit} item{'s' * (limit != 1)}, got {len(value)}"
    if "x-expected" in error.schema:
        return f"expected {error.schema['x-expected']}, got {_short(value)}"
    if rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return error.message  # "4 is greater than the maximum of 3": numbers are short
    return f"expected {rule} {_short(limit)}, got {_short(value)}"


def _short(value: object, limit: int = 80) -> str:
    """A bounded repr() of a value (strings are quoted): one line, as repr() escapes newlines."""
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
