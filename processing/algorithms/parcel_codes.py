"""homestead:parcelcodes — 宗地代码 for new parcels (blank ZDDM or a placeholder such as …JC00000) within their
地籍子区: the next 宗地顺序号 after the highest with the same first 14 characters; existing codes are kept."""
from __future__ import annotations

import re

import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ...cadastre import unit_codes
from ...cadastre.messages import translatable
from ...i18n import tr
from ..library import house_layers as hl
from ..library.adapters import read_layer, report_problems
from .base import HomesteadAlgorithm


class ParcelCodesAlgorithm(HomesteadAlgorithm):
    NAME = "parcelcodes"
    DISPLAY_NAME = translatable("Number new parcels (宗地代码)")
    GROUP = "project"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", tr("Parcels (ZD)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterString(
            "SUBDISTRICT", tr("地籍子区 code for parcels with a blank ZDDM (12 digits)"), optional=True))
        self.addParameter(QgsProcessingParameterString("FEATURE", tr("宗地特征码 for parcels with a blank ZDDM"), "JC"))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Parcels with codes"), QgsProcessing.TypeVectorPolygon))

    def process(self, parameters, context, feedback):
        subdistrict = self.parameterAsString(parameters, "SUBDISTRICT", context).strip()
        feature = self.parameterAsString(parameters, "FEATURE", context).strip().upper()
        if subdistrict and not re.match(r"^[0-9]{12}$", subdistrict, re.ASCII):
            raise QgsProcessingException(tr("The 地籍子区 code {code} is not 12 digits (county 6 + 地籍区 3 + 地籍子区 3).").format(
                code=subdistrict))
        if not re.match(r"^[GJZ][ABSXCDEFLNHGWY]$", feature):
            raise QgsProcessingException(tr("The 宗地特征码 {code} is not two letters such as JC (宅基地) or JB.").format(
                code=feature or "—"))
        source = self.parameterAsSource(parameters, "INPUT", context)
        data = read_layer(source, context, feedback, fields=["ZDDM"], required=["ZDDM"], keep_features=True)
        report_problems(data, feedback)
        # new parcels are numbered from north to south, then west to east (by a point inside each)
        centres = shapely.centroid(data.geometries)
        xs, ys = shapely.get_x(centres), shapely.get_y(centres)  # NaN for a missing or empty geometry: last
        order = sorted(range(len(data)), key=lambda i: (1, 0, i) if np.isnan(ys[i]) else (0, -ys[i], xs[i]))
        codes, new, problems = unit_codes.parcel_codes([data.column("ZDDM")[i] for i in order], subdistrict, feature,
                                                       ids=[data.ids[i] for i in order])
        result = np.empty(len(data), dtype=object)
        result[order] = codes
        for _row, problem in problems:
            feedback.reportError(problem.format(tr), False)
        dest = hl.write_copy(self, parameters, "OUTPUT", context, source, data, [hl.ZDDM], {"ZDDM": list(result)}, feedback)
        feedback.pushInfo(tr("{new} of {n} parcels got a new 宗地代码.").format(new=sum(new), n=len(data)))
        return {"OUTPUT": dest}
