"""What the algorithms that draw or print page by page share: the main thread, the parcel and village inputs,
the boundary-point and boundary-line inputs, the right holders, advanced options, and the output folder with its
page count and report."""
from __future__ import annotations

from typing import Optional, Tuple

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

from ...cadastre.maps.mapdata import Table
from ...cadastre.messages import translatable
from ...i18n import tr
from ...mapping.export import export_pages
from ..library import map_inputs
from .base import HomesteadAlgorithm

ZD_FIELDS = ["ZDDM", "QLRMC", "ZDMJ", "YT", "TFH", "ZL"]  # the parcel fields a parcel's page shows
POINT_FIELDS = ["ZDZHDM", "JZDH", "SXH", "JZDLX"]


class MapsAlgorithm(HomesteadAlgorithm):
    """The shared parameters, the reading of the page inputs and the tail of every page batch: export, let go of
    the layers, report. A subclass names its report (REPORT), what a page is (PAGE) and its key (KEY_TITLE)."""

    GROUP = "maps"
    REPORT = ""  # file name of the report CSV in the output folder
    PAGE = translatable("Parcel")
    KEY_TITLE = translatable("Parcel code")

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

    def add_buildings(self):
        """HOUSES (selected ones only when asked) and VILLAGE (a prefix of their parcel code)."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOUSES", tr("Buildings (ZRZ); only the selected ones when 'Selected features only' is ticked"),
            [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            "VILLAGE", tr("Only buildings whose parcel code starts with (e.g. the 12-digit village code)"), optional=True))

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

    def read_optional(self, parameters, context, feedback, name: str, fields, crs=None, required=(),
                      geometry: bool = True) -> Optional[Table]:
        """The optional input ``name`` read as a table of ``fields`` (on ``crs``), None when it is not given."""
        source = self.parameterAsSource(parameters, name, context)
        if not source:
            return None
        return map_inputs.to_table(map_inputs.read(source, context, feedback, fields, crs, required=required,
                                                   geometry=geometry))

    def read_boundaries(self, parameters, context, feedback, crs, point_fields, line_fields,
                        line_required=("ZDZHDM",)) -> Tuple[Table, Optional[Table]]:
        """The boundary points (POINTS) and lines (LINES, None when absent) as tables; computed from PARCELS by
        homestead:boundarypoints when POINTS is not given."""
        points, lines = map_inputs.boundary_layers(self, parameters, context, feedback, "PARCELS", "POINTS", "LINES")
        point_table = map_inputs.to_table(map_inputs.read(points, context, feedback, point_fields, crs,
                                                          required=["ZDZHDM", "JZDH"], dimension=0))
        if lines is None:
            return point_table, None
        return point_table, map_inputs.to_table(map_inputs.read(lines, context, feedback, line_fields, crs,
                                                                required=list(line_required), dimension=1))

    def read_parcel_scene(self, parameters, context, feedback, line_fields, line_required=("ZDZHDM",)):
        """The parcels (the whole layer: neighbours are drawn too) and, as tables in the order the page data takes
        them, the parcels, boundary points, boundary lines, houses, roads and right holders (None where not given)."""
        parcels = map_inputs.read(map_inputs.whole_layer(self, parameters, context, "PARCELS"), context, feedback,
                                  ZD_FIELDS, required=["ZDDM"])
        crs = parcels.crs
        points, lines = self.read_boundaries(parameters, context, feedback, crs, POINT_FIELDS, line_fields, line_required)
        return parcels, (
            map_inputs.to_table(parcels), points, lines,
            self.read_optional(parameters, context, feedback, "HOUSES", ["ZDDM", "ZCS", "FWJG"], crs),
            self.read_optional(parameters, context, feedback, "ROADS", ["MC"], crs),
            self.read_optional(parameters, context, feedback, "HOLDERS", ["ZDDM", "SXH", "QLRMC"], geometry=False))

    def read_buildings(self, parameters, context, feedback, fields, required=(), nothing=""):
        """(output folder, the whole HOUSES layer read, the table of its buildings to draw, their feature ids): the
        (selected) buildings whose parcel code starts with VILLAGE; refused with ``nothing`` when there are none."""
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        prefix = self.parameterAsString(parameters, "VILLAGE", context).strip()
        targets = set(map_inputs.target_ids(self, parameters, context, "HOUSES", "ZDDM", prefix))
        if not targets:
            raise QgsProcessingException(nothing.format(prefix=prefix))
        houses = map_inputs.read(self.parameterAsSource(parameters, "HOUSES", context), context, feedback, fields,
                                 required=required)
        keep = [k for k, fid in enumerate(houses.ids) if int(fid) in targets]
        table = map_inputs.to_table(houses)
        table.geometries = table.geometries[keep]
        table.attributes = {name: [values[k] for k in keep] for name, values in table.attributes.items()}
        return folder, houses, table, [int(houses.ids[k]) for k in keep]

    def export(self, source, options, parameters, context, feedback, folder: str):
        """Draw the pages of ``source`` (warning of the template items it lacks), let go of its layers, report."""
        if source.template.missing:
            feedback.pushWarning(tr("The template lacks the item(s) {items}; their content is left out.").format(
                items=", ".join(source.template.missing)))
        try:
            results = export_pages(source, options, feedback)
        finally:
            source.close()
        return self.finish(parameters, context, results, folder, feedback)

    def finish(self, parameters, context, results, folder: str, feedback):
        """Every page reported to the log and to the report CSV (or, in a parallel worker, to the parent)."""
        return map_inputs.finish(self, parameters, context, results, folder, feedback, self.REPORT, tr(self.PAGE),
                                 self.KEY_TITLE)

    def parcel_targets(self, parameters, context):
        """(output folder, village prefix, ids of the parcels to draw); refused when there are none."""
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        prefix = self.parameterAsString(parameters, "VILLAGE", context).strip()
        targets = map_inputs.target_ids(self, parameters, context, "PARCELS", "ZDDM", prefix)
        if not targets:
            raise QgsProcessingException(tr("No parcels to draw: the layer is empty, nothing is selected, or no code "
                                            "starts with '{prefix}'.").format(prefix=prefix))
        return folder, prefix, targets
