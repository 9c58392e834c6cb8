"""The check algorithms under qgis_process, as `make demo` runs them (QGIS's own GEOS is loaded there first)."""
import json
import os
import shutil
import subprocess

import pytest
from conftest import PLUGINS
from gpkg import write_layer

QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
E0, N0 = 37_597_000.0, 3_069_000.0


@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process is not installed")
def test_overlay_and_check_under_qgis_process(tmp_path):
    data = str(tmp_path / "v.gpkg")
    square = "POLYGON(({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))"
    write_layer(data, "ZD", 4525, "multipolygon", {"ZDDM": "text"}, [
        {"ZDDM": f"430103001001JC0000{i}", "wkt": square.format(x=E0 + 10 * i, y=N0, x2=E0 + 10 * i + 10.5, y2=N0 + 10)}
        for i in (1, 2)])  # 0.5 m overlap
    write_layer(data, "JBNT", 4525, "multipolygon", {"JBNTTBBH": "text"},
                [{"JBNTTBBH": "T1", "wkt": square.format(x=E0 + 15, y=N0 + 5, x2=E0 + 40, y2=N0 + 40)}])
    xdg = tmp_path / "xdg"
    xdg.mkdir(mode=0o700)
    env = dict(os.environ, QGIS_PLUGINPATH=str(PLUGINS), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(xdg))
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "homestead_cadastre"], env=env, capture_output=True, timeout=300)

    def run(algorithm, *params):
        done = subprocess.run([QGIS_PROCESS, "--json", "run", f"homestead:{algorithm}", "--", *params], env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        return json.loads(done.stdout)["results"]

    overlay = run("farmlandoverlay", f"INPUT={data}|layername=ZD", f"FARMLAND={data}|layername=JBNT",
                  f"OUTPUT={tmp_path / 'o.gpkg'}", f"OUTPUT_OVERLAPS={tmp_path / 'ov.gpkg'}")
    assert os.path.exists(overlay["OUTPUT_OVERLAPS"])
    check = run("qualitycheck", f"PARCELS={data}|layername=ZD", f"FARMLAND={data}|layername=JBNT", "RULES=ZD_OVERLAP",
                "RULES=ZD_JBNT", f"OUTPUT={tmp_path / 'f.gpkg'}", f"OUTPUT_SUMMARY={tmp_path / 's.gpkg'}")
    assert (check["ERRORS"], check["WARNINGS"]) == (1, 2)  # one overlap; both parcels on farmland
