"""The polygon overlay of cadastre/overlay.py as one SQL query for PostGIS, for data that lives in the database.

Same meaning as ``polygon_overlaps(polygons(left), polygons(right), min_area, same)`` where ``polygons`` is what
the checks measure on (rules.quality.base.Features.polygons): non-empty Polygon/MultiPolygon geometries, the
invalid ones made valid (GEOS make_valid, keeping the polygonal part). The tables' GiST indexes find the
candidate pairs (``&&`` on the stored geometries: a valid-made geometry never leaves its original's box);
validity is tested once per row, and only the few invalid rows are repaired; GEOS intersects, intersection and
area run on the server, in the tables' own CRS (the survey plane). Only pairs whose overlap area exceeds
``min_area`` come back, with the overlap as WKB when asked.

QGIS-free: SQL text only.
"""
from __future__ import annotations

from dataclasses import dataclass

from .pg_schema import quote_ident


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


def overlaps_sql(left: Source, right: Source = None, min_area: float = 0.0, same: bool = False,
                 pieces: bool = True) -> str:
    """Rows (left id, right id, overlap area m², overlap WKB or NULL) of every pair whose overlap area is
    greater than ``min_area``, ordered by left id then right id. ``same=True`` overlays ``left`` with itself:
    each unordered pair once (left id < right id), no self pairs."""
    right = left if same else right
    lk, rk = quote_ident(left.key), quote_ident(right.key)
    lg, rg = quote_ident(left.geometry), quote_ident(right.geometry)
    wkb = "encode(ST_AsBinary(x.piece), 'hex')" if pieces else "NULL::text"
    pair = f" AND a.{lk} < b.{rk}" if same else ""
    fixed_right = "fl" if same else "fr"
    ctes = [f"fl AS MATERIALIZED ({left.repaired()})"]
    if not same:
        ctes.append(f"fr AS MATERIALIZED ({right.repaired()})")
    return (
        f"WITH {', '.join(ctes)}\n"
        f"SELECT a.{lk}, b.{rk}, x.area, {wkb}\n"
        f"FROM {left.table} a JOIN {right.table} b ON a.{lg} && b.{rg}{pair}\n"
        f"LEFT JOIN fl ON fl.id = a.{lk} LEFT JOIN {fixed_right} fb ON fb.id = b.{rk}\n"
        f"CROSS JOIN LATERAL (SELECT coalesce(fl.g, a.{lg}) AS ga, coalesce(fb.g, b.{rg}) AS gb) v\n"
        f"CROSS JOIN LATERAL (SELECT ST_Intersection(v.ga, v.gb) AS piece) p\n"
        f"CROSS JOIN LATERAL (SELECT p.piece, ST_Area(p.piece) AS area) x\n"
        f"WHERE {left.usable('a')} AND {right.usable('b')} AND ST_Intersects(v.ga, v.gb) AND x.area > {float(min_area)!r}\n"
        f"ORDER BY a.{lk}, b.{rk}"
    )
