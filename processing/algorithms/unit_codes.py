"""homestead:unitcodes — 自然幢号 ZRZH (ZDDM + F + 幢号), 户号 HH and the 28-character 不动产单元号 BDCDYH on copies of
ZRZ and H (and ZDDM + W00000000 for parcels without a building), keeping the codes that already exist."""
from __future__ import annotations

from collections import Counter

import numpy as np
import shapely
from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource

from ...cadastre import unit_codes
from ...cadastre.codes import is_valid_zddm
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library import house_layers as hl
from ..library.adapters import read_layer, report_problems
from .base import HomesteadAlgorithm


def _text(value) -> str:
    return "" if value is None else str(value).strip()


class UnitCodesAlgorithm(HomesteadAlgorithm):
    NAME = "unitcodes"
    DISPLAY_NAME = translatable("Building and unit codes (幢号, 户号, 不动产单元号)")
    GROUP = "project"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource("BUILDINGS", tr("Buildings (ZRZ)"), polygon))
        self.addParameter(QgsProcessingParameterFeatureSource("HOUSEHOLDS", tr("Households (H)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels (ZD)"), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_BUILDINGS", tr("Buildings with codes"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_HOUSEHOLDS", tr("Households with codes"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_PARCELS", tr("Parcels with land-only unit codes"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True, createByDefault=True))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "BUILDINGS", context)
        zrz = read_layer(source, context, feedback, fields=["ZDDM", "ZRZH", "BDCDYH"], required=["ZDDM"], keep_features=True)
        report_problems(zrz, feedback)
        n = len(zrz)
        old = zrz.attributes.get("ZRZH", [None] * n)
        zrzh, problems = unit_codes.building_codes(zrz.column("ZDDM"), old, ids=zrz.ids)
        self._report(problems, zrz.name, feedback)
        columns = {"ZRZH": zrzh}
        added = [hl.ZRZH]
        households = self.parameterAsSource(parameters, "HOUSEHOLDS", context)
        if households is None:  # one building, one unit: ZRZH + 0001 unless a code of the building exists
            _hh, bdcdyh, problems = unit_codes.household_codes(zrzh, [None] * n, zrz.attributes.get("BDCDYH", [None] * n),
                                                               ids=zrz.ids)
            self._report(problems, zrz.name, feedback)
            columns["BDCDYH"] = bdcdyh
            added.append(hl.BDCDYH)
        results = {"OUTPUT_BUILDINGS": hl.write_copy(self, parameters, "OUTPUT_BUILDINGS", context, source, zrz, added,
                                                     columns, feedback)}
        renumbered = sum(1 for a, b in zip(old, zrzh) if b and _text(a) != b)
        feedback.pushInfo(tr("{n} buildings: {kept} kept their 自然幢号, {new} were numbered.").format(
            n=n, kept=sum(1 for c in zrzh if c) - renumbered, new=renumbered))
        if households is not None:
            dest = self._households(parameters, context, feedback, households, zrz, zrzh)
            if dest:
                results["OUTPUT_HOUSEHOLDS"] = dest
        parcels = self.parameterAsSource(parameters, "PARCELS", context)
        if parcels is not None:
            dest = self._parcels(parameters, context, feedback, parcels, zrz)
            if dest:
                results["OUTPUT_PARCELS"] = dest
        return results

    def _households(self, parameters, context, feedback, source, zrz, zrzh):
        data = read_layer(source, context, feedback, fields=["ZRZH", "HH", "BDCDYH"], crs=zrz.crs, keep_features=True)
        report_problems(data, feedback)
        n = len(data)
        known = set(c for c in zrzh if c)
        links = [_text(z) for z in data.attributes.get("ZRZH", [None] * n)]
        # a household whose ZRZH names no building lies in one: take that building's code
        tree = shapely.STRtree(np.where([g is not None for g in zrz.geometries], zrz.geometries, None))
        for row, link in enumerate(links):
            geometry = data.geometries[row]
            if link in known or geometry is None or not shapely.is_valid(geometry):
                continue
            hits = [int(i) for i in tree.query(shapely.point_on_surface(geometry), predicate="within") if zrzh[int(i)]]
            if len(hits) == 1:
                links[row] = zrzh[hits[0]]
            else:
                feedback.reportError(tr("Household feature {fid} of {layer}: its ZRZH “{code}” names no building, and it "
                                        "lies in {n} buildings; it gets no unit code.").format(
                    fid=int(data.ids[row]), layer=data.name, code=link or "—", n=len(hits)), False)
        hh, bdcdyh, problems = unit_codes.household_codes(links, data.attributes.get("HH", [None] * n),
                                                          data.attributes.get("BDCDYH", [None] * n), ids=data.ids)
        self._report(problems, data.name, feedback)
        return hl.write_copy(self, parameters, "OUTPUT_HOUSEHOLDS", context, source, data, [hl.ZRZH, hl.HH, hl.BDCDYH],
                             {"ZRZH": links, "HH": hh, "BDCDYH": bdcdyh}, feedback)

    def _parcels(self, parameters, context, feedback, source, zrz):
        data = read_layer(source, context, feedback, fields=["ZDDM", "BDCDYH"], required=["ZDDM"], geometry=False,
                          keep_features=True)
        built = Counter(_text(z) for z in zrz.column("ZDDM"))
        codes = []
        for zddm, old in zip(data.column("ZDDM"), data.attributes.get("BDCDYH", [None] * len(data))):
            zddm = _text(zddm)
            if zddm in built or not is_valid_zddm(zddm):
                codes.append(old)
            else:
                codes.append(unit_codes.land_unit(zddm))
        return hl.write_copy(self, parameters, "OUTPUT_PARCELS", context, source, data, [hl.BDCDYH], {"BDCDYH": codes}, feedback)

    @staticmethod
    def _report(problems, layer, feedback):
        for _row, problem in problems:
            feedback.reportError(f"{layer}: {problem.format(tr)}", False)
