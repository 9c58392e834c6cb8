"""homestead:buildingareas — 建筑面积 per floor (C.CJZMJ), house (ZRZ.SCJZMJ) and household (H.SCJZMJ) by
GB/T 17986.1-2000 with the policy profile's coefficients, the 面积计算表 and the recorded areas checked against ΔS."""
from __future__ import annotations

import math
from collections import defaultdict

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...cadastre import building_areas as ba
from ...cadastre.documents import ruled_tables as documents
from ...cadastre.files import atomic_output
from ...cadastre.messages import translatable
from ...i18n import tr
from ...rules.policy.profile import DEFAULT_PROFILE, load_profile
from ..library import house_layers as hl
from ..library.adapters import read_layer, report_problems
from .base import HomesteadAlgorithm

C_FIELDS = ["ZRZH", "CH", "CG", "CJZMJ"]
MJBF_FIELDS = ["ZRZH", "CH", "BWLX", "ZZ", "FB", "CG", "XS"]
GRADES = (1, 2, 3)
PART_NAMES = {"YT_FB": "封闭阳台", "YT_WFB": "未封闭阳台", "TL": "挑廊", "YL": "檐廊", "YP": "雨篷", "SWLT": "室外楼梯",
              "JKC": "架空层", "LT": "露台", "QT": "其他"}
HEADERS = ("自然幢号", "层号", "部位", "有柱", "封闭", "层高(m)", "水平投影面积(㎡)", "已计入(㎡)", "计算系数", "依据", "计算面积(㎡)")


def _key(value) -> str:
    return "" if value is None else str(value).strip()


def _flag(value) -> bool:
    try:
        return int(value) == 1
    except (TypeError, ValueError):
        return False


def _fmt(value, digits=2) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


class BuildingAreasAlgorithm(HomesteadAlgorithm):
    NAME = "buildingareas"
    DISPLAY_NAME = translatable("Building floor areas (建筑面积)")
    GROUP = "geometry"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource("FLOORS", tr("Floors (C)"), polygon))
        self.addParameter(QgsProcessingParameterFeatureSource("PARTS", tr("Area parts (MJBF)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource("BUILDINGS", tr("Buildings (ZRZ)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource("HOUSEHOLDS", tr("Households (H)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "POLICY", tr("Policy profile with the area coefficients (name or .toml file)"), DEFAULT_PROFILE))
        self.addParameter(QgsProcessingParameterEnum(
            "GRADE", tr("Area accuracy grade for the tolerance ΔS"),
            [tr("Grade 1: 0.02√S + 0.0006S"), tr("Grade 2: 0.04√S + 0.002S"), tr("Grade 3: 0.08√S + 0.006S")],
            defaultValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_FLOORS", tr("Floors with areas"), QgsProcessing.TypeVectorPolygon))
        for name, label in (("OUTPUT_BUILDINGS", tr("Buildings with areas")), ("OUTPUT_HOUSEHOLDS", tr("Households with areas")),
                            ("OUTPUT_PARTS", tr("Area parts with coefficients"))):
            self.addParameter(QgsProcessingParameterFeatureSink(name, label, QgsProcessing.TypeVectorPolygon,
                                                                optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", tr("Area calculation workbook (面积计算表)"), tr("Excel workbook (*.xlsx)"), optional=True,
            createByDefault=True))

    def process(self, parameters, context, feedback):
        rules = load_profile(self.parameterAsString(parameters, "POLICY", context) or DEFAULT_PROFILE).building_areas
        grade = GRADES[self.parameterAsEnum(parameters, "GRADE", context)]
        floors_source = self.parameterAsSource(parameters, "FLOORS", context)
        floors = read_layer(floors_source, context, feedback, fields=C_FIELDS, required=["ZRZH", "CH"], keep_features=True)
        report_problems(floors, feedback)
        parts_source = self.parameterAsSource(parameters, "PARTS", context)
        parts = None
        if parts_source is not None:
            parts = read_layer(parts_source, context, feedback, fields=MJBF_FIELDS, required=["ZRZH", "CH", "BWLX"],
                               crs=floors.crs, keep_features=True)
            report_problems(parts, feedback)
        on_floor = self._parts_by_floor(floors, parts, feedback)
        results = {}
        floor_of, computed = {}, []
        for row, fid in enumerate(floors.ids):
            key = (_key(floors.column("ZRZH")[row]), _key(floors.column("CH")[row]))
            label = f"{key[0] or '—'} / {key[1] or '—'}"
            result = ba.floor_area(floors.geometries[row], floors.column("CG")[row] if "CG" in floors.attributes else None,
                                   on_floor.pop(key, []) if key not in floor_of else [], rules, floor=label)
            if key in floor_of:
                feedback.reportError(tr("Floors {floor} appear twice in {layer} (feature {fid}); the area parts count "
                                        "with the first.").format(floor=label, layer=floors.name, fid=int(fid)), False)
            floor_of.setdefault(key, result)
            for problem in result.problems:
                feedback.reportError(problem.format(tr), False)
            computed.append(result)
        totals = [round(r.total, 2) for r in computed]
        recorded = floors.column("CJZMJ") if "CJZMJ" in floors.attributes else [None] * len(floors)
        self._flag(feedback, tr("floor"), [f"{_key(z)} / {_key(c)}" for z, c in zip(floors.column("ZRZH"), floors.column("CH"))],
                   totals, recorded, grade)
        results["OUTPUT_FLOORS"] = hl.write_copy(self, parameters, "OUTPUT_FLOORS", context, floors_source, floors,
                                                 [hl.CJZMJ], {"CJZMJ": totals}, feedback)
        house_total = defaultdict(float)
        for (zrzh, _ch), result in floor_of.items():
            house_total[zrzh] += result.total
        for (zrzh, ch) in on_floor:
            feedback.reportError(tr("Area parts of {floor} lie on no floor of {layer} (no C row with ZRZH {zrzh} and CH "
                                    "{ch}); they were not counted.").format(floor=f"{zrzh} / {ch}", layer=floors.name,
                                                                            zrzh=zrzh or "—", ch=ch or "—"), False)
        if parts is not None:
            results.update(self._write_parts(parameters, context, feedback, parts_source, parts, floor_of))
        houses = self._buildings(parameters, context, feedback, floors, house_total, grade, results)
        self._households(parameters, context, feedback, floors, floor_of, grade, results)
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        if xlsx:
            with atomic_output(xlsx) as tmp:
                documents.write_xlsx(tmp, [self._sheet(floor_of, house_total, houses, grade)])
            results["OUTPUT_XLSX"] = xlsx
        feedback.pushInfo(tr("{floors} floors of {houses} buildings measured: {total:.2f} m² in all.").format(
            floors=len(floor_of), houses=len(house_total), total=sum(house_total.values())))
        return results

    def _parts_by_floor(self, floors, parts, feedback):
        on_floor = defaultdict(list)
        if parts is None:
            return on_floor
        for row, fid in enumerate(parts.ids):
            col = parts.attributes
            part = ba.Part(_key(col["BWLX"][row]), parts.geometries[row], _flag(col.get("ZZ", [None] * len(parts))[row]),
                           _flag(col.get("FB", [None] * len(parts))[row]), col.get("CG", [None] * len(parts))[row],
                           col.get("XS", [None] * len(parts))[row], int(fid))
            on_floor[(_key(col["ZRZH"][row]), _key(col["CH"][row]))].append(part)
        return on_floor

    def _write_parts(self, parameters, context, feedback, source, parts, floor_of):
        by_fid = {p.part.fid: p for result in floor_of.values() for p in result.parts}
        xs = [by_fid[int(f)].coefficient if int(f) in by_fid else None for f in parts.ids]
        jsmj = [round(by_fid[int(f)].counted, 2) if int(f) in by_fid else None for f in parts.ids]
        dest = hl.write_copy(self, parameters, "OUTPUT_PARTS", context, source, parts, [hl.XS, hl.JSMJ],
                             {"XS": xs, "JSMJ": jsmj}, feedback)
        return {"OUTPUT_PARTS": dest} if dest else {}

    def _buildings(self, parameters, context, feedback, floors, house_total, grade, results):
        source = self.parameterAsSource(parameters, "BUILDINGS", context)
        if source is None:
            return {}
        data = read_layer(source, context, feedback, fields=["ZRZH", "SCJZMJ"], required=["ZRZH"], crs=floors.crs,
                          keep_features=True)
        keys = [_key(z) for z in data.column("ZRZH")]
        totals = [round(house_total[k], 2) if k in house_total else None for k in keys]
        for k, fid in zip(keys, data.ids):
            if k not in house_total:
                feedback.reportError(tr("Building {zrzh} (feature {fid} of {layer}) has no floors in C; its area was left "
                                        "empty.").format(zrzh=k or "—", fid=int(fid), layer=data.name), False)
        recorded = data.column("SCJZMJ") if "SCJZMJ" in data.attributes else [None] * len(data)
        self._flag(feedback, tr("building"), keys, totals, recorded, grade)
        dest = hl.write_copy(self, parameters, "OUTPUT_BUILDINGS", context, source, data, [hl.SCJZMJ],
                             {"SCJZMJ": totals}, feedback)
        if dest:
            results["OUTPUT_BUILDINGS"] = dest
        return dict(zip(keys, recorded))

    def _households(self, parameters, context, feedback, floors, floor_of, grade, results):
        source = self.parameterAsSource(parameters, "HOUSEHOLDS", context)
        if source is None:
            return
        data = read_layer(source, context, feedback, fields=["ZRZH", "CH", "HH", "SCJZMJ"], required=["ZRZH", "CH"],
                          crs=floors.crs, keep_features=True)
        report_problems(data, feedback)
        rows_of = defaultdict(list)
        for row, (zrzh, ch) in enumerate(zip(data.column("ZRZH"), data.column("CH"))):
            rows_of[(_key(zrzh), _key(ch))].append(row)
        totals = [None] * len(data)
        for key, rows in rows_of.items():
            if key not in floor_of:
                feedback.reportError(tr("Households of {floor} in {layer} lie on no floor of C; their outlines were counted "
                                        "in full, without area parts.").format(
                    floor=f"{key[0] or '—'} / {key[1] or '—'}", layer=data.name), False)
            areas = ba.household_areas([data.geometries[r] for r in rows], floor_of.get(key))
            for r, area in zip(rows, areas):
                totals[r] = None if math.isnan(area) else round(area, 2)
        labels = [f"{_key(z)} / {_key(h)}" for z, h in zip(data.column("ZRZH"), data.attributes.get("HH", [None] * len(data)))]
        self._flag(feedback, tr("household"), labels, totals,
                   data.column("SCJZMJ") if "SCJZMJ" in data.attributes else [None] * len(data), grade)
        dest = hl.write_copy(self, parameters, "OUTPUT_HOUSEHOLDS", context, source, data, [hl.SCJZMJ],
                             {"SCJZMJ": totals}, feedback)
        if dest:
            results["OUTPUT_HOUSEHOLDS"] = dest

    @staticmethod
    def _flag(feedback, what, labels, totals, recorded, grade):
        computed = [math.nan if t is None else t for t in totals]
        for label, area, old, beyond in zip(labels, computed, recorded, ba.beyond_tolerance(computed, recorded, grade)):
            if beyond:
                feedback.reportError(tr(
                    "The recorded area {recorded} m² of {what} {label} differs from the computed {area:.2f} m² by more "
                    "than the tolerance ΔS = {tolerance:.2f} m² (grade {grade}).").format(
                    recorded=old, what=what, label=label, area=area, tolerance=float(ba.area_tolerance(area, grade)),
                    grade=grade), False)

    @staticmethod
    def _sheet(floor_of, house_total, recorded, grade) -> documents.Sheet:
        """面积计算表 (Chinese whatever the locale): per house its floors and parts, then the house's total."""
        sheet = documents.Sheet("面积计算表", "房屋建筑面积计算表", [26, 6, 12, 5, 5, 8, 14, 10, 8, 12, 12], header_rows=1,
                                landscape=True, footer=f"依据 GB/T 17986.1-2000；面积精度{grade}级，限差 ΔS")
        sheet.add(*[documents.Cell(h, bold=True) for h in HEADERS])
        by_house = defaultdict(list)
        for (zrzh, ch), result in floor_of.items():
            by_house[zrzh].append((ch, result))
        for zrzh in sorted(by_house):
            for ch, result in by_house[zrzh]:
                sheet.add(zrzh, ch, "层（外围）", "", "", "", _fmt(result.outline_area), "",
                          _fmt(result.coefficient, 1), "层高不足" if result.coefficient < 1 else "",
                          _fmt(result.outline_area * result.coefficient))
                for p in result.parts:
                    sheet.add(zrzh, ch, PART_NAMES.get(p.part.bwlx, p.part.bwlx or "—"), "是" if p.part.zz else "否",
                              "是" if p.part.fb else "否", _fmt(ba.number_or_none(p.part.cg)), _fmt(p.area + p.overlap),
                              _fmt(p.overlap), _fmt(p.coefficient, 2), p.rule, _fmt(p.counted))
                sheet.add(documents.Cell(f"{zrzh} 第{ch}层 小计", colspan=10, align="right"), _fmt(result.total))
            total = house_total[zrzh]
            old = ba.number_or_none(recorded.get(zrzh))
            note = ""
            if old is not None:
                tolerance = float(ba.area_tolerance(total, grade))
                note = f"；记载 {old:.2f}，差 {total - old:.2f}，限差 {tolerance:.2f}" + \
                    ("，超限" if bool(ba.beyond_tolerance([total], [old], grade)[0]) else "")
            sheet.add(documents.Cell(f"{zrzh} 合计{note}", colspan=10, align="right", bold=True),
                      documents.Cell(_fmt(total), bold=True))
        return sheet
