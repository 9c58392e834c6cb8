"""homestead:importsurvey — survey data from shapefile, GeoPackage, DXF, CSV or XLSX into a schema layer.

Fields are mapped (explicit entries, a preset, then same name or Chinese alias), the text encoding of a
shapefile without .cpg is detected, a missing CRS is read from zone-prefixed eastings, geographic input goes to
its 3° zone, codes are checked, geometry repaired with a note. Every record is imported or rejected with
reasons: READ = IMPORTED + REJECTED. The source file is only read.
"""
from __future__ import annotations

import os
from typing import Dict, List, Optional, Tuple

import numpy as np
import shapely
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ...cadastre import schema, zones
from ...cadastre.input import cad_read, importing, sources
from ...cadastre.messages import CadastreError, translatable
from ...i18n import tr
from ..library import adapters
from ..library.encodings import read_shapefiles_right
from ..library.layers import WKB_TYPES, qgs_field, qgs_fields
from ..library.styling import style_on_load
from ..library.view_extent import show_parcels
from .base import HomesteadAlgorithm

SHIPPED_PRESETS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "import_presets")
TABLES = (".csv", ".txt", ".xlsx", ".xlsm")
TARGETS = ("ZD", "ZRZ", "JZD", "JZX", "QLR", "JBNT", "DXT_FW", "DXT_DL", "DXT_SX", "LJZ", "C", "H", "MJBF")
# the shipped preset a house-side layer is read with when none is chosen (the common Chinese headers)
HOUSE_PRESETS = {"LJZ": "ljz_table_zh", "C": "c_table_zh", "H": "h_table_zh", "MJBF": "mjbf_table_zh"}
ENCODINGS = ("AUTO", sources.UTF8, sources.GBK, sources.GB18030)
WKT_COLUMNS = ("WKT", "GEOMETRY", "GEOM", "几何", "图形")
X_COLUMNS, Y_COLUMNS = ("X", "X坐标"), ("Y", "Y坐标")


def user_preset_dir() -> str:
    """Where the user's own field-mapping presets live (in the QGIS profile)."""
    return os.path.join(QgsApplication.qgisSettingsDirPath(), "homestead_cadastre", "mappings")


def preset_paths() -> Dict[str, str]:
    """name → path of every preset: shipped ones, overridden by the user's of the same name."""
    found = {}
    for folder in (SHIPPED_PRESETS, user_preset_dir()):
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".json"):
                    found[name[:-5]] = os.path.join(folder, name)
    return found


class ImportSurveyAlgorithm(HomesteadAlgorithm):
    NAME = "importsurvey"
    DISPLAY_NAME = translatable("Import survey data")
    GROUP = "checks"

    INPUT, LAYER, TARGET, PRESET, MAPPING, SAVE_PRESET = "INPUT", "LAYER", "TARGET", "PRESET", "MAPPING", "SAVE_PRESET"
    ENCODING, SOURCE_CRS, TARGET_CRS = "ENCODING", "SOURCE_CRS", "TARGET_CRS"
    OUTPUT, REJECTS, REPAIRS = "OUTPUT", "REJECTS", "REPAIRS"
    READ, IMPORTED, REJECTED, REPAIRED = "READ", "IMPORTED", "REJECTED", "REPAIRED"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Survey data file"),
            fileFilter=tr("Survey data (*.shp *.gpkg *.dxf *.csv *.txt *.xlsx *.geojson *.json);;All files (*.*)")))
        self.addParameter(QgsProcessingParameterString(
            self.LAYER, tr("Layer, sheet or CAD layer to read (empty: the only one / the first sheet / all)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.TARGET, tr("Schema layer to import into"), list(TARGETS), defaultValue="ZD", usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterString(
            self.PRESET, tr("Field-mapping preset (name or .json path; empty: match names and Chinese aliases)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MAPPING, tr("Field mapping entries, e.g. ZDDM=宗地编码; QLRMC=户主 (they win over the preset)"),
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SAVE_PRESET, tr("Save the mapping used as a preset named"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ENCODING, tr("Text encoding of shapefiles and CSV"), list(ENCODINGS), defaultValue="AUTO", usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.SOURCE_CRS, tr("CRS of the input (when its .prj is missing or wrong)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, tr("CRS to import into (default: the input's, or its 3° zone when geographic)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Imported layer")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.REJECTS, tr("Rejected records"), QgsProcessing.TypeVector, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.REPAIRS, tr("Repaired records"), QgsProcessing.TypeVector, optional=True))
        for name, label in ((self.READ, tr("Records read")), (self.IMPORTED, tr("Records imported")),
                            (self.REJECTED, tr("Records rejected")), (self.REPAIRED, tr("Records repaired"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # ------------------------------------------------------------------------------------------------------
    def process(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not os.path.isfile(path):
            raise QgsProcessingException(tr("The input file {path} does not exist.").format(path=path))
        layer_schema = schema.LAYERS[self.parameterAsEnumString(parameters, self.TARGET, context) or "ZD"]
        sublayer = self.parameterAsString(parameters, self.LAYER, context).strip()
        encoding = self.parameterAsEnumString(parameters, self.ENCODING, context) or "AUTO"
        source_crs = self.parameterAsCrs(parameters, self.SOURCE_CRS, context) if parameters.get(self.SOURCE_CRS) else None
        target_crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context) if parameters.get(self.TARGET_CRS) else None
        preset = self._preset(self.parameterAsString(parameters, self.PRESET, context).strip())
        if preset is None and layer_schema.name in HOUSE_PRESETS:
            preset = self._preset(HOUSE_PRESETS[layer_schema.name])
            feedback.pushInfo(tr("Columns matched with the preset {preset} (the usual Chinese headers).").format(preset=preset.name))
        if preset is not None and preset.target != layer_schema.name:
            feedback.pushWarning(tr("Preset {preset} was made for layer {preset_layer}; importing into {layer}.").format(
                preset=preset.name, preset_layer=preset.target, layer=layer_schema.name))
        explicit = importing.parse_mapping_text(self.parameterAsString(parameters, self.MAPPING, context))
        spatial = layer_schema.geometry != schema.NONE

        if os.path.splitext(path)[1].lower() in TABLES:
            read = self._read_table(path, sublayer, encoding, preset, layer_schema, source_crs, target_crs, context, feedback)
        else:
            read = self._read_vector(path, sublayer, encoding, layer_schema, source_crs, target_crs, context, feedback)
        ids, records, geometries, columns, source_fields, crs, read_notes = read
        row_of = {int(sid): n for n, sid in enumerate(ids)}
        mapping = importing.resolve_mapping(layer_schema, columns, preset, explicit)
        unused = [c for c in columns if c not in mapping.values()]
        feedback.pushInfo(tr("Field mapping: {pairs}.").format(
            pairs=", ".join(f"{t} ← {s}" for t, s in mapping.items()) or tr("none")))
        if unused:
            feedback.pushInfo(tr("Columns not imported (no matching field): {columns}.").format(columns=", ".join(unused)))

        converted = []
        for n, (sid, record, geom) in enumerate(zip(ids, records, geometries)):
            if n % 1000 == 0:
                if feedback.isCanceled():
                    raise QgsProcessingException(tr("Canceled."))
                feedback.setProgress(40 + 40.0 * n / max(1, len(ids)))
            result = importing.convert_record(layer_schema, mapping, record, geom, int(sid))
            result.notes[:0] = read_notes.get(int(sid), [])
            converted.append(result)
        self._warn_duplicates(layer_schema, converted, feedback)

        fields = qgs_fields(layer_schema.fields)
        wkb_type = WKB_TYPES[layer_schema.geometry]
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb_type, crs or QgsCoordinateReferenceSystem())
        accepted = [c for c in converted if not c.rejected]
        geoms = [c.geometry for c in accepted] if spatial else None
        if layer_schema.geometry == schema.POLYGON and geoms:
            geoms = list(importing_multipolygons(geoms))
        adapters.write_rows(sink, fields, [c.values for c in accepted], geoms)
        style_on_load(context, dest, layer_schema)
        if layer_schema is schema.ZD and geoms:  # the survey opens at the parcels, not at 1:1
            bounds = shapely.total_bounds(geoms)
            show_parcels(context, parameters.get(self.OUTPUT), dest,
                         QgsReferencedRectangle(QgsRectangle(*map(float, bounds)), crs or QgsCoordinateReferenceSystem()))

        note_fields = self._note_fields(source_fields)
        results = {self.OUTPUT: dest}
        for output, chosen, why in ((self.REJECTS, [c for c in converted if c.rejected], "reasons"),
                                    (self.REPAIRS, [c for c in accepted if c.notes], "notes")):
            note_sink, note_dest = self.parameterAsSink(parameters, output, context, note_fields, wkb_type,
                                                        crs or QgsCoordinateReferenceSystem())
            rows = [[c.source_id, "; ".join(p.format(tr) for p in getattr(c, why))]
                    + [records[row_of[c.source_id]].get(f.name()) for f in source_fields] for c in chosen]
            shapes = None
            if spatial:
                shapes = [_fits(c.geometry, layer_schema.geometry) for c in chosen]
            if note_sink is not None:  # optional
                adapters.write_rows(note_sink, note_fields, rows, shapes)
                results[output] = note_dest
        for c in converted:
            for problem in c.reasons:
                feedback.reportError(tr("Record {fid} rejected: {reason}").format(fid=c.source_id, reason=problem.format(tr)), False)
            for problem in c.notes:
                feedback.pushInfo(tr("Record {fid} repaired: {note}").format(fid=c.source_id, note=problem.format(tr)))

        save_as = self.parameterAsString(parameters, self.SAVE_PRESET, context).strip()
        if save_as:
            self._save_preset(save_as, layer_schema, mapping, preset, feedback)
        counts = {self.READ: len(converted), self.IMPORTED: len(accepted), self.REJECTED: len(converted) - len(accepted),
                  self.REPAIRED: sum(1 for c in accepted if c.notes)}
        feedback.pushInfo(tr("Read {read}, imported {imported} ({repaired} repaired), rejected {rejected}.").format(
            read=counts[self.READ], imported=counts[self.IMPORTED], repaired=counts[self.REPAIRED], rejected=counts[self.REJECTED]))
        feedback.setProgress(100)
        results.update(counts)
        return results

    # --- reading ------------------------------------------------------------------------------------------
    def _read_vector(self, path, sublayer, encoding, layer_schema, source_crs, target_crs, context, feedback):
        uri = path
        is_dxf = path.lower().endswith(".dxf")
        if is_dxf:
            problem = cad_read.truncation(path)
            if problem is not None:
                raise QgsProcessingException(problem.format(tr))
        elif sublayer:
            uri = f"{path}|layername={sublayer}"
        layer = QgsVectorLayer(uri, os.path.basename(path), "ogr")
        try:
            read = self._read_opened(layer, path, sublayer, is_dxf, encoding, layer_schema, source_crs, target_crs, context, feedback)
            if is_dxf and layer_schema.geometry == schema.POLYGON:
                read = self._cad_polygons(read, path, sublayer, layer_schema, feedback)
            return read
        except QgsProcessingException as error:
            # a refusal must not keep the layer alive in its traceback's frames (QGIS 3.22 crashes freeing it at exit)
            error.__traceback__ = None
            raise
        finally:
            layer = None

    def _read_opened(self, layer, path, sublayer, is_dxf, encoding, layer_schema, source_crs, target_crs, context, feedback):
        spatial = layer_schema.geometry != schema.NONE
        if not layer.isValid():
            raise QgsProcessingException(tr("{path} could not be opened as vector data (or has no layer {layer}).").format(
                path=path, layer=sublayer or "—"))
        if not sublayer and not is_dxf:
            names = [s.split("!!::!!")[1] for s in layer.dataProvider().subLayers() if "!!::!!" in s]
            if len(names) > 1:
                raise QgsProcessingException(tr("{path} holds several layers ({layers}); say which one in LAYER.").format(
                    path=path, layers=", ".join(names)))
        if is_dxf and sublayer and layer_schema.geometry != schema.POLYGON:  # polygons: their texts are on other layers
            layer.setSubsetString(f"\"Layer\" = '{sublayer}'")
        if path.lower().endswith(".shp"):
            self._shapefile_encoding(layer, path, encoding, context, feedback)
        crs = target_crs
        if spatial:
            if source_crs is not None and source_crs.isValid():
                layer.setCrs(source_crs)
            elif not layer.crs().isValid():
                layer.setCrs(self._guess_crs(_sample_xy(layer), path, feedback))
            crs = self._target(layer.crs(), target_crs, _centre(layer), path)
        data = adapters.read_layer(layer, context, feedback, crs=crs if spatial else None, geometry=spatial)
        columns = [f.name() for f in layer.fields()]
        records = [dict(zip(columns, values)) for values in zip(*(data.attributes[c] for c in columns))] if columns else [{} for _ in data.ids]
        geometries = data.geometries if spatial else [None] * len(data)
        if data.reprojected:
            feedback.pushInfo(tr("Transformed from {source} to {target}.").format(source=data.source_crs.authid(), target=crs.authid()))
        # Z/M dropped while reading is a change to the geometry: it goes into the record's repair notes
        notes: Dict[int, list] = {}
        for fid, problem in data.problems:
            if problem.id == "GEOM_ZM":
                notes.setdefault(int(fid), []).append(problem)
        fields = QgsFields(layer.fields())
        return data.ids, records, geometries, columns, fields, crs, notes

    @staticmethod
    def _cad_polygons(read, path, sublayer, layer_schema, feedback):
        """Closed polylines of the CAD layer as polygons with the texts inside them as columns (cadastre.input.cad_read)."""
        ids, records, geometries, columns, fields, crs, notes = read
        if "Layer" not in columns:
            return read
        texts = [r.get("Text") for r in records]
        entities = cad_read.Entities(ids, [r.get("Layer") for r in records], geometries, texts, records)
        layer = sublayer or cad_read.default_layer(layer_schema.name, entities.layers)
        name = os.path.basename(path)
        if layer is None and layer_schema.name != "MJBF":  # area parts: each CAD layer is a kind of part (BWLX)
            drawn = sorted({str(n) for n, g, t in zip(entities.layers, geometries, texts) if not cad_read.is_label(g, t)})
            if len(drawn) > 1:
                raise QgsProcessingException(tr(
                    "{path} draws on several CAD layers ({layers}); say in LAYER which one holds the {layer} features."
                ).format(path=name, layers=", ".join(drawn), layer=layer_schema.name))
        elif layer is not None and layer not in set(entities.layers):
            raise QgsProcessingException(tr("{path} has no CAD layer {layer}; its layers: {layers}.").format(
                path=name, layer=layer, layers=", ".join(sorted({str(n) for n in entities.layers}))))
        elif layer is not None:
            feedback.pushInfo(tr("Reading the closed polylines of CAD layer {layer} of {path} as polygons, with the texts inside them.").format(
                layer=layer, path=name))
        found = cad_read.polygons(entities, layer, layer_schema.name)
        for sid, extra in found.notes.items():
            notes.setdefault(sid, []).extend(extra)
        derived = [c for c in cad_read.DERIVED_COLUMNS.get(layer_schema.name, ()) if c not in columns]
        fields = QgsFields(fields)
        for column in derived:
            adapters.add_field(fields, column, QVariant.String if column == "ZDDM" else QVariant.Int)
        return found.ids, found.records, found.geometries, columns + derived, fields, crs, notes

    def _read_table(self, path, sheet, encoding, preset, layer_schema, source_crs, target_crs, context, feedback):
        try:
            if path.lower().endswith((".xlsx", ".xlsm")):
                table = sources.read_xlsx(path, sheet)
            else:
                table = sources.read_csv(path, "" if encoding == "AUTO" else _codec(encoding))
                feedback.pushInfo(tr("Read {path} as {encoding}.").format(path=os.path.basename(path), encoding=table.encoding))
        except CadastreError as error:
            raise QgsProcessingException(error.problem.format(tr)) from error
        records = table.records()
        ids = np.arange(1, len(records) + 1)
        geometries = [None] * len(records)
        crs = target_crs
        if layer_schema.geometry != schema.NONE:
            geometries = self._table_geometries(table, records, preset, feedback)
            present = [g for g in geometries if g is not None]
            if present:
                source = source_crs if source_crs is not None and source_crs.isValid() else self._guess_crs(
                    shapely.get_coordinates(np.array(present[:2000], dtype=object)), path, feedback)
                bounds = shapely.total_bounds(np.array(present, dtype=object))
                crs = self._target(source, target_crs, ((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2), path)
                geometries = list(adapters.transform_geometries(geometries, source, crs, context))
        fields = QgsFields()
        for column in table.columns:
            adapters.add_field(fields, column, QVariant.String)
        return ids, records, geometries, table.columns, fields, crs, {}

    def _table_geometries(self, table, records, preset, feedback) -> List:
        columns = table.columns
        wkt = importing.first_column(columns, (preset.wkt if preset else []) + list(WKT_COLUMNS))
        if wkt:
            feedback.pushInfo(tr("Geometry from the WKT column {column}.").format(column=wkt))
            out = []
            for record in records:
                text = record.get(wkt)
                try:
                    out.append(shapely.from_wkt(str(text)) if text else None)
                except shapely.errors.GEOSException:
                    out.append(None)
            return out
        x = importing.first_column(columns, (preset.x if preset else []) + list(X_COLUMNS))
        y = importing.first_column(columns, (preset.y if preset else []) + list(Y_COLUMNS))
        if not (x and y):
            feedback.pushWarning(tr("The table has no WKT column and no X/Y columns: its records have no geometry."))
            return [None] * len(records)
        xs, ys = [_float(r.get(x)) for r in records], [_float(r.get(y)) for r in records]
        axis, overridden = importing.orient_xy(xs, ys, preset.x_axis if preset else "north")
        if overridden:
            feedback.pushWarning(tr("Column {x} holds eastings, not northings: read it as the easting.").format(x=x))
        else:
            feedback.pushInfo(tr("Column {x} is read as the {axis} (survey tables write X = northing).").format(
                x=x, axis=tr("northing") if axis == "north" else tr("easting")))
        out = []
        for a, b in zip(xs, ys):
            if a is None or b is None:
                out.append(None)
            else:
                out.append(shapely.Point(b, a) if axis == "north" else shapely.Point(a, b))
        return out

    # --- CRS and encoding -----------------------------------------------------------------------------------
    def _guess_crs(self, xy, path, feedback) -> QgsCoordinateReferenceSystem:
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        guess = zones.guess_epsg(xy[:, 0], xy[:, 1]) if len(xy) else None
        if guess is None:
            raise QgsProcessingException(tr(
                "{path} has no CRS (.prj) and its coordinates carry no 3° zone number; set the input CRS (SOURCE_CRS)."
            ).format(path=os.path.basename(path)))
        epsg, kind = guess
        if kind == "zone":
            feedback.pushWarning(tr("{path} has no CRS: its 8-digit eastings carry a zone number, so it is EPSG:{epsg}.").format(
                path=os.path.basename(path), epsg=epsg))
        else:
            feedback.pushWarning(tr("{path} has no CRS: its coordinates are longitude/latitude, taken as CGCS2000 (EPSG:4490).").format(
                path=os.path.basename(path)))
        return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")

    @staticmethod
    def _target(source, target, centre, path) -> QgsCoordinateReferenceSystem:
        if target is not None and target.isValid():
            if target.isGeographic():
                raise QgsProcessingException(tr("The CRS to import into must be projected (metres), not {crs}.").format(crs=target.authid()))
            return target
        if not source.isGeographic():
            return source
        lon, _lat = centre
        if not zones.is_in_china_zones(lon):
            raise QgsProcessingException(tr(
                "{path} is in longitude/latitude outside China's 3° zones; choose the CRS to import into (TARGET_CRS)."
            ).format(path=os.path.basename(path)))
        return QgsCoordinateReferenceSystem(f"EPSG:{zones.epsg_for_zone(zones.zone_of_longitude(lon), prefixed=True)}")

    @staticmethod
    def _shapefile_encoding(layer, path, encoding, context, feedback) -> None:
        if encoding != "AUTO":
            layer.setProviderEncoding(_codec(encoding))
            feedback.pushInfo(tr("Reading {path} as {encoding} (as chosen).").format(path=os.path.basename(path), encoding=encoding))
            return
        declared = sources.shapefile_declared_encoding(path)
        if declared:
            feedback.pushInfo(tr("{path} declares its encoding ({encoding}).").format(path=os.path.basename(path), encoding=declared))
            return
        read_shapefiles_right(layer, context, feedback)  # as every algorithm reads a shapefile input

    # --- presets and notes ---------------------------------------------------------------------------------
    def _preset(self, name) -> Optional[importing.Mapping]:
        if not name:
            return None
        try:
            if name.lower().endswith(".json"):
                return importing.load_mapping(name)
            paths = preset_paths()
            if name not in paths:
                raise QgsProcessingException(tr("There is no field-mapping preset {name}; known: {names}.").format(
                    name=name, names=", ".join(paths) or tr("none")))
            return importing.load_mapping(paths[name])
        except CadastreError as error:
            raise QgsProcessingException(error.problem.format(tr)) from error

    @staticmethod
    def _save_preset(name, layer_schema, mapping, preset, feedback) -> None:
        if not name.replace("_", "").replace("-", "").isalnum():
            raise QgsProcessingException(tr("A preset name may hold letters, digits, - and _ only: {name}.").format(name=name))
        saved = importing.Mapping(layer_schema.name, {t: [s] for t, s in mapping.items()}, name=name,
                                  title=preset.title if preset else name)
        if preset is not None:
            saved.wkt, saved.x, saved.y, saved.x_axis = preset.wkt, preset.x, preset.y, preset.x_axis
        path = os.path.join(user_preset_dir(), f"{name}.json")
        importing.save_mapping(saved, path)
        feedback.pushInfo(tr("Saved the field mapping as preset {name} ({path}).").format(name=name, path=path))

    @staticmethod
    def _warn_duplicates(layer_schema, converted, feedback) -> None:
        if "ZDDM" not in layer_schema.field_names or layer_schema.name != "ZD":
            return
        index = layer_schema.field_names.index("ZDDM")
        seen: Dict[str, int] = {}
        for c in converted:
            if c.values and c.values[index]:
                code = c.values[index]
                if code in seen:
                    feedback.pushWarning(tr("Records {first} and {second} share the parcel code {code}; both were imported "
                                            "(homestead:qualitycheck ZD_DUPCODE lists them).").format(first=seen[code], second=c.source_id, code=code))
                else:
                    seen[code] = c.source_id

    @staticmethod
    def _note_fields(source_fields: QgsFields) -> QgsFields:
        fields = QgsFields()
        for f in schema.IMPORT_NOTE_FIELDS:
            fields.append(qgs_field(f))
        for f in source_fields:
            copy = type(f)(f)
            if fields.indexOf(copy.name()) >= 0:
                copy.setName(f"SRC_{copy.name()}")
            fields.append(copy)
        return fields



def importing_multipolygons(geoms):
    """Polygons as MultiPolygons for the schema's MultiPolygon layers."""
    for geom in geoms:
        yield shapely.MultiPolygon([geom]) if geom is not None and geom.geom_type == "Polygon" else geom


def _fits(geom, kind):
    """The geometry if the rejects layer (of the target's type) can hold it, else None."""
    if geom is None or kind == schema.NONE:
        return None
    type_id = shapely.get_type_id(geom)
    if kind == schema.POLYGON and type_id == 3:
        return shapely.MultiPolygon([geom])
    return geom if type_id in {schema.POLYGON: (6,), schema.LINE: (1,), schema.POINT: (0,)}[kind] else None


def _codec(encoding: str) -> str:
    return {"GBK": "GBK", "GB18030": "GB18030", "UTF-8": "UTF-8"}.get(encoding, encoding)


def _float(value) -> Optional[float]:
    try:
        return None if value in (None, "") else float(value)
    except (TypeError, ValueError):
        return None


def _sample_xy(layer, limit: int = 2000) -> np.ndarray:
    request = QgsFeatureRequest().setLimit(limit).setNoAttributes()
    wkbs = [bytes(f.geometry().asWkb()) for f in layer.getFeatures(request) if f.hasGeometry()]
    return shapely.get_coordinates(shapely.from_wkb(wkbs)) if wkbs else np.zeros((0, 2))


def _centre(layer) -> Tuple[float, float]:
    """Centre of the layer's extent in its own CRS (longitude/latitude when it is geographic)."""
    centre = layer.extent().center()
    return centre.x(), centre.y()

