"""Keep the Chinese text of exported PDFs right when it is copied or searched.

Qt's PDF writer maps each embedded glyph back to the lowest code point that uses it. CJK fonts draw a Kangxi
radical (U+2F00-U+2FDF) or a radical supplement (U+2E80-U+2EFF) with the same glyph as the ideograph, so 面积
comes out of pdftotext as ⾯积 and 土地权利人 as ⼟地权利⼈. This rewrites those code points in the PDF's ToUnicode
maps to the ideographs that share the glyph, found from the font itself. Same length, in place: the file's
offsets do not move. Streams Qt compressed are left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict

from qgis.PyQt.QtGui import QFont, QRawFont

from . import fonts

RADICAL_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))
IDEOGRAPHS = (0x4E00, 0x9FFF)
_STREAM_START = re.compile(rb"stream\r?\n")
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


@lru_cache(maxsize=4)
def radical_map(family: str = "") -> Dict[int, int]:
    """Radical code point → ideograph drawn with the same glyph in ``family`` (default: the CJK family used)."""
    raw = QRawFont.fromFont(QFont(family or fonts.cjk_family() or fonts.PREFERRED))
    if not raw.isValid():
        return {}
    ideographs = "".join(chr(c) for c in range(IDEOGRAPHS[0], IDEOGRAPHS[1] + 1))
    by_glyph = {}
    for code, glyph in zip(range(IDEOGRAPHS[0], IDEOGRAPHS[1] + 1), raw.glyphIndexesForString(ideographs)):
        if glyph:
            by_glyph.setdefault(glyph, code)
    result = {}
    for first, last in RADICAL_RANGES:
        radicals = "".join(chr(c) for c in range(first, last + 1))
        for code, glyph in zip(range(first, last + 1), raw.glyphIndexesForString(radicals)):
            if glyph and glyph in by_glyph:
                result[code] = by_glyph[glyph]
    return result


def _fix_cmap(body: bytes, mapping: Dict[int, int]) -> bytes:
    """Replace radical code points in the destination values of a ToUnicode CMap (not in the glyph codes)."""
    out = []
    in_char = in_range = False
    for line in body.split(b"\n"):
        stripped = line.strip()
        if stripped.endswith(b"beginbfchar"):
            in_char = True
        elif stripped.endswith(b"beginbfrange"):
            in_range = True
        elif stripped == b"endbfchar":
            in_char = False
        elif stripped == b"endbfrange":
            in_range = False
        elif in_char or in_range:
            skip = 1 if in_char else 2  # leading glyph codes: <cid> or <first> <last>
            tokens = list(_HEX.finditer(line))
            if len(tokens) > skip:
                cut = tokens[skip - 1].end()
                line = line[:cut] + _HEX.sub(lambda m: _replace(m, mapping), line[cut:])
        out.append(line)
    return b"\n".join(out)


def _replace(match, mapping: Dict[int, int]) -> bytes:
    code = int(match.group(1), 16)
    if code in mapping:
        return b"<%04X>" % mapping[code]
    return match.group(0)


def fix_cjk_text(path: str) -> int:
    """Rewrite the radical code points of the PDF at ``path`` in place; returns how many CMaps changed."""
    mapping = radical_map()
    if not mapping:
        return 0
    with open(path, "rb") as handle:
        data = bytearray(handle.read())
    changed = 0
    hit = data.find(b"begincmap")
    while hit >= 0:
        # the stream holding this CMap: its keyword is the last "stream" before it, its dictionary follows "obj"
        keyword = data.rfind(b"stream", 0, hit)
        end = data.find(b"endstream", hit)
        if keyword < 0 or end < 0:
            break
        opening = _STREAM_START.match(data, keyword)
        if opening is not None and b"/Filter" not in data[data.rfind(b"obj", 0, keyword):keyword]:
            start = opening.end()
            body = bytes(data[start:end])
            fixed = _fix_cmap(body, mapping)
            if fixed != body and len(fixed) == len(body):
                data[start:end] = fixed
                changed += 1
        hit = data.find(b"begincmap", end)
    if changed:
        with open(path, "r+b") as handle:
            handle.write(data)
    return changed
