"""homestead:areasummary — 面积汇总表 (XLSX + PDF): parcels and areas per 地籍子区 and for the county by class and
land use, area to register and excess, houses and floor area, and the progress against the profile's targets."""
from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...cadastre import progress
from ...cadastre.documents import area_summary
from ...cadastre.documents import ruled_tables as documents
from ...cadastre.files import atomic_output
from ...cadastre.messages import translatable
from ...i18n import tr
from ...mapping.documents import write_pdf
from ...rules.policy.profile import DEFAULT_PROFILE, load_profile
from ..library.adapters import read_layer
from .base import HomesteadAlgorithm

ZD_FIELDS = ["ZDDM", "ZDMJ", "DCMJ", "LB", "YT", "DJMJ", "CZMJ", "SHZT", "SFGG", "SFDJ"]
ZRZ_FIELDS = ["ZDDM", "ZZDMJ", "ZCS", "SCJZMJ"]


class AreaSummaryAlgorithm(HomesteadAlgorithm):
    NAME = "areasummary"
    DISPLAY_NAME = translatable("Area summary (面积汇总表)")
    GROUP = "maps"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "BUILDINGS", tr("Buildings (ZRZ)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "POLICY", tr("Policy profile with the progress targets (name or .toml file)"), DEFAULT_PROFILE))
        self.addParameter(QgsProcessingParameterString(
            "DATE", tr("Date of the progress report (YYYY-MM-DD; default: today)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_XLSX", tr("Area summary workbook"),
                                                                tr("Excel workbook (*.xlsx)")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_PDF", tr("Area summary PDF"), tr("PDF files (*.pdf)"),
                                                                optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("PARCELS_COUNTED", tr("Parcels counted")))
        self.addOutput(QgsProcessingOutputNumber("VILLAGES", tr("Villages (地籍子区)")))

    def process(self, parameters, context, feedback):
        text = self.parameterAsString(parameters, "DATE", context).strip()
        try:
            today = dt.date.fromisoformat(text[:10]) if text else dt.date.today()
        except ValueError:
            raise QgsProcessingException(tr("The report date {text} is not a date like 2020-09-30.").format(text=text)) from None
        profile = load_profile(self.parameterAsString(parameters, "POLICY", context) or DEFAULT_PROFILE)
        zd = read_layer(self.parameterAsSource(parameters, "PARCELS", context), context, None, fields=ZD_FIELDS,
                        geometry=False, required=["ZDDM"])
        parcels = {name: zd.attributes.get(name, [None] * len(zd)) for name in ZD_FIELDS}
        buildings = self.parameterAsSource(parameters, "BUILDINGS", context)
        houses = {}
        if buildings is not None:
            zrz = read_layer(buildings, context, None, fields=ZRZ_FIELDS, geometry=False, required=["ZDDM"])
            houses = {name: zrz.attributes.get(name, [None] * len(zrz)) for name in ZRZ_FIELDS}
        result = area_summary.summarise(parcels, houses)
        per_village, county = progress.count_progress(*area_summary.progress_columns(parcels))
        targets = progress.targets_from_milestones(profile.milestones)
        sheets = [area_summary.area_sheet(result), area_summary.use_sheet(result),
                  area_summary.progress_sheet(per_village, county, targets, today)]
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        with atomic_output(xlsx) as tmp:
            documents.write_xlsx(tmp, sheets)
        results = {"OUTPUT_XLSX": xlsx, "PARCELS_COUNTED": len(zd), "VILLAGES": len(per_village)}
        pdf = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context)
        if pdf:
            with atomic_output(pdf) as tmp:
                write_pdf(tmp, sheets, sheets[0].title)
            results["OUTPUT_PDF"] = pdf
        feedback.pushInfo(tr("{n} parcels in {villages} villages summarised.").format(n=len(zd), villages=len(per_village)))
        return results
