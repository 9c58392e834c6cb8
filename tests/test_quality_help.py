"""The help pages carry the rule catalogue generated from the registry, in both languages."""
from conftest import REPO

from homestead_cadastre.rules.quality import catalogue
from homestead_cadastre.rules.quality.registry import RULES


def test_help_tables_are_the_registry():
    for language in ("en", "zh_CN"):
        page = (REPO / "processing" / "algorithms" / "help" / language / "qualitycheck.html").read_text(encoding="utf-8")
        assert catalogue.html_table(language) in page, f"run tools/make_rule_catalogue.py ({language})"
        for rule in RULES:
            assert rule.id in page and rule.title(language) in page


def test_catalogue_lists_parameters_with_processing_names():
    rows = {r[0]: r for r in catalogue.rows("en")}
    assert "ZD_GAP_WIDTH = 0.5 m" in rows["ZD_GAP"][4]
    assert rows["ZD_DUPCODE"][4] == "—" and rows["BASEMAP_SHIFT"][3].endswith("(needs BUILDINGS, BASEMAP)")
