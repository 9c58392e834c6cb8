"""homestead:createproject — an empty survey database in a CGCS2000 3° zone and a QGIS project for it: a
GeoPackage with a .qgs beside it (the default), or a schema in a shared PostGIS database with the project
stored in the database."""
from __future__ import annotations

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerTreeGroup,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
    QgsProject,
)

from ...cadastre import schema, zones
from ...cadastre.database import pg_schema
from ...cadastre.files import atomic_output
from ...cadastre.messages import CadastreError, translatable
from ...i18n import tr, zh
from ..library import postgis
from ..library.layers import create_gpkg_layer, gpkg_layer, style_schema_layer
from .base import HomesteadAlgorithm

DEFAULT_CRS = "EPSG:4525"  # CGCS2000 3° zone 37 (111°E with the zone in the easting): Loudi, Hunan


def survey_crs(crs: QgsCoordinateReferenceSystem) -> int:
    """EPSG code of ``crs`` when it is a CGCS2000 3° zone; otherwise a translated refusal."""
    authid = crs.authid() if crs.isValid() else ""
    epsg = int(authid.split(":")[1]) if authid.startswith("EPSG:") else 0
    if not zones.is_zone_epsg(epsg):
        raise QgsProcessingException(tr(
            "The survey CRS must be a CGCS2000 3-degree Gauss-Krüger zone (EPSG:4513-4554); {crs} is not. "
            "Choose e.g. EPSG:4525 (zone 37, 111°E) or EPSG:4546 (111°E without the zone number)."
        ).format(crs=authid or tr("an unknown CRS")))
    return epsg


def survey_project(title: str, crs: QgsCoordinateReferenceSystem, open_layer) -> QgsProject:
    """A project with every schema layer (``open_layer(layer_schema)`` gives it, valid), grouped, in the survey CRS."""
    project = QgsProject()
    project.setTitle(title)
    project.setCrs(crs)
    root = project.layerTreeRoot()
    groups = (
        (zh("Survey"), schema.SURVEY_LAYERS + (schema.SHJL,)),  # the project goes to the county: Chinese
        (zh("Houses"), schema.HOUSE_LAYERS),
        (zh("Base map"), schema.BASEMAP_LAYERS),
    )
    for group_name, layers in groups:
        group: QgsLayerTreeGroup = root.addGroup(group_name)
        for layer_schema in layers:
            layer = open_layer(layer_schema)
            project.addMapLayer(layer, False)
            group.addLayer(layer)
    return project


def write_project(project_path: str, gpkg_path: str, title: str, crs: QgsCoordinateReferenceSystem) -> None:
    """A .qgs that opens the GeoPackage's layers, styled, grouped, in the survey CRS, with relative paths."""

    def open_layer(layer_schema):
        layer = gpkg_layer(gpkg_path, layer_schema.name, layer_schema.alias)
        if not layer.isValid():
            raise QgsProcessingException(tr("Layer {layer} of {path} does not open.").format(
                layer=layer_schema.name, path=gpkg_path))
        return layer

    project = survey_project(title, crs, open_layer)
    project.writeEntryBool("Paths", "/Absolute", False)
    with atomic_output(project_path) as tmp:
        if not project.write(tmp):
            raise QgsProcessingException(tr("Could not write the project {path}.").format(path=project_path))
        attachments = os.path.splitext(tmp)[0] + "_attachments.zip"  # QGIS ≥ 3.30 writes one beside a .qgs
        if os.path.exists(attachments):
            os.replace(attachments, os.path.splitext(project_path)[0] + "_attachments.zip")
        # The project was written under the temporary name; its layer paths are relative to the folder,
        # which is the same, so the rename keeps them right.
    project.clear()


def save_default_style(layer, layer_schema: schema.Layer) -> None:
    """Aliases, value maps and the QML symbology, stored with the data as the layer's default style."""
    style_schema_layer(layer, layer_schema)
    error = layer.saveStyleToDatabase(layer_schema.alias, layer_schema.title, True, "")
    if error:
        raise QgsProcessingException(tr("Could not store the style of {layer}: {error}").format(
            layer=layer_schema.name, error=error))


def create_in_database(database: str, schema_name: str, crs: QgsCoordinateReferenceSystem, title: str,
                       roles: pg_schema.Roles | None, feedback) -> str:
    """Create the survey schema in a PostGIS database, its default styles (layer_styles) and its project
    (stored in the schema); return the project's postgresql:// address. On failure nothing of the schema
    is left behind."""
    conn = postgis.connect(database)
    try:
        pg_schema.check_identifier(schema_name)
        if roles is not None:
            for role in roles.all():
                pg_schema.check_identifier(role, "role")
    except CadastreError as error:
        raise QgsProcessingException(error.problem.format(tr)) from error
    if schema_name in conn.schemas():
        raise QgsProcessingException(tr(
            "Schema {schema} already exists in the database; a survey is never written over. Choose another "
            "schema name, or drop the old schema first."
        ).format(schema=schema_name))
    srid = int(crs.authid().split(":")[1])
    # Enabling PostGIS here would leave QGIS's pooled connections of this session believing it absent (they
    # note the PostGIS version when they connect), and it needs a superuser anyway: the administrator does it.
    if not postgis.execute(conn, pg_schema.extension_check_sql(), tr("a catalogue query")):
        raise QgsProcessingException(tr(
            "PostGIS is not enabled in database {database}. Ask the database administrator to run "
            "CREATE EXTENSION postgis; in it, then create the survey again."
        ).format(database=postgis.credentials_free_name(conn)))
    if roles is not None:
        postgis.execute(conn, pg_schema.roles_sql(roles), tr(
            "to create the team roles (this needs the CREATEROLE right; ask the database administrator, or "
            "uncheck the roles option)"))
    styles = postgis.regclass(conn, pg_schema.STYLES_TABLE)
    if styles:
        # Styles left behind by a dropped schema of the same name: QGIS 3.22 would stop at each layer to
        # ask whether to overwrite them (and wait forever in qgis_process).
        postgis.execute(conn, pg_schema.delete_styles_sql(schema_name, styles), tr("to remove stale layer styles"))
    postgis.execute(conn, pg_schema.create_schema_sql(schema_name, srid), tr("to create the survey schema"))
    feedback.setProgress(30.0)
    try:
        for i, layer_schema in enumerate(schema.ALL_LAYERS):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            layer = postgis.open_layer(conn, schema_name, layer_schema, srid, layer_schema.alias)
            save_default_style(layer, layer_schema)
            del layer
            feedback.setProgress(30.0 + 50.0 * (i + 1) / len(schema.ALL_LAYERS))
        uri = postgis.project_uri(conn, schema_name, schema_name)
        project = survey_project(
            title, crs, lambda layer_schema: postgis.open_layer(conn, schema_name, layer_schema, srid, layer_schema.alias))
        # Each member of the team opens the layers with their own login (their role decides what they may
        # do): the stored layer sources carry no user name or password.
        project.writeMapLayer.connect(postgis.strip_login_from_layer_xml)
        written = project.write(uri)
        project.clear()
        if not written:
            raise QgsProcessingException(tr("Could not store the project in schema {schema}.").format(schema=schema_name))
        if roles is not None:
            extra = [name for name in (postgis.regclass(conn, pg_schema.STYLES_TABLE),
                                       postgis.regclass(conn, f"{schema_name}.{pg_schema.PROJECTS_TABLE}")) if name]
            postgis.execute(conn, pg_schema.grants_sql(schema_name, roles, extra_tables=extra),
                            tr("to grant the team roles their rights"))
    except BaseException:
        postgis.execute(conn, pg_schema.drop_schema_sql(schema_name, postgis.regclass(conn, pg_schema.STYLES_TABLE)),
                        tr("to remove the unfinished schema"))
        raise
    return uri


class CreateProjectAlgorithm(HomesteadAlgorithm):
    NAME = "createproject"
    DISPLAY_NAME = translatable("Create survey project")
    GROUP = "project"

    CRS, TITLE, OUTPUT, PROJECT = "CRS", "TITLE", "OUTPUT", "PROJECT"
    DATABASE, SCHEMA, ROLES, ROLE_PREFIX = "DATABASE", "SCHEMA", "ROLES", "ROLE_PREFIX"

    def flags(self):
        # Creates QgsProject and layers: keep it on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("Survey CRS (CGCS2000 3° zone)"), DEFAULT_CRS))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Project title"), zh("Homestead survey"), optional=True))
        output = QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Survey GeoPackage"), tr("GeoPackage (*.gpkg)"), optional=True)
        output.setCreateByDefault(False)  # one destination: a GeoPackage file or a database
        self.addParameter(output)
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.DATABASE, tr("Or a PostGIS database (saved connection, service=... or connection string)"),
            postgis.PROVIDER, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEMA, tr("Schema for the survey in the database (new; a-z, 0-9, _)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ROLES, tr("Create the team roles (reviewer, surveyor, read-only) and grant them"), True))
        prefix = QgsProcessingParameterString(self.ROLE_PREFIX, tr("Prefix of the team role names"), "homestead")
        prefix.setFlags(prefix.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(prefix)
        self.addOutput(QgsProcessingOutputFile(self.PROJECT, tr("QGIS project")))

    def process(self, parameters, context, feedback):
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        epsg = survey_crs(crs)
        title = self.parameterAsString(parameters, self.TITLE, context) or zh("Homestead survey")
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        database = self.parameterAsConnectionName(parameters, self.DATABASE, context)
        if database and path:
            raise QgsProcessingException(tr(
                "Give either a survey GeoPackage or a PostGIS database, not both."))
        if database:
            return self.process_database(parameters, context, feedback, database, title, epsg)
        if not path:
            raise QgsProcessingException(tr(
                "Choose where to create the survey: a GeoPackage file, or a PostGIS database and a schema."))
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        project_path = os.path.splitext(path)[0] + ".qgs"
        crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        layers = schema.ALL_LAYERS
        with atomic_output(path) as tmp:
            for i, layer_schema in enumerate(layers):
                if feedback.isCanceled():
                    raise QgsProcessingException(tr("Canceled."))
                create_gpkg_layer(tmp, layer_schema, crs, overwrite_file=(i == 0))
                feedback.setProgress(50.0 * (i + 1) / len(layers))
            for i, layer_schema in enumerate(layers):
                layer = gpkg_layer(tmp, layer_schema.name)
                save_default_style(layer, layer_schema)
                del layer
                feedback.setProgress(50.0 + 40.0 * (i + 1) / len(layers))
        write_project(project_path, path, title, crs)
        feedback.setProgress(100.0)
        feedback.pushInfo(tr("Created {path} ({n} layers, {crs}) and {project}.").format(
            path=path, n=len(layers), crs=crs.authid(), project=project_path))
        return {self.OUTPUT: path, self.PROJECT: project_path}

    def process_database(self, parameters, context, feedback, database, title, epsg):
        schema_name = self.parameterAsString(parameters, self.SCHEMA, context).strip()
        if not schema_name:
            raise QgsProcessingException(tr(
                "Give the name of the new schema for the survey in the database, e.g. louxing_2020."))
        roles = None
        if self.parameterAsBoolean(parameters, self.ROLES, context):
            prefix = self.parameterAsString(parameters, self.ROLE_PREFIX, context).strip() or "homestead"
            roles = pg_schema.Roles.with_prefix(prefix)
        crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        uri = create_in_database(database, schema_name, crs, title, roles, feedback)
        feedback.setProgress(100.0)
        feedback.pushInfo(tr("Created schema {schema} ({n} layers, {crs}) and the project {project}.").format(
            schema=schema_name, n=len(schema.ALL_LAYERS), crs=crs.authid(), project=uri))
        if roles is not None:
            feedback.pushInfo(tr("Team roles: {roles}. Give each person a login role that is a member of one "
                                 "(GRANT {reviewer} TO name).").format(roles=", ".join(roles.all()), reviewer=roles.reviewer))
        return {self.PROJECT: uri}
