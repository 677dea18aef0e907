# vardplan — the commands a person runs. `make help` lists them.
SWIFT ?= swift
RELEASE_BIN := .build/release/vardplan

.PHONY: help setup site check test gate bench release clean

help:
	@echo "make site    build the bundled sample content into output/ (installs what is missing)"
	@echo "make check   check the bundled content and report every problem"
	@echo "make test    run the tests"
	@echo "make gate    check the built site and sample printouts: HTML, links, WCAG 2.1 AA, print (then its self-test)"
	@echo "make bench   benchmark against the libcmark floor at 1, 25 and 100 diagnoses (docs/performance.md)"

setup:
	@bash scripts/setup

# One static executable; scripts/release says why and which linker warnings it leaves out.
release: setup
	@SWIFT="$(SWIFT)" bash scripts/release

site: release
	$(RELEASE_BIN) build --content content

check: release
	$(RELEASE_BIN) check --content content

# The tests' printouts keep their content index (docs/performance.md) under .build, not in ~/.cache.
test: setup
	VARDPLAN_CACHE="$(CURDIR)/.build/test-cache" $(SWIFT) test

gate:
	@bash scripts/gate
	@bash scripts/gate --self-test

# BENCH_ARGS="--sizes 1,25 --runs 5" for a quicker run; results in .build/bench/results.md.
bench:
	@bash scripts/bench $(BENCH_ARGS)

clean:
	rm -rf .build artifacts
	find output -mindepth 1 ! -name .gitignore -delete
	rm -rf .output.spare
