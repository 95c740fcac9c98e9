"""JSON Schemas of the request bodies, for the OpenAPI document only.

The server never validates with these: every body goes through the library's own parser,
which is stricter and names the field. They document the contract for client generators.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = [
    "BATCH_BODY",
    "BENEFITS_BODY",
    "CONTRIBUTIONS_BODY",
    "ERROR_RESPONSES",
    "ROSTER_BODY",
    "json_body",
]

_DATE: Final = {"type": "string", "format": "date", "example": "2025-06-01"}
_AMOUNT: Final = {
    "description": "Rupiah: an integer, or a decimal number or string for sen; never a float "
    "that lost its digits (the server reads decimals exactly).",
    "anyOf": [{"type": "integer"}, {"type": "number"}, {"type": "string"}],
}

CONTRIBUTIONS_REQUEST: Final[dict[str, Any]] = {
    "type": "object",
    "required": ["on", "worker"],
    "additionalProperties": False,
    "properties": {
        "on": _DATE,
        "worker": {
            "type": "object",
            "required": ["category"],
            "description": "The fields of the category: wage, risk_class, birth_date, employer "
            "(pu); income, with_jht (bpu); contract_value or wage (construction); "
            "contract_months, with_jht, jht_amount, pre_placement (migrant).",
            "properties": {
                "category": {"enum": ["pu", "bpu", "construction", "migrant"]},
                "wage": _AMOUNT,
                "risk_class": {"type": "integer", "minimum": 1, "maximum": 5},
                "birth_date": _DATE,
                "employer": {
                    "type": "object",
                    "properties": {
                        "sector": {"type": "string", "example": "textile_apparel"},
                        "workers": {"type": "integer", "minimum": 0},
                    },
                },
                "income": _AMOUNT,
                "with_jht": {"type": "boolean"},
                "jht_amount": _AMOUNT,
                "contract_value": _AMOUNT,
                "contract_months": {"type": "integer", "minimum": 1},
                "pre_placement": {"type": "boolean"},
            },
        },
    },
    "example": {
        "on": "2026-03-01",
        "worker": {
            "category": "pu",
            "wage": 15000000,
            "risk_class": 1,
            "birth_date": "1985-04-02",
        },
    },
}

BENEFITS_REQUEST: Final[dict[str, Any]] = {
    "type": "object",
    "required": ["on", "claim"],
    "additionalProperties": False,
    "properties": {
        "on": _DATE,
        "claim": {
            "type": "object",
            "required": ["program", "event"],
            "description": "The facts of the claim; see `perlindungan benefits --help` and "
            "docs/benefits.md for every field.",
            "properties": {
                "program": {"enum": ["JKK", "JKM", "JHT", "JP", "JKP"]},
                "event": {"type": "string", "example": "death"},
                "category": {"enum": ["pu", "bpu", "construction", "migrant"]},
            },
        },
    },
    "example": {
        "on": "2025-03-01",
        "claim": {"program": "JKM", "event": "death", "category": "pu", "membership_months": 48},
    },
}


def json_body(schema: dict[str, Any], description: str) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads its JSON body itself."""
    return {
        "requestBody": {
            "required": True,
            "description": description,
            "content": {"application/json": {"schema": schema}},
        }
    }


CONTRIBUTIONS_BODY: Final = json_body(
    CONTRIBUTIONS_REQUEST, "The request of `perlindungan contributions --json`."
)
BENEFITS_BODY: Final = json_body(BENEFITS_REQUEST, "The request of `perlindungan benefits --json`.")

_ROW: Final = {
    "type": "object",
    "description": "Columns of the payroll CSV (category, wage, risk_class, birth_date, income, "
    "with_jht, jht_amount, contract_value, contract_months, pre_placement, employer_sector, "
    "employer_workers; id and name carried along; on for a row's own date).",
}
BATCH_BODY: Final = {
    "requestBody": {
        "required": True,
        "description": 'Rows as JSON (`{"on", "rows": [...]}`), CSV with a header '
        "(`text/csv`) or Parquet (`application/vnd.apache.parquet`).",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["rows"],
                    "properties": {
                        "on": _DATE,
                        "columns": {"type": "array", "items": {"type": "string"}},
                        "rows": {"type": "array", "items": _ROW},
                    },
                }
            },
            "text/csv": {"schema": {"type": "string"}},
            "application/vnd.apache.parquet": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}
ROSTER_BODY: Final = {
    "requestBody": {
        "required": True,
        "description": "A roster: CSV with a header (`text/csv`) or JSON lines "
        "(`application/x-ndjson`), with the columns listed by `perlindungan scheme --help`.",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}

_ERROR: Final = {
    "description": "Bad input: the field and its valid form.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "error": {
                        "type": "object",
                        "properties": {
                            "code": {"type": "string"},
                            "field": {"type": ["string", "null"]},
                            "message": {"type": "string"},
                            "title": {"type": "string"},
                        },
                    }
                },
            }
        }
    },
}
ERROR_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    400: _ERROR,
    413: {**_ERROR, "description": "The body is larger than the server's limit."},
    422: {**_ERROR, "description": "No value of a regulation parameter is known for the date."},
}
