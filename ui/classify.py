"""Classifying a parcel layer from the panel: homestead:classify in a background QgsTask (progress, cancel),
its suggestions then taken into the layer's edit buffer as one undo step, for parcels nobody reviewed yet."""
from __future__ import annotations

from collections import Counter
from typing import List, Optional, Tuple

from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from ..cadastre import progress, review
from ..cadastre.database import pg_schema
from ..cadastre.messages import CadastreError, fail, translatable
from ..i18n import tr
from . import suggest
from .audit import from_qgis, with_row_version
from .project_layers import survey_table

ALGORITHM = "homestead:classify"
DECISION_FIELDS = ("LB", "LBMC", "LBYY", "DJMJ", "CZMJ", "FJ", "XYBZ")


def available() -> bool:
    return QgsApplication.processingRegistry().algorithmById(ALGORITHM) is not None


def _project_profile():
    """(the project's policy profile or None without the engine or when it cannot be read, its name)."""
    module = suggest.engine()
    name = suggest.profile_name()
    if module is None:
        return None, name
    try:
        return module.load_profile(name), name
    except (CadastreError, OSError, ValueError):
        return None, name


def profile_targets() -> Tuple[List[progress.Target], str]:
    """(targets, profile name) of the project's policy profile; no targets without the engine."""
    profile, name = _project_profile()
    if profile is None:
        return [], name if suggest.engine() is not None else ""
    return progress.targets_from_milestones(getattr(profile, "milestones", ())), getattr(profile, "title", "") or name


def policy_scope() -> Tuple[str, str, Tuple[str, ...]]:
    """(name, title, counties) of the project's policy profile: the counties it is written for, () anywhere."""
    profile, name = _project_profile()
    if profile is None:
        return name, name, ()
    return profile.name, profile.title, tuple(getattr(profile, "counties", ()))


class ClassificationRun:
    """One run of homestead:classify on ``layer`` in a background task. On the main thread afterwards,
    ``on_output(output_layer)`` gets the classified copy, or ``on_failed(message)`` says why there is none."""

    def __init__(self, layer: QgsVectorLayer, on_output, on_failed, label=None):
        algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
        if algorithm is None:
            raise fail("CLASSIFY_MISSING", translatable(
                "The classification algorithm {id} is not installed with this plugin."), id=ALGORITHM)
        self.layer = layer
        self.on_output = on_output
        self.on_failed = on_failed
        self.label = label
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        parameters = {"INPUT": layer, "POLICY": suggest.profile_name(), "OUTPUT": "TEMPORARY_OUTPUT"}
        farmland = farmland_layer(layer)
        if farmland is not None:
            parameters["FARMLAND"] = farmland
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        if label is not None:
            self.feedback.progressChanged.connect(
                lambda p: label.setText(tr("Classifying… {percent:.0f}%").format(percent=p)))
            label.show()
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        self.feedback.cancel()
        self.task.cancel()

    def _executed(self, successful: bool, results: dict) -> None:
        if self.label is not None:
            self.label.hide()
        if not successful:
            self.on_failed(tr("The classification did not finish; see the log for why."))
            return
        value = results.get("OUTPUT")
        output = self.context.getMapLayer(value) if isinstance(value, str) else None
        if output is None and value:
            output = QgsVectorLayer(str(value), "classified", "ogr")
        if output is None or not output.isValid():
            self.on_failed(tr("The classification wrote no readable output."))
            return
        self.on_output(output)


def farmland_layer(parcels: QgsVectorLayer) -> Optional[QgsVectorLayer]:
    """The project's permanent basic farmland (JBNT) of the parcels' GeoPackage or PostGIS schema, when it has
    patches: the classification overlays it; without it, it reads the parcels' ZYJBNTMJ."""
    table = survey_table(parcels)
    for layer in QgsProject.instance().mapLayers().values():
        if (isinstance(layer, QgsVectorLayer) and table is not None and survey_table(layer) == (table[0], "JBNT")
                and layer.featureCount() > 0):
            return layer
    return None


def take_suggestions(layer: QgsVectorLayer, output: QgsVectorLayer) -> int:
    """Copy the decision fields of ``output`` (matched by ZDDM) into ``layer``'s edit buffer, as one undo step,
    for parcels not yet confirmed or overridden; their state becomes 建议. Parcels with an empty or duplicate
    code are left out (the quality checks name them). Returns the parcels changed."""
    fields = layer.fields()
    wanted = [n for n in DECISION_FIELDS if output.fields().indexOf(n) >= 0 and fields.indexOf(n) >= 0]
    if "LB" not in wanted or output.fields().indexOf("ZDDM") < 0:
        raise fail("CLASSIFY_OUTPUT", translatable(
            "The classification output lacks ZDDM or LB; it cannot be matched to layer {layer}."), layer=layer.name())
    suggestions, ambiguous = {}, set()
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    for feature in output.getFeatures(request):
        code = from_qgis(feature["ZDDM"])
        if code in suggestions:  # a duplicate code cannot be matched: the checks report it
            ambiguous.add(code)
        suggestions[code] = [feature[n] for n in wanted]
    for code in ambiguous | {None, ""}:
        suggestions.pop(code, None)
    if not layer.isEditable() and not layer.startEditing():
        raise fail("REVIEW_READ_ONLY", translatable(
            "Layer {layer} cannot be edited (read-only file or provider), so the decision was not written."),
            layer=layer.name())
    changed = 0
    layer.beginEditCommand(tr("Take the classification's suggestions"))
    own = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(
        ["ZDDM", "SHZT", pg_schema.ROW_VERSION] + wanted, fields)
    parcels = list(layer.getFeatures(own))
    codes = Counter(from_qgis(f["ZDDM"]) for f in parcels)
    for feature in parcels:
        code = from_qgis(feature["ZDDM"])
        values = suggestions.get(code) if codes[code] == 1 else None
        changes = None if values is None else review.take_suggestion(feature["SHZT"], dict(zip(wanted, values)))
        if changes is None:
            continue
        new = {fields.indexOf(name): value for name, value in changes.items() if fields.indexOf(name) >= 0}
        old = {i: feature.attribute(i) for i in new}
        if new != old:
            # a person's decision saved meanwhile by someone else is not replaced: PostGIS refuses the save
            new = with_row_version(layer, feature, new)
            old = {i: feature.attribute(i) for i in new}
            layer.changeAttributeValues(feature.id(), new, old)
            changed += 1
    layer.endEditCommand()
    return changed
