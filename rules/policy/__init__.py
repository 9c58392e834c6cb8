"""The eligibility policy: profiles (dates, limits, targets, class rules with their clauses) and the engine.

``profile.load_profile`` reads and validates a TOML profile from ``rules/policies/`` (or any path);
``engine.classify_parcel`` / ``engine.classify_all`` sort parcels into the three classes. QGIS-free.
"""
