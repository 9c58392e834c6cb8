"""Forms and lists (cadastre.documents) printed to PDF through Qt's rich text, with an embedded CJK font."""
from __future__ import annotations

import dataclasses
from typing import List, Sequence

from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QFont, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..cadastre.documents import Sheet, layout, to_html
from . import fonts
from .pdf_text import fix_cjk_text


def write_pdf(path: str, sheets: Sequence[Sheet], title: str = "") -> None:
    """Print ``sheets`` to the PDF ``path`` (A4, landscape when any sheet asks for it), page numbers at the foot."""
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("Homestead Cadastre")
    landscape = any(s.landscape for s in sheets)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape if landscape else QPageLayout.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Millimeter))
    writer.setResolution(300)
    document = QTextDocument()
    font = fonts.prepared(QFont(fonts.cjk_family() or fonts.PREFERRED))
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    sheets = [dataclasses.replace(s, widths=fitted_widths(s, font, writer)) if s.fit_columns else s for s in sheets]
    document.setHtml(to_html(sheets))
    split = split_footers(document, sheets, writer)
    if split:  # move each signature block that would straddle two pages to the next page, whole
        document.setHtml(to_html(sheets, footer_breaks=split))
    document.print_(writer)
    del writer  # closes the file
    fix_cjk_text(path)


CELL_PADDING_MM = 2.5  # both sides of a cell (cellpadding 3 and the rules), with room to spare


def fitted_widths(sheet: Sheet, font: QFont, device) -> List[float]:
    """Column widths (relative) for ``sheet`` printed on ``device``: each column as wide as its longest
    one-column cell measured in ``font`` (bold where the cell is), the spare width shared in proportion.
    When the page is too narrow for that, the widths stay proportional to the measured ones."""
    plain, bold = QFontMetricsF(font, device), QFontMetricsF(_bold(font), device)
    padding = CELL_PADDING_MM / 25.4 * device.logicalDpiX()
    natural = [padding] * len(sheet.widths)
    for _row, column, cell in layout(sheet):
        if cell.colspan == 1 and column < len(natural):
            metrics = bold if cell.bold else plain
            widest = max((metrics.horizontalAdvance(line) for line in cell.value.split("\n")), default=0.0)
            natural[column] = max(natural[column], widest + padding)
    spare = max(device.width() - sum(natural), 0.0)
    total = sum(natural) or 1.0
    return [w + spare * w / total for w in natural]


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def split_footers(document: QTextDocument, sheets: Sequence[Sheet], writer: QPdfWriter) -> List[int]:
    """Numbers of the sheets whose footer would be printed across a page break.

    Lays out a copy of ``document`` as QTextDocument.print_ does for an unpaginated document (the writer as
    paint device, its page as page size, 2 cm frame margins in screen pixels) and looks where each footer lands.
    """
    probe = document.clone()
    probe.documentLayout().setPaintDevice(writer)
    screen = QGuiApplication.primaryScreen()
    dpi_x, dpi_y = (screen.logicalDotsPerInchX(), screen.logicalDotsPerInchY()) if screen else (96.0, 96.0)
    frame = probe.rootFrame().frameFormat()
    frame.setLeftMargin(int(2 / 2.54 * dpi_x))
    frame.setRightMargin(int(2 / 2.54 * dpi_x))
    frame.setTopMargin(int(2 / 2.54 * dpi_y))
    frame.setBottomMargin(int(2 / 2.54 * dpi_y))
    probe.rootFrame().setFrameFormat(frame)
    probe.setPageSize(QSizeF(writer.width(), writer.height()))
    page = probe.pageSize().height()
    layout = probe.documentLayout()
    split, block = [], probe.begin()
    for k, sheet in enumerate(sheets):
        if not sheet.footer:
            continue
        text = sheet.footer.replace("\n", "\u2028")
        while block.isValid() and block.text() != text:
            block = block.next()
        if not block.isValid():
            break
        rect = layout.blockBoundingRect(block)
        if int(rect.top() // page) != int((rect.bottom() - 1) // page):
            split.append(k)
        block = block.next()
    return split
