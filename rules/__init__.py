"""Rules as data plus small functions: quality rules (quality/) and the eligibility policy (policy/, policies/).

QGIS-free like cadastre/: numpy and shapely only. Adding a rule touches one module and one line of its registry.
"""
