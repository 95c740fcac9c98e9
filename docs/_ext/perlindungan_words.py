# noqa: INP001 - a Sphinx extension module loaded from docs/_ext, not a package
"""The words of the generated pages, in Bahasa Indonesia (``id``) and English (``en``).

The generated pages (regulation explorer, CLI reference, changes between two dates) are
written directly in the language of the build, so their text does not go through the
page catalogues in ``docs/locale``.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "id": {
        "popular": "Paling sering dicari",
        "popular_intro": "Angka yang paling sering ditanyakan, dengan nilai yang berlaku pada "
        "{date} (hari situs ini dibangun) dan nilai berikutnya yang sudah diketahui:",
        "next": "berikutnya",
        "not_in_force": "tidak ada nilai yang berlaku",
        "jp_cap": "Batas upah iuran JP",
        "jkp_cap": "Batas upah iuran JKP",
        "bpu": "Iuran Bukan Penerima Upah (BPU)",
        "pension_age": "Usia pensiun JP",
        "find": "Cari parameter",
        "find_intro": "Ketik sebagian nama, program, kategori atau dasar hukum untuk menyaring "
        "tabel; klik nama parameter untuk grafik dan riwayatnya.",
        "placeholder": "Cari: mis. upah, JP, BPU, PP 45/2015",
        "parameter": "Parameter",
        "label": "Keterangan",
        "program": "Program",
        "category": "Kategori",
        "latest": "Nilai terbaru",
        "program_category": "Program · kategori",
        "bands_count": "{n} lapisan tarif",
        "names_count": "{n} nama",
        "since_word": "sejak",
        "by_program": "Parameter per program",
        "by_category": "Parameter per kategori pekerja",
        "by_category_intro": "Setiap kategori pekerja dengan parameter yang dipakainya.",
        "general": "Lintas program",
        "general_title": "Lintas program (batas penghasilan, keringanan iuran)",
        "since": "Berlaku sejak",
        "until": "Sampai",
        "value": "Nilai",
        "basis": "Dasar hukum",
        "status": "Status",
        "confidence": "Keyakinan",
        "open": "terbuka",
        "unit": "Satuan",
        "file": "Berkas data",
        "known_until": "diketahui sampai",
        "in_words": "Dasar hukum",
        "copy": "salinan resmi",
        "no_article": "pasal tidak disebut",
        "notes": "Catatan dari berkas data (bahasa Inggris)",
        "no_chart": "Tanpa grafik: nilainya berupa {what}, bukan angka.",
        "chart_title": "Nilai {name} menurut tanggal berlaku",
        "yes": "ya",
        "no": "tidak",
        "above": "di atas",
        "catalogue": "Katalog dasar hukum",
        "catalogue_intro": "Setiap instrumen hukum yang dirujuk data, dengan tautan ke salinan "
        "resmi bila ada.",
        "short": "Singkatan",
        "kind": "Jenis",
        "title": "Judul",
        "in_force": "Berlaku",
        "link": "Tautan",
        "programs": "Skema daerah bawaan",
        "programs_intro": "Contoh skema daerah yang ikut dalam paket, dengan wilayah yang "
        "dicakupnya. Berkasnya ada di `src/perlindungan/data/schemes/`.",
        "name": "Nama",
        "region": "Wilayah",
        "groups": "Kelompok",
        "covers": "Program BPJS",
        "quota": "Kuota",
        "payer": "Pembayar",
        "regions": "Wilayah yang dicakup",
        "regions_intro": "Wilayah (kode Kemendagri) yang dipakai program bawaan.",
        "code": "Kode",
        "level": "Tingkat",
        "parts": "Wilayah di bawahnya dalam data",
        "none": "-",
    },
    "en": {
        "popular": "Most looked up",
        "popular_intro": "The figures asked for most often, with the value in force on {date} "
        "(the day this site was built) and the next value already known:",
        "next": "next",
        "not_in_force": "no value in force",
        "jp_cap": "JP contribution wage cap",
        "jkp_cap": "JKP contribution wage cap",
        "bpu": "Non-wage earner (BPU) contributions",
        "pension_age": "JP pension age",
        "find": "Find a parameter",
        "find_intro": "Type part of a name, program, category or legal basis to filter the "
        "table; click a parameter for its chart and history.",
        "placeholder": "Search: e.g. wage, JP, BPU, PP 45/2015",
        "parameter": "Parameter",
        "label": "Description",
        "program": "Program",
        "category": "Category",
        "latest": "Latest value",
        "program_category": "Program · category",
        "bands_count": "{n} rate bands",
        "names_count": "{n} names",
        "since_word": "since",
        "by_program": "Parameters by program",
        "by_category": "Parameters by worker category",
        "by_category_intro": "Each worker category with the parameters it uses.",
        "general": "Across programs",
        "general_title": "Across programs (income limits, contribution relief)",
        "since": "In force from",
        "until": "Until",
        "value": "Value",
        "basis": "Legal basis",
        "status": "Status",
        "confidence": "Confidence",
        "open": "open",
        "unit": "Unit",
        "file": "Data file",
        "known_until": "known until",
        "in_words": "Legal basis",
        "copy": "official copy",
        "no_article": "no article given",
        "notes": "Notes from the data file",
        "no_chart": "No chart: the value is {what}, not a number.",
        "chart_title": "Values of {name} by the date they take effect",
        "yes": "yes",
        "no": "no",
        "above": "above",
        "catalogue": "Legal-basis catalogue",
        "catalogue_intro": "Every legal instrument the data cites, with a link to an official "
        "copy where one exists.",
        "short": "Short form",
        "kind": "Kind",
        "title": "Title",
        "in_force": "In force",
        "link": "Link",
        "programs": "Bundled regional schemes",
        "programs_intro": "The example regional schemes shipped with the package and the "
        "regions they cover. Their files are in `src/perlindungan/data/schemes/`.",
        "name": "Name",
        "region": "Region",
        "groups": "Groups",
        "covers": "Programs",
        "quota": "Quota",
        "payer": "Payer",
        "regions": "Regions covered",
        "regions_intro": "The regions (Kemendagri codes) the bundled programs use.",
        "code": "Code",
        "level": "Level",
        "parts": "Regions below it in the data",
        "none": "-",
    },
}

PROGRAMS: dict[str, dict[str, str]] = {
    "id": {
        "JKK": "Jaminan Kecelakaan Kerja",
        "JKM": "Jaminan Kematian",
        "JHT": "Jaminan Hari Tua",
        "JP": "Jaminan Pensiun",
        "JKP": "Jaminan Kehilangan Pekerjaan",
    },
    "en": {
        "JKK": "employment injury (Jaminan Kecelakaan Kerja)",
        "JKM": "death (Jaminan Kematian)",
        "JHT": "old-age savings (Jaminan Hari Tua)",
        "JP": "pension (Jaminan Pensiun)",
        "JKP": "job loss (Jaminan Kehilangan Pekerjaan)",
    },
}

CATEGORIES: dict[str, dict[str, str]] = {
    "id": {
        "pu": "Penerima Upah (PU)",
        "bpu": "Bukan Penerima Upah (BPU)",
        "construction": "Jasa konstruksi",
        "migrant": "Pekerja Migran Indonesia (PMI)",
        "relief": "Keringanan iuran",
        "benefits": "Manfaat (semua kategori)",
    },
    "en": {
        "pu": "Wage earners (Penerima Upah, PU)",
        "bpu": "Non-wage earners (Bukan Penerima Upah, BPU)",
        "construction": "Construction services (jasa konstruksi)",
        "migrant": "Migrant workers (Pekerja Migran Indonesia, PMI)",
        "relief": "Contribution relief",
        "benefits": "Benefits (every category)",
    },
}

SHORT_CATEGORIES: dict[str, dict[str, str]] = {
    "id": {
        "pu": "PU",
        "bpu": "BPU",
        "construction": "Konstruksi",
        "migrant": "PMI",
        "relief": "Keringanan",
        "benefits": "Manfaat",
    },
    "en": {
        "pu": "PU",
        "bpu": "BPU",
        "construction": "Construction",
        "migrant": "Migrant (PMI)",
        "relief": "Relief",
        "benefits": "Benefits",
    },
}

STATUS: dict[str, dict[str, str]] = {
    "id": {
        "enacted": "diundangkan",
        "announced": "diumumkan",
        "derived": "diturunkan",
        "illustrative": "ilustratif",
    },
    "en": {
        "enacted": "enacted",
        "announced": "announced",
        "derived": "derived",
        "illustrative": "illustrative",
    },
}

CONFIDENCE: dict[str, dict[str, str]] = {
    "id": {
        "C2": "teks primer dibaca",
        "C1": "sumber sekunder",
        "D": "diturunkan",
        "M": "belum terverifikasi",
    },
    "en": {"C2": "primary text read", "C1": "secondary source", "D": "derived", "M": "unverified"},
}

UNITS: dict[str, dict[str, str]] = {
    "id": {
        "rate": "tarif (persen)",
        "rupiah": "rupiah",
        "months": "bulan",
        "years": "tahun",
        "count": "jumlah",
        "names": "daftar nama",
        "bands": "lapisan tarif",
        "flag": "ya/tidak",
    },
    "en": {
        "rate": "rate (percent)",
        "rupiah": "rupiah",
        "months": "months",
        "years": "years",
        "count": "count",
        "names": "list of names",
        "bands": "rate bands",
        "flag": "yes/no",
    },
}

KINDS_EN: dict[str, str] = {
    "UU": "Law (Undang-Undang)",
    "PP": "Government Regulation (Peraturan Pemerintah)",
    "Perpres": "Presidential Regulation (Peraturan Presiden)",
    "Inpres": "Presidential Instruction (Instruksi Presiden)",
    "Permenaker": "Minister of Manpower Regulation (Permenaker)",
    "Permendagri": "Minister of Home Affairs Regulation (Permendagri)",
    "PMK": "Minister of Finance Regulation (PMK)",
    "Surat BPJS": "Letter of the BPJS Ketenagakerjaan board",
    "Perdir BPJS": "BPJS Ketenagakerjaan board regulation",
    "Perda": "Regional Regulation (Perda)",
    "Pergub": "Governor Regulation (Pergub)",
    "Perwal": "Mayor Regulation (Perwal)",
    "Perbup": "Regent Regulation (Perbup)",
    "Kepgub": "Governor Decree (Kepgub)",
    "Perkades": "Village head regulation (Perkades)",
    "MoU": "Memorandum of understanding",
    "Library": "perlindungan convention",
}

#: The Indonesian words of the library's own conventions, whose data title is English
#: (``kind = "Library"``): the Indonesian site shows these instead.
LIBRARY_ID: dict[str, str] = {
    "Library": "Ketentuan pustaka perlindungan (bukan peraturan)",
    "library-rounding": "Pembulatan menurut perlindungan: setiap baris iuran dibulatkan ke "
    "rupiah penuh, setengah ke atas (tidak ada peraturan yang menetapkannya)",
}

LEVELS: dict[str, dict[str, str]] = {
    "id": {
        "province": "provinsi",
        "regency": "kabupaten",
        "city": "kota",
        "district": "kecamatan",
        "village": "desa / kelurahan / nagari",
    },
    "en": {
        "province": "province",
        "regency": "regency",
        "city": "city",
        "district": "district",
        "village": "village",
    },
}

PAYERS: dict[str, dict[str, str]] = {
    "id": {
        "regional_budget": "APBD",
        "village_budget": "APBDes / dana desa",
        "employer": "pemberi kerja",
        "worker": "pekerja",
        "government": "pemerintah pusat",
        "other": "lainnya",
    },
    "en": {
        "regional_budget": "regional budget (APBD)",
        "village_budget": "village budget (APBDes)",
        "employer": "employer",
        "worker": "worker",
        "government": "central government",
        "other": "other",
    },
}


def lang_of(language: str | None) -> str:
    """``en`` for an English build, ``id`` for everything else (the default)."""
    return "en" if (language or "").lower().startswith("en") else "id"
