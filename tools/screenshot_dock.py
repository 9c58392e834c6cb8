"""Screenshot of the review panel in real QGIS: run by `make screenshot` as
`qgis --nologo --noversioncheck --code tools/screenshot_dock.py` under Xvfb, with a private profile in which
the plugin is enabled. Opens a copy of the demo village (sample_data/demo_village.gpkg) when it is there, else a
survey project made with homestead:createproject + tools/parcel_grid.py; opens the review panel, classifies the
parcels from it (homestead:classify in its background task), confirms a few, selects a parcel, saves
docs/screenshots/review_dock.png (and review_progress.png), and quits QGIS by itself.
Runs inside QGIS (``iface`` is given); not shipped with the plugin.
"""
import json
import os
import shutil
import sys
import traceback
from pathlib import Path

from qgis.core import NULL, QgsFeature, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QSplitter
from qgis.utils import iface, plugins

REPO = Path(os.environ.get("HOMESTEAD_REPO", Path.cwd()))
OUT = REPO / "docs" / "screenshots"
WORK = REPO / "build" / "screenshot"
DEMO = REPO / "sample_data" / "demo_village.gpkg"
MANIFEST = REPO / "sample_data" / "demo_village.manifest.json"
# short Chinese findings for the demo village's planted defects (the checks' own layer is not needed here)
FINDINGS = {
    "ZD_OVERLAP": ("error", "与相邻宗地重叠"), "ZD_GAP": ("warning", "与相邻宗地之间有缝隙"),
    "ZD_INVALID": ("error", "宗地图形自相交"), "ZD_CODE": ("error", "宗地代码不符合编码规则"),
    "ZD_DUPCODE": ("error", "宗地代码重复"), "ZD_AREA": ("warning", "记载面积与图形面积之差超过限差 ΔP"),
    "ZD_OVERLIMIT": ("warning", "面积超过户均用地标准"), "ZD_JBNT": ("error", "占用永久基本农田"),
}
LIMIT_MS = 150_000  # the whole run; QGIS is killed past it so `make` never hangs
sys.path.insert(0, str(REPO / "tools"))


def log(text):
    print(f"screenshot: {text}", flush=True)


def fail(error):
    log("failed: " + error)
    os._exit(2)


def build_project() -> str:
    WORK.mkdir(parents=True, exist_ok=True)
    for old in list(WORK.glob("survey*")) + list(WORK.glob("demo_village*")):
        old.unlink()
    if DEMO.exists():
        from qgis.core import QgsCoordinateReferenceSystem

        from homestead_cadastre.processing.algorithms.create_project import write_project

        gpkg = WORK / "demo_village.gpkg"
        shutil.copyfile(DEMO, gpkg)
        project = WORK / "demo_village.qgs"
        write_project(str(project), str(gpkg), "娄星区示范村房地一体权籍调查", QgsCoordinateReferenceSystem("EPSG:4525"))
        return str(project)
    import parcel_grid
    import processing

    gpkg = WORK / "survey.gpkg"
    result = processing.run("homestead:createproject", {"CRS": "EPSG:4525", "TITLE": "花山镇房地一体权籍调查",
                                                        "OUTPUT": str(gpkg)})
    parcel_grid.fill_parcels(str(gpkg), 180, 2, 20200513, houses=True)
    return result["PROJECT"]


def style_layers() -> None:
    """The schema's Chinese names, value maps and styles on every survey layer of the project."""
    from homestead_cadastre.cadastre import schema
    from homestead_cadastre.processing.library.layers import style_schema_layer
    from homestead_cadastre.ui.project_layers import gpkg_table

    for layer in QgsProject.instance().mapLayers().values():
        table = gpkg_table(layer) if isinstance(layer, QgsVectorLayer) else None
        if table and table[1] in schema.LAYERS:
            style_schema_layer(layer, schema.LAYERS[table[1]])


def add_check_results(fid: int) -> None:
    """A quality-check result layer (fields as homestead checks writes them): the demo village's planted
    defects from its manifest, else two findings on parcel ``fid``."""
    errors = QgsVectorLayer("None?field=RULE_ID:string&field=SEVERITY:string&field=MESSAGE:string&field=FIDS:string",
                            "质检结果", "memory")
    findings = [("ZD_OVERLAP", "error", "与相邻宗地重叠 1.84 m²", f"{fid},{fid + 1}"),
                ("ZD_AREA", "warning", "记载面积与图形面积之差超过限差 ΔP", f"{fid}")]
    if DEMO.exists():
        expected = json.loads(MANIFEST.read_text(encoding="utf-8"))["expected"]
        findings = [(rule, *FINDINGS[rule], ",".join(str(f) for f in fids))
                    for rule, fids in expected.items() if rule in FINDINGS]
    features = []
    for values in findings:
        feature = QgsFeature(errors.fields())
        feature.setAttributes(list(values))
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
            style_layers()
            dock.style_by_class()
            iface.setActiveLayer(layer)
            if any(f["LB"] is None or f["LB"] == NULL for f in layer.getFeatures()):
                log("classifying from the panel")
                dock.run_classification()
            QTimer.singleShot(500, self.wait_for_classes)
        self.guard(run)

    def wait_for_classes(self):
        dock = plugins["homestead_cadastre"].review_panel.dock
        if dock.classify_run is not None:
            QTimer.singleShot(500, self.wait_for_classes)
            return
        self.guard(self.review_some)

    def review_some(self):
        """A morning's work: some suggestions confirmed, one changed with a reason; then the parcel to show."""
        dock = plugins["homestead_cadastre"].review_panel.dock
        layer = dock.layer
        suggested = [f for f in layer.getFeatures() if f["SHZT"] == 1]
        for feature in [f for f in suggested if f["LB"] == 1][:40:3]:
            dock.select_fid(feature.id())
            dock.confirm_current("")
        changed = next((f for f in suggested if f["LB"] == 2), None)
        if changed is not None:
            dock.select_fid(changed.id())
            dock.override_current(1, "补充了1986年的批准文件")
        if DEMO.exists():
            add_check_results(0)
        fid = self.pick_parcel(layer)
        if not DEMO.exists():
            add_check_results(fid)
        dock._refresh_issues()
        dock.findChild(QSplitter, "reviewSplitter").setSizes([330, 520])
        dock.select_fid(fid)
        canvas = iface.mapCanvas()
        canvas.zoomToFeatureIds(layer, [fid])
        canvas.zoomByFactor(6)
        canvas.refresh()
        QTimer.singleShot(3000, self.shoot)

    @staticmethod
    def pick_parcel(layer) -> int:
        """A parcel still to review with a class-2 suggestion and a finding of the checks, else the first such."""
        from homestead_cadastre.ui.project_layers import parcel_issues

        issues = parcel_issues(QgsProject.instance(), layer)
        features = [f for f in layer.getFeatures() if f["SHZT"] == 1]
        for test in (lambda f: f["LB"] == 2 and f.id() in issues, lambda f: f["LB"] == 2,
                     lambda f: f["LB"] in (1, 2, 3)):
            for feature in features:
                if test(feature):
                    return feature.id()
        return next(layer.getFeatures()).id()

    def shoot(self):
        def run():
            canvas = iface.mapCanvas()
            canvas.waitWhileRendering()
            iface.messageBar().clearWidgets()
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
