"""Check the Python packages the plugin needs beyond QGIS, and say how to install what is missing.

The plugin never fails to load for a missing package: it registers what it can and shows this message.
"""
from __future__ import annotations

import importlib
import platform
import sys
from dataclasses import dataclass
from typing import List, Optional

# (module, pip requirement, minimum version)
REQUIREMENTS = (
    ("numpy", "numpy", "1.20"),
    ("shapely", "shapely>=2", "2.0"),
    ("openpyxl", "openpyxl", "3.0"),
)
if sys.version_info < (3, 11):  # the policy profiles are TOML; Python 3.11 reads it with tomllib
    REQUIREMENTS += (("tomli", "tomli", "1.1"),)
# the maintained holiday data; without it cadastre/holidays_cn.py and the profiles' [holidays] are used
REQUIREMENTS += (("chinese_calendar", "chinesecalendar", "1.9"),)


@dataclass(frozen=True)
class Missing:
    module: str
    requirement: str
    found: Optional[str]  # version found when too old, None when absent


def _version_tuple(text: str):
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def missing_packages() -> List[Missing]:
    missing = []
    for module, requirement, minimum in REQUIREMENTS:
        try:
            mod = importlib.import_module(module)
        except ImportError:
            missing.append(Missing(module, requirement, None))
            continue
        version = getattr(mod, "__version__", "0")
        if _version_tuple(version) < _version_tuple(minimum):
            missing.append(Missing(module, requirement, version))
    return missing


def install_hint(missing: List[Missing]) -> str:
    """The command a user runs to install what is missing, for this platform."""
    reqs = " ".join(f'"{m.requirement}"' for m in missing)
    if platform.system() == "Windows":
        return f"OSGeo4W Shell: python -m pip install --upgrade {reqs}"
    if platform.system() == "Darwin":
        return f"/Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --upgrade {reqs}"
    return f"python3 -m pip install --user --upgrade {reqs}"
