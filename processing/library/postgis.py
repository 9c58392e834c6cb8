"""PostGIS through QGIS's own connection API (no extra Python package): connections by name or URI, running
the SQL of cadastre/database/pg_schema.py, layer and project URIs, and recognising PostGIS layers for the server paths.

A database is named the way a QGIS user knows it: a saved connection (Browser ▸ PostgreSQL) or a libpq
connection string ("service=county", "host=... dbname=... user=..."). Passwords never go into layer sources
or projects: each member of the team connects with their own login (a service file, or QGIS asks).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsAbstractDatabaseProviderConnection,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsException,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUrl, QUrlQuery

from ...cadastre import schema
from ...cadastre.database import pg_overlay, pg_schema
from ...cadastre.messages import translatable
from ...cadastre.overlay import Overlaps
from ...i18n import tr
from .layers import WKB_TYPES

PROVIDER = "postgres"


def _metadata():
    return QgsProviderRegistry.instance().providerMetadata(PROVIDER)


def connection_names() -> List[str]:
    return sorted(_metadata().connections().keys())


def connect(database: str) -> QgsAbstractDatabaseProviderConnection:
    """The connection named ``database`` (a saved QGIS connection), or one made from it as a libpq
    connection string or service. Refuses, naming the saved connections, when it is neither."""
    database = (database or "").strip()
    saved = _metadata().connections()
    if database in saved:
        return _metadata().createConnection(database)
    if "=" not in database:
        raise QgsProcessingException(tr(
            "There is no saved PostgreSQL connection named '{name}'. Saved connections: {names}. Give a saved "
            "connection's name, a service (service=name) or a connection string (host=... dbname=... user=...)."
        ).format(name=database, names=", ".join(sorted(saved)) or tr("none")))
    uri = QgsDataSourceUri(database)
    if not uri.database() and not uri.service():
        raise QgsProcessingException(tr(
            "The connection string '{uri}' names no database: add dbname=... (or service=...)."
        ).format(uri=database))
    return _metadata().createConnection(uri.uri(False), {})


def execute(conn: QgsAbstractDatabaseProviderConnection, sql: str, what: str = "") -> list:
    """Run ``sql`` (several statements run as one transaction) and return its rows; a database error becomes a
    translated refusal that says what was being done and the server's message."""
    try:
        return conn.executeSql(sql)
    except QgsException as error:
        raise QgsProcessingException(tr("The database refused {what}: {error}").format(
            what=what or tr("the command"), error=_server_message(str(error)))) from None


def _server_message(text: str) -> str:
    """The server's own words from a QGIS SQL error ("SQL error: <sql> returned 0 [ERROR: ...]")."""
    start = text.rfind("[ERROR:")
    if start < 0:
        return text.strip()
    return text[start + 1:].rstrip("]\n ").strip()


def credentials_free(uri_text: str) -> QgsDataSourceUri:
    """``uri_text`` without its password."""
    uri = QgsDataSourceUri(uri_text)
    uri.setPassword("")
    return uri


def credentials_free_name(conn: QgsAbstractDatabaseProviderConnection) -> str:
    """The database a connection points at, said without password: dbname@host, or the service."""
    uri = QgsDataSourceUri(conn.uri())
    if uri.service():
        return f"service={uri.service()}"
    return f"{uri.database()}@{uri.host() or 'localhost'}" + (f":{uri.port()}" if uri.port() else "")


def strip_login_from_layer_xml(layer, element, _document) -> None:
    """QgsProject.writeMapLayer slot: the stored data source of a postgres layer without user name and
    password, so that whoever opens the project connects as themselves (a service file, PGUSER, the QGIS
    authentication database, or QGIS asks)."""
    if layer.providerType() != PROVIDER:
        return
    node = element.firstChildElement("datasource")
    if node.isNull():
        return
    uri = QgsDataSourceUri(node.text())
    uri.setUsername("")
    uri.setPassword("")
    text = node.firstChild().toText()
    if not text.isNull():
        text.setData(uri.uri(False))


def layer_uri(conn: QgsAbstractDatabaseProviderConnection, schema_name: str, layer: schema.Layer, srid: int) -> str:
    """Data source of one survey table for QGIS's postgres provider (key fid, geometry geom, type and SRID
    given so QGIS does not scan the table)."""
    uri = credentials_free(conn.uri())
    if layer.geometry == schema.NONE:
        uri.setDataSource(schema_name, layer.name, None, "", pg_schema.PRIMARY_KEY)
        uri.setWkbType(QgsWkbTypes.NoGeometry)
    else:
        uri.setDataSource(schema_name, layer.name, pg_schema.GEOMETRY_COLUMN, "", pg_schema.PRIMARY_KEY)
        uri.setWkbType(WKB_TYPES[layer.geometry])
        uri.setSrid(str(srid))
    return uri.uri(False)


def open_layer(conn, schema_name: str, layer: schema.Layer, srid: int, display_name: str = "") -> QgsVectorLayer:
    result = QgsVectorLayer(layer_uri(conn, schema_name, layer, srid), display_name or layer.name, PROVIDER)
    if not result.isValid():
        raise QgsProcessingException(tr("Table {table} of schema {schema} does not open in QGIS: {error}").format(
            table=layer.name, schema=schema_name, error=result.dataProvider().error().summary() if result.dataProvider() else ""))
    return result


def project_uri(conn: QgsAbstractDatabaseProviderConnection, schema_name: str, project_name: str) -> str:
    """The address of a project stored in the database (QGIS's postgresql:// project storage), the same form
    QGIS writes itself: postgresql://user@host:port?sslmode=..&dbname=..&schema=..&project=.."""
    uri = credentials_free(conn.uri())
    url = QUrl()
    url.setScheme("postgresql")
    url.setHost(uri.host())
    if uri.port():
        url.setPort(int(uri.port()))
    url.setUserName(uri.username())
    query = QUrlQuery()
    if uri.service():
        query.addQueryItem("service", uri.service())
    if uri.authConfigId():
        query.addQueryItem("authcfg", uri.authConfigId())
    if uri.sslMode() != QgsDataSourceUri.SslPrefer:
        query.addQueryItem("sslmode", QgsDataSourceUri.encodeSslMode(uri.sslMode()))
    query.addQueryItem("dbname", uri.database())
    query.addQueryItem("schema", schema_name)
    query.addQueryItem("project", project_name)
    url.setQuery(query)
    return bytes(url.toEncoded()).decode("utf-8")


def regclass(conn, name: str) -> Optional[str]:
    """The table ``name`` resolves to on the connection's search path (e.g. public.layer_styles), or None."""
    rows = execute(conn, f"SELECT to_regclass({pg_schema.quote_literal(name)})::text", tr("a catalogue query"))
    return rows[0][0] if rows and rows[0][0] else None


# --- PostGIS layers given to algorithms -----------------------------------------------------------------

@dataclass(frozen=True)
class PostgisTable:
    """Where a QGIS layer's rows live in PostGIS: connection (without table), schema, table, columns."""

    connection_info: str
    schema: str
    table: str
    geometry_column: str
    key: str
    crs: QgsCoordinateReferenceSystem

    @property
    def qualified(self) -> str:
        return f"{pg_schema.quote_ident(self.schema)}.{pg_schema.quote_ident(self.table)}"

    def source(self) -> pg_overlay.Source:
        return pg_overlay.Source(self.qualified, self.geometry_column, self.key)


def postgis_table(layer) -> Optional[PostgisTable]:
    """The PostGIS table behind ``layer`` when the database can stand in for it: a postgres-provider layer on
    a whole table with a single key column, no filter and no unsaved edits. Else None (a GeoPackage, a query
    layer, a filtered or edited layer are read through QGIS)."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != PROVIDER or not layer.isValid():
        return None
    if layer.isEditable() and layer.isModified():
        return None
    uri = QgsDataSourceUri(layer.source())
    if not uri.table() or uri.table().lstrip().startswith("(") or uri.sql() or layer.subsetString():
        return None
    key = uri.keyColumn()
    if not key or "," in key:
        return None
    return PostgisTable(uri.connectionInfo(False), uri.schema() or "public", uri.table(), uri.geometryColumn(),
                        key.strip('"'), layer.crs())


def server_overlaps(left: PostgisTable, left_ids, right: Optional[PostgisTable] = None, right_ids=None,
                    min_area: float = 0.0, same: bool = False, pieces: bool = True, feedback=None) -> Overlaps:
    """cadastre.overlay.polygon_overlaps computed by the database (cadastre/database/pg_overlay.py), as indices into
    ``left_ids``/``right_ids`` (the feature ids in the order the layers were read), sorted by left then right.
    Without ``right_ids`` (the right layer was not read) ``right`` holds the right features' ids.

    Both tables must be in one database and one projected CRS (the survey plane): areas are the CRS's m².
    """
    right = left if same else right
    right_ids = left_ids if same else right_ids
    conn = _metadata().createConnection(left.connection_info, {})
    sql = pg_overlay.overlaps_sql(left.source(), right.source(), min_area, same, pieces)
    rows = execute(conn, sql, tr("the overlay of {left} and {right}").format(left=left.table, right=right.table))
    if feedback is not None and feedback.isCanceled():
        raise QgsProcessingException(tr("Canceled."))
    left_index = {int(fid): i for i, fid in enumerate(left_ids)}
    if same:
        right_index = left_index
    elif right_ids is not None:
        right_index = {int(fid): i for i, fid in enumerate(right_ids)}
    else:
        right_index = None
    li = np.array([left_index[int(row[0])] for row in rows], dtype=np.int64)
    ri = np.array([right_index[int(row[1])] if right_index is not None else int(row[1]) for row in rows],
                  dtype=np.int64)
    if same:  # pairs by position in the layer as read, as the local overlay gives them
        li, ri = np.minimum(li, ri), np.maximum(li, ri)
    areas = np.array([float(row[2]) for row in rows], dtype=float)
    geometries = np.empty(len(rows), dtype=object)
    if pieces and rows:
        geometries[:] = list(shapely.from_wkb([str(row[3]) for row in rows]))
    order = np.lexsort((ri, li))
    return Overlaps(li[order], ri[order], geometries[order], areas[order])


# Where the overlays of an algorithm run (its advanced parameter IN_DATABASE).
IN_DATABASE_AUTO, IN_DATABASE_YES, IN_DATABASE_NO = 0, 1, 2
IN_DATABASE_OPTIONS = (
    translatable("Automatic: in the database when that spares reading layers from another machine"),
    translatable("In the database whenever the inputs are PostGIS tables of one database"),
    translatable("Here, in QGIS"),
)


def in_database_parameter(name: str = "IN_DATABASE") -> QgsProcessingParameterEnum:
    """The advanced parameter choosing where overlays run when the inputs live in PostGIS."""
    parameter = QgsProcessingParameterEnum(
        name, tr("Overlays of PostGIS inputs"), [tr(option) for option in IN_DATABASE_OPTIONS],
        defaultValue=IN_DATABASE_AUTO)
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


def input_table(algorithm, parameters, name: str, context) -> Optional[PostgisTable]:
    """The PostGIS table behind a feature-source parameter, when the whole table is the input (not only
    selected, limited or filtered features)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", ""):
            return None
    return postgis_table(algorithm.parameterAsVectorLayer(parameters, name, context))


def is_remote(table: PostgisTable) -> bool:
    """Whether the database is on another machine: a host that is not this one (a service counts as
    remote: services name shared servers)."""
    uri = QgsDataSourceUri(table.connection_info)
    host = (uri.host() or "").strip().lower()
    if not host:
        return bool(uri.service())
    return host not in ("localhost", "127.0.0.1", "::1") and not host.startswith("/")


def overlays_in_database(mode: int, tables: Sequence[Optional[PostgisTable]], spares_reading: bool) -> bool:
    """Whether to run the overlays in the database. ``spares_reading``: the database path saves reading a
    layer's geometries into QGIS. Measured (benchmarks/results_postgis.md, classify on 100 000 parcels): on one
    machine both ways cost the same CPU in all (QGIS's saving is the server's extra work), so Automatic chooses
    the database only when it spares moving geometries from another machine."""
    if mode == IN_DATABASE_NO or not same_database(*tables):
        return False
    if mode == IN_DATABASE_YES:
        return True
    return spares_reading and is_remote(tables[0])


def same_database(*tables: Optional[PostgisTable]) -> bool:
    """Whether every table is in PostGIS, in one database, in one projected CRS."""
    if not tables or any(t is None for t in tables):
        return False
    first = tables[0]
    return all(t.connection_info == first.connection_info and t.crs == first.crs for t in tables) \
        and first.crs.isValid() and not first.crs.isGeographic()


def audit_written_by_database(layer) -> bool:
    """True when ``layer`` is a PostGIS ZD table whose database writes the audit trail itself (a trigger
    made by homestead:createproject): the review dock must then not append SHJL rows of its own."""
    found = postgis_table(layer)
    if found is None:
        return False
    conn = _metadata().createConnection(found.connection_info, {})
    rows = execute(conn, (
        "SELECT count(*) FROM pg_trigger WHERE tgname = 'hc_audit_decision' "
        f"AND tgrelid = to_regclass({pg_schema.quote_literal(found.qualified)})"), tr("a catalogue query"))
    return bool(rows and int(rows[0][0]))


def is_version_conflict(errors) -> bool:
    """Whether commit errors (QgsVectorLayer.commitErrors()) contain the database's row-version refusal."""
    return any(pg_schema.CONFLICT_MARKER in str(error) for error in errors)
