"""The progress box of the review panel: per village and for the county, parcels surveyed, classified per
class, reviewed, noticed and registered, against the profile's dated targets, with a small bar chart."""
from __future__ import annotations

import html
from datetime import date
from typing import Dict, List, Optional, Sequence

from qgis.PyQt.QtCore import QRectF, QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..cadastre import progress as core
from ..i18n import tr
from .palette import class_color
from .parcel_list_model import ParcelTable, class_label

MET, PENDING, OVERDUE = QColor("#2e7d32"), QColor("#ef6c00"), QColor("#c62828")


def table_progress(table: ParcelTable):
    c = table.columns
    return core.count_progress(c["village"], c["AREA"], c["LB"], c["SHZT"], c["SFGG"], c["SFDJ"], table.grouping)


class ProgressChart(QWidget):
    """Horizontal bars: one per metric (share of all parcels, target ticks), then the class mix."""

    ROW = 24

    def __init__(self, parent=None):
        super().__init__(parent)
        self.progress: Optional[core.Progress] = None
        self.statuses: List[core.TargetStatus] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self):  # noqa: N802 (Qt API name)
        return QSize(300, self.ROW * (len(core.METRICS) + 2) + 8)

    def set_progress(self, progress: core.Progress, statuses: Sequence[core.TargetStatus]) -> None:
        self.progress = progress
        self.statuses = list(statuses)
        self.update()

    def paintEvent(self, _event):  # noqa: N802 (Qt API name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        font = QFont(self.font())
        painter.setFont(font)
        metrics = QFontMetrics(font)
        p = self.progress
        width = self.width()
        labels = [tr(core.METRIC_LABELS[m]) for m in core.METRICS] + [tr("Classes")]
        bar_x = max(metrics.horizontalAdvance(label) for label in labels) + 10
        text_width = metrics.horizontalAdvance("000000/000000 100%") + 8
        bar_w = max(40, width - bar_x - text_width)
        palette = self.palette()
        for row, metric in enumerate(core.METRICS):
            y = 4 + row * self.ROW
            painter.setPen(palette.windowText().color())
            painter.drawText(QRectF(0, y, bar_x - 6, self.ROW - 6), Qt.AlignRight | Qt.AlignVCenter,
                             tr(core.METRIC_LABELS[metric]))
            frame = QRectF(bar_x, y + 2, bar_w, self.ROW - 10)
            painter.setPen(QPen(QColor("#b0b0b0")))
            painter.setBrush(QColor("#f2f2f2"))
            painter.drawRect(frame)
            share = p.share(metric) if p else 0.0
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor("#4a7ebb"))
            painter.drawRect(QRectF(bar_x, y + 2, bar_w * share, self.ROW - 10))
            for status in self.statuses:
                if status.target.metric != metric:
                    continue
                color = MET if status.met else OVERDUE if status.overdue else PENDING
                x = bar_x + bar_w * status.target.share
                painter.setPen(QPen(color, 2))
                painter.drawLine(int(x), int(y), int(x), int(y + self.ROW - 6))
            painter.setPen(palette.windowText().color())
            count = p.count(metric) if p else 0
            total = p.total if p else 0
            painter.drawText(QRectF(bar_x + bar_w + 6, y, text_width, self.ROW - 6), Qt.AlignLeft | Qt.AlignVCenter,
                             f"{count}/{total} {share:.0%}")
        # the class mix of all parcels, stacked; unclassified parcels are the grey rest
        y = 4 + len(core.METRICS) * self.ROW + 6
        painter.drawText(QRectF(0, y, bar_x - 6, self.ROW - 6), Qt.AlignRight | Qt.AlignVCenter, tr("Classes"))
        x = float(bar_x)
        if p and p.total:
            for lb in core.CLASS_KEYS:
                n = p.by_class.get(lb, 0)
                if not n:
                    continue
                w = bar_w * n / p.total
                painter.setPen(Qt.NoPen)
                painter.setBrush(class_color(lb))
                segment = QRectF(x, y + 2, w, self.ROW - 10)
                painter.drawRect(segment)
                label = f"{class_label(lb)} {n}"
                if metrics.horizontalAdvance(label) + 4 < w:
                    painter.setPen(QColor("white") if lb != 2 else QColor("black"))
                    painter.drawText(segment, Qt.AlignCenter, label)
                x += w
        painter.setPen(QPen(QColor("#b0b0b0")))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(QRectF(bar_x, y + 2, bar_w, self.ROW - 10))
        painter.end()


class ProgressBox(QWidget):
    """County or village progress, its targets and the per-village table."""

    village_chosen = pyqtSignal(str)

    COLUMNS = ("total", "surveyed", 1, 2, 3, 0, "reviewed", "noticed", "registered")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.villages: List[core.Progress] = []
        self.county: Optional[core.Progress] = None
        self.names: Dict[str, str] = {}
        self.targets: List[core.Target] = []
        self.target_source = ""
        self.today = date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Scope")))
        self.scope = QComboBox()
        self.scope.setObjectName("progressScope")
        self.scope.currentIndexChanged.connect(self._show_scope)
        row.addWidget(self.scope, 1)
        layout.addLayout(row)
        self.chart = ProgressChart()
        self.chart.setObjectName("progressChart")
        layout.addWidget(self.chart)
        self.target_text = QLabel()
        self.target_text.setObjectName("targetText")
        self.target_text.setWordWrap(True)
        self.target_text.setTextFormat(Qt.RichText)
        layout.addWidget(self.target_text)
        self.table = QTableWidget(0, len(self.COLUMNS) + 1)
        self.table.setObjectName("villageTable")
        headers = [tr("Village")] + [tr("Parcel count"), tr(core.METRIC_LABELS["surveyed"])]
        headers += [class_label(lb) for lb in (1, 2, 3, 0)]
        headers += [tr(core.METRIC_LABELS[m]) for m in ("reviewed", "noticed", "registered")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.village_chosen.emit(self.table.item(r, 0).data(Qt.UserRole)))
        layout.addWidget(self.table, 1)

    def set_targets(self, targets: Sequence[core.Target], source: str) -> None:
        self.targets = list(targets)
        self.target_source = source
        self._show_scope()

    def set_table(self, table: ParcelTable, names: Dict[str, str]) -> None:
        self.villages, self.county = table_progress(table)
        self.names = names
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(tr("All villages ({n} parcels)").format(n=self.county.total), "")
        for v in self.villages:
            self.scope.addItem(f"{v.village} {names.get(v.village, '')} ({v.total})".replace("  ", " "), v.village)
        index = self.scope.findData(current)
        self.scope.setCurrentIndex(max(index, 0))
        self.scope.blockSignals(False)
        self._fill_table()
        self._show_scope()

    def selected(self) -> Optional[core.Progress]:
        code = self.scope.currentData()
        if not code:
            return self.county
        return next((v for v in self.villages if v.village == code), self.county)

    def _show_scope(self, *_args) -> None:
        progress = self.selected()
        if progress is None:
            return
        statuses = core.evaluate_targets(progress, self.targets, self.today)
        self.chart.set_progress(progress, statuses)
        if not self.targets:
            self.target_text.setText("<i>" + tr("No targets: the policy profile gives none, so only counts are shown.") + "</i>")
            return
        lines = [tr("Targets of {source}:").format(source=self.target_source)]
        for s in statuses:
            color = (MET if s.met else OVERDUE if s.overdue else PENDING).name()
            state = (tr("met") if s.met else tr("overdue by {days} days").format(days=-s.days_left) if s.overdue
                     else tr("{days} days left").format(days=s.days_left))
            lines.append(tr("{date}: {metric} ≥ {target:.0%}, now {actual:.0%}").format(
                date=s.target.due.isoformat(), metric=tr(core.METRIC_LABELS[s.target.metric]),
                target=s.target.share, actual=s.actual) + f" — <span style='color:{color}'><b>{state}</b></span>"
                + (f" <small>({html.escape(s.target.clause)})</small>" if s.target.clause else ""))
        self.target_text.setToolTip("\n".join(f"{t.clause} {t.text}".strip() for t in self.targets))
        self.target_text.setText("<br>".join(lines))

    def _fill_table(self) -> None:
        rows = self.villages + ([self.county] if self.county else [])
        self.table.setRowCount(len(rows))
        for r, v in enumerate(rows):
            name = tr("All villages") if v is self.county else f"{v.village} {self.names.get(v.village, '')}".strip()
            item = QTableWidgetItem(name)
            item.setData(Qt.UserRole, v.village)
            if v is self.county:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(r, 0, item)
            for c, key in enumerate(self.COLUMNS, start=1):
                n = v.by_class.get(key, 0) if isinstance(key, int) else v.count(key) if key != "total" else v.total
                cell = QTableWidgetItem(str(n))
                cell.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                self.table.setItem(r, c, cell)
