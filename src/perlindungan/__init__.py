"""perlindungan: BPJS Ketenagakerjaan rules as exact, explainable, dated objects.

>>> import perlindungan as pl
>>> quote = pl.contributions(pl.NonWageEarner(income=1_000_000), on="2025-06-01")
>>> int(quote.total)
16800
"""

import importlib
from typing import TYPE_CHECKING, Final

from perlindungan import errors
from perlindungan._serialise import json_default
from perlindungan._version import __version__
from perlindungan.benefits import benefit_from_request, benefits
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
    from perlindungan._data_diff import (
        DataDiff,
        ParameterChange,
        ReliefChange,
        ValueStep,
        data_diff,
    )
    from perlindungan._data_status import DataStatus, StatusItem, data_status
    from perlindungan.benefits import Benefit, Claim, Component

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


# Imported on first use, because a measurement says it pays (docs/maintainers.md, "Import
# time"): ``regional`` is large, and the benefit classes and the data reports
# (``data_status``, ``data_diff``) build classes and load modules a contribution never
# needs. Everything else is imported above; the (light) benefits subpackage before the
# function ``benefits`` is bound, so that ``perlindungan.benefits`` is the function.

#: Public name -> the module it is imported from on first use.
_LAZY: Final = {
    "Benefit": "perlindungan.benefits._model",
    "Claim": "perlindungan.benefits._claim",
    "Component": "perlindungan.benefits._model",
    "DataDiff": "perlindungan._data_diff",
    "ParameterChange": "perlindungan._data_diff",
    "ReliefChange": "perlindungan._data_diff",
    "ValueStep": "perlindungan._data_diff",
    "data_diff": "perlindungan._data_diff",
    "DataStatus": "perlindungan._data_status",
    "StatusItem": "perlindungan._data_status",
    "data_status": "perlindungan._data_status",
}


def __getattr__(name: str) -> object:
    if name == "regional":
        return importlib.import_module("perlindungan.regional")
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'perlindungan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
