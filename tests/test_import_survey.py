"""homestead:importsurvey on real files written with GDAL / openpyxl: encodings, CRS, presets, rejects, repairs."""
import hashlib
import os
import re

import pytest
from gpkg import write_layer
from oracle import shoelace
from osgeo import ogr
from qgis.core import NULL, QgsProcessingException

E0, N0 = 37_597_000.0, 3_069_000.0  # zone 37, zone number in the easting
GOOD = "430103001001JC{:05d}"


def square(x, y, size=10.0):
    return f"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"


def digest(folder):
    h = hashlib.sha256()
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as handle:
            h.update(name.encode() + handle.read())
    return h.hexdigest()


def run_import(run_alg, **params):
    params.setdefault("OUTPUT", "memory:")
    params.setdefault("REJECTS", "memory:")
    params.setdefault("REPAIRS", "memory:")
    return run_alg("importsurvey", params)


@pytest.fixture
def gbk_shapefile(tmp_path):
    """A shapefile written by GDAL in GBK, then stripped of its .cpg and .prj (as Chinese CAD exports come)."""
    folder = tmp_path / "shp"
    folder.mkdir()
    path = str(folder / "宗地.shp")
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    layer = ds.CreateLayer("宗地", None, ogr.wkbPolygon, ["ENCODING=GBK"])
    for name in ("宗地号", "权利人", "坐落", "ZDMJ"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal if name == "ZDMJ" else ogr.OFTString))
    rows = [
        (GOOD.format(1), "张三", "娄星区乐坪街道", square(E0, N0)),
        (GOOD.format(2), "李四", "娄星区乐坪街道", square(E0 + 10, N0)),
        ("4301030010O1JC00003", "王五", "娄星区", square(E0 + 20, N0)),  # letter O for a zero: rejected
        (GOOD.format(4), "赵六", "娄星区", f"POLYGON(({E0} {N0 + 20}, {E0 + 10} {N0 + 30}, {E0 + 10} {N0 + 20}, {E0} {N0 + 30}, {E0} {N0 + 20}))"),
        (GOOD.format(5), "钱七", "娄星区", None),  # no geometry: rejected
    ]
    for code, holder, place, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("宗地号", code)
        feature.SetField("权利人", holder)
        feature.SetField("坐落", place)
        feature.SetField("ZDMJ", 100.0)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    os.remove(folder / "宗地.cpg")
    assert not (folder / "宗地.prj").exists()
    return path


def test_gbk_shapefile_without_cpg_or_prj(run_alg, gbk_shapefile):
    before = digest(os.path.dirname(gbk_shapefile))
    result = run_import(run_alg, INPUT=gbk_shapefile, MAPPING="ZDDM=宗地号; QLRMC=权利人; ZL=坐落")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"], result["REPAIRED"]) == (5, 3, 2, 1)
    assert result["READ"] == result["IMPORTED"] + result["REJECTED"]
    out = result["OUTPUT"]
    assert out.crs().authid() == "EPSG:4525"  # from the zone number in the eastings
    imported = {f["ZDDM"]: f for f in out.getFeatures()}
    assert imported[GOOD.format(1)]["QLRMC"] == "张三" and imported[GOOD.format(2)]["ZL"] == "娄星区乐坪街道"
    assert imported[GOOD.format(1)]["ZDMJ"] == 100.0  # same-named column mapped automatically
    assert imported[GOOD.format(1)].geometry().area() == pytest.approx(100.0)
    bowtie = imported[GOOD.format(4)].geometry()
    assert bowtie.isGeosValid() and bowtie.area() == pytest.approx(50.0)  # two triangles of 25 m²
    rejects = {f["SOURCE_FID"]: f for f in result["REJECTS"].getFeatures()}
    assert set(rejects) == {2, 4}  # shapefile fids count from 0
    assert "19" not in rejects[2]["REASON"] and "4301030010O1JC00003" in rejects[2]["REASON"]
    assert rejects[2]["权利人"] == "王五"  # the source's own columns, decoded
    assert "no geometry" in rejects[4]["REASON"]
    repairs = list(result["REPAIRS"].getFeatures())
    assert len(repairs) == 1 and "Self-intersection" in repairs[0]["REASON"] and "→ 50.00 m²" in repairs[0]["REASON"]
    assert digest(os.path.dirname(gbk_shapefile)) == before  # the source is only read
    del out, result, rejects, repairs, imported


def test_forced_encoding_wins(run_alg, gbk_shapefile):
    result = run_import(run_alg, INPUT=gbk_shapefile, ENCODING="UTF-8")
    # read as UTF-8, the GBK column names are not 宗地号/权利人 (the user asked for it): no ZDDM, nothing imported,
    # and every record is in the rejects with the reason
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (5, 0, 5)
    assert all("ZDDM is empty" in f["REASON"] for f in result["REJECTS"].getFeatures())
    del result


def test_geographic_geopackage_goes_to_its_zone(run_alg, tmp_path):
    path = str(tmp_path / "geo.gpkg")
    # a 0.0001° square near Loudi (112.0°E, zone 37)
    write_layer(path, "zd", 4490, "polygon", {"ZDDM": "text"},
                [{"ZDDM": GOOD.format(1), "wkt": "POLYGON((112.0 27.7, 112.0001 27.7, 112.0001 27.7001, 112.0 27.7001, 112.0 27.7))"}])
    result = run_import(run_alg, INPUT=path)
    out = result["OUTPUT"]
    assert out.crs().authid() == "EPSG:4525"
    geom = next(out.getFeatures()).geometry()
    ring = [(p.x(), p.y()) for p in geom.constGet().geometryN(0).exteriorRing().points()]
    assert all(37_500_000 < x < 37_600_000 for x, _ in ring)
    assert shoelace(ring) == pytest.approx(geom.area()) and 100 < geom.area() < 115  # ~9.85 m × 11.1 m
    del out, result


def test_gbk_csv_boundary_points_with_preset(run_alg, tmp_path):
    """界址点成果表 as Excel saves CSV in China: GBK, X = northing, Y = zone-prefixed easting, no CRS."""
    path = tmp_path / "界址点.csv"
    lines = ["宗地代码,点号,X,Y", f"{GOOD.format(1)},J1,{N0 + 10:.3f},{E0:.3f}", f"{GOOD.format(1)},J2,{N0 + 10:.3f},{E0 + 10:.3f}",
             f"{GOOD.format(1)},J3,,{E0}"]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    result = run_import(run_alg, INPUT=str(path), TARGET="JZD", PRESET="jzd_table_zh")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (3, 2, 1)
    points = {f["JZDH"]: f for f in result["OUTPUT"].getFeatures()}
    assert result["OUTPUT"].crs().authid() == "EPSG:4525"
    j2 = points["J2"]
    assert (j2.geometry().asPoint().x(), j2.geometry().asPoint().y()) == (E0 + 10, N0 + 10)
    assert (j2["XZBZ"], j2["YZBZ"]) == (N0 + 10, E0 + 10)  # X northing, Y easting as in the table
    assert j2["ZDZHDM"] == GOOD.format(1)
    assert "no geometry" in next(result["REJECTS"].getFeatures())["REASON"]
    del result, points, j2


def test_xlsx_right_holders_and_saved_preset(run_alg, tmp_path, monkeypatch):
    import openpyxl

    from homestead_cadastre.processing.algorithms import import_survey

    monkeypatch.setattr(import_survey, "user_preset_dir", lambda: str(tmp_path / "presets"))
    path = tmp_path / "权利人.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "权利人"
    sheet.append(["不动产单元号", "姓名", "身份证号", "证件种类", "共有方式", "户编号"])
    sheet.append([GOOD.format(1) + "F00010001", "张三", "430103198001011234", "身份证", "单独所有", "H001"])
    sheet.append([GOOD.format(2) + "F0001", "李四", "430103198001015678", 1, 0, "H002"])  # BDCDYH too short
    sheet.append([GOOD.format(3) + "F00010001", "王五", "430103198001019999", "护照X", 0, "H003"])  # not a 证件种类
    book.save(path)
    result = run_import(run_alg, INPUT=str(path), TARGET="QLR", MAPPING="HH=户编号", PRESET="qlr_table_zh", SAVE_PRESET="my_qlr")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (3, 1, 2)
    holder = next(result["OUTPUT"].getFeatures())
    assert (holder["QLRMC"], holder["ZJH"], holder["ZJZL"], holder["GYFS"], holder["HH"]) == ("张三", "430103198001011234", 1, 0, "H001")
    reasons = sorted(f["REASON"] for f in result["REJECTS"].getFeatures())
    assert "28" in reasons[0] or "28" in reasons[1]
    assert any("ZJZL" in r for r in reasons)
    saved = tmp_path / "presets" / "my_qlr.json"
    assert saved.exists() and "户编号" in saved.read_text(encoding="utf-8")
    again = run_import(run_alg, INPUT=str(path), TARGET="QLR", PRESET="my_qlr")
    assert next(again["OUTPUT"].getFeatures())["HH"] == "H001"
    del result, again, holder


def test_dxf_closed_polylines_become_parcels(run_alg, tmp_path):
    path = str(tmp_path / "parcels.dxf")
    ds = ogr.GetDriverByName("DXF").CreateDataSource(path)
    layer = ds.CreateLayer("entities", None, ogr.wkbUnknown)
    for wkt, cad_layer in ((f"LINESTRING({E0} {N0}, {E0 + 10} {N0}, {E0 + 10} {N0 + 10}, {E0} {N0 + 10}, {E0} {N0})", "ZD"),
                           (f"LINESTRING({E0} {N0}, {E0 + 5} {N0 + 5})", "ZD"),
                           (f"LINESTRING({E0} {N0}, {E0 + 5} {N0 + 5}, {E0} {N0 + 7}, {E0} {N0})", "DLX")):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("Layer", cad_layer)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    result = run_import(run_alg, INPUT=path, LAYER="ZD", TARGET="DXT_FW", SOURCE_CRS="EPSG:4525")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"], result["REPAIRED"]) == (2, 1, 1, 1)
    assert next(result["OUTPUT"].getFeatures()).geometry().area() == pytest.approx(100.0)
    assert "LineString" in next(result["REJECTS"].getFeatures())["REASON"]
    del result


@pytest.mark.parametrize("params, message", [
    ({"INPUT": "/nonexistent/zd.shp"}, "does not exist"),
    ({"PRESET": "no_such_preset"}, "no field-mapping preset"),
    ({"MAPPING": "ZDDM=不存在的列"}, "does not have"),
    ({"MAPPING": "ZDDM"}, "TARGET=source"),
])
def test_bad_requests_are_refused_clearly(run_alg, gbk_shapefile, params, message):
    params = dict({"INPUT": gbk_shapefile}, **params)
    with pytest.raises(QgsProcessingException, match=message):
        run_import(run_alg, **params)


def test_missing_crs_without_zone_needs_source_crs(run_alg, tmp_path):
    path = str(tmp_path / "local.shp")
    write_layer(path, "local", None, "polygon", {"ZDDM": "text"}, [{"ZDDM": GOOD.format(1), "wkt": square(500, 500)}],
                driver="ESRI Shapefile")
    with pytest.raises(QgsProcessingException, match="SOURCE_CRS"):
        run_import(run_alg, INPUT=path)
    result = run_import(run_alg, INPUT=path, SOURCE_CRS="EPSG:4546")
    assert result["IMPORTED"] == 1 and result["OUTPUT"].crs().authid() == "EPSG:4546"
    del result


def test_several_layers_need_a_choice(run_alg, tmp_path):
    path = str(tmp_path / "two.gpkg")
    write_layer(path, "a", 4525, "polygon", {"ZDDM": "text"}, [{"ZDDM": GOOD.format(1), "wkt": square(E0, N0)}])
    write_layer(path, "b", 4525, "polygon", {"ZDDM": "text"}, [{"ZDDM": GOOD.format(2), "wkt": square(E0, N0)}])
    with pytest.raises(QgsProcessingException, match="several layers"):
        run_import(run_alg, INPUT=path)
    result = run_import(run_alg, INPUT=path, LAYER="b")
    assert [f["ZDDM"] for f in result["OUTPUT"].getFeatures()] == [GOOD.format(2)]
    del result


# --- the house side: floors, households, area parts ---------------------------------------------------------
BUILDING = GOOD.format(7) + "F0001"


def test_xlsx_floors_with_parcel_code_and_short_building_number(run_alg, tmp_path):
    """层 from a spreadsheet with the usual headers: 宗地代码 + 幢号 make the ZRZH, 第2层 the 层号, SJC from it."""
    import openpyxl

    path = tmp_path / "分层.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["宗地代码", "幢号", "层号", "层高", "建筑面积", "WKT"])
    sheet.append([GOOD.format(7), 1, "1", 3.0, 100.0, square(E0, N0)])
    sheet.append([GOOD.format(7), 1, "第2层", 2.9, 80.5, square(E0, N0, 9.0)])
    sheet.append([GOOD.format(7), 1, "地下1层", 2.8, 100.0, square(E0, N0)])
    sheet.append([GOOD.format(7), None, "3", 3.0, 10.0, square(E0, N0)])  # no building number: rejected
    book.save(path)
    result = run_import(run_alg, INPUT=str(path), TARGET="C", SOURCE_CRS="EPSG:4525")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (4, 3, 1)
    floors = sorted(((f["ZRZH"], f["CH"], f["SJC"], f["CG"], f["CJZMJ"]) for f in result["OUTPUT"].getFeatures()),
                    key=lambda r: r[2])
    assert floors == [(BUILDING, "-1", -1, 2.8, 100.0), (BUILDING, "1", 1, 3.0, 100.0), (BUILDING, "2", 2, 2.9, 80.5)]
    assert "ZRZH" in next(result["REJECTS"].getFeatures())["REASON"]
    del result


def test_shapefile_households_with_chinese_headers(run_alg, tmp_path):
    """户 from a GBK shapefile: 户号 1 → 0001, the unit code ZRZH + 户号, 结构 砖混 → 混合 (4), 用途 住宅 (10)."""
    path = str(tmp_path / "户.shp")
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    layer = ds.CreateLayer("户", None, ogr.wkbPolygon, ["ENCODING=GBK"])
    names = ("幢号", "户号", "所在层", "层数", "结构", "用途", "面积")  # a .dbf name holds 10 bytes
    for name in names:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal if name == "面积" else ogr.OFTString))
    rows = [(BUILDING, "1", "1", "2", "砖混", "住宅", 180.0), (BUILDING, "2", "3", "1", "框架", "住宅", 90.0),
            (BUILDING[:-1], "3", "1", "1", "砖木", "住宅", 50.0)]  # a 23-character building number: rejected
    for values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(names, values):
            feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(square(E0, N0)))
        layer.CreateFeature(feature)
    ds = None
    os.remove(tmp_path / "户.cpg")  # as CAD exports come: the GBK text is recognised
    result = run_import(run_alg, INPUT=path, TARGET="H", SOURCE_CRS="EPSG:4525")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (3, 2, 1)
    units = {f["HH"]: f for f in result["OUTPUT"].getFeatures()}
    assert set(units) == {"0001", "0002"}
    assert units["0001"]["BDCDYH"] == BUILDING + "0001" and units["0002"]["BDCDYH"] == BUILDING + "0002"
    assert (units["0001"]["FWJG"], units["0002"]["FWJG"], units["0001"]["FWYT1"]) == (4, 3, 10)
    assert (units["0001"]["SJCS"], units["0002"]["CH"], units["0001"]["SCJZMJ"]) == (2, "3", 180.0)
    assert "24 characters" in next(result["REJECTS"].getFeatures())["REASON"]
    del result, units


def test_dxf_area_parts_by_cad_layer_name(run_alg, tmp_path):
    """面积部位 drawn in CAD, one layer per kind of part: the CAD layer name gives BWLX."""
    path = str(tmp_path / "parts.dxf")
    ds = ogr.GetDriverByName("DXF").CreateDataSource(path)
    layer = ds.CreateLayer("entities", None, ogr.wkbUnknown)
    ring = f"LINESTRING({E0} {N0}, {E0 + 4} {N0}, {E0 + 4} {N0 + 1.2}, {E0} {N0 + 1.2}, {E0} {N0})"
    for cad_layer in ("未封闭阳台", "雨篷", "围墙"):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("Layer", cad_layer)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(ring))
        layer.CreateFeature(feature)
    ds = None
    # as Chinese AutoCAD writes it: declared ANSI_936, layer names in GBK (GDAL writes raw UTF-8 under ANSI_1252)
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    text = re.sub(r"(\$DWGCODEPAGE\r?\n\s*3\r?\n)ANSI_\d+", r"\g<1>ANSI_936", text, count=1)
    with open(path, "w", encoding="gbk", newline="") as handle:
        handle.write(text)
    result = run_import(run_alg, INPUT=path, TARGET="MJBF", SOURCE_CRS="EPSG:4525")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (3, 2, 1)
    assert sorted(f["BWLX"] for f in result["OUTPUT"].getFeatures()) == ["YP", "YT_WFB"]
    assert next(result["OUTPUT"].getFeatures()).geometry().area() == pytest.approx(4.8)
    assert "BWLX" in next(result["REJECTS"].getFeatures())["REASON"]  # 围墙 is no area part
    del result


def test_households_wall_ownership_as_the_survey_table_writes_it(run_alg, tmp_path):
    """墙体归属 per side (东南西北) in words, as the 房屋调查表 gives it: 自墙/共有墙/借墙 → codes 1/2/3, blank kept blank."""
    path = tmp_path / "户.csv"
    lines = ["自然幢号,户号,所在层,墙体归属东,墙体归属(南),西墙,北墙,WKT",
             f'{BUILDING},1,1,自墙,共有墙,借墙,,"{square(E0, N0)}"',
             f'{BUILDING},2,2,2,不详,自有墙,借,"{square(E0, N0)}"']
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    result = run_import(run_alg, INPUT=str(path), TARGET="H", PRESET="h_table_zh", SOURCE_CRS="EPSG:4525")
    assert (result["READ"], result["IMPORTED"], result["REJECTED"]) == (2, 2, 0)
    units = {f["HH"]: f for f in result["OUTPUT"].getFeatures()}
    walls = {hh: tuple(units[hh][n] for n in ("QTGSD", "QTGSN", "QTGSX", "QTGSB")) for hh in units}
    assert walls["0001"][:3] == (1, 2, 3) and walls["0001"][3] in (None, NULL)
    assert walls["0002"] == (2, 9, 1, 3)
    del result, units
