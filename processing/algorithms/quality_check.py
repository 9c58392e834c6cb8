"""homestead:qualitycheck — the quality and conflict rules (rules/quality/) over parcels, houses, farmland, the
base map and the right holders, into an error layer and a summary per rule and village."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ...cadastre import schema
from ...cadastre.messages import translatable
from ...i18n import tr, user_locale, zh
from ...rules.quality import runner
from ...rules.quality.base import (
    BASEMAP,
    BUILDINGS,
    ERROR,
    FARMLAND,
    FLOORS,
    PARTS,
    UNITS,
    WARNING,
    CheckInput,
    Features,
)
from ...rules.quality.registry import RULES
from ..library import adapters, gpkg_io
from ..library.layers import qgs_fields
from ..library.styling import style_on_load
from .base import HomesteadAlgorithm

# attribute columns each input is read with (absent ones are simply not there)
PARCEL_FIELDS = ("ZDDM", "BDCDYH", "ZDTZM", "ZDMJ", "DCMJ", "MJDW", "DLLB", "QLLX", "HH", "QLRZJH")
BUILDING_FIELDS = ("BDCDYH", "ZDDM", "ZRZH", "ZCS", "DSCS", "DXCS")
FLOOR_FIELDS = ("ZRZH", "CH", "SJC", "CJZMJ")
UNIT_FIELDS = ("BDCDYH", "ZRZH", "CH", "HH", "SJCS", "SCJZMJ")
PART_FIELDS = ("ZRZH", "CH", "BWLX")
FARMLAND_FIELDS = ("JBNTTBBH",)
HOUSEHOLD_FIELDS = ("ZDDM", "BDCDYH", "HH", "ZJH")


def rule_parameter_name(rule_id: str, param: str) -> str:
    """Processing name of a rule's parameter, e.g. ZD_GAP_WIDTH."""
    return f"{rule_id}_{param.upper()}"


class QualityCheckAlgorithm(HomesteadAlgorithm):
    NAME = "qualitycheck"
    DISPLAY_NAME = translatable("Check survey quality and conflicts")
    GROUP = "checks"

    PARCELS, BUILDINGS, FARMLAND, BASEMAP, HOUSEHOLDS = "PARCELS", "BUILDINGS", "FARMLAND", "BASEMAP", "HOUSEHOLDS"
    FLOORS, UNITS, PARTS = "FLOORS", "UNITS", "PARTS"
    TOLERANCE, SCALE, RULES, TARGET_CRS = "TOLERANCE", "SCALE", "RULES", "TARGET_CRS"
    OUTPUT, OUTPUT_SUMMARY, ERRORS, WARNINGS = "OUTPUT", "OUTPUT_SUMMARY", "ERRORS", "WARNINGS"
    INPUTS = (BUILDINGS, FARMLAND, BASEMAP, HOUSEHOLDS, FLOORS, UNITS, PARTS)  # optional inputs, named as the rules' needs in upper case

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.PARCELS, tr("Parcels (ZD)"), polygons))
        self.addParameter(QgsProcessingParameterFeatureSource(self.BUILDINGS, tr("Houses (ZRZ)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FARMLAND, tr("Permanent basic farmland (JBNT)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BASEMAP, tr("Base-map buildings (DXT_FW)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HOUSEHOLDS, tr("Right holders (QLR table)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.FLOORS, tr("Floors (C)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Household units (H)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PARTS, tr("Area parts (MJBF: balconies, corridors…)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.TOLERANCE, tr("Tolerance: a house may stick out of its parcel by (m)"), QgsProcessingParameterNumber.Double,
            0.05, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SCALE, tr("Survey map scale 1:N (500, 1000 or 2000)"), QgsProcessingParameterNumber.Integer, 1000))
        self.addParameter(QgsProcessingParameterEnum(
            self.RULES, tr("Rules to run (none chosen: all)"), [r.id for r in RULES], allowMultiple=True, optional=True,
            usesStaticStrings=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.TARGET_CRS, tr("Plane to check on (default: the parcels' survey plane)"), optional=True))
        zh = user_locale().startswith("zh")
        for rule in RULES:
            for param in rule.params:
                label = f"{rule.id}: {param.zh if zh else param.en}" + (f" ({param.unit})" if param.unit else "")
                definition = QgsProcessingParameterNumber(
                    rule_parameter_name(rule.id, param.name), label,
                    QgsProcessingParameterNumber.Integer if param.integer else QgsProcessingParameterNumber.Double,
                    param.default, minValue=param.minimum)
                if param.maximum is not None:
                    definition.setMaximum(param.maximum)
                definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
                self.addParameter(definition)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Quality findings"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, tr("Quality summary per rule and village"), QgsProcessing.TypeVector, optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.ERRORS, tr("Number of errors")))
        self.addOutput(QgsProcessingOutputNumber(self.WARNINGS, tr("Number of warnings")))

    def process(self, parameters, context, feedback):
        scale = self.parameterAsInt(parameters, self.SCALE, context)
        if scale not in schema.SCALES:
            raise QgsProcessingException(tr("The map scale must be 1:500, 1:1000 or 1:2000, not 1:{scale}.").format(scale=scale))
        # an empty choice arrives as no parameter at all (QGIS 3.22 would otherwise hand back the first option)
        names = self.parameterAsEnumStrings(parameters, self.RULES, context) if parameters.get(self.RULES) else []
        chosen = runner.select(names)
        explicit = bool(names)
        sources = {name: self.parameterAsSource(parameters, name, context) for name in (self.PARCELS,) + self.INPUTS}
        parcels_source = sources[self.PARCELS]
        if parcels_source is None:
            raise QgsProcessingException(tr("The parcel layer could not be opened."))
        if not parcels_source.featureCount():
            raise QgsProcessingException(tr("The parcel layer {layer} is empty: there is nothing to check.").format(
                layer=parcels_source.sourceName()))
        if explicit:
            for rule in chosen:
                missing = [need for need in rule.needs if sources[need.upper()] is None]
                if missing:
                    raise QgsProcessingException(tr("Rule {rule} needs the {inputs} input(s); give them or leave the rule out.").format(
                        rule=rule.id, inputs=", ".join(m.upper() for m in missing)))
        target = self.parameterAsCrs(parameters, self.TARGET_CRS, context) if parameters.get(self.TARGET_CRS) else None
        plane = adapters.check_plane_for(parcels_source, context, target)
        feedback.pushInfo(tr("Checking on {crs}.").format(crs=plane.authid() or plane.description()))

        data = CheckInput(self._read(parameters, self.PARCELS, parcels_source, PARCEL_FIELDS, plane, context, feedback),
                          tolerance=self.parameterAsDouble(
            parameters, self.TOLERANCE, context), scale=scale)
        for name, fields in ((BUILDINGS, BUILDING_FIELDS), (FARMLAND, FARMLAND_FIELDS), (BASEMAP, ()),
                             (FLOORS, FLOOR_FIELDS), (UNITS, UNIT_FIELDS), (PARTS, PART_FIELDS)):
            source = sources[name.upper()]
            if source is not None:
                setattr(data, name, self._read(parameters, name.upper(), source, fields, plane, context, feedback))
        if sources[self.HOUSEHOLDS] is not None:
            holders = adapters.read_layer(sources[self.HOUSEHOLDS], context, feedback, fields=HOUSEHOLD_FIELDS, geometry=False)
            data.households = Features(holders.ids, None, holders.attributes)
        feedback.setProgress(0)

        overrides = {
            f"{rule.id}.{param.name}": self.parameterAsDouble(parameters, rule_parameter_name(rule.id, param.name), context)
            for rule in RULES for param in rule.params
            if parameters.get(rule_parameter_name(rule.id, param.name)) is not None
        }
        language = "zh" if user_locale().startswith("zh") else "en"
        report = runner.run(data, chosen, overrides, language, tr, zh, feedback.setProgress, feedback.isCanceled)
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Canceled."))
        for rule_id, missing in report.skipped:
            feedback.pushInfo(tr("Rule {rule} was not run: it needs {inputs}.").format(
                rule=rule_id, inputs=", ".join(m.upper() for m in missing)))
        for note in report.notes:
            feedback.pushWarning(note)

        rows = [[r.rule_id, r.severity, r.message, r.layer, r.fids, r.rel_fids, r.codes, r.village, r.value] for r in report.rows]
        dest = gpkg_io.write_out(self, parameters, self.OUTPUT, context, schema.ZJCW, plane, rows,
                                 [r.geometry for r in report.rows], feedback)
        style_on_load(context, dest, schema.ZJCW)

        results = {self.OUTPUT: dest}
        summary_fields = qgs_fields(schema.ZJHZ.fields)
        summary_sink, summary_dest = self.parameterAsSink(
            parameters, self.OUTPUT_SUMMARY, context, summary_fields, QgsWkbTypes.NoGeometry)
        if summary_sink is not None:  # optional
            adapters.write_rows(summary_sink, summary_fields, [list(row) for row in report.summary])
            results[self.OUTPUT_SUMMARY] = summary_dest

        totals = {row[0]: row[4] for row in report.summary if row[3] is None}
        for rule_id in report.ran:
            feedback.pushInfo(tr("{rule}: {n} findings ({seconds:.1f} s).").format(
                rule=rule_id, n=totals.get(rule_id, 0), seconds=report.seconds[rule_id]))
        errors = sum(1 for r in report.rows if r.severity == ERROR)
        warnings = sum(1 for r in report.rows if r.severity == WARNING)
        return {**results, self.ERRORS: errors, self.WARNINGS: warnings}

    def _read(self, parameters, name, source, fields, plane, context, feedback) -> Features:
        data = gpkg_io.read_input(self, parameters, name, source, context, feedback, fields=fields, crs=plane)
        adapters.report_problems(data, feedback)
        return Features(data.ids, data.geometries, data.attributes)
