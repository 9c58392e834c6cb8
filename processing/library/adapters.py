"""Layer ⇄ plain data: one conversion in (WKB → shapely arrays + attribute columns), one out (sink).

Domain functions in cadastre/ never see a QgsFeature; algorithms never loop over features to do geometry.
Measuring happens on a survey plane: a layer in a CGCS2000 3° zone is measured in its own CRS; a layer in any
other CRS (geographic, Web Mercator, UTM, Xian 1980 …) is transformed to the CGCS2000 3° zone (zone number in the
easting, EPSG:4513-4533) that contains its data, and the CRS used is reported.
"""
from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from ... import compat
from ...cadastre import schema, zones
from ...cadastre.messages import Problem, translatable
from ...i18n import tr
from .layers import qgs_field

CGCS2000 = QgsCoordinateReferenceSystem(f"EPSG:{zones.CGCS2000_GEOGRAPHIC}")
SCALE_TOLERANCE = 0.0015  # a UTM zone's edge at the equator: 1.00098
BATCH = 5000  # features handed to a sink at once (one addFeatures call is much cheaper than many addFeature)
KEEP = type("Keep", (), {"__repr__": lambda self: "KEEP", "__doc__": "A computed value that leaves the input's as it is."})()


@dataclass
class LayerData:
    """A layer as plain data, in a metric survey CRS.

    ``geometries`` is an object array of shapely geometries (2-D; None where the feature has none), aligned
    with ``ids`` (QGIS feature ids) and with each list in ``attributes``. ``problems`` holds what was noticed
    while reading (fid, Problem): Z/M dropped, missing or empty geometry.
    """

    name: str
    ids: np.ndarray
    geometries: np.ndarray
    attributes: Dict[str, list]
    crs: QgsCoordinateReferenceSystem
    source_crs: QgsCoordinateReferenceSystem
    problems: List[Tuple[int, Problem]] = field(default_factory=list)
    features: Optional[list] = None  # the QgsFeatures as read (all attributes, source geometry) when asked for

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def reprojected(self) -> bool:
        return self.crs != self.source_crs

    def column(self, name: str) -> list:
        if name not in self.attributes:
            raise QgsProcessingException(tr(
                "Layer {layer} lacks the field {field}. Add it, or import the data with homestead:importsurvey to "
                "map your fields onto the survey schema.").format(layer=self.name, field=name))
        return self.attributes[name]


def zone_of_crs(crs: QgsCoordinateReferenceSystem) -> Optional[Tuple[int, bool]]:
    """(zone, prefixed) when ``crs`` is a CGCS2000 3° zone, by its EPSG code or by its definition; else None."""
    authid = crs.authid()
    if authid.upper().startswith("EPSG:") and authid[5:].isdigit():
        found = zones.zone_of_epsg(int(authid[5:]))
        if found:
            return found
    return zones.zone_of_proj(crs.toProj())


def survey_plane_for(source, context=None) -> QgsCoordinateReferenceSystem:
    """The CRS to measure ``source`` in: its own when it is a CGCS2000 3° zone, else (geographic, Web Mercator,
    UTM, Xian 1980, Beijing 1954 …) the CGCS2000 3° zone its data lies in. Data outside China is measured on
    its own plane when that is true to scale there (UTM, a national grid), and refused otherwise."""
    return _plane(source, context, abroad=None)


def check_plane_for(source, context=None, override: Optional[QgsCoordinateReferenceSystem] = None) -> QgsCoordinateReferenceSystem:
    """The plane to overlay and check ``source`` on: ``override`` when valid, else survey_plane_for(source).

    Unlike measuring a survey, a check may run on data from outside China (e.g. test data): a layer outside the
    CGCS2000 zones whose own plane is not true to scale there goes to its WGS 84 / UTM zone, where lengths and
    areas are true to 0.04 % or better across a village, instead of being refused.
    """
    if override is not None and override.isValid():
        if override.isGeographic():
            raise QgsProcessingException(tr(
                "The target CRS {crs} is geographic (degrees); choose a projected CRS in metres, e.g. the survey's "
                "CGCS2000 3° zone.").format(crs=override.authid()))
        return override
    return _plane(source, context, abroad="utm")


def _plane(source, context, abroad: Optional[str]) -> QgsCoordinateReferenceSystem:
    """survey_plane_for (``abroad`` None: refuse what has no plane) or check_plane_for (``abroad`` "utm")."""
    crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
    if not crs.isValid():
        raise QgsProcessingException(tr(
            "Layer {layer} has no coordinate reference system. Set its CRS (Layer Properties ▸ Source) "
            "to the survey's CGCS2000 3° zone before measuring."
        ).format(layer=_name(source)))
    if zone_of_crs(crs) is not None:
        return crs
    if not crs.isGeographic() and crs.mapUnits() != QgsUnitTypes.DistanceMeters:  # feet, a GeoPackage's "Undefined SRS"
        raise QgsProcessingException(tr(
            "Layer {layer} is in {crs}, whose unit is not the metre; reproject it to the survey's CGCS2000 3° zone "
            "(e.g. EPSG:4525) first."
        ).format(layer=_name(source), crs=crs.authid() or crs.description()))
    if not crs.isGeographic() and not source.featureCount():
        return crs  # nothing to measure, nowhere to find the zone
    centre = _geographic_centre(source, crs, context)
    if zones.is_in_china_zones(centre.x()):
        return QgsCoordinateReferenceSystem(f"EPSG:{zones.epsg_for_zone(zones.zone_of_longitude(centre.x()), prefixed=True)}")
    if not crs.isGeographic() and _true_to_scale(source, crs, context):
        return crs
    if abroad == "utm":
        return QgsCoordinateReferenceSystem(f"EPSG:{zones.utm_epsg(centre.x(), centre.y())}")
    if crs.isGeographic():
        raise QgsProcessingException(tr(
            "Layer {layer} lies at longitude {lon:.3f}°, outside China's CGCS2000 3° zones; check its CRS."
        ).format(layer=_name(source), lon=centre.x()))
    raise QgsProcessingException(tr(
        "Layer {layer} is in {crs} and lies at longitude {lon:.3f}°, outside China's CGCS2000 3° zones: there is no "
        "survey plane to measure it on. Check its CRS, or reproject it to a plane true to scale there (e.g. its UTM "
        "zone) first."
    ).format(layer=_name(source), crs=crs.authid() or crs.description(), lon=centre.x()))


def _true_to_scale(source, crs, context) -> bool:
    """Whether 1 m east and 1 m north at the centre of ``source`` on the plane of ``crs`` are 1 m on the
    ellipsoid within SCALE_TOLERANCE: a local survey plane (UTM, a national grid), unlike Web Mercator."""
    transform_context = context.transformContext() if context is not None else QgsProject.instance().transformContext()
    to_degrees = QgsCoordinateTransform(crs, CGCS2000, transform_context)
    ellipsoid = QgsDistanceArea()
    ellipsoid.setSourceCrs(CGCS2000, transform_context)
    ellipsoid.setEllipsoid("EPSG:7019")  # GRS 80
    centre = _extent(source, to_degrees).center()
    here = to_degrees.transform(centre)
    for dx, dy in ((1.0, 0.0), (0.0, 1.0)):
        there = to_degrees.transform(QgsPointXY(centre.x() + dx, centre.y() + dy))
        if not abs(ellipsoid.measureLine(here, there) - 1.0) <= SCALE_TOLERANCE:  # NaN: not true to scale
            return False
    return True


def _geographic_centre(source, crs, context):
    """Centre of ``source``'s extent in CGCS2000 longitude/latitude (refuses an empty layer)."""
    if not source.featureCount():
        raise QgsProcessingException(tr("Layer {layer} is empty: nothing to measure.").format(layer=_name(source)))
    transform_context = context.transformContext() if context is not None else QgsProject.instance().transformContext()
    to_degrees = QgsCoordinateTransform(crs, CGCS2000, transform_context)
    return to_degrees.transform(_extent(source, to_degrees).center())


def _extent(source, to_degrees: QgsCoordinateTransform):
    """``source``'s extent; when a NaN or infinite vertex spoilt the stored one (its centre is no longitude and
    latitude), the extent of the features whose bounding boxes are finite."""
    extent = source.sourceExtent() if hasattr(source, "sourceExtent") else source.extent()
    try:
        centre = to_degrees.transform(extent.center())
        if math.isfinite(centre.x()) and math.isfinite(centre.y()) and abs(centre.x()) <= 180 and abs(centre.y()) <= 90:
            return extent
    except QgsCsException:
        pass
    finite = QgsRectangle()
    finite.setMinimal()
    request = QgsFeatureRequest().setNoAttributes()
    for feature in _features(source, request):
        box = feature.geometry().boundingBox()
        if all(math.isfinite(v) for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())):
            finite.combineExtentWith(box)
    return finite


def read_layer(
    source,
    context=None,
    feedback=None,
    fields: Optional[Sequence[str]] = None,
    crs: Optional[QgsCoordinateReferenceSystem] = None,
    geometry: bool = True,
    required: Sequence[str] = (),
    keep_features: bool = False,
    dimension: Optional[int] = None,
) -> LayerData:
    """Read ``source`` (QgsVectorLayer or QgsProcessingFeatureSource) once into plain data.

    ``fields``: attribute columns to read (None: all). ``required``: fields that must exist, else a translated
    refusal naming them. ``crs``: the plane to transform to (default: survey_plane_for(source)).
    Invalid geometries are read as they are (see _features): the caller reports them per feature.
    ``keep_features``: also keep the QgsFeatures themselves, with all their attributes and untransformed
    geometry, to write them out again with computed fields (write_features_with) without a second read.
    ``dimension``: what the caller draws or writes (0 points, 1 lines, 2 polygons): a geometry collection is
    read as its parts of that dimension (default: its parts of the highest one).
    """
    name = _name(source)
    source_fields = source.fields()
    require_fields(source, required)
    wanted = [f.name() for f in source_fields] if fields is None else [f for f in fields if source_fields.indexOf(f) >= 0]
    indices = [source_fields.indexOf(f) for f in wanted]
    source_crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
    target = crs if crs is not None else (survey_plane_for(source, context) if geometry else source_crs)
    transform = None
    if geometry and target.isValid() and source_crs.isValid() and target != source_crs:
        transform_context = context.transformContext() if context is not None else QgsProject.instance().transformContext()
        transform = QgsCoordinateTransform(source_crs, target, transform_context)

    request = QgsFeatureRequest()
    if not keep_features:
        request.setSubsetOfAttributes(indices)
    if not geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    total = source.featureCount() or 0
    ids: List[int] = []
    features = _features(source, request)
    wkbs: List[Optional[bytes]] = []
    columns: Dict[str, list] = {f: [] for f in wanted}
    problems: List[Tuple[int, Problem]] = []
    kept: Optional[list] = [] if keep_features else None
    slots = list(zip(wanted, indices))
    few = len(slots) * 4 <= len(source_fields)
    for n, feature in enumerate(features):
        if kept is not None:
            kept.append(feature)
        if feedback is not None and n % 1000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            if total:
                feedback.setProgress(100.0 * n / total)
        fid = feature.id()
        ids.append(fid)
        if few:  # one value at a time: attributes() converts every field (~65 µs for a 68-field parcel)
            for f, i in slots:
                columns[f].append(_python_value(feature.attribute(i)))
        else:
            attrs = feature.attributes()
            for f, i in slots:
                columns[f].append(_python_value(attrs[i]))
        if not geometry:
            continue
        geom = feature.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            problems.append((fid, Problem("GEOM_EMPTY", translatable("Feature {fid} of {layer} has no geometry."), {"fid": fid, "layer": name})))
            wkbs.append(None)
            continue
        wkb_type = geom.wkbType()
        if QgsWkbTypes.hasZ(wkb_type) or QgsWkbTypes.hasM(wkb_type):
            problems.append((fid, Problem("GEOM_ZM", translatable("Feature {fid} of {layer} has Z/M values; they were ignored (areas are planar)."), {"fid": fid, "layer": name})))
        if QgsWkbTypes.isCurvedType(wkb_type):  # shapely reads no arcs: QGIS's default linearisation
            problems.append((fid, Problem("GEOM_CURVE", translatable(
                "Feature {fid} of {layer} has curved edges; they were replaced by straight segments (1° of arc each) "
                "for this computation."), {"fid": fid, "layer": name})))
            geom = QgsGeometry(geom.constGet().segmentize())
        if transform is not None:
            geom = QgsGeometry(geom)
            geom.transform(transform)
        wkbs.append(bytes(geom.asWkb()))
    for f, i in slots:
        if f in NUMERIC and not source_fields.at(i).isNumeric():
            columns[f] = _numbers(columns[f], NUMERIC[f], ids, name, f)
    geometries = np.empty(len(ids), dtype=object)
    if geometry and ids:
        present = np.array([w is not None for w in wkbs])
        if present.any():
            parsed = shapely.from_wkb([w for w in wkbs if w is not None], on_invalid="ignore")
            geometries[present] = _without_collections(shapely.force_2d(parsed), np.asarray(ids)[present], name, problems,
                                                      dimension)
            leave_out_nonfinite(name, ids, geometries, problems)
    return LayerData(name, np.asarray(ids, dtype=np.int64), geometries, columns, target, source_crs, problems, kept)


def leave_out_nonfinite(name: str, ids: Sequence[int], geometries: np.ndarray, problems: list) -> None:
    """Set to None each geometry with a NaN or infinite coordinate (GEOS would fail on it, a DXF would carry
    "nan"), adding a problem naming the feature; ``problems`` stays in feature id order."""
    coords, owner = shapely.get_coordinates(geometries, return_index=True)
    rows = np.unique(owner[~np.isfinite(coords).all(axis=1)])
    if not len(rows):
        return
    for row in rows:
        fid = int(ids[row])
        geometries[row] = None
        problems.append((fid, Problem("GEOM_NONFINITE", translatable(
            "Feature {fid} of {layer} has a vertex whose coordinates are not finite numbers (NaN or infinity); it "
            "was left out. Correct or delete that vertex (Vertex Tool) and run again."), {"fid": fid, "layer": name})))
    problems.sort(key=lambda item: item[0])


NUMERIC = schema.numeric_fields()


def _numbers(values: list, kind: str, ids: List[int], layer: str, name: str) -> list:
    """A text column of a numeric schema field as numbers (blank → None); a refusal naming the feature whose
    value is not a number."""
    out = []
    for fid, value in zip(ids, values):
        text = str(value).strip() if value is not None else ""
        if not text:
            out.append(None)
            continue
        try:
            number = float(text)
            out.append(int(number) if kind == schema.INT and number.is_integer() else number)
        except ValueError:
            raise QgsProcessingException(tr(
                "Feature {fid} of layer {layer}: field {field} holds “{value}”, which is not a number. Correct the "
                "value (or empty it), or make {field} a numeric field.").format(
                fid=fid, layer=layer, field=name, value=text[:40])) from None
    return out


COLLECTION_PARTS = (
    translatable("Feature {fid} of {layer} is a geometry collection; only its points were used. Split or clean it "
                 "(Vector ▸ Geometry Tools ▸ Multipart to Singleparts) to keep the rest."),
    translatable("Feature {fid} of {layer} is a geometry collection; only its lines were used. Split or clean it "
                 "(Vector ▸ Geometry Tools ▸ Multipart to Singleparts) to keep the rest."),
    translatable("Feature {fid} of {layer} is a geometry collection; only its polygons were used. Split or clean "
                 "it (Vector ▸ Geometry Tools ▸ Multipart to Singleparts) to keep the rest."),
)


def _without_collections(geometries: np.ndarray, ids: np.ndarray, layer: str, problems: list,
                         wanted: Optional[int] = None) -> np.ndarray:
    """Geometry collections replaced by their parts of dimension ``wanted`` (default: the highest; a collection of a
    polygon, a point and a line: the polygon), each reported."""
    collections = np.flatnonzero(shapely.get_type_id(geometries) == 7)
    for i in collections:
        parts = shapely.get_parts(geometries[i])
        dimension = max(shapely.get_dimensions(parts), default=-1) if wanted is None else wanted
        kept = [p for p in parts if shapely.get_dimensions(p) == dimension]
        if wanted == 0:  # a boundary point is one point
            kept = kept[:1]
        geometries[i] = shapely.union_all(kept) if kept else None
        problems.append((int(ids[i]), Problem("GEOM_COLLECTION", COLLECTION_PARTS[max(dimension, 0)],
                                              {"fid": int(ids[i]), "layer": layer})))
    return geometries


def require_fields(source, required: Sequence[str]) -> None:
    """Refuse ``source`` (translated, naming the layer and fields) when it lacks one of the ``required`` fields."""
    missing = [f for f in required if source.fields().indexOf(f) < 0]
    if missing:
        raise QgsProcessingException(tr(
            "Layer {layer} lacks the field(s) {fields}. Add them, or import the data with "
            "homestead:importsurvey to map your fields onto the survey schema."
        ).format(layer=_name(source), fields=", ".join(missing)))


def transform_geometries(geometries: Sequence, source_crs: QgsCoordinateReferenceSystem,
                         target_crs: QgsCoordinateReferenceSystem, context=None) -> np.ndarray:
    """shapely geometries from ``source_crs`` to ``target_crs`` (None stays None), through QGIS's transform."""
    geoms = np.empty(len(geometries), dtype=object)
    geoms[:] = list(geometries)
    if source_crs == target_crs:
        return geoms
    transform_context = context.transformContext() if context is not None else QgsProject.instance().transformContext()
    transform = QgsCoordinateTransform(source_crs, target_crs, transform_context)
    present = np.flatnonzero(~shapely.is_missing(geoms))
    out = np.empty(len(geoms), dtype=object)
    wkbs = []
    for wkb in shapely.to_wkb(geoms[present], output_dimension=3):  # not 4: see write_rows
        geom = QgsGeometry()
        geom.fromWkb(wkb)
        geom.transform(transform)
        wkbs.append(bytes(geom.asWkb()))
    if wkbs:
        out[present] = shapely.from_wkb(wkbs)
    return out


def output_fields(input_fields: QgsFields, added: Sequence[schema.Field]) -> QgsFields:
    """The input's fields followed by ``added`` (schema fields the algorithm fills) not already present."""
    result = QgsFields(input_fields)
    for f in added:
        if result.indexOf(f.name) < 0:
            result.append(qgs_field(f))
    return result


def write_rows(
    sink: QgsFeatureSink,
    fields: QgsFields,
    rows: Sequence[Sequence],
    geometries: Optional[Sequence] = None,
    feedback=None,
    output: str = "",
) -> int:
    """Write ``rows`` (attribute values in ``fields`` order) with shapely ``geometries`` to ``sink``; a row with
    a text too long for its field is left out and reported (``output``: the output's name). Rows written."""
    # output_dimension=3 (Z kept, never M): inside QGIS (qgis_process, the desktop) shapely may run on QGIS's own
    # GEOS 3.11, which refuses shapely 2.1's default of 4 dimensions
    wkbs = shapely.to_wkb(np.asarray(geometries, dtype=object), output_dimension=3) if geometries is not None else None
    total = len(rows)
    lengths = TextLengths(fields)
    batch: List[QgsFeature] = []
    for n, row in enumerate(rows):
        if feedback is not None and n % 1000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            if total:
                feedback.setProgress(100.0 * n / total)
        if not lengths.fit(row):
            continue
        feature = QgsFeature(fields)
        feature.setAttributes([_qt_value(value) for value in row])
        if wkbs is not None and wkbs[n] is not None:
            geom = QgsGeometry()
            geom.fromWkb(wkbs[n])
            feature.setGeometry(geom)
        batch.append(feature)
        if len(batch) >= BATCH:
            _add(sink, batch)
    _add(sink, batch)
    lengths.report(feedback, output)
    return total - lengths.left_out


class TextLengths:
    """The text limits of an output's fields. QGIS stops a whole layer at the first value longer than its field
    (memory, PostGIS), with its own English message: the feature is left out instead, and said so."""

    ECHO = 24  # characters of a refused value repeated in the message

    def __init__(self, fields: QgsFields):
        self.limits = [(i, fields.at(i).name(), fields.at(i).length()) for i in range(fields.count())
                       if fields.at(i).length() > 0]
        self.refused: Dict[Tuple[str, int, str], int] = {}
        self.left_out = 0

    def fit(self, values: Sequence) -> bool:
        """Whether every text in ``values`` (in field order) fits its field; else counted for report()."""
        return self._fit(lambda index: values[index] if index < len(values) else None)

    def fit_feature(self, feature: QgsFeature) -> bool:
        """fit() for a QgsFeature, reading only the limited fields (attributes() converts them all)."""
        return self._fit(feature.attribute)

    def _fit(self, value_at) -> bool:
        for index, name, length in self.limits:
            value = value_at(index)
            if isinstance(value, str) and len(value) > length:
                key = (name, length, value)
                self.refused[key] = self.refused.get(key, 0) + 1
                self.left_out += 1
                return False
        return True

    def report(self, feedback, output: str = "") -> None:
        """One translated line per refused value (a refusal when there is no feedback to say it in)."""
        for (name, length, value), n in self.refused.items():
            echo = value if len(value) <= self.ECHO else value[:self.ECHO] + "…"
            message = tr(
                "{output}: {n} feature(s) not written: field {field} would hold {value} ({chars} characters), more "
                "than its {length}. Correct the value in the input (a ZDDM has 19 characters) and run again."
            ).format(output=output or tr("the output"), n=n, field=name, value=echo, chars=len(value), length=length)
            if feedback is None:
                raise QgsProcessingException(message)
            feedback.reportError(message, False)


def report_problems(data: LayerData, feedback) -> None:
    """Say what reading the layer noticed, one line per feature (translated)."""
    if data.reprojected:
        feedback.pushInfo(tr("Layer {layer} is measured in {crs} (projected from {source}).").format(
            layer=data.name, crs=data.crs.authid(), source=data.source_crs.authid()))
    for _fid, problem in data.problems:
        feedback.reportError(problem.format(tr), False)


def add_field(fields: QgsFields, name: str, field_type, length: int = 0, precision: int = 0) -> None:
    """Append an ad-hoc output field (for outputs that are not schema layers, e.g. an error layer);
    ``field_type`` a QMetaType.Type (e.g. QMetaType.Type.QString) or a QVariant.Type."""
    fields.append(compat.field(name, field_type, length, precision))


def _features(source, request: QgsFeatureRequest):
    """Features of ``source``, invalid geometries included: the domain code judges validity and names each
    invalid feature, where Processing's invalid-feature filter would stop the run or drop them silently."""
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
    return source.getFeatures(request)


def _name(source) -> str:
    for attr in ("sourceName", "name"):
        if hasattr(source, attr):
            value = getattr(source, attr)()
            if value:
                return value
    return tr("input layer")


def _qt_value(value):
    """Python dates back to Qt types: a QVariant holding a Python date is not written by the providers."""
    if isinstance(value, datetime.datetime):
        return QDateTime(value)
    if isinstance(value, datetime.date):
        return QDate(value)
    return value


def _python_value(value):
    """QVariant NULL and Qt date types → None and Python types."""
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime()
    if hasattr(value, "toPyDate"):
        return value.toPyDate()
    return value


def report_plane(data: LayerData, feedback) -> None:
    """Say which plane ``data`` is measured on (with report_problems, which names the plane of a reprojected
    layer); refuse a projected CRS whose unit is not the metre."""
    if data.crs.mapUnits() != QgsUnitTypes.DistanceMeters:
        raise QgsProcessingException(tr(
            "Layer {layer} is in {crs}, whose unit is not the metre; reproject it to the survey's CGCS2000 3° zone "
            "(e.g. EPSG:4525) first."
        ).format(layer=data.name, crs=data.crs.authid()))
    epsg = data.crs.authid() or data.crs.description()
    if not data.reprojected:  # report_problems says where a reprojected layer is measured
        feedback.pushInfo(tr("Layer {layer} is measured in its own CRS {crs}.").format(layer=data.name, crs=epsg))
    if zone_of_crs(data.crs) is None:
        feedback.pushInfo(tr(
            "{crs} is not a CGCS2000 3° zone: lengths and areas are those of its own plane, not of the survey plane."
        ).format(crs=epsg))


def copy_features(source, sink: QgsFeatureSink, fields: QgsFields, ids: Sequence[int], values: Dict[str, Sequence], feedback=None) -> int:
    """Write every feature of ``source`` (geometry as it is, attributes kept) to ``sink`` with ``fields``,
    setting field ``name`` to ``values[name][row]`` where ``ids[row]`` is the feature's id (KEEP: the input's
    value stays). NaN → NULL."""
    row_of = {int(fid): row for row, fid in enumerate(ids)}
    columns = [(fields.indexOf(name), column) for name, column in values.items()]
    n_source = source.fields().count()
    total = source.featureCount() or 0
    written = 0
    lengths = TextLengths(fields)
    batch: List[QgsFeature] = []
    for n, feature in enumerate(_features(source, QgsFeatureRequest())):
        if feedback is not None and n % 1000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            if total:
                feedback.setProgress(100.0 * n / total)
        attrs = feature.attributes() + [None] * (fields.count() - n_source)
        row = row_of.get(feature.id())
        if row is not None:
            for index, column in columns:
                if column[row] is not KEEP:
                    attrs[index] = _output_value(column[row])
        if not lengths.fit(attrs):
            continue
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        out.setAttributes(attrs)
        batch.append(out)
        if len(batch) >= BATCH:
            written += _add(sink, batch)
    written += _add(sink, batch)
    lengths.report(feedback)
    return written


def write_features_with(features: Sequence, sink: QgsFeatureSink, fields: QgsFields, columns: Dict[str, Sequence],
                        feedback=None) -> int:
    """Write ``features`` (LayerData.features: geometry and attributes as read) to ``sink`` with ``fields``,
    setting the fields named in ``columns`` (one value per feature, in the same order) to the computed values.
    The one-pass sibling of copy_features: nothing is read again, no attribute list is rebuilt. NaN → NULL."""
    slots = [(fields.indexOf(name), _plain(values)) for name, values in columns.items()]
    width = fields.count()
    total = len(features)
    written = 0
    lengths = TextLengths(fields)
    batch: List[QgsFeature] = []
    for n, feature in enumerate(features):
        if feedback is not None and n % 1000 == 0:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            if total:
                feedback.setProgress(100.0 * n / total)
        feature.resizeAttributes(width)  # keeps the input's values, adds empty slots for the new fields
        for index, values in slots:
            feature.setAttribute(index, values[n])
        if not lengths.fit_feature(feature):
            continue
        batch.append(feature)
        if len(batch) >= BATCH:
            written += _add(sink, batch)
    written += _add(sink, batch)
    lengths.report(feedback)
    return written


def _plain(values) -> list:
    """A column as plain Python values for QgsFeature: numpy → Python, NaN → NULL (None)."""
    if isinstance(values, np.ndarray):
        values = values.tolist()
    return [None if isinstance(v, float) and v != v else v for v in values]


def _add(sink: QgsFeatureSink, batch: list) -> int:
    if batch and not sink.addFeatures(batch, QgsFeatureSink.FastInsert):
        raise QgsProcessingException(tr("Could not write the features to the output: {error}").format(
            error=sink.lastError() if hasattr(sink, "lastError") else ""))
    n = len(batch)
    batch.clear()
    return n


def _output_value(value):
    """numpy scalars → Python; NaN → NULL."""
    if value is None:
        return None
    if isinstance(value, (float, np.floating)):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return int(value)
    return value
