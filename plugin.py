"""The plugin object QGIS loads: Processing provider, the 房地一体 menu and toolbar, the review panel."""
from __future__ import annotations

import os
from functools import partial

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtWidgets import QAction, QMenu

from .dependencies import install_hint, missing_packages
from .i18n import install_translator, remove_translator, tr
from .processing.provider import PROVIDER_ID, HomesteadProvider
from .ui.panel_manager import ReviewPanelManager

MENU_TITLE = "房地一体"
ICON = os.path.join(os.path.dirname(__file__), "icon.svg")
# (algorithm name, whether its button is on the toolbar: the everyday tools); the icons are the algorithms' own
MENU_ALGORITHMS = (
    ("createproject", True),
    ("importsurvey", False),
    ("parcelsfrompoints", False),
    ("parcelareas", True),
    ("buildingareas", False),
    ("parcelcodes", False),
    ("unitcodes", False),
    ("boundarypoints", True),
    ("boundarytable", False),
    ("farmlandoverlay", False),
    ("qualitycheck", True),
    ("classify", True),
    ("copyprofile", False),
    ("exportdxf", False),
    ("parcelmaps", True),
    ("housemaps", False),
    ("parcelsketches", False),
    ("sheetindex", False),
    ("sheetmaps", False),
    ("surveyforms", False),
    ("housesurveyforms", False),
    ("noticelist", False),
    ("exportdelivery", False),
    ("checkdelivery", False),
    ("exportshare", False),
    ("areasummary", False),
)


class HomesteadCadastrePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu = None
        self.toolbar = None
        self.actions = []
        self.review_panel = None

    # --- Processing: also called by qgis_process, which has no GUI ----------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API name)
        install_translator()
        if self.provider is None:
            provider = HomesteadProvider()
            # False when another copy of the plugin already registered "homestead" (QGIS deletes ours then)
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider
        missing = missing_packages()
        if missing:
            QgsMessageLog.logMessage(self.dependency_message(missing), MENU_TITLE, Qgis.Warning)

    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()
        self.menu = QMenu(MENU_TITLE, self.iface.mainWindow())
        self.menu.setObjectName("homesteadCadastreMenu")
        self.toolbar = self.iface.addToolBar(MENU_TITLE)
        self.toolbar.setObjectName("homesteadCadastreToolbar")
        for name, on_toolbar in MENU_ALGORITHMS:
            algorithm = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:{name}")
            if algorithm is None:
                continue
            action = QAction(algorithm.icon(), algorithm.displayName(), self.iface.mainWindow())
            action.setObjectName(f"homestead_{name}")
            action.triggered.connect(partial(self.run_algorithm, algorithm.id()))
            self.menu.addAction(action)
            if on_toolbar:
                self.toolbar.addAction(action)
            self.actions.append(action)
        self.menu.addSeparator()
        self.review_panel = ReviewPanelManager(self.iface, self.menu, self.toolbar)
        menubar = self.iface.mainWindow().menuBar()
        help_menu = getattr(self.iface, "firstRightStandardMenu", lambda: None)()
        if help_menu is not None:  # QGIS puts plugin menus before Help
            menubar.insertMenu(help_menu.menuAction(), self.menu)
        else:
            menubar.addMenu(self.menu)
        missing = missing_packages()
        if missing:
            self.iface.messageBar().pushWarning(MENU_TITLE, self.dependency_message(missing))

    def unload(self):
        if self.review_panel is not None:
            self.review_panel.unload()
            self.review_panel = None
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()

    @staticmethod
    def run_algorithm(algorithm_id: str, _checked=False):
        from processing import execAlgorithmDialog

        execAlgorithmDialog(algorithm_id, {})

    @staticmethod
    def dependency_message(missing) -> str:
        names = ", ".join(m.requirement + (f" ({tr('found')} {m.found})" if m.found else "") for m in missing)
        return tr("Some tools are unavailable: the QGIS Python lacks {names}. Install with: {command}").format(
            names=names, command=install_hint(missing)
        )
