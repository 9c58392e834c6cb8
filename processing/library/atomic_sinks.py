"""Feature sinks that never leave a half-written file under the output's name.

QGIS's sinks write straight into the output file, so a crash or kill -9 while writing leaves an empty or
half-written file (a GeoPackage with a hot journal) in place of the previous complete one. Here a file output is
redirected to a temporary file beside it (a copy of the existing file when a layer is added to it), and the
temporary replaces the output when the algorithm has completed; what QGIS sees as the output (the value returned,
the layer loaded on completion) is the final path.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from typing import Dict, List

from qgis.core import QgsDataSourceUri, QgsProcessingOutputLayerDefinition, QgsProperty

from ...cadastre.files import remove_stale_temporaries, temporary_path
from .output_guard import destination_file

# formats that hold several named layers: the temporary is given the output's layer name explicitly
MULTI_LAYER = {".gpkg", ".sqlite"}
# what SQLite and GDAL write beside a database while it is open
JOURNALS = ("-journal", "-wal", "-shm")


@dataclass
class _Pending:
    temporary: str
    final: str
    sinks: List = field(default_factory=list)


class AtomicSinks:
    """The temporary files of one run of an algorithm: ``redirect`` before QGIS creates a sink, ``commit``
    when the algorithm has completed, ``discard`` when it failed."""

    def __init__(self):
        self._pending: Dict[str, _Pending] = {}

    def redirect(self, algorithm, parameters: dict, name: str):
        """(parameters with output ``name`` pointing to a temporary file, temporary path, final path); the
        parameters unchanged and two empty strings when the output is not a local file. Temporaries that
        killed runs left in the output's folder are removed."""
        definition = algorithm.parameterDefinition(name)
        value = parameters.get(name, definition.defaultValue() if definition else None)
        final = destination_file(value, definition.defaultFileExtension() if definition else "")
        if not final:
            return parameters, "", ""
        folder = os.path.dirname(final)
        os.makedirs(folder, exist_ok=True)
        pending = self._pending.get(final)
        if pending is None:
            remove_stale_temporaries(folder)
            extension = os.path.splitext(final)[1]
            pending = _Pending(temporary_path(folder, extension), final)
            if _layer_name(value) and os.path.isfile(final):  # a layer added to an existing file keeps the others
                _copy(final, pending.temporary)
            self._pending[final] = pending
        redirected = dict(parameters)
        redirected[name] = _retarget(value, pending.temporary, final)
        return redirected, pending.temporary, final

    @staticmethod
    def final_destination(value, destination: str, temporary: str, final: str) -> str:
        """What QGIS would have returned for output ``value`` given the ``destination`` it returned for the
        temporary: the final path, with the layer name when one was given."""
        return destination.replace(temporary, final) if _layer_name(value) else final

    def adopt(self, temporary: str, final: str) -> None:
        """Take a complete ``temporary`` written by other means than a sink (the bulk GeoPackage path): it
        replaces ``final`` at commit, with the sinks' temporaries, and is removed at discard."""
        if final in self._pending:
            os.remove(temporary)
            raise ValueError(f"{final} is written twice in one run")
        self._pending[final] = _Pending(temporary, final)

    def keep(self, final: str, sink) -> None:
        """Remember ``sink`` (written into the temporary of ``final``) to close it before the rename."""
        self._pending[final].sinks.append(sink)

    def commit(self) -> None:
        """Close every sink and move each temporary onto its output."""
        self._close()
        for pending in self._pending.values():
            for temporary, final in _companions(pending.temporary, pending.final):
                os.replace(temporary, final)
        self._pending.clear()

    def discard(self) -> None:
        """Close every sink and remove the temporaries; the outputs stay as they were."""
        self._close()
        for pending in self._pending.values():
            for temporary, _final in _companions(pending.temporary, pending.final):
                os.remove(temporary)
            for journal in JOURNALS:
                if os.path.exists(pending.temporary + journal):
                    os.remove(pending.temporary + journal)
        self._pending.clear()

    def _close(self) -> None:
        import sip

        for pending in self._pending.values():
            for sink in pending.sinks:
                if not sip.isdeleted(sink):
                    sip.delete(sink)  # QGIS's sink closes its file writer when deleted
            pending.sinks.clear()


def _copy(path: str, copy: str) -> None:
    """Copy ``path`` to ``copy``; a SQLite database (GeoPackage) through SQLite's backup, which includes what is
    still in the write-ahead log of a reader that has it open."""
    if os.path.splitext(path)[1].lower() not in MULTI_LAYER:
        shutil.copyfile(path, copy)
        return
    source, target = sqlite3.connect(path), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _layer_name(value) -> str:
    """The layer name an output value gives (``|layername=`` or ``table=``), '' when none."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    value = str(value or "")
    if value.startswith(("ogr:", "spatialite:")):
        return QgsDataSourceUri(value.partition(":")[2]).table()
    return value.partition("|layername=")[2].split("|")[0]


def _retarget(value, temporary: str, final: str):
    """``value`` (an output value of any form) writing to ``temporary`` instead of ``final``. A multi-layer file
    gets its layer by name (the one given, else the one QGIS derives from the final file name)."""
    extension = os.path.splitext(final)[1].lower()
    if extension in MULTI_LAYER:
        uri = QgsDataSourceUri()
        uri.setDatabase(temporary)
        uri.setDataSource("", _layer_name(value) or os.path.splitext(os.path.basename(final))[0], "geom")
        target = f"ogr:{uri.uri(False)}"
    else:
        target = temporary
    if not isinstance(value, QgsProcessingOutputLayerDefinition):
        return target
    copied = QgsProcessingOutputLayerDefinition(value)
    copied.sink = QgsProperty.fromValue(target)
    return copied


def _companions(temporary: str, final: str):
    """(temporary, final) pairs of the files a format writes: the shapefile's .dbf, .shx, .prj, .cpg… with its
    .shp (moved last); just the file for single-file formats."""
    stem, extension = os.path.splitext(temporary)
    final_stem = os.path.splitext(final)[0]
    folder = os.path.dirname(temporary)
    pairs = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if path.startswith(stem + ".") and path != temporary and not path.endswith(JOURNALS):
            pairs.append((path, final_stem + path[len(stem):]))
    if os.path.exists(temporary):
        pairs.append((temporary, final))
    return pairs
