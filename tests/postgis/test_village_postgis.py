"""The demo village loaded into PostGIS gives the same data, checks and classification as the GeoPackage,
and the server's overlays equal the local ones."""
import sys
import uuid
from pathlib import Path

import pytest
from qgis.core import QgsDataSourceUri, QgsFeatureRequest, QgsProcessingFeedback, QgsVectorLayer

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


class Said(QgsProcessingFeedback):
    """Feedback that keeps what the algorithm said."""

    def __init__(self):
        super().__init__()
        self.said = []

    def pushInfo(self, info):  # noqa: N802 (QGIS API name)
        self.said.append(info)
        super().pushInfo(info)


def _by_fid(layer, names):
    """{fid attribute: [values]} of an output layer (outputs keep the input's fid as an attribute)."""
    return {feature["fid"]: [feature[n] for n in names] for feature in layer.getFeatures()}


@pytest.mark.parametrize("in_database", [0, 1])
def test_classification_is_the_same(village, run_alg, in_database):
    """homestead:classify on the PostGIS village (farmland overlay here or in the database) gives every
    parcel the same class, area to register, notes and farmland area as on the GeoPackage."""
    _, pg, gpkg = village
    names = [f.name for f in schema.ZD_DECISION] + ["ZYJBNTMJ"]
    results = []
    for opener, extra in ((gpkg, {}), (pg, {"IN_DATABASE": in_database})):
        zd, jbnt = opener("ZD"), opener("JBNT")
        feedback = Said()
        try:
            out = run_alg("classify", {"INPUT": zd, "FARMLAND": jbnt, "POLICY": "louxing_2020",
                                       "OUTPUT": "memory:", **extra}, feedback=feedback)
            results.append((_by_fid(out["OUTPUT"], names), {k: v for k, v in out.items() if k.startswith("CLASS")}))
        finally:
            del zd, jbnt
    # loopback is this machine: Automatic overlays here; asked, the database does them
    assert ("Farmland overlay computed in the database." in feedback.said) == (in_database == 1)
    (local, local_counts), (database, database_counts) = results
    assert len(local) == 300 and database == local
    assert database_counts == local_counts and sum(local_counts.values()) == 300
    assert any(row[-1] for row in local.values())  # some parcels do occupy farmland


def _rows_of(layer):
    """Sorted rows (attributes, WKT) of an output layer, without the row version BBH (kept by the database
    only: 1 in PostGIS, empty in the GeoPackage)."""
    keep = [i for i, field in enumerate(layer.fields()) if field.name() != "BBH"]
    rows = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        values = feature.attributes()
        rows.append((tuple(values[i] for i in keep), None if geometry.isNull() else geometry.asWkt(4)))
    return sorted(rows, key=lambda row: repr(row))


def _dxf_entities(path):
    """Sorted (layer, text, WKT) of every entity of a DXF file, read by GDAL."""
    from osgeo import ogr

    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    rows = sorted((f.GetField("Layer"), f.GetField("Text"), f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None)
                  for f in layer)
    source = None
    return rows


def test_areas_boundary_points_and_table_are_the_same(village, run_alg, tmp_path):
    """The geometry and map algorithms take PostGIS layers as they take GeoPackage layers, with the same
    outputs (parcel areas, boundary points and lines, 四至, the 界址点成果表, the DXF drawing)."""
    _, pg, gpkg = village
    outputs = []
    for way, opener in (("gpkg", gpkg), ("pg", pg)):
        zd, zrz, roads = opener("ZD"), opener("ZRZ"), opener("DXT_DL")
        try:
            areas = run_alg("parcelareas", {"INPUT": zd, "CODE_FIELD": "ZDDM", "RECORDED_AREA_FIELD": "DCMJ",
                                            "SCALE": 1000, "BUILDINGS": zrz, "OUTPUT": "memory:"})
            points = run_alg("boundarypoints", {"INPUT": zd, "CODE_FIELD": "ZDDM", "TOLERANCE": 0.05, "ROADS": roads,
                                                "ROAD_NAME_FIELD": "MC", "OUTPUT_POINTS": "memory:",
                                                "OUTPUT_LINES": "memory:", "OUTPUT": "memory:"})
            run_alg("boundarytable", {"INPUT": zd, "CODE_FIELD": "ZDDM", "OWNER_FIELD": "QLRMC",
                                              "BUILDINGS": zrz, "OUTPUT_XLSX": str(tmp_path / f"{way}.xlsx"),
                                              "OUTPUT_CSV": str(tmp_path / f"{way}.csv")})
            run_alg("exportdxf", {"INPUT": zd, "BUILDINGS": zrz, "OUTPUT": str(tmp_path / f"{way}.dxf")})
            outputs.append((
                _rows_of(areas["OUTPUT"]), _rows_of(points["OUTPUT_POINTS"]), _rows_of(points["OUTPUT_LINES"]),
                _rows_of(points["OUTPUT"]), (tmp_path / f"{way}.csv").read_text(encoding="utf-8-sig"),
                _dxf_entities(tmp_path / f"{way}.dxf")))
        finally:
            del zd, zrz, roads
    local, database = outputs
    assert len(local[0]) == 300 and len(local[1]) > 300
    assert len(local[5]) > 300
    for what, mine, theirs in zip(("areas", "points", "lines", "parcels", "table", "dxf"), database, local):
        if mine != theirs:
            diff = [(a, b) for a, b in zip(mine, theirs) if a != b][:1]
            raise AssertionError(f"{what} differ: {diff}")


def test_outputs_can_go_into_postgis(village, run_alg, pg_database, pg_sql):
    """A Processing output written into the survey database (the postgis: destination) holds the same rows."""
    name, pg, gpkg = village
    zd, jbnt = pg("ZD"), pg("JBNT")
    try:
        uri = QgsDataSourceUri(pg_database)
        uri.setDataSource(name, "zd_classified", "geom", "", "fid")
        run_alg("classify", {"INPUT": zd, "FARMLAND": jbnt, "POLICY": "louxing_2020",
                             "OUTPUT": "postgis:" + uri.uri(False)})
        memory = run_alg("classify", {"INPUT": zd, "FARMLAND": jbnt, "POLICY": "louxing_2020", "OUTPUT": "memory:"})
        expected = sorted((f["fid"], f["LB"], f["DJMJ"]) for f in memory["OUTPUT"].getFeatures())
    finally:
        del zd, jbnt
    stored = pg_sql(pg_database, f'SELECT "fid", "LB", "DJMJ" FROM "{name}".zd_classified ORDER BY 1')
    assert len(stored) == 300
    assert sorted((int(a), b, c) for a, b, c in stored) == expected
