"""Renewing one parcel's suggested class after a fact was edited in the card, with the eligibility engine
(rules/policy/engine.py), imported lazily: without it the panel still works and says the suggestion is stale.

The engine sees what homestead:classify would: the parcel's facts, its area on the survey plane, its farmland
overlap (ZYJBNTMJ) and its household, i.e. the parcels that share its household id (HH) or holder's ID number
(QLRZJH), found with a few attribute queries rather than a read of the whole layer.
"""
from __future__ import annotations

from typing import Dict, List, Mapping, Optional

from qgis.core import QgsExpression, QgsFeature, QgsFeatureRequest, QgsProject, QgsVectorLayer

from ..i18n import tr
from .audit import from_qgis

PROJECT_SCOPE = "homestead_cadastre"
PROFILE_KEY = "profile"
FALLBACK_PROFILE = "louxing_2020"
HOUSEHOLD_KEYS = ("HH", "QLRZJH")
HOUSEHOLD_ROUNDS = 4  # households linked through both keys are followed this many steps


def engine():
    """The eligibility engine module, or None when this installation has none."""
    try:
        from ..rules.policy import engine as module
    except ImportError:
        return None
    return module


def profile_name(project: Optional[QgsProject] = None) -> str:
    """The policy profile the project is reviewed under (a project entry; else the engine's default)."""
    project = project or QgsProject.instance()
    value, _ok = project.readEntry(PROJECT_SCOPE, PROFILE_KEY, "")
    if value:
        return value
    try:
        from ..rules.policy.profile import DEFAULT_PROFILE
    except ImportError:
        return FALLBACK_PROFILE
    return DEFAULT_PROFILE


def unavailable_notice() -> str:
    return tr("The fact was saved. The eligibility engine is not installed, so the suggested class was not "
              "renewed: run the classification (homestead:classify) when it is.")


def _row(layer: QgsVectorLayer, feature: QgsFeature) -> Dict[str, object]:
    row = {field.name(): from_qgis(feature[field.name()]) for field in layer.fields()}
    geometry = feature.geometry()
    measurable = feature.hasGeometry() and not geometry.isEmpty() and not layer.crs().isGeographic()
    row["__area"] = geometry.area() if measurable else None
    return row


def household_rows(layer: QgsVectorLayer, feature: QgsFeature, changed: Mapping[str, object]) -> List[Dict[str, object]]:
    """The parcel (with the ``changed`` facts) first, then the other parcels of its household."""
    first = _row(layer, feature)
    first.update(changed)
    rows = {feature.id(): first}
    keys = [name for name in HOUSEHOLD_KEYS if layer.fields().indexOf(name) >= 0]
    seen = {name: set() for name in keys}
    for _round in range(HOUSEHOLD_ROUNDS):
        wanted = {name: {str(r[name]) for r in rows.values() if str(r.get(name) or "").strip()} - seen[name]
                  for name in keys}
        # a plain IN compiles to SQL on a GeoPackage: an indexed-speed query, not a scan in Python
        clauses = [f"{QgsExpression.quotedColumnRef(name)} IN ({', '.join(QgsExpression.quotedValue(v) for v in sorted(values))})"
                   for name, values in wanted.items() if values]
        if not clauses:
            break
        for name, values in wanted.items():
            seen[name] |= values
        for other in layer.getFeatures(QgsFeatureRequest().setFilterExpression(" OR ".join(clauses))):
            if other.id() not in rows:
                rows[other.id()] = _row(layer, other)
    return list(rows.values())


def renewed_decision(layer: QgsVectorLayer, feature: QgsFeature, changed: Mapping[str, object]) -> Optional[dict]:
    """The engine's decision fields (LB, LBMC, LBYY, DJMJ, CZMJ, FJ, XYBZ) for ``feature`` with the ``changed``
    facts, in the context of its household; None without an engine."""
    module = engine()
    if module is None:
        return None
    profile = module.load_profile(profile_name())
    rows = household_rows(layer, feature, changed)
    names = [name for name in rows[0] if name != "__area"]
    columns = {name: [row.get(name) for row in rows] for name in names}
    contexts = module.build_contexts(columns, areas=[row["__area"] for row in rows])
    decision = module.classify_parcel({name: rows[0][name] for name in names}, profile, contexts[0])
    return decision.attributes()
