"""Parameters and layer reading shared by the map and document algorithms (group "maps").

Reads the survey layers once into plain data on one survey plane (adapters.read_layer), finds the parcels to
draw (selection, village code prefix, explicit feature ids for parallel workers), and computes the boundary
points and lines with homestead:boundarypoints when the JZD/JZX layers are not given.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from typing import Dict, List, Optional, Tuple

import numpy as np
import shapely
from qgis.core import (
    QgsApplication,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ...cadastre import zones
from ...cadastre.files import atomic_output
from ...cadastre.maps.mapdata import Table
from ...i18n import tr
from ...mapping.export import FAILED, SKIPPED, report_to_feedback, write_report
from .adapters import read_layer, report_problems

BOUNDARY_ALGORITHM = "homestead:boundarypoints"
# Project variables (Project ▸ Properties ▸ Variables) the maps use; parameters of the same name override them.
VARIABLES = ("survey_date", "drafter", "checker", "draw_date", "check_date", "producer")


def variable_parameters(alg) -> None:
    """Optional texts for the signature block and survey note (advanced); empty → the project variable."""
    texts = {
        "survey_date": tr("Survey date of the boundary points (e.g. 2020-05; default: @homestead_survey_date)"),
        "drafter": tr("Drafter 制图者 (default: @homestead_drafter)"),
        "checker": tr("Checker 审核者 (default: @homestead_checker)"),
        "draw_date": tr("Drawing date (default: @homestead_draw_date, else today)"),
        "check_date": tr("Checking date (default: @homestead_check_date)"),
        "producer": tr("Surveying unit (default: @homestead_producer)"),
    }
    for name, text in texts.items():
        param = QgsProcessingParameterString(name.upper(), text, optional=True)
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        alg.addParameter(param)


def variable_values(alg, parameters, context) -> Dict[str, str]:
    """homestead_<name> → text: the parameter if given, else the project's variable; draw date defaults to today."""
    scope = QgsExpressionContextUtils.projectScope(context.project()) if context.project() is not None else None
    values = {}
    for name in VARIABLES:
        value = alg.parameterAsString(parameters, name.upper(), context) if name.upper() in parameters else ""
        if not value and scope is not None and scope.hasVariable(f"homestead_{name}"):
            value = str(scope.variable(f"homestead_{name}") or "")
        if not value and name == "draw_date":
            today = dt.date.today()
            value = f"{today.year}年{today.month}月{today.day}日"
        if value:
            values[f"homestead_{name}"] = value
    return values


def feature_ids_parameter(alg) -> None:
    """Hidden parameters of parallel workers: the feature ids to draw, and where to leave the page results."""
    for name in ("FEATURE_IDS", "RESULTS_JSON"):
        param = QgsProcessingParameterString(name, name.lower(), optional=True)
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagHidden)
        alg.addParameter(param)


def optional_source(alg, name: str, description: str, geometry=QgsProcessing.TypeVectorPolygon) -> None:
    alg.addParameter(QgsProcessingParameterFeatureSource(name, description, [geometry], optional=True))


def target_ids(alg, parameters, context, name: str, code_field: str, prefix: str = "") -> List[int]:
    """Feature ids to draw: the (selected) features of the source, whose code starts with ``prefix``."""
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(tr("The input layer {name} could not be opened.").format(name=name))
    wanted = _ids_parameter(alg, parameters, context)
    index = source.fields().indexOf(code_field)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([index] if index >= 0 else [])
    ids = []
    for feature in source.getFeatures(request):
        if wanted is not None and feature.id() not in wanted:
            continue
        if prefix and (index < 0 or not str(feature.attribute(index) or "").startswith(prefix)):
            continue
        ids.append(feature.id())
    return ids


def _ids_parameter(alg, parameters, context) -> Optional[set]:
    text = alg.parameterAsString(parameters, "FEATURE_IDS", context) if "FEATURE_IDS" in parameters else ""
    if not text:
        return None
    try:
        return {int(t) for t in text.split(",") if t.strip()}
    except ValueError:
        raise QgsProcessingException(tr(
            "Feature ids must be whole numbers separated by commas (e.g. 1,5,12), not “{text}”.").format(
            text=text[:80])) from None


def whole_layer(alg, parameters, context, name: str):
    """The full layer behind a source parameter (neighbours are drawn even when only some parcels are selected)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):  # "selected features only": the layer behind it
        source = value.source.staticValue() if hasattr(value.source, "staticValue") else value.source
        layer = QgsProcessingUtils.mapLayerFromString(str(source), context)
        if layer is not None:
            return layer
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    return layer if layer is not None else alg.parameterAsSource(parameters, name, context)


def read(source, context, feedback, fields, crs=None, required=(), geometry=True, dimension=None):
    """read_layer, with the geometries strictly 2-D: under qgis_process shapely may run on QGIS's GEOS 3.11, where
    force_2d can leave a third ordinate that the drawing code would trip over."""
    data = read_layer(source, context, None, fields=fields, crs=crs, geometry=geometry, required=required,
                      dimension=dimension)
    if geometry and len(data.geometries):
        present = np.array([g is not None for g in data.geometries], dtype=bool)
        if present.any():
            flat = shapely.from_wkb(shapely.to_wkb(data.geometries[present], output_dimension=2))
            data.geometries[present] = flat
    report_problems(data, feedback)
    return data


def to_table(data) -> Table:
    return Table(data.geometries, data.attributes)


def zone_of(crs) -> Optional[int]:
    authid = crs.authid() if crs is not None else ""
    if authid.startswith("EPSG:"):
        found = zones.zone_of_epsg(int(authid.split(":")[1]))
        if found:
            return found[0]
    return None


def boundary_layers(alg, parameters, context, feedback, parcels_param: str, points_param: str, lines_param: str
                    ) -> Tuple[object, object]:
    """The JZD and JZX sources: as given, else computed by homestead:boundarypoints over the whole parcel layer."""
    points = alg.parameterAsSource(parameters, points_param, context)
    lines = alg.parameterAsSource(parameters, lines_param, context)
    if points is not None:
        return points, lines
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(BOUNDARY_ALGORITHM)
    if algorithm is None:
        raise QgsProcessingException(tr(
            "No boundary points were given and {alg} is not available to compute them. Give the JZD (boundary "
            "points) and JZX (boundary lines) layers.").format(alg=BOUNDARY_ALGORITHM))
    feedback.pushInfo(tr("No boundary points given: computing them with {alg}.").format(alg=BOUNDARY_ALGORITHM))
    layer = whole_layer(alg, parameters, context, parcels_param)
    child = {"INPUT": layer, "OUTPUT_POINTS": QgsProcessing.TEMPORARY_OUTPUT,
             "OUTPUT_LINES": QgsProcessing.TEMPORARY_OUTPUT}  # the 四至 parcels (optional) are not needed here
    results, ok = algorithm.run(child, context, feedback)
    if not ok or not results:
        raise QgsProcessingException(tr("{alg} failed; see the log above.").format(alg=BOUNDARY_ALGORITHM))
    point_layer = QgsProcessingUtils.mapLayerFromString(results["OUTPUT_POINTS"], context)
    line_layer = QgsProcessingUtils.mapLayerFromString(results.get("OUTPUT_LINES", ""), context) \
        if results.get("OUTPUT_LINES") else None
    return point_layer, line_layer


def finish(alg, parameters, context, results, folder, feedback, report_name, what, key_title):
    """Report every page; write the CSV report (or, in a parallel worker, the results for the parent)."""
    results_json = alg.parameterAsString(parameters, "RESULTS_JSON", context) if "RESULTS_JSON" in parameters else ""
    skipped = sum(r.status == SKIPPED for r in results)
    if results_json:
        with atomic_output(results_json) as tmp:
            with open(tmp, "w", encoding="utf-8") as handle:
                json.dump([dataclasses.asdict(r) for r in results], handle, ensure_ascii=False)
        return {"OUTPUT_FOLDER": folder, "PAGES": sum(r.status not in (FAILED, SKIPPED) for r in results),
                "FAILED": sum(r.status == FAILED for r in results), "SKIPPED": skipped, "REPORT": ""}
    drawn, failed = report_to_feedback(results, feedback, what)
    if skipped:
        feedback.pushInfo(tr("Skipped {n} parcels whose files were already complete.").format(n=skipped))
    report = write_report(os.path.join(folder, report_name), results, key_title)
    feedback.pushInfo(tr("{drawn} pages drawn, {failed} not drawn; report: {report}").format(
        drawn=drawn, failed=failed, report=report))
    return {"OUTPUT_FOLDER": folder, "PAGES": drawn, "FAILED": failed, "SKIPPED": skipped, "REPORT": report}


FINDING_FIELDS = ["RULE_ID", "SEVERITY", "CODES", "FIDS", "LAYER"]


def findings(alg, parameters, context, feedback, name: str = "QUALITY_ERRORS") -> Optional[List[dict]]:
    """The findings of a homestead:qualitycheck layer, one dict per finding; None when not given."""
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        return None
    data = read(source, context, feedback, FINDING_FIELDS, required=["SEVERITY", "CODES"], geometry=False)
    names = list(data.attributes)
    return [dict(zip(names, values)) for values in zip(*(data.attributes[n] for n in names))] if names else []


def surveyor(alg, parameters, context) -> str:
    """The SURVEYOR parameter, else the project variable @homestead_surveyor, else ''."""
    name = alg.parameterAsString(parameters, "SURVEYOR", context)
    if not name and context.project() is not None:
        scope = QgsExpressionContextUtils.projectScope(context.project())
        name = str(scope.variable("homestead_surveyor") or "") if scope.hasVariable("homestead_surveyor") else ""
    return name
