"""homestead:exportshare — the registration results for the agriculture department (004: 与农业农村部门实现共享):
a GeoPackage of the delivery's layers with every ID number masked (first 6 and last 4 digits shown), no phone
column and no phone or full ID number left in any text."""
from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterFileDestination

from ...cadastre.database import delivery
from ...cadastre.database import delivery_files as files
from ...cadastre.files import atomic_output
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library import delivery_inputs
from .base import HomesteadAlgorithm


class ExportShareAlgorithm(HomesteadAlgorithm):
    NAME = "exportshare"
    DISPLAY_NAME = translatable("Export the agriculture share (masked)")
    GROUP = "project"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        delivery_inputs.add_parameters(self)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", tr("Share (GeoPackage)"), tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber("MASKED", tr("ID numbers masked")))

    def process(self, parameters, context, feedback):
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        rows, epsg = delivery_inputs.read_rows(self, parameters, context, feedback, extensions=False)
        shared = [delivery.share_rows(r) for r in rows]
        masked = sum(1 for r in shared for f, column in zip(r.layer.fields, zip(*r.values) if r.values else [])
                     if f.name in delivery.ID_FIELDS for v in column if v)
        with atomic_output(output, suffix=".gpkg") as tmp:
            files.write_database(tmp, files.GPKG, shared, epsg)
        feedback.pushInfo(tr("Shared {layers}; {n} ID numbers masked, phone numbers left out.").format(
            layers=", ".join(f"{r.layer.name} {len(r.values)}" for r in shared), n=masked))
        return {"OUTPUT": output, "MASKED": masked}
