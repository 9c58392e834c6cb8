#!/usr/bin/env python3
"""Benchmark: homestead:boundarytable (界址点成果表 XLSX) at county scale, optionally against an older checkout.

Not a test. Usage (or `make bench-table`, BENCH_SIZES=10000,30000):

    /usr/bin/python3 benchmarks/bench_table.py [--sizes 10000,30000] [--runs 1] [--baseline REV]
                                               [--plugin DIR] [--out benchmarks/results_table.md]

Data as for benchmarks/bench_county.py (tools/make_village.py --parcels N --farmland-ratio 0.3, cached in
build/bench-data/); the input to boundarytable goes through homestead:parcelareas and homestead:boundarypoints
first with bench_county.py's parameters (`our_steps`; run once per size, not measured). Each measured run is
a fresh Python process that starts QGIS and calls processing.run (bench_county.py's child): wall time of the
algorithm alone, CPU and peak RSS of the whole process (os.wait4; QGIS start-up alone is ~0.3 GB).

Variants:
- "one workbook + CSV": bench_county.py's boundarytable job (OUTPUT_XLSX + OUTPUT_CSV), the way it always ran;
- "per village + CSV": OUTPUT_VILLAGES (one workbook per 地籍子区) + OUTPUT_CSV, no single workbook.

--baseline REV also runs the variants REV's plugin has (exported with `git archive` into build/bench-data/),
alternating with this checkout within each round, so both see the same machine load.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_county as county  # noqa: E402  (benchmarks/bench_county.py: data, child process, measurement)

REPO = county.REPO
RESULTS = REPO / "benchmarks" / "results_table.md"


class Plugin:
    """One checkout of the plugin, linked into its own QGIS plugin folder, run in fresh processes."""

    def __init__(self, label: str, path: Path):
        self.label, self.path = label, path
        self.plugins = county.DATA / f"plugins-table-{label}"
        self.plugins.mkdir(parents=True, exist_ok=True)
        link = self.plugins / "homestead_cadastre"
        if link.is_symlink() and Path(os.readlink(link)) != path:
            link.unlink()
        if not link.exists():
            link.symlink_to(path)
        xdg = county.DATA / "xdg"
        xdg.mkdir(parents=True, exist_ok=True)
        xdg.chmod(0o700)
        self.env = dict(os.environ, QGIS_PLUGINPATH=str(self.plugins), QGIS_CUSTOM_CONFIG_PATH=str(county.DATA / "qgis-config"),
                        QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(xdg), PYTHONDONTWRITEBYTECODE="1")
        self.parameters = set(self.run("params")["params"]) if (path / "processing").exists() else set()

    def run(self, steps) -> dict:
        spec = {"plugins": str(self.plugins), "steps": steps}
        script, flag = (__file__, "--params") if steps == "params" else (county.__file__, "--job")
        result = county.measured([sys.executable, "-P", script, flag, json.dumps(spec)], self.env)
        payload = json.loads(next(line[len(county.MARK):] for line in result["stdout"].splitlines()
                                  if line.startswith(county.MARK)))
        result.update(payload)
        if "seconds" in payload:
            result["alg"] = sum(payload["seconds"])
        return result


def list_parameters(spec: dict) -> None:
    """Child: the parameter names of homestead:boundarytable in this plugin checkout."""
    sys.path.insert(0, spec["plugins"])
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from homestead_cadastre.processing.provider import HomesteadProvider

    provider = HomesteadProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    algorithm = QgsApplication.processingRegistry().algorithmById("homestead:boundarytable")
    print(county.MARK + json.dumps({"params": [p.name() for p in algorithm.parameterDefinitions()]}), flush=True)
    sys.stderr.flush()
    os._exit(0)


def variants(zd: str, zrz: str, out: Path) -> dict:
    common = {"INPUT": zd, "CODE_FIELD": "ZDDM", "OWNER_FIELD": "QLRMC", "BUILDINGS": zrz, "OUTPUT_CSV": str(out / "jzd_table.csv")}
    return {
        "one workbook + CSV": dict(common, OUTPUT_XLSX=str(out / "jzd_table.xlsx")),
        "per village + CSV": dict(common, OUTPUT_VILLAGES=str(out / "villages")),
    }


def outputs(params: dict) -> str:
    """What the run wrote: sheets in the workbook, or workbooks and sheets in the village folder."""

    def sheets(path):
        with zipfile.ZipFile(path) as archive:
            return len(re.findall(rb"<sheet ", archive.read("xl/workbook.xml")))

    if params.get("OUTPUT_XLSX"):
        return f"1 workbook, {sheets(params['OUTPUT_XLSX']):,} sheets"
    folder = Path(params["OUTPUT_VILLAGES"])
    books = sorted(folder.glob("*.xlsx"))
    counts = [sheets(b) for b in books]
    return f"{len(books)} workbooks, {sum(counts):,} sheets (largest {max(counts, default=0)})"


def clear(params: dict) -> None:
    for key in ("OUTPUT_XLSX", "OUTPUT_CSV"):
        if params.get(key):
            Path(params[key]).unlink(missing_ok=True)
    if params.get("OUTPUT_VILLAGES"):
        folder = Path(params["OUTPUT_VILLAGES"])
        for path in folder.glob("*.xlsx"):
            path.unlink()


def prepare(data: Path, out: Path, plugin: Plugin) -> str:
    """parcelareas → boundarypoints (bench_county.py's parameters), once per size: the input of boundarytable."""
    steps = county.our_steps(data, out)
    target = out / "zd_sizhi.gpkg"
    if not target.exists() or target.stat().st_mtime < data.stat().st_mtime:
        print(f"bench-table: preparing {target}", flush=True)
        plugin.run(steps["parcelareas"] + steps["boundarypoints"])
    return str(target)


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--params", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES") or "10000,30000")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS") or 1))
    parser.add_argument("--baseline", help="a git revision to run side by side (e.g. main)")
    parser.add_argument("--plugin", default=str(REPO), help="plugin checkout to measure (default: this one)")
    parser.add_argument("--variants", default="", help="comma-separated variant names to run (default: all)")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    if args.params:
        list_parameters(json.loads(args.params))
        return 0
    started = datetime.datetime.now()
    plugin = Path(args.plugin).resolve()
    commit = subprocess.run(["git", "-C", str(plugin), "log", "-1", "--format=%h %s"], capture_output=True,
                            text=True).stdout.strip() or str(plugin)
    plugins = [Plugin("this", plugin)]
    if args.baseline:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", args.baseline], capture_output=True, text=True,
                             check=True).stdout.strip()
        path = county.DATA / f"baseline-{rev}"
        if not path.exists():
            path.mkdir(parents=True)
            archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(path)], input=archive, check=True)
        plugins.append(Plugin(f"baseline {rev}", path.resolve()))
    wanted = [v for v in args.variants.split(",") if v]
    rows, loads = [], {}
    for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
        data = county.county_data(n)
        out = county.DATA / "runs-table" / str(n)
        out.mkdir(parents=True, exist_ok=True)
        zd = prepare(data, out, plugins[0])
        loads[n] = os.getloadavg()[0]
        samples = {}
        for _ in range(args.runs):
            for name, params in variants(zd, county.layer(data, "ZRZ"), out).items():
                if wanted and name not in wanted:
                    continue
                for plugin in plugins:
                    if not {k for k in params if k.startswith("OUTPUT")} <= plugin.parameters:
                        continue
                    clear(params)
                    result = plugin.run([("homestead:boundarytable", params)])
                    written = outputs(params)
                    samples.setdefault((plugin.label, name), []).append((result, written))
                    print(f"bench-table {n:>7,} {plugin.label:<16} {name:<20} {result['alg']:7.1f} s {result['cpu']:7.1f} s CPU "
                          f"{result['rss']:6.0f} MiB  {written}", flush=True)
        for (label, name), values in samples.items():
            rows.append({"n": n, "plugin": label, "variant": name, "written": values[-1][1], "runs": len(values),
                         **{key: statistics.median(v[0][key] for v in values) for key in ("alg", "cpu", "rss")}})
        Path(args.out).write_text(report(rows, loads, commit, started, argv), encoding="utf-8")
    print(Path(args.out).read_text(encoding="utf-8"))
    return 0


def report(rows, loads, commit, started, argv) -> str:
    lines = [
        "# 界址点成果表 benchmark (benchmarks/bench_table.py, `make bench-table`)", "",
        f"Run {started:%Y-%m-%d %H:%M} – {datetime.datetime.now():%H:%M}; machine: {county.machine()}; {county.versions()}; "
        f"plugin at {commit}. Command: `/usr/bin/python3 benchmarks/bench_table.py {' '.join(argv)}`.", "",
        "Other jobs share the 2 cores: load average (1 min) before each size: "
        + ", ".join(f"{n:,}: {load:.1f}" for n, load in loads.items()) + ". Absolute seconds vary with it.", "",
        "Input: `tools/make_village.py --parcels N --farmland-ratio 0.3` (villages of ~400 parcels) through homestead:parcelareas "
        "and homestead:boundarypoints (bench_county.py's parameters); houses from ZRZ. Each run a fresh process: seconds of "
        "processing.run alone, CPU and peak RSS of the whole process (QGIS start-up ~0.3 GB included). Medians where runs > 1.", "",
        "| parcels | plugin | output | s | CPU s | peak RSS MiB | s per 1,000 parcels | written | runs |",
        "|---:|---|---|---:|---:|---:|---:|---|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['plugin']} | {r['variant']} | {r['alg']:,.1f} | {r['cpu']:,.1f} | {r['rss']:,.0f} | "
                     f"{1000 * r['alg'] / r['n']:.2f} | {r['written']} | {r['runs']} |")
    lines.append("")
    sizes = sorted({r["n"] for r in rows})
    if len(sizes) > 1:
        lines += [f"Growth from {sizes[0]:,} to {sizes[-1]:,} parcels ({sizes[-1] / sizes[0]:.0f}×; linear = ×{sizes[-1] / sizes[0]:.0f} "
                  "at most, less where fixed costs such as QGIS start-up count): seconds, CPU seconds (less sensitive to "
                  "the other jobs' load), peak RSS", ""]
        for (label, name) in sorted({(r["plugin"], r["variant"]) for r in rows}):
            first = next((r for r in rows if r["n"] == sizes[0] and (r["plugin"], r["variant"]) == (label, name)), None)
            last = next((r for r in rows if r["n"] == sizes[-1] and (r["plugin"], r["variant"]) == (label, name)), None)
            if first and last:
                lines.append(f"- {label}, {name}: seconds ×{last['alg'] / first['alg']:.2f}, CPU ×{last['cpu'] / first['cpu']:.2f}, "
                             f"peak RSS ×{last['rss'] / first['rss']:.2f}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
