"""Rules as data plus small functions: quality rules (rules/quality/) and, beside them, the eligibility policy.

QGIS-free like cadastre/: numpy and shapely only. Adding a rule touches one module and one line of its registry.
"""
