"""The parcel list of the review panel: one attribute read into numpy columns, filtered and sorted with numpy.

A QTableView over 100,000 parcels stays responsive because the model holds plain arrays (no QStandardItem
or widget per row): filtering by village, review state, class or text and sorting are vectorised, and a
feature's row is found through a fid -> index dictionary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import QgsFeatureRequest, QgsTask, QgsVectorLayerFeatureSource
from qgis.PyQt.QtCore import QAbstractTableModel, Qt, pyqtSignal

from ..cadastre import review, schema
from ..cadastre.maps.maptext import area_text
from ..cadastre.progress import group_villages, village_array
from ..i18n import tr
from .palette import SEVERITY_COLORS, STATE_COLORS, class_color

# Fields the list and the progress box read, once, without geometry.
TEXT_FIELDS = ("ZDDM", "QLRMC", "ZL")
CODE_FIELDS = ("LB", "SHZT", "SFGG", "SFDJ")
REAL_FIELDS = ("ZDMJ", "DCMJ")
READ_FIELDS = TEXT_FIELDS + CODE_FIELDS + REAL_FIELDS
NULL_CODE = -1

# State filter values (besides a single SHZT code): parcels still to review.
PENDING = "pending"
# Class filter value for parcels with no class at all.
UNCLASSIFIED = NULL_CODE


def _code(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):  # NULL
        return NULL_CODE


def _real(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _text(value) -> str:
    return value if isinstance(value, str) else ""


@dataclass
class ParcelTable:
    """The listed columns of a parcel layer, aligned with ``fids``: text as numpy unicode arrays, codes as
    int64 with NULL = -1, areas as float with NULL = nan. ``prepare`` computes the lookups the panel needs
    (in the loading task, off the main thread)."""

    fids: np.ndarray
    columns: Dict[str, np.ndarray]
    index_of: Optional[Dict[int, int]] = None  # fid -> row
    grouping: Optional[Tuple[np.ndarray, np.ndarray]] = None  # progress.group_villages
    village_list: Optional[List[Tuple[str, str, int]]] = None

    def __len__(self) -> int:
        return len(self.fids)

    def prepare(self) -> ParcelTable:
        self.index_of = {fid: i for i, fid in enumerate(self.fids.tolist())}
        self.grouping = group_villages(self.columns["village"])
        self.village_list = self.villages()
        return self

    @classmethod
    def empty(cls) -> ParcelTable:
        return cls.from_lists([], {name: [] for name in READ_FIELDS})

    @classmethod
    def from_lists(cls, fids: Sequence[int], raw: Dict[str, list]) -> ParcelTable:
        columns: Dict[str, np.ndarray] = {}
        n = len(fids)
        for name in TEXT_FIELDS:
            columns[name] = np.array([_text(v) for v in raw.get(name, [None] * n)], dtype=str)
        for name in CODE_FIELDS:
            columns[name] = np.fromiter((_code(v) for v in raw.get(name, [None] * n)), dtype=np.int64, count=n)
        for name in REAL_FIELDS:
            columns[name] = np.fromiter((_real(v) for v in raw.get(name, [None] * n)), dtype=float, count=n)
        columns["village"] = village_array(columns["ZDDM"])
        # the area the list shows and the progress counts: measured from coordinates (ZDMJ), else the
        # survey's recorded area (DCMJ) until homestead:parcelareas has run
        columns["AREA"] = np.where(np.isnan(columns["ZDMJ"]), columns["DCMJ"], columns["ZDMJ"])
        return cls(np.asarray(fids, dtype=np.int64), columns)

    def villages(self) -> List[Tuple[str, str, int]]:
        """(地籍子区 code, village name from the common start of 坐落 up to 村, parcel count), by code."""
        if self.village_list is not None:
            return self.village_list
        if not len(self):
            return []
        codes, inverse = self.grouping or group_villages(self.columns["village"])
        counts = np.bincount(inverse, minlength=len(codes))
        order = np.argsort(inverse, kind="stable")
        starts = np.concatenate(([0], np.cumsum(counts)))
        return [(str(code), _village_name(self.columns["ZL"][order[starts[i]:starts[i] + 200]]), int(counts[i]))
                for i, code in enumerate(codes)]


def _village_name(places: np.ndarray) -> str:
    """The common start of (a sample of) the parcels' 坐落 cut after its last 村, or '' (only a convenience)."""
    sample = [p for p in places if p]
    if not sample:
        return ""
    prefix = min(sample)
    last = max(sample)
    n = 0
    while n < min(len(prefix), len(last)) and prefix[n] == last[n]:
        n += 1
    prefix = prefix[:n]
    cut = prefix.rfind("村")
    if cut < 0:
        return ""
    # the village alone: what follows the last 省/市/区/县/镇/乡/街道 before 村
    match = re.search(r"([^省市区县镇乡道]+村)$", prefix[:cut + 1])
    return match.group(1) if match else prefix[:cut + 1]


def read_parcel_table(source, fields, task: Optional[QgsTask] = None, total: int = 0) -> Optional[ParcelTable]:
    """Read the listed columns of ``source`` (a layer or a QgsVectorLayerFeatureSource) in one pass without
    geometry; None when ``task`` was cancelled."""
    names = [n for n in READ_FIELDS if fields.indexOf(n) >= 0]
    indices = [fields.indexOf(n) for n in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(indices)
    fids: List[int] = []
    raw: Dict[str, list] = {n: [] for n in names}
    appenders = [(raw[n].append, i) for n, i in zip(names, indices)]
    for count, feature in enumerate(source.getFeatures(request)):
        if task is not None and count % 5000 == 0:
            if task.isCanceled():
                return None
            if total:
                task.setProgress(100.0 * count / total)
        fids.append(feature.id())
        attributes = feature.attributes()
        for append, i in appenders:
            append(attributes[i])
    return ParcelTable.from_lists(fids, raw).prepare()


class ParcelLoadTask(QgsTask):
    """Reads a large parcel layer's list columns in the background (a feature source is thread-safe)."""

    def __init__(self, layer, on_done):
        super().__init__(tr("Reading parcels of {layer}").format(layer=layer.name()), QgsTask.CanCancel)
        self.source = QgsVectorLayerFeatureSource(layer)
        self.fields = layer.fields()
        self.total = layer.featureCount()
        self.on_done = on_done
        self.table: Optional[ParcelTable] = None

    def run(self):
        self.table = read_parcel_table(self.source, self.fields, self, self.total)
        return self.table is not None

    def finished(self, result):
        self.on_done(self.table if result else None)


@dataclass
class ListFilter:
    village: Optional[str] = None
    state: object = None  # None: all; PENDING; or a SHZT code
    lb: Optional[int] = None  # None: all; a class; UNCLASSIFIED
    text: str = ""


class ParcelListModel(QAbstractTableModel):
    """Rows: the parcels that pass the filter, in sort order. Columns: COLUMNS."""

    COLUMNS = ("ZDDM", "QLRMC", "LB", "SHZT", "AREA", "ISSUES")
    FID_ROLE = Qt.UserRole + 1
    changed = pyqtSignal()  # rows or values changed (the progress box listens)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = ParcelTable.empty()
        self.filter = ListFilter()
        self.sort_column, self.sort_order = 0, Qt.AscendingOrder
        self._rows = np.zeros(0, dtype=np.int64)  # row -> table index
        self._index_of: Dict[int, int] = {}  # fid -> table index
        self._issues = np.zeros(0, dtype=np.int64)
        self._issue_map: Dict[int, list] = {}
        self._headers = {
            "ZDDM": tr("Parcel code"), "QLRMC": tr("Right holder"), "LB": tr("Class"), "SHZT": tr("Review"),
            "AREA": tr("Area m²"), "ISSUES": tr("Issues"),
        }

    # --- data in ---------------------------------------------------------------------------------------
    def set_table(self, table: ParcelTable) -> None:
        self.beginResetModel()
        self.table = table
        self._index_of = table.index_of if table.index_of is not None else table.prepare().index_of
        self._issues = self._issue_counts()
        self._rows = self._ordered(self._matching())
        self.endResetModel()
        self.changed.emit()

    def set_issues(self, issues: Dict[int, list]) -> None:
        self._issue_map = issues
        self._issues = self._issue_counts()
        if len(self._rows):
            column = self.COLUMNS.index("ISSUES")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def _issue_counts(self) -> np.ndarray:
        counts = np.zeros(len(self.table), dtype=np.int64)
        for fid, entries in self._issue_map.items():
            i = self._index_of.get(fid)
            if i is not None:
                counts[i] = len(entries)
        return counts

    def set_filter(self, list_filter: ListFilter) -> None:
        self.filter = list_filter
        self.refresh()

    def refresh(self) -> None:
        """Apply the filter and the order again (after values changed)."""
        self.beginResetModel()
        self._rows = self._ordered(self._matching())
        self.endResetModel()

    def update_value(self, fid: int, name: str, value) -> bool:
        """Take an edited value; True when it is a listed column (the caller refreshes, coalesced)."""
        i = self._index_of.get(fid)
        column = self.table.columns.get(name)
        if i is None or column is None:
            return False
        if name in TEXT_FIELDS:
            text = _text(value)
            if len(text) > column.dtype.itemsize // 4:  # widen the fixed-width unicode column
                self.table.columns[name] = column = column.astype(f"<U{len(text)}")
            column[i] = text
        elif name in CODE_FIELDS:
            column[i] = _code(value)
        else:
            column[i] = _real(value)
            zdmj, dcmj = self.table.columns["ZDMJ"][i], self.table.columns["DCMJ"][i]
            self.table.columns["AREA"][i] = dcmj if np.isnan(zdmj) else zdmj
        return True

    # --- filter and order ------------------------------------------------------------------------------
    def _matching(self) -> np.ndarray:
        c, f = self.table.columns, self.filter
        mask = np.ones(len(self.table), dtype=bool)
        if f.village:
            mask &= c["village"] == f.village
        state = np.where(c["SHZT"] == NULL_CODE, review.NOT_REVIEWED, c["SHZT"])
        if f.state == PENDING:
            mask &= ~np.isin(state, review.REVIEWED)
        elif f.state is not None:
            mask &= state == f.state
        if f.lb is not None:
            mask &= c["LB"] == f.lb
        text = f.text.strip()
        if text:
            mask &= (np.char.find(c["ZDDM"], text) >= 0) | (np.char.find(c["QLRMC"], text) >= 0)
        return np.flatnonzero(mask)

    def _ordered(self, rows: np.ndarray) -> np.ndarray:
        name = self.COLUMNS[self.sort_column]
        key = self._issues if name == "ISSUES" else self.table.columns[name]
        order = np.argsort(key[rows], kind="stable")
        if self.sort_order == Qt.DescendingOrder:
            order = order[::-1]
        return rows[order]

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = column, order
        self._rows = self._ordered(self._rows)
        self.layoutChanged.emit()

    # --- lookups ---------------------------------------------------------------------------------------
    def fid(self, row: int) -> int:
        return int(self.table.fids[self._rows[row]])

    def fids(self, rows: Sequence[int]) -> List[int]:
        return [int(f) for f in self.table.fids[self._rows[np.asarray(rows, dtype=np.int64)]]] if len(rows) else []

    def row_of(self, fid: int) -> Optional[int]:
        i = self._index_of.get(fid)
        if i is None:
            return None
        hits = np.flatnonzero(self._rows == i)
        return int(hits[0]) if len(hits) else None

    def issues_of(self, fid: int) -> list:
        return self._issue_map.get(fid, [])

    def next_pending(self, after_row: int, step: int = 1) -> Optional[int]:
        """The next row (wrapping, in ``step`` direction) whose parcel is not yet confirmed or overridden."""
        n = len(self._rows)
        if not n:
            return None
        state = self.table.columns["SHZT"][self._rows]
        pending = np.flatnonzero(~np.isin(state, review.REVIEWED))
        if not len(pending):
            return None
        if step > 0:
            later = pending[pending > after_row]
            return int(later[0] if len(later) else pending[0])
        earlier = pending[pending < after_row] if after_row >= 0 else pending
        return int(earlier[-1] if len(earlier) else pending[-1])

    def villages(self) -> List[Tuple[str, str, int]]:
        return self.table.villages()

    # --- Qt model --------------------------------------------------------------------------------------
    def rowCount(self, parent=None):  # noqa: N802 (Qt API name)
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None):  # noqa: N802 (Qt API name)
        return 0 if parent is not None and parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt API name)
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        i = int(self._rows[index.row()])
        name = self.COLUMNS[index.column()]
        if role == self.FID_ROLE:
            return int(self.table.fids[i])
        if name == "ISSUES":
            count = int(self._issues[i])
            if role == Qt.DisplayRole:
                return str(count) if count else ""
            if role == Qt.ForegroundRole and count:
                return SEVERITY_COLORS["error"]
            return None
        value = self.table.columns[name][i]
        if role == Qt.DisplayRole:
            if name == "LB":
                return class_label(int(value))
            if name == "SHZT":
                return schema.CODELISTS["SHZT"].get(max(int(value), 0), "")
            if name == "AREA":
                return area_text(value)
            return str(value)
        if role == Qt.DecorationRole and name == "LB":
            return class_color(int(value)) if value != NULL_CODE else None
        if role == Qt.ToolTipRole and name == "LB":
            return review.class_name(int(value)) or tr("Not classified yet")
        if role == Qt.ForegroundRole and name == "SHZT":
            return STATE_COLORS.get(max(int(value), 0))
        if role == Qt.ToolTipRole and name == "AREA" and not np.isnan(value):
            return tr("Parcel area (ZDMJ)") if not np.isnan(self.table.columns["ZDMJ"][i]) else tr(
                "Area recorded by the survey (DCMJ); the parcel area has not been computed yet")
        if role == Qt.TextAlignmentRole and name == "AREA":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


def class_label(lb: int) -> str:
    """Short label of a class for lists and charts: '1类', '待补充', ''."""
    if lb == review.FACTS_MISSING:
        return tr("Facts missing")
    if lb in review.CLASSES:
        return tr("Class {lb}").format(lb=lb)
    return ""
