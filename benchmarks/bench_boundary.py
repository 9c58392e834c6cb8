#!/usr/bin/env python3
"""Benchmark: boundary points and lines of 100 000 parcels, homestead:boundarypoints against the QGIS
built-in way (native:extractvertices + native:deleteduplicategeometries + native:pointstopath).

Not a test: it measures wall-clock time on this machine and writes the figures and their ratio to
benchmarks/results_boundary.md (appended, one section per run). Usage (or `make bench-boundary`):

    /usr/bin/python3 benchmarks/bench_boundary.py [--parcels 100000] [--out build/bench]

The parcels are a deterministic grid of jittered quadrilaterals sharing their edges exactly (a seeded random
jitter of the grid nodes), in EPSG:4525, written to a GeoPackage first. Both ways read that file and write
GeoPackages. The built-in way numbers nothing, finds no T-junctions and no neighbours: it is the floor of
what QGIS offers out of the box. Both must find the same number of distinct points.
"""
from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
import shapely

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results_boundary.md"
CELL = 20.0  # m
JITTER = 2.0  # m, at most, per node and axis
ORIGIN = (37_500_000.0, 3_000_000.0)  # easting, northing in EPSG:4525 (zone 37, near Loudi)


def grid_parcels(n_parcels: int, seed: int = 20200731):
    """(codes, polygons): a near-square grid of ``n_parcels`` jittered quadrilaterals with shared nodes."""
    nx = int(math.ceil(math.sqrt(n_parcels)))
    ny = int(math.ceil(n_parcels / nx))
    rng = np.random.default_rng(seed)
    gx, gy = np.meshgrid(np.arange(nx + 1) * CELL, np.arange(ny + 1) * CELL, indexing="ij")
    nodes = np.stack([gx, gy], axis=-1) + rng.uniform(-JITTER, JITTER, size=(nx + 1, ny + 1, 2))
    nodes = np.round(nodes + ORIGIN, 3)  # millimetres, as survey coordinates are
    i, j = np.divmod(np.arange(n_parcels), ny)
    rings = np.stack([nodes[i, j + 1], nodes[i + 1, j + 1], nodes[i + 1, j], nodes[i, j], nodes[i, j + 1]], axis=1)
    polygons = shapely.polygons(rings)
    codes = [f"430102{1 + jj // 999:03d}{1 + jj % 999:03d}JC{ii + 1:05d}" for ii, jj in zip(i, j)]
    return codes, polygons, (nx + 1) * (ny + 1) - _unused_nodes(nx, ny, n_parcels)


def _unused_nodes(nx: int, ny: int, n_parcels: int) -> int:
    """Nodes of the full (nx+1)×(ny+1) grid that no parcel uses (the last column may be partly filled)."""
    used = np.zeros((nx + 1, ny + 1), dtype=bool)
    i, j = np.divmod(np.arange(n_parcels), ny)
    for di in (0, 1):
        for dj in (0, 1):
            used[i + di, j + dj] = True
    return int((~used).sum())


def write_gpkg(path: Path, codes, polygons) -> None:
    from osgeo import ogr, osr

    if path.exists():
        path.unlink()
    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4525)
    layer = dataset.CreateLayer("ZD", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("ZDDM", ogr.OFTString))
    definition = layer.GetLayerDefn()
    layer.StartTransaction()
    for code, wkb in zip(codes, shapely.to_wkb(polygons)):
        feature = ogr.Feature(definition)
        feature.SetField("ZDDM", code)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None


def count(path: str) -> int:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "count", "ogr")
    n = layer.featureCount()
    del layer
    return n


def distinct_ids(path: str) -> int:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path, "jzd", "ogr")
    index = layer.fields().indexOf("JZD_ID")
    n = len(layer.uniqueValues(index))
    del layer
    return n


def timed(step):
    started = time.perf_counter()
    result = step()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", type=int, default=100_000)
    parser.add_argument("--out", default=str(REPO / "build" / "bench"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    plugins = REPO / "build" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    if not (plugins / "homestead_cadastre").exists():
        (plugins / "homestead_cadastre").symlink_to(REPO)
    sys.path.insert(0, str(plugins))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    from homestead_cadastre.processing.provider import HomesteadProvider

    provider = HomesteadProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    load = os.getloadavg()[0]
    seconds_generate, (codes, polygons, expected_points) = timed(lambda: grid_parcels(args.parcels))
    source = out / "grid_parcels.gpkg"
    write_gpkg(source, codes, polygons)
    parcels = f"{source}|layername=ZD"
    print(f"generated {len(codes)} parcels ({expected_points} distinct grid nodes) in {seconds_generate:.1f} s → {source}")

    from homestead_cadastre.cadastre import boundary

    core, core_result = timed(lambda: boundary.boundaries(polygons, codes, 0.05))
    print(f"cadastre.boundary.boundaries (numpy/shapely core, in memory) {core:.1f} s, "
          f"{len(np.unique(core_result.points.point_id))} physical points")

    for name in ("jzd", "jzx", "zd", "vertices", "distinct", "paths"):
        path = out / f"{name}.gpkg"
        if path.exists():
            path.unlink()
    ours, _ = timed(lambda: processing.run("homestead:boundarypoints", {
        "INPUT": parcels, "CODE_FIELD": "ZDDM", "TOLERANCE": 0.05,
        "OUTPUT_POINTS": str(out / "jzd.gpkg"), "OUTPUT_LINES": str(out / "jzx.gpkg"), "OUTPUT": str(out / "zd.gpkg")}))
    our_rows, our_lines = count(str(out / "jzd.gpkg")), count(str(out / "jzx.gpkg"))
    our_points = distinct_ids(str(out / "jzd.gpkg"))
    print(f"homestead:boundarypoints  {ours:7.1f} s  {our_rows} JZD rows, {our_points} physical points, {our_lines} JZX")

    builtin = {}
    builtin["extractvertices"], _ = timed(lambda: processing.run("native:extractvertices", {
        "INPUT": parcels, "OUTPUT": str(out / "vertices.gpkg")}))
    builtin["deleteduplicategeometries"], _ = timed(lambda: processing.run("native:deleteduplicategeometries", {
        "INPUT": str(out / "vertices.gpkg"), "OUTPUT": str(out / "distinct.gpkg")}))
    builtin["pointstopath"], _ = timed(lambda: processing.run("native:pointstopath", {
        "INPUT": str(out / "vertices.gpkg"), "CLOSE_PATH": False, "ORDER_EXPRESSION": '"vertex_index"',
        "GROUP_EXPRESSION": '"ZDDM"', "OUTPUT": str(out / "paths.gpkg")}))
    theirs = sum(builtin.values())
    their_points, their_paths = count(str(out / "distinct.gpkg")), count(str(out / "paths.gpkg"))
    print(f"QGIS built-in             {theirs:7.1f} s  {their_points} distinct points, {their_paths} paths "
          + ", ".join(f"{k} {v:.1f} s" for k, v in builtin.items()))
    same = our_points == their_points == expected_points
    ratio = theirs / ours
    print(f"ratio built-in / homestead = {ratio:.2f}; same distinct point count: {same}")

    del provider
    app.exitQgis()
    section = [
        f"## {datetime.datetime.now().isoformat(timespec='seconds')} — {len(codes)} parcels",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, load average at start {load:.1f} (other jobs share the "
        f"machine: absolute seconds vary, the ratio much less), Python {platform.python_version()}; command: "
        "`make bench-boundary` (`/usr/bin/python3 benchmarks/bench_boundary.py`).",
        "",
        "| way | seconds | distinct points | per-parcel rows |",
        "|---|---:|---:|---:|",
        f"| homestead:boundarypoints (numbered JZD + JZX with neighbours + 四至 parcels) | {ours:.1f} | {our_points} | "
        f"{our_rows} JZD, {our_lines} JZX |",
        f"| QGIS built-in: extractvertices {builtin['extractvertices']:.1f} s + deleteduplicategeometries "
        f"{builtin['deleteduplicategeometries']:.1f} s + pointstopath {builtin['pointstopath']:.1f} s | {theirs:.1f} | "
        f"{their_points} | {their_paths} paths |",
        "",
        f"Of the homestead time, the numbering itself (cadastre.boundary.boundaries on the {len(codes)} polygons in "
        f"memory: snapping, T-junctions, numbering, neighbours) takes {core:.1f} s; the rest is reading the layer and "
        "writing three GeoPackage layers through QGIS sinks.",
        "",
        f"Ratio built-in / homestead: **{ratio:.2f}**. Distinct points equal (and equal to the {expected_points} grid "
        f"nodes): **{same}**.",
        "",
    ]
    new = not RESULTS.exists() or RESULTS.stat().st_size == 0
    with open(RESULTS, "a", encoding="utf-8") as handle:
        if new:
            handle.write("# Boundary points benchmark (benchmarks/bench_boundary.py)\n\n")
        handle.write("\n".join(section) + "\n")
    print(f"appended to {RESULTS}")
    if not same:
        sys.exit("the two ways found different numbers of distinct points")


if __name__ == "__main__":
    main()
