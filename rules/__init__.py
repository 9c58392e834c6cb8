"""Rules as data plus small functions: the eligibility policy (policy/, policies/). QGIS-free."""
