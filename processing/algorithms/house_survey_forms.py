"""homestead:housesurveyforms — 房屋基本信息调查表 per household (H), or per building (ZRZ) without household rows,
as XLSX and PDF through the 权籍调查表's document machinery."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)

from ...cadastre.documents.house_forms import HouseFormData, building_errors
from ...cadastre.documents.tables import safe_file_name, unique_names
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library import map_inputs
from .map_base import MapsAlgorithm
from .survey_forms import FORMATS, write_form

ZRZ_FIELDS = ["ZDDM", "ZRZH", "BDCDYH", "ZCS", "FWJG", "GHYT", "JGRQ", "ZZDMJ", "SCJZMJ", "BZ"]
H_FIELDS = ["ZRZH", "BDCDYH", "HH", "CH", "ZL", "FWYT1", "FWJG", "FWXZ", "JGSJ", "SCJZMJ", "SCTNJZMJ", "SCFTJZMJ", "BZ",
            "QTGSD", "QTGSN", "QTGSX", "QTGSB"]


class HouseSurveyFormsAlgorithm(MapsAlgorithm):
    NAME = "housesurveyforms"
    DISPLAY_NAME = translatable("House survey forms (房屋基本信息调查表)")
    REPORT = "housesurveyforms_report.csv"
    PAGE = translatable("House")
    KEY_TITLE = translatable("Unit code / building")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_buildings()
        map_inputs.optional_source(self, "HOUSEHOLDS", tr("Households (H): a form per household"), QgsProcessing.TypeVector)
        map_inputs.optional_source(self, "PARCELS", tr("Parcels (ZD), for 坐落 and owner"))
        self.add_holders()
        map_inputs.optional_source(self, "QUALITY_ERRORS", tr("Quality-check findings (from homestead:qualitycheck): "
                                                              "houses with an error are left out"), QgsProcessing.TypeVector)
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Output"), [tr(f[0]) for f in FORMATS], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            "SURVEYOR", tr("Surveyor 调查员 (default: @homestead_surveyor)"), optional=True))
        self.add_advanced(QgsProcessingParameterString(
            "SURVEY_DATE", tr("Survey date (default: @homestead_survey_date)"), optional=True))
        self.add_output_folder(tr("Forms written"), tr("Houses without a form"))

    def process(self, parameters, context, feedback):
        folder, houses, buildings, fids = self.read_buildings(
            parameters, context, feedback, ZRZ_FIELDS, ["ZDDM", "ZRZH"],
            tr("No buildings to write forms for: the layer is empty, nothing is selected, or no parcel code starts with "
               "'{prefix}'."))
        crs = houses.crs
        households, household_fids = None, None
        source = self.parameterAsSource(parameters, "HOUSEHOLDS", context)
        if source is not None:
            read = map_inputs.read(source, context, feedback, H_FIELDS, crs, required=["ZRZH", "BDCDYH"], geometry=False)
            households, household_fids = map_inputs.to_table(read), [int(f) for f in read.ids]
            if len(fids) < len(houses):  # the households of the buildings asked for
                wanted = set(buildings.column("ZRZH")) - {None, ""}
                rows = [r for r, z in enumerate(households.column("ZRZH")) if z in wanted]
                households.attributes = {name: [values[r] for r in rows] for name, values in households.attributes.items()}
                households.geometries = households.geometries[rows]
                household_fids = [household_fids[r] for r in rows]
        parcels = self.read_optional(parameters, context, feedback, "PARCELS", ["ZDDM", "ZL", "QLRMC"], crs, ["ZDDM"],
                                     geometry=False)
        holders = self.read_optional(parameters, context, feedback, "HOLDERS", ["ZDDM", "SXH", "QLRMC"], crs,
                                     geometry=False)
        found = map_inputs.findings(self, parameters, context, feedback)
        errors = building_errors(found, buildings.column("ZRZH"), buildings.column("BDCDYH"), fids) \
            if found is not None else None
        variables = map_inputs.variable_values(self, parameters, context)
        survey_date = self.parameterAsString(parameters, "SURVEY_DATE", context) or variables.get("homestead_survey_date", "")
        data = HouseFormData(buildings, households, parcels, holders, errors, fids, household_fids,
                             map_inputs.surveyor(self, parameters, context), survey_date)
        xlsx, pdf = FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)][1]
        forms = data.forms()
        stems = unique_names([safe_file_name(f.stem) for f in forms])
        os.makedirs(folder, exist_ok=True)
        results = []
        for n, (form, stem) in enumerate(zip(forms, stems)):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            feedback.setProgress(100.0 * n / len(forms))
            results.append(write_form(form.key, form.problems, form.sheets, os.path.join(folder, f"{stem}_房屋调查表"),
                                      f"{form.key} 房屋基本信息调查表", xlsx, pdf))
        outputs = self.finish(parameters, context, results, folder, feedback)
        if outputs["REPORT"] and results and not outputs["PAGES"]:
            raise QgsProcessingException(tr(
                "No house survey form was written: none of the {n} houses could have one ({reasons}). The report "
                "{report} lists every house and why.").format(
                n=len(results), reasons="; ".join(f"{r.key}: {' '.join(r.messages)}" for r in results[:3]),
                report=outputs["REPORT"]))
        return outputs
