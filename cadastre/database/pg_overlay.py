"""The polygon overlays of cadastre/overlay.py and cadastre/farmland.py as SQL for PostGIS, for data that lives
in the database.

``overlaps_sql`` means ``polygon_overlaps(polygons(left), polygons(right), min_area, same)`` where ``polygons``
is what the checks measure on (rules.quality.base.Features.polygons): non-empty Polygon/MultiPolygon
geometries, the invalid ones made valid (GEOS make_valid, keeping the polygonal part). The tables' GiST
indexes find the candidate pairs (``&&`` on the stored geometries: a valid-made geometry never leaves its
original's box); validity is tested once per row and only the few invalid rows are repaired; GEOS
intersection and area run on the server (in parallel workers when the server has them), in the tables' own CRS
(the survey plane). Only pairs whose overlap area exceeds ``min_area`` come back.

QGIS-free: SQL text only. Each script starts with ``SET LOCAL jit = off``: compiling these queries costs more
than it saves (measured: 1.6 s of 7 s on 100 000 parcels).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .pg_schema import quote_ident

PREAMBLE = "SET LOCAL jit = off;\n"


@dataclass(frozen=True)
class Source:
    """A table to overlay: quoted schema-qualified name, geometry and (integer) key columns."""

    table: str
    geometry: str
    key: str

    def usable(self, alias: str) -> str:
        g = f"{alias}.{quote_ident(self.geometry)}"
        return f"{g} IS NOT NULL AND NOT ST_IsEmpty({g}) AND GeometryType({g}) IN ('POLYGON', 'MULTIPOLYGON')"

    def repaired(self) -> str:
        """(id, repaired geometry) of the invalid usable rows: few, so they are made valid only once."""
        g = quote_ident(self.geometry)
        return (f"SELECT t.{quote_ident(self.key)} AS id, "
                f"ST_UnaryUnion(ST_CollectionExtract(ST_MakeValid(t.{g}), 3)) AS g "
                f"FROM {self.table} t WHERE {self.usable('t')} AND NOT ST_IsValid(t.{g})")


def _pairs(left: Source, right: Source, min_area: float, same: bool, select: str) -> str:
    """SELECT ``select`` (over a, b: the two rows, and x: piece, area) for every pair whose overlap area is
    greater than ``min_area``. A pair whose area exceeds min_area >= 0 intersects: no separate test."""
    lk, rk = quote_ident(left.key), quote_ident(right.key)
    lg, rg = quote_ident(left.geometry), quote_ident(right.geometry)
    pair = f" AND a.{lk} < b.{rk}" if same else ""
    return (
        f"SELECT {select}\n"
        f"FROM {left.table} a JOIN {right.table} b ON a.{lg} && b.{rg}{pair}\n"
        f"LEFT JOIN ({left.repaired()}) fa ON fa.id = a.{lk}\n"
        f"LEFT JOIN ({right.repaired()}) fb ON fb.id = b.{rk}\n"
        f"CROSS JOIN LATERAL (SELECT ST_Intersection(coalesce(fa.g, a.{lg}), coalesce(fb.g, b.{rg})) AS piece) p\n"
        f"CROSS JOIN LATERAL (SELECT p.piece, ST_Area(p.piece) AS area) x\n"
        f"WHERE {left.usable('a')} AND {right.usable('b')} AND x.area > {float(min_area)!r}"
    )


def overlaps_sql(left: Source, right: Optional[Source] = None, min_area: float = 0.0, same: bool = False,
                 pieces: bool = True, label: str = "") -> str:
    """Rows (left id, right id, overlap area m², overlap as hex WKB or NULL[, right's ``label`` column]) of every
    pair whose overlap area is greater than ``min_area``, ordered by left id then right id. ``same=True``
    overlays ``left`` with itself: each unordered pair once (left id < right id), no self pairs."""
    right = left if same else right
    wkb = "encode(ST_AsBinary(x.piece), 'hex')" if pieces else "NULL::text"
    extra = f", b.{quote_ident(label)}::text" if label else ""
    select = f"a.{quote_ident(left.key)}, b.{quote_ident(right.key)}, x.area, {wkb}{extra}"
    return PREAMBLE + _pairs(left, right, min_area, same, select) + "\nORDER BY 1, 2"
