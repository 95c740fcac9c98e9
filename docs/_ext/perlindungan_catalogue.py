# noqa: INP001 - a Sphinx extension module loaded from docs/_ext, not a package
"""The end of the regulation explorer: the legal-basis catalogue, the bundled regional
programs and the regions they cover, generated from the data in the language of the build.
"""

from __future__ import annotations

from perlindungan_table import table, text
from perlindungan_words import KINDS_EN, LEVELS, LIBRARY_ID, PAYERS, STATUS, WORDS


def catalogue_lines(lang: str) -> list[str]:
    """The legal-basis catalogue as Markdown lines."""
    from perlindungan.legal import KINDS  # noqa: PLC0415
    from perlindungan.parameters import parameters  # noqa: PLC0415

    words = WORDS[lang]
    bases = parameters().bases
    rows = []
    for basis in sorted(bases.values(), key=lambda b: (b.kind, b.year, b.number)):
        kind = (
            LIBRARY_ID.get(basis.kind, KINDS.get(basis.kind, basis.kind))
            if lang == "id"
            else KINDS_EN.get(basis.kind, basis.kind)
        )
        title = LIBRARY_ID.get(basis.id, basis.title) if lang == "id" else basis.title
        rows.append(
            [
                f"**{text(title if basis.kind == 'Library' else basis.short)}**",
                text(kind),
                text(title),
                basis.in_force.isoformat() if basis.in_force else words["none"],
                f"[{words['copy']}]({basis.url})" if basis.url else words["none"],
            ]
        )
    header = [words["short"], words["kind"], words["title"], words["in_force"], words["link"]]
    return [
        f"## {words['catalogue']}",
        "",
        words["catalogue_intro"],
        "",
        *table(header, rows, "explorer-catalogue", "20 22 36 10 12"),
    ]


def programs_lines(lang: str) -> list[str]:
    """The bundled regional programs and the regions they cover, as Markdown lines."""
    from perlindungan.regional import bundled_schemes, regions  # noqa: PLC0415

    words = WORDS[lang]
    registry = regions()
    rows = []
    used: set[str] = set()
    for program in bundled_schemes():
        region = registry.get(program.region)
        used.update(r.code for r in registry.chain(region.code))
        quota = program.quota.total
        quota_text = (
            f"{quota:,}".replace(",", "." if lang == "id" else ",") if quota else words["none"]
        )
        payer = program.funding.payer.value
        rows.append(
            [
                f"**{text(program.name('en' if lang == 'en' else 'id_ID'))}** (`{program.id}`)",
                text(f"{region.name} ({region.code})"),
                program.valid_from.isoformat(),
                ", ".join(f"`{g}`" for g in program.groups),
                ", ".join(p.value for p in program.coverage.programs),
                quota_text,
                text(PAYERS[lang].get(payer, payer)),
                STATUS[lang].get(program.status, program.status),
            ]
        )
    header = [
        words["name"],
        words["region"],
        words["since"],
        words["groups"],
        words["covers"],
        words["quota"],
        words["payer"],
        words["status"],
    ]
    lines = [f"## {words['programs']}", "", words["programs_intro"], ""]
    lines += table(header, rows, "explorer-programs", "24 14 10 16 8 8 9 11")
    region_rows = []
    for code in sorted(used, key=lambda c: [int(p) for p in c.split(".")]):
        region = registry.get(code)
        below = registry.descendants(code)
        counts: dict[str, int] = {}
        for sub in below:
            counts[sub.level] = counts.get(sub.level, 0) + 1
        parts = ", ".join(f"{n} {LEVELS[lang].get(level, level)}" for level, n in counts.items())
        region_rows.append(
            [
                f"`{region.code}`",
                text(
                    region.name
                    if lang == "id" or not region.name_en
                    else f"{region.name_en} ({region.name})"
                ),
                LEVELS[lang].get(region.level, region.level),
                text(parts) if parts else words["none"],
            ]
        )
    header = [words["code"], words["name"], words["level"], words["parts"]]
    lines += [f"### {words['regions']}", "", words["regions_intro"], ""]
    lines += table(header, region_rows, "explorer-regions")
    return lines
