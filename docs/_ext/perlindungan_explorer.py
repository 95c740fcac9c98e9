# noqa: INP001 - a Sphinx extension module loaded from docs/_ext, not a package
"""The regulation explorer, generated from the data in the language of the build.

Parameters are grouped by national program (JKK, JKM, JHT, JP, JKP) and listed by worker
category; each has a step chart of its values over time, a table of its dated values with
the legal basis, status and confidence, and the legal basis in words with a link to an
official copy where the catalogue has one. Then the legal-basis catalogue, the bundled
regional programs and the regions they cover.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any

from perlindungan_catalogue import catalogue_lines, programs_lines
from perlindungan_charts import Step, step_chart
from perlindungan_table import table, text
from perlindungan_words import (
    CATEGORIES,
    CONFIDENCE,
    KINDS_EN,
    PROGRAMS,
    SHORT_CATEGORIES,
    STATUS,
    UNITS,
    WORDS,
)

from perlindungan.legal import Citation
from perlindungan.parameters import Parameter

_PROGRAM_CODES = ("JKK", "JKM", "JHT", "JP", "JKP")
_CATEGORY_OF = {"pu": "pu", "bpu": "bpu", "construction": "construction", "migrant": "migrant"}
_CHARTED = {"rate", "rupiah", "months", "years", "count", "flag"}
POPULAR = ("pu.jp.wage_cap", "pu.jkp.wage_cap", "jp.pension_age")
CHART_DIR = "_charts"


def label_of(name: str) -> str:
    """The cross-reference label of a parameter's section."""
    return "explorer-" + re.sub(r"[^a-z0-9]+", "-", name.lower())


def classify(name: str) -> tuple[list[str], str]:
    """The national programs a parameter belongs to and its worker category."""
    tokens = set(re.split(r"[._]", name.lower()))
    programs = [code for code in _PROGRAM_CODES if code.lower() in tokens]
    first = name.split(".", 1)[0]
    if first == "scholarship":
        programs = ["JKK", "JKM"]
    if first == "migrant" and not programs:
        programs = ["JKK", "JKM"]
    category = _CATEGORY_OF.get(first, "relief" if first == "relief" else "benefits")
    return programs, category


def value_text(unit: str, value: object, lang: str) -> str:
    """A value as a reader writes it: ``0,24%``, ``Rp10.547.400``, ``12 bulan``."""
    from perlindungan.contributions._explain import format_rate  # noqa: PLC0415
    from perlindungan.money import format_rupiah  # noqa: PLC0415

    locale = "en" if lang == "en" else "id_ID"
    words = WORDS[lang]
    if unit == "rate" and isinstance(value, Decimal):
        return format_rate(value, locale)
    if unit == "rupiah" and isinstance(value, Decimal | int):
        return format_rupiah(value, locale=locale)
    if unit == "flag":
        return words["yes"] if value else words["no"]
    if unit in ("months", "years") and isinstance(value, int | Decimal):
        return f"{value} {UNITS[lang][unit]}"
    if unit == "bands" and isinstance(value, tuple):
        return "; ".join(
            f"{words['above']} {format_rupiah(b.above, locale=locale)}: "
            f"{format_rate(b.rate, locale)}"
            for b in value
        )
    if unit == "names" and isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _article(article: str | None) -> str | None:
    cleaned = (article or "").strip()
    return cleaned if cleaned and cleaned != "-" else None


def cite_short(citation: Citation) -> str:
    """``PP 45/2015 Pasal 29 ayat (2)``; a missing article (``-``) is left out."""
    article = _article(citation.article)
    return f"{citation.basis.short} {article}" if article else str(citation.basis.short)


def cite_words(citation: Citation, lang: str) -> str:
    """The citation in words, as Markdown, with a link to an official copy when known."""
    from perlindungan.legal import KINDS  # noqa: PLC0415

    basis = citation.basis
    words = WORDS[lang]
    if basis.kind == "Library":
        full = basis.title
    elif basis.kind in ("Surat BPJS", "Perdir BPJS"):
        kind = KINDS[basis.kind] if lang == "id" else KINDS_EN[basis.kind]
        full = f"{kind} {basis.number} ({basis.year}): {basis.title}"
    elif lang == "id":
        full = (
            f"{KINDS.get(basis.kind, basis.kind)} Nomor {basis.number} Tahun {basis.year} "
            f"tentang {basis.title}"
        )
    else:
        kind = KINDS_EN.get(basis.kind, basis.kind)
        full = f"{kind} No. {basis.number} of {basis.year} on {basis.title}"
    article = _article(citation.article)
    out = f"**{text(basis.short)}**: {text(full)}"
    out += f", {text(article)}" if article else f" ({words['no_article']})"
    if basis.url:
        out += f" ([{words['copy']}]({basis.url}))"
    return out


def steps_of(parameter: Parameter[object]) -> list[Step] | None:
    """The chart steps of a parameter, or ``None`` when its values are not numbers."""
    if parameter.unit not in _CHARTED:
        return None
    entries = list(parameter.values)
    steps = []
    for index, entry in enumerate(entries):
        following = entries[index + 1].since if index + 1 < len(entries) else None
        end = entry.until or following or parameter.known_until
        value = entry.value
        steps.append(
            Step(entry.since, end, Decimal(int(value) if isinstance(value, bool) else value))
        )
    return steps


def charts(lang: str) -> dict[str, str]:
    """Every chart of the explorer: file name -> SVG text."""
    from perlindungan.parameters import parameters  # noqa: PLC0415

    found = parameters()
    horizon = _horizon()
    out = {}
    for name in sorted(found):
        parameter = found[name]
        steps = steps_of(parameter)
        if steps is None:
            continue
        unit = parameter.unit

        def label(value: Decimal, unit: str = unit) -> str:
            shown: object = bool(value) if unit == "flag" else value
            if unit in ("months", "years", "count"):
                shown = int(value)
            return value_text(unit, shown, lang)

        title = WORDS[lang]["chart_title"].format(name=name)
        out[f"{name}.svg"] = step_chart(steps, label, title=title, today=horizon)
    return out


def _horizon() -> _dt.date:
    """Where an open value's line ends: the end of the year the site is built in."""
    return _dt.date(_dt.datetime.now(tz=_dt.UTC).year + 1, 1, 1)


def _latest(parameter: Parameter[object], lang: str, *, short: bool = False) -> str:
    entry = parameter.values[-1]
    value = entry.value
    if short and parameter.unit == "bands" and isinstance(value, tuple):
        shown = WORDS[lang]["bands_count"].format(n=len(value))
    elif short and parameter.unit == "names" and isinstance(value, tuple):
        shown = WORDS[lang]["names_count"].format(n=len(value))
    else:
        shown = value_text(parameter.unit, value, lang)
    return f"{shown} ({WORDS[lang]['since_word']} {entry.since.isoformat()})"


def _on(parameter: Parameter[object], day: _dt.date, lang: str) -> str:
    """The value in force on ``day`` (since when), and the next known value if any."""
    words = WORDS[lang]
    if parameter.in_force(day):
        entry = parameter.at(day)
        out = (
            f"{value_text(parameter.unit, entry.value, lang)} "
            f"({words['since_word']} {entry.since.isoformat()})"
        )
    else:
        out = words["not_in_force"]
    later = [e for e in parameter.values if e.since > day]
    if later:
        out += (
            f"; {words['next']}: {value_text(parameter.unit, later[0].value, lang)} "
            f"({words['since_word']} {later[0].since.isoformat()})"
        )
    return out


def _ref(name: str) -> str:
    return f"{{ref}}`{name} <{label_of(name)}>`"


def _parameter_lines(parameter: Parameter[object], lang: str) -> list[str]:
    words = WORDS[lang]
    programs, category = classify(parameter.name)
    lines = [f"({label_of(parameter.name)})=", f"### `{parameter.name}`", ""]
    known = (
        f" ({words['known_until']} {parameter.known_until.isoformat()})"
        if parameter.known_until is not None
        else ""
    )
    lines += [
        text(parameter.label("en" if lang == "en" else "id_ID")),
        "",
        (
            f"{words['category']}: {text(CATEGORIES[lang][category])} · "
            f"{words['program']}: {', '.join(programs) or words['general']} · "
            f"{words['unit']}: {UNITS[lang].get(parameter.unit, parameter.unit)}{known} · "
            f"{words['file']}: `{parameter.file}`"
        ),
        "",
    ]
    if steps_of(parameter) is None:
        lines += [
            words["no_chart"].format(what=UNITS[lang].get(parameter.unit, parameter.unit)),
            "",
        ]
    else:
        alt = words["chart_title"].format(name=parameter.name)
        lines += [
            "```{raw} html",
            (
                f'<figure class="explorer-chart"><img src="{CHART_DIR}/{parameter.name}.svg" '
                f'alt="{alt}" width="640" height="190" loading="lazy"></figure>'
            ),
            "```",
            "",
        ]
    rows = []
    entries = list(parameter.values)
    for index, entry in enumerate(entries):
        until = entry.until or (entries[index + 1].since if index + 1 < len(entries) else None)
        until = until or parameter.known_until
        rows.append(
            [
                entry.since.isoformat(),
                until.isoformat() if until is not None else words["open"],
                text(value_text(parameter.unit, entry.value, lang)),
                text("; ".join(cite_short(c) for c in entry.citations)),
                (
                    f"{STATUS[lang].get(entry.status, entry.status)} · {entry.confidence} "
                    f"({CONFIDENCE[lang].get(entry.confidence, entry.confidence)})"
                ),
            ]
        )
    header = [
        words["since"],
        words["until"],
        words["value"],
        words["basis"],
        f"{words['status']} · {words['confidence']}",
    ]
    lines += table(header, rows, "explorer-values", "14 12 24 30 20")
    cited: dict[str, Any] = {}
    for entry in entries:
        for citation in entry.citations:
            cited.setdefault(cite_short(citation), citation)
    lines += [f"{words['in_words']}:", ""]
    lines += [f"- {cite_words(c, lang)}" for c in cited.values()]
    lines.append("")
    notes = [(e.since, e.note) for e in entries if e.note]
    if notes:
        lines += [f"{words['notes']}:", ""]
        lines += [f"- {since.isoformat()}: {text(note)}" for since, note in notes]
        lines.append("")
    return lines


def explorer_lines(lang: str) -> list[str]:
    """The regulation explorer as Markdown (MyST) lines, in ``lang`` (``id`` or ``en``)."""
    from perlindungan.parameters import parameters  # noqa: PLC0415

    words = WORDS[lang]
    found = parameters()
    names = sorted(found)
    intro = words["popular_intro"].format(date=_dt.datetime.now(tz=_dt.UTC).date().isoformat())
    lines = [f"## {words['popular']}", "", intro, ""]
    popular = {
        "jp_cap": ["pu.jp.wage_cap"],
        "jkp_cap": ["pu.jkp.wage_cap"],
        "pension_age": ["jp.pension_age"],
        "bpu": [n for n in names if n.startswith("bpu.")],
    }
    today = _dt.datetime.now(tz=_dt.UTC).date()
    for key, group in popular.items():
        shown = [f"{_ref(n)}: {text(_on(found[n], today, lang))}" for n in group if n in found]
        if shown:
            lines.append(f"- **{words[key]}**: " + "; ".join(shown))
    lines += ["", f"## {words['find']}", "", words["find_intro"], ""]
    lines += [
        "```{raw} html",
        (
            f'<input id="explorer-filter" class="explorer-filter" type="search" '
            f'placeholder="{words["placeholder"]}" aria-label="{words["find"]}">'
        ),
        "```",
        "",
    ]
    rows = []
    for name in names:
        programs, category = classify(name)
        parameter = found[name]
        rows.append(
            [
                _ref(name),
                text(parameter.label("en" if lang == "en" else "id_ID")),
                (
                    f"{', '.join(programs) or words['general']} · "
                    f"{text(SHORT_CATEGORIES[lang][category])}"
                ),
                text(_latest(parameter, lang, short=True)),
            ]
        )
    header = [words["parameter"], words["label"], words["program_category"], words["latest"]]
    lines += table(header, rows, "explorer-index", "auto")
    lines += [f"## {words['by_category']}", "", words["by_category_intro"], ""]
    for category, title in CATEGORIES[lang].items():
        members = [n for n in names if classify(n)[1] == category]
        lines.append(f"- **{text(title)}**: " + ", ".join(_ref(n) for n in members))
    lines += ["", f"## {words['by_program']}", ""]
    sections = [*_PROGRAM_CODES, ""]
    for code in sections:
        members = [n for n in names if (classify(n)[0] or [""])[0] == code]
        title = f"{code}: {PROGRAMS[lang][code]}" if code else words["general_title"]
        lines += [f"### {title}", ""]
        for name in members:
            lines += [
                line.replace("### ", "#### ", 1) if line.startswith("### ") else line
                for line in _parameter_lines(found[name], lang)
            ]
    lines += catalogue_lines(lang)
    lines += programs_lines(lang)
    return lines
