"""The QGIS side of reviewing: decisions go into the parcel layer's edit buffer (one undo command each) and
their audit records are appended to the SHJL table of the same GeoPackage when the edits are saved.

SHJL records what was saved, not what was clicked: a decision's record waits with its undo command and is
appended when the layer commits that parcel's change (committedAttributeValuesChanges), so a decision undone,
discarded (rollback) or lost with QGIS before saving leaves no row. SHJL is append-only: rows are only ever
added, through the data provider (the table is set read-only in the project so nobody edits it by hand).
"""
from __future__ import annotations

from datetime import datetime
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from qgis.core import Qgis, QgsFeature, QgsMessageLog, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QDateTime, QObject

from ..cadastre import review, schema
from ..cadastre.database import pg_schema
from ..cadastre.messages import CadastreError, fail, translatable
from ..i18n import tr
from ..processing.library import postgis
from ..processing.library.layers import create_gpkg_layer
from .project_layers import gpkg_table

AUDIT_TABLE = schema.SHJL.name


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def to_qgis(value):
    """Python values → what QGIS field setters take (datetime → QDateTime, None → NULL)."""
    if isinstance(value, datetime):
        return QDateTime(value)
    if hasattr(value, "isoformat") and hasattr(value, "year") and not hasattr(value, "hour"):
        return QDate(value)
    return value


def from_qgis(value):
    """QVariant NULL → None, Qt dates → Python."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime()
    if isinstance(value, QDate):
        return value.toPyDate()
    return value


class AuditTrail:
    """Appends audit records to the SHJL table of the GeoPackage that holds the parcel layer."""

    def __init__(self, parcels: QgsVectorLayer, project: QgsProject):
        table = gpkg_table(parcels)
        if table is None:
            raise fail("AUDIT_NOT_GPKG", translatable(
                "Layer {layer} is not in a GeoPackage, so the review panel cannot keep its audit trail (SHJL) "
                "beside it. Save the parcels into the survey GeoPackage (homestead:createproject) and review there."),
                layer=parcels.name())
        self.path = table[0]
        self.layer = self._project_layer(project) or self._own_layer(parcels)
        missing = [f for f in schema.SHJL.field_names if self.layer.fields().indexOf(f) < 0]
        if missing:
            raise fail("AUDIT_FIELDS", translatable(
                "The audit table SHJL of {path} lacks the field(s) {fields}; it was not made by this plugin."),
                path=self.path, fields=", ".join(missing))

    def _project_layer(self, project: QgsProject) -> Optional[QgsVectorLayer]:
        # Appending through the project's own SHJL layer lets its open attribute table show the new rows.
        for layer in project.mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and gpkg_table(layer) == (self.path, AUDIT_TABLE):
                layer.setReadOnly(True)
                return layer
        return None

    def _own_layer(self, parcels: QgsVectorLayer) -> QgsVectorLayer:
        layer = QgsVectorLayer(f"{self.path}|layername={AUDIT_TABLE}", AUDIT_TABLE, "ogr")
        if not layer.isValid():  # an older survey file: add the table
            del layer
            create_gpkg_layer(self.path, schema.SHJL, parcels.crs(), overwrite_file=False)
            layer = QgsVectorLayer(f"{self.path}|layername={AUDIT_TABLE}", AUDIT_TABLE, "ogr")
        return layer

    def append(self, records: Iterable[review.AuditRecord]) -> int:
        fields = self.layer.fields()
        features = []
        for record in records:
            feature = QgsFeature(fields)
            for name, value in record.values().items():
                feature[name] = to_qgis(value)
            features.append(feature)
        if not features:
            return 0
        ok, _added = self.layer.dataProvider().addFeatures(features)
        if not ok:
            raise fail("AUDIT_WRITE", translatable(
                "Could not append to the audit table SHJL of {path}: {error}. The decisions just saved have no audit "
                "record; note them by hand."),
                path=self.path, error="; ".join(self.layer.dataProvider().errors()) or "?")
        self.layer.dataChanged.emit()
        return len(features)

    def close(self, project: QgsProject) -> None:
        if project.mapLayer(self.layer.id()) is None:
            del self.layer


class DatabaseTrail:
    """The audit trail of a PostGIS survey schema made by homestead:createproject: the database itself appends
    the SHJL row when a decision is saved, in the same transaction (cadastre/database/pg_schema.py), so the panel adds
    none (a decision undone before saving never reached the database and leaves no row)."""

    def append(self, records) -> int:
        return 0

    def close(self, project: QgsProject) -> None:
        pass


def with_row_version(layer: QgsVectorLayer, feature, new: Dict[int, object]) -> Dict[int, object]:
    """``new`` plus the row version BBH as read, for a PostGIS layer: sent back unchanged, it makes the
    database refuse the save when someone else changed the parcel meanwhile (cadastre/database/pg_schema.py)."""
    index = layer.fields().indexOf(pg_schema.ROW_VERSION)
    if index < 0 or layer.providerType() != "postgres" or index in new:
        return new
    return {**new, index: feature.attribute(index)}


class DecisionWriter(QObject):
    """Writes reviews of one parcel layer: field values through the edit buffer, records to the audit trail
    once the layer has saved them."""

    def __init__(self, layer: QgsVectorLayer, trail: AuditTrail, reviewer: Callable[[], str], parent=None):
        super().__init__(parent)
        self.layer = layer
        self.trail = trail
        self.reviewer = reviewer
        self._records: Dict[str, Tuple[int, review.AuditRecord]] = {}  # undo command text -> (fid, its record)
        self._saving: List[Tuple[int, review.AuditRecord]] = []  # the records of the decisions being committed
        self._serial = 0
        layer.beforeCommitChanges.connect(self._on_before_commit)
        layer.committedAttributeValuesChanges.connect(self._on_committed)
        layer.afterCommitChanges.connect(self._forget)
        layer.afterRollBack.connect(self._forget)

    def disconnect_layer(self) -> None:
        for signal, slot in ((self.layer.beforeCommitChanges, self._on_before_commit),
                             (self.layer.committedAttributeValuesChanges, self._on_committed),
                             (self.layer.afterCommitChanges, self._forget),
                             (self.layer.afterRollBack, self._forget)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    # --- reading ---------------------------------------------------------------------------------------
    def feature(self, fid: int) -> QgsFeature:
        feature = self.layer.getFeature(fid)
        if not feature.isValid():
            raise fail("REVIEW_NO_FEATURE", translatable("Parcel {fid} is no longer in layer {layer}."),
                       fid=fid, layer=self.layer.name())
        return feature

    def values(self, feature: QgsFeature, names: Iterable[str]) -> Dict[str, object]:
        fields = feature.fields()
        return {n: from_qgis(feature[n]) for n in names if fields.indexOf(n) >= 0}

    # --- decisions -------------------------------------------------------------------------------------
    def confirm(self, fid: int, note: str = "") -> None:
        current = self.values(self.feature(fid), ("ZDDM", "LB", "SHZT"))
        decision = review.confirm(current["ZDDM"] or str(fid), current["LB"], current["SHZT"], self.reviewer(), now(),
                                  note or tr("Confirmed the suggested class"))
        self.apply(fid, decision, tr("Confirm the class of {zddm}").format(zddm=current["ZDDM"] or fid))

    def override(self, fid: int, new_class: int, reason: str) -> None:
        current = self.values(self.feature(fid), ("ZDDM", "LB", "SHZT"))
        decision = review.override(current["ZDDM"] or str(fid), current["LB"], current["SHZT"], new_class,
                                   self.reviewer(), now(), reason)
        self.apply(fid, decision, tr("Choose class {lb} for {zddm}").format(lb=new_class, zddm=current["ZDDM"] or fid))

    def edit(self, fid: int, changes: Mapping[str, object], description: str,
             renewed: Optional[Mapping[str, object]] = None, reason: str = "") -> None:
        """Set field values (facts, checklist); with ``renewed`` (the engine's new decision fields) the
        suggestion is renewed in the same undo step and audited when the class or state changes."""
        values = dict(changes)
        audit = None
        if renewed is not None:
            current = self.values(self.feature(fid), ("ZDDM", "LB", "SHZT"))
            decision = review.renew_suggestion(current["ZDDM"] or str(fid), current["LB"], current["SHZT"], renewed,
                                               self.reviewer(), now(), reason)
            values.update(decision.changes)
            audit = decision.audit
        self.apply(fid, review.Review(values, audit), description)

    def apply(self, fid: int, decision: review.Review, description: str) -> None:
        """Write ``decision`` as one undo command named ``description``, then append its audit record."""
        layer = self.layer
        if not layer.isEditable() and not layer.startEditing():
            raise fail("REVIEW_READ_ONLY", translatable(
                "Layer {layer} cannot be edited (read-only file or provider), so the decision was not written."),
                layer=layer.name())
        fields = layer.fields()
        missing = [name for name in decision.changes if fields.indexOf(name) < 0]
        if missing:
            raise fail("REVIEW_FIELDS", translatable(
                "Layer {layer} lacks the field(s) {fields}; add them from the survey schema (homestead:createproject)."),
                layer=layer.name(), fields=", ".join(missing))
        if decision.audit is not None:
            self.trail.open()  # refuse before editing when there can be no audit record
        feature = self.feature(fid)
        new = with_row_version(layer, feature, {fields.indexOf(n): to_qgis(v) for n, v in decision.changes.items()})
        old = {i: feature.attribute(i) for i in new}
        self._serial += 1
        text = f"{description} [{self._serial}]"
        layer.beginEditCommand(text)
        if not layer.changeAttributeValues(fid, new, old):
            layer.destroyEditCommand()
            raise fail("REVIEW_EDIT", translatable("Layer {layer} refused the change of parcel {fid}."),
                       layer=layer.name(), fid=fid)
        layer.endEditCommand()
        if decision.audit is not None:
            self._records[text] = (fid, decision.audit)  # appended to SHJL when the layer saves it

    def pending(self) -> List[Tuple[int, review.AuditRecord]]:
        """(fid, record) of the decisions in the edit buffer (not undone), in the order they were made."""
        stack = self.layer.undoStack()
        applied = (self._records.get(stack.command(i).text()) for i in range(stack.index()))
        return [entry for entry in applied if entry is not None]

    def _on_before_commit(self, *_stop_editing) -> None:
        self._saving = self.pending()

    def _on_committed(self, _layer_id, changes) -> None:
        """The provider has stored ``changes`` ({fid: {field index: value}}): the decisions among them are saved."""
        saved = [record for fid, record in self._saving if fid in changes]
        self._saving = [(fid, record) for fid, record in self._saving if fid not in changes]
        if not saved:
            return
        try:
            self.trail.append(saved)
        except CadastreError as error:  # a slot: the decisions are saved, say that their records are not
            QgsMessageLog.logMessage(error.problem.format(tr), "房地一体", Qgis.Critical)

    def _forget(self, *_args) -> None:
        self._records.clear()
        self._saving = []


class LazyTrail:
    """The audit trail of a layer, opened (and SHJL created if missing) at the first decision."""

    def __init__(self, layer: QgsVectorLayer):
        self.layer = layer
        self._trail = None  # AuditTrail, or DatabaseTrail for a PostGIS survey schema

    def open(self):
        if self._trail is None:
            if postgis.audit_written_by_database(self.layer):
                self._trail = DatabaseTrail()
            else:
                self._trail = AuditTrail(self.layer, QgsProject.instance())
        return self._trail

    def append(self, records) -> int:
        return self.open().append(records)

    def close(self) -> None:
        if self._trail is not None:
            self._trail.close(QgsProject.instance())
            self._trail = None
