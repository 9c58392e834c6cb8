"""宗地代码 (ZDDM, 19 characters) and 不动产单元代码 (BDCDYH, 28 characters): parse, validate, build.

Layout (domain.md §2): county 6 digits + 地籍区 3 + 地籍子区 3 + 宗地特征码 2 letters + 宗地顺序号 5 digits
(= ZDDM) + 定着物特征码 1 letter + 定着物单元编号 8 digits. No check digit is known, so validation is
structural.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional

from .messages import Problem, translatable

OWNERSHIP_LETTERS = "GJZ"
RIGHT_LETTERS = "ABSXCDEFLNHGWY"
# A (collective ownership) and C (homestead use right) exist only under collective ownership J.
COLLECTIVE_ONLY = "AC"
FIXTURE_LETTERS = "FLQW"

# [0-9], never \d: \d also matches full-width and other Unicode digits (１２３, ٤٣٠); codes are ASCII only
ZDDM_RE = re.compile(r"[0-9]{12}[GJZ][ABSXCDEFLNHGWY][0-9]{5}")
BDCDYH_RE = re.compile(r"[0-9]{12}[GJZ][ABSXCDEFLNHGWY][0-9]{5}[FLQW][0-9]{8}")

HOMESTEAD = "JC"  # 宅基地使用权 on collective land
COLLECTIVE_CONSTRUCTION = "JB"  # 集体建设用地使用权 (surface)


@dataclass(frozen=True)
class ParcelCode:
    county: str
    district: str  # 地籍区 (usually a township)
    subdistrict: str  # 地籍子区 (usually a village)
    feature: str  # 宗地特征码, e.g. JC
    sequence: int  # 宗地顺序号 1..99999

    @property
    def zddm(self) -> str:
        return f"{self.county}{self.district}{self.subdistrict}{self.feature}{self.sequence:05d}"

    @property
    def village(self) -> str:
        """The 12-digit 地籍子区 key (county + 地籍区 + 地籍子区)."""
        return f"{self.county}{self.district}{self.subdistrict}"


@dataclass(frozen=True)
class _CodeForm:
    """How one kind of code is written: problem id prefix, length, pattern and the messages of each fault."""

    prefix: str
    length: int
    pattern: re.Pattern
    empty: str
    not_ascii: str
    wrong_length: str
    wrong_pattern: str


_ZDDM_FORM = _CodeForm(
    "CODE", 19, ZDDM_RE, translatable("The parcel code (ZDDM) is empty."),
    translatable("The parcel code {code} contains full-width or other non-ASCII characters; write it in ASCII "
                 "(half-width) digits and capital letters."),
    translatable("The parcel code {code} has {n} characters; a ZDDM has 19."),
    translatable("The parcel code {code} does not follow 12 digits + 2 feature letters + 5 digits."))
_BDCDYH_FORM = _CodeForm(
    "BDCDYH", 28, BDCDYH_RE, translatable("The real-estate unit code (BDCDYH) is empty."),
    translatable("The unit code {code} contains full-width or other non-ASCII characters; write it in ASCII "
                 "(half-width) digits and capital letters."),
    translatable("The unit code {code} has {n} characters; a BDCDYH has 28."),
    translatable("The unit code {code} does not follow ZDDM (19) + fixture letter F/L/Q/W + 8 digits."))


def _form_problems(code: Optional[str], form: _CodeForm) -> List[Problem]:
    """Why ``code`` is not written as ``form`` says: empty, not ASCII, its length or its pattern (first fault)."""
    if code is None or str(code).strip() == "":
        return [Problem(f"{form.prefix}_MISSING", form.empty)]
    code = str(code)
    if not code.isascii():
        return [Problem(f"{form.prefix}_ASCII", form.not_ascii, {"code": code})]
    if len(code) != form.length:
        return [Problem(f"{form.prefix}_LENGTH", form.wrong_length, {"code": code, "n": len(code)})]
    if not form.pattern.fullmatch(code):
        return [Problem(f"{form.prefix}_PATTERN", form.wrong_pattern, {"code": code})]
    return []


def zddm_problems(code: Optional[str]) -> List[Problem]:
    """Why ``code`` is not a well-formed 宗地代码 (empty list when it is)."""
    return _form_problems(code, _ZDDM_FORM) or _feature_problems(str(code))


def bdcdyh_problems(code: Optional[str]) -> List[Problem]:
    """Why ``code`` is not a well-formed 不动产单元代码 (empty list when it is)."""
    problems = _form_problems(code, _BDCDYH_FORM)
    if problems:
        return problems
    problems = _feature_problems(code)
    if code[19] == "W" and code[20:] != "00000000":
        problems.append(Problem("BDCDYH_W", translatable("The unit code {code} has fixture letter W (none), so it must end in 00000000."), {"code": code}))
    return problems


def zrzh_problems(code: Optional[str]) -> List[Problem]:
    """Why ``code`` is not a well-formed 自然幢号: ZDDM (19) + 'F' + 4-digit 幢号 (empty list when it is)."""
    if code is None or str(code).strip() == "":
        return [Problem("ZRZH_MISSING", translatable("The building number (ZRZH) is empty."))]
    code = str(code)
    if len(code) != 24 or code[19] != "F" or not code[20:].isdigit():
        return [Problem("ZRZH_PATTERN", translatable(
            "The building number {code} does not follow ZDDM (19) + F + 4-digit building number (24 characters)."),
            {"code": code})]
    return zddm_problems(code[:19])


def unit_problems(code: Optional[str], zrzh: str = "", hh: str = "") -> List[Problem]:
    """Why ``code`` is not a well-formed household unit code: a BDCDYH that is its building's ZRZH + 4-digit 户号."""
    problems = bdcdyh_problems(code)
    if problems:
        return problems
    if zrzh and code[:24] != zrzh:
        return [Problem("UNIT_BUILDING", translatable("The unit code {code} does not begin with its building number {zrzh}."),
                        {"code": code, "zrzh": zrzh})]
    if hh and code[24:] != hh:
        return [Problem("UNIT_NUMBER", translatable("The unit code {code} does not end with its household number {hh}."),
                        {"code": code, "hh": hh})]
    return []


def _feature_problems(code: str) -> List[Problem]:
    if code[13] in COLLECTIVE_ONLY and code[12] != "J":
        return [Problem("CODE_FEATURE", translatable("The code {code} has right type {right} on {owner} land; A and C exist only on collective land (J)."), {"code": code, "right": code[13], "owner": code[12]})]
    return []


def is_valid_zddm(code: Optional[str]) -> bool:
    return not zddm_problems(code)


def is_valid_bdcdyh(code: Optional[str]) -> bool:
    return not bdcdyh_problems(code)


def parse_zddm(code: str) -> ParcelCode:
    problems = zddm_problems(code)
    if problems:
        raise ValueError(str(problems[0]))
    return ParcelCode(code[:6], code[6:9], code[9:12], code[12:14], int(code[14:19]))


def county_of(code: Optional[str]) -> str:
    """The 6-digit county (区/县) code a ZDDM or BDCDYH starts with, or '' when it has none."""
    text = str(code or "").strip()
    return text[:6] if len(text) >= 6 and text[:6].isdigit() else ""


def in_counties(county: str, prefixes) -> bool:
    """Whether ``county`` lies in one of the administrative code prefixes (2, 4 or 6 digits); none: anywhere."""
    return not prefixes or any(county.startswith(prefix) for prefix in prefixes)


def village_of(code: Optional[str]) -> str:
    """The 12-digit 地籍子区 key of a ZDDM or BDCDYH, or '' when it has no 12-digit prefix."""
    if code and len(code) >= 12 and ascii_digits(code[:12]):
        return code[:12]
    return ""


def ascii_digits(text: str) -> bool:
    """Whether ``text`` is ASCII digits 0-9 only (str.isdigit also takes １２３ and other Unicode digits)."""
    return text.isascii() and text.isdigit()


def build_bdcdyh(zddm: str, building: int = 1, unit: int = 1, several_buildings: bool = False) -> str:
    """BDCDYH of a rural house: ZDDM + F + 4-digit building (幢号) + 4-digit unit (户号).

    Several buildings registered as one unit use building 9999 (``F99990001``, domain.md §2).
    """
    parse_zddm(zddm)
    if several_buildings:
        building = 9999
    if not (0 <= building <= 9999 and 0 <= unit <= 9999):
        raise ValueError(f"building {building} or unit {unit} out of range 0-9999")
    return f"{zddm}F{building:04d}{unit:04d}"


def land_only_bdcdyh(zddm: str) -> str:
    """BDCDYH of a parcel with no building: ZDDM + W00000000."""
    parse_zddm(zddm)
    return f"{zddm}W00000000"
