"""homestead:parcelsketches (宗地草图) on the bundled demo village: the J-numbers, the edge lengths and the
neighbours' numbers of homestead:boundarypoints (read back with OGR) are in the PDF text, the CJK font is
embedded, a chosen length field (勘丈) is printed, and parcels that cannot be drawn are listed."""
import csv
import re
import subprocess
from pathlib import Path

import pytest
from osgeo import ogr

VILLAGE = Path(__file__).resolve().parents[1] / "sample_data" / "demo_village.gpkg"


@pytest.fixture(autouse=True, scope="module")
def _demo_village_present():
    """Skipped without the demo village; failed in CI."""
    from conftest import require_files

    require_files(VILLAGE, reason="the demo village is not in sample_data/")


def pdftotext(path):
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def short_number(code):
    """宗地号 as printed: the feature code + sequence, the last 7 characters of a 19-character ZDDM."""
    return code[12:] if len(code) == 19 else code


@pytest.fixture(scope="module")
def demo(tmp_path_factory, provider):
    import processing

    folder = tmp_path_factory.mktemp("sketch")
    result = processing.run("homestead:boundarypoints", {
        "INPUT": f"{VILLAGE}|layername=ZD", "OUTPUT_POINTS": str(folder / "jzd.gpkg"),
        "OUTPUT_LINES": str(folder / "jzx.gpkg"), "OUTPUT": str(folder / "zd.gpkg")})
    village = ogr.Open(str(VILLAGE))
    codes = {f.GetFID(): f.GetField("ZDDM") for f in village.GetLayerByName("ZD")}
    lines = {}
    source = ogr.Open(result["OUTPUT_LINES"])
    for f in source.GetLayer(0):
        lines.setdefault(f.GetField("ZDZHDM"), []).append((f.GetField("JZXCD"), f.GetField("LZDDM") or ""))
    points = {}
    source = ogr.Open(result["OUTPUT_POINTS"])
    for f in source.GetLayer(0):
        points.setdefault(f.GetField("ZDZHDM"), set()).add(f.GetField("JZDH"))
    return folder, result, codes, points, lines


def sketch_params(demo, out, fids, **extra):
    folder, result, *_ = demo
    params = {"PARCELS": f"{VILLAGE}|layername=ZD", "HOUSES": f"{VILLAGE}|layername=ZRZ",
              "POINTS": result["OUTPUT_POINTS"], "LINES": result["OUTPUT_LINES"],
              "FEATURE_IDS": ",".join(str(f) for f in fids), "SURVEYOR": "王调查", "SURVEY_DATE": "2020-05-12",
              "OUTPUT_FOLDER": str(out)}
    params.update(extra)
    return params


def chosen(codes, n=4):
    fids = sorted(codes)
    return fids[:: max(1, len(fids) // n)][:n]


def test_sketches_show_numbers_lengths_and_neighbours(demo, run_alg):
    folder, _result, codes, points, lines = demo
    fids = chosen(codes)
    out = folder / "sketches"
    result = run_alg("parcelsketches", sketch_params(demo, out, fids))
    assert result["PAGES"] == len(fids) and result["FAILED"] == 0
    for fid in fids:
        code = codes[fid]
        pdf = out / f"{code}.pdf"
        text = pdftotext(pdf)
        assert code in text and "宗地草图" in text and "示意图" in text and "不按比例" in text
        assert "王调查" in text and "2020-05-12" in text
        assert set(re.findall(r"\bJ\d+\b", text)) == points[code]
        for length, _neighbour in lines[code]:
            assert f"{length:.2f}" in text, (code, length)
        neighbours = {short_number(n) for _length, n in lines[code] if n}
        assert neighbours, code
        for number in neighbours:
            assert number in text, (code, number)
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert any(("CID" in row or "Type 0" in row or "TrueType" in row) and row.split()[-5] == "yes"
                   for row in fonts.splitlines()[2:]), fonts


def test_measured_length_field_and_one_file(demo, run_alg, tmp_path):
    """A JZX copy with a 勘丈 field KZCD = JZXCD + 0.01 m: the sketch prints KZCD, not the computed length."""
    import processing

    folder, result, codes, _points, lines = demo
    fid = chosen(codes)[0]
    code = codes[fid]
    measured = tmp_path / "jzx_kz.gpkg"
    processing.run("native:fieldcalculator", {
        "INPUT": result["OUTPUT_LINES"], "FIELD_NAME": "KZCD", "FIELD_TYPE": 0, "FIELD_LENGTH": 12,
        "FIELD_PRECISION": 3, "FORMULA": '"JZXCD" + 0.01', "OUTPUT": str(measured)})
    out = tmp_path / "one"
    done = run_alg("parcelsketches", sketch_params(demo, out, [fid], LINES=str(measured), LENGTH="KZCD", FORMAT=1))
    assert done["PAGES"] == 1
    text = pdftotext(out / "caotu.pdf")
    for length, _n in lines[code]:
        assert f"{length + 0.01:.2f}" in text
    with pytest.raises(Exception, match="NOPE"):
        run_alg("parcelsketches", sketch_params(demo, tmp_path / "bad", [fid], LENGTH="NOPE"))


def test_parcels_that_cannot_be_drawn_are_listed(demo, run_alg, tmp_path):
    """Boundary points of another village: every parcel lacks its points and is listed with the reason."""
    folder, result, codes, _points, _lines = demo
    fids = chosen(codes, 2)
    empty = tmp_path / "jzd_none.gpkg"
    import processing

    processing.run("native:extractbyexpression", {"INPUT": result["OUTPUT_POINTS"], "EXPRESSION": "1 = 0",
                                                  "OUTPUT": str(empty)})
    done = run_alg("parcelsketches", sketch_params(demo, tmp_path / "out", fids, POINTS=str(empty)))
    assert done["PAGES"] == 0 and done["FAILED"] == len(fids)
    rows = list(csv.reader(open(done["REPORT"], encoding="utf-8-sig")))[1:]
    assert sorted(r[0] for r in rows) == sorted(codes[f] for f in fids)
    assert all("JZD" in r[3] for r in rows)


def test_cancel_stops_and_leaves_no_partial_file(demo, run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Canceller(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(lambda value: self.cancel() if value > 0 else None)

    _folder, _result, codes, _points, _lines = demo
    out = tmp_path / "cancelled"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run_alg("parcelsketches", sketch_params(demo, out, chosen(codes), FORMAT=1), feedback=Canceller())
    assert not (out / "caotu.pdf").exists()
