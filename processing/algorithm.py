"""Behaviour every homestead algorithm shares: names, groups, help texts kept as data, error handling."""
from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..cadastre.messages import CadastreError, translatable
from ..i18n import tr, user_locale
from .atomic_sinks import AtomicSinks
from .files import output_over_input, remove_stale_output_temporaries, unwritable_output
from .gc_pause import fewer_collections

HELP_DIR = os.path.join(os.path.dirname(__file__), "help")
ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icon.svg")

# group id -> English title (translated through tr at display time)
GROUPS = {
    "project": translatable("Project and data"),
    "geometry": translatable("Areas and boundaries"),
    "checks": translatable("Overlay and checks"),
    "eligibility": translatable("Eligibility"),
    "maps": translatable("Maps and documents"),
}


# QGIS theme icon per algorithm (toolbox, menu and toolbar alike); the plugin icon for any not listed
ICONS = {
    "createproject": "/mActionNewGeoPackageLayer.svg",
    "importsurvey": "/mActionDataSourceManager.svg",
    "parcelsfrompoints": "/mActionAddPolygon.svg",
    "parcelareas": "/mActionMeasureArea.svg",
    "boundarypoints": "/mActionCapturePoint.svg",
    "boundarytable": "/mIconTableLayer.svg",
    "farmlandoverlay": "/algorithms/mAlgorithmIntersect.svg",
    "qualitycheck": "/mIconWarning.svg",
    "classify": "/mActionFilter2.svg",
    "exportdxf": "/mActionFileSaveAs.svg",
    "parcelmaps": "/mActionNewLayout.svg",
    "housemaps": "/mLayoutItemMap.svg",
    "parcelsketches": "/mLayoutItemPicture.svg",
    "sheetindex": "/algorithms/mAlgorithmCreateGrid.svg",
    "sheetmaps": "/mIconAtlas.svg",
    "surveyforms": "/mActionNewReport.svg",
    "noticelist": "/mLayoutItemTable.svg",
    "exportdelivery": "/mActionSharingExport.svg",
    "checkdelivery": "/algorithms/mAlgorithmCheckGeometry.svg",
    "exportshare": "/mActionSharing.svg",
    "areasummary": "/algorithms/mAlgorithmBasicStatistics.svg",
}


def help_text(name: str, locale: str = "") -> str:
    """The help page of algorithm ``name`` for ``locale`` (zh_CN when QGIS speaks Chinese, else English)."""
    locale = locale or user_locale()
    folder = "zh_CN" if locale.startswith("zh") else "en"
    for candidate in (folder, "en"):
        path = os.path.join(HELP_DIR, candidate, f"{name}.html")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                return handle.read()
    return ""


class HomesteadAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set NAME, DISPLAY_NAME (English, wrapped in translatable()), GROUP and implement process()."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP = "project"

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 (QGIS API name)
        return tr(self.DISPLAY_NAME)

    def group(self):
        return tr(GROUPS[self.GROUP])

    def groupId(self):  # noqa: N802 (QGIS API name)
        return self.GROUP

    def shortHelpString(self):  # noqa: N802 (QGIS API name)
        return help_text(self.NAME)

    def icon(self):
        return QgsApplication.getThemeIcon(ICONS[self.NAME]) if self.NAME in ICONS else QIcon(ICON)

    def createInstance(self):  # noqa: N802 (QGIS API name)
        return type(self)()

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            clash = output_over_input(self, parameters, context) or unwritable_output(self, parameters)
            if clash:
                return False, clash
        return ok, message

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        # checked again here: a model's child algorithms and QgsProcessingAlgorithm.run skip checkParameterValues
        clash = output_over_input(self, parameters, context) or unwritable_output(self, parameters)
        if clash:
            raise QgsProcessingException(clash)
        remove_stale_output_temporaries(self, parameters)  # what runs killed while writing left
        self._atomic_sinks = AtomicSinks()
        try:
            with fewer_collections():
                results = self.process(parameters, context, feedback)
        except CadastreError as error:
            self._atomic_sinks.discard()
            raise QgsProcessingException(error.problem.format(tr)) from error
        except OSError as error:  # a file that cannot be read or written: the file and the reason, no traceback
            self._atomic_sinks.discard()
            raise QgsProcessingException(tr(
                "Could not read or write {path}: {reason}. Check that the file or folder exists, is of the kind "
                "asked for and is readable and writable, and that the disk has free space.").format(
                path=error.filename or "", reason=error.strerror or error)) from error
        except BaseException:
            self._atomic_sinks.discard()
            raise
        self._atomic_sinks.commit()
        return results

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):  # noqa: N802 (QGIS API name)
        """QGIS's sink for output ``name``, writing a file output to a temporary file beside it that replaces
        the output when the algorithm completes; the destination returned (and loaded) is the final one."""
        atomic = getattr(self, "_atomic_sinks", None)
        redirected, temporary, final = (parameters, "", "") if atomic is None else atomic.redirect(self, parameters, name)
        sink, destination = super().parameterAsSink(redirected, name, context, *args, **kwargs)
        if not temporary or sink is None:
            return sink, destination
        atomic.keep(final, sink)
        final_destination = atomic.final_destination(parameters.get(name), destination, temporary, final)
        loading = context.layersToLoadOnCompletion()
        if destination in loading:
            loading[final_destination] = loading.pop(destination)
            context.setLayersToLoadOnCompletion(loading)
        return sink, final_destination

    def process(self, parameters, context, feedback):
        raise NotImplementedError
