# noqa: INP001 - a Sphinx extension module loaded from docs/_ext, not a package
"""What changed in the regulation data between two dates, as a page.

Generated from :func:`perlindungan.data_diff` (the same answer as ``perlindungan data
diff FROM TO``) in the language of the build: every parameter whose value in force differs,
old and new, each value that took effect in between with the instrument behind it, and the
relief schemes that start or end in between.
"""

from __future__ import annotations

from perlindungan_explorer import label_of, value_text
from perlindungan_table import table, text
from perlindungan_words import WORDS

from perlindungan import DataDiff, data_diff

_CHANGES: dict[str, dict[str, str]] = {
    "id": {
        "title": "Dari {start} sampai {end}",
        "intro": "Nilai lama: yang berlaku pada {start}; nilai baru: yang berlaku pada {end}.",
        "params": "Parameter yang nilainya berubah ({n})",
        "reliefs": "Skema keringanan yang mulai atau berakhir ({n})",
        "old": "Nilai lama",
        "new": "Nilai baru",
        "steps": "Perubahan dan dasar hukumnya",
        "unknown": "tidak diketahui",
        "scheme": "Skema",
        "event": "Peristiwa",
        "day": "Tanggal",
        "starts": "mulai",
        "ends": "berakhir (hari terakhir)",
        "none": "Tidak ada.",
    },
    "en": {
        "title": "From {start} to {end}",
        "intro": "Old value: in force on {start}; new value: in force on {end}.",
        "params": "Parameters whose value changed ({n})",
        "reliefs": "Relief schemes that start or end ({n})",
        "old": "Old value",
        "new": "New value",
        "steps": "Changes and their legal basis",
        "unknown": "not known",
        "scheme": "Scheme",
        "event": "Event",
        "day": "Date",
        "starts": "starts",
        "ends": "ends (last day)",
        "none": "None.",
    },
}


def _diff(start: str, end: str) -> DataDiff:
    return data_diff(start, end)


def _ref(name: str) -> str:
    return f"{{ref}}`{name} <{label_of(name)}>`"


def changes_lines(lang: str, start: str, end: str) -> list[str]:
    """The changes from ``start`` to ``end`` as Markdown (MyST) lines, in ``lang``."""
    words, say = WORDS[lang], _CHANGES[lang]
    diff = _diff(start, end)
    first, last = diff.start.isoformat(), diff.end.isoformat()
    lines = [f"## {say['title'].format(start=first, end=last)}", ""]
    lines += [say["intro"].format(start=first, end=last), ""]
    lines += [f"### {say['params'].format(n=len(diff.changes))}", ""]
    rows = []
    for change in diff.changes:

        def shown(value: object, unit: str = change.unit) -> str:
            return say["unknown"] if value is None else text(value_text(unit, value, lang))

        steps = "; ".join(
            f"{shown(step.value)} {words['since_word']} {step.since.isoformat()} "
            f"({text(step.citation)})"
            for step in change.steps
        )
        label = change.label_en if lang == "en" else change.label_id
        rows.append(
            [
                f"{_ref(change.parameter)}: {text(label)}",
                shown(change.old),
                shown(change.new),
                steps or words["none"],
            ]
        )
    header = [
        words["parameter"],
        say["old"],
        say["new"],
        say["steps"],
    ]
    lines += table(header, rows, "changes-parameters", "auto") if rows else [say["none"], ""]
    lines += [f"### {say['reliefs'].format(n=len(diff.reliefs))}", ""]
    relief_rows = [
        [
            f"`{relief.parameter}`: {text(relief.label_en if lang == 'en' else relief.label_id)}",
            say[relief.event],
            relief.day.isoformat(),
            text(relief.citation),
        ]
        for relief in diff.reliefs
    ]
    header = [say["scheme"], say["event"], say["day"], words["basis"]]
    lines += (
        table(header, relief_rows, "changes-reliefs", "auto") if relief_rows else [say["none"], ""]
    )
    return lines
