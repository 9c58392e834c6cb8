#!/usr/bin/env python3
"""A deterministic synthetic parcel layer for the review panel's tests, benchmark and screenshot.

    parcel_grid.py OUT.gpkg N [--villages K] [--seed S]

Writes N homestead parcels (ZD, EPSG:4525) into a survey GeoPackage made by homestead:createproject
(or into an existing one): villages of rectangular blocks separated by lanes, each parcel with a code,
holder, location, facts, an engine-like suggestion (LB, LBYY, DJMJ...) and some progress flags. The same
arguments give the same bytes of attributes and geometry every run (numpy's seeded generator).
Not shipped with the plugin.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from osgeo import ogr

COUNTY, TOWN = "431302", "001"  # 娄底市娄星区, 地籍区 001
ORIGIN = (37_520_000.0, 3_068_000.0)  # EPSG:4525 (zone 37 in the easting), near Loudi
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "建国伟芳秀英明华军平志强桂兰海波红梅德胜玉珍春生金凤小龙"
VILLAGE_NAMES = ("花山村", "石塘村", "杉树村", "大埠村", "新屋村", "长冲村", "竹园村", "清水村", "龙泉村", "桃林村")
CLASS_NAMES = {0: "待补充信息", 1: "基本符合确权登记颁证条件", 2: "可以补办用地审批手续", 3: "其他情况"}
# 四(六) exclusion facts (yes/no); about 1% of the parcels have each
EXCLUSION_FACTS = ("FFGBYT", "CZJMGZ", "FFCSCZ", "YAZ", "CCTZ", "KZDT", "LSJZ", "QSZY")
DOCUMENT_KEYS = ("application", "id_card", "household_register", "ownership_source", "survey_form", "boundary_table",
                 "parcel_map", "house_diagram", "inquiry_record", "notice_record", "field_check")
REASONS = {  # in the engine's LBYY form: "clause text；clause text"
    0: "三(三)3 缺少或无效的分类所需调查事实：建房年份(JFNF)",
    1: "四(一) 本集体经济组织成员，有权属来源材料，一户一宅；四(三)1 按批准面积登记",
    2: "四(五)1 无权属来源材料，符合规划和一户一宅，公告30天无异议后补办用地审批手续",
    3: "四(六)2 建新未拆旧等“一户多宅”的，不予确权登记",
}


def parcel_rows(n: int, villages: int, seed: int):
    """Yield (wkt, attributes) for ``n`` parcels spread over ``villages`` villages (deterministic)."""
    rng = np.random.default_rng(seed)
    per_village = -(-n // villages)
    side = int(np.ceil(np.sqrt(per_village)))
    width, depth, lane = 12.0, 15.0, 5.0
    block = side * (width + lane) + 60.0
    cols = int(np.ceil(np.sqrt(villages)))
    classes = rng.choice([1, 2, 3, 0, -1], size=n, p=[0.55, 0.2, 0.1, 0.05, 0.1])
    states = rng.choice([1, 2, 3], size=n, p=[0.6, 0.35, 0.05])
    area_jitter = rng.uniform(-1.5, 1.5, size=(n, 2))
    built = rng.integers(1975, 2020, size=n)
    names = rng.integers(0, len(SURNAMES), size=n), rng.integers(0, len(GIVEN), size=(n, 2))
    noticed = rng.random(n) < 0.4
    registered = noticed & (rng.random(n) < 0.6)
    members = rng.random(n) < 0.92
    sources = rng.random(n) < 0.8
    exclusions = rng.random((n, len(EXCLUSION_FACTS))) < 0.01
    storeys = rng.integers(1, 4, size=n)
    recorded_error = rng.normal(0.0, 0.4, size=n)
    on_farmland = rng.random(n) < 0.06
    documents = rng.integers(0, 12, size=n)
    for i in range(n):
        v, k = divmod(i, per_village)
        vx, vy = divmod(v, cols)
        row, col = divmod(k, side)
        x0 = ORIGIN[0] + vx * block + col * (width + lane)
        y0 = ORIGIN[1] + vy * block + row * (depth + lane)
        w, d = width + area_jitter[i, 0], depth + area_jitter[i, 1]
        wkt = f"MULTIPOLYGON((({x0} {y0},{x0} {y0 + d},{x0 + w} {y0 + d},{x0 + w} {y0},{x0} {y0})))"
        village_code = f"{COUNTY}{TOWN}{v + 1:03d}"
        lb = int(classes[i])
        state = int(states[i]) if lb >= 0 else 0
        holder = SURNAMES[names[0][i]] + GIVEN[names[1][i, 0]] + GIVEN[names[1][i, 1]]
        area = round(w * d, 4)
        attributes = {
            "ZDDM": f"{village_code}JC{k + 1:05d}",
            "BDCDYH": f"{village_code}JC{k + 1:05d}F00010001",
            "ZDTZM": "JC",
            "ZL": f"湖南省娄底市娄星区花山镇{VILLAGE_NAMES[v % len(VILLAGE_NAMES)]}{row % 9 + 1}组{k + 1}号",
            "ZDMJ": None if i % 10 == 9 else area,  # every tenth parcel's area not computed yet
            "DCMJ": round(area + float(recorded_error[i]), 2),
            "MJDW": 1,
            "YT": "0702",
            "QLLX": 6,
            "QLRMC": holder,
            "HH": f"{village_code}-{k + 1:05d}",
            "SFJTCY": int(members[i]),
            "YQSLY": int(sources[i]),
            "PZMJ": round(min(area, 180.0), 2) if sources[i] else None,
            "JFNF": int(built[i]) if lb != 0 else None,
            "PZRQ": f"{min(int(built[i]), 2019) - 1}-05-01" if sources[i] else None,
            "SFKD": 0,
            "DLLB": 2,
            "FHGH": 1,
            "SFJC": 0,
            "FHWP": 0,
            "WFCZ": 0,
            **{name: int(flag) for name, flag in zip(EXCLUSION_FACTS, exclusions[i])},
            "SFGG": int(noticed[i]),
            "SFDJ": int(registered[i]),
            "JZZDMJ": round(area * 0.45, 2),
            "JZMJ": round(area * 0.45 * int(storeys[i]), 2),
            "ZYJBNTMJ": round(area * 0.2, 2) if on_farmland[i] else 0.0,
            "ZYJBNTBL": 20.0 if on_farmland[i] else 0.0,
            "JBNTBH": f"JB{v + 1:02d}{k % 50:03d}" if on_farmland[i] else None,
            "SJQD": json.dumps({key: "2020-06-01" for key in DOCUMENT_KEYS[:int(documents[i])]}, ensure_ascii=False)
            if documents[i] else None,
        }
        if lb >= 0:
            attributes.update({
                "LB": lb, "LBMC": CLASS_NAMES[lb], "LBYY": REASONS[lb], "SHZT": state,
                "DJMJ": round(min(area, 180.0), 2) if lb in (1, 2) else None,
                "CZMJ": round(max(area - 180.0, 0.0), 2) if lb in (1, 2) else None,
                "XYBZ": "公告30天后补办用地审批手续" if lb == 2 else None,
            })
            if state in (2, 3):
                attributes.update({"SHR": "村审核小组", "SHSJ": "2020-06-15T09:30:00"})
        else:
            attributes["SHZT"] = 0
        yield wkt, attributes


def house_wkt(parcel_wkt: str) -> str:
    """A house on the parcel: its rectangle inset by 2 m at the front and 1.5 m elsewhere."""
    coords = parcel_wkt[len("MULTIPOLYGON((("):-3].split(",")
    xs = [float(c.split()[0]) for c in coords]
    ys = [float(c.split()[1]) for c in coords]
    x0, x1, y0, y1 = min(xs) + 1.5, max(xs) - 1.5, min(ys) + 2.0, max(ys) - 1.5
    return f"MULTIPOLYGON((({x0} {y0},{x0} {y1},{x1} {y1},{x1} {y0},{x0} {y0})))"


def fill_parcels(gpkg: str, n: int, villages: int = 8, seed: int = 20200513, houses: bool = False) -> int:
    """Append ``n`` synthetic parcels to the ZD layer of the survey GeoPackage ``gpkg`` in one transaction
    (and with ``houses`` one building each to ZRZ)."""
    dataset = ogr.Open(gpkg, 1)
    if dataset is None:
        raise OSError(f"cannot open {gpkg}")
    layer = dataset.GetLayerByName("ZD")
    buildings = dataset.GetLayerByName("ZRZ")
    dataset.StartTransaction()
    for wkt, attributes in parcel_rows(n, villages, seed):
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in attributes.items():
            if value is not None:
                feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
        if houses:
            house = ogr.Feature(buildings.GetLayerDefn())
            house.SetField("ZDDM", attributes["ZDDM"])
            house.SetField("ZRZH", attributes["ZDDM"] + "F0001")
            house.SetField("ZCS", 2)
            house.SetField("FWJG", 4)
            house.SetGeometry(ogr.CreateGeometryFromWkt(house_wkt(wkt)))
            buildings.CreateFeature(house)
    dataset.CommitTransaction()
    dataset = None
    return n


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gpkg")
    parser.add_argument("n", type=int)
    parser.add_argument("--villages", type=int, default=8)
    parser.add_argument("--seed", type=int, default=20200513)
    args = parser.parse_args(argv[1:])
    if not Path(args.gpkg).exists():
        print(f"{args.gpkg} does not exist: create it with homestead:createproject first", file=sys.stderr)
        return 1
    fill_parcels(args.gpkg, args.n, args.villages, args.seed)
    print(f"{args.gpkg}: {args.n} parcels")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
