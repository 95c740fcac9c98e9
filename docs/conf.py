# noqa: INP001 - Sphinx configuration, not a package
"""Sphinx configuration of the perlindungan documentation (MyST Markdown pages).

Build: ``python -m sphinx -W --keep-going -b html docs <output directory>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent / "src"))

from perlindungan._version import __version__  # noqa: E402

project = "perlindungan"
author = "perlindungan developers"
copyright = "perlindungan developers, MIT licence"  # noqa: A001
version = release = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "perlindungan_docs",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "conftest.py", "README*"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
highlight_language = "text"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
html_theme = "alabaster"
html_title = f"perlindungan {__version__}"
language = "en"
suppress_warnings = ["ref.python"]  # a class re-exported by a facade has several names
