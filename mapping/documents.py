"""Forms and lists (cadastre.documents) printed to PDF through Qt's rich text, with an embedded CJK font."""
from __future__ import annotations

from typing import Sequence

from qgis.PyQt.QtCore import QMarginsF
from qgis.PyQt.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..cadastre.documents import Sheet, to_html
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
    document.setHtml(to_html(sheets))
    document.print_(writer)
    del writer  # closes the file
    fix_cjk_text(path)
