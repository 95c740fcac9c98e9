"""Facts that decide relief: an employer's sector and size (PU), a participant's sector
and who pays their contributions (BPU)."""

from __future__ import annotations

from typing import Final

from perlindungan._input.limits import MAX_COUNT, MAX_ID_CHARS
from perlindungan._input.shown import shown
from perlindungan._input.text import display_text
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.programs import Payer

__all__ = ["BPU_PAYERS", "bpu_sector", "employer_sector", "employer_workers", "paid_by"]

#: Who may pay a non-wage earner's contributions (``paid_by``): the participant, or a
#: public budget or another payer on their behalf.
BPU_PAYERS: Final = (
    Payer.WORKER,
    Payer.GOVERNMENT,
    Payer.REGIONAL_BUDGET,
    Payer.VILLAGE_BUDGET,
    Payer.OTHER,
)


def bpu_sector(value: object) -> str | None:
    """The participant's sector as given (``"transport"``, or any other name), or None."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(
            Message(
                "{field} must be the participant's sector such as 'transport' (any other "
                "name means another sector), got {value}.",
                field="sector",
                value=shown(value),
            ),
            field="sector",
            value=value,
        )
    return display_text(value, field="sector", limit=MAX_ID_CHARS)


def paid_by(value: object) -> Payer:
    """Who pays the contributions: one of :data:`BPU_PAYERS`; None means the worker."""
    if value is None:
        return Payer.WORKER
    choices = [p.value for p in BPU_PAYERS]
    text = value.value if isinstance(value, Payer) else value
    if isinstance(text, str) and text.strip().lower() in choices:
        return Payer(text.strip().lower())
    raise UnknownNameError(
        Message(
            "{field} must be one of {names}; got {value} ({hint})",
            field="paid_by",
            names=", ".join(choices),
            value=shown(value),
            hint=did_you_mean(text if isinstance(text, str) else "", choices),
        ),
        field="paid_by",
        value=value,
        suggestions=choices,
    )


def employer_workers(value: object) -> int | None:
    """An employer's number of workers, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise InvalidInputError(
            Message(
                "{field} must be a whole number of workers such as 120 (at most {most:,}), "
                "got {value}.",
                field="employer.workers",
                most=MAX_COUNT,
                value=shown(value),
            ),
            field="employer.workers",
            value=value,
        )
    return value


def employer_sector(value: object) -> str | None:
    """An employer's sector name, or None."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInputError(
            Message(
                "{field} must be a sector name such as 'textile_apparel', got {value}.",
                field="employer.sector",
                value=shown(value),
            ),
            field="employer.sector",
            value=value,
        )
    return display_text(value, field="employer.sector", limit=MAX_ID_CHARS)
