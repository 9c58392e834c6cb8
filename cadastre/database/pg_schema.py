"""The survey schema (cadastre.schema) as PostgreSQL/PostGIS SQL: tables, indexes, code lists, row version,
append-only audit trail, roles and their grants.

QGIS-free: every function returns SQL text; processing/library/postgis.py runs it through QGIS's database connection.
Nothing here names a field of its own: tables and columns come from cadastre.schema.

What the database enforces for a team working at once (issue 8):
- Optimistic locking on ZD: the row version BBH is set to 1 on insert and raised by one on every update. A
  client that writes a decision sends back the version it read (QGIS: set BBH to the value read, through the
  edit buffer); if the parcel was changed meanwhile, the stored version differs and the update is refused
  with ROW_VERSION_MESSAGE (SQLSTATE 40001), which QGIS shows as the commit error. A client that does not send
  BBH (an ordinary attribute-form edit) still moves the version on, so a reviewer who loaded the parcel
  before that edit is refused.
- Decisions are audited by the database itself: changing one of schema.DECISION_FIELDS on ZD appends a row to
  SHJL in the same statement (so in the same transaction: no decision without its audit row, none lost).
  SHJL is append-only: no role is granted UPDATE/DELETE/TRUNCATE, and a trigger refuses them even for the
  owner. Only the audit trigger (SECURITY DEFINER) inserts into it.
- Roles (group roles, NOLOGIN; give people LOGIN roles that are members): reviewer — read everything, change
  schema.REVIEW_FIELDS of ZD only; surveyor — edit features and geometry of the survey and base-map layers,
  but not the review fields; readonly — read everything (the agriculture department's shared view).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List, Sequence

from .. import schema
from ..messages import fail, translatable

PRIMARY_KEY = "fid"  # the same feature id column name as the GeoPackage layers
GEOMETRY_COLUMN = "geom"
ROW_VERSION = schema.ZD_VERSION[0].name  # BBH
CODELIST_TABLE = "codelist"  # (list, code, label): schema.CODELISTS for SQL users and reports
PROJECTS_TABLE = "qgis_projects"  # where QGIS stores projects in a schema
STYLES_TABLE = "public.layer_styles"  # where QGIS stores default layer styles (first schema of search_path)
VERSIONED_LAYER = schema.ZD
AUDIT_LAYER = schema.SHJL
# Columns joined on by the checks and the maps: a b-tree index each where a layer has them.
JOIN_KEYS = ("ZDDM", "ZDZHDM", "BDCDYH", "HH")
# Row-version conflict: SQLSTATE serialization_failure, and a marker the QGIS side recognises.
CONFLICT_SQLSTATE = "40001"
CONFLICT_MARKER = "HC-ROW-VERSION"
# The audit row the database writes for a decision on ZD: SHJL column -> SQL expression over OLD/NEW.
AUDIT_ROW = (
    ("ZDDM", 'NEW."ZDDM"'),
    ("YLB", 'OLD."LB"'),
    ("XLB", 'NEW."LB"'),
    ("YSHZT", 'OLD."SHZT"'),
    ("XSHZT", 'NEW."SHZT"'),
    ("SHR", 'coalesce(NEW."SHR", session_user::text)'),
    ("SHSJ", "now()"),
    ("LY", 'NEW."GPYY"'),
    ("BBH", 'NEW."BBH"'),
    ("DLYH", "session_user::text"),
)

_GEOMETRY_TYPES = {schema.POLYGON: "MultiPolygon", schema.LINE: "LineString", schema.POINT: "Point"}
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class Roles:
    """Names of the three group roles (cluster-wide in PostgreSQL; shared by every survey schema)."""

    reviewer: str = "homestead_reviewer"
    surveyor: str = "homestead_surveyor"
    readonly: str = "homestead_readonly"

    def all(self) -> tuple:
        return (self.reviewer, self.surveyor, self.readonly)

    @classmethod
    def with_prefix(cls, prefix: str) -> Roles:
        return cls(f"{prefix}_reviewer", f"{prefix}_surveyor", f"{prefix}_readonly")


_IDENTIFIER_REFUSALS = {
    "schema": translatable("The schema name '{name}' is not usable: use lower-case letters a-z, digits and _ "
                           "(starting with a letter, at most 63 characters), e.g. louxing_2020."),
    "role": translatable("The role name '{name}' is not usable: use lower-case letters a-z, digits and _ "
                         "(starting with a letter, at most 63 characters), e.g. homestead_reviewer."),
}


def check_identifier(name: str, kind: str = "schema") -> str:
    """``name`` when it is a plain lower-case SQL identifier (a-z, 0-9, _; at most 63), else a refusal.
    ``kind``: "schema" or "role" (the message says which)."""
    if not _IDENTIFIER.match(name or ""):
        raise fail("PG_IDENTIFIER", _IDENTIFIER_REFUSALS[kind], name=name)
    return name


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def table(schema_name: str, layer_name: str) -> str:
    """Schema-qualified, quoted table name: "louxing"."ZD"."""
    return f"{quote_ident(schema_name)}.{quote_ident(layer_name)}"


def column_type(field: schema.Field) -> str:
    """SQL type of a schema field. REAL is double precision (as in the GeoPackage): its length/precision are
    display hints, and rounding in the database would make results differ from the GeoPackage path."""
    if field.type == schema.TEXT:
        return f"varchar({field.length})" if field.length else "text"
    return {
        schema.INT: "integer",
        schema.REAL: "double precision",
        schema.DATE: "date",
        schema.DATETIME: "timestamp with time zone",
    }[field.type]


def geometry_type(layer: schema.Layer, srid: int) -> str:
    return f"geometry({_GEOMETRY_TYPES[layer.geometry]}, {int(srid)})"


def _check_constraints(layer: schema.Layer) -> List[str]:
    """The review fields a reviewer writes are held to their code lists (imported survey facts are not:
    the quality checks must be able to find and report bad codes)."""
    if layer is not VERSIONED_LAYER:
        return []
    checks = []
    for name in schema.REVIEW_FIELDS:
        f = layer.field(name)
        if f.codelist:
            codes = ", ".join(str(int(code)) for code in schema.CODELISTS[f.codelist])
            checks.append(f"CONSTRAINT {quote_ident(f'{layer.name}_{name}_codes')} CHECK ({quote_ident(name)} IN ({codes}))")
    return checks


def create_table_sql(schema_name: str, layer: schema.Layer, srid: int) -> str:
    columns = [f"{quote_ident(PRIMARY_KEY)} serial PRIMARY KEY"]
    if layer.geometry != schema.NONE:
        columns.append(f"{quote_ident(GEOMETRY_COLUMN)} {geometry_type(layer, srid)}")
    columns += [f"{quote_ident(f.name)} {column_type(f)}" for f in layer.fields]
    columns += _check_constraints(layer)
    body = ",\n  ".join(columns)
    name = table(schema_name, layer.name)
    statements = [f"CREATE TABLE {name} (\n  {body}\n);"]
    statements.append(f"COMMENT ON TABLE {name} IS {quote_literal(f'{layer.alias} — {layer.title}')};")
    for f in layer.fields:
        note = f.alias + (f" [{f.codelist}]" if f.codelist else "") + (f" — {f.doc}" if f.doc else "")
        statements.append(f"COMMENT ON COLUMN {name}.{quote_ident(f.name)} IS {quote_literal(note)};")
    if layer.geometry != schema.NONE:
        statements.append(
            f"CREATE INDEX {quote_ident(f'{layer.name}_geom_gist')} ON {name} USING gist ({quote_ident(GEOMETRY_COLUMN)});")
    for key in JOIN_KEYS:
        if key in layer.field_names:
            statements.append(f"CREATE INDEX {quote_ident(f'{layer.name}_{key}_idx')} ON {name} ({quote_ident(key)});")
    return "\n".join(statements)


def codelist_sql(schema_name: str) -> str:
    name = table(schema_name, CODELIST_TABLE)
    rows = ",\n  ".join(
        f"({quote_literal(list_name)}, {quote_literal(code)}, {quote_literal(label)})"
        for list_name, codes in schema.CODELISTS.items() for code, label in codes.items()
    )
    return (
        f"CREATE TABLE {name} (list text NOT NULL, code text NOT NULL, label text NOT NULL, PRIMARY KEY (list, code));\n"
        f"COMMENT ON TABLE {name} IS {quote_literal('代码表 — code lists of the survey fields (column comments name the list)')};\n"
        f"INSERT INTO {name} (list, code, label) VALUES\n  {rows};"
    )


def row_version_sql(schema_name: str) -> str:
    """BEFORE INSERT/UPDATE trigger on ZD keeping BBH (see the module docstring)."""
    fn = f"{quote_ident(schema_name)}.hc_row_version"
    name = table(schema_name, VERSIONED_LAYER.name)
    v = quote_ident(ROW_VERSION)
    message = (
        f"{CONFLICT_MARKER}: Parcel %s (feature %s) was changed by someone else after you loaded it "
        "(row version now %s, yours %s; last decision by %s). Your change was not saved: reload the "
        "layer and decide again. 宗地 %s 在您读取后已被他人修改（当前版本 %s，您的版本 %s），您的修改未保存：请刷新图层后重新决定。"
    )
    return f"""
CREATE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.{v} := 1;
    RETURN NEW;
  END IF;
  IF NEW.{v} IS DISTINCT FROM OLD.{v} THEN
    RAISE EXCEPTION USING ERRCODE = {quote_literal(CONFLICT_SQLSTATE)}, MESSAGE = format({quote_literal(message)},
      coalesce(OLD."ZDDM", '?'), OLD.{quote_ident(PRIMARY_KEY)}, OLD.{v}, coalesce(NEW.{v}::text, 'NULL'),
      coalesce(OLD."SHR", '-'),
      coalesce(OLD."ZDDM", '?'), OLD.{v}, coalesce(NEW.{v}::text, 'NULL'));
  END IF;
  NEW.{v} := OLD.{v} + 1;
  RETURN NEW;
END
$body$;
CREATE TRIGGER hc_row_version BEFORE INSERT OR UPDATE ON {name} FOR EACH ROW EXECUTE FUNCTION {fn}();
"""


def audit_sql(schema_name: str) -> str:
    """The audit trigger on ZD and the append-only guard on SHJL."""
    audit = table(schema_name, AUDIT_LAYER.name)
    zd = table(schema_name, VERSIONED_LAYER.name)
    record_fn = f"{quote_ident(schema_name)}.hc_audit_decision"
    refuse_fn = f"{quote_ident(schema_name)}.hc_append_only"
    columns = ", ".join(quote_ident(column) for column, _ in AUDIT_ROW)
    values = ", ".join(expression for _, expression in AUDIT_ROW)
    changed = " OR ".join(f"OLD.{quote_ident(f)} IS DISTINCT FROM NEW.{quote_ident(f)}" for f in schema.DECISION_FIELDS)
    refusal = "The audit table %s is append-only: its rows cannot be changed or deleted. 审核记录只能追加，不能修改或删除。"
    return f"""
CREATE FUNCTION {record_fn}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
BEGIN
  INSERT INTO {audit} ({columns}) VALUES ({values});
  RETURN NULL;
END
$body$;
CREATE TRIGGER hc_audit_decision AFTER UPDATE ON {zd} FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {record_fn}();
CREATE FUNCTION {refuse_fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format({quote_literal(refusal)}, TG_TABLE_NAME);
END
$body$;
CREATE TRIGGER hc_append_only BEFORE UPDATE OR DELETE ON {audit} FOR EACH ROW EXECUTE FUNCTION {refuse_fn}();
CREATE TRIGGER hc_append_only_truncate BEFORE TRUNCATE ON {audit} FOR EACH STATEMENT EXECUTE FUNCTION {refuse_fn}();
REVOKE UPDATE, DELETE, TRUNCATE ON {audit} FROM PUBLIC;
"""


def create_schema_sql(schema_name: str, srid: int, layers: Sequence[schema.Layer] = schema.ALL_LAYERS) -> str:
    """One script (run as one transaction) that creates the survey schema with every layer of ``layers``.

    Needs the PostGIS extension in the database (``extension_check_sql``) and a schema name not yet used.
    """
    check_identifier(schema_name)
    parts = [f"CREATE SCHEMA {quote_ident(schema_name)};"]
    parts += [create_table_sql(schema_name, layer, srid) for layer in layers]
    parts.append(codelist_sql(schema_name))
    names = {layer.name for layer in layers}
    if VERSIONED_LAYER.name in names:
        parts.append(row_version_sql(schema_name))
        if AUDIT_LAYER.name in names:
            parts.append(audit_sql(schema_name))
    return "\n".join(parts)


def delete_styles_sql(schema_name: str, styles_table: str) -> str:
    """Delete the stored styles (QGIS layer_styles rows) of a schema's tables."""
    check_identifier(schema_name)
    return (f"DELETE FROM {styles_table} WHERE f_table_catalog = current_database() "
            f"AND f_table_schema = {quote_literal(schema_name)};")


def drop_schema_sql(schema_name: str, styles_table: str = "") -> str:
    """Remove a survey schema and its stored default styles (used to undo an unfinished creation)."""
    check_identifier(schema_name)
    sql = f"DROP SCHEMA IF EXISTS {quote_ident(schema_name)} CASCADE;"
    if styles_table:
        sql += "\n" + delete_styles_sql(schema_name, styles_table)
    return sql


def extension_check_sql() -> str:
    """One row when the database has the PostGIS extension, none otherwise."""
    return "SELECT extversion FROM pg_extension WHERE extname = 'postgis'"


def roles_sql(roles: Roles = Roles()) -> str:
    """Create the group roles that do not exist yet (needs CREATEROLE)."""
    blocks = []
    for role in roles.all():
        check_identifier(role, "role")
        blocks.append(
            f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {quote_literal(role)}) THEN "
            f"CREATE ROLE {quote_ident(role)} NOLOGIN; END IF;")
    return "DO $body$ BEGIN\n  " + "\n  ".join(blocks) + "\nEND $body$;"


def grants_sql(schema_name: str, roles: Roles = Roles(), layers: Sequence[schema.Layer] = schema.ALL_LAYERS,
               extra_tables: Iterable[str] = ()) -> str:
    """Grants of the three roles on the survey schema (run after QGIS made its projects and styles tables,
    named in ``extra_tables`` as they exist: e.g. public.layer_styles, "louxing".qgis_projects)."""
    check_identifier(schema_name)
    s = quote_ident(schema_name)
    everyone = ", ".join(quote_ident(role) for role in roles.all())
    reviewer, surveyor = quote_ident(roles.reviewer), quote_ident(roles.surveyor)
    lines = [
        f"GRANT USAGE ON SCHEMA {s} TO {everyone};",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {everyone};",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {everyone};",
    ]
    lines += [f"GRANT SELECT ON {name} TO {everyone};" for name in extra_tables]
    # reviewer: the class decision and its review on ZD, plus the row version it sends back
    review_columns = ", ".join(quote_ident(f) for f in schema.REVIEW_FIELDS + (ROW_VERSION,))
    lines.append(f"GRANT UPDATE ({review_columns}) ON {table(schema_name, VERSIONED_LAYER.name)} TO {reviewer};")
    # surveyor: features and geometry of the survey and base-map layers, never the review fields or SHJL
    for layer in layers:
        if layer is AUDIT_LAYER:
            continue
        name = table(schema_name, layer.name)
        lines.append(f"GRANT INSERT, DELETE ON {name} TO {surveyor};")
        editable = [GEOMETRY_COLUMN] if layer.geometry != schema.NONE else []
        editable += [f.name for f in layer.fields if not (layer is VERSIONED_LAYER and f.name in schema.REVIEW_FIELDS)]
        lines.append(f"GRANT UPDATE ({', '.join(quote_ident(c) for c in editable)}) ON {name} TO {surveyor};")
        lines.append(
            f"GRANT USAGE ON SEQUENCE {s}.{quote_ident(f'{layer.name}_{PRIMARY_KEY}_seq')} TO {surveyor};")
    return "\n".join(lines)
