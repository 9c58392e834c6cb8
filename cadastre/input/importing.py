"""Bringing survey data into the schema: field mapping (presets), value conversion, code validation and
geometry repair. QGIS-free: records are dicts, geometries shapely (already on the target plane).

Every record ends up either imported (possibly with repair notes) or rejected with its reasons: nothing is
dropped silently.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

import shapely

from .. import schema
from ..codes import bdcdyh_problems, unit_problems, zddm_problems, zrzh_problems
from ..messages import Problem, fail, translatable

# fields that must be filled for a record to make sense in the layer
REQUIRED = {"ZD": ("ZDDM",), "JZD": ("ZDZHDM", "JZDH"), "JZX": ("ZDZHDM",), "LJZ": ("ZRZH",), "C": ("ZRZH", "CH"),
            "H": ("ZRZH", "HH"), "MJBF": ("BWLX",)}
# code fields checked structurally (domain.md §2): field -> which code it is
CODE_FIELDS = {"ZDDM": "zddm", "ZDZHDM": "zddm", "LZDDM": "zddm", "BDCDYH": "bdcdyh", "ZRZH": "zrzh"}
CODE_CHECKS = {"zddm": zddm_problems, "bdcdyh": bdcdyh_problems, "zrzh": zrzh_problems}
# labels written in the field for coded values, beyond the code lists' own (code list -> label -> code)
LABEL_SYNONYMS = {
    "FWJG": {"砖混": 4, "砖混结构": 4, "混合结构": 4, "框架": 3, "框架结构": 3, "钢筋混凝土结构": 3, "钢混": 3,
             "砖木结构": 5, "钢结构": 1},
    "BWLX": {"封闭式阳台": "YT_FB", "开敞阳台": "YT_WFB", "敞开阳台": "YT_WFB", "不封闭阳台": "YT_WFB", "雨棚": "YP",
             "外楼梯": "SWLT", "楼梯": "SWLT", "走廊": "TL"},
    "FWYT": {"住房": 10, "自住房": 10},
    "QTGS": {"自墙": 1, "自有": 1, "共墙": 2, "共有": 2, "共用墙": 2, "借": 3, "借用墙": 3},
}
# where a table gives a building by parcel code and a short 幢号 instead of the 24-character ZRZH
PARCEL_COLUMNS = ("ZDDM", "宗地代码", "宗地编码", "宗地号")
BUILDING_COLUMNS = ("ZH", "幢号", "幢")
_STOREY = re.compile(r"^(地下)?第?(-?\d+)层?$")

# geometry kinds of the schema → shapely type ids accepted (after repair)
ACCEPTED_TYPES = {schema.POLYGON: (3, 6), schema.LINE: (1,), schema.POINT: (0,)}


# --- field mapping -------------------------------------------------------------------------------------
@dataclass
class Mapping:
    """target field → candidate source columns (the first present wins), and where geometry comes from in a
    table: a WKT column, or coordinate columns ``x``/``y`` with ``x_axis`` "north" (survey tables: X is the
    northing, domain.md §3) or "east"."""

    target: str = "ZD"
    fields: Dict[str, List[str]] = field(default_factory=dict)
    wkt: List[str] = field(default_factory=list)
    x: List[str] = field(default_factory=list)
    y: List[str] = field(default_factory=list)
    x_axis: str = "north"
    name: str = ""
    title: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, "title": self.title, "target": self.target, "fields": self.fields,
                "geometry": {"wkt": self.wkt, "x": self.x, "y": self.y, "x_axis": self.x_axis}}

    @classmethod
    def from_json(cls, data: dict) -> Mapping:
        geometry = data.get("geometry") or {}

        def names(value) -> List[str]:
            return [value] if isinstance(value, str) else list(value or [])

        target = str(data.get("target") or "ZD").upper()
        if target not in schema.LAYERS:
            raise fail("MAPPING_TARGET", translatable("The mapping names layer {layer}, which the survey schema does not have."), layer=target)
        fields = {str(k).upper(): names(v) for k, v in (data.get("fields") or {}).items()}
        unknown = [f for f in fields if f not in schema.LAYERS[target].field_names]
        if unknown:
            raise fail("MAPPING_FIELD", translatable("The mapping names field(s) {fields} that layer {layer} does not have."),
                       fields=", ".join(unknown), layer=target)
        axis = str(geometry.get("x_axis") or "north").lower()
        return cls(target, fields, names(geometry.get("wkt")), names(geometry.get("x")), names(geometry.get("y")),
                   "east" if axis.startswith("e") else "north", str(data.get("name") or ""), str(data.get("title") or ""))


def load_mapping(path: str) -> Mapping:
    try:
        with open(path, encoding="utf-8") as handle:
            return Mapping.from_json(json.load(handle))
    except (OSError, ValueError) as error:
        raise fail("MAPPING_READ", translatable("The field mapping {path} could not be read: {error}"), path=path, error=str(error)) from None


def save_mapping(mapping: Mapping, path: str) -> None:
    """Write a preset (UTF-8 JSON, Chinese kept readable) through a temporary file, then rename."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(mapping.to_json(), handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    os.replace(tmp, path)


def parse_mapping_text(text: str) -> Dict[str, List[str]]:
    """A mapping typed by the user: a JSON object {"ZDDM": "宗地编码"} or lines/semicolon pairs ZDDM=宗地编码."""
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as error:
            raise fail("MAPPING_SYNTAX", translatable("The field mapping is not valid JSON: {error}"), error=str(error)) from None
        return {str(k).upper(): [v] if isinstance(v, str) else list(v) for k, v in data.items()}
    result: Dict[str, List[str]] = {}
    for piece in re.split(r"[;\n]", text):
        if not piece.strip():
            continue
        if "=" not in piece:
            raise fail("MAPPING_SYNTAX", translatable("The field mapping entry '{entry}' is not TARGET=source."), entry=piece.strip())
        target, source = piece.split("=", 1)
        result[target.strip().upper()] = [source.strip()]
    return result


def _key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", str(name)).split()).upper()


def resolve_mapping(layer: schema.Layer, columns: Sequence[str], mapping: Optional[Mapping] = None,
                    explicit: Optional[Dict[str, List[str]]] = None) -> Dict[str, str]:
    """target field → source column actually used: explicit entries, then the preset, then same name or the
    field's Chinese alias (case, width and blanks ignored)."""
    by_key = {_key(c): c for c in columns}
    chosen: Dict[str, str] = {}
    for source in ((explicit or {}), (mapping.fields if mapping else {})):
        for target, candidates in source.items():
            if target in chosen:
                continue
            if target not in layer.field_names:
                raise fail("MAPPING_FIELD", translatable("The mapping names field(s) {fields} that layer {layer} does not have."),
                           fields=target, layer=layer.name)
            hit = next((by_key[_key(c)] for c in candidates if _key(c) in by_key), None)
            if hit is None and source is explicit:
                raise fail("MAPPING_SOURCE", translatable("The mapping takes {target} from column {source}, which the input does not have."),
                           target=target, source=", ".join(candidates))
            if hit is not None:
                chosen[target] = hit
    for f in layer.fields:
        if f.name in chosen:
            continue
        for candidate in (f.name, f.alias):
            if _key(candidate) in by_key:
                chosen[f.name] = by_key[_key(candidate)]
                break
    return chosen


def first_column(columns: Sequence[str], candidates: Sequence[str]) -> Optional[str]:
    by_key = {_key(c): c for c in columns}
    return next((by_key[_key(c)] for c in candidates if _key(c) in by_key), None)


# --- values ----------------------------------------------------------------------------------------------
def clean_code(value) -> str:
    text = unicodedata.normalize("NFKC", str(value))
    return "".join(text.split()).upper()


def convert(f: schema.Field, value: Any) -> Tuple[Any, Optional[str]]:
    """(value in the field's type, None) or (None, the kind it failed to be: a schema type or "code").

    Coded fields take a code or its label (砖木 → 5)."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None, None
    if isinstance(value, str):
        value = unicodedata.normalize("NFKC", value).strip()
    if f.name in CODE_FIELDS:
        return clean_code(value), None
    if f.codelist:
        return _coded(f, value)
    try:
        if f.type == schema.TEXT:
            text = str(value)
            if isinstance(value, float) and value.is_integer():
                text = str(int(value))  # a spreadsheet's 12.0 for a code typed as a number
            return text, None
        if f.type == schema.INT:
            number = float(value)
            if not number.is_integer():
                return None, schema.INT
            return int(number), None
        if f.type == schema.REAL:
            return float(value), None
        if f.type == schema.DATE:
            return _date(value), None
        if f.type == schema.DATETIME:
            return _datetime(value), None
    except (TypeError, ValueError):
        pass
    return None, f.type


def _coded(f: schema.Field, value) -> Tuple[Any, Optional[str]]:
    codes = schema.CODELISTS[f.codelist]
    text = str(value).strip()
    for code, label in codes.items():
        if text in (str(code), label, f"{code} {label}") or (isinstance(value, (int, float)) and not isinstance(code, str) and value == code):
            return code, None
    if text in LABEL_SYNONYMS.get(f.codelist, {}):
        return LABEL_SYNONYMS[f.codelist][text], None
    try:
        number = float(text)
        if number.is_integer() and int(number) in codes:
            return int(number), None
    except ValueError:
        pass
    return None, "code"  # not in the code list


_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def _date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{8}", text):
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    match = _DATE.match(text.split(" ")[0].split("T")[0])
    if not match:
        raise ValueError(text)
    return dt.date(*(int(g) for g in match.groups()))


def _datetime(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = str(value).strip().replace("T", " ")
    day = _date(text.split(" ")[0])
    time = text.split(" ")[1] if " " in text else "00:00:00"
    parts = [int(p) for p in time.split(":")] + [0, 0]
    return dt.datetime(day.year, day.month, day.day, parts[0], parts[1], parts[2])


# --- geometry --------------------------------------------------------------------------------------------
def repair(geom, kind: str) -> Tuple[Any, List[Problem], Optional[Problem]]:
    """(geometry for a ``kind`` layer, notes on what changed, reason to reject or None).

    Polygons are made valid (GEOS make_valid, keeping the areal part); a closed line becomes a polygon (CAD
    drawings); a single-part multi line/point becomes single; Z/M are dropped. Areas before and after a repair
    are in the notes so that a changed area is never silent.
    """
    notes: List[Problem] = []
    if kind == schema.NONE:
        return None, notes, None
    if geom is None or shapely.is_empty(geom):
        return None, notes, Problem("IMPORT_NO_GEOMETRY", translatable("It has no geometry."))
    if shapely.has_z(geom):
        geom = shapely.force_2d(geom)
        notes.append(Problem("REPAIR_Z", translatable("Z values were dropped (the survey plane is 2-D).")))
    type_id = shapely.get_type_id(geom)
    if kind == schema.POLYGON and type_id in (1, 5) and _closed_lines(geom):
        rings = [shapely.Polygon(shapely.get_coordinates(part)) for part in shapely.get_parts(geom)]
        geom = rings[0] if len(rings) == 1 else shapely.MultiPolygon(rings)
        notes.append(Problem("REPAIR_CLOSED_LINE", translatable("Closed polyline(s) made into a polygon.")))
        type_id = shapely.get_type_id(geom)
    if kind in (schema.LINE, schema.POINT) and type_id in (4, 5) and shapely.get_num_geometries(geom) == 1:
        geom = shapely.get_geometry(geom, 0)
        type_id = shapely.get_type_id(geom)
    if type_id not in ACCEPTED_TYPES[kind]:
        return None, notes, Problem("IMPORT_WRONG_GEOMETRY", WRONG_GEOMETRY[kind], {"kind": geom.geom_type})
    if not shapely.is_valid(geom):
        reason = shapely.is_valid_reason(geom)
        before = shapely.area(geom)
        fixed = shapely.make_valid(geom)
        if kind == schema.POLYGON:
            parts = [p for p in shapely.get_parts(fixed) if shapely.get_type_id(p) in (3, 6)]
            fixed = shapely.union_all(parts) if parts else None
        if fixed is None or shapely.is_empty(fixed) or shapely.get_type_id(fixed) not in ACCEPTED_TYPES[kind]:
            return None, notes, Problem("IMPORT_UNREPAIRABLE", translatable("Its geometry is invalid ({reason}) and repairing it left nothing usable."),
                                        {"reason": reason})
        notes.append(Problem("REPAIR_VALID", translatable("Invalid geometry ({reason}) repaired; area {before:.2f} → {after:.2f} m²."),
                             {"reason": reason, "before": float(before), "after": float(shapely.area(fixed))}))
        geom = fixed
    return geom, notes, None


def _closed_lines(geom) -> bool:
    parts = shapely.get_parts(geom)
    return bool(len(parts)) and bool(shapely.is_closed(parts).all()) and all(shapely.get_num_coordinates(p) >= 4 for p in parts)


WRONG_GEOMETRY = {
    schema.POLYGON: translatable("It is a {kind}; the layer takes polygons."),
    schema.LINE: translatable("It is a {kind}; the layer takes lines."),
    schema.POINT: translatable("It is a {kind}; the layer takes points."),
}


# --- records ---------------------------------------------------------------------------------------------
NOT_VALID = {
    schema.INT: translatable("{field} = '{value}' is not a whole number."),
    schema.REAL: translatable("{field} = '{value}' is not a number."),
    schema.DATE: translatable("{field} = '{value}' is not a date (e.g. 2020-05-13)."),
    schema.DATETIME: translatable("{field} = '{value}' is not a date and time (e.g. 2020-05-13 09:30)."),
    schema.TEXT: translatable("{field} = '{value}' is not text."),
    "code": translatable("{field} = '{value}' is neither a code nor a label of its code list."),
}

@dataclass
class Converted:
    """One source record: its values in the layer's field order (None where rejected), geometry, notes, reasons."""

    source_id: int
    values: Optional[list]
    geometry: Any
    notes: List[Problem] = field(default_factory=list)
    reasons: List[Problem] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return bool(self.reasons)


def convert_record(layer: schema.Layer, columns: Dict[str, str], record: dict, geometry, source_id: int) -> Converted:
    """Map, convert and validate one record for ``layer`` (``columns``: target field → source column)."""
    values = []
    reasons: List[Problem] = []
    for f in layer.fields:
        raw = record.get(columns[f.name]) if f.name in columns else None
        value, wrong = convert(f, raw)
        if wrong:
            reasons.append(Problem("IMPORT_VALUE", NOT_VALID[wrong], {"field": f.name, "value": raw}))
        values.append(value)
    if layer in schema.HOUSE_LAYERS:
        _house_codes(layer, values, record)
    by_name = dict(zip(layer.field_names, values))
    for name in REQUIRED.get(layer.name, ()):
        if not by_name.get(name):
            reasons.append(Problem("IMPORT_REQUIRED", translatable("{field} is empty; the {layer} layer needs it."),
                                   {"field": name, "layer": layer.name}))
    for name, kind in CODE_FIELDS.items():
        code = by_name.get(name)
        if code and name in by_name:
            if layer.name == "H" and name == "BDCDYH":
                reasons.extend(unit_problems(code, by_name.get("ZRZH") or "", by_name.get("HH") or ""))
            else:
                reasons.extend(CODE_CHECKS[kind](code))
    geom, notes, why_not = repair(geometry, layer.geometry)
    if why_not is not None:
        reasons.append(why_not)
    if layer.name == "JZD" and geom is not None and not reasons:
        # a boundary point's X/Y columns are its coordinates: northing and easting of the survey plane (§3)
        values[layer.field_names.index("XZBZ")] = round(float(geom.y), 3)
        values[layer.field_names.index("YZBZ")] = round(float(geom.x), 3)
    return Converted(source_id, None if reasons else values, geom if not reasons else geometry, notes, reasons)


def _number_text(value) -> str:
    """A number typed in a spreadsheet cell or a text field, as text without a trailing .0."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_code(value) if value is not None else ""


def _house_codes(layer: schema.Layer, values: list, record: dict) -> None:
    """Complete house-side codes typed the short way: ZRZH from the parcel code and a 幢号 (ZDDM + F + 4 digits),
    户号 to 4 digits, the unit code as ZRZH + 户号, 层号 written 第2层 / 2层 / 地下1层 as 2 / -1, SJC from the 层号."""
    names = layer.field_names

    def get(name):
        return values[names.index(name)] if name in names else None

    def put(name, value):
        if name in names:
            values[names.index(name)] = value

    columns = list(record)
    zrzh = re.sub(r"^(\d+)\.0$", r"\1", get("ZRZH") or "")
    number = zrzh or _number_text(record.get(first_column(columns, BUILDING_COLUMNS) or ""))
    zddm = _number_text(record.get(first_column(columns, PARCEL_COLUMNS) or ""))
    if number.isdigit() and len(number) <= 4 and zddm:
        put("ZRZH", f"{zddm}F{int(number):04d}")
    storey = get("CH")
    match = _STOREY.match(str(storey).strip()) if storey is not None else None
    if match:
        ch = str(-abs(int(match.group(2))) if match.group(1) else int(match.group(2)))
        put("CH", ch)
        if "SJC" in names and get("SJC") is None:
            put("SJC", int(ch))
    hh = get("HH")
    if hh is not None and _number_text(hh).isdigit() and len(_number_text(hh)) <= 4:
        put("HH", f"{int(_number_text(hh)):04d}")
    if layer.name == "H" and not get("BDCDYH") and get("ZRZH") and get("HH"):
        put("BDCDYH", get("ZRZH") + get("HH"))


def orient_xy(x_values: Sequence[float], y_values: Sequence[float], x_axis: str = "north") -> Tuple[str, bool]:
    """("north"/"east" for the X column, whether the data overrode ``x_axis``).

    Survey tables write X = northing and Y = easting (domain.md §3). When the numbers say otherwise (X holds
    8-digit zone-prefixed eastings or longitudes, Y 7-digit northings or latitudes), they win.
    """
    from ..zones import is_in_china_zones, zone_of_prefixed_easting

    xs = [float(v) for v in x_values if v is not None]
    ys = [float(v) for v in y_values if v is not None]
    if not xs or not ys:
        return x_axis, False

    def eastings(values):
        return all(zone_of_prefixed_easting(v) is not None for v in values) or all(is_in_china_zones(v) for v in values)

    def northings(values):
        return all(1_000_000 <= abs(v) < 10_000_000 for v in values) or all(-90 <= v <= 90 for v in values)

    if x_axis == "north" and eastings(xs) and northings(ys) and not eastings(ys):
        return "east", True
    if x_axis == "east" and eastings(ys) and northings(xs) and not eastings(xs):
        return "north", True
    return x_axis, False
