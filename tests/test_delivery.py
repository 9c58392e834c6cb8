"""homestead:exportdelivery and homestead:checkdelivery: the delivery database written as a File Geodatabase and a
GBK shapefile set, read back with GDAL; corrupted deliveries are reported; incremental delivery; round trip."""
import csv
import json
import shutil
import sqlite3
import subprocess

import map_fixtures
import pytest
import shapely
from map_fixtures import layer_uri
from osgeo import gdal, ogr
from qgis.core import QgsProcessingException, QgsVectorLayer

LAYERS = ("ZD", "ZRZ", "JZD", "JZX", "QLR")
# TD/T 1066 field types and lengths, written out here from the standard's tables (domain.md §5, schema.py)
EXPECTED_FIELDS = {
    "ZD": {"BSM": "Integer", "YSDM": ("String", 10), "ZDDM": ("String", 19), "BDCDYH": ("String", 28),
           "ZDTZM": ("String", 2), "ZL": ("String", 200), "ZDMJ": "Real", "QLLX": "Integer", "TFH": ("String", 50)},
    "ZRZ": {"ZRZH": ("String", 24), "ZCS": "Integer", "FWJG": "Integer", "SCJZMJ": "Real", "ZZDMJ": "Real"},
    "JZD": {"ZDZHDM": ("String", 19), "JZDH": ("String", 10), "XZBZ": "Real", "YZBZ": "Real", "JBLX": "Integer"},
    "JZX": {"ZDZHDM": ("String", 19), "JZXCD": "Real", "JZXLB": "Integer"},
    "QLR": {"BDCDYH": ("String", 28), "QLRMC": ("String", 100), "ZJH": ("String", 50), "ZJZL": "Integer"},
}


@pytest.fixture(scope="module")
def village(tmp_path_factory, provider):
    return map_fixtures.make_village(tmp_path_factory.mktemp("clean"))


def params(gpkg, folder, **extra):
    p = {"PARCELS": layer_uri(gpkg, "ZD"), "BUILDINGS": layer_uri(gpkg, "ZRZ"), "POINTS": layer_uri(gpkg, "JZD"),
         "LINES": layer_uri(gpkg, "JZX"), "HOLDERS": layer_uri(gpkg, "QLR"), "OUTPUT_FOLDER": str(folder)}
    p.update(extra)
    return p


def source_count(gpkg, name):
    return sqlite3.connect(gpkg).execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]


def open_as_a_reader_would(path):
    """The data source as GDAL opens it outside QGIS (QGIS sets SHAPE_ENCODING to '', which ignores the .cpg)."""
    before = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        source = ogr.Open(str(path))
        return source, [{k: v for k, v in f.items().items()} for f in source.GetLayerByName("ZD")]
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", before)


def ogrinfo_counts(path):
    """Layer → feature count as `ogrinfo -so -al` prints it (the command a province's checker runs)."""
    out = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(path)], capture_output=True, text=True, check=True).stdout
    counts, name = {}, None
    for line in out.splitlines():
        if line.startswith("Layer name: "):
            name = line.split(": ", 1)[1]
        elif line.startswith("Feature Count: "):
            counts[name] = int(line.split(": ", 1)[1])
    return counts


@pytest.fixture(scope="module")
def delivered(village, tmp_path_factory, provider):
    import processing

    folder = tmp_path_factory.mktemp("out") / "delivery"
    result = processing.run("homestead:exportdelivery", params(village, folder))
    return folder, result


def test_clean_delivery_is_complete_with_the_source_counts(village, delivered):
    folder, result = delivered
    assert result["COMPLETE"] is True and result["PROBLEMS"] == 0
    expected = {name: source_count(village, name) for name in LAYERS}
    expected["JSYDSYQ"], expected["FDCQ2"] = expected["ZD"], expected["ZRZ"]
    assert ogrinfo_counts(folder / "delivery.gdb") == expected
    assert ogrinfo_counts(folder / "shp") == expected
    report = (folder / "self_check.csv").read_text(encoding="utf-8-sig")
    assert "自检通过" in report
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert meta["坐标系"]["EPSG"] == 4525 and "中央子午线 111°" in meta["坐标系"]["投影"]
    assert meta["记录数"] == expected and meta["自检"] == {"通过": True, "问题数": 0}


@pytest.mark.parametrize("path", ["delivery.gdb", "shp"])
def test_every_standard_field_is_present_typed_and_filled_from_the_source(village, delivered, path):
    folder, _ = delivered
    source, parcels = open_as_a_reader_would(folder / path)
    for layer_name, fields in EXPECTED_FIELDS.items():
        layer = source.GetLayerByName(layer_name)
        defn = layer.GetLayerDefn()
        for name, kind in fields.items():
            index = defn.GetFieldIndex(name)
            assert index >= 0, (path, layer_name, name)
            f = defn.GetFieldDefn(index)
            want, width = kind if isinstance(kind, tuple) else (kind, None)
            assert f.GetTypeName() == want, (path, layer_name, name, f.GetTypeName())
            if width:
                assert f.GetWidth() == width, (path, layer_name, name, f.GetWidth())
        assert defn.GetFieldIndex("LB") < 0 and defn.GetFieldIndex("JZD_ID") < 0  # extensions stay out
    zd = {f["ZDDM"]: f for f in parcels}
    rows = sqlite3.connect(village).execute("SELECT ZDDM, ZL, ZDMJ, QLLX FROM ZD").fetchall()
    for code, zl, zdmj, qllx in rows:
        assert zd[code]["ZL"] == zl and zd[code]["QLLX"] == qllx and zd[code]["ZDMJ"] == pytest.approx(zdmj, abs=1e-4)
        assert zd[code]["YSDM"] == "6001000000"
    bsm = [f["BSM"] for f in source.GetLayerByName("JZD")]
    assert len(set(bsm)) == len(bsm) and None not in bsm  # numbered where the source had none


def test_shapefiles_are_gbk_with_cpg(village, delivered):
    folder, _ = delivered
    for name in LAYERS:
        assert (folder / "shp" / f"{name}.cpg").read_text().strip() == "CP936"
    raw = (folder / "shp" / "ZD.dbf").read_bytes()
    zl = sqlite3.connect(village).execute("SELECT ZL FROM ZD LIMIT 1").fetchone()[0]
    assert zl.encode("gbk") in raw and zl.encode("utf-8") not in raw
    assert (folder / "shp" / "ZD.prj").exists()


def test_dictionary_lists_every_delivered_field(delivered):
    folder, _ = delivered
    with open(folder / "data_dictionary.csv", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    listed = {(r["图层名"], r["字段名"]) for r in rows}
    source = ogr.Open(str(folder / "delivery.gdb"))
    for i in range(source.GetLayerCount()):
        layer = source.GetLayer(i)
        defn = layer.GetLayerDefn()
        for k in range(defn.GetFieldCount()):
            assert (layer.GetName(), defn.GetFieldDefn(k).GetName()) in listed
    assert (folder / "data_dictionary.xlsx").stat().st_size > 0


def corrupt(folder, tmp_path, what):
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)
    what(broken)
    return broken


def _drop_field(path, layer, field):
    source = ogr.Open(str(path), 1)
    lyr = source.GetLayerByName(layer)
    assert lyr.DeleteField(lyr.GetLayerDefn().GetFieldIndex(field)) == 0
    source = None


def _retype_field(path, layer, field):
    source = ogr.Open(str(path), 1)
    lyr = source.GetLayerByName(layer)
    assert lyr.DeleteField(lyr.GetLayerDefn().GetFieldIndex(field)) == 0
    lyr.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    source = None


def _drop_feature(path, layer):
    source = ogr.Open(str(path), 1)
    lyr = source.GetLayerByName(layer)
    first = lyr.GetNextFeature().GetFID()
    assert lyr.DeleteFeature(first) == 0
    source = None


def _set_value(path, layer, field, value):
    source = ogr.Open(str(path), 1)
    lyr = source.GetLayerByName(layer)
    feature = lyr.GetNextFeature()
    feature.SetField(field, value)
    lyr.SetFeature(feature)
    source = None


def _bow_tie(path, layer):
    source = ogr.Open(str(path), 1)
    lyr = source.GetLayerByName(layer)
    feature = lyr.GetNextFeature()
    x, y = feature.GetGeometryRef().Centroid().GetPoint_2D()
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"MULTIPOLYGON((({x} {y},{x + 10} {y + 10},{x + 10} {y},{x} {y + 10},{x} {y})))"))
    lyr.SetFeature(feature)
    source = None


CORRUPTIONS = [
    ("field removed", lambda b: _drop_field(b / "delivery.gdb", "ZD", "ZDMJ"), "FIELD_MISSING", "ZDMJ"),
    ("wrong type", lambda b: _retype_field(b / "shp", "ZRZ", "ZCS"), "FIELD_TYPE", "ZRZ.ZCS"),
    ("count off", lambda b: _drop_feature(b / "shp", "JZD"), "COUNT", "JZD"),
    ("bad code", lambda b: _set_value(b / "delivery.gdb", "ZD", "QLLX", 99), "CODE", "QLLX = 99"),
    ("bad parcel code", lambda b: _set_value(b / "shp", "ZD", "ZDDM", "430381104201JCO0001"), "CODE_FORMAT",
     "430381104201JCO0001"),
    ("invalid geometry", lambda b: _bow_tie(b / "delivery.gdb", "ZD"), "INVALID", "ZD FID"),
    ("layer deleted", lambda b: [p.unlink() for p in (b / "shp").glob("JZX.*")], "LAYER_MISSING", "JZX"),
]


@pytest.mark.parametrize("label, damage, check, named", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_corrupted_delivery_is_reported_and_not_complete(delivered, tmp_path, run_alg, label, damage, check, named):
    folder, _ = delivered
    broken = corrupt(folder, tmp_path, damage)
    report = tmp_path / "report.csv"
    result = run_alg("checkdelivery", {"INPUT": str(broken), "REPORT": str(report)})
    assert result["COMPLETE"] is False and result["PROBLEMS"] >= 1
    with open(report, encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    hits = [row for row in lines[1:] if len(row) > 4 and row[4] == check]
    assert hits and any(named in row[5] for row in hits), lines[:5]
    assert "自检未通过" in lines[-1][0]
    # the untouched delivery still passes
    assert run_alg("checkdelivery", {"INPUT": str(folder)})["COMPLETE"] is True


def test_check_refuses_a_folder_that_is_no_delivery(tmp_path, run_alg):
    (tmp_path / "x.txt").write_text("x")
    assert run_alg("checkdelivery", {"INPUT": str(tmp_path)})["COMPLETE"] is False


def test_export_refuses_a_folder_with_other_files(village, tmp_path, run_alg):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(QgsProcessingException, match="holds files but no delivery"):
        run_alg("exportdelivery", params(village, tmp_path))
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_export_refuses_inputs_inside_the_folder_it_replaces(delivered, tmp_path, run_alg):
    folder, _ = delivered
    before = (folder / "shp" / "ZD.dbf").read_bytes()
    with pytest.raises(QgsProcessingException, match="inside the delivery folder"):
        run_alg("exportdelivery", {"PARCELS": str(folder / "shp" / "ZD.shp"), "OUTPUT_FOLDER": str(folder)})
    assert (folder / "shp" / "ZD.dbf").read_bytes() == before


def test_incremental_delivery_lists_new_changed_and_deleted_parcels(village, tmp_path, run_alg):
    gpkg = tmp_path / "v.gpkg"
    shutil.copy(village, gpkg)
    folder = tmp_path / "delivery"
    first = run_alg("exportdelivery", params(str(gpkg), folder, FORMAT=1))
    assert first["COMPLETE"] and (first["NEW"], first["CHANGED"], first["DELETED"]) == (0, 0, 0)
    codes = [r[0] for r in sqlite3.connect(gpkg).execute("SELECT ZDDM FROM ZD ORDER BY fid")]
    changed, deleted, moved = codes[0], codes[1], codes[2]
    new = codes[0][:14] + "00099"
    layer = QgsVectorLayer(f"{gpkg}|layername=ZD", "ZD", "ogr")
    by_code = {f["ZDDM"]: f for f in layer.getFeatures()}
    layer.startEditing()
    layer.changeAttributeValue(by_code[changed].id(), layer.fields().indexOf("ZL"), "娄星区示范村9组")
    geometry = by_code[moved].geometry()
    geometry.translate(0.5, 0)
    layer.changeGeometry(by_code[moved].id(), geometry)
    layer.deleteFeature(by_code[deleted].id())
    copy = by_code[codes[3]]
    copy.setId(-1)
    copy.setAttribute("fid", None)
    copy.setAttribute("ZDDM", new)
    copy.setAttribute("BDCDYH", new + "F00010001")
    geometry = copy.geometry()
    geometry.translate(0, 500)
    copy.setGeometry(geometry)
    layer.addFeature(copy)
    assert layer.commitChanges(), layer.commitErrors()
    second = run_alg("exportdelivery", params(str(gpkg), folder, FORMAT=1))
    assert (second["NEW"], second["CHANGED"], second["DELETED"]) == (1, 2, 1)
    with open(folder / "changes.csv", encoding="utf-8-sig") as handle:
        listed = {tuple(r) for r in list(csv.reader(handle))[1:]}
    assert listed == {(new, "新增"), (changed, "变更"), (moved, "变更"), (deleted, "删除")}
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert len(meta["变更"]) == 4 and meta["记录数"]["ZD"] == len(codes)


def survey_rows(layer, name):
    """(code, point or building number) → (standard values, area, centroid) of a survey layer."""
    key = {"ZD": ("ZDDM",), "ZRZ": ("ZRZH",), "JZD": ("ZDZHDM", "JZDH"), "JZX": ("ZDZHDM", "JZXCD"),
           "QLR": ("BDCDYH", "QLRMC")}[name]
    out = {}
    for f in layer.getFeatures():
        values = tuple(f[n] if f[n] is not None and str(f[n]) != "NULL" else None
                       for n in EXPECTED_FIELDS[name] if n not in ("BSM", "YSDM"))
        shape = (round(f.geometry().area(), 3), round(f.geometry().length(), 3), f.geometry().centroid().asWkt(2)) \
            if f.hasGeometry() else None
        out.setdefault(tuple(f[k] for k in key), []).append((values, shape))
    return {k: sorted(v, key=str) for k, v in out.items()}


def test_delivery_imports_back_into_an_identical_survey_database(village, delivered, tmp_path, run_alg):
    folder, _ = delivered
    for name in LAYERS:
        path = folder / "shp" / (f"{name}.shp" if name != "QLR" else "QLR.dbf")
        imported = run_alg("importsurvey", {"INPUT": str(path), "TARGET": name,
                                            "OUTPUT": str(tmp_path / f"{name}.gpkg"), "REJECTS": "memory:",
                                            "REPAIRS": "memory:"})
        assert imported["REJECTED"] == 0 and imported["IMPORTED"] == source_count(village, name)
        back = QgsVectorLayer(imported["OUTPUT"], name, "ogr")
        original = QgsVectorLayer(layer_uri(village, name), name, "ogr")
        assert survey_rows(back, name) == survey_rows(original, name)


def test_extensions_and_farmland_overlaps(village, tmp_path, run_alg):
    overlay = run_alg("farmlandoverlay", {"INPUT": layer_uri(village, "ZD"), "FARMLAND": layer_uri(village, "JBNT"),
                                          "MIN_AREA": 1, "OUTPUT": str(tmp_path / "zd.gpkg"),
                                          "OUTPUT_OVERLAPS": str(tmp_path / "overlaps.gpkg")})
    overlaps = QgsVectorLayer(overlay["OUTPUT_OVERLAPS"], "o", "ogr").featureCount()
    assert overlaps > 0
    folder = tmp_path / "d"
    before = {p: open(p, "rb").read() for p in (village, overlay["OUTPUT_OVERLAPS"])}
    result = run_alg("exportdelivery", params(village, folder, EXTENSIONS=True, OVERLAPS=overlay["OUTPUT_OVERLAPS"]))
    assert result["COMPLETE"] is True
    assert {p: open(p, "rb").read() for p in before} == before  # inputs are only read
    gdb, shp = ogr.Open(str(folder / "delivery.gdb")), ogr.Open(str(folder / "shp"))
    assert gdb.GetLayerByName("JBNTTH").GetFeatureCount() == shp.GetLayerByName("JBNTTH").GetFeatureCount() == overlaps
    gdb_zd, shp_zd = gdb.GetLayerByName("ZD").GetLayerDefn(), shp.GetLayerByName("ZD").GetLayerDefn()
    assert gdb_zd.GetFieldIndex("LB") >= 0 and gdb_zd.GetFieldIndex("LBYY") >= 0  # extensions in the FileGDB
    assert shp_zd.GetFieldIndex("LB") < 0  # never in the shapefiles
    lb = {f["ZDDM"]: f["LB"] for f in gdb.GetLayerByName("ZD")}
    assert lb == dict(sqlite3.connect(village).execute("SELECT ZDDM, LB FROM ZD").fetchall())


def test_parcels_outside_a_3_degree_zone_are_refused(village, tmp_path, run_alg):
    import processing

    mercator = processing.run("native:reprojectlayer", {"INPUT": layer_uri(village, "ZD"), "TARGET_CRS": "EPSG:3857",
                                                 "OUTPUT": str(tmp_path / "m.gpkg")})["OUTPUT"]
    with pytest.raises(QgsProcessingException, match="CGCS2000 3° zone"):
        run_alg("exportdelivery", {"PARCELS": mercator, "OUTPUT_FOLDER": str(tmp_path / "d")})
    assert not (tmp_path / "d").exists()


def test_texts_too_long_for_a_shapefile_are_counted():
    from homestead_cadastre.cadastre.database import delivery, delivery_dictionary
    from homestead_cadastre.cadastre.database.delivery_files import too_long

    zd = delivery_dictionary.layers()[0]
    rows = delivery.build_rows(zd, [{"ZDDM": "430381104201JC00001", "ZL": "村" * 100},  # 200 bytes in GBK: fits
                                    {"ZDDM": "430381104201JC00002", "ZL": "村" * 101}], [None, None], {})
    assert too_long(rows) == {"ZL": 1}


def test_masking_keeps_first_6_and_last_4():
    from homestead_cadastre.cadastre.database.delivery import mask_id, scrub

    assert mask_id("43130219660905439X") == "431302********439X"
    assert mask_id("431302660905439") == "431302*****5439"
    assert scrub("电话13912345678，证件43130219660905439X") == "电话***，证件431302********439X"
    assert scrub("宗地 431302003005JC00001") == "宗地 431302003005JC00001"  # codes are not ID numbers


def test_share_over_its_input_is_refused(village, tmp_path, run_alg):
    gpkg = tmp_path / "v.gpkg"
    shutil.copy(village, gpkg)
    before = gpkg.read_bytes()
    with pytest.raises(QgsProcessingException, match="Choose another output file"):
        run_alg("exportshare", {"PARCELS": layer_uri(str(gpkg), "ZD"), "OUTPUT": str(gpkg)})
    assert gpkg.read_bytes() == before


class FeatureByFeature:
    """A layer without GDAL's Arrow interface (GDAL < 3.6), for the self-check's fallback reader."""

    def __init__(self, layer):
        self.layer = layer

    def ResetReading(self):  # noqa: N802 (GDAL API name)
        self.layer.ResetReading()

    def __iter__(self):
        return iter(self.layer)


@pytest.mark.parametrize("path, name", [("delivery.gdb", "ZD"), ("shp", "JZD"), ("shp", "QLR")])
def test_both_readers_of_the_self_check_agree(delivered, path, name):
    from homestead_cadastre.cadastre.database.delivery_check import read_columns

    source = ogr.Open(str(delivered[0] / path))  # kept: the layer dies with its data source
    layer = source.GetLayerByName(name)
    fields = ["BSM", "ZDDM" if name == "ZD" else "BDCDYH" if name == "QLR" else "ZDZHDM"]
    spatial = name != "QLR"
    fast = read_columns(layer, fields, spatial)
    slow = read_columns(FeatureByFeature(layer), fields, spatial)
    assert fast[0] == slow[0] and fast[1] == slow[1] and len(fast[0]) == layer.GetFeatureCount()
    assert [shapely.from_wkb(w).wkt for w in fast[2]] == [shapely.from_wkb(w).wkt for w in slow[2]]


def test_a_malformed_code_is_explained_in_the_interface_language(delivered, tmp_path):
    from homestead_cadastre.cadastre.database.delivery_check import check_folder

    broken = corrupt(delivered[0], tmp_path, lambda b: _set_value(b / "delivery.gdb", "ZD", "ZDDM", "430381104201JC0001"))
    finding = next(f for f in check_folder(str(broken)) if f.check == "CODE_FORMAT")
    assert "has 18 characters; a ZDDM has 19" in finding.message()
    assert "长度不是19位" in finding.chinese()


def _add_house_side(gpkg):
    """Two floors and a household unit per building of ``gpkg`` and one logical building, written with OGR."""
    source = ogr.Open(str(gpkg), 1)
    buildings = [(f["ZRZH"], f.GetGeometryRef().ExportToWkt()) for f in source.GetLayerByName("ZRZ")]
    floors, units, logical = (source.GetLayerByName(n) for n in ("C", "H", "LJZ"))
    for zrzh, wkt in buildings:
        for storey in (1, 2):
            floor = ogr.Feature(floors.GetLayerDefn())
            floor.SetField("ZRZH", zrzh)
            floor.SetField("CH", str(storey))
            floor.SetField("SJC", storey)
            floor.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            assert floors.CreateFeature(floor) == 0
        unit = ogr.Feature(units.GetLayerDefn())
        for name, value in (("ZRZH", zrzh), ("BDCDYH", zrzh + "0001"), ("CH", "1"), ("HH", "0001"), ("FWYT1", 10)):
            unit.SetField(name, value)
        unit.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        assert units.CreateFeature(unit) == 0
    row = ogr.Feature(logical.GetLayerDefn())
    row.SetField("LJZH", "1")
    row.SetField("ZRZH", buildings[0][0])
    assert logical.CreateFeature(row) == 0
    source = None
    return len(buildings)


def test_the_house_side_is_delivered_when_present(village, tmp_path, run_alg):
    gpkg = tmp_path / "village.gpkg"
    shutil.copy(village, gpkg)
    n = _add_house_side(gpkg)
    folder = tmp_path / "d"
    result = run_alg("exportdelivery", params(str(gpkg), folder, LOGICAL=layer_uri(str(gpkg), "LJZ"),
                                              FLOORS=layer_uri(str(gpkg), "C"), UNITS=layer_uri(str(gpkg), "H")))
    assert result["COMPLETE"] is True, (folder / "self_check.csv").read_text(encoding="utf-8-sig")
    for path in ("delivery.gdb", "shp"):
        counts = ogrinfo_counts(folder / path)
        assert (counts["C"], counts["H"], counts["LJZ"]) == (2 * n, n, 1), path
        assert "MJBF" not in counts
        source = ogr.Open(str(folder / path))
        floor = source.GetLayerByName("C").GetNextFeature()
        assert floor["YSDM"] == "6001070000" and floor["CH"] in ("1", "2") and floor.GetGeometryRef() is not None
        defn = source.GetLayerByName("H").GetLayerDefn()
        assert defn.GetFieldDefn(defn.GetFieldIndex("HH")).GetWidth() == 4
        assert defn.GetFieldDefn(defn.GetFieldIndex("BDCDYH")).GetWidth() == 28
    with open(folder / "data_dictionary.csv", encoding="utf-8-sig") as handle:
        rows = [r for r in csv.DictReader(handle) if r["图层名"] == "H"]
    assert rows and all("核对" in r["说明"] for r in rows)
    assert run_alg("checkdelivery", {"INPUT": str(folder), "REPORT": str(tmp_path / "r.csv")})["COMPLETE"] is True
    # a floor dropped from the written file is caught by the self-check
    _drop_feature(folder / "shp", "C")
    again = run_alg("checkdelivery", {"INPUT": str(folder), "REPORT": str(tmp_path / "r2.csv")})
    assert again["COMPLETE"] is False
