"""homestead:parcelareas — 宗地面积, the houses' footprint and floor area, building density and floor-area ratio."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...cadastre import areas, schema
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library import gpkg_io
from ..library.adapters import report_plane, report_problems
from .base import HomesteadAlgorithm

DEFAULT_SCALE = 1000


def optional_field(source, name: str):
    """``name`` when ``source`` has that field, else None."""
    return name if name and source is not None and source.fields().indexOf(name) >= 0 else None


class ParcelAreasAlgorithm(HomesteadAlgorithm):
    NAME = "parcelareas"
    DISPLAY_NAME = translatable("Parcel and building areas")
    GROUP = "geometry"

    INPUT, BUILDINGS, CODE_FIELD, RECORDED_AREA_FIELD, SCALE = "INPUT", "BUILDINGS", "CODE_FIELD", "RECORDED_AREA_FIELD", "SCALE"
    BUILDING_CODE_FIELD, STOREYS_FIELD, FLOOR_AREA_FIELD, OUTPUT = "BUILDING_CODE_FIELD", "STOREYS_FIELD", "FLOOR_AREA_FIELD", "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Parcels (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("Parcel code field"), "ZDDM", self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.RECORDED_AREA_FIELD, tr("Recorded area field to check (e.g. DCMJ 调查面积)"), None, self.INPUT,
            QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SCALE, tr("Map scale denominator M for the tolerance ΔP = 0.0003·M·√P"),
            QgsProcessingParameterNumber.Integer, DEFAULT_SCALE, minValue=1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, tr("Houses (ZRZ)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.BUILDING_CODE_FIELD, tr("House: parcel code field"), "ZDDM", self.BUILDINGS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STOREYS_FIELD, tr("House: storeys field (ZCS)"), "ZCS", self.BUILDINGS,
            QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.FLOOR_AREA_FIELD, tr("House: measured floor area field (SCJZMJ)"), "SCJZMJ", self.BUILDINGS,
            QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Parcels with areas"), QgsProcessing.TypeVectorPolygon))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        code_field = optional_field(source, self.parameterAsString(parameters, self.CODE_FIELD, context))
        recorded_field = optional_field(source, self.parameterAsString(parameters, self.RECORDED_AREA_FIELD, context))
        scale = self.parameterAsInt(parameters, self.SCALE, context)
        wanted = [f for f in (code_field, recorded_field) if f]
        data = gpkg_io.read_input(self, parameters, self.INPUT, source, context, feedback, fields=wanted)
        report_problems(data, feedback)
        report_plane(data, feedback)
        feedback.setProgress(20)
        codes = data.column(code_field) if code_field else [None] * len(data)
        zdmj, problems = areas.parcel_areas(data.geometries, data.ids, codes)
        values = {"ZDMJ": areas.stored_areas(zdmj)}
        added = [schema.ZD.field("ZDMJ")]

        if recorded_field:
            check = areas.check_recorded_areas(values["ZDMJ"], data.column(recorded_field), scale)
            values.update(MJJC=areas.half_up_array(check.difference, 2), MJXC=areas.half_up_array(check.tolerance, 2),
                          MJCX=np.where(np.isnan(check.difference), np.nan, check.exceeded.astype(float)))
            added += [schema.ZD.field(name) for name in ("MJJC", "MJXC", "MJCX")]
            for i in np.flatnonzero(check.exceeded):
                feedback.reportError(tr(
                    "Parcel {code} (feature {fid}): the computed area {area:.2f} m² differs from the recorded {recorded:.2f} m² "
                    "by {difference:+.2f} m² (computed − recorded), more than the tolerance ΔP = {tolerance:.2f} m² at 1:{scale}."
                ).format(code=codes[i] or "—", fid=int(data.ids[i]), area=areas.shown_area(values["ZDMJ"][i]),
                         recorded=areas.shown_area(values["ZDMJ"][i] - check.difference[i]),
                         difference=areas.half_up(check.difference[i], 2), tolerance=check.tolerance[i], scale=scale), False)
            feedback.pushInfo(tr("{n} of {total} parcels differ from {field} by more than ΔP.").format(
                n=int(check.exceeded.sum()), total=len(data), field=recorded_field))

        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        added += [schema.ZD.field(name) for name in ("JZZDMJ", "JZMJ", "JZMD", "RJL")]
        if buildings is not None:
            feedback.setProgress(40)
            figures = self._building_figures(parameters, context, feedback, data, codes, zdmj, buildings)
            values.update(
                JZZDMJ=np.round(figures.footprint, 2), JZMJ=np.round(figures.floor_area, 2),
                JZMD=np.round(figures.density(zdmj), 2), RJL=np.round(figures.floor_area_ratio(zdmj), 2))
        for _index, problem in problems:
            feedback.reportError(problem.format(tr), False)

        feedback.setProgress(70)
        dest = gpkg_io.copy_out(self, parameters, self.INPUT, self.OUTPUT, context, source, added, data.ids, values, feedback)
        total = np.nansum(zdmj)
        feedback.pushInfo(tr("Measured {n} parcels on {crs}: {total:.2f} m² in all.").format(
            n=int(np.count_nonzero(~np.isnan(zdmj))), crs=data.crs.authid(), total=total))
        feedback.setProgress(100)
        return {self.OUTPUT: dest}

    def _building_figures(self, parameters, context, feedback, data, codes, zdmj, buildings):
        code_field = optional_field(buildings, self.parameterAsString(parameters, self.BUILDING_CODE_FIELD, context))
        storeys_field = optional_field(buildings, self.parameterAsString(parameters, self.STOREYS_FIELD, context))
        floor_field = optional_field(buildings, self.parameterAsString(parameters, self.FLOOR_AREA_FIELD, context))
        houses = gpkg_io.read_input(self, parameters, self.BUILDINGS, buildings, context, feedback,
                                    fields=[f for f in (code_field, storeys_field, floor_field) if f], crs=data.crs)
        report_problems(houses, feedback)
        if code_field:
            feedback.pushInfo(tr("Houses with a parcel code in {field} count for that parcel; the others by location "
                                 "(the part of the footprint inside each parcel).").format(field=code_field))
        else:
            feedback.pushInfo(tr("Houses are assigned by location: each parcel gets the part of a footprint inside it."))
        if not storeys_field and not floor_field:
            feedback.reportError(tr("The house layer has neither a storeys field nor a measured floor area field: "
                                    "floor areas (JZMJ) and floor-area ratios (RJL) stay empty."), False)
        n = len(houses)
        figures = areas.building_figures(
            data.geometries, codes, houses.geometries,
            houses.column(code_field) if code_field else None,
            houses.column(storeys_field) if storeys_field else [None] * n,
            houses.column(floor_field) if floor_field else [None] * n,
            building_ids=houses.ids, parcel_usable=~np.isnan(zdmj),
        )
        for _index, problem in figures.problems:
            if problem.id == "BUILDING_NO_STOREYS" and not storeys_field and not floor_field:
                continue  # said once above for the whole layer
            feedback.reportError(problem.format(tr), False)
        return figures

