"""perlindungan: BPJS Ketenagakerjaan rules as exact, explainable, dated objects.

>>> import perlindungan as pl
>>> quote = pl.contributions(pl.NonWageEarner(income=1_000_000), on="2025-06-01")
>>> int(quote.total)
16800
"""

import sys
import types
from typing import TYPE_CHECKING

from perlindungan import errors
from perlindungan._serialise import json_default
from perlindungan._version import __version__
from perlindungan.contributions import Line, Quote, contributions, quote_from_request
from perlindungan.dates import Month, age_on
from perlindungan.errors import (
    InvalidInputError,
    MoneyTypeError,
    NoValueInForceError,
    PerlindunganError,
    RegulationDataError,
    UnknownNameError,
)
from perlindungan.legal import Citation, LegalBasis
from perlindungan.money import Rupiah, format_rupiah
from perlindungan.parameters import DatedValue, Parameter, parameter, parameters
from perlindungan.pension_age import pension_age_on, pension_age_reached_on
from perlindungan.programs import Frequency, Payer, Program
from perlindungan.workers import (
    Category,
    ConstructionProject,
    ConstructionWorker,
    Employer,
    MigrantWorker,
    NonWageEarner,
    RiskClass,
    WageEarner,
    Worker,
    worker_from_dict,
)

if TYPE_CHECKING:
    from perlindungan import regional
    from perlindungan.benefits import (
        Benefit,
        Claim,
        Component,
        benefit_from_request,
        benefits,
    )

__all__ = [
    "Benefit",
    "Category",
    "Citation",
    "Claim",
    "Component",
    "ConstructionProject",
    "ConstructionWorker",
    "DatedValue",
    "Employer",
    "Frequency",
    "InvalidInputError",
    "LegalBasis",
    "Line",
    "MigrantWorker",
    "MoneyTypeError",
    "Month",
    "NoValueInForceError",
    "NonWageEarner",
    "Parameter",
    "Payer",
    "PerlindunganError",
    "Program",
    "Quote",
    "RegulationDataError",
    "RiskClass",
    "Rupiah",
    "UnknownNameError",
    "WageEarner",
    "Worker",
    "__version__",
    "age_on",
    "benefit_from_request",
    "benefits",
    "contributions",
    "errors",
    "format_rupiah",
    "json_default",
    "parameter",
    "parameters",
    "pension_age_on",
    "pension_age_reached_on",
    "quote_from_request",
    "regional",
    "worker_from_dict",
]


# ``regional`` and the benefits names are imported on first use: they are large, and
# ``import perlindungan`` should stay fast (see docs/performance.md).
_LAZY_BENEFITS = frozenset({"Benefit", "Claim", "Component", "benefit_from_request", "benefits"})


def __getattr__(name: str) -> object:
    import importlib  # noqa: PLC0415

    if name == "regional":
        return importlib.import_module("perlindungan.regional")
    if name in _LAZY_BENEFITS:
        # Importing the subpackage binds ``benefits`` here (see _Package); bind the rest.
        module = importlib.import_module("perlindungan.benefits")
        for lazy in _LAZY_BENEFITS:
            globals()[lazy] = getattr(module, lazy)
        return globals()[name]
    raise AttributeError(f"module 'perlindungan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The ``perlindungan`` module: ``perlindungan.benefits`` is always the function.

    Importing the subpackage ``perlindungan.benefits`` (``import perlindungan.benefits``,
    or on first use of a benefits name) makes Python bind the subpackage as an attribute
    of this package; the function of the same name is bound instead, as when the
    subpackage was imported eagerly.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "benefits" and isinstance(value, types.ModuleType):
            value = value.benefits
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
