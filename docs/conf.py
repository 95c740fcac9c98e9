# noqa: INP001 - Sphinx configuration, not a package
"""Sphinx configuration of the perlindungan documentation (MyST Markdown pages).

The site is built twice from the same pages: Bahasa Indonesia (the default, for policy
teams) at the root of the site and English under ``en/``::

    python -m sphinx -W --keep-going -b html docs _build/html
    python -m sphinx -W --keep-going -b html -D language=en docs _build/html/en

The Indonesian text of the policy pages lives in ``docs/locale/id/LC_MESSAGES/*.po``
(Sphinx's gettext route); ``python scripts/update_docs_catalogs.py`` brings them up to date
with the English pages. See docs/maintainers-docs.md.
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
html_theme = "furo"
html_title = f"perlindungan {__version__}"
html_static_path = ["_static"]
html_css_files = ["perlindungan.css"]
html_js_files = ["explorer.js"]
templates_path = ["_templates"]
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/language.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
        "sidebar/variant-selector.html",
    ]
}
html_theme_options = {"navigation_with_keys": True}
html_last_updated_fmt = None
# Bahasa Indonesia is the default; ``-D language=en`` builds the English site.
language = "id"
# Catalogues are copied and compiled into the build's doctree folder (the build never
# writes into docs/); see perlindungan_docs.setup.
locale_dirs: list[str] = []
gettext_compact = False
gettext_uuid = False
gettext_location = False
suppress_warnings = ["ref.python"]  # a class re-exported by a facade has several names
