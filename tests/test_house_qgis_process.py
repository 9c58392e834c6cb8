"""The house algorithms (buildingareas, unitcodes, parcelcodes) under qgis_process on a copy of the demo village.
Outputs are read back with OGR; known answers from the input file read with OGR (outline areas by GDAL's own
area, codes by their structure), not from the plugin."""
from __future__ import annotations

import re
import shutil

import pytest
from conftest import SAMPLE, require_files
from osgeo import ogr
from qgis.core import Qgis
from test_qgis_process import PLUGIN, qgis_process  # noqa: F401 (the fixture)

VILLAGE = SAMPLE / "demo_village.gpkg"
ZRZH_RE = re.compile(r"^\d{12}JC\d{5}F\d{4}$")


# Known gap (issue #15): QGIS ≥ 3.30 draws the wall legend's sample strokes but not its three labels (placed, yet
# not rendered); QGIS 3.22 draws both. Until that is found, the legend's text is checked on 3.22 only.
LEGEND_TEXT_DRAWN = Qgis.QGIS_VERSION_INT < 33000

def rows(path, layer=None, geometry=False):
    source = ogr.Open(str(path))
    lyr = source.GetLayerByName(layer) if layer else source.GetLayer(0)
    out = []
    for feature in lyr:
        row = {k: feature[k] for k in feature.keys()}
        row["fid"] = feature.GetFID()
        if geometry:
            row["area"] = feature.GetGeometryRef().GetArea() if feature.GetGeometryRef() else None
        out.append(row)
    return out


@pytest.fixture
def village(tmp_path):
    require_files(VILLAGE, reason="the demo village has not landed yet")
    path = tmp_path / "村.gpkg"
    shutil.copy(VILLAGE, path)
    return path


def test_house_algorithms_run_in_qgis_process(qgis_process, village, tmp_path):  # noqa: F811 (the fixture)
    qgis_process("plugins", "enable", PLUGIN)

    def run(name, *params):
        return qgis_process("run", f"homestead:{name}", "--", *params, json_output=True)["results"]

    def src(name):
        return f"{village}|layername={name}"

    # 建筑面积: one row per floor; a floor with no area part and a full storey height is its outline's area
    out = run("buildingareas", f"FLOORS={src('C')}", f"PARTS={src('MJBF')}", f"BUILDINGS={src('ZRZ')}",
              f"HOUSEHOLDS={src('H')}", f"OUTPUT_FLOORS={tmp_path / 'c.gpkg'}", f"OUTPUT_BUILDINGS={tmp_path / 'zrz.gpkg'}",
              f"OUTPUT_HOUSEHOLDS={tmp_path / 'h.gpkg'}", f"OUTPUT_PARTS={tmp_path / 'mjbf.gpkg'}",
              f"OUTPUT_XLSX={tmp_path / 'mj.xlsx'}")
    floors_in = rows(village, "C", geometry=True)
    floors = {r["fid"]: r for r in rows(out["OUTPUT_FLOORS"])}
    assert len(floors) == len(floors_in)
    with_parts = {(r["ZRZH"], r["CH"]) for r in rows(village, "MJBF")}
    plain = [r for r in floors_in if (r["ZRZH"], r["CH"]) not in with_parts and (r["CG"] is None or r["CG"] >= 2.2)]
    assert len(plain) > 100
    for floor in plain:
        assert floors[floor["fid"]]["CJZMJ"] == pytest.approx(floor["area"], abs=0.0051), floor["fid"]
    assert (tmp_path / "mj.xlsx").stat().st_size > 0
    assert len(rows(out["OUTPUT_BUILDINGS"])) == len(rows(village, "ZRZ"))
    assert len(rows(out["OUTPUT_HOUSEHOLDS"])) == len(rows(village, "H"))

    # 幢号, 户号, 不动产单元号
    out = run("unitcodes", f"BUILDINGS={src('ZRZ')}", f"HOUSEHOLDS={src('H')}", f"PARCELS={src('ZD')}",
              f"OUTPUT_BUILDINGS={tmp_path / 'zrz_codes.gpkg'}", f"OUTPUT_HOUSEHOLDS={tmp_path / 'h_codes.gpkg'}",
              f"OUTPUT_PARCELS={tmp_path / 'zd_codes.gpkg'}")
    buildings = rows(out["OUTPUT_BUILDINGS"])
    assert len(buildings) == len(rows(village, "ZRZ"))
    numbered = [b for b in buildings if b["ZRZH"]]
    assert len(numbered) > 300
    assert all(ZRZH_RE.match(b["ZRZH"]) and b["ZRZH"][:19] == b["ZDDM"] for b in numbered)
    units = rows(out["OUTPUT_HOUSEHOLDS"])
    assert len(units) == len(rows(village, "H"))
    assert all(u["BDCDYH"] == u["ZRZH"] + u["HH"] and len(u["BDCDYH"]) == 28 for u in units if u["BDCDYH"])
    built = {b["ZDDM"] for b in rows(village, "ZRZ")}
    parcels = rows(out["OUTPUT_PARCELS"])
    bare = [p for p in parcels if p["ZDDM"] not in built and re.match(r"^\d{12}JC\d{5}$", p["ZDDM"] or "")]
    assert bare and all(p["BDCDYH"] == p["ZDDM"] + "W00000000" for p in bare)

    # 宗地代码 of new parcels: blank two codes (through OGR), number them under the village
    source = ogr.Open(str(village), update=1)
    layer = source.GetLayerByName("ZD")
    holders = {}
    for feature in layer:
        code = feature["ZDDM"]
        if re.match(r"^431302003005JC\d{5}$", code or ""):
            holders.setdefault(code, []).append(feature.GetFID())
    valid = {code: fids[0] for code, fids in holders.items() if len(fids) == 1}  # a repeated code: one is renumbered
    blanked = sorted(valid.values())[-2:]
    for fid in blanked:
        feature = layer.GetFeature(fid)
        feature.SetFieldNull("ZDDM")
        layer.SetFeature(feature)
    source = None
    kept = {fid: code for code, fid in valid.items() if fid not in blanked}
    highest = max(int(code[14:]) for code, fid in valid.items() if fid not in blanked)
    out = run("parcelcodes", f"INPUT={src('ZD')}", "SUBDISTRICT=431302003005", "FEATURE=JC",
              f"OUTPUT={tmp_path / 'zd_new.gpkg'}")
    coded = {r["fid"]: r["ZDDM"] for r in rows(out["OUTPUT"])}
    assert all(coded[fid] == code for fid, code in kept.items())
    for fid in blanked:
        assert coded[fid].startswith("431302003005JC") and int(coded[fid][14:]) > highest
    assert len({coded[fid] for fid in blanked}) == 2


def test_house_maps_with_walls_and_building_plans_in_qgis_process(qgis_process, village, tmp_path):  # noqa: F811
    """qgis_process runs QGIS's GEOS (3.11 on Debian 12), not shapely's own: the 墙体归属 of the households and the
    房产平面图 must draw there too (shapely's orient, GEOS 3.12, crashed it)."""
    import subprocess

    qgis_process("plugins", "enable", PLUGIN)
    walled = sorted(r["ZRZH"] for r in rows(village, "H") if r["QTGSD"] is not None)
    assert walled
    prefix = walled[0][:18]  # the buildings of ten parcels or so, one of them with walls
    built = [r for r in rows(village, "ZRZ") if (r["ZDDM"] or "").startswith(prefix)]

    def src(name):
        return f"{village}|layername={name}"

    for kind, title, legend in ((0, "房产分户图", "借墙"), (1, "房产平面图", "")):
        folder = tmp_path / f"kind{kind}"
        out = qgis_process("run", "homestead:housemaps", "--", f"HOUSES={src('ZRZ')}", f"VILLAGE={prefix}",
                           f"PARCELS={src('ZD')}", f"HOLDERS={src('QLR')}", f"FLOORS={src('C')}", f"PARTS={src('MJBF')}",
                           f"HOUSEHOLDS={src('H')}", f"KIND={kind}", "FORMAT=1", f"OUTPUT_FOLDER={folder}",
                           json_output=True)["results"]
        assert out["PAGES"] >= len(built) > 0
        text = subprocess.run(["pdftotext", str(folder / "fangchantu.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert title in text and (legend in text or not LEGEND_TEXT_DRAWN if legend else "借墙" not in text)
    assert out["PAGES"] == len(built)  # the building plans: one per building
