# noqa: INP001 - pytest configuration of the docs folder
"""pytest: the docs folder holds Markdown pages (doctested) and the Sphinx configuration."""

collect_ignore = ["conf.py", "_ext"]
