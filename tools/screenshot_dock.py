"""Screenshot of the review panel in real QGIS: run by `make screenshot` as
`qgis --nologo --noversioncheck --code tools/screenshot_dock.py` under Xvfb, with a private profile in which
the plugin is enabled. Opens the demo village (sample_data/demo_village.qgs) when it is there, else a survey
project made with homestead:createproject + tools/parcel_grid.py, opens the review panel on a parcel, saves
docs/screenshots/review_dock.png (and review_progress.png), and quits QGIS by itself.
Runs inside QGIS (``iface`` is given); not shipped with the plugin.
"""
import os
import sys
import traceback
from pathlib import Path

from qgis.core import QgsFeature, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QSplitter
from qgis.utils import iface, plugins

REPO = Path(os.environ.get("HOMESTEAD_REPO", Path.cwd()))
OUT = REPO / "docs" / "screenshots"
WORK = REPO / "build" / "screenshot"
DEMO = REPO / "sample_data" / "demo_village.qgs"
LIMIT_MS = 150_000  # the whole run; QGIS is killed past it so `make` never hangs
sys.path.insert(0, str(REPO / "tools"))


def log(text):
    print(f"screenshot: {text}", flush=True)


def fail(error):
    log("failed: " + error)
    os._exit(2)


def build_project() -> str:
    if DEMO.exists():
        return str(DEMO)
    import parcel_grid
    import processing

    WORK.mkdir(parents=True, exist_ok=True)
    for old in WORK.glob("survey*"):
        old.unlink()
    gpkg = WORK / "survey.gpkg"
    result = processing.run("homestead:createproject", {"CRS": "EPSG:4525", "TITLE": "花山镇房地一体权籍调查",
                                                        "OUTPUT": str(gpkg)})
    parcel_grid.fill_parcels(str(gpkg), 180, 2, 20200513, houses=True)
    return result["PROJECT"]


def add_check_results(fid: int) -> None:
    """A small quality-check result layer (as homestead checks writes it) so the card of ``fid`` shows issues."""
    errors = QgsVectorLayer("None?field=RULE_ID:string&field=SEVERITY:string&field=MESSAGE:string&field=FIDS:string",
                            "质检结果", "memory")
    features = []
    for rule, severity, message, fids in (
        ("ZD_OVERLAP", "error", "与相邻宗地重叠 1.84 m²", f"{fid},{fid + 1}"),
        ("ZD_AREA_DIFF", "warning", "调查面积与图形面积之差超过限差 ΔP", f"{fid}"),
    ):
        feature = QgsFeature(errors.fields())
        feature.setAttributes([rule, severity, message, fids])
        features.append(feature)
    errors.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(errors)


class Shooter:
    def __init__(self):
        self.step = 0

    def start(self):
        QTimer.singleShot(LIMIT_MS, lambda: fail("time limit reached"))
        QTimer.singleShot(500, self.open_project)

    def guard(self, function):
        try:
            function()
        except Exception:  # noqa: BLE001  (a script run by make: say what went wrong and stop)
            fail(traceback.format_exc())

    def open_project(self):
        def run():
            path = build_project()
            log(f"project {path}")
            iface.addProject(path)
            QTimer.singleShot(1500, self.open_panel)
        self.guard(run)

    def open_panel(self):
        def run():
            plugin = plugins.get("homestead_cadastre")
            if plugin is None:
                fail("the plugin is not loaded: check QGIS3.ini [PythonPlugins] and QGIS_PLUGINPATH")
            window = iface.mainWindow()
            screen = window.screen().geometry()
            log(f"screen {screen.width()}x{screen.height()}")
            window.setGeometry(screen)
            window.showMaximized()
            for dock in window.findChildren(QDockWidget):
                if dock.objectName() in ("Browser", "BrowserPanel", "browser"):
                    dock.hide()
            plugin.review_panel.action.trigger()
            dock = plugin.review_panel.dock
            dock.reviewer.setText("李明")
            dock.follow.setChecked(False)
            window.resizeDocks([dock], [560], Qt.Horizontal)
            layer = dock.layer
            if layer is None:
                fail("the review panel found no parcel layer")
            fid = self.pick_parcel(layer)
            add_check_results(fid)
            dock.style_by_class()
            iface.setActiveLayer(layer)
            dock.findChild(QSplitter, "reviewSplitter").setSizes([330, 520])
            dock.select_fid(fid)
            canvas = iface.mapCanvas()
            canvas.zoomToFeatureIds(layer, [fid])
            canvas.zoomByFactor(7)
            canvas.refresh()
            QTimer.singleShot(3000, self.shoot)
        self.guard(run)

    @staticmethod
    def pick_parcel(layer) -> int:
        """The first parcel with a class-2 suggestion still to review, else the first to review."""
        features = list(layer.getFeatures())
        for wanted in ((2,), (1, 2, 3)):
            for feature in features:
                if feature["LB"] in wanted and feature["SHZT"] == 1:
                    return feature.id()
        return features[0].id()

    def shoot(self):
        def run():
            canvas = iface.mapCanvas()
            canvas.waitWhileRendering()
            OUT.mkdir(parents=True, exist_ok=True)
            window = iface.mainWindow()
            window.grab().save(str(OUT / "review_dock.png"))
            dock = plugins["homestead_cadastre"].review_panel.dock
            dock.tabs.setCurrentIndex(1)
            QTimer.singleShot(800, lambda: self.guard(self.shoot_progress))
        self.guard(run)

    def shoot_progress(self):
        dock = plugins["homestead_cadastre"].review_panel.dock
        dock.grab().save(str(OUT / "review_progress.png"))
        log(f"saved {OUT / 'review_dock.png'} and review_progress.png")
        dock.tabs.setCurrentIndex(0)
        project = QgsProject.instance()
        for layer in list(project.mapLayers().values()):
            if isinstance(layer, QgsVectorLayer) and layer.isEditable():
                layer.rollBack()
            if layer.providerType() == "memory":
                project.removeMapLayer(layer.id())
        project.setDirty(False)
        QTimer.singleShot(300, iface.actionExit().trigger)
        QTimer.singleShot(15000, lambda: os._exit(0))  # the pictures are saved; never wait on a dialog


shooter = Shooter()
shooter.start()
