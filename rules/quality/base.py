"""What a quality rule is, what it is given and what it returns (QGIS-free).

A rule is data (stable id, severity, subject layer, parameters with defaults; its title and message templates in
English and Chinese in texts.toml) plus one check function over plain data: shapely arrays and attribute columns on one
metric plane. Findings name features by their feature ids (fids) in the input layers.
"""
from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from ...cadastre import overlay
from ...cadastre.codes import village_of
from ...cadastre.messages import Problem

try:
    import tomllib
except ImportError:  # Python < 3.11 (QGIS 3.28-3.34 on Windows)
    import tomli as tomllib

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)

TEXTS = os.path.join(os.path.dirname(__file__), "texts.toml")

# Inputs a rule may need beyond the parcels.
BUILDINGS, FARMLAND, BASEMAP, HOUSEHOLDS = "buildings", "farmland", "basemap", "households"
FLOORS, UNITS, PARTS = "floors", "units", "parts"  # the house side: C 层, H 户, MJBF 面积部位

# Areas of this size or less (m²) are floating-point noise where edges touch, never a finding.
NOISE_AREA = overlay.NOISE_AREA


@dataclass(frozen=True)
class Param:
    """A tolerance or limit of a rule; the user can change it (processing: advanced parameter RULE_ID_NAME)."""

    name: str
    default: float
    unit: str  # "m", "m²", "°", "mm", "" — shown with the label
    en: str
    zh: str
    minimum: float = 0.0
    maximum: Optional[float] = None
    integer: bool = False  # a count, a class or a 0/1 switch


@lru_cache(maxsize=1)
def _texts() -> Dict[str, Dict[str, Any]]:
    with open(TEXTS, "rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class Rule:
    """A rule: its stable id, severity, subject layer, check, parameters and inputs; its title and message
    templates are data, in texts.toml under the id."""

    id: str
    severity: str
    subject: str  # schema layer whose fids go into FIDS: ZD, ZRZ, C or H
    check: Callable[[CheckInput, Dict[str, float]], Outcome]
    params: Tuple[Param, ...] = ()
    needs: Tuple[str, ...] = ()  # BUILDINGS, FARMLAND, BASEMAP, HOUSEHOLDS, FLOORS, UNITS, PARTS

    @property
    def title_en(self) -> str:
        return _texts()[self.id]["title"][0]

    @property
    def title_zh(self) -> str:
        return _texts()[self.id]["title"][1]

    @property
    def messages(self) -> Dict[str, Tuple[str, str]]:
        """Message kind -> (English, Chinese) template with {placeholders}."""
        return {kind: tuple(pair) for kind, pair in _texts()[self.id]["messages"].items()}

    def title(self, language: str) -> str:
        return self.title_zh if language.startswith("zh") else self.title_en

    def defaults(self) -> Dict[str, float]:
        return {p.name: p.default for p in self.params}

    def text(self, kind: str, args: Dict[str, Any], language: str, translate=lambda s: s) -> str:
        """The message ``kind`` filled with ``args``; Problem arguments are formatted through ``translate``."""
        en, zh = self.messages[kind]
        values = {k: (v.format(translate) if isinstance(v, Problem) else v) for k, v in args.items()}
        return (zh if language.startswith("zh") else en).format(**values)


@dataclass
class Finding:
    """One thing wrong: the features it concerns, where, and the message arguments."""

    kind: str
    fids: Sequence[int]
    geometry: Any  # shapely geometry on the check plane (any type)
    args: Dict[str, Any] = field(default_factory=dict)
    rel_fids: Sequence[int] = ()
    codes: Sequence[str] = ()
    value: Optional[float] = None
    layer: str = ""  # default: the rule's subject
    village: str = ""  # default: from the codes


@dataclass
class Outcome:
    """What a rule returns: its findings and notes for the log (kind, args) about what it could not check."""

    findings: List[Finding] = field(default_factory=list)
    notes: List[Tuple[str, Dict[str, Any]]] = field(default_factory=list)


@dataclass
class Features:
    """One layer as plain data: fids, shapely geometries (None where missing) and attribute columns."""

    ids: np.ndarray
    geometries: np.ndarray
    attributes: Dict[str, list] = field(default_factory=dict)
    _codes: Dict[str, List[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        self.ids = np.asarray(self.ids, dtype=np.int64)
        geoms = np.empty(len(self.ids), dtype=object)
        if self.geometries is not None and len(self.ids):
            geoms[:] = list(self.geometries)
        self.geometries = geoms

    def __len__(self) -> int:
        return len(self.ids)

    def has(self, name: str) -> bool:
        return name in self.attributes

    def column(self, name: str) -> list:
        """The column ``name``, or all None when the layer lacks it."""
        return self.attributes.get(name) or [None] * len(self)

    def codes(self, name: str) -> List[str]:
        """Column ``name`` as cleaned code strings ('' where empty); cleaned once, shared by the rules (not to be
        modified)."""
        if name not in self._codes:
            self._codes[name] = [clean_code(v) for v in self.column(name)]
        return self._codes[name]

    @cached_property
    def present(self) -> np.ndarray:
        """bool: the feature has a non-empty geometry."""
        ok = ~shapely.is_missing(self.geometries)
        ok[ok] = ~shapely.is_empty(self.geometries[ok])
        return ok

    @cached_property
    def polygons(self) -> np.ndarray:
        """Polygonal geometries made valid (for overlays); None where missing, empty or not polygonal.

        Rules measure on these; ZD_INVALID reports the invalid originals, so nothing is repaired silently.
        """
        out = np.full(len(self), None, dtype=object)
        ok = self.present.copy()
        ok[ok] = np.isin(shapely.get_type_id(self.geometries[ok]), (3, 6))
        geoms = self.geometries[ok].copy()
        bad = ~shapely.is_valid(geoms)
        if bad.any():
            geoms[bad] = _polygonal(shapely.make_valid(geoms[bad]))
        out[ok] = geoms
        return out

    @cached_property
    def index_of(self) -> Dict[int, int]:
        return {int(fid): i for i, fid in enumerate(self.ids)}


@dataclass
class CheckInput:
    """Everything the rules look at, on one metric plane (metres)."""

    parcels: Features
    buildings: Optional[Features] = None
    farmland: Optional[Features] = None
    basemap: Optional[Features] = None
    households: Optional[Features] = None  # QLR rows (no geometry needed)
    floors: Optional[Features] = None  # C rows
    units: Optional[Features] = None  # H rows
    parts: Optional[Features] = None  # MJBF rows
    tolerance: float = 0.05  # m: a house may stick out of its parcel by this much
    scale: int = 1000  # map scale denominator of the survey (ΔP, base-map accuracy)
    cache: Dict[Any, Any] = field(default_factory=dict)  # results several rules share (e.g. house placement)

    def available(self, need: str) -> bool:
        layer = getattr(self, need)
        return layer is not None

    @cached_property
    def parcel_codes(self) -> List[str]:
        return self.parcels.codes("ZDDM")

    @cached_property
    def parcel_tree(self) -> shapely.STRtree:
        return shapely.STRtree(self.parcels.polygons)

    def parcel_villages(self, indices: Sequence[int]) -> str:
        return next((v for v in (village_of(self.parcel_codes[i]) for i in indices) if v), "")


def clean_code(value) -> str:
    """A code as typed in a form or spreadsheet, normalised: full-width to ASCII, blanks removed, upper case."""
    if value is None:
        return ""
    if isinstance(value, str) and value.isascii():  # most codes: NFKC leaves ASCII as it is
        return "".join(value.split()).upper()
    text = unicodedata.normalize("NFKC", str(value))
    return "".join(text.split()).upper()


def is_homestead(code: str, right_type=None) -> bool:
    """Whether a parcel is a homestead (宅基地): feature code JC, or QLLX 5/6 when the code tells nothing."""
    if len(code) >= 14 and code[12:14].isalpha():
        return code[12:14] == "JC"
    if right_type not in (None, ""):
        try:
            return int(right_type) in (5, 6)
        except (TypeError, ValueError):
            return True
    return True  # no code and no right type: assume it is, rather than skip it silently


def group(keys: np.ndarray, values: np.ndarray, n: int) -> List[np.ndarray]:
    """For each key 0..n-1, the sorted unique ``values`` paired with it (e.g. an STRtree query's two arrays)."""
    keys = np.asarray(keys, dtype=np.int64)
    values = np.asarray(values, dtype=np.int64)
    order = np.lexsort((values, keys))
    keys, values = keys[order], values[order]
    fresh = np.ones(len(keys), dtype=bool)
    fresh[1:] = (keys[1:] != keys[:-1]) | (values[1:] != values[:-1])
    keys, values = keys[fresh], values[fresh]
    bounds = np.searchsorted(keys, np.arange(n + 1))
    return [values[bounds[k]:bounds[k + 1]] for k in range(n)]


def rings_of(geometries) -> Tuple[np.ndarray, np.ndarray]:
    """(rings, index of the geometry each belongs to) for polygons and multipolygons (shapely's get_rings
    alone skips multipolygons, the type GeoPackage parcel layers use)."""
    parts, part_owner = shapely.get_parts(np.asarray(geometries, dtype=object), return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    return rings, part_owner[ring_part]


def fid_list(ids: Sequence[int]) -> str:
    return ",".join(str(int(i)) for i in ids)


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    """Keep the polygonal part of make_valid results (it may add lines where a ring folded back)."""
    out = geoms.copy()
    collections = shapely.get_type_id(geoms) == 7
    for i in np.flatnonzero(collections):
        parts = [p for p in shapely.get_parts(geoms[i]) if p.geom_type in ("Polygon", "MultiPolygon")]
        out[i] = shapely.union_all(parts) if parts else None
    return out
