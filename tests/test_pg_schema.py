"""cadastre/database/pg_schema.py without a server: the SQL it generates names every schema field once, with the right
types, and the grants keep reviewers to the review fields and surveyors away from them. (The SQL is run on a
real server in tests/postgis/.)"""
import re

import pytest

from homestead_cadastre.cadastre import schema
from homestead_cadastre.cadastre.database import pg_schema
from homestead_cadastre.cadastre.messages import CadastreError


def _columns(ddl: str, table: str) -> dict:
    body = re.search(rf'CREATE TABLE "s"\."{table}" \((.*?)\n\);', ddl, re.S).group(1)
    columns = {}
    for line in body.strip().split(",\n"):
        match = re.match(r'\s*"([^"]+)" (.+)$', line)
        if match:
            columns[match.group(1)] = match.group(2)
    return columns


def test_every_field_once_with_its_type():
    ddl = pg_schema.create_schema_sql("s", 4525)
    expected_type = {schema.INT: "integer", schema.REAL: "double precision", schema.DATE: "date",
                     schema.DATETIME: "timestamp with time zone"}
    for layer in schema.ALL_LAYERS:
        columns = _columns(ddl, layer.name)
        names = [name for name in columns if name not in ("fid", "geom")]
        assert names == layer.field_names
        assert columns["fid"] == "serial PRIMARY KEY"
        if layer.geometry == schema.NONE:
            assert "geom" not in columns
        else:
            assert columns["geom"].endswith(", 4525)")
        for f in layer.fields:
            if f.type == schema.TEXT:
                assert columns[f.name] == (f"varchar({f.length})" if f.length else "text")
            else:
                assert columns[f.name] == expected_type[f.type]


def test_row_version_and_audit_fields_exist():
    assert schema.ZD.field("BBH").ext and schema.ZD.field("BBH").type == schema.INT
    for column, _expression in pg_schema.AUDIT_ROW:
        schema.SHJL.field(column)  # KeyError if the audit row names a field SHJL does not have
    for name in schema.DECISION_FIELDS + schema.REVIEW_FIELDS:
        schema.ZD.field(name)
    assert set(schema.DECISION_FIELDS) <= set(schema.REVIEW_FIELDS)


def test_reviewer_and_surveyor_grants_do_not_overlap_on_review_fields():
    grants = pg_schema.grants_sql("s", pg_schema.Roles.with_prefix("x"))
    reviewer = re.search(r'GRANT UPDATE \((.*?)\) ON "s"\."ZD" TO "x_reviewer";', grants).group(1)
    assert re.findall(r'"([^"]+)"', reviewer) == list(schema.REVIEW_FIELDS) + ["BBH"]
    surveyor = re.search(r'GRANT UPDATE \((.*?)\) ON "s"\."ZD" TO "x_surveyor";', grants).group(1)
    surveyor_columns = set(re.findall(r'"([^"]+)"', surveyor))
    assert "geom" in surveyor_columns and "ZL" in surveyor_columns and "BBH" in surveyor_columns
    assert not surveyor_columns & set(schema.REVIEW_FIELDS)
    # nobody is granted anything but reading on the audit table
    assert not re.search(r'GRANT (INSERT|UPDATE|DELETE)[^;]*"SHJL"', grants)


@pytest.mark.parametrize("name", ["Louxing", "1abc", "a-b", "x" * 64, "", 'a"b'])
def test_unusable_identifiers_are_refused(name):
    with pytest.raises(CadastreError, match="not usable"):
        pg_schema.create_schema_sql(name, 4525)


def test_quoting():
    assert pg_schema.quote_literal("O'Brien") == "'O''Brien'"
    assert pg_schema.quote_ident('a"b') == '"a""b"'


def test_house_tables_in_the_database():
    ddl = pg_schema.create_schema_sql("s", 4525)
    floors = _columns(ddl, "C")
    assert floors["CH"] == "varchar(10)" and floors["SJC"] == "integer" and floors["geom"].endswith(", 4525)")
    units = _columns(ddl, "H")
    assert units["BDCDYH"] == "varchar(28)" and units["HH"] == "varchar(4)"
    assert "geom" not in _columns(ddl, "LJZ") and _columns(ddl, "LJZ")["LJZH"] == "varchar(10)"
    assert _columns(ddl, "MJBF")["BWLX"] == "varchar(10)"
