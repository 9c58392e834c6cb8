"""The plugin works in QGIS's command-line Processing (qgis_process) of the QGIS that runs the suite (3.22 on
the host, 3.40 in `make test-qgis340`): enabled in a fresh profile from the checkout's plugins folder, it
lists exactly the algorithms the provider has in-process (none lost to an import error) and runs one.
test_package.py does the same install check on the packaged ZIP."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from homestead_cadastre.cadastre import schema

PLUGINS = Path(__file__).resolve().parents[1] / "build" / "plugins"  # conftest links the checkout there
PLUGIN = "homestead_cadastre"


def qgis_process_command() -> str:
    """The qgis_process executable of this QGIS installation."""
    # Debian's /usr/bin/qgis_process wrapper adds /etc/default/qgis's --noversioncheck, which 3.22's
    # qgis_process rejects; the binary behind it works on every version.
    for name in ("qgis_process.bin", "qgis_process"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("qgis_process is not installed (Debian package qgis; `make setup` installs it)")


@pytest.fixture
def qgis_process(tmp_path):
    """Run qgis_process with a private profile and the plugins folder the tests load the plugin from."""
    env = dict(os.environ)
    env.update(
        QGIS_PLUGINPATH=str(PLUGINS),
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
        QT_QPA_PLATFORM="offscreen",
    )
    command = qgis_process_command()

    def _run(*args: str, json_output: bool = False):
        argv = [command, *(["--json"] if json_output else []), *args]
        done = subprocess.run(argv, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"{' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}"
        return json.loads(done.stdout) if json_output else done.stdout

    return _run


def _homestead_ids(listing) -> set:
    provider = listing["providers"].get("homestead")
    return set(provider["algorithms"]) if provider else set()


def test_enabled_plugin_lists_all_algorithms(qgis_process, provider):
    assert _homestead_ids(qgis_process("list", json_output=True)) == set(), "enabled before being enabled"
    out = qgis_process("plugins", "enable", PLUGIN)
    assert PLUGIN in out
    listed = _homestead_ids(qgis_process("list", json_output=True))
    expected = {alg.id() for alg in provider.algorithms()}
    assert expected and listed == expected


def test_algorithm_runs_in_qgis_process(qgis_process, tmp_path):
    qgis_process("plugins", "enable", PLUGIN)
    out = tmp_path / "村庄.gpkg"
    result = qgis_process(
        "run", "homestead:createproject", "--", "CRS=EPSG:4525", "TITLE=测试村", f"OUTPUT={out}", json_output=True
    )
    assert result["results"]["OUTPUT"] == str(out)
    assert os.path.exists(result["results"]["PROJECT"])
    with closing(sqlite3.connect(out)) as db:  # read the GeoPackage without QGIS
        tables = {row[0] for row in db.execute("SELECT table_name FROM gpkg_contents")}
    assert tables - {"layer_styles"} == {layer.name for layer in schema.ALL_LAYERS}


def test_exportdxf_and_cass_in_qgis_process(qgis_process, tmp_path):
    """The DXF export and the CASS reader under qgis_process, where shapely may run on QGIS's older GEOS."""
    from osgeo import ogr

    qgis_process("plugins", "enable", PLUGIN)
    sample = Path(__file__).resolve().parents[1] / "sample_data"
    parcels = qgis_process("run", "homestead:parcelsfrompoints", "--", f"INPUT={sample / 'demo_village_points.dat'}",
                           f"OUTPUT={tmp_path / 'cass.gpkg'}", json_output=True)
    assert "Built 12 parcels; 0 rejected" in json.dumps(parcels, ensure_ascii=False)
    dxf = tmp_path / "parcels.dxf"
    qgis_process("run", "homestead:exportdxf", "--", f"INPUT={parcels['results']['OUTPUT']}", f"OUTPUT={dxf}")
    dataset = ogr.Open(str(dxf))
    layers = {f.GetField("Layer") for f in dataset.GetLayer(0)}
    dataset = None
    assert layers == {"宗地", "界址点", "界址线", "注记"}
