"""homestead:exportdelivery — the survey database in the layout of the 不动产登记数据库标准: a File Geodatabase
and a shapefile set (GBK, .cpg), a data dictionary (XLSX + CSV), a metadata file (JSON), the changes since the
previous delivery, and the self-check of the written files."""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...cadastre.database import delivery
from ...cadastre.database import delivery_check as check
from ...cadastre.database import delivery_files as files
from ...cadastre.documents import ruled_tables as documents
from ...cadastre.files import atomic_output
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library import delivery_inputs
from .base import HomesteadAlgorithm

FORMATS = ((translatable("File Geodatabase and shapefiles"), (files.FGDB, files.SHAPEFILE)),
           (translatable("File Geodatabase only"), (files.FGDB,)),
           (translatable("Shapefiles only"), (files.SHAPEFILE,)))
SHOWN = 20  # problems listed in the log; the report has them all


def report_findings(findings, feedback) -> None:
    """The self-check's verdict in the log, with the first problems."""
    for finding in findings[:SHOWN]:
        feedback.reportError(finding.message(tr))
    if len(findings) > SHOWN:
        feedback.reportError(tr("… and {n} more problems (see the report).").format(n=len(findings) - SHOWN))
    if findings:
        feedback.reportError(tr("Self-check failed: {n} problems; the delivery is not complete.").format(n=len(findings)))
    else:
        feedback.pushInfo(tr("Self-check passed: the delivery is complete."))


class ExportDeliveryAlgorithm(HomesteadAlgorithm):
    NAME = "exportdelivery"
    DISPLAY_NAME = translatable("Export the delivery database")
    GROUP = "project"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        delivery_inputs.add_parameters(self)
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Formats"), [tr(f[0]) for f in FORMATS], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            "EXTENSIONS", tr("Include this project's extension fields (File Geodatabase only)"), False))
        self.addParameter(QgsProcessingParameterFile(
            "PREVIOUS", tr("Metadata of the previous delivery (metadata.json; empty: the one in the output folder)"),
            extension="json", optional=True))
        self.addParameter(QgsProcessingParameterString("TITLE", tr("Title in the metadata"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Delivery folder")))
        self.addOutput(QgsProcessingOutputFile("METADATA", tr("Metadata file")))
        self.addOutput(QgsProcessingOutputFile("REPORT", tr("Self-check report")))
        self.addOutput(QgsProcessingOutputBoolean("COMPLETE", tr("Delivery complete (self-check passed)")))
        for name, label in (("PROBLEMS", tr("Self-check problems")), ("NEW", tr("New parcels")),
                            ("CHANGED", tr("Changed parcels")), ("DELETED", tr("Deleted parcels"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def process(self, parameters, context, feedback):
        folder = os.path.abspath(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        delivery_inputs.refuse_inputs_inside(self, parameters, context, folder)
        previous_path = self.parameterAsFile(parameters, "PREVIOUS", context) or os.path.join(folder, files.METADATA_NAME)
        previous = self._previous(folder, previous_path, bool(self.parameterAsFile(parameters, "PREVIOUS", context)))
        extensions = self.parameterAsBoolean(parameters, "EXTENSIONS", context)
        drivers = FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)][1]
        rows, epsg = delivery_inputs.read_rows(self, parameters, context, feedback, extensions)
        counts = {r.layer.name: len(r.values) for r in rows}
        feedback.pushInfo(tr("Delivering {layers} in EPSG:{epsg}.").format(
            layers=", ".join(f"{k} {v}" for k, v in counts.items()), epsg=epsg))
        parcels = delivery.fingerprints(next(r for r in rows if r.layer.name == "ZD"))
        changed = delivery.changes(previous.get("宗地指纹", {}), parcels) if previous else []
        title = self.parameterAsString(parameters, "TITLE", context) or "房地一体权籍调查成果数据库"
        meta = delivery.metadata(title, epsg, counts, parcels, [files.FORMAT_NAMES[d] for d in drivers], extensions,
                                 changed, previous_path if previous else "", dt.datetime.now())
        with atomic_output(folder, suffix=".delivery") as tmp:
            try:
                findings = self._write(tmp, rows, drivers, epsg, meta, changed, feedback)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)  # atomic_output removes files, not folders
                raise
            if os.path.isdir(folder):  # the previous delivery, replaced just before the rename
                shutil.rmtree(folder)
        findings = [check.Finding(f.path.replace(tmp, folder), f.layer, f.feature, f.check, f.args) for f in findings]
        report_findings(findings, feedback)
        kinds = [k for _c, k in changed]
        if previous:
            feedback.pushInfo(tr("Since the previous delivery: {new} new, {changed} changed, {deleted} deleted parcels.").format(
                new=kinds.count(delivery.NEW), changed=kinds.count(delivery.CHANGED), deleted=kinds.count(delivery.DELETED)))
        return {"OUTPUT_FOLDER": folder, "METADATA": os.path.join(folder, files.METADATA_NAME),
                "REPORT": os.path.join(folder, files.REPORT_NAME), "COMPLETE": not findings, "PROBLEMS": len(findings),
                "NEW": kinds.count(delivery.NEW), "CHANGED": kinds.count(delivery.CHANGED),
                "DELETED": kinds.count(delivery.DELETED)}

    def _write(self, tmp, rows, drivers, epsg, meta, changed, feedback):
        os.makedirs(tmp)
        feedback.setProgress(30)
        if files.FGDB in drivers:
            files.write_database(os.path.join(tmp, files.GDB_NAME), files.FGDB, rows, epsg)
        if files.SHAPEFILE in drivers:
            shapefile_rows = [delivery.Rows(files.shapefile_layer(r.layer), [
                [v for f, v in zip(r.layer.fields, values) if not f.ext] for values in r.values], r.geometries)
                for r in rows]
            files.write_database(os.path.join(tmp, files.SHP_FOLDER), files.SHAPEFILE, shapefile_rows, epsg)
            for rows_of in shapefile_rows:
                for name, n in files.too_long(rows_of).items():
                    feedback.pushWarning(tr(
                        "{layer}.{field}: {n} texts are longer than the field's {width} bytes in GBK; the shapefile "
                        "holds them cut, the File Geodatabase in full.").format(
                        layer=rows_of.layer.name, field=name, n=n, width=rows_of.layer.field(name).length))
        feedback.setProgress(70)
        findings = check.check_folder(tmp, meta)
        meta["自检"] = {"通过": not findings, "问题数": len(findings)}
        self._write_side_files(tmp, meta, rows, findings, changed)
        return findings

    @staticmethod
    def _previous(folder, path, given) -> dict:
        """The previous delivery's metadata; refuses a folder holding anything but a delivery (it is replaced)."""
        if os.path.isdir(folder) and os.listdir(folder) and files.read_metadata(folder) is None:
            raise QgsProcessingException(tr(
                "The folder {folder} holds files but no delivery ({name}); the export replaces the whole folder. "
                "Choose an empty folder or a previous delivery.").format(folder=folder, name=files.METADATA_NAME))
        if not os.path.exists(path):
            if given:
                raise QgsProcessingException(tr("The previous delivery's metadata {path} does not exist.").format(path=path))
            return {}
        try:
            with open(path, encoding="utf-8") as handle:
                found = json.load(handle)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(tr("The previous delivery's metadata {path} cannot be read: {error}").format(
                path=path, error=error)) from None
        if not isinstance(found, dict) or "宗地指纹" not in found:
            raise QgsProcessingException(tr(
                "{path} is not the metadata of a delivery written by homestead:exportdelivery (no parcel fingerprints)."
            ).format(path=path))
        return found

    @staticmethod
    def _write_side_files(folder, meta, rows, findings, changed) -> None:
        layers = [r.layer for r in rows]
        table = delivery.dictionary_rows(layers)
        with open(os.path.join(folder, files.DICTIONARY_NAME + ".csv"), "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(delivery.DICTIONARY_HEADER)
            writer.writerows(table)
        sheet = documents.Sheet("数据字典", "房地一体权籍调查成果数据库 数据字典", [10, 24, 12, 8, 12, 20, 8, 6, 6, 6, 40, 8, 24],
                                landscape=True, header_rows=1)
        sheet.add(*[documents.Cell(h, bold=True) for h in delivery.DICTIONARY_HEADER])
        for row in table:
            sheet.add(*row)
        documents.write_xlsx(os.path.join(folder, files.DICTIONARY_NAME + ".xlsx"), [sheet])
        with open(os.path.join(folder, files.METADATA_NAME), "w", encoding="utf-8") as handle:
            json.dump(meta, handle, ensure_ascii=False, indent=1)
        check.write_report(os.path.join(folder, files.REPORT_NAME), findings, folder)
        with open(os.path.join(folder, files.CHANGES_NAME), "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(("宗地代码", "变更类型"))
            writer.writerows((code, delivery.CHANGE_LABELS[kind]) for code, kind in changed)
