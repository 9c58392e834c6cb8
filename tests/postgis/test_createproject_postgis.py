"""homestead:createproject with a PostGIS destination: the same layers, fields, types, aliases, value maps and
styles as the GeoPackage, code lists in the database, a project stored in the database, and refusals."""
import uuid

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsVectorLayer

from homestead_cadastre.cadastre import schema


def _schema_name():
    return f"s_{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def created(pg_database, provider):
    import processing

    name = _schema_name()
    result = processing.run("homestead:createproject", {
        "CRS": "EPSG:4525", "TITLE": "测试村", "DATABASE": pg_database, "SCHEMA": name,
        "ROLE_PREFIX": f"t{uuid.uuid4().hex[:6]}"})
    return name, result


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory, provider):
    import processing

    out = tmp_path_factory.mktemp("gpkg") / "village.gpkg"
    processing.run("homestead:createproject", {"CRS": "EPSG:4525", "OUTPUT": str(out)})
    return out


def _project_layers(project):
    return {layer.name(): layer for layer in project.mapLayers().values()}


def test_tables_columns_and_types_match_the_geopackage(created, gpkg, pg_database):
    name, result = created
    project = QgsProject()
    assert project.read(result["PROJECT"])
    try:
        layers = _project_layers(project)
        assert set(layers) == {layer.alias for layer in schema.ALL_LAYERS}
        for layer_schema in schema.ALL_LAYERS:
            pg_layer = layers[layer_schema.alias]
            assert pg_layer.isValid() and pg_layer.providerType() == "postgres"
            local = QgsVectorLayer(f"{gpkg}|layername={layer_schema.name}", "local", "ogr")
            pg_fields = [(f.name(), f.type()) for f in pg_layer.fields()]
            local_fields = [(f.name(), f.type()) for f in local.fields()]
            # the same fields, in the same order, with the same QGIS types (fid: int4 vs int64 key aside)
            assert [n for n, _ in pg_fields] == [n for n, _ in local_fields] == ["fid"] + layer_schema.field_names
            assert pg_fields[1:] == local_fields[1:], layer_schema.name
            for f in layer_schema.fields:
                if f.type == schema.TEXT and f.length:
                    assert pg_layer.fields().field(f.name).length() == f.length, (layer_schema.name, f.name)
            assert pg_layer.wkbType() == local.wkbType(), layer_schema.name
            if layer_schema.geometry != schema.NONE:
                assert pg_layer.crs().authid() == "EPSG:4525"
            del local
    finally:
        project.clear()


def test_project_in_database_has_aliases_value_maps_and_styles(created, pg_database, pg_sql):
    name, result = created
    assert result["PROJECT"].startswith("postgresql://") and f"schema={name}" in result["PROJECT"]
    stored = pg_sql(pg_database, f'SELECT name FROM "{name}".qgis_projects')
    assert stored == [(name,)]
    project = QgsProject()
    assert project.read(result["PROJECT"])
    try:
        assert project.title() == "测试村"
        assert project.crs().authid() == "EPSG:4525"
        for layer_schema in schema.ALL_LAYERS:
            layer = _project_layers(project)[layer_schema.alias]
            for f in layer_schema.fields:
                index = layer.fields().indexOf(f.name)
                assert layer.attributeAlias(index) == f.alias, (layer_schema.name, f.name)
                if f.codelist:
                    setup = layer.editorWidgetSetup(index)
                    assert setup.type() == "ValueMap", (layer_schema.name, f.name)
                    assert [list(e.values())[0] for e in setup.config()["map"]] == list(schema.CODELISTS[f.codelist])
    finally:
        project.clear()


def test_stored_layer_sources_carry_no_login(created):
    _, result = created
    project = QgsProject()
    assert project.read(result["PROJECT"])
    try:
        for layer in project.mapLayers().values():
            assert "user=" not in layer.source() and "password=" not in layer.source(), layer.source()
    finally:
        project.clear()


def test_default_styles_in_layer_styles(created, pg_database, pg_sql):
    name, _ = created
    rows = pg_sql(pg_database, "SELECT f_table_name, useasdefault, styleqml FROM layer_styles WHERE f_table_schema = %s",
                  (name,))
    assert {table for table, default, _ in rows if default} == {layer.name for layer in schema.ALL_LAYERS}
    qml = {table: text for table, _, text in rows}
    # the symbology of symbology/zd.qml came along (red parcel boundary, CJK labels) and the aliases
    assert "200,30,30" in qml["ZD"] and "Noto Sans CJK SC" in qml["ZD"] and "宗地代码" in qml["ZD"]


def test_geometry_columns_and_indexes(created, pg_database, pg_sql):
    name, _ = created
    rows = pg_sql(pg_database, "SELECT f_table_name, type, srid FROM geometry_columns WHERE f_table_schema = %s", (name,))
    expected = {"polygon": "MULTIPOLYGON", "line": "LINESTRING", "point": "POINT"}
    assert {r[0]: (r[1], r[2]) for r in rows} == {
        layer.name: (expected[layer.geometry], 4525) for layer in schema.ALL_LAYERS if layer.geometry != schema.NONE}
    gist = pg_sql(pg_database, "SELECT tablename FROM pg_indexes WHERE schemaname = %s AND indexdef LIKE '%%USING gist%%'", (name,))
    assert {r[0] for r in gist} == {layer.name for layer in schema.ALL_LAYERS if layer.geometry != schema.NONE}


def test_code_lists_table(created, pg_database, pg_sql):
    name, _ = created
    rows = pg_sql(pg_database, f'SELECT list, code, label FROM "{name}".codelist')
    expected = {(list_name, str(code), label) for list_name, codes in schema.CODELISTS.items() for code, label in codes.items()}
    assert set(rows) == expected and len(rows) == len(expected)
    comment = pg_sql(pg_database, f"""SELECT col_description('"{name}"."ZD"'::regclass, attnum) FROM pg_attribute
                      WHERE attrelid = '"{name}"."ZD"'::regclass AND attname = 'LB'""")
    assert comment[0][0].startswith("类别 [LB]")


def test_existing_schema_is_never_written_over(created, pg_database, pg_sql, run_alg):
    name, _ = created
    pg_sql(pg_database, f'INSERT INTO "{name}"."QLR" ("QLRMC") VALUES (%s)', ("张三",))
    with pytest.raises(QgsProcessingException, match="already exists"):
        run_alg("createproject", {"CRS": "EPSG:4525", "DATABASE": pg_database, "SCHEMA": name, "ROLES": False})
    assert pg_sql(pg_database, f'SELECT "QLRMC" FROM "{name}"."QLR"') == [("张三",)]


@pytest.mark.parametrize("params, message", [
    ({"SCHEMA": "Bad-Name"}, "lower-case letters"),
    ({"SCHEMA": ""}, "name of the new schema"),
    ({"OUTPUT": "GPKG"}, "not both"),
])
def test_refusals(params, message, pg_database, run_alg, tmp_path, pg_sql):
    params = dict(params)
    if params.get("OUTPUT") == "GPKG":
        params["OUTPUT"] = str(tmp_path / "x.gpkg")
        params["SCHEMA"] = _schema_name()
    before = pg_sql(pg_database, "SELECT count(*) FROM pg_namespace")
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("createproject", dict(params, CRS="EPSG:4525", DATABASE=pg_database, ROLES=False))
    assert pg_sql(pg_database, "SELECT count(*) FROM pg_namespace") == before
    assert list(tmp_path.iterdir()) == []


def test_unknown_connection_name(run_alg):
    with pytest.raises(QgsProcessingException, match="no saved PostgreSQL connection named 'county_db'"):
        run_alg("createproject", {"CRS": "EPSG:4525", "DATABASE": "county_db", "SCHEMA": "x"})


def test_neither_destination(run_alg):
    with pytest.raises(QgsProcessingException, match="Choose where to create the survey"):
        run_alg("createproject", {"CRS": "EPSG:4525"})


def test_canceled_creation_leaves_nothing(pg_database, pg_sql, provider):
    import processing

    class CancelAfterSchema(QgsProcessingFeedback):
        def setProgress(self, progress):  # noqa: N802 (QGIS API name)
            super().setProgress(progress)
            if progress >= 30:  # the schema exists, the styles are being written
                self.cancel()

    name = _schema_name()
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run("homestead:createproject", {"CRS": "EPSG:4525", "DATABASE": pg_database, "SCHEMA": name,
                                                   "ROLES": False}, feedback=CancelAfterSchema())
    assert pg_sql(pg_database, "SELECT count(*) FROM pg_namespace WHERE nspname = %s", (name,)) == [(0,)]
    styles = pg_sql(pg_database, "SELECT to_regclass('layer_styles') IS NOT NULL")[0][0]
    if styles:
        assert pg_sql(pg_database, "SELECT count(*) FROM layer_styles WHERE f_table_schema = %s", (name,)) == [(0,)]


def test_database_without_postgis_is_refused(pg_database, psycopg2, run_alg, pg_sql):
    """Enabling PostGIS is the administrator's (a superuser's) job: a database without it is refused, clearly,
    and nothing is created in it."""
    name = f"hc_plain_{uuid.uuid4().hex[:8]}"
    pg_sql(pg_database, f'CREATE DATABASE "{name}"')
    plain = " ".join(p for p in pg_database.split() if not p.startswith("dbname=")) + f" dbname={name}"
    try:
        with pytest.raises(QgsProcessingException, match="CREATE EXTENSION postgis"):
            run_alg("createproject", {"CRS": "EPSG:4525", "DATABASE": plain, "SCHEMA": "survey", "ROLES": False})
        assert pg_sql(plain, "SELECT count(*) FROM pg_namespace WHERE nspname = 'survey'") == [(0,)]
    finally:
        pg_sql(pg_database, f'DROP DATABASE "{name}" WITH (FORCE)')
