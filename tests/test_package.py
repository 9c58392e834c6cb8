"""The packaged ZIP installs into a plugin folder and qgis_process lists its algorithms."""
import os
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import REPO

QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(["lrelease", "-silent", str(REPO / "i18n/homestead_cadastre_zh_CN.ts"),
                    "-qm", str(REPO / "i18n/homestead_cadastre_zh_CN.qm")], check=True)
    subprocess.run([sys.executable, str(REPO / "tools/package.py"), str(dist)], check=True, capture_output=True)
    zips = list(dist.glob("homestead_cadastre-*.zip"))
    assert len(zips) == 1
    return zips[0]


def test_zip_layout(package):
    names = zipfile.ZipFile(package).namelist()
    assert {n.split("/")[0] for n in names} == {"homestead_cadastre"}
    for needed in ("metadata.txt", "__init__.py", "plugin.py", "processing/provider.py", "cadastre/schema.py",
                   "i18n/homestead_cadastre_zh_CN.qm", "symbology/zd.qml", "rules/policies/louxing_2020.toml",
                   "rules/policies/national_generic.toml", "rules/policies/tibet_2010.toml",
                   "import_presets/zd_table_zh.json", "processing/algorithms/help/en/boundarypoints.html",
                   "processing/library/worker.py"):
        assert f"homestead_cadastre/{needed}" in names
    for excluded in ("tests/", "tools/", "benchmarks/", ".ci/", "Makefile", "requirements-dev.txt"):
        assert not any(n.startswith(f"homestead_cadastre/{excluded}") for n in names), excluded


@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process is not installed")
def test_zip_installs_and_lists_algorithms(package, tmp_path):
    plugins = tmp_path / "plugins"
    zipfile.ZipFile(package).extractall(plugins)
    xdg = tmp_path / "xdg"
    xdg.mkdir(mode=0o700)
    env = dict(os.environ, QGIS_PLUGINPATH=str(plugins), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(xdg))
    enabled = subprocess.run([QGIS_PROCESS, "plugins", "enable", "homestead_cadastre"], env=env,
                             capture_output=True, text=True, timeout=300)
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    listed = subprocess.run([QGIS_PROCESS, "list"], env=env, capture_output=True, text=True, timeout=300)
    assert listed.returncode == 0, listed.stderr
    assert "homestead:createproject" in listed.stdout
    # the installed copy, not the checkout, provides them
    help_text = subprocess.run([QGIS_PROCESS, "help", "homestead:createproject"], env=env,
                               capture_output=True, text=True, timeout=300)
    assert "EPSG:4513-4554" in help_text.stdout
