"""homestead:sheetmaps — 套合图: per standard sheet, the base map with the homesteads (number and area) and the
permanent basic farmland boundary on top."""
from __future__ import annotations

from qgis.core import (
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ...cadastre import schema, zones
from ...cadastre.maps import maptext, sheets
from ...cadastre.maps.mapdata import repaired
from ...cadastre.maps.sheetlabels import parcel_text
from ...cadastre.messages import translatable
from ...i18n import tr
from ...mapping.export import ExportOptions
from ...mapping.sheet_maps import SheetMapSource, frame_is_standard, styled_clone
from ..library import map_inputs
from ..library.layers import apply_style
from .map_base import MapsAlgorithm

SCALES = sheets.SUPPORTED_SCALES
FORMATS = (
    (translatable("PDF, one file per sheet"), dict(pdf=True, png=False)),
    (translatable("PNG, one file per sheet"), dict(pdf=False, png=True)),
    (translatable("PDF and PNG, one file each per sheet"), dict(pdf=True, png=True)),
)


def sheet_labels_text(code, area, geometry) -> str:
    """宗地号 over the area: the recorded ZDMJ, else measured."""
    if geometry is None:
        return ""
    return parcel_text(maptext.parcel_number(code or ""), area if area is not None else geometry.area)


def basemap_clone(layer, context):
    """A copy of a base-map layer to draw; a survey layer (DXT_*) Processing loaded unstyled gets its schema style."""
    clone = layer.clone()
    name = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("layerName") or ""
    layer_schema = schema.LAYERS.get(name)
    in_project = context.project() is not None and context.project().mapLayer(layer.id()) is not None
    if layer_schema is not None:
        clone.setName(layer_schema.alias)
        if not in_project and layer_schema.style and isinstance(clone, QgsVectorLayer):
            apply_style(clone, layer_schema.style)
    return clone


class SheetMapsAlgorithm(MapsAlgorithm):
    NAME = "sheetmaps"
    DISPLAY_NAME = translatable("Overlay maps by sheet (套合图)")
    REPORT = "sheetmaps_report.csv"
    PAGE = translatable("Sheet")
    KEY_TITLE = translatable("Sheet number")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PARCELS", tr("Parcels (ZD); the sheets cover the selected ones when 'Selected features only' is ticked"),
            [QgsProcessing.TypeVectorPolygon]))
        map_inputs.optional_source(self, "FARMLAND", tr("Permanent basic farmland (JBNT)"))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "BASEMAP", tr("Base map layers (vector and/or raster DOM), top first"), QgsProcessing.TypeMapLayer,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum("SCALE", tr("Map scale"), [f"1:{s}" for s in SCALES], defaultValue=1))
        self.addParameter(QgsProcessingParameterString(
            "SHEETS", tr("Only these sheet numbers (comma-separated; default: every sheet with parcels)"), optional=True))
        self.addParameter(QgsProcessingParameterString("TITLE", tr("Area name printed under the title (e.g. village)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", tr("Layout template (.qpt); default: the bundled 套合图"), extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Output"), [tr(f[0]) for f in FORMATS], defaultValue=0))
        dpi = QgsProcessingParameterNumber("DPI", tr("PNG resolution (dpi)"), QgsProcessingParameterNumber.Integer, 150, False, 50, 600)
        dpi.setFlags(dpi.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(dpi)
        map_inputs.variable_parameters(self)
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Sheets drawn")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", tr("Sheets not drawn")))
        self.addOutput(QgsProcessingOutputFile("REPORT", tr("Report (CSV)")))

    def process(self, parameters, context, feedback):
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        scale = SCALES[self.parameterAsEnum(parameters, "SCALE", context)]
        source = self.parameterAsSource(parameters, "PARCELS", context)
        if source is None:
            raise QgsProcessingException(tr("The input layer {name} could not be opened.").format(name="PARCELS"))
        parcels_layer = map_inputs.whole_layer(self, parameters, context, "PARCELS")
        if not isinstance(parcels_layer, QgsMapLayer):
            raise QgsProcessingException(tr("The parcels must be a layer to be drawn."))
        data = map_inputs.read(parcels_layer, context, feedback, ["ZDDM", "ZDMJ"])
        zone = map_inputs.zone_of(data.crs)
        chosen = set(map_inputs.target_ids(self, parameters, context, "PARCELS", "ZDDM"))
        index = sheets.build_index(data.geometries[[int(fid) in chosen for fid in data.ids]], scale, zone)
        wanted = [t.strip() for t in self.parameterAsString(parameters, "SHEETS", context).split(",") if t.strip()]
        sheet_list = index.sheets
        if wanted:
            known = {s.number: s for s in index.sheets}
            unknown = [w for w in wanted if w not in known]
            if unknown:
                raise QgsProcessingException(tr("No parcel lies on sheet(s) {sheets} at 1:{scale}.").format(
                    sheets=", ".join(unknown), scale=scale))
            sheet_list = [known[w] for w in wanted]
        if not sheet_list:
            raise QgsProcessingException(tr("Layer {layer} has no parcel geometry to put on map sheets.").format(
                layer=source.sourceName()))

        layers = []  # top first
        farmland = self.parameterAsVectorLayer(parameters, "FARMLAND", context)
        if farmland is not None:
            layers.append(styled_clone(farmland, "thm_farmland.qml", schema.JBNT.alias))
        layers.append(styled_clone(parcels_layer, "thm_parcels.qml", schema.ZD.alias))
        for layer in self.parameterAsLayerList(parameters, "BASEMAP", context):
            layers.append(basemap_clone(layer, context))

        crs_note = zones.crs_note(zone)
        title = self.parameterAsString(parameters, "TITLE", context)
        texts = [sheet_labels_text(code, area, geometry) for code, area, geometry in
                 zip(data.column("ZDDM"), data.column("ZDMJ"), data.geometries)]
        source_pages = SheetMapSource(sheet_list, layers, repaired(data.geometries), texts, data.crs, context.project(), zone,
                                      self.parameterAsString(parameters, "TEMPLATE", context),
                                      map_inputs.variable_values(self, parameters, context), title, crs_note)
        if not frame_is_standard(source_pages.map):
            feedback.pushWarning(tr("The template's map item is not 500 mm × 500 mm; each sheet is drawn at 1:{scale} "
                                    "around its centre.").format(scale=scale))
        choice = FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)][1]
        options = ExportOptions(folder, pdf=choice["pdf"], png=choice["png"],
                                dpi=self.parameterAsInt(parameters, "DPI", context))
        return self.export(source_pages, options, parameters, context, feedback, folder)
