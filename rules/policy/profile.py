"""Policy profiles: every date, area limit, notice period, target and class rule of a policy, as TOML data.

A profile lives in ``rules/policies/<name>.toml`` (or anywhere, given by path). It may name a ``base``
profile in ``[profile]`` and then holds only what differs: tables merge key by key, an array of tables
(the milestones) replaces the base's. A profile with an unknown key, a bad date, a wrong kind of value or
a missing one is refused with a message naming the file and the line. QGIS-free.
"""
from __future__ import annotations

import datetime
import math
import os
import re
import string
import sys
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Tuple

from ...cadastre.building_areas import DEFAULT_COEFFICIENTS, AreaRules
from ...cadastre.codes import in_counties
from ...cadastre.messages import fail, translatable
from . import catalogue
from .toml_lines import key_lines, line_of

if sys.version_info >= (3, 11):
    import tomllib
else:  # QGIS 3.28 on Windows runs Python 3.9: the same parser, from PyPI
    import tomli as tomllib

POLICIES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "policies")
DEFAULT_PROFILE = "louxing_2020"
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_DATE_LIKE = re.compile(r"=\s*\d{4}-\d{1,2}-\d{1,2}")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")
_COUNTY_PREFIX = re.compile(r"^(\d{2}|\d{4}|\d{6})$")


@dataclass(frozen=True)
class PolicyDate:
    """A boundary between policy periods: a full date, or a year when only the year is known."""

    key: str
    year: int
    date: Optional[datetime.date] = None

    def place(self, year: int) -> Optional[str]:
        """'before' or 'after' (on or after) for something done in ``year``; None when the year cannot tell."""
        if year < self.year:
            return "before"
        if year > self.year:
            return "after"
        if self.date is not None and (self.date.month, self.date.day) == (1, 1):
            return "after"
        return None

    def earliest(self) -> datetime.date:
        return self.date or datetime.date(self.year, 1, 1)

    def __str__(self) -> str:
        return self.date.isoformat() if self.date else str(self.year)


@dataclass(frozen=True)
class Rule:
    """One rule of the policy: the clause it implements, its text, its class (None for notes), 附记, steps."""

    id: str
    clause: str
    text: str
    lb: Optional[int]
    fj: str = ""
    steps: str = ""


@dataclass(frozen=True)
class Milestone:
    """A dated progress target: percent of parcels surveyed and/or registered by ``date``."""

    date: datetime.date
    survey_percent: Optional[float]
    registered_percent: Optional[float]
    clause: str
    text: str


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    source: str
    issued: Optional[datetime.date]
    note: str
    verify: Tuple[str, ...]  # dotted keys whose values are not checked against the official text
    counties: Tuple[str, ...]  # administrative code prefixes (2, 4 or 6 digits) it is written for; () anywhere
    dates: Mapping[str, PolicyDate]
    limits: Mapping[int, float]  # DLLB code -> household area limit, m²
    notices: Mapping[str, int]  # days
    farmland_min_area: float  # m²: farmland overlaps at or below this are slivers
    milestones: Tuple[Milestone, ...]
    holidays: Mapping[int, tuple]  # year -> (notice, rest periods, make-up days): schedules added as data
    rules: Mapping[str, Rule]
    files: Tuple[str, ...]  # this profile's file first, then its bases
    building_areas: AreaRules = AreaRules()  # GB/T 17986.1 coefficients unless [building_areas] overrides

    @property
    def path(self) -> str:
        return self.files[0]

    def rule(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def covers(self, county: str) -> bool:
        """Whether a parcel of ``county`` (6 digits; '' when its code has none) is in the profile's area."""
        return not county or in_counties(county, self.counties)


# --- loading ------------------------------------------------------------------------------------------
def available_profiles() -> List[str]:
    """Names of the profiles shipped in rules/policies/."""
    return sorted(f[:-5] for f in os.listdir(POLICIES_DIR) if f.endswith(".toml"))


def profile_path(name_or_path: str, relative_to: str = "") -> str:
    """The file of a shipped profile name, or ``name_or_path`` itself when it is a file."""
    text = str(name_or_path).strip()
    candidates = [text]
    if relative_to and not os.path.isabs(text):
        candidates.insert(0, os.path.join(relative_to, text))
    if _NAME.match(text):
        candidates.append(os.path.join(POLICIES_DIR, text + ".toml"))
    for candidate in candidates:
        if os.path.isfile(candidate):
            return os.path.abspath(candidate)
    raise fail("PROFILE_NOT_FOUND", translatable(
        "Policy profile {name} was not found. Give a shipped profile ({names}) or the path of a .toml file."),
        name=text or "''", names=", ".join(available_profiles()))


@dataclass
class _Source:
    path: str
    data: dict
    lines: Dict[tuple, int]

    def line(self, path) -> int:
        return line_of(self.lines, path)


def _read(path: str) -> _Source:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise fail("PROFILE_UNREADABLE", translatable("Policy profile {file} cannot be read: {error}"),
                   file=path, error=error) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_POSITION.search(str(error))
        line = int(found.group(1)) if found else 1
        source_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        detail = _TOML_POSITION.sub("", str(error)).strip()
        if _DATE_LIKE.search(source_line):
            raise fail("PROFILE_BAD_DATE_SYNTAX", translatable(
                "Policy profile {file}, line {line}: not a valid date ({detail}). Write dates as YYYY-MM-DD "
                "without quotes, e.g. 2020-07-31."), file=path, line=line, detail=detail) from None
        raise fail("PROFILE_SYNTAX", translatable(
            "Policy profile {file}, line {line}: not valid TOML ({detail}). A value may be missing after "
            "“=”, or text may lack its quotes."), file=path, line=line, detail=detail) from None
    return _Source(path, data, key_lines(text))


def load_profile(name_or_path) -> Profile:
    """Read, merge (with its bases) and validate a profile; a CadastreError names the file and line."""
    chain: List[_Source] = []
    path = profile_path(name_or_path)
    while path:
        if any(s.path == path for s in chain):
            raise fail("PROFILE_BASE_LOOP", translatable("Policy profile {file}: its bases loop ({chain})."),
                       file=chain[0].path, chain=" → ".join([s.path for s in chain] + [path]))
        source = _read(path)
        _Checker(source, complete=False).check(source.data)
        chain.append(source)
        base = source.data.get("profile", {}).get("base")
        path = profile_path(base, os.path.dirname(source.path)) if base else ""
    merged: dict = {}
    for source in reversed(chain):
        merged = _merge(merged, source.data)
    return _Checker(_Provenance(chain), complete=True).check(merged)


def _merge(base: dict, derived: dict) -> dict:
    result = dict(base)
    for key, value in derived.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = _merge(result[key], value)
        else:
            result[key] = value
    return result


class _Provenance:
    """Where a key of the merged profile comes from: the most derived file that has it."""

    def __init__(self, chain: List[_Source]):
        self.chain = chain
        self.path = chain[0].path

    def locate(self, key_path) -> Tuple[str, int]:
        for depth in range(len(key_path), 0, -1):
            prefix = tuple(key_path[:depth])
            for source in self.chain:
                if _has(source.data, prefix):
                    return source.path, source.line(prefix)
        return self.path, 1


def _has(data, path) -> bool:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return False
    return True


# --- validation ---------------------------------------------------------------------------------------
_TABLES = {
    "profile": {"name": True, "title": True, "source": True, "issued": False, "base": False, "note": False, "verify": False,
                "counties": False},
    "dates": {key: True for key in catalogue.DATE_KEYS},
    "limits": {key: True for key in catalogue.LIMIT_KEYS},
    "notices": {key: True for key in catalogue.NOTICE_KEYS},
    "farmland": {"min_area": True},
    "targets": {"milestones": False},
    "building_areas": {"min_storey_height": False, "low_storey": False, "coefficients": False},
    "rules": {},  # one table per rule id of the catalogue
    "holidays": {},  # one table per year: a State Council holiday schedule not yet known to the plugin
}
_OPTIONAL_TABLES = {"farmland", "targets", "holidays", "building_areas"}
_HOLIDAY_KEYS = {"notice": True, "rest": True, "work": False}
_MILESTONE = {"date": True, "survey": False, "registered": False, "clause": True, "text": True}
_RULE_KEYS = {"clause": True, "text": True, "class": True, "fj": False, "steps": False}


class _Checker:
    """Checks one file (``complete=False``: only what is there) or the merged profile (everything)."""

    def __init__(self, where, complete: bool):
        self.where = where
        self.complete = complete

    def locate(self, path) -> Tuple[str, int]:
        if isinstance(self.where, _Source):
            return self.where.path, self.where.line(path)
        return self.where.locate(path)

    def error(self, id_, template, path, **args):
        file, line = self.locate(path)
        return fail(id_, template, file=file, line=line, **args)

    # structure -------------------------------------------------------------------------------------
    def keys(self, table: dict, allowed: Dict[str, bool], path: tuple, name: str, complete: bool = False) -> None:
        for key in table:
            if key not in allowed and not path:
                raise self.error("PROFILE_UNKNOWN_TABLE", translatable(
                    "Policy profile {file}, line {line}: unknown table or key “{key}”. Allowed: {allowed}."),
                    (key,), key=key, allowed=", ".join(allowed))
            if key not in allowed:
                raise self.error("PROFILE_UNKNOWN_KEY", translatable(
                    "Policy profile {file}, line {line}: unknown key “{key}” in [{table}]. Allowed here: {allowed}."),
                    path + (key,), key=key, table=name, allowed=", ".join(allowed))
        if self.complete or complete:
            for key, required in allowed.items():
                if required and key not in table and not path:
                    raise self.error("PROFILE_MISSING_TABLE", translatable(
                        "Policy profile {file}, line {line}: the [{key}] table is missing; add it."), (), key=key)
                if required and key not in table:
                    raise self.error("PROFILE_MISSING", translatable(
                        "Policy profile {file}, line {line}: [{table}] has no value for “{key}”; add “{key} = …”."),
                        path, key=key, table=name)

    def table(self, data: dict, key: str, path: tuple) -> dict:
        value = data.get(key)
        if not isinstance(value, dict):
            raise self.error("PROFILE_NOT_TABLE", translatable(
                "Policy profile {file}, line {line}: “{key}” must be a table ([{key}])."), path, key=key)
        return value

    def check(self, data: dict):
        self.keys(data, {name: name not in _OPTIONAL_TABLES for name in _TABLES}, (), "")
        if not self.complete and "name" not in self.table(data, "profile", ("profile",)):
            # every file names itself, also one that takes the rest from a base
            raise self.error("PROFILE_MISSING", translatable(
                "Policy profile {file}, line {line}: [{table}] has no value for “{key}”; add “{key} = …”."),
                ("profile",), key="name", table="profile")
        for name, allowed in _TABLES.items():
            if name not in data:
                continue
            table = self.table(data, name, (name,))
            if name == "rules":
                self.rules(table)
            elif name == "holidays":
                pass  # checked by holidays() below
            else:
                self.keys(table, allowed, (name,), name)
        values = {
            "profile": self.profile_values(data.get("profile", {})),
            "dates": {k: self.policy_date(k, v) for k, v in data.get("dates", {}).items()},
            "limits": {k: self.number(v, ("limits", k), positive=True) for k, v in data.get("limits", {}).items()},
            "notices": {k: self.days(v, ("notices", k)) for k, v in data.get("notices", {}).items()},
            "farmland": {k: self.number(v, ("farmland", k), positive=False) for k, v in data.get("farmland", {}).items()},
            "milestones": self.milestones(data.get("targets", {})),
            "holidays": self.holidays(data.get("holidays", {})),
            "building_areas": self.building_areas(data.get("building_areas", {})),
        }
        if not self.complete:
            return None
        self.date_order(values["dates"])
        self.verify_keys(data)
        return self.profile(data, values)

    def profile_values(self, table: dict) -> dict:
        out = {}
        for key in ("name", "title", "source", "base", "note"):
            if key in table:
                out[key] = self.text(table[key], ("profile", key), allow_empty=key in ("note",))
        if "issued" in table:
            out["issued"] = self.full_date(table["issued"], ("profile", "issued"))
        if "verify" in table:
            items = table["verify"]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise self.error("PROFILE_BAD_LIST", translatable(
                    "Policy profile {file}, line {line}: “{key}” must be a list of texts, e.g. [\"limits.cropland\"]."),
                    ("profile", "verify"), key="verify")
            out["verify"] = tuple(items)
        if "counties" in table:
            items = table["counties"]
            if not isinstance(items, list) or not all(isinstance(i, str) and _COUNTY_PREFIX.match(i) for i in items):
                raise self.error("PROFILE_BAD_COUNTIES", translatable(
                    "Policy profile {file}, line {line}: “{key}” must be a list of administrative division codes "
                    "in quotes, 2, 4 or 6 digits (province, city, county), e.g. [\"431302\"]."),
                    ("profile", "counties"), key="counties")
            out["counties"] = tuple(items)
        return out

    def rules(self, table: dict) -> None:
        for rule_id, rule in table.items():
            path = ("rules", rule_id)
            spec = catalogue.RULE_IDS.get(rule_id)
            if spec is None:
                raise self.error("PROFILE_UNKNOWN_RULE", translatable(
                    "Policy profile {file}, line {line}: unknown rule “{rule}”. The engine knows: {allowed}."),
                    path, rule=rule_id, allowed=", ".join(catalogue.RULE_IDS))
            if not isinstance(rule, dict):
                raise self.error("PROFILE_NOT_TABLE", translatable(
                    "Policy profile {file}, line {line}: “{key}” must be a table ([{key}])."), path, key=f"rules.{rule_id}")
            allowed = dict(_RULE_KEYS)
            if spec.note:
                if "class" in rule:
                    raise self.error("PROFILE_NOTE_CLASS", translatable(
                        "Policy profile {file}, line {line}: rule “{rule}” is a note (it explains, it does not "
                        "classify) and takes no “class”."), path + ("class",), rule=rule_id)
                del allowed["class"]
            self.keys(rule, allowed, path, f"rules.{rule_id}")
            for key in ("clause", "text", "fj", "steps"):
                if key in rule:
                    self.text(rule[key], path + (key,), allow_empty=key in ("fj", "steps"))
                    self.placeholders(rule[key], path + (key,))
            if "class" in rule:
                value = rule["class"]
                if isinstance(value, bool) or value not in (0, 1, 2, 3):
                    raise self.error("PROFILE_BAD_CLASS", translatable(
                        "Policy profile {file}, line {line}: class = {value} is not a class; write 1, 2, 3, "
                        "or 0 (information missing)."), path + ("class",), value=_show(value))
        if self.complete:
            for rule_id in catalogue.RULE_IDS:
                if rule_id not in table:
                    raise self.error("PROFILE_MISSING_RULE", translatable(
                        "Policy profile {file}, line {line}: rule “{rule}” is missing; add a [rules.{rule}] table "
                        "with clause, text and class."), ("rules",), rule=rule_id)

    def milestones(self, targets: dict) -> Tuple[Milestone, ...]:
        items = targets.get("milestones", [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise self.error("PROFILE_NOT_TABLE", translatable(
                "Policy profile {file}, line {line}: “{key}” must be a table ([{key}])."),
                ("targets", "milestones"), key="[targets.milestones]")
        result = []
        for index, item in enumerate(items):
            path = ("targets", "milestones", index)
            self.keys(item, _MILESTONE, path, "targets.milestones", complete=True)  # an entry is never merged
            day = self.full_date(item["date"], path + ("date",))
            survey = self.percent(item["survey"], path + ("survey",)) if "survey" in item else None
            registered = self.percent(item["registered"], path + ("registered",)) if "registered" in item else None
            if survey is None and registered is None:
                raise self.error("PROFILE_EMPTY_MILESTONE", translatable(
                    "Policy profile {file}, line {line}: a milestone needs “survey” or “registered” (percent)."), path)
            result.append(Milestone(
                day, survey, registered, self.text(item["clause"], path + ("clause",)),
                self.text(item["text"], path + ("text",))))
        return tuple(sorted(result, key=lambda m: m.date))

    def holidays(self, table: dict) -> Dict[int, tuple]:
        """[holidays.<year>]: notice, rest = [[first, last], …], work = [make-up day, …] → year -> tuple."""
        result = {}
        for key, entry in table.items():
            path = ("holidays", key)
            if not (key.isdigit() and len(key) == 4) or not isinstance(entry, dict):
                raise self.error("PROFILE_BAD_HOLIDAY_YEAR", translatable(
                    "Policy profile {file}, line {line}: [holidays.{key}] must be a year's table, e.g. "
                    "[holidays.2027] with notice, rest and work."), path, key=key)
            self.keys(entry, _HOLIDAY_KEYS, path, f"holidays.{key}", complete=True)
            rest, work = entry["rest"], entry.get("work", [])
            periods = isinstance(rest, list) and all(
                isinstance(p, list) and len(p) == 2 and all(_is_date(d) for d in p) and p[0] <= p[1] for p in rest)
            if not periods or not isinstance(work, list) or not all(_is_date(d) for d in work):
                raise self.error("PROFILE_BAD_HOLIDAYS", translatable(
                    "Policy profile {file}, line {line}: [holidays.{key}] needs rest = [[first, last], …] (rest "
                    "periods, first day not after the last) and work = [day, …] (make-up working days), dates "
                    "written YYYY-MM-DD without quotes."), path, key=key)
            result[int(key)] = (self.text(entry["notice"], path + ("notice",)), tuple(map(tuple, rest)), tuple(work))
        return result

    def building_areas(self, table: dict) -> AreaRules:
        path = ("building_areas",)
        coefficients = dict(DEFAULT_COEFFICIENTS)
        if "coefficients" in table:
            given = self.table(table, "coefficients", path + ("coefficients",))
            self.keys(given, {key: False for key in DEFAULT_COEFFICIENTS}, path + ("coefficients",),
                      "building_areas.coefficients")
            coefficients.update({k: self.fraction(v, path + ("coefficients", k)) for k, v in given.items()})
        height = table.get("min_storey_height", AreaRules.min_storey_height)
        if isinstance(height, bool) or not isinstance(height, (int, float)) or not 0 < height < 10:
            raise self.error("PROFILE_BAD_HEIGHT", translatable(
                "Policy profile {file}, line {line}: min_storey_height = {value} must be a storey height in metres "
                "(above 0, below 10), e.g. 2.2."), path + ("min_storey_height",), value=_show(height))
        low = self.fraction(table["low_storey"], path + ("low_storey",)) if "low_storey" in table else AreaRules.low_storey
        return AreaRules(coefficients, float(height), low)

    def fraction(self, value, path) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:  # NaN fails too
            raise self.error("PROFILE_BAD_COEFFICIENT", translatable(
                "Policy profile {file}, line {line}: {key} = {value} must be a coefficient from 0 to 1 (e.g. 0.5)."),
                path, key=path[-1], value=_show(value))
        return float(value)

    # values ----------------------------------------------------------------------------------------
    def text(self, value, path, allow_empty: bool = False) -> str:
        if not isinstance(value, str) or not (allow_empty or value.strip()):
            raise self.error("PROFILE_BAD_TEXT", translatable(
                "Policy profile {file}, line {line}: “{key}” must be text in quotes, not empty."),
                path, key=path[-1])
        return value

    def placeholders(self, value: str, path) -> None:
        try:
            names = [name for _literal, name, _spec, _conv in string.Formatter().parse(value) if name is not None]
        except ValueError:
            names = None
        if names is None or any(not n for n in names):
            raise self.error("PROFILE_BAD_BRACES", translatable(
                "Policy profile {file}, line {line}: unbalanced braces in “{key}”; write a placeholder as "
                "{{zdmj}} and a literal brace twice."), path, key=path[-1])
        for name in names:
            if name not in catalogue.PLACEHOLDERS:
                raise self.error("PROFILE_BAD_PLACEHOLDER", translatable(
                    "Policy profile {file}, line {line}: “{key}” uses the placeholder “{name}”, which the engine "
                    "does not fill. Known: {known}."), path, key=path[-1], name=name,
                    known=", ".join(catalogue.PLACEHOLDERS))
        try:
            value.format(**{name: "0" for name in catalogue.PLACEHOLDERS})
        except (ValueError, IndexError, KeyError):
            raise self.error("PROFILE_BAD_BRACES", translatable(
                "Policy profile {file}, line {line}: unbalanced braces in “{key}”; write a placeholder as "
                "{{zdmj}} and a literal brace twice."), path, key=path[-1]) from None

    def finite(self, value, path) -> None:
        """nan and inf are TOML floats, but no area, percentage or threshold: refused by their key."""
        if isinstance(value, float) and not math.isfinite(value):
            raise self.error("PROFILE_NOT_FINITE", translatable(
                "Policy profile {file}, line {line}: {key} = {value} is not a finite number (nan and inf are "
                "not allowed); write a number, e.g. 130.0."),
                path, key=".".join(str(p) for p in path if not isinstance(p, int)), value=_show(value))

    def number(self, value, path, positive: bool) -> float:
        self.finite(value, path)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (positive and value == 0):
            raise self.error("PROFILE_BAD_NUMBER", translatable(
                "Policy profile {file}, line {line}: {key} = {value} must be a number of square metres "
                "({limit} 0)."), path, key=path[-1], value=_show(value), limit=">" if positive else "≥")
        return float(value)

    def days(self, value, path) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise self.error("PROFILE_BAD_DAYS", translatable(
                "Policy profile {file}, line {line}: {key} = {value} must be a whole number of days above 0."),
                path, key=path[-1], value=_show(value))
        return value

    def percent(self, value, path) -> float:
        self.finite(value, path)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 100:
            raise self.error("PROFILE_BAD_PERCENT", translatable(
                "Policy profile {file}, line {line}: {key} = {value} must be a percentage above 0 and at most 100."),
                path, key=path[-1], value=_show(value))
        return float(value)

    def full_date(self, value, path) -> datetime.date:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        raise self.error("PROFILE_BAD_DATE", translatable(
            "Policy profile {file}, line {line}: {key} = {value} is not a date. Write it as YYYY-MM-DD without "
            "quotes, e.g. 2020-07-31."), path, key=path[-1], value=_show(value))

    def policy_date(self, key: str, value) -> PolicyDate:
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return PolicyDate(key, value)
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return PolicyDate(key, value.year, value)
        raise self.error("PROFILE_BAD_POLICY_DATE", translatable(
            "Policy profile {file}, line {line}: {key} = {value} is not a date. Write YYYY-MM-DD without quotes "
            "(e.g. 1982-02-13), or only the year (e.g. 1987) when the day is not known."),
            ("dates", key), key=key, value=_show(value))

    def date_order(self, dates: Dict[str, PolicyDate]) -> None:
        for order in catalogue.DATE_ORDER:
            for earlier, later in zip(order, order[1:]):
                if dates[later].earliest() < dates[earlier].earliest():
                    raise self.error("PROFILE_DATE_ORDER", translatable(
                        "Policy profile {file}, line {line}: {later} ({later_value}) is before {earlier} "
                        "({earlier_value}); the periods must follow each other."), ("dates", later),
                        later=later, later_value=str(dates[later]), earlier=earlier, earlier_value=str(dates[earlier]))

    def verify_keys(self, data: dict) -> None:
        for item in data["profile"].get("verify", ()):
            if not item or not _has(data, tuple(item.split("."))):
                raise self.error("PROFILE_BAD_VERIFY", translatable(
                    "Policy profile {file}, line {line}: verify names “{key}”, which the profile does not have."),
                    ("profile", "verify"), key=item)

    def profile(self, data: dict, values: dict) -> Profile:
        head = values["profile"]
        rules = {}
        for rule_id, spec in catalogue.RULE_IDS.items():
            table = data["rules"][rule_id]
            rules[rule_id] = Rule(rule_id, table["clause"], table["text"], None if spec.note else table["class"],
                                  table.get("fj", ""), table.get("steps", ""))
        farmland = values["farmland"].get("min_area", catalogue.DEFAULT_FARMLAND_MIN_AREA)
        return Profile(
            name=head["name"], title=head["title"], source=head["source"], issued=head.get("issued"),
            note=head.get("note", ""), verify=head.get("verify", ()), counties=head.get("counties", ()),
            dates=values["dates"],
            limits={catalogue.LIMIT_KEYS[k]: v for k, v in values["limits"].items()},
            notices=values["notices"], farmland_min_area=farmland, milestones=values["milestones"],
            holidays=values["holidays"],
            rules=rules, files=tuple(s.path for s in self.where.chain), building_areas=values["building_areas"],
        )


def _is_date(value) -> bool:
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _show(value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
