"""homestead:parcelmaps — 宗地图, one A4 page per parcel, from the layouts/zongditu.qpt template."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ...cadastre.maps.mapdata import ParcelMapData
from ...cadastre.messages import translatable
from ...i18n import tr
from ...mapping.export import ExportOptions
from ...mapping.parcel_maps import ParcelMapSource
from ..library import map_inputs, parallel
from .map_base import MapsAlgorithm

FORMATS = (
    (translatable("PDF, one file per parcel"), dict(pdf=True, png=False, single=False)),
    (translatable("PDF, one multi-page file"), dict(pdf=True, png=False, single=True)),
    (translatable("PNG, one file per parcel"), dict(pdf=False, png=True, single=False)),
    (translatable("PDF and PNG, one file each per parcel"), dict(pdf=True, png=True, single=False)),
)
SHEET_SCALES = (500, 1000, 2000)


def export_options(folder: str, fmt: int, dpi: int, single_name: str) -> ExportOptions:
    choice = FORMATS[fmt][1]
    return ExportOptions(folder, pdf=choice["pdf"], png=choice["png"], single_file=single_name if choice["single"] else "",
                         dpi=dpi)


class ParcelMapsAlgorithm(MapsAlgorithm):
    NAME = "parcelmaps"
    DISPLAY_NAME = translatable("Parcel maps (宗地图)")
    SINGLE_FILE = "zongditu.pdf"
    REPORT = "parcelmaps_report.csv"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_parcels()
        map_inputs.optional_source(self, "HOUSES", tr("Buildings (ZRZ)"))
        self.add_boundaries()
        map_inputs.optional_source(self, "ROADS", tr("Roads (DXT_DL)"))
        self.add_holders()
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", tr("Layout template (.qpt); default: the bundled 宗地图"), extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Output"), [tr(f[0]) for f in FORMATS], defaultValue=0))
        dpi = QgsProcessingParameterNumber("DPI", tr("PNG resolution (dpi)"), QgsProcessingParameterNumber.Integer, 200, False, 50, 1200)
        dpi.setFlags(dpi.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(dpi)
        self.add_advanced(QgsProcessingParameterEnum("SHEET_SCALE", tr("Base map scale for the sheet number when TFH is empty"),
                                           [f"1:{s}" for s in SHEET_SCALES], defaultValue=1))
        map_inputs.variable_parameters(self)
        self.add_workers(tr("Parallel processes (files per parcel only)"))
        self.add_skip_existing()
        map_inputs.feature_ids_parameter(self)
        self.add_output_folder(tr("Maps drawn"), tr("Parcels not drawn"))

    def process(self, parameters, context, feedback):
        folder, prefix, targets = self.parcel_targets(parameters, context)
        fmt = self.parameterAsEnum(parameters, "FORMAT", context)
        options = export_options(folder, fmt, self.parameterAsInt(parameters, "DPI", context), self.SINGLE_FILE)
        options.skip_existing = self.skip_existing(parameters, context)
        if options.skip_existing and options.single_file:
            feedback.pushWarning(tr("One multi-page file is always drawn whole: nothing is skipped."))
        workers = self.parameterAsInt(parameters, "WORKERS", context)
        if workers > 1 and not options.single_file:
            results = parallel.run_in_workers(self, parameters, context, feedback, targets, workers,
                                              {"POINTS": "LINES"}, "PARCELS")
            if results is not None:
                return self.finish(parameters, context, results, folder, feedback)

        parcels, tables = self.read_parcel_scene(parameters, context, feedback, ["ZDZHDM", "JZXCD"])
        crs = parcels.crs
        data = ParcelMapData(*tables, sheet_scale=SHEET_SCALES[self.parameterAsEnum(parameters, "SHEET_SCALE", context)],
                             zone=map_inputs.zone_of(crs))
        index_of = {int(fid): i for i, fid in enumerate(parcels.ids)}
        variables = map_inputs.variable_values(self, parameters, context)
        source = ParcelMapSource(data, [index_of[f] for f in targets if f in index_of], crs, context.project(),
                                 self.parameterAsString(parameters, "TEMPLATE", context), variables,
                                 variables.get("homestead_survey_date", ""))
        return self.export(source, options, parameters, context, feedback, folder)
