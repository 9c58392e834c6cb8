"""房屋基本信息调查表 (house basic-information survey form) and the 房屋 sheet of the 权籍调查表 (cadastre.documents.ruled_tables).

One form per 户 (household unit, H) or, for a building without household rows (or when no H layer is given), per
自然幢 (ZRZ): 不动产单元号, 坐落, 权利人, 幢号, 户号, 总层数/所在层, 结构, 用途, 性质, 竣工时间, 实测建筑面积 (套内
and 分摊 where recorded), 幢占地面积, 墙体归属 where surveyed, 调查员/日期, 备注. Gated like the other printed
products: a unit with a required field blank, a malformed or repeated 不动产单元号, or an error-severity finding
of the quality check naming its building gets no form, with the reason. Deliverable text: Chinese.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ..maps import maptext
from ..maps.housemap import building_numbers, floor_area
from ..maps.mapdata import clean_text, column_of, polygon_parts
from ..messages import Problem, translatable
from ..unit_codes import unit_code_problems
from . import completeness
from .ruled_tables import Cell, Sheet

ERROR = "error"  # the quality check's error severity
WALLS = (("QTGSD", "东"), ("QTGSN", "南"), ("QTGSX", "西"), ("QTGSB", "北"))  # 墙体归属 per side of the 户 (H)


@dataclass
class HouseForm:
    key: str  # 不动产单元号, else 自然幢号, else the feature id
    stem: str  # file name stem
    sheets: List[Sheet]
    problems: List[Problem] = field(default_factory=list)


def building_errors(findings: Iterable[Dict[str, object]], zrzh: Sequence[str], units: Sequence[str],
                    fids: Sequence[int]) -> List[List[str]]:
    """Per building row, the rule ids of the error-severity findings naming it: its 自然幢号 or a unit code of it
    in CODES, or its feature id in FIDS of a finding on the buildings layer (LAYER ZRZ)."""
    by_code: Dict[str, List[int]] = {}
    for row, (number, unit) in enumerate(zip(zrzh, units)):
        for code in {clean_text(number), clean_text(unit)} - {""}:
            by_code.setdefault(code, []).append(row)
    by_fid = {int(fid): row for row, fid in enumerate(fids)}
    found: List[List[str]] = [[] for _ in zrzh]
    for finding in findings:
        if clean_text(finding.get("SEVERITY")).lower() != ERROR:
            continue
        rule = clean_text(finding.get("RULE_ID")) or "?"
        rows = set()
        for code in clean_text(finding.get("CODES")).split(","):
            code = code.strip()
            rows.update(by_code.get(code, []))
            if len(code) == 28:  # a household unit: its building is the first 24 characters
                rows.update(by_code.get(code[:24], []))
        if clean_text(finding.get("LAYER")).upper() == "ZRZ":
            for fid in clean_text(finding.get("FIDS")).split(","):
                if fid.strip().lstrip("-").isdigit() and int(fid) in by_fid:
                    rows.add(by_fid[int(fid)])
        for row in rows:
            if rule not in found[row]:
                found[row].append(rule)
    return found


def several(code: str) -> bool:
    """A unit code of several buildings registered as one unit (幢号 9999, domain.md §2)."""
    return len(code) == 28 and code[19:24] == "F9999"


def date_text(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return clean_text(value)


def _group(table, name: str) -> Dict[str, List[int]]:
    groups: Dict[str, List[int]] = {}
    for row, code in enumerate(column_of(table, name)):
        if clean_text(code):
            groups.setdefault(clean_text(code), []).append(row)
    return groups


class HouseFormData:
    """The survey layers (cadastre.maps.mapdata.Table) indexed for ``forms()``.

    ``buildings``: ZRZ; ``households``: H or None; ``parcels``: ZD (坐落, 权利人) or None; ``holders``: QLR or None;
    ``errors``: per building row the rule ids of its error findings (``building_errors``) or None; ``fids``,
    ``household_fids``: the feature ids (for the reports)."""

    def __init__(self, buildings, households=None, parcels=None, holders=None, errors=None, fids=None,
                 household_fids=None, surveyor: str = "", survey_date: str = ""):
        self.buildings, self.households, self.parcels, self.holders = buildings, households, parcels, holders
        self.errors = errors or [[] for _ in range(len(buildings))]
        self.fids = list(fids) if fids is not None else list(range(len(buildings)))
        self.household_fids = list(household_fids) if household_fids is not None else \
            list(range(len(households) if households is not None else 0))
        self.surveyor, self.survey_date = surveyor, survey_date
        self.zrzh = [clean_text(z) for z in column_of(buildings, "ZRZH")]
        self.parcel_of_code = {c: r for c, rows in _group(parcels, "ZDDM").items() for r in rows[:1]}
        self.holders_by_code = _group(holders, "ZDDM")
        self.households_of = _group(households, "ZRZH")

    def b(self, row: int, name: str):
        return column_of(self.buildings, name)[row]

    def h(self, row: Optional[int], name: str):
        return column_of(self.households, name)[row] if row is not None else None

    def zddm(self, row: int) -> str:
        return clean_text(self.b(row, "ZDDM")) or self.zrzh[row][:19]

    def owner(self, zddm: str) -> str:
        parcel = self.parcel_of_code.get(zddm)
        own = clean_text(column_of(self.parcels, "QLRMC")[parcel]) if parcel is not None else ""
        if own:
            return own
        names = column_of(self.holders, "QLRMC")
        return "、".join(clean_text(names[r]) for r in self.holders_by_code.get(zddm, []) if clean_text(names[r]))

    def place(self, zddm: str, household: Optional[int]) -> str:
        parcel = self.parcel_of_code.get(zddm)
        return clean_text(self.h(household, "ZL")) or (clean_text(column_of(self.parcels, "ZL")[parcel])
                                                        if parcel is not None else "")

    def units(self) -> List[Tuple[Optional[int], Optional[int]]]:
        """(building row, household row) per form: each building's households by floor and 户号, else the
        building itself; households whose ZRZH names no building come last, with no building."""
        units: List[Tuple[Optional[int], Optional[int]]] = []
        floors, numbers = column_of(self.households, "CH"), column_of(self.households, "HH")
        for row, zrzh in enumerate(self.zrzh):
            rows = self.households_of.get(zrzh, []) if zrzh else []
            rows = sorted(rows, key=lambda r: (maptext.as_int(floors[r]) or 0, clean_text(numbers[r]), r))
            units += [(row, r) for r in rows] or [(row, None)]
        known = set(z for z in self.zrzh if z)
        units += [(None, r) for code, rows in self.households_of.items() if code not in known for r in rows]
        if self.households is not None:
            units += [(None, r) for r, z in enumerate(column_of(self.households, "ZRZH")) if not clean_text(z)]
        return units

    def forms(self) -> List[HouseForm]:
        units = self.units()
        codes = [clean_text(self.h(h, "BDCDYH")) if h is not None else clean_text(self.b(b, "BDCDYH"))
                 for b, h in units]
        count: Dict[str, int] = {}
        for (_b, h), code in zip(units, codes):
            if not (h is None and several(code)):  # buildings registered as one unit share its code
                count[code] = count.get(code, 0) + 1
        return [self.form(b, h, code, count) for (b, h), code in zip(units, codes)]

    def form(self, b: Optional[int], h: Optional[int], bdcdyh: str, count: Dict[str, int]) -> HouseForm:
        key = bdcdyh or (self.zrzh[b] if b is not None else "") or (
            f"ZRZ#{self.fids[b]}" if b is not None else f"H#{self.household_fids[h]}")
        if b is None:
            return HouseForm(key, key, [], [Problem("HOUSE_NO_BUILDING", translatable(
                "The household's building code ZRZH ({code}) names no building of the buildings layer (ZRZ); give "
                "it its building's 自然幢号."), {"code": clean_text(self.h(h, "ZRZH")) or "—"})])
        zddm = self.zddm(b)
        owner, place = self.owner(zddm), self.place(zddm, h)
        problem = completeness.incomplete(completeness.HOUSE_FORM, {
            "ZDDM": zddm, "ZL": place, "QLRMC": owner, "ZRZH": self.zrzh[b], "BDCDYH": bdcdyh})
        if problem is None and unit_code_problems(bdcdyh):
            problem = unit_code_problems(bdcdyh)[0]
        if problem is None and count.get(bdcdyh, 0) > 1:
            problem = Problem("HOUSE_DUPLICATE_UNIT", translatable(
                "The unit code {code} is given to {n} units; each household needs its own 不动产单元号."),
                {"code": bdcdyh, "n": count[bdcdyh]})
        if problem is None and self.errors[b]:
            problem = Problem("HOUSE_QUALITY_ERROR", translatable(
                "Not written: the quality check found errors in this building ({rules}); correct them and check "
                "again."), {"rules": "、".join(self.errors[b])})
        if problem is not None:
            return HouseForm(key, key, [], [problem])
        problems = []
        footprint = self.b(b, "ZZDMJ")
        if footprint is None:
            footprint = sum(p.area for p in polygon_parts(self.buildings.geometries[b]))
            problems.append(Problem("HOUSE_FOOTPRINT_COMPUTED", translatable(
                "ZZDMJ is empty; the footprint computed from the outline ({area} m²) is shown."),
                {"area": maptext.area_text(footprint)}))
        if h is None and self.b(b, "SCJZMJ") is None:
            problems.append(Problem("HOUSE_AREA_ESTIMATED", translatable(
                "SCJZMJ is empty; the footprint × storeys ({area} m²) is shown as the floor area. Run "
                "homestead:buildingareas for the measured area."),
                {"area": maptext.area_text(floor_area(footprint, self.b(b, "ZCS"), None))}))
        sheet = self.sheet(b, h, bdcdyh, zddm, owner, place, footprint)
        stem = f"{bdcdyh}_{self.zrzh[b][-4:]}" if h is None and several(bdcdyh) else bdcdyh
        return HouseForm(key, stem, [sheet], problems)

    def sheet(self, b: int, h: Optional[int], bdcdyh: str, zddm: str, owner: str, place: str, footprint) -> Sheet:
        def first(name_h: str, name_b: Optional[str] = None):
            value = self.h(h, name_h)
            return value if clean_text(value) or name_b is None else self.b(b, name_b)

        building, household = building_numbers(self.zrzh[b], bdcdyh)
        household = clean_text(self.h(h, "HH")) or household
        use_h = self.h(h, "FWYT1")
        use = maptext.codelist_text("FWYT", use_h) if clean_text(use_h) else maptext.codelist_text("GHYT", self.b(b, "GHYT"))
        area = self.h(h, "SCJZMJ") if h is not None else floor_area(footprint, self.b(b, "ZCS"), self.b(b, "SCJZMJ"))
        sheet = Sheet("房屋基本信息调查表", "房屋基本信息调查表", (16, 30, 16, 30),
                      caption=f"宗地代码：{zddm}    自然幢号：{self.zrzh[b]}")
        label = _label
        sheet.add(label("不动产单元号"), Cell(bdcdyh, colspan=3))
        sheet.add(label("房屋坐落"), Cell(place, colspan=3))
        sheet.add(label("权利人"), Cell(owner, colspan=3))
        sheet.add(label("幢号"), building, label("户号"), household)
        sheet.add(label("总层数"), clean_text(maptext.as_int(self.b(b, "ZCS"))), label("所在层"), clean_text(self.h(h, "CH")) or ("全幢" if h is None else ""))
        sheet.add(label("房屋结构"), maptext.codelist_text("FWJG", first("FWJG", "FWJG")), label("房屋用途"), use)
        sheet.add(label("房屋性质"), maptext.codelist_text("FWXZ", self.h(h, "FWXZ")), label("竣工时间"),
                  date_text(first("JGSJ", "JGRQ")))
        sheet.add(label("建筑面积(㎡)"), maptext.area_text(area), label("幢占地面积(㎡)"), maptext.area_text(footprint))
        inner, shared = self.h(h, "SCTNJZMJ"), self.h(h, "SCFTJZMJ")
        if inner is not None or shared is not None:
            sheet.add(label("套内建筑面积(㎡)"), maptext.area_text(inner), label("分摊建筑面积(㎡)"), maptext.area_text(shared))
        walls = [(side, maptext.codelist_text("QTGS", self.h(h, name))) for name, side in WALLS]
        if any(text for _side, text in walls):
            sheet.add(Cell("墙体归属", bold=True, rowspan=2), Cell(f"东：{walls[0][1]}", align="left"),
                      Cell(f"南：{walls[1][1]}", colspan=2, align="left"))
            sheet.add(Cell(f"西：{walls[2][1]}", align="left"), Cell(f"北：{walls[3][1]}", colspan=2, align="left"))
        sheet.add(label("调查员"), self.surveyor, label("调查日期"), self.survey_date)
        sheet.add(label("备注"), Cell(clean_text(first("BZ", "BZ")), colspan=3, align="left"))
        return sheet


def _label(text: str) -> Cell:
    return Cell(text, bold=True)


HOUSE_COLUMNS = ("幢号", "不动产单元号", "层数", "结构", "建筑面积(㎡)", "用途")


def houses_sheet(houses, rows: Sequence[int], caption: str) -> Sheet:
    """房屋 part of the 权籍调查表: the parcel's houses (ZRZ ``rows``) with 幢号, 层数, 结构, 建筑面积, 用途, and the
    total floor area."""
    sheet = Sheet("房屋情况", "宗地内房屋基本情况表", (8, 30, 8, 14, 14, 14), caption=caption, header_rows=1)
    sheet.add(*[Cell(h, bold=True) for h in HOUSE_COLUMNS])
    total = 0.0
    for r in rows:
        zrzh, unit = clean_text(column_of(houses, "ZRZH")[r]), clean_text(column_of(houses, "BDCDYH")[r])
        storeys = column_of(houses, "ZCS")[r]
        footprint = sum(p.area for p in polygon_parts(houses.geometries[r]))
        area = floor_area(footprint, storeys, column_of(houses, "SCJZMJ")[r])
        total += area
        sheet.add(building_numbers(zrzh, unit)[0], unit, clean_text(maptext.as_int(storeys)),
                  maptext.codelist_text("FWJG", column_of(houses, "FWJG")[r]), maptext.area_text(area),
                  maptext.codelist_text("GHYT", column_of(houses, "GHYT")[r]))
    sheet.add(Cell("合计", colspan=4, bold=True), maptext.area_text(total), "")
    return sheet
