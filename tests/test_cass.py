"""CASS .dat coordinate files in homestead:parcelsfrompoints: 点名,编码,Y(东),X(北),H; parcel code in the 编码
column or in a companion list; GBK and UTF-8; swapped axes; malformed lines reported with their numbers."""
import numpy as np
import pytest
from layers_helper import RecordingFeedback, rows
from qgis.core import QgsProcessingException
from test_parcels_from_points import AREAS, E0, N0, SURVEY, check_parcels

from homestead_cadastre.cadastre.input import survey_points

ZONE = 37_000_000


def cass_lines(survey, swap=False, names=None):
    """CASS lines for (code, point, northing, easting) rows: name, code, Y east (zone-prefixed), X north, H."""
    out = []
    for k, (code, point, north, east) in enumerate(survey):
        a, b = (north, east + ZONE) if swap else (east + ZONE, north)
        name = names[k] if names else point
        out.append(f"{name},{code if names is None else ''},{a:.3f},{b:.3f},{45 + k * 0.1:.2f}")
    return out


def unique_names(survey):
    """One CASS point name per place (a point shared by two parcels is surveyed once)."""
    names, seen = [], {}
    for _code, _point, north, east in survey:
        names.append(seen.setdefault((north, east), f"P{len(seen) + 1}"))
    return names


def run(run_alg, tmp_path, path, feedback, **extra):
    params = {"INPUT": str(path), "OUTPUT": str(tmp_path / "parcels.gpkg"), "OUTPUT_POINTS": str(tmp_path / "points.gpkg")}
    params.update(extra)
    result = run_alg("parcelsfrompoints", params, feedback=feedback)
    return rows(result["OUTPUT"]), rows(result["OUTPUT_POINTS"])


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_code_column_with_malformed_lines(run_alg, tmp_path, encoding):
    lines = cass_lines(SURVEY)
    lines.insert(3, "界址点9,,597100.000")  # line 4: too few fields, no code: reported, parcels still built
    lines.append("树1,,37597050.000,3069050.000,44.1")  # line 19: a topographic point without a parcel code
    lines.append("X9,430102001001JC00003,37597060.000,abc,44.0")  # line 20: bad X for parcel 3
    lines.append("X10,430102001001JC00003,37597070.000,3069060.000,x")  # line 21: bad height only
    path = tmp_path / "survey.dat"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    feedback = RecordingFeedback()
    parcels, points = run(run_alg, tmp_path, path, feedback)
    check_parcels(parcels)  # A and B with B's hole, areas against the shoelace
    text = feedback.text()
    assert "gb18030" in text if encoding == "gbk" else "(utf-8)" in text
    assert "Line 4: '界址点9,,597100.000' is not a CASS point" in text
    assert "Line 20: '" in text and "Parcel 430102001001JC00003: line 20 has no usable coordinates" in text
    assert "Line 21 (point X10): the height 'x' is not a number" in text
    assert "1 points of the coordinate file belong to no parcel and were not used (lines 19)" in text
    assert "zone number 37" in text
    assert len(points) == len(SURVEY) + 2  # every readable point, the bad-height one without height
    by_line = {p["WJHH"]: p for p in points}
    assert by_line[19]["DH"] == "树1" and by_line[19]["GC"] == pytest.approx(44.1)
    assert by_line[21]["GC"] is None
    first = by_line[1]
    assert (first["YZBZ"], first["XZBZ"]) == (pytest.approx(E0 + ZONE), pytest.approx(N0 + 20))
    assert (first["geometry"].asPoint().x(), first["geometry"].asPoint().y()) == (pytest.approx(E0 + ZONE), pytest.approx(N0 + 20))


def test_swapped_axes_with_a_parcel_list(run_alg, tmp_path):
    names = unique_names(SURVEY)
    path = tmp_path / "swapped.dat"
    path.write_text("\n".join(cass_lines(SURVEY, swap=True, names=names)) + "\n", encoding="utf-8")
    parcel_list = {}
    for (code, *_rest), name in zip(SURVEY, names):
        parcel_list.setdefault(code, []).append(name)
    # A without repeating its first point (closed by the list reader); B as surveyed, its hole on a second line
    a, b = parcel_list.values()
    listing = tmp_path / "parcels.txt"
    listing.write_text(
        f"430102001001JC00001,{','.join(a[:-1])}\n430102001001JC00002,{','.join(b[:7])}\n"
        f"430102001001JC00002,{','.join(b[7:])}\n430102001001JC00009,P1,P2,P99\n", encoding="utf-8")
    feedback = RecordingFeedback()
    parcels, points = run(run_alg, tmp_path, path, feedback, PARCEL_LIST=str(listing))
    check_parcels(parcels)
    text = feedback.text()
    assert "X/Y swapped" in text and "CASS files write Y (east) before X (north)" in text
    assert "Parcel list line 4: parcel 430102001001JC00009 names point P99, which the coordinate file does not have" in text
    assert "Built 2 parcels; 1 rejected" in text
    assert len(points) == len(SURVEY)


def test_list_point_surveyed_twice_at_different_places(tmp_path):
    cass = tmp_path / "twice.dat"
    cass.write_text("P1,,37597000.000,3069000.000,1\nP2,,37597010.000,3069000.000,1\nP3,,37597010.000,3069010.000,1\n"
                    "P2,,37597011.000,3069000.000,1\n", encoding="utf-8")
    survey = survey_points.read_cass_file(str(cass))
    rows_, problems = survey_points.rows_from_list(survey, [(1, "Q", ["P1", "P2", "P3"])])
    assert "point P2 of parcel Q is in the coordinate file 2 times at different places (lines 2, 4)" in str(problems[0])
    built = survey_points.build_parcels(rows_, np.array([r.y for r in rows_]), np.array([r.x for r in rows_]))
    assert not built.codes


def test_detection_and_format_choice(run_alg, tmp_path):
    cass = tmp_path / "a.dat"
    cass.write_text("\n".join(cass_lines(SURVEY)) + "\n", encoding="utf-8")
    table = tmp_path / "b.dat"
    table.write_text("宗地代码,点号,X,Y\n" + "\n".join(f"{c},{p},{x},{y + ZONE}" for c, p, x, y in SURVEY), encoding="utf-8")
    assert survey_points.looks_like_cass(str(cass)) and not survey_points.looks_like_cass(str(table))
    assert [r["ZDDM"] for r in run(run_alg, tmp_path, table, RecordingFeedback())[0]] == list(AREAS)
    (tmp_path / "c").mkdir()
    with pytest.raises(QgsProcessingException, match="only read with a CASS"):
        run(run_alg, tmp_path / "c", table, RecordingFeedback(), PARCEL_LIST=str(table), FORMAT=1)


def test_line_ranges():
    assert survey_points.line_ranges([9, 3, 4, 5, 12, 13, 7]) == "3-5, 7, 9, 12-13"
