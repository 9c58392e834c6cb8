"""homestead:parcelsfrompoints: parcels from total-station/RTK coordinate files in UTF-8 (BOM or not), GBK and
XLSX; swapped axes and zone-prefixed eastings; unclosed and self-crossing rings rejected per parcel."""
import numpy as np
import pytest
from layers_helper import RecordingFeedback, rows
from openpyxl import Workbook
from qgis.core import QgsProcessingException

from homestead_cadastre.cadastre.input import survey_points
from homestead_cadastre.cadastre.messages import CadastreError

N0, E0 = 3_069_000.0, 597_000.0  # northing, easting without the zone number (zone 37, 111°E)

# (code, point, X northing, Y easting) in survey order: A a 12.5 × 20 m rectangle, B an L-shape with a
# 2 × 2 m hole, each ring closed by repeating its first point
SURVEY = [
    ("430102001001JC00001", "J1", N0 + 20, E0), ("430102001001JC00001", "J2", N0 + 20, E0 + 12.5),
    ("430102001001JC00001", "J3", N0, E0 + 12.5), ("430102001001JC00001", "J4", N0, E0),
    ("430102001001JC00001", "J1", N0 + 20, E0),
    ("430102001001JC00002", "1", N0 + 20, E0 + 12.5), ("430102001001JC00002", "2", N0 + 20, E0 + 30),
    ("430102001001JC00002", "3", N0 + 8.123, E0 + 30), ("430102001001JC00002", "4", N0 + 8.123, E0 + 21.456),
    ("430102001001JC00002", "5", N0, E0 + 21.456), ("430102001001JC00002", "6", N0, E0 + 12.5),
    ("430102001001JC00002", "1", N0 + 20, E0 + 12.5),
    ("430102001001JC00002", "7", N0 + 16, E0 + 15), ("430102001001JC00002", "8", N0 + 16, E0 + 17),
    ("430102001001JC00002", "9", N0 + 14, E0 + 17), ("430102001001JC00002", "10", N0 + 14, E0 + 15),
    ("430102001001JC00002", "7", N0 + 16, E0 + 15),
]
AREAS = {"430102001001JC00001": 12.5 * 20, "430102001001JC00002": 17.5 * 20 - 8.544 * 8.123 - 4.0}


def shoelace(points):
    x0, y0 = points[0]
    return abs(sum((a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0) for a, b in zip(points, points[1:] + points[:1]))) / 2


def write_csv(path, lines, encoding="utf-8", header=("宗地代码", "点号", "X", "Y"), swap=False, prefix=37, delimiter=","):
    text = []
    if header:
        text.append(delimiter.join(header))
    for code, point, x, y in lines:
        y = y + prefix * 1_000_000 if prefix else y
        a, b = (y, x) if swap else (x, y)
        text.append(delimiter.join([code, point, f"{a:.3f}", f"{b:.3f}"]))
    path.write_bytes(("\r\n".join(text) + "\r\n").encode(encoding))
    return str(path)


def run(run_alg, tmp_path, path, feedback=None, **extra):
    params = {"INPUT": path, "OUTPUT": str(tmp_path / "parcels.gpkg")}
    params.update(extra)
    result = run_alg("parcelsfrompoints", params, feedback=feedback or RecordingFeedback())
    return rows(result["OUTPUT"])


def check_parcels(out, prefix=37):
    assert [r["ZDDM"] for r in out] == list(AREAS)
    for r in out:
        assert r["ZDMJ"] == pytest.approx(AREAS[r["ZDDM"]], abs=0.001)
        polygon = r["geometry"].asMultiPolygon()[0]
        assert abs(shoelace([(p.x(), p.y()) for p in polygon[0]][:-1])) - sum(
            shoelace([(p.x(), p.y()) for p in hole][:-1]) for hole in polygon[1:]) == pytest.approx(AREAS[r["ZDDM"]], abs=0.001)
    first = out[0]["geometry"].asMultiPolygon()[0][0][0]
    assert (first.x(), first.y()) == (E0 + prefix * 1_000_000, N0 + 20)  # easting is QGIS x, northing y
    assert len(out[1]["geometry"].asMultiPolygon()[0]) == 2  # B has its hole


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings(run_alg, tmp_path, encoding):
    path = write_csv(tmp_path / f"points_{encoding}.csv", SURVEY, encoding=encoding)
    feedback = RecordingFeedback()
    out = run(run_alg, tmp_path, path, feedback)
    check_parcels(out)
    assert out[0]["crs"] == "EPSG:4525"  # from the zone number 37 in the eastings
    assert {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "gbk": "gb18030"}[encoding] in feedback.text()
    assert "zone number 37" in feedback.text()


def test_gbk_header_names_detected(tmp_path):
    path = write_csv(tmp_path / "gbk.csv", SURVEY[:5], encoding="gbk", header=("宗地号", "界址点号", "北坐标", "东坐标"))
    survey = survey_points.read_survey_file(path)
    assert survey.encoding == "gb18030"
    assert [(r.code, r.point, r.x, r.y) for r in survey.rows][0] == ("430102001001JC00001", "J1", N0 + 20, E0 + 37_000_000)


def test_swapped_axes_and_plain_eastings_with_a_crs(run_alg, tmp_path):
    swapped = write_csv(tmp_path / "swapped.txt", SURVEY, swap=True, prefix=0, header=None, delimiter="\t")
    feedback = RecordingFeedback()
    out = run(run_alg, tmp_path, swapped, feedback, CRS="EPSG:4546")
    assert "X/Y swapped" in feedback.text()
    assert out[0]["crs"] == "EPSG:4546"
    check_parcels(out, prefix=0)
    (tmp_path / "b").mkdir()
    with pytest.raises(QgsProcessingException, match="choose the CRS"):
        run(run_alg, tmp_path / "b", swapped)


def test_zone_prefix_against_the_chosen_crs(run_alg, tmp_path):
    path = write_csv(tmp_path / "p.csv", SURVEY)
    feedback = RecordingFeedback()
    out = run(run_alg, tmp_path, path, feedback, CRS="EPSG:4546")  # 111°E without the zone number
    assert "zone number 37 was removed" in feedback.text()
    check_parcels(out, prefix=0)
    (tmp_path / "b").mkdir()
    with pytest.raises(QgsProcessingException, match="zone 38"):
        run(run_alg, tmp_path / "b", path, CRS="EPSG:4526")
    plain = write_csv(tmp_path / "plain.csv", SURVEY, prefix=0)
    (tmp_path / "c").mkdir()
    feedback = RecordingFeedback()
    check_parcels(run(run_alg, tmp_path / "c", plain, feedback, CRS="EPSG:4525"))
    assert "zone number 37 was added" in feedback.text()


def test_unclosed_and_self_crossing_rejected_others_built(run_alg, tmp_path):
    bad = [
        ("X1", "1", N0 + 50, E0 + 50), ("X1", "2", N0 + 50, E0 + 60), ("X1", "3", N0 + 40, E0 + 60),  # never closed
        ("X2", "1", N0 + 50, E0 + 70), ("X2", "2", N0 + 40, E0 + 80), ("X2", "3", N0 + 50, E0 + 80),
        ("X2", "4", N0 + 40, E0 + 70), ("X2", "1", N0 + 50, E0 + 70),  # bow-tie
        ("X3", "1", N0 + 50, E0 + 90), ("X3", "2", N0 + 50, E0 + 95), ("X3", "1", N0 + 50, E0 + 90),  # 2 points
    ]
    path = write_csv(tmp_path / "bad.csv", SURVEY + bad)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("X4,1,3069050.000,abc\n,9,3069000,37597000\n")
    feedback = RecordingFeedback()
    out = run(run_alg, tmp_path, path, feedback)
    check_parcels(out)
    text = feedback.text()
    assert "Parcel X1: the ring starting with point 1 (line 19) is not closed" in text
    assert "Parcel X2: its boundary crosses itself" in text and "Self-intersection" in text
    assert "Parcel X3: the ring closed on line 29 has fewer than 3 points" in text
    assert "Line 30 (parcel X4, point 1): X '3069050.000' or Y 'abc' is not a number" in text
    assert "Line 31: no parcel code" in text
    assert "Built 2 parcels; 4 rejected" in text


def test_xlsx_input_with_named_columns(run_alg, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "坐标"
    sheet.append(["序号", "Y坐标", "X坐标", "界址点号", "宗地代码"])
    for k, (code, point, x, y) in enumerate(SURVEY, start=1):
        sheet.append([k, y + 37_000_000, x, point, code])
    path = tmp_path / "points.xlsx"
    book.save(path)
    check_parcels(run(run_alg, tmp_path, str(path)))
    (tmp_path / "b").mkdir()
    check_parcels(run(run_alg, tmp_path / "b", str(path), CODE_COLUMN="5", POINT_COLUMN="界址点号", X_COLUMN="X坐标",
                      Y_COLUMN="Y坐标", SHEET="坐标"))
    (tmp_path / "c").mkdir()
    with pytest.raises(QgsProcessingException, match="no sheet"):
        run(run_alg, tmp_path / "c", str(path), SHEET="Sheet9")


def test_ring_closing_at_another_place_is_refused():
    rows_ = [survey_points.SurveyRow(n, "P", p, x, y) for n, (p, x, y) in enumerate(
        [("1", 0, 0), ("2", 0, 10), ("3", 10, 10), ("1", 0.5, 0)], start=1)]
    built = survey_points.build_parcels(rows_, np.array([r.y for r in rows_]), np.array([r.x for r in rows_]))
    assert not built.codes and "closes the ring on line 4 at another place (0.500 m away)" in str(built.problems[0])


def test_unknown_plane_needs_a_crs():
    with pytest.raises(CadastreError, match="choose"):
        survey_points.locate([100.0, 120.0, 130.0], [200.0, 210.0, 230.0])
    plane = survey_points.locate([100.0, 120.0], [200.0, 210.0], 4546)
    assert plane.easting.tolist() == [200.0, 210.0] and not plane.swapped
