"""A message keeps its catalogue id and arguments across a process boundary: an error
raised in a worker process is still shown in the reader's language."""

from __future__ import annotations

import pickle

import pytest

from perlindungan._message import Message, localized
from perlindungan.errors import InvalidInputError
from perlindungan.regional import Scenario


def test_a_pickled_error_is_still_shown_in_indonesian() -> None:
    with pytest.raises(InvalidInputError) as caught:
        Scenario.of("quota.total=x")
    english = "quota.total=x: must be a whole number of people, such as 30000."
    copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own object
    assert type(copy) is InvalidInputError
    assert (str(copy), copy.field) == (english, "quota.total")
    assert localized(copy.message, "en") == english
    assert localized(copy.message, "id_ID") == localized(caught.value.message, "id_ID")
    assert localized(copy.message, "id_ID") != english


def test_a_pickled_message_keeps_nested_messages_and_number_grouping() -> None:
    inner = Message("{field} is required", field="id")
    message = Message("{count:,} rows: {problem}", count=1_234_567, problem=inner)
    copy = pickle.loads(pickle.dumps(message))  # noqa: S301 - our own object
    assert (copy, copy.template, copy.params) == (message, message.template, message.params)
    assert copy.localized("en") == "1,234,567 rows: id is required"
    assert copy.localized("id_ID").startswith("1.234.567 ")
    assert copy.localized("id_ID").endswith("id wajib diisi")
    assert localized("plain text", "id_ID") == "plain text"
