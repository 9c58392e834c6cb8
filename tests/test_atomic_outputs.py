"""Outputs written through QGIS sinks are atomic: a qgis_process.bin killed with SIGKILL while it writes leaves the
previous complete file byte-identical and nothing half-written under the output's name; the next run removes the
killed run's temporary. In-process: what QGIS gets back (the value, the layer loaded on completion) is the final
file, a layer added to an existing GeoPackage keeps the file's other layers, and no temporary is left."""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import REPO, SAMPLE
from osgeo import ogr
from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject

TEMPORARIES = "~tmp-*"


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def layers(path):
    dataset = ogr.Open(path)
    return {dataset.GetLayer(i).GetName(): dataset.GetLayer(i).GetFeatureCount() for i in range(dataset.GetLayerCount())}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A 10,000-parcel village (tools/make_village.py), large enough that writing takes a while."""
    path = tmp_path_factory.mktemp("county") / "county.gpkg"
    subprocess.run(["/usr/bin/python3", str(REPO / "tools" / "make_village.py"), str(path), "--parcels", "10000"],
                   check=True, capture_output=True, timeout=600)
    return str(path)


@pytest.fixture
def qgis_process_env(tmp_path):
    from test_qgis_process import PLUGIN, PLUGINS, qgis_process_command

    env = dict(os.environ, QGIS_PLUGINPATH=str(PLUGINS), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
               QT_QPA_PLATFORM="offscreen")
    command = qgis_process_command()
    subprocess.run([command, "plugins", "enable", PLUGIN], env=env, cwd=tmp_path, check=True, capture_output=True)
    return command, env


def _kill_while_writing(command, env, folder, arguments, delay, target):
    """Start qgis_process, SIGKILL it ``delay`` s after it starts writing (its temporary output appears, or
    ``target`` itself changes); True when it was killed while still running."""
    before = os.stat(target)
    process = subprocess.Popen([command, "run", *arguments], env=env, cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def writing():
        now = os.stat(target) if os.path.exists(target) else None
        changed = now is None or (now.st_mtime_ns, now.st_size) != (before.st_mtime_ns, before.st_size)
        return changed or glob.glob(os.path.join(folder, TEMPORARIES))

    try:
        deadline = time.monotonic() + 120
        while not writing() and process.poll() is None:
            assert time.monotonic() < deadline, "no temporary output appeared"
            time.sleep(0.01)
        time.sleep(delay)
        running = process.poll() is None
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    return running


@pytest.mark.skipif(sys.platform != "linux", reason="SIGKILL of a child process")
@pytest.mark.parametrize("algorithm,output,extra", [
    ("classify", "OUTPUT", ["INPUT={zd}"]),
    ("boundarypoints", "OUTPUT_POINTS", ["INPUT={zd}", "OUTPUT_LINES=TEMPORARY_OUTPUT", "OUTPUT=TEMPORARY_OUTPUT"]),
    ("qualitycheck", "OUTPUT", ["PARCELS={zd}", "OUTPUT_SUMMARY=TEMPORARY_OUTPUT"]),
    ("farmlandoverlay", "OUTPUT", ["INPUT={zd}", "FARMLAND={source}|layername=JBNT", "OUTPUT_OVERLAPS=TEMPORARY_OUTPUT"]),
    ("importsurvey", "OUTPUT", ["INPUT={source}", "LAYER=ZD", "REJECTS=TEMPORARY_OUTPUT", "REPAIRS=TEMPORARY_OUTPUT"]),
])
def test_kill_while_writing_keeps_the_previous_file(qgis_process_env, county, tmp_path, algorithm, output, extra):
    command, env = qgis_process_env
    source = tmp_path / "county.gpkg"
    shutil.copyfile(county, source)
    target = tmp_path / "result.gpkg"
    arguments = [f"homestead:{algorithm}", "--", f"{output}={target}",
                 *(e.format(source=source, zd=f"{source}|layername=ZD") for e in extra)]
    done = subprocess.run([command, "run", *arguments], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    previous, previous_layers = digest(target), layers(str(target))
    assert not glob.glob(str(tmp_path / TEMPORARIES))
    killed = 0
    for delay in (0.0, 0.3, 0.8):
        killed += _kill_while_writing(command, env, tmp_path, arguments, delay, target)
        assert digest(target) == previous, f"killed {delay} s into writing: the previous result changed"
        assert not os.path.exists(f"{target}-journal") and not os.path.exists(f"{target}-wal")
    assert killed, "every run finished before it could be killed: the test proved nothing"
    assert glob.glob(str(tmp_path / TEMPORARIES)), "the killed runs left their temporaries (removed next run)"
    done = subprocess.run([command, "run", *arguments], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not glob.glob(str(tmp_path / TEMPORARIES)), "the next run removes what killed runs left"
    assert layers(str(target)) == previous_layers


def test_final_path_is_returned_and_loaded(run_alg, tmp_path):
    """The result and the layer loaded on completion are the final file, not the temporary."""
    village = tmp_path / "village.gpkg"
    shutil.copyfile(SAMPLE / "demo_village.gpkg", village)
    project = QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    target = str(tmp_path / "classified.gpkg")
    result = run_alg("classify", {"INPUT": f"{village}|layername=ZD",
                                  "OUTPUT": QgsProcessingOutputLayerDefinition(target, project)}, context=context)
    assert result["OUTPUT"] == target
    assert list(context.layersToLoadOnCompletion()) == [target]
    assert layers(target) == {"classified": 300}
    assert not glob.glob(str(tmp_path / TEMPORARIES))


def test_layer_added_to_an_existing_geopackage_keeps_its_other_layers(run_alg, tmp_path):
    village = tmp_path / "village.gpkg"
    shutil.copyfile(SAMPLE / "demo_village.gpkg", village)
    target = tmp_path / "results.gpkg"
    run_alg("classify", {"INPUT": f"{village}|layername=ZD", "OUTPUT": f"ogr:dbname='{target}' table=\"FIRST\" (geom)"})
    result = run_alg("boundarypoints", {
        "INPUT": f"{village}|layername=ZD", "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_POINTS": f"ogr:dbname='{target}' table=\"JZD\" (geom)",
        "OUTPUT_LINES": f"ogr:dbname='{target}' table=\"JZX\" (geom)"})
    assert result["OUTPUT_POINTS"] == f"{target}|layername=JZD"
    found = layers(str(target))
    assert set(found) == {"FIRST", "JZD", "JZX"} and found["FIRST"] == 300
    assert found["JZD"] > 0 and found["JZX"] > 0  # both written into the one temporary, renamed once
    assert not glob.glob(str(tmp_path / TEMPORARIES))


def test_run_failing_after_writing_leaves_the_previous_file(run_alg, tmp_path):
    """A run that fails once its sink is written (here the feedback raises at the first message given while
    a temporary exists) removes the temporary and leaves the previous output as it was."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    village = tmp_path / "village.gpkg"
    shutil.copyfile(SAMPLE / "demo_village.gpkg", village)
    target = tmp_path / "classified.gpkg"
    run_alg("classify", {"INPUT": f"{village}|layername=ZD", "OUTPUT": str(target)})
    previous = digest(target)

    class FailingWhileWriting(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (QGIS API name)
            if glob.glob(str(tmp_path / TEMPORARIES)) or digest(target) != previous:
                raise QgsProcessingException("stopped while the output is open")
            super().pushInfo(info)

    with pytest.raises(QgsProcessingException, match="stopped while the output is open"):
        run_alg("classify", {"INPUT": f"{village}|layername=ZD", "OUTPUT": str(target)},
                feedback=FailingWhileWriting())
    assert digest(target) == previous
    assert not glob.glob(str(tmp_path / TEMPORARIES))
