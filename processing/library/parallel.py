"""Export map pages in several processes: the parcels are split into chunks, each drawn by a worker process that
runs the same algorithm on its chunk (processing/library/worker.py) with one QGIS of its own.

Layout rendering holds the main thread of one QGIS, so threads cannot share it; processes can. Workers read the
layers from files: memory or filtered layers are first written to a temporary GeoPackage. When no Python that
imports qgis can be found the caller draws serially instead (and says so).
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import time
from typing import Dict, List, Optional

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ...cadastre.files import temporary_folder
from ...i18n import tr
from ...mapping.export import PageResult

FILE_PROVIDERS = {"ogr"}
PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def python_executable() -> Optional[str]:
    """A Python interpreter that can import qgis: $HOMESTEAD_PYTHON, this interpreter, or python beside QGIS."""
    candidates = [os.environ.get("HOMESTEAD_PYTHON", "")]
    if os.path.basename(sys.executable).lower().startswith("python"):
        candidates.append(sys.executable)
    candidates += [os.path.join(sys.prefix, "python.exe"), os.path.join(sys.prefix, "bin", "python3"),
                   shutil.which("python3") or "", shutil.which("python") or ""]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and _imports_qgis(candidate):
            return candidate
    return None


@functools.cache
def _imports_qgis(python: str) -> bool:
    """Whether ``python`` imports qgis.core (asked once per session: the probe starts a Python, half a second)."""
    return subprocess.run([python, "-c", "import qgis.core"], capture_output=True, env=_environment()).returncode == 0


def _environment() -> Dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["HOMESTEAD_QGIS_PREFIX"] = QgsApplication.prefixPath()
    return env


def _file_source(layer, folder: str, name: str) -> str:
    """A path a worker can open: the layer's own file source, or a GeoPackage copy of it."""
    if isinstance(layer, QgsVectorLayer) and layer.providerType() in FILE_PROVIDERS:
        return layer.source()
    path = os.path.join(folder, f"{name}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    if error[0] != QgsVectorFileWriter.NoError:
        raise QgsProcessingException(tr("Could not copy layer {layer} for the parallel workers: {error}").format(
            layer=name, error=error[1]))
    return path


def portable_parameters(alg, parameters, context, folder: str, fixed: Dict[str, object]) -> Optional[Dict[str, object]]:
    """The parameters as plain values and file paths a worker can use; None when a layer cannot be passed on."""
    result: Dict[str, object] = {}
    for definition in alg.parameterDefinitions():
        name = definition.name()
        if name in fixed:
            result[name] = fixed[name]
            continue
        if name not in parameters or parameters[name] is None:
            continue
        if isinstance(definition, QgsProcessingParameterFeatureSource):
            value = parameters[name]
            selected = getattr(value, "selectedFeaturesOnly", False)
            layer = alg.parameterAsVectorLayer(parameters, name, context)
            if layer is None:
                return None
            if selected and name not in fixed.get("_selection_handled", ()):
                return None
            result[name] = _file_source(layer, folder, name.lower())
        elif isinstance(definition, QgsProcessingParameterEnum):
            result[name] = alg.parameterAsEnum(parameters, name, context)
        elif isinstance(definition, QgsProcessingParameterNumber):
            result[name] = alg.parameterAsDouble(parameters, name, context)
        elif isinstance(definition, QgsProcessingParameterBoolean):
            result[name] = alg.parameterAsBoolean(parameters, name, context)
        elif isinstance(definition, (QgsProcessingParameterString, QgsProcessingParameterFile,
                                     QgsProcessingParameterFolderDestination)):
            result[name] = alg.parameterAsString(parameters, name, context)
    return result


def run_in_workers(alg, parameters, context, feedback, targets: List[int], workers: int, boundary_pairs: Dict[str, str],
                   parcels_param: str) -> Optional[List[PageResult]]:
    """Draw ``targets`` in ``workers`` processes; None (draw serially) when that is not possible here."""
    from . import map_inputs

    python = python_executable()
    if python is None:
        feedback.pushWarning(tr("No Python that imports QGIS was found for parallel drawing (set HOMESTEAD_PYTHON); "
                                "drawing in this process."))
        return None
    folder = alg.parameterAsString(parameters, "OUTPUT_FOLDER", context)
    os.makedirs(folder, exist_ok=True)
    scratch = temporary_folder(folder, "-workers")  # removed by the next run when this one is killed
    try:
        fixed = {"WORKERS": 1, "_selection_handled": (parcels_param,)}
        for points_param, lines_param in boundary_pairs.items():
            if alg.parameterAsSource(parameters, points_param, context) is None:
                points, lines = map_inputs.boundary_layers(alg, parameters, context, feedback, parcels_param,
                                                           points_param, lines_param)
                fixed[points_param] = _file_source(points, scratch, "jzd")
                if lines is not None:
                    fixed[lines_param] = _file_source(lines, scratch, "jzx")
        for name, value in map_inputs.variable_values(alg, parameters, context).items():
            fixed[name.replace("homestead_", "").upper()] = value
        params = portable_parameters(alg, parameters, context, scratch, fixed)
        if params is None:
            feedback.pushWarning(tr("Some input cannot be passed to parallel workers (a selection on a secondary "
                                    "layer, or a layer that is not a file); drawing in this process."))
            return None
        chunks = [targets[k::workers] for k in range(workers) if targets[k::workers]]
        jobs = []
        for k, chunk in enumerate(chunks):
            job = dict(params, FEATURE_IDS=",".join(str(f) for f in chunk),
                       RESULTS_JSON=os.path.join(scratch, f"results_{k}.json"))
            job_path = os.path.join(scratch, f"job_{k}.json")
            with open(job_path, "w", encoding="utf-8") as handle:
                json.dump({"algorithm": alg.id(), "parameters": job, "plugin_dir": PLUGIN_DIR, "parent": os.getpid(),
                           "progress": os.path.join(scratch, f"progress_{k}.txt")}, handle, ensure_ascii=False)
            jobs.append((job_path, job["RESULTS_JSON"], os.path.join(scratch, f"progress_{k}.txt"), len(chunk)))
        feedback.pushInfo(tr("Drawing {n} pages in {k} processes.").format(n=len(targets), k=len(jobs)))
        worker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "worker.py")
        processes = []
        for job_path, *_rest in jobs:
            with open(job_path + ".log", "wb") as log:  # a file, not a pipe: a chatty worker must not block
                processes.append(subprocess.Popen([python, worker, job_path], env=_environment(), stdout=log,
                                                  stderr=subprocess.STDOUT))
        _wait(processes, jobs, feedback)
        per_chunk: List[List[PageResult]] = []
        for (job_path, results_path, _progress, _n), process in zip(jobs, processes):
            with open(job_path + ".log", encoding="utf-8", errors="replace") as log:
                output = log.read()
            if process.returncode != 0 or not os.path.exists(results_path):
                raise QgsProcessingException(tr("A drawing process failed (exit {code}):\n{output}").format(
                    code=process.returncode, output=output[-3000:]))
            with open(results_path, encoding="utf-8") as handle:
                per_chunk.append([PageResult(**r) for r in json.load(handle)])
        return round_robin(per_chunk)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def round_robin(per_chunk: List[List[PageResult]]) -> List[PageResult]:
    """The results of the chunks targets[k::n] back in the order of the targets (the report lists them so)."""
    merged: List[PageResult] = []
    for i in range(max((len(c) for c in per_chunk), default=0)):
        merged += [c[i] for c in per_chunk if i < len(c)]
    return merged


def _wait(processes, jobs, feedback) -> None:
    total = sum(n for *_rest, n in jobs) or 1
    while any(p.poll() is None for p in processes):
        if feedback.isCanceled():
            for p in processes:
                if p.poll() is None:
                    p.kill()
            for p in processes:
                p.wait()
            raise QgsProcessingException(tr("Canceled."))
        done = 0
        for _job, _results, progress, n in jobs:
            try:
                with open(progress, encoding="utf-8") as handle:
                    done += float(handle.read().strip() or 0) / 100.0 * n
            except (OSError, ValueError):
                pass
        feedback.setProgress(100.0 * done / total)
        time.sleep(0.2)
