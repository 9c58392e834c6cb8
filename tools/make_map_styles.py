#!/usr/bin/env python3
"""Write the QML styles of the map products into symbology/ (run by hand when a style changes).

The map layers of 宗地图 (zdt_*), 房产图 (fct_*) and 套合图 (thm_*) are styled from these files; a county can
edit them in QGIS (Layer Properties ▸ Style ▸ Save) and the exports follow. Point labels are placed by the plugin
(cadastre.maps.labelplacement), so the label style only says how they look, with every label shown.
Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_map_styles.py
"""

from make_styles import REPO, text_format  # the schema styles' script: fonts, paths, text formats
from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsNullSymbolRenderer,
    QgsPalLayerSettings,
    QgsProperty,
    QgsPropertyCollection,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from homestead_cadastre.cadastre.maps import walls
from homestead_cadastre.mapping import scene_layers


def fill(color, outline, width, style="solid", outline_style="solid"):
    return lambda: QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": width,
                                               "outline_width_unit": "MM", "style": style,
                                               "outline_style": outline_style, "joinstyle": "miter"})


def point_labels():
    """Labels of the plugin's placed-label layer: text at the point, size and rotation from the feature."""
    settings = QgsPalLayerSettings()
    settings.fieldName = "text"
    settings.placement = QgsPalLayerSettings.OverPoint
    settings.displayAll = True  # positions are already collision-free
    settings.obstacleSettings().setIsObstacle(False)
    settings.multilineAlign = QgsPalLayerSettings.MultiCenter
    settings.setFormat(text_format(8))
    props = QgsPropertyCollection()
    props.setProperty(QgsPalLayerSettings.Size, QgsProperty.fromField("size"))
    props.setProperty(QgsPalLayerSettings.LabelRotation, QgsProperty.fromField("rotation"))
    props.setProperty(QgsPalLayerSettings.BufferDraw, QgsProperty.fromField("halo"))  # off where it covers nothing
    props.setProperty(QgsPalLayerSettings.Color, QgsProperty.fromExpression(
        "CASE WHEN \"role\" IN ('neighbour', 'road') THEN '#4d4d4d' WHEN \"role\" = 'parcel' THEN '#b40000' "
        "ELSE '#000000' END"))
    settings.setDataDefinedProperties(props)
    return QgsVectorLayerSimpleLabeling(settings)


def walls_renderer():
    """墙体归属 by role: own and shared walls thick and solid, borrowed walls thick and dashed; the legend's outline thin."""
    categories = []
    for role, label, style in (("own", "自有墙", "solid"), ("shared", "共有墙", "solid"), ("borrowed", "借墙", "dash")):
        symbol = QgsLineSymbol.createSimple({"color": "0,0,0", "width": str(walls.WALL_MM), "width_unit": "MM",
                                             "line_style": style, "capstyle": "flat"})
        categories.append(QgsRendererCategory(role, symbol, label))
    categories.append(QgsRendererCategory("outline", QgsLineSymbol.createSimple(
        {"color": "0,0,0", "width": "0.15", "width_unit": "MM"}), "户界线"))
    return QgsCategorizedSymbolRenderer("role", categories)


STYLES = {
    # 宗地图
    "zdt_roads.qml": ("Polygon", fill("236,236,230", "170,170,160", "0.1"), None),
    "zdt_neighbours.qml": ("Polygon", fill("0,0,0,0", "90,90,90", "0.18", style="no"), None),
    "zdt_houses.qml": ("Polygon", fill("0,0,0,0", "0,0,0", "0.25", style="no"), None),
    "zdt_parcel.qml": ("Polygon", fill("0,0,0,0", "255,0,0", "0.3", style="no"), None),
    "zdt_points.qml": ("Point", lambda: QgsMarkerSymbol.createSimple({
        "name": "circle", "size": "2", "size_unit": "MM", "color": "255,255,255", "outline_color": "255,0,0",
        "outline_width": "0.2", "outline_width_unit": "MM"}), None),
    # 房产图
    "fct_parcel.qml": ("Polygon", fill("0,0,0,0", "120,120,120", "0.2", style="no", outline_style="dash"), None),
    "fct_buildings.qml": ("Polygon", fill("248,248,248", "0,0,0", "0.35"), None),
    "fct_parts.qml": ("Polygon", fill("0,0,0", "0,0,0", "0.25", style="b_diagonal"), None),
    # 房产平面图: floor outlines differing from the footprint, dashed; the neighbouring buildings faint
    "fct_floors.qml": ("LineString", lambda: QgsLineSymbol.createSimple({"color": "0,0,0", "width": "0.25",
                                                                          "width_unit": "MM", "line_style": "dash"}), None),
    "fct_neighbours.qml": ("Polygon", fill("0,0,0,0", "160,160,160", "0.15", style="no"), None),
    # 房产分户图: 墙体归属 (cadastre/maps/walls.py offsets the lines: own inside, shared on, borrowed outside)
    "fct_walls.qml": ("LineString", None, None),
    # shared by both: placed labels and their leader lines / fraction bars
    "map_labels.qml": ("Point", None, point_labels),
    "map_strokes.qml": ("LineString", lambda: QgsLineSymbol.createSimple({"color": "0,0,0", "width": "0.15",
                                                                           "width_unit": "MM"}), None),
    # 套合图: homesteads over the base map with number and area, permanent basic farmland on top
    "thm_parcels.qml": ("Polygon", fill("0,0,0,0", "220,0,0", "0.25", style="no"), None),
    "thm_farmland.qml": ("Polygon", fill("60,160,60,40", "0,130,0", "0.5", style="solid", outline_style="dash"), None),
}


def main():
    app = QgsApplication([], False)
    app.initQgis()
    for name, (geometry, symbol, labels) in STYLES.items():
        layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4525&{scene_layers.FIELD_URI}", name, "memory")
        if name == "fct_walls.qml":
            layer.setRenderer(walls_renderer())
        else:
            layer.setRenderer(QgsSingleSymbolRenderer(symbol()) if symbol else QgsNullSymbolRenderer())
        if labels:
            layer.setLabeling(labels())
            layer.setLabelsEnabled(True)
        path = REPO / "symbology" / name
        _message, ok = layer.saveNamedStyle(str(path), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
        assert ok, path
        print("wrote", path.relative_to(REPO))
        del layer
    app.exitQgis()


if __name__ == "__main__":
    main()
