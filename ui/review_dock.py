"""The review panel (审核面板): a dock where a village team and the technical unit go through the parcels,
check each one's facts, areas and issues, and confirm or change its class.

``ReviewDock`` is the panel; ui/panel_manager.py gives it its menu and toolbar action and its place in the
project file.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsExpressionContextUtils,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsSettings,
    QgsVectorDataProvider,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QShortcut,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..cadastre import review, schema
from ..cadastre.messages import CadastreError
from ..i18n import tr
from ..processing.library import postgis
from ..processing.library.layers import apply_style
from . import classify, suggest
from .audit import DecisionWriter, LazyTrail
from .house_index import HouseIndex
from .parcel_card import ParcelCard
from .parcel_list_model import (
    PENDING,
    UNCLASSIFIED,
    ListFilter,
    ParcelListModel,
    ParcelLoadTask,
    ParcelTable,
    class_label,
    read_parcel_table,
)
from .progress_box import ProgressBox
from .project_layers import is_parcel_layer, parcel_issues, parcel_layers

CLASS_STYLE = "zd_class.qml"
# Layers larger than this are read in a background task, so QGIS never freezes while the list loads.
BACKGROUND_LIMIT = 20000
SETTINGS_REVIEWER = "homestead_cadastre/reviewer"
CHECKER_VARIABLE = "homestead_checker"  # the 审核者 of the maps (processing/library/map_inputs.py)
PROGRESS_FIELDS = {"ZDMJ", "DCMJ", "LB", "SHZT", "SFGG", "SFDJ"}


class ReviewDock(QgsDockWidget):
    """The panel. ``set_layer`` binds it to a parcel layer; ``select_fid`` shows one parcel."""

    def __init__(self, iface, parent=None):
        super().__init__(tr("Review panel"), parent)
        self.setObjectName("HomesteadReviewDock")
        self.iface = iface
        self.layer: Optional[QgsVectorLayer] = None
        self.writer: Optional[DecisionWriter] = None
        self.load_task: Optional[ParcelLoadTask] = None
        self.classify_run: Optional[classify.ClassificationRun] = None
        self._syncing = False
        self._current_fid: Optional[int] = None
        self._pending_fid: Optional[int] = None
        self.model = ParcelListModel(self)
        self.houses = HouseIndex()
        self._refresh_timer = self._timer(0, self._refresh_list)
        self._card_timer = self._timer(0, self._refresh_card)
        self._progress_timer = self._timer(300, self._refresh_progress)
        self._reload_timer = self._timer(0, self.reload)
        self._issues_timer = self._timer(0, self._refresh_issues)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_top())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self._build_parcels(), tr("Parcels"))
        self.progress = ProgressBox()
        self.progress.setObjectName("progressBox")
        self.progress.village_chosen.connect(self._choose_village)
        self.tabs.addTab(self.progress, tr("Progress"))
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self._shortcuts()

        project = QgsProject.instance()
        project.layersAdded.connect(self._layers_changed)
        project.layersRemoved.connect(self._layers_changed)
        project.cleared.connect(self.unbind)
        self._layers_changed()

    def _timer(self, ms: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # --- building --------------------------------------------------------------------------------------
    def _build_top(self):
        top = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Parcels")))
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setObjectName("parcelLayer")
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.layer_combo.layerChanged.connect(self.set_layer)
        row.addWidget(self.layer_combo, 1)
        row.addWidget(QLabel(tr("Reviewer")))
        self.reviewer = QLineEdit(default_reviewer())
        self.reviewer.setObjectName("reviewer")
        self.reviewer.setPlaceholderText(tr("Your name"))
        self.reviewer.setMaximumWidth(110)
        self.reviewer.setToolTip(tr("Your name, written with every decision (审核人)"))
        self.reviewer.editingFinished.connect(lambda: QgsSettings().setValue(SETTINGS_REVIEWER, self.reviewer.text().strip()))
        row.addWidget(self.reviewer)
        top.addLayout(row)

        tools = QHBoxLayout()
        self.classify_button = self._tool("/mActionStart.svg", tr("Classify parcels"),
                                          tr("Run homestead:classify on the layer and take its suggestions for the "
                                             "parcels not yet reviewed"), self.run_classification, with_text=True)
        self.style_button = self._tool("/mActionStyleManager.svg", tr("Style by class"),
                                       tr("Colour the parcels by class, with a Chinese legend"), self.style_by_class)
        self.save_button = self._tool("/mActionSaveEdits.svg", tr("Save edits"),
                                      tr("Save the decisions and edits to the GeoPackage"), self.save_edits)
        self.next_button = self._tool("/mActionArrowDown.svg", tr("Next unreviewed"),
                                      tr("Go to the next parcel not yet reviewed (F8; Shift+F8 goes back)"),
                                      lambda: self.go_pending(1))
        self.reload_button = self._tool("/mActionRefresh.svg", tr("Reload"),
                                        tr("Read the parcels and the check results again"), self.reload)
        self.follow = QToolButton()
        self.follow.setObjectName("followMap")
        self.follow.setCheckable(True)
        self.follow.setChecked(True)
        self.follow.setAutoRaise(True)
        self.follow.setIcon(QgsApplication.getThemeIcon("/mActionPanToSelected.svg"))
        self.follow.setToolTip(tr("Follow on the map: pan to and flash the parcel you select"))
        for button in (self.classify_button, self.style_button, self.save_button, self.next_button, self.reload_button,
                       self.follow):
            tools.addWidget(button)
        tools.addStretch(1)
        top.addLayout(tools)
        self.task_label = QLabel()
        self.task_label.setObjectName("taskLabel")
        self.task_label.hide()
        top.addWidget(self.task_label)
        return top

    def _tool(self, icon: str, text: str, tip: str, slot, with_text: bool = False) -> QToolButton:
        button = QToolButton()
        button.setIcon(QgsApplication.getThemeIcon(icon))
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if with_text:
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build_parcels(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        filters = QHBoxLayout()
        self.village_combo = QComboBox()
        self.village_combo.setObjectName("villageFilter")
        self.village_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.village_combo.setMinimumContentsLength(8)
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("stateFilter")
        self.state_combo.addItem(tr("All states"), None)
        self.state_combo.addItem(tr("To review"), PENDING)
        for code, label in schema.CODELISTS["SHZT"].items():
            self.state_combo.addItem(label, code)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("classFilter")
        self.class_combo.addItem(tr("All classes"), None)
        for lb in (1, 2, 3, 0):
            self.class_combo.addItem(class_label(lb), lb)
        self.class_combo.addItem(tr("Not classified"), UNCLASSIFIED)
        self.search = QLineEdit()
        self.search.setObjectName("searchFilter")
        self.search.setPlaceholderText(tr("Code or holder"))
        self.search.setClearButtonEnabled(True)
        for combo in (self.village_combo, self.state_combo, self.class_combo):
            combo.currentIndexChanged.connect(self._filter_changed)
            filters.addWidget(combo, 1)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer = self._timer(250, self._filter_changed)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Vertical)
        splitter.setObjectName("reviewSplitter")
        self.view = QTableView()
        self.view.setObjectName("parcelList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        vertical = self.view.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.Fixed)  # uniform rows: no per-row size hints on 100k rows
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        # fixed widths from sample texts: measuring 100,000 rows to fit the contents would stall
        metrics = self.fontMetrics()
        for column, sample in enumerate(("430381104201JC00000", "欧阳建国", "■ 待补充", "已改判", "9999.99", "99")):
            header.resizeSection(column, max(metrics.horizontalAdvance(sample),
                                             metrics.horizontalAdvance(self.model.headerData(column, Qt.Horizontal))) + 18)
        self.view.selectionModel().selectionChanged.connect(self._list_selection_changed)
        self.view.doubleClicked.connect(lambda _i: self.zoom_to_current())
        splitter.addWidget(self.view)
        self.card = ParcelCard()
        self.card.setObjectName("parcelCard")
        self.card.confirm_requested.connect(self.confirm_current)
        self.card.override_requested.connect(self.override_current)
        self.card.fact_edited.connect(self.edit_fact)
        self.card.checklist_edited.connect(self.edit_checklist)
        self.card.zoom_requested.connect(self.zoom_to_current)
        self.card.flash_requested.connect(self.flash_current)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.card)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        layout.addWidget(self.count_label)
        return page

    def _shortcuts(self):
        for keys, slot in (("F8", lambda: self.go_pending(1)), ("Shift+F8", lambda: self.go_pending(-1)),
                           ("Ctrl+Return", lambda: self.confirm_current(self.card.reason.text().strip()))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- layer binding ---------------------------------------------------------------------------------
    def _layers_changed(self, *_args) -> None:
        project = QgsProject.instance()
        others = [layer for layer in project.mapLayers().values() if not is_parcel_layer(layer)]
        self.layer_combo.setExceptedLayerList(others)
        if self.layer is None:
            current = self.layer_combo.currentLayer()
            candidates = [current] if is_parcel_layer(current) else parcel_layers(project)
            if candidates:
                self.set_layer(candidates[0])
        self._issues_timer.start()

    def set_layer(self, layer: Optional[QgsMapLayer]) -> None:
        if layer is self.layer:
            return
        self.unbind()
        if layer is None or not is_parcel_layer(layer):
            return
        self.layer = layer
        if self.layer_combo.currentLayer() is not layer:
            self.layer_combo.setLayer(layer)
        if not self.reviewer_name():  # the project opened after the panel may name its checker
            self.reviewer.setText(default_reviewer())
        self.writer = DecisionWriter(layer, LazyTrail(layer), self.reviewer_name, self)
        for signal, slot in self._layer_signals():
            signal.connect(slot)
        self.reload()
        self._issues_timer.start()
        self._update_buttons()

    def _layer_signals(self):
        layer = self.layer
        return (
            (layer.attributeValueChanged, self._value_changed),
            (layer.featureAdded, self._schedule_reload),
            (layer.featuresDeleted, self._schedule_reload),
            (layer.afterRollBack, self._schedule_reload),
            (layer.committedFeaturesAdded, self._schedule_reload),
            (layer.selectionChanged, self._map_selection_changed),
            (layer.editingStarted, self._update_buttons),
            (layer.editingStopped, self._update_buttons),
            (layer.layerModified, self._update_buttons),
            (layer.willBeDeleted, self.unbind),
        )

    def unbind(self, *_args) -> None:
        """Let go of the layer (it is being removed, the project cleared, or another layer chosen)."""
        if self.load_task is not None:
            self.load_task.on_done = lambda _table: None
            self.load_task.cancel()
            self.load_task = None
        if self.layer is not None:
            for signal, slot in self._layer_signals():
                try:
                    signal.disconnect(slot)
                except (TypeError, RuntimeError):
                    pass
        if self.writer is not None:
            self.writer.disconnect_layer()
            self.writer.trail.close()
            self.writer.deleteLater()
            self.writer = None
        self.layer = None
        self.houses = HouseIndex()
        self._current_fid = None
        self.model.set_table(ParcelTable.empty())
        self.card.clear()
        self._update_counts()
        self._update_buttons()

    def reload(self) -> None:
        """Read the layer's list columns again (in the background for large layers), the findings and houses too."""
        if self.layer is None:
            return
        self._issues_timer.start()
        if self.layer.featureCount() > BACKGROUND_LIMIT:
            if self.load_task is not None:
                self.load_task.on_done = lambda _table: None
                self.load_task.cancel()
            self.load_task = ParcelLoadTask(self.layer, self._table_loaded)
            self.task_label.setText(tr("Reading {n} parcels…").format(n=self.layer.featureCount()))
            self.task_label.show()
            QgsApplication.taskManager().addTask(self.load_task)
        else:
            self._table_loaded(read_parcel_table(self.layer, self.layer.fields()))

    def _table_loaded(self, table) -> None:
        self.load_task = None
        self.task_label.hide()
        if table is None or self.layer is None:
            return
        self.model.set_table(table)
        self._fill_villages()
        self._refresh_progress()
        self._update_counts()
        fid = self._pending_fid if self._pending_fid is not None else self._current_fid
        self._pending_fid = None
        if fid is not None:
            self.select_fid(fid)

    def _schedule_reload(self, *_args) -> None:
        self._reload_timer.start()

    def _refresh_issues(self) -> None:
        """The check findings and the houses (ZRZ, C, H), read once: a card looks them up."""
        if self.layer is not None:
            self.model.set_issues(parcel_issues(QgsProject.instance(), self.layer))
            self.houses = HouseIndex.read(QgsProject.instance(), self.layer)
            self._card_timer.start()

    # --- filters and list ------------------------------------------------------------------------------
    def _fill_villages(self) -> None:
        current = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(tr("All villages"), None)
        self.village_names = {}
        for code, name, count in self.model.villages():
            self.village_names[code] = name
            self.village_combo.addItem(f"{code} {name} ({count})".replace("  ", " "), code)
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(current), 0))
        self.village_combo.blockSignals(False)
        if self.model.filter.village != self.village_combo.currentData():
            self._filter_changed()

    def _filter_changed(self, *_args) -> None:
        self.model.set_filter(ListFilter(self.village_combo.currentData(), self.state_combo.currentData(),
                                         self.class_combo.currentData(), self.search.text()))
        self._reselect()
        self._update_counts()

    def _choose_village(self, code: str) -> None:
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(code or None), 0))
        self.tabs.setCurrentIndex(0)

    def _value_changed(self, fid: int, index: int, value) -> None:
        name = self.layer.fields().at(index).name() if self.layer is not None else ""
        if name == "ZDDM":  # the parcel may change village: group again
            self._schedule_reload()
        elif self.model.update_value(fid, name, value):
            self._refresh_timer.start()
            if name in PROGRESS_FIELDS:
                self._progress_timer.start()
        if fid == self._current_fid:
            self._card_timer.start()

    def _refresh_list(self) -> None:
        self.model.refresh()
        self._reselect()
        self._update_counts()

    def _reselect(self) -> None:
        """After the rows changed, select the current parcel again if it is still listed."""
        if self._current_fid is None:
            return
        row = self.model.row_of(self._current_fid)
        self._syncing = True
        try:
            if row is None:
                self.view.selectionModel().clearSelection()
            else:
                index = self.model.index(row, 0)
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
                self.view.scrollTo(index)
        finally:
            self._syncing = False

    def _update_counts(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.table)
        pending = int((~np.isin(self.model.table.columns["SHZT"], review.REVIEWED)).sum())
        self.count_label.setText(tr("{shown} of {total} parcels shown · {pending} to review").format(
            shown=shown, total=total, pending=pending))

    def _refresh_progress(self) -> None:
        self.progress.set_targets(*classify.profile_targets())
        self.card.set_policy(*classify.policy_scope())
        self.progress.set_table(self.model.table, getattr(self, "village_names", {}))

    # --- selection -------------------------------------------------------------------------------------
    def _list_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None:
            return
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        fids = self.model.fids(rows)
        current = self.view.selectionModel().currentIndex()
        fid = self.model.fid(current.row()) if current.isValid() and current.row() in rows else (fids[0] if fids else None)
        self._syncing = True
        try:
            self.layer.selectByIds(fids)
        finally:
            self._syncing = False
        self.show_parcel(fid)
        if fid is not None and self.follow.isChecked() and self.iface is not None:
            canvas = self.iface.mapCanvas()
            canvas.panToFeatureIds(self.layer, [fid], False)
            canvas.flashFeatureIds(self.layer, [fid], flashes=1, duration=300)

    def _map_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None:
            return
        fids = self.layer.selectedFeatureIds()
        selection = QItemSelection()
        rows = [r for r in (self.model.row_of(fid) for fid in fids[:2000]) if r is not None]
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        self._syncing = True
        try:
            model = self.view.selectionModel()
            model.select(selection, QItemSelectionModel.ClearAndSelect)
            if rows:
                model.setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.NoUpdate)
                self.view.scrollTo(self.model.index(rows[0], 0))
        finally:
            self._syncing = False
        self.show_parcel(fids[0] if fids else None)
        if fids and not rows:
            self.card.show_notice(tr("This parcel is hidden by the list's filters."))

    def select_fid(self, fid: int) -> bool:
        """Select parcel ``fid`` in the list (and so on the map) and show its card; False if not listed."""
        if self.layer is None:
            return False
        if self.load_task is not None:  # still reading: select once the list is there
            self._pending_fid = fid
            return False
        row = self.model.row_of(fid)
        if row is None:
            self.layer.selectByIds([fid])
            return False
        self.view.selectionModel().setCurrentIndex(self.model.index(row, 0),
                                                   QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def go_pending(self, step: int) -> None:
        current = self.model.row_of(self._current_fid) if self._current_fid is not None else None
        row = self.model.next_pending(-1 if current is None else current, step)
        if row is None:
            self._message(tr("Every listed parcel has been reviewed."), Qgis.Success)
            return
        self.select_fid(self.model.fid(row))

    def current_fid(self) -> Optional[int]:
        return self._current_fid

    # --- the card --------------------------------------------------------------------------------------
    def show_parcel(self, fid: Optional[int]) -> None:
        """Show parcel ``fid``'s card: one feature fetched by id."""
        self._current_fid = fid
        if fid is None or self.layer is None:
            self.card.clear()
            return
        feature = self.layer.getFeature(fid)
        if not feature.isValid():
            self.card.clear()
            return
        area = None
        if feature.hasGeometry() and not self.layer.crs().isGeographic():
            area = feature.geometry().area()
        zddm = feature["ZDDM"] if feature.fields().indexOf("ZDDM") >= 0 else None
        self.card.show_feature(feature, self.model.issues_of(fid), area, self._editable(), self.houses.houses_of(zddm))
        self.card.show_notice("")

    def _refresh_card(self) -> None:
        if self._current_fid is not None:
            notice = self.card.notice.text() if self.card.notice.isVisible() else ""
            self.show_parcel(self._current_fid)
            self.card.show_notice(notice)

    def _editable(self) -> bool:
        layer = self.layer
        return bool(layer is not None and not layer.readOnly()
                    and layer.dataProvider().capabilities() & QgsVectorDataProvider.ChangeAttributeValues)

    def _update_buttons(self, *_args) -> None:
        bound = self.layer is not None
        self.save_button.setEnabled(bound and self.layer.isEditable() and self.layer.isModified())
        self.classify_button.setEnabled(bound and classify.available() and self.classify_run is None)
        self.style_button.setEnabled(bound)
        self.next_button.setEnabled(bound)
        self.reload_button.setEnabled(bound)

    # --- decisions -------------------------------------------------------------------------------------
    def reviewer_name(self) -> str:
        return self.reviewer.text().strip()

    def _decide(self, action) -> bool:
        if self.writer is None or self._current_fid is None:
            return False
        try:
            action()
        except CadastreError as error:
            self._message(error.problem.format(tr), Qgis.Warning)
            return False
        self._update_buttons()
        return True

    def confirm_current(self, note: str = "") -> None:
        fid = self._current_fid
        if self._decide(lambda: self.writer.confirm(fid, note)):
            self._advance_from(fid)

    def override_current(self, lb: int, reason: str) -> None:
        fid = self._current_fid
        if self._decide(lambda: self.writer.override(fid, lb, reason)):
            self._advance_from(fid)

    def _advance_from(self, fid: int) -> None:
        """After a decision, go on to the next parcel to review (the list may drop the decided one)."""
        row = self.model.row_of(fid)
        following = self.model.next_pending(row if row is not None else -1, 1)
        if following is not None and self.model.fid(following) != fid:
            self.select_fid(self.model.fid(following))

    def edit_fact(self, name: str, value) -> None:
        fid = self._current_fid
        if self.writer is None or fid is None:
            return

        def action():
            feature = self.writer.feature(fid)
            zddm = feature["ZDDM"] or fid
            renewed = suggest.renewed_decision(self.layer, feature, {name: value})
            reason = tr("Fact {field} changed to {value}; suggestion renewed").format(
                field=schema.ZD.field(name).alias, value="—" if value is None else value)
            self.writer.edit(fid, {name: value}, tr("Edit {field} of {zddm}").format(
                field=schema.ZD.field(name).alias, zddm=zddm), renewed, reason)
            return renewed

        renewed_holder = []
        if self._decide(lambda: renewed_holder.append(action())):
            if renewed_holder and renewed_holder[0] is None:
                self.card.show_notice(suggest.unavailable_notice())

    def edit_checklist(self, text) -> None:
        fid = self._current_fid
        if self.writer is not None and fid is not None:
            self._decide(lambda: self.writer.edit(fid, {"SJQD": text}, tr("Documents received for {zddm}").format(
                zddm=self.card.values.get("ZDDM") or fid)))

    # --- map -------------------------------------------------------------------------------------------
    def zoom_to_current(self) -> None:
        if self.layer is not None and self._current_fid is not None and self.iface is not None:
            self.iface.mapCanvas().zoomToFeatureIds(self.layer, [self._current_fid])
            self.flash_current()

    def flash_current(self) -> None:
        if self.layer is not None and self._current_fid is not None and self.iface is not None:
            self.iface.mapCanvas().flashFeatureIds(self.layer, [self._current_fid])

    def style_by_class(self) -> None:
        if self.layer is None:
            return
        if apply_style(self.layer, CLASS_STYLE):
            node = QgsProject.instance().layerTreeRoot().findLayer(self.layer.id())
            if node is not None:
                node.setExpanded(True)
            if self.iface is not None and hasattr(self.iface, "layerTreeView"):
                self.iface.layerTreeView().refreshLayerSymbology(self.layer.id())
        else:
            self._message(tr("The class style {name} is missing from the plugin.").format(name=CLASS_STYLE), Qgis.Warning)

    def save_edits(self) -> None:
        if self.layer is None or not self.layer.isEditable():
            return
        if not self.layer.commitChanges(True):
            errors = self.layer.commitErrors()
            if postgis.is_version_conflict(errors):
                # the database refused the whole save (one transaction): nothing was overwritten
                self._message(tr(
                    "Someone else changed parcels you decided since you loaded them, so nothing was saved. Discard "
                    "your edits (Layer ▸ Toggle Editing ▸ Discard), look at those parcels again and decide anew. "
                    "{errors}").format(errors="; ".join(errors)), Qgis.Critical)
            else:
                self._message(tr("Saving {layer} failed: {errors}").format(
                    layer=self.layer.name(), errors="; ".join(errors)), Qgis.Critical)
        self._update_buttons()

    # --- classification --------------------------------------------------------------------------------
    def run_classification(self) -> None:
        """homestead:classify in a background task; its suggestions then go into the edit buffer as one undo
        step, for the parcels nobody has reviewed."""
        if self.layer is None or self.classify_run is not None:
            return
        try:
            self.classify_run = classify.ClassificationRun(self.layer, self._take_suggestions,
                                                           self._classification_failed, self.task_label)
        except CadastreError as error:
            self._message(error.problem.format(tr), Qgis.Warning)
            return
        self._update_buttons()

    def _take_suggestions(self, output) -> None:
        self.classify_run = None
        layer = self.layer
        if layer is not None:
            # one list reload afterwards instead of a model update per changed value
            layer.attributeValueChanged.disconnect(self._value_changed)
            try:
                taken = classify.take_suggestions(layer, output)
            except CadastreError as error:
                self._message(error.problem.format(tr), Qgis.Warning)
            else:
                self._message(tr("Classification done: {n} suggestions taken; reviewed parcels were left as they "
                                 "are.").format(n=taken), Qgis.Success)
            finally:
                layer.attributeValueChanged.connect(self._value_changed)
            self.reload()
            self._card_timer.start()
        self._update_buttons()

    def _classification_failed(self, message: str) -> None:
        self.classify_run = None
        self._message(message, Qgis.Warning)
        self._update_buttons()

    # --- messages --------------------------------------------------------------------------------------
    def _message(self, text: str, level=Qgis.Info) -> None:
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Review panel"), text, level, 8)

    def shutdown(self) -> None:
        """Disconnect from the project and the layer before the dock is deleted."""
        project = QgsProject.instance()
        for signal, slot in ((project.layersAdded, self._layers_changed), (project.layersRemoved, self._layers_changed),
                             (project.cleared, self.unbind)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        if self.classify_run is not None:
            self.classify_run.cancel()
            self.classify_run = None
        self.unbind()


def default_reviewer() -> str:
    """The reviewer to pre-fill: the name entered at the last review, else the checker the maps sign with
    (@homestead_checker of the project, else of QGIS's global variables), else blank (never the OS login)."""
    remembered = str(QgsSettings().value(SETTINGS_REVIEWER, "") or "").strip()
    if remembered:
        return remembered
    for scope in (QgsExpressionContextUtils.projectScope(QgsProject.instance()), QgsExpressionContextUtils.globalScope()):
        checker = str(scope.variable(CHECKER_VARIABLE) or "").strip()
        if checker:
            return checker
    return ""
