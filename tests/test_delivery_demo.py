"""The delivery of the demo village (its planted defects named by the self-check, its clean part complete), the
agriculture share (no unmasked ID number, no phone number in any byte or field) and the area summary."""
import csv
import json
import re
import shutil
import sqlite3
import subprocess

import pytest
from conftest import SAMPLE
from osgeo import ogr

VILLAGE = SAMPLE / "demo_village.gpkg"
MANIFEST = json.loads((SAMPLE / "demo_village.manifest.json").read_text(encoding="utf-8"))
ID_NUMBER = re.compile(r"(?<![\d*])\d{17}[\dXx](?![\dXx])|(?<![\d*])\d{15}(?!\d)")
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def uri(path, name, subset=""):
    return f"{path}|layername={name}" + (f"|subset={subset}" if subset else "")


def defect_codes(*ids):
    return sorted({c for d in MANIFEST["defects"] if d["id"] in ids for c in d["codes"]})


@pytest.fixture(scope="module")
def measured(tmp_path_factory, provider):
    """The demo village with ZDMJ computed (homestead:parcelareas), as the demo delivers it."""
    import processing

    out = tmp_path_factory.mktemp("demo") / "zd_areas.gpkg"
    processing.run("homestead:parcelareas", {"INPUT": uri(VILLAGE, "ZD"), "CODE_FIELD": "ZDDM", "RECORDED_AREA_FIELD": "DCMJ",
                                             "SCALE": 1000, "OUTPUT": str(out)})
    return out


def test_demo_village_delivery_names_its_planted_defects(measured, tmp_path, run_alg):
    result = run_alg("exportdelivery", {"PARCELS": str(measured), "BUILDINGS": uri(VILLAGE, "ZRZ"),
                                        "HOLDERS": uri(VILLAGE, "QLR"), "OUTPUT_FOLDER": str(tmp_path / "d")})
    assert result["COMPLETE"] is False
    with open(tmp_path / "d" / "self_check.csv", encoding="utf-8-sig") as handle:
        rows = [r for r in csv.reader(handle)][1:-2]
    zd = [r for r in rows if r[2] == "ZD"]
    invalid = {c for r in zd if r[4] == "INVALID" for c in defect_codes("D03") if c in r[3]}
    assert invalid == set(defect_codes("D03"))
    assert {c for r in zd if r[4] == "DUPLICATE" for c in defect_codes("D06") if c in r[3]} == set(defect_codes("D06"))
    malformed = [c for c in defect_codes("D07") if c not in ("431302003005GC00048", "431302003005JC00276")]
    assert all(any(r[4] == "CODE_FORMAT" and c in r[5] for r in zd) for c in malformed)


def test_demo_village_without_its_blocking_defects_is_complete(measured, tmp_path, run_alg):
    bad = "','".join(defect_codes("D03", "D06", "D07"))
    keep = f"\"ZDDM\" NOT IN ('{bad}') AND \"ZDDM\" <> ''"
    folder = tmp_path / "d"
    result = run_alg("exportdelivery", {"PARCELS": f"{measured}|subset={keep}",
                                        "BUILDINGS": uri(VILLAGE, "ZRZ", keep), "HOLDERS": uri(VILLAGE, "QLR", keep),
                                        "OUTPUT_FOLDER": str(folder)})
    assert result["COMPLETE"] is True, (folder / "self_check.csv").read_text(encoding="utf-8-sig")[:2000]
    db = sqlite3.connect(VILLAGE)
    expected = {name: db.execute(f"SELECT COUNT(*) FROM {name} WHERE ZDDM NOT IN ('{bad}') AND ZDDM <> ''").fetchone()[0]
                for name in ("ZD", "ZRZ", "QLR")}
    source = ogr.Open(str(folder / "delivery.gdb"))
    assert {n: source.GetLayerByName(n).GetFeatureCount() for n in expected} == expected
    assert expected["ZD"] == 300 - 7


@pytest.fixture(scope="module")
def share(tmp_path_factory, provider):
    import processing

    folder = tmp_path_factory.mktemp("share")
    village = folder / "village.gpkg"
    shutil.copy(VILLAGE, village)
    db = sqlite3.connect(village)  # an ID number and a phone number written into free text too
    db.execute("UPDATE QLR SET BZ = '联系电话13912345678，身份证430381199001011234' WHERE fid = 1")
    db.commit()
    db.close()
    source = ogr.Open(str(village), 1)  # a spatial table: through GDAL (its triggers need SpatiaLite functions)
    houses = source.GetLayerByName("ZRZ")
    house = houses.GetFeature(1)
    house.SetField("BZ", "户主电话 0738-8312345")
    houses.SetFeature(house)
    source = None
    out = folder / "share.gpkg"
    result = processing.run("homestead:exportshare", {"PARCELS": uri(village, "ZD"), "BUILDINGS": uri(village, "ZRZ"),
                                                     "HOLDERS": uri(village, "QLR"), "OUTPUT": str(out)})
    return village, out, result


def secrets(village):
    db = sqlite3.connect(village)
    ids = {r[0] for r in db.execute("SELECT ZJH FROM QLR WHERE ZJH <> ''")} | \
        {r[0] for r in db.execute("SELECT QLRZJH FROM ZD WHERE QLRZJH <> ''")} | {"430381199001011234"}
    phones = {r[0] for r in db.execute("SELECT DH FROM QLR WHERE DH <> ''")} | {"13912345678", "0738-8312345", "8312345"}
    return ids, phones


def test_no_unmasked_id_or_phone_in_any_byte_of_the_share(share):
    village, out, result = share
    ids, phones = secrets(village)
    assert len(ids) > 400 and len(phones) > 400
    files = [p for p in out.parent.iterdir() if p.name.startswith("share.gpkg")]
    assert files == [out]  # no -wal/-shm or temporary file left beside it
    data = out.read_bytes()
    for secret in ids | phones:
        for encoding in ("utf-8", "utf-16-le", "gbk"):
            assert secret.encode(encoding) not in data, secret
    assert result["MASKED"] == sqlite3.connect(village).execute("SELECT COUNT(*) FROM QLR WHERE ZJH <> ''").fetchone()[0]


def test_every_field_of_every_layer_of_the_share_is_masked(share):
    village, out, _ = share
    source = ogr.Open(str(out))
    names = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
    assert {"ZD", "ZRZ", "QLR", "JSYDSYQ", "FDCQ2"} <= set(names)
    masked = set()
    for i in range(source.GetLayerCount()):
        layer = source.GetLayer(i)
        defn = layer.GetLayerDefn()
        assert defn.GetFieldIndex("DH") < 0
        for feature in layer:
            for value in feature.items().values():
                text = str(value)
                assert not ID_NUMBER.search(text), (layer.GetName(), text)
                assert not PHONE.search(text) and "8312345" not in text, (layer.GetName(), text)
            if layer.GetName() == "QLR":
                masked.add(feature["ZJH"])
    db = sqlite3.connect(village)
    expected = {z[:6] + "********" + z[-4:] for (z,) in db.execute("SELECT ZJH FROM QLR WHERE ZJH <> ''")}
    assert masked == expected
    assert "430381********1234" in subprocess.run(["ogrinfo", "-ro", "-al", str(out), "QLR"], capture_output=True,
                                                   text=True).stdout


def test_area_summary_per_village_and_county(measured, tmp_path, run_alg):
    from openpyxl import load_workbook

    result = run_alg("areasummary", {"PARCELS": str(measured), "BUILDINGS": uri(VILLAGE, "ZRZ"), "DATE": "2020-09-30",
                                     "OUTPUT_XLSX": str(tmp_path / "s.xlsx"), "OUTPUT_PDF": str(tmp_path / "s.pdf")})
    assert result["PARCELS_COUNTED"] == 300
    book = load_workbook(tmp_path / "s.xlsx")
    assert book.sheetnames == ["面积汇总表", "按用途汇总", "进度"]
    rows = [r for r in book["面积汇总表"].iter_rows(values_only=True)]
    header = next(r for r in rows if r[0] == "地籍子区")
    by_village = {r[0]: dict(zip(header, r)) for r in rows if r[0] in ("431302003005", "合计")}
    # independent sums with SQLite: ZDMJ of the measured parcels (DCMJ where none: the invalid one); floor area SCJZMJ else ZZDMJ × ZCS
    db = sqlite3.connect(measured)
    table = db.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
    count, area = db.execute(f'SELECT COUNT(*), SUM(COALESCE(ZDMJ, DCMJ)) FROM "{table}"').fetchone()
    houses, floor = sqlite3.connect(VILLAGE).execute(
        "SELECT COUNT(*), SUM(COALESCE(SCJZMJ, ZZDMJ * ZCS)) FROM ZRZ").fetchone()
    county = by_village["合计"]
    assert county["宗地数"] == count == 300 and float(county["宗地面积"]) == pytest.approx(area, abs=0.01)
    assert county["房屋幢数"] == houses and float(county["建筑面积"]) == pytest.approx(floor, abs=0.05)
    assert by_village["431302003005"]["宗地数"] == 300
    progress = [r for r in book["进度"].iter_rows(values_only=True)]
    assert any(r[0] == "2020-07-31" and r[4] == "已完成" for r in progress)
    assert any(r[0] == "2020-09-30" and r[1] == "已登记" and r[4] != "已完成" for r in progress)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "s.pdf"), "-"], capture_output=True, text=True).stdout
    assert "面积汇总表" in text and "工作进度统计" in text
