# SPDX-License-Identifier: GPL-3.0-or-later
# Thin wrapper: the real build is CMake (CMakeLists.txt, CMakePresets.json).
#   make run     install missing Debian packages, build, start the app (bundled data)
#   make test    install, build, run every test
#   make bench   build in Release and run the benchmarks (compute-bench)
#   make package build the .deb and .tar.gz (CPack)
# BUILD_DIR and CMAKE_ARGS can be overridden: make test BUILD_DIR=build-ci CMAKE_ARGS=-DCOMPUTE_WERROR=ON

BUILD_DIR ?= build
RELEASE_DIR ?= build-release
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
ASAN_DIR ?= build-asan
ASAN_OPTIONS ?= detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
CMAKE_ARGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BIN = $(BUILD_DIR)/app/compute-explorer

export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

.PHONY: all deps configure build run test bench package fuzz asan-test clean

all: build

deps:
	@sh packaging/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	@if [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; then \
	    $(BIN); \
	else \
	    echo "No display (DISPLAY/WAYLAND_DISPLAY unset): writing the chart headless instead."; \
	    $(BIN) --export compute-explorer-chart.png && \
	    echo "Chart written to $$(pwd)/compute-explorer-chart.png"; \
	    $(BIN) --fit; \
	fi

test: build
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: deps
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)
	cmake --build $(RELEASE_DIR) -j $(JOBS) --target compute-bench compute-explorer
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	QT_QPA_PLATFORM=offscreen $(RELEASE_DIR)/tests/benchmarks/compute-bench --benchmark_counters_tabular=true
	@if /usr/bin/python3 -c 'import matplotlib' 2>/dev/null; then \
	    sh tests/benchmarks/export_vs_matplotlib.sh $(RELEASE_DIR) 10; \
	else echo "(export vs matplotlib skipped: packaging/install-deps.sh --tools installs it)"; fi

package: deps
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)
	cmake --build $(RELEASE_DIR) -j $(JOBS)
	cd $(RELEASE_DIR) && cpack -G "DEB;TGZ"

# libFuzzer on the parsers (clang, ASan + UBSan): each target FUZZ_SECONDS (default 60).
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	    -DCOMPUTE_BUILD_FUZZERS=ON -DCOMPUTE_BUILD_APP=OFF -DCOMPUTE_BUILD_BENCHMARKS=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzzers
	sh tests/fuzz/run_fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(JOBS)

# Every test under AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset).
asan-test: deps
	cmake --preset asan
	cmake --build $(ASAN_DIR) -j $(JOBS)
	@mkdir -p -m 700 $(XDG_RUNTIME_DIR)
	cd $(ASAN_DIR) && ASAN_OPTIONS=$(ASAN_OPTIONS) UBSAN_OPTIONS=$(UBSAN_OPTIONS) \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp \
	    ctest --output-on-failure -j $(JOBS) -E package_check

clean:
	rm -rf $(BUILD_DIR) $(RELEASE_DIR) $(FUZZ_DIR) $(ASAN_DIR)
