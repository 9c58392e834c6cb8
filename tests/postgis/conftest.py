"""PostGIS test fixtures: a real PostgreSQL + PostGIS server named by HC_TEST_PG (libpq conninfo of a
superuser), as started by tools/pg_test_server.sh (`make test-postgis`). Without it every test here is
skipped with the reason; the GeoPackage tests do not need it.

Each test session works in a fresh database of its own (dropped at the end); login roles for the team
members are made per session too.
"""
from __future__ import annotations

import os
import uuid

import pytest

SERVER = os.environ.get("HC_TEST_PG", "")
NO_SERVER = ("no PostgreSQL/PostGIS test server: HC_TEST_PG is not set. Run `make test-postgis`, which starts "
             "a throwaway server on 127.0.0.1 with tools/pg_test_server.sh")


if SERVER:
    # Projects made by createproject store layer sources without a login (each person connects as
    # themselves): here libpq takes the user from PGUSER. Tests that open a project as someone else set it.
    os.environ.setdefault("PGUSER", dict(item.split("=", 1) for item in SERVER.split()).get("user", "postgres"))
    os.environ.setdefault("PGCONNECT_TIMEOUT", "10")


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.postgis)
            if not SERVER:
                item.add_marker(pytest.mark.skip(reason=NO_SERVER))


def conninfo(base: str, **changes) -> str:
    """``base`` (libpq key=value conninfo) with some keys replaced or added."""
    parts = dict(item.split("=", 1) for item in base.split())
    parts.update({key: str(value) for key, value in changes.items()})
    return " ".join(f"{key}={value}" for key, value in parts.items())


@pytest.fixture(scope="session")
def psycopg2():
    return pytest.importorskip("psycopg2", reason="python3-psycopg2 is not installed (tools/pg_test_server.sh installs it)")


@pytest.fixture(scope="session")
def pg_database(psycopg2):
    """conninfo (superuser) of a fresh database with PostGIS, dropped after the session."""
    name = f"hc_test_{uuid.uuid4().hex[:10]}"
    admin = psycopg2.connect(SERVER)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    info = conninfo(SERVER, dbname=name)
    db = psycopg2.connect(info)
    db.autocommit = True
    with db.cursor() as cur:
        cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    db.close()
    yield info
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="session")
def team(psycopg2, pg_database):
    """Login roles for people (names -> conninfo), made members of the team roles by their job."""
    suffix = uuid.uuid4().hex[:6]
    people = {"reviewer_a": "reviewer", "reviewer_b": "reviewer", "surveyor": "surveyor", "agriculture": "readonly"}
    logins = {}
    db = psycopg2.connect(pg_database)
    db.autocommit = True
    with db.cursor() as cur:
        cur.execute("SELECT 1")
        for person in people:
            login = f"{person}_{suffix}"
            cur.execute(f'CREATE ROLE "{login}" LOGIN')
            logins[person] = login
    db.close()
    yield {person: (login, people[person], conninfo(pg_database, user=login)) for person, login in logins.items()}


@pytest.fixture(scope="session")
def pg_sql(psycopg2):
    """run(info, statement, params=None): one statement in autocommit; its rows, or None."""

    def run(info: str, statement: str, params=None):
        con = psycopg2.connect(info)
        con.autocommit = True
        try:
            with con.cursor() as cur:
                cur.execute(statement, params)
                return cur.fetchall() if cur.description else None
        finally:
            con.close()

    return run


@pytest.fixture(scope="module")
def survey(pg_database, team, pg_sql, provider):
    """A survey schema made by homestead:createproject with team roles of its own; the team's logins are
    members of them. Returns a namespace: schema, roles, project, layer(person, table) -> QgsVectorLayer."""
    import processing
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    from homestead_cadastre.cadastre.database import pg_schema

    name = f"s_{uuid.uuid4().hex[:8]}"
    prefix = f"t{uuid.uuid4().hex[:6]}"
    result = processing.run("homestead:createproject", {
        "CRS": "EPSG:4525", "DATABASE": pg_database, "SCHEMA": name, "ROLE_PREFIX": prefix})
    roles = pg_schema.Roles.with_prefix(prefix)
    for login, job, _info in team.values():
        pg_sql(pg_database, f'GRANT "{getattr(roles, job)}" TO "{login}"')

    def layer(person: str, table: str = "ZD") -> QgsVectorLayer:
        info = team[person][2] if person != "owner" else pg_database
        uri = QgsDataSourceUri(info)
        geometry = None if table in ("SHJL", "QLR") else "geom"
        uri.setDataSource(name, table, geometry, "", "fid")
        result_layer = QgsVectorLayer(uri.uri(False), f"{person}:{table}", "postgres")
        assert result_layer.isValid(), (person, table)
        return result_layer

    class Survey:
        pass

    s = Survey()
    s.schema, s.roles, s.project, s.layer, s.database = name, roles, result["PROJECT"], layer, pg_database
    s.info = {person: values[2] for person, values in team.items()}
    s.info["owner"] = pg_database
    return s
