"""The QGIS user interface of the plugin: the review dock (审核面板) and its parts."""
