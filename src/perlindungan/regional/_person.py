"""The facts known about one applicant (a roster row). A fact left as None is unknown."""

from __future__ import annotations

import datetime as _dt
from typing import Final

import attrs

from perlindungan._i18n import N_
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.money import Rupiah

__all__ = [
    "DOCUMENTS",
    "FACTS",
    "ROLES",
    "ROLE_ALIASES",
    "Person",
    "canonical_role",
    "unknown_role",
]

#: The vocabulary of target-group roles: canonical Indonesian ids with English labels
#: (translated to Indonesian through the catalogue); see docs/regional-schemes.md.
ROLES: Final[dict[str, str]] = {
    "petani": N_("farmer (petani)"),
    "petani_penggarap": N_("tenant farmer (petani penggarap)"),
    "buruh_tani": N_("farm labourer (buruh tani)"),
    "buruh_tani_tembakau": N_("tobacco farm labourer"),
    "nelayan": N_("fisher (nelayan)"),
    "pembudidaya_ikan": N_("fish farmer (pembudidaya ikan)"),
    "pedagang_kaki_lima": N_("street vendor (pedagang kaki lima)"),
    "pedagang_pasar": N_("market trader (pedagang pasar)"),
    "ojek": N_("ojek driver (online or base)"),
    "ojek_pangkalan": N_("ojek driver at a base (ojek pangkalan)"),
    "ojek_online": N_("online ojek driver (ojek online)"),
    "sopir": N_("driver (sopir)"),
    "kurir": N_("courier (kurir)"),
    "buruh_angkut": N_("porter (buruh angkut)"),
    "pekerja_rumah_tangga": N_("domestic worker (pekerja rumah tangga)"),
    "tukang": N_("builder or craftsman (tukang)"),
    "pemulung": N_("waste picker (pemulung)"),
    "pengrajin": N_("artisan (pengrajin)"),
    "pekerja_seni": N_("artist or performer (pekerja seni)"),
    "pekerja_rentan": N_("vulnerable informal worker"),
    "ketua_rt_rw": N_("RT/RW official"),
    "guru_ngaji": N_("Quran teacher (guru ngaji)"),
    "marbot": N_("mosque caretaker or imam (marbot/imam)"),
    "pemandi_jenazah": N_("funeral bather (pemandi jenazah)"),
    "kader_posyandu": N_("Posyandu cadre"),
    "relawan_tagana": N_("Tagana disaster-preparedness volunteer"),
    "petugas_keagamaan": N_("religious worker (petugas keagamaan/syara')"),
    "pekerja_kegiatan_rt": N_("resident working on an RT activity"),
}

#: Earlier (English) role ids and other spellings, still accepted: alias -> canonical id.
ROLE_ALIASES: Final[dict[str, str]] = {
    "rt_rw_official": "ketua_rt_rw",
    "marbot_imam": "marbot",
    "ojek_driver": "ojek",
    "tagana_volunteer": "relawan_tagana",
    "rt_activity_worker": "pekerja_kegiatan_rt",
    "farmer": "petani",
    "fisher": "nelayan",
    "tobacco_farm_labourer": "buruh_tani_tembakau",
    "petugas_syara": "petugas_keagamaan",
    "pkl": "pedagang_kaki_lima",
    "prt": "pekerja_rumah_tangga",
}


def canonical_role(text: str) -> str | None:
    """The canonical id of a role written as its id, an alias or in words
    (``"Petani Penggarap"`` -> ``petani_penggarap``), or None when unknown."""
    key = "_".join(text.strip().lower().replace("-", " ").replace("'", "").split())
    if key in ROLES:
        return key
    return ROLE_ALIASES.get(key)


def unknown_role(text: str) -> Message:
    """The message for an unknown role: the closest names and every valid name."""
    close = did_you_mean(text, [*ROLES, *ROLE_ALIASES]) if text else None
    if close is not None and close.startswith("did you mean"):
        return Message(
            "unknown role {value}; {hint} valid roles: {roles}.",
            value=repr(text),
            hint=close,
            roles=", ".join(ROLES),
        )
    return Message(
        "unknown role {value}; valid roles: {roles}.", value=repr(text), roles=", ".join(ROLES)
    )


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
    "nik",
    "sex",
    "bpjs_active_until",
    "dtsen_decile",
    "disability",
    "occupation",
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
    #: The 16-digit NIK (validated when read; see :mod:`perlindungan.regional._nik`).
    nik: str | None = None
    #: ``"L"`` (laki-laki) or ``"P"`` (perempuan), given or derived from the NIK.
    sex: str | None = None
    #: Last day of paid BPJS Ketenagakerjaan membership; ``date.min`` when not a participant.
    bpjs_active_until: _dt.date | None = None
    #: DTSEN welfare decile (1 = poorest tenth .. 10).
    dtsen_decile: int | None = None
    disability: bool | None = None
    occupation: str | None = None
    #: Notes on facts, e.g. a given birth date that disagrees with the NIK's.
    notes: tuple[str, ...] = ()
