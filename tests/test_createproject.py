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

    from homestead_cadastre.processing.create_project import survey_crs

    for epsg in range(4513, 4555):
        assert survey_crs(QgsCoordinateReferenceSystem(f"EPSG:{epsg}")) == epsg
