"""homestead:boundarypoints — 界址点 JZD and 界址线 JZX of every parcel, and the parcels' 四至."""
from __future__ import annotations

import concurrent.futures
import functools
import threading

import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...cadastre import boundary, four_sides, schema
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library import gpkg_io
from ..library.adapters import read_layer, report_plane, report_problems
from .base import HomesteadAlgorithm

# coded attributes the survey fills in the field: (parameter, schema layer, field, default option index)
CODED = (
    ("POINT_TYPE", schema.JZD, "JZDLX", 1),  # 1 解析: coordinates computed from a survey
    ("MARKER_TYPE", schema.JZD, "JBLX", 0),
    ("LINE_TYPE", schema.JZX, "JZXLB", 0),
    ("LINE_POSITION", schema.JZX, "JZXWZ", 0),
    ("LINE_NATURE", schema.JZX, "JXXZ", 0),
)
CODED_LABELS = {
    "POINT_TYPE": translatable("Boundary point type (JZDLX)"),
    "MARKER_TYPE": translatable("Marker type (JBLX)"),
    "LINE_TYPE": translatable("Boundary line class (JZXLB)"),
    "LINE_POSITION": translatable("Boundary line position (JZXWZ)"),
    "LINE_NATURE": translatable("Boundary line nature (JXXZ)"),
}


def compute_boundaries(source, code_field: str, tolerance: float, context, feedback, read=read_layer):
    """Read the parcels once (``read``: read_layer or a bound gpkg_io.read_input) and number their boundary
    points: (LayerData, codes, Boundaries)."""
    data = read(source, context, feedback, fields=[code_field], required=[code_field])
    report_problems(data, feedback)
    report_plane(data, feedback)
    codes = [boundary.clean_code(c) for c in data.column(code_field)]
    result = boundary.boundaries(data.geometries, codes, tolerance, data.ids, code_field)
    for _index, problem in result.problems:
        feedback.reportError(problem.format(tr), False)
    return data, codes, result


def coded_value(layer: schema.Layer, field_name: str, option: int):
    """The code of enum ``option`` (0 = not recorded → None)."""
    codes = list(schema.CODELISTS[layer.field(field_name).codelist])
    return None if option <= 0 else codes[option - 1]


class BoundaryPointsAlgorithm(HomesteadAlgorithm):
    NAME = "boundarypoints"
    DISPLAY_NAME = translatable("Boundary points and lines (JZD, JZX, 四至)")
    GROUP = "geometry"

    INPUT, CODE_FIELD, TOLERANCE = "INPUT", "CODE_FIELD", "TOLERANCE"
    ROADS, ROAD_NAME_FIELD, ROAD_DISTANCE = "ROADS", "ROAD_NAME_FIELD", "ROAD_DISTANCE"
    OUTPUT_POINTS, OUTPUT_LINES, OUTPUT = "OUTPUT_POINTS", "OUTPUT_LINES", "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Parcels (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        # optional, defaulting to ZDDM: QGIS 3.22 refuses an omitted required field parameter despite its default
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("Parcel code field"), "ZDDM", self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, tr("Tolerance: one physical point within (m)"), QgsProcessingParameterNumber.Double,
            boundary.DEFAULT_TOLERANCE, minValue=0.0, maxValue=10.0))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.ROADS, tr("Roads, lanes, ditches and other named features for 四至 (e.g. DXT_DL, DXT_SX)"),
            QgsProcessing.TypeVectorAnyGeometry, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ROAD_NAME_FIELD, tr("Name field of those layers"), "MC", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.ROAD_DISTANCE, tr("四至 search distance: beyond it a side is 空地 (m)"), QgsProcessingParameterNumber.Double,
            four_sides.DEFAULT_DISTANCE, minValue=0.01))
        not_recorded = tr("(not recorded)")
        for name, layer, field_name, default in CODED:
            options = [not_recorded] + [f"{code} {label}" for code, label in schema.CODELISTS[layer.field(field_name).codelist].items()]
            param = QgsProcessingParameterEnum(name, tr(CODED_LABELS[name]), options, defaultValue=default)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_POINTS, tr("Boundary points (JZD)"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_LINES, tr("Boundary lines (JZX)"), QgsProcessing.TypeVectorLine, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Parcels with 四至"), QgsProcessing.TypeVectorPolygon, optional=True))

    def process(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or "ZDDM"
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        data, codes, result = compute_boundaries(source, code_field, tolerance, context, steps,
                                                 read=functools.partial(gpkg_io.read_input, self, parameters, self.INPUT))
        coded = {name: coded_value(layer, field_name, self.parameterAsEnum(parameters, name, context))
                 for name, layer, field_name, _default in CODED}

        steps.setCurrentStep(1)
        code_of = np.array(codes + [""], dtype=object)  # index -1 (no neighbour) → ""
        stop = threading.Event()  # set when the writing fails: the 四至 are then left unfinished, not waited for
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            try:
                # the 四至 (GEOS and numpy, mostly free of the GIL) computed beside the writing of the points and lines
                awaiting = (self._four_sides(parameters, context, steps, data, codes, pool, stop)
                            if self.asked_for(parameters, self.OUTPUT) else None)
                steps.setCurrentStep(2)
                results = {self.OUTPUT_POINTS: self._write_points(parameters, context, steps, data.crs, result.points,
                                                                  code_of, coded)}
                steps.setCurrentStep(3)
                if self.asked_for(parameters, self.OUTPUT_LINES):
                    results[self.OUTPUT_LINES] = self._write_lines(parameters, context, steps, data.crs, result.lines,
                                                                   code_of, coded)
                steps.setCurrentStep(4)
                sides = None if awaiting is None else awaiting()
            finally:
                stop.set()
        if sides is not None:
            names = ("ZDSZD", "ZDSZN", "ZDSZX", "ZDSZB")
            values = {name: [row[k] or None for row in sides] for k, name in enumerate(names)}
            results[self.OUTPUT] = gpkg_io.copy_out(self, parameters, self.INPUT, self.OUTPUT, context, source,
                                                    [schema.ZD.field(name) for name in names], data.ids, values, steps)

        points, lines = result.points, result.lines
        feedback.pushInfo(tr(
            "{parcels} parcels: {points} boundary points ({physical} physical points), {lines} boundary lines."
        ).format(parcels=int(result.numbered.sum()), points=len(points),
                 physical=len(np.unique(points.point_id)), lines=len(lines)))
        skipped = len(data) - int(result.numbered.sum())
        if skipped:
            feedback.reportError(tr("{n} parcels got no boundary points; the messages above say why.").format(n=skipped), False)
        return results

    def _write_points(self, parameters, context, feedback, crs, points, code_of, coded):
        marker, point_type = coded["MARKER_TYPE"], coded["POINT_TYPE"]
        rows = [
            [bsm, schema.YSDM["JZD"], code, f"J{seq}", seq, marker, point_type, x, y, pid]
            for bsm, code, seq, pid, x, y in zip(
                range(1, len(points) + 1), code_of[points.parcel].tolist(), points.sequence.tolist(),
                points.point_id.tolist(), np.round(points.xy[:, 1], 3).tolist(), np.round(points.xy[:, 0], 3).tolist())
        ]  # XZBZ = X = northing, YZBZ = Y = easting
        return gpkg_io.write_out(self, parameters, self.OUTPUT_POINTS, context, schema.JZD, crs, rows,
                                 shapely.points(points.xy), feedback)

    def _write_lines(self, parameters, context, feedback, crs, lines, code_of, coded):
        line_type, position, nature = coded["LINE_TYPE"], coded["LINE_POSITION"], coded["LINE_NATURE"]
        rows = [
            [bsm, schema.YSDM["JZX"], code, length, line_type, position, nature, None, f"J{start}", f"J{end}", neighbour or None, None]
            for bsm, code, length, start, end, neighbour in zip(
                range(1, len(lines) + 1), code_of[lines.parcel].tolist(), np.round(lines.length, 2).tolist(),
                lines.start.tolist(), lines.end.tolist(), code_of[lines.neighbour].tolist())
        ]
        return gpkg_io.write_out(self, parameters, self.OUTPUT_LINES, context, schema.JZX, crs, rows,
                                 shapely.linestrings(np.stack([lines.start_xy, lines.end_xy], axis=1)), feedback)

    def _four_sides(self, parameters, context, feedback, data, codes, pool, stop):
        """四至 of every parcel from its neighbours and the named features of the ROADS layers, computed on
        ``pool`` (the layers are read here) until done, canceled or ``stop`` is set: a function that waits for
        them, reports and returns them."""
        name_field = self.parameterAsString(parameters, self.ROAD_NAME_FIELD, context) or "MC"
        features, names = [], []
        for layer in self.parameterAsLayerList(parameters, self.ROADS, context):
            layer_data = read_layer(layer, context, feedback, fields=[name_field], required=[name_field], crs=data.crs)
            report_problems(layer_data, feedback)
            features.extend(layer_data.geometries)
            names.extend(layer_data.column(name_field))
        distance = self.parameterAsDouble(parameters, self.ROAD_DISTANCE, context)
        future = pool.submit(four_sides.four_sides, data.geometries, codes, features, names, distance,
                             canceled=lambda: stop.is_set() or feedback.isCanceled())

        def sides():
            found = future.result()
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            open_sides = sum(row.count(four_sides.OPEN_LAND) for row in found)
            feedback.pushInfo(tr("四至: {n} sides have nothing within {distance} m and are recorded as 空地.").format(
                n=open_sides, distance=distance))
            return found
        return sides
