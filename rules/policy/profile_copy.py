"""A copy of a shipped policy profile for a county to edit: the same text and comments, its own name and
counties (the administrative codes it is written for). QGIS-free."""
from __future__ import annotations

import re
from typing import Sequence

from ...cadastre.messages import fail, translatable
from .profile import _COUNTY_PREFIX, _NAME, profile_path

_TABLE = re.compile(r"^\s*\[", re.M)
_KEY = r"^(\s*){key}\s*=.*$"


def parse_counties(text: str) -> tuple:
    """'430381, 430382' (commas, spaces, 、 or ；) as codes; refused unless each has 2, 4 or 6 digits."""
    codes = tuple(c for c in re.split(r"[\s,，、;；]+", text or "") if c)
    for code in codes:
        if not _COUNTY_PREFIX.match(code):
            raise fail("PROFILE_COPY_BAD_COUNTY", translatable(
                "“{code}” is not an administrative division code: write 2, 4 or 6 digits (province, city, "
                "county), e.g. 430381; several separated by commas."), code=code)
    return codes


def copy_text(source: str, name: str, counties: Sequence[str] = ()) -> str:
    """The text of profile ``source`` (a shipped name or a file) renamed ``name``; ``counties`` replace its
    counties when given."""
    if not _NAME.match(name or ""):
        raise fail("PROFILE_COPY_BAD_NAME", translatable(
            "The profile name “{name}” may hold only Latin letters, digits, “_” and “-”, e.g. xiangxiang_2021."),
            name=name or "")
    path = profile_path(source)
    with open(path, encoding="utf-8-sig") as handle:
        text = handle.read()
    start = re.search(r"^\s*\[profile\]\s*$", text, re.M)
    if start is None:
        raise fail("PROFILE_COPY_NO_HEAD", translatable(
            "Policy profile {file} has no “[profile]” line to rename; copy the file by hand."), file=path)
    end = _TABLE.search(text, start.end())
    stop = end.start() if end else len(text)
    head = text[start.end():stop]
    head = re.sub(_KEY.format(key="name"), lambda m: f'{m.group(1)}name = "{name}"', head, count=1, flags=re.M)
    if counties:
        line = "counties = [" + ", ".join(f'"{c}"' for c in counties) + "]"
        head = re.sub(_KEY.format(key="counties") + r"\n?", "", head, flags=re.M)
        head = re.sub(r'^(\s*name = ".*")$', lambda m: f"{m.group(1)}\n{line}", head, count=1, flags=re.M)
    note = f"# 复制自政策配置 {source}：请按本县（区）文件修改日期、面积标准和条款，counties 写本县（区）的行政区划代码。\n"
    return note + text[:start.end()] + head + text[stop:]
