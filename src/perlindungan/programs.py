"""The five programs, the payers and how often a contribution is due."""

from __future__ import annotations

import enum

from perlindungan._i18n import N_

__all__ = ["Frequency", "Payer", "Program"]


class Program(enum.StrEnum):
    """A BPJS Ketenagakerjaan program."""

    JKK = "JKK"
    JKM = "JKM"
    JHT = "JHT"
    JP = "JP"
    JKP = "JKP"

    @property
    def label(self) -> str:
        """The program's full name (translatable message id)."""
        return _PROGRAM_LABELS[self]


_PROGRAM_LABELS = {
    Program.JKK: N_("Work accident insurance"),
    Program.JKM: N_("Death insurance"),
    Program.JHT: N_("Old-age savings"),
    Program.JP: N_("Pension"),
    Program.JKP: N_("Job-loss insurance"),
}


class Payer(enum.StrEnum):
    """Who pays a contribution line. These names are part of the JSON contract."""

    EMPLOYER = "employer"
    WORKER = "worker"
    GOVERNMENT = "government"
    REGIONAL_BUDGET = "regional_budget"
    VILLAGE_BUDGET = "village_budget"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The payer's label (translatable message id)."""
        return _PAYER_LABELS[self]


_PAYER_LABELS = {
    Payer.EMPLOYER: N_("employer"),
    Payer.WORKER: N_("worker"),
    Payer.GOVERNMENT: N_("central government"),
    Payer.REGIONAL_BUDGET: N_("regional budget (APBD)"),
    Payer.VILLAGE_BUDGET: N_("village budget (APB Desa/Nagari)"),
    Payer.OTHER: N_("other (CSR and the like)"),
}


class Frequency(enum.StrEnum):
    """How often a line is due."""

    MONTHLY = "monthly"
    ONCE = "once"
