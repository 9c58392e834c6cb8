"""Reading what surveyors hand over, without QGIS: the text encoding of a shapefile's .dbf, and CSV / XLSX
tables as header + rows.

Chinese survey data is often GBK: a shapefile written by Chinese GIS/CAD software may come without a .cpg,
and spreadsheets saved as CSV from Excel are GBK unless saved as "CSV UTF-8".
"""
from __future__ import annotations

import csv
import io
import os
import struct
from dataclasses import dataclass, field
from typing import List, Optional

from ..messages import fail, translatable

UTF8, GBK, GB18030 = "UTF-8", "GBK", "GB18030"
SAMPLE_BYTES = 4 * 1024 * 1024  # text sampled to tell the encoding


def shapefile_declared_encoding(shp_path: str) -> Optional[str]:
    """The encoding the shapefile declares: its .cpg, or the .dbf's language driver id; None when neither."""
    base = os.path.splitext(shp_path)[0]
    for ext in (".cpg", ".CPG"):
        if os.path.exists(base + ext):
            with open(base + ext, "rb") as handle:
                text = handle.read().decode("ascii", "replace").strip()
            if text:
                return text
    dbf = _dbf_path(shp_path)
    if dbf:
        with open(dbf, "rb") as handle:
            header = handle.read(32)
        if len(header) == 32 and header[29] != 0:
            return f"LDID/{header[29]}"
    return None


def detect_dbf_encoding(shp_path: str) -> Optional[str]:
    """UTF-8, GBK or GB18030 by decoding the .dbf's text fields; None when they are plain ASCII (any will do).

    UTF-8 is tried first: GBK text is almost never valid UTF-8, while UTF-8 text often decodes as GBK rubbish.
    """
    raw = dbf_text_bytes(shp_path)
    if not raw or raw.isascii():
        return None
    for name, codec in ((UTF8, "utf-8"), (GBK, "gbk"), (GB18030, "gb18030")):
        try:
            raw.decode(codec)
            return name
        except UnicodeDecodeError:
            continue
    return None


def dbf_text_bytes(shp_path: str, limit: int = SAMPLE_BYTES) -> bytes:
    """The raw bytes of the character fields of the .dbf beside ``shp_path`` (up to ``limit`` bytes)."""
    dbf = _dbf_path(shp_path)
    if not dbf:
        return b""
    with open(dbf, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            return b""
        records, header_length, record_length = struct.unpack("<IHH", header[4:12])
        fields = []
        offset = 1  # the deletion flag
        while handle.tell() < header_length - 1:
            descriptor = handle.read(32)
            if not descriptor or descriptor[0] == 0x0D or len(descriptor) < 32:
                break
            width = descriptor[16]
            if descriptor[11:12] == b"C":
                width += 256 * descriptor[17]  # character fields may be longer than 255: byte 17 is the high byte
                fields.append((offset, width))
            offset += width
        handle.seek(header_length)
        chunks = []
        total = 0
        for _ in range(records):
            record = handle.read(record_length)
            if len(record) < record_length:
                break
            for start, length in fields:
                piece = record[start:start + length].rstrip(b" \x00")
                chunks.append(piece)
                total += len(piece)
            if total >= limit:
                break
    # each field value is whole (a multi-byte character never spans two fields), so a space can join them
    return b" ".join(chunks)


def _dbf_path(shp_path: str) -> Optional[str]:
    base = os.path.splitext(shp_path)[0]
    for ext in (".dbf", ".DBF"):
        if os.path.exists(base + ext):
            return base + ext
    return None


@dataclass
class Table:
    """A spreadsheet or CSV: column names and rows of values (row numbers from 1, after the header)."""

    columns: List[str]
    rows: List[list] = field(default_factory=list)
    encoding: str = ""

    def records(self) -> List[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def decode_text(data: bytes, encoding: str = "") -> tuple:
    """(text, encoding used): ``encoding`` when given, else UTF-8 (with or without BOM), else GBK/GB18030."""
    if encoding:
        return data.decode(encoding), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), UTF8
    for name, codec in ((UTF8, "utf-8"), (GBK, "gbk"), (GB18030, "gb18030")):
        try:
            return data.decode(codec), name
        except UnicodeDecodeError:
            continue
    raise fail("SOURCE_ENCODING", translatable("The file is neither UTF-8 nor GBK text; choose its encoding."))


def open_workbook(path: str):
    """The workbook at ``path`` (openpyxl, read-only), or a refusal saying it is no readable .xlsx."""
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, EOFError) as error:
        raise fail("SOURCE_XLSX", translatable(
            "{path} is not a readable Excel workbook (.xlsx): {reason}. Open it in Excel or WPS and save it again "
            "as .xlsx, or export it as a UTF-8 CSV."), path=path, reason=error) from None


def csv_failure(path: str, line: int, error: csv.Error):
    """The refusal of a CSV that Python's reader gives up on at ``line``."""
    return fail("SOURCE_CSV", translatable(
        "Line {line} of {path} cannot be read as CSV ({reason}); a cell longer than 128 KB or an unclosed quote (\") "
        "is the usual cause. Correct that line of the file."), line=line, path=path, reason=error)


def read_csv(path: str, encoding: str = "") -> Table:
    """A CSV (comma, semicolon, tab or bar separated) with a header row."""
    with open(path, "rb") as handle:
        data = handle.read()
    text, used = decode_text(data, encoding)
    sample = text[:65536]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise csv_failure(path, reader.line_num, error) from None
    if not rows:
        raise fail("SOURCE_EMPTY", translatable("The table {path} has no header row."), path=path)
    columns = [c.strip() for c in rows[0]]
    body = [[(cell.strip() if cell.strip() != "" else None) for cell in row] + [None] * (len(columns) - len(row)) for row in rows[1:]]
    return Table(columns, [row[: len(columns)] for row in body], used)


def read_xlsx(path: str, sheet: str = "") -> Table:
    """A worksheet (the first, or ``sheet``) whose first non-empty row is the header."""
    book = open_workbook(path)
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise fail("SOURCE_SHEET", translatable("The workbook {path} has no sheet {sheet}; it has {sheets}."),
                           path=path, sheet=sheet, sheets=", ".join(book.sheetnames))
            worksheet = book[sheet]
        else:
            worksheet = book.worksheets[0]
        rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
    finally:
        book.close()
    rows = [row for row in rows if any(v not in (None, "") for v in row)]
    if not rows:
        raise fail("SOURCE_EMPTY", translatable("The table {path} has no header row."), path=path)
    columns = ["" if c is None else str(c).strip() for c in rows[0]]
    body = [[None if v == "" else v for v in row] + [None] * (len(columns) - len(row)) for row in rows[1:]]
    return Table(columns, [row[: len(columns)] for row in body], UTF8)
