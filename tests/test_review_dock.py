"""The review panel driven as a person would: list, map selection, card, confirm, override, undo, facts,
checklist, issues, progress, and the decisions surviving a save and a reopened project.

Known answers come from the synthetic parcels generated again in the test (review_data.expected_rows) and
from the GeoPackage read back with sqlite3, not from the panel's own code.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import datetime

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QEvent, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from review_data import expected_rows, make_survey

from homestead_cadastre.rules.policy.profile import available_profiles
from homestead_cadastre.ui import review_dock
from homestead_cadastre.ui.panel_manager import ReviewPanelManager
from homestead_cadastre.ui.review_dock import ReviewDock

N, VILLAGES = 40, 3


@pytest.fixture
def survey(tmp_path, run_alg):
    gpkg, project_path = make_survey(tmp_path, run_alg, N, VILLAGES)
    project = QgsProject.instance()
    assert project.read(project_path)
    yield gpkg, project_path
    project.clear()


@pytest.fixture
def dock(survey, qgis_iface):
    panel = ReviewDock(qgis_iface, qgis_iface.mainWindow())
    panel.reviewer.setText("李审核")
    panel.follow.setChecked(False)
    yield panel
    panel.shutdown()
    panel.deleteLater()
    QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def settle(dock):
    """Let the panel's coalescing timers (list, card, progress refresh) run."""
    for _ in range(200):
        QgsApplication.processEvents()
        if not any(t.isActive() for t in dock.findChildren(QTimer)):
            return
        QTest.qWait(5)


def audit_rows(gpkg):
    with sqlite3.connect(gpkg) as db:
        return db.execute("select ZDDM, YLB, XLB, YSHZT, XSHZT, SHR, SHSJ, LY from SHJL order by fid").fetchall()


def stored(gpkg, zddm, fields="LB, LBMC, SHZT, SHR, SHSJ, GPYY"):
    with sqlite3.connect(gpkg) as db:
        return db.execute(f"select {fields} from ZD where ZDDM = ?", (zddm,)).fetchone()


def fid_of(layer, zddm):
    return next(f.id() for f in layer.getFeatures() if f["ZDDM"] == zddm)


def first_with(rows, **wanted):
    return next(r for r in rows if all(r.get(k) == v for k, v in wanted.items()))


def test_list_selection_and_map_stay_in_sync(dock):
    rows = expected_rows(N, VILLAGES)
    assert dock.layer is not None and dock.layer.name() == "宗地"
    assert dock.model.rowCount() == N
    zddm = rows[5]["ZDDM"]
    fid = fid_of(dock.layer, zddm)
    # select in the list: the card shows it and the map selects it
    assert dock.select_fid(fid)
    assert dock.card.title.text() == zddm
    assert rows[5]["QLRMC"] in dock.card.subtitle.text()
    assert dock.layer.selectedFeatureIds() == [fid]
    assert dock.card.area_labels["ZDMJ"].text() == f"{rows[5]['ZDMJ']:.2f}"
    # the geometry area is measured on the plane: the generator's rectangle w x d
    assert float(dock.card.geometry_area.text()) == pytest.approx(rows[5]["ZDMJ"], abs=0.01)
    # select on the map: the list follows
    other = fid_of(dock.layer, rows[20]["ZDDM"])
    dock.layer.selectByIds([other])
    current = dock.view.selectionModel().currentIndex()
    assert dock.model.fid(current.row()) == other
    assert dock.card.title.text() == rows[20]["ZDDM"]


def test_filters_count_like_the_data(dock):
    rows = expected_rows(N, VILLAGES)
    villages = Counter(r["ZDDM"][:12] for r in rows)
    assert [(code, count) for code, _name, count in dock.model.villages()] == sorted(villages.items())
    code = sorted(villages)[1]
    dock.village_combo.setCurrentIndex(dock.village_combo.findData(code))
    assert dock.model.rowCount() == villages[code]
    pending = sum(1 for r in rows if r["ZDDM"][:12] == code and r["SHZT"] not in (2, 3))
    dock.state_combo.setCurrentIndex(dock.state_combo.findData(review_dock.PENDING))
    assert dock.model.rowCount() == pending
    dock.state_combo.setCurrentIndex(0)
    dock.class_combo.setCurrentIndex(dock.class_combo.findData(1))
    assert dock.model.rowCount() == sum(1 for r in rows if r["ZDDM"][:12] == code and r.get("LB") == 1)
    dock.village_combo.setCurrentIndex(0)
    dock.class_combo.setCurrentIndex(0)
    dock.search.setText(rows[7]["QLRMC"])
    dock._filter_changed()
    assert dock.model.rowCount() == sum(1 for r in rows if rows[7]["QLRMC"] in r["QLRMC"])
    # sorting by area, descending: the largest parcel first
    dock.search.clear()
    dock._filter_changed()
    dock.view.sortByColumn(dock.model.COLUMNS.index("AREA"), Qt.DescendingOrder)
    largest = max(rows, key=lambda r: r["ZDMJ"] if r["ZDMJ"] is not None else r["DCMJ"])
    assert dock.model.fid(0) == fid_of(dock.layer, largest["ZDDM"])
    # a parcel whose area is not computed yet shows the survey's recorded area, and says so
    uncomputed = first_with(rows, ZDMJ=None)
    index = dock.model.index(dock.model.row_of(fid_of(dock.layer, uncomputed["ZDDM"])), dock.model.COLUMNS.index("AREA"))
    assert index.data() == f"{uncomputed['DCMJ']:.2f}" and "DCMJ" in index.data(Qt.ToolTipRole)


def test_next_unreviewed_walks_the_pending_parcels(dock):
    rows = expected_rows(N, VILLAGES)
    pending = [r["ZDDM"] for r in sorted(rows, key=lambda r: r["ZDDM"]) if r["SHZT"] not in (2, 3)]
    window = dock.iface.mainWindow()
    window.show()
    dock.show()
    QApplication.setActiveWindow(window)
    dock.view.setFocus()
    seen = []
    for _ in range(3):
        QTest.keyClick(dock.view, Qt.Key_F8)
        seen.append(dock.card.title.text())
    assert seen == pending[:3]
    QTest.keyClick(dock.view, Qt.Key_F8, Qt.ShiftModifier)
    assert dock.card.title.text() == pending[1]


def test_confirm_override_undo_and_audit(dock, survey):
    gpkg, _ = survey
    rows = expected_rows(N, VILLAGES)
    suggested = first_with(rows, SHZT=1, LB=1)
    fid = fid_of(dock.layer, suggested["ZDDM"])
    dock.select_fid(fid)
    before = datetime.now().replace(microsecond=0)
    dock.card.confirm_button.click()
    feature = dock.layer.getFeature(fid)
    assert feature["SHZT"] == 2 and feature["SHR"] == "李审核" and feature["LB"] == 1
    assert feature["SHSJ"].toPyDateTime() >= before
    assert audit_rows(gpkg) == []  # SHJL records what is saved: nothing yet
    assert len(dock.writer.pending()) == 1
    # confirming again is refused, nothing added
    dock.select_fid(fid)
    dock.confirm_current("")
    assert len(dock.writer.pending()) == 1
    assert "already" in qgis_messages(dock)[-1] or "已" in qgis_messages(dock)[-1]

    # override: the reason is required
    target = first_with(rows, SHZT=1, LB=2)
    fid2 = fid_of(dock.layer, target["ZDDM"])
    dock.select_fid(fid2)
    dock.card.class_choice.setCurrentIndex(dock.card.class_choice.findData(3))
    dock.card.override_button.click()
    assert dock.layer.getFeature(fid2)["LB"] == 2
    assert len(dock.writer.pending()) == 1
    dock.select_fid(fid2)
    dock.card.class_choice.setCurrentIndex(dock.card.class_choice.findData(3))
    dock.card.reason.setText("现场核实为一户多宅")
    dock.card.override_button.click()
    feature = dock.layer.getFeature(fid2)
    assert (feature["LB"], feature["LBMC"], feature["SHZT"], feature["GPYY"]) == (3, "其他情况", 3, "现场核实为一户多宅")
    assert len(dock.writer.pending()) == 2 and audit_rows(gpkg) == []

    # undo reverts the override in the edit buffer, and its record with it
    dock.layer.undoStack().undo()
    feature = dock.layer.getFeature(fid2)
    assert (feature["LB"], feature["SHZT"]) == (2, 1)
    assert not feature["GPYY"]
    assert len(dock.writer.pending()) == 1
    # redo applies it again
    dock.layer.undoStack().redo()
    assert dock.layer.getFeature(fid2)["LB"] == 3
    assert len(dock.writer.pending()) == 2
    # the list shows the new class and state
    row = dock.model.row_of(fid2)
    assert dock.model.index(row, dock.model.COLUMNS.index("SHZT")).data() == "已改判"
    # nothing is stored before saving; after saving, the file has it
    assert stored(gpkg, target["ZDDM"])[:3] == (2, "可以补办用地审批手续", 1)
    dock.save_edits()
    assert stored(gpkg, target["ZDDM"])[:3] == (3, "其他情况", 3)
    trail = audit_rows(gpkg)  # what was saved: the confirmation and the override
    assert [row[:6] for row in trail] == [(suggested["ZDDM"], 1, 1, 1, 2, "李审核"), (target["ZDDM"], 2, 3, 1, 3, "李审核")]
    assert trail[1][7] == "现场核实为一户多宅"
    assert dock.writer.pending() == []


def qgis_messages(dock):
    bar = dock.iface.messageBar()
    return [m for level in bar.messages for m in bar.get_messages(level)]


def test_audit_records_what_was_saved(dock, survey):
    """Confirmed, then discarded (or QGIS gone before saving): no SHJL row. Confirmed and saved: one row."""
    gpkg, _ = survey
    rows = expected_rows(N, VILLAGES)
    suggested = [r for r in rows if r["SHZT"] == 1 and r.get("LB") in (1, 2, 3)][:2]
    for r in suggested:
        dock.select_fid(fid_of(dock.layer, r["ZDDM"]))
        dock.confirm_current("")
    assert dock.layer.getFeature(fid_of(dock.layer, suggested[0]["ZDDM"]))["SHZT"] == 2
    assert audit_rows(gpkg) == []  # what another process (or QGIS after a crash) finds in the file
    dock.layer.rollBack()
    assert audit_rows(gpkg) == []
    assert all(stored(gpkg, r["ZDDM"])[2] == 1 for r in suggested)
    dock.select_fid(fid_of(dock.layer, suggested[0]["ZDDM"]))
    dock.confirm_current("")
    dock.save_edits()
    assert stored(gpkg, suggested[0]["ZDDM"])[2] == 2
    assert [row[:6] for row in audit_rows(gpkg)] == [(suggested[0]["ZDDM"], suggested[0]["LB"], suggested[0]["LB"], 1, 2, "李审核")]


def test_fact_edit_and_checklist_are_undoable(dock, survey):
    gpkg, _ = survey
    rows = expected_rows(N, VILLAGES)
    r = first_with(rows, SJQD=None)  # no document received yet
    fid = fid_of(dock.layer, r["ZDDM"])
    dock.select_fid(fid)
    editor = dock.card.facts["JFNF"]
    editor.widget.setText("1985")
    editor.widget.editingFinished.emit()
    assert dock.layer.getFeature(fid)["JFNF"] == 1985
    date_editor = dock.card.facts["PZRQ"]
    approved = dock.layer.getFeature(fid)["PZRQ"]
    date_editor.widget.setText("1986-13-01")  # not a date: refused, nothing written
    date_editor.widget.editingFinished.emit()
    assert dock.layer.getFeature(fid)["PZRQ"] == approved
    assert "ffd7d7" in date_editor.widget.styleSheet()
    date_editor.widget.setText("1986-03-01")
    date_editor.widget.editingFinished.emit()
    assert dock.layer.getFeature(fid)["PZRQ"].toPyDate().isoformat() == "1986-03-01"
    member = dock.card.facts["SFJTCY"].widget
    member.setCurrentIndex(member.findData(0))
    member.activated.emit(member.currentIndex())
    assert dock.layer.getFeature(fid)["SFJTCY"] == 0
    # document checklist: ticks stored as JSON key -> date
    dock.card.checks["application"].click()
    dock.card.checks["id_card"].click()
    ticks = json.loads(dock.layer.getFeature(fid)["SJQD"])
    assert set(ticks) == {"application", "id_card"}
    assert dock.card.checklist_count.text().startswith("2")
    dock.card.checks["application"].click()
    assert set(json.loads(dock.layer.getFeature(fid)["SJQD"])) == {"id_card"}
    # every step undoes, in order
    stack = dock.layer.undoStack()
    for _ in range(3):
        stack.undo()
    assert not dock.layer.getFeature(fid)["SJQD"]
    stack.undo()
    assert dock.layer.getFeature(fid)["SFJTCY"] == r["SFJTCY"]
    stack.undo()
    stack.undo()
    assert dock.layer.getFeature(fid)["JFNF"] == r["JFNF"]
    # the card follows the undo
    settle(dock)
    assert dock.card.facts["JFNF"].widget.text() == ("" if r["JFNF"] is None else str(r["JFNF"]))


def test_issues_from_the_check_layer(dock):
    rows = expected_rows(N, VILLAGES)
    fid = fid_of(dock.layer, rows[2]["ZDDM"])
    other = fid_of(dock.layer, rows[4]["ZDDM"])
    errors = QgsVectorLayer("None?field=RULE_ID:string&field=SEVERITY:string&field=MESSAGE:string&field=FIDS:string",
                            "质检结果", "memory")
    for rule, severity, message, fids in (("ZD_OVERLAP", "error", "宗地重叠 3.2 m²", f"{fid},{other}"),
                                          ("ZD_AREA_DIFF", "warning", "面积差超限", f"{fid}"),
                                          ("JZD_DUPLICATE", "error", "界址点重复", f"{fid}")):
        feature = QgsFeature(errors.fields())
        feature.setAttributes([rule, severity, message, fids])
        errors.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(errors)
    QgsApplication.processEvents()
    dock.select_fid(fid)
    text = dock.card.issues.text()
    assert "ZD_OVERLAP" in text and "ZD_AREA_DIFF" in text and "JZD_DUPLICATE" not in text
    issues_column = dock.model.COLUMNS.index("ISSUES")
    assert dock.model.index(dock.model.row_of(fid), issues_column).data() == "2"
    assert dock.model.index(dock.model.row_of(other), issues_column).data() == "1"


def test_progress_counts(dock):
    rows = expected_rows(N, VILLAGES)
    box = dock.progress
    county = box.county
    assert county.total == N
    assert county.surveyed == sum(1 for r in rows if (r["ZDMJ"] or r["DCMJ"] or 0) > 0)
    assert county.classified == sum(1 for r in rows if r.get("LB") in (1, 2, 3))
    assert county.reviewed == sum(1 for r in rows if r["SHZT"] in (2, 3))
    assert county.noticed == sum(r["SFGG"] for r in rows)
    assert county.registered == sum(r["SFDJ"] for r in rows)
    assert county.by_class == {c: sum(1 for r in rows if r.get("LB") == c) for c in (1, 2, 3, 0)}
    assert box.table.rowCount() == VILLAGES + 1
    # a decision moves the counts (debounced)
    r = first_with(rows, SHZT=1, LB=1)
    dock.select_fid(fid_of(dock.layer, r["ZDDM"]))
    dock.confirm_current("")
    dock._refresh_progress()
    assert dock.progress.county.reviewed == county.reviewed + 1


def test_style_by_class(dock):
    dock.style_by_class()
    renderer = dock.layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "LB"
    labels = [c.label() for c in renderer.categories()]
    # integer class values find their category (QGIS matches them to the stored "1", "2"...)
    assert labels[renderer.categoryIndexForValue(1)].startswith("一类")
    assert labels[renderer.categoryIndexForValue(3)].startswith("三类")
    assert labels[renderer.categoryIndexForValue(0)] == "待补充信息"
    assert labels[renderer.categoryIndexForValue(None)] == "未分类"


def test_large_layer_loads_in_background(dock, monkeypatch):
    monkeypatch.setattr(review_dock, "BACKGROUND_LIMIT", 10)
    dock.model.set_table(dock.model.table.empty())
    dock.reload()
    assert dock.load_task is not None
    dock.select_fid(5)  # remembered until the list is there
    for _ in range(500):
        QgsApplication.processEvents()
        if dock.load_task is None:
            break
        QTest.qWait(10)
    assert dock.model.rowCount() == N
    assert dock.current_fid() == 5 and dock.layer.selectedFeatureIds() == [5]


def test_reopened_project_keeps_decisions_and_panel(survey, qgis_iface, tmp_path):
    gpkg, project_path = survey
    rows = expected_rows(N, VILLAGES)
    menu, toolbar = qgis_iface.mainWindow().menuBar().addMenu("test"), qgis_iface.addToolBar("test")
    manager = ReviewPanelManager(qgis_iface, menu, toolbar)
    try:
        manager.action.trigger()
        dock = manager.dock
        assert dock is not None and not dock.isHidden() and dock.layer is not None
        dock.reviewer.setText("王复核")
        a, b = first_with(rows, SHZT=1, LB=1), first_with(rows, SHZT=1, LB=2)
        dock.select_fid(fid_of(dock.layer, a["ZDDM"]))
        dock.confirm_current("")
        fid_b = fid_of(dock.layer, b["ZDDM"])
        dock.select_fid(fid_b)
        dock.override_current(1, "补充了批准文件")
        dock.save_edits()
        assert not dock.layer.isModified()
        shown = dock.current_fid()  # the panel moved on to the next parcel to review
        assert shown not in (None, fid_b)
        project = QgsProject.instance()
        assert project.write(project_path)
        project.clear()
        assert dock.layer is None and dock.model.rowCount() == 0
        manager.set_visible(False)
        manager.action.setChecked(False)

        assert project.read(project_path)
        assert manager.action.isChecked() and not manager.dock.isHidden()
        dock = manager.dock
        assert dock.layer is not None and dock.layer.name() == "宗地"
        assert dock.current_fid() == shown and dock.layer.selectedFeatureIds() == [shown]
        assert dock.card.title.text() == dock.layer.getFeature(shown)["ZDDM"]
        fa, fb = dock.layer.getFeature(fid_of(dock.layer, a["ZDDM"])), dock.layer.getFeature(fid_b)
        assert (fa["SHZT"], fa["SHR"]) == (2, "王复核")
        assert (fb["LB"], fb["SHZT"], fb["GPYY"], fb["SHR"]) == (1, 3, "补充了批准文件", "王复核")
        assert [r[:5] for r in audit_rows(gpkg)] == [(a["ZDDM"], 1, 1, 1, 2), (b["ZDDM"], 2, 1, 1, 3)]
    finally:
        manager.unload()
        QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert qgis_iface.mainWindow().findChildren(QDockWidget, "HomesteadReviewDock") == []


def test_audit_refused_outside_a_geopackage(qgis_iface, qgis_new_project):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4525&field=ZDDM:string&field=LB:integer&field=SHZT:integer"
                           "&field=LBMC:string&field=SHR:string&field=SHSJ:datetime&field=GPYY:string", "内存宗地", "memory")
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["431302001001JC00001", 1, 1, "基本符合确权登记颁证条件", None, None, None])
    layer.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(layer)
    panel = ReviewDock(qgis_iface, qgis_iface.mainWindow())
    try:
        panel.reviewer.setText("李审核")
        panel.set_layer(layer)
        panel.select_fid(1)
        panel.confirm_current("")
        assert layer.getFeature(1)["SHZT"] == 1  # not written: no audit trail possible
        assert "GeoPackage" in qgis_messages(panel)[-1]
    finally:
        panel.shutdown()
        panel.deleteLater()
        QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        QgsProject.instance().clear()


def test_classification_output_is_taken_for_unreviewed_parcels_only(dock):
    """What the panel does with homestead:classify's output: suggestions for parcels nobody reviewed, one undo."""
    rows = expected_rows(N, VILLAGES)
    output = QgsVectorLayer("None?field=ZDDM:string&field=LB:integer&field=LBMC:string&field=LBYY:string"
                            "&field=DJMJ:double", "classified", "memory")
    duplicate = first_with(rows, SHZT=1)  # a code twice in the output cannot be matched: left alone
    features = []
    for r in rows + [duplicate]:
        feature = QgsFeature(output.fields())
        feature.setAttributes([r["ZDDM"], 3, "其他情况", "四(六)10 权属争议未解决", 99.5])
        features.append(feature)
    output.dataProvider().addFeatures(features)
    dock._take_suggestions(output)
    settle(dock)
    layer = dock.layer
    by_code = {f["ZDDM"]: f for f in layer.getFeatures()}
    for r in rows:
        f = by_code[r["ZDDM"]]
        if r["SHZT"] in (2, 3) or r is duplicate:  # a person decided, or no single match: left alone
            assert (f["LB"], f["SHZT"]) == (r.get("LB"), r["SHZT"])
        else:
            assert (f["LB"], f["SHZT"], f["LBYY"], f["DJMJ"]) == (3, 1, "四(六)10 权属争议未解决", 99.5)
    left_alone = [r for r in rows if r["SHZT"] in (2, 3) or r is duplicate]
    assert dock.model.table.columns["LB"].tolist().count(3) == (N - len(left_alone)) + sum(
        1 for r in left_alone if r.get("LB") == 3)
    layer.undoStack().undo()  # the whole run is one step
    restored = {f["ZDDM"]: (f["LB"], f["SHZT"]) for f in layer.getFeatures()}
    assert restored == {r["ZDDM"]: (r.get("LB"), r["SHZT"]) for r in rows}


def test_card_points_at_missing_facts_and_clauses(dock):
    rows = expected_rows(N, VILLAGES)
    missing = first_with(rows, LB=0)  # the generator leaves JFNF empty on these
    dock.select_fid(fid_of(dock.layer, missing["ZDDM"]))
    assert "fff4c2" in dock.card.facts["JFNF"].widget.styleSheet()
    assert "fff4c2" not in dock.card.facts["HH"].widget.styleSheet()
    assert not dock.card.confirm_button.isEnabled()  # nothing to confirm in class 0
    two_rules = first_with(rows, LB=1, SHZT=1)
    dock.select_fid(fid_of(dock.layer, two_rules["ZDDM"]))
    assert "fff4c2" not in dock.card.facts["JFNF"].widget.styleSheet()
    assert dock.card.reasons.text().count("•") == 2 and "<b>四(三)1</b>" in dock.card.reasons.text()
    assert dock.card.confirm_button.isEnabled()


def test_household_of_a_parcel_is_found_through_both_keys(dock):
    """一户多宅 needs the household: parcels sharing HH, or the holder's ID number (QLRZJH), transitively."""
    from homestead_cadastre.ui.suggest import household_rows

    layer = dock.layer
    fids = sorted(f.id() for f in layer.getFeatures())[:4]
    hh, zjh = layer.fields().indexOf("HH"), layer.fields().indexOf("QLRZJH")
    provider = layer.dataProvider()
    provider.changeAttributeValues({
        fids[0]: {hh: "户-甲", zjh: None},
        fids[1]: {hh: "户-甲", zjh: "430381199001011234"},
        fids[2]: {hh: "户-乙", zjh: "430381199001011234"},  # linked to the first only through the second
        fids[3]: {hh: "户-丙", zjh: "430381199001019999"},
    })
    rows = household_rows(layer, layer.getFeature(fids[0]), {"JFNF": 1999})
    assert [r["ZDDM"] for r in rows][0] == layer.getFeature(fids[0])["ZDDM"] and rows[0]["JFNF"] == 1999
    assert {r["ZDDM"] for r in rows} == {layer.getFeature(f)["ZDDM"] for f in fids[:3]}
    assert rows[0]["__area"] == pytest.approx(layer.getFeature(fids[0]).geometry().area())


def test_card_says_when_the_parcel_is_not_in_the_profile_s_county(dock, run_alg, tmp_path):
    """The survey's parcels are of 娄星区 (431302): under a profile copied for 湘乡市 (430381) and picked for the
    project, the card says the suggestion follows another county's policy; under Louxing's it says nothing."""
    rows = expected_rows(N, VILLAGES)
    fid = fid_of(dock.layer, rows[0]["ZDDM"])
    dock.select_fid(fid)
    settle(dock)
    assert not dock.card.county_warning.isVisibleTo(dock.card)
    copy = tmp_path / "xiangxiang.toml"
    run_alg("copyprofile", {"PROFILE": available_profiles().index("louxing_2020"), "COUNTIES": "430381",
                             "OUTPUT": str(copy)})
    QgsProject.instance().writeEntry("homestead_cadastre", "profile", str(copy))
    dock._refresh_progress()
    dock.select_fid(fid)
    settle(dock)
    text = dock.card.county_warning.text()
    assert dock.card.county_warning.isVisibleTo(dock.card)
    assert "431302" in text and "430381" in text and "xiangxiang" in text


@pytest.fixture
def no_reviewer_known():
    """No remembered reviewer and no @homestead_checker in QGIS (both kept in the profile: restored after)."""
    from qgis.core import QgsExpressionContextUtils, QgsSettings

    settings = QgsSettings()
    remembered = settings.value(review_dock.SETTINGS_REVIEWER, None)
    settings.remove(review_dock.SETTINGS_REVIEWER)
    checker = QgsExpressionContextUtils.globalScope().variable("homestead_checker")
    QgsExpressionContextUtils.removeGlobalVariable("homestead_checker")
    yield
    settings.remove(review_dock.SETTINGS_REVIEWER)
    if remembered is not None:
        settings.setValue(review_dock.SETTINGS_REVIEWER, remembered)
    QgsExpressionContextUtils.removeGlobalVariable("homestead_checker")
    if checker is not None:
        QgsExpressionContextUtils.setGlobalVariable("homestead_checker", checker)


def open_panel(qgis_iface):
    return ReviewDock(qgis_iface, qgis_iface.mainWindow())


def close_panel(panel):
    panel.shutdown()
    panel.deleteLater()
    QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def test_reviewer_is_blank_not_the_login_when_nobody_is_known(qgis_iface, qgis_new_project, no_reviewer_known):
    import getpass

    panel = open_panel(qgis_iface)
    try:
        assert getpass.getuser()  # this machine has a login name the panel must not use
        assert panel.reviewer.text() == ""
    finally:
        close_panel(panel)


def test_reviewer_is_the_checker_of_the_project_else_of_qgis(qgis_iface, qgis_new_project, no_reviewer_known):
    from qgis.core import QgsExpressionContextUtils

    QgsExpressionContextUtils.setGlobalVariable("homestead_checker", "张全局")
    panel = open_panel(qgis_iface)
    try:
        assert panel.reviewer.text() == "张全局"
    finally:
        close_panel(panel)
    QgsExpressionContextUtils.setProjectVariable(QgsProject.instance(), "homestead_checker", "李项目")
    panel = open_panel(qgis_iface)
    try:
        assert panel.reviewer.text() == "李项目"
    finally:
        close_panel(panel)


def test_reviewer_remembered_from_the_last_review(qgis_iface, qgis_new_project, no_reviewer_known):
    from qgis.core import QgsExpressionContextUtils

    QgsExpressionContextUtils.setProjectVariable(QgsProject.instance(), "homestead_checker", "李项目")
    panel = open_panel(qgis_iface)
    try:
        panel.reviewer.setText("王复核")
        QTest.keyClick(panel.reviewer, Qt.Key_Return)  # the name is kept when its editing finishes
    finally:
        close_panel(panel)
    panel = open_panel(qgis_iface)
    try:
        assert panel.reviewer.text() == "王复核"
    finally:
        close_panel(panel)


def test_reviewer_filled_when_a_project_naming_its_checker_opens(survey, qgis_iface, no_reviewer_known):
    from qgis.core import QgsExpressionContextUtils

    gpkg, project_path = survey
    project = QgsProject.instance()
    QgsExpressionContextUtils.setProjectVariable(project, "homestead_checker", "赵审核")
    assert project.write(project_path)
    project.clear()
    panel = open_panel(qgis_iface)
    try:
        assert panel.reviewer.text() == ""
        assert project.read(project_path)
        assert panel.layer is not None
        assert panel.reviewer.text() == "赵审核"
    finally:
        close_panel(panel)
