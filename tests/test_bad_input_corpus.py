"""Every algorithm of the provider against a fixed corpus of bad inputs and parameters (tests/bad_inputs.py): no
traceback (a QgsProcessingException with a message is the answer), the input files byte-identical afterwards, no
output under its final name unless the run succeeded, no temporary left. In-process through processing.run, and a
sample through qgis_process (a crash of QGIS itself, e.g. SIGABRT, shows there).

The counts are printed (pytest -s) and written to build/bad_input_counts.json."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from bad_inputs import KNOWN_ELSEWHERE, corpus, village
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback

REPO = Path(__file__).resolve().parents[1]
COUNTS = REPO / "build" / "bad_input_counts.json"
FINDINGS = REPO / "build" / "bad_input_findings.txt"  # what failed, in full
QGIS_PROCESS_SAMPLE = 20
TEMPORARY = ("~tmp-", ".tmp-")


class LogFeedback(QgsProcessingFeedback):
    """Feedback that keeps every line the algorithm reports."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def reportError(self, error, fatal_error=False):  # noqa: N802 (QGIS API name)
        self.lines.append(error)

    def pushInfo(self, info):  # noqa: N802 (QGIS API name)
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API name)
        self.lines.append(warning)

    def pushDebugInfo(self, info):  # noqa: N802 (QGIS API name)
        self.lines.append(info)

    def pushConsoleInfo(self, info):  # noqa: N802 (QGIS API name)
        self.lines.append(info)


def digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def snapshot(paths):
    return {p: digest(p) if os.path.isfile(p) else None for p in paths}


def half_written(case, succeeded: bool, message: str) -> list:
    """Outputs left under their final names by a failed run (a folder counts when it holds a file), and
    temporaries left anywhere in the case's folder. A report the refusal names (noticelist's list of the parcels
    left out, written whole) is the answer, not a half-written output."""
    left = []
    if not succeeded:
        for path in case.outputs:
            files = [os.path.join(t, f) for t, _d, fs in os.walk(path) for f in fs] if os.path.isdir(path) else [path]
            left += [f for f in files if os.path.isfile(f) and f not in message]
    for top, dirs, files in os.walk(case.folder):
        left += [os.path.join(top, n) for n in dirs + files if n.startswith(TEMPORARY)]
    return left


@pytest.fixture(scope="module")
def cases(provider, tmp_path_factory):
    import processing

    root = str(tmp_path_factory.mktemp("bad"))
    os.makedirs(os.path.join(root, "inputs"))
    good = village(os.path.join(root, "inputs"))
    # the clean village has no boundary points yet: the maps need them, so the corpus gets the plugin's own
    numbered = {n: os.path.join(root, f"{n}.gpkg") for n in ("JZD", "JZX")}
    processing.run("homestead:boundarypoints", {"INPUT": f"{good}|layername=ZD", "OUTPUT_POINTS": numbered["JZD"],
                                                "OUTPUT_LINES": numbered["JZX"], "OUTPUT": "TEMPORARY_OUTPUT"})
    for name, path in numbered.items():
        gdal.VectorTranslate(good, path, options=gdal.VectorTranslateOptions(
            accessMode="overwrite", layerName=name, format="GPKG"))
    delivery = os.path.join(root, "inputs", "delivery")
    layers = {d: f"{good}|layername={n}" for d, n in (("PARCELS", "ZD"), ("BUILDINGS", "ZRZ"), ("POINTS", "JZD"),
                                                       ("LINES", "JZX"), ("HOLDERS", "QLR"))}
    processing.run("homestead:exportdelivery", {**layers, "OUTPUT_FOLDER": delivery})
    return root, corpus(root, provider.algorithms(), delivery)


def _remove_outputs(case) -> None:
    """The case's outputs removed, what it was prepared with (a file in the way of a folder…) kept for the
    qgis_process sample."""
    for path in case.outputs:
        if os.path.isdir(path):
            shutil.rmtree(path)
        elif os.path.exists(path):
            os.remove(path)


def _record(counts: dict) -> None:
    COUNTS.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(COUNTS.read_text()) if COUNTS.exists() else {}
    previous.update(counts)
    COUNTS.write_text(json.dumps(previous, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(counts, ensure_ascii=False, indent=2))


def test_corpus_covers_every_algorithm(provider, cases):
    _root, found = cases
    assert len(found) >= 300
    assert {c.algorithm for c in found} == {a.name() for a in provider.algorithms()}
    assert not set(KNOWN_ELSEWHERE) & {c.id.split("=", 1)[-1] for c in found}


def test_bad_inputs_in_process(run_alg, cases, monkeypatch):
    root, found = cases
    monkeypatch.chdir(os.path.join(root, "inputs"))  # a relative path among the bad strings lands in the corpus
    started = time.monotonic()
    tracebacks, modified, half, failed, slow = [], [], [], 0, []
    for case in found:
        before = snapshot(case.inputs)
        feedback = LogFeedback()
        succeeded, message, t0 = False, "", time.monotonic()
        try:
            run_alg(case.algorithm, case.parameters, feedback=feedback)
            succeeded = True
        except QgsProcessingException as error:
            message = str(error)
        except Exception as error:  # noqa: BLE001 (anything but a refusal is the defect looked for)
            message = f"Traceback: {type(error).__name__}: {error}"
        elapsed = time.monotonic() - t0
        slow.append((elapsed, case.id))
        log = "\n".join([message, *feedback.lines])
        failed += not succeeded
        if "Traceback" in log:
            tracebacks.append(f"{case.id}: {log[log.index('Traceback'):][:3000]}")
        if snapshot(case.inputs) != before:
            modified.append(case.id)
        left = half_written(case, succeeded, message)
        if left:
            half.append(f"{case.id}: {left}")
        _remove_outputs(case)
    counts = {"in_process": {"cases": len(found), "refused": failed, "tracebacks": len(tracebacks),
                             "inputs_modified": len(modified), "half_written_outputs": len(half),
                             "seconds": round(time.monotonic() - started, 1)}}
    _record(counts)
    FINDINGS.write_text("\n\n".join(tracebacks + modified + half), encoding="utf-8")
    print("slowest:", sorted(slow, reverse=True)[:10])
    assert not tracebacks, "\n\n".join(tracebacks)
    assert not modified, modified
    assert not half, half


def _argv(case) -> list:
    args = []
    for key, value in case.parameters.items():  # a list is a multi-layer parameter: the key repeats
        args += [f"{key}={item}" for item in (value if isinstance(value, list) else [value])]
    return args


def test_bad_inputs_in_qgis_process(cases, tmp_path):
    """Every k-th case through qgis_process: the process ends by itself (no signal such as SIGABRT), prints no
    traceback, leaves the inputs as they were and no half-written output."""
    from test_qgis_process import PLUGIN, PLUGINS, qgis_process_command

    root, found = cases
    sample = found[:: max(1, len(found) // QGIS_PROCESS_SAMPLE)][:QGIS_PROCESS_SAMPLE]
    env = dict(os.environ, QGIS_PLUGINPATH=str(PLUGINS), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
               QT_QPA_PLATFORM="offscreen")
    command = qgis_process_command()
    subprocess.run([command, "plugins", "enable", PLUGIN], env=env, cwd=tmp_path, check=True, capture_output=True)
    started = time.monotonic()
    crashed, tracebacks, modified, half = [], [], [], []
    for case in sample:
        os.makedirs(case.folder, exist_ok=True)
        before = snapshot(case.inputs)
        done = subprocess.run([command, "run", f"homestead:{case.algorithm}", "--", *_argv(case)], env=env,
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
        log = done.stdout + done.stderr
        if done.returncode < 0 or done.returncode > 1:
            crashed.append(f"{case.id}: exit {done.returncode}\n{log[-1500:]}")
        if "Traceback" in log:
            tracebacks.append(f"{case.id}: {log[log.index('Traceback'):][:3000]}")
        if snapshot(case.inputs) != before:
            modified.append(case.id)
        left = half_written(case, done.returncode == 0, log)
        if left:
            half.append(f"{case.id}: {left}")
    _record({"qgis_process": {"cases": len(sample), "crashed": len(crashed), "tracebacks": len(tracebacks),
                              "inputs_modified": len(modified), "half_written_outputs": len(half),
                              "seconds": round(time.monotonic() - started, 1)}})
    assert not crashed, "\n\n".join(crashed)
    assert not tracebacks, "\n\n".join(tracebacks)
    assert not modified, modified
    assert not half, half
