"""Export the pages of a filled template: one PDF/PNG per page, or one multi-page PDF, written atomically.

A page source prepares the layout for page n (fills its map layers and texts) and says why when it cannot.
Like QGIS's atlas, the multi-page PDF goes through a layout iterator (QgsAbstractLayoutIterator); unlike the atlas,
a page that cannot be drawn is skipped and reported instead of stopping or silently disappearing.
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from typing import List, Tuple

from osgeo import gdal
from qgis.core import (
    QgsAbstractLayoutIterator,
    QgsCoordinateReferenceSystem,
    QgsLayoutExporter,
    QgsProcessingException,
    QgsProject,
    QgsRenderContext,
)

from ..cadastre.documents.tables import safe_file_name, unique_names
from ..cadastre.files import atomic_output
from ..cadastre.messages import Problem, translatable
from ..i18n import tr, zh
from .fonts import measurer
from .pdf_text import fix_cjk_text
from .scene_layers import SceneLayers
from .templates import Template, default_template, items_over_map_mm, map_frame_mm

OK, FAILED, NOTED, SKIPPED = "ok", "failed", "noted", "skipped"


@dataclass
class ExportOptions:
    folder: str
    pdf: bool = True
    png: bool = False
    single_file: str = ""  # file name (in ``folder``) of one multi-page PDF; '' for one file per page
    dpi: int = 200
    skip_existing: bool = False  # one file per page: keep a page whose every file is there (complete: renamed)


@dataclass
class PageResult:
    key: str  # what the page shows, e.g. the parcel code
    status: str = OK
    files: List[str] = field(default_factory=list)
    messages: List[str] = field(default_factory=list)  # in the interface language, for the log
    report: List[str] = field(default_factory=list)  # the same in Chinese, for the report CSV (a deliverable)

    def add(self, problem: Problem) -> None:
        self.messages.append(problem.format(tr))
        self.report.append(problem.format(zh))


class PageSource:
    """What export_pages needs from a product: its template (TEMPLATE, from layouts/, unless a path is given), the
    text items it fills (TEXT_ITEMS) and its own map layers (LAYERS: key, geometry kind, QML, bottom first);
    subclasses say what the pages are (count, key) and fill one (prepare). One layout serves every page: a page's
    variables replace the previous page's (Template.set_variables), and the thousandth page costs what the first
    did.
    """

    TEMPLATE = ""
    TEXT_ITEMS: Tuple[str, ...] = ()
    LAYERS: Tuple[Tuple[str, str, str], ...] = ()

    def __init__(self, crs: QgsCoordinateReferenceSystem, project: QgsProject, template_path: str = "",
                 variables=None):
        self.crs, self.project, self.template_path, self.variables = crs, project, template_path, variables or {}
        self.template = None
        self.build()

    def build(self) -> None:
        """The template with the page layers in its map item, the frame size and the items over the map."""
        self.template = Template(self.template_path or default_template(self.TEMPLATE), self.project)
        self.scene = SceneLayers(self.crs, self.LAYERS)
        self.measure = measurer(self.scene.label_font())
        self.map = self.template.map_item()
        self.map.setCrs(self.crs)
        self.map.setLayers(self.map_layers())
        self.map.setKeepLayerSet(True)
        self.frame_mm = map_frame_mm(self.map)
        self.blocked_mm = items_over_map_mm(self.template, self.map)
        self.template.set_variables(self.variables)
        for item_id in self.TEXT_ITEMS:
            self.template.item(item_id)  # note the ones a county removed

    def map_layers(self) -> list:
        """The layers the map item shows, top first."""
        return self.scene.map_layers()

    def release(self) -> None:
        """Let go of the map layers (QGIS 3.22 must not outlive them)."""
        self.map.setLayers([])
        self.scene.release()

    def close(self) -> None:
        """At the end of the batch: let go of everything the pages used."""
        self.release()

    def count(self) -> int:
        raise NotImplementedError

    def key(self, n: int) -> str:
        raise NotImplementedError

    def file_stem(self, n: int) -> str:
        return self.key(n)

    def prepare(self, n: int) -> Tuple[bool, List[Problem]]:
        """Fill the layout for page n: (drawable, problems). They say why not, or what to know."""
        raise NotImplementedError


def pdf_settings() -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText  # searchable, with embedded fonts
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.appendGeoreference = False
    settings.exportMetadata = False  # spares a GDAL rewrite of every PDF; the project metadata is not wanted here
    return settings


def image_settings(dpi: int) -> QgsLayoutExporter.ImageExportSettings:
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.generateWorldFile = False
    settings.exportMetadata = False  # GDAL cannot update a PNG in place (it would log an error per page)
    return settings


class _PagesIterator(QgsAbstractLayoutIterator):
    """Feeds the drawable pages of a source to QgsLayoutExporter.exportToPdf (one multi-page file)."""

    def __init__(self, source: PageSource, results: List[PageResult], feedback):
        super().__init__()
        self.source, self.results, self.feedback = source, results, feedback
        self.n = -1

    def count(self):
        return self.source.count()

    def beginRender(self):  # noqa: N802 (QGIS API name)
        self.n = -1
        return True

    def endRender(self):  # noqa: N802 (QGIS API name)
        return True

    def next(self):
        while True:
            self.n += 1
            if self.n >= self.source.count() or self.feedback.isCanceled():
                return False
            _progress(self.feedback, self.n, self.source.count())
            result = _prepare(self.source, self.n)
            self.results.append(result)
            if result.status != FAILED:
                return True

    def filePath(self, base, extension):  # noqa: N802 (QGIS API name)
        return f"{base}.{extension}"

    def layout(self):
        return self.source.template.layout


def export_pages(source: PageSource, options: ExportOptions, feedback) -> List[PageResult]:
    """Export every page of ``source``; returns one result per page (failed pages carry the reason)."""
    os.makedirs(options.folder, exist_ok=True)
    results: List[PageResult] = []
    total = source.count()
    if options.single_file:
        path = os.path.join(options.folder, options.single_file)
        with atomic_output(path) as tmp:
            iterator = _PagesIterator(source, results, feedback)
            status, error = QgsLayoutExporter.exportToPdf(iterator, tmp, pdf_settings())
            _check_canceled(feedback)
            if status != QgsLayoutExporter.Success:
                raise QgsProcessingException(tr("Could not write {path}: {error}").format(path=path, error=error or status))
            if not any(r.status != FAILED for r in results):  # then the exporter wrote no file at all
                raise QgsProcessingException(tr("No page could be drawn; nothing was written to {path}.").format(path=path))
            fix_cjk_text(tmp)
        for r in results:
            if r.status != FAILED:
                r.files.append(path)
        return results
    stems = unique_names([safe_file_name(source.file_stem(n)) for n in range(total)])
    exporter = QgsLayoutExporter(source.template.layout)
    pdf, png = pdf_settings(), image_settings(options.dpi)
    for n in range(total):
        _check_canceled(feedback)
        _progress(feedback, n, total)
        paths = [os.path.join(options.folder, stems[n] + extension)
                 for wanted, extension in ((options.pdf, ".pdf"), (options.png, ".png")) if wanted]
        if options.skip_existing and complete(paths):
            results.append(PageResult(source.key(n), SKIPPED, paths))
            continue
        result = _prepare(source, n)
        results.append(result)
        if result.status == FAILED:
            continue
        for path in paths:
            extension = os.path.splitext(path)[1]
            try:
                with atomic_output(path) as tmp:
                    if extension == ".pdf":
                        status = exporter.exportToPdf(tmp, pdf)
                    else:
                        # QGIS then opens the PNG with GDAL to georeference it, which PNG cannot do: hush that.
                        gdal.PushErrorHandler("CPLQuietErrorHandler")
                        try:
                            status = exporter.exportToImage(tmp, png)
                        finally:
                            gdal.PopErrorHandler()
                    if status != QgsLayoutExporter.Success:
                        raise OSError(exporter.errorMessage() or tr("export error {code}").format(code=int(status)))
                    if extension == ".pdf":
                        fix_cjk_text(tmp)
            except OSError as error:
                result.status = FAILED
                result.add(Problem("PAGE_WRITE", translatable("Could not write {path}: {error}"), {"path": path, "error": error}))
                continue
            result.files.append(path)
    feedback.setProgress(100.0)
    return results


def complete(paths: List[str]) -> bool:
    """Whether every file of a page is there. Files are written to a temporary name and renamed when complete, so
    a file under its own name is whole; what a killed run was writing is a ~tmp-* file, removed by the next run."""
    return bool(paths) and all(os.path.isfile(p) for p in paths)


def _prepare(source: PageSource, n: int) -> PageResult:
    result = PageResult(source.key(n))
    drawable, problems = source.prepare(n)
    for problem in problems:
        result.add(problem)
    result.status = OK if drawable and not problems else (NOTED if drawable else FAILED)
    return result


def _progress(feedback, n: int, total: int) -> None:
    if total:
        feedback.setProgress(100.0 * n / total)


def _check_canceled(feedback) -> None:
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Canceled."))


def write_report(path: str, results: List[PageResult], key_title: str) -> str:
    """CSV (UTF-8 with BOM, opens in Excel) listing every page: key, status, files, messages; in Chinese
    whatever the interface language (``key_title``: a tr() source string)."""
    status_text = {OK: zh("drawn"), NOTED: zh("drawn, with notes"), FAILED: zh("not drawn"),
                   SKIPPED: zh("skipped: files already complete")}
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([zh(key_title), zh("Status"), zh("Files"), zh("Messages")])
            for r in results:
                writer.writerow([r.key, status_text[r.status], "; ".join(os.path.basename(f) for f in r.files),
                                 " | ".join(r.report)])
    return path


def report_to_feedback(results: List[PageResult], feedback, what: str) -> Tuple[int, int]:
    """Say every failed page and every note; returns (drawn, failed), skipped pages in neither."""
    drawn = failed = 0
    for r in results:
        if r.status == SKIPPED:
            continue
        if r.status == FAILED:
            failed += 1
            feedback.reportError(tr("{what} {key} was not drawn: {why}").format(
                what=what, key=r.key, why="; ".join(r.messages)), False)
        else:
            drawn += 1
            for message in r.messages:
                feedback.pushWarning(f"{r.key}: {message}") if hasattr(feedback, "pushWarning") else feedback.pushInfo(
                    f"{r.key}: {message}")
    return drawn, failed
