"""The houses of the review card: the project's ZRZ, C and H layers and the house findings, read once and
indexed (parcel code → houses, building number ZRZH → floors, households, findings), so a card is a lookup."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer

from .audit import from_qgis
from .project_layers import error_layers, has_fields, is_parcel_layer, survey_table

# The fields that tell each house layer, and the ones the card shows.
HOUSE_FIELDS = ("ZRZH", "ZDDM", "FWJG", "ZCS", "SCJZMJ")
FLOOR_FIELDS = ("ZRZH", "CH", "CG", "CJZMJ")
UNIT_FIELDS = ("ZRZH", "HH", "BDCDYH", "SCJZMJ")
# Quality rules about houses; their findings name the building number ZRZH among CODES.
HOUSE_RULES = ("C_", "H_", "ZRZ_ZRZH")


@dataclass
class House:
    values: Dict[str, object]  # HOUSE_FIELDS
    floors: List[Dict[str, object]] = field(default_factory=list)  # FLOOR_FIELDS, by 层号
    units: List[Dict[str, object]] = field(default_factory=list)  # UNIT_FIELDS, by 户号
    issues: List[Tuple[str, str, str]] = field(default_factory=list)  # (rule, severity, message)


def _rows(layer: Optional[QgsVectorLayer], names) -> List[Dict[str, object]]:
    if layer is None:
        return []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(list(names), layer.fields())
    return [{name: from_qgis(feature[name]) for name in names} for feature in layer.getFeatures(request)]


def _pick(project: QgsProject, parcels: QgsVectorLayer, names) -> Optional[QgsVectorLayer]:
    """The project's layer with ``names``, one of the parcels' own GeoPackage (or database) first."""
    home = (survey_table(parcels) or ("",))[0]
    found = [layer for layer in project.mapLayers().values()
             if isinstance(layer, QgsVectorLayer) and layer.isValid() and layer.id() != parcels.id()
             and not is_parcel_layer(layer) and has_fields(layer, names)]
    found.sort(key=lambda layer: ((survey_table(layer) or ("",))[0] != home, layer.name()))
    return found[0] if found else None


def _code(value) -> str:
    return str(value or "").strip()


class HouseIndex:
    """Houses of every parcel of one parcel layer, with their floors, households and findings."""

    def __init__(self, by_parcel: Optional[Dict[str, List[House]]] = None):
        self.by_parcel = by_parcel or {}

    @classmethod
    def read(cls, project: QgsProject, parcels: QgsVectorLayer) -> HouseIndex:
        houses = _pick(project, parcels, HOUSE_FIELDS)
        if houses is None:
            return cls()
        by_number: Dict[str, House] = {}
        by_parcel: Dict[str, List[House]] = {}
        for row in _rows(houses, HOUSE_FIELDS):
            number = _code(row["ZRZH"])
            parcel = _code(row["ZDDM"]) or number[:19]
            house = House(row)
            by_parcel.setdefault(parcel, []).append(house)
            if number:
                by_number.setdefault(number, house)
        for name, names in (("floors", FLOOR_FIELDS), ("units", UNIT_FIELDS)):
            for row in _rows(_pick(project, parcels, names), names):
                house = by_number.get(_code(row["ZRZH"]))
                if house is not None:
                    getattr(house, name).append(row)
        for house in by_number.values():
            house.floors.sort(key=lambda r: _order(r["CH"]))
            house.units.sort(key=lambda r: _order(r["HH"]))
        cls._findings(project, parcels, by_number)
        for listed in by_parcel.values():
            listed.sort(key=lambda h: _code(h.values["ZRZH"]))
        return cls(by_parcel)

    @staticmethod
    def _findings(project, parcels, by_number: Dict[str, House]) -> None:
        for layer in error_layers(project):
            if layer.id() == parcels.id() or layer.fields().indexOf("CODES") < 0:
                continue
            for row in _rows(layer, ("RULE_ID", "SEVERITY", "MESSAGE", "CODES")):
                rule = _code(row["RULE_ID"])
                if not rule.startswith(HOUSE_RULES):
                    continue
                entry = (rule, _code(row["SEVERITY"]), _code(row["MESSAGE"]))
                tokens = [t.strip() for t in _code(row["CODES"]).split(",")]
                # a building's number, or a unit code (ZRZH + 户号) naming it
                named = {id(h): h for h in (by_number.get(t[:24]) for t in tokens if len(t) in (24, 28)) if h}
                for house in named.values():
                    house.issues.append(entry)

    def houses_of(self, zddm) -> List[House]:
        return self.by_parcel.get(_code(zddm), [])


def _order(value) -> Tuple[int, object]:
    """Floors and households in number order (层号 '10' after '9'), text ones after."""
    text = _code(value)
    return (0, int(text)) if text.lstrip("-").isdigit() else (1, text)
