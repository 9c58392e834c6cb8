"""homestead:farmlandoverlay — 永久基本农田套合: the farmland each parcel occupies, and houses on farmland."""
from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...cadastre import schema
from ...cadastre.farmland import farmland_overlay
from ...cadastre.messages import translatable
from ...cadastre.overlay import to_multipolygons
from ...i18n import tr
from ..library import adapters, gpkg_io
from ..library.styling import style_on_load
from .base import HomesteadAlgorithm

ADDED = tuple(schema.ZD.field(name) for name in ("ZYJBNTMJ", "ZYJBNTBL", "JBNTBH", "FWZJBNT"))


class FarmlandOverlayAlgorithm(HomesteadAlgorithm):
    NAME = "farmlandoverlay"
    DISPLAY_NAME = translatable("Overlay parcels with permanent basic farmland")
    GROUP = "checks"

    INPUT, FARMLAND, PATCH_ID, MIN_AREA, BUILDINGS, TARGET_CRS = "INPUT", "FARMLAND", "PATCH_ID", "MIN_AREA", "BUILDINGS", "TARGET_CRS"
    OUTPUT, OUTPUT_OVERLAPS = "OUTPUT", "OUTPUT_OVERLAPS"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Parcels (ZD)"), polygons))
        self.addParameter(QgsProcessingParameterFeatureSource(self.FARMLAND, tr("Permanent basic farmland (JBNT)"), polygons))
        self.addParameter(QgsProcessingParameterField(
            self.PATCH_ID, tr("Farmland patch id field"), "JBNTTBBH", self.FARMLAND, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, tr("Minimum overlap area counted as occupation (m²)"), QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, tr("Houses (ZRZ)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.TARGET_CRS, tr("Plane to measure on (default: the parcels' survey plane)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Parcels with farmland occupation")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_OVERLAPS, tr("Parcel and farmland overlaps"), QgsProcessing.TypeVectorPolygon, optional=True))

    def process(self, parameters, context, feedback):
        parcels_source = self.parameterAsSource(parameters, self.INPUT, context)
        farmland_source = self.parameterAsSource(parameters, self.FARMLAND, context)
        buildings_source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        patch_field = self.parameterAsString(parameters, self.PATCH_ID, context)
        target = self.parameterAsCrs(parameters, self.TARGET_CRS, context) if parameters.get(self.TARGET_CRS) else None

        plane = adapters.check_plane_for(parcels_source, context, target)
        # a whole GeoPackage table in, a GeoPackage file out: read and copied in bulk (gpkg_io), else via QGIS
        table = gpkg_io.whole_table(self, parameters, self.INPUT, context)
        destination = None if table is None else gpkg_io.file_destination(self, parameters, self.OUTPUT, context, table)
        parcels = gpkg_io.read_input(self, parameters, self.INPUT, parcels_source, context, feedback, ["ZDDM"], plane,
                                     keep_features=destination is None)
        adapters.report_problems(parcels, feedback)
        feedback.setProgress(15)
        farmland = gpkg_io.read_input(self, parameters, self.FARMLAND, farmland_source, context, feedback,
                                      [patch_field] if patch_field else [], plane)
        adapters.report_problems(farmland, feedback)
        buildings = None
        if buildings_source is not None:
            buildings = gpkg_io.read_input(self, parameters, self.BUILDINGS, buildings_source, context, feedback, [], plane)
            adapters.report_problems(buildings, feedback)
        feedback.setProgress(30)
        _report_invalid(parcels, tr("parcel"), feedback)
        _report_invalid(farmland, tr("farmland patch"), feedback)
        if feedback.isCanceled():
            return {}

        patch_ids = _patch_ids(farmland, patch_field)
        result = farmland_overlay(parcels.geometries, farmland.geometries, patch_ids, min_area,
                                  None if buildings is None else buildings.geometries)
        feedback.setProgress(60)

        columns = {
            "ZYJBNTMJ": np.round(result.occupied_area, 4),
            "ZYJBNTBL": np.round(result.occupied_share, 4),
            "JBNTBH": result.patch_ids,
            "FWZJBNT": [None] * len(parcels) if result.house_on_farmland is None else result.house_on_farmland,
        }
        if destination is not None:
            dest = gpkg_io.copy_with_columns(table, destination, ADDED, parcels.ids, columns, feedback, self)
        else:
            fields = adapters.output_fields(parcels_source.fields(), ADDED)
            sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                              parcels_source.wkbType(), parcels_source.sourceCrs())
            adapters.write_features_with(parcels.features, sink, fields, columns, feedback)
            del sink  # closes the file before Processing loads it
        style_on_load(context, dest, schema.ZD)
        feedback.setProgress(80)

        results = {self.OUTPUT: dest}
        if self.asked_for(parameters, self.OUTPUT_OVERLAPS):  # optional
            codes = parcels.column("ZDDM") if "ZDDM" in parcels.attributes else [None] * len(parcels)
            ov = result.overlaps
            parcel_fids, patch_fids = parcels.ids[ov.left].tolist(), farmland.ids[ov.right].tolist()
            rows = [
                [parcel_fid, codes[left], patch_fid, patch_ids[right], area, sliver]
                for parcel_fid, left, patch_fid, right, area, sliver in zip(
                    parcel_fids, ov.left.tolist(), patch_fids, ov.right.tolist(), np.round(ov.areas, 4).tolist(),
                    result.sliver.astype(int).tolist())
            ]
            overlap_dest = gpkg_io.write_out(self, parameters, self.OUTPUT_OVERLAPS, context, schema.JBNTTH, plane, rows,
                                             to_multipolygons(ov.geometries), feedback)
            style_on_load(context, overlap_dest, schema.JBNTTH)
            results[self.OUTPUT_OVERLAPS] = overlap_dest
        feedback.setProgress(100)

        occupying = int(result.occupying.sum())
        feedback.pushInfo(tr("{n} of {total} parcels occupy permanent basic farmland ({area:.2f} m² in all); {slivers} "
                             "overlaps of {min_area} m² or less were kept as slivers.").format(
            n=occupying, total=len(parcels), area=float(result.occupied_area.sum()),
            slivers=int(result.sliver.sum()), min_area=min_area))
        if result.house_on_farmland is not None:
            feedback.pushInfo(tr("{n} parcels have a house standing on farmland.").format(n=int(result.house_on_farmland.sum())))
        return results


def _patch_ids(farmland, field_name):
    """The id shown for each patch: the id field's value, or the feature id when empty."""
    values = farmland.column(field_name) if field_name and field_name in farmland.attributes else [None] * len(farmland)
    return [str(v).strip() if v not in (None, "") and str(v).strip() else str(int(fid)) for v, fid in zip(values, farmland.ids)]


def _report_invalid(data, what, feedback):
    present = np.array([g is not None for g in data.geometries], dtype=bool)
    if not present.any():
        return
    invalid = np.zeros(len(data), dtype=bool)
    invalid[present] = ~shapely.is_valid(data.geometries[present])
    for i in np.flatnonzero(invalid):
        feedback.reportError(tr("Feature {fid} of {layer} ({what}) has an invalid geometry ({reason}); it was repaired "
                                "for the overlay only. Run homestead:qualitycheck (ZD_INVALID) and fix it.").format(
            fid=int(data.ids[i]), layer=data.name, what=what, reason=shapely.is_valid_reason(data.geometries[i])), False)
