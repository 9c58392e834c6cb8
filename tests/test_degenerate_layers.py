"""Degenerate but legitimate layers through processing.run: a clear answer or a clear refusal, never a traceback.

The root cause these guard: numpy's bincount of an empty index array is int64 whatever its weights, so sums
per parcel crashed (`_UFuncOutputCastingError`) when no house was assigned by location (every house coded),
no geometry was usable, or the layer was empty.
"""
import csv
import math
from pathlib import Path

import pytest
from gpkg import write_layer
from layers_helper import rows
from qgis.core import QgsProcessingException

E0, N0 = 37_597_000.0, 3_069_000.0
CODE = "431302003005JC{:05d}"


def box(x, y, w=10.0, h=10.0, e0=E0, n0=N0):
    x0, y0 = e0 + x, n0 + y
    return f"POLYGON(({x0} {y0}, {x0 + w} {y0}, {x0 + w} {y0 + h}, {x0} {y0 + h}, {x0} {y0}))"


def bowtie(x, y, e0=E0, n0=N0):
    x0, y0 = e0 + x, n0 + y
    return f"POLYGON(({x0} {y0}, {x0 + 10} {y0 + 10}, {x0 + 10} {y0}, {x0} {y0 + 10}, {x0} {y0}))"


# the survey facts classify requires, all left empty (so every parcel waits for facts: class 0)
FACTS = {"HH": "text", "QLRZJH": "text", "PZMJ": "real", "PZRQ": "text", "QTBYDJ": "text", **{f: "int" for f in (
    "SFJTCY YQSLY JFNF SFKD DLLB FHGH SFJC FHWP WFCZ FFGBYT CZJMGZ FFCSCZ YAZ CCTZ KZDT LSJZ QSZY".split())}}
# huge: a zone-45 easting far north (real bounds of the CRS); enormous: 10⁹ m, far outside any, still a plane
HUGE = {"huge": (45_999_000.0, 9_999_000.0), "enormous": (1e9, 1e9)}
PARCEL_FIELDS = {"ZDDM": "text", "QLRMC": "text", "DCMJ": "real", **FACTS}
HOUSE_FIELDS = {"ZDDM": "text", "ZCS": "int", "SCJZMJ": "real"}


def parcels_rows(kind):
    if kind == "empty":
        return []
    if kind == "null_geometry":
        return [{"ZDDM": CODE.format(i), "QLRMC": "张三"} for i in (1, 2)]
    if kind == "invalid":
        return [{"ZDDM": CODE.format(i), "QLRMC": "张三", "wkt": bowtie(20 * i, 0)} for i in (1, 2)]
    if kind in HUGE:
        e0, n0 = HUGE[kind]
        return [{"ZDDM": CODE.format(i), "QLRMC": "张三", "DCMJ": 100.0, "wkt": box(10 * i, 0, e0=e0, n0=n0)} for i in (1, 2)]
    return [{"ZDDM": CODE.format(i), "QLRMC": "张三", "DCMJ": 100.0, "wkt": box(10 * i, 0)} for i in (1, 2)]


def houses_rows(kind):
    if kind in ("empty", "null_geometry", "invalid"):
        return []
    e0, n0 = HUGE.get(kind, (E0, N0))
    return [{"ZDDM": CODE.format(i), "ZCS": 2, "wkt": box(10 * i + 2, 2, 5, 5, e0, n0)} for i in (1, 2)]


def curved(x, y):
    """A 10 × 10 m square whose north side is a circular arc bulging 2 m: area 100 + segment area."""
    x0, y0 = E0 + x, N0 + y
    return (f"CURVEPOLYGON(COMPOUNDCURVE(({x0} {y0 + 10}, {x0} {y0}, {x0 + 10} {y0}, {x0 + 10} {y0 + 10}),"
            f"CIRCULARSTRING({x0 + 10} {y0 + 10}, {x0 + 5} {y0 + 12}, {x0} {y0 + 10})))")


KINDS = ["empty", "null_geometry", "invalid", "all_coded", "huge", "curved", "enormous"]


@pytest.fixture(params=KINDS)
def village(request, tmp_path):
    path = str(tmp_path / f"{request.param}.gpkg")
    if request.param == "curved":
        rows = [{"ZDDM": CODE.format(1), "QLRMC": "张三", "DCMJ": 100.0, "wkt": curved(10, 0)},
                {"ZDDM": CODE.format(2), "QLRMC": "张三", "DCMJ": 100.0, "wkt": box(20, 0)}]
        write_layer(path, "ZD", 4525, "curvepolygon", PARCEL_FIELDS, rows)
    else:
        write_layer(path, "ZD", 4525, "multipolygon", PARCEL_FIELDS, parcels_rows(request.param))
    write_layer(path, "ZRZ", 4525, "multipolygon", HOUSE_FIELDS, houses_rows(request.param))
    write_layer(path, "JBNT", 4525, "multipolygon", {"JBNTTBBH": "text"},
                [{"JBNTTBBH": "T1", "wkt": box(500, 500)}])
    return request.param, path


def layer(path, name):
    return f"{path}|layername={name}"


def run_or_refuse(run_alg, name, params):
    """The algorithm's results, or the message of a clear refusal (a QgsProcessingException that is no traceback)."""
    try:
        return run_alg(name, params)
    except QgsProcessingException as error:
        text = str(error)
        assert "Traceback" not in text and "Error" not in text.split(":")[0], text
        return text


def values(path, field):
    return {r["ZDDM"]: r[field] for r in rows(path)}


CODES = [CODE.format(1), CODE.format(2)]
SEGMENT = 7.25 ** 2 * math.asin(5 / 7.25) - 5 * (7.25 - 2)  # the arc's circular segment: chord 10 m, rise 2 m


def test_parcelareas(run_alg, village, tmp_path):
    kind, path = village
    result = run_or_refuse(run_alg, "parcelareas", {
        "INPUT": layer(path, "ZD"), "RECORDED_AREA_FIELD": "DCMJ", "BUILDINGS": layer(path, "ZRZ"),
        "OUTPUT": str(tmp_path / "areas.gpkg")})
    if kind == "empty":
        assert rows(result["OUTPUT"]) == []
        return
    zdmj, floor, footprint = (values(result["OUTPUT"], f) for f in ("ZDMJ", "JZMJ", "JZZDMJ"))
    if kind in ("null_geometry", "invalid"):
        assert set(zdmj.values()) == {None} and set(floor.values()) == {None}
        return
    expected = {CODES[0]: 100.0 + (SEGMENT if kind == "curved" else 0.0), CODES[1]: 100.0}
    assert zdmj == pytest.approx(expected, abs=0.01)  # curves linearised at 1° of arc
    assert footprint == {CODES[0]: 25.0, CODES[1]: 25.0}  # every house coded to its parcel
    assert floor == {CODES[0]: 50.0, CODES[1]: 50.0}  # 5 m × 5 m × 2 storeys


def test_boundarypoints_and_table(run_alg, village, tmp_path):
    kind, path = village
    points = run_or_refuse(run_alg, "boundarypoints", {
        "INPUT": layer(path, "ZD"), "OUTPUT_POINTS": str(tmp_path / "jzd.gpkg"),
        "OUTPUT_LINES": str(tmp_path / "jzx.gpkg"), "OUTPUT": str(tmp_path / "zd.gpkg")})
    table = run_or_refuse(run_alg, "boundarytable", {
        "INPUT": layer(path, "ZD"), "BUILDINGS": layer(path, "ZRZ"), "OUTPUT_XLSX": str(tmp_path / "t.xlsx"),
        "OUTPUT_CSV": str(tmp_path / "t.csv")})
    assert Path(table["OUTPUT_XLSX"]).exists()
    with open(table["OUTPUT_CSV"], encoding="utf-8-sig", newline="") as f:
        table_rows = list(csv.DictReader(f))
    jzd = rows(points["OUTPUT_POINTS"])
    if kind in ("empty", "null_geometry", "invalid"):
        assert jzd == [] and table_rows == []
        return
    assert sorted({r["宗地代码"] for r in table_rows}) == CODES
    if kind in ("all_coded", "huge", "enormous"):  # two 10 m squares sharing an edge: 6 physical points, 4 + 1 rows each
        assert len({r["JZD_ID"] for r in jzd}) == 6
        assert len(table_rows) == 10
        assert {r["边长(m)"] for r in table_rows} == {"10.00", ""}


def test_farmland_quality_classify(run_alg, village, tmp_path):
    kind, path = village
    overlay = run_or_refuse(run_alg, "farmlandoverlay", {
        "INPUT": layer(path, "ZD"), "FARMLAND": layer(path, "JBNT"), "BUILDINGS": layer(path, "ZRZ"),
        "OUTPUT": str(tmp_path / "f.gpkg"), "OUTPUT_OVERLAPS": str(tmp_path / "o.gpkg")})
    check = run_or_refuse(run_alg, "qualitycheck", {
        "PARCELS": layer(path, "ZD"), "BUILDINGS": layer(path, "ZRZ"), "FARMLAND": layer(path, "JBNT"),
        "OUTPUT": str(tmp_path / "q.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "s.gpkg")})
    classes = run_or_refuse(run_alg, "classify", {
        "INPUT": layer(path, "ZD"), "FARMLAND": layer(path, "JBNT"), "OUTPUT": str(tmp_path / "c.gpkg")})
    if kind == "empty":
        assert rows(overlay["OUTPUT"]) == []
        assert check == "The parcel layer empty is empty: there is nothing to check."
        assert classes == "Layer empty has no parcels to classify."
        return
    occupied = values(overlay["OUTPUT"], "ZYJBNTMJ")  # the farmland lies 500 m away
    assert set(occupied) == set(CODES) and set(occupied.values()) <= {0.0, None}
    findings = {(r["RULE_ID"], r["FIDS"]) for r in rows(check["OUTPUT"])}
    no_bdcdyh = {("ZD_CODE", "1"), ("ZD_CODE", "2")}  # the layers carry no BDCDYH
    expected = {"null_geometry": no_bdcdyh | {("ZD_INVALID", "1"), ("ZD_INVALID", "2")},
                "invalid": no_bdcdyh | {("ZD_INVALID", "1"), ("ZD_INVALID", "2")},
                "all_coded": no_bdcdyh, "huge": no_bdcdyh, "enormous": no_bdcdyh,
                "curved": no_bdcdyh | {("ZD_AREA", "1")}}  # DCMJ 100 m² against 113.75 m²
    assert findings == expected[kind]
    assert (classes["CLASS_0"], classes["CLASS_1"] + classes["CLASS_2"] + classes["CLASS_3"]) == (2, 0)  # no facts



def test_exportdxf_and_sheetindex(run_alg, village, tmp_path):
    """The polygon readers the tests above do not cover: a clear answer or refusal; curved parcels linearised (and
    said so), never taken for parcels without geometry."""
    from layers_helper import RecordingFeedback

    kind, path = village
    params = {"INPUT": layer(path, "ZD"), "BUILDINGS": layer(path, "ZRZ"), "OUTPUT": str(tmp_path / "zd.dxf")}
    run_or_refuse(run_alg, "exportdxf", params)
    sheets = run_or_refuse(run_alg, "sheetindex", {"INPUT": layer(path, "ZD"), "OUTPUT": str(tmp_path / "s.gpkg"),
                                                   "OUTPUT_PARCELS": str(tmp_path / "p.gpkg")})
    if kind != "curved":
        return
    feedback = RecordingFeedback()
    run_alg("exportdxf", dict(params, OUTPUT=str(tmp_path / "again.dxf")), feedback=feedback)
    assert "2 parcel rings" in feedback.text() and "curved edges" in feedback.text()
    assert "no geometry" not in feedback.text()
    tfh = values(sheets["OUTPUT_PARCELS"], "TFH")
    assert set(tfh) == set(CODES) and all(tfh.values())  # both parcels on a sheet, the curved one too
