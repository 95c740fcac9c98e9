# ruff: noqa: ANN401 - pandas, pyarrow and dask objects are optional and untyped here
"""``scheme evaluate --roster FILE --engine dask``: a CSV roster read on this machine block
by block by the input layer's reader (its header checks, delimiter, line numbers and
unreadable rows those of the other engines), each block sent to the cluster as one
partition of a Dask DataFrame (``Client.scatter``; this process holds one block at a
time), then decided, placed and written by
:func:`~perlindungan.regional.evaluate_dask_files`.

An unreadable row travels as its ``problem`` (its id, message in the output language and
field, as JSON text) and is the row error the chunked reader makes of it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from perlindungan._input.blocks import Block, csv_blocks
from perlindungan._message import Message, localized
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError
from perlindungan.regional._dask_files import evaluate_dask_files
from perlindungan.regional._evaluate import evaluate
from perlindungan.regional._outputs import output_files
from perlindungan.regional._person import FACTS
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._roster_columns import _problem
from perlindungan.regional._stream import StreamSummary

__all__ = ["dask_client", "evaluate_dask_roster_file", "read_dask_roster"]


def dask_client(scheduler: str | None) -> tuple[Any, Any]:
    """A ``distributed`` client of the scheduler at ``scheduler``, or of a new
    LocalCluster on this machine, and that cluster (None for a scheduler given); the error
    naming the extra when Dask is not installed."""
    try:
        import distributed  # noqa: PLC0415
    except ImportError:
        raise InvalidInputError(
            Message(
                "the dask engine needs Dask: install the dask extra, "
                "pip install 'perlindungan[dask]'."
            ),
            field="engine",
        ) from None
    if scheduler:
        try:
            return distributed.Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as exc:
            raise InvalidInputError(
                Message(
                    "cannot reach the Dask scheduler {address}: {problem}.",
                    address=repr(scheduler),
                    problem=str(exc),
                ),
                field="scheduler",
            ) from None
    cluster = distributed.LocalCluster(dashboard_address=None, silence_logs=logging.ERROR)
    return distributed.Client(cluster), cluster


def _frame(block: Block, names: list[str], locale: str) -> Any:
    """One block as a partition: its text cells (a cell its line lacks is blank), ``row``
    (file line) and ``problem``."""
    import pandas as pd  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    text = pd.ArrowDtype(pa.string())
    cells = {}
    for name in names:
        column = block.columns.get(name)
        if column is None:
            column = pa.array([""] * block.rows, pa.string())
        # Arrow text: sent to the workers as buffers, read there without a copy per cell
        cells[name] = pd.Series(column.fill_null(""), dtype=text)
    problems: list[str | None] = [None] * block.rows
    for i, record in block.problems.items():
        message, field = _problem(record.problem)
        problems[i] = json.dumps(
            [record.key, localized(message, locale), field], ensure_ascii=False
        )
    cells["row"] = pd.Series(block.lines, dtype="int64")
    cells["problem"] = pd.Series(problems, dtype=object)
    return pd.DataFrame(cells)


def read_dask_roster(
    path: str | Path,
    client: Any,
    *,
    locale: str,
    chunk_rows: int = 100_000,
    delimiter: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Any:
    """A CSV roster file as a Dask DataFrame held on ``client``'s cluster: the columns of
    :data:`~perlindungan.regional.FACTS` it has (text), ``row`` and ``problem``, one
    partition per ``chunk_rows`` rows. ``progress(done, total)`` is told the bytes read."""
    import dask  # noqa: PLC0415
    import dask.dataframe as dd  # noqa: PLC0415
    from dask.delayed import delayed  # noqa: PLC0415

    _csv_only(path)
    found = csv_blocks(path, delimiter=delimiter, columns=FACTS, required=("id",))
    names = [c for c in FACTS if c in found.header]
    parts = []
    for block in found.blocks(max(chunk_rows * 64, 1)):
        for part in block.parts(chunk_rows):
            parts.append(client.scatter(_frame(part, names, locale)))
            if progress is not None:
                progress(part.read, found.size)
    meta = _frame(Block(_empty_lines(), {}, {}), names, locale)
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed(parts or [delayed(meta.copy)()], meta=meta, verify_meta=False)


def _csv_only(path: str | Path) -> None:
    """Refuse a roster that is not a CSV file (JSON lines, a workbook, stdin)."""
    if str(path) == "-" or Path(str(path)).suffix.lower() in {".jsonl", ".ndjson", ".xlsx"}:
        raise InvalidInputError(
            Message(
                "the dask engine reads a CSV roster file, not {path}; use the memory or "
                "duckdb engine.",
                path=repr(str(path)),
            ),
            field="engine",
        )


def _empty_lines() -> Any:
    import numpy as np  # noqa: PLC0415

    return np.empty(0, dtype=np.int64)


def evaluate_dask_roster_file(
    program: RegionalScheme,
    roster: str | Path,
    folder: str | Path,
    *,
    on: Any,
    scheduler: str | None = None,
    locale: str = "id_ID",
    chunk_rows: int = 100_000,
    delimiter: str | None = None,
    inputs: Sequence[str | Path] = (),
    files: Collection[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> StreamSummary:
    """The files of :func:`~perlindungan.regional.evaluate_roster_file` for a CSV roster
    file, decided and placed on a Dask cluster (the scheduler at ``scheduler``, or a new
    LocalCluster)."""

    day = to_date(on, field="on")
    evaluate(program, [], on=day)  # the scheme must be in force
    output_files(Path(folder), files, [roster, *inputs])
    _csv_only(roster)
    client, cluster = dask_client(scheduler)
    try:
        # every computation on this client (another may be the default one)
        with client.as_current():
            ddf = read_dask_roster(
                roster,
                client,
                locale=locale,
                chunk_rows=chunk_rows,
                delimiter=delimiter,
                progress=progress,
            )
            return evaluate_dask_files(
                program, ddf, folder, on=day, locale=locale, files=files, inputs=[roster, *inputs]
            )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
