"""Benefits (manfaat): who is entitled, and what is paid, for JKK, JKM, JHT, JP and JKP.

>>> from perlindungan import Claim, benefits
>>> answer = benefits(Claim(program="JKM", event="death"), on="2024-06-01")
>>> answer.eligible, int(answer.total)
(True, 42000000)
"""

# This package is light on purpose: ``import perlindungan`` imports it (so that the name
# ``perlindungan.benefits`` is bound to the function below, not to this package), and a
# contribution needs none of it. The claim, the answer and the rules of each program are
# imported on first use, because a measurement says it pays (docs/maintainers.md,
# "Import time"): the functions import them when called, the classes through
# ``__getattr__``.

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from perlindungan.benefits._claim import EVENTS, Child, Claim, Contribution, YearWage
    from perlindungan.benefits._model import Benefit, Component
    from perlindungan.dates import DateLike

__all__ = [
    "EVENTS",
    "Benefit",
    "Child",
    "Claim",
    "Component",
    "Contribution",
    "YearWage",
    "benefit_from_request",
    "benefits",
]

#: Public name -> the module it is imported from on first use.
_LAZY: Final = {
    "EVENTS": "perlindungan.benefits._claim",
    "Child": "perlindungan.benefits._claim",
    "Claim": "perlindungan.benefits._claim",
    "Contribution": "perlindungan.benefits._claim",
    "YearWage": "perlindungan.benefits._claim",
    "Benefit": "perlindungan.benefits._model",
    "Component": "perlindungan.benefits._model",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'perlindungan.benefits' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def benefits(claim: Claim, *, on: DateLike) -> Benefit:
    """Whether ``claim`` is payable on ``on``, and what is paid, component by component."""
    from perlindungan.benefits._answer import answer  # noqa: PLC0415 (deferred, see above)

    return answer(claim, on)


def benefit_from_request(request: Mapping[str, Any] | str | bytes) -> Benefit:
    """Answer a request of the JSON contract: ``{"on": ..., "claim": {...}}``."""
    from perlindungan.benefits._answer import answer_request  # noqa: PLC0415 (deferred)

    return answer_request(request)
