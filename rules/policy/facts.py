"""Reading survey facts as the policy needs them: 1/0 flags, areas, years, dates — or 'missing', or 'invalid'.

Values come from GeoPackage columns, QGIS attribute tables or a form, so they arrive as int, float, str,
bool, date or None; an empty value is missing, a value outside the field's meaning is invalid. Neither is
ever read as 0. QGIS-free.
"""
from __future__ import annotations

import datetime

from ...cadastre import schema


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID = _Invalid()


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_flag(value):
    """1 or 0; None when empty; INVALID for anything else (2, 'x', 0.5)."""
    if value.__class__ is int and (value == 0 or value == 1):  # the common case first
        return value
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)) and value in (0, 1):
        return int(value)
    if isinstance(value, str) and value.strip() in ("0", "1"):
        return int(value.strip())
    return INVALID


def as_area(value):
    """A positive area (m², float); None when empty; INVALID when not a positive number."""
    if is_blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return INVALID
    return number if number > 0 and number == number and number != float("inf") else INVALID


def as_year(value):
    """A year 1800-2100 (int); None when empty; INVALID otherwise."""
    if is_blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return INVALID
    return int(number) if number.is_integer() and 1800 <= number <= 2100 else INVALID


def as_date(value):
    """A datetime.date; None when empty; INVALID when not a date or an ISO 'YYYY-MM-DD' text."""
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return INVALID
    return INVALID


def as_code(value, codelist: str):
    """A code of the schema code list ``codelist`` (int); None when empty; INVALID otherwise."""
    if is_blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return INVALID
    code = int(number) if number.is_integer() else None
    return code if code in schema.CODELISTS[codelist] else INVALID


def label(name: str) -> str:
    """'中文别名(FIELD)' for a ZD field, for messages that tell the village what to fill in."""
    try:
        return f"{schema.ZD.field(name).alias}({name})"
    except KeyError:
        return name

