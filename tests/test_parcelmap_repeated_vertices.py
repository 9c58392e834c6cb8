"""A boundary point's outward direction on a ring that repeats its vertices (found by the bad-input corpus:
ZeroDivisionError in cadastre/maps/parcelmap.py when a vertex is repeated three times or every vertex is the same)."""
import pytest
from shapely.geometry import Polygon

from homestead_cadastre.cadastre.maps import parcelmap

SQUARE = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]


def point(x, y):
    return parcelmap.BoundaryPoint("J1", x, y)


@pytest.mark.parametrize("repeat", [1, 2, 3, 4])
def test_corner_points_away_from_the_parcel(repeat):
    ring = [c for c in SQUARE for _ in range(repeat)]
    direction = parcelmap._outward_direction(Polygon(SQUARE), point(0.0, 0.0), ring, 0.5)
    assert direction == pytest.approx(-135.0)  # the outer bisector of the south-west corner: towards (-1, -1)


def test_a_ring_of_one_repeated_vertex_gives_a_direction():
    assert parcelmap._outward_direction(Polygon(SQUARE), point(5.0, 5.0), [(5.0, 5.0)] * 4, 0.5) == 0.0
