"""homestead:sheetindex — the standard 1:500/1:1000/1:2000 sheet grid over the parcels, and their 图幅号 (TFH)."""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from ...cadastre import schema
from ...cadastre.maps import sheets
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library import map_inputs
from ..library.adapters import output_fields, write_rows
from ..library.layers import qgs_fields
from .base import HomesteadAlgorithm

SCALES = sheets.SUPPORTED_SCALES


class SheetIndexAlgorithm(HomesteadAlgorithm):
    NAME = "sheetindex"
    DISPLAY_NAME = translatable("Map sheet index (图幅)")
    GROUP = "maps"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", tr("Parcels (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterEnum("SCALE", tr("Map scale"), [f"1:{s}" for s in SCALES], defaultValue=1))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Map sheets"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_PARCELS", tr("Parcels with sheet numbers (TFH)"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False))

    def process(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(tr("The input layer {name} could not be opened.").format(name="INPUT"))
        scale = SCALES[self.parameterAsEnum(parameters, "SCALE", context)]
        data = map_inputs.read(source, context, feedback, [])
        zone = map_inputs.zone_of(data.crs)
        index = sheets.build_index(data.geometries, scale, zone)
        if not index.sheets:
            raise QgsProcessingException(tr("Layer {layer} has no parcel geometry to put on map sheets.").format(
                layer=source.sourceName()))
        fields = qgs_fields(schema.TF.fields)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Polygon, data.crs)
        rows = [[s.number, scale, s.south, s.west, len(parcels)] for s, parcels in zip(index.sheets, index.parcels_of_sheet)]
        write_rows(sink, fields, rows, [s.polygon for s in index.sheets], feedback)
        feedback.pushInfo(tr("{n} map sheets at 1:{scale}.").format(n=len(index.sheets), scale=scale))
        results = {"OUTPUT": dest}

        if parameters.get("OUTPUT_PARCELS"):
            width = schema.ZD.field("TFH").length
            tfh = {}
            for fid, sheet_ids in zip(data.ids.tolist(), index.sheets_of_parcel):
                numbers = [index.sheets[s].number for s in sheet_ids]
                text, complete = sheets.sheet_label(numbers, width)
                if not complete:
                    feedback.pushWarning(tr("Feature {fid} lies on {n} sheets; TFH holds {width} characters, so it "
                                            "keeps the sheet with the largest part: {tfh}.").format(
                        fid=fid, n=len(numbers), width=width, tfh=text))
                tfh[fid] = text
            out_fields = output_fields(source.fields(), [schema.ZD.field("TFH")])
            index_tfh = out_fields.indexOf("TFH")
            parcels_sink, parcels_dest = self.parameterAsSink(parameters, "OUTPUT_PARCELS", context, out_fields,
                                                              source.wkbType(), source.sourceCrs())
            total = source.featureCount() or 1
            for n, feature in enumerate(source.getFeatures(QgsFeatureRequest())):
                if feedback.isCanceled():
                    raise QgsProcessingException(tr("Canceled."))
                out = QgsFeature(out_fields)
                attrs = list(feature.attributes()) + [None] * (out_fields.count() - len(feature.attributes()))
                attrs[index_tfh] = tfh.get(feature.id(), "")
                out.setAttributes(attrs)
                out.setGeometry(feature.geometry())
                if not parcels_sink.addFeature(out, QgsFeatureSink.FastInsert):
                    raise QgsProcessingException(tr("Could not write feature {n} to the output.").format(n=n))
                feedback.setProgress(100.0 * n / total)
            results["OUTPUT_PARCELS"] = parcels_dest
        return results
