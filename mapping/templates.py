"""Print-layout templates (QPT) that a county edits in the Layout Designer; items are found by their id.

The code fills the items it knows (see each product's ITEMS) and sets layout variables (@homestead_...) that
template texts may use as expressions, e.g. ``制图者：[% @homestead_drafter %]``. An item a county removed is
reported once and its content left out; only the map item is indispensable.
"""
from __future__ import annotations

import os
from typing import Dict, List, Optional

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemRegistry,
    QgsLayoutItemScaleBar,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
)
from qgis.PyQt.QtXml import QDomDocument

from ..cadastre.messages import fail, translatable
from . import fonts

LAYOUTS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "layouts")


def default_template(name: str) -> str:
    return os.path.join(LAYOUTS_DIR, name)


class Template:
    """A print layout loaded from a QPT file, with its items by id."""

    def __init__(self, path: str, project: Optional[QgsProject]):
        if not path or not os.path.exists(path):
            raise fail("TEMPLATE_MISSING", translatable("The layout template {path} does not exist."), path=path)
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            text = ""
        document = QDomDocument()
        if not text or not document.setContent(text):
            raise fail("TEMPLATE_UNREADABLE", translatable(
                "The layout template {path} is not a valid QPT (XML) file; save it again from the Layout Designer."),
                path=path)
        self.path = path
        # qgis_process runs algorithms without a project: a layout still needs one (its atlas connects to it)
        self.layout = QgsPrintLayout(project if project is not None else QgsProject.instance())
        self.layout.initializeDefaults()
        _items, ok = self.layout.loadFromTemplate(document, QgsReadWriteContext(), True)
        if not ok:
            raise fail("TEMPLATE_UNREADABLE", translatable(
                "The layout template {path} could not be loaded; open it in the Layout Designer to repair it."),
                path=path)
        self.missing: List[str] = []
        names = self.layout.customProperty("variableNames") or []
        values = self.layout.customProperty("variableValues") or []
        self._variables: Dict[str, object] = dict(zip(_as_list(names), _as_list(values)))  # the template's own
        self._items = {}
        for item in self.layout.items():
            item_id = getattr(item, "id", lambda: "")()
            if item_id:
                self._items.setdefault(item_id, item)
        _prepare_fonts(self.layout)

    def item(self, item_id: str):
        item = self._items.get(item_id)
        if item is None and item_id not in self.missing:
            self.missing.append(item_id)
        return item

    def has(self, item_id: str) -> bool:
        return item_id in self._items

    def map_item(self, item_id: str = "map") -> QgsLayoutItemMap:
        item = self._items.get(item_id)
        if not isinstance(item, QgsLayoutItemMap):
            raise fail("TEMPLATE_NO_MAP", translatable(
                "The layout template {path} has no map item with the id '{id}'; give the map item that id in the "
                "Layout Designer (Item Properties ▸ Item ID)."), path=self.path, id=item_id)
        return item

    def set_texts(self, texts: Dict[str, str]) -> None:
        """Put each text into the label with that id (missing labels are noted in ``missing``)."""
        for item_id, text in texts.items():
            item = self.item(item_id)
            if isinstance(item, QgsLayoutItemLabel):
                item.setText(text)

    def set_variables(self, values: Dict[str, object]) -> None:
        """Layout variables, visible to expressions in template texts as @name; set as one list, because QGIS's
        setLayoutVariable appends a name again instead of replacing its value, so that a layout refilled page
        after page would keep every earlier page's values and evaluate its expressions slower with each page."""
        self._variables.update(values)
        QgsExpressionContextUtils.setLayoutVariables(self.layout, self._variables)


def _as_list(value) -> list:
    """A custom property holding a string list, which a template written by hand may give as one plain string."""
    return [value] if isinstance(value, str) else list(value)


def map_frame_mm(map_item: QgsLayoutItemMap):
    """Width and height of a map item on paper, in millimetres."""
    size = map_item.sizeWithUnits()
    layout = map_item.layout()
    mm = layout.convertToLayoutUnits(size) if layout is not None else size
    return mm.width(), mm.height()


def items_over_map_mm(template: Template, map_item: QgsLayoutItemMap):
    """Boxes (x0, y0, x1, y1) in millimetres from the map item's top-left corner of the items drawn on top of the
    map (north arrow, scale bar, legend...): labels must keep off them."""
    frame = map_item.sceneBoundingRect()
    boxes = []
    for item in template.layout.items():
        if item is map_item or not isinstance(item, QgsLayoutItem) or item.type() == QgsLayoutItemRegistry.LayoutPage:
            continue
        if not item.isVisible() or item.zValue() <= map_item.zValue():
            continue
        rect = item.sceneBoundingRect().intersected(frame)
        if rect.isEmpty():
            continue
        boxes.append((rect.left() - frame.left(), rect.top() - frame.top(), rect.right() - frame.left(),
                      rect.bottom() - frame.top()))
    return boxes


def _prepare_fonts(layout) -> None:
    """Text items draw without shaping (extractable digits in PDFs; see fonts.py)."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            if hasattr(item, "textFormat"):  # QGIS ≥ 3.24
                fmt = item.textFormat()
                fmt.setFont(fonts.prepared(fmt.font()))
                item.setTextFormat(fmt)
            else:
                item.setFont(fonts.prepared(item.font()))
        elif isinstance(item, QgsLayoutItemScaleBar):
            fmt = item.textFormat()
            fmt.setFont(fonts.prepared(fmt.font()))
            item.setTextFormat(fmt)
