"""Household area limits per land type (DLLB 1/2/3), in m²: from the policy profile when it is installed,
else the Louxing 2020 figures of domain.md §3."""
from __future__ import annotations

from typing import Dict

DEFAULT_LIMITS: Dict[int, float] = {1: 130.0, 2: 180.0, 3: 210.0}


def area_limits() -> Dict[int, float]:
    return dict(DEFAULT_LIMITS)
