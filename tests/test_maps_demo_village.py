"""The map products on the bundled demo village (sample_data/demo_village.gpkg), the way `make demo` runs them:
boundary points from homestead:boundarypoints, then 宗地图, 房产分户图, a 套合图 sheet, forms and a notice list.
Known answers are read from the GeoPackage with OGR and computed here (shoelace areas)."""
import re
import subprocess
from pathlib import Path

import pytest
import shapely
from osgeo import ogr

VILLAGE = Path(__file__).resolve().parents[1] / "sample_data" / "demo_village.gpkg"


@pytest.fixture(autouse=True, scope="module")
def _demo_village_present():
    """Skipped without the demo village; failed in CI."""
    from conftest import require_files

    require_files(VILLAGE, reason="the demo village is not in sample_data/")


def ring_area(points) -> float:
    x0, y0 = points[0]
    return abs(sum((a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0) for a, b in zip(points, points[1:]))) / 2


def shoelace_area(wkb: bytes) -> float:
    """Area of a (multi)polygon: outer rings minus holes, each by the shoelace formula relative to its first vertex."""
    geometry = shapely.from_wkb(wkb)
    total = 0.0
    for polygon in getattr(geometry, "geoms", [geometry]):
        total += ring_area(list(polygon.exterior.coords))
        total -= sum(ring_area(list(hole.coords)) for hole in polygon.interiors)
    return total


@pytest.fixture(scope="module")
def demo(tmp_path_factory, provider):
    import processing

    folder = tmp_path_factory.mktemp("demo")
    result = processing.run("homestead:boundarypoints", {
        "INPUT": f"{VILLAGE}|layername=ZD", "OUTPUT_POINTS": str(folder / "jzd.gpkg"),
        "OUTPUT_LINES": str(folder / "jzx.gpkg"), "OUTPUT": str(folder / "zd.gpkg")})
    parcels = {}
    village = ogr.Open(str(VILLAGE))  # keep the data source alive while its layer is read
    for feature in village.GetLayerByName("ZD"):
        geometry = feature.GetGeometryRef()
        parcels[feature.GetFID()] = (feature.GetField("ZDDM"), feature.GetField("QLRMC"),
                                     shoelace_area(bytes(geometry.ExportToWkb())) if geometry else 0.0)
    points = {}
    jzd = ogr.Open(result["OUTPUT_POINTS"])
    for feature in jzd.GetLayer(0):
        points.setdefault(feature.GetField("ZDZHDM"), set()).add(feature.GetField("JZDH"))
    return folder, result, parcels, points


def pdftotext(path):
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_parcel_maps_of_the_demo_village(demo, run_alg):
    folder, boundaries, parcels, points = demo
    fids = sorted(parcels)[:: max(1, len(parcels) // 6)][:6]
    out = folder / "zongditu"
    result = run_alg("parcelmaps", {
        "PARCELS": f"{VILLAGE}|layername=ZD", "HOUSES": f"{VILLAGE}|layername=ZRZ",
        "POINTS": boundaries["OUTPUT_POINTS"], "LINES": boundaries["OUTPUT_LINES"],
        "ROADS": f"{VILLAGE}|layername=DXT_DL", "FEATURE_IDS": ",".join(map(str, fids)), "OUTPUT_FOLDER": str(out)})
    drawn = {p.stem for p in out.glob("*.pdf")}
    for fid in fids:
        code, owner, area = parcels[fid]
        if code not in drawn:  # a planted defect (invalid geometry...): listed with its reason, not dropped
            assert code in Path(result["REPORT"]).read_text(encoding="utf-8-sig")
            continue
        text = pdftotext(out / f"{code}.pdf")
        assert code in text and owner in text and f"{area:.2f}" in text
        assert set(re.findall(r"\bJ\d+\b", text)) == points[code]
    assert result["PAGES"] + result["FAILED"] == len(fids) and result["PAGES"] >= len(fids) - 1


def test_one_page_per_parcel_without_given_points(demo, run_alg):
    """Without JZD/JZX the boundary points are computed as a child algorithm."""
    folder, _boundaries, parcels, points = demo
    fid = sorted(parcels)[3]
    code = parcels[fid][0]
    out = folder / "child"
    run_alg("parcelmaps", {"PARCELS": f"{VILLAGE}|layername=ZD", "FEATURE_IDS": str(fid), "OUTPUT_FOLDER": str(out)})
    assert set(re.findall(r"\bJ\d+\b", pdftotext(out / f"{code}.pdf"))) == points[code]


def test_sheet_map_and_notice_of_the_demo_village(demo, run_alg):
    folder, _boundaries, parcels, _points = demo
    index = run_alg("sheetindex", {"INPUT": f"{VILLAGE}|layername=ZD", "SCALE": 1, "OUTPUT": str(folder / "tf.gpkg")})
    index_source, village = ogr.Open(index["OUTPUT"]), ogr.Open(str(VILLAGE))
    sheets = [f.GetField("TFH") for f in index_source.GetLayer(0)]
    recorded = {f.GetField("TFH") for f in village.GetLayerByName("ZD")}
    assert set(sheets) >= {t for t in recorded if t and "," not in t}  # the village's own TFH are standard sheets
    out = folder / "taohetu"
    run_alg("sheetmaps", {"PARCELS": f"{VILLAGE}|layername=ZD", "FARMLAND": f"{VILLAGE}|layername=JBNT",
                          "BASEMAP": [f"{VILLAGE}|layername=DXT_FW", f"{VILLAGE}|layername=DXT_DL"],
                          "SCALE": 1, "SHEETS": sheets[0], "OUTPUT_FOLDER": str(out)})
    text = pdftotext(out / f"{sheets[0]}.pdf")
    assert sheets[0] in text and "永久基本农田" in text
    on_sheet = [code for code, _o, _a in parcels.values() if code and code[12:] in text]
    assert on_sheet
