# Homestead Cadastre — developer commands. `make demo` and `make test` each set up a fresh Debian 12 first.
SHELL := /bin/bash
VENV ?= .venv
PY := /usr/bin/python3
VPY := $(VENV)/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= $(CURDIR)/build/xdg
export QGIS_PLUGINPATH := $(CURDIR)/build/plugins
export QGIS_CUSTOM_CONFIG_PATH ?= $(CURDIR)/build/qgis-config
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup test test-qgis340 clean-qgis340 demo package lint translations i18n-update sample-data clean \
	bench bench-boundary bench-checks bench-maps bench-dock bench-postgis bench-table screenshot

setup:
	@VENV=$(VENV) bash tools/setup.sh
	@mkdir -p $(XDG_RUNTIME_DIR) $(QGIS_CUSTOM_CONFIG_PATH) && chmod 700 $(XDG_RUNTIME_DIR)

translations: setup
	@lrelease -silent i18n/homestead_cadastre_zh_CN.ts -qm i18n/homestead_cadastre_zh_CN.qm

# Re-extract the tr() strings into the .ts (keeps existing translations); then translate what is new.
i18n-update: setup
	@$(VPY) tools/i18n.py update

test: translations
	@$(VPY) -P -m pytest $(PYTEST_ARGS)

# The same suite on QGIS 3.40 LTR / Python 3.13, in a Debian 13 chroot (.chroot-trixie/, built once; root).
test-qgis340:
	@bash tools/qgis340.sh $(PYTEST_ARGS)

clean-qgis340:
	@bash tools/qgis340.sh --remove

# The PostGIS tests against a throwaway PostgreSQL 15 + PostGIS server on 127.0.0.1 (installed from Debian
# when missing, stopped on exit); `make test` skips them when no server is given (HC_TEST_PG).
.PHONY: test-postgis
test-postgis: translations
	@tools/pg_test_server.sh run -- $(VPY) -P -m pytest tests/postgis

# The 100k-parcel checks in PostGIS next to the local path, and the concurrent-review load: benchmarks/results_postgis.md
bench-postgis: translations
	@tools/pg_test_server.sh run -- $(PY) benchmarks/bench_postgis.py benchmarks/results_postgis.md

demo: translations
	@$(PY) tools/demo.py out/demo $(if $(VILLAGE),--village $(VILLAGE))

package: translations
	@$(PY) tools/package.py dist

# 1,000 parcel maps against a plain QGIS atlas export of the same template (figures: benchmarks/results_maps.md).
bench-maps: translations
	@$(PY) benchmarks/bench_maps.py benchmarks/results_maps.md
# Farmland overlay and quality check on 100,000 parcels vs the QGIS built-in way; writes benchmarks/results_checks.md.
bench-checks: translations
	@$(PY) benchmarks/bench_checks.py --out benchmarks/results_checks.md

lint: setup
	@$(VENV)/bin/ruff check .

# County-scale benchmark (not a test, long: 30+ minutes with 300k): the whole pipeline at 10k-300k parcels, each
# algorithm in a fresh process, in-process and through qgis_process, side by side with QGIS's built-in way; data
# cached in build/bench-data/; figures → benchmarks/results.md. BENCH_SIZES=10000,30000 limits the sizes,
# BENCH_RUNS the in-process repeats (medians), BENCH_BUILTIN_UP_TO=100000 skips the built-in way above that size.
bench: translations
	@$(PY) benchmarks/bench_county.py $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)) $(if $(BENCH_RUNS),--runs $(BENCH_RUNS))

# Benchmark (not a test): 100 000 parcels → JZD + JZX against the QGIS built-in way; figures appended to
# benchmarks/results_boundary.md.
bench-boundary: translations
	@$(PY) benchmarks/bench_boundary.py

# Benchmark (not a test): homestead:boundarytable (界址点成果表 XLSX) at 10k and 30k parcels, one workbook and one per
# village, against BENCH_BASELINE (a git revision, e.g. main) when given; figures → benchmarks/results_table.md.
bench-table: translations
	@$(PY) benchmarks/bench_table.py $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)) $(if $(BENCH_BASELINE),--baseline $(BENCH_BASELINE))

# The review panel on a 100,000-parcel layer, side by side with QGIS built-ins → benchmarks/results_dock.md;
# BENCH_PARCELS=300000 BENCH_VILLAGES=120 → benchmarks/results_dock_300000.md (the county scale of issue #17).
bench-dock: setup
	@$(VPY) -P benchmarks/bench_dock.py --parcels $(or $(BENCH_PARCELS),100000) $(if $(BENCH_VILLAGES),--villages $(BENCH_VILLAGES)) \
		--out benchmarks/results_dock$(if $(BENCH_PARCELS),_$(BENCH_PARCELS)).md

# Real QGIS under Xvfb with a private profile where the plugin is enabled; saves docs/screenshots/review_dock.png
SHOT_CONFIG := $(CURDIR)/build/screenshot-config
screenshot: translations
	@rm -rf $(SHOT_CONFIG) && mkdir -p $(SHOT_CONFIG)/profiles/default/QGIS
	@printf '[PythonPlugins]\nhomestead_cadastre=true\nprocessing=true\n\n[locale]\noverrideFlag=true\nuserLocale=zh-Hans\n\n[qgis]\nshowTips322=false\ncheckVersion=false\naskToSaveMemoryLayers=false\n' \
		> $(SHOT_CONFIG)/profiles/default/QGIS/QGIS3.ini
	@env -u QT_QPA_PLATFORM QGIS_CUSTOM_CONFIG_PATH=$(SHOT_CONFIG) HOMESTEAD_REPO=$(CURDIR) timeout 240 \
		xvfb-run -a -s "-screen 0 1600x1000x24" qgis --nologo --noversioncheck --code tools/screenshot_dock.py
	@test -s docs/screenshots/review_dock.png && echo "docs/screenshots/review_dock.png"

# Regenerate the bundled demo village (deterministic: the same bytes every run).
sample-data: setup
	@$(PY) tools/make_village.py sample_data/demo_village.gpkg
	@$(PY) tools/make_village.py sample_data/clean_village.gpkg --clean

clean:
	rm -rf build dist out .pytest_cache
