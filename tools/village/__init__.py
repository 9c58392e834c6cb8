"""The demo village generator behind tools/make_village.py (a developer tool, not shipped in the plugin).

Modules: ``lattice`` exact millimetre geometry, ``blocks`` homestead blocks as partitions, ``people`` names and
ID numbers, ``policy`` the eligibility cases, ``village`` one village, ``county`` many villages and the
feature ids, ``truth`` the expected findings computed from the result, ``gpkg`` the GeoPackage writer.
"""
