"""homestead:createproject writes a GeoPackage and a project that open in QGIS with the schema's fields,
aliases, value maps and stored default styles."""
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer, QgsWkbTypes

from homestead_cadastre.cadastre import schema


@pytest.fixture
def created(tmp_path, run_alg):
    out = tmp_path / "village.gpkg"
    result = run_alg("createproject", {"CRS": "EPSG:4525", "TITLE": "测试村", "OUTPUT": str(out)})
    return out, result


def test_layers_fields_aliases(created):
    out, result = created
    assert result["OUTPUT"] == str(out)
    for layer_schema in schema.ALL_LAYERS:
        layer = QgsVectorLayer(f"{out}|layername={layer_schema.name}", layer_schema.name, "ogr")
        assert layer.isValid(), layer_schema.name
        names = [f.name() for f in layer.fields()]
        assert names[0] == "fid"
        assert names[1:] == layer_schema.field_names
        if layer_schema.geometry != schema.NONE:
            assert layer.crs().authid() == "EPSG:4525"
        else:
            assert layer.geometryType() == QgsWkbTypes.NullGeometry
        # the default style stored in the GeoPackage brings aliases and value maps
        for f in layer_schema.fields:
            index = layer.fields().indexOf(f.name)
            assert layer.attributeAlias(index) == f.alias, (layer_schema.name, f.name)
            setup = layer.editorWidgetSetup(index)
            if f.codelist:
                assert setup.type() == "ValueMap", (layer_schema.name, f.name)
                values = [list(entry.values())[0] for entry in setup.config()["map"]]
                assert values == list(schema.CODELISTS[f.codelist])
        del layer


def test_styles_stored_as_default(created):
    out, _ = created
    with closing(sqlite3.connect(out)) as db:  # `with connect()` alone leaves it open
        rows = db.execute("select f_table_name, useAsDefault, styleQML from layer_styles").fetchall()
    styled = {name for name, default, qml in rows if default}
    assert styled == {layer.name for layer in schema.ALL_LAYERS}
    qml = {name: qml for name, _, qml in rows}
    assert "ZDDM" in qml["ZD"] and "宗地代码" in qml["ZD"]
    assert 'renderer-v2' in qml["ZD"]
    # the symbology of symbology/zd.qml came along: red parcel boundary, labels in the CJK font
    assert "200,30,30" in qml["ZD"] and "Noto Sans CJK SC" in qml["ZD"]
    assert "JZDH" in qml["JZD"]


def test_project_opens_with_all_layers(created):
    out, result = created
    project = QgsProject()
    assert project.read(result["PROJECT"])
    try:
        assert project.crs().authid() == "EPSG:4525"
        assert project.title() == "测试村"
        layers = {layer.name(): layer for layer in project.mapLayers().values()}
        assert set(layers) == {layer.alias for layer in schema.ALL_LAYERS}
        assert all(layer.isValid() for layer in layers.values())
        zd = layers["宗地"]
        assert zd.attributeAlias(zd.fields().indexOf("ZDMJ")) == "宗地面积"
        # relative paths: the project names the GeoPackage by its file name only
        text = Path(result["PROJECT"]).read_text(encoding="utf-8")
        assert "./village.gpkg" in text and str(out.parent) not in text
    finally:
        project.clear()


def test_refuses_non_zone_crs(tmp_path, run_alg):
    with pytest.raises(QgsProcessingException, match="EPSG:4513-4554"):
        run_alg("createproject", {"CRS": "EPSG:4326", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert not (tmp_path / "x.gpkg").exists()
    assert list(tmp_path.iterdir()) == []


def test_every_zone_epsg_accepted(tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem

    from homestead_cadastre.processing.algorithms.create_project import survey_crs

    for epsg in range(4513, 4555):
        assert survey_crs(QgsCoordinateReferenceSystem(f"EPSG:{epsg}")) == epsg


# the house side as the shared spec writes it out (TD/T 1066 names; MJBF our extension)
HOUSE_SPEC = {
    "LJZ": (schema.NONE, {"LJZH": ("String", 10), "ZRZH": ("String", 24), "MPH": ("String", 100),
          "FWYT1": ("Integer", 0), "JGRQ": ("Date", 0)}),
    "C": (schema.POLYGON, {"ZRZH": ("String", 24), "CH": ("String", 10), "SJC": ("Integer", 0),
          "MYC": ("String", 20), "CG": ("Real", 0), "CJZMJ": ("Real", 0), "SPTYMJ": ("Real", 0)}),
    "H": (schema.POLYGON, {"BDCDYH": ("String", 28), "ZRZH": ("String", 24), "CH": ("String", 10),
          "HH": ("String", 4), "SJCS": ("Integer", 0), "FWXZ": ("Integer", 0), "JGSJ": ("Date", 0),
          "QTGSD": ("Integer", 0), "QTGSN": ("Integer", 0), "QTGSX": ("Integer", 0), "QTGSB": ("Integer", 0)}),
    "MJBF": (schema.POLYGON, {"ZRZH": ("String", 24), "CH": ("String", 10), "BWLX": ("String", 0),
          "ZZ": ("Integer", 0), "FB": ("Integer", 0), "XS": ("Real", 0), "JSMJ": ("Real", 0)}),
}


def test_house_layers_in_the_template_and_the_project(created):
    from osgeo import ogr

    out, result = created
    source = ogr.Open(str(out))
    for name, (geometry, fields) in HOUSE_SPEC.items():
        layer = source.GetLayerByName(name)
        assert layer is not None, name
        assert (layer.GetGeomType() == ogr.wkbNone) == (geometry == schema.NONE), name
        defn = layer.GetLayerDefn()
        for field_name, (kind, width) in fields.items():
            f = defn.GetFieldDefn(defn.GetFieldIndex(field_name))
            assert f is not None and f.GetTypeName() == kind, (name, field_name)
            if width:
                assert f.GetWidth() == width, (name, field_name)
    source = None
    project = QgsProject()
    assert project.read(result["PROJECT"])
    try:
        group = project.layerTreeRoot().findGroup("Houses") or project.layerTreeRoot().findGroup("房屋")
        assert group is not None
        assert [node.name() for node in group.findLayers()] == ["逻辑幢", "层", "户", "面积部位"]
        mjbf = next(layer for layer in project.mapLayers().values() if layer.name() == "面积部位")
        config = mjbf.editorWidgetSetup(mjbf.fields().indexOf("BWLX")).config()
        labels = {list(entry.values())[0]: list(entry.keys())[0] for entry in config["map"]}
        assert labels["YT_WFB"].endswith("未封闭阳台") and labels["SWLT"].endswith("室外楼梯")
        assert mjbf.renderer() is not None and "f_diagonal" in open(
            Path(__file__).parents[1] / "symbology" / "mjbf.qml", encoding="utf-8").read()
    finally:
        project.clear()
