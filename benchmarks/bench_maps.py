#!/usr/bin/env python3
"""Benchmark: 1,000 parcel maps (宗地图, one PDF per parcel) — homestead:parcelmaps against a plain QGIS atlas
export of the same template (layouts/zongditu.qpt), serially and in parallel processes — and the 1,000 survey
forms (权籍调查表, XLSX + PDF each) of the same parcels, against the maps of the same run.

The village is the map_fixtures one (tests/map_fixtures.py) scaled up: 20 blocks × 2 rows × 25 parcels, with
houses, boundary points and lines and roads, in a GeoPackage from homestead:createproject. The atlas is what a
user would set up by hand: coverage layer ZD, the map following the atlas feature with a 10 % margin, the header
texts as expressions, the survey layers in their default styles with QGIS labelling. Not a timed test: run with
`make bench-maps`; figures go to benchmarks/results_maps.md.
Usage: bench_maps.py [RESULTS.md] [--parcels N]
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ROUNDS = 2
sys.path.insert(0, str(REPO / "build" / "plugins"))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, "/usr/share/qgis/python/plugins")


def atlas_export(gpkg: str, out: Path) -> int:
    """A plain QGIS atlas over ZD with the bundled template; one PDF per parcel. Returns the number of files."""
    from qgis.core import (
        QgsLayoutExporter,
        QgsLayoutItemLabel,
        QgsLayoutItemMap,
        QgsPrintLayout,
        QgsProject,
        QgsReadWriteContext,
        QgsRenderContext,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtXml import QDomDocument

    project = QgsProject()
    layers = {}
    for name in ("DXT_DL", "ZD", "ZRZ", "JZX", "JZD"):
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")  # loads the default style stored in the GPKG
        project.addMapLayer(layer)
        layers[name] = layer
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    document.setContent((REPO / "layouts" / "zongditu.qpt").read_text(encoding="utf-8"))
    layout.loadFromTemplate(document, QgsReadWriteContext())
    atlas = layout.atlas()
    atlas.setCoverageLayer(layers["ZD"])
    atlas.setEnabled(True)
    atlas.setFilenameExpression('"ZDDM"')
    texts = {"header_zddm": '[% "ZDDM" %]', "header_tfh": '[% "TFH" %]', "header_zdmj": "[% format_number(\"ZDMJ\", 2) %]",
             "header_qlr": '[% "QLRMC" %]', "scale_text": "1:[% round(map_get(item_variables('map'), 'map_scale')) %]",
             "survey_note": "2020年5月解析法测绘界址点"}
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap) and item.id() == "map":
            item.setAtlasDriven(True)
            item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
            item.setAtlasMargin(0.10)
            item.setLayers([layers[n] for n in ("JZD", "JZX", "ZRZ", "ZD", "DXT_DL")])
            item.setKeepLayerSet(True)
            item.setCrs(layers["ZD"].crs())
        elif isinstance(item, QgsLayoutItemLabel) and item.id() in texts:
            item.setText(texts[item.id()])
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.forceVectorOutput = True
    settings.appendGeoreference = False
    out.mkdir(parents=True, exist_ok=True)
    result, error = QgsLayoutExporter.exportToPdfs(atlas, str(out / "atlas"), settings)
    assert result == QgsLayoutExporter.Success, error
    count = len(list(out.glob("*.pdf")))
    del layout
    project.clear()
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("results", nargs="?", default=str(REPO / "benchmarks" / "results_maps.md"))
    parser.add_argument("--parcels", type=int, default=1000, help="a multiple of 50")
    args = parser.parse_args()

    from qgis.core import Qgis, QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import map_fixtures
    import processing

    from homestead_cadastre.processing.provider import HomesteadProvider

    provider = HomesteadProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    blocks = max(1, args.parcels // 50)
    work = Path(tempfile.mkdtemp(prefix="bench-maps-"))
    try:
        gpkg = str(work / "village.gpkg")
        processing.run("homestead:createproject", {"CRS": "EPSG:4525", "OUTPUT": gpkg})
        parcels = map_fixtures.village_parcels(blocks, 25, specials=False)
        map_fixtures.fill_village(gpkg, parcels)
        n = len(parcels)
        print(f"bench-maps: {n} parcels in {gpkg}")

        layers = {"PARCELS": f"{gpkg}|layername=ZD", "HOUSES": f"{gpkg}|layername=ZRZ",
                  "POINTS": f"{gpkg}|layername=JZD", "LINES": f"{gpkg}|layername=JZX"}

        def maps(workers: int, folder: Path):
            return processing.run("homestead:parcelmaps", dict(
                layers, ROADS=f"{gpkg}|layername=DXT_DL", SURVEY_DATE="2020-05", WORKERS=workers,
                OUTPUT_FOLDER=str(folder)))

        def forms(workers: int, folder: Path):
            return processing.run("homestead:surveyforms", dict(
                layers, HOLDERS=f"{gpkg}|layername=QLR", WORKERS=workers, OUTPUT_FOLDER=str(folder)))

        # The runs alternate, ROUNDS times, and each keeps its best time: the machine is shared, and a burst of
        # other work should not decide the comparison.
        cores = os.cpu_count() or 2
        runs = [("QGIS atlas export (exportToPdfs), 1 process", 1, lambda folder: atlas_export(gpkg, folder))]
        for what, alg in (("homestead:parcelmaps", maps), ("homestead:surveyforms", forms)):
            for workers in (1, cores):
                label = f"{what}, {workers} process{'es' if workers > 1 else ''}"
                runs.append((label, workers, lambda folder, w=workers, a=alg: int(a(w, folder)["PAGES"])))
        best = {}
        load_before = os.getloadavg()[0]
        for round_ in range(ROUNDS):
            for k, (label, _workers, run) in enumerate(runs):
                folder = work / f"run_{round_}_{k}"
                started, own, children = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF), \
                    cpu_seconds(resource.RUSAGE_CHILDREN)
                pages = run(folder)
                seconds = time.perf_counter() - started
                own, children = cpu_seconds(resource.RUSAGE_SELF) - own, cpu_seconds(resource.RUSAGE_CHILDREN) - children
                files = len([p for p in folder.iterdir() if p.suffix in (".pdf", ".xlsx")])
                shutil.rmtree(folder, ignore_errors=True)
                print(f"  {label:<48} {seconds:7.1f} s  ({own:.1f} + {children:.1f} s CPU)  {pages} pages, {files} files")
                if label not in best or seconds < best[label][0]:
                    best[label] = (seconds, own, children, pages, files)
        timings = [(label, workers, *best[label]) for label, workers, _run in runs]
        write_results(Path(args.results), n, timings, Qgis.QGIS_VERSION, (load_before, os.getloadavg()[0]),
                      worker_start())
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
        shutil.rmtree(work, ignore_errors=True)
        app.exitQgis()


def cpu_seconds(who) -> float:
    """CPU time of this process (RUSAGE_SELF) or of the worker processes it waited for (RUSAGE_CHILDREN)."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def worker_start() -> float:
    """CPU seconds a drawing process spends before its first page: Python, QGIS and the plugin's provider."""
    import subprocess

    code = ("import sys; sys.path.insert(0, sys.argv[1]); from qgis.core import QgsApplication; "
            "app = QgsApplication([], False); app.initQgis(); "
            "from homestead_cadastre.processing.provider import HomesteadProvider; "
            "QgsApplication.processingRegistry().addProvider(HomesteadProvider()); app.exitQgis()")
    before = cpu_seconds(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code, str(REPO / "build" / "plugins")], check=True, capture_output=True,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return cpu_seconds(resource.RUSAGE_CHILDREN) - before


def write_results(path: Path, n: int, timings, qgis_version: str, load, start_cpu: float) -> None:
    """``timings``: (label, workers, seconds, own CPU, workers' CPU, pages, files) per run; the atlas first."""
    base = timings[0][2]
    by_label = {t[0]: t for t in timings}
    cores = max(t[1] for t in timings)
    lines = [
        "# Parcel maps and survey forms benchmark (宗地图, 权籍调查表)",
        "",
        f"{n} parcel maps, one A4 PDF per parcel, from `layouts/zongditu.qpt`, and the {n} survey forms of the same "
        f"parcels (XLSX + PDF each); machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, QGIS {qgis_version}. Command: `make bench-maps` (`benchmarks/bench_maps.py`).",
        "",
        "The atlas is the plain QGIS way: coverage layer ZD, map following the feature (10 % margin, any scale), header "
        "texts as expressions, the survey layers in their stored styles with QGIS labelling (which drops labels that "
        "collide). homestead:parcelmaps chooses a round scale, places every label without collision, draws the "
        "neighbours, roads and houses, and reports each page.",
        "",
        f"Best of {ROUNDS} alternating rounds. The machine was shared with other work (load average {load[0]:.1f} "
        f"before, {load[1]:.1f} after): wall-clock times then vary by tens of percent and parallel processes gain "
        "less than on a quiet machine; CPU seconds (this process + its worker processes) are steadier.",
        "",
        "| run | seconds | CPU seconds (main + workers) | pages | files | pages/s | time vs atlas |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, _workers, seconds, own, children, pages, files in timings:
        lines.append(f"| {label} | {seconds:.1f} | {own:.1f} + {children:.1f} | {pages} | {files} | "
                     f"{pages / seconds:.1f} | {seconds / base:.2f} |")
    lines += ["", "Survey forms against the parcel maps of the same run (target: at most 3×):", "",
              "| processes | 宗地图 s | 权籍调查表 s | ratio |", "|---:|---:|---:|---:|"]
    for workers in sorted({t[1] for t in timings[1:]}):
        suffix = f"{workers} process{'es' if workers > 1 else ''}"
        maps, forms = by_label[f"homestead:parcelmaps, {suffix}"], by_label[f"homestead:surveyforms, {suffix}"]
        lines.append(f"| {workers} | {maps[2]:.1f} | {forms[2]:.1f} | {forms[2] / maps[2]:.2f} |")
    atlas_cpu = timings[0][3] + timings[0][4]
    lines += ["", "On paper. A drawing process spends "
              f"{start_cpu:.1f} s CPU starting (Python, QGIS, the provider) and then reads the layers and builds its "
              "indexes before its first page; the main process meanwhile only waits, and merges the results and writes "
              "the report at the end. The pages' CPU seconds W (the workers' CPU of the "
              f"{cores}-process run, less their start-up) spread over n processes give about main + start-up + W/n, "
              "on n idle cores with the disk keeping up; the atlas on an idle core takes about its CPU seconds "
              f"({atlas_cpu:.1f} s):", ""]
    estimate = {}
    for what in ("homestead:parcelmaps", "homestead:surveyforms"):
        label, workers, seconds, own, children, pages, _files = by_label[f"{what}, {cores} processes"]
        work = max(children - workers * start_cpu, 0.0)
        estimate[what] = {n: own + start_cpu + work / n for n in (2, 8)}
        lines.append(f"- {what}: main {own:.1f} s, per worker {children / workers:.1f} s CPU, W = {work:.1f} s → "
                     f"about {estimate[what][2]:.1f} s on 2 cores, {estimate[what][8]:.1f} s on 8 cores for {pages} pages.")
    maps, forms = estimate["homestead:parcelmaps"], estimate["homestead:surveyforms"]
    lines.append(f"- 宗地图 against the atlas: {atlas_cpu / maps[2]:.2f}× as fast on 2 cores, {atlas_cpu / maps[8]:.1f}× on "
                 f"8; 权籍调查表 against the 宗地图: {forms[2] / maps[2]:.2f}× the time on 2 cores, "
                 f"{forms[8] / maps[8]:.2f}× on 8.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"bench-maps: wrote {path}")


if __name__ == "__main__":
    main()
