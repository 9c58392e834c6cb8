"""墙体归属 (H.QTGSD…) on the 房产分户图: which edges belong to which side, where each kind of wall is drawn (by
hand on a rectangle), and on the clean village the legend on exactly the pages of households that record it."""
import collections
import subprocess

import pytest
import shapely
from conftest import SAMPLE
from osgeo import ogr
from qgis.core import Qgis

from homestead_cadastre.cadastre.maps.walls import legend_rows, side_of, wall_edges, wall_strokes

VILLAGE = SAMPLE / "clean_village.gpkg"
# Known gap (issue #15): QGIS ≥ 3.30 draws the wall legend's sample strokes but not its labels (placed, not rendered)
LEGEND_TEXT_DRAWN = Qgis.QGIS_VERSION_INT < 33000
RECT = shapely.box(0, 0, 10, 6)  # x east, y north
CODES = {"QTGSD": 1, "QTGSN": 2, "QTGSX": 3, "QTGSB": None}  # east own, south shared, west borrowed, north blank


def test_sides_by_outward_normal():
    assert [side_of(*n) for n in ((1, 0), (0, 1), (-1, 0), (0, -1))] == ["QTGSD", "QTGSB", "QTGSX", "QTGSN"]
    assert side_of(0.866, 0.5) == "QTGSD" and side_of(0.5, 0.866) == "QTGSB"  # 30° and 60° from due east


@pytest.mark.parametrize("outline", [RECT, shapely.Polygon(list(RECT.exterior.coords)[::-1])])
def test_own_inside_shared_on_borrowed_outside(outline):
    mm = 0.2  # 1:200: 0.2 m a millimetre; the 0.6 mm wall line is offset by 0.3 mm = 0.06 m
    strokes = {role: line for line, role in wall_strokes(wall_edges(outline, CODES), mm)}
    assert set(strokes) == {"own", "shared", "borrowed"}  # the north side records nothing: not drawn
    (x0, y0), (x1, y1) = strokes["own"].coords
    assert x0 == x1 == pytest.approx(9.94) and sorted((y0, y1)) == [0, 6]  # east edge, inside
    (x0, y0), (x1, y1) = strokes["shared"].coords
    assert y0 == y1 == pytest.approx(0.0) and sorted((x0, x1)) == [0, 10]  # south edge, on the line
    (x0, y0), (x1, y1) = strokes["borrowed"].coords
    assert x0 == x1 == pytest.approx(-0.06) and sorted((y0, y1)) == [0, 6]  # west edge, outside


def test_no_recorded_wall_draws_nothing():
    assert wall_edges(RECT, {"QTGSD": 9, "QTGSN": None}) == []
    assert legend_rows((0, 0, 36, 36), 0.2, set()) == []
    rows = legend_rows((0, 0, 36, 36), 0.2, {"borrowed", "own"})
    assert [text for _s, text, _p in rows] == ["自有墙", "借墙"]


def test_the_legend_on_the_pages_of_households_with_walls(tmp_path, run_alg):
    ds = ogr.Open(str(VILLAGE))
    walls = collections.defaultdict(set)
    for f in ds.GetLayerByName("H"):
        walls[f["ZRZH"]] |= {f[n] for n in ("QTGSD", "QTGSN", "QTGSX", "QTGSB") if f[n] is not None}
    with_walls = sorted(z for z, codes in walls.items() if codes & {1, 2, 3})
    without = sorted(z for z, codes in walls.items() if not codes)
    assert with_walls and without
    chosen = with_walls[:3] + without[:3]
    uri = f"{VILLAGE}|layername="
    where = "ZRZH IN (" + ",".join(f"'{z}'" for z in chosen) + ")"
    result = run_alg("housemaps", dict(HOUSES=f"{uri}ZRZ|subset={where}", PARCELS=f"{uri}ZD", HOLDERS=f"{uri}QLR",
                                       FLOORS=f"{uri}C", PARTS=f"{uri}MJBF", HOUSEHOLDS=f"{uri}H",
                                       OUTPUT_FOLDER=str(tmp_path), FORMAT=1))
    assert result["FAILED"] == 0
    text = subprocess.run(["pdftotext", str(tmp_path / "fangchantu.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    for zrzh in chosen:
        mine = [p for p in pages if zrzh[:19] in p and f"({zrzh[-4:]})" in p]
        assert mine, zrzh
        for page in mine:
            legend = [w for w in ("自有墙", "共有墙", "借墙") if w in page]
            # the village's walls: east shared, west borrowed, south and north own
            assert legend == (["自有墙", "共有墙", "借墙"] if zrzh in with_walls and LEGEND_TEXT_DRAWN else []), zrzh
    assert len(pages) == result["PAGES"]


def test_the_legend_takes_the_first_free_corner():
    """A layout item over the map's lower left (a scale bar, a north arrow) sends the legend to the upper left."""
    from homestead_cadastre.cadastre.maps.housemap import _wall_legend
    from homestead_cadastre.cadastre.maps.labelplacement import Placer

    extent = (0.0, 0.0, 36.0, 36.0)  # 180 mm square at 1:200
    free = Placer(shapely.box(*extent), 200)
    rows = _wall_legend(free, extent, free.mm, {"own", "shared"})
    assert [p[1] < 18 for _s, _t, p in rows] == [True, True]  # lower half
    covered = Placer(shapely.box(*extent), 200)
    covered.add_obstacle(shapely.box(0, 0, 18, 12))  # the lower left, 90 mm × 60 mm
    rows = _wall_legend(covered, extent, covered.mm, {"own", "shared"})
    assert [text for _s, text, _p in rows] == ["自有墙", "共有墙"]
    assert all(x < 18 and y > 18 for _s, _t, (x, y) in rows)  # upper left
