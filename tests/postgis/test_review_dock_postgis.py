"""The review panel on a PostGIS survey, opened from the project stored in the database with a reviewer's own
login: decisions go through the edit buffer with the row version; the database writes the audit trail when
they are saved; a parcel someone else decided meanwhile makes the save fail as a whole, with a clear message."""
from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QEvent
from review_data import expected_rows, make_survey

from homestead_cadastre.ui.review_dock import ReviewDock

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import pg_load  # noqa: E402

N, VILLAGES = 40, 3


@pytest.fixture
def pg_survey(tmp_path, run_alg, pg_database, team, pg_sql, monkeypatch):
    """A survey schema with the review test parcels, its project opened as reviewer_a."""
    gpkg, _ = make_survey(tmp_path, run_alg, N, VILLAGES)
    name, prefix = f"r_{uuid.uuid4().hex[:8]}", f"t{uuid.uuid4().hex[:6]}"
    result = run_alg("createproject", {"CRS": "EPSG:4525", "DATABASE": pg_database, "SCHEMA": name,
                                       "ROLE_PREFIX": prefix})
    pg_load.load(str(gpkg), pg_database, name)
    for person in ("reviewer_a", "reviewer_b"):
        pg_sql(pg_database, f'GRANT "{prefix}_reviewer" TO "{team[person][0]}"')
    login = team["reviewer_a"][0]
    monkeypatch.setenv("PGUSER", login)
    project = QgsProject.instance()
    assert project.read(result["PROJECT"].replace("postgresql://postgres@", f"postgresql://{login}@"))
    yield name
    project.clear()


@pytest.fixture
def dock(pg_survey, qgis_iface):
    panel = ReviewDock(qgis_iface, qgis_iface.mainWindow())
    panel.reviewer.setText("李审核")
    panel.follow.setChecked(False)
    yield panel
    panel.shutdown()
    panel.deleteLater()
    QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def _messages(dock):
    bar = dock.iface.messageBar()
    return [m for level in bar.messages for m in bar.get_messages(level)]


def _parcel(rows, **wanted):
    return next(r for r in rows if all(r.get(k) == v for k, v in wanted.items()))


def _fid(layer, zddm):
    return next(f.id() for f in layer.getFeatures() if f["ZDDM"] == zddm)


def test_decisions_saved_and_audited_by_the_database(dock, pg_survey, pg_database, pg_sql, team):
    assert dock.layer is not None and dock.layer.providerType() == "postgres"
    rows = expected_rows(N, VILLAGES)
    confirmed, overridden, undone = _parcel(rows, SHZT=1, LB=1), _parcel(rows, SHZT=1, LB=2), \
        [r for r in rows if r["SHZT"] == 1 and r["LB"] == 1][1]
    dock.select_fid(_fid(dock.layer, confirmed["ZDDM"]))
    dock.confirm_current("")
    dock.select_fid(_fid(dock.layer, overridden["ZDDM"]))
    dock.override_current(3, "现场核实为一户多宅")
    dock.select_fid(_fid(dock.layer, undone["ZDDM"]))
    dock.confirm_current("")
    dock.layer.undoStack().undo()  # never reaches the database: leaves no audit row
    table = f'"{pg_survey}"'
    assert pg_sql(pg_database, f'SELECT count(*) FROM {table}."SHJL"') == [(0,)]  # nothing before saving
    dock.save_edits()
    stored = pg_sql(pg_database, f'SELECT "ZDDM", "LB", "SHZT", "SHR", "GPYY", "BBH" FROM {table}."ZD" '
                                 f'WHERE "ZDDM" IN (%s, %s, %s) ORDER BY "ZDDM"',
                    (confirmed["ZDDM"], overridden["ZDDM"], undone["ZDDM"]))
    assert sorted(stored) == sorted([
        (confirmed["ZDDM"], 1, 2, "李审核", None, 2), (overridden["ZDDM"], 3, 3, "李审核", "现场核实为一户多宅", 2),
        (undone["ZDDM"], 1, 1, None, None, 1)])
    audit = pg_sql(pg_database, f'SELECT "ZDDM", "YLB", "XLB", "YSHZT", "XSHZT", "SHR", "LY", "DLYH" '
                                f'FROM {table}."SHJL" ORDER BY "ZDDM"')
    login = team["reviewer_a"][0]
    assert sorted(audit) == sorted([(confirmed["ZDDM"], 1, 1, 1, 2, "李审核", None, login),
                                    (overridden["ZDDM"], 2, 3, 1, 3, "李审核", "现场核实为一户多宅", login)])


def test_a_parcel_decided_meanwhile_makes_the_save_fail(dock, pg_survey, pg_database, pg_sql, team):
    rows = expected_rows(N, VILLAGES)
    first, contested = [r for r in rows if r["SHZT"] == 1 and r["LB"] == 1][:2]
    for parcel in (first, contested):
        dock.select_fid(_fid(dock.layer, parcel["ZDDM"]))
        dock.confirm_current("")
    # another reviewer, on another machine, overrides the contested parcel and saves first (sending the
    # version they read, as the panel does)
    table = f'"{pg_survey}"."ZD"'
    pg_sql(team["reviewer_b"][2], f'UPDATE {table} SET "LB" = 3, "SHZT" = 3, "SHR" = %s, "GPYY" = %s, "BBH" = 1 '
                                  'WHERE "ZDDM" = %s', ("王审核", "房屋已倒塌", contested["ZDDM"]))
    dock.save_edits()
    assert "Someone else changed parcels you decided" in _messages(dock)[-1]
    assert dock.layer.isEditable()  # the decisions are still in the buffer, not lost
    stored = dict(pg_sql(pg_database, f'SELECT "ZDDM", ("LB", "SHZT", "SHR") FROM {table} WHERE "ZDDM" IN (%s, %s)',
                         (first["ZDDM"], contested["ZDDM"])))
    assert stored[contested["ZDDM"]] == "(3,3,王审核)"
    assert stored[first["ZDDM"]] == "(1,1,)"  # one save is one transaction: the other decision is not half-saved
    audit = pg_sql(pg_database, f'SELECT "ZDDM", "SHR", "DLYH" FROM "{pg_survey}"."SHJL"')
    assert audit == [(contested["ZDDM"], "王审核", team["reviewer_b"][0])]
