"""homestead:sheetindex and homestead:sheetmaps on the fixture village (1:500 sheets are 250 m)."""
import subprocess

import map_fixtures
import pytest
from map_fixtures import layer_uri
from qgis.core import QgsProject, QgsVectorLayer
from shapely.geometry import Polygon, box

SIDE = 250.0  # metres, a 1:500 sheet


@pytest.fixture(scope="module")
def village(tmp_path_factory, provider):
    folder = tmp_path_factory.mktemp("village")
    return map_fixtures.make_village(folder, blocks=4, cols=8), map_fixtures.village_parcels(4, 8)


def expected_sheets(parcels):
    """{sheet number: parcel codes} by intersecting every parcel with the 250 m grid cells around it."""
    result = {}
    for p in parcels:
        polygon = Polygon(p.ring)
        minx, miny, maxx, maxy = polygon.bounds
        for i in range(int(minx // SIDE), int(maxx // SIDE) + 1):
            for j in range(int(miny // SIDE), int(maxy // SIDE) + 1):
                if polygon.intersection(box(i * SIDE, j * SIDE, (i + 1) * SIDE, (j + 1) * SIDE)).area > 0:
                    result.setdefault(f"{j * SIDE / 1000:.2f}-{i * SIDE / 1000:.2f}", set()).add(p.code)
    return result


def test_sheet_index_and_tfh(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("sheetindex", {"INPUT": layer_uri(gpkg, "ZD"), "SCALE": 0, "OUTPUT": str(tmp_path / "tf.gpkg"),
                                    "OUTPUT_PARCELS": str(tmp_path / "zd.gpkg")})
    expected = expected_sheets(parcels)
    sheets = QgsVectorLayer(result["OUTPUT"], "tf", "ogr")
    got = {f["TFH"]: f["ZDSL"] for f in sheets.getFeatures()}
    assert got == {number: len(codes) for number, codes in expected.items()}
    assert all(f["BLCFM"] == 500 for f in sheets.getFeatures())
    for f in sheets.getFeatures():
        minx, miny = f.geometry().boundingBox().xMinimum(), f.geometry().boundingBox().yMinimum()
        assert f["TFH"] == f"{miny / 1000:.2f}-{minx / 1000:.2f}" and f["XZB"] == miny
    out = QgsVectorLayer(result["OUTPUT_PARCELS"], "zd", "ogr")
    tfh = {f["ZDDM"]: set(f["TFH"].split(",")) for f in out.getFeatures()}
    for number, codes in expected.items():
        for code in codes:
            assert number in tfh[code]
    assert out.featureCount() == len(parcels)
    del sheets, out


def test_sheet_maps(village, tmp_path, run_alg):
    gpkg, parcels = village
    farmland = QgsVectorLayer(layer_uri(gpkg, "JBNT"), "JBNT", "ogr")
    QgsProject.instance().addMapLayer(farmland)
    before = farmland.renderer().dump()
    try:
        result = run_alg("sheetmaps", {"PARCELS": layer_uri(gpkg, "ZD"), "FARMLAND": farmland.id(),
                                       "BASEMAP": [layer_uri(gpkg, "DXT_DL")], "SCALE": 0, "TITLE": "示范村",
                                       "OUTPUT_FOLDER": str(tmp_path)})
        assert farmland.renderer().dump() == before  # the user's layer keeps its style
    finally:
        QgsProject.instance().removeMapLayer(farmland.id())
    expected = expected_sheets(parcels)
    assert result["PAGES"] == len(expected)
    for number, codes in expected.items():
        text = subprocess.run(["pdftotext", str(tmp_path / f"{number}.pdf"), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert number in text and "示范村" in text and "1:500" in text and "永久基本农田" in text
        for code in codes:
            parcel = next(p for p in parcels if p.code == code)
            assert code[12:] in text and f"{parcel.area:.2f}" in text


def test_unknown_sheet_refused(village, tmp_path, run_alg):
    from qgis.core import QgsProcessingException

    gpkg, _ = village
    with pytest.raises(QgsProcessingException, match="9999.0-1.0"):
        run_alg("sheetmaps", {"PARCELS": layer_uri(gpkg, "ZD"), "SHEETS": "9999.0-1.0", "OUTPUT_FOLDER": str(tmp_path)})
