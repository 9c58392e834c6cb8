"""Test helpers: real GeoPackages written through GDAL/OGR, a feedback that records messages, layer readers."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Sequence

from qgis.core import QgsProcessingFeedback, QgsVectorLayer


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps what an algorithm tells the user."""

    def __init__(self):
        super().__init__()
        self.errors: List[str] = []
        self.infos: List[str] = []
        self.warnings: List[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
        self.errors.append(error)

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append(info)

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.warnings.append(warning)

    def text(self) -> str:
        return "\n".join(self.infos + self.errors)


def demo_village():
    """(GeoPackage path, manifest dict) of the bundled demo village (tools/make_village.py), or skip the test."""
    import json


    sample = Path(__file__).resolve().parents[1] / "sample_data"
    path = sample / "demo_village.gpkg"
    if not path.exists():
        from conftest import missing_data

        missing_data(f"the demo village {path} is not built (make sample-data)")
    return path, json.loads((sample / "demo_village.manifest.json").read_text(encoding="utf-8"))


def write_gpkg(path: Path, layer: str, epsg: int, wkts: Sequence[Optional[str]], fields: Dict[str, Sequence],
               geometry_type: str = "Polygon") -> str:
    """A GeoPackage layer written with OGR (not with the code under test); returns 'path|layername=layer'."""
    from osgeo import ogr, osr

    types = {int: ogr.OFTInteger, float: ogr.OFTReal, str: ogr.OFTString}
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path)) if not Path(path).exists() else ogr.Open(str(path), 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    kinds = {"Polygon": ogr.wkbPolygon, "MultiPolygon": ogr.wkbMultiPolygon, "Unknown": ogr.wkbUnknown,
             "PolygonZ": ogr.wkbPolygon25D, "LineString": ogr.wkbLineString}
    out = dataset.CreateLayer(layer, srs, kinds[geometry_type])
    for name, values in fields.items():
        sample = next((v for v in values if v is not None), "")
        out.CreateField(ogr.FieldDefn(name, types[type(sample)]))
    definition = out.GetLayerDefn()
    for i, wkt in enumerate(wkts):
        feature = ogr.Feature(definition)
        for name, values in fields.items():
            if values[i] is not None:
                feature.SetField(name, values[i])
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        out.CreateFeature(feature)
    dataset = None
    return f"{path}|layername={layer}"


def rows(path: str, layer: Optional[str] = None) -> List[dict]:
    """Every feature of a layer as a dict of attributes plus 'geometry' (a QgsGeometry) and 'fid'."""
    uri = f"{path}|layername={layer}" if layer else path
    vector = QgsVectorLayer(uri, "read", "ogr")
    assert vector.isValid(), uri
    names = vector.fields().names()
    result = []
    for feature in vector.getFeatures():
        row = {name: _plain(feature[name]) for name in names}
        row["geometry"] = feature.geometry()
        row["fid"] = feature.id()
        result.append(row)
    crs = vector.crs().authid()
    del vector
    for row in result:
        row["crs"] = crs
    return result


def _plain(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    return value
