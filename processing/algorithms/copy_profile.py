"""homestead:copyprofile — a shipped policy profile copied to a file of the county's own, to edit and classify with."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...cadastre.files import atomic_output
from ...cadastre.messages import translatable
from ...i18n import tr
from ...rules.policy.profile import DEFAULT_PROFILE, POLICIES_DIR, available_profiles, load_profile
from ...rules.policy.profile_copy import copy_text, parse_counties
from .base import HomesteadAlgorithm


class CopyProfileAlgorithm(HomesteadAlgorithm):
    NAME = "copyprofile"
    DISPLAY_NAME = translatable("Copy a policy profile")
    GROUP = "eligibility"

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS API name)
        names = available_profiles()
        self.addParameter(QgsProcessingParameterEnum(
            "PROFILE", tr("Shipped policy profile to copy"), names, defaultValue=names.index(DEFAULT_PROFILE)))
        self.addParameter(QgsProcessingParameterString(
            "NAME", tr("Name of the copy (Latin letters, digits, _ and -; empty: the file's name)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            "COUNTIES", tr("Administrative codes it is for (e.g. 430381; several separated by commas; empty: "
                           "those of the copied profile)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", tr("Policy profile file"), tr("Policy profiles (*.toml)")))

    def process(self, parameters, context, feedback):
        source = available_profiles()[self.parameterAsEnum(parameters, "PROFILE", context)]
        target = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not target.lower().endswith(".toml"):
            target += ".toml"
        if os.path.realpath(os.path.dirname(os.path.abspath(target))) == os.path.realpath(POLICIES_DIR):
            raise QgsProcessingException(tr(
                "{path} is in the plugin's own profile folder, which a plugin update replaces: save the copy "
                "in the survey's folder instead.").format(path=target))
        name = self.parameterAsString(parameters, "NAME", context).strip() or \
            os.path.splitext(os.path.basename(target))[0]
        counties = parse_counties(self.parameterAsString(parameters, "COUNTIES", context))
        text = copy_text(source, name, counties)
        with atomic_output(target) as tmp:
            with open(tmp, "w", encoding="utf-8") as handle:
                handle.write(text)
            profile = load_profile(tmp)  # the copy must load as it is
        feedback.pushInfo(tr("Policy profile {name} (copied from {source}, for {counties}) written to {path}. Edit "
                             "it to the county's documents, then classify with POLICY = {path}.").format(
            name=profile.name, source=source, counties=", ".join(profile.counties) or tr("any county"), path=target))
        return {"OUTPUT": target}
