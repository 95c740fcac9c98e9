"""The top table of a scheme file: ``[scheme]``, or its old name ``[program]``.

The loader reads the top table under one internal name, ``program`` (its key paths such
as ``program.quota.total``); :func:`keyed` gives it the document with the table under that
name, and every problem is reported under the name the file itself uses, with its line:
``scheme.quota.total`` in a file that says ``[scheme]``, ``program.quota.total`` in an
older file that says ``[program]``. The bundled files say ``[scheme]``; user files written
with ``[program]`` keep loading, with the same messages as before.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from perlindungan._toml import TomlDocument
from perlindungan.errors import DataProblem

__all__ = ["INTERNAL", "OLD", "TOP", "KeyedDocument", "keyed"]

#: The name of the top table in scheme files.
TOP: Final = "scheme"
#: Its old name, still accepted.
OLD: Final = "program"
#: The name the loader reads the top table under.
INTERNAL: Final = OLD

#: ``program`` as the top table of a key path or a table header (``program.quota``,
#: ``[program]``, ``[[program.phases]]``, ``'program'``), not ``coverage.programs``.
_INTERNAL_WORD = re.compile(rf"(?<![\w.-]){INTERNAL}(?=[.\[\]']|$)")


@attrs.frozen
class KeyedDocument(TomlDocument):
    """A scheme file whose top table is read as ``program``; problems name the table as
    written in the file (``written``)."""

    written: str = TOP

    def shown(self, text: str) -> str:
        """``text`` with the internal top-table name replaced by the file's."""
        if self.written == INTERNAL:
            return text
        return _INTERNAL_WORD.sub(self.written, text)

    def line_of(self, path: str) -> int | None:
        """The line of ``path`` (an internal key path) in the file."""
        return super().line_of(self.shown(path))

    def problem(self, path: str, message: str) -> DataProblem:
        """A problem at ``path``, named as the file writes it."""
        return DataProblem(
            file=self.name,
            location=self.shown(path),
            message=self.shown(message),
            line=self.line_of(path),
        )


def keyed(doc: TomlDocument, problems: list[DataProblem]) -> KeyedDocument:
    """``doc`` with its ``[scheme]`` (or ``[program]``) table under the internal name; a
    file with both records a problem and is read from ``[scheme]``."""
    data = dict(doc.data)
    written = OLD if OLD in data and TOP not in data else TOP
    if TOP in data:
        if OLD in data:
            problems.append(
                doc.problem(
                    OLD, f"give [{TOP}] only; [{OLD}] is its old name and cannot be given too"
                )
            )
            del data[OLD]
        data[INTERNAL] = data.pop(TOP)
    return KeyedDocument(name=doc.name, data=data, text=doc.text, written=written)
