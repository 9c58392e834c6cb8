"""Renewing one parcel's suggested class after a fact was edited in the card, with the eligibility engine
(rules/policy/engine.py), imported lazily: without it the panel still works and says the suggestion is stale."""
from __future__ import annotations

from typing import Mapping, Optional

from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

from ..i18n import tr
from .audit import from_qgis

PROJECT_SCOPE = "homestead_cadastre"
PROFILE_KEY = "profile"
DEFAULT_PROFILE = "louxing_2020"


def engine():
    """The eligibility engine module, or None when this installation has none."""
    try:
        from ..rules.policy import engine as module
    except ImportError:
        return None
    return module


def profile_name(project: Optional[QgsProject] = None) -> str:
    """The policy profile the project is reviewed under (stored in the project, default louxing_2020)."""
    project = project or QgsProject.instance()
    value, _ok = project.readEntry(PROJECT_SCOPE, PROFILE_KEY, DEFAULT_PROFILE)
    return value or DEFAULT_PROFILE


def unavailable_notice() -> str:
    return tr("The fact was saved. The eligibility engine is not installed, so the suggested class was not "
              "renewed: run the classification (homestead:classify) when it is.")


def renewed_decision(layer: QgsVectorLayer, feature: QgsFeature, changed: Mapping[str, object]) -> Optional[dict]:
    """The engine's decision fields (LB, LBMC, LBYY, DJMJ, CZMJ, FJ, XYBZ) for ``feature`` with the ``changed``
    facts, or None without an engine."""
    module = engine()
    if module is None:
        return None
    facts = {field.name(): from_qgis(feature[field.name()]) for field in layer.fields()}
    facts.update(changed)
    profile = module.load_profile(profile_name())
    context = module.ParcelContext()
    decision = module.classify_parcel(facts, profile, context)
    return {"LB": decision.lb, "LBMC": decision.lbmc, "LBYY": decision.lbyy(), "DJMJ": decision.djmj,
            "CZMJ": decision.czmj, "FJ": decision.fj, "XYBZ": decision.xybz}
