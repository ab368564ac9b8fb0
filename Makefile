# Thin wrapper: every target first makes sure the machine has what it needs
# (.ci/deps.sh installs only what is missing), then builds incrementally.
#   make run    build and serve the app on http://127.0.0.1:8080
#   make test   native tests, then browser tests in headless Chromium
.PHONY: all deps native web run test test-native test-browser bench fuzz clean format

PORT ?= 8080
export NODE_PATH := /usr/share/nodejs
export DESK_DEPS ?= $(HOME)/.cache/wuye-desk
NATIVE := build/native
WEB := build/web

all: native web

deps:
	@bash .ci/deps.sh
	@bash .ci/build-sdl2-web.sh

native: deps
	@[ -f $(NATIVE)/build.ninja ] || cmake -S . -B $(NATIVE) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDESK_DEPS=$(DESK_DEPS) >/dev/null
	@cmake --build $(NATIVE)

web: deps
	@[ -f $(WEB)/build.ninja ] || emcmake cmake -S . -B $(WEB) -G Ninja -DCMAKE_BUILD_TYPE=Release -DDESK_DEPS=$(DESK_DEPS) >/dev/null
	@cmake --build $(WEB)

run: web
	@node web/serve.mjs $(WEB)/dist $(PORT)

test-native: native
	@cd $(NATIVE) && ctest --output-on-failure

test-browser: web native
	@node --test --test-concurrency=1 tests/browser/

test: test-native test-browser

# Each target is tests/fuzz/<target>.cpp with its seeds in tests/fuzz/corpus/<target>/;
# every one runs FUZZ_SECONDS, and the first finding stops the loop.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= import_fuzz save_fuzz args_fuzz consolidate_fuzz
fuzz: deps
	@[ -f build/fuzz/build.ninja ] || CXX=clang++-14 cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDESK_FUZZ=ON -DDESK_DEPS=$(DESK_DEPS) >/dev/null
	@cmake --build build/fuzz --target $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus/$$t && cp -n tests/fuzz/corpus/$$t/* build/fuzz/corpus/$$t/ && \
	  echo "== $$t ($(FUZZ_SECONDS) s)" && \
	  build/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 build/fuzz/corpus/$$t || exit 1; \
	done

# Every benchmark, then one table of issue 16's goals (tests/bench/summary.mjs).
bench: web native
	@node tests/bench/summary.mjs start
	@node tests/bench/first_frame.mjs 5
	@node tests/bench/scale.mjs 100000 3
	@sh tests/bench/json_readers.sh build/bench/visits-100000.json 3
	@node tests/bench/hostile_import.mjs
	@sh tests/bench/consolidate.sh $(NATIVE)/desk-tool "5 10 20 40" 50000
	@sh tests/bench/folder.sh $(NATIVE)
	@node tests/bench/folder_see.mjs 12
	@node tests/tool/warehouse_test.mjs $(NATIVE)/desk-tool >/dev/null && \
	  node tests/bench/summary.mjs add 4 'desk-tool consolidate --jsonl read by DuckDB (@duckdb/node-api)' \
	    "the month's counts per site and type" "desk-tool's own statistics; the README's merge SQL" 'equal' 'met (tests/tool/warehouse_test.mjs)' || \
	  node tests/bench/summary.mjs add 4 'desk-tool consolidate --jsonl read by DuckDB' 'differ' "desk-tool's statistics" 'equal' 'FAILED'
	@node tests/bench/summary.mjs

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	rm -rf $(NATIVE) $(WEB)
