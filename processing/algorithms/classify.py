"""homestead:classify — every parcel into the three classes of the policy, with the clauses behind it."""
from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...cadastre import schema
from ...cadastre.codes import county_of
from ...cadastre.messages import translatable
from ...cadastre.overlay import polygon_overlaps
from ...cadastre.review import take_suggestion
from ...i18n import tr
from ...rules.policy.engine import classify_all
from ...rules.policy.facts import as_code
from ...rules.policy.profile import DEFAULT_PROFILE, load_profile
from ..library import adapters, gpkg_io, postgis
from ..library.adapters import KEEP
from .base import HomesteadAlgorithm


class ClassifyAlgorithm(HomesteadAlgorithm):
    NAME = "classify"
    DISPLAY_NAME = translatable("Classify parcels (three classes)")
    GROUP = "eligibility"

    INPUT, POLICY, FARMLAND, MIN_AREA, IN_DATABASE = "INPUT", "POLICY", "FARMLAND", "MIN_AREA", "IN_DATABASE"
    OVERWRITE_CONFIRMED, OUTPUT = "OVERWRITE_CONFIRMED", "OUTPUT"
    COUNTS = {0: "CLASS_0", 1: "CLASS_1", 2: "CLASS_2", 3: "CLASS_3"}
    KEPT = "CONFIRMED_KEPT"
    OTHER_COUNTIES, OTHER_COUNTY_PARCELS = "OTHER_COUNTIES", "OTHER_COUNTY_PARCELS"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Parcels (ZD) with the survey facts"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            self.POLICY, tr("Policy profile (name or .toml file)"), DEFAULT_PROFILE))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FARMLAND, tr("Permanent basic farmland (optional: else the ZYJBNTMJ field is read)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, tr("Farmland overlap ignored up to (m²; empty: the profile's value)"),
            QgsProcessingParameterNumber.Double, None, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OVERWRITE_CONFIRMED, tr("Replace decisions a person confirmed or overrode"), False))
        self.addParameter(postgis.in_database_parameter(self.IN_DATABASE))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Classified parcels"), QgsProcessing.TypeVectorPolygon))
        for klass, output in self.COUNTS.items():
            self.addOutput(QgsProcessingOutputNumber(output, tr("Parcels in class {n}").format(n=klass)))
        self.addOutput(QgsProcessingOutputNumber(self.KEPT, tr("Confirmed decisions kept")))
        self.addOutput(QgsProcessingOutputString(
            self.OTHER_COUNTIES, tr("Counties not covered by the policy profile (code: parcels)")))
        self.addOutput(QgsProcessingOutputNumber(
            self.OTHER_COUNTY_PARCELS, tr("Parcels of counties not covered by the policy profile")))

    def process(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        profile = load_profile(self.parameterAsString(parameters, self.POLICY, context) or DEFAULT_PROFILE)
        if parameters.get(self.MIN_AREA) not in (None, ""):
            profile = dataclasses.replace(
                profile, farmland_min_area=self.parameterAsDouble(parameters, self.MIN_AREA, context))
        feedback.pushInfo(tr("Policy profile {name}: {title} ({path}).").format(
            name=profile.name, title=profile.title, path=profile.path))
        if profile.verify:
            feedback.pushWarning(tr(
                "Profile {name} marks these values as not checked against the official text: {keys}. "
                "Check them before relying on the classes.").format(name=profile.name, keys=", ".join(profile.verify)))
        overwrite = self.parameterAsBool(parameters, self.OVERWRITE_CONFIRMED, context)

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if not source.featureCount():
            raise QgsProcessingException(tr("Layer {layer} has no parcels to classify.").format(
                layer=source.sourceName()))
        facts = [f.name for f in schema.ZD_FACTS]
        data = gpkg_io.read_input(self, parameters, self.INPUT, source, context, steps, required=facts)
        adapters.report_problems(data, feedback)
        areas = self.parcel_areas(data, feedback)

        steps.setCurrentStep(1)
        farmland_areas, computed = self.farmland(parameters, context, steps, data, profile.farmland_min_area)
        if farmland_areas is None or all(value is None for value in farmland_areas):
            feedback.pushWarning(tr(
                "No farmland information: give the FARMLAND layer or run the farmland overlay first (field "
                "ZYJBNTMJ). Without it no parcel can be cleared of 四(六)1 and those parcels stay in class 0."))

        steps.setCurrentStep(2)
        codes = data.attributes.get("ZDDM") or [None] * len(data)
        labels = [str(c).strip() if c not in (None, "") else tr("fid {fid}").format(fid=fid)
                  for c, fid in zip(codes, data.ids)]
        decisions = classify_all(data.attributes, profile, areas=areas, farmland_areas=farmland_areas, labels=labels)

        others = self.other_counties(codes, profile, feedback)

        steps.setCurrentStep(3)
        added = list(schema.ZD_DECISION) + ([schema.ZD.field("ZYJBNTMJ")] if computed else [])
        review = data.attributes.get("SHZT") or [None] * len(data)
        counts = {klass: 0 for klass in self.COUNTS}
        kept, disagreements = 0, []
        values = {f.name: [KEEP] * len(data) for f in added}
        if computed:
            values["ZYJBNTMJ"] = [None if a is None else round(float(a), 2) for a in farmland_areas]
        recorded = data.attributes.get("LB") or [None] * len(data)
        for i, decision in enumerate(decisions):
            changes = take_suggestion(as_code(review[i], "SHZT"), decision.attributes(), overwrite)
            if changes is None:
                kept += 1
                final = as_code(recorded[i], "LB")
                if final != decision.lb:
                    disagreements.append(tr("{parcel}: confirmed class {confirmed}, the policy now gives {suggested}").format(
                        parcel=labels[i], confirmed=recorded[i], suggested=decision.lb))
            else:
                for name, value in changes.items():
                    values[name][i] = value
                final = decision.lb
            if final in counts:
                counts[final] += 1
        dest_id = gpkg_io.copy_out(self, parameters, self.INPUT, self.OUTPUT, context, source, added, data.ids, values, steps)

        feedback.pushInfo(tr("Classes: 1: {c1}, 2: {c2}, 3: {c3}, 0 (facts missing): {c0}.").format(
            c1=counts[1], c2=counts[2], c3=counts[3], c0=counts[0]))
        if kept:
            feedback.pushInfo(tr("{n} decisions confirmed by a person were kept (set OVERWRITE_CONFIRMED to "
                                 "replace them).").format(n=kept))
        for line in disagreements[:20]:
            feedback.pushWarning(line)
        if len(disagreements) > 20:
            feedback.pushWarning(tr("… and {n} more confirmed decisions differ from the policy.").format(
                n=len(disagreements) - 20))
        results = {self.OUTPUT: dest_id, self.KEPT: kept, self.OTHER_COUNTY_PARCELS: sum(others.values()),
                   self.OTHER_COUNTIES: "; ".join(f"{county}: {n}" for county, n in sorted(others.items()))}
        results.update({output: counts[klass] for klass, output in self.COUNTS.items()})
        return results

    @staticmethod
    def other_counties(codes, profile, feedback) -> Counter:
        """Parcels per county code (ZDDM[:6]) outside the profile's counties, said as a warning."""
        others = Counter(county for county in map(county_of, codes) if not profile.covers(county))
        if others:
            feedback.pushWarning(tr(
                "{n} parcels are in counties the policy profile {name} is not written for ({counties}; the "
                "profile covers {covered}): they are classified under {title}, which is not their county's policy, "
                "and their LBYY and XYBZ say so. Choose the county's profile (POLICY), or copy a profile with "
                "homestead:copyprofile, edit it to the county's documents and classify again.").format(
                n=sum(others.values()), name=profile.name, title=profile.title,
                counties=", ".join(f"{county} ({n})" for county, n in sorted(others.items())),
                covered=", ".join(profile.counties)))
        return others

    @staticmethod
    def parcel_areas(data, feedback) -> list:
        """Planar area (m², survey plane) of each parcel; None without a valid polygon (said per feature)."""
        areas = [None] * len(data)
        present = np.array([g is not None for g in data.geometries], dtype=bool)
        if not present.any():
            return areas
        geoms = data.geometries[present]
        valid = shapely.is_valid(geoms)
        values = shapely.area(geoms)
        for k, i in enumerate(np.flatnonzero(present)):
            if not valid[k]:
                feedback.reportError(tr(
                    "Feature {fid} of {layer} has an invalid polygon ({reason}); its area is not used and it "
                    "stays in class 0. Repair it (Vector ▸ Geometry Tools ▸ Fix Geometries) and classify again."
                ).format(fid=int(data.ids[i]), layer=data.name, reason=shapely.is_valid_reason(geoms[k])), False)
            elif values[k] > 0:
                areas[i] = float(values[k])
        return areas

    def farmland(self, parameters, context, feedback, data, min_area):
        """(farmland occupied per parcel in m², whether it was computed here) or (None, False) when unknown."""
        farmland = self.parameterAsSource(parameters, self.FARMLAND, context)
        if farmland is None:
            column = data.attributes.get("ZYJBNTMJ")
            return column, False
        tables = [postgis.input_table(self, parameters, name, context) for name in (self.INPUT, self.FARMLAND)]
        mode = self.parameterAsEnum(parameters, self.IN_DATABASE, context)
        if not data.reprojected and postgis.overlays_in_database(mode, tables, spares_reading=True):
            # the farmland patches need not come over: the database returns the overlap areas only
            feedback.pushInfo(tr("Farmland overlay computed in the database."))
            overlaps = postgis.server_overlaps(tables[0], data.ids, tables[1], min_area=min_area, pieces=False,
                                               feedback=feedback)
        else:
            patches = gpkg_io.read_input(self, parameters, self.FARMLAND, farmland, context, feedback, fields=[], crs=data.crs)
            adapters.report_problems(patches, feedback)
            overlaps = polygon_overlaps(data.geometries, patches.geometries, min_area=min_area)
        totals = overlaps.total_by_left(len(data))
        return [None if g is None else float(t) for g, t in zip(data.geometries, totals)], True

