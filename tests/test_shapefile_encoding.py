"""A GBK shapefile without .cpg given straight to any algorithm (not only importsurvey): the Chinese names of the
公告 and the 权籍调查表 come out right; a layer of the user's project is warned about, not changed."""
import os

import map_fixtures
from layers_helper import RecordingFeedback
from map_fixtures import VILLAGE_CODE, layer_uri
from openpyxl import load_workbook
from osgeo import gdal
from qgis.core import QgsProject, QgsVectorLayer


def gbk_shapefile(gpkg, layer, folder, owner):
    """``layer`` of ``gpkg`` as a shapefile written by GDAL in GBK, its .cpg then deleted (as CAD exports come)."""
    path = os.path.join(folder, f"{layer}.shp")
    before = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)  # QGIS sets '', which turns GDAL's recoding to GBK off
    try:
        assert gdal.VectorTranslate(path, gpkg, options=gdal.VectorTranslateOptions(
            format="ESRI Shapefile", layers=[layer], layerCreationOptions=["ENCODING=GBK"])) is not None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", before)
    os.remove(os.path.join(folder, f"{layer}.cpg"))
    with open(os.path.join(folder, f"{layer}.dbf"), "rb") as handle:
        dbf = handle.read()
    assert dbf[29] == 0  # no language driver id either: nothing declares GBK
    assert owner.encode("gbk") in dbf and owner.encode("utf-8") not in dbf
    return path


def workbook_text(path):
    book = load_workbook(path)
    return {str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c}


def test_gbk_shapefile_without_cpg_in_the_notice_and_the_forms(tmp_path, run_alg):
    gpkg = map_fixtures.make_village(tmp_path)
    parcels = map_fixtures.village_parcels()
    shp = gbk_shapefile(gpkg, "ZD", str(tmp_path), parcels[0].owner)
    plain = QgsVectorLayer(shp, "plain", "ogr")  # what QGIS reads by itself: not the names
    assert {f["QLRMC"] for f in plain.getFeatures()}.isdisjoint({p.owner for p in parcels})
    del plain

    feedback = RecordingFeedback()
    result = run_alg("noticelist", {"PARCELS": shp, "START": "2020-09-28", "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path / "notice")},
                     feedback=feedback)
    listed = [parcels[k] for k in range(len(parcels)) if k % 3 == 0]  # the fixture's class-1 parcels
    assert result["PARCELS_LISTED"] == len(listed)
    text = workbook_text(tmp_path / "notice" / f"notice_registration_{VILLAGE_CODE}.xlsx")
    assert {p.owner for p in listed} <= text
    assert "ZD.shp has no .cpg; its text reads as GBK." in feedback.warnings

    result = run_alg("surveyforms", {"PARCELS": shp, "POINTS": layer_uri(gpkg, "JZD"), "FORMAT": 1,
                                     "OUTPUT_FOLDER": str(tmp_path / "forms")})
    assert result["FAILED"] == 0
    for parcel in parcels[:3]:
        assert parcel.owner in workbook_text(tmp_path / "forms" / f"{parcel.code}_权籍调查表.xlsx")


def test_a_project_layer_is_warned_about_not_changed(tmp_path, run_alg):
    gpkg = map_fixtures.make_village(tmp_path)
    shp = gbk_shapefile(gpkg, "ZD", str(tmp_path), map_fixtures.village_parcels()[0].owner)
    layer = QgsVectorLayer(shp, "宗地", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        feedback = RecordingFeedback()
        run_alg("noticelist", {"PARCELS": layer.id(), "START": "2020-09-28", "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path / "notice")},
                feedback=feedback)
        assert layer.dataProvider().encoding() == "UTF-8"
        assert any("Data source encoding to GBK" in w for w in feedback.warnings)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
