"""No algorithm writes its output into a file one of its inputs is read from (QGIS would replace the whole file:
a survey GeoPackage would lose every layer). Every algorithm of the provider, every output, every form of output
QGIS accepts (plain, relative, symlinked, ``|layername=``, ``ogr:dbname=… table=…``, an output definition), both
through processing.run (checkParameterValues) and QgsProcessingAlgorithm.run (as a model runs its children)."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess

import pytest
from conftest import SAMPLE
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

ALGORITHMS = ["areasummary", "boundarypoints", "boundarytable", "buildingareas", "checkdelivery", "classify", "exportdelivery",
              "exportdxf", "exportshare", "farmlandoverlay", "housemaps", "housesurveyforms", "importsurvey", "noticelist", "parcelareas", "parcelcodes", "parcelmaps", "parcelsfrompoints", "parcelsketches",
              "qualitycheck", "sheetindex", "sheetmaps", "surveyforms", "unitcodes"]
FORMS = ["plain", "relative", "symlink", "layername", "ogr", "definition"]
LAYER_BY_TYPE = {QgsProcessing.TypeVectorPolygon: "ZD", QgsProcessing.TypeVectorPoint: "JZD",
                 QgsProcessing.TypeVectorLine: "JZX"}
CSV = "宗地代码,点号,X,Y\r\n" + "".join(
    f"430102001001JC00001,J{i},{x:.3f},{y:.3f}\r\n"
    for i, (x, y) in enumerate([(3069020, 37597000), (3069020, 37597012.5), (3069000, 37597012.5),
                                (3069000, 37597000), (3069020, 37597000)], start=1))


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def feature_count(path, layer):
    dataset = ogr.Open(path)
    return dataset.GetLayerByName(layer).GetFeatureCount()


def _inputs(algorithm, village, points):
    """Values for the algorithm's required inputs: layers of the village GeoPackage, the coordinate file."""
    values = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or definition.flags() & definition.FlagOptional:
            continue
        name = definition.name()
        if isinstance(definition, QgsProcessingParameterFile):
            values[name] = points if algorithm.name() == "parcelsfrompoints" else village
        elif isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
            types = definition.dataTypes()
            layer = next((LAYER_BY_TYPE[t] for t in types if t in LAYER_BY_TYPE), "ZD")
            values[name] = f"{village}|layername={layer}"
        elif isinstance(definition, QgsProcessingParameterMultipleLayers):
            values[name] = [f"{village}|layername=DXT_FW"]
    return values


def _cases():
    return [(name, form) for name in ALGORITHMS for form in FORMS]


@pytest.fixture
def survey(tmp_path):
    village = tmp_path / "village.gpkg"
    shutil.copyfile(SAMPLE / "demo_village.gpkg", village)
    points = tmp_path / "points.csv"
    points.write_text(CSV, encoding="utf-8")
    return str(village), str(points)


def _output(form, target, tmp_path):
    if form == "plain":
        return target
    if form == "relative":
        return os.path.relpath(target)
    if form == "symlink":
        link = tmp_path / ("link" + os.path.splitext(target)[1])
        if not link.exists():
            link.symlink_to(target)
        return str(link)
    if form == "layername":
        return f"{target}|layername=ZD"
    if form == "ogr":
        return f"ogr:dbname='{target}' table=\"ZD\" (geom)"
    return QgsProcessingOutputLayerDefinition(target, QgsProject.instance())


def test_every_algorithm_with_a_file_input_is_covered(provider):
    """The list above is every algorithm that reads a layer or file and writes something."""
    covered = set()
    for algorithm in provider.algorithms():
        reads = any(isinstance(d, (QgsProcessingParameterFile, QgsProcessingParameterFeatureSource,
                                   QgsProcessingParameterVectorLayer, QgsProcessingParameterMultipleLayers))
                    for d in algorithm.parameterDefinitions())
        if reads and algorithm.destinationParameterDefinitions():
            covered.add(algorithm.name())
    assert covered == set(ALGORITHMS)


@pytest.mark.parametrize("name,form", _cases())
def test_output_into_an_input_file_is_refused(run_alg, provider, survey, tmp_path, monkeypatch, name, form):
    monkeypatch.chdir(tmp_path)
    village, points = survey
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"homestead:{name}")
    inputs = _inputs(algorithm, village, points)
    target = points if name == "parcelsfrompoints" else village
    before = digest(target)
    pattern = re.escape(os.path.realpath(target))
    others = {d.name(): "TEMPORARY_OUTPUT" for d in algorithm.destinationParameterDefinitions()}
    for definition in algorithm.destinationParameterDefinitions():
        if form == "definition" and isinstance(definition, QgsProcessingParameterFolderDestination):
            continue  # a folder is not given as a layer definition
        parameters = {**inputs, **others, definition.name(): _output(form, target, tmp_path)}
        with pytest.raises(QgsProcessingException, match=pattern):
            run_alg(name, parameters)
        # a model's child algorithm is run without checkParameterValues: processAlgorithm refuses it too
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        with pytest.raises(QgsProcessingException, match=pattern):
            algorithm.create().run(parameters, context, QgsProcessingFeedback(), {}, False)
        assert digest(target) == before, f"{name}: {definition.name()} ({form}) changed {target}"


def test_qgis_process_refuses_the_geopackage_dialog_form(tmp_path):
    """What the dialog's “Save to GeoPackage…” writes, given the input's own GeoPackage: refused, exit ≠ 0,
    ZD keeps its 300 parcels."""
    from test_qgis_process import PLUGIN, PLUGINS, qgis_process_command

    village = tmp_path / "village.gpkg"
    shutil.copyfile(SAMPLE / "demo_village.gpkg", village)
    env = dict(os.environ, QGIS_PLUGINPATH=str(PLUGINS), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
               QT_QPA_PLATFORM="offscreen")
    command = qgis_process_command()
    subprocess.run([command, "plugins", "enable", PLUGIN], env=env, cwd=tmp_path, check=True, capture_output=True)
    done = subprocess.run([command, "run", "homestead:classify", "--", "INPUT=village.gpkg|layername=ZD",
                           "OUTPUT=ogr:dbname='village.gpkg' table=\"ZD\" (geom)"],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "village.gpkg" in done.stdout + done.stderr
    assert feature_count(str(village), "ZD") == 300
