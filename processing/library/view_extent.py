"""Open the survey at its parcels: after parcels are imported, the project's default view extent (what QGIS
shows when it opens a project saved without a map view, as homestead:createproject writes it) is their extent,
in the survey project beside the GeoPackage and in the project the parcels are loaded into, whose canvas
zooms to them (in the GUI)."""
from __future__ import annotations

import os
from typing import Dict

from qgis.core import (
    QgsCoordinateTransform,
    QgsProject,
    QgsReferencedRectangle,
)
from qgis.PyQt.QtXml import QDomDocument

from ...cadastre import schema
from ...cadastre.files import atomic_output
from .output_guard import destination_file
from .styling import SchemaStyler

# QGIS keeps raw pointers to post-processors: the pending ones are kept here (see styling.py)
_PENDING: Dict[str, SchemaStyler] = {}


def show_parcels(context, output_value, destination: str, extent: QgsReferencedRectangle) -> None:
    """Make ``extent`` (the imported parcels') the default view of the survey project beside the output
    GeoPackage, and of the project Processing loads ``destination`` into (styled as ZD, the canvas zoomed)."""
    if extent.isEmpty():
        return
    project_file = survey_project_file(destination_file(output_value, "gpkg"))
    loaded_into = context.project() if context.willLoadLayerOnCompletion(destination) else None
    if project_file and not (loaded_into is not None and _same_file(loaded_into.fileName(), project_file)):
        write_default_view(project_file, extent)  # the open project is saved by its user, with the view set below
    if loaded_into is not None:
        _PENDING[destination] = ZoomToParcels(extent)
        context.layerToLoadOnCompletionDetails(destination).setPostProcessor(_PENDING[destination])


def survey_project_file(gpkg_path: str) -> str:
    """The .qgs that homestead:createproject wrote beside ``gpkg_path`` (same name, opening its layers), or ''."""
    if not gpkg_path.lower().endswith(".gpkg"):
        return ""
    candidate = os.path.splitext(gpkg_path)[0] + ".qgs"
    if not os.path.isfile(candidate):
        return ""
    with open(candidate, encoding="utf-8", errors="replace") as handle:
        return candidate if f"{os.path.basename(gpkg_path)}|layername=" in handle.read() else ""


def write_default_view(project_file: str, extent: QgsReferencedRectangle) -> bool:
    """Set the default view extent in the .qgs ``project_file`` as QGIS writes it (ProjectViewSettings ▸
    DefaultViewExtent); the file is replaced whole. False when it is not a readable project."""
    document = QDomDocument()
    with open(project_file, "rb") as handle:
        if not document.setContent(handle.read())[0]:
            return False
    root = document.documentElement()
    if root.tagName() != "qgis":
        return False
    settings = root.firstChildElement("ProjectViewSettings")
    if settings.isNull():
        settings = document.createElement("ProjectViewSettings")
        settings.setAttribute("UseProjectScales", "0")
        root.appendChild(settings)
    old = settings.firstChildElement("DefaultViewExtent")
    if not old.isNull():
        settings.removeChild(old)
    element = document.createElement("DefaultViewExtent")
    for name, value in (("xmin", extent.xMinimum()), ("ymin", extent.yMinimum()),
                        ("xmax", extent.xMaximum()), ("ymax", extent.yMaximum())):
        element.setAttribute(name, repr(float(value)))
    extent.crs().writeXml(element, document)
    settings.appendChild(element)
    with atomic_output(project_file) as tmp:
        with open(tmp, "wb") as handle:
            handle.write(bytes(document.toByteArray(2)))
    return True


class ZoomToParcels(SchemaStyler):
    """Styles the loaded parcels as ZD, makes their extent the project's default view and zooms the canvas."""

    def __init__(self, extent: QgsReferencedRectangle):
        super().__init__(schema.ZD)
        self.extent = extent

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API name)
        super().postProcessLayer(layer, context, feedback)
        project = context.project() or QgsProject.instance()
        view = _transformed(self.extent, project.crs(), project) if project.crs().isValid() else self.extent
        project.viewSettings().setDefaultViewExtent(view)
        canvas = _canvas() if project is QgsProject.instance() else None
        if canvas is not None:
            canvas.setExtent(_transformed(self.extent, canvas.mapSettings().destinationCrs(), project))
            canvas.refresh()


def _transformed(extent: QgsReferencedRectangle, crs, project) -> QgsReferencedRectangle:
    if not crs.isValid() or crs == extent.crs():
        return extent
    transform = QgsCoordinateTransform(extent.crs(), crs, project.transformContext())
    return QgsReferencedRectangle(transform.transformBoundingBox(extent), crs)


def _canvas():
    try:
        from qgis.utils import iface
    except ImportError:
        return None
    return iface.mapCanvas() if iface is not None else None


def _same_file(a: str, b: str) -> bool:
    return bool(a) and os.path.exists(a) and os.path.samefile(a, b)
