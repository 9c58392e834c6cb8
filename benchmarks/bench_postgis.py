#!/usr/bin/env python3
"""Benchmark: the 100 000-parcel county in PostGIS next to the GeoPackage (the local path), and several
reviewers deciding at once.

Not a test: it measures wall-clock time on this machine. Needs a PostgreSQL + PostGIS server named by
HC_TEST_PG (a superuser's libpq conninfo); `make bench-postgis` starts a throwaway one on 127.0.0.1 with
tools/pg_test_server.sh. Usage:

    HC_TEST_PG="host=... user=postgres dbname=postgres" /usr/bin/python3 benchmarks/bench_postgis.py [OUT.md]
        [--parcels 100000] [--farmland-ratio 0.3] [--rounds 3] [--reviewers 16] [--decisions 100] [--hot 200]
    tools/pg_test_server.sh run -- /usr/bin/python3 benchmarks/bench_postgis.py OUT.md --parcels 10000

Steps: generate the county with tools/make_village.py (the data of `make bench`; cached in build/bench/),
create a survey schema with homestead:createproject and copy the GeoPackage into it (tools/pg_load.py); then
run homestead:qualitycheck, homestead:farmlandoverlay and homestead:classify on the GeoPackage and on the
PostGIS layers — and, for the algorithms that offer it (parameter IN_DATABASE), with the overlays in the
database — ``--rounds`` times each, the order rotating, and check that every way and run gives the same
results; time QGIS's built-in native:intersection ZD × JBNT on both for reference and compare its pieces; then
the concurrent-review load (benchmarks/review_load.py) with its verification and the audit count. Writes OUT.md
(default benchmarks/results_postgis.md), keeping its hand-written "## Reading" section.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "build" / "bench"
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "benchmarks"))


def setup_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    xdg = REPO / "build" / "xdg"
    xdg.mkdir(parents=True, exist_ok=True)
    xdg.chmod(0o700)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(xdg))
    plugins = REPO / "build" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    if not (plugins / "homestead_cadastre").exists():
        os.symlink(REPO, plugins / "homestead_cadastre")
    sys.path.insert(0, str(plugins))
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    from homestead_cadastre.processing.provider import HomesteadProvider

    Processing.initialize()
    provider = HomesteadProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def county(parcels: int, farmland_ratio: float) -> Path:
    path = BENCH / f"county_{parcels}_f{farmland_ratio:g}.gpkg"
    if not path.exists():
        BENCH.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(REPO / "tools" / "make_village.py"), str(path), "--parcels", str(parcels),
                        "--farmland-ratio", str(farmland_ratio)], check=True)
    return path


class Timer:
    def __init__(self):
        self.rows = []

    def __call__(self, label, function):
        started = time.perf_counter()
        value = function()
        seconds = time.perf_counter() - started
        self.rows.append((label, seconds))
        print(f"  {label:<70} {seconds:8.1f} s", flush=True)
        return value

    def get(self, label):
        return next(seconds for name, seconds in self.rows if name == label)


def layer_opener(conninfo, schema_name, gpkg):
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    from homestead_cadastre.cadastre import schema

    def pg(name):
        uri = QgsDataSourceUri(conninfo)
        geometry = None if schema.LAYERS[name].geometry == schema.NONE else "geom"
        uri.setDataSource(schema_name, name, geometry, "", "fid")
        layer = QgsVectorLayer(uri.uri(False), name, "postgres")
        assert layer.isValid(), name
        return layer

    def local(name):
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        assert layer.isValid(), name
        return layer

    return pg, local


def plain(value):
    """An attribute value as Python: None for NULL (a QVariant, which neither rounds nor sorts), floats rounded
    to 0.01 (m², ratios) so that the last bits of GEOS on either side do not count as a difference."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, float):
        return round(value, 2)
    return value


def findings(path_or_layer):
    """Sorted (rule, fids, related fids, rounded value) of a quality-check output."""
    from qgis.core import QgsVectorLayer

    layer = path_or_layer if isinstance(path_or_layer, QgsVectorLayer) else QgsVectorLayer(path_or_layer, "f", "ogr")
    return sorted(tuple(plain(f[n]) for n in ("RULE_ID", "FIDS", "REL_FIDS", "VALUE")) for f in layer.getFeatures())


def by_fid(layer, names):
    return {f["fid"]: tuple(plain(f[n]) for n in names) for f in layer.getFeatures()}


def wkb_megabytes(conninfo, schema_name, tables):
    import psycopg2

    con = psycopg2.connect(conninfo)
    try:
        with con.cursor() as cur:
            sizes = {}
            for table in tables:
                cur.execute(f'SELECT coalesce(sum(octet_length(ST_AsBinary(geom))), 0) FROM "{schema_name}"."{table}"')
                sizes[table] = cur.fetchone()[0] / 1e6
    finally:
        con.close()
    return sizes


def overlap_rows(layer):
    """Sorted (parcel fid, patch fid, area to 0.01 m²) of farmlandoverlay's OUTPUT_OVERLAPS."""
    return sorted((f["ZD_FID"], f["JBNT_FID"], plain(f["TXMJ"])) for f in layer.getFeatures())


def builtin_pieces(layer, left_fid="fid", right_fid="fid_2"):
    """{(parcel fid, patch fid): area} of a native:intersection output (its pieces summed per pair; pieces
    of no area — where a parcel only touches a patch — left out as homestead's overlay leaves them out)."""
    areas = {}
    for f in layer.getFeatures():
        area = f.geometry().area()
        if area > 5e-5:  # cadastre.overlay.NOISE_AREA
            key = (f[left_fid], f[right_fid])
            areas[key] = areas.get(key, 0.0) + area
    return areas


def machine():
    """CPU model, cores and memory of this machine, from /proc."""
    model, memory = platform.processor() or platform.machine(), ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 ** 2:.0f} GiB RAM"
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores{memory}, {platform.platform()}"


def load_average():
    return os.getloadavg()[0]


def plugin_commit():
    def git(*args):
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return f"{commit}{' + uncommitted changes' if dirty else ''}" if commit else "unknown"


def median(values):
    return statistics.median(values)


class ServerCpu:
    """CPU seconds the database server has used so far: its postmaster's own and its reaped children's
    (utime, stime, cutime, cstime), plus its live children's (the backends, parallel workers). The server is a
    process on this machine (tools/pg_test_server.sh); found from a backend's parent."""

    def __init__(self, conninfo):
        import psycopg2

        con = psycopg2.connect(conninfo)
        try:
            with con.cursor() as cur:
                cur.execute("SELECT pg_backend_pid()")
                backend = cur.fetchone()[0]
            self.postmaster = int(_stat(backend)[1])  # ppid
        finally:
            con.close()
        self.tick = os.sysconf("SC_CLK_TCK")

    def seconds(self):
        total = 0
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                fields = _stat(int(entry.name))
            except OSError:  # gone meanwhile
                continue
            pid, ppid = int(entry.name), int(fields[1])
            if pid == self.postmaster:
                total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
            elif ppid == self.postmaster:
                total += int(fields[11]) + int(fields[12])
        return total / self.tick


def _stat(pid):
    """/proc/PID/stat fields after the command name: state, ppid, ... (utime is [11], stime [12])."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2:].split()


class Runs:
    """Wall-clock and CPU seconds of each algorithm each way, over several rounds, and the load average before
    each. CPU: this process's (QGIS, all threads) and the database server's, which load from other jobs on the
    machine changes less than wall-clock time."""

    def __init__(self, server_cpu=None):
        self.seconds = {}  # (label, way) -> [s, ...]
        self.cpu = {}  # (label, way) -> [(QGIS s, server s), ...]
        self.loads = []
        self.run_loads = {}  # (label, way) -> [load average before each run]
        self.order = []  # (label, way) in first-seen order
        self.server_cpu = server_cpu

    def __call__(self, label, way, function):
        self.loads.append(load_average())
        server0 = self.server_cpu.seconds() if self.server_cpu else 0.0
        cpu0 = time.process_time()
        started = time.perf_counter()
        value = function()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu0
        server = (self.server_cpu.seconds() if self.server_cpu else 0.0) - server0
        key = (label, way)
        if key not in self.seconds:
            self.seconds[key] = []
            self.cpu[key] = []
            self.order.append(key)
        self.seconds[key].append(seconds)
        self.run_loads.setdefault(key, []).append(self.loads[-1])
        self.cpu[key].append((cpu, server))
        print(f"  {label}: {way:<36} {seconds:7.1f} s  CPU {cpu:6.1f} + server {server:6.1f} s  "
              f"(load {self.loads[-1]:.1f})", flush=True)
        return value

    def median(self, label, way):
        found = self.seconds.get((label, way))
        return median(found) if found else None

    def cpu_median(self, label, way):
        """(median QGIS CPU s, median server CPU s, median of their sums)."""
        found = self.cpu[(label, way)]
        return median(c for c, _ in found), median(s for _, s in found), median(c + s for c, s in found)


def feedback_class():
    from qgis.core import QgsProcessingFeedback

    class Said(QgsProcessingFeedback):
        """Feedback that keeps what the algorithm said (to tell which way its overlays ran)."""

        def __init__(self):
            super().__init__()
            self.said = []

        def pushInfo(self, info):  # noqa: N802 (QGIS API name)
            self.said.append(info)

    return Said


GEOPACKAGE, PG_QGIS, PG_DATABASE = "GeoPackage", "PostGIS, overlays in QGIS", "PostGIS, overlays in the database"
BUILTIN_GPKG, BUILTIN_PG = "built-in, GeoPackage", "built-in, PostGIS"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default=str(REPO / "benchmarks" / "results_postgis.md"))
    parser.add_argument("--parcels", type=int, default=100_000)
    parser.add_argument("--farmland-ratio", type=float, default=0.3,
                        help="farmland patches per parcel (tools/make_village.py; `make bench` uses 0.3)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each algorithm each way (medians reported)")
    parser.add_argument("--reviewers", type=int, default=16)
    parser.add_argument("--decisions", type=int, default=100, help="decisions each reviewer makes")
    parser.add_argument("--hot", type=int, default=200, help="parcels the reviewers decide on")
    args = parser.parse_args()
    conninfo = os.environ.get("HC_TEST_PG")
    if not conninfo:
        sys.exit("bench_postgis: HC_TEST_PG is not set; run `make bench-postgis`")
    import psycopg2

    started_at = datetime.datetime.now()
    loads = {"start": load_average()}
    app, provider = setup_qgis()
    import pg_load
    import processing
    import review_load
    from osgeo import gdal
    from qgis.core import Qgis, QgsApplication, QgsFeatureRequest, QgsProcessingContext

    from homestead_cadastre.processing.library import postgis

    Said = feedback_class()  # noqa: N806 (a class)
    timer = Timer()
    runs = Runs(ServerCpu(conninfo))
    gpkg = timer("generate the county (tools/make_village.py; cached)", lambda: county(args.parcels, args.farmland_ratio))
    admin = psycopg2.connect(conninfo)
    admin.autocommit = True
    database = f"hc_bench_{uuid.uuid4().hex[:8]}"
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{database}"')
    db = " ".join(part for part in conninfo.split() if not part.startswith("dbname=")) + f" dbname={database}"
    with psycopg2.connect(db) as con, con.cursor() as cur:  # the administrator's step
        cur.execute("CREATE EXTENSION postgis")
        cur.execute("SELECT version(), postgis_lib_version(), postgis_geos_version(), "
                    "current_setting('max_parallel_workers_per_gather'), current_setting('shared_buffers'), "
                    "current_setting('work_mem')")
        version, postgis_version, server_geos, parallel, shared_buffers, work_mem = cur.fetchone()
    server = {"version": version.split(",")[0], "postgis": postgis_version, "geos": server_geos,
              "settings": f"max_parallel_workers_per_gather {parallel}, shared_buffers {shared_buffers}, "
                          f"work_mem {work_mem}, fsync off"}
    os.environ.setdefault("PGUSER", dict(p.split("=", 1) for p in conninfo.split()).get("user", "postgres"))
    name, prefix = "county", f"bench{uuid.uuid4().hex[:6]}"
    same = {}  # label -> (all ways equal, what was compared)
    builtin_check = ""
    try:
        timer("homestead:createproject into PostGIS (schema, roles, styles, project)", lambda: processing.run(
            "homestead:createproject", {"CRS": "EPSG:4525", "DATABASE": db, "SCHEMA": name, "ROLE_PREFIX": prefix}))
        counts = timer("copy the GeoPackage into the schema (tools/pg_load.py, GDAL COPY)",
                       lambda: pg_load.load(str(gpkg), db, name))
        with psycopg2.connect(db) as con, con.cursor() as cur:
            cur.execute(f'ANALYZE "{name}"."ZD"; ANALYZE "{name}"."ZRZ"; ANALYZE "{name}"."JBNT"; ANALYZE "{name}"."DXT_FW"')
        sizes = wkb_megabytes(db, name, ("ZD", "ZRZ", "JBNT", "DXT_FW"))
        pg, local = layer_opener(db, name, gpkg)
        registry = QgsApplication.processingRegistry()

        def ways_of(algorithm):
            """The ways to run ``algorithm``: the database way only where it has the IN_DATABASE parameter."""
            found = [(GEOPACKAGE, local, {}), (PG_QGIS, pg, {})]
            if registry.algorithmById(algorithm).parameterDefinition("IN_DATABASE") is not None:
                found[1] = (PG_QGIS, pg, {"IN_DATABASE": postgis.IN_DATABASE_NO})
                found.append((PG_DATABASE, pg, {"IN_DATABASE": postgis.IN_DATABASE_YES}))
            return found

        def each_way(label, algorithm, inputs, extra, compare, what):
            """Run ``algorithm`` every way, ``args.rounds`` times, the order rotating per round; compare every
            run's results (``compare(outputs)``) with the first GeoPackage run's."""
            ways = ways_of(algorithm)
            reference, equal = None, True
            for r in range(args.rounds):  # round 0 starts with the GeoPackage: the reference
                for way, opener, more in ways[r % len(ways):] + ways[:r % len(ways)]:
                    params = dict({key: opener(layer) for key, layer in inputs.items()}, **extra, **more)
                    feedback = Said()
                    out = runs(label, way, lambda p=params, f=feedback: processing.run(algorithm, p, feedback=f))
                    if way == PG_DATABASE and not any("in the database" in m for m in feedback.said):
                        raise RuntimeError(f"{label}: IN_DATABASE=1 did not overlay in the database: {feedback.said}")
                    value = compare(out)
                    del out, params
                    if reference is None:
                        reference = value
                    elif value != reference:
                        equal = False
                        print(f"  {label}: {way} differs from the GeoPackage's results", flush=True)
            same[label] = (equal, what(reference))
            print(f"  {label}: same results every way and run: {equal}", flush=True)

        each_way("homestead:qualitycheck (all rules)", "homestead:qualitycheck",
                 {"PARCELS": "ZD", "BUILDINGS": "ZRZ", "FARMLAND": "JBNT", "BASEMAP": "DXT_FW", "HOUSEHOLDS": "QLR"},
                 {"OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"}, lambda out: findings(out["OUTPUT"]),
                 lambda rows: f"{len(rows):,} findings ("
                              + ", ".join(f"{k} {v:,}" for k, v in Counter(r[0] for r in rows).most_common())
                              + "), each compared as (RULE_ID, FIDS, REL_FIDS, VALUE to 0.01)")
        each_way("homestead:farmlandoverlay (with houses)", "homestead:farmlandoverlay",
                 {"INPUT": "ZD", "FARMLAND": "JBNT", "BUILDINGS": "ZRZ"}, {"OUTPUT": "memory:", "OUTPUT_OVERLAPS": "memory:"},
                 lambda out: (by_fid(out["OUTPUT"], ("ZYJBNTMJ", "ZYJBNTBL", "JBNTBH", "FWZJBNT")),
                              overlap_rows(out["OUTPUT_OVERLAPS"])),
                 lambda value: f"{len(value[0]):,} parcels compared by fid as (ZYJBNTMJ, ZYJBNTBL, JBNTBH, FWZJBNT), "
                               f"{len(value[1]):,} overlaps as (ZD_FID, JBNT_FID, TXMJ); areas and shares to 0.01")
        each_way("homestead:farmlandoverlay (no houses)", "homestead:farmlandoverlay",
                 {"INPUT": "ZD", "FARMLAND": "JBNT"}, {"OUTPUT": "memory:", "OUTPUT_OVERLAPS": "memory:"},
                 lambda out: (by_fid(out["OUTPUT"], ("ZYJBNTMJ", "ZYJBNTBL", "JBNTBH")), overlap_rows(out["OUTPUT_OVERLAPS"])),
                 lambda value: f"{len(value[0]):,} parcels compared by fid as (ZYJBNTMJ, ZYJBNTBL, JBNTBH), "
                               f"{len(value[1]):,} overlaps as (ZD_FID, JBNT_FID, TXMJ); areas and shares to 0.01")
        each_way("homestead:classify (with farmland)", "homestead:classify",
                 {"INPUT": "ZD", "FARMLAND": "JBNT"}, {"POLICY": "louxing_2020", "OUTPUT": "memory:"},
                 lambda out: by_fid(out["OUTPUT"], ("LB", "DJMJ", "CZMJ", "ZYJBNTMJ")),
                 lambda rows: f"{len(rows):,} parcels compared by fid as (LB, DJMJ, CZMJ, ZYJBNTMJ), areas to 0.01 "
                              f"(classes: " + ", ".join(f"{k}: {v:,}" for k, v in sorted(
                                  Counter(str(r[0]) for r in rows.values()).items())) + ")")

        # QGIS's built-in way to the farmland overlay, for reference: native:intersection ZD × JBNT
        skip_invalid = QgsProcessingContext()  # the county has planted invalid parcels: the built-in way stops at them
        skip_invalid.setInvalidGeometryCheck(QgsFeatureRequest.GeometrySkipInvalid)
        builtin = {}
        for r in range(args.rounds):
            for way, opener in ((BUILTIN_GPKG, local), (BUILTIN_PG, pg))[::1 if r % 2 == 0 else -1]:
                params = {"INPUT": opener("ZD"), "OVERLAY": opener("JBNT"), "INPUT_FIELDS": ["fid", "ZDDM"],
                          "OVERLAY_FIELDS": ["fid", "JBNTTBBH"], "OUTPUT": "memory:"}
                out = runs("native:intersection ZD × JBNT", way,
                           lambda p=params: processing.run("native:intersection", p, context=skip_invalid))
                if way not in builtin:
                    builtin[way] = builtin_pieces(out["OUTPUT"])
                del out, params
        # against homestead's overlaps (from the GeoPackage), on the parcels and patches both ways see: valid ones
        ours_out = processing.run("homestead:farmlandoverlay", {"INPUT": local("ZD"), "FARMLAND": local("JBNT"),
                                                                "OUTPUT": "memory:", "OUTPUT_OVERLAPS": "memory:"})
        ours = {(f["ZD_FID"], f["JBNT_FID"]): f["TXMJ"] for f in ours_out["OUTPUT_OVERLAPS"].getFeatures()}
        del ours_out
        invalid = {f.id() for f in local("ZD").getFeatures() if not f.geometry().isGeosValid()}
        invalid_patches = {f.id() for f in local("JBNT").getFeatures() if not f.geometry().isGeosValid()}
        ours_valid = {k: v for k, v in ours.items() if k[0] not in invalid and k[1] not in invalid_patches}
        b_gpkg, b_pg = builtin[BUILTIN_GPKG], builtin[BUILTIN_PG]
        keys = set(ours_valid) | set(b_gpkg)
        worst = max((abs(ours_valid.get(k, 0.0) - b_gpkg.get(k, 0.0)) for k in keys), default=0.0)
        builtin_check = (
            f"built-in pairs {len(b_gpkg):,} (GeoPackage) and {len(b_pg):,} (PostGIS), "
            f"{'the same pairs and areas' if b_gpkg.keys() == b_pg.keys() and all(abs(b_gpkg[k] - b_pg[k]) < 0.005 for k in b_gpkg) else 'DIFFERENT'}"
            f"; homestead's overlaps of the valid parcels and patches {len(ours_valid):,} "
            f"({len(invalid)} invalid parcels and {len(invalid_patches)} invalid patches, which the built-in way "
            f"skips and homestead repairs, left out); pairs in common {len(set(ours_valid) & set(b_gpkg)):,}; "
            f"largest area difference per pair {worst:.4f} m² (total {sum(ours_valid.values()):,.2f} vs "
            f"{sum(b_gpkg.values()):,.2f} m²)")
        print(f"  built-in check: {builtin_check}", flush=True)
        del builtin, ours, ours_valid, b_gpkg, b_pg

        # the concurrent-review load, on the county's first parcels
        logins = []
        with admin.cursor() as cur:
            for k in range(2):
                login = f"{prefix}_person{k}"
                cur.execute(f'CREATE ROLE "{login}" LOGIN IN ROLE "{prefix}_reviewer"')
                logins.append(" ".join(p for p in db.split() if not p.startswith("user=")) + f" user={login}")
        with psycopg2.connect(db) as con, con.cursor() as cur:
            cur.execute(f'SELECT fid FROM "{name}"."ZD" ORDER BY fid LIMIT %s', (args.hot,))
            hot = [row[0] for row in cur.fetchall()]
            cur.execute(f'SELECT count(*) FROM "{name}"."SHJL"')
            audit_before = cur.fetchone()[0]
        loads["load test"] = load_average()
        load = review_load.run_load(psycopg2, logins, name, hot, reviewers=args.reviewers,
                                    decisions_each=args.decisions, contention_rounds=10, timeout=600)
        problems = review_load.verify(psycopg2, db, name, hot, load)
        with psycopg2.connect(db) as con, con.cursor() as cur:
            cur.execute(f'SELECT count(*), count(DISTINCT "ZDDM") FROM "{name}"."SHJL"')
            audit_after, audited_parcels = cur.fetchone()
            cur.execute(f'SELECT count(*) FROM "{name}"."ZD" WHERE fid = ANY(%s) AND "BBH" > 1', (hot,))
            decided_parcels = cur.fetchone()[0]
            cur.execute(f'SELECT coalesce(sum("BBH" - 1), 0) FROM "{name}"."ZD"')
            version_steps = cur.fetchone()[0]
        audit = {"before": audit_before, "added": audit_after - audit_before, "parcels": audited_parcels,
                 "decided parcels": decided_parcels, "version steps": version_steps}
        print(f"  load: {len(load.decisions)} decisions accepted, {load.conflicts} refused, {load.given_up} given up, "
              f"{audit['added']} audit rows added, {load.seconds:.1f} s, {len(problems)} problems", flush=True)
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            for role in ("reviewer", "surveyor", "readonly"):
                for k in range(2):
                    cur.execute(f'DROP ROLE IF EXISTS "{prefix}_person{k}"')
                cur.execute(f'DROP ROLE IF EXISTS "{prefix}_{role}"')
        admin.close()
    loads["end"] = load_average()
    QgsApplication.processingRegistry().removeProvider(provider)
    versions = {"qgis": Qgis.QGIS_VERSION, "gdal": gdal.__version__, "python": platform.python_version()}
    write_report(args, started_at, timer, runs, counts, sizes, same, builtin_check, load, problems, audit, server,
                 versions, loads)
    app.exitQgis()


READING = "## Reading"


def kept_reading(out):
    """The hand-written "## Reading" section of an earlier report, kept across runs (up to the next "## " or
    "**Concurrent review**"), or a placeholder."""
    path = Path(out)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(f"\n{READING}\n")
    if start < 0:
        return f"{READING}\n\n(Not written yet: read the figures above, then say here what they mean.)\n"
    rest = text[start + 1:]
    ends = [i for i in (rest.find("\n## ", 1), rest.find("\n**Concurrent review**")) if i >= 0]
    return rest[:min(ends)].rstrip() + "\n" if ends else rest.rstrip() + "\n"


def write_report(args, started_at, timer, runs, counts, sizes, same, builtin_check, load, problems, audit, server,
                 versions, loads):
    import shapely

    all_loads = runs.loads + list(loads.values())
    busy = max(all_loads) > 1.5
    lines = [
        "# Benchmark: the survey in PostGIS next to the GeoPackage",
        "",
        f"Command: `make bench-postgis` (`benchmarks/bench_postgis.py --parcels {args.parcels} --farmland-ratio "
        f"{args.farmland_ratio:g} --rounds {args.rounds} "
        f"--reviewers {args.reviewers} --decisions {args.decisions} --hot {args.hot}`), run "
        f"{started_at:%Y-%m-%d %H:%M} – {datetime.datetime.now():%H:%M}, plugin at {plugin_commit()}.",
        "",
        f"Machine: {machine()}; QGIS, the benchmark and the database server share these cores. QGIS "
        f"{versions['qgis']}, Python {versions['python']}, GDAL {versions['gdal']}, shapely {shapely.__version__} "
        f"(GEOS {'.'.join(map(str, shapely.geos_version))}); {server['version']}, PostGIS {server['postgis']} "
        f"(GEOS {server['geos']}) on 127.0.0.1 (tools/pg_test_server.sh: {server['settings']}).",
        "",
        f"Load average (1 min): {loads['start']:.1f} at the start, {min(runs.loads):.1f} – {max(runs.loads):.1f} "
        f"before the timed runs, {loads['load test']:.1f} before the load test, {loads['end']:.1f} at the end. "
        + (("Other jobs shared the machine heavily (a load of 3 or more on 2 cores): wall-clock seconds are "
            "inflated, by up to 2–3× where the load was highest, and vary from round to round as the load drifts; "
            "the CPU columns, measured under the same load for every way of a round, are the steadier measure for the "
            "ratios (though CPU seconds too grow under load on this virtual machine)." if max(all_loads) >= 3 else
            "Other jobs shared the machine for part of the run (a load above 1.5 on 2 cores): wall-clock seconds "
            "may be ±20 % or more off; the ways alternate within a round and the CPU columns suffer less.")
           if busy else "The machine was otherwise quiet."),
        "",
        f"Data: the generated county (`tools/make_village.py --parcels {args.parcels} --farmland-ratio "
        f"{args.farmland_ratio:g}`, seed 20200513, the data of `make bench`; cached in build/bench/): "
        + ", ".join(f"{k} {v:,}" for k, v in counts.items() if v) + " features; geometry as WKB: "
        + ", ".join(f"{k} {v:.1f} MB" for k, v in sizes.items()) + ". The same file is the GeoPackage way's input "
        "and was copied into the PostGIS schema with its feature ids (tools/pg_load.py).",
        "",
        "| step | seconds |",
        "|---|---:|",
    ]
    lines += [f"| {label} | {seconds:.1f} |" for label, seconds in timer.rows]
    lines += [
        "",
        f"Wall-clock seconds, medians of {args.rounds} runs each (one QGIS process; each run opens its layers afresh "
        "and writes to memory layers; the order of the ways rotates from round to round). Ratio = the way's median "
        "over the GeoPackage's. CPU = seconds of CPU used meanwhile by this QGIS process (all its threads) and by "
        "the database server (its backends and parallel workers, from /proc), medians: a measure that other jobs "
        "on the machine disturb less than wall-clock time, though not at all: on this virtual machine CPU seconds "
        "too grow when the cores are contended.",
        "",
        "| algorithm | way | median s | runs s (load before) | ratio to GeoPackage | CPU s: QGIS + server = total | CPU ratio |",
        "|---|---|---:|---|---:|---:|---:|",
    ]
    for label, way in runs.order:
        values = runs.seconds[(label, way)]
        base_way = BUILTIN_GPKG if way.startswith("built-in") else GEOPACKAGE
        base = runs.median(label, base_way)
        cpu, server, total = runs.cpu_median(label, way)
        lines.append(f"| {label} | {way} | {median(values):.1f} | {', '.join(f'{v:.1f} ({w:.1f})' for v, w in zip(values, runs.run_loads[(label, way)]))} | "
                     f"{median(values) / base:.2f}× | {cpu:.1f} + {server:.1f} = {total:.1f} | "
                     f"{total / runs.cpu_median(label, base_way)[2]:.2f}× |")
    lines.append("")
    for label, (equal, what) in same.items():
        here, local, there = runs.median(label, PG_QGIS), runs.median(label, GEOPACKAGE), runs.median(label, PG_DATABASE)
        text = (f"- **{label}**: GeoPackage {local:.1f} s, PostGIS {here:.1f} s with the overlays in QGIS "
                f"({here / local:.2f}×)")
        if there is not None:
            text += f", {there:.1f} s with the overlays in the database ({there / local:.2f}×)"
        else:
            text += " (this algorithm has no database way: it always overlays in QGIS)"
        text += "; CPU (QGIS + server) " + ", ".join(
            f"{runs.cpu_median(label, way)[2]:.1f} s" for way in (GEOPACKAGE, PG_QGIS, PG_DATABASE)
            if runs.median(label, way) is not None)
        text += (f". Same results every way and every run: **{'yes' if equal else 'NO'}** — {what}, each run's "
                 "results against the first GeoPackage run's.")
        lines.append(text)
    builtin_gpkg = runs.median("native:intersection ZD × JBNT", BUILTIN_GPKG)
    builtin_pg = runs.median("native:intersection ZD × JBNT", BUILTIN_PG)
    farmland = "homestead:farmlandoverlay (no houses)"
    lines.append(
        f"- **QGIS built-in for reference** (native:intersection ZD × JBNT, invalid geometries skipped, writing the "
        f"overlap pieces only; their areas not yet computed nor summed per parcel): {builtin_gpkg:.1f} s on the "
        f"GeoPackage, {builtin_pg:.1f} s on the PostGIS tables; homestead:farmlandoverlay without houses (which "
        f"also writes every parcel with ZYJBNTMJ, ZYJBNTBL, JBNTBH) {runs.median(farmland, GEOPACKAGE):.1f} s / "
        f"{runs.median(farmland, PG_QGIS):.1f} s. Results: {builtin_check}.")
    lines += ["", kept_reading(args.out), ""]
    lines += [
        f"**Concurrent review**: {args.reviewers} reviewers (threads in one process, each with its own connection, "
        f"logged in as one of two login roles of the reviewer role, on loopback) on {args.hot} parcels: 10 rounds "
        f"in which all read the same parcel, wait for one another, then all write it (exactly one may win), then "
        f"{args.decisions} decisions each on parcels drawn at random (read, 0–2 ms thinking, write with the row "
        f"version read; a refused decision is read again and decided again, at most 50 times). Bounded: at most "
        f"600 s. Duration {load.seconds:.1f} s.",
        "",
        f"- decisions attempted {load.attempts:,} = accepted {len(load.decisions):,} + refused by the row version "
        f"{load.conflicts:,} (all refused ones re-read and decided again; given up {load.given_up}); of the "
        f"refusals {sum(r for _, r in load.contention_rounds):,} in the contention rounds, "
        f"{load.conflicts - sum(r for _, r in load.contention_rounds):,} among the random decisions",
        f"- accepted = {args.reviewers} × {args.decisions} random decisions + 10 contention winners = "
        f"{args.reviewers * args.decisions + 10:,} expected: "
        f"**{'yes' if len(load.decisions) == args.reviewers * args.decisions + 10 else 'NO'}**",
        "- contention rounds (won/refused: rounds): " + ", ".join(
            f"{a}/{r}: {n}" for (a, r), n in sorted(Counter(load.contention_rounds).items())),
        f"- audit rows (SHJL) written during the load {audit['added']:,} (before: {audit['before']:,}) for "
        f"{len(load.decisions):,} accepted decisions: "
        f"**{'equal' if audit['added'] == len(load.decisions) else 'NOT EQUAL'}**; row-version steps on ZD "
        f"(sum of BBH − 1) {audit['version steps']:,}; parcels decided {audit['decided parcels']} of {args.hot}",
        f"- throughput {len(load.decisions) / load.seconds:.0f} accepted decisions/s",
        "- verification (review_load.verify, read back from the database): the audit table holds exactly the "
        "accepted decisions (parcel, token, version, reviewer, login), each once; per parcel the accepted versions "
        "run 2, 3, … without a gap; every decision was made on the state the previous one left (no lost update); "
        "each parcel's final state is its last decision; the audit rows chain old → new: "
        + ("**nothing lost, no problem**." if not problems else f"**{len(problems)} problems**: {problems[:3]}"),
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"bench_postgis: wrote {args.out}")


if __name__ == "__main__":
    main()
