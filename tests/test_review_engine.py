"""The review panel with the eligibility engine: a fact edited in the card renews the suggestion (with the
clause behind it, audited, one undo step), the classification runs as a background task, and the progress box
shows the profile's dated targets. Known answers come from the policy text (domain.md §1.7, §7)."""
from __future__ import annotations

from datetime import date

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtTest import QTest
from review_data import expected_rows, make_survey
from test_review_dock import audit_rows, fid_of, settle

from homestead_cadastre.ui.review_dock import ReviewDock

N, VILLAGES = 30, 2


@pytest.fixture
def survey(tmp_path, run_alg):
    gpkg, project_path = make_survey(tmp_path, run_alg, N, VILLAGES, seed=11)
    assert QgsProject.instance().read(project_path)
    yield gpkg
    QgsProject.instance().clear()


@pytest.fixture
def dock(survey, qgis_iface):
    panel = ReviewDock(qgis_iface, qgis_iface.mainWindow())
    panel.reviewer.setText("赵审核")
    panel.follow.setChecked(False)
    yield panel
    panel.shutdown()
    panel.deleteLater()
    QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def clean_parcel(rows):
    """A member's approved homestead with every exclusion fact 'no', alone in its household, off farmland."""
    return next(r for r in rows if r["SFJTCY"] == 1 and r["YQSLY"] == 1 and r["JFNF"] and r["ZYJBNTMJ"] == 0
                and not any(r[k] for k in ("FFGBYT", "CZJMGZ", "FFCSCZ", "YAZ", "CCTZ", "KZDT", "LSJZ", "QSZY")))


def test_a_fact_edit_renews_the_suggestion(dock, survey):
    rows = expected_rows(N, VILLAGES, seed=11)
    r = clean_parcel(rows)
    fid = fid_of(dock.layer, r["ZDDM"])
    dock.select_fid(fid)
    before = len(audit_rows(survey))
    # 四(六)10: an unresolved ownership dispute is not registrable → class 3, whatever the class was
    combo = dock.card.facts["QSZY"].widget
    combo.setCurrentIndex(combo.findData(1))
    combo.activated.emit(combo.currentIndex())
    feature = dock.layer.getFeature(fid)
    assert feature["QSZY"] == 1
    assert (feature["LB"], feature["SHZT"]) == (3, 1)
    assert "四(六)10" in feature["LBYY"]
    assert not feature["SHR"]  # a renewed suggestion is nobody's decision yet
    if r.get("LB") != 3 or r["SHZT"] != 1:
        assert len(audit_rows(survey)) == before  # SHJL gets it when the edit is saved
        record = dock.writer.pending()[-1][1]
        assert (record.zddm, record.old_class, record.new_class, record.old_state, record.new_state) == (
            r["ZDDM"], r.get("LB"), 3, r["SHZT"], 1)
    settle(dock)
    assert "四(六)10" in dock.card.reasons.text()
    # the fact and the suggestion undo together
    dock.layer.undoStack().undo()
    feature = dock.layer.getFeature(fid)
    assert (feature["QSZY"], feature["LB"], feature["SHZT"]) == (0, r.get("LB"), r["SHZT"])


def test_classification_runs_in_the_background(dock, survey):
    rows = expected_rows(N, VILLAGES, seed=11)
    disputed = next(r for r in rows if r["QSZY"] == 1 and r["SHZT"] not in (2, 3)) if any(
        r["QSZY"] == 1 and r["SHZT"] not in (2, 3) for r in rows) else None
    assert dock.classify_button.isEnabled()
    dock.classify_button.click()
    assert dock.classify_run is not None
    for _ in range(1500):
        QgsApplication.processEvents()
        if dock.classify_run is None:
            break
        QTest.qWait(20)
    assert dock.classify_run is None
    settle(dock)
    by_code = {f["ZDDM"]: f for f in dock.layer.getFeatures()}
    for r in rows:
        f = by_code[r["ZDDM"]]
        if r["SHZT"] in (2, 3):
            assert (f["LB"], f["SHZT"]) == (r.get("LB"), r["SHZT"])  # a person's decision stays
        else:
            assert f["SHZT"] == 1 and f["LB"] in (0, 1, 2, 3) and f["LBYY"]
    if disputed is not None:
        assert by_code[disputed["ZDDM"]]["LB"] == 3
    assert dock.model.rowCount() == N


def test_progress_shows_the_profile_targets(dock):
    dock._refresh_progress()
    box = dock.progress
    # domain.md §1.7 (Louxing): survey 100% by 2020-07-31, 70% registered by 2020-09-30, >90% by 2020-11-30
    assert [(t.metric, t.share, t.due) for t in box.targets] == [
        ("surveyed", 1.0, date(2020, 7, 31)), ("registered", 0.7, date(2020, 9, 30)),
        ("registered", 0.9, date(2020, 11, 30))]
    text = box.target_text.text()
    assert "2020-09-30" in text and "70%" in text
