# vardplan — the commands a person runs. `make help` lists them.
SWIFT ?= swift
RELEASE_BIN := .build/release/vardplan

.PHONY: help setup site check test release clean

help:
	@echo "make site    build the bundled sample content into output/ (installs what is missing)"
	@echo "make check   check the bundled content and report every problem"
	@echo "make test    run the tests"

setup:
	@bash scripts/setup

release: setup
	$(SWIFT) build -c release --product vardplan

site: release
	$(RELEASE_BIN) check --content content

check: release
	$(RELEASE_BIN) check --content content

test: setup
	$(SWIFT) test

clean:
	rm -rf .build output/*/ output/*.html output/*.xml
