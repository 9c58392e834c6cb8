"""Bulk GeoPackage input and output for county-sized layers, beside the general QGIS feature path.

Reading 100,000 parcels through QgsFeature iteration, and writing them back one QgsFeature at a time, costs far
more than the geometry work itself. When an input is a whole GeoPackage table (no selection, filter, subset or
unsaved edits) it is read with GDAL's Arrow stream (one call per batch, only the columns needed); when an output
that copies every input feature with a few computed fields goes to a GeoPackage file, the copy is made by SQLite
(`INSERT … SELECT` from the attached input, its R-tree index copied page for page) and only the rows whose
computed values differ from the most common value are updated. Anything else (a memory or PostGIS output, a
shapefile input, a filtered layer) takes the general path in adapters.py, with the same results.
"""
from __future__ import annotations

import collections
import contextlib
import datetime
import math
import os
import sqlite3
import struct
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...cadastre import schema
from ...cadastre.files import atomic_output, temporary_path
from ...cadastre.messages import Problem, translatable
from ...i18n import tr
from .adapters import (
    KEEP,
    LayerData,
    copy_features,
    leave_out_nonfinite,
    output_fields,
    read_layer,
    require_fields,
    survey_plane_for,
    write_rows,
)
from .gpkg_rtree import fill_rtree
from .layers import WKB_TYPES, qgs_fields

ARROW_OPTIONS = ["USE_MASKED_ARRAYS=YES", "INCLUDE_FID=YES", "MAX_FEATURES_IN_BATCH=65536"]


@dataclass(frozen=True)
class GpkgTable:
    """A GeoPackage feature table read whole: file, table name, FID and geometry columns."""

    path: str
    table: str
    fid_column: str
    geometry_column: str
    layer: QgsVectorLayer


def _ogr():
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    return ogr


@contextlib.contextmanager
def _output(algorithm, destination: str):
    """A temporary path for output file ``destination``: handed to the running ``algorithm``'s atomic sinks, so
    that it replaces the output with the others when the algorithm completes (and is removed when it fails);
    without one (a call from a script) renamed as soon as it is written."""
    atomic = getattr(algorithm, "_atomic_sinks", None)
    if atomic is None:
        with atomic_output(destination) as tmp:
            yield tmp
        return
    tmp = temporary_path(os.path.dirname(os.path.abspath(destination)), ".gpkg")
    try:
        yield tmp
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    atomic.adopt(tmp, destination)


def whole_table(algorithm, parameters, name: str, context) -> Optional[GpkgTable]:
    """The GeoPackage table behind feature-source parameter ``name`` when Processing would read all of it
    exactly as stored: an OGR layer on a GeoPackage table, no selection, feature limit, filter, subset string
    or unsaved edits. Else None (read it through QGIS)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", ""):
            return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid() or layer.providerType() != "ogr":
        return None
    if layer.storageType().upper() != "GPKG" or layer.subsetString() or (layer.isEditable() and layer.isModified()):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path) or parts.get("subset"):
        return None
    try:
        dataset = _ogr().Open(path)
        ogr_layer = (dataset.GetLayerByName(parts["layerName"]) if parts.get("layerName")
                     else dataset.GetLayer(int(parts.get("layerId") or 0)))
    except Exception:  # noqa: BLE001 (GDAL raises RuntimeError subclasses; any failure means: not for the fast path)
        return None
    if ogr_layer is None or not ogr_layer.GetGeometryColumn() or not hasattr(ogr_layer, "GetArrowStreamAsNumPy"):
        return None
    return GpkgTable(path, ogr_layer.GetName(), ogr_layer.GetFIDColumn() or "fid", ogr_layer.GetGeometryColumn(), layer)


def file_destination(algorithm, parameters, name: str, context: QgsProcessingContext,
                     source: Optional[GpkgTable] = None) -> Optional[str]:
    """The file path of feature-sink parameter ``name`` when it is a plain GeoPackage file (``….gpkg``, no
    table name, no other provider) other than ``source``'s; the layer is then registered to load on
    completion, as parameterAsSink would. Else None, and nothing is registered (write through parameterAsSink)."""
    value = parameters.get(name)
    sink = value.sink if isinstance(value, QgsProcessingOutputLayerDefinition) else value
    if isinstance(sink, QgsProperty):
        sink = sink.staticValue() if sink.propertyType() == QgsProperty.StaticProperty else None
    if not isinstance(sink, str) or not sink.lower().endswith(".gpkg") or "|" in sink or sink.startswith(("ogr:", "memory:")):
        return None
    if source is not None and os.path.exists(sink) and os.path.samefile(sink, source.path):
        return None
    return algorithm.parameterAsOutputLayer(parameters, name, context)


def write_new(algorithm, parameters, name: str, context, fields: Sequence[schema.Field], geometry_type: str,
              crs, geometries, rows: Sequence[Sequence], feedback=None) -> Optional[str]:
    """``rows`` (plain Python values in ``fields`` order, None for NULL) with 2-D shapely ``geometries`` of
    ``geometry_type`` (schema.POINT, LINE or POLYGON: MultiPolygons, None where a row has no geometry) as a new
    layer of output ``name`` when that is a plain GeoPackage file: the table made by GDAL, the rows inserted and
    the R-tree packed (gpkg_rtree) in one SQLite transaction; written aside and renamed. The destination, or
    None when the output is something else (then write through a QGIS sink)."""
    destination = file_destination(algorithm, parameters, name, context)
    if destination is None:
        return None
    ogr = _ogr()
    from osgeo import osr

    layer_name = os.path.splitext(os.path.basename(destination))[0]
    srs = osr.SpatialReference()
    if crs.authid().upper().startswith("EPSG:"):
        srs.ImportFromEPSG(int(crs.authid().split(":")[1]))
    else:
        srs.ImportFromWkt(crs.toWkt())
    kinds = {schema.POINT: ogr.wkbPoint, schema.LINE: ogr.wkbLineString, schema.POLYGON: ogr.wkbMultiPolygon}
    with _output(algorithm, destination) as tmp:
        out = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
        layer = out.CreateLayer(layer_name, srs, kinds[geometry_type], options=["SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom"])
        for f in fields:
            layer.CreateField(_ogr_field(ogr, f))
        out.FlushCache()
        layer = out = None
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        # the R-tree and its triggers made by GDAL on the empty table (the triggers use GDAL's SQL functions)
        _execute(ogr.Open(tmp, 1), f"SELECT CreateSpatialIndex('{_sql_text(layer_name)}', 'geom')")
        _insert_rows(tmp, layer_name, [f.name for f in fields], np.asarray(geometries, dtype=object), rows)
    if feedback is not None:
        feedback.pushDebugInfo(tr("{n} features written in bulk into {path}.").format(n=len(rows), path=destination))
    return destination


@contextlib.contextmanager
def _filling(path: str, layer_name: str, source: Optional[str] = None):
    """A SQLite connection to the new GeoPackage ``path`` (journal off: a temporary file, renamed when complete),
    ``source`` attached as ``src``, in one transaction with the triggers of table ``layer_name`` (R-tree upkeep,
    GDAL's feature count) set aside; on leaving, the feature count written and the triggers put back."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        if source is not None:
            connection.execute("ATTACH DATABASE ? AS src", (source,))
        triggers = connection.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                                      (layer_name,)).fetchall()
        connection.execute("BEGIN")
        for name, _sql in triggers:
            connection.execute(f"DROP TRIGGER {_quote(name)}")
        yield connection
        if connection.execute("SELECT count(*) FROM main.sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone()[0]:
            connection.execute(f"UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM {_quote(layer_name)}) "
                               "WHERE table_name = ?", (layer_name,))
        for _name, sql in triggers:
            connection.execute(sql)
        connection.execute("COMMIT")
        if source is not None:
            connection.execute("DETACH DATABASE src")
    finally:
        connection.close()


def _insert_rows(path: str, layer_name: str, names: Sequence[str], geometries: np.ndarray, rows: Sequence[Sequence]) -> None:
    """Fill the empty table ``layer_name`` of the new GeoPackage ``path`` and its empty R-tree: GeoPackage
    geometry blobs (header with the srs_id and, but for points, the envelope; then little-endian WKB), GDAL's
    triggers set aside meanwhile, the extent and feature count written."""
    wkbs = shapely.to_wkb(geometries, output_dimension=2, byte_order=1)
    bounds = shapely.bounds(geometries)
    points = bool(len(geometries)) and bool(np.all(shapely.get_type_id(geometries) == 0))
    head = struct.Struct("<2sBBi")
    with _filling(path, layer_name) as connection:
        (srs_id,) = connection.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (layer_name,)).fetchone()
        if points:
            header = head.pack(b"GP", 0, 1, srs_id)
            blobs = [None if w is None else header + w for w in wkbs]
        else:
            header = head.pack(b"GP", 0, 3, srs_id)
            # min x, max x, min y, max y of each geometry as 32 little-endian bytes, all packed at once
            envelopes = np.ascontiguousarray(bounds[:, [0, 2, 1, 3]], dtype="<f8").view("V32").ravel().tolist()
            blobs = [None if w is None else header + e + w for w, e in zip(wkbs, envelopes)]
        columns = ", ".join(_quote(n) for n in ["fid", "geom"] + list(names))
        marks = ", ".join("?" * (len(names) + 2))
        connection.executemany(f"INSERT INTO {_quote(layer_name)} ({columns}) VALUES ({marks})",
                               ((n, blob, *row) for n, (blob, row) in enumerate(zip(blobs, rows), 1)))
        boxed = np.flatnonzero(~np.isnan(bounds[:, 0]))  # rows with a non-empty geometry
        fill_rtree(connection, f"rtree_{layer_name}_geom", boxed + 1, bounds[boxed])
        if len(boxed):
            extent = np.nanmin(bounds[:, 0]), np.nanmin(bounds[:, 1]), np.nanmax(bounds[:, 2]), np.nanmax(bounds[:, 3])
            connection.execute("UPDATE gpkg_contents SET (min_x, min_y, max_x, max_y) = (?, ?, ?, ?) WHERE table_name = ?",
                               (*map(float, extent), layer_name))


def copy_out(algorithm, parameters, input_name: str, output_name: str, context, source, added: Sequence[schema.Field],
             ids: Sequence[int], values: Dict[str, Sequence], feedback=None) -> str:
    """Every feature of input ``input_name`` (``source``) to output ``output_name`` with the ``added`` fields,
    ``values[name][row]`` set on feature ``ids[row]`` (``ids``: every feature, as read_layer reads them): copied
    in bulk from a whole GeoPackage table into a GeoPackage file, else through a QGIS sink. The destination."""
    table = whole_table(algorithm, parameters, input_name, context)
    destination = None if table is None else file_destination(algorithm, parameters, output_name, context, table)
    if destination is not None:
        return copy_with_columns(table, destination, added, ids, values, feedback, algorithm)
    fields = output_fields(source.fields(), added)
    sink, dest = algorithm.parameterAsSink(parameters, output_name, context, fields, source.wkbType(), source.sourceCrs())
    copy_features(source, sink, fields, ids, values, feedback)
    del sink  # closes the file before Processing loads it
    return dest


def write_out(algorithm, parameters, name: str, context, layer: schema.Layer, crs, rows: Sequence[Sequence],
              geometries=None, feedback=None) -> str:
    """``rows`` (values in ``layer``'s field order) with shapely ``geometries`` (of ``layer``'s kind; None for a
    table) as output ``name``: in bulk into a GeoPackage file (write_new), else through a QGIS sink. The
    destination."""
    if layer.geometry != schema.NONE:
        dest = write_new(algorithm, parameters, name, context, layer.fields, layer.geometry, crs, geometries, rows, feedback)
        if dest is not None:
            return dest
    fields = qgs_fields(layer.fields)
    sink, dest = algorithm.parameterAsSink(parameters, name, context, fields, WKB_TYPES[layer.geometry], crs)
    write_rows(sink, fields, rows, geometries, feedback, layer.name)
    del sink  # closes the file before Processing loads it
    return dest


def read_input(algorithm, parameters, name: str, source, context, feedback=None, fields: Optional[Sequence[str]] = None,
               crs=None, required: Sequence[str] = (), keep_features: bool = False) -> LayerData:
    """adapters.read_layer for input parameter ``name`` (``source``): a whole GeoPackage table already on the
    plane ``crs`` (default: its survey plane) is read through GDAL's Arrow stream, anything else, or with
    ``keep_features``, through QGIS. The same LayerData either way."""
    table = None if keep_features else whole_table(algorithm, parameters, name, context)
    if table is not None and not QgsWkbTypes.isCurvedType(table.layer.wkbType()):  # arcs: QGIS linearises
        plane = crs if crs is not None else survey_plane_for(source, context)
        if table.layer.crs() == plane:
            require_fields(source, required)
            return read_table(table, [f.name() for f in source.fields()] if fields is None else fields)
    return read_layer(source, context, feedback, fields=fields, crs=crs, required=required, keep_features=keep_features)


def read_table(table: GpkgTable, fields: Sequence[str] = ()) -> LayerData:
    """``table``'s feature ids, 2-D shapely geometries and the attribute ``fields`` (those it has), with the
    problems adapters.read_layer would note (no geometry, Z/M dropped)."""
    ogr = _ogr()
    dataset = ogr.Open(table.path)
    layer = dataset.GetLayerByName(table.table)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    wanted = [f for f in fields if f in names]
    layer.SetIgnoredFields([n for n in names if n not in wanted])
    fid_key = None
    ids: List[np.ndarray] = []
    wkbs: List[np.ndarray] = []
    columns: Dict[str, list] = {f: [] for f in wanted}
    for batch in layer.GetArrowStreamAsNumPy(options=ARROW_OPTIONS):
        if fid_key is None:
            fid_key = table.fid_column if table.fid_column in batch else "OGC_FID"
        ids.append(np.asarray(batch[fid_key], dtype=np.int64))
        wkbs.append(np.asarray(batch[table.geometry_column], dtype=object))
        for f in wanted:
            columns[f].extend(_python_values(batch[f]))
    fids = np.concatenate(ids) if ids else np.array([], dtype=np.int64)
    wkb = np.concatenate(wkbs) if wkbs else np.array([], dtype=object)
    name = table.layer.name() or table.table
    crs = table.layer.crs()
    problems = []
    geometries = np.empty(len(fids), dtype=object)
    present = np.array([w is not None and len(w) > 0 for w in wkb], dtype=bool)
    if present.any():
        parsed = shapely.from_wkb(wkb[present], on_invalid="ignore")
        with_zm = shapely.has_z(parsed)
        geometries[present] = shapely.force_2d(parsed) if with_zm.any() else parsed
        for fid in fids[present][with_zm]:
            problems.append((int(fid), Problem("GEOM_ZM", translatable(
                "Feature {fid} of {layer} has Z/M values; they were ignored (areas are planar)."),
                {"fid": int(fid), "layer": name})))
    empty = ~present
    empty[present] = shapely.is_empty(geometries[present]) | shapely.is_missing(geometries[present])
    geometries[empty] = None
    for fid in fids[empty]:
        problems.append((int(fid), Problem("GEOM_EMPTY", translatable("Feature {fid} of {layer} has no geometry."),
                                           {"fid": int(fid), "layer": name})))
    leave_out_nonfinite(name, fids, geometries, problems)
    problems.sort(key=lambda item: item[0])
    return LayerData(name, fids, geometries, columns, crs, crs, problems)


def copy_with_columns(table: GpkgTable, destination: str, added: Sequence[schema.Field], fids: Sequence[int],
                      columns: Dict[str, Sequence], feedback=None, algorithm=None) -> str:
    """Write every feature of ``table`` to a new GeoPackage ``destination`` (layer named after the file, as
    QGIS names it), its fields and geometry as stored, plus the ``added`` schema fields it lacks; field
    ``name`` is set to ``columns[name][row]`` for the feature ``fids[row]`` (NaN → NULL; KEEP: the input's value
    stays). Written to a temporary file beside ``destination``, renamed when complete (when ``algorithm``, the
    one running, completes). Returns ``destination``."""
    if os.path.abspath(destination) == os.path.abspath(table.path):
        raise ValueError("the output would replace the input file")
    with sqlite3.connect(table.path) as db:
        count = db.execute(f"SELECT count(*) FROM {_quote(table.table)}").fetchone()[0]
    if count != len(fids):
        raise ValueError(f"values for {len(fids)} of the {count} features of {table.table}")
    ogr = _ogr()
    layer_name = os.path.splitext(os.path.basename(destination))[0]
    with _output(algorithm, destination) as tmp:
        source = ogr.Open(table.path)
        source_layer = source.GetLayerByName(table.table)
        defn = source_layer.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        out = ogr.GetDriverByName("GPKG").CreateDataSource(tmp)
        out_layer = out.CreateLayer(layer_name, source_layer.GetSpatialRef(), source_layer.GetGeomType(),
                                    options=["SPATIAL_INDEX=NO", "FID=fid", f"GEOMETRY_NAME={table.geometry_column}"])
        for i in range(defn.GetFieldCount()):
            out_layer.CreateField(defn.GetFieldDefn(i))
        for f in added:
            if f.name not in names:
                out_layer.CreateField(_ogr_field(ogr, f))
        out.FlushCache()
        del out_layer
        out = None
        # the R-tree and its triggers, made by GDAL on the empty table (the triggers use GDAL's SQL functions)
        _execute(ogr.Open(tmp, 1), f"SELECT CreateSpatialIndex('{_sql_text(layer_name)}', "
                                   f"'{_sql_text(table.geometry_column)}')")
        source = None
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        _bulk_copy(tmp, table, layer_name, names, list(fids), columns)
    if feedback is not None:
        feedback.pushDebugInfo(tr("{n} features of {layer} copied in bulk into {path}.").format(
            n=len(fids), layer=table.layer.name() or table.table, path=destination))
    return destination


def _bulk_copy(path: str, table: GpkgTable, layer_name: str, source_names: Sequence[str], fids: Sequence[int],
               columns: Dict[str, Sequence]) -> None:
    """Fill ``layer_name`` in the new GeoPackage ``path`` from ``table`` with plain SQLite: rows copied by
    INSERT … SELECT with each computed column's most common value, then the other values updated by fid; the
    R-tree copied from the input's (same fids, same geometries) or, when the input has none, built by GDAL.
    The table's triggers (R-tree upkeep, GDAL's feature count) are set aside meanwhile and put back after."""
    rtree = f"rtree_{layer_name}_{table.geometry_column}"
    source_rtree = f"rtree_{table.table}_{table.geometry_column}"
    kept = {name for name, column in columns.items()
            if name in source_names and any(value is KEEP for value in column)}  # copied, then updated where given
    prepared = {name: _prepared(column if isinstance(column, np.ndarray) else [None if v is KEEP else v for v in column])
                for name, column in columns.items() if name not in kept}  # KEEP for a field the input lacks: NULL
    given = {name: _given(columns[name]) for name in kept}
    names = list(prepared)
    copied = [n for n in source_names if n not in prepared]
    changed = np.zeros(len(fids), dtype=bool)
    for _values, _default, differs in prepared.values():
        changed |= differs
    for _flags, _values, differs in given.values():
        changed |= differs
    with _filling(path, layer_name, table.path) as connection:
        has_rtree = connection.execute(
            "SELECT count(*) FROM src.sqlite_master WHERE type = 'table' AND name IN (?, ?, ?)",
            tuple(f"{source_rtree}_{part}" for part in ("node", "parent", "rowid"))).fetchone()[0] == 3
        _align_srs(connection, table, layer_name)
        target = ", ".join(_quote(n) for n in ["fid", table.geometry_column] + copied + names)
        selected = ", ".join([_quote(table.fid_column), _quote(table.geometry_column)] + [_quote(n) for n in copied]
                             + ["?"] * len(names))
        connection.execute(f"INSERT INTO {_quote(layer_name)} ({target}) SELECT {selected} FROM src.{_quote(table.table)}",
                           [prepared[n][1] for n in names])
        rows = np.flatnonzero(changed)
        if len(rows) and (names or given):
            assignments = ", ".join([f"{_quote(n)} = ?" for n in names]
                                    + [f"{_quote(n)} = CASE WHEN ? THEN {_quote(n)} ELSE ? END" for n in given])
            columns_changed = [np.asarray(prepared[n][0], dtype=object)[rows].tolist() for n in names]
            for flags, values, _differs in given.values():
                columns_changed += [flags[rows].tolist(), np.asarray(values, dtype=object)[rows].tolist()]
            connection.executemany(f"UPDATE {_quote(layer_name)} SET {assignments} WHERE fid = ?",
                                   zip(*columns_changed, np.asarray(fids, dtype=np.int64)[rows].tolist()))
        if has_rtree:
            for part in ("node", "parent", "rowid"):
                connection.execute(f"DELETE FROM {_quote(f'{rtree}_{part}')}")
                connection.execute(f"INSERT INTO {_quote(f'{rtree}_{part}')} SELECT * FROM src.{_quote(f'{source_rtree}_{part}')}")
        connection.execute(
            "UPDATE gpkg_contents SET (min_x, min_y, max_x, max_y) = (SELECT min_x, min_y, max_x, max_y FROM "
            "src.gpkg_contents WHERE table_name = ?) WHERE table_name = ?", (table.table, layer_name))
    if not has_rtree:
        geom = _quote(table.geometry_column)
        _execute(_ogr().Open(path, 1), f"INSERT INTO {_quote(rtree)} SELECT fid, ST_MinX({geom}), ST_MaxX({geom}), "
                 f"ST_MinY({geom}), ST_MaxY({geom}) FROM {_quote(layer_name)} WHERE {geom} NOT NULL AND NOT ST_IsEmpty({geom})")


def _given(column):
    """For a column with KEEP values: (1 where the input's value stays, the values SQLite stores, bool per row:
    a value is given)."""
    keep = np.fromiter((v is KEEP for v in column), dtype=bool, count=len(column))
    values = [None if k else _sql_value(v) for k, v in zip(keep, column)]
    return keep.astype(np.int64), values, ~keep


def _prepared(column):
    """(the values as SQLite stores them, the most common one, bool per row: differs from it)."""
    if isinstance(column, np.ndarray) and column.dtype.kind in "fiub":
        data = column.astype(float) if column.dtype.kind == "f" else column
        missing = np.isnan(data) if data.dtype.kind == "f" else np.zeros(len(data), dtype=bool)
        present = data[~missing]
        default = None
        if len(present):
            values, counts = np.unique(present, return_counts=True)
            if counts.max() >= missing.sum():
                default = values[np.argmax(counts)].item()
        differs = missing if default is not None else ~missing
        if default is not None:
            differs = differs | (data != default)
        plain = data.tolist()
        for i in np.flatnonzero(missing):
            plain[i] = None
        return plain, default, differs
    values = [_sql_value(v) for v in column]
    default = collections.Counter(values).most_common(1)[0][0] if values else None
    differs = np.fromiter((v != default for v in values), dtype=bool, count=len(values))
    return values, default, differs


def _execute(dataset, sql: str) -> None:
    """Run one statement through GDAL (which provides the GeoPackage SQL functions) and close the dataset."""
    result = dataset.ExecuteSQL(sql)
    if result is not None:
        dataset.ReleaseResultSet(result)
    dataset.FlushCache()


def _align_srs(connection, table: GpkgTable, layer_name: str) -> None:
    """Give the new table the input's srs_id: geometry blobs are copied as they are, and each names its srs_id."""
    source_srs = connection.execute("SELECT srs_id FROM src.gpkg_geometry_columns WHERE table_name = ?",
                                    (table.table,)).fetchone()
    target_srs = connection.execute("SELECT srs_id FROM main.gpkg_geometry_columns WHERE table_name = ?",
                                    (layer_name,)).fetchone()
    if source_srs is None or target_srs is None or source_srs[0] == target_srs[0]:
        return
    connection.execute("INSERT OR IGNORE INTO main.gpkg_spatial_ref_sys SELECT * FROM src.gpkg_spatial_ref_sys "
                       "WHERE srs_id = ?", source_srs)
    connection.execute("UPDATE main.gpkg_geometry_columns SET srs_id = ? WHERE table_name = ?", (source_srs[0], layer_name))
    connection.execute("UPDATE main.gpkg_contents SET srs_id = ? WHERE table_name = ?", (source_srs[0], layer_name))


def _ogr_field(ogr, f: schema.Field):
    kinds = {schema.TEXT: ogr.OFTString, schema.INT: ogr.OFTInteger, schema.REAL: ogr.OFTReal,
             schema.DATE: ogr.OFTDate, schema.DATETIME: ogr.OFTDateTime}
    field = ogr.FieldDefn(f.name, kinds[f.type])
    if f.length:
        field.SetWidth(f.length)
    if f.precision:
        field.SetPrecision(f.precision)
    return field


def _python_values(array) -> list:
    """An Arrow batch column as Python values: text decoded, masked → None, numpy scalars → Python."""
    mask = np.ma.getmaskarray(array)
    data = np.ma.getdata(array)
    if data.dtype.kind == "S":
        values = data.tolist()
        joined = b"\0".join(values)  # decoded at once: the column's values with NUL between them
        if joined.count(b"\0") == len(values) - 1:
            out = joined.decode("utf-8").split("\0")
        else:
            out = [v.decode("utf-8") for v in values]
    elif data.dtype.kind == "M":
        unit = np.datetime_data(data.dtype)[0]
        out = data.astype("datetime64[D]" if unit == "D" else "datetime64[us]").tolist()
    else:
        out = data.tolist()
    if mask.any():
        for i in np.flatnonzero(mask):
            out[i] = None
    return out


def _sql_value(value):
    """A value SQLite can store: numpy → Python, NaN → NULL, dates as ISO text."""
    if value.__class__ in _STORED_AS_IS:  # the common case first: no conversion
        return value
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


_STORED_AS_IS = frozenset({str, int, type(None), bytes})


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_text(text: str) -> str:
    return text.replace("'", "''")
