"""The demo village loaded into PostGIS gives the same data, checks and classification as the GeoPackage,
and the server's overlays equal the local ones."""
import sys
import uuid
from pathlib import Path

import pytest
from qgis.core import QgsDataSourceUri, QgsFeatureRequest, QgsVectorLayer

from homestead_cadastre.cadastre import schema

REPO = Path(__file__).resolve().parents[2]
VILLAGE = REPO / "sample_data" / "demo_village.gpkg"
sys.path.insert(0, str(REPO / "tools"))
import pg_load  # noqa: E402


@pytest.fixture(scope="module")
def village(pg_database, provider):
    """(schema name, opener(layer name) -> postgres layer, opener(layer name) -> GeoPackage layer)."""
    if not VILLAGE.exists():
        pytest.skip(f"the demo village {VILLAGE} is not there (make sample-data)")
    import processing

    name = f"v_{uuid.uuid4().hex[:8]}"
    processing.run("homestead:createproject", {"CRS": "EPSG:4525", "DATABASE": pg_database, "SCHEMA": name,
                                               "ROLES": False})
    counts = pg_load.load(str(VILLAGE), pg_database, name)
    assert counts["ZD"] > 0

    def pg(layer_name):
        uri = QgsDataSourceUri(pg_database)
        layer_schema = schema.LAYERS[layer_name]
        uri.setDataSource(name, layer_name, None if layer_schema.geometry == schema.NONE else "geom", "", "fid")
        layer = QgsVectorLayer(uri.uri(False), f"pg {layer_name}", "postgres")
        assert layer.isValid()
        return layer

    def gpkg(layer_name):
        layer = QgsVectorLayer(f"{VILLAGE}|layername={layer_name}", f"gpkg {layer_name}", "ogr")
        assert layer.isValid()
        return layer

    return name, pg, gpkg


def _rows(layer, names):
    request = QgsFeatureRequest().addOrderBy("fid")
    rows = {}
    for feature in layer.getFeatures(request):
        geometry = feature.geometry()
        if not geometry.isNull():
            geometry.convertToMultiType()
        rows[feature.id()] = ([feature[n] for n in names], None if geometry.isNull() else geometry.asWkt(6))
    return rows


@pytest.mark.parametrize("layer_name", [layer.name for layer in schema.ALL_LAYERS])
def test_same_features_fids_values_and_geometries(village, layer_name):
    _, pg, gpkg = village
    pg_layer, local = pg(layer_name), gpkg(layer_name)
    try:
        names = [n for n in schema.LAYERS[layer_name].field_names if local.fields().indexOf(n) >= 0 and n != "BBH"]
        assert _rows(pg_layer, names) == _rows(local, names)
    finally:
        del pg_layer, local
