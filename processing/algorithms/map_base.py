"""What the algorithms that draw or print page by page share: the main thread, the parcel and village inputs,
the boundary-point and boundary-line inputs, the right holders, advanced options, and the output folder with its
page count and report."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...i18n import tr
from ..library import map_inputs
from .base import HomesteadAlgorithm


class MapsAlgorithm(HomesteadAlgorithm):
    GROUP = "maps"

    def flags(self):
        # layout export and PDF printing drive QPainter and Qt's fonts: keep them on the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def add_parcels(self):
        """PARCELS (selected ones only when asked) and VILLAGE (a code prefix)."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PARCELS", tr("Parcels (ZD); only the selected ones when 'Selected features only' is ticked"),
            [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            "VILLAGE", tr("Only parcels whose code starts with (e.g. the 12-digit village code)"), optional=True))

    def add_boundaries(self):
        """POINTS and LINES, optional: computed from the parcels when not given."""
        map_inputs.optional_source(self, "POINTS", tr("Boundary points (JZD); computed when not given"),
                                   QgsProcessing.TypeVectorPoint)
        map_inputs.optional_source(self, "LINES", tr("Boundary lines (JZX)"), QgsProcessing.TypeVectorLine)

    def add_holders(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOLDERS", tr("Right holders (QLR), for parcels without QLRMC"), [QgsProcessing.TypeVector], optional=True))

    def add_advanced(self, parameter):
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(parameter)

    def add_workers(self, description: str):
        """WORKERS (advanced): pages drawn in that many processes (processing/library/parallel.py)."""
        self.add_advanced(QgsProcessingParameterNumber("WORKERS", description, QgsProcessingParameterNumber.Integer, 1,
                                                       False, 1, 32))

    def add_skip_existing(self):
        """SKIP_EXISTING: resume an interrupted batch. Off by default: a run after corrections must redraw, and a
        file left from before the corrections would otherwise be delivered unnoticed."""
        self.addParameter(QgsProcessingParameterBoolean(
            "SKIP_EXISTING", tr("Skip parcels whose files are already complete (resume an interrupted batch)"),
            defaultValue=False))

    def add_output_folder(self, pages: str, failed: str):
        """OUTPUT_FOLDER, and the outputs PAGES (``pages``), FAILED (``failed``), SKIPPED and REPORT."""
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", pages))
        self.addOutput(QgsProcessingOutputNumber("FAILED", failed))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Skipped: files already complete")))
        self.addOutput(QgsProcessingOutputFile("REPORT", tr("Report (CSV)")))

    def skip_existing(self, parameters, context) -> bool:
        return "SKIP_EXISTING" in parameters and self.parameterAsBoolean(parameters, "SKIP_EXISTING", context)

    def parcel_targets(self, parameters, context):
        """(output folder, village prefix, ids of the parcels to draw); refused when there are none."""
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        prefix = self.parameterAsString(parameters, "VILLAGE", context).strip()
        targets = map_inputs.target_ids(self, parameters, context, "PARCELS", "ZDDM", prefix)
        if not targets:
            raise QgsProcessingException(tr("No parcels to draw: the layer is empty, nothing is selected, or no code "
                                            "starts with '{prefix}'.").format(prefix=prefix))
        return folder, prefix, targets
