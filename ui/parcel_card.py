"""The parcel card of the review panel: one parcel's decision, areas, farmland overlap, issues, facts
(editable) and document checklist. It shows values and emits what the person did; the dock writes."""
from __future__ import annotations

import html
import re
from datetime import date
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsApplication, QgsFeature
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QDoubleValidator, QIntValidator
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..cadastre import review, schema
from ..cadastre.codes import county_of, in_counties
from ..cadastre.maps.maptext import area_text
from ..cadastre.messages import CadastreError
from ..i18n import tr
from .audit import from_qgis
from .house_index import House
from .palette import SEVERITY_COLORS, STATE_COLORS, class_color

AREA_FIELDS = ("ZDMJ", "DCMJ", "JZZDMJ", "JZMJ")
FARMLAND_FIELDS = ("ZYJBNTMJ", "ZYJBNTBL", "JBNTBH", "FWZJBNT")
DECISION_FIELDS = ("DJMJ", "CZMJ", "FJ", "XYBZ")
# Every field the card reads from the feature.
CARD_FIELDS = (("ZDDM", "QLRMC", "ZL", "LB", "LBMC", "LBYY", "SHZT", "SJQD") + AREA_FIELDS + FARMLAND_FIELDS
               + DECISION_FIELDS + review.REVIEWER_FIELDS + tuple(f.name for f in schema.ZD_FACTS))
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fmt(value, precision: int = 2) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{precision}f}"
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M" if hasattr(value, "hour") else "%Y-%m-%d")
    return str(value)


def _area(value) -> str:
    """An area as the products print it (maptext.area_text: 四舍五入 from the stored 4 decimals)."""
    return area_text(value) if isinstance(value, (int, float)) else "—"


def set_style(widget, sheet: str) -> None:
    """Set a style sheet only when it changes: each set re-polishes the widget, and the card must stay fast."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def _alias(name: str) -> str:
    return schema.ZD.field(name).alias


def split_reasons(lbyy: Optional[str]) -> List[str]:
    """LBYY as one line per fired rule (the engine joins them with new lines or semicolons)."""
    if not lbyy:
        return []
    return [part.strip() for part in re.split(r"[\n;；]+", lbyy) if part.strip()]


CLAUSE_RE = re.compile(r"^([一二三四五六七八九十]+(?:\([一二三四五六七八九十]+\))*\d*)\s*(.*)$")


def _reason_html(reason: str) -> str:
    """One fired rule, its clause (e.g. 四(六)10) in bold."""
    match = CLAUSE_RE.match(reason)
    if match and match.group(2):
        return f"• <b>{html.escape(match.group(1))}</b> {html.escape(match.group(2))}"
    return "• " + html.escape(reason)


def _issue_html(rule: str, severity: str, message: str) -> str:
    color = SEVERITY_COLORS.get(severity, SEVERITY_COLORS["info"]).name()
    label = schema.CODELISTS["YZCD"].get(severity, severity)
    return (f"<span style='color:{color}'><b>{html.escape(label)}</b></span> "
            f"<code>{html.escape(rule)}</code> {html.escape(message)}")


def _table(title: str, layer: schema.Layer, names, rows, empty: str) -> str:
    """A small table of a house's floors or households: the schema's Chinese field names as headers."""
    if not rows:
        return f"<p><i>{html.escape(empty)}</i></p>"
    head = "".join(f"<th align='left'>{html.escape(layer.field(name).alias)}</th>" for name in names)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(layer, name, row[name]))}</td>" for name in names)
                   + "</tr>" for row in rows)
    return f"<p><b>{html.escape(title)}</b></p><table cellspacing='0' cellpadding='2'><tr>{head}</tr>{body}</table>"


def _cell(layer: schema.Layer, name: str, value) -> str:
    if name.endswith("MJ"):
        return _area(value)
    f = layer.field(name)
    if f.codelist and value is not None:
        return schema.codelist_label(f.codelist, value) or str(value)
    return _fmt(value)


def _house_html(house: House) -> str:
    """One house: its number, structure, storeys and measured area, then its floors, households and findings."""
    head = " · ".join(f"{html.escape(schema.ZRZ.field(name).alias)} <b>{html.escape(_cell(schema.ZRZ, name, house.values[name]))}</b>"
                      for name in ("ZRZH", "FWJG", "ZCS", "SCJZMJ"))
    parts = [head,
             _table(tr("Floors"), schema.C, ("CH", "CG", "CJZMJ"), house.floors, tr("No floors recorded.")),
             _table(tr("Households"), schema.H, ("HH", "BDCDYH", "SCJZMJ"), house.units, tr("No households recorded."))]
    parts.extend(_issue_html(*issue) for issue in house.issues)
    return "<br>".join(parts)


class FactEditor:
    """One editable survey fact: a combo for coded values, a line edit otherwise; NULL is empty."""

    def __init__(self, f: schema.Field, on_edit):
        self.field = f
        self.on_edit = on_edit
        self.value = None
        if f.codelist:
            self.widget = QComboBox()
            self.widget.addItem("", None)
            for code, label in schema.CODELISTS[f.codelist].items():
                self.widget.addItem(f"{code} {label}" if f.codelist != "SF" else label, code)
            self.widget.activated.connect(self._edited)
        else:
            self.widget = QLineEdit()
            if f.type == schema.REAL:
                validator = QDoubleValidator(0.0, 1e9, 2, self.widget)
                validator.setNotation(QDoubleValidator.StandardNotation)
                self.widget.setValidator(validator)
            elif f.type == schema.INT:
                self.widget.setValidator(QIntValidator(0, 9999, self.widget))
            elif f.type == schema.DATE:
                self.widget.setPlaceholderText("YYYY-MM-DD")
            elif f.length:
                self.widget.setMaxLength(f.length)
            self.widget.editingFinished.connect(self._edited)
        self.widget.setToolTip(f.doc)

    def set(self, value) -> None:
        self.value = value
        self.widget.blockSignals(True)
        if isinstance(self.widget, QComboBox):
            index = self.widget.findData(value) if value is not None else 0
            self.widget.setCurrentIndex(max(index, 0))
        else:
            self.widget.setText("" if value is None else (value.isoformat() if isinstance(value, date) else
                                                          (f"{value:g}" if isinstance(value, float) else str(value))))
            self._style("")
        self.widget.blockSignals(False)

    def mark_missing(self, missing: bool) -> None:
        self._style("background: #fff4c2" if missing else "")

    def _style(self, sheet: str) -> None:
        set_style(self.widget, sheet)

    def read(self):
        """(ok, value) from the widget."""
        if isinstance(self.widget, QComboBox):
            return True, self.widget.currentData()
        text = self.widget.text().strip()
        if not text:
            return True, None
        try:
            if self.field.type == schema.REAL:
                return True, float(text)
            if self.field.type == schema.INT:
                return True, int(text)
            if self.field.type == schema.DATE:
                if not DATE_RE.match(text):
                    raise ValueError(text)
                return True, date.fromisoformat(text)
        except ValueError:
            return False, None
        return True, text

    def _edited(self, *_args) -> None:
        ok, value = self.read()
        if not ok:
            self._style("background: #ffd7d7")
            return
        self._style("")
        if value != self.value:
            self.value = value
            self.on_edit(self.field.name, value)


class ParcelCard(QWidget):
    """Shows one parcel (``show_feature``) and signals the person's actions."""

    confirm_requested = pyqtSignal(str)  # note
    override_requested = pyqtSignal(int, str)  # class, reason
    fact_edited = pyqtSignal(str, object)  # field, value
    checklist_edited = pyqtSignal(object)  # SJQD text or None
    zoom_requested = pyqtSignal()
    flash_requested = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fid: Optional[int] = None
        self.values: Dict[str, object] = {}
        self.received: Dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_header())
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff4c2; padding: 4px; border-radius: 3px")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.policy: Tuple[str, str, Tuple[str, ...]] = ("", "", ())
        self.county_warning = QLabel()
        self.county_warning.setObjectName("countyWarning")
        self.county_warning.setWordWrap(True)
        self.county_warning.setStyleSheet("background: #f8d0c8; color: #7a1500; padding: 4px; border-radius: 3px")
        self.county_warning.hide()
        layout.addWidget(self.county_warning)
        layout.addWidget(self._build_decision())
        layout.addWidget(self._build_areas())
        layout.addWidget(self._build_issues())
        layout.addWidget(self._build_houses())
        layout.addWidget(self._build_facts())
        layout.addWidget(self._build_checklist())
        layout.addStretch(1)
        self.clear()

    # --- building --------------------------------------------------------------------------------------
    def _build_header(self):
        row = QHBoxLayout()
        text = QVBoxLayout()
        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        row.addLayout(text, 1)
        for icon, tip, signal in (("/mActionZoomToSelected.svg", tr("Zoom to the parcel"), self.zoom_requested),
                                  ("/mActionHighlightFeature.svg", tr("Flash the parcel on the map"), self.flash_requested)):
            button = QToolButton()
            button.setIcon(QgsApplication.getThemeIcon(icon))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(signal)
            row.addWidget(button, 0, Qt.AlignTop)
        return row

    def _build_decision(self):
        box = QgsCollapsibleGroupBox(tr("Class decision"))
        box.setObjectName("cardDecision")
        grid = QVBoxLayout(box)
        top = QHBoxLayout()
        self.badge = QLabel()
        self.badge.setObjectName("classBadge")
        self.badge.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.badge.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("reviewState")
        top.addWidget(self.badge, 1)
        top.addWidget(self.state, 0, Qt.AlignRight)
        grid.addLayout(top)
        self.reasons = QLabel()
        self.reasons.setObjectName("classReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.RichText)
        self.reasons.setTextInteractionFlags(Qt.TextSelectableByMouse)
        grid.addWidget(self.reasons)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.decision_labels = {}
        for name in DECISION_FIELDS + review.REVIEWER_FIELDS:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.decision_labels[name] = label
            form.addRow(_alias(name), label)
        grid.addLayout(form)
        actions = QGridLayout()
        self.confirm_button = QPushButton(tr("Confirm suggestion"))
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setIcon(QgsApplication.getThemeIcon("/mActionSaveEdits.svg"))
        self.confirm_button.setToolTip(tr("Confirm the suggested class (Ctrl+Return)"))
        self.confirm_button.clicked.connect(lambda: self.confirm_requested.emit(self.reason.text().strip()))
        self.class_choice = QComboBox()
        self.class_choice.setObjectName("classChoice")
        for lb in review.CLASSES:
            self.class_choice.addItem(f"{lb} {review.class_name(lb)}", lb)
            self.class_choice.setItemData(self.class_choice.count() - 1, class_color(lb), Qt.DecorationRole)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonEdit")
        self.reason.setPlaceholderText(tr("Reason (required to choose another class)"))
        self.override_button = QPushButton(tr("Choose this class"))
        self.override_button.setObjectName("overrideButton")
        self.override_button.clicked.connect(
            lambda: self.override_requested.emit(int(self.class_choice.currentData()), self.reason.text().strip()))
        actions.addWidget(self.confirm_button, 0, 0, 1, 2)
        actions.addWidget(self.class_choice, 1, 0)
        actions.addWidget(self.override_button, 1, 1)
        actions.addWidget(self.reason, 2, 0, 1, 2)
        grid.addLayout(actions)
        return box

    def _form_box(self, title: str, names, object_name: str):
        box = QgsCollapsibleGroupBox(title)
        box.setObjectName(object_name)
        form = QFormLayout(box)
        labels = {}
        for name in names:
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            label.setWordWrap(True)
            labels[name] = label
            form.addRow(_alias(name), label)
        return box, form, labels

    def _build_areas(self):
        box, form, self.area_labels = self._form_box(tr("Areas and farmland"), AREA_FIELDS, "cardAreas")
        self.geometry_area = QLabel()
        self.geometry_area.setToolTip(tr("Area of the parcel's geometry on the layer's plane (m²), to compare with ZDMJ"))
        form.insertRow(1, tr("Geometry area"), self.geometry_area)
        for name in FARMLAND_FIELDS:
            label = QLabel()
            label.setWordWrap(True)
            self.area_labels[name] = label
            form.addRow(_alias(name), label)
        return box

    def _build_issues(self):
        self.issues_box = QgsCollapsibleGroupBox(tr("Issues found by the checks"))
        self.issues_box.setObjectName("cardIssues")
        layout = QVBoxLayout(self.issues_box)
        self.issues = QLabel()
        self.issues.setObjectName("issuesText")
        self.issues.setWordWrap(True)
        self.issues.setTextFormat(Qt.RichText)
        layout.addWidget(self.issues)
        return self.issues_box

    def _build_houses(self):
        self.houses_box = QgsCollapsibleGroupBox(tr("Houses"))
        self.houses_box.setObjectName("cardHouses")
        layout = QVBoxLayout(self.houses_box)
        self.houses = QLabel()
        self.houses.setObjectName("housesText")
        self.houses.setWordWrap(True)
        self.houses.setTextFormat(Qt.RichText)
        self.houses.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.houses)
        return self.houses_box

    def _build_facts(self):
        box = QgsCollapsibleGroupBox(tr("Survey facts"))
        box.setObjectName("cardFacts")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.facts: Dict[str, FactEditor] = {}
        for f in schema.ZD_FACTS:
            editor = FactEditor(f, self.fact_edited.emit)
            editor.widget.setObjectName(f"fact_{f.name}")
            self.facts[f.name] = editor
            form.addRow(f.alias, editor.widget)
        return box

    def _build_checklist(self):
        box = QgsCollapsibleGroupBox(tr("Documents received for first registration"))
        box.setObjectName("cardChecklist")
        layout = QVBoxLayout(box)
        self.checklist_count = QLabel()
        layout.addWidget(self.checklist_count)
        self.checks: Dict[str, QCheckBox] = {}
        for document in review.DOCUMENTS:
            check = QCheckBox(tr(document.label))
            check.setObjectName(f"doc_{document.key}")
            check.clicked.connect(lambda on, key=document.key: self._ticked(key, on))
            self.checks[document.key] = check
            layout.addWidget(check)
        return box

    # --- showing ---------------------------------------------------------------------------------------
    def clear(self) -> None:
        self.fid = None
        self.values = {}
        self.title.setText(tr("No parcel selected"))
        self.subtitle.setText(tr("Select a parcel in the list or on the map."))
        self.notice.hide()
        self.county_warning.hide()
        self.setEnabled(False)

    def show_feature(self, feature: QgsFeature, issues: List[Tuple[str, str, str]], geometry_area: Optional[float],
                     editable: bool, houses: Sequence[House] = ()) -> None:
        """Fill the card from ``feature`` (fetched by id, with the fields of CARD_FIELDS it has) and the
        parcel's ``houses`` (ui/house_index.py)."""
        fields = feature.fields()
        v = {name: (from_qgis(feature[name]) if fields.indexOf(name) >= 0 else None) for name in CARD_FIELDS}
        self.fid = feature.id()
        self.values = v
        self.setEnabled(True)
        self.title.setText(v["ZDDM"] or tr("Parcel {fid} (no code)").format(fid=feature.id()))
        self.subtitle.setText(" · ".join(str(x) for x in (v["QLRMC"], v["ZL"]) if x))
        self._show_county(v["ZDDM"])
        self._show_decision(v, editable)
        for name, label in self.area_labels.items():
            if name == "FWZJBNT":
                label.setText(schema.codelist_label("SF", v[name]) or "—")
            elif name in AREA_FIELDS:
                label.setText(_area(v[name]))
            else:
                label.setText(_fmt(v[name]) + (" %" if name == "ZYJBNTBL" and v[name] is not None else ""))
        self.geometry_area.setText(_area(geometry_area))
        self._show_issues(issues)
        self._show_houses(houses)
        for name, editor in self.facts.items():
            editor.set(v[name])
            editor.widget.setEnabled(editable)
            # class 0 means a needed fact is missing: point at the empty ones (QTBYDJ empty means 'none')
            editor.mark_missing(v["LB"] == review.FACTS_MISSING and v[name] is None and name != "QTBYDJ")
        self._show_checklist(v, editable)

    def set_policy(self, name: str, title: str, counties: Tuple[str, ...]) -> None:
        """The project's policy profile and the counties it is written for (() anywhere)."""
        if (name, title, counties) != self.policy:
            self.policy = (name, title, counties)
            if self.fid is not None:
                self._show_county(self.values.get("ZDDM"))

    def _show_county(self, code) -> None:
        name, title, counties = self.policy
        county = county_of(code)
        outside = bool(county) and not in_counties(county, counties)
        self.county_warning.setVisible(outside)
        if outside:
            self.county_warning.setText(tr(
                "This parcel is in county {county}, and the policy profile {name} ({title}) is written for "
                "{counties}: its suggested class follows another county's policy. Classify with the county's "
                "profile, or copy one (Copy a policy profile, homestead:copyprofile) and edit it.").format(
                county=county, name=name, title=title, counties=", ".join(counties)))

    def _show_decision(self, v, editable: bool) -> None:
        lb, state = v["LB"], v["SHZT"] if v["SHZT"] is not None else review.NOT_REVIEWED
        color = class_color(lb)
        text_color = "white" if lb in (1, 3, 0) else "black"
        if lb is None:
            self.badge.setText(tr("Not classified yet"))
        else:
            self.badge.setText(f"{lb} {v['LBMC'] or review.class_name(lb)}")
        set_style(self.badge, f"background: {color.name()}; color: {text_color}; padding: 4px 6px; "
                                 "border-radius: 3px; font-weight: bold")
        self.state.setText(schema.CODELISTS["SHZT"].get(state, ""))
        set_style(self.state, f"color: {STATE_COLORS.get(state, STATE_COLORS[0]).name()}; font-weight: bold")
        reasons = split_reasons(v["LBYY"])
        self.reasons.setText("<br>".join(_reason_html(r) for r in reasons) if reasons
                             else "<i>" + html.escape(tr("No rule has been applied yet.")) + "</i>")
        for name, label in self.decision_labels.items():
            label.setText(_fmt(v[name]))
        self.confirm_button.setEnabled(editable and lb in review.CLASSES and state not in review.REVIEWED)
        self.override_button.setEnabled(editable)
        self.reason.clear()
        current = self.class_choice.findData(lb) if lb in review.CLASSES else 0
        self.class_choice.setCurrentIndex(max(current, 0))

    def _show_issues(self, issues) -> None:
        if not issues:
            self.issues.setText("<i>" + html.escape(tr("None")) + "</i>")
            self.issues_box.setTitle(tr("Issues found by the checks"))
            return
        self.issues.setText("<br>".join(_issue_html(*issue) for issue in issues))
        self.issues_box.setTitle(tr("Issues found by the checks ({n})").format(n=len(issues)))

    def _show_houses(self, houses: Sequence[House]) -> None:
        self.houses_box.setTitle(tr("Houses ({n})").format(n=len(houses)) if houses else tr("Houses"))
        if not houses:
            self.houses.setText("<i>" + html.escape(tr("No house recorded on this parcel.")) + "</i>")
            return
        self.houses.setText("<hr>".join(_house_html(house) for house in houses))

    def _show_checklist(self, v, editable: bool) -> None:
        try:
            self.received = review.parse_checklist(v["SJQD"])
            valid = True
        except CadastreError as error:
            self.received = {}
            valid = False
            self.checklist_count.setText(error.problem.format(tr))
        required = {d.key for d in review.required_documents(v)}
        for key, check in self.checks.items():
            check.blockSignals(True)
            check.setChecked(key in self.received)
            check.blockSignals(False)
            check.setVisible(key in required or key in self.received)
            check.setEnabled(editable and valid)
            day = self.received.get(key)
            check.setToolTip(tr("Received {date}").format(date=day) if day else "")
        if valid:
            self._show_count()

    def _show_count(self) -> None:
        done, total = review.checklist_counts(self.received, self.values)
        self.checklist_count.setText(tr("{done} of {total} documents received").format(done=done, total=total))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _ticked(self, key: str, on: bool) -> None:
        self.received = review.tick(self.received, key, on, date.today())
        self._show_count()
        self.checklist_edited.emit(review.dump_checklist(self.received))
