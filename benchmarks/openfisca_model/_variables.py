"""The model's entities and variables: a month's BPJS Ketenagakerjaan contributions of
wage earners (Penerima Upah, PU) and non-wage earners (Bukan Penerima Upah, BPU), written
the way an OpenFisca country package writes them.

Each contribution is ``rate x base`` rounded half up to whole rupiah (perlindungan's
documented convention), in integers: rates are parts per million (see ``_parameters``).
The JKK rate of a wage earner is read by OpenFisca's fancy indexing of the parameter node
with the risk-group enum, as a country package does it. JP is due until the month in
which the worker reaches pension age (the pension-age schedule of ``jp.pension_age``,
stepped by date: the first birthday, from the earliest pension age up, at which the
worker is at least the pension age in force on that birthday).

Not modelled, because the benchmark's population has no facts for them: the PP 7/2025
JKK relief of wage earners (it needs the employer's sector and size) and the relief of
non-wage earners by sector or payer. The contributions of a month in which PP 49/2020 was
in force (August 2020 to January 2021) are refused.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import numpy as np
from openfisca_core.entities import build_entity
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from ._parameters import PPM

Person = build_entity(key="person", plural="persons", label="Worker", is_person=True)
Employer = build_entity(
    key="employer",
    plural="employers",
    label="Employer",
    roles=[{"key": "employee", "plural": "employees", "label": "Employee"}],
)
ENTITIES = (Person, Employer)


def _half_up(base: Any, ppm: Any) -> Any:  # noqa: ANN401 - numpy arrays
    """``base x ppm / 1,000,000`` rounded half up to whole rupiah, exactly (int64)."""
    return (np.asarray(base, dtype=np.int64) * ppm * 2 + PPM) // (2 * PPM)


class Category(Enum):
    pu = "wage earner (Penerima Upah)"
    bpu = "non-wage earner (Bukan Penerima Upah)"


class RiskGroup(Enum):
    risk_group_1 = "very low"
    risk_group_2 = "low"
    risk_group_3 = "medium"
    risk_group_4 = "high"
    risk_group_5 = "very high"


class category(Variable):  # noqa: N801 - OpenFisca names variables in lowercase
    value_type = Enum
    possible_values = Category
    default_value = Category.pu
    entity = Person
    definition_period = DateUnit.MONTH
    label = "Worker category"


class wage(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "Monthly wage of a wage earner (rupiah)"


class risk_group(Variable):  # noqa: N801
    value_type = Enum
    possible_values = RiskGroup
    default_value = RiskGroup.risk_group_1
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JKK risk group of the workplace"


class birth_date(Variable):  # noqa: N801
    value_type = _dt.date
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Birth date"


class income(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "Declared monthly income of a non-wage earner (rupiah)"


class with_jht(Variable):  # noqa: N801
    value_type = bool
    entity = Person
    definition_period = DateUnit.MONTH
    label = "A non-wage earner who takes part in JHT"


def _pu(person: Any, period: Any) -> Any:  # noqa: ANN401
    return person("category", period) == Category.pu


def _bpu(person: Any, period: Any) -> Any:  # noqa: ANN401
    return person("category", period) == Category.bpu


def _no_pp49(parameters: Any, period: Any) -> None:  # noqa: ANN401
    if parameters(period).relief.pp49_2020_in_force:
        msg = f"{period}: PP 49/2020 relief is not modelled (August 2020 to January 2021)"
        raise ValueError(msg)


class pension_age_reached(Variable):  # noqa: N801
    value_type = _dt.date
    entity = Person
    definition_period = DateUnit.ETERNITY
    label = "Date on which the worker reaches pension age"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        del parameters  # the whole schedule is read, not its value on one date
        schedule = person.simulation.tax_benefit_system.parameters.jp.pension_age
        steps = sorted(
            (np.datetime64(v.instant_str, "D"), int(v.value)) for v in schedule.values_list
        )
        starts = np.array([s for s, _ in steps], dtype="datetime64[D]")
        ages = np.array([a for _, a in steps])
        born = person("birth_date", period).astype("datetime64[D]")
        born_month = born.astype("datetime64[M]")
        day_of_month = (born - born_month.astype("datetime64[D]")).astype(np.int64)
        reached = np.full(born.shape, np.datetime64("NaT"), dtype="datetime64[D]")
        for age in range(int(ages[0]), int(ages.max()) + 1):
            # the birthday at ``age`` (29 February -> 1 March in a common year)
            month = born_month + np.timedelta64(12 * age, "M")
            day = month.astype("datetime64[D]") + day_of_month
            in_force = ages[np.maximum(np.searchsorted(starts, day, side="right") - 1, 0)]
            done = (day < starts[0]) | (age >= in_force)
            reached = np.where(np.isnat(reached) & done, day, reached)
        return reached


class jp_due(Variable):  # noqa: N801
    value_type = bool
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JP is due: the worker reaches pension age after this month"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        del parameters
        last_day = np.datetime64(str(period.stop), "D")  # the last day of the month
        return person("pension_age_reached", period) > last_day


class jkk_employer(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JKK, paid by the employer of a wage earner"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        _no_pp49(parameters, period)
        rate = parameters(period).pu.jkk_rate[person("risk_group", period)]
        return np.where(_pu(person, period), _half_up(person("wage", period), rate), 0)


class jkm_employer(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JKM, paid by the employer of a wage earner"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        _no_pp49(parameters, period)
        rate = parameters(period).pu.jkm_rate
        return np.where(_pu(person, period), _half_up(person("wage", period), rate), 0)


class jht_employer(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JHT, employer's share for a wage earner"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        rate = parameters(period).pu.jht_employer_rate
        return np.where(_pu(person, period), _half_up(person("wage", period), rate), 0)


class jht_worker(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JHT, worker's share (wage earner), or a non-wage earner's JHT"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        p = parameters(period)
        pu = _half_up(person("wage", period), p.pu.jht_worker_rate)
        bpu = _half_up(person("income", period), p.bpu.jht_rate)
        return np.where(_pu(person, period), pu, np.where(person("with_jht", period), bpu, 0))


class jp_employer(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JP, employer's share (wage capped), until pension age"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        _no_pp49(parameters, period)
        p = parameters(period).pu
        base = np.minimum(person("wage", period), p.jp_wage_cap)
        due = _pu(person, period) & person("jp_due", period)
        return np.where(due, _half_up(base, p.jp_employer_rate), 0)


class jp_worker(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JP, worker's share (wage capped), until pension age"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        _no_pp49(parameters, period)
        p = parameters(period).pu
        base = np.minimum(person("wage", period), p.jp_wage_cap)
        due = _pu(person, period) & person("jp_due", period)
        return np.where(due, _half_up(base, p.jp_worker_rate), 0)


class jkp_government(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JKP, the central government's share for a wage earner (wage capped)"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        p = parameters(period).pu
        base = np.minimum(person("wage", period), p.jkp_wage_cap)
        return np.where(_pu(person, period), _half_up(base, p.jkp_government_rate), 0)


class jkk_worker(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JKK of a non-wage earner, on the declared income"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        rate = parameters(period).bpu.jkk_rate
        return np.where(_bpu(person, period), _half_up(person("income", period), rate), 0)


class jkm_worker(Variable):  # noqa: N801
    value_type = int
    entity = Person
    definition_period = DateUnit.MONTH
    label = "JKM of a non-wage earner, a flat amount"

    def formula(person: Any, period: Any, parameters: Any) -> Any:  # noqa: ANN401, N805
        return np.where(_bpu(person, period), parameters(period).bpu.jkm_amount, 0)


INPUTS = (category, wage, risk_group, birth_date, income, with_jht)
FORMULAS = (
    pension_age_reached,
    jp_due,
    jkk_employer,
    jkk_worker,
    jkm_employer,
    jkm_worker,
    jht_employer,
    jht_worker,
    jp_employer,
    jp_worker,
    jkp_government,
)
