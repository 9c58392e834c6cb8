"""Colours shared by the parcel list, the card, the progress chart and symbology/zd_class.qml."""
from __future__ import annotations

from qgis.PyQt.QtGui import QColor

# class (LB) -> colour; keep in step with symbology/zd_class.qml
CLASS_COLORS = {1: QColor("#2e9e44"), 2: QColor("#f0a500"), 3: QColor("#d7301f"), 0: QColor("#8c8c8c")}
UNCLASSIFIED = QColor("#d9d9d9")
# review state (SHZT) -> text colour
STATE_COLORS = {0: QColor("#707070"), 1: QColor("#1f6fb2"), 2: QColor("#2e7d32"), 3: QColor("#7b1fa2")}
SEVERITY_COLORS = {"error": QColor("#c62828"), "warning": QColor("#ef6c00"), "info": QColor("#1565c0")}


def class_color(lb) -> QColor:
    return CLASS_COLORS.get(lb, UNCLASSIFIED)
