"""权籍调查表 (cadastral survey form) of one parcel, as document sheets (cadastre.documents.ruled_tables).

Six parts, as the technical unit delivers them: 宗地基本信息表, 界址标示表, 界址签章表 (the neighbours who sign
for each stretch of boundary), 界址点坐标表 (X = northing, Y = easting; coordinates 3 decimals, lengths 2),
宗地分类面积 and 调查记事及审核意见 (权属调查记事, 测量记事, 调查审核意见 with the signature lines). Inputs are plain tables (geometries in the survey plane + attribute columns, cadastre.maps.mapdata.Table).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from shapely.geometry import Point

from ..maps import maptext
from ..maps.housemap import floor_area
from ..maps.mapdata import clean_text, code_problem, column_of, polygon_parts, sheet_text, single_polygon
from ..messages import Problem, translatable
from ..schema import CODELISTS
from . import completeness
from .house_forms import houses_sheet
from .ruled_tables import Cell, Sheet

NEIGHBOUR_TOLERANCE = 0.05  # m: an edge belongs to a neighbour whose boundary passes within this distance


@dataclass
class FormPoint:
    number: str
    x: float  # easting
    y: float  # northing
    marker: Optional[int] = None  # JBLX


@dataclass
class FormEdge:
    start: str
    end: str
    length: float
    kind: Optional[int] = None  # JZXLB
    position: Optional[int] = None  # JZXWZ
    neighbour: str = ""  # LZDDM


@dataclass
class ParcelForm:
    zddm: str
    sheets: List[Sheet]
    problems: List[Problem] = field(default_factory=list)


class SurveyFormData:
    """Indexes over the layers; ``form(i)`` builds the 权籍调查表 of parcel i."""

    def __init__(self, parcels, points, lines=None, houses=None, holders=None, sheet_scale: int = 1000,
                 zone: Optional[int] = None, house_errors: Optional[Sequence[Sequence[str]]] = None):
        """``sheet_scale``, ``zone``: the standard sheets that give 图幅号 when TFH is empty (as on the 宗地图);
        ``house_errors``: per house row the rule ids of its error findings (house_forms.building_errors)."""
        self.parcels, self.points, self.lines, self.houses, self.holders = parcels, points, lines, houses, holders
        self.house_errors = house_errors
        self.sheet_scale, self.zone = sheet_scale, zone
        self.codes = [clean_text(c) for c in column_of(parcels, "ZDDM")]
        self.code_count: Dict[str, int] = {}
        for code in self.codes:
            self.code_count[code] = self.code_count.get(code, 0) + 1
        self.index_of_code = {c: i for i, c in enumerate(self.codes) if c}
        geoms = [g if g is not None else shapely.Point() for g in parcels.geometries]
        self.tree = shapely.STRtree(np.asarray(geoms, dtype=object))
        self.points_by_code = _group(points, "ZDZHDM")
        self.lines_by_code = _group(lines, "ZDZHDM")
        self.houses_by_code = _group(houses, "ZDDM")
        self.holders_by_code = _group(holders, "ZDDM")

    def value(self, i: int, name: str):
        return column_of(self.parcels, name)[i]

    def owner(self, i: int) -> str:
        own = clean_text(self.value(i, "QLRMC"))
        if own:
            return own
        rows = self.holders_by_code.get(self.codes[i], [])
        return "、".join(clean_text(column_of(self.holders, "QLRMC")[r]) for r in rows if clean_text(column_of(self.holders, "QLRMC")[r]))

    def holder(self, i: int) -> Dict[str, object]:
        rows = self.holders_by_code.get(self.codes[i], [])
        if not rows:
            return {}
        first = min(rows, key=lambda r: column_of(self.holders, "SXH")[r] or 0)
        return {name: column_of(self.holders, name)[first] for name in ("ZJZL", "ZJH", "DH", "DZ")}

    def form_rings(self, i: int, polygon) -> List[List[FormPoint]]:
        """The parcel's boundary points in numbering order (SXH), split by the ring (outer, then holes) they lie on."""
        rows = self.points_by_code.get(self.codes[i], [])
        order, numbers, markers = (column_of(self.points, n) for n in ("SXH", "JZDH", "JBLX"))
        rings = [polygon.exterior, *polygon.interiors]
        result: List[List[FormPoint]] = [[] for _ in rings]
        seen = set()
        for r in sorted(rows, key=lambda r: (order[r] is None, order[r] or 0, r)):
            g = self.points.geometries[r]
            if g is None or g.is_empty or (round(g.x, 3), round(g.y, 3)) in seen:
                continue
            seen.add((round(g.x, 3), round(g.y, 3)))
            ring = min(range(len(rings)), key=lambda k: rings[k].distance(g))
            result[ring].append(FormPoint(clean_text(numbers[r]) or f"J{len(seen)}", g.x, g.y,
                                          maptext.as_int(markers[r])))
        return [ring for ring in result if ring]

    def form_edges(self, i: int, rings: List[List[FormPoint]]) -> List[List[FormEdge]]:
        """Per ring, the edges between consecutive points and back to the first, with JZX attributes where a line
        matches; the neighbour from LZDDM, else the parcel whose boundary runs along the edge."""
        lines = self.lines_by_code.get(self.codes[i], [])
        by_ends = {}
        if self.lines is not None:
            starts, ends = column_of(self.lines, "QDH"), column_of(self.lines, "ZDH")
            for r in lines:
                by_ends[(clean_text(starts[r]), clean_text(ends[r]))] = r
        result = []
        for points in rings:
            edges = []
            for a, b in zip(points, points[1:] + points[:1]):
                if len(points) < 2:
                    break
                r = by_ends.get((a.number, b.number))
                edge = FormEdge(a.number, b.number, math.hypot(b.x - a.x, b.y - a.y))
                if r is not None:
                    length = column_of(self.lines, "JZXCD")[r]
                    edge.length = float(length) if length is not None else edge.length
                    edge.kind = maptext.as_int(column_of(self.lines, "JZXLB")[r])
                    edge.position = maptext.as_int(column_of(self.lines, "JZXWZ")[r])
                    edge.neighbour = clean_text(column_of(self.lines, "LZDDM")[r])
                if not edge.neighbour:
                    edge.neighbour = self.neighbour_across(i, (a.x + b.x) / 2, (a.y + b.y) / 2)
                edges.append(edge)
            result.append(edges)
        return result

    def neighbour_across(self, i: int, x: float, y: float) -> str:
        probe = Point(x, y)
        for j in self.tree.query(probe.buffer(NEIGHBOUR_TOLERANCE)).tolist():
            g = self.parcels.geometries[j]
            if j != i and g is not None and g.boundary.distance(probe) <= NEIGHBOUR_TOLERANCE:
                return self.codes[j]
        return ""

    def building_areas(self, i: int) -> Tuple[Optional[float], Optional[float]]:
        """(建筑占地面积, 建筑面积) in m²: the parcel's recorded JZZDMJ/JZMJ, else from its buildings."""
        footprint, floor = self.value(i, "JZZDMJ"), self.value(i, "JZMJ")
        rows = self.houses_by_code.get(self.codes[i], [])
        if (footprint is None or floor is None) and self.houses is not None and rows:
            storeys, measured = column_of(self.houses, "ZCS"), column_of(self.houses, "SCJZMJ")
            areas = [(sum(p.area for p in polygon_parts(self.houses.geometries[r])), storeys[r], measured[r]) for r in rows]
            if footprint is None:
                footprint = sum(a for a, _s, _m in areas)
            if floor is None:
                floor = sum(floor_area(a, s, m) for a, s, m in areas)
        return footprint, floor

    def form(self, i: int) -> ParcelForm:
        zddm = self.codes[i]
        polygon, problem = single_polygon(self.parcels.geometries[i])
        problem = problem or code_problem(zddm, self.code_count) or completeness.incomplete(completeness.SURVEY_FORM, {
            "ZDDM": zddm, "QLRMC": self.owner(i), "ZL": self.value(i, "ZL"), "YT": self.value(i, "YT")})
        if problem is not None:
            return ParcelForm(zddm, [], [problem])
        rings = self.form_rings(i, polygon)
        problems = []
        if not rings:
            problems.append(Problem("FORM_NO_POINTS", translatable(
                "The parcel has no boundary points (JZD); run homestead:boundarypoints or give the JZD layer.")))
            return ParcelForm(zddm, [], problems)
        edges = self.form_edges(i, rings)
        area = self.value(i, "ZDMJ")
        if area is None:
            area = polygon.area
            problems.append(Problem("MAP_AREA_COMPUTED", translatable(
                "ZDMJ is empty; the area computed from the coordinates ({area} m²) is shown."),
                {"area": maptext.area_text(area)}))
        footprint, floor = self.building_areas(i)
        owner = self.owner(i)
        caption = f"宗地代码：{zddm}    权利人：{owner}"
        sheets = [
            self.basic_sheet(i, owner, area, footprint, floor, sheet_text(self.value(i, "TFH"), polygon,
                                                                          self.sheet_scale, self.zone)),
            marks_sheet(rings, edges, caption),
            signatures_sheet(edges, self.owner_of_code, caption),
            coordinates_sheet(rings, edges, zddm, owner, area, floor),
            areas_sheet(self.value(i, "YT"), area, footprint, floor, caption),
            records_sheet(self.value(i, "QSDCJS"), self.value(i, "CLJS"), self.value(i, "DCSHYJ"), caption),
        ]
        if self.houses is not None:
            listed = self.listed_houses(zddm, problems)
            sheets.insert(-1, houses_sheet(self.houses, listed, caption))
        return ParcelForm(zddm, sheets, problems)

    def listed_houses(self, zddm: str, problems: List[Problem]) -> List[int]:
        """The parcel's house rows for the 房屋 sheet; a house without 自然幢号 or with an error finding is left out
        and said in ``problems``."""
        listed = []
        numbers = column_of(self.houses, "ZRZH")
        for r in self.houses_by_code.get(zddm, []):
            errors = self.house_errors[r] if self.house_errors is not None else []
            if not clean_text(numbers[r]):
                problems.append(Problem("FORM_HOUSE_NO_NUMBER", translatable(
                    "A house of the parcel (row {row} of the buildings layer) is left out of the house sheet: its "
                    "自然幢号 (ZRZH) is empty; number it with homestead:unitcodes."), {"row": r + 1}))
            elif errors:
                problems.append(Problem("FORM_HOUSE_ERROR", translatable(
                    "The house {house} is left out of the house sheet: the quality check found errors in it ({rules})."),
                    {"house": clean_text(numbers[r]), "rules": "、".join(errors)}))
            else:
                listed.append(r)
        return listed

    def owner_of_code(self, code: str) -> str:
        j = self.index_of_code.get(code)
        return self.owner(j) if j is not None else ""

    def basic_sheet(self, i: int, owner: str, area, footprint, floor, sheet_number: str) -> Sheet:
        v = self.value
        holder = self.holder(i)
        sheet = Sheet("宗地基本信息表", "宗地基本信息表", (16, 30, 16, 30), header_rows=0)
        label = _label
        sheet.add(label("宗地代码"), self.codes[i], label("不动产单元号"), clean_text(v(i, "BDCDYH")))
        sheet.add(label("土地所有权人"), Cell(clean_text(v(i, "TDSYQR")), colspan=3))
        sheet.add(label("权利人"), Cell(owner, colspan=3))
        sheet.add(label("证件种类"), maptext.codelist_text("ZJZL", holder.get("ZJZL")), label("证件号"),
                  clean_text(holder.get("ZJH")) or clean_text(v(i, "QLRZJH")))
        sheet.add(label("通讯地址"), clean_text(holder.get("DZ")), label("电话"), clean_text(holder.get("DH")))
        sheet.add(label("权利类型"), maptext.codelist_text("QLLX", v(i, "QLLX")), label("权利性质"),
                  maptext.codelist_text("QLXZ", v(i, "QLXZ")))
        yt = v(i, "YT")
        sheet.add(label("权利设定方式"), maptext.codelist_text("QLSDFS", v(i, "QLSDFS")), label("用途"),
                  f"{clean_text(yt)} {maptext.codelist_text('YT', yt)}".strip())
        sheet.add(label("坐落"), Cell(clean_text(v(i, "ZL")), colspan=3))
        sheet.add(label("宗地面积(㎡)"), maptext.area_text(area), label("图幅号"), sheet_number)
        sheet.add(label("建筑占地面积(㎡)"), maptext.area_text(footprint), label("建筑面积(㎡)"), maptext.area_text(floor))
        sheet.add(Cell("四至", bold=True, rowspan=2), Cell(f"东：{clean_text(v(i, 'ZDSZD'))}", align="left"),
                  Cell(f"南：{clean_text(v(i, 'ZDSZN'))}", colspan=2, align="left"))
        sheet.add(Cell(f"西：{clean_text(v(i, 'ZDSZX'))}", align="left"),
                  Cell(f"北：{clean_text(v(i, 'ZDSZB'))}", colspan=2, align="left"))
        sheet.add(label("附记"), Cell(clean_text(v(i, "FJ")), colspan=3, align="left"))
        sheet.add(label("备注"), Cell(clean_text(v(i, "BZ")), colspan=3, align="left"))
        return sheet


def _label(text: str) -> Cell:
    return Cell(text, bold=True)


def _group(table, field_name: str) -> Dict[str, List[int]]:
    groups: Dict[str, List[int]] = {}
    if table is None:
        return groups
    for r, code in enumerate(column_of(table, field_name)):
        if clean_text(code):
            groups.setdefault(clean_text(code), []).append(r)
    return groups


def marks_sheet(rings: Sequence[Sequence[FormPoint]], edges: Sequence[Sequence[FormEdge]], caption: str) -> Sheet:
    """界址标示表: marker kind per point; distance, line kind and position of the line to the next point; each ring
    closes on its first point."""
    markers, kinds, positions = CODELISTS["JBLX"], CODELISTS["JZXLB"], CODELISTS["JZXWZ"]
    widths = (8,) + (5,) * len(markers) + (10,) + (5,) * len(kinds) + (4,) * len(positions) + (10,)
    sheet = Sheet("界址标示表", "界址标示表", widths, caption=caption, landscape=True, header_rows=2)
    sheet.add(Cell("界址点号", rowspan=2, bold=True), Cell("界标种类", colspan=len(markers), bold=True),
              Cell("界址间距(m)", rowspan=2, bold=True), Cell("界址线类别", colspan=len(kinds), bold=True),
              Cell("界址线位置", colspan=len(positions), bold=True), Cell("说明", rowspan=2, bold=True))
    sheet.add(*[Cell(label) for label in markers.values()], *[Cell(label) for label in kinds.values()],
              *[Cell(label) for label in positions.values()])
    tick = "√"
    for points, ring_edges in zip(rings, edges):
        for point, edge in zip(points, ring_edges):
            sheet.add(point.number, *[tick if point.marker == code else "" for code in markers],
                      maptext.length_text(edge.length), *[tick if edge.kind == code else "" for code in kinds],
                      *[tick if edge.position == code else "" for code in positions], "")
        first = points[0]
        sheet.add(first.number, *[tick if first.marker == code else "" for code in markers], "",
                  *[""] * len(kinds), *[""] * len(positions), "")
    return sheet


def signature_groups(edges: Sequence[FormEdge]) -> List[Tuple[str, List[str], str, str]]:
    """Consecutive edges with the same neighbour as one stretch: (start, middle points, end, neighbour code)."""
    groups: List[Tuple[str, List[str], str, str]] = []
    for edge in edges:
        if groups and groups[-1][3] == edge.neighbour and groups[-1][2] == edge.start:
            start, middle, _end, code = groups[-1]
            groups[-1] = (start, middle + [edge.start], edge.end, code)
        else:
            groups.append((edge.start, [], edge.end, edge.neighbour))
    if len(groups) > 1 and groups[0][3] == groups[-1][3] and groups[-1][2] == groups[0][0]:
        start, middle, _end, code = groups.pop()
        first = groups[0]
        groups[0] = (start, middle + [first[0]] + first[1], first[2], code)
    return groups


def signatures_sheet(edges: Sequence[Sequence[FormEdge]], owner_of, caption: str) -> Sheet:
    """界址签章表: per stretch of boundary, the neighbour who signs (blank signature and date cells)."""
    sheet = Sheet("界址签章表", "界址签章表", (8, 12, 8, 26, 14, 16, 16, 12), caption=caption, landscape=True,
                  header_rows=2)
    sheet.add(Cell("界址线", colspan=3, bold=True), Cell("邻宗地", colspan=2, bold=True),
              Cell("本宗地指界人签章", rowspan=2, bold=True), Cell("邻宗地指界人签章", rowspan=2, bold=True),
              Cell("指界日期", rowspan=2, bold=True))
    sheet.add(Cell("起点号", bold=True), Cell("中间点号", bold=True), Cell("终点号", bold=True),
              Cell("宗地代码", bold=True), Cell("权利人", bold=True))
    for start, middle, end, code in [group for ring_edges in edges for group in signature_groups(ring_edges)]:
        neighbour = owner_of(code) if code else ""
        sheet.add(start, "、".join(middle), end, code or "（无相邻宗地）", neighbour, "", "" if code else "—", "")
    return sheet


def coordinates_sheet(rings: Sequence[Sequence[FormPoint]], edges: Sequence[Sequence[FormEdge]], zddm: str,
                      owner: str, area, floor) -> Sheet:
    """界址点坐标表 (界址点成果表): X = northing, Y = easting, the edge length between two point rows; each ring
    closes on its first point with a row that has no 序号 (as homestead:boundarytable writes it)."""
    sheet = Sheet("界址点坐标表", "界址点坐标表", (8, 10, 18, 18, 12), header_rows=1,
                  caption=f"宗地代码：{zddm}    权利人：{owner}    宗地面积：{maptext.area_text(area)}㎡    "
                          f"建筑面积：{maptext.area_text(floor)}㎡")
    sheet.add(Cell("序号", bold=True), Cell("点号", bold=True), Cell("X(m)", bold=True), Cell("Y(m)", bold=True),
              Cell("边长(m)", bold=True))
    k = 0
    for points, ring_edges in zip(rings, edges):
        for point, edge in zip(points, ring_edges):
            k += 1
            sheet.add(k, point.number, f"{point.y:.3f}", f"{point.x:.3f}", "")
            sheet.add("", "", "", "", maptext.length_text(edge.length))
        first = points[0]
        sheet.add("", first.number, f"{first.y:.3f}", f"{first.x:.3f}", "")
    return sheet


def areas_sheet(yt, area, footprint, floor, caption: str) -> Sheet:
    """宗地分类面积: the parcel's land-use class and area, with the building areas."""
    sheet = Sheet("宗地分类面积", "宗地分类面积调查表", (14, 24, 16, 14), caption=caption, header_rows=1)
    sheet.add(Cell("地类编码", bold=True), Cell("地类名称", bold=True), Cell("面积(㎡)", bold=True), Cell("比例(%)", bold=True))
    share = "100.00" if area else ""
    sheet.add(clean_text(yt), maptext.codelist_text("YT", yt), maptext.area_text(area), share)
    sheet.add(Cell("合计", colspan=2, bold=True), maptext.area_text(area), share)
    sheet.add(Cell("建筑占地面积(㎡)", colspan=2), maptext.area_text(footprint),
              f"{100.0 * footprint / area:.2f}" if footprint is not None and area else "")
    sheet.add(Cell("建筑面积(㎡)", colspan=2), maptext.area_text(floor), "")
    return sheet


def records_sheet(ownership, measurement, review, caption: str) -> Sheet:
    """调查记事及审核意见: the three records of the form, each with its signature and date line left blank."""
    sheet = Sheet("调查记事及审核意见", "权属调查记事、测量记事及调查审核意见", (16, 30, 16, 30), caption=caption)
    for title, text, signer in (("权属调查记事", ownership, "调查员"), ("测量记事", measurement, "测量员"),
                                ("调查审核意见", review, "审核人")):
        sheet.add(Cell(title, bold=True, rowspan=2), Cell(clean_text(text) or "\n\n\n", colspan=3, align="left"))
        sheet.add(Cell(f"{signer}签名：", align="left"), Cell("日期：", colspan=2, align="left"))
    return sheet
