"""The layer adapter: one read into shapely arrays, on the right survey plane, saying what it noticed."""
import pytest
import shapely
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from homestead_cadastre.processing.library import adapters


def memory_layer(crs, wkts, fields="code:string(19)"):
    layer = QgsVectorLayer(f"Polygon?crs={crs}&field={fields}", "parcels", "memory")
    features = []
    for i, wkt in enumerate(wkts):
        f = QgsFeature(layer.fields())
        f.setAttributes([f"P{i}"])
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def test_projected_layer_read_as_is(qgis_app):
    layer = memory_layer("EPSG:4525", ["POLYGON((37597000 3069000, 37597010 3069000, 37597010 3069010, 37597000 3069010, 37597000 3069000))"])
    data = adapters.read_layer(layer)
    assert data.crs.authid() == "EPSG:4525" and not data.reprojected
    assert shapely.area(data.geometries[0]) == pytest.approx(100.0)
    assert data.column("code") == ["P0"]
    del layer


def test_geographic_layer_goes_to_its_zone(qgis_app):
    # a small square near Loudi (111.99°E): zone 37, prefixed easting
    layer = memory_layer("EPSG:4490", ["POLYGON((111.99 27.73, 111.9901 27.73, 111.9901 27.7301, 111.99 27.7301, 111.99 27.73))"])
    data = adapters.read_layer(layer)
    assert data.crs.authid() == "EPSG:4525" and data.reprojected
    x = shapely.get_coordinates(data.geometries[0])[:, 0]
    assert (x > 37_500_000).all()
    del layer


def test_problems_noticed_and_nothing_dropped(qgis_app):
    layer = memory_layer("EPSG:4525", [
        "POLYGON Z((0 0 5, 10 0 5, 10 10 5, 0 0 5))",
        None,
        "POLYGON((0 0, 10 0, 10 10, 0 0))",
    ])
    data = adapters.read_layer(layer)
    assert len(data) == 3
    assert [p.id for _fid, p in data.problems] == ["GEOM_ZM", "GEOM_EMPTY"]
    assert data.geometries[1] is None
    assert not shapely.has_z(data.geometries[0])
    del layer


def test_missing_field_is_refused_with_its_name(qgis_app):
    layer = memory_layer("EPSG:4525", [])
    with pytest.raises(QgsProcessingException, match="ZDDM"):
        adapters.read_layer(layer, required=["ZDDM"])
    del layer


def test_layer_outside_china_or_empty_is_refused(qgis_app):
    layer = memory_layer("EPSG:4326", ["POLYGON((2 48, 2.001 48, 2.001 48.001, 2 48))"])
    with pytest.raises(QgsProcessingException, match="outside China"):
        adapters.read_layer(layer)
    empty = memory_layer("EPSG:4490", [])
    with pytest.raises(QgsProcessingException, match="empty"):
        adapters.read_layer(empty)
    del layer, empty
