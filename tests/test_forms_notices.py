"""homestead:surveyforms (权籍调查表) and homestead:noticelist (公告) on the fixture village."""
import subprocess

import map_fixtures
import pytest
from map_fixtures import VILLAGE_CODE, layer_uri
from openpyxl import load_workbook
from qgis.core import QgsProcessingException, QgsVectorLayer

from homestead_cadastre.cadastre.documents.forms import FormEdge, signature_groups

COLS = 3


@pytest.fixture(scope="module")
def village(tmp_path_factory, provider):
    folder = tmp_path_factory.mktemp("village")
    return map_fixtures.make_village(folder), map_fixtures.village_parcels()


def pdftotext(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def code(seq):
    return f"{VILLAGE_CODE}JC{seq:05d}"


def grid_neighbours(seq):
    """Parcels sharing an edge with parcel ``seq`` in the fixture's blocks of 2 rows × COLS columns."""
    k = seq - 1
    block, rest = divmod(k, 2 * COLS)
    row, col = divmod(rest, COLS)
    result = set()
    for r, c in ((row, col - 1), (row, col + 1), (row - 1, col), (row + 1, col)):
        if 0 <= r < 2 and 0 <= c < COLS:
            result.add(code(block * 2 * COLS + r * COLS + c + 1))
    return result


def test_signature_groups_merge_stretches_with_one_neighbour():
    edges = [FormEdge("J1", "J2", 1, neighbour="A"), FormEdge("J2", "J3", 1, neighbour="B"),
             FormEdge("J3", "J4", 1, neighbour="B"), FormEdge("J4", "J1", 1, neighbour="A")]
    assert signature_groups(edges) == [("J4", ["J1"], "J2", "A"), ("J2", ["J3"], "J4", "B")]


def test_survey_forms(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("surveyforms", {"PARCELS": layer_uri(gpkg, "ZD"), "POINTS": layer_uri(gpkg, "JZD"),
                                     "LINES": layer_uri(gpkg, "JZX"), "HOUSES": layer_uri(gpkg, "ZRZ"),
                                     "HOLDERS": layer_uri(gpkg, "QLR"), "OUTPUT_FOLDER": str(tmp_path)})
    assert result["PAGES"] == len(parcels) and result["FAILED"] == 0
    for seq in (1, 5, 10):
        parcel = parcels[seq - 1]
        book = load_workbook(tmp_path / f"{parcel.code}_权籍调查表.xlsx")
        assert book.sheetnames == ["宗地基本信息表", "界址标示表", "界址签章表", "界址点坐标表", "宗地分类面积", "房屋情况",
                                   "调查记事及审核意见"]
        # 界址点坐标表: X = northing, Y = easting, lengths between the point rows, closing on J1
        values = [[c for c in row] for row in book["界址点坐标表"].iter_rows(min_row=4, values_only=True)]
        point_rows = [r for r in values if r[1]]
        assert point_rows[-1][0] in (None, "")  # the row closing the ring has no 序号
        assert [r[1] for r in point_rows] == [f"J{k}" for k in range(1, len(parcel.ring) + 1)] + ["J1"]
        for (x, y), row in zip(parcel.ring, point_rows):
            assert row[2] == f"{y:.3f}" and row[3] == f"{x:.3f}"
        lengths = [r[4] for r in values if not r[1] and r[4]]
        assert lengths == [f"{((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5:.2f}"
                           for a, b in zip(parcel.ring, parcel.ring[1:] + parcel.ring[:1])]
        # 界址签章表: the neighbours who sign are the parcels across the edges
        signatures = list(book["界址签章表"].iter_rows(min_row=5, values_only=True))
        neighbours = {r[3] for r in signatures if r[3] and r[3].startswith(VILLAGE_CODE)}
        assert neighbours == grid_neighbours(seq)
        owners = {p.code: p.owner for p in parcels}
        for row in signatures:
            if row[3] in owners:
                assert row[4] == owners[row[3]]
        basic = [c for row in book["宗地基本信息表"].iter_rows(values_only=True) for c in row if c]
        assert parcel.code in basic and parcel.owner in basic and f"{parcel.area:.2f}" in basic and "身份证" in basic
        text = pdftotext(tmp_path / f"{parcel.code}_权籍调查表.pdf")
        for title in ("宗地基本信息表", "界址标示表", "界址签章表", "界址点坐标表", "宗地分类面积调查表"):
            assert title in text
        assert parcel.code in text and parcel.owner in text


def rows_of(path):
    book = load_workbook(path)
    sheet = book[book.sheetnames[0]]
    return [r for r in sheet.iter_rows(values_only=True)]


def test_registration_notice(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "START": "2020-09-28", "ISSUER": "娄底市不动产登记中心",
                                    "PLACE": "示范村", "OUTPUT_FOLDER": str(tmp_path)})
    # the fixture gives class LB = 1 + k % 3: parcels 1, 4, 7, 10, 13 are class 1
    expected = [parcels[k] for k in range(len(parcels)) if k % 3 == 0]
    assert result["PARCELS_LISTED"] == len(expected) and result["LISTS"] == 1
    # 15 working days from Mon 28 Sep 2020 end on Mon 26 Oct (National Day week and the 10 Oct make-up day)
    assert result["PERIOD"] == "2020-09-28/2020-10-26"
    rows = rows_of(tmp_path / f"notice_registration_{VILLAGE_CODE}.xlsx")
    body = [r for r in rows if isinstance(r[0], int)]
    assert [r[2] for r in body] == [p.code for p in expected]
    assert [r[1] for r in body] == [p.owner for p in expected]
    assert [r[4] for r in body] == [f"{p.area:.2f}" for p in expected]
    assert all(r[5] == "农村宅基地" and r[6] == "基本符合确权登记颁证条件" for r in body)
    text = " ".join(str(c) for r in rows for c in r if c)
    assert "十五个工作日" in text and "2020年9月28日至2020年10月26日" in text and "示范村不动产首次登记公告" in text
    pdf = pdftotext(tmp_path / f"notice_registration_{VILLAGE_CODE}.pdf")
    assert "2020年10月26日" in pdf and all(p.code in pdf for p in expected)


def test_no_source_and_planning_notices(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "KIND": 1, "START": "2020-09-28",
                                    "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path)})
    # YQSLY = 0 for k % 4 == 3; 30 days after 28 Sep 2020 is Wed 28 Oct, a working day
    assert result["PARCELS_LISTED"] == len([k for k in range(len(parcels)) if k % 4 == 3])
    assert result["PERIOD"] == "2020-09-28/2020-10-28"
    result = run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "KIND": 2, "START": "2021-09-01",
                                    "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path)})
    # built JFNF = 1995 + k % 25 ≥ 2008 → k ≥ 13; 15 days after 1 Sep 2021 is Thu 16 Sep
    assert result["PARCELS_LISTED"] == len([k for k in range(len(parcels)) if 1995 + k % 25 >= 2008])
    assert result["PERIOD"] == "2021-09-01/2021-09-16"


def test_period_from_the_policy_profile(village, tmp_path, run_alg):
    gpkg, _ = village
    profile = tmp_path / "county.toml"
    profile.write_text('[profile]\nbase = "louxing_2020"\nname = "county"\n\n[notices]\nregistration_working_days = 20\n',
                       encoding="utf-8")
    result = run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "START": "2020-09-28", "POLICY": str(profile),
                                    "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert result["PERIOD"] == "2020-09-28/2020-11-02"  # 20 working days, as in the override below
    rows = rows_of(tmp_path / "out" / f"notice_registration_{VILLAGE_CODE}.xlsx")
    assert "二十个工作日" in " ".join(str(c) for r in rows for c in r if c)


def test_period_override_and_refusals(village, tmp_path, run_alg):
    gpkg, _ = village
    result = run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "START": "2020-09-28", "DAYS": 20,
                                    "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path)})
    assert result["PERIOD"] == "2020-09-28/2020-11-02"  # five more working days: 27, 28, 29, 30 Oct, 2 Nov
    assert result["PROVISIONAL"] is False
    with pytest.raises(QgsProcessingException, match="2020-13-01"):
        run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "START": "2020-13-01", "OUTPUT_FOLDER": str(tmp_path)})


def test_notice_of_december_2026_into_an_unknown_2027_is_provisional(village, tmp_path, run_alg):
    """Posted Mon 14 Dec 2026, 15 working days; 2027's holidays unpublished: 13 working days to 31 Dec, then
    Fri 1 and Mon 4 Jan counted with weekends only. Computed, and marked provisional in the output."""
    gpkg, _ = village
    result = run_alg("noticelist", {"PARCELS": layer_uri(gpkg, "ZD"), "START": "2026-12-14", "FORMAT": 1,
                                    "OUTPUT_FOLDER": str(tmp_path)})
    assert result["PERIOD"] == "2026-12-14/2027-01-04" and result["PROVISIONAL"] is True
    text = " ".join(str(c) for r in rows_of(tmp_path / f"notice_registration_{VILLAGE_CODE}.xlsx") for c in r if c)
    assert "暂定" in text and "2027年节假日安排未知" in text


def test_forms_for_a_parcel_without_points_are_reported(tmp_path, run_alg):
    gpkg = map_fixtures.make_village(tmp_path)
    jzd = QgsVectorLayer(layer_uri(gpkg, "JZD"), "JZD", "ogr")
    doomed = [f.id() for f in jzd.getFeatures() if f["ZDZHDM"] == code(2)]
    assert jzd.dataProvider().deleteFeatures(doomed)
    del jzd
    result = run_alg("surveyforms", {"PARCELS": layer_uri(gpkg, "ZD"), "POINTS": layer_uri(gpkg, "JZD"),
                                     "FORMAT": 1, "OUTPUT_FOLDER": str(tmp_path / "forms")})
    assert result["FAILED"] == 1
    assert not (tmp_path / "forms" / f"{code(2)}_权籍调查表.xlsx").exists()
    report = (tmp_path / "forms" / "surveyforms_report.csv").read_text(encoding="utf-8-sig")
    assert code(2) in report and "没有界址点" in report


def test_forms_when_every_parcel_fails_are_refused(tmp_path, run_alg):
    gpkg = map_fixtures.make_village(tmp_path)
    jzd = QgsVectorLayer(layer_uri(gpkg, "JZD"), "JZD", "ogr")
    assert jzd.dataProvider().deleteFeatures([f.id() for f in jzd.getFeatures()])
    del jzd
    folder = tmp_path / "forms"
    with pytest.raises(QgsProcessingException, match=rf"No survey form was written: none of the \d+ parcels.*{code(1)}: .*boundary points"):
        run_alg("surveyforms", {"PARCELS": layer_uri(gpkg, "ZD"), "POINTS": layer_uri(gpkg, "JZD"), "OUTPUT_FOLDER": str(folder)})
    assert not list(folder.glob("*_权籍调查表.*"))
    assert code(1) in (folder / "surveyforms_report.csv").read_text(encoding="utf-8-sig")  # the reasons stay on disk
