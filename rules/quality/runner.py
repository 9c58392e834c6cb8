"""Run chosen quality rules over plain data and flatten their findings into error-layer rows and a summary."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import shapely

from ...cadastre.codes import village_of
from ...cadastre.overlay import to_multipolygons
from .base import CheckInput, Rule, fid_list
from .registry import RULES, rule

MARKER = 0.3  # m: radius of the outline drawn around a point or line finding (0.6 mm across at 1:1000)


@dataclass
class Row:
    """One finding, ready for the error layer (fields of schema.ZJCW)."""

    rule_id: str
    severity: str
    message: str
    layer: str
    fids: str
    rel_fids: str
    codes: str
    village: str
    value: Optional[float]
    geometry: object  # MultiPolygon on the check plane, or None


@dataclass
class Report:
    rows: List[Row] = field(default_factory=list)
    summary: List[Tuple[str, str, str, Optional[str], int]] = field(default_factory=list)  # rule, severity, title, village, n
    notes: List[str] = field(default_factory=list)  # what rules could not check, for the log
    skipped: List[Tuple[str, Tuple[str, ...]]] = field(default_factory=list)  # (rule id, missing inputs)
    ran: List[str] = field(default_factory=list)
    seconds: Dict[str, float] = field(default_factory=dict)  # wall time per rule run

    def fids_by_rule(self) -> Dict[str, List[int]]:
        """{rule id: sorted subject fids with a finding} (for comparing with a defect manifest)."""
        found: Dict[str, set] = {}
        for row in self.rows:
            found.setdefault(row.rule_id, set()).update(int(f) for f in row.fids.split(",") if f)
        return {k: sorted(v) for k, v in found.items()}


def select(rule_ids: Optional[Iterable[str]]) -> List[Rule]:
    """The rules named (in registry order), or all when ``rule_ids`` is empty."""
    wanted = [r.strip().upper() for r in (rule_ids or []) if r and r.strip()]
    if not wanted:
        return list(RULES)
    chosen = {rule(r).id for r in wanted}
    return [r for r in RULES if r.id in chosen]


def run(
    data: CheckInput,
    rules: Sequence[Rule],
    overrides: Optional[Dict[str, float]] = None,
    language: str = "en",
    translate: Callable[[str], str] = lambda s: s,
    chinese: Callable[[str], str] = lambda s: s,
    progress: Optional[Callable[[float], None]] = None,
    canceled: Callable[[], bool] = lambda: False,
) -> Report:
    """Run ``rules``; ``overrides`` maps "RULE_ID.param" to a value replacing the default.

    The rows and the summary are a deliverable: always Chinese, nested Problems through ``chinese`` (i18n.zh).
    The notes are for the user: in ``language``, nested Problems through ``translate``.
    """
    overrides = overrides or {}
    report = Report()
    for n, current in enumerate(rules):
        if canceled():
            break
        missing = tuple(need for need in current.needs if not data.available(need))
        if missing:
            report.skipped.append((current.id, missing))
            continue
        params = current.defaults()
        params.update({k.split(".", 1)[1]: v for k, v in overrides.items() if k.split(".", 1)[0] == current.id})
        started = time.perf_counter()
        outcome = current.check(data, params)
        report.seconds[current.id] = time.perf_counter() - started
        report.ran.append(current.id)
        rows = _rows(current, outcome.findings, "zh", chinese)
        report.rows.extend(rows)
        report.notes.extend(current.text(kind, args, language, translate) for kind, args in outcome.notes)
        counts = Counter(row.village for row in rows)
        title = current.title("zh")
        report.summary.append((current.id, current.severity, title, None, len(rows)))
        report.summary.extend((current.id, current.severity, title, village, counts[village]) for village in sorted(counts))
        if progress is not None:
            progress(100.0 * (n + 1) / len(rules))
    return report


def _rows(current: Rule, findings, language, translate) -> List[Row]:
    polygons = error_polygons([f.geometry for f in findings])
    rows = []
    for finding, polygon in zip(findings, polygons):
        codes = [c for c in finding.codes if c]
        village = finding.village or next((v for v in (village_of(c) for c in codes) if v), "")
        rows.append(Row(
            current.id, current.severity, current.text(finding.kind, finding.args, language, translate),
            finding.layer or current.subject, fid_list(finding.fids), fid_list(finding.rel_fids),
            ",".join(dict.fromkeys(codes)), village, None if finding.value is None else float(finding.value), polygon))
    return rows


def error_polygons(geometries) -> np.ndarray:
    """Each finding's geometry as a MultiPolygon: areal parts as they are, points and lines as MARKER-wide outlines."""
    geoms = np.asarray(list(geometries) + [None], dtype=object)[:-1]  # keeps a 1-D object array
    polygons = to_multipolygons(geoms)
    rest = np.flatnonzero(np.array([p is None for p in polygons], dtype=bool) & ~shapely.is_missing(geoms))
    if len(rest):
        polygons[rest] = to_multipolygons(shapely.buffer(geoms[rest], MARKER, quad_segs=4))
    return polygons
