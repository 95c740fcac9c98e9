"""``scheme evaluate --roster FILE`` on the chunked path: the per-person engine's files
byte for byte, a single output copied from its file, NIKs masked with ``--mask-nik``
(:func:`~perlindungan.regional._outputs.mask_files`) and ``--output FILE.xlsx`` made from
the files (:func:`~perlindungan.regional._outputs.workbook_from_folder`); ``--engine dask``
decides and places the roster on a Dask cluster
(:func:`~perlindungan.regional._dask_read.evaluate_dask_roster_file`), the same files."""

from __future__ import annotations

import argparse
import datetime as _dt
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from perlindungan._input.outputs import cannot_write, check_not_input
from perlindungan.regional import RegionalScheme, evaluate_roster_file
from perlindungan.regional._outputs import mask_files, workbook_from_folder

__all__ = ["evaluate_streaming"]


def evaluate_streaming(
    args: argparse.Namespace,
    prog: RegionalScheme,
    on: _dt.date,
    locale: str,
    delimiter: str | None,
    inputs: Sequence[str],
    *,
    folder: bool,
    show_progress: Callable[[int, int], None],
) -> int:
    """Evaluate the roster file and write or print what the flags ask."""

    mask = bool(getattr(args, "mask_nik", False))

    def progress(done: int, total: int) -> None:
        if args.progress or total > 50_000:
            show_progress(done, total)

    def run(target: str | Path, files: tuple[str, ...] | None = None) -> tuple[Path, ...]:
        engine = getattr(args, "engine", "auto")
        if engine == "dask":
            # the dask extra: imported only for this engine
            from perlindungan.regional._dask_read import evaluate_dask_roster_file  # noqa: PLC0415

            summary = evaluate_dask_roster_file(
                prog,
                args.roster,
                target,
                files=files,
                on=on,
                scheduler=getattr(args, "scheduler", None),
                locale=locale,
                delimiter=delimiter,
                inputs=inputs,
                progress=progress,
            )
        else:
            summary = evaluate_roster_file(
                prog,
                args.roster,
                target,
                files=files,
                on=on,
                locale=locale,
                delimiter=delimiter,
                inputs=inputs,
                progress=progress,
                engine=engine,
                memory_limit=getattr(args, "memory_limit", None),
            )
        if mask:
            mask_files(summary.files)
        return summary.files

    if folder:
        for path in run(args.output):
            print(path)
        return 0
    if args.output and args.output.lower().endswith(".xlsx"):
        with tempfile.TemporaryDirectory(prefix="perlindungan-") as scratch:
            run(scratch, ("decisions.csv", "allocation.csv", "budget.csv", "report.txt"))
            print(workbook_from_folder(scratch, args.output, inputs=inputs))
        return 0
    name = {"json": "result.json", "csv": "decisions.csv"}.get(args.format, "report.txt")
    with tempfile.TemporaryDirectory(prefix="perlindungan-") as scratch:
        run(scratch, (name,))
        source = Path(scratch) / name
        if args.output:
            check_not_input(args.output, inputs)
            try:
                Path(args.output).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, args.output)
            except OSError as exc:
                raise cannot_write(args.output, exc) from None
        else:
            with source.open(encoding="utf-8", newline="") as handle:
                shutil.copyfileobj(handle, sys.stdout)
            sys.stdout.flush()
    return 0
