"""homestead:parcelsfrompoints — parcel polygons from a surveyed coordinate file (CSV/TXT/XLSX)."""
from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..cadastre import areas, schema, survey_points
from ..cadastre.messages import translatable
from ..i18n import tr
from .adapters import write_rows
from .algorithm import HomesteadAlgorithm
from .layers import qgs_fields

OUTPUT_FIELDS = ("ZDDM", "ZDMJ")


class ParcelsFromPointsAlgorithm(HomesteadAlgorithm):
    NAME = "parcelsfrompoints"
    DISPLAY_NAME = translatable("Parcels from a coordinate file")
    GROUP = "geometry"

    INPUT, SHEET, CRS, OUTPUT = "INPUT", "SHEET", "CRS", "OUTPUT"
    COLUMNS = {"code": "CODE_COLUMN", "point": "POINT_COLUMN", "x": "X_COLUMN", "y": "Y_COLUMN"}

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Coordinate file (CSV, TXT or XLSX: parcel code, point number, X, Y)"),
            fileFilter=tr("Coordinate files (*.csv *.txt *.dat *.xlsx);;All files (*.*)")))
        labels = {
            "code": tr("Parcel code column (name or number; empty: ZDDM/宗地代码…)"),
            "point": tr("Point number column (empty: JZDH/点号…)"),
            "x": tr("X (northing) column (empty: X/XZBZ…)"),
            "y": tr("Y (easting) column (empty: Y/YZBZ…)"),
        }
        for key, name in self.COLUMNS.items():
            self.addParameter(QgsProcessingParameterString(name, labels[key], "", optional=True))
        self.addParameter(QgsProcessingParameterString(self.SHEET, tr("Sheet (XLSX; empty: the first)"), "", optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, tr("CRS of the coordinates (empty: from the zone number in the eastings)"), None, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Parcels"), QgsProcessing.TypeVectorPolygon))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        chosen = {key: self.parameterAsString(parameters, name, context) for key, name in self.COLUMNS.items()}
        sheet = self.parameterAsString(parameters, self.SHEET, context)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        epsg = self._epsg(crs)
        survey = survey_points.read_survey_file(path, chosen, sheet)
        feedback.pushInfo(tr("Read {n} rows from {path} ({encoding}).").format(n=len(survey.rows), path=path, encoding=survey.encoding))
        for problem in survey.problems:
            feedback.reportError(problem.format(tr), False)
        if not survey.rows:
            raise QgsProcessingException(tr("The coordinate file {path} has no usable rows.").format(path=path))
        x = np.array([r.x for r in survey.rows])
        y = np.array([r.y for r in survey.rows])
        readable = ~(np.isnan(x) | np.isnan(y))
        plane = survey_points.locate(x[readable], y[readable], epsg)
        easting, northing = np.full(len(x), np.nan), np.full(len(x), np.nan)
        easting[readable], northing[readable] = plane.easting, plane.northing
        for note in plane.notes:
            feedback.pushInfo(note.format(tr))
        feedback.setProgress(40)
        built = survey_points.build_parcels(survey.rows, easting, northing)
        for problem in built.problems:
            feedback.reportError(problem.format(tr), False)

        target = QgsCoordinateReferenceSystem(f"EPSG:{plane.epsg}")
        fields = qgs_fields(schema.ZD.field(name) for name in OUTPUT_FIELDS)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, target)
        geometries = [g if g.geom_type == "MultiPolygon" else shapely.MultiPolygon([g]) for g in built.geometries]
        measured, _problems = areas.parcel_areas(built.geometries)
        rows = [[code, round(float(a), areas.AREA_DECIMALS)] for code, a in zip(built.codes, measured)]
        write_rows(sink, fields, rows, geometries, feedback)
        feedback.pushInfo(tr("Built {n} parcels; {rejected} rejected (see the messages above).").format(
            n=len(built.codes), rejected=len(built.problems)))
        return {self.OUTPUT: dest}

    @staticmethod
    def _epsg(crs: QgsCoordinateReferenceSystem):
        if not crs.isValid():
            return None
        authid = crs.authid()
        if not authid.startswith("EPSG:") or crs.isGeographic():
            raise QgsProcessingException(tr(
                "The coordinates' CRS must be a projected EPSG CRS such as a CGCS2000 3° zone (EPSG:4513-4554); {crs} is not."
            ).format(crs=authid or crs.description()))
        return int(authid.split(":")[1])
