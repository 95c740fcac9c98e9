"""``scheme show``: a scheme as the library understood it, in the chosen language."""

from __future__ import annotations

from perlindungan._i18n import N_, babel_locale, translate
from perlindungan.money import format_rupiah
from perlindungan.regional import ROLES, RegionalScheme

__all__ = ["show"]

_L_PAID_BY = N_("paid by")
_L_REGION = N_("region")
_L_STATUS = N_("status")
_L_BASIS = N_("basis")
_L_GROUPS = N_("groups")
_L_COVERAGE = N_("coverage")
_L_QUOTA = N_("quota")
_L_TOTAL = N_("total")
_L_PER_ROLE = N_("per role")
_L_PER_SUB = N_("per sub-region: {cap} each for {units} sub-regions")
_L_LISTED = N_("listed per sub-region: {count}")
_L_SPLIT = N_("split among sub-regions by {how} (largest remainder)")
_L_PHASE_FROM = N_("{name}: from {start}")
_STATUS_WORDS = {
    "enacted": N_("enacted"),
    "announced": N_("announced"),
    "derived": N_("derived"),
    "illustrative": N_("illustrative"),
}
_SPLIT_WORDS = {
    "eligible": N_("the count of eligible people"),
    "weights": N_("the weights listed"),
}
_PHASE_QUOTA_WORDS = {"added": N_("places added"), "cumulative": N_("places in total so far")}
_L_NEW_PLACES = N_("{count} new places")
_L_PHASE_QUOTAS = N_("phase quotas written as: {how}")
_L_TARGET = N_("target {year}: {count}")
_L_GRANT = N_("grant {name}: {amount}")


def show(p: RegionalScheme, locale: str) -> str:
    """The text of ``scheme show``."""
    from babel.numbers import format_decimal  # noqa: PLC0415

    def t(message: str) -> str:
        return translate(message, locale)

    def n(value: int) -> str:
        return str(format_decimal(value, locale=babel_locale(locale)))

    def status(code: str) -> str:
        return t(_STATUS_WORDS.get(code, code))

    registry = p.region_registry()
    q = p.quota
    quota = [f"{t(_L_TOTAL)} {n(q.total)}" if q.total is not None else f"{t(_L_TOTAL)} -"]
    if q.per_role:
        quota.append(f"{t(_L_PER_ROLE)} " + ", ".join(f"{r} {n(c)}" for r, c in q.per_role.items()))
    if q.per_sub_region is not None:
        units = n(q.sub_regions) if q.sub_regions is not None else "-"
        quota.append(t(_L_PER_SUB).format(cap=n(q.per_sub_region), units=units))
    if q.sub_region_quotas:
        quota.append(t(_L_LISTED).format(count=n(len(q.sub_region_quotas))))
    if q.sub_region_split:
        how = t(_SPLIT_WORDS.get(q.sub_region_split, q.sub_region_split))
        quota.append(t(_L_SPLIT).format(how=how))
    lines = [
        f"{p.name(locale)} ({p.id})",
        (
            f"  {t(_L_REGION)}: {registry.describe(p.region)}; "
            f"{p.valid_from.isoformat()} .. {p.valid_until or '...'}"
        ),
        (
            f"  {t(_L_STATUS)}: {status(p.status)} ({p.confidence}); "
            f"{t(_L_BASIS)}: {', '.join(str(c) for c in p.citations) or '-'}"
        ),
        f"  {t(_L_GROUPS)}: " + ", ".join(f"{g} ({t(ROLES[g])})" for g in p.groups),
        (
            f"  {t(_L_COVERAGE)}: {' + '.join(x.value for x in p.coverage.programs)} "
            f"({p.coverage.scheme}, {status(p.coverage.status)})"
        ),
        f"  {t(_L_PAID_BY)}: {p.funding.describe(locale, registry)}",
        f"  {t(_L_QUOTA)}: {'; '.join(quota)} ({status(q.status)})",
    ]
    for number, ph in enumerate(p.phases, start=1):
        line = "  " + t(_L_PHASE_FROM).format(
            name=ph.label(locale, number), start=ph.start.isoformat()
        )
        if ph.places is not None:
            line += ", " + t(_L_NEW_PLACES).format(count=n(ph.places))
        lines.append(f"{line} ({status(ph.status)})")
    if q.phase_quotas:
        how = t(_PHASE_QUOTA_WORDS.get(q.phase_quotas, q.phase_quotas))
        lines.append("  " + t(_L_PHASE_QUOTAS).format(how=how))
    lines.extend(
        "  " + t(_L_TARGET).format(year=tg.year, count=n(tg.count)) + f" ({status(tg.status)})"
        for tg in p.targets
    )
    lines.extend(
        "  "
        + t(_L_GRANT).format(name=g.name, amount=format_rupiah(g.amount, locale=locale))
        + f" ({status(g.status)})"
        for g in p.grants
    )
    return "\n".join(lines)
