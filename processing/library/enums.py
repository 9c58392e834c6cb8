"""Enum parameter values given either way: as the option's number (what `qgis_process help` lists) or as its text.

QGIS accepts only numbers for an enum of numbered options and only the texts for an enum of static strings;
``accepted_enums`` rewrites each given value into the form its parameter takes, before QGIS checks or reads it.
An option's text matches as listed (in the interface language), as its English source or ignoring case.
"""
from __future__ import annotations

from typing import List, Optional

from qgis.core import QgsProcessingParameterEnum

from ...i18n import tr


def accepted_enums(algorithm, parameters: dict) -> dict:
    """A copy of ``parameters`` with every enum value of ``algorithm`` in the form QGIS accepts for it."""
    result = dict(parameters)
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if isinstance(definition, QgsProcessingParameterEnum) and result.get(name) is not None:
            result[name] = _canonical(definition, result[name])
    return result


def _canonical(definition: QgsProcessingParameterEnum, value):
    """``value`` as option numbers or texts, as ``definition`` takes them; unchanged when it names no option."""
    if definition.allowMultiple():
        parts = value.split(",") if isinstance(value, str) else value
        if not isinstance(parts, (list, tuple)):
            parts = [parts]
        chosen = [_option(definition, part) for part in parts]
        return value if None in chosen else [_form(definition, index) for index in chosen]
    index = _option(definition, value)
    return value if index is None else _form(definition, index)


def _form(definition: QgsProcessingParameterEnum, index: int):
    return definition.options()[index] if definition.usesStaticStrings() else index


def _option(definition: QgsProcessingParameterEnum, value) -> Optional[int]:
    """The number of the option ``value`` names (its number or its text), or None."""
    options: List[str] = definition.options()
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and int(value) == value:
        return int(value) if 0 <= value < len(options) else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text in options:  # the text itself first: a static string may look like a number
        return options.index(text)
    if text.isdigit():
        return int(text) if int(text) < len(options) else None
    translated = tr(text)
    if translated in options:
        return options.index(translated)
    folded = [option.casefold() for option in options]
    return folded.index(text.casefold()) if text.casefold() in folded else None
