#!/usr/bin/env python3
"""Generate the deterministic demo village (or a county of villages) as a survey GeoPackage + a manifest.

    make_village.py OUTPUT.gpkg [--parcels N] [--seed S] [--farmland-ratio R] [--clean]

Writes OUTPUT.gpkg with the layers of cadastre/schema.py (EPSG:4525, CGCS2000 3° zone 37, around Loudi,
Louxing District) and OUTPUT's stem + ".manifest.json" beside it: the planted defects with their expected
quality-rule findings (fids) and the intended eligibility case of every parcel; with --clean, no planted defect
(every parcel an approved member's homestead, every house coded to its parcel, every fact filled: the normal
case, sample_data/clean_village.gpkg). The same command writes the
same bytes. About 400 parcels make one village (地籍子区); larger runs make many, for county-scale benchmarks.
Needs GDAL (osgeo), numpy and shapely 2; not QGIS. Not shipped in the plugin.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from village import floors, policy, records, truth  # noqa: E402
from village.county import County  # noqa: E402
from village.gpkg import write  # noqa: E402

DEFAULT_PARCELS = 300
DEFAULT_SEED = 20200513  # the date of 娄星政发〔2020〕4号
EPSG = 4525


def manifest(county: County, expected, layer_counts) -> dict:
    defects = []
    order = {kind: n for n, kind in enumerate((
        "overlap", "gap", "self_intersection", "house_across_boundary", "orphan_house", "duplicate_code",
        "malformed_code", "point_mismatch", "area_mismatch", "over_limit", "farmland_occupation",
        "house_on_farmland", "farmland_sliver", "basemap_shift", "basemap_missing", "basemap_extra",
        "multiple_homesteads", "building_code", "floor_outside", "floor_missing", "floor_duplicate", "unit_area",
        "unit_code"))}
    ranked = sorted(county.defects, key=lambda d: (min([p.village.index for p in d.parcels]
                                                       + [h.village.index for h in d.houses + d.basemap]),
                                                   order[d.kind], _first_fid(county, d)))
    for n, d in enumerate(ranked, start=1):
        parcels = sorted(d.parcels, key=lambda p: county.parcel_fid[id(p)])
        if d.layer == "ZD":
            fids = [county.parcel_fid[id(p)] for p in parcels]
        elif d.layer == "ZRZ":
            fids = sorted(county.house_fid[id(h)] for h in d.houses)
        elif d.layer in ("C", "H"):
            fids = sorted(d.fids)
        else:
            fids = sorted(county.basemap_fid[id(h)] for h in d.basemap)
        codes = [p.zddm for p in parcels]
        entry = {"id": f"D{n:02d}", "kind": d.kind, "rule": d.rule, "layer": d.layer, "fids": fids, "codes": codes,
                 "facts": d.facts, "description": d.description}
        if d.layer != "ZD" and d.parcels:
            entry["parcel_fids"] = [county.parcel_fid[id(p)] for p in parcels]
        defects.append(entry)
    cases = []
    for p in county.parcels:
        case, _, missing = p.case.partition(":")
        entry = {"fid": county.parcel_fid[id(p)], "zddm": p.zddm, "case": case, "clause": p.clause}
        if missing:
            entry["missing"] = missing
        cases.append(entry)
    return {
        "generator": "tools/make_village.py",
        "seed": county.seed,
        "parcels": county.parcel_count,
        **({"clean": True} if county.clean else {}),
        **({"farmland_ratio": county.farmland_ratio} if county.farmland_ratio else {}),
        "crs": f"EPSG:{EPSG}",
        "layers": layer_counts,
        "villages": [{"key": v.key, "town": v.town, "name": v.name, "parcels": len(v.parcels)} for v in county.villages],
        "thresholds": {
            "area_limits_m2_by_DLLB": {str(k): v for k, v in policy.LIMITS.items()},
            "area_limit_clearance_m2": policy.CLEARANCE,
            "delta_p": "0.0003 * 1000 * sqrt(P) m² (1:1000); clean DCMJ within 0.3·ΔP, planted beyond 2·ΔP",
            "farmland_min_area_m2": truth.MIN_FARMLAND_AREA,
            "boundary_point_search_radius_m": truth.SEARCH_RADIUS,
            "boundary_point_tolerance_m": truth.POINT_TOLERANCE,
            "basemap_shift_tolerance_m": truth.BASEMAP_TOLERANCE,
            "note": ("Coordinates are whole millimetres. Neighbours share vertices exactly; at a T-junction a "
                     "parcel's corner lies on its neighbour's edge exactly in millimetres (binary floating point "
                     "may put it < 1e-8 m off). Back-line points of facing rows either coincide or are >= 2 m apart."),
        },
        "expected_subjects": truth.RULES,
        "expected": expected,
        "defects": defects,
        "policy_cases": cases,
    }


def _first_fid(county: County, d) -> int:
    if d.parcels:
        return min(county.parcel_fid[id(p)] for p in d.parcels)
    if d.houses:
        return min(county.house_fid[id(h)] for h in d.houses)
    return min(county.basemap_fid[id(h)] for h in d.basemap)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="GeoPackage to write (*.gpkg)")
    parser.add_argument("--parcels", type=int, default=DEFAULT_PARCELS, help="number of homestead parcels (default %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument("--farmland-ratio", type=float, default=0.0, metavar="R",
                        help="cut the farmland ring into about R patches per parcel (county benchmarks use 0.3; "
                             "default: the village's own few large patches)")
    parser.add_argument("--clean", action="store_true",
                        help="no planted defect: every parcel an approved member's, every house on its parcel")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        county = County(args.parcels, args.seed, args.farmland_ratio, args.clean)
    except ValueError as error:
        parser.error(str(error))
    county.house_side = floors.build(county)
    expected = truth.measure(county)
    layers = records.layers(county)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".tmp-{output.name}")
    write(str(tmp), EPSG, layers)
    os.replace(tmp, output)
    counts = {layer.name: len(rows) for layer, rows, _ in layers}
    text = json.dumps(manifest(county, expected, counts), ensure_ascii=False, indent=1)
    manifest_path = output.with_name(output.stem + ".manifest.json")
    manifest_path.write_text(text + "\n", encoding="utf-8")
    print(f"{output}: {len(county.villages)} village(s), {counts['ZD']} parcels, {counts['ZRZ']} houses, "
          f"{len(county.defects)} planted defects; {manifest_path.name}; {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
