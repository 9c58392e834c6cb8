"""homestead:exportdxf — parcels, houses, boundary points and lines with their labels as a DXF for CAD (CASS)."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ...cadastre import boundary
from ...cadastre.maps import cad, maptext
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library.adapters import read_layer, report_plane, report_problems
from ..library.dxf import CODE_PAGE, FONT_FAMILY, write_dxf
from .base import HomesteadAlgorithm
from .parcel_areas import optional_field

SCALES = (500, 1000, 2000)
TEXT_HEIGHT_MM = 2.0  # J-numbers and codes on paper; lengths are 0.8 of it


class ExportDxfAlgorithm(HomesteadAlgorithm):
    NAME = "exportdxf"
    DISPLAY_NAME = translatable("Export to DXF for CAD (宗地, 房屋, 界址点, 界址线, 注记)")
    GROUP = "maps"

    INPUT, CODE_FIELD, AREA_FIELD, BUILDINGS = "INPUT", "CODE_FIELD", "AREA_FIELD", "BUILDINGS"
    STOREYS_FIELD, STRUCTURE_FIELD, TOLERANCE, SCALE, OUTPUT = "STOREYS_FIELD", "STRUCTURE_FIELD", "TOLERANCE", "SCALE", "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Parcels (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.CODE_FIELD, tr("Parcel code field"), "ZDDM", self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_FIELD, tr("Parcel area field to print (empty or NULL: computed on the plane)"), "ZDMJ", self.INPUT,
            QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, tr("Houses (ZRZ)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STOREYS_FIELD, tr("House: storeys field (ZCS)"), "ZCS", self.BUILDINGS, QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.STRUCTURE_FIELD, tr("House: structure field (FWJG)"), "FWJG", self.BUILDINGS, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, tr("Tolerance: one physical point within (m)"), QgsProcessingParameterNumber.Double,
            boundary.DEFAULT_TOLERANCE, minValue=0.0, maxValue=10.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.SCALE, tr("Drawing scale (text heights: 2 mm on paper)"), [f"1:{s}" for s in SCALES], defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("DXF file"), tr("DXF files (*.dxf)")))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(tr("The parcel layer could not be opened."))
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or "ZDDM"
        area_field = optional_field(source, self.parameterAsString(parameters, self.AREA_FIELD, context))
        data = read_layer(source, context, feedback, fields=[f for f in (code_field, area_field) if f], required=[code_field])
        report_problems(data, feedback)
        report_plane(data, feedback)
        codes = [boundary.clean_code(c) for c in data.column(code_field)]
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        feedback.setProgress(20)
        result = boundary.boundaries(data.geometries, codes, tolerance, data.ids, code_field)
        for _index, problem in result.problems:
            feedback.reportError(problem.format(tr), False)
        recorded = data.column(area_field) if area_field else [None] * len(data)
        areas = [float(a) if a is not None else (float(g.area) if g is not None else None)
                 for a, g in zip(recorded, data.geometries)]  # a missing value: the shoelace area on the plane
        houses, house_labels = self._houses(parameters, context, feedback, data.crs)
        scale = SCALES[self.parameterAsEnum(parameters, self.SCALE, context)]
        text_height = TEXT_HEIGHT_MM * scale / 1000.0
        drawing = cad.drawing(data.geometries, codes, areas, result, houses, house_labels, text_height)
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        feedback.setProgress(60)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            write_dxf(path, drawing, feedback)
        except InterruptedError:
            raise QgsProcessingException(tr("Canceled.")) from None
        except OSError as error:
            raise QgsProcessingException(str(error)) from error
        counts = cad.text_counts(drawing)
        feedback.pushInfo(tr(
            "Wrote {path} in {crs}: {parcels} parcel rings, {houses} house rings, {points} boundary points, {lines} "
            "boundary lines, {labels} J-numbers and {lengths} edge lengths; layers {layers}; code page {code_page} "
            "(GBK), text style font {font}."
        ).format(path=path, crs=data.crs.authid(), parcels=sum(1 for r in drawing.rings if r[0] == cad.PARCEL_LAYER),
                 houses=sum(1 for r in drawing.rings if r[0] == cad.HOUSE_LAYER), points=len(drawing.points),
                 lines=len(drawing.segments), labels=counts.get("point", 0), lengths=counts.get("length", 0),
                 layers=", ".join(cad.LAYERS), code_page=CODE_PAGE, font=FONT_FAMILY))
        return {self.OUTPUT: path, "CRS": data.crs.authid()}

    def _houses(self, parameters, context, feedback, crs):
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if source is None:
            return [], []
        storeys = optional_field(source, self.parameterAsString(parameters, self.STOREYS_FIELD, context))
        structure = optional_field(source, self.parameterAsString(parameters, self.STRUCTURE_FIELD, context))
        data = read_layer(source, context, feedback, fields=[f for f in (storeys, structure) if f], crs=crs)
        report_problems(data, feedback)
        n = len(data)
        labels = [maptext.house_label(n_storeys, fwjg) for n_storeys, fwjg in zip(
            data.column(storeys) if storeys else [None] * n, data.column(structure) if structure else [None] * n)]  # as on the maps
        return list(data.geometries), labels
