# The Makefile only bootstraps the virtual environment and delegates to invoke (tasks.py).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha1sum requirements.txt 2>/dev/null | cut -c1-12)

.PHONY: site test serve check bench audit publish clean venv

site: $(STAMP)
	$(BIN)/invoke site
test: $(STAMP)
	$(BIN)/invoke test
serve: $(STAMP)
	$(BIN)/invoke serve
check: $(STAMP)
	$(BIN)/invoke check
bench: $(STAMP)
	$(BIN)/invoke bench
audit: $(STAMP)
	$(BIN)/invoke audit
publish: $(STAMP)
	$(BIN)/invoke publish
clean:
	rm -rf output output-test .cache
venv: $(STAMP)

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 oder neuer wird gebraucht (gefunden: $$($(PYTHON) --version))."; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || \
	  { rm -rf $(VENV); echo "Konnte keine virtuelle Umgebung anlegen: apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@
