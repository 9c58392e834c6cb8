"""Labels of the homesteads on an overlay sheet (套合图): number and area of every parcel, none dropped.

Each label goes inside its parcel, clear of the parcel's outline where it fits, else over the outline; a parcel too
small or thin for it gets the label beside it with a leader line. Plane metres; sizes in points.
"""
from __future__ import annotations

from typing import List, Sequence, Tuple

from shapely.geometry import LineString, box

from .labelplacement import Measure, PlacedLabel, Placer, approximate_measure

SIZE = 5.5  # points: about 2 mm high, as 地籍图 annotations


def sheet_labels(polygons: Sequence, texts: Sequence[str], bounds: Tuple[float, float, float, float], scale: int,
                 measure: Measure = approximate_measure, blocked_mm: Sequence[Tuple[float, float, float, float]] = ()
                 ) -> Tuple[List[PlacedLabel], List[LineString], List[str]]:
    """(labels, leader lines, texts that found no room) for the parcels on the sheet ``bounds``; ``blocked_mm``:
    boxes of the frame (mm from its top-left) covered by layout items such as the north arrow."""
    frame = box(*bounds)
    placer = Placer(frame.buffer(-1.0 * scale / 1000.0, join_style=2), scale, measure)
    placer.block_paper(bounds, blocked_mm)
    mm = placer.mm
    on_sheet = [k for k, g in enumerate(polygons) if g is not None and not g.is_empty and g.intersects(frame)]
    # smallest parcels first: they have the fewest places to go
    on_sheet.sort(key=lambda k: polygons[k].area)
    outlines = {k: polygons[k].boundary.buffer(0.15 * mm) for k in on_sheet}
    strokes: List[LineString] = []
    for k in on_sheet:
        area = polygons[k].intersection(frame)
        if area.is_empty or not texts[k]:
            continue
        inside = list(placer.inside_area(area, texts[k], SIZE, leader_rings=False, steps=7))  # tried twice
        label = placer.place(texts[k], "parcel", SIZE, inside, avoid=outlines[k], required=False)
        if label is None:  # crossing its own outline (the text has a white halo) rather than moving away
            label = placer.place(texts[k], "parcel", SIZE, inside, required=False)
        if label is None:
            around = [c for c in placer.inside_area(area, texts[k], SIZE, leader_rings=True) if c.leader_from]
            label = placer.place(texts[k], "parcel", SIZE, around, required=True)
        if label is not None and label.leader is not None:
            strokes.append(label.leader)
    return placer.placed, strokes, [text for _role, text in placer.unplaced]


def parcel_text(number: str, area: float) -> str:
    return f"{number}\n{area:.2f}"

