"""Forms and lists (cadastre.documents.ruled_tables) printed to PDF through Qt's rich text, with an embedded CJK font."""
from __future__ import annotations

import dataclasses
from typing import List, Sequence, Tuple

from qgis.PyQt.QtCore import QMarginsF, QRectF, QSizeF, Qt
from qgis.PyQt.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from ..cadastre.documents.ruled_tables import Sheet, layout, to_html
from . import fonts
from .pdf_text import fix_cjk_text


def write_pdf(path: str, sheets: Sequence[Sheet], title: str = "") -> None:
    """Print ``sheets`` to the PDF ``path`` on A4, each sheet in its own orientation (landscape when it asks for
    it), page numbers at the foot."""
    writer = QPdfWriter(path)
    writer.setTitle(title)
    writer.setCreator("Homestead Cadastre")
    writer.setResolution(300)
    font = fonts.prepared(QFont(fonts.cjk_family() or fonts.PREFERRED))
    font.setPointSizeF(10)
    runs = orientation_runs(sheets)
    if len(runs) == 1:
        writer.setPageLayout(_page_layout(runs[0][0]))
        _document(runs[0][1], font, writer, paged=False).print_(writer)
    else:  # QTextDocument.print_ keeps one orientation: lay the pages out here, switching between runs
        painter, number = None, 0
        for landscape, run in runs:
            writer.setPageLayout(_page_layout(landscape))
            if painter is None:
                painter = QPainter(writer)
            else:
                writer.newPage()
            number = _paint_pages(painter, writer, _document(run, font, writer, paged=True), font, number)
        painter.end()
    del writer  # closes the file
    fix_cjk_text(path)


def orientation_runs(sheets: Sequence[Sheet]) -> List[Tuple[bool, List[Sheet]]]:
    """Consecutive sheets of one orientation together: [(landscape, sheets)…]."""
    runs: List[Tuple[bool, List[Sheet]]] = []
    for sheet in sheets:
        if runs and runs[-1][0] == sheet.landscape:
            runs[-1][1].append(sheet)
        else:
            runs.append((sheet.landscape, [sheet]))
    return runs


def _page_layout(landscape: bool) -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Landscape if landscape else QPageLayout.Portrait,
                       QMarginsF(15, 15, 15, 15), QPageLayout.Millimeter)


FOOT_MM = 8.0  # below the text of a page laid out here: the page number


def _document(sheets: Sequence[Sheet], font: QFont, writer: QPdfWriter, paged: bool) -> QTextDocument:
    """The sheets as a document for ``writer``'s current page; ``paged``: paginated here (page size set), else
    as QTextDocument.print_ paginates it. A signature block that would straddle two pages moves to the next."""
    document = QTextDocument()
    document.setDefaultFont(font)
    sheets = [dataclasses.replace(s, widths=fitted_widths(s, font, writer)) if s.fit_columns else s for s in sheets]
    if paged:
        document.documentLayout().setPaintDevice(writer)
        document.setPageSize(QSizeF(writer.width(), writer.height() - FOOT_MM / 25.4 * writer.resolution()))
    document.setHtml(to_html(sheets))
    split = footer_splits(document, sheets) if paged else split_footers(document, sheets, writer)
    if split:
        document.setHtml(to_html(sheets, footer_breaks=split))
    return document


def _paint_pages(painter: QPainter, writer: QPdfWriter, document: QTextDocument, font: QFont, number: int) -> int:
    """Paint the paginated ``document`` page by page from the current page on; returns the last page number."""
    page = document.pageSize()
    for k in range(document.pageCount()):
        if k:
            writer.newPage()
        number += 1
        painter.save()
        painter.translate(0, -k * page.height())
        document.drawContents(painter, QRectF(0, k * page.height(), page.width(), page.height()))
        painter.restore()
        painter.setFont(font)
        painter.drawText(QRectF(0, page.height(), page.width(), writer.height() - page.height()), Qt.AlignCenter,
                         str(number))
    return number


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


def footer_splits(document: QTextDocument, sheets: Sequence[Sheet]) -> List[int]:
    """Numbers of the sheets whose footer straddles a page break of the paginated ``document``."""
    return _straddling(document, sheets, document.pageSize().height())


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
    return _straddling(probe, sheets, probe.pageSize().height())


def _straddling(probe: QTextDocument, sheets: Sequence[Sheet], page: float) -> List[int]:
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
