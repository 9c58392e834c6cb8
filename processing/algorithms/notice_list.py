"""homestead:noticelist — 公告 lists per village, with the notice period counted in Chinese working days."""
from __future__ import annotations

import csv
import datetime as dt
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...cadastre import workdays
from ...cadastre.documents import notice_gate, notices
from ...cadastre.documents import ruled_tables as documents
from ...cadastre.files import atomic_output
from ...cadastre.messages import fail, translatable
from ...i18n import tr
from ...mapping.documents import write_pdf
from ...rules.policy.profile import DEFAULT_PROFILE, load_profile
from ..library import map_inputs
from .map_base import MapsAlgorithm

KIND_NAMES = (
    translatable("Registration notice (15 working days): parcels of the chosen classes"),
    translatable("Homesteads without ownership-source documents (30 days): YQSLY = 0"),
    translatable("Houses built after 2008 without planning documents (15 days): JFNF ≥ 2008"),
)
UNITS = (translatable("Notice default"), translatable("Working days"), translatable("Calendar days"))
FORMATS = ((translatable("XLSX and PDF"), (True, True)), (translatable("XLSX only"), (True, False)),
           (translatable("PDF only"), (False, True)))
ZD_FIELDS = ["ZDDM", "QLRMC", "ZL", "ZDMJ", "DJMJ", "YT", "LB", "YQSLY", "JFNF", "SHZT"]


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise fail("NOTICE_DATE", translatable("The notice start date {text} is not a date like 2020-06-01."),
                   text=text) from None


class NoticeListAlgorithm(MapsAlgorithm):
    NAME = "noticelist"
    DISPLAY_NAME = translatable("Public notice lists (公告)")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.add_parcels()
        self.addParameter(QgsProcessingParameterEnum("KIND", tr("Notice"), [tr(k) for k in KIND_NAMES], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            "POLICY", tr("Policy profile for the notice periods (name or .toml file)"), DEFAULT_PROFILE))
        self.addParameter(QgsProcessingParameterString(
            "CLASSES", tr("Classes (LB) on the registration notice, comma-separated"), "1", optional=True))
        map_inputs.optional_source(self, "QUALITY_ERRORS", tr("Quality-check findings (from homestead:qualitycheck): "
                                                              "parcels with an error are left out"), QgsProcessing.TypeVector)
        self.addParameter(QgsProcessingParameterString(
            "START", tr("Notice start date (YYYY-MM-DD; default: today)"), optional=True))
        days = QgsProcessingParameterNumber("DAYS", tr("Notice period in days (0: as the policy profile says)"),
                                            QgsProcessingParameterNumber.Integer, 0, False, 0, 365)
        days.setFlags(days.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(days)
        self.add_advanced(QgsProcessingParameterEnum("UNIT", tr("Counted in"), [tr(u) for u in UNITS], defaultValue=0))
        self.addParameter(QgsProcessingParameterString("ISSUER", tr("Issued by (公告单位)"), optional=True))
        self.addParameter(QgsProcessingParameterString("PLACE", tr("Place name in the title (e.g. the village)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum("FORMAT", tr("Output"), [tr(f[0]) for f in FORMATS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder")))
        self.addOutput(QgsProcessingOutputNumber("LISTS", tr("Notice lists written")))
        self.addOutput(QgsProcessingOutputNumber("PARCELS_LISTED", tr("Parcels listed")))
        self.addOutput(QgsProcessingOutputString("PERIOD", tr("Notice period")))
        self.addOutput(QgsProcessingOutputBoolean(
            "PROVISIONAL", tr("Notice period provisional (a year's holidays not known: weekends only)")))
        self.addOutput(QgsProcessingOutputNumber("PARCELS_HELD", tr("Parcels left out")))
        self.addOutput(QgsProcessingOutputFile("HELD_REPORT", tr("Parcels left out, with the reasons (CSV)")))

    def process(self, parameters, context, feedback):
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        prefix = self.parameterAsString(parameters, "VILLAGE", context).strip()
        kind = notices.KINDS[self.parameterAsEnum(parameters, "KIND", context)]
        start_text = self.parameterAsString(parameters, "START", context)
        start = parse_date(start_text) if start_text else dt.date.today()
        profile = load_profile(self.parameterAsString(parameters, "POLICY", context) or DEFAULT_PROFILE)
        days = self.parameterAsInt(parameters, "DAYS", context) or profile.notices.get(notices.PROFILE_KEYS[kind.key])
        unit = (None, workdays.WORKING_DAYS, workdays.CALENDAR_DAYS)[self.parameterAsEnum(parameters, "UNIT", context)]
        planning = profile.dates.get("planning_notice_from")
        planning_from = planning.year if planning is not None else notices.PLANNING_LAW_YEAR
        feedback.pushInfo(tr("Notice period: {days} days ({profile}).").format(days=days or kind.days, profile=profile.name))
        try:
            classes = [int(c) for c in self.parameterAsString(parameters, "CLASSES", context).split(",") if c.strip()]
        except ValueError:
            raise QgsProcessingException(tr("Classes must be numbers separated by commas, e.g. 1,2.")) from None
        targets = map_inputs.target_ids(self, parameters, context, "PARCELS", "ZDDM", prefix)
        # the whole layer: a code is a duplicate even when its twin is not selected
        source = map_inputs.whole_layer(self, parameters, context, "PARCELS")
        data = map_inputs.read(source, context, feedback, ZD_FIELDS, required=["ZDDM"], geometry=False)
        table = map_inputs.to_table(data)
        index_of = {int(fid): i for i, fid in enumerate(data.ids)}
        wanted = [index_of[f] for f in targets if f in index_of]
        candidates = notices.candidates(table, kind, classes or (1,), wanted, planning_from)
        listed, held = notice_gate.screen(_rows(table), candidates, kind.key == notices.REGISTRATION.key,
                                          self._error_codes(parameters, context, feedback))
        os.makedirs(folder, exist_ok=True)
        held_report = self._write_held(os.path.join(folder, f"notice_{kind.key}_left_out.csv"), held)
        self._report_held(held, held_report, feedback)
        calendar = workdays.Calendar(profile.holidays)
        lists = notices.notice_lists(table, kind, start, days, unit, classes or (1,),
                                     self.parameterAsString(parameters, "ISSUER", context), listed, planning_from,
                                     calendar)
        if not lists:
            raise QgsProcessingException(tr("No parcel qualifies for this notice among the {n} given ({held} left out: "
                                            "see {report}).").format(n=len(targets), held=len(held), report=held_report))
        place = self.parameterAsString(parameters, "PLACE", context)
        xlsx, pdf = FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)][1]
        listed = 0
        for n, notice in enumerate(lists):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled."))
            notice.place = place
            sheet = notice.sheet()
            stem = f"notice_{kind.key}_{notice.village or 'all'}"
            if xlsx:
                with atomic_output(os.path.join(folder, stem + ".xlsx")) as tmp:
                    documents.write_xlsx(tmp, [sheet])
            if pdf:
                with atomic_output(os.path.join(folder, stem + ".pdf")) as tmp:
                    write_pdf(tmp, [sheet], sheet.title)
            listed += len(notice.rows)
            feedback.pushInfo(tr("{village}: {n} parcels, notice from {start} to {end}.").format(
                village=notice.village, n=len(notice.rows), start=notice.period.start, end=notice.period.end))
            feedback.setProgress(100.0 * (n + 1) / len(lists))
        period = lists[0].period
        if period.provisional:
            feedback.pushWarning(tr(
                "The holiday schedule of {years} is known neither to the chinesecalendar package nor to the plugin: "
                "the notice period ({start} to {end}) is counted with weekends only and marked provisional on the "
                "notice. Update chinesecalendar, or add the year's State Council notice to the policy profile "
                "([holidays.{year}]), and write the notice again.").format(
                years=", ".join(map(str, period.provisional)), start=period.start, end=period.end,
                year=period.provisional[0]))
        return {"OUTPUT_FOLDER": folder, "LISTS": len(lists), "PARCELS_LISTED": listed,
                "PERIOD": f"{period.start.isoformat()}/{period.end.isoformat()}", "PARCELS_HELD": len(held),
                "PROVISIONAL": bool(period.provisional),
                "HELD_REPORT": held_report}

    def _error_codes(self, parameters, context, feedback):
        """Parcel code -> rule ids of the error findings of the QUALITY_ERRORS layer (empty without it)."""
        return notice_gate.error_codes(map_inputs.findings(self, parameters, context, feedback) or [])

    @staticmethod
    def _write_held(path, held):
        """The CSV of the parcels left out (Chinese headers; UTF-8 with BOM, opens in Excel)."""
        with atomic_output(path) as tmp:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(notice_gate.REPORT_COLUMNS)
                writer.writerows(h.row() for h in held)
        return path

    @staticmethod
    def _report_held(held, path, feedback):
        if not held:
            feedback.pushInfo(tr("Every parcel of this notice passed the checks (reviewed, valid unique code, no error)."))
            return
        for h in held:
            feedback.pushInfo(tr("Left out of the notice: {code} ({owner}): {reasons}").format(
                code=h.code or "—", owner=h.owner or "—", reasons="；".join(h.reasons)))
        feedback.reportError(tr("{n} parcels were left out of the notice; the reasons are in {report}.").format(
            n=len(held), report=path), False)


def _rows(table):
    """The table's attributes as one dict per feature."""
    names = list(table.attributes)
    columns = [list(table.attributes[name]) for name in names]
    return [dict(zip(names, values)) for values in zip(*columns)] if columns else []
