.PHONY: setup report test
setup:
	python3 -m venv .venv && .venv/bin/pip install -r requirements.txt
report: setup
	.venv/bin/python -m watchwords report
test:
	.venv/bin/python -m pytest
