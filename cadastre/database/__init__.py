"""The delivery database (TD/T 1066) and the PostGIS schema and overlays."""
