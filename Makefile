# Two commands on a fresh machine: `make run` and `make test`. Each installs what it needs.
VENV := .venv
PYTHON := $(VENV)/bin/python
RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
CHROMIUM := /usr/bin/chromium
PDFTOTEXT := /usr/bin/pdftotext
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
HANGUL_FONT := /usr/share/fonts/truetype/nanum/NanumGothicBold.ttf
CATALOGS := locales/ko/LC_MESSAGES/messages.mo
APT_INSTALL = $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501

.PHONY: run test check demo bench clean catalogs korean-model

run: $(RUNTIME) $(FONT) $(HANGUL_FONT) $(CATALOGS)
	$(PYTHON) -m streamlit run serve.py --server.port $(PORT)

test: $(DEV) $(CHROMIUM) $(PDFTOTEXT) $(FONT) $(HANGUL_FONT) $(CATALOGS)
	$(PYTHON) -m pytest

# The quick loop while editing: the core's tests, without whole pages, browsers or other processes.
check: $(DEV) $(PDFTOTEXT) $(FONT) $(HANGUL_FONT) $(CATALOGS)
	$(PYTHON) -m pytest -q -m "not browser and not slow"

demo: $(RUNTIME)
	$(PYTHON) -m empathy.loading.demo_generator

$(PYTHON):
	python3 -m venv $(VENV)

$(RUNTIME): requirements.txt | $(PYTHON)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $@

$(DEV): requirements-dev.txt $(RUNTIME)
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download a browser here).
$(CHROMIUM):
	$(APT_INSTALL) chromium

# The board pack's PDF is set in DejaVu Sans (arrows, accents); the tests read PDFs with poppler.
$(FONT):
	$(APT_INSTALL) fonts-dejavu-core

# Korean: DejaVu has no Hangul, so the pack sets it in Nanum Gothic, and Chromium shows it on the pages.
$(HANGUL_FONT):
	$(APT_INSTALL) fonts-nanum

$(PDFTOTEXT):
	$(APT_INSTALL) poppler-utils

# The words in Korean: gettext catalogs, compiled from the .po files by Babel (never committed).
$(CATALOGS): locales/ko/LC_MESSAGES/messages.po | $(RUNTIME)
	$(VENV)/bin/pybabel -q compile -d locales -D messages

# After marking new messages with _(): extract them, add them to each .po (then translate), compile.
catalogs: $(RUNTIME)
	PYTHONPATH=. $(VENV)/bin/pybabel -q extract -F babel.cfg -k N_ -o locales/messages.pot .
	$(VENV)/bin/pybabel -q update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching --ignore-obsolete
	$(VENV)/bin/pybabel -q compile -d locales -D messages

# The Korean scorer's character convolution learned again (bench/build_korean_syllables.py): learning needs
# PyTorch, the CPU build that lies on this kind of machine's disk; the app reads the file with numpy alone.
korean-model: $(RUNTIME)
	$(PYTHON) -m pip install --quiet torch==2.13.0
	$(PYTHON) bench/build_korean_syllables.py

clean:
	rm -rf $(VENV) .pytest_cache
