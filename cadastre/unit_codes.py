"""幢号, 户号, 自然幢号 ZRZH, 不动产单元号 BDCDYH and new 宗地代码 per GB/T 37346-2019 (QGIS-free).

ZRZH = ZDDM (19) + F + 幢号 (4) — 24 characters; BDCDYH = ZRZH + 户号 (4) — 28 characters; land without a building:
ZDDM + W00000000. Codes that already exist and are well formed are kept; a new building takes the next 幢号 after
the highest in its parcel, a new household the next 户号 after the highest in its building, a new parcel the next
宗地顺序号 after the highest with the same first 14 characters (地籍子区 + 宗地特征码). 幢号 9999 is kept for several
buildings registered as one unit (F99990001, domain.md §2): numbering never hands it out.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Sequence, Tuple

from .codes import is_valid_zddm, zddm_problems
from .messages import Problem, translatable

LAST_BUILDING = 9998  # 9999 is the several-buildings unit
LAST_HOUSEHOLD = 9999
LAST_SEQUENCE = 99999
_FOUR = re.compile(r"^[0-9]{4}$", re.ASCII)
_PREFIX = re.compile(r"^[0-9]{12}[GJZ][ABSXCDEFLNHGWY]$", re.ASCII)
_UNIT = re.compile(r"^[FW][0-9]{8}$", re.ASCII)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _fid(ids, row: int) -> int:
    return int(ids[row]) if ids is not None else row


def zrzh_of(zddm: str, building: int) -> str:
    return f"{zddm}F{building:04d}"


def bdcdyh_of(zrzh: str, household: int) -> str:
    return f"{zrzh}{household:04d}"


def land_unit(zddm: str) -> str:
    return f"{zddm}W00000000"


def unit_code_problems(code) -> List[Problem]:
    """Why ``code`` is not a structurally valid house or land unit code: ZDDM (19) + F|W + 8 ASCII digits; W only
    with 00000000; F with 幢号 and 户号 from 0001."""
    code = _text(code)
    if len(code) != 28:
        return [Problem("UNIT_LENGTH", translatable("The unit code {code} has {n} characters; a BDCDYH has 28."),
                        {"code": code or "—", "n": len(code)})]
    problems = zddm_problems(code[:19])
    if problems:
        return problems
    if not _UNIT.match(code[19:]):
        return [Problem("UNIT_TAIL", translatable(
            "The unit code {code} does not end in F or W followed by 8 digits (0-9) after the parcel code."), {"code": code})]
    if code[19] == "W" and code[20:] != "00000000":
        return [Problem("UNIT_W", translatable("The unit code {code} has W (no building), so it must end in W00000000."),
                        {"code": code})]
    if code[19] == "F" and (code[20:24] == "0000" or code[24:] == "0000"):
        return [Problem("UNIT_ZERO", translatable(
            "The unit code {code} has 幢号 or 户号 0000; numbers start at 0001."), {"code": code})]
    return []


def _building_number(zrzh: str, zddm: str) -> Optional[int]:
    """The 幢号 of a well-formed ZRZH of parcel ``zddm``, else None."""
    if len(zrzh) == 24 and zrzh[:19] == zddm and zrzh[19] == "F" and _FOUR.match(zrzh[20:]) and zrzh[20:] != "0000":
        return int(zrzh[20:])
    return None


def _next_numbers(groups: Sequence[str], kept: Sequence[Optional[int]], last: int, what: str,
                  skip: Tuple[int, ...] = ()) -> Tuple[List[Optional[int]], List[Tuple[int, Problem]]]:
    """Keep the first of each (group, number); every other row gets max + 1 of its group (``skip`` not counted)."""
    highest: Dict[str, int] = {}
    for group, number in zip(groups, kept):
        if number is not None and number not in skip:
            highest[group] = max(highest.get(group, 0), number)
    seen = set()
    result: List[Optional[int]] = []
    problems: List[Tuple[int, Problem]] = []
    for row, (group, number) in enumerate(zip(groups, kept)):
        if number is not None and (group, number) not in seen:
            seen.add((group, number))
            result.append(number)
            continue
        if number is not None:
            problems.append((row, Problem("CODE_DUPLICATE_NUMBER", translatable(
                "{what} {number:04d} appears twice in {group}; this one got a new number."),
                {"what": what, "number": number, "group": group})))
        following = highest.get(group, 0) + 1
        if following > last:
            problems.append((row, Problem("CODE_NUMBERS_USED_UP", translatable(
                "{group} has no free {what} after {last:04d}; this one was left without a code."),
                {"group": group, "what": what, "last": last})))
            result.append(None)
            continue
        highest[group] = following
        seen.add((group, following))
        result.append(following)
    return result, problems


def building_codes(parcels: Sequence, existing: Sequence, ids: Optional[Sequence] = None) -> Tuple[List[str], List[Tuple[int, Problem]]]:
    """ZRZH per building (row): its parcel's ZDDM + F + 幢号, keeping a well-formed existing ZRZH of that parcel.

    A building of a parcel with no valid ZDDM gets '' and a problem."""
    zddms = [_text(z) for z in parcels]
    kept = [_building_number(_text(old), z) for old, z in zip(existing, zddms)]
    valid = [is_valid_zddm(z) for z in zddms]
    numbers, problems = _next_numbers([z if ok else f"?{row}" for row, (z, ok) in enumerate(zip(zddms, valid))],
                                      kept, LAST_BUILDING, "幢号", skip=(9999,))
    codes = []
    for row, (zddm, ok, number) in enumerate(zip(zddms, valid, numbers)):
        if not ok:
            problems.append((row, Problem("ZRZH_NO_PARCEL", translatable(
                "Building feature {fid}: its parcel code ZDDM ({code}) is not a valid 宗地代码, so it gets no 自然幢号. Fill ZDDM."),
                {"fid": _fid(ids, row), "code": zddm or "—"})))
            codes.append("")
        else:
            codes.append(zrzh_of(zddm, number) if number is not None else "")
    problems.sort(key=lambda item: item[0])
    return codes, problems


def household_codes(buildings: Sequence, existing_hh: Sequence, existing_bdcdyh: Sequence, ids: Optional[Sequence] = None
                    ) -> Tuple[List[str], List[str], List[Tuple[int, Problem]]]:
    """(HH, BDCDYH) per household (row) of building ZRZH: an existing well-formed HH, or the 户号 of an existing
    BDCDYH of that building, is kept; the others get the next 户号 after the highest in the building."""
    zrzhs = [_text(z) for z in buildings]
    kept: List[Optional[int]] = []
    for zrzh, hh, code in zip(zrzhs, existing_hh, existing_bdcdyh):
        hh, code = _text(hh), _text(code)
        if _FOUR.match(hh) and hh != "0000":
            kept.append(int(hh))
        elif code.startswith(zrzh) and len(zrzh) == 24 and not unit_code_problems(code):
            kept.append(int(code[24:]))
        else:
            kept.append(None)
    valid = [len(z) == 24 and _building_number(z, z[:19]) is not None and is_valid_zddm(z[:19]) for z in zrzhs]
    numbers, problems = _next_numbers([z if ok else f"?{row}" for row, (z, ok) in enumerate(zip(zrzhs, valid))],
                                      kept, LAST_HOUSEHOLD, "户号")
    hhs, codes = [], []
    for row, (zrzh, ok, number) in enumerate(zip(zrzhs, valid, numbers)):
        if not ok or number is None:
            if not ok:
                problems.append((row, Problem("HH_NO_BUILDING", translatable(
                    "Household feature {fid}: its building code ZRZH ({code}) is not a valid 自然幢号 (ZDDM + F + 4 digits); "
                    "it gets no 不动产单元号. Number the buildings first."), {"fid": _fid(ids, row), "code": zrzh or "—"})))
            hhs.append("")
            codes.append("")
            continue
        hhs.append(f"{number:04d}")
        codes.append(bdcdyh_of(zrzh, number))
    problems.sort(key=lambda item: item[0])
    return hhs, codes, problems


def parcel_prefix(code, subdistrict: str = "", feature: str = "") -> str:
    """The 14-character prefix (地籍子区 12 digits + 宗地特征码) a parcel is numbered under: the code's own when it
    has one, else ``subdistrict`` + ``feature``; '' when neither is well formed. A prefix whose codes could never
    be valid (C or A after G or Z: only collective land carries them) is not one."""
    code = _text(code)
    if _is_prefix(code[:14]):
        return code[:14]
    fallback = _text(subdistrict) + _text(feature)
    return fallback if _is_prefix(fallback) else ""


def _is_prefix(text: str) -> bool:
    return bool(_PREFIX.match(text)) and is_valid_zddm(f"{text}00001")


def parcel_codes(codes: Sequence, subdistrict: str = "", feature: str = "JC", ids: Optional[Sequence] = None
                 ) -> Tuple[List[str], List[bool], List[Tuple[int, Problem]]]:
    """(ZDDM, newly numbered?) per parcel: a valid existing ZDDM is kept (the first of duplicates); a blank one or a
    placeholder (a valid 14-character prefix and no valid sequence, e.g. …JC00000 or …JC?????) gets the next
    sequence after the highest under its prefix. A blank code is numbered under ``subdistrict`` + ``feature``."""
    texts = [_text(c) for c in codes]
    prefixes = [parcel_prefix(c, subdistrict, feature) for c in texts]
    kept = [int(c[14:]) if is_valid_zddm(c) and int(c[14:]) > 0 else None for c in texts]  # 00000: a placeholder
    groups = [p or f"?{row}" for row, p in enumerate(prefixes)]
    numbers, problems = _next_numbers(groups, kept, LAST_SEQUENCE, "宗地顺序号")
    result, new = [], []
    for row, (text, prefix, number, old) in enumerate(zip(texts, prefixes, numbers, kept)):
        if not prefix:
            problems = [p for p in problems if p[0] != row]
            problems.append((row, Problem("ZDDM_NO_SUBDISTRICT", translatable(
                "Parcel feature {fid}: its code “{code}” has no 地籍子区 (12 digits + 2 feature letters) to number it under. "
                "Give the 地籍子区 code, or write the first 14 characters into ZDDM."), {"fid": _fid(ids, row), "code": text or "—"})))
            result.append(text)
            new.append(False)
            continue
        code = f"{prefix}{number:05d}" if number is not None else text
        result.append(code)
        new.append(number is not None and (old is None or code != text))
    problems.sort(key=lambda item: item[0])
    return result, new, problems
