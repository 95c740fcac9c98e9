"""Rendering a quote as text in Bahasa Indonesia or English."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from perlindungan._i18n import N_, babel_locale, translate
from perlindungan._message import Message
from perlindungan.money import Rupiah, format_rupiah

if TYPE_CHECKING:
    from perlindungan.contributions._model import Line, Note, Quote

__all__ = ["explain_quote", "format_date", "format_rate", "render_label", "render_note"]


@lru_cache(maxsize=1024)
def format_rate(rate: Decimal, locale: str) -> str:
    """A fraction as a percentage: 0.0024 -> '0,24%' (id) or '0.24%' (en).

    Cached: the same few rates are formatted in every explanation (equal rates give the
    same text, since the percentage is normalized first).
    """
    from babel.numbers import format_decimal  # noqa: PLC0415

    percent = (rate * 100).normalize()
    places = max(0, -percent.as_tuple().exponent)  # type: ignore[operator]
    pattern = "#,##0" + ("." + "#" * places if places else "")
    return f"{format_decimal(percent, format=pattern, locale=babel_locale(_babel_locale(locale)))}%"


@lru_cache(maxsize=1024)
def format_date(day: _dt.date, locale: str) -> str:
    """A date in words: '7 Februari 2025' or 'February 7, 2025'."""
    from babel.dates import format_date as babel_format_date  # noqa: PLC0415

    return str(babel_format_date(day, format="long", locale=babel_locale(_babel_locale(locale))))


def _babel_locale(locale: str) -> str:
    return "en" if locale.lower().startswith("en") else "id_ID"


def _fmt(value: object, locale: str) -> str:
    if isinstance(value, Message):  # a translatable label (a termination reason's name)
        return value.localized(locale)
    if isinstance(value, Rupiah):
        return format_rupiah(value, locale=_babel_locale(locale))
    if isinstance(value, _dt.date):
        return format_date(value, locale)
    return str(value)


def render_note(note: Note, locale: str) -> str:
    """A note's message in ``locale`` with its parameters filled in."""
    params = {k: _fmt(v, locale) for k, v in note.params.items()}
    text = translate(note.message, locale).format(**params)
    if note.citations:
        text += f" ({'; '.join(str(c) for c in note.citations)})"
    return text


def render_label(line: Line, locale: str) -> str:
    """A line's label in ``locale`` with its parameters filled in."""
    return translate(line.label, locale).format(
        **{k: _fmt(v, locale) for k, v in line.label_params}
    )


def _line_text(line: Line, locale: str) -> list[str]:
    t = translate

    def money(amount: Rupiah) -> str:
        return format_rupiah(amount, locale=_babel_locale(locale))

    label = render_label(line, locale)
    payer = t(line.payer.label, locale)
    head = t(N_("{program} - {label}, paid by {payer}: {amount}"), locale).format(
        program=line.program.value, label=label, payer=payer, amount=money(line.amount)
    )
    if line.frequency.value == "once":
        head += " " + t(N_("(once)"), locale)
    out = [head]
    if line.rate is not None and line.base is not None:
        how = t(N_("{rate} of {base}"), locale).format(
            rate=format_rate(line.rate, locale), base=money(line.base)
        )
        if line.relief is not None:
            how += ", " + t(N_("then {share} of it is payable"), locale).format(
                share=format_rate(line.relief.payable_share, locale)
            )
        out.append(
            "    "
            + how
            + " "
            + t(N_("= {exact}, rounded half up to whole rupiah"), locale).format(
                exact=money(
                    line.base * line.rate * (line.relief.payable_share if line.relief else 1)
                )
            )
        )
    elif line.base is not None and line.label_params:
        months = dict(line.label_params).get("months", 1)
        out.append(
            "    " + t(N_("{count} x {unit}"), locale).format(count=months, unit=money(line.base))
        )
    elif not line.bands:
        out.append("    " + t(N_("flat amount"), locale))
    for part in line.bands:
        above = money(part.above)
        out.append(
            "    "
            + t(
                N_("{rate} of {portion}, the part of {base} above {above}: {amount}"), locale
            ).format(
                rate=format_rate(part.rate, locale),
                portion=money(part.portion),
                base=money(line.base) if line.base is not None else "",
                above=above,
                amount=money(part.amount),
            )
        )
    if line.cap is not None:
        out.append(
            "    "
            + t(
                N_("the base {uncapped} is limited to the cap of {limit} ({basis})"), locale
            ).format(
                uncapped=money(line.cap.uncapped),
                limit=money(line.cap.limit),
                basis="; ".join(str(c) for c in line.cap.citations),
            )
        )
    if line.relief is not None:
        message = (
            N_("relief under {scheme}: normal amount {normal}, {reduction} deferred ({basis})")
            if line.relief.kind == "deferral"
            else N_("relief under {scheme}: normal amount {normal}, {reduction} discount ({basis})")
        )
        out.append(
            "    "
            + t(message, locale).format(
                scheme=line.relief.scheme,
                normal=money(line.relief.normal_amount),
                reduction=money(line.relief.reduction),
                basis="; ".join(str(c) for c in line.relief.citations),
            )
        )
    for rec in line.recomposition:
        out.append(
            "    "
            + t(
                N_(
                    "plus {rate} of the base ({amount}) booked from the employer's {program} "
                    "contribution, already billed there ({basis})"
                ),
                locale,
            ).format(
                rate=format_rate(rec.rate, locale),
                amount=money(rec.amount),
                program=rec.source.value,
                basis="; ".join(str(c) for c in rec.citations),
            )
        )
    if line.covers:
        out.append(
            "    "
            + t(N_("one amount for {programs} together"), locale).format(
                programs=" + ".join(p.value for p in line.covers)
            )
        )
    if line.on_behalf_of is not None:
        out.append(
            "    "
            + t(N_("paid on behalf of the {payer}"), locale).format(
                payer=t(line.on_behalf_of.label, locale)
            )
        )
    out.append("    " + t(N_("legal basis: {basis}"), locale).format(basis=line.basis))
    return out


def explain_quote(quote: Quote, locale: str) -> str:
    """The whole explanation of a quote."""
    t = translate

    def money(amount: Rupiah) -> str:
        return format_rupiah(amount, locale=_babel_locale(locale))

    out = [
        t(N_("Contributions for {month} (date {on}), category {category}"), locale).format(
            month=quote.month,
            on=format_date(quote.on, locale),
            category=quote.worker.category.value,
        )
    ]
    for line in quote.lines:
        out.extend(_line_text(line, locale))
    out.append(t(N_("Totals by payer:"), locale))
    for payer, amount in quote.totals().items():
        out.append(f"    {t(payer.label, locale)}: {money(amount)}")
    out.append(f"    {t(N_('total'), locale)}: {money(quote.total)}")
    if quote.notes:
        out.append(t(N_("Notes:"), locale))
        out.extend(f"    - {render_note(note, locale)}" for note in quote.notes)
    out.append(
        t(
            N_(
                "Each line is rounded to whole rupiah, half up: the library's convention, "
                "because no regulation states one."
            ),
            locale,
        )
    )
    return "\n".join(out)
