"""The bulk GeoPackage path (processing/library/gpkg_io.py) against the general QGIS feature path, on the demo village.

The two must write the same features, fields, values and geometry bytes; the bulk output must be a sound
GeoPackage (SQLite integrity, R-tree consistent with the geometries, feature count, extent); and any input the
bulk path cannot read exactly as QGIS would (selection, unsaved edits, filter) must go the general way.
"""
import shutil
import sqlite3

import numpy as np
import pytest
from conftest import SAMPLE
from osgeo import ogr
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

ogr.UseExceptions()


@pytest.fixture
def village(tmp_path):
    path = tmp_path / "village.gpkg"
    shutil.copy(SAMPLE / "demo_village.gpkg", path)
    return str(path)


def _rows(path):
    """{fid: (field values, geometry WKB)} and the field names of the only layer in ``path``, read with OGR."""
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = {}
    for feature in layer:
        geom = feature.GetGeometryRef()
        rows[feature.GetFID()] = ([feature.GetField(n) for n in names], None if geom is None else bytes(geom.ExportToWkb()))
    return names, rows


def _overlay(run_alg, village, out, source=None, log=None, **extra):
    params = {"INPUT": source or f"{village}|layername=ZD", "FARMLAND": f"{village}|layername=JBNT",
              "BUILDINGS": f"{village}|layername=ZRZ", "OUTPUT": out, "OUTPUT_OVERLAPS": "memory:"}
    params.update(extra)
    result = run_alg("farmlandoverlay", params, feedback=log or Log())
    del result["OUTPUT_OVERLAPS"]
    return result


class Log(QgsProcessingFeedback):
    """Keeps the debug lines (the bulk copy says that it ran)."""

    def __init__(self):
        super().__init__()
        self.debug = []

    def pushDebugInfo(self, info):  # noqa: N802 (QGIS API name)
        self.debug.append(info)
        super().pushDebugInfo(info)


def _bulk(log):
    return any("copied in bulk" in line for line in log.debug)


def test_bulk_and_general_paths_write_the_same_parcels(run_alg, village, tmp_path):
    bulk, general = str(tmp_path / "bulk.gpkg"), str(tmp_path / "general.gpkg")
    log_bulk, log_general = Log(), Log()
    assert _overlay(run_alg, village, bulk, log=log_bulk)["OUTPUT"] == bulk
    # a subset string makes QGIS filter the layer: the bulk path steps aside
    _overlay(run_alg, village, general, source=f"{village}|layername=ZD|subset=fid > 0", log=log_general)
    assert _bulk(log_bulk) and not _bulk(log_general)
    names_bulk, rows_bulk = _rows(bulk)
    names_general, rows_general = _rows(general)
    assert names_bulk == names_general
    assert rows_bulk.keys() == rows_general.keys() and len(rows_bulk) == 300
    assert [fid for fid in rows_bulk if rows_bulk[fid] != rows_general[fid]] == []
    occupied = [v for v, _g in rows_bulk.values() if v[names_bulk.index("ZYJBNTMJ")]]
    assert len(occupied) >= 5  # the demo village has parcels on farmland: the updated rows were compared too
    assert {v[names_bulk.index("FWZJBNT")] for v, _g in rows_bulk.values()} == {0, 1}


def test_bulk_output_is_a_sound_geopackage(run_alg, village, tmp_path):
    out = str(tmp_path / "zd_farmland.gpkg")
    _overlay(run_alg, village, out)
    with sqlite3.connect(out) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT rtreecheck('rtree_zd_farmland_geom')").fetchone() == ("ok",)
        count = db.execute("SELECT count(*) FROM zd_farmland").fetchone()[0]
        assert db.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'zd_farmland'").fetchone() == (count,)
        boxes = db.execute("SELECT id, minx, maxx, miny, maxy FROM rtree_zd_farmland_geom").fetchall()
        triggers = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'zd_farmland'")}
    assert count == 300 and len(boxes) == 300
    assert {"rtree_zd_farmland_geom_insert", "rtree_zd_farmland_geom_delete"} <= triggers  # edits keep the index right
    dataset = ogr.Open(out)
    layer = dataset.GetLayer(0)
    for fid, minx, maxx, miny, maxy in boxes:  # the index boxes are the geometries' own (float32 rounded outward)
        feature = layer.GetFeature(fid)  # kept: a geometry reference lives only as long as its feature
        x0, x1, y0, y1 = feature.GetGeometryRef().GetEnvelope()
        assert minx <= x0 and maxx >= x1 and miny <= y0 and maxy >= y1
        step_x, step_y = (2 * float(np.spacing(np.float32(v))) for v in (x1, y1))  # two float32 steps: 8 m, 0.5 m here
        assert x0 - minx <= step_x and maxx - x1 <= step_x and y0 - miny <= step_y and maxy - y1 <= step_y
    # QGIS reads it: the right count, and a spatial request answers through the index as a full scan does
    qgs = QgsVectorLayer(out, "out", "ogr")
    assert qgs.isValid() and qgs.featureCount() == 300
    extent = qgs.extent()
    window = extent.buffered(-extent.width() / 3)
    by_index = {f.id() for f in qgs.getFeatures(QgsFeatureRequest().setFilterRect(window))}
    by_scan = {f.id() for f in qgs.getFeatures() if f.geometry().boundingBox().intersects(window)}
    assert by_index == by_scan and 0 < len(by_index) < 300
    del qgs


def test_edited_and_selected_layers_are_read_through_qgis(run_alg, village, tmp_path):
    layer = QgsVectorLayer(f"{village}|layername=ZD", "ZD", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        # unsaved edits: the output holds them (the file does not)
        first = next(layer.getFeatures())
        layer.startEditing()
        assert layer.changeAttributeValue(first.id(), layer.fields().indexOf("ZDDM"), "EDITED")
        out, log = str(tmp_path / "edited.gpkg"), Log()
        _overlay(run_alg, village, out, source=layer.id(), log=log)
        names, rows = _rows(out)
        assert not _bulk(log)
        assert rows[first.id()][0][names.index("ZDDM")] == "EDITED" and len(rows) == 300
        layer.rollBack()
        # selected features only: the output holds just those
        layer.selectByIds([first.id(), first.id() + 1])
        out, log = str(tmp_path / "selected.gpkg"), Log()
        _overlay(run_alg, village, out, source=QgsProcessingFeatureSourceDefinition(layer.id(), True), log=log)
        assert set(_rows(out)[1]) == {first.id(), first.id() + 1} and not _bulk(log)
        # the same layer, whole and unedited: the bulk path
        log = Log()
        _overlay(run_alg, village, str(tmp_path / "whole.gpkg"), source=layer.id(), log=log)
        assert _bulk(log)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_input_without_spatial_index(run_alg, tmp_path):
    source = str(tmp_path / "noindex.gpkg")
    ogr.GetDriverByName("GPKG").CopyDataSource(ogr.Open(str(SAMPLE / "demo_village.gpkg")), source)
    with sqlite3.connect(source) as db:  # drop ZD's R-tree as a GeoPackage without the extension would have none
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_ZD_geom%'").fetchall():
            db.execute(f'DROP TRIGGER "{name}"')
        db.execute('DROP TABLE "rtree_ZD_geom"')
        db.execute("DELETE FROM gpkg_extensions WHERE table_name = 'ZD' AND extension_name = 'gpkg_rtree_index'")
    out, log = str(tmp_path / "out.gpkg"), Log()
    _overlay(run_alg, source, out, log=log)
    assert _bulk(log)
    with sqlite3.connect(out) as db:
        assert db.execute("SELECT rtreecheck('rtree_out_geom')").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM rtree_out_geom").fetchone() == (300,)


def test_output_into_an_input_file_is_refused(run_alg, village, tmp_path):
    """QGIS's writer would replace the whole GeoPackage (every survey layer) with the output: refused, by name."""
    before = {name: _rows_of(village, name) for name in ("ZD", "ZRZ", "JBNT")}
    for output in (village, village.replace("village.gpkg", "./village.gpkg")):
        with pytest.raises(QgsProcessingException, match="village.gpkg.*JBNT|village.gpkg.*ZD"):
            _overlay(run_alg, village, output)
    assert {name: _rows_of(village, name) for name in before} == before
    # a houses file given as BUILDINGS counts too
    houses = str(tmp_path / "houses.gpkg")
    ogr.GetDriverByName("GPKG").CopyDataSource(ogr.Open(village), houses)
    with pytest.raises(QgsProcessingException, match="houses.gpkg"):
        _overlay(run_alg, village, houses, BUILDINGS=f"{houses}|layername=ZRZ")


def _rows_of(path, name):
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName(name)
    return layer.GetFeatureCount(), [f.GetFID() for f in layer]


def test_arrow_read_equals_the_qgis_read(provider, tmp_path):
    """read_input (GDAL's Arrow stream) and read_layer (QGIS features) give the same LayerData: ids,
    geometries, values (Chinese text, NULLs, dates) and the problems noticed (Z dropped, no geometry)."""
    import datetime

    import shapely
    from osgeo import osr
    from qgis.core import QgsApplication, QgsProcessingContext

    from homestead_cadastre.processing.library import adapters, gpkg_io

    path = str(tmp_path / "mixed.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4525)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = dataset.CreateLayer("ZD", srs, ogr.wkbMultiPolygon25D)
    for name, kind in (("ZDDM", ogr.OFTString), ("QLRMC", ogr.OFTString), ("SHZT", ogr.OFTInteger),
                       ("ZDMJ", ogr.OFTReal), ("PZRQ", ogr.OFTDate)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    rows = [
        ("431302003005JC00001", "张三", 1, 120.5, (2019, 3, 1), "MULTIPOLYGON Z (((37597000 3069000 50, 37597010 3069000 50, 37597010 3069010 51, 37597000 3069000 50)))"),
        ("431302003005JC00002", None, None, None, None, "MULTIPOLYGON EMPTY"),
        ("431302003005JC00003", "李四", 0, 88.0, None, None),
        (None, "王五", 2, 10.25, (2020, 12, 31), "MULTIPOLYGON (((37597020 3069000, 37597030 3069000, 37597030 3069010, 37597020 3069000)))"),
    ]
    for code, owner, state, area, date, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("ZDDM", code), ("QLRMC", owner), ("SHZT", state), ("ZDMJ", area)):
            if value is not None:
                feature.SetField(name, value)
        if date:
            feature.SetField("PZRQ", *date, 0, 0, 0, 0)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = layer = None

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("homestead:farmlandoverlay")
    parameters = {"INPUT": f"{path}|layername=ZD"}
    context = QgsProcessingContext()
    source = algorithm.parameterAsSource(parameters, "INPUT", context)
    fields = ["ZDDM", "QLRMC", "SHZT", "ZDMJ", "PZRQ"]
    assert gpkg_io.whole_table(algorithm, parameters, "INPUT", context) is not None
    arrow = gpkg_io.read_input(algorithm, parameters, "INPUT", source, context, None, fields=fields)
    qgis = adapters.read_layer(source, context, None, fields=fields)
    assert arrow.ids.tolist() == qgis.ids.tolist() == [1, 2, 3, 4]
    assert arrow.attributes == qgis.attributes
    assert arrow.attributes["QLRMC"] == ["张三", None, "李四", "王五"] and arrow.attributes["SHZT"][1] is None
    assert arrow.attributes["PZRQ"][0] == datetime.date(2019, 3, 1)
    assert [g is None for g in arrow.geometries] == [g is None for g in qgis.geometries] == [False, True, True, False]
    for a, b in zip(arrow.geometries, qgis.geometries):
        assert (a is None and b is None) or (shapely.get_coordinate_dimension(a) == 2 and shapely.equals_exact(a, b, 0))
    assert [(fid, p.id, p.format()) for fid, p in arrow.problems] == [(fid, p.id, p.format()) for fid, p in qgis.problems]
    assert [(fid, p.id) for fid, p in arrow.problems] == [
        (1, "GEOM_ZM"), (2, "GEOM_EMPTY"), (3, "GEOM_EMPTY")]
    with pytest.raises(QgsProcessingException, match="LACKS|lacks"):
        gpkg_io.read_input(algorithm, parameters, "INPUT", source, context, None, fields=["X"], required=["X"])
    del source


def test_collector_thresholds_raised_while_running_and_restored(run_alg, village, tmp_path):
    """Algorithms run with fewer GC passes (processing/library/gc_threshold.py) and leave the process as they found it."""
    import gc

    from homestead_cadastre.processing.library import gc_threshold

    seen = []

    class Watch(Log):
        def setProgress(self, progress):  # noqa: N802 (QGIS API name)
            seen.append(gc.get_threshold()[0])
            super().setProgress(progress)

    before = gc.get_threshold()
    _overlay(run_alg, village, str(tmp_path / "o.gpkg"), log=Watch())
    assert seen and min(seen) >= gc_threshold.FIRST_THRESHOLD
    assert gc.get_threshold() == before
    with gc_threshold.fewer_collections():  # nested: the inner exit keeps the raise
        with gc_threshold.fewer_collections():
            pass
        assert gc.get_threshold()[0] >= gc_threshold.FIRST_THRESHOLD
    assert gc.get_threshold() == before


# new layers an algorithm writes: (algorithm, output, the other inputs and outputs); {v} is the village file
NEW_LAYERS = {
    "JZD": ("boundarypoints", "OUTPUT_POINTS", {"INPUT": "{v}|layername=ZD", "OUTPUT": "TEMPORARY_OUTPUT",
                                                 "OUTPUT_LINES": "TEMPORARY_OUTPUT"}),
    "JZX": ("boundarypoints", "OUTPUT_LINES", {"INPUT": "{v}|layername=ZD", "OUTPUT": "TEMPORARY_OUTPUT",
                                                "OUTPUT_POINTS": "TEMPORARY_OUTPUT"}),
    "JBNTTH": ("farmlandoverlay", "OUTPUT_OVERLAPS", {"INPUT": "{v}|layername=ZD", "FARMLAND": "{v}|layername=JBNT",
                                                       "OUTPUT": "TEMPORARY_OUTPUT"}),
    "ZJCW": ("qualitycheck", "OUTPUT", {"PARCELS": "{v}|layername=ZD", "BUILDINGS": "{v}|layername=ZRZ",
                                        "FARMLAND": "{v}|layername=JBNT", "HOUSEHOLDS": "{v}|layername=QLR"}),
}


@pytest.mark.parametrize("layer", sorted(NEW_LAYERS))
def test_new_layers_written_in_bulk_equal_the_sink_s(run_alg, village, tmp_path, layer):
    """A new layer into a GeoPackage file goes the bulk way (gpkg_io.write_new); into ``ogr:`` (a named table)
    through QGIS's sink. The same rows (fields, values, geometry bytes, order), and the
    bulk file is a sound GeoPackage whose R-tree holds every geometry."""
    algorithm, output, others = NEW_LAYERS[layer]
    base = {name: value.format(v=village) for name, value in others.items()}
    bulk, general = str(tmp_path / "bulk.gpkg"), tmp_path / "general.gpkg"
    log_bulk, log_general = Log(), Log()
    run_alg(algorithm, dict(base, **{output: bulk}), feedback=log_bulk)
    run_alg(algorithm, dict(base, **{output: f"ogr:dbname='{general}' table=\"general\" (geom)"}), feedback=log_general)
    assert any("written in bulk" in line for line in log_bulk.debug)
    assert not any("written in bulk" in line for line in log_general.debug)
    names_bulk, rows_bulk = _rows(bulk)
    names_general, rows_general = _rows(str(general))
    assert names_bulk == names_general
    assert len(rows_bulk) >= 5 and len(rows_bulk) == len(rows_general)
    # the same rows in the same order (the fids may differ: the sink numbers from its own start)
    assert list(rows_bulk.values()) == list(rows_general.values())
    with_geometry = sum(geom is not None for _values, geom in rows_bulk.values())
    with sqlite3.connect(bulk) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT rtreecheck('rtree_bulk_geom')").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM rtree_bulk_geom").fetchone()[0] == with_geometry
        assert db.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchone() == (len(rows_bulk),)
        extent = db.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'bulk'").fetchone()
    qgs = QgsVectorLayer(bulk, "bulk", "ogr")
    assert qgs.isValid() and qgs.featureCount() == len(rows_bulk)
    e = qgs.extent()
    assert extent == pytest.approx((e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()), abs=1e-6)
    del qgs


def test_classify_in_bulk_keeps_confirmed_decisions_as_stored(run_alg, village, tmp_path):
    """classify through the bulk path (KEEP for confirmed rows) equals the QGIS path (a subset string), and a
    confirmed row keeps its class, reviewer and review time byte for byte."""
    first = str(tmp_path / "first.gpkg")
    run_alg("classify", {"INPUT": f"{village}|layername=ZD", "OUTPUT": first})
    data = ogr.Open(first, 1)
    layer = data.GetLayer(0)
    fid = next(iter(layer)).GetFID()
    data.ExecuteSQL(f"UPDATE \"{layer.GetName()}\" SET SHZT = 3, LB = 2, SHR = '张三', "
                    f"SHSJ = '2026-11-30T09:15:00.000Z', GPYY = '现场核实' WHERE fid = {fid}")
    data = layer = None
    bulk, general = str(tmp_path / "bulk.gpkg"), str(tmp_path / "general.gpkg")
    run_alg("classify", {"INPUT": f"{first}|layername=first", "OUTPUT": bulk})
    run_alg("classify", {"INPUT": f"{first}|layername=first|subset=fid > 0", "OUTPUT": general})
    names, rows_bulk = _rows(bulk)
    names_general, rows_general = _rows(general)
    assert names == names_general and rows_bulk.keys() == rows_general.keys()
    assert [k for k in rows_bulk if k != fid and rows_bulk[k] != rows_general[k]] == []
    values = dict(zip(names, rows_bulk[fid][0]))
    # QGIS's path rewrites the confirmed time without its time zone ('…09:15:00'); the bulk path leaves it as stored
    assert dict(values, SHSJ=None) == dict(zip(names, rows_general[fid][0]), SHSJ=None)
    assert (values["SHZT"], values["LB"], values["SHR"], values["GPYY"]) == (3, 2, "张三", "现场核实")
    assert values["SHSJ"].startswith("2026/11/30 09:15:00")
    with sqlite3.connect(bulk) as db:
        assert db.execute("SELECT SHSJ FROM bulk WHERE fid = ?", (fid,)).fetchone() == ("2026-11-30T09:15:00.000Z",)


def test_values_for_sqlite_and_from_arrow_keep_their_types():
    """The plain-value shortcuts change nothing: numpy scalars become Python values, NaN NULL, dates ISO text,
    text columns decode whole (Chinese, empty, masked, a stray NUL inside a value)."""
    import datetime

    from homestead_cadastre.processing.library import gpkg_io

    given = ["张三", "", 7, None, b"\x01", True, np.str_("李四"), np.int64(3), np.float64("nan"), 2.5,
             datetime.date(2020, 1, 2)]
    stored = [gpkg_io._sql_value(v) for v in given]
    assert stored == ["张三", "", 7, None, b"\x01", True, "李四", 3, None, 2.5, "2020-01-02"]
    assert [type(v) for v in stored[6:8]] == [str, int] and stored[5] is True
    text = np.ma.masked_array(np.array(["张三".encode(), b"", b"x", "巷".encode()], dtype="S"), [False, False, True, False])
    assert gpkg_io._python_values(text) == ["张三", "", None, "巷"]
    assert gpkg_io._python_values(np.ma.masked_array(np.array([b"a\0b", b"c"], dtype="S"))) == ["a\0b", "c"]
    assert gpkg_io._python_values(np.ma.masked_array(np.array([], dtype="S1"))) == []
