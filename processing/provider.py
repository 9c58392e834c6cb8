"""The `homestead` Processing provider and the explicit list of its algorithms."""
from __future__ import annotations

import importlib
import os

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr

PROVIDER_ID = "homestead"

# module (in this package), class — one algorithm each. An algorithm whose module cannot be imported
# (a missing optional package) is left out with a log message; the others still load.
ALGORITHMS = (
    ("create_project", "CreateProjectAlgorithm"),
    ("parcel_areas", "ParcelAreasAlgorithm"),
    ("boundary_points", "BoundaryPointsAlgorithm"),
    ("boundary_table", "BoundaryTableAlgorithm"),
    ("parcels_from_points", "ParcelsFromPointsAlgorithm"),
    ("classify", "ClassifyAlgorithm"),
    ("copy_profile", "CopyProfileAlgorithm"),
    ("export_dxf", "ExportDxfAlgorithm"),
    ("parcel_maps", "ParcelMapsAlgorithm"),
    ("parcel_sketches", "ParcelSketchesAlgorithm"),
    ("house_maps", "HouseMapsAlgorithm"),
    ("sheet_index", "SheetIndexAlgorithm"),
    ("sheet_maps", "SheetMapsAlgorithm"),
    ("survey_forms", "SurveyFormsAlgorithm"),
    ("house_survey_forms", "HouseSurveyFormsAlgorithm"),
    ("notice_list", "NoticeListAlgorithm"),
    ("import_survey", "ImportSurveyAlgorithm"),
    ("farmland_overlay", "FarmlandOverlayAlgorithm"),
    ("quality_check", "QualityCheckAlgorithm"),
    ("export_delivery", "ExportDeliveryAlgorithm"),
    ("check_delivery", "CheckDeliveryAlgorithm"),
    ("export_share", "ExportShareAlgorithm"),
    ("area_summary", "AreaSummaryAlgorithm"),
    ("building_areas", "BuildingAreasAlgorithm"),
    ("unit_codes", "UnitCodesAlgorithm"),
    ("parcel_codes", "ParcelCodesAlgorithm"),
)


class HomesteadProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Homestead Cadastre")

    def longName(self):  # noqa: N802 (QGIS API name)
        return tr("Homestead Cadastre (rural housing-and-land survey)")

    def icon(self):
        return QIcon(os.path.join(os.path.dirname(os.path.dirname(__file__)), "icon.svg"))

    def loadAlgorithms(self):  # noqa: N802 (QGIS API name)
        for module_name, class_name in ALGORITHMS:
            try:
                module = importlib.import_module(f"{__package__}.algorithms.{module_name}")
            except ImportError as error:
                QgsMessageLog.logMessage(
                    tr("Algorithm {name} is unavailable: {error}").format(name=module_name, error=error),
                    "房地一体", Qgis.Warning,
                )
                continue
            self.addAlgorithm(getattr(module, class_name)())
