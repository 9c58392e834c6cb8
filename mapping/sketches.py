"""宗地草图: the caotu.qpt template filled for one parcel after another (the 宗地图 pages, drawn to fit)."""
from __future__ import annotations

from ..cadastre.maps.mapdata import clean_text, column_of
from .parcel_maps import ParcelMapSource

TEMPLATE = "caotu.qpt"
# Items the code fills (besides the map); the note 示意图 不按比例, surveyor and date are template texts.
TEXT_ITEMS = ("header_zddm", "header_zl", "header_zdmj", "header_qlr")


class SketchSource(ParcelMapSource):
    """Pages of 宗地草图; ``data`` is a cadastre.maps.sketch.SketchData."""

    TEMPLATE = TEMPLATE
    TEXT_ITEMS = TEXT_ITEMS

    def texts(self, page) -> dict:
        return {"header_zddm": page.zddm, "header_zl": clean_text(column_of(self.data.parcels, "ZL")[page.index]),
                "header_zdmj": page.area, "header_qlr": page.owner}
