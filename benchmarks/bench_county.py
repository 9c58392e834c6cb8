#!/usr/bin/env python3
"""County-scale benchmark: the whole `make demo` pipeline on 10k-300k parcels, side by side with the way a QGIS
user would do each job without the plugin, on the same data, in the same run. Not a test.

    make bench                         (BENCH_SIZES=10000,30000 to limit; BENCH_RUNS=3)
    /usr/bin/python3 benchmarks/bench_county.py [--sizes 10000,30000,100000,300000] [--runs 3]
                                                [--plugin DIR] [--out benchmarks/results.md]

Data: tools/make_village.py --parcels N --farmland-ratio 0.3 (deterministic; villages of ~400 parcels with their
houses, 0.3 farmland patches per parcel, roads and the base map DXT_*), generated once per size into
build/bench-data/. Every measured job runs in a fresh process, one after the other (sizes sequentially): either
a Python interpreter that starts QGIS and calls processing.run (in-process), or /usr/bin/qgis_process.bin. The
parent reads the job's own CPU time and peak resident memory with os.wait4 (ru_utime + ru_stime, ru_maxrss).
Wall time: the algorithm alone for in-process jobs (measured inside, around processing.run), the whole process
(start-up included) for qgis_process. In-process jobs repeat --runs times (ours and the built-in way alternate
within a round, so both see the same machine load) and report medians; qgis_process runs once per size.
Both ways' results are compared (areas to 0.01 m², point counts) and the figures go to benchmarks/results.md.

--plugin DIR runs another checkout of the plugin (e.g. one with branches merged that are not on main yet).
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "build" / "bench-data"
RESULTS = REPO / "benchmarks" / "results.md"
QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
DEFAULT_SIZES = (10_000, 30_000, 100_000, 300_000)
FARMLAND_RATIO = 0.3
MARK = "BENCH-RESULT "


# --- the jobs ----------------------------------------------------------------------------------------------
def layer(path: Path, name: str) -> str:
    return f"{path}|layername={name}"


def our_steps(data: Path, out: Path) -> dict:
    """The `make demo` pipeline (tools/demo.py's parameters) plus the checks, each a list of (algorithm, params)."""
    zd, zrz, jbnt = layer(data, "ZD"), layer(data, "ZRZ"), layer(data, "JBNT")
    return {
        "parcelareas": [("homestead:parcelareas", {
            "INPUT": zd, "CODE_FIELD": "ZDDM", "RECORDED_AREA_FIELD": "DCMJ", "SCALE": 1000, "BUILDINGS": zrz,
            "OUTPUT": str(out / "zd_areas.gpkg")})],
        "boundarypoints": [("homestead:boundarypoints", {
            "INPUT": str(out / "zd_areas.gpkg"), "CODE_FIELD": "ZDDM", "TOLERANCE": 0.05, "ROADS": layer(data, "DXT_DL"),
            "ROAD_NAME_FIELD": "MC", "OUTPUT_POINTS": str(out / "jzd.gpkg"), "OUTPUT_LINES": str(out / "jzx.gpkg"),
            "OUTPUT": str(out / "zd_sizhi.gpkg")})],
        "boundarytable": [("homestead:boundarytable", {
            "INPUT": str(out / "zd_sizhi.gpkg"), "CODE_FIELD": "ZDDM", "OWNER_FIELD": "QLRMC", "BUILDINGS": zrz,
            "OUTPUT_VILLAGES": str(out / "jzd_tables"), "OUTPUT_CSV": str(out / "jzd_table.csv")})],  # a workbook per village
        "farmlandoverlay": [("homestead:farmlandoverlay", {
            "INPUT": zd, "FARMLAND": jbnt, "OUTPUT": str(out / "zd_farmland.gpkg"),
            "OUTPUT_OVERLAPS": str(out / "farmland_overlaps.gpkg")})],
        "qualitycheck": [("homestead:qualitycheck", {
            "PARCELS": zd, "BUILDINGS": zrz, "FARMLAND": jbnt, "BASEMAP": layer(data, "DXT_FW"),
            "OUTPUT": str(out / "findings.gpkg"), "OUTPUT_SUMMARY": str(out / "findings_summary.gpkg")})],
        "classify": [("homestead:classify", {
            "INPUT": str(out / "zd_sizhi.gpkg"), "POLICY": "louxing_2020", "FARMLAND": jbnt,
            "OUTPUT": str(out / "classified.gpkg")})],
    }


def builtin_steps(data: Path, out: Path) -> dict:
    """The way a QGIS user does the same jobs with QGIS's own algorithms (keyed by the job they stand for)."""
    zd, zrz, jbnt = layer(data, "ZD"), layer(data, "ZRZ"), layer(data, "JBNT")

    def overlay(a, b, name, fields_a=None, fields_b=None):
        params = {"INPUT": a, "OVERLAY": b, "OUTPUT": str(out / f"b_{name}.gpkg")}
        if fields_a:
            params.update(INPUT_FIELDS=fields_a, OVERLAY_FIELDS=fields_b)
        return [("native:intersection", params), ("native:fieldcalculator", {
            "INPUT": str(out / f"b_{name}.gpkg"), "FIELD_NAME": "AREA", "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 4, "FORMULA": "area($geometry)", "OUTPUT": str(out / f"b_{name}_areas.gpkg")})]

    return {
        "parcelareas": [("native:fieldcalculator", {
            "INPUT": zd, "FIELD_NAME": "AREA", "FIELD_TYPE": 0, "FIELD_LENGTH": 20, "FIELD_PRECISION": 4,
            "FORMULA": "area($geometry)", "OUTPUT": str(out / "b_areas.gpkg")})],
        "boundarypoints": [
            ("native:extractvertices", {"INPUT": zd, "OUTPUT": str(out / "b_vertices.gpkg")}),
            ("native:deleteduplicategeometries", {"INPUT": str(out / "b_vertices.gpkg"),
                                                  "OUTPUT": str(out / "b_points.gpkg")}),
            ("native:pointstopath", {"INPUT": str(out / "b_vertices.gpkg"), "CLOSE_PATH": False,
                                     "ORDER_EXPRESSION": '"vertex_index"', "GROUP_EXPRESSION": "\"ZDDM\"",
                                     "OUTPUT": str(out / "b_paths.gpkg")})],
        "farmlandoverlay": overlay(zd, jbnt, "farmland", ["ZDDM"], ["JBNTTBBH"]),
        # the check's four overlays only, without any rule logic (as benchmarks/bench_checks.py counts it)
        "qualitycheck": overlay(zd, jbnt, "qc_zd_jbnt") + overlay(zrz, jbnt, "qc_zrz_jbnt")
        + overlay(zrz, zd, "qc_zrz_zd") + overlay(zd, zd, "qc_zd_zd"),
    }


BUILTIN_TEXT = {
    "parcelareas": "native:fieldcalculator area($geometry)",
    "boundarypoints": "extractvertices + deleteduplicategeometries + pointstopath",
    "farmlandoverlay": "native:intersection + fieldcalculator",
    "qualitycheck": "its 4 overlays: 4 × (intersection + fieldcalculator)",
}


# --- one measured job, in a fresh process --------------------------------------------------------------------
def child(spec: dict) -> None:
    """Run the steps of one job through Processing in this process; print their seconds as JSON."""
    plugins = Path(spec["plugins"])
    sys.path.insert(0, str(plugins))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication, QgsFeatureRequest, QgsProcessingContext

    app = QgsApplication([], False)
    app.initQgis()
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    from homestead_cadastre.processing.provider import HomesteadProvider

    provider = HomesteadProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    # what a QGIS user sets for the built-in way on survey data with a few invalid parcels: skip them (the
    # homestead algorithms read invalid polygons themselves and report them)
    skip_invalid = QgsProcessingContext()
    skip_invalid.setInvalidGeometryCheck(QgsFeatureRequest.GeometrySkipInvalid)
    if spec.get("list"):
        algorithms = [a.id() for a in provider.algorithms()]
        print(MARK + json.dumps({"algorithms": algorithms}), flush=True)
    else:
        seconds = []
        for algorithm, params in spec["steps"]:
            for key in ("OUTPUT", "OUTPUT_POINTS", "OUTPUT_LINES", "OUTPUT_OVERLAPS", "OUTPUT_SUMMARY"):
                if isinstance(params.get(key), str):
                    Path(params[key]).unlink(missing_ok=True)
            started = time.perf_counter()
            results = processing.run(algorithm, params, context=skip_invalid if algorithm.startswith("native:") else None)
            seconds.append(time.perf_counter() - started)
            del results
        print(MARK + json.dumps({"seconds": seconds}), flush=True)
    # measured: done. Skip QGIS's teardown (3.22 may crash there when a context's layers outlive it).
    sys.stderr.flush()
    os._exit(0)


def measured(args: list, env: dict) -> dict:
    """Run a command as a child; its wall time, own CPU seconds and peak RSS (MiB), and its stdout."""
    import tempfile

    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(args, env=env, stdout=stdout, stderr=stderr, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, not all children's
        wall = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read(), stderr.read()
    if code != 0:
        sys.exit(f"bench: {' '.join(map(str, args[:4]))} … failed (exit {code})\n{out[-3000:]}\n{err[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024, "stdout": out}


class Runner:
    def __init__(self, plugin: Path):
        self.plugins = DATA / "plugins"
        self.plugins.mkdir(parents=True, exist_ok=True)
        link = self.plugins / "homestead_cadastre"
        if link.is_symlink() and Path(os.readlink(link)) != plugin:
            link.unlink()
        if not link.exists():
            link.symlink_to(plugin)
        xdg = DATA / "xdg"
        xdg.mkdir(exist_ok=True)
        xdg.chmod(0o700)
        self.env = dict(os.environ, QGIS_PLUGINPATH=str(self.plugins), QGIS_CUSTOM_CONFIG_PATH=str(DATA / "qgis-config"),
                        QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(xdg), PYTHONDONTWRITEBYTECODE="1")

    def in_process(self, steps) -> dict:
        spec = {"plugins": str(self.plugins), "steps": steps} if steps != "list" else {"plugins": str(self.plugins), "list": True}
        result = measured([sys.executable, "-P" if sys.version_info >= (3, 11) else "-E", __file__, "--job",
                           json.dumps(spec)], self.env)
        payload = json.loads(next(line[len(MARK):] for line in result["stdout"].splitlines() if line.startswith(MARK)))
        result.update(payload)
        if "seconds" in payload:
            result["alg"] = sum(payload["seconds"])
        return result

    def qgis_process(self, steps) -> dict:
        total = {"wall": 0.0, "cpu": 0.0, "rss": 0.0}
        for algorithm, params in steps:
            for key in ("OUTPUT", "OUTPUT_POINTS", "OUTPUT_LINES", "OUTPUT_OVERLAPS", "OUTPUT_SUMMARY"):
                if isinstance(params.get(key), str):
                    Path(params[key]).unlink(missing_ok=True)
            args = [QGIS_PROCESS, "--json", "run", algorithm, "--"] + [f"{k}={v}" for k, v in params.items()]
            one = measured(args, self.env)
            total["wall"] += one["wall"]
            total["cpu"] += one["cpu"]
            total["rss"] = max(total["rss"], one["rss"])
        return total


# --- data and answers ----------------------------------------------------------------------------------------
def county_data(n: int) -> Path:
    path = DATA / f"county_{n}.gpkg"
    if not path.exists():
        print(f"bench: generating {n} parcels → {path}", flush=True)
        subprocess.run([sys.executable, str(REPO / "tools" / "make_village.py"), str(path), "--parcels", str(n),
                        "--farmland-ratio", str(FARMLAND_RATIO)], check=True)
    return path


def ogr_rows(path: str, fields, layer_name=None):
    """[(fid, {field: value})] of a GeoPackage layer, read with OGR (no QGIS in the parent)."""
    from osgeo import ogr

    dataset = ogr.Open(path)
    source = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    source.SetIgnoredFields(["OGR_GEOMETRY"])
    rows = [(f.GetFID(), {k: f.GetField(k) for k in fields}) for f in source]
    dataset = None
    return rows


def feature_count(path: str, layer_name=None) -> int:
    from osgeo import ogr

    dataset = ogr.Open(path)
    source = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    n = source.GetFeatureCount()
    dataset = None
    return n


def compare(job: str, data: Path, out: Path) -> str:
    """Both ways' numbers side by side: the same areas (to 0.01 m²) and counts, or what differs and why."""
    if job == "parcelareas":
        ours = {fid: row["ZDMJ"] for fid, row in ogr_rows(str(out / "zd_areas.gpkg"), ["ZDMJ"])}
        theirs = {fid: row["AREA"] for fid, row in ogr_rows(str(out / "b_areas.gpkg"), ["AREA"])}
        both = [f for f in ours if ours[f] is not None and theirs.get(f) is not None]
        worst = max(abs(ours[f] - theirs[f]) for f in both)
        refused = len(ours) - len(both)
        return (f"{len(both):,} areas, largest difference {worst:.4f} m² "
                f"({'same to 0.01 m²' if worst <= 0.01 else 'DIFFERENT'})"
                + (f"; {refused} invalid parcels get no area from homestead (reported), any number from QGIS" if refused else ""))
    if job == "boundarypoints":
        ours = len({row["JZD_ID"] for _, row in ogr_rows(str(out / "jzd.gpkg"), ["JZD_ID"])})
        theirs = feature_count(str(out / "b_points.gpkg"))
        rows = feature_count(str(out / "jzd.gpkg"))
        text = f"distinct points: homestead {ours:,} (in {rows:,} numbered JZD rows), QGIS {theirs:,}"
        return text + (" — same" if ours == theirs else f" — differ by {ours - theirs:+,}")
    if job == "farmlandoverlay":
        codes = {fid: row["ZDDM"] for fid, row in ogr_rows(str(data), ["ZDDM"], "ZD")}
        patches = {fid: row["JBNTTBBH"] for fid, row in ogr_rows(str(data), ["JBNTTBBH"], "JBNT")}
        ours, theirs = {}, {}
        for _, row in ogr_rows(str(out / "farmland_overlaps.gpkg"), ["ZD_FID", "JBNT_FID", "TXMJ"]):
            key = (codes[row["ZD_FID"]], patches[row["JBNT_FID"]])
            ours[key] = ours.get(key, 0.0) + row["TXMJ"]
        for _, row in ogr_rows(str(out / "b_farmland_areas.gpkg"), ["ZDDM", "JBNTTBBH", "AREA"]):
            key = (row["ZDDM"], row["JBNTTBBH"])
            theirs[key] = theirs.get(key, 0.0) + row["AREA"]
        theirs = {k: v for k, v in theirs.items() if v > 1e-6}  # edges that only touch: no area
        keys = set(ours) | set(theirs)
        worst = max((abs(ours.get(k, 0.0) - theirs.get(k, 0.0)) for k in keys), default=0.0)
        return (f"{len(ours):,} parcel × patch overlaps from homestead, {len(theirs):,} from QGIS, total "
                f"{sum(ours.values()):,.2f} vs {sum(theirs.values()):,.2f} m², largest difference per pair "
                f"{worst:.4f} m² ({'same to 0.01 m²' if worst <= 0.01 else 'DIFFERENT'})")
    if job == "qualitycheck":
        findings = feature_count(str(out / "findings.gpkg"))
        return f"{findings:,} findings (the built-in way computes the overlays only, no findings)"
    return ""


# --- the report ---------------------------------------------------------------------------------------------
def med(values):
    return statistics.median(values) if values else float("nan")


def versions() -> str:
    qgis = subprocess.run([QGIS_PROCESS, "--version"], capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout.split()
    import numpy
    import shapely

    qgis_version = qgis[qgis.index("QGIS") + 1] if "QGIS" in qgis else "?"
    return (f"QGIS {qgis_version}, Python {platform.python_version()}, shapely {shapely.__version__} "
            f"(GEOS {'.'.join(map(str, shapely.geos_version))}), numpy {numpy.__version__}")


def machine() -> str:
    memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return f"{model}, {os.cpu_count()} cores, {int(memory) / 2**20:.0f} GiB RAM, {platform.platform()}"


def fmt(value, digits=1):
    return "—" if value is None or value != value else f"{value:,.{digits}f}"


def report(sizes_done, figures, answers, loads, runs, plugin_commit, started, note) -> str:
    lines = [
        "# County-scale benchmark (benchmarks/bench_county.py, `make bench`)",
        "",
        f"Run {started:%Y-%m-%d %H:%M} – {datetime.datetime.now():%H:%M}; machine: {machine()}; {versions()}; "
        f"plugin at {plugin_commit}.",
        "",
        "Other helpers share the 2 cores: load average (1 min) before each size: "
        + ", ".join(f"{n:,}: {load:.1f}" for n, load in loads.items())
        + ". Absolute seconds therefore vary by ±20 % or more between runs; the ratios (both ways alternate within "
        "a round, under much the same load) vary less.",
        "",
        f"Data: `tools/make_village.py --parcels N --farmland-ratio {FARMLAND_RATIO}` (villages of ~400 parcels with "
        "houses, planted defects, 0.3 farmland patches per parcel, roads and base map), cached in build/bench-data/. "
        f"Every job in a fresh process, sizes one after the other. In-process = a Python process that starts QGIS and "
        "calls processing.run; its wall time is the algorithm alone, CPU and peak RSS are the whole process's "
        "(os.wait4: ru_utime + ru_stime, ru_maxrss — QGIS start-up alone is ~0.3 GB). qgis_process = "
        "`qgis_process.bin --json run …`, one process per algorithm, wall time including start-up. "
        f"Medians over {runs} in-process runs per size (fewer at the largest sizes where stated below); "
        "qgis_process once per size.",
        "",
    ]
    if note:
        lines += [note, ""]
    lines += targets(figures, loads)
    for n in sizes_done:
        rows = figures[n]
        lines += [f"## {n:,} parcels", "", f"Runs: {rows['_runs']} in-process per job, qgis_process once. "
                  f"Data: {rows['_layers']}.", "",
                  "| job | homestead in-process: s | CPU s | peak RSS MiB | qgis_process: s | CPU s | peak MiB "
                  "| QGIS built-in way | built-in: s | CPU s | peak MiB | built-in / homestead |",
                  "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
        for job in JOBS:
            if job not in rows:
                continue
            ours, qp, theirs = rows[job].get("ours"), rows[job].get("qp"), rows[job].get("builtin")
            ratio = theirs["alg"] / ours["alg"] if ours and theirs else None
            lines.append(
                f"| {job} | {fmt(ours and ours['alg'])} | {fmt(ours and ours['cpu'])} | {fmt(ours and ours['rss'], 0)} "
                f"| {fmt(qp and qp['wall'])} | {fmt(qp and qp['cpu'])} | {fmt(qp and qp['rss'], 0)} "
                f"| {BUILTIN_TEXT.get(job, 'none')} | {fmt(theirs and theirs['alg'])} | {fmt(theirs and theirs['cpu'])} "
                f"| {fmt(theirs and theirs['rss'], 0)} | {'**' + fmt(ratio, 2) + '×**' if ratio else '—'} |")
        pipeline = [rows[j]["qp"] for j in PIPELINE if j in rows and rows[j].get("qp")]
        inproc = [rows[j]["ours"] for j in PIPELINE if j in rows and rows[j].get("ours")]
        lines += ["", f"Whole pipeline ({', '.join(j for j in PIPELINE if j in rows)}): through qgis_process "
                  f"{sum(p['wall'] for p in pipeline):,.1f} s wall, {sum(p['cpu'] for p in pipeline):,.1f} s CPU, "
                  f"peak {max((p['rss'] for p in pipeline), default=0):,.0f} MiB; in-process algorithms "
                  f"{sum(p['alg'] for p in inproc):,.1f} s.", ""]
        lines += [f"- {job}: {text}" for job, text in answers[n].items() if text] + [""]
    target = 100_000 if 100_000 in figures else None
    if target:
        rows = figures[target]
        lines += ["## Targets at 100,000 parcels", ""]
        for job in ("farmlandoverlay", "qualitycheck"):
            if rows.get(job, {}).get("builtin"):
                ratio = rows[job]["builtin"]["alg"] / rows[job]["ours"]["alg"]
                lines.append(f"- {job} at least 3× faster than the built-in way: {ratio:.2f}× → "
                             f"{'met' if ratio >= 3 else 'NOT met'}")
        pipeline = [rows[j]["qp"] for j in PIPELINE if rows.get(j, {}).get("qp")]
        wall, peak = sum(p["wall"] for p in pipeline), max((p["rss"] for p in pipeline), default=0)
        lines += [f"- the `make demo` pipeline through qgis_process under 5 minutes and 4 GB: {wall:,.0f} s, peak "
                  f"{peak:,.0f} MiB → {'met' if wall < 300 and peak < 4096 else 'NOT met'}", ""]
    # scaling
    if len(sizes_done) > 1:
        first = sizes_done[0]
        lines += ["## Scaling", "",
                  f"In-process seconds (median) per job, and the growth factor against {first:,} parcels divided by the "
                  "growth in parcels (1.00 = linear, > 1 worse than linear).", "",
                  "| job | " + " | ".join(f"{n:,}" for n in sizes_done) + " | " + " | ".join(
                      f"{n // first}× parcels → time ×/parcels ×" for n in sizes_done[1:]) + " |",
                  "|---|" + "---:|" * (2 * len(sizes_done) - 1)]
        for job in JOBS:
            for way in ("ours", "builtin"):
                values = [figures[n].get(job, {}).get(way) for n in sizes_done]
                if not values[0]:
                    continue
                base = values[0]["alg"]
                label = job if way == "ours" else f"{job} (QGIS built-in)"
                lines.append(f"| {label} | " + " | ".join(fmt(v and v["alg"]) for v in values) + " | " + " | ".join(
                    f"{v['alg'] / base / (n / first):.2f}" if v else "—" for v, n in zip(values[1:], sizes_done[1:])) + " |")
        lines.append("")
    analysis = REPO / "benchmarks" / "analysis.md"  # hand-written reading of the figures, kept across runs
    if analysis.exists():
        lines += [analysis.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines)


def targets(figures, loads) -> list:
    """The county-scale targets (issue #17) against this run's figures: the 300k pipeline through qgis_process,
    and each step's growth from 100k to 300k parcels (in-process seconds of the algorithm alone; its CPU growth
    beside it, which includes QGIS start-up in both)."""
    small, large = figures.get(GROWTH_FROM), figures.get(TARGET_SIZE)
    lines = [f"## Targets (issue #17, {', '.join(TARGET_PIPELINE)})", "",
             "| target | measured | met |", "|---|---|---|"]
    steps = [large.get(j, {}).get("qp") for j in TARGET_PIPELINE] if large else []
    if steps and all(steps):
        wall, cpu = sum(q["wall"] for q in steps), sum(q["cpu"] for q in steps)
        peak = max(q["rss"] for q in steps)
        lines += [f"| {TARGET_SIZE:,} parcels through qgis_process < {TARGET_WALL:.0f} s | {wall:,.1f} s wall "
                  f"({cpu:,.1f} s CPU, load {loads[TARGET_SIZE]:.1f}) | {'yes' if wall < TARGET_WALL else '**no**'} |",
                  f"| … and peak memory < {TARGET_PEAK_MIB / 1024:.0f} GB | {peak:,.0f} MiB "
                  f"| {'yes' if peak < TARGET_PEAK_MIB else '**no**'} |"]
    else:
        lines.append(f"| {TARGET_SIZE:,} parcels through qgis_process | not measured in this run | — |")
    for job in TARGET_PIPELINE:
        a, b = (small or {}).get(job, {}).get("ours"), (large or {}).get(job, {}).get("ours")
        if not (a and b):
            lines.append(f"| {job}: {GROWTH_FROM // 1000}k → {TARGET_SIZE // 1000}k growth ≤ {TARGET_GROWTH}× "
                         "| not measured in this run | — |")
            continue
        growth = b["alg"] / a["alg"]
        lines.append(f"| {job}: {GROWTH_FROM // 1000}k → {TARGET_SIZE // 1000}k growth ≤ {TARGET_GROWTH}× "
                     f"| {a['alg']:,.1f} → {b['alg']:,.1f} s: **{growth:.2f}×** (CPU {a['cpu']:,.1f} → {b['cpu']:,.1f} s: "
                     f"{b['cpu'] / a['cpu']:.2f}×) | {'yes' if growth <= TARGET_GROWTH else '**no**'} |")
    return lines + [""]


JOBS = ("parcelareas", "boundarypoints", "boundarytable", "farmlandoverlay", "qualitycheck", "classify")
TARGET_PIPELINE = ("parcelareas", "boundarypoints", "farmlandoverlay", "qualitycheck", "classify")
TARGET_SIZE, GROWTH_FROM = 300_000, 100_000
TARGET_WALL, TARGET_PEAK_MIB, TARGET_GROWTH = 180.0, 3 * 1024, 3.3
PIPELINE = ("parcelareas", "boundarypoints", "boundarytable", "farmlandoverlay", "qualitycheck", "classify")


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--job", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES") or ",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS") or 3),
                        help="in-process runs per job (medians); sizes of 100k and more run at most 2, 300k once")
    parser.add_argument("--plugin", default=str(REPO), help="plugin checkout to run (default: this one)")
    parser.add_argument("--out", default=str(RESULTS))
    parser.add_argument("--jobs", default=",".join(JOBS), help="jobs to run (default: all)")
    parser.add_argument("--builtin-up-to", type=int, default=int(os.environ.get("BENCH_BUILTIN_UP_TO") or 10**9),
                        help="measure QGIS's built-in way only up to this many parcels (it is the slow half at 300k)")
    parser.add_argument("--note", default="", help="a paragraph to add to the results (e.g. what --plugin holds)")
    args = parser.parse_args(argv)
    if args.job:
        child(json.loads(args.job))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    plugin = Path(args.plugin).resolve()
    commit = subprocess.run(["git", "-C", str(plugin), "log", "-1", "--format=%h %s"], capture_output=True,
                            text=True).stdout.strip() or str(plugin)
    started = datetime.datetime.now()
    runner = Runner(plugin)
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "homestead_cadastre"], env=runner.env,
                             capture_output=True, text=True)
    if enabled.returncode != 0 and "already enabled" not in enabled.stdout + enabled.stderr:
        sys.exit(f"bench: could not enable the plugin in qgis_process:\n{enabled.stdout}{enabled.stderr}")
    available = set(runner.in_process("list")["algorithms"])
    figures, answers, loads, done = {}, {}, {}, []
    for n in sizes:
        data = county_data(n)
        out = DATA / "runs" / str(n)
        out.mkdir(parents=True, exist_ok=True)
        manifest = json.loads(data.with_name(data.stem + ".manifest.json").read_text(encoding="utf-8"))
        runs = 1 if n >= 300_000 else min(args.runs, 2) if n >= 100_000 else args.runs
        loads[n] = os.getloadavg()[0]
        ours_all = our_steps(data, out)
        theirs_all = builtin_steps(data, out) if n <= args.builtin_up_to else {}
        jobs = [j for j in JOBS if j in args.jobs.split(",") and all(a in available for a, _ in ours_all[j])]
        samples = {j: {"ours": [], "builtin": []} for j in jobs}
        for r in range(runs):
            for job in jobs:
                samples[job]["ours"].append(runner.in_process(ours_all[job]))
                if job in theirs_all:
                    samples[job]["builtin"].append(runner.in_process(theirs_all[job]))
                last = samples[job]
                print(f"bench {n:>7,} run {r + 1}/{runs} {job:<16} homestead {last['ours'][-1]['alg']:7.1f} s "
                      f"{last['ours'][-1]['rss']:6.0f} MiB"
                      + (f" | built-in {last['builtin'][-1]['alg']:7.1f} s {last['builtin'][-1]['rss']:6.0f} MiB"
                         if last["builtin"] else ""), flush=True)
        answers[n] = {job: compare(job, data, out) for job in jobs if job in theirs_all}
        figures[n] = {"_runs": runs, "_layers": ", ".join(f"{k} {v:,}" for k, v in manifest["layers"].items() if v)}
        for job in jobs:
            figures[n][job] = {way: {key: med([s[key] for s in values]) for key in ("alg", "cpu", "rss")}
                               for way, values in samples[job].items() if values}
        for job in jobs:  # the pipeline as `make demo` runs it: one qgis_process per algorithm
            figures[n][job]["qp"] = runner.qgis_process(ours_all[job])
            print(f"bench {n:>7,} qgis_process {job:<16} {figures[n][job]['qp']['wall']:7.1f} s "
                  f"{figures[n][job]['qp']['rss']:6.0f} MiB", flush=True)
        done.append(n)
        text = report(done, figures, answers, loads, args.runs, commit, started, args.note)
        Path(args.out).write_text(text, encoding="utf-8")  # after every size: a long run keeps what it measured
    print(Path(args.out).read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
