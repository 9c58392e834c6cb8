"""Attribute rows of every layer, keyed by schema field name (values None are written as NULL)."""
from __future__ import annotations

from typing import Dict, List, Optional

from cadastre import schema

from . import floors
from .county import County
from .gpkg import multipolygon_wkb
from .model import House, Parcel

BUILDING_NAMES = {"main": "住宅", "kitchen": "厨房", "shed": "杂屋", "orphan": "住宅"}
STOREY_HEIGHT = 3.0  # m


def address(p: Parcel) -> str:
    v = p.village
    return f"娄星区{v.town}{v.name}{p.group}组"


def sheet_number(county: County, p: Parcel) -> str:
    """1:1000 sheet (50 cm = 500 m) holding the parcel's bounding-box centre, named by the south-west corner's
    X (northing) - Y (easting) in km."""
    dx, dy = county.offsets[p.village.index]
    xs = [x + dx for x, _ in p.ring]
    ys = [y + dy for _, y in p.ring]
    east = (min(xs) + max(xs)) // 2 // 500_000 * 0.5
    north = (min(ys) + max(ys)) // 2 // 500_000 * 0.5
    return f"{north:.1f}-{east:.1f}"


def parcel_row(county: County, p: Parcel) -> Dict[str, object]:
    facts = dict(p.facts)
    household = p.household
    row: Dict[str, object] = {
        "BSM": county.parcel_fid[id(p)], "YSDM": schema.YSDM["ZD"], "ZDDM": p.zddm, "BDCDYH": p.bdcdyh,
        "ZDTZM": p.zddm[12:14], "ZL": address(p), "MJDW": 1, "YT": "0702", "QLLX": 6 if p.houses else 5,
        "QLXZ": 203 if facts.get("YQSLY") == 1 else 299, "QLSDFS": 1, "TFH": sheet_number(county, p),
        "QLRMC": household.head.name, "DCMJ": p.dcmj, "HH": household.hh, "QLRZJH": household.head.id_number,
    }
    row.update(facts)
    return row


def house_row(county: County, h: House) -> Dict[str, object]:
    p = h.parcel
    return {
        "BSM": county.house_fid[id(h)], "YSDM": schema.YSDM["ZRZ"],
        "BDCDYH": p.bdcdyh if p else None, "ZDDM": p.zddm if p else None,
        "ZRZH": f"{p.zddm}F{h.number:04d}" if p else None, "JZWMC": BUILDING_NAMES[h.kind], "JGRQ": h.built,
        "JZWGD": round(h.storeys * STOREY_HEIGHT, 2), "ZZDMJ": round(h.area, 2), "SCJZMJ": h.measured,
        "ZCS": h.storeys, "DSCS": h.storeys, "DXCS": 0, "GHYT": 10, "FWJG": h.structure,
        "ZTS": 1 if h.kind == "main" else None,
    }


def holder_rows(county: County) -> List[Dict[str, object]]:
    rows: List[Dict[str, object]] = []
    for p in county.parcels:
        household = p.household
        people = [household.head] + ([household.spouse] if household.spouse else [])
        for n, person in enumerate(people, start=1):
            rows.append({
                "BSM": len(rows) + 1, "BDCDYH": p.bdcdyh, "ZDDM": p.zddm, "HH": household.hh, "SXH": n,
                "QLRMC": person.name, "ZJZL": 1, "ZJH": person.id_number, "QLRLX": 1,
                "GYFS": 1 if len(people) > 1 else 0, "GYQK": "共同共有" if len(people) > 1 else "单独所有",
                "DH": person.phone, "DZ": address(p),
            })
    return rows


def basemap_wkb(county: County, h: House) -> bytes:
    dx, dy = h.basemap_offset
    return multipolygon_wkb(county.world(h.village, [(x + dx, y + dy) for x, y in h.ring]))


def layers(county: County):
    """(schema layer, rows, WKB or None) for every layer, in schema order."""
    parcels = county.parcels
    houses = county.houses
    patches = {
        "JBNT": [(v, p) for v in county.villages for p in v.farmland],
        "DXT_DL": [(v, p) for v in county.villages for p in v.roads],
        "DXT_SX": [(v, p) for v in county.villages for p in v.water],
    }
    side = {layer.name: (rows, wkbs) for layer, rows, wkbs in floors.rows(county, county.house_side)}
    out = []
    for layer in schema.ALL_LAYERS:
        rows: List[Dict[str, object]]
        wkbs: Optional[List[bytes]]
        if layer.name == "ZD":
            rows = [parcel_row(county, p) for p in parcels]
            wkbs = [multipolygon_wkb(county.world(p.village, p.ring)) for p in parcels]
        elif layer.name == "ZRZ":
            rows = [house_row(county, h) for h in houses]
            wkbs = [multipolygon_wkb(county.world(h.village, h.ring)) for h in houses]
        elif layer.name == "QLR":
            rows, wkbs = holder_rows(county), None
        elif layer.name in side:
            rows, wkbs = side[layer.name]
        elif layer.name == "DXT_FW":
            rows = [{"FWJG": h.structure, "ZCS": h.storeys} for h in county.basemap]
            wkbs = [basemap_wkb(county, h) for h in county.basemap]
        elif layer.name in patches:
            rows, wkbs = [], []
            for n, (village, patch) in enumerate(patches[layer.name], start=1):
                row = dict(patch.attrs)
                if layer.name == "JBNT":
                    row.update(BSM=n, YSDM=schema.YSDM["JBNT"])
                rows.append(row)
                wkbs.append(multipolygon_wkb(county.world(village, patch.ring)))
        else:  # JZD, JZX, SHJL: made by the plugin's algorithms and reviews
            rows, wkbs = [], ([] if layer.geometry != schema.NONE else None)
        out.append((layer, rows, wkbs))
    return out
