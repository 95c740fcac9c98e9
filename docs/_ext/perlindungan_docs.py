# noqa: INP001 - a Sphinx extension loaded from docs/_ext, not a package
"""Sphinx directives that build pages from the package itself, and the two-language site.

``regulation-explorer`` lists every parameter of the regulation data with a chart of its
values over time, legal basis, status and confidence (perlindungan_explorer);
``cli-reference`` prints the help of every command of the ``perlindungan`` command line
(perlindungan_cli).
Both write into the document tree Sphinx is building, in the language of the build; the
charts are written into the output folder. No file is generated in the repository.

The site is built in Bahasa Indonesia (the default) and English; perlindungan_i18n copies
the page catalogues into the build, checks that the Indonesian policy pages leave nothing
untranslated, and adds the language switch.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import perlindungan_i18n
from docutils import nodes
from docutils.statemachine import StringList
from perlindungan_changes import changes_lines
from perlindungan_cli import cli_lines, untranslated
from perlindungan_explorer import CHART_DIR, charts, explorer_lines
from perlindungan_words import lang_of
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


class _Generated(SphinxDirective):
    has_content = False
    source: ClassVar[str] = ""

    def lines(self) -> Iterable[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.section()
        container.document = self.state.document
        content = StringList(list(self.lines()), source=self.source)
        # Generated in the language of the build: not text for the page catalogues. MyST
        # attaches the generated sections to the page, so the page records the line from
        # which its text is generated (perlindungan_i18n marks it; the directive comes last).
        self.state.document[perlindungan_i18n.GENERATED_FROM] = self.lineno
        self.state.nested_parse(content, self.content_offset, container, match_titles=True)
        return list(container.children)


class RegulationExplorer(_Generated):
    """``.. regulation-explorer::`` - every parameter of the regulation data."""

    source = "<regulation data>"

    def lines(self) -> Iterable[str]:
        return explorer_lines(lang_of(self.config.language))


class CliReference(_Generated):
    """``.. cli-reference::`` - the help of every command."""

    source = "<perlindungan cli>"

    def lines(self) -> Iterable[str]:
        return cli_lines(lang_of(self.config.language))

    def run(self) -> list[nodes.Node]:
        """The help, and a warning for each help text left in English in this language."""
        for text in untranslated(lang_of(self.config.language)):
            logger.warning(
                "command-line help left in English on a Bahasa Indonesia page: %r; translate "
                "it in src/perlindungan/locale/id/LC_MESSAGES/perlindungan.po (python "
                "scripts/update_catalogs.py adds new text there)",
                text if len(text) < 120 else text[:117] + "...",
                location=(self.env.docname, self.lineno),
                type="perlindungan",
                subtype="untranslated",
            )
        return super().run()


class DataChanges(_Generated):
    """``.. data-changes::`` with ``:from:`` and ``:to:`` - what changed between two dates."""

    source = "<regulation data changes>"
    option_spec: ClassVar[dict[str, Any]] = {"from": str, "to": str}

    def lines(self) -> Iterable[str]:
        return changes_lines(
            lang_of(self.config.language), self.options["from"], self.options["to"]
        )


def _write_charts(app: Sphinx, exception: Exception | None) -> None:
    """Write the explorer's charts into the HTML output (``_charts/<parameter>.svg``)."""
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / CHART_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, svg in charts(lang_of(app.config.language)).items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != svg:
            target.write_text(svg, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives, the chart writer and the two-language machinery."""
    app.add_directive("regulation-explorer", RegulationExplorer)
    app.add_directive("cli-reference", CliReference)
    app.add_directive("data-changes", DataChanges)
    app.connect("build-finished", _write_charts)
    perlindungan_i18n.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
