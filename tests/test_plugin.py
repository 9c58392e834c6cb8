"""The plugin loads into a QGIS interface, registers its provider, menu and toolbar, and unloads cleanly."""
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu, QToolBar

import homestead_cadastre


def _menus(iface):
    return [a.menu() for a in iface.mainWindow().menuBar().actions() if a.menu() is not None and a.isVisible()]


def _homestead_menus(iface):
    return [m for m in _menus(iface) if m.title() == "房地一体"]


def test_load_and_unload_twice(qgis_iface, qgis_processing):
    registry = QgsApplication.processingRegistry()
    writers = QgsProject.instance().receivers(QgsProject.instance().writeProject)
    for _round in range(2):
        plugin = homestead_cadastre.classFactory(qgis_iface)
        plugin.initGui()
        provider = registry.providerById("homestead")
        assert provider is not None
        ids = {alg.id() for alg in provider.algorithms()}
        assert "homestead:createproject" in ids
        menus = _homestead_menus(qgis_iface)
        assert len(menus) == 1
        texts = [a.text() for a in menus[0].actions()]
        assert registry.algorithmById("homestead:createproject").displayName() in texts
        toolbars = [t for t in qgis_iface.mainWindow().findChildren(QToolBar) if t.objectName() == "homesteadCadastreToolbar"]
        assert len(toolbars) == 1 and toolbars[0].actions()
        # the review panel: one action in the menu and on the toolbar, opening one dock
        review = [a for a in menus[0].actions() if a.objectName() == "homestead_review_panel"]
        assert len(review) == 1 and review[0] in toolbars[0].actions()
        assert QgsProject.instance().receivers(QgsProject.instance().writeProject) == writers + 1
        review[0].trigger()
        docks = qgis_iface.mainWindow().findChildren(QDockWidget, "HomesteadReviewDock")
        assert len(docks) == 1 and docks[0].isVisibleTo(qgis_iface.mainWindow())
        review[0].trigger()
        assert not docks[0].isVisibleTo(qgis_iface.mainWindow())

        plugin.unload()
        QgsApplication.processEvents()
        assert registry.providerById("homestead") is None
        assert _homestead_menus(qgis_iface) == []
        QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # run deleteLater
        left = [t for t in qgis_iface.mainWindow().findChildren(QToolBar) if t.objectName() == "homesteadCadastreToolbar"]
        assert left == []
        assert [m for m in qgis_iface.mainWindow().findChildren(QMenu) if m.objectName() == "homesteadCadastreMenu"] == []
        assert qgis_iface.mainWindow().findChildren(QDockWidget, "HomesteadReviewDock") == []
        assert qgis_iface.mainWindow().findChildren(QAction, "homestead_review_panel") == []
        # the project signals are let go: saving a project no longer calls into the unloaded panel
        assert QgsProject.instance().receivers(QgsProject.instance().writeProject) == writers


def test_init_processing_alone_registers_provider(qgis_app, qgis_processing):
    """qgis_process calls initProcessing without initGui."""
    plugin = homestead_cadastre.classFactory(None)
    plugin.initProcessing()
    try:
        provider = QgsApplication.processingRegistry().providerById("homestead")
        assert provider is not None and provider.algorithms()
        for alg in provider.algorithms():
            assert alg.shortHelpString(), f"{alg.id()} has no help text"
            assert alg.group() and alg.displayName()
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("homestead") is None


def test_dependency_message_names_install_command():
    from homestead_cadastre.dependencies import Missing, install_hint

    hint = install_hint([Missing("shapely", "shapely>=2", "1.8.5")])
    assert "pip install" in hint and '"shapely>=2"' in hint


def test_every_algorithm_has_its_own_icon_and_a_menu_entry(provider):
    """Toolbox, menu and toolbar show one icon per algorithm: a QGIS theme icon that exists, no two alike."""
    from qgis.PyQt.QtCore import QFile

    from homestead_cadastre.plugin import MENU_ALGORITHMS
    from homestead_cadastre.processing.algorithms.base import ICONS

    names = sorted(a.name() for a in provider.algorithms())
    assert sorted(ICONS) == names and sorted(name for name, _toolbar in MENU_ALGORITHMS) == names
    assert len(set(ICONS.values())) == len(ICONS)
    assert all(QFile(":/images/themes/default" + path).exists() for path in ICONS.values()), ICONS
    assert all(not a.icon().isNull() for a in provider.algorithms())
