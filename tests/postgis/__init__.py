"""PostGIS tests: need a server (HC_TEST_PG); see conftest.py."""
