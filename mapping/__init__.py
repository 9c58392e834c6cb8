"""Map products on QGIS print layouts: templates, the map layers of a page, export (宗地图, 房产图, 套合图).

The layout work is QGIS-heavy and lives here; what a page shows (scale, extent, label positions, texts) is
worked out QGIS-free in cadastre/ and only drawn here.
"""
