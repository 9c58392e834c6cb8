"""A drawing process started by processing.library.parallel: runs one homestead algorithm on a chunk of pages.

Usage: python worker.py JOB.json — the job names the algorithm, its parameters (file sources, FEATURE_IDS,
RESULTS_JSON), the plugin folder, a progress file and the parent's process id. Exit code 0 when the algorithm
finished. A worker dies with its parent: the kernel kills it on Linux (PR_SET_PDEATHSIG), and a watcher thread
ends it within a second on every system once the parent is gone.
"""
import importlib
import json
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int, alive) -> None:
    """End this process when process ``parent`` ends (``alive(pid)`` tells whether a process runs)."""
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.name == "posix" and os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch():
        while alive(parent) and (os.name != "posix" or os.getppid() == parent):
            time.sleep(1.0)
        os._exit(1)  # the parent is gone: nobody will use what this process draws

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main(job_path: str) -> int:
    with open(job_path, encoding="utf-8") as handle:
        job = json.load(handle)
    plugin_dir = job["plugin_dir"]
    sys.path.insert(0, os.path.dirname(plugin_dir))
    package = os.path.basename(plugin_dir)
    if job.get("parent"):
        die_with_parent(int(job["parent"]), importlib.import_module(f"{package}.cadastre.files").process_alive)

    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    prefix = os.environ.get("HOMESTEAD_QGIS_PREFIX")
    if prefix:
        QgsApplication.setPrefixPath(prefix, True)
    app = QgsApplication([], False)
    app.initQgis()
    provider_module = importlib.import_module(f"{package}.processing.provider")
    provider = provider_module.HomesteadProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    progress_path = job["progress"]

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(self._write)

        @staticmethod
        def _write(value):
            with open(progress_path, "w", encoding="utf-8") as out:
                out.write(f"{value:.1f}")

        def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API names)
            print(error, flush=True)

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(job["algorithm"])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    _results, ok = algorithm.run(job["parameters"], context, Feedback())
    del algorithm, context
    QgsProject.instance().clear()
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
