"""The survey layers a delivery is made of (parameters and reading), shared by exportdelivery and exportshare."""
from __future__ import annotations

import os
from typing import Dict, List

from qgis.core import QgsProcessing, QgsProcessingException, QgsProcessingParameterFeatureSource, QgsProviderRegistry

from ...cadastre import schema, zones
from ...cadastre.database import delivery, delivery_dictionary
from ...cadastre.messages import translatable
from ...i18n import tr
from . import adapters

# parameter → (survey layer, description, geometry, required)
SOURCES = (
    ("PARCELS", "ZD", translatable("Parcels (ZD)"), QgsProcessing.TypeVectorPolygon, True),
    ("BUILDINGS", "ZRZ", translatable("Buildings (ZRZ)"), QgsProcessing.TypeVectorPolygon, False),
    ("LOGICAL", "LJZ", translatable("Logical buildings (LJZ, a table)"), QgsProcessing.TypeVector, False),
    ("FLOORS", "C", translatable("Floors (C)"), QgsProcessing.TypeVectorPolygon, False),
    ("UNITS", "H", translatable("Household units (H)"), QgsProcessing.TypeVectorPolygon, False),
    ("POINTS", "JZD", translatable("Boundary points (JZD)"), QgsProcessing.TypeVectorPoint, False),
    ("LINES", "JZX", translatable("Boundary lines (JZX)"), QgsProcessing.TypeVectorLine, False),
    ("HOLDERS", "QLR", translatable("Right holders (QLR, a table)"), QgsProcessing.TypeVector, False),
    ("OVERLAPS", "JBNTTH", translatable("Farmland overlaps (JBNTTH, from homestead:farmlandoverlay)"), QgsProcessing.TypeVectorPolygon, False),
)


def add_parameters(alg) -> None:
    for name, _layer, description, geometry, required in SOURCES:
        alg.addParameter(QgsProcessingParameterFeatureSource(name, tr(description), [geometry], optional=not required))


def refuse_inputs_inside(alg, parameters, context, folder: str) -> None:
    """Refuse an input read from a file inside ``folder``, which the export replaces as a whole."""
    inside = os.path.realpath(folder) + os.sep
    for name, _layer, description, _g, _r in SOURCES:
        layer = alg.parameterAsVectorLayer(parameters, name, context) if parameters.get(name) else None
        if layer is None or layer.providerType() != "ogr":
            continue
        path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
        if path and os.path.realpath(path).startswith(inside):
            raise QgsProcessingException(tr(
                "The input {layer} ({parameter}) is read from {path}, inside the delivery folder the export replaces. "
                "Choose another delivery folder.").format(layer=layer.name(), parameter=tr(description), path=path))


def read_rows(alg, parameters, context, feedback, extensions: bool) -> tuple:
    """(rows of every delivered layer that has a source, EPSG of the delivery): the parcels' CGCS2000 3° zone,
    every other layer transformed to it. Refuses parcels without ZDDM or in another CRS, naming the layer."""
    sources = {}
    for name, layer_name, _d, _g, _r in SOURCES:
        source = alg.parameterAsSource(parameters, name, context)
        if source is not None:
            sources[layer_name] = source
    if "ZD" not in sources:
        raise QgsProcessingException(tr("The parcel layer (PARCELS) could not be opened."))
    own = sources["ZD"].sourceCrs()
    # positions are delivered, not only measures: a projected CRS on another datum (Xian 1980, Beijing 1954,
    # Web Mercator) is reprojected by the county with its own transformation parameters, not here
    crs = adapters.survey_plane_for(sources["ZD"], context) if own.isGeographic() or adapters.zone_of_crs(own) else own
    epsg = int(crs.postgisSrid()) if crs.authid().startswith("EPSG:") else 0
    if not zones.is_zone_epsg(epsg):
        raise QgsProcessingException(tr(
            "The parcels are in {crs}; the delivery is in a CGCS2000 3° zone (EPSG:4513-4554). Reproject the "
            "parcel layer to its zone (e.g. EPSG:4525) and export again.").format(crs=crs.authid() or crs.description()))
    records: Dict[str, tuple] = {}
    for layer_name, source in sources.items():
        spatial = schema.LAYERS[layer_name].geometry != schema.NONE
        data = adapters.read_layer(source, context, None, fields=None, crs=crs if spatial else None, geometry=spatial,
                                   required=["ZDDM"] if layer_name == "ZD" else (),
                                   dimension={"JZD": 0, "JZX": 1}.get(layer_name, 2))
        names = list(data.attributes)
        rows = [dict(zip(names, values)) for values in zip(*(data.attributes[n] for n in names))] if names else \
            [{} for _ in data.ids]
        records[layer_name] = (rows, list(data.geometries) if spatial else [None] * len(rows))
    context_values = {"parcel_right": delivery.parcel_rights(records["ZD"][0])}
    result: List[delivery.Rows] = []
    for layer in delivery_dictionary.layers(extensions, overlay="JBNTTH" in records):
        if layer.source not in records:
            continue
        rows, geometries = records[layer.source]
        built = delivery.build_rows(layer, rows, geometries, context_values)
        if built.bsm_filled:
            feedback.pushInfo(tr("{layer}: {n} rows had no identifier BSM; numbered after the highest.").format(
                layer=layer.name, n=built.bsm_filled))
        result.append(built)
    return result, epsg
