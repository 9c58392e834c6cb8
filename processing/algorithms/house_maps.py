"""homestead:housemaps — 房产分户图 per household (or building), a page per distinct floor plan; or (KIND) a
房产平面图 per building."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
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
    REPORT = "housemaps_report.csv"
    PAGE = translatable("House map")
    KEY_TITLE = translatable("Household / building")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_buildings()
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
        folder, houses, table, _fids = self.read_buildings(
            parameters, context, feedback, ["ZDDM", "ZRZH", "BDCDYH", "ZCS", "FWJG", "SCJZMJ"],
            nothing=tr("No buildings to draw: the layer is empty, nothing is selected, or no parcel code starts with "
                       "'{prefix}'."))
        crs = houses.crs
        parcels_table = self.read_optional(parameters, context, feedback, "PARCELS", ["ZDDM", "ZL", "QLRMC"], crs)
        holders_table = self.read_optional(parameters, context, feedback, "HOLDERS", ["ZDDM", "QLRMC"], geometry=False)
        floors = self.read_optional(parameters, context, feedback, "FLOORS", FLOOR_FIELDS[0], crs, FLOOR_FIELDS[1])
        parts = self.read_optional(parameters, context, feedback, "PARTS", PART_FIELDS[0], crs, PART_FIELDS[1])
        # the coefficients homestead:buildingareas counts with, for the part labels and the areas not recorded
        rules = load_profile(self.parameterAsString(parameters, "POLICY", context) or DEFAULT_PROFILE).building_areas
        if self.parameterAsEnum(parameters, "KIND", context) == 1:
            data = BuildingPlanData(table, floors, parts, None, parcels_table, holders_table, rules,
                                    neighbours=map_inputs.to_table(houses))
        elif floors is not None:
            households = self.read_optional(parameters, context, feedback, "HOUSEHOLDS", HOUSEHOLD_FIELDS[0], crs,
                                            HOUSEHOLD_FIELDS[1])
            data = FloorMapData(table, floors, parts, households, parcels_table, holders_table, rules)
        else:
            data = HouseMapData(table, parcels_table, holders_table,
                                per_building=self.parameterAsEnum(parameters, "UNIT", context) == 1)
        options = export_options(folder, self.parameterAsEnum(parameters, "FORMAT", context),
                                 self.parameterAsInt(parameters, "DPI", context), self.SINGLE_FILE)
        variables = map_inputs.variable_values(self, parameters, context)
        source = HouseMapSource(data.pages(), crs, context.project(), self.parameterAsString(parameters, "TEMPLATE", context),
                                variables, MIN_SCALES[self.parameterAsEnum(parameters, "MIN_SCALE", context)])
        return self.export(source, options, parameters, context, feedback, folder)
