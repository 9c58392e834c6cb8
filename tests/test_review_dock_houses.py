"""The review card's houses on the demo village: each house of the parcel with its floors (C) and households (H)
and the house findings of the quality check, read from the project's layers. Known answers are read from the
GeoPackage with sqlite3, and the findings from the check's output file with OGR, not through the panel."""
from __future__ import annotations

import html
import shutil
import sqlite3
import statistics
import time
from html.parser import HTMLParser

import pytest
from conftest import SAMPLE, require_files
from osgeo import ogr
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QEvent, QTimer
from qgis.PyQt.QtTest import QTest

from homestead_cadastre.ui.review_dock import ReviewDock

VILLAGE = SAMPLE / "demo_village.gpkg"


class Cells(HTMLParser):
    """The rows of the tables in the card's HTML, as lists of cell texts."""

    def __init__(self):
        super().__init__()
        self.rows, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(self._cell)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def table_rows(html_text):
    parser = Cells()
    parser.feed(html_text)
    return parser.rows


@pytest.fixture(scope="module")
def village(tmp_path_factory):
    require_files(VILLAGE, reason="the demo village has not landed yet")
    path = tmp_path_factory.mktemp("houses") / "village.gpkg"
    shutil.copy(VILLAGE, path)
    return path


@pytest.fixture
def dock(village, qgis_iface, run_alg, tmp_path):
    project = QgsProject.instance()
    project.clear()  # no layer of an earlier test for the dock to bind to
    findings = tmp_path / "zjcw.gpkg"
    run_alg("qualitycheck", {
        **{key: f"{village}|layername={name}" for key, name in (
            ("PARCELS", "ZD"), ("BUILDINGS", "ZRZ"), ("FLOORS", "C"), ("UNITS", "H"), ("PARTS", "MJBF"))},
        "OUTPUT": str(findings), "OUTPUT_SUMMARY": "memory:"})
    for name in ("ZD", "ZRZ", "C", "H"):
        project.addMapLayer(QgsVectorLayer(f"{village}|layername={name}", name, "ogr"))
    project.addMapLayer(QgsVectorLayer(str(findings), "质检错误", "ogr"))
    panel = ReviewDock(qgis_iface, qgis_iface.mainWindow())
    panel.follow.setChecked(False)
    settle(panel)
    yield panel, findings
    panel.shutdown()
    panel.deleteLater()
    QgsApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    project.clear()


def settle(dock):
    for _ in range(200):
        QgsApplication.processEvents()
        if not any(t.isActive() for t in dock.findChildren(QTimer)):
            return
        QTest.qWait(5)


def show(dock, zddm):
    fid = next(f.id() for f in dock.layer.getFeatures() if f["ZDDM"] == zddm)
    assert dock.select_fid(fid)
    settle(dock)
    return dock.card.houses.text()


def two(value):
    return "—" if value is None else f"{value:.2f}"


def test_card_lists_the_houses_floors_and_households_as_stored(dock, village):
    panel, _findings = dock
    with sqlite3.connect(village) as db:
        # a parcel whose multi-storey house has both floors and households recorded
        zddm, zrzh = db.execute(
            "select ZDDM, ZRZH from ZRZ where ZCS >= 3 and ZRZH in (select ZRZH from H) and "
            "(select count(*) from C where C.ZRZH = ZRZ.ZRZH) >= 3 order by ZRZH limit 1").fetchone()
        houses = db.execute("select ZRZH, ZCS, SCJZMJ from ZRZ where ZDDM = ? order by ZRZH", (zddm,)).fetchall()
        floors = db.execute("select CH, CG, CJZMJ from C where ZRZH = ? order by cast(CH as integer)", (zrzh,)).fetchall()
        units = db.execute("select HH, BDCDYH, SCJZMJ from H where ZRZH = ? order by HH", (zrzh,)).fetchall()
    text = show(panel, zddm)
    assert panel.card.houses_box.title().endswith(f"({len(houses)})")
    for number, storeys, area in houses:
        assert number in text and f"<b>{storeys}</b>" in text and f"<b>{two(area) if area is not None else '—'}</b>" in text
    rows = table_rows(text)
    assert ["层号", "层高", "层建筑面积"] in rows and ["户号", "不动产单元号", "实测建筑面积"] in rows
    for ch, height, area in floors:
        assert [ch, two(height), two(area)] in rows
    for hh, code, area in units:
        assert [hh, code, two(area)] in rows
    assert len(floors) >= 3 and units


def test_card_shows_the_house_findings_of_the_loaded_check(dock, village):
    panel, findings = dock
    source = ogr.Open(str(findings))
    found = [(f["RULE_ID"], f["MESSAGE"], f["CODES"]) for f in source.GetLayer(0)
             if f["RULE_ID"] in ("C_DUP", "H_AREA", "C_MISSING")]
    source = None
    assert {rule for rule, _m, _c in found} == {"C_DUP", "H_AREA", "C_MISSING"}
    for rule, message, codes in found:
        parcel = next(c for c in codes.split(",") if len(c) == 19)
        text = show(panel, parcel)
        assert f"<code>{rule}</code> {html.escape(message)}" in text
    # a parcel with a clean house shows no finding in its houses
    with sqlite3.connect(village) as db:
        clean = db.execute("select ZDDM from ZRZ where ZDDM = '431302003005JC00299'").fetchone()[0]
    assert "<code>" not in show(panel, clean)


def test_a_card_with_houses_stays_fast(dock, village):
    panel, _findings = dock
    with sqlite3.connect(village) as db:
        codes = [r[0] for r in db.execute("select distinct ZDDM from ZRZ where ZDDM in (select ZDDM from ZD) "
                                          "order by ZDDM limit 60")]
    fids = {f["ZDDM"]: f.id() for f in panel.layer.getFeatures()}
    times = []
    for code in codes:
        start = time.perf_counter()
        panel.select_fid(fids[code])
        QgsApplication.processEvents()
        times.append(time.perf_counter() - start)
        assert code[:19] in panel.card.houses.text()
    assert statistics.median(times) < 0.05, times
