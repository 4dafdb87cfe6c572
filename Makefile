# LR Planner: `make run` opens the app on the sample route, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-bundle samples dist dist-check desktop-libs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/lrplanner gui sample_data/mekong.xlsx

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q --durations=25

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python -m bench.run_all --toptw default --ophs none --mctopmtw none \
	    --runs 1 --plain --jobs 2 --raw bench/results/toptw_plain.jsonl \
	    --out docs/benchmarks-toptw-plain.md
	$(BIN)/python -m bench.run_all --baseline bench/results/toptw_plain.jsonl
	$(BIN)/python -m bench.routes
	$(BIN)/python -m bench.scaling

# The field-laptop build: dist/LRPlanner/ (one folder, no Python needed).
$(VENV)/.dist-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dist]"
	touch $@

dist: $(VENV)/.dist-installed desktop-libs
	$(BIN)/pyinstaller --noconfirm --log-level WARN planner.spec

# Qt's X11 and Wayland plugins need these libraries; with them on the build
# machine the bundle carries them, so a minimal desktop runs it too. Installed
# here when missing and possible (Debian/Ubuntu as root), else a note.
DESKTOP_LIBS := libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 \
	libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 \
	libxcb-randr0 libxcb-xinerama0 libwayland-cursor0 libwayland-egl1
desktop-libs:
	@if ! /sbin/ldconfig -p | grep -q 'libxcb-cursor.so.0' || \
	    ! /sbin/ldconfig -p | grep -q 'libxcb-icccm.so.4'; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get install -y -q $(DESKTOP_LIBS) || \
	    (apt-get update -q && apt-get install -y -q $(DESKTOP_LIBS)); \
	  else echo "note: install $(DESKTOP_LIBS) so the bundle carries them"; fi; \
	fi

# Builds, then runs the bundle offline in an empty HOME: plan, check, gui.
dist-check: dist
	$(BIN)/python -m bench.bundle check dist/LRPlanner

bench-bundle: dist
	$(BIN)/python -m bench.bundle measure dist/LRPlanner --write docs/benchmarks-bundle.md

samples: $(STAMP)
	$(BIN)/python -m sample_data.build

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
