"""homestead:parcelsketches — 宗地草图, one A4 schematic page per parcel, from the layouts/caotu.qpt template."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...cadastre.maps.sketch import SketchData
from ...cadastre.messages import translatable
from ...i18n import tr
from ...mapping.sketches import SketchSource
from ..library import map_inputs
from .map_base import MapsAlgorithm
from .parcel_maps import FORMATS, export_options

DEFAULT_LENGTH_FIELD = "JZXCD"


class ParcelSketchesAlgorithm(MapsAlgorithm):
    NAME = "parcelsketches"
    DISPLAY_NAME = translatable("Parcel sketches (宗地草图)")
    SINGLE_FILE = "caotu.pdf"
    REPORT = "parcelsketches_report.csv"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_parcels()
        map_inputs.optional_source(self, "HOUSES", tr("Buildings (ZRZ)"))
        self.add_boundaries()
        self.addParameter(QgsProcessingParameterField(
            "LENGTH", tr("Measured (勘丈) length field of the boundary lines; computed where empty"),
            DEFAULT_LENGTH_FIELD, "LINES", QgsProcessingParameterField.Numeric, optional=True))
        map_inputs.optional_source(self, "ROADS", tr("Roads (DXT_DL)"))
        self.add_holders()
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", tr("Layout template (.qpt); default: the bundled 宗地草图"), extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Output"), [tr(f[0]) for f in FORMATS], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            "SURVEYOR", tr("Surveyor 调查员 (default: @homestead_surveyor)"), optional=True))
        map_inputs.variable_parameters(self)
        map_inputs.feature_ids_parameter(self)
        self.add_output_folder(tr("Sketches drawn"), tr("Parcels not drawn"))

    def process(self, parameters, context, feedback):
        folder, prefix, targets = self.parcel_targets(parameters, context)
        options = export_options(folder, self.parameterAsEnum(parameters, "FORMAT", context), 200, self.SINGLE_FILE)
        length_field = self.parameterAsString(parameters, "LENGTH", context) or DEFAULT_LENGTH_FIELD

        # a length field the user chose must exist; the default JZXCD may be absent (lengths are then computed)
        required = ["ZDZHDM"] + ([length_field] if length_field != DEFAULT_LENGTH_FIELD else [])
        parcels, tables = self.read_parcel_scene(parameters, context, feedback, ["ZDZHDM", length_field, "LZDDM"],
                                                 required)
        crs = parcels.crs
        data = SketchData(*tables, zone=map_inputs.zone_of(crs), length_field=length_field)
        index_of = {int(fid): i for i, fid in enumerate(parcels.ids)}
        variables = map_inputs.variable_values(self, parameters, context)
        variables["homestead_surveyor"] = map_inputs.surveyor(self, parameters, context)
        variables.setdefault("homestead_survey_date", "")
        source = SketchSource(data, [index_of[f] for f in targets if f in index_of], crs, context.project(),
                              self.parameterAsString(parameters, "TEMPLATE", context), variables)
        return self.export(source, options, parameters, context, feedback, folder)
