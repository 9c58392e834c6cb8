"""Concurrent review in PostGIS through QGIS's own edit buffer: optimistic locking on the row version BBH, the
database's audit trail (append-only), transactional commits, and what each team role may do."""
import pytest
from qgis.core import QgsGeometry

from homestead_cadastre.processing.library import postgis

SQUARE = "MULTIPOLYGON(((37500000 3000000, 37500020 3000000, 37500020 3000020, 37500000 3000020, 37500000 3000000)))"


@pytest.fixture
def parcels(survey, pg_sql):
    """new(n): insert n fresh parcels as the owner; their fids (each test works on parcels of its own)."""

    def new(n=1):
        rows = pg_sql(survey.database, (
            f'INSERT INTO "{survey.schema}"."ZD" (geom, "ZDDM", "ZL", "BBH") '
            f"SELECT ST_Translate(ST_GeomFromText(%s, 4525), 30 * g, 0), "
            f"'430381104201JC' || lpad((nextval('\"{survey.schema}\".\"ZD_fid_seq\"') + 1000)::text, 5, '0'), "
            f"'村' || g, 99 FROM generate_series(1, %s) g RETURNING fid"), (SQUARE, n))
        return [r[0] for r in rows]

    return new


def _state(survey, pg_sql, fid):
    return pg_sql(survey.database, f'SELECT "LB", "SHZT", "SHR", "GPYY", "BBH" FROM "{survey.schema}"."ZD" WHERE fid = %s',
                  (fid,))[0]


def _audit(survey, pg_sql, zddm_of_fid):
    return pg_sql(survey.database, (
        f'SELECT "YLB", "XLB", "YSHZT", "XSHZT", "SHR", "LY", "BBH", "DLYH" FROM "{survey.schema}"."SHJL" '
        f'WHERE "ZDDM" = (SELECT "ZDDM" FROM "{survey.schema}"."ZD" WHERE fid = %s) ORDER BY fid'), (zddm_of_fid,))


def decide(layer, fid, lb, shzt, who, reason=None):
    """What the review dock does: write the decision through the edit buffer and send back the row version
    it read, unchanged."""
    fields = layer.fields()
    feature = layer.getFeature(fid)
    values = {"LB": lb, "SHZT": shzt, "SHR": who, "GPYY": reason, "BBH": feature["BBH"]}
    for name, value in values.items():
        assert layer.changeAttributeValue(fid, fields.indexOf(name), value)


def test_second_reviewer_is_refused_and_nothing_is_overwritten(survey, parcels, pg_sql, team):
    (fid,) = parcels(1)
    assert _state(survey, pg_sql, fid)[4] == 1  # the database sets the version on insert, whatever is sent
    a, b = survey.layer("reviewer_a"), survey.layer("reviewer_b")
    try:
        a.startEditing()
        b.startEditing()
        decide(a, fid, 1, 2, "甲")
        decide(b, fid, 3, 3, "乙", "一户多宅")  # both loaded version 1
        assert a.commitChanges(), a.commitErrors()
        assert not b.commitChanges()
        errors = "\n".join(b.commitErrors())
        assert postgis.is_version_conflict(b.commitErrors())
        assert "was changed by someone else" in errors and "已被他人修改" in errors
        assert "row version now 2, yours 1" in errors and "last decision by 甲" in errors
        assert _state(survey, pg_sql, fid) == (1, 2, "甲", None, 2)
        # the second reviewer reloads, sees 甲's decision, and decides again: accepted
        b.rollBack()
        b.startEditing()
        assert b.getFeature(fid)["SHR"] == "甲"
        decide(b, fid, 3, 3, "乙", "一户多宅")
        assert b.commitChanges(), b.commitErrors()
        assert _state(survey, pg_sql, fid) == (3, 3, "乙", "一户多宅", 3)
        audit = _audit(survey, pg_sql, fid)
        assert audit == [
            (None, 1, None, 2, "甲", None, 2, team["reviewer_a"][0]),
            (1, 3, 2, 3, "乙", "一户多宅", 3, team["reviewer_b"][0]),
        ]
    finally:
        del a, b


def test_an_edit_without_the_row_version_still_moves_it_on(survey, parcels, pg_sql):
    """An ordinary attribute edit (no BBH sent) is accepted and raises the version, so a reviewer who loaded
    the parcel before it is refused; the audit trail keeps every decision either way."""
    (fid,) = parcels(1)
    surveyor, reviewer = survey.layer("surveyor"), survey.layer("reviewer_a")
    try:
        reviewer.startEditing()
        decide(reviewer, fid, 1, 2, "甲")
        surveyor.startEditing()
        assert surveyor.changeAttributeValue(fid, surveyor.fields().indexOf("ZL"), "新坐落")
        assert surveyor.commitChanges(), surveyor.commitErrors()
        assert _state(survey, pg_sql, fid)[4] == 2
        assert not reviewer.commitChanges()
        assert postgis.is_version_conflict(reviewer.commitErrors())
        reviewer.rollBack()
    finally:
        del surveyor, reviewer
    assert _audit(survey, pg_sql, fid) == []


def test_a_commit_is_one_transaction(survey, parcels, pg_sql):
    """Reviewer A decides two parcels in one session; B changed the second meanwhile: A's commit fails as a
    whole — the first parcel is not half-saved, and no audit row of A's exists."""
    first, second = parcels(2)
    a, b = survey.layer("reviewer_a"), survey.layer("reviewer_b")
    try:
        a.startEditing()
        decide(a, first, 1, 2, "甲")
        decide(a, second, 1, 2, "甲")
        b.startEditing()
        decide(b, second, 2, 3, "乙", "补办")
        assert b.commitChanges(), b.commitErrors()
        assert not a.commitChanges()
        assert postgis.is_version_conflict(a.commitErrors())
        a.rollBack()
    finally:
        del a, b
    assert _state(survey, pg_sql, first) == (None, None, None, None, 1)
    assert _state(survey, pg_sql, second) == (2, 3, "乙", "补办", 2)
    assert _audit(survey, pg_sql, first) == []
    assert [row[4] for row in _audit(survey, pg_sql, second)] == ["乙"]


def test_audit_table_is_append_only_for_everyone(survey, parcels, pg_sql, psycopg2):
    (fid,) = parcels(1)
    reviewer = survey.layer("reviewer_a")
    try:
        reviewer.startEditing()
        decide(reviewer, fid, 1, 2, "甲")
        assert reviewer.commitChanges(), reviewer.commitErrors()
    finally:
        del reviewer
    table = f'"{survey.schema}"."SHJL"'
    for person in ("owner", "reviewer_a", "surveyor", "agriculture"):
        for statement in (f'UPDATE {table} SET "LY" = \'x\'', f"DELETE FROM {table}", f"TRUNCATE {table}"):
            with pytest.raises(psycopg2.Error) as refused:
                pg_sql(survey.info[person], statement)
            assert "append-only" in str(refused.value) or "permission denied" in str(refused.value)
        if person != "owner":  # only the database's audit trigger writes rows
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                pg_sql(survey.info[person], f'INSERT INTO {table} ("ZDDM", "LY") VALUES (%s, %s)', ("x", "伪造"))
    assert len(_audit(survey, pg_sql, fid)) == 1


def test_reviewer_changes_class_fields_only(survey, parcels, pg_sql, psycopg2):
    (fid,) = parcels(1)
    reviewer = survey.layer("reviewer_a")
    try:
        reviewer.startEditing()
        assert reviewer.changeAttributeValue(fid, reviewer.fields().indexOf("ZL"), "改坐落")
        assert not reviewer.commitChanges()
        assert "permission denied" in "\n".join(reviewer.commitErrors())
        reviewer.rollBack()
        # QGIS reads the privileges: it does not even offer a reviewer to move the parcel...
        reviewer.startEditing()
        moved = QgsGeometry.fromWkt(SQUARE)
        moved.translate(5, 5)
        assert not reviewer.changeGeometry(fid, moved)
        reviewer.rollBack()
        # ...and the database refuses it from any other client
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            pg_sql(survey.info["reviewer_a"], f'UPDATE "{survey.schema}"."ZD" SET geom = ST_Translate(geom, 5, 5) '
                                              "WHERE fid = %s", (fid,))
        # a code outside the class code list is refused by the database too
        reviewer.startEditing()
        decide(reviewer, fid, 7, 2, "甲")
        assert not reviewer.commitChanges()
        assert "ZD_LB_codes" in "\n".join(reviewer.commitErrors())
        reviewer.rollBack()
    finally:
        del reviewer
    assert pg_sql(survey.database, f'SELECT "ZL", ST_XMin(geom), "BBH" FROM "{survey.schema}"."ZD" WHERE fid = %s',
                  (fid,))[0][1:] == (37500000.0 + 30, 1)


def test_surveyor_edits_geometry_but_not_decisions(survey, parcels, pg_sql):
    (fid,) = parcels(1)
    surveyor = survey.layer("surveyor")
    try:
        surveyor.startEditing()
        moved = QgsGeometry.fromWkt(SQUARE)
        moved.translate(1, 2)
        assert surveyor.changeGeometry(fid, moved)
        assert surveyor.commitChanges(), surveyor.commitErrors()
        surveyor.startEditing()
        assert surveyor.changeAttributeValue(fid, surveyor.fields().indexOf("LB"), 1)
        assert not surveyor.commitChanges()
        assert "permission denied" in "\n".join(surveyor.commitErrors())
        surveyor.rollBack()
    finally:
        del surveyor
    xmin, ymin, lb = pg_sql(survey.database, f'SELECT ST_XMin(geom), ST_YMin(geom), "LB" FROM "{survey.schema}"."ZD" '
                                             "WHERE fid = %s", (fid,))[0]
    assert (xmin, ymin, lb) == (37500001.0, 3000002.0, None)


def test_read_only_role_reads_everything_and_changes_nothing(survey, parcels, pg_sql, psycopg2):
    parcels(1)
    info = survey.info["agriculture"]
    for table in ("ZD", "ZRZ", "JZD", "JZX", "QLR", "JBNT", "SHJL", "codelist", "qgis_projects"):
        pg_sql(info, f'SELECT count(*) FROM "{survey.schema}"."{table}"')
    assert pg_sql(info, "SELECT count(*) FROM layer_styles WHERE f_table_schema = %s", (survey.schema,))[0][0] > 0
    for statement in (f'UPDATE "{survey.schema}"."ZD" SET "LB" = 1', f'DELETE FROM "{survey.schema}"."ZD"',
                      f'INSERT INTO "{survey.schema}"."QLR" ("QLRMC") VALUES (\'x\')'):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            pg_sql(info, statement)


@pytest.mark.parametrize("person, can_add, can_change", [
    ("agriculture", False, False), ("reviewer_a", False, True), ("surveyor", True, True)])
def test_project_opens_with_each_persons_own_login(person, can_add, can_change, survey, team, monkeypatch):
    """Whoever opens the project stored in the database connects as themselves (the layer sources carry no
    login), so QGIS offers each person only what their role allows."""
    from qgis.core import QgsProject, QgsVectorDataProvider

    login = team[person][0]
    monkeypatch.setenv("PGUSER", login)
    uri = survey.project.replace("postgresql://postgres@", f"postgresql://{login}@")
    assert login in uri
    project = QgsProject()
    try:
        assert project.read(uri)
        layers = {layer.name(): layer for layer in project.mapLayers().values()}
        assert layers and all(layer.isValid() for layer in layers.values())
        capabilities = layers["宗地"].dataProvider().capabilities()
        assert bool(capabilities & QgsVectorDataProvider.AddFeatures) == can_add
        assert bool(capabilities & QgsVectorDataProvider.ChangeAttributeValues) == can_change
    finally:
        project.clear()


def test_audit_helper_recognises_database_audit(survey, tmp_path, run_alg):
    reviewer = survey.layer("reviewer_a")
    try:
        assert postgis.audit_written_by_database(reviewer)
    finally:
        del reviewer
    from qgis.core import QgsVectorLayer

    run_alg("createproject", {"CRS": "EPSG:4525", "OUTPUT": str(tmp_path / "v.gpkg")})
    local = QgsVectorLayer(f"{tmp_path / 'v.gpkg'}|layername=ZD", "zd", "ogr")
    try:
        assert not postgis.audit_written_by_database(local)
    finally:
        del local
