"""Every settings section is validated when loaded and when saved: a zero or negative timeout, limit or retry
budget, NaN, infinity, a bool for a number or a number for text is reset to the default, with a logged reason."""

from __future__ import annotations

import dataclasses
import math

import pytest

from app.chain.settings import ChainSettings
from app.config import GenerationSettings, Settings, load_settings, save_settings, settings_path
from app.description.models import DescribeSettings
from app.fleet.settings import FleetSettings
from app.token.publish_settings import PublishSettings

NAN, INF = math.nan, math.inf

BAD = {
    DescribeSettings: {
        "timeout_s": [0, 0.0, -1, -0.5, NAN, INF, -INF, 601, 1e308, True, "30"],
        "deadline_s": [0, -120, NAN, INF, 4.9, 10**6],
        "max_retries": [-1, 11, 2.5, True, 10**30, "2"],
        "max_tokens": [0, -700, 49, 4001, 1.5, False],
        "char_limit": [0, -1, 99, 5001, NAN],
        "temperature": [-0.1, 2.01, NAN, INF, "hot"],
        "model": ["", "   ", 5, None],
    },
    ChainSettings: {
        "auto_lock_minutes": [0, -5, 121, 10**9, 2.5, True, NAN],
        "custom_chain_id": [-1, 2**53, 2**64, 1.0, "1001", True],
        "network": ["moon", "", 5, "Sandbox"],
    },
    GenerationSettings: {
        "device": ["gpu", "", "CUDA", 0, None],
        "live_previews": ["yes", 1, None],
        "model_id": [5, ["a"]],
    },
    PublishSettings: {
        "kubo_url": [5001, None, ["http://127.0.0.1:5001"]],
        "pinning_endpoint": [True, {"url": "x"}],
    },
    FleetSettings: {
        "use": ["gpu", "", "Server", 1, None],
        "url": [8000, None, ["https://gen.example.com"]],
        "allow_local_fallback": ["yes", 1],
        "kiosk_server_only": [0, "true"],
        "timeout_s": [0, -1, NAN, INF, 601, True, "30"],
    },
}

CASES = [(cls, name, value) for cls, fields in BAD.items() for name, values in fields.items() for value in values]


def _fresh(cls, name, value):
    section = cls()
    object.__setattr__(section, name, value)  # as a hand-edited file or a future bug would hand it over
    return section


@pytest.mark.parametrize(("cls", "name", "value"), CASES, ids=[f"{c.__name__}.{n}={v!r:.20}" for c, n, v in CASES])
def test_a_bad_value_is_reset_to_its_default_with_a_reason(cls, name, value, caplog):
    reasons: list[str] = []
    fixed = _fresh(cls, name, value).validated(reasons)
    assert getattr(fixed, name) == getattr(cls(), name)
    assert fixed == cls()  # nothing else touched
    assert len(reasons) == 1 and f".{name}" in reasons[0] and "using" in reasons[0]
    assert any(name in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    ("cls", "good"),
    [
        (DescribeSettings, {"timeout_s": 1, "max_retries": 0, "temperature": 0, "max_tokens": 4000, "deadline_s": 5}),
        (ChainSettings, {"auto_lock_minutes": 120, "custom_chain_id": 1001, "network": "custom"}),
        (GenerationSettings, {"device": "cpu", "live_previews": False}),
        (PublishSettings, {"kubo_url": "http://127.0.0.1:5001"}),
        (FleetSettings, {"use": "server", "url": "http://127.0.0.1:8000", "timeout_s": 600.0}),
    ],
)
def test_values_at_the_edges_are_kept(cls, good):
    section = dataclasses.replace(cls(), **good)
    reasons: list[str] = []
    assert section.validated(reasons) == section and reasons == []


def test_an_int_where_a_float_belongs_is_taken_as_a_float():
    fixed = DescribeSettings(timeout_s=45, temperature=1).validated()
    assert fixed.timeout_s == 45.0 and isinstance(fixed.timeout_s, float) and isinstance(fixed.temperature, float)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda s: setattr(s, "describe", _fresh(DescribeSettings, "timeout_s", -3)),
        lambda s: setattr(s, "describe", _fresh(DescribeSettings, "max_retries", -1)),
        lambda s: setattr(s, "chain", _fresh(ChainSettings, "auto_lock_minutes", 0)),
        lambda s: setattr(s, "theme", "neon"),
        lambda s: setattr(s, "generation", "not a section"),
        lambda s: setattr(s, "publish", None),
    ],
)
def test_saving_writes_only_valid_values(break_it):
    settings = Settings()
    break_it(settings)
    save_settings(settings)
    text = settings_path().read_text(encoding="utf-8")
    assert "nan" not in text and "-3" not in text and "neon" not in text
    assert load_settings() == Settings()
