"""homestead:boundarytable — the 界址点成果表 of every parcel as a workbook (one sheet per parcel), one workbook
per village (地籍子区, as the tables are delivered), one workbook per parcel and a CSV, each optional."""
from __future__ import annotations

import gc
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

from ...cadastre import areas, boundary
from ...cadastre.documents import tables
from ...cadastre.files import atomic_output
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library.adapters import read_layer, report_problems
from .base import HomesteadAlgorithm
from .boundary_points import compute_boundaries
from .parcel_areas import optional_field


class BoundaryTableAlgorithm(HomesteadAlgorithm):
    NAME = "boundarytable"
    DISPLAY_NAME = translatable("Boundary point table (界址点成果表)")
    GROUP = "geometry"

    INPUT, CODE_FIELD, OWNER_FIELD, TOLERANCE = "INPUT", "CODE_FIELD", "OWNER_FIELD", "TOLERANCE"
    BUILDINGS, STOREYS_FIELD, FLOOR_AREA_FIELD, BUILDING_CODE_FIELD = "BUILDINGS", "STOREYS_FIELD", "FLOOR_AREA_FIELD", "BUILDING_CODE_FIELD"
    FONT, POINTS_PER_PAGE = "FONT", "POINTS_PER_PAGE"
    OUTPUT_XLSX, OUTPUT_VILLAGES, OUTPUT_FOLDER, OUTPUT_CSV = "OUTPUT_XLSX", "OUTPUT_VILLAGES", "OUTPUT_FOLDER", "OUTPUT_CSV"

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
        # optional since the per-village workbooks came (a county's parcels in one workbook help nobody), still
        # created by default as before
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_XLSX, tr("Boundary point table (one sheet per parcel)"), tr("Excel workbook (*.xlsx)"),
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_VILLAGES, tr("Folder for one workbook per village (地籍子区)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, tr("Folder for one workbook per parcel"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_CSV, tr("Boundary point table as CSV"), tr("CSV files (*.csv)"), optional=True, createByDefault=False))

    def process(self, parameters, context, feedback):
        outputs = {key: self._destination(parameters, key, context)
                   for key in (self.OUTPUT_XLSX, self.OUTPUT_VILLAGES, self.OUTPUT_FOLDER, self.OUTPUT_CSV)}
        if not any(outputs.values()):
            raise QgsProcessingException(tr("Choose at least one output: the workbook, a folder or the CSV."))
        xlsx = outputs[self.OUTPUT_XLSX]
        if xlsx and not xlsx.lower().endswith(".xlsx"):
            outputs[self.OUTPUT_XLSX] = xlsx = xlsx + ".xlsx"
        steps = QgsProcessingMultiStepFeedback(2 + sum(1 for v in outputs.values() if v), feedback)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or "ZDDM"
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        data, codes, result = compute_boundaries(source, code_field, tolerance, context, steps)
        steps.setCurrentStep(1)
        owner_field = optional_field(source, self.parameterAsString(parameters, self.OWNER_FIELD, context))
        floor_field = optional_field(source, "JZMJ")
        columns = _aligned(read_layer(source, context, fields=[f for f in (owner_field, floor_field) if f],
                                      geometry=False), data.ids)
        owners = columns.column(owner_field) if owner_field else [""] * len(data)
        if not owner_field:
            feedback.reportError(tr("No right holder field: the 权利人 cells stay empty."), False)
        parcel_area, _problems = areas.parcel_areas(data.geometries, data.ids, codes)  # problems said by compute_boundaries
        floor_areas = self._floor_areas(parameters, context, steps, data, codes, parcel_area, columns, floor_field)

        # the tables are made one at a time by each writer, from the numbered points (memory stays flat)
        source_tables = tables.TableSource(result, codes, owners, parcel_area, floor_areas)
        font = self.parameterAsString(parameters, self.FONT, context) or tables.DEFAULT_FONT
        per_page = self.parameterAsInt(parameters, self.POINTS_PER_PAGE, context)
        n = len(source_tables)
        step = 1
        if xlsx:
            step += 1
            steps.setCurrentStep(step)
            if n > MANY_SHEETS:
                feedback.reportError(tr(
                    "The workbook gets {n} sheets: Excel and WPS open a workbook of thousands of sheets slowly. For a "
                    "township or a county, choose the folder for one workbook per village (地籍子区) instead.").format(n=n), False)
            with atomic_output(xlsx) as tmp:
                tables.write_workbook(tmp, source_tables, font, per_page, progress=_progress(steps, n))
            feedback.pushInfo(tr("Wrote the boundary point tables of {n} parcels to {path}.").format(n=n, path=xlsx))
        if outputs[self.OUTPUT_VILLAGES]:
            step += 1
            steps.setCurrentStep(step)
            self._one_file_per_village(outputs[self.OUTPUT_VILLAGES], source_tables, font, per_page, steps)
        if outputs[self.OUTPUT_FOLDER]:
            step += 1
            steps.setCurrentStep(step)
            self._one_file_each(outputs[self.OUTPUT_FOLDER], source_tables, font, per_page, steps)
        if outputs[self.OUTPUT_CSV]:
            step += 1
            steps.setCurrentStep(step)
            with atomic_output(outputs[self.OUTPUT_CSV]) as tmp:
                tables.write_csv(tmp, source_tables, progress=_progress(steps, n))
        return outputs

    def _destination(self, parameters, name, context):
        """The path of an output, or None when it is not wanted (optional and skipped)."""
        if not self.parameterAsString(parameters, name, context):
            return None
        return self.parameterAsFileOutput(parameters, name, context) or None

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

    def _one_file_per_village(self, folder, source_tables, font, per_page, feedback):
        """One workbook per 地籍子区 (ZDDM[:12]), the parcels' sheets in input order, each written completely or not
        at all; parcels whose code has no 12-digit prefix share one workbook (named so)."""
        os.makedirs(folder, exist_ok=True)
        villages = source_tables.by_village()
        progress = _progress(feedback, len(source_tables))
        done = 0
        for village, indices in villages.items():
            path = os.path.join(folder, tables.safe_file_name(tables.village_file_name(village)) + ".xlsx")
            with atomic_output(path) as tmp:
                tables.write_workbook(tmp, source_tables.tables(indices), font, per_page,
                                      progress=lambda k, before=done: progress(before + k))
            done += len(indices)
            gc.collect()  # openpyxl's workbook is a web of reference cycles: free it now, not some villages later
            if not village:
                feedback.reportError(tr(
                    "{n} parcels have no 12-digit 地籍子区 at the start of their code: their tables are in {path}.").format(
                    n=len(indices), path=path), False)
        feedback.pushInfo(tr("Wrote {villages} village workbooks with the boundary point tables of {n} parcels to {folder}.").format(
            villages=len(villages), n=done, folder=folder))

    def _one_file_each(self, folder, source_tables, font, per_page, feedback):
        os.makedirs(folder, exist_ok=True)
        names = tables.UniqueNames()
        progress = _progress(feedback, len(source_tables))
        for n, table in enumerate(source_tables, start=1):
            name = names.take(tables.safe_file_name(f"{table.code}_{table.owner}" if table.owner else table.code))
            with atomic_output(os.path.join(folder, name + ".xlsx")) as tmp:
                tables.write_workbook(tmp, [table], font, per_page)
            progress(n)


MANY_SHEETS = 2000  # more sheets in one workbook: suggest the per-village workbooks


def _progress(feedback, total: int):
    """A callback for the writers: progress after each of ``total`` tables, and the cancel button."""

    def report(n: int) -> None:
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        feedback.setProgress(100.0 * n / max(total, 1))

    return report


def _aligned(columns, ids):
    """``columns`` (read without geometry) in the order of the features ``ids`` (read with it): a damaged file
    (a shapefile whose .dbf is cut short) can give the two reads different features; a missing one reads NULL."""
    if list(columns.ids) == list(ids):
        return columns
    positions = {int(fid): i for i, fid in enumerate(columns.ids)}
    rows = [positions.get(int(fid)) for fid in ids]
    columns.attributes = {name: [None if i is None else values[i] for i in rows] for name, values in columns.attributes.items()}
    columns.ids = ids
    return columns

