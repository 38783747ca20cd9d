"""Strict YAML reading: what `yaml.safe_load` allows, minus its traps.

- only a regular file is read (a FIFO would block the reader for ever, a device never ends), and its size
  is checked before a byte is read, then the read itself stops at the cap (the file may grow meanwhile);
- a size cap, applied before parsing;
- nesting at most MAX_DEPTH levels deep (PyYAML composes nested values recursively: ten thousand levels in
  20 KB would exhaust Python's stack);
- UTF-8 only, with the offending byte located;
- no anchors or aliases, so an alias bomb stops at its first anchor;
- no tags beyond the YAML core (no ``!!python/...``, no ``!!binary``, no merge keys);
- duplicate keys are errors (PyYAML silently keeps the last one);
- dates must be real calendar dates, given without a time;
- base-60 numbers (``14:00`` is 840 in YAML 1.1) are errors.

Alongside the plain Python data it returns where every field sits, so later checks can say file:line:column.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import DataError, Issue, Path

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32  # levels of nesting; an episode file needs six (top, table, record, field, list, item)

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONSTRUCTOR = yaml.SafeLoader("")  # used only for its int/float/bool scalar rules


@dataclass(frozen=True)
class Scalar:
    """How a scalar was written: its raw text and whether it was quoted (for hints on YAML 1.1 traps)."""

    text: str
    quoted: bool
    tag: str


@dataclass
class Located:
    """Parsed data plus the position of every value and key, keyed by field path."""

    data: object
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[Path, Scalar] = field(default_factory=dict)

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        """The closest known position for `path`: the key itself, else the value, else its nearest parent."""
        for i in range(len(path), -1, -1):
            sub = path[:i]
            if key and sub in self.key_marks:
                return self.key_marks[sub]
            if sub in self.marks:
                return self.marks[sub]
        return (0, 0)


def _pos(mark) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


class _Problem(Exception):
    def __init__(self, message: str, mark=None):
        super().__init__(message)
        self.message = message
        self.at = _pos(mark) if mark is not None else (0, 0)


class _NoAliasLoader(yaml.SafeLoader):
    """A SafeLoader whose composer refuses anchors and aliases before anything is expanded, and nesting deeper
    than MAX_DEPTH before it recurses into it."""

    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Problem(f"aliases are not allowed (*{event.anchor}); write the value out", event.start_mark)
        if getattr(event, "anchor", None):
            raise _Problem(f"anchors are not allowed (&{event.anchor}); write each value out", event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise _Problem(f"nested more than {MAX_DEPTH} levels deep; the data needs a handful", event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def read_file(path, name: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at `path`, or a DataError saying why it is not read: not a regular file
    (a FIFO, a device such as /dev/zero behind a symlink, a directory), larger than `max_bytes` (checked before
    reading, and again by reading at most one byte more), or unreadable. Never blocks on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise DataError([Issue(name, f"cannot read: {exc.strerror}")]) from None
    try:
        info = os.fstat(fd)  # of what was opened, so a file swapped after a check cannot slip through
        if not stat.S_ISREG(info.st_mode):
            raise DataError([Issue(name, f"not a regular file ({_kind(info.st_mode)}); only plain files are read")])
        if info.st_size > max_bytes:
            raise DataError([Issue(name, f"file is {info.st_size:,} bytes; the limit is {max_bytes:,}")])
        chunks, left = [], max_bytes + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 16))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise DataError([Issue(name, f"cannot read: {exc.strerror}")]) from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    for test, word in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return word
    return "not a plain file"


def decode(raw: bytes, name: str, max_bytes: int = MAX_BYTES) -> str:
    """Bytes to text, or a DataError naming the size or the first byte that is not UTF-8."""
    if len(raw) > max_bytes:
        raise DataError([Issue(name, f"file is {len(raw):,} bytes; the limit is {max_bytes:,}")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise DataError(
            [
                Issue(
                    name, f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8", line, col
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def _syntax_issue(name: str, exc: yaml.MarkedYAMLError) -> Issue:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or str(exc)
    if "'\\t'" in problem:
        problem = "tab character where YAML needs spaces (indent with spaces)"
    elif exc.context:
        problem = f"{exc.context}, {problem}"
    line, col = _pos(mark) if mark else (0, 0)
    return Issue(name, f"YAML syntax error: {problem}", line, col)


def parse(text: str, name: str) -> Located:
    """Compose `text` under the rules above. Raises DataError listing every problem found."""
    try:
        root = yaml.compose(text, Loader=_NoAliasLoader)
    except RecursionError:  # a safety net under MAX_DEPTH: report, never crash the loader
        raise DataError([Issue(name, "nested too deeply to read", 1, 1)]) from None
    except _Problem as exc:
        raise DataError([Issue(name, exc.message, *exc.at)]) from None
    except yaml.MarkedYAMLError as exc:
        raise DataError([_syntax_issue(name, exc)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        raise DataError([Issue(name, f"YAML error: {exc}")]) from None
    if root is None:
        raise DataError([Issue(name, "file is empty: it has no YAML document", 1, 1)])
    out = Located(data=None)
    problems: list[Issue] = []
    out.data = _build(root, (), out, problems, name)
    if problems:
        raise DataError(problems)
    return out


def load_bytes(raw: bytes, name: str, max_bytes: int = MAX_BYTES) -> Located:
    """Decode and parse one file's bytes."""
    return parse(decode(raw, name, max_bytes), name)


def load_file(path, name: str, max_bytes: int = MAX_BYTES) -> Located:
    """Read (read_file), decode and parse one file."""
    return load_bytes(read_file(path, name, max_bytes), name, max_bytes)


def _build(node: Node, path: Path, out: Located, problems: list[Issue], name: str):
    out.marks[path] = _pos(node.start_mark)
    try:
        if isinstance(node, ScalarNode):
            return _scalar(node, path, out)
        if isinstance(node, SequenceNode):
            _check_tag(node, "seq")
            return [_build(item, path + (i,), out, problems, name) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            _check_tag(node, "map")
            return _mapping(node, path, out, problems, name)
    except _Problem as exc:
        problems.append(Issue(name, exc.message, *exc.at, path=path))
    return None


def _mapping(node: MappingNode, path: Path, out: Located, problems: list[Issue], name: str) -> dict:
    result: dict = {}
    first_seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        if key_node.tag == f"{_CORE}merge":
            problems.append(Issue(name, "merge keys (<<) are not allowed", *_pos(key_node.start_mark), path=path))
            continue
        if not isinstance(key_node, ScalarNode) or key_node.tag != f"{_CORE}str":
            text = getattr(key_node, "value", "?")
            problems.append(
                Issue(name, f"keys must be plain names; {text!r} is not", *_pos(key_node.start_mark), path=path)
            )
            continue
        key = key_node.value
        if key in first_seen:
            problems.append(
                Issue(
                    name,
                    f"duplicate key '{key}' (first set on line {first_seen[key]}); "
                    "YAML would silently keep only the last one",
                    *_pos(key_node.start_mark),
                    path=path + (key,),
                )
            )
            continue
        first_seen[key] = key_node.start_mark.line + 1
        out.key_marks[path + (key,)] = _pos(key_node.start_mark)
        result[key] = _build(value_node, path + (key,), out, problems, name)
    return result


def _check_tag(node: Node, kind: str) -> None:
    if node.tag != f"{_CORE}{kind}":
        raise _Problem(f"tag {_short(node.tag)} is not allowed; only plain YAML values are", node.start_mark)


def _short(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _scalar(node: ScalarNode, path: Path, out: Located):
    tag = node.tag
    if tag not in _SCALAR_TAGS:
        raise _Problem(f"tag {_short(tag)} is not allowed; only plain YAML values are", node.start_mark)
    out.scalars[path] = Scalar(node.value, node.style is not None, tag[len(_CORE) :])
    kind = tag[len(_CORE) :]
    if kind == "str":
        return node.value
    if kind == "null":
        return None
    if kind == "bool":
        return _CONSTRUCTOR.construct_yaml_bool(node)
    if kind in ("int", "float") and ":" in node.value:
        raise _Problem(
            f"{node.value} is read by YAML 1.1 as a base-60 number; quote it ('{node.value}')", node.start_mark
        )
    if kind == "int":
        return _CONSTRUCTOR.construct_yaml_int(node)
    if kind == "float":
        return _CONSTRUCTOR.construct_yaml_float(node)
    # timestamp
    if not _DATE_RE.match(node.value):
        raise _Problem(f"'{node.value}' must be a date written YYYY-MM-DD, without a time", node.start_mark)
    try:
        return dt.date.fromisoformat(node.value)
    except ValueError:
        raise _Problem(f"{node.value} is not a date on the calendar", node.start_mark) from None
