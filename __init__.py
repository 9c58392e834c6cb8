"""Homestead Cadastre 房地一体权籍调查: QGIS plugin entry point."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import HomesteadCadastrePlugin

    return HomesteadCadastrePlugin(iface)
