"""Vectorised overlay against hand-computed rectangle overlaps; household grouping by either key."""
import numpy as np
import pytest
import shapely

from homestead_cadastre.cadastre.households import household_groups
from homestead_cadastre.cadastre.overlay import polygon_overlaps


def box(x0, y0, x1, y1):
    return shapely.box(x0, y0, x1, y1)


def test_overlap_areas_equal_rectangle_arithmetic():
    parcels = np.array([box(0, 0, 10, 10), box(10, 0, 20, 10), box(30, 30, 40, 40), None], dtype=object)
    farmland = np.array([box(8, 2, 12, 5), box(19.9, 0, 25, 10), box(10, 10, 11, 11)], dtype=object)
    result = polygon_overlaps(parcels, farmland)
    pairs = {(int(a), int(b)): area for a, b, area in zip(result.left, result.right, result.areas)}
    # (8..10)x(2..5)=6, (10..12)x(2..5)=6, (19.9..20)x(0..10)=1; the corner touch (10,10) is no overlap
    assert pairs == {(0, 0): pytest.approx(6.0), (1, 0): pytest.approx(6.0), (1, 1): pytest.approx(1.0)}
    assert result.total_by_left(4).tolist() == pytest.approx([6.0, 7.0, 0.0, 0.0])
    assert len(polygon_overlaps(parcels, farmland, min_area=1.5)) == 2


def test_self_overlay_lists_each_pair_once():
    parcels = np.array([box(0, 0, 10, 10), box(9, 0, 20, 10), box(20, 0, 30, 10)], dtype=object)
    result = polygon_overlaps(parcels, parcels, same=True)
    assert list(zip(result.left.tolist(), result.right.tolist())) == [(0, 1)]
    assert result.areas[0] == pytest.approx(10.0)


def test_invalid_polygon_still_overlaps():
    bowtie = shapely.from_wkt("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))")
    result = polygon_overlaps(np.array([bowtie], dtype=object), np.array([box(0, 0, 10, 10)], dtype=object))
    assert result.areas[0] == pytest.approx(50.0)


def test_household_groups():
    hh = ["H1", None, "H2", "h1 ", None, "", "H3"]
    ids = [None, "43130219800101001X", "A", None, "43130219800101001x", None, "A"]
    # 0 & 3 share HH; 1 & 4 share the ID number (case-insensitive); 2 & 6 share ID "A"; 5 alone
    assert household_groups(hh, ids) == [[0, 3], [1, 4], [2, 6]]
