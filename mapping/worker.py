"""A drawing process started by mapping.parallel: runs one homestead algorithm on a chunk of pages.

Usage: python worker.py JOB.json — the job names the algorithm, its parameters (file sources, FEATURE_IDS,
RESULTS_JSON), the plugin folder and a progress file. Exit code 0 when the algorithm finished.
"""
import importlib
import json
import os
import sys


def main(job_path: str) -> int:
    with open(job_path, encoding="utf-8") as handle:
        job = json.load(handle)
    plugin_dir = job["plugin_dir"]
    sys.path.insert(0, os.path.dirname(plugin_dir))
    package = os.path.basename(plugin_dir)

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
