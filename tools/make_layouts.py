#!/usr/bin/env python3
"""Write the print-layout templates layouts/zongditu.qpt, fangchantu.qpt and taohetu.qpt.

The QPT files are the shipped artefacts: a county opens them in the Layout Designer (Project ▸ New Print Layout
▸ Add Items from Template), edits, and saves them over these or elsewhere (the algorithms take a TEMPLATE
parameter). This script documents how the originals were made; the item ids are the contract with the code
(processing/algorithms/help lists them). Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_layouts.py
"""
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapGrid,
    QgsLayoutItemPicture,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

REPO = Path(__file__).resolve().parents[1]
FONT = "Noto Sans CJK SC"
NORTH_ARROW = "arrows/NorthArrow_02.svg"  # ships with QGIS (svg search path), so the template stays portable


def new_layout(project, name, width, height):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutMillimeters))
    return layout


def label(layout, item_id, text, x, y, w, h, size=10.5, bold=False, align=Qt.AlignLeft, valign=Qt.AlignVCenter):
    item = QgsLayoutItemLabel(layout)
    item.setId(item_id)
    item.setText(text)
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setHAlign(align)
    item.setVAlign(valign)
    item.setMarginX(1.0)
    item.setMarginY(0.0)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(w, h))
    return item


def cell(layout, item_id, x, y, w, h, width="0.3"):
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(QgsLayoutItemShape.Rectangle)
    shape.setId(item_id)
    shape.setSymbol(QgsFillSymbol.createSimple({"color": "0,0,0,0", "style": "no", "outline_color": "0,0,0",
                                               "outline_width": width, "outline_width_unit": "MM"}))
    layout.addLayoutItem(shape)
    shape.attemptMove(QgsLayoutPoint(x, y))
    shape.attemptResize(QgsLayoutSize(w, h))
    return shape


def map_item(layout, x, y, w, h, frame=True):
    item = QgsLayoutItemMap(layout)
    item.setId("map")
    item.setFrameEnabled(frame)
    item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes.LayoutMillimeters))
    item.setBackgroundColor(QColor("white"))
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:4525"))  # the code sets the survey CRS of the data
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(w, h))
    item.setExtent(QgsRectangle(37512000, 3065000, 37512000 + w / 5, 3065000 + h / 5))  # 1:200 placeholder
    return item


def north_arrow(layout, the_map, x, y, size):
    item = QgsLayoutItemPicture(layout)
    item.setId("north_arrow")
    item.setPicturePath(str(Path(QgsApplication.pkgDataPath()) / "svg" / NORTH_ARROW))
    item.setLinkedMap(the_map)
    item.setNorthMode(QgsLayoutItemPicture.GridNorth)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(size, size))
    return item


def header_grid(layout, x, y, rows, widths, height):
    """A ruled table of fixed captions and value labels: rows of (caption, value id) pairs."""
    for r, row in enumerate(rows):
        cx = x
        for c, (caption, value_id) in enumerate(row):
            wc, wv = widths[2 * c], widths[2 * c + 1]
            cell(layout, f"cell_{r}_{c}_caption", cx, y + r * height, wc, height)
            label(layout, f"caption_{value_id}", caption, cx, y + r * height, wc, height, align=Qt.AlignHCenter)
            cell(layout, f"cell_{r}_{c}_value", cx + wc, y + r * height, wv, height)
            label(layout, value_id, "", cx + wc, y + r * height, wv, height, align=Qt.AlignHCenter)
            cx += wc + wv


def signatures(layout, y):
    label(layout, "drafter", "制图者：[% @homestead_drafter %]", 15, y, 60, 6)
    label(layout, "draw_date", "制图日期：[% @homestead_draw_date %]", 15, y + 6, 60, 6)
    label(layout, "checker", "审核者：[% @homestead_checker %]", 135, y, 60, 6)
    label(layout, "check_date", "审核日期：[% @homestead_check_date %]", 135, y + 6, 60, 6)


def zongditu(project):
    layout = new_layout(project, "宗地图", 210, 297)
    label(layout, "title", "宗地图", 15, 12, 180, 12, size=22, bold=True, align=Qt.AlignHCenter)
    label(layout, "unit_note", "单位：m·㎡", 145, 24, 50, 6, size=9, align=Qt.AlignRight)
    header_grid(layout, 15, 31, [[("宗地代码", "header_zddm"), ("所在图幅号", "header_tfh")],
                                 [("宗地面积", "header_zdmj"), ("土地权利人", "header_qlr")]],
                (24, 66, 24, 66), 9)
    the_map = map_item(layout, 15, 52, 180, 196)
    north_arrow(layout, the_map, 181, 54, 12)
    label(layout, "survey_note", "", 15, 250, 110, 7, size=10)
    label(layout, "scale_text", "", 135, 250, 60, 7, size=10.5, align=Qt.AlignRight)
    signatures(layout, 262)
    return layout


def fangchantu(project):
    layout = new_layout(project, "房产分户图", 210, 297)
    label(layout, "title", "房产分户图", 15, 12, 180, 12, size=22, bold=True, align=Qt.AlignHCenter)
    label(layout, "unit_note", "单位：m·㎡", 145, 24, 50, 6, size=9, align=Qt.AlignRight)
    header_grid(layout, 15, 31, [[("坐落", "header_zl"), ("权利人", "header_qlr")],
                                 [("宗地代码", "header_zddm"), ("幢号/户号", "header_zrzh")],
                                 [("结构", "header_jg"), ("层数", "header_cs")],
                                 [("建筑面积", "header_jzmj"), ("占地面积", "header_zzdmj")]],
                (20, 70, 20, 70), 8)
    the_map = map_item(layout, 15, 68, 180, 180)
    north_arrow(layout, the_map, 181, 70, 12)
    label(layout, "floor", "", 15, 250, 110, 7, size=10.5)
    label(layout, "scale_text", "", 135, 250, 60, 7, size=10.5, align=Qt.AlignRight)
    signatures(layout, 262)
    return layout


def taohetu(project):
    width, height = 600, 680
    layout = new_layout(project, "宅基地套合图", width, height)
    map_x, map_y, side = 50, 110, 500
    label(layout, "title", "农村宅基地与永久基本农田套合图", 50, 18, 500, 22, size=36, bold=True, align=Qt.AlignHCenter)
    label(layout, "sheet_number", "", 50, 44, 500, 14, size=20, align=Qt.AlignHCenter)
    label(layout, "village", "", 50, 60, 500, 10, size=14, align=Qt.AlignHCenter)
    # 接图表: the eight adjoining sheets around this one
    cw, ch, gx, gy = 36, 10, 50, 74
    for r, row in enumerate((("nw", "n", "ne"), ("w", None, "e"), ("sw", "s", "se"))):
        for c, key in enumerate(row):
            cell(layout, f"adjoin_cell_{r}{c}", gx + c * cw, gy + r * ch, cw, ch, width="0.2")
            if key:
                label(layout, f"adjoin_{key}", "", gx + c * cw, gy + r * ch, cw, ch, size=8, align=Qt.AlignHCenter)
    cell(layout, "adjoin_centre", gx + cw + 4, gy + ch + 2, cw - 8, ch - 4, width="0.2").setSymbol(
        QgsFillSymbol.createSimple({"color": "160,160,160", "style": "b_diagonal", "outline_style": "no"}))
    the_map = map_item(layout, map_x, map_y, side, side)
    grid = QgsLayoutItemMapGrid("grid", the_map)
    grid.setStyle(QgsLayoutItemMapGrid.Cross)
    grid.setCrossLength(3)
    grid.setIntervalX(100)
    grid.setIntervalY(100)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.CustomFormat)
    grid.setAnnotationExpression("format_number(@grid_number / 1000, 1)")
    grid.setAnnotationPrecision(1)
    for border in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Right, QgsLayoutItemMapGrid.Top,
                   QgsLayoutItemMapGrid.Bottom):
        grid.setAnnotationPosition(QgsLayoutItemMapGrid.OutsideMapFrame, border)
        grid.setAnnotationDirection(QgsLayoutItemMapGrid.Horizontal, border)
    annotation = QgsTextFormat()
    annotation.setFont(QFont(FONT))
    annotation.setSize(9)
    grid.setAnnotationTextFormat(annotation)
    the_map.grids().addGrid(grid)
    north_arrow(layout, the_map, map_x + side - 26, map_y + 4, 22)
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("图例")
    legend.setLinkedMap(the_map)
    legend.setAutoUpdateModel(True)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(400, 60))
    label(layout, "scale_text", "", 50, map_y + side + 12, 500, 12, size=18, align=Qt.AlignHCenter)
    label(layout, "crs_note", "", 50, map_y + side + 28, 300, 8, size=11)
    label(layout, "producer", "[% @homestead_producer %]", 50, map_y + side + 38, 300, 8, size=11)
    label(layout, "draw_date", "制图日期：[% @homestead_draw_date %]", 400, map_y + side + 28, 150, 8, size=11,
          align=Qt.AlignRight)
    label(layout, "drafter", "制图者：[% @homestead_drafter %]  审核者：[% @homestead_checker %]", 300,
          map_y + side + 38, 250, 8, size=11, align=Qt.AlignRight)
    return layout


def main():
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    for name, build in (("zongditu.qpt", zongditu), ("fangchantu.qpt", fangchantu), ("taohetu.qpt", taohetu)):
        layout = build(project)
        path = REPO / "layouts" / name
        assert layout.saveAsTemplate(str(path), QgsReadWriteContext()), path
        print("wrote", path.relative_to(REPO))
        del layout
    project.clear()
    app.exitQgis()


if __name__ == "__main__":
    main()
