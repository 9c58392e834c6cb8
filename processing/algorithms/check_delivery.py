"""homestead:checkdelivery — the self-check of a written delivery folder, read back with GDAL against the field
dictionary and the row counts in its metadata (the same check exportdelivery ends with)."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ...cadastre.database import delivery_check as check
from ...cadastre.files import atomic_output
from ...cadastre.messages import translatable
from ...i18n import tr
from .base import HomesteadAlgorithm
from .export_delivery import report_findings


class CheckDeliveryAlgorithm(HomesteadAlgorithm):
    NAME = "checkdelivery"
    DISPLAY_NAME = translatable("Check a delivery database")
    GROUP = "checks"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFile(
            "INPUT", tr("Delivery folder (written by homestead:exportdelivery)"), QgsProcessingParameterFile.Folder))
        self.addParameter(QgsProcessingParameterFileDestination(
            "REPORT", tr("Self-check report"), tr("CSV files (*.csv)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputBoolean("COMPLETE", tr("Delivery complete (self-check passed)")))
        self.addOutput(QgsProcessingOutputNumber("PROBLEMS", tr("Self-check problems")))

    def process(self, parameters, context, feedback):
        folder = self.parameterAsFile(parameters, "INPUT", context)
        if not folder or not os.path.isdir(folder):
            raise QgsProcessingException(tr("The delivery folder {path} does not exist.").format(path=folder))
        findings = check.check_folder(folder)
        report_findings(findings, feedback)
        results = {"COMPLETE": not findings, "PROBLEMS": len(findings)}
        report = self.parameterAsFileOutput(parameters, "REPORT", context)
        if report:
            with atomic_output(report) as tmp:
                check.write_report(tmp, findings, folder)
            results["REPORT"] = report
        return results
