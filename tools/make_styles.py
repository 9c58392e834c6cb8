#!/usr/bin/env python3
"""Write the QML styles of the schema layers into symbology/ (run by hand when a style changes).

The QML files are the shipped artefacts (a county edits them in QGIS); this script documents how they were made.
Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_styles.py [LAYER ...]  (no layer: every style)
"""
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "build" / "plugins"))
from homestead_cadastre.cadastre import schema  # noqa: E402
from homestead_cadastre.cadastre.maps import maptext  # noqa: E402

FONT = "Noto Sans CJK SC"
# label of a house: storeys + structure abbreviation, e.g. 2混 (domain.md §6; cadastre.maps.maptext)
STRUCTURE_CASE = "CASE " + " ".join(
    f"WHEN \"FWJG\" = {code} THEN '{abbreviation}'" for code, abbreviation in maptext.STRUCTURE_ABBREVIATIONS.items()
) + " ELSE '' END"

STYLES = {
    "ZD": dict(
        symbol=lambda: QgsFillSymbol.createSimple({"color": "255,243,196,110", "outline_color": "200,30,30",
                                                  "outline_width": "0.3", "outline_width_unit": "MM"}),
        label="right(\"ZDDM\", 5) || if(\"ZDMJ\" IS NULL, '', '\\n' || format_number(\"ZDMJ\", 2))",
        size=8, color="#7a1010", max_scale_denominator=3000,
    ),
    "ZRZ": dict(
        symbol=lambda: QgsFillSymbol.createSimple({"color": "217,217,217,200", "outline_color": "60,60,60",
                                                  "outline_width": "0.2"}),
        label=f"coalesce(to_string(\"ZCS\"), '') || {STRUCTURE_CASE}",
        size=7, color="#303030", max_scale_denominator=1500,
    ),
    "JZD": dict(
        symbol=lambda: QgsMarkerSymbol.createSimple({"name": "circle", "size": "1.6", "color": "255,255,255",
                                                    "outline_color": "200,30,30", "outline_width": "0.25"}),
        label="\"JZDH\"", size=6.5, color="#c81e1e", max_scale_denominator=1000,
    ),
    "JZX": dict(
        symbol=lambda: QgsLineSymbol.createSimple({"color": "200,30,30", "width": "0.3"}),
        label=None,
    ),
    "JBNT": dict(
        symbol=lambda: QgsFillSymbol.createSimple({"color": "127,191,63,90", "outline_color": "40,130,40",
                                                  "outline_width": "0.4", "outline_style": "dash"}),
        label=None,
    ),
    "DXT_FW": dict(
        symbol=lambda: QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "90,90,90",
                                                  "outline_width": "0.15", "outline_style": "dot"}),
        label=None,
    ),
    "DXT_DL": dict(
        symbol=lambda: QgsFillSymbol.createSimple({"color": "238,238,232", "outline_color": "170,170,160",
                                                  "outline_width": "0.15"}),
        label="\"MC\"", size=7, color="#555555", max_scale_denominator=5000,
    ),
    "DXT_SX": dict(
        symbol=lambda: QgsFillSymbol.createSimple({"color": "166,206,227", "outline_color": "31,120,180",
                                                  "outline_width": "0.2"}),
        label="\"MC\"", size=7, color="#1f78b4", max_scale_denominator=5000,
    ),
}


def severity_renderer():
    """Quality findings by severity: red errors, orange warnings, blue notes; hatched so the data shows through."""
    colours = {"error": "227,26,28", "warning": "255,127,0", "info": "31,120,180"}
    categories = []
    for code, label in schema.CODELISTS["YZCD"].items():
        symbol = QgsFillSymbol.createSimple({"color": colours[code] + ",70", "style": "b_diagonal",
                                             "outline_color": colours[code], "outline_width": "0.5"})
        categories.append(QgsRendererCategory(code, symbol, f"{label} {code}"))
    return QgsCategorizedSymbolRenderer("SEVERITY", categories)


STYLES["ZJCW"] = dict(renderer=severity_renderer, label="\"RULE_ID\"", size=7, color="#b00000", max_scale_denominator=2500)
STYLES["JBNTTH"] = dict(
    symbol=lambda: QgsFillSymbol.createSimple({"color": "227,26,28,120", "outline_color": "227,26,28",
                                              "outline_width": "0.3"}),
    label="format_number(\"TXMJ\", 2)", size=7, color="#b00000", max_scale_denominator=2000,
)
# the house side: floors and units as outlines over the building, parts hatched
STYLES["C"] = dict(
    symbol=lambda: QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "31,120,180",
                                              "outline_width": "0.25", "outline_style": "dash"}),
    label="\"CH\" || '层'", size=7, color="#1f78b4", max_scale_denominator=1000,
)
STYLES["H"] = dict(
    symbol=lambda: QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "106,61,154",
                                              "outline_width": "0.2"}),
    label="\"HH\"", size=6.5, color="#6a3d9a", max_scale_denominator=500,
)
STYLES["MJBF"] = dict(
    symbol=lambda: QgsFillSymbol.createSimple({"color": "255,127,0,90", "style": "f_diagonal",
                                              "outline_color": "255,127,0", "outline_width": "0.2"}),
    label="\"BWLX\"", size=6, color="#b35806", max_scale_denominator=500,
)
GEOMETRY = {schema.POLYGON: "MultiPolygon", schema.LINE: "LineString", schema.POINT: "Point"}

# The review panel's "style by class": parcels by LB, legend in Chinese; colours as in ui/palette.py.
CLASS_STYLE = "zd_class.qml"
CLASS_CATEGORIES = (
    (1, "#2e9e44", "一类：基本符合确权登记颁证条件"),
    (2, "#f0a500", "二类：可以补办用地审批手续"),
    (3, "#d7301f", "三类：其他情况"),
    (0, "#8c8c8c", "待补充信息"),
    ("", "#d9d9d9", "未分类"),  # LB NULL: not classified yet
)
CLASS_LABEL = "to_int(right(\"ZDDM\", 5)) || '\\n' || coalesce(\"QLRMC\", '')"


def class_renderer():
    categories = []
    for value, color, label in CLASS_CATEGORIES:
        fill, outline = QColor(color), QColor(color).darker(150)
        fill.setAlpha(150)
        symbol = QgsFillSymbol.createSimple({
            "color": ",".join(str(c) for c in fill.getRgb()), "outline_color": outline.name(),
            "outline_width": "0.4", "outline_width_unit": "MM"})
        categories.append(QgsRendererCategory(value, symbol, label, True))
    return QgsCategorizedSymbolRenderer("LB", categories)


def text_format(size, color="#000000", buffer=0.5):
    """A text format in the CJK font with a white buffer of ``buffer`` mm (none when 0)."""
    fmt = QgsTextFormat()
    fmt.setFont(QFont(FONT))
    fmt.setSize(size)
    fmt.setColor(QColor(color))
    if buffer:
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(buffer)
        buf.setColor(QColor("white"))
        fmt.setBuffer(buf)
    return fmt


def labeling(expression, size, color, max_scale_denominator):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(text_format(size, color, 0.6))
    settings.scaleVisibility = True
    settings.maximumScale = 1  # most zoomed in
    settings.minimumScale = max_scale_denominator  # labels only at 1:N or larger
    return QgsVectorLayerSimpleLabeling(settings)


def main(names=()):
    app = QgsApplication([], False)
    app.initQgis()
    for name, style in STYLES.items():
        if names and name not in names:
            continue
        layer_schema = schema.LAYERS[name]
        layer = QgsVectorLayer(f"{GEOMETRY[layer_schema.geometry]}?crs=EPSG:4525", name, "memory")
        layer.setRenderer(style["renderer"]() if "renderer" in style else QgsSingleSymbolRenderer(style["symbol"]()))
        if style.get("label"):
            layer.setLabeling(labeling(style["label"], style["size"], style["color"], style["max_scale_denominator"]))
            layer.setLabelsEnabled(True)
        path = REPO / "symbology" / layer_schema.style
        _message, ok = layer.saveNamedStyle(str(path), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
        assert ok, path
        print("wrote", path.relative_to(REPO))
        del layer
    if names:
        app.exitQgis()
        return
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4525", "ZD", "memory")
    layer.setRenderer(class_renderer())
    layer.setLabeling(labeling(CLASS_LABEL, 8, "#202020", 3000))
    layer.setLabelsEnabled(True)
    path = REPO / "symbology" / CLASS_STYLE
    _message, ok = layer.saveNamedStyle(str(path), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
    assert ok, path
    print("wrote", path.relative_to(REPO))
    del layer
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1:])
