"""Errors and findings as values: a stable id and an English message template for the user.

The QGIS side translates the template through Qt (``tr``) and fills in the arguments, so the core stays
free of Qt. ``translatable`` marks a literal for the translation extractor (tools/i18n.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict


def translatable(text: str) -> str:
    """Mark a message template for extraction into i18n/; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input, said once, at the boundary."""

    id: str
    template: str
    args: Dict[str, Any] = field(default_factory=dict)

    def format(self, translate=lambda s: s) -> str:
        return translate(self.template).format(**self.args)

    def __str__(self) -> str:
        return self.format()


class CadastreError(ValueError):
    """A refusal the user can act on; carries a Problem."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def fail(id_: str, template: str, **args) -> CadastreError:
    return CadastreError(Problem(id_, template, args))
