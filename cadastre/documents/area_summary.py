"""面积汇总表: parcels and areas per 地籍子区 (ZDDM[:12]) and for the county — by class, by land use, area to
register and excess, houses and floor area — and the progress against a policy profile's targets.

QGIS-free: plain columns in, documents.Sheet out (Chinese: a deliverable).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Dict, List, Mapping, Sequence

import numpy as np

from .. import progress, schema
from .ruled_tables import Cell, Sheet

CLASSES = (1, 2, 3, 0)
CLASS_NAMES = {1: "一类", 2: "二类", 3: "三类", 0: "待补充"}
COUNTY = "合计"


@dataclass
class Totals:
    parcels: int = 0
    area: float = 0.0
    by_class: Dict[int, List[float]] = field(default_factory=lambda: {c: [0, 0.0] for c in CLASSES})
    unclassified: int = 0
    by_use: Dict[str, List[float]] = field(default_factory=dict)
    registered: float = 0.0
    excess: float = 0.0
    houses: int = 0
    floor_area: float = 0.0


def _number(value) -> float:
    try:
        return 0.0 if value is None else float(value)
    except (TypeError, ValueError):
        return 0.0


def parcel_area(zdmj, dcmj) -> float:
    """ZDMJ (from coordinates), else the recorded DCMJ."""
    return _number(zdmj) if zdmj is not None else _number(dcmj)


def house_floor_area(scjzmj, zzdmj, zcs) -> float:
    """Measured floor area SCJZMJ, else footprint × storeys."""
    return _number(scjzmj) if scjzmj is not None else _number(zzdmj) * _number(zcs)


def summarise(parcels: Mapping[str, Sequence], houses: Mapping[str, Sequence]) -> Dict[str, Totals]:
    """village → Totals, and COUNTY → the totals of all; ``parcels``/``houses`` are ZD/ZRZ columns by field name."""
    result: Dict[str, Totals] = {COUNTY: Totals()}
    codes = parcels["ZDDM"]
    for i, code in enumerate(codes):
        area = parcel_area(parcels.get("ZDMJ", [None] * len(codes))[i], parcels.get("DCMJ", [None] * len(codes))[i])
        lb, use = parcels.get("LB", [None] * len(codes))[i], parcels.get("YT", [None] * len(codes))[i] or ""
        for totals in (result.setdefault(progress.village_array([code])[0], Totals()), result[COUNTY]):
            totals.parcels += 1
            totals.area += area
            if lb in totals.by_class:
                totals.by_class[lb][0] += 1
                totals.by_class[lb][1] += area
            else:
                totals.unclassified += 1
            entry = totals.by_use.setdefault(str(use), [0, 0.0])
            entry[0] += 1
            entry[1] += area
            totals.registered += _number(parcels.get("DJMJ", [None] * len(codes))[i])
            totals.excess += _number(parcels.get("CZMJ", [None] * len(codes))[i])
    n = len(houses.get("ZDDM", []))
    for i in range(n):
        floor = house_floor_area(houses.get("SCJZMJ", [None] * n)[i], houses.get("ZZDMJ", [None] * n)[i],
                                 houses.get("ZCS", [None] * n)[i])
        for totals in (result.setdefault(progress.village_array([houses["ZDDM"][i]])[0], Totals()), result[COUNTY]):
            totals.houses += 1
            totals.floor_area += floor
    return result


def _villages(result: Mapping[str, Totals]) -> List[str]:
    return sorted(k for k in result if k != COUNTY) + [COUNTY]


def area_sheet(result: Mapping[str, Totals]) -> Sheet:
    header = ["地籍子区", "宗地数", "宗地面积"]
    for c in CLASSES:
        header += [f"{CLASS_NAMES[c]}宗数", f"{CLASS_NAMES[c]}面积"]
    header += ["未分类宗数", "拟登记面积", "超标面积", "房屋幢数", "建筑面积"]
    sheet = Sheet("面积汇总表", "房地一体宅基地面积汇总表", [14, 7, 11] + [7, 11] * len(CLASSES) + [7, 11, 10, 7, 11], caption="单位：宗、幢、平方米",
                  landscape=True, header_rows=1)
    sheet.add(*[Cell(h, bold=True) for h in header])
    for village in _villages(result):
        t = result[village]
        row = [village, t.parcels, f"{t.area:.2f}"]
        for c in CLASSES:
            row += [int(t.by_class[c][0]), f"{t.by_class[c][1]:.2f}"]
        row += [t.unclassified, f"{t.registered:.2f}", f"{t.excess:.2f}", t.houses, f"{t.floor_area:.2f}"]
        sheet.add(*row)
    return sheet


def use_sheet(result: Mapping[str, Totals]) -> Sheet:
    sheet = Sheet("按用途汇总", "按土地用途汇总", [14, 10, 18, 9, 12], caption="单位：宗、平方米", header_rows=1)
    sheet.add(*[Cell(h, bold=True) for h in ("地籍子区", "用途代码", "用途", "宗地数", "宗地面积")])
    for village in _villages(result):
        for use, (count, area) in sorted(result[village].by_use.items()):
            sheet.add(village, use, schema.codelist_label("YT", use) or "未填写", int(count), f"{area:.2f}")
    return sheet


METRIC_NAMES = {"surveyed": "已调查", "classified": "已分类", "reviewed": "已审核", "noticed": "已公告", "registered": "已登记"}


def progress_sheet(per_village: Sequence[progress.Progress], county: progress.Progress,
                   targets: Sequence[progress.Target], today: date) -> Sheet:
    sheet = Sheet("进度", "工作进度统计", [14, 9] + [12] * len(progress.METRICS), caption=f"统计日期：{today.isoformat()}",
                  landscape=True, header_rows=1)
    sheet.add(*[Cell(h, bold=True) for h in ["地籍子区", "宗地数"] + [METRIC_NAMES[m] for m in progress.METRICS]])
    for p in list(per_village) + [county]:
        sheet.add(p.village or COUNTY, p.total, *[f"{p.count(m)}（{100 * p.share(m):.1f}%）" for m in progress.METRICS])
    if targets:
        sheet.add(Cell("对照目标（全县）", bold=True, colspan=2 + len(progress.METRICS)))
        sheet.add(*[Cell(h, bold=True) for h in ("完成时限", "指标", "目标", "实际", "是否完成", "依据", "")])
        for status in progress.evaluate_targets(county, targets, today):
            target = status.target
            done = "已完成" if status.met else ("已逾期" if status.overdue else f"剩余{status.days_left}天")
            sheet.add(target.due.isoformat(), METRIC_NAMES[target.metric], f"{100 * target.share:.0f}%",
                      f"{100 * status.actual:.1f}%", done, target.clause, "")
    return sheet


def progress_columns(parcels: Mapping[str, Sequence]):
    """The arrays progress.count_progress takes, from ZD columns."""
    n = len(parcels["ZDDM"])
    empty = [None] * n
    areas = np.array([parcel_area(a, b) if (a is not None or b is not None) else np.nan
                      for a, b in zip(parcels.get("ZDMJ", empty), parcels.get("DCMJ", empty))], dtype=float)
    return (progress.village_array(parcels["ZDDM"]), areas,
            *[progress.code_array(parcels.get(k, empty)) for k in ("LB", "SHZT", "SFGG", "SFDJ")])
