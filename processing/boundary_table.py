"""homestead:boundarytable — the 界址点成果表 of every parcel as a workbook (one sheet per parcel), optionally
one workbook per parcel and a CSV."""
from __future__ import annotations

import os

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..cadastre import areas, boundary, tables
from ..cadastre.messages import translatable
from ..i18n import tr
from .adapters import read_layer, report_problems
from .algorithm import HomesteadAlgorithm
from .boundary_points import compute_boundaries
from .files import atomic_output
from .parcel_areas import optional_field


class BoundaryTableAlgorithm(HomesteadAlgorithm):
    NAME = "boundarytable"
    DISPLAY_NAME = translatable("Boundary point table (界址点成果表)")
    GROUP = "geometry"

    INPUT, CODE_FIELD, OWNER_FIELD, TOLERANCE = "INPUT", "CODE_FIELD", "OWNER_FIELD", "TOLERANCE"
    BUILDINGS, STOREYS_FIELD, FLOOR_AREA_FIELD, BUILDING_CODE_FIELD = "BUILDINGS", "STOREYS_FIELD", "FLOOR_AREA_FIELD", "BUILDING_CODE_FIELD"
    FONT, POINTS_PER_PAGE = "FONT", "POINTS_PER_PAGE"
    OUTPUT_XLSX, OUTPUT_FOLDER, OUTPUT_CSV = "OUTPUT_XLSX", "OUTPUT_FOLDER", "OUTPUT_CSV"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(self.INPUT, tr("Parcels (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        # optional, defaulting to ZDDM: QGIS 3.22 refuses an omitted required field parameter despite its default
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, tr("Parcel code field"), "ZDDM", self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.OWNER_FIELD, tr("Right holder field (权利人)"), "QLRMC", self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, tr("Tolerance: one physical point within (m)"), QgsProcessingParameterNumber.Double,
            boundary.DEFAULT_TOLERANCE, minValue=0.0, maxValue=10.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BUILDINGS, tr("Houses (ZRZ) for the floor area"), [QgsProcessing.TypeVectorPolygon], optional=True))
        for name, label, default in (
            (self.BUILDING_CODE_FIELD, tr("House: parcel code field"), "ZDDM"),
            (self.STOREYS_FIELD, tr("House: storeys field (ZCS)"), "ZCS"),
            (self.FLOOR_AREA_FIELD, tr("House: measured floor area field (SCJZMJ)"), "SCJZMJ"),
        ):
            param = QgsProcessingParameterField(name, label, default, self.BUILDINGS, optional=True)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        font = QgsProcessingParameterString(self.FONT, tr("Font in the cells (e.g. 宋体, Noto Sans CJK SC)"), tables.DEFAULT_FONT)
        font.setFlags(font.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(font)
        per_page = QgsProcessingParameterNumber(
            self.POINTS_PER_PAGE, tr("Point rows per A4 page"), QgsProcessingParameterNumber.Integer,
            tables.POINTS_PER_PAGE, minValue=2, maxValue=60)
        per_page.setFlags(per_page.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(per_page)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_XLSX, tr("Boundary point table (one sheet per parcel)"), tr("Excel workbook (*.xlsx)")))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, tr("Folder for one workbook per parcel"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_CSV, tr("Boundary point table as CSV"), tr("CSV files (*.csv)"), optional=True, createByDefault=False))

    def process(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or "ZDDM"
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        data, codes, result = compute_boundaries(source, code_field, tolerance, context, steps)
        steps.setCurrentStep(1)
        owner_field = optional_field(source, self.parameterAsString(parameters, self.OWNER_FIELD, context))
        floor_field = optional_field(source, "JZMJ")
        columns = read_layer(source, context, fields=[f for f in (owner_field, floor_field) if f], geometry=False)
        owners = columns.column(owner_field) if owner_field else [""] * len(data)
        if not owner_field:
            feedback.reportError(tr("No right holder field: the 权利人 cells stay empty."), False)
        parcel_area, _problems = areas.parcel_areas(data.geometries, data.ids, codes)  # problems said by compute_boundaries
        floor_areas = self._floor_areas(parameters, context, steps, data, codes, parcel_area, columns, floor_field)

        steps.setCurrentStep(2)
        parcel_tables = tables.parcel_tables(result, codes, owners, parcel_area, floor_areas)
        font = self.parameterAsString(parameters, self.FONT, context) or tables.DEFAULT_FONT
        per_page = self.parameterAsInt(parameters, self.POINTS_PER_PAGE, context)
        xlsx = self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context)
        if not xlsx.lower().endswith(".xlsx"):
            xlsx += ".xlsx"
        with atomic_output(xlsx) as tmp:
            tables.write_workbook(tmp, parcel_tables, font, per_page)
        results = {self.OUTPUT_XLSX: xlsx, self.OUTPUT_FOLDER: None, self.OUTPUT_CSV: None}

        steps.setCurrentStep(3)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        if folder:
            folder = self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context)
            self._one_file_each(folder, parcel_tables, font, per_page, steps)
            results[self.OUTPUT_FOLDER] = folder
        csv_path = self.parameterAsString(parameters, self.OUTPUT_CSV, context)
        if csv_path:
            csv_path = self.parameterAsFileOutput(parameters, self.OUTPUT_CSV, context)
            with atomic_output(csv_path) as tmp:
                tables.write_csv(tmp, parcel_tables)
            results[self.OUTPUT_CSV] = csv_path
        feedback.pushInfo(tr("Wrote the boundary point tables of {n} parcels to {path}.").format(n=len(parcel_tables), path=xlsx))
        return results

    def _floor_areas(self, parameters, context, feedback, data, codes, parcel_area, columns, floor_field):
        buildings = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if buildings is None:
            return columns.column(floor_field) if floor_field else None
        code_field = optional_field(buildings, self.parameterAsString(parameters, self.BUILDING_CODE_FIELD, context))
        storeys_field = optional_field(buildings, self.parameterAsString(parameters, self.STOREYS_FIELD, context))
        measured_field = optional_field(buildings, self.parameterAsString(parameters, self.FLOOR_AREA_FIELD, context))
        houses = read_layer(buildings, context, feedback, fields=[f for f in (code_field, storeys_field, measured_field) if f], crs=data.crs)
        report_problems(houses, feedback)
        n = len(houses)
        figures = areas.building_figures(
            data.geometries, codes, houses.geometries,
            houses.column(code_field) if code_field else None,
            houses.column(storeys_field) if storeys_field else [None] * n,
            houses.column(measured_field) if measured_field else [None] * n,
            building_ids=houses.ids, parcel_usable=~np.isnan(parcel_area),
        )
        for _index, problem in figures.problems:
            feedback.reportError(problem.format(tr), False)
        return figures.floor_area

    def _one_file_each(self, folder, parcel_tables, font, per_page, feedback):
        os.makedirs(folder, exist_ok=True)
        names = tables.unique_names(
            tables.safe_file_name(f"{t.code}_{t.owner}" if t.owner else t.code) for t in parcel_tables)
        for n, (table, name) in enumerate(zip(parcel_tables, names)):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            path = os.path.join(folder, name + ".xlsx")
            with atomic_output(path) as tmp:
                tables.write_workbook(tmp, [table], font, per_page)
            feedback.setProgress(100.0 * (n + 1) / max(len(parcel_tables), 1))
