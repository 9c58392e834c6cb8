#!/usr/bin/env python3
"""`make demo`: the main job on the bundled demo village, through qgis_process, writing real outputs.

Every step is a homestead: Processing algorithm run by /usr/bin/qgis_process.bin with the plugin enabled from
build/plugins (the same way a user's QGIS runs it). Prints one line per output and a summary.
Usage: tools/demo.py OUT_DIR
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VILLAGE = REPO / "sample_data" / "demo_village.gpkg"
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


def run(env: dict, algorithm: str, **params) -> dict:
    """Run one algorithm; return its results, or exit with its log when it fails."""
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
        sys.exit(f"demo: homestead:{algorithm} failed (exit {done.returncode})\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    print(f"  {algorithm:<18} {seconds:6.1f} s")
    return payload["results"]


def confirm_suggestions(source: Path, target: Path) -> str:
    """A copy of the classified parcels with every suggestion (SHZT 1) confirmed (SHZT 2) by a demo reviewer."""
    import sqlite3

    shutil.copyfile(source, target)
    with sqlite3.connect(target) as db:
        (table,) = db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()
        count = db.execute(f'UPDATE "{table}" SET SHZT = 2, SHR = ? WHERE SHZT = 1', ("示范审核员",)).rowcount
    print(f"  review: {count} suggestions confirmed by the demo reviewer")
    return str(target)


def layer(path: Path, name: str) -> str:
    return f"{path}|layername={name}"


def main(out_dir: str) -> None:
    out = (REPO / out_dir).resolve() if not os.path.isabs(out_dir) else Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    env = environment()
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "homestead_cadastre"], env=env,
                             capture_output=True, text=True)
    if enabled.returncode != 0 and "already enabled" not in enabled.stdout + enabled.stderr:
        sys.exit(f"demo: could not enable the plugin in qgis_process:\n{enabled.stdout}{enabled.stderr}")
    print(f"demo: {VILLAGE.relative_to(REPO)} → {out}")
    written = []

    project = run(env, "createproject", CRS="EPSG:4525", TITLE="娄星区示范村房地一体权籍调查",
                  OUTPUT=out / "survey_template.gpkg")
    written += [project["OUTPUT"], project["PROJECT"]]

    # areas → boundary points and 四至 → 界址点成果表 → classes: each step reads the previous step's parcels
    areas = run(env, "parcelareas", INPUT=layer(VILLAGE, "ZD"), CODE_FIELD="ZDDM", RECORDED_AREA_FIELD="DCMJ",
                SCALE=1000, BUILDINGS=layer(VILLAGE, "ZRZ"), OUTPUT=out / "zd_areas.gpkg")
    points = run(env, "boundarypoints", INPUT=areas["OUTPUT"], CODE_FIELD="ZDDM", TOLERANCE=0.05,
                 ROADS=[layer(VILLAGE, "DXT_DL"), layer(VILLAGE, "DXT_SX")], ROAD_NAME_FIELD="MC", OUTPUT_POINTS=out / "jzd.gpkg",
                 OUTPUT_LINES=out / "jzx.gpkg", OUTPUT=out / "zd_sizhi.gpkg")
    table = run(env, "boundarytable", INPUT=points["OUTPUT"], CODE_FIELD="ZDDM", OWNER_FIELD="QLRMC",
                BUILDINGS=layer(VILLAGE, "ZRZ"), OUTPUT_XLSX=out / "界址点成果表.xlsx",
                OUTPUT_CSV=out / "界址点成果表.csv")
    farmland = run(env, "farmlandoverlay", INPUT=points["OUTPUT"], FARMLAND=layer(VILLAGE, "JBNT"), MIN_AREA=1,
                   BUILDINGS=layer(VILLAGE, "ZRZ"), OUTPUT=out / "zd_jbnt.gpkg",
                   OUTPUT_OVERLAPS=out / "jbnt_overlaps.gpkg")
    checked = run(env, "qualitycheck", PARCELS=layer(VILLAGE, "ZD"), BUILDINGS=layer(VILLAGE, "ZRZ"),
                  FARMLAND=layer(VILLAGE, "JBNT"), BASEMAP=layer(VILLAGE, "DXT_FW"), HOUSEHOLDS=layer(VILLAGE, "QLR"),
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
    cass = run(env, "parcelsfrompoints", INPUT=REPO / "sample_data" / "demo_village_points.dat",
               OUTPUT=out / "cass_parcels.gpkg", OUTPUT_POINTS=out / "cass_points.gpkg")
    dxf = run(env, "exportdxf", INPUT=areas["OUTPUT"], BUILDINGS=layer(VILLAGE, "ZRZ"), SCALE=1,
              OUTPUT=out / "demo_village.dxf")
    written += [cass["OUTPUT"], cass["OUTPUT_POINTS"], dxf["OUTPUT"]]

    # map products and documents of the classified parcels
    signatures = dict(SURVEY_DATE="2020-05", DRAFTER="张工", CHECKER="李工", DRAW_DATE="2020年6月1日",
                      CHECK_DATE="2020年6月3日")
    parcels = classified["OUTPUT"]
    maps = run(env, "parcelmaps", PARCELS=parcels, HOUSES=layer(VILLAGE, "ZRZ"), POINTS=points["OUTPUT_POINTS"],
               LINES=points["OUTPUT_LINES"], ROADS=layer(VILLAGE, "DXT_DL"), HOLDERS=layer(VILLAGE, "QLR"),
               FORMAT=1, OUTPUT_FOLDER=out / "zongditu", **signatures)
    sketches = run(env, "parcelsketches", PARCELS=parcels, HOUSES=layer(VILLAGE, "ZRZ"), POINTS=points["OUTPUT_POINTS"],
                   LINES=points["OUTPUT_LINES"], LENGTH="JZXCD", ROADS=layer(VILLAGE, "DXT_DL"),
                   HOLDERS=layer(VILLAGE, "QLR"), FORMAT=1, SURVEYOR="王工", OUTPUT_FOLDER=out / "caotu", **signatures)
    houses = run(env, "housemaps", HOUSES=layer(VILLAGE, "ZRZ"), PARCELS=parcels, HOLDERS=layer(VILLAGE, "QLR"),
                 FORMAT=1, OUTPUT_FOLDER=out / "fangchantu", **signatures)
    sheets = run(env, "sheetindex", INPUT=parcels, SCALE=1, OUTPUT=out / "tf.gpkg", OUTPUT_PARCELS=out / "zd_tfh.gpkg")
    overlay = run(env, "sheetmaps", PARCELS=parcels, FARMLAND=layer(VILLAGE, "JBNT"),
                  BASEMAP=[layer(VILLAGE, "DXT_FW"), layer(VILLAGE, "DXT_DL"), layer(VILLAGE, "DXT_SX")],
                  SCALE=1, TITLE="娄星区杉山镇莲坝村", FORMAT=2, OUTPUT_FOLDER=out / "taohetu")
    forms = run(env, "surveyforms", PARCELS=parcels, POINTS=points["OUTPUT_POINTS"], LINES=points["OUTPUT_LINES"],
                HOUSES=layer(VILLAGE, "ZRZ"), HOLDERS=layer(VILLAGE, "QLR"), OUTPUT_FOLDER=out / "forms")
    # a legal notice lists reviewed parcels only: the demo stands in for the reviewer who confirms in the review panel
    reviewed = confirm_suggestions(Path(parcels), out / "zd_reviewed.gpkg")
    notices = run(env, "noticelist", PARCELS=reviewed, QUALITY_ERRORS=checked["OUTPUT"], POLICY="louxing_2020",
                  START="2020-06-01",
                  ISSUER="娄底市不动产登记中心娄星分中心", PLACE="杉山镇莲坝村", OUTPUT_FOLDER=out / "notices")
    written += [sheets["OUTPUT"], sheets["OUTPUT_PARCELS"]]
    written += [folder["OUTPUT_FOLDER"] for folder in (maps, sketches, houses, overlay, forms, notices)]

    print("demo: wrote")
    for path in map(Path, written):
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        size = sum(p.stat().st_size for p in files)
        what = f"{len(files)} files, " if path.is_dir() else ""
        print(f"  {os.path.relpath(path, REPO)}{'/' if path.is_dir() else ''}  ({what}{size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out/demo")
