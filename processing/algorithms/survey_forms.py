"""homestead:surveyforms — 权籍调查表 per parcel (宗地基本信息表, 界址标示表, 界址签章表, 界址点坐标表,
宗地分类面积, the houses when given, 调查记事) as XLSX and PDF."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
)

from ...cadastre.documents import ruled_tables as documents
from ...cadastre.documents.forms import SurveyFormData
from ...cadastre.documents.house_forms import building_errors
from ...cadastre.documents.tables import safe_file_name, unique_names
from ...cadastre.files import atomic_output
from ...cadastre.messages import translatable
from ...i18n import tr
from ...mapping.documents import write_pdf
from ...mapping.export import FAILED, NOTED, SKIPPED, PageResult, complete
from ..library import map_inputs, parallel
from .map_base import MapsAlgorithm
from .parcel_maps import SHEET_SCALES

FORMATS = (
    (translatable("XLSX and PDF"), (True, True)),
    (translatable("XLSX only"), (True, False)),
    (translatable("PDF only"), (False, True)),
)
ZD_FIELDS = ["ZDDM", "BDCDYH", "QLRMC", "QLRZJH", "TDSYQR", "ZDMJ", "YT", "ZL", "QLLX", "QLXZ", "QLSDFS", "TFH",
             "ZDSZD", "ZDSZN", "ZDSZX", "ZDSZB", "JZZDMJ", "JZMJ", "FJ", "BZ", "QSDCJS", "CLJS", "DCSHYJ"]
HOUSE_FIELDS = ["ZDDM", "ZRZH", "BDCDYH", "ZCS", "FWJG", "GHYT", "SCJZMJ"]


class SurveyFormsAlgorithm(MapsAlgorithm):
    NAME = "surveyforms"
    DISPLAY_NAME = translatable("Cadastral survey forms (权籍调查表)")
    REPORT = "surveyforms_report.csv"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_parcels()
        self.add_boundaries()
        map_inputs.optional_source(self, "HOUSES", tr("Buildings (ZRZ), listed on the house sheet"))
        self.add_holders()
        map_inputs.optional_source(self, "QUALITY_ERRORS", tr("Quality-check findings (from homestead:qualitycheck): "
                                                              "houses with an error are left out"), QgsProcessing.TypeVector)
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Output"), [tr(f[0]) for f in FORMATS], defaultValue=0))
        self.add_advanced(QgsProcessingParameterEnum("SHEET_SCALE", tr("Base map scale for the sheet number when TFH is empty"),
                                                     [f"1:{s}" for s in SHEET_SCALES], defaultValue=1))
        self.add_workers(tr("Parallel processes"))
        self.add_skip_existing()
        map_inputs.feature_ids_parameter(self)
        self.add_output_folder(tr("Forms written"), tr("Parcels without a form"))

    def process(self, parameters, context, feedback):
        folder, prefix, targets = self.parcel_targets(parameters, context)
        if self.parameterAsInt(parameters, "WORKERS", context) > 1:
            results = parallel.run_in_workers(self, parameters, context, feedback, targets,
                                              self.parameterAsInt(parameters, "WORKERS", context), {"POINTS": "LINES"},
                                              "PARCELS")
            if results is not None:
                return self.finish(parameters, context, results, folder, feedback)
        parcels = map_inputs.read(map_inputs.whole_layer(self, parameters, context, "PARCELS"), context, feedback,
                                  ZD_FIELDS, required=["ZDDM"])
        crs = parcels.crs
        points, lines = self.read_boundaries(parameters, context, feedback, crs, ["ZDZHDM", "JZDH", "SXH", "JBLX"],
                                             ["ZDZHDM", "QDH", "ZDH", "JZXCD", "JZXLB", "JZXWZ", "LZDDM"], ())
        houses_source = self.parameterAsSource(parameters, "HOUSES", context)
        houses = map_inputs.read(houses_source, context, feedback, HOUSE_FIELDS, crs) if houses_source else None
        found = map_inputs.findings(self, parameters, context, feedback)
        house_table = map_inputs.to_table(houses) if houses else None
        house_errors = building_errors(found, house_table.column("ZRZH"), house_table.column("BDCDYH"), houses.ids) \
            if house_table is not None and found is not None else None
        holders = self.read_optional(parameters, context, feedback, "HOLDERS",
                                     ["ZDDM", "SXH", "QLRMC", "ZJZL", "ZJH", "DH", "DZ"], geometry=False)
        data = SurveyFormData(map_inputs.to_table(parcels), points, lines, house_table, holders,
                              SHEET_SCALES[self.parameterAsEnum(parameters, "SHEET_SCALE", context)], map_inputs.zone_of(crs),
                              house_errors)
        xlsx, pdf = FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)][1]
        index_of = {int(fid): i for i, fid in enumerate(parcels.ids)}
        rows = [index_of[f] for f in targets if f in index_of]
        stems = unique_names([safe_file_name(data.codes[i] or f"parcel_{i}") for i in rows])
        os.makedirs(folder, exist_ok=True)
        skip = self.skip_existing(parameters, context)
        results = []
        for n, (i, stem) in enumerate(zip(rows, stems)):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            feedback.setProgress(100.0 * n / len(rows))
            name = f"{stem}_权籍调查表"
            paths = [os.path.join(folder, name + extension) for wanted, extension in ((xlsx, ".xlsx"), (pdf, ".pdf"))
                     if wanted]
            if skip and complete(paths):
                results.append(PageResult(data.codes[i] or stem, SKIPPED, paths))
                continue
            form = data.form(i)
            results.append(write_form(form.zddm or stem, form.problems, form.sheets, os.path.join(folder, name),
                                      f"{form.zddm} 权籍调查表", xlsx, pdf))
        return self.finish(parameters, context, results, folder, feedback)

    def finish(self, parameters, context, results, folder, feedback):
        outputs = super().finish(parameters, context, results, folder, feedback)
        if outputs["REPORT"] and results and not outputs["PAGES"] and not outputs["SKIPPED"]:
            raise QgsProcessingException(nothing_written(results, outputs["REPORT"]))
        return outputs


def write_form(key: str, problems, sheets, stem: str, title: str, xlsx: bool, pdf: bool) -> PageResult:
    """The report line of one form with its ``problems``: none written without ``sheets`` (FAILED), else
    ``stem``.xlsx and/or ``stem``.pdf, each through a temporary file (NOTED when there are problems)."""
    result = PageResult(key)
    for problem in problems:
        result.add(problem)
    if not sheets:
        result.status = FAILED
        return result
    if result.messages:
        result.status = NOTED
    if xlsx:
        with atomic_output(stem + ".xlsx") as tmp:
            documents.write_xlsx(tmp, sheets)
        result.files.append(stem + ".xlsx")
    if pdf:
        with atomic_output(stem + ".pdf") as tmp:
            write_pdf(tmp, sheets, title)
        result.files.append(stem + ".pdf")
    return result


def nothing_written(results, report: str, shown: int = 3) -> str:
    """The refusal when no parcel got a form: how many, the first reasons, where the report is."""
    reasons = "; ".join(f"{r.key}: {' '.join(r.messages) or tr('no form')}" for r in results[:shown])
    return tr("No survey form was written: none of the {n} parcels could have one ({reasons}{more}). The report {report} "
              "lists every parcel and why.").format(n=len(results), reasons=reasons, more="; …" if len(results) > shown else "",
                                                    report=report)
