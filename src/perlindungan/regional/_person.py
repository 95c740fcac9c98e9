"""The facts known about one applicant (a roster row). A fact left as None is unknown."""

from __future__ import annotations

import datetime as _dt
from typing import Final

import attrs

from perlindungan._i18n import N_
from perlindungan.money import Rupiah

__all__ = ["DOCUMENTS", "FACTS", "ROLES", "Person"]

#: The documented vocabulary of target-group roles (see docs/regional-programs.md).
ROLES: Final[dict[str, str]] = {
    "rt_rw_official": N_("RT/RW official"),
    "guru_ngaji": N_("Quran teacher (guru ngaji)"),
    "marbot_imam": N_("mosque caretaker or imam (marbot/imam)"),
    "pemandi_jenazah": N_("funeral bather (pemandi jenazah)"),
    "kader_posyandu": N_("Posyandu cadre"),
    "ojek_driver": N_("ojek driver (online or base)"),
    "tagana_volunteer": N_("Tagana disaster-preparedness volunteer"),
    "pekerja_rentan": N_("vulnerable informal worker"),
    "petugas_keagamaan": N_("religious worker (petugas keagamaan/syara')"),
    "rt_activity_worker": N_("resident working on an RT activity"),
    "farmer": N_("farmer"),
    "fisher": N_("fisher"),
    "tobacco_farm_labourer": N_("tobacco farm labourer"),
}

#: Documents an applicant may hold.
DOCUMENTS: Final[dict[str, str]] = {
    "ktp": N_("identity card (KTP)"),
    "kk": N_("family card (KK)"),
    "kelurahan_letter": N_("letter from the kelurahan"),
    "surat_tugas_rt": N_("assignment letter (surat tugas) from the Ketua RT"),
    "nagari_letter": N_("letter from the wali nagari"),
    "sk_volunteer": N_("volunteer decree (SK relawan)"),
}

#: The facts a roster row can give, with their column names.
FACTS: Final[tuple[str, ...]] = (
    "id",
    "name",
    "role",
    "domicile",
    "ktp_region",
    "birth_date",
    "category",
    "income",
    "covered_as_pu",
    "documents",
    "membership_months",
    "sub_region",
    "activity_id",
    "activity_value",
    "application_date",
)


@attrs.frozen
class Person:
    """One applicant's facts; every fact but ``id`` may be None (unknown)."""

    id: str
    name: str | None = None
    role: str | None = None
    domicile: str | None = None
    ktp_region: str | None = None
    birth_date: _dt.date | None = None
    category: str | None = None
    income: Rupiah | None = None
    covered_as_pu: bool | None = None
    documents: frozenset[str] | None = None
    membership_months: int | None = None
    sub_region: str | None = None
    activity_id: str | None = None
    activity_value: Rupiah | None = None
    application_date: _dt.date | None = None
