# The Makefile only bootstraps (tools/bootstrap) and delegates to invoke (tasks.py).
#   make site / check / serve: the Python venv only (tools/bootstrap python)
#   make test:                 also the Debian packages and npm tools the tests use (tools/bootstrap test)
BIN := .venv/bin

.PHONY: site test serve check bench audit publish clean venv tools

venv:
	@tools/bootstrap python
tools:
	@tools/bootstrap test

site: venv
	$(BIN)/invoke site
test: tools
	$(BIN)/invoke test
serve: venv
	$(BIN)/invoke serve
check: venv
	$(BIN)/invoke check
bench: venv
	$(BIN)/invoke bench
audit:
	@tools/bootstrap audit
	$(BIN)/invoke audit
publish: venv
	$(BIN)/invoke publish
clean:
	rm -rf output output-test .cache
