"""homestead:createproject — an empty survey GeoPackage in a CGCS2000 3° zone and a QGIS project beside it."""
from __future__ import annotations

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerTreeGroup,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ..cadastre import schema, zones
from ..cadastre.messages import translatable
from ..i18n import tr
from .algorithm import HomesteadAlgorithm
from .files import atomic_output
from .layers import create_gpkg_layer, gpkg_layer, style_schema_layer

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


def write_project(project_path: str, gpkg_path: str, title: str, crs: QgsCoordinateReferenceSystem) -> None:
    """A .qgs that opens the GeoPackage's layers, styled, grouped, in the survey CRS, with relative paths."""
    project = QgsProject()
    project.setTitle(title)
    project.setCrs(crs)
    project.writeEntryBool("Paths", "/Absolute", False)
    root = project.layerTreeRoot()
    groups = (
        (tr("Survey"), schema.SURVEY_LAYERS + (schema.SHJL,)),
        (tr("Base map"), schema.BASEMAP_LAYERS),
    )
    for group_name, layers in groups:
        group: QgsLayerTreeGroup = root.addGroup(group_name)
        for layer_schema in layers:
            layer = gpkg_layer(gpkg_path, layer_schema.name, layer_schema.alias)
            if not layer.isValid():
                raise QgsProcessingException(tr("Layer {layer} of {path} does not open.").format(
                    layer=layer_schema.name, path=gpkg_path))
            project.addMapLayer(layer, False)
            group.addLayer(layer)
    with atomic_output(project_path) as tmp:
        if not project.write(tmp):
            raise QgsProcessingException(tr("Could not write the project {path}.").format(path=project_path))
        # The project was written under the temporary name; its layer paths are relative to the folder,
        # which is the same, so the rename keeps them right.
    project.clear()


class CreateProjectAlgorithm(HomesteadAlgorithm):
    NAME = "createproject"
    DISPLAY_NAME = translatable("Create survey project")
    GROUP = "project"

    CRS, TITLE, OUTPUT, PROJECT = "CRS", "TITLE", "OUTPUT", "PROJECT"

    def flags(self):
        # Creates QgsProject and layers: keep it on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("Survey CRS (CGCS2000 3° zone)"), DEFAULT_CRS))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Project title"), tr("Homestead survey"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Survey GeoPackage"), tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputFile(self.PROJECT, tr("QGIS project")))

    def process(self, parameters, context, feedback):
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        epsg = survey_crs(crs)
        title = self.parameterAsString(parameters, self.TITLE, context) or tr("Homestead survey")
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
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
                style_schema_layer(layer, layer_schema)
                error = layer.saveStyleToDatabase(layer_schema.alias, layer_schema.title, True, "")
                if error:
                    raise QgsProcessingException(tr("Could not store the style of {layer}: {error}").format(
                        layer=layer_schema.name, error=error))
                del layer
                feedback.setProgress(50.0 + 40.0 * (i + 1) / len(layers))
        write_project(project_path, path, title, crs)
        feedback.setProgress(100.0)
        feedback.pushInfo(tr("Created {path} ({n} layers, {crs}) and {project}.").format(
            path=path, n=len(layers), crs=crs.authid(), project=project_path))
        return {self.OUTPUT: path, self.PROJECT: project_path}
