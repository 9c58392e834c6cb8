"""The review panel's place in QGIS: its 'Review panel' action (menu and toolbar), the dock's life, and its
state in the project file (open or closed, layer, village, parcel), written into the project's XML on save and
read back when the project is opened, so nothing marks the project as changed."""
from __future__ import annotations

import os
from typing import Optional

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..i18n import tr
from .project_layers import is_parcel_layer
from .review_dock import ReviewDock

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icon.svg")
PROJECT_TAG = "HomesteadReviewPanel"


class ReviewPanelManager(QObject):
    """The 'Review panel' action (menu and toolbar), the dock's life, and its state in the project file."""

    def __init__(self, iface, menu, toolbar):
        super().__init__(iface.mainWindow())
        self.iface = iface
        self.dock: Optional[ReviewDock] = None
        self.action = QAction(QIcon(ICON), tr("Review panel"), iface.mainWindow())
        self.action.setObjectName("homestead_review_panel")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Review panel: check each parcel and confirm or change its class"))
        self.action.toggled.connect(self.set_visible)
        menu.addAction(self.action)
        toolbar.addAction(self.action)
        project = QgsProject.instance()
        project.writeProject.connect(self.write_project)
        project.readProject.connect(self.read_project)

    def ensure_dock(self) -> ReviewDock:
        if self.dock is None:
            self.dock = ReviewDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self._visibility_changed)
        return self.dock

    def set_visible(self, visible: bool) -> None:
        if visible:
            dock = self.ensure_dock()
            dock.show()
            dock.raise_()
        elif self.dock is not None:
            self.dock.hide()

    def _visibility_changed(self, _visible: bool) -> None:
        # "open" means not closed: a panel tabbed behind another dock is not visible, yet still open
        self.action.blockSignals(True)
        self.action.setChecked(self.dock is not None and not self.dock.isHidden())
        self.action.blockSignals(False)

    # --- project file ----------------------------------------------------------------------------------
    def write_project(self, document) -> None:
        """Store whether the panel is open, its layer and parcel, in the project file."""
        element = document.createElement(PROJECT_TAG)
        dock = self.dock
        element.setAttribute("open", "1" if dock is not None and not dock.isHidden() else "0")
        if dock is not None and dock.layer is not None:
            element.setAttribute("layer", dock.layer.id())
            if dock.current_fid() is not None:
                element.setAttribute("parcel", str(dock.current_fid()))
            element.setAttribute("village", dock.village_combo.currentData() or "")
        document.documentElement().appendChild(element)

    def read_project(self, document) -> None:
        element = document.documentElement().firstChildElement(PROJECT_TAG)
        if element.isNull():
            return
        if element.attribute("open") != "1":
            self.set_visible(False)
            return
        dock = self.ensure_dock()
        layer = QgsProject.instance().mapLayer(element.attribute("layer"))
        if layer is not None and is_parcel_layer(layer):
            dock.set_layer(layer)
            village = element.attribute("village")
            if village:
                dock.village_combo.setCurrentIndex(max(dock.village_combo.findData(village), 0))
            parcel = element.attribute("parcel")
            if parcel.lstrip("-").isdigit():
                dock.select_fid(int(parcel))
        self.action.setChecked(True)
        self.set_visible(True)

    def unload(self) -> None:
        project = QgsProject.instance()
        for signal, slot in ((project.writeProject, self.write_project), (project.readProject, self.read_project)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        if self.dock is not None:
            self.dock.shutdown()
            remove = getattr(self.iface, "removeDockWidget", None)
            if remove is not None:
                remove(self.dock)
            else:
                self.iface.mainWindow().removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        self.action.deleteLater()
        self.deleteLater()
