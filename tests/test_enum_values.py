"""Every enum parameter of every homestead algorithm takes its option as the number `qgis_process help` lists
and as the option's text, both in processing.run and in qgis_process (issue #14). The loops read the provider's
parameter definitions, so an enum added later is covered too; the expected option comes from the definition's
own option list."""
from __future__ import annotations

import os
import subprocess

import pytest
from layers_helper import write_gpkg
from qgis.core import (
    QgsProcessingDestinationParameter,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFolderDestination,
)
from test_qgis_process import PLUGIN, PLUGINS, qgis_process_command

PARCEL = "POLYGON((37597000 3069000, 37597020 3069000, 37597020 3069020, 37597000 3069020, 37597000 3069000))"


def enum_algorithms(provider):
    """(algorithm, its enum definitions) for each algorithm that has any."""
    found = []
    for alg in provider.algorithms():
        enums = [d for d in alg.parameterDefinitions() if isinstance(d, QgsProcessingParameterEnum)]
        if enums:
            found.append((alg, enums))
    return found


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """One real parcel layer and one real CSV file to fill the inputs an algorithm requires."""
    folder = tmp_path_factory.mktemp("inputs")
    layer = write_gpkg(folder / "parcels.gpkg", "ZD", 4525, [PARCEL], {"ZDDM": ["430102001001JC00001"]})
    csv = folder / "survey.csv"
    csv.write_text("ZDDM,JZDH,X,Y\n", encoding="utf-8")
    return {"layer": layer, "file": str(csv)}


def required_values(alg, inputs, folder) -> dict:
    """A value for each parameter of ``alg`` that is required and has no default (enums excepted)."""
    values = {}
    for definition in alg.parameterDefinitions():
        optional = definition.flags() & QgsProcessingParameterDefinition.FlagOptional
        if optional or definition.defaultValue() is not None or isinstance(definition, QgsProcessingParameterEnum):
            continue
        name = definition.name()
        if isinstance(definition, QgsProcessingParameterFolderDestination):
            values[name] = str(folder / name.lower())
        elif isinstance(definition, QgsProcessingParameterFeatureSink):
            values[name] = str(folder / f"{name.lower()}.gpkg")
        elif isinstance(definition, QgsProcessingDestinationParameter):
            values[name] = str(folder / f"{name.lower()}.{definition.defaultFileExtension()}")
        elif definition.type() == "file":
            values[name] = inputs["file"]
        elif definition.type() in ("source", "vector"):
            values[name] = inputs["layer"]
        else:
            pytest.fail(f"{alg.id()}: no test value for required parameter {name} ({definition.type()})")
    return values


def expected(definition, index):
    return definition.options()[index] if definition.usesStaticStrings() else index


def forms(definition, index):
    """The ways a user may name option ``index``: its number (as Python and as qgis_process pass it) and its text."""
    option = definition.options()[index]
    return [index, str(index), option, f" {option.lower()} "]


def recording(alg):
    """A copy of ``alg`` whose work is to record the enum values the algorithm reads."""

    class Recording(type(alg)):
        seen = {}

        def process(self, parameters, context, feedback):
            for definition in self.parameterDefinitions():
                if isinstance(definition, QgsProcessingParameterEnum):
                    name = definition.name()
                    static, multiple = definition.usesStaticStrings(), definition.allowMultiple()
                    read = {(False, False): self.parameterAsEnum, (False, True): self.parameterAsEnums,
                            (True, False): self.parameterAsEnumString, (True, True): self.parameterAsEnumStrings}
                    Recording.seen[name] = read[static, multiple](parameters, name, context)
            return {}

    instance = Recording()
    instance.initAlgorithm()
    return instance


def test_processing_run_takes_option_numbers_and_texts(provider, inputs, tmp_path):
    import processing

    checked = 0
    for alg, enums in enum_algorithms(provider):
        base = required_values(alg, inputs, tmp_path)
        for definition in enums:
            for index in range(len(definition.options())):
                for given in forms(definition, index):
                    value = [given] if definition.allowMultiple() else given
                    instance = recording(alg)
                    processing.run(instance, {**base, definition.name(): value})
                    read = type(instance).seen[definition.name()]
                    want = [expected(definition, index)] if definition.allowMultiple() else expected(definition, index)
                    assert read == want, f"{alg.id()} {definition.name()}={given!r} read as {read!r}"
                    checked += 1
    assert checked > 100


def test_processing_run_takes_several_options_of_a_multiple_enum(provider, inputs, tmp_path):
    import processing

    alg = provider.algorithm("qualitycheck")
    rules = alg.parameterDefinition("RULES").options()
    for given in ("2,5", f"{rules[2]},{rules[5]}", [2, rules[5]]):
        instance = recording(alg)
        processing.run(instance, {**required_values(alg, inputs, tmp_path), "RULES": given})
        assert type(instance).seen["RULES"] == [rules[2], rules[5]], given


def test_an_unknown_option_is_still_refused(provider, inputs, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    alg = provider.algorithm("exportdxf")
    with pytest.raises(QgsProcessingException, match="SCALE"):
        processing.run(recording(alg), {**required_values(alg, inputs, tmp_path), "SCALE": "1:750"})
    with pytest.raises(QgsProcessingException, match="SCALE"):
        processing.run(recording(alg), {**required_values(alg, inputs, tmp_path), "SCALE": 3})


@pytest.fixture(scope="module")
def qgis_process_run(tmp_path_factory):
    """qgis_process with the plugin enabled in a private profile; returns the finished process."""
    home = tmp_path_factory.mktemp("qgis_process")
    env = dict(os.environ, QGIS_PLUGINPATH=str(PLUGINS), QGIS_CUSTOM_CONFIG_PATH=str(home / "profile"),
               QT_QPA_PLATFORM="offscreen")
    command = qgis_process_command()

    def _run(*args):
        return subprocess.run([command, *args], env=env, cwd=home, capture_output=True, text=True, timeout=300)

    enabled = _run("plugins", "enable", PLUGIN)
    assert enabled.returncode == 0, enabled.stderr
    return _run


@pytest.mark.parametrize("form", ["number", "text"])
def test_qgis_process_takes_option_numbers_and_texts(provider, inputs, tmp_path, qgis_process_run, form):
    """Each algorithm once with every enum given as the last option's number, once as its text: the parameter
    check passes (what the algorithm does after it with the one-parcel input does not matter here)."""
    for alg, enums in enum_algorithms(provider):
        folder = tmp_path / alg.name()
        folder.mkdir()
        values = required_values(alg, inputs, folder)
        for definition in enums:
            last = len(definition.options()) - 1
            values[definition.name()] = str(last) if form == "number" else definition.options()[last]
        done = qgis_process_run("run", alg.id(), "--", *(f"{name}={value}" for name, value in values.items()))
        output = done.stdout + done.stderr
        assert "checking parameter values" not in output and "Incorrect parameter value" not in output, (
            f"{alg.id()} refused {form}s of its options:\n{output}")
        for definition in enums:
            assert f"{definition.name()}:\t{values[definition.name()]}" in output, output
