"""Behaviour every homestead algorithm shares: names, groups, help texts kept as data, error handling."""
from __future__ import annotations

import os

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameters,
    QgsProperty,
)
from qgis.PyQt.QtGui import QIcon

from ...cadastre.messages import CadastreError, translatable
from ...i18n import tr, user_locale
from ..library.atomic_sinks import AtomicSinks
from ..library.encodings import read_shapefiles_right
from ..library.enums import accepted_enums
from ..library.gc_threshold import fewer_collections
from ..library.output_guard import output_over_input, remove_stale_output_temporaries, unwritable_output

HELP_DIR = os.path.join(os.path.dirname(__file__), "help")
ICON = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "icon.svg")

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
    "copyprofile": "/mActionEditCopy.svg",
    "exportdxf": "/mActionFileSaveAs.svg",
    "parcelmaps": "/mActionNewLayout.svg",
    "housemaps": "/mLayoutItemMap.svg",
    "parcelsketches": "/mLayoutItemPicture.svg",
    "sheetindex": "/algorithms/mAlgorithmCreateGrid.svg",
    "sheetmaps": "/mIconAtlas.svg",
    "surveyforms": "/mActionNewReport.svg",
    "housesurveyforms": "/mActionFormView.svg",
    "noticelist": "/mLayoutItemTable.svg",
    "exportdelivery": "/mActionSharingExport.svg",
    "checkdelivery": "/algorithms/mAlgorithmCheckGeometry.svg",
    "exportshare": "/mActionSharing.svg",
    "areasummary": "/algorithms/mAlgorithmBasicStatistics.svg",
    "buildingareas": "/mActionCalculateField.svg",
    "unitcodes": "/mIconFieldText.svg",
    "parcelcodes": "/mIconFieldInteger.svg",
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
        parameters = accepted_enums(self, parameters)
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            clash = output_over_input(self, parameters, context) or unwritable_output(self, parameters)
            if clash:
                return False, clash
        return ok, message

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API name)
        parameters = accepted_enums(self, parameters)  # an enum's option number or text, whichever was given
        # checked again here: a model's child algorithms and QgsProcessingAlgorithm.run skip checkParameterValues
        clash = output_over_input(self, parameters, context) or unwritable_output(self, parameters)
        if clash:
            raise QgsProcessingException(clash)
        remove_stale_output_temporaries(self, parameters)  # what runs killed while writing left
        self._atomic_sinks = AtomicSinks()
        self._feedback = feedback
        # A refusal leaves without the frames it came through (from None, with_traceback(None)): QGIS keeps the last
        # Python error (sys.last_traceback), and the layers and layouts in those frames would outlive QGIS (3.22
        # crashes freeing them at exit).
        try:
            with fewer_collections():
                results = self.process(parameters, context, feedback)
        except CadastreError as error:
            self._atomic_sinks.discard()
            raise QgsProcessingException(error.problem.format(tr)) from None
        except OSError as error:  # a file that cannot be read or written: the file and the reason, no traceback
            self._atomic_sinks.discard()
            raise QgsProcessingException(tr(
                "Could not read or write {path}: {reason}. Check that the file or folder exists, is of the kind "
                "asked for and is readable and writable, and that the disk has free space.").format(
                path=error.filename or "", reason=error.strerror or error)) from None
        except QgsProcessingException as error:
            self._atomic_sinks.discard()
            raise error.with_traceback(None) from None
        except BaseException:
            self._atomic_sinks.discard()
            raise
        finally:
            self._feedback = None
        self._atomic_sinks.commit()
        return results

    # Every layer input is read in the encoding of its text when it is a shapefile declaring none (encodings.py):
    # the layer Processing loads for the parameter is set before the algorithm reads it.
    def parameterAsSource(self, parameters, name, context):  # noqa: N802 (QGIS API name)
        self._encode(parameters, name, context)
        return super().parameterAsSource(parameters, name, context)

    def parameterAsVectorLayer(self, parameters, name, context):  # noqa: N802 (QGIS API name)
        self._encode(parameters, name, context)
        return super().parameterAsVectorLayer(parameters, name, context)

    def parameterAsLayer(self, parameters, name, context, *args):  # noqa: N802 (QGIS API name)
        self._encode(parameters, name, context)
        return super().parameterAsLayer(parameters, name, context, *args)

    def parameterAsLayerList(self, parameters, name, context, *args):  # noqa: N802 (QGIS API name)
        self._encode(parameters, name, context)
        return super().parameterAsLayerList(parameters, name, context, *args)

    def _encode(self, parameters, name, context) -> None:
        feedback = getattr(self, "_feedback", None)
        definition = self.parameterDefinition(name)
        if feedback is None or definition is None or parameters.get(name) is None:
            return
        if isinstance(definition, QgsProcessingParameterMultipleLayers):
            layers = QgsProcessingParameters.parameterAsLayerList(definition, parameters, context)
        else:
            layers = [QgsProcessingParameters.parameterAsVectorLayer(definition, parameters, context)]
        for layer in layers:
            read_shapefiles_right(layer, context, feedback)
    def asked_for(self, parameters, name) -> bool:
        """Whether output ``name`` is to be written: it has a destination (an optional output left empty
        is skipped, as in QGIS's own algorithms)."""
        value = parameters.get(name, self.parameterDefinition(name).defaultValue())
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = value.sink
        if isinstance(value, QgsProperty) and value.propertyType() == QgsProperty.StaticProperty:
            value = value.staticValue()
        return not (value is None or (isinstance(value, str) and not value.strip()))

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
