"""A survey opens at its parcels after they are imported, not at 1:1 (issue #14): the project's default view
extent (what QGIS shows when it opens a project without a saved map view) is the parcels' extent, in the .qgs
homestead:createproject wrote beside the GeoPackage and in the project the GUI loads the parcels into, whose
canvas zooms to them. The extent expected is that of the squares drawn here, counted by hand."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from layers_helper import write_gpkg
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle, QgsVectorLayer

E0, N0 = 37_597_000.0, 3_069_000.0  # CGCS2000 zone 37 (EPSG:4525)
EXPECTED = (E0, N0, E0 + 70.0, N0 + 45.0)  # the three squares below: x 0…70, y 0…45


def square(x, y, size):
    x0, y0 = E0 + x, N0 + y
    return f"POLYGON(({x0} {y0}, {x0 + size} {y0}, {x0 + size} {y0 + size}, {x0} {y0 + size}, {x0} {y0}))"


@pytest.fixture
def survey_file(tmp_path):
    """Three parcels as a surveyor delivers them: a GeoPackage written by GDAL."""
    path = tmp_path / "delivered.gpkg"
    write_gpkg(path, "parcels", 4525, [square(0, 0, 20), square(30, 5, 40), square(10, 25, 20)],
               {"ZDDM": [f"430103001001JC0000{i}" for i in (1, 2, 3)]})
    return str(path)


def file_view_extent(project_file):
    """(xmin, ymin, xmax, ymax, authid) of the DefaultViewExtent in a .qgs, read as plain XML."""
    element = ET.parse(project_file).getroot().find("ProjectViewSettings/DefaultViewExtent")
    assert element is not None, f"{project_file} has no default view extent"
    bounds = tuple(float(element.get(name)) for name in ("xmin", "ymin", "xmax", "ymax"))
    return bounds + (element.findtext("spatialrefsys/authid"),)


def test_the_survey_project_opens_at_the_imported_parcels(run_alg, survey_file, tmp_path):
    created = run_alg("createproject", {"CRS": "EPSG:4525", "TITLE": "视图测试", "OUTPUT": str(tmp_path / "survey.gpkg")})
    run_alg("importsurvey", {"INPUT": survey_file, "OUTPUT": f"{created['OUTPUT']}|layername=ZD"})

    *bounds, authid = file_view_extent(created["PROJECT"])
    assert bounds == pytest.approx(EXPECTED) and authid == "EPSG:4525"
    project = QgsProject()
    assert project.read(created["PROJECT"])
    extent = project.viewSettings().defaultViewExtent()
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == pytest.approx(EXPECTED)
    assert extent.crs().authid() == "EPSG:4525"
    parcels = project.mapLayersByName("宗地")
    assert len(parcels) == 1 and parcels[0].isValid() and parcels[0].featureCount() == 3
    project.clear()


def test_an_import_elsewhere_leaves_other_projects_alone(run_alg, survey_file, tmp_path):
    created = run_alg("createproject", {"CRS": "EPSG:4525", "OUTPUT": str(tmp_path / "survey.gpkg")})
    before = open(created["PROJECT"], "rb").read()
    run_alg("importsurvey", {"INPUT": survey_file, "OUTPUT": str(tmp_path / "other.gpkg")})
    assert open(created["PROJECT"], "rb").read() == before


def test_the_canvas_zooms_to_parcels_loaded_into_the_project(qgis_iface, qgis_new_project, provider, survey_file, tmp_path):
    import processing

    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    project = QgsProject.instance()
    if not hasattr(qgis_iface, "layerTreeView"):  # pytest-qgis's interface lacks it; QGIS 3.40's Processing asks
        from qgis.core import QgsLayerTreeModel
        from qgis.gui import QgsLayerTreeView

        view = QgsLayerTreeView()
        view.setModel(QgsLayerTreeModel(project.layerTreeRoot(), view))
        qgis_iface.layerTreeView = lambda: view
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4525"))
    processing.runAndLoadResults("homestead:importsurvey", {"INPUT": survey_file, "OUTPUT": str(tmp_path / "zd.gpkg")})
    assert [layer.featureCount() for layer in project.mapLayers().values() if isinstance(layer, QgsVectorLayer)] == [3]

    extent = project.viewSettings().defaultViewExtent()
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == pytest.approx(EXPECTED)
    to_canvas = QgsCoordinateTransform(project.crs(), canvas.mapSettings().destinationCrs(), project)
    parcels_on_canvas = to_canvas.transformBoundingBox(QgsRectangle(*EXPECTED))
    shown = canvas.extent()
    assert shown.contains(parcels_on_canvas.buffered(-1e-9))  # (rounding at the edges that touch)
    assert shown.width() < 10 * parcels_on_canvas.width() or shown.height() < 10 * parcels_on_canvas.height()

    saved = tmp_path / "saved.qgz"
    assert project.write(str(saved))
    reread = QgsProject()
    assert reread.read(str(saved))
    again = reread.viewSettings().defaultViewExtent()
    assert (again.xMinimum(), again.yMinimum(), again.xMaximum(), again.yMaximum()) == pytest.approx(EXPECTED)
    reread.clear()
