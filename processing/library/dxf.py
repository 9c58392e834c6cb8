"""Write a cadastre.maps.cad.Drawing as DXF with GDAL's DXF driver (bundled with every QGIS, no new dependency).

GDAL writes an AutoCAD R2004 (AC1018) DXF from its header template. Two things are set afterwards, in the text of
the file, because the driver has no option for them:
- the code page: GDAL declares ANSI_1252 but writes layer names as raw UTF-8; the file is declared ANSI_936 and
  written in GBK, as Chinese AutoCAD/CASS write R2004 DXF (texts are written by GDAL as \\U+XXXX escapes, which
  every CAD program reads in any code page);
- the text style: GDAL names the TrueType family (SimSun) only in the style's XDATA; AutoCAD also wants the font
  file (group 3), so simsun.ttc is added. Drawing units are set to metres ($INSUNITS 6, $MEASUREMENT 1).
Coordinates are written by GDAL with 15 significant digits (0.1 mm at 8-digit zone-prefixed eastings).
"""
from __future__ import annotations

import re

from ...cadastre.files import atomic_output
from ...cadastre.maps.cad import Drawing
from ...i18n import tr

FONT_FAMILY = "SimSun"  # 宋体: on every Chinese Windows; CAD programs substitute a CJK font elsewhere
FONT_FILE = "simsun.ttc"
CODE_PAGE = "ANSI_936"  # GBK


def write_dxf(path: str, drawing: Drawing, feedback=None) -> None:
    """Write ``drawing`` to ``path`` (atomically)."""
    from osgeo import gdal, ogr

    with atomic_output(path, ".dxf") as tmp:
        driver = ogr.GetDriverByName("DXF")
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # the failure is said below, translated
        try:
            dataset = driver.CreateDataSource(tmp)
        finally:
            gdal.PopErrorHandler()
        if dataset is None:
            raise OSError(tr("GDAL could not create the DXF file {path}.").format(path=path))
        entities = dataset.CreateLayer("entities")
        definition = entities.GetLayerDefn()

        def add(layer_name, geometry, style=None):
            feature = ogr.Feature(definition)
            feature.SetField("Layer", layer_name)
            feature.SetGeometry(geometry)
            if style:
                feature.SetStyleString(style)
            if entities.CreateFeature(feature) != 0:
                raise OSError(tr("GDAL could not write an entity on layer {layer} of {path}.").format(layer=layer_name, path=path))

        for n, (layer_name, ring) in enumerate(drawing.rings):
            if feedback is not None and n % 1000 == 0 and feedback.isCanceled():
                raise InterruptedError
            line = ogr.Geometry(ogr.wkbLineString)  # a closed LWPOLYLINE (a polygon would become a HATCH)
            for x, y in ring:
                line.AddPoint_2D(float(x), float(y))
            add(layer_name, line)
        for layer_name, x, y in drawing.points:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x, y)
            add(layer_name, point)
        for layer_name, (start, end) in drawing.segments:
            line = ogr.Geometry(ogr.wkbLineString)
            line.AddPoint_2D(float(start[0]), float(start[1]))
            line.AddPoint_2D(float(end[0]), float(end[1]))
            add(layer_name, line)
        for text in drawing.texts:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(text.x, text.y)
            content = text.text.replace('"', "'")
            add(text.layer, point, f'LABEL(f:"{FONT_FAMILY}",t:"{content}",s:{text.height:.3f}g,a:{text.angle:.2f},p:5)')
        entities = None  # noqa: F841 (the layer is released before the data set closes)
        dataset = None  # closes and writes the file
        _finish(tmp)


def _finish(path: str) -> None:
    """Code page, text style font file and metric units (see the module docstring)."""
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8")
    text, n = re.subn(r"(\$DWGCODEPAGE\r?\n\s*3\r?\n)ANSI_\d+", r"\g<1>" + CODE_PAGE, text, count=1)
    if n != 1:
        raise OSError(tr("The DXF header written by GDAL has no $DWGCODEPAGE; the file was not finished."))
    text = re.sub(r"(\$INSUNITS\r?\n\s*70\r?\n)\s*\d+", r"\g<1>     6", text, count=1)
    text = re.sub(r"(\$MEASUREMENT\r?\n\s*70\r?\n)\s*\d+", r"\g<1>     1", text, count=1)
    # the font file goes before the XDATA of GDAL's text styles (group 3 precedes 1001 in a STYLE record)
    text = re.sub(r"(\n1001\r?\nACAD\r?\n1000\r?\n" + FONT_FAMILY + r")", "\n  3\n" + FONT_FILE + r"\g<1>", text)
    with open(path, "wb") as handle:
        handle.write(text.encode("gbk"))

