"""Quotas per sub-region proportional to weights, rounded by the largest remainder.

``[scheme.quota]`` may split its ``total`` among sub-regions (kecamatan or villages):
``sub_region_split = "weights"`` with ``sub_region_weights`` (e.g. the declared potential
of each kecamatan), or ``sub_region_split = "eligible"`` (the number of eligible people
of each sub-region in the roster). Each part is ``total x weight / sum of weights`` rounded
down; the places left over go one each to the largest remainders (ties: the sub-region's
key in code or text order), so the parts always add up to the total. Worked example:
4,000 places over weights 3, 2 and 2 give 1,714.29, 1,142.86 and 1,142.86; rounded down
1,714 + 1,142 + 1,142 = 3,998; the two places left go to the two largest remainders
(0.86 and 0.86): 1,714, 1,143 and 1,143.

>>> largest_remainder(4000, {"a": 3, "b": 2, "c": 2})
{'a': 1714, 'b': 1143, 'c': 1143}

"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from perlindungan.regional._program import RegionalScheme

__all__ = ["SPLITS", "largest_remainder", "sub_region_caps"]

#: How a quota's total may be split among sub-regions.
SPLITS: Final = ("weights", "eligible")


def _order(key: str) -> tuple[int, tuple[int, ...], str]:
    parts = key.split(".")
    if all(p.isdigit() for p in parts):
        return (0, tuple(int(p) for p in parts), key)
    return (1, (), key)


def largest_remainder(total: int, weights: Mapping[str, int]) -> dict[str, int]:
    """``total`` split in proportion to ``weights`` (whole numbers, 0 or more), adding up
    to ``total`` when any weight is positive (all parts 0 otherwise)."""
    whole = sum(weights.values())
    if total <= 0 or whole <= 0:
        return dict.fromkeys(weights, 0)
    parts = {k: total * w // whole for k, w in weights.items()}
    remainders = sorted(weights, key=lambda k: (-(total * weights[k] % whole), _order(k)))
    for key in remainders[: total - sum(parts.values())]:
        parts[key] += 1
    return parts


def sub_region_caps(program: RegionalScheme, eligible: Mapping[str, int]) -> dict[str, int] | None:
    """The cap of each sub-region (by resolved key) when the scheme splits its total, or
    None when it does not; ``eligible`` counts the people to place per resolved key."""
    from perlindungan.regional._allocate import resolve_sub_region  # noqa: PLC0415

    quota = program.quota
    if quota.sub_region_split is None or quota.total is None:
        return None
    if quota.sub_region_split == "weights":
        weights: Counter[str] = Counter()
        for name, weight in quota.sub_region_weights.items():
            weights[resolve_sub_region(program, name) or name] += weight
    else:
        weights = Counter({k: n for k, n in eligible.items() if n > 0})
    return largest_remainder(quota.total, weights)
