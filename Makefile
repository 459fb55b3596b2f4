# kanon: top-level entry points. Binaries land in build/bin/.
BUILD ?= build
JOBS ?= $(shell nproc)
SHARED ?= $(abspath ../shared)

.PHONY: all deps test-deps build test demo bench fuzz format format-check clean

all: build

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Unit tests, the differential suite against the Go oracle, and the format check.
test: test-deps build
	@scripts/format-check.sh
	@scripts/oracle.sh $(BUILD)/gotmpl >/dev/null
	cd $(BUILD) && KANON_GOTMPL=$(abspath $(BUILD))/gotmpl/gotmpl ctest --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)

bench: test-deps build
	@scripts/oracle.sh $(BUILD)/gotmpl >/dev/null
	bench/tmpl_bench.sh $(BUILD)

format:
	@scripts/format-check.sh --fix

format-check:
	@scripts/format-check.sh

clean:
	rm -rf $(BUILD)
