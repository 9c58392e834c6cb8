"""QGIS-free domain core of the Homestead Cadastre plugin.

Nothing in this package imports qgis or Qt: codes, zones, areas, numbering, tables and policy evaluation run
in plain Python (numpy, shapely 2), so they are fast, testable alone and usable from a script.
"""
