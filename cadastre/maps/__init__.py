"""What map products show (宗地图, 房产图, 套合图, 草图, DXF), worked out without QGIS."""
