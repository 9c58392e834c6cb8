"""A small survey project for the review panel tests: createproject + synthetic parcels (tools/parcel_grid.py)."""
from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import parcel_grid  # noqa: E402  (tools/parcel_grid.py)


def make_survey(tmp_path, run_alg, n=40, villages=3, seed=7):
    """(GeoPackage path, project path) with ``n`` parcels in ``villages`` villages."""
    gpkg = tmp_path / "survey.gpkg"
    result = run_alg("createproject", {"CRS": "EPSG:4525", "TITLE": "审核测试", "OUTPUT": str(gpkg)})
    parcel_grid.fill_parcels(str(gpkg), n, villages, seed)
    return gpkg, result["PROJECT"]


def expected_rows(n=40, villages=3, seed=7):
    """The synthetic attributes, generated again (independently of the layer) for known answers."""
    return [attributes for _wkt, attributes in parcel_grid.parcel_rows(n, villages, seed)]
