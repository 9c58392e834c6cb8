"""Figures the quality rules share with the eligibility policy: the household area limits per land type
(DLLB 1/2/3, m²) and the farmland sliver area (m²), read from the default policy profile
(rules/policies/louxing_2020.toml) so that the check and homestead:classify judge alike.

When the profile cannot be read (e.g. no TOML parser on an old Python), the Louxing 2020 figures of
domain.md §3 are used: they are the same numbers.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Tuple

from ...cadastre.messages import CadastreError

DEFAULT_LIMITS: Dict[int, float] = {1: 130.0, 2: 180.0, 3: 210.0}
DEFAULT_FARMLAND_MIN_AREA = 1.0


@lru_cache(maxsize=1)
def policy_figures() -> Tuple[Dict[int, float], float]:
    """(area limit per DLLB code, farmland sliver area) of the default policy profile."""
    try:
        from ..policy.profile import DEFAULT_PROFILE, load_profile

        profile = load_profile(DEFAULT_PROFILE)
    except (ImportError, OSError, CadastreError):  # no TOML parser, or no readable profile: the same figures
        return dict(DEFAULT_LIMITS), DEFAULT_FARMLAND_MIN_AREA
    limits = dict(DEFAULT_LIMITS)
    limits.update({int(k): float(v) for k, v in profile.limits.items()})
    return limits, float(profile.farmland_min_area)
