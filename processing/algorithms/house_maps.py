"""homestead:housemaps — 房产分户图 per household (or building), a page per distinct floor plan; or (KIND) a
房产平面图 per building."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...cadastre.maps.buildingplan import BuildingPlanData
from ...cadastre.maps.floorplans import FloorMapData
from ...cadastre.maps.housemap import HouseMapData
from ...cadastre.maps.walls import WALL_FIELDS
from ...cadastre.messages import translatable
from ...i18n import tr
from ...mapping.export import export_pages
from ...mapping.house_maps import HouseMapSource
from ...rules.policy.profile import DEFAULT_PROFILE, load_profile
from ..library import map_inputs
from .map_base import MapsAlgorithm
from .parcel_maps import FORMATS, export_options

UNITS = (translatable("One map per household (the buildings of a parcel)"), translatable("One map per building"))
KINDS = (translatable("House maps (房产分户图): a page per floor plan"),
         translatable("Building plans (房产平面图): a page per building, its floors' outlines where they differ"))
MIN_SCALES = (100, 200, 500)
# (fields read, fields required) of the floor inputs
FLOOR_FIELDS = (["ZRZH", "CH", "SJC", "CG", "CJZMJ"], ["ZRZH", "CH"])
PART_FIELDS = (["ZRZH", "CH", "BWLX", "ZZ", "FB", "CG", "XS"], ["ZRZH", "CH", "BWLX"])
HOUSEHOLD_FIELDS = (["ZRZH", "CH", "SJCS", "HH", "SCJZMJ", "BDCDYH", *WALL_FIELDS], ["ZRZH", "CH"])


class HouseMapsAlgorithm(MapsAlgorithm):
    NAME = "housemaps"
    DISPLAY_NAME = translatable("House maps (房产分户图)")
    SINGLE_FILE = "fangchantu.pdf"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOUSES", tr("Buildings (ZRZ); only the selected ones when 'Selected features only' is ticked"),
            [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            "VILLAGE", tr("Only buildings whose parcel code starts with (e.g. the 12-digit village code)"), optional=True))
        map_inputs.optional_source(self, "PARCELS", tr("Parcels (ZD), for 坐落, owner and outline"))
        self.add_holders()
        map_inputs.optional_source(self, "FLOORS", tr("Floors (C): a map per building and distinct floor outline"))
        map_inputs.optional_source(self, "PARTS", tr("Area parts (MJBF) on the floors, hatched with their coefficient"))
        map_inputs.optional_source(self, "HOUSEHOLDS", tr("Households (H) on the floors, with their areas"))
        self.addParameter(QgsProcessingParameterEnum("UNIT", tr("Maps"), [tr(u) for u in UNITS], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum("KIND", tr("Drawing"), [tr(k) for k in KINDS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", tr("Layout template (.qpt); default: the bundled 房产分户图"), extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Output"), [tr(f[0]) for f in FORMATS], defaultValue=0))
        self.add_advanced(QgsProcessingParameterString(
            "POLICY", tr("Policy profile with the area coefficients (name or .toml file)"), DEFAULT_PROFILE))
        self.add_advanced(QgsProcessingParameterEnum("MIN_SCALE", tr("Largest scale used"), [f"1:{s}" for s in MIN_SCALES], defaultValue=1))
        dpi = QgsProcessingParameterNumber("DPI", tr("PNG resolution (dpi)"), QgsProcessingParameterNumber.Integer, 200, False, 50, 1200)
        dpi.setFlags(dpi.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(dpi)
        map_inputs.variable_parameters(self)
        map_inputs.feature_ids_parameter(self)
        self.add_output_folder(tr("Maps drawn"), tr("Maps not drawn"))

    def process(self, parameters, context, feedback):
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        prefix = self.parameterAsString(parameters, "VILLAGE", context).strip()
        targets = set(map_inputs.target_ids(self, parameters, context, "HOUSES", "ZDDM", prefix))
        if not targets:
            raise QgsProcessingException(tr("No buildings to draw: the layer is empty, nothing is selected, or no "
                                            "parcel code starts with '{prefix}'.").format(prefix=prefix))
        houses_source = self.parameterAsSource(parameters, "HOUSES", context)
        houses = map_inputs.read(houses_source, context, feedback, ["ZDDM", "ZRZH", "BDCDYH", "ZCS", "FWJG", "SCJZMJ"])
        crs = houses.crs
        keep = [k for k, fid in enumerate(houses.ids) if int(fid) in targets]
        table = map_inputs.to_table(houses)
        table.geometries = table.geometries[keep]
        table.attributes = {name: [values[k] for k in keep] for name, values in table.attributes.items()}
        parcels_source = self.parameterAsSource(parameters, "PARCELS", context)
        parcels = map_inputs.read(parcels_source, context, feedback, ["ZDDM", "ZL", "QLRMC"], crs) if parcels_source else None
        holders_source = self.parameterAsSource(parameters, "HOLDERS", context)
        holders = map_inputs.read(holders_source, context, feedback, ["ZDDM", "QLRMC"], geometry=False) \
            if holders_source else None
        parcels_table = map_inputs.to_table(parcels) if parcels else None
        holders_table = map_inputs.to_table(holders) if holders else None
        floors_source = self.parameterAsSource(parameters, "FLOORS", context)
        # the coefficients homestead:buildingareas counts with, for the part labels and the areas not recorded
        rules = load_profile(self.parameterAsString(parameters, "POLICY", context) or DEFAULT_PROFILE).building_areas
        if self.parameterAsEnum(parameters, "KIND", context) == 1:
            data = BuildingPlanData(table, self._optional(parameters, context, feedback, "FLOORS", FLOOR_FIELDS, crs),
                                    self._optional(parameters, context, feedback, "PARTS", PART_FIELDS, crs), None,
                                    parcels_table, holders_table, rules, neighbours=map_inputs.to_table(houses))
        elif floors_source:
            floors = self._optional(parameters, context, feedback, "FLOORS", FLOOR_FIELDS, crs)
            data = FloorMapData(table, floors, self._optional(parameters, context, feedback, "PARTS", PART_FIELDS, crs),
                                self._optional(parameters, context, feedback, "HOUSEHOLDS", HOUSEHOLD_FIELDS, crs),
                                parcels_table, holders_table, rules)
        else:
            data = HouseMapData(table, parcels_table, holders_table,
                                per_building=self.parameterAsEnum(parameters, "UNIT", context) == 1)
        options = export_options(folder, self.parameterAsEnum(parameters, "FORMAT", context),
                                 self.parameterAsInt(parameters, "DPI", context), self.SINGLE_FILE)
        variables = map_inputs.variable_values(self, parameters, context)
        source = HouseMapSource(data.pages(), crs, context.project(), self.parameterAsString(parameters, "TEMPLATE", context),
                                variables, MIN_SCALES[self.parameterAsEnum(parameters, "MIN_SCALE", context)])
        if source.template.missing:
            feedback.pushWarning(tr("The template lacks the item(s) {items}; their content is left out.").format(
                items=", ".join(source.template.missing)))
        try:
            results = export_pages(source, options, feedback)
        finally:
            source.release()
        return map_inputs.finish(self, parameters, context, results, folder, feedback, "housemaps_report.csv",
                                 tr("House map"), translatable("Household / building"))

    def _optional(self, parameters, context, feedback, name, fields, crs):
        source = self.parameterAsSource(parameters, name, context)
        if not source:
            return None
        return map_inputs.to_table(map_inputs.read(source, context, feedback, fields[0], crs, required=fields[1]))
