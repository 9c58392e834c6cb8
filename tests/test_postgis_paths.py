"""Choosing where overlays run for PostGIS inputs, without a server: the rule of processing/library/postgis.py."""
from qgis.core import QgsCoordinateReferenceSystem

from homestead_cadastre.processing.library import postgis

ZONE = QgsCoordinateReferenceSystem("EPSG:4525")


def table(connection_info, crs=ZONE, name="ZD"):
    return postgis.PostgisTable(connection_info, "s", name, "geom", "fid", crs)


def test_remote_or_not():
    assert not postgis.is_remote(table("host=127.0.0.1 dbname=x"))
    assert not postgis.is_remote(table("host=localhost dbname=x"))
    assert not postgis.is_remote(table("host=/var/run/postgresql dbname=x"))
    assert postgis.is_remote(table("host=db.county.example dbname=x"))
    assert postgis.is_remote(table("service=county"))


def test_overlays_in_database():
    remote = [table("host=10.0.0.5 dbname=x"), table("host=10.0.0.5 dbname=x", name="JBNT")]
    local = [table("host=127.0.0.1 dbname=x"), table("host=127.0.0.1 dbname=x", name="JBNT")]
    auto, yes, no = postgis.IN_DATABASE_AUTO, postgis.IN_DATABASE_YES, postgis.IN_DATABASE_NO
    assert postgis.overlays_in_database(auto, remote, spares_reading=True)
    assert not postgis.overlays_in_database(auto, remote, spares_reading=False)
    assert not postgis.overlays_in_database(auto, local, spares_reading=True)
    assert postgis.overlays_in_database(yes, local, spares_reading=False)
    assert not postgis.overlays_in_database(no, remote, spares_reading=True)
    # not one database, a GeoPackage input, a geographic CRS or two CRSs: never
    assert not postgis.overlays_in_database(yes, [remote[0], table("host=10.0.0.6 dbname=x")], True)
    assert not postgis.overlays_in_database(yes, [remote[0], None], True)
    geographic = QgsCoordinateReferenceSystem("EPSG:4490")
    assert not postgis.overlays_in_database(yes, [table("host=h dbname=x", geographic)] * 2, True)
    assert not postgis.overlays_in_database(yes, [remote[0], table("host=10.0.0.5 dbname=x", QgsCoordinateReferenceSystem("EPSG:4526"))], True)
