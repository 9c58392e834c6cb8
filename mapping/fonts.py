"""Fonts for Chinese text in exported PDFs and images.

The templates and styles name "Noto Sans CJK SC". Where it is missing (e.g. Windows), Qt is told to substitute
the first CJK family that is installed. Text shaping is switched off for the fonts we draw with: Qt's PDF writer
loses the character mapping of shaped Latin digits in CJK fonts (pdftotext then reads "J1" as "J"), and CJK
and digits need no shaping.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Tuple

from qgis.PyQt.QtGui import QFont, QFontDatabase, QFontMetricsF

PREFERRED = "Noto Sans CJK SC"
FALLBACKS = ("Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei", "SimHei", "PingFang SC",
             "WenQuanYi Micro Hei", "SimSun", "Noto Serif CJK SC")
PT_MM = 25.4 / 72.0


@lru_cache(maxsize=1)
def cjk_family() -> str:
    """The CJK family text is drawn with: Noto Sans CJK SC, else the first installed fallback ('' if none)."""
    families = set(QFontDatabase().families())
    for family in (PREFERRED,) + FALLBACKS:
        if family in families:
            if family != PREFERRED:
                QFont.insertSubstitution(PREFERRED, family)
            return family
    return ""


def prepared(font: QFont) -> QFont:
    """A copy of ``font`` that exports with extractable text (no shaping), on an installed CJK family."""
    result = QFont(font)
    cjk_family()  # installs the substitution when Noto Sans CJK SC is absent
    result.setStyleStrategy(QFont.StyleStrategy(result.styleStrategy() | QFont.PreferNoShaping))
    return result


def measurer(font: QFont) -> Callable[[str, float], Tuple[float, float]]:
    """A function (text, size in points) → (width, height) in millimetres for ``font``."""
    probe = prepared(font)
    probe.setPixelSize(1000)  # metrics in thousandths of an em, independent of the screen's DPI
    metrics = QFontMetricsF(probe)
    line = metrics.height() / 1000.0

    @lru_cache(maxsize=4096)
    def measure(text: str, size_pt: float) -> Tuple[float, float]:
        em = size_pt * PT_MM
        lines = str(text).split("\n")
        width = max(metrics.horizontalAdvance(part) for part in lines) / 1000.0
        return width * em, line * em * len(lines)

    return measure
