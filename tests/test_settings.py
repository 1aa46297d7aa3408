"""Settings come from BUDGETKG_* variables; a bad number is a one-line ConfigError naming the variable."""

from __future__ import annotations

import pytest

from budgetkg.errors import ConfigError
from budgetkg.settings import Settings, load_settings


def test_defaults_without_the_environment() -> None:
    assert load_settings({}) == Settings()


def test_each_number_is_read_from_its_variable() -> None:
    settings = load_settings(
        {
            "BUDGETKG_QUERY_TIMEOUT": "2.5",
            "BUDGETKG_RESULT_LIMIT": "7",
            "BUDGETKG_WORKERS": "3",
            "BUDGETKG_LINEAGE_MAX_NODES": "40",
            "BUDGETKG_BASE_IRI": "https://kg.example.cn/data",
        }
    )
    assert (settings.query_timeout, settings.result_limit, settings.workers) == (2.5, 7, 3)
    assert settings.lineage_max_nodes == 40
    assert settings.base_iri == "https://kg.example.cn/data/"


@pytest.mark.parametrize("raw", ["many", "0", "-5"])
def test_a_bad_number_names_its_variable(raw: str) -> None:
    with pytest.raises(ConfigError, match="BUDGETKG_LINEAGE_MAX_NODES"):
        load_settings({"BUDGETKG_LINEAGE_MAX_NODES": raw})
