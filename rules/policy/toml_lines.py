"""Where each key of a TOML document is written: tomllib gives values but no positions.

``key_lines(text)`` maps every key path to its 1-based line: table headers (``[a.b]``), each entry of an
array of tables (``[[a.b]]`` → path ``("a", "b", index)``) and every ``key = value``. Keys inside inline
tables and arrays are not listed: ``line_of`` falls back to the nearest listed ancestor. The text is
expected to be valid TOML (scan after tomllib accepted it).
"""
from __future__ import annotations

from typing import Dict, List, Tuple

Path = Tuple[object, ...]
_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_ESCAPES = {'"': '"', "\\": "\\", "b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r"}


def _read_key(text: str, i: int) -> Tuple[List[str], int]:
    """Parse a (dotted) key starting at ``text[i]``; return its parts and the index after it."""
    parts: List[str] = []
    n = len(text)
    while True:
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == '"':
            i += 1
            chars = []
            while i < n and text[i] != '"':
                if text[i] == "\\" and i + 1 < n:
                    chars.append(_ESCAPES.get(text[i + 1], text[i + 1]))
                    i += 2
                    continue
                chars.append(text[i])
                i += 1
            parts.append("".join(chars))
            i += 1
        elif i < n and text[i] == "'":
            end = text.index("'", i + 1)
            parts.append(text[i + 1:end])
            i = end + 1
        else:
            start = i
            while i < n and text[i] in _BARE:
                i += 1
            parts.append(text[start:i])
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == ".":
            i += 1
            continue
        return parts, i


class _ValueScanner:
    """Follows strings and brackets across lines, to know when a value spans several lines."""

    def __init__(self):
        self.multiline = ""  # '"""' or "'''" while inside a multi-line string
        self.depth = 0  # open [ and { of arrays and inline tables

    @property
    def open(self) -> bool:
        return bool(self.multiline) or self.depth > 0

    def scan(self, line: str) -> None:
        i, n = 0, len(line)
        while i < n:
            if self.multiline:
                end = line.find(self.multiline, i)
                if self.multiline == '"""':
                    # skip escaped characters before looking for the closing quotes
                    while end > 0 and _escaped(line, end):
                        end = line.find(self.multiline, end + 1)
                if end < 0:
                    return
                i = end + 3
                while i < n and line[i] == self.multiline[0]:  # up to two quotes may close with it
                    i += 1
                self.multiline = ""
                continue
            ch = line[i]
            if ch == "#":
                return
            if line.startswith('"""', i) or line.startswith("'''", i):
                self.multiline = line[i:i + 3]
                i += 3
            elif ch == '"':
                i += 1
                while i < n and line[i] != '"':
                    i += 2 if line[i] == "\\" else 1
                i += 1
            elif ch == "'":
                end = line.find("'", i + 1)
                i = n if end < 0 else end + 1
            elif ch in "[{":
                self.depth += 1
                i += 1
            elif ch in "]}":
                self.depth -= 1
                i += 1
            else:
                i += 1


def _escaped(line: str, index: int) -> bool:
    backslashes = 0
    j = index - 1
    while j >= 0 and line[j] == "\\":
        backslashes += 1
        j -= 1
    return backslashes % 2 == 1


def key_lines(text: str) -> Dict[Path, int]:
    lines: Dict[Path, int] = {}
    array_index: Dict[Path, int] = {}  # array-of-tables path -> index of its last entry

    def resolve(parts: List[str]) -> Path:
        path: Path = ()
        for part in parts:
            path = path + (part,)
            if path in array_index:
                path = path + (array_index[path],)
        return path

    current: Path = ()
    value = _ValueScanner()
    for number, line in enumerate(text.splitlines(), 1):
        if value.open:
            value.scan(line)
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[["):
            parts, _ = _read_key(stripped, 2)
            table = resolve(parts[:-1]) + (parts[-1],)
            array_index[table] = array_index.get(table, -1) + 1
            for k in range(1, len(table) + 1):
                lines.setdefault(table[:k], number)
            current = table + (array_index[table],)
            lines[current] = number
        elif stripped.startswith("["):
            parts, _ = _read_key(stripped, 1)
            current = resolve(parts)
            for k in range(1, len(current) + 1):
                lines.setdefault(current[:k], number)
        else:
            parts, end = _read_key(stripped, 0)
            path = current + tuple(parts)
            for k in range(len(current) + 1, len(path) + 1):
                lines.setdefault(path[:k], number)
            value.scan(stripped[end + 1:])  # after the "="
    return lines


def line_of(lines: Dict[Path, int], path: Path) -> int:
    """Line of ``path``, or of its nearest ancestor that has one; 1 when none does."""
    path = tuple(path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1
