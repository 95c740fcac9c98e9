"""perlindungan: BPJS Ketenagakerjaan rules as exact, explainable, dated objects.

>>> import perlindungan as pl
>>> quote = pl.contributions(pl.NonWageEarner(income=1_000_000), on="2025-06-01")
>>> int(quote.total)
16800
"""

from typing import TYPE_CHECKING

from perlindungan import errors
from perlindungan._data_diff import DataDiff, ParameterChange, ReliefChange, ValueStep, data_diff
from perlindungan._data_status import DataStatus, StatusItem, data_status
from perlindungan._serialise import json_default
from perlindungan._version import __version__
from perlindungan.benefits import Benefit, Claim, Component, benefit_from_request, benefits
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

__all__ = [
    "Benefit",
    "Category",
    "Citation",
    "Claim",
    "Component",
    "ConstructionProject",
    "ConstructionWorker",
    "DataDiff",
    "DataStatus",
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
    "ParameterChange",
    "Payer",
    "PerlindunganError",
    "Program",
    "Quote",
    "RegulationDataError",
    "ReliefChange",
    "RiskClass",
    "Rupiah",
    "StatusItem",
    "UnknownNameError",
    "ValueStep",
    "WageEarner",
    "Worker",
    "__version__",
    "age_on",
    "benefit_from_request",
    "benefits",
    "contributions",
    "data_diff",
    "data_status",
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


# ``regional`` is imported on first use: it is large, and ``import perlindungan`` should
# stay fast (see docs/performance.md). The benefits subpackage is imported above, before
# the function ``benefits`` is bound, so ``perlindungan.benefits`` is the function.


def __getattr__(name: str) -> object:
    import importlib  # noqa: PLC0415

    if name == "regional":
        return importlib.import_module("perlindungan.regional")
    raise AttributeError(f"module 'perlindungan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
