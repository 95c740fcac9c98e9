"""Each parameter file holds one namespace: the one it is named for.

``data/parameters/pu.toml`` holds ``pu.*`` and nothing else, so that the name of a
parameter says which file it lives in (as OpenFisca derives a name from its path).
"""

from __future__ import annotations

import posixpath
from typing import Any

from perlindungan._toml import TomlDocument
from perlindungan.errors import DataProblem

__all__ = ["in_namespace"]


def in_namespace(doc: TomlDocument, problems: list[DataProblem]) -> dict[str, Any]:
    """The part of ``doc`` inside the namespace its file is named for.

    A file holds only the parameters named for it (``parameters/pu.toml`` holds ``pu.*``),
    so that the file name is the address of every name in it; anything else is a problem.
    """
    namespace = posixpath.splitext(posixpath.basename(doc.name))[0]
    for key in doc.data:
        if key != namespace:
            lines = [n for path, n in doc.lines.items() if path.split(".")[0] == key]
            problems.append(
                DataProblem(
                    file=doc.name,
                    location=key,
                    message=f"{key}.* is outside the namespace of {doc.name}, which holds "
                    f"only {namespace}.* parameters; move it to parameters/{key}.toml",
                    line=min(lines, default=None),
                )
            )
    return {key: value for key, value in doc.data.items() if key == namespace}
