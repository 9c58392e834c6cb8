"""homestead:parcelsfrompoints — parcel polygons from a surveyed coordinate file (CSV/TXT/XLSX or CASS .dat).

CASS files go through the same axis/zone detection (survey_points.locate) and ring building as the tables: one
algorithm, so a CASS user gets parcels in one step; the optional point output shows every point read.
"""
from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ...cadastre import areas, schema
from ...cadastre.input import survey_points
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library.adapters import write_rows
from ..library.layers import qgs_fields
from .base import HomesteadAlgorithm

OUTPUT_FIELDS = ("ZDDM", "ZDMJ")


class ParcelsFromPointsAlgorithm(HomesteadAlgorithm):
    NAME = "parcelsfrompoints"
    DISPLAY_NAME = translatable("Parcels from a coordinate file")
    GROUP = "geometry"

    INPUT, SHEET, CRS, OUTPUT = "INPUT", "SHEET", "CRS", "OUTPUT"
    FORMAT, PARCEL_LIST, OUTPUT_POINTS = "FORMAT", "PARCEL_LIST", "OUTPUT_POINTS"
    AUTO, TABLE, CASS = 0, 1, 2
    COLUMNS = {"code": "CODE_COLUMN", "point": "POINT_COLUMN", "x": "X_COLUMN", "y": "Y_COLUMN"}

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Coordinate file (CSV, TXT or XLSX: parcel code, point number, X, Y; or CASS .dat)"),
            fileFilter=tr("Coordinate files (*.csv *.txt *.dat *.xlsx);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, tr("File format"), [
            tr("Automatic (.dat in CASS form: CASS, else table)"), tr("Table with columns"),
            tr("CASS .dat (点名,编码,Y east,X north,H)")], defaultValue=self.AUTO))
        self.addParameter(QgsProcessingParameterFile(
            self.PARCEL_LIST, tr("CASS: parcel list (parcel code, point names in boundary order; empty: 编码 column holds the parcel code)"),
            fileFilter=tr("Text or Excel (*.csv *.txt *.xlsx);;All files (*.*)"), optional=True))
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
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_POINTS, tr("Surveyed points (every point read)"), QgsProcessing.TypeVectorPoint,
            optional=True, createByDefault=False))

    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        chosen = {key: self.parameterAsString(parameters, name, context) for key, name in self.COLUMNS.items()}
        sheet = self.parameterAsString(parameters, self.SHEET, context)
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        epsg = self._epsg(crs)
        list_path = self.parameterAsFile(parameters, self.PARCEL_LIST, context)
        file_format = self.parameterAsEnum(parameters, self.FORMAT, context)
        cass = file_format == self.CASS or (file_format == self.AUTO and survey_points.looks_like_cass(path))
        if list_path and not cass:
            raise QgsProcessingException(tr(
                "A parcel list is only read with a CASS .dat file; {path} is read as a table. Choose the CASS format."
            ).format(path=path))
        survey = survey_points.read_cass_file(path) if cass else survey_points.read_survey_file(path, chosen, sheet)
        points_read = survey.rows
        readable = np.array([not (np.isnan(r.x) or np.isnan(r.y)) for r in points_read], dtype=bool)
        message = tr("Read {n} CASS points from {path} ({encoding}).") if cass else tr("Read {n} rows from {path} ({encoding}).")
        feedback.pushInfo(message.format(n=int(readable.sum()), path=path, encoding=survey.encoding))
        for problem in survey.problems:
            feedback.reportError(problem.format(tr), False)
        if not readable.any():
            raise QgsProcessingException(tr("The coordinate file {path} has no usable rows.").format(path=path))
        plane = survey_points.locate(np.array([r.x for r in points_read])[readable],
                                     np.array([r.y for r in points_read])[readable], epsg)
        for note in plane.notes:
            feedback.pushInfo(note.format(tr))
        for k, i in enumerate(np.flatnonzero(readable)):  # file X/Y → the located northing/easting
            points_read[i].x, points_read[i].y = float(plane.northing[k]), float(plane.easting[k])
        if cass:
            if plane.swapped:
                feedback.pushInfo(tr("CASS files write Y (east) before X (north); this file has them the other way round."))
            parcel_list = survey_points.read_parcel_list(list_path) if list_path else None
            rows, problems = survey_points.cass_parcel_rows(survey, parcel_list)
            for problem in problems:
                feedback.reportError(problem.format(tr), False)
        else:
            rows = survey.rows
        easting = np.array([r.y for r in rows], dtype=float)
        northing = np.array([r.x for r in rows], dtype=float)
        points_dest = self._write_points(parameters, context, plane, points_read, readable,
                                         survey.heights if cass else None)
        feedback.setProgress(40)
        built = survey_points.build_parcels(rows, easting, northing)
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
        results = {self.OUTPUT: dest}
        if points_dest is not None:
            results[self.OUTPUT_POINTS] = points_dest
        return results

    def _write_points(self, parameters, context, plane, points_read, readable, heights):
        """Every readable point on the output plane (axes and zone corrected), with its file line; None when
        the output is not asked for."""
        fields = qgs_fields(schema.CLD.fields)
        target = QgsCoordinateReferenceSystem(f"EPSG:{plane.epsg}")
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_POINTS, context, fields, QgsWkbTypes.Point, target)
        if sink is None:
            return None
        located = np.flatnonzero(readable)
        rows = [[points_read[i].point, points_read[i].code or None, round(float(n), 3), round(float(e), 3),
                 heights[i] if heights else None, points_read[i].line]
                for i, e, n in zip(located, plane.easting, plane.northing)]
        write_rows(sink, fields, rows, shapely.points(plane.easting, plane.northing))
        del sink
        return dest

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
