#!/usr/bin/env python3
"""`make demo`: the main job on a bundled village, through qgis_process, writing real outputs.

Every step is a homestead: Processing algorithm run by /usr/bin/qgis_process.bin with the plugin enabled from
build/plugins (the same way a user's QGIS runs it). Prints one line per output and a summary.
Usage: tools/demo.py [OUT_DIR] [--village demo|clean]   (demo: the planted defects; clean: the normal case)
The pipeline() function is the same job for tests/test_clean_village.py.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
VILLAGES = {"demo": REPO / "sample_data" / "demo_village.gpkg", "clean": REPO / "sample_data" / "clean_village.gpkg"}
CASS_POINTS = REPO / "sample_data" / "demo_village_points.dat"  # a total-station file, whichever village
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process") or "qgis_process"


def environment() -> dict:
    build = REPO / "build"
    xdg = build / "xdg"
    xdg.mkdir(parents=True, exist_ok=True)
    xdg.chmod(0o700)
    plugins = build / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "homestead_cadastre"
    if not link.exists():
        link.symlink_to(REPO)
    return dict(os.environ, QGIS_PLUGINPATH=str(plugins), QGIS_CUSTOM_CONFIG_PATH=str(build / "qgis-config"),
                QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(xdg))


class StepError(RuntimeError):
    """An algorithm of the pipeline exited with an error (its log in the message)."""


def run(env: dict, algorithm: str, **params) -> dict:
    """Run one algorithm; return its results, or raise StepError with its log."""
    args = [QGIS_PROCESS, "--json", "run", f"homestead:{algorithm}", "--"]
    for key, value in params.items():  # a list is a multi-layer parameter: the key repeats
        args += [f"{key}={item}" for item in (value if isinstance(value, (list, tuple)) else [value])]
    started = time.monotonic()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    try:
        payload = json.loads(done.stdout)
    except json.JSONDecodeError:
        payload = None
    if done.returncode != 0 or payload is None:
        raise StepError(f"homestead:{algorithm} failed (exit {done.returncode})\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    print(f"  {algorithm:<18} {seconds:6.1f} s")
    return payload["results"]


def confirm_suggestions(source: Path, target: Path) -> str:
    """A copy of the classified parcels with every suggestion (SHZT 1) confirmed (SHZT 2) by a demo reviewer.

    Written through GDAL, not plain sqlite3: the R-tree triggers of a GeoPackage made by GDAL ≥ 3.8 call
    GDAL's SQL functions (ST_IsEmpty) on every UPDATE."""
    from osgeo import ogr

    shutil.copyfile(source, target)
    data = ogr.Open(str(target), 1)
    table = data.GetLayer(0)
    table.SetAttributeFilter("SHZT = 1")
    count = table.GetFeatureCount()
    table.SetAttributeFilter(None)
    data.ExecuteSQL(f'UPDATE "{table.GetName()}" SET SHZT = 2, SHR = \'示范审核员\' WHERE SHZT = 1')
    data = None
    print(f"  review: {count} suggestions confirmed by the demo reviewer")
    return str(target)


def layer(path: Path, name: str) -> str:
    return f"{path}|layername={name}"


def enable_plugin(env: dict) -> None:
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "homestead_cadastre"], env=env,
                             capture_output=True, text=True)
    if enabled.returncode != 0 and "already enabled" not in enabled.stdout + enabled.stderr:
        raise StepError(f"could not enable the plugin in qgis_process:\n{enabled.stdout}{enabled.stderr}")


def pipeline(village: Path, out: Path, env: dict) -> dict:
    """Every algorithm of the main job on ``village`` (a survey GeoPackage with its manifest), outputs in
    ``out``; {algorithm: its results, "written": the output paths}. Raises StepError at the first algorithm that fails."""
    where = json.loads(village.with_name(village.stem + ".manifest.json").read_text(encoding="utf-8"))["villages"][0]
    results = {}
    written = results["written"] = []

    project = run(env, "createproject", CRS="EPSG:4525", TITLE="娄星区示范村房地一体权籍调查",
                  OUTPUT=out / "survey_template.gpkg")
    written += [project["OUTPUT"], project["PROJECT"]]

    # areas → boundary points and 四至 → 界址点成果表 → classes: each step reads the previous step's parcels
    areas = run(env, "parcelareas", INPUT=layer(village, "ZD"), CODE_FIELD="ZDDM", RECORDED_AREA_FIELD="DCMJ",
                SCALE=1000, BUILDINGS=layer(village, "ZRZ"), OUTPUT=out / "zd_areas.gpkg")
    points = run(env, "boundarypoints", INPUT=areas["OUTPUT"], CODE_FIELD="ZDDM", TOLERANCE=0.05,
                 ROADS=[layer(village, "DXT_DL"), layer(village, "DXT_SX")], ROAD_NAME_FIELD="MC",
                 OUTPUT_POINTS=out / "jzd.gpkg",
                 OUTPUT_LINES=out / "jzx.gpkg", OUTPUT=out / "zd_sizhi.gpkg")
    table = run(env, "boundarytable", INPUT=points["OUTPUT"], CODE_FIELD="ZDDM", OWNER_FIELD="QLRMC",
                BUILDINGS=layer(village, "ZRZ"), OUTPUT_XLSX=out / "界址点成果表.xlsx",
                OUTPUT_CSV=out / "界址点成果表.csv")
    farmland = run(env, "farmlandoverlay", INPUT=points["OUTPUT"], FARMLAND=layer(village, "JBNT"), MIN_AREA=1,
                   BUILDINGS=layer(village, "ZRZ"), OUTPUT=out / "zd_jbnt.gpkg",
                   OUTPUT_OVERLAPS=out / "jbnt_overlaps.gpkg")
    checked = run(env, "qualitycheck", PARCELS=layer(village, "ZD"), BUILDINGS=layer(village, "ZRZ"),
                  FARMLAND=layer(village, "JBNT"), BASEMAP=layer(village, "DXT_FW"), HOUSEHOLDS=layer(village, "QLR"),
                  FLOORS=layer(village, "C"), UNITS=layer(village, "H"), PARTS=layer(village, "MJBF"),
                  SCALE=1000, OUTPUT=out / "quality_findings.gpkg", OUTPUT_SUMMARY=out / "quality_summary.gpkg")
    print(f"  findings: {int(checked['ERRORS'])} errors, {int(checked['WARNINGS'])} warnings")
    # classification reads the overlay's ZYJBNTMJ
    classified = run(env, "classify", INPUT=farmland["OUTPUT"], POLICY="louxing_2020",
                     OUTPUT=out / "classified_parcels.gpkg")
    print("  classes: " + ", ".join(f"{n}: {int(classified[f'CLASS_{n}'])}" for n in (1, 2, 3, 0)))
    written += [areas["OUTPUT"], points["OUTPUT_POINTS"], points["OUTPUT_LINES"], points["OUTPUT"],
                table["OUTPUT_XLSX"], table["OUTPUT_CSV"], farmland["OUTPUT"], farmland["OUTPUT_OVERLAPS"],
                checked["OUTPUT"], checked["OUTPUT_SUMMARY"], classified["OUTPUT"]]

    # CAD interchange: a CASS coordinate file in, the village out as DXF
    cass = run(env, "parcelsfrompoints", INPUT=CASS_POINTS,
               OUTPUT=out / "cass_parcels.gpkg", OUTPUT_POINTS=out / "cass_points.gpkg")
    dxf = run(env, "exportdxf", INPUT=areas["OUTPUT"], BUILDINGS=layer(village, "ZRZ"), SCALE=1,
              OUTPUT=out / f"{village.stem}.dxf")
    written += [cass["OUTPUT"], cass["OUTPUT_POINTS"], dxf["OUTPUT"]]

    # map products and documents of the classified parcels
    signatures = dict(SURVEY_DATE="2020-05", DRAFTER="张工", CHECKER="李工", DRAW_DATE="2020年6月1日",
                      CHECK_DATE="2020年6月3日")
    parcels = classified["OUTPUT"]
    maps = run(env, "parcelmaps", PARCELS=parcels, HOUSES=layer(village, "ZRZ"), POINTS=points["OUTPUT_POINTS"],
               LINES=points["OUTPUT_LINES"], ROADS=layer(village, "DXT_DL"), HOLDERS=layer(village, "QLR"),
               FORMAT=1, OUTPUT_FOLDER=out / "zongditu", **signatures)
    sketches = run(env, "parcelsketches", PARCELS=parcels, HOUSES=layer(village, "ZRZ"), POINTS=points["OUTPUT_POINTS"],
                   LINES=points["OUTPUT_LINES"], LENGTH="JZXCD", ROADS=layer(village, "DXT_DL"),
                   HOLDERS=layer(village, "QLR"), FORMAT=1, SURVEYOR="王工", OUTPUT_FOLDER=out / "caotu", **signatures)
    houses = run(env, "housemaps", HOUSES=layer(village, "ZRZ"), PARCELS=parcels, HOLDERS=layer(village, "QLR"),
                 FORMAT=1, OUTPUT_FOLDER=out / "fangchantu", **signatures)
    floor_maps = run(env, "housemaps", HOUSES=layer(village, "ZRZ"), PARCELS=parcels, HOLDERS=layer(village, "QLR"),
                     FLOORS=layer(village, "C"), PARTS=layer(village, "MJBF"), HOUSEHOLDS=layer(village, "H"),
                     FORMAT=1, OUTPUT_FOLDER=out / "fangchantu_fenceng", **signatures)
    sheets = run(env, "sheetindex", INPUT=parcels, SCALE=1, OUTPUT=out / "tf.gpkg", OUTPUT_PARCELS=out / "zd_tfh.gpkg")
    overlay = run(env, "sheetmaps", PARCELS=parcels, FARMLAND=layer(village, "JBNT"),
                  BASEMAP=[layer(village, "DXT_FW"), layer(village, "DXT_DL"), layer(village, "DXT_SX")],
                  SCALE=1, TITLE=f"娄星区{where['town']}{where['name']}", FORMAT=2, OUTPUT_FOLDER=out / "taohetu",
                  **signatures)  # the same 制图者, 审核者 and dates as the other products
    forms = run(env, "surveyforms", PARCELS=parcels, POINTS=points["OUTPUT_POINTS"], LINES=points["OUTPUT_LINES"],
                HOUSES=layer(village, "ZRZ"), HOLDERS=layer(village, "QLR"), QUALITY_ERRORS=checked["OUTPUT"],
                OUTPUT_FOLDER=out / "forms")
    house = house_steps(env, village, out, parcels, checked["OUTPUT"])
    # a legal notice lists reviewed parcels only: the demo stands in for the reviewer who confirms in the review panel
    reviewed = confirm_suggestions(Path(parcels), out / "zd_reviewed.gpkg")
    notices = run(env, "noticelist", PARCELS=reviewed, QUALITY_ERRORS=checked["OUTPUT"], POLICY="louxing_2020",
                  START="2020-06-01",
                  ISSUER="娄底市不动产登记中心娄星分中心", PLACE=f"{where['town']}{where['name']}", OUTPUT_FOLDER=out / "notices")
    written += [sheets["OUTPUT"], sheets["OUTPUT_PARCELS"]]
    written += [folder["OUTPUT_FOLDER"] for folder in (maps, sketches, houses, overlay, forms, notices)]
    written += house.pop("written")
    results.update(house)
    results.update(createproject=project, parcelareas=areas, boundarypoints=points, boundarytable=table,
                   farmlandoverlay=farmland, qualitycheck=checked, classify=classified, parcelsfrompoints=cass,
                   exportdxf=dxf, parcelmaps=maps, parcelsketches=sketches, housemaps=houses, floormaps=floor_maps, sheetindex=sheets,
                   sheetmaps=overlay, surveyforms=forms, noticelist=notices)
    written += deliver(env, out, village, parcels, points, farmland, checked, where)
    return results


def house_steps(env: dict, village: Path, out: Path, parcels: str, findings: Optional[str] = None) -> dict:
    """The house side: 建筑面积 per floor, building and household (with the 面积计算表), then 幢号, 户号 and
    不动产单元号 on those, then the 房屋调查表 of the coded houses (a house the quality check ``findings`` name in an
    error is left out). {algorithm: its results, "written": the output paths}."""
    areas = run(env, "buildingareas", FLOORS=layer(village, "C"), PARTS=layer(village, "MJBF"),
                BUILDINGS=layer(village, "ZRZ"), HOUSEHOLDS=layer(village, "H"), OUTPUT_FLOORS=out / "c_areas.gpkg",
                OUTPUT_BUILDINGS=out / "zrz_areas.gpkg", OUTPUT_HOUSEHOLDS=out / "h_areas.gpkg",
                OUTPUT_PARTS=out / "mjbf_areas.gpkg", OUTPUT_XLSX=out / "面积计算表.xlsx")
    codes = run(env, "unitcodes", BUILDINGS=areas["OUTPUT_BUILDINGS"], HOUSEHOLDS=areas["OUTPUT_HOUSEHOLDS"],
                PARCELS=parcels, OUTPUT_BUILDINGS=out / "zrz_codes.gpkg", OUTPUT_HOUSEHOLDS=out / "h_codes.gpkg",
                OUTPUT_PARCELS=out / "zd_codes.gpkg")
    errors = {"QUALITY_ERRORS": findings} if findings else {}
    forms = run(env, "housesurveyforms", HOUSES=codes["OUTPUT_BUILDINGS"], HOUSEHOLDS=codes["OUTPUT_HOUSEHOLDS"],
                PARCELS=parcels, HOLDERS=layer(village, "QLR"), SURVEYOR="王工", SURVEY_DATE="2020-05-12",
                OUTPUT_FOLDER=out / "fangwu_diaochabiao", **errors)
    print(f"  house forms: {int(forms['PAGES'])} written, {int(forms['FAILED'])} held back (reasons in the report)")
    written = [areas[k] for k in ("OUTPUT_FLOORS", "OUTPUT_BUILDINGS", "OUTPUT_HOUSEHOLDS", "OUTPUT_PARTS", "OUTPUT_XLSX")]
    written += [codes[k] for k in ("OUTPUT_BUILDINGS", "OUTPUT_HOUSEHOLDS", "OUTPUT_PARCELS")] + [forms["OUTPUT_FOLDER"]]
    return {"buildingareas": areas, "unitcodes": codes, "housesurveyforms": forms, "written": written}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", nargs="?", default="out/demo")
    parser.add_argument("--village", choices=sorted(VILLAGES), default="demo",
                        help="demo: the village with planted defects (default); clean: no defect, the normal case")
    args = parser.parse_args(argv)
    out = (REPO / args.out_dir).resolve() if not os.path.isabs(args.out_dir) else Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    env = environment()
    village = VILLAGES[args.village]
    print(f"demo: {village.relative_to(REPO)} → {out}")
    try:
        enable_plugin(env)
        written = pipeline(village, out, env)["written"]
    except StepError as error:
        sys.exit(f"demo: {error}")

    print("demo: wrote")
    for path in map(Path, written):
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        size = sum(p.stat().st_size for p in files)
        what = f"{len(files)} files, " if path.is_dir() else ""
        print(f"  {os.path.relpath(path, REPO)}{'/' if path.is_dir() else ''}  ({what}{size / 1024:.0f} KiB)")


# --- the delivery database (issue 16) ------------------------------------------------------------------------
BLOCKING_RULES = ("ZD_INVALID", "ZD_CODE", "ZD_DUPCODE", "ZRZ_ZRZH", "H_BDCDYH")  # parcels that go back to the field, not to the county


def deliver(env: dict, out: Path, village: Path, parcels: str, points: dict, farmland: dict, checked: dict,
            where: dict) -> list:
    """Deliver the parcels the quality check found no blocking error in; show ogrinfo's counts, the self-check
    passing, and failing on a copy with a field removed, a field retyped and a bad code planted."""
    import sqlite3

    from osgeo import ogr

    findings = sqlite3.connect(checked["OUTPUT"])
    table = findings.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
    rules = ",".join(f"'{r}'" for r in BLOCKING_RULES)
    codes = sorted({c for (text,) in findings.execute(f'SELECT CODES FROM "{table}" WHERE RULE_ID IN ({rules})')
                    for c in (text or "").split(",") if c})
    keep = "'" + "','".join(codes) + "'"
    def subset(path: str, field: str) -> str:
        return f"{path}|subset=\"{field}\" NOT IN ({keep}) AND \"{field}\" <> ''"

    def of_parcels(name: str) -> str:  # house-side rows of the delivered parcels, by the ZDDM in their ZRZH
        return f"{layer(village, name)}|subset=substr(\"ZRZH\", 1, 19) NOT IN ({keep}) AND \"ZRZH\" <> ''"
    folder = out / "delivery"
    result = run(env, "exportdelivery", PARCELS=subset(parcels, "ZDDM"), BUILDINGS=subset(layer(village, "ZRZ"), "ZDDM"),
                 POINTS=subset(points["OUTPUT_POINTS"], "ZDZHDM"), LINES=subset(points["OUTPUT_LINES"], "ZDZHDM"),
                 HOLDERS=subset(layer(village, "QLR"), "ZDDM"), OVERLAPS=subset(farmland["OUTPUT_OVERLAPS"], "ZDDM"),
                 LOGICAL=of_parcels("LJZ"), FLOORS=of_parcels("C"), UNITS=of_parcels("H"),
                 TITLE=f"娄星区{where['town']}{where['name']}房地一体权籍调查成果数据库", OUTPUT_FOLDER=folder)
    print(f"  delivery: parcels of {len(codes)} codes with blocking errors held back; self-check "
          f"{'passed' if result['COMPLETE'] else 'FAILED'} ({int(result['PROBLEMS'])} problems)")
    expected = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))["记录数"]
    for name in ("delivery.gdb", "shp"):
        listing = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(folder / name)], capture_output=True, text=True).stdout
        counts = dict(zip([line.split(": ", 1)[1] for line in listing.splitlines() if line.startswith("Layer name: ")],
                          [int(line.split(": ", 1)[1]) for line in listing.splitlines() if line.startswith("Feature Count: ")]))
        print(f"  ogrinfo {name}: {counts} {'= source' if counts == expected else '≠ source ' + str(expected)}")
    broken = out / "delivery_broken"
    shutil.rmtree(broken, ignore_errors=True)
    shutil.copytree(folder, broken)
    source = ogr.Open(str(broken / "shp"), 1)
    zd = source.GetLayerByName("ZD")
    zd.DeleteField(zd.GetLayerDefn().GetFieldIndex("ZDMJ"))  # a missing field
    zrz = source.GetLayerByName("ZRZ")
    zrz.DeleteField(zrz.GetLayerDefn().GetFieldIndex("ZCS"))  # a wrong type
    zrz.CreateField(ogr.FieldDefn("ZCS", ogr.OFTString))
    feature = zd.GetNextFeature()
    feature.SetField("QLLX", 99)  # a bad code
    zd.SetFeature(feature)
    source = None
    check = run(env, "checkdelivery", INPUT=broken, REPORT=broken / "self_check.csv")
    print(f"  planted broken delivery: self-check {'passed' if check['COMPLETE'] else 'failed'} with "
          f"{int(check['PROBLEMS'])} problems:")
    for line in (broken / "self_check.csv").read_text(encoding="utf-8-sig").splitlines()[1:-2]:
        print(f"    {line.split(',')[-1]}")
    share = run(env, "exportshare", PARCELS=subset(parcels, "ZDDM"), BUILDINGS=subset(layer(village, "ZRZ"), "ZDDM"),
                HOLDERS=subset(layer(village, "QLR"), "ZDDM"), OUTPUT=out / "agriculture_share.gpkg")
    summary = run(env, "areasummary", PARCELS=parcels, BUILDINGS=layer(village, "ZRZ"), POLICY="louxing_2020",
                  DATE="2020-09-30", OUTPUT_XLSX=out / "面积汇总表.xlsx", OUTPUT_PDF=out / "面积汇总表.pdf")
    return [folder, broken, share["OUTPUT"], summary["OUTPUT_XLSX"], summary["OUTPUT_PDF"]]


if __name__ == "__main__":
    main()
