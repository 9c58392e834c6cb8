"""A CAD drawing (DXF) read back as survey features. QGIS-free: entities come as plain lists, shapely on the plane.

CAD draws a parcel or a house as a closed polyline and writes its attributes as texts inside it
(homestead:exportdxf: the parcel code above the area, the house label such as 2混). On the chosen CAD layer every
closed polyline becomes a polygon; a closed polyline inside another one of the layer is its hole (even-odd
nesting, so a parcel inside a hole is a parcel again). The texts of any layer inside a polygon give its columns:
ZDDM for a parcel; ZCS and FWJG for a house, and ZDDM from the parcel (on the parcel layer) holding it. Other
entities of the layer are passed on as they are (the import rejects them with the reason); texts are labels,
not records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np
import shapely

from ..maps.cad import HOUSE_LAYER, PARCEL_LAYER
from ..maps.maptext import STRUCTURE_ABBREVIATIONS
from ..messages import Problem, translatable

PARCEL_LAYERS = (PARCEL_LAYER, "ZD")
HOUSE_LAYERS = (HOUSE_LAYER, "ZRZ", "FW")
DEFAULT_LAYERS = {"ZD": PARCEL_LAYERS, "ZRZ": HOUSE_LAYERS}
# a parcel code as printed, well-formed or not (the import checks it and says what is wrong)
CODE_TEXT = re.compile(r"^\d{6}[0-9A-Z]{6,}$")
_ABBREVIATIONS = sorted(STRUCTURE_ABBREVIATIONS.items(), key=lambda item: -len(item[1]))
HOUSE_TEXT = re.compile(r"^(\d*)(" + "|".join(re.escape(a) for _c, a in _ABBREVIATIONS) + r")?$")
DERIVED_COLUMNS = {"ZD": ("ZDDM",), "ZRZ": ("ZDDM", "ZCS", "FWJG")}


@dataclass
class Entities:
    """The DXF's entities: source ids, CAD layer names, shapely geometries, texts (None/'' for non-texts) and
    attribute records (dicts), one per entity, in the same order."""

    ids: Sequence[int]
    layers: Sequence[str]
    geometries: Sequence
    texts: Sequence[Optional[str]]
    records: Sequence[dict]


@dataclass
class Features:
    ids: List[int] = field(default_factory=list)
    records: List[dict] = field(default_factory=list)
    geometries: List = field(default_factory=list)
    notes: Dict[int, List[Problem]] = field(default_factory=dict)


def truncation(path: str) -> Optional[Problem]:
    """Why the DXF file at ``path`` is incomplete, or None. Every DXF ends with the group 0 EOF; a file cut off
    (a copy or download broken off) does not, and GDAL would read its first part without a word."""
    binary = b"AutoCAD Binary DXF"
    with open(path, "rb") as handle:
        head = handle.read(len(binary))
        handle.seek(0, 2)
        handle.seek(max(0, handle.tell() - 64))
        tail = handle.read()
    if head == binary:
        complete = tail.rstrip(b"\0").endswith(b"EOF")
    else:
        lines = [line.strip() for line in tail.decode("latin-1").splitlines() if line.strip()]
        complete = lines[-2:] == ["0", "EOF"]
    if complete:
        return None
    return Problem("DXF_TRUNCATED", translatable(
        "{path} is not a whole DXF file: it does not end with the EOF marker, so it was cut off (a copy or download "
        "broken off, or a program that stopped writing). Nothing was imported; copy or export the file again."),
        {"path": path})


def default_layer(target: str, present: Sequence[str]) -> Optional[str]:
    """The CAD layer a ``target`` schema layer is drawn on, when the drawing has one."""
    present = set(present)
    return next((name for name in DEFAULT_LAYERS.get(target, ()) if name in present), None)


def is_label(geometry, text) -> bool:
    return bool(text and str(text).strip()) and geometry is not None and shapely.get_type_id(geometry) == 0


def polygons(entities: Entities, layer: Optional[str], target: str) -> Features:
    """The features of CAD ``layer`` (None: every layer) for a polygon ``target`` (see the module docstring)."""
    labels = [n for n, (g, t) in enumerate(zip(entities.geometries, entities.texts)) if is_label(g, t)]
    label_points = np.array([entities.geometries[n] for n in labels], dtype=object)
    label_texts = [str(entities.texts[n]).strip() for n in labels]
    out = _assemble(entities, layer, set(labels))
    columns = DERIVED_COLUMNS.get(target, ())
    if not columns:
        return out
    shapes = np.array(out.geometries, dtype=object)
    inside = _labels_inside(shapes, label_points)
    if target == "ZD":
        for n, found in enumerate(inside):
            out.records[n]["ZDDM"] = _code(shapes[n], [(label_points[k], label_texts[k]) for k in found], out.notes, out.ids[n])
    else:
        parcel_layer = default_layer("ZD", entities.layers)
        parcels = polygons(entities, parcel_layer, "ZD") if parcel_layer else Features()
        holders = _holders(shapes, parcels)
        for n, found in enumerate(inside):
            storeys, structure = _house([label_texts[k] for k in found])
            out.records[n].update({"ZCS": storeys, "FWJG": structure, "ZDDM": holders[n]})
    return out


def _assemble(entities: Entities, layer: Optional[str], labels: set) -> Features:
    chosen = [n for n, name in enumerate(entities.layers) if n not in labels and (layer is None or name == layer)]
    rings = [n for n in chosen if _closed_ring(entities.geometries[n])]
    ring_set = set(rings)
    shells = np.array([shapely.Polygon(shapely.get_coordinates(entities.geometries[n])) for n in rings], dtype=object)
    parent = _parents(shells)
    holes: Dict[int, List[int]] = {}
    for child, mother in enumerate(parent):
        if mother >= 0:
            holes.setdefault(mother, []).append(child)
    out = Features()
    ring_index = {n: k for k, n in enumerate(rings)}
    for n in chosen:
        sid = int(entities.ids[n])
        geometry = entities.geometries[n]
        notes = []
        if n in ring_set:
            k = ring_index[n]
            if parent[k] >= 0:
                continue  # a hole: part of its shell's record
            inner = holes.get(k, [])
            geometry = shapely.Polygon(shells[k].exterior.coords, [shells[h].exterior.coords for h in inner])
            notes.append(Problem("REPAIR_CLOSED_LINE", translatable("Closed polyline(s) made into a polygon.")))
            if inner:
                notes.append(Problem("CAD_HOLES", translatable("Closed polylines {ids} inside it were taken as its holes."),
                                     {"ids": ", ".join(str(int(entities.ids[rings[h]])) for h in inner)}))
        out.ids.append(sid)
        out.records.append(dict(entities.records[n]))
        out.geometries.append(geometry)
        if notes:
            out.notes[sid] = notes
    return out


def _closed_ring(geometry) -> bool:
    return (geometry is not None and shapely.get_type_id(geometry) == 1 and bool(shapely.is_closed(geometry))
            and shapely.get_num_coordinates(geometry) >= 4)


def _parents(shells: np.ndarray) -> List[int]:
    """For each ring: the ring whose hole it is (the innermost ring holding it, at even depth), or -1."""
    n = len(shells)
    if not n:
        return []
    holder, held = shapely.STRtree(shells).query(shells, predicate="contains")
    keep = (holder != held) & ~shapely.equals(shells[holder], shells[held])
    holder, held = holder[keep], held[keep]
    depth = np.bincount(held, minlength=n)
    parent = [-1] * n
    for h, c in zip(holder.tolist(), held.tolist()):
        if depth[c] % 2 == 1 and depth[h] == depth[c] - 1:
            parent[c] = h
    return parent


def _labels_inside(shapes: np.ndarray, points: np.ndarray) -> List[List[int]]:
    found: List[List[int]] = [[] for _ in shapes]
    polygonal = np.array([g is not None and shapely.get_type_id(g) in (3, 6) for g in shapes], dtype=bool)
    if not len(points) or not polygonal.any():
        return found
    rows = np.flatnonzero(polygonal)
    shape_rows, point_rows = shapely.STRtree(points).query(shapes[rows], predicate="contains")
    for s, p in zip(rows[shape_rows].tolist(), point_rows.tolist()):
        found[s].append(p)
    return found


def _code(shape, labels, notes, sid) -> Optional[str]:
    """The parcel code printed inside ``shape``: the code text nearest its label point when there are several."""
    codes = [(point, "".join(text.split()).upper()) for point, text in labels if CODE_TEXT.match("".join(text.split()).upper())]
    if not codes:
        return None
    centre = shapely.point_on_surface(shape)
    codes.sort(key=lambda pc: shapely.distance(pc[0], centre))
    distinct = list(dict.fromkeys(code for _p, code in codes))
    if len(distinct) > 1:
        notes.setdefault(sid, []).append(Problem("CAD_CODES", translatable(
            "Several parcel codes are written inside it ({codes}); the one nearest its middle, {code}, was taken."),
            {"codes": ", ".join(distinct), "code": distinct[0]}))
    return distinct[0]


def _house(texts: Sequence[str]):
    """(storeys, FWJG code) of the first house label (e.g. 2混) among ``texts``; None where not given."""
    by_abbreviation = {a: c for c, a in STRUCTURE_ABBREVIATIONS.items()}
    for text in texts:
        match = HOUSE_TEXT.match("".join(text.split()))
        if match and (match.group(1) or match.group(2)):
            return (int(match.group(1)) if match.group(1) else None), by_abbreviation.get(match.group(2))
    return None, None


def _holders(houses: np.ndarray, parcels: Features) -> List[Optional[str]]:
    """For each house, the code of the one parcel holding its label point (None: none, several or uncoded)."""
    codes: List[set] = [set() for _ in houses]
    shapes = np.array(parcels.geometries, dtype=object)
    polygonal = [n for n, g in enumerate(houses) if g is not None and shapely.get_type_id(g) in (3, 6)]
    if len(shapes) and polygonal:
        points = shapely.point_on_surface(houses[polygonal])
        house_rows, parcel_rows = shapely.STRtree(shapes).query(points, predicate="within")
        for h, p in zip(house_rows.tolist(), parcel_rows.tolist()):
            codes[polygonal[h]].add(parcels.records[p].get("ZDDM"))
    return [next(iter(c)) if len(c) == 1 else None for c in codes]
