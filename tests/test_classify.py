"""homestead:classify on a real GeoPackage: decision fields written, confirmed decisions kept unless
OVERWRITE_CONFIRMED, farmland computed from a FARMLAND layer, parcels in geographic coordinates measured on
their 3° zone. Areas are rectangles: the known answers are width × height, computed here."""
import datetime
import json
import os
import shutil
import subprocess

import pytest
from conftest import REPO
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from homestead_cadastre.cadastre import schema
from homestead_cadastre.processing.library.layers import create_gpkg_layer, gpkg_layer
from homestead_cadastre.rules.policy.profile import POLICIES_DIR, available_profiles

X0, Y0 = 37_597_000.0, 3_069_000.0  # Loudi, CGCS2000 zone 37 with the zone number (EPSG:4525)

# every fact a clean parcel needs, filled: member, approved, built 1995, within its approval
CLEAN = dict(HH=None, QLRZJH=None, SFJTCY=1, YQSLY=1, PZMJ=200.0, PZRQ=datetime.date(1995, 3, 1), JFNF=1995,
             SFKD=0, DLLB=2, FHGH=1, SFJC=0, FHWP=0, WFCZ=0, FFGBYT=0, CZJMGZ=0, FFCSCZ=0, YAZ=0, CCTZ=0,
             KZDT=0, LSJZ=0, QSZY=0, QTBYDJ=None, ZYJBNTMJ=0.0)


def rectangle(x, y, width, height):
    return QgsGeometry.fromWkt(
        f"POLYGON(({x} {y}, {x + width} {y}, {x + width} {y + height}, {x} {y + height}, {x} {y}))")


def qt_value(value):
    if isinstance(value, datetime.datetime):
        return QDateTime(value)
    if isinstance(value, datetime.date):
        return QDate(value)
    return value


def write_parcels(path, parcels, crs="EPSG:4525", transform_to=None):
    """A ZD layer in the GeoPackage ``path``: parcels = [(ZDDM, geometry, {field: value})]."""
    create_gpkg_layer(str(path), schema.ZD, QgsCoordinateReferenceSystem(transform_to or crs), overwrite_file=True)
    layer = gpkg_layer(str(path), "ZD")
    features = []
    for code, geometry, values in parcels:
        feature = QgsFeature(layer.fields())
        feature.setAttribute("ZDDM", code)
        for name, value in {**CLEAN, "HH": f"H-{code}", **values}.items():
            feature.setAttribute(name, qt_value(value))
        if transform_to:
            geometry = QgsGeometry(geometry)
            geometry.transform(QgsCoordinateTransform(
                QgsCoordinateReferenceSystem(crs), QgsCoordinateReferenceSystem(transform_to), QgsProject.instance()))
        feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    del layer
    return f"{path}|layername=ZD"


def write_farmland(path, rectangles):
    create_gpkg_layer(str(path), schema.JBNT, QgsCoordinateReferenceSystem("EPSG:4525"), overwrite_file=False)
    layer = gpkg_layer(str(path), "JBNT")
    features = []
    for i, geometry in enumerate(rectangles):
        feature = QgsFeature(layer.fields())
        feature.setAttribute("JBNTTBBH", f"T{i}")
        feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    del layer
    return f"{path}|layername=JBNT"


def _value(value):
    return None if hasattr(value, "isNull") and value.isNull() else value


def read_output(path):
    layer = QgsVectorLayer(path, "out", "ogr")
    assert layer.isValid()
    rows = {f["ZDDM"]: {name: _value(f[name]) for name in layer.fields().names()} for f in layer.getFeatures()}
    geoms = {f["ZDDM"]: QgsGeometry(f.geometry()) for f in layer.getFeatures()}
    crs = layer.crs().authid()
    del layer
    return rows, geoms, crs


def run(run_alg, tmp_path, source, name="out.gpkg", **params):
    out = str(tmp_path / name)
    result = run_alg("classify", {"INPUT": source, "POLICY": "louxing_2020", "OUTPUT": out, **params})
    return result, out


def test_classes_written_with_areas_and_review_state(tmp_path, run_alg):
    source = write_parcels(tmp_path / "v.gpkg", [
        # approved 200 m², parcel 10 × 15 = 150 m²: within the approval → class 1, DJMJ 150
        ("A", rectangle(X0, Y0, 10, 15), {}),
        # no documents, built 2000, other land (180 m²), parcel 12 × 20 = 240 m² → 四(四)2 + 四(五)1: class 2,
        # standard area 180, excess 60
        ("B", rectangle(X0 + 20, Y0, 12, 20), dict(YQSLY=0, PZMJ=None, PZRQ=None, JFNF=2000)),
        # temporary building → 四(六)9, class 3, nothing to register
        ("C", rectangle(X0 + 40, Y0, 10, 10), dict(LSJZ=1)),
        # membership unknown → class 0
        ("D", rectangle(X0 + 60, Y0, 10, 10), dict(SFJTCY=None)),
    ])
    result, out = run(run_alg, tmp_path, source)
    rows, _geoms, crs = read_output(out)
    assert crs == "EPSG:4525"
    assert (result["CLASS_1"], result["CLASS_2"], result["CLASS_3"], result["CLASS_0"]) == (1, 1, 1, 1)
    a, b, c, d = rows["A"], rows["B"], rows["C"], rows["D"]
    assert (a["LB"], a["LBMC"], a["DJMJ"], a["CZMJ"]) == (1, "基本符合确权登记颁证条件", pytest.approx(150.0), 0.0)
    assert "四(四)" in a["LBYY"] and a["FJ"] in (None, "")
    assert (b["LB"], b["DJMJ"], b["CZMJ"]) == (2, pytest.approx(180.0), pytest.approx(60.0))
    assert "四(四)2" in b["LBYY"] and "四(五)1" in b["LBYY"]
    assert "待以后分户建房或现有房屋拆迁、改建、翻修、政府依法实施规划重新建设时，按有关规定做出处理" in b["FJ"]
    assert "公告30天" in b["XYBZ"]
    assert (c["LB"], c["DJMJ"], c["CZMJ"]) == (3, None, None) and "四(六)9" in c["LBYY"]
    assert d["LB"] == 0 and "SFJTCY" in d["LBYY"]
    assert {row["SHZT"] for row in rows.values()} == {1}
    # the input is untouched
    rows_in, _, _ = read_output(source)
    assert {row["LB"] for row in rows_in.values()} == {None}


def test_confirmed_decisions_kept_unless_overwrite(tmp_path, run_alg):
    confirmed = dict(LB=2, LBMC="可以补办用地审批手续", LBYY="村组决定", SHZT=2, SHR="张三",
                     SHSJ=datetime.datetime(2020, 6, 1, 9, 30), LSJZ=1)
    overridden = dict(LB=1, LBMC="基本符合确权登记颁证条件", SHZT=3, SHR="李四", GPYY="复核后改判", SFJTCY=None)
    earlier_suggestion = dict(LB=3, SHZT=1, LBYY="旧建议")
    source = write_parcels(tmp_path / "v.gpkg", [
        ("K", rectangle(X0, Y0, 10, 10), confirmed),
        ("O", rectangle(X0 + 20, Y0, 10, 10), overridden),
        ("S", rectangle(X0 + 40, Y0, 10, 10), earlier_suggestion),
    ])
    result, out = run(run_alg, tmp_path, source)
    rows, _, _ = read_output(out)
    assert result["CONFIRMED_KEPT"] == 2
    k, o, s = rows["K"], rows["O"], rows["S"]
    assert (k["LB"], k["SHZT"], k["SHR"], k["LBYY"]) == (2, 2, "张三", "村组决定")
    assert k["SHSJ"].toPyDateTime() == datetime.datetime(2020, 6, 1, 9, 30)
    assert (o["LB"], o["SHZT"], o["GPYY"]) == (1, 3, "复核后改判")
    assert (s["LB"], s["SHZT"]) == (1, 1) and "四(四)" in s["LBYY"]  # a suggestion is replaced
    assert (result["CLASS_2"], result["CLASS_1"]) == (1, 2)

    result, out = run(run_alg, tmp_path, source, name="out2.gpkg", OVERWRITE_CONFIRMED=True)
    rows, _, _ = read_output(out)
    assert result["CONFIRMED_KEPT"] == 0
    assert (rows["K"]["LB"], rows["K"]["SHZT"], rows["K"]["SHR"]) == (3, 1, None)  # 四(六)9 temporary
    assert (rows["O"]["LB"], rows["O"]["GPYY"]) == (0, None)


def test_farmland_layer_overlap_and_sliver(tmp_path, run_alg):
    gpkg = tmp_path / "v.gpkg"
    source = write_parcels(gpkg, [
        ("F", rectangle(X0, Y0, 10, 10), dict(ZYJBNTMJ=None)),
        ("S", rectangle(X0 + 20, Y0, 10, 10), dict(ZYJBNTMJ=None)),
        ("N", rectangle(X0 + 40, Y0, 10, 10), dict(ZYJBNTMJ=None)),
    ])
    farmland = write_farmland(gpkg, [
        rectangle(X0 + 6, Y0 - 5, 10, 20),  # covers x 6..10 of F: 4 × 10 = 40 m²
        rectangle(X0 + 29.95, Y0, 5, 10),  # 0.05 × 10 = 0.5 m² of S: a sliver below the default 1.0 m²
    ])
    result, out = run(run_alg, tmp_path, source, FARMLAND=farmland)
    rows, _, _ = read_output(out)
    assert rows["F"]["ZYJBNTMJ"] == pytest.approx(40.0) and rows["F"]["LB"] == 3 and "四(六)1" in rows["F"]["LBYY"]
    assert rows["S"]["ZYJBNTMJ"] == 0.0 and rows["S"]["LB"] == 1
    assert rows["N"]["ZYJBNTMJ"] == 0.0 and rows["N"]["LB"] == 1
    # a lower threshold makes the 0.5 m² strip count
    result, out = run(run_alg, tmp_path, source, name="out2.gpkg", FARMLAND=farmland, MIN_AREA=0.4)
    rows, _, _ = read_output(out)
    assert rows["S"]["ZYJBNTMJ"] == pytest.approx(0.5, abs=0.01) and rows["S"]["LB"] == 3
    # without FARMLAND and with ZYJBNTMJ empty, farmland is unknown: class 0, never assumed clear
    result, out = run(run_alg, tmp_path, source, name="out3.gpkg")
    rows, _, _ = read_output(out)
    assert {r["LB"] for r in rows.values()} == {0}
    assert all("ZYJBNTMJ" in r["LBYY"] for r in rows.values())


def test_geographic_input_measured_on_its_zone(tmp_path, run_alg):
    # 12 × 20 = 240 m² drawn in EPSG:4525, stored in EPSG:4490 (degrees): no documents, built 2000, other
    # land → standard area 180, excess 60; the output keeps EPSG:4490 and the input's geometry
    source = write_parcels(tmp_path / "geo.gpkg", [
        ("G", rectangle(X0, Y0, 12, 20), dict(YQSLY=0, PZMJ=None, JFNF=2000)),
    ], crs="EPSG:4525", transform_to="EPSG:4490")
    result, out = run(run_alg, tmp_path, source)
    rows, geoms, crs = read_output(out)
    assert crs == "EPSG:4490"
    assert (rows["G"]["LB"], rows["G"]["DJMJ"], rows["G"]["CZMJ"]) == (2, pytest.approx(180.0), pytest.approx(60.0, abs=0.01))
    x = geoms["G"].boundingBox().xMinimum()
    assert 111 < x < 112  # degrees, not metres


def test_bad_profile_and_missing_fields_refused(tmp_path, run_alg):
    source = write_parcels(tmp_path / "v.gpkg", [("A", rectangle(X0, Y0, 10, 15), {})])
    bad = tmp_path / "bad.toml"
    bad.write_text('[profile]\nbase = "louxing_2020"\nname = "x"\ncolour = "red"\n', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="line 4"):
        run(run_alg, tmp_path, source, POLICY=str(bad))
    with pytest.raises(QgsProcessingException, match="not found"):
        run(run_alg, tmp_path, source, POLICY="no_such_county")
    bare = QgsVectorLayer("Polygon?crs=EPSG:4525&field=ZDDM:string", "bare", "memory")
    feature = QgsFeature(bare.fields())
    feature.setGeometry(rectangle(X0, Y0, 10, 10))
    bare.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="SFJTCY"):
        run_alg("classify", {"INPUT": bare, "OUTPUT": "memory:"})
    del bare


def test_households_across_the_layer_and_invalid_polygons(tmp_path, run_alg):
    bowtie = QgsGeometry.fromWkt(
        f"POLYGON(({X0 + 60} {Y0}, {X0 + 70} {Y0 + 10}, {X0 + 70} {Y0}, {X0 + 60} {Y0 + 10}, {X0 + 60} {Y0}))")
    source = write_parcels(tmp_path / "v.gpkg", [
        # one holder (same ID number, different household ids): the registered one is the household's
        ("OLD", rectangle(X0, Y0, 10, 10), dict(HH="H1", QLRZJH="43130219700101001X", SFDJ=1)),
        ("NEW", rectangle(X0 + 20, Y0, 10, 10), dict(HH="H9", QLRZJH="43130219700101001x")),
        ("BAD", bowtie, {}),
    ])
    result, out = run(run_alg, tmp_path, source)
    rows, _, _ = read_output(out)
    assert rows["OLD"]["LB"] == 1
    assert rows["NEW"]["LB"] == 3 and "四(六)2" in rows["NEW"]["LBYY"] and "OLD" in rows["NEW"]["LBYY"]
    assert rows["BAD"]["LB"] == 0 and "ZDMJ" in rows["BAD"]["LBYY"] and rows["BAD"]["DJMJ"] is None


class Warnings(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, text):  # noqa: N802 (QGIS API name)
        self.warnings.append(text)
        super().pushWarning(text)


def test_parcels_of_another_county_and_a_copied_profile(tmp_path, run_alg):
    """娄星区 is 431302 (the profile's counties); 430381 湘乡市 and 540102 拉萨市城关区 are other counties."""
    source = write_parcels(tmp_path / "v.gpkg", [
        ("431302104201JC00001", rectangle(X0, Y0, 10, 15), {}),
        ("430381104201JC00001", rectangle(X0 + 20, Y0, 10, 15), {}),
        ("430381104201JC00002", rectangle(X0 + 40, Y0, 10, 15), dict(LSJZ=1)),
        ("540102104201JC00001", rectangle(X0 + 60, Y0, 10, 15), {}),
    ])
    feedback = Warnings()
    result = run_alg("classify", {"INPUT": source, "POLICY": "louxing_2020", "OUTPUT": str(tmp_path / "a.gpkg")},
                     feedback=feedback)
    assert result["OTHER_COUNTY_PARCELS"] == 3 and result["OTHER_COUNTIES"] == "430381: 2; 540102: 1"
    warning = next(w for w in feedback.warnings if "copyprofile" in w)
    assert "430381 (2)" in warning and "540102 (1)" in warning and "431302" in warning
    rows, _, _ = read_output(str(tmp_path / "a.gpkg"))
    own, other, temporary, tibet = (rows[c] for c in (
        "431302104201JC00001", "430381104201JC00001", "430381104201JC00002", "540102104201JC00001"))
    assert "430381" not in (own["LBYY"] + own["XYBZ"]) and "copyprofile" not in own["XYBZ"]
    for row in (other, temporary, tibet):
        assert row["LBYY"].startswith("一(一) 宗地所在县（区）代码" + row["ZDDM"][:6]) and "copyprofile" in row["XYBZ"]
    assert (other["LB"], temporary["LB"]) == (1, 3)  # the class is still the policy's; the mismatch is said

    # a copy of the Louxing profile for 湘乡市 (430381): its parcels are covered, the others are not
    copy = tmp_path / "xiangxiang.toml"
    louxing = available_profiles().index("louxing_2020")
    result = run_alg("copyprofile", {"PROFILE": louxing, "COUNTIES": "430381", "OUTPUT": str(copy)})
    assert result["OUTPUT"] == str(copy)
    text = copy.read_text(encoding="utf-8")
    assert 'name = "xiangxiang"' in text and 'counties = ["430381"]' in text and "431302" not in text.split("[dates]")[0]
    assert "[rules.member_standard_area]" in text and "# 1 使用耕地" in text  # the whole profile, comments too
    feedback = Warnings()
    result = run_alg("classify", {"INPUT": source, "POLICY": str(copy), "OUTPUT": str(tmp_path / "b.gpkg")},
                     feedback=feedback)
    assert result["OTHER_COUNTIES"] == "431302: 1; 540102: 1"
    rows, _, _ = read_output(str(tmp_path / "b.gpkg"))
    assert not rows["430381104201JC00001"]["LBYY"].startswith("一(一)")


def test_copied_profile_refusals(tmp_path, run_alg):
    with pytest.raises(QgsProcessingException, match="4303810"):
        run_alg("copyprofile", {"PROFILE": 0, "COUNTIES": "4303810", "OUTPUT": str(tmp_path / "x.toml")})
    with pytest.raises(QgsProcessingException, match="县域"):
        run_alg("copyprofile", {"PROFILE": 0, "OUTPUT": str(tmp_path / "县域.toml")})
    with pytest.raises(QgsProcessingException, match="update"):
        run_alg("copyprofile", {"PROFILE": 0, "OUTPUT": os.path.join(POLICIES_DIR, "mine.toml")})
    assert not os.path.exists(os.path.join(POLICIES_DIR, "mine.toml")) and not os.listdir(tmp_path)


@pytest.mark.skipif(shutil.which("qgis_process.bin") is None, reason="qgis_process is not installed")
def test_runs_in_qgis_process(tmp_path):
    """The way `make demo` and scripts run it: QGIS's own process (its GEOS loaded before shapely's)."""
    source = write_parcels(tmp_path / "v.gpkg", [
        ("A", rectangle(X0, Y0, 10, 15), {}),
        ("C", rectangle(X0 + 40, Y0, 10, 10), dict(LSJZ=1)),
    ])
    xdg = tmp_path / "xdg"
    xdg.mkdir(mode=0o700)
    env = dict(os.environ, QGIS_PLUGINPATH=str(REPO / "build" / "plugins"), QT_QPA_PLATFORM="offscreen",
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(xdg))
    subprocess.run(["qgis_process.bin", "plugins", "enable", "homestead_cadastre"], env=env, capture_output=True,
                   timeout=300)
    out = tmp_path / "out.gpkg"
    done = subprocess.run(["qgis_process.bin", "--json", "run", "homestead:classify", "--", f"INPUT={source}",
                           "POLICY=louxing_2020", f"OUTPUT={out}"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    results = json.loads(done.stdout)["results"]
    assert (results["CLASS_1"], results["CLASS_3"]) == (1, 1)
    rows, _, _ = read_output(str(out))
    assert (rows["A"]["LB"], rows["A"]["DJMJ"], rows["C"]["LB"]) == (1, pytest.approx(150.0), 3)
